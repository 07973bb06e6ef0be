/* landscape-canvas.h: the Landscape page's figure, with pan, zoom, hover
 * and a start point to drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "figure-view.h"
#include "landscape.h"
#include "landscape-results.h"

G_BEGIN_DECLS

/**
 * SD_LANDSCAPE_CANVAS_ALL_ITERATIONS:
 *
 * The #SdLandscapeCanvas:iteration that draws every run to its end (or to
 * the scene's own `step`).
 */
#define SD_LANDSCAPE_CANVAS_ALL_ITERATIONS SD_LANDSCAPE_RESULTS_ALL_ITERATIONS

#define SD_TYPE_LANDSCAPE_CANVAS (sd_landscape_canvas_get_type ())

G_DECLARE_FINAL_TYPE (SdLandscapeCanvas, sd_landscape_canvas, SD, LANDSCAPE_CANVAS, SdFigureView)

GtkWidget         *sd_landscape_canvas_new            (SdLandscapeModel  *model);
SdLandscapeModel  *sd_landscape_canvas_get_model      (SdLandscapeCanvas *self);
void               sd_landscape_canvas_set_model      (SdLandscapeCanvas *self,
                                                       SdLandscapeModel  *model);
SdLandscapeResults *sd_landscape_canvas_get_results   (SdLandscapeCanvas *self);
void               sd_landscape_canvas_set_results    (SdLandscapeCanvas *self,
                                                       SdLandscapeResults *results);
guint              sd_landscape_canvas_get_iteration  (SdLandscapeCanvas *self);
void               sd_landscape_canvas_set_iteration  (SdLandscapeCanvas *self,
                                                       guint              iteration);

gboolean           sd_landscape_canvas_is_busy        (SdLandscapeCanvas *self);
const SdLandscape *sd_landscape_canvas_get_landscape  (SdLandscapeCanvas *self);
guint              sd_landscape_canvas_get_n_trajectories (SdLandscapeCanvas *self);
const SdTrajectory *sd_landscape_canvas_get_trajectory (SdLandscapeCanvas *self,
                                                       guint              index);
const char        *sd_landscape_canvas_get_hover_text (SdLandscapeCanvas *self);
gboolean           sd_landscape_canvas_get_hover      (SdLandscapeCanvas *self,
                                                       double             point[2],
                                                       double            *value,
                                                       double             gradient[2]);

gboolean           sd_landscape_canvas_point_to_data  (SdLandscapeCanvas *self,
                                                       double             px,
                                                       double             py,
                                                       double            *x,
                                                       double            *y);
gboolean           sd_landscape_canvas_data_to_point  (SdLandscapeCanvas *self,
                                                       double             x,
                                                       double             y,
                                                       double            *px,
                                                       double            *py);
void               sd_landscape_canvas_render         (SdLandscapeCanvas *self,
                                                       cairo_t           *cr,
                                                       double             width,
                                                       double             height);

/* What the canvas's gestures do, in widget coordinates. They are public
 * because GTK 4 cannot synthesize pointer events: tests drive the canvas
 * through the very functions its gestures call. */
void               sd_landscape_canvas_drag_begin     (SdLandscapeCanvas *self,
                                                       double             px,
                                                       double             py);
void               sd_landscape_canvas_drag_update    (SdLandscapeCanvas *self,
                                                       double             dx,
                                                       double             dy);
void               sd_landscape_canvas_drag_end       (SdLandscapeCanvas *self,
                                                       double             dx,
                                                       double             dy);
void               sd_landscape_canvas_click_at       (SdLandscapeCanvas *self,
                                                       double             px,
                                                       double             py);
void               sd_landscape_canvas_zoom_at        (SdLandscapeCanvas *self,
                                                       double             px,
                                                       double             py,
                                                       double             zoom);
void               sd_landscape_canvas_hover_at       (SdLandscapeCanvas *self,
                                                       double             px,
                                                       double             py);
void               sd_landscape_canvas_hover_end      (SdLandscapeCanvas *self);

G_END_DECLS
