/* number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "number.h"

#define MINUS "\xe2\x88\x92"
#define TIMES "\xc3\x97"
#define INFINITY_SIGN "\xe2\x88\x9e"
#define THIN_SPACE "\xe2\x80\x89"

/* A tick is written exactly as the integer n times a power of ten, which
 * needs n to be an exact integer. */
#define MAX_EXACT_INTEGER 4503599627370496.0 /* 2^52 */

/* Scientific notation below 10^-4 and from 10^6 on. */
#define SMALLEST_POSITIONAL 1e-4
#define LARGEST_POSITIONAL 1e6

#define READOUT_DIGITS 6
#define COMPACT_DIGITS 3
#define SMALL_PROBABILITY_DIGITS 2

/**
 * sd_number_is_scientific:
 * @magnitude: the magnitude of a number as it is written (rounded to the
 *   digits shown), or the largest of several shown together
 *
 * The one rule every style follows: a number is written in scientific
 * notation, "1.5×10<sup>−5</sup>", when its magnitude is below 10^-4 or
 * at least 10^6, where positional notation would need more than four
 * zeros after the point or seven digits before it; 0 never is. These are
 * matplotlib's default `axes.formatter.limits` and printf's `%g` at six
 * digits.
 *
 * Returns: whether numbers of @magnitude are written in scientific notation
 */
gboolean
sd_number_is_scientific (double magnitude)
{
  magnitude = fabs (magnitude);
  return magnitude > 0.0 && (magnitude < SMALLEST_POSITIONAL || magnitude >= LARGEST_POSITIONAL);
}

/* 10^n, exact for 0 <= n <= 22 where doubles hold it exactly. */
static double
power_of_ten (int n)
{
  static const double exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };

  if (n >= 0 && n < (int) G_N_ELEMENTS (exact))
    return exact[n];
  return pow (10.0, n);
}

/**
 * sd_number_decimal:
 * @integer: an integer below 2^53 in magnitude
 * @exponent: a power of ten
 *
 * The double nearest to @integer × 10^@exponent: one correctly rounded
 * operation on exact operands while 10^|@exponent| is exact, and the C
 * library's correctly rounded decimal conversion beyond, where pow()
 * would be off by an ulp now and then. 3 × 10^-1 gives 0.3, not the
 * 0.30000000000000004 of 3 × 0.1.
 *
 * Returns: the double
 */
double
sd_number_decimal (double integer,
                   int    exponent)
{
  char text[64];

  if (exponent >= 0 && exponent <= 22)
    return integer * power_of_ten (exponent);
  if (exponent < 0 && exponent >= -22)
    return integer / power_of_ten (-exponent);

  g_snprintf (text, sizeof text, "%.0fe%d", integer, exponent);
  return g_ascii_strtod (text, NULL);
}

/**
 * sd_number_is_decade:
 * @value: a number
 * @exponent: (out) (optional): k, when @value is 10^k
 *
 * Returns: whether @value is the double nearest to a power of ten
 */
gboolean
sd_number_is_decade (double  value,
                     int    *exponent)
{
  int e;

  if (!(value > 0.0) || !isfinite (value))
    return FALSE;

  e = (int) lround (log10 (value));
  if (sd_number_decimal (1, e) != value)
    return FALSE;

  if (exponent != NULL)
    *exponent = e;
  return TRUE;
}

/**
 * sd_number_format_init:
 * @format: (out caller-allocates): the format to fill
 * @style: its style
 *
 * A format of @style for numbers written alone: no step, no shared
 * magnitude, only 0 written as 0.
 */
void
sd_number_format_init (SdNumberFormat *format,
                       SdNumberStyle   style)
{
  g_return_if_fail (format != NULL);
  g_return_if_fail (style <= SD_NUMBER_COUNT);

  *format = (SdNumberFormat) { style, 0.0, 0.0, 0.0 };
}

static void
append_power (GString *out,
              int      exponent)
{
  g_string_append (out, "10<sup>");
  if (exponent < 0)
    g_string_append (out, MINUS);
  g_string_append_printf (out, "%d</sup>", ABS (exponent));
}

/* Drops the zeros after the last significant decimal, and the point if
 * no decimal is left. */
static void
strip_zeros (char *text)
{
  char *end;

  if (strchr (text, '.') == NULL)
    return;

  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
}

/* What is not a finite number, in words or as ∞. */
static void
append_non_finite (GString *out,
                   double   value)
{
  if (isnan (value))
    /* Translators: how a figure writes a number that has no value, such
     * as the mean of a Cauchy distribution, where a program would print
     * NaN */
    g_string_append (out, C_("number", "undefined"));
  else
    g_string_append (out, value > 0.0 ? INFINITY_SIGN : MINUS INFINITY_SIGN);
}

/* @value with @digits significant digits, in positional notation or as
 * m×10^k by the one rule, trailing zeros dropped. The whole part is
 * always written in full: 123456 at three digits is "123456". */
