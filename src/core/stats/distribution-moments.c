/* distribution-moments.c: mean, variance, skewness and excess kurtosis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "distribution-private.h"

/* Where a moment does not exist, the value is what scipy.stats 1.10 reports
 * from stats(moments='mvsk'), so that figures and tables agree with the tool
 * readers check them with: +inf where the integral diverges to infinity and
 * NaN where it has no value. Two of scipy's choices are surprising and kept
 * on purpose: the mean of Student's t with dof <= 1 is +inf (not NaN), and a
 * degenerate binomial (p = 0 or 1) has skewness +-inf and excess kurtosis
 * +inf while a degenerate Bernoulli has NaN for both. */

typedef struct
{
  double mean;
  double variance;
  double skewness;
  double kurtosis;
} Moments;

static Moments
student_t_moments (double dof)
{
  return (Moments) {
    .mean = dof > 1 ? 0.0 : INFINITY,
    .variance = dof > 2 ? dof / (dof - 2) : (dof > 1 ? INFINITY : NAN),
    .skewness = dof > 3 ? 0.0 : NAN,
    .kurtosis = dof > 4 ? 6 / (dof - 4) : (dof > 2 ? INFINITY : NAN),
  };
}

static Moments
f_moments (double m,
           double n)
{
  Moments r = { INFINITY, INFINITY, NAN, NAN };

  if (n > 2)
    r.mean = n / (n - 2);
  if (n > 4)
    r.variance = 2 * n * n * (m + n - 2) / (m * (n - 2) * (n - 2) * (n - 4));
  if (n > 6)
    r.skewness = (2 * m + n - 2) * sqrt (8 * (n - 4)) / ((n - 6) * sqrt (m * (m + n - 2)));
  if (n > 8)
    r.kurtosis = 12 * (m * (5 * n - 22) * (m + n - 2) + (n - 4) * (n - 2) * (n - 2))
                 / (m * (n - 6) * (n - 8) * (m + n - 2));

  return r;
}

static Moments
beta_moments (double a,
              double b)
{
  double s = a + b;

  return (Moments) {
    .mean = a / s,
    .variance = a * b / ((s + 1) * s * s),
    .skewness = 2 * (b - a) * sqrt (s + 1) / ((s + 2) * sqrt (a * b)),
    .kurtosis = 6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3)),
  };
}

/* With e = exp(sigma^2) - 1 from expm1, so that small sigma keeps its
 * digits: skewness (e + 3) sqrt(e) and excess kurtosis
 * exp(4 s^2) + 2 exp(3 s^2) + 3 exp(2 s^2) - 6 = e (16 + e (15 + e (6 + e))). */
static Moments
lognormal_moments (double mu,
                   double sigma)
{
  double s2 = sigma * sigma;
  double e = expm1 (s2);

  return (Moments) {
    .mean = exp (mu + s2 / 2),
    .variance = e * exp (2 * mu + s2),
    .skewness = (e + 3) * sqrt (e),
    .kurtosis = e * (16 + e * (15 + e * (6 + e))),
  };
}

/* From the raw moments Gamma(1 + i/shape), as scipy does. The central
 * moments are differences of them that cancel (the variance of shape 3 is
 * 0.11 of terms near 0.8, the kurtosis loses four digits), so they are
 * formed in long double, which on x86-64 carries 11 more bits; tgammal,
 * unlike lgamma, touches no global state. */
static Moments
weibull_moments (double shape,
                 double scale)
{
  long double g1 = tgammal (1 + 1.0L / shape);
  long double g2 = tgammal (1 + 2.0L / shape);
  long double g3 = tgammal (1 + 3.0L / shape);
  long double g4 = tgammal (1 + 4.0L / shape);
  long double v = g2 - g1 * g1;

  return (Moments) {
    .mean = scale * (double) g1,
    .variance = scale * scale * (double) v,
    .skewness = (double) ((g3 - 3 * g1 * g2 + 2 * g1 * g1 * g1) / powl (v, 1.5L)),
    .kurtosis = (double) ((g4 - 4 * g1 * g3 + 6 * g1 * g1 * g2 - 3 * g1 * g1 * g1 * g1) / (v * v)
                          - 3),
  };
}

static Moments
binomial_moments (double n,
                  double p,
                  gboolean bernoulli)
{
  double q = 1 - p;
  double v = n * p * q;

  if (v == 0.0)
    {
      if (bernoulli)
        return (Moments) { p, 0.0, NAN, NAN };
      return (Moments) { n * p, 0.0, p == 0.0 ? INFINITY : -INFINITY, INFINITY };
    }

  return (Moments) { n * p, v, (q - p) / sqrt (v), (1 - 6 * p * q) / v };
}

