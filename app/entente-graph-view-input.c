/* entente-graph-view-input.c
 *
 * What the reader does to the graph: hovering, clicking and dragging
 * entities (a drag pins), panning and zooming with the wheel, a pinch or
 * the keys, walking along relations with the arrows, and the context
 * menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "entente-graph-menu.h"
#include "entente-graph-view-private.h"

#define ZOOM_STEP     1.25
#define CLICK_SLOP    4.0
#define PAN_STEP      60.0

static void
select_entity_from_view (EntenteGraphView *self,
                         int               entity)
{
  const char *id = entity >= 0 ? entente_story_get_entity (self->story, entity)->id : "";

  /* The window owns the selection; it sets it back on every view. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-entity", "s", id);
}

static int
entity_at (EntenteGraphView *self,
           double            x,
           double            y)
{
  double wx, wy;

  if (self->story == NULL)
    return -1;

  entente_viewport_screen_to_world (&self->viewport, x, y, &wx, &wy);
  if (!entente_hit_grid_is_current (self->hit_grid, self->layout))
    {
      g_clear_pointer (&self->hit_grid, entente_hit_grid_free);
      self->hit_grid = entente_hit_grid_new (self->layout);
    }
  return entente_hit_grid_find_node (self->hit_grid, self->layout, self->time_view.entities,
                                     wx, wy, 4.0 / self->viewport.zoom);
}

/* The nodes @first to @last are no longer pinned, and find their place
 * again. */
static void
unpin_entities (EntenteGraphView *self,
                int               first,
                int               last)
{
  gboolean any = FALSE;

  for (int entity = MAX (first, 0); self->layout != NULL && entity <= last && (guint) entity < self->layout->n_nodes; entity++)
    if (self->layout->pinned[entity])
      {
        entente_layout_unpin (self->layout, entity);
        entente_layout_runner_unpin (self->runner, entity);
        any = TRUE;
      }
  if (!any)
    return;

  _entente_graph_view_start_layout_tick (self);
  _entente_graph_view_update_pin_actions (self);
  _entente_graph_view_note_reader_change (self);
}

static void
unpin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  if (self->story != NULL)
    {
      int entity = entente_story_find_entity (self->story, g_variant_get_string (parameter, NULL));

      if (entity >= 0)
        unpin_entities (self, entity, entity);
    }
}

static void
unpin_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  unpin_entities (ENTENTE_GRAPH_VIEW (widget), 0, G_MAXINT);
}

static void
show_context_menu (EntenteGraphView *self,
                   int               entity,
                   double            x,
                   double            y)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (self->story == NULL)
    return;

  menu = entente_graph_menu_new (self->story, self->layout, entity);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Right-click or long press: the menu of the entity under the pointer,
 * which becomes the selection, or of the graph. */
static void
on_context_pressed (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    EntenteGraphView *self)
{
  int entity = entity_at (self, x, y);

  if (entity >= 0)
    select_entity_from_view (self, entity);
  show_context_menu (self, entity, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 EntenteGraphView    *self)
{
  on_context_pressed (NULL, 1, x, y, self);
}

/* Shift+F10 and the Menu key: the selected entity's menu, at its node. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;

  if (self->story == NULL)
    return;
  if (self->selected_entity >= 0)
    entente_viewport_world_to_screen (&self->viewport, self->layout->x[self->selected_entity],
                                      self->layout->y[self->selected_entity], &x, &y);
  show_context_menu (self, self->selected_entity, x, y);
}

/* Double-click a node to unpin it. */
static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            EntenteGraphView *self)
{
  int entity;

  if (n_press != 2 || (entity = entity_at (self, x, y)) < 0)
    return;

  unpin_entities (self, entity, entity);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               EntenteGraphView *self)
{
  self->input.drag_start_x = x;
  self->input.drag_start_y = y;
  self->input.drag_moved = FALSE;
  self->input.drag_viewport = self->viewport;
  self->input.dragged_entity = entity_at (self, x, y);
  if (self->input.dragged_entity >= 0)
    {
      self->input.drag_node_x = self->layout->x[self->input.dragged_entity];
      self->input.drag_node_y = self->layout->y[self->input.dragged_entity];
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                EntenteGraphView *self)
{
  if (!self->input.drag_moved && dx * dx + dy * dy < CLICK_SLOP * CLICK_SLOP)
    return;

  self->input.drag_moved = TRUE;
  if (self->input.dragged_entity >= 0)
    {
      double x = self->input.drag_node_x + dx / self->viewport.zoom;
      double y = self->input.drag_node_y + dy / self->viewport.zoom;

      /* The view holds still under the reader's hand: no more fitting. */
      self->auto_fit = FALSE;
      entente_layout_move_node (self->layout, self->input.dragged_entity, x, y);
      entente_layout_runner_pin (self->runner, self->input.dragged_entity, x, y);
      _entente_graph_view_start_layout_tick (self);
      _entente_graph_view_update_pin_actions (self);
    }
  else
    {
      self->viewport.center_x = self->input.drag_viewport.center_x;
      self->viewport.center_y = self->input.drag_viewport.center_y;
      entente_viewport_pan (&self->viewport, dx, dy);
      self->auto_fit = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      _entente_graph_view_view_moved (self);
      return;
    }

  _entente_graph_view_invalidate (self);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             EntenteGraphView *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hovered_entity >= 0 ? "pointer" : NULL);

  if (self->input.drag_moved)
    _entente_graph_view_note_reader_change (self);
  else if (self->input.dragged_entity >= 0)
    select_entity_from_view (self, self->input.dragged_entity);
  else
    {
      EntenteRenderOptions options;
      int relation;

      _entente_graph_view_fill_render_options (self, &options);
      relation = entente_render_hit_relation (&options, self->input.drag_start_x, self->input.drag_start_y, 5.0);
      if (relation >= 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.select-relation", "s",
                                    entente_story_get_relation (self->story, relation)->id);
      else
        select_entity_from_view (self, -1);
    }

  self->input.dragged_entity = -1;
}

