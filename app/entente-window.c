/* entente-window.c
 *
 * The window owns the story and the selection; the graph, the panel and the
 * timeline only show them, and ask for changes through window actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-settings.h"
#include "entente-tooltip.h"
#include "entente-window.h"
#include "graph/entente-export.h"
#include "story/entente-document.h"
#include "story/entente-file-reading.h"
#include "story/entente-search.h"
#include "story/entente-story-loader.h"

struct _EntenteWindow
{
  GtkApplicationWindow  parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkRevealer          *error_revealer; /* these three made on first use */
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkPaned             *paned;
  GtkSearchBar         *search_bar; /* these three made on first use */
  guint                 hide_search_source;
  GtkSearchEntry       *search_entry;
  GtkBox               *search_results;
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

G_DEFINE_FINAL_TYPE (EntenteWindow, entente_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The banner stays out of the widget tree's measuring while it is not
 * shown: its monospace text would load a font face before the first frame. */
static void
on_error_child_revealed (GtkRevealer   *revealer,
                         GParamSpec    *pspec,
                         EntenteWindow *self)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
on_close_error_clicked (GtkButton     *button,
                        EntenteWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* A part of the window made when first wanted, from its own .ui, with the
 * window's handlers in @scope. Compiled in: only a broken build fails. */
static GtkBuilder *
build_part (EntenteWindow   *self,
            const char      *resource,
            GtkBuilderScope *scope)
{
  GtkBuilder *builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;

  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, resource, &error))
    g_error ("%s: %s", resource, error->message);
  return builder;
}

/* The window's child, where the banners go above the panes. Not bound
 * from the template: GTK 4.8 would unparent the window's child twice. */
static GtkBox *
content_box (EntenteWindow *self)
{
  return GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->paned)));
}

/* The banner is built the first time there is an error to tell: in the
 * window from the start, its widgets cost every first frame. */
static void
ensure_error_banner (EntenteWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;

  if (self->error_revealer != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_error_child_revealed);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_close_error_clicked);
  builder = build_part (self, "/io/github/entente/Entente/entente-error-banner.ui", scope);

  self->error_revealer = GTK_REVEALER (gtk_builder_get_object (builder, "error_revealer"));
  self->error_title = GTK_LABEL (gtk_builder_get_object (builder, "error_title"));
  self->error_label = GTK_LABEL (gtk_builder_get_object (builder, "error_label"));
  entente_widget_set_tooltip (GTK_WIDGET (gtk_builder_get_object (builder, "dismiss_button")), _("Dismiss"));
  /* Above the find bar and the graph. */
  gtk_box_prepend (content_box (self), GTK_WIDGET (self->error_revealer));
}

