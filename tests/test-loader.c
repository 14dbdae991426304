/* test-loader.c — the valid stories load; each class of error is reported
 * with the file, the place and what is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story/entente-story-loader.h"

#define SOURCES   "[{\"id\": \"src\", \"title\": \"T\", \"publisher\": \"P\", \"date\": \"2023-01-23\"}]"
#define ENTITIES  "[{\"id\": \"microsoft\", \"kind\": \"company\", \"name\": \"Microsoft\"}," \
                  " {\"id\": \"openai\", \"kind\": \"company\", \"name\": {\"en\": \"OpenAI\", \"fr\": \"OpenAI\"}, \"start\": \"2015\"}]"
#define RELATIONS "[{\"id\": \"r1\", \"from\": \"microsoft\", \"to\": \"openai\", \"kind\": \"investment\"," \
                  " \"label\": \"invested\", \"start\": \"2019-07\", \"status\": \"confirmed\"}]"
#define QUOTES    "[{\"id\": \"q1\", \"speaker\": \"microsoft\", \"date\": \"2023-01\", \"text\": \"Hello\"," \
                  " \"original_language\": \"en\", \"source\": \"src\"}]"
#define EVENTS    "[{\"id\": \"e1\", \"date\": \"2019-07\", \"title\": \"Invest\"}]"

static char *
story_with (const char *sources,
            const char *entities,
            const char *relations,
            const char *quotes,
            const char *events)
{
  return g_strdup_printf ("{\"entente\": 1, \"id\": \"s\", \"title\": \"T\", \"summary\": \"S\", \"language\": \"en\",\n"
                          " \"sources\": %s,\n \"entities\": %s,\n \"relations\": %s,\n \"quotes\": %s,\n \"events\": %s}",
                          sources ? sources : SOURCES,
                          entities ? entities : ENTITIES,
                          relations ? relations : RELATIONS,
                          quotes ? quotes : QUOTES,
                          events ? events : EVENTS);
}

static EntenteStory *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return entente_story_load_from_bytes (bytes, "case.entente.json", error);
}

/* Loads @text, expects failure, and checks the message names the file and
 * holds @expected. */
static void
assert_error (const char *text,
              int         code,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = load_text (text, &error);

  g_assert_null (story);
  g_assert_error (error, ENTENTE_STORY_ERROR, code);
  if (!g_str_has_prefix (error->message, "case.entente.json:") || !strstr (error->message, expected))
    g_error ("expected “%s” in:\n%s", expected, error->message);
}

static void
test_minimal_valid (void)
{
  g_autofree char *text = story_with (NULL, NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entente_story_get_n_entities (story), ==, 2);
  g_assert_cmpuint (entente_story_get_relation (story, 0)->to, ==, 1);
  g_assert_cmpint (entente_story_find_entity (story, "openai"), ==, 1);
  g_assert_cmpint (entente_story_find_entity (story, "nobody"), ==, -1);
  g_assert_cmpstr (entente_text_get_in (&entente_story_get_entity (story, 1)->name, "fr"), ==, "OpenAI");
}

static void
test_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_bundled (&error);
  int microsoft, openai;
  guint investments = 0, reported = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (entente_story_get_id (story), ==, "microsoft-openai");
  g_assert_cmpuint (entente_story_get_n_entities (story), >=, 25);
  g_assert_cmpuint (entente_story_get_n_quotes (story), ==, 5);

  microsoft = entente_story_find_entity (story, "microsoft");
  openai = entente_story_find_entity (story, "openai");
  g_assert_cmpint (microsoft, >=, 0);
  g_assert_cmpint (openai, >=, 0);

  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);

      if (r->from == (guint) microsoft && r->to == (guint) openai && g_str_equal (r->kind, "investment") &&
          r->status == ENTENTE_STATUS_CONFIRMED)
        investments++;
      reported += r->status == ENTENTE_STATUS_REPORTED;
      /* Every item cites the article. */
      g_assert_cmpuint (r->sources.n, >=, 1);
      g_assert_cmpstr (entente_story_get_source (story, r->sources.items[0])->id, ==, "article");
    }

  /* 2019, 2021 and 2023, as the article says; the $10 billion is a rumour. */
  g_assert_cmpuint (investments, ==, 3);
  g_assert_cmpuint (reported, >=, 3);

  /* Every quote carries the article's French text and an English one. */
  for (guint i = 0; i < entente_story_get_n_quotes (story); i++)
    {
      const EntenteQuote *q = entente_story_get_quote (story, i);
      const char *fr = entente_text_get_in (&q->text, "fr");
      const char *en = entente_text_get_in (&q->text, "en");

      g_assert_cmpstr (fr, !=, en);
    }

  /* Events come sorted by date. */
  for (guint i = 1; i < entente_story_get_n_events (story); i++)
    g_assert_cmpint (entente_date_compare (&entente_story_get_event (story, i - 1)->date,
                                           &entente_story_get_event (story, i)->date), <=, 0);
}

