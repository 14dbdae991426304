/* entente-layout.c
 *
 * A force layout in the manner of d3-force: many-body repulsion by
 * Barnes–Hut (θ = 0.9), springs along relations, a weak pull to the centre,
 * velocity decay, and an alpha that cools to a stop. It starts from pivot
 * MDS and, nearly cool, takes two sweeps of sparse stress (see
 * entente-pivots.c): they give the large scale that forces alone get
 * wrong. The only randomness is seeded, so a story and a seed always give
 * the same picture; the force loop is split over two threads on big graphs,
 * each node's force depending only on the previous positions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-layout.h"
#include "entente-parallel.h"
#include "entente-pivots.h"
#include "entente-quadtree.h"

#define THETA            0.9
#define CHARGE          -900.0
#define GRAVITY          0.04
#define VELOCITY_DECAY   0.4
#define ALPHA_MIN        0.001
#define N_ITERATIONS     300
#define BEND_SPACING     34.0
#define LABEL_CLEARANCE  26.0
#define THREAD_THRESHOLD 2000
#define NUDGE            5.0
#define RELAX_ALPHA      0.03
#define RELAX_SWEEPS     2

static guint64
pair_key (guint a,
          guint b)
{
  return ((guint64) MIN (a, b) << 32) | MAX (a, b);
}

static void
build_springs_and_bends (EntenteLayout *layout,
                         EntenteStory  *story)
{
  g_autoptr(GHashTable) pair_count = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) pair_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_relations = entente_story_get_n_relations (story);

  layout->n_relations = n_relations;
  layout->relation_bend = g_new0 (double, MAX (1, n_relations));
  layout->spring_a = g_new0 (guint, MAX (1, n_relations));
  layout->spring_b = g_new0 (guint, MAX (1, n_relations));

  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);
      gint64 *key = g_new (gint64, 1);
      guint count;

      *key = (gint64) pair_key (r->from, r->to);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (pair_count, key));
      if (count == 0 && r->from != r->to)
        {
          layout->spring_a[layout->n_springs] = r->from;
          layout->spring_b[layout->n_springs] = r->to;
          layout->n_springs++;
        }
      g_hash_table_replace (pair_count, key, GUINT_TO_POINTER (count + 1));
    }

  /* Bends are measured from the lower-numbered node's side, so a relation
   * and its reverse bow to opposite sides too. */
  for (guint i = 0; i < n_relations; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);
      gint64 key = (gint64) pair_key (r->from, r->to);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (pair_count, &key));
      guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (pair_seen, &key));
      gint64 *owned = g_new (gint64, 1);
      double bend = (lane - (count - 1) / 2.0) * BEND_SPACING;

      *owned = key;
      g_hash_table_replace (pair_seen, owned, GUINT_TO_POINTER (lane + 1));
      layout->relation_bend[i] = r->from <= r->to ? bend : -bend;
    }
}

EntenteLayout *
entente_layout_new (EntenteStory *story,
                    guint32       seed)
{
  EntenteLayout *layout;
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *degree = NULL;
  g_autofree guint *order = NULL;
  guint n;

  g_return_val_if_fail (ENTENTE_IS_STORY (story), NULL);

  n = entente_story_get_n_entities (story);
  layout = g_new0 (EntenteLayout, 1);
  layout->n_nodes = n;
  layout->seed = seed;
  layout->x = g_new0 (double, MAX (1, n));
  layout->y = g_new0 (double, MAX (1, n));
  layout->vx = g_new0 (double, MAX (1, n));
  layout->vy = g_new0 (double, MAX (1, n));
  layout->radius = g_new0 (double, MAX (1, n));
  layout->charge = g_new0 (double, MAX (1, n));
  layout->pinned = g_new0 (guint8, MAX (1, n));
  layout->tree = entente_quadtree_new ();

  build_springs_and_bends (layout, story);

  degree = g_new0 (guint, MAX (1, n));
  for (guint i = 0; i < layout->n_springs; i++)
    {
      degree[layout->spring_a[i]]++;
      degree[layout->spring_b[i]]++;
    }

  /* As d3-force: a spring is as strong as the less connected end allows,
   * and moves that end more. */
  layout->spring_strength = g_new0 (double, MAX (1, layout->n_springs));
  layout->spring_bias = g_new0 (double, MAX (1, layout->n_springs));
  for (guint i = 0; i < layout->n_springs; i++)
    {
      double da = degree[layout->spring_a[i]], db = degree[layout->spring_b[i]];

      layout->spring_strength[i] = 1.0 / MIN (da, db);
      layout->spring_bias[i] = da / (da + db);
    }

  for (guint i = 0; i < n; i++)
    {
      layout->radius[i] = MIN (36.0, 16.0 + 5.0 * sqrt (degree[i]));
      layout->charge[i] = CHARGE * sqrt (1.0 + degree[i]);
    }

  /* Start on a phyllotaxis spiral, in an order shuffled by the seed, until
   * entente_layout_place() puts it in proportion to its hop distances. */
  order = g_new (guint, MAX (1, n));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  rand = g_rand_new_with_seed (seed);
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      guint swap = order[i - 1];
      order[i - 1] = order[j];
      order[j] = swap;
    }
  for (guint k = 0; k < n; k++)
    {
      double r = ENTENTE_LAYOUT_EDGE_LENGTH * 0.5 * sqrt (0.5 + k);
      double angle = k * G_PI * (3 - sqrt (5));

      layout->x[order[k]] = r * cos (angle);
      layout->y[order[k]] = r * sin (angle);
    }

  layout->alpha = 1.0;
  return layout;
}

