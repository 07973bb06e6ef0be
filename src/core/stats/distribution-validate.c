/* distribution-validate.c: the rules a family's parameters obey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error-private.h"
#include "distribution-private.h"
#include "numfmt.h"

/* What one parameter must be. A parameter may obey several rules; they are
 * checked in this order, so that the message names the first one broken. */
typedef enum
{
  RULE_FINITE              = 1 << 0,
  RULE_POSITIVE            = 1 << 1,  /* finite too */
  RULE_WHOLE               = 1 << 2,  /* a whole number >= 1 */
  RULE_PROBABILITY         = 1 << 3,  /* in [0, 1] */
  RULE_SUCCESS_PROBABILITY = 1 << 4,  /* in (0, 1] */
  RULE_AT_MOST_MAX_COUNT   = 1 << 5,  /* not above SD_DISTRIBUTION_MAX_COUNT */
} Rule;

#define N_RULES 6

/* A rule that concerns the parameters together, checked after each alone. */
typedef gboolean (*JointRule) (const double  *p,
                               GError       **error);

typedef struct
{
  guint     rules[SD_DISTRIBUTION_MAX_PARAMETERS];
  JointRule joint;
} FamilyRules;

static gboolean
obeys (Rule   rule,
       double value)
{
  switch (rule)
    {
    case RULE_FINITE:
      return isfinite (value);
    case RULE_POSITIVE:
      return value > 0.0 && isfinite (value);
    case RULE_WHOLE:
      return value >= 1.0 && value == floor (value);
    case RULE_PROBABILITY:
      return value >= 0.0 && value <= 1.0;
    case RULE_SUCCESS_PROBABILITY:
      /* Geometric and negative-binomial draws wait for a success; with
       * p = 0 it never comes. */
      return value > 0.0 && value <= 1.0;
    case RULE_AT_MOST_MAX_COUNT:
      return !(value > SD_DISTRIBUTION_MAX_COUNT);
    default:
      g_assert_not_reached ();
    }
}

/* Sets @error to say that the parameter @name breaks @rule with @value.
 * Numbers are written as sd_format_number() does, so that "0.1" stays
 * "0.1" and a user can find the value in the scene file. */
static gboolean
refuse (Rule         rule,
        const char  *name,
        double       value,
        GError     **error)
{
  char number[SD_FORMAT_DOUBLE_SIZE];
  char limit[SD_FORMAT_DOUBLE_SIZE];

  sd_format_number (number, sizeof number, value);

  switch (rule)
    {
    case RULE_FINITE:
      /* Translators: the first %s is a parameter of a distribution as the
       * scene file names it, such as mean; keep it as it is. The second is
       * the value given. */
      return _sd_set_invalid (error, _("%s: must be a finite number, got %s"), name, number);
    case RULE_POSITIVE:
      /* Translators: the first %s is a parameter of a distribution as the
       * scene file names it, such as sd; keep it as it is. The second is
       * the value given. */
      return _sd_set_invalid (error, _("%s: must be a positive finite number, got %s"),
                              name, number);
    case RULE_WHOLE:
      /* Translators: the first %s is the parameter n of the binomial
       * distribution; keep it as it is. The second is the value given. */
      return _sd_set_invalid (error, _("%s: must be a whole number >= 1, got %s"), name, number);
    case RULE_PROBABILITY:
      /* Translators: the first %s is the parameter p of a distribution; keep
       * it as it is. The second is the value given. */
      return _sd_set_invalid (error, _("%s: must be between 0 and 1, got %s"), name, number);
    case RULE_SUCCESS_PROBABILITY:
      /* Translators: the first %s is the parameter p of a distribution; keep
       * it as it is. The second is the value given. */
      return _sd_set_invalid (error, _("%s: must be greater than 0 and at most 1, got %s"),
                              name, number);
    case RULE_AT_MOST_MAX_COUNT:
      sd_format_number (limit, sizeof limit, SD_DISTRIBUTION_MAX_COUNT);
      /* Translators: the first %s is a parameter of a distribution as the
       * scene file names it, such as n; keep it as it is. The second is the
       * largest value allowed (1e+09), the third the value given. */
      return _sd_set_invalid (error, _("%s: must be at most %s, got %s"), name, limit, number);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_parameter (guint        rules,
                 const char  *name,
                 double       value,
                 GError     **error)
{
  for (guint bit = 0; bit < N_RULES; bit++)
    {
      Rule rule = 1u << bit;

      if ((rules & rule) != 0 && !obeys (rule, value))
        return refuse (rule, name, value, error);
    }

  return TRUE;
}

static gboolean
check_uniform (const double  *p,
               GError       **error)
{
  if (!(p[0] < p[1]))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: min and max are the parameters of the
                    * uniform distribution; keep them as they are */
                   _("%s: must be less than %s"), "min", "max");
      return FALSE;
    }

  /* Densities and quantiles divide by and multiply with the width. */
  if (!isfinite (p[1] - p[0]))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the parameter max of the
                    * uniform distribution, the second the formula max - min;
                    * keep both as they are */
                   _("%s: %s must be a finite number"), "max", "max - min");
      return FALSE;
    }

  return TRUE;
}

