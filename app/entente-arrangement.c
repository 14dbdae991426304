/* entente-arrangement.c
 *
 * Stored as JSON under $XDG_DATA_HOME/entente/arrangements/, one file per
 * story id, replaced atomically. A file that is corrupt or belongs to
 * another story is refused with an error, never half-applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "entente-arrangement.h"
#include "story/entente-date.h"
#include "story/entente-file-reading.h"
#include "story/entente-json-reader.h"

#define FORMAT_VERSION   1
#define MAX_FILE_SIZE    (16 * 1024 * 1024)
#define MAX_COORDINATE   1e9

G_DEFINE_QUARK (entente-arrangement-error-quark, entente_arrangement_error)

static void
pin_clear (gpointer data)
{
  g_free (((EntentePin *) data)->entity_id);
}

EntenteArrangement *
entente_arrangement_new (const char *story_id)
{
  EntenteArrangement *arrangement = g_new0 (EntenteArrangement, 1);

  g_return_val_if_fail (story_id != NULL, NULL);

  arrangement->story_id = g_strdup (story_id);
  arrangement->pins = g_array_new (FALSE, TRUE, sizeof (EntentePin));
  g_array_set_clear_func (arrangement->pins, pin_clear);
  arrangement->zoom = 1.0;
  return arrangement;
}

void
entente_arrangement_free (EntenteArrangement *arrangement)
{
  if (arrangement == NULL)
    return;

  g_free (arrangement->story_id);
  g_array_unref (arrangement->pins);
  g_free (arrangement);
}

void
entente_arrangement_add_pin (EntenteArrangement *arrangement,
                             const char         *entity_id,
                             double              x,
                             double              y)
{
  EntentePin pin = { g_strdup (entity_id), x, y };

  g_array_append_val (arrangement->pins, pin);
}

static void
add_double_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

GBytes *
entente_arrangement_to_bytes (const EntenteArrangement *arrangement)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entente-arrangement");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "story");
  json_builder_add_string_value (builder, arrangement->story_id);

  json_builder_set_member_name (builder, "pins");
  json_builder_begin_array (builder);
  for (guint i = 0; i < arrangement->pins->len; i++)
    {
      const EntentePin *pin = &g_array_index (arrangement->pins, EntentePin, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pin->entity_id);
      add_double_member (builder, "x", pin->x);
      add_double_member (builder, "y", pin->y);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (arrangement->has_view)
    {
      json_builder_set_member_name (builder, "view");
      json_builder_begin_object (builder);
      add_double_member (builder, "x", arrangement->center_x);
      add_double_member (builder, "y", arrangement->center_y);
      add_double_member (builder, "zoom", arrangement->zoom);
      json_builder_end_object (builder);
    }

  if (arrangement->has_day)
    {
      EntenteDate date = entente_date_from_day (arrangement->day, ENTENTE_DATE_PRECISION_DAY);
      g_autofree char *iso = entente_date_to_iso (&date);

      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, iso);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}

static gboolean
read_number (JsonObject *object,
             const char *member,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;

  *out = json_node_get_double (node);
  return isfinite (*out) && fabs (*out) <= MAX_COORDINATE;
}

static gpointer
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, ENTENTE_ARRANGEMENT_ERROR, ENTENTE_ARRANGEMENT_ERROR_INVALID,
               /* Translators: %s says what is wrong with the file. */
               _("the saved arrangement is damaged: %s"), what);
  return NULL;
}

