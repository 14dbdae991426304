/* test-raster.c — the hand-drawn lines: right colours, right weight, and
 * the same pixels whether drawn in one band of rows or two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "graph/entente-raster.h"

#define WIDTH  240
#define HEIGHT 160

static cairo_surface_t *
surface_filled (double r,
                double g,
                double b,
                double a)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgba (cr, r, g, b, a);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (data + y * cairo_image_surface_get_stride (surface)))[x];
}

/* Source-over one channel at a time, as the rasterizer is meant to blend:
 * (s·k >> 8) + (d·keep >> 8), keep = 256 − sa − (sa >> 7). */
static guint32
reference_blend (guint32 d,
                 guint32 a,
                 guint32 r,
                 guint32 g,
                 guint32 b,
                 guint32 k)
{
  guint32 sa = (a * k) >> 8, sr = (r * k) >> 8, sg = (g * k) >> 8, sb = (b * k) >> 8;
  guint32 keep = 256 - sa - (sa >> 7);

  return (sa + (((d >> 24) * keep) >> 8)) << 24 |
         (sr + ((((d >> 16) & 0xff) * keep) >> 8)) << 16 |
         (sg + ((((d >> 8) & 0xff) * keep) >> 8)) << 8 |
         (sb + (((d & 0xff) * keep) >> 8));
}

/* A wide horizontal line covers its middle rows wholly: there each channel
 * of the result is the reference blend of its own channel, over a
 * background whose four channels all differ. */
static void
test_blend_channels (void)
{
  cairo_surface_t *surface = surface_filled (0.9, 0.1, 0.3, 1.0);
  guint32 background = pixel_at (surface, 5, 5);
  EntenteRasterColor color = entente_raster_color (0.2, 0.4, 0.6, 0.5);
  guint32 a = (guint32) (color.a * 255 + 0.5), r = (guint32) (color.r * 255 + 0.5);
  guint32 g = (guint32) (color.g * 255 + 0.5), b = (guint32) (color.b * 255 + 0.5);
  cairo_t *cr = cairo_create (surface);
  EntenteRaster raster;

  g_assert_true (entente_raster_begin (&raster, cr));
  entente_raster_line (&raster, 20, 80, 220, 80, 6, color, NULL, 0);
  entente_raster_end (&raster);
  cairo_destroy (cr);

  g_assert_cmphex (pixel_at (surface, 120, 80), ==, reference_blend (background, a, r, g, b, 256));
  g_assert_cmphex (pixel_at (surface, 120, 78), ==, reference_blend (background, a, r, g, b, 256));
  /* Above the line, untouched. */
  g_assert_cmphex (pixel_at (surface, 120, 70), ==, background);
  cairo_surface_destroy (surface);
}

typedef struct
{
  double x0, y0, x1, y1, width;
  gboolean dashed;
} Line;

/* Shallow and steep, both directions, crossing the middle or not, partly
 * off the image or running billions of pixels out, dashed, level and all
 * but level: every case of the two loops. */
static const Line lines[] = {
  { 10, 10, 230, 150, 1.5, FALSE },
  { 230, 12, 8, 140, 0.75, FALSE },
  { 5, 70, 235, 90, 2.0, FALSE },
  { 120, 5, 130, 155, 1.0, FALSE },
  { 60, 150, 70, 20, 3.0, TRUE },
  { -40, 30, 300, 130, 1.5, FALSE },
  { 30, 40, 200, 45, 1.5, TRUE },
  { 200, 100, 20, 110, 0.75, FALSE },
  { 40, 79.6, 200, 80.4, 1.5, FALSE },
  { 100, -20, 150, 400, 1.2, FALSE },
  { 0, 0, 239, 0, 1.0, FALSE },
  { 10, 60, 230, 60.000000001, 1.5, FALSE },
  { 100, 100, 8e9, 3e9, 1.5, FALSE },
  { 150, 20, -4e9, 9e9, 1.0, FALSE },
  { 50, 50, 50.0001, 120, 1.0, FALSE },
};

static void
draw_lines (EntenteRaster *raster)
{
  static const double dashes[] = { 7.0, 5.0 };
  EntenteRasterColor color = entente_raster_color (0.3, 0.3, 0.35, 0.9);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    entente_raster_line (raster, lines[i].x0, lines[i].y0, lines[i].x1, lines[i].y1, lines[i].width,
                         color, lines[i].dashed ? dashes : NULL, 0);
}