static void
ensure_pivots (EntenteLayout *layout)
{
  g_autofree guint *degree = NULL;
  guint hub = 0;

  if (layout->pivots != NULL || layout->pivots_tried)
    return;
  layout->pivots_tried = TRUE;

  degree = g_new0 (guint, MAX (1, layout->n_nodes));
  for (guint s = 0; s < layout->n_springs; s++)
    {
      degree[layout->spring_a[s]]++;
      degree[layout->spring_b[s]]++;
    }
  for (guint i = 1; i < layout->n_nodes; i++)
    if (degree[i] > degree[hub])
      hub = i;

  layout->pivots = entente_pivots_new (layout->n_nodes, layout->spring_a, layout->spring_b, layout->n_springs, hub);
}

/* Moves the component of the best connected node to where its hop
 * distances put it (pivot MDS), nudged off one another in directions drawn
 * from the seed; nodes outside it stay on the spiral. Done once, by the
 * first step if not before, and not at all once the reader has pinned
 * something: then the picture starts from what they arranged. It costs
 * some 28 ms at 10,000 nodes and 0.37 s at 100,000, so
 * the window does it before its first frame only for small stories and
 * leaves the others to the worker. */
void
entente_layout_place (EntenteLayout *layout)
{
  g_autoptr(GRand) rand = NULL;

  g_return_if_fail (layout != NULL);

  if (layout->placed)
    return;
  layout->placed = TRUE;
  layout->moves++;
  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->pinned[i])
      return;

  ensure_pivots (layout);
  if (layout->pivots == NULL ||
      !entente_pivots_place (layout->pivots, ENTENTE_LAYOUT_EDGE_LENGTH, layout->x, layout->y))
    return;

  rand = g_rand_new_with_seed (layout->seed);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);

      layout->x[i] += NUDGE * cos (angle);
      layout->y[i] += NUDGE * sin (angle);
    }
}

/* What drawing reads of @layout (positions, sizes, pins, bends), copied,
 * for a picture drawn on another thread while @layout moves on; it cannot
 * be stepped. */
EntenteLayout *
entente_layout_copy_for_drawing (const EntenteLayout *layout)
{
  EntenteLayout *copy = g_new0 (EntenteLayout, 1);
  gsize n = layout->n_nodes;

  copy->n_nodes = layout->n_nodes;
  copy->x = g_memdup2 (layout->x, n * sizeof (double));
  copy->y = g_memdup2 (layout->y, n * sizeof (double));
  copy->radius = g_memdup2 (layout->radius, n * sizeof (double));
  copy->pinned = g_memdup2 (layout->pinned, n);
  copy->n_relations = layout->n_relations;
  copy->relation_bend = g_memdup2 (layout->relation_bend, layout->n_relations * sizeof (double));
  copy->seed = layout->seed;
  copy->settled = TRUE;
  return copy;
}

void
entente_layout_free (EntenteLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->x);
  g_free (layout->y);
  g_free (layout->vx);
  g_free (layout->vy);
  g_free (layout->radius);
  g_free (layout->charge);
  g_free (layout->pinned);
  g_free (layout->held);
  g_free (layout->spring_a);
  g_free (layout->spring_b);
  g_free (layout->spring_strength);
  g_free (layout->spring_bias);
  g_free (layout->relation_bend);
  entente_quadtree_free (layout->tree);
  entente_pivots_free (layout->pivots);
  g_free (layout);
}

