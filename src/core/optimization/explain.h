/* explain.h: what an optimizer sees at one iterate of its run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "curvature.h"
#include "optimizer.h"
#include "surface.h"
#include "trajectory.h"

G_BEGIN_DECLS

/**
 * SdExplain:
 * @index: the iterate explained: the point after @index updates
 * @position: the iterate
 * @loss: f at @position
 * @gradient: ∇f at @position
 * @learning_rate: the run's learning rate η
 * @gradient_step: the plain gradient-descent step −η∇f
 * @has_step: whether a step follows the iterate (%FALSE at the run's last)
 * @step: the step taken from @position to the next iterate; zero when
 *   @has_step is %FALSE
 * @has_velocity: whether the run's optimizer keeps momentum's velocity
 *   (momentum, nesterov; see sd_explain_kind_has_velocity())
 * @velocity: the optimizer's momentum buffer v at @position (zero for the
 *   optimizers that have none)
 * @velocity_step: −ηv
 * @has_adam_steps: whether the run's optimizer is Adam's (adam, adamw; see
 *   sd_explain_kind_has_adam_steps())
 * @effective_learning_rate: the optimizer's per-coordinate factor between
 *   gradient and step (Adam's η / (√v̂ + ε))
 * @adam_step_sizes: Adam's step size along each coordinate,
 *   @effective_learning_rate times |∇f|
 * @hessian: the Hessian at @position, row-major
 * @has_curvature: whether @curvature holds the Hessian's decomposition
 *   (%FALSE where the Hessian is not finite)
 * @curvature: its eigenvalues, eigenvectors, condition number and
 *   stability bound 2/λmax
 *
 * The quantities the Explain overlays draw and the Explain readouts and
 * exports print, all in data coordinates.
 */
typedef struct
{
  guint       index;
  double      position[2];
  double      loss;
  double      gradient[2];
  double      learning_rate;
  double      gradient_step[2];
  gboolean    has_step;
  double      step[2];
  gboolean    has_velocity;
  double      velocity[2];
  double      velocity_step[2];
  gboolean    has_adam_steps;
  double      effective_learning_rate[2];
  double      adam_step_sizes[2];
  double      hessian[4];
  gboolean    has_curvature;
  SdCurvature curvature;
} SdExplain;

gboolean sd_explain_kind_has_velocity   (SdOptimizerKind     kind);
gboolean sd_explain_kind_has_adam_steps (SdOptimizerKind     kind);
gboolean sd_explain_compute             (SdExplain          *explain,
                                         const SdSurface    *surface,
                                         const SdTrajectory *trajectory,
                                         guint               index);

G_END_DECLS
