/* entente-panel-cards.c
 *
 * Every link in a card is an action (win.select-entity, win.select-relation,
 * win.show-quote), so the window stays the one owner of the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-panel-cards.h"
#include "story/entente-amount.h"

#define MAX_CHARS 40

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
add_label (const EntentePanelContext *c,
           const char                *text,
           const char                *css_class)
{
  GtkWidget *label = new_label (text, css_class);

  gtk_box_append (c->box, label);
  return label;
}

static void
add_heading (const EntentePanelContext *c,
             const char                *text)
{
  GtkWidget *label = add_label (c, text, "heading");

  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
}

static GtkWidget *
new_link_button (const char *label_text,
                 const char *action,
                 const char *target,
                 const char *css_class)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = new_label (label_text, NULL);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  if (css_class)
    gtk_widget_add_css_class (button, css_class);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
  return button;
}

static void
add_back_button (const EntentePanelContext *c)
{
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back to the Story"));

  gtk_widget_set_halign (back, GTK_ALIGN_START);
  gtk_widget_add_css_class (back, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.select-entity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (back), "s", "");
  gtk_box_append (c->box, back);
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

/* Relation kinds are the story's own identifiers ("co-founder", "spoke-at",
 * "ceo"): shown as words, "Co-founder", "Spoke at", and a short single word
 * as the acronym it most likely is, "CEO". */
static char *
humanize_kind (const char *kind)
{
  static const char * const prefixes[] = { "co-", "ex-", "non-", "vice-", "pre-", "post-", NULL };
  g_autofree char *spaced = g_strdelimit (g_strdup (kind), "_", ' ');
  g_autofree char *first = NULL;
  g_autofree char *upper = NULL;

  /* Hyphens join words ("spoke-at"), except after a prefix ("co-founder"). */
  for (char *dash = strchr (spaced, '-'); dash; dash = strchr (dash + 1, '-'))
    {
      gboolean prefix = FALSE;

      for (guint i = 0; prefixes[i]; i++)
        {
          gsize len = strlen (prefixes[i]);
          if ((gsize) (dash - spaced) + 1 >= len && g_ascii_strncasecmp (dash + 1 - len, prefixes[i], len) == 0 &&
              (dash + 1 - len == spaced || dash[-(int) len] == ' '))
            prefix = TRUE;
        }
      if (!prefix)
        *dash = ' ';
    }

  if (strlen (spaced) <= 3 && strchr (spaced, ' ') == NULL)
    return g_utf8_strup (spaced, -1);

  first = g_utf8_substring (spaced, 0, 1);
  upper = g_utf8_strup (first, -1);
  return g_strconcat (upper, g_utf8_offset_to_pointer (spaced, 1), NULL);
}