static Moments
geometric_moments (double p)
{
  double q = 1 - p;

  if (p == 1.0)
    return (Moments) { 1.0, 0.0, INFINITY, INFINITY };

  return (Moments) { 1 / p, q / (p * p), (2 - p) / sqrt (q), (p * p - 6 * p + 6) / q };
}

static Moments
negative_binomial_moments (double n,
                           double p)
{
  double q = 1 - p;

  if (p == 1.0)
    return (Moments) { 0.0, 0.0, INFINITY, INFINITY };

  return (Moments) {
    .mean = n * q / p,
    .variance = n * q / (p * p),
    .skewness = (2 - p) / sqrt (n * q),
    .kurtosis = 6 / n + p * p / (n * q),
  };
}

static Moments
moments (const SdDistribution *d)
{
  const double *p = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_NORMAL:
      return (Moments) { p[0], p[1] * p[1], 0.0, 0.0 };
    case SD_FAMILY_STUDENT_T:
      return student_t_moments (p[0]);
    case SD_FAMILY_CHI_SQUARED:
      return (Moments) { p[0], 2 * p[0], sqrt (8 / p[0]), 12 / p[0] };
    case SD_FAMILY_F:
      return f_moments (p[0], p[1]);
    case SD_FAMILY_BETA:
      return beta_moments (p[0], p[1]);
    case SD_FAMILY_GAMMA:
      return (Moments) { p[0] * p[1], p[0] * p[1] * p[1], 2 / sqrt (p[0]), 6 / p[0] };
    case SD_FAMILY_EXPONENTIAL:
      return (Moments) { 1 / p[0], 1 / (p[0] * p[0]), 2.0, 6.0 };
    case SD_FAMILY_UNIFORM:
      return (Moments) { p[0] + (p[1] - p[0]) / 2, (p[1] - p[0]) * (p[1] - p[0]) / 12, 0.0, -1.2 };
    case SD_FAMILY_LAPLACE:
      return (Moments) { p[0], 2 * p[1] * p[1], 0.0, 3.0 };
    case SD_FAMILY_CAUCHY:
      return (Moments) { NAN, NAN, NAN, NAN };
    case SD_FAMILY_LOGNORMAL:
      return lognormal_moments (p[0], p[1]);
    case SD_FAMILY_LOGISTIC:
      return (Moments) { p[0], M_PI * M_PI * p[1] * p[1] / 3, 0.0, 1.2 };
    case SD_FAMILY_WEIBULL:
      return weibull_moments (p[0], p[1]);
    case SD_FAMILY_BINOMIAL:
      return binomial_moments (p[0], p[1], FALSE);
    case SD_FAMILY_POISSON:
      return (Moments) { p[0], p[0], 1 / sqrt (p[0]), 1 / p[0] };
    case SD_FAMILY_BERNOULLI:
      return binomial_moments (1.0, p[0], TRUE);
    case SD_FAMILY_GEOMETRIC:
      return geometric_moments (p[0]);
    case SD_FAMILY_NEGATIVE_BINOMIAL:
      return negative_binomial_moments (p[0], p[1]);
    default:
      g_assert_not_reached ();
    }
}

/**
 * sd_distribution_get_moments:
 * @distribution: a distribution
 * @mean: (out) (optional): the mean
 * @variance: (out) (optional): the variance
 * @skewness: (out) (optional): the skewness
 * @excess_kurtosis: (out) (optional): the kurtosis minus 3 (0 for the normal)
 *
 * Gets the first four moments. Where one does not exist the value is +inf
 * or NaN exactly as scipy.stats 1.10 reports it, e.g. NaN for every moment
 * of the Cauchy distribution and an infinite variance for Student's t with
 * 1 < dof <= 2.
 */
void
sd_distribution_get_moments (const SdDistribution *distribution,
                             double               *mean,
                             double               *variance,
                             double               *skewness,
                             double               *excess_kurtosis)
{
  Moments m;

  g_return_if_fail (distribution != NULL);

  m = moments (distribution);
  if (mean != NULL)
    *mean = m.mean;
  if (variance != NULL)
    *variance = m.variance;
  if (skewness != NULL)
    *skewness = m.skewness;
  if (excess_kurtosis != NULL)
    *excess_kurtosis = m.kurtosis;
}
