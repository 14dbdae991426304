/* entente-bench.c — speed and memory figures, printed one a line
 *
 * usage: entente-bench [--sizes 1000,10000,…] [--dump N FILE] [--frames N] [--hostile]
 *
 * Graphs are Barabási–Albert (m = 2) with a fixed seed, written as story
 * JSON and loaded through the real loader. Figures are medians where a step
 * is repeated; machines here are shared, so compare ratios, not absolutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "entente-application.h"
#include "entente-i18n.h"
#include "entente-window.h"
#include "graph/entente-hit-grid.h"
#include "graph/entente-layout.h"
#include "graph/entente-renderer.h"
#include "story/entente-story-loader.h"
#include "story/entente-time-filter.h"

#define WIDTH   1920
#define HEIGHT  1080
#define SEED    7

static const char * const kinds[] = { "person", "company", "product", "organization" };

/* Preferential attachment: each new node links to two distinct earlier
 * nodes drawn in proportion to their degree (the endpoint list trick). */
static GString *
bench_make_story (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GArray) endpoints = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *json = g_string_new ("{\"entente\": 1, \"id\": \"ba\", \"title\": \"Barabási–Albert\", "
                                "\"summary\": \"Benchmark graph\", \"language\": \"en\", \"sources\": [],\n"
                                "\"entities\": [\n");
  guint relation = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"kind\": \"%s\", \"name\": \"Node %u\"}",
                            i ? ",\n" : "", i, kinds[i % 4], i);
  g_string_append (json, "],\n\"relations\": [\n");

  for (guint i = 1; i < n; i++)
    {
      guint targets[2] = { 0, 0 };
      guint m = MIN (i, 2);

      for (guint k = 0; k < m; k++)
        {
          guint t;
          do
            t = endpoints->len ? g_array_index (endpoints, guint, g_rand_int_range (rand, 0, endpoints->len))
                               : 0;
          while (k == 1 && t == targets[0] && i > 1);
          targets[k] = t;
        }

      for (guint k = 0; k < m; k++)
        {
          g_string_append_printf (json, "%s{\"id\": \"r%u\", \"from\": \"n%u\", \"to\": \"n%u\", "
                                  "\"kind\": \"link\", \"label\": \"links\", \"status\": \"confirmed\"}",
                                  relation ? ",\n" : "", relation, i, targets[k]);
          relation++;
          g_array_append_val (endpoints, i);
          g_array_append_val (endpoints, targets[k]);
        }
    }

  g_string_append (json, "],\n\"quotes\": [], \"events\": []}\n");
  return json;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : NAN;
}

static double
median_render_ms (cairo_surface_t            *target,
                  const EntenteRenderOptions *options,
                  guint                       count)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint f = 0; f < count; f++)
    {
      cairo_t *cr = cairo_create (target);
      double t = now_ms ();

      entente_render (cr, options);
      cairo_surface_flush (target);
      g_array_append_val (times, ((double) { now_ms () - t }));
      cairo_destroy (cr);
    }
  return median (times);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
