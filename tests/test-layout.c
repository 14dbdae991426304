/* test-layout.c — the layout is deterministic and readable; the viewport
 * arithmetic round-trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "story-test-helpers.h"
#include <math.h>
#include <string.h>

#include "graph/entente-hit-grid.h"
#include "graph/entente-layout.h"
#include "graph/entente-layout-runner.h"
#include "graph/entente-viewport.h"
#include "story/entente-story-loader.h"

static EntenteLayout *
laid_out (EntenteStory *story,
          guint32       seed)
{
  EntenteLayout *layout = entente_layout_new (story, seed);

  entente_layout_run (layout);
  return layout;
}

static void
test_deterministic (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) a = laid_out (story, 42);
  g_autoptr(EntenteLayout) b = laid_out (story, 42);
  g_autoptr(EntenteLayout) c = laid_out (story, 7);
  double difference = 0;

  g_assert_cmpuint (a->n_nodes, ==, entente_story_get_n_entities (story));
  for (guint i = 0; i < a->n_nodes; i++)
    {
      g_assert_cmpfloat (a->x[i], ==, b->x[i]);
      g_assert_cmpfloat (a->y[i], ==, b->y[i]);
      difference += fabs (a->x[i] - c->x[i]) + fabs (a->y[i] - c->y[i]);
    }

  /* Another seed gives another picture. */
  g_assert_cmpfloat (difference, >, 1.0);
}

static void
test_finite_and_apart (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) layout = laid_out (story, ENTENTE_LAYOUT_DEFAULT_SEED);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      g_assert_true (isfinite (layout->x[i]) && isfinite (layout->y[i]));
      for (guint j = i + 1; j < layout->n_nodes; j++)
        {
          double d = hypot (layout->x[i] - layout->x[j], layout->y[i] - layout->y[j]);
          /* No two nodes overlap. */
          g_assert_cmpfloat (d, >=, layout->radius[i] + layout->radius[j]);
        }
    }
}

/* The worker does nothing before it is started (the window starts it after
 * its first frame); what was asked meanwhile is done once it runs. */
static void
test_runner_waits_for_start (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) display = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  g_autoptr(EntenteLayoutRunner) runner = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean finished = FALSE;
  gboolean moved = FALSE;
  double x0 = display->x[1], y0 = display->y[1];

  runner = entente_layout_runner_new (story, ENTENTE_LAYOUT_DEFAULT_SEED, display);
  entente_layout_runner_pin (runner, 0, 500.0, -500.0);
  g_usleep (50 * 1000);
  g_assert_false (entente_layout_runner_is_started (runner));
  g_assert_false (entente_layout_runner_fetch (runner, display, &finished));
  g_assert_false (finished);
  g_assert_cmpfloat (display->x[1], ==, x0);

  entente_layout_runner_start (runner);
  g_assert_true (entente_layout_runner_is_started (runner));
  while (!finished && g_get_monotonic_time () < deadline)
    {
      moved |= entente_layout_runner_fetch (runner, display, &finished);
      g_usleep (1000);
    }
  g_assert_true (finished);
  g_assert_true (moved);
  g_assert_true (display->x[1] != x0 || display->y[1] != y0);
}

static void
test_linked_nodes_closer (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) layout = laid_out (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  double linked = 0, all = 0;
  guint n_all = 0;

  for (guint s = 0; s < layout->n_springs; s++)
    linked += hypot (layout->x[layout->spring_a[s]] - layout->x[layout->spring_b[s]],
                     layout->y[layout->spring_a[s]] - layout->y[layout->spring_b[s]]);
  linked /= layout->n_springs;

  for (guint i = 0; i < layout->n_nodes; i++)
    for (guint j = i + 1; j < layout->n_nodes; j++, n_all++)
      all += hypot (layout->x[i] - layout->x[j], layout->y[i] - layout->y[j]);
  all /= n_all;

  /* A force layout puts linked entities nearer each other than average. */
  g_assert_cmpfloat (linked, <, all * 0.75);
}

