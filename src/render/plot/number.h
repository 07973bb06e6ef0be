/* number.h: numbers as figures write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdNumberStyle:
 * @SD_NUMBER_TICK: a tick of a linear axis: exactly as many decimals as
 *   the axis' step has, the same for every tick ("0.5", "1.0", "1.5")
 * @SD_NUMBER_LOG_TICK: a tick of a logarithmic axis: powers of ten as
 *   "10<sup>k</sup>", other values m × 10^k as "m×10<sup>k</sup>"
 *   (matplotlib's LogFormatterSciNotation), anything else as a readout
 * @SD_NUMBER_READOUT: readouts, legends and the scene's own values: six
 *   significant digits, trailing zeros dropped ("3.14159", "1.2")
 * @SD_NUMBER_COMPACT: numbers written on the data (eigenvalues, matrix
 *   entries, angles): three significant digits, but never fewer than the
 *   whole part has ("0.866", "12.3", "12345")
 * @SD_NUMBER_PROBABILITY: a probability: four decimals, two significant
 *   digits below 0.01, and as many as it takes near 1, so that nothing but
 *   0 and 1 reads as 0 or 1 ("0.6827", "0.0013", "0.99999943")
 * @SD_NUMBER_COUNT: a whole number of things, with thin spaces between
 *   groups of three digits from 10 000 on, as SI writes them ("2000",
 *   "20 000")
 *
 * The ways figures write numbers. All of them write the minus sign U+2212,
 * which lines up with the plus sign and is as wide as a digit, and follow
 * one rule for scientific notation (see sd_number_is_scientific()); none
 * writes "NaN": a value that is not a number is written as the word
 * "undefined", an infinite one as ∞.
 */
typedef enum
{
  SD_NUMBER_TICK,
  SD_NUMBER_LOG_TICK,
  SD_NUMBER_READOUT,
  SD_NUMBER_COMPACT,
  SD_NUMBER_PROBABILITY,
  SD_NUMBER_COUNT,
} SdNumberStyle;

/**
 * SdNumberFormat:
 * @style: the style
 * @step: %SD_NUMBER_TICK: the distance between the axis' ticks; a tick
 *   without a step (0, a lone tick) is written as a readout
 * @magnitude: the largest magnitude among the numbers shown together with
 *   this one, such as the largest tick of an axis, so that all of them
 *   take the same notation; 0 to decide by the number's own
 * @zero: magnitudes up to this are written "0": rounding noise, such as
 *   an eigenvalue of 10^-17 that is 0 in exact arithmetic
 *
 * How to write a number. Initialize it with sd_number_format_init().
 */
typedef struct
{
  SdNumberStyle style;
  double        step;
  double        magnitude;
  double        zero;
} SdNumberFormat;

void      sd_number_format_init   (SdNumberFormat       *format,
                                   SdNumberStyle         style);
char     *sd_number_format        (const SdNumberFormat *format,
                                   double                value);
void      sd_number_append        (GString              *out,
                                   const SdNumberFormat *format,
                                   double                value);
char     *sd_number_markup        (double                value,
                                   SdNumberStyle         style);
char     *sd_number_text          (double                value,
                                   SdNumberStyle         style);
char     *sd_number_to_text       (const char           *markup);

gboolean  sd_number_is_scientific (double                magnitude);
double    sd_number_decimal       (double                integer,
                                   int                   exponent);
gboolean  sd_number_is_decade     (double                value,
                                   int                  *exponent);

G_END_DECLS
