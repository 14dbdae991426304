/* entente-error-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_ERROR_BANNER (entente_error_banner_get_type ())

G_DECLARE_FINAL_TYPE (EntenteErrorBanner, entente_error_banner, ENTENTE, ERROR_BANNER, GtkWidget)

GtkWidget  *entente_error_banner_new         (void);
void        entente_error_banner_show        (EntenteErrorBanner *self,
                                              const char         *title,
                                              const char         *message);
void        entente_error_banner_dismiss     (EntenteErrorBanner *self);
const char *entente_error_banner_get_message (EntenteErrorBanner *self);

G_END_DECLS
