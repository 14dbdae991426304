/* entente-json-scan.h — the outline of a story file without building it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize start;
  gsize end;
} EntenteJsonRange;

typedef struct
{
  char             *name;
  EntenteJsonRange  value;
  gboolean          is_array;
  GArray           *elements; /* EntenteJsonRange, for arrays */
} EntenteJsonMember;

typedef struct
{
  GPtrArray *members; /* EntenteJsonMember, later duplicates replacing earlier ones */
} EntenteJsonScan;

EntenteJsonScan         *entente_json_scan        (const char            *data,
                                                   gsize                  len);
const EntenteJsonMember *entente_json_scan_lookup (const EntenteJsonScan *scan,
                                                   const char            *name);
void                     entente_json_scan_free   (EntenteJsonScan       *scan);
void                     entente_json_position    (const char            *data,
                                                   gsize                  offset,
                                                   guint                 *line,
                                                   guint                 *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteJsonScan, entente_json_scan_free)

G_END_DECLS
