/* entente-story-loader.c
 *
 * Every _entente_loader_problem is reported as "FILE:LINE:COLUMN: what" for JSON syntax and
 * "FILE: $.json.path: what" for the rest, and all problems are collected, not
 * just the first, so one run of --validate shows everything to fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "entente-file-reading.h"
#include "entente-json-reader.h"
#include "entente-json-scan.h"
#include "entente-story-loader.h"
#include "entente-story-loader-private.h"
#include "entente-time-filter.h"

G_DEFINE_QUARK (entente-story-error-quark, entente_story_error)

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->piece, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static gboolean
is_list (const char *name)
{
  static const char * const lists[] = { "sources", "entities", "relations", "quotes", "events", NULL };

  return g_strv_contains (lists, name);
}

/* The value of bytes @start to @end of the file, found @depth containers
 * deep, or NULL with the syntax error placed in the file. */
static JsonNode *
parse_piece (Loader      *loader,
             gsize        start,
             gsize        end,
             guint        depth,
             GError     **error)
{
  g_autoptr(GError) json_error = NULL;

  g_clear_pointer (&loader->piece, json_node_unref);
  loader->piece = entente_json_read_range (loader->data, start, end, depth, &json_error);
  if (loader->piece == NULL)
    g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_SYNTAX, "%s:%s",
                 loader->display_name, json_error->message);
  return loader->piece;
}

static void
parse_element (Loader      *loader,
               JsonNode    *element,
               const Place *place,
               guint        index,
               void       (*parse_item) (Loader *, JsonObject *, const Place *, guint))
{
  if (!JSON_NODE_HOLDS_OBJECT (element))
    _entente_loader_problem (loader, place, _("expected an object, found %s"), _entente_loader_node_type_name (element));
  else
    parse_item (loader, json_node_get_object (element), place, index);
}

static gboolean
too_many_items (Loader      *loader,
                const Place *place,
                guint        count)
{
  if (count <= ENTENTE_STORY_MAX_ITEMS)
    return FALSE;

  _entente_loader_problem (loader, place, _("holds %u items; the limit is %u"), count, (guint) ENTENTE_STORY_MAX_ITEMS);
  return TRUE;
}

/* One element at a time: its tree is built, read into the story and
 * dropped before the next, so memory stays near the size of the story. */
static void
for_each_scanned_element (Loader                  *loader,
                          const EntenteJsonMember *member,
                          const Place             *place,
                          void                   (*parse_item) (Loader *, JsonObject *, const Place *, guint))
{
  if (too_many_items (loader, place, member->elements->len))
    return;

  for (guint i = 0; i < member->elements->len && loader->syntax_error == NULL; i++)
    {
      const EntenteJsonRange *range = &g_array_index (member->elements, EntenteJsonRange, i);
      g_autoptr(GError) error = NULL;
      Place item_place = _entente_loader_at_index (place, i);

      JsonNode *element = parse_piece (loader, range->start, range->end, 2, &error);

      if (element == NULL)
        {
          loader->syntax_error = g_steal_pointer (&error);
          return;
        }
      parse_element (loader, element, &item_place, i, parse_item);
    }
}

/* Calls @parse_item for every element of the array @member, which must hold
 * objects. */
static void
for_each_object (Loader      *loader,
                 JsonObject  *root,
                 const char  *member,
                 void       (*parse_item) (Loader *, JsonObject *, const Place *, guint))
{
  Place here = _entente_loader_at_member (&root_place, member);
  const EntenteJsonMember *scanned = loader->scan ? entente_json_scan_lookup (loader->scan, member) : NULL;
  JsonNode *node;
  JsonArray *array;

  if (loader->syntax_error != NULL)
    return;

  if (scanned != NULL && scanned->is_array)
    {
      for_each_scanned_element (loader, scanned, &here, parse_item);
      return;
    }

  node = _entente_loader_get_member (loader, root, &root_place, member, TRUE);
  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _entente_loader_problem (loader, &here, _("expected an array, found %s"), _entente_loader_node_type_name (node));
      return;
    }

  array = json_node_get_array (node);
  if (too_many_items (loader, &here, json_array_get_length (array)))
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Place item_place = _entente_loader_at_index (&here, i);
      parse_element (loader, json_array_get_element (array, i), &item_place, i, parse_item);
    }
}

