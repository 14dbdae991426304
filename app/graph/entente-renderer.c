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

#include "entente-label-placer.h"
#include "entente-raster.h"
#include "entente-parallel.h"
#include "entente-renderer.h"

#define ARROW_LENGTH    10.0
#define ARROW_WIDTH      4.5
#define LABEL_POINTS    10.0
#define SMALL_POINTS     9.0
#define HALO_WIDTH      1.75
#define CAPTION_POINTS  15.0
#define DIMMED_ALPHA     ENTENTE_RENDER_DIMMED_ALPHA
#define ENDED_ALPHA      0.45
#define MIN_NODE_RADIUS  7.0
#define EDGE_LABEL_WIDTH 170
#define LEGEND_ROW       20.0
#define LEGEND_PADDING   10.0
#define LEGEND_HEIGHT    ((ENTENTE_N_ENTITY_KINDS + 3) * LEGEND_ROW + 2 * LEGEND_PADDING)

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

typedef struct
{
  EntenteColor background;
  EntenteColor foreground;
  EntenteColor edge;
  EntenteColor reported;
  EntenteColor ended;
  EntenteColor accent;
} Palette;

static Palette
palette_for (gboolean dark)
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

static void
set_color (cairo_t            *cr,
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


static EntentePresence
entity_presence (const EntenteRenderOptions *o,
                 guint                       i)
{
  return o->time_view ? o->time_view->entities[i] : ENTENTE_PRESENCE_ACTIVE;
}

static EntentePresence
relation_presence (const EntenteRenderOptions *o,
                   guint                       i)
{
  return o->time_view ? o->time_view->relations[i] : ENTENTE_PRESENCE_ACTIVE;
}

/* What the reader is looking at: a selected relation and its two ends, or
 * a selected (or hovered) entity with its neighbours, plus the entities a
 * quote is about. Everything else steps back. */
typedef struct
{
  gboolean  active;
  guint8   *entities;
  guint8   *relations;
} Focus;

static gboolean
in_focus (const Focus *focus,
          guint        entity)
{
  return !focus->active || focus->entities[entity];
}

/* Left out of a focus layer: what the veiled picture under it shows. */
static gboolean
left_to_picture (const EntenteRenderOptions *o,
                 const Focus                *focus,
                 guint                       entity)
{
  return o->layer == ENTENTE_RENDER_LAYER_FOCUS && !in_focus (focus, entity) && (int) entity != o->hovered_entity;
}

static double
entity_opacity (const EntenteRenderOptions *o,
                guint                       i)
{
  if (o->entity_fade)
    return o->entity_fade[i];
  return o->time_view == NULL || entente_time_view_shows_entity (o->time_view, i) ? 1.0 : 0.0;
}

static double
relation_opacity (const EntenteRenderOptions *o,
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

          if (relation_opacity (o, i) <= 0 || (r->from != (guint) entity && r->to != (guint) entity))
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

typedef struct
{
  double ax, ay;   /* start, on the source node's rim */
  double c1x, c1y; /* cubic control points */
  double c2x, c2y;
  double bx, by;   /* end, where the arrowhead's tip touches the target */
  double mx, my;   /* the curve's midpoint */
  double ux, uy;   /* direction at the end */
} Curve;

/* Nodes stay big enough to see and click, except on a whole big graph
 * seen from afar, where they would merge into one blot. */
static double
min_node_radius (const EntenteRenderOptions *o)
{
  return o->viewport->zoom >= 0.15 ? MIN_NODE_RADIUS : 3.0;
}

static void
edge_curve (const EntenteRenderOptions *o,
            const EntenteRelation      *r,
            guint                       index,
            Curve                      *curve)
{
  const EntenteLayout *layout = o->layout;
  double x1, y1, x2, y2, cx, cy, nx, ny, len, bend, ra, rb, ux, uy, ul;

  entente_viewport_world_to_screen (o->viewport, layout->x[r->from], layout->y[r->from], &x1, &y1);
  entente_viewport_world_to_screen (o->viewport, layout->x[r->to], layout->y[r->to], &x2, &y2);
  ra = MAX (layout->radius[r->from] * o->viewport->zoom, min_node_radius (o));
  rb = MAX (layout->radius[r->to] * o->viewport->zoom, min_node_radius (o));
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

static void
render_text_clear (gpointer data)
{
  EntenteRenderText *t = data;

  g_free (t->text);
  g_free (t->family);
}

GArray *
entente_render_texts_new (void)
{
  GArray *texts = g_array_new (FALSE, TRUE, sizeof (EntenteRenderText));

  g_array_set_clear_func (texts, render_text_clear);
  return texts;
}

/* On pixels, the text is drawn once into a small mask, and the halo is
 * that mask stamped around a small circle: Pango lays out and draws each
 * label once, where drawing it nine times cost half of a small story's
 * frame and outlining it two thirds. The copies are gathered in their own
 * mask so that where they overlap the halo stays as light. Vector output
 * keeps the stroked outline: copies there would be selected and copied as
 * text nine times. */
static void
draw_text_with_halo (cairo_t            *cr,
                     PangoLayout        *layout,
                     double              x,
                     double              y,
                     const EntenteColor *text,
                     const EntenteColor *halo,
                     double              alpha)
{
  const double margin = ceil (HALO_WIDTH) + 1;
  PangoRectangle ink;
  cairo_surface_t *glyphs;
  cairo_surface_t *around;
  cairo_t *mask_cr;
  double ox, oy, scale_x, scale_y;
  int width, height;

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (ink.width <= 0 || ink.height <= 0)
    return;

  /* The masks start on a whole device pixel, so that the glyphs land
   * where they would have drawn straight onto the target. */
  ox = x + ink.x - margin;
  oy = y + ink.y - margin;
  cairo_user_to_device (cr, &ox, &oy);
  ox = floor (ox);
  oy = floor (oy);
  cairo_device_to_user (cr, &ox, &oy);
  width = (int) ceil (ink.width + 2 * margin) + 1;
  height = (int) ceil (ink.height + 2 * margin) + 1;

  glyphs = cairo_surface_create_similar (cairo_get_target (cr), CAIRO_CONTENT_ALPHA, width, height);
  mask_cr = cairo_create (glyphs);
  cairo_move_to (mask_cr, x - ox, y - oy);
  pango_cairo_show_layout (mask_cr, layout);
  cairo_destroy (mask_cr);

  /* Whole device pixels, added: pixman has a fast path for adding one
   * alpha mask to another at a whole offset, none for laying one over
   * another, and the general one was a third of the bundled story's first
   * picture (144 stamps: 7.6 M instructions, 0.9 M now). Adding differs
   * from laying over only where two antialiased edges overlap, by a few
   * levels of a halo drawn at 85 %. */
  cairo_surface_get_device_scale (glyphs, &scale_x, &scale_y);
  around = cairo_surface_create_similar (glyphs, CAIRO_CONTENT_ALPHA, width, height);
  mask_cr = cairo_create (around);
  cairo_set_operator (mask_cr, CAIRO_OPERATOR_ADD);
  for (guint k = 0; k < 8; k++)
    {
      double dx = round (HALO_WIDTH * scale_x * cos (k * G_PI / 4)) / scale_x;
      double dy = round (HALO_WIDTH * scale_y * sin (k * G_PI / 4)) / scale_y;

      cairo_set_source_surface (mask_cr, glyphs, dx, dy);
      cairo_paint (mask_cr);
    }
  cairo_destroy (mask_cr);

  set_color (cr, halo, 0.85 * alpha);
  cairo_mask_surface (cr, around, ox, oy);
  set_color (cr, text, alpha);
  cairo_mask_surface (cr, glyphs, ox, oy);

  cairo_surface_destroy (around);
  cairo_surface_destroy (glyphs);
}

/* Every piece of text goes through here: drawn, with a halo that keeps it
 * readable over edges, or handed over as text (options->texts). */
static void
draw_text (cairo_t                    *cr,
           const EntenteRenderOptions *o,
           PangoLayout                *layout,
           double                      x,
           double                      y,
           const EntenteColor         *text,
           const EntenteColor         *halo,
           double                      alpha)
{
  if (o->texts != NULL)
    {
      const PangoFontDescription *font = pango_layout_get_font_description (layout);
      EntenteRenderText t = {
        .x = x,
        .y = y + pango_layout_get_baseline (layout) / (double) PANGO_SCALE,
        .text = g_strdup (pango_layout_get_text (layout)),
        .family = g_strdup (pango_font_description_get_family (font)),
        .size_px = pango_font_description_get_size (font) / (double) PANGO_SCALE *
                   (pango_font_description_get_size_is_absolute (font) ? 1.0 : 96.0 / 72.0),
        .bold = pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD,
        .color = *text,
        .alpha = alpha,
        .halo = halo != NULL,
        .halo_color = halo ? *halo : *text,
      };

      g_array_append_val (o->texts, t);
      return;
    }

  if (halo != NULL && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      draw_text_with_halo (cr, layout, x, y, text, halo, alpha);
      return;
    }
  if (halo != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      set_color (cr, halo, 0.85 * alpha);
      cairo_set_line_width (cr, 2 * HALO_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, x, y);
  set_color (cr, text, alpha);
  pango_cairo_show_layout (cr, layout);
}

/* In the window, text is set in the interface's font family (the widget's
 * context tells which): it matches the rest of the window, and the first
 * picture needs no font file GTK has not opened already. Exports use
 * "Sans". */
static PangoFontDescription *
text_font_new (const EntenteRenderOptions *o,
               double                      points,
               PangoWeight                 weight)
{
  const PangoFontDescription *interface = o->pango_context ? pango_context_get_font_description (o->pango_context) : NULL;
  const char *family = interface ? pango_font_description_get_family (interface) : NULL;
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family ? family : "Sans");
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  return font;
}

/* Labels are at the interface's own size (10 pt in exports), and the
 * legend at the theme's caption size: with the window's own text that
 * makes three fonts, each of which costs Pango a look-up, metrics measured
 * on a sample sentence and glyphs before the first frame. */
static PangoFontDescription *
label_font_new (const EntenteRenderOptions *o)
{
  const PangoFontDescription *interface = o->pango_context ? pango_context_get_font_description (o->pango_context) : NULL;
  PangoFontDescription *font = text_font_new (o, LABEL_POINTS, PANGO_WEIGHT_NORMAL);
  int size = interface ? pango_font_description_get_size (interface) : 0;

  if (size > 0 && pango_font_description_get_size_is_absolute (interface))
    pango_font_description_set_absolute_size (font, size);
  else if (size > 0)
    pango_font_description_set_size (font, size);
  return font;
}

/* Labels are all measured and placed first, then all drawn. */
typedef struct
{
  PangoLayout        *layout;
  int                 entity; /* whose name it is; -1 for a relation's label */
  int                 label;  /* its place, from the label placer; -1 if fixed */
  double              x, y;
  const EntenteColor *text;
  const EntenteColor *halo;
  double              alpha;
} PlacedText;

static void
placed_text_clear (gpointer data)
{
  g_object_unref (((PlacedText *) data)->layout);
}

static GArray *
placed_texts_new (void)
{
  GArray *texts = g_array_new (FALSE, FALSE, sizeof (PlacedText));

  g_array_set_clear_func (texts, placed_text_clear);
  return texts;
}

static void
draw_placed_texts (cairo_t                    *cr,
                   const EntenteRenderOptions *o,
                   const GArray               *texts)
{
  for (guint k = 0; k < texts->len; k++)
    {
      const PlacedText *t = &g_array_index (texts, PlacedText, k);

      draw_text (cr, o, t->layout, t->x, t->y, t->text, t->halo, t->alpha);
    }
}

typedef struct
{
  guint  relation;
  double x, y; /* the curve's midpoint */
} EdgeLabel;

#define MIN_ARROW_LENGTH 24.0
#define MAX_CURVE_SEGMENTS 16
#define PARALLEL_EDGES   2000
#define PARALLEL_NODES   2000

static gboolean
is_plain_edge (const EntenteRenderOptions *o,
               const Focus                *focus,
               guint                       i)
{
  const EntenteRelation *r = entente_story_get_relation (o->story, i);

  return relation_opacity (o, i) >= 1.0 && !focus->relations[i] && r->from != r->to &&
         relation_presence (o, i) != ENTENTE_PRESENCE_ENDED &&
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
          edge_curve (o, r, i, &c);
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

      set_color (cr, color, focus->active ? DIMMED_ALPHA : 0.9);
      cairo_set_line_width (cr, width);
      for (guint i = 0; i < n; i++)
        {
          const EntenteRelation *r = entente_story_get_relation (o->story, i);
          Curve c;

          if ((r->status == ENTENTE_STATUS_REPORTED) != reported || !is_plain_edge (o, focus, i))
            continue;
          edge_curve (o, r, i, &c);
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

static void
draw_edges (cairo_t                    *cr,
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
      EntentePresence presence = relation_presence (o, i);
      gboolean touches_focus = focus->relations[i];
      double opacity = relation_opacity (o, i);
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
        edge_curve (o, r, i, &c);

      /* New since the previous event: a soft accent underlay. */
      if (o->new_relations && o->new_relations[i] && r->from != r->to)
        {
          set_color (cr, &pal->accent, 0.3 * opacity);
          cairo_set_line_width (cr, 8.0);
          cairo_move_to (cr, c.ax, c.ay);
          cairo_curve_to (cr, c.c1x, c.c1y, c.c2x, c.c2y, c.bx, c.by);
          cairo_stroke (cr);
        }

      set_color (cr, color, alpha);
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

static void
node_screen_geometry (const EntenteRenderOptions *o,
                      guint                       i,
                      double                     *x,
                      double                     *y,
                      double                     *r)
{
  entente_viewport_world_to_screen (o->viewport, o->layout->x[i], o->layout->y[i], x, y);
  *r = MAX (o->layout->radius[i] * o->viewport->zoom, min_node_radius (o));
}

static gboolean
node_on_screen (const EntenteRenderOptions *o,
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
  return entity_opacity (o, i) >= 1.0 && entity_presence (o, i) != ENTENTE_PRESENCE_ENDED &&
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
      double alpha = in_focus (band->focus, i) ? 1.0 : DIMMED_ALPHA;
      double x, y, r;

      if (!is_plain_node (o, band->focus, i) || left_to_picture (o, band->focus, i))
        continue;
      node_screen_geometry (o, i, &x, &y, &r);
      if (!node_on_screen (o, x, y, r))
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
      double alpha = in_focus (focus, i) ? 1.0 : DIMMED_ALPHA;
      double x, y, r;

      if (!is_plain_node (o, focus, i) || left_to_picture (o, focus, i))
        continue;
      node_screen_geometry (o, i, &x, &y, &r);
      if (!node_on_screen (o, x, y, r))
        continue;

      entente_render_kind_shape (cr, kind, x, y, r);
      set_color (cr, &fill, alpha);
      cairo_fill_preserve (cr);
      set_color (cr, &pal->background, alpha);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
}

static void
draw_nodes (cairo_t                    *cr,
            const EntenteRenderOptions *o,
            const Palette              *pal,
            const Focus                *focus)
{
  const EntenteLayout *layout = o->layout;

  draw_plain_nodes (cr, o, pal, focus);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntenteEntity *e = entente_story_get_entity (o->story, i);
      EntentePresence presence = entity_presence (o, i);
      EntenteColor fill = entente_kind_color (e->kind, o->dark);
      double opacity = entity_opacity (o, i);
      double alpha = (in_focus (focus, i) ? 1.0 : DIMMED_ALPHA) * opacity;
      double x, y, r;

      if (opacity < 0.01 || is_plain_node (o, focus, i) || left_to_picture (o, focus, i))
        continue;

      node_screen_geometry (o, i, &x, &y, &r);
      if (!node_on_screen (o, x, y, r))
        continue;
      /* Entities grow in as they fade in. */
      r *= 0.5 + 0.5 * opacity;

      if (o->new_entities && o->new_entities[i])
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, r + 9, 0, 2 * G_PI);
          set_color (cr, &pal->accent, 0.25 * opacity);
          cairo_fill (cr);
        }

      entente_render_kind_shape (cr, e->kind, x, y, r);
      set_color (cr, presence == ENTENTE_PRESENCE_ENDED ? &pal->ended : &fill, alpha);
      cairo_fill_preserve (cr);
      set_color (cr, &pal->background, alpha);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);

      if ((int) i == o->selected_entity || (int) i == o->hovered_entity ||
          (o->highlighted && o->highlighted[i]))
        {
          static const double dotted[] = { 3.0, 3.0 };

          entente_render_kind_shape (cr, e->kind, x, y, r + 4);
          set_color (cr, &pal->accent, (int) i == o->selected_entity ? 1.0 : 0.7);
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
          set_color (cr, &pal->foreground, alpha);
          cairo_fill (cr);
        }
    }
}

typedef struct
{
  guint  node;
  double priority;
} LabelCandidate;

static int
compare_label_priority (gconstpointer a,
                        gconstpointer b)
{
  const LabelCandidate *la = a, *lb = b;

  if (la->priority != lb->priority)
    return la->priority > lb->priority ? -1 : 1;
  return la->node < lb->node ? -1 : la->node > lb->node;
}

/* Labels go in order of importance (selection, hover, then bigger nodes);
 * one that would cover a label already placed is left out, and comes back
 * when zooming in makes room. */
static void
place_edge_labels (const EntenteRenderOptions *o,
                   const Palette              *pal,
                   const GArray               *edge_labels,
                   EntenteLabelPlacer         *placer,
                   PangoLayout                *text,
                   GArray                     *texts)
{
  pango_layout_set_width (text, EDGE_LABEL_WIDTH * PANGO_SCALE);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);

  for (guint k = 0; k < edge_labels->len; k++)
    {
      const EdgeLabel *label = &g_array_index (edge_labels, EdgeLabel, k);
      const EntenteRelation *r = entente_story_get_relation (o->story, label->relation);
      g_autoptr(PangoLayout) layout = entente_label_layout_new (text, entente_text_get (&r->label));
      PangoRectangle ink, extents;
      cairo_rectangle_t rect;

      pango_layout_get_pixel_extents (layout, &ink, &extents);
      rect = (cairo_rectangle_t) { label->x - ink.width / 2.0, label->y - extents.height / 2.0,
                                   ink.width, extents.height };
      if (!entente_label_placer_place_at (placer, &rect, (int) label->relation == o->selected_relation))
        continue;
      g_array_append_val (texts, ((PlacedText) {
        .layout = g_steal_pointer (&layout),
        .x = rect.x - ink.x,
        .y = rect.y,
        .entity = -1,
        .label = -1,
        .text = relation_presence (o, label->relation) == ENTENTE_PRESENCE_ENDED ? &pal->ended : &pal->foreground,
        .halo = &pal->background,
        .alpha = 1.0,
      }));
    }

  pango_layout_set_width (text, -1);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
}

static gboolean
has_name_under (const EntenteRenderOptions *o,
                guint                       entity)
{
  return o->layer == ENTENTE_RENDER_LAYER_FOCUS && o->names_under != NULL && !isnan (o->names_under[2 * entity]);
}

static void
draw_labels (cairo_t                    *cr,
             const EntenteRenderOptions *o,
             const Palette              *pal,
             const Focus                *focus,
             const GArray               *edge_labels,
             PangoLayout                *text)
{
  gboolean edge_labels_done = FALSE;
  const EntenteLayout *layout = o->layout;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  g_autoptr(EntenteLabelPlacer) placer = entente_label_placer_new (o->viewport->width, o->viewport->height);
  g_autoptr(GArray) texts = placed_texts_new ();
  g_autoptr(PangoLayout) name = NULL;
  gboolean name_is_cached = FALSE;
  gboolean labels = o->viewport->zoom >= ENTENTE_RENDER_MIN_LABEL_ZOOM;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      LabelCandidate c = { i, layout->radius[i] };
      double x, y, r;

      if (entity_opacity (o, i) < 0.5 || left_to_picture (o, focus, i))
        continue;
      node_screen_geometry (o, i, &x, &y, &r);
      if (!node_on_screen (o, x, y, r))
        continue;
      if ((int) i == o->selected_entity)
        c.priority = 1e9;
      else if ((int) i == o->hovered_entity)
        c.priority = 1e8;
      else if (focus->active && focus->entities[i])
        c.priority += 1e6;
      else if (!labels)
        continue;
      /* Names already in the picture under a focus layer go first, where
       * they are: drawn anywhere else, the veiled copy would show too. */
      if (has_name_under (o, i))
        c.priority += 1e10;
      g_array_append_val (candidates, c);

      /* Nodes are obstacles too. */
      entente_label_placer_block (placer, &(cairo_rectangle_t) { x - r, y - r, 2 * r, 2 * r });
    }

  g_array_sort (candidates, compare_label_priority);

  /* The legend and the caption are drawn over the graph: keep labels off them. */
  if (o->show_legend || o->legend_space)
    entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, o->viewport->height - LEGEND_HEIGHT - 12,
                                                               ENTENTE_RENDER_LEGEND_INSET - 8, LEGEND_HEIGHT + 12 });
  if (o->caption_title)
    entente_label_placer_block (placer, &(cairo_rectangle_t) { 0, 0, o->viewport->width / 2, ENTENTE_RENDER_CAPTION_INSET - 8 });

  for (guint k = 0; k < candidates->len; k++)
    {
      guint i = g_array_index (candidates, LabelCandidate, k).node;
      const EntenteEntity *e = entente_story_get_entity (o->story, i);

      /* Relation labels of the focus come after the names of its neighbours
       * and before everyone else's. */
      if (!edge_labels_done && g_array_index (candidates, LabelCandidate, k).priority < 1e6)
        {
          place_edge_labels (o, pal, edge_labels, placer, text, texts);
          edge_labels_done = TRUE;
        }
      double alpha = (in_focus (focus, i) ? 1.0 : DIMMED_ALPHA) * entity_opacity (o, i);
      PangoLayout *kept;
      PangoRectangle extents;
      cairo_rectangle_t under = { 0 };
      double x, y, r;
      int placed;

      /* Each label its own layout, so that it can wait to be drawn. The
       * cache's are kept as they are; otherwise a label left out hands its
       * layout on to the next. */
      kept = o->label_cache ? entente_label_cache_lookup (o->label_cache, i, text, entente_text_get (&e->name)) : NULL;
      if (kept != NULL || name_is_cached)
        g_clear_object (&name);
      name_is_cached = kept != NULL;
      if (kept != NULL)
        name = kept;
      else if (name == NULL)
        name = entente_label_layout_new (text, entente_text_get (&e->name));
      else
        pango_layout_set_text (name, entente_text_get (&e->name), -1);
      node_screen_geometry (o, i, &x, &y, &r);
      pango_layout_get_pixel_extents (name, NULL, &extents);

      if (has_name_under (o, i))
        {
          under = (cairo_rectangle_t) { o->names_under[2 * i], o->names_under[2 * i + 1], extents.width, extents.height };
          entente_label_placer_place_at (placer, &under, TRUE);
          placed = -1;
        }
      else
        {
          placed = entente_label_placer_place_beside (placer, x, y, r, extents.width, extents.height,
                                                      g_array_index (candidates, LabelCandidate, k).priority >= 1e8);
          if (placed < 0)
            continue;
        }

      if (entity_presence (o, i) == ENTENTE_PRESENCE_ENDED)
        alpha *= 0.6;
      g_array_append_val (texts, ((PlacedText) {
        .layout = g_steal_pointer (&name),
        .entity = (int) i,
        .label = placed,
        .x = under.x,
        .y = under.y,
        .text = &pal->foreground,
        .halo = &pal->background,
        .alpha = alpha,
      }));
    }

  if (!edge_labels_done)
    place_edge_labels (o, pal, edge_labels, placer, text, texts);

  /* Only now are names where they stay: a later one may have moved one. */
  if (o->names_placed != NULL)
    for (guint i = 0; i < 2 * layout->n_nodes; i++)
      o->names_placed[i] = NAN;
  for (guint k = 0; k < texts->len; k++)
    {
      PlacedText *placed_text = &g_array_index (texts, PlacedText, k);
      cairo_rectangle_t rect;

      if (placed_text->label >= 0)
        {
          entente_label_placer_get_label (placer, placed_text->label, &rect);
          placed_text->x = rect.x;
          placed_text->y = rect.y;
        }
      if (o->names_placed != NULL && placed_text->entity >= 0)
        {
          o->names_placed[2 * placed_text->entity] = placed_text->x;
          o->names_placed[2 * placed_text->entity + 1] = placed_text->y;
        }
    }
  draw_placed_texts (cr, o, texts);
}

