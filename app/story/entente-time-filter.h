/* entente-time-filter.h — what the story looks like as of a given day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-story.h"

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_PRESENCE_NOT_BEGUN,
  ENTENTE_PRESENCE_ACTIVE,
  ENTENTE_PRESENCE_ENDED,
} EntentePresence;

typedef enum
{
  ENTENTE_TIME_MODE_AS_OF, /* only what had begun by the day */
  ENTENTE_TIME_MODE_ALL,   /* the whole story; the day only marks what ended */
} EntenteTimeMode;

typedef struct
{
  guint32  day;
  guint    n_entities;
  guint    n_relations;
  guint8  *entities;  /* EntentePresence, one per entity */
  guint8  *relations; /* EntentePresence, one per relation */
  guint    n_shown_entities;
  guint    n_shown_relations;
  guint    first_event; /* the events of the day: [first_event, first_event + n_events) */
  guint    n_events;
} EntenteTimeView;

EntentePresence  entente_time_presence        (const EntenteDate *start,
                                               const EntenteDate *end,
                                               guint32            day);
void             entente_time_derive_appearances (EntenteStory *story);
void             entente_time_view_init       (EntenteTimeView   *view);
void             entente_time_view_clear      (EntenteTimeView   *view);
void             entente_time_view_copy       (EntenteTimeView       *dest,
                                               const EntenteTimeView *src);
void             entente_time_view_compute    (EntenteTimeView   *view,
                                               EntenteStory      *story,
                                               guint32            day,
                                               EntenteTimeMode    mode);
void             entente_time_view_hide_kinds (EntenteTimeView   *view,
                                               EntenteStory      *story,
                                               guint              hidden_kinds);
gboolean         entente_time_view_shows_entity   (const EntenteTimeView *view,
                                                   guint                  entity);
gboolean         entente_time_view_shows_relation (const EntenteTimeView *view,
                                                   guint                  relation);
guint32          entente_time_snap_to_event   (EntenteStory      *story,
                                               guint32            day,
                                               guint32            tolerance);
void             entente_time_events_at       (EntenteStory      *story,
                                               guint32            day,
                                               guint             *first,
                                               guint             *n);
gboolean         entente_time_next_event_day  (EntenteStory      *story,
                                               guint32            day,
                                               guint32           *next);
gboolean         entente_time_previous_event_day (EntenteStory   *story,
                                                  guint32         day,
                                                  guint32        *previous);
char            *entente_time_label           (EntenteStory      *story,
                                               guint32            day);

G_END_DECLS
