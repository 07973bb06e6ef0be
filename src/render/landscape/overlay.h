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
#include "scene-surface.h"

#include "surface.h"
#include "theme.h"
#include "trajectory.h"

G_BEGIN_DECLS

/* The longer eigenvector arrow's half-length, in points (times the style's
 * scale). */
#define SD_OVERLAY_EIGEN_LENGTH 48.0
/* The shortest eigenvector arrow's half-length, in points (times the
 * style's scale): a tiny eigenvalue still shows its direction. */
#define SD_OVERLAY_EIGEN_STUB 6.0

/**
 * SdOverlayColors:
 * @part: the colours of the gradient step, the step taken, momentum's
 *   velocity  and Adam's box, in that order (see sd_overlay_colors_init())
 *
 * The overlays' colours for one scene.
 */
typedef struct
{
  double part[4][4];
} SdOverlayColors;

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
 * @arrow_scale: what the displacements are multiplied by when drawn: 1
 *   (or 0, as in a zeroed struct) for their true length (see
 *   sd_overlay_readable_scale())
 * @colors: what  the parts are drawn in: sd_overlay_data_init() sets the
 *   colours of a scene without runs; set the scene's with
 *   sd_overlay_colors_init()
 *
 * The values an overlay draws, all in data coordinates, as
 * sd_explain_compute() gives them.
 */
typedef struct
{
  double          position[2];
  double          gradient[2];
  double          learning_rate;
  double          step[2];
  double          velocity[2];
  double          effective_learning_rate[2];
  SdCurvature     curvature;
  gboolean        has_curvature;
  double          arrow_scale;
  SdOverlayColors colors;
} SdOverlayData;

/* The longest arrow's length in the map view at readable lengths, in
 * points (times the style's scale): the eigenvector cross's width. */
#define SD_OVERLAY_READABLE_LENGTH (2.0 * SD_OVERLAY_EIGEN_LENGTH)

/**
 * SdOverlayHeads:
 * @SD_OVERLAY_HEAD_NONE: a plain line
 * @SD_OVERLAY_HEAD_END: a head at the last point
 * @SD_OVERLAY_HEAD_START: a head at the first point
 *
 * Which ends of an arrow get a head.
 */
typedef enum
{
  SD_OVERLAY_HEAD_NONE  = 0,
  SD_OVERLAY_HEAD_END   = 1 << 0,
  SD_OVERLAY_HEAD_START = 1 << 1,
} SdOverlayHeads;

void           sd_overlay_colors_init        (SdOverlayColors       *colors,
                                              const SdScene         *scene);
void           sd_overlay_get_color          (SdExplainFlags         part,
                                              const SdThemeStyle    *style,
                                              const SdOverlayColors *colors,
                                              double                 rgba[4]);
void           sd_overlay_draw_arrow         (cairo_t               *cr,
                                              const SdThemeStyle    *style,
                                              const double           color[4],
                                              const double          *points,
                                              guint                  n_points,
                                              SdOverlayHeads         heads,
                                              gboolean               dashed);
void           sd_overlay_stroke             (cairo_t               *cr,
                                              const SdThemeStyle    *style,
                                              const double           color[4]);
void           sd_overlay_draw_eigen_label   (cairo_t               *cr,
                                              const SdThemeStyle    *style,
                                              guint                  index,
                                              double                 x,
                                              double                 y,
                                              const double           direction[2]);
void           sd_overlay_legend_entry       (SdExplainFlags         part,
                                              const SdThemeStyle    *style,
                                              const SdOverlayColors *colors,
                                              SdLegendEntry         *entry);
void           sd_overlay_add_legend_entries (SdLegend              *legend,
                                              const SdThemeStyle    *style,
                                              const SdScene         *scene,
                                              SdExplainFlags         too_short);
gboolean       sd_overlay_get_displacement   (const SdOverlayData   *data,
                                              SdExplainFlags         part,
                                              double                 displacement[2]);
double         sd_overlay_readable_scale     (const SdOverlayData   *data,
                                              SdExplainFlags         flags,
                                              double                 longest,
                                              const double           units[2]);
gboolean       sd_overlay_data_init          (SdOverlayData         *data,
                                              SdSurface             *surface,
                                              const SdTrajectory    *trajectory,
                                              guint                  index);
SdExplainFlags sd_overlay_draw               (cairo_t               *cr,
                                              const SdPlot          *plot,
                                              const SdThemeStyle    *style,
                                              const SdOverlayData   *data,
                                              SdExplainFlags         flags);

G_END_DECLS
