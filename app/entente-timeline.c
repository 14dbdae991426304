/* entente-timeline.c
 *
 * A drawn track (years, events, the date) over a GtkScale that carries the
 * value, the keyboard and the accessible slider. Play replays the story
 * event by event with the frame clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-timeline.h"
#include "entente-timeline-track.h"
#include "graph/entente-viewport.h"
#include "story/entente-time-filter.h"

/* How near an event a dropped handle must be to land on it, as a share of
 * the whole span, and never more than a fortnight. */
#define SNAP_SHARE     (1.0 / 150.0)
#define SNAP_MAX_DAYS  15
#define STEP_DAYS      30
#define PAGE_DAYS      365
#define MOVE_USEC      (900 * 1000)
#define DWELL_USEC     (1800 * 1000)

typedef enum
{
  PLAY_STOPPED,
  PLAY_MOVING,
  PLAY_DWELLING,
} PlayPhase;

struct _EntenteTimeline
{
  GtkWidget             parent_instance;

  GtkWidget            *header;
  GtkButton            *play_button;
  GtkLabel             *date_label;
  GtkLabel             *event_label;
  GtkInscription       *event_description;
  GtkToggleButton      *as_of_button;
  GtkToggleButton      *all_button;
  EntenteTimelineTrack *track;
  GtkScale             *scale;
  EntenteReadingState  *state;
  GBinding             *day_binding;
  GBinding             *mode_binding;

  EntenteStory         *story;
  guint32               day;
  guint32               snap_days;
  EntenteTimeMode       mode;

  PlayPhase             phase;
  guint                 tick;
  gint64                phase_start;
  guint32               move_from;
  guint32               move_to;
};

G_DEFINE_FINAL_TYPE (EntenteTimeline, entente_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_MODE,
  PROP_PLAYING,
  PROP_READING_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (EntenteTimeline *self)
{
  g_autofree char *date = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GString) descriptions = g_string_new (NULL);
  guint first, n;

  entente_timeline_track_set_day (self->track, self->day);

  /* A story without dates has no date to show. */
  if (self->story == NULL || !entente_story_get_date_range (self->story, NULL, NULL))
    {
      gtk_label_set_text (self->date_label, "");
      gtk_label_set_text (self->event_label, "");
      gtk_inscription_set_text (self->event_description, NULL);
      return;
    }

  date = entente_time_label (self->story, self->day);
  gtk_label_set_text (self->date_label, date);

  entente_time_events_at (self->story, self->day, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      const EntenteEvent *event = entente_story_get_event (self->story, i);

      if (titles->len > 0)
        g_string_append (titles, " · ");
      if (event->status == ENTENTE_STATUS_REPORTED)
        /* Translators: an event that is only reported, in the timeline. */
        g_string_append_printf (titles, _("%s (reported)"), entente_text_get (&event->title));
      else
        g_string_append (titles, entente_text_get (&event->title));

      if (ENTENTE_TEXT_IS_SET (&event->description))
        {
          if (descriptions->len > 0)
            g_string_append_c (descriptions, ' ');
          g_string_append (descriptions, entente_text_get (&event->description));
        }
    }

  gtk_label_set_text (self->event_label, titles->str);
  gtk_inscription_set_text (self->event_description, descriptions->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_description), descriptions->len ? descriptions->str : NULL);

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
on_track_day_chosen (EntenteTimelineTrack *track,
                     guint                 day,
                     EntenteTimeline      *self)
{
  gtk_range_set_value (GTK_RANGE (self->scale), day);
  gtk_widget_grab_focus (GTK_WIDGET (self->scale));
}

/* Left and Right go from event to event; the scale keeps Page Up/Down (a
 * year), Home and End. */
static gboolean
on_scale_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      EntenteTimeline       *self)
{
  guint32 day;

  if (self->story == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)))
    return FALSE;

  if ((keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) &&
      entente_time_next_event_day (self->story, self->day, &day))
    {
      gtk_range_set_value (GTK_RANGE (self->scale), day);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) &&
      entente_time_previous_event_day (self->story, self->day, &day))
    {
      gtk_range_set_value (GTK_RANGE (self->scale), day);
      return TRUE;
    }

  return FALSE;
}

static GtkWidget *
find_css_node (GtkWidget  *widget,
               const char *name)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), name))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css_node (child, name);
      if (found)
        return found;
    }

  return NULL;
}

