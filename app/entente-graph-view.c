/* entente-graph-view.c
 *
 * The widget keeps the view state (viewport, day, selection, hover) and
 * hands drawing to the renderer, which knows nothing of GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "entente-graph-menu.h"
#include "entente-graph-view.h"
#include "graph/entente-export.h"
#include "graph/entente-hit-grid.h"
#include "graph/entente-layout-runner.h"
#include "graph/entente-picture-worker.h"
#include "graph/entente-pixels.h"
#include "graph/entente-renderer.h"
#include "graph/entente-viewport.h"

#define ZOOM_STEP     1.25
#define CLICK_SLOP    4.0
#define FIT_MARGIN    32.0
#define FADE_SECONDS  0.45
#define REFRESH_DELAY_MS 150
#define PAN_STEP      60.0
#define CENTER_USEC   (350 * 1000)
#define PLACE_BEFORE_FIRST_FRAME 5000 /* entities; pivot MDS takes ~15 ms at that size */
#define LABELS_PREPARED_MAX       500 /* entities whose names are laid out before the window shows */
#define CROSSFADE_MIN_RELATIONS   500 /* see crossfades_time() */

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

  /* Entities and relations fade and grow in and out as the date moves. */
  float           *entity_fade;
  float           *relation_fade;
  guint            fade_tick;
  gint64           fade_last_time;

  /* What appeared with the last move of the date. */
  guint8          *new_entities;
  guint8          *new_relations;
  guint            n_new_entities;
  gboolean         show_new;

  int              selected_entity;
  int              selected_relation;
  guint8          *highlighted;
  int              hovered_entity;
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
  /* Centring on an entity, with the frame clock. */
  guint            center_tick;
  gint64           center_start;
  double           center_from_x;
  double           center_from_y;
  double           center_to_x;
  double           center_to_y;

  /* The last picture, and the view it was drawn for. */
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

  /* On a big graph the picture is drawn without the focus, and the focus
   * on a layer of its own, laid over it veiled (see
   * entente_render_veils_focus()): a new hover or selection draws the
   * layer alone. Made for the picture of cache_serial. */
  cairo_surface_t *focus_layer;
  GdkTexture      *focus_layer_texture;
  guint            focus_layer_serial;
  double          *names_placed;   /* in the picture under it: see EntenteRenderOptions */

  /* A big graph's picture is drawn on a thread (see focus_on_layer()),
   * one at a time, while the last one stays on screen; what is asked of
   * the one on its way, and the count of invalidations it was asked at. */
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

  /* On a graph of many relations a change of date or of the kinds shown
   * cross-fades from the picture before it, kept here, to the new one
   * (see crossfades_time()). */
  cairo_surface_t *crossfade_from;
  GdkTexture      *crossfade_from_texture;
  EntenteViewport  crossfade_viewport;
  gint64           crossfade_start; /* 0 until the new picture is drawn */
  guint            crossfade_tick;

  /* Bumped whenever the reader changes the arrangement: a pin, the view. */
  guint            revision;
  /* Until the reader pans or zooms, the graph keeps fitting the widget. */
  gboolean         auto_fit;
};