static void
parse_source (Loader      *loader,
              JsonObject  *object,
              const Place *place,
              guint        index)
{
  EntenteSource *source;

  g_array_set_size (loader->story->sources, index + 1);
  source = &g_array_index (loader->story->sources, EntenteSource, index);

  _entente_loader_read_id (loader, object, place, loader->source_ids, index, &source->id);
  _entente_loader_read_text (loader, object, place, "title", TRUE, &source->title);
  _entente_loader_read_string (loader, object, place, "publisher", TRUE, &source->publisher);
  _entente_loader_read_string (loader, object, place, "url", FALSE, &source->url);
  _entente_loader_read_date (loader, object, place, "date", TRUE, &source->date);

  /* Story files come from anywhere: only web links are ever offered. */
  if (source->url &&
      !g_str_has_prefix (source->url, "https://") &&
      !g_str_has_prefix (source->url, "http://"))
    {
      Place here = _entente_loader_at_member (place, "url");
      _entente_loader_problem (loader, &here, _("only http:// and https:// links are allowed, not “%s”"), source->url);
    }
}

static const char * const entity_kinds[] = { "person", "company", "product", "organization", NULL };
static const char * const statuses[] = { "confirmed", "reported", NULL };

static void
parse_entity (Loader      *loader,
              JsonObject  *object,
              const Place *place,
              guint        index)
{
  EntenteEntity *entity;
  guint kind = 0;

  g_array_set_size (loader->story->entities, index + 1);
  entity = &g_array_index (loader->story->entities, EntenteEntity, index);

  _entente_loader_read_id (loader, object, place, loader->story->entity_by_id, index, &entity->id);
  _entente_loader_read_enum (loader, object, place, "kind", TRUE, entity_kinds, &kind);
  entity->kind = kind;
  _entente_loader_read_text (loader, object, place, "name", TRUE, &entity->name);
  _entente_loader_read_text (loader, object, place, "role", FALSE, &entity->role);
  _entente_loader_read_text (loader, object, place, "description", FALSE, &entity->description);
  if (_entente_loader_read_date (loader, object, place, "start", FALSE, &entity->start) &&
      _entente_loader_read_date (loader, object, place, "end", FALSE, &entity->end))
    _entente_loader_check_span (loader, place, &entity->start, &entity->end);
  _entente_loader_read_ref_list (loader, object, place, "sources", loader->source_ids, NC_("reference target", "source"), &entity->sources);
}

/* Amounts beyond this are typos, not deals: the world's yearly output is
 * about 1e14 US dollars. */
#define MAX_AMOUNT 1e15

