/* entente-label-placer.c — where each label goes, or whether it shows at all
 *
 * Labels are placed one after another, most important first, each in the
 * first free place around its node: below, where readers look for it, then
 * above, right, left, then tucked against a corner. Nodes, the legend and
 * the caption are in the way too. A label with no free place is left out
 * (it comes back when zooming in makes room) — unless one label placed
 * before it is all that is in the way of one of its places, and that one
 * can move to another of its own: then it moves. In a crowd around a hub,
 * that is what finds room for the last few names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-label-placer.h"
#include "entente-rect-grid.h"

#define N_PLACES 8

typedef struct
{
  double            x, y, radius, width, height;
  cairo_rectangle_t rect;
  guint             in_grid;
  gboolean          movable;
} Label;

struct _EntenteLabelPlacer
{
  double           width, height;
  EntenteRectGrid *grid;
  GArray          *labels;   /* Label */
  GArray          *owners;   /* per rectangle in the grid, its label or -1 */
};

EntenteLabelPlacer *
entente_label_placer_new (double width,
                          double height)
{
  EntenteLabelPlacer *placer = g_new0 (EntenteLabelPlacer, 1);

  placer->width = width;
  placer->height = height;
  placer->grid = entente_rect_grid_new (width, height);
  placer->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  placer->owners = g_array_new (FALSE, FALSE, sizeof (int));
  return placer;
}

void
entente_label_placer_free (EntenteLabelPlacer *placer)
{
  entente_rect_grid_free (placer->grid);
  g_array_unref (placer->labels);
  g_array_unref (placer->owners);
  g_free (placer);
}

static guint
add_to_grid (EntenteLabelPlacer      *placer,
             const cairo_rectangle_t *rect,
             int                      owner)
{
  guint index = entente_rect_grid_add (placer->grid, rect);

  g_array_set_size (placer->owners, index + 1);
  g_array_index (placer->owners, int, index) = owner;
  return index;
}

/* Nodes, the legend, the caption: in the way of labels, never moved. */
void
entente_label_placer_block (EntenteLabelPlacer      *placer,
                            const cairo_rectangle_t *rect)
{
  add_to_grid (placer, rect, -1);
}

static gboolean
inside_view (const EntenteLabelPlacer *placer,
             const cairo_rectangle_t  *rect)
{
  return rect->x >= 0 && rect->y >= 0 && rect->x + rect->width <= placer->width && rect->y + rect->height <= placer->height;
}

/* The top and bottom pixel of a line's box are leading, never ink: two
 * labels may share them. */
static cairo_rectangle_t
inked (const cairo_rectangle_t *rect)
{
  return (cairo_rectangle_t) { rect->x, rect->y + 1, rect->width, MAX (0, rect->height - 2) };
}

/* A relation's label, which has a single place: there, if it is free or
 * @forced, or not at all. */
gboolean
entente_label_placer_place_at (EntenteLabelPlacer      *placer,
                               const cairo_rectangle_t *rect,
                               gboolean                 forced)
{
  if (!forced && (!inside_view (placer, rect) || entente_rect_grid_overlaps (placer->grid, rect)))
    return FALSE;
  add_to_grid (placer, rect, -1);
  return TRUE;
}

static void
places_around (const Label       *label,
               cairo_rectangle_t  places[N_PLACES])
{
  const double gap = 3;
  double x = label->x, y = label->y, r = label->radius, w = label->width, h = label->height;

  places[0] = (cairo_rectangle_t) { x - w / 2, y + r * 1.12 + gap, w, h };
  places[1] = (cairo_rectangle_t) { x - w / 2, y - r * 1.12 - gap - h, w, h };
  places[2] = (cairo_rectangle_t) { x + r * 1.12 + gap, y - h / 2, w, h };
  places[3] = (cairo_rectangle_t) { x - r * 1.12 - gap - w, y - h / 2, w, h };
  places[4] = (cairo_rectangle_t) { x + r * 0.8, y + r * 0.8 + gap, w, h };
  places[5] = (cairo_rectangle_t) { x - r * 0.8 - w, y + r * 0.8 + gap, w, h };
  places[6] = (cairo_rectangle_t) { x + r * 0.8, y - r * 0.8 - gap - h, w, h };
  places[7] = (cairo_rectangle_t) { x - r * 0.8 - w, y - r * 0.8 - gap - h, w, h };
}

static gboolean
is_free (const EntenteLabelPlacer *placer,
         const cairo_rectangle_t  *place)
{
  cairo_rectangle_t ink = inked (place);

  return inside_view (placer, place) && !entente_rect_grid_overlaps (placer->grid, &ink);
}

/* Moves the one label in the way of @wanted to another of its places, if
 * one is free of everything else and of @wanted. */
static gboolean
move_out_of_the_way (EntenteLabelPlacer      *placer,
                     const cairo_rectangle_t *wanted)
{
  cairo_rectangle_t ink = inked (wanted), places[N_PLACES];
  guint in_the_way[2];
  Label *other;
  int owner;

  if (!inside_view (placer, wanted) || entente_rect_grid_find (placer->grid, &ink, in_the_way, 2) != 1)
    return FALSE;
  owner = g_array_index (placer->owners, int, in_the_way[0]);
  if (owner < 0 || !g_array_index (placer->labels, Label, owner).movable)
    return FALSE;

  other = &g_array_index (placer->labels, Label, owner);
  places_around (other, places);
  for (guint p = 0; p < N_PLACES; p++)
    {
      cairo_rectangle_t other_ink = inked (&places[p]);
      guint found[2];
      guint n_found;

      if (!inside_view (placer, &places[p]) || entente_rects_overlap (&places[p], wanted))
        continue;
      n_found = entente_rect_grid_find (placer->grid, &other_ink, found, 2);
      if (n_found > 1 || (n_found == 1 && found[0] != other->in_grid))
        continue;
      entente_rect_grid_remove (placer->grid, other->in_grid);
      other->rect = places[p];
      other->in_grid = add_to_grid (placer, &other->rect, owner);
      return TRUE;
    }
  return FALSE;
}

/* A name beside its node (a circle of @radius at @x, @y, or what fits in
 * it). Returns the label, for entente_label_placer_get_label() once all are
 * placed (a later one may move it), or -1 if there is no room. A @forced
 * label always shows, below its node if nowhere else, and stays put. */
int
entente_label_placer_place_beside (EntenteLabelPlacer *placer,
                                   double              x,
                                   double              y,
                                   double              radius,
                                   double              width,
                                   double              height,
                                   gboolean            forced)
{
  Label label = { x, y, radius, width, height, .movable = !forced };
  cairo_rectangle_t places[N_PLACES];
  int chosen = -1;

  places_around (&label, places);
  for (guint p = 0; p < N_PLACES && chosen < 0; p++)
    if (is_free (placer, &places[p]))
      chosen = (int) p;
  for (guint p = 0; p < N_PLACES && chosen < 0 && !forced; p++)
    if (move_out_of_the_way (placer, &places[p]))
      chosen = (int) p;
  if (chosen < 0 && !forced)
    return -1;

  label.rect = places[MAX (chosen, 0)];
  label.in_grid = add_to_grid (placer, &label.rect, (int) placer->labels->len);
  g_array_append_val (placer->labels, label);
  return (int) placer->labels->len - 1;
}

void
entente_label_placer_get_label (const EntenteLabelPlacer *placer,
                                int                       label,
                                cairo_rectangle_t        *rect)
{
  g_return_if_fail (label >= 0 && (guint) label < placer->labels->len);

  *rect = g_array_index (placer->labels, Label, label).rect;
}