G_DEFINE_FINAL_TYPE (EntenteGraphView, entente_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORY,
  PROP_DAY,
  PROP_SELECTED_ENTITY,
  PROP_REVISION,
  PROP_LAYOUT_SETTLED,
  PROP_READING_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void connect_state (EntenteGraphView *self);

/* A fade of its own for each entity and relation draws a whole picture
 * every frame: with a fade half way, 20 ms at 1920 × 1080 for 500
 * relations, half a second for 20,000. From there on, a change of date
 * or of the kinds shown cross-fades from the picture before it to the
 * new one instead. */
static gboolean
crossfades_time (EntenteGraphView *self)
{
  return self->story != NULL && entente_story_get_n_relations (self->story) >= CROSSFADE_MIN_RELATIONS;
}

static void
clear_crossfade (EntenteGraphView *self)
{
  if (self->crossfade_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->crossfade_tick);
  self->crossfade_tick = 0;
  g_clear_object (&self->crossfade_from_texture);
  g_clear_pointer (&self->crossfade_from, cairo_surface_destroy);
}

/* Something but the view changed: the cached picture must be redrawn
 * (and what it showed before is no longer worth fading from). */
static void
invalidate (EntenteGraphView *self)
{
  clear_crossfade (self);
  self->invalidations++;
  self->cache_valid = FALSE;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A big graph's picture is drawn without its focus, which goes on a
 * layer of its own over it, veiled: hovering draws that layer alone. */
static gboolean
focus_on_layer (EntenteGraphView *self)
{
  return self->story != NULL && entente_story_get_n_relations (self->story) >= ENTENTE_RENDER_VEIL_MIN_RELATIONS;
}

static void
clear_focus_layer (EntenteGraphView *self)
{
  g_clear_object (&self->focus_layer_texture);
  g_clear_pointer (&self->focus_layer, cairo_surface_destroy);
}

/* The hover, the selection or what a quote is about changed. */
static void
focus_changed (EntenteGraphView *self)
{
  if (!focus_on_layer (self))
    {
      invalidate (self);
      return;
    }
  clear_focus_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
note_reader_change (EntenteGraphView *self)
{
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

static gboolean
is_dark (EntenteGraphView *self)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  return (0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue) > 0.5;
}

static void
fill_render_options (EntenteGraphView     *self,
                     EntenteRenderOptions *options)
{
  entente_render_options_init (options);
  options->story = self->story;
  options->layout = self->layout;
  options->viewport = &self->viewport;
  options->time_view = &self->time_view;
  options->selected_entity = self->selected_entity;
  options->selected_relation = self->selected_relation;
  options->highlighted = self->highlighted;
  options->hovered_entity = self->hovered_entity;
  options->entity_fade = self->entity_fade;
  options->relation_fade = self->relation_fade;
  options->hidden_kinds = self->hidden_kinds;
  options->new_entities = self->show_new ? self->new_entities : NULL;
  options->new_relations = self->show_new ? self->new_relations : NULL;
  options->dark = is_dark (self);
}

/* Labels are set in the widget's own Pango context: they follow the
 * desktop's text scaling like the rest of the window, and find the fonts
 * the window's text has loaded already (each new size or set of options
 * costs a font sort on a thread of its own, and its glyphs). Except for
 * subpixel antialiasing, which needs an opaque background: then a grey
 * copy, made again when the widget's context changes. The same context
 * from picture to picture lets the label cache keep its layouts. */
static PangoContext *
label_context (EntenteGraphView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const cairo_font_options_t *font_options = pango_cairo_context_get_font_options (context);
  cairo_font_options_t *grey;

  if (font_options == NULL || cairo_font_options_get_antialias (font_options) != CAIRO_ANTIALIAS_SUBPIXEL)
    {
      g_clear_object (&self->grey_context);
      return context;
    }

  if (self->grey_context != NULL && self->grey_context_source_serial == pango_context_get_serial (context))
    return self->grey_context;

  g_clear_object (&self->grey_context);
  self->grey_context = gtk_widget_create_pango_context (GTK_WIDGET (self));
  self->grey_context_source_serial = pango_context_get_serial (context);
  grey = cairo_font_options_copy (font_options);
  cairo_font_options_set_antialias (grey, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->grey_context, grey);
  cairo_font_options_destroy (grey);
  return self->grey_context;
}

/* The options of the pictures shown on screen (not exports): the labels
 * in the window's fonts, their layouts kept from picture to picture. */
static void
fill_picture_options (EntenteGraphView     *self,
                      EntenteRenderOptions *options)
{
  fill_render_options (self, options);
  /* On screen the legend is made of widgets over the picture (see
   * EntenteLegend); names keep off its corner all the same. */
  options->show_legend = FALSE;
  options->legend_space = TRUE;
  options->pango_context = label_context (self);
  options->label_cache = self->label_cache;
}

/* The whole picture, drawn into our own image surface so that the fast
 * rasterizer applies, at the display's scale. */
static cairo_surface_t *
render_picture (EntenteGraphView *self,
                int               width,
                int               height,
                int               scale)
{
  EntenteRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = entente_pixels_surface_new (width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  fill_picture_options (self, &options);
  self->cache_serial++;
  entente_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The focus, on a transparent picture of the cached picture's view. */
static cairo_surface_t *
render_focus_layer (EntenteGraphView *self)
{
  EntenteRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = entente_pixels_surface_new (self->cache_width * self->cache_scale, self->cache_height * self->cache_scale);
  cairo_surface_set_device_scale (surface, self->cache_scale, self->cache_scale);
  cr = cairo_create (surface);
  fill_picture_options (self, &options);
  options.viewport = &self->cache_viewport;
  options.layer = ENTENTE_RENDER_LAYER_FOCUS;
  options.names_under = self->names_placed;
  entente_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A small story's labels are laid out before the window first shows, when
 * GTK is still loading its icon theme on another thread and the window
 * waits for it anyway: the first frame then finds them ready. */
static void
prepare_labels (EntenteGraphView *self)
{
  EntenteRenderOptions options;

  if (self->story == NULL || entente_story_get_n_entities (self->story) > LABELS_PREPARED_MAX)
    return;

  fill_picture_options (self, &options);
  entente_render_prepare_labels (&options, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);

  /* The texture takes the surface's pixels as they are, without a copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* GTK 4.8's Cairo renderer copies a Cairo node into a fresh image the size
 * of the node each time it draws it. In one piece, that copy of a 900 × 600
 * picture takes 2 MB of new memory pages on the first frame (some 540 page
 * faults); in strips below the C library's mmap threshold (128 KiB), each
 * strip's copy reuses the memory the strip before it freed. Few enough
 * strips that a big HiDPI view does not pay for hundreds of nodes. */
#define PICTURE_STRIP_BYTES (96 * 1024)
#define PICTURE_MAX_STRIPS 32

static void
append_cairo_picture (EntenteGraphView *self,
                      GtkSnapshot      *snapshot,
                      cairo_surface_t  *under,
                      cairo_surface_t  *picture,
                      double            alpha,
                      int               width,
                      int               height,
                      gboolean          in_strips)
{
  int stride = cairo_image_surface_get_stride (picture);
  int scale = MAX (self->cache_scale, 1);
  int rows = height;

  if (in_strips)
    rows = MAX (PICTURE_STRIP_BYTES / stride / scale, (height + PICTURE_MAX_STRIPS - 1) / PICTURE_MAX_STRIPS);
  rows = MAX (rows, 1);

  for (int y = 0; y < height; y += rows)
    {
      int strip_height = MIN (rows, height - y);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, y, width, strip_height));

      /* Added, each at its share: the pictures are transparent where
       * they show nothing. */
      if (under != NULL)
        {
          cairo_set_source_surface (cr, under, 0, 0);
          cairo_paint_with_alpha (cr, 1.0 - alpha);
          cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
        }
      cairo_set_source_surface (cr, picture, 0, 0);
      cairo_paint_with_alpha (cr, alpha);
      cairo_destroy (cr);
    }
}

static gboolean
renders_with_cairo (EntenteGraphView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  return native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
}

/* GTK's Cairo renderer turns a texture back into an image surface on
 * every frame, through floats per pixel before GTK 4.10 (3–4 ms for a
 * full window, and a fresh buffer each time); there the surface is
 * painted as it is. GPU renderers keep the texture and upload it once.
 * @in_place says the picture is drawn where it was made, not moved or
 * scaled while the hand pans or zooms. */
static void
append_surface (EntenteGraphView *self,
                GtkSnapshot      *snapshot,
                cairo_surface_t  *picture,
                GdkTexture      **texture,
                int               width,
                int               height,
                gboolean          in_place)
{
  const graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (renders_with_cairo (self))
    {
      /* Strips moved by a fraction of a pixel or scaled would show seams. */
      append_cairo_picture (self, snapshot, NULL, picture, 1.0, width, height, in_place);
      return;
    }

  if (*texture == NULL)
    *texture = texture_for_surface (picture);
  gtk_snapshot_append_texture (snapshot, *texture, &bounds);
}

static double
crossfade_progress (EntenteGraphView *self,
                    gint64            now)
{
  if (self->crossfade_start == 0)
    return 0.0;
  return CLAMP ((now - self->crossfade_start) / (FADE_SECONDS * G_USEC_PER_SEC), 0.0, 1.0);
}

/* The cached picture, cross-fading from the one before it while a change
 * of date settles, if both show the same view. GTK 4.8's Cairo renderer
 * draws a cross-fade node through two groups the size of the view (18 ms
 * a frame at 1920 × 1080); added straight onto each other, the pictures
 * take 6 ms. */
static void
append_cached (EntenteGraphView *self,
               GtkSnapshot      *snapshot,
               int               width,
               int               height,
               gboolean          in_place)
{
  const EntenteViewport *from = &self->crossfade_viewport, *to = &self->cache_viewport;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  double progress;

  /* The new picture is still being drawn. */
  if (self->cache == NULL)
    {
      append_surface (self, snapshot, self->crossfade_from, &self->crossfade_from_texture, width, height, in_place);
      return;
    }
  if (self->crossfade_from == NULL || clock == NULL ||
      cairo_image_surface_get_width (self->crossfade_from) != cairo_image_surface_get_width (self->cache) ||
      cairo_image_surface_get_height (self->crossfade_from) != cairo_image_surface_get_height (self->cache) ||
      from->center_x != to->center_x || from->center_y != to->center_y || from->zoom != to->zoom)
    {
      append_surface (self, snapshot, self->cache, &self->cache_texture, width, height, in_place);
      return;
    }

  progress = crossfade_progress (self, gdk_frame_clock_get_frame_time (clock));
  if (renders_with_cairo (self))
    {
      append_cairo_picture (self, snapshot, self->crossfade_from, self->cache, progress, width, height, in_place);
      return;
    }
  gtk_snapshot_push_cross_fade (snapshot, progress);
  append_surface (self, snapshot, self->crossfade_from, &self->crossfade_from_texture, width, height, in_place);
  gtk_snapshot_pop (snapshot);
  append_surface (self, snapshot, self->cache, &self->cache_texture, width, height, in_place);
  gtk_snapshot_pop (snapshot);
}

/* The cached picture and, on a big graph with a focus, the veil and the
 * focus layer over it. */
static void
append_picture (EntenteGraphView *self,
                GtkSnapshot      *snapshot,
                int               width,
                int               height,
                gboolean          in_place)
{
  EntenteRenderOptions options;
  EntenteColor veil;

  append_cached (self, snapshot, width, height, in_place);
  if (self->cache == NULL || !focus_on_layer (self))
    return;
  fill_render_options (self, &options);
  if (!entente_render_veils_focus (&options))
    return;

  if (self->focus_layer == NULL || self->focus_layer_serial != self->cache_serial)
    {
      clear_focus_layer (self);
      self->focus_layer = render_focus_layer (self);
      self->focus_layer_serial = self->cache_serial;
    }
  /* A colour node, which GTK paints directly; a Cairo node would cost a
   * fresh image of the view's size every frame. */
  veil = entente_render_veil_color (self->cache_dark);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { veil.r, veil.g, veil.b, 1.0 - ENTENTE_RENDER_DIMMED_ALPHA },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_surface (self, snapshot, self->focus_layer, &self->focus_layer_texture, width, height, in_place);
}

static void
clear_picture (EntenteGraphView *self)
{
  g_clear_object (&self->cache_texture);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  clear_focus_layer (self);
}

static gboolean
refresh_after_move_cb (gpointer data)
{
  EntenteGraphView *self = data;

  self->refresh_source = 0;
  invalidate (self);
  return G_SOURCE_REMOVE;
}

/* Panning and zooming move the last picture rather than draw a new one
 * (cheap, even at 10,000 nodes); the real picture follows when the hand
 * pauses. */
static void
view_moved (EntenteGraphView *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_after_move_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A new picture came: a cross-fade waiting for it starts now, so that it
 * runs its whole course however long the picture took. */
static void
start_crossfade_clock (EntenteGraphView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->crossfade_from != NULL && self->crossfade_start == 0)
    self->crossfade_start = clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
}

static void
picture_drawn_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (source_object);
  g_autoptr(GError) error = NULL;
  EntenteViewport viewport;
  double *names_placed = NULL;
  cairo_surface_t *picture;

  picture = entente_picture_worker_finish (self->picture_worker, result, &viewport, &names_placed, &error);
  if (picture == NULL)
    return; /* the view went away meanwhile */
  if (self->pending_stories != self->stories)
    {
      cairo_surface_destroy (picture);
      g_free (names_placed);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  clear_picture (self);
  g_free (self->names_placed);
  self->names_placed = names_placed;
  self->cache = picture;
  self->cache_width = self->pending_width;
  self->cache_height = self->pending_height;
  self->cache_scale = self->pending_scale;
  self->cache_dark = self->pending_dark;
  self->cache_viewport = viewport;
  self->cache_serial++;
  /* Shown even if something changed meanwhile: it is the nearest there is,
   * and the next picture is asked for at the next frame. */
  self->cache_valid = self->pending_invalidations == self->invalidations;
  start_crossfade_clock (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Asks the worker for the picture of the view as it is now, unless it
 * is drawing one already (that one will come back out of date, and the
 * frame that shows it ask again). */
static void
request_picture (EntenteGraphView *self,
                 int               width,
                 int               height,
                 int               scale)
{
  EntenteRenderOptions focused, options;

  if (entente_picture_worker_is_busy (self->picture_worker))
    return;

  fill_render_options (self, &focused);
  focused.show_legend = FALSE;
  focused.legend_space = TRUE;
  entente_render_unfocused (&focused, &options);
  self->pending_invalidations = self->invalidations;
  self->pending_stories = self->stories;
  self->pending_width = width;
  self->pending_height = height;
  self->pending_scale = scale;
  self->pending_dark = options.dark;
  entente_picture_worker_draw (self->picture_worker, &options, label_context (self), width, height, scale,
                               self, self->picture_cancellable, picture_drawn_cb, NULL);
}

/* The picture shown, moved and scaled from the view it was drawn for to
 * the view now: cheap, even at 10,000 nodes, while the hand pans or zooms
 * or a new picture is on its way. */
static void
append_moved_picture (EntenteGraphView *self,
                      GtkSnapshot      *snapshot)
{
  const EntenteViewport *was = self->cache != NULL ? &self->cache_viewport : &self->crossfade_viewport;
  int width = self->cache_width;
  int height = self->cache_height;
  double k = self->viewport.zoom / was->zoom;
  double tx = (was->center_x - self->viewport.center_x) * self->viewport.zoom + width / 2.0 - width / 2.0 * k;
  double ty = (was->center_y - self->viewport.center_y) * self->viewport.zoom + height / 2.0 - height / 2.0 * k;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tx, ty));
  gtk_snapshot_scale (snapshot, k, k);
  append_picture (self, snapshot, width, height, k == 1.0 && tx == 0.0 && ty == 0.0);
  gtk_snapshot_restore (snapshot);
}

static void
entente_graph_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (self->story == NULL || width <= 0 || height <= 0)
    return;

  if (self->cache != NULL && self->cache_width == width && self->cache_height == height &&
      self->cache_scale == scale && (self->cache_valid || self->refresh_source != 0))
    {
      append_moved_picture (self, snapshot);
      return;
    }

  /* A big graph's new picture comes from the worker; the last one (or
   * the one a cross-fade starts from) stands in for it meanwhile. */
  if (focus_on_layer (self))
    {
      request_picture (self, width, height, scale);
      if (self->cache != NULL || self->crossfade_from != NULL)
        append_moved_picture (self, snapshot);
      return;
    }

  clear_picture (self);
  self->cache = render_picture (self, width, height, scale);
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->cache_viewport = self->viewport;
  self->cache_valid = TRUE;
  self->cache_dark = is_dark (self);
  start_crossfade_clock (self);
  append_picture (self, snapshot, width, height, TRUE);
}

/* The palette follows the style: a switch to or from dark redraws. Other
 * style changes (hover, focus) leave the picture be. */
static void
entente_graph_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (entente_graph_view_parent_class)->css_changed (widget, change);
  if (self->cache != NULL && self->cache_dark != is_dark (self))
    invalidate (self);
}

/* Labels are set in the desktop's fonts, at its text scaling. */
static void
entente_graph_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (entente_graph_view_parent_class)->system_setting_changed (widget, setting);
  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    invalidate (ENTENTE_GRAPH_VIEW (widget));
}

static void
fit_viewport (EntenteGraphView *self)
{
  double x0, y0, x1, y1;

  entente_layout_get_bounds (self->layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit_insets (&self->viewport, x0, y0, x1, y1,
                               ENTENTE_RENDER_LEGEND_INSET + ENTENTE_RENDER_LABEL_OVERHANG / 2, FIT_MARGIN,
                               ENTENTE_RENDER_LABEL_OVERHANG, FIT_MARGIN);
}

static void
entente_graph_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  self->allocated = TRUE;
  self->viewport.width = MAX (1, width);
  self->viewport.height = MAX (1, height);

  if (self->auto_fit && self->layout && width > 0 && height > 0)
    fit_viewport (self);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* What a screen reader says of the canvas: how much it shows, and the
 * selected entity with its relations. */
static void
update_accessible_description (EntenteGraphView *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->story && self->selected_entity >= 0)
    {
      const EntenteEntity *e = entente_story_get_entity (self->story, self->selected_entity);
      guint listed = 0;

      /* Translators: what a screen reader says of the graph; %s is a name
       * such as "OpenAI", %u how many people, companies… it shows. */
      g_string_printf (description, _("%s selected; %u entities shown"),
                       entente_text_get (&e->name), self->time_view.n_shown_entities);
      for (guint i = 0; i < entente_story_get_n_relations (self->story) && listed < 12; i++)
        {
          const EntenteRelation *r = entente_story_get_relation (self->story, i);

          if ((r->from != (guint) self->selected_entity && r->to != (guint) self->selected_entity) ||
              !entente_time_view_shows_relation (&self->time_view, i))
            continue;
          g_string_append (description, listed++ == 0 ? ". " : "; ");
          g_string_append_printf (description, _("%s %s %s"),
                                  entente_text_get (&entente_story_get_entity (self->story, r->from)->name),
                                  entente_text_get (&r->label),
                                  entente_text_get (&entente_story_get_entity (self->story, r->to)->name));
        }
    }
  else
    g_string_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u entity shown", "%u entities shown",
                                               self->time_view.n_shown_entities),
                     self->time_view.n_shown_entities);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
select_entity_from_view (EntenteGraphView *self,
                         int               entity)
{
  const char *id = entity >= 0 ? entente_story_get_entity (self->story, entity)->id : "";

  /* The window owns the selection; it sets it back on every view. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-entity", "s", id);
}

static int
entity_at (EntenteGraphView *self,
           double            x,
           double            y)
{
  double wx, wy;

  if (self->story == NULL)
    return -1;

  entente_viewport_screen_to_world (&self->viewport, x, y, &wx, &wy);
  if (!entente_hit_grid_is_current (self->hit_grid, self->layout))
    {
      g_clear_pointer (&self->hit_grid, entente_hit_grid_free);
      self->hit_grid = entente_hit_grid_new (self->layout);
    }
  return entente_hit_grid_find_node (self->hit_grid, self->layout, self->time_view.entities,
                                     wx, wy, 4.0 / self->viewport.zoom);
}

static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  gboolean finished = FALSE;

  /* The worker starts once the first picture is up: it would otherwise
   * take a processor from the first frame. The first tick comes before
   * the first allocation; a view that has nothing to draw does not wait. */
  if (!entente_layout_runner_is_started (self->runner))
    {
      gboolean will_draw = gtk_widget_get_mapped (widget) &&
                           (!self->allocated || (gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0));

      if (self->cache == NULL && will_draw)
        return G_SOURCE_CONTINUE;
      entente_layout_runner_start (self->runner);
    }

  if (entente_layout_runner_fetch (self->runner, self->layout, &finished))
    {
      if (self->auto_fit && gtk_widget_get_width (widget) > 0)
        fit_viewport (self);
      invalidate (self);
    }

  if (!finished)
    return G_SOURCE_CONTINUE;

  self->layout_tick = 0;
  if (!self->layout_settled)
    {
      self->layout_settled = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_SETTLED]);
    }
  return G_SOURCE_REMOVE;
}

