/* entente-export.c
 *
 * Every format is rendered to memory first and then written in one atomic
 * replace, so a failed export never leaves a half-written file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "entente-export.h"

G_DEFINE_QUARK (entente-export-error-quark, entente_export_error)

typedef enum
{
  FORMAT_NONE,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
  FORMAT_JSON,
} Format;

static Format
format_for (const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  if (g_str_has_suffix (lower, ".png"))
    return FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return FORMAT_PDF;
  if (g_str_has_suffix (lower, ".json"))
    return FORMAT_JSON;
  return FORMAT_NONE;
}

gboolean
entente_export_is_supported (const char *filename)
{
  return format_for (filename) != FORMAT_NONE;
}

/* @filename ending in @extension (".svg"…), the format the reader chose in
 * the dialog: an extension of another format it has is replaced, so that
 * "story.png" saved as an SVG drawing becomes "story.svg". */
char *
entente_export_name_for (const char *filename,
                         const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);
  const char *dot = strrchr (filename, '.');

  g_return_val_if_fail (filename != NULL && extension != NULL, NULL);

  if (g_str_has_suffix (lower, extension))
    return g_strdup (filename);
  if (dot != NULL && strchr (dot, '/') == NULL && format_for (filename) != FORMAT_NONE)
    {
      g_autofree char *stem = g_strndup (filename, dot - filename);
      return g_strconcat (stem, extension, NULL);
    }
  return g_strconcat (filename, extension, NULL);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Written by hand rather than with JsonGenerator, which prints every double
 * with 17 digits: positions need two decimals. */
static GBytes *
render_json (const EntenteRenderOptions *o)
{
  GString *out = g_string_new ("{\n  \"nodes\": [");
  gboolean first = TRUE;

  for (guint i = 0; i < o->layout->n_nodes; i++)
    {
      g_autoptr(JsonNode) id = json_node_init_string (json_node_alloc (), entente_story_get_entity (o->story, i)->id);
      g_autofree char *quoted_id = json_to_string (id, FALSE);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      if (o->time_view && !entente_time_view_shows_entity (o->time_view, i))
        continue;

      g_ascii_formatd (x, sizeof x, "%.2f", o->layout->x[i]);
      g_ascii_formatd (y, sizeof y, "%.2f", o->layout->y[i]);
      g_string_append_printf (out, "%s\n    {\"id\": %s, \"x\": %s, \"y\": %s}",
                              first ? "" : ",", quoted_id, x, y);
      first = FALSE;
    }

  g_string_append (out, "\n  ]\n}\n");
  return g_string_free_to_bytes (out);
}

static void
append_color (GString            *svg,
              const char         *attribute,
              const EntenteColor *c,
              double              alpha)
{
  char opacity[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (opacity, sizeof opacity, "%.3f", alpha);
  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\" %s-opacity=\"%s\"", attribute,
                          (int) (c->r * 255 + 0.5), (int) (c->g * 255 + 0.5), (int) (c->b * 255 + 0.5),
                          attribute, opacity);
}

/* XML 1.0 has no way to write most control characters, even escaped, nor
 * U+FFFE and U+FFFF: they become U+FFFD, so that the file stays XML. */
static char *
xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) safe = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        c = 0xFFFD;
      g_string_append_unichar (safe, c);
    }

  return g_markup_escape_text (safe->str, (gssize) safe->len);
}

/* Cairo's SVG surface writes text as glyph outlines, which nobody can select,
 * search or edit: labels, legend and caption go in as <text> instead. */
static GBytes *
add_svg_texts (GBytes *svg_bytes,
               GArray *texts)
{
  gsize len;
  const char *svg = g_bytes_get_data (svg_bytes, &len);
  g_autoptr(GString) out = g_string_new_len (svg, (gssize) len);
  const char *end = g_strrstr_len (out->str, (gssize) out->len, "</svg>");
  g_autoptr(GString) text = g_string_new ("<g font-family=\"sans-serif\">\n");

  if (end == NULL)
    return g_bytes_ref (svg_bytes);

  for (guint i = 0; i < texts->len; i++)
    {
      const EntenteRenderText *t = &g_array_index (texts, EntenteRenderText, i);
      g_autofree char *escaped = xml_text (t->text);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], size[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.2f", t->x);
      g_ascii_formatd (y, sizeof y, "%.2f", t->y);
      g_ascii_formatd (size, sizeof size, "%.2f", t->size_px);
      /* The halo first, as its own unselectable outline (not every SVG
       * reader knows paint-order), then the text itself. */
      if (t->halo)
        {
          g_string_append_printf (text, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s fill=\"none\"", x, y, size,
                                  t->bold ? " font-weight=\"bold\"" : "");
          append_color (text, "stroke", &t->halo_color, 0.85 * t->alpha);
          g_string_append_printf (text, " stroke-width=\"3.5\" stroke-linejoin=\"round\" aria-hidden=\"true\""
                                  " style=\"user-select:none\">%s</text>\n", escaped);
        }
      g_string_append_printf (text, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s", x, y, size,
                              t->bold ? " font-weight=\"bold\"" : "");
      append_color (text, "fill", &t->color, t->alpha);
      g_string_append_printf (text, ">%s</text>\n", escaped);
    }
  g_string_append (text, "</g>\n");

  g_string_insert (out, end - out->str, text->str);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
render_cairo (const EntenteRenderOptions  *o,
              Format                       format,
              GError                     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GArray) texts = NULL;
  GBytes *bytes;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w = o->viewport->width, h = o->viewport->height;

  if (format == FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (append_to_array, out, w, h);
  else if (format == FORMAT_PDF)
    surface = cairo_pdf_surface_create_for_stream (append_to_array, out, w, h);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);

  cr = cairo_create (surface);
  if (format == FORMAT_SVG)
    {
      EntenteRenderOptions with_texts = *o;

      texts = entente_render_texts_new ();
      with_texts.texts = texts;
      entente_render (cr, &with_texts);
    }
  else
    entente_render (cr, o);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, out);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_RENDER,
                   "could not draw the graph: %s", cairo_status_to_string (status));
      return NULL;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&out));
  if (texts != NULL)
    {
      GBytes *with_texts = add_svg_texts (bytes, texts);
      g_bytes_unref (bytes);
      bytes = with_texts;
    }
  return bytes;
}

gboolean
entente_export_to_file (const EntenteRenderOptions  *options,
                        const char                  *filename,
                        GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  Format format;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = format_for (filename);
  if (format == FORMAT_NONE)
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_FORMAT,
                   "%s: unknown format; the name must end in .png, .svg, .pdf or .json", filename);
      return FALSE;
    }

  if (format == FORMAT_JSON)
    bytes = render_json (options);
  else if (!(bytes = render_cairo (options, format, error)))
    return FALSE;

  /* Atomic: a failed export never leaves a truncated file where a good one
   * was. (g_file_replace_contents() does on GLib 2.74 when a write fails.) */
  if (!g_file_set_contents_full (filename, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE,
                   "%s: %s", filename, local_error->message);
      return FALSE;
    }

  return TRUE;
}
