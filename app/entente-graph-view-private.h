/* entente-graph-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-graph-view.h"
#include "graph/entente-hit-grid.h"
#include "graph/entente-layout-runner.h"
#include "graph/entente-picture-worker.h"
#include "graph/entente-renderer.h"
#include "graph/entente-viewport.h"

G_BEGIN_DECLS

#define FIT_MARGIN    32.0
#define FADE_SECONDS  0.45
#define CENTER_USEC   (350 * 1000)
#define PLACE_BEFORE_FIRST_FRAME 5000 /* entities; pivot MDS takes ~15 ms at that size */
#define LABELS_PREPARED_MAX       500 /* entities whose names are laid out before the window shows */
#define CROSSFADE_MIN_RELATIONS   500 /* see crossfades_time() */

/* The picture and its layers (entente-graph-view-picture.c): the last
 * picture and the view it was drawn for; on a big graph its focus on a
 * layer of its own, drawn on a thread one at a time (what is asked of the
 * one on its way, and the count of invalidations it was asked at); the
 * picture before a change of date, cross-faded from. */
typedef struct
{
  cairo_surface_t *cache;
  GdkTexture      *cache_texture; /* the same pixels, made on demand for GPU renderers */
  EntenteLabelCache *label_cache;
  PangoContext    *grey_context;
  guint            grey_context_source_serial;
  EntenteViewport  cache_viewport;
  int              cache_width;
  int              cache_height;
  int              cache_scale;
  gboolean         cache_dark;
  gboolean         cache_valid;
  guint            cache_serial;
  guint            refresh_source;
  cairo_surface_t *focus_layer;
  GdkTexture      *focus_layer_texture;
  guint            focus_layer_serial;
  double          *names_placed;   /* in the picture under it: see EntenteRenderOptions */
  EntentePictureWorker *picture_worker;
  GCancellable    *picture_cancellable;
  guint            invalidations;
  guint            stories;        /* set so far: a picture of the last one is of no use */
  guint            pending_invalidations;
  guint            pending_stories;
  int              pending_width;
  int              pending_height;
  int              pending_scale;
  gboolean         pending_dark;
  cairo_surface_t *crossfade_from;
  GdkTexture      *crossfade_from_texture;
  EntenteViewport  crossfade_viewport;
  gint64           crossfade_start; /* 0 until the new picture is drawn */
  guint            crossfade_tick;
} GraphPicture;

/* What the pointer and the keys are doing (entente-graph-view-input.c):
 * a drag, a pinch, centring on an entity with the frame clock. */
typedef struct
{
  int              dragged_entity;
  double           drag_start_x;
  double           drag_start_y;
  double           drag_node_x;
  double           drag_node_y;
  EntenteViewport  drag_viewport;
  gboolean         drag_moved;
  double           pointer_x;
  double           pointer_y;
  double           zoom_gesture_start;
  guint            center_tick;
  gint64           center_start;
  double           center_from_x;
  double           center_from_y;
  double           center_to_x;
  double           center_to_y;
} GraphInput;

/* Entities and relations fading and growing in and out as the date moves,
 * and what the last move brought in (entente-graph-view-state.c). */
typedef struct
{
  float           *entity_fade;
  float           *relation_fade;
  guint            fade_tick;
  gint64           fade_last_time;
  guint8          *new_entities;
  guint8          *new_relations;
  guint            n_new_entities;
  gboolean         show_new;
} GraphFades;

struct _EntenteGraphView
{
  GtkWidget        parent_instance;

  /* Where the reader is: the story, the date, the selection. The fields
   * below that mirror it are updated when it notifies, so that a change
   * can be compared with what the picture shows. */
  EntenteReadingState *state;
  EntenteStory    *story;
  EntenteLayout   *layout;       /* what is drawn: the runner's latest */
  EntenteHitGrid  *hit_grid;     /* where the nodes are, for the pointer; made when first asked */
  EntenteLayoutRunner *runner;
  GtkWidget       *context_menu; /* GtkPopoverMenu, made on first use */
  guint            layout_tick;
  gboolean         layout_settled;
  EntenteTimeView  time_view;
  EntenteTimeMode  time_mode;
  guint            hidden_kinds;
  EntenteViewport  viewport;
  gboolean         allocated;
  guint32          day;

  int              selected_entity;
  int              selected_relation;
  guint8          *highlighted;
  int              hovered_entity;

  /* Bumped whenever the reader changes the arrangement: a pin, the view. */
  guint            revision;
  /* Until the reader pans or zooms, the graph keeps fitting the widget. */
  gboolean         auto_fit;

  GraphPicture     picture;
  GraphInput       input;
  GraphFades       fades;
};

typedef enum {
  PROP_0,
  PROP_STORY,
  PROP_DAY,
  PROP_SELECTED_ENTITY,
  PROP_REVISION,
  PROP_LAYOUT_SETTLED,
  PROP_READING_STATE,
  N_PROPS
} EntenteGraphViewProp;

/* entente-graph-view.c */
void _entente_graph_view_notify (EntenteGraphView *self, int prop);
void _entente_graph_view_clear_focus_layer (EntenteGraphView *self);
void _entente_graph_view_fill_render_options (EntenteGraphView *self, EntenteRenderOptions *options);
void _entente_graph_view_focus_changed (EntenteGraphView *self);
gboolean _entente_graph_view_focus_on_layer (EntenteGraphView *self);
void _entente_graph_view_invalidate (EntenteGraphView *self);
gboolean _entente_graph_view_is_dark (EntenteGraphView *self);
void _entente_graph_view_note_reader_change (EntenteGraphView *self);
void _entente_graph_view_start_layout_tick (EntenteGraphView *self);
void _entente_graph_view_update_pin_actions (EntenteGraphView *self);
void _entente_graph_view_clear_crossfade (EntenteGraphView *self);
gboolean _entente_graph_view_crossfades_time (EntenteGraphView *self);
void _entente_graph_view_fit_viewport (EntenteGraphView *self);
void _entente_graph_view_update_accessible_description (EntenteGraphView *self);

/* entente-graph-view-input.c: gestures, keys, the context menu */
void _entente_graph_view_class_init_input (GtkWidgetClass *widget_class);
void _entente_graph_view_init_input (EntenteGraphView *self);

/* entente-graph-view-picture.c: the cached picture, the focus layer, cross-fades */
void _entente_graph_view_clear_picture (EntenteGraphView *self);
double _entente_graph_view_crossfade_progress (EntenteGraphView *self, gint64 now);
void _entente_graph_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);
void _entente_graph_view_prepare_labels (EntenteGraphView *self);
void _entente_graph_view_view_moved (EntenteGraphView *self);

/* entente-graph-view-state.c: following the reading state, fades */
gboolean _entente_graph_view_animations_enabled (EntenteGraphView *self);
void _entente_graph_view_connect_state (EntenteGraphView *self);

G_END_DECLS
