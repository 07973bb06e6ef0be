/* scene-io.c: what opening, saving and exporting a scene share between the
 * window and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "placeholder-page.h"
#include "scene-io.h"

/**
 * sd_scene_io_load:
 * @path: a scene file
 * @error: return location for a #GError
 *
 * Loads a scene the window can show. The command line and the window both
 * open files through here, so a file that fails says the same thing in a
 * terminal and in the window. Scenes of a kind whose page is not built yet
 * are refused with the message the window's placeholder page gives.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 */
SdScene *
sd_scene_io_load (const char  *path,
                  GError     **error)
{
  g_autoptr(SdScene) scene = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scene = sd_scene_load_file (path, error);
  if (scene == NULL)
    return NULL;

  if (sd_placeholder_page_refuse (scene->kind, path, error))
    return NULL;

  return g_steal_pointer (&scene);
}

typedef struct
{
  SdScene         *scene;
  char            *path;
  SdExportOptions  options;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  sd_scene_free (job->scene);
  g_free (job->path);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (sd_export_scene (job->scene, job->path, &job->options, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sd_scene_io_export_async:
 * @scene: the scene to export; it is copied, so it may change afterwards
 * @file: the file to write; its extension chooses the format
 * @options: size, scale, theme and transparency
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Writes exactly what `saddle --export` writes for the same scene and
 * options, with sd_export_scene(), in a worker thread: a large PNG or a
 * 3-D figure takes long enough to freeze the window.
 */
void
sd_scene_io_export_async (const SdScene         *scene,
                          GFile                 *file,
                          const SdExportOptions *options,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_scene_io_export_async);

  job = g_new0 (ExportJob, 1);
  job->scene = sd_scene_copy (scene);
  job->path = g_file_get_path (file);
  job->options = *options;
  g_task_set_task_data (task, job, export_job_free);

  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Figures can only be exported to local files"));
      return;
    }

  g_task_run_in_thread (task, export_in_thread);
}

/**
 * sd_scene_io_export_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sd_scene_io_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_scene_io_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
