/* entente-glyph-metrics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _EntenteGlyphMetrics EntenteGlyphMetrics;

EntenteGlyphMetrics *entente_glyph_metrics_new        (cairo_t             *cr);
void                 entente_glyph_metrics_read       (EntenteGlyphMetrics *metrics,
                                                       PangoLayout         *layout);
void                 entente_glyph_metrics_free       (EntenteGlyphMetrics *metrics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteGlyphMetrics, entente_glyph_metrics_free)

G_END_DECLS
