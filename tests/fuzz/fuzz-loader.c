/* fuzz-loader.c — libFuzzer target for the story loader
 *
 * Every input must either load or fail with an error that names the file;
 * sanitizers catch the rest. A loaded story is also laid out and filtered
 * by time, since those walk the references the loader resolved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "graph/entente-layout.h"
#include "story/entente-story-loader.h"
#include "story/entente-time-filter.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_from_bytes (bytes, "fuzz.entente.json", &error);
  guint32 first = 0, last = 0;

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
