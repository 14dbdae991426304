/* entente-graph-view.c
 *
 * The graph widget: it follows a reading state (story, date, selection),
 * keeps the layout settling on its thread, fades entities in and out as
 * the date moves, and hands drawing to the renderer, which knows nothing
 * of GTK. Input is in entente-graph-view-input.c, the picture and its
 * layers in entente-graph-view-picture.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "entente-graph-menu.h"
#include "entente-graph-view-private.h"
#include "graph/entente-export.h"

G_DEFINE_FINAL_TYPE (EntenteGraphView, entente_graph_view, GTK_TYPE_WIDGET)


static GParamSpec *properties[N_PROPS];

void
_entente_graph_view_notify (EntenteGraphView *self,
                            int               prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}


/* A fade of its own for each entity and relation draws a whole picture
 * every frame: with a fade half way, 20 ms at 1920 × 1080 for 500
 * relations, half a second for 20,000. From there on, a change of date
 * or of the kinds shown cross-fades from the picture before it to the
 * new one instead. */
gboolean
_entente_graph_view_crossfades_time (EntenteGraphView *self)
{
  return self->story != NULL && entente_story_get_n_relations (self->story) >= CROSSFADE_MIN_RELATIONS;
}

void
_entente_graph_view_clear_crossfade (EntenteGraphView *self)
{
  if (self->picture.crossfade_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->picture.crossfade_tick);
  self->picture.crossfade_tick = 0;
  g_clear_object (&self->picture.crossfade_from_texture);
  g_clear_pointer (&self->picture.crossfade_from, cairo_surface_destroy);
}

/* Something but the view changed: the cached picture must be redrawn
 * (and what it showed before is no longer worth fading from). */
