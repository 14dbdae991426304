/* entente-graph-menu.h — what the graph's context menu offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "graph/entente-layout.h"
#include "story/entente-story.h"

G_BEGIN_DECLS

GMenuModel *entente_graph_menu_new (EntenteStory        *story,
                                    const EntenteLayout *layout,
                                    int                  entity);

G_END_DECLS
