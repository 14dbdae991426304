/* entente-renderer.c
 *
 * Plain Cairo and Pango, so that the widget, the exports and the tests all
 * draw with the same code, with or without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "entente-parallel.h"
#include "entente-renderer-private.h"


void
entente_render_options_init (EntenteRenderOptions *options)
{
  *options = (EntenteRenderOptions) {
    .selected_entity = -1,
    .hovered_entity = -1,
    .selected_relation = -1,
    .show_legend = TRUE,
  };
}

/* GNOME palette: blue 3, orange 3, green 4, purple 3; brighter on dark. */
EntenteColor
entente_kind_color (EntenteEntityKind kind,
                    gboolean          dark)
{
  static const EntenteColor light[] = {
    { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
    { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0 },
    { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0 },
    { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0 },
  };
  static const EntenteColor bright[] = {
    { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0 },
    { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 },
    { 0x33 / 255.0, 0xd1 / 255.0, 0x7a / 255.0 },
    { 0xc0 / 255.0, 0x61 / 255.0, 0xcb / 255.0 },
  };

  g_return_val_if_fail (kind < ENTENTE_N_ENTITY_KINDS, light[0]);
  return dark ? bright[kind] : light[kind];
}


Palette
_entente_render_palette_for (gboolean dark)
{
  if (dark)
    return (Palette) {
      .background = { 0.141, 0.141, 0.141 },
      .foreground = { 0.95, 0.95, 0.95 },
      .edge = { 0.70, 0.70, 0.72 },
      .reported = { 0.96, 0.76, 0.07 },
      .ended = { 0.45, 0.45, 0.47 },
      .accent = { 0.47, 0.68, 0.93 },
    };

  return (Palette) {
    .background = { 0.98, 0.98, 0.98 },
    .foreground = { 0.14, 0.14, 0.16 },
    .edge = { 0.37, 0.36, 0.39 },
    .reported = { 0.78, 0.42, 0.0 },
    .ended = { 0.60, 0.59, 0.62 },
    .accent = { 0.11, 0.44, 0.85 },
  };
}

void
_entente_render_set_color (cairo_t            *cr,
                           const EntenteColor *c,
                           double              alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

/* Shapes tell kinds apart without relying on colour: circle for people,
 * rounded square for companies, diamond for products, hexagon for
 * organisations. */
void
entente_render_kind_shape (cairo_t           *cr,
                           EntenteEntityKind  kind,
                           double             x,
                           double             y,
                           double             r)
{
  switch (kind)
    {
    case ENTENTE_ENTITY_PERSON:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;

    case ENTENTE_ENTITY_COMPANY:
      {
        double s = r * 0.88, c = r * 0.3;

        cairo_new_sub_path (cr);
        cairo_arc (cr, x + s - c, y - s + c, c, -G_PI / 2, 0);
        cairo_arc (cr, x + s - c, y + s - c, c, 0, G_PI / 2);
        cairo_arc (cr, x - s + c, y + s - c, c, G_PI / 2, G_PI);
        cairo_arc (cr, x - s + c, y - s + c, c, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;

    case ENTENTE_ENTITY_PRODUCT:
      cairo_move_to (cr, x, y - r * 1.12);
      cairo_line_to (cr, x + r * 1.12, y);
      cairo_line_to (cr, x, y + r * 1.12);
      cairo_line_to (cr, x - r * 1.12, y);
      cairo_close_path (cr);
      break;

    case ENTENTE_ENTITY_ORGANIZATION:
    case ENTENTE_N_ENTITY_KINDS:
    default:
      for (int i = 0; i < 6; i++)
        {
          double a = G_PI / 6 + i * G_PI / 3;
          if (i == 0)
            cairo_move_to (cr, x + r * cos (a), y + r * sin (a));
          else
            cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
        }
      cairo_close_path (cr);
      break;
    }
}


EntentePresence
_entente_render_entity_presence (const EntenteRenderOptions *o,
                                 guint                       i)
{
  return o->time_view ? o->time_view->entities[i] : ENTENTE_PRESENCE_ACTIVE;
}

EntentePresence
_entente_render_relation_presence (const EntenteRenderOptions *o,
                                   guint                       i)
{
  return o->time_view ? o->time_view->relations[i] : ENTENTE_PRESENCE_ACTIVE;
}

gboolean
_entente_render_in_focus (const Focus *focus,
                          guint        entity)
{
  return !focus->active || focus->entities[entity];
}

/* Left out of a focus layer: what the veiled picture under it shows. */
gboolean
_entente_render_left_to_picture (const EntenteRenderOptions *o,
                                 const Focus                *focus,
                                 guint                       entity)
{
  return o->layer == ENTENTE_RENDER_LAYER_FOCUS && !_entente_render_in_focus (focus, entity) && (int) entity != o->hovered_entity;
}

double
_entente_render_entity_opacity (const EntenteRenderOptions *o,
                                guint                       i)
{
  if (o->entity_fade)
    return o->entity_fade[i];
  return o->time_view == NULL || entente_time_view_shows_entity (o->time_view, i) ? 1.0 : 0.0;
}

double
_entente_render_relation_opacity (const EntenteRenderOptions *o,
                                  guint                       i)
{
  if (o->relation_fade)
    return o->relation_fade[i];
  return o->time_view == NULL || entente_time_view_shows_relation (o->time_view, i) ? 1.0 : 0.0;
}

static void
compute_focus (const EntenteRenderOptions *o,
               Focus                      *focus)
{
  guint n_entities = o->layout->n_nodes;
  guint n_relations = entente_story_get_n_relations (o->story);
  int entity = o->selected_entity >= 0 ? o->selected_entity : o->hovered_entity;

  focus->entities = g_new0 (guint8, MAX (1, n_entities));
  focus->relations = g_new0 (guint8, MAX (1, n_relations));
  focus->active = FALSE;

  if (o->selected_relation >= 0 && (guint) o->selected_relation < n_relations)
    {
      const EntenteRelation *r = entente_story_get_relation (o->story, o->selected_relation);

      focus->relations[o->selected_relation] = TRUE;
      focus->entities[r->from] = focus->entities[r->to] = TRUE;
      focus->active = TRUE;
    }
  else if (entity >= 0 && (guint) entity < n_entities)
    {
      focus->entities[entity] = TRUE;
      focus->active = TRUE;
      for (guint i = 0; i < n_relations; i++)
        {
          const EntenteRelation *r = entente_story_get_relation (o->story, i);

          if (_entente_render_relation_opacity (o, i) <= 0 || (r->from != (guint) entity && r->to != (guint) entity))
            continue;
          focus->relations[i] = TRUE;
          focus->entities[r->from] = focus->entities[r->to] = TRUE;
        }
    }

  if (o->highlighted)
    for (guint i = 0; i < n_entities; i++)
      if (o->highlighted[i])
        {
          focus->entities[i] = TRUE;
          focus->active = TRUE;
        }
}

static void
focus_clear (Focus *focus)
{
  g_free (focus->entities);
  g_free (focus->relations);
}


/* Nodes stay big enough to see and click, except on a whole big graph
 * seen from afar, where they would merge into one blot. */
double
_entente_render_min_node_radius (const EntenteRenderOptions *o)
{
  return o->viewport->zoom >= 0.15 ? MIN_NODE_RADIUS : 3.0;
}

void
_entente_render_edge_curve (const EntenteRenderOptions *o,
                            const EntenteRelation      *r,
                            guint                       index,
                            Curve                      *curve)
{
  const EntenteLayout *layout = o->layout;
  double x1, y1, x2, y2, cx, cy, nx, ny, len, bend, ra, rb, ux, uy, ul;

  entente_viewport_world_to_screen (o->viewport, layout->x[r->from], layout->y[r->from], &x1, &y1);
  entente_viewport_world_to_screen (o->viewport, layout->x[r->to], layout->y[r->to], &x2, &y2);
  ra = MAX (layout->radius[r->from] * o->viewport->zoom, _entente_render_min_node_radius (o));
  rb = MAX (layout->radius[r->to] * o->viewport->zoom, _entente_render_min_node_radius (o));
  bend = layout->relation_bend[index] * MAX (o->viewport->zoom, 0.4);

  len = MAX (hypot (x2 - x1, y2 - y1), 1e-6);
  nx = -(y2 - y1) / len;
  ny = (x2 - x1) / len;

  /* The quadratic curve through the bend, as its control point. */
  cx = (x1 + x2) / 2 + nx * bend * 2;
  cy = (y1 + y2) / 2 + ny * bend * 2;

  ux = cx - x1;
  uy = cy - y1;
  ul = MAX (hypot (ux, uy), 1e-6);
  curve->ax = x1 + ux / ul * ra;
  curve->ay = y1 + uy / ul * ra;

  ux = x2 - cx;
  uy = y2 - cy;
  ul = MAX (hypot (ux, uy), 1e-6);
  curve->ux = ux / ul;
  curve->uy = uy / ul;
  curve->bx = x2 - curve->ux * (rb + 2);
  curve->by = y2 - curve->uy * (rb + 2);

  curve->c1x = curve->ax + 2.0 / 3.0 * (cx - curve->ax);
  curve->c1y = curve->ay + 2.0 / 3.0 * (cy - curve->ay);
  curve->c2x = curve->bx + 2.0 / 3.0 * (cx - curve->bx);
  curve->c2y = curve->by + 2.0 / 3.0 * (cy - curve->by);

  curve->mx = 0.25 * curve->ax + 0.5 * cx + 0.25 * curve->bx;
  curve->my = 0.25 * curve->ay + 0.5 * cy + 0.25 * curve->by;
}

static double
distance_to_segment (double px,
                     double py,
                     double ax,
                     double ay,
                     double bx,
                     double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0) : 0.0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* The shown relation whose curve passes within @tolerance screen units of
 * (x, y), or -1; from the same geometry the drawing uses. */
int
entente_render_hit_relation (const EntenteRenderOptions *o,
                             double                      x,
                             double                      y,
                             double                      tolerance)
{
  int best = -1;
  double best_distance = tolerance;
  double wx, wy, world_tolerance;

  g_return_val_if_fail (o != NULL && o->layout != NULL && o->viewport != NULL, -1);

  /* The curve lies in the triangle of its ends and the bend's control
   * point, so within the ends' box widened by twice the bend: most
   * relations are ruled out by that box, in world units, before any curve
   * is worked out (a click on a 200,000-relation graph sampled all of
   * them). */
  entente_viewport_screen_to_world (o->viewport, x, y, &wx, &wy);
  world_tolerance = tolerance / o->viewport->zoom;

  for (guint i = 0; i < entente_story_get_n_relations (o->story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (o->story, i);
      const EntenteLayout *layout = o->layout;
      double px, py, margin;
      Curve c;

      margin = world_tolerance + 2 * fabs (layout->relation_bend[i]) * MAX (o->viewport->zoom, 0.4) / o->viewport->zoom +
               MAX (MAX (layout->radius[r->from], layout->radius[r->to]), (_entente_render_min_node_radius (o) + 2) / o->viewport->zoom);
      if (wx < MIN (layout->x[r->from], layout->x[r->to]) - margin || wx > MAX (layout->x[r->from], layout->x[r->to]) + margin ||
          wy < MIN (layout->y[r->from], layout->y[r->to]) - margin || wy > MAX (layout->y[r->from], layout->y[r->to]) + margin)
        continue;
      if (_entente_render_relation_opacity (o, i) < 0.5 || r->from == r->to)
        continue;

      _entente_render_edge_curve (o, r, i, &c);
      px = c.ax;
      py = c.ay;
      for (int step = 1; step <= 16; step++)
        {
          double t = step / 16.0, u = 1 - t;
          double qx = u * u * u * c.ax + 3 * u * u * t * c.c1x + 3 * u * t * t * c.c2x + t * t * t * c.bx;
          double qy = u * u * u * c.ay + 3 * u * u * t * c.c1y + 3 * u * t * t * c.c2y + t * t * t * c.by;
          double d = distance_to_segment (x, y, px, py, qx, qy);

          if (d < best_distance)
            {
              best_distance = d;
              best = (int) i;
            }
          px = qx;
          py = qy;
        }
    }

  return best;
}

static gboolean
has_focus (const EntenteRenderOptions *o)
{
  return o->selected_entity >= 0 || o->hovered_entity >= 0 || o->selected_relation >= 0 || o->highlighted != NULL;
}

/* On a big graph, dimming each edge out of focus still leaves the crowd
 * of them dark, the focus lost in it; a veil over the whole picture dims
 * the crowd as a whole. It also lets a view keep the picture without the
 * focus and draw only the focus layer when the hover moves (2.4 ms rather
 * than 55 at 10,000 nodes). Not for text kept as text (SVG), which would
 * land above the veil. */
gboolean
entente_render_veils_focus (const EntenteRenderOptions *o)
{
  return o->layer == ENTENTE_RENDER_LAYER_ALL && o->texts == NULL && has_focus (o) &&
         entente_story_get_n_relations (o->story) >= ENTENTE_RENDER_VEIL_MIN_RELATIONS;
}

/* @o without its focus: the picture under the veil. */
void
entente_render_unfocused (const EntenteRenderOptions *o,
                          EntenteRenderOptions       *unfocused)
{
  *unfocused = *o;
  unfocused->selected_entity = -1;
  unfocused->hovered_entity = -1;
  unfocused->selected_relation = -1;
  unfocused->highlighted = NULL;
}

/* The veil is the background's colour, at 1 − ENTENTE_RENDER_DIMMED_ALPHA. */
EntenteColor
entente_render_veil_color (gboolean dark)
{
  return _entente_render_palette_for (dark).background;
}

/* The veil over the whole view, letting through what things out of focus
 * keep of themselves. */
static void
draw_veil (cairo_t                    *cr,
           const EntenteRenderOptions *o)
{
  EntenteColor veil = entente_render_veil_color (o->dark);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, o->viewport->width, o->viewport->height);
  _entente_render_set_color (cr, &veil, 1.0 - DIMMED_ALPHA);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
entente_render (cairo_t                    *cr,
                const EntenteRenderOptions *o)
{
  Palette pal;
  Focus focus;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(GArray) edge_labels = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (o != NULL && ENTENTE_IS_STORY (o->story) && o->layout && o->viewport);

  if (entente_render_veils_focus (o))
    {
      g_autofree double *names = o->names_placed ? NULL : g_new (double, 2 * MAX (1, o->layout->n_nodes));
      EntenteRenderOptions part;

      entente_render_unfocused (o, &part);
      part.names_placed = o->names_placed ? o->names_placed : names;
      entente_render (cr, &part);
      draw_veil (cr, o);
      part = *o;
      part.layer = ENTENTE_RENDER_LAYER_FOCUS;
      part.paint_background = FALSE;
      part.names_under = o->names_placed ? o->names_placed : names;
      part.names_placed = NULL;
      entente_render (cr, &part);
      return;
    }

  pal = _entente_render_palette_for (o->dark);
  cairo_save (cr);

  if (o->paint_background)
    {
      _entente_render_set_color (cr, &pal.background, 1.0);
      cairo_paint (cr);
    }

  compute_focus (o, &focus);

  text = o->pango_context != NULL ? pango_layout_new (o->pango_context) : pango_cairo_create_layout (cr);
  font = _entente_render_label_font_new (o);
  pango_layout_set_font_description (text, font);

  edge_labels = g_array_new (FALSE, FALSE, sizeof (EdgeLabel));
  _entente_render_draw_edges (cr, o, &pal, &focus, edge_labels);
  _entente_render_draw_nodes (cr, o, &pal, &focus);
  _entente_render_draw_labels (cr, o, &pal, &focus, edge_labels, text);
  focus_clear (&focus);

  if (o->show_legend)
    {
      g_autoptr(PangoFontDescription) small = _entente_render_text_font_new (o, SMALL_POINTS, PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (text, small);
      _entente_render_draw_legend (cr, o, &pal, text);
    }

  if (o->caption_title)
    _entente_render_draw_caption (cr, o, &pal, text);

  cairo_restore (cr);
}
