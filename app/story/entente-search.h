/* entente-search.h — finding entities by a few letters of their name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-story.h"

G_BEGIN_DECLS

char  *entente_search_fold     (const char   *text);
int    entente_search_score    (const char   *folded_query,
                                const char   *folded_name);
GArray *entente_search_entities (EntenteStory *story,
                                 const char   *query,
                                 guint         limit);

G_END_DECLS
