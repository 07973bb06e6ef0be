/* bivariate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "bivariate.h"
#include "core-error.h"
#include "numfmt.h"

struct _SdBivariateNormal
{
  double          mean[2];
  double          covariance[3];   /* sxx, sxy, syy */
  double          determinant;
  double          cholesky[3];     /* l11, l21, l22 of the lower factor L, L L^T = covariance */
  SdPrincipalAxes axes;
};

/* sxx syy - sxy^2 with Kahan's fma trick: the product sxy^2 is rounded once
 * and its rounding error e is added back, so that a nearly singular matrix
 * still gets a determinant with a small relative error. */
static double
determinant (const double covariance[3])
{
  double w = covariance[1] * covariance[1];
  double e = fma (-covariance[1], covariance[1], w);

  return fma (covariance[0], covariance[2], -w) + e;
}

/* The eigenvalues of [[a, b], [b, c]] are (a+c)/2 +- hypot((a-c)/2, b); the
 * smaller one is taken as det/largest, which does not cancel. */
static void
compute_axes (SdBivariateNormal *self)
{
  double a = self->covariance[0], b = self->covariance[1], c = self->covariance[2];
  SdPrincipalAxes *axes = &self->axes;
  double angle = 0.5 * atan2 (2.0 * b, a - c);

  /* atan2(-0, negative) is -pi; the range is (-pi/2, pi/2] */
  if (angle <= -M_PI_2)
    angle += M_PI;

  axes->variance[0] = 0.5 * (a + c) + hypot (0.5 * (a - c), b);
  axes->variance[1] = self->determinant / axes->variance[0];
  axes->angle = angle;
  axes->axis[0][0] = cos (angle);
  axes->axis[0][1] = sin (angle);
  axes->axis[1][0] = -axes->axis[0][1];
  axes->axis[1][1] = axes->axis[0][0];
}

static gboolean
check_finite (const char    *name,
              const double  *values,
              guint          n,
              GError       **error)
{
  g_autoptr(GString) text = NULL;

  for (guint i = 0; i < n; i++)
    if (!isfinite (values[i]))
      goto fail;

  return TRUE;

fail:
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (text, "%s%s", i > 0 ? ";" : "",
                              sd_format_number (number, sizeof number, values[i]));
    }
  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               /* Translators: the first %s is a key of the scene file (mean or
                * covariance), keep it as it is; the second is the numbers given,
                * written as in the file, such as 1;nan */
               _("%s: must be finite numbers, got %s"), name, text->str);
  return FALSE;
}

/**
 * sd_bivariate_normal_new:
 * @mean: the mean (mx, my)
 * @covariance: the covariance matrix as (sxx, sxy, syy)
 * @error: return location for a #GError, or %NULL
 *
 * Creates a bivariate normal distribution. The numbers must be finite and
 * the covariance positive definite (sxx > 0, syy > 0, sxx syy > sxy^2);
 * otherwise @error is set (%SD_CORE_ERROR_INVALID), e.g. with
 * "covariance: must be positive definite".
 *
 * Returns: (transfer full) (nullable): the distribution, or %NULL on error
 */
SdBivariateNormal *
sd_bivariate_normal_new (const double   mean[2],
                         const double   covariance[3],
                         GError       **error)
{
  SdBivariateNormal *self;
  double det;

  g_return_val_if_fail (mean != NULL, NULL);
  g_return_val_if_fail (covariance != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_finite ("mean", mean, 2, error) || !check_finite ("covariance", covariance, 3, error))
    return NULL;

  det = determinant (covariance);
  if (!(covariance[0] > 0.0 && covariance[2] > 0.0 && det > 0.0))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the key covariance of the scene file;
                    * keep it as it is */
                   _("%s: must be positive definite"), "covariance");
      return NULL;
    }

  self = g_new0 (SdBivariateNormal, 1);
  memcpy (self->mean, mean, sizeof self->mean);
  memcpy (self->covariance, covariance, sizeof self->covariance);
  self->determinant = det;
  self->cholesky[0] = sqrt (covariance[0]);
  self->cholesky[1] = covariance[1] / self->cholesky[0];
  self->cholesky[2] = sqrt (det / covariance[0]);
  compute_axes (self);

  return self;
}

