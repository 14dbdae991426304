/* entente-search.c
 *
 * Names are compared without case or accents ("Zaremba" = "zarémba"), and
 * a query matches when its letters appear in order in the name, so a
 * dropped letter still finds it ("nadela" → Nadella). Whole-word prefixes
 * rank first, then substrings, then letters in order with fewest gaps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-search.h"

/* Lower case, accents off, in NFKD so that "é" is "e" plus a mark. */
char *
entente_search_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) out = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Higher is better; -1 for no match. Both strings already folded. */
int
entente_search_score (const char *query,
                      const char *name)
{
  const char *found;
  const char *q = query;
  int gaps = 0;
  gboolean started = FALSE;

  if (*query == '\0')
    return -1;

  if ((found = strstr (name, query)))
    {
      gboolean word_start = found == name || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found)));
      return (word_start ? 3000 : 2000) - (int) MIN (strlen (name), 999);
    }

  /* Letters in order, fewer gaps better. */
  for (const char *p = name; *p && *q; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == g_utf8_get_char (q))
        {
          q = g_utf8_next_char (q);
          started = TRUE;
        }
      else if (started)
        gaps++;
    }

  if (*q != '\0')
    return -1;
  return MAX (0, 1000 - 10 * gaps - (int) MIN (strlen (name), 99));
}

typedef struct
{
  guint entity;
  int   score;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;
  return ma->entity < mb->entity ? -1 : ma->entity > mb->entity;
}

/* The best @limit entities for @query, best first, as guint indices. */
GArray *
entente_search_entities (EntenteStory *story,
                         const char   *query,
                         guint         limit)
{
  g_autofree char *folded_query = entente_search_fold (query);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  g_strstrip (folded_query);
  for (guint i = 0; i < entente_story_get_n_entities (story); i++)
    {
      g_autofree char *name = entente_search_fold (entente_text_get (&entente_story_get_entity (story, i)->name));
      int score = entente_search_score (folded_query, name);

      if (score >= 0)
        g_array_append_val (matches, ((Match) { i, score }));
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < MIN (matches->len, limit); i++)
    g_array_append_val (result, g_array_index (matches, Match, i).entity);

  return result;
}
