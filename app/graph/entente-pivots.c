/* entente-pivots.c
 *
 * Hop distances from up to 100 pivots, chosen far apart (each is the node
 * farthest from those already taken). They serve twice:
 *
 * - Pivot MDS (Brandes and Pich, 2006) on the first 40 places the graph in
 *   proportion to its hop distances in a few milliseconds. Forces alone
 *   untangle the large scale slowly and often leave it folded.
 * - Sparse stress (Ortmann, Klimenta and Brandes, 2016) relaxes the nearly
 *   settled force layout towards those distances: each node is held at one
 *   relation's length from its neighbours and at its hop distance from each
 *   pivot, a pivot standing for the nodes of its region. Forces spread a
 *   graph evenly; this keeps far things far and near things near. With 200
 *   pivots the benchmark graphs came out no better, at twice the time and
 *   memory (20 MB at 100,000 nodes with 100).
 *
 * Only the component of the first pivot gets pivot terms; nodes outside it
 * keep what their own relations give them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-pivots.h"

#define MAX_PIVOTS        100
#define PLACING_PIVOTS    40
#define POWER_ITERATIONS  200
#define NEAR_LIMIT        1024  /* hops counted apart in near[]; beyond, lumped */
#define UNREACHED         G_MAXUINT
#define NOT_A_MEMBER      G_MAXUINT

struct _EntentePivots
{
  guint    n_nodes;
  guint   *offsets;       /* adjacency: n_nodes + 1 */
  guint   *targets;

  guint    n_members;     /* the first pivot's component */
  guint   *members;
  guint   *row;           /* node → its row in @distance, or NOT_A_MEMBER */

  guint    n_pivots;
  guint    pivot[MAX_PIVOTS];
  guint16 *distance;      /* n_members × n_pivots hop counts */

  /* Per pivot, how many nodes of its region (the nodes nearer to it than to
   * any other pivot) lie within t hops: near[p * (near_limit + 1) + t]. */
  guint    near_limit;
  guint   *near;
};

static void
build_adjacency (EntentePivots *self,
                 const guint   *edge_a,
                 const guint   *edge_b,
                 guint          n_edges)
{
  g_autofree guint *fill = g_new0 (guint, self->n_nodes);

  self->offsets = g_new0 (guint, self->n_nodes + 1);
  self->targets = g_new (guint, MAX (1, 2 * n_edges));

  for (guint e = 0; e < n_edges; e++)
    {
      self->offsets[edge_a[e] + 1]++;
      self->offsets[edge_b[e] + 1]++;
    }
  for (guint i = 0; i < self->n_nodes; i++)
    self->offsets[i + 1] += self->offsets[i];
  for (guint e = 0; e < n_edges; e++)
    {
      guint a = edge_a[e], b = edge_b[e];
      self->targets[self->offsets[a] + fill[a]++] = b;
      self->targets[self->offsets[b] + fill[b]++] = a;
    }
}

/* Hop distances from @source; returns how many nodes were reached, which
 * are the first entries of @queue. */
static guint
breadth_first (const EntentePivots *self,
               guint                source,
               guint               *distance,
               guint               *queue)
{
  guint head = 0, tail = 0;

  for (guint i = 0; i < self->n_nodes; i++)
    distance[i] = UNREACHED;
  distance[source] = 0;
  queue[tail++] = source;

  while (head < tail)
    {
      guint u = queue[head++];

      for (guint k = self->offsets[u]; k < self->offsets[u + 1]; k++)
        {
          guint v = self->targets[k];

          if (distance[v] == UNREACHED)
            {
              distance[v] = distance[u] + 1;
              queue[tail++] = v;
            }
        }
    }

  return tail;
}

static void
count_regions (EntentePivots *self)
{
  guint width = self->near_limit + 1;

  self->near = g_new0 (guint, (gsize) self->n_pivots * width);
  for (guint r = 0; r < self->n_members; r++)
    {
      const guint16 *d = self->distance + (gsize) r * self->n_pivots;
      guint nearest = 0;

      for (guint p = 1; p < self->n_pivots; p++)
        if (d[p] < d[nearest])
          nearest = p;
      self->near[(gsize) nearest * width + MIN (d[nearest], self->near_limit)]++;
    }
  for (guint p = 0; p < self->n_pivots; p++)
    for (guint t = 1; t < width; t++)
      self->near[(gsize) p * width + t] += self->near[(gsize) p * width + t - 1];
}

