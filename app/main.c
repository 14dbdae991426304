/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-cli.h"
#include "entente-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EntenteApplication) app = NULL;

  entente_i18n_init ();

  if (entente_cli_wanted (argc, argv))
    return entente_cli_run (argc, argv);

  g_set_application_name (_("Entente"));
  app = entente_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