static void
parse_amount (Loader          *loader,
              JsonObject      *object,
              const Place     *place,
              EntenteRelation *relation)
{
  JsonNode *node = json_object_get_member (object, "amount");
  Place here = _entente_loader_at_member (place, "amount");
  JsonObject *amount;
  JsonNode *value;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _entente_loader_problem (loader, &here, _("expected an object {\"value\": …, \"currency\": …}, found %s"),
               _entente_loader_node_type_name (node));
      return;
    }

  amount = json_node_get_object (node);
  value = _entente_loader_get_member (loader, amount, &here, "value", TRUE);
  if (value != NULL)
    {
      Place value_place = _entente_loader_at_member (&here, "value");

      if (!_entente_loader_node_is_number (value))
        _entente_loader_problem (loader, &value_place, _("expected a number, found %s"), _entente_loader_node_type_name (value));
      else if (!isfinite (json_node_get_double (value)))
        _entente_loader_problem (loader, &value_place, _("is not a finite number"));
      else if (json_node_get_double (value) < 0)
        _entente_loader_problem (loader, &value_place, _("must not be negative"));
      else if (json_node_get_double (value) > MAX_AMOUNT)
        _entente_loader_problem (loader, &value_place, _("%g is not a plausible amount (the limit is %g)"),
                 json_node_get_double (value), MAX_AMOUNT);
      else
        {
          relation->amount_value = json_node_get_double (value);
          relation->has_amount = TRUE;
        }
    }

  if (_entente_loader_read_string (loader, amount, &here, "currency", TRUE, &relation->amount_currency))
    {
      const char *c = relation->amount_currency;

      if (strlen (c) != 3 || !g_ascii_isupper (c[0]) || !g_ascii_isupper (c[1]) || !g_ascii_isupper (c[2]))
        {
          Place currency_place = _entente_loader_at_member (&here, "currency");
          _entente_loader_problem (loader, &currency_place, _("“%s” is not an ISO 4217 currency code such as \"USD\""), c);
        }
    }
}

static void
parse_relation (Loader      *loader,
                JsonObject  *object,
                const Place *place,
                guint        index)
{
  EntenteRelation *relation;
  guint status = ENTENTE_STATUS_CONFIRMED;

  g_array_set_size (loader->story->relations, index + 1);
  relation = &g_array_index (loader->story->relations, EntenteRelation, index);

  _entente_loader_read_id (loader, object, place, loader->relation_ids, index, &relation->id);
  _entente_loader_read_ref (loader, object, place, "from", TRUE, loader->story->entity_by_id, NC_("reference target", "entity"), &relation->from);
  _entente_loader_read_ref (loader, object, place, "to", TRUE, loader->story->entity_by_id, NC_("reference target", "entity"), &relation->to);
  _entente_loader_read_string (loader, object, place, "kind", TRUE, &relation->kind);
  _entente_loader_read_text (loader, object, place, "label", TRUE, &relation->label);
  if (_entente_loader_read_date (loader, object, place, "start", FALSE, &relation->start) &&
      _entente_loader_read_date (loader, object, place, "end", FALSE, &relation->end))
    _entente_loader_check_span (loader, place, &relation->start, &relation->end);
  _entente_loader_read_enum (loader, object, place, "status", TRUE, statuses, &status);
  relation->status = status;
  parse_amount (loader, object, place, relation);
  _entente_loader_read_ref_list (loader, object, place, "sources", loader->source_ids, NC_("reference target", "source"), &relation->sources);
}

static void
parse_quote (Loader      *loader,
             JsonObject  *object,
             const Place *place,
             guint        index)
{
  EntenteQuote *quote;

  g_array_set_size (loader->story->quotes, index + 1);
  quote = &g_array_index (loader->story->quotes, EntenteQuote, index);

  _entente_loader_read_id (loader, object, place, loader->quote_ids, index, &quote->id);
  _entente_loader_read_ref (loader, object, place, "speaker", TRUE, loader->story->entity_by_id, NC_("reference target", "entity"), &quote->speaker);
  _entente_loader_read_ref_list (loader, object, place, "about", loader->story->entity_by_id, NC_("reference target", "entity"), &quote->about);
  _entente_loader_read_date (loader, object, place, "date", TRUE, &quote->date);
  _entente_loader_read_text (loader, object, place, "text", TRUE, &quote->text);
  _entente_loader_read_string (loader, object, place, "original_language", TRUE, &quote->original_language);
  _entente_loader_read_text (loader, object, place, "context", FALSE, &quote->context);
  _entente_loader_read_ref (loader, object, place, "source", TRUE, loader->source_ids, NC_("reference target", "source"), &quote->source);
}

