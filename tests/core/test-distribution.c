/* test-distribution.c: families, parameters, supports and the identities every law obeys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "distribution-testing.h"

/* Identities that hold for every distribution, checked on every parameter
 * set of references[]: the quantile inverts the cdf, cdf + sf = 1, the cdf
 * never decreases and, for discrete families, the pmf is the cdf's step
 * and sums to 1. */
static void
check_continuous_identities (const SdDistribution *d,
                             const char           *family)
{
  const double levels[] = { 1e-9, 1e-4, 0.02, 0.3, 0.5, 0.77, 0.98, 1 - 1e-6 };
  double lower, upper, previous = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      double p = levels[i];
      double x = sd_distribution_quantile (d, p);

      /* In the tail that holds p, where both sides keep their precision;
       * the tolerance includes the step of the cdf from x to the next
       * double, since no double can do better (near the end of a beta's
       * support, for one, that step is 1e-5 of the tail). */
      double target = p <= 0.5 ? p : 1 - p;
      double tail = p <= 0.5 ? sd_distribution_cdf (d, x) : sd_distribution_sf (d, x);
      double step = sd_distribution_pdf (d, x) * (nextafter (fabs (x), INFINITY) - fabs (x));

      if (fabs (tail - target) > 1e-12 * target + 2 * step)
        {
          g_test_message ("tail at quantile(%.17g) = %.17g of %s is %.17g", p, x, family, tail);
          g_test_fail ();
        }
    }

  sd_distribution_get_default_range (d, &lower, &upper);
  for (guint i = 0; i <= 400; i++)
    {
      double x = lower + (upper - lower) * i / 400;
      double cdf = sd_distribution_cdf (d, x), sf = sd_distribution_sf (d, x);

      g_assert_cmpfloat (cdf, >=, previous);
      g_assert_cmpfloat (sd_distribution_pdf (d, x), >=, 0.0);
      check_close ("cdf + sf", family, x, cdf + sf, 1.0, 1e-14);
      previous = cdf;

      /* The quantile undoes the cdf where the density is not tiny. */
      if (cdf > 1e-6 && sf > 1e-6 && sd_distribution_pdf (d, x) > 1e-3)
        {
          double back = sd_distribution_quantile (d, cdf);

          if (fabs (back - x) > 1e-10 * fmax (fabs (x), 1.0))
            {
              g_test_message ("quantile(cdf(%.17g)) of %s is %.17g", x, family, back);
              g_test_fail ();
            }
        }
    }
}

static void
check_discrete_identities (const SdDistribution *d,
                           const char           *family)
{
  double first = sd_distribution_quantile (d, 1e-12);
  double last = sd_distribution_quantile (d, 1 - 1e-15);
  double total = 0.0;

  for (double k = first; k <= last; k++)
    {
      double pmf = sd_distribution_pdf (d, k);
      double cdf = sd_distribution_cdf (d, k), below = sd_distribution_cdf (d, k - 1);

      total += pmf;
      g_assert_cmpfloat (cdf, >=, below);
      check_close ("cdf + sf", family, k, cdf + sd_distribution_sf (d, k), 1.0, 1e-14);
      g_assert_cmpfloat (sd_distribution_pdf (d, k + 0.5), ==, 0.0);
      g_assert_cmpfloat (sd_distribution_cdf (d, k + 0.5), ==, cdf);

      /* The difference of two cdf values has an absolute error of about
       * 1e-16, so it is only compared where the pmf is large. */
      if (pmf > 1e-4)
        check_close ("cdf step", family, k, cdf - below, pmf, 1e-11);

      if (cdf > below)
        check_close ("quantile(cdf(k))", family, k, sd_distribution_quantile (d, cdf), k, 0.0);
    }

  /* The mass left out below first and above last is at most 1e-12 + 1e-15. */
  g_assert_cmpfloat_with_epsilon (total, 1.0, 2e-12);
}

