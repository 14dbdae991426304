/* entente-reading-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-story.h"
#include "entente-time-filter.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_TIME_MODE (entente_time_mode_get_type ())

GType entente_time_mode_get_type (void) G_GNUC_CONST;

#define ENTENTE_TYPE_READING_STATE (entente_reading_state_get_type ())

G_DECLARE_FINAL_TYPE (EntenteReadingState, entente_reading_state, ENTENTE, READING_STATE, GObject)

EntenteReadingState   *entente_reading_state_new                   (void);
EntenteStory          *entente_reading_state_get_story             (EntenteReadingState *self);
void                   entente_reading_state_set_story             (EntenteReadingState *self,
                                                                    EntenteStory        *story);
guint32                entente_reading_state_get_day               (EntenteReadingState *self);
void                   entente_reading_state_set_day               (EntenteReadingState *self,
                                                                    guint32              day);
EntenteTimeMode        entente_reading_state_get_time_mode         (EntenteReadingState *self);
void                   entente_reading_state_set_time_mode         (EntenteReadingState *self,
                                                                    EntenteTimeMode      mode);
guint                  entente_reading_state_get_hidden_kinds      (EntenteReadingState *self);
void                   entente_reading_state_set_hidden_kinds      (EntenteReadingState *self,
                                                                    guint                hidden_kinds);
int                    entente_reading_state_get_selected_entity   (EntenteReadingState *self);
void                   entente_reading_state_set_selected_entity   (EntenteReadingState *self,
                                                                    int                  entity);
int                    entente_reading_state_get_selected_relation (EntenteReadingState *self);
void                   entente_reading_state_set_selected_relation (EntenteReadingState *self,
                                                                    int                  relation);
const guint           *entente_reading_state_get_highlighted       (EntenteReadingState *self,
                                                                    guint               *n_entities);
void                   entente_reading_state_set_highlighted       (EntenteReadingState *self,
                                                                    const guint         *entities,
                                                                    guint                n_entities);
const EntenteTimeView *entente_reading_state_get_time_view         (EntenteReadingState *self);
gboolean               entente_reading_state_is_entity_new         (EntenteReadingState *self,
                                                                    guint                entity);
gboolean               entente_reading_state_is_relation_new       (EntenteReadingState *self,
                                                                    guint                relation);
guint                  entente_reading_state_get_n_new_entities    (EntenteReadingState *self);

G_END_DECLS
