/* entente-viewport.h — pan and zoom as plain arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The world point at the centre of the view, the zoom, and the view's size
 * in screen units. */
typedef struct
{
  double center_x;
  double center_y;
  double zoom;
  double width;
  double height;
} EntenteViewport;

#define ENTENTE_VIEWPORT_MIN_ZOOM 0.001
#define ENTENTE_VIEWPORT_MAX_ZOOM 8.0

void entente_viewport_init            (EntenteViewport       *vp,
                                       double                 width,
                                       double                 height);
void entente_viewport_world_to_screen (const EntenteViewport *vp,
                                       double                 wx,
                                       double                 wy,
                                       double                *sx,
                                       double                *sy);
void entente_viewport_screen_to_world (const EntenteViewport *vp,
                                       double                 sx,
                                       double                 sy,
                                       double                *wx,
                                       double                *wy);
void entente_viewport_pan             (EntenteViewport       *vp,
                                       double                 dx,
                                       double                 dy);
void entente_viewport_zoom_at         (EntenteViewport       *vp,
                                       double                 sx,
                                       double                 sy,
                                       double                 factor);
void entente_viewport_fit             (EntenteViewport       *vp,
                                       double                 x0,
                                       double                 y0,
                                       double                 x1,
                                       double                 y1,
                                       double                 margin);
void entente_viewport_fit_insets      (EntenteViewport       *vp,
                                       double                 x0,
                                       double                 y0,
                                       double                 x1,
                                       double                 y1,
                                       double                 left,
                                       double                 top,
                                       double                 right,
                                       double                 bottom);

/* Slow in, slow out, for views and dates that glide: t and result in 0–1. */
static inline double
entente_ease_in_out (double t)
{
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) * (-2 * t + 2) / 2;
}

G_END_DECLS
