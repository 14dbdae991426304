/* test-pivots.c — pivot MDS places a graph by its hop distances, and a
 * sparse stress sweep moves a layout towards them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "graph/entente-pivots.h"
#include "story-test-helpers.h"

#define EDGE_LENGTH 110.0
#define SIDE        8

typedef struct
{
  guint   n_nodes;
  GArray *a;
  GArray *b;
} Graph;

static void
graph_init (Graph *g,
            guint  n_nodes)
{
  g->n_nodes = n_nodes;
  g->a = g_array_new (FALSE, FALSE, sizeof (guint));
  g->b = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
graph_link (Graph *g,
            guint  a,
            guint  b)
{
  g_array_append_val (g->a, a);
  g_array_append_val (g->b, b);
}

static void
graph_clear (Graph *g)
{
  g_array_unref (g->a);
  g_array_unref (g->b);
}

static EntentePivots *
graph_pivots (const Graph *g,
              guint        first)
{
  return entente_pivots_new (g->n_nodes, (guint *) g->a->data, (guint *) g->b->data, g->a->len, first);
}

/* A SIDE × SIDE grid: hop distance is the Manhattan distance. */
static void
grid_init (Graph *g)
{
  graph_init (g, SIDE * SIDE);
  for (guint r = 0; r < SIDE; r++)
    for (guint c = 0; c < SIDE; c++)
      {
        if (c + 1 < SIDE)
          graph_link (g, r * SIDE + c, r * SIDE + c + 1);
        if (r + 1 < SIDE)
          graph_link (g, r * SIDE + c, (r + 1) * SIDE + c);
      }
}

static void
scramble (double *x,
          double *y,
          guint   n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < n; i++)
    {
      x[i] = g_rand_double_range (rand, -500, 500);
      y[i] = g_rand_double_range (rand, -500, 500);
    }
}

static void
test_too_small (void)
{
  Graph g;
  g_autoptr(EntentePivots) none = NULL;
  g_autoptr(EntentePivots) pair = NULL;

  graph_init (&g, 5);
  graph_link (&g, 0, 1);
  graph_link (&g, 2, 3);
  graph_link (&g, 3, 4);

  none = entente_pivots_new (2, (guint *) g.a->data, (guint *) g.b->data, 1, 0);
  g_assert_null (none);
  /* Node 0's component is just {0, 1}: nothing worth placing. */
  pair = graph_pivots (&g, 0);
  g_assert_null (pair);
  /* Out of range. */
  g_assert_null (graph_pivots (&g, 5));

  graph_clear (&g);
}

static void
test_path_in_order (void)
{
  Graph g;
  g_autoptr(EntentePivots) pivots = NULL;
  double x[20], y[20], length = 0;

  graph_init (&g, 20);
  for (guint i = 0; i + 1 < 20; i++)
    graph_link (&g, i, i + 1);
  pivots = graph_pivots (&g, 7);
  g_assert_nonnull (pivots);
  g_assert_cmpuint (entente_pivots_get_n (pivots), ==, 20);

  scramble (x, y, 20);
  g_assert_true (entente_pivots_place (pivots, EDGE_LENGTH, x, y));

  /* Every step along the path takes one farther from its start... */
  for (guint i = 1; i < 20; i++)
    g_assert_cmpfloat (hypot (x[i] - x[0], y[i] - y[0]), >, hypot (x[i - 1] - x[0], y[i - 1] - y[0]));
  /* ...and a relation is EDGE_LENGTH long on average. */
  for (guint i = 0; i + 1 < 20; i++)
    length += hypot (x[i + 1] - x[i], y[i + 1] - y[i]);
  g_assert_cmpfloat_with_epsilon (length / 19, EDGE_LENGTH, 1e-6);

  graph_clear (&g);
}

/* Longer than the hop counts near[] keeps apart: still in order, and a
 * sweep keeps it finite and in order. */
