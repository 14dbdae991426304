/* test-time-filter.c — what the story shows as of a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include "entente-i18n.h"
#include "story/entente-story-loader.h"
#include "story/entente-time-filter.h"

static EntenteDate
date_of (const char *iso)
{
  EntenteDate date = { 0 };

  if (iso)
    g_assert_true (entente_date_parse (iso, &date, NULL));
  return date;
}

static void
test_presence (void)
{
  EntenteDate none = date_of (NULL);
  EntenteDate y2015 = date_of ("2015");
  EntenteDate feb2018 = date_of ("2018-02");

  g_assert_cmpint (entente_time_presence (&none, &none, test_day_of ("1990")), ==, ENTENTE_PRESENCE_ACTIVE);
  g_assert_cmpint (entente_time_presence (&y2015, &none, test_day_of ("2014-12-31")), ==, ENTENTE_PRESENCE_NOT_BEGUN);
  g_assert_cmpint (entente_time_presence (&y2015, &none, test_day_of ("2015-01-01")), ==, ENTENTE_PRESENCE_ACTIVE);
  /* A month-precision end has not passed until the month is over. */
  g_assert_cmpint (entente_time_presence (&none, &feb2018, test_day_of ("2018-02-28")), ==, ENTENTE_PRESENCE_ACTIVE);
  g_assert_cmpint (entente_time_presence (&none, &feb2018, test_day_of ("2018-03-01")), ==, ENTENTE_PRESENCE_ENDED);
  g_assert_cmpint (entente_time_presence (&y2015, &feb2018, test_day_of ("2016-06")), ==, ENTENTE_PRESENCE_ACTIVE);
}

static guint
relation_index (EntenteStory *story,
                const char   *id)
{
  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    if (g_str_equal (entente_story_get_relation (story, i)->id, id))
      return i;
  g_assert_not_reached ();
}

static void
test_bundled_over_time (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  EntenteTimeView view;
  int chatgpt = entente_story_find_entity (story, "chatgpt");
  int openai = entente_story_find_entity (story, "openai");
  guint invest_2019 = relation_index (story, "invest-2019");
  guint musk_board = relation_index (story, "musk-board");
  guint chatgpt_bing = relation_index (story, "chatgpt-bing");
  guint n_early, n_late;

  entente_time_view_init (&view);

  /* 2010: OpenAI does not exist yet, nor any tie to it. */
  entente_time_view_compute (&view, story, test_day_of ("2010"), ENTENTE_TIME_MODE_AS_OF);
  g_assert_false (entente_time_view_shows_entity (&view, openai));
  g_assert_false (entente_time_view_shows_relation (&view, invest_2019));
  n_early = view.n_shown_entities;

  /* July 2019: the first investment, the board seat already ended. */
  entente_time_view_compute (&view, story, test_day_of ("2019-07"), ENTENTE_TIME_MODE_AS_OF);
  g_assert_true (entente_time_view_shows_entity (&view, openai));
  g_assert_cmpint (view.relations[invest_2019], ==, ENTENTE_PRESENCE_ACTIVE);
  g_assert_cmpint (view.relations[musk_board], ==, ENTENTE_PRESENCE_ENDED);
  g_assert_false (entente_time_view_shows_entity (&view, chatgpt));
  /* An undated tie waits for both its ends to exist. */
  g_assert_false (entente_time_view_shows_relation (&view, chatgpt_bing));
  g_assert_cmpuint (view.n_events, ==, 1);
  g_assert_cmpstr (entente_story_get_event (story, view.first_event)->id, ==, "invest-2019");

  /* The announcement day shows everything. */
  entente_time_view_compute (&view, story, test_day_of ("2023-01-23"), ENTENTE_TIME_MODE_AS_OF);
  n_late = view.n_shown_entities;
  g_assert_cmpuint (n_late, ==, entente_story_get_n_entities (story));
  g_assert_cmpuint (n_early, <, n_late);
  g_assert_true (entente_time_view_shows_relation (&view, chatgpt_bing));
  g_assert_cmpstr (entente_story_get_event (story, view.first_event)->id, ==, "announcement");

  /* "All" mode shows what has not begun, still marking what ended. */
  entente_time_view_compute (&view, story, test_day_of ("2010"), ENTENTE_TIME_MODE_ALL);
  g_assert_true (entente_time_view_shows_entity (&view, chatgpt));
  entente_time_view_compute (&view, story, test_day_of ("2020"), ENTENTE_TIME_MODE_ALL);
  g_assert_cmpint (view.relations[musk_board], ==, ENTENTE_PRESENCE_ENDED);

  entente_time_view_clear (&view);
}

static void
test_events_of_the_day (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  EntenteTimeView view;

  entente_time_view_init (&view);
  /* Three events are dated only "January 2023". */
  entente_time_view_compute (&view, story, test_day_of ("2023-01-10"), ENTENTE_TIME_MODE_AS_OF);
  g_assert_cmpuint (view.n_events, ==, 3);
  for (guint i = view.first_event; i < view.first_event + view.n_events; i++)
    g_assert_cmpint (entente_story_get_event (story, i)->date.precision, ==, ENTENTE_DATE_PRECISION_MONTH);

  /* Before the first event there is none. */
  entente_time_view_compute (&view, story, test_day_of ("2000"), ENTENTE_TIME_MODE_AS_OF);
  g_assert_cmpuint (view.n_events, ==, 0);
  entente_time_view_clear (&view);
}