/* The sample of a line style: confirmed (0), reported (1) or ended (2),
 * 20 units long from (x, y). */
static void
legend_line (cairo_t       *cr,
             const Palette *pal,
             guint          line,
             double         x,
             double         y)
{
  static const double dashes[] = { 7.0, 5.0 };

  cairo_save (cr);
  cairo_set_line_width (cr, 1.8);
  set_color (cr, line == 0 ? &pal->edge : line == 1 ? &pal->reported : &pal->ended, 1.0);
  if (line == 1)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 20, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (line == 2)
    {
      cairo_move_to (cr, x + 8, y - 5);
      cairo_line_to (cr, x + 8, y + 5);
      cairo_move_to (cr, x + 12, y - 5);
      cairo_line_to (cr, x + 12, y + 5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The same sample, for a legend drawn by others (the window's). */
void
entente_render_legend_line (cairo_t  *cr,
                            guint     line,
                            double    x,
                            double    y,
                            gboolean  dark)
{
  Palette pal = palette_for (dark);

  g_return_if_fail (line <= 2);

  legend_line (cr, &pal, line, x, y);
}

static void
draw_legend (cairo_t     *cr,
             const EntenteRenderOptions *o,
             const Palette *pal,
             PangoLayout *text)
{
  const char *line_labels[] = {
    C_("legend", "Confirmed"),
    C_("legend", "Reported"),
    C_("legend", "Ended"),
  };
  double row = LEGEND_ROW, pad = LEGEND_PADDING, width = 0;
  guint n_rows = ENTENTE_N_ENTITY_KINDS + G_N_ELEMENTS (line_labels);
  g_autoptr(GArray) texts = placed_texts_new ();
  double x0, y0;

  for (guint i = 0; i < n_rows; i++)
    {
      PlacedText t = {
        .layout = entente_label_layout_new (text, i < ENTENTE_N_ENTITY_KINDS
                                                  ? entente_entity_kind_get_label (i)
                                                  : line_labels[i - ENTENTE_N_ENTITY_KINDS]),
        .text = &pal->foreground,
        .alpha = 1.0,
      };
      PangoRectangle extents;

      pango_layout_get_pixel_extents (t.layout, NULL, &extents);
      width = MAX (width, extents.width);
      g_array_append_val (texts, t);
    }

  width += 2 * pad + 34;
  x0 = 12;
  y0 = o->viewport->height - 12 - n_rows * row - 2 * pad;

  cairo_rectangle (cr, x0, y0, width, n_rows * row + 2 * pad);
  set_color (cr, &pal->background, 0.9);
  cairo_fill_preserve (cr);
  set_color (cr, &pal->edge, 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  for (guint i = 0; i < n_rows; i++)
    {
      PlacedText *t = &g_array_index (texts, PlacedText, i);
      double cy = y0 + pad + row * i + row / 2;
      double tx = x0 + pad + 28;
      PangoRectangle extents;

      pango_layout_get_pixel_extents (t->layout, NULL, &extents);
      t->x = tx;
      t->y = cy - extents.height / 2.0;

      if (i < ENTENTE_N_ENTITY_KINDS)
        {
          EntenteColor c = entente_kind_color (i, o->dark);
          gboolean hidden = (o->hidden_kinds & (1u << i)) != 0;

          entente_render_kind_shape (cr, i, x0 + pad + 10, cy, 6.5);
          set_color (cr, &c, hidden ? 0.25 : 1.0);
          cairo_fill (cr);
          if (hidden)
            {
              /* A hidden kind is struck out: one click brings it back. */
              set_color (cr, &pal->foreground, 0.6);
              cairo_set_line_width (cr, 1.0);
              cairo_move_to (cr, tx, round (cy) + 0.5);
              cairo_line_to (cr, tx + extents.width, round (cy) + 0.5);
              cairo_stroke (cr);
            }
        }
      else
        legend_line (cr, pal, i - ENTENTE_N_ENTITY_KINDS, x0 + pad, cy);
    }
  draw_placed_texts (cr, o, texts);
}

static void
draw_caption (cairo_t                    *cr,
              const EntenteRenderOptions *o,
              const Palette              *pal,
              PangoLayout                *text)
{
  g_autoptr(PangoFontDescription) font = text_font_new (o, CAPTION_POINTS, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) small = label_font_new (o);
  PangoRectangle extents;

  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, o->caption_title, -1);
  pango_layout_get_pixel_extents (text, NULL, &extents);
  draw_text (cr, o, text, 16, 12, &pal->foreground, NULL, 1.0);

  if (o->caption_subtitle)
    {
      pango_layout_set_font_description (text, small);
      pango_layout_set_text (text, o->caption_subtitle, -1);
      draw_text (cr, o, text, 16, 16 + extents.height, &pal->foreground, NULL, 0.7);
    }
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
               MAX (MAX (layout->radius[r->from], layout->radius[r->to]), (min_node_radius (o) + 2) / o->viewport->zoom);
      if (wx < MIN (layout->x[r->from], layout->x[r->to]) - margin || wx > MAX (layout->x[r->from], layout->x[r->to]) + margin ||
          wy < MIN (layout->y[r->from], layout->y[r->to]) - margin || wy > MAX (layout->y[r->from], layout->y[r->to]) + margin)
        continue;
      if (relation_opacity (o, i) < 0.5 || r->from == r->to)
        continue;

      edge_curve (o, r, i, &c);
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
  return palette_for (dark).background;
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
  set_color (cr, &veil, 1.0 - DIMMED_ALPHA);
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

  pal = palette_for (o->dark);
  cairo_save (cr);

  if (o->paint_background)
    {
      set_color (cr, &pal.background, 1.0);
      cairo_paint (cr);
    }

  compute_focus (o, &focus);

  text = o->pango_context != NULL ? pango_layout_new (o->pango_context) : pango_cairo_create_layout (cr);
  font = label_font_new (o);
  pango_layout_set_font_description (text, font);

  edge_labels = g_array_new (FALSE, FALSE, sizeof (EdgeLabel));
  draw_edges (cr, o, &pal, &focus, edge_labels);
  draw_nodes (cr, o, &pal, &focus);
  draw_labels (cr, o, &pal, &focus, edge_labels, text);
  focus_clear (&focus);

  if (o->show_legend)
    {
      g_autoptr(PangoFontDescription) small = text_font_new (o, SMALL_POINTS, PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (text, small);
      draw_legend (cr, o, &pal, text);
    }

  if (o->caption_title)
    draw_caption (cr, o, &pal, text);

  cairo_restore (cr);
}

/* Lays out the names of the story's entities as the next picture at
 * @scale will, keeping the layouts in the options' label cache: a window
 * does this before it shows, rather than in its first frame. */
void
entente_render_prepare_labels (const EntenteRenderOptions *o,
                               int                         scale)
{
  cairo_surface_t *scratch;
  cairo_t *cr;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoFontDescription) font = NULL;

  g_return_if_fail (o != NULL && ENTENTE_IS_STORY (o->story));
  g_return_if_fail (o->pango_context != NULL && o->label_cache != NULL);

  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_surface_set_device_scale (scratch, scale, scale);
  cr = cairo_create (scratch);
  cairo_surface_destroy (scratch);

  text = pango_layout_new (o->pango_context);
  font = label_font_new (o);
  pango_layout_set_font_description (text, font);
  for (guint i = 0; i < entente_story_get_n_entities (o->story); i++)
    {
      const EntenteEntity *e = entente_story_get_entity (o->story, i);
      g_autoptr(PangoLayout) name = entente_label_cache_lookup (o->label_cache, i, text, entente_text_get (&e->name));

      if (name == NULL)
        break;
    }
  cairo_destroy (cr);
}
