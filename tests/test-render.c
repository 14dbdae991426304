/* test-render.c — the renderer draws on a plain image surface, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "graph/entente-label-cache.h"
#include "graph/entente-picture-worker.h"
#include "graph/entente-export.h"
#include "graph/entente-renderer.h"
#include "story/entente-story-loader.h"
#include "story-test-helpers.h"

#define WIDTH  900
#define HEIGHT 600

typedef struct
{
  EntenteStory    *story;
  EntenteLayout   *layout;
  EntenteViewport  viewport;
  EntenteTimeView  time_view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double x0, y0, x1, y1;
  guint32 last_day;

  f->story = entente_story_load_bundled (&error);
  g_assert_no_error (error);
  f->layout = entente_layout_new (f->story, ENTENTE_LAYOUT_DEFAULT_SEED);
  entente_layout_run (f->layout);
  entente_viewport_init (&f->viewport, WIDTH, HEIGHT);
  entente_layout_get_bounds (f->layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit (&f->viewport, x0, y0, x1, y1, 20);
  entente_time_view_init (&f->time_view);
  entente_story_get_date_range (f->story, NULL, &last_day);
  entente_time_view_compute (&f->time_view, f->story, last_day, ENTENTE_TIME_MODE_AS_OF);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  entente_time_view_clear (&f->time_view);
  entente_layout_free (f->layout);
  g_object_unref (f->story);
}

/* Options for the fixture's story, as a view shows it. */
static void
fixture_options (Fixture              *f,
                 EntenteRenderOptions *options)
{
  entente_render_options_init (options);
  options->story = f->story;
  options->layout = f->layout;
  options->viewport = &f->viewport;
  options->time_view = &f->time_view;
}

static cairo_surface_t *
render (Fixture  *f,
        gboolean  dark,
        int       selected)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  EntenteRenderOptions options;

  fixture_options (f, &options);
  options.paint_background = TRUE;
  options.dark = dark;
  options.selected_entity = selected;
  entente_render (cr, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xFFFFFF;
}

static guint
count_near (cairo_surface_t    *surface,
            const EntenteColor *c)
{
  guint count = 0;
  int r = (int) (c->r * 255 + 0.5), g = (int) (c->g * 255 + 0.5), b = (int) (c->b * 255 + 0.5);

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 p = pixel (surface, x, y);
        int pr = (p >> 16) & 0xFF, pg = (p >> 8) & 0xFF, pb = p & 0xFF;

        if (ABS (pr - r) <= 3 && ABS (pg - g) <= 3 && ABS (pb - b) <= 3)
          count++;
      }

  return count;
}

static void
test_not_blank (Fixture       *f,
                gconstpointer  data)
{
  cairo_surface_t *surface = render (f, FALSE, -1);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  for (int y = 0; y < HEIGHT; y += 2)
    for (int x = 0; x < WIDTH; x += 2)
      g_hash_table_add (colours, GUINT_TO_POINTER (pixel (surface, x, y)));

  /* Nodes, edges, text with antialiasing: many distinct colours. */
  g_assert_cmpuint (g_hash_table_size (colours), >, 50);
  cairo_surface_destroy (surface);
}

