/* incomplete-gamma.c: the regularized incomplete gamma functions, to full precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "distribution-private.h"

/* The tails of the gamma, chi-squared and Poisson families are P(a, x) and
 * Q(a, x). GSL's gsl_sf_gamma_inc_P and _Q lose digits where a is a little
 * larger than x and both are large (4.5e-12 at a = 1030, x = 1000, which a
 * Poisson with mean 1000 reaches at its 82nd percentile). Here the common
 * factor e^-x x^a / Gamma(a + 1) is a Poisson probability with a real count
 * from the saddle-point kernel, accurate for any size, and the rest is the
 * series (below the mean, x < a + 1) or the continued fraction (above),
 * whose terms do not cancel. */

#define TINY 1e-300

static double
lentz_guard (double v)
{
  return fabs (v) < TINY ? TINY : v;
}

/* P(a, x) = e^-x x^a / Gamma(a + 1) * sum_n x^n / ((a+1)...(a+n)), a sum of
 * positive terms, for x < a + 1 where they decrease. */
static double
lower_series (double a,
              double x)
{
  double term = 1.0, sum = 1.0;

  /* Convergence takes a few sqrt(a) terms near x = a. */
  for (int n = 1; n <= 10000000; n++)
    {
      term *= x / (a + n);
      sum += term;
      if (term <= DBL_EPSILON / 2 * sum)
        break;
    }

  return exp (sd_log_poisson_density (a, x)) * sum;
}

/* Q(a, x) = e^-x x^a / Gamma(a) * 1/(x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(x+5-a - ...)))
 * (Abramowitz and Stegun 6.5.31), by Lentz's method, for x >= a + 1. */
static double
upper_fraction (double a,
                double x)
{
  double b = x + 1.0 - a;
  double c = 1.0 / TINY;
  double d = 1.0 / b;
  double h = d;

  for (int i = 1; i <= 10000000; i++)
    {
      double an = -i * (i - a);
      double delta;

      b += 2.0;
      d = 1.0 / lentz_guard (an * d + b);
      c = lentz_guard (b + an / c);
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1.0) <= DBL_EPSILON)
        break;
    }

  /* e^-x x^a / Gamma(a) = a * e^-x x^a / Gamma(a + 1) */
  return a * exp (sd_log_poisson_density (a, x)) * h;
}

/* sd_incomplete_gamma: P(a, x), or Q(a, x) = 1 - P(a, x) if upper, for a > 0,
 * x >= 0; to a few 1e-15 relative to the smaller of the two (the larger is
 * 1 minus it), 2e-14 for shapes below 0.1. */
double
sd_incomplete_gamma (double   a,
                     double   x,
                     gboolean upper)
{
  double tail;

  if (x <= 0.0)
    return upper ? 1.0 : 0.0;
  if (isinf (x))
    return upper ? 0.0 : 1.0;

  /* Below the mean the series, above it the fraction; for a < 1 the
   * fraction already from x = 1/2, so that Q, small there, is not taken as
   * 1 - P. */
  if (x < a + 1.0 && (a >= 1.0 || x < 0.5))
    {
      tail = lower_series (a, x);
      return upper ? 1.0 - tail : tail;
    }

  tail = upper_fraction (a, x);
  return upper ? tail : 1.0 - tail;
}
