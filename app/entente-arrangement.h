/* entente-arrangement.h — what the reader made of a story: pinned nodes,
 * the view and the date, saved per story and restored on the next open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ENTENTE_ARRANGEMENT_ERROR (entente_arrangement_error_quark ())

typedef enum
{
  ENTENTE_ARRANGEMENT_ERROR_INVALID,
  ENTENTE_ARRANGEMENT_ERROR_FOREIGN,
} EntenteArrangementError;

typedef struct
{
  char   *entity_id;
  double  x;
  double  y;
} EntentePin;

typedef struct
{
  char     *story_id;
  GArray   *pins;      /* EntentePin */
  gboolean  has_view;
  double    center_x;
  double    center_y;
  double    zoom;
  gboolean  has_day;
  guint32   day;
} EntenteArrangement;

GQuark              entente_arrangement_error_quark (void);
EntenteArrangement *entente_arrangement_new         (const char               *story_id);
void                entente_arrangement_free        (EntenteArrangement       *arrangement);
void                entente_arrangement_add_pin     (EntenteArrangement       *arrangement,
                                                     const char               *entity_id,
                                                     double                    x,
                                                     double                    y);
GBytes             *entente_arrangement_to_bytes    (const EntenteArrangement *arrangement);
EntenteArrangement *entente_arrangement_from_bytes  (GBytes                   *bytes,
                                                     const char               *story_id,
                                                     GError                  **error);
GFile              *entente_arrangement_get_file    (const char               *story_id);
EntenteArrangement *entente_arrangement_load        (const char               *story_id,
                                                     GError                  **error);
gboolean            entente_arrangement_save        (const EntenteArrangement *arrangement,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteArrangement, entente_arrangement_free)

G_END_DECLS
