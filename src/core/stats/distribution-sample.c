/* distribution-sample.c: seeded random draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "distribution-private.h"

/* A sum of independent Poisson variables is Poisson, so a mean beyond the
 * range where GSL's unsigned int sampler is safe is drawn in parts. Only a
 * negative binomial gets here with such a mean, and only in the tail of its
 * gamma mixing distribution: validation keeps its mean below
 * SD_DISTRIBUTION_MAX_COUNT. */
static double
poisson_draw (gsl_rng *rng,
              double   mean)
{
  double k = 0.0;

  while (mean > SD_DISTRIBUTION_MAX_COUNT)
    {
      k += gsl_ran_poisson (rng, SD_DISTRIBUTION_MAX_COUNT);
      mean -= SD_DISTRIBUTION_MAX_COUNT;
    }

  return k + gsl_ran_poisson (rng, mean);
}

/* By inversion, P(K > k) = P(U <= (1-p)^k) = (1-p)^k; GSL's
 * gsl_ran_geometric does the same with log(1 - p), which loses small p, and
 * truncates to unsigned int. */
static double
geometric_draw (gsl_rng *rng,
                double   p)
{
  if (p == 1.0)
    return 1.0;

  return floor (log (gsl_rng_uniform_pos (rng)) / log1p (-p)) + 1.0;
}

/* The negative binomial is a Poisson whose mean is gamma(n, (1-p)/p). */
static double
negative_binomial_draw (gsl_rng *rng,
                        double   n,
                        double   p)
{
  if (p == 1.0)
    return 0.0;

  return poisson_draw (rng, gsl_ran_gamma (rng, n, (1.0 - p) / p));
}

static double
draw (const SdDistribution *d,
      gsl_rng              *rng)
{
  const double *p = d->parameters;

  switch (d->family)
    {
    case SD_FAMILY_NORMAL:
      return p[0] + gsl_ran_gaussian_ziggurat (rng, p[1]);
    case SD_FAMILY_STUDENT_T:
      return gsl_ran_tdist (rng, p[0]);
    case SD_FAMILY_CHI_SQUARED:
      return gsl_ran_chisq (rng, p[0]);
    case SD_FAMILY_F:
      return gsl_ran_fdist (rng, p[0], p[1]);
    case SD_FAMILY_BETA:
      return gsl_ran_beta (rng, p[0], p[1]);
    case SD_FAMILY_GAMMA:
      return gsl_ran_gamma (rng, p[0], p[1]);
    case SD_FAMILY_EXPONENTIAL:
      return gsl_ran_exponential (rng, 1.0 / p[0]);
    case SD_FAMILY_UNIFORM:
      return gsl_ran_flat (rng, p[0], p[1]);
    case SD_FAMILY_LAPLACE:
      return p[0] + gsl_ran_laplace (rng, p[1]);
    case SD_FAMILY_CAUCHY:
      return p[0] + gsl_ran_cauchy (rng, p[1]);
    case SD_FAMILY_LOGNORMAL:
      return gsl_ran_lognormal (rng, p[0], p[1]);
    case SD_FAMILY_LOGISTIC:
      return p[0] + gsl_ran_logistic (rng, p[1]);
    case SD_FAMILY_WEIBULL:
      return gsl_ran_weibull (rng, p[1], p[0]);
    case SD_FAMILY_BINOMIAL:
      return gsl_ran_binomial (rng, p[1], (unsigned int) p[0]);
    case SD_FAMILY_POISSON:
      return poisson_draw (rng, p[0]);
    case SD_FAMILY_BERNOULLI:
      return gsl_ran_bernoulli (rng, p[0]);
    case SD_FAMILY_GEOMETRIC:
      return geometric_draw (rng, p[0]);
    case SD_FAMILY_NEGATIVE_BINOMIAL:
      return negative_binomial_draw (rng, p[0], p[1]);
    default:
      g_assert_not_reached ();
    }
}

/**
 * sd_distribution_sample:
 * @distribution: a distribution
 * @seed: the scene's seed
 * @samples: (array length=n_samples) (out caller-allocates): where to store the draws
 * @n_samples: how many to draw
 *
 * Draws @n_samples independent values with GSL's Mersenne Twister
 * (mt19937) seeded with @seed. The same seed gives the same values on every
 * run and machine, and the first k of n draws are the k draws of a call with
 * n_samples = k, so a figure can grow its sample without it changing.
 *
 * Each call owns its generator, so calls may run in parallel. Note that GSL
 * seeds mt19937 with the low 32 bits of @seed and treats 0 as its default
 * seed 4357.
 */
void
sd_distribution_sample (const SdDistribution *distribution,
                        guint64               seed,
                        double               *samples,
                        gsize                 n_samples)
{
  gsl_rng *rng;

  g_return_if_fail (distribution != NULL);
  g_return_if_fail (samples != NULL || n_samples == 0);

  rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, (unsigned long) seed);

  for (gsize i = 0; i < n_samples; i++)
    samples[i] = draw (distribution, rng);

  gsl_rng_free (rng);
}
