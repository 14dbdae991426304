/* entente-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-settings.h"

/* NULL when the schema is not installed (an uninstalled build run without
 * GSETTINGS_SCHEMA_DIR): Entente then works, and remembers nothing, rather
 * than abort as g_settings_new() would. */
GSettings *
entente_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: window and panel state will not be remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