static void
test_kind_colours_present (Fixture       *f,
                           gconstpointer  data)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      cairo_surface_t *surface = render (f, dark, -1);

      for (EntenteEntityKind kind = 0; kind < ENTENTE_N_ENTITY_KINDS; kind++)
        {
          EntenteColor c = entente_kind_color (kind, dark);
          /* The legend alone has some; the story has entities of every kind. */
          g_assert_cmpuint (count_near (surface, &c), >, 150);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_time_hides_entities (Fixture       *f,
                          gconstpointer  data)
{
  EntenteColor product = entente_kind_color (ENTENTE_ENTITY_PRODUCT, FALSE);
  cairo_surface_t *late = render (f, FALSE, -1);
  cairo_surface_t *early;
  EntenteDate date;
  guint late_count, early_count;

  entente_date_parse ("2008", &date, NULL);
  entente_time_view_compute (&f->time_view, f->story, entente_date_first_day (&date), ENTENTE_TIME_MODE_AS_OF);
  early = render (f, FALSE, -1);

  late_count = count_near (late, &product);
  early_count = count_near (early, &product);
  /* In 2008 the only product is the iPhone. */
  g_assert_cmpuint (early_count, <, late_count / 3);

  cairo_surface_destroy (late);
  cairo_surface_destroy (early);
}

static void
test_selection_dims_the_rest (Fixture       *f,
                              gconstpointer  data)
{
  EntenteColor person = entente_kind_color (ENTENTE_ENTITY_PERSON, FALSE);
  int apple = entente_story_find_entity (f->story, "apple");
  cairo_surface_t *plain = render (f, FALSE, -1);
  cairo_surface_t *selected = render (f, FALSE, apple);

  /* No person is next to Apple: every person node fades, only the legend keeps the colour. */
  g_assert_cmpuint (count_near (selected, &person), <, count_near (plain, &person) / 2);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

static void
test_hit_relation (Fixture       *f,
                   gconstpointer  data)
{
  EntenteRenderOptions options;
  const EntenteRelation *r;
  int relation = -1;
  double ax, ay, bx, by;

  fixture_options (f, &options);

  /* Microsoft → Bing is the only relation between them: a straight line. */
  for (guint i = 0; i < entente_story_get_n_relations (f->story); i++)
    if (g_str_equal (entente_story_get_relation (f->story, i)->id, "microsoft-bing"))
      relation = (int) i;
  g_assert_cmpint (relation, >=, 0);
  r = entente_story_get_relation (f->story, relation);
  entente_viewport_world_to_screen (&f->viewport, f->layout->x[r->from], f->layout->y[r->from], &ax, &ay);
  entente_viewport_world_to_screen (&f->viewport, f->layout->x[r->to], f->layout->y[r->to], &bx, &by);

  g_assert_cmpint (entente_render_hit_relation (&options, (ax + bx) / 2, (ay + by) / 2, 4.0), ==, relation);
  g_assert_cmpint (entente_render_hit_relation (&options, -500, -500, 4.0), ==, -1);

}

/* Every piece of text of the picture @options draw. */
static GArray *
rendered_texts (const EntenteRenderOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) options->viewport->width, (int) options->viewport->height);
  cairo_t *cr = cairo_create (surface);
  EntenteRenderOptions collecting = *options;

  collecting.texts = entente_render_texts_new ();
  entente_render (cr, &collecting);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return collecting.texts;
}

/* Every piece of text of the picture with the caption "Title", set in
 * @context. */
static GArray *
picture_texts (Fixture      *f,
               PangoContext *context)
{
  EntenteRenderOptions options;

  fixture_options (f, &options);
  options.pango_context = context;
  options.caption_title = "Title";
  return rendered_texts (&options);
}

/* How far below the top of the picture the caption's baseline lies, the
 * caption set in @context. */
static double
caption_baseline (Fixture      *f,
                  PangoContext *context)
{
  g_autoptr(GArray) texts = picture_texts (f, context);
  double baseline = NAN;

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_array_index (texts, EntenteRenderText, i).text, "Title"))
      baseline = g_array_index (texts, EntenteRenderText, i).y;
  g_assert_false (isnan (baseline));
  return baseline;
}

/* Text is set in the context it is given (the window's, which follows the
 * desktop's text scaling), else at 96 dpi. */
static void
test_fonts_from_given_context (Fixture       *f,
                               gconstpointer  data)
{
  PangoContext *normal = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoContext *large = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) sans = pango_font_description_from_string ("Sans");
  double plain, at_96, at_192;

  pango_context_set_font_description (normal, sans);
  pango_context_set_font_description (large, sans);
  pango_cairo_context_set_resolution (normal, 96);
  pango_cairo_context_set_resolution (large, 192);
  plain = caption_baseline (f, NULL);
  at_96 = caption_baseline (f, normal);
  at_192 = caption_baseline (f, large);

  g_assert_cmpfloat (fabs (at_96 - plain), <, 1.0);
  g_assert_cmpfloat (at_192 - at_96, >, 12.0);

  g_object_unref (normal);
  g_object_unref (large);
}

