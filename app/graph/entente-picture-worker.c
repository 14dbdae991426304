/* entente-picture-worker.c — the graph's picture drawn on a thread
 *
 * A big graph's picture takes tens of milliseconds to draw at 10,000
 * entities and half a second at 100,000: drawn in the widget's snapshot,
 * it would hold up every frame and every click meanwhile. The worker draws
 * it on a thread from copies of everything the picture depends on, one
 * picture at a time, while the window keeps showing the last one.
 *
 * Pango is not safe to share between threads, so the worker sets its
 * labels with a font map of its own, made like the widget's context (the
 * same fonts, options and resolution), and keeps their layouts in a cache
 * of its own; Cairo, fontconfig and FreeType (behind Cairo's locks) are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "entente-label-cache.h"
#include "entente-picture-worker.h"

struct _EntentePictureWorker
{
  PangoContext      *fonts;        /* its own font map's */
  PangoContext      *fonts_like;   /* the context they were made like … */
  guint              fonts_like_serial; /* … as it was then */
  EntenteLabelCache *label_cache;
  gboolean           busy;
};

/* One picture: what it is drawn from, copied, and what comes of it. */
typedef struct
{
  EntenteRenderOptions options;
  EntenteLayout       *layout;
  EntenteTimeView      time_view;
  EntenteViewport      viewport;
  float               *entity_fade;
  float               *relation_fade;
  guint8              *highlighted;
  guint8              *new_entities;
  guint8              *new_relations;
  double              *names_placed;
  int                  width;
  int                  height;
  int                  scale;
  cairo_surface_t     *picture;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->options.story);
  entente_layout_free (job->layout);
  entente_time_view_clear (&job->time_view);
  g_free (job->entity_fade);
  g_free (job->relation_fade);
  g_free (job->highlighted);
  g_free (job->new_entities);
  g_free (job->new_relations);
  g_free (job->names_placed);
  g_clear_pointer (&job->picture, cairo_surface_destroy);
  g_free (job);
}

EntentePictureWorker *
entente_picture_worker_new (void)
{
  EntentePictureWorker *worker = g_new0 (EntentePictureWorker, 1);

  worker->label_cache = entente_label_cache_new (ENTENTE_LABEL_CACHE_CAPACITY);
  return worker;
}

/* Only once its last picture is finished: the thread uses its fonts. */
void
entente_picture_worker_free (EntentePictureWorker *worker)
{
  if (worker == NULL)
    return;

  g_warn_if_fail (!worker->busy);
  g_clear_object (&worker->fonts);
  g_clear_object (&worker->fonts_like);
  entente_label_cache_free (worker->label_cache);
  g_free (worker);
}

gboolean
entente_picture_worker_is_busy (EntentePictureWorker *worker)
{
  return worker->busy;
}

static void
ensure_fonts_like (EntentePictureWorker *worker,
                   PangoContext         *like)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  const cairo_font_options_t *options;

  if (worker->fonts != NULL && worker->fonts_like == like &&
      worker->fonts_like_serial == pango_context_get_serial (like))
    return;

  g_set_object (&worker->fonts_like, like);
  worker->fonts_like_serial = pango_context_get_serial (like);
  font_map = pango_cairo_font_map_new ();
  g_clear_object (&worker->fonts);
  worker->fonts = pango_font_map_create_context (font_map);
  options = pango_cairo_context_get_font_options (like);
  if (options != NULL)
    pango_cairo_context_set_font_options (worker->fonts, options);
  pango_cairo_context_set_resolution (worker->fonts, pango_cairo_context_get_resolution (like));
  pango_context_set_font_description (worker->fonts, pango_context_get_font_description (like));
  pango_context_set_language (worker->fonts, pango_context_get_language (like));
  pango_context_set_base_dir (worker->fonts, pango_context_get_base_dir (like));
  entente_label_cache_clear (worker->label_cache);
}

static void
draw_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  cairo_t *cr;

  job->picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width * job->scale, job->height * job->scale);
  cairo_surface_set_device_scale (job->picture, job->scale, job->scale);
  cr = cairo_create (job->picture);
  entente_render (cr, &job->options);
  cairo_destroy (cr);
  cairo_surface_flush (job->picture);
  g_task_return_boolean (task, TRUE);
}

/* Starts drawing @options (whole pictures only: no texts collected, no
 * focus layer) at @width × @height and @scale, with labels in fonts like
 * @fonts_like's. Everything @options points to is copied first: the
 * caller may change it at once. One picture at a time: the worker must
 * not be busy. @callback comes on the caller's main context. */
void
entente_picture_worker_draw (EntentePictureWorker       *worker,
                             const EntenteRenderOptions *options,
                             PangoContext               *fonts_like,
                             int                         width,
                             int                         height,
                             int                         scale,
                             gpointer                    source_object,
                             GCancellable               *cancellable,
                             GAsyncReadyCallback         callback,
                             gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  guint n_entities, n_relations;

  g_return_if_fail (!worker->busy);
  g_return_if_fail (options->texts == NULL && options->layer == ENTENTE_RENDER_LAYER_ALL);
  g_return_if_fail (ENTENTE_IS_STORY (options->story) && options->layout != NULL && options->viewport != NULL);

  ensure_fonts_like (worker, fonts_like);
  n_entities = entente_story_get_n_entities (options->story);
  n_relations = entente_story_get_n_relations (options->story);

  job = g_new0 (Job, 1);
  job->options = *options;
  job->options.story = g_object_ref (options->story);
  job->layout = entente_layout_copy_for_drawing (options->layout);
  job->options.layout = job->layout;
  job->viewport = *options->viewport;
  job->options.viewport = &job->viewport;
  entente_time_view_init (&job->time_view);
  if (options->time_view != NULL)
    {
      entente_time_view_copy (&job->time_view, options->time_view);
      job->options.time_view = &job->time_view;
    }
  job->options.entity_fade = job->entity_fade = g_memdup2 (options->entity_fade, n_entities * sizeof (float));
  job->options.relation_fade = job->relation_fade = g_memdup2 (options->relation_fade, n_relations * sizeof (float));
  job->options.highlighted = job->highlighted = g_memdup2 (options->highlighted, n_entities);
  job->options.new_entities = job->new_entities = g_memdup2 (options->new_entities, n_entities);
  job->options.new_relations = job->new_relations = g_memdup2 (options->new_relations, n_relations);
  job->options.names_placed = job->names_placed = g_new (double, 2 * MAX (1, n_entities));
  job->options.names_under = NULL;
  job->options.pango_context = worker->fonts;
  job->options.label_cache = worker->label_cache;
  job->width = width;
  job->height = height;
  job->scale = MAX (scale, 1);

  worker->busy = TRUE;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, entente_picture_worker_draw);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, draw_in_thread);
}

/* The picture (@viewport: the view it shows; @names_placed: where its
 * names went, see EntenteRenderOptions), or NULL with @error set. */
cairo_surface_t *
entente_picture_worker_finish (EntentePictureWorker *worker,
                               GAsyncResult         *result,
                               EntenteViewport      *viewport,
                               double              **names_placed,
                               GError              **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == entente_picture_worker_draw, NULL);

  worker->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  *viewport = job->viewport;
  *names_placed = g_steal_pointer (&job->names_placed);
  return g_steal_pointer (&job->picture);
}
