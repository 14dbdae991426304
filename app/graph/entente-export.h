/* entente-export.h — the graph as PNG, SVG, PDF or laid-out JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-renderer.h"

G_BEGIN_DECLS

#define ENTENTE_EXPORT_ERROR (entente_export_error_quark ())

typedef enum
{
  ENTENTE_EXPORT_ERROR_FORMAT,
  ENTENTE_EXPORT_ERROR_RENDER,
  ENTENTE_EXPORT_ERROR_WRITE,
} EntenteExportError;

GQuark   entente_export_error_quark (void);
gboolean entente_export_is_supported (const char                 *filename);
char    *entente_export_name_for     (const char                 *filename,
                                      const char                 *extension);
gboolean entente_export_to_file      (const EntenteRenderOptions *options,
                                      const char                 *filename,
                                      GError                    **error);

G_END_DECLS