typedef struct
{
  const char *family;
  double      parameters[2];
  const char *message;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "normal", { 0, -1 }, "sd: must be a positive finite number, got -1" },
  { "normal", { 0, 0 }, "sd: must be a positive finite number, got 0" },
  { "normal", { 0, INFINITY }, "sd: must be a positive finite number, got inf" },
  { "normal", { NAN, 1 }, "mean: must be a finite number, got nan" },
  { "normal", { -INFINITY, 1 }, "mean: must be a finite number, got -inf" },
  { "student-t", { 0 }, "dof: must be a positive finite number, got 0" },
  { "chi-squared", { -2.5 }, "dof: must be a positive finite number, got -2.5" },
  { "f", { 0, 1 }, "dof1: must be a positive finite number, got 0" },
  { "f", { 1, -0.1 }, "dof2: must be a positive finite number, got -0.1" },
  { "beta", { -1, 1 }, "a: must be a positive finite number, got -1" },
  { "beta", { 1, NAN }, "b: must be a positive finite number, got nan" },
  { "gamma", { 0, 1 }, "shape: must be a positive finite number, got 0" },
  { "gamma", { 1, -3 }, "scale: must be a positive finite number, got -3" },
  { "exponential", { 0 }, "rate: must be a positive finite number, got 0" },
  { "uniform", { 1, 1 }, "min: must be less than max" },
  { "uniform", { 2, 1 }, "min: must be less than max" },
  { "uniform", { -INFINITY, 1 }, "min: must be a finite number, got -inf" },
  { "uniform", { 0, NAN }, "max: must be a finite number, got nan" },
  { "uniform", { -1e308, 1e308 }, "max: max - min must be a finite number" },
  { "laplace", { 0, -0.5 }, "scale: must be a positive finite number, got -0.5" },
  { "laplace", { INFINITY, 1 }, "mean: must be a finite number, got inf" },
  { "cauchy", { NAN, 1 }, "location: must be a finite number, got nan" },
  { "cauchy", { 0, 0 }, "scale: must be a positive finite number, got 0" },
  { "lognormal", { INFINITY, 1 }, "mu: must be a finite number, got inf" },
  { "lognormal", { 0, 0 }, "sigma: must be a positive finite number, got 0" },
  { "logistic", { 0, -1 }, "scale: must be a positive finite number, got -1" },
  { "weibull", { 0, 1 }, "shape: must be a positive finite number, got 0" },
  { "weibull", { 1, INFINITY }, "scale: must be a positive finite number, got inf" },
  { "binomial", { 2.5, 0.5 }, "n: must be a whole number >= 1, got 2.5" },
  { "binomial", { 0, 0.5 }, "n: must be a whole number >= 1, got 0" },
  { "binomial", { NAN, 0.5 }, "n: must be a whole number >= 1, got nan" },
  { "binomial", { 2e9, 0.5 }, "n: must be at most 1e+09, got 2e+09" },
  { "binomial", { 10, 1.5 }, "p: must be between 0 and 1, got 1.5" },
  { "binomial", { 10, -0.1 }, "p: must be between 0 and 1, got -0.1" },
  { "poisson", { 0 }, "mean: must be a positive finite number, got 0" },
  { "poisson", { 1e10 }, "mean: must be at most 1e+09, got 1e+10" },
  { "bernoulli", { 1.5 }, "p: must be between 0 and 1, got 1.5" },
  { "bernoulli", { NAN }, "p: must be between 0 and 1, got nan" },
  { "geometric", { 0 }, "p: must be greater than 0 and at most 1, got 0" },
  { "geometric", { 1.01 }, "p: must be greater than 0 and at most 1, got 1.01" },
  { "negative-binomial", { 0, 0.5 }, "n: must be a positive finite number, got 0" },
  { "negative-binomial", { 5, 0 }, "p: must be greater than 0 and at most 1, got 0" },
  { "negative-binomial", { 5, 1e-9 }, "p: must keep the mean n(1-p)/p at most 1e+09, got 1e-09" },
};

