/* entente-label-cache.c — labels laid out once, drawn in picture after picture
 *
 * Pango lays a label out some five times slower than Cairo draws its cached
 * glyphs. The graph view draws the same names picture after picture (hover,
 * selection, the timeline moving), so it keeps their layouts, one slot per
 * key (an entity's index), up to a capacity that bounds the memory a huge
 * story could take. A slot is used again only for the same text, font and
 * Pango context, unchanged since (its serial).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-label-cache.h"

typedef struct
{
  PangoLayout *layout;
  guint        context_serial;
} Slot;

struct _EntenteLabelCache
{
  Slot  *slots;
  guint  capacity;
};

EntenteLabelCache *
entente_label_cache_new (guint capacity)
{
  EntenteLabelCache *cache = g_new0 (EntenteLabelCache, 1);

  cache->slots = g_new0 (Slot, capacity);
  cache->capacity = capacity;
  return cache;
}

/* A layout of @text with @style's context, font, width and ellipsizing. */
PangoLayout *
entente_label_layout_new (PangoLayout *style,
                          const char  *text)
{
  PangoLayout *layout = pango_layout_new (pango_layout_get_context (style));

  pango_layout_set_font_description (layout, pango_layout_get_font_description (style));
  pango_layout_set_width (layout, pango_layout_get_width (style));
  pango_layout_set_ellipsize (layout, pango_layout_get_ellipsize (style));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static gboolean
slot_matches (const Slot  *slot,
              PangoLayout *style,
              const char  *text)
{
  PangoLayout *layout = slot->layout;
  PangoContext *context = pango_layout_get_context (style);
  const PangoFontDescription *font, *wanted;

  if (layout == NULL)
    return FALSE;

  font = pango_layout_get_font_description (layout);
  wanted = pango_layout_get_font_description (style);
  return pango_layout_get_context (layout) == context &&
         slot->context_serial == pango_context_get_serial (context) &&
         (font == wanted || (font != NULL && wanted != NULL && pango_font_description_equal (font, wanted))) &&
         pango_layout_get_width (layout) == pango_layout_get_width (style) &&
         pango_layout_get_ellipsize (layout) == pango_layout_get_ellipsize (style) &&
         strcmp (pango_layout_get_text (layout), text) == 0;
}

/* Like entente_label_layout_new(), kept under @key (a new reference; the
 * caller must not change it); NULL for a key past the capacity. */
PangoLayout *
entente_label_cache_lookup (EntenteLabelCache *cache,
                            guint              key,
                            PangoLayout       *style,
                            const char        *text)
{
  Slot *slot;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_LAYOUT (style), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (key >= cache->capacity)
    return NULL;

  slot = &cache->slots[key];
  if (!slot_matches (slot, style, text))
    {
      g_clear_object (&slot->layout);
      slot->layout = entente_label_layout_new (style, text);
      slot->context_serial = pango_context_get_serial (pango_layout_get_context (style));
    }
  return g_object_ref (slot->layout);
}

void
entente_label_cache_clear (EntenteLabelCache *cache)
{
  for (guint i = 0; i < cache->capacity; i++)
    g_clear_object (&cache->slots[i].layout);
}

void
entente_label_cache_free (EntenteLabelCache *cache)
{
  entente_label_cache_clear (cache);
  g_free (cache->slots);
  g_free (cache);
}
