/* test-rect-grid.c — the grid gives the answer asking every rectangle
 * would give, for rectangles anywhere, even far outside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "graph/entente-rect-grid.h"

static gboolean
overlaps_any (const GArray            *rects,
              const cairo_rectangle_t *rect)
{
  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *p = &g_array_index (rects, cairo_rectangle_t, i);

      if (rect->x < p->x + p->width && p->x < rect->x + rect->width &&
          rect->y < p->y + p->height && p->y < rect->y + rect->height)
        return TRUE;
    }
  return FALSE;
}

/* Mostly inside the view, some across its borders, a few far out. */
static cairo_rectangle_t
random_rect (GRand  *rand,
             double  width,
             double  height)
{
  double far = g_rand_int_range (rand, 0, 20) == 0 ? 1e7 : 1;

  return (cairo_rectangle_t) {
    g_rand_double_range (rand, -0.1 * width, 1.1 * width) * far,
    g_rand_double_range (rand, -0.1 * height, 1.1 * height) * far,
    g_rand_double_range (rand, 0, 80),
    g_rand_double_range (rand, 0, 20),
  };
}

/* Rectangles added one at a time, each asked about first, as labels are
 * placed: the grid must agree with the plain search every time. */
static void
check_against_search (double  width,
                      double  height,
                      guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(EntenteRectGrid) grid = entente_rect_grid_new (width, height);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  guint overlapping = 0;

  for (guint i = 0; i < 3000; i++)
    {
      cairo_rectangle_t rect = random_rect (rand, MAX (width, 50), MAX (height, 50));
      gboolean expected = overlaps_any (rects, &rect);

      g_assert_cmpint (entente_rect_grid_overlaps (grid, &rect), ==, expected);
      overlapping += expected;
      if (!expected || i % 20 == 0)
        {
          entente_rect_grid_add (grid, &rect);
          g_array_append_val (rects, rect);
        }
    }

  /* Both answers came up often enough for the comparison to mean something. */
  g_assert_cmpuint (overlapping, >=, 100);
  g_assert_cmpuint (overlapping, <=, 2900);
}

static void
test_like_search (void)
{
  check_against_search (1280, 800, 1);
  check_against_search (1920, 1080, 2);
  check_against_search (333.3, 77.7, 3);
}

/* A view of no size yet, and one so big the grid keeps fewer cells than
 * its size calls for. */
static void
test_odd_sizes (void)
{
  check_against_search (0, 0, 4);
  check_against_search (1, 1, 5);
  check_against_search (200000, 150, 6);
}

/* Far out or not a number: found where the plain search finds
 * them, and never where it does not. */
static void
test_far_out (void)
{
  g_autoptr(EntenteRectGrid) grid = entente_rect_grid_new (800, 600);
  const cairo_rectangle_t far_left = { -1e12, 100, 1e12 - 790, 10 };
  const cairo_rectangle_t far_below = { 400, 1e9, 10, 10 };
  const cairo_rectangle_t nan = { NAN, 10, 10, 10 };

  entente_rect_grid_add (grid, &far_left);
  entente_rect_grid_add (grid, &far_below);
  entente_rect_grid_add (grid, &nan);

  /* far_left reaches from x = -1e12 to x = -790. */
  g_assert_true (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { -800, 105, 20, 1 }));
  g_assert_false (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { -700, 105, 20, 1 }));
  g_assert_true (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { 405, 1e9 + 5, 1, 1 }));
  g_assert_false (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { 405, 599, 1, 1 }));
  g_assert_true (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { 395, 0.5e9, 10, 1e9 }));
  g_assert_false (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { 0, 0, 800, 600 }));
  g_assert_false (entente_rect_grid_overlaps (grid, &nan));
  g_assert_true (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { -1e300, 100, 2e300, 1 }));
}

/* Which rectangles are in the way, each named once however many cells
 * it spans; a removed one is in nobody's way. */
static void
test_find_and_remove (void)
{
  g_autoptr(EntenteRectGrid) grid = entente_rect_grid_new (800, 600);
  const cairo_rectangle_t query = { 100, 100, 300, 200 };
  guint wide = entente_rect_grid_add (grid, &(cairo_rectangle_t) { 0, 150, 800, 20 });
  guint apart = entente_rect_grid_add (grid, &(cairo_rectangle_t) { 500, 400, 50, 50 });
  guint tall = entente_rect_grid_add (grid, &(cairo_rectangle_t) { 250, 0, 10, 600 });
  guint found[4];

  g_assert_cmpuint (apart, !=, wide);
  g_assert_cmpuint (entente_rect_grid_find (grid, &query, found, 4), ==, 2);
  g_assert_true ((found[0] == wide && found[1] == tall) || (found[0] == tall && found[1] == wide));
  g_assert_cmpuint (entente_rect_grid_find (grid, &query, found, 1), ==, 1);

  entente_rect_grid_remove (grid, wide);
  g_assert_cmpuint (entente_rect_grid_find (grid, &query, found, 4), ==, 1);
  g_assert_cmpuint (found[0], ==, tall);
  entente_rect_grid_remove (grid, tall);
  g_assert_false (entente_rect_grid_overlaps (grid, &query));
  g_assert_true (entente_rect_grid_overlaps (grid, &(cairo_rectangle_t) { 520, 420, 5, 5 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/rect-grid/like-search", test_like_search);
  g_test_add_func ("/graph/rect-grid/odd-sizes", test_odd_sizes);
  g_test_add_func ("/graph/rect-grid/far-out", test_far_out);
  g_test_add_func ("/graph/rect-grid/find-and-remove", test_find_and_remove);

  return g_test_run ();
}
