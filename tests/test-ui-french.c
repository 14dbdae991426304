/* test-ui-french.c — with LANGUAGE=fr, the interface and the story are French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-i18n.h"
#include "ui-test-helpers.h"

static void
test_strings_translated (void)
{
  /* Strings from each source file that users see. */
  g_assert_cmpstr (entente_entity_kind_get_label (ENTENTE_ENTITY_PERSON), ==, "Personne");
  g_assert_cmpstr (entente_entity_kind_get_label (ENTENTE_ENTITY_COMPANY), ==, "Entreprise");
  g_assert_cmpstr (C_("legend", "Reported"), ==, "Rapporté");
  g_assert_cmpstr (_("Relations"), ==, "Relations");
  g_assert_cmpstr (_("Quotes"), ==, "Citations");
}

static void
test_window_in_french (void)
{
  EntenteWindow *window = ui_test_open_window ();
  EntenteStoryPanel *panel = entente_window_get_story_panel (window);
  g_autofree char *overview = entente_story_panel_dup_text (panel);
  g_autofree char *entity = NULL;

  ui_test_assert_contains (overview, "Microsoft et OpenAI");
  ui_test_assert_contains (overview, "Citations");
  ui_test_assert_contains (overview, "« Microsoft partage notre vision et nos valeurs");
  ui_test_assert_contains (overview, "Événements");
  g_assert_cmpstr (entente_timeline_get_label (entente_window_get_timeline (window)), ==, "23 janvier 2023");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-entity", "s", "elon-musk");
  ui_test_settle ();
  entity = entente_story_panel_dup_text (panel);
  ui_test_assert_contains (entity, "Personne · PDG de Tesla et de SpaceX");
  ui_test_assert_contains (entity, "membre du conseil d'administration");
  ui_test_assert_contains (entity, "Jusqu'à février 2018");
  ui_test_assert_contains (entity, "Aucune citation");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_use_private_data_home ();
  g_setenv ("LANGUAGE", "fr", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  entente_i18n_init ();

  g_test_add_func ("/ui/french/strings-translated", test_strings_translated);
  g_test_add_func ("/ui/french/window-in-french", test_window_in_french);

  return g_test_run ();
}
