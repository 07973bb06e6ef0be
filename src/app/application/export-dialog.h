/* export-dialog.h: Export Figure: format, size, scale, theme, transparency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "export.h"
#include "scene.h"

G_BEGIN_DECLS

#define SD_TYPE_EXPORT_DIALOG (sd_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SdExportDialog, sd_export_dialog, SD, EXPORT_DIALOG, AdwWindow)

SdExportDialog *sd_export_dialog_new            (GtkWindow       *parent,
                                                 const SdScene   *scene,
                                                 const char      *name);
void            sd_export_dialog_get_options    (SdExportDialog  *self,
                                                 SdExportFormat  *format,
                                                 SdExportOptions *options);
void            sd_export_dialog_export_to_file (SdExportDialog  *self,
                                                 GFile           *file);

G_END_DECLS
