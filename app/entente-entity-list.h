/* entente-entity-list.h — the graph as a list, for keyboards and screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "story/entente-reading-state.h"
#include "story/entente-story.h"
#include "story/entente-time-filter.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_ENTITY_LIST (entente_entity_list_get_type ())

G_DECLARE_FINAL_TYPE (EntenteEntityList, entente_entity_list, ENTENTE, ENTITY_LIST, GtkWidget)

void  entente_entity_list_set_reading_state   (EntenteEntityList     *self,
                                               EntenteReadingState   *state);
void  entente_entity_list_set_story           (EntenteEntityList     *self,
                                               EntenteStory          *story);
void  entente_entity_list_set_time_view       (EntenteEntityList     *self,
                                               const EntenteTimeView *time_view);
void  entente_entity_list_set_selected_entity (EntenteEntityList     *self,
                                               int                    entity);
guint entente_entity_list_get_n_shown         (EntenteEntityList     *self);

G_END_DECLS
