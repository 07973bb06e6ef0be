/* test-histogram.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core-error.h"
#include "distribution.h"
#include "histogram.h"

/* Values on and next to the edges of three bins over [0, 0.3], binned as
 * numpy does (edges start + i * step, the last bin closed):
 * /usr/bin/python3 -c 'import numpy as np
 * v = [0, 0.1, 0.2, 0.3, 0.30000000000000004, 0.29999999999999993, 0.1 + 0.2, 0.7 / 7,
 *      0.6 / 3, -1e-300, 0.15, 0.05]
 * c, e = np.histogram(v, bins=3, range=(0, 0.3))
 * d, _ = np.histogram(v, bins=3, range=(0, 0.3), density=True)
 * print(c.tolist(), [repr(x) for x in e], [repr(x) for x in d])'
 * [2, 3, 4] ['0.0', '0.09999999999999999', '0.19999999999999998', '0.3']
 * ['2.2222222222222223', '3.333333333333334', '4.444444444444445'] */
static void
test_edges_as_numpy (void)
{
  const double values[] = { 0, 0.1, 0.2, 0.3, 0.30000000000000004, 0.29999999999999993,
                            0.1 + 0.2, 0.7 / 7, 0.6 / 3, -1e-300, 0.15, 0.05 };
  const guint64 counts[] = { 2, 3, 4 };
  const double edges[] = { 0.0, 0.09999999999999999, 0.19999999999999998, 0.3 };
  const double densities[] = { 2.2222222222222223, 3.333333333333334, 4.444444444444445 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SdHistogram) h = sd_histogram_new (0, 0.3, 3, &error);

  g_assert_no_error (error);
  sd_histogram_add (h, values, G_N_ELEMENTS (values));

  g_assert_cmpuint (sd_histogram_get_n_bins (h), ==, 3);
  g_assert_cmpuint (sd_histogram_get_n_inside (h), ==, 9);
  g_assert_cmpuint (sd_histogram_get_n_outside (h), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      double lower, upper;

      sd_histogram_get_bin (h, i, &lower, &upper);
      g_assert_cmpfloat (lower, ==, edges[i]);
      g_assert_cmpfloat (upper, ==, edges[i + 1]);
      g_assert_cmpuint (sd_histogram_get_count (h, i), ==, counts[i]);
      g_assert_cmpfloat_with_epsilon (sd_histogram_get_density (h, i), densities[i], 1e-14);
    }
  sd_histogram_get_bin (h, 0, NULL, NULL);
}

static void
test_outside (void)
{
  const double values[] = { -0.5, 1.5, NAN, INFINITY, -INFINITY, 0, 1, 0.5 };
  g_autoptr(SdHistogram) h = sd_histogram_new (0, 1, 4, NULL);
  g_autoptr(SdHistogram) copy = NULL;

  g_assert_cmpfloat (sd_histogram_get_density (h, 0), ==, 0.0);

  sd_histogram_add (h, values, G_N_ELEMENTS (values));
  sd_histogram_add (h, NULL, 0);
  g_assert_cmpuint (sd_histogram_get_n_inside (h), ==, 3);
  g_assert_cmpuint (sd_histogram_get_n_outside (h), ==, 5);
  g_assert_cmpuint (sd_histogram_get_count (h, 0), ==, 1);
  g_assert_cmpuint (sd_histogram_get_count (h, 2), ==, 1);
  g_assert_cmpuint (sd_histogram_get_count (h, 3), ==, 1);

  /* A copy counts on by itself. */
  copy = sd_histogram_copy (h);
  sd_histogram_add (copy, values, 1);
  g_assert_cmpuint (sd_histogram_get_n_outside (copy), ==, 6);
  g_assert_cmpuint (sd_histogram_get_n_outside (h), ==, 5);
  g_assert_cmpuint (sd_histogram_get_count (copy, 3), ==, 1);
}

/* The densities of any sample integrate to 1 over the range, as bars of
 * a pdf must; here for 10^5 normal draws, many of them outside. */
static void
test_density_integrates_to_one (void)
{
  const gsize n = 100000;
  g_autofree double *x = g_new (double, n);
  g_autoptr(SdDistribution) normal = sd_distribution_new_default (SD_FAMILY_NORMAL);
  const guint bins[] = { 1, 7, 50, 1000 };

  sd_distribution_sample (normal, 5, x, n);

  for (guint b = 0; b < G_N_ELEMENTS (bins); b++)
    {
      g_autoptr(SdHistogram) h = sd_histogram_new (-1.5, 2, bins[b], NULL);
      double area = 0.0;
      guint64 total = 0;

      sd_histogram_add (h, x, n);
      for (guint i = 0; i < bins[b]; i++)
        {
          double lower, upper;

          sd_histogram_get_bin (h, i, &lower, &upper);
          area += sd_histogram_get_density (h, i) * (upper - lower);
          total += sd_histogram_get_count (h, i);
        }

      g_assert_cmpfloat_with_epsilon (area, 1.0, 1e-12);
      g_assert_cmpuint (total, ==, sd_histogram_get_n_inside (h));
      g_assert_cmpuint (total + sd_histogram_get_n_outside (h), ==, n);
    }
}