static void
show_error (EntenteWindow *self,
            const char    *title,
            const char    *details)
{
  ensure_error_banner (self);
  gtk_label_set_text (self->error_title, title);
  gtk_label_set_text (self->error_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (EntenteWindow *self)
{
  if (self->error_revealer != NULL)
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
update_titles (EntenteWindow *self)
{
  guint32 first_day, last_day;

  if (self->story == NULL)
    {
      gtk_label_set_text (self->title_label, _("Entente"));
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  gtk_label_set_text (self->title_label, entente_text_get (entente_story_get_title (self->story)));
  if (entente_story_get_date_range (self->story, &first_day, &last_day))
    {
      g_autofree char *from = entente_date_format_day (first_day, ENTENTE_DATE_PRECISION_YEAR);
      g_autofree char *to = entente_date_format_day (last_day, ENTENTE_DATE_PRECISION_YEAR);
      g_autofree char *span = g_strdup_printf ("%s – %s", from, to);

      gtk_label_set_text (self->subtitle_label, span);
    }
  else
    gtk_label_set_text (self->subtitle_label, "");
}

static gboolean
save_arrangement (EntenteWindow *self)
{
  g_autoptr(EntenteArrangement) arrangement = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->story == NULL)
    return FALSE;

  arrangement = entente_arrangement_new (entente_story_get_id (self->story));
  entente_graph_view_fill_arrangement (self->graph_view, arrangement);
  arrangement->has_day = TRUE;
  arrangement->day = entente_timeline_get_day (self->timeline);

  if (!entente_arrangement_save (arrangement, &error))
    {
      show_error (self, _("Your arrangement of the graph could not be saved"), error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_arrangement_cb (gpointer data)
{
  EntenteWindow *self = data;

  self->save_source = 0;
  save_arrangement (self);
  return G_SOURCE_REMOVE;
}

/* Saves a moment after the last change, not on every frame of a drag. */
static void
schedule_save (EntenteWindow *self)
{
  if (self->story == NULL || self->save_source != 0)
    return;

  self->save_source = g_timeout_add_seconds (1, save_arrangement_cb, self);
}

static void
restore_arrangement (EntenteWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteArrangement) arrangement = entente_arrangement_load (entente_story_get_id (self->story), &error);

  if (error != NULL)
    {
      /* Never a reason not to open the story: start afresh instead. */
      g_message ("%s", error->message);
      show_error (self, _("Your saved arrangement of this story was ignored"), error->message);
      return;
    }

  if (arrangement == NULL)
    return;

  entente_graph_view_apply_arrangement (self->graph_view, arrangement);
  if (arrangement->has_day)
    entente_reading_state_set_day (self->reading_state, arrangement->day);
}

static void
on_graph_revision_changed (EntenteGraphView *graph_view,
                           GParamSpec       *pspec,
                           EntenteWindow    *self)
{
  schedule_save (self);
}

void
entente_window_set_story (EntenteWindow *self,
                          EntenteStory  *story)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (ENTENTE_IS_STORY (story));

  if (self->story == story)
    return;

  if (self->save_source != 0)
    save_arrangement (self);
  g_set_object (&self->story, story);
  g_clear_object (&self->document);
  self->document = entente_document_new (story, NULL);

  entente_reading_state_set_story (self->reading_state, story);
  restore_arrangement (self);
  /* Opening a story is not a change of the reader's: nothing to save yet. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  update_titles (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

EntenteDocument *
entente_window_get_document (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->document;
}

EntenteStory *
entente_window_get_story (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->story;
}

gboolean
entente_window_load_bundled (EntenteWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_bundled (&error);

  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  if (story == NULL)
    {
      show_error (self, _("The bundled story could not be opened"), error->message);
      return FALSE;
    }

  entente_window_set_story (self, story);
  return TRUE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  EntenteStory *story = entente_story_load_from_file (task_data, cancellable, &error);

  if (story)
    g_task_return_pointer (task, story, g_object_unref);
  else
    g_task_return_error (task, error);
}

#define N_RECENT 5
#define STORY_MIME_TYPE "application/x-entente-story+json"

static void
remember_recent (EntenteWindow *self,
                 GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) STORY_MIME_TYPE,
    .app_name = (char *) g_get_prgname (),
    .app_exec = (char *) "entente %u",
  };

  if (g_file_is_native (file))
    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b), gtk_recent_info_get_modified (info_a));
}

/* The last few stories Entente opened, newest first, for the menu. */
static void
update_recent_menu (EntenteWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();

  g_menu_remove_all (self->recent_section);

  for (GList *l = items; l; l = l->next)
    if (gtk_recent_info_has_application (l->data, g_get_prgname ()) &&
        gtk_recent_info_is_local (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (ours, l->data);

  g_ptr_array_sort (ours, compare_newest_first);

  for (guint i = 0; i < MIN (ours->len, N_RECENT); i++)
    {
      GtkRecentInfo *info = ours->pdata[i];
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The recent files are read when the menu is first wanted: GTK parses the
 * whole of the desktop's recently-used.xbel, every application's, on the
 * spot (tens of ms for a long one). */
static void
watch_recent_files (EntenteWindow *self)
{
  if (self->recent_manager != NULL)
    return;

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (update_recent_menu), self);
  update_recent_menu (self);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  entente_window_open_file (ENTENTE_WINDOW (widget), file);
}

/* A story file dropped anywhere on the window opens in it. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EntenteWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    entente_window_open_file (self, files->data);
  g_slist_free (files);
  return files != NULL;
}

static gboolean
present_timeout_cb (gpointer data)
{
  EntenteWindow *self = data;

  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_story_loaded (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EntenteWindow *self = ENTENTE_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->loading);

  if (story == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *title = NULL;

      /* Translators: %s is a file name. */
      title = g_strdup_printf (_("“%s” could not be opened"), basename);
      show_error (self, title, error->message);
    }
  else
    {
      hide_error (self);
      entente_window_set_story (self, story);
      entente_document_set_file (self->document, file);
      remember_recent (self, file);
    }

  if (self->present_source != 0)
    {
      g_clear_handle_id (&self->present_source, g_source_remove);
      gtk_window_present (GTK_WINDOW (self));
    }
}

/* Loads in a worker thread; on failure the story already open stays. */
void
entente_window_open_file (EntenteWindow *self,
                          GFile         *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  task = g_task_new (self, self->loading, on_story_loaded, NULL);
  g_task_set_source_tag (task, entente_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/* A story opened from the file manager shows in the window's first frame:
 * the window waits for it (a story of the usual size loads in a few
 * milliseconds, where an empty window drawn first costs a whole frame and
 * flashes), but never longer than PRESENT_WAIT_MS, so a big file still
 * gets its window at once. */
#define PRESENT_WAIT_MS 250

void
entente_window_present_when_loaded (EntenteWindow *self)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));

  if (self->loading == NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  if (self->present_source == 0)
    self->present_source = g_timeout_add_full (G_PRIORITY_DEFAULT, PRESENT_WAIT_MS, present_timeout_cb,
                                               g_object_ref (self), g_object_unref);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  EntenteWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file)
        entente_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern)
    gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (dialog), _("Story files"), "application/json", "*.entente.json");
  add_filter (GTK_FILE_CHOOSER (dialog), _("All files"), NULL, "*");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static char *
current_caption (EntenteWindow *self)
{
  /* Translators: the caption under the story title in exported images. */
  return g_strdup_printf (_("As of %s"), entente_timeline_get_label (self->timeline));
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    EntenteWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autofree char *caption = current_caption (self);
      g_autoptr(GError) error = NULL;

      if (path && !entente_export_is_supported (path))
        {
          char *with_extension = g_strconcat (path, ".png", NULL);
          g_free (path);
          path = with_extension;
        }

      if (path == NULL)
        show_error (self, _("The graph could not be exported"), _("Only local files can be written."));
      else if (entente_document_get_file (self->document) != NULL &&
               entente_same_file (path, g_file_peek_path (entente_document_get_file (self->document))))
        show_error (self, _("The graph could not be exported"),
                    _("That file is the story you are reading: exporting to it would destroy it. Choose another name."));
      else if (!entente_graph_view_export (self->graph_view, path, caption, &error))
        show_error (self, _("The graph could not be exported"), error->message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->story == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Graph"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.png", entente_story_get_id (self->story));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_filter (GTK_FILE_CHOOSER (dialog), _("PNG image"), "image/png", "*.png");
  add_filter (GTK_FILE_CHOOSER (dialog), _("SVG drawing"), "image/svg+xml", "*.svg");
  add_filter (GTK_FILE_CHOOSER (dialog), _("PDF document"), "application/pdf", "*.pdf");
  add_filter (GTK_FILE_CHOOSER (dialog), _("Node positions (JSON)"), "application/json", "*.json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
select_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  int entity = -1;

  if (self->story && *id)
    entity = entente_story_find_entity (self->story, id);

  entente_reading_state_set_selected_entity (self->reading_state, entity);
  entente_graph_view_reveal (self->graph_view, entity);
}

static int
find_relation (EntenteStory *story,
               const char   *id)
{
  for (guint i = 0; story && i < entente_story_get_n_relations (story); i++)
    if (g_str_equal (entente_story_get_relation (story, i)->id, id))
      return (int) i;
  return -1;
}

/* A relation row or an edge: the panel shows the relation, the graph
 * brings out its edge and its two ends. */
static void
select_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  int relation = find_relation (self->story, g_variant_get_string (parameter, NULL));

  if (relation < 0)
    return;

  entente_reading_state_set_selected_relation (self->reading_state, relation);
}

/* A quote's "Show in the Graph": its speaker selected, what it is about
 * ringed, and the timeline moved to when it was said. */
static void
show_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->story && i < entente_story_get_n_quotes (self->story); i++)
    {
      const EntenteQuote *quote = entente_story_get_quote (self->story, i);
      const char *speaker = entente_story_get_entity (self->story, quote->speaker)->id;

      if (!g_str_equal (quote->id, id))
        continue;

      gtk_widget_activate_action (widget, "win.select-entity", "s", speaker);
      entente_reading_state_set_highlighted (self->reading_state, quote->about.items, quote->about.n);
      entente_reading_state_set_day (self->reading_state, entente_date_first_day (&quote->date));
      return;
    }
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.select-entity", "s", "");
}

static void
graph_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  /* "win.zoom-in" → "graph.zoom-in" on the canvas, wherever the focus is. */
  g_autofree char *graph_name = g_strconcat ("graph.", action_name + strlen ("win."), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->graph_view), graph_name, NULL);
}