/* Returns NULL when the first pivot's component is too small to matter. */
EntentePivots *
entente_pivots_new (guint        n_nodes,
                    const guint *edge_a,
                    const guint *edge_b,
                    guint        n_edges,
                    guint        first_pivot)
{
  g_autoptr(EntentePivots) self = NULL;
  g_autofree guint *distance = NULL;
  g_autofree guint *queue = NULL;
  g_autofree guint *nearest = NULL;
  guint next_pivot;

  if (n_nodes < 3 || first_pivot >= n_nodes)
    return NULL;

  self = g_new0 (EntentePivots, 1);
  self->n_nodes = n_nodes;
  build_adjacency (self, edge_a, edge_b, n_edges);

  distance = g_new (guint, n_nodes);
  queue = g_new (guint, n_nodes);
  self->n_members = breadth_first (self, first_pivot, distance, queue);
  if (self->n_members < 3)
    return NULL;

  self->members = g_memdup2 (queue, self->n_members * sizeof (guint));
  self->row = g_new (guint, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    self->row[i] = NOT_A_MEMBER;
  for (guint r = 0; r < self->n_members; r++)
    self->row[self->members[r]] = r;

  self->n_pivots = MIN (MAX_PIVOTS, self->n_members);
  self->distance = g_new (guint16, (gsize) self->n_members * self->n_pivots);
  nearest = g_new (guint, self->n_members);
  for (guint r = 0; r < self->n_members; r++)
    nearest[r] = UNREACHED;

  next_pivot = first_pivot;
  for (guint p = 0; p < self->n_pivots; p++)
    {
      guint farthest = 0;

      self->pivot[p] = next_pivot;
      if (p > 0)
        breadth_first (self, next_pivot, distance, queue);
      for (guint r = 0; r < self->n_members; r++)
        {
          guint d = MIN (distance[self->members[r]], G_MAXUINT16 - 1);

          self->distance[(gsize) r * self->n_pivots + p] = (guint16) d;
          self->near_limit = MAX (self->near_limit, MIN (d, NEAR_LIMIT));
          nearest[r] = MIN (nearest[r], d);
          if (nearest[r] > farthest)
            {
              farthest = nearest[r];
              next_pivot = self->members[r];
            }
        }
    }

  count_regions (self);
  return g_steal_pointer (&self);
}

void
entente_pivots_free (EntentePivots *self)
{
  if (self == NULL)
    return;

  g_free (self->offsets);
  g_free (self->targets);
  g_free (self->members);
  g_free (self->row);
  g_free (self->distance);
  g_free (self->near);
  g_free (self);
}

guint
entente_pivots_get_n (const EntentePivots *self)
{
  return self->n_pivots;
}

/* The dominant eigenvector of the symmetric k×k matrix @m, orthogonal to
 * @avoid when given. */
static void
dominant_axis (const double *m,
               guint         k,
               const double *avoid,
               double       *v)
{
  double next[PLACING_PIVOTS];

  for (guint j = 0; j < k; j++)
    v[j] = 1.0 + sin (1.0 + 7.0 * j);

  for (guint iteration = 0; iteration < POWER_ITERATIONS; iteration++)
    {
      double norm = 0, change = 0;

      if (avoid != NULL)
        {
          double dot = 0;
          for (guint j = 0; j < k; j++)
            dot += v[j] * avoid[j];
          for (guint j = 0; j < k; j++)
            v[j] -= dot * avoid[j];
        }

      for (guint r = 0; r < k; r++)
        {
          double sum = 0;
          for (guint c = 0; c < k; c++)
            sum += m[r * k + c] * v[c];
          next[r] = sum;
        }

      for (guint j = 0; j < k; j++)
        norm += next[j] * next[j];
      norm = sqrt (norm);
      if (norm < 1e-12)
        return;
      for (guint j = 0; j < k; j++)
        {
          double was = v[j];

          v[j] = next[j] / norm;
          change = MAX (change, fabs (v[j] - was));
        }
      /* Converged to the last bits: further rounds only shuffle those. */
      if (change < 1e-15)
        return;
    }
}

/* Row r of the double-centred matrix of squared distances. */
static void
centred_row (const EntentePivots *self,
             guint                r,
             guint                k,
             const double        *column_mean,
             double               grand_mean,
             double              *out)
{
  const guint16 *d = self->distance + (gsize) r * self->n_pivots;
  double row_mean = 0;

  for (guint p = 0; p < k; p++)
    {
      out[p] = (double) d[p] * d[p];
      row_mean += out[p];
    }
  row_mean /= k;
  for (guint p = 0; p < k; p++)
    out[p] = -0.5 * (out[p] - row_mean - column_mean[p] + grand_mean);
}

/* Pivot MDS. Positions the first pivot's component so that a relation is
 * @edge_length long on average; returns FALSE, leaving @x and @y alone,
 * if the projection collapsed. */
gboolean
entente_pivots_place (const EntentePivots *self,
                      double               edge_length,
                      double              *x,
                      double              *y)
{
  guint k = MIN (PLACING_PIVOTS, self->n_pivots);
  double column_mean[PLACING_PIVOTS] = { 0 };
  double axis[2][PLACING_PIVOTS];
  double row[PLACING_PIVOTS];
  double grand_mean = 0, length_sum = 0, scale;
  g_autofree double *gram = g_new0 (double, k * k);
  g_autofree double *px = g_new (double, self->n_members);
  g_autofree double *py = g_new (double, self->n_members);
  guint n_lengths = 0;

  for (guint r = 0; r < self->n_members; r++)
    for (guint p = 0; p < k; p++)
      {
        double d = self->distance[(gsize) r * self->n_pivots + p];
        column_mean[p] += d * d;
      }
  for (guint p = 0; p < k; p++)
    {
      column_mean[p] /= self->n_members;
      grand_mean += column_mean[p];
    }
  grand_mean /= k;

  for (guint r = 0; r < self->n_members; r++)
    {
      centred_row (self, r, k, column_mean, grand_mean, row);
      for (guint a = 0; a < k; a++)
        for (guint b = a; b < k; b++)
          gram[a * k + b] += row[a] * row[b];
    }
  for (guint a = 0; a < k; a++)
    for (guint b = 0; b < a; b++)
      gram[a * k + b] = gram[b * k + a];

  dominant_axis (gram, k, NULL, axis[0]);
  dominant_axis (gram, k, axis[0], axis[1]);

  for (guint r = 0; r < self->n_members; r++)
    {
      double sx = 0, sy = 0;

      centred_row (self, r, k, column_mean, grand_mean, row);
      for (guint p = 0; p < k; p++)
        {
          sx += row[p] * axis[0][p];
          sy += row[p] * axis[1][p];
        }
      px[r] = sx;
      py[r] = sy;
    }

  for (guint r = 0; r < self->n_members; r++)
    {
      guint u = self->members[r];

      for (guint e = self->offsets[u]; e < self->offsets[u + 1]; e++)
        {
          guint s = self->row[self->targets[e]];

          length_sum += hypot (px[r] - px[s], py[r] - py[s]);
          n_lengths++;
        }
    }
  if (n_lengths == 0 || !(length_sum > 1e-9) || !isfinite (length_sum))
    return FALSE;

  scale = edge_length * n_lengths / length_sum;
  for (guint r = 0; r < self->n_members; r++)
    {
      x[self->members[r]] = px[r] * scale;
      y[self->members[r]] = py[r] * scale;
    }

  return TRUE;
}

/* Calls @visit for every term of node @i's stress: its relations (one
 * hop) and, for the first pivot's component, each pivot farther away,
 * weighted by how many nodes of its region it stands for. */
typedef void (*TermVisitor) (double  ox,
                             double  oy,
                             double  hops,
                             double  weight,
                             gpointer data);

static void
visit_terms (const EntentePivots *self,
             guint                i,
             const double        *x,
             const double        *y,
             TermVisitor          visit,
             gpointer             data)
{
  guint width = self->near_limit + 1;
  guint r = self->row[i];

  for (guint e = self->offsets[i]; e < self->offsets[i + 1]; e++)
    visit (x[self->targets[e]], y[self->targets[e]], 1.0, 1.0, data);

  if (r == NOT_A_MEMBER)
    return;

  for (guint p = 0; p < self->n_pivots; p++)
    {
      guint d = self->distance[(gsize) r * self->n_pivots + p];
      double represented;

      if (d < 2)
        continue;
      represented = self->near[(gsize) p * width + MIN (d / 2, self->near_limit)];
      visit (x[self->pivot[p]], y[self->pivot[p]], d, represented / ((double) d * d), data);
    }
}

typedef struct
{
  double x, y;          /* the node */
  double scale;         /* length of one hop */
  double sx, sy, sw;    /* majorization sums */
  double fit_num, fit_den;
} Accumulator;

static void
add_to_fit (double   ox,
            double   oy,
            double   hops,
            double   weight,
            gpointer data)
{
  Accumulator *acc = data;

  acc->fit_num += weight * hypot (acc->x - ox, acc->y - oy) * hops;
  acc->fit_den += weight * hops * hops;
}

/* "Be hops × scale away from (ox, oy)", majorized at the current position. */
static void
add_to_move (double   ox,
             double   oy,
             double   hops,
             double   weight,
             gpointer data)
{
  Accumulator *acc = data;
  double dx = acc->x - ox, dy = acc->y - oy;
  double d = sqrt (dx * dx + dy * dy);

  if (d < 1e-9)
    return;
  acc->sx += weight * (ox + hops * acc->scale * dx / d);
  acc->sy += weight * (oy + hops * acc->scale * dy / d);
  acc->sw += weight;
}

/* One Gauss–Seidel sweep of sparse stress majorization, at the scale that
 * fits the layout as it is, so that the picture keeps its size. */
void
entente_pivots_relax (const EntentePivots *self,
                      const guint8        *pinned,
                      double              *x,
                      double              *y)
{
  Accumulator fit = { 0 };

  for (guint i = 0; i < self->n_nodes; i++)
    {
      fit.x = x[i];
      fit.y = y[i];
      visit_terms (self, i, x, y, add_to_fit, &fit);
    }
  if (!(fit.fit_den > 0) || !(fit.fit_num > 0))
    return;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      Accumulator move = { x[i], y[i], fit.fit_num / fit.fit_den, 0, 0, 0, 0, 0 };

      if (pinned[i])
        continue;
      visit_terms (self, i, x, y, add_to_move, &move);
      if (move.sw > 0)
        {
          x[i] = move.sx / move.sw;
          y[i] = move.sy / move.sw;
        }
    }
}
