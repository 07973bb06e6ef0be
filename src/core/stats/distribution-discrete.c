/* distribution-discrete.c: masses, tails and quantiles of the discrete families
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "distribution-private.h"

/* Counts are doubles throughout: GSL's discrete functions take unsigned int
 * and would wrap for the large counts of a negative binomial with small p.
 * Masses use the saddle-point kernels (saddle-point.c) rather than GSL's
 * exp(difference of log-factorials); tails are regularized incomplete beta
 * (incomplete-beta.c, which is given both p and 1 - p) and gamma functions
 * (incomplete-gamma.c):
 *
 *   binomial           P(X <= k) = I_{1-p}(n-k, k+1)   P(X > k) = I_p(k+1, n-k)
 *   poisson            P(X <= k) = Q(k+1, mean)        P(X > k) = P(k+1, mean)
 *   negative-binomial  P(X <= k) = I_p(n, k+1)         P(X > k) = I_{1-p}(k+1, n)
 *   geometric          P(X > k)  = (1-p)^k, through log1p and expm1
 */

static double
binomial_pmf (double k,
              double n,
              double p)
{
  if (k < 0.0 || k > n)
    return 0.0;

  return exp (sd_log_binomial_density (k, n, p, 1.0 - p));
}

static double
geometric_pmf (double k,
               double p)
{
  if (k < 1.0)
    return 0.0;
  if (p == 1.0)
    return k == 1.0 ? 1.0 : 0.0;

  return p * exp ((k - 1.0) * log1p (-p));
}

static double
negative_binomial_pmf (double k,
                       double n,
                       double p)
{
  if (k < 0.0)
    return 0.0;
  if (p == 1.0)
    return k == 0.0 ? 1.0 : 0.0;

  /* C(n+k-1, k) p^n (1-p)^k = n/(n+k) * C(n+k, n) p^n (1-p)^k */
  return n / (n + k) * exp (sd_log_binomial_density (n, n + k, p, 1.0 - p));
}

static double
discrete_pmf (const SdDistribution *d,
              double                x)
{
  const double *p = d->parameters;

  if (x != floor (x))
    return 0.0;

  switch (d->family)
    {
    case SD_FAMILY_BINOMIAL:
      return binomial_pmf (x, p[0], p[1]);
    case SD_FAMILY_POISSON:
      return x < 0.0 ? 0.0 : exp (sd_log_poisson_density (x, p[0]));
    case SD_FAMILY_BERNOULLI:
      return x == 0.0 ? 1.0 - p[0] : (x == 1.0 ? p[0] : 0.0);
    case SD_FAMILY_GEOMETRIC:
      return geometric_pmf (x, p[0]);
    case SD_FAMILY_NEGATIVE_BINOMIAL:
      return negative_binomial_pmf (x, p[0], p[1]);
    default:
      g_assert_not_reached ();
    }
}

/* P(X <= k) if lower, else P(X > k), for a whole number k inside the
 * support (its ends are dealt with by the callers). */
static double
tail (const SdDistribution *d,
      double                k,
      gboolean              lower)
{
  const double *p = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_BINOMIAL:
      if (p[1] == 0.0 || p[1] == 1.0)
        return (p[1] == 0.0) == lower ? 1.0 : 0.0;
      return lower ? sd_incomplete_beta (p[0] - k, k + 1.0, 1.0 - p[1], p[1])
                   : sd_incomplete_beta (k + 1.0, p[0] - k, p[1], 1.0 - p[1]);
    case SD_FAMILY_POISSON:
      return sd_incomplete_gamma (k + 1.0, p[0], lower);
    case SD_FAMILY_BERNOULLI:
      return lower ? 1.0 - p[0] : p[0];
    case SD_FAMILY_GEOMETRIC:
      if (p[0] == 1.0)
        return lower ? 1.0 : 0.0;
      return lower ? -expm1 (k * log1p (-p[0])) : exp (k * log1p (-p[0]));
    case SD_FAMILY_NEGATIVE_BINOMIAL:
      if (p[1] == 1.0)
        return lower ? 1.0 : 0.0;
      return lower ? sd_incomplete_beta (p[0], k + 1.0, p[1], 1.0 - p[1])
                   : sd_incomplete_beta (k + 1.0, p[0], 1.0 - p[1], p[1]);
    default:
      g_assert_not_reached ();
    }
}