static void
test_long_path (void)
{
  const guint n = 3000;
  Graph g;
  g_autoptr(EntentePivots) pivots = NULL;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree guint8 *pinned = g_new0 (guint8, n);

  graph_init (&g, n);
  for (guint i = 0; i + 1 < n; i++)
    graph_link (&g, i, i + 1);
  pivots = graph_pivots (&g, n / 2);
  scramble (x, y, n);
  g_assert_true (entente_pivots_place (pivots, EDGE_LENGTH, x, y));
  entente_pivots_relax (pivots, pinned, x, y);

  for (guint i = 100; i < n; i += 100)
    {
      g_assert_true (isfinite (x[i]) && isfinite (y[i]));
      g_assert_cmpfloat (hypot (x[i] - x[0], y[i] - y[0]), >, hypot (x[i - 100] - x[0], y[i - 100] - y[0]));
    }

  graph_clear (&g);
}

static void
test_grid_unfolds (void)
{
  Graph g;
  g_autoptr(EntentePivots) pivots = NULL;
  double x[SIDE * SIDE], y[SIDE * SIDE], scrambled;

  grid_init (&g);
  pivots = graph_pivots (&g, 0);
  scramble (x, y, SIDE * SIDE);
  scrambled = test_grid_stress (SIDE, x, y);

  g_assert_true (entente_pivots_place (pivots, EDGE_LENGTH, x, y));
  /* A grid drawn as a grid has a stress near zero; scrambled, near 0.3. */
  g_test_message ("grid stress: scrambled %.3f, placed %.3f", scrambled, test_grid_stress (SIDE, x, y));
  g_assert_cmpfloat (scrambled, >, 0.2);
  g_assert_cmpfloat (test_grid_stress (SIDE, x, y), <, 0.05);

  graph_clear (&g);
}

static void
test_other_components_stay (void)
{
  Graph g;
  g_autoptr(EntentePivots) pivots = NULL;
  double x[14], y[14];
  guint8 pinned[14] = { 0 };

  /* A path 0–9, a triangle 10–12, and 13 alone. */
  graph_init (&g, 14);
  for (guint i = 0; i + 1 < 10; i++)
    graph_link (&g, i, i + 1);
  graph_link (&g, 10, 11);
  graph_link (&g, 11, 12);
  graph_link (&g, 12, 10);
  pivots = graph_pivots (&g, 4);
  g_assert_cmpuint (entente_pivots_get_n (pivots), ==, 10);

  scramble (x, y, 14);
  {
    double x10 = x[10], y10 = y[10], x13 = x[13], y13 = y[13];

    g_assert_true (entente_pivots_place (pivots, EDGE_LENGTH, x, y));
    g_assert_cmpfloat (x[10], ==, x10);
    g_assert_cmpfloat (y[10], ==, y10);
    entente_pivots_relax (pivots, pinned, x, y);
    /* Nothing ties the lone node to anything: it does not move. */
    g_assert_cmpfloat (x[13], ==, x13);
    g_assert_cmpfloat (y[13], ==, y13);
  }

  graph_clear (&g);
}

static void
test_relax_lowers_stress (void)
{
  Graph g;
  g_autoptr(EntentePivots) pivots = NULL;
  double x[SIDE * SIDE], y[SIDE * SIDE], before, after;
  guint8 pinned[SIDE * SIDE] = { 0 };
  double pinned_x, pinned_y;

  grid_init (&g);
  pivots = graph_pivots (&g, 0);
  scramble (x, y, SIDE * SIDE);
  pinned[5] = TRUE;
  pinned_x = x[5];
  pinned_y = y[5];

  before = test_grid_stress (SIDE, x, y);
  for (guint sweep = 0; sweep < 30; sweep++)
    entente_pivots_relax (pivots, pinned, x, y);
  after = test_grid_stress (SIDE, x, y);
  g_test_message ("grid stress: before %.3f, after 30 sweeps %.3f", before, after);

  g_assert_cmpfloat (after, <, before / 3);
  /* A pinned node stays where the reader put it. */
  g_assert_cmpfloat (x[5], ==, pinned_x);
  g_assert_cmpfloat (y[5], ==, pinned_y);

  graph_clear (&g);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/pivots/too-small", test_too_small);
  g_test_add_func ("/graph/pivots/path-in-order", test_path_in_order);
  g_test_add_func ("/graph/pivots/long-path", test_long_path);
  g_test_add_func ("/graph/pivots/grid-unfolds", test_grid_unfolds);
  g_test_add_func ("/graph/pivots/other-components-stay", test_other_components_stay);
  g_test_add_func ("/graph/pivots/relax-lowers-stress", test_relax_lowers_stress);

  return g_test_run ();
}
