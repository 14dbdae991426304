/* entente-timeline.h — the slider that replays the story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "story/entente-reading-state.h"
#include "story/entente-story.h"
#include "story/entente-time-filter.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_TIMELINE (entente_timeline_get_type ())

G_DECLARE_FINAL_TYPE (EntenteTimeline, entente_timeline, ENTENTE, TIMELINE, GtkWidget)

GtkWidget  *entente_timeline_new        (void);
void        entente_timeline_set_reading_state (EntenteTimeline     *self,
                                                EntenteReadingState *state);
void        entente_timeline_set_story  (EntenteTimeline *self,
                                         EntenteStory    *story);
guint32     entente_timeline_get_day    (EntenteTimeline *self);
void        entente_timeline_set_day    (EntenteTimeline *self,
                                         guint32          day);
const char *entente_timeline_get_label  (EntenteTimeline *self);
const char *entente_timeline_get_event_title (EntenteTimeline *self);
GtkRange   *entente_timeline_get_range  (EntenteTimeline *self);
EntenteTimeMode entente_timeline_get_mode (EntenteTimeline *self);
void        entente_timeline_set_mode   (EntenteTimeline *self,
                                         EntenteTimeMode  mode);
gboolean    entente_timeline_get_playing (EntenteTimeline *self);
void        entente_timeline_set_playing (EntenteTimeline *self,
                                          gboolean         playing);

G_END_DECLS
