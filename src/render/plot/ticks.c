/* ticks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "number.h"
#include "ticks.h"

/* Tick k of a step m × 10^e is computed as the integer k·m scaled by a
 * power of ten in one rounding, never by adding steps, so it is the double
 * nearest to the decimal number: 3 × 0.1 gives 0.3, not 0.30000000000000004.
 * That needs k·m to be an exact integer. */
#define MAX_EXACT_INTEGER 4503599627370496.0 /* 2^52 */

typedef struct
{
  int mantissa; /* 1, 2 or 5 */
  int exponent;
} NiceStep;

static double
nice_value (NiceStep s)
{
  return sd_number_decimal (s.mantissa, s.exponent);
}

static double
tick_value (double   k,
            NiceStep s)
{
  /* Adding +0.0 turns the -0 that k = -0 would give into 0. */
  return sd_number_decimal (k * s.mantissa, s.exponent) + 0.0;
}

static NiceStep
nice_smaller (NiceStep s)
{
  switch (s.mantissa)
    {
    case 5:
      return (NiceStep) { 2, s.exponent };
    case 2:
      return (NiceStep) { 1, s.exponent };
    default:
      return (NiceStep) { 5, s.exponent - 1 };
    }
}

/* The smallest of 1, 2, 5 × 10^e not below @raw. The relative tolerance
 * keeps a raw step of 0.2000000000000001, the rounding of 1/5, at 0.2. */
static NiceStep
nice_at_least (double raw)
{
  static const int mantissas[] = { 1, 2, 5 };
  int e = (int) floor (log10 (raw));

  if (sd_number_decimal (1, e) > raw)
    e--;
  else if (sd_number_decimal (1, e + 1) <= raw)
    e++;

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      NiceStep s = { mantissas[i], e };

      if (nice_value (s) >= raw * (1.0 - 1e-10))
        return s;
    }

  return (NiceStep) { 1, e + 1 };
}

/* The first and last k with tick k in [min, max]. The quotients only guess
 * them; the comparisons with the ticks themselves decide, so a tick equal
 * to an end of the range is always included. */
static gboolean
tick_span (double    min,
           double    max,
           NiceStep  s,
           double   *first,
           double   *last)
{
  double step = nice_value (s);
  double lo = ceil (min / step);
  double hi = floor (max / step);

  /* Subnormal steps have too few bits to be a decimal step. */
  if (step < DBL_MIN)
    return FALSE;

  if (!isfinite (lo) || !isfinite (hi) ||
      (fabs (lo) + 2) * s.mantissa > MAX_EXACT_INTEGER ||
      (fabs (hi) + 2) * s.mantissa > MAX_EXACT_INTEGER)
    return FALSE;

  while (tick_value (lo - 1, s) >= min)
    lo--;
  while (tick_value (lo, s) < min)
    lo++;
  while (tick_value (hi + 1, s) <= max)
    hi++;
  while (tick_value (hi, s) > max)
    hi--;

  *first = lo;
  *last = hi;
  return TRUE;
}

/**
 * sd_scale_forward:
 * @scale: a scale
 * @value: a data value
 *
 * Returns: where @value sits on a linear axis: @value itself, or its
 *   logarithm to base 10; NaN for values a log scale cannot show (<= 0);
 *   on a symmetric log scale, sd_symlog_forward() with threshold 1
 */
double
sd_scale_forward (SdScale scale,
                  double  value)
{
  if (scale == SD_SCALE_LOG)
    return value > 0.0 ? log10 (value) : NAN;
  if (scale == SD_SCALE_SYMLOG)
    return sd_symlog_forward (value, 1.0);
  return value;
}

/**
 * sd_scale_inverse:
 * @scale: a scale
 * @position: a result of sd_scale_forward()
 *
 * Returns: the data value at @position
 */
double
sd_scale_inverse (SdScale scale,
                  double  position)
{
  if (scale == SD_SCALE_LOG)
    return pow (10.0, position);
  if (scale == SD_SCALE_SYMLOG)
    return sd_symlog_inverse (position, 1.0);
  return position;
}

/**
 * sd_symlog_forward:
 * @value: a data value
 * @threshold: where the linear part ends, > 0
 *
 * The symmetric logarithm: @value / @threshold within ±@threshold, and
 * sign(v) (1 + log10 (|v| / @threshold)) beyond, so the linear part is
 * as wide as a decade and the two meet smoothly in value.
 *
 * Returns: where @value sits on a linear axis
 */
