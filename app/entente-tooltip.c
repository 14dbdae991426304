/* entente-tooltip.c — tooltips that do not hold up the first frame
 *
 * GTK 4.8 asks the display where the pointer is each time a shown widget
 * is given a tooltip: on X11 three round trips to the server, ~0.3 ms
 * apiece while the window is being built, which is when most tooltips are
 * set. A widget that has not been drawn yet gets its tooltip just after
 * its first frame; one already on screen gets it at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-tooltip.h"

#define PENDING_KEY "entente-pending-tooltip"

typedef struct
{
  char *text;
} PendingTooltip;

static void
pending_tooltip_free (gpointer data)
{
  PendingTooltip *pending = data;

  g_free (pending->text);
  g_free (pending);
}

static void
apply_after_paint (GdkFrameClock *clock,
                   GtkWidget     *widget)
{
  PendingTooltip *pending = g_object_steal_data (G_OBJECT (widget), PENDING_KEY);

  g_signal_handlers_disconnect_by_func (clock, apply_after_paint, widget);
  if (pending == NULL)
    return;
  gtk_widget_set_tooltip_text (widget, pending->text);
  pending_tooltip_free (pending);
}

static void
wait_for_paint (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, wait_for_paint, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (apply_after_paint), widget, 0);
}

void
entente_widget_set_tooltip (GtkWidget  *widget,
                            const char *text)
{
  PendingTooltip *pending;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  pending = g_object_get_data (G_OBJECT (widget), PENDING_KEY);
  if (pending != NULL)
    {
      g_free (pending->text);
      pending->text = g_strdup (text);
      return;
    }

  if (gtk_widget_get_mapped (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }

  pending = g_new0 (PendingTooltip, 1);
  pending->text = g_strdup (text);
  g_object_set_data_full (G_OBJECT (widget), PENDING_KEY, pending, pending_tooltip_free);
  g_signal_connect (widget, "map", G_CALLBACK (wait_for_paint), NULL);
}
