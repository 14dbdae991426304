/* entente-reading-state.c
 *
 * Where the reader is in the story: the date, the time mode, the kinds
 * hidden, what is selected and what is ringed, and what follows from them —
 * the time view (what is shown) and what came in since the event before.
 * The window's actions set these properties; every view follows their
 * notify. "time-view" is notified only when what it holds changes, so a
 * replay moving the date across quiet days redraws nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-reading-state.h"

struct _EntenteReadingState
{
  GObject          parent_instance;

  EntenteStory    *story;
  guint32          day;
  EntenteTimeMode  time_mode;
  guint            hidden_kinds;
  int              selected_entity;
  int              selected_relation;
  guint           *highlighted;
  guint            n_highlighted;

  EntenteTimeView  time_view;
  guint8          *new_entities;
  guint8          *new_relations;
  guint            n_new_entities;
};

G_DEFINE_FINAL_TYPE (EntenteReadingState, entente_reading_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORY,
  PROP_DAY,
  PROP_TIME_MODE,
  PROP_HIDDEN_KINDS,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_RELATION,
  PROP_HIGHLIGHTED,
  PROP_TIME_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
entente_time_mode_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { ENTENTE_TIME_MODE_AS_OF, "ENTENTE_TIME_MODE_AS_OF", "as-of" },
        { ENTENTE_TIME_MODE_ALL, "ENTENTE_TIME_MODE_ALL", "all" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("EntenteTimeMode"), values));
    }
  return type;
}

/* The time view, and what is new in it: what shows now and did not as of
 * the event before the current one (nothing in the whole-story mode). */
static void
compute_time_view (EntenteReadingState *self)
{
  guint n_entities, n_relations;
  EntenteTimeView before;
  guint32 previous_day = 0;
  gboolean has_previous;

  g_clear_pointer (&self->new_entities, g_free);
  g_clear_pointer (&self->new_relations, g_free);
  self->n_new_entities = 0;
  entente_time_view_clear (&self->time_view);
  if (self->story == NULL)
    return;

  n_entities = entente_story_get_n_entities (self->story);
  n_relations = entente_story_get_n_relations (self->story);
  entente_time_view_compute (&self->time_view, self->story, self->day, self->time_mode);
  entente_time_view_hide_kinds (&self->time_view, self->story, self->hidden_kinds);

  self->new_entities = g_new0 (guint8, MAX (1, n_entities));
  self->new_relations = g_new0 (guint8, MAX (1, n_relations));
  entente_time_view_init (&before);
  has_previous = self->time_mode == ENTENTE_TIME_MODE_AS_OF && self->time_view.n_events > 0 &&
                 entente_time_previous_event_day (self->story,
                                                  entente_date_first_day (&entente_story_get_event (self->story, self->time_view.first_event)->date),
                                                  &previous_day);
  if (!has_previous)
    return;

  entente_time_view_compute (&before, self->story, previous_day, ENTENTE_TIME_MODE_AS_OF);
  for (guint i = 0; i < n_entities; i++)
    {
      self->new_entities[i] = !entente_time_view_shows_entity (&before, i) &&
                              entente_time_view_shows_entity (&self->time_view, i);
      self->n_new_entities += self->new_entities[i];
    }
  for (guint i = 0; i < n_relations; i++)
    self->new_relations[i] = !entente_time_view_shows_relation (&before, i) &&
                             entente_time_view_shows_relation (&self->time_view, i);
  entente_time_view_clear (&before);
}

/* What the time view holds, as bytes, to tell whether it changed. */
static GBytes *
time_view_contents (EntenteReadingState *self)
{
  const EntenteTimeView *view = &self->time_view;
  GByteArray *contents = g_byte_array_new ();

  if (view->entities != NULL)
    g_byte_array_append (contents, view->entities, view->n_entities);
  if (view->relations != NULL)
    g_byte_array_append (contents, view->relations, view->n_relations);
  if (self->new_entities != NULL)
    {
      g_byte_array_append (contents, self->new_entities, view->n_entities);
      g_byte_array_append (contents, self->new_relations, view->n_relations);
    }
  g_byte_array_append (contents, (const guint8 *) &view->n_events, sizeof view->n_events);
  g_byte_array_append (contents, (const guint8 *) &view->first_event, sizeof view->first_event);
  return g_byte_array_free_to_bytes (contents);
}

