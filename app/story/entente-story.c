/* entente-story.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-story-private.h"

G_DEFINE_FINAL_TYPE (EntenteStory, entente_story, G_TYPE_OBJECT)

static void
index_list_clear (EntenteIndexList *list)
{
  g_clear_pointer (&list->items, g_free);
  list->n = 0;
}

static void
source_clear (gpointer data)
{
  EntenteSource *source = data;

  g_free (source->id);
  g_free (source->publisher);
  g_free (source->url);
  entente_text_clear (&source->title);
}

static void
entity_clear (gpointer data)
{
  EntenteEntity *entity = data;

  g_free (entity->id);
  entente_text_clear (&entity->name);
  entente_text_clear (&entity->role);
  entente_text_clear (&entity->description);
  index_list_clear (&entity->sources);
}

static void
relation_clear (gpointer data)
{
  EntenteRelation *relation = data;

  g_free (relation->id);
  g_free (relation->kind);
  g_free (relation->amount_currency);
  entente_text_clear (&relation->label);
  index_list_clear (&relation->sources);
}

static void
quote_clear (gpointer data)
{
  EntenteQuote *quote = data;

  g_free (quote->id);
  g_free (quote->original_language);
  entente_text_clear (&quote->text);
  entente_text_clear (&quote->context);
  index_list_clear (&quote->about);
}

static void
event_clear (gpointer data)
{
  EntenteEvent *event = data;

  g_free (event->id);
  entente_text_clear (&event->title);
  entente_text_clear (&event->description);
  index_list_clear (&event->entities);
  index_list_clear (&event->sources);
}

static void
entente_story_finalize (GObject *object)
{
  EntenteStory *self = (EntenteStory *) object;

  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->language, g_free);
  entente_text_clear (&self->title);
  entente_text_clear (&self->summary);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->entities, g_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->quotes, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->entity_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (entente_story_parent_class)->finalize (object);
}

static void
entente_story_class_init (EntenteStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_story_finalize;
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

static void
entente_story_init (EntenteStory *self)
{
  self->sources = new_array (sizeof (EntenteSource), source_clear);
  self->entities = new_array (sizeof (EntenteEntity), entity_clear);
  self->relations = new_array (sizeof (EntenteRelation), relation_clear);
  self->quotes = new_array (sizeof (EntenteQuote), quote_clear);
  self->events = new_array (sizeof (EntenteEvent), event_clear);
  /* Keys point into the entity array's own strings. */
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

const char *
entente_story_get_id (EntenteStory *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY (self), NULL);
  return self->id;
}

const EntenteText *
entente_story_get_title (EntenteStory *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY (self), NULL);
  return &self->title;
}

const EntenteText *
entente_story_get_summary (EntenteStory *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY (self), NULL);
  return &self->summary;
}

const char *
entente_story_get_language (EntenteStory *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY (self), NULL);
  return self->language;
}

const char *
entente_story_get_filename (EntenteStory *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY (self), NULL);
  return self->filename;
}

#define DEFINE_ACCESSORS(Type, name, plural)                                  \
  guint                                                                       \
  entente_story_get_n_##plural (EntenteStory *self)                          \
  {                                                                           \
    g_return_val_if_fail (ENTENTE_IS_STORY (self), 0);                        \
    return self->plural->len;                                                 \
  }                                                                           \
                                                                              \
  const Type *                                                                \
  entente_story_get_##name (EntenteStory *self,                              \
                            guint         index)                              \
  {                                                                           \
    g_return_val_if_fail (ENTENTE_IS_STORY (self), NULL);                     \
    g_return_val_if_fail (index < self->plural->len, NULL);                   \
    return &g_array_index (self->plural, Type, index);                        \
  }

DEFINE_ACCESSORS (EntenteSource, source, sources)
DEFINE_ACCESSORS (EntenteEntity, entity, entities)
DEFINE_ACCESSORS (EntenteRelation, relation, relations)
DEFINE_ACCESSORS (EntenteQuote, quote, quotes)
DEFINE_ACCESSORS (EntenteEvent, event, events)

int
entente_story_find_entity (EntenteStory *self,
                           const char   *id)
{
  gpointer value;

  g_return_val_if_fail (ENTENTE_IS_STORY (self), -1);

  if (id == NULL || !g_hash_table_lookup_extended (self->entity_by_id, id, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value) - 1;
}

static void
widen (const EntenteDate *date,
       guint32           *first,
       guint32           *last)
{
  if (!ENTENTE_DATE_IS_SET (date))
    return;
  *first = MIN (*first, entente_date_first_day (date));
  *last = MAX (*last, entente_date_first_day (date));
}

/* The span the timeline covers: from the earliest dated fact to the start of
 * the latest one. Returns FALSE when the story has no dates at all. */
gboolean
entente_story_get_date_range (EntenteStory *self,
                              guint32      *first_day,
                              guint32      *last_day)
{
  guint32 first = G_MAXUINT32, last = 0;

  g_return_val_if_fail (ENTENTE_IS_STORY (self), FALSE);

  for (guint i = 0; i < self->entities->len; i++)
    {
      const EntenteEntity *e = &g_array_index (self->entities, EntenteEntity, i);
      widen (&e->start, &first, &last);
      widen (&e->end, &first, &last);
    }
  for (guint i = 0; i < self->relations->len; i++)
    {
      const EntenteRelation *r = &g_array_index (self->relations, EntenteRelation, i);
      widen (&r->start, &first, &last);
      widen (&r->end, &first, &last);
    }
  for (guint i = 0; i < self->events->len; i++)
    widen (&g_array_index (self->events, EntenteEvent, i).date, &first, &last);
  for (guint i = 0; i < self->quotes->len; i++)
    widen (&g_array_index (self->quotes, EntenteQuote, i).date, &first, &last);

  if (first > last)
    return FALSE;

  if (first_day)
    *first_day = first;
  if (last_day)
    *last_day = last;
  return TRUE;
}

const char *
entente_entity_kind_to_string (EntenteEntityKind kind)
{
  static const char * const names[] = { "person", "company", "product", "organization" };

  g_return_val_if_fail (kind < ENTENTE_N_ENTITY_KINDS, NULL);
  return names[kind];
}

const char *
entente_entity_kind_get_label (EntenteEntityKind kind)
{
  switch (kind)
    {
    case ENTENTE_ENTITY_PERSON: return C_("entity kind", "Person");
    case ENTENTE_ENTITY_COMPANY: return C_("entity kind", "Company");
    case ENTENTE_ENTITY_PRODUCT: return C_("entity kind", "Product");
    case ENTENTE_ENTITY_ORGANIZATION: return C_("entity kind", "Organization");
    case ENTENTE_N_ENTITY_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
entente_status_to_string (EntenteStatus status)
{
  return status == ENTENTE_STATUS_REPORTED ? "reported" : "confirmed";
}
