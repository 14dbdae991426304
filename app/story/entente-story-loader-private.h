/* entente-story-loader-private.h — what the loader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "entente-json-scan.h"
#include "entente-story-loader.h"
#include "entente-story-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *display_name;
  const char      *data;
  EntenteJsonScan *scan;          /* when set, the lists are parsed element by element */
  JsonNode        *piece;         /* the last piece entente_json_read() read */
  GError          *syntax_error;  /* a parse error inside an element: the load fails */
  EntenteStory *story;
  GPtrArray    *problems;
  guint         n_dropped;
  GHashTable   *source_ids;   /* id → index + 1 */
  GHashTable   *relation_ids;
  GHashTable   *quote_ids;
  GHashTable   *event_ids;
  guint         suggestion_budget;
} Loader;

#define ID_SUGGESTION_MAX_LENGTH 64
#define ID_SUGGESTION_BUDGET     (4 * ENTENTE_STORY_MAX_ITEMS)

/* Where a value sits in the file, such as $.relations[3].amount.value: a
 * chain of places on the stack, spelled out only for a problem (building
 * that string for every member read was a sixth of loading a story). */
typedef struct _Place Place;
struct _Place
{
  const Place *parent;
  const char  *member; /* NULL: an element of the parent array */
  guint        index;
};

static const Place root_place = { NULL, "$", 0 };

/* entente-story-values.c: reading one value, with its checks */
Place _entente_loader_at_index (const Place *parent, guint index);
Place _entente_loader_at_member (const Place *parent, const char *member);
void _entente_loader_check_span (Loader *loader, const Place *place, const EntenteDate *start, const EntenteDate *end);
JsonNode * _entente_loader_get_member (Loader *loader, JsonObject *object, const Place *place, const char *member, gboolean required);
gboolean _entente_loader_node_is_number (JsonNode *node);
const char * _entente_loader_node_type_name (JsonNode *node);
void _entente_loader_problem (Loader *loader, const Place *place, const char *format, ...) G_GNUC_PRINTF (3, 4);
gboolean _entente_loader_read_date (Loader *loader, JsonObject *object, const Place *place, const char *member, gboolean required, EntenteDate *out);
gboolean _entente_loader_read_enum (Loader *loader, JsonObject *object, const Place *place, const char *member, gboolean required, const char * const *allowed, guint *out);
gboolean _entente_loader_read_id (Loader *loader, JsonObject *object, const Place *place, GHashTable *seen, guint index, char **out);
gboolean _entente_loader_read_ref (Loader *loader, JsonObject *object, const Place *place, const char *member, gboolean required, GHashTable *ids, const char *what, guint *out);
gboolean _entente_loader_read_ref_list (Loader *loader, JsonObject *object, const Place *place, const char *member, GHashTable *ids, const char *what, EntenteIndexList *out);
gboolean _entente_loader_read_string (Loader *loader, JsonObject *object, const Place *place, const char *member, gboolean required, char **out);
gboolean _entente_loader_read_text (Loader *loader, JsonObject *object, const Place *place, const char *member, gboolean required, EntenteText *out);

G_END_DECLS