static void
on_timeline_day_changed (EntenteTimeline *timeline,
                         GParamSpec      *pspec,
                         EntenteWindow   *self)
{
  schedule_save (self);
}

static gboolean
entente_window_close_request (GtkWindow *window)
{
  EntenteWindow *self = ENTENTE_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (entente_window_parent_class)->close_request (window);
}

/* Built when first asked for: GtkApplication would build it with every
 * window (from gtk/help-overlay.ui), a tenth of the time to the first
 * frame. Set as the help overlay, it shows the window's accelerators. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/entente/Entente/entente-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

/* The menu's popover is built when it first opens: built with the
 * window, its items cost the first frame about 4 ms. */
static void
create_primary_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  EntenteWindow *self = user_data;

  watch_recent_files (self);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
rearrange_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  entente_graph_view_rearrange (ENTENTE_WINDOW (widget)->graph_view);
}

#define N_SEARCH_RESULTS 8
#define SEARCH_BAR_SLIDE_MS 250 /* GtkRevealer's transition */

/* The best matches, as buttons; Enter takes the first. */
static void
on_search_changed (GtkSearchEntry *entry,
                   EntenteWindow  *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))))
    gtk_box_remove (self->search_results, child);

  if (self->story == NULL || *query == '\0')
    return;

  found = entente_search_entities (self->story, query, N_SEARCH_RESULTS);
  if (found->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No entity has that name"));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->search_results, none);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      const EntenteEntity *e = entente_story_get_entity (self->story, g_array_index (found, guint, i));
      GtkWidget *button = gtk_button_new_with_label (entente_text_get (&e->name));

      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.find-entity");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", e->id);
      gtk_box_append (self->search_results, button);
    }
}

