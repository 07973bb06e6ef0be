/* test-trajectory.c: whole runs: divergence, ends and cancellation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "optimizer-testing.h"

/* SGD with lr 1 on 10 x^2 multiplies x by 1 - 20 = -19 each step. The
 * loss 10 x^2 stays finite while |x| <= sqrt (DBL_MAX / 10) = 4.2e153, so
 * for 19^120 = 2.8e153 and no longer for 19^121 = 5.4e154: update 121
 * diverges and the trajectory ends at the last finite point, 120. */
static void
test_divergence (void)
{
  SdObjective objective = { steep };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *last;
  guint step = 0;

  set (&params, "learning-rate", 1.0);
  trajectory = run (&objective, &params, 1.0, 0.0, 1000);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 121);
  g_assert_true (sd_trajectory_get_diverged (trajectory, &step));
  g_assert_cmpuint (step, ==, 121);
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_DIVERGED);
  g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                   "diverged at step 121: the loss is no longer finite");

  /* Exact while 19^k fits in 53 bits. */
  for (guint k = 0; k <= 12; k++)
    g_assert_cmpfloat (sd_trajectory_get_point (trajectory, k)->position[0], ==,
                       pow (-19.0, k));

  last = sd_trajectory_get_point (trajectory, 120);
  g_assert_true (isfinite (last->loss));
  assert_close (last->position[0], pow (19.0, 120), 1e-12);
}

/* A start where the loss is not finite is outside the domain of f: the
 * run ends "at" update 0, and says so. */
static void
test_start_outside_domain (void)
{
  SdObjective objective = { logarithm };
  const char *names[] = { "adam", "newton", "bfgs", "nelder-mead" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdOptimizerParams params = params_for (names[i]);
      g_autoptr(SdTrajectory) trajectory = run (&objective, &params, -1.0, 0.0, 10);
      g_autofree char *end = sd_trajectory_describe_end (trajectory);
      guint step = 99;

      g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
      g_assert_cmpint (sd_trajectory_get_end (trajectory, &step), ==,
                       SD_OPTIMIZER_STATUS_UNDEFINED);
      g_assert_cmpuint (step, ==, 0);
      g_assert_false (sd_trajectory_get_diverged (trajectory, NULL));
      g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                       "the start (-1, 0) is outside the domain of f: the loss is not finite there");
      g_assert_cmpstr (end, ==, "start outside the domain of f");
    }
}

/* A step that leaves the domain of the function: SGD with lr 1 on log x
 * from x = 0.5 goes to 0.5 - 1 / 0.5 = -1.5, where log is NaN. That is
 * not a divergence (nothing overflowed) but a step out of f's domain. */
static void
test_leaves_domain (void)
{
  SdObjective objective = { logarithm };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdTrajectory) trajectory = NULL;
  g_autofree char *end = NULL;
  guint step = 0;

  set (&params, "learning-rate", 1.0);
  trajectory = run (&objective, &params, 0.5, 0.0, 10);
  end = sd_trajectory_describe_end (trajectory);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
  g_assert_cmpint (sd_trajectory_get_end (trajectory, &step), ==, SD_OPTIMIZER_STATUS_UNDEFINED);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                   "step 1 left the domain of f: the loss is undefined there");
  g_assert_cmpstr (end, ==, "left the domain of f at step 1");
}

/* Every run states how it ended, in a few words: all its steps made,
 * diverged, stopped with the method's reason, converged. */
static void
test_describe_end (void)
{
  SdObjective quadratic_objective = { quadratic };
  SdObjective saddle_objective = { saddle };
  SdOptimizerParams sgd = params_for ("sgd");
  SdOptimizerParams newton = params_for ("newton");
  g_autoptr(SdTrajectory) completed = run (&quadratic_objective, &sgd, 1.0, 1.0, 3);
  g_autoptr(SdTrajectory) stopped = run (&saddle_objective, &newton, 1.0, 1.0, 10);
  g_autofree char *completed_end = sd_trajectory_describe_end (completed);
  g_autofree char *stopped_end = sd_trajectory_describe_end (stopped);
  guint step = 99;

  g_assert_cmpint (sd_trajectory_get_end (completed, &step), ==, SD_OPTIMIZER_STATUS_RUNNING);
  g_assert_cmpuint (step, ==, 3);
  g_assert_cmpstr (completed_end, ==, "completed 3 steps");
  g_assert_cmpint (sd_trajectory_get_end (stopped, &step), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpuint (step, ==, 0);
  g_assert_cmpstr (stopped_end, ==, "stopped at iteration 0: Hessian not positive definite");
}

/* Steps 0 records only the start; a finished optimizer stays finished. */
static void
test_zero_steps (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("adam");
  g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 1.0, 1.0, 0);
  guint n = 0;
  const SdOptimizerState *points = sd_trajectory_get_points (trajectory, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (sd_trajectory_get_n_steps (trajectory), ==, 0);
  g_assert_cmpfloat (points[0].position[0], ==, 1.0);
  g_assert_cmpfloat (points[0].loss, ==, 5.5);
  g_assert_true (sd_trajectory_get_params (trajectory)->kind == SD_OPTIMIZER_ADAM);
}

static void
test_finished_stays (void)
{
  SdObjective objective = { saddle };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdOptimizer) optimizer = NULL;
  g_autoptr(GError) error = NULL;
  double start[2] = { 1.0, 1.0 };
  guint n = 7;

  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpuint (sd_optimizer_get_state (optimizer)->iteration, ==, 0);
  g_assert_null (sd_optimizer_get_batch (optimizer, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_cancelled (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double start[2] = { 1.0, 1.0 };
  SdTrajectory *trajectory;

  g_cancellable_cancel (cancellable);
  trajectory = sd_trajectory_compute_objective (&objective, &params, start, 10, cancellable,
                                                &error);
  g_assert_null (trajectory);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_max_steps (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("momentum");
  g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 1.0, 1.0,
                                            SD_TRAJECTORY_MAX_STEPS);
  const SdOptimizerState *last;

  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, SD_TRAJECTORY_MAX_STEPS + 1);
  last = sd_trajectory_get_point (trajectory, SD_TRAJECTORY_MAX_STEPS);
  g_assert_cmpuint (last->iteration, ==, SD_TRAJECTORY_MAX_STEPS);
  /* Heavy-ball momentum on a convex quadratic with these settings converges. */
  g_assert_cmpfloat (fabs (last->position[0]), <, 1e-100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/trajectory/divergence", test_divergence);
  g_test_add_func ("/core/trajectory/start-outside-domain", test_start_outside_domain);
  g_test_add_func ("/core/trajectory/leaves-domain", test_leaves_domain);
  g_test_add_func ("/core/trajectory/describe-end", test_describe_end);
  g_test_add_func ("/core/trajectory/zero-steps", test_zero_steps);
  g_test_add_func ("/core/trajectory/finished", test_finished_stays);
  g_test_add_func ("/core/trajectory/cancelled", test_cancelled);
  g_test_add_func ("/core/trajectory/max-steps", test_max_steps);

  return g_test_run ();
}
