/* test-label-placer.c — names beside their nodes, never over one another,
 * and one moved aside when that makes room for another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "graph/entente-label-placer.h"

#define LINE 17.0

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* What a label's text covers: its box less the leading above and below. */
static cairo_rectangle_t
ink (const cairo_rectangle_t *rect)
{
  return (cairo_rectangle_t) { rect->x, rect->y + 1, rect->width, rect->height - 2 };
}

/* A crowd of nodes of all sizes, their names placed biggest first: each
 * shown name lies in the view, off every node, off every other name, and
 * beside its own node. */
static void
test_crowd (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(EntenteLabelPlacer) placer = entente_label_placer_new (800, 600);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) first_places = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  guint shown = 0, moved = 0;

  for (guint i = 0; i < 400; i++)
    {
      double r = g_rand_double_range (rand, 4, 16);
      cairo_rectangle_t node = { g_rand_double_range (rand, 0, 800) - r, g_rand_double_range (rand, 0, 600) - r, 2 * r, 2 * r };

      g_array_append_val (nodes, node);
      entente_label_placer_block (placer, &node);
    }
  for (guint i = 0; i < nodes->len; i++)
    {
      const cairo_rectangle_t *node = &g_array_index (nodes, cairo_rectangle_t, i);
      double r = node->width / 2;
      int label = entente_label_placer_place_beside (placer, node->x + r, node->y + r, r,
                                                     g_rand_double_range (rand, 20, 120), LINE, FALSE);

      cairo_rectangle_t first_place;

      if (label < 0)
        continue;
      entente_label_placer_get_label (placer, label, &first_place);
      g_array_append_val (labels, label);
      g_array_append_val (owners, i);
      g_array_append_val (first_places, first_place);
    }

  for (guint k = 0; k < labels->len; k++)
    {
      const cairo_rectangle_t *own = &g_array_index (nodes, cairo_rectangle_t, g_array_index (owners, guint, k));
      cairo_rectangle_t rect, near = { own->x - 6, own->y - 6, own->width + 12, own->height + 12 };
      cairo_rectangle_t text;

      entente_label_placer_get_label (placer, g_array_index (labels, int, k), &rect);
      moved += rect.x != g_array_index (first_places, cairo_rectangle_t, k).x ||
               rect.y != g_array_index (first_places, cairo_rectangle_t, k).y;
      text = ink (&rect);
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.y, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, 800);
      g_assert_cmpfloat (rect.y + rect.height, <=, 600);
      g_assert_true (overlap (&rect, &near));
      for (guint i = 0; i < nodes->len; i++)
        g_assert_false (overlap (&text, &g_array_index (nodes, cairo_rectangle_t, i)));
      for (guint m = 0; m < k; m++)
        {
          cairo_rectangle_t other;

          entente_label_placer_get_label (placer, g_array_index (labels, int, m), &other);
          g_assert_false (overlap (&text, &other));
        }
      shown++;
    }
  /* Crowded, but not so crowded that the checks above check nothing, and
   * names were moved aside. */
  g_assert_cmpuint (shown, >, 50);
  g_assert_cmpuint (shown, <, 400);
  g_assert_cmpuint (moved, >, 0);
}

/* B's only free place is where A's name went: A's name moves above A. */
static void
test_moves_one_aside (void)
{
  g_autoptr(EntenteLabelPlacer) placer = entente_label_placer_new (400, 400);
  cairo_rectangle_t a_rect, b_rect;
  int a, b;

  a = entente_label_placer_place_beside (placer, 200, 100, 10, 60, LINE, FALSE);
  g_assert_cmpint (a, >=, 0);
  entente_label_placer_get_label (placer, a, &a_rect);
  g_assert_cmpfloat (a_rect.y, >, 100);

  /* Everything around B but the place above it, which A's name covers. */
  entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, 150, 400, 250 });
  entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, 120, 185, 30 });
  entente_label_placer_block (placer, &(cairo_rectangle_t) { 215, 120, 185, 30 });

  b = entente_label_placer_place_beside (placer, 200, 150, 10, 30, LINE, FALSE);
  g_assert_cmpint (b, >=, 0);
  entente_label_placer_get_label (placer, a, &a_rect);
  entente_label_placer_get_label (placer, b, &b_rect);
  g_assert_cmpfloat (b_rect.y + b_rect.height, <, 150);
  g_assert_cmpfloat (a_rect.y + a_rect.height, <, 100);
  g_assert_false (overlap (&a_rect, &b_rect));
}

/* A selected or hovered name shows even with no room, below its node,
 * and nothing later moves it. */
static void
test_forced_stays (void)
{
  g_autoptr(EntenteLabelPlacer) placer = entente_label_placer_new (400, 400);
  cairo_rectangle_t rect;
  int forced, later;

  entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, 0, 400, 400 });
  forced = entente_label_placer_place_beside (placer, 200, 200, 10, 50, LINE, TRUE);
  g_assert_cmpint (forced, >=, 0);
  g_assert_cmpint (entente_label_placer_place_beside (placer, 100, 100, 10, 50, LINE, FALSE), ==, -1);

  placer = (entente_label_placer_free (placer), entente_label_placer_new (400, 400));
  forced = entente_label_placer_place_beside (placer, 200, 100, 10, 60, LINE, TRUE);
  entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, 150, 400, 250 });
  entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, 120, 185, 30 });
  entente_label_placer_block (placer, &(cairo_rectangle_t) { 215, 120, 185, 30 });
  later = entente_label_placer_place_beside (placer, 200, 150, 10, 30, LINE, FALSE);
  g_assert_cmpint (later, ==, -1);
  entente_label_placer_get_label (placer, forced, &rect);
  g_assert_cmpfloat (rect.y, >, 100);
}

/* A relation's label goes exactly where asked, or nowhere. */
static void
test_place_at (void)
{
  g_autoptr(EntenteLabelPlacer) placer = entente_label_placer_new (400, 400);
  cairo_rectangle_t here = { 100, 100, 80, LINE };

  g_assert_true (entente_label_placer_place_at (placer, &here, FALSE));
  g_assert_false (entente_label_placer_place_at (placer, &(cairo_rectangle_t) { 150, 110, 80, LINE }, FALSE));
  g_assert_false (entente_label_placer_place_at (placer, &(cairo_rectangle_t) { 350, 10, 80, LINE }, FALSE));
  g_assert_true (entente_label_placer_place_at (placer, &(cairo_rectangle_t) { 150, 110, 80, LINE }, TRUE));
  /* Fixed, so not moved aside for a name. */
  g_assert_cmpint (entente_label_placer_place_beside (placer, 140, 60, 10, 300, LINE, FALSE), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/label-placer/crowd", test_crowd);
  g_test_add_func ("/graph/label-placer/moves-one-aside", test_moves_one_aside);
  g_test_add_func ("/graph/label-placer/forced-stays", test_forced_stays);
  g_test_add_func ("/graph/label-placer/place-at", test_place_at);

  return g_test_run ();
}