static void
on_search_activate (GtkSearchEntry *entry,
                    EntenteWindow  *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->search_results));

  if (first != NULL && GTK_IS_BUTTON (first))
    g_signal_emit_by_name (first, "clicked");
}

static gboolean
hide_search_bar_cb (gpointer data)
{
  EntenteWindow *self = data;

  self->hide_search_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->search_bar), FALSE);
  return G_SOURCE_REMOVE;
}

/* Like the error banner, the bar is hidden while it is closed, so that its
 * entry is not measured for every frame before it is wanted; it goes once
 * it has slid away. */
static void
on_search_mode_changed (GtkSearchBar  *search_bar,
                        GParamSpec    *pspec,
                        EntenteWindow *self)
{
  g_clear_handle_id (&self->hide_search_source, g_source_remove);
  if (!gtk_search_bar_get_search_mode (search_bar))
    self->hide_search_source = g_timeout_add (SEARCH_BAR_SLIDE_MS, hide_search_bar_cb, self);
}

/* The find bar is built when first asked for: its entry alone costs the
 * first frame nearly a millisecond of set-up. */
static void
ensure_find_bar (EntenteWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;

  if (self->search_bar != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_search_changed);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_search_activate);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_search_mode_changed);
  builder = build_part (self, "/io/github/entente/Entente/entente-find-bar.ui", scope);

  self->search_bar = GTK_SEARCH_BAR (gtk_builder_get_object (builder, "search_bar"));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_builder_get_object (builder, "search_entry"));
  self->search_results = GTK_BOX (gtk_builder_get_object (builder, "search_results"));
  /* Under the error banner (if there is one yet), over the graph. */
  gtk_box_insert_child_after (content_box (self), GTK_WIDGET (self->search_bar), GTK_WIDGET (self->error_revealer));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  ensure_find_bar (self);
  g_clear_handle_id (&self->hide_search_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->search_bar), TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A search result: selected, and glided to the middle of the graph. */
