/* entente-pivots.h — hop distances from a few pivot nodes, and what they
 * buy the layout: a quick global start and a sparse stress refinement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EntentePivots EntentePivots;

EntentePivots *entente_pivots_new         (guint                n_nodes,
                                           const guint         *edge_a,
                                           const guint         *edge_b,
                                           guint                n_edges,
                                           guint                first_pivot);
void           entente_pivots_free        (EntentePivots       *pivots);
guint          entente_pivots_get_n       (const EntentePivots *pivots);
gboolean       entente_pivots_place       (const EntentePivots *pivots,
                                           double               edge_length,
                                           double              *x,
                                           double              *y);
void           entente_pivots_relax       (const EntentePivots *pivots,
                                           const guint8        *pinned,
                                           double              *x,
                                           double              *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntentePivots, entente_pivots_free)

G_END_DECLS