/* Common relation kinds in the reader's language; others as written. */
static char *
kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } known[] = {
    { "investment", NC_("relation kind", "Investment") },
    { "co-founder", NC_("relation kind", "Co-founder") },
    { "founder", NC_("relation kind", "Founder") },
    { "ceo", NC_("relation kind", "CEO") },
    { "board-member", NC_("relation kind", "Board member") },
    { "donor", NC_("relation kind", "Donor") },
    { "owns", NC_("relation kind", "Owns") },
    { "launched", NC_("relation kind", "Launched") },
    { "developed", NC_("relation kind", "Developed") },
    { "built", NC_("relation kind", "Built") },
    { "powers", NC_("relation kind", "Powers") },
    { "integration", NC_("relation kind", "Integration") },
    { "rival", NC_("relation kind", "Rival") },
    { "based-on", NC_("relation kind", "Based on") },
    { "compared-to", NC_("relation kind", "Compared to") },
    { "spoke-at", NC_("relation kind", "Spoke at") },
    { "hosted-panel", NC_("relation kind", "Hosted a panel") },
    { "reported-on", NC_("relation kind", "Reported on") },
    { "gives-access", NC_("relation kind", "Gives access") },
    { "cloud-provider", NC_("relation kind", "Cloud provider") },
    { "profit-share", NC_("relation kind", "Profit share") },
    { "stake", NC_("relation kind", "Stake") },
    { "plays", NC_("relation kind", "Plays") },
    { "partnership", NC_("relation kind", "Partnership") },
    { "acquisition", NC_("relation kind", "Acquisition") },
    { "employee", NC_("relation kind", "Employee") },
    { "member", NC_("relation kind", "Member") },
    { "subsidiary", NC_("relation kind", "Subsidiary") },
    { "supplier", NC_("relation kind", "Supplier") },
    { "customer", NC_("relation kind", "Customer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (kind, known[i].kind) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "relation kind", known[i].label));

  return humanize_kind (kind);
}

/* Whole sentences, since languages inflect around the name ("du français",
 * "de l'anglais"). */
char *
entente_panel_translated_from (const char *code)
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

static void
add_sources (const EntentePanelContext *c,
             const EntenteIndexList    *sources)
{
  for (guint i = 0; i < sources->n; i++)
    {
      const EntenteSource *source = entente_story_get_source (c->story, sources->items[i]);
      g_autofree char *date = entente_date_format (&source->date);
      g_autofree char *line = g_strdup_printf ("%s — %s, %s", entente_text_get (&source->title),
                                               source->publisher, date);

      /* Only web links, checked by the loader; opened on click only. */
      if (source->url)
        {
          GtkWidget *link = gtk_link_button_new_with_label (source->url, line);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (link));

          if (GTK_IS_LABEL (label))
            {
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_label_set_xalign (GTK_LABEL (label), 0.0);
              gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
            }
          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_box_append (c->box, link);
        }
      else
        add_label (c, line, "caption");
    }
}

static void
add_quote_card (const EntentePanelContext *c,
                const EntenteQuote        *quote)
{
  const EntenteSource *source = entente_story_get_source (c->story, quote->source);
  const char *original = entente_text_get_in (&quote->text, quote->original_language);
  const char *shown = c->quotes_in_original_language ? original : entente_text_get (&quote->text);
  g_autofree char *date = entente_date_format (&quote->date);
  g_autofree char *text = NULL;
  g_autofree char *byline = NULL;
  GtkWidget *card, *label, *actions, *go;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "quote-card");

  /* Translators: quotation marks around a quote; French uses « %s ». */
  text = g_strdup_printf (_("“%s”"), shown);
  label = new_label (text, "quote-text");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (card), label);

  /* Translators: who said a quote, when, and where it was published:
   * "— Satya Nadella, 23 January 2023 · Microsoft". */
  byline = g_strdup_printf (_("— %s, %s · %s"), entity_name (c->story, quote->speaker), date,
                            entente_text_get (&source->title));
  gtk_box_append (GTK_BOX (card), new_label (byline, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (card), "dim-label");

  if (ENTENTE_TEXT_IS_SET (&quote->context))
    {
      gtk_box_append (GTK_BOX (card), new_label (entente_text_get (&quote->context), "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (card), "dim-label");
    }

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* Variants are distinct strings: another pointer means a translation,
   * and the original is one click away. */
  if (shown != original)
    {
      g_autofree char *note = entente_panel_translated_from (quote->original_language);
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), original);
      GtkWidget *revealer = gtk_revealer_new ();
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_("Show Original"));
      GtkWidget *original_label = new_label (quoted, "quote-text");

      gtk_box_append (GTK_BOX (card), new_label (note, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (card), "dim-label");

      gtk_label_set_selectable (GTK_LABEL (original_label), TRUE);
      gtk_revealer_set_child (GTK_REVEALER (revealer), original_label);
      gtk_box_append (GTK_BOX (card), revealer);
      g_object_bind_property (toggle, "active", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
      gtk_widget_add_css_class (toggle, "flat");
      gtk_box_append (GTK_BOX (actions), toggle);
    }

  go = gtk_button_new_with_label (_("Show in the Graph"));
  gtk_widget_add_css_class (go, "flat");
  gtk_widget_set_tooltip_text (go, _("Select the speaker, ring what the quote is about and move the timeline to its date"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (go), "win.show-quote");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (go), "s", quote->id);
  gtk_box_append (GTK_BOX (actions), go);
  gtk_box_append (GTK_BOX (card), actions);

  gtk_box_append (c->box, card);
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
quote_involves (const EntenteQuote *quote,
                guint               entity)
{
  if (quote->speaker == entity)
    return TRUE;
  for (guint i = 0; i < quote->about.n; i++)
    if (quote->about.items[i] == entity)
      return TRUE;
  return FALSE;
}

/* Quotes in date order: all of them, those involving @a, or those
 * involving both @a and @b (a relation's). */
static guint
add_quotes (const EntentePanelContext *c,
            int                        a,
            int                        b)
{
  guint n = entente_story_get_n_quotes (c->story);
  g_autofree guint *order = g_new (guint, MAX (1, n));
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_quotes_by_date, c->story);

  for (guint i = 0; i < n; i++)
    {
      const EntenteQuote *quote = entente_story_get_quote (c->story, order[i]);

      if ((a >= 0 && !quote_involves (quote, a)) || (b >= 0 && !quote_involves (quote, b)))
        continue;
      add_quote_card (c, quote);
      shown++;
    }

  return shown;
}

static void
add_relation_row (const EntentePanelContext *c,
                  guint                      index,
                  guint                      entity)
{
  const EntenteRelation *relation = entente_story_get_relation (c->story, index);
  gboolean outgoing = relation->from == entity;
  guint other = outgoing ? relation->to : relation->from;
  g_autofree char *span = format_span (&relation->start, &relation->end);
  g_autoptr(GString) text = g_string_new (NULL);

  if (outgoing)
    /* Translators: a relation from the selected entity: "→ invested $1 billion OpenAI". */
    g_string_printf (text, _("→ %s %s"), entente_text_get (&relation->label), entity_name (c->story, other));
  else
    /* Translators: a relation towards the selected entity: "← Microsoft invested $1 billion". */
    g_string_printf (text, _("← %s %s"), entity_name (c->story, other), entente_text_get (&relation->label));

  if (span)
    g_string_append_printf (text, " · %s", span);
  if (relation->status == ENTENTE_STATUS_REPORTED)
    g_string_append_printf (text, " · %s", _("reported, not confirmed"));

  gtk_box_append (c->box, new_link_button (text->str, "win.select-relation", relation->id,
                                           relation->status == ENTENTE_STATUS_REPORTED ? "reported" : "relation-row"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (GTK_WIDGET (c->box)), "relation-row");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

void
entente_panel_add_entity_card (const EntentePanelContext *c,
                               guint                      entity)
{
  const EntenteEntity *e = entente_story_get_entity (c->story, entity);
  g_autofree char *span = format_span (&e->start, &e->end);
  g_autofree char *kind_line = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  guint n_relations = 0;

  add_back_button (c);
  add_label (c, entente_text_get (&e->name), "title-2");

  if (ENTENTE_TEXT_IS_SET (&e->role))
    /* Translators: an entity's kind and role: "Person · CEO of Microsoft". */
    kind_line = g_strdup_printf (_("%s · %s"), entente_entity_kind_get_label (e->kind), entente_text_get (&e->role));
  else
    kind_line = g_strdup (entente_entity_kind_get_label (e->kind));
  add_label (c, kind_line, "dim-label");

  if (span)
    add_label (c, span, "dim-label");
  if (ENTENTE_TEXT_IS_SET (&e->description))
    add_label (c, entente_text_get (&e->description), NULL);

  if (e->sources.n > 0)
    {
      add_heading (c, g_dngettext (GETTEXT_PACKAGE, "Source", "Sources", e->sources.n));
      add_sources (c, &e->sources);
    }

  /* Relations grouped by kind, kinds in alphabetical order. */
  for (guint i = 0; i < entente_story_get_n_relations (c->story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (c->story, i);

      if ((r->from == entity || r->to == entity) &&
          !g_ptr_array_find_with_equal_func (kinds, r->kind, g_str_equal, NULL))
        g_ptr_array_add (kinds, r->kind);
    }
  g_ptr_array_sort (kinds, compare_strings);

  add_heading (c, _("Relations"));
  for (guint k = 0; k < kinds->len; k++)
    {
      g_autofree char *kind_title = kind_label (kinds->pdata[k]);
      GtkWidget *title = add_label (c, kind_title, "caption-heading");

      gtk_widget_set_margin_top (title, 6);
      for (guint i = 0; i < entente_story_get_n_relations (c->story); i++)
        {
          const EntenteRelation *r = entente_story_get_relation (c->story, i);

          if ((r->from == entity || r->to == entity) && g_str_equal (r->kind, kinds->pdata[k]))
            {
              add_relation_row (c, i, entity);
              n_relations++;
            }
        }
    }
  if (n_relations == 0)
    add_label (c, _("No relations in this story."), "dim-label");

  add_heading (c, _("Quotes"));
  if (add_quotes (c, entity, -1) == 0)
    add_label (c, _("No quotes by or about this entity."), "dim-label");
}

void
entente_panel_add_relation_card (const EntentePanelContext *c,
                                 guint                      index)
{
  const EntenteRelation *r = entente_story_get_relation (c->story, index);
  const EntenteEntity *from = entente_story_get_entity (c->story, r->from);
  const EntenteEntity *to = entente_story_get_entity (c->story, r->to);
  g_autofree char *span = format_span (&r->start, &r->end);
  g_autofree char *kind = kind_label (r->kind);
  g_autofree char *title = NULL;
  GtkWidget *ends;

  add_back_button (c);

  /* Translators: a relation's title: "Microsoft → OpenAI". */
  title = g_strdup_printf (_("%s → %s"), entente_text_get (&from->name), entente_text_get (&to->name));
  add_label (c, title, "title-2");
  add_label (c, entente_text_get (&r->label), NULL);
  add_label (c, kind, "dim-label");

  ends = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (ends), new_link_button (entente_text_get (&from->name), "win.select-entity", from->id, NULL));
  gtk_box_append (GTK_BOX (ends), new_link_button (entente_text_get (&to->name), "win.select-entity", to->id, NULL));
  gtk_box_append (c->box, ends);

  if (r->has_amount)
    {
      g_autofree char *amount = entente_amount_format (r->amount_value, r->amount_currency);
      /* Translators: a relation's amount: "Amount: $1 billion". */
      g_autofree char *line = g_strdup_printf (_("Amount: %s"), amount);
      add_label (c, line, NULL);
    }

  if (span)
    add_label (c, span, "dim-label");

  if (r->status == ENTENTE_STATUS_REPORTED)
    {
      add_label (c, _("Reported"), "heading");
      add_label (c, _("Not confirmed by the parties: the story gives it as a rumour or “according to sources”. "
                      "It is drawn dashed."), "reported");
    }
  else
    add_label (c, _("Confirmed by the parties or by the sources the story cites."), "dim-label");

  if (r->sources.n > 0)
    {
      add_heading (c, g_dngettext (GETTEXT_PACKAGE, "Source", "Sources", r->sources.n));
      add_sources (c, &r->sources);
    }

  add_heading (c, _("Quotes"));
  if (add_quotes (c, r->from, r->to) == 0)
    add_label (c, _("No quotes involve both ends of this relation."), "dim-label");
}

void
entente_panel_add_overview (const EntentePanelContext *c)
{
  EntenteIndexList all_sources = { entente_story_get_n_sources (c->story), NULL };
  g_autofree guint *indices = g_new (guint, MAX (1, all_sources.n));

  add_label (c, entente_text_get (entente_story_get_title (c->story)), "title-2");
  add_label (c, entente_text_get (entente_story_get_summary (c->story)), NULL);

  for (guint i = 0; i < all_sources.n; i++)
    indices[i] = i;
  all_sources.items = indices;
  if (all_sources.n > 0)
    {
      add_heading (c, g_dngettext (GETTEXT_PACKAGE, "Source", "Sources", all_sources.n));
      add_sources (c, &all_sources);
    }

  add_heading (c, _("Quotes"));
  if (add_quotes (c, -1, -1) == 0)
    add_label (c, _("This story has no quotes."), "dim-label");

  if (entente_story_get_n_events (c->story) > 0)
    add_heading (c, _("Events"));
  for (guint i = 0; i < entente_story_get_n_events (c->story); i++)
    {
      const EntenteEvent *event = entente_story_get_event (c->story, i);
      g_autofree char *date = entente_date_format (&event->date);
      g_autofree char *line = NULL;

      if (event->status == ENTENTE_STATUS_REPORTED)
        /* Translators: an event in the list: "January 2023 — Rumours… (reported)". */
        line = g_strdup_printf (_("%s — %s (reported)"), date, entente_text_get (&event->title));
      else
        /* Translators: an event in the list: "July 2019 — Microsoft backs OpenAI". */
        line = g_strdup_printf (_("%s — %s"), date, entente_text_get (&event->title));
      add_label (c, line, event->status == ENTENTE_STATUS_REPORTED ? "reported" : NULL);
    }
}
