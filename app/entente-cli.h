/* entente-cli.h — --validate and --export, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean entente_cli_wanted (int    argc,
                             char **argv);
int      entente_cli_run    (int    argc,
                             char **argv);

G_END_DECLS
