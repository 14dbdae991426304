/* entente-graph-view-state.c
 *
 * How the graph view follows its reading state: the story it shows, the
 * date, mode and kinds shown (entities and relations fade and grow in and
 * out, or on a big graph the picture cross-fades), the selection and the
 * entities ringed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-graph-view-private.h"

gboolean
_entente_graph_view_animations_enabled (EntenteGraphView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* Moves every fade a step towards what the time view shows; returns TRUE
 * while something is still on its way. */
static gboolean
step_fades (EntenteGraphView *self,
            double            step)
{
  gboolean moving = FALSE;

  for (guint i = 0; i < self->time_view.n_entities; i++)
    {
      float target = entente_time_view_shows_entity (&self->time_view, i) ? 1.0f : 0.0f;
      float value = self->fades.entity_fade[i];

      value = target > value ? MIN (target, value + step) : MAX (target, value - step);
      self->fades.entity_fade[i] = value;
      moving |= value != target;
    }
  for (guint i = 0; i < self->time_view.n_relations; i++)
    {
      float target = entente_time_view_shows_relation (&self->time_view, i) ? 1.0f : 0.0f;
      float value = self->fades.relation_fade[i];

      value = target > value ? MIN (target, value + step) : MAX (target, value - step);
      self->fades.relation_fade[i] = value;
      moving |= value != target;
    }

  return moving;
}

static gboolean
fade_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double elapsed = self->fades.fade_last_time ? (now - self->fades.fade_last_time) / (double) G_USEC_PER_SEC : 0.016;

  self->fades.fade_last_time = now;
  _entente_graph_view_invalidate (self);
  if (step_fades (self, elapsed / FADE_SECONDS))
    return G_SOURCE_CONTINUE;

  self->fades.fade_tick = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
crossfade_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (_entente_graph_view_crossfade_progress (self, gdk_frame_clock_get_frame_time (frame_clock)) < 1.0)
    return G_SOURCE_CONTINUE;

  self->picture.crossfade_tick = 0;
  _entente_graph_view_clear_crossfade (self);
  return G_SOURCE_REMOVE;
}

static void
recompute_time_view (EntenteGraphView *self)
{
  guint n_entities, n_relations;

  if (self->story == NULL)
    return;

  n_entities = entente_story_get_n_entities (self->story);
  n_relations = entente_story_get_n_relations (self->story);

  entente_time_view_copy (&self->time_view, entente_reading_state_get_time_view (self->state));

  if (self->fades.entity_fade == NULL)
    {
      self->fades.entity_fade = g_new0 (float, MAX (1, n_entities));
      self->fades.relation_fade = g_new0 (float, MAX (1, n_relations));
      self->fades.new_entities = g_new0 (guint8, MAX (1, n_entities));
      self->fades.new_relations = g_new0 (guint8, MAX (1, n_relations));
      step_fades (self, 1.0);
    }

  /* Marked as new: what came in since the event before the current one. */
  self->fades.n_new_entities = entente_reading_state_get_n_new_entities (self->state);
  for (guint i = 0; i < n_entities; i++)
    self->fades.new_entities[i] = entente_reading_state_is_entity_new (self->state, i);
  for (guint i = 0; i < n_relations; i++)
    self->fades.new_relations[i] = entente_reading_state_is_relation_new (self->state, i);

  if (!_entente_graph_view_animations_enabled (self) || _entente_graph_view_crossfades_time (self))
    step_fades (self, 1.0);
  else if (self->fades.fade_tick == 0 && step_fades (self, 0.0))
    {
      self->fades.fade_last_time = 0;
      self->fades.fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fade_tick_cb, NULL, NULL);
    }

  _entente_graph_view_update_accessible_description (self);
}

/* What of the time view and the kinds shown the picture shows, as bytes:
 * who is there and how, what is marked new, the legend. */
