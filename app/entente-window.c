/* entente-window.c
 *
 * The window: the template, the story it shows through a document and a
 * reading state that every view follows, and its size and panel kept in
 * the settings. Files (opening, recent stories, drag and drop, errors,
 * export, the saved arrangement) are in entente-window-files.c; the
 * actions in entente-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-settings.h"
#include "entente-legend.h"
#include "entente-window-private.h"

G_DEFINE_FINAL_TYPE (EntenteWindow, entente_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (EntenteWindow *self)
{
  guint32 first_day, last_day;

  if (self->story == NULL)
    {
      gtk_label_set_text (self->title_label, _("Entente"));
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  gtk_label_set_text (self->title_label, entente_text_get (entente_story_get_title (self->story)));
  if (entente_story_get_date_range (self->story, &first_day, &last_day))
    {
      g_autofree char *from = entente_date_format_day (first_day, ENTENTE_DATE_PRECISION_YEAR);
      g_autofree char *to = entente_date_format_day (last_day, ENTENTE_DATE_PRECISION_YEAR);
      g_autofree char *span = g_strdup_printf ("%s – %s", from, to);

      gtk_label_set_text (self->subtitle_label, span);
    }
  else
    gtk_label_set_text (self->subtitle_label, "");
}

static void
on_graph_revision_changed (EntenteGraphView *graph_view,
                           GParamSpec       *pspec,
                           EntenteWindow    *self)
{
  _entente_window_schedule_save (self);
}

void
entente_window_set_story (EntenteWindow *self,
                          EntenteStory  *story)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (ENTENTE_IS_STORY (story));

  if (self->story == story)
    return;

  if (self->save_source != 0)
    _entente_window_save_arrangement (self);
  g_set_object (&self->story, story);
  g_clear_object (&self->document);
  self->document = entente_document_new (story, NULL);

  entente_reading_state_set_story (self->reading_state, story);
  if (self->find_bar != NULL)
    entente_find_bar_set_story (self->find_bar, story);
  _entente_window_restore_arrangement (self);
  /* Opening a story is not a change of the reader's: nothing to save yet. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  update_titles (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

EntenteDocument *
entente_window_get_document (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->document;
}

EntenteStory *
entente_window_get_story (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->story;
}

static void
on_timeline_day_changed (EntenteTimeline *timeline,
                         GParamSpec      *pspec,
                         EntenteWindow   *self)
{
  _entente_window_schedule_save (self);
}

static gboolean
entente_window_close_request (GtkWindow *window)
{
  EntenteWindow *self = ENTENTE_WINDOW (window);

  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (entente_window_parent_class)->close_request (window);
}

/* The menu's popover is built when it first opens: built with the
 * window, its items cost the first frame about 4 ms. */
static void
create_primary_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  EntenteWindow *self = user_data;

  _entente_window_watch_recent_files (self);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_timeline_playing_changed (EntenteTimeline *timeline,
                             GParamSpec      *pspec,
                             EntenteWindow   *self)
{
  entente_graph_view_set_show_new (self->graph_view, entente_timeline_get_playing (timeline));
}

static void
entente_window_dispose (GObject *object)
{
  EntenteWindow *self = (EntenteWindow *) object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->present_source, g_source_remove);
  /* Nothing the reader did is lost on closing. */
  if (self->save_source != 0)
    _entente_window_save_arrangement (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_WINDOW);
  g_clear_object (&self->story);
  g_clear_object (&self->document);
  g_clear_object (&self->reading_state);
  g_clear_object (&self->settings);
  if (self->recent_manager)
    g_signal_handlers_disconnect_by_func (self->recent_manager, _entente_window_update_recent_menu, self);
  self->recent_manager = NULL;

  G_OBJECT_CLASS (entente_window_parent_class)->dispose (object);
}

static void
entente_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard starts on the graph, what the window is about: arrow keys
 * pan it or walk the selection's relations, Tab leaves it. Left to GTK, it
 * would start on the panel's first tab, found by a walk through the whole
 * widget tree as the window shows. Not before the window maps: focus set
 * earlier made GTK 4.8 show a second window to screen readers as a filler
 * instead of a frame (test-a11y). */
static void
entente_window_map (GtkWidget *widget)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  GTK_WIDGET_CLASS (entente_window_parent_class)->map (widget);

  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->graph_view));
}

static void
entente_window_class_init (EntenteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_window_dispose;
  object_class->get_property = entente_window_get_property;

  widget_class->map = entente_window_map;
  GTK_WINDOW_CLASS (klass)->close_request = entente_window_close_request;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         ENTENTE_TYPE_STORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENTENTE_TYPE_GRAPH_VIEW);
  g_type_ensure (ENTENTE_TYPE_STORY_PANEL);
  g_type_ensure (ENTENTE_TYPE_TIMELINE);
  g_type_ensure (ENTENTE_TYPE_ENTITY_LIST);
  g_type_ensure (ENTENTE_TYPE_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, story_panel);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, entity_list);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, timeline);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_day_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_graph_revision_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_playing_changed);

  _entente_window_files_class_init (widget_class);
  _entente_window_actions_class_init (widget_class);

}

static void
entente_window_init (EntenteWindow *self)
{
  const char *stateful[] = { "panel-visible", "quotes-in-original-language" };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reading_state = entente_reading_state_new ();
  entente_graph_view_set_reading_state (self->graph_view, self->reading_state);
  entente_story_panel_set_reading_state (self->story_panel, self->reading_state);
  entente_entity_list_set_reading_state (self->entity_list, self->reading_state);
  entente_timeline_set_reading_state (self->timeline, self->reading_state);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_popover, self, NULL);
  gtk_widget_set_tooltip_text (self->open_button, _("Open a story file"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Main Menu"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", FALSE);
  update_titles (self);

  _entente_window_actions_init (self);
  _entente_window_files_init (self);

  /* The panel is the paned's first child but sits at the end of the line:
   * the paned runs against the text direction, its children with it. Its
   * position is then the panel's own width, which window resizes leave be. */
  gtk_widget_set_direction (GTK_WIDGET (self->paned),
                            gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? GTK_TEXT_DIR_LTR : GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (self->sidebar, gtk_widget_get_default_direction ());
  gtk_widget_set_direction (GTK_WIDGET (self->graph_view), gtk_widget_get_default_direction ());

  self->settings = entente_settings_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "panel-visible", self->sidebar, "visible", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "panel-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quotes-in-original-language",
                   self->story_panel, "quotes-in-original-language", G_SETTINGS_BIND_GET);

  /* win.panel-visible (F9) and win.quotes-in-original-language, check
   * items in the menu. */
  for (guint i = 0; i < G_N_ELEMENTS (stateful); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, stateful[i]);

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
}

EntenteWindow *
entente_window_new (EntenteApplication *application)
{
  return g_object_new (ENTENTE_TYPE_WINDOW, "application", application, NULL);
}

const char *
entente_window_get_error_text (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  if (self->error_banner == NULL)
    return NULL;
  return entente_error_banner_get_message (self->error_banner);
}

EntenteGraphView *
entente_window_get_graph_view (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->graph_view;
}

EntenteStoryPanel *
entente_window_get_story_panel (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->story_panel;
}

EntenteTimeline *
entente_window_get_timeline (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->timeline;
}

GMenuModel *
entente_window_get_recent_menu (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  _entente_window_watch_recent_files (self);
  return G_MENU_MODEL (self->recent_section);
}

EntenteEntityList *
entente_window_get_entity_list (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->entity_list;
}