static void
append_significant (GString *out,
                    double   value,
                    int      digits,
                    double   shared)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE], format[16];
  char *mark;
  int exponent;

  /* Rounded first, so that 999999.7 at six digits counts as the 10^6 it
   * is written as. */
  g_snprintf (format, sizeof format, "%%.%de", digits - 1);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  mark = strchr (buffer, 'e');
  g_assert (mark != NULL);
  exponent = atoi (mark + 1);
  *mark = '\0';

  if (value < 0.0)
    g_string_append (out, MINUS);

  if (sd_number_is_scientific (MAX (shared, sd_number_decimal (1, exponent))))
    {
      strip_zeros (buffer);
      g_string_append_printf (out, "%s" TIMES, buffer);
      append_power (out, exponent);
      return;
    }

  g_snprintf (format, sizeof format, "%%.%df", MAX (0, digits - 1 - exponent));
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  strip_zeros (buffer);
  g_string_append (out, buffer);
}

/* The largest e with @step an integer multiple of 10^e, e <= 0 for steps
 * below one. The tolerance absorbs the rounding of steps like 0.1. */
static int
step_exponent (double step)
{
  int e = 0;

  if (step >= 1.0)
    {
      while (e < 308)
        {
          double q = step / sd_number_decimal (1, e + 1);

          if (fabs (q - round (q)) > 1e-9 * q || q < 0.5)
            break;
          e++;
        }
      return e;
    }

  while (e > -340)
    {
      double q = step / sd_number_decimal (1, e);

      if (fabs (q - round (q)) <= 1e-9 * q && q >= 0.5)
        break;
      e--;
    }
  return e;
}

/* Writes the integer n × 10^exponent in positional notation with exactly
 * -exponent decimals, or as m×10^k with the trailing zeros of n dropped. */
static void
append_decimal (GString  *out,
                double    n,
                int       exponent,
                gboolean  scientific)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  g_string_append_printf (digits, "%.0f", fabs (n));
  if (n < 0.0)
    g_string_append (out, MINUS);

  if (scientific)
    {
      gsize length = digits->len;

      while (digits->len > 1 && digits->str[digits->len - 1] == '0')
        g_string_truncate (digits, digits->len - 1);
      g_string_append_c (out, digits->str[0]);
      if (digits->len > 1)
        g_string_append_printf (out, ".%s", digits->str + 1);
      g_string_append (out, TIMES);
      append_power (out, exponent + (int) length - 1);
    }
  else if (exponent >= 0)
    {
      g_string_append (out, digits->str);
      for (int i = 0; i < exponent; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      gsize decimals = -exponent;

      while (digits->len <= decimals)
        g_string_prepend_c (digits, '0');
      g_string_insert_c (digits, digits->len - decimals, '.');
      g_string_append (out, digits->str);
    }
}

/* A tick of a linear axis, as a multiple of the step's power of ten. */
static void
append_tick (GString              *out,
             const SdNumberFormat *format,
             double                value)
{
  int exponent = step_exponent (format->step);
  double n = round (exponent >= 0 ? value / sd_number_decimal (1, exponent)
                                  : value * power_of_ten (-exponent));

  /* A value too far from the step to be written exactly is a readout. */
  if (!isfinite (n) || fabs (n) > MAX_EXACT_INTEGER)
    {
      append_significant (out, value, READOUT_DIGITS, format->magnitude);
      return;
    }

  /* Adding +0.0 turns the -0 that a tiny negative value rounds to into 0. */
  n += 0.0;
  if (n == 0.0)
    {
      g_string_append_c (out, '0');
      return;
    }

  append_decimal (out, n, exponent,
                  sd_number_is_scientific (MAX (format->magnitude,
                                                fabs (sd_number_decimal (n, exponent)))));
}

/* A tick of a logarithmic axis: 10^k, or m×10^k for m from 2 to 9. */
static void
append_log_tick (GString              *out,
                 const SdNumberFormat *format,
                 double                value)
{
  double mantissa;
  int exponent;

  if (sd_number_is_decade (value, &exponent))
    {
      append_power (out, exponent);
      return;
    }

  if (value > 0.0)
    {
      exponent = (int) floor (log10 (value));
      mantissa = value / sd_number_decimal (1, exponent);
      if (fabs (mantissa - round (mantissa)) <= 1e-9 * mantissa
          && round (mantissa) >= 1 && round (mantissa) <= 9)
        {
          g_string_append_printf (out, "%d" TIMES, (int) round (mantissa));
          append_power (out, exponent);
          return;
        }
    }

  append_significant (out, value, READOUT_DIGITS, format->magnitude);
}

/* Four decimals, or two significant digits below 0.01, and near 1 as many
 * as it takes not to read as 1. */
