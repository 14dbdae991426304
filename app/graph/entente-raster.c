/* entente-raster.c
 *
 * Cairo 1.16 spends some 20 µs on every stroke, whatever its size, and
 * batching edges into one path is slower still: a 10,000-node graph took
 * half a second to draw. Thin lines and small convex shapes are simple to
 * draw by hand with coverage from the distance to the ideal shape, which
 * costs a handful of nanoseconds a pixel. Only drawing into image surfaces
 * goes this way; SVG and PDF exports keep Cairo's vector strokes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-raster.h"

EntenteRasterColor
entente_raster_color (double r,
                      double g,
                      double b,
                      double alpha)
{
  return (EntenteRasterColor) { r * alpha, g * alpha, b * alpha, alpha };
}

/* Only a plain scale and translation can be folded into the points. */
gboolean
entente_raster_begin (EntenteRaster *raster,
                      cairo_t       *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy || sx != sy)
    return FALSE;

  cairo_surface_flush (target);
  raster->surface = target;
  raster->pixels = (guint32 *) cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target) / 4;
  raster->width = cairo_image_surface_get_width (target);
  raster->height = cairo_image_surface_get_height (target);
  raster->cr = cr;
  raster->scale = matrix.xx * sx;
  raster->matrix = matrix;
  raster->matrix.xx *= sx;
  raster->matrix.yy *= sy;
  raster->matrix.x0 = raster->matrix.x0 * sx;
  raster->matrix.y0 = raster->matrix.y0 * sy;
  {
    double ox, oy;
    cairo_surface_get_device_offset (target, &ox, &oy);
    raster->matrix.x0 += ox;
    raster->matrix.y0 += oy;
  }
  raster->band_y0 = 0;
  raster->band_y1 = raster->height;
  return raster->pixels != NULL;
}

void
entente_raster_end (EntenteRaster *raster)
{
  cairo_surface_mark_dirty (raster->surface);
}

static void
to_device (EntenteRaster *raster,
           double        *x,
           double        *y)
{
  cairo_matrix_transform_point (&raster->matrix, x, y);
}

/* A premultiplied colour as 0–255 integers, worked out once per shape, two
 * channels to a word (alpha and green, red and blue), each in 16 bits: a
 * channel times a coverage of at most 256 still fits in its half, so one
 * multiplication scales two channels. */
typedef struct
{
  guint32 ag, rb;
} Bytes;

static inline Bytes
to_bytes (EntenteRasterColor c)
{
  guint32 a = (guint32) (c.a * 255 + 0.5), r = (guint32) (c.r * 255 + 0.5);
  guint32 g = (guint32) (c.g * 255 + 0.5), b = (guint32) (c.b * 255 + 0.5);

  return (Bytes) { a << 16 | g, r << 16 | b };
}

#define LOW_BYTES 0x00ff00ffu

/* Source-over at @coverage (0–1), in integers: this is the innermost loop
 * of drawing a big graph. Each channel is (s·k >> 8) + (d·keep >> 8), as
 * one channel at a time would give; premultiplied, the sum stays within a
 * byte, so the two halves never carry into each other. */
static inline void
blend_bytes (EntenteRaster *raster,
             int            x,
             int            y,
             Bytes          c,
             float          coverage)
{
  guint32 *p = &raster->pixels[y * raster->stride + x];
  guint32 d = *p;
  guint32 k = (guint32) (coverage * 256.0f + 0.5f);
  guint32 s_ag = ((c.ag * k) >> 8) & LOW_BYTES, s_rb = ((c.rb * k) >> 8) & LOW_BYTES;
  guint32 sa = s_ag >> 16;
  guint32 keep = 256 - sa - (sa >> 7);
  guint32 d_ag = ((((d >> 8) & LOW_BYTES) * keep) >> 8) & LOW_BYTES;
  guint32 d_rb = (((d & LOW_BYTES) * keep) >> 8) & LOW_BYTES;

  *p = ((s_ag + d_ag) << 8) | (s_rb + d_rb);
}

static inline void
blend (EntenteRaster      *raster,
       int                 x,
       int                 y,
       EntenteRasterColor  c,
       float               coverage)
{
  blend_bytes (raster, x, y, to_bytes (c), coverage);
}

