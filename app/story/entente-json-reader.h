/* entente-json-reader.h — plain JSON read straight into json-glib nodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ENTENTE_JSON_READER_MAX_DEPTH 512

JsonNode *entente_json_read (const char *data,
                             gsize       len);

G_END_DECLS
