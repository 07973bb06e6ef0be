/* test-optimizer-gsl.c: the methods of GSL's multimin module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "optimizer-testing.h"

/* GSL's methods reach Rosenbrock's minimum (1, 1). */
static void
test_gsl_rosenbrock (gconstpointer data)
{
  SdObjective objective = { rosenbrock };
  SdOptimizerParams params = params_for (data);
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *last;
  guint n;

  trajectory = run (&objective, &params, -1.2, 1.0, 2000);
  n = sd_trajectory_get_n_points (trajectory);
  last = sd_trajectory_get_point (trajectory, n - 1);
  g_test_message ("%s: %u points, status %d (%s), at (%.17g, %.17g)", (const char *) data,
                  n, sd_trajectory_get_status (trajectory),
                  sd_trajectory_get_message (trajectory), last->position[0], last->position[1]);

  g_assert_cmpfloat_with_epsilon (last->position[0], 1.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (last->position[1], 1.0, 1e-4);
  g_assert_cmpfloat (last->loss, <, 1e-8);
  g_assert_false (sd_trajectory_get_diverged (trajectory, NULL));

  /* Every iterate is a real point of the function with its own loss. */
  for (guint k = 1; k < n; k++)
    {
      const SdOptimizerState *state = sd_trajectory_get_point (trajectory, k);
      const SdOptimizerState *prev = sd_trajectory_get_point (trajectory, k - 1);

      g_assert_cmpuint (state->iteration, ==, k);
      g_assert_cmpfloat (state->loss, ==, rosenbrock (NULL, state->position, NULL, NULL));
      /* All three methods only ever accept points that do not go uphill. */
      g_assert_cmpfloat (state->loss, <=, prev->loss);
    }

  /* The run ends by itself once nothing can improve. */
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_CONVERGED);
  g_assert_true (g_str_has_prefix (sd_trajectory_get_message (trajectory), "converged at ("));
}

/* At a stationary point GSL's gradient methods report no progress, which
 * is convergence; Nelder-Mead's simplex collapses. */
static void
test_gsl_at_minimum (void)
{
  SdObjective objective = { quadratic };
  const char *names[] = { "bfgs", "conjugate-gradient" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdOptimizerParams params = params_for (names[i]);
      g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 0.0, 0.0, 5);

      g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
      g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_CONVERGED);
      g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                       "converged at (0, 0): the gradient vanishes");
    }
}

/* GSL failures that are not convergence end the run with GSL's reason. */
static void
test_gsl_stops (void)
{
  SdObjective kink = { absolute };
  SdObjective log_objective = { logarithm };
  SdOptimizerParams params = params_for ("bfgs");
  g_autoptr(SdTrajectory) at_kink = NULL;
  g_autoptr(SdTrajectory) off_domain = NULL;
  const SdOptimizerState *last;

  /* |x| + |y| has no gradient at its minimum: the line search ends on a
   * kink with a gradient of norm >= 1 and gives up. */
  at_kink = run (&kink, &params, 1.0, 0.5, 100);
  last = sd_trajectory_get_point (at_kink, sd_trajectory_get_n_points (at_kink) - 1);
  g_assert_cmpint (sd_trajectory_get_status (at_kink), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_true (g_str_has_prefix (sd_trajectory_get_message (at_kink), "bfgs stopped at ("));
  g_assert_true (g_str_has_suffix (sd_trajectory_get_message (at_kink),
                                   "): iteration is not making progress towards solution"));
  g_assert_cmpfloat (hypot (last->gradient[0], last->gradient[1]), >=, 1.0);
  g_assert_cmpfloat (last->loss, <, 1.5);

  /* log x + y^2 falls towards x = 0 and is not finite beyond: BFGS's
   * first trial steps land there, it cannot bracket a minimum and stays
   * put, which is no progress rather than a point to record. */
  off_domain = run (&log_objective, &params, 1.0, 0.5, 100);
  g_assert_cmpuint (sd_trajectory_get_n_points (off_domain), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (off_domain), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (off_domain), ==,
                   "bfgs stopped at (1, 0.5): iteration is not making progress towards solution");
}

/* x^2 - y^2 falls to -infinity along y. GSL's methods back off from
 * values that are not finite instead of stepping onto them, so they
 * would stall; the run reports the divergence. */
static void
test_gsl_unbounded (void)
{
  SdObjective objective = { saddle };
  const char *names[] = { "nelder-mead", "conjugate-gradient" };
  SdOptimizerParams bfgs_params = params_for ("bfgs");
  g_autoptr(SdTrajectory) bfgs = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdOptimizerParams params = params_for (names[i]);
      g_autoptr(SdTrajectory) trajectory = run (&objective, &params, -0.8, 1.2, 5000);
      guint n = sd_trajectory_get_n_points (trajectory);
      const SdOptimizerState *last = sd_trajectory_get_point (trajectory, n - 1);
      g_autofree char *message = NULL;
      guint step = 0;

      g_assert_true (sd_trajectory_get_diverged (trajectory, &step));
      g_assert_cmpuint (step, ==, n);
      message = g_strdup_printf ("diverged at step %u: the loss is no longer finite", step);
      g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==, message);
      g_assert_true (isfinite (last->loss));
      g_assert_cmpfloat (last->loss, <, -1e300);
    }

  /* BFGS's first line search runs down the unbounded direction without
   * meeting -infinity, finds no bracket and gives up. */
  bfgs = run (&objective, &bfgs_params, -0.8, 1.2, 5000);
  g_assert_cmpuint (sd_trajectory_get_n_points (bfgs), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (bfgs), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (bfgs), ==,
                   "bfgs stopped at (-0.8, 1.2): iteration is not making progress towards "
                   "solution");
}

/* Nelder-Mead's first simplex reaches x + learning-rate: for log (1 - x)
 * from x = 0.8 that is 1.3, outside the domain, and GSL refuses to start. */
static void
test_gsl_bad_simplex (void)
{
  SdObjective objective = { log_one_minus };
  SdOptimizerParams params = params_for ("nelder-mead");
  g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 0.8, 0.0, 10);

  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                   "nelder-mead stopped at (0.8, 0): problem with user-supplied function");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_data_func ("/core/optimizer/gsl/bfgs/rosenbrock", "bfgs", test_gsl_rosenbrock);
  g_test_add_data_func ("/core/optimizer/gsl/conjugate-gradient/rosenbrock",
                        "conjugate-gradient", test_gsl_rosenbrock);
  g_test_add_data_func ("/core/optimizer/gsl/nelder-mead/rosenbrock", "nelder-mead",
                        test_gsl_rosenbrock);
  g_test_add_func ("/core/optimizer/gsl/at-minimum", test_gsl_at_minimum);
  g_test_add_func ("/core/optimizer/gsl/stops", test_gsl_stops);
  g_test_add_func ("/core/optimizer/gsl/unbounded", test_gsl_unbounded);
  g_test_add_func ("/core/optimizer/gsl/bad-simplex", test_gsl_bad_simplex);

  return g_test_run ();
}