static void
append_probability (GString              *out,
                    const SdNumberFormat *format,
                    double                p)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE], text[16];

  if (p <= 0.0 || p >= 1.0)
    {
      g_string_append_c (out, p <= 0.0 ? '0' : '1');
      return;
    }

  if (p < 0.01)
    {
      append_significant (out, p, SMALL_PROBABILITY_DIGITS, format->magnitude);
      return;
    }

  if (p <= 0.9999)
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.4f", p);
      g_string_append (out, buffer);
      return;
    }

  /* One digit past the first that tells p from 1, more while rounding
   * still makes it 1. */
  for (int digits = (int) ceil (-log10 (1.0 - p)) + 1; ; digits++)
    {
      g_snprintf (text, sizeof text, "%%.%df", digits);
      g_ascii_formatd (buffer, sizeof buffer, text, p);
      if (buffer[0] == '0' || digits >= 16)
        break;
    }
  g_string_append (out, buffer);
}

/* Thin spaces between groups of three digits, from 10 000 on. */
static void
append_count (GString *out,
              double   value)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE];
  gsize length;

  g_ascii_formatd (digits, sizeof digits, "%.0f", fabs (value));
  length = strlen (digits);
  if (value <= -0.5)
    g_string_append (out, MINUS);

  for (gsize i = 0; i < length; i++)
    {
      if (length > 4 && i > 0 && (length - i) % 3 == 0)
        g_string_append (out, THIN_SPACE);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * sd_number_append:
 * @out: where to append
 * @format: how to write the number
 * @value: the number
 *
 * Appends @value to @out as @format says, in Pango markup: the exponent
 * of scientific notation is a `<sup>`.
 */
void
sd_number_append (GString              *out,
                  const SdNumberFormat *format,
                  double                value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (format != NULL);

  if (!isfinite (value))
    {
      append_non_finite (out, value);
      return;
    }

  if (fabs (value) <= format->zero || value == 0.0)
    {
      g_string_append_c (out, '0');
      return;
    }

  switch (format->style)
    {
    case SD_NUMBER_TICK:
      if (format->step > 0.0 && isfinite (format->step))
        append_tick (out, format, value);
      else
        append_significant (out, value, READOUT_DIGITS, format->magnitude);
      break;

    case SD_NUMBER_LOG_TICK:
      append_log_tick (out, format, value);
      break;

    case SD_NUMBER_COMPACT:
      append_significant (out, value, COMPACT_DIGITS, format->magnitude);
      break;

    case SD_NUMBER_PROBABILITY:
      append_probability (out, format, value);
      break;

    case SD_NUMBER_COUNT:
      append_count (out, value);
      break;

    case SD_NUMBER_READOUT:
    default:
      append_significant (out, value, READOUT_DIGITS, format->magnitude);
      break;
    }
}

/**
 * sd_number_format:
 * @format: how to write the number
 * @value: the number
 *
 * Returns: (transfer full): @value as @format says, in Pango markup
 */
char *
sd_number_format (const SdNumberFormat *format,
                  double                value)
{
  GString *out;

  g_return_val_if_fail (format != NULL, NULL);

  out = g_string_new (NULL);
  sd_number_append (out, format, value);
  return g_string_free (out, FALSE);
}

/**
 * sd_number_markup:
 * @value: a number shown alone
 * @style: how to write it
 *
 * Writes @value in @style with sd_number_format_init()'s defaults.
 *
 * Returns: (transfer full): the number in Pango markup
 */
char *
sd_number_markup (double        value,
                  SdNumberStyle style)
{
  SdNumberFormat format;

  g_return_val_if_fail (style <= SD_NUMBER_COUNT, NULL);

  sd_number_format_init (&format, style);
  return sd_number_format (&format, value);
}

/* Superscript digits, for a power of ten in plain text. */
static const char *const superscripts[] = {
  "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
};

/**
 * sd_number_to_text:
 * @markup: a number as sd_number_format() writes it
 *
 * The same number in plain text, for where markup cannot go (a label
 * read by a screen reader, a hover box, the clipboard): a power of ten
 * is written with superscript digits, "3.2×10⁻³".
 *
 * Returns: (transfer full): the number in plain text
 */
char *
sd_number_to_text (const char *markup)
{
  GString *out;
  gboolean raised = FALSE;

  g_return_val_if_fail (markup != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *c = markup; *c != '\0'; c++)
    {
      if (g_str_has_prefix (c, "<sup>") || g_str_has_prefix (c, "</sup>"))
        {
          raised = c[1] != '/';
          c = strchr (c, '>');
        }
      else if (raised && g_ascii_isdigit (*c))
        g_string_append (out, superscripts[*c - '0']);
      else if (raised && g_str_has_prefix (c, MINUS))
        {
          g_string_append (out, "⁻");
          c += strlen (MINUS) - 1;
        }
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/**
 * sd_number_text:
 * @value: a number shown alone
 * @style: how to write it
 *
 * sd_number_markup() in plain text; see sd_number_to_text().
 *
 * Returns: (transfer full): the number in plain text
 */
char *
sd_number_text (double        value,
                SdNumberStyle style)
{
  g_autofree char *markup = sd_number_markup (value, style);

  return markup != NULL ? sd_number_to_text (markup) : NULL;
}