bench_size (guint n,
            guint frames)
{
  GString *json = bench_make_story (n);
  gsize json_length = json->len;
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = NULL;
  g_autoptr(EntenteLayout) layout = NULL;
  g_autoptr(GArray) iterations = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom = g_array_new (FALSE, FALSE, sizeof (double));
  EntenteViewport viewport;
  EntenteTimeView view;
  EntenteRenderOptions options;
  cairo_surface_t *layer;
  double start, settle_start, x0, y0, x1, y1;

  start = now_ms ();
  story = entente_story_load_from_bytes (bytes, "bench.entente.json", &error);
  g_assert_no_error (error);
  printf ("N=%u load_validate_ms %.1f (%.1f MiB of JSON)\n", n, now_ms () - start, json_length / 1048576.0);

  settle_start = now_ms ();
  layout = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  for (;;)
    {
      double t = now_ms ();
      gboolean more = entente_layout_step (layout);

      if (!more)
        break;
      g_array_append_val (iterations, ((double) { now_ms () - t }));
    }
  printf ("N=%u layout_ms_per_iteration %.2f (median of %u)\n", n, median (iterations), iterations->len);
  printf ("N=%u layout_settle_ms %.0f\n", n, now_ms () - settle_start);

  entente_viewport_init (&viewport, WIDTH, HEIGHT);
  entente_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit (&viewport, x0, y0, x1, y1, 20);
  entente_time_view_init (&view);
  entente_time_view_compute (&view, story, 0, ENTENTE_TIME_MODE_ALL);
  entente_render_options_init (&options);
  options.story = story;
  options.layout = layout;
  options.viewport = &viewport;
  options.time_view = &view;
  options.paint_background = TRUE;

  /* A full redraw: every edge stroked, labels placed. */
  layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  printf ("N=%u render_full_frame_ms %.1f (median, %dx%d)\n", n,
          median_render_ms (layer, &options, MAX (3, frames / 4)), WIDTH, HEIGHT);

  /* Zoomed in just enough for names to show: the most of them on screen at
   * once, each tried in every place around its node. */
  {
    EntenteViewport labelled = viewport;

    labelled.zoom = ENTENTE_RENDER_MIN_LABEL_ZOOM;
    options.viewport = &labelled;
    printf ("N=%u render_labelled_frame_ms %.1f (median, zoom %.1f)\n", n,
            median_render_ms (layer, &options, MAX (3, frames / 4)), labelled.zoom);
    /* Panning and zooming below move the whole graph's picture. */
    options.viewport = &viewport;
    median_render_ms (layer, &options, 1);
  }

  /* Hovering an entity, as the widget does on a big graph: the picture
   * stays, veiled, and only the entity's neighbourhood is drawn, on a
   * layer of its own. A different entity each frame, hubs and leaves. */
  {
    cairo_surface_t *focus = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    g_autoptr(GArray) hover = g_array_new (FALSE, FALSE, sizeof (double));
    EntenteRenderOptions layer_options = options;

    layer_options.layer = ENTENTE_RENDER_LAYER_FOCUS;
    for (guint f = 0; f < (guint) frames; f++)
      {
        cairo_t *cr = cairo_create (focus);
        double t = now_ms ();

        layer_options.hovered_entity = (int) ((f * 7919u) % n);
        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        entente_render (cr, &layer_options);
        cairo_surface_flush (focus);
        g_array_append_val (hover, ((double) { now_ms () - t }));
        cairo_destroy (cr);
      }
    printf ("N=%u frame_hover_ms %.2f (median of %u)\n", n, median (hover), frames);
    cairo_surface_destroy (focus);
  }
  /* What the pointer is over: a motion asks which entity (through the hit
   * grid, built once for a settled layout), a click which relation. */
  {
    g_autoptr(GArray) motions = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) clicks = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
    EntenteHitGrid *grid;
    double t = now_ms ();

    grid = entente_hit_grid_new (layout);
    printf ("N=%u hit_grid_build_ms %.2f\n", n, now_ms () - t);
    /* Single queries take well under the clock's microsecond: timed 1,000
     * at a time, through the grid and by asking every node as before. */
    for (guint round = 0; round < 21; round++)
      {
        double points[2 * 1000];
        double scan;

        for (guint k = 0; k < 1000; k++)
          {
            guint near = g_rand_int_range (rand, 0, n);

            points[2 * k] = layout->x[near] + g_rand_double_range (rand, -30, 30);
            points[2 * k + 1] = layout->y[near] + g_rand_double_range (rand, -30, 30);
          }
        t = now_ms ();
        for (guint k = 0; k < 1000; k++)
          entente_hit_grid_find_node (grid, layout, view.entities, points[2 * k], points[2 * k + 1], 4.0 / viewport.zoom);
        g_array_append_val (motions, ((double) { (now_ms () - t) / 1000 }));
        t = now_ms ();
        for (guint k = 0; k < 1000; k++)
          entente_layout_hit (layout, view.entities, points[2 * k], points[2 * k + 1], 4.0 / viewport.zoom);
        scan = (now_ms () - t) / 1000;
        g_array_append_val (scans, scan);
      }
    for (guint k = 0; k < 40; k++)
      {
        double sx = g_rand_double_range (rand, 0, WIDTH), sy = g_rand_double_range (rand, 0, HEIGHT);

        t = now_ms ();
        entente_render_hit_relation (&options, sx, sy, 5.0);
        g_array_append_val (clicks, ((double) { now_ms () - t }));
      }
    printf ("N=%u hit_entity_motion_ms %.4f (grid; asking every node: %.4f; medians of %u rounds of 1,000)\n",
            n, median (motions), median (scans), motions->len);
    printf ("N=%u hit_relation_click_ms %.2f (median of %u)\n", n, median (clicks), clicks->len);
    entente_hit_grid_free (grid);
  }


  /* A change of date on a big graph: one picture for the new date, then
   * a cross-fade to it from the picture before, each frame of which adds
   * the two pictures at their shares on a cleared surface, as the widget
   * does on GTK's Cairo renderer. A fade of each entity of its own would
   * draw a whole picture every frame: the redraw with every fade half way
   * shows what that costs. */
  {
    g_autofree float *entity_fade = g_new (float, n);
    g_autofree float *relation_fade = g_new (float, entente_story_get_n_relations (story));
    EntenteRenderOptions fading = options;
    cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    g_autoptr(GArray) crossfade = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < n; i++)
      entity_fade[i] = 0.5f;
    for (guint i = 0; i < entente_story_get_n_relations (story); i++)
      relation_fade[i] = 0.5f;
    fading.entity_fade = entity_fade;
    fading.relation_fade = relation_fade;
    printf ("N=%u frame_date_fade_full_redraw_ms %.1f (median)\n", n,
            median_render_ms (frame, &fading, MAX (3, frames / 4)));

    for (guint f = 0; f < frames; f++)
      {
        cairo_t *cr = cairo_create (frame);
        double t = now_ms ();

        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        cairo_set_source_surface (cr, layer, 0, 0);
        cairo_paint_with_alpha (cr, 1 - (f + 0.5) / frames);
        cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
        cairo_set_source_surface (cr, layer, 0, 0);
        cairo_paint_with_alpha (cr, (f + 0.5) / frames);
        cairo_surface_flush (frame);
        g_array_append_val (crossfade, ((double) { now_ms () - t }));
        cairo_destroy (cr);
      }
    printf ("N=%u frame_date_crossfade_ms %.2f (median of %u)\n", n, median (crossfade), frames);
    cairo_surface_destroy (frame);
  }

  /* Panning and zooming reuse the cached layer, as the widget does, and
   * redraw it once the gesture ends. */
  {
    cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

    for (guint f = 0; f < frames; f++)
      {
        cairo_t *cr = cairo_create (frame);
        double t = now_ms ();

        cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
        cairo_paint (cr);
        cairo_set_source_surface (cr, layer, -(double) f * 3, (double) f * 2);
        cairo_paint (cr);
        cairo_surface_flush (frame);
        g_array_append_val (pan, ((double) { now_ms () - t }));
        cairo_destroy (cr);

        cr = cairo_create (frame);
        t = now_ms ();
        cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
        cairo_paint (cr);
        cairo_translate (cr, WIDTH / 2.0, HEIGHT / 2.0);
        cairo_scale (cr, 1 + f * 0.01, 1 + f * 0.01);
        cairo_translate (cr, -WIDTH / 2.0, -HEIGHT / 2.0);
        cairo_set_source_surface (cr, layer, 0, 0);
        cairo_paint (cr);
        cairo_surface_flush (frame);
        g_array_append_val (zoom, ((double) { now_ms () - t }));
        cairo_destroy (cr);
      }
    cairo_surface_destroy (frame);
  }
  printf ("N=%u frame_pan_ms %.2f (median of %u)\n", n, median (pan), frames);
  printf ("N=%u frame_zoom_ms %.2f (median of %u)\n", n, median (zoom), frames);

  cairo_surface_destroy (layer);
  entente_time_view_clear (&view);
  printf ("N=%u peak_rss_mb %.0f\n", n, peak_rss_mb ());
  fflush (stdout);
}