static void
find_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  gtk_widget_activate_action (widget, "win.select-entity", "s", id);
  entente_graph_view_center_on (self->graph_view, entente_story_find_entity (self->story, id));
}

static const char * const kind_actions[ENTENTE_N_ENTITY_KINDS] = {
  "show-person", "show-company", "show-product", "show-organization",
};

static void
on_show_kind_changed (GSimpleAction *action,
                      GVariant      *state,
                      EntenteWindow *self)
{
  guint hidden = 0;

  g_simple_action_set_state (action, state);
  for (guint k = 0; k < ENTENTE_N_ENTITY_KINDS; k++)
    {
      GAction *kind_action = g_action_map_lookup_action (G_ACTION_MAP (self), kind_actions[k]);
      g_autoptr(GVariant) shown = g_action_get_state (kind_action);

      if (!g_variant_get_boolean (shown))
        hidden |= 1u << k;
    }

  entente_reading_state_set_hidden_kinds (self->reading_state, hidden);
}

static void
on_timeline_playing_changed (EntenteTimeline *timeline,
                             GParamSpec      *pspec,
                             EntenteWindow   *self)
{
  entente_graph_view_set_show_new (self->graph_view, entente_timeline_get_playing (timeline));
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  entente_timeline_set_playing (self->timeline, !entente_timeline_get_playing (self->timeline));
}

static void
entente_window_dispose (GObject *object)
{
  EntenteWindow *self = (EntenteWindow *) object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_handle_id (&self->hide_search_source, g_source_remove);
  /* Nothing the reader did is lost on closing. */
  if (self->save_source != 0)
    save_arrangement (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_WINDOW);
  g_clear_object (&self->story);
  g_clear_object (&self->document);
  g_clear_object (&self->reading_state);
  g_clear_object (&self->settings);
  if (self->recent_manager)
    g_signal_handlers_disconnect_by_func (self->recent_manager, update_recent_menu, self);
  self->recent_manager = NULL;

  G_OBJECT_CLASS (entente_window_parent_class)->dispose (object);
}

static void
entente_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard starts on the graph, what the window is about: arrow keys
 * pan it or walk the selection's relations, Tab leaves it. Left to GTK, it
 * would start on the panel's first tab, found by a walk through the whole
 * widget tree as the window shows. Not before the window maps: focus set
 * earlier made GTK 4.8 show a second window to screen readers as a filler
 * instead of a frame (test-a11y). */
static void
entente_window_map (GtkWidget *widget)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  GTK_WIDGET_CLASS (entente_window_parent_class)->map (widget);

  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->graph_view));
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class,
                   const char     *action,
                   const guint    *keys,
                   guint           n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keys[i], 0, action, NULL);
      gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_CONTROL_MASK, action, NULL);
    }
}

static void
entente_window_class_init (EntenteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint zoom_fit_keys[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  object_class->dispose = entente_window_dispose;
  object_class->get_property = entente_window_get_property;

  widget_class->map = entente_window_map;
  GTK_WINDOW_CLASS (klass)->close_request = entente_window_close_request;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         ENTENTE_TYPE_STORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENTENTE_TYPE_GRAPH_VIEW);
  g_type_ensure (ENTENTE_TYPE_STORY_PANEL);
  g_type_ensure (ENTENTE_TYPE_TIMELINE);
  g_type_ensure (ENTENTE_TYPE_ENTITY_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, story_panel);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, entity_list);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, timeline);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_day_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_graph_revision_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_playing_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.select-entity", "s", select_entity_action);
  gtk_widget_class_install_action (widget_class, "win.select-relation", "s", select_relation_action);
  gtk_widget_class_install_action (widget_class, "win.show-quote", "s", show_quote_action);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "win.rearrange", NULL, rearrange_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-entity", "s", find_entity_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, graph_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, graph_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, graph_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "win.play", NULL);
  add_zoom_bindings (widget_class, "win.zoom-in", zoom_in_keys, G_N_ELEMENTS (zoom_in_keys));
  add_zoom_bindings (widget_class, "win.zoom-out", zoom_out_keys, G_N_ELEMENTS (zoom_out_keys));
  add_zoom_bindings (widget_class, "win.zoom-fit", zoom_fit_keys, G_N_ELEMENTS (zoom_fit_keys));
}

