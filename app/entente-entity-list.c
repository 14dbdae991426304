/* entente-entity-list.c
 *
 * The graph as a list: a GtkListView over the story's entity ids, filtered
 * by the same time view as the canvas, so it always says what the canvas
 * shows. Rows are made only for what is on screen, which keeps a story of
 * 100,000 entities as quick to open as a small one. Each row is a button
 * that selects its entity, with the entity's relations as its accessible
 * description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-entity-list.h"

#define MAX_DESCRIBED_RELATIONS 20

struct _EntenteEntityList
{
  GtkWidget           parent_instance;

  GtkListView        *list_view;
  GtkStringList      *ids;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  EntenteReadingState *state;
  EntenteStory       *story;
  guint8             *shown;      /* one per entity */
  guint               n_shown;
  int                 selected_entity;

  /* Relations of each entity: relations_of[offsets[e] .. offsets[e + 1]). */
  guint              *offsets;
  guint              *relations_of;
};

G_DEFINE_FINAL_TYPE (EntenteEntityList, entente_entity_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READING_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
entity_of_item (EntenteEntityList *self,
                gpointer           item)
{
  return entente_story_find_entity (self->story, gtk_string_object_get_string (item));
}

static gboolean
filter_entity (gpointer item,
               gpointer user_data)
{
  EntenteEntityList *self = user_data;
  int entity;

  if (self->story == NULL)
    return FALSE;
  entity = entity_of_item (self, item);
  return entity >= 0 && (self->shown == NULL || self->shown[entity]);
}

static void
index_relations (EntenteEntityList *self)
{
  guint n_entities = entente_story_get_n_entities (self->story);
  guint n_relations = entente_story_get_n_relations (self->story);
  g_autofree guint *fill = g_new0 (guint, n_entities + 1);

  self->offsets = g_new0 (guint, n_entities + 1);
  self->relations_of = g_new0 (guint, MAX (1, 2 * n_relations));
  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (self->story, i);
      self->offsets[r->from + 1]++;
      if (r->to != r->from)
        self->offsets[r->to + 1]++;
    }
  for (guint e = 0; e < n_entities; e++)
    self->offsets[e + 1] += self->offsets[e];
  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (self->story, i);
      self->relations_of[self->offsets[r->from] + fill[r->from]++] = i;
      if (r->to != r->from)
        self->relations_of[self->offsets[r->to] + fill[r->to]++] = i;
    }
}

static char *
describe_relations (EntenteEntityList *self,
                    guint              entity)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint first = self->offsets[entity], last = self->offsets[entity + 1];

  for (guint k = first; k < last && k - first < MAX_DESCRIBED_RELATIONS; k++)
    {
      const EntenteRelation *r = entente_story_get_relation (self->story, self->relations_of[k]);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a relation read out to screen reader users:
       * "Microsoft invested $1 billion OpenAI". */
      g_string_append_printf (text, _("%s %s %s"),
                              entente_text_get (&entente_story_get_entity (self->story, r->from)->name),
                              entente_text_get (&r->label),
                              entente_text_get (&entente_story_get_entity (self->story, r->to)->name));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           EntenteEntityList        *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_list_item_set_child (list_item, button);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          EntenteEntityList        *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *kind = gtk_widget_get_last_child (box);
  int entity = entity_of_item (self, gtk_list_item_get_item (list_item));
  const EntenteEntity *e;
  g_autofree char *relations = NULL;
  g_autofree char *accessible_name = NULL;

  if (entity < 0)
    return;

  e = entente_story_get_entity (self->story, entity);
  relations = describe_relations (self, entity);
  gtk_label_set_text (GTK_LABEL (name), entente_text_get (&e->name));
  gtk_label_set_text (GTK_LABEL (kind), entente_entity_kind_get_label (e->kind));
  /* Target first: an action without its target would warn. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", e->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-entity");
  gtk_widget_set_tooltip_text (button, *relations ? relations : NULL);
  if (entity == self->selected_entity)
    gtk_widget_add_css_class (button, "selected-entity");
  else
    gtk_widget_remove_css_class (button, "selected-entity");

  /* Translators: an entry of the entity list for screen readers:
   * "Sam Altman, Person". */
  accessible_name = g_strdup_printf (_("%s, %s"), entente_text_get (&e->name), entente_entity_kind_get_label (e->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, relations,
                                  -1);
}

static void
entente_entity_list_dispose (GObject *object)
{
  EntenteEntityList *self = (EntenteEntityList *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->story);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (entente_entity_list_parent_class)->dispose (object);
}

static void
entente_entity_list_finalize (GObject *object)
{
  EntenteEntityList *self = (EntenteEntityList *) object;

  g_free (self->shown);
  g_free (self->offsets);
  g_free (self->relations_of);

  G_OBJECT_CLASS (entente_entity_list_parent_class)->finalize (object);
}

/* The list is made once it is first seen: its page is not the one shown
 * at startup, and the list view and its rows cost the first frame
 * several ms. */
static void
create_list (EntenteEntityList *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entities shown in the graph"),
                                  -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

static void
entente_entity_list_map (GtkWidget *widget)
{
  EntenteEntityList *self = ENTENTE_ENTITY_LIST (widget);

  if (self->list_view == NULL)
    create_list (self);

  GTK_WIDGET_CLASS (entente_entity_list_parent_class)->map (widget);
}

static void
entente_entity_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EntenteEntityList *self = ENTENTE_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_READING_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_entity_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EntenteEntityList *self = ENTENTE_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_READING_STATE:
      entente_entity_list_set_reading_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_entity_list_class_init (EntenteEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_entity_list_dispose;
  object_class->finalize = entente_entity_list_finalize;
  object_class->get_property = entente_entity_list_get_property;
  object_class->set_property = entente_entity_list_set_property;

  properties[PROP_READING_STATE] =
    g_param_spec_object ("reading-state", NULL, NULL,
                         ENTENTE_TYPE_READING_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = entente_entity_list_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitylist");
}

static void
entente_entity_list_init (EntenteEntityList *self)
{
  self->selected_entity = -1;
  self->ids = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_entity, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->ids), GTK_FILTER (self->filter));
}

void
entente_entity_list_set_story (EntenteEntityList *self,
                               EntenteStory      *story)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint n;

  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));

  if (!g_set_object (&self->story, story))
    return;

  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->offsets, g_free);
  g_clear_pointer (&self->relations_of, g_free);
  self->selected_entity = -1;

  n = story ? entente_story_get_n_entities (story) : 0;
  self->n_shown = n;
  ids = g_ptr_array_new_full (n + 1, NULL);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, entente_story_get_entity (story, i)->id);
  g_ptr_array_add (ids, NULL);

  if (story != NULL)
    index_relations (self);
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          (const char * const *) ids->pdata);
}

