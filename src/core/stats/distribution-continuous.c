/* distribution-continuous.c: densities, tails and quantiles of the continuous families
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>

#include "distribution-private.h"

/* GSL is used where it is accurate to a few ulps (the normal and the
 * closed-form families). Where it is not, the code here replaces it:
 *
 * - densities of the gamma, chi-squared, beta, F and Student families go
 *   through the saddle-point kernels of saddle-point.c, because GSL's
 *   exp(difference of log-gammas) loses digits as the shapes grow;
 * - the tails of the beta, F and Student families go through
 *   sd_incomplete_beta(), which is given both x and 1 - x computed
 *   directly: gsl_cdf_tdist_P switches to a Cornish-Fisher approximation
 *   above 30 degrees of freedom (errors of 1e-10), and GSL's incomplete beta
 *   loses digits as the shapes grow (4e-12 at a = 1000, b = 2000);
 * - the tails of the gamma and chi-squared go through
 *   sd_incomplete_gamma(), GSL's loses up to 5e-12 for shapes near 1000;
 * - the iterative inverses (t, chi-squared, F, beta, gamma) only serve as
 *   starting points of a safeguarded Newton iteration on the accurate cdf:
 *   gsl_cdf_tdist_Pinv loses 6 digits at dof = 1, p = 1e-10 and
 *   gsl_cdf_fdist_Pinv returns NaN for dof1 < 1;
 * - the Cauchy quantile, see cauchy_quantile(). */

/* 1 / sqrt(2 pi) */
#define ONE_OVER_SQRT_2PI 0.398942280401432677939946059934

/* The density of Student's t by the saddle-point method (as R's dt). */
static double
student_t_pdf (double x,
               double dof)
{
  double t = -sd_deviance_term (dof / 2, (dof + 1) / 2)
             + sd_stirling_error ((dof + 1) / 2) - sd_stirling_error (dof / 2);
  double x2n = x * x / dof;
  double half_log_1p, u;

  if (x2n > 1 / DBL_EPSILON)
    {
      /* 1 + x^2/dof is x^2/dof to the last bit and would overflow first */
      half_log_1p = log (fabs (x)) - log (dof) / 2;
      return exp (t - dof * half_log_1p) * ONE_OVER_SQRT_2PI * sqrt (dof) / fabs (x);
    }

  half_log_1p = log1p (x2n) / 2;
  if (x2n > 0.2)
    u = dof * half_log_1p;
  else
    u = -sd_deviance_term (dof / 2, (dof + x * x) / 2) + x * x / 2;

  return exp (t - u - half_log_1p) * ONE_OVER_SQRT_2PI;
}

/* Student's cdf: P(T <= t) = I_x(dof/2, 1/2) / 2 for t < 0, with
 * x = dof/(dof+t^2) and 1 - x = t^2/(dof+t^2) each computed directly. */
static double
student_t_cdf (double t,
               double dof)
{
  double t2 = t * t, x, y, tail;

  if (t2 > 1e300)
    {
      x = dof / t / t;
      y = 1.0;
    }
  else
    {
      x = dof / (dof + t2);
      y = t2 / (dof + t2);
    }

  tail = 0.5 * sd_incomplete_beta (0.5 * dof, 0.5, x, y);
  return t < 0 ? tail : 1.0 - tail;
}

/* The F tails: with u = dof1 x, P(X <= x) = I_{u/(u+dof2)}(dof1/2, dof2/2)
 * and P(X > x) = I_{dof2/(u+dof2)}(dof2/2, dof1/2). */
static double
f_tail (double   x,
        double   m,
        double   n,
        gboolean lower)
{
  double u = m * x;

  if (x <= 0.0)
    return lower ? 0.0 : 1.0;
  if (isinf (u))
    return lower ? 1.0 : 0.0;

  if (lower)
    return sd_incomplete_beta (m / 2, n / 2, u / (u + n), n / (u + n));
  return sd_incomplete_beta (n / 2, m / 2, n / (u + n), u / (u + n));
}

static double
beta_tail (double   x,
           double   a,
           double   b,
           gboolean lower)
{
  if (x <= 0.0)
    return lower ? 0.0 : 1.0;
  if (x >= 1.0)
    return lower ? 1.0 : 0.0;

  if (lower)
    return sd_incomplete_beta (a, b, x, 1.0 - x);
  return sd_incomplete_beta (b, a, 1.0 - x, x);
}