/* The baseline: a bare GTK window with a label, gone after its first frame.
 * Like Entente, it tells the clock time of that frame, so that the time a
 * process takes to exit is not counted as starting. */
static void
quit_after_paint (GdkFrameClock *clock,
                  gpointer       user_data)
{
  g_print ("first-frame-usec %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  exit (0);
}

static void
on_bare_realize (GtkWidget *window,
                 gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (quit_after_paint), NULL);
}

static int
bare_window (void)
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "realize", G_CALLBACK (on_bare_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
on_bare_app_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "realize", G_CALLBACK (on_bare_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* The second baseline: the same bare window in a GtkApplication, which
 * registers on the session bus as Entente does. */
static int
bare_app (void)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.entente.Bench", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_app_activate), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Entente itself, run from here as main.c runs it, with the story in its
 * first frame reported: the application's code, without a hook of the
 * benchmark's in the application. */
static void
on_entente_after_paint (GdkFrameClock *clock,
                        GtkWindow     *window)
{
  if (ENTENTE_IS_WINDOW (window) && entente_window_get_story (ENTENTE_WINDOW (window)) != NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_graph_view (ENTENTE_WINDOW (window)))))
    quit_after_paint (clock, NULL);
}

static void
on_entente_window_realized (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_entente_after_paint), window);
}