static gboolean
check_length (const char  *name,
              gsize        n,
              gsize        expected,
              GError     **error)
{
  if (n != expected)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %s is a key of the scene file (mean
                                 * or covariance), keep it as it is; the numbers are
                                 * how many the key needs and how many it has; keep
                                 * ';', the separator of the file */
                                "%s: expected %zu number separated by ';', got %zu",
                                "%s: expected %zu numbers separated by ';', got %zu",
                                expected),
                   name, expected, n);
      return FALSE;
    }

  return TRUE;
}

/**
 * sd_bivariate_normal_new_from_lists:
 * @mean: (array length=n_mean): the numbers of the scene's `mean` key
 * @n_mean: how many there are
 * @covariance: (array length=n_covariance): the numbers of the `covariance` key
 * @n_covariance: how many there are
 * @error: return location for a #GError, or %NULL
 *
 * Like sd_bivariate_normal_new(), for lists as g_key_file_get_double_list()
 * reads them from "mx;my" and "sxx;sxy;syy": a list of the wrong length is
 * an error such as "mean: expected 2 numbers separated by ';', got 3".
 *
 * Returns: (transfer full) (nullable): the distribution, or %NULL on error
 */
SdBivariateNormal *
sd_bivariate_normal_new_from_lists (const double  *mean,
                                    gsize          n_mean,
                                    const double  *covariance,
                                    gsize          n_covariance,
                                    GError       **error)
{
  g_return_val_if_fail (mean != NULL || n_mean == 0, NULL);
  g_return_val_if_fail (covariance != NULL || n_covariance == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_length ("mean", n_mean, 2, error)
      || !check_length ("covariance", n_covariance, 3, error))
    return NULL;

  return sd_bivariate_normal_new (mean, covariance, error);
}

/**
 * sd_bivariate_normal_new_default:
 *
 * Returns: (transfer full): the standard bivariate normal, mean "0;0" and
 *   covariance "1;0;1", which a scene gets when it leaves the keys out
 */
SdBivariateNormal *
sd_bivariate_normal_new_default (void)
{
  const double mean[2] = { 0.0, 0.0 };
  const double covariance[3] = { 1.0, 0.0, 1.0 };

  return sd_bivariate_normal_new (mean, covariance, NULL);
}

/**
 * sd_bivariate_normal_copy:
 * @bivariate: a bivariate normal
 *
 * Returns: (transfer full): a copy of @bivariate
 */
SdBivariateNormal *
sd_bivariate_normal_copy (const SdBivariateNormal *bivariate)
{
  g_return_val_if_fail (bivariate != NULL, NULL);

  return g_memdup2 (bivariate, sizeof *bivariate);
}

/**
 * sd_bivariate_normal_free:
 * @bivariate: (nullable): a bivariate normal
 *
 * Frees @bivariate.
 */
void
sd_bivariate_normal_free (SdBivariateNormal *bivariate)
{
  g_free (bivariate);
}

/**
 * sd_bivariate_normal_get_mean:
 * @bivariate: a bivariate normal
 * @mx: (out) (optional): the mean of x
 * @my: (out) (optional): the mean of y
 *
 * Gets the mean.
 */
void
sd_bivariate_normal_get_mean (const SdBivariateNormal *bivariate,
                              double                  *mx,
                              double                  *my)
{
  g_return_if_fail (bivariate != NULL);

  if (mx != NULL)
    *mx = bivariate->mean[0];
  if (my != NULL)
    *my = bivariate->mean[1];
}

