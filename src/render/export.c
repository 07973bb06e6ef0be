/* export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-error.h"
#include "export.h"

static const struct {
  const char     *extension;
  SdExportFormat  format;
} formats[] = {
  { ".csv", SD_EXPORT_CSV },
};

/**
 * sd_export_format_from_path:
 * @path: the output file
 * @format: (out): the format its extension names
 * @error: return location for an error
 *
 * The format follows the extension, in any letter case.
 *
 * Returns: %TRUE if the extension names a format Saddle writes
 */
gboolean
sd_export_format_from_path (const char      *path,
                            SdExportFormat  *format,
                            GError         **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) known = g_string_new (NULL);
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  lower = g_ascii_strdown (dot != NULL ? dot : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (lower, formats[i].extension))
        {
          *format = formats[i].format;
          return TRUE;
        }
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", formats[i].extension);
    }

  if (dot == NULL)
    g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                 "%s: no file extension to tell the format; use one of %s", path, known->str);
  else
    g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                 "%s: unsupported extension '%s'; use one of %s", path, dot, known->str);
  return FALSE;
}

/**
 * sd_export_scene:
 * @scene: the scene
 * @path: the output file; its extension chooses the format
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes everything first and writes the file atomically, so a failure
 * leaves no file behind and never truncates an existing one.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_export_scene (const SdScene  *scene,
                 const char     *path,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autofree char *contents = NULL;
  SdExportFormat format;
  gsize length = 0;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sd_export_format_from_path (path, &format, error))
    return FALSE;

  switch (format)
    {
    case SD_EXPORT_CSV:
      contents = sd_scene_to_csv (scene, cancellable, &length, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (contents == NULL)
    return FALSE;

  return sd_write_file_atomically (path, contents, length, error);
}
