/* histogram.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "numfmt.h"
#include "histogram.h"

struct _SdHistogram
{
  double   lower;
  double   upper;
  double   width;
  guint    n_bins;
  guint64  n_inside;
  guint64  n_outside;
  guint64 *counts;
};

static SdHistogram *
histogram_new (double lower,
               double width,
               guint  n_bins,
               double upper)
{
  SdHistogram *histogram = g_new0 (SdHistogram, 1);

  histogram->lower = lower;
  histogram->upper = upper;
  histogram->width = width;
  histogram->n_bins = n_bins;
  histogram->counts = g_new0 (guint64, n_bins);

  return histogram;
}

static gboolean
check_range (double   lower,
             double   upper,
             GError **error)
{
  if (!(lower < upper) || !isfinite (upper - lower))
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the name of the setting, range;
                    * keep it as it is. %s;%s are the two numbers given, written
                    * as in the scene file: keep the ';' between them */
                   _("%s: must be two finite numbers, the first less than the second, got %s;%s"),
                   "range", sd_format_number (a, sizeof a, lower),
                   sd_format_number (b, sizeof b, upper));
      return FALSE;
    }

  return TRUE;
}

/**
 * sd_histogram_new:
 * @lower: the lower end of the range
 * @upper: the upper end of the range
 * @n_bins: the number of equal bins, from 1 to %SD_HISTOGRAM_MAX_BINS
 * @error: return location for a #GError, or %NULL
 *
 * Creates an empty histogram of @n_bins equal bins over [@lower, @upper].
 *
 * Returns: (transfer full) (nullable): the histogram, or %NULL with @error
 *   (%SD_CORE_ERROR_INVALID) set if the range or the bin count is invalid
 */
SdHistogram *
sd_histogram_new (double   lower,
                  double   upper,
                  guint    n_bins,
                  GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_range (lower, upper, error))
    return NULL;

  if (n_bins < 1 || n_bins > SD_HISTOGRAM_MAX_BINS)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the name of the setting, bins; keep it
                    * as it is. The numbers are the most bins allowed and the
                    * number given. */
                   _("%s: must be a whole number from 1 to %d, got %u"),
                   "bins", SD_HISTOGRAM_MAX_BINS, n_bins);
      return NULL;
    }

  return histogram_new (lower, (upper - lower) / n_bins, n_bins, upper);
}

/**
 * sd_histogram_new_integer:
 * @lower: the lower end of the range
 * @upper: the upper end of the range
 * @error: return location for a #GError, or %NULL
 *
 * Creates an empty histogram for whole-number values: one bin per whole
 * number k in [@lower, @upper], covering [k - 1/2, k + 1/2), so that its
 * densities compare with a probability mass function. If the range holds
 * more than %SD_HISTOGRAM_MAX_BINS whole numbers, each bin holds the same
 * number of consecutive ones (and the last may reach past @upper).
 *
 * Returns: (transfer full) (nullable): the histogram, or %NULL with @error
 *   (%SD_CORE_ERROR_INVALID) set if the range holds no whole number
 */
SdHistogram *
sd_histogram_new_integer (double   lower,
                          double   upper,
                          GError **error)
{
  double first, span, per_bin, n_bins;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_range (lower, upper, error))
    return NULL;

  first = ceil (lower);
  span = floor (upper) - first + 1.0;
  if (span < 1.0)
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the name of the setting, range;
                    * keep it as it is. %s;%s are the two numbers given, written
                    * as in the scene file: keep the ';' between them */
                   _("%s: must hold a whole number, got %s;%s"),
                   "range", sd_format_number (a, sizeof a, lower),
                   sd_format_number (b, sizeof b, upper));
      return NULL;
    }

  per_bin = ceil (span / SD_HISTOGRAM_MAX_BINS);
  n_bins = ceil (span / per_bin);

  return histogram_new (first - 0.5, per_bin, (guint) n_bins, first - 0.5 + n_bins * per_bin);
}

/**
 * sd_histogram_new_for_distribution:
 * @distribution: the distribution whose samples will be counted
 * @lower: the lower end of the range
 * @upper: the upper end of the range
 * @n_bins: the number of bins for a continuous @distribution
 * @error: return location for a #GError, or %NULL
 *
 * Creates sd_histogram_new_integer() for a discrete @distribution (@n_bins
 * is then ignored) and sd_histogram_new() otherwise.
 *
 * Returns: (transfer full) (nullable): the histogram, or %NULL on error
 */
SdHistogram *
sd_histogram_new_for_distribution (const SdDistribution  *distribution,
                                   double                 lower,
                                   double                 upper,
                                   guint                  n_bins,
                                   GError               **error)
{
  g_return_val_if_fail (distribution != NULL, NULL);

  if (sd_distribution_is_discrete (distribution))
    return sd_histogram_new_integer (lower, upper, error);

  return sd_histogram_new (lower, upper, n_bins, error);
}

/**
 * sd_histogram_copy:
 * @histogram: a histogram
 *
 * Returns: (transfer full): a copy of @histogram with its counts
 */
