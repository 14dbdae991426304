/* entente-time-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-story-private.h"
#include "entente-time-filter.h"

/* A thing with a partial start date ("2019-07") exists from the first day of
 * that span; one with a partial end ("2018-02") has ended only once the whole
 * span is over. Undated starts mean "since before the story". */
EntentePresence
entente_time_presence (const EntenteDate *start,
                       const EntenteDate *end,
                       guint32            day)
{
  if (ENTENTE_DATE_IS_SET (start) && day < entente_date_first_day (start))
    return ENTENTE_PRESENCE_NOT_BEGUN;
  if (ENTENTE_DATE_IS_SET (end) && day > entente_date_last_day (end))
    return ENTENTE_PRESENCE_ENDED;
  return ENTENTE_PRESENCE_ACTIVE;
}

static void
lower (guint32 *day,
       guint32  candidate)
{
  if (candidate != 0 && (*day == 0 || candidate < *day))
    *day = candidate;
}

/* An entity with no date and no evidence of its own is "free". A free
 * entity takes the earliest appearance among the dated entities tied to
 * its group of free entities (free entities tied to each other, through
 * chains of undated ties): one breadth-first walk of each group, so that a
 * chain of 100,000 entities dated only at its far end costs one pass. */
static void
inherit_from_neighbours (EntenteStory   *story,
                         const guint32  *evidence)
{
  guint n_entities = story->entities->len;
  guint n_relations = story->relations->len;
  g_autofree guint *first = g_new0 (guint, n_entities + 1);
  g_autofree guint *neighbours = g_new (guint, MAX (1, 2 * n_relations));
  g_autofree guint *queue = g_new (guint, MAX (1, n_entities));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (1, n_entities));

#define ENTITY(i) (&g_array_index (story->entities, EntenteEntity, (i)))
#define IS_FREE(i) (!ENTENTE_DATE_IS_SET (&ENTITY (i)->start) && evidence[(i)] == 0)

  /* Neighbour lists, packed: entity i's are first[i] to first[i + 1]. */
  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = &g_array_index (story->relations, EntenteRelation, i);
      first[r->from + 1]++;
      first[r->to + 1]++;
    }
  for (guint i = 0; i < n_entities; i++)
    first[i + 1] += first[i];
  {
    g_autofree guint *fill = g_memdup2 (first, sizeof (guint) * n_entities);

    for (guint i = 0; i < n_relations; i++)
      {
        const EntenteRelation *r = &g_array_index (story->relations, EntenteRelation, i);
        neighbours[fill[r->from]++] = r->to;
        neighbours[fill[r->to]++] = r->from;
      }
  }

  for (guint start = 0; start < n_entities; start++)
    {
      guint head = 0, tail = 0;
      guint32 earliest = 0;

      if (seen[start] || !IS_FREE (start))
        continue;

      seen[start] = TRUE;
      queue[tail++] = start;
      while (head < tail)
        {
          guint e = queue[head++];

          for (guint k = first[e]; k < first[e + 1]; k++)
            {
              guint n = neighbours[k];

              if (!IS_FREE (n))
                {
                  guint32 day = ENTITY (n)->appears_day;

                  if (day != 0 && (earliest == 0 || day < earliest))
                    earliest = day;
                }
              else if (!seen[n])
                {
                  seen[n] = TRUE;
                  queue[tail++] = n;
                }
            }
        }

      for (guint k = 0; k < tail; k++)
        ENTITY (queue[k])->appears_day = earliest;
    }

#undef IS_FREE
#undef ENTITY
}

/* An entity the story gives no start date (DALL-E, Bing…) enters the graph
 * with the first dated relation or event that involves it; failing that,
 * with the first neighbour it is tied to. Without this, undated products
 * would stand in the graph years before the story mentions them. */
