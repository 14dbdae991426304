/* entente-quadtree.h — Barnes–Hut many-body forces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EntenteQuadtree EntenteQuadtree;

EntenteQuadtree *entente_quadtree_new    (void);
void             entente_quadtree_free   (EntenteQuadtree *tree);
void             entente_quadtree_build  (EntenteQuadtree *tree,
                                          const double    *x,
                                          const double    *y,
                                          const double    *charge,
                                          guint            n);
const guint     *entente_quadtree_get_order (const EntenteQuadtree *tree);
void             entente_quadtree_force  (const EntenteQuadtree *tree,
                                          guint                  node,
                                          const double          *x,
                                          const double          *y,
                                          const double          *charge,
                                          double                 theta,
                                          double                *fx,
                                          double                *fy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteQuadtree, entente_quadtree_free)

G_END_DECLS
