/* story-test-helpers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* A @side × @side grid as a story's JSON: node r*side+c is row r,
 * column c, and hop distances are Manhattan distances. */
char *
test_grid_json (guint side)
{
  GString *json = g_string_new ("{\"entente\": 1, \"id\": \"grid\", \"title\": \"Grid\", "
                                "\"summary\": \"S\", \"language\": \"en\", \"sources\": [], "
                                "\"quotes\": [], \"events\": [], \"entities\": [");
  guint relation = 0;

  for (guint i = 0; i < side * side; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"kind\": \"company\", \"name\": \"N%u\"}",
                            i ? ", " : "", i, i);
  g_string_append (json, "], \"relations\": [");
  for (guint i = 0; i < side * side; i++)
    {
      if (i % side + 1 < side)
        g_string_append_printf (json, "%s{\"id\": \"r%u\", \"from\": \"n%u\", \"to\": \"n%u\", \"kind\": \"link\", \"label\": \"links\", \"status\": \"confirmed\"}",
                                relation ? ", " : "", relation, i, i + 1), relation++;
      if (i + side < side * side)
        g_string_append_printf (json, "%s{\"id\": \"r%u\", \"from\": \"n%u\", \"to\": \"n%u\", \"kind\": \"link\", \"label\": \"links\", \"status\": \"confirmed\"}",
                                relation ? ", " : "", relation, i, i + side), relation++;
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

EntenteStory *
test_load_grid (guint side)
{
  g_autofree char *json = test_grid_json (side);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  EntenteStory *story = entente_story_load_from_bytes (bytes, "grid.entente.json", &error);

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

static double
grid_hops (guint side,
           guint i,
           guint j)
{
  return abs ((int) (i % side) - (int) (j % side)) + abs ((int) (i / side) - (int) (j / side));
}

/* Normalised stress of positions of a side × side grid (node r * side + c
 * is row r, column c, so hop distances are Manhattan distances), at the
 * uniform scale that fits them best: 0 for a grid drawn flat. */
double
test_grid_stress (guint         side,
                  const double *x,
                  const double *y)
{
  double num = 0, den = 0, scale, stress = 0;
  guint n = side * side, pairs = 0;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double d = hypot (x[i] - x[j], y[i] - y[j]), hops = grid_hops (side, i, j);

        num += d / hops;
        den += d * d / (hops * hops);
      }
  scale = num / den;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++, pairs++)
      {
        double d = hypot (x[i] - x[j], y[i] - y[j]), hops = grid_hops (side, i, j);

        stress += pow ((scale * d - hops) / hops, 2);
      }

  return stress / pairs;
}
