/* test-bivariate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bivariate.h"
#include "core-error.h"

/* Densities from scipy.stats.multivariate_normal and principal axes from
 * numpy.linalg.eigh (SciPy 1.10, NumPy 1.24), printed by this program run
 * with /usr/bin/python3 (the last line gives chi2_mass[]):
 *
 * import numpy as np, scipy.stats as st
 * C = [((1, -2), (2, 0.8, 1), [(1, -2), (0, 0), (3, -1), (-2, -5)]),
 *      ((0, 0), (1, -0.999, 1), [(0.5, -0.5), (0.1, 0.1), (0, 0)]),
 *      ((0.5, 3), (1, 0, 4), [(2, 0), (0.5, 5)]),
 *      ((0, 0), (3, -1.5, 3), [(1, 1)])]
 * for mean, (a, b, c), pts in C:
 *     cov = [[a, b], [b, c]]
 *     w, v = np.linalg.eigh(cov)
 *     d = st.multivariate_normal(mean, cov)
 *     print('  { { %r, %r }, { %r, %r, %r },' % (mean + (a, b, c)))
 *     print('    { %r, %r },' % (w[1], w[0]))
 *     print('    { %r, %r, %r, %r },' % (v[0, 1], v[1, 1], v[0, 0], v[1, 0]))
 *     print('    %d, {' % len(pts))
 *     for x, y in pts:
 *         print('      { %r, %r, %r },' % (x, y, d.pdf([x, y])))
 *     print('    } },')
 * print([repr(st.chi2(2).cdf(k * k)) for k in (0.5, 1, 2, 3)])
 */
typedef struct
{
  double mean[2];
  double covariance[3];
  double eigenvalues[2];    /* descending */
  double eigenvectors[4];   /* major (x, y), then minor (x, y), signs as numpy's */
  guint  n_points;
  double points[4][3];      /* x, y, pdf */
} BivariateRef;

static const BivariateRef references[] = {
  { { 1, -2 }, { 2, 0.8, 1 },
    { 2.44339811320566, 0.5566018867943396 },
    { -0.8746424812468178, -0.48476853239294526, 0.48476853239294526, -0.8746424812468178 },
    4, {
      { 1, -2, 0.13647423779348283 },
      { 0, 0, 0.0015385520472150091 },
      { 3, -1, 0.04875092141047484 },
      { -2, -5, 0.0013281445878521646 },
    } },
  { { 0, 0 }, { 1, -0.999, 1 },
    { 1.999, 0.0009999999999999454 },
    { -0.7071067811865475, 0.7071067811865475, -0.7071067811865475, -0.7071067811865475 },
    3, {
      { 0.5, -0.5, 3.141230223321831 },
      { 0.1, 0.1, 0.00016161025500878893 },
      { 0, 0, 3.559702754043024 },
    } },
  { { 0.5, 3 }, { 1, 0, 4 },
    { 4.0, 1.0 },
    { 0.0, 1.0, 1.0, 0.0 },
    2, {
      { 2, 0, 0.008387403793536708 },
      { 0.5, 5, 0.04826617631502696 },
    } },
  { { 0, 0 }, { 3, -1.5, 3 },
    { 4.5, 1.5 },
    { -0.7071067811865475, 0.7071067811865475, -0.7071067811865475, -0.7071067811865475 },
    1, {
      { 1, 1, 0.03145129923631976 },
    } },
};

/* at k = 0.5, 1, 2, 3 */
static const double chi2_mass[4] = {
  0.1175030974154046, 0.3934693402873665, 0.8646647167633873, 0.9888910034617577,
};

