/* entente-timeline-track.h — the timeline's axis: years, events, the date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "story/entente-story.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_TIMELINE_TRACK (entente_timeline_track_get_type ())

G_DECLARE_FINAL_TYPE (EntenteTimelineTrack, entente_timeline_track, ENTENTE, TIMELINE_TRACK, GtkWidget)

/* Maps days to x: the scale below decides where its ends are. */
typedef void (*EntenteTrackMapping) (gpointer user_data,
                                     double  *x_first,
                                     double  *x_last);

void    entente_timeline_track_set_story   (EntenteTimelineTrack *self,
                                            EntenteStory         *story,
                                            guint32               first_day,
                                            guint32               last_day);
void    entente_timeline_track_set_day     (EntenteTimelineTrack *self,
                                            guint32               day);
void    entente_timeline_track_set_mapping (EntenteTimelineTrack *self,
                                            EntenteTrackMapping   mapping,
                                            gpointer              user_data);
double  entente_timeline_track_day_to_x    (EntenteTimelineTrack *self,
                                            guint32               day);
guint32 entente_timeline_track_x_to_day    (EntenteTimelineTrack *self,
                                            double                x);
int     entente_timeline_track_event_at    (EntenteTimelineTrack *self,
                                            double                x,
                                            double                slack);

G_END_DECLS
