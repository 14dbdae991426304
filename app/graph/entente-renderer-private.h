/* entente-renderer-private.h — what the renderer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "entente-label-placer.h"
#include "entente-raster.h"
#include "entente-renderer.h"

G_BEGIN_DECLS

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
#define MIN_ARROW_LENGTH 24.0
#define MAX_CURVE_SEGMENTS 16
#define PARALLEL_EDGES   2000
#define PARALLEL_NODES   2000

typedef struct
{
  EntenteColor background;
  EntenteColor foreground;
  EntenteColor edge;
  EntenteColor reported;
  EntenteColor ended;
  EntenteColor accent;
} Palette;

/* What the reader is looking at: a selected relation and its two ends, or
 * a selected (or hovered) entity with its neighbours, plus the entities a
 * quote is about. Everything else steps back. */
typedef struct
{
  gboolean  active;
  guint8   *entities;
  guint8   *relations;
} Focus;

typedef struct
{
  double ax, ay;   /* start, on the source node's rim */
  double c1x, c1y; /* cubic control points */
  double c2x, c2y;
  double bx, by;   /* end, where the arrowhead's tip touches the target */
  double mx, my;   /* the curve's midpoint */
  double ux, uy;   /* direction at the end */
} Curve;

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

typedef struct
{
  guint  relation;
  double x, y; /* the curve's midpoint */
} EdgeLabel;

/* Shared between entente-renderer.c, entente-render-shapes.c and
 * entente-render-text.c, where each is defined by its subject. */
void _entente_render_edge_curve (const EntenteRenderOptions *o, const EntenteRelation *r, guint index, Curve *curve);
double _entente_render_entity_opacity (const EntenteRenderOptions *o, guint i);
EntentePresence _entente_render_entity_presence (const EntenteRenderOptions *o, guint i);
gboolean _entente_render_in_focus (const Focus *focus, guint entity);
gboolean _entente_render_left_to_picture (const EntenteRenderOptions *o, const Focus *focus, guint entity);
double _entente_render_min_node_radius (const EntenteRenderOptions *o);
double _entente_render_relation_opacity (const EntenteRenderOptions *o, guint i);
EntentePresence _entente_render_relation_presence (const EntenteRenderOptions *o, guint i);
void _entente_render_set_color (cairo_t *cr, const EntenteColor *c, double alpha);
void _entente_render_draw_edges (cairo_t *cr, const EntenteRenderOptions *o, const Palette *pal, const Focus *focus, GArray *edge_labels);
void _entente_render_draw_nodes (cairo_t *cr, const EntenteRenderOptions *o, const Palette *pal, const Focus *focus);
gboolean _entente_render_node_on_screen (const EntenteRenderOptions *o, double x, double y, double r);
void _entente_render_node_screen_geometry (const EntenteRenderOptions *o, guint i, double *x, double *y, double *r);

Palette _entente_render_palette_for (gboolean dark);
void _entente_render_draw_caption (cairo_t *cr, const EntenteRenderOptions *o, const Palette *pal, PangoLayout *text);
void _entente_render_draw_labels (cairo_t *cr, const EntenteRenderOptions *o, const Palette *pal, const Focus *focus, const GArray *edge_labels, PangoLayout *text);
void _entente_render_draw_legend (cairo_t *cr, const EntenteRenderOptions *o, const Palette *pal, PangoLayout *text);
PangoFontDescription * _entente_render_label_font_new (const EntenteRenderOptions *o);
PangoFontDescription * _entente_render_text_font_new (const EntenteRenderOptions *o, double points, PangoWeight weight);

G_END_DECLS
