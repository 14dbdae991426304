/* entente-render-shapes.c
 *
 * Edges and nodes: into an image they go straight into its pixels through
 * the direct rasterizer, in bands of rows drawn at once on big graphs;
 * anywhere else (SVG, PDF, a focus layer's overlay) through Cairo paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "entente-parallel.h"
#include "entente-renderer-private.h"

static void
draw_self_loop (cairo_t    *cr,
                double      x,
                double      y,
                double      r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y - r * 1.4, r * 0.7, 0, 2 * G_PI);
  cairo_stroke (cr);
}



static gboolean
is_plain_edge (const EntenteRenderOptions *o,
               const Focus                *focus,
               guint                       i)
{
  const EntenteRelation *r = entente_story_get_relation (o->story, i);

  return _entente_render_relation_opacity (o, i) >= 1.0 && !focus->relations[i] && r->from != r->to &&
         _entente_render_relation_presence (o, i) != ENTENTE_PRESENCE_ENDED &&
         (o->new_relations == NULL || !o->new_relations[i]);
}

static gboolean
edge_on_screen (const EntenteRenderOptions *o,
                const Curve                *c)
{
  double x0 = MIN (MIN (c->ax, c->bx), MIN (c->c1x, c->c2x));
  double x1 = MAX (MAX (c->ax, c->bx), MAX (c->c1x, c->c2x));
  double y0 = MIN (MIN (c->ay, c->by), MIN (c->c1y, c->c2y));
  double y1 = MAX (MAX (c->ay, c->by), MAX (c->c1y, c->c2y));

  return x1 >= 0 && y1 >= 0 && x0 <= o->viewport->width && y0 <= o->viewport->height;
}

static void
add_arrowhead (cairo_t     *cr,
               const Curve *c)
{
  cairo_move_to (cr, c->bx, c->by);
  cairo_line_to (cr, c->bx - c->ux * ARROW_LENGTH - c->uy * ARROW_WIDTH,
                 c->by - c->uy * ARROW_LENGTH + c->ux * ARROW_WIDTH);
  cairo_line_to (cr, c->bx - c->ux * ARROW_LENGTH + c->uy * ARROW_WIDTH,
                 c->by - c->uy * ARROW_LENGTH - c->ux * ARROW_WIDTH);
  cairo_close_path (cr);
}

static void
flatten_curve (const Curve *c,
               double       end_x,
               double       end_y,
               double      *points,
               guint        n_segments)
{
  for (guint k = 0; k <= n_segments; k++)
    {
      double t = (double) k / n_segments, u = 1 - t;

      points[2 * k] = u * u * u * c->ax + 3 * u * u * t * c->c1x + 3 * u * t * t * c->c2x + t * t * t * end_x;
      points[2 * k + 1] = u * u * u * c->ay + 3 * u * u * t * c->c1y + 3 * u * t * t * c->c2y + t * t * t * end_y;
    }
}

static void
raster_edge (EntenteRaster      *raster,
             const Curve        *c,
             gboolean            straight,
             double              width,
             EntenteRasterColor  color,
             const double       *dashes,
             gboolean            arrow)
{
  double end_x = c->bx - c->ux * ARROW_LENGTH * 0.8, end_y = c->by - c->uy * ARROW_LENGTH * 0.8;

  if (straight)
    entente_raster_line (raster, c->ax, c->ay, end_x, end_y, width, color, dashes, 0);
  else
    {
      double points[2 * (MAX_CURVE_SEGMENTS + 1)];
      double along = 0;
      guint n = (guint) CLAMP (hypot (c->bx - c->ax, c->by - c->ay) / 12, 4, MAX_CURVE_SEGMENTS);

      flatten_curve (c, end_x, end_y, points, n);
      for (guint k = 0; k < n; k++)
        {
          entente_raster_line (raster, points[2 * k], points[2 * k + 1], points[2 * k + 2], points[2 * k + 3],
                               width, color, dashes, along);
          along += hypot (points[2 * k + 2] - points[2 * k], points[2 * k + 3] - points[2 * k + 1]);
        }
    }

  if (arrow)
    {
      double tip[6] = {
        c->bx, c->by,
        c->bx - c->ux * ARROW_LENGTH - c->uy * ARROW_WIDTH, c->by - c->uy * ARROW_LENGTH + c->ux * ARROW_WIDTH,
        c->bx - c->ux * ARROW_LENGTH + c->uy * ARROW_WIDTH, c->by - c->uy * ARROW_LENGTH - c->ux * ARROW_WIDTH,
      };
      entente_raster_triangle (raster, tip, color);
    }
}

/* What drawing one band of rows of an image needs. */
typedef struct
{
  const EntenteRenderOptions *o;
  const Palette              *pal;
  const Focus                *focus;
  EntenteRaster               raster;
} RasterBand;