static void
test_text_fallback (void)
{
  EntenteTextVariant variants[] = { { (char *) "de", (char *) "Hallo" }, { (char *) "en", (char *) "Hello" } };
  EntenteText text = { G_N_ELEMENTS (variants), variants };
  const char *fr_ca[] = { "fr_CA.UTF-8", "fr_CA", "fr", "C", NULL };
  const char *de_at[] = { "de_AT", NULL };
  EntenteTextVariant only_variant[] = { { (char *) "it", (char *) "Ciao" } };
  EntenteText italian = { 1, only_variant };

  g_assert_cmpstr (entente_text_lookup (&text, fr_ca), ==, "Hello");
  g_assert_cmpstr (entente_text_lookup (&text, de_at), ==, "Hallo");
  g_assert_cmpstr (entente_text_lookup (&italian, fr_ca), ==, "Ciao");
}

static void
test_syntax_error (void)
{
  assert_error ("{\"entente\": 1,\n  \"id\": \"x\",,\n}", ENTENTE_STORY_ERROR_SYNTAX, "case.entente.json:2:");
}

static void
test_empty_and_not_utf8 (void)
{
  assert_error ("", ENTENTE_STORY_ERROR_SYNTAX, "the file is empty");
  assert_error ("  \n ", ENTENTE_STORY_ERROR_SYNTAX, "the file is empty");
  assert_error ("{\"id\": \"\xff\"}", ENTENTE_STORY_ERROR_SYNTAX, "1:9: the file is not valid UTF-8");
}

