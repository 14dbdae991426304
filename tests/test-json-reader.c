/* test-json-reader.c — the strict JSON reader builds json-glib's tree from
 * RFC 8259 JSON and refuses everything else at its line and column
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
  g_autoptr(JsonNode) fast = entente_json_read (text, len, NULL);
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
      g_error ("the reader refused plain JSON: %s", texts[i]);
}

/* Not strict JSON, or not text: each refused with its place and reason. */
static void
test_refused (void)
{
  const struct { const char *text; const char *message; } cases[] = {
    { "", "1:1: expected a value, found the end of the file" },
    { "   ", "1:4: expected a value, found the end of the file" },
    { "{", "1:2: expected a member name in double quotes, found the end of the file" },
    { "[1,]", "1:3: a comma before “]”: JSON allows no trailing comma" },
    { "{\"a\":1,}", "1:7: a comma before “}”: JSON allows no trailing comma" },
    { "[1 2]", "1:4: expected “,” or “]”, found “2”" },
    { "{\"a\" 1}", "1:6: expected “:” after the member name, found “1”" },
    { "{a: 1}", "1:2: expected a member name in double quotes, found “a”" },
    { "{'a': 1}", "1:2: expected a member name in double quotes, found “'a'”" },
    { "'text'", "1:1: strings take double quotes (\"), not single ones" },
    { "/* comment */ 1", "1:1: comments are not allowed in strict JSON" },
    { "// comment\n1", "1:1: comments are not allowed in strict JSON" },
    { "[1] // end", "1:5: comments are not allowed in strict JSON" },
    { "[1 /* x */]", "1:4: comments are not allowed in strict JSON" },
    { "{\"a\": 1 /* \" */}", "1:9: comments are not allowed in strict JSON" },
    { "0x1F", "1:1: “0x1F” is not a JSON number" },
    { "0x10", "1:1: “0x10” is not a JSON number" },
    { "010", "1:1: a number may not begin with 0 followed by more digits" },
    { "0001", "1:1: a number may not begin with 0 followed by more digits" },
    { "00", "1:1: a number may not begin with 0 followed by more digits" },
    { "+1", "1:1: expected a value, found “+1”" },
    { ".5", "1:1: a number needs a digit before its decimal point" },
    { "-.5", "1:1: a number needs a digit before its decimal point" },
    { "1.", "1:1: a number needs a digit after its decimal point" },
    { "1e", "1:1: a number needs digits in its exponent" },
    { "- 5", "1:2: expected a digit, found a space" },
    { "True", "1:1: expected a value, found “True”" },
    { "nul", "1:1: expected a value, found “nul”" },
    { "truex", "1:1: expected a value, found “truex”" },
    { "NaN", "1:1: expected a value, found “NaN”" },
    { "[1]x", "1:4: more text after the end of the JSON value" },
    { "1 2", "1:3: more text after the end of the JSON value" },
    { "{} {}", "1:4: more text after the end of the JSON value" },
    { "\"\\u0000\"", "1:2: the NUL character (\\u0000) is not allowed in a text" },
    { "\"2023\\u0000\"", "1:6: the NUL character" },
    { "\"\\ud83d\"", "1:2: “\\uD83D” is half of a surrogate pair without its other half" },
    { "\"\\ude00\"", "1:2: “\\uDE00” is half of a surrogate pair" },
    { "\"\\ud83d\\u0041\"", "1:2: “\\uD83D” is half of a surrogate pair" },
    { "\"\\x41\"", "1:2: “\\x41” is not an escape sequence of JSON" },
    { "\"\\u12\"", "1:2: “\\u” must be followed by four hexadecimal digits" },
    { "\"tab\there\"", "1:5: the control character U+0009 must be written as an escape" },
    { "\"line\nbreak\"", "1:6: the control character U+000A" },
    { "\"unterminated", "1:1: this string is never closed" },
    { "[\"a\" \"b\"]", "1:6: expected “,” or “]”, found “\"b\"”" },
    { "\xEF\xBB\xBF{}", "1:1: expected a value, found" },
    { "\"caf\xC3\"", "1:1: this string is not valid UTF-8" },
    { "{\"a\":\n  [1,\n   2,,]}", "3:6: expected a value, found “,”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = entente_json_read (cases[i].text, strlen (cases[i].text), &error);

      if (node != NULL)
        g_error ("the reader read what is not strict JSON: %s", cases[i].text);
      g_assert_error (error, ENTENTE_JSON_ERROR, ENTENTE_JSON_ERROR_SYNTAX);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("%s: expected “%s”, got “%s”", cases[i].text, cases[i].message, error->message);
    }
}

/* Integers past 64 bits keep their size and sign as doubles, for the range
 * checks to see; an empty member name is strict JSON. */
static void
test_long_numbers (void)
{
  g_autoptr(JsonNode) big = entente_json_read ("-99999999999999999999", 21, NULL);
  g_autoptr(JsonNode) longest_int = entente_json_read ("-123456789012345678", 19, NULL);
  g_autoptr(JsonNode) empty_name = entente_json_read ("{\"\": 1}", 7, NULL);

  g_assert_cmpint (json_node_get_value_type (big), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (big), ==, -1e20);
  g_assert_cmpint (json_node_get_value_type (longest_int), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (longest_int), ==, -123456789012345678);
  g_assert_true (json_object_has_member (json_node_get_object (empty_name), ""));
}

/* The limit holds whatever else the text holds: no string or comment can
 * hide brackets from it, and 100,000 levels fail at the 65th. */
static void
test_nesting_limit (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) hostile = g_string_new ("[\"\\\"\", ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) hostile_error = NULL;
  g_autoptr(JsonNode) too_deep = NULL;
  g_autoptr(JsonNode) hostile_node = NULL;

  for (guint i = 0; i < ENTENTE_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < ENTENTE_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_assert_true (read_as_json_glib_does (deep->str, deep->len));

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  too_deep = entente_json_read (deep->str, deep->len, &error);
  g_assert_null (too_deep);
  g_assert_error (error, ENTENTE_JSON_ERROR, ENTENTE_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "1:65: nested more than 64 levels deep");

  for (guint i = 0; i < 100000; i++)
    g_string_append (hostile, "{\"a\":[");
  hostile_node = entente_json_read (hostile->str, hostile->len, &hostile_error);
  g_assert_null (hostile_node);
  g_assert_error (hostile_error, ENTENTE_JSON_ERROR, ENTENTE_JSON_ERROR_DEPTH);
}

/* A piece of a document is placed in the whole document, at its depth. */
static void
test_range (void)
{
  const char *document = "{\"list\": [\n  {\"a\": [[1]]},\n  {\"b\": 01}\n]}";
  const char *second = strstr (document, "{\"b");
  const char *first = strstr (document, "{\"a");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) near_limit = NULL;

  node = entente_json_read_range (document, second - document, strlen (document) - 2, 2, &error);
  g_assert_null (node);
  g_assert_cmpstr (error->message, ==, "3:9: a number may not begin with 0 followed by more digits");
  g_clear_error (&error);

  near_limit = entente_json_read_range (document, first - document, second - document - 4,
                                        ENTENTE_JSON_MAX_DEPTH - 2, &error);
  g_assert_null (near_limit);
  g_assert_error (error, ENTENTE_JSON_ERROR, ENTENTE_JSON_ERROR_DEPTH);
}

/* Every story file the tests and the app ship: whatever the reader reads
 * must be json-glib's tree, and the bundled story must be read. */
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

          /* json-glib reads these 20-digit integers as gint64 (wrapped);
           * the reader keeps their size (see test_long_numbers). */
          if (!g_str_has_suffix (name, ".json") || strstr (name, "-20-digits-") != NULL)
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
  g_test_add_func ("/json-reader/refused", test_refused);
  g_test_add_func ("/json-reader/long-numbers", test_long_numbers);
  g_test_add_func ("/json-reader/nesting-limit", test_nesting_limit);
  g_test_add_func ("/json-reader/range", test_range);
  g_test_add_func ("/json-reader/story-files", test_story_files);

  return g_test_run ();
}