static void
test_snap_and_label (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autofree char *year_label = NULL;
  g_autofree char *month_label = NULL;
  g_autofree char *day_label = NULL;
  g_autofree char *between_label = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  entente_i18n_init ();

  g_assert_cmpuint (entente_time_snap_to_event (story, test_day_of ("2019-07-05"), 10), ==, test_day_of ("2019-07"));
  g_assert_cmpuint (entente_time_snap_to_event (story, test_day_of ("2019-09-01"), 10), ==, test_day_of ("2019-09-01"));

  year_label = entente_time_label (story, test_day_of ("2015"));
  month_label = entente_time_label (story, test_day_of ("2019-07"));
  day_label = entente_time_label (story, test_day_of ("2023-01-23"));
  between_label = entente_time_label (story, test_day_of ("2020-05-17"));
  g_assert_cmpstr (year_label, ==, "2015");
  g_assert_cmpstr (month_label, ==, "July 2019");
  g_assert_cmpstr (day_label, ==, "23 January 2023");
  /* No event that day: the label does not invent a day. */
  g_assert_cmpstr (between_label, ==, "May 2020");
}

static void
test_undated_entities_appear_with_the_story (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  EntenteTimeView view;
  int dall_e = entente_story_find_entity (story, "dall-e");
  int tesla = entente_story_find_entity (story, "tesla");
  int microsoft = entente_story_find_entity (story, "microsoft");

  /* DALL-E is undated, first mentioned by the 2022 event. */
  g_assert_cmpuint (entente_story_get_entity (story, dall_e)->appears_day, ==, test_day_of ("2022"));
  /* Tesla has no dated tie of its own: it comes with Elon Musk, in 2015. */
  g_assert_cmpuint (entente_story_get_entity (story, tesla)->appears_day, ==, test_day_of ("2015"));
  /* Microsoft enters the story with its first investment. */
  g_assert_cmpuint (entente_story_get_entity (story, microsoft)->appears_day, ==, test_day_of ("2019-07"));

  entente_time_view_init (&view);
  entente_time_view_compute (&view, story, test_day_of ("2019-06"), ENTENTE_TIME_MODE_AS_OF);
  g_assert_false (entente_time_view_shows_entity (&view, dall_e));
  g_assert_false (entente_time_view_shows_entity (&view, microsoft));
  g_assert_true (entente_time_view_shows_entity (&view, tesla));
  entente_time_view_compute (&view, story, test_day_of ("2022-03"), ENTENTE_TIME_MODE_AS_OF);
  g_assert_true (entente_time_view_shows_entity (&view, dall_e));
  entente_time_view_clear (&view);
}

static EntenteStory *
load_json (GString *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);
  g_autoptr(GError) error = NULL;
  EntenteStory *story = entente_story_load_from_bytes (bytes, "chains.entente.json", &error);

  g_assert_no_error (error);
  return story;
}

/* Undated entities inherit through chains of undated ties, from the
 * earliest dated entity their group touches; a group touching none stays
 * without a date. Once quadratic: 100,000 entities dated at one end took
 * 34 s. Here a chain of 20,000 (quick under sanitizers and valgrind too)
 * is walked, each link checked; the benchmark times 100,000 and 200,000. */
