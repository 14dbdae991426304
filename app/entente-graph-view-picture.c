/* entente-graph-view-picture.c
 *
 * What the graph view shows: the picture of the graph, cached and moved
 * while the view pans and zooms, drawn again once the hand pauses; on a
 * big graph drawn off the main thread, its focus (hover, selection) on a
 * layer of its own over it; and the cross-fade from one picture to the
 * next when the date moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-graph-view-private.h"

#define REFRESH_DELAY_MS 150

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
      g_clear_object (&self->picture.grey_context);
      return context;
    }

  if (self->picture.grey_context != NULL && self->picture.grey_context_source_serial == pango_context_get_serial (context))
    return self->picture.grey_context;

  g_clear_object (&self->picture.grey_context);
  self->picture.grey_context = gtk_widget_create_pango_context (GTK_WIDGET (self));
  self->picture.grey_context_source_serial = pango_context_get_serial (context);
  grey = cairo_font_options_copy (font_options);
  cairo_font_options_set_antialias (grey, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->picture.grey_context, grey);
  cairo_font_options_destroy (grey);
  return self->picture.grey_context;
}

/* The options of the pictures shown on screen (not exports): the labels
 * in the window's fonts, their layouts kept from picture to picture. */
static void
fill_picture_options (EntenteGraphView     *self,
                      EntenteRenderOptions *options)
{
  _entente_graph_view_fill_render_options (self, options);
  /* On screen the legend is made of widgets over the picture (see
   * EntenteLegend); names keep off its corner all the same. */
  options->show_legend = FALSE;
  options->legend_space = TRUE;
  options->pango_context = label_context (self);
  options->label_cache = self->picture.label_cache;
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

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  fill_picture_options (self, &options);
  self->picture.cache_serial++;
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

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->picture.cache_width * self->picture.cache_scale, self->picture.cache_height * self->picture.cache_scale);
  cairo_surface_set_device_scale (surface, self->picture.cache_scale, self->picture.cache_scale);
  cr = cairo_create (surface);
  fill_picture_options (self, &options);
  options.viewport = &self->picture.cache_viewport;
  options.layer = ENTENTE_RENDER_LAYER_FOCUS;
  options.names_under = self->picture.names_placed;
  entente_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A small story's labels are laid out before the window first shows, when
 * GTK is still loading its icon theme on another thread and the window
 * waits for it anyway: the first frame then finds them ready. */
void
_entente_graph_view_prepare_labels (EntenteGraphView *self)
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

static void
append_cairo_picture (EntenteGraphView *self,
                      GtkSnapshot      *snapshot,
                      cairo_surface_t  *under,
                      cairo_surface_t  *picture,
                      double            alpha,
                      int               width,
                      int               height)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Added, each at its share: the pictures are transparent where they
   * show nothing. */
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

static gboolean
renders_with_cairo (EntenteGraphView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  return native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
}

/* GTK 4.8's Cairo renderer turns a texture back into an image surface on
 * every frame, through floats per pixel (3–4 ms for a full window, and a
 * fresh buffer each time); there the surface is painted as it is. GTK 4.10
 * and GPU renderers keep the texture and upload it once. */
static void
append_surface (EntenteGraphView *self,
                GtkSnapshot      *snapshot,
                cairo_surface_t  *picture,
                GdkTexture      **texture,
                int               width,
                int               height)
{
  const graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

#if !GTK_CHECK_VERSION (4, 10, 0)
  if (renders_with_cairo (self))
    {
      append_cairo_picture (self, snapshot, NULL, picture, 1.0, width, height);
      return;
    }
#endif

  if (*texture == NULL)
    *texture = texture_for_surface (picture);
  gtk_snapshot_append_texture (snapshot, *texture, &bounds);
}

