/* landscape-model.h: the Landscape page's scene, shared by its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scene-document.h"
#include "scene-surface.h"

G_BEGIN_DECLS

/**
 * SdLandscapeChange:
 * @SD_LANDSCAPE_CHANGE_SURFACE: the function, expression, range, resolution
 *   or dataset changed: the grid must be computed again
 * @SD_LANDSCAPE_CHANGE_RUNS: runs were added or removed, or a run's
 *   optimizer, hyperparameters, steps or start changed: trajectories must be
 *   computed again
 * @SD_LANDSCAPE_CHANGE_DISPLAY: only how things are drawn changed (colour
 *   map, log scale, contours, layers, view, angles, run colours, visibility)
 *
 * What a #SdLandscapeModel::changed emission is about, so each widget does
 * only the work the change needs.
 */
typedef enum
{
  SD_LANDSCAPE_CHANGE_SURFACE = 1 << 0,
  SD_LANDSCAPE_CHANGE_RUNS    = 1 << 1,
  SD_LANDSCAPE_CHANGE_DISPLAY = 1 << 2,
} SdLandscapeChange;

#define SD_TYPE_LANDSCAPE_MODEL (sd_landscape_model_get_type ())

G_DECLARE_FINAL_TYPE (SdLandscapeModel, sd_landscape_model, SD, LANDSCAPE_MODEL, SdSceneDocument)

SdLandscapeModel *sd_landscape_model_new             (void);
const char       *sd_optimizer_kind_get_label        (SdOptimizerKind    kind);
const SdScene    *sd_landscape_model_get_scene       (SdLandscapeModel  *self);
void              sd_landscape_model_set_scene       (SdLandscapeModel  *self,
                                                      SdScene           *scene);
gboolean          sd_landscape_model_get_modified    (SdLandscapeModel  *self);
void              sd_landscape_model_set_modified    (SdLandscapeModel  *self,
                                                      gboolean           modified);

void              sd_landscape_model_set_function    (SdLandscapeModel  *self,
                                                      const char        *function);
gboolean          sd_landscape_model_set_expression  (SdLandscapeModel  *self,
                                                      const char        *expression,
                                                      guint             *error_column,
                                                      GError           **error);
void              sd_landscape_model_set_range       (SdLandscapeModel  *self,
                                                      const double       x_range[2],
                                                      const double       y_range[2]);
void              sd_landscape_model_set_resolution  (SdLandscapeModel  *self,
                                                      guint              resolution);
gboolean          sd_landscape_model_set_surface_param (SdLandscapeModel *self,
                                                        const char       *key,
                                                        double            value,
                                                        GError          **error);
void              sd_landscape_model_set_color_map   (SdLandscapeModel  *self,
                                                      const char        *color_map);
void              sd_landscape_model_set_log_scale   (SdLandscapeModel  *self,
                                                      gboolean           log_scale);
void              sd_landscape_model_fit_colors_to_view (SdLandscapeModel *self);
void              sd_landscape_model_set_explain_readable (SdLandscapeModel *self,
                                                           gboolean          readable);
void              sd_landscape_model_set_contours    (SdLandscapeModel  *self,
                                                      guint              contours);
void              sd_landscape_model_set_layers      (SdLandscapeModel  *self,
                                                      SdSurfaceLayers    layers);
void              sd_landscape_model_set_view        (SdLandscapeModel  *self,
                                                      SdSurfaceView      view,
                                                      double             azimuth,
                                                      double             elevation);

gboolean          sd_landscape_model_can_add_run     (SdLandscapeModel  *self);
guint             sd_landscape_model_add_run         (SdLandscapeModel  *self,
                                                      SdOptimizerKind    optimizer);
guint             sd_landscape_model_duplicate_run   (SdLandscapeModel  *self,
                                                      guint              index);
void              sd_landscape_model_remove_run      (SdLandscapeModel  *self,
                                                      guint              index);
void              sd_landscape_model_set_run_optimizer (SdLandscapeModel *self,
                                                        guint             index,
                                                        SdOptimizerKind   optimizer);
gboolean          sd_landscape_model_set_run_param   (SdLandscapeModel  *self,
                                                      guint              index,
                                                      const char        *key,
                                                      double             value,
                                                      GError           **error);
void              sd_landscape_model_set_run_steps   (SdLandscapeModel  *self,
                                                      guint              index,
                                                      guint              steps);
void              sd_landscape_model_set_run_visible (SdLandscapeModel  *self,
                                                      guint              index,
                                                      gboolean           visible);
void              sd_landscape_model_set_run_explain (SdLandscapeModel  *self,
                                                      guint              index,
                                                      SdExplainFlags     explain);
void              sd_landscape_model_set_run_color   (SdLandscapeModel  *self,
                                                      guint              index,
                                                      const double       rgb[3]);
void              sd_landscape_model_set_run_name    (SdLandscapeModel  *self,
                                                      guint              index,
                                                      const char        *name);
void              sd_landscape_model_set_start       (SdLandscapeModel  *self,
                                                      double             x,
                                                      double             y);

G_END_DECLS
