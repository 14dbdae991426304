/* entente-document.c
 *
 * A story being read or written: the story, the file it came from, whether
 * it has changed since, and the one way to change it. Every edit goes
 * through a function here that checks it as the loader would (the same
 * words), applies it, keeps every reference right and emits "changed" for
 * each source, entity, relation, quote or event it added, removed or
 * changed — after that item's part of the edit, so a handler always reads
 * a story whose references hold. The editor's undo stack is built on these
 * notifications.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-document.h"
#include "entente-story-loader.h"
#include "entente-story-private.h"
#include "entente-time-filter.h"

struct _EntenteDocument
{
  GObject       parent_instance;

  EntenteStory *story;
  GFile        *file;
  gboolean      modified;
};

G_DEFINE_FINAL_TYPE (EntenteDocument, entente_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (entente-document-error-quark, entente_document_error)

enum {
  PROP_0,
  PROP_STORY,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entente_document_dispose (GObject *object)
{
  EntenteDocument *self = (EntenteDocument *) object;

  g_clear_object (&self->story);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (entente_document_parent_class)->dispose (object);
}

static void
entente_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntenteDocument *self = ENTENTE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EntenteDocument *self = ENTENTE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORY:
      self->story = g_value_dup_object (value);
      break;
    case PROP_FILE:
      entente_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_MODIFIED:
      entente_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_document_class_init (EntenteDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = entente_document_dispose;
  object_class->get_property = entente_document_get_property;
  object_class->set_property = entente_document_set_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, ENTENTE_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntenteDocument::changed:
   * @item: an #EntenteItemKind
   * @index: the item's index in its list (for a removal, where it was)
   * @edit: an #EntenteEditKind
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
entente_document_init (EntenteDocument *self)
{
}

EntenteDocument *
entente_document_new (EntenteStory *story,
                      GFile        *file)
{
  g_return_val_if_fail (ENTENTE_IS_STORY (story), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (ENTENTE_TYPE_DOCUMENT, "story", story, "file", file, NULL);
}

EntenteStory *
entente_document_get_story (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);
  return self->story;
}

GFile *
entente_document_get_file (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
entente_document_set_file (EntenteDocument *self,
                           GFile           *file)
{
  g_return_if_fail (ENTENTE_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
entente_document_get_modified (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/* Set by every edit; cleared by whoever saves the story. */
void
entente_document_set_modified (EntenteDocument *self,
                               gboolean         modified)
{
  g_return_if_fail (ENTENTE_IS_DOCUMENT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
emit_changed (EntenteDocument *self,
              EntenteItemKind  item,
              guint            index,
              EntenteEditKind  edit)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) item, index, (guint) edit);
}

static void
edited (EntenteDocument *self)
{
  entente_time_derive_appearances (self->story);
  entente_document_set_modified (self, TRUE);
}

/* A text the story will hold: checked with the loader's own words. */
static gboolean
check_text (const char  *text,
            GError     **error)
{
  gunichar forbidden;
  gsize len;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID, _("must not be empty"));
      return FALSE;
    }
  len = strlen (text);
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID,
                           _("this string is not valid UTF-8"));
      return FALSE;
    }
  if (len > ENTENTE_STORY_MAX_STRING)
    {
      g_set_error (error, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID,
                   _("the text is %u KiB long; the limit is %u KiB"),
                   (guint) (len / 1024), (guint) (ENTENTE_STORY_MAX_STRING / 1024));
      return FALSE;
    }
  forbidden = entente_text_find_forbidden (text);
  if (forbidden != 0)
    {
      g_set_error (error, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID,
                   _("holds the character U+%04X, a control character or noncharacter that a story may not contain"),
                   forbidden);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_index (guint        index,
             guint        n,
             GError     **error)
{
  if (index < n)
    return TRUE;
  g_set_error (error, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID,
               "no item %u: the list holds %u", index, n);
  return FALSE;
}

static gboolean
entity_id_taken (EntenteDocument *self,
                 const char      *id)
{
  return entente_story_find_entity (self->story, id) >= 0;
}

static gboolean
relation_id_taken (EntenteDocument *self,
                   const char      *id)
{
  for (guint i = 0; i < self->story->relations->len; i++)
    if (g_str_equal (g_array_index (self->story->relations, EntenteRelation, i).id, id))
      return TRUE;
  return FALSE;
}

/* An id made from a name: lower case ASCII, words joined by hyphens
 * ("Satya Nadella" → "satya-nadella", "Élysée" → "elysee"), made unique
 * with a number. It stays when the name changes later: references and the
 * reader's saved arrangement hold on to it. */
static char *
make_id (EntenteDocument *self,
         const char      *name,
         const char      *fallback,
         gboolean       (*taken) (EntenteDocument *, const char *))
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
      if (id->len >= 48)
        break;
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, fallback);

  base = g_strdup (id->str);
  for (guint n = 2; taken (self, id->str); n++)
    g_string_printf (id, "%s-%u", base, n);
  return g_string_free (g_steal_pointer (&id), FALSE);
}

