/* entente-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "entente-application.h"
#include "entente-entity-list.h"
#include "entente-graph-view.h"
#include "entente-story-panel.h"
#include "entente-timeline.h"
#include "story/entente-document.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_WINDOW (entente_window_get_type ())

G_DECLARE_FINAL_TYPE (EntenteWindow, entente_window, ENTENTE, WINDOW, AdwApplicationWindow)

EntenteWindow     *entente_window_new               (EntenteApplication *application);
EntenteStory      *entente_window_get_story         (EntenteWindow      *self);
EntenteDocument   *entente_window_get_document      (EntenteWindow      *self);
void               entente_window_set_story         (EntenteWindow      *self,
                                                     EntenteStory       *story);
gboolean           entente_window_load_bundled      (EntenteWindow      *self);
void               entente_window_open_file         (EntenteWindow      *self,
                                                     GFile              *file);
void               entente_window_present_when_loaded (EntenteWindow      *self);
const char        *entente_window_get_error_text    (EntenteWindow      *self);
EntenteGraphView  *entente_window_get_graph_view    (EntenteWindow      *self);
EntenteStoryPanel *entente_window_get_story_panel   (EntenteWindow      *self);
EntenteTimeline   *entente_window_get_timeline      (EntenteWindow      *self);
EntenteEntityList *entente_window_get_entity_list   (EntenteWindow      *self);
GMenuModel        *entente_window_get_recent_menu   (EntenteWindow      *self);

G_END_DECLS