static void
set_hovered (EntenteGraphView *self,
             int               entity)
{
  if (self->hovered_entity == entity)
    return;

  self->hovered_entity = entity;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), entity >= 0 ? "pointer" : NULL);
  if (entity >= 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                 entente_text_get (&entente_story_get_entity (self->story, entity)->name));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  _entente_graph_view_focus_changed (self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntenteGraphView         *self)
{
  self->input.pointer_x = x;
  self->input.pointer_y = y;
  set_hovered (self, entity_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          EntenteGraphView         *self)
{
  set_hovered (self, -1);
}

/* A mouse wheel (or Ctrl with anything) zooms at the pointer; a touchpad's
 * smooth scrolling pans, as in maps. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntenteGraphView         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (wheel || (state & GDK_CONTROL_MASK))
    {
      if (dy == 0)
        return FALSE;
      entente_viewport_zoom_at (&self->viewport, self->input.pointer_x, self->input.pointer_y,
                                pow (ZOOM_STEP, wheel ? -dy : -dy / 10));
    }
  else
    entente_viewport_pan (&self->viewport, -dx, -dy);

  self->auto_fit = FALSE;
  _entente_graph_view_view_moved (self);
  _entente_graph_view_note_reader_change (self);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               EntenteGraphView *self)
{
  self->input.zoom_gesture_start = self->viewport.zoom;
}

static void
on_zoom_end (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             EntenteGraphView *self)
{
  _entente_graph_view_note_reader_change (self);
}

static void
on_zoom_scale_changed (GtkGestureZoom   *gesture,
                       double            scale,
                       EntenteGraphView *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = self->viewport.width / 2;
      cy = self->viewport.height / 2;
    }
  entente_viewport_zoom_at (&self->viewport, cx, cy,
                            self->input.zoom_gesture_start * scale / self->viewport.zoom);
  self->auto_fit = FALSE;
  _entente_graph_view_view_moved (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  entente_graph_view_zoom (ENTENTE_GRAPH_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_graph_view_zoom (ENTENTE_GRAPH_VIEW (widget), 1.0 / ZOOM_STEP);
}

/* The neighbour of @from that lies most nearly in the direction (dx, dy),
 * within 60° of it, or -1. */
static int
neighbour_towards (EntenteGraphView *self,
                   guint             from,
                   double            dx,
                   double            dy)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < entente_story_get_n_relations (self->story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (self->story, i);
      guint other = r->from == from ? r->to : r->from;
      double vx, vy, length, cosine, cost;

      if ((r->from != from && r->to != from) || other == from ||
          !entente_time_view_shows_relation (&self->time_view, i))
        continue;
      vx = self->layout->x[other] - self->layout->x[from];
      vy = self->layout->y[other] - self->layout->y[from];
      length = hypot (vx, vy);
      if (length < 1e-6)
        continue;
      cosine = (vx * dx + vy * dy) / length;
      if (cosine < 0.5)
        continue;
      /* Favour what is straight ahead, then what is near. */
      cost = length * (2.0 - cosine);
      if (cost < best)
        {
          best = cost;
          found = (int) other;
        }
    }

  return found;
}

/* Arrow keys: with an entity selected, go along its relations in that
 * direction; otherwise pan. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (self->story != NULL && self->selected_entity >= 0)
    {
      int next = neighbour_towards (self, self->selected_entity, -dx, -dy);

      if (next >= 0)
        {
          select_entity_from_view (self, next);
          entente_graph_view_reveal (self, next);
        }
      return;
    }

  entente_viewport_pan (&self->viewport, dx, dy);
  self->auto_fit = FALSE;
  _entente_graph_view_view_moved (self);
  _entente_graph_view_note_reader_change (self);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_graph_view_fit (ENTENTE_GRAPH_VIEW (widget));
}

/* The gestures, the pointer and the wheel. */
void
_entente_graph_view_init_input (EntenteGraphView *self)
{
  GtkGesture *drag, *zoom;
  GtkEventController *motion, *scroll;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  {
    GtkGesture *click = gtk_gesture_click_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  {
    GtkGesture *context_click = gtk_gesture_click_new ();
    GtkGesture *long_press = gtk_gesture_long_press_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context_click), GDK_BUTTON_SECONDARY);
    g_signal_connect (context_click, "pressed", G_CALLBACK (on_context_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context_click));
    gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
    g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
  }

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  g_signal_connect (zoom, "end", G_CALLBACK (on_zoom_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

/* The view's actions and their keys. */
void
_entente_graph_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "graph.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "graph.unpin", "s", unpin_action);
  gtk_widget_class_install_action (widget_class, "graph.unpin-all", NULL, unpin_all_action);
  gtk_widget_class_install_action (widget_class, "graph.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "graph.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "graph.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "graph.pan", "(dd)", PAN_STEP, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "graph.pan", "(dd)", -PAN_STEP, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "graph.pan", "(dd)", 0.0, PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "graph.pan", "(dd)", 0.0, -PAN_STEP);
}