/* The family of every piece of text, checked to be the same for all, and
 * the size of the label of @name. */
static char *
text_family (Fixture      *f,
             PangoContext *context,
             const char   *name,
             double       *size_px)
{
  g_autoptr(GArray) texts = picture_texts (f, context);
  const char *family = NULL;

  g_assert_cmpuint (texts->len, >, 5);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *this = g_array_index (texts, EntenteRenderText, i).family;

      if (family != NULL)
        g_assert_cmpstr (this, ==, family);
      family = this;
      if (g_str_equal (g_array_index (texts, EntenteRenderText, i).text, name))
        *size_px = g_array_index (texts, EntenteRenderText, i).size_px;
    }
  return g_strdup (family);
}

/* In the window, text is in the interface's font family and labels at its
 * size; exports use Sans, labels at 10 pt. */
static void
test_interface_font (Fixture       *f,
                     gconstpointer  data)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) interface = pango_font_description_from_string ("Monospace 11");
  g_autofree char *with_context = NULL;
  g_autofree char *without = NULL;
  double size_with = 0, size_without = 0;

  pango_context_set_font_description (context, interface);
  with_context = text_family (f, context, "OpenAI", &size_with);
  without = text_family (f, NULL, "OpenAI", &size_without);

  g_assert_cmpstr (with_context, ==, "Monospace");
  g_assert_cmpstr (without, ==, "Sans");
  g_assert_cmpfloat_with_epsilon (size_with, 11 * 96 / 72.0, 0.01);
  g_assert_cmpfloat_with_epsilon (size_without, 10 * 96 / 72.0, 0.01);
  g_object_unref (context);
}


/* A kept layout is handed out again only for the same text, font and
 * unchanged context; there is none for keys past the capacity. */
static void
test_label_cache (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) style = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(PangoFontDescription) bigger = pango_font_description_from_string ("Sans 14");
  g_autoptr(EntenteLabelCache) cache = entente_label_cache_new (2);
  PangoLayout *a, *b;

  pango_layout_set_font_description (style, font);
  a = entente_label_cache_lookup (cache, 0, style, "Satya Nadella");
  b = entente_label_cache_lookup (cache, 0, style, "Satya Nadella");
  g_assert_true (a == b);
  g_assert_cmpstr (pango_layout_get_text (a), ==, "Satya Nadella");
  g_object_unref (b);

  b = entente_label_cache_lookup (cache, 0, style, "Sam Altman");
  g_assert_true (a != b);
  g_assert_cmpstr (pango_layout_get_text (b), ==, "Sam Altman");
  g_assert_cmpstr (pango_layout_get_text (a), ==, "Satya Nadella");
  g_object_unref (a);
  a = b;

  pango_layout_set_font_description (style, bigger);
  b = entente_label_cache_lookup (cache, 0, style, "Sam Altman");
  g_assert_true (a != b);
  g_assert_true (pango_font_description_equal (pango_layout_get_font_description (b), bigger));
  g_object_unref (a);
  a = b;

  pango_context_set_base_gravity (context, PANGO_GRAVITY_EAST);
  b = entente_label_cache_lookup (cache, 0, style, "Sam Altman");
  g_assert_true (a != b);
  g_object_unref (a);
  g_object_unref (b);

  g_assert_null (entente_label_cache_lookup (cache, 2, style, "Microsoft"));

  a = entente_label_cache_lookup (cache, 1, style, "OpenAI");
  entente_label_cache_clear (cache);
  b = entente_label_cache_lookup (cache, 1, style, "OpenAI");
  g_assert_true (a != b);
  g_object_unref (a);
  g_object_unref (b);
  g_object_unref (context);
}

static gboolean
has_text (const GArray *texts,
          const char   *text)
{
  for (guint t = 0; t < texts->len; t++)
    if (g_str_equal (g_array_index (texts, EntenteRenderText, t).text, text))
      return TRUE;
  return FALSE;
}

