/* entente-time-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

void
entente_time_view_compute (EntenteTimeView *view,
                           EntenteStory    *story,
                           guint32          day,
                           EntenteTimeMode  mode)
{
  guint n_entities = entente_story_get_n_entities (story);
  guint n_relations = entente_story_get_n_relations (story);
  guint n_events = entente_story_get_n_events (story);
  guint32 latest = 0;

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

  /* The events "of the day" are the latest ones that have begun by then. */
  view->first_event = 0;
  view->n_events = 0;
  for (guint i = 0; i < n_events; i++)
    {
      const EntenteEvent *event = entente_story_get_event (story, i);
      guint32 first = entente_date_first_day (&event->date);

      if (first > day)
        break;
      if (view->n_events == 0 || first != latest)
        {
          latest = first;
          view->first_event = i;
          view->n_events = 0;
        }
      view->n_events++;
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