void
_entente_graph_view_invalidate (EntenteGraphView *self)
{
  _entente_graph_view_clear_crossfade (self);
  self->picture.invalidations++;
  self->picture.cache_valid = FALSE;
  g_clear_handle_id (&self->picture.refresh_source, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A big graph's picture is drawn without its focus, which goes on a
 * layer of its own over it, veiled: hovering draws that layer alone. */
gboolean
_entente_graph_view_focus_on_layer (EntenteGraphView *self)
{
  return self->story != NULL && entente_story_get_n_relations (self->story) >= ENTENTE_RENDER_VEIL_MIN_RELATIONS;
}

void
_entente_graph_view_clear_focus_layer (EntenteGraphView *self)
{
  g_clear_object (&self->picture.focus_layer_texture);
  g_clear_pointer (&self->picture.focus_layer, cairo_surface_destroy);
}

/* The hover, the selection or what a quote is about changed. */
void
_entente_graph_view_focus_changed (EntenteGraphView *self)
{
  if (!_entente_graph_view_focus_on_layer (self))
    {
      _entente_graph_view_invalidate (self);
      return;
    }
  _entente_graph_view_clear_focus_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_entente_graph_view_note_reader_change (EntenteGraphView *self)
{
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

gboolean
_entente_graph_view_is_dark (EntenteGraphView *self)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  return (0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue) > 0.5;
}

void
_entente_graph_view_fill_render_options (EntenteGraphView     *self,
                                         EntenteRenderOptions *options)
{
  entente_render_options_init (options);
  options->story = self->story;
  options->layout = self->layout;
  options->viewport = &self->viewport;
  options->time_view = &self->time_view;
  options->selected_entity = self->selected_entity;
  options->selected_relation = self->selected_relation;
  options->highlighted = self->highlighted;
  options->hovered_entity = self->hovered_entity;
  options->entity_fade = self->fades.entity_fade;
  options->relation_fade = self->fades.relation_fade;
  options->hidden_kinds = self->hidden_kinds;
  options->new_entities = self->fades.show_new ? self->fades.new_entities : NULL;
  options->new_relations = self->fades.show_new ? self->fades.new_relations : NULL;
  options->dark = _entente_graph_view_is_dark (self);
}

/* The palette follows the style: a switch to or from dark redraws. Other
 * style changes (hover, focus) leave the picture be. */
static void
entente_graph_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (entente_graph_view_parent_class)->css_changed (widget, change);
  if (self->picture.cache != NULL && self->picture.cache_dark != _entente_graph_view_is_dark (self))
    _entente_graph_view_invalidate (self);
}

/* Labels are set in the desktop's fonts, at its text scaling. */
static void
entente_graph_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (entente_graph_view_parent_class)->system_setting_changed (widget, setting);
  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    _entente_graph_view_invalidate (ENTENTE_GRAPH_VIEW (widget));
}

void
_entente_graph_view_fit_viewport (EntenteGraphView *self)
{
  double x0, y0, x1, y1;

  entente_layout_get_bounds (self->layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit_insets (&self->viewport, x0, y0, x1, y1,
                               ENTENTE_RENDER_LEGEND_INSET + ENTENTE_RENDER_LABEL_OVERHANG / 2, FIT_MARGIN,
                               ENTENTE_RENDER_LABEL_OVERHANG, FIT_MARGIN);
}

static void
entente_graph_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  self->allocated = TRUE;
  self->viewport.width = MAX (1, width);
  self->viewport.height = MAX (1, height);

  if (self->auto_fit && self->layout && width > 0 && height > 0)
    _entente_graph_view_fit_viewport (self);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* What a screen reader says of the canvas: how much it shows, and the
 * selected entity with its relations. */
void
_entente_graph_view_update_accessible_description (EntenteGraphView *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->story && self->selected_entity >= 0)
    {
      const EntenteEntity *e = entente_story_get_entity (self->story, self->selected_entity);
      guint listed = 0;

      /* Translators: what a screen reader says of the graph; %s is a name
       * such as "OpenAI", %u how many people, companies… it shows. */
      g_string_printf (description, _("%s selected; %u entities shown"),
                       entente_text_get (&e->name), self->time_view.n_shown_entities);
      for (guint i = 0; i < entente_story_get_n_relations (self->story) && listed < 12; i++)
        {
          const EntenteRelation *r = entente_story_get_relation (self->story, i);

          if ((r->from != (guint) self->selected_entity && r->to != (guint) self->selected_entity) ||
              !entente_time_view_shows_relation (&self->time_view, i))
            continue;
          g_string_append (description, listed++ == 0 ? ". " : "; ");
          g_string_append_printf (description, _("%s %s %s"),
                                  entente_text_get (&entente_story_get_entity (self->story, r->from)->name),
                                  entente_text_get (&r->label),
                                  entente_text_get (&entente_story_get_entity (self->story, r->to)->name));
        }
    }
  else
    g_string_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u entity shown", "%u entities shown",
                                               self->time_view.n_shown_entities),
                     self->time_view.n_shown_entities);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  gboolean finished = FALSE;

  /* The worker starts once the first picture is up: it would otherwise
   * take a processor from the first frame. The first tick comes before
   * the first allocation; a view that has nothing to draw does not wait. */
  if (!entente_layout_runner_is_started (self->runner))
    {
      gboolean will_draw = gtk_widget_get_mapped (widget) &&
                           (!self->allocated || (gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0));

      if (self->picture.cache == NULL && will_draw)
        return G_SOURCE_CONTINUE;
      entente_layout_runner_start (self->runner);
    }

  if (entente_layout_runner_fetch (self->runner, self->layout, &finished))
    {
      if (self->auto_fit && gtk_widget_get_width (widget) > 0)
        _entente_graph_view_fit_viewport (self);
      _entente_graph_view_invalidate (self);
    }

  if (!finished)
    return G_SOURCE_CONTINUE;

  self->layout_tick = 0;
  if (!self->layout_settled)
    {
      self->layout_settled = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_SETTLED]);
    }
  return G_SOURCE_REMOVE;
}

/* Follows the worker once a frame until the layout settles. */
void
_entente_graph_view_start_layout_tick (EntenteGraphView *self)
{
  if (self->layout_settled)
    {
      self->layout_settled = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_SETTLED]);
    }
  if (self->layout_tick == 0 && self->runner != NULL)
    self->layout_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), layout_tick_cb, NULL, NULL);
}

void
_entente_graph_view_update_pin_actions (EntenteGraphView *self)
{
  gboolean any = FALSE;

  for (guint i = 0; self->layout != NULL && i < self->layout->n_nodes && !any; i++)
    any = self->layout->pinned[i];
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.unpin-all", any);
}

