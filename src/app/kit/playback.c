/* playback.c: where the Landscape page's animation stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "playback.h"

/* The iteration is a whole number the widgets show; the animation keeps the
 * fraction between frames in @phase so that slow speeds still advance
 * evenly at any display rate. */
struct _SdPlayback
{
  GObject   parent_instance;

  guint     iteration;
  guint     n_iterations;
  gboolean  playing;
  double    speed;
  double    phase;
};

G_DEFINE_FINAL_TYPE (SdPlayback, sd_playback, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITERATION,
  PROP_N_ITERATIONS,
  PROP_PLAYING,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_playback_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SdPlayback *self = SD_PLAYBACK (object);

  switch (prop_id)
    {
    case PROP_ITERATION:
      g_value_set_uint (value, self->iteration);
      break;
    case PROP_N_ITERATIONS:
      g_value_set_uint (value, self->n_iterations);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_playback_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SdPlayback *self = SD_PLAYBACK (object);

  switch (prop_id)
    {
    case PROP_ITERATION:
      sd_playback_set_iteration (self, g_value_get_uint (value));
      break;
    case PROP_N_ITERATIONS:
      sd_playback_set_n_iterations (self, g_value_get_uint (value));
      break;
    case PROP_PLAYING:
      sd_playback_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      sd_playback_set_speed (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_playback_class_init (SdPlaybackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sd_playback_get_property;
  object_class->set_property = sd_playback_set_property;

  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITERATIONS] =
    g_param_spec_uint ("n-iterations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL,
                         SD_PLAYBACK_MIN_SPEED, SD_PLAYBACK_MAX_SPEED, SD_PLAYBACK_DEFAULT_SPEED,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_playback_init (SdPlayback *self)
{
  self->speed = SD_PLAYBACK_DEFAULT_SPEED;
}

/**
 * sd_playback_new:
 *
 * Returns: (transfer full): a stopped playback at iteration 0 of 0
 */
SdPlayback *
sd_playback_new (void)
{
  return g_object_new (SD_TYPE_PLAYBACK, NULL);
}

guint
sd_playback_get_iteration (SdPlayback *self)
{
  g_return_val_if_fail (SD_IS_PLAYBACK (self), 0);

  return self->iteration;
}

/**
 * sd_playback_set_iteration:
 * @self: a #SdPlayback
 * @iteration: the iteration to show, clamped to the last one
 */
void
sd_playback_set_iteration (SdPlayback *self,
                           guint       iteration)
{
  g_return_if_fail (SD_IS_PLAYBACK (self));

  iteration = MIN (iteration, self->n_iterations);
  self->phase = 0.0;
  if (self->iteration == iteration)
    return;

  self->iteration = iteration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
}

guint
sd_playback_get_n_iterations (SdPlayback *self)
{
  g_return_val_if_fail (SD_IS_PLAYBACK (self), 0);

  return self->n_iterations;
}

/**
 * sd_playback_set_n_iterations:
 * @self: a #SdPlayback
 * @n_iterations: the last iteration, the most steps over the runs
 *
 * The iteration moves back if it lies beyond the new end.
 */
void
sd_playback_set_n_iterations (SdPlayback *self,
                              guint       n_iterations)
{
  g_return_if_fail (SD_IS_PLAYBACK (self));

  if (self->n_iterations == n_iterations)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->n_iterations = n_iterations;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITERATIONS]);
  if (self->iteration > n_iterations)
    sd_playback_set_iteration (self, n_iterations);
  if (self->iteration == n_iterations)
    sd_playback_set_playing (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
sd_playback_get_playing (SdPlayback *self)
{
  g_return_val_if_fail (SD_IS_PLAYBACK (self), FALSE);

  return self->playing;
}

/**
 * sd_playback_set_playing:
 * @self: a #SdPlayback
 * @playing: whether to play
 *
 * Playing from the last iteration starts over from the first, as media
 * players do.
 */
void
sd_playback_set_playing (SdPlayback *self,
                         gboolean    playing)
{
  g_return_if_fail (SD_IS_PLAYBACK (self));

  playing = !!playing && self->n_iterations > 0;
  if (self->playing == playing)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (playing && self->iteration >= self->n_iterations)
    sd_playback_set_iteration (self, 0);
  self->playing = playing;
  self->phase = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
  g_object_thaw_notify (G_OBJECT (self));
}

double
sd_playback_get_speed (SdPlayback *self)
{
  g_return_val_if_fail (SD_IS_PLAYBACK (self), 0.0);

  return self->speed;
}

/**
 * sd_playback_set_speed:
 * @self: a #SdPlayback
 * @speed: iterations per second
 */
void
sd_playback_set_speed (SdPlayback *self,
                       double      speed)
{
  g_return_if_fail (SD_IS_PLAYBACK (self));
  g_return_if_fail (speed >= SD_PLAYBACK_MIN_SPEED && speed <= SD_PLAYBACK_MAX_SPEED);

  if (self->speed == speed)
    return;

  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

void
sd_playback_toggle (SdPlayback *self)
{
  g_return_if_fail (SD_IS_PLAYBACK (self));

  sd_playback_set_playing (self, !self->playing);
}

/**
 * sd_playback_step:
 * @self: a #SdPlayback
 * @delta: how many iterations to move, negative for back
 *
 * Stepping pauses: the user wants to look at one iteration.
 */
void
sd_playback_step (SdPlayback *self,
                  int         delta)
{
  gint64 target;

  g_return_if_fail (SD_IS_PLAYBACK (self));

  sd_playback_set_playing (self, FALSE);
  target = CLAMP ((gint64) self->iteration + delta, 0, (gint64) self->n_iterations);
  sd_playback_set_iteration (self, (guint) target);
}

void
sd_playback_reset (SdPlayback *self)
{
  g_return_if_fail (SD_IS_PLAYBACK (self));

  sd_playback_set_playing (self, FALSE);
  sd_playback_set_iteration (self, 0);
}

/**
 * sd_playback_advance:
 * @self: a #SdPlayback
 * @seconds: the time since the last frame
 *
 * Moves a playing animation on by @seconds at its speed and stops it at
 * the last iteration.
 */
void
sd_playback_advance (SdPlayback *self,
                     double      seconds)
{
  double phase;
  guint whole;

  g_return_if_fail (SD_IS_PLAYBACK (self));
  g_return_if_fail (seconds >= 0.0);

  if (!self->playing)
    return;

  phase = self->phase + seconds * self->speed;
  whole = (guint) MIN (floor (phase), (double) (self->n_iterations - self->iteration));
  phase -= whole;

  sd_playback_set_iteration (self, self->iteration + whole);
  self->phase = phase;
  if (self->iteration >= self->n_iterations)
    sd_playback_set_playing (self, FALSE);
}