typedef struct
{
  RasterBand   whole;
  RasterBand   bands[16];
  GThreadFunc  draw;
} RasterBands;

static void
draw_band (guint    part,
           guint    n_parts,
           gpointer data)
{
  RasterBands *bands = data;
  RasterBand *band = &bands->bands[part];

  *band = bands->whole;
  band->raster.band_y0 = (int) ((gint64) bands->whole.raster.height * part / n_parts);
  band->raster.band_y1 = (int) ((gint64) bands->whole.raster.height * (part + 1) / n_parts);
  bands->draw (band);
}

/* Straight into the pixels of an image target, by @draw: when @parallel,
 * in bands of rows drawn at once, one a processor, each clipped to its
 * rows, so that each pixel still gets the same blends in the same order.
 * FALSE if the target is not an image (SVG, PDF) and nothing was drawn. */
static gboolean
raster_in_bands (cairo_t                    *cr,
                 const EntenteRenderOptions *o,
                 const Palette              *pal,
                 const Focus                *focus,
                 gboolean                    parallel,
                 GThreadFunc                 draw)
{
  RasterBands bands = { { o, pal, focus }, { { 0 } }, draw };

  if (!entente_raster_begin (&bands.whole.raster, cr))
    return FALSE;

  if (parallel)
    entente_parallel_run (MIN (entente_parallel_get_n_parts (), G_N_ELEMENTS (bands.bands)), draw_band, &bands);
  else
    draw (&bands.whole);
  entente_raster_end (&bands.whole.raster);
  return TRUE;
}

/* All plain edges, clipped to one band of rows of the image. */
static gpointer
raster_plain_edges (gpointer data)
{
  static const double dashes[] = { 7.0, 5.0 };
  RasterBand *band = data;
  const EntenteRenderOptions *o = band->o;
  guint n = entente_story_get_n_relations (o->story);
  double width = 1.5 * CLAMP (o->viewport->zoom, 0.5, 1.5);

  for (int reported = 0; reported <= 1; reported++)
    {
      const EntenteColor *color = reported ? &band->pal->reported : &band->pal->edge;
      EntenteRasterColor raster_color = entente_raster_color (color->r, color->g, color->b,
                                                              band->focus->active ? DIMMED_ALPHA : 0.9);

      for (guint i = 0; i < n; i++)
        {
          const EntenteRelation *r = entente_story_get_relation (o->story, i);
          Curve c;

          if ((r->status == ENTENTE_STATUS_REPORTED) != reported || !is_plain_edge (o, band->focus, i))
            continue;
          _entente_render_edge_curve (o, r, i, &c);
          if (!edge_on_screen (o, &c))
            continue;
          /* Far out, a bow of less than a pixel is a straight line, and
           * arrowheads show only where there is room to see one. */
          raster_edge (&band->raster, &c, fabs (o->layout->relation_bend[i] * o->viewport->zoom) < 1.0,
                       width, raster_color, reported ? dashes : NULL,
                       hypot (c.bx - c.ax, c.by - c.ay) >= MIN_ARROW_LENGTH && o->viewport->zoom >= 0.15);
        }
    }

  return NULL;
}

/* Plain edges — fully shown, not in focus, not new, not ended — are most
 * of a big graph. Into an image they go straight into pixels, in two bands
 * of rows drawn at once on big graphs (each pixel still gets the same
 * blends in the same order); into SVG and PDF, as Cairo strokes. */