/* P(X <= x) if lower, else P(X > x), for any x: beyond the support the
 * tail is all or nothing. */
static double
tail_at (const SdDistribution *d,
         double                x,
         gboolean              lower)
{
  double first, last, k = floor (x);

  sd_distribution_get_support (d, &first, &last);
  if (k < first)
    return lower ? 0.0 : 1.0;
  if (k >= last)
    return lower ? 1.0 : 0.0;

  return tail (d, k, lower);
}

static double
discrete_cdf (const SdDistribution *d,
              double                x)
{
  return tail_at (d, x, TRUE);
}

static double
discrete_sf (const SdDistribution *d,
             double                x)
{
  return tail_at (d, x, FALSE);
}

/* Where to start looking: the normal approximation with Cornish and
 * Fisher's skewness correction, or the exact inverse for the geometric. */
static double
quantile_guess (const SdDistribution *d,
                double                p)
{
  double mean, variance, skewness, z;

  if (d->family == SD_FAMILY_GEOMETRIC && d->parameters[0] < 1.0)
    return ceil (log1p (-p) / log1p (-d->parameters[0]));

  sd_distribution_get_moments (d, &mean, &variance, &skewness, NULL);
  z = gsl_cdf_ugaussian_Pinv (p);
  if (isfinite (skewness))
    z += (z * z - 1.0) * skewness / 6.0;

  return floor (mean + sqrt (variance) * z);
}

/* The smallest whole k with P(X <= k) >= p, for 0 < p < 1, found as
 * scipy's ppf does, by comparing with the cdf itself: so that
 * quantile(cdf(k)) is k wherever the cdf rises.
 *
 * The search keeps lo < hi with cdf(lo) < p <= cdf(hi): it gallops away
 * from the guess with doubling steps until the bracket holds, then bisects
 * the whole numbers in between.
 */
static double
discrete_quantile (const SdDistribution *d,
                   double                p)
{
  double lower, upper, guess, lo, hi;

  sd_distribution_get_support (d, &lower, &upper);
  guess = quantile_guess (d, p);
  guess = isnan (guess) ? lower : CLAMP (guess, lower, upper);

  if (discrete_cdf (d, guess) >= p)
    {
      hi = guess;
      for (double step = 1.0; ; step *= 2.0)
        {
          lo = hi - step;
          if (lo < lower)
            {
              lo = lower - 1.0;
              break;
            }
          if (discrete_cdf (d, lo) < p)
            break;
          hi = lo;
        }
    }
  else
    {
      lo = guess;
      for (double step = 1.0; ; step *= 2.0)
        {
          hi = lo + step;
          /* Beyond 2^53 whole numbers are no longer all doubles. */
          if (hi >= upper || hi > 0x1p53)
            {
              hi = MIN (upper, 0x1p53);
              break;
            }
          if (discrete_cdf (d, hi) >= p)
            break;
          lo = hi;
        }
    }

  while (hi - lo > 1.0)
    {
      double mid = floor (lo + (hi - lo) / 2.0);

      /* Past 2^53 (a geometric with p = 1e-300) there may be no double
       * between lo and hi; hi is then as close as doubles get. */
      if (mid <= lo || mid >= hi)
        break;
      if (discrete_cdf (d, mid) >= p)
        hi = mid;
      else
        lo = mid;
    }

  return hi;
}

const SdDistributionOps sd_discrete_ops = {
  discrete_pmf,
  discrete_cdf,
  discrete_sf,
  discrete_quantile,
};
