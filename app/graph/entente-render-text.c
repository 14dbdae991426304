/* entente-render-text.c
 *
 * The words in a picture: entities' names placed around their nodes so
 * that none overlaps another or a node, relations' labels, each with a
 * halo; the legend and the caption. Exports to SVG collect them as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "entente-renderer-private.h"

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

  _entente_render_set_color (cr, halo, 0.85 * alpha);
  cairo_mask_surface (cr, around, ox, oy);
  _entente_render_set_color (cr, text, alpha);
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
      _entente_render_set_color (cr, halo, 0.85 * alpha);
      cairo_set_line_width (cr, 2 * HALO_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, x, y);
  _entente_render_set_color (cr, text, alpha);
  pango_cairo_show_layout (cr, layout);
}

/* In the window, text is set in the interface's font family (the widget's
 * context tells which): it matches the rest of the window, and the first
 * picture needs no font file GTK has not opened already. Exports use
 * "Sans". */
PangoFontDescription *
_entente_render_text_font_new (const EntenteRenderOptions *o,
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
PangoFontDescription *
_entente_render_label_font_new (const EntenteRenderOptions *o)
{
  const PangoFontDescription *interface = o->pango_context ? pango_context_get_font_description (o->pango_context) : NULL;
  PangoFontDescription *font = _entente_render_text_font_new (o, LABEL_POINTS, PANGO_WEIGHT_NORMAL);
  int size = interface ? pango_font_description_get_size (interface) : 0;

  if (size > 0 && pango_font_description_get_size_is_absolute (interface))
    pango_font_description_set_absolute_size (font, size);
  else if (size > 0)
    pango_font_description_set_size (font, size);
  return font;
}

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
        .text = _entente_render_relation_presence (o, label->relation) == ENTENTE_PRESENCE_ENDED ? &pal->ended : &pal->foreground,
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

void
_entente_render_draw_labels (cairo_t                    *cr,
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

      if (_entente_render_entity_opacity (o, i) < 0.5 || _entente_render_left_to_picture (o, focus, i))
        continue;
      _entente_render_node_screen_geometry (o, i, &x, &y, &r);
      if (!_entente_render_node_on_screen (o, x, y, r))
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
      double alpha = (_entente_render_in_focus (focus, i) ? 1.0 : DIMMED_ALPHA) * _entente_render_entity_opacity (o, i);
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
      _entente_render_node_screen_geometry (o, i, &x, &y, &r);
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

      if (_entente_render_entity_presence (o, i) == ENTENTE_PRESENCE_ENDED)
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
  _entente_render_set_color (cr, line == 0 ? &pal->edge : line == 1 ? &pal->reported : &pal->ended, 1.0);
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
  Palette pal = _entente_render_palette_for (dark);

  g_return_if_fail (line <= 2);

  legend_line (cr, &pal, line, x, y);
}

void
_entente_render_draw_legend (cairo_t     *cr,
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
  _entente_render_set_color (cr, &pal->background, 0.9);
  cairo_fill_preserve (cr);
  _entente_render_set_color (cr, &pal->edge, 0.35);
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
          _entente_render_set_color (cr, &c, hidden ? 0.25 : 1.0);
          cairo_fill (cr);
          if (hidden)
            {
              /* A hidden kind is struck out: one click brings it back. */
              _entente_render_set_color (cr, &pal->foreground, 0.6);
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

void
_entente_render_draw_caption (cairo_t                    *cr,
                              const EntenteRenderOptions *o,
                              const Palette              *pal,
                              PangoLayout                *text)
{
  g_autoptr(PangoFontDescription) font = _entente_render_text_font_new (o, CAPTION_POINTS, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) small = _entente_render_label_font_new (o);
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
  font = _entente_render_label_font_new (o);
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