/* The gamma density as a Poisson probability with a real count (as R's
 * dgamma): x^(a-1) e^-x / Gamma(a) = dpois(a - 1, x). */
static double
gamma_pdf (double x,
           double shape,
           double scale)
{
  if (x < 0.0)
    return 0.0;
  if (x == 0.0)
    return shape < 1.0 ? INFINITY : (shape > 1.0 ? 0.0 : 1.0 / scale);
  if (isinf (x))
    return 0.0;
  if (shape < 1.0)
    return exp (sd_log_poisson_density (shape, x / scale)) * shape / x;

  return exp (sd_log_poisson_density (shape - 1.0, x / scale)) / scale;
}

/* The beta density as a binomial probability with real counts (as R's
 * dbeta), where the shapes are large enough for that to matter. */
static double
beta_pdf (double x,
          double a,
          double b)
{
  if (x < 0.0 || x > 1.0)
    return 0.0;
  if (x == 0.0)
    return a < 1.0 ? INFINITY : (a > 1.0 ? 0.0 : b);
  if (x == 1.0)
    return b < 1.0 ? INFINITY : (b > 1.0 ? 0.0 : a);
  if (a <= 2.0 || b <= 2.0)
    return exp ((a - 1.0) * log (x) + (b - 1.0) * log1p (-x) - gsl_sf_lnbeta (a, b));

  return (a + b - 1.0) * exp (sd_log_binomial_density (a - 1.0, a + b - 2.0, x, 1.0 - x));
}

/* The F density as a binomial probability (as R's df); p and q are computed
 * separately so that neither inherits the rounding of the other. */
static double
f_pdf (double x,
       double m,
       double n)
{
  double f, p, q;

  if (x < 0.0)
    return 0.0;
  if (x == 0.0)
    return m > 2.0 ? 0.0 : (m == 2.0 ? 1.0 : INFINITY);
  if (isinf (x))
    return 0.0;

  f = 1.0 / (n + x * m);
  q = n * f;
  p = x * m * f;

  if (m >= 2.0)
    return m * q / 2 * exp (sd_log_binomial_density ((m - 2) / 2, (m + n - 2) / 2, p, q));

  return m * m * q / (2 * p * (m + n)) * exp (sd_log_binomial_density (m / 2, (m + n) / 2, p, q));
}

static double
weibull_pdf (double x,
             double shape,
             double scale)
{
  if (x == 0.0)
    return shape < 1.0 ? INFINITY : (shape > 1.0 ? 0.0 : 1.0 / scale);

  return gsl_ran_weibull_pdf (x, scale, shape);
}

static double
continuous_pdf (const SdDistribution *d,
                double                x)
{
  const double *p = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_NORMAL:
      return gsl_ran_gaussian_pdf (x - p[0], p[1]);
    case SD_FAMILY_STUDENT_T:
      return student_t_pdf (x, p[0]);
    case SD_FAMILY_CHI_SQUARED:
      return gamma_pdf (x, p[0] / 2, 2.0);
    case SD_FAMILY_F:
      return f_pdf (x, p[0], p[1]);
    case SD_FAMILY_BETA:
      return beta_pdf (x, p[0], p[1]);
    case SD_FAMILY_GAMMA:
      return gamma_pdf (x, p[0], p[1]);
    case SD_FAMILY_EXPONENTIAL:
      return x < 0.0 ? 0.0 : p[0] * exp (-p[0] * x);
    case SD_FAMILY_UNIFORM:
      return x < p[0] || x > p[1] ? 0.0 : 1.0 / (p[1] - p[0]);
    case SD_FAMILY_LAPLACE:
      return gsl_ran_laplace_pdf (x - p[0], p[1]);
    case SD_FAMILY_CAUCHY:
      return gsl_ran_cauchy_pdf (x - p[0], p[1]);
    case SD_FAMILY_LOGNORMAL:
      return x <= 0.0 ? 0.0 : gsl_ran_lognormal_pdf (x, p[0], p[1]);
    case SD_FAMILY_LOGISTIC:
      return gsl_ran_logistic_pdf (x - p[0], p[1]);
    case SD_FAMILY_WEIBULL:
      return weibull_pdf (x, p[0], p[1]);
    default:
      g_assert_not_reached ();
    }
}