void
entente_entity_list_set_time_view (EntenteEntityList     *self,
                                   const EntenteTimeView *time_view)
{
  gboolean changed = FALSE;

  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));

  if (self->story == NULL || time_view->n_entities != entente_story_get_n_entities (self->story))
    return;

  if (self->shown == NULL)
    {
      self->shown = g_new0 (guint8, MAX (1, time_view->n_entities));
      changed = TRUE;
    }
  for (guint i = 0; i < time_view->n_entities; i++)
    {
      guint8 shown = time_view->entities[i] != ENTENTE_PRESENCE_NOT_BEGUN;

      changed |= self->shown[i] != shown;
      self->shown[i] = shown;
    }
  self->n_shown = time_view->n_shown_entities;

  /* Filtering 100,000 rows takes a moment: only when something changed. */
  if (changed)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
entente_entity_list_set_selected_entity (EntenteEntityList *self,
                                         int                entity)
{
  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));

  if (self->selected_entity == entity)
    return;
  self->selected_entity = entity;
  /* Rebinding the visible rows refreshes their highlight. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

guint
entente_entity_list_get_n_shown (EntenteEntityList *self)
{
  g_return_val_if_fail (ENTENTE_IS_ENTITY_LIST (self), 0);
  return self->n_shown;
}

static void
follow_story (EntenteEntityList *self)
{
  entente_entity_list_set_story (self, entente_reading_state_get_story (self->state));
  entente_entity_list_set_time_view (self, entente_reading_state_get_time_view (self->state));
  entente_entity_list_set_selected_entity (self, entente_reading_state_get_selected_entity (self->state));
}

static void
follow_time_view (EntenteEntityList *self)
{
  entente_entity_list_set_time_view (self, entente_reading_state_get_time_view (self->state));
}

static void
follow_selected_entity (EntenteEntityList *self)
{
  entente_entity_list_set_selected_entity (self, entente_reading_state_get_selected_entity (self->state));
}

/* The list shows what @state's time view shows, the selection marked. */
void
entente_entity_list_set_reading_state (EntenteEntityList   *self,
                                       EntenteReadingState *state)
{
  g_return_if_fail (ENTENTE_IS_ENTITY_LIST (self));
  g_return_if_fail (state == NULL || ENTENTE_IS_READING_STATE (state));

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  if (!g_set_object (&self->state, state) || state == NULL)
    return;

  g_signal_connect_object (state, "notify::story", G_CALLBACK (follow_story), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::time-view", G_CALLBACK (follow_time_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::selected-entity", G_CALLBACK (follow_selected_entity), self, G_CONNECT_SWAPPED);
  follow_story (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_STATE]);
}
