/* entente-panel-cards.h — what the story panel shows, built as widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "story/entente-story.h"

G_BEGIN_DECLS

typedef struct
{
  GtkBox       *box;
  EntenteStory *story;
  gboolean      quotes_in_original_language;
} EntentePanelContext;

void  entente_panel_add_overview       (const EntentePanelContext *context);
void  entente_panel_add_entity_card    (const EntentePanelContext *context,
                                        guint                      entity);
void  entente_panel_add_relation_card  (const EntentePanelContext *context,
                                        guint                      relation);
char *entente_panel_translated_from    (const char                *language);

G_END_DECLS
