/* test-optimizer-params.c: optimizer kinds, their settings and the rules those obey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "optimizer-testing.h"

/* The same settings, bit for bit, field by field (the memory of the whole
 * structs would also compare the padding after @kind). */
static void
assert_params_identical (const SdOptimizerParams *a,
                         const SdOptimizerParams *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpmem (&a->learning_rate, sizeof (double), &b->learning_rate, sizeof (double));
  g_assert_cmpmem (&a->momentum, sizeof (double), &b->momentum, sizeof (double));
  g_assert_cmpmem (&a->alpha, sizeof (double), &b->alpha, sizeof (double));
  g_assert_cmpmem (&a->beta1, sizeof (double), &b->beta1, sizeof (double));
  g_assert_cmpmem (&a->beta2, sizeof (double), &b->beta2, sizeof (double));
  g_assert_cmpmem (&a->epsilon, sizeof (double), &b->epsilon, sizeof (double));
  g_assert_cmpmem (&a->weight_decay, sizeof (double), &b->weight_decay, sizeof (double));
  g_assert_cmpmem (&a->damping, sizeof (double), &b->damping, sizeof (double));
  g_assert_cmpuint (a->batch_size, ==, b->batch_size);
  g_assert_cmpuint (a->seed, ==, b->seed);
}

static void
assert_set_fails (SdOptimizerKind  kind,
                  const char      *key,
                  double           value,
                  const char      *message)
{
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  SdOptimizerParams before;

  sd_optimizer_params_init (&params, kind);
  before = params;
  g_assert_false (sd_optimizer_params_set (&params, key, value, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  assert_params_identical (&params, &before);
}

static void
test_names (void)
{
  const char * const *names = sd_optimizer_list_names ();
  const char *expected[] = {
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton", "bfgs",
    "conjugate-gradient", "nelder-mead",
  };
  g_autoptr(GError) error = NULL;
  SdOptimizerKind kind = SD_OPTIMIZER_SGD;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, SD_N_OPTIMIZER_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) local = NULL;

      g_assert_cmpstr (names[i], ==, expected[i]);
      g_assert_cmpstr (sd_optimizer_kind_to_name (i), ==, expected[i]);
      g_assert_true (sd_optimizer_kind_from_name (expected[i], &kind, &local));
      g_assert_no_error (local);
      g_assert_cmpuint (kind, ==, i);
    }

  g_assert_false (sd_optimizer_kind_from_name ("foo", &kind, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown optimizer 'foo'");
}

static void
test_keys (void)
{
  const char *adam[] = {
    "learning-rate", "beta1", "beta2", "epsilon", "weight-decay", "batch-size", "seed", NULL
  };
  const char *newton[] = { "learning-rate", "damping", NULL };

  g_assert_cmpstrv (sd_optimizer_kind_get_keys (SD_OPTIMIZER_ADAM), adam);
  g_assert_cmpstrv (sd_optimizer_kind_get_keys (SD_OPTIMIZER_NEWTON), newton);
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_RMSPROP, "alpha"));
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_RMSPROP, "momentum"));
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_NESTEROV, "momentum"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_SGD, "momentum"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_ADAGRAD, "beta1"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_BFGS, "batch-size"));
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_NELDER_MEAD, "learning-rate"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_ADAM, "nonsense"));

  /* Every listed key can be read and written. */
  for (guint kind = 0; kind < SD_N_OPTIMIZER_KINDS; kind++)
    {
      const char * const *keys = sd_optimizer_kind_get_keys (kind);
      SdOptimizerParams params;

      sd_optimizer_params_init (&params, kind);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          double value = -1.0;

          g_assert_true (sd_optimizer_params_get (&params, keys[i], &value));
          set (&params, keys[i], value);
        }
    }
}

