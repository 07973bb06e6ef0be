/* test-optimizer-newton.c: Newton's method against closed forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "optimizer-testing.h"

/* Newton's method on a quadratic lands on the minimum in one step. */
static void
test_newton_quadratic (void)
{
  SdObjective objective = { quadratic };
  SdObjective tilted_objective = { tilted };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdTrajectory) trajectory = NULL;
  g_autoptr(SdTrajectory) general = NULL;
  const SdOptimizerState *state;

  trajectory = run (&objective, &params, 1.5, -2.0, 3);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 4);
  for (guint k = 1; k <= 3; k++)
    {
      state = sd_trajectory_get_point (trajectory, k);
      g_assert_cmpfloat (state->position[0], ==, 0.0);
      g_assert_cmpfloat (state->position[1], ==, 0.0);
      g_assert_cmpfloat (state->loss, ==, 0.0);
    }

  /* With a cross term: the minimum solves A p = b, p = (3/5, -4/5). */
  general = run (&tilted_objective, &params, 2.0, 3.0, 1);
  state = sd_trajectory_get_point (general, 1);
  g_assert_cmpfloat_with_epsilon (state->position[0], 0.6, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->position[1], -0.8, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->gradient[0], 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->gradient[1], 0.0, 1e-15);
}

static void
test_newton_damping (void)
{
  SdObjective objective = { saddle };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *state;

  /* On x^2 - y^2 at (1, 1): g = (2, -2), H + 3 I = diag (5, 1), so the
   * step is -(2/5, -2) scaled by lr = 0.5: to (0.8, 2). */
  set (&params, "damping", 3.0);
  set (&params, "learning-rate", 0.5);
  trajectory = run (&objective, &params, 1.0, 1.0, 1);
  state = sd_trajectory_get_point (trajectory, 1);
  g_assert_cmpfloat_with_epsilon (state->position[0], 0.8, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->position[1], 2.0, 1e-15);
  g_assert_cmpfloat (state->effective_learning_rate[0], ==, 0.5);
}

/* An indefinite or singular Hessian ends the run with a message instead of
 * a step towards a saddle or to infinity. */
static void
test_newton_refuses (void)
{
  SdObjective saddle_objective = { saddle };
  SdObjective valley_objective = { valley };
  SdObjective log_objective = { logarithm };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdTrajectory) indefinite = NULL;
  g_autoptr(SdTrajectory) singular = NULL;
  g_autoptr(SdTrajectory) damped = NULL;
  g_autoptr(SdTrajectory) concave = NULL;

  indefinite = run (&saddle_objective, &params, 0.5, 0.25, 10);
  g_assert_cmpuint (sd_trajectory_get_n_points (indefinite), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (indefinite), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (indefinite), ==,
                   "Hessian is not positive definite at (0.5, 0.25)");
  g_assert_false (sd_trajectory_get_diverged (indefinite, NULL));

  singular = run (&valley_objective, &params, 1.0, 2.0, 10);
  g_assert_cmpuint (sd_trajectory_get_n_points (singular), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (singular), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (singular), ==, "Hessian is singular at (1, 2)");

  /* Damping 1 is not enough for the saddle's curvature -2. */
  set (&params, "damping", 1.0);
  damped = run (&saddle_objective, &params, 1.0, 1.0, 10);
  g_assert_cmpstr (sd_trajectory_get_message (damped), ==,
                   "Hessian plus damping is not positive definite at (1, 1)");

  /* log x is concave: its Hessian -1/x^2 < 0 is caught at the first step. */
  set (&params, "damping", 0.0);
  concave = run (&log_objective, &params, 2.0, 1.0, 10);
  g_assert_cmpstr (sd_trajectory_get_message (concave), ==,
                   "Hessian is not positive definite at (2, 1)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/optimizer/newton/quadratic", test_newton_quadratic);
  g_test_add_func ("/core/optimizer/newton/damping", test_newton_damping);
  g_test_add_func ("/core/optimizer/newton/refuses", test_newton_refuses);

  return g_test_run ();
}