static double
continuous_cdf (const SdDistribution *d,
                double                x)
{
  const double *p = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_NORMAL:
      return gsl_cdf_gaussian_P (x - p[0], p[1]);
    case SD_FAMILY_STUDENT_T:
      return student_t_cdf (x, p[0]);
    case SD_FAMILY_CHI_SQUARED:
      return sd_incomplete_gamma (p[0] / 2, x / 2, FALSE);
    case SD_FAMILY_F:
      return f_tail (x, p[0], p[1], TRUE);
    case SD_FAMILY_BETA:
      return beta_tail (x, p[0], p[1], TRUE);
    case SD_FAMILY_GAMMA:
      return sd_incomplete_gamma (p[0], x / p[1], FALSE);
    case SD_FAMILY_EXPONENTIAL:
      return x <= 0.0 ? 0.0 : -expm1 (-p[0] * x);
    case SD_FAMILY_UNIFORM:
      return x <= p[0] ? 0.0 : (x >= p[1] ? 1.0 : (x - p[0]) / (p[1] - p[0]));
    case SD_FAMILY_LAPLACE:
      return gsl_cdf_laplace_P (x - p[0], p[1]);
    case SD_FAMILY_CAUCHY:
      return gsl_cdf_cauchy_P (x - p[0], p[1]);
    case SD_FAMILY_LOGNORMAL:
      return x <= 0.0 ? 0.0 : gsl_cdf_lognormal_P (x, p[0], p[1]);
    case SD_FAMILY_LOGISTIC:
      return gsl_cdf_logistic_P (x - p[0], p[1]);
    case SD_FAMILY_WEIBULL:
      return x <= 0.0 ? 0.0 : gsl_cdf_weibull_P (x, p[1], p[0]);
    default:
      g_assert_not_reached ();
    }
}

static double
continuous_sf (const SdDistribution *d,
               double                x)
{
  const double *p = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_NORMAL:
      return gsl_cdf_gaussian_Q (x - p[0], p[1]);
    case SD_FAMILY_STUDENT_T:
      return student_t_cdf (-x, p[0]);
    case SD_FAMILY_CHI_SQUARED:
      return sd_incomplete_gamma (p[0] / 2, x / 2, TRUE);
    case SD_FAMILY_F:
      return f_tail (x, p[0], p[1], FALSE);
    case SD_FAMILY_BETA:
      return beta_tail (x, p[0], p[1], FALSE);
    case SD_FAMILY_GAMMA:
      return sd_incomplete_gamma (p[0], x / p[1], TRUE);
    case SD_FAMILY_EXPONENTIAL:
      return x <= 0.0 ? 1.0 : exp (-p[0] * x);
    case SD_FAMILY_UNIFORM:
      return x <= p[0] ? 1.0 : (x >= p[1] ? 0.0 : (p[1] - x) / (p[1] - p[0]));
    case SD_FAMILY_LAPLACE:
      return gsl_cdf_laplace_Q (x - p[0], p[1]);
    case SD_FAMILY_CAUCHY:
      return gsl_cdf_cauchy_Q (x - p[0], p[1]);
    case SD_FAMILY_LOGNORMAL:
      return x <= 0.0 ? 1.0 : gsl_cdf_lognormal_Q (x, p[0], p[1]);
    case SD_FAMILY_LOGISTIC:
      return gsl_cdf_logistic_Q (x - p[0], p[1]);
    case SD_FAMILY_WEIBULL:
      return x <= 0.0 ? 1.0 : gsl_cdf_weibull_Q (x, p[1], p[0]);
    default:
      g_assert_not_reached ();
    }
}

/* The function whose zero is the quantile, increasing in x. It is taken in
 * the tail that holds p, so that its precision is relative to min(p, 1-p);
 * 1 - p is exact for p >= 1/2. */
static double
quantile_residual (const SdDistribution *d,
                   double                p,
                   double                x)
{
  if (p <= 0.5)
    return continuous_cdf (d, x) - p;

  return (1.0 - p) - continuous_sf (d, x);
}