static void
draw_plain_edges (cairo_t                    *cr,
                  const EntenteRenderOptions *o,
                  const Palette              *pal,
                  const Focus                *focus)
{
  static const double dashes[] = { 7.0, 5.0 };
  guint n = entente_story_get_n_relations (o->story);
  double width = 1.5 * CLAMP (o->viewport->zoom, 0.5, 1.5);

  if (raster_in_bands (cr, o, pal, focus, n >= PARALLEL_EDGES, raster_plain_edges))
    return;

  for (int reported = 0; reported <= 1; reported++)
    {
      const EntenteColor *color = reported ? &pal->reported : &pal->edge;

      _entente_render_set_color (cr, color, focus->active ? DIMMED_ALPHA : 0.9);
      cairo_set_line_width (cr, width);
      for (guint i = 0; i < n; i++)
        {
          const EntenteRelation *r = entente_story_get_relation (o->story, i);
          Curve c;

          if ((r->status == ENTENTE_STATUS_REPORTED) != reported || !is_plain_edge (o, focus, i))
            continue;
          _entente_render_edge_curve (o, r, i, &c);
          if (!edge_on_screen (o, &c))
            continue;

          cairo_set_dash (cr, reported ? dashes : NULL, reported ? G_N_ELEMENTS (dashes) : 0, 0);
          cairo_move_to (cr, c.ax, c.ay);
          cairo_curve_to (cr, c.c1x, c.c1y, c.c2x, c.c2y,
                          c.bx - c.ux * ARROW_LENGTH * 0.8, c.by - c.uy * ARROW_LENGTH * 0.8);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          if (hypot (c.bx - c.ax, c.by - c.ay) >= MIN_ARROW_LENGTH)
            {
              add_arrowhead (cr, &c);
              cairo_fill (cr);
            }
        }
    }
}

void
_entente_render_draw_edges (cairo_t                    *cr,
                            const EntenteRenderOptions *o,
                            const Palette              *pal,
                            const Focus                *focus,
                            GArray                     *edge_labels)
{
  guint n = entente_story_get_n_relations (o->story);
  double zoom_width = CLAMP (o->viewport->zoom, 0.5, 1.5);
  static const double dashes[] = { 7.0, 5.0 };

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Plain edges — fully shown, not in focus, not new, not ended — go in
   * batches by status and dimming: one stroke per few hundred edges
   * rather than one per edge, which is what keeps big graphs fast. */
  if (o->layer == ENTENTE_RENDER_LAYER_ALL)
    draw_plain_edges (cr, o, pal, focus);

  for (guint i = 0; i < n; i++)
    {
      const EntenteRelation *r = entente_story_get_relation (o->story, i);
      EntentePresence presence = _entente_render_relation_presence (o, i);
      gboolean touches_focus = focus->relations[i];
      double opacity = _entente_render_relation_opacity (o, i);
      const EntenteColor *color;
      double alpha = 0.9;
      Curve c;

      if (opacity < 0.01 || is_plain_edge (o, focus, i) || (o->layer == ENTENTE_RENDER_LAYER_FOCUS && !touches_focus))
        continue;

      if (focus->active && !touches_focus)
        alpha = DIMMED_ALPHA;
      alpha *= opacity;
      if (presence == ENTENTE_PRESENCE_ENDED)
        {
          color = &pal->ended;
          alpha *= ENDED_ALPHA / 0.9;
        }
      else if (r->status == ENTENTE_STATUS_REPORTED)
        color = &pal->reported;
      else
        color = touches_focus ? &pal->accent : &pal->edge;

      if (r->from != r->to)
        _entente_render_edge_curve (o, r, i, &c);

      /* New since the previous event: a soft accent underlay. */
      if (o->new_relations && o->new_relations[i] && r->from != r->to)
        {
          _entente_render_set_color (cr, &pal->accent, 0.3 * opacity);
          cairo_set_line_width (cr, 8.0);
          cairo_move_to (cr, c.ax, c.ay);
          cairo_curve_to (cr, c.c1x, c.c1y, c.c2x, c.c2y, c.bx, c.by);
          cairo_stroke (cr);
        }

      _entente_render_set_color (cr, color, alpha);
      cairo_set_line_width (cr, ((int) i == o->selected_relation ? 3.5 : touches_focus ? 2.4 : 1.5) * zoom_width);
      if (r->status == ENTENTE_STATUS_REPORTED)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);

      if (r->from == r->to)
        {
          double x, y;
          entente_viewport_world_to_screen (o->viewport, o->layout->x[r->from], o->layout->y[r->from], &x, &y);
          draw_self_loop (cr, x, y, o->layout->radius[r->from] * o->viewport->zoom);
          continue;
        }

      cairo_move_to (cr, c.ax, c.ay);
      cairo_curve_to (cr, c.c1x, c.c1y, c.c2x, c.c2y,
                      c.bx - c.ux * ARROW_LENGTH * 0.8, c.by - c.uy * ARROW_LENGTH * 0.8);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Arrowhead */
      cairo_move_to (cr, c.bx, c.by);
      cairo_line_to (cr, c.bx - c.ux * ARROW_LENGTH - c.uy * ARROW_WIDTH,
                     c.by - c.uy * ARROW_LENGTH + c.ux * ARROW_WIDTH);
      cairo_line_to (cr, c.bx - c.ux * ARROW_LENGTH + c.uy * ARROW_WIDTH,
                     c.by - c.uy * ARROW_LENGTH - c.ux * ARROW_WIDTH);
      cairo_close_path (cr);
      cairo_fill (cr);

      /* An ended tie is shown cut through at its middle. */
      if (presence == ENTENTE_PRESENCE_ENDED)
        {
          double tx = c.c2x - c.c1x, ty = c.c2y - c.c1y, tl = MAX (hypot (tx, ty), 1e-6);

          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, c.mx - ty / tl * 7 - tx / tl * 3, c.my + tx / tl * 7 - ty / tl * 3);
          cairo_line_to (cr, c.mx + ty / tl * 7 - tx / tl * 3, c.my - tx / tl * 7 - ty / tl * 3);
          cairo_move_to (cr, c.mx - ty / tl * 7 + tx / tl * 3, c.my + tx / tl * 7 + ty / tl * 3);
          cairo_line_to (cr, c.mx + ty / tl * 7 + tx / tl * 3, c.my - tx / tl * 7 + ty / tl * 3);
          cairo_stroke (cr);
        }

      if (touches_focus)
        g_array_append_val (edge_labels, ((EdgeLabel) { i, c.mx, c.my }));
    }

  cairo_set_dash (cr, NULL, 0, 0);
}