static void
test_undated_chains (void)
{
  const guint n = 20000;
  g_autoptr(GString) json = g_string_new ("{\"entente\": 1, \"id\": \"c\", \"title\": \"C\", \"summary\": \"s\", "
                                          "\"language\": \"en\", \"sources\": [], \"entities\": [");
  g_autoptr(EntenteStory) story = NULL;

  /* n0 … n19999 in a chain dated 2020 at its far end; a second chain
   * a–b–c dated 2010 at a and 2005 at c; d–e dated nowhere. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "{\"id\": \"n%u\", \"kind\": \"person\", \"name\": \"N\"%s},",
                            i, i == n - 1 ? ", \"start\": \"2020\"" : "");
  g_string_append (json, "{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\", \"start\": \"2010\"},"
                         "{\"id\": \"b\", \"kind\": \"person\", \"name\": \"B\"},"
                         "{\"id\": \"c\", \"kind\": \"person\", \"name\": \"C\", \"start\": \"2005\"},"
                         "{\"id\": \"d\", \"kind\": \"person\", \"name\": \"D\"},"
                         "{\"id\": \"e\", \"kind\": \"person\", \"name\": \"E\"}], \"relations\": [");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (json, "{\"id\": \"r%u\", \"from\": \"n%u\", \"to\": \"n%u\", \"kind\": \"k\", "
                            "\"label\": \"l\", \"status\": \"confirmed\"},", i, i - 1, i);
  g_string_append (json, "{\"id\": \"ab\", \"from\": \"a\", \"to\": \"b\", \"kind\": \"k\", \"label\": \"l\", \"status\": \"confirmed\"},"
                         "{\"id\": \"bc\", \"from\": \"b\", \"to\": \"c\", \"kind\": \"k\", \"label\": \"l\", \"status\": \"confirmed\"},"
                         "{\"id\": \"de\", \"from\": \"d\", \"to\": \"e\", \"kind\": \"k\", \"label\": \"l\", \"status\": \"confirmed\"}"
                         "], \"quotes\": [], \"events\": []}");
  story = load_json (json);

  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (entente_story_get_entity (story, i)->appears_day, ==, test_day_of ("2020"));
  g_assert_cmpuint (entente_story_get_entity (story, entente_story_find_entity (story, "a"))->appears_day, ==, test_day_of ("2010"));
  g_assert_cmpuint (entente_story_get_entity (story, entente_story_find_entity (story, "b"))->appears_day, ==, test_day_of ("2005"));
  g_assert_cmpuint (entente_story_get_entity (story, entente_story_find_entity (story, "c"))->appears_day, ==, test_day_of ("2005"));
  g_assert_cmpuint (entente_story_get_entity (story, entente_story_find_entity (story, "d"))->appears_day, ==, 0);
  g_assert_cmpuint (entente_story_get_entity (story, entente_story_find_entity (story, "e"))->appears_day, ==, 0);
}

static void
test_event_stepping (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  guint32 day;

  g_assert_true (entente_time_next_event_day (story, test_day_of ("2016"), &day));
  g_assert_cmpuint (day, ==, test_day_of ("2018-02"));
  g_assert_true (entente_time_next_event_day (story, test_day_of ("2018-02"), &day));
  g_assert_cmpuint (day, ==, test_day_of ("2019-07"));
  /* The three January 2023 events share a first day: one step. */
  g_assert_true (entente_time_next_event_day (story, test_day_of ("2022-11"), &day));
  g_assert_cmpuint (day, ==, test_day_of ("2023-01"));
  g_assert_true (entente_time_next_event_day (story, test_day_of ("2023-01"), &day));
  g_assert_cmpuint (day, ==, test_day_of ("2023-01-23"));
  g_assert_false (entente_time_next_event_day (story, test_day_of ("2023-01-23"), &day));

  g_assert_true (entente_time_previous_event_day (story, test_day_of ("2019-07"), &day));
  g_assert_cmpuint (day, ==, test_day_of ("2018-02"));
  g_assert_false (entente_time_previous_event_day (story, test_day_of ("2007"), &day));
}

static void
test_hide_kinds (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  EntenteTimeView view;
  guint all_entities, all_relations;

  entente_time_view_init (&view);
  entente_time_view_compute (&view, story, test_day_of ("2023-01-23"), ENTENTE_TIME_MODE_AS_OF);
  all_entities = view.n_shown_entities;
  all_relations = view.n_shown_relations;

  entente_time_view_hide_kinds (&view, story, 1u << ENTENTE_ENTITY_PERSON);
  g_assert_false (entente_time_view_shows_entity (&view, entente_story_find_entity (story, "sam-altman")));
  g_assert_true (entente_time_view_shows_entity (&view, entente_story_find_entity (story, "openai")));
  /* Seven people; their ties go with them. */
  g_assert_cmpuint (view.n_shown_entities, ==, all_entities - 7);
  g_assert_cmpuint (view.n_shown_relations, <, all_relations);
  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    if (entente_time_view_shows_relation (&view, i))
      {
        const EntenteRelation *r = entente_story_get_relation (story, i);
        g_assert_cmpint (entente_story_get_entity (story, r->from)->kind, !=, ENTENTE_ENTITY_PERSON);
        g_assert_cmpint (entente_story_get_entity (story, r->to)->kind, !=, ENTENTE_ENTITY_PERSON);
      }

  entente_time_view_clear (&view);
}

static void
test_date_range (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  guint32 first, last;

  g_assert_true (entente_story_get_date_range (story, &first, &last));
  g_assert_cmpuint (first, ==, test_day_of ("2007"));
  g_assert_cmpuint (last, ==, test_day_of ("2023-01-23"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/time-filter/presence", test_presence);
  g_test_add_func ("/story/time-filter/bundled-over-time", test_bundled_over_time);
  g_test_add_func ("/story/time-filter/events-of-the-day", test_events_of_the_day);
  g_test_add_func ("/story/time-filter/snap-and-label", test_snap_and_label);
  g_test_add_func ("/story/time-filter/undated-entities-appear-with-the-story", test_undated_entities_appear_with_the_story);
  g_test_add_func ("/story/time-filter/undated-chains", test_undated_chains);
  g_test_add_func ("/story/time-filter/event-stepping", test_event_stepping);
  g_test_add_func ("/story/time-filter/hide-kinds", test_hide_kinds);
  g_test_add_func ("/story/time-filter/date-range", test_date_range);

  return g_test_run ();
}