static void
entente_graph_view_dispose (GObject *object)
{
  EntenteGraphView *self = (EntenteGraphView *) object;

  if (self->fades.fade_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fades.fade_tick);
  self->fades.fade_tick = 0;
  _entente_graph_view_clear_crossfade (self);
  g_cancellable_cancel (self->picture.picture_cancellable);
  if (self->layout_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick);
  self->layout_tick = 0;
  if (self->input.center_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->input.center_tick);
  self->input.center_tick = 0;
  g_clear_pointer (&self->runner, entente_layout_runner_free);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_handle_id (&self->picture.refresh_source, g_source_remove);
  _entente_graph_view_clear_picture (self);
  g_clear_object (&self->picture.grey_context);

  g_clear_object (&self->story);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (entente_graph_view_parent_class)->dispose (object);
}

static void
entente_graph_view_finalize (GObject *object)
{
  EntenteGraphView *self = (EntenteGraphView *) object;

  g_clear_pointer (&self->hit_grid, entente_hit_grid_free);
  g_clear_pointer (&self->layout, entente_layout_free);
  entente_time_view_clear (&self->time_view);
  g_clear_pointer (&self->fades.entity_fade, g_free);
  g_clear_pointer (&self->picture.names_placed, g_free);
  g_clear_pointer (&self->fades.relation_fade, g_free);
  g_clear_pointer (&self->fades.new_entities, g_free);
  g_clear_pointer (&self->fades.new_relations, g_free);
  g_clear_pointer (&self->highlighted, g_free);
  g_clear_pointer (&self->picture.label_cache, entente_label_cache_free);
  g_clear_pointer (&self->picture.picture_worker, entente_picture_worker_free);
  g_clear_object (&self->picture.picture_cancellable);

  G_OBJECT_CLASS (entente_graph_view_parent_class)->finalize (object);
}

static void
entente_graph_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_int (value, self->selected_entity);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_LAYOUT_SETTLED:
      g_value_set_boolean (value, self->layout_settled);
      break;
    case PROP_READING_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_graph_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      entente_graph_view_set_story (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      entente_graph_view_set_day (self, g_value_get_uint (value));
      break;
    case PROP_SELECTED_ENTITY:
      entente_graph_view_set_selected_entity (self, g_value_get_int (value));
      break;
    case PROP_READING_STATE:
      entente_graph_view_set_reading_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_graph_view_class_init (EntenteGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_graph_view_dispose;
  object_class->finalize = entente_graph_view_finalize;
  object_class->get_property = entente_graph_view_get_property;
  object_class->set_property = entente_graph_view_set_property;

  widget_class->snapshot = _entente_graph_view_snapshot;
  widget_class->css_changed = entente_graph_view_css_changed;
  widget_class->system_setting_changed = entente_graph_view_system_setting_changed;
  widget_class->size_allocate = entente_graph_view_size_allocate;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         ENTENTE_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int ("selected-entity", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT_SETTLED] =
    g_param_spec_boolean ("layout-settled", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING_STATE] =
    g_param_spec_object ("reading-state", NULL, NULL,
                         ENTENTE_TYPE_READING_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _entente_graph_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
entente_graph_view_init (EntenteGraphView *self)
{
  self->selected_entity = -1;
  self->selected_relation = -1;
  self->hovered_entity = -1;
  self->input.dragged_entity = -1;
  self->picture.label_cache = entente_label_cache_new (ENTENTE_LABEL_CACHE_CAPACITY);
  self->picture.picture_worker = entente_picture_worker_new ();
  self->picture.picture_cancellable = g_cancellable_new ();
  self->auto_fit = TRUE;
  entente_viewport_init (&self->viewport, 1, 1);
  entente_time_view_init (&self->time_view);
  /* Standing alone, the view has a reading state of its own. */
  self->state = entente_reading_state_new ();
  _entente_graph_view_connect_state (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _entente_graph_view_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship graph"),
                                  -1);
}

GtkWidget *
entente_graph_view_new (void)
{
  return g_object_new (ENTENTE_TYPE_GRAPH_VIEW, NULL);
}

EntenteStory *
entente_graph_view_get_story (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return self->story;
}

void
entente_graph_view_set_story (EntenteGraphView *self,
                              EntenteStory     *story)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (!story || ENTENTE_IS_STORY (story));

  entente_reading_state_set_story (self->state, story);
}

guint32
entente_graph_view_get_day (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 0);
  return self->day;
}

void
entente_graph_view_set_day (EntenteGraphView *self,
                            guint32           day)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_day (self->state, day);
}