static SdBivariateNormal *
new_bivariate (const BivariateRef *ref)
{
  g_autoptr(GError) error = NULL;
  SdBivariateNormal *b = sd_bivariate_normal_new (ref->mean, ref->covariance, &error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

/* The nearly singular covariance (correlation -0.999) loses SciPy and NumPy
 * a few digits: NumPy's smaller eigenvalue 0.0009999999999999454 is 5e-14
 * from the exact 1 - 0.999 of the doubles involved, which
 * test_principal_axes_identities() checks instead. Elsewhere 1e-14. */
static double
tolerance_for (const BivariateRef *ref)
{
  return fabs (ref->covariance[1]) > 0.99 ? 1e-12 : 1e-14;
}

static void
test_pdf (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autoptr(SdBivariateNormal) b = new_bivariate (&references[i]);

      for (guint j = 0; j < references[i].n_points; j++)
        {
          const double *p = references[i].points[j];
          double pdf = sd_bivariate_normal_pdf (b, p[0], p[1]);

          g_assert_cmpfloat (fabs (pdf - p[2]), <=, tolerance_for (&references[i]) * p[2]);
        }
    }
}

static void
test_principal_axes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const BivariateRef *ref = &references[i];
      g_autoptr(SdBivariateNormal) b = new_bivariate (ref);
      double tolerance = tolerance_for (ref);
      SdPrincipalAxes axes;

      sd_bivariate_normal_get_principal_axes (b, &axes);

      for (guint k = 0; k < 2; k++)
        {
          const double *v = ref->eigenvectors + 2 * k;

          g_assert_cmpfloat (fabs (axes.variance[k] - ref->eigenvalues[k]), <=,
                             tolerance * ref->eigenvalues[k]);
          /* Eigenvectors are defined up to their sign. */
          g_assert_cmpfloat (fabs (axes.axis[k][0] * v[0] + axes.axis[k][1] * v[1]), >=,
                             1 - 1e-14);
        }

      /* Saddle's convention: the major axis points right, the minor one is
       * it turned by +90 degrees, and the angle is the major axis's. */
      g_assert_cmpfloat (axes.axis[0][0], >=, 0.0);
      g_assert_cmpfloat (axes.axis[1][0], ==, -axes.axis[0][1]);
      g_assert_cmpfloat (axes.axis[1][1], ==, axes.axis[0][0]);
      g_assert_cmpfloat_with_epsilon (cos (axes.angle), axes.axis[0][0], 1e-15);
      g_assert_cmpfloat_with_epsilon (sin (axes.angle), axes.axis[0][1], 1e-15);
      g_assert_cmpfloat (axes.angle, >, -G_PI_2);
      g_assert_cmpfloat (axes.angle, <=, G_PI_2);
    }
}

/* Identities of the eigen-decomposition, for matrices where the reference
 * tools lose digits: trace and determinant are kept, and C v = lambda v. */
