/* landscape-canvas-input.c: the Landscape canvas's pointer and keys: drag,
 * click, zoom, pan, and the readout under the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "landscape-canvas-private.h"
#include "number.h"

#define WHEEL_ZOOM 1.2
/* Smooth scrolling (touchpads) reports pixels; this many make one notch. */
#define SMOOTH_SCROLL_PIXELS 40.0
#define KEY_ZOOM 1.25
#define KEY_PAN 0.1
#define KEY_ROTATE 5.0
/* Degrees of azimuth or elevation per pixel dragged in the 3-D view. */
#define DRAG_ROTATE 0.4
/* Ranges narrower than this share of their magnitude, or wider than
 * MAX_SPAN, would leave double precision or any sensible view. */
#define MIN_RELATIVE_SPAN 1e-9
#define MAX_SPAN 1e9

/* Interaction */

static gboolean
span_is_sane (double lo,
              double hi)
{
  double span = hi - lo;

  return isfinite (lo) && isfinite (hi) && span <= MAX_SPAN
         && span >= MIN_RELATIVE_SPAN * MAX (1.0, MAX (fabs (lo), fabs (hi)));
}

static void
set_range (SdLandscapeCanvas *self,
           const double       range[4])
{
  if (!span_is_sane (range[0], range[1]) || !span_is_sane (range[2], range[3]))
    return;

  sd_landscape_model_set_range (self->model, range, range + 2);
}

static void
zoom_range (const double range[4],
            double       cx,
            double       cy,
            double       zoom,
            double       out[4])
{
  out[0] = cx + (range[0] - cx) / zoom;
  out[1] = cx + (range[1] - cx) / zoom;
  out[2] = cy + (range[2] - cy) / zoom;
  out[3] = cy + (range[3] - cy) / zoom;
}

static void
zoom_about_centre (SdLandscapeCanvas *self,
                   double             zoom)
{
  double range[4], zoomed[4];

  _sd_landscape_canvas_get_model_range (self, range);
  zoom_range (range, (range[0] + range[1]) / 2, (range[2] + range[3]) / 2, zoom, zoomed);
  set_range (self, zoomed);
}

static double
wrap_azimuth (double azimuth)
{
  azimuth = fmod (azimuth + 180.0, 360.0);
  if (azimuth < 0.0)
    azimuth += 360.0;
  return azimuth - 180.0;
}

static void
set_angles (SdLandscapeCanvas *self,
            double             azimuth,
            double             elevation)
{
  sd_landscape_model_set_view (self->model, SD_VIEW_3D, wrap_azimuth (azimuth),
                               CLAMP (elevation, -90.0, 90.0));
}

static void
set_start_at (SdLandscapeCanvas *self,
              double             px,
              double             py)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  double x, y;

  if (sd_scene_get_surface (scene)->runs->len == 0 || !sd_landscape_canvas_point_to_data (self, px, py, &x, &y))
    return;

  sd_landscape_model_set_start (self->model, x, y);
}

static gboolean
is_near_start (SdLandscapeCanvas *self,
               double             px,
               double             py)
{
  double start[2], sx, sy;

  if (_sd_landscape_canvas_get_view (self) != SD_VIEW_MAP
      || !_sd_landscape_canvas_get_start (self, start)
      || !sd_landscape_canvas_data_to_point (self, start[0], start[1], &sx, &sy))
    return FALSE;

  return hypot (px - sx, py - sy) <= SD_START_GRAB_RADIUS * _sd_landscape_canvas_get_scale (self);
}