/* @entity and the entities it has a relation with, one flag each. */
static gboolean *
neighbourhood_of (EntenteStory *story,
                  int           entity)
{
  gboolean *near = g_new0 (gboolean, entente_story_get_n_entities (story));

  g_assert_cmpint (entity, >=, 0);
  near[entity] = TRUE;
  for (guint r = 0; r < entente_story_get_n_relations (story); r++)
    {
      const EntenteRelation *relation = entente_story_get_relation (story, r);

      if ((int) relation->from == entity || (int) relation->to == entity)
        near[relation->from] = near[relation->to] = TRUE;
    }
  return near;
}

/* At the size the window opens with, fitted as the graph view fits it
 * (room for the legend at the left, for labels at the sides), every name
 * of the bundled story finds a place, even in the crowd around OpenAI;
 * in French too (@data), where some names are much longer. */
static void
test_every_name_placed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(GArray) texts = NULL;
  EntenteRenderOptions options;
  EntenteViewport viewport;
  double x0, y0, x1, y1;
  guint shown = 0, translated = 0;

  g_setenv ("LANGUAGE", data, TRUE);
  entente_viewport_init (&viewport, 888, 620);
  entente_layout_get_bounds (f->layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit_insets (&viewport, x0, y0, x1, y1,
                               ENTENTE_RENDER_LEGEND_INSET + ENTENTE_RENDER_LABEL_OVERHANG / 2, 32,
                               ENTENTE_RENDER_LABEL_OVERHANG, 32);
  fixture_options (f, &options);
  options.viewport = &viewport;
  options.show_legend = TRUE;
  texts = rendered_texts (&options);

  for (guint i = 0; i < entente_story_get_n_entities (f->story); i++)
    {
      const char *name = entente_text_get (&entente_story_get_entity (f->story, i)->name);

      if (!entente_time_view_shows_entity (&f->time_view, i))
        continue;
      shown++;
      translated += !g_str_equal (name, entente_text_get_in (&entente_story_get_entity (f->story, i)->name, "en"));
      if (!has_text (texts, name))
        g_test_message ("no room for %s", name);
      g_assert_true (has_text (texts, name));
    }
  g_assert_cmpuint (shown, >, 20);
  /* The names really were the French ones. */
  g_assert_true (g_str_equal (data, "en") == (translated == 0));

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Zoomed out past the point where names are drawn, selecting an entity
 * still names it and its neighbours, and no one else. */
static void
test_neighbours_named_zoomed_out (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GArray) texts = NULL;
  int selected = entente_story_find_entity (f->story, "satya-nadella");
  g_autofree gboolean *neighbour = neighbourhood_of (f->story, selected);
  guint neighbours_named = 0;
  EntenteRenderOptions options;
  EntenteViewport viewport = f->viewport;

  viewport.zoom = ENTENTE_RENDER_MIN_LABEL_ZOOM * 0.75;
  fixture_options (f, &options);
  options.viewport = &viewport;
  options.selected_entity = selected;
  texts = rendered_texts (&options);

  for (guint i = 0; i < entente_story_get_n_entities (f->story); i++)
    {
      gboolean named = has_text (texts, entente_text_get (&entente_story_get_entity (f->story, i)->name));

      if ((int) i == selected)
        g_assert_true (named);
      else if (neighbour[i])
        neighbours_named += named;
      else
        g_assert_false (named);
    }
  g_assert_cmpuint (neighbours_named, >, 0);
}

/* A focus layer holds what is in focus around the hovered entity and
 * nothing else: the picture under it, veiled, shows the rest. */