static void
test_principal_axes_identities (void)
{
  const double cases[][3] = {
    { 1, -0.999, 1 }, { 1, 0.999999, 1 }, { 1e-6, 0, 1e6 }, { 2, 1e-9, 2 }, { 5, 0, 5 },
    { 1, 0, 4 }, { 1, -0.0, 4 }, { 4, 0, 1 }, { 3, 2, 3 }, { 1e8, 0.3, 1e-8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const double *c = cases[i];
      g_autoptr(SdBivariateNormal) b = sd_bivariate_normal_new ((double[]) { 0, 0 }, c, NULL);
      /* the determinant in long double, exact for these inputs */
      long double det = (long double) c[0] * c[2] - (long double) c[1] * c[1];
      SdPrincipalAxes axes;

      g_assert_nonnull (b);
      sd_bivariate_normal_get_principal_axes (b, &axes);

      g_assert_cmpfloat (axes.variance[0], >=, axes.variance[1]);
      g_assert_cmpfloat (axes.variance[1], >, 0.0);
      g_assert_cmpfloat (fabs (axes.variance[0] + axes.variance[1] - (c[0] + c[2])), <=,
                         1e-15 * (c[0] + c[2]));
      g_assert_cmpfloat (fabsl (axes.variance[0] * (long double) axes.variance[1] - det), <=,
                         1e-14 * det);

      for (guint k = 0; k < 2; k++)
        {
          const double *v = axes.axis[k];
          double rx = c[0] * v[0] + c[1] * v[1] - axes.variance[k] * v[0];
          double ry = c[1] * v[0] + c[2] * v[1] - axes.variance[k] * v[1];

          g_assert_cmpfloat_with_epsilon (hypot (v[0], v[1]), 1.0, 1e-15);
          g_assert_cmpfloat (hypot (rx, ry), <=, 1e-15 * axes.variance[0]);
        }
      g_assert_cmpfloat (axes.angle, >, -G_PI_2);
      g_assert_cmpfloat (axes.angle, <=, G_PI_2);
    }
}

static void
test_accessors (void)
{
  g_autoptr(SdBivariateNormal) b = new_bivariate (&references[0]);
  g_autoptr(SdBivariateNormal) copy = sd_bivariate_normal_copy (b);
  g_autoptr(SdBivariateNormal) standard = sd_bivariate_normal_new_default ();
  g_autoptr(SdDistribution) mx = NULL;
  g_autoptr(SdDistribution) my = NULL;
  double x, y, sxx, sxy, syy;

  sd_bivariate_normal_get_mean (copy, &x, &y);
  sd_bivariate_normal_get_covariance (copy, &sxx, &sxy, &syy);
  g_assert_cmpfloat (x, ==, 1);
  g_assert_cmpfloat (y, ==, -2);
  g_assert_cmpfloat (sxx, ==, 2);
  g_assert_cmpfloat (sxy, ==, 0.8);
  g_assert_cmpfloat (syy, ==, 1);
  g_assert_cmpfloat_with_epsilon (sd_bivariate_normal_get_correlation (b), 0.8 / sqrt (2),
                                  1e-15);
  sd_bivariate_normal_get_mean (b, NULL, NULL);
  sd_bivariate_normal_get_covariance (b, NULL, NULL, NULL);

  sd_bivariate_normal_get_mean (standard, &x, &y);
  sd_bivariate_normal_get_covariance (standard, &sxx, &sxy, &syy);
  g_assert_true (x == 0 && y == 0 && sxx == 1 && sxy == 0 && syy == 1);
  g_assert_cmpfloat_with_epsilon (sd_bivariate_normal_pdf (standard, 0, 0), 1 / (2 * G_PI),
                                  1e-16);

  /* The marginals are the normals of each coordinate alone. */
  mx = sd_bivariate_normal_get_marginal (b, 0);
  my = sd_bivariate_normal_get_marginal (b, 1);
  g_assert_cmpint (sd_distribution_get_family (mx), ==, SD_FAMILY_NORMAL);
  g_assert_cmpfloat (sd_distribution_get_parameter (mx, 0), ==, 1);
  g_assert_cmpfloat (sd_distribution_get_parameter (mx, 1), ==, sqrt (2));
  g_assert_cmpfloat (sd_distribution_get_parameter (my, 0), ==, -2);
  g_assert_cmpfloat (sd_distribution_get_parameter (my, 1), ==, 1);
}

/* Every point of the ellipse at k is at Mahalanobis distance k, measured
 * here with the explicit inverse covariance rather than the Cholesky
 * factor the code uses; the points turn once around the mean; the first
 * is the tip of the major axis. */
static void
test_ellipse (void)
{
  enum { N = 64 };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const BivariateRef *ref = &references[i];
      g_autoptr(SdBivariateNormal) b = new_bivariate (ref);
      const double *c = ref->covariance;
      double det = c[0] * c[2] - c[1] * c[1];
      SdPrincipalAxes axes;
      double x[N], y[N];

      sd_bivariate_normal_get_principal_axes (b, &axes);

      for (guint k = 1; k <= 3; k++)
        {
          double turned = 0.0;

          sd_bivariate_normal_get_ellipse (b, k, x, y, N);
          g_assert_cmpfloat_with_epsilon (x[0], ref->mean[0] + k * sqrt (axes.variance[0])
                                          * axes.axis[0][0], 1e-13);
          g_assert_cmpfloat_with_epsilon (y[0], ref->mean[1] + k * sqrt (axes.variance[0])
                                          * axes.axis[0][1], 1e-13);

          for (guint j = 0; j < N; j++)
            {
              double dx = x[j] - ref->mean[0], dy = y[j] - ref->mean[1];
              double q = (c[2] * dx * dx - 2 * c[1] * dx * dy + c[0] * dy * dy) / det;
              double nx = x[(j + 1) % N] - ref->mean[0], ny = y[(j + 1) % N] - ref->mean[1];

              g_assert_cmpfloat (fabs (sqrt (q) - k), <=, 1e-9 * k);
              g_assert_cmpfloat (fabs (sd_bivariate_normal_mahalanobis (b, x[j], y[j]) - k), <=,
                                 1e-12 * k);
              turned += atan2 (dx * ny - dy * nx, dx * nx + dy * ny);
            }
          g_assert_cmpfloat_with_epsilon (turned, 2 * G_PI, 1e-12);
        }
    }
}

static void
test_ellipse_mass (void)
{
  const double k[] = { 0.5, 1, 2, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (k); i++)
    g_assert_cmpfloat (fabs (sd_bivariate_normal_ellipse_mass (k[i]) - chi2_mass[i]), <=,
                       1e-15 * chi2_mass[i]);
  g_assert_cmpfloat (sd_bivariate_normal_ellipse_mass (0), ==, 0.0);
}

/* 10^5 pairs: the sample means and covariance lie within 5 standard errors
 * of the true ones (the standard error of the sample covariance of a
 * normal pair is sqrt((sxx syy + sxy^2)/n), that of a sample variance
 * sxx sqrt(2/n)). The seed is fixed, so the test cannot flake. */