static void
parse_event (Loader      *loader,
             JsonObject  *object,
             const Place *place,
             guint        index)
{
  EntenteEvent *event;
  guint status = ENTENTE_STATUS_CONFIRMED;

  g_array_set_size (loader->story->events, index + 1);
  event = &g_array_index (loader->story->events, EntenteEvent, index);

  _entente_loader_read_id (loader, object, place, loader->event_ids, index, &event->id);
  _entente_loader_read_date (loader, object, place, "date", TRUE, &event->date);
  _entente_loader_read_text (loader, object, place, "title", TRUE, &event->title);
  _entente_loader_read_text (loader, object, place, "description", FALSE, &event->description);
  _entente_loader_read_ref_list (loader, object, place, "entities", loader->story->entity_by_id, NC_("reference target", "entity"), &event->entities);
  _entente_loader_read_enum (loader, object, place, "status", FALSE, statuses, &status);
  event->status = status;
  _entente_loader_read_ref_list (loader, object, place, "sources", loader->source_ids, NC_("reference target", "source"), &event->sources);
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return entente_date_compare (&((const EntenteEvent *) a)->date, &((const EntenteEvent *) b)->date);
}

static void
parse_root (Loader   *loader,
            JsonNode *root_node)
{
  EntenteStory *story = loader->story;
  JsonObject *root;
  JsonNode *version;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      _entente_loader_problem (loader, &root_place, _("a story is a JSON object, found %s"), _entente_loader_node_type_name (root_node));
      return;
    }

  root = json_node_get_object (root_node);
  version = _entente_loader_get_member (loader, root, &root_place, "entente", TRUE);
  if (version != NULL)
    {
      Place here = _entente_loader_at_member (&root_place, "entente");

      if (!_entente_loader_node_is_number (version))
        _entente_loader_problem (loader, &here, _("expected the format version number 1, found %s"), _entente_loader_node_type_name (version));
      else if (json_node_get_value_type (version) != G_TYPE_INT64)
        {
          _entente_loader_problem (loader, &here, _("format version %g is not supported (this Entente reads version 1)"),
                   json_node_get_double (version));
          return;
        }
      else if (json_node_get_int (version) != 1)
        {
          _entente_loader_problem (loader, &here, _("format version %lld is not supported (this Entente reads version 1)"),
                   (long long) json_node_get_int (version));
          return;
        }
    }

  _entente_loader_read_string (loader, root, &root_place, "id", TRUE, &story->id);
  _entente_loader_read_text (loader, root, &root_place, "title", TRUE, &story->title);
  _entente_loader_read_text (loader, root, &root_place, "summary", TRUE, &story->summary);
  _entente_loader_read_string (loader, root, &root_place, "language", TRUE, &story->language);

  /* Sources and entities first: everything else refers to them. */
  for_each_object (loader, root, "sources", parse_source);
  for_each_object (loader, root, "entities", parse_entity);
  for_each_object (loader, root, "relations", parse_relation);
  for_each_object (loader, root, "quotes", parse_quote);
  for_each_object (loader, root, "events", parse_event);

  g_qsort_with_data (story->events->data, story->events->len, sizeof (EntenteEvent), compare_events, NULL);
}

static void
utf8_position (const char *data,
               const char *at,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

/* The bytes of a file are not NUL-terminated: no str* functions here. */
static gboolean
only_blanks (const char *data,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r' && data[i] != '\n')
      return FALSE;
  return TRUE;
}

static EntenteStory *
fail_with_problems (Loader  *loader,
                    GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < loader->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (loader->problems, i));
    }
  if (loader->n_dropped > 0)
    g_string_append_printf (message, _("\n%s: … and %u more problems"), loader->display_name, loader->n_dropped);

  g_set_error_literal (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_INVALID, message->str);
  return NULL;
}

/* Loads a story from the bytes of a file. @display_name is how errors name
 * the file. On failure the error message holds one line per _entente_loader_problem. */
