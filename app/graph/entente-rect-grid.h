/* entente-rect-grid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _EntenteRectGrid EntenteRectGrid;

/* Sharing a point inside both: touching edges are not an overlap. */
static inline gboolean
entente_rects_overlap (const cairo_rectangle_t *a,
                       const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

EntenteRectGrid *entente_rect_grid_new      (double                   width,
                                             double                   height);
guint            entente_rect_grid_add      (EntenteRectGrid         *grid,
                                             const cairo_rectangle_t *rect);
void             entente_rect_grid_remove   (EntenteRectGrid         *grid,
                                             guint                    index);
gboolean         entente_rect_grid_overlaps (const EntenteRectGrid   *grid,
                                             const cairo_rectangle_t *rect);
guint            entente_rect_grid_find     (const EntenteRectGrid   *grid,
                                             const cairo_rectangle_t *rect,
                                             guint                   *found,
                                             guint                    max_found);
void             entente_rect_grid_free     (EntenteRectGrid         *grid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteRectGrid, entente_rect_grid_free)

G_END_DECLS
