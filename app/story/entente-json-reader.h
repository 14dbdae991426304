/* entente-json-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any story needs, shallow enough that reading recursively can
 * never exhaust a thread's stack. */
#define ENTENTE_JSON_MAX_DEPTH 64

#define ENTENTE_JSON_ERROR (entente_json_error_quark ())

typedef enum
{
  ENTENTE_JSON_ERROR_SYNTAX,
  ENTENTE_JSON_ERROR_DEPTH,
} EntenteJsonError;

GQuark    entente_json_error_quark (void);

JsonNode *entente_json_read        (const char  *data,
                                    gsize        len,
                                    GError     **error);
JsonNode *entente_json_read_range  (const char  *document,
                                    gsize        start,
                                    gsize        end,
                                    guint        depth,
                                    GError     **error);

G_END_DECLS