static void
update_cursor (SdLandscapeCanvas *self)
{
  const char *cursor = NULL;
  cairo_rectangle_t area;

  switch (self->drag_mode)
    {
    case SD_DRAG_PAN:
    case SD_DRAG_MOVE_START:
      cursor = "grabbing";
      break;
    case SD_DRAG_ROTATE_VIEW:
      cursor = self->drag_moved ? "grabbing" : "grab";
      break;
    case SD_DRAG_NONE:
    case SD_DRAG_PENDING:
    default:
      if (self->near_start)
        cursor = "grab";
      else if (_sd_landscape_canvas_get_view (self) == SD_VIEW_3D && self->has_hover)
        cursor = "grab";
      else if (self->pointer_inside && _sd_landscape_canvas_get_area (self, &area)
               && _sd_landscape_canvas_in_area (&area, self->pointer_x, self->pointer_y))
        cursor = "crosshair";
      break;
    }

  if (g_strcmp0 (cursor, self->cursor) == 0)
    return;

  self->cursor = cursor;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static int
get_drag_threshold (SdLandscapeCanvas *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-dnd-drag-threshold", &threshold, NULL);
  return threshold;
}

/**
 * sd_landscape_canvas_drag_begin:
 * @self: a #SdLandscapeCanvas
 * @px: where the primary button went down
 * @py: where the primary button went down
 *
 * In the map view, a drag that starts on the start point moves it; one
 * that starts elsewhere pans, unless it ends where it began, which makes
 * it a click. In the 3-D view, dragging turns the camera.
 */
void
sd_landscape_canvas_drag_begin (SdLandscapeCanvas *self,
                                double             px,
                                double             py)
{
  const SdSceneSurface *surface;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  self->drag_mode = SD_DRAG_NONE;
  self->drag_moved = FALSE;
  self->drag_x = px;
  self->drag_y = py;
  if (self->model == NULL)
    return;

  surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  if (surface->view == SD_VIEW_3D)
    {
      self->drag_mode = SD_DRAG_ROTATE_VIEW;
      self->drag_azimuth = surface->azimuth;
      self->drag_elevation = surface->elevation;
    }
  else if (!_sd_landscape_canvas_get_area (self, &self->drag_area))
    return;
  else if (is_near_start (self, px, py))
    {
      self->drag_mode = SD_DRAG_MOVE_START;
      _sd_landscape_canvas_get_start (self, self->drag_start);
    }
  else
    self->drag_mode = SD_DRAG_PENDING;

  _sd_landscape_canvas_get_model_range (self, self->drag_range);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_landscape_canvas_drag_update:
 * @self: a #SdLandscapeCanvas
 * @dx: how far the pointer moved since sd_landscape_canvas_drag_begin()
 * @dy: how far the pointer moved
 */
void
sd_landscape_canvas_drag_update (SdLandscapeCanvas *self,
                                 double             dx,
                                 double             dy)
{
  const cairo_rectangle_t *area = &self->drag_area;
  const double *r = self->drag_range;
  double moved[4], sx, sy, x, y;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  if (self->model == NULL)
    return;

  if (!self->drag_moved && hypot (dx, dy) < get_drag_threshold (self))
    return;
  self->drag_moved = TRUE;

  switch (self->drag_mode)
    {
    case SD_DRAG_PENDING:
      self->drag_mode = SD_DRAG_PAN;
      update_cursor (self);
      G_GNUC_FALLTHROUGH;
    case SD_DRAG_PAN:
      sx = dx / area->width * (r[1] - r[0]);
      sy = dy / area->height * (r[3] - r[2]);
      moved[0] = r[0] - sx, moved[1] = r[1] - sx;
      moved[2] = r[2] + sy, moved[3] = r[3] + sy;
      set_range (self, moved);
      break;

    case SD_DRAG_MOVE_START:
      /* Keep the marker where it was grabbed, under the pointer. */
      x = self->drag_start[0] + dx / area->width * (r[1] - r[0]);
      y = self->drag_start[1] - dy / area->height * (r[3] - r[2]);
      sd_landscape_model_set_start (self->model, x, y);
      break;

    case SD_DRAG_ROTATE_VIEW:
      set_angles (self, self->drag_azimuth - DRAG_ROTATE * dx,
                  self->drag_elevation + DRAG_ROTATE * dy);
      update_cursor (self);
      break;

    case SD_DRAG_NONE:
    default:
      break;
    }
}

/**
 * sd_landscape_canvas_drag_end:
 * @self: a #SdLandscapeCanvas
 * @dx: how far the pointer moved since sd_landscape_canvas_drag_begin()
 * @dy: how far the pointer moved
 *
 * A drag that never moved further than the drag threshold is a click: it
 * sets the runs' common start point there.
 */
void
sd_landscape_canvas_drag_end (SdLandscapeCanvas *self,
                              double             dx,
                              double             dy)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_drag_update (self, dx, dy);
  if (self->model != NULL && !self->drag_moved
      && (self->drag_mode == SD_DRAG_PENDING || self->drag_mode == SD_DRAG_ROTATE_VIEW))
    set_start_at (self, self->drag_x, self->drag_y);

  self->drag_mode = SD_DRAG_NONE;
  self->drag_moved = FALSE;
  _sd_landscape_canvas_update_hover (self);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_landscape_canvas_click_at:
 * @self: a #SdLandscapeCanvas
 * @px: where the primary button was pressed and released
 * @py: where the primary button was pressed and released
 *
 * A press and a release without motion between them.
 */
void
sd_landscape_canvas_click_at (SdLandscapeCanvas *self,
                              double             px,
                              double             py)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_drag_begin (self, px, py);
  sd_landscape_canvas_drag_end (self, 0.0, 0.0);
}

/**
 * sd_landscape_canvas_zoom_at:
 * @self: a #SdLandscapeCanvas
 * @px: the point to zoom about
 * @py: the point to zoom about
 * @zoom: the magnification, > 1 to zoom in
 *
 * Divides the range by @zoom about the data point under (@px, @py), which
 * stays where it is; about the centre of the range outside the plot area
 * and in the 3-D view.
 */
void
sd_landscape_canvas_zoom_at (SdLandscapeCanvas *self,
                             double             px,
                             double             py,
                             double             zoom)
{
  double range[4], zoomed[4], x, y;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (zoom > 0.0 && isfinite (zoom));

  if (self->model == NULL)
    return;

  if (_sd_landscape_canvas_get_view (self) == SD_VIEW_3D
      || !sd_landscape_canvas_point_to_data (self, px, py, &x, &y))
    {
      zoom_about_centre (self, zoom);
      return;
    }

  _sd_landscape_canvas_get_model_range (self, range);
  zoom_range (range, x, y, zoom, zoomed);
  set_range (self, zoomed);
}

/* A coordinate of the pointer with @decimals decimals, as an axis with
 * ticks 10^-decimals apart would write it. */
static char *
format_position (double value,
                 int    decimals)
{
  g_autofree char *markup = NULL;
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_TICK);
  format.step = sd_number_decimal (1, -decimals);
  markup = sd_number_format (&format, value);
  return sd_number_to_text (markup);
}