/* Draws are Poisson with a gamma-distributed mean; see distribution-sample.c. */
static gboolean
check_negative_binomial (const double  *p,
                         GError       **error)
{
  double mean = p[0] * (1.0 - p[1]) / p[1];
  char limit[SD_FORMAT_DOUBLE_SIZE];
  char number[SD_FORMAT_DOUBLE_SIZE];

  if (!(mean > SD_DISTRIBUTION_MAX_COUNT))
    return TRUE;

  sd_format_number (limit, sizeof limit, SD_DISTRIBUTION_MAX_COUNT);
  sd_format_number (number, sizeof number, p[1]);
  /* Translators: the first %s is the parameter p of the negative binomial
   * distribution, the second the formula of its mean, n(1-p)/p; keep both
   * as they are. The third is the largest mean allowed (1e+09), the fourth
   * the value of p given. */
  return _sd_set_invalid (error, _("%s: must keep the mean %s at most %s, got %s"),
                          "p", "n(1-p)/p", limit, number);
}

static const FamilyRules family_rules[SD_FAMILY_BIVARIATE_NORMAL] = {
  [SD_FAMILY_NORMAL] = { { RULE_FINITE, RULE_POSITIVE } },
  [SD_FAMILY_STUDENT_T] = { { RULE_POSITIVE } },
  [SD_FAMILY_CHI_SQUARED] = { { RULE_POSITIVE } },
  [SD_FAMILY_F] = { { RULE_POSITIVE, RULE_POSITIVE } },
  [SD_FAMILY_BETA] = { { RULE_POSITIVE, RULE_POSITIVE } },
  [SD_FAMILY_GAMMA] = { { RULE_POSITIVE, RULE_POSITIVE } },
  [SD_FAMILY_EXPONENTIAL] = { { RULE_POSITIVE } },
  [SD_FAMILY_UNIFORM] = { { RULE_FINITE, RULE_FINITE }, check_uniform },
  [SD_FAMILY_LAPLACE] = { { RULE_FINITE, RULE_POSITIVE } },
  [SD_FAMILY_CAUCHY] = { { RULE_FINITE, RULE_POSITIVE } },
  [SD_FAMILY_LOGNORMAL] = { { RULE_FINITE, RULE_POSITIVE } },
  [SD_FAMILY_LOGISTIC] = { { RULE_FINITE, RULE_POSITIVE } },
  [SD_FAMILY_WEIBULL] = { { RULE_POSITIVE, RULE_POSITIVE } },
  [SD_FAMILY_BINOMIAL] = { { RULE_WHOLE | RULE_AT_MOST_MAX_COUNT, RULE_PROBABILITY } },
  [SD_FAMILY_POISSON] = { { RULE_POSITIVE | RULE_AT_MOST_MAX_COUNT } },
  [SD_FAMILY_BERNOULLI] = { { RULE_PROBABILITY } },
  [SD_FAMILY_GEOMETRIC] = { { RULE_SUCCESS_PROBABILITY } },
  [SD_FAMILY_NEGATIVE_BINOMIAL] = { { RULE_POSITIVE, RULE_SUCCESS_PROBABILITY },
                                    check_negative_binomial },
};

/* Checks the parameters of a univariate @family, in the order of
 * sd_family_get_parameter_names(); the message names the parameter and
 * the rule it breaks, such as "sd: must be a positive finite number, got -1". */
gboolean
sd_family_validate (SdFamily       family,
                    const double  *parameters,
                    GError       **error)
{
  const char * const *names = sd_family_get_parameter_names (family);
  const FamilyRules *rules;

  g_assert (family < SD_FAMILY_BIVARIATE_NORMAL);
  rules = &family_rules[family];

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!check_parameter (rules->rules[i], names[i], parameters[i], error))
        return FALSE;
    }

  return rules->joint == NULL || rules->joint (parameters, error);
}