static void
on_entente_window_added (GtkApplication *app,
                         GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_entente_window_realized), NULL);
}

static int
entente_app (void)
{
  g_autoptr(EntenteApplication) app = NULL;

  entente_i18n_init ();
  g_set_application_name (_("Entente"));
  app = entente_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_entente_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* The third baseline: the same bare window in an AdwApplication, which
 * loads libadwaita's style sheet as Entente does. */
static int
bare_adw_app (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.entente.BenchAdw", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_app_activate), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Milliseconds from launching @argv to the first frame it reports
 * (CLOCK_MONOTONIC is shared by all processes), and to its exit; NAN if it
 * failed or said nothing. */
static void
time_launch (char  **argv,
             char  **envp,
             double *first_frame_ms,
             double *exit_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *line;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  *first_frame_ms = *exit_ms = NAN;
  if (!g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s failed: %s\n", argv[0], error ? error->message : "exit status");
      return;
    }
  *exit_ms = (g_get_monotonic_time () - start) / 1000.0;

  line = output ? strstr (output, "first-frame-usec ") : NULL;
  if (line == NULL)
    {
      g_printerr ("%s did not report its first frame\n", argv[0]);
      return;
    }
  *first_frame_ms = (g_ascii_strtoll (line + strlen ("first-frame-usec "), NULL, 10) - start) / 1000.0;
}

/* The three programs take turns, so that whatever else the machine is
 * doing weighs on each alike; medians of @runs launches each, and of the
 * @runs rounds' own ratios. */
static void
bench_startup (const char *self_path,
               guint       runs)
{
  char *bare_argv[] = { (char *) self_path, (char *) "--bare-window", NULL };
  char *bare_app_argv[] = { (char *) self_path, (char *) "--bare-app", NULL };
  char *bare_adw_argv[] = { (char *) self_path, (char *) "--bare-adw-app", NULL };
  char *app_argv[] = { (char *) self_path, (char *) "--entente-app", NULL };
  char **argvs[] = { bare_argv, bare_app_argv, bare_adw_argv, app_argv };
  GArray *frame_times[4];
  GArray *exit_times[4];
  g_autofree char *data_home = g_dir_make_tmp ("entente-bench-XXXXXX", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GArray) paired = g_array_new (FALSE, FALSE, sizeof (double));
  double first_frame, exited;
  double frame[4], whole[4];

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  /* No saved arrangement or recent files of the user's in the way. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (argvs); k++)
    {
      frame_times[k] = g_array_new (FALSE, FALSE, sizeof (double));
      exit_times[k] = g_array_new (FALSE, FALSE, sizeof (double));
      /* One of each first, so that all find the libraries in the page cache. */
      time_launch (argvs[k], envp, &first_frame, &exited);
    }
  for (guint i = 0; i < runs; i++)
    for (guint k = 0; k < G_N_ELEMENTS (argvs); k++)
      {
        time_launch (argvs[k], envp, &first_frame, &exited);
        g_array_append_val (frame_times[k], first_frame);
        g_array_append_val (exit_times[k], exited);
      }

  /* Each round's ratio, the programs having run back to back: the
   * machine's drift over the whole run cancels out. */
  for (guint i = 0; i < runs; i++)
    {
      double ratio = g_array_index (frame_times[3], double, i) / g_array_index (frame_times[0], double, i);
      g_array_append_val (paired, ratio);
    }
  g_array_sort (paired, compare_doubles);

  for (guint k = 0; k < G_N_ELEMENTS (argvs); k++)
    {
      frame[k] = median (frame_times[k]);
      whole[k] = median (exit_times[k]);
      g_array_unref (frame_times[k]);
      g_array_unref (exit_times[k]);
    }
  remove_tree (data_home);
  printf ("startup_bare_gtk_window_ms %.0f (median of %u)\n", frame[0], runs);
  printf ("startup_bare_gtk_application_window_ms %.0f (median of %u)\n", frame[1], runs);
  printf ("startup_bare_adw_application_window_ms %.0f (median of %u)\n", frame[2], runs);
  printf ("startup_entente_first_frame_ms %.0f (median of %u)\n", frame[3], runs);
  printf ("startup_ratio_to_bare_window %.2f\n", frame[3] / frame[0]);
  printf ("startup_ratio_to_bare_adw_application %.2f\n", frame[3] / frame[2]);
  printf ("startup_ratio_to_bare_window_per_round median %.2f quartiles %.2f-%.2f\n",
          g_array_index (paired, double, runs / 2),
          g_array_index (paired, double, runs / 4), g_array_index (paired, double, 3 * runs / 4));
  /* Launch to exit, as measured before: the exit is not startup, but the
   * figure shows what it adds. */
  printf ("launch_to_exit_ms bare_window %.0f bare_application %.0f bare_adw_application %.0f entente %.0f (ratio %.2f)\n",
          whole[0], whole[1], whole[2], whole[3], whole[3] / whole[0]);
}

/* A chain of @n entities tied by undated relations, one end dated: every
 * entity inherits that date through the whole chain. */
static GString *
make_chain (guint    n,
            gboolean dated_at_start)
{
  GString *json = g_string_new ("{\"entente\": 1, \"id\": \"chain\", \"title\": \"Chain\", "
                                "\"summary\": \"s\", \"language\": \"en\", \"sources\": [],\n\"entities\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"kind\": \"person\", \"name\": \"N%u\"%s}",
                            i ? ",\n" : "", i, i,
                            i == (dated_at_start ? 0 : n - 1) ? ", \"start\": \"2020\"" : "");
  g_string_append (json, "],\n\"relations\": [\n");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"r%u\", \"from\": \"n%u\", \"to\": \"n%u\", "
                            "\"kind\": \"k\", \"label\": \"l\", \"status\": \"confirmed\"}",
                            i > 1 ? ",\n" : "", i, i - 1, i);
  g_string_append (json, "],\n\"quotes\": [], \"events\": []}\n");
  return json;
}

