/* entente-layout.h — deterministic force-directed layout of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "story/entente-story.h"

G_BEGIN_DECLS

typedef struct
{
  guint    n_nodes;
  double  *x;
  double  *y;
  double  *radius;
  double  *vx;
  double  *vy;
  double  *charge;   /* many-body strength, negative: hubs push harder, so their leaves spread out */
  guint8  *pinned;
  guint8  *held;     /* while a local change settles: those that stay put, or NULL */

  /* One spring per linked pair, however many relations it carries. */
  guint    n_springs;
  guint   *spring_a;
  guint   *spring_b;
  double  *spring_strength;
  double  *spring_bias;

  /* Per relation: how far its curve bows from the straight line, so that
   * parallel relations between one pair stay apart. */
  guint    n_relations;
  double  *relation_bend;

  /* Bumped whenever positions change, so that what was built from them
   * (a hit grid) knows when to be built again. */
  guint    moves;

  guint32  seed;
  double   alpha;      /* the "temperature", cooling from 1 to ALPHA_MIN */
  guint    iterations;
  gboolean settled;    /* overlaps removed and axis turned: final */
  gboolean placed;     /* started from hop distances, or from given positions */
  gboolean pivots_tried;
  gboolean relaxed;    /* the sweeps towards hop distances are done */

  gpointer tree;       /* EntenteQuadtree, reused across iterations */
  gpointer pivots;     /* EntentePivots, or NULL */
} EntenteLayout;

#define ENTENTE_LAYOUT_DEFAULT_SEED 42
#define ENTENTE_LAYOUT_EDGE_LENGTH  110.0

EntenteLayout *entente_layout_new         (EntenteStory        *story,
                                           guint32              seed);
void           entente_layout_free        (EntenteLayout       *layout);
EntenteLayout *entente_layout_copy_for_drawing (const EntenteLayout *layout);
void           entente_layout_place       (EntenteLayout       *layout);
gboolean       entente_layout_step        (EntenteLayout       *layout);
void           entente_layout_run         (EntenteLayout       *layout);
void           entente_layout_reheat      (EntenteLayout       *layout);
void           entente_layout_reheat_around (EntenteLayout     *layout,
                                             guint              node,
                                             guint              hops);
void           entente_layout_unpin       (EntenteLayout       *layout,
                                           guint                node);
void           entente_layout_get_bounds  (const EntenteLayout *layout,
                                           double              *x0,
                                           double              *y0,
                                           double              *x1,
                                           double              *y1);
int            entente_layout_hit         (const EntenteLayout *layout,
                                           const guint8        *shown,
                                           double               x,
                                           double               y,
                                           double               slack);
void           entente_layout_move_node   (EntenteLayout       *layout,
                                           guint                node,
                                           double               x,
                                           double               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteLayout, entente_layout_free)

G_END_DECLS
