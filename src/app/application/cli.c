/* cli.c: `saddle --export OUT SCENE`, which needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "cli.h"
#include "export.h"
#include "scene.h"

static const char * const export_only[] = { "size", "scale", "theme", "transparent" };

/**
 * sd_cli_check_export_only:
 * @options: the parsed command line options
 *
 * The figure options mean nothing without --export; saying so beats
 * silently opening a window that ignores them.
 *
 * Returns: %TRUE when no figure option was given
 */
gboolean
sd_cli_check_export_only (GVariantDict *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_only); i++)
    {
      if (g_variant_dict_contains (options, export_only[i]))
        {
          g_printerr (_("saddle: --%s only applies with --export\n"), export_only[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "xX", -1);
  char *end;

  if (g_strv_length (parts) != 2)
    return FALSE;

  *width = g_ascii_strtod (parts[0], &end);
  if (end == parts[0] || *end != '\0')
    return FALSE;
  *height = g_ascii_strtod (parts[1], &end);
  if (end == parts[1] || *end != '\0')
    return FALSE;

  return *width >= 1.0 && *width <= SD_EXPORT_MAX_SIZE
         && *height >= 1.0 && *height <= SD_EXPORT_MAX_SIZE;
}

/* Reads --size, --scale, --theme and --transparent into @export. */
static gboolean
parse_export_options (GVariantDict    *options,
                      SdExportOptions *export)
{
  const char *size, *scale, *theme;

  sd_export_options_init (export);

  if (g_variant_dict_lookup (options, "size", "&s", &size)
      && !parse_size (size, &export->figure.width, &export->figure.height))
    {
      g_printerr (_("saddle: --size: expected WIDTHxHEIGHT in points from 1 to %g, like 800x600, "
                    "got '%s'\n"), SD_EXPORT_MAX_SIZE, size);
      return FALSE;
    }

  if (g_variant_dict_lookup (options, "scale", "&s", &scale))
    {
      char *end;

      export->scale = g_ascii_strtod (scale, &end);
      if (end == scale || *end != '\0'
          || !(export->scale > 0.0 && export->scale <= SD_EXPORT_MAX_SCALE))
        {
          g_printerr (_("saddle: --scale: expected a number above 0 and at most %g, got '%s'\n"),
                      SD_EXPORT_MAX_SCALE, scale);
          return FALSE;
        }
    }

  if (g_variant_dict_lookup (options, "theme", "&s", &theme)
      && !sd_theme_from_name (theme, &export->figure.theme))
    {
      g_printerr (_("saddle: --theme: expected light, dark or print, got '%s'\n"), theme);
      return FALSE;
    }

  export->figure.transparent = g_variant_dict_contains (options, "transparent");
  return TRUE;
}

static int
report (const GError *error)
{
  g_printerr ("saddle: %s\n", error->message);
  return EXIT_FAILURE;
}

/**
 * sd_cli_export:
 * @output: the file to write
 * @scenes: (nullable) (array zero-terminated=1): the scene files named on
 *   the command line; exactly one is expected
 * @options: the parsed command line options (--size and so on)
 *
 * Every problem is one line on stderr naming what is wrong, and a non-zero
 * exit; warnings about a scene (unknown keys) are one line each and do not
 * stop the export.
 *
 * Returns: the process's exit status
 */
int
sd_cli_export (const char         *output,
               const char * const *scenes,
               GVariantDict       *options)
{
  SdExportOptions export;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;
  SdExportFormat format;
  guint n_scenes = scenes != NULL ? g_strv_length ((char **) scenes) : 0;

  if (n_scenes != 1)
    {
      if (n_scenes == 0)
        g_printerr (_("saddle: --export needs a scene file: saddle --export OUT SCENE.saddle\n"));
      else
        g_printerr (_("saddle: --export takes one scene file, got %u\n"), n_scenes);
      return EXIT_FAILURE;
    }

  if (!parse_export_options (options, &export))
    return EXIT_FAILURE;

  /* The output is checked first: a wrong extension is found at once,
   * before any work on the scene. */
  if (!sd_export_format_from_path (output, &format, &error))
    return report (error);

  scene = sd_scene_load_file (scenes[0], &error);
  if (scene == NULL)
    return report (error);

  for (guint i = 0; i < scene->warnings->len; i++)
    g_printerr (_("saddle: warning: %s\n"), (const char *) g_ptr_array_index (scene->warnings, i));

  if (!sd_export_scene (scene, output, &export, NULL, &error))
    return report (error);

  return EXIT_SUCCESS;
}
