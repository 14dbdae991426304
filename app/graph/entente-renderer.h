/* entente-renderer.h — draws a story's graph on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "story/entente-story.h"
#include "story/entente-time-filter.h"
#include "entente-label-cache.h"
#include "entente-layout.h"
#include "entente-viewport.h"

G_BEGIN_DECLS

/* Room the legend takes at the bottom left, and the caption at the top, so
 * that a fitted view leaves them free. Labels overhang their node's sides. */
#define ENTENTE_RENDER_LEGEND_INSET  150.0
#define ENTENTE_RENDER_CAPTION_INSET  64.0
#define ENTENTE_RENDER_LABEL_OVERHANG 70.0

/* How much of itself what is out of focus keeps: what a focus layer's
 * veil over a picture lets through (see ENTENTE_RENDER_LAYER_FOCUS). */
#define ENTENTE_RENDER_DIMMED_ALPHA 0.22

/* Zoomed out further, the only names drawn are those of the hovered or
 * selected entity and its neighbours. */
#define ENTENTE_RENDER_MIN_LABEL_ZOOM 0.2

typedef struct
{
  double r, g, b;
} EntenteColor;

/* A piece of text the renderer did not draw, for a writer that keeps text
 * as text (the SVG export). (x, y) is the start of its baseline. */
typedef struct
{
  double        x;
  double        y;
  char         *text;
  char         *family;
  double        size_px;
  gboolean      bold;
  EntenteColor  color;
  double        alpha;
  gboolean      halo;
  EntenteColor  halo_color;
} EntenteRenderText;

/* What an entente_render() call draws. On a big graph a focus (a hovered
 * or selected entity, a selected relation, what a quote is about) is drawn
 * as the picture without it, a veil, and the focus layer over the veil:
 * see entente_render_veils_focus(). */
typedef enum
{
  ENTENTE_RENDER_LAYER_ALL,
  ENTENTE_RENDER_LAYER_FOCUS,  /* what is in focus, the hovered entity, the legend and caption */
} EntenteRenderLayer;

/* From this many relations on, a focus veils the picture. */
#define ENTENTE_RENDER_VEIL_MIN_RELATIONS 2000

typedef struct
{
  EntenteStory          *story;
  const EntenteLayout   *layout;
  const EntenteViewport *viewport;
  const EntenteTimeView *time_view;        /* NULL: everything shown, nothing ended */
  int                    selected_entity;   /* -1 for none */
  int                    hovered_entity;    /* -1 for none */
  int                    selected_relation; /* -1 for none */
  const guint8          *highlighted;       /* entities a quote is about, or NULL */
  const float           *entity_fade;       /* 0–1 per entity while fading in or out; NULL: by time view */
  const float           *relation_fade;
  const guint8          *new_entities;      /* new since the previous event, or NULL */
  guint                  hidden_kinds;      /* bit per EntenteEntityKind, shown struck out in the legend */
  const guint8          *new_relations;
  gboolean               dark;
  gboolean               paint_background;
  EntenteRenderLayer     layer;
  double                *names_placed;     /* 2 per entity, filled in: where its name went (x, y), NaN if nowhere */
  const double          *names_under;      /* a focus layer's picture's names_placed: those names stay put */
  gboolean               show_legend;
  gboolean               legend_space;     /* keep names off the legend's corner though it is drawn elsewhere */
  GArray                *texts;            /* EntenteRenderText: collect text instead of drawing it */
  PangoContext          *pango_context;    /* labels' fonts; NULL: the target's own */
  EntenteLabelCache     *label_cache;      /* entities' names laid out, kept between pictures; or NULL */
  const char            *caption_title;    /* NULL: no caption */
  const char            *caption_subtitle;
} EntenteRenderOptions;

void          entente_render_options_init (EntenteRenderOptions *options);
void          entente_render              (cairo_t                    *cr,
                                           const EntenteRenderOptions *options);
GArray       *entente_render_texts_new    (void);
void          entente_render_prepare_labels (const EntenteRenderOptions *options,
                                             int                         scale);
gboolean      entente_render_veils_focus  (const EntenteRenderOptions *options);
void          entente_render_unfocused    (const EntenteRenderOptions *options,
                                           EntenteRenderOptions       *unfocused);
EntenteColor  entente_render_veil_color   (gboolean                    dark);
EntenteColor  entente_kind_color          (EntenteEntityKind           kind,
                                           gboolean                    dark);
void          entente_render_legend_line  (cairo_t                    *cr,
                                           guint                       line,
                                           double                      x,
                                           double                      y,
                                           gboolean                    dark);
int           entente_render_hit_relation (const EntenteRenderOptions *options,
                                           double                      x,
                                           double                      y,
                                           double                      tolerance);
void          entente_render_kind_shape   (cairo_t                    *cr,
                                           EntenteEntityKind           kind,
                                           double                      x,
                                           double                      y,
                                           double                      r);

G_END_DECLS