/* The entity ids' index is keyed by the entities' own strings: made anew
 * when the array moves. */
static void
reindex_entities (EntenteDocument *self)
{
  g_hash_table_remove_all (self->story->entity_by_id);
  for (guint i = 0; i < self->story->entities->len; i++)
    g_hash_table_insert (self->story->entity_by_id, g_array_index (self->story->entities, EntenteEntity, i).id,
                         GUINT_TO_POINTER (i + 1));
}

static void
text_set_variant (EntenteText *text,
                  const char  *language,
                  const char  *value)
{
  if (language == NULL)
    {
      entente_text_clear (text);
      text->n_variants = 1;
      text->variants = g_new0 (EntenteTextVariant, 1);
      text->variants[0].text = g_strdup (value);
      return;
    }

  for (guint i = 0; i < text->n_variants; i++)
    if (g_strcmp0 (text->variants[i].lang, language) == 0)
      {
        g_free (text->variants[i].text);
        text->variants[i].text = g_strdup (value);
        return;
      }

  text->variants = g_renew (EntenteTextVariant, text->variants, text->n_variants + 1);
  text->variants[text->n_variants].lang = g_strdup (language);
  text->variants[text->n_variants].text = g_strdup (value);
  text->n_variants++;
}

/* Returns the new entity's index, or -1 with @error set. */
int
entente_document_add_entity (EntenteDocument    *self,
                             EntenteEntityKind   kind,
                             const char         *name,
                             GError            **error)
{
  EntenteEntity entity = { 0 };
  guint index;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (kind < ENTENTE_N_ENTITY_KINDS, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_text (name, error))
    return -1;
  if (self->story->entities->len >= ENTENTE_STORY_MAX_ITEMS)
    {
      g_set_error (error, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID,
                   _("holds %u items; the limit is %u"), self->story->entities->len + 1, (guint) ENTENTE_STORY_MAX_ITEMS);
      return -1;
    }

  entity.id = make_id (self, name, "entity", entity_id_taken);
  entity.kind = kind;
  text_set_variant (&entity.name, NULL, name);
  g_array_append_val (self->story->entities, entity);
  index = self->story->entities->len - 1;
  reindex_entities (self);
  edited (self);
  emit_changed (self, ENTENTE_ITEM_ENTITY, index, ENTENTE_EDIT_ADDED);
  return (int) index;
}

/* The entity's name in @language (NULL: one name for every language); its
 * id does not change. */
gboolean
entente_document_set_entity_name (EntenteDocument  *self,
                                  guint             entity,
                                  const char       *language,
                                  const char       *name,
                                  GError          **error)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_index (entity, self->story->entities->len, error) || !check_text (name, error))
    return FALSE;

  text_set_variant (&g_array_index (self->story->entities, EntenteEntity, entity).name, language, name);
  edited (self);
  emit_changed (self, ENTENTE_ITEM_ENTITY, entity, ENTENTE_EDIT_CHANGED);
  return TRUE;
}

gboolean
entente_document_set_entity_kind (EntenteDocument    *self,
                                  guint               entity,
                                  EntenteEntityKind   kind,
                                  GError            **error)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < ENTENTE_N_ENTITY_KINDS, FALSE);

  if (!check_index (entity, self->story->entities->len, error))
    return FALSE;

  g_array_index (self->story->entities, EntenteEntity, entity).kind = kind;
  edited (self);
  emit_changed (self, ENTENTE_ITEM_ENTITY, entity, ENTENTE_EDIT_CHANGED);
  return TRUE;
}

/* Takes @entity out of @list and moves the indices after it down;
 * whether it was there. */
static gboolean
drop_from_list (EntenteIndexList *list,
                guint             entity)
{
  guint kept = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < list->n; i++)
    {
      if (list->items[i] == entity)
        {
          found = TRUE;
          continue;
        }
      list->items[kept++] = list->items[i] > entity ? list->items[i] - 1 : list->items[i];
    }
  list->n = kept;
  return found;
}