double
sd_symlog_forward (double value,
                   double threshold)
{
  double magnitude = fabs (value);

  if (magnitude <= threshold)
    return value / threshold;
  return copysign (1.0 + log10 (magnitude / threshold), value);
}

/**
 * sd_symlog_inverse:
 * @position: a result of sd_symlog_forward()
 * @threshold: the same threshold
 *
 * Returns: the data value at @position
 */
double
sd_symlog_inverse (double position,
                   double threshold)
{
  if (fabs (position) <= 1.0)
    return position * threshold;
  return copysign (threshold * pow (10.0, fabs (position) - 1.0), position);
}

/**
 * sd_range_nonsingular:
 * @scale: the scale the range is shown on
 * @min: (inout): one end of the range
 * @max: (inout): the other end
 *
 * Widens a range of one value so that it can be shown, like matplotlib's
 * `nonsingular`: v becomes [v − 5 %, v + 5 %] (of |v|), 0 becomes [−1, 1],
 * and on a log scale v becomes [v / 2, 2 v]. Other ranges are unchanged.
 *
 * Returns: %FALSE if the range cannot be shown at all: a NaN or an
 *   infinity, or a value <= 0 on a log scale
 */
gboolean
sd_range_nonsingular (SdScale  scale,
                      double  *min,
                      double  *max)
{
  double value;

  g_return_val_if_fail (min != NULL && max != NULL, FALSE);

  if (!isfinite (*min) || !isfinite (*max))
    return FALSE;
  if (scale == SD_SCALE_LOG && (!(*min > 0.0) || !(*max > 0.0)))
    return FALSE;
  if (*min != *max)
    return TRUE;

  value = *min;
  if (scale == SD_SCALE_LOG)
    {
      *min = value / 2;
      *max = value * 2;
    }
  else if (value == 0.0)
    {
      *min = -1.0;
      *max = 1.0;
    }
  else
    {
      *min = value - 0.05 * fabs (value);
      *max = value + 0.05 * fabs (value);
    }

  return isfinite (*min) && isfinite (*max) && *min < *max;
}

/**
 * sd_ticks_linear:
 * @min: one end of the range
 * @max: the other end; the range may be given in either order
 * @max_ticks: the most ticks wanted
 * @ticks: (out caller-allocates) (array length=max_ticks): the ticks, ascending
 * @step: (out) (optional): the distance between ticks, or 0 if there is at
 *   most one tick
 *
 * Chooses evenly spaced ticks inside the range, at multiples of a step
 * 1, 2 or 5 × 10^k: the smallest such step that gives at most @max_ticks
 * ticks, then smaller steps as long as fewer than two ticks fall inside
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990; the
 * same choice as matplotlib's MaxNLocator with nbins = @max_ticks − 1 and
 * steps [1, 2, 5, 10], restricted to the range).
 *
 * Each tick is the double nearest to its decimal value. A range of one
 * value gives that value alone, as does a range so narrow next to its
 * magnitude that its ticks would not be exact (its middle, then). With
 * @max_ticks 1 the tick is the roundest value inside the range. Ranges
 * with a NaN or an infinity get no ticks.
 *
 * Returns: the number of ticks, at most @max_ticks
 */
guint
sd_ticks_linear (double  min,
                 double  max,
                 guint   max_ticks,
                 double *ticks,
                 double *step)
{
  NiceStep s;
  gboolean found = FALSE;
  NiceStep best = { 1, 0 };
  double best_first = 0.0;
  double best_count = 0.0;
  guint nbins;
  double raw;

  g_return_val_if_fail (ticks != NULL || max_ticks == 0, 0);

  if (step != NULL)
    *step = 0.0;

  if (!isfinite (min) || !isfinite (max) || max_ticks == 0)
    return 0;

  if (min > max)
    {
      double swap = min;
      min = max;
      max = swap;
    }

  if (min == max)
    {
      ticks[0] = min + 0.0;
      return 1;
    }

  /* Halving before subtracting keeps ranges like [-1e308, 1e308] finite. */
  nbins = MAX (max_ticks, 2) - 1;
  raw = max / nbins - min / nbins;
  if (raw > 0.0 && isfinite (raw))
    {
      for (s = nice_at_least (raw); ; s = nice_smaller (s))
        {
          double first, last, count;

          if (!tick_span (min, max, s, &first, &last))
            break;
          count = last - first + 1;
          if (count > max_ticks)
            {
              /* Room for one tick only and none found yet: the one of
               * this step nearest to the middle of the range. */
              if (best_count == 0 && max_ticks == 1)
                {
                  double middle = min / 2 + max / 2;

                  found = TRUE;
                  best = s;
                  best_first = CLAMP (round (middle / nice_value (s)), first, last);
                  best_count = 1;
                }
              break;
            }

          found = TRUE;
          best = s;
          best_first = first;
          best_count = count;
          if (count >= MIN (2, max_ticks))
            break;
        }
    }

  if (!found)
    {
      ticks[0] = min / 2 + max / 2;
      return 1;
    }

  for (guint i = 0; i < (guint) best_count; i++)
    ticks[i] = tick_value (best_first + i, best);

  if (step != NULL && best_count > 1)
    *step = nice_value (best);

  return (guint) best_count;
}

