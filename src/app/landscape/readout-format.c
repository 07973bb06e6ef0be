/* readout-format.c: numbers as the Landscape page's readouts write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-format.h"

static void
format_number_ascii (char   *buffer,
                     gsize   size,
                     double  value)
{
  double magnitude = fabs (value);
  char *e;

  if (!isfinite (value))
    {
      g_strlcpy (buffer, value > 0 ? "∞" : value < 0 ? "−∞" : "NaN", size);
      return;
    }

  if (magnitude == 0.0 || (magnitude >= 1e-2 && magnitude < 1e4))
    {
      g_snprintf (buffer, size, "%.3g", value);
      return;
    }

  g_snprintf (buffer, size, "%.1e", value);
  e = strchr (buffer, 'e');
  if (e != NULL)
    {
      char *digits = e + 1;
      gboolean negative = *digits == '-';

      if (*digits == '+' || *digits == '-')
        digits++;
      while (*digits == '0' && digits[1] != '\0')
        digits++;
      memmove (e + 1 + negative, digits, strlen (digits) + 1);
      if (negative)
        e[1] = '-';
    }
}

/* Replaces each hyphen in @buffer by a minus sign, as the axes and the
 * canvas's readout write it. */
static void
use_minus_signs (char  *buffer,
                 gsize  size)
{
  g_autoptr(GString) text = g_string_new (buffer);

  g_string_replace (text, "-", "−", 0);
  g_strlcpy (buffer, text->str, size);
}

/* Losses span many decades; three significant digits in the middle and
 * compact scientific notation at the ends ("1.2e−3") stay short. */
void
sd_format_readout (char   *buffer,
                   gsize   size,
                   double  value)
{
  format_number_ascii (buffer, size, value);
  use_minus_signs (buffer, size);
}