SdHistogram *
sd_histogram_copy (const SdHistogram *histogram)
{
  SdHistogram *copy;

  g_return_val_if_fail (histogram != NULL, NULL);

  copy = g_memdup2 (histogram, sizeof *histogram);
  copy->counts = g_memdup2 (histogram->counts, histogram->n_bins * sizeof (guint64));

  return copy;
}

/**
 * sd_histogram_free:
 * @histogram: (nullable): a histogram
 *
 * Frees @histogram.
 */
void
sd_histogram_free (SdHistogram *histogram)
{
  if (histogram == NULL)
    return;

  g_free (histogram->counts);
  g_free (histogram);
}

static double
edge (const SdHistogram *histogram,
      guint              index)
{
  if (index >= histogram->n_bins)
    return histogram->upper;

  return histogram->lower + index * histogram->width;
}

/* The division can round a value that sits on an edge into the neighbouring
 * bin; the comparison with the edges that sd_histogram_get_bin() reports
 * settles it, so that counts and reported bins always agree. */
static gboolean
find_bin (const SdHistogram *histogram,
          double             x,
          guint             *index)
{
  guint last = histogram->n_bins - 1;
  double i;

  if (!(x >= histogram->lower && x <= histogram->upper))
    return FALSE;

  i = floor ((x - histogram->lower) / histogram->width);
  *index = (guint) CLAMP (i, 0.0, (double) last);

  if (*index > 0 && x < edge (histogram, *index))
    (*index)--;
  else if (*index < last && x >= edge (histogram, *index + 1))
    (*index)++;

  return TRUE;
}

/**
 * sd_histogram_add:
 * @histogram: a histogram
 * @values: (array length=n_values): values to count
 * @n_values: the number of values
 *
 * Counts @values: each in its bin, or as outside the range (NaN included).
 */
void
sd_histogram_add (SdHistogram  *histogram,
                  const double *values,
                  gsize         n_values)
{
  g_return_if_fail (histogram != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  for (gsize i = 0; i < n_values; i++)
    {
      guint index;

      if (find_bin (histogram, values[i], &index))
        {
          histogram->counts[index]++;
          histogram->n_inside++;
        }
      else
        {
          histogram->n_outside++;
        }
    }
}

/**
 * sd_histogram_get_n_bins:
 * @histogram: a histogram
 *
 * Returns: the number of bins
 */
guint
sd_histogram_get_n_bins (const SdHistogram *histogram)
{
  g_return_val_if_fail (histogram != NULL, 0);

  return histogram->n_bins;
}

/**
 * sd_histogram_get_bin:
 * @histogram: a histogram
 * @index: a bin
 * @lower: (out) (optional): where the bin starts
 * @upper: (out) (optional): where it ends
 *
 * Gets the edges of a bin.
 */
void
sd_histogram_get_bin (const SdHistogram *histogram,
                      guint              index,
                      double            *lower,
                      double            *upper)
{
  g_return_if_fail (histogram != NULL);
  g_return_if_fail (index < histogram->n_bins);

  if (lower != NULL)
    *lower = edge (histogram, index);
  if (upper != NULL)
    *upper = edge (histogram, index + 1);
}

/**
 * sd_histogram_get_count:
 * @histogram: a histogram
 * @index: a bin
 *
 * Returns: the number of values counted in the bin
 */
guint64
sd_histogram_get_count (const SdHistogram *histogram,
                        guint              index)
{
  g_return_val_if_fail (histogram != NULL, 0);
  g_return_val_if_fail (index < histogram->n_bins, 0);

  return histogram->counts[index];
}

/**
 * sd_histogram_get_density:
 * @histogram: a histogram
 * @index: a bin
 *
 * The count scaled to a density, count / (n * width) with n the number of
 * values inside the range, as numpy.histogram(density=True): the bars then
 * have total area 1 and compare with a pdf, or for a whole-number histogram
 * with one number per bin, with a pmf.
 *
 * Returns: the density of the bin, 0 while nothing is inside the range
 */
double
sd_histogram_get_density (const SdHistogram *histogram,
                          guint              index)
{
  double lower, upper;

  g_return_val_if_fail (histogram != NULL, 0.0);
  g_return_val_if_fail (index < histogram->n_bins, 0.0);

  if (histogram->n_inside == 0)
    return 0.0;

  sd_histogram_get_bin (histogram, index, &lower, &upper);
  return histogram->counts[index] / ((double) histogram->n_inside * (upper - lower));
}

/**
 * sd_histogram_get_n_inside:
 * @histogram: a histogram
 *
 * Returns: how many values fell inside the range
 */
guint64
sd_histogram_get_n_inside (const SdHistogram *histogram)
{
  g_return_val_if_fail (histogram != NULL, 0);

  return histogram->n_inside;
}

/**
 * sd_histogram_get_n_outside:
 * @histogram: a histogram
 *
 * Returns: how many values fell outside the range, or were NaN
 */
guint64
sd_histogram_get_n_outside (const SdHistogram *histogram)
{
  g_return_val_if_fail (histogram != NULL, 0);

  return histogram->n_outside;
}
