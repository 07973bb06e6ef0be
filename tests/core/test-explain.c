/* test-explain.c: what an optimizer sees at an iterate, against closed forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "explain.h"

#define EPS 1e-15

/* f = 0.5 x^2 + 5 y^2: ∇f = (x, 10 y), Hessian diag (1, 10) everywhere,
 * so λmin = 1, λmax = 10, condition 10 and stability bound 2/10. */
static SdSurface *
quadratic_new (void)
{
  g_autoptr(GError) error = NULL;
  SdSurface *surface = sd_surface_new_custom ("0.5*x^2 + 5*y^2", &error);

  g_assert_no_error (error);
  return surface;
}

static SdTrajectory *
run (SdSurface       *surface,
     SdOptimizerKind  kind,
     double           learning_rate,
     guint            steps)
{
  g_autoptr(GError) error = NULL;
  const double start[2] = { 1.0, 1.0 };
  SdOptimizerParams params;
  SdTrajectory *trajectory;

  sd_optimizer_params_init (&params, kind);
  params.learning_rate = learning_rate;
  trajectory = sd_trajectory_compute (surface, &params, start, steps, NULL, &error);
  g_assert_no_error (error);
  return trajectory;
}

static void
assert_quadratic_curvature (const SdExplain *e)
{
  g_assert_true (e->has_curvature);
  g_assert_cmpfloat (e->hessian[0], ==, 1.0);
  g_assert_cmpfloat (e->hessian[1], ==, 0.0);
  g_assert_cmpfloat (e->hessian[2], ==, 0.0);
  g_assert_cmpfloat (e->hessian[3], ==, 10.0);
  g_assert_cmpfloat (e->curvature.lambda[0], ==, 1.0);
  g_assert_cmpfloat (e->curvature.lambda[1], ==, 10.0);
  g_assert_cmpfloat_with_epsilon (fabs (e->curvature.vectors[0][0]), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (fabs (e->curvature.vectors[1][1]), 1.0, EPS);
  g_assert_cmpfloat (e->curvature.condition, ==, 10.0);
  g_assert_cmpfloat (e->curvature.stability_bound, ==, 0.2);
  g_assert_true (e->curvature.convex);
}

/* Gradient descent with η = 0.05 multiplies x by 0.95 and y by 0.5 at
 * each step: at iterate 3 the point is (0.95³, 0.5³), and the step taken
 * is the gradient step −η∇f. */
static void
test_gradient_descent (void)
{
  g_autoptr(SdSurface) surface = quadratic_new ();
  g_autoptr(SdTrajectory) trajectory = run (surface, SD_OPTIMIZER_SGD, 0.05, 6);
  double x = pow (0.95, 3), y = pow (0.5, 3);
  SdExplain e;

  g_assert_true (sd_explain_compute (&e, surface, trajectory, 3));
  g_assert_cmpuint (e.index, ==, 3);
  g_assert_cmpfloat_with_epsilon (e.position[0], x, EPS);
  g_assert_cmpfloat (e.position[1], ==, y);
  g_assert_cmpfloat_with_epsilon (e.loss, 0.5 * x * x + 5 * y * y, EPS);
  g_assert_cmpfloat_with_epsilon (e.gradient[0], x, EPS);
  g_assert_cmpfloat (e.gradient[1], ==, 10 * y);
  g_assert_cmpfloat (e.learning_rate, ==, 0.05);

  /* −η∇f exactly: the product the optimizer itself forms. */
  g_assert_cmpfloat (e.gradient_step[0], ==, -0.05 * e.gradient[0]);
  g_assert_cmpfloat (e.gradient_step[1], ==, -0.05 * e.gradient[1]);
  g_assert_true (e.has_step);
  g_assert_cmpfloat_with_epsilon (e.step[0], -0.05 * x, EPS);
  g_assert_cmpfloat (e.step[1], ==, -0.0625);

  g_assert_false (e.has_velocity);
  g_assert_false (e.has_adam_steps);
  assert_quadratic_curvature (&e);
}

/* torch's heavy ball: v₁ = g₀, vₖ₊₁ = μvₖ + gₖ, xₖ₊₁ = xₖ − ηvₖ₊₁. */
static void
test_momentum (void)
{
  g_autoptr(SdSurface) surface = quadratic_new ();
  g_autoptr(SdTrajectory) trajectory = run (surface, SD_OPTIMIZER_MOMENTUM, 0.05, 6);
  double p[2] = { 1.0, 1.0 }, v[2] = { 0.0, 0.0 };
  SdExplain e;

  for (guint k = 0; k < 3; k++)
    {
      double g[2] = { p[0], 10 * p[1] };

      for (guint i = 0; i < 2; i++)
        {
          v[i] = k == 0 ? g[i] : 0.9 * v[i] + g[i];
          p[i] -= 0.05 * v[i];
        }
    }

  g_assert_true (sd_explain_compute (&e, surface, trajectory, 3));
  g_assert_true (e.has_velocity);
  for (guint i = 0; i < 2; i++)
    {
      double g = i == 0 ? p[0] : 10 * p[1];

      g_assert_cmpfloat_with_epsilon (e.velocity[i], v[i], 1e-14);
      g_assert_cmpfloat (e.velocity_step[i], ==, -0.05 * e.velocity[i]);
      g_assert_cmpfloat_with_epsilon (e.step[i], -0.05 * (0.9 * v[i] + g), 1e-14);
    }
  g_assert_false (e.has_adam_steps);
}

/* torch's Adam with its defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e-8): after
 * t updates η / (√v̂ₜ + ε) is the factor per coordinate, and the step
 * sizes are that times |∇f| at the iterate. */
static void
test_adam (void)
{
  g_autoptr(SdSurface) surface = quadratic_new ();
  g_autoptr(SdTrajectory) trajectory = run (surface, SD_OPTIMIZER_ADAM, 0.1, 6);
  double p[2] = { 1.0, 1.0 }, m[2] = { 0.0, 0.0 }, s[2] = { 0.0, 0.0 }, factor[2];
  SdExplain e;

  for (guint t = 1; t <= 3; t++)
    for (guint i = 0; i < 2; i++)
      {
        double g = i == 0 ? p[0] : 10 * p[1];
        double v_hat;

        m[i] = 0.9 * m[i] + 0.1 * g;
        s[i] = 0.999 * s[i] + 0.001 * g * g;
        v_hat = s[i] / (1 - pow (0.999, t));
        factor[i] = 0.1 / (sqrt (v_hat) + 1e-8);
        p[i] -= factor[i] * m[i] / (1 - pow (0.9, t));
      }

  g_assert_true (sd_explain_compute (&e, surface, trajectory, 3));
  g_assert_true (e.has_adam_steps);
  g_assert_false (e.has_velocity);
  for (guint i = 0; i < 2; i++)
    {
      double g = i == 0 ? p[0] : 10 * p[1];

      g_assert_cmpfloat_with_epsilon (e.position[i], p[i], 1e-14);
      g_assert_cmpfloat_with_epsilon (e.effective_learning_rate[i] / factor[i], 1.0, 1e-13);
      g_assert_cmpfloat (e.adam_step_sizes[i], ==,
                         e.effective_learning_rate[i] * fabs (e.gradient[i]));
      g_assert_cmpfloat_with_epsilon (e.adam_step_sizes[i] / (factor[i] * fabs (g)), 1.0, 1e-13);
    }
  assert_quadratic_curvature (&e);
}

/* An index past the end explains the last iterate, which takes no step. */
static void
test_last_iterate (void)
{
  g_autoptr(SdSurface) surface = quadratic_new ();
  g_autoptr(SdTrajectory) trajectory = run (surface, SD_OPTIMIZER_SGD, 0.05, 4);
  SdExplain e;

  g_assert_true (sd_explain_compute (&e, surface, trajectory, 1000));
  g_assert_cmpuint (e.index, ==, 4);
  g_assert_cmpfloat_with_epsilon (e.position[0], pow (0.95, 4), EPS);
  g_assert_false (e.has_step);
  g_assert_cmpfloat (e.step[0], ==, 0.0);
  g_assert_cmpfloat (e.step[1], ==, 0.0);

  g_assert_true (sd_explain_compute (&e, surface, trajectory, 0));
  g_assert_cmpuint (e.index, ==, 0);
  g_assert_true (e.has_step);
}

/* A saddle curves down along y: λmin < 0, not convex; and a concave
 * surface curves up nowhere, so no learning rate is too large. */
static void
test_indefinite (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) saddle = sd_surface_new_custom ("x^2 - 3*y^2", &error);
  g_autoptr(SdSurface) cap = sd_surface_new_custom ("-(x^2 + y^2)", &error);
  g_autoptr(SdTrajectory) on_saddle = NULL;
  g_autoptr(SdTrajectory) on_cap = NULL;
  SdExplain e;

  g_assert_no_error (error);
  on_saddle = run (saddle, SD_OPTIMIZER_SGD, 0.01, 2);
  on_cap = run (cap, SD_OPTIMIZER_SGD, 0.01, 2);

  g_assert_true (sd_explain_compute (&e, saddle, on_saddle, 1));
  g_assert_cmpfloat (e.curvature.lambda[0], ==, -6.0);
  g_assert_cmpfloat (e.curvature.lambda[1], ==, 2.0);
  g_assert_cmpfloat (e.curvature.condition, ==, 3.0);
  g_assert_cmpfloat (e.curvature.stability_bound, ==, 1.0);
  g_assert_false (e.curvature.convex);

  g_assert_true (sd_explain_compute (&e, cap, on_cap, 1));
  g_assert_cmpfloat (e.curvature.lambda[1], ==, -2.0);
  g_assert_true (isinf (e.curvature.stability_bound));
}

static void
test_kinds (void)
{
  for (SdOptimizerKind kind = 0; kind < SD_N_OPTIMIZER_KINDS; kind++)
    {
      g_assert_cmpint (sd_explain_kind_has_velocity (kind), ==,
                       kind == SD_OPTIMIZER_MOMENTUM || kind == SD_OPTIMIZER_NESTEROV);
      g_assert_cmpint (sd_explain_kind_has_adam_steps (kind), ==,
                       kind == SD_OPTIMIZER_ADAM || kind == SD_OPTIMIZER_ADAMW);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/explain/gradient-descent", test_gradient_descent);
  g_test_add_func ("/core/explain/momentum", test_momentum);
  g_test_add_func ("/core/explain/adam", test_adam);
  g_test_add_func ("/core/explain/last-iterate", test_last_iterate);
  g_test_add_func ("/core/explain/indefinite", test_indefinite);
  g_test_add_func ("/core/explain/kinds", test_kinds);

  return g_test_run ();
}
