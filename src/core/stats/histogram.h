/* histogram.h: counts of samples in equal bins, scaled to compare with a density
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "distribution.h"

G_BEGIN_DECLS

/**
 * SD_HISTOGRAM_MAX_BINS:
 *
 * The most bins a histogram has. Whole-number histograms whose range holds
 * more whole numbers put several in each bin.
 */
#define SD_HISTOGRAM_MAX_BINS 100000

/**
 * SdHistogram:
 *
 * Counts of values in equal bins over a range. Bins are half-open,
 * [edge_i, edge_i+1), except the last, which also holds the upper end, as in
 * numpy.histogram. Values outside the range are counted apart.
 */
typedef struct _SdHistogram SdHistogram;

SdHistogram *sd_histogram_new                  (double                lower,
                                                double                upper,
                                                guint                 n_bins,
                                                GError              **error);
SdHistogram *sd_histogram_new_integer          (double                lower,
                                                double                upper,
                                                GError              **error);
SdHistogram *sd_histogram_new_for_distribution (const SdDistribution *distribution,
                                                double                lower,
                                                double                upper,
                                                guint                 n_bins,
                                                GError              **error);
SdHistogram *sd_histogram_copy                 (const SdHistogram    *histogram);
void         sd_histogram_free                 (SdHistogram          *histogram);

void         sd_histogram_add                  (SdHistogram          *histogram,
                                                const double         *values,
                                                gsize                 n_values);

guint        sd_histogram_get_n_bins           (const SdHistogram    *histogram);
void         sd_histogram_get_bin              (const SdHistogram    *histogram,
                                                guint                 index,
                                                double               *lower,
                                                double               *upper);
guint64      sd_histogram_get_count            (const SdHistogram    *histogram,
                                                guint                 index);
double       sd_histogram_get_density          (const SdHistogram    *histogram,
                                                guint                 index);
guint64      sd_histogram_get_n_inside         (const SdHistogram    *histogram);
guint64      sd_histogram_get_n_outside        (const SdHistogram    *histogram);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdHistogram, sd_histogram_free)

G_END_DECLS