void
_entente_render_node_screen_geometry (const EntenteRenderOptions *o,
                                      guint                       i,
                                      double                     *x,
                                      double                     *y,
                                      double                     *r)
{
  entente_viewport_world_to_screen (o->viewport, o->layout->x[i], o->layout->y[i], x, y);
  *r = MAX (o->layout->radius[i] * o->viewport->zoom, _entente_render_min_node_radius (o));
}

gboolean
_entente_render_node_on_screen (const EntenteRenderOptions *o,
                                double                      x,
                                double                      y,
                                double                      r)
{
  /* Keep room for the label below and beside the node. */
  return !(x + r + 120 < 0 || x - r - 120 > o->viewport->width ||
           y + r + 30 < 0 || y - r > o->viewport->height);
}

static gboolean
is_plain_node (const EntenteRenderOptions *o,
               const Focus                *focus,
               guint                       i)
{
  return _entente_render_entity_opacity (o, i) >= 1.0 && _entente_render_entity_presence (o, i) != ENTENTE_PRESENCE_ENDED &&
         (int) i != o->selected_entity && (int) i != o->hovered_entity &&
         (o->highlighted == NULL || !o->highlighted[i]) &&
         (o->new_entities == NULL || !o->new_entities[i]) && !o->layout->pinned[i];
}

/* All plain nodes, clipped to one band of rows of the image. */
static gpointer
raster_plain_nodes (gpointer data)
{
  RasterBand *band = data;
  const EntenteRenderOptions *o = band->o;
  const Palette *pal = band->pal;

  for (guint i = 0; i < o->layout->n_nodes; i++)
    {
      EntenteEntityKind kind = entente_story_get_entity (o->story, i)->kind;
      EntenteColor fill = entente_kind_color (kind, o->dark);
      double alpha = _entente_render_in_focus (band->focus, i) ? 1.0 : DIMMED_ALPHA;
      double x, y, r;

      if (!is_plain_node (o, band->focus, i) || _entente_render_left_to_picture (o, band->focus, i))
        continue;
      _entente_render_node_screen_geometry (o, i, &x, &y, &r);
      if (!_entente_render_node_on_screen (o, x, y, r))
        continue;

      entente_raster_shape (&band->raster, kind, x, y, r,
                            entente_raster_color (fill.r, fill.g, fill.b, alpha),
                            entente_raster_color (pal->background.r, pal->background.g, pal->background.b, alpha),
                            r >= 5.0 ? 2.0 : 0.0);
    }

  return NULL;
}