/* Part @part of @n_parts of the many-body pass, in the quadtree's order:
 * each node's force depends only on the tree, so the parts add the same
 * terms in the same order however the work is split. */
static void
apply_charge (guint    part,
              guint    n_parts,
              gpointer data)
{
  EntenteLayout *layout = data;
  const guint *order = entente_quadtree_get_order (layout->tree);
  guint first = (guint) ((guint64) layout->n_nodes * part / n_parts);
  guint last = (guint) ((guint64) layout->n_nodes * (part + 1) / n_parts);

  for (guint k = first; k < last; k++)
    {
      guint i = order[k];
      double fx, fy;

      entente_quadtree_force (layout->tree, i, layout->x, layout->y, layout->charge, THETA, &fx, &fy);
      layout->vx[i] += fx * layout->alpha;
      layout->vy[i] += fy * layout->alpha;
    }
}

/* Whether node @i keeps its place this step: pinned by the reader, or held
 * while a change elsewhere settles (see entente_layout_reheat_around()). */
static inline gboolean
stays (const EntenteLayout *layout,
       guint                i)
{
  return layout->pinned[i] || (layout->held != NULL && layout->held[i]);
}

/* Pushes overlapping nodes apart, leaving room for the label below each.
 * A grid of cells as wide as the largest reach keeps it linear. */
static void
separate (EntenteLayout *layout)
{
  guint n = layout->n_nodes;
  double reach = 0, x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  g_autofree int *head = NULL;
  g_autofree int *next = NULL;
  guint columns, rows;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      reach = MAX (reach, 2 * layout->radius[i] + LABEL_CLEARANCE);
      x0 = MIN (x0, layout->x[i]);
      y0 = MIN (y0, layout->y[i]);
      x1 = MAX (x1, layout->x[i]);
      y1 = MAX (y1, layout->y[i]);
    }

  columns = (guint) CLAMP ((x1 - x0) / reach + 1, 1, 4096);
  rows = (guint) CLAMP ((y1 - y0) / reach + 1, 1, 4096);
  head = g_new (int, columns * rows);
  next = g_new (int, n);
  for (guint c = 0; c < columns * rows; c++)
    head[c] = -1;
  for (guint i = 0; i < n; i++)
    {
      guint cx = MIN (columns - 1, (guint) ((layout->x[i] - x0) / reach));
      guint cy = MIN (rows - 1, (guint) ((layout->y[i] - y0) / reach));
      next[i] = head[cy * columns + cx];
      head[cy * columns + cx] = (int) i;
    }

  for (guint i = 0; i < n; i++)
    {
      guint cx = MIN (columns - 1, (guint) ((layout->x[i] - x0) / reach));
      guint cy = MIN (rows - 1, (guint) ((layout->y[i] - y0) / reach));

      for (guint gy = cy > 0 ? cy - 1 : 0; gy <= MIN (rows - 1, cy + 1); gy++)
        for (guint gx = cx > 0 ? cx - 1 : 0; gx <= MIN (columns - 1, cx + 1); gx++)
          for (int j = head[gy * columns + gx]; j >= 0; j = next[j])
            {
              double dx, dy, d, min_d, push, wi, wj;

              if ((guint) j <= i)
                continue;
              dx = layout->x[j] - layout->x[i];
              dy = layout->y[j] - layout->y[i];
              d = sqrt (dx * dx + dy * dy);
              min_d = layout->radius[i] + layout->radius[j] + LABEL_CLEARANCE;
              if (d >= min_d)
                continue;
              if (d < 1e-6)
                {
                  dx = 1.0 + (i % 7) * 0.1;
                  dy = 0.5 - (j % 5) * 0.2;
                  d = sqrt (dx * dx + dy * dy);
                }
              push = (min_d - d) / d;
              wi = stays (layout, i) ? 0.0 : (stays (layout, j) ? 1.0 : 0.5);
              wj = stays (layout, j) ? 0.0 : 1.0 - wi;
              layout->x[i] -= dx * push * wi;
              layout->y[i] -= dy * push * wi;
              layout->x[j] += dx * push * wj;
              layout->y[j] += dy * push * wj;
            }
    }
}

/* Screens are wider than tall: turn the settled layout so that its longest
 * axis runs left to right, around its centre of mass. Not once the reader
 * has pinned something: nothing moves under their hand. */
