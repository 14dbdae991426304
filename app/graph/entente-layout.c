/* entente-layout.c
 *
 * A Fruchterman–Reingold layout with a cooling schedule: deterministic for a
 * story and a seed, since the only randomness is the seeded start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-layout.h"

#define N_ITERATIONS     300
#define GRAVITY          0.06
#define REPULSION        0.25
#define MIN_TEMPERATURE  0.5
#define BEND_SPACING     34.0
#define LABEL_CLEARANCE  26.0

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
  guint n;
  double spread;

  g_return_val_if_fail (ENTENTE_IS_STORY (story), NULL);

  n = entente_story_get_n_entities (story);
  layout = g_new0 (EntenteLayout, 1);
  layout->n_nodes = n;
  layout->seed = seed;
  layout->x = g_new0 (double, MAX (1, n));
  layout->y = g_new0 (double, MAX (1, n));
  layout->radius = g_new0 (double, MAX (1, n));
  layout->mass = g_new0 (double, MAX (1, n));
  layout->pinned = g_new0 (guint8, MAX (1, n));

  build_springs_and_bends (layout, story);

  degree = g_new0 (guint, MAX (1, n));
  for (guint i = 0; i < layout->n_springs; i++)
    {
      degree[layout->spring_a[i]]++;
      degree[layout->spring_b[i]]++;
    }

  rand = g_rand_new_with_seed (seed);
  spread = ENTENTE_LAYOUT_EDGE_LENGTH * sqrt (MAX (1, n));
  for (guint i = 0; i < n; i++)
    {
      layout->x[i] = g_rand_double_range (rand, -spread / 2, spread / 2);
      layout->y[i] = g_rand_double_range (rand, -spread / 2, spread / 2);
      layout->radius[i] = MIN (36.0, 16.0 + 5.0 * sqrt (degree[i]));
      layout->mass[i] = 1.0 + degree[i];
    }

  layout->temperature = spread / 4;
  return layout;
}

void
entente_layout_free (EntenteLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->x);
  g_free (layout->y);
  g_free (layout->radius);
  g_free (layout->mass);
  g_free (layout->pinned);
  g_free (layout->spring_a);
  g_free (layout->spring_b);
  g_free (layout->relation_bend);
  g_free (layout);
}

/* Pushes overlapping nodes apart, leaving room for the label below each. */
static void
separate (EntenteLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    for (guint j = i + 1; j < layout->n_nodes; j++)
      {
        double dx = layout->x[j] - layout->x[i];
        double dy = layout->y[j] - layout->y[i];
        double d = sqrt (dx * dx + dy * dy);
        double min_d = layout->radius[i] + layout->radius[j] + LABEL_CLEARANCE;
        double push, wi, wj;

        if (d >= min_d)
          continue;
        if (d < 1e-6)
          {
            dx = 1.0;
            dy = 0.0;
            d = 1.0;
          }
        push = (min_d - d) / d;
        wi = layout->pinned[i] ? 0.0 : (layout->pinned[j] ? 1.0 : 0.5);
        wj = layout->pinned[j] ? 0.0 : 1.0 - wi;
        layout->x[i] -= dx * push * wi;
        layout->y[i] -= dy * push * wi;
        layout->x[j] += dx * push * wj;
        layout->y[j] += dy * push * wj;
      }
}

/* One iteration; returns FALSE once the layout has cooled down and settled. */
gboolean
entente_layout_step (EntenteLayout *layout)
{
  const double k = ENTENTE_LAYOUT_EDGE_LENGTH;
  guint n = layout->n_nodes;
  g_autofree double *dx = NULL;
  g_autofree double *dy = NULL;

  if (layout->temperature < MIN_TEMPERATURE || n == 0)
    return FALSE;

  dx = g_new0 (double, n);
  dy = g_new0 (double, n);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double ddx = layout->x[i] - layout->x[j];
        double ddy = layout->y[i] - layout->y[j];
        double d2 = MAX (ddx * ddx + ddy * ddy, 1.0);
        double f = REPULSION * k * k * layout->mass[i] * layout->mass[j] / d2;

        dx[i] += ddx * f;
        dy[i] += ddy * f;
        dx[j] -= ddx * f;
        dy[j] -= ddy * f;
      }

  for (guint s = 0; s < layout->n_springs; s++)
    {
      guint a = layout->spring_a[s], b = layout->spring_b[s];
      double ddx = layout->x[a] - layout->x[b];
      double ddy = layout->y[a] - layout->y[b];
      double d = MAX (sqrt (ddx * ddx + ddy * ddy), 1.0);
      double f = d / k;

      dx[a] -= ddx * f;
      dy[a] -= ddy * f;
      dx[b] += ddx * f;
      dy[b] += ddy * f;
    }

  for (guint i = 0; i < n; i++)
    {
      double len;

      if (layout->pinned[i])
        continue;

      dx[i] -= layout->x[i] * GRAVITY;
      dy[i] -= layout->y[i] * GRAVITY;
      len = sqrt (dx[i] * dx[i] + dy[i] * dy[i]);
      if (len > layout->temperature)
        {
          dx[i] *= layout->temperature / len;
          dy[i] *= layout->temperature / len;
        }
      layout->x[i] += dx[i];
      layout->y[i] += dy[i];
    }

  layout->temperature *= pow (MIN_TEMPERATURE / (ENTENTE_LAYOUT_EDGE_LENGTH * sqrt (MAX (1, n)) / 4),
                              1.0 / N_ITERATIONS);

  if (layout->temperature < MIN_TEMPERATURE)
    for (guint pass = 0; pass < 20; pass++)
      separate (layout);

  return layout->temperature >= MIN_TEMPERATURE;
}

/* Screens are wider than tall: turn the settled layout so that its longest
 * axis runs left to right, around its centre of mass. */
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

void
entente_layout_run (EntenteLayout *layout)
{
  g_return_if_fail (layout != NULL);

  while (entente_layout_step (layout))
    ;
  align_principal_axis (layout);
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
  layout->pinned[node] = TRUE;
}
