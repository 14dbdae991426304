/* entente-story-loader.c
 *
 * Every problem is reported as "FILE:LINE:COLUMN: what" for JSON syntax and
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
#include "entente-story-private.h"
#include "entente-time-filter.h"

G_DEFINE_QUARK (entente-story-error-quark, entente_story_error)

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

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->piece, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

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

static Place
at_member (const Place *parent,
           const char  *member)
{
  return (Place) { parent, member, 0 };
}

static Place
at_index (const Place *parent,
          guint        index)
{
  return (Place) { parent, NULL, index };
}

static void
append_place (GString     *out,
              const Place *place)
{
  if (place->parent != NULL)
    append_place (out, place->parent);
  if (place->member == NULL)
    g_string_append_printf (out, "[%u]", place->index);
  else
    {
      if (place->parent != NULL)
        g_string_append_c (out, '.');
      g_string_append (out, place->member);
    }
}

G_GNUC_PRINTF (3, 4)
static void
problem (Loader      *loader,
         const Place *place,
         const char  *format,
         ...)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  if (loader->problems->len >= ENTENTE_STORY_MAX_PROBLEMS)
    {
      loader->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  append_place (where, place);
  g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s: %s", loader->display_name, where->str, message));
}

static const char *
node_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("a boolean");
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE: return _("a number");
        default: return _("a value");
        }
    default:
      return _("something else");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* Returns the member, or NULL when it is absent (a problem when @required). */
static JsonNode *
get_member (Loader      *loader,
            JsonObject  *object,
            const Place *place,
            const char  *member,
            gboolean     required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    problem (loader, place, _("missing required member “%s”"), member);

  return node;
}

static gboolean
check_text (Loader      *loader,
            const Place *place,
            JsonNode    *node)
{
  const char *text = json_node_get_string (node);
  gsize len = strlen (text);
  gunichar forbidden;

  if (len > ENTENTE_STORY_MAX_STRING)
    {
      problem (loader, place, _("the text is %u KiB long; the limit is %u KiB"),
               (guint) (len / 1024), (guint) (ENTENTE_STORY_MAX_STRING / 1024));
      return FALSE;
    }

  forbidden = entente_text_find_forbidden (text);
  if (forbidden != 0)
    {
      problem (loader, place, _("holds the character U+%04X, a control character or noncharacter that a story may not contain"),
               forbidden);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_string (Loader       *loader,
             JsonObject   *object,
             const Place  *place,
             const char   *member,
             gboolean      required,
             char        **out)
{
  JsonNode *node = get_member (loader, object, place, member, required);
  Place here;

  if (node == NULL)
    return !required;

  here = at_member (place, member);
  if (!node_is_string (node))
    {
      problem (loader, &here, _("expected a string, found %s"), node_type_name (node));
      return FALSE;
    }
  if (*json_node_get_string (node) == '\0')
    {
      problem (loader, &here, _("must not be empty"));
      return FALSE;
    }
  if (!check_text (loader, &here, node))
    return FALSE;

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_id (Loader       *loader,
         JsonObject   *object,
         const Place  *place,
         GHashTable   *seen,
         guint         index,
         char        **out)
{
  Place here;

  if (!read_string (loader, object, place, "id", TRUE, out))
    return FALSE;

  here = at_member (place, "id");
  if (g_hash_table_contains (seen, *out))
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, *out)) - 1;
      problem (loader, &here, _("duplicate id “%s” (already used by item %u)"), *out, first);
      return FALSE;
    }

  g_hash_table_insert (seen, *out, GUINT_TO_POINTER (index + 1));
  return TRUE;
}

static gboolean
read_text (Loader      *loader,
           JsonObject  *object,
           const Place *place,
           const char  *member,
           gboolean     required,
           EntenteText *out)
{
  JsonNode *node = get_member (loader, object, place, member, required);
  Place here;
  JsonObject *translations;
  g_autoptr(GList) names = NULL;
  guint i = 0;

  if (node == NULL)
    return !required;

  here = at_member (place, member);

  if (node_is_string (node))
    {
      if (*json_node_get_string (node) == '\0')
        {
          problem (loader, &here, _("must not be empty"));
          return FALSE;
        }
      if (!check_text (loader, &here, node))
        return FALSE;
      out->n_variants = 1;
      out->variants = g_new0 (EntenteTextVariant, 1);
      out->variants[0].text = g_strdup (json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, &here, _("expected a string or an object of translations such as {\"en\": …, \"fr\": …}, found %s"),
               node_type_name (node));
      return FALSE;
    }

  translations = json_node_get_object (node);
  names = json_object_get_members (translations);
  if (names == NULL)
    {
      problem (loader, &here, _("has no translation at all"));
      return FALSE;
    }

  for (const GList *l = names; l; l = l->next)
    {
      JsonNode *variant = json_object_get_member (translations, l->data);
      Place variant_place = at_member (&here, l->data);

      if (!node_is_string (variant))
        {
          problem (loader, &variant_place, _("expected a string, found %s"), node_type_name (variant));
          return FALSE;
        }
      if (*json_node_get_string (variant) == '\0')
        {
          problem (loader, &variant_place, _("must not be empty"));
          return FALSE;
        }
      if (!check_text (loader, &variant_place, variant))
        return FALSE;
    }

  out->n_variants = g_list_length (names);
  out->variants = g_new0 (EntenteTextVariant, out->n_variants);
  for (const GList *l = names; l; l = l->next, i++)
    {
      out->variants[i].lang = g_strdup (l->data);
      out->variants[i].text = g_strdup (json_object_get_string_member (translations, l->data));
    }

  return TRUE;
}

