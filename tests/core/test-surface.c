/* test-surface.c: built-in surfaces, regression losses and their data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core-error.h"
#include "state-testing.h"
#include "surface.h"
#include "trajectory.h"

/* |actual - expected| <= tol max (|expected|, floor); NaN matches NaN. */
static void
assert_close (double actual,
              double expected,
              double tol,
              double floor)
{
  if (isnan (actual) && isnan (expected))
    return;
  if (!(fabs (actual - expected) <= tol * MAX (fabs (expected), floor)))
    g_error ("expected %.17g, got %.17g (difference %.3g)", expected, actual,
             fabs (actual - expected));
}

static SdSurface *
builtin (const char            *name,
         const SdSurfaceParams *params)
{
  g_autoptr(GError) error = NULL;
  SdSurface *surface = sd_surface_new_builtin (name, params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (surface);
  return surface;
}

static SdSurface *
regression (const char *name,
            guint       size,
            double      noise,
            guint32     seed)
{
  SdSurfaceParams params = { size, noise, seed };

  return builtin (name, &params);
}

/* The test functions written out in C, independently of the expression
 * engine the surfaces are compiled with. */

static double
ref_rosenbrock (double x, double y)
{
  return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}

static double
ref_himmelblau (double x, double y)
{
  return pow (x * x + y - 11, 2) + pow (x + y * y - 7, 2);
}

static double
ref_beale (double x, double y)
{
  return pow (1.5 - x + x * y, 2) + pow (2.25 - x + x * y * y, 2)
         + pow (2.625 - x + x * y * y * y, 2);
}

static double
ref_booth (double x, double y)
{
  return pow (x + 2 * y - 7, 2) + pow (2 * x + y - 5, 2);
}

static double
ref_rastrigin (double x, double y)
{
  return 20 + x * x - 10 * cos (2 * M_PI * x) + y * y - 10 * cos (2 * M_PI * y);
}

static double
ref_ackley (double x, double y)
{
  return -20 * exp (-0.2 * sqrt (0.5 * (x * x + y * y)))
         - exp (0.5 * (cos (2 * M_PI * x) + cos (2 * M_PI * y))) + M_E + 20;
}

static double
ref_saddle (double x, double y)
{
  return x * x - y * y;
}

static double
ref_matyas (double x, double y)
{
  return 0.26 * (x * x + y * y) - 0.48 * x * y;
}

static double
ref_camel (double x, double y)
{
  return 2 * x * x - 1.05 * pow (x, 4) + pow (x, 6) / 6 + x * y + y * y;
}

typedef struct
{
  const char *name;
  double    (*f) (double x, double y);
  double      x_range[2];
  double      y_range[2];
  /* Published global minima (Wikipedia, "Test functions for
   * optimization"), to the digits given there. */
  guint       n_minima;
  double      minima[4][2];
} Function;

static const Function functions[] = {
  { "rosenbrock", ref_rosenbrock, { -2, 2 }, { -1, 3 }, 1, { { 1, 1 } } },
  { "himmelblau", ref_himmelblau, { -5, 5 }, { -5, 5 }, 4,
    { { 3, 2 }, { -2.805118, 3.131312 }, { -3.779310, -3.283186 }, { 3.584428, -1.848126 } } },
  { "beale", ref_beale, { -4.5, 4.5 }, { -4.5, 4.5 }, 1, { { 3, 0.5 } } },
  { "booth", ref_booth, { -10, 10 }, { -10, 10 }, 1, { { 1, 3 } } },
  { "rastrigin", ref_rastrigin, { -5.12, 5.12 }, { -5.12, 5.12 }, 1, { { 0, 0 } } },
  { "ackley", ref_ackley, { -5, 5 }, { -5, 5 }, 1, { { 0, 0 } } },
  { "saddle", ref_saddle, { -2, 2 }, { -2, 2 }, 0, { { 0, 0 } } },
  { "matyas", ref_matyas, { -10, 10 }, { -10, 10 }, 1, { { 0, 0 } } },
  { "three-hump-camel", ref_camel, { -5, 5 }, { -5, 5 }, 1, { { 0, 0 } } },
};

static const double probe_points[][2] = {
  { 0.3, -0.7 }, { 1.1, 0.4 }, { -2.2, 1.9 }, { 1.7, -1.3 },
};

static void
test_list (void)
{
  const char *expected[] = {
    "rosenbrock", "himmelblau", "beale", "booth", "rastrigin", "ackley", "saddle", "matyas",
    "three-hump-camel", "linear-regression", "logistic-regression", NULL
  };
  const char *dataset_keys[] = { "dataset-size", "noise", "seed", NULL };

  g_assert_cmpstrv (sd_surface_list_builtins (), expected);
  g_assert_cmpstrv (sd_surface_builtin_get_keys ("linear-regression"), dataset_keys);
  g_assert_cmpstrv (sd_surface_builtin_get_keys ("logistic-regression"), dataset_keys);
  g_assert_cmpuint (g_strv_length ((char **) sd_surface_builtin_get_keys ("rosenbrock")), ==, 0);
  g_assert_null (sd_surface_builtin_get_keys ("custom"));
  g_assert_null (sd_surface_builtin_get_keys ("foo"));
}

/* Values agree with the formulas, first derivatives with central
 * differences (error O(h^2) ~ 1e-10) and second derivatives with central
 * differences of the gradient. */
static void
test_function (gconstpointer data)
{
  const Function *fn = data;
  g_autoptr(SdSurface) surface = builtin (fn->name, NULL);
  const double h = 1e-5;
  double xr[2], yr[2];

  g_assert_cmpstr (sd_surface_get_name (surface), ==, fn->name);
  g_assert_cmpstr (sd_surface_get_x_label (surface), ==, "x");
  g_assert_cmpstr (sd_surface_get_y_label (surface), ==, "y");
  g_assert_nonnull (sd_surface_get_expression (surface));
  g_assert_null (sd_surface_get_dataset (surface));
  g_assert_false (sd_surface_is_stochastic (surface));

  sd_surface_get_default_range (surface, xr, yr);
  g_assert_cmpfloat (xr[0], ==, fn->x_range[0]);
  g_assert_cmpfloat (xr[1], ==, fn->x_range[1]);
  g_assert_cmpfloat (yr[0], ==, fn->y_range[0]);
  g_assert_cmpfloat (yr[1], ==, fn->y_range[1]);

  for (guint i = 0; i < G_N_ELEMENTS (probe_points); i++)
    {
      double x = probe_points[i][0], y = probe_points[i][1];
      double grad[2], hess[4], gxp[2], gxm[2], gyp[2], gym[2];
      double value = sd_surface_eval (surface, x, y, grad, hess);

      assert_close (value, fn->f (x, y), 1e-13, 1.0);
      g_assert_cmpfloat (sd_surface_eval (surface, x, y, NULL, NULL), ==, value);

      assert_close (grad[0], (fn->f (x + h, y) - fn->f (x - h, y)) / (2 * h), 1e-7, 1.0);
      assert_close (grad[1], (fn->f (x, y + h) - fn->f (x, y - h)) / (2 * h), 1e-7, 1.0);

      sd_surface_eval (surface, x + h, y, gxp, NULL);
      sd_surface_eval (surface, x - h, y, gxm, NULL);
      sd_surface_eval (surface, x, y + h, gyp, NULL);
      sd_surface_eval (surface, x, y - h, gym, NULL);
      assert_close (hess[0], (gxp[0] - gxm[0]) / (2 * h), 1e-7, 1.0);
      assert_close (hess[1], (gyp[0] - gym[0]) / (2 * h), 1e-7, 1.0);
      assert_close (hess[2], (gxp[1] - gxm[1]) / (2 * h), 1e-7, 1.0);
      assert_close (hess[3], (gyp[1] - gym[1]) / (2 * h), 1e-7, 1.0);
    }
}

/* Each known minimum is a published one, the value there is 0 and the
 * gradient vanishes. */
static void
test_minima (gconstpointer data)
{
  const Function *fn = data;
  g_autoptr(SdSurface) surface = builtin (fn->name, NULL);
  const SdSurfaceMinimum *minima;
  guint n = 99;

  minima = sd_surface_get_minima (surface, &n);
  g_assert_cmpuint (n, ==, fn->n_minima);

  for (guint i = 0; i < n; i++)
    {
      double x = minima[i].point[0], y = minima[i].point[1];
      double grad[2];
      double value = sd_surface_eval (surface, x, y, grad, NULL);

      g_assert_cmpfloat_with_epsilon (x, fn->minima[i][0], 1e-6);
      g_assert_cmpfloat_with_epsilon (y, fn->minima[i][1], 1e-6);
      g_assert_cmpfloat (minima[i].value, ==, 0.0);
      g_assert_cmpfloat_with_epsilon (value, 0.0, 1e-15);
      g_assert_cmpfloat_with_epsilon (fn->f (x, y), 0.0, 1e-15);

      /* Ackley's cone has no gradient at its tip. */
      if (!g_str_equal (fn->name, "ackley"))
        {
          g_assert_cmpfloat_with_epsilon (grad[0], 0.0, 1e-12);
          g_assert_cmpfloat_with_epsilon (grad[1], 0.0, 1e-12);
        }
    }
}

/* Ackley near its tip: the gradient points away from the origin with the
 * cone's slope, d/dr of -20 exp (-0.2 r / sqrt 2) at r = 0, which is
 * 4 / sqrt 2 = 2 sqrt 2 (the cosine term is flat there). */
static void
test_ackley_tip (void)
{
  g_autoptr(SdSurface) surface = builtin ("ackley", NULL);
  double grad[2];

  sd_surface_eval (surface, 1e-9, 0.0, grad, NULL);
  assert_close (grad[0], 2.0 * M_SQRT2, 1e-6, 1.0);
  g_assert_cmpfloat_with_epsilon (grad[1], 0.0, 1e-12);
  sd_surface_eval (surface, -3e-9, -4e-9, grad, NULL);
  assert_close (grad[0], -0.6 * 2.0 * M_SQRT2, 1e-6, 1.0);
  assert_close (grad[1], -0.8 * 2.0 * M_SQRT2, 1e-6, 1.0);
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;
  SdSurface *surface;

  surface = sd_surface_new_builtin ("foo", NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown surface 'foo'");
  g_clear_error (&error);

  /* "custom" is made with sd_surface_new_custom (), not by name. */
  surface = sd_surface_new_builtin ("custom", NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown surface 'custom'");
}

static void
test_custom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = NULL;
  SdSurface *bad;
  double grad[2], hess[4], xr[2], yr[2];
  guint n = 99;

  surface = sd_surface_new_custom ("x^2 + 3*x*y - sin(y)", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_surface_get_name (surface), ==, "custom");
  g_assert_cmpstr (sd_surface_get_expression (surface), ==, "x^2 + 3*x*y - sin(y)");
  sd_surface_get_minima (surface, &n);
  g_assert_cmpuint (n, ==, 0);
  sd_surface_get_default_range (surface, xr, yr);
  g_assert_cmpfloat (xr[0], ==, -5.0);
  g_assert_cmpfloat (yr[1], ==, 5.0);

  /* At (1, 2): f = 1 + 6 - sin 2, grad = (2x + 3y, 3x - cos y),
   * H = [[2, 3], [3, sin y]]. */
  assert_close (sd_surface_eval (surface, 1.0, 2.0, grad, hess), 7.0 - sin (2.0), 1e-15, 1.0);
  assert_close (grad[0], 8.0, 1e-15, 1.0);
  assert_close (grad[1], 3.0 - cos (2.0), 1e-15, 1.0);
  assert_close (hess[0], 2.0, 1e-15, 1.0);
  assert_close (hess[1], 3.0, 1e-15, 1.0);
  assert_close (hess[2], 3.0, 1e-15, 1.0);
  assert_close (hess[3], sin (2.0), 1e-15, 1.0);

  bad = sd_surface_new_custom ("x^2 +", &error);
  g_assert_null (bad);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE);
}

static void
test_refcount (void)
{
  SdSurface *surface = builtin ("booth", NULL);

  g_assert_true (sd_surface_ref (surface) == surface);
  sd_surface_unref (surface);
  assert_close (sd_surface_eval (surface, 0.0, 0.0, NULL, NULL), 74.0, 1e-15, 1.0);
  sd_surface_unref (surface);
}

/* The generating process documented in dataset.h, re-implemented. */
static void
test_dataset_documented (void)
{
  for (guint seed = 0; seed < 3; seed++)
    {
      g_autoptr(SdDataset) linear = sd_dataset_new (SD_DATASET_LINEAR, 40, 0.5, seed);
      g_autoptr(SdDataset) logistic = sd_dataset_new (SD_DATASET_LOGISTIC, 40, 0.7, seed);
      gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

      g_assert_cmpuint (linear->n, ==, 40);
      g_assert_null (linear->x2);
      gsl_rng_set (rng, seed);
      for (guint i = 0; i < 40; i++)
        {
          double x = 2.0 * gsl_rng_uniform (rng) - 1.0;
          double e = gsl_ran_gaussian (rng, 1.0);

          g_assert_cmpfloat (linear->x1[i], ==, x);
          g_assert_cmpfloat (linear->y[i], ==, 2.0 * x + 1.0 + 0.5 * e);
        }

      gsl_rng_set (rng, seed);
      for (guint i = 0; i < 40; i++)
        {
          double x1 = gsl_ran_gaussian (rng, 1.0);
          double x2 = gsl_ran_gaussian (rng, 1.0);
          double e = gsl_ran_logistic (rng, 1.0);

          g_assert_cmpfloat (logistic->x1[i], ==, x1);
          g_assert_cmpfloat (logistic->x2[i], ==, x2);
          g_assert_cmpfloat (logistic->y[i], ==, (1.5 * x1 - x2 + 0.7 * e > 0.0) ? 1.0 : 0.0);
        }

      gsl_rng_free (rng);
    }
}

static void
test_dataset_reproducible (void)
{
  g_autoptr(SdDataset) a = sd_dataset_new (SD_DATASET_LOGISTIC, 1000, 0.5, 9);
  g_autoptr(SdDataset) b = sd_dataset_new (SD_DATASET_LOGISTIC, 1000, 0.5, 9);
  g_autoptr(SdDataset) c = sd_dataset_new (SD_DATASET_LOGISTIC, 1000, 0.5, 10);
  g_autoptr(SdDataset) d = sd_dataset_new (SD_DATASET_LOGISTIC, 1000, 2.0, 9);
  g_autoptr(SdDataset) e = sd_dataset_copy (a);
  g_autoptr(SdDataset) clean = sd_dataset_new (SD_DATASET_LOGISTIC, 1000, 0.0, 9);
  guint flips = 0;

  g_assert_cmpmem (a->x1, 1000 * sizeof (double), b->x1, 1000 * sizeof (double));
  g_assert_cmpmem (a->x2, 1000 * sizeof (double), b->x2, 1000 * sizeof (double));
  g_assert_cmpmem (a->y, 1000 * sizeof (double), b->y, 1000 * sizeof (double));
  g_assert_cmpmem (a->y, 1000 * sizeof (double), e->y, 1000 * sizeof (double));
  g_assert_cmpmem (a->x2, 1000 * sizeof (double), e->x2, 1000 * sizeof (double));
  g_assert_cmpfloat (a->x1[0], !=, c->x1[0]);

  /* The noise level changes the labels, never the features. */
  g_assert_cmpmem (a->x1, 1000 * sizeof (double), d->x1, 1000 * sizeof (double));
  g_assert_cmpmem (a->x2, 1000 * sizeof (double), d->x2, 1000 * sizeof (double));

  /* Without noise the labels are the true boundary's; noise flips some. */
  for (guint i = 0; i < 1000; i++)
    {
      g_assert_cmpfloat (clean->y[i], ==, 1.5 * clean->x1[i] - clean->x2[i] > 0.0 ? 1.0 : 0.0);
      flips += clean->y[i] != a->y[i];
    }
  g_assert_cmpuint (flips, >, 0);
  g_assert_cmpuint (flips, <, 300);
}

/* The dataset behind the torch references below: dataset-size 5,
 * noise 0.5, seed 1. */
static const double data_x[] = {
  -0.16595600312575698, 0.99808103078976274, -0.81532280892133713,
  -0.22417851956561208, -0.20646506268531084
};
static const double data_y[] = {
  0.47364257015898859, 2.7839688885521858, -1.2420759998166149,
  1.2043790118524607, 0.61957382001648376
};
static const double data_x1[] = {
  0.30639951233047602, -1.2228607639478812, 0.64747651387331751,
  1.1289102583625295, -0.31403631431884504
};
static const double data_x2[] = {
  -0.42438634605467918, -1.5885848187379497, 1.1942346875362946,
  -1.4405015073911924, 0.033655085464739852
};
static const double data_t[] = { 0.0, 1.0, 0.0, 1.0, 0.0 };

static void
test_dataset_small (void)
{
  g_autoptr(SdSurface) linear = regression ("linear-regression", 5, 0.5, 1);
  g_autoptr(SdSurface) logistic = regression ("logistic-regression", 5, 0.5, 1);
  const SdDataset *a = sd_surface_get_dataset (linear);
  const SdDataset *b = sd_surface_get_dataset (logistic);

  g_assert_cmpint (a->kind, ==, SD_DATASET_LINEAR);
  g_assert_cmpint (b->kind, ==, SD_DATASET_LOGISTIC);
  g_assert_cmpuint (a->n, ==, 5);
  g_assert_cmpmem (a->x1, 5 * sizeof (double), data_x, sizeof data_x);
  g_assert_cmpmem (a->y, 5 * sizeof (double), data_y, sizeof data_y);
  g_assert_cmpmem (b->x1, 5 * sizeof (double), data_x1, sizeof data_x1);
  g_assert_cmpmem (b->x2, 5 * sizeof (double), data_x2, sizeof data_x2);
  g_assert_cmpmem (b->y, 5 * sizeof (double), data_t, sizeof data_t);
}

/* Loss, gradient and Hessian on that data, from torch 1.13's autograd:
 *
 * import torch
 * torch.set_default_dtype(torch.float64)
 * F = torch.nn.functional
 * x = torch.tensor([-0.16595600312575698, 0.99808103078976274, -0.81532280892133713,
 *                   -0.22417851956561208, -0.20646506268531084])
 * y = torch.tensor([0.47364257015898859, 2.7839688885521858, -1.2420759998166149,
 *                   1.2043790118524607, 0.61957382001648376])
 * x1 = torch.tensor([0.30639951233047602, -1.2228607639478812, 0.64747651387331751,
 *                    1.1289102583625295, -0.31403631431884504])
 * x2 = torch.tensor([-0.42438634605467918, -1.5885848187379497, 1.1942346875362946,
 *                    -1.4405015073911924, 0.033655085464739852])
 * t = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.0])
 *
 * def linear(p): return ((p[0] * x + p[1] - y) ** 2).mean()
 * def logistic(p): return F.binary_cross_entropy_with_logits(p[0] * x1 + p[1] * x2, t)
 *
 * for name, f, points in (("linear", linear, [(0.0, 0.0), (2.0, 1.0), (-1.0, 3.0)]),
 *                         ("logistic", logistic, [(0.0, 0.0), (1.5, -1.0), (-2.0, 0.5),
 *                                                 (40.0, -30.0)])):
 *     for pt in points:
 *         p = torch.tensor(pt, requires_grad=True)
 *         value = f(p)
 *         grad, = torch.autograd.grad(value, p)
 *         hess = torch.autograd.functional.hessian(f, torch.tensor(pt))
 *         print('  { "%s", { %r, %r }, %r,' % (name, *pt, value.item()))
 *         print('    { %r, %r },' % tuple(grad.tolist()))
 *         print('    { %r, %r, %r, %r } },' % tuple(hess.flatten().tolist()))
 */
typedef struct
{
  const char *surface;
  double      point[2];
  double      value;
  double      grad[2];
  double      hess[4];
} LossCase;

static const LossCase loss_cases[] = {
  { "linear", { 0.0, 0.0 }, 2.270394673730855,
    { -1.3259197406889598, -1.5357953163054017 },
    { 0.7125369009949959, -0.1655365454033017, -0.1655365454033017, 2.0 } },
  { "linear", { 2.0, 1.0 }, 0.17676058723092242,
    { -0.0663824841022698, 0.13313159288799498 },
    { 0.7125369009949959, -0.1655365454033017, -0.1655365454033017, 2.0 } },
  { "linear", { -1.0, 3.0 }, 8.841806552211013,
    { -2.535066277893861, 4.629741229097901 },
    { 0.7125369009949959, -0.1655365454033017, -0.1655365454033017, 2.0 } },
  { "logistic", { 0.0, 0.0 }, 0.6931471805599453,
    { 0.07337902174703002, 0.38325897530754977 },
    { 0.16907760616621054, 0.04745296699607916, 0.04745296699607915, 0.31030396217655876 } },
  { "logistic", { 1.5, -1.0 }, 0.63121867620193,
    { 0.20509107691931927, 0.23893215575477747 },
    { 0.11306223062172686, 0.11498189534867173, 0.1149818953486717, 0.21882659860356665 } },
  { "logistic", { -2.0, 0.5 }, 1.007437051648814,
    { -0.15498289895932144, 0.38319341009508834 },
    { 0.07916039954161759, 0.0657973057146034, 0.0657973057146034, 0.15824218799968603 } },
  { "logistic", { 40.0, -30.0 }, 5.298981320904988,
    { 0.2516830134415987, 0.16247373901192727 },
    { 0.05157813468759476, 0.06700593298519693, 0.06700593298519693, 0.08704968485944693 } },
};

static void
test_losses_torch (void)
{
  g_autoptr(SdSurface) linear = regression ("linear-regression", 5, 0.5, 1);
  g_autoptr(SdSurface) logistic = regression ("logistic-regression", 5, 0.5, 1);

  for (guint i = 0; i < G_N_ELEMENTS (loss_cases); i++)
    {
      const LossCase *lc = &loss_cases[i];
      SdSurface *surface = g_str_equal (lc->surface, "linear") ? linear : logistic;
      double grad[2], hess[4];
      double value = sd_surface_eval (surface, lc->point[0], lc->point[1], grad, hess);

      assert_close (value, lc->value, 1e-14, 1e-3);
      for (guint k = 0; k < 2; k++)
        assert_close (grad[k], lc->grad[k], 1e-13, 1e-3);
      for (guint k = 0; k < 4; k++)
        assert_close (hess[k], lc->hess[k], 1e-13, 1e-3);
    }
}

static void
test_regression_surfaces (void)
{
  g_autoptr(SdSurface) linear = builtin ("linear-regression", NULL);
  g_autoptr(SdSurface) logistic = builtin ("logistic-regression", NULL);
  double xr[2], yr[2];

  g_assert_cmpstr (sd_surface_get_name (linear), ==, "linear-regression");
  g_assert_cmpstr (sd_surface_get_x_label (linear), ==, "w");
  g_assert_cmpstr (sd_surface_get_y_label (linear), ==, "b");
  g_assert_cmpstr (sd_surface_get_x_label (logistic), ==, "w1");
  g_assert_cmpstr (sd_surface_get_y_label (logistic), ==, "w2");
  g_assert_null (sd_surface_get_expression (linear));
  g_assert_true (sd_surface_is_stochastic (linear));
  g_assert_true (sd_surface_is_stochastic (logistic));
  g_assert_cmpuint (sd_surface_get_dataset (linear)->n, ==, 50);
  g_assert_cmpuint (sd_surface_get_dataset (logistic)->n, ==, 50);

  /* The true parameters lie inside the default ranges. */
  sd_surface_get_default_range (linear, xr, yr);
  g_assert_cmpfloat (xr[0], <, 2.0);
  g_assert_cmpfloat (xr[1], >, 2.0);
  g_assert_cmpfloat (yr[0], <, 1.0);
  g_assert_cmpfloat (yr[1], >, 1.0);
  sd_surface_get_default_range (logistic, xr, yr);
  g_assert_cmpfloat (xr[0], <, 1.5 / 0.5);
  g_assert_cmpfloat (xr[1], >, 1.5 / 0.5);
  g_assert_cmpfloat (yr[0], <, -1.0 / 0.5);
  g_assert_cmpfloat (yr[1], >, -1.0 / 0.5);
}

/* The least-squares fit of the small dataset, from NumPy:
 *
 * import numpy as np    (after the torch snippet above, for x and y)
 * A = np.stack([x.numpy(), np.ones(5)], axis=1)
 * w, b = np.linalg.lstsq(A, y.numpy(), rcond=None)[0]
 * print(repr(w), repr(b))
 *
 * prints 2.0792223550870665 0.9399913010459161. */
static void
test_linear_minimum (void)
{
  g_autoptr(SdSurface) small = regression ("linear-regression", 5, 0.5, 1);
  g_autoptr(SdSurface) surface = builtin ("linear-regression", NULL);
  const SdDataset *data = sd_surface_get_dataset (surface);
  const SdSurfaceMinimum *minimum;
  double sx = 0, sxx = 0, sy = 0, sxy = 0, det, w, b, grad[2];
  guint n = 0;

  minimum = sd_surface_get_minima (small, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_close (minimum->point[0], 2.0792223550870665, 1e-14, 1.0);
  assert_close (minimum->point[1], 0.9399913010459161, 1e-14, 1.0);

  /* The normal equations [[sxx, sx], [sx, n]] (w, b) = (sxy, sy) of the
   * default dataset, solved by Cramer's rule. */
  for (guint i = 0; i < data->n; i++)
    {
      sx += data->x1[i];
      sxx += data->x1[i] * data->x1[i];
      sy += data->y[i];
      sxy += data->x1[i] * data->y[i];
    }
  det = sxx * data->n - sx * sx;
  w = (sxy * data->n - sx * sy) / det;
  b = (sxx * sy - sx * sxy) / det;

  minimum = sd_surface_get_minima (surface, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_close (minimum->point[0], w, 1e-13, 1.0);
  assert_close (minimum->point[1], b, 1e-13, 1.0);
  assert_close (minimum->value, sd_surface_eval (surface, w, b, grad, NULL), 1e-13, 1.0);
  g_assert_cmpfloat_with_epsilon (grad[0], 0.0, 1e-14);
  g_assert_cmpfloat_with_epsilon (grad[1], 0.0, 1e-14);

  /* The fit recovers the true line y = 2 x + 1 roughly. */
  g_assert_cmpfloat_with_epsilon (w, 2.0, 0.5);
  g_assert_cmpfloat_with_epsilon (b, 1.0, 0.5);

  /* One sample (or equal x's) has no unique fit. */
  {
    g_autoptr(SdSurface) single = regression ("linear-regression", 1, 0.5, 1);

    sd_surface_get_minima (single, &n);
    g_assert_cmpuint (n, ==, 0);
  }
}

/* The maximum-likelihood weights of the small dataset, by Newton's method
 * in NumPy:
 *
 * import numpy as np    (after the torch snippet above, for x1, x2 and t)
 * x1, x2, t = x1.numpy(), x2.numpy(), t.numpy()
 * X = np.stack([x1, x2], axis=1)
 * w = np.zeros(2)
 * for _ in range(30):
 *     s = 1 / (1 + np.exp(-X @ w))
 *     g = X.T @ (s - t) / 5
 *     H = (X.T * (s * (1 - s))) @ X / 5
 *     w = w - np.linalg.solve(H, g)
 * print(repr(w[0]), repr(w[1]))
 *
 * prints -0.5027523882003042 -1.9266291066067442. */
static void
test_logistic_minimum (void)
{
  g_autoptr(SdSurface) small = regression ("logistic-regression", 5, 0.5, 1);
  g_autoptr(SdSurface) surface = builtin ("logistic-regression", NULL);
  g_autoptr(SdSurface) separable = regression ("logistic-regression", 50, 0.0, 1);
  const SdSurfaceMinimum *minimum;
  double grad[2], hess[4];
  guint n = 0;

  minimum = sd_surface_get_minima (small, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_close (minimum->point[0], -0.5027523882003042, 1e-12, 1.0);
  assert_close (minimum->point[1], -1.9266291066067442, 1e-12, 1.0);

  /* On the default data: a stationary point with a positive definite
   * Hessian, near the true weights scaled by 1 / noise. */
  minimum = sd_surface_get_minima (surface, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (minimum->value, ==,
                     sd_surface_eval (surface, minimum->point[0], minimum->point[1], grad, hess));
  g_assert_cmpfloat_with_epsilon (grad[0], 0.0, 1e-14);
  g_assert_cmpfloat_with_epsilon (grad[1], 0.0, 1e-14);
  g_assert_cmpfloat (hess[0], >, 0.0);
  g_assert_cmpfloat (hess[0] * hess[3] - hess[1] * hess[2], >, 0.0);
  g_assert_cmpfloat_with_epsilon (minimum->point[0], 3.0, 2.0);
  g_assert_cmpfloat_with_epsilon (minimum->point[1], -2.0, 2.0);

  /* Separable data has no minimum: the loss falls forever towards 0. */
  sd_surface_get_minima (separable, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* Minibatch gradients: the mean over the batch, and over every index the
 * full gradient exactly. */
static void
test_batch_gradient (void)
{
  const char *names[] = { "linear-regression", "logistic-regression" };

  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      g_autoptr(SdSurface) surface = regression (names[s], 20, 0.5, 3);
      const SdDataset *data = sd_surface_get_dataset (surface);
      SdObjective objective;
      guint all[20];
      guint batch[] = { 2, 7, 11, 19 };
      double p[2] = { 0.7, -0.3 };
      double full[2], grad[2], expected[2] = { 0.0, 0.0 };

      sd_surface_get_objective (surface, &objective);
      g_assert_true (sd_objective_is_stochastic (&objective));
      g_assert_cmpuint (objective.n_samples, ==, 20);
      for (guint i = 0; i < 20; i++)
        all[i] = i;

      sd_surface_eval (surface, p[0], p[1], full, NULL);
      objective.batch_gradient (objective.data, p, all, 20, grad);
      g_assert_cmpmem (grad, sizeof grad, full, sizeof full);

      for (guint k = 0; k < G_N_ELEMENTS (batch); k++)
        {
          guint i = batch[k];

          if (data->kind == SD_DATASET_LINEAR)
            {
              double r = p[0] * data->x1[i] + p[1] - data->y[i];

              expected[0] += 2.0 * r * data->x1[i] / 4;
              expected[1] += 2.0 * r / 4;
            }
          else
            {
              double z = p[0] * data->x1[i] + p[1] * data->x2[i];
              double r = 1.0 / (1.0 + exp (-z)) - data->y[i];

              expected[0] += r * data->x1[i] / 4;
              expected[1] += r * data->x2[i] / 4;
            }
        }

      objective.batch_gradient (objective.data, p, batch, 4, grad);
      assert_close (grad[0], expected[0], 1e-14, 1.0);
      assert_close (grad[1], expected[1], 1e-14, 1.0);
    }
}

static SdTrajectory *
run_on (SdSurface  *surface,
        const char *optimizer,
        guint       batch_size,
        guint32     seed,
        guint       steps)
{
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  SdOptimizerKind kind;
  SdTrajectory *trajectory;
  double start[2] = { -1.2, 1.0 };

  g_assert_true (sd_optimizer_kind_from_name (optimizer, &kind, NULL));
  sd_optimizer_params_init (&params, kind);
  params.batch_size = batch_size;
  params.seed = seed;
  if (kind == SD_OPTIMIZER_ADAM)
    params.learning_rate = 0.05;
  trajectory = sd_trajectory_compute (surface, &params, start, steps, NULL, &error);
  g_assert_no_error (error);
  return trajectory;
}

static void
test_minibatch_runs (void)
{
  g_autoptr(SdSurface) surface = regression ("logistic-regression", 30, 0.5, 1);
  g_autoptr(SdTrajectory) a = run_on (surface, "sgd", 5, 11, 100);
  g_autoptr(SdTrajectory) b = run_on (surface, "sgd", 5, 11, 100);
  g_autoptr(SdTrajectory) c = run_on (surface, "sgd", 5, 12, 100);
  g_autoptr(SdTrajectory) full = run_on (surface, "sgd", 0, 11, 100);
  g_autoptr(SdTrajectory) whole = run_on (surface, "sgd", 30, 11, 100);
  g_autoptr(SdTrajectory) whole_other_seed = run_on (surface, "sgd", 30, 5, 100);
  const SdOptimizerState *pa, *pb;
  guint n = 0;

  pa = sd_trajectory_get_points (a, &n);
  pb = sd_trajectory_get_points (b, &n);
  g_assert_cmpuint (n, ==, 101);
  assert_points_equal (pa, pb, n);
  g_assert_cmpfloat (pa[100].position[0], !=, sd_trajectory_get_point (c, 100)->position[0]);

  /* Minibatch steps differ from full-batch ones, but the loss reported
   * is always the full one. */
  g_assert_cmpfloat (pa[1].position[0], !=, sd_trajectory_get_point (full, 1)->position[0]);
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat (pa[k].loss, ==,
                       sd_surface_eval (surface, pa[k].position[0], pa[k].position[1],
                                        NULL, NULL));

  pa = sd_trajectory_get_points (full, &n);
  pb = sd_trajectory_get_points (whole, &n);
  assert_points_equal (pa, pb, n);
  pb = sd_trajectory_get_points (whole_other_seed, &n);
  assert_points_equal (pa, pb, n);
}

/* A built-in surface and the same formula typed by hand give the same
 * run, and it matches torch:
 *
 * import torch
 * torch.set_default_dtype(torch.float64)
 * p = torch.tensor([-1.2, 1.0], requires_grad=True)
 * opt = torch.optim.Adam([p], lr=0.05)
 * for k in range(100):
 *     opt.zero_grad()
 *     ((1 - p[0])**2 + 100 * (p[1] - p[0]**2)**2).backward()
 *     opt.step()
 * print(p.tolist())
 *
 * prints [-0.9076330090692837, 0.8290034093531097]. */
static void
test_surface_run (void)
{
  g_autoptr(SdSurface) rosenbrock = builtin ("rosenbrock", NULL);
  g_autoptr(SdSurface) custom = NULL;
  g_autoptr(SdTrajectory) a = NULL;
  g_autoptr(SdTrajectory) b = NULL;
  const SdOptimizerState *pa, *pb;
  guint n = 0;

  custom = sd_surface_new_custom (sd_surface_get_expression (rosenbrock), NULL);
  a = run_on (rosenbrock, "adam", 0, 1, 100);
  b = run_on (custom, "adam", 0, 1, 100);
  pa = sd_trajectory_get_points (a, &n);
  pb = sd_trajectory_get_points (b, &n);
  assert_points_equal (pa, pb, n);
  assert_close (pa[100].position[0], -0.9076330090692837, 1e-12, 1.0);
  assert_close (pa[100].position[1], 0.8290034093531097, 1e-12, 1.0);
}

/* A band of the grid holds the same numbers as point evaluations, row by
 * row. */
static void
test_band (gconstpointer data)
{
  const char *name = data;
  g_autoptr(SdSurface) surface = builtin (name, NULL);
  double xs[7], ys[5];
  double values[G_N_ELEMENTS (xs) * G_N_ELEMENTS (ys)];
  double gx[G_N_ELEMENTS (values)], gy[G_N_ELEMENTS (values)];
  double only[G_N_ELEMENTS (values)];
  double xr[2], yr[2];

  sd_surface_get_default_range (surface, xr, yr);
  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    xs[i] = xr[0] + (xr[1] - xr[0]) * (i + 0.5) / G_N_ELEMENTS (xs);
  for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
    ys[j] = yr[0] + (yr[1] - yr[0]) * (j + 0.5) / G_N_ELEMENTS (ys);

  sd_surface_eval_band (surface, &(SdGridBand) {
                          .xs = xs, .nx = G_N_ELEMENTS (xs), .ys = ys, .ny = G_N_ELEMENTS (ys),
                          .values = values, .grad_x = gx, .grad_y = gy });
  sd_surface_eval_band (surface, &(SdGridBand) {
                          .xs = xs, .nx = G_N_ELEMENTS (xs), .ys = ys, .ny = G_N_ELEMENTS (ys),
                          .values = only });
  g_assert_cmpmem (values, sizeof values, only, sizeof only);

  for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
        {
          guint k = j * G_N_ELEMENTS (xs) + i;
          double grad[2];
          double value = sd_surface_eval (surface, xs[i], ys[j], grad, NULL);

          assert_close (values[k], value, 1e-13, 1e-3);
          assert_close (gx[k], grad[0], 1e-12, 1e-3);
          assert_close (gy[k], grad[1], 1e-12, 1e-3);
        }
    }
}

/* The linear grid's shortcut never reports less than the minimum, even
 * without noise where that minimum is 0. */
static void
test_band_nonnegative (void)
{
  g_autoptr(SdSurface) surface = regression ("linear-regression", 100, 0.0, 4);
  const SdSurfaceMinimum *minimum;
  double xs[3], ys[3], values[9];
  guint n = 0;

  minimum = sd_surface_get_minima (surface, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_close (minimum->point[0], 2.0, 1e-14, 1.0);
  assert_close (minimum->point[1], 1.0, 1e-14, 1.0);
  for (guint i = 0; i < 3; i++)
    {
      xs[i] = minimum->point[0] + (i - 1.0) * 1e-9;
      ys[i] = minimum->point[1] + (i - 1.0) * 1e-9;
    }
  sd_surface_eval_band (surface, &(SdGridBand) {
                          .xs = xs, .nx = 3, .ys = ys, .ny = 3, .values = values });
  for (guint k = 0; k < 9; k++)
    {
      g_assert_cmpfloat (values[k], >=, 0.0);
      g_assert_cmpfloat (values[k], <, 1e-16);
    }
}

static void
test_params (void)
{
  g_autoptr(GError) error = NULL;
  SdSurfaceParams params;
  SdSurfaceParams before;
  double value = 0;
  struct
  {
    const char *key;
    double      value;
    const char *message;
  } bad[] = {
    { "dataset-size", 0, "dataset-size: must be a whole number from 1 to 100000, got '0'" },
    { "dataset-size", 100001,
      "dataset-size: must be a whole number from 1 to 100000, got '100001'" },
    { "dataset-size", 2.5, "dataset-size: must be a whole number from 1 to 100000, got '2.5'" },
    { "noise", -1, "noise: must be a finite number >= 0, got '-1'" },
    { "noise", NAN, "noise: must be a finite number >= 0, got 'nan'" },
    { "seed", -1, "seed: must be a whole number from 0 to 4294967295, got '-1'" },
    { "seed", 0.5, "seed: must be a whole number from 0 to 4294967295, got '0.5'" },
    { "size", 5, "unknown surface setting 'size'" },
  };

  sd_surface_params_init (&params);
  g_assert_cmpuint (params.dataset_size, ==, 50);
  g_assert_cmpfloat (params.noise, ==, 0.5);
  g_assert_cmpuint (params.seed, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      before = params;
      g_assert_false (sd_surface_params_set (&params, bad[i].key, bad[i].value, &error));
      g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_cmpuint (params.dataset_size, ==, before.dataset_size);
      g_assert_cmpmem (&params.noise, sizeof params.noise, &before.noise, sizeof before.noise);
      g_assert_cmpuint (params.seed, ==, before.seed);
      g_clear_error (&error);
    }

  g_assert_true (sd_surface_params_set (&params, "dataset-size", 100000, &error));
  g_assert_true (sd_surface_params_set (&params, "noise", 0, &error));
  g_assert_true (sd_surface_params_set (&params, "seed", 4294967295.0, &error));
  g_assert_no_error (error);
  g_assert_true (sd_surface_params_get (&params, "dataset-size", &value));
  g_assert_cmpfloat (value, ==, 100000);
  g_assert_true (sd_surface_params_get (&params, "seed", &value));
  g_assert_cmpfloat (value, ==, 4294967295.0);
  g_assert_false (sd_surface_params_get (&params, "size", &value));
  g_assert_true (sd_surface_params_validate (&params, &error));

  /* Hand-filled parameters are checked when a regression surface is made;
   * the function surfaces ignore them. */
  params.dataset_size = 0;
  g_assert_null (sd_surface_new_builtin ("linear-regression", &params, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "dataset-size: must be a whole number from 1 to 100000, got '0'");
  g_clear_error (&error);
  g_assert_false (sd_surface_params_validate (&params, &error));
  g_clear_error (&error);

  {
    g_autoptr(SdSurface) booth = builtin ("booth", &params);

    g_assert_nonnull (booth);
  }
}

typedef struct
{
  SdSurface *surface;
  double     sum;
} ThreadJob;

static gpointer
evaluate_many (gpointer data)
{
  ThreadJob *job = data;

  for (guint i = 0; i < 20000; i++)
    {
      double grad[2], hess[4];

      job->sum += sd_surface_eval (job->surface, sin (i), cos (i), grad, hess) + grad[0] + hess[3];
    }

  return NULL;
}

/* One surface, shared by threads, gives every thread the same answers. */
static void
test_threads (void)
{
  const char *names[] = { "ackley", "logistic-regression" };

  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      g_autoptr(SdSurface) surface = builtin (names[s], NULL);
      ThreadJob jobs[4];
      GThread *threads[4];
      ThreadJob serial = { surface, 0.0 };

      evaluate_many (&serial);
      for (guint i = 0; i < 4; i++)
        {
          jobs[i] = (ThreadJob) { sd_surface_ref (surface), 0.0 };
          threads[i] = g_thread_new ("eval", evaluate_many, &jobs[i]);
        }
      for (guint i = 0; i < 4; i++)
        {
          g_thread_join (threads[i]);
          g_assert_cmpfloat (jobs[i].sum, ==, serial.sum);
          sd_surface_unref (jobs[i].surface);
        }
    }
}

/* Every built-in surface's defaults show it: the start lies inside the
 * range, away from its edges (a run from the edge leaves the map at
 * once); log colours only for a surface that is never negative over its
 * range and spans at least two decades there; the saddle on diverging
 * colours; a custom surface on the viewer's linear colours. */
static void
test_defaults (void)
{
  const char * const *names = sd_surface_list_builtins ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) custom = sd_surface_new_custom ("x*y", &error);
  SdSurfaceDefaults defaults;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(SdSurface) surface = sd_surface_new_builtin (names[i], NULL, &error);
      double min = INFINITY, max = -INFINITY, min_positive = INFINITY;

      g_assert_no_error (error);
      sd_surface_get_defaults (surface, &defaults);
      for (guint k = 0; k < 2; k++)
        {
          const double *range = k == 0 ? defaults.x_range : defaults.y_range;
          double margin = 0.04 * (range[1] - range[0]);

          g_assert_cmpfloat (defaults.start[k], >, range[0] + margin);
          g_assert_cmpfloat (defaults.start[k], <, range[1] - margin);
        }

      for (guint a = 0; a < 64; a++)
        for (guint b = 0; b < 64; b++)
          {
            double x = defaults.x_range[0] + a * (defaults.x_range[1] - defaults.x_range[0]) / 63;
            double y = defaults.y_range[0] + b * (defaults.y_range[1] - defaults.y_range[0]) / 63;
            double f = sd_surface_eval (surface, x, y, NULL, NULL);

            min = MIN (min, f);
            max = MAX (max, f);
            if (f > 0.0)
              min_positive = MIN (min_positive, f);
          }
      g_test_message ("%s: f in [%g, %g], log %d", names[i], min, max, defaults.log_scale);
      if (defaults.log_scale)
        {
          g_assert_cmpfloat (min, >=, 0.0);
          g_assert_cmpfloat (max / min_positive, >=, 100.0);
        }
      g_assert_cmpint (g_strcmp0 (defaults.color_map, "coolwarm") == 0, ==,
                       g_str_equal (names[i], "saddle"));
    }

  g_assert_no_error (error);
  sd_surface_get_defaults (custom, &defaults);
  g_assert_false (defaults.log_scale);
  g_assert_null (defaults.color_map);
  g_assert_cmpfloat (defaults.x_range[0], ==, -5.0);
  g_assert_cmpfloat (defaults.start[0], ==, -4.0);
  g_assert_cmpfloat (defaults.start[1], ==, 4.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/surface/defaults", test_defaults);
  g_test_add_func ("/core/surface/list", test_list);
  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      g_autofree char *values = g_strdup_printf ("/core/surface/%s/values", functions[i].name);
      g_autofree char *minima = g_strdup_printf ("/core/surface/%s/minima", functions[i].name);
      g_autofree char *band = g_strdup_printf ("/core/surface/%s/band", functions[i].name);

      g_test_add_data_func (values, &functions[i], test_function);
      g_test_add_data_func (minima, &functions[i], test_minima);
      g_test_add_data_func (band, functions[i].name, test_band);
    }
  g_test_add_func ("/core/surface/ackley/tip", test_ackley_tip);
  g_test_add_func ("/core/surface/unknown", test_unknown);
  g_test_add_func ("/core/surface/custom", test_custom);
  g_test_add_func ("/core/surface/refcount", test_refcount);
  g_test_add_func ("/core/surface/params", test_params);
  g_test_add_func ("/core/surface/threads", test_threads);
  g_test_add_func ("/core/surface/run", test_surface_run);
  g_test_add_func ("/core/dataset/documented", test_dataset_documented);
  g_test_add_func ("/core/dataset/reproducible", test_dataset_reproducible);
  g_test_add_func ("/core/dataset/small", test_dataset_small);
  g_test_add_func ("/core/regression/surfaces", test_regression_surfaces);
  g_test_add_func ("/core/regression/torch", test_losses_torch);
  g_test_add_func ("/core/regression/linear-minimum", test_linear_minimum);
  g_test_add_func ("/core/regression/logistic-minimum", test_logistic_minimum);
  g_test_add_func ("/core/regression/batch-gradient", test_batch_gradient);
  g_test_add_func ("/core/regression/minibatch-runs", test_minibatch_runs);
  g_test_add_data_func ("/core/regression/linear-regression/band", "linear-regression",
                        test_band);
  g_test_add_data_func ("/core/regression/logistic-regression/band", "logistic-regression",
                        test_band);
  g_test_add_func ("/core/regression/band-nonnegative", test_band_nonnegative);

  return g_test_run ();
}