/* Follows the worker once a frame until the layout settles. */
static void
start_layout_tick (EntenteGraphView *self)
{
  if (self->layout_settled)
    {
      self->layout_settled = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_SETTLED]);
    }
  if (self->layout_tick == 0 && self->runner != NULL)
    self->layout_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), layout_tick_cb, NULL, NULL);
}

static void
update_pin_actions (EntenteGraphView *self)
{
  gboolean any = FALSE;

  for (guint i = 0; self->layout != NULL && i < self->layout->n_nodes && !any; i++)
    any = self->layout->pinned[i];
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.unpin-all", any);
}

/* The nodes @first to @last are no longer pinned, and find their place
 * again. */
static void
unpin_entities (EntenteGraphView *self,
                int               first,
                int               last)
{
  gboolean any = FALSE;

  for (int entity = MAX (first, 0); self->layout != NULL && entity <= last && (guint) entity < self->layout->n_nodes; entity++)
    if (self->layout->pinned[entity])
      {
        entente_layout_unpin (self->layout, entity);
        entente_layout_runner_unpin (self->runner, entity);
        any = TRUE;
      }
  if (!any)
    return;

  start_layout_tick (self);
  update_pin_actions (self);
  note_reader_change (self);
}

static void
unpin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  if (self->story != NULL)
    {
      int entity = entente_story_find_entity (self->story, g_variant_get_string (parameter, NULL));

      if (entity >= 0)
        unpin_entities (self, entity, entity);
    }
}