static void
align_principal_axis (EntenteLayout *layout)
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0, angle, c, s;
  guint n = layout->n_nodes;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      if (layout->pinned[i])
        return;
      mx += layout->x[i];
      my += layout->y[i];
    }
  mx /= n;
  my /= n;

  for (guint i = 0; i < n; i++)
    {
      double dx = layout->x[i] - mx, dy = layout->y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }

  angle = -0.5 * atan2 (2 * sxy, sxx - syy);
  c = cos (angle);
  s = sin (angle);
  for (guint i = 0; i < n; i++)
    {
      double dx = layout->x[i] - mx, dy = layout->y[i] - my;
      layout->x[i] = dx * c - dy * s;
      layout->y[i] = dx * s + dy * c;
    }
}

/* Nearly cool, a couple of sweeps towards the hop distances: forces spread
 * a graph evenly and leave its far ends folded in, which these undo; the
 * forces then have the last word on spacing. Once per run, not after a
 * drag: the rest of the picture should not move for a local change. */
static void
relax_towards_hop_distances (EntenteLayout *layout)
{
  layout->relaxed = TRUE;
  ensure_pivots (layout);
  if (layout->pivots == NULL)
    return;

  for (guint sweep = 0; sweep < RELAX_SWEEPS; sweep++)
    entente_pivots_relax (layout->pivots, layout->pinned, layout->x, layout->y);
  memset (layout->vx, 0, layout->n_nodes * sizeof (double));
  memset (layout->vy, 0, layout->n_nodes * sizeof (double));
}

static void
settle (EntenteLayout *layout)
{
  for (guint pass = 0; pass < 20; pass++)
    separate (layout);
  /* A local change keeps the picture's orientation. */
  if (layout->held == NULL)
    align_principal_axis (layout);
  g_clear_pointer (&layout->held, g_free);
  layout->settled = TRUE;
}

/* One iteration; returns FALSE once the layout has cooled down and settled. */
gboolean
entente_layout_step (EntenteLayout *layout)
{
  static const double alpha_decay = 0.033946; /* 1 - ALPHA_MIN^(1/200) */
  guint n = layout->n_nodes;

  g_return_val_if_fail (layout != NULL, FALSE);

  layout->moves++;

  if (layout->settled || n == 0)
    return FALSE;

  if (!layout->placed)
    entente_layout_place (layout);

  if (layout->alpha < ALPHA_MIN)
    {
      settle (layout);
      return FALSE;
    }

  if (!layout->relaxed && layout->alpha < RELAX_ALPHA)
    relax_towards_hop_distances (layout);

  /* Many-body repulsion. */
  entente_quadtree_build (layout->tree, layout->x, layout->y, layout->charge, n);
  entente_parallel_run (n >= THREAD_THRESHOLD ? entente_parallel_get_n_parts () : 1, apply_charge, layout);

  /* Springs along relations. */
  for (guint s = 0; s < layout->n_springs; s++)
    {
      guint a = layout->spring_a[s], b = layout->spring_b[s];
      double dx = layout->x[b] + layout->vx[b] - layout->x[a] - layout->vx[a];
      double dy = layout->y[b] + layout->vy[b] - layout->y[a] - layout->vy[a];
      double l = sqrt (dx * dx + dy * dy);
      double bias = layout->spring_bias[s];

      if (l < 1e-6)
        {
          dx = 1e-3 * ((s % 3) - 1.0 + 0.5);
          dy = 1e-3;
          l = sqrt (dx * dx + dy * dy);
        }
      l = (l - ENTENTE_LAYOUT_EDGE_LENGTH) / l * layout->alpha * layout->spring_strength[s];
      dx *= l;
      dy *= l;
      layout->vx[b] -= dx * bias;
      layout->vy[b] -= dy * bias;
      layout->vx[a] += dx * (1 - bias);
      layout->vy[a] += dy * (1 - bias);
    }

  /* A weak pull to the centre keeps separate pieces together; then move. */
  for (guint i = 0; i < n; i++)
    {
      if (stays (layout, i))
        {
          layout->vx[i] = layout->vy[i] = 0;
          continue;
        }
      layout->vx[i] -= layout->x[i] * GRAVITY * layout->alpha;
      layout->vy[i] -= layout->y[i] * GRAVITY * layout->alpha;
      layout->vx[i] *= 1 - VELOCITY_DECAY;
      layout->vy[i] *= 1 - VELOCITY_DECAY;
      layout->x[i] += layout->vx[i];
      layout->y[i] += layout->vy[i];
    }

  layout->alpha += (0 - layout->alpha) * alpha_decay;
  layout->iterations++;
  return TRUE;
}

void
entente_layout_run (EntenteLayout *layout)
{
  g_return_if_fail (layout != NULL);

  while (entente_layout_step (layout))
    ;
}

