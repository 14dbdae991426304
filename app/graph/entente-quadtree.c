/* entente-quadtree.c
 *
 * Cells live in one growing array and point to their children by index:
 * no allocation per cell, and the tree is rebuilt in place every iteration.
 * Coincident points are chained in a leaf rather than split forever.
 *
 * The force pass walks a second, compact copy of the tree laid out in the
 * order it visits cells, each cell knowing where its subtree ends: a walk
 * goes forward through memory, skipping what it does not open, with no
 * stack, and adds the same terms in the same order as a walk of the tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-quadtree.h"

#define NO_CHILD   (-1)
#define MAX_DEPTH  48
#define MIN_DIST2  1.0

/* 40 bytes: the force pass is bound by memory traffic, so floats. */
typedef struct
{
  float x0, y0, size;    /* square bounds */
  float cx, cy;          /* centre of charge */
  float charge;          /* total charge */
  int   child[4];        /* NO_CHILD, or a cell index */
  int   point;           /* a leaf's first point, or -1 */
} Cell;

/* A cell as the force pass reads it, in visiting order. */
typedef struct
{
  float cx, cy;   /* centre of charge */
  float size2;    /* square of the side */
  float charge;
  int   end;      /* the first cell after this one's subtree: the next one for a leaf */
  int   point;    /* a leaf's first point, or -1 */
} WalkCell;

struct _EntenteQuadtree
{
  GArray *cells;  /* Cell */
  GArray *walk;   /* WalkCell: the cells in the force pass's depth-first order */
  GArray *next;   /* int per point: the next point in the same leaf, or -1 */
  GArray *order;  /* guint per point: the points in the tree's depth-first order */
};

EntenteQuadtree *
entente_quadtree_new (void)
{
  EntenteQuadtree *tree = g_new0 (EntenteQuadtree, 1);

  tree->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  tree->walk = g_array_new (FALSE, FALSE, sizeof (WalkCell));
  tree->next = g_array_new (FALSE, FALSE, sizeof (int));
  tree->order = g_array_new (FALSE, FALSE, sizeof (guint));
  return tree;
}

void
entente_quadtree_free (EntenteQuadtree *tree)
{
  if (tree == NULL)
    return;
  g_array_unref (tree->cells);
  g_array_unref (tree->walk);
  g_array_unref (tree->next);
  g_array_unref (tree->order);
  g_free (tree);
}

static int
new_cell (EntenteQuadtree *tree,
          double           x0,
          double           y0,
          double           size)
{
  Cell cell = { (float) x0, (float) y0, (float) size, 0, 0, 0, { NO_CHILD, NO_CHILD, NO_CHILD, NO_CHILD }, -1 };

  g_array_append_val (tree->cells, cell);
  return (int) tree->cells->len - 1;
}

static gboolean
is_leaf (const Cell *cell)
{
  return cell->child[0] == NO_CHILD && cell->child[1] == NO_CHILD &&
         cell->child[2] == NO_CHILD && cell->child[3] == NO_CHILD;
}

static int
quadrant (const Cell *cell,
          double      x,
          double      y)
{
  double half = cell->size / 2;

  return (x >= cell->x0 + half ? 1 : 0) + (y >= cell->y0 + half ? 2 : 0);
}