/* The first and last decades 10^d inside [min, max], for 0 < min <= max. */
static void
decade_span (double  min,
             double  max,
             int    *first,
             int    *last)
{
  int lo = (int) ceil (log10 (min));
  int hi = (int) floor (log10 (max));

  while (sd_number_decimal (1, lo - 1) >= min)
    lo--;
  while (sd_number_decimal (1, lo) < min)
    lo++;
  while (sd_number_decimal (1, hi + 1) <= max)
    hi++;
  while (sd_number_decimal (1, hi) > max)
    hi--;

  *first = lo;
  *last = hi;
}

static int
floor_div (int a,
           int b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/**
 * sd_ticks_log:
 * @min: one end of the range, > 0
 * @max: the other end, > 0; the range may be given in either order
 * @max_ticks: the most ticks wanted
 * @ticks: (out caller-allocates) (array length=max_ticks): the ticks, ascending
 * @step: (out) (optional): 0 when the ticks should be labelled with
 *   sd_tick_label_log(); the spacing to give sd_tick_label() when the
 *   range was too narrow for a logarithmic choice
 *
 * Ticks for a logarithmic axis: powers of ten, every one or every 2, 5,
 * 10, … decades (multiples of the stride, so 10^0 is always among them
 * when in range) to stay within @max_ticks. A range holding fewer than
 * two powers of ten gets 1, 2 and 5 × 10^k instead, and a range too
 * narrow even for those the ticks of sd_ticks_linear().
 *
 * Returns: the number of ticks, at most @max_ticks; 0 for ranges with a
 *   value that is not positive and finite
 */
guint
sd_ticks_log (double  min,
              double  max,
              guint   max_ticks,
              double *ticks,
              double *step)
{
  static const int strides[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
  static const int mantissas[] = { 1, 2, 5 };
  int first, last;
  guint count = 0;

  g_return_val_if_fail (ticks != NULL || max_ticks == 0, 0);

  if (step != NULL)
    *step = 0.0;

  if (!isfinite (min) || !isfinite (max) || !(min > 0.0) || !(max > 0.0) || max_ticks == 0)
    return 0;

  if (min > max)
    {
      double swap = min;
      min = max;
      max = swap;
    }

  if (min == max)
    {
      ticks[0] = min;
      return 1;
    }

  decade_span (min, max, &first, &last);

  if (last - first + 1 >= 2)
    {
      int stride = 1;
      int lo = 0, hi = -1;

      for (guint i = 0; i < G_N_ELEMENTS (strides); i++)
        {
          stride = strides[i];
          lo = -floor_div (-first, stride);
          hi = floor_div (last, stride);
          if ((guint) (hi - lo + 1) <= max_ticks)
            break;
        }

      for (int d = lo; d <= hi && count < max_ticks; d++)
        ticks[count++] = sd_number_decimal (1, d * stride);
      return count;
    }

  /* Fewer than two decades: 1, 2, 5 × 10^d around the range. */
  for (int d = last - 1; d <= last + 1; d++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          double value = sd_number_decimal (mantissas[i], d);

          if (value >= min && value <= max)
            {
              if (count == max_ticks)
                return sd_ticks_linear (min, max, max_ticks, ticks, step);
              ticks[count++] = value;
            }
        }
    }

  if (count >= MIN (2, max_ticks))
    return count;

  return sd_ticks_linear (min, max, max_ticks, ticks, step);
}

/**
 * sd_ticks_log_minor:
 * @min: one end of the range, > 0
 * @max: the other end, > 0
 * @major: (array length=n_major): the ticks sd_ticks_log() chose
 * @n_major: their number
 * @minor: (out caller-allocates) (array length=max_minor): the minor ticks
 * @max_minor: the room in @minor
 *
 * Unlabelled ticks for a logarithmic axis: 2, 3, …, 9 × 10^k between major
 * ticks one decade apart, the skipped decades between major ticks further
 * apart, and 1…9 × 10^k around major ticks at 1, 2, 5 × 10^k.
 *
 * Returns: the number of minor ticks; 0 if there would be more than
 *   @max_minor, which would be too dense to draw anyway
 */
guint
sd_ticks_log_minor (double        min,
                    double        max,
                    const double *major,
                    guint         n_major,
                    double       *minor,
                    guint         max_minor)
{
  gboolean decades = n_major > 0;
  int stride = 1;
  int first, last;
  guint count = 0;
  guint next_major = 0;

  g_return_val_if_fail (major != NULL || n_major == 0, 0);
  g_return_val_if_fail (minor != NULL || max_minor == 0, 0);

  if (!isfinite (min) || !isfinite (max) || !(min > 0.0) || !(max > 0.0))
    return 0;

  if (min > max)
    {
      double swap = min;
      min = max;
      max = swap;
    }

  for (guint i = 0; i < n_major; i++)
    decades = decades && sd_number_is_decade (major[i], NULL);

  if (decades && n_major >= 2)
    {
      int e0 = 0, e1 = 0;

      sd_number_is_decade (major[0], &e0);
      sd_number_is_decade (major[1], &e1);
      stride = e1 - e0;
    }

  first = (int) floor (log10 (min)) - 1;
  last = (int) floor (log10 (max)) + 1;

  for (int d = first; d <= last; d++)
    {
      for (int m = 1; m <= 9; m++)
        {
          double value;

          if (stride > 1 && m > 1)
            break;

          value = sd_number_decimal (m, d);
          if (value < min || value > max)
            continue;

          while (next_major < n_major && major[next_major] < value)
            next_major++;
          if (next_major < n_major && major[next_major] == value)
            continue;

          if (count == max_minor)
            return 0;
          minor[count++] = value;
        }
    }

  return count;
}

/**
 * sd_tick_label:
 * @value: a tick
 * @step: the distance between the axis' ticks, or 0 for a lone tick
 *
 * Labels a tick of a linear axis in the %SD_NUMBER_TICK style, as if it
 * were alone on its axis: with as many decimals as @step has, "0.3" for
 * 3 × 0.1, "0.5" and "1.0" with a step of 0.5, "0" for -0; in scientific
 * notation when its own magnitude calls for it (see
 * sd_number_is_scientific()), "1.5×10<sup>−5</sup>"; ticks 2 × 10^-7 apart
 * near 1 stay "1.0000002". A lone tick gets six significant digits.
 * sd_ticks_get_label() chooses the notation for a whole axis instead.
 *
 * Returns: (transfer full): the label, in Pango markup
 */
char *
sd_tick_label (double value,
               double step)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_TICK);
  format.step = step;
  return sd_number_format (&format, value);
}