/* Lines the track up with the scale: the first and last day sit where the
 * handle's centre is at either end of the trough. */
static void
track_mapping (gpointer  user_data,
               double   *x_first,
               double   *x_last)
{
  EntenteTimeline *self = user_data;
  GtkWidget *slider = find_css_node (GTK_WIDGET (self->scale), "slider");
  double half = slider ? gtk_widget_get_width (slider) / 2.0 : 10.0;
  double scale_x = 0, scale_y = 0, track_x = 0, track_y = 0;
  GdkRectangle trough;

  gtk_range_get_range_rect (GTK_RANGE (self->scale), &trough);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->scale), GTK_WIDGET (self), 0, 0, &scale_x, &scale_y);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->track), GTK_WIDGET (self), 0, 0, &track_x, &track_y);

  *x_first = scale_x - track_x + trough.x + half;
  *x_last = scale_x - track_x + trough.x + trough.width - half;
}

static void
set_play_button (EntenteTimeline *self,
                 gboolean         playing)
{
  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, playing ? _("Pause") : _("Play"),
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                              playing ? _("Pause the replay") : _("Replay the story from its first event"));
}

static gboolean
play_tick (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  EntenteTimeline *self = ENTENTE_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  guint32 next;

  if (self->phase == PLAY_MOVING)
    {
      double t = MIN (1.0, (now - self->phase_start) / (double) MOVE_USEC);
      double day = self->move_from + entente_ease_in_out (t) * ((double) self->move_to - self->move_from);

      gtk_range_set_value (GTK_RANGE (self->scale), t >= 1.0 ? self->move_to : (guint32) day);
      if (t >= 1.0)
        {
          self->phase = PLAY_DWELLING;
          self->phase_start = now;
        }
      return G_SOURCE_CONTINUE;
    }

  if (now - self->phase_start < DWELL_USEC)
    return G_SOURCE_CONTINUE;

  if (!entente_time_next_event_day (self->story, self->day, &next))
    {
      entente_timeline_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  self->phase = PLAY_MOVING;
  self->phase_start = now;
  self->move_from = self->day;
  self->move_to = next;
  return G_SOURCE_CONTINUE;
}

static void
on_play_clicked (GtkButton       *button,
                 EntenteTimeline *self)
{
  entente_timeline_set_playing (self, self->phase == PLAY_STOPPED);
}

static void
on_mode_toggled (GtkToggleButton *button,
                 EntenteTimeline *self)
{
  EntenteTimeMode mode = gtk_toggle_button_get_active (self->all_button) ? ENTENTE_TIME_MODE_ALL
                                                                          : ENTENTE_TIME_MODE_AS_OF;

  if (mode == self->mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
entente_timeline_dispose (GObject *object)
{
  EntenteTimeline *self = (EntenteTimeline *) object;

  if (self->tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick);
  self->tick = 0;
  entente_timeline_set_reading_state (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_TIMELINE);
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
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->phase != PLAY_STOPPED);
      break;
    case PROP_READING_STATE:
      g_value_set_object (value, self->state);
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
    case PROP_MODE:
      entente_timeline_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_PLAYING:
      entente_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_READING_STATE:
      entente_timeline_set_reading_state (self, g_value_get_object (value));
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
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       ENTENTE_TYPE_TIME_MODE, ENTENTE_TIME_MODE_AS_OF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING_STATE] =
    g_param_spec_object ("reading-state", NULL, NULL,
                         ENTENTE_TYPE_READING_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENTENTE_TYPE_TIMELINE_TRACK);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/entente/Entente/entente-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, header);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, date_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, event_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, event_description);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, all_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, track);
  gtk_widget_class_bind_template_child (widget_class, EntenteTimeline, scale);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_change_value);
  gtk_widget_class_bind_template_callback (widget_class, on_track_day_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_play_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
entente_timeline_init (EntenteTimeline *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  entente_timeline_track_set_mapping (self->track, track_mapping, self);
  set_play_button (self, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->as_of_button), _("Show only what had begun by the chosen date"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->all_button), _("Show the whole story; the date only marks what had ended"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scale), _("Move through time: the graph shows the story as of the chosen date"));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_scale_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), keys);
}

GtkWidget *
entente_timeline_new (void)
{
  return g_object_new (ENTENTE_TYPE_TIMELINE, NULL);
}

