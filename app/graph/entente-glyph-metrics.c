/* entente-glyph-metrics.c — glyph metrics read in one go
 *
 * Cairo 1.16 reads a glyph's metrics at the font's design size and draws
 * it at the text's size; with a hinted TrueType font each switch between
 * the two re-runs the font's set-up program (DejaVu Sans: a quarter of a
 * million instructions). Text drawn piece after piece switches twice for
 * every piece with a new glyph. Reading the metrics of all the pieces'
 * glyphs first, in the scaled font that drawing on the target will use,
 * leaves a single switch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-glyph-metrics.h"

struct _EntenteGlyphMetrics
{
  cairo_t *scratch;
  GArray  *glyphs;
};

/* Metrics read through the returned reader land in the scaled fonts that
 * text drawn on @cr's target will use (its font options are the target's). */
EntenteGlyphMetrics *
entente_glyph_metrics_new (cairo_t *cr)
{
  EntenteGlyphMetrics *metrics = g_new0 (EntenteGlyphMetrics, 1);
  cairo_surface_t *scratch = cairo_surface_create_similar (cairo_get_target (cr), CAIRO_CONTENT_ALPHA, 1, 1);

  metrics->scratch = cairo_create (scratch);
  metrics->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  cairo_surface_destroy (scratch);
  return metrics;
}

void
entente_glyph_metrics_read (EntenteGlyphMetrics *metrics,
                            PangoLayout         *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      cairo_text_extents_t extents;

      if (run == NULL || !PANGO_IS_CAIRO_FONT (run->item->analysis.font))
        continue;
      g_array_set_size (metrics->glyphs, 0);
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[g].glyph;

          if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
            g_array_append_val (metrics->glyphs, ((cairo_glyph_t) { .index = glyph }));
        }
      cairo_set_scaled_font (metrics->scratch, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
      cairo_glyph_extents (metrics->scratch, (cairo_glyph_t *) metrics->glyphs->data, (int) metrics->glyphs->len, &extents);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

void
entente_glyph_metrics_free (EntenteGlyphMetrics *metrics)
{
  cairo_destroy (metrics->scratch);
  g_array_unref (metrics->glyphs);
  g_free (metrics);
}
