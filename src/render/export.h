/* export.h: writing a scene as a file: CSV numbers or a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scene.h"

G_BEGIN_DECLS

typedef enum
{
  SD_EXPORT_CSV,
} SdExportFormat;

gboolean sd_export_format_from_path (const char     *path,
                                     SdExportFormat *format,
                                     GError        **error);
gboolean sd_export_scene            (const SdScene  *scene,
                                     const char     *path,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_END_DECLS