/* Enough decimals for the pointer's position to change from one pixel to
 * the next, and no more: 0.498, not 0.4983 or 0.49826114. */
static int
position_decimals (SdLandscapeCanvas *self)
{
  cairo_rectangle_t area;
  double range[4], pixel;

  _sd_landscape_canvas_get_model_range (self, range);
  if (_sd_landscape_canvas_get_area (self, &area))
    pixel = MIN ((range[1] - range[0]) / area.width, (range[3] - range[2]) / area.height);
  else
    pixel = MIN (range[1] - range[0], range[3] - range[2]) / 1000.0;

  return (int) CLAMP (ceil (-log10 (pixel)), 0.0, 15.0);
}

/* Reads the surface under the pointer again: after it moved, or after the
 * range, the view or the surface under it changed. */
void
_sd_landscape_canvas_update_hover (SdLandscapeCanvas *self)
{
  g_autofree char *x = NULL, *y = NULL, *f = NULL, *gx = NULL, *gy = NULL;
  const char *x_label, *y_label;
  char *text, *box_text;
  gboolean near_start;
  int decimals;

  near_start = self->pointer_inside && self->drag_mode == SD_DRAG_NONE
               && is_near_start (self, self->pointer_x, self->pointer_y);
  if (near_start != self->near_start)
    {
      self->near_start = near_start;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  self->has_hover = self->pointer_inside && _sd_landscape_canvas_get_surface (self) != NULL
                    && sd_landscape_canvas_point_to_data (self, self->pointer_x, self->pointer_y,
                                                          &self->hover_point[0],
                                                          &self->hover_point[1]);
  update_cursor (self);
  if (!self->has_hover)
    {
      _sd_landscape_canvas_set_hover_text (self, NULL, NULL);
      return;
    }

  self->hover_value = sd_surface_eval (_sd_landscape_canvas_get_surface (self), self->hover_point[0],
                                       self->hover_point[1], self->hover_gradient, NULL);
  decimals = position_decimals (self);
  x = format_position (self->hover_point[0], decimals);
  y = format_position (self->hover_point[1], decimals);
  f = sd_number_text (self->hover_value, SD_NUMBER_COMPACT);
  gx = sd_number_text (self->hover_gradient[0], SD_NUMBER_COMPACT);
  gy = sd_number_text (self->hover_gradient[1], SD_NUMBER_COMPACT);
  x_label = sd_surface_get_x_label (_sd_landscape_canvas_get_surface (self));
  y_label = sd_surface_get_y_label (_sd_landscape_canvas_get_surface (self));

  /* Translators: the point under the pointer, the loss there and its
   * gradient, as in "x = 0.500, y = 1.000, f = 56.25, ∇f = (−151, 150)" */
  text = g_strdup_printf (_("%s = %s, %s = %s, f = %s, ∇f = (%s, %s)"),
                          x_label, x, y_label, y, f, gx, gy);
  box_text = g_strdup_printf ("%s = %s   %s = %s\nf = %s\n∇f = (%s, %s)",
                              x_label, x, y_label, y, f, gx, gy);
  _sd_landscape_canvas_set_hover_text (self, text, box_text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_landscape_canvas_hover_at:
 * @self: a #SdLandscapeCanvas
 * @px: where the pointer is
 * @py: where the pointer is
 *
 * Shows x, y, f and ∇f at the pointer, beside it and in
 * #SdLandscapeCanvas:hover-text.
 */
void
sd_landscape_canvas_hover_at (SdLandscapeCanvas *self,
                              double             px,
                              double             py)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  self->pointer_inside = TRUE;
  self->pointer_x = px;
  self->pointer_y = py;
  _sd_landscape_canvas_update_hover (self);
}

/**
 * sd_landscape_canvas_hover_end:
 * @self: a #SdLandscapeCanvas
 *
 * The pointer left: the readout goes.
 */
void
sd_landscape_canvas_hover_end (SdLandscapeCanvas *self)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  self->pointer_inside = FALSE;
  _sd_landscape_canvas_update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Gestures, controllers and key bindings */

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  sd_landscape_canvas_drag_begin (self, x, y);
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_drag_update (self, dx, dy);
}

/* A pinch took the touch over: what the drag did stays, and its end is
 * no click. */
static void
on_drag_cancel (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  self->drag_mode = SD_DRAG_NONE;
  update_cursor (self);
}

static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_drag_end (self, dx, dy);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SdLandscapeCanvas        *self)
{
  double notches = dy;
  double px, py;

  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    notches = dy / SMOOTH_SCROLL_PIXELS;

  if (self->pointer_inside)
    {
      px = self->pointer_x;
      py = self->pointer_y;
    }
  else
    {
      px = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      py = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  /* Scrolling down (towards the user) zooms out, as in maps. */
  sd_landscape_canvas_zoom_at (self, px, py, pow (WHEEL_ZOOM, -notches));
  return GDK_EVENT_STOP;
}

static void
on_pinch_begin (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                SdLandscapeCanvas *self)
{
  double px, py;

  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  if (self->model == NULL)
    return;

  /* Two fingers zoom; they do not also pan or set the start. */
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  _sd_landscape_canvas_get_model_range (self, self->pinch_range);
  self->pinch_centre[0] = (self->pinch_range[0] + self->pinch_range[1]) / 2;
  self->pinch_centre[1] = (self->pinch_range[2] + self->pinch_range[3]) / 2;
  if (_sd_landscape_canvas_get_view (self) == SD_VIEW_MAP
      && gtk_gesture_get_bounding_box_center (gesture, &px, &py))
    {
      double x, y;

      if (sd_landscape_canvas_point_to_data (self, px, py, &x, &y))
        self->pinch_centre[0] = x, self->pinch_centre[1] = y;
    }
}

static void
on_pinch_scale_changed (GtkGestureZoom    *gesture,
                        double             scale,
                        SdLandscapeCanvas *self)
{
  double zoomed[4];

  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  if (self->model == NULL || !(scale > 0.0))
    return;

  zoom_range (self->pinch_range, self->pinch_centre[0], self->pinch_centre[1], scale, zoomed);
  set_range (self, zoomed);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SdLandscapeCanvas        *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_hover_at (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          SdLandscapeCanvas        *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_hover_end (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);

  if (self->model != NULL)
    zoom_about_centre (self, KEY_ZOOM);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);

  if (self->model != NULL)
    zoom_about_centre (self, 1.0 / KEY_ZOOM);
}

/* The surface's own range and, in 3-D, the default camera. */
static void
reset_view_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  double range[4];

  if (self->model == NULL || _sd_landscape_canvas_get_surface (self) == NULL)
    return;

  sd_surface_get_default_range (_sd_landscape_canvas_get_surface (self), range, range + 2);
  set_range (self, range);
  if (_sd_landscape_canvas_get_view (self) == SD_VIEW_3D)
    set_angles (self, SD_SCENE_DEFAULT_AZIMUTH, SD_SCENE_DEFAULT_ELEVATION);
}

