/* overlay.h: what an optimizer sees at its current iterate, drawn on a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "curvature.h"
#include "plot.h"
#include "theme.h"

G_BEGIN_DECLS

/**
 * SdOverlayFlags:
 * @SD_OVERLAY_NONE: nothing
 * @SD_OVERLAY_GRADIENT: the negative gradient, as the plain gradient-descent
 *   step -learning_rate * ∇f
 * @SD_OVERLAY_STEP: the step the optimizer actually takes from the iterate
 * @SD_OVERLAY_VELOCITY: the momentum buffer, as the displacement
 *   -learning_rate * v it carries into the next step
 * @SD_OVERLAY_ADAM_STEP: Adam's per-coordinate step sizes, an axis-aligned
 *   box with half-widths effective_learning_rate[i] * |∇f[i]|
 * @SD_OVERLAY_CURVATURE: the Hessian's eigenvectors, a cross of
 *   double-headed arrows whose lengths are proportional to |λ| (the longer
 *   one a fixed screen length); a negative λ is dashed
 */
typedef enum
{
  SD_OVERLAY_NONE      = 0,
  SD_OVERLAY_GRADIENT  = 1 << 0,
  SD_OVERLAY_STEP      = 1 << 1,
  SD_OVERLAY_VELOCITY  = 1 << 2,
  SD_OVERLAY_ADAM_STEP = 1 << 3,
  SD_OVERLAY_CURVATURE = 1 << 4,
} SdOverlayFlags;

#define SD_OVERLAY_ALL (SD_OVERLAY_GRADIENT | SD_OVERLAY_STEP | SD_OVERLAY_VELOCITY \
                        | SD_OVERLAY_ADAM_STEP | SD_OVERLAY_CURVATURE)

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

void sd_overlay_draw (cairo_t             *cr,
                      const SdPlot        *plot,
                      const SdThemeStyle  *style,
                      const SdOverlayData *data,
                      SdOverlayFlags       flags);

G_END_DECLS