static void
test_focus_layer (Fixture       *f,
                  gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  int hovered = entente_story_find_entity (f->story, "satya-nadella");
  g_autofree gboolean *in_focus = neighbourhood_of (f->story, hovered);
  const guchar *data_bytes;
  int stride;
  guint focus_count = 0, others = 0, others_bare = 0;
  EntenteRenderOptions options;

  fixture_options (f, &options);
  options.hovered_entity = hovered;
  options.layer = ENTENTE_RENDER_LAYER_FOCUS;
  entente_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data_bytes = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (guint i = 0; i < entente_story_get_n_entities (f->story); i++)
    {
      double x, y;
      guint8 alpha;

      if (!entente_time_view_shows_entity (&f->time_view, i))
        continue;
      entente_viewport_world_to_screen (&f->viewport, f->layout->x[i], f->layout->y[i], &x, &y);
      alpha = data_bytes[(int) y * stride + (int) x * 4 + 3];
      if (in_focus[i])
        {
          g_assert_cmpuint (alpha, >, 200);
          focus_count++;
        }
      else
        {
          others++;
          others_bare += alpha == 0;
        }
    }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (focus_count, >=, 3);
  /* A relation of the focus may cross another node's centre, no more. */
  g_assert_cmpuint (others, >, 10);
  g_assert_cmpuint (others_bare, >=, others - 2);
}

/* With a selection, which keeps the focus, an entity hovered outside it
 * is on the focus layer too (its ring, its name), and nothing else is. */
static void
test_hovered_outside_focus (Fixture       *f,
                            gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) texts = NULL;
  int hovered = entente_story_find_entity (f->story, "wsj");
  int selected = entente_story_find_entity (f->story, "iphone");
  const char *hovered_name = entente_text_get (&entente_story_get_entity (f->story, hovered)->name);
  EntenteRenderOptions options;
  double x, y;

  fixture_options (f, &options);
  options.hovered_entity = hovered;
  options.selected_entity = selected;
  options.layer = ENTENTE_RENDER_LAYER_FOCUS;
  entente_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  entente_viewport_world_to_screen (&f->viewport, f->layout->x[hovered], f->layout->y[hovered], &x, &y);
  g_assert_cmpuint (cairo_image_surface_get_data (surface)[(int) y * cairo_image_surface_get_stride (surface) + (int) x * 4 + 3], >, 0);
  cairo_surface_destroy (surface);

  texts = rendered_texts (&options);
  g_assert_true (has_text (texts, hovered_name));
}

/* A focus on a big graph: the picture without it, veiled, keeps 22 % of
 * itself wherever the focus layer left it bare. Not on a small graph, nor
 * for text kept as text. */
static void
test_big_graph_veils_focus (void)
{
  g_autoptr(EntenteStory) grid = test_load_grid (40);
  g_autoptr(EntenteLayout) layout = entente_layout_new (grid, ENTENTE_LAYOUT_DEFAULT_SEED);
  g_autoptr(GArray) texts = entente_render_texts_new ();
  cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *focused = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *targets[] = { plain, focused, layer };
  EntenteRenderOptions options;
  EntenteViewport viewport;
  double x0, y0, x1, y1;
  guint compared = 0;

  g_assert_cmpuint (entente_story_get_n_relations (grid), >=, ENTENTE_RENDER_VEIL_MIN_RELATIONS);
  entente_viewport_init (&viewport, WIDTH, HEIGHT);
  entente_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit (&viewport, x0, y0, x1, y1, 20);
  entente_render_options_init (&options);
  options.story = grid;
  options.layout = layout;
  options.viewport = &viewport;
  options.show_legend = FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      cairo_t *cr = cairo_create (targets[t]);

      options.hovered_entity = t == 0 ? -1 : 0;
      options.paint_background = t < 2;
      options.layer = t < 2 ? ENTENTE_RENDER_LAYER_ALL : ENTENTE_RENDER_LAYER_FOCUS;
      g_assert_cmpint (entente_render_veils_focus (&options), ==, t == 1);
      entente_render (cr, &options);
      cairo_destroy (cr);
      cairo_surface_flush (targets[t]);
    }

  for (guint i = 0; i < 40 * 40; i++)
    {
      double x, y;
      guint32 p, q;

      entente_viewport_world_to_screen (&viewport, layout->x[i], layout->y[i], &x, &y);
      if (cairo_image_surface_get_data (layer)[(int) y * cairo_image_surface_get_stride (layer) + (int) x * 4 + 3] != 0)
        continue;
      p = pixel (plain, (int) x, (int) y);
      q = pixel (focused, (int) x, (int) y);
      /* The light background is 0.98 grey. */
      for (int shift = 0; shift < 24; shift += 8)
        g_assert_cmpfloat_with_epsilon (((q >> shift) & 0xff) / 255.0,
                                        ENTENTE_RENDER_DIMMED_ALPHA * ((p >> shift) & 0xff) / 255.0 +
                                        (1 - ENTENTE_RENDER_DIMMED_ALPHA) * 0.98, 0.02);
      compared++;
    }
  g_assert_cmpuint (compared, >, 1000);

  options.layer = ENTENTE_RENDER_LAYER_ALL;
  options.texts = texts;
  g_assert_false (entente_render_veils_focus (&options));
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    cairo_surface_destroy (targets[t]);
}