/**
 * sd_tick_label_log:
 * @value: a tick of a logarithmic axis
 *
 * Labels powers of ten as "10<sup>k</sup>" and other values m × 10^k as
 * "m×10<sup>k</sup>" (matplotlib's LogFormatterSciNotation), in the
 * %SD_NUMBER_LOG_TICK style.
 *
 * Returns: (transfer full): the label, in Pango markup
 */
char *
sd_tick_label_log (double value)
{
  return sd_number_markup (value, SD_NUMBER_LOG_TICK);
}

/**
 * sd_ticks_compute:
 * @ticks: (out caller-allocates): the ticks
 * @scale: the axis' scale
 * @min: one end of the axis' range
 * @max: the other end
 * @max_ticks: the most major ticks wanted; at most %SD_TICKS_MAX are given
 * @minor: whether to add minor ticks (logarithmic scales only)
 *
 * Chooses an axis' ticks with sd_ticks_linear() or sd_ticks_log() and
 * sd_ticks_log_minor(). Label them with sd_ticks_get_label().
 */
void
sd_ticks_compute (SdTicks  *ticks,
                  SdScale   scale,
                  double    min,
                  double    max,
                  guint     max_ticks,
                  gboolean  minor)
{
  g_return_if_fail (ticks != NULL);

  ticks->scale = scale;
  ticks->threshold = 0.0;
  ticks->n_minor = 0;
  max_ticks = MIN (max_ticks, SD_TICKS_MAX);

  if (scale == SD_SCALE_LOG)
    {
      ticks->n = sd_ticks_log (min, max, max_ticks, ticks->values, &ticks->step);
      if (minor && ticks->step == 0.0 && ticks->n > 0)
        ticks->n_minor = sd_ticks_log_minor (min, max, ticks->values, ticks->n,
                                             ticks->minor, SD_TICKS_MAX_MINOR);
    }
  else
    {
      ticks->n = sd_ticks_linear (min, max, max_ticks, ticks->values, &ticks->step);
    }
}