static void
test_families (void)
{
  static const char * const names[SD_N_FAMILIES] = {
    "normal", "student-t", "chi-squared", "f", "beta", "gamma", "exponential", "uniform",
    "laplace", "cauchy", "lognormal", "logistic", "weibull", "binomial", "poisson",
    "bernoulli", "geometric", "negative-binomial", "bivariate-normal",
  };
  static const char * const parameters[SD_N_FAMILIES] = {
    "mean sd", "dof", "dof", "dof1 dof2", "a b", "shape scale", "rate", "min max",
    "mean scale", "location scale", "mu sigma", "location scale", "shape scale", "n p",
    "mean", "p", "p", "n p", "mean covariance",
  };
  g_autoptr(GError) error = NULL;
  SdFamily family;

  for (SdFamily f = 0; f < SD_N_FAMILIES; f++)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) sd_family_get_parameter_names (f));

      g_assert_cmpstr (sd_family_get_name (f), ==, names[f]);
      g_assert_true (sd_family_from_name (names[f], &family, &error));
      g_assert_no_error (error);
      g_assert_cmpint (family, ==, f);
      g_assert_cmpstr (joined, ==, parameters[f]);
      g_assert_cmpuint (sd_family_get_n_parameters (f), ==,
                        g_strv_length ((char **) sd_family_get_parameter_names (f)));
      g_assert_cmpint (sd_family_is_discrete (f), ==,
                       f >= SD_FAMILY_BINOMIAL && f <= SD_FAMILY_NEGATIVE_BINOMIAL);
    }

  g_assert_false (sd_family_from_name ("foo", &family, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown distribution family 'foo'");
  g_clear_error (&error);

  /* Names are exact, as scene keys are. */
  g_assert_false (sd_family_from_name ("Normal", NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sd_family_from_name ("", NULL, NULL));
}

/* The defaults documented with SdFamily. */
static void
test_defaults (void)
{
  static const double defaults[SD_FAMILY_BIVARIATE_NORMAL][2] = {
    { 0, 1 }, { 5 }, { 3 }, { 5, 10 }, { 2, 5 }, { 2, 1 }, { 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 },
    { 0, 1 }, { 0, 1 }, { 1.5, 1 }, { 10, 0.5 }, { 3 }, { 0.5 }, { 0.5 }, { 5, 0.5 },
  };

  for (SdFamily f = 0; f < SD_FAMILY_BIVARIATE_NORMAL; f++)
    {
      g_autoptr(SdDistribution) d = sd_distribution_new_default (f);
      g_autoptr(SdDistribution) copy = sd_distribution_copy (d);

      g_assert_cmpint (sd_distribution_get_family (d), ==, f);
      g_assert_cmpint (sd_distribution_get_family (copy), ==, f);
      g_assert_cmpint (sd_distribution_is_discrete (d), ==, sd_family_is_discrete (f));
      for (guint i = 0; i < sd_family_get_n_parameters (f); i++)
        {
          g_assert_cmpfloat (sd_distribution_get_parameter (d, i), ==, defaults[f][i]);
          g_assert_cmpfloat (sd_distribution_get_parameter (copy, i), ==, defaults[f][i]);
        }
    }
}

static void
test_identities (void)
{
  for (guint i = 0; i < n_references; i++)
    {
      g_autoptr(SdDistribution) d = new_distribution (references[i].family,
                                                      references[i].parameters);

      if (sd_distribution_is_discrete (d))
        check_discrete_identities (d, references[i].family);
      else
        check_continuous_identities (d, references[i].family);
    }
}

static void
test_support (void)
{
  static const struct
  {
    const char *family;
    double      parameters[2];
    double      lower;
    double      upper;
  } cases[] = {
    { "normal", { 0, 1 }, -INFINITY, INFINITY },
    { "student-t", { 5 }, -INFINITY, INFINITY },
    { "chi-squared", { 3 }, 0, INFINITY },
    { "f", { 5, 10 }, 0, INFINITY },
    { "beta", { 2, 5 }, 0, 1 },
    { "gamma", { 2, 1 }, 0, INFINITY },
    { "exponential", { 1 }, 0, INFINITY },
    { "uniform", { -2, 3 }, -2, 3 },
    { "laplace", { 0, 1 }, -INFINITY, INFINITY },
    { "cauchy", { 0, 1 }, -INFINITY, INFINITY },
    { "lognormal", { 0, 1 }, 0, INFINITY },
    { "logistic", { 0, 1 }, -INFINITY, INFINITY },
    { "weibull", { 1.5, 1 }, 0, INFINITY },
    { "binomial", { 7, 0.5 }, 0, 7 },
    { "poisson", { 3 }, 0, INFINITY },
    { "bernoulli", { 0.5 }, 0, 1 },
    { "geometric", { 0.5 }, 1, INFINITY },
    { "negative-binomial", { 5, 0.5 }, 0, INFINITY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdDistribution) d = new_distribution (cases[i].family, cases[i].parameters);
      double lower, upper;

      sd_distribution_get_support (d, &lower, &upper);
      g_assert_cmpfloat (lower, ==, cases[i].lower);
      g_assert_cmpfloat (upper, ==, cases[i].upper);
      sd_distribution_get_support (d, NULL, NULL);
    }
}

/* The central 0.1%..99.9% range, widened to a finite end of the support
 * within a quarter of its width. Quantiles from
 * /usr/bin/python3 -c 'import scipy.stats as st; print([repr(d.ppf(p))
 *   for d in (st.norm(), st.expon(), st.gamma(100)) for p in (0.001, 0.999)])' */
static void
test_default_range (void)
{
  static const struct
  {
    const char *family;
    double      parameters[2];
    double      lower;
    double      upper;
  } cases[] = {
    { "normal", { 0, 1 }, -3.090232306167813, 3.090232306167813 },
    { "exponential", { 1 }, 0, 6.907755278982136 },
    { "gamma", { 100, 1 }, 71.9213974950004, 133.7702639113786 },
    { "beta", { 2, 5 }, 0, 1 },
    { "uniform", { -2, 3 }, -2, 3 },
    { "binomial", { 10, 0.5 }, 0, 10 },
    { "bernoulli", { 0 }, 0, 1 },
    { "bernoulli", { 1 }, 0, 1 },
    { "geometric", { 1 }, 1, 2 },
    { "binomial", { 10, 1 }, 9, 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdDistribution) d = new_distribution (cases[i].family, cases[i].parameters);
      double lower, upper;

      sd_distribution_get_default_range (d, &lower, &upper);
      check_close ("range lower", cases[i].family, 0, lower, cases[i].lower, 1e-13);
      check_close ("range upper", cases[i].family, 1, upper, cases[i].upper, 1e-13);
    }

  /* Every family gets a finite, non-empty range. */
  for (SdFamily f = 0; f < SD_FAMILY_BIVARIATE_NORMAL; f++)
    {
      g_autoptr(SdDistribution) d = sd_distribution_new_default (f);
      double lower, upper;

      sd_distribution_get_default_range (d, &lower, &upper);
      g_assert_true (isfinite (lower) && isfinite (upper));
      g_assert_cmpfloat (lower, <, upper);
    }
}

static void
test_invalid_parameters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SdDistribution) d = NULL;
      SdFamily family;

      g_assert_true (sd_family_from_name (c->family, &family, NULL));
      d = sd_distribution_new (family, c->parameters, sd_family_get_n_parameters (family), &error);
      g_assert_null (d);
      g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, c->message);

      /* Without a GError the failure is still a NULL, and not a crash. */
      g_assert_null (sd_distribution_new (family, c->parameters,
                                          sd_family_get_n_parameters (family), NULL));
    }

  /* The limits themselves are valid. */
  {
    g_autoptr(SdDistribution) b = new_distribution ("binomial", (double[]) { 1e9, 0 });
    g_autoptr(SdDistribution) p = new_distribution ("poisson", (double[]) { 1e9 });
    g_autoptr(SdDistribution) nb = new_distribution ("negative-binomial",
                                                     (double[]) { 1, 1.01e-9 });
    g_autoptr(SdDistribution) g = new_distribution ("geometric", (double[]) { 1e-300 });
    double lower, upper;

    /* Counts beyond 2^53, where not every whole number is a double: the
     * median is log(2)/p to double precision, and nothing hangs. */
    g_assert_cmpfloat (fabs (sd_distribution_quantile (g, 0.5) / (M_LN2 / 1e-300) - 1), <=,
                       1e-15);
    sd_distribution_get_default_range (g, &lower, &upper);
    g_assert_cmpfloat (lower, <, upper);
    g_assert_cmpfloat (sd_distribution_quantile (nb, 0.5), >, 1e8);
    g_assert_cmpfloat (sd_distribution_quantile (p, 0.5), ==, 1e9);
    g_assert_cmpfloat (sd_distribution_quantile (b, 0.5), ==, 0);
  }
}

