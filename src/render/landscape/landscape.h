/* landscape.h: figures of loss surfaces: heatmap, contours, gradient field,
 * trajectories, and the 3-D view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "contour.h"
#include "figure-options.h"
#include "grid.h"
#include "plot.h"
#include "scene-surface.h"
#include "surface.h"
#include "trajectory.h"

G_BEGIN_DECLS

/**
 * SdLandscape:
 * @scene: (not owned): the scene; it must outlive the landscape
 * @surface: the loss surface the scene describes
 * @grid: the surface sampled over the scene's range at its resolution, with
 *   the gradient when the gradient-field layer is on
 * @levels: (array length=n_levels): the contour levels
 * @n_levels: how many
 * @contours: (nullable): the contour lines, when the contours layer is on
 * @trajectories: (element-type SdTrajectory): one per run of the scene, in
 *   file order (invisible runs included)
 * @cache: (skip): private; what sd_landscape_draw() keeps between frames
 *
 * Everything a landscape figure shows, computed once. The window keeps one
 * and redraws it at every frame; export computes one and draws it once.
 * Drawing fills @cache, so draw one landscape from one thread at a time.
 */
typedef struct _SdLandscapeCache SdLandscapeCache;

typedef struct
{
  const SdScene    *scene;
  SdSurface        *surface;
  SdGrid           *grid;
  double           *levels;
  guint             n_levels;
  SdContourSet     *contours;
  GPtrArray        *trajectories;
  SdLandscapeCache *cache;
} SdLandscape;

SdLandscape *sd_landscape_new      (const SdScene         *scene,
                                    GCancellable          *cancellable,
                                    GError               **error);
void         sd_landscape_free     (SdLandscape           *self);
void         sd_landscape_set_cached (SdLandscape         *self,
                                      gboolean             cached);
SdPlot      *sd_landscape_draw     (SdLandscape           *self,
                                    cairo_t               *cr,
                                    const SdFigureOptions *options);
guint        sd_landscape_get_backdrop_renders (const SdLandscape *self);
void         sd_landscape_draw_3d  (SdLandscape           *self,
                                    cairo_t               *cr,
                                    const SdFigureOptions *options);
gboolean     sd_landscape_project_3d (SdLandscape           *self,
                                      cairo_t               *cr,
                                      const SdFigureOptions *options,
                                      double                 x,
                                      double                 y,
                                      double                 z,
                                      double                *px,
                                      double                *py);
gboolean     sd_landscape_pick_3d    (SdLandscape           *self,
                                      cairo_t               *cr,
                                      const SdFigureOptions *options,
                                      double                 px,
                                      double                 py,
                                      double                *x,
                                      double                *y);

gboolean     sd_landscape_get_color_range (const SdLandscape     *self,
                                           SdScale               *scale,
                                           double                *vmin,
                                           double                *vmax);
gboolean     sd_landscape_get_data_range  (const SdLandscape     *self,
                                           double                *vmin,
                                           double                *vmax);
gboolean     sd_landscape_get_log_refused (const SdLandscape     *self);
gboolean     sd_landscape_get_legend_box  (const SdLandscape     *self,
                                           cairo_rectangle_t     *box);
SdColorbar  *sd_landscape_create_colorbar (const SdLandscape     *self,
                                           const SdFigureOptions *options);
void         sd_landscape_get_run_color   (const SdLandscape     *self,
                                           guint                  index,
                                           double                 rgba[4]);
guint        sd_landscape_get_run_end     (const SdLandscape     *self,
                                           guint                  index);
gboolean     sd_landscape_run_failed      (const SdLandscape     *self,
                                           guint                  index,
                                           guint                 *step);
char        *sd_landscape_get_run_legend  (const SdLandscape     *self,
                                           guint                  index);
char        *sd_landscape_label_markup    (const char            *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLandscape, sd_landscape_free)

G_END_DECLS
