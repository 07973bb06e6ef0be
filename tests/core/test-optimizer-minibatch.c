/* test-optimizer-minibatch.c: minibatches drawn in shuffled epochs, as torch's DataLoader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "optimizer-testing.h"

/* A mean over samples: f (p) = 1/n sum_i |p - c_i|^2 / 2 with c_i = (i, -i),
 * whose minibatch gradient is p minus the batch's mean centre. */
#define N_CENTRES 10

static double
centres (gpointer     data,
         const double p[2],
         double       grad[2],
         double       hess[4])
{
  double f = 0.0;

  if (grad != NULL)
    grad[0] = grad[1] = 0.0;
  for (guint i = 0; i < N_CENTRES; i++)
    {
      double dx = p[0] - i;
      double dy = p[1] + i;

      f += 0.5 * (dx * dx + dy * dy);
      if (grad != NULL)
        {
          grad[0] += dx;
          grad[1] += dy;
        }
    }
  if (grad != NULL)
    {
      grad[0] /= N_CENTRES;
      grad[1] /= N_CENTRES;
    }
  if (hess != NULL)
    {
      hess[0] = hess[3] = 1.0;
      hess[1] = hess[2] = 0.0;
    }
  return f / N_CENTRES;
}

static void
centres_batch (gpointer     data,
               const double p[2],
               const guint *indices,
               guint        n_indices,
               double       grad[2])
{
  guint *calls = data;

  grad[0] = grad[1] = 0.0;
  for (guint k = 0; k < n_indices; k++)
    {
      g_assert_cmpuint (indices[k], <, N_CENTRES);
      grad[0] += p[0] - indices[k];
      grad[1] += p[1] + indices[k];
    }
  grad[0] /= n_indices;
  grad[1] /= n_indices;
  (*calls)++;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Minibatches come in epochs, as sd_optimizer_new() documents: an mt19937
 * seeded with the run's seed shuffles 0 ... n - 1 with gsl_ran_shuffle ()
 * per epoch, cut into batches of 4, 4 and 2 for n = 10; SGD then steps
 * along each sorted batch's mean gradient. */
static void
test_minibatch (void)
{
  guint calls = 0;
  SdObjective objective = { centres, centres_batch, N_CENTRES, &calls };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdOptimizer) optimizer = NULL;
  g_autoptr(GError) error = NULL;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  guint epoch[N_CENTRES];
  double start[2] = { 3.0, 1.0 };
  const guint sizes[] = { 4, 4, 2 };
  guint seen[N_CENTRES] = { 0 };

  set (&params, "batch-size", 4);
  set (&params, "seed", 42);
  set (&params, "learning-rate", 0.5);
  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_no_error (error);
  gsl_rng_set (rng, 42);

  for (guint k = 0; k < 30; k++)
    {
      guint size = sizes[k % 3];
      guint offset = (k % 3) * 4;
      guint expected[4];
      double before[2];
      double mean = 0.0;
      const guint *batch;
      const SdOptimizerState *state;
      guint n = 0;

      if (k % 3 == 0)
        {
          for (guint i = 0; i < N_CENTRES; i++)
            epoch[i] = i;
          gsl_ran_shuffle (rng, epoch, N_CENTRES, sizeof (guint));
        }
      memcpy (expected, epoch + offset, size * sizeof (guint));
      qsort (expected, size, sizeof (guint), compare_indices);

      memcpy (before, sd_optimizer_get_state (optimizer)->position, sizeof before);
      g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_RUNNING);
      batch = sd_optimizer_get_batch (optimizer, &n);
      g_assert_cmpmem (batch, n * sizeof (guint), expected, size * sizeof (guint));

      for (guint j = 0; j < size; j++)
        {
          mean += expected[j];
          seen[expected[j]]++;
        }
      mean /= size;

      state = sd_optimizer_get_state (optimizer);
      g_assert_cmpfloat_with_epsilon (state->step_gradient[0], before[0] - mean, 1e-14);
      g_assert_cmpfloat_with_epsilon (state->position[0],
                                      before[0] - 0.5 * (before[0] - mean), 1e-14);
      g_assert_cmpfloat_with_epsilon (state->position[1],
                                      before[1] - 0.5 * (before[1] + mean), 1e-14);
      /* The reported loss and gradient are the full ones. */
      g_assert_cmpfloat (state->loss, ==, centres (NULL, state->position, NULL, NULL));
    }

  /* Ten epochs: every sample used exactly ten times. */
  for (guint i = 0; i < N_CENTRES; i++)
    g_assert_cmpuint (seen[i], ==, 10);
  g_assert_cmpuint (calls, ==, 30);
  gsl_rng_free (rng);
}

static void
test_minibatch_seeds (void)
{
  guint calls = 0;
  SdObjective objective = { centres, centres_batch, N_CENTRES, &calls };
  SdOptimizerParams params = params_for ("adam");
  g_autoptr(SdTrajectory) a = NULL;
  g_autoptr(SdTrajectory) b = NULL;
  g_autoptr(SdTrajectory) c = NULL;
  g_autoptr(SdTrajectory) full = NULL;
  g_autoptr(SdTrajectory) whole = NULL;
  g_autoptr(SdTrajectory) larger = NULL;
  g_autoptr(SdTrajectory) newton = NULL;
  SdOptimizerParams newton_params = params_for ("newton");
  guint n = 0;
  const SdOptimizerState *pa, *pb, *pc;

  set (&params, "learning-rate", 0.1);
  set (&params, "batch-size", 3);
  set (&params, "seed", 7);
  a = run (&objective, &params, 1.0, 1.0, 50);
  b = run (&objective, &params, 1.0, 1.0, 50);
  set (&params, "seed", 8);
  c = run (&objective, &params, 1.0, 1.0, 50);

  /* Same seed, same batches; another seed, other batches. */
  pa = sd_trajectory_get_points (a, &n);
  pb = sd_trajectory_get_points (b, &n);
  pc = sd_trajectory_get_points (c, &n);
  assert_points_equal (pa, pb, n);
  g_assert_cmpfloat (pa[50].position[0], !=, pc[50].position[0]);

  /* A batch of the whole dataset is the full gradient, bit for bit; a
   * batch larger than the dataset too. */
  set (&params, "batch-size", 0);
  full = run (&objective, &params, 1.0, 1.0, 50);
  set (&params, "batch-size", N_CENTRES);
  whole = run (&objective, &params, 1.0, 1.0, 50);
  set (&params, "batch-size", 1000);
  larger = run (&objective, &params, 1.0, 1.0, 50);
  pa = sd_trajectory_get_points (full, &n);
  pb = sd_trajectory_get_points (whole, &n);
  pc = sd_trajectory_get_points (larger, &n);
  assert_points_equal (pa, pb, n);
  assert_points_equal (pa, pc, n);

  /* Newton does not draw batches. */
  calls = 0;
  newton_params.batch_size = 2;
  newton = run (&objective, &newton_params, 1.0, 1.0, 3);
  g_assert_cmpuint (calls, ==, 0);
  g_assert_false (sd_optimizer_kind_is_stochastic (SD_OPTIMIZER_NEWTON));
  g_assert_true (sd_optimizer_kind_is_stochastic (SD_OPTIMIZER_ADAMW));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/optimizer/minibatch/draws", test_minibatch);
  g_test_add_func ("/core/optimizer/minibatch/seeds", test_minibatch_seeds);

  return g_test_run ();
}
