/* distribution.c: distribution families, their parameters and what they compute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "distribution-private.h"
#include "names.h"

typedef struct
{
  const char         *name;
  const char * const  parameter_names[SD_DISTRIBUTION_MAX_PARAMETERS + 1];
  double              defaults[SD_DISTRIBUTION_MAX_PARAMETERS];
  gboolean            discrete;
} FamilyInfo;

/* The parameters are checked by distribution-validate.c. */
static const FamilyInfo families[SD_N_FAMILIES] = {
  [SD_FAMILY_NORMAL] = { "normal", { "mean", "sd" }, { 0, 1 }, FALSE },
  [SD_FAMILY_STUDENT_T] = { "student-t", { "dof" }, { 5 }, FALSE },
  [SD_FAMILY_CHI_SQUARED] = { "chi-squared", { "dof" }, { 3 }, FALSE },
  [SD_FAMILY_F] = { "f", { "dof1", "dof2" }, { 5, 10 }, FALSE },
  [SD_FAMILY_BETA] = { "beta", { "a", "b" }, { 2, 5 }, FALSE },
  [SD_FAMILY_GAMMA] = { "gamma", { "shape", "scale" }, { 2, 1 }, FALSE },
  [SD_FAMILY_EXPONENTIAL] = { "exponential", { "rate" }, { 1 }, FALSE },
  [SD_FAMILY_UNIFORM] = { "uniform", { "min", "max" }, { 0, 1 }, FALSE },
  [SD_FAMILY_LAPLACE] = { "laplace", { "mean", "scale" }, { 0, 1 }, FALSE },
  [SD_FAMILY_CAUCHY] = { "cauchy", { "location", "scale" }, { 0, 1 }, FALSE },
  [SD_FAMILY_LOGNORMAL] = { "lognormal", { "mu", "sigma" }, { 0, 1 }, FALSE },
  [SD_FAMILY_LOGISTIC] = { "logistic", { "location", "scale" }, { 0, 1 }, FALSE },
  [SD_FAMILY_WEIBULL] = { "weibull", { "shape", "scale" }, { 1.5, 1 }, FALSE },
  [SD_FAMILY_BINOMIAL] = { "binomial", { "n", "p" }, { 10, 0.5 }, TRUE },
  [SD_FAMILY_POISSON] = { "poisson", { "mean" }, { 3 }, TRUE },
  [SD_FAMILY_BERNOULLI] = { "bernoulli", { "p" }, { 0.5 }, TRUE },
  [SD_FAMILY_GEOMETRIC] = { "geometric", { "p" }, { 0.5 }, TRUE },
  [SD_FAMILY_NEGATIVE_BINOMIAL] = { "negative-binomial", { "n", "p" }, { 5, 0.5 }, TRUE },
  /* Its parameters are lists; bivariate.c owns them. */
  [SD_FAMILY_BIVARIATE_NORMAL] = { "bivariate-normal", { "mean", "covariance" }, { 0 }, FALSE },
};

/**
 * sd_family_from_name:
 * @name: a family name as written in scene files, such as "student-t"
 * @family: (out) (optional): where to store the family
 * @error: return location for a #GError, or %NULL
 *
 * Looks up a family by its scene-file name.
 *
 * Returns: %TRUE if @name is a known family; otherwise sets @error
 *   (%SD_CORE_ERROR_INVALID) and returns %FALSE
 */
gboolean
sd_family_from_name (const char  *name,
                     SdFamily    *family,
                     GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < SD_N_FAMILIES; i++)
    {
      if (g_str_equal (name, families[i].name))
        {
          if (family != NULL)
            *family = i;
          return TRUE;
        }
    }

  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               /* Translators: %s is the family name the scene file gives */
               _("unknown distribution family '%s'"), name);
  return FALSE;
}

/**
 * sd_family_get_name:
 * @family: a family
 *
 * Returns: (transfer none): the name of @family in scene files
 */
const char *
sd_family_get_name (SdFamily family)
{
  g_return_val_if_fail (family < SD_N_FAMILIES, NULL);

  return families[family].name;
}

/**
 * sd_family_get_parameter_names:
 * @family: a family
 *
 * The order of the names is the order of the parameters everywhere else in
 * this API.
 *
 * Returns: (transfer none) (array zero-terminated=1): the scene-file keys of
 *   the parameters of @family
 */
const char * const *
sd_family_get_parameter_names (SdFamily family)
{
  g_return_val_if_fail (family < SD_N_FAMILIES, NULL);

  return families[family].parameter_names;
}

/**
 * sd_family_get_n_parameters:
 * @family: a family
 *
 * Returns: the number of parameters of @family
 */
