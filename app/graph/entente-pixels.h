/* entente-pixels.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *entente_pixels_surface_new (int width,
                                             int height);

G_END_DECLS