/* torch.optim's defaults, as inspect.signature (torch.optim.X.__init__) shows them
 * in torch 1.13:
 *   SGD(lr=required, momentum=0, dampening=0, weight_decay=0, nesterov=False)
 *   Adagrad(lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
 *           eps=1e-10)
 *   RMSprop(lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0)
 *   Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0)
 *   AdamW(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01)
 * (SGD has no default learning rate; Saddle uses 0.01 and momentum 0.9.) */
static void
test_defaults (void)
{
  SdOptimizerParams p;

  sd_optimizer_params_init (&p, SD_OPTIMIZER_SGD);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.weight_decay, ==, 0.0);
  g_assert_cmpuint (p.batch_size, ==, 0);
  g_assert_cmpuint (p.seed, ==, 1);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_MOMENTUM);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.momentum, ==, 0.9);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_NESTEROV);
  g_assert_cmpfloat (p.momentum, ==, 0.9);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_ADAGRAD);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.epsilon, ==, 1e-10);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_RMSPROP);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.alpha, ==, 0.99);
  g_assert_cmpfloat (p.epsilon, ==, 1e-8);
  g_assert_cmpfloat (p.momentum, ==, 0.0);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_ADAM);
  g_assert_cmpfloat (p.learning_rate, ==, 0.001);
  g_assert_cmpfloat (p.beta1, ==, 0.9);
  g_assert_cmpfloat (p.beta2, ==, 0.999);
  g_assert_cmpfloat (p.epsilon, ==, 1e-8);
  g_assert_cmpfloat (p.weight_decay, ==, 0.0);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_ADAMW);
  g_assert_cmpfloat (p.learning_rate, ==, 0.001);
  g_assert_cmpfloat (p.weight_decay, ==, 0.01);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_NEWTON);
  g_assert_cmpfloat (p.learning_rate, ==, 1.0);
  g_assert_cmpfloat (p.damping, ==, 0.0);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_BFGS);
  g_assert_cmpfloat (p.learning_rate, ==, 0.1);
  sd_optimizer_params_init (&p, SD_OPTIMIZER_CONJUGATE_GRADIENT);
  g_assert_cmpfloat (p.learning_rate, ==, 0.1);
  sd_optimizer_params_init (&p, SD_OPTIMIZER_NELDER_MEAD);
  g_assert_cmpfloat (p.learning_rate, ==, 0.5);

  for (guint kind = 0; kind < SD_N_OPTIMIZER_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;

      sd_optimizer_params_init (&p, kind);
      g_assert_true (sd_optimizer_params_validate (&p, &error));
      g_assert_no_error (error);
    }
}

static void
test_validation (void)
{
  assert_set_fails (SD_OPTIMIZER_SGD, "learning-rate", NAN,
                    "learning-rate: must be a positive finite number, got 'nan'");
  assert_set_fails (SD_OPTIMIZER_SGD, "learning-rate", 0.0,
                    "learning-rate: must be a positive finite number, got '0'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "learning-rate", -0.1,
                    "learning-rate: must be a positive finite number, got '-0.1'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "learning-rate", INFINITY,
                    "learning-rate: must be a positive finite number, got 'inf'");
  assert_set_fails (SD_OPTIMIZER_MOMENTUM, "momentum", -0.5,
                    "momentum: must be a finite number >= 0, got '-0.5'");
  assert_set_fails (SD_OPTIMIZER_NESTEROV, "momentum", 0.0,
                    "momentum: nesterov needs a positive momentum, got '0'");
  assert_set_fails (SD_OPTIMIZER_RMSPROP, "alpha", 1.0, "alpha: must be in [0, 1), got '1'");
  assert_set_fails (SD_OPTIMIZER_RMSPROP, "alpha", -0.25, "alpha: must be in [0, 1), got '-0.25'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta1", 1.0, "beta1: must be in [0, 1), got '1'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta2", NAN, "beta2: must be in [0, 1), got 'nan'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta2", 1.5, "beta2: must be in [0, 1), got '1.5'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "epsilon", 0.0,
                    "epsilon: must be a positive finite number, got '0'");
  assert_set_fails (SD_OPTIMIZER_ADAMW, "weight-decay", -1e-3,
                    "weight-decay: must be a finite number >= 0, got '-0.001'");
  assert_set_fails (SD_OPTIMIZER_NEWTON, "damping", -INFINITY,
                    "damping: must be a finite number >= 0, got '-inf'");
  assert_set_fails (SD_OPTIMIZER_SGD, "batch-size", 2.5,
                    "batch-size: must be a whole number from 0 (the full batch) to 100000, "
                    "got '2.5'");
  assert_set_fails (SD_OPTIMIZER_SGD, "batch-size", 100001,
                    "batch-size: must be a whole number from 0 (the full batch) to 100000, "
                    "got '100001'");
  assert_set_fails (SD_OPTIMIZER_SGD, "seed", -1,
                    "seed: must be a whole number from 0 to 4294967295, got '-1'");
  assert_set_fails (SD_OPTIMIZER_SGD, "seed", 4294967296.0,
                    "seed: must be a whole number from 0 to 4294967295, got '4294967296'");
  assert_set_fails (SD_OPTIMIZER_SGD, "learning_rate", 0.1,
                    "unknown optimizer setting 'learning_rate'");

  /* A value that needs all 17 digits is quoted exactly. */
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta1", 1.0000000000000002,
                    "beta1: must be in [0, 1), got '1.0000000000000002'");
}