void
entente_time_derive_appearances (EntenteStory *story)
{
  guint n_entities = story->entities->len;
  guint n_relations = story->relations->len;
  g_autofree guint32 *evidence = g_new0 (guint32, MAX (1, n_entities));

  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = &g_array_index (story->relations, EntenteRelation, i);

      if (!ENTENTE_DATE_IS_SET (&r->start))
        continue;
      lower (&evidence[r->from], entente_date_first_day (&r->start));
      lower (&evidence[r->to], entente_date_first_day (&r->start));
    }

  for (guint i = 0; i < story->events->len; i++)
    {
      const EntenteEvent *event = &g_array_index (story->events, EntenteEvent, i);

      for (guint k = 0; k < event->entities.n; k++)
        lower (&evidence[event->entities.items[k]], entente_date_first_day (&event->date));
    }

  for (guint i = 0; i < n_entities; i++)
    {
      EntenteEntity *e = &g_array_index (story->entities, EntenteEntity, i);
      e->appears_day = ENTENTE_DATE_IS_SET (&e->start) ? entente_date_first_day (&e->start) : evidence[i];
    }

  inherit_from_neighbours (story, evidence);
}

void
entente_time_view_init (EntenteTimeView *view)
{
  *view = (EntenteTimeView) { 0 };
}

void
entente_time_view_clear (EntenteTimeView *view)
{
  g_clear_pointer (&view->entities, g_free);
  g_clear_pointer (&view->relations, g_free);
  entente_time_view_init (view);
}

/* @dest (initialised) becomes a copy of @src that shares no memory with it. */
void
entente_time_view_copy (EntenteTimeView       *dest,
                        const EntenteTimeView *src)
{
  entente_time_view_clear (dest);
  *dest = *src;
  dest->entities = g_memdup2 (src->entities, src->n_entities);
  dest->relations = g_memdup2 (src->relations, src->n_relations);
}

void
entente_time_view_compute (EntenteTimeView *view,
                           EntenteStory    *story,
                           guint32          day,
                           EntenteTimeMode  mode)
{
  guint n_entities = entente_story_get_n_entities (story);
  guint n_relations = entente_story_get_n_relations (story);

  if (view->n_entities != n_entities)
    view->entities = g_renew (guint8, view->entities, MAX (1, n_entities));
  if (view->n_relations != n_relations)
    view->relations = g_renew (guint8, view->relations, MAX (1, n_relations));

  view->day = day;
  view->n_entities = n_entities;
  view->n_relations = n_relations;
  view->n_shown_entities = 0;
  view->n_shown_relations = 0;

  for (guint i = 0; i < n_entities; i++)
    {
      const EntenteEntity *e = entente_story_get_entity (story, i);
      EntentePresence p = entente_time_presence (&e->start, &e->end, day);

      if (p == ENTENTE_PRESENCE_ACTIVE && !ENTENTE_DATE_IS_SET (&e->start) && day < e->appears_day)
        p = ENTENTE_PRESENCE_NOT_BEGUN;

      if (mode == ENTENTE_TIME_MODE_ALL && p == ENTENTE_PRESENCE_NOT_BEGUN)
        p = ENTENTE_PRESENCE_ACTIVE;
      view->entities[i] = p;
      view->n_shown_entities += p != ENTENTE_PRESENCE_NOT_BEGUN;
    }

  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);
      EntentePresence p = entente_time_presence (&r->start, &r->end, day);

      if (mode == ENTENTE_TIME_MODE_ALL && p == ENTENTE_PRESENCE_NOT_BEGUN)
        p = ENTENTE_PRESENCE_ACTIVE;
      /* A tie cannot be shown before both of its ends exist. */
      if (view->entities[r->from] == ENTENTE_PRESENCE_NOT_BEGUN ||
          view->entities[r->to] == ENTENTE_PRESENCE_NOT_BEGUN)
        p = ENTENTE_PRESENCE_NOT_BEGUN;
      view->relations[i] = p;
      view->n_shown_relations += p != ENTENTE_PRESENCE_NOT_BEGUN;
    }

  entente_time_events_at (story, day, &view->first_event, &view->n_events);
}

/* The events "of the day" are the latest ones that have begun by then:
 * [*first, *first + *n) in the story's (date-sorted) events. */
void
entente_time_events_at (EntenteStory *story,
                        guint32       day,
                        guint        *first,
                        guint        *n)
{
  guint32 latest = 0;

  *first = 0;
  *n = 0;
  for (guint i = 0; i < entente_story_get_n_events (story); i++)
    {
      guint32 start = entente_date_first_day (&entente_story_get_event (story, i)->date);

      if (start > day)
        break;
      if (*n == 0 || start != latest)
        {
          latest = start;
          *first = i;
          *n = 0;
        }
      (*n)++;
    }
}