/* @n relations whose ends name no entity, each a near miss of a real id. */
static GString *
make_dangling (guint n)
{
  GString *json = g_string_new ("{\"entente\": 1, \"id\": \"d\", \"title\": \"D\", "
                                "\"summary\": \"s\", \"language\": \"en\", \"sources\": [],\n\"entities\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"entity-%u\", \"kind\": \"person\", \"name\": \"E\"}",
                            i ? ",\n" : "", i);
  g_string_append (json, "],\n\"relations\": [\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"r%u\", \"from\": \"entity-%u\", \"to\": \"entiyt-%u\", "
                            "\"kind\": \"k\", \"label\": \"l\", \"status\": \"confirmed\"}",
                            i ? ",\n" : "", i, i, i);
  g_string_append (json, "],\n\"quotes\": [], \"events\": []}\n");
  return json;
}

static double
median_load_ms (GString  *json,
                gboolean  should_load)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (json->str, json->len);
      g_autoptr(GError) error = NULL;
      double t = now_ms ();
      g_autoptr(EntenteStory) story = entente_story_load_from_bytes (bytes, "bench.entente.json", &error);

      g_array_append_val (times, ((double) { now_ms () - t }));
      if ((story != NULL) != should_load)
        g_error ("bench story %s: %s", should_load ? "refused" : "loaded", error ? error->message : "");
    }
  return median (times);
}

