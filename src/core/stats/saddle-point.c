/* saddle-point.c: accurate binomial and Poisson probabilities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_sf_gamma.h>

#include "distribution-private.h"

/* The obvious formula for a binomial or Poisson probability, an exponential
 * of log-gammas and logs, subtracts numbers of the size of n log n: for
 * n = 1000 that already leaves only 12 correct digits, and GSL's pmfs do
 * exactly that. Catherine Loader's saddle-point expansion ("Fast and accurate
 * computation of binomial probabilities", 2000; the method of R's dbinom and
 * dpois) writes the log-probability as a sum of small terms that are each
 * computed to full precision. Densities of the gamma, beta, F and Student
 * families reduce to the same two kernels. */

/* sd_stirling_error: log(n!) - log(sqrt(2 pi n) (n/e)^n), for n >= 0. */
double
sd_stirling_error (double n)
{
  /* The error at the halves up to 15, where the series below does not yet
   * converge. /usr/bin/python3 -c 'import mpmath as mp; mp.mp.dps = 40;
   * print([mp.loggamma(n+1) - (n+0.5)*mp.log(n) + n - mp.log(2*mp.pi)/2
   *        for n in [mp.mpf(i)/2 for i in range(1, 31)]])'. */
  static const double halves[31] = {
    0.0, /* unused: n = 0 has no error but a removable singularity */
    0.153426409720027345291, 0.0810614667953272582197, 0.0548141210519176538961,
    0.0413406959554092940938, 0.0331628735199362874851, 0.0276779256849983391488,
    0.0237461636562974959713, 0.0207906721037650931115, 0.0184884505326731852308,
    0.0166446911898211921632, 0.0151349732219173788735, 0.0138761288230707479987,
    0.0128104652429202269243, 0.0118967099458917700951, 0.0111045597582069173266,
    0.0104112652619720964975, 0.00979941612615880329839, 0.00925546218271273291773,
    0.00876870013413938546296, 0.00833056343336287125647, 0.00793411456431402054725,
    0.00757367548795184079497, 0.00724455430132038317955, 0.00694284010720952986566,
    0.00666524703270768244236, 0.00640899418800420706844, 0.00617171226303945764753,
    0.00595137011275884773562, 0.00574621651301011568203, 0.00555473355196280137104,
  };
  /* Coefficients of the asymptotic series: 1/12, 1/360, 1/1260, 1/1680, 1/1188. */
  const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
  double nn;

  if (n <= 15.0)
    {
      nn = n + n;
      if (nn == floor (nn))
        return halves[(int) nn];
      /* The terms are at most about 40 and the result about 0.01, so this
       * loses about three digits, which is harmless: the error is added to
       * a log-probability, where only its absolute size (1e-14) matters. */
      return gsl_sf_lngamma (n + 1.0) - (n + 0.5) * log (n) + n - 0.5 * log (2 * M_PI);
    }

  nn = n * n;
  if (n > 500)
    return (s0 - s1 / nn) / n;
  if (n > 80)
    return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35)
    return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/* sd_deviance_term: x log(x / np) + np - x, without the cancellation of the
 * direct formula when x is close to np; x > 0, np > 0. */
double
sd_deviance_term (double x,
                  double np)
{
  if (fabs (x - np) < 0.1 * (x + np))
    {
      double v = (x - np) / (x + np);
      double s = (x - np) * v;
      double term = 2 * x * v;

      /* The series of 2 x (v^3/3 + v^5/5 + ...) with v^2 < 1/100 converges
       * to full precision in a few terms. */
      v *= v;
      for (int j = 1; j < 1000; j++)
        {
          double previous = s;

          term *= v;
          s += term / (2 * j + 1);
          if (s == previous)
            return s;
        }
    }

  return x * log (x / np) + np - x;
}

/* sd_log_binomial_density: log of C(n, x) p^x q^(n-x) for real 0 <= x <= n,
 * with q = 1 - p given separately so that callers keep its precision. */
double
sd_log_binomial_density (double x,
                         double n,
                         double p,
                         double q)
{
  double lc;

  if (p == 0.0)
    return x == 0.0 ? 0.0 : -INFINITY;
  if (q == 0.0)
    return x == n ? 0.0 : -INFINITY;

  if (x == 0.0)
    {
      if (n == 0.0)
        return 0.0;
      return p < 0.1 ? -sd_deviance_term (n, n * q) - n * p : n * log (q);
    }
  if (x == n)
    return q < 0.1 ? -sd_deviance_term (n, n * p) - n * q : n * log (p);
  if (x < 0.0 || x > n)
    return -INFINITY;

  lc = sd_stirling_error (n) - sd_stirling_error (x) - sd_stirling_error (n - x)
       - sd_deviance_term (x, n * p) - sd_deviance_term (n - x, n * q);

  /* log(2 pi x (n - x) / n), with (n - x)/n taken in the form that keeps
   * its precision: log1p(-x/n) for x << n, the exact difference n - x
   * (Sterbenz) when x is close to n */
  return lc - 0.5 * (log (2 * M_PI) + log (x)
                     + (x <= 0.5 * n ? log1p (-x / n) : log ((n - x) / n)));
}

/* sd_log_poisson_density: log of lambda^x e^-lambda / x! for real x >= 0. */
double
sd_log_poisson_density (double x,
                        double lambda)
{
  if (lambda == 0.0)
    return x == 0.0 ? 0.0 : -INFINITY;
  if (x < 0.0)
    return -INFINITY;
  if (x <= lambda * G_MINDOUBLE)
    return -lambda;
  if (lambda < x * G_MINDOUBLE)
    return -lambda + x * log (lambda) - gsl_sf_lngamma (x + 1.0);

  return -sd_stirling_error (x) - sd_deviance_term (x, lambda) - 0.5 * log (2 * M_PI * x);
}
