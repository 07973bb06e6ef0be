/* explain.c: what an optimizer sees at one iterate of its run
 *
 * The Explain overlays on the map and in 3-D, their readouts in the window
 * and the JSON export all print these numbers; computing them here, once,
 * keeps the four in agreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "explain.h"

/**
 * sd_explain_kind_has_velocity:
 * @kind: an optimizer
 *
 * RMSprop with momentum keeps a buffer too, but it accumulates scaled
 * gradients, not the heavy ball's velocity, so it is not shown as one.
 *
 * Returns: whether @kind keeps momentum's velocity (momentum, nesterov)
 */
gboolean
sd_explain_kind_has_velocity (SdOptimizerKind kind)
{
  return kind == SD_OPTIMIZER_MOMENTUM || kind == SD_OPTIMIZER_NESTEROV;
}

/**
 * sd_explain_kind_has_adam_steps:
 * @kind: an optimizer
 *
 * Returns: whether @kind has Adam's per-coordinate step sizes (adam, adamw)
 */
gboolean
sd_explain_kind_has_adam_steps (SdOptimizerKind kind)
{
  return kind == SD_OPTIMIZER_ADAM || kind == SD_OPTIMIZER_ADAMW;
}

/* The displacements drawn from the iterate. */
static void
compute_steps (SdExplain          *explain,
               const SdTrajectory *trajectory)
{
  guint n_points = sd_trajectory_get_n_points (trajectory);

  for (guint k = 0; k < 2; k++)
    {
      explain->gradient_step[k] = -explain->learning_rate * explain->gradient[k];
      explain->velocity_step[k] = -explain->learning_rate * explain->velocity[k];
      explain->adam_step_sizes[k] = explain->effective_learning_rate[k]
                                    * fabs (explain->gradient[k]);
    }

  /* The step taken from here is the next point's delta; the last iterate
   * has none. */
  explain->has_step = explain->index + 1 < n_points;
  if (explain->has_step)
    memcpy (explain->step, sd_trajectory_get_point (trajectory, explain->index + 1)->delta,
            sizeof explain->step);
}

/**
 * sd_explain_compute:
 * @explain: (out caller-allocates): the quantities to fill
 * @surface: the surface the run descends
 * @trajectory: the run
 * @index: the iterate to explain, clamped to the run's last
 *
 * Fills @explain for an iterate of a run: its gradient, momentum buffer
 * and Adam's step sizes as the optimizer had them there, the step it takes
 * from there, and the Hessian's decomposition. Reads @surface and
 * @trajectory only, so several threads may call it at once.
 *
 * Returns: %FALSE, leaving @explain zeroed, if the run has no iterate
 */
gboolean
sd_explain_compute (SdExplain          *explain,
                    const SdSurface    *surface,
                    const SdTrajectory *trajectory,
                    guint               index)
{
  const SdOptimizerParams *params;
  const SdOptimizerState *state;
  guint n_points;

  g_return_val_if_fail (explain != NULL, FALSE);
  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (trajectory != NULL, FALSE);

  *explain = (SdExplain) { 0 };
  n_points = sd_trajectory_get_n_points (trajectory);
  if (n_points == 0)
    return FALSE;

  params = sd_trajectory_get_params (trajectory);
  explain->index = MIN (index, n_points - 1);
  state = sd_trajectory_get_point (trajectory, explain->index);

  memcpy (explain->position, state->position, sizeof explain->position);
  explain->loss = state->loss;
  memcpy (explain->gradient, state->gradient, sizeof explain->gradient);
  explain->learning_rate = params->learning_rate;
  explain->has_velocity = sd_explain_kind_has_velocity (params->kind);
  memcpy (explain->velocity, state->velocity, sizeof explain->velocity);
  explain->has_adam_steps = sd_explain_kind_has_adam_steps (params->kind);
  memcpy (explain->effective_learning_rate, state->effective_learning_rate,
          sizeof explain->effective_learning_rate);
  compute_steps (explain, trajectory);

  sd_surface_eval (surface, state->position[0], state->position[1], NULL, explain->hessian);
  explain->has_curvature = sd_curvature_from_hessian (explain->hessian, &explain->curvature,
                                                      NULL);
  return TRUE;
}
