/* entente-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-error-banner.h"
#include "entente-find-bar.h"
#include "entente-window.h"
#include "story/entente-document.h"
#include "story/entente-reading-state.h"

G_BEGIN_DECLS

struct _EntenteWindow
{
  AdwApplicationWindow  parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  EntenteErrorBanner   *error_banner; /* made on first use */
  GtkPaned             *paned;
  AdwToastOverlay      *toast_overlay;
  EntenteFindBar       *find_bar; /* made on first use */
  EntenteGraphView     *graph_view;
  EntenteStoryPanel    *story_panel;
  EntenteEntityList    *entity_list;
  GtkWidget            *sidebar;
  EntenteTimeline      *timeline;

  EntenteStory         *story;
  EntenteDocument      *document;      /* the story, its file, its edits */
  EntenteReadingState  *reading_state; /* every view follows it */
  GCancellable         *loading;
  guint                 present_source; /* showing the window once its story is in */
  guint                 save_source;

  GSettings            *settings;
  GMenu                *recent_section;
  GMenuModel           *primary_menu;
  GtkMenuButton        *menu_button;
  GtkWidget            *open_button;
  GtkRecentManager     *recent_manager;
};


/* entente-window-files.c */
void        _entente_window_files_class_init    (GtkWidgetClass  *widget_class);
void        _entente_window_files_init          (EntenteWindow   *self);
GtkBox     *_entente_window_content_box         (EntenteWindow   *self);
void        _entente_window_show_error          (EntenteWindow   *self,
                                                 const char      *title,
                                                 const char      *message);
void        _entente_window_hide_error          (EntenteWindow   *self);
gboolean    _entente_window_save_arrangement    (EntenteWindow   *self);
void        _entente_window_schedule_save       (EntenteWindow   *self);
void        _entente_window_restore_arrangement (EntenteWindow   *self);
void        _entente_window_update_recent_menu  (EntenteWindow   *self);
void        _entente_window_watch_recent_files  (EntenteWindow   *self);

/* entente-window-actions.c */
void        _entente_window_actions_class_init  (GtkWidgetClass  *widget_class);
void        _entente_window_actions_init        (EntenteWindow   *self);

G_END_DECLS
