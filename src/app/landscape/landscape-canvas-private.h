/* landscape-canvas-private.h: what the files of the Landscape canvas share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "landscape-canvas.h"

G_BEGIN_DECLS

/* How near the start marker a drag must begin to move it, in points. */
#define SD_START_GRAB_RADIUS 12.0

typedef enum
{
  SD_DRAG_NONE,
  SD_DRAG_PENDING,
  SD_DRAG_PAN,
  SD_DRAG_MOVE_START,
  SD_DRAG_ROTATE_VIEW,
} SdDragMode;

struct _SdLandscapeCanvas
{
  SdFigureView        parent_instance;

  /* What the canvas shows; the model is the results'. */
  SdLandscapeResults *results;
  SdLandscapeModel   *model;
  GSignalGroup       *results_signals;

  /* The plot of the map as last drawn, to map the pointer, and what it
   * was drawn for. */
  SdPlot             *plot;
  SdSurfaceView       figure_view;
  double              figure_range[4];

  SdDragMode          drag_mode;
  gboolean            drag_moved;
  double              drag_x;
  double              drag_y;
  double              drag_range[4];
  double              drag_start[2];
  double              drag_azimuth;
  double              drag_elevation;
  cairo_rectangle_t   drag_area;
  double              pinch_range[4];
  double              pinch_centre[2];

  gboolean            pointer_inside;
  double              pointer_x;
  double              pointer_y;
  gboolean            has_hover;
  double              hover_point[2];
  double              hover_value;
  double              hover_gradient[2];
  char               *hover_text;
  char               *hover_box_text;
  gboolean            near_start;
  const char         *cursor;
};

/* landscape-canvas.c */
void           _sd_landscape_canvas_get_model_range (SdLandscapeCanvas       *self,
                                                     double                   range[4]);
SdSurfaceView  _sd_landscape_canvas_get_view        (SdLandscapeCanvas       *self);
SdSurface     *_sd_landscape_canvas_get_surface     (SdLandscapeCanvas       *self);
double         _sd_landscape_canvas_get_scale       (SdLandscapeCanvas       *self);
/* Takes @text and @box_text. */
void           _sd_landscape_canvas_set_hover_text  (SdLandscapeCanvas       *self,
                                                     char                    *text,
                                                     char                    *box_text);
gboolean       _sd_landscape_canvas_get_start       (SdLandscapeCanvas       *self,
                                                     double                   start[2]);
gboolean       _sd_landscape_canvas_get_area        (SdLandscapeCanvas       *self,
                                                     cairo_rectangle_t       *area);
gboolean       _sd_landscape_canvas_in_area         (const cairo_rectangle_t *area,
                                                     double                   px,
                                                     double                   py);

/* landscape-canvas-input.c */
void           _sd_landscape_canvas_update_hover    (SdLandscapeCanvas       *self);
void           _sd_landscape_canvas_install_actions (GtkWidgetClass          *widget_class);
void           _sd_landscape_canvas_add_controllers (SdLandscapeCanvas       *self);

G_END_DECLS
