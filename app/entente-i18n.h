/* entente-i18n.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void entente_i18n_init (void);

G_END_DECLS