/* Plain nodes, the bulk of a big graph: straight into pixels when the
 * target is an image, in two bands of rows drawn at once on big graphs as
 * the edges are; as Cairo paths otherwise. */
static void
draw_plain_nodes (cairo_t                    *cr,
                  const EntenteRenderOptions *o,
                  const Palette              *pal,
                  const Focus                *focus)
{
  const EntenteLayout *layout = o->layout;

  if (raster_in_bands (cr, o, pal, focus, layout->n_nodes >= PARALLEL_NODES, raster_plain_nodes))
    return;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      EntenteEntityKind kind = entente_story_get_entity (o->story, i)->kind;
      EntenteColor fill = entente_kind_color (kind, o->dark);
      double alpha = _entente_render_in_focus (focus, i) ? 1.0 : DIMMED_ALPHA;
      double x, y, r;

      if (!is_plain_node (o, focus, i) || _entente_render_left_to_picture (o, focus, i))
        continue;
      _entente_render_node_screen_geometry (o, i, &x, &y, &r);
      if (!_entente_render_node_on_screen (o, x, y, r))
        continue;

      entente_render_kind_shape (cr, kind, x, y, r);
      _entente_render_set_color (cr, &fill, alpha);
      cairo_fill_preserve (cr);
      _entente_render_set_color (cr, &pal->background, alpha);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
}

void
_entente_render_draw_nodes (cairo_t                    *cr,
                            const EntenteRenderOptions *o,
                            const Palette              *pal,
                            const Focus                *focus)
{
  const EntenteLayout *layout = o->layout;

  draw_plain_nodes (cr, o, pal, focus);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntenteEntity *e = entente_story_get_entity (o->story, i);
      EntentePresence presence = _entente_render_entity_presence (o, i);
      EntenteColor fill = entente_kind_color (e->kind, o->dark);
      double opacity = _entente_render_entity_opacity (o, i);
      double alpha = (_entente_render_in_focus (focus, i) ? 1.0 : DIMMED_ALPHA) * opacity;
      double x, y, r;

      if (opacity < 0.01 || is_plain_node (o, focus, i) || _entente_render_left_to_picture (o, focus, i))
        continue;

      _entente_render_node_screen_geometry (o, i, &x, &y, &r);
      if (!_entente_render_node_on_screen (o, x, y, r))
        continue;
      /* Entities grow in as they fade in. */
      r *= 0.5 + 0.5 * opacity;

      if (o->new_entities && o->new_entities[i])
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, r + 9, 0, 2 * G_PI);
          _entente_render_set_color (cr, &pal->accent, 0.25 * opacity);
          cairo_fill (cr);
        }

      entente_render_kind_shape (cr, e->kind, x, y, r);
      _entente_render_set_color (cr, presence == ENTENTE_PRESENCE_ENDED ? &pal->ended : &fill, alpha);
      cairo_fill_preserve (cr);
      _entente_render_set_color (cr, &pal->background, alpha);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);

      if ((int) i == o->selected_entity || (int) i == o->hovered_entity ||
          (o->highlighted && o->highlighted[i]))
        {
          static const double dotted[] = { 3.0, 3.0 };

          entente_render_kind_shape (cr, e->kind, x, y, r + 4);
          _entente_render_set_color (cr, &pal->accent, (int) i == o->selected_entity ? 1.0 : 0.7);
          cairo_set_line_width (cr, 3.0);
          /* What a quote is about is ringed with dots, the speaker in full. */
          if ((int) i != o->selected_entity && (int) i != o->hovered_entity)
            cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      if (layout->pinned[i])
        {
          cairo_arc (cr, x + r * 0.75, y - r * 0.75, 3.5, 0, 2 * G_PI);
          _entente_render_set_color (cr, &pal->foreground, alpha);
          cairo_fill (cr);
        }
    }
}
