/* test-json-reader.c — the fast JSON reader builds json-glib's tree, or
 * leaves the text to json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "json-compare.h"
#include "story/entente-json-reader.h"

static JsonNode *
read_with_json_glib (const char *text,
                     gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, (gssize) len, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

/* Whenever the reader reads @text, json-glib reads the same tree. */
static gboolean
read_as_json_glib_does (const char *text,
                        gsize       len)
{
  g_autoptr(JsonNode) fast = entente_json_read (text, len);
  g_autoptr(JsonNode) reference = NULL;
  g_autofree char *difference = NULL;

  if (fast == NULL)
    return FALSE;
  reference = read_with_json_glib (text, len);
  if (reference == NULL)
    g_error ("json-glib rejects what the reader read: %.*s", (int) MIN (len, 200), text);
  difference = json_tree_difference (fast, reference);
  if (difference != NULL)
    g_error ("%.*s — the reader and json-glib differ at %s", (int) MIN (len, 200), text, difference);
  return TRUE;
}

static void
test_plain_json (void)
{
  const char *texts[] = {
    "{}", "[]", "  {  }  ", "\t[\n]\r\n", "0", "-0", "17", "-17", "\"\"", "true", "false", "null",
    "123456789012345678", "-123456789012345678",
    "0.5", "-0.0", "1e5", "1E+5", "2.5e-3", "-1.25E2", "3.141592653589793", "1e308", "4.9e-324",
    "0.1000000000000000055511151231257827",
    "\"plain text\"", "\"Nadella — Microsoft’s CEO, «Davos» 😀\"",
    "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u00e9\\u00C9 \\u20ac \\ud83d\\ude00\"",
    "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}",
    "[[[[]]], {}, [{}], {\"x\": []}]",
    "{\"same\": 1, \"other\": 2, \"same\": \"again\"}",
    "{\"id\":\"x\",\"name\":{\"en\":\"A\",\"fr\":\"À\"},\"kind\":\"person\",\"since\":\"2015-12-11\"}",
    "[1,2.0,-3,4e0, \"5\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!read_as_json_glib_does (texts[i], strlen (texts[i])))
      g_error ("the reader left plain JSON to json-glib: %s", texts[i]);
}

/* What json-glib reads its own way, or rejects with its own message. */
static void
test_left_to_json_glib (void)
{
  const char *texts[] = {
    "", "   ", "{", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a: 1}", "{'a': 1}", "'text'",
    "/* comment */ 1", "// comment\n1", "[1] // end", "0x1F", "010", "00", "+1", ".5", "1.", "1e", "- 5",
    "1234567890123456789", "-1234567890123456789", "True", "nul", "truex", "[1]x", "1 2", "{} {}",
    "{\"\": 1}", "\"\\u0000\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\x41\"", "\"\\u12\"",
    "\"tab\there\"", "\"line\nbreak\"", "\"unterminated", "[\"a\" \"b\"]", "\xEF\xBB\xBF{}", "\xC3\x28", "\"caf\xC3\"",
    "[\"\xE9t\xE9\"]", "{\"\xFF\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) node = entente_json_read (texts[i], strlen (texts[i]));

      if (node != NULL)
        g_error ("the reader read what json-glib reads its own way: %s", texts[i]);
    }
}

static void
test_nesting_limit (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(JsonNode) too_deep = NULL;

  for (guint i = 0; i < ENTENTE_JSON_READER_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < ENTENTE_JSON_READER_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_assert_true (read_as_json_glib_does (deep->str, deep->len));

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  too_deep = entente_json_read (deep->str, deep->len);
  g_assert_null (too_deep);
}

/* Every story file the tests and the app ship: the bundled story must take
 * the fast way, and whatever the reader reads must be json-glib's tree. */
static void
test_story_files (void)
{
  const char *folders[] = { "bad", "../data" };
  guint read = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *contents = NULL;
          gsize len;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
          if (read_as_json_glib_does (contents, len))
            read++;
          else
            g_assert_cmpstr (name, !=, "microsoft-openai.entente.json");
        }
    }
  /* Most of the bad stories are plain JSON with mistakes in their content. */
  g_assert_cmpuint (read, >=, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/plain-json", test_plain_json);
  g_test_add_func ("/json-reader/left-to-json-glib", test_left_to_json_glib);
  g_test_add_func ("/json-reader/nesting-limit", test_nesting_limit);
  g_test_add_func ("/json-reader/story-files", test_story_files);

  return g_test_run ();
}