static gboolean
read_date (Loader      *loader,
           JsonObject  *object,
           const Place *place,
           const char  *member,
           gboolean     required,
           EntenteDate *out)
{
  JsonNode *node = get_member (loader, object, place, member, required);
  Place here;
  g_autofree char *why = NULL;

  if (node == NULL)
    return !required;

  here = at_member (place, member);
  if (!node_is_string (node))
    {
      problem (loader, &here, _("expected a date string such as \"2019-07\", found %s"), node_type_name (node));
      return FALSE;
    }

  if (!entente_date_parse (json_node_get_string (node), out, &why))
    {
      problem (loader, &here, "%s", why);
      return FALSE;
    }

  return TRUE;
}

static void
check_span (Loader            *loader,
            const Place       *place,
            const EntenteDate *start,
            const EntenteDate *end)
{
  if (ENTENTE_DATE_IS_SET (start) && ENTENTE_DATE_IS_SET (end) &&
      entente_date_last_day (end) < entente_date_first_day (start))
    {
      Place here = at_member (place, "end");
      g_autofree char *start_text = entente_date_to_iso (start);
      g_autofree char *end_text = entente_date_to_iso (end);
      problem (loader, &here, _("ends (%s) before it starts (%s)"), end_text, start_text);
    }
}

static gboolean
read_enum (Loader             *loader,
           JsonObject         *object,
           const Place        *place,
           const char         *member,
           gboolean            required,
           const char * const *allowed,
           guint              *out)
{
  g_autofree char *value = NULL;
  Place here;
  g_autofree char *list = NULL;

  if (json_object_get_member (object, member) == NULL)
    return !required ? TRUE : read_string (loader, object, place, member, TRUE, &value);

  if (!read_string (loader, object, place, member, required, &value))
    return FALSE;

  for (guint i = 0; allowed[i]; i++)
    if (g_str_equal (allowed[i], value))
      {
        *out = i;
        return TRUE;
      }

  here = at_member (place, member);
  list = g_strjoinv (", ", (char **) allowed);
  problem (loader, &here, _("unknown %s “%s” (expected one of: %s)"), member, value, list);
  return FALSE;
}

/* The edit distance between @a and @b if it is at most @limit, else
 * @limit + 1: a row whose every cell is over the limit ends the count. */
static guint
edit_distance_within (const char *a,
                      const char *b,
                      guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  guint row[ID_SUGGESTION_MAX_LENGTH + 1];

  if (la > ID_SUGGESTION_MAX_LENGTH || lb > ID_SUGGESTION_MAX_LENGTH || (la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint smallest;

      row[0] = i;
      smallest = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          smallest = MIN (smallest, row[j]);
        }
      if (smallest > limit)
        return limit + 1;
    }

  return MIN (row[lb], limit + 1);
}

/* Suggestions cost a pass over the ids each; only problems that will be
 * shown get one, and a whole load gets at most ID_SUGGESTION_BUDGET
 * comparisons, so a file of dangling references stays linear. */
static const char *
closest_id (Loader     *loader,
            GHashTable *ids,
            const char *wanted)
{
  GHashTableIter iter;
  gpointer key;
  const char *best = NULL;
  guint limit = MAX (2, strlen (wanted) / 3);

  if (loader->problems->len >= ENTENTE_STORY_MAX_PROBLEMS ||
      loader->suggestion_budget < g_hash_table_size (ids))
    return NULL;
  loader->suggestion_budget -= g_hash_table_size (ids);

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint d = edit_distance_within (wanted, key, limit);

      if (d <= limit && (d < limit || best == NULL || g_strcmp0 (key, best) < 0))
        {
          best = key;
          limit = d;
        }
    }

  return best;
}