/* Files shaped to make the loader's work grow faster than their size. */
static void
bench_hostile (void)
{
  const guint chains[] = { 100000, 200000 };
  const guint dangling[] = { 5000, 20000 };

  for (guint i = 0; i < G_N_ELEMENTS (chains); i++)
    {
      g_autoptr(GString) at_end = make_chain (chains[i], FALSE);
      g_autoptr(GString) at_start = make_chain (chains[i], TRUE);

      printf ("load_chain_dated_at_end_%u_ms %.0f (median of 3)\n", chains[i], median_load_ms (at_end, TRUE));
      printf ("load_chain_dated_at_start_%u_ms %.0f (median of 3)\n", chains[i], median_load_ms (at_start, TRUE));
    }
  for (guint i = 0; i < G_N_ELEMENTS (dangling); i++)
    {
      g_autoptr(GString) json = make_dangling (dangling[i]);

      printf ("load_dangling_references_%u_ms %.0f (median of 3)\n", dangling[i], median_load_ms (json, FALSE));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("1000,10000");
  g_autofree char *dump = NULL;
  int frames = 40;
  int dump_n = 0;
  gboolean bare = FALSE;
  gboolean hostile = FALSE;
  gboolean bare_application = FALSE;
  gboolean bare_adw_application = FALSE;
  gboolean startup = FALSE;
  gboolean entente = FALSE;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Graph sizes, comma-separated", "N,…" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames measured for panning and zooming", "N" },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump, "Write the graph of --dump-size nodes as a story and exit", "FILE" },
    { "dump-size", 0, 0, G_OPTION_ARG_INT, &dump_n, "Size of the graph to --dump", "N" },
    { "startup", 0, 0, G_OPTION_ARG_NONE, &startup, "Time Entente's start to its first frame against a bare GTK window", NULL },
    { "entente-app", 0, 0, G_OPTION_ARG_NONE, &entente, "Run Entente and quit after its first frame with the story", NULL },
    { "hostile", 0, 0, G_OPTION_ARG_NONE, &hostile, "Time loading files shaped to make the loader's work grow fast", NULL },
    { "bare-window", 0, 0, G_OPTION_ARG_NONE, &bare, "Show a bare GTK window and quit after its first frame", NULL },
    { "bare-app", 0, 0, G_OPTION_ARG_NONE, &bare_application, "The same in a GtkApplication", NULL },
    { "bare-adw-app", 0, 0, G_OPTION_ARG_NONE, &bare_adw_application, "The same in an AdwApplication", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (bare)
    return bare_window ();
  if (bare_application)
    return bare_app ();
  if (bare_adw_application)
    return bare_adw_app ();
  if (entente)
    return entente_app ();

  if (hostile)
    {
      bench_hostile ();
      return 0;
    }

  if (startup)
    {
      /* One round's ratio moves by ±0.1 with the machine's load; the
       * median of 41 settles to about ±0.02. */
      bench_startup (argv[0], 41);
      return 0;
    }

  if (dump)
    {
      g_autoptr(GString) json = bench_make_story (MAX (dump_n, 2));
      if (!g_file_set_contents (dump, json->str, (gssize) json->len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  list = g_strsplit (sizes, ",", -1);
  for (guint i = 0; list[i]; i++)
    bench_size ((guint) g_ascii_strtoull (list[i], NULL, 10), (guint) frames);

  return 0;
}