/* Takes out the entities of the kinds in @hidden_kinds (a bit per
 * EntenteEntityKind), and every relation that touches one. */
void
entente_time_view_hide_kinds (EntenteTimeView *view,
                              EntenteStory    *story,
                              guint            hidden_kinds)
{
  if (hidden_kinds == 0)
    return;

  for (guint i = 0; i < view->n_entities; i++)
    if ((hidden_kinds & (1u << entente_story_get_entity (story, i)->kind)) &&
        view->entities[i] != ENTENTE_PRESENCE_NOT_BEGUN)
      {
        view->entities[i] = ENTENTE_PRESENCE_NOT_BEGUN;
        view->n_shown_entities--;
      }

  for (guint i = 0; i < view->n_relations; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);

      if (view->relations[i] != ENTENTE_PRESENCE_NOT_BEGUN &&
          (view->entities[r->from] == ENTENTE_PRESENCE_NOT_BEGUN || view->entities[r->to] == ENTENTE_PRESENCE_NOT_BEGUN))
        {
          view->relations[i] = ENTENTE_PRESENCE_NOT_BEGUN;
          view->n_shown_relations--;
        }
    }
}

gboolean
entente_time_view_shows_entity (const EntenteTimeView *view,
                                guint                  entity)
{
  return entity < view->n_entities && view->entities[entity] != ENTENTE_PRESENCE_NOT_BEGUN;
}

gboolean
entente_time_view_shows_relation (const EntenteTimeView *view,
                                  guint                  relation)
{
  return relation < view->n_relations && view->relations[relation] != ENTENTE_PRESENCE_NOT_BEGUN;
}

/* Lets a slider dropped near an event land on it, so that its label and the
 * graph show that event exactly. */
guint32
entente_time_snap_to_event (EntenteStory *story,
                            guint32       day,
                            guint32       tolerance)
{
  guint32 best = day;
  guint32 best_distance = tolerance + 1;

  for (guint i = 0; i < entente_story_get_n_events (story); i++)
    {
      guint32 first = entente_date_first_day (&entente_story_get_event (story, i)->date);
      guint32 distance = first > day ? first - day : day - first;

      if (distance < best_distance)
        {
          best = first;
          best_distance = distance;
        }
    }

  return best;
}

/* The first day of the next event strictly after @day; FALSE after the last. */
gboolean
entente_time_next_event_day (EntenteStory *story,
                             guint32       day,
                             guint32      *next)
{
  for (guint i = 0; i < entente_story_get_n_events (story); i++)
    {
      guint32 first = entente_date_first_day (&entente_story_get_event (story, i)->date);

      /* Events are sorted by first day. */
      if (first > day)
        {
          *next = first;
          return TRUE;
        }
    }

  return FALSE;
}

/* The first day of the latest event strictly before @day. */
gboolean
entente_time_previous_event_day (EntenteStory *story,
                                 guint32       day,
                                 guint32      *previous)
{
  for (guint i = entente_story_get_n_events (story); i > 0; i--)
    {
      guint32 first = entente_date_first_day (&entente_story_get_event (story, i - 1)->date);

      if (first < day)
        {
          *previous = first;
          return TRUE;
        }
    }

  return FALSE;
}

/* The label for a slider position: on an event, that event's date at the
 * precision the story gives ("2015", "July 2019"); elsewhere the month, since
 * a day the story never named would be a made-up precision. */
char *
entente_time_label (EntenteStory *story,
                    guint32       day)
{
  const EntenteDate *best = NULL;

  for (guint i = 0; i < entente_story_get_n_events (story); i++)
    {
      const EntenteDate *date = &entente_story_get_event (story, i)->date;

      if (entente_date_first_day (date) == day && (best == NULL || date->precision > best->precision))
        best = date;
    }

  if (best != NULL)
    return entente_date_format (best);

  return entente_date_format_day (day, ENTENTE_DATE_PRECISION_MONTH);
}
