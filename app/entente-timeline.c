/* entente-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-timeline.h"
#include "story/entente-time-filter.h"

/* How near an event a dropped handle must be to land on it, as a share of
 * the whole span, and never more than a fortnight. */
#define SNAP_SHARE     (1.0 / 150.0)
#define SNAP_MAX_DAYS  15
#define STEP_DAYS      30
#define PAGE_DAYS      365

struct _EntenteTimeline
{
  GtkWidget      parent_instance;

  GtkScale      *scale;
  GtkLabel      *date_label;
  GtkLabel      *event_label;

  EntenteStory  *story;
  guint32        day;
  guint32        snap_days;
};

G_DEFINE_FINAL_TYPE (EntenteTimeline, entente_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (EntenteTimeline *self)
{
  g_autofree char *date = NULL;
  g_autoptr(GString) events = g_string_new (NULL);
  EntenteTimeView view;

  if (self->story == NULL)
    {
      gtk_label_set_text (self->date_label, "");
      gtk_label_set_text (self->event_label, "");
      return;
    }

  date = entente_time_label (self->story, self->day);
  gtk_label_set_text (self->date_label, date);

  entente_time_view_init (&view);
  entente_time_view_compute (&view, self->story, self->day, ENTENTE_TIME_MODE_AS_OF);
  for (guint i = view.first_event; i < view.first_event + view.n_events; i++)
    {
      const EntenteEvent *event = entente_story_get_event (self->story, i);

      if (events->len > 0)
        g_string_append (events, " · ");
      if (event->status == ENTENTE_STATUS_REPORTED)
        /* Translators: an event that is only reported, in the timeline. */
        g_string_append_printf (events, _("%s (reported)"), entente_text_get (&event->title));
      else
        g_string_append (events, entente_text_get (&event->title));
    }
  entente_time_view_clear (&view);

  gtk_label_set_text (self->event_label, events->str);

  /* Screen readers announce the date, not a Julian day number. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, date,
                                  -1);
}

static void
on_value_changed (GtkRange        *range,
                  EntenteTimeline *self)
{
  guint32 day = (guint32) gtk_range_get_value (range);

  if (day == self->day)
    return;

  self->day = day;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

static gboolean
on_change_value (GtkRange        *range,
                 GtkScrollType    scroll,
                 double           value,
                 EntenteTimeline *self)
{
  GtkAdjustment *adjustment = gtk_range_get_adjustment (range);
  double clamped;

  if (self->story == NULL)
    return FALSE;

  clamped = CLAMP (value, gtk_adjustment_get_lower (adjustment), gtk_adjustment_get_upper (adjustment));
  gtk_range_set_value (range, entente_time_snap_to_event (self->story, (guint32) clamped, self->snap_days));
  return TRUE;
}

static void
entente_timeline_dispose (GObject *object)
{
  EntenteTimeline *self = (EntenteTimeline *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_TIMELINE);
  /* The template's unnamed row of labels is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (entente_timeline_parent_class)->dispose (object);
}

static void
entente_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntenteTimeline *self = ENTENTE_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EntenteTimeline *self = ENTENTE_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DAY:
      entente_timeline_set_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_timeline_class_init (EntenteTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_timeline_dispose;
  object_class->get_property = entente_timeline_get_property;
  object_class->set_property = entente_timeline_set_property;

  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, scale);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, date_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, event_label);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_change_value);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
entente_timeline_init (EntenteTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_timeline_new (void)
{
  return g_object_new (ENTENTE_TYPE_TIMELINE, NULL);
}

static void
add_marks (EntenteTimeline *self,
           guint32          first_day,
           guint32          last_day)
{
  GDate date;
  guint first_year, last_year, year_step;

  for (guint i = 0; i < entente_story_get_n_events (self->story); i++)
    {
      const EntenteEvent *event = entente_story_get_event (self->story, i);
      gtk_scale_add_mark (self->scale, entente_date_first_day (&event->date), GTK_POS_TOP, NULL);
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first_day);
  first_year = g_date_get_year (&date);
  g_date_set_julian (&date, last_day);
  last_year = g_date_get_year (&date);
  year_step = last_year - first_year > 40 ? 10 : last_year - first_year > 16 ? 2 : 1;

  for (guint year = first_year; year <= last_year; year++)
    {
      g_autofree char *text = NULL;

      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      if (g_date_get_julian (&date) < first_day || year % year_step != 0)
        continue;
      text = g_strdup_printf ("%u", year);
      gtk_scale_add_mark (self->scale, g_date_get_julian (&date), GTK_POS_BOTTOM, text);
    }
}

void
entente_timeline_set_story (EntenteTimeline *self,
                            EntenteStory    *story)
{
  guint32 first_day = 0, last_day = 0;

  g_return_if_fail (ENTENTE_IS_TIMELINE (self));

  g_set_object (&self->story, story);
  gtk_scale_clear_marks (self->scale);

  if (story == NULL || !entente_story_get_date_range (story, &first_day, &last_day))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->scale), FALSE);
      self->day = G_MAXUINT32;
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), TRUE);
  self->snap_days = MIN (SNAP_MAX_DAYS, (guint32) ((last_day - first_day) * SNAP_SHARE));

  /* Set the range with the handle at the end, then announce the new day. */
  g_signal_handlers_block_by_func (self->scale, on_value_changed, self);
  gtk_range_set_range (GTK_RANGE (self->scale), first_day, MAX (last_day, first_day + 1));
  gtk_range_set_increments (GTK_RANGE (self->scale), STEP_DAYS, PAGE_DAYS);
  gtk_range_set_value (GTK_RANGE (self->scale), last_day);
  g_signal_handlers_unblock_by_func (self->scale, on_value_changed, self);

  add_marks (self, first_day, last_day);

  self->day = last_day;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

guint32
entente_timeline_get_day (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), 0);
  return self->day;
}

void
entente_timeline_set_day (EntenteTimeline *self,
                          guint32          day)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE (self));

  gtk_range_set_value (GTK_RANGE (self->scale), day);
}

const char *
entente_timeline_get_label (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), NULL);
  return gtk_label_get_text (self->date_label);
}

GtkRange *
entente_timeline_get_range (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), NULL);
  return GTK_RANGE (self->scale);
}
