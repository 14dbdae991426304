/* entente-story-panel.c
 *
 * The panel is rebuilt whenever the story or the selection changes: it holds
 * a few dozen widgets at most, so rebuilding is simpler than diffing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-panel-cards.h"
#include "entente-story-panel.h"

struct _EntenteStoryPanel
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkBox       *content;

  EntenteReadingState *state;
  EntenteStory *story;
  guint         rebuild_source;
  int           selected_entity;
  int           selected_relation;
  gboolean      quotes_in_original_language;
};

G_DEFINE_FINAL_TYPE (EntenteStoryPanel, entente_story_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORY,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_RELATION,
  PROP_QUOTES_IN_ORIGINAL_LANGUAGE,
  PROP_READING_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The scrolled window and its box are made when there is first something
 * to show: built with the window, they cost its first frame ~3 M
 * instructions for an area that is empty until just after it. */
static void
ensure_content (EntenteStoryPanel *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->scroller != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/entente/Entente/entente-story-panel.ui");
  self->scroller = GTK_WIDGET (gtk_builder_get_object (builder, "scroller"));
  self->content = GTK_BOX (gtk_builder_get_object (builder, "content"));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

static void
rebuild (EntenteStoryPanel *self)
{
  EntentePanelContext context;
  GtkAdjustment *vadjustment;
  GtkWidget *child;

  if (self->story == NULL && self->content == NULL)
    return;

  ensure_content (self);
  context = (EntentePanelContext) { self->content, self->story, self->quotes_in_original_language };
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);

  if (self->story == NULL)
    return;

  if (self->selected_relation >= 0)
    entente_panel_add_relation_card (&context, self->selected_relation);
  else if (self->selected_entity >= 0)
    entente_panel_add_entity_card (&context, self->selected_entity);
  else
    entente_panel_add_overview (&context);

  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (vadjustment, 0);
}

static gboolean
rebuild_cb (gpointer data)
{
  EntenteStoryPanel *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A window opening with a story draws the graph first and fills the panel
 * right after: its few dozen wrapped labels would otherwise cost the first
 * frame some 35 ms. */
static void
rebuild_soon (EntenteStoryPanel *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }
  else if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_LOW, rebuild_cb, self, NULL);
}

static void
entente_story_panel_dispose (GObject *object)
{
  EntenteStoryPanel *self = (EntenteStoryPanel *) object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->content = NULL;
  g_clear_object (&self->story);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (entente_story_panel_parent_class)->dispose (object);
}

static void
entente_story_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EntenteStoryPanel *self = ENTENTE_STORY_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_int (value, self->selected_entity);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_int (value, self->selected_relation);
      break;
    case PROP_QUOTES_IN_ORIGINAL_LANGUAGE:
      g_value_set_boolean (value, self->quotes_in_original_language);
      break;
    case PROP_READING_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_story_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EntenteStoryPanel *self = ENTENTE_STORY_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORY:
      entente_story_panel_set_story (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ENTITY:
      entente_story_panel_set_selected_entity (self, g_value_get_int (value));
      break;
    case PROP_READING_STATE:
      entente_story_panel_set_reading_state (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_RELATION:
      entente_story_panel_set_selected_relation (self, g_value_get_int (value));
      break;
    case PROP_QUOTES_IN_ORIGINAL_LANGUAGE:
      if (self->quotes_in_original_language != g_value_get_boolean (value))
        {
          self->quotes_in_original_language = g_value_get_boolean (value);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_story_panel_class_init (EntenteStoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_story_panel_dispose;
  object_class->get_property = entente_story_panel_get_property;
  object_class->set_property = entente_story_panel_set_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         ENTENTE_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int ("selected-entity", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_int ("selected-relation", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUOTES_IN_ORIGINAL_LANGUAGE] =
    g_param_spec_boolean ("quotes-in-original-language", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING_STATE] =
    g_param_spec_object ("reading-state", NULL, NULL,
                         ENTENTE_TYPE_READING_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "storypanel");
}

static void
entente_story_panel_init (EntenteStoryPanel *self)
{
  self->selected_entity = -1;
  self->selected_relation = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story details"),
                                  -1);
}

GtkWidget *
entente_story_panel_new (void)
{
  return g_object_new (ENTENTE_TYPE_STORY_PANEL, NULL);
}

void
entente_story_panel_set_story (EntenteStoryPanel *self,
                               EntenteStory      *story)
{
  g_return_if_fail (ENTENTE_IS_STORY_PANEL (self));

  if (!g_set_object (&self->story, story))
    return;

  self->selected_entity = -1;
  self->selected_relation = -1;
  rebuild_soon (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

/* Selecting an entity shows its card; -1 goes back to the story. */
void
entente_story_panel_set_selected_entity (EntenteStoryPanel *self,
                                         int                entity)
{
  g_return_if_fail (ENTENTE_IS_STORY_PANEL (self));

  if (self->story == NULL || entity < 0 || (guint) entity >= entente_story_get_n_entities (self->story))
    entity = -1;
  if (self->selected_entity == entity && self->selected_relation < 0)
    return;

  self->selected_entity = entity;
  self->selected_relation = -1;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
}

int
entente_story_panel_get_selected_entity (EntenteStoryPanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY_PANEL (self), -1);
  return self->selected_entity;
}

void
entente_story_panel_set_selected_relation (EntenteStoryPanel *self,
                                           int                relation)
{
  g_return_if_fail (ENTENTE_IS_STORY_PANEL (self));

  if (self->story == NULL || relation < 0 || (guint) relation >= entente_story_get_n_relations (self->story))
    relation = -1;
  if (self->selected_relation == relation)
    return;

  self->selected_relation = relation;
  self->selected_entity = -1;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
}

int
entente_story_panel_get_selected_relation (EntenteStoryPanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY_PANEL (self), -1);
  return self->selected_relation;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* Everything the panel shows as text, one label a line: what a reader (or a
 * test) sees. */
char *
entente_story_panel_dup_text (EntenteStoryPanel *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (ENTENTE_IS_STORY_PANEL (self), NULL);

  /* Whatever is still to be filled in is part of what the panel shows. */
  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }

  if (self->content != NULL)
    collect_text (GTK_WIDGET (self->content), out);
  return g_string_free (out, FALSE);
}

static void
follow_selection (EntenteStoryPanel *self)
{
  int relation = entente_reading_state_get_selected_relation (self->state);

  if (relation >= 0)
    entente_story_panel_set_selected_relation (self, relation);
  else
    entente_story_panel_set_selected_entity (self, entente_reading_state_get_selected_entity (self->state));
}

static void
follow_story (EntenteStoryPanel *self)
{
  entente_story_panel_set_story (self, entente_reading_state_get_story (self->state));
  follow_selection (self);
}

/* The panel tells of @state's story and of what it has selected. */
void
entente_story_panel_set_reading_state (EntenteStoryPanel   *self,
                                       EntenteReadingState *state)
{
  g_return_if_fail (ENTENTE_IS_STORY_PANEL (self));
  g_return_if_fail (state == NULL || ENTENTE_IS_READING_STATE (state));

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  if (!g_set_object (&self->state, state) || state == NULL)
    return;

  g_signal_connect_object (state, "notify::story", G_CALLBACK (follow_story), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::selected-entity", G_CALLBACK (follow_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::selected-relation", G_CALLBACK (follow_selection), self, G_CONNECT_SWAPPED);
  follow_story (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_STATE]);
}
