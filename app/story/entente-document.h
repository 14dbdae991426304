/* entente-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-story.h"

G_BEGIN_DECLS

#define ENTENTE_DOCUMENT_ERROR (entente_document_error_quark ())

typedef enum
{
  ENTENTE_DOCUMENT_ERROR_INVALID,
} EntenteDocumentError;

/* What an edit touched, as the "changed" signal says it. */
typedef enum
{
  ENTENTE_ITEM_SOURCE,
  ENTENTE_ITEM_ENTITY,
  ENTENTE_ITEM_RELATION,
  ENTENTE_ITEM_QUOTE,
  ENTENTE_ITEM_EVENT,
} EntenteItemKind;

typedef enum
{
  ENTENTE_EDIT_ADDED,
  ENTENTE_EDIT_REMOVED,
  ENTENTE_EDIT_CHANGED,
} EntenteEditKind;

#define ENTENTE_TYPE_DOCUMENT (entente_document_get_type ())

G_DECLARE_FINAL_TYPE (EntenteDocument, entente_document, ENTENTE, DOCUMENT, GObject)

GQuark           entente_document_error_quark      (void);

EntenteDocument *entente_document_new              (EntenteStory      *story,
                                                    GFile             *file);
EntenteStory    *entente_document_get_story        (EntenteDocument   *self);
GFile           *entente_document_get_file         (EntenteDocument   *self);
void             entente_document_set_file         (EntenteDocument   *self,
                                                    GFile             *file);
gboolean         entente_document_get_modified     (EntenteDocument   *self);
void             entente_document_set_modified     (EntenteDocument   *self,
                                                    gboolean           modified);

int              entente_document_add_entity       (EntenteDocument   *self,
                                                    EntenteEntityKind  kind,
                                                    const char        *name,
                                                    GError           **error);
gboolean         entente_document_set_entity_name  (EntenteDocument   *self,
                                                    guint              entity,
                                                    const char        *language,
                                                    const char        *name,
                                                    GError           **error);
gboolean         entente_document_set_entity_kind  (EntenteDocument   *self,
                                                    guint              entity,
                                                    EntenteEntityKind  kind,
                                                    GError           **error);
gboolean         entente_document_remove_entity    (EntenteDocument   *self,
                                                    guint              entity,
                                                    GError           **error);
int              entente_document_add_relation     (EntenteDocument   *self,
                                                    guint              from,
                                                    guint              to,
                                                    const char        *kind,
                                                    const char        *label,
                                                    EntenteStatus      status,
                                                    GError           **error);
gboolean         entente_document_remove_relation  (EntenteDocument   *self,
                                                    guint              relation,
                                                    GError           **error);

G_END_DECLS
