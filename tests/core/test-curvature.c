/* test-curvature.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core-error.h"
#include "curvature.h"
#include "surface.h"

#define EPS 1e-12

static void
decompose (const double  hess[4],
           SdCurvature  *c)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_curvature_from_hessian (hess, c, &error));
  g_assert_no_error (error);
}

/* H v = lambda v for both pairs, |v| = 1 and v0 . v1 = 0: the defining
 * identities of a symmetric eigen-decomposition. */
static void
assert_eigenpairs (const double       hess[4],
                   const SdCurvature *c,
                   double             tol)
{
  for (guint i = 0; i < 2; i++)
    {
      const double *v = c->vectors[i];

      g_assert_cmpfloat_with_epsilon (hypot (v[0], v[1]), 1.0, EPS);
      g_assert_cmpfloat_with_epsilon (hess[0] * v[0] + hess[1] * v[1], c->lambda[i] * v[0], tol);
      g_assert_cmpfloat_with_epsilon (hess[2] * v[0] + hess[3] * v[1], c->lambda[i] * v[1], tol);
    }
  g_assert_cmpfloat_with_epsilon (c->vectors[0][0] * c->vectors[1][0]
                                  + c->vectors[0][1] * c->vectors[1][1], 0.0, EPS);
}

/* 0.5 x^2 + 5 y^2 has the Hessian diag (1, 10), taken here from the surface
 * itself: eigenvalues 1 and 10 along the axes, condition 10, bound 2/10. */
static void
test_diagonal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = sd_surface_new_custom ("0.5*x^2 + 5*y^2", &error);
  double grad[2], hess[4];
  SdCurvature c;

  g_assert_no_error (error);
  sd_surface_eval (surface, 0.3, -0.7, grad, hess);
  decompose (hess, &c);

  g_assert_cmpfloat_with_epsilon (c.lambda[0], 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.lambda[1], 10.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[0][0], 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[0][1], 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[1][0], 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (fabs (c.vectors[1][1]), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.condition, 10.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.stability_bound, 0.2, EPS);
  g_assert_true (c.convex);
}

/* Rosenbrock (1 - x)^2 + 100 (y - x^2)^2 at its minimum (1, 1) has the
 * Hessian [[802, -400], [-400, 200]]; the quadratic formula gives
 * lambda = 501 -+ sqrt (301^2 + 400^2) = 501 -+ sqrt (250601). */
static void
test_rosenbrock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = sd_surface_new_custom ("(1 - x)^2 + 100*(y - x^2)^2", &error);
  double grad[2], hess[4];
  double lmin = 501.0 - sqrt (250601.0), lmax = 501.0 + sqrt (250601.0);
  SdCurvature c;

  g_assert_no_error (error);
  sd_surface_eval (surface, 1.0, 1.0, grad, hess);
  g_assert_cmpfloat_with_epsilon (hess[0], 802.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hess[1], -400.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hess[3], 200.0, 1e-9);
  decompose (hess, &c);

  /* lambda_min = det / lambda_max = 400 / lmax avoids the cancellation in
   * 501 - 500.6: both forms agree to the rounding of the subtraction. */
  g_assert_cmpfloat_with_epsilon (c.lambda[0], lmin, 1e-10);
  g_assert_cmpfloat_with_epsilon (c.lambda[0], 400.0 / lmax, 1e-13);
  g_assert_cmpfloat_with_epsilon (c.lambda[1], lmax, 1e-10);
  g_assert_cmpfloat_with_epsilon (c.condition, lmax / lmin, 1e-6);
  g_assert_cmpfloat_with_epsilon (c.stability_bound, 2.0 / lmax, 1e-15);
  g_assert_true (c.convex);
  assert_eigenpairs (hess, &c, 1e-9);
}

/* x^2 - y^2 at the origin: diag (2, -2), a saddle. Condition is
 * |lambda_max / lambda_min| = 1; the bound is 2 / 2 = 1. */
static void
test_saddle (void)
{
  const double hess[4] = { 2.0, 0.0, 0.0, -2.0 };
  const double rotated[4] = { 0.0, 3.0, 3.0, 0.0 };
  const double concave[4] = { -1.0, 0.0, 0.0, -4.0 };
  SdCurvature c;

  decompose (hess, &c);
  g_assert_cmpfloat (c.lambda[0], ==, -2.0);
  g_assert_cmpfloat (c.lambda[1], ==, 2.0);
  g_assert_cmpfloat_with_epsilon (c.condition, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.stability_bound, 1.0, EPS);
  g_assert_false (c.convex);

  /* xy-type saddle 3xy: eigenvalues -+3 along the diagonals (1, -+1)/sqrt2. */
  decompose (rotated, &c);
  g_assert_cmpfloat_with_epsilon (c.lambda[0], -3.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.lambda[1], 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[1][0], M_SQRT1_2, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[1][1], M_SQRT1_2, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[0][0], M_SQRT1_2, EPS);
  g_assert_cmpfloat_with_epsilon (c.vectors[0][1], -M_SQRT1_2, EPS);
  assert_eigenpairs (rotated, &c, EPS);

  /* A maximum: nothing curves upwards, so no learning rate is unstable. */
  decompose (concave, &c);
  g_assert_cmpfloat (c.lambda[0], ==, -4.0);
  g_assert_cmpfloat (c.lambda[1], ==, -1.0);
  g_assert_cmpfloat_with_epsilon (c.condition, 4.0, EPS);
  g_assert_true (isinf (c.stability_bound) && c.stability_bound > 0);
}

static void
test_degenerate (void)
{
  const double iso[4] = { 3.0, 0.0, 0.0, 3.0 };
  const double singular[4] = { 1.0, 1.0, 1.0, 1.0 };
  const double zero[4] = { 0.0, 0.0, 0.0, 0.0 };
  SdCurvature c;

  /* A multiple of the identity: every direction is an eigenvector; the
   * axes are returned. */
  decompose (iso, &c);
  g_assert_cmpfloat (c.lambda[0], ==, 3.0);
  g_assert_cmpfloat (c.lambda[1], ==, 3.0);
  g_assert_cmpfloat (c.condition, ==, 1.0);
  assert_eigenpairs (iso, &c, EPS);

  /* [[1,1],[1,1]] has eigenvalues 0 and 2: infinitely ill-conditioned. */
  decompose (singular, &c);
  g_assert_cmpfloat (c.lambda[0], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (c.lambda[1], 2.0, EPS);
  g_assert_true (isinf (c.condition));
  g_assert_cmpfloat_with_epsilon (c.stability_bound, 1.0, EPS);
  g_assert_true (c.convex);
  assert_eigenpairs (singular, &c, EPS);

  decompose (zero, &c);
  g_assert_cmpfloat (c.condition, ==, 1.0);
  g_assert_true (isinf (c.stability_bound));
}

static void
test_not_finite (void)
{
  const double hess[4] = { 1.0, NAN, NAN, 1.0 };
  const double inf[4] = { INFINITY, 0.0, 0.0, 1.0 };
  g_autoptr(GError) error = NULL;
  SdCurvature c;

  g_assert_false (sd_curvature_from_hessian (hess, &c, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC);
  g_clear_error (&error);
  g_assert_false (sd_curvature_from_hessian (inf, &c, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/curvature/diagonal", test_diagonal);
  g_test_add_func ("/core/curvature/rosenbrock", test_rosenbrock);
  g_test_add_func ("/core/curvature/saddle", test_saddle);
  g_test_add_func ("/core/curvature/degenerate", test_degenerate);
  g_test_add_func ("/core/curvature/not-finite", test_not_finite);

  return g_test_run ();
}
