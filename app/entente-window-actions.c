/* entente-window-actions.c
 *
 * The window's actions: each sets what it is about on the reading state
 * (a selection, a date, the kinds shown) or asks the graph, and every view
 * follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-window-private.h"

static void
select_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  int entity = -1;

  if (self->story && *id)
    entity = entente_story_find_entity (self->story, id);

  entente_reading_state_set_selected_entity (self->reading_state, entity);
  entente_graph_view_reveal (self->graph_view, entity);
}

static int
find_relation (EntenteStory *story,
               const char   *id)
{
  for (guint i = 0; story && i < entente_story_get_n_relations (story); i++)
    if (g_str_equal (entente_story_get_relation (story, i)->id, id))
      return (int) i;
  return -1;
}

/* A relation row or an edge: the panel shows the relation, the graph
 * brings out its edge and its two ends. */
static void
select_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  int relation = find_relation (self->story, g_variant_get_string (parameter, NULL));

  if (relation < 0)
    return;

  entente_reading_state_set_selected_relation (self->reading_state, relation);
}

/* A quote's "Show in the Graph": its speaker selected, what it is about
 * ringed, and the timeline moved to when it was said. */
static void
show_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->story && i < entente_story_get_n_quotes (self->story); i++)
    {
      const EntenteQuote *quote = entente_story_get_quote (self->story, i);
      const char *speaker = entente_story_get_entity (self->story, quote->speaker)->id;

      if (!g_str_equal (quote->id, id))
        continue;

      gtk_widget_activate_action (widget, "win.select-entity", "s", speaker);
      entente_reading_state_set_highlighted (self->reading_state, quote->about.items, quote->about.n);
      entente_reading_state_set_day (self->reading_state, entente_date_first_day (&quote->date));
      return;
    }
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.select-entity", "s", "");
}

static void
graph_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  /* "win.zoom-in" → "graph.zoom-in" on the canvas, wherever the focus is. */
  g_autofree char *graph_name = g_strconcat ("graph.", action_name + strlen ("win."), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->graph_view), graph_name, NULL);
}

/* Built when first asked for: GtkApplication would build it with every
 * window (from gtk/help-overlay.ui), a tenth of the time to the first
 * frame. Set as the help overlay, it shows the window's accelerators. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/entente/Entente/entente-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
rearrange_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  entente_graph_view_rearrange (ENTENTE_WINDOW (widget)->graph_view);
}

/* The find bar is made when first asked for: its entry alone costs the
 * first frame nearly a millisecond of set-up. Under the error banner (if
 * there is one yet), over the graph. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (self->find_bar == NULL)
    {
      self->find_bar = ENTENTE_FIND_BAR (entente_find_bar_new ());
      gtk_box_insert_child_after (_entente_window_content_box (self), GTK_WIDGET (self->find_bar),
                                  self->error_banner ? GTK_WIDGET (self->error_banner) : NULL);
    }
  entente_find_bar_set_story (self->find_bar, self->story);
  entente_find_bar_open (self->find_bar);
}

/* A search result: selected, and glided to the middle of the graph. */
static void
find_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  gtk_widget_activate_action (widget, "win.select-entity", "s", id);
  entente_graph_view_center_on (self->graph_view, entente_story_find_entity (self->story, id));
}

static const char * const kind_actions[ENTENTE_N_ENTITY_KINDS] = {
  "show-person", "show-company", "show-product", "show-organization",
};

static void
on_show_kind_changed (GSimpleAction *action,
                      GVariant      *state,
                      EntenteWindow *self)
{
  guint hidden = 0;

  g_simple_action_set_state (action, state);
  for (guint k = 0; k < ENTENTE_N_ENTITY_KINDS; k++)
    {
      GAction *kind_action = g_action_map_lookup_action (G_ACTION_MAP (self), kind_actions[k]);
      g_autoptr(GVariant) shown = g_action_get_state (kind_action);

      if (!g_variant_get_boolean (shown))
        hidden |= 1u << k;
    }

  entente_reading_state_set_hidden_kinds (self->reading_state, hidden);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  entente_timeline_set_playing (self->timeline, !entente_timeline_get_playing (self->timeline));
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class,
                   const char     *action,
                   const guint    *keys,
                   guint           n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keys[i], 0, action, NULL);
      gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_CONTROL_MASK, action, NULL);
    }
}

void
_entente_window_actions_class_init (GtkWidgetClass *widget_class)
{
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint zoom_fit_keys[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  gtk_widget_class_install_action (widget_class, "win.select-entity", "s", select_entity_action);
  gtk_widget_class_install_action (widget_class, "win.select-relation", "s", select_relation_action);
  gtk_widget_class_install_action (widget_class, "win.show-quote", "s", show_quote_action);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "win.rearrange", NULL, rearrange_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-entity", "s", find_entity_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, graph_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, graph_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, graph_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "win.play", NULL);
  add_zoom_bindings (widget_class, "win.zoom-in", zoom_in_keys, G_N_ELEMENTS (zoom_in_keys));
  add_zoom_bindings (widget_class, "win.zoom-out", zoom_out_keys, G_N_ELEMENTS (zoom_out_keys));
  add_zoom_bindings (widget_class, "win.zoom-fit", zoom_fit_keys, G_N_ELEMENTS (zoom_fit_keys));
}

void
_entente_window_actions_init (EntenteWindow *self)
{
  /* win.show-person…: the legend's filter, also as check items. */
  for (guint k = 0; k < ENTENTE_N_ENTITY_KINDS; k++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (kind_actions[k], NULL, g_variant_new_boolean (TRUE));

      g_signal_connect (action, "change-state", G_CALLBACK (on_show_kind_changed), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
}
