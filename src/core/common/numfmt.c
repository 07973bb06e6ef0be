/* numfmt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>

#include "numfmt.h"

/* The fewest significant digits, from @min_digits up to 17, that read back
 * as exactly @value; values that are not finite print as they are. */
static const char *
format_shortest (char   *buffer,
                 gsize   size,
                 double  value,
                 int     min_digits)
{
  for (int digits = min_digits; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, size, format, value);
      if (!isfinite (value) || g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return buffer;
}

/**
 * sd_format_double:
 * @buffer: where to write
 * @value: the number
 *
 * Formats @value in the C locale with the fewest significant digits (up to
 * 17) that read back as exactly @value, so a saved scene says 0.05 rather
 * than 0.050000000000000003 and still loads back bit for bit. It starts at
 * 15 digits, so that whole numbers up to 10^15 are written out in full
 * (1000000000, not 1e+09) as people type them into scene files.
 *
 * Returns: (transfer none): @buffer
 */
const char *
sd_format_double (char   buffer[SD_FORMAT_DOUBLE_SIZE],
                  double value)
{
  return format_shortest (buffer, SD_FORMAT_DOUBLE_SIZE, value, 15);
}

/**
 * sd_format_number:
 * @buffer: where to write
 * @size: the size of @buffer, at least %SD_FORMAT_DOUBLE_SIZE
 * @value: the number
 *
 * Formats @value for a message in the shortest form printf's `%g` gives
 * that reads back as exactly @value: "0.1" stays "0.1", so that a user can
 * find the value in the scene file, and large bounds stay short (1e+09).
 * The decimal point is a dot in every locale.
 *
 * Returns: (transfer none): @buffer
 */
const char *
sd_format_number (char   *buffer,
                  gsize   size,
                  double  value)
{
  return format_shortest (buffer, size, value, 1);
}

/**
 * sd_parse_double:
 * @text: the text of one number, surrounding white space allowed
 * @value: (out): the number
 *
 * Reads a number in the C locale. The whole text must be the number:
 * "1.5x" and "" are refused. "nan" and "inf" are accepted here so that the
 * caller can say what is wrong with them.
 *
 * Returns: whether @text is a number
 */
gboolean
sd_parse_double (const char *text,
                 double     *value)
{
  g_autofree char *copy = NULL;
  char *end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;

  errno = 0;
  *value = g_ascii_strtod (copy, &end);

  /* Overflow gives ±HUGE_VAL with ERANGE: that is a number too large to
   * represent, which the caller reports as not finite. Underflow to a
   * denormal or zero is a fine value. */
  return *end == '\0';
}

/**
 * sd_parse_double_list:
 * @text: numbers separated by ';', as in "1.5;-2"
 * @values: (out caller-allocates) (array length=n_values): the numbers
 * @n_values: how many numbers are expected
 * @n_found: (out) (optional): how many items @text holds, for messages
 *
 * Returns: whether @text holds exactly @n_values numbers
 */
gboolean
sd_parse_double_list (const char *text,
                      double     *values,
                      guint       n_values,
                      guint      *n_found)
{
  g_auto(GStrv) items = NULL;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);

  items = g_strsplit (text, ";", -1);
  n = g_strv_length (items);

  /* A trailing separator, as GKeyFile writes lists ("1;2;"), is allowed. */
  if (n > 0 && n - 1 == n_values && g_strstrip (items[n - 1])[0] == '\0')
    n--;

  if (n_found != NULL)
    *n_found = n;

  if (n != n_values)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!sd_parse_double (items[i], &values[i]))
        return FALSE;
    }

  return TRUE;
}