static void
unpin_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  unpin_entities (ENTENTE_GRAPH_VIEW (widget), 0, G_MAXINT);
}

static void
show_context_menu (EntenteGraphView *self,
                   int               entity,
                   double            x,
                   double            y)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (self->story == NULL)
    return;

  menu = entente_graph_menu_new (self->story, self->layout, entity);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Right-click or long press: the menu of the entity under the pointer,
 * which becomes the selection, or of the graph. */
static void
on_context_pressed (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    EntenteGraphView *self)
{
  int entity = entity_at (self, x, y);

  if (entity >= 0)
    select_entity_from_view (self, entity);
  show_context_menu (self, entity, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 EntenteGraphView    *self)
{
  on_context_pressed (NULL, 1, x, y, self);
}

/* Shift+F10 and the Menu key: the selected entity's menu, at its node. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;

  if (self->story == NULL)
    return;
  if (self->selected_entity >= 0)
    entente_viewport_world_to_screen (&self->viewport, self->layout->x[self->selected_entity],
                                      self->layout->y[self->selected_entity], &x, &y);
  show_context_menu (self, self->selected_entity, x, y);
}

/* Double-click a node to unpin it. */
static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            EntenteGraphView *self)
{
  int entity;

  if (n_press != 2 || (entity = entity_at (self, x, y)) < 0)
    return;

  unpin_entities (self, entity, entity);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               EntenteGraphView *self)
{
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_moved = FALSE;
  self->drag_viewport = self->viewport;
  self->dragged_entity = entity_at (self, x, y);
  if (self->dragged_entity >= 0)
    {
      self->drag_node_x = self->layout->x[self->dragged_entity];
      self->drag_node_y = self->layout->y[self->dragged_entity];
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                EntenteGraphView *self)
{
  if (!self->drag_moved && dx * dx + dy * dy < CLICK_SLOP * CLICK_SLOP)
    return;

  self->drag_moved = TRUE;
  if (self->dragged_entity >= 0)
    {
      double x = self->drag_node_x + dx / self->viewport.zoom;
      double y = self->drag_node_y + dy / self->viewport.zoom;

      entente_layout_move_node (self->layout, self->dragged_entity, x, y);
      entente_layout_runner_pin (self->runner, self->dragged_entity, x, y);
      start_layout_tick (self);
      update_pin_actions (self);
    }
  else
    {
      self->viewport.center_x = self->drag_viewport.center_x;
      self->viewport.center_y = self->drag_viewport.center_y;
      entente_viewport_pan (&self->viewport, dx, dy);
      self->auto_fit = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      view_moved (self);
      return;
    }

  invalidate (self);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             EntenteGraphView *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hovered_entity >= 0 ? "pointer" : NULL);

  if (self->drag_moved)
    note_reader_change (self);
  else if (self->dragged_entity >= 0)
    select_entity_from_view (self, self->dragged_entity);
  else
    {
      EntenteRenderOptions options;
      int relation;

      fill_render_options (self, &options);
      relation = entente_render_hit_relation (&options, self->drag_start_x, self->drag_start_y, 5.0);
      if (relation >= 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.select-relation", "s",
                                    entente_story_get_relation (self->story, relation)->id);
      else
        select_entity_from_view (self, -1);
    }

  self->dragged_entity = -1;
}

