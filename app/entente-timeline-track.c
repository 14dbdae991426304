/* entente-timeline-track.c
 *
 * Events known to the day are dots; events known only by month or year are
 * bars over that whole span, since the story does not say which day.
 * Reported events are hollow. Clicking an event jumps to it; a click
 * elsewhere moves to that date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-timeline-track.h"

#define YEAR_ROW_HEIGHT 14.0
#define EVENT_ROW_Y     22.0
#define EVENT_RADIUS     4.5
#define TRACK_HEIGHT    34

struct _EntenteTimelineTrack
{
  GtkWidget            parent_instance;

  EntenteStory        *story;
  guint32              first_day;
  guint32              last_day;
  guint32              day;

  EntenteTrackMapping  mapping;
  gpointer             mapping_data;
};

G_DEFINE_FINAL_TYPE (EntenteTimelineTrack, entente_timeline_track, GTK_TYPE_WIDGET)

enum {
  SIGNAL_DAY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ends (EntenteTimelineTrack *self,
      double               *x_first,
      double               *x_last)
{
  if (self->mapping)
    self->mapping (self->mapping_data, x_first, x_last);
  else
    {
      *x_first = 10;
      *x_last = gtk_widget_get_width (GTK_WIDGET (self)) - 10;
    }
}

double
entente_timeline_track_day_to_x (EntenteTimelineTrack *self,
                                 guint32               day)
{
  double x0, x1;

  ends (self, &x0, &x1);
  if (self->last_day <= self->first_day)
    return x0;
  return x0 + (x1 - x0) * ((double) day - self->first_day) / (self->last_day - self->first_day);
}

guint32
entente_timeline_track_x_to_day (EntenteTimelineTrack *self,
                                 double                x)
{
  double x0, x1, share;

  ends (self, &x0, &x1);
  if (x1 <= x0)
    return self->first_day;
  share = CLAMP ((x - x0) / (x1 - x0), 0.0, 1.0);
  return self->first_day + (guint32) (share * (self->last_day - self->first_day) + 0.5);
}

/* The event under x: the nearest whose span (or dot) is within @slack. */
int
entente_timeline_track_event_at (EntenteTimelineTrack *self,
                                 double                x,
                                 double                slack)
{
  int best = -1;
  double best_distance = slack;

  if (self->story == NULL)
    return -1;

  for (guint i = 0; i < entente_story_get_n_events (self->story); i++)
    {
      const EntenteDate *date = &entente_story_get_event (self->story, i)->date;
      double start = entente_timeline_track_day_to_x (self, entente_date_first_day (date));
      double end = entente_timeline_track_day_to_x (self, entente_date_last_day (date));
      double distance = x < start ? start - x : x > end ? x - end : 0;

      /* The more precise event wins where spans overlap. */
      if (distance < best_distance ||
          (distance == best_distance && best >= 0 &&
           date->precision > entente_story_get_event (self->story, best)->date.precision))
        {
          best = (int) i;
          best_distance = distance;
        }
    }

  return best;
}

/* The least of 1, 2, 5, 10, 20, 50… years that cuts @span years into at
 * most @most pieces. */
static guint
nice_step (guint span,
           guint most)
{
  static const guint mantissas[] = { 1, 2, 5 };
  guint power = 1;

  for (guint i = 0;; i = (i + 1) % G_N_ELEMENTS (mantissas))
    {
      guint step = mantissas[i] * power;

      if (span / step <= most || step >= 10000)
        return step;
      if (i == G_N_ELEMENTS (mantissas) - 1)
        power *= 10;
    }
}