/* Names already in the picture under a focus layer stay where they are
 * on the layer, so that no veiled copy shows beside them: even a name the
 * crowd around OpenAI pushed from its first place. */
static void
test_focus_names_stay_put (Fixture       *f,
                           gconstpointer  data)
{
  guint n = entente_story_get_n_entities (f->story);
  g_autofree double *under = g_new (double, 2 * n);
  g_autofree double *on_layer = g_new (double, 2 * n);
  g_autofree gboolean *near = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  EntenteRenderOptions options;
  guint stayed = 0;

  fixture_options (f, &options);
  options.names_placed = under;
  entente_render (cr, &options);

  for (const char *const *id = (const char *const[]) { "sam-altman", "openai", NULL }; *id != NULL; id++)
    {
      options.hovered_entity = entente_story_find_entity (f->story, *id);
      options.layer = ENTENTE_RENDER_LAYER_FOCUS;
      options.names_under = under;
      options.names_placed = on_layer;
      entente_render (cr, &options);
      g_clear_pointer (&near, g_free);
      near = neighbourhood_of (f->story, options.hovered_entity);

      for (guint i = 0; i < n; i++)
        {
          if (!near[i])
            g_assert_true (isnan (on_layer[2 * i]));
          else if (!isnan (under[2 * i]))
            {
              g_assert_cmpfloat (on_layer[2 * i], ==, under[2 * i]);
              g_assert_cmpfloat (on_layer[2 * i + 1], ==, under[2 * i + 1]);
              stayed++;
            }
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (stayed, >=, 10);
}

static void
keep_result (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **kept = user_data;

  *kept = g_object_ref (result);
}

/* A picture drawn on the worker's thread is the picture drawn here, to the
 * pixel, names and all, with names placed in the same places; what it was
 * asked from may change as soon as it is asked (it draws from copies). */
static void
test_picture_worker (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EntentePictureWorker) worker = entente_picture_worker_new ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  guint n = entente_story_get_n_entities (f->story);
  g_autofree double *names_there = NULL;
  g_autofree double *names_here = g_new (double, 2 * n);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EntenteViewport asked = f->viewport, drawn;
  EntenteTimeView time_view;
  EntenteRenderOptions options;
  cairo_surface_t *there, *here;
  double x0 = f->layout->x[0];
  cairo_t *cr;
  guint named = 0;

  fixture_options (f, &options);
  options.paint_background = TRUE;
  options.pango_context = context;
  entente_picture_worker_draw (worker, &options, context, WIDTH, HEIGHT, 1, NULL, NULL, keep_result, &result);
  g_assert_true (entente_picture_worker_is_busy (worker));

  entente_time_view_init (&time_view);
  entente_time_view_copy (&time_view, &f->time_view);
  f->viewport.zoom *= 2;
  f->layout->x[0] += 300;
  memset (f->time_view.entities, ENTENTE_PRESENCE_NOT_BEGUN, f->time_view.n_entities);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  there = entente_picture_worker_finish (worker, result, &drawn, &names_there, &error);
  g_assert_no_error (error);
  g_assert_nonnull (there);
  g_assert_false (entente_picture_worker_is_busy (worker));
  g_assert_cmpfloat (drawn.zoom, ==, asked.zoom);

  f->viewport = asked;
  f->layout->x[0] = x0;
  entente_time_view_copy (&f->time_view, &time_view);
  here = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (here);
  options.names_placed = names_here;
  entente_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (here);

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      g_assert_cmphex (pixel (there, x, y), ==, pixel (here, x, y));
  g_assert_cmpmem (names_there, 2 * n * sizeof (double), names_here, 2 * n * sizeof (double));
  for (guint i = 0; i < n; i++)
    named += !isnan (names_here[2 * i]);
  g_assert_cmpuint (named, >, n / 2);

  cairo_surface_destroy (there);
  cairo_surface_destroy (here);
  entente_time_view_clear (&time_view);
  g_object_unref (context);
}

/* The format chosen in the export dialog is the one the name ends in. */
static void
test_export_names (void)
{
  const struct { const char *name, *extension, *expected; } cases[] = {
    { "/tmp/story.png", ".svg", "/tmp/story.svg" },
    { "/tmp/story.PNG", ".png", "/tmp/story.PNG" },
    { "/tmp/story", ".pdf", "/tmp/story.pdf" },
    { "/tmp/story.v2", ".json", "/tmp/story.v2.json" },
    { "/tmp/my.story/graph", ".svg", "/tmp/my.story/graph.svg" },
    { "/tmp/story.json", ".png", "/tmp/story.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *named = entente_export_name_for (cases[i].name, cases[i].extension);
      g_assert_cmpstr (named, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/graph/render/not-blank", Fixture, NULL, fixture_set_up, test_not_blank, fixture_tear_down);
  g_test_add ("/graph/render/kind-colours-present", Fixture, NULL, fixture_set_up, test_kind_colours_present, fixture_tear_down);
  g_test_add ("/graph/render/time-hides-entities", Fixture, NULL, fixture_set_up, test_time_hides_entities, fixture_tear_down);
  g_test_add ("/graph/render/hit-relation", Fixture, NULL, fixture_set_up, test_hit_relation, fixture_tear_down);
  g_test_add ("/graph/render/selection-dims-the-rest", Fixture, NULL, fixture_set_up, test_selection_dims_the_rest, fixture_tear_down);
  g_test_add ("/graph/render/fonts-from-given-context", Fixture, NULL, fixture_set_up, test_fonts_from_given_context, fixture_tear_down);
  g_test_add_func ("/graph/label-cache", test_label_cache);
  g_test_add ("/graph/render/interface-font", Fixture, NULL, fixture_set_up, test_interface_font, fixture_tear_down);
  g_test_add ("/graph/render/focus-layer", Fixture, NULL, fixture_set_up, test_focus_layer, fixture_tear_down);
  g_test_add ("/graph/render/hovered-outside-focus", Fixture, NULL, fixture_set_up, test_hovered_outside_focus, fixture_tear_down);
  g_test_add_func ("/graph/render/big-graph-veils-focus", test_big_graph_veils_focus);
  g_test_add ("/graph/render/focus-names-stay-put", Fixture, NULL, fixture_set_up, test_focus_names_stay_put, fixture_tear_down);
  g_test_add ("/graph/render/neighbours-named-zoomed-out", Fixture, NULL, fixture_set_up, test_neighbours_named_zoomed_out, fixture_tear_down);
  g_test_add ("/graph/render/every-name-placed/en", Fixture, "en", fixture_set_up, test_every_name_placed, fixture_tear_down);
  g_test_add ("/graph/render/every-name-placed/fr", Fixture, "fr", fixture_set_up, test_every_name_placed, fixture_tear_down);
  g_test_add ("/graph/picture-worker/same-as-drawn-here", Fixture, NULL, fixture_set_up, test_picture_worker, fixture_tear_down);
  g_test_add_func ("/graph/export/names", test_export_names);

  return g_test_run ();
}
