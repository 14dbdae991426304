/* entente-hit-grid.c
 *
 * Which node is under the pointer, without asking every node: the nodes'
 * centres sorted into a grid of cells, two nodes a cell on average, built
 * once for each set of positions (a settled layout: once). A query looks
 * only at the cells within the largest radius plus the slack of the point.
 * The answer is the one entente_layout_hit() gives: among the shown nodes
 * that hold the point, the one drawn last (the highest index).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-hit-grid.h"

#define MAX_SIDE_CELLS 2048

struct _EntenteHitGrid
{
  const EntenteLayout *layout; /* only compared, never read through */
  guint    moves;
  guint    n_nodes;
  double   x0, y0;
  double   cell;
  guint    cols, rows;
  guint   *first;  /* cell c holds nodes[first[c] .. first[c + 1]) */
  guint   *nodes;
  double   max_radius;
};

static guint
cell_of (const EntenteHitGrid *grid,
         double                x,
         double                y)
{
  guint col = (guint) CLAMP ((x - grid->x0) / grid->cell, 0, grid->cols - 1);
  guint row = (guint) CLAMP ((y - grid->y0) / grid->cell, 0, grid->rows - 1);

  return row * grid->cols + col;
}

EntenteHitGrid *
entente_hit_grid_new (const EntenteLayout *layout)
{
  EntenteHitGrid *grid = g_new0 (EntenteHitGrid, 1);
  g_autofree guint *fill = NULL;
  double x1, y1, side;
  guint n_cells;

  g_return_val_if_fail (layout != NULL, NULL);

  grid->layout = layout;
  grid->moves = layout->moves;
  grid->n_nodes = layout->n_nodes;
  entente_layout_get_bounds (layout, &grid->x0, &grid->y0, &x1, &y1);
  if (!isfinite (grid->x0) || !isfinite (grid->y0) || !isfinite (x1) || !isfinite (y1))
    grid->x0 = grid->y0 = x1 = y1 = 0;

  side = MAX (MAX (x1 - grid->x0, y1 - grid->y0), 1.0);
  grid->cell = side / CLAMP (ceil (sqrt (layout->n_nodes / 2.0)), 1, MAX_SIDE_CELLS);
  grid->cols = (guint) CLAMP (ceil ((x1 - grid->x0) / grid->cell) + 1, 1, MAX_SIDE_CELLS);
  grid->rows = (guint) CLAMP (ceil ((y1 - grid->y0) / grid->cell) + 1, 1, MAX_SIDE_CELLS);
  n_cells = grid->cols * grid->rows;

  grid->first = g_new0 (guint, n_cells + 1);
  grid->nodes = g_new (guint, MAX (1, layout->n_nodes));
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      grid->first[cell_of (grid, layout->x[i], layout->y[i]) + 1]++;
      grid->max_radius = MAX (grid->max_radius, layout->radius[i]);
    }
  for (guint c = 0; c < n_cells; c++)
    grid->first[c + 1] += grid->first[c];
  fill = g_memdup2 (grid->first, sizeof (guint) * n_cells);
  for (guint i = 0; i < layout->n_nodes; i++)
    grid->nodes[fill[cell_of (grid, layout->x[i], layout->y[i])]++] = i;

  return grid;
}

void
entente_hit_grid_free (EntenteHitGrid *grid)
{
  if (grid == NULL)
    return;
  g_free (grid->first);
  g_free (grid->nodes);
  g_free (grid);
}

/* Whether @grid was built from @layout's positions as they are now. */
gboolean
entente_hit_grid_is_current (const EntenteHitGrid *grid,
                             const EntenteLayout  *layout)
{
  return grid != NULL && grid->layout == layout && grid->moves == layout->moves && grid->n_nodes == layout->n_nodes;
}

int
entente_hit_grid_find_node (const EntenteHitGrid *grid,
                            const EntenteLayout  *layout,
                            const guint8         *shown,
                            double                x,
                            double                y,
                            double                slack)
{
  double reach = grid->max_radius + MAX (slack, 0);
  int best = -1;
  guint col0, col1, row0, row1;

  g_return_val_if_fail (entente_hit_grid_is_current (grid, layout), -1);

  if (!isfinite (x) || !isfinite (y) || layout->n_nodes == 0)
    return -1;

  col0 = (guint) CLAMP (floor ((x - reach - grid->x0) / grid->cell), 0, grid->cols - 1);
  col1 = (guint) CLAMP (floor ((x + reach - grid->x0) / grid->cell), 0, grid->cols - 1);
  row0 = (guint) CLAMP (floor ((y - reach - grid->y0) / grid->cell), 0, grid->rows - 1);
  row1 = (guint) CLAMP (floor ((y + reach - grid->y0) / grid->cell), 0, grid->rows - 1);

  for (guint row = row0; row <= row1; row++)
    for (guint col = col0; col <= col1; col++)
      {
        guint c = row * grid->cols + col;

        for (guint k = grid->first[c]; k < grid->first[c + 1]; k++)
          {
            guint i = grid->nodes[k];
            double dx = x - layout->x[i];
            double dy = y - layout->y[i];
            double r = layout->radius[i] + slack;

            if ((int) i <= best || (shown != NULL && !shown[i]))
              continue;
            if (dx * dx + dy * dy <= r * r)
              best = (int) i;
          }
      }

  return best;
}
