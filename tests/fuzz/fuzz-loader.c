/* fuzz-loader.c — libFuzzer target for the story loader
 *
 * Every input must either load or fail with an error that names the file;
 * sanitizers catch the rest, and criticals are made fatal. A loaded story is also laid out and filtered
 * by time, since those walk the references the loader resolved. Whatever
 * the strict JSON reader reads, json-glib must read as the same tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "../json-compare.h"
#include "fuzz-warnings.h"
#include "graph/entente-layout.h"
#include "story/entente-json-reader.h"
#include "story/entente-story-loader.h"
#include "story/entente-time-filter.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_crash_on_warnings ();
  return 0;
}

/* json-glib wraps integers of 19 digits or more into 64 bits; the reader
 * keeps their size as doubles. */
static gboolean
has_long_integer (const uint8_t *data,
                  size_t         size)
{
  size_t run = 0;

  for (size_t i = 0; i < size; i++)
    {
      run = g_ascii_isdigit (data[i]) ? run + 1 : 0;
      if (run > 18)
        return TRUE;
    }
  return FALSE;
}

static void
check_json_reader (const uint8_t *data,
                   size_t         size)
{
  g_autoptr(JsonNode) fast = entente_json_read ((const char *) data, size, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *difference = NULL;

  if (fast == NULL || has_long_integer (data, size))
    return;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL))
    g_error ("json-glib rejects what the strict reader read");
  difference = json_tree_difference (fast, json_parser_get_root (parser));
  if (difference != NULL)
    g_error ("the strict reader and json-glib differ at %s", difference);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_from_bytes (bytes, "fuzz.entente.json", &error);
  guint32 first = 0, last = 0;

  check_json_reader (data, size);
  if (story == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.entente.json"));
      return 0;
    }

  g_assert_no_error (error);

  if (entente_story_get_n_entities (story) <= 200)
    {
      g_autoptr(EntenteLayout) layout = entente_layout_new (story, 1);
      EntenteTimeView view;

      /* Small ones all the way, through the stress sweeps and settling. */
      if (entente_story_get_n_entities (story) <= 30)
        entente_layout_run (layout);
      else
        for (guint i = 0; i < 5; i++)
          entente_layout_step (layout);

      entente_time_view_init (&view);
      if (entente_story_get_date_range (story, &first, &last))
        {
          entente_time_view_compute (&view, story, first, ENTENTE_TIME_MODE_AS_OF);
          entente_time_view_compute (&view, story, last, ENTENTE_TIME_MODE_ALL);
        }
      entente_time_view_clear (&view);
    }

  return 0;
}
