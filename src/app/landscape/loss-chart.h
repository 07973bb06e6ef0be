/* loss-chart.h: loss against iteration for every run, on a log scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "figure-view.h"
#include "landscape-results.h"
#include "plot.h"
#include "trajectory.h"

G_BEGIN_DECLS

/**
 * SdLossChartRun:
 * @trajectory: (nullable): the run's recorded path; %NULL for a run not
 *   computed yet, which draws nothing
 * @name: (nullable): the legend's label
 * @has_color: whether @color was chosen by the scene
 * @color: that colour, sRGB in [0, 1]
 * @visible: whether the run is drawn
 *
 * One run as sd_loss_chart_set_runs() takes it. The chart copies what it
 * needs, so the trajectory may be freed afterwards.
 */
typedef struct
{
  const SdTrajectory *trajectory;
  const char         *name;
  gboolean            has_color;
  double              color[3];
  gboolean            visible;
} SdLossChartRun;

#define SD_TYPE_LOSS_CHART (sd_loss_chart_get_type ())

G_DECLARE_FINAL_TYPE (SdLossChart, sd_loss_chart, SD, LOSS_CHART, SdFigureView)

GtkWidget    *sd_loss_chart_new             (void);
guint         sd_loss_chart_get_iteration   (SdLossChart          *self);
void          sd_loss_chart_set_iteration   (SdLossChart          *self,
                                             guint                 iteration);
SdLandscapeResults *sd_loss_chart_get_results (SdLossChart        *self);
void          sd_loss_chart_set_results     (SdLossChart          *self,
                                             SdLandscapeResults   *results);
void          sd_loss_chart_set_runs        (SdLossChart          *self,
                                             const SdLossChartRun *runs,
                                             guint                 n_runs);
void          sd_loss_chart_set_run_visible (SdLossChart          *self,
                                             guint                 index,
                                             gboolean              visible);
guint         sd_loss_chart_get_n_runs      (SdLossChart          *self);
SdTheme       sd_loss_chart_get_theme       (SdLossChart          *self);

const char   *sd_loss_chart_get_y_title     (SdLossChart          *self);
gboolean      sd_loss_chart_get_legend_box  (SdLossChart          *self,
                                             double                width,
                                             double                height,
                                             cairo_rectangle_t    *box);
const SdPlot *sd_loss_chart_get_plot        (SdLossChart          *self,
                                             double                width,
                                             double                height);
gboolean      sd_loss_chart_get_cursor_x    (SdLossChart          *self,
                                             double                width,
                                             double                height,
                                             double               *x);
char         *sd_loss_chart_pick            (SdLossChart          *self,
                                             double                width,
                                             double                height,
                                             double                px,
                                             double                py,
                                             guint                *run,
                                             guint                *iteration,
                                             double               *loss);
void          sd_loss_chart_draw            (SdLossChart          *self,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height);
char         *sd_loss_chart_format_readout  (guint                 iteration,
                                             double                loss);

G_END_DECLS