guint
sd_family_get_n_parameters (SdFamily family)
{
  guint n = 0;

  g_return_val_if_fail (family < SD_N_FAMILIES, 0);

  while (families[family].parameter_names[n] != NULL)
    n++;

  return n;
}

/**
 * sd_family_is_discrete:
 * @family: a family
 *
 * Returns: %TRUE if distributions of @family live on whole numbers
 */
gboolean
sd_family_is_discrete (SdFamily family)
{
  g_return_val_if_fail (family < SD_N_FAMILIES, FALSE);

  return families[family].discrete;
}

/**
 * sd_distribution_new:
 * @family: a univariate family (not %SD_FAMILY_BIVARIATE_NORMAL)
 * @parameters: (array length=n_parameters): the parameters, in the order of
 *   sd_family_get_parameter_names()
 * @n_parameters: the number of parameters of @family
 * @error: return location for a #GError, or %NULL
 *
 * Creates a distribution. Invalid parameters set @error
 * (%SD_CORE_ERROR_INVALID) with a message that names the parameter and the
 * rule it breaks, such as "sd: must be a positive finite number, got -1".
 *
 * Returns: (transfer full) (nullable): the distribution, or %NULL on error
 */
SdDistribution *
sd_distribution_new (SdFamily       family,
                     const double  *parameters,
                     guint          n_parameters,
                     GError       **error)
{
  SdDistribution *distribution;

  g_return_val_if_fail (family < SD_FAMILY_BIVARIATE_NORMAL, NULL);
  g_return_val_if_fail (n_parameters == sd_family_get_n_parameters (family), NULL);
  g_return_val_if_fail (parameters != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sd_family_validate (family, parameters, error))
    return NULL;

  distribution = g_new0 (SdDistribution, 1);
  distribution->family = family;
  for (guint i = 0; i < n_parameters; i++)
    distribution->parameters[i] = parameters[i];

  return distribution;
}

/**
 * sd_distribution_new_default:
 * @family: a univariate family
 *
 * Creates the distribution a scene gets when it names @family and no
 * parameters; #SdFamily lists the defaults.
 *
 * Returns: (transfer full): the distribution
 */
SdDistribution *
sd_distribution_new_default (SdFamily family)
{
  g_return_val_if_fail (family < SD_FAMILY_BIVARIATE_NORMAL, NULL);

  return sd_distribution_new (family, families[family].defaults,
                              sd_family_get_n_parameters (family), NULL);
}

static gboolean
find_parameter (SdFamily     family,
                const char  *name,
                guint       *index,
                GError     **error)
{
  const char * const *names = families[family].parameter_names;
  g_autofree char *valid = NULL;

  if (sd_name_find (names, sd_family_get_n_parameters (family), name, index))
    return TRUE;

  valid = g_strjoinv (", ", (char **) names);
  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               /* Translators: the first %s is the parameter name the scene
                * file gives, the second a distribution family such as
                * student-t, the third a list of parameter names such as
                * "mean, sd"; keep the names as they are */
               _("unknown parameter '%s' for %s; valid parameters: %s"),
               name, families[family].name, valid);
  return FALSE;
}

/**
 * sd_distribution_new_from_names:
 * @family: a univariate family
 * @names: (array length=n_values): parameter names, in any order
 * @values: (array length=n_values): their values
 * @n_values: the number of names and values
 * @error: return location for a #GError, or %NULL
 *
 * Creates a distribution from the keys a scene file gives; parameters it
 * leaves out take their defaults (see #SdFamily). A name that @family does
 * not have, or a name given twice, is an error, as are invalid values (see
 * sd_distribution_new()).
 *
 * Returns: (transfer full) (nullable): the distribution, or %NULL on error
 */