/* @what names what the id points to, untranslated (NC_ "reference
 * target"): it is only translated for a problem, which is rare, where
 * every reference was read. */
static gboolean
resolve (Loader      *loader,
         const Place *place,
         JsonNode    *node,
         GHashTable  *ids,
         const char  *what,
         guint       *out)
{
  const char *wanted;
  const char *suggestion;

  if (!node_is_string (node))
    {
      problem (loader, place, _("expected the id of %s, found %s"),
               g_dpgettext2 (GETTEXT_PACKAGE, "reference target", what), node_type_name (node));
      return FALSE;
    }

  wanted = json_node_get_string (node);
  if (g_hash_table_contains (ids, wanted))
    {
      *out = GPOINTER_TO_UINT (g_hash_table_lookup (ids, wanted)) - 1;
      return TRUE;
    }

  what = g_dpgettext2 (GETTEXT_PACKAGE, "reference target", what);
  suggestion = closest_id (loader, ids, wanted);
  if (suggestion)
    problem (loader, place, _("no %s has the id “%s” (did you mean “%s”?)"), what, wanted, suggestion);
  else
    problem (loader, place, _("no %s has the id “%s”"), what, wanted);
  return FALSE;
}

static gboolean
read_ref (Loader      *loader,
          JsonObject  *object,
          const Place *place,
          const char  *member,
          gboolean     required,
          GHashTable  *ids,
          const char  *what,
          guint       *out)
{
  JsonNode *node = get_member (loader, object, place, member, required);
  Place here;

  if (node == NULL)
    return !required;

  here = at_member (place, member);
  return resolve (loader, &here, node, ids, what, out);
}

