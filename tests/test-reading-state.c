/* test-reading-state.c — where the reader is, and what follows from it,
 * without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include "story/entente-reading-state.h"

typedef struct
{
  guint day;
  guint time_view;
  guint selected_entity;
  guint selected_relation;
  guint highlighted;
} Notified;

static void
count (GObject    *object,
       GParamSpec *pspec,
       guint      *counter)
{
  (*counter)++;
}

static EntenteReadingState *
watched_state (Notified *notified)
{
  EntenteReadingState *state = entente_reading_state_new ();

  *notified = (Notified) { 0 };
  g_signal_connect (state, "notify::day", G_CALLBACK (count), &notified->day);
  g_signal_connect (state, "notify::time-view", G_CALLBACK (count), &notified->time_view);
  g_signal_connect (state, "notify::selected-entity", G_CALLBACK (count), &notified->selected_entity);
  g_signal_connect (state, "notify::selected-relation", G_CALLBACK (count), &notified->selected_relation);
  g_signal_connect (state, "notify::highlighted", G_CALLBACK (count), &notified->highlighted);
  return state;
}

static int
relation_index (EntenteStory *story,
                const char   *id)
{
  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    if (g_str_equal (entente_story_get_relation (story, i)->id, id))
      return i;
  g_assert_not_reached ();
}

/* A story opens at its last date, everything shown that had begun. */
static void
test_story_opens_at_its_end (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  Notified notified;
  g_autoptr(EntenteReadingState) state = watched_state (&notified);
  guint32 last_day = 0;
  const EntenteTimeView *view;

  entente_reading_state_set_story (state, story);
  entente_story_get_date_range (story, NULL, &last_day);
  view = entente_reading_state_get_time_view (state);

  g_assert_true (entente_reading_state_get_story (state) == story);
  g_assert_cmpuint (entente_reading_state_get_day (state), ==, last_day);
  g_assert_cmpuint (notified.day, ==, 1);
  g_assert_cmpuint (notified.time_view, ==, 1);
  g_assert_cmpuint (view->n_entities, ==, entente_story_get_n_entities (story));
  g_assert_cmpuint (view->n_shown_entities, ==, entente_story_get_n_entities (story));
  g_assert_cmpint (entente_reading_state_get_selected_entity (state), ==, -1);
}

/* The time view follows the date, and says so only when what it holds
 * changes: days on which nothing comes or goes are quiet. */
static void
test_time_view_follows_the_date (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  Notified notified;
  g_autoptr(EntenteReadingState) state = watched_state (&notified);
  int microsoft = entente_story_find_entity (story, "microsoft");
  int investment = relation_index (story, "invest-2019");
  const EntenteTimeView *view = entente_reading_state_get_time_view (state);

  entente_reading_state_set_story (state, story);
  notified = (Notified) { 0 };

  entente_reading_state_set_day (state, test_day_of ("2019-06-01"));
  g_assert_cmpuint (notified.day, ==, 1);
  g_assert_cmpuint (notified.time_view, ==, 1);
  g_assert_false (entente_time_view_shows_entity (view, microsoft));

  /* A quiet day: the date moves, the time view does not. */
  entente_reading_state_set_day (state, test_day_of ("2019-06-02"));
  g_assert_cmpuint (notified.day, ==, 2);
  g_assert_cmpuint (notified.time_view, ==, 1);

  /* July 2019 brings Microsoft and its first investment, marked as new. */
  entente_reading_state_set_day (state, test_day_of ("2019-07-22"));
  g_assert_cmpuint (notified.time_view, ==, 2);
  g_assert_true (entente_time_view_shows_entity (view, microsoft));
  g_assert_true (entente_reading_state_is_entity_new (state, microsoft));
  g_assert_true (entente_reading_state_is_relation_new (state, investment));
  g_assert_cmpuint (entente_reading_state_get_n_new_entities (state), >=, 1);

  /* The whole story marks nothing as new. */
  entente_reading_state_set_time_mode (state, ENTENTE_TIME_MODE_ALL);
  g_assert_cmpuint (notified.time_view, ==, 3);
  g_assert_false (entente_reading_state_is_entity_new (state, microsoft));
  g_assert_cmpuint (view->n_shown_entities, ==, entente_story_get_n_entities (story));
}