static GBytes *
shown_in_time (EntenteGraphView *self)
{
  const EntenteTimeView *view = &self->time_view;
  GByteArray *shown = g_byte_array_new ();

  if (view->entities != NULL)
    g_byte_array_append (shown, view->entities, view->n_entities);
  if (view->relations != NULL)
    g_byte_array_append (shown, view->relations, view->n_relations);
  if (self->fades.show_new && self->fades.new_entities != NULL)
    {
      g_byte_array_append (shown, self->fades.new_entities, view->n_entities);
      g_byte_array_append (shown, self->fades.new_relations, view->n_relations);
    }
  g_byte_array_append (shown, (const guint8 *) &self->hidden_kinds, sizeof self->hidden_kinds);
  return g_byte_array_free_to_bytes (shown);
}

/* The date, the time mode or the kinds shown changed; @shown_before is
 * shown_in_time() from before. Playing the story moves the date a little
 * every frame, across days on which nothing comes or goes: the picture
 * then stays as it is. */
static void
time_view_changed (EntenteGraphView *self,
                   GBytes           *shown_before)
{
  gboolean crossfade = _entente_graph_view_crossfades_time (self) && _entente_graph_view_animations_enabled (self) &&
                       self->picture.cache != NULL && self->picture.cache_valid;
  g_autoptr(GBytes) shown_now = NULL;

  recompute_time_view (self);
  shown_now = shown_in_time (self);
  if (g_bytes_equal (shown_before, shown_now))
    return;
  /* A cross-fade still waiting for its new picture (the slider moved
   * twice between two frames) fades to the latest. */
  if (self->picture.crossfade_from != NULL && self->picture.crossfade_start == 0)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  _entente_graph_view_invalidate (self);
  if (!crossfade)
    return;

  self->picture.crossfade_from = g_steal_pointer (&self->picture.cache);
  self->picture.crossfade_from_texture = g_steal_pointer (&self->picture.cache_texture);
  self->picture.crossfade_viewport = self->picture.cache_viewport;
  self->picture.crossfade_start = 0;
  self->picture.crossfade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), crossfade_tick_cb, NULL, NULL);
}

/* The state's story, and with it its date, mode and kinds, nothing
 * selected. */
static void
follow_story (EntenteGraphView *self)
{
  EntenteStory *story = entente_reading_state_get_story (self->state);

  if (!g_set_object (&self->story, story))
    return;

  if (self->layout_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick);
  self->layout_tick = 0;
  g_clear_pointer (&self->runner, entente_layout_runner_free);
  g_clear_pointer (&self->hit_grid, entente_hit_grid_free);
  g_clear_pointer (&self->layout, entente_layout_free);
  self->picture.stories++;
  _entente_graph_view_clear_picture (self);
  g_clear_pointer (&self->fades.entity_fade, g_free);
  g_clear_pointer (&self->picture.names_placed, g_free);
  g_clear_pointer (&self->fades.relation_fade, g_free);
  g_clear_pointer (&self->fades.new_entities, g_free);
  g_clear_pointer (&self->fades.new_relations, g_free);
  g_clear_pointer (&self->highlighted, g_free);
  entente_time_view_clear (&self->time_view);
  self->selected_entity = -1;
  self->selected_relation = -1;
  self->hovered_entity = -1;
  self->input.dragged_entity = -1;
  entente_label_cache_clear (self->picture.label_cache);

  if (story != NULL)
    {
      /* Drawn from the start, settling on the worker's thread. */
      self->layout = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
      /* Small stories start in proportion from the first frame; big ones
       * jump there from the spiral on the worker's first step. */
      if (entente_story_get_n_entities (story) <= PLACE_BEFORE_FIRST_FRAME)
        entente_layout_place (self->layout);
      self->runner = entente_layout_runner_new (story, ENTENTE_LAYOUT_DEFAULT_SEED, self->layout);
      self->layout_settled = TRUE;
      _entente_graph_view_start_layout_tick (self);
    }
  self->day = entente_reading_state_get_day (self->state);
  self->time_mode = entente_reading_state_get_time_mode (self->state);
  self->hidden_kinds = entente_reading_state_get_hidden_kinds (self->state);

  recompute_time_view (self);
  self->auto_fit = TRUE;
  if (self->layout)
    _entente_graph_view_fit_viewport (self);
  _entente_graph_view_update_pin_actions (self);
  _entente_graph_view_prepare_labels (self);

  _entente_graph_view_invalidate (self);
  _entente_graph_view_notify (self, PROP_STORY);
  _entente_graph_view_notify (self, PROP_DAY);
  _entente_graph_view_notify (self, PROP_SELECTED_ENTITY);
}