static void
test_parallel_relations_bend_apart (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) layout = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  int microsoft = entente_story_find_entity (story, "microsoft");
  int openai = entente_story_find_entity (story, "openai");
  g_autoptr(GArray) bends = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < entente_story_get_n_relations (story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (story, i);
      if (r->from == (guint) microsoft && r->to == (guint) openai)
        g_array_append_val (bends, layout->relation_bend[i]);
    }

  g_assert_cmpuint (bends->len, >=, 3);
  for (guint i = 0; i < bends->len; i++)
    for (guint j = i + 1; j < bends->len; j++)
      g_assert_cmpfloat (fabs (g_array_index (bends, double, i) - g_array_index (bends, double, j)), >, 10.0);
}

static void
test_pinned_node_stays (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) layout = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);

  entente_layout_move_node (layout, 0, 1234.0, -567.0);
  while (entente_layout_step (layout))
    ;
  g_assert_cmpfloat (layout->x[0], ==, 1234.0);
  g_assert_cmpfloat (layout->y[0], ==, -567.0);
  g_assert_true (layout->pinned[0]);
}

static void
test_place_once_and_not_over_pins (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) placed = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  g_autoptr(EntenteLayout) pinned = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  g_autofree double *spiral_x = g_memdup2 (placed->x, placed->n_nodes * sizeof (double));
  double moved = 0;

  /* Placing moves the nodes off the spiral, once. */
  g_assert_false (placed->placed);
  entente_layout_place (placed);
  g_assert_true (placed->placed);
  for (guint i = 0; i < placed->n_nodes; i++)
    moved += fabs (placed->x[i] - spiral_x[i]);
  g_assert_cmpfloat (moved, >, placed->n_nodes * 10.0);
  memcpy (spiral_x, placed->x, placed->n_nodes * sizeof (double));
  entente_layout_place (placed);
  g_assert_cmpmem (spiral_x, placed->n_nodes * sizeof (double), placed->x, placed->n_nodes * sizeof (double));

  /* Once the reader has pinned something, nothing else moves either. */
  entente_layout_move_node (pinned, 3, 500, 500);
  memcpy (spiral_x, pinned->x, pinned->n_nodes * sizeof (double));
  entente_layout_place (pinned);
  g_assert_cmpmem (spiral_x, pinned->n_nodes * sizeof (double), pinned->x, pinned->n_nodes * sizeof (double));
}

static void
test_hit (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) layout = laid_out (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  g_autofree guint8 *shown = g_new0 (guint8, layout->n_nodes);

  g_assert_cmpint (entente_layout_hit (layout, NULL, layout->x[3], layout->y[3], 0), ==, 3);
  g_assert_cmpint (entente_layout_hit (layout, NULL, layout->x[3] + layout->radius[3] * 0.9, layout->y[3], 0), ==, 3);
  g_assert_cmpint (entente_layout_hit (layout, NULL, 1e6, 1e6, 0), ==, -1);
  /* Hidden nodes cannot be hit. */
  g_assert_cmpint (entente_layout_hit (layout, shown, layout->x[3], layout->y[3], 0), ==, -1);
}

/* Moving a node of a settled layout moves it and lets what lies within two
 * relations of it adjust; everything else stays exactly where it was, and
 * the picture keeps its orientation. */
static void
test_local_reheat (void)
{
  g_autoptr(EntenteStory) story = test_load_bundled ();
  g_autoptr(EntenteLayout) layout = laid_out (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  g_autofree double *x = g_memdup2 (layout->x, sizeof (double) * layout->n_nodes);
  g_autofree double *y = g_memdup2 (layout->y, sizeof (double) * layout->n_nodes);
  g_autofree guint *hops = g_new (guint, layout->n_nodes);
  int google = entente_story_find_entity (story, "google");
  guint near = 0, far = 0;
  gboolean changed = FALSE;

  g_assert_cmpint (google, >=, 0);
  g_assert_true (layout->settled);

  /* Hops from Google along the springs, by repeated relaxation. */
  for (guint i = 0; i < layout->n_nodes; i++)
    hops[i] = (guint) google == i ? 0 : G_MAXUINT / 2;
  for (guint round = 0; round < layout->n_nodes; round++)
    for (guint s = 0; s < layout->n_springs; s++)
      {
        guint a = layout->spring_a[s], b = layout->spring_b[s];
        hops[a] = MIN (hops[a], hops[b] + 1);
        hops[b] = MIN (hops[b], hops[a] + 1);
      }

  entente_layout_move_node (layout, google, x[google] + 200, y[google]);
  entente_layout_reheat_around (layout, google, 2);
  g_assert_false (layout->settled);
  entente_layout_run (layout);
  g_assert_true (layout->settled);
  g_assert_null (layout->held);

  g_assert_cmpfloat (layout->x[google], ==, x[google] + 200);
  g_assert_cmpfloat (layout->y[google], ==, y[google]);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      if ((int) i == google)
        continue;
      if (hops[i] > 2)
        {
          g_assert_cmpfloat (layout->x[i], ==, x[i]);
          g_assert_cmpfloat (layout->y[i], ==, y[i]);
          far++;
        }
      else
        {
          changed |= layout->x[i] != x[i] || layout->y[i] != y[i];
          near++;
        }
    }
  g_assert_cmpuint (far, >, 10);
  g_assert_cmpuint (near, >=, 1);
  g_assert_true (changed);
}

