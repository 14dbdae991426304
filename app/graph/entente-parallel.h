/* entente-parallel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Does part @part of @n_parts of some work on @data. */
typedef void (*EntenteParallelFunc) (guint    part,
                                     guint    n_parts,
                                     gpointer data);

guint entente_parallel_get_n_parts (void);
void  entente_parallel_run         (guint               n_parts,
                                    EntenteParallelFunc func,
                                    gpointer            data);

G_END_DECLS