static void
set_hovered (EntenteGraphView *self,
             int               entity)
{
  if (self->hovered_entity == entity)
    return;

  self->hovered_entity = entity;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), entity >= 0 ? "pointer" : NULL);
  if (entity >= 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                 entente_text_get (&entente_story_get_entity (self->story, entity)->name));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  focus_changed (self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntenteGraphView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hovered (self, entity_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          EntenteGraphView         *self)
{
  set_hovered (self, -1);
}

/* A mouse wheel (or Ctrl with anything) zooms at the pointer; a touchpad's
 * smooth scrolling pans, as in maps. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntenteGraphView         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (wheel || (state & GDK_CONTROL_MASK))
    {
      if (dy == 0)
        return FALSE;
      entente_viewport_zoom_at (&self->viewport, self->pointer_x, self->pointer_y,
                                pow (ZOOM_STEP, wheel ? -dy : -dy / 10));
    }
  else
    entente_viewport_pan (&self->viewport, -dx, -dy);

  self->auto_fit = FALSE;
  view_moved (self);
  note_reader_change (self);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               EntenteGraphView *self)
{
  self->zoom_gesture_start = self->viewport.zoom;
}

static void
on_zoom_end (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             EntenteGraphView *self)
{
  note_reader_change (self);
}

static void
on_zoom_scale_changed (GtkGestureZoom   *gesture,
                       double            scale,
                       EntenteGraphView *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = self->viewport.width / 2;
      cy = self->viewport.height / 2;
    }
  entente_viewport_zoom_at (&self->viewport, cx, cy,
                            self->zoom_gesture_start * scale / self->viewport.zoom);
  self->auto_fit = FALSE;
  view_moved (self);
}

static void
entente_graph_view_dispose (GObject *object)
{
  EntenteGraphView *self = (EntenteGraphView *) object;

  if (self->fade_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fade_tick);
  self->fade_tick = 0;
  clear_crossfade (self);
  g_cancellable_cancel (self->picture_cancellable);
  if (self->layout_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick);
  self->layout_tick = 0;
  if (self->center_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->center_tick);
  self->center_tick = 0;
  g_clear_pointer (&self->runner, entente_layout_runner_free);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_picture (self);
  g_clear_object (&self->grey_context);

  g_clear_object (&self->story);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (entente_graph_view_parent_class)->dispose (object);
}

static void
entente_graph_view_finalize (GObject *object)
{
  EntenteGraphView *self = (EntenteGraphView *) object;

  g_clear_pointer (&self->hit_grid, entente_hit_grid_free);
  g_clear_pointer (&self->layout, entente_layout_free);
  entente_time_view_clear (&self->time_view);
  g_clear_pointer (&self->entity_fade, g_free);
  g_clear_pointer (&self->names_placed, g_free);
  g_clear_pointer (&self->relation_fade, g_free);
  g_clear_pointer (&self->new_entities, g_free);
  g_clear_pointer (&self->new_relations, g_free);
  g_clear_pointer (&self->highlighted, g_free);
  g_clear_pointer (&self->label_cache, entente_label_cache_free);
  g_clear_pointer (&self->picture_worker, entente_picture_worker_free);
  g_clear_object (&self->picture_cancellable);

  G_OBJECT_CLASS (entente_graph_view_parent_class)->finalize (object);
}

static void
entente_graph_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_int (value, self->selected_entity);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_LAYOUT_SETTLED:
      g_value_set_boolean (value, self->layout_settled);
      break;
    case PROP_READING_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_graph_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      entente_graph_view_set_story (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      entente_graph_view_set_day (self, g_value_get_uint (value));
      break;
    case PROP_SELECTED_ENTITY:
      entente_graph_view_set_selected_entity (self, g_value_get_int (value));
      break;
    case PROP_READING_STATE:
      entente_graph_view_set_reading_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  entente_graph_view_zoom (ENTENTE_GRAPH_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_graph_view_zoom (ENTENTE_GRAPH_VIEW (widget), 1.0 / ZOOM_STEP);
}

/* The neighbour of @from that lies most nearly in the direction (dx, dy),
 * within 60° of it, or -1. */
static int
neighbour_towards (EntenteGraphView *self,
                   guint             from,
                   double            dx,
                   double            dy)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < entente_story_get_n_relations (self->story); i++)
    {
      const EntenteRelation *r = entente_story_get_relation (self->story, i);
      guint other = r->from == from ? r->to : r->from;
      double vx, vy, length, cosine, cost;

      if ((r->from != from && r->to != from) || other == from ||
          !entente_time_view_shows_relation (&self->time_view, i))
        continue;
      vx = self->layout->x[other] - self->layout->x[from];
      vy = self->layout->y[other] - self->layout->y[from];
      length = hypot (vx, vy);
      if (length < 1e-6)
        continue;
      cosine = (vx * dx + vy * dy) / length;
      if (cosine < 0.5)
        continue;
      /* Favour what is straight ahead, then what is near. */
      cost = length * (2.0 - cosine);
      if (cost < best)
        {
          best = cost;
          found = (int) other;
        }
    }

  return found;
}

