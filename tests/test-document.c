/* test-document.c — every change to a story goes through the document,
 * checked as the loader checks, references kept right, each change told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include "story/entente-document.h"
#include "story/entente-text.h"

typedef struct
{
  guint item;
  guint index;
  guint edit;
} Change;

static void
record (EntenteDocument *document,
        guint            item,
        guint            index,
        guint            edit,
        GArray          *changes)
{
  Change change = { item, index, edit };

  g_array_append_val (changes, change);
}

static guint
count_changes (GArray *changes,
               guint   item,
               guint   edit)
{
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);
      n += c->item == item && c->edit == edit;
    }
  return n;
}

static EntenteDocument *
watched_document (GArray **changes)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  EntenteDocument *document = entente_document_new (story, NULL);

  *changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (document, "changed", G_CALLBACK (record), *changes);
  return document;
}

/* Every reference in the story names an entity that exists. */
static void
assert_references_hold (EntenteStory *story)
{
  guint n = entente_story_get_n_entities (story);

  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    {
      g_assert_cmpuint (entente_story_get_relation (story, i)->from, <, n);
      g_assert_cmpuint (entente_story_get_relation (story, i)->to, <, n);
    }
  for (guint i = 0; i < entente_story_get_n_quotes (story); i++)
    {
      const EntenteQuote *q = entente_story_get_quote (story, i);

      g_assert_cmpuint (q->speaker, <, n);
      for (guint k = 0; k < q->about.n; k++)
        g_assert_cmpuint (q->about.items[k], <, n);
    }
  for (guint i = 0; i < entente_story_get_n_events (story); i++)
    {
      const EntenteEvent *e = entente_story_get_event (story, i);

      for (guint k = 0; k < e->entities.n; k++)
        g_assert_cmpuint (e->entities.items[k], <, n);
    }
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (entente_story_find_entity (story, entente_story_get_entity (story, i)->id), ==, i);
}

static void
test_add_entity (void)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(EntenteDocument) document = watched_document (&changes);
  EntenteStory *story = entente_document_get_story (document);
  guint before = entente_story_get_n_entities (story);
  g_autoptr(GError) error = NULL;
  int first, second, accented;

  g_assert_false (entente_document_get_modified (document));
  first = entente_document_add_entity (document, ENTENTE_ENTITY_PERSON, "Kevin Scott", &error);
  g_assert_no_error (error);
  second = entente_document_add_entity (document, ENTENTE_ENTITY_PERSON, "Kevin  Scott!", &error);
  accented = entente_document_add_entity (document, ENTENTE_ENTITY_ORGANIZATION, "Élysée", &error);

  g_assert_cmpint (first, ==, before);
  g_assert_cmpuint (entente_story_get_n_entities (story), ==, before + 3);
  g_assert_cmpstr (entente_story_get_entity (story, first)->id, ==, "kevin-scott");
  g_assert_cmpstr (entente_story_get_entity (story, second)->id, ==, "kevin-scott-2");
  g_assert_cmpstr (entente_story_get_entity (story, accented)->id, ==, "elysee");
  g_assert_cmpstr (entente_text_get (&entente_story_get_entity (story, accented)->name), ==, "Élysée");
  g_assert_cmpint (entente_story_find_entity (story, "kevin-scott-2"), ==, second);
  g_assert_true (entente_document_get_modified (document));
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, Change, 0).item, ==, ENTENTE_ITEM_ENTITY);
  g_assert_cmpuint (g_array_index (changes, Change, 0).index, ==, (guint) first);
  g_assert_cmpuint (g_array_index (changes, Change, 0).edit, ==, ENTENTE_EDIT_ADDED);
  assert_references_hold (story);
}

/* Refused with the loader's words, and nothing changed. */
static void
test_refused_edits (void)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(EntenteDocument) document = watched_document (&changes);
  EntenteStory *story = entente_document_get_story (document);
  guint before = entente_story_get_n_entities (story);
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) control = NULL;
  g_autoptr(GError) range = NULL;

  g_assert_cmpint (entente_document_add_entity (document, ENTENTE_ENTITY_PERSON, "", &empty), ==, -1);
  g_assert_cmpstr (empty->message, ==, "must not be empty");
  g_assert_cmpint (entente_document_add_entity (document, ENTENTE_ENTITY_PERSON, "Bell\a", &control), ==, -1);
  g_assert_cmpstr (control->message, ==,
                   "holds the character U+0007, a control character or noncharacter that a story may not contain");
  g_assert_cmpint (entente_document_add_relation (document, 0, before, "k", "l", ENTENTE_STATUS_CONFIRMED, &range), ==, -1);
  g_assert_error (range, ENTENTE_DOCUMENT_ERROR, ENTENTE_DOCUMENT_ERROR_INVALID);

  g_assert_cmpuint (entente_story_get_n_entities (story), ==, before);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_false (entente_document_get_modified (document));
}

/* A name changes in one language or all; the id, which references and
 * saved arrangements hold, does not. */
