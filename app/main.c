/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-cli.h"
#include "entente-i18n.h"
#include "entente-window.h"

/* For the benchmark: tell the clock time of the first frame with the story
 * in it, and quit (ENTENTE_EXIT_AFTER_FIRST_FRAME=1). */
static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWindow *window = user_data;

  if (ENTENTE_IS_WINDOW (window) && entente_window_get_story (ENTENTE_WINDOW (window)) != NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_graph_view (ENTENTE_WINDOW (window)))))
    {
      g_print ("first-frame-usec %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      exit (0);
    }
}

static void
on_window_realized (GtkWidget *window,
                    gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect_swapped (window, "map", G_CALLBACK (gtk_widget_queue_draw), window);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realized), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EntenteApplication) app = NULL;

  entente_i18n_init ();

  if (entente_cli_wanted (argc, argv))
    return entente_cli_run (argc, argv);

  g_set_application_name (_("Entente"));
  app = entente_application_new ();
  if (g_getenv ("ENTENTE_EXIT_AFTER_FIRST_FRAME"))
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