static void
test_validation_accepts_edges (void)
{
  SdOptimizerParams params = params_for ("rmsprop");
  double value = 0.0;

  set (&params, "alpha", 0.0);
  set (&params, "momentum", 0.0);
  set (&params, "weight-decay", 0.0);
  set (&params, "batch-size", 100000);
  set (&params, "seed", 4294967295.0);
  g_assert_cmpuint (params.batch_size, ==, 100000);
  g_assert_cmpuint (params.seed, ==, G_MAXUINT32);
  g_assert_true (sd_optimizer_params_get (&params, "seed", &value));
  g_assert_cmpfloat (value, ==, 4294967295.0);
  g_assert_false (sd_optimizer_params_get (&params, "nonsense", &value));
}

/* Hand-filled parameters are checked before a run starts. */
static void
test_validation_run (void)
{
  SdObjective objective = { quadratic };
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params = params_for ("adam");
  SdOptimizer *optimizer;
  SdTrajectory *trajectory;
  double start[2] = { 1.0, 1.0 };
  double bad_start[2] = { NAN, 1.0 };

  params.beta2 = 1.0;
  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_null (optimizer);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "beta2: must be in [0, 1), got '1'");
  g_clear_error (&error);

  /* A kind ignores keys it does not read, even invalid ones. */
  params = params_for ("sgd");
  params.beta2 = 1.0;
  params.momentum = -1.0;
  g_assert_true (sd_optimizer_params_validate (&params, &error));
  g_assert_no_error (error);

  params.kind = SD_N_OPTIMIZER_KINDS;
  g_assert_false (sd_optimizer_params_validate (&params, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  params = params_for ("sgd");
  optimizer = sd_optimizer_new (&params, &objective, bad_start, &error);
  g_assert_null (optimizer);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "start: must be a finite point, got 'nan, 1'");
  g_clear_error (&error);

  trajectory = sd_trajectory_compute_objective (&objective, &params, start,
                                                SD_TRAJECTORY_MAX_STEPS + 1, NULL, &error);
  g_assert_null (trajectory);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "steps: must be a whole number from 0 to 100000, "
                   "got '100001'");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/optimizer/names", test_names);
  g_test_add_func ("/core/optimizer/keys", test_keys);
  g_test_add_func ("/core/optimizer/defaults", test_defaults);
  g_test_add_func ("/core/optimizer/validation/values", test_validation);
  g_test_add_func ("/core/optimizer/validation/edges", test_validation_accepts_edges);
  g_test_add_func ("/core/optimizer/validation/run", test_validation_run);

  return g_test_run ();
}
