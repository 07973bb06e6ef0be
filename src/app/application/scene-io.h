/* scene-io.h: what opening, saving and exporting a scene share between the
 * window and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "export.h"
#include "scene.h"

G_BEGIN_DECLS

SdScene *sd_scene_io_load            (const char     *path,
                                      GError        **error);
void     sd_scene_io_export_async    (const SdScene         *scene,
                                      GFile                 *file,
                                      const SdExportOptions *options,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data);
gboolean sd_scene_io_export_finish   (GAsyncResult   *result,
                                      GError        **error);

G_END_DECLS
