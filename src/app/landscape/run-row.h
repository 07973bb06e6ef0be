/* run-row.h: one optimizer run's controls in the Landscape page's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "landscape-model.h"

G_BEGIN_DECLS

#define SD_TYPE_RUN_ROW (sd_run_row_get_type ())

G_DECLARE_FINAL_TYPE (SdRunRow, sd_run_row, SD, RUN_ROW, AdwExpanderRow)

GtkWidget  *sd_run_row_new              (SdLandscapeModel *model,
                                         guint             index);
guint       sd_run_row_get_index        (SdRunRow         *self);
void        sd_run_row_sync             (SdRunRow         *self);
const char *sd_run_row_get_error        (SdRunRow         *self);
GtkWidget  *sd_run_row_get_param_widget (SdRunRow         *self,
                                         const char       *key);


G_END_DECLS