/**
 * sd_bivariate_normal_get_covariance:
 * @bivariate: a bivariate normal
 * @sxx: (out) (optional): the variance of x
 * @sxy: (out) (optional): the covariance of x and y
 * @syy: (out) (optional): the variance of y
 *
 * Gets the covariance matrix.
 */
void
sd_bivariate_normal_get_covariance (const SdBivariateNormal *bivariate,
                                    double                  *sxx,
                                    double                  *sxy,
                                    double                  *syy)
{
  g_return_if_fail (bivariate != NULL);

  if (sxx != NULL)
    *sxx = bivariate->covariance[0];
  if (sxy != NULL)
    *sxy = bivariate->covariance[1];
  if (syy != NULL)
    *syy = bivariate->covariance[2];
}

/**
 * sd_bivariate_normal_get_correlation:
 * @bivariate: a bivariate normal
 *
 * Returns: the correlation sxy / sqrt(sxx syy), in (-1, 1)
 */
double
sd_bivariate_normal_get_correlation (const SdBivariateNormal *bivariate)
{
  g_return_val_if_fail (bivariate != NULL, NAN);

  return bivariate->covariance[1] / (sqrt (bivariate->covariance[0])
                                     * sqrt (bivariate->covariance[2]));
}

/**
 * sd_bivariate_normal_get_marginal:
 * @bivariate: a bivariate normal
 * @axis: 0 for x, 1 for y
 *
 * Returns: (transfer full): the distribution of x (or y) alone, a normal
 *   with mean mx and sd sqrt(sxx) (or my and sqrt(syy))
 */
SdDistribution *
sd_bivariate_normal_get_marginal (const SdBivariateNormal *bivariate,
                                  guint                    axis)
{
  double parameters[2];

  g_return_val_if_fail (bivariate != NULL, NULL);
  g_return_val_if_fail (axis < 2, NULL);

  parameters[0] = bivariate->mean[axis];
  parameters[1] = sqrt (bivariate->covariance[2 * axis]);

  return sd_distribution_new (SD_FAMILY_NORMAL, parameters, 2, NULL);
}

/* The squared Mahalanobis distance |L^-1 (p - mean)|^2, by forward
 * substitution with the Cholesky factor rather than the explicit inverse. */
static double
mahalanobis_squared (const SdBivariateNormal *self,
                     double                   x,
                     double                   y)
{
  double z1 = (x - self->mean[0]) / self->cholesky[0];
  double z2 = (y - self->mean[1] - self->cholesky[1] * z1) / self->cholesky[2];

  return z1 * z1 + z2 * z2;
}

/**
 * sd_bivariate_normal_pdf:
 * @bivariate: a bivariate normal
 * @x: a point's x
 * @y: a point's y
 *
 * Returns: the density at (@x, @y)
 */
double
sd_bivariate_normal_pdf (const SdBivariateNormal *bivariate,
                         double                   x,
                         double                   y)
{
  g_return_val_if_fail (bivariate != NULL, NAN);

  return exp (-0.5 * mahalanobis_squared (bivariate, x, y))
         / (2.0 * M_PI * sqrt (bivariate->determinant));
}

/**
 * sd_bivariate_normal_mahalanobis:
 * @bivariate: a bivariate normal
 * @x: a point's x
 * @y: a point's y
 *
 * Returns: the Mahalanobis distance of (@x, @y) from the mean: how many
 *   standard deviations away it is, in the metric of the covariance
 */
double
sd_bivariate_normal_mahalanobis (const SdBivariateNormal *bivariate,
                                 double                   x,
                                 double                   y)
{
  g_return_val_if_fail (bivariate != NULL, NAN);

  return sqrt (mahalanobis_squared (bivariate, x, y));
}

/**
 * sd_bivariate_normal_get_principal_axes:
 * @bivariate: a bivariate normal
 * @axes: (out caller-allocates): the eigen-decomposition of the covariance
 *
 * Gets the principal axes of the covariance.
 */
