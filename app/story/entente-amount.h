/* entente-amount.h — money as readers say it: "$1 billion", "1 milliard de dollars"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *entente_amount_format (double      value,
                             const char *currency);

G_END_DECLS