static void
follow_selected_entity (EntenteGraphView *self)
{
  int entity = entente_reading_state_get_selected_entity (self->state);

  if (self->story != entente_reading_state_get_story (self->state) || self->selected_entity == entity)
    return;

  self->selected_entity = entity;
  _entente_graph_view_update_accessible_description (self);
  _entente_graph_view_focus_changed (self);
  _entente_graph_view_notify (self, PROP_SELECTED_ENTITY);
}

static void
follow_selected_relation (EntenteGraphView *self)
{
  if (self->story != entente_reading_state_get_story (self->state))
    return;
  self->selected_relation = entente_reading_state_get_selected_relation (self->state);
  _entente_graph_view_focus_changed (self);
}

static void
follow_highlighted (EntenteGraphView *self)
{
  guint n_entities;
  const guint *entities = entente_reading_state_get_highlighted (self->state, &n_entities);

  if (self->story != entente_reading_state_get_story (self->state))
    return;
  g_clear_pointer (&self->highlighted, g_free);
  if (self->story != NULL && n_entities > 0)
    {
      guint n = entente_story_get_n_entities (self->story);

      self->highlighted = g_new0 (guint8, MAX (1, n));
      for (guint i = 0; i < n_entities; i++)
        if (entities[i] < n)
          self->highlighted[entities[i]] = TRUE;
    }
  _entente_graph_view_focus_changed (self);
}

/* The date, the time mode, the kinds hidden or what they show changed. */
static void
follow_time (EntenteGraphView *self)
{
  g_autoptr(GBytes) shown_before = NULL;
  guint32 day = entente_reading_state_get_day (self->state);
  gboolean day_changed = day != self->day;

  if (self->story != entente_reading_state_get_story (self->state))
    return;

  shown_before = shown_in_time (self);
  self->day = day;
  self->time_mode = entente_reading_state_get_time_mode (self->state);
  self->hidden_kinds = entente_reading_state_get_hidden_kinds (self->state);
  time_view_changed (self, shown_before);
  if (day_changed)
    _entente_graph_view_notify (self, PROP_DAY);
}

void
_entente_graph_view_connect_state (EntenteGraphView *self)
{
  static const char * const time_signals[] = {
    "notify::day", "notify::time-mode", "notify::hidden-kinds", "notify::time-view",
  };

  g_signal_connect_object (self->state, "notify::story", G_CALLBACK (follow_story), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (time_signals); i++)
    g_signal_connect_object (self->state, time_signals[i], G_CALLBACK (follow_time), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-entity", G_CALLBACK (follow_selected_entity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-relation", G_CALLBACK (follow_selected_relation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::highlighted", G_CALLBACK (follow_highlighted), self, G_CONNECT_SWAPPED);
}

EntenteReadingState *
entente_graph_view_get_reading_state (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return self->state;
}

/* The view follows @state from now on: its story, date and selection. */
void
entente_graph_view_set_reading_state (EntenteGraphView    *self,
                                      EntenteReadingState *state)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (ENTENTE_IS_READING_STATE (state));

  if (self->state == state)
    return;

  g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  _entente_graph_view_connect_state (self);
  follow_story (self);
  follow_time (self);
  follow_selected_entity (self);
  follow_selected_relation (self);
  follow_highlighted (self);
  _entente_graph_view_notify (self, PROP_READING_STATE);
}