static void
test_from_names (void)
{
  const char *names[] = { "sd", "mean" };
  const double values[] = { 2, -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDistribution) normal = NULL;
  g_autoptr(SdDistribution) defaults = NULL;
  g_autoptr(SdDistribution) partial = NULL;
  SdDistribution *d;

  /* Any order; missing names take the defaults. */
  normal = sd_distribution_new_from_names (SD_FAMILY_NORMAL, names, values, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_distribution_get_parameter (normal, 0), ==, -1);
  g_assert_cmpfloat (sd_distribution_get_parameter (normal, 1), ==, 2);

  defaults = sd_distribution_new_from_names (SD_FAMILY_WEIBULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_distribution_get_parameter (defaults, 0), ==, 1.5);
  g_assert_cmpfloat (sd_distribution_get_parameter (defaults, 1), ==, 1);

  partial = sd_distribution_new_from_names (SD_FAMILY_BINOMIAL, (const char *[]) { "p" },
                                            (double[]) { 0.25 }, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_distribution_get_parameter (partial, 0), ==, 10);
  g_assert_cmpfloat (sd_distribution_get_parameter (partial, 1), ==, 0.25);

  d = sd_distribution_new_from_names (SD_FAMILY_NORMAL, (const char *[]) { "sigma" },
                                      (double[]) { 1 }, 1, &error);
  g_assert_null (d);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "unknown parameter 'sigma' for normal; valid parameters: mean, sd");
  g_clear_error (&error);

  d = sd_distribution_new_from_names (SD_FAMILY_NEGATIVE_BINOMIAL,
                                      (const char *[]) { "r" }, (double[]) { 1 }, 1, &error);
  g_assert_null (d);
  g_assert_cmpstr (error->message, ==,
                   "unknown parameter 'r' for negative-binomial; valid parameters: n, p");
  g_clear_error (&error);

  d = sd_distribution_new_from_names (SD_FAMILY_POISSON, (const char *[]) { "mean", "mean" },
                                      (double[]) { 1, 2 }, 2, &error);
  g_assert_null (d);
  g_assert_cmpstr (error->message, ==, "mean: given more than once");
  g_clear_error (&error);

  /* A defaulted parameter can still make a given one invalid. */
  d = sd_distribution_new_from_names (SD_FAMILY_UNIFORM, (const char *[]) { "min" },
                                      (double[]) { 4 }, 1, &error);
  g_assert_null (d);
  g_assert_cmpstr (error->message, ==, "min: must be less than max");
  g_clear_error (&error);

  d = sd_distribution_new_from_names (SD_FAMILY_GAMMA, (const char *[]) { "scale" },
                                      (double[]) { -1 }, 1, &error);
  g_assert_null (d);
  g_assert_cmpstr (error->message, ==, "scale: must be a positive finite number, got -1");
}

