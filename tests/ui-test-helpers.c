/* ui-test-helpers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "ui-test-helpers.h"

#define WAIT_SECONDS 10

/* Sanitizer builds run several times slower: they set
 * ENTENTE_TEST_WAIT_SCALE, as meson's --timeout-multiplier scales whole
 * tests. */
static int
wait_seconds (void)
{
  const char *scale = g_getenv ("ENTENTE_TEST_WAIT_SCALE");

  return WAIT_SECONDS * (scale != NULL ? CLAMP (atoi (scale), 1, 10) : 1);
}

void
ui_test_settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
ui_test_wait_until (gboolean (*condition) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + wait_seconds () * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("condition not met within %d seconds", wait_seconds ());
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_mapped_and_settled (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0 &&
         entente_graph_view_get_layout_settled (data);
}

/* Arrangements are saved under XDG_DATA_HOME: never the tester's own. */
void
ui_test_use_private_data_home (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-ui-data-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
}

void
ui_test_forget_arrangements (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "entente", "arrangements", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (g_file_test (dir, G_FILE_TEST_IS_REGULAR))
    g_remove (dir);
  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
}

/* Opens the bundled story as a new reader would: nothing saved before. */
EntenteWindow *
ui_test_open_window (void)
{
  ui_test_forget_arrangements ();
  return ui_test_reopen_window ();
}

/* Opens the bundled story with whatever arrangement was saved. */
EntenteWindow *
ui_test_reopen_window (void)
{
  EntenteWindow *window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);

  g_assert_true (entente_window_load_bundled (window));
  gtk_window_present (GTK_WINDOW (window));
  /* The layout settles on a worker thread: wait for it, so that positions
   * and fitted zooms are final. */
  ui_test_wait_until (is_mapped_and_settled, entente_window_get_graph_view (window));
  ui_test_settle ();
  return window;
}

/* The first button below @root that activates @action_name with @target
 * (NULL: with none). */
GtkWidget *
ui_test_find_button (GtkWidget  *root,
                     const char *action_name,
                     const char *target)
{
  if (GTK_IS_BUTTON (root))
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      gboolean same_target = target == NULL
                             ? value == NULL
                             : value && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                               g_str_equal (g_variant_get_string (value, NULL), target);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0 && same_target)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_button (child, action_name, target);
      if (found)
        return found;
    }

  return NULL;
}

void
ui_test_assert_contains (const char *haystack,
                         const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}
