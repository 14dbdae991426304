/* entente-story-panel.c
 *
 * The panel is rebuilt whenever the story or the selection changes: it holds
 * a few dozen widgets at most, so rebuilding is simpler than diffing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-story-panel.h"

struct _EntenteStoryPanel
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkBox       *content;

  EntenteStory *story;
  int           selected_entity;
  gboolean      quotes_in_original_language;
};

G_DEFINE_FINAL_TYPE (EntenteStoryPanel, entente_story_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORY,
  PROP_SELECTED_ENTITY,
  PROP_QUOTES_IN_ORIGINAL_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
add_label (EntenteStoryPanel *self,
           const char        *text,
           const char        *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content, label);
  return label;
}

static GtkWidget *
add_heading (EntenteStoryPanel *self,
             const char        *text)
{
  GtkWidget *label = add_label (self, text, "heading");

  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static char *
format_span (const EntenteDate *start,
             const EntenteDate *end)
{
  g_autofree char *from = ENTENTE_DATE_IS_SET (start) ? entente_date_format (start) : NULL;
  g_autofree char *to = ENTENTE_DATE_IS_SET (end) ? entente_date_format (end) : NULL;

  if (from && to)
    /* Translators: a span of time, as in "from 2015 to February 2018". */
    return g_strdup_printf (_("From %s to %s"), from, to);
  if (from)
    /* Translators: as in "since July 2019". */
    return g_strdup_printf (_("Since %s"), from);
  if (to)
    /* Translators: as in "until February 2018". */
    return g_strdup_printf (_("Until %s"), to);
  return NULL;
}

static const char *
entity_name (EntenteStory *story,
             guint         entity)
{
  return entente_text_get (&entente_story_get_entity (story, entity)->name);
}

/* Whole sentences, since languages inflect around the name ("du français",
 * "de l'anglais"). */
static char *
translated_from (const char *code)
{
  struct { const char *code; const char *sentence; } sentences[] = {
    { "fr", N_("Translated from French") },
    { "en", N_("Translated from English") },
    { "de", N_("Translated from German") },
    { "es", N_("Translated from Spanish") },
    { "it", N_("Translated from Italian") },
    { "pt", N_("Translated from Portuguese") },
    { "nl", N_("Translated from Dutch") },
    { "zh", N_("Translated from Chinese") },
    { "ja", N_("Translated from Japanese") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (g_ascii_strncasecmp (code, sentences[i].code, 2) == 0 && (code[2] == '\0' || code[2] == '-' || code[2] == '_'))
      return g_strdup (_(sentences[i].sentence));

  /* Translators: %s is a language code such as "sv". */
  return g_strdup_printf (_("Translated from the language “%s”"), code);
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_quote_card (EntenteStoryPanel  *self,
                const EntenteQuote *quote)
{
  const char *original = entente_text_get_in (&quote->text, quote->original_language);
  const char *shown = self->quotes_in_original_language ? original : entente_text_get (&quote->text);
  const EntenteSource *source = entente_story_get_source (self->story, quote->source);
  g_autofree char *date = entente_date_format (&quote->date);
  g_autofree char *text = NULL;
  g_autofree char *byline = NULL;
  GtkWidget *card, *label;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "quote-card");

  /* Translators: quotation marks around a quote; French uses « %s ». */
  text = g_strdup_printf (_("“%s”"), shown);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "quote-text");
  gtk_box_append (GTK_BOX (card), label);

  /* Translators: who said a quote, when, and where it was published:
   * "— Satya Nadella, 23 January 2023 · Microsoft". */
  byline = g_strdup_printf (_("— %s, %s · %s"),
                            entity_name (self->story, quote->speaker), date,
                            entente_text_get (&source->title));
  label = gtk_label_new (byline);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (card), label);

  if (ENTENTE_TEXT_IS_SET (&quote->context))
    gtk_box_append (GTK_BOX (card), new_caption (entente_text_get (&quote->context)));

  /* Variants are distinct strings: another pointer means a translation. */
  if (shown != original)
    {
      g_autofree char *note = translated_from (quote->original_language);
      gtk_box_append (GTK_BOX (card), new_caption (note));
    }

  gtk_box_append (self->content, card);
}