static void
insert (EntenteQuadtree *tree,
        int              index,
        int              point,
        const double    *x,
        const double    *y,
        int              depth)
{
  for (;;)
    {
      Cell *cell = &g_array_index (tree->cells, Cell, index);
      int q, existing;

      if (is_leaf (cell))
        {
          if (cell->point < 0)
            {
              cell->point = point;
              return;
            }

          existing = cell->point;
          /* Same place, or too deep to split: chain them in this leaf. */
          if ((x[existing] == x[point] && y[existing] == y[point]) || depth >= MAX_DEPTH)
            {
              g_array_index (tree->next, int, point) = cell->point;
              cell->point = point;
              return;
            }

          /* Split: push the existing chain one level down. */
          cell->point = -1;
          q = quadrant (cell, x[existing], y[existing]);
          {
            double half = cell->size / 2;
            double cx0 = cell->x0 + (q & 1 ? half : 0), cy0 = cell->y0 + (q & 2 ? half : 0);
            int child = new_cell (tree, cx0, cy0, half);

            cell = &g_array_index (tree->cells, Cell, index);
            cell->child[q] = child;
            g_array_index (tree->cells, Cell, child).point = existing;
          }
        }

      q = quadrant (cell, x[point], y[point]);
      if (cell->child[q] == NO_CHILD)
        {
          double half = cell->size / 2;
          double cx0 = cell->x0 + (q & 1 ? half : 0), cy0 = cell->y0 + (q & 2 ? half : 0);
          int child = new_cell (tree, cx0, cy0, half);

          g_array_index (tree->cells, Cell, index).child[q] = child;
          g_array_index (tree->cells, Cell, child).point = point;
          return;
        }

      index = cell->child[q];
      depth++;
    }
}

/* Centres of charge, children before parents: cells are created after
 * their parent, so walking the array backwards does it. */
static void
accumulate (EntenteQuadtree *tree,
            const double    *x,
            const double    *y,
            const double    *charge)
{
  for (guint k = tree->cells->len; k > 0; k--)
    {
      Cell *cell = &g_array_index (tree->cells, Cell, k - 1);
      double total = 0, sx = 0, sy = 0;

      for (int p = cell->point; p >= 0; p = g_array_index (tree->next, int, p))
        {
          total += charge[p];
          sx += x[p] * charge[p];
          sy += y[p] * charge[p];
        }
      for (int c = 0; c < 4; c++)
        if (cell->child[c] != NO_CHILD)
          {
            const Cell *child = &g_array_index (tree->cells, Cell, cell->child[c]);
            total += child->charge;
            sx += child->cx * child->charge;
            sy += child->cy * child->charge;
          }

      cell->charge = (float) total;
      cell->cx = (float) (total != 0 ? sx / total : cell->x0 + cell->size / 2);
      cell->cy = (float) (total != 0 ? sy / total : cell->y0 + cell->size / 2);
    }
}

/* The cells in the order the force pass visits them: a cell, then its
 * children's subtrees from the last child to the first (as popping them off
 * a stack they were pushed on first to last would). The points, in the
 * same order, are the order the force pass takes them in. */
static void
lay_out_walk (EntenteQuadtree *tree)
{
  guint n_cells = tree->cells->len;
  g_autofree int *subtree = g_new (int, MAX (n_cells, 1));
  int stack[4 * MAX_DEPTH + 8];
  int top = 0;

  g_array_set_size (tree->walk, n_cells);
  g_array_set_size (tree->order, 0);
  if (n_cells == 0)
    return;

  /* Subtree sizes, children before parents. */
  for (guint k = n_cells; k > 0; k--)
    {
      const Cell *cell = &g_array_index (tree->cells, Cell, k - 1);

      subtree[k - 1] = 1;
      for (int c = 0; c < 4; c++)
        if (cell->child[c] != NO_CHILD)
          subtree[k - 1] += subtree[cell->child[c]];
    }

  stack[top++] = 0;
  for (int at = 0; top > 0; at++)
    {
      int index = stack[--top];
      const Cell *cell = &g_array_index (tree->cells, Cell, index);
      WalkCell *walk = &g_array_index (tree->walk, WalkCell, at);

      *walk = (WalkCell) { cell->cx, cell->cy, cell->size * cell->size, cell->charge,
                           at + subtree[index], cell->point };
      for (int p = cell->point; p >= 0; p = g_array_index (tree->next, int, p))
        {
          guint point = (guint) p;
          g_array_append_val (tree->order, point);
        }
      /* At most three cells wait at each of at most MAX_DEPTH levels. */
      g_assert (top + 4 <= (int) G_N_ELEMENTS (stack));
      for (int c = 0; c < 4; c++)
        if (cell->child[c] != NO_CHILD)
          stack[top++] = cell->child[c];
    }
}

