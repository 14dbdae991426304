/* entente-error-banner.c
 *
 * What went wrong, above the graph: a title, the details (the loader's
 * messages, one a line, selectable) and a button to dismiss them. Hidden
 * once it has slid away, so that its monospace text is not measured with
 * the rest of the window (that would load a font face before the first
 * frame).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-error-banner.h"

struct _EntenteErrorBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkLabel    *message_label;
  GtkWidget   *dismiss_button;
};

G_DEFINE_FINAL_TYPE (EntenteErrorBanner, entente_error_banner, GTK_TYPE_WIDGET)

static void
on_child_revealed (EntenteErrorBanner *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
entente_error_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ENTENTE_TYPE_ERROR_BANNER);

  G_OBJECT_CLASS (entente_error_banner_parent_class)->dispose (object);
}

static void
entente_error_banner_class_init (EntenteErrorBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_error_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-error-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteErrorBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, EntenteErrorBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteErrorBanner, message_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteErrorBanner, dismiss_button);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed);
  gtk_widget_class_bind_template_callback (widget_class, entente_error_banner_dismiss);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "errorbanner");
}

static void
entente_error_banner_init (EntenteErrorBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_tooltip_text (self->dismiss_button, _("Dismiss"));
}

GtkWidget *
entente_error_banner_new (void)
{
  return g_object_new (ENTENTE_TYPE_ERROR_BANNER, NULL);
}

void
entente_error_banner_show (EntenteErrorBanner *self,
                           const char         *title,
                           const char         *message)
{
  g_return_if_fail (ENTENTE_IS_ERROR_BANNER (self));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
entente_error_banner_dismiss (EntenteErrorBanner *self)
{
  g_return_if_fail (ENTENTE_IS_ERROR_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/* The details shown, or NULL when the banner is dismissed. */
const char *
entente_error_banner_get_message (EntenteErrorBanner *self)
{
  g_return_val_if_fail (ENTENTE_IS_ERROR_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->message_label);
}
