/* trajectory.c: the recorded path of one optimizer run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "trajectory.h"

/* How many updates pass between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 1024

struct _SdTrajectory
{
  SdOptimizerParams  params;
  guint              n_steps;
  GArray            *points;
  SdOptimizerStatus  status;
  char              *message;
  const char        *reason;
};

/**
 * sd_trajectory_compute_objective:
 * @objective: the function to minimize
 * @params: the optimizer and its hyperparameters
 * @start: the starting point
 * @steps: the number of updates to make, at most %SD_TRAJECTORY_MAX_STEPS
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Runs an optimizer from @start and records the start plus one point per
 * update. The run ends early, and that is a result rather than an error,
 * when it diverges (the last point recorded is the last finite one, see
 * sd_trajectory_get_diverged()) or when the method stops or converges
 * (see sd_trajectory_get_status() and sd_trajectory_get_message()).
 *
 * Returns: (transfer full) (nullable): the trajectory, or %NULL with
 *   @error set: %SD_CORE_ERROR_INVALID for bad input,
 *   %G_IO_ERROR_CANCELLED if @cancellable was cancelled
 */
SdTrajectory *
sd_trajectory_compute_objective (const SdObjective        *objective,
                                 const SdOptimizerParams  *params,
                                 const double              start[2],
                                 guint                     steps,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  g_autoptr(SdTrajectory) self = NULL;
  g_autoptr(SdOptimizer) optimizer = NULL;

  g_return_val_if_fail (objective != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (steps > SD_TRAJECTORY_MAX_STEPS)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the key steps of the scene file; keep it
                    * as it is. The numbers are the most steps allowed and the
                    * number given. */
                   _("%s: must be a whole number from 0 to %u, got '%u'"),
                   "steps", SD_TRAJECTORY_MAX_STEPS, steps);
      return NULL;
    }

  optimizer = sd_optimizer_new (params, objective, start, error);
  if (optimizer == NULL)
    return NULL;

  self = g_new0 (SdTrajectory, 1);
  self->params = *params;
  self->n_steps = steps;
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (SdOptimizerState),
                                    MIN (steps, 4096) + 1);
  g_array_append_val (self->points, *sd_optimizer_get_state (optimizer));

  for (guint i = 0; i < steps; i++)
    {
      if (i % CANCEL_CHECK_INTERVAL == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (sd_optimizer_step (optimizer) != SD_OPTIMIZER_STATUS_RUNNING)
        break;

      g_array_append_val (self->points, *sd_optimizer_get_state (optimizer));
    }

  self->status = sd_optimizer_get_status (optimizer);
  self->message = g_strdup (sd_optimizer_get_message (optimizer));
  self->reason = sd_optimizer_get_reason (optimizer);

  return g_steal_pointer (&self);
}

/**
 * sd_trajectory_compute:
 * @surface: the surface to descend
 * @params: the optimizer and its hyperparameters
 * @start: the starting point
 * @steps: the number of updates to make, at most %SD_TRAJECTORY_MAX_STEPS
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Runs sd_trajectory_compute_objective() on @surface's objective. Safe to
 * call from a worker thread: surfaces are immutable.
 *
 * Returns: (transfer full) (nullable): the trajectory, or %NULL with
 *   @error set
 */
SdTrajectory *
sd_trajectory_compute (SdSurface                *surface,
                       const SdOptimizerParams  *params,
                       const double              start[2],
                       guint                     steps,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr(SdSurface) keep = NULL;
  SdObjective objective;

  g_return_val_if_fail (surface != NULL, NULL);

  keep = sd_surface_ref (surface);
  sd_surface_get_objective (keep, &objective);

  return sd_trajectory_compute_objective (&objective, params, start, steps, cancellable, error);
}

/**
 * sd_trajectory_free:
 * @self: (transfer full) (nullable): a trajectory
 */
void
sd_trajectory_free (SdTrajectory *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->message);
  g_free (self);
}

/**
 * sd_trajectory_get_n_points:
 * @self: a trajectory
 *
 * Returns: the number of recorded points: the start plus one per update
 */
