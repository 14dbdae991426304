/* entente-window-files.c
 *
 * What the window does with files: opening a story on a thread (a bad one
 * leaves the open story and says what is wrong, in a banner made when
 * first needed), the recent stories, drag and drop, export, and saving
 * the reader's arrangement of each story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-error-banner.h"
#include "entente-window-private.h"
#include "graph/entente-export.h"
#include "story/entente-file-reading.h"
#include "story/entente-story-loader.h"

/* The window's child, where the banners go above the panes. Not bound
 * from the template: GTK 4.8 would unparent the window's child twice. */
GtkBox *
_entente_window_content_box (EntenteWindow *self)
{
  return GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->paned)));
}

/* The banner is made the first time there is an error to tell: in the
 * window from the start, its widgets cost every first frame. Above the
 * find bar and the graph. */
void
_entente_window_show_error (EntenteWindow *self,
                            const char    *title,
                            const char    *details)
{
  if (self->error_banner == NULL)
    {
      self->error_banner = ENTENTE_ERROR_BANNER (entente_error_banner_new ());
      gtk_box_prepend (_entente_window_content_box (self), GTK_WIDGET (self->error_banner));
    }
  entente_error_banner_show (self->error_banner, title, details);
}

void
_entente_window_hide_error (EntenteWindow *self)
{
  if (self->error_banner != NULL)
    entente_error_banner_dismiss (self->error_banner);
}

gboolean
_entente_window_save_arrangement (EntenteWindow *self)
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
      _entente_window_show_error (self, _("Your arrangement of the graph could not be saved"), error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_arrangement_cb (gpointer data)
{
  EntenteWindow *self = data;

  self->save_source = 0;
  _entente_window_save_arrangement (self);
  return G_SOURCE_REMOVE;
}

/* Saves a moment after the last change, not on every frame of a drag. */
void
_entente_window_schedule_save (EntenteWindow *self)
{
  if (self->story == NULL || self->save_source != 0)
    return;

  self->save_source = g_timeout_add_seconds (1, save_arrangement_cb, self);
}

void
_entente_window_restore_arrangement (EntenteWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteArrangement) arrangement = entente_arrangement_load (entente_story_get_id (self->story), &error);

  if (error != NULL)
    {
      /* Never a reason not to open the story: start afresh instead. */
      g_message ("%s", error->message);
      _entente_window_show_error (self, _("Your saved arrangement of this story was ignored"), error->message);
      return;
    }

  if (arrangement == NULL)
    return;

  entente_graph_view_apply_arrangement (self->graph_view, arrangement);
  if (arrangement->has_day)
    entente_reading_state_set_day (self->reading_state, arrangement->day);
}

gboolean
entente_window_load_bundled (EntenteWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = entente_story_load_bundled (&error);

  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  if (story == NULL)
    {
      _entente_window_show_error (self, _("The bundled story could not be opened"), error->message);
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
void
_entente_window_update_recent_menu (EntenteWindow *self)
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
void
_entente_window_watch_recent_files (EntenteWindow *self)
{
  if (self->recent_manager != NULL)
    return;

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (_entente_window_update_recent_menu), self);
  _entente_window_update_recent_menu (self);
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
      _entente_window_show_error (self, title, error->message);
    }
  else
    {
      _entente_window_hide_error (self);
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

/* A filter of the dialog; @pattern is "*" and an extension, which
 * an export in this format is given. */
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
    {
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data_full (G_OBJECT (filter), "extension", g_strdup (pattern + 1), g_free);
    }
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

/* Writes the graph to @path (a local file), or says why not; a toast
 * tells where it went, with a button to open it. */
static void
export_to (EntenteWindow *self,
           const char    *path)
{
  g_autofree char *caption = current_caption (self);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *title = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (entente_document_get_file (self->document) != NULL &&
      entente_same_file (path, g_file_peek_path (entente_document_get_file (self->document))))
    {
      _entente_window_show_error (self, _("The graph could not be exported"),
                                  _("That file is the story you are reading: exporting to it would destroy it. Choose another name."));
      return;
    }
  if (!entente_graph_view_export (self->graph_view, path, caption, &error))
    {
      _entente_window_show_error (self, _("The graph could not be exported"), error->message);
      return;
    }

  /* Translators: %s is the name of the file the graph was exported to. */
  title = g_strdup_printf (_("Exported to “%s”"), basename);
  toast = adw_toast_new (title);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open"));
      adw_toast_set_action_name (toast, "win.open-exported");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    EntenteWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      const char *extension = filter ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      /* The format chosen in the dialog is the one written. */
      if (path != NULL && (extension != NULL || !entente_export_is_supported (path)))
        {
          char *named = entente_export_name_for (path, extension ? extension : ".png");
          g_free (path);
          path = named;
        }

      if (path == NULL)
        _entente_window_show_error (self, _("The graph could not be exported"), _("Only local files can be written."));
      else
        export_to (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* win.export-to: the export, to a path known already. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  export_to (ENTENTE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The toast's button: the exported file, in the application for its type. */
static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
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

/* The story Entente comes with, one click away whatever was opened since. */
static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  entente_window_load_bundled (ENTENTE_WINDOW (widget));
}

void
_entente_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

void
_entente_window_files_init (EntenteWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