EntenteStory *
entente_story_load_from_bytes (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(EntenteJsonScan) scan = NULL;
  g_autoptr(EntenteStory) story = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) source_ids = NULL;
  g_autoptr(GHashTable) relation_ids = NULL;
  g_autoptr(GHashTable) quote_ids = NULL;
  g_autoptr(GHashTable) event_ids = NULL;
  const char *data;
  const char *invalid;
  gsize len;
  guint line, column;
  g_auto(Loader) loader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  if (len > ENTENTE_STORY_MAX_FILE_SIZE)
    {
      g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_SYNTAX,
                   _("%s: the file is %u MiB; story files are limited to %d MiB"),
                   display_name, (guint) (len / (1024 * 1024)), ENTENTE_STORY_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* A byte order mark is legal in UTF-8 files written by some editors. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (only_blanks (data, len))
    {
      g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_SYNTAX,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  if (!g_utf8_validate_len (data, len, &invalid))
    {
      utf8_position (data, invalid, &line, &column);
      g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_SYNTAX,
                   _("%s:%u:%u: the file is not valid UTF-8 text (byte 0x%02X)"),
                   display_name, line, column, (guchar) *invalid);
      return NULL;
    }

  story = g_object_new (ENTENTE_TYPE_STORY, NULL);
  story->filename = g_strdup (display_name);
  problems = g_ptr_array_new_with_free_func (g_free);
  source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  quote_ids = g_hash_table_new (g_str_hash, g_str_equal);
  event_ids = g_hash_table_new (g_str_hash, g_str_equal);

  loader = (Loader) {
    .display_name = display_name,
    .data = data,
    .story = story,
    .problems = problems,
    .source_ids = source_ids,
    .relation_ids = relation_ids,
    .quote_ids = quote_ids,
    .event_ids = event_ids,
    .suggestion_budget = ID_SUGGESTION_BUDGET,
  };

  /* The usual shape: one object of lists, read element by element. Any
   * other shape, or anything odd at the top two levels, is parsed whole,
   * which says what is wrong and where. */
  scan = entente_json_scan (data, len);
  if (scan != NULL)
    {
      JsonObject *outline = json_object_new ();

      root = json_node_init_object (json_node_alloc (), outline);
      json_object_unref (outline);
      for (guint i = 0; i < scan->members->len; i++)
        {
          const EntenteJsonMember *member = g_ptr_array_index (scan->members, i);
          JsonNode *value;

          if (member->is_array && is_list (member->name))
            continue;
          value = parse_piece (&loader, member->value.start, member->value.end, 1, error);
          if (value == NULL)
            return NULL;
          json_object_set_member (outline, member->name, json_node_copy (value));
        }
      loader.scan = scan;
    }
  else
    {
      JsonNode *whole;

      whole = parse_piece (&loader, 0, len, 0, error);
      if (whole == NULL)
        return NULL;
      root = json_node_ref (whole);
    }

  parse_root (&loader, root);

  if (loader.syntax_error != NULL)
    {
      g_propagate_error (error, loader.syntax_error);
      return NULL;
    }
  if (problems->len > 0)
    return fail_with_problems (&loader, error);

  entente_time_derive_appearances (story);

  return g_steal_pointer (&story);
}

EntenteStory *
entente_story_load_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  /* The size told first, when known: reading stops just past the limit. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > ENTENTE_STORY_MAX_FILE_SIZE)
    {
      g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_SYNTAX,
                   _("%s: the file is %u MiB; story files are limited to %d MiB"),
                   name, (guint) (g_file_info_get_size (info) / (1024 * 1024)),
                   ENTENTE_STORY_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = entente_file_load_bounded (file, ENTENTE_STORY_MAX_FILE_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_READ,
                     _("%s: is a folder, not a story file"), name);
      else
        g_set_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_READ,
                     "%s: %s", name, local_error->message);
      return NULL;
    }

  return entente_story_load_from_bytes (bytes, name, error);
}

EntenteStory *
entente_story_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (ENTENTE_BUNDLED_STORY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return entente_story_load_from_bytes (bytes, "microsoft-openai.entente.json", error);
}
