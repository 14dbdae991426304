/* entente-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-window.h"

struct _EntenteApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EntenteApplication, entente_application, ADW_TYPE_APPLICATION)

static void
entente_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      EntenteWindow *new_window = entente_window_new (ENTENTE_APPLICATION (application));
      entente_window_load_bundled (new_window);
      window = GTK_WINDOW (new_window);
    }

  gtk_window_present (window);
}

/* Each file gets its own window, so that a double-clicked story never
 * replaces the one the reader is looking at. */
static void
entente_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      EntenteWindow *window = entente_window_new (ENTENTE_APPLICATION (application));

      entente_window_open_file (window, files[i]);
      entente_window_present_when_loaded (window);
    }
}

/* The app's CSS, for every window of the display, where there is no
 * AdwApplication to load it (the tests, the screenshot tool). */
void
entente_style_load (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/io/github/entente/Entente/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
entente_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *panel_accels[] = { "F9", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  /* AdwApplication loads style.css from the resource base path. */
  G_APPLICATION_CLASS (entente_application_parent_class)->startup (application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.panel-visible", panel_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay", shortcuts_accels);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Entente developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", window,
                                   "application-name", _("Entente"),
                                   "application-icon", APP_ID,
                                   "version", PACKAGE_VERSION,
                                   "comments", _("Explore the people, companies and products of a news story, and how their relationships formed"),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "developers", developers,
                                   "developer-name", developers[0],
                                   /* Translators: your names, one a line, for the About dialog. */
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
entente_application_class_init (EntenteApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = entente_application_activate;
  app_class->open = entente_application_open;
  app_class->startup = entente_application_startup;
}

static void
entente_application_init (EntenteApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without a display:\n"
                                              "  entente --validate FILE…\n"
                                              "  entente --export OUT [--date D] [--size WxH] [--lang LL] [FILE]"));
}

EntenteApplication *
entente_application_new (void)
{
  return g_object_new (ENTENTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/entente/Entente",
                       NULL);
}
