/* entente-pixels.c — an image surface whose pages are there from the start
 *
 * A fresh image surface gets its memory page by page, as drawing first
 * touches it, and each of those page faults costs a few microseconds: the
 * graph's first picture (some 550 pages) spent 1.6 ms on them in the
 * window's first frame. Asking the kernel for all the pages at once
 * (MAP_POPULATE) is several times cheaper. Where that is not available,
 * a plain Cairo image surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "entente-pixels.h"

#if defined(__linux__) && defined(MAP_POPULATE)
typedef struct
{
  void  *data;
  size_t size;
} Mapping;

static const cairo_user_data_key_t mapping_key;

static void
mapping_free (void *user_data)
{
  Mapping *mapping = user_data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}
#endif

/* A transparent ARGB32 surface of @width × @height device pixels. */
cairo_surface_t *
entente_pixels_surface_new (int width,
                            int height)
{
#if defined(__linux__) && defined(MAP_POPULATE)
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  size_t size = (size_t) stride * (size_t) MAX (height, 0);
  cairo_surface_t *surface;
  Mapping *mapping;
  void *data;

  if (stride <= 0 || size == 0)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* Anonymous pages come zeroed: the surface starts transparent. */
  data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (data == MAP_FAILED)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  mapping = g_new (Mapping, 1);
  *mapping = (Mapping) { data, size };
  if (cairo_surface_set_user_data (surface, &mapping_key, mapping, mapping_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      mapping_free (mapping);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  return surface;
#else
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
#endif
}