static gboolean
dash_on (const double *dashes,
         double        along)
{
  double period;

  if (dashes == NULL)
    return TRUE;
  period = dashes[0] + dashes[1];
  return fmod (along, period) < dashes[0];
}

/* @v, a whole number of pixels, within [@lo, @hi]: clamped before it
 * becomes an int, as a line's far end may lie millions of pixels out. */
static inline int
clamp_pixel (double v,
             int    lo,
             int    hi)
{
  return v <= lo ? lo : v >= hi ? hi : (int) v;
}

/* The first and last pixel whose centre lies within @start and @end, less
 * a margin: a pixel whose centre is farther than the line's reach gets no
 * coverage, and one within the margin of it less than the 0.004 a blend
 * needs (the margin is in pixels along the axis, and so at least as much
 * across the line). Only the pixels that are sure to get nothing are left
 * out; those with nothing to add still go through the test. */
#define REACH_MARGIN 0.002

static inline int
first_within (double start)
{
  double centre = start - 0.5 + REACH_MARGIN;

  return centre < 0 ? 0 : (int) centre + 1;
}

static inline int
last_within (double end)
{
  return (int) (end - 0.5 - REACH_MARGIN);
}

/* A line of the given width (in user units): every pixel near the segment
 * gets the part of it the line covers, by its distance to the centre line.
 * Ends are cut square. */
void
entente_raster_line (EntenteRaster      *raster,
                     double              x0,
                     double              y0,
                     double              x1,
                     double              y1,
                     double              width,
                     EntenteRasterColor  color,
                     const double       *dashes,
                     double              dash_offset)
{
  double dx, dy, length, inverse_length, half, reach;
  Bytes bytes = to_bytes (color);
  gboolean x_major;

  to_device (raster, &x0, &y0);
  to_device (raster, &x1, &y1);
  width *= raster->scale;
  dash_offset *= raster->scale;

  dx = x1 - x0;
  dy = y1 - y0;
  length = sqrt (dx * dx + dy * dy);
  if (length < 1e-6)
    return;
  inverse_length = 1.0 / length;
  half = width / 2;
  x_major = fabs (dx) >= fabs (dy);

  /* Walk the major axis; at each step, the pixels across the line that
   * can be covered at all: those nearer than half the width plus half a
   * pixel, measured across. */
  reach = (half + 0.5) * length / (x_major ? fabs (dx) : fabs (dy));
  if (x_major)
    {
      int xa = clamp_pixel (floor (MIN (x0, x1)), 0, raster->width);
      int xb = clamp_pixel (ceil (MAX (x0, x1)), -1, raster->width - 1);

      /* Only the columns where the line comes near the band of rows being
       * drawn (a column more each side): drawn in two bands, each would
       * otherwise walk every line from end to end. */
      if (dy != 0)
        {
          double xc_top = x0 + (raster->band_y0 - reach - 1 - y0) * dx / dy - 0.5;
          double xc_bottom = x0 + (raster->band_y1 + reach + 1 - y0) * dx / dy - 0.5;
          /* Nearly level, those are far out: clamped before they become
           * integers. */
          double from = CLAMP (MIN (xc_top, xc_bottom), xa - 1.0, xb + 1.0);
          double to = CLAMP (MAX (xc_top, xc_bottom), xa - 1.0, xb + 1.0);

          xa = MAX (xa, (int) floor (from) - 1);
          xb = MIN (xb, (int) ceil (to) + 1);
        }

      for (int x = xa; x <= xb; x++)
        {
          double t = (x + 0.5 - x0) / dx;
          double yc = y0 + t * dy;
          int ya, yb;

          if (t < 0 || t > 1 || (dashes && !dash_on (dashes, t * length / raster->scale + dash_offset / raster->scale)))
            continue;
          ya = MAX (raster->band_y0, first_within (yc - reach));
          yb = MIN (raster->band_y1 - 1, last_within (yc + reach));
          for (int y = ya; y <= yb; y++)
            {
              float distance = (float) (fabs ((y + 0.5 - yc) * dx) * inverse_length);
              float coverage = CLAMP ((float) half + 0.5f - distance, 0.0f, 1.0f);

              if (coverage > 0.004f)
                blend_bytes (raster, x, y, bytes, coverage);
            }
        }
    }
  else
    {
      int ya = clamp_pixel (floor (MIN (y0, y1)), raster->band_y0, raster->band_y1);
      int yb = clamp_pixel (ceil (MAX (y0, y1)), raster->band_y0 - 1, raster->band_y1 - 1);

      for (int y = ya; y <= yb; y++)
        {
          double t = (y + 0.5 - y0) / dy;
          double xc = x0 + t * dx;
          int xa, xb;

          if (t < 0 || t > 1 || (dashes && !dash_on (dashes, t * length / raster->scale + dash_offset / raster->scale)))
            continue;
          xa = MAX (0, first_within (xc - reach));
          xb = MIN (raster->width - 1, last_within (xc + reach));
          for (int x = xa; x <= xb; x++)
            {
              float distance = (float) (fabs ((x + 0.5 - xc) * dy) * inverse_length);
              float coverage = CLAMP ((float) half + 0.5f - distance, 0.0f, 1.0f);

              if (coverage > 0.004f)
                blend_bytes (raster, x, y, bytes, coverage);
            }
        }
    }
}

