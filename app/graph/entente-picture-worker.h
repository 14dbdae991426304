/* entente-picture-worker.h — the graph's picture drawn on a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-renderer.h"

G_BEGIN_DECLS

typedef struct _EntentePictureWorker EntentePictureWorker;

EntentePictureWorker *entente_picture_worker_new     (void);
void                  entente_picture_worker_free    (EntentePictureWorker       *worker);
gboolean              entente_picture_worker_is_busy (EntentePictureWorker       *worker);
void                  entente_picture_worker_draw    (EntentePictureWorker       *worker,
                                                      const EntenteRenderOptions *options,
                                                      PangoContext               *fonts_like,
                                                      int                         width,
                                                      int                         height,
                                                      int                         scale,
                                                      gpointer                    source_object,
                                                      GCancellable               *cancellable,
                                                      GAsyncReadyCallback         callback,
                                                      gpointer                    user_data);
cairo_surface_t      *entente_picture_worker_finish  (EntentePictureWorker       *worker,
                                                      GAsyncResult               *result,
                                                      EntenteViewport            *viewport,
                                                      double                    **names_placed,
                                                      GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntentePictureWorker, entente_picture_worker_free)

G_END_DECLS