double
_entente_graph_view_crossfade_progress (EntenteGraphView *self,
                                        gint64            now)
{
  if (self->picture.crossfade_start == 0)
    return 0.0;
  return CLAMP ((now - self->picture.crossfade_start) / (FADE_SECONDS * G_USEC_PER_SEC), 0.0, 1.0);
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
               int               height)
{
  const EntenteViewport *from = &self->picture.crossfade_viewport, *to = &self->picture.cache_viewport;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  double progress;

  /* The new picture is still being drawn. */
  if (self->picture.cache == NULL)
    {
      append_surface (self, snapshot, self->picture.crossfade_from, &self->picture.crossfade_from_texture, width, height);
      return;
    }
  if (self->picture.crossfade_from == NULL || clock == NULL ||
      cairo_image_surface_get_width (self->picture.crossfade_from) != cairo_image_surface_get_width (self->picture.cache) ||
      cairo_image_surface_get_height (self->picture.crossfade_from) != cairo_image_surface_get_height (self->picture.cache) ||
      from->center_x != to->center_x || from->center_y != to->center_y || from->zoom != to->zoom)
    {
      append_surface (self, snapshot, self->picture.cache, &self->picture.cache_texture, width, height);
      return;
    }

  progress = _entente_graph_view_crossfade_progress (self, gdk_frame_clock_get_frame_time (clock));
  if (renders_with_cairo (self))
    {
      append_cairo_picture (self, snapshot, self->picture.crossfade_from, self->picture.cache, progress, width, height);
      return;
    }
  gtk_snapshot_push_cross_fade (snapshot, progress);
  append_surface (self, snapshot, self->picture.crossfade_from, &self->picture.crossfade_from_texture, width, height);
  gtk_snapshot_pop (snapshot);
  append_surface (self, snapshot, self->picture.cache, &self->picture.cache_texture, width, height);
  gtk_snapshot_pop (snapshot);
}

/* The cached picture and, on a big graph with a focus, the veil and the
 * focus layer over it. */
static void
append_picture (EntenteGraphView *self,
                GtkSnapshot      *snapshot,
                int               width,
                int               height)
{
  EntenteRenderOptions options;
  EntenteColor veil;

  append_cached (self, snapshot, width, height);
  if (self->picture.cache == NULL || !_entente_graph_view_focus_on_layer (self))
    return;
  _entente_graph_view_fill_render_options (self, &options);
  if (!entente_render_veils_focus (&options))
    return;

  if (self->picture.focus_layer == NULL || self->picture.focus_layer_serial != self->picture.cache_serial)
    {
      _entente_graph_view_clear_focus_layer (self);
      self->picture.focus_layer = render_focus_layer (self);
      self->picture.focus_layer_serial = self->picture.cache_serial;
    }
  /* A colour node, which GTK paints directly; a Cairo node would cost a
   * fresh image of the view's size every frame. */
  veil = entente_render_veil_color (self->picture.cache_dark);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { veil.r, veil.g, veil.b, 1.0 - ENTENTE_RENDER_DIMMED_ALPHA },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_surface (self, snapshot, self->picture.focus_layer, &self->picture.focus_layer_texture, width, height);
}

void
_entente_graph_view_clear_picture (EntenteGraphView *self)
{
  g_clear_object (&self->picture.cache_texture);
  g_clear_pointer (&self->picture.cache, cairo_surface_destroy);
  _entente_graph_view_clear_focus_layer (self);
}

static gboolean
refresh_after_move_cb (gpointer data)
{
  EntenteGraphView *self = data;

  self->picture.refresh_source = 0;
  _entente_graph_view_invalidate (self);
  return G_SOURCE_REMOVE;
}

/* Panning and zooming move the last picture rather than draw a new one
 * (cheap, even at 10,000 nodes); the real picture follows when the hand
 * pauses. */