static void
test_rename_keeps_id (void)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(EntenteDocument) document = watched_document (&changes);
  EntenteStory *story = entente_document_get_story (document);
  int openai = entente_story_find_entity (story, "openai");
  const char *french[] = { "fr", NULL };
  const char *english[] = { "en", NULL };

  g_assert_true (entente_document_set_entity_name (document, openai, "fr", "OpenAI (laboratoire)", NULL));
  g_assert_cmpstr (entente_story_get_entity (story, openai)->id, ==, "openai");
  g_assert_cmpstr (entente_text_lookup (&entente_story_get_entity (story, openai)->name, french), ==, "OpenAI (laboratoire)");
  g_assert_cmpstr (entente_text_lookup (&entente_story_get_entity (story, openai)->name, english), ==, "OpenAI");

  g_assert_true (entente_document_set_entity_kind (document, openai, ENTENTE_ENTITY_ORGANIZATION, NULL));
  g_assert_cmpint (entente_story_get_entity (story, openai)->kind, ==, ENTENTE_ENTITY_ORGANIZATION);
  g_assert_cmpuint (count_changes (changes, ENTENTE_ITEM_ENTITY, ENTENTE_EDIT_CHANGED), ==, 2);
}

/* Removing OpenAI takes its relations and the quotes it spoke, and takes
 * it out of the quotes and events that name it: every reference still
 * holds, and each of those is told. */
static void
test_remove_entity (void)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(EntenteDocument) document = watched_document (&changes);
  EntenteStory *story = entente_document_get_story (document);
  int openai = entente_story_find_entity (story, "openai");
  guint n_entities = entente_story_get_n_entities (story);
  guint n_relations = entente_story_get_n_relations (story);
  guint touching = 0, naming = 0;
  g_autofree char *microsoft_id = g_strdup ("microsoft");

  for (guint i = 0; i < n_relations; i++)
    touching += entente_story_get_relation (story, i)->from == (guint) openai ||
                entente_story_get_relation (story, i)->to == (guint) openai;
  for (guint i = 0; i < entente_story_get_n_events (story); i++)
    for (guint k = 0; k < entente_story_get_event (story, i)->entities.n; k++)
      naming += entente_story_get_event (story, i)->entities.items[k] == (guint) openai;
  g_assert_cmpuint (touching, >, 5);
  g_assert_cmpuint (naming, >, 0);

  g_assert_true (entente_document_remove_entity (document, openai, NULL));

  g_assert_cmpuint (entente_story_get_n_entities (story), ==, n_entities - 1);
  g_assert_cmpuint (entente_story_get_n_relations (story), ==, n_relations - touching);
  g_assert_cmpint (entente_story_find_entity (story, "openai"), ==, -1);
  g_assert_cmpint (entente_story_find_entity (story, microsoft_id), >=, 0);
  assert_references_hold (story);

  g_assert_cmpuint (count_changes (changes, ENTENTE_ITEM_RELATION, ENTENTE_EDIT_REMOVED), ==, touching);
  g_assert_cmpuint (count_changes (changes, ENTENTE_ITEM_ENTITY, ENTENTE_EDIT_REMOVED), ==, 1);
  g_assert_cmpuint (count_changes (changes, ENTENTE_ITEM_EVENT, ENTENTE_EDIT_CHANGED), >, 0);
  g_assert_true (entente_document_get_modified (document));
}

static void
test_relations (void)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(EntenteDocument) document = watched_document (&changes);
  EntenteStory *story = entente_document_get_story (document);
  int microsoft = entente_story_find_entity (story, "microsoft");
  int google = entente_story_find_entity (story, "google");
  guint n_relations = entente_story_get_n_relations (story);
  int added;

  added = entente_document_add_relation (document, microsoft, google, "rival", "competes with",
                                         ENTENTE_STATUS_REPORTED, NULL);
  g_assert_cmpint (added, ==, n_relations);
  g_assert_cmpstr (entente_story_get_relation (story, added)->id, ==, "microsoft-rival-google");
  g_assert_cmpuint (entente_story_get_relation (story, added)->from, ==, (guint) microsoft);
  g_assert_cmpint (entente_story_get_relation (story, added)->status, ==, ENTENTE_STATUS_REPORTED);

  g_assert_true (entente_document_remove_relation (document, added, NULL));
  g_assert_cmpuint (entente_story_get_n_relations (story), ==, n_relations);
  g_assert_cmpuint (count_changes (changes, ENTENTE_ITEM_RELATION, ENTENTE_EDIT_ADDED), ==, 1);
  g_assert_cmpuint (count_changes (changes, ENTENTE_ITEM_RELATION, ENTENTE_EDIT_REMOVED), ==, 1);
}

/* A new undated entity tied to a dated one appears with it. */
static void
test_appearances_follow_edits (void)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(EntenteDocument) document = watched_document (&changes);
  EntenteStory *story = entente_document_get_story (document);
  int microsoft = entente_story_find_entity (story, "microsoft");
  int newcomer = entente_document_add_entity (document, ENTENTE_ENTITY_PRODUCT, "Copilot Studio", NULL);

  g_assert_cmpuint (entente_story_get_entity (story, newcomer)->appears_day, ==, 0);
  entente_document_add_relation (document, microsoft, newcomer, "product", "makes", ENTENTE_STATUS_CONFIRMED, NULL);
  g_assert_cmpuint (entente_story_get_entity (story, newcomer)->appears_day, ==,
                    entente_story_get_entity (story, microsoft)->appears_day);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/document/add-entity", test_add_entity);
  g_test_add_func ("/story/document/refused-edits", test_refused_edits);
  g_test_add_func ("/story/document/rename-keeps-id", test_rename_keeps_id);
  g_test_add_func ("/story/document/remove-entity", test_remove_entity);
  g_test_add_func ("/story/document/relations", test_relations);
  g_test_add_func ("/story/document/appearances-follow-edits", test_appearances_follow_edits);

  return g_test_run ();
}