/* A point strictly inside the bracket (a, b) when Newton's step is not:
 * bisection, but geometric across orders of magnitude and expanding when
 * one end is still infinite. */
static double
split_bracket (double a,
               double b)
{
  if (isinf (a))
    return b - 2.0 * fmax (fabs (b), 1.0);
  if (isinf (b))
    return a + 2.0 * fmax (fabs (a), 1.0);
  if (a > 0.0 && b > 8.0 * a)
    return sqrt (a) * sqrt (b);
  if (a == 0.0 && b > 0.0)
    return b / 8.0;

  return a + 0.5 * (b - a);
}

/* Safeguarded Newton: the bracket [a, b] always holds the root, and a step
 * that would leave it is replaced by split_bracket(). */
static double
solve_quantile (const SdDistribution *d,
                double                p,
                double                x)
{
  double a, b;

  sd_distribution_get_support (d, &a, &b);

  /* GSL's starting point can be NaN or outside the support; then any point
   * inside will do, the bracket takes it from there. */
  if (!(x > a && x < b))
    {
      if (isfinite (a))
        x = isfinite (b) ? a + 0.5 * (b - a) : a + 1.0;
      else
        x = isfinite (b) ? b - 1.0 : 0.0;
    }

  for (int i = 0; i < 300; i++)
    {
      double r = quantile_residual (d, p, x);
      double next;

      if (r == 0.0)
        return x;
      if (r < 0.0)
        a = x;
      else
        b = x;

      next = x - r / continuous_pdf (d, x);
      if (!(next > a && next < b))
        next = split_bracket (a, b);
      if (fabs (next - x) <= 2 * DBL_EPSILON * fabs (next) || next == a || next == b)
        return next;
      x = next;
    }

  return x;
}

/* gsl_cdf_cauchy_Pinv takes tan(pi (p - 1/2)) for p > 1/2, which near 1
 * is the tangent close to its pole, of an argument rounded near pi/2:
 * 1e-11 off at p = 1 - 1e-6. In each tail the cotangent of the small
 * probability is exact to an ulp (1 - p is exact for p >= 1/2). */
static double
cauchy_quantile (double p)
{
  if (p < 0.25)
    return -1.0 / tan (M_PI * p);
  if (p > 0.75)
    return 1.0 / tan (M_PI * (1.0 - p));

  return tan (M_PI * (p - 0.5));
}

static double
continuous_quantile (const SdDistribution *d,
                     double                p)
{
  const double *q = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_NORMAL:
      return q[0] + gsl_cdf_gaussian_Pinv (p, q[1]);
    case SD_FAMILY_STUDENT_T:
      return solve_quantile (d, p, gsl_cdf_tdist_Pinv (p, q[0]));
    case SD_FAMILY_CHI_SQUARED:
      return solve_quantile (d, p, gsl_cdf_chisq_Pinv (p, q[0]));
    case SD_FAMILY_F:
      return solve_quantile (d, p, gsl_cdf_fdist_Pinv (p, q[0], q[1]));
    case SD_FAMILY_BETA:
      return solve_quantile (d, p, gsl_cdf_beta_Pinv (p, q[0], q[1]));
    case SD_FAMILY_GAMMA:
      return solve_quantile (d, p, gsl_cdf_gamma_Pinv (p, q[0], q[1]));
    case SD_FAMILY_EXPONENTIAL:
      return -log1p (-p) / q[0];
    case SD_FAMILY_UNIFORM:
      return q[0] + p * (q[1] - q[0]);
    case SD_FAMILY_LAPLACE:
      return q[0] + gsl_cdf_laplace_Pinv (p, q[1]);
    case SD_FAMILY_CAUCHY:
      return q[0] + q[1] * cauchy_quantile (p);
    case SD_FAMILY_LOGNORMAL:
      return gsl_cdf_lognormal_Pinv (p, q[0], q[1]);
    case SD_FAMILY_LOGISTIC:
      return q[0] + gsl_cdf_logistic_Pinv (p, q[1]);
    case SD_FAMILY_WEIBULL:
      return gsl_cdf_weibull_Pinv (p, q[1], q[0]);
    default:
      g_assert_not_reached ();
    }
}

const SdDistributionOps sd_continuous_ops = {
  continuous_pdf,
  continuous_cdf,
  continuous_sf,
  continuous_quantile,
};
