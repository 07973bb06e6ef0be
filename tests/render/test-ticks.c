/* test-ticks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "ticks.h"

#define MINUS "\xe2\x88\x92"
#define TIMES "\xc3\x97"

/* Whether @step is 1, 2 or 5 × 10^k. */
static gboolean
is_nice_step (double step)
{
  double e = floor (log10 (step));
  double mantissa = step / pow (10.0, e);

  for (int m = 1; m <= 10; m++)
    {
      if ((m == 1 || m == 2 || m == 5 || m == 10) && fabs (mantissa - m) < 1e-9 * m)
        return TRUE;
    }
  return FALSE;
}

/* The properties every linear tick set has: inside the range, ascending,
 * at most max_ticks, evenly spaced by a nice step, at multiples of it,
 * and each tick exactly the double its label denotes. */
static guint
check_linear (double  min,
              double  max,
              guint   max_ticks,
              double *ticks)
{
  double step = -1.0;
  double lo = MIN (min, max), hi = MAX (min, max);
  guint n = sd_ticks_linear (min, max, max_ticks, ticks, &step);

  g_assert_cmpuint (n, <=, max_ticks);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (ticks[i], >=, lo);
      g_assert_cmpfloat (ticks[i], <=, hi);
      g_assert_false (signbit (ticks[i]) && ticks[i] == 0.0);
      if (i > 0)
        g_assert_cmpfloat (ticks[i], >, ticks[i - 1]);
    }

  if (n >= 2)
    {
      g_assert_true (is_nice_step (step));
      for (guint i = 0; i < n; i++)
        {
          double k = ticks[i] / step;
          g_autofree char *label = sd_tick_label (ticks[i], step);
          g_autoptr(GString) plain = g_string_new (label);

          g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6 + 1e-12 * fabs (k));
          if (i > 0)
            g_assert_cmpfloat_with_epsilon (ticks[i] - ticks[i - 1], step,
                                            1e-9 * step + 4 * DBL_EPSILON * fabs (ticks[i]) +
                                            DBL_TRUE_MIN);

          /* The tick is the double nearest to its decimal label. */
          if (strstr (label, "<sup>") == NULL)
            {
              g_string_replace (plain, MINUS, "-", 0);
              g_assert_cmpfloat (g_ascii_strtod (plain->str, NULL), ==, ticks[i]);
            }
        }
    }
  else
    {
      g_assert_cmpfloat (step, ==, 0.0);
    }

  return n;
}

typedef struct
{
  double min;
  double max;
  guint  max_ticks;
  guint  n;
  double ticks[12];
} LinearReference;

/* matplotlib 3.6.3's MaxNLocator with nbins = max_ticks − 1 and
 * steps [1, 2, 5, 10], its ticks kept inside the range:
 *
 * /usr/bin/python3 -c '
 * from matplotlib.ticker import MaxNLocator
 * cases = [(0,1,6),(-2,2,9),(0.1,0.7,6),(-1e6,3e6,6),
 *          (0.30000000000000004,1.1,6),(-6,6,7),(0,0.85,8),(-1,3,11),
 *          (1,1+1e-6,6),(-0.37,12.3,8),(17,23,5),(-3.5e-7,-1.2e-7,5),
 *          (0,1,2),(123456,123789,6),(2.5,97.5,11)]
 * for lo, hi, n in cases:
 *     t = MaxNLocator(nbins=n-1, steps=[1,2,5,10]).tick_values(lo, hi)
 *     t = [float(x) for x in t if lo <= x <= hi]
 *     print("{ %r, %r, %d, %d, { %s } }," % (lo, hi, n, len(t),
 *           ", ".join(repr(x) for x in t)))
 * '
 *
 * matplotlib adds steps up (0.6000000000000001, 1.5000000000000002e-09);
 * Saddle computes each tick as k·m / 10^e, so its ticks are compared within
 * a billionth of the step, and check_linear() proves them exact.
 */