void
_entente_graph_view_view_moved (EntenteGraphView *self)
{
  g_clear_handle_id (&self->picture.refresh_source, g_source_remove);
  self->picture.refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_after_move_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A new picture came: a cross-fade waiting for it starts now, so that it
 * runs its whole course however long the picture took. */
static void
start_crossfade_clock (EntenteGraphView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->picture.crossfade_from != NULL && self->picture.crossfade_start == 0)
    self->picture.crossfade_start = clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
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

  picture = entente_picture_worker_finish (self->picture.picture_worker, result, &viewport, &names_placed, &error);
  if (picture == NULL)
    return; /* the view went away meanwhile */
  if (self->picture.pending_stories != self->picture.stories)
    {
      cairo_surface_destroy (picture);
      g_free (names_placed);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  _entente_graph_view_clear_picture (self);
  g_free (self->picture.names_placed);
  self->picture.names_placed = names_placed;
  self->picture.cache = picture;
  self->picture.cache_width = self->picture.pending_width;
  self->picture.cache_height = self->picture.pending_height;
  self->picture.cache_scale = self->picture.pending_scale;
  self->picture.cache_dark = self->picture.pending_dark;
  self->picture.cache_viewport = viewport;
  self->picture.cache_serial++;
  /* Shown even if something changed meanwhile: it is the nearest there is,
   * and the next picture is asked for at the next frame. */
  self->picture.cache_valid = self->picture.pending_invalidations == self->picture.invalidations;
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

  if (entente_picture_worker_is_busy (self->picture.picture_worker))
    return;

  _entente_graph_view_fill_render_options (self, &focused);
  focused.show_legend = FALSE;
  focused.legend_space = TRUE;
  entente_render_unfocused (&focused, &options);
  self->picture.pending_invalidations = self->picture.invalidations;
  self->picture.pending_stories = self->picture.stories;
  self->picture.pending_width = width;
  self->picture.pending_height = height;
  self->picture.pending_scale = scale;
  self->picture.pending_dark = options.dark;
  entente_picture_worker_draw (self->picture.picture_worker, &options, label_context (self), width, height, scale,
                               self, self->picture.picture_cancellable, picture_drawn_cb, NULL);
}

/* The picture shown, moved and scaled from the view it was drawn for to
 * the view now: cheap, even at 10,000 nodes, while the hand pans or zooms
 * or a new picture is on its way. */
static void
append_moved_picture (EntenteGraphView *self,
                      GtkSnapshot      *snapshot)
{
  const EntenteViewport *was = self->picture.cache != NULL ? &self->picture.cache_viewport : &self->picture.crossfade_viewport;
  int width = self->picture.cache_width;
  int height = self->picture.cache_height;
  double k = self->viewport.zoom / was->zoom;
  double tx = (was->center_x - self->viewport.center_x) * self->viewport.zoom + width / 2.0 - width / 2.0 * k;
  double ty = (was->center_y - self->viewport.center_y) * self->viewport.zoom + height / 2.0 - height / 2.0 * k;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tx, ty));
  gtk_snapshot_scale (snapshot, k, k);
  append_picture (self, snapshot, width, height);
  gtk_snapshot_restore (snapshot);
}

void
_entente_graph_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  EntenteGraphView *self = ENTENTE_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (self->story == NULL || width <= 0 || height <= 0)
    return;

  if (self->picture.cache != NULL && self->picture.cache_width == width && self->picture.cache_height == height &&
      self->picture.cache_scale == scale && (self->picture.cache_valid || self->picture.refresh_source != 0))
    {
      append_moved_picture (self, snapshot);
      return;
    }

  /* A big graph's new picture comes from the worker; the last one (or
   * the one a cross-fade starts from) stands in for it meanwhile. */
  if (_entente_graph_view_focus_on_layer (self))
    {
      request_picture (self, width, height, scale);
      if (self->picture.cache != NULL || self->picture.crossfade_from != NULL)
        append_moved_picture (self, snapshot);
      return;
    }

  _entente_graph_view_clear_picture (self);
  self->picture.cache = render_picture (self, width, height, scale);
  self->picture.cache_width = width;
  self->picture.cache_height = height;
  self->picture.cache_scale = scale;
  self->picture.cache_viewport = self->viewport;
  self->picture.cache_valid = TRUE;
  self->picture.cache_dark = _entente_graph_view_is_dark (self);
  start_crossfade_clock (self);
  append_picture (self, snapshot, width, height);
}