/* Adds a tick, counting past @max_ticks (without storing) so the caller
 * sees there were too many. */
static void
add_tick (SdTicks *ticks,
          guint    max_ticks,
          double   value)
{
  if (ticks->n < max_ticks)
    ticks->values[ticks->n] = value;
  ticks->n++;
}

/**
 * sd_ticks_compute_symlog:
 * @ticks: (out caller-allocates): the ticks
 * @min: one end of the axis' range
 * @max: the other end
 * @threshold: where the linear part ends, > 0; a power of ten labels best
 * @max_ticks: the most major ticks wanted; at most %SD_TICKS_MAX are given
 *
 * The ticks of a symmetric log axis: 0 and ±@threshold · 10^k in the
 * range, every decade or, when that is too many, every second, fifth or
 * tenth.
 */
void
sd_ticks_compute_symlog (SdTicks *ticks,
                         double   min,
                         double   max,
                         double   threshold,
                         guint    max_ticks)
{
  static const int strides[] = { 1, 2, 5, 10, 20, 50, 100 };
  double lo = MIN (min, max), hi = MAX (min, max);

  g_return_if_fail (ticks != NULL);
  g_return_if_fail (threshold > 0.0);

  ticks->scale = SD_SCALE_SYMLOG;
  ticks->threshold = threshold;
  ticks->step = 0.0;
  ticks->n_minor = 0;
  max_ticks = MIN (max_ticks, SD_TICKS_MAX);

  for (guint s = 0; s < G_N_ELEMENTS (strides); s++)
    {
      ticks->n = 0;
      /* The negative decades from the outermost in, 0, then the positive
       * ones outwards; a double reaches 10^308, so 400 decades is all. */
      for (int k = 400; k >= -400; k--)
        {
          double value = k < 0 ? threshold * pow (10.0, -k - 1) : -threshold * pow (10.0, k);

          if (k == -1 && lo <= 0.0 && hi >= 0.0)
            add_tick (ticks, max_ticks, 0.0);
          if ((k < 0 ? -k - 1 : k) % strides[s] == 0 && isfinite (value)
              && value >= lo && value <= hi)
            add_tick (ticks, max_ticks, value);
        }
      if (ticks->n <= max_ticks)
        return;
    }
  ticks->n = MIN (ticks->n, max_ticks);
}

/* A tick of a symmetric log axis: 0, or a signed power as a log axis
 * writes it. */
static char *
symlog_label (double value)
{
  g_autofree char *magnitude = NULL;

  if (value == 0.0)
    return g_strdup ("0");
  magnitude = sd_tick_label_log (fabs (value));
  return value < 0.0 ? g_strconcat ("\xe2\x88\x92", magnitude, NULL) : g_steal_pointer (&magnitude);
}

/**
 * sd_ticks_get_label:
 * @ticks: ticks from sd_ticks_compute()
 * @index: which major tick, below @ticks->n
 *
 * Labels a major tick in the %SD_NUMBER_TICK style (%SD_NUMBER_LOG_TICK
 * for powers of ten), all the axis' labels in the same notation: the
 * notation its largest tick takes.
 *
 * Returns: (transfer full): the label of the major tick @index, in Pango
 *   markup
 */
char *
sd_ticks_get_label (const SdTicks *ticks,
                    guint          index)
{
  SdNumberFormat format;

  g_return_val_if_fail (ticks != NULL, NULL);
  g_return_val_if_fail (index < ticks->n, NULL);

  if (ticks->scale == SD_SCALE_LOG && ticks->step == 0.0)
    return sd_tick_label_log (ticks->values[index]);
  if (ticks->scale == SD_SCALE_SYMLOG)
    return symlog_label (ticks->values[index]);

  /* The axis' largest tick decides the notation of all its labels. */
  sd_number_format_init (&format, SD_NUMBER_TICK);
  format.step = ticks->step;
  for (guint i = 0; i < ticks->n; i++)
    if (isfinite (ticks->values[i]))
      format.magnitude = MAX (format.magnitude, fabs (ticks->values[i]));
  return sd_number_format (&format, ticks->values[index]);
}
