/* entente-legend.c
 *
 * The graph's key, laid over its bottom left corner as real widgets: each
 * kind a toggle button bound to its win.show-* action (so the keyboard
 * reaches it and a screen reader says "Person, toggle button, pressed"),
 * a hidden kind dimmed and struck out; then the three line styles. The
 * swatches are drawn by the renderer, as in the picture and in exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-legend.h"
#include "graph/entente-renderer.h"
#include "story/entente-story.h"

#define SWATCH_SIZE 20

struct _EntenteLegend
{
  GtkWidget  parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (EntenteLegend, entente_legend, GTK_TYPE_WIDGET)

static const char * const show_kind_actions[ENTENTE_N_ENTITY_KINDS] = {
  "win.show-person", "win.show-company", "win.show-product", "win.show-organization",
};

static gboolean
is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return (0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue) > 0.5;
}

/* A kind's shape in its colour; data: the kind, and the toggle it is in. */
static void
draw_kind (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  EntenteEntityKind kind = GPOINTER_TO_UINT (data);
  GtkWidget *toggle = gtk_widget_get_ancestor (GTK_WIDGET (area), GTK_TYPE_TOGGLE_BUTTON);
  gboolean shown = toggle == NULL || gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
  EntenteColor c = entente_kind_color (kind, is_dark (GTK_WIDGET (area)));

  entente_render_kind_shape (cr, kind, width / 2.0, height / 2.0, 6.5);
  cairo_set_source_rgba (cr, c.r, c.g, c.b, shown ? 1.0 : 0.25);
  cairo_fill (cr);
}

static void
draw_line (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  entente_render_legend_line (cr, GPOINTER_TO_UINT (data), (width - 20) / 2.0, height / 2.0,
                              is_dark (GTK_WIDGET (area)));
}

static GtkWidget *
row_new (GtkDrawingAreaDrawFunc  draw,
         guint                   which,
         const char             *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw, GUINT_TO_POINTER (which), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

/* A kind hidden: its swatch dimmed, its name struck out, as in exports. */
static void
on_kind_toggled (GtkToggleButton *toggle,
                 GParamSpec      *pspec,
                 GtkWidget       *swatch)
{
  if (gtk_toggle_button_get_active (toggle))
    gtk_widget_remove_css_class (GTK_WIDGET (toggle), "hidden-kind");
  else
    gtk_widget_add_css_class (GTK_WIDGET (toggle), "hidden-kind");
  gtk_widget_queue_draw (swatch);
}

static void
entente_legend_dispose (GObject *object)
{
  EntenteLegend *self = (EntenteLegend *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (entente_legend_parent_class)->dispose (object);
}

static void
entente_legend_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  EntenteLegend *self = ENTENTE_LEGEND (widget);

  GTK_WIDGET_CLASS (entente_legend_parent_class)->css_changed (widget, change);

  /* Light or dark: the swatches' colours follow. */
  for (GtkWidget *row = gtk_widget_get_first_child (self->box); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *inner = GTK_IS_TOGGLE_BUTTON (row) ? gtk_button_get_child (GTK_BUTTON (row)) : row;

      gtk_widget_queue_draw (gtk_widget_get_first_child (inner));
    }
}

static void
entente_legend_class_init (EntenteLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_legend_dispose;
  widget_class->css_changed = entente_legend_css_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
entente_legend_init (EntenteLegend *self)
{
  const char *line_labels[] = {
    C_("legend", "Confirmed"),
    C_("legend", "Reported"),
    C_("legend", "Ended"),
  };

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);

  for (guint k = 0; k < ENTENTE_N_ENTITY_KINDS; k++)
    {
      GtkWidget *row = row_new (draw_kind, k, entente_entity_kind_get_label (k));
      GtkWidget *toggle = gtk_toggle_button_new ();

      gtk_button_set_child (GTK_BUTTON (toggle), row);
      gtk_widget_add_css_class (toggle, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), show_kind_actions[k]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entente_entity_kind_get_label (k), -1);
      gtk_widget_set_tooltip_text (toggle, _("Show or hide this kind"));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_kind_toggled), gtk_widget_get_first_child (row));
      gtk_box_append (GTK_BOX (self->box), toggle);
    }

  for (guint line = 0; line < G_N_ELEMENTS (line_labels); line++)
    {
      GtkWidget *row = row_new (draw_line, line, line_labels[line]);

      gtk_widget_add_css_class (row, "line-style");
      gtk_box_append (GTK_BOX (self->box), row);
    }
}

GtkWidget *
entente_legend_new (void)
{
  return g_object_new (ENTENTE_TYPE_LEGEND, NULL);
}
