/* entente-hit-grid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-layout.h"

G_BEGIN_DECLS

typedef struct _EntenteHitGrid EntenteHitGrid;

EntenteHitGrid *entente_hit_grid_new        (const EntenteLayout  *layout);
void            entente_hit_grid_free       (EntenteHitGrid       *grid);
gboolean        entente_hit_grid_is_current (const EntenteHitGrid *grid,
                                             const EntenteLayout  *layout);
int             entente_hit_grid_find_node  (const EntenteHitGrid *grid,
                                             const EntenteLayout  *layout,
                                             const guint8         *shown,
                                             double                x,
                                             double                y,
                                             double                slack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteHitGrid, entente_hit_grid_free)

G_END_DECLS
