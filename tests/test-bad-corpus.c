/* test-bad-corpus.c — every malformed story under tests/bad gives its
 * expected message, naming the file and the place, and never crashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story/entente-story-loader.h"

static void
assert_rejected_with (GBytes     *bytes,
                      const char *name,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_from_bytes (bytes, name, &error);

  g_assert_null (story);
  g_assert_error (error, ENTENTE_STORY_ERROR, error->code);
  g_assert_true (g_str_has_prefix (error->message, name));
  if (strstr (error->message, expected) == NULL)
    g_error ("%s: expected “%s” in:\n%s", name, expected, error->message);
}

static void
test_case (gconstpointer data)
{
  const char *path = data;
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".entente.json"));
  g_autofree char *expected_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  expected_path = g_strconcat (stem, ".expected", NULL);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_strchomp (expected);

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  assert_rejected_with (bytes, name, expected);
}

static void
test_very_long_string (void)
{
  g_autoptr(GString) text = g_string_new ("{\"entente\": 1, \"id\": \"");

  for (guint i = 0; i < 3 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}");
  {
    g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&text));
    assert_rejected_with (bytes, "long.entente.json", "$.id: the text is 3072 KiB long; the limit is 1024 KiB");
  }
}

static void
test_huge_array (void)
{
  g_autoptr(GString) text = g_string_new ("{\"entente\": 1, \"entities\": [0");

  for (guint i = 0; i < ENTENTE_STORY_MAX_ITEMS; i++)
    g_string_append (text, ",0");
  g_string_append (text, "]}");
  {
    g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&text));
    assert_rejected_with (bytes, "huge.entente.json", "$.entities: holds 1000001 items; the limit is 1000000");
  }
}

static void
test_too_large_file (void)
{
  /* Only the size is looked at, so the bytes need not be real. */
  gsize size = (gsize) ENTENTE_STORY_MAX_FILE_SIZE + 1;
  guint8 *data = g_malloc0 (size);
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, size);

  assert_rejected_with (bytes, "big.entente.json", "story files are limited to 256 MiB");
}

/* A quote inside a comment or a single-quoted string once hid every bracket
 * after it from the depth check, and 100,000 levels overflowed the stack. */
static void
test_nesting_hidden_behind_quotes (void)
{
  const struct { const char *opening; const char *expected; } cases[] = {
    { "{\"entente\": 1, /* \" */ \"x\": ", "hidden.entente.json:1:16: comments are not allowed in strict JSON" },
    { "{\"entente\": 1, \"x\": '\"', \"y\": ", "hidden.entente.json:1:21: strings take double quotes" },
    { "{\"entente\": 1, \"x\": ", "hidden.entente.json:1:208: nested more than 64 levels deep" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) text = g_string_new (cases[c].opening);
      g_autoptr(GBytes) bytes = NULL;

      for (guint i = 0; i < 100000; i++)
        g_string_append (text, "[{\"a\":");
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));
      assert_rejected_with (bytes, "hidden.entente.json", cases[c].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *corpus_dir = NULL;
  const char *name;
  const char *corpus;

  g_test_init (&argc, &argv, NULL);

  /* g_test_get_filename() only works inside a test case. */
  g_assert_nonnull (g_getenv ("G_TEST_SRCDIR"));
  corpus_dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "bad", NULL);
  corpus = corpus_dir;
  dir = g_dir_open (corpus, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".entente.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 40);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/story/bad-corpus/%.*s", (int) (strlen (file) - strlen (".entente.json")), file);
      g_test_add_data_func_full (test_path, g_build_filename (corpus, file, NULL), test_case, g_free);
    }

  g_test_add_func ("/story/bad-corpus/generated/very-long-string", test_very_long_string);
  g_test_add_func ("/story/bad-corpus/generated/huge-array", test_huge_array);
  g_test_add_func ("/story/bad-corpus/generated/too-large-file", test_too_large_file);
  g_test_add_func ("/story/bad-corpus/generated/nesting-hidden-behind-quotes", test_nesting_hidden_behind_quotes);

  return g_test_run ();
}
