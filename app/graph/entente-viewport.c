/* entente-viewport.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-viewport.h"

void
entente_viewport_init (EntenteViewport *vp,
                       double           width,
                       double           height)
{
  *vp = (EntenteViewport) { .zoom = 1.0, .width = width, .height = height };
}

void
entente_viewport_world_to_screen (const EntenteViewport *vp,
                                  double                 wx,
                                  double                 wy,
                                  double                *sx,
                                  double                *sy)
{
  *sx = (wx - vp->center_x) * vp->zoom + vp->width / 2;
  *sy = (wy - vp->center_y) * vp->zoom + vp->height / 2;
}

void
entente_viewport_screen_to_world (const EntenteViewport *vp,
                                  double                 sx,
                                  double                 sy,
                                  double                *wx,
                                  double                *wy)
{
  *wx = (sx - vp->width / 2) / vp->zoom + vp->center_x;
  *wy = (sy - vp->height / 2) / vp->zoom + vp->center_y;
}

/* Moves the content by (dx, dy) screen units, as a drag does. */
void
entente_viewport_pan (EntenteViewport *vp,
                      double           dx,
                      double           dy)
{
  vp->center_x -= dx / vp->zoom;
  vp->center_y -= dy / vp->zoom;
}

/* Zooms by @factor keeping the world point under (sx, sy) where it is. */
void
entente_viewport_zoom_at (EntenteViewport *vp,
                          double           sx,
                          double           sy,
                          double           factor)
{
  double wx, wy, new_zoom;

  entente_viewport_screen_to_world (vp, sx, sy, &wx, &wy);
  new_zoom = CLAMP (vp->zoom * factor, ENTENTE_VIEWPORT_MIN_ZOOM, ENTENTE_VIEWPORT_MAX_ZOOM);
  vp->zoom = new_zoom;
  vp->center_x = wx - (sx - vp->width / 2) / new_zoom;
  vp->center_y = wy - (sy - vp->height / 2) / new_zoom;
}

/* Shows the world rectangle whole inside the view less the given insets,
 * in screen units (room for a legend or a caption). */
void
entente_viewport_fit_insets (EntenteViewport *vp,
                             double           x0,
                             double           y0,
                             double           x1,
                             double           y1,
                             double           left,
                             double           top,
                             double           right,
                             double           bottom)
{
  double w = MAX (x1 - x0, 1.0);
  double h = MAX (y1 - y0, 1.0);
  double avail_w = MAX (vp->width - left - right, 1.0);
  double avail_h = MAX (vp->height - top - bottom, 1.0);

  vp->zoom = CLAMP (MIN (avail_w / w, avail_h / h), ENTENTE_VIEWPORT_MIN_ZOOM, ENTENTE_VIEWPORT_MAX_ZOOM);
  /* Centre the rectangle in the free area, not in the whole view. */
  vp->center_x = (x0 + x1) / 2 - (left - right) / 2 / vp->zoom;
  vp->center_y = (y0 + y1) / 2 - (top - bottom) / 2 / vp->zoom;
}

/* Shows the world rectangle whole, with @margin screen units around it. */
void
entente_viewport_fit (EntenteViewport *vp,
                      double           x0,
                      double           y0,
                      double           x1,
                      double           y1,
                      double           margin)
{
  entente_viewport_fit_insets (vp, x0, y0, x1, y1, margin, margin, margin, margin);
}