/* Arrow keys: with an entity selected, go along its relations in that
 * direction; otherwise pan. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (self->story != NULL && self->selected_entity >= 0)
    {
      int next = neighbour_towards (self, self->selected_entity, -dx, -dy);

      if (next >= 0)
        {
          select_entity_from_view (self, next);
          entente_graph_view_reveal (self, next);
        }
      return;
    }

  entente_viewport_pan (&self->viewport, dx, dy);
  self->auto_fit = FALSE;
  view_moved (self);
  note_reader_change (self);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_graph_view_fit (ENTENTE_GRAPH_VIEW (widget));
}

static void
entente_graph_view_class_init (EntenteGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_graph_view_dispose;
  object_class->finalize = entente_graph_view_finalize;
  object_class->get_property = entente_graph_view_get_property;
  object_class->set_property = entente_graph_view_set_property;

  widget_class->snapshot = entente_graph_view_snapshot;
  widget_class->css_changed = entente_graph_view_css_changed;
  widget_class->system_setting_changed = entente_graph_view_system_setting_changed;
  widget_class->size_allocate = entente_graph_view_size_allocate;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         ENTENTE_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int ("selected-entity", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT_SETTLED] =
    g_param_spec_boolean ("layout-settled", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING_STATE] =
    g_param_spec_object ("reading-state", NULL, NULL,
                         ENTENTE_TYPE_READING_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "graph.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "graph.unpin", "s", unpin_action);
  gtk_widget_class_install_action (widget_class, "graph.unpin-all", NULL, unpin_all_action);
  gtk_widget_class_install_action (widget_class, "graph.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "graph.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "graph.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "graph.pan", "(dd)", PAN_STEP, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "graph.pan", "(dd)", -PAN_STEP, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "graph.pan", "(dd)", 0.0, PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "graph.pan", "(dd)", 0.0, -PAN_STEP);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
entente_graph_view_init (EntenteGraphView *self)
{
  GtkGesture *drag, *zoom;
  GtkEventController *motion, *scroll;

  self->selected_entity = -1;
  self->selected_relation = -1;
  self->hovered_entity = -1;
  self->dragged_entity = -1;
  self->label_cache = entente_label_cache_new (ENTENTE_LABEL_CACHE_CAPACITY);
  self->picture_worker = entente_picture_worker_new ();
  self->picture_cancellable = g_cancellable_new ();
  self->auto_fit = TRUE;
  entente_viewport_init (&self->viewport, 1, 1);
  entente_time_view_init (&self->time_view);
  /* Standing alone, the view has a reading state of its own. */
  self->state = entente_reading_state_new ();
  connect_state (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  {
    GtkGesture *click = gtk_gesture_click_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  {
    GtkGesture *context_click = gtk_gesture_click_new ();
    GtkGesture *long_press = gtk_gesture_long_press_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context_click), GDK_BUTTON_SECONDARY);
    g_signal_connect (context_click, "pressed", G_CALLBACK (on_context_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context_click));
    gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
    g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
  }

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  g_signal_connect (zoom, "end", G_CALLBACK (on_zoom_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship graph"),
                                  -1);
}

GtkWidget *
entente_graph_view_new (void)
{
  return g_object_new (ENTENTE_TYPE_GRAPH_VIEW, NULL);
}

EntenteStory *
entente_graph_view_get_story (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return self->story;
}

static gboolean
animations_enabled (EntenteGraphView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* Moves every fade a step towards what the time view shows; returns TRUE
 * while something is still on its way. */
static gboolean
step_fades (EntenteGraphView *self,
            double            step)
{
  gboolean moving = FALSE;

  for (guint i = 0; i < self->time_view.n_entities; i++)
    {
      float target = entente_time_view_shows_entity (&self->time_view, i) ? 1.0f : 0.0f;
      float value = self->entity_fade[i];

      value = target > value ? MIN (target, value + step) : MAX (target, value - step);
      self->entity_fade[i] = value;
      moving |= value != target;
    }
  for (guint i = 0; i < self->time_view.n_relations; i++)
    {
      float target = entente_time_view_shows_relation (&self->time_view, i) ? 1.0f : 0.0f;
      float value = self->relation_fade[i];

      value = target > value ? MIN (target, value + step) : MAX (target, value - step);
      self->relation_fade[i] = value;
      moving |= value != target;
    }

  return moving;
}

static gboolean
fade_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double elapsed = self->fade_last_time ? (now - self->fade_last_time) / (double) G_USEC_PER_SEC : 0.016;

  self->fade_last_time = now;
  invalidate (self);
  if (step_fades (self, elapsed / FADE_SECONDS))
    return G_SOURCE_CONTINUE;

  self->fade_tick = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
crossfade_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (crossfade_progress (self, gdk_frame_clock_get_frame_time (frame_clock)) < 1.0)
    return G_SOURCE_CONTINUE;

  self->crossfade_tick = 0;
  clear_crossfade (self);
  return G_SOURCE_REMOVE;
}

static void
recompute_time_view (EntenteGraphView *self)
{
  guint n_entities, n_relations;

  if (self->story == NULL)
    return;

  n_entities = entente_story_get_n_entities (self->story);
  n_relations = entente_story_get_n_relations (self->story);

  entente_time_view_copy (&self->time_view, entente_reading_state_get_time_view (self->state));

  if (self->entity_fade == NULL)
    {
      self->entity_fade = g_new0 (float, MAX (1, n_entities));
      self->relation_fade = g_new0 (float, MAX (1, n_relations));
      self->new_entities = g_new0 (guint8, MAX (1, n_entities));
      self->new_relations = g_new0 (guint8, MAX (1, n_relations));
      step_fades (self, 1.0);
    }

  /* Marked as new: what came in since the event before the current one. */
  self->n_new_entities = entente_reading_state_get_n_new_entities (self->state);
  for (guint i = 0; i < n_entities; i++)
    self->new_entities[i] = entente_reading_state_is_entity_new (self->state, i);
  for (guint i = 0; i < n_relations; i++)
    self->new_relations[i] = entente_reading_state_is_relation_new (self->state, i);

  if (!animations_enabled (self) || crossfades_time (self))
    step_fades (self, 1.0);
  else if (self->fade_tick == 0 && step_fades (self, 0.0))
    {
      self->fade_last_time = 0;
      self->fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fade_tick_cb, NULL, NULL);
    }

  update_accessible_description (self);
}

/* What of the time view and the kinds shown the picture shows, as bytes:
 * who is there and how, what is marked new, the legend. */
static GBytes *
shown_in_time (EntenteGraphView *self)
{
  const EntenteTimeView *view = &self->time_view;
  GByteArray *shown = g_byte_array_new ();

  if (view->entities != NULL)
    g_byte_array_append (shown, view->entities, view->n_entities);
  if (view->relations != NULL)
    g_byte_array_append (shown, view->relations, view->n_relations);
  if (self->show_new && self->new_entities != NULL)
    {
      g_byte_array_append (shown, self->new_entities, view->n_entities);
      g_byte_array_append (shown, self->new_relations, view->n_relations);
    }
  g_byte_array_append (shown, (const guint8 *) &self->hidden_kinds, sizeof self->hidden_kinds);
  return g_byte_array_free_to_bytes (shown);
}

/* The date, the time mode or the kinds shown changed; @shown_before is
 * shown_in_time() from before. Playing the story moves the date a little
 * every frame, across days on which nothing comes or goes: the picture
 * then stays as it is. */
