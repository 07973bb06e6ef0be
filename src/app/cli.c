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
 *
 * Every problem is one line on stderr naming what is wrong, and a non-zero
 * exit; warnings about a scene (unknown keys) are one line each and do not
 * stop the export.
 *
 * Returns: the process's exit status
 */
int
sd_cli_export (const char         *output,
               const char * const *scenes)
{
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

  /* The output is checked first: a wrong extension is found at once,
   * before any work on the scene. */
  if (!sd_export_format_from_path (output, &format, &error))
    return report (error);

  scene = sd_scene_load_file (scenes[0], &error);
  if (scene == NULL)
    return report (error);

  for (guint i = 0; i < scene->warnings->len; i++)
    g_printerr (_("saddle: warning: %s\n"), (const char *) g_ptr_array_index (scene->warnings, i));

  if (!sd_export_scene (scene, output, NULL, &error))
    return report (error);

  return EXIT_SUCCESS;
}