static void
draw_track (EntenteTimelineTrack *self,
            cairo_t              *cr,
            int                   width,
            int                   height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  GDate date;
  guint first_year, last_year, year_step, tick_step;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  /* Years: a tick and a label at each January 1st, thinned out on long
   * spans to every 2, 5, 10, 20, 50, 100… years: labels some 56 pixels
   * apart at least, ticks 6 (a story from year 1 to 9999 is not a solid
   * bar of ticks). */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->first_day);
  first_year = g_date_get_year (&date);
  g_date_set_julian (&date, self->last_day);
  last_year = g_date_get_year (&date);
  year_step = nice_step (last_year - first_year, MAX (1, width / 56));
  tick_step = nice_step (last_year - first_year, MAX (1, width / 6));

  for (guint year = (first_year + tick_step - 1) / tick_step * tick_step; year <= last_year; year += tick_step)
    {
      double x;

      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      if (g_date_get_julian (&date) < self->first_day || g_date_get_julian (&date) > self->last_day)
        continue;
      x = entente_timeline_track_day_to_x (self, g_date_get_julian (&date));
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
      cairo_rectangle (cr, round (x), YEAR_ROW_HEIGHT, 1, height - YEAR_ROW_HEIGHT);
      cairo_fill (cr);

      if (year % year_step == 0)
        {
          g_autofree char *text = g_strdup_printf ("%u", year);
          PangoRectangle extents;

          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_extents (layout, NULL, &extents);
          if (x + 3 + extents.width > width)
            continue;
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
          cairo_move_to (cr, x + 3, -1);
          pango_cairo_show_layout (cr, layout);
        }
    }

  /* Events: dots for days, bars for months and years; hollow if reported. */
  for (guint i = 0; i < entente_story_get_n_events (self->story); i++)
    {
      const EntenteEvent *event = entente_story_get_event (self->story, i);
      guint32 start_day = entente_date_first_day (&event->date);
      guint32 end_day = entente_date_last_day (&event->date);
      double x0 = entente_timeline_track_day_to_x (self, start_day);
      double x1 = entente_timeline_track_day_to_x (self, end_day);
      gboolean current = start_day <= self->day && self->day <= end_day;
      gboolean reported = event->status == ENTENTE_STATUS_REPORTED;
      const GdkRGBA *color = current ? &accent : &fg;
      double alpha = current ? 1.0 : 0.7;

      cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
      cairo_set_line_width (cr, 1.5);
      cairo_new_sub_path (cr);
      if (event->date.precision == ENTENTE_DATE_PRECISION_DAY || x1 - x0 < 2 * EVENT_RADIUS)
        cairo_arc (cr, (x0 + x1) / 2, EVENT_ROW_Y, EVENT_RADIUS, 0, 2 * G_PI);
      else
        {
          double r = EVENT_RADIUS * 0.8;
          cairo_arc (cr, x0 + r, EVENT_ROW_Y, r, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (cr, x1 - r, EVENT_ROW_Y, r, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
        }
      if (reported)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }

  /* The date: a needle down the track. */
  {
    double x = entente_timeline_track_day_to_x (self, self->day);
    cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
    cairo_rectangle (cr, round (x) - 1, YEAR_ROW_HEIGHT - 2, 2, height - YEAR_ROW_HEIGHT + 2);
    cairo_fill (cr);
  }
}

/* Drawn into an image, not straight into GTK's node: text in a Cairo node
 * is recorded, and drawn when GTK renders the node in yet another scaled
 * font, which measures each new digit at the font's design size before
 * drawing it at the label's (a dozen font-size switches over the first
 * frame's years, 2.7 M instructions). In an image the digits' metrics are
 * read in one go. */
static void
entente_timeline_track_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  EntenteTimelineTrack *self = ENTENTE_TIMELINE_TRACK (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->story == NULL || self->last_day <= self->first_day || width <= 0 || height <= 0)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw_track (self, cr, width, height);
  cairo_destroy (cr);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
entente_timeline_track_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = TRACK_HEIGHT;
  else
    *minimum = *natural = 200;
}

static gboolean
on_query_tooltip (GtkWidget            *widget,
                  int                   x,
                  int                   y,
                  gboolean              keyboard_mode,
                  GtkTooltip           *tooltip,
                  EntenteTimelineTrack *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int hit = entente_timeline_track_event_at (self, x, 6);
  const EntenteDate *hit_date;

  if (hit < 0)
    return FALSE;

  /* Every event at that date, not just one. */
  hit_date = &entente_story_get_event (self->story, hit)->date;
  for (guint i = 0; i < entente_story_get_n_events (self->story); i++)
    {
      const EntenteEvent *event = entente_story_get_event (self->story, i);
      g_autofree char *date = NULL;

      if (entente_date_compare (&event->date, hit_date) != 0)
        continue;
      date = entente_date_format (&event->date);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (event->status == ENTENTE_STATUS_REPORTED)
        g_string_append_printf (text, _("%s — %s (reported)"), date, entente_text_get (&event->title));
      else
        g_string_append_printf (text, _("%s — %s"), date, entente_text_get (&event->title));
    }

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
on_pressed (GtkGestureClick      *gesture,
            int                   n_press,
            double                x,
            double                y,
            EntenteTimelineTrack *self)
{
  int hit = entente_timeline_track_event_at (self, x, 6);
  guint32 day = hit >= 0 ? entente_date_first_day (&entente_story_get_event (self->story, hit)->date)
                         : entente_timeline_track_x_to_day (self, x);

  if (self->story != NULL)
    g_signal_emit (self, signals[SIGNAL_DAY_CHOSEN], 0, day);
}

static void
entente_timeline_track_dispose (GObject *object)
{
  EntenteTimelineTrack *self = (EntenteTimelineTrack *) object;

  g_clear_object (&self->story);

  G_OBJECT_CLASS (entente_timeline_track_parent_class)->dispose (object);
}

static void
entente_timeline_track_class_init (EntenteTimelineTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_timeline_track_dispose;
  widget_class->snapshot = entente_timeline_track_snapshot;
  widget_class->measure = entente_timeline_track_measure;

  /* The reader clicked a date or an event on the track. */
  signals[SIGNAL_DAY_CHOSEN] =
    g_signal_new ("day-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "timelinetrack");
  /* The scale below carries the value for assistive technologies; the
   * track only draws what the scale cannot. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
entente_timeline_track_init (EntenteTimelineTrack *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

void
entente_timeline_track_set_story (EntenteTimelineTrack *self,
                                  EntenteStory         *story,
                                  guint32               first_day,
                                  guint32               last_day)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_TRACK (self));

  g_set_object (&self->story, story);
  self->first_day = first_day;
  self->last_day = last_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
entente_timeline_track_set_day (EntenteTimelineTrack *self,
                                guint32               day)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_TRACK (self));

  self->day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
entente_timeline_track_set_mapping (EntenteTimelineTrack *self,
                                    EntenteTrackMapping   mapping,
                                    gpointer              user_data)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE_TRACK (self));

  self->mapping = mapping;
  self->mapping_data = user_data;
}