void
entente_quadtree_build (EntenteQuadtree *tree,
                        const double    *x,
                        const double    *y,
                        const double    *charge,
                        guint            n)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_array_set_size (tree->cells, 0);
  g_array_set_size (tree->walk, 0);
  g_array_set_size (tree->next, n);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, x[i]);
      y0 = MIN (y0, y[i]);
      x1 = MAX (x1, x[i]);
      y1 = MAX (y1, y[i]);
      g_array_index (tree->next, int, i) = -1;
    }

  new_cell (tree, x0, y0, MAX (MAX (x1 - x0, y1 - y0), 1.0) * 1.0001);
  /* In the last tree's order, where there is one for these points: they
   * have hardly moved since, so each descent follows much of the one
   * before, through cells still in the cache. The tree comes out the same
   * whatever the order; only points at one same place, chained in a leaf,
   * are chained in another order. */
  if (tree->order->len == n)
    {
      const guint *order = (const guint *) tree->order->data;

      for (guint k = 0; k < n; k++)
        insert (tree, 0, (int) order[k], x, y, 0);
    }
  else
    for (guint i = 0; i < n; i++)
      insert (tree, 0, (int) i, x, y, 0);
  accumulate (tree, x, y, charge);
  lay_out_walk (tree);
}

/* Points in depth-first order are neighbours in space: walking them in that
 * order, each walk of the tree finds the cells the last one left warm. */
const guint *
entente_quadtree_get_order (const EntenteQuadtree *tree)
{
  return (const guint *) tree->order->data;
}

/* The many-body force on @node: far cells act as one body at their centre
 * of charge when size / distance < θ. Charges here are the d3-force
 * "strength" (negative repels); the result is a velocity change per unit
 * of alpha. */
void
entente_quadtree_force (const EntenteQuadtree *tree,
                        guint                  node,
                        const double          *x,
                        const double          *y,
                        const double          *charge,
                        double                 theta,
                        double                *fx,
                        double                *fy)
{
  const WalkCell *walk = (const WalkCell *) tree->walk->data;
  int n_walk = (int) tree->walk->len;
  float theta2 = (float) (theta * theta);
  float px = (float) x[node], py = (float) y[node];
  double ax = 0, ay = 0;

  for (int at = 0; at < n_walk;)
    {
      const WalkCell *cell = &walk[at];
      float dx = cell->cx - px, dy = cell->cy - py;
      float d2 = dx * dx + dy * dy;

      if (cell->charge == 0)
        {
          at = cell->end;
          continue;
        }

      if (cell->end != at + 1 && cell->size2 < theta2 * d2)
        {
          ax += dx * cell->charge / d2;
          ay += dy * cell->charge / d2;
          at = cell->end;
          continue;
        }

      for (int p = cell->point; p >= 0; p = g_array_index (tree->next, int, p))
        {
          double pdx, pdy, pd2;

          if ((guint) p == node)
            continue;
          pdx = x[p] - px;
          pdy = y[p] - py;
          pd2 = pdx * pdx + pdy * pdy;
          if (pd2 < MIN_DIST2)
            {
              /* Coincident: push apart along a direction fixed by the
               * indices, so that the result stays deterministic. */
              pdx = ((node * 7 + p * 13) % 17 - 8) * 0.1 + 0.05;
              pdy = ((node * 11 + p * 5) % 19 - 9) * 0.1 + 0.05;
              pd2 = MAX (pdx * pdx + pdy * pdy, MIN_DIST2);
            }
          ax += pdx * charge[p] / pd2;
          ay += pdy * charge[p] / pd2;
        }
      at++;
    }

  *fx = ax;
  *fy = ay;
}
