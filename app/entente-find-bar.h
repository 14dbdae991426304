/* entente-find-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "story/entente-story.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_FIND_BAR (entente_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (EntenteFindBar, entente_find_bar, ENTENTE, FIND_BAR, GtkWidget)

GtkWidget *entente_find_bar_new       (void);
void       entente_find_bar_set_story (EntenteFindBar *self,
                                       EntenteStory   *story);
void       entente_find_bar_open      (EntenteFindBar *self);

G_END_DECLS
