/* scene-csv.c: every number a scene shows, as CSV
 *
 * The CSV export exists so that anyone can check Saddle's numbers against
 * their own (PyTorch, SciPy, NumPy); numbers are written with %.17g, which
 * reads back as exactly the double that was computed. Each kind's section
 * writes its own table with these helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scene-private.h"

void
_sd_csv_append_number (GString *csv,
                       double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (csv, ',');
  /* printf writes a NaN with its sign bit ("-nan"); NumPy and pandas
   * read "nan" alike, and a NaN has no sign worth reading. */
  if (isnan (value))
    g_string_append (csv, "nan");
  else
    g_string_append (csv, g_ascii_formatd (text, sizeof text, "%.17g", value));
}

/* RFC 4180: a field with a comma, quote or line break is quoted, and
 * quotes inside it are doubled. */
void
_sd_csv_append_text (GString    *csv,
                     const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

void
_sd_csv_append_quantity (GString    *csv,
                         const char *name,
                         double      value)
{
  g_string_append (csv, name);
  _sd_csv_append_number (csv, value);
  g_string_append_c (csv, '\n');
}

/**
 * sd_scene_to_csv:
 * @self: a scene
 * @cancellable: (nullable): a #GCancellable
 * @length: (out) (optional): the length of the text
 * @error: return location for an error
 *
 * Computes every number the scene shows, as described in
 * docs/command-line.md.
 *
 * Returns: (transfer full) (nullable): the CSV text, or %NULL with @error set
 */
char *
sd_scene_to_csv (const SdScene  *self,
                 GCancellable   *cancellable,
                 gsize          *length,
                 GError        **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);

  ok = _sd_scene_get_section (self->kind)->to_csv (self, csv, cancellable, error);

  if (!ok)
    return NULL;

  if (length != NULL)
    *length = csv->len;
  return g_string_free (g_steal_pointer (&csv), FALSE);
}