/* One bin per whole number: the densities are relative frequencies and
 * match the pmf to within 5 standard errors, sqrt(pmf (1 - pmf) / n), for
 * 10^6 draws of the default binomial; the seed is fixed, so the test
 * cannot flake. */
static void
test_integer_bins (void)
{
  const gsize n = 1000000;
  g_autofree double *x = g_new (double, n);
  g_autoptr(SdDistribution) binomial = sd_distribution_new_default (SD_FAMILY_BINOMIAL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdHistogram) h = sd_histogram_new_for_distribution (binomial, 0, 10, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sd_histogram_get_n_bins (h), ==, 11);

  sd_distribution_sample (binomial, 11, x, n);
  sd_histogram_add (h, x, n);
  g_assert_cmpuint (sd_histogram_get_n_inside (h), ==, n);

  for (guint k = 0; k <= 10; k++)
    {
      double lower, upper, pmf = sd_distribution_pdf (binomial, k);

      sd_histogram_get_bin (h, k, &lower, &upper);
      g_assert_cmpfloat (lower, ==, k - 0.5);
      g_assert_cmpfloat (upper, ==, k + 0.5);
      g_assert_cmpfloat (fabs (sd_histogram_get_density (h, k) - pmf), <=,
                         5 * sqrt (pmf * (1 - pmf) / n));
    }
}

static void
test_integer_range (void)
{
  g_autoptr(SdHistogram) fractional = sd_histogram_new_integer (-2.5, 1.7, NULL);
  g_autoptr(SdHistogram) wide = sd_histogram_new_integer (0, 250000, NULL);
  g_autoptr(SdDistribution) gamma = sd_distribution_new_default (SD_FAMILY_GAMMA);
  g_autoptr(SdHistogram) continuous = sd_histogram_new_for_distribution (gamma, 0, 5, 20, NULL);
  const double values[] = { 250000, 250001, 250002, 2, 3 };
  double lower, upper;

  /* The whole numbers inside the range: -2, -1, 0, 1. */
  g_assert_cmpuint (sd_histogram_get_n_bins (fractional), ==, 4);
  sd_histogram_get_bin (fractional, 0, &lower, NULL);
  sd_histogram_get_bin (fractional, 3, NULL, &upper);
  g_assert_cmpfloat (lower, ==, -2.5);
  g_assert_cmpfloat (upper, ==, 1.5);

  /* 250001 whole numbers in bins of 3; the last bin reaches 250001. */
  g_assert_cmpuint (sd_histogram_get_n_bins (wide), ==, 83334);
  sd_histogram_get_bin (wide, 1, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 2.5);
  g_assert_cmpfloat (upper, ==, 5.5);
  sd_histogram_add (wide, values, G_N_ELEMENTS (values));
  g_assert_cmpuint (sd_histogram_get_count (wide, 83333), ==, 2);
  g_assert_cmpuint (sd_histogram_get_count (wide, 0), ==, 1);
  g_assert_cmpuint (sd_histogram_get_count (wide, 1), ==, 1);
  g_assert_cmpuint (sd_histogram_get_n_outside (wide), ==, 1);
  g_assert_cmpfloat_with_epsilon (sd_histogram_get_density (wide, 0), 1.0 / (4 * 3), 1e-15);

  g_assert_cmpuint (sd_histogram_get_n_bins (continuous), ==, 20);
}

static void
check_error (GError     **error,
             const char  *message)
{
  g_assert_error (*error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

static void
test_invalid (void)
{
  const char *range_message =
    "range: must be two finite numbers, the first less than the second, got ";
  g_autofree char *reversed = g_strconcat (range_message, "2;1", NULL);
  g_autofree char *empty = g_strconcat (range_message, "1;1", NULL);
  g_autofree char *infinite = g_strconcat (range_message, "0;inf", NULL);
  g_autofree char *undefined = g_strconcat (range_message, "nan;1", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (sd_histogram_new (0, 1, 0, &error));
  check_error (&error, "bins: must be a whole number from 1 to 100000, got 0");
  g_assert_null (sd_histogram_new (0, 1, 100001, &error));
  check_error (&error, "bins: must be a whole number from 1 to 100000, got 100001");
  g_assert_null (sd_histogram_new (2, 1, 10, &error));
  check_error (&error, reversed);
  g_assert_null (sd_histogram_new (1, 1, 10, &error));
  check_error (&error, empty);
  g_assert_null (sd_histogram_new (0, INFINITY, 10, &error));
  check_error (&error, infinite);
  g_assert_null (sd_histogram_new_integer (NAN, 1, &error));
  check_error (&error, undefined);
  g_assert_null (sd_histogram_new_integer (0.2, 0.8, &error));
  check_error (&error, "range: must hold a whole number, got 0.2;0.8");

  g_assert_null (sd_histogram_new (0, 1, 0, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/histogram/edges-as-numpy", test_edges_as_numpy);
  g_test_add_func ("/core/histogram/outside", test_outside);
  g_test_add_func ("/core/histogram/density-integrates-to-one", test_density_integrates_to_one);
  g_test_add_func ("/core/histogram/integer/bins", test_integer_bins);
  g_test_add_func ("/core/histogram/integer/range", test_integer_range);
  g_test_add_func ("/core/histogram/invalid", test_invalid);

  return g_test_run ();
}