static void
update_time_view (EntenteReadingState *self,
                  gboolean             always_notify)
{
  g_autoptr(GBytes) before = time_view_contents (self);
  g_autoptr(GBytes) after = NULL;

  compute_time_view (self);
  after = time_view_contents (self);
  if (always_notify || !g_bytes_equal (before, after))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_VIEW]);
}

static void
entente_reading_state_finalize (GObject *object)
{
  EntenteReadingState *self = (EntenteReadingState *) object;

  g_clear_object (&self->story);
  g_clear_pointer (&self->highlighted, g_free);
  g_clear_pointer (&self->new_entities, g_free);
  g_clear_pointer (&self->new_relations, g_free);
  entente_time_view_clear (&self->time_view);

  G_OBJECT_CLASS (entente_reading_state_parent_class)->finalize (object);
}

static void
entente_reading_state_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EntenteReadingState *self = ENTENTE_READING_STATE (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_TIME_MODE:
      g_value_set_enum (value, self->time_mode);
      break;
    case PROP_HIDDEN_KINDS:
      g_value_set_uint (value, self->hidden_kinds);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_int (value, self->selected_entity);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_int (value, self->selected_relation);
      break;
    case PROP_HIGHLIGHTED:
      g_value_set_uint (value, self->n_highlighted);
      break;
    case PROP_TIME_VIEW:
      g_value_set_pointer (value, &self->time_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_reading_state_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EntenteReadingState *self = ENTENTE_READING_STATE (object);

  switch (prop_id)
    {
    case PROP_STORY:
      entente_reading_state_set_story (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      entente_reading_state_set_day (self, g_value_get_uint (value));
      break;
    case PROP_TIME_MODE:
      entente_reading_state_set_time_mode (self, g_value_get_enum (value));
      break;
    case PROP_HIDDEN_KINDS:
      entente_reading_state_set_hidden_kinds (self, g_value_get_uint (value));
      break;
    case PROP_SELECTED_ENTITY:
      entente_reading_state_set_selected_entity (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_RELATION:
      entente_reading_state_set_selected_relation (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_reading_state_class_init (EntenteReadingStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_reading_state_finalize;
  object_class->get_property = entente_reading_state_get_property;
  object_class->set_property = entente_reading_state_set_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, ENTENTE_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_MODE] =
    g_param_spec_enum ("time-mode", NULL, NULL, ENTENTE_TYPE_TIME_MODE, ENTENTE_TIME_MODE_AS_OF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_uint ("hidden-kinds", NULL, NULL, 0, (1u << ENTENTE_N_ENTITY_KINDS) - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int ("selected-entity", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_int ("selected-relation", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The number of entities ringed; entente_reading_state_get_highlighted()
   * gives them. */
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_uint ("highlighted", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_VIEW] =
    g_param_spec_pointer ("time-view", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_reading_state_init (EntenteReadingState *self)
{
  self->selected_entity = -1;
  self->selected_relation = -1;
  entente_time_view_init (&self->time_view);
}

EntenteReadingState *
entente_reading_state_new (void)
{
  return g_object_new (ENTENTE_TYPE_READING_STATE, NULL);
}

EntenteStory *
entente_reading_state_get_story (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), NULL);

  return self->story;
}

static void
clear_highlighted (EntenteReadingState *self)
{
  if (self->n_highlighted == 0)
    return;
  g_clear_pointer (&self->highlighted, g_free);
  self->n_highlighted = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

/* A new story starts at its last date, with nothing selected; the mode and
 * the hidden kinds are the reader's and stay. */
void
entente_reading_state_set_story (EntenteReadingState *self,
                                 EntenteStory        *story)
{
  guint32 last_day = 0;

  g_return_if_fail (ENTENTE_IS_READING_STATE (self));
  g_return_if_fail (story == NULL || ENTENTE_IS_STORY (story));

  if (!g_set_object (&self->story, story))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (story != NULL)
    entente_story_get_date_range (story, NULL, &last_day);
  if (self->day != last_day)
    {
      self->day = last_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }
  entente_reading_state_set_selected_entity (self, -1);
  entente_reading_state_set_selected_relation (self, -1);
  clear_highlighted (self);
  update_time_view (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint32
entente_reading_state_get_day (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), 0);

  return self->day;
}

void
entente_reading_state_set_day (EntenteReadingState *self,
                               guint32              day)
{
  g_return_if_fail (ENTENTE_IS_READING_STATE (self));

  if (self->day == day)
    return;

  self->day = day;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  update_time_view (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

EntenteTimeMode
entente_reading_state_get_time_mode (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), ENTENTE_TIME_MODE_AS_OF);

  return self->time_mode;
}

void
entente_reading_state_set_time_mode (EntenteReadingState *self,
                                     EntenteTimeMode      mode)
{
  g_return_if_fail (ENTENTE_IS_READING_STATE (self));
  g_return_if_fail (mode == ENTENTE_TIME_MODE_AS_OF || mode == ENTENTE_TIME_MODE_ALL);

  if (self->time_mode == mode)
    return;

  self->time_mode = mode;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_MODE]);
  update_time_view (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
entente_reading_state_get_hidden_kinds (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), 0);

  return self->hidden_kinds;
}

/* A bit per entity kind (1 << ENTENTE_ENTITY_PERSON…) set for the kinds
 * hidden. */
void
entente_reading_state_set_hidden_kinds (EntenteReadingState *self,
                                        guint                hidden_kinds)
{
  g_return_if_fail (ENTENTE_IS_READING_STATE (self));
  g_return_if_fail (hidden_kinds < (1u << ENTENTE_N_ENTITY_KINDS));

  if (self->hidden_kinds == hidden_kinds)
    return;

  self->hidden_kinds = hidden_kinds;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
  update_time_view (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

int
entente_reading_state_get_selected_entity (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), -1);

  return self->selected_entity;
}

/* Selecting an entity ends the selection of a relation and the ringing of
 * a quote's subjects; -1 selects nothing. */
void
entente_reading_state_set_selected_entity (EntenteReadingState *self,
                                           int                  entity)
{
  g_return_if_fail (ENTENTE_IS_READING_STATE (self));

  if (self->story == NULL || entity < -1 || entity >= (int) entente_story_get_n_entities (self->story))
    entity = -1;

  g_object_freeze_notify (G_OBJECT (self));
  clear_highlighted (self);
  if (entity >= 0)
    entente_reading_state_set_selected_relation (self, -1);
  if (self->selected_entity != entity)
    {
      self->selected_entity = entity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

int
entente_reading_state_get_selected_relation (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), -1);

  return self->selected_relation;
}

void
entente_reading_state_set_selected_relation (EntenteReadingState *self,
                                             int                  relation)
{
  g_return_if_fail (ENTENTE_IS_READING_STATE (self));

  if (self->story == NULL || relation < -1 || relation >= (int) entente_story_get_n_relations (self->story))
    relation = -1;

  g_object_freeze_notify (G_OBJECT (self));
  if (relation >= 0)
    {
      clear_highlighted (self);
      entente_reading_state_set_selected_entity (self, -1);
    }
  if (self->selected_relation != relation)
    {
      self->selected_relation = relation;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const guint *
entente_reading_state_get_highlighted (EntenteReadingState *self,
                                       guint               *n_entities)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), NULL);
  g_return_val_if_fail (n_entities != NULL, NULL);

  *n_entities = self->n_highlighted;
  return self->highlighted;
}

/* Entities ringed beside the selection, such as what a quote is about;
 * the next selection clears them. */
void
entente_reading_state_set_highlighted (EntenteReadingState *self,
                                       const guint         *entities,
                                       guint                n_entities)
{
  g_return_if_fail (ENTENTE_IS_READING_STATE (self));
  g_return_if_fail (entities != NULL || n_entities == 0);

  if (n_entities == self->n_highlighted &&
      (n_entities == 0 || memcmp (entities, self->highlighted, n_entities * sizeof (guint)) == 0))
    return;

  for (guint i = 0; i < n_entities; i++)
    g_return_if_fail (self->story != NULL && entities[i] < entente_story_get_n_entities (self->story));

  g_free (self->highlighted);
  self->highlighted = n_entities ? g_memdup2 (entities, n_entities * sizeof (guint)) : NULL;
  self->n_highlighted = n_entities;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

const EntenteTimeView *
entente_reading_state_get_time_view (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), NULL);

  return &self->time_view;
}

gboolean
entente_reading_state_is_entity_new (EntenteReadingState *self,
                                     guint                entity)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), FALSE);

  return self->new_entities != NULL && entity < self->time_view.n_entities && self->new_entities[entity];
}

gboolean
entente_reading_state_is_relation_new (EntenteReadingState *self,
                                       guint                relation)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), FALSE);

  return self->new_relations != NULL && relation < self->time_view.n_relations && self->new_relations[relation];
}

guint
entente_reading_state_get_n_new_entities (EntenteReadingState *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_STATE (self), 0);

  return self->n_new_entities;
}