static void
on_setting_action_change_state (GSimpleAction *action,
                                GVariant      *state,
                                EntenteWindow *self)
{
  g_settings_set_value (self->settings, g_action_get_name (G_ACTION (action)), state);
}

static void
on_setting_changed (GSettings     *settings,
                    const char    *key,
                    GSimpleAction *action)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, key);

  g_simple_action_set_state (action, value);
}

static void
entente_window_init (EntenteWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reading_state = entente_reading_state_new ();
  entente_graph_view_set_reading_state (self->graph_view, self->reading_state);
  entente_story_panel_set_reading_state (self->story_panel, self->reading_state);
  entente_entity_list_set_reading_state (self->entity_list, self->reading_state);
  entente_timeline_set_reading_state (self->timeline, self->reading_state);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_popover, self, NULL);
  entente_widget_set_tooltip (self->open_button, _("Open a story file"));
  entente_widget_set_tooltip (GTK_WIDGET (self->menu_button), _("Main Menu"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  update_titles (self);

  /* win.show-person…: the legend's filter, also as check items. */
  for (guint k = 0; k < ENTENTE_N_ENTITY_KINDS; k++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (kind_actions[k], NULL, g_variant_new_boolean (TRUE));

      g_signal_connect (action, "change-state", G_CALLBACK (on_show_kind_changed), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));


  /* The panel is the paned's first child but sits at the end of the line:
   * the paned runs against the text direction, its children with it. Its
   * position is then the panel's own width, which window resizes leave be. */
  gtk_widget_set_direction (GTK_WIDGET (self->paned),
                            gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? GTK_TEXT_DIR_LTR : GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (self->sidebar, gtk_widget_get_default_direction ());
  gtk_widget_set_direction (GTK_WIDGET (self->graph_view), gtk_widget_get_default_direction ());

  self->settings = entente_settings_new ();
  if (self->settings != NULL)
    {
      const char *stateful[] = { "panel-visible", "quotes-in-original-language" };

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_settings_bind (self->settings, "panel-visible", self->sidebar, "visible", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "panel-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "quotes-in-original-language",
                       self->story_panel, "quotes-in-original-language", G_SETTINGS_BIND_GET);

      /* win.panel-visible (F9) and win.quotes-in-original-language, as
       * check items in the menu: plain boolean actions kept in step with
       * the settings (a GSettings action is not drawn as a check item). */
      for (guint i = 0; i < G_N_ELEMENTS (stateful); i++)
        {
          g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (stateful[i], NULL,
                                                                          g_settings_get_value (self->settings, stateful[i]));
          g_autofree char *signal = g_strconcat ("changed::", stateful[i], NULL);

          g_signal_connect (action, "change-state", G_CALLBACK (on_setting_action_change_state), self);
          g_signal_connect_object (self->settings, signal, G_CALLBACK (on_setting_changed), action, 0);
          g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
        }
    }
}

EntenteWindow *
entente_window_new (EntenteApplication *application)
{
  return g_object_new (ENTENTE_TYPE_WINDOW, "application", application, NULL);
}

const char *
entente_window_get_error_text (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  if (self->error_revealer == NULL || !gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

EntenteGraphView *
entente_window_get_graph_view (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->graph_view;
}

EntenteStoryPanel *
entente_window_get_story_panel (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->story_panel;
}

EntenteTimeline *
entente_window_get_timeline (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->timeline;
}

GMenuModel *
entente_window_get_recent_menu (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  watch_recent_files (self);
  return G_MENU_MODEL (self->recent_section);
}

EntenteEntityList *
entente_window_get_entity_list (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);
  return self->entity_list;
}