/* Warms a settled layout up around @node only (after the reader moved or
 * freed it): what lies within @hops relations of it adjusts, everything
 * else stays exactly where it is, so that a drag never reshuffles the
 * picture. While the layout is still settling from the start, the whole
 * of it goes on moving. */
void
entente_layout_reheat_around (EntenteLayout *layout,
                              guint          node,
                              guint          hops)
{
  g_autofree guint *first = NULL;
  g_autofree guint *neighbours = NULL;
  g_autofree guint *queue = NULL;
  g_autofree guint *depth = NULL;
  guint n, head = 0, tail = 0;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->n_nodes);

  if (!layout->settled && layout->held == NULL)
    {
      entente_layout_reheat (layout);
      return;
    }

  n = layout->n_nodes;
  if (layout->held == NULL)
    {
      layout->held = g_malloc (n);
      memset (layout->held, TRUE, n);
    }

  /* Neighbour lists from the springs, then a walk of @hops steps. */
  first = g_new0 (guint, n + 1);
  neighbours = g_new (guint, MAX (1, 2 * layout->n_springs));
  for (guint s = 0; s < layout->n_springs; s++)
    {
      first[layout->spring_a[s] + 1]++;
      first[layout->spring_b[s] + 1]++;
    }
  for (guint i = 0; i < n; i++)
    first[i + 1] += first[i];
  {
    g_autofree guint *fill = g_memdup2 (first, sizeof (guint) * n);

    for (guint s = 0; s < layout->n_springs; s++)
      {
        neighbours[fill[layout->spring_a[s]]++] = layout->spring_b[s];
        neighbours[fill[layout->spring_b[s]]++] = layout->spring_a[s];
      }
  }
  queue = g_new (guint, n);
  depth = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    depth[i] = G_MAXUINT;
  depth[node] = 0;
  queue[tail++] = node;
  while (head < tail)
    {
      guint e = queue[head++];

      layout->held[e] = FALSE;
      if (depth[e] == hops)
        continue;
      for (guint k = first[e]; k < first[e + 1]; k++)
        if (depth[neighbours[k]] == G_MAXUINT)
          {
            depth[neighbours[k]] = depth[e] + 1;
            queue[tail++] = neighbours[k];
          }
    }

  layout->alpha = MAX (layout->alpha, 0.3);
  layout->settled = FALSE;
}

/* Warms the layout up again (after unpinning, or "Re-arrange"). */
void
entente_layout_reheat (EntenteLayout *layout)
{
  g_return_if_fail (layout != NULL);

  layout->alpha = MAX (layout->alpha, 0.3);
  layout->settled = FALSE;
}

void
entente_layout_unpin (EntenteLayout *layout,
                      guint          node)
{
  g_return_if_fail (node < layout->n_nodes);

  layout->pinned[node] = FALSE;
}

void
entente_layout_get_bounds (const EntenteLayout *layout,
                           double              *x0,
                           double              *y0,
                           double              *x1,
                           double              *y1)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      double r = layout->radius[i];

      min_x = MIN (min_x, layout->x[i] - r);
      min_y = MIN (min_y, layout->y[i] - r);
      max_x = MAX (max_x, layout->x[i] + r);
      max_y = MAX (max_y, layout->y[i] + r + LABEL_CLEARANCE);
    }

  if (layout->n_nodes == 0)
    min_x = min_y = max_x = max_y = 0;

  *x0 = min_x;
  *y0 = min_y;
  *x1 = max_x;
  *y1 = max_y;
}

/* The topmost shown node under the world point (x, y), within @slack world
 * units of its edge, or -1. */
int
entente_layout_hit (const EntenteLayout *layout,
                    const guint8        *shown,
                    double               x,
                    double               y,
                    double               slack)
{
  for (guint k = layout->n_nodes; k > 0; k--)
    {
      guint i = k - 1;
      double dx = x - layout->x[i];
      double dy = y - layout->y[i];
      double r = layout->radius[i] + slack;

      if (shown != NULL && !shown[i])
        continue;
      if (dx * dx + dy * dy <= r * r)
        return (int) i;
    }

  return -1;
}

void
entente_layout_move_node (EntenteLayout *layout,
                          guint          node,
                          double         x,
                          double         y)
{
  g_return_if_fail (node < layout->n_nodes);

  layout->x[node] = x;
  layout->y[node] = y;
  layout->moves++;
  layout->vx[node] = layout->vy[node] = 0;
  layout->pinned[node] = TRUE;
}