static int
compare_quotes_by_date (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  EntenteStory *story = user_data;

  return entente_date_compare (&entente_story_get_quote (story, *(const guint *) a)->date,
                               &entente_story_get_quote (story, *(const guint *) b)->date);
}

static gboolean
quote_concerns (const EntenteQuote *quote,
                guint               entity)
{
  if (quote->speaker == entity)
    return TRUE;
  for (guint i = 0; i < quote->about.n; i++)
    if (quote->about.items[i] == entity)
      return TRUE;
  return FALSE;
}

/* All quotes in date order, or those by or about @entity when it is >= 0. */
static guint
add_quotes (EntenteStoryPanel *self,
            int                entity)
{
  guint n = entente_story_get_n_quotes (self->story);
  g_autofree guint *order = g_new (guint, MAX (1, n));
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_quotes_by_date, self->story);

  for (guint i = 0; i < n; i++)
    {
      const EntenteQuote *quote = entente_story_get_quote (self->story, order[i]);

      if (entity >= 0 && !quote_concerns (quote, entity))
        continue;
      add_quote_card (self, quote);
      shown++;
    }

  return shown;
}

static void
add_relation_row (EntenteStoryPanel     *self,
                  const EntenteRelation *relation,
                  guint                  entity)
{
  gboolean outgoing = relation->from == entity;
  guint other = outgoing ? relation->to : relation->from;
  const char *other_id = entente_story_get_entity (self->story, other)->id;
  g_autofree char *span = format_span (&relation->start, &relation->end);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *button, *label;

  if (outgoing)
    /* Translators: a relation from the selected entity: "→ invested $1 billion OpenAI". */
    g_string_printf (text, _("→ %s %s"), entente_text_get (&relation->label), entity_name (self->story, other));
  else
    /* Translators: a relation towards the selected entity: "← Microsoft invested $1 billion". */
    g_string_printf (text, _("← %s %s"), entity_name (self->story, other), entente_text_get (&relation->label));

  if (span)
    g_string_append_printf (text, " · %s", span);
  if (relation->status == ENTENTE_STATUS_REPORTED)
    g_string_append_printf (text, " · %s", _("reported, not confirmed"));

  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "relation-row");
  if (relation->status == ENTENTE_STATUS_REPORTED)
    gtk_widget_add_css_class (button, "reported");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-entity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", other_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
  gtk_box_append (self->content, button);
}

