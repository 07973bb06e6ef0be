/* export.h: writing a scene as a file: CSV or JSON numbers, or a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "figure.h"
#include "scene.h"

G_BEGIN_DECLS

/* PNG pixels are the figure's points times the scale, up to this. */
#define SD_EXPORT_MAX_SCALE 8.0
/* The largest figure side, in points: large posters, not gigapixel images. */
#define SD_EXPORT_MAX_SIZE 20000.0

typedef enum
{
  SD_EXPORT_CSV,
  SD_EXPORT_PNG,
  SD_EXPORT_SVG,
  SD_EXPORT_PDF,
  SD_EXPORT_JSON,
} SdExportFormat;

/**
 * SdExportOptions:
 * @figure: size (points), theme and transparency of the figure
 * @scale: PNG pixels per point, 1 to 8
 *
 * How `saddle --export` draws a figure. CSV and JSON ignore it.
 */
typedef struct
{
  SdFigureOptions figure;
  double          scale;
} SdExportOptions;

void     sd_export_options_init     (SdExportOptions       *options);
gboolean sd_export_format_from_path (const char            *path,
                                     SdExportFormat        *format,
                                     GError               **error);
gboolean sd_export_scene            (const SdScene         *scene,
                                     const char            *path,
                                     const SdExportOptions *options,
                                     GCancellable          *cancellable,
                                     GError               **error);

G_END_DECLS
