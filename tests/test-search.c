/* test-search.c — finding entities by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include "story/entente-search.h"
#include "story/entente-story-loader.h"

static void
test_fold (void)
{
  g_autofree char *a = entente_search_fold ("Forum Économique Mondial");
  g_autofree char *b = entente_search_fold ("DALL·E");

  g_assert_cmpstr (a, ==, "forum economique mondial");
  g_assert_cmpstr (b, ==, "dall·e");
}

static void
test_score (void)
{
  g_assert_cmpint (entente_search_score ("nadela", "satya nadella"), >=, 0);
  g_assert_cmpint (entente_search_score ("xyz", "satya nadella"), ==, -1);
  /* A word start beats a substring, which beats scattered letters. */
  g_assert_cmpint (entente_search_score ("open", "openai"), >, entente_search_score ("pen", "openai"));
  g_assert_cmpint (entente_search_score ("pen", "openai"), >, entente_search_score ("oai", "openai"));
  g_assert_cmpint (entente_search_score ("", "openai"), ==, -1);
}

static void
assert_first (EntenteStory *story,
              const char   *query,
              const char   *expected_id)
{
  g_autoptr(GArray) found = entente_search_entities (story, query, 8);

  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpstr (entente_story_get_entity (story, g_array_index (found, guint, 0))->id, ==, expected_id);
}

static void
test_bundled (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) many = NULL;

  assert_first (story, "nadela", "satya-nadella");
  assert_first (story, "NADELLA", "satya-nadella");
  assert_first (story, "musk", "elon-musk");
  assert_first (story, "zarémba", "wojciech-zaremba");
  assert_first (story, "chat", "chatgpt");

  none = entente_search_entities (story, "qqqq", 8);
  g_assert_cmpuint (none->len, ==, 0);

  /* "o" is in most names: the list is cut at the limit. */
  many = entente_search_entities (story, "o", 5);
  g_assert_cmpuint (many->len, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/search/fold", test_fold);
  g_test_add_func ("/story/search/score", test_score);
  g_test_add_func ("/story/search/bundled", test_bundled);

  return g_test_run ();
}