static void
time_view_changed (EntenteGraphView *self,
                   GBytes           *shown_before)
{
  gboolean crossfade = crossfades_time (self) && animations_enabled (self) &&
                       self->cache != NULL && self->cache_valid;
  g_autoptr(GBytes) shown_now = NULL;

  recompute_time_view (self);
  shown_now = shown_in_time (self);
  if (g_bytes_equal (shown_before, shown_now))
    return;
  /* A cross-fade still waiting for its new picture (the slider moved
   * twice between two frames) fades to the latest. */
  if (self->crossfade_from != NULL && self->crossfade_start == 0)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  invalidate (self);
  if (!crossfade)
    return;

  self->crossfade_from = g_steal_pointer (&self->cache);
  self->crossfade_from_texture = g_steal_pointer (&self->cache_texture);
  self->crossfade_viewport = self->cache_viewport;
  self->crossfade_start = 0;
  self->crossfade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), crossfade_tick_cb, NULL, NULL);
}

/* The state's story, and with it its date, mode and kinds, nothing
 * selected. */
static void
follow_story (EntenteGraphView *self)
{
  EntenteStory *story = entente_reading_state_get_story (self->state);

  if (!g_set_object (&self->story, story))
    return;

  if (self->layout_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick);
  self->layout_tick = 0;
  g_clear_pointer (&self->runner, entente_layout_runner_free);
  g_clear_pointer (&self->hit_grid, entente_hit_grid_free);
  g_clear_pointer (&self->layout, entente_layout_free);
  self->stories++;
  clear_picture (self);
  g_clear_pointer (&self->entity_fade, g_free);
  g_clear_pointer (&self->names_placed, g_free);
  g_clear_pointer (&self->relation_fade, g_free);
  g_clear_pointer (&self->new_entities, g_free);
  g_clear_pointer (&self->new_relations, g_free);
  g_clear_pointer (&self->highlighted, g_free);
  entente_time_view_clear (&self->time_view);
  self->selected_entity = -1;
  self->selected_relation = -1;
  self->hovered_entity = -1;
  self->dragged_entity = -1;
  entente_label_cache_clear (self->label_cache);

  if (story != NULL)
    {
      /* Drawn from the start, settling on the worker's thread. */
      self->layout = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
      /* Small stories start in proportion from the first frame; big ones
       * jump there from the spiral on the worker's first step. */
      if (entente_story_get_n_entities (story) <= PLACE_BEFORE_FIRST_FRAME)
        entente_layout_place (self->layout);
      self->runner = entente_layout_runner_new (story, ENTENTE_LAYOUT_DEFAULT_SEED, self->layout);
      self->layout_settled = TRUE;
      start_layout_tick (self);
    }
  self->day = entente_reading_state_get_day (self->state);
  self->time_mode = entente_reading_state_get_time_mode (self->state);
  self->hidden_kinds = entente_reading_state_get_hidden_kinds (self->state);

  recompute_time_view (self);
  self->auto_fit = TRUE;
  if (self->layout)
    fit_viewport (self);
  update_pin_actions (self);
  prepare_labels (self);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}

void
entente_graph_view_set_story (EntenteGraphView *self,
                              EntenteStory     *story)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (!story || ENTENTE_IS_STORY (story));

  entente_reading_state_set_story (self->state, story);
}

guint32
entente_graph_view_get_day (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 0);
  return self->day;
}

void
entente_graph_view_set_day (EntenteGraphView *self,
                            guint32           day)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_day (self->state, day);
}

int
entente_graph_view_get_selected_entity (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), -1);
  return self->selected_entity;
}

void
entente_graph_view_set_selected_entity (EntenteGraphView *self,
                                        int               entity)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_selected_entity (self->state, entity);
}

static void
follow_selected_entity (EntenteGraphView *self)
{
  int entity = entente_reading_state_get_selected_entity (self->state);

  if (self->story != entente_reading_state_get_story (self->state) || self->selected_entity == entity)
    return;

  self->selected_entity = entity;
  update_accessible_description (self);
  focus_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}

int
entente_graph_view_get_selected_relation (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), -1);
  return self->selected_relation;
}

void
entente_graph_view_set_selected_relation (EntenteGraphView *self,
                                          int               relation)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_selected_relation (self->state, relation);
}

static void
follow_selected_relation (EntenteGraphView *self)
{
  if (self->story != entente_reading_state_get_story (self->state))
    return;
  self->selected_relation = entente_reading_state_get_selected_relation (self->state);
  focus_changed (self);
}

/* Rings the entities a quote is about; NULL or none clears. */
void
entente_graph_view_set_highlighted (EntenteGraphView *self,
                                    const guint      *entities,
                                    guint             n_entities)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_highlighted (self->state, entities, n_entities);
}

static void
follow_highlighted (EntenteGraphView *self)
{
  guint n_entities;
  const guint *entities = entente_reading_state_get_highlighted (self->state, &n_entities);

  if (self->story != entente_reading_state_get_story (self->state))
    return;
  g_clear_pointer (&self->highlighted, g_free);
  if (self->story != NULL && n_entities > 0)
    {
      guint n = entente_story_get_n_entities (self->story);

      self->highlighted = g_new0 (guint8, MAX (1, n));
      for (guint i = 0; i < n_entities; i++)
        if (entities[i] < n)
          self->highlighted[entities[i]] = TRUE;
    }
  focus_changed (self);
}

EntenteTimeMode
entente_graph_view_get_time_mode (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), ENTENTE_TIME_MODE_AS_OF);
  return self->time_mode;
}

void
entente_graph_view_set_time_mode (EntenteGraphView *self,
                                  EntenteTimeMode   mode)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_time_mode (self->state, mode);
}

/* Marks what each event brings in; meant for a replay. */
void
entente_graph_view_set_show_new (EntenteGraphView *self,
                                 gboolean          show_new)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  self->show_new = show_new;
  invalidate (self);
}

void
entente_graph_view_set_hidden_kinds (EntenteGraphView *self,
                                     guint             hidden_kinds)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_reading_state_set_hidden_kinds (self->state, hidden_kinds);
}