static gboolean
read_ref_list (Loader           *loader,
               JsonObject       *object,
               const Place      *place,
               const char       *member,
               GHashTable       *ids,
               const char       *what,
               EntenteIndexList *out)
{
  JsonNode *node = json_object_get_member (object, member);
  Place here;
  JsonArray *array;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;

  here = at_member (place, member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (loader, &here, _("expected an array of ids, found %s"), node_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  out->items = g_new0 (guint, MAX (1, json_array_get_length (array)));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Place item_place = at_index (&here, i);
      guint index;

      if (resolve (loader, &item_place, json_array_get_element (array, i), ids, what, &index))
        out->items[out->n++] = index;
      else
        ok = FALSE;
    }

  return ok;
}

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
    problem (loader, place, _("expected an object, found %s"), node_type_name (element));
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

  problem (loader, place, _("holds %u items; the limit is %u"), count, (guint) ENTENTE_STORY_MAX_ITEMS);
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
      Place item_place = at_index (place, i);

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
  Place here = at_member (&root_place, member);
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

  node = get_member (loader, root, &root_place, member, TRUE);
  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (loader, &here, _("expected an array, found %s"), node_type_name (node));
      return;
    }

  array = json_node_get_array (node);
  if (too_many_items (loader, &here, json_array_get_length (array)))
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Place item_place = at_index (&here, i);
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

  read_id (loader, object, place, loader->source_ids, index, &source->id);
  read_text (loader, object, place, "title", TRUE, &source->title);
  read_string (loader, object, place, "publisher", TRUE, &source->publisher);
  read_string (loader, object, place, "url", FALSE, &source->url);
  read_date (loader, object, place, "date", TRUE, &source->date);

  /* Story files come from anywhere: only web links are ever offered. */
  if (source->url &&
      !g_str_has_prefix (source->url, "https://") &&
      !g_str_has_prefix (source->url, "http://"))
    {
      Place here = at_member (place, "url");
      problem (loader, &here, _("only http:// and https:// links are allowed, not “%s”"), source->url);
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

  read_id (loader, object, place, loader->story->entity_by_id, index, &entity->id);
  read_enum (loader, object, place, "kind", TRUE, entity_kinds, &kind);
  entity->kind = kind;
  read_text (loader, object, place, "name", TRUE, &entity->name);
  read_text (loader, object, place, "role", FALSE, &entity->role);
  read_text (loader, object, place, "description", FALSE, &entity->description);
  if (read_date (loader, object, place, "start", FALSE, &entity->start) &&
      read_date (loader, object, place, "end", FALSE, &entity->end))
    check_span (loader, place, &entity->start, &entity->end);
  read_ref_list (loader, object, place, "sources", loader->source_ids, NC_("reference target", "source"), &entity->sources);
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
  Place here = at_member (place, "amount");
  JsonObject *amount;
  JsonNode *value;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, &here, _("expected an object {\"value\": …, \"currency\": …}, found %s"),
               node_type_name (node));
      return;
    }

  amount = json_node_get_object (node);
  value = get_member (loader, amount, &here, "value", TRUE);
  if (value != NULL)
    {
      Place value_place = at_member (&here, "value");

      if (!node_is_number (value))
        problem (loader, &value_place, _("expected a number, found %s"), node_type_name (value));
      else if (!isfinite (json_node_get_double (value)))
        problem (loader, &value_place, _("is not a finite number"));
      else if (json_node_get_double (value) < 0)
        problem (loader, &value_place, _("must not be negative"));
      else if (json_node_get_double (value) > MAX_AMOUNT)
        problem (loader, &value_place, _("%g is not a plausible amount (the limit is %g)"),
                 json_node_get_double (value), MAX_AMOUNT);
      else
        {
          relation->amount_value = json_node_get_double (value);
          relation->has_amount = TRUE;
        }
    }

  if (read_string (loader, amount, &here, "currency", TRUE, &relation->amount_currency))
    {
      const char *c = relation->amount_currency;

      if (strlen (c) != 3 || !g_ascii_isupper (c[0]) || !g_ascii_isupper (c[1]) || !g_ascii_isupper (c[2]))
        {
          Place currency_place = at_member (&here, "currency");
          problem (loader, &currency_place, _("“%s” is not an ISO 4217 currency code such as \"USD\""), c);
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

  read_id (loader, object, place, loader->relation_ids, index, &relation->id);
  read_ref (loader, object, place, "from", TRUE, loader->story->entity_by_id, NC_("reference target", "entity"), &relation->from);
  read_ref (loader, object, place, "to", TRUE, loader->story->entity_by_id, NC_("reference target", "entity"), &relation->to);
  read_string (loader, object, place, "kind", TRUE, &relation->kind);
  read_text (loader, object, place, "label", TRUE, &relation->label);
  if (read_date (loader, object, place, "start", FALSE, &relation->start) &&
      read_date (loader, object, place, "end", FALSE, &relation->end))
    check_span (loader, place, &relation->start, &relation->end);
  read_enum (loader, object, place, "status", TRUE, statuses, &status);
  relation->status = status;
  parse_amount (loader, object, place, relation);
  read_ref_list (loader, object, place, "sources", loader->source_ids, NC_("reference target", "source"), &relation->sources);
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

  read_id (loader, object, place, loader->quote_ids, index, &quote->id);
  read_ref (loader, object, place, "speaker", TRUE, loader->story->entity_by_id, NC_("reference target", "entity"), &quote->speaker);
  read_ref_list (loader, object, place, "about", loader->story->entity_by_id, NC_("reference target", "entity"), &quote->about);
  read_date (loader, object, place, "date", TRUE, &quote->date);
  read_text (loader, object, place, "text", TRUE, &quote->text);
  read_string (loader, object, place, "original_language", TRUE, &quote->original_language);
  read_text (loader, object, place, "context", FALSE, &quote->context);
  read_ref (loader, object, place, "source", TRUE, loader->source_ids, NC_("reference target", "source"), &quote->source);
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

  read_id (loader, object, place, loader->event_ids, index, &event->id);
  read_date (loader, object, place, "date", TRUE, &event->date);
  read_text (loader, object, place, "title", TRUE, &event->title);
  read_text (loader, object, place, "description", FALSE, &event->description);
  read_ref_list (loader, object, place, "entities", loader->story->entity_by_id, NC_("reference target", "entity"), &event->entities);
  read_enum (loader, object, place, "status", FALSE, statuses, &status);
  event->status = status;
  read_ref_list (loader, object, place, "sources", loader->source_ids, NC_("reference target", "source"), &event->sources);
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
      problem (loader, &root_place, _("a story is a JSON object, found %s"), node_type_name (root_node));
      return;
    }

  root = json_node_get_object (root_node);
  version = get_member (loader, root, &root_place, "entente", TRUE);
  if (version != NULL)
    {
      Place here = at_member (&root_place, "entente");

      if (!node_is_number (version))
        problem (loader, &here, _("expected the format version number 1, found %s"), node_type_name (version));
      else if (json_node_get_value_type (version) != G_TYPE_INT64)
        {
          problem (loader, &here, _("format version %g is not supported (this Entente reads version 1)"),
                   json_node_get_double (version));
          return;
        }
      else if (json_node_get_int (version) != 1)
        {
          problem (loader, &here, _("format version %lld is not supported (this Entente reads version 1)"),
                   (long long) json_node_get_int (version));
          return;
        }
    }

  read_string (loader, root, &root_place, "id", TRUE, &story->id);
  read_text (loader, root, &root_place, "title", TRUE, &story->title);
  read_text (loader, root, &root_place, "summary", TRUE, &story->summary);
  read_string (loader, root, &root_place, "language", TRUE, &story->language);

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
 * the file. On failure the error message holds one line per problem. */
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