static void
remove_relation_at (EntenteDocument *self,
                    guint            relation)
{
  g_array_remove_index (self->story->relations, relation);
  emit_changed (self, ENTENTE_ITEM_RELATION, relation, ENTENTE_EDIT_REMOVED);
}

/* An entity goes with its relations and the quotes it spoke, and leaves
 * the quotes and events that name it: one edit. */
gboolean
entente_document_remove_entity (EntenteDocument  *self,
                                 guint             entity,
                                 GError          **error)
{
  EntenteStory *story = self->story;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_index (entity, story->entities->len, error))
    return FALSE;

  for (guint i = story->relations->len; i > 0; i--)
    {
      const EntenteRelation *r = &g_array_index (story->relations, EntenteRelation, i - 1);

      if (r->from == entity || r->to == entity)
        remove_relation_at (self, i - 1);
    }
  for (guint i = story->quotes->len; i > 0; i--)
    if (g_array_index (story->quotes, EntenteQuote, i - 1).speaker == entity)
      {
        g_array_remove_index (story->quotes, i - 1);
        emit_changed (self, ENTENTE_ITEM_QUOTE, i - 1, ENTENTE_EDIT_REMOVED);
      }

  /* From here on, indices past @entity move down by one everywhere at
   * once, then the entity goes. */
  for (guint i = 0; i < story->relations->len; i++)
    {
      EntenteRelation *r = &g_array_index (story->relations, EntenteRelation, i);

      r->from -= r->from > entity;
      r->to -= r->to > entity;
    }
  g_array_remove_index (story->entities, entity);
  reindex_entities (self);
  {
    g_autoptr(GArray) changed_quotes = g_array_new (FALSE, FALSE, sizeof (guint));
    g_autoptr(GArray) changed_events = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < story->quotes->len; i++)
      {
        EntenteQuote *q = &g_array_index (story->quotes, EntenteQuote, i);

        q->speaker -= q->speaker > entity;
        if (drop_from_list (&q->about, entity))
          g_array_append_val (changed_quotes, i);
      }
    for (guint i = 0; i < story->events->len; i++)
      if (drop_from_list (&g_array_index (story->events, EntenteEvent, i).entities, entity))
        g_array_append_val (changed_events, i);

    edited (self);
    emit_changed (self, ENTENTE_ITEM_ENTITY, entity, ENTENTE_EDIT_REMOVED);
    for (guint i = 0; i < changed_quotes->len; i++)
      emit_changed (self, ENTENTE_ITEM_QUOTE, g_array_index (changed_quotes, guint, i), ENTENTE_EDIT_CHANGED);
    for (guint i = 0; i < changed_events->len; i++)
      emit_changed (self, ENTENTE_ITEM_EVENT, g_array_index (changed_events, guint, i), ENTENTE_EDIT_CHANGED);
  }
  return TRUE;
}

/* Returns the new relation's index, or -1 with @error set. */
int
entente_document_add_relation (EntenteDocument  *self,
                               guint             from,
                               guint             to,
                               const char       *kind,
                               const char       *label,
                               EntenteStatus     status,
                               GError          **error)
{
  EntenteStory *story = self->story;
  EntenteRelation relation = { 0 };
  g_autofree char *id_source = NULL;
  guint index;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (status == ENTENTE_STATUS_CONFIRMED || status == ENTENTE_STATUS_REPORTED, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_index (from, story->entities->len, error) || !check_index (to, story->entities->len, error) ||
      !check_text (kind, error) || !check_text (label, error))
    return -1;

  id_source = g_strdup_printf ("%s %s %s", g_array_index (story->entities, EntenteEntity, from).id, kind,
                               g_array_index (story->entities, EntenteEntity, to).id);
  relation.id = make_id (self, id_source, "relation", relation_id_taken);
  relation.from = from;
  relation.to = to;
  relation.kind = g_strdup (kind);
  relation.status = status;
  text_set_variant (&relation.label, NULL, label);
  g_array_append_val (story->relations, relation);
  index = story->relations->len - 1;
  edited (self);
  emit_changed (self, ENTENTE_ITEM_RELATION, index, ENTENTE_EDIT_ADDED);
  return (int) index;
}

gboolean
entente_document_remove_relation (EntenteDocument  *self,
                                  guint             relation,
                                  GError          **error)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_index (relation, self->story->relations->len, error))
    return FALSE;

  g_array_remove_index (self->story->relations, relation);
  edited (self);
  emit_changed (self, ENTENTE_ITEM_RELATION, relation, ENTENTE_EDIT_REMOVED);
  return TRUE;
}