static void
test_bom_accepted (void)
{
  g_autofree char *body = story_with (NULL, NULL, NULL, NULL, NULL);
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", body, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("{\"a\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  assert_error (text->str, ENTENTE_STORY_ERROR_SYNTAX, "nested more than 64 levels deep");
}

static void
test_not_an_object (void)
{
  assert_error ("[1, 2]", ENTENTE_STORY_ERROR_INVALID, "$: a story is a JSON object, found an array");
}

static void
test_version (void)
{
  assert_error ("{\"entente\": 2}", ENTENTE_STORY_ERROR_INVALID, "$.entente: format version 2 is not supported");
}

static void
test_missing_member (void)
{
  g_autofree char *text = story_with (NULL, "[{\"id\": \"microsoft\", \"kind\": \"company\"}]", "[]", "[]", "[]");

  assert_error (text, ENTENTE_STORY_ERROR_INVALID, "$.entities[0]: missing required member “name”");
}

static void
test_wrong_type (void)
{
  g_autofree char *name = story_with (NULL, "[{\"id\": \"m\", \"kind\": \"company\", \"name\": 42}]", "[]", "[]", "[]");
  g_autofree char *array = story_with (NULL, "{\"id\": 1}", "[]", "[]", "[]");
  g_autofree char *item = story_with (NULL, "[\"microsoft\"]", "[]", "[]", "[]");
  g_autofree char *variant = story_with (NULL, "[{\"id\": \"m\", \"kind\": \"company\", \"name\": {\"en\": true}}]", "[]", "[]", "[]");

  assert_error (name, ENTENTE_STORY_ERROR_INVALID, "$.entities[0].name: expected a string or an object of translations");
  assert_error (array, ENTENTE_STORY_ERROR_INVALID, "$.entities: expected an array, found an object");
  assert_error (item, ENTENTE_STORY_ERROR_INVALID, "$.entities[0]: expected an object, found a string");
  assert_error (variant, ENTENTE_STORY_ERROR_INVALID, "$.entities[0].name.en: expected a string, found a boolean");
}

static void
test_dangling_reference (void)
{
  g_autofree char *relation = story_with (NULL, NULL,
    "[{\"id\": \"r1\", \"from\": \"microsoft\", \"to\": \"opneai\", \"kind\": \"k\", \"label\": \"l\", \"status\": \"confirmed\"}]",
    NULL, NULL);
  g_autofree char *quote = story_with (NULL, NULL, NULL,
    "[{\"id\": \"q\", \"speaker\": \"microsoft\", \"date\": \"2023\", \"text\": \"t\", \"original_language\": \"en\", \"source\": \"nowhere\"}]",
    NULL);
  g_autofree char *event = story_with (NULL, NULL, NULL, NULL,
    "[{\"id\": \"e\", \"date\": \"2023\", \"title\": \"t\", \"entities\": [\"openai\", \"zzzzzzzz\"]}]");

  assert_error (relation, ENTENTE_STORY_ERROR_INVALID,
                "$.relations[0].to: no entity has the id “opneai” (did you mean “openai”?)");
  assert_error (quote, ENTENTE_STORY_ERROR_INVALID, "$.quotes[0].source: no source has the id “nowhere”");
  assert_error (event, ENTENTE_STORY_ERROR_INVALID, "$.events[0].entities[1]: no entity has the id “zzzzzzzz”");

  /* Nothing is close enough to suggest. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EntenteStory) story = load_text (event, &error);
    g_assert_null (strstr (error->message, "did you mean"));
  }
}

static void
test_duplicate_id (void)
{
  g_autofree char *text = story_with (NULL,
    "[{\"id\": \"m\", \"kind\": \"company\", \"name\": \"A\"}, {\"id\": \"m\", \"kind\": \"person\", \"name\": \"B\"}]",
    "[]", "[]", "[]");

  assert_error (text, ENTENTE_STORY_ERROR_INVALID, "$.entities[1].id: duplicate id “m” (already used by item 0)");
}

static void
test_bad_dates (void)
{
  g_autofree char *impossible = story_with (NULL, NULL, NULL, NULL, "[{\"id\": \"e\", \"date\": \"2023-02-30\", \"title\": \"t\"}]");
  g_autofree char *month = story_with (NULL, NULL, NULL, NULL, "[{\"id\": \"e\", \"date\": \"2023-13\", \"title\": \"t\"}]");
  g_autofree char *form = story_with (NULL, NULL, NULL, NULL, "[{\"id\": \"e\", \"date\": \"23/01/2023\", \"title\": \"t\"}]");
  g_autofree char *type = story_with (NULL, NULL, NULL, NULL, "[{\"id\": \"e\", \"date\": 2023, \"title\": \"t\"}]");

  assert_error (impossible, ENTENTE_STORY_ERROR_INVALID, "$.events[0].date: “2023-02-30”: day 30 does not exist");
  assert_error (month, ENTENTE_STORY_ERROR_INVALID, "$.events[0].date: “2023-13”: month 13 does not exist");
  assert_error (form, ENTENTE_STORY_ERROR_INVALID, "$.events[0].date: “23/01/2023” is not a date");
  assert_error (type, ENTENTE_STORY_ERROR_INVALID, "$.events[0].date: expected a date string");
}

static void
test_end_before_start (void)
{
  g_autofree char *text = story_with (NULL,
    "[{\"id\": \"m\", \"kind\": \"person\", \"name\": \"A\", \"start\": \"2019-07\", \"end\": \"2019-06-30\"}]",
    "[]", "[]", "[]");
  g_autofree char *same_span = story_with (NULL,
    "[{\"id\": \"m\", \"kind\": \"person\", \"name\": \"A\", \"start\": \"2019-07-20\", \"end\": \"2019-07\"}]",
    "[]", "[]", "[]");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = NULL;

  assert_error (text, ENTENTE_STORY_ERROR_INVALID, "$.entities[0].end: ends (2019-06-30) before it starts (2019-07)");

  /* Ending "in July 2019" is possible for something that started on the 20th. */
  story = load_text (same_span, &error);
  g_assert_no_error (error);
}

static void
test_unknown_kind_and_status (void)
{
  g_autofree char *kind = story_with (NULL, "[{\"id\": \"m\", \"kind\": \"planet\", \"name\": \"A\"}]", "[]", "[]", "[]");
  g_autofree char *status = story_with (NULL, NULL,
    "[{\"id\": \"r\", \"from\": \"microsoft\", \"to\": \"openai\", \"kind\": \"k\", \"label\": \"l\", \"status\": \"rumour\"}]",
    NULL, NULL);

  assert_error (kind, ENTENTE_STORY_ERROR_INVALID,
                "$.entities[0].kind: unknown kind “planet” (expected one of: person, company, product, organization)");
  assert_error (status, ENTENTE_STORY_ERROR_INVALID, "$.relations[0].status: unknown status “rumour”");
}

static void
test_bad_amounts (void)
{
  const char *cases[][2] = {
    { "{\"value\": -5, \"currency\": \"USD\"}", "$.relations[0].amount.value: must not be negative" },
    { "{\"value\": 1e300, \"currency\": \"USD\"}", "$.relations[0].amount.value: 1e+300 is not a plausible amount" },
    { "{\"value\": \"lots\", \"currency\": \"USD\"}", "$.relations[0].amount.value: expected a number, found a string" },
    { "{\"value\": 5, \"currency\": \"dollars\"}", "$.relations[0].amount.currency: “dollars” is not an ISO 4217" },
    { "{\"value\": 5}", "$.relations[0].amount: missing required member “currency”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *relations = g_strdup_printf (
        "[{\"id\": \"r\", \"from\": \"microsoft\", \"to\": \"openai\", \"kind\": \"k\", \"label\": \"l\","
        " \"status\": \"confirmed\", \"amount\": %s}]", cases[i][0]);
      g_autofree char *text = story_with (NULL, NULL, relations, NULL, NULL);

      assert_error (text, ENTENTE_STORY_ERROR_INVALID, cases[i][1]);
    }
}

static void
test_only_web_links (void)
{
  g_autofree char *text = story_with (
    "[{\"id\": \"src\", \"title\": \"T\", \"publisher\": \"P\", \"date\": \"2023\", \"url\": \"file:///etc/passwd\"}]",
    NULL, NULL, NULL, NULL);

  assert_error (text, ENTENTE_STORY_ERROR_INVALID, "$.sources[0].url: only http:// and https:// links are allowed");
}

static void
test_every_problem_reported (void)
{
  g_autofree char *text = story_with (NULL,
    "[{\"id\": \"a\", \"kind\": \"planet\", \"name\": \"A\"}, {\"id\": \"b\", \"kind\": \"person\"}]",
    "[]", "[]", "[]");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = load_text (text, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (story);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
}

static void
test_unknown_members_ignored (void)
{
  g_autofree char *text = story_with (NULL,
    "[{\"id\": \"microsoft\", \"kind\": \"company\", \"name\": \"M\", \"x-color\": \"red\"},"
    " {\"id\": \"openai\", \"kind\": \"company\", \"name\": \"O\"}]",
    NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = load_text (text, &error);

  g_assert_no_error (error);
}

/* Lists are parsed element by element; a syntax error deep in one is still
 * reported at its place in the whole file. */
static void
test_syntax_error_inside_element (void)
{
  g_autofree char *text = story_with (NULL, NULL,
    "[{\"id\": \"r1\", \"from\": \"microsoft\", \"to\": \"openai\", \"kind\": \"k\", \"label\": \"l\",\n"
    "   \"status\": \"confirmed\", \"amount\": {\"value\": 5 \"currency\": \"USD\"}}]",
    NULL, NULL);

  /* The relations' second line is the file's fifth; the missing comma is
   * found at the next member's name. */
  assert_error (text, ENTENTE_STORY_ERROR_SYNTAX, "case.entente.json:5:49: expected “,” or “}”, found “\"currency\"”");
}

/* A top level the outline scanner does not take (an escaped key) is read
 * whole, with the same result. */
static void
test_unusual_top_level (void)
{
  g_autofree char *plain = story_with (NULL, NULL, NULL, NULL, NULL);
  g_autofree char *unusual = g_strconcat ("{\"x\\u0041\": 1, ", plain + 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = load_text (unusual, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entente_story_get_n_entities (story), ==, 2);
  g_assert_cmpuint (entente_story_get_n_relations (story), ==, 1);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/story.entente.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_from_file (file, NULL, &error);

  g_assert_null (story);
  g_assert_error (error, ENTENTE_STORY_ERROR, ENTENTE_STORY_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "/nonexistent/story.entente.json: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/loader/minimal-valid", test_minimal_valid);
  g_test_add_func ("/story/loader/bundled", test_bundled);
  g_test_add_func ("/story/loader/text-fallback", test_text_fallback);
  g_test_add_func ("/story/loader/syntax-error", test_syntax_error);
  g_test_add_func ("/story/loader/empty-and-not-utf8", test_empty_and_not_utf8);
  g_test_add_func ("/story/loader/bom-accepted", test_bom_accepted);
  g_test_add_func ("/story/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/story/loader/not-an-object", test_not_an_object);
  g_test_add_func ("/story/loader/version", test_version);
  g_test_add_func ("/story/loader/missing-member", test_missing_member);
  g_test_add_func ("/story/loader/wrong-type", test_wrong_type);
  g_test_add_func ("/story/loader/dangling-reference", test_dangling_reference);
  g_test_add_func ("/story/loader/duplicate-id", test_duplicate_id);
  g_test_add_func ("/story/loader/bad-dates", test_bad_dates);
  g_test_add_func ("/story/loader/end-before-start", test_end_before_start);
  g_test_add_func ("/story/loader/unknown-kind-and-status", test_unknown_kind_and_status);
  g_test_add_func ("/story/loader/bad-amounts", test_bad_amounts);
  g_test_add_func ("/story/loader/only-web-links", test_only_web_links);
  g_test_add_func ("/story/loader/every-problem-reported", test_every_problem_reported);
  g_test_add_func ("/story/loader/unknown-members-ignored", test_unknown_members_ignored);
  g_test_add_func ("/story/loader/syntax-error-inside-element", test_syntax_error_inside_element);
  g_test_add_func ("/story/loader/unusual-top-level", test_unusual_top_level);
  g_test_add_func ("/story/loader/missing-file", test_missing_file);

  return g_test_run ();
}
