/* entente-error-banner.c
 *
 * What went wrong, above the graph: a title, a sentence, the details (the
 * loader's messages, one a line, selectable) behind an expander when there
 * are several, and a button to dismiss them. Hidden
 * once it has slid away, so that its monospace text is not measured with
 * the rest of the window (that would load a font face before the first
 * frame).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-error-banner.h"

struct _EntenteErrorBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkLabel    *summary_label;
  GtkExpander *details_expander;
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
  gtk_widget_class_bind_template_child (widget_class, EntenteErrorBanner, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteErrorBanner, details_expander);
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

  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint n_problems = n_lines;
  const char *last = n_lines > 1 ? lines[n_lines - 1] : NULL;

  /* The loader's last line may say how many more it left out
   * ("… and 4950 more problems"): count those too. */
  if (last != NULL && strstr (last, "…") != NULL)
    {
      const char *p = last + strlen (last);

      while (p > last && !g_ascii_isdigit (p[-1]))
        p--;
      while (p > last && g_ascii_isdigit (p[-1]))
        p--;
      if (g_ascii_isdigit (*p))
        n_problems = n_lines - 1 + (guint) g_ascii_strtoull (p, NULL, 10);
    }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->message_label, message);
  /* One problem reads in full; several are summed up, the exact list
   * (file, line:column, JSON path) a click away, so that fifty problems
   * do not push the graph down the window. */
  if (n_lines <= 1)
    {
      gtk_label_set_text (self->summary_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->details_expander), FALSE);
    }
  else
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem, the first: %s",
                                                               "%u problems, the first: %s", n_problems),
                                                  n_problems, lines[0]);

      gtk_label_set_text (self->summary_label, summary);
      gtk_expander_set_expanded (self->details_expander, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->details_expander), TRUE);
    }
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