int
entente_graph_view_get_selected_entity (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), -1);
  return self->selected_entity;
}

void
entente_graph_view_set_selected_entity (EntenteGraphView *self,
                                        int               entity)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_selected_entity (self->state, entity);
}

int
entente_graph_view_get_selected_relation (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), -1);
  return self->selected_relation;
}

void
entente_graph_view_set_selected_relation (EntenteGraphView *self,
                                          int               relation)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_selected_relation (self->state, relation);
}

/* Rings the entities a quote is about; NULL or none clears. */
void
entente_graph_view_set_highlighted (EntenteGraphView *self,
                                    const guint      *entities,
                                    guint             n_entities)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_highlighted (self->state, entities, n_entities);
}

void
entente_graph_view_set_time_mode (EntenteGraphView *self,
                                  EntenteTimeMode   mode)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_time_mode (self->state, mode);
}

/* Marks what each event brings in; meant for a replay. */
void
entente_graph_view_set_show_new (EntenteGraphView *self,
                                 gboolean          show_new)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  self->fades.show_new = show_new;
  _entente_graph_view_invalidate (self);
}

void
entente_graph_view_set_hidden_kinds (EntenteGraphView *self,
                                     guint             hidden_kinds)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_hidden_kinds (self->state, hidden_kinds);
}

guint
entente_graph_view_get_n_new_entities (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 0);
  return self->fades.n_new_entities;
}

const EntenteTimeView *
entente_graph_view_get_time_view (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return &self->time_view;
}

const EntenteLayout *
entente_graph_view_get_layout (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

void
entente_graph_view_zoom (EntenteGraphView *self,
                         double            factor)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_viewport_zoom_at (&self->viewport, self->viewport.width / 2, self->viewport.height / 2, factor);
  self->auto_fit = FALSE;
  _entente_graph_view_view_moved (self);
  _entente_graph_view_note_reader_change (self);
}

void
entente_graph_view_fit (EntenteGraphView *self)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  self->auto_fit = TRUE;
  if (self->layout)
    _entente_graph_view_fit_viewport (self);
  _entente_graph_view_invalidate (self);
  _entente_graph_view_note_reader_change (self);
}

/* What part of the graph the view shows, and how big. */
const EntenteViewport *
entente_graph_view_get_viewport (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return &self->viewport;
}

double
entente_graph_view_get_zoom (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 1.0);
  return self->viewport.zoom;
}

gboolean
entente_graph_view_get_layout_settled (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), FALSE);
  return self->layout_settled;
}

/* "Re-arrange": every pin let go, the layout run again from the start. */
void
entente_graph_view_rearrange (EntenteGraphView *self)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  if (self->runner == NULL)
    return;

  memset (self->layout->pinned, 0, self->layout->n_nodes);
  entente_layout_runner_restart (self->runner);
  _entente_graph_view_update_pin_actions (self);
  self->auto_fit = TRUE;
  _entente_graph_view_start_layout_tick (self);
  _entente_graph_view_note_reader_change (self);
}

static gboolean
center_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  double t = MIN (1.0, (gdk_frame_clock_get_frame_time (frame_clock) - self->input.center_start) / (double) CENTER_USEC);

  self->viewport.center_x = self->input.center_from_x + (self->input.center_to_x - self->input.center_from_x) * entente_ease_in_out (t);
  self->viewport.center_y = self->input.center_from_y + (self->input.center_to_y - self->input.center_from_y) * entente_ease_in_out (t);
  if (t < 1.0)
    {
      _entente_graph_view_view_moved (self);
      return G_SOURCE_CONTINUE;
    }

  _entente_graph_view_invalidate (self);
  self->input.center_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Brings @entity to the middle of the view, gliding there. */