guint
sd_trajectory_get_n_points (const SdTrajectory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

/**
 * sd_trajectory_get_point:
 * @self: a trajectory
 * @index: 0 for the start, k for the point after k updates
 *
 * Returns: (transfer none): the optimizer's state at that point
 */
const SdOptimizerState *
sd_trajectory_get_point (const SdTrajectory *self,
                         guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  return &g_array_index (self->points, SdOptimizerState, index);
}

/**
 * sd_trajectory_get_points:
 * @self: a trajectory
 * @n_points: (out): the number of points
 *
 * Returns: (transfer none) (array length=n_points): all recorded points
 */
const SdOptimizerState *
sd_trajectory_get_points (const SdTrajectory *self,
                          guint              *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->points->len;
  return (const SdOptimizerState *) (gconstpointer) self->points->data;
}

/**
 * sd_trajectory_get_params:
 * @self: a trajectory
 *
 * Returns: (transfer none): the parameters of the run
 */
const SdOptimizerParams *
sd_trajectory_get_params (const SdTrajectory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->params;
}

/**
 * sd_trajectory_get_n_steps:
 * @self: a trajectory
 *
 * Returns: the number of updates that were asked for
 */
guint
sd_trajectory_get_n_steps (const SdTrajectory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_steps;
}

/**
 * sd_trajectory_get_status:
 * @self: a trajectory
 *
 * Returns: %SD_OPTIMIZER_STATUS_RUNNING if every update asked for was made,
 *   otherwise why the run ended early
 */
SdOptimizerStatus
sd_trajectory_get_status (const SdTrajectory *self)
{
  g_return_val_if_fail (self != NULL, SD_OPTIMIZER_STATUS_STOPPED);

  return self->status;
}

/**
 * sd_trajectory_get_message:
 * @self: a trajectory
 *
 * Returns: (transfer none) (nullable): why the run ended early, or %NULL
 */
const char *
sd_trajectory_get_message (const SdTrajectory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

/**
 * sd_trajectory_get_end:
 * @self: a trajectory
 * @step: (out) (optional): the update at which the run ended: the number
 *   of updates asked for when all were made; for a run that diverged or
 *   left the domain of f, the update that did, which equals the number of
 *   points recorded (0 when the start itself is outside the domain); for
 *   a run that stopped or converged, the iteration it stayed at
 *
 * Returns: how the run ended, %SD_OPTIMIZER_STATUS_RUNNING when every
 *   update asked for was made
 */
SdOptimizerStatus
sd_trajectory_get_end (const SdTrajectory *self,
                       guint              *step)
{
  const SdOptimizerState *last;

  g_return_val_if_fail (self != NULL, SD_OPTIMIZER_STATUS_STOPPED);

  if (step == NULL)
    return self->status;

  last = sd_trajectory_get_point (self, self->points->len - 1);
  switch (self->status)
    {
    case SD_OPTIMIZER_STATUS_RUNNING:
      *step = self->n_steps;
      break;
    case SD_OPTIMIZER_STATUS_DIVERGED:
    case SD_OPTIMIZER_STATUS_UNDEFINED:
      /* A start outside the domain ended "at" update 0. */
      *step = isfinite (last->loss) ? last->iteration + 1 : 0;
      break;
    case SD_OPTIMIZER_STATUS_STOPPED:
    case SD_OPTIMIZER_STATUS_CONVERGED:
    default:
      *step = last->iteration;
      break;
    }
  return self->status;
}

/**
 * sd_trajectory_get_diverged:
 * @self: a trajectory
 * @step: (out) (optional): the update that left the finite numbers, which
 *   equals the number of points recorded
 *
 * Returns: whether the run diverged
 */
gboolean
sd_trajectory_get_diverged (const SdTrajectory *self,
                            guint              *step)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return sd_trajectory_get_end (self, step) == SD_OPTIMIZER_STATUS_DIVERGED;
}

/**
 * sd_trajectory_describe_end:
 * @self: a trajectory
 *
 * Why the run ended, in a few words for a legend or a readout: "diverged
 * at step 12", "start outside the domain of f", "stopped at iteration 0:
 * Hessian not positive definite". sd_trajectory_get_message() says it in
 * full.
 *
 * Returns: (transfer full): the reason, or "completed 100 steps" when
 *   every update asked for was made
 */
char *
sd_trajectory_describe_end (const SdTrajectory *self)
{
  guint step;

  g_return_val_if_fail (self != NULL, NULL);

  switch (sd_trajectory_get_end (self, &step))
    {
    case SD_OPTIMIZER_STATUS_DIVERGED:
      /* Translators: why a run ended; %u is the step, counted from 1 */
      return g_strdup_printf (_("diverged at step %u"), step);
    case SD_OPTIMIZER_STATUS_UNDEFINED:
      if (step == 0)
        /* Translators: why a run ended: f is not defined at its start */
        return g_strdup (_("start outside the domain of f"));
      /* Translators: why a run ended: f is not defined where step %u
       * went, as log(x) for x < 0 */
      return g_strdup_printf (_("left the domain of f at step %u"), step);
    case SD_OPTIMIZER_STATUS_STOPPED:
      /* Translators: why a run ended; %u is the iteration it stopped at,
       * %s why, such as "Hessian not positive definite" */
      return g_strdup_printf (_("stopped at iteration %u: %s"), step,
                              self->reason != NULL ? self->reason : self->message);
    case SD_OPTIMIZER_STATUS_CONVERGED:
      /* Translators: why a run ended: it reached a stationary point at
       * iteration %u */
      return g_strdup_printf (_("converged at iteration %u"), step);
    case SD_OPTIMIZER_STATUS_RUNNING:
    default:
      /* Translators: how a run ended: it made every step asked for */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "completed %u step",
                                           "completed %u steps", step), step);
    }
}
