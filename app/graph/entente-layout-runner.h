/* entente-layout-runner.h — the layout on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-layout.h"

G_BEGIN_DECLS

typedef struct _EntenteLayoutRunner EntenteLayoutRunner;

EntenteLayoutRunner *entente_layout_runner_new      (EntenteStory        *story,
                                                     guint32              seed,
                                                     const EntenteLayout *start);
void                 entente_layout_runner_start    (EntenteLayoutRunner *runner);
gboolean             entente_layout_runner_is_started (EntenteLayoutRunner *runner);
void                 entente_layout_runner_free     (EntenteLayoutRunner *runner);
gboolean             entente_layout_runner_fetch    (EntenteLayoutRunner *runner,
                                                     EntenteLayout       *display,
                                                     gboolean            *finished);
void                 entente_layout_runner_pin      (EntenteLayoutRunner *runner,
                                                     guint                node,
                                                     double               x,
                                                     double               y);
void                 entente_layout_runner_unpin    (EntenteLayoutRunner *runner,
                                                     guint                node);
void                 entente_layout_runner_restart  (EntenteLayoutRunner *runner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteLayoutRunner, entente_layout_runner_free)

G_END_DECLS