void
sd_bivariate_normal_get_principal_axes (const SdBivariateNormal *bivariate,
                                        SdPrincipalAxes         *axes)
{
  g_return_if_fail (bivariate != NULL);
  g_return_if_fail (axes != NULL);

  *axes = bivariate->axes;
}

/**
 * sd_bivariate_normal_get_ellipse:
 * @bivariate: a bivariate normal
 * @k: the Mahalanobis distance of the ellipse, in standard deviations
 * @x: (array length=n_points) (out caller-allocates): the points' x
 * @y: (array length=n_points) (out caller-allocates): the points' y
 * @n_points: how many points
 *
 * Gets @n_points points, evenly spaced in angle, of the ellipse of points
 * at Mahalanobis distance @k from the mean, with semi-axes
 * k sqrt(variance[i]) along the principal axes. The first point is the tip
 * of the major axis; the polygon is closed by joining the last point to it.
 * The ellipse holds sd_bivariate_normal_ellipse_mass(@k) of the probability.
 */
void
sd_bivariate_normal_get_ellipse (const SdBivariateNormal *bivariate,
                                 double                   k,
                                 double                  *x,
                                 double                  *y,
                                 guint                    n_points)
{
  const SdPrincipalAxes *axes;
  double a, b;

  g_return_if_fail (bivariate != NULL);
  g_return_if_fail (k >= 0.0);
  g_return_if_fail ((x != NULL && y != NULL) || n_points == 0);

  axes = &bivariate->axes;
  a = k * sqrt (axes->variance[0]);
  b = k * sqrt (axes->variance[1]);

  for (guint i = 0; i < n_points; i++)
    {
      double t = 2.0 * M_PI * i / n_points;
      double u = a * cos (t), v = b * sin (t);

      x[i] = bivariate->mean[0] + u * axes->axis[0][0] + v * axes->axis[1][0];
      y[i] = bivariate->mean[1] + u * axes->axis[0][1] + v * axes->axis[1][1];
    }
}

/**
 * sd_bivariate_normal_ellipse_mass:
 * @k: a Mahalanobis distance
 *
 * The squared Mahalanobis distance of a bivariate normal is chi-squared with
 * 2 degrees of freedom, so the ellipse at @k holds 1 - exp(-k^2/2) of the
 * probability: 39.3% at 1, 86.5% at 2, 98.9% at 3.
 *
 * Returns: the probability inside the ellipse at @k
 */
double
sd_bivariate_normal_ellipse_mass (double k)
{
  return -expm1 (-0.5 * k * k);
}

/**
 * sd_bivariate_normal_sample:
 * @bivariate: a bivariate normal
 * @seed: the scene's seed
 * @x: (array length=n_samples) (out caller-allocates): the draws' x
 * @y: (array length=n_samples) (out caller-allocates): the draws' y
 * @n_samples: how many to draw
 *
 * Draws pairs as mean + L z with L the Cholesky factor and z two standard
 * normals, from mt19937 seeded with @seed. Reproducible and safe to call
 * from several threads at once, as sd_distribution_sample().
 */
void
sd_bivariate_normal_sample (const SdBivariateNormal *bivariate,
                            guint64                  seed,
                            double                  *x,
                            double                  *y,
                            gsize                    n_samples)
{
  const double *l;
  gsl_rng *rng;

  g_return_if_fail (bivariate != NULL);
  g_return_if_fail ((x != NULL && y != NULL) || n_samples == 0);

  l = bivariate->cholesky;
  rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, (unsigned long) seed);

  for (gsize i = 0; i < n_samples; i++)
    {
      double z1 = gsl_ran_gaussian_ziggurat (rng, 1.0);
      double z2 = gsl_ran_gaussian_ziggurat (rng, 1.0);

      x[i] = bivariate->mean[0] + l[0] * z1;
      y[i] = bivariate->mean[1] + l[1] * z1 + l[2] * z2;
    }

  gsl_rng_free (rng);
}
