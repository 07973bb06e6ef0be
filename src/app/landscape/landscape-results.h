/* landscape-results.h: what the Landscape page computes from its scene:
 * the surface, its grid and contours, and the runs' trajectories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "landscape.h"
#include "landscape-model.h"

G_BEGIN_DECLS

/**
 * SD_LANDSCAPE_RESULTS_ALL_ITERATIONS:
 *
 * The #SdLandscapeResults:iteration that draws every run to its end (or to
 * the scene's own `step`).
 */
#define SD_LANDSCAPE_RESULTS_ALL_ITERATIONS G_MAXUINT

#define SD_TYPE_LANDSCAPE_RESULTS (sd_landscape_results_get_type ())

G_DECLARE_FINAL_TYPE (SdLandscapeResults, sd_landscape_results, SD, LANDSCAPE_RESULTS, GObject)

SdLandscapeResults *sd_landscape_results_new              (SdLandscapeModel       *model);
SdLandscapeModel   *sd_landscape_results_get_model        (SdLandscapeResults     *self);
guint               sd_landscape_results_get_iteration    (SdLandscapeResults     *self);
void                sd_landscape_results_set_iteration    (SdLandscapeResults     *self,
                                                           guint                   iteration);
gboolean            sd_landscape_results_get_busy         (SdLandscapeResults     *self);
SdSurface          *sd_landscape_results_get_surface      (SdLandscapeResults     *self);
SdLandscape        *sd_landscape_results_get_landscape    (SdLandscapeResults     *self);
void                sd_landscape_results_fit_colors       (SdLandscapeResults     *self);
gboolean            sd_landscape_results_get_color_pin    (SdLandscapeResults     *self,
                                                           double                  range[2]);
const SdScene      *sd_landscape_results_get_scene        (SdLandscapeResults     *self);
guint               sd_landscape_results_get_n_trajectories (SdLandscapeResults   *self);
const SdTrajectory *sd_landscape_results_get_trajectory   (SdLandscapeResults     *self,
                                                           guint                   index);
void                sd_landscape_results_set_prerender    (SdLandscapeResults     *self,
                                                           const SdFigureOptions  *options,
                                                           int                     device_scale);

G_END_DECLS
