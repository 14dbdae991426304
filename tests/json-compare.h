/* json-compare.h — two json-glib trees, compared strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *json_tree_difference (JsonNode *a,
                            JsonNode *b);

G_END_DECLS
