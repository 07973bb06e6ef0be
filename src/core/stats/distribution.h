/* distribution.h: the probability distributions that scenes can show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdFamily:
 * @SD_FAMILY_NORMAL: `normal(mean = 0, sd = 1)`
 * @SD_FAMILY_STUDENT_T: `student-t(dof = 5)`
 * @SD_FAMILY_CHI_SQUARED: `chi-squared(dof = 3)`
 * @SD_FAMILY_F: `f(dof1 = 5, dof2 = 10)`
 * @SD_FAMILY_BETA: `beta(a = 2, b = 5)`
 * @SD_FAMILY_GAMMA: `gamma(shape = 2, scale = 1)`
 * @SD_FAMILY_EXPONENTIAL: `exponential(rate = 1)`
 * @SD_FAMILY_UNIFORM: `uniform(min = 0, max = 1)`
 * @SD_FAMILY_LAPLACE: `laplace(mean = 0, scale = 1)`
 * @SD_FAMILY_CAUCHY: `cauchy(location = 0, scale = 1)`
 * @SD_FAMILY_LOGNORMAL: `lognormal(mu = 0, sigma = 1)`: log X is normal(mu, sigma)
 * @SD_FAMILY_LOGISTIC: `logistic(location = 0, scale = 1)`
 * @SD_FAMILY_WEIBULL: `weibull(shape = 1.5, scale = 1)`
 * @SD_FAMILY_BINOMIAL: `binomial(n = 10, p = 0.5)`: successes in n trials
 * @SD_FAMILY_POISSON: `poisson(mean = 3)`
 * @SD_FAMILY_BERNOULLI: `bernoulli(p = 0.5)`
 * @SD_FAMILY_GEOMETRIC: `geometric(p = 0.5)`: trials up to and including the
 *   first success, on 1, 2, 3, ...
 * @SD_FAMILY_NEGATIVE_BINOMIAL: `negative-binomial(n = 5, p = 0.5)`: failures
 *   before the n-th success, on 0, 1, 2, ...; n may be any positive number
 * @SD_FAMILY_BIVARIATE_NORMAL: `bivariate-normal(mean = "0;0",
 *   covariance = "1;0;1")`, the covariance given as sxx;sxy;syy. It is not an
 *   #SdDistribution: see #SdBivariateNormal.
 * @SD_N_FAMILIES: the number of families
 *
 * The distribution families that scene files can name. The defaults shown
 * are the parameters a scene gets when it leaves a key out. Parameterizations
 * follow scipy.stats: `normal` is `norm(loc=mean, scale=sd)`, `student-t` is
 * `t(dof)`, `gamma` is `gamma(shape, scale=scale)`, `exponential` is
 * `expon(scale=1/rate)`, `uniform` is `uniform(loc=min, scale=max-min)`,
 * `lognormal` is `lognorm(sigma, scale=exp(mu))`, `weibull` is
 * `weibull_min(shape, scale=scale)`, `geometric` is `geom(p)` and
 * `negative-binomial` is `nbinom(n, p)`.
 */
typedef enum
{
  SD_FAMILY_NORMAL,
  SD_FAMILY_STUDENT_T,
  SD_FAMILY_CHI_SQUARED,
  SD_FAMILY_F,
  SD_FAMILY_BETA,
  SD_FAMILY_GAMMA,
  SD_FAMILY_EXPONENTIAL,
  SD_FAMILY_UNIFORM,
  SD_FAMILY_LAPLACE,
  SD_FAMILY_CAUCHY,
  SD_FAMILY_LOGNORMAL,
  SD_FAMILY_LOGISTIC,
  SD_FAMILY_WEIBULL,
  SD_FAMILY_BINOMIAL,
  SD_FAMILY_POISSON,
  SD_FAMILY_BERNOULLI,
  SD_FAMILY_GEOMETRIC,
  SD_FAMILY_NEGATIVE_BINOMIAL,
  SD_FAMILY_BIVARIATE_NORMAL,
  SD_N_FAMILIES
} SdFamily;

/**
 * SD_DISTRIBUTION_MAX_PARAMETERS:
 *
 * The largest number of parameters of a univariate family.
 */
#define SD_DISTRIBUTION_MAX_PARAMETERS 2

/**
 * SD_DISTRIBUTION_MAX_COUNT:
 *
 * The largest `n` of `binomial`, the largest `mean` of `poisson` and the
 * largest mean n(1-p)/p of `negative-binomial`. GSL's samplers count in
 * unsigned int; this bound keeps every draw far from overflow.
 */
#define SD_DISTRIBUTION_MAX_COUNT 1e9

gboolean            sd_family_from_name             (const char  *name,
                                                     SdFamily    *family,
                                                     GError     **error);
const char         *sd_family_get_name              (SdFamily     family);
const char * const *sd_family_get_parameter_names   (SdFamily     family);
guint               sd_family_get_n_parameters      (SdFamily     family);
gboolean            sd_family_is_discrete           (SdFamily     family);

/**
 * SdDistribution:
 *
 * A univariate distribution: a family with valid parameters. It is immutable
 * after creation, so one instance may be read from several threads at once.
 */
typedef struct _SdDistribution SdDistribution;

SdDistribution *sd_distribution_new               (SdFamily               family,
                                                   const double          *parameters,
                                                   guint                  n_parameters,
                                                   GError               **error);
SdDistribution *sd_distribution_new_default       (SdFamily               family);
SdDistribution *sd_distribution_new_from_names    (SdFamily               family,
                                                   const char * const    *names,
                                                   const double          *values,
                                                   guint                  n_values,
                                                   GError               **error);
SdDistribution *sd_distribution_copy              (const SdDistribution  *distribution);
void            sd_distribution_free              (SdDistribution        *distribution);

SdFamily        sd_distribution_get_family        (const SdDistribution  *distribution);
double          sd_distribution_get_parameter     (const SdDistribution  *distribution,
                                                   guint                  index);
gboolean        sd_distribution_is_discrete       (const SdDistribution  *distribution);

double          sd_distribution_pdf               (const SdDistribution  *distribution,
                                                   double                 x);
double          sd_distribution_cdf               (const SdDistribution  *distribution,
                                                   double                 x);
double          sd_distribution_sf                (const SdDistribution  *distribution,
                                                   double                 x);
double          sd_distribution_quantile          (const SdDistribution  *distribution,
                                                   double                 p);
double          sd_distribution_probability       (const SdDistribution  *distribution,
                                                   double                 a,
                                                   double                 b);
void            sd_distribution_get_moments       (const SdDistribution  *distribution,
                                                   double                *mean,
                                                   double                *variance,
                                                   double                *skewness,
                                                   double                *excess_kurtosis);
void            sd_distribution_get_support       (const SdDistribution  *distribution,
                                                   double                *lower,
                                                   double                *upper);
void            sd_distribution_get_default_range (const SdDistribution  *distribution,
                                                   double                *lower,
                                                   double                *upper);
void            sd_distribution_sample            (const SdDistribution  *distribution,
                                                   guint64                seed,
                                                   double                *samples,
                                                   gsize                  n_samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdDistribution, sd_distribution_free)

G_END_DECLS
