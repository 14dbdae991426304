/* entente-legend.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_LEGEND (entente_legend_get_type ())

G_DECLARE_FINAL_TYPE (EntenteLegend, entente_legend, ENTENTE, LEGEND, GtkWidget)

GtkWidget *entente_legend_new (void);

G_END_DECLS
