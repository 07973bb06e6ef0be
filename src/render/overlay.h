/* overlay.h: what an optimizer sees at its current iterate, drawn on a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "curvature.h"
#include "legend.h"
#include "plot.h"
#include "scene.h"
#include "surface.h"
#include "theme.h"
#include "trajectory.h"

G_BEGIN_DECLS

/* The longer eigenvector arrow's half-length, in points (times the style's
 * scale). */
#define SD_OVERLAY_EIGEN_LENGTH 48.0

/**
 * SdOverlayData:
 * @position: the iterate
 * @gradient: ∇f at @position
 * @learning_rate: the run's learning rate
 * @step: the step from @position to the next iterate (zero at the last one)
 * @velocity: the momentum buffer at @position
 * @effective_learning_rate: Adam's lr / (sqrt (v_hat) + eps), per coordinate
 * @curvature: the Hessian's decomposition at @position
 * @has_curvature: whether @curvature holds one (the Hessian may not be finite)
 *
 * The values an overlay draws, all in data coordinates.
 */
typedef struct
{
  double      position[2];
  double      gradient[2];
  double      learning_rate;
  double      step[2];
  double      velocity[2];
  double      effective_learning_rate[2];
  SdCurvature curvature;
  gboolean    has_curvature;
} SdOverlayData;

void     sd_overlay_legend_entry (SdExplainFlags      part,
                                  const SdThemeStyle *style,
                                  SdLegendEntry      *entry);
void     sd_overlay_add_legend_entries (SdLegend           *legend,
                                        const SdThemeStyle *style,
                                        const SdScene      *scene);
gboolean sd_overlay_data_init (SdOverlayData      *data,
                               SdSurface          *surface,
                               const SdTrajectory *trajectory,
                               guint               index);
void     sd_overlay_draw      (cairo_t             *cr,
                               const SdPlot        *plot,
                               const SdThemeStyle  *style,
                               const SdOverlayData *data,
                               SdExplainFlags       flags);

G_END_DECLS
