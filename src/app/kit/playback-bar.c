/* playback-bar.c: the transport under an animated figure: play, step,
 * scrub, the iteration and the speed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "playback-bar.h"

/*
 * The bar shows an #SdPlayback and drives it: its frame clock advances the
 * animation while it plays, so it is as smooth as the display allows and
 * costs nothing while the bar is not on screen. Its buttons activate the
 * playback.* actions of the #SdPage it sits in, which also have the keys.
 *
 * Built from a template, it has two rows: the transport, then the speed;
 * a page puts its own widgets on the second row as children of type
 * "start" (before the speed) and "end" (after it).
 */

struct _SdPlaybackBar
{
  GtkWidget       parent_instance;

  SdPlayback     *playback;
  GBindingGroup  *bindings;
  GSignalGroup   *signals;
  guint           tick_id;
  gint64          last_frame_time;
  gboolean        syncing;
  GtkWidget      *last_start;

  GtkButton      *play_button;
  GtkScale       *scrubber;
  GtkAdjustment  *scrubber_adjustment;
  GtkLabel       *counter_label;
  GtkBox         *extras_box;
  GtkSpinButton  *speed_spin;
  GtkAdjustment  *speed_adjustment;
};

static void sd_playback_bar_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SdPlaybackBar, sd_playback_bar, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      sd_playback_bar_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_PLAYBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_position (SdPlaybackBar *self)
{
  g_autofree char *counter = NULL;
  guint iteration = 0, n_iterations = 0;

  if (self->playback != NULL)
    {
      iteration = sd_playback_get_iteration (self->playback);
      n_iterations = sd_playback_get_n_iterations (self->playback);
    }

  self->syncing = TRUE;
  gtk_adjustment_set_upper (self->scrubber_adjustment, n_iterations);
  gtk_adjustment_set_value (self->scrubber_adjustment, iteration);
  self->syncing = FALSE;

  /* Translators: the playback's iteration out of the most steps */
  counter = g_strdup_printf (_("Iteration %u / %u"), iteration, n_iterations);
  gtk_label_set_text (self->counter_label, counter);
}

static void
on_scrubber_changed (SdPlaybackBar *self)
{
  g_assert (SD_IS_PLAYBACK_BAR (self));

  if (self->syncing || self->playback == NULL)
    return;

  sd_playback_set_iteration (self->playback,
                             (guint) lround (gtk_adjustment_get_value (self->scrubber_adjustment)));
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SdPlaybackBar *self = SD_PLAYBACK_BAR (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->last_frame_time != 0 && self->playback != NULL)
    sd_playback_advance (self->playback, (now - self->last_frame_time) / (double) G_USEC_PER_SEC);
  self->last_frame_time = now;

  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
stop_ticking (SdPlaybackBar *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
update_playing (SdPlaybackBar *self)
{
  gboolean playing = self->playback != NULL && sd_playback_get_playing (self->playback);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (Space)") : _("Play (Space)"));

  if (playing && self->tick_id == 0)
    {
      self->last_frame_time = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
    }
  else if (!playing)
    stop_ticking (self);
}

/* GtkBuildable: children of type "start" and "end" join the second row. */

static void
sd_playback_bar_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  SdPlaybackBar *self = SD_PLAYBACK_BAR (buildable);

  if (g_strcmp0 (type, "start") == 0)
    {
      gtk_box_insert_child_after (self->extras_box, GTK_WIDGET (child), self->last_start);
      self->last_start = GTK_WIDGET (child);
    }
  else if (g_strcmp0 (type, "end") == 0)
    gtk_box_append (self->extras_box, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
sd_playback_bar_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = sd_playback_bar_add_child;
}

/* GObject */

static void
sd_playback_bar_dispose (GObject *object)
{
  SdPlaybackBar *self = SD_PLAYBACK_BAR (object);
  GtkWidget *child;

  stop_ticking (self);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->playback);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_PLAYBACK_BAR);

  /* The rows have no ids: the template leaves them to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sd_playback_bar_parent_class)->dispose (object);
}

static void
sd_playback_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SdPlaybackBar *self = SD_PLAYBACK_BAR (object);

  switch (prop_id)
    {
    case PROP_PLAYBACK:
      g_value_set_object (value, self->playback);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_playback_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SdPlaybackBar *self = SD_PLAYBACK_BAR (object);

  switch (prop_id)
    {
    case PROP_PLAYBACK:
      sd_playback_bar_set_playback (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Binds the template child NAME to the field of SdPlaybackBar named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdPlaybackBar, name)

static void
sd_playback_bar_class_init (SdPlaybackBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_playback_bar_dispose;
  object_class->get_property = sd_playback_bar_get_property;
  object_class->set_property = sd_playback_bar_set_property;

  properties[PROP_PLAYBACK] =
    g_param_spec_object ("playback", NULL, NULL, SD_TYPE_PLAYBACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "playbackbar");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/playback-bar.ui");
  BIND_CHILD (play_button);
  BIND_CHILD (scrubber);
  BIND_CHILD (scrubber_adjustment);
  BIND_CHILD (counter_label);
  BIND_CHILD (extras_box);
  BIND_CHILD (speed_spin);
  BIND_CHILD (speed_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_scrubber_changed);
}

static void
sd_playback_bar_init (SdPlaybackBar *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "speed", self->speed_adjustment, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->signals = g_signal_group_new (SD_TYPE_PLAYBACK);
  g_signal_group_connect_swapped (self->signals, "notify::iteration",
                                  G_CALLBACK (update_position), self);
  g_signal_group_connect_swapped (self->signals, "notify::n-iterations",
                                  G_CALLBACK (update_position), self);
  g_signal_group_connect_swapped (self->signals, "notify::playing",
                                  G_CALLBACK (update_playing), self);
  update_position (self);
  update_playing (self);
}

/**
 * sd_playback_bar_new:
 * @playback: (nullable): the animation to show and drive
 *
 * Returns: (transfer floating): a new bar
 */
GtkWidget *
sd_playback_bar_new (SdPlayback *playback)
{
  g_return_val_if_fail (playback == NULL || SD_IS_PLAYBACK (playback), NULL);

  return g_object_new (SD_TYPE_PLAYBACK_BAR, "playback", playback, NULL);
}

/**
 * sd_playback_bar_get_playback:
 * @self: a #SdPlaybackBar
 *
 * Returns: (transfer none) (nullable): the animation shown
 */
SdPlayback *
sd_playback_bar_get_playback (SdPlaybackBar *self)
{
  g_return_val_if_fail (SD_IS_PLAYBACK_BAR (self), NULL);

  return self->playback;
}

void
sd_playback_bar_set_playback (SdPlaybackBar *self,
                              SdPlayback    *playback)
{
  g_return_if_fail (SD_IS_PLAYBACK_BAR (self));
  g_return_if_fail (playback == NULL || SD_IS_PLAYBACK (playback));

  if (!g_set_object (&self->playback, playback))
    return;

  g_binding_group_set_source (self->bindings, playback);
  g_signal_group_set_target (self->signals, playback);
  update_position (self);
  update_playing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYBACK]);
}
