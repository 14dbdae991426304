/* story-test-helpers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include "story/entente-story-loader.h"

EntenteStory *
test_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  EntenteStory *story = entente_story_load_bundled (&error);

  g_assert_no_error (error);
  return story;
}

/* The first day of an ISO date of any precision. */
guint32
test_day_of (const char *iso)
{
  EntenteDate date;

  g_assert_true (entente_date_parse (iso, &date, NULL));
  return entente_date_first_day (&date);
}
