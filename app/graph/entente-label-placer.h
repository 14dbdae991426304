/* entente-label-placer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _EntenteLabelPlacer EntenteLabelPlacer;

EntenteLabelPlacer *entente_label_placer_new        (double                    width,
                                                     double                    height);
void                entente_label_placer_block      (EntenteLabelPlacer       *placer,
                                                     const cairo_rectangle_t  *rect);
gboolean            entente_label_placer_place_at   (EntenteLabelPlacer       *placer,
                                                     const cairo_rectangle_t  *rect,
                                                     gboolean                  forced);
int                 entente_label_placer_place_beside (EntenteLabelPlacer     *placer,
                                                     double                    x,
                                                     double                    y,
                                                     double                    radius,
                                                     double                    width,
                                                     double                    height,
                                                     gboolean                  forced);
void                entente_label_placer_get_label  (const EntenteLabelPlacer *placer,
                                                     int                       label,
                                                     cairo_rectangle_t        *rect);
void                entente_label_placer_free       (EntenteLabelPlacer       *placer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteLabelPlacer, entente_label_placer_free)

G_END_DECLS