static const LinearReference linear_references[] = {
  { 0, 1, 6, 6, { 0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0 } },
  { -2, 2, 9, 9, { -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0 } },
  { 0.1, 0.7, 6, 3, { 0.2, 0.4, 0.6000000000000001 } },
  { -1000000.0, 3000000.0, 6, 5, { -1000000.0, 0.0, 1000000.0, 2000000.0, 3000000.0 } },
  { 0.30000000000000004, 1.1, 6, 4, { 0.4, 0.6000000000000001, 0.8, 1.0 } },
  { -6, 6, 7, 7, { -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0 } },
  { 0, 0.85, 8, 5, { 0.0, 0.2, 0.4, 0.6000000000000001, 0.8 } },
  { -1, 3, 11, 9, { -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0 } },
  { 1, 1.000001, 6, 6, { 1.0, 1.0000002, 1.0000004, 1.0000006, 1.0000008, 1.000001 } },
  { -0.37, 12.3, 8, 7, { 0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0 } },
  { 17, 23, 5, 3, { 18.0, 20.0, 22.0 } },
  { -3.5e-07, -1.2e-07, 5, 2, { -3e-07, -2e-07 } },
  { 0, 1, 2, 2, { 0.0, 1.0 } },
  { 123456, 123789, 6, 3, { 123500.0, 123600.0, 123700.0 } },
  { 2.5, 97.5, 11, 9, { 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0 } },
};

static void
test_linear_matplotlib (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (linear_references); c++)
    {
      const LinearReference *ref = &linear_references[c];
      double ticks[16];
      double step;
      guint n;

      n = check_linear (ref->min, ref->max, ref->max_ticks, ticks);
      g_assert_cmpuint (n, ==, ref->n);
      sd_ticks_linear (ref->min, ref->max, ref->max_ticks, ticks, &step);
      for (guint i = 0; i < n; i++)
        g_assert_cmpfloat_with_epsilon (ticks[i], ref->ticks[i], 1e-9 * step);
    }
}

/* Where matplotlib gives more ticks than nbins + 1 (it takes a smaller
 * step when fewer than two ticks fall inside), Saddle keeps the limit:
 * MaxNLocator(nbins=1).tick_values(0.1, 0.7) gives 0.2, 0.4, 0.6. */
static void
test_linear_limit_kept (void)
{
  double ticks[2];
  double step;

  g_assert_cmpuint (sd_ticks_linear (0.1, 0.7, 2, ticks, &step), ==, 1);
  g_assert_cmpfloat (ticks[0], ==, 0.5);
  g_assert_cmpfloat (step, ==, 0.0);
}

static void
test_linear_exact (void)
{
  double ticks[16];
  double step;
  guint n;

  /* Tick 3 of step 0.1 is the double 0.3, never 3 × 0.1. */
  n = sd_ticks_linear (0.0, 1.0, 11, ticks, &step);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpfloat (step, ==, 0.1);
  g_assert_cmpfloat (ticks[3], ==, 0.3);
  g_assert_cmpfloat (ticks[7], ==, 0.7);

  /* An end of the range that is a tick is included, though
   * 0.3 / 0.1 = 2.9999999999999996. */
  n = sd_ticks_linear (0.3, 0.7, 5, ticks, &step);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat (ticks[0], ==, 0.3);
  g_assert_cmpfloat (ticks[4], ==, 0.7);

  /* MaxNLocator(nbins=5).tick_values(1e-9, 3e-9) ends with
   * 2.5e-09 and 3.0000000000000004e-09, which its added-up steps put
   * beyond 3e-9; Saddle's exact ticks keep 3e-9 inside. */
  n = sd_ticks_linear (1e-9, 3e-9, 6, ticks, &step);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat (step, ==, 5e-10);
  g_assert_cmpfloat (ticks[1], ==, 1.5e-9);
  g_assert_cmpfloat (ticks[4], ==, 3e-9);

  /* 0.30000000000000004 is above 0.3, so 0.3 is not inside. */
  n = sd_ticks_linear (0.30000000000000004, 0.7, 5, ticks, &step);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (ticks[0], ==, 0.4);
}

static void
test_linear_properties (void)
{
  static const double ranges[][2] = {
    { 0, 1 }, { -2, 2 }, { 0.1, 0.7 }, { 1e-9, 3e-9 }, { -1e6, 3e6 },
    { 0.30000000000000004, 1.1 }, { 1, 1 + 1e-12 }, { 1e-300, 2e-300 },
    { -1e308, 1e308 }, { 5e-324, 1e-322 }, { 42, 42.0000001 }, { -7, -6.99 },
    { 1e15, 1e15 + 10 }, { 3, 2 }, { -0.5, 1e-17 }, { 6.02e23, 6.03e23 },
  };
  double ticks[32];

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      for (guint max_ticks = 1; max_ticks <= 12; max_ticks++)
        {
          guint n = check_linear (ranges[r][0], ranges[r][1], max_ticks, ticks);

          g_assert_cmpuint (n, >=, 1);
        }
    }
}