static void
show_entity (EntenteStoryPanel *self,
             guint              entity)
{
  const EntenteEntity *e = entente_story_get_entity (self->story, entity);
  g_autofree char *span = format_span (&e->start, &e->end);
  g_autofree char *kind_line = NULL;
  GtkWidget *back;
  guint n_relations = 0;

  back = gtk_button_new_with_mnemonic (_("_Back to the Story"));
  gtk_widget_set_halign (back, GTK_ALIGN_START);
  gtk_widget_add_css_class (back, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.select-entity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (back), "s", "");
  gtk_box_append (self->content, back);

  add_label (self, entente_text_get (&e->name), "title-2");

  if (ENTENTE_TEXT_IS_SET (&e->role))
    /* Translators: an entity's kind and role: "Person · CEO of Microsoft". */
    kind_line = g_strdup_printf (_("%s · %s"), entente_entity_kind_get_label (e->kind), entente_text_get (&e->role));
  else
    kind_line = g_strdup (entente_entity_kind_get_label (e->kind));
  add_label (self, kind_line, "dim-label");

  if (span)
    add_label (self, span, "dim-label");
  if (ENTENTE_TEXT_IS_SET (&e->description))
    add_label (self, entente_text_get (&e->description), NULL);

  add_heading (self, _("Relations"));
  for (guint i = 0; i < entente_story_get_n_relations (self->story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (self->story, i);

      if (r->from == entity || r->to == entity)
        {
          add_relation_row (self, r, entity);
          n_relations++;
        }
    }
  if (n_relations == 0)
    add_label (self, _("No relations in this story."), "dim-label");

  add_heading (self, _("Quotes"));
  if (add_quotes (self, entity) == 0)
    add_label (self, _("No quotes by or about this entity."), "dim-label");
}

static void
show_overview (EntenteStoryPanel *self)
{
  add_label (self, entente_text_get (entente_story_get_title (self->story)), "title-2");
  add_label (self, entente_text_get (entente_story_get_summary (self->story)), NULL);

  add_heading (self, g_dngettext (GETTEXT_PACKAGE, "Source", "Sources", entente_story_get_n_sources (self->story)));
  for (guint i = 0; i < entente_story_get_n_sources (self->story); i++)
    {
      const EntenteSource *source = entente_story_get_source (self->story, i);
      g_autofree char *date = entente_date_format (&source->date);
      g_autofree char *line = g_strdup_printf ("%s — %s, %s", entente_text_get (&source->title),
                                               source->publisher, date);

      if (source->url)
        {
          GtkWidget *link = gtk_link_button_new_with_label (source->url, line);
          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_box_append (self->content, link);
        }
      else
        add_label (self, line, "caption");
    }

  add_heading (self, _("Quotes"));
  if (add_quotes (self, -1) == 0)
    add_label (self, _("This story has no quotes."), "dim-label");

  add_heading (self, _("Events"));
  for (guint i = 0; i < entente_story_get_n_events (self->story); i++)
    {
      const EntenteEvent *event = entente_story_get_event (self->story, i);
      g_autofree char *date = entente_date_format (&event->date);
      g_autofree char *line = NULL;

      if (event->status == ENTENTE_STATUS_REPORTED)
        /* Translators: an event in the list: "January 2023 — Rumours… (reported)". */
        line = g_strdup_printf (_("%s — %s (reported)"), date, entente_text_get (&event->title));
      else
        /* Translators: an event in the list: "July 2019 — Microsoft backs OpenAI". */
        line = g_strdup_printf (_("%s — %s"), date, entente_text_get (&event->title));
      add_label (self, line, event->status == ENTENTE_STATUS_REPORTED ? "reported" : NULL);
    }
}

static void
rebuild (EntenteStoryPanel *self)
{
  GtkWidget *child;
  GtkAdjustment *vadjustment;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);

  if (self->story == NULL)
    return;

  if (self->selected_entity >= 0)
    show_entity (self, self->selected_entity);
  else
    show_overview (self);

  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (vadjustment, 0);
}

static void
entente_story_panel_dispose (GObject *object)
{
  EntenteStoryPanel *self = (EntenteStoryPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_STORY_PANEL);
  g_clear_object (&self->story);

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
    case PROP_QUOTES_IN_ORIGINAL_LANGUAGE:
      g_value_set_boolean (value, self->quotes_in_original_language);
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
  properties[PROP_QUOTES_IN_ORIGINAL_LANGUAGE] =
    g_param_spec_boolean ("quotes-in-original-language", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-story-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteStoryPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, EntenteStoryPanel, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "storypanel");
}

static void
entente_story_panel_init (EntenteStoryPanel *self)
{
  self->selected_entity = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
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
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

void
entente_story_panel_set_selected_entity (EntenteStoryPanel *self,
                                         int                entity)
{
  g_return_if_fail (ENTENTE_IS_STORY_PANEL (self));

  if (self->story == NULL || entity < 0 || (guint) entity >= entente_story_get_n_entities (self->story))
    entity = -1;
  if (self->selected_entity == entity)
    return;

  self->selected_entity = entity;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}

int
entente_story_panel_get_selected_entity (EntenteStoryPanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_STORY_PANEL (self), -1);
  return self->selected_entity;
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

  collect_text (GTK_WIDGET (self->content), out);
  return g_string_free (out, FALSE);
}
