/* entente-rect-grid.c — has anything been put here already?
 *
 * Labels are placed one after another, each where it covers none of the
 * nodes and labels placed before it. Zoomed in on a big graph that is a
 * few thousand rectangles, each tried in up to eight places: asked of
 * every rectangle in turn, the question took longer than drawing the
 * picture. Kept in the cells of a grid over the view, a rectangle is
 * compared only with those that share a cell with it.
 *
 * Rectangles reaching outside the grid are counted in its border cells,
 * and so are still found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-rect-grid.h"

/* About a node and a half across at a readable zoom; a label spans a few. */
#define CELL_SIZE 48.0
#define MAX_CELLS_ACROSS 256

typedef struct
{
  guint rect;
  int   next;
} Entry;

struct _EntenteRectGrid
{
  double  cell_width, cell_height;
  int     columns, rows;
  int    *first;      /* per cell, its newest entry, or -1 */
  GArray *entries;    /* Entry */
  GArray *rects;      /* cairo_rectangle_t */
};

static int
cells_across (double length)
{
  double n = ceil (length / CELL_SIZE);

  return !(n > 1) ? 1 : n >= MAX_CELLS_ACROSS ? MAX_CELLS_ACROSS : (int) n;
}

EntenteRectGrid *
entente_rect_grid_new (double width,
                       double height)
{
  EntenteRectGrid *grid = g_new0 (EntenteRectGrid, 1);

  grid->columns = cells_across (width);
  grid->rows = cells_across (height);
  grid->cell_width = width > 0 ? width / grid->columns : CELL_SIZE;
  grid->cell_height = height > 0 ? height / grid->rows : CELL_SIZE;
  grid->first = g_new (int, (gsize) grid->columns * grid->rows);
  memset (grid->first, 0xff, sizeof (int) * (gsize) grid->columns * grid->rows);
  grid->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  grid->rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  return grid;
}

void
entente_rect_grid_free (EntenteRectGrid *grid)
{
  g_free (grid->first);
  g_array_unref (grid->entries);
  g_array_unref (grid->rects);
  g_free (grid);
}

/* The cell holding @v, the nearest one if @v lies outside (or is NaN). */
static int
cell_of (double v,
         double cell,
         int    n)
{
  double c = floor (v / cell);

  return !(c > 0) ? 0 : c >= n - 1 ? n - 1 : (int) c;
}

typedef struct
{
  int column0, column1, row0, row1;
} CellRange;

static CellRange
cells_of (const EntenteRectGrid   *grid,
          const cairo_rectangle_t *rect)
{
  return (CellRange) {
    cell_of (rect->x, grid->cell_width, grid->columns),
    cell_of (rect->x + rect->width, grid->cell_width, grid->columns),
    cell_of (rect->y, grid->cell_height, grid->rows),
    cell_of (rect->y + rect->height, grid->cell_height, grid->rows),
  };
}

/* Returns the rectangle's index, for entente_rect_grid_remove() and
 * entente_rect_grid_find(). */
guint
entente_rect_grid_add (EntenteRectGrid         *grid,
                       const cairo_rectangle_t *rect)
{
  CellRange cells = cells_of (grid, rect);

  g_array_append_val (grid->rects, *rect);
  for (int row = cells.row0; row <= cells.row1; row++)
    for (int column = cells.column0; column <= cells.column1; column++)
      {
        int *first = &grid->first[row * grid->columns + column];

        g_array_append_val (grid->entries, ((Entry) { grid->rects->len - 1, *first }));
        *first = (int) grid->entries->len - 1;
      }
  return grid->rects->len - 1;
}

/* The rectangle stays in its cells, as one that overlaps nothing. */
void
entente_rect_grid_remove (EntenteRectGrid *grid,
                          guint            index)
{
  g_return_if_fail (index < grid->rects->len);

  g_array_index (grid->rects, cairo_rectangle_t, index) = (cairo_rectangle_t) { NAN, NAN, NAN, NAN };
}

gboolean
entente_rect_grid_overlaps (const EntenteRectGrid   *grid,
                            const cairo_rectangle_t *rect)
{
  return entente_rect_grid_find (grid, rect, NULL, 1) > 0;
}

/* The rectangles @rect overlaps, up to @max_found of them, their indices in
 * @found; returns how many it found. @found may be NULL when @max_found is
 * 1 (is there any?). */
guint
entente_rect_grid_find (const EntenteRectGrid   *grid,
                        const cairo_rectangle_t *rect,
                        guint                   *found,
                        guint                    max_found)
{
  CellRange cells = cells_of (grid, rect);
  guint n_found = 0;

  g_return_val_if_fail (max_found > 0 && (found != NULL || max_found == 1), 0);

  for (int row = cells.row0; row <= cells.row1; row++)
    for (int column = cells.column0; column <= cells.column1; column++)
      for (int e = grid->first[row * grid->columns + column]; e >= 0;
           e = g_array_index (grid->entries, Entry, e).next)
        {
          guint index = g_array_index (grid->entries, Entry, e).rect;
          gboolean seen = FALSE;

          if (!entente_rects_overlap (rect, &g_array_index (grid->rects, cairo_rectangle_t, index)))
            continue;
          /* A rectangle over several cells is met in each. */
          for (guint k = 0; found != NULL && k < n_found && !seen; k++)
            seen = found[k] == index;
          if (seen)
            continue;
          if (found != NULL)
            found[n_found] = index;
          if (++n_found == max_found)
            return n_found;
        }
  return n_found;
}
