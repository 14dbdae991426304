/* entente-graph-view.h — the interactive relationship graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "entente-arrangement.h"
#include "graph/entente-layout.h"
#include "graph/entente-viewport.h"
#include "story/entente-reading-state.h"
#include "story/entente-story.h"
#include "story/entente-time-filter.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_GRAPH_VIEW (entente_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (EntenteGraphView, entente_graph_view, ENTENTE, GRAPH_VIEW, GtkWidget)

GtkWidget             *entente_graph_view_new                 (void);
EntenteReadingState   *entente_graph_view_get_reading_state   (EntenteGraphView    *self);
void                   entente_graph_view_set_reading_state   (EntenteGraphView    *self,
                                                               EntenteReadingState *state);
EntenteStory          *entente_graph_view_get_story           (EntenteGraphView *self);
void                   entente_graph_view_set_story           (EntenteGraphView *self,
                                                               EntenteStory     *story);
guint32                entente_graph_view_get_day             (EntenteGraphView *self);
void                   entente_graph_view_set_day             (EntenteGraphView *self,
                                                               guint32           day);
int                    entente_graph_view_get_selected_entity (EntenteGraphView *self);
void                   entente_graph_view_set_selected_entity (EntenteGraphView *self,
                                                               int               entity);
int                    entente_graph_view_get_selected_relation (EntenteGraphView *self);
void                   entente_graph_view_set_selected_relation (EntenteGraphView *self,
                                                                 int               relation);
void                   entente_graph_view_set_highlighted     (EntenteGraphView *self,
                                                               const guint      *entities,
                                                               guint             n_entities);
void                   entente_graph_view_set_time_mode       (EntenteGraphView *self,
                                                               EntenteTimeMode   mode);
guint                  entente_graph_view_get_n_new_entities  (EntenteGraphView *self);
void                   entente_graph_view_set_hidden_kinds    (EntenteGraphView *self,
                                                               guint             hidden_kinds);
void                   entente_graph_view_set_show_new        (EntenteGraphView *self,
                                                               gboolean          show_new);
const EntenteTimeView *entente_graph_view_get_time_view       (EntenteGraphView *self);
const EntenteLayout   *entente_graph_view_get_layout          (EntenteGraphView *self);
void                   entente_graph_view_zoom                (EntenteGraphView *self,
                                                               double            factor);
void                   entente_graph_view_fit                 (EntenteGraphView *self);
double                 entente_graph_view_get_zoom            (EntenteGraphView *self);
const EntenteViewport *entente_graph_view_get_viewport        (EntenteGraphView *self);
guint                  entente_graph_view_get_revision        (EntenteGraphView *self);
gboolean               entente_graph_view_get_layout_settled  (EntenteGraphView *self);
void                   entente_graph_view_rearrange           (EntenteGraphView *self);
void                   entente_graph_view_center_on           (EntenteGraphView *self,
                                                               int               entity);
void                   entente_graph_view_reveal              (EntenteGraphView *self,
                                                               int               entity);
void                   entente_graph_view_fill_arrangement    (EntenteGraphView   *self,
                                                               EntenteArrangement *arrangement);
void                   entente_graph_view_apply_arrangement   (EntenteGraphView         *self,
                                                               const EntenteArrangement *arrangement);
gboolean               entente_graph_view_export              (EntenteGraphView *self,
                                                               const char       *filename,
                                                               const char       *caption,
                                                               GError          **error);

G_END_DECLS
