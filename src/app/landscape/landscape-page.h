/* landscape-page.h: the Landscape page, a loss surface and optimizers racing on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "landscape-model.h"
#include "landscape-results.h"
#include "page.h"
#include "trajectory.h"

G_BEGIN_DECLS

#define SD_TYPE_LANDSCAPE_PAGE (sd_landscape_page_get_type ())

G_DECLARE_FINAL_TYPE (SdLandscapePage, sd_landscape_page, SD, LANDSCAPE_PAGE, SdPage)

GtkWidget          *sd_landscape_page_new              (void);
SdLandscapeModel   *sd_landscape_page_get_model        (SdLandscapePage *self);
SdLandscapeResults *sd_landscape_page_get_results      (SdLandscapePage *self);
SdPlayback         *sd_landscape_page_get_playback     (SdLandscapePage *self);
const SdTrajectory *sd_landscape_page_get_trajectory   (SdLandscapePage *self,
                                                        guint            index);
GtkWidget          *sd_landscape_page_get_run_row      (SdLandscapePage *self,
                                                        guint            index);
char               *sd_landscape_page_format_run_stats (SdLandscapePage *self,
                                                        guint            index);

G_END_DECLS
