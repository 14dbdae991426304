/* screenshot.c — renders the window after a few actions into a PNG, for the
 * README and the metainfo; run under Xvfb by `make screenshots`.
 *
 * usage: entente-screenshot OUT.png [ACTION=ARGUMENT…]
 *   select-entity=ID  select-relation=ID  show-quote=ID  date=YYYY[-MM[-DD]]
 *   play=SECONDS (and keep playing)  tab=entities  size=WxH
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-i18n.h"
#include "entente-window.h"

static void
wait (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
save_window (GtkWidget   *window,
             const char  *path,
             GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds;

  /* The paintable spans the window's bounds, its client-side shadow
   * included: drawn at that size, then cut to the window, so that nothing
   * is scaled (squeezed into the window's own size, the picture was 0.8 %
   * smaller and blurred). */
  if (!gtk_widget_compute_bounds (window, window, &bounds))
    graphene_rect_init (&bounds, 0, 0, width, height);
  gdk_paintable_snapshot (paintable, snapshot, bounds.size.width, bounds.size.height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (-bounds.origin.x, -bounds.origin.y, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("entente-screenshot-XXXXXX", NULL);
  EntenteWindow *window;
  int width = 1280, height = 800;

  if (argc < 2)
    {
      g_printerr ("usage: %s OUT.png [ACTION=ARGUMENT…]\n", argv[0]);
      return 2;
    }

  /* Nothing the reader saved applies to a screenshot. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  adw_init ();
  entente_i18n_init ();
  entente_style_load ();

  window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);
  for (int i = 2; i < argc; i++)
    if (g_str_has_prefix (argv[i], "size="))
      sscanf (argv[i] + 5, "%dx%d", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!entente_window_load_bundled (window))
    return 1;
  gtk_window_present (GTK_WINDOW (window));
  wait (1.0);

  for (int i = 2; i < argc; i++)
    {
      g_auto(GStrv) parts = g_strsplit (argv[i], "=", 2);
      const char *action = parts[0], *argument = parts[1] ? parts[1] : "";

      if (g_str_equal (action, "select-entity") || g_str_equal (action, "select-relation") ||
          g_str_equal (action, "show-quote"))
        {
          g_autofree char *name = g_strconcat ("win.", action, NULL);
          gtk_widget_activate_action (GTK_WIDGET (window), name, "s", argument);
        }
      else if (g_str_equal (action, "date"))
        {
          EntenteDate date;

          if (!entente_date_parse (argument, &date, NULL))
            return 2;
          entente_timeline_set_day (entente_window_get_timeline (window), entente_date_first_day (&date));
        }
      else if (g_str_equal (action, "play"))
        {
          /* Captured while still playing, marks of the new included. */
          entente_timeline_set_playing (entente_window_get_timeline (window), TRUE);
          wait (g_ascii_strtod (argument, NULL));
        }
      else if (g_str_equal (action, "open"))
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);

          entente_window_open_file (window, file);
          wait (1.5);
        }
      else if (g_str_equal (action, "drag"))
        {
          /* drag=ID,DX,DY: the entity dragged by that many pixels. */
          g_auto(GStrv) args = g_strsplit (argument, ",", 3);
          EntenteGraphView *graph = entente_window_get_graph_view (window);
          const EntenteLayout *layout = entente_graph_view_get_layout (graph);
          int entity = entente_story_find_entity (entente_window_get_story (window), args[0]);
          g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (graph));
          GObject *drag = NULL;
          double sx, sy, dx, dy;

          if (entity < 0 || g_strv_length (args) != 3)
            return 2;
          dx = g_ascii_strtod (args[1], NULL);
          dy = g_ascii_strtod (args[2], NULL);
          for (guint k = 0; drag == NULL && k < g_list_model_get_n_items (controllers); k++)
            {
              g_autoptr(GObject) controller = g_list_model_get_item (controllers, k);
              if (GTK_IS_GESTURE_DRAG (controller))
                drag = controller;
            }
          entente_viewport_world_to_screen (entente_graph_view_get_viewport (graph),
                                            layout->x[entity], layout->y[entity], &sx, &sy);
          g_signal_emit_by_name (drag, "drag-begin", sx, sy);
          for (int step = 1; step <= 10; step++)
            {
              g_signal_emit_by_name (drag, "drag-update", dx * step / 10, dy * step / 10);
              wait (0.05);
            }
          g_signal_emit_by_name (drag, "drag-end", dx, dy);
          wait (1.5);
        }
      else if (g_str_equal (action, "export"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", argument);
      else if (g_str_equal (action, "hide"))
        {
          g_autofree char *name = g_strconcat ("win.show-", argument, NULL);
          gtk_widget_activate_action (GTK_WIDGET (window), name, NULL);
        }
      else if (g_str_equal (action, "find"))
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
          wait (0.5);
          if (*argument)
            {
              GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

              while (focus != NULL && !GTK_IS_EDITABLE (focus))
                focus = gtk_widget_get_parent (focus);
              if (focus != NULL)
                gtk_editable_set_text (GTK_EDITABLE (focus), argument);
            }
        }
      else if (g_str_equal (action, "tab"))
        {
          GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (entente_window_get_entity_list (window)));
          gtk_stack_set_visible_child_name (GTK_STACK (stack), argument);
        }
      else if (!g_str_equal (action, "size"))
        {
          g_printerr ("unknown action: %s\n", action);
          return 2;
        }
      wait (0.8);
    }

  if (!save_window (GTK_WIDGET (window), argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