/* A filled triangle (an arrowhead): coverage from the signed distance to
 * the nearest edge. */
void
entente_raster_triangle (EntenteRaster      *raster,
                         const double       *xy,
                         EntenteRasterColor  color)
{
  double p[6], nx[3], ny[3], c[3];
  double area;
  int xa, xb, ya, yb;

  for (int k = 0; k < 3; k++)
    {
      p[2 * k] = xy[2 * k];
      p[2 * k + 1] = xy[2 * k + 1];
      to_device (raster, &p[2 * k], &p[2 * k + 1]);
    }

  area = (p[2] - p[0]) * (p[5] - p[1]) - (p[4] - p[0]) * (p[3] - p[1]);
  if (fabs (area) < 1e-6)
    return;

  for (int k = 0; k < 3; k++)
    {
      double ax = p[2 * k], ay = p[2 * k + 1];
      double bx = p[(2 * k + 2) % 6], by = p[(2 * k + 3) % 6];
      double ex = bx - ax, ey = by - ay, len = sqrt (ex * ex + ey * ey);

      /* Inward normals, whatever the winding. */
      nx[k] = (area > 0 ? -ey : ey) / len;
      ny[k] = (area > 0 ? ex : -ex) / len;
      c[k] = -(nx[k] * ax + ny[k] * ay);
    }

  xa = clamp_pixel (floor (MIN (p[0], MIN (p[2], p[4]))) - 1, 0, raster->width);
  xb = clamp_pixel (ceil (MAX (p[0], MAX (p[2], p[4]))) + 1, -1, raster->width - 1);
  ya = clamp_pixel (floor (MIN (p[1], MIN (p[3], p[5]))) - 1, raster->band_y0, raster->band_y1);
  yb = clamp_pixel (ceil (MAX (p[1], MAX (p[3], p[5]))) + 1, raster->band_y0 - 1, raster->band_y1 - 1);

  for (int y = ya; y <= yb; y++)
    for (int x = xa; x <= xb; x++)
      {
        double px = x + 0.5, py = y + 0.5;
        double inside = G_MAXDOUBLE;

        for (int k = 0; k < 3; k++)
          inside = MIN (inside, nx[k] * px + ny[k] * py + c[k]);
        if (inside > -0.5)
          blend (raster, x, y, color, (float) CLAMP (inside + 0.5, 0.0, 1.0));
      }
}

/* Signed distance to a shape of "radius" r centred at 0: negative inside.
 * The same shapes as entente_render_kind_shape(). */
static double
shape_distance (EntenteEntityKind kind,
                double            x,
                double            y,
                double            r)
{
  switch (kind)
    {
    case ENTENTE_ENTITY_PERSON:
      return sqrt (x * x + y * y) - r;

    case ENTENTE_ENTITY_COMPANY:
      {
        double s = r * 0.88, corner = r * 0.3;
        double qx = fabs (x) - (s - corner), qy = fabs (y) - (s - corner);
        double ox = MAX (qx, 0), oy = MAX (qy, 0);

        return sqrt (ox * ox + oy * oy) + MIN (MAX (qx, qy), 0) - corner;
      }

    case ENTENTE_ENTITY_PRODUCT:
      return (fabs (x) + fabs (y) - r * 1.12) * G_SQRT2 / 2;

    case ENTENTE_ENTITY_ORGANIZATION:
    case ENTENTE_N_ENTITY_KINDS:
    default:
      {
        /* Pointy top and bottom: sides at 0° and ±60°. */
        double apothem = r * 0.8660254;
        double ax = fabs (x), ay = fabs (y);

        return MAX (ax, 0.5 * ax + 0.8660254 * ay) - apothem;
      }
    }
}

