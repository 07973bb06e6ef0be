/* optimizer-testing.c: test functions and helpers the optimizer tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "optimizer-testing.h"

/* Test functions with hand-written derivatives. */

double
quadratic (gpointer     data,
           const double p[2],
           double       grad[2],
           double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = p[0];
      grad[1] = 10.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = 1.0;
      hess[1] = hess[2] = 0.0;
      hess[3] = 10.0;
    }
  return 0.5 * p[0] * p[0] + 5.0 * p[1] * p[1];
}

/* The gradient is computed in the order torch's autograd uses for
 * (1 - x)**2 + 100 * (y - x**2)**2, so that the torch comparisons below
 * test the update rules rather than rounding differences of gradients. */
double
rosenbrock (gpointer     data,
            const double p[2],
            double       grad[2],
            double       hess[4])
{
  double a = 1.0 - p[0];
  double b = p[1] - p[0] * p[0];

  if (grad != NULL)
    {
      double gb = 100.0 * (2.0 * b);

      grad[0] = -(2.0 * a) + (-gb) * (2.0 * p[0]);
      grad[1] = gb;
    }
  if (hess != NULL)
    {
      hess[0] = 2.0 - 400.0 * b + 800.0 * p[0] * p[0];
      hess[1] = hess[2] = -400.0 * p[0];
      hess[3] = 200.0;
    }
  return a * a + 100.0 * b * b;
}

/* x^2 - y^2: indefinite everywhere. */
double
saddle (gpointer     data,
        const double p[2],
        double       grad[2],
        double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 2.0 * p[0];
      grad[1] = -2.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = 2.0;
      hess[1] = hess[2] = 0.0;
      hess[3] = -2.0;
    }
  return p[0] * p[0] - p[1] * p[1];
}

/* x^2, flat along y: a singular Hessian. */
double
valley (gpointer     data,
        const double p[2],
        double       grad[2],
        double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 2.0 * p[0];
      grad[1] = 0.0;
    }
  if (hess != NULL)
    {
      hess[0] = 2.0;
      hess[1] = hess[2] = hess[3] = 0.0;
    }
  return p[0] * p[0];
}

/* 10 x^2 (+ y^2 / 2 so that y has a minimum too): steep along x. */
double
steep (gpointer     data,
       const double p[2],
       double       grad[2],
       double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 20.0 * p[0];
      grad[1] = p[1];
    }
  if (hess != NULL)
    {
      hess[0] = 20.0;
      hess[1] = hess[2] = 0.0;
      hess[3] = 1.0;
    }
  return 10.0 * p[0] * p[0] + 0.5 * p[1] * p[1];
}

/* The general quadratic 1/2 p^T A p - b^T p with A = [[3, 1], [1, 2]] and
 * b = (1, -1); its minimum solves A p = b: p = (3/5, -4/5). */
double
tilted (gpointer     data,
        const double p[2],
        double       grad[2],
        double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 3.0 * p[0] + p[1] - 1.0;
      grad[1] = p[0] + 2.0 * p[1] + 1.0;
    }
  if (hess != NULL)
    {
      hess[0] = 3.0;
      hess[1] = hess[2] = 1.0;
      hess[3] = 2.0;
    }
  return 0.5 * (3.0 * p[0] * p[0] + 2.0 * p[0] * p[1] + 2.0 * p[1] * p[1]) - p[0] + p[1];
}

/* log (x) + y^2: not finite for x <= 0. */
double
logarithm (gpointer     data,
           const double p[2],
           double       grad[2],
           double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 1.0 / p[0];
      grad[1] = 2.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = -1.0 / (p[0] * p[0]);
      hess[1] = hess[2] = 0.0;
      hess[3] = 2.0;
    }
  return log (p[0]) + p[1] * p[1];
}

/* |x| + |y|: a kink at the minimum. */
double
absolute (gpointer     data,
          const double p[2],
          double       grad[2],
          double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = p[0] > 0.0 ? 1.0 : p[0] < 0.0 ? -1.0 : 0.0;
      grad[1] = p[1] > 0.0 ? 1.0 : p[1] < 0.0 ? -1.0 : 0.0;
    }
  if (hess != NULL)
    hess[0] = hess[1] = hess[2] = hess[3] = 0.0;
  return fabs (p[0]) + fabs (p[1]);
}

/* log (1 - x) + y^2: not finite for x >= 1. */
double
log_one_minus (gpointer     data,
               const double p[2],
               double       grad[2],
               double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = -1.0 / (1.0 - p[0]);
      grad[1] = 2.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = -1.0 / ((1.0 - p[0]) * (1.0 - p[0]));
      hess[1] = hess[2] = 0.0;
      hess[3] = 2.0;
    }
  return log (1.0 - p[0]) + p[1] * p[1];
}

/* |actual - expected| <= tol |expected|, with a floor for values near 0. */
void
assert_close (double actual,
              double expected,
              double tol)
{
  if (!(fabs (actual - expected) <= tol * MAX (fabs (expected), 1e-3)))
    g_error ("expected %.17g, got %.17g (difference %.3g)", expected, actual,
             fabs (actual - expected));
}

SdTrajectory *
run (SdObjective             *objective,
     const SdOptimizerParams *params,
     double                   x,
     double                   y,
     guint                    steps)
{
  g_autoptr(GError) error = NULL;
  double start[2] = { x, y };
  SdTrajectory *trajectory;

  trajectory = sd_trajectory_compute_objective (objective, params, start, steps, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trajectory);
  return trajectory;
}

SdOptimizerParams
params_for (const char *name)
{
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  SdOptimizerKind kind;

  g_assert_true (sd_optimizer_kind_from_name (name, &kind, &error));
  g_assert_no_error (error);
  sd_optimizer_params_init (&params, kind);
  return params;
}

void
set (SdOptimizerParams *params,
     const char        *key,
     double             value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_optimizer_params_set (params, key, value, &error));
  g_assert_no_error (error);
}