/* Drawn by two threads, the picture is split into a top and a bottom band
 * of rows; each pixel must get the same blends as in one pass. */
static void
test_bands_same_pixels (void)
{
  cairo_surface_t *whole = surface_filled (0.98, 0.98, 0.98, 1.0);
  cairo_surface_t *banded = surface_filled (0.98, 0.98, 0.98, 1.0);
  int stride = cairo_image_surface_get_stride (whole);
  cairo_t *cr;
  EntenteRaster raster, top, bottom;

  cr = cairo_create (whole);
  g_assert_true (entente_raster_begin (&raster, cr));
  draw_lines (&raster);
  entente_raster_end (&raster);
  cairo_destroy (cr);

  for (int split = 1; split < HEIGHT; split += 37)
    {
      cr = cairo_create (banded);
      cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
      cairo_paint (cr);
      g_assert_true (entente_raster_begin (&top, cr));
      bottom = top;
      top.band_y1 = bottom.band_y0 = split;
      draw_lines (&bottom);
      draw_lines (&top);
      entente_raster_end (&top);
      cairo_destroy (cr);

      g_assert_cmpmem (cairo_image_surface_get_data (whole), stride * HEIGHT,
                       cairo_image_surface_get_data (banded), stride * HEIGHT);
    }
  cairo_surface_destroy (whole);
  cairo_surface_destroy (banded);
}

static double
ink (cairo_surface_t *surface)
{
  double sum = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      sum += (pixel_at (surface, x, y) >> 24) / 255.0;
  return sum;
}

/* The length of the part of a line inside the image (Liang–Barsky). */
static double
visible_length (const Line *line)
{
  double dx = line->x1 - line->x0, dy = line->y1 - line->y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { line->x0, WIDTH - line->x0, line->y0, HEIGHT - line->y0 };
  double t0 = 0, t1 = 1;

  for (int k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return 0;
          continue;
        }
      if (p[k] < 0)
        t0 = MAX (t0, q[k] / p[k]);
      else
        t1 = MIN (t1, q[k] / p[k]);
    }
  return t1 > t0 ? (t1 - t0) * hypot (dx, dy) : 0;
}

/* Each line puts down as much ink as Cairo's stroke of it (butt caps):
 * the same weight, within a few per cent, at every angle, down to the
 * thinnest the renderer draws (0.75 px). Cairo's fixed-point coordinates
 * do not reach lines that run billions of pixels out: those are held to
 * their visible length times their width. */
static void
test_weight_like_cairo (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_surface_t *ours, *cairos;
      cairo_t *cr;
      EntenteRaster raster;
      double expected;

      if (lines[i].dashed)
        continue;

      ours = surface_filled (0, 0, 0, 0);
      cairos = surface_filled (0, 0, 0, 0);

      cr = cairo_create (ours);
      g_assert_true (entente_raster_begin (&raster, cr));
      entente_raster_line (&raster, lines[i].x0, lines[i].y0, lines[i].x1, lines[i].y1, lines[i].width,
                           entente_raster_color (0, 0, 0, 1), NULL, 0);
      entente_raster_end (&raster);
      cairo_destroy (cr);

      cr = cairo_create (cairos);
      cairo_set_line_width (cr, lines[i].width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, lines[i].x0, lines[i].y0);
      cairo_line_to (cr, lines[i].x1, lines[i].y1);
      cairo_stroke (cr);
      cairo_destroy (cr);
      cairo_surface_flush (cairos);

      expected = fabs (lines[i].x1) < 1e6 && fabs (lines[i].y1) < 1e6
                 ? ink (cairos) : visible_length (&lines[i]) * lines[i].width;
      g_assert_cmpfloat (expected, >, 10);
      g_assert_cmpfloat_with_epsilon (ink (ours), expected, expected * 0.04);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (cairos);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/raster/blend-channels", test_blend_channels);
  g_test_add_func ("/graph/raster/bands-same-pixels", test_bands_same_pixels);
  g_test_add_func ("/graph/raster/weight-like-cairo", test_weight_like_cairo);

  return g_test_run ();
}