/* The grid answers exactly as asking every node does: on a laid-out
 * 40×40 grid and on the bundled story, at points on, near and between
 * nodes, far outside, with and without slack and hidden nodes; and it
 * knows when the positions it was built from have moved. */
static void
test_hit_grid_agrees (void)
{
  g_autoptr(EntenteStory) grid_story = test_load_grid (40);
  g_autoptr(EntenteStory) bundled = test_load_bundled ();
  EntenteStory *stories[] = { grid_story, bundled };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint hits = 0;

  for (guint s = 0; s < G_N_ELEMENTS (stories); s++)
    {
      g_autoptr(EntenteLayout) layout = laid_out (stories[s], ENTENTE_LAYOUT_DEFAULT_SEED);
      g_autofree guint8 *shown = g_new (guint8, layout->n_nodes);
      g_autoptr(EntenteHitGrid) grid = entente_hit_grid_new (layout);
      double x0, y0, x1, y1;

      for (guint i = 0; i < layout->n_nodes; i++)
        shown[i] = g_rand_int_range (rand, 0, 4) != 0;
      entente_layout_get_bounds (layout, &x0, &y0, &x1, &y1);

      for (guint k = 0; k < 6000; k++)
        {
          guint near = g_rand_int_range (rand, 0, layout->n_nodes);
          double slack = (double []) { 0, 1, 4, 40, 400 }[k % 5];
          double x, y;

          if (k % 3 == 0)
            {
              x = g_rand_double_range (rand, x0 - 200, x1 + 200);
              y = g_rand_double_range (rand, y0 - 200, y1 + 200);
            }
          else
            {
              x = layout->x[near] + g_rand_double_range (rand, -2, 2) * layout->radius[near];
              y = layout->y[near] + g_rand_double_range (rand, -2, 2) * layout->radius[near];
            }
          for (guint with_shown = 0; with_shown < 2; with_shown++)
            {
              const guint8 *mask = with_shown ? shown : NULL;
              int expected = entente_layout_hit (layout, mask, x, y, slack);

              g_assert_cmpint (entente_hit_grid_find_node (grid, layout, mask, x, y, slack), ==, expected);
              hits += expected >= 0;
            }
        }
      g_assert_cmpint (entente_hit_grid_find_node (grid, layout, NULL, 1e12, -1e12, 4), ==, -1);
      g_assert_cmpint (entente_hit_grid_find_node (grid, layout, NULL, NAN, 0, 4), ==, -1);

      g_assert_true (entente_hit_grid_is_current (grid, layout));
      entente_layout_move_node (layout, 0, x1 + 1000, y1 + 1000);
      g_assert_false (entente_hit_grid_is_current (grid, layout));
    }
  /* The points were not all misses. */
  g_assert_cmpuint (hits, >, 5000);
}

#define GRID_SIDE 12