static void
test_hidden_kinds (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  Notified notified;
  g_autoptr(EntenteReadingState) state = watched_state (&notified);
  const EntenteTimeView *view = entente_reading_state_get_time_view (state);

  entente_reading_state_set_story (state, story);
  entente_reading_state_set_hidden_kinds (state, 1u << ENTENTE_ENTITY_PERSON);
  for (guint i = 0; i < entente_story_get_n_entities (story); i++)
    g_assert_cmpint (entente_time_view_shows_entity (view, i), ==,
                     entente_story_get_entity (story, i)->kind != ENTENTE_ENTITY_PERSON);
  g_assert_cmpuint (notified.time_view, ==, 2);
  g_assert_cmpuint (entente_reading_state_get_hidden_kinds (state), ==, 1u << ENTENTE_ENTITY_PERSON);
}

/* One selection at a time: an entity, or a relation, or nothing; ringed
 * entities go with the next selection. */
static void
test_selection (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  Notified notified;
  g_autoptr(EntenteReadingState) state = watched_state (&notified);
  int openai = entente_story_find_entity (story, "openai");
  int microsoft = entente_story_find_entity (story, "microsoft");
  int investment = relation_index (story, "invest-2019");
  guint about[] = { (guint) microsoft };
  guint n;

  /* Nothing to select before there is a story. */
  entente_reading_state_set_selected_entity (state, 0);
  g_assert_cmpint (entente_reading_state_get_selected_entity (state), ==, -1);

  entente_reading_state_set_story (state, story);
  notified = (Notified) { 0 };
  entente_reading_state_set_selected_entity (state, openai);
  entente_reading_state_set_highlighted (state, about, 1);
  g_assert_cmpint (entente_reading_state_get_selected_entity (state), ==, openai);
  g_assert_cmpuint (*entente_reading_state_get_highlighted (state, &n), ==, (guint) microsoft);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (notified.selected_entity, ==, 1);
  g_assert_cmpuint (notified.highlighted, ==, 1);

  entente_reading_state_set_selected_relation (state, investment);
  g_assert_cmpint (entente_reading_state_get_selected_relation (state), ==, investment);
  g_assert_cmpint (entente_reading_state_get_selected_entity (state), ==, -1);
  g_assert_null (entente_reading_state_get_highlighted (state, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (notified.selected_entity, ==, 2);
  g_assert_cmpuint (notified.selected_relation, ==, 1);
  g_assert_cmpuint (notified.highlighted, ==, 2);

  entente_reading_state_set_selected_entity (state, microsoft);
  g_assert_cmpint (entente_reading_state_get_selected_relation (state), ==, -1);

  /* Out of range is nothing. */
  entente_reading_state_set_selected_entity (state, 100000);
  g_assert_cmpint (entente_reading_state_get_selected_entity (state), ==, -1);

  /* A new story clears the selection. */
  entente_reading_state_set_selected_entity (state, openai);
  {
    g_autoptr(EntenteStory) again = test_load_bundled ();

    entente_reading_state_set_story (state, again);
  }
  g_assert_cmpint (entente_reading_state_get_selected_entity (state), ==, -1);
}

/* An action sets one property and whoever follows gets it, through
 * GObject's own property machinery. */
static void
test_properties (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteReadingState) state = entente_reading_state_new ();
  g_autofree char *mode_name = NULL;
  EntenteTimeMode mode;
  guint day;

  g_object_set (state, "story", story, "day", test_day_of ("2016"), "time-mode", ENTENTE_TIME_MODE_ALL, NULL);
  g_object_get (state, "day", &day, "time-mode", &mode, NULL);
  g_assert_cmpuint (day, ==, test_day_of ("2016"));
  g_assert_cmpint (mode, ==, ENTENTE_TIME_MODE_ALL);
  mode_name = g_enum_to_string (ENTENTE_TYPE_TIME_MODE, mode);
  g_assert_cmpstr (mode_name, ==, "ENTENTE_TIME_MODE_ALL");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/reading-state/story-opens-at-its-end", test_story_opens_at_its_end);
  g_test_add_func ("/story/reading-state/time-view-follows-the-date", test_time_view_follows_the_date);
  g_test_add_func ("/story/reading-state/hidden-kinds", test_hidden_kinds);
  g_test_add_func ("/story/reading-state/selection", test_selection);
  g_test_add_func ("/story/reading-state/properties", test_properties);

  return g_test_run ();
}
