/* ticks.h: where an axis puts its ticks and how it labels them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdScale:
 * @SD_SCALE_LINEAR: positions proportional to values
 * @SD_SCALE_LOG: positions proportional to log10 of values, for values > 0
 * @SD_SCALE_SYMLOG: the symmetric logarithm, for values of either sign
 *   that span many decades: linear within ±t, a threshold of the axis',
 *   and logarithmic beyond, with the linear part as wide as one decade
 *   (see sd_symlog_forward())
 *
 * How an axis or a colour bar spaces its values.
 */
typedef enum
{
  SD_SCALE_LINEAR,
  SD_SCALE_LOG,
  SD_SCALE_SYMLOG,
} SdScale;

/* The most major ticks an #SdTicks holds; no axis needs more to be read. */
#define SD_TICKS_MAX 24

/* The most minor ticks: 8 per decade over SD_TICKS_MAX decades. */
#define SD_TICKS_MAX_MINOR (8 * SD_TICKS_MAX)

/**
 * SdTicks:
 * @scale: the scale they were computed for
 * @n: the number of major ticks
 * @values: the major ticks, ascending
 * @step: the distance between major ticks when they are evenly spaced
 *   values (linear scales, and log scales too narrow for powers of ten);
 *   0 when they are powers of ten or when there is a single tick
 * @threshold: %SD_SCALE_SYMLOG: where the linear part ends
 * @n_minor: the number of minor ticks
 * @minor: unlabelled ticks between the major ones, ascending; only
 *   logarithmic scales have them
 *
 * The ticks of one axis, as sd_ticks_compute() chose them.
 */
typedef struct
{
  SdScale scale;
  guint   n;
  double  values[SD_TICKS_MAX];
  double  step;
  double  threshold;
  guint   n_minor;
  double  minor[SD_TICKS_MAX_MINOR];
} SdTicks;

double   sd_scale_forward     (SdScale        scale,
                               double         value);
double   sd_scale_inverse     (SdScale        scale,
                               double         position);
double   sd_symlog_forward    (double         value,
                               double         threshold);
double   sd_symlog_inverse    (double         position,
                               double         threshold);
gboolean sd_range_nonsingular (SdScale        scale,
                               double        *min,
                               double        *max);

guint    sd_ticks_linear      (double         min,
                               double         max,
                               guint          max_ticks,
                               double        *ticks,
                               double        *step);
guint    sd_ticks_log         (double         min,
                               double         max,
                               guint          max_ticks,
                               double        *ticks,
                               double        *step);
guint    sd_ticks_log_minor   (double         min,
                               double         max,
                               const double  *major,
                               guint          n_major,
                               double        *minor,
                               guint          max_minor);
char    *sd_tick_label        (double         value,
                               double         step);
char    *sd_tick_label_log    (double         value);

void     sd_ticks_compute     (SdTicks       *ticks,
                               SdScale        scale,
                               double         min,
                               double         max,
                               guint          max_ticks,
                               gboolean       minor);
void     sd_ticks_compute_symlog (SdTicks    *ticks,
                                  double      min,
                                  double      max,
                                  double      threshold,
                                  guint       max_ticks);
char    *sd_ticks_get_label   (const SdTicks *ticks,
                               guint          index);

G_END_DECLS