static void
test_far_stays_far (void)
{
  g_autoptr(EntenteStory) story = test_load_grid (GRID_SIDE);
  g_autoptr(EntenteLayout) layout = laid_out (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  double stress = test_grid_stress (GRID_SIDE, layout->x, layout->y);

  /* Forces alone leave a grid this size crumpled at the corners; drawn
   * flat it is near 0. */
  g_test_message ("stress of a %ux%u grid: %.4f", GRID_SIDE, GRID_SIDE, stress);
  g_assert_cmpfloat (stress, <, 0.03);
}

static void
test_viewport_round_trip (void)
{
  EntenteViewport vp;
  double sx, sy, wx, wy;

  entente_viewport_init (&vp, 800, 600);
  vp.center_x = 100;
  vp.center_y = -50;
  vp.zoom = 2.0;

  entente_viewport_world_to_screen (&vp, 100, -50, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 300, 1e-9);

  entente_viewport_screen_to_world (&vp, 123, 456, &wx, &wy);
  entente_viewport_world_to_screen (&vp, wx, wy, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 123, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 456, 1e-9);
}

static void
test_viewport_zoom_at_pointer (void)
{
  EntenteViewport vp;
  double before_x, before_y, after_x, after_y;

  entente_viewport_init (&vp, 800, 600);
  entente_viewport_screen_to_world (&vp, 650, 120, &before_x, &before_y);
  entente_viewport_zoom_at (&vp, 650, 120, 1.7);
  entente_viewport_screen_to_world (&vp, 650, 120, &after_x, &after_y);

  /* The point under the pointer stays under the pointer. */
  g_assert_cmpfloat_with_epsilon (before_x, after_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (before_y, after_y, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp.zoom, 1.7, 1e-9);

  entente_viewport_zoom_at (&vp, 0, 0, 1e6);
  g_assert_cmpfloat (vp.zoom, ==, ENTENTE_VIEWPORT_MAX_ZOOM);
}

static void
test_viewport_pan_and_fit (void)
{
  EntenteViewport vp;
  double sx0, sy0, sx1, sy1;

  entente_viewport_init (&vp, 800, 600);
  entente_viewport_world_to_screen (&vp, 0, 0, &sx0, &sy0);
  entente_viewport_pan (&vp, 30, -20);
  entente_viewport_world_to_screen (&vp, 0, 0, &sx1, &sy1);
  g_assert_cmpfloat_with_epsilon (sx1 - sx0, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy1 - sy0, -20, 1e-9);

  entente_viewport_fit (&vp, -100, -100, 300, 100, 0);
  entente_viewport_world_to_screen (&vp, -100, 0, &sx0, &sy0);
  entente_viewport_world_to_screen (&vp, 300, 0, &sx1, &sy1);
  g_assert_cmpfloat_with_epsilon (sx0, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (sx1, 800, 1e-6);

  /* Insets keep the rectangle clear of the legend. */
  entente_viewport_fit_insets (&vp, -100, -100, 300, 100, 200, 0, 0, 0);
  entente_viewport_world_to_screen (&vp, -100, 0, &sx0, &sy0);
  g_assert_cmpfloat_with_epsilon (sx0, 200, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/layout/deterministic", test_deterministic);
  g_test_add_func ("/graph/layout/finite-and-apart", test_finite_and_apart);
  g_test_add_func ("/graph/layout/linked-nodes-closer", test_linked_nodes_closer);
  g_test_add_func ("/graph/layout/far-stays-far", test_far_stays_far);
  g_test_add_func ("/graph/layout/place-once-and-not-over-pins", test_place_once_and_not_over_pins);
  g_test_add_func ("/graph/layout/parallel-relations-bend-apart", test_parallel_relations_bend_apart);
  g_test_add_func ("/graph/layout/pinned-node-stays", test_pinned_node_stays);
  g_test_add_func ("/graph/layout/hit", test_hit);
  g_test_add_func ("/graph/layout/runner-waits-for-start", test_runner_waits_for_start);
  g_test_add_func ("/graph/layout/hit-grid-agrees", test_hit_grid_agrees);
  g_test_add_func ("/graph/layout/local-reheat", test_local_reheat);
  g_test_add_func ("/graph/viewport/round-trip", test_viewport_round_trip);
  g_test_add_func ("/graph/viewport/zoom-at-pointer", test_viewport_zoom_at_pointer);
  g_test_add_func ("/graph/viewport/pan-and-fit", test_viewport_pan_and_fit);

  return g_test_run ();
}