/* @parameter: (ii), the arrow's direction on screen. The map moves the
 * view a tenth of the range that way; the 3-D view turns the camera. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  const SdSceneSurface *surface;
  double range[4], sx, sy;
  int dx, dy;

  if (self->model == NULL)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  if (surface->view == SD_VIEW_3D)
    {
      set_angles (self, surface->azimuth + KEY_ROTATE * dx, surface->elevation - KEY_ROTATE * dy);
      return;
    }

  _sd_landscape_canvas_get_model_range (self, range);
  sx = KEY_PAN * dx * (range[1] - range[0]);
  sy = -KEY_PAN * dy * (range[3] - range[2]);
  range[0] += sx, range[1] += sx;
  range[2] += sy, range[3] += sy;
  set_range (self, range);
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           keyval,
             const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, NULL);
}

/* Arrows pan; on the Landscape page Left and Right step the playback, so
 * Shift with any arrow pans there too. */
static void
add_pan_binding (GtkWidgetClass *widget_class,
                 guint           keyval,
                 int             dx,
                 int             dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "canvas.pan", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK,
                                       "canvas.pan", "(ii)", dx, dy);
}

void
_sd_landscape_canvas_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.reset-view", NULL, reset_view_action);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(ii)", pan_action);

  add_binding (widget_class, GDK_KEY_plus, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_0, "canvas.reset-view");
  add_binding (widget_class, GDK_KEY_KP_0, "canvas.reset-view");
  add_pan_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_pan_binding (widget_class, GDK_KEY_KP_Left, -1, 0);
  add_pan_binding (widget_class, GDK_KEY_Right, 1, 0);
  add_pan_binding (widget_class, GDK_KEY_KP_Right, 1, 0);
  add_pan_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_pan_binding (widget_class, GDK_KEY_KP_Up, 0, -1);
  add_pan_binding (widget_class, GDK_KEY_Down, 0, 1);
  add_pan_binding (widget_class, GDK_KEY_KP_Down, 0, 1);
}

void
_sd_landscape_canvas_add_controllers (SdLandscapeCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *pinch;
  GtkEventController *scroll, *motion;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);
}