SdDistribution *
sd_distribution_new_from_names (SdFamily             family,
                                const char * const  *names,
                                const double        *values,
                                guint                n_values,
                                GError             **error)
{
  double parameters[SD_DISTRIBUTION_MAX_PARAMETERS];
  gboolean given[SD_DISTRIBUTION_MAX_PARAMETERS] = { FALSE, };

  g_return_val_if_fail (family < SD_FAMILY_BIVARIATE_NORMAL, NULL);
  g_return_val_if_fail (n_values == 0 || (names != NULL && values != NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memcpy (parameters, families[family].defaults, sizeof parameters);

  for (guint i = 0; i < n_values; i++)
    {
      guint index;

      g_return_val_if_fail (names[i] != NULL, NULL);

      if (!find_parameter (family, names[i], &index, error))
        return NULL;

      if (given[index])
        {
          g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                       /* Translators: %s is a parameter of a distribution as
                        * the scene file names it, such as mean; keep it as it is */
                       _("%s: given more than once"), names[i]);
          return NULL;
        }

      given[index] = TRUE;
      parameters[index] = values[i];
    }

  return sd_distribution_new (family, parameters, sd_family_get_n_parameters (family), error);
}

/**
 * sd_distribution_copy:
 * @distribution: a distribution
 *
 * Returns: (transfer full): a copy of @distribution, for handing to a job
 *   that outlives the original
 */
SdDistribution *
sd_distribution_copy (const SdDistribution *distribution)
{
  g_return_val_if_fail (distribution != NULL, NULL);

  return g_memdup2 (distribution, sizeof *distribution);
}

/**
 * sd_distribution_free:
 * @distribution: (nullable): a distribution
 *
 * Frees @distribution.
 */
void
sd_distribution_free (SdDistribution *distribution)
{
  g_free (distribution);
}

/**
 * sd_distribution_get_family:
 * @distribution: a distribution
 *
 * Returns: the family of @distribution
 */
SdFamily
sd_distribution_get_family (const SdDistribution *distribution)
{
  g_return_val_if_fail (distribution != NULL, SD_FAMILY_NORMAL);

  return distribution->family;
}

/**
 * sd_distribution_get_parameter:
 * @distribution: a distribution
 * @index: the position of the parameter in sd_family_get_parameter_names()
 *
 * Returns: the value of the parameter
 */
double
sd_distribution_get_parameter (const SdDistribution *distribution,
                               guint                 index)
{
  g_return_val_if_fail (distribution != NULL, NAN);
  g_return_val_if_fail (index < sd_family_get_n_parameters (distribution->family), NAN);

  return distribution->parameters[index];
}

/**
 * sd_distribution_is_discrete:
 * @distribution: a distribution
 *
 * Returns: %TRUE if @distribution lives on whole numbers: sd_distribution_pdf()
 *   is then a probability mass function
 */
gboolean
sd_distribution_is_discrete (const SdDistribution *distribution)
{
  g_return_val_if_fail (distribution != NULL, FALSE);

  return families[distribution->family].discrete;
}

/* The functions of @distribution's kind of family. */
static const SdDistributionOps *
ops (const SdDistribution *distribution)
{
  return families[distribution->family].discrete ? &sd_discrete_ops : &sd_continuous_ops;
}

/**
 * sd_distribution_pdf:
 * @distribution: a distribution
 * @x: a point
 *
 * The density at @x; for a discrete family the probability P(X = x), which
 * is 0 when @x is not a whole number. At an end of the support where the
 * density diverges (e.g. gamma with shape < 1 at 0) it is +inf, as in scipy.
 *
 * Returns: the density or probability, NaN if @x is NaN
 */
double
sd_distribution_pdf (const SdDistribution *distribution,
                     double                x)
{
  g_return_val_if_fail (distribution != NULL, NAN);

  return isnan (x) ? NAN : ops (distribution)->pdf (distribution, x);
}

/**
 * sd_distribution_cdf:
 * @distribution: a distribution
 * @x: a point
 *
 * Returns: P(X <= x), NaN if @x is NaN
 */
double
sd_distribution_cdf (const SdDistribution *distribution,
                     double                x)
{
  g_return_val_if_fail (distribution != NULL, NAN);

  return isnan (x) ? NAN : ops (distribution)->cdf (distribution, x);
}

/**
 * sd_distribution_sf:
 * @distribution: a distribution
 * @x: a point
 *
 * The survival function, computed directly rather than as 1 - cdf so that
 * upper tails keep their relative precision (1 - cdf is 0 beyond about
 * 1e-16).
 *
 * Returns: P(X > x), NaN if @x is NaN
 */
double
sd_distribution_sf (const SdDistribution *distribution,
                    double                x)
{
  g_return_val_if_fail (distribution != NULL, NAN);

  return isnan (x) ? NAN : ops (distribution)->sf (distribution, x);
}

/**
 * sd_distribution_probability:
 * @distribution: a distribution
 * @a: the interval's lower end
 * @b: its upper end, not below @a
 *
 * P(@a ≤ X ≤ @b): F(@b) − F(@a) for a continuous family; for a discrete
 * one F(⌊@b⌋) − F(⌈@a⌉ − 1), the mass at @a included. In the upper tail
 * the difference is taken of survival functions, which keep the digits
 * that 1 − F rounds away.
 *
 * Returns: the probability, in [0, 1]
 */
double
sd_distribution_probability (const SdDistribution *distribution,
                             double                a,
                             double                b)
{
  double p;

  g_return_val_if_fail (distribution != NULL, NAN);

  if (families[distribution->family].discrete)
    {
      a = ceil (a) - 1.0;
      b = floor (b);
      if (b <= a)
        return 0.0;
    }

  if (sd_distribution_cdf (distribution, a) > 0.5)
    p = sd_distribution_sf (distribution, a) - sd_distribution_sf (distribution, b);
  else
    p = sd_distribution_cdf (distribution, b) - sd_distribution_cdf (distribution, a);

  return CLAMP (p, 0.0, 1.0);
}

/**
 * sd_distribution_quantile:
 * @distribution: a distribution
 * @p: a probability
 *
 * The inverse of the cdf. For a discrete family it is the smallest whole k
 * with cdf(k) >= @p, like scipy's ppf; also like scipy, @p = 0 gives one
 * less than the lowest value of the support, so that cdf(quantile(0)) = 0.
 * @p = 1 gives the upper end of the support, possibly +inf.
 *
 * Returns: the quantile, NaN if @p is not in [0, 1]
 */
double
sd_distribution_quantile (const SdDistribution *distribution,
                          double                p)
{
  gboolean discrete;
  double lower, upper;

  g_return_val_if_fail (distribution != NULL, NAN);

  if (!(p >= 0.0 && p <= 1.0))
    return NAN;

  discrete = families[distribution->family].discrete;
  sd_distribution_get_support (distribution, &lower, &upper);
  if (p == 0.0)
    return discrete ? lower - 1.0 : lower;
  if (p == 1.0)
    return upper;

  return ops (distribution)->quantile (distribution, p);
}

/**
 * sd_distribution_get_support:
 * @distribution: a distribution
 * @lower: (out) (optional): the lowest possible value, possibly -inf
 * @upper: (out) (optional): the highest possible value, possibly +inf
 *
 * Gets the closed range that holds every value of @distribution, as
 * scipy's support(). Whether the values are whole numbers is
 * sd_distribution_is_discrete().
 */
void
sd_distribution_get_support (const SdDistribution *distribution,
                             double               *lower,
                             double               *upper)
{
  const double *p;
  double a = 0.0, b = INFINITY;

  g_return_if_fail (distribution != NULL);

  p = distribution->parameters;
  switch (distribution->family)
    {
    case SD_FAMILY_NORMAL:
    case SD_FAMILY_STUDENT_T:
    case SD_FAMILY_LAPLACE:
    case SD_FAMILY_CAUCHY:
    case SD_FAMILY_LOGISTIC:
      a = -INFINITY;
      break;
    case SD_FAMILY_BETA:
    case SD_FAMILY_BERNOULLI:
      b = 1.0;
      break;
    case SD_FAMILY_UNIFORM:
      a = p[0];
      b = p[1];
      break;
    case SD_FAMILY_BINOMIAL:
      b = p[0];
      break;
    case SD_FAMILY_GEOMETRIC:
      a = 1.0;
      break;
    default:
      break;
    }

  if (lower != NULL)
    *lower = a;
  if (upper != NULL)
    *upper = b;
}

/**
 * sd_distribution_get_default_range:
 * @distribution: a distribution
 * @lower: (out) (optional): where a plot of @distribution starts
 * @upper: (out) (optional): where it ends
 *
 * Gets the x-range a figure shows when the scene does not give one: the
 * central 99.8% (the 0.1% and 99.9% quantiles), widened to a finite end of
 * the support when that end is within a quarter of the range's width, so
 * that an exponential starts at 0, a beta spans [0, 1] and a binomial with
 * n = 10 shows 0..10, while a gamma with a large shape does not waste most of
 * the plot on empty space near 0. The range always has @lower < @upper.
 */
void
sd_distribution_get_default_range (const SdDistribution *distribution,
                                   double               *lower,
                                   double               *upper)
{
  double a, b, lo, hi, margin;

  g_return_if_fail (distribution != NULL);

  sd_distribution_get_support (distribution, &a, &b);
  lo = sd_distribution_quantile (distribution, 0.001);
  hi = sd_distribution_quantile (distribution, 0.999);
  margin = 0.25 * (hi - lo);

  if (isfinite (a) && lo - a <= margin)
    lo = a;
  if (isfinite (b) && b - hi <= margin)
    hi = b;

  /* A degenerate discrete distribution (a binomial with p = 0, ...) has all
   * its mass on one value; show that value and its neighbour. */
  if (!(lo < hi))
    {
      if (hi + 1.0 <= b)
        hi += 1.0;
      else
        lo -= 1.0;
    }

  if (lower != NULL)
    *lower = lo;
  if (upper != NULL)
    *upper = hi;
}
