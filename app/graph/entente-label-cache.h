/* entente-label-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _EntenteLabelCache EntenteLabelCache;

PangoLayout       *entente_label_layout_new   (PangoLayout       *style,
                                               const char        *text);

/* Entities whose name layouts a view keeps between pictures. */
#define ENTENTE_LABEL_CACHE_CAPACITY 2048

EntenteLabelCache *entente_label_cache_new    (guint              capacity);
PangoLayout       *entente_label_cache_lookup (EntenteLabelCache *cache,
                                               guint              key,
                                               PangoLayout       *style,
                                               const char        *text);
void               entente_label_cache_clear  (EntenteLabelCache *cache);
void               entente_label_cache_free   (EntenteLabelCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteLabelCache, entente_label_cache_free)

G_END_DECLS
