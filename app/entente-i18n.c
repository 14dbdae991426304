/* entente-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "entente-i18n.h"

/* ENTENTE_LOCALEDIR lets the uninstalled build (make run, the tests) find its
 * catalogues. */
void
entente_i18n_init (void)
{
  const char *localedir = g_getenv ("ENTENTE_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE under the plain C locale, yet LANGUAGE=fr on a
   * machine with no generated locales should still give a French UI. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (g_getenv ("LANGUAGE") && *g_getenv ("LANGUAGE") &&
      (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