static void
test_programmer_errors (void)
{
  g_autoptr(SdDistribution) normal = sd_distribution_new_default (SD_FAMILY_NORMAL);

  g_test_expect_message ("Saddle-Core", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (sd_distribution_new (SD_FAMILY_BIVARIATE_NORMAL, (double[]) { 0, 1 }, 2,
                                      NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Core", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (sd_distribution_new (SD_FAMILY_NORMAL, (double[]) { 0 }, 1, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Core", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (sd_family_get_name (SD_N_FAMILIES));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Core", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_true (isnan (sd_distribution_get_parameter (normal, 2)));
  g_test_assert_expected_messages ();
}

/* P(a <= X <= b) against closed forms: erf for the normal, erfc in its
 * far upper tail (where F(b) - F(a) would be 1 - 1 = 0 in doubles), and
 * binomial coefficients over 2^10 for Binomial(10, 1/2), whose interval
 * takes in the mass at whole numbers from ceil a to floor b. */
static void
test_probability (void)
{
  g_autoptr(SdDistribution) normal = sd_distribution_new_default (SD_FAMILY_NORMAL);
  g_autoptr(SdDistribution) binomial = sd_distribution_new_default (SD_FAMILY_BINOMIAL);
  double tail = 0.5 * (erfc (9.0 / G_SQRT2) - erfc (10.0 / G_SQRT2));

  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (normal, -1.0, 1.0),
                                  erf (1.0 / G_SQRT2), 1e-15);
  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (normal, -1.0, 1.0),
                                  sd_distribution_cdf (normal, 1.0)
                                  - sd_distribution_cdf (normal, -1.0), 1e-15);
  g_assert_cmpfloat (sd_distribution_cdf (normal, 10.0) - sd_distribution_cdf (normal, 9.0),
                     ==, 0.0);
  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (normal, 9.0, 10.0) / tail,
                                  1.0, 1e-12);
  g_assert_cmpfloat (sd_distribution_probability (normal, 0.5, 0.5), ==, 0.0);
  g_assert_cmpfloat (sd_distribution_probability (normal, -INFINITY, INFINITY), ==, 1.0);

  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (binomial, 3.0, 5.0),
                                  (120.0 + 210.0 + 252.0) / 1024.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (binomial, 2.5, 5.5),
                                  (120.0 + 210.0 + 252.0) / 1024.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (binomial, 4.0, 4.0),
                                  210.0 / 1024.0, 1e-15);
  g_assert_cmpfloat (sd_distribution_probability (binomial, 3.2, 3.8), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (sd_distribution_probability (binomial, 8.0, 20.0),
                                  (45.0 + 10.0 + 1.0) / 1024.0, 1e-15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/distribution/families", test_families);
  g_test_add_func ("/core/distribution/defaults", test_defaults);
  g_test_add_func ("/core/distribution/identities", test_identities);
  g_test_add_func ("/core/distribution/support", test_support);
  g_test_add_func ("/core/distribution/default-range", test_default_range);
  g_test_add_func ("/core/distribution/invalid", test_invalid_parameters);
  g_test_add_func ("/core/distribution/from-names", test_from_names);
  g_test_add_func ("/core/distribution/programmer-errors", test_programmer_errors);
  g_test_add_func ("/core/distribution/probability", test_probability);

  return g_test_run ();
}