static void
test_sample (void)
{
  const gsize n = 100000;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *again = g_new (double, n);

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const double *c = references[i].covariance, *mean = references[i].mean;
      g_autoptr(SdBivariateNormal) b = new_bivariate (&references[i]);
      double mx = 0, my = 0, sxx = 0, sxy = 0, syy = 0;

      sd_bivariate_normal_sample (b, 4242, x, y, n);
      for (gsize j = 0; j < n; j++)
        mx += x[j], my += y[j];
      mx /= n, my /= n;
      for (gsize j = 0; j < n; j++)
        {
          sxx += (x[j] - mx) * (x[j] - mx);
          sxy += (x[j] - mx) * (y[j] - my);
          syy += (y[j] - my) * (y[j] - my);
        }
      sxx /= n - 1, sxy /= n - 1, syy /= n - 1;

      g_assert_cmpfloat (fabs (mx - mean[0]), <=, 5 * sqrt (c[0] / n));
      g_assert_cmpfloat (fabs (my - mean[1]), <=, 5 * sqrt (c[2] / n));
      g_assert_cmpfloat (fabs (sxx - c[0]), <=, 5 * c[0] * sqrt (2.0 / n));
      g_assert_cmpfloat (fabs (syy - c[2]), <=, 5 * c[2] * sqrt (2.0 / n));
      g_assert_cmpfloat (fabs (sxy - c[1]), <=, 5 * sqrt ((c[0] * c[2] + c[1] * c[1]) / n));

      /* Same seed, same pairs; another seed, other pairs. */
      sd_bivariate_normal_sample (b, 4242, again, again, 0);
      sd_bivariate_normal_sample (b, 4242, again, y, n);
      g_assert_cmpmem (again, n * sizeof (double), x, n * sizeof (double));
      sd_bivariate_normal_sample (b, 4243, again, y, n);
      g_assert_cmpfloat (again[0], !=, x[0]);
    }
}

static void
check_invalid (const double *mean,
               const double *covariance,
               const char   *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sd_bivariate_normal_new (mean, covariance, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (sd_bivariate_normal_new (mean, covariance, NULL));
}

static void
test_invalid (void)
{
  const double zero[2] = { 0, 0 }, identity[3] = { 1, 0, 1 };
  g_autoptr(GError) error = NULL;

  check_invalid (zero, (double[]) { 1, 2, 1 }, "covariance: must be positive definite");
  check_invalid (zero, (double[]) { 1, 1, 1 }, "covariance: must be positive definite");
  check_invalid (zero, (double[]) { -1, 0, 1 }, "covariance: must be positive definite");
  check_invalid (zero, (double[]) { 1, 0, 0 }, "covariance: must be positive definite");
  check_invalid (zero, (double[]) { -1, 0, -1 }, "covariance: must be positive definite");
  check_invalid ((double[]) { INFINITY, 0 }, identity, "mean: must be finite numbers, got inf;0");
  check_invalid ((double[]) { 0, NAN }, identity, "mean: must be finite numbers, got 0;nan");
  check_invalid (zero, (double[]) { 1, 0.5, INFINITY },
                 "covariance: must be finite numbers, got 1;0.5;inf");

  g_assert_null (sd_bivariate_normal_new_from_lists ((double[]) { 1, 2, 3 }, 3, identity, 3,
                                                     &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "mean: expected 2 numbers separated by ';', got 3");
  g_clear_error (&error);

  g_assert_null (sd_bivariate_normal_new_from_lists (zero, 2, identity, 2, &error));
  g_assert_cmpstr (error->message, ==,
                   "covariance: expected 3 numbers separated by ';', got 2");
  g_clear_error (&error);

  g_assert_null (sd_bivariate_normal_new_from_lists (NULL, 0, identity, 3, &error));
  g_assert_cmpstr (error->message, ==, "mean: expected 2 numbers separated by ';', got 0");
  g_clear_error (&error);

  /* The lists pass on to the checks of the values. */
  g_assert_null (sd_bivariate_normal_new_from_lists (zero, 2, (double[]) { 1, 3, 1 }, 3,
                                                     &error));
  g_assert_cmpstr (error->message, ==, "covariance: must be positive definite");
  g_clear_error (&error);

  {
    g_autoptr(SdBivariateNormal) b = sd_bivariate_normal_new_from_lists (zero, 2, identity, 3,
                                                                         &error);
    g_assert_no_error (error);
    g_assert_nonnull (b);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/bivariate/pdf", test_pdf);
  g_test_add_func ("/core/bivariate/principal-axes", test_principal_axes);
  g_test_add_func ("/core/bivariate/principal-axes/identities", test_principal_axes_identities);
  g_test_add_func ("/core/bivariate/accessors", test_accessors);
  g_test_add_func ("/core/bivariate/ellipse", test_ellipse);
  g_test_add_func ("/core/bivariate/ellipse-mass", test_ellipse_mass);
  g_test_add_func ("/core/bivariate/sample", test_sample);
  g_test_add_func ("/core/bivariate/invalid", test_invalid);

  return g_test_run ();
}
