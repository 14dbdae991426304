/* entente-raster.h — anti-aliased lines and node shapes, straight into pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "story/entente-story.h"

G_BEGIN_DECLS

/* A cairo image surface opened for direct drawing, with the cairo_t's
 * transformation (a scale and a translation) applied to every point. */
typedef struct
{
  cairo_surface_t *surface;
  guint32         *pixels;
  int              stride;  /* in pixels */
  int              width;
  int              height;
  cairo_t         *cr;
  double           scale;
  cairo_matrix_t   matrix;  /* user to device, copied so threads need no cairo_t */
  int              band_y0; /* rows this raster may write: [band_y0, band_y1) */
  int              band_y1;
} EntenteRaster;

/* Premultiplied colour. */
typedef struct
{
  double r, g, b, a;
} EntenteRasterColor;

gboolean entente_raster_begin  (EntenteRaster            *raster,
                                cairo_t                  *cr);
void     entente_raster_end    (EntenteRaster            *raster);
void     entente_raster_line   (EntenteRaster            *raster,
                                double                    x0,
                                double                    y0,
                                double                    x1,
                                double                    y1,
                                double                    width,
                                EntenteRasterColor        color,
                                const double             *dashes,
                                double                    dash_offset);
void     entente_raster_triangle (EntenteRaster          *raster,
                                  const double           *xy,
                                  EntenteRasterColor      color);
void     entente_raster_shape  (EntenteRaster            *raster,
                                EntenteEntityKind         kind,
                                double                    cx,
                                double                    cy,
                                double                    r,
                                EntenteRasterColor        fill,
                                EntenteRasterColor        outline,
                                double                    outline_width);
EntenteRasterColor entente_raster_color (double r,
                                         double g,
                                         double b,
                                         double alpha);

G_END_DECLS
