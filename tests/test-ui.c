/* test-ui.c — the window under a real (virtual) display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "entente-error-banner.h"
#include "entente-find-bar.h"
#include "entente-i18n.h"
#include "entente-legend.h"
#include "graph/entente-renderer.h"
#include "ui-test-helpers.h"

static void
test_window_opens (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  g_autofree char *panel = entente_story_panel_dup_text (entente_window_get_story_panel (window));

  g_assert_nonnull (story);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Entente");
  /* The suite runs once on each renderer: make sure it got the one asked
   * for, not a silent fallback. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "gl") == 0)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), ==, "GskGLRenderer");
  else
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), ==, "GskCairoRenderer");
  g_assert_true (entente_graph_view_get_story (graph) == story);
  /* Every view follows one reading state, the window's. */
  {
    EntenteReadingState *state = entente_graph_view_get_reading_state (graph);
    GObject *views[] = {
      G_OBJECT (entente_window_get_story_panel (window)),
      G_OBJECT (entente_window_get_entity_list (window)),
      G_OBJECT (entente_window_get_timeline (window)),
    };

    g_assert_true (entente_reading_state_get_story (state) == story);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autoptr(EntenteReadingState) followed = NULL;

        g_object_get (views[i], "reading-state", &followed, NULL);
        g_assert_true (followed == state);
      }
  }
  /* Nothing selected: title, summary, sources, every quote. */
  ui_test_assert_contains (panel, "Microsoft and OpenAI");
  ui_test_assert_contains (panel, "Sources");
  ui_test_assert_contains (panel, "Every Microsoft product will have");
  ui_test_assert_contains (panel, "Microsoft shares our vision");
  /* The whole story is shown at first. */
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==,
                    entente_story_get_n_entities (story));
  g_assert_cmpstr (entente_timeline_get_label (entente_window_get_timeline (window)), ==, "23 January 2023");
  /* The keyboard starts on the graph. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (graph));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_select_entity_fills_panel (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStoryPanel *panel = entente_window_get_story_panel (window);
  EntenteStory *story = entente_window_get_story (window);
  g_autofree char *text = NULL;
  g_autofree char *after_click = NULL;
  GtkWidget *relation;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-entity", "s", "satya-nadella");
  ui_test_settle ();

  g_assert_cmpint (entente_graph_view_get_selected_entity (graph), ==,
                   entente_story_find_entity (story, "satya-nadella"));
  text = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (text, "Satya Nadella");
  ui_test_assert_contains (text, "CEO of Microsoft");
  ui_test_assert_contains (text, "Relations");
  /* Both of his quotes, not the others. */
  ui_test_assert_contains (text, "We formed our partnership with OpenAI");
  ui_test_assert_contains (text, "Every Microsoft product will have");
  g_assert_null (strstr (text, "Microsoft shares our vision"));

  /* A relation row selects the relation; its card leads to the other end. */
  relation = ui_test_find_button (GTK_WIDGET (panel), "win.select-relation", "nadella-microsoft");
  g_assert_nonnull (relation);
  g_signal_emit_by_name (relation, "clicked");
  ui_test_settle ();
  g_assert_cmpint (entente_graph_view_get_selected_relation (graph), >=, 0);
  g_assert_cmpint (entente_story_panel_get_selected_relation (panel), ==,
                   entente_graph_view_get_selected_relation (graph));
  relation = ui_test_find_button (GTK_WIDGET (panel), "win.select-entity", "microsoft");
  g_assert_nonnull (relation);
  g_signal_emit_by_name (relation, "clicked");
  ui_test_settle ();
  g_assert_cmpint (entente_graph_view_get_selected_entity (graph), ==,
                   entente_story_find_entity (story, "microsoft"));
  g_assert_cmpint (entente_graph_view_get_selected_relation (graph), ==, -1);
  after_click = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (after_click, "The Redmond firm");

  /* Escape (win.clear-selection) goes back to the story. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);
  ui_test_settle ();
  g_assert_cmpint (entente_graph_view_get_selected_entity (graph), ==, -1);
  g_assert_cmpint (entente_story_panel_get_selected_entity (panel), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_relation_card (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteStoryPanel *panel = entente_window_get_story_panel (window);
  g_autofree char *confirmed = NULL;
  g_autofree char *reported = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-relation", "s", "invest-2019");
  ui_test_settle ();
  confirmed = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (confirmed, "Microsoft → OpenAI");
  ui_test_assert_contains (confirmed, "Amount: $1 billion");
  ui_test_assert_contains (confirmed, "Since July 2019");
  ui_test_assert_contains (confirmed, "Confirmed by the parties");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-relation", "s", "invest-rumour");
  ui_test_settle ();
  reported = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (reported, "Amount: $10 billion");
  ui_test_assert_contains (reported, "Not confirmed by the parties");
  /* Nadella's blog quote is about both Microsoft and OpenAI. */
  ui_test_assert_contains (reported, "We formed our partnership with OpenAI");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_show_quote (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  GtkWidget *button;

  button = ui_test_find_button (GTK_WIDGET (entente_window_get_story_panel (window)), "win.show-quote", "nadella-davos");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();

  g_assert_cmpint (entente_graph_view_get_selected_entity (graph), ==,
                   entente_story_find_entity (story, "satya-nadella"));
  /* Said in January 2023: the timeline goes there. */
  g_assert_cmpuint (entente_timeline_get_day (entente_window_get_timeline (window)), ==, test_day_of ("2023-01"));
  g_assert_cmpstr (entente_timeline_get_label (entente_window_get_timeline (window)), ==, "January 2023");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_changes_graph (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteTimeline *timeline = entente_window_get_timeline (window);
  GtkRange *range = entente_timeline_get_range (timeline);
  guint all = entente_graph_view_get_time_view (graph)->n_shown_entities;
  guint in_2010, in_2019;

  gtk_range_set_value (range, test_day_of ("2010-03-10"));
  ui_test_settle ();
  in_2010 = entente_graph_view_get_time_view (graph)->n_shown_entities;
  g_assert_cmpuint (entente_graph_view_get_day (graph), ==, test_day_of ("2010-03-10"));
  g_assert_cmpstr (entente_timeline_get_label (timeline), ==, "March 2010");

  gtk_range_set_value (range, test_day_of ("2019-07"));
  ui_test_settle ();
  in_2019 = entente_graph_view_get_time_view (graph)->n_shown_entities;
  g_assert_cmpstr (entente_timeline_get_label (timeline), ==, "July 2019");

  g_assert_cmpuint (in_2010, <, in_2019);
  g_assert_cmpuint (in_2019, <, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
replay_moved_on (gpointer data)
{
  EntenteTimeline *timeline = data;
  return entente_timeline_get_day (timeline) > test_day_of ("2007-01-01") &&
         entente_timeline_get_day (timeline) < test_day_of ("2023-01-23");
}

static gboolean
replay_reached_2015 (gpointer data)
{
  return entente_timeline_get_day (data) >= test_day_of ("2015");
}

static void
test_replay (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteTimeline *timeline = entente_window_get_timeline (window);
  EntenteGraphView *graph = entente_window_get_graph_view (window);

  /* From the end, Play starts over at the first event… */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  g_assert_true (entente_timeline_get_playing (timeline));
  g_assert_cmpuint (entente_timeline_get_day (timeline), ==, test_day_of ("2007"));
  g_assert_cmpstr (entente_timeline_get_event_title (timeline), ==, "Apple launches the iPhone");

  /* …then moves on by itself, event after event, with the frame clock. */
  ui_test_wait_until (replay_reached_2015, timeline);
  ui_test_wait_until (replay_moved_on, timeline);
  g_assert_cmpuint (entente_graph_view_get_day (graph), ==, entente_timeline_get_day (timeline));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  g_assert_false (entente_timeline_get_playing (timeline));

  /* On an event, what it brought in is marked as new. */
  entente_timeline_set_day (timeline, test_day_of ("2022-11"));
  ui_test_settle ();
  g_assert_cmpuint (entente_graph_view_get_n_new_entities (graph), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_whole_story_mode (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteTimeline *timeline = entente_window_get_timeline (window);
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  guint as_of;

  entente_timeline_set_day (timeline, test_day_of ("2016"));
  ui_test_settle ();
  as_of = entente_graph_view_get_time_view (graph)->n_shown_entities;
  g_assert_cmpuint (as_of, <, entente_story_get_n_entities (story));

  entente_timeline_set_mode (timeline, ENTENTE_TIME_MODE_ALL);
  ui_test_settle ();
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==, entente_story_get_n_entities (story));
  g_assert_cmpuint (entente_entity_list_get_n_shown (entente_window_get_entity_list (window)), ==,
                    entente_story_get_n_entities (story));

  entente_timeline_set_mode (timeline, ENTENTE_TIME_MODE_AS_OF);
  ui_test_settle ();
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==, as_of);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keyboard_zoom (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  double fitted = entente_graph_view_get_zoom (graph);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (entente_graph_view_get_zoom (graph), >, fitted * 1.1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (entente_graph_view_get_zoom (graph), <, fitted);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL);
  g_assert_cmpfloat_with_epsilon (entente_graph_view_get_zoom (graph), fitted, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
error_shown (gpointer data)
{
  return entente_window_get_error_text (data) != NULL;
}

static gboolean
story_changed (gpointer data)
{
  gpointer *pair = data;
  return entente_window_get_story (pair[0]) != pair[1];
}

static gboolean
recent_menu_filled (gpointer data)
{
  return g_menu_model_get_n_items (entente_window_get_recent_menu (data)) > 0;
}

static GtkWidget *
find_descendant_of_type (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant_of_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The error banner, once made. */
static GtkWidget *
find_error_banner (GtkWidget *root)
{
  if (ENTENTE_IS_ERROR_BANNER (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_banner (child);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

typedef struct
{
  EntenteWindow *window;
  const char    *path;
} ErrorAbout;


static gboolean
error_names_file (gpointer data)
{
  ErrorAbout *about = data;
  const char *text = entente_window_get_error_text (about->window);

  return text != NULL && strstr (text, about->path) != NULL;
}

/* Many problems read as one sentence, their exact list behind a closed
 * expander; one problem reads in full. */
static void
test_error_summary (void)
{
  EntenteWindow *window = ui_test_open_window ();
  g_autofree char *many = g_test_build_filename (G_TEST_DIST, "bad", "many-problems.entente.json", NULL);
  g_autofree char *one = g_test_build_filename (G_TEST_DIST, "bad", "version-2.entente.json", NULL);
  g_autoptr(GFile) many_file = g_file_new_for_path (many);
  g_autoptr(GFile) one_file = g_file_new_for_path (one);
  GtkWidget *banner, *expander, *summary;
  guint count = 0;

  entente_window_open_file (window, many_file);
  ui_test_wait_until (error_shown, window);
  banner = find_error_banner (GTK_WIDGET (window));
  expander = find_descendant_of_type (banner, GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_visible (expander));
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  summary = gtk_widget_get_prev_sibling (expander);
  g_assert_true (GTK_IS_LABEL (summary));
  g_assert_cmpint (sscanf (gtk_label_get_text (GTK_LABEL (summary)), "%u problems, the first:", &count), ==, 1);
  g_assert_cmpuint (count, >, 50);
  /* The whole list is still there, for the expander and for copying. */
  ui_test_assert_contains (entente_window_get_error_text (window), "more problems");

  {
    g_autofree char *one_name = g_file_get_parse_name (one_file);
    ErrorAbout about = { window, one_name };

    entente_window_open_file (window, one_file);
    ui_test_wait_until (error_names_file, &about);
  }
  g_assert_false (gtk_widget_get_visible (expander));
  ui_test_assert_contains (gtk_label_get_text (GTK_LABEL (summary)), "format version 2 is not supported");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every malformed file of the corpus, a FIFO and a folder, through the
 * window's own open path: each is told about by name, and the story that
 * was open stays open. */
static void
test_hostile_files_keep_story (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteStory *before = entente_window_get_story (window);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "bad", NULL);
  g_autofree char *scratch = g_dir_make_tmp ("entente-ui-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (scratch, "fifo.entente.json", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".entente.json"))
      g_ptr_array_add (paths, g_build_filename (corpus, name, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_add (paths, g_strdup (fifo));
  g_ptr_array_add (paths, g_strdup (scratch));

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autofree char *parse_name = g_file_get_parse_name (file);
      ErrorAbout about = { window, parse_name };

      g_test_message ("opening %s", parse_name);
      entente_window_open_file (window, file);
      ui_test_wait_until (error_names_file, &about);
      g_assert_true (entente_window_get_story (window) == before);
    }

  g_unlink (fifo);
  g_rmdir (scratch);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_file_keeps_story (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteStory *before = entente_window_get_story (window);
  g_autofree char *dir = g_dir_make_tmp ("entente-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.entente.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *good_path = g_build_filename (dir, "good.entente.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GBytes) bundled = g_resources_lookup_data ("/io/github/entente/Entente/stories/microsoft-openai.entente.json", 0, NULL);
  gpointer pair[2] = { window, before };

  GtkWidget *banner;

  /* Not built until there is something to say. */
  g_assert_null (find_error_banner (GTK_WIDGET (window)));
  g_assert_true (g_file_set_contents (path, "{\"entente\": 1, \"id\": 5}", -1, NULL));
  entente_window_open_file (window, file);
  ui_test_wait_until (error_shown, window);
  banner = find_error_banner (GTK_WIDGET (window));
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_visible (banner));
  /* Above the graph's panes. */
  g_assert_true (gtk_widget_get_next_sibling (banner) == gtk_widget_get_ancestor (GTK_WIDGET (entente_window_get_graph_view (window)), GTK_TYPE_PANED));

  g_assert_true (entente_window_get_story (window) == before);
  ui_test_assert_contains (entente_window_get_error_text (window), path);
  ui_test_assert_contains (entente_window_get_error_text (window), "$.id: expected a string, found a number");

  /* A good file then replaces the story and clears the error. */
  g_assert_true (g_file_set_contents (good_path, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), NULL));
  entente_window_open_file (window, good);
  ui_test_wait_until (story_changed, pair);
  g_assert_null (entente_window_get_error_text (window));
  /* The document holds the story and the file it came from, unmodified. */
  g_assert_true (entente_document_get_story (entente_window_get_document (window)) == entente_window_get_story (window));
  g_assert_true (g_file_equal (entente_document_get_file (entente_window_get_document (window)), good));
  g_assert_false (entente_document_get_modified (entente_window_get_document (window)));
  ui_test_wait_until (widget_hidden, banner);

  /* …and is offered among the recent stories; the broken one is not. */
  ui_test_wait_until (recent_menu_filled, window);
  {
    GMenuModel *recent = entente_window_get_recent_menu (window);
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (recent, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_autofree char *good_uri = g_file_get_uri (good);

    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, good_uri);
    for (int i = 0; i < g_menu_model_get_n_items (recent); i++)
      {
        g_autoptr(GVariant) other = g_menu_model_get_item_attribute_value (recent, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
        g_assert_null (strstr (g_variant_get_string (other, NULL), "broken"));
      }
  }

  g_unlink (path);
  g_unlink (good_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_current_view (void)
{
  EntenteWindow *window = ui_test_open_window ();
  g_autofree char *dir = g_dir_make_tmp ("entente-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "view.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (entente_graph_view_export (entente_window_get_graph_view (window), path, "As of today", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_arrangement_restored (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  g_autoptr(EntenteArrangement) pin = entente_arrangement_new ("microsoft-openai");
  EntenteStory *story;
  int openai;
  double zoom;

  /* The reader pins OpenAI, zooms in and goes back to 2019. */
  entente_arrangement_add_pin (pin, "openai", 4321.0, -1234.0);
  entente_graph_view_apply_arrangement (graph, pin);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  zoom = entente_graph_view_get_zoom (graph);
  entente_timeline_set_day (entente_window_get_timeline (window), test_day_of ("2019-07"));
  ui_test_settle ();
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_settle ();

  window = ui_test_reopen_window ();
  graph = entente_window_get_graph_view (window);
  story = entente_window_get_story (window);
  openai = entente_story_find_entity (story, "openai");
  g_assert_cmpfloat (entente_graph_view_get_layout (graph)->x[openai], ==, 4321.0);
  g_assert_cmpfloat (entente_graph_view_get_layout (graph)->y[openai], ==, -1234.0);
  g_assert_true (entente_graph_view_get_layout (graph)->pinned[openai]);
  g_assert_cmpfloat_with_epsilon (entente_graph_view_get_zoom (graph), zoom, 1e-9);
  g_assert_cmpuint (entente_timeline_get_day (entente_window_get_timeline (window)), ==, test_day_of ("2019-07"));
  g_assert_null (entente_window_get_error_text (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_failed_save_is_told (void)
{
  EntenteWindow *window = ui_test_open_window ();
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "entente", "arrangements", NULL);

  /* A file where the folder should be: every save fails. */
  g_rmdir (folder);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  ui_test_wait_until (error_shown, window);
  ui_test_assert_contains (entente_window_get_error_text (window), "arrangements");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_settle ();
  ui_test_forget_arrangements ();
}

static void
test_damaged_arrangement_ignored (void)
{
  g_autoptr(GFile) file = entente_arrangement_get_file ("microsoft-openai");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder = g_path_get_dirname (path);
  EntenteWindow *window;

  ui_test_forget_arrangements ();
  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path, "{\"entente-arrangement\": 1, \"story\": ", -1, NULL));

  window = ui_test_reopen_window ();
  /* The story opens all the same, and the reader is told. */
  g_assert_nonnull (entente_window_get_story (window));
  g_assert_cmpuint (entente_graph_view_get_time_view (entente_window_get_graph_view (window))->n_shown_entities, >, 0);
  ui_test_assert_contains (entente_window_get_error_text (window), "damaged");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_quotes_in_original_language (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteStoryPanel *panel = entente_window_get_story_panel (window);
  g_autofree char *translated = NULL;
  g_autofree char *original = NULL;

  translated = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (translated, "We formed our partnership with OpenAI");
  ui_test_assert_contains (translated, "Translated from French");

  /* The menu's check item is the setting; the panel follows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quotes-in-original-language", NULL);
  ui_test_settle ();
  original = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (original, "Nous avons formé notre partenariat avec OpenAI");
  g_assert_null (strstr (original, "Translated from"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.quotes-in-original-language", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The menu's check items read the action's state: it must be a boolean,
 * taken without a parameter, and follow the panel. */
static void
assert_action_state (EntenteWindow *window,
                     const char    *name,
                     gboolean       expected)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), name);

  g_assert_nonnull (state);
  g_assert_null (g_action_group_get_action_parameter_type (G_ACTION_GROUP (window), name));
  g_assert_true (g_variant_is_of_type (state, G_VARIANT_TYPE_BOOLEAN));
  g_assert_cmpint (g_variant_get_boolean (state), ==, expected);
}

static void
test_panel_toggle (void)
{
  EntenteWindow *window = ui_test_open_window ();
  GtkWidget *panel = GTK_WIDGET (entente_window_get_story_panel (window));

  g_assert_true (gtk_widget_is_visible (panel));
  assert_action_state (window, "panel-visible", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.panel-visible", NULL);
  ui_test_settle ();
  g_assert_false (gtk_widget_is_visible (panel));
  assert_action_state (window, "panel-visible", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.panel-visible", NULL);
  ui_test_settle ();
  g_assert_true (gtk_widget_is_visible (panel));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_shortcuts_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }
  return NULL;
}

static void
test_shortcuts_window (void)
{
  EntenteWindow *window = ui_test_open_window ();
  GtkWindow *shortcuts;

  /* Built on demand, not with the window. */
  g_assert_null (find_shortcuts_window (GTK_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  ui_test_settle ();
  shortcuts = find_shortcuts_window (GTK_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_modal (shortcuts));
  /* As the window's help overlay, it shows the window's accelerators. */
  g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) == shortcuts);

  /* Asked for again, the same one comes back. */
  gtk_window_close (shortcuts);
  ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  ui_test_settle ();
  g_assert_true (find_shortcuts_window (GTK_WINDOW (window)) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_primary_menu_on_demand (void)
{
  EntenteWindow *window = ui_test_open_window ();
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant_of_type (find_descendant_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR),
                                                                    GTK_TYPE_MENU_BUTTON));

  /* No popover until the menu is opened; then the whole menu is there. */
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  ui_test_settle ();
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), >=, 4);
  /* GNOME's primary menus have no Quit: Ctrl+Q quits, Ctrl+W closes. */
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (button);

    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        for (int k = 0; section != NULL && k < g_menu_model_get_n_items (section); k++)
          {
            g_autofree char *action = NULL;

            if (g_menu_model_get_item_attribute (section, k, G_MENU_ATTRIBUTE_ACTION, "s", &action))
              g_assert_cmpstr (action, !=, "app.quit");
          }
      }
  }
  gtk_menu_button_popdown (button);

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
menu_item_action (GMenuModel *model,
                  int         index,
                  char      **target)
{
  g_autoptr(GVariant) value = NULL;
  char *action = NULL;

  g_menu_model_get_item_attribute (model, index, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  value = g_menu_model_get_item_attribute_value (model, index, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  *target = value ? g_variant_dup_string (value, NULL) : NULL;
  return action;
}

static void
test_unpin_from_menu (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  g_autoptr(EntenteArrangement) pins = entente_arrangement_new ("microsoft-openai");
  int openai = entente_story_find_entity (story, "openai");
  int bing = entente_story_find_entity (story, "bing");
  GtkPopoverMenu *popover;
  g_autofree char *action = NULL;
  g_autofree char *target = NULL;
  g_autofree char *first_action = NULL;
  g_autofree char *first_target = NULL;

  entente_arrangement_add_pin (pins, "openai", 300.0, 200.0);
  entente_arrangement_add_pin (pins, "bing", -300.0, 200.0);
  entente_graph_view_apply_arrangement (graph, pins);
  g_assert_true (entente_graph_view_get_layout (graph)->pinned[openai]);

  /* The selected entity's menu (Shift+F10, Menu key) offers to unpin it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-entity", "s", "openai");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.context-menu", NULL));
  ui_test_settle ();
  popover = GTK_POPOVER_MENU (find_descendant_of_type (GTK_WIDGET (graph), GTK_TYPE_POPOVER_MENU));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  action = menu_item_action (gtk_popover_menu_get_menu_model (popover), 0, &target);
  g_assert_cmpstr (action, ==, "graph.unpin");
  g_assert_cmpstr (target, ==, "openai");
  gtk_popover_popdown (GTK_POPOVER (popover));

  gtk_widget_activate_action (GTK_WIDGET (graph), action, "s", target);
  ui_test_settle ();
  g_assert_false (entente_graph_view_get_layout (graph)->pinned[openai]);
  g_assert_true (entente_graph_view_get_layout (graph)->pinned[bing]);

  /* Unpinned, it is not offered again; Unpin All takes the rest. */
  gtk_widget_activate_action (GTK_WIDGET (graph), "graph.context-menu", NULL);
  ui_test_settle ();
  first_action = menu_item_action (gtk_popover_menu_get_menu_model (popover), 0, &first_target);
  g_assert_null (first_action);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (GTK_WIDGET (graph), "graph.unpin-all", NULL);
  ui_test_settle ();
  g_assert_false (entente_graph_view_get_layout (graph)->pinned[bing]);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entity_list_follows_graph (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteEntityList *list = entente_window_get_entity_list (window);
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  GtkRange *range = entente_timeline_get_range (entente_window_get_timeline (window));
  GtkWidget *altman;

  g_assert_cmpuint (entente_entity_list_get_n_shown (list), ==,
                    entente_graph_view_get_time_view (graph)->n_shown_entities);

  gtk_range_set_value (range, test_day_of ("2016"));
  ui_test_settle ();
  g_assert_cmpuint (entente_entity_list_get_n_shown (list), ==,
                    entente_graph_view_get_time_view (graph)->n_shown_entities);
  g_assert_cmpuint (entente_entity_list_get_n_shown (list), <, entente_story_get_n_entities (entente_window_get_story (window)));

  /* The list and its rows are made when the Entities page is first shown. */
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (list)));
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_STACK)), "entities");
  ui_test_settle ();

  /* Choosing in the list selects in the graph and fills the panel. */
  altman = ui_test_find_button (GTK_WIDGET (list), "win.select-entity", "sam-altman");
  g_assert_nonnull (altman);
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (altman)));
  g_signal_emit_by_name (altman, "clicked");
  ui_test_settle ();
  g_assert_cmpint (entente_graph_view_get_selected_entity (graph), ==,
                   entente_story_find_entity (entente_window_get_story (window), "sam-altman"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_find (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  GtkWidget *entry = NULL;
  GtkWidget *bar = NULL;
  GtkWidget *search_bar = NULL;

  /* Not even made until asked for, so that it costs nothing before. */
  g_assert_null (find_descendant_of_type (GTK_WIDGET (window), ENTENTE_TYPE_FIND_BAR));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  ui_test_settle ();
  bar = find_descendant_of_type (GTK_WIDGET (window), ENTENTE_TYPE_FIND_BAR);
  g_assert_nonnull (bar);
  search_bar = find_descendant_of_type (bar, GTK_TYPE_SEARCH_BAR);
  g_assert_true (gtk_widget_get_visible (bar));
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (entry);
  while (entry && !GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_parent (entry);
  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));

  /* A dropped letter, no capital: still found; Enter selects it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nadela");
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  ui_test_settle ();
  g_assert_cmpint (entente_graph_view_get_selected_entity (graph), ==, entente_story_find_entity (story, "satya-nadella"));

  /* Escape in the entry closes it; it slides away and is hidden again;
   * Ctrl+F brings it back. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  ui_test_wait_until (widget_hidden, bar);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_kind_filter (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  guint all = entente_graph_view_get_time_view (graph)->n_shown_entities;

  /* The menu's check item (the legend's toggles share its action). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", NULL);
  ui_test_settle ();
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==, all - 7);
  g_assert_false (entente_time_view_shows_entity (entente_graph_view_get_time_view (graph),
                                                  entente_story_find_entity (story, "elon-musk")));
  g_assert_cmpuint (entente_entity_list_get_n_shown (entente_window_get_entity_list (window)), ==, all - 7);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", NULL);
  ui_test_settle ();
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
layout_settled (gpointer data)
{
  return entente_graph_view_get_layout_settled (data);
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* Dragging a leaf 200 pixels moves it under the pointer and lets its
 * neighbourhood adjust: nothing two relations away or more moves, and the
 * view does not fit itself to the graph again. */
static void
test_drag_keeps_the_picture (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  const EntenteLayout *layout = entente_graph_view_get_layout (graph);
  EntenteViewport before = *entente_graph_view_get_viewport (graph);
  const EntenteViewport *now = entente_graph_view_get_viewport (graph);
  GtkGesture *drag = find_drag_gesture (GTK_WIDGET (graph));
  int google = entente_story_find_entity (story, "google");
  g_autofree double *x = g_memdup2 (layout->x, sizeof (double) * layout->n_nodes);
  g_autofree double *y = g_memdup2 (layout->y, sizeof (double) * layout->n_nodes);
  g_autofree guint8 *near = g_new0 (guint8, layout->n_nodes);
  double sx, sy, ex, ey;
  guint still = 0;

  g_assert_nonnull (drag);
  /* Google and what lies within two relations of it. */
  near[google] = TRUE;
  for (guint round = 0; round < 2; round++)
    {
      g_autofree guint8 *reached = g_memdup2 (near, layout->n_nodes);

      for (guint i = 0; i < entente_story_get_n_relations (story); i++)
        {
          const EntenteRelation *r = entente_story_get_relation (story, i);
          reached[r->from] |= near[r->to];
          reached[r->to] |= near[r->from];
        }
      memcpy (near, reached, layout->n_nodes);
    }

  entente_viewport_world_to_screen (&before, x[google], y[google], &sx, &sy);
  g_signal_emit_by_name (drag, "drag-begin", sx, sy);
  for (int step = 1; step <= 20; step++)
    {
      g_signal_emit_by_name (drag, "drag-update", 10.0 * step, 0.0);
      ui_test_settle ();
    }
  g_signal_emit_by_name (drag, "drag-end", 200.0, 0.0);
  ui_test_wait_until (layout_settled, graph);
  ui_test_settle ();

  /* Under the pointer, and the view as it was. */
  entente_viewport_world_to_screen (now, layout->x[google], layout->y[google], &ex, &ey);
  g_assert_cmpfloat (fabs (ex - (sx + 200)), <=, 2.0);
  g_assert_cmpfloat (fabs (ey - sy), <=, 2.0);
  g_assert_cmpfloat (now->zoom, ==, before.zoom);
  g_assert_cmpfloat (now->center_x, ==, before.center_x);
  g_assert_cmpfloat (now->center_y, ==, before.center_y);
  g_assert_true (layout->pinned[google]);

  /* Nothing beyond its neighbourhood moved by a pixel. */
  for (guint i = 0; i < layout->n_nodes; i++)
    if (!near[i])
      {
        g_assert_cmpfloat (hypot (layout->x[i] - x[i], layout->y[i] - y[i]) * now->zoom, <, 1.0);
        still++;
      }
  g_assert_cmpuint (still, >, 10);

  ui_test_forget_arrangements ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
toast_shown (gpointer data)
{
  GtkWidget *overlay = find_descendant_of_type (data, ADW_TYPE_TOAST_OVERLAY);

  /* The overlay's child, then the toast's own widget. */
  return overlay != NULL && gtk_widget_get_first_child (overlay) != gtk_widget_get_last_child (overlay);
}

/* Exporting writes the file and says so in a toast; a folder that cannot
 * be written is an error in the banner, the story untouched. */
static void
test_export_toast (void)
{
  EntenteWindow *window = ui_test_open_window ();
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.png", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "graph.png", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_false (toast_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", path);
  ui_test_wait_until (toast_shown, window);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8);
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  g_assert_null (entente_window_get_error_text (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", nowhere);
  ui_test_wait_until (error_shown, window);
  ui_test_assert_contains (entente_window_get_error_text (window), "missing");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* After another story, the example is one menu item away. */
static void
test_open_example (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteStory *bundled = entente_window_get_story (window);
  g_autofree char *odd = g_test_build_filename (G_TEST_DIST, "odd", "years-1-to-9999.entente.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (odd);
  gpointer pair[2] = { window, bundled };

  entente_window_open_file (window, file);
  ui_test_wait_until (story_changed, pair);
  g_assert_cmpstr (entente_story_get_id (entente_window_get_story (window)), ==, "odd-span");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  ui_test_settle ();
  g_assert_cmpstr (entente_story_get_id (entente_window_get_story (window)), ==, "microsoft-openai");

  ui_test_forget_arrangements ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The legend is widgets over the graph: a toggle for each kind that the
 * keyboard reaches and a screen reader names, bound to the same action as
 * the menu's check item; a hidden kind is struck out. */
static void
test_legend_widgets (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  GtkWidget *legend = find_descendant_of_type (GTK_WIDGET (window), ENTENTE_TYPE_LEGEND);
  guint all = entente_graph_view_get_time_view (graph)->n_shown_entities;
  GtkWidget *person = NULL;
  guint n_toggles = 0;

  g_assert_nonnull (legend);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (legend)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_TOGGLE_BUTTON (w))
      {
        n_toggles++;
        g_assert_true (gtk_widget_get_focusable (w));
        if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "win.show-person") == 0)
          person = w;
      }
  g_assert_cmpuint (n_toggles, ==, ENTENTE_N_ENTITY_KINDS);
  g_assert_nonnull (person);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));

  g_signal_emit_by_name (person, "clicked");
  ui_test_settle ();
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==, all - 7);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));
  g_assert_true (gtk_widget_has_css_class (person, "hidden-kind"));

  /* The menu's check item moves the toggle too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", NULL);
  ui_test_settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));
  g_assert_false (gtk_widget_has_css_class (person, "hidden-kind"));
  g_assert_cmpuint (entente_graph_view_get_time_view (graph)->n_shown_entities, ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the graph view draws now, as its parent would take it. */
static GskRenderNode *
graph_node (EntenteGraphView *graph)
{
  GtkWidget *widget = GTK_WIDGET (graph);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* The pixel at the centre of what the graph view draws now, rendered
 * through the window's own renderer (the Cairo renderer in these tests). */
static void
graph_center_pixel (EntenteGraphView *graph,
                    guchar            bgra[4])
{
  GtkWidget *widget = GTK_WIDGET (graph);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = graph_node (graph);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, parent, &bounds));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  memcpy (bgra, pixels + ((gsize) (height / 2) * width + width / 2) * 4, 4);
}

/* Lets animations run and frames be drawn for @msec. */
static void
run_for (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_kind_color (const guchar bgra[4], EntenteEntityKind kind, gboolean dark)
{
  EntenteColor color = entente_kind_color (kind, dark);

  return bgra[3] == 255 &&
         ABS (bgra[2] - (int) round (color.r * 255)) <= 2 &&
         ABS (bgra[1] - (int) round (color.g * 255)) <= 2 &&
         ABS (bgra[0] - (int) round (color.b * 255)) <= 2;
}

static void
test_graph_reaches_screen (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  guchar bgra[4];

  /* Centred on OpenAI, the middle of the view is the company's square. */
  entente_graph_view_center_on (graph, entente_story_find_entity (story, "openai"));
  run_for (1000);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, FALSE));

  /* The dark style (libadwaita's, as the desktop would ask for it) redraws
   * it in the dark palette, and back. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  run_for (300);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, TRUE));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  run_for (300);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, FALSE));

  /* Companies hidden: once faded out, it is gone from the screen too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-company", NULL);
  run_for (800);
  graph_center_pixel (graph, bgra);
  g_assert_false (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, FALSE));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The light style's kind colour seen through the veil over what is out
 * of focus: 22 % of it over the 0.98 grey background. */
static gboolean
is_veiled_kind_color (const guchar bgra[4], EntenteEntityKind kind)
{
  EntenteColor color = entente_kind_color (kind, FALSE);
  double keep = ENTENTE_RENDER_DIMMED_ALPHA;

  return ABS (bgra[2] - (int) round ((keep * color.r + (1 - keep) * 0.98) * 255)) <= 3 &&
         ABS (bgra[1] - (int) round ((keep * color.g + (1 - keep) * 0.98) * 255)) <= 3 &&
         ABS (bgra[0] - (int) round ((keep * color.b + (1 - keep) * 0.98) * 255)) <= 3;
}

static gboolean
grid_story_shown (gpointer data)
{
  EntenteWindow *window = data;
  EntenteStory *story = entente_window_get_story (window);

  return story != NULL && entente_story_get_n_entities (story) == 50 * 50 &&
         entente_graph_view_get_layout_settled (entente_window_get_graph_view (window));
}

#define GRID_MIDDLE (25 * 50 + 25)

/* A window showing a story of 50 × 50 companies in a grid (a big graph),
 * zoomed in on its middle one; the story's file is in @dir, which the
 * caller removes with remove_grid(). */
static EntenteWindow *
open_big_grid (char **dir)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  g_autofree char *path = NULL;
  g_autofree char *json = test_grid_json (50);
  g_autoptr(GFile) file = NULL;
  guchar bgra[4];

  *dir = g_dir_make_tmp ("entente-ui-XXXXXX", NULL);
  path = g_build_filename (*dir, "grid.entente.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  entente_window_open_file (window, file);
  ui_test_wait_until (grid_story_shown, window);
  /* Close enough for a node to fill the middle pixel. */
  for (int i = 0; i < 8; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  entente_graph_view_center_on (graph, GRID_MIDDLE);
  run_for (1000);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, FALSE));
  return window;
}

static void
close_big_grid (EntenteWindow *window,
                const char    *dir)
{
  g_autofree char *path = g_build_filename (dir, "grid.entente.json", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* On a big graph a focus is a layer over the picture veiled: an entity
 * out of focus shows through the veil at 22 % of itself, one in focus in
 * its own colour, and without a focus the picture shows as it is. */
static void
test_big_graph_focus_veiled (void)
{
  g_autofree char *dir = NULL;
  EntenteWindow *window = open_big_grid (&dir);
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  int middle = GRID_MIDDLE;
  guchar bgra[4];

  /* A corner selected: the middle is out of focus, veiled. */
  entente_graph_view_set_selected_entity (graph, 0);
  run_for (300);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_veiled_kind_color (bgra, ENTENTE_ENTITY_COMPANY));

  /* The middle's neighbour selected: the middle is in focus, over the veil. */
  entente_graph_view_set_selected_entity (graph, middle + 1);
  run_for (300);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, FALSE));

  /* No focus, no veil. */
  entente_graph_view_set_selected_entity (graph, 0);
  run_for (300);
  entente_graph_view_set_selected_entity (graph, -1);
  run_for (300);
  graph_center_pixel (graph, bgra);
  g_assert_true (is_kind_color (bgra, ENTENTE_ENTITY_COMPANY, FALSE));

  close_big_grid (window, dir);
}

/* The node the graph view itself made, under what its parent wraps it
 * in: GTK keeps it until the view asks to be drawn again. */
static GskRenderNode *
graph_own_node (EntenteGraphView *graph)
{
  g_autoptr(GskRenderNode) node = graph_node (graph);
  GskRenderNode *own = node;

  while (gsk_render_node_get_node_type (own) == GSK_TRANSFORM_NODE)
    own = gsk_transform_node_get_child (own);
  return gsk_render_node_ref (own);
}

static gboolean
same_presence (const EntenteTimeView *a,
               const EntenteTimeView *b)
{
  return memcmp (a->entities, b->entities, a->n_entities) == 0 &&
         memcmp (a->relations, b->relations, a->n_relations) == 0;
}

/* Playing the story moves the date every frame: a day on which nothing
 * comes or goes leaves the picture as it is; a day that brings something
 * draws it anew, and so does hiding a kind even when none of it shows
 * (the legend greys it). */
static void
test_quiet_day_keeps_picture (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  EntenteStory *story = entente_window_get_story (window);
  const EntenteTimeView *shown;
  EntenteTimeView today, tomorrow;
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) after = NULL;
  guint32 day = test_day_of ("2010-03-10");
  guint absent_kind = ENTENTE_N_ENTITY_KINDS;

  entente_time_view_init (&today);
  entente_time_view_init (&tomorrow);
  for (;; day++)
    {
      entente_time_view_compute (&today, story, day, ENTENTE_TIME_MODE_AS_OF);
      entente_time_view_compute (&tomorrow, story, day + 1, ENTENTE_TIME_MODE_AS_OF);
      if (same_presence (&today, &tomorrow))
        break;
    }

  entente_graph_view_set_day (graph, day);
  run_for (1000);
  before = graph_own_node (graph);
  entente_graph_view_set_day (graph, day + 1);
  run_for (300);
  after = graph_own_node (graph);
  g_assert_true (before == after);

  /* A kind none of which shows yet. */
  shown = entente_graph_view_get_time_view (graph);
  for (guint k = 0; k < ENTENTE_N_ENTITY_KINDS && absent_kind == ENTENTE_N_ENTITY_KINDS; k++)
    {
      absent_kind = k;
      for (guint i = 0; i < entente_story_get_n_entities (story); i++)
        if (entente_story_get_entity (story, i)->kind == k && entente_time_view_shows_entity (shown, i))
          absent_kind = ENTENTE_N_ENTITY_KINDS;
    }
  g_assert_cmpuint (absent_kind, <, ENTENTE_N_ENTITY_KINDS);
  entente_graph_view_set_hidden_kinds (graph, 1u << absent_kind);
  run_for (300);
  g_clear_pointer (&before, gsk_render_node_unref);
  before = graph_own_node (graph);
  g_assert_true (before != after);

  entente_graph_view_set_day (graph, test_day_of ("2019-07"));
  run_for (1000);
  g_clear_pointer (&after, gsk_render_node_unref);
  after = graph_own_node (graph);
  g_assert_true (before != after);

  entente_time_view_clear (&today);
  entente_time_view_clear (&tomorrow);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* How far @bgra has gone from @from towards @to, on the channel where
 * they differ most. */
static double
mix_between (const guchar bgra[4],
             const guchar from[4],
             const guchar to[4])
{
  int channel = 0;

  for (int c = 1; c < 3; c++)
    if (ABS (to[c] - from[c]) > ABS (to[channel] - from[channel]))
      channel = c;
  return (bgra[channel] - from[channel]) / (double) (to[channel] - from[channel]);
}

/* On a big graph, what a change of the kinds shown (or of the date) takes
 * away or brings fades out or in, by a cross-fade from the picture before
 * to the one after: it starts on the picture before, goes through the
 * colours in between, and ends on the new picture. */
static void
test_big_graph_crossfades (void)
{
  g_autofree char *dir = NULL;
  EntenteWindow *window = open_big_grid (&dir);
  EntenteGraphView *graph = entente_window_get_graph_view (window);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, 4);
  guchar company[4], hidden[4];
  gint64 until;
  guint between = 0;

  graph_center_pixel (graph, company);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-company", NULL);
  until = g_get_monotonic_time () + 1500 * 1000;
  while (g_get_monotonic_time () < until)
    {
      g_array_set_size (samples, samples->len + 1);
      graph_center_pixel (graph, (guchar *) samples->data + 4 * (samples->len - 1));
      run_for (20);
    }
  memcpy (hidden, (guchar *) samples->data + 4 * (samples->len - 1), 4);
  g_assert_false (is_kind_color (hidden, ENTENTE_ENTITY_COMPANY, FALSE));

  g_assert_cmpfloat (fabs (mix_between ((guchar *) samples->data, company, hidden)), <, 0.05);
  for (guint i = 0; i < samples->len; i++)
    {
      double mix = mix_between ((guchar *) samples->data + 4 * i, company, hidden);

      g_assert_cmpfloat (mix, >, -0.05);
      g_assert_cmpfloat (mix, <, 1.05);
      between += mix > 0.1 && mix < 0.9;
    }
  g_assert_cmpuint (between, >=, 2);

  close_big_grid (window, dir);
}


static gboolean
widget_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* A story opened from the file manager is in the window's first frame:
 * the window shows once the story is in, or once it could not be read. */
static void
test_window_shows_with_its_story (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-ui-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.entente.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.entente.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GBytes) bundled = g_resources_lookup_data ("/io/github/entente/Entente/stories/microsoft-openai.entente.json", 0, NULL);
  EntenteWindow *window;

  g_assert_true (g_file_set_contents (good_path, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), NULL));
  g_assert_true (g_file_set_contents (bad_path, "{\"entente\": 1", -1, NULL));

  window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);
  entente_window_open_file (window, good);
  entente_window_present_when_loaded (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  ui_test_wait_until (widget_shown, window);
  g_assert_nonnull (entente_window_get_story (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);
  entente_window_open_file (window, bad);
  entente_window_present_when_loaded (window);
  ui_test_wait_until (widget_shown, window);
  g_assert_nonnull (entente_window_get_error_text (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Nothing loading: at once. */
  window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);
  entente_window_present_when_loaded (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (good_path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

static void
test_window_size_remembered (void)
{
  EntenteWindow *window = ui_test_open_window ();
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  ui_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  ui_test_settle ();

  window = ui_test_open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_use_private_data_home ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  entente_i18n_init ();

  g_test_add_func ("/ui/window-opens", test_window_opens);
  g_test_add_func ("/ui/select-entity-fills-panel", test_select_entity_fills_panel);
  g_test_add_func ("/ui/relation-card", test_relation_card);
  g_test_add_func ("/ui/show-quote", test_show_quote);
  g_test_add_func ("/ui/timeline-changes-graph", test_timeline_changes_graph);
  g_test_add_func ("/ui/replay", test_replay);
  g_test_add_func ("/ui/whole-story-mode", test_whole_story_mode);
  g_test_add_func ("/ui/keyboard-zoom", test_keyboard_zoom);
  g_test_add_func ("/ui/bad-file-keeps-story", test_bad_file_keeps_story);
  g_test_add_func ("/ui/legend-widgets", test_legend_widgets);
  g_test_add_func ("/ui/open-example", test_open_example);
  g_test_add_func ("/ui/error-summary", test_error_summary);
  g_test_add_func ("/ui/export-toast", test_export_toast);
  g_test_add_func ("/ui/drag-keeps-the-picture", test_drag_keeps_the_picture);
  g_test_add_func ("/ui/hostile-files-keep-story", test_hostile_files_keep_story);
  g_test_add_func ("/ui/export-current-view", test_export_current_view);
  g_test_add_func ("/ui/arrangement-restored", test_arrangement_restored);
  g_test_add_func ("/ui/failed-save-is-told", test_failed_save_is_told);
  g_test_add_func ("/ui/damaged-arrangement-ignored", test_damaged_arrangement_ignored);
  g_test_add_func ("/ui/quotes-in-original-language", test_quotes_in_original_language);
  g_test_add_func ("/ui/panel-toggle", test_panel_toggle);
  g_test_add_func ("/ui/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/primary-menu-on-demand", test_primary_menu_on_demand);
  g_test_add_func ("/ui/unpin-from-menu", test_unpin_from_menu);
  g_test_add_func ("/ui/entity-list-follows-graph", test_entity_list_follows_graph);
  g_test_add_func ("/ui/find", test_find);
  g_test_add_func ("/ui/kind-filter", test_kind_filter);
  g_test_add_func ("/ui/window-size-remembered", test_window_size_remembered);
  g_test_add_func ("/ui/graph-reaches-screen", test_graph_reaches_screen);
  g_test_add_func ("/ui/big-graph-focus-veiled", test_big_graph_focus_veiled);
  g_test_add_func ("/ui/big-graph-crossfades", test_big_graph_crossfades);
  g_test_add_func ("/ui/quiet-day-keeps-picture", test_quiet_day_keeps_picture);
  g_test_add_func ("/ui/window-shows-with-its-story", test_window_shows_with_its_story);

  return g_test_run ();
}
