/* entente-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-settings.h"

/* The installed schema; for a build run where it stands, without
 * installing or GSETTINGS_SCHEMA_DIR, the one compiled in the build tree.
 * Without either Entente cannot remember anything the reader set, and says
 * so rather than run half-way. */
GSettings *
entente_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (ENTENTE_BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is installed neither with Entente nor in its build tree (%s): "
             "run meson install, or set GSETTINGS_SCHEMA_DIR", APP_ID, ENTENTE_BUILD_SCHEMA_DIR);

  return g_settings_new_full (schema, NULL, NULL);
}
