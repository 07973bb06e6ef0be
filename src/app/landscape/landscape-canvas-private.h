/* landscape-canvas-private.h: what the files of the Landscape canvas share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "landscape-canvas.h"
#include "window.h"

G_BEGIN_DECLS

/* How near the start marker a drag must begin to move it, in points. */
#define START_GRAB_RADIUS 12.0

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,
  DRAG_PAN,
  DRAG_MOVE_START,
  DRAG_ROTATE_VIEW,
} DragMode;

struct _SdLandscapeCanvas
{
  GtkWidget          parent_instance;

  SdLandscapeModel  *model;
  gulong             changed_id;
  guint              iteration;

  /* The surface the model describes now, for the runs and the hover
   * readout; the grid on screen may still be an older surface's. */
  SdSurface         *surface;
  char              *surface_key;

  SdLandscape       *landscape;
  SdScene           *draw_scene;
  GPtrArray         *trajectories;
  GPtrArray         *runs;

  GCancellable      *grid_cancellable;
  guint              grid_timeout_id;
  gint64             last_grid_request;
  gboolean           grid_pending;
  gboolean           coarse_pending;
  gboolean           coarse_computed;
  gboolean           full_due;
  gboolean           grid_log_scale;
  guint              grid_contours;

  GCancellable      *runs_cancellable;
  gboolean           runs_pending;
  double             ns_per_step;

  gboolean           busy;

  /* The rendered figure, what it was rendered with and for. */
  cairo_surface_t   *figure;
  SdPlot            *plot;
  SdFigureOptions    options;
  int                figure_scale;
  SdSurfaceView      figure_view;
  double             figure_range[4];
  gboolean           figure_valid;
  /* The size and pixel scale of the last drawing, for drawing ahead. */
  int                drawn_width;
  int                drawn_height;
  int                drawn_scale;

  GSettings         *settings;
  SdWindow          *window;
  gulong             presentation_id;

  DragMode           drag_mode;
  gboolean           drag_moved;
  double             drag_x;
  double             drag_y;
  double             drag_range[4];
  double             drag_start[2];
  double             drag_azimuth;
  double             drag_elevation;
  cairo_rectangle_t  drag_area;
  double             pinch_range[4];
  double             pinch_centre[2];

  gboolean           pointer_inside;
  double             pointer_x;
  double             pointer_y;
  gboolean           has_hover;
  double             hover_point[2];
  double             hover_value;
  double             hover_gradient[2];
  char              *hover_text;
  char              *hover_box_text;
  gboolean           near_start;
  const char        *cursor;
};

/* landscape-canvas.c */
void           sd_landscape_canvas_get_model_range   (SdLandscapeCanvas       *self,
                                                      double                   range[4]);
SdSurfaceView  sd_landscape_canvas_get_view          (SdLandscapeCanvas       *self);
void           sd_landscape_canvas_update_busy       (SdLandscapeCanvas       *self);
/* Takes @text and @box_text. */
void           sd_landscape_canvas_set_hover_text    (SdLandscapeCanvas       *self,
                                                      char                    *text,
                                                      char                    *box_text);
void           sd_landscape_canvas_invalidate_figure (SdLandscapeCanvas       *self);
void           sd_landscape_canvas_emit_grid_applied (SdLandscapeCanvas       *self,
                                                      guint                    resolution);
void           sd_landscape_canvas_emit_trajectories_changed
                                                     (SdLandscapeCanvas       *self);
void           sd_landscape_canvas_refresh_draw_scene
                                                     (SdLandscapeCanvas       *self);
void           sd_landscape_canvas_get_options       (SdLandscapeCanvas       *self,
                                                      double                   width,
                                                      double                   height,
                                                      SdFigureOptions         *options);
gboolean       sd_landscape_canvas_get_start         (SdLandscapeCanvas       *self,
                                                      double                   start[2]);
gboolean       sd_landscape_canvas_get_area          (SdLandscapeCanvas       *self,
                                                      cairo_rectangle_t       *area);
gboolean       sd_landscape_canvas_in_area           (const cairo_rectangle_t *area,
                                                      double                   px,
                                                      double                   py);

/* landscape-canvas-jobs.c */
GPtrArray     *sd_landscape_canvas_copy_runs         (const GPtrArray         *runs);
SdScene       *sd_landscape_canvas_copy_scene        (const SdScene           *scene,
                                                      const GPtrArray         *runs);
void           sd_landscape_canvas_request_grid      (SdLandscapeCanvas       *self);
void           sd_landscape_canvas_request_trajectories
                                                     (SdLandscapeCanvas       *self);

/* landscape-canvas-input.c */
void           sd_landscape_canvas_update_hover      (SdLandscapeCanvas       *self);
void           sd_landscape_canvas_install_actions   (GtkWidgetClass          *widget_class);
void           sd_landscape_canvas_add_controllers   (SdLandscapeCanvas       *self);

G_END_DECLS
