/* entente-entity-list.c
 *
 * One row per entity, built once per story; the rows of entities not shown
 * at the current date are filtered out, so the list always says what the
 * canvas shows. Each row is a button that selects its entity, with the
 * entity's relations as its accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-entity-list.h"

struct _EntenteEntityList
{
  GtkWidget      parent_instance;

  GtkListBox    *list_box;

  EntenteStory  *story;
  guint8        *shown;      /* one per entity */
  guint          n_shown;
  int            selected_entity;
};

G_DEFINE_FINAL_TYPE (EntenteEntityList, entente_entity_list, GTK_TYPE_WIDGET)

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  EntenteEntityList *self = user_data;
  int entity = gtk_list_box_row_get_index (row);

  return self->shown == NULL || (entity >= 0 && self->shown[entity]);
}

static char *
describe_relations (EntenteStory *story,
                    guint         entity)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);
      const char *from = entente_text_get (&entente_story_get_entity (story, r->from)->name);
      const char *to = entente_text_get (&entente_story_get_entity (story, r->to)->name);

      if (r->from != entity && r->to != entity)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a relation read out to screen reader users:
       * "Microsoft invested $1 billion OpenAI". */
      g_string_append_printf (text, _("%s %s %s"), from, entente_text_get (&r->label), to);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (EntenteEntityList *self,
            guint              entity)
{
  const EntenteEntity *e = entente_story_get_entity (self->story, entity);
  g_autofree char *relations = describe_relations (self->story, entity);
  g_autofree char *accessible_name = NULL;
  GtkWidget *button, *box, *name, *kind;

  name = gtk_label_new (entente_text_get (&e->name));
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  kind = gtk_label_new (entente_entity_kind_get_label (e->kind));
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-entity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", e->id);

  /* Translators: an entry of the entity list for screen readers:
   * "Sam Altman, Person". */
  accessible_name = g_strdup_printf (_("%s, %s"), entente_text_get (&e->name), entente_entity_kind_get_label (e->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, relations,
                                  -1);
  gtk_widget_set_tooltip_text (button, *relations ? relations : NULL);
  return button;
}

static void
rebuild (EntenteEntityList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  if (self->story == NULL)
    return;

  for (guint i = 0; i < entente_story_get_n_entities (self->story); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), create_row (self, i));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
entente_entity_list_dispose (GObject *object)
{
  EntenteEntityList *self = (EntenteEntityList *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (entente_entity_list_parent_class)->dispose (object);
}

static void
entente_entity_list_finalize (GObject *object)
{
  EntenteEntityList *self = (EntenteEntityList *) object;

  g_free (self->shown);

  G_OBJECT_CLASS (entente_entity_list_parent_class)->finalize (object);
}

static void
entente_entity_list_class_init (EntenteEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_entity_list_dispose;
  object_class->finalize = entente_entity_list_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitylist");
}

static void
entente_entity_list_init (EntenteEntityList *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->selected_entity = -1;
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_SINGLE);
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entities shown in the graph"),
                                  -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_box));
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

void
entente_entity_list_set_story (EntenteEntityList *self,
                               EntenteStory      *story)
{
  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));

  if (!g_set_object (&self->story, story))
    return;

  g_clear_pointer (&self->shown, g_free);
  self->n_shown = story ? entente_story_get_n_entities (story) : 0;
  self->selected_entity = -1;
  rebuild (self);
}

void
entente_entity_list_set_time_view (EntenteEntityList     *self,
                                   const EntenteTimeView *time_view)
{
  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));

  if (self->story == NULL || time_view->n_entities != entente_story_get_n_entities (self->story))
    return;

  if (self->shown == NULL)
    self->shown = g_new0 (guint8, MAX (1, time_view->n_entities));
  for (guint i = 0; i < time_view->n_entities; i++)
    self->shown[i] = time_view->entities[i] != ENTENTE_PRESENCE_NOT_BEGUN;
  self->n_shown = time_view->n_shown_entities;
  gtk_list_box_invalidate_filter (self->list_box);
}

void
entente_entity_list_set_selected_entity (EntenteEntityList *self,
                                         int                entity)
{
  GtkListBoxRow *row;

  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));

  self->selected_entity = entity;
  row = entity >= 0 ? gtk_list_box_get_row_at_index (self->list_box, entity) : NULL;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
}

guint
entente_entity_list_get_n_shown (EntenteEntityList *self)
{
  g_return_val_if_fail (ENTENTE_IS_ENTITY_LIST (self), 0);
  return self->n_shown;
}
