/* entente-story-values.c
 *
 * Reading one value of a story: a string, an id, a text in one or several
 * languages, a date, one of a few words, a reference to an item by its id
 * (with a "did you mean" for a near miss). Each check that fails is a
 * problem at the value's JSON path; the loader reads on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-story-loader-private.h"

Place
_entente_loader_at_member (const Place *parent,
                           const char  *member)
{
  return (Place) { parent, member, 0 };
}

Place
_entente_loader_at_index (const Place *parent,
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
void
_entente_loader_problem (Loader      *loader,
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

const char *
_entente_loader_node_type_name (JsonNode *node)
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

gboolean
_entente_loader_node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* Returns the member, or NULL when it is absent (a _entente_loader_problem when @required). */
JsonNode *
_entente_loader_get_member (Loader      *loader,
                            JsonObject  *object,
                            const Place *place,
                            const char  *member,
                            gboolean     required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    _entente_loader_problem (loader, place, _("missing required member “%s”"), member);

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
      _entente_loader_problem (loader, place, _("the text is %u KiB long; the limit is %u KiB"),
               (guint) (len / 1024), (guint) (ENTENTE_STORY_MAX_STRING / 1024));
      return FALSE;
    }

  forbidden = entente_text_find_forbidden (text);
  if (forbidden != 0)
    {
      _entente_loader_problem (loader, place, _("holds the character U+%04X, a control character or noncharacter that a story may not contain"),
               forbidden);
      return FALSE;
    }

  return TRUE;
}

gboolean
_entente_loader_read_string (Loader       *loader,
                             JsonObject   *object,
                             const Place  *place,
                             const char   *member,
                             gboolean      required,
                             char        **out)
{
  JsonNode *node = _entente_loader_get_member (loader, object, place, member, required);
  Place here;

  if (node == NULL)
    return !required;

  here = _entente_loader_at_member (place, member);
  if (!node_is_string (node))
    {
      _entente_loader_problem (loader, &here, _("expected a string, found %s"), _entente_loader_node_type_name (node));
      return FALSE;
    }
  if (*json_node_get_string (node) == '\0')
    {
      _entente_loader_problem (loader, &here, _("must not be empty"));
      return FALSE;
    }
  if (!check_text (loader, &here, node))
    return FALSE;

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_entente_loader_read_id (Loader       *loader,
                         JsonObject   *object,
                         const Place  *place,
                         GHashTable   *seen,
                         guint         index,
                         char        **out)
{
  Place here;

  if (!_entente_loader_read_string (loader, object, place, "id", TRUE, out))
    return FALSE;

  here = _entente_loader_at_member (place, "id");
  if (g_hash_table_contains (seen, *out))
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, *out)) - 1;
      _entente_loader_problem (loader, &here, _("duplicate id “%s” (already used by item %u)"), *out, first);
      return FALSE;
    }

  g_hash_table_insert (seen, *out, GUINT_TO_POINTER (index + 1));
  return TRUE;
}

