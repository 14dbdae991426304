/* entente-cli.c
 *
 * The command-line modes work without GTK so that they run on servers and in
 * CI; they share the loader and the renderer with the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-cli.h"
#include "entente-i18n.h"
#include "graph/entente-export.h"
#include "story/entente-file-reading.h"
#include "story/entente-story-loader.h"
#include "story/entente-text.h"
#include "story/entente-time-filter.h"

#define DEFAULT_WIDTH  1600
#define DEFAULT_HEIGHT 1000
/* 8192 × 8192 pixels are 256 MiB of image; 16384 would be a gigabyte. */
#define MAX_SIDE       8192

G_GNUC_PRINTF (1, 2)
static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = entente_escape_controls (message);
  g_printerr ("%s\n", escaped);
}

gboolean
entente_cli_wanted (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--validate") || g_str_has_prefix (argv[i], "--export"))
        return TRUE;
    }

  return FALSE;
}

static int
validate (char **files)
{
  int status = 0;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("--validate needs at least one story file"));
      return 2;
    }

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntenteStory) story = entente_story_load_from_file (file, NULL, &error);

      g_autofree char *name = entente_escape_controls (files[i]);

      if (story == NULL)
        {
          print_error ("%s", error->message);
          status = 1;
          continue;
        }

      {
        guint n_entities = entente_story_get_n_entities (story);
        guint n_relations = entente_story_get_n_relations (story);
        guint n_quotes = entente_story_get_n_quotes (story);
        guint n_events = entente_story_get_n_events (story);
        g_autofree char *entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
        g_autofree char *relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
        g_autofree char *quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n_quotes), n_quotes);
        g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);

        /* Translators: the report of --validate for a good file: its name,
         * then its entities, relations, quotes and events counted. */
        g_print (_("%s: ok (%s, %s, %s, %s)\n"), name, entities, relations, quotes, events);
      }
    }

  return status;
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  char *end = NULL;
  gint64 w, h;

  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;
  if (w < 16 || h < 16 || w > MAX_SIDE || h > MAX_SIDE)
    return FALSE;

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static int
export (const char  *output,
        const char  *date_text,
        const char  *size_text,
        char       **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteStory) story = NULL;
  g_autoptr(EntenteLayout) layout = NULL;
  g_autofree char *date_label = NULL;
  g_autofree char *caption = NULL;
  EntenteTimeView time_view;
  EntenteRenderOptions options;
  EntenteViewport viewport;
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
  guint32 first_day = 0, last_day = 0, day;
  double x0, y0, x1, y1;
  gboolean ok;

  if (!entente_export_is_supported (output))
    {
      print_error (_("%s: unknown export format; use a name ending in .png, .svg, .pdf or .json"), output);
      return 2;
    }

  if (size_text && !parse_size (size_text, &width, &height))
    {
      print_error (_("--size: “%s” is not a size such as 1600x1000 (each side from 16 to %d)"),
                   size_text, MAX_SIDE);
      return 2;
    }

  if (files && files[0] && files[1])
    {
      g_printerr ("%s\n", _("--export takes at most one story file"));
      return 2;
    }

  if (files && files[0] && entente_same_file (files[0], output))
    {
      print_error (_("%s: the export would overwrite the story it is made from; choose another name"), output);
      return 2;
    }

  if (files && files[0])
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[0]);
      story = entente_story_load_from_file (file, NULL, &error);
    }
  else
    story = entente_story_load_bundled (&error);

  if (story == NULL)
    {
      print_error ("%s", error->message);
      return 1;
    }

  entente_story_get_date_range (story, &first_day, &last_day);
  day = last_day;
  if (date_text)
    {
      g_autofree char *problem = NULL;
      EntenteDate date;

      if (!entente_date_parse (date_text, &date, &problem))
        {
          print_error ("--date: %s", problem);
          return 2;
        }
      day = entente_date_first_day (&date);
    }

  layout = entente_layout_new (story, ENTENTE_LAYOUT_DEFAULT_SEED);
  entente_layout_run (layout);

  entente_time_view_init (&time_view);
  entente_time_view_compute (&time_view, story, day, ENTENTE_TIME_MODE_AS_OF);

  entente_viewport_init (&viewport, width, height);
  entente_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  entente_viewport_fit_insets (&viewport, x0, y0, x1, y1,
                               ENTENTE_RENDER_LEGEND_INSET + ENTENTE_RENDER_LABEL_OVERHANG / 2,
                               ENTENTE_RENDER_CAPTION_INSET,
                               ENTENTE_RENDER_LABEL_OVERHANG, 16);

  /* Translators: the caption under the story title in exported images. */
  if (entente_story_get_date_range (story, NULL, NULL))
    {
      date_label = entente_time_label (story, day);
      caption = g_strdup_printf (_("As of %s"), date_label);
    }

  entente_render_options_init (&options);
  options.story = story;
  options.layout = layout;
  options.viewport = &viewport;
  options.time_view = &time_view;
  options.paint_background = TRUE;
  options.caption_title = entente_text_get (entente_story_get_title (story));
  options.caption_subtitle = caption;

  ok = entente_export_to_file (&options, output, &error);
  entente_time_view_clear (&time_view);

  if (!ok)
    {
      print_error ("%s", error->message);
      return 1;
    }

  return 0;
}

int
entente_cli_run (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *language = NULL;
  gboolean validate_mode = FALSE;
  GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate_mode, N_("Check story files and report every problem"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, N_("Render the graph to a .png, .svg, .pdf or .json file"), N_("OUT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Show the story as of this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text, N_("Image size in pixels, such as 1600x1000"), N_("WxH") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of the labels, such as en or fr"), N_("LL") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return 2;
    }

  if (language)
    {
      g_setenv ("LANGUAGE", language, TRUE);
      entente_i18n_init ();
    }

  if (validate_mode && export_path)
    {
      g_printerr ("%s\n", _("--validate and --export cannot be used together"));
      return 2;
    }

  if (validate_mode)
    return validate (files);

  return export (export_path, date_text, size_text, files);
}