EntenteArrangement *
entente_arrangement_from_bytes (GBytes      *bytes,
                                const char  *story_id,
                                GError     **error)
{
  g_autoptr(EntenteArrangement) arrangement = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize len;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (story_id != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len == 0 || len > MAX_FILE_SIZE || !g_utf8_validate_len (data, len, NULL))
    return invalid (error, _("not a JSON text file of a sensible size"));

  root = entente_json_read (data, len, &json_error);
  if (root == NULL)
    return invalid (error, json_error->message);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("not a JSON object"));
  object = json_node_get_object (root);

  node = json_object_get_member (object, "entente-arrangement");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != FORMAT_VERSION)
    return invalid (error, _("unknown format version"));

  node = json_object_get_member (object, "story");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, _("no story id"));
  if (!g_str_equal (json_node_get_string (node), story_id))
    {
      g_set_error (error, ENTENTE_ARRANGEMENT_ERROR, ENTENTE_ARRANGEMENT_ERROR_FOREIGN,
                   _("the saved arrangement belongs to another story (“%s”)"), json_node_get_string (node));
      return NULL;
    }

  arrangement = entente_arrangement_new (story_id);

  node = json_object_get_member (object, "pins");
  if (node != NULL)
    {
      JsonArray *pins;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, _("the pins are not a list"));
      pins = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (pins); i++)
        {
          JsonNode *element = json_array_get_element (pins, i);
          JsonObject *pin;
          JsonNode *id;
          double x, y;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            return invalid (error, _("a pin is not an object"));
          pin = json_node_get_object (element);
          id = json_object_get_member (pin, "id");
          if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING ||
              !read_number (pin, "x", &x) || !read_number (pin, "y", &y))
            return invalid (error, _("a pin has no id or no position"));
          entente_arrangement_add_pin (arrangement, json_node_get_string (id), x, y);
        }
    }

  node = json_object_get_member (object, "view");
  if (node != NULL)
    {
      JsonObject *view;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, _("the view is not an object"));
      view = json_node_get_object (node);
      if (!read_number (view, "x", &arrangement->center_x) ||
          !read_number (view, "y", &arrangement->center_y) ||
          !read_number (view, "zoom", &arrangement->zoom) ||
          arrangement->zoom <= 0)
        return invalid (error, _("the view has no valid centre or zoom"));
      arrangement->has_view = TRUE;
    }

  node = json_object_get_member (object, "date");
  if (node != NULL)
    {
      EntenteDate date;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !entente_date_parse (json_node_get_string (node), &date, NULL))
        return invalid (error, _("the date is not a date"));
      arrangement->day = entente_date_first_day (&date);
      arrangement->has_day = TRUE;
    }

  return g_steal_pointer (&arrangement);
}

/* Story ids are free text: escape them into a file name, and hash the
 * very long ones. */
GFile *
entente_arrangement_get_file (const char *story_id)
{
  g_autofree char *escaped = g_uri_escape_string (story_id, NULL, FALSE);
  g_autofree char *name = NULL;

  if (strlen (escaped) > 120 || *escaped == '.' || *escaped == '\0')
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, story_id, -1);
      name = g_strconcat (hash, ".json", NULL);
    }
  else
    name = g_strconcat (escaped, ".json", NULL);

  return g_file_new_build_filename (g_get_user_data_dir (), "entente", "arrangements", name, NULL);
}

/* The file that could not be read is kept beside, not overwritten by the
 * next save: it may be the only copy of someone's careful arrangement. */
static void
keep_aside (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);

  if (g_rename (path, backup) != 0)
    g_warning ("Could not keep the unreadable arrangement as %s: %s", backup, g_strerror (errno));
}

/* Returns NULL without an error when nothing was saved for the story. A
 * file that cannot be read is moved aside as FILE.bak, and the error
 * says so. */
EntenteArrangement *
entente_arrangement_load (const char  *story_id,
                          GError     **error)
{
  g_autoptr(GFile) file = entente_arrangement_get_file (story_id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = entente_file_load_bounded (file, MAX_FILE_SIZE, NULL, &local_error);
  g_autoptr(EntenteArrangement) arrangement = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (bytes == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return NULL;

  if (bytes != NULL)
    arrangement = entente_arrangement_from_bytes (bytes, story_id, &local_error);
  if (arrangement != NULL)
    return g_steal_pointer (&arrangement);

  keep_aside (file);
  g_set_error (error, ENTENTE_ARRANGEMENT_ERROR, ENTENTE_ARRANGEMENT_ERROR_INVALID,
               /* Translators: %s is a file's path, then what is wrong with it. */
               _("%s: %s (kept as %s.bak)"), path, local_error->message, path);
  return NULL;
}

/* Written to a temporary file, synced and renamed over the old one, so a
 * failure at any point leaves the previous arrangement whole. Not
 * g_file_replace_contents(): on GLib 2.74 a failed write still renames the
 * partial file into place when the stream is released. */
gboolean
entente_arrangement_save (const EntenteArrangement  *arrangement,
                          GError                   **error)
{
  g_autoptr(GFile) file = entente_arrangement_get_file (arrangement->story_id);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = entente_arrangement_to_bytes (arrangement);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