gboolean
_entente_loader_read_text (Loader      *loader,
                           JsonObject  *object,
                           const Place *place,
                           const char  *member,
                           gboolean     required,
                           EntenteText *out)
{
  JsonNode *node = _entente_loader_get_member (loader, object, place, member, required);
  Place here;
  JsonObject *translations;
  g_autoptr(GList) names = NULL;
  guint i = 0;

  if (node == NULL)
    return !required;

  here = _entente_loader_at_member (place, member);

  if (node_is_string (node))
    {
      if (*json_node_get_string (node) == '\0')
        {
          _entente_loader_problem (loader, &here, _("must not be empty"));
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
      _entente_loader_problem (loader, &here, _("expected a string or an object of translations such as {\"en\": …, \"fr\": …}, found %s"),
               _entente_loader_node_type_name (node));
      return FALSE;
    }

  translations = json_node_get_object (node);
  names = json_object_get_members (translations);
  if (names == NULL)
    {
      _entente_loader_problem (loader, &here, _("has no translation at all"));
      return FALSE;
    }

  for (const GList *l = names; l; l = l->next)
    {
      JsonNode *variant = json_object_get_member (translations, l->data);
      Place variant_place = _entente_loader_at_member (&here, l->data);

      if (!node_is_string (variant))
        {
          _entente_loader_problem (loader, &variant_place, _("expected a string, found %s"), _entente_loader_node_type_name (variant));
          return FALSE;
        }
      if (*json_node_get_string (variant) == '\0')
        {
          _entente_loader_problem (loader, &variant_place, _("must not be empty"));
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

gboolean
_entente_loader_read_date (Loader      *loader,
                           JsonObject  *object,
                           const Place *place,
                           const char  *member,
                           gboolean     required,
                           EntenteDate *out)
{
  JsonNode *node = _entente_loader_get_member (loader, object, place, member, required);
  Place here;
  g_autofree char *why = NULL;

  if (node == NULL)
    return !required;

  here = _entente_loader_at_member (place, member);
  if (!node_is_string (node))
    {
      _entente_loader_problem (loader, &here, _("expected a date string such as \"2019-07\", found %s"), _entente_loader_node_type_name (node));
      return FALSE;
    }

  if (!entente_date_parse (json_node_get_string (node), out, &why))
    {
      _entente_loader_problem (loader, &here, "%s", why);
      return FALSE;
    }

  return TRUE;
}

void
_entente_loader_check_span (Loader            *loader,
                            const Place       *place,
                            const EntenteDate *start,
                            const EntenteDate *end)
{
  if (ENTENTE_DATE_IS_SET (start) && ENTENTE_DATE_IS_SET (end) &&
      entente_date_last_day (end) < entente_date_first_day (start))
    {
      Place here = _entente_loader_at_member (place, "end");
      g_autofree char *start_text = entente_date_to_iso (start);
      g_autofree char *end_text = entente_date_to_iso (end);
      _entente_loader_problem (loader, &here, _("ends (%s) before it starts (%s)"), end_text, start_text);
    }
}

gboolean
_entente_loader_read_enum (Loader             *loader,
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
    return !required ? TRUE : _entente_loader_read_string (loader, object, place, member, TRUE, &value);

  if (!_entente_loader_read_string (loader, object, place, member, required, &value))
    return FALSE;

  for (guint i = 0; allowed[i]; i++)
    if (g_str_equal (allowed[i], value))
      {
        *out = i;
        return TRUE;
      }

  here = _entente_loader_at_member (place, member);
  list = g_strjoinv (", ", (char **) allowed);
  _entente_loader_problem (loader, &here, _("unknown %s “%s” (expected one of: %s)"), member, value, list);
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
 * target"): it is only translated for a _entente_loader_problem, which is rare, where
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
      _entente_loader_problem (loader, place, _("expected the id of %s, found %s"),
               g_dpgettext2 (GETTEXT_PACKAGE, "reference target", what), _entente_loader_node_type_name (node));
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
    _entente_loader_problem (loader, place, _("no %s has the id “%s” (did you mean “%s”?)"), what, wanted, suggestion);
  else
    _entente_loader_problem (loader, place, _("no %s has the id “%s”"), what, wanted);
  return FALSE;
}

gboolean
_entente_loader_read_ref (Loader      *loader,
                          JsonObject  *object,
                          const Place *place,
                          const char  *member,
                          gboolean     required,
                          GHashTable  *ids,
                          const char  *what,
                          guint       *out)
{
  JsonNode *node = _entente_loader_get_member (loader, object, place, member, required);
  Place here;

  if (node == NULL)
    return !required;

  here = _entente_loader_at_member (place, member);
  return resolve (loader, &here, node, ids, what, out);
}

gboolean
_entente_loader_read_ref_list (Loader           *loader,
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

  here = _entente_loader_at_member (place, member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _entente_loader_problem (loader, &here, _("expected an array of ids, found %s"), _entente_loader_node_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  out->items = g_new0 (guint, MAX (1, json_array_get_length (array)));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Place item_place = _entente_loader_at_index (&here, i);
      guint index;

      if (resolve (loader, &item_place, json_array_get_element (array, i), ids, what, &index))
        out->items[out->n++] = index;
      else
        ok = FALSE;
    }

  return ok;
}