/* The distance from the centre to the nearest point of the edge: within
 * it, less the outline and half a pixel, a pixel is wholly filled. */
static double
shape_inradius (EntenteEntityKind kind,
                double            r)
{
  switch (kind)
    {
    case ENTENTE_ENTITY_PERSON:
      return r;
    case ENTENTE_ENTITY_COMPANY:
      return r * 0.88;
    case ENTENTE_ENTITY_PRODUCT:
      return r * 1.12 * G_SQRT2 / 2;
    case ENTENTE_ENTITY_ORGANIZATION:
    case ENTENTE_N_ENTITY_KINDS:
    default:
      return r * 0.8660254;
    }
}

void
entente_raster_shape (EntenteRaster      *raster,
                      EntenteEntityKind   kind,
                      double              cx,
                      double              cy,
                      double              r,
                      EntenteRasterColor  fill,
                      EntenteRasterColor  outline,
                      double              outline_width)
{
  Bytes fill_bytes = to_bytes (fill), outline_bytes = to_bytes (outline);
  double extent, solid;
  int xa, xb, ya, yb;

  to_device (raster, &cx, &cy);
  r *= raster->scale;
  outline_width *= raster->scale;
  extent = r * 1.2 + outline_width + 1;
  solid = MAX (0, shape_inradius (kind, r) - outline_width / 2 - 0.5);

  xa = MAX (0, (int) floor (cx - extent));
  xb = MIN (raster->width - 1, (int) ceil (cx + extent));
  ya = MAX (raster->band_y0, (int) floor (cy - extent));
  yb = MIN (raster->band_y1 - 1, (int) ceil (cy + extent));

  /* Row by row: the pixels within the bounding circle (one more each side;
   * every shape ends well inside it), and among them the span within the
   * inscribed circle (one fewer each side), wholly filled. A pixel outside
   * that span gets its coverage from its distance to the edge, which
   * inside the span would come out whole too: the spans only save work. */
  for (int y = ya; y <= yb; y++)
    {
      double py = y + 0.5 - cy;
      double reach2 = extent * extent - py * py;
      double inner2 = solid * solid - py * py;
      int x0, x1, s0 = G_MAXINT, s1 = G_MININT;

      if (reach2 < 0)
        continue;
      x0 = MAX (xa, (int) floor (cx - 0.5 - sqrt (reach2)));
      x1 = MIN (xb, (int) ceil (cx - 0.5 + sqrt (reach2)));
      if (inner2 > 0)
        {
          s0 = MAX (x0, (int) ceil (cx - 0.5 - sqrt (inner2)) + 1);
          s1 = MIN (x1, (int) floor (cx - 0.5 + sqrt (inner2)) - 1);
          if (s0 > s1)
            s0 = G_MAXINT;
        }

      for (int x = x0; x <= x1; x++)
        {
          double px = x + 0.5 - cx;
          double d, whole, inner;

          if (x == s0)
            {
              for (; x <= s1; x++)
                blend_bytes (raster, x, y, fill_bytes, 1.0f);
              x--;
              continue;
            }

          /* The outline is centred on the edge, as a Cairo stroke is. */
          d = shape_distance (kind, px, py, r);
          whole = CLAMP (0.5 - (d - outline_width / 2), 0.0, 1.0);
          inner = CLAMP (0.5 - (d + outline_width / 2), 0.0, 1.0);

          if (whole <= 0)
            continue;
          if (outline_width > 0 && inner < 1.0)
            blend_bytes (raster, x, y, outline_bytes, (float) whole);
          if (inner > 0)
            blend_bytes (raster, x, y, fill_bytes, (float) inner);
        }
    }
}
