/* entente-story-panel.h — the quotes and details behind every link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "story/entente-reading-state.h"
#include "story/entente-story.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_STORY_PANEL (entente_story_panel_get_type ())

G_DECLARE_FINAL_TYPE (EntenteStoryPanel, entente_story_panel, ENTENTE, STORY_PANEL, GtkWidget)

GtkWidget *entente_story_panel_new                 (void);
void        entente_story_panel_set_reading_state (EntenteStoryPanel   *self,
                                                   EntenteReadingState *state);
void       entente_story_panel_set_story           (EntenteStoryPanel *self,
                                                    EntenteStory      *story);
void       entente_story_panel_set_selected_entity (EntenteStoryPanel *self,
                                                    int                entity);
int        entente_story_panel_get_selected_entity (EntenteStoryPanel *self);
void       entente_story_panel_set_selected_relation (EntenteStoryPanel *self,
                                                      int                relation);
int        entente_story_panel_get_selected_relation (EntenteStoryPanel *self);
char      *entente_story_panel_dup_text            (EntenteStoryPanel *self);

G_END_DECLS