void
entente_graph_view_center_on (EntenteGraphView *self,
                              int               entity)
{
  GdkFrameClock *clock;

  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  if (self->story == NULL || entity < 0 || (guint) entity >= self->layout->n_nodes)
    return;

  self->auto_fit = FALSE;
  self->input.center_from_x = self->viewport.center_x;
  self->input.center_from_y = self->viewport.center_y;
  self->input.center_to_x = self->layout->x[entity];
  self->input.center_to_y = self->layout->y[entity];

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (!_entente_graph_view_animations_enabled (self) || clock == NULL)
    {
      self->viewport.center_x = self->input.center_to_x;
      self->viewport.center_y = self->input.center_to_y;
      _entente_graph_view_invalidate (self);
      return;
    }

  self->input.center_start = gdk_frame_clock_get_frame_time (clock);
  if (self->input.center_tick == 0)
    self->input.center_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), center_tick_cb, NULL, NULL);
}

/* Centres on @entity only if it is out of sight or at the very edge. */
void
entente_graph_view_reveal (EntenteGraphView *self,
                           int               entity)
{
  double x, y;
  double margin = 40;

  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  if (self->story == NULL || entity < 0 || (guint) entity >= self->layout->n_nodes)
    return;

  entente_viewport_world_to_screen (&self->viewport, self->layout->x[entity], self->layout->y[entity], &x, &y);
  if (x < margin || y < margin || x > self->viewport.width - margin || y > self->viewport.height - margin)
    entente_graph_view_center_on (self, entity);
}

guint
entente_graph_view_get_revision (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 0);
  return self->revision;
}

/* The pinned nodes, and the view unless it still simply fits the graph. */
void
entente_graph_view_fill_arrangement (EntenteGraphView   *self,
                                     EntenteArrangement *arrangement)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (arrangement != NULL);

  if (self->story == NULL)
    return;

  for (guint i = 0; i < self->layout->n_nodes; i++)
    if (self->layout->pinned[i])
      entente_arrangement_add_pin (arrangement, entente_story_get_entity (self->story, i)->id,
                                   self->layout->x[i], self->layout->y[i]);

  arrangement->has_view = !self->auto_fit;
  arrangement->center_x = self->viewport.center_x;
  arrangement->center_y = self->viewport.center_y;
  arrangement->zoom = self->viewport.zoom;
}

/* Pins that name entities the story no longer has are skipped. */
void
entente_graph_view_apply_arrangement (EntenteGraphView         *self,
                                      const EntenteArrangement *arrangement)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (arrangement != NULL);

  if (self->story == NULL)
    return;

  for (guint i = 0; i < arrangement->pins->len; i++)
    {
      const EntentePin *pin = &g_array_index (arrangement->pins, EntentePin, i);
      int entity = entente_story_find_entity (self->story, pin->entity_id);

      if (entity >= 0)
        {
          entente_layout_move_node (self->layout, entity, pin->x, pin->y);
          entente_layout_runner_pin (self->runner, entity, pin->x, pin->y);
        }
    }
  if (arrangement->pins->len > 0)
    _entente_graph_view_start_layout_tick (self);
  _entente_graph_view_update_pin_actions (self);

  if (arrangement->has_view)
    {
      self->auto_fit = FALSE;
      self->viewport.center_x = arrangement->center_x;
      self->viewport.center_y = arrangement->center_y;
      self->viewport.zoom = CLAMP (arrangement->zoom, ENTENTE_VIEWPORT_MIN_ZOOM, ENTENTE_VIEWPORT_MAX_ZOOM);
    }

  _entente_graph_view_invalidate (self);
}

/* Exports what is on screen: same viewport, date and selection. */
gboolean
entente_graph_view_export (EntenteGraphView  *self,
                           const char        *filename,
                           const char        *caption,
                           GError           **error)
{
  EntenteRenderOptions options;

  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (self->story != NULL, FALSE);

  _entente_graph_view_fill_render_options (self, &options);
  options.hovered_entity = -1;
  options.paint_background = TRUE;
  options.caption_title = entente_text_get (entente_story_get_title (self->story));
  options.caption_subtitle = caption;
  return entente_export_to_file (&options, filename, error);
}