/* The date, the time mode, the kinds hidden or what they show changed. */
static void
follow_time (EntenteGraphView *self)
{
  g_autoptr(GBytes) shown_before = NULL;
  guint32 day = entente_reading_state_get_day (self->state);
  gboolean day_changed = day != self->day;

  if (self->story != entente_reading_state_get_story (self->state))
    return;

  shown_before = shown_in_time (self);
  self->day = day;
  self->time_mode = entente_reading_state_get_time_mode (self->state);
  self->hidden_kinds = entente_reading_state_get_hidden_kinds (self->state);
  time_view_changed (self, shown_before);
  if (day_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

static void
connect_state (EntenteGraphView *self)
{
  static const char * const time_signals[] = {
    "notify::day", "notify::time-mode", "notify::hidden-kinds", "notify::time-view",
  };

  g_signal_connect_object (self->state, "notify::story", G_CALLBACK (follow_story), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (time_signals); i++)
    g_signal_connect_object (self->state, time_signals[i], G_CALLBACK (follow_time), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-entity", G_CALLBACK (follow_selected_entity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-relation", G_CALLBACK (follow_selected_relation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::highlighted", G_CALLBACK (follow_highlighted), self, G_CONNECT_SWAPPED);
}

EntenteReadingState *
entente_graph_view_get_reading_state (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return self->state;
}

/* The view follows @state from now on: its story, date and selection. */
void
entente_graph_view_set_reading_state (EntenteGraphView    *self,
                                      EntenteReadingState *state)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (ENTENTE_IS_READING_STATE (state));

  if (self->state == state)
    return;

  g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  connect_state (self);
  follow_story (self);
  follow_time (self);
  follow_selected_entity (self);
  follow_selected_relation (self);
  follow_highlighted (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_STATE]);
}

guint
entente_graph_view_get_n_new_entities (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 0);
  return self->n_new_entities;
}

const EntenteTimeView *
entente_graph_view_get_time_view (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return &self->time_view;
}

const EntenteLayout *
entente_graph_view_get_layout (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

void
entente_graph_view_zoom (EntenteGraphView *self,
                         double            factor)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  entente_viewport_zoom_at (&self->viewport, self->viewport.width / 2, self->viewport.height / 2, factor);
  self->auto_fit = FALSE;
  view_moved (self);
  note_reader_change (self);
}

void
entente_graph_view_fit (EntenteGraphView *self)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  self->auto_fit = TRUE;
  if (self->layout)
    fit_viewport (self);
  invalidate (self);
  note_reader_change (self);
}

double
entente_graph_view_get_zoom (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 1.0);
  return self->viewport.zoom;
}

gboolean
entente_graph_view_get_layout_settled (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), FALSE);
  return self->layout_settled;
}

/* "Re-arrange": every pin let go, the layout run again from the start. */
void
entente_graph_view_rearrange (EntenteGraphView *self)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  if (self->runner == NULL)
    return;

  memset (self->layout->pinned, 0, self->layout->n_nodes);
  entente_layout_runner_restart (self->runner);
  update_pin_actions (self);
  self->auto_fit = TRUE;
  start_layout_tick (self);
  note_reader_change (self);
}

static gboolean
center_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  double t = MIN (1.0, (gdk_frame_clock_get_frame_time (frame_clock) - self->center_start) / (double) CENTER_USEC);

  self->viewport.center_x = self->center_from_x + (self->center_to_x - self->center_from_x) * entente_ease_in_out (t);
  self->viewport.center_y = self->center_from_y + (self->center_to_y - self->center_from_y) * entente_ease_in_out (t);
  if (t < 1.0)
    {
      view_moved (self);
      return G_SOURCE_CONTINUE;
    }

  invalidate (self);
  self->center_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Brings @entity to the middle of the view, gliding there. */
void
entente_graph_view_center_on (EntenteGraphView *self,
                              int               entity)
{
  GdkFrameClock *clock;

  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  if (self->story == NULL || entity < 0 || (guint) entity >= self->layout->n_nodes)
    return;

  self->auto_fit = FALSE;
  self->center_from_x = self->viewport.center_x;
  self->center_from_y = self->viewport.center_y;
  self->center_to_x = self->layout->x[entity];
  self->center_to_y = self->layout->y[entity];

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (!animations_enabled (self) || clock == NULL)
    {
      self->viewport.center_x = self->center_to_x;
      self->viewport.center_y = self->center_to_y;
      invalidate (self);
      return;
    }

  self->center_start = gdk_frame_clock_get_frame_time (clock);
  if (self->center_tick == 0)
    self->center_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), center_tick_cb, NULL, NULL);
}

/* Centres on @entity only if it is out of sight or at the very edge. */
void
entente_graph_view_reveal (EntenteGraphView *self,
                           int               entity)
{
  double x, y;
  double margin = 40;

  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));

  if (self->story == NULL || entity < 0 || (guint) entity >= self->layout->n_nodes)
    return;

  entente_viewport_world_to_screen (&self->viewport, self->layout->x[entity], self->layout->y[entity], &x, &y);
  if (x < margin || y < margin || x > self->viewport.width - margin || y > self->viewport.height - margin)
    entente_graph_view_center_on (self, entity);
}

guint
entente_graph_view_get_revision (EntenteGraphView *self)
{
  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), 0);
  return self->revision;
}

/* The pinned nodes, and the view unless it still simply fits the graph. */
void
entente_graph_view_fill_arrangement (EntenteGraphView   *self,
                                     EntenteArrangement *arrangement)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (arrangement != NULL);

  if (self->story == NULL)
    return;

  for (guint i = 0; i < self->layout->n_nodes; i++)
    if (self->layout->pinned[i])
      entente_arrangement_add_pin (arrangement, entente_story_get_entity (self->story, i)->id,
                                   self->layout->x[i], self->layout->y[i]);

  arrangement->has_view = !self->auto_fit;
  arrangement->center_x = self->viewport.center_x;
  arrangement->center_y = self->viewport.center_y;
  arrangement->zoom = self->viewport.zoom;
}

/* Pins that name entities the story no longer has are skipped. */
void
entente_graph_view_apply_arrangement (EntenteGraphView         *self,
                                      const EntenteArrangement *arrangement)
{
  g_return_if_fail (ENTENTE_IS_GRAPH_VIEW (self));
  g_return_if_fail (arrangement != NULL);

  if (self->story == NULL)
    return;

  for (guint i = 0; i < arrangement->pins->len; i++)
    {
      const EntentePin *pin = &g_array_index (arrangement->pins, EntentePin, i);
      int entity = entente_story_find_entity (self->story, pin->entity_id);

      if (entity >= 0)
        {
          entente_layout_move_node (self->layout, entity, pin->x, pin->y);
          entente_layout_runner_pin (self->runner, entity, pin->x, pin->y);
        }
    }
  if (arrangement->pins->len > 0)
    start_layout_tick (self);
  update_pin_actions (self);

  if (arrangement->has_view)
    {
      self->auto_fit = FALSE;
      self->viewport.center_x = arrangement->center_x;
      self->viewport.center_y = arrangement->center_y;
      self->viewport.zoom = CLAMP (arrangement->zoom, ENTENTE_VIEWPORT_MIN_ZOOM, ENTENTE_VIEWPORT_MAX_ZOOM);
    }

  invalidate (self);
}

/* Exports what is on screen: same viewport, date and selection. */
gboolean
entente_graph_view_export (EntenteGraphView  *self,
                           const char        *filename,
                           const char        *caption,
                           GError           **error)
{
  EntenteRenderOptions options;

  g_return_val_if_fail (ENTENTE_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (self->story != NULL, FALSE);

  fill_render_options (self, &options);
  options.hovered_entity = -1;
  options.paint_background = TRUE;
  options.caption_title = entente_text_get (entente_story_get_title (self->story));
  options.caption_subtitle = caption;
  return entente_export_to_file (&options, filename, error);
}
