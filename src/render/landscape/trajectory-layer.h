/* trajectory-layer.h: an optimizer's path over a plot, with its markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "marker.h"
#include "optimizer.h"
#include "plot.h"
#include "run-color.h"

G_BEGIN_DECLS

/**
 * SdTrajectoryLayer:
 * @points: (array length=n_points): the iterates to draw, in order
 * @n_points: how many, at least 1
 * @look: the run's colour, dash pattern and end mark
 * @diverged: whether the run left the finite numbers after the last of
 *   @points, to be marked there
 *
 * One run as a figure shows it.
 */
typedef struct
{
  const SdOptimizerState *points;
  guint                   n_points;
  SdRunStyle              look;
  gboolean                diverged;
} SdTrajectoryLayer;

void sd_trajectory_layer_draw (const SdTrajectoryLayer *layer,
                               cairo_t                 *cr,
                               const SdPlot            *plot,
                               GArray                  *busy);

G_END_DECLS
