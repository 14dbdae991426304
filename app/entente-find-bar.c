/* entente-find-bar.c
 *
 * Finding an entity by a few letters of its name, without minding case or
 * accents: the best matches as buttons that activate win.find-entity,
 * Enter taking the first. Hidden once it has slid away, so that its entry
 * is not measured with the rest of the window while it is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-find-bar.h"
#include "story/entente-search.h"

#define N_RESULTS     8
#define SLIDE_MS      250 /* GtkRevealer's transition, inside GtkSearchBar */

struct _EntenteFindBar
{
  GtkWidget       parent_instance;

  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkBox         *results;

  EntenteStory   *story;
  guint           hide_source;
};

G_DEFINE_FINAL_TYPE (EntenteFindBar, entente_find_bar, GTK_TYPE_WIDGET)

static void
clear_results (EntenteFindBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_box_remove (self->results, child);
}

static void
on_search_changed (EntenteFindBar *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) found = NULL;

  clear_results (self);
  if (self->story == NULL || *query == '\0')
    return;

  found = entente_search_entities (self->story, query, N_RESULTS);
  if (found->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No entity has that name"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->results, none);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      const EntenteEntity *e = entente_story_get_entity (self->story, g_array_index (found, guint, i));
      GtkWidget *button = gtk_button_new_with_label (entente_text_get (&e->name));

      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.find-entity");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", e->id);
      gtk_box_append (self->results, button);
    }
}

static void
on_search_activate (EntenteFindBar *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->results));

  if (first != NULL && GTK_IS_BUTTON (first))
    g_signal_emit_by_name (first, "clicked");
}

static gboolean
hide_cb (gpointer data)
{
  EntenteFindBar *self = data;

  self->hide_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_search_mode_changed (EntenteFindBar *self)
{
  g_clear_handle_id (&self->hide_source, g_source_remove);
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    self->hide_source = g_timeout_add (SLIDE_MS, hide_cb, self);
}

static void
entente_find_bar_dispose (GObject *object)
{
  EntenteFindBar *self = (EntenteFindBar *) object;

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENTENTE_TYPE_FIND_BAR);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (entente_find_bar_parent_class)->dispose (object);
}

static void
entente_find_bar_class_init (EntenteFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_find_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteFindBar, results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
entente_find_bar_init (EntenteFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Escape in the entry closes the bar. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

GtkWidget *
entente_find_bar_new (void)
{
  return g_object_new (ENTENTE_TYPE_FIND_BAR, NULL);
}

/* The story whose entities are found; the results of another are cleared. */
void
entente_find_bar_set_story (EntenteFindBar *self,
                            EntenteStory   *story)
{
  g_return_if_fail (ENTENTE_IS_FIND_BAR (self));
  g_return_if_fail (story == NULL || ENTENTE_IS_STORY (story));

  if (g_set_object (&self->story, story))
    on_search_changed (self);
}

/* Slides the bar in, the keyboard in its entry. */
void
entente_find_bar_open (EntenteFindBar *self)
{
  g_return_if_fail (ENTENTE_IS_FIND_BAR (self));

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