static void
test_linear_degenerate (void)
{
  double ticks[8];
  double step = -1.0;

  /* A single value is its own tick. */
  g_assert_cmpuint (sd_ticks_linear (2.5, 2.5, 6, ticks, &step), ==, 1);
  g_assert_cmpfloat (ticks[0], ==, 2.5);
  g_assert_cmpfloat (step, ==, 0.0);

  /* -0 is given as 0. */
  g_assert_cmpuint (sd_ticks_linear (-0.0, -0.0, 6, ticks, &step), ==, 1);
  g_assert_false (signbit (ticks[0]));

  /* Inverted ranges give ascending ticks. */
  g_assert_cmpuint (sd_ticks_linear (2, -2, 5, ticks, &step), ==, 5);
  g_assert_cmpfloat (ticks[0], ==, -2.0);
  g_assert_cmpfloat (ticks[4], ==, 2.0);
  g_assert_cmpfloat (step, ==, 1.0);

  /* Two adjacent doubles: no exact decimal step exists, so the middle. */
  g_assert_cmpuint (sd_ticks_linear (1.0, nextafter (1.0, 2.0), 6, ticks, &step), ==, 1);
  g_assert_cmpfloat (ticks[0], >=, 1.0);
  g_assert_cmpfloat (ticks[0], <=, nextafter (1.0, 2.0));
  g_assert_cmpfloat (step, ==, 0.0);

  /* Nothing to tick. */
  g_assert_cmpuint (sd_ticks_linear (NAN, 1, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_linear (0, NAN, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_linear (0, INFINITY, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_linear (-INFINITY, 0, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_linear (0, 1, 0, NULL, &step), ==, 0);
  g_assert_cmpfloat (step, ==, 0.0);

  /* The step is optional. */
  g_assert_cmpuint (sd_ticks_linear (0, 1, 3, ticks, NULL), ==, 3);
}

typedef struct
{
  double      value;
  double      step;
  const char *label;
} LabelCase;

static void
test_label_linear (void)
{
  static const LabelCase cases[] = {
    { 0.3, 0.1, "0.3" },
    { 0.1 * 3, 0.1, "0.3" },
    { 0.30000000000000004, 0.1, "0.3" },
    { 0.6000000000000001, 0.2, "0.6" },
    { -0.0, 0.5, "0" },
    { 0.0, 0.5, "0" },
    { -1e-17, 0.5, "0" },
    { 1.0, 0.5, "1.0" },
    { -1.5, 0.5, MINUS "1.5" },
    { 2.0, 1.0, "2" },
    { -6.0, 2.0, MINUS "6" },
    { 0.25, 0.25, "0.25" },
    { 0.5, 0.25, "0.50" },
    { 0.05, 0.05, "0.05" },
    { 0.0001, 0.0001, "0.0001" },
    { 123500, 100, "123500" },
    { 300000, 50000, "300000" },
    { 1.0000002, 2e-7, "1.0000002" },
    { 1e-5, 1e-5, "1" TIMES "10<sup>" MINUS "5</sup>" },
    { 1.5e-9, 5e-10, "1.5" TIMES "10<sup>" MINUS "9</sup>" },
    { 1.5000000000000002e-09, 5e-10, "1.5" TIMES "10<sup>" MINUS "9</sup>" },
    { 2e-9, 5e-10, "2" TIMES "10<sup>" MINUS "9</sup>" },
    { 0.0, 5e-10, "0" },
    { -3e-7, 1e-7, MINUS "3" TIMES "10<sup>" MINUS "7</sup>" },
    { 2e6, 1e6, "2" TIMES "10<sup>6</sup>" },
    { -1e6, 1e6, MINUS "1" TIMES "10<sup>6</sup>" },
    { 2.5e7, 5e6, "2.5" TIMES "10<sup>7</sup>" },
    /* A lone tick: six significant digits. */
    { G_PI, 0.0, "3.14159" },
    { -2.5e-7, 0.0, MINUS "2.5" TIMES "10<sup>" MINUS "7</sup>" },
    { 1e20, 0.0, "1" TIMES "10<sup>20</sup>" },
    { -0.0, 0.0, "0" },
    /* Not a number is said in words (in the C locale of the tests). */
    { NAN, 0.1, "undefined" },
    { INFINITY, 0.1, "\xe2\x88\x9e" },
    { -INFINITY, 0.1, MINUS "\xe2\x88\x9e" },
    { 1.0, NAN, "1" },
    { 1.0, -0.5, "1" },
    /* A value too far from the step to print exactly. */
    { 1e300, 0.1, "1" TIMES "10<sup>300</sup>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = sd_tick_label (cases[i].value, cases[i].step);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_label_no_hyphen (void)
{
  double ticks[16];
  double step;
  guint n = sd_ticks_linear (-7.3, -0.2, 12, ticks, &step);

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = sd_tick_label (ticks[i], step);

      g_assert_null (strchr (label, '-'));
      g_assert_true (g_str_has_prefix (label, MINUS));
      g_assert_true (g_utf8_validate (label, -1, NULL));
    }
}

static void
test_label_log (void)
{
  static const struct {
    double      value;
    const char *label;
  } cases[] = {
    { 1e-3, "10<sup>" MINUS "3</sup>" },
    { 1.0, "10<sup>0</sup>" },
    { 10.0, "10<sup>1</sup>" },
    { 1e300, "10<sup>300</sup>" },
    { 2e-5, "2" TIMES "10<sup>" MINUS "5</sup>" },
    { 50.0, "5" TIMES "10<sup>1</sup>" },
    { 0.0, "0" },
    { -1.0, MINUS "1" },
    { 1.25, "1.25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = sd_tick_label_log (cases[i].value);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
check_decades (const double *ticks,
               guint         n,
               double        min,
               double        max)
{
  int stride = 0;

  for (guint i = 0; i < n; i++)
    {
      int e = (int) lround (log10 (ticks[i]));
      char decade[16];

      g_snprintf (decade, sizeof decade, "1e%d", e);
      g_assert_cmpfloat (ticks[i], ==, g_ascii_strtod (decade, NULL));
      g_assert_cmpfloat (ticks[i], >=, min);
      g_assert_cmpfloat (ticks[i], <=, max);
      if (i == 1)
        stride = e - (int) lround (log10 (ticks[0]));
      if (i > 1)
        g_assert_cmpint (e - (int) lround (log10 (ticks[i - 1])), ==, stride);
      if (stride > 0)
        g_assert_cmpint (e % stride, ==, 0);
    }
}

/* matplotlib 3.6.3, where its LogLocator puts a tick on every decade:
 *
 * /usr/bin/python3 -c '
 * from matplotlib.ticker import LogLocator
 * for lo, hi, n in [(1e-3, 1e4, 11), (1e-2, 2600, 11)]:
 *     t = LogLocator(base=10, numticks=n).tick_values(lo, hi)
 *     print([float(x) for x in t if lo <= x <= hi])
 * '
 *
 * gives [0.001, 0.01, 0.09999999999999999, 1.0, …, 10000.0] and
 * [0.01, 0.09999999999999999, 1.0, 10.0, 100.0, 1000.0]; Saddle's 0.1 is
 * the double nearest to 10^-1. With fewer ticks allowed, matplotlib strides
 * from the lowest decade (1e-30, 1e+30, 8 gives 1e-22, 1e-14, …), while
 * Saddle strides through multiples of the stride so 10^0 stays labelled.
 */
static void
test_log (void)
{
  double ticks[SD_TICKS_MAX];
  double step = -1.0;
  guint n;

  n = sd_ticks_log (1e-3, 1e4, 11, ticks, &step);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpfloat (step, ==, 0.0);
  g_assert_cmpfloat (ticks[0], ==, 0.001);
  g_assert_cmpfloat (ticks[2], ==, 0.1);
  g_assert_cmpfloat (ticks[7], ==, 10000.0);
  check_decades (ticks, n, 1e-3, 1e4);

  n = sd_ticks_log (1e-2, 2600, 11, ticks, &step);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpfloat (ticks[0], ==, 0.01);
  g_assert_cmpfloat (ticks[5], ==, 1000.0);
  check_decades (ticks, n, 1e-2, 2600);

  /* Sixty decades in at most eight ticks: every ten, through 10^0. */
  n = sd_ticks_log (1e-30, 1e30, 8, ticks, &step);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat (ticks[3], ==, 1.0);
  check_decades (ticks, n, 1e-30, 1e30);

  /* Inverted, and the whole range of doubles. */
  n = sd_ticks_log (1e4, 1e-3, 11, ticks, &step);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpfloat (ticks[0], ==, 0.001);
  n = sd_ticks_log (5e-324, 1.7e308, 10, ticks, &step);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, <=, 10);
  check_decades (ticks, n, 5e-324, 1.7e308);

  /* Less than two decades: 1, 2, 5 × 10^k. */
  n = sd_ticks_log (2, 30, 8, ticks, &step);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (ticks[0], ==, 2.0);
  g_assert_cmpfloat (ticks[1], ==, 5.0);
  g_assert_cmpfloat (ticks[2], ==, 10.0);
  g_assert_cmpfloat (ticks[3], ==, 20.0);
  g_assert_cmpfloat (step, ==, 0.0);

  /* Too narrow even for that: linear ticks, with their step. */
  n = sd_ticks_log (1.1, 1.9, 6, ticks, &step);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpfloat (step, ==, 0.2);
  g_assert_cmpfloat (ticks[0], ==, 1.2);

  /* A single value. */
  g_assert_cmpuint (sd_ticks_log (3, 3, 6, ticks, &step), ==, 1);
  g_assert_cmpfloat (ticks[0], ==, 3.0);

  /* Values a log scale cannot show. */
  g_assert_cmpuint (sd_ticks_log (0, 10, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_log (-1, 10, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_log (1, NAN, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_log (1, INFINITY, 6, ticks, &step), ==, 0);
  g_assert_cmpuint (sd_ticks_log (1, 10, 0, NULL, &step), ==, 0);
}

static void
test_log_minor (void)
{
  double major[SD_TICKS_MAX];
  double minor[SD_TICKS_MAX_MINOR];
  guint n, n_minor;

  /* One decade apart: 2..9 × 10^k. */
  n = sd_ticks_log (1, 100, 11, major, NULL);
  g_assert_cmpuint (n, ==, 3);
  n_minor = sd_ticks_log_minor (1, 100, major, n, minor, G_N_ELEMENTS (minor));
  g_assert_cmpuint (n_minor, ==, 16);
  g_assert_cmpfloat (minor[0], ==, 2.0);
  g_assert_cmpfloat (minor[7], ==, 9.0);
  g_assert_cmpfloat (minor[8], ==, 20.0);
  g_assert_cmpfloat (minor[15], ==, 90.0);

  /* Partial decades at the ends. */
  n = sd_ticks_log (0.35, 25, 11, major, NULL);
  n_minor = sd_ticks_log_minor (0.35, 25, major, n, minor, G_N_ELEMENTS (minor));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (n_minor, ==, 6 + 8 + 1);
  g_assert_cmpfloat (minor[0], ==, 0.4);
  g_assert_cmpfloat (minor[n_minor - 1], ==, 20.0);

  /* Majors two decades apart: the skipped decades. */
  n = sd_ticks_log (1e-4, 1e4, 5, major, NULL);
  g_assert_cmpuint (n, ==, 5);
  n_minor = sd_ticks_log_minor (1e-4, 1e4, major, n, minor, G_N_ELEMENTS (minor));
  g_assert_cmpuint (n_minor, ==, 4);
  g_assert_cmpfloat (minor[0], ==, 1e-3);
  g_assert_cmpfloat (minor[3], ==, 1e3);

  /* Too many to hold: none. */
  n = sd_ticks_log (1e-20, 1e20, G_N_ELEMENTS (major), major, NULL);
  g_assert_cmpuint (sd_ticks_log_minor (1e-20, 1e20, major, n, minor, 10), ==, 0);

  /* Nothing for ranges a log scale cannot show. */
  g_assert_cmpuint (sd_ticks_log_minor (0, 100, major, 0, minor, 10), ==, 0);
  g_assert_cmpuint (sd_ticks_log_minor (1, NAN, major, 0, minor, 10), ==, 0);
}

static void
test_compute (void)
{
  SdTicks ticks;
  g_autofree char *label = NULL;

  sd_ticks_compute (&ticks, SD_SCALE_LINEAR, 0, 1, 6, TRUE);
  g_assert_cmpuint (ticks.n, ==, 6);
  g_assert_cmpuint (ticks.n_minor, ==, 0);
  label = sd_ticks_get_label (&ticks, 3);
  g_assert_cmpstr (label, ==, "0.6");
  g_clear_pointer (&label, g_free);

  sd_ticks_compute (&ticks, SD_SCALE_LOG, 1e-2, 1e2, 100, TRUE);
  g_assert_cmpuint (ticks.n, ==, 5);
  g_assert_cmpuint (ticks.n_minor, ==, 32);
  label = sd_ticks_get_label (&ticks, 0);
  g_assert_cmpstr (label, ==, "10<sup>" MINUS "2</sup>");
  g_clear_pointer (&label, g_free);

  sd_ticks_compute (&ticks, SD_SCALE_LOG, 1e-2, 1e2, 6, FALSE);
  g_assert_cmpuint (ticks.n_minor, ==, 0);

  /* Narrow log ranges are labelled like linear ones. */
  sd_ticks_compute (&ticks, SD_SCALE_LOG, 1.1, 1.9, 6, TRUE);
  g_assert_cmpfloat (ticks.step, ==, 0.2);
  g_assert_cmpuint (ticks.n_minor, ==, 0);
  label = sd_ticks_get_label (&ticks, 0);
  g_assert_cmpstr (label, ==, "1.2");
  g_clear_pointer (&label, g_free);

  /* Never more than SD_TICKS_MAX. */
  sd_ticks_compute (&ticks, SD_SCALE_LINEAR, 0, 1000, 1000, FALSE);
  g_assert_cmpuint (ticks.n, <=, SD_TICKS_MAX);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*index < ticks->n*");
  g_assert_null (sd_ticks_get_label (&ticks, ticks.n));
  g_test_assert_expected_messages ();
}

static void
test_scale (void)
{
  double min, max;

  g_assert_cmpfloat (sd_scale_forward (SD_SCALE_LINEAR, -3.0), ==, -3.0);
  g_assert_cmpfloat (sd_scale_forward (SD_SCALE_LOG, 1000.0), ==, 3.0);
  g_assert_true (isnan (sd_scale_forward (SD_SCALE_LOG, 0.0)));
  g_assert_true (isnan (sd_scale_forward (SD_SCALE_LOG, -1.0)));
  g_assert_cmpfloat (sd_scale_inverse (SD_SCALE_LOG, -2.0), ==, 0.01);
  g_assert_cmpfloat (sd_scale_inverse (SD_SCALE_LINEAR, 7.5), ==, 7.5);

  min = max = 0.0;
  g_assert_true (sd_range_nonsingular (SD_SCALE_LINEAR, &min, &max));
  g_assert_cmpfloat (min, ==, -1.0);
  g_assert_cmpfloat (max, ==, 1.0);

  min = max = -20.0;
  g_assert_true (sd_range_nonsingular (SD_SCALE_LINEAR, &min, &max));
  g_assert_cmpfloat (min, ==, -21.0);
  g_assert_cmpfloat (max, ==, -19.0);

  min = max = 4.0;
  g_assert_true (sd_range_nonsingular (SD_SCALE_LOG, &min, &max));
  g_assert_cmpfloat (min, ==, 2.0);
  g_assert_cmpfloat (max, ==, 8.0);

  /* Proper ranges, inverted ones included, are left alone. */
  min = 3.0;
  max = -1.0;
  g_assert_true (sd_range_nonsingular (SD_SCALE_LINEAR, &min, &max));
  g_assert_cmpfloat (min, ==, 3.0);
  g_assert_cmpfloat (max, ==, -1.0);

  min = 0.0;
  max = 1.0;
  g_assert_false (sd_range_nonsingular (SD_SCALE_LOG, &min, &max));
  min = NAN;
  g_assert_false (sd_range_nonsingular (SD_SCALE_LINEAR, &min, &max));
  min = 1.0;
  max = INFINITY;
  g_assert_false (sd_range_nonsingular (SD_SCALE_LINEAR, &min, &max));
  min = max = 1.7e308;
  g_assert_false (sd_range_nonsingular (SD_SCALE_LOG, &min, &max));
}

/* The symmetric log is v / t within ±t and sign(v) (1 + log10 (|v| / t))
 * beyond: continuous at ±t, odd, and inverted exactly at the decades. */
static void
test_symlog_scale (void)
{
  static const struct
  {
    double value;
    double threshold;
    double position;
  } cases[] = {
    { 0.0, 0.1, 0.0 },
    { 0.05, 0.1, 0.5 },
    { 0.1, 0.1, 1.0 },
    { 1.0, 0.1, 2.0 },
    { -1000.0, 0.1, -5.0 },
    { 1e300, 1.0, 301.0 },
    { -2.0, 1.0, -(1.0 + M_LN2 / M_LN10) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double position = sd_symlog_forward (cases[i].value, cases[i].threshold);

      g_assert_cmpfloat_with_epsilon (position, cases[i].position, 1e-12);
      g_assert_cmpfloat_with_epsilon (sd_symlog_inverse (position, cases[i].threshold),
                                      cases[i].value, 1e-12 * MAX (1.0, fabs (cases[i].value)));
    }
  g_assert_cmpfloat (sd_scale_forward (SD_SCALE_SYMLOG, -10.0), ==, -2.0);
  g_assert_cmpfloat (sd_scale_inverse (SD_SCALE_SYMLOG, 3.0), ==, 100.0);
}

/* A symmetric log axis ticks 0 and the signed decades from its threshold
 * out, and thins them to every second, fifth, ... decade when there are
 * too many; its labels are signed powers of ten. */
static void
test_symlog_ticks (void)
{
  static const double expected[] = { -1000.0, -100.0, -10.0, -1.0, 0.0, 1.0, 10.0 };
  static const char * const labels[] = {
    MINUS "10<sup>3</sup>", MINUS "10<sup>2</sup>", MINUS "10<sup>1</sup>", MINUS "10<sup>0</sup>",
    "0", "10<sup>0</sup>", "10<sup>1</sup>",
  };
  SdTicks ticks;

  sd_ticks_compute_symlog (&ticks, -2000.0, 50.0, 1.0, 10);
  g_assert_cmpint (ticks.scale, ==, SD_SCALE_SYMLOG);
  g_assert_cmpfloat (ticks.threshold, ==, 1.0);
  g_assert_cmpuint (ticks.n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ticks.n; i++)
    {
      g_autofree char *label = sd_ticks_get_label (&ticks, i);

      g_assert_cmpfloat (ticks.values[i], ==, expected[i]);
      g_assert_cmpstr (label, ==, labels[i]);
    }

  /* 0.01 to 10^12 on the positive side: 15 decades are too many for 6
   * ticks, every fifth is few enough: 0, 10^-2, 10^3, 10^8. */
  sd_ticks_compute_symlog (&ticks, -0.005, 1e12, 0.01, 6);
  g_assert_cmpuint (ticks.n, ==, 4);
  g_assert_cmpfloat (ticks.values[0], ==, 0.0);
  g_assert_cmpfloat (ticks.values[1], ==, 0.01);
  g_assert_cmpfloat_with_epsilon (ticks.values[2], 1e3, 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.values[3], 1e8, 1e-3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/ticks/linear/matplotlib", test_linear_matplotlib);
  g_test_add_func ("/render/ticks/linear/limit-kept", test_linear_limit_kept);
  g_test_add_func ("/render/ticks/linear/exact", test_linear_exact);
  g_test_add_func ("/render/ticks/linear/properties", test_linear_properties);
  g_test_add_func ("/render/ticks/linear/degenerate", test_linear_degenerate);
  g_test_add_func ("/render/ticks/label/linear", test_label_linear);
  g_test_add_func ("/render/ticks/label/no-hyphen", test_label_no_hyphen);
  g_test_add_func ("/render/ticks/label/log", test_label_log);
  g_test_add_func ("/render/ticks/symlog/scale", test_symlog_scale);
  g_test_add_func ("/render/ticks/symlog/ticks", test_symlog_ticks);
  g_test_add_func ("/render/ticks/log/decades", test_log);
  g_test_add_func ("/render/ticks/log/minor", test_log_minor);
  g_test_add_func ("/render/ticks/compute", test_compute);
  g_test_add_func ("/render/ticks/scale", test_scale);

  return g_test_run ();
}
