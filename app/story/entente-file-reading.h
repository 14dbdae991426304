/* entente-file-reading.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *entente_file_load_bounded (GFile         *file,
                                   gsize          limit,
                                   GCancellable  *cancellable,
                                   GError       **error);

gboolean entente_same_file         (const char    *a,
                                   const char    *b);

G_END_DECLS