void
entente_timeline_set_story (EntenteTimeline *self,
                            EntenteStory    *story)
{
  guint32 first_day = 0, last_day = 0;

  g_return_if_fail (ENTENTE_IS_TIMELINE (self));

  entente_timeline_set_playing (self, FALSE);
  g_set_object (&self->story, story);

  if (story == NULL || !entente_story_get_date_range (story, &first_day, &last_day))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      entente_timeline_track_set_story (self->track, NULL, 0, 0);
      self->day = G_MAXUINT32;
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  self->snap_days = MIN (SNAP_MAX_DAYS, (guint32) ((last_day - first_day) * SNAP_SHARE));
  last_day = MAX (last_day, first_day + 1);
  entente_timeline_track_set_story (self->track, story, first_day, last_day);

  /* Set the range with the handle at the end, then announce the new day. */
  g_signal_handlers_block_by_func (self->scale, on_value_changed, self);
  gtk_range_set_range (GTK_RANGE (self->scale), first_day, last_day);
  gtk_range_set_increments (GTK_RANGE (self->scale), STEP_DAYS, PAGE_DAYS);
  gtk_range_set_value (GTK_RANGE (self->scale), last_day);
  g_signal_handlers_unblock_by_func (self->scale, on_value_changed, self);

  self->day = (guint32) gtk_range_get_value (GTK_RANGE (self->scale));
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

const char *
entente_timeline_get_event_title (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), NULL);
  return gtk_label_get_text (self->event_label);
}

GtkRange *
entente_timeline_get_range (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), NULL);
  return GTK_RANGE (self->scale);
}

EntenteTimeMode
entente_timeline_get_mode (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), ENTENTE_TIME_MODE_AS_OF);
  return self->mode;
}

void
entente_timeline_set_mode (EntenteTimeline *self,
                           EntenteTimeMode  mode)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE (self));

  gtk_toggle_button_set_active (mode == ENTENTE_TIME_MODE_ALL ? self->all_button : self->as_of_button, TRUE);
}

gboolean
entente_timeline_get_playing (EntenteTimeline *self)
{
  g_return_val_if_fail (ENTENTE_IS_TIMELINE (self), FALSE);
  return self->phase != PLAY_STOPPED;
}

/* Plays from the current date, or from the first event when the date is
 * already at the last one. */
void
entente_timeline_set_playing (EntenteTimeline *self,
                              gboolean         playing)
{
  GdkFrameClock *clock;
  guint32 first_event;

  g_return_if_fail (ENTENTE_IS_TIMELINE (self));

  if (playing == (self->phase != PLAY_STOPPED))
    return;

  if (!playing || self->story == NULL || entente_story_get_n_events (self->story) == 0)
    {
      if (self->tick)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick);
      self->tick = 0;
      self->phase = PLAY_STOPPED;
      set_play_button (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return;
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->phase_start = clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
  first_event = entente_date_first_day (&entente_story_get_event (self->story, 0)->date);

  if (!entente_time_next_event_day (self->story, self->day, &self->move_to))
    {
      /* At the end: start over, showing the first event a while. */
      gtk_range_set_value (GTK_RANGE (self->scale), first_event);
      self->phase = PLAY_DWELLING;
    }
  else
    {
      self->phase = PLAY_MOVING;
      self->move_from = self->day;
    }

  self->tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), play_tick, NULL, NULL);
  set_play_button (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
follow_story (EntenteTimeline *self)
{
  entente_timeline_set_story (self, entente_reading_state_get_story (self->state));
}

/* The timeline shows @state's story, and its date and mode are @state's:
 * moving the handle or choosing a mode sets them there, and a date set
 * there moves the handle. */
void
entente_timeline_set_reading_state (EntenteTimeline     *self,
                                    EntenteReadingState *state)
{
  g_return_if_fail (ENTENTE_IS_TIMELINE (self));
  g_return_if_fail (state == NULL || ENTENTE_IS_READING_STATE (state));

  if (self->state == state)
    return;

  g_clear_pointer (&self->day_binding, g_binding_unbind);
  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  if (state == NULL)
    return;

  /* The story first: it sets the handle's range, then the timeline's date
   * (its last) goes to the state. */
  g_signal_connect_object (state, "notify::story", G_CALLBACK (follow_story), self, G_CONNECT_SWAPPED);
  follow_story (self);
  self->day_binding = g_object_bind_property (self, "day", state, "day", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->mode_binding = g_object_bind_property (self, "mode", state, "time-mode", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_STATE]);
}
