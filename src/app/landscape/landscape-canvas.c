/* landscape-canvas.c: the Landscape page's figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "landscape-canvas-private.h"

/*
 * The canvas draws the landscape of its #SdLandscapeResults, which
 * compute it on workers from the model's scene (landscape-results-jobs.c);
 * it adds pan, zoom, hover and the start point to drag
 * (landscape-canvas-input.c).
 *
 * While a grid for a new range computes, the figure drawn for the old
 * range stays on screen, its plot area moved and scaled to where the new
 * range puts it. The figure is kept on an image by #SdFigureView, so that
 * the landscape's layer cache holds (it only caches on images) and
 * hovering repaints that image rather than the figure; the hover box and
 * the start point's grab ring are drawn over it, uncached.
 */

#define HOVER_OFFSET 16.0
#define HOVER_PADDING 8.0
#define HOVER_RADIUS 6.0

G_DEFINE_FINAL_TYPE (SdLandscapeCanvas, sd_landscape_canvas, SD_TYPE_FIGURE_VIEW)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_RESULTS,
  PROP_ITERATION,
  PROP_HOVER_TEXT,
  N_PROPS
};

enum {
  GRID_APPLIED,
  TRAJECTORIES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SdLandscape *
get_landscape (SdLandscapeCanvas *self)
{
  return self->results != NULL ? sd_landscape_results_get_landscape (self->results) : NULL;
}

void
_sd_landscape_canvas_get_model_range (SdLandscapeCanvas *self,
                                      double             range[4])
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));

  range[0] = surface->x_range[0];
  range[1] = surface->x_range[1];
  range[2] = surface->y_range[0];
  range[3] = surface->y_range[1];
}

SdSurfaceView
_sd_landscape_canvas_get_view (SdLandscapeCanvas *self)
{
  return self->model != NULL
         ? sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->view
         : SD_VIEW_MAP;
}

/* The surface the model describes now; the grid on screen may still be an
 * older surface's. */
SdSurface *
_sd_landscape_canvas_get_surface (SdLandscapeCanvas *self)
{
  return self->results != NULL ? sd_landscape_results_get_surface (self->results) : NULL;
}

/* How much larger than at scale 1 the canvas draws its marks. */
double
_sd_landscape_canvas_get_scale (SdLandscapeCanvas *self)
{
  return sd_figure_view_get_figure_scale (SD_FIGURE_VIEW (self));
}

void
_sd_landscape_canvas_set_hover_text (SdLandscapeCanvas *self,
                                     char              *text,
                                     char              *box_text)
{
  g_free (self->hover_box_text);
  self->hover_box_text = box_text;

  if (g_strcmp0 (self->hover_text, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->hover_text);
  self->hover_text = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_TEXT]);
}

/* Drawing */

/* Draws the figure; returns its plot in the map view, to map the pointer. */
static SdPlot *
draw_figure (SdLandscapeCanvas     *self,
             cairo_t               *cr,
             const SdFigureOptions *options)
{
  SdLandscape *landscape = get_landscape (self);

  if (landscape == NULL)
    {
      SdThemeStyle style;

      sd_theme_get_style (options->theme, options->scale, &style);
      sd_set_source_color (cr, style.background);
      cairo_paint (cr);
      return NULL;
    }

  if (sd_scene_get_surface (landscape->scene)->view == SD_VIEW_3D)
    {
      sd_landscape_draw_3d (landscape, cr, options);
      return NULL;
    }

  return sd_landscape_draw (landscape, cr, options);
}

/* The next grids' maps are drawn ahead at the size and pixel scale this
 * drawing has, when it has whole points. */
static void
remember_size (SdLandscapeCanvas     *self,
               cairo_t               *cr,
               const SdFigureOptions *options)
{
  double sx, sy;

  if (self->results == NULL || options->width != (int) options->width
      || options->height != (int) options->height)
    return;

  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  sd_landscape_results_set_prerender (self->results, options, (int) sx);
}

static void
sd_landscape_canvas_draw (SdFigureView          *view,
                          cairo_t               *cr,
                          const SdFigureOptions *options)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (view);
  SdLandscape *landscape = get_landscape (self);

  remember_size (self, cr, options);
  g_clear_pointer (&self->plot, sd_plot_free);
  self->plot = draw_figure (self, cr, options);

  self->figure_view = landscape != NULL ? sd_scene_get_surface (landscape->scene)->view
                                        : SD_VIEW_MAP;
  if (landscape != NULL)
    {
      const SdGrid *grid = landscape->grid;

      self->figure_range[0] = grid->xmin, self->figure_range[1] = grid->xmax;
      self->figure_range[2] = grid->ymin, self->figure_range[3] = grid->ymax;
    }
}

/* Whether the map on screen was drawn for another range than the model's,
 * whose grid is still computing. */
static gboolean
figure_is_stale (SdLandscapeCanvas *self,
                 double             range[4])
{
  if (self->model == NULL || self->plot == NULL || self->figure_view != SD_VIEW_MAP)
    return FALSE;

  _sd_landscape_canvas_get_model_range (self, range);
  return memcmp (range, self->figure_range, sizeof self->figure_range) != 0;
}

/* Paints the figure; a stale map's plot area goes where the model's range
 * puts it: what is known stays in place while the new grid computes. */
static void
sd_landscape_canvas_paint (SdFigureView    *view,
                           cairo_t         *cr,
                           cairo_surface_t *picture)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (view);
  const SdFigureOptions *options = sd_figure_view_get_drawn_options (view);
  const double *old = self->figure_range;
  cairo_rectangle_t area;
  SdThemeStyle style;
  double range[4], sx, sy;

  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_paint (cr);
  if (!figure_is_stale (self, range))
    return;

  sd_plot_get_area (self->plot, &area);
  if (area.width <= 0.0 || area.height <= 0.0)
    return;

  sx = (old[1] - old[0]) / (range[1] - range[0]);
  sy = (old[3] - old[2]) / (range[3] - range[2]);

  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  sd_theme_get_style (options->theme, options->scale, &style);
  sd_set_source_color (cr, style.background);
  cairo_paint (cr);

  /* x' = x0 + sx (x - x0) + shift, with y measured upwards from the
   * area's bottom edge. */
  cairo_translate (cr, area.x + (old[0] - range[0]) / (range[1] - range[0]) * area.width,
                   area.y + area.height
                   - (old[2] - range[2]) / (range[3] - range[2]) * area.height);
  cairo_scale (cr, sx, sy);
  cairo_translate (cr, -area.x, -(area.y + area.height));
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

gboolean
_sd_landscape_canvas_get_start (SdLandscapeCanvas *self,
                                double             start[2])
{
  const GPtrArray *runs;
  const SdSceneRun *run;

  if (self->model == NULL)
    return FALSE;

  runs = sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->runs;
  if (runs->len == 0)
    return FALSE;

  run = g_ptr_array_index (runs, 0);
  start[0] = run->start[0];
  start[1] = run->start[1];
  return TRUE;
}

static void
get_accent_color (SdLandscapeCanvas *self,
                  GdkRGBA           *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, "accent_color", color))
    gdk_rgba_parse (color, "#3584e4");
}

/* A ring around the start point says it can be dragged. */
static void
draw_start_ring (SdLandscapeCanvas *self,
                 cairo_t           *cr)
{
  double start[2], px, py;
  GdkRGBA accent;

  if (!(self->near_start || self->drag_mode == SD_DRAG_MOVE_START)
      || !_sd_landscape_canvas_get_start (self, start)
      || !sd_landscape_canvas_data_to_point (self, start[0], start[1], &px, &py))
    return;

  get_accent_color (self, &accent);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, px, py, SD_START_GRAB_RADIUS * _sd_landscape_canvas_get_scale (self), 0, 2 * G_PI);
  cairo_set_line_width (cr, 4.0 * _sd_landscape_canvas_get_scale (self));
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.0 * _sd_landscape_canvas_get_scale (self));
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_focus (SdLandscapeCanvas *self,
            cairo_t           *cr)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA accent;

  if (!gtk_widget_has_visible_focus (widget))
    return;

  get_accent_color (self, &accent);
  accent.alpha = 0.5;
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, 1.0, 1.0, gtk_widget_get_width (widget) - 2.0,
                   gtk_widget_get_height (widget) - 2.0);
  cairo_stroke (cr);
}

/* The readout beside the pointer, as an on-screen display: light text on
 * dark glass reads over every colour map in both styles. */
static void
snapshot_hover (SdLandscapeCanvas *self,
                GtkSnapshot       *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  PangoRectangle extents;
  GskRoundedRect box;
  double pad = HOVER_PADDING * _sd_landscape_canvas_get_scale (self);
  double w, h, x, y;

  if (!self->has_hover || self->hover_box_text == NULL || self->drag_mode != SD_DRAG_NONE)
    return;

  layout = gtk_widget_create_pango_layout (widget, self->hover_box_text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (_sd_landscape_canvas_get_scale (self)));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  w = extents.width + 2 * pad;
  h = extents.height + 2 * pad;
  x = self->pointer_x + HOVER_OFFSET;
  y = self->pointer_y + HOVER_OFFSET;
  if (x + w > gtk_widget_get_width (widget))
    x = self->pointer_x - HOVER_OFFSET - w;
  if (y + h > gtk_widget_get_height (widget))
    y = self->pointer_y - HOVER_OFFSET - h;
  x = MAX (x, 0.0);
  y = MAX (y, 0.0);

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, w, h),
                                   HOVER_RADIUS * _sd_landscape_canvas_get_scale (self));
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.0, 0.0, 0.0, 0.75 }, &box.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + pad - extents.x,
                                                          y + pad - extents.y));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 1.0, 1.0, 1.0, 1.0 });
  gtk_snapshot_restore (snapshot);
}


static void
sd_landscape_canvas_draw_overlay (SdFigureView *view,
                                  cairo_t      *cr)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (view);

  draw_start_ring (self, cr);
  draw_focus (self, cr);
}

static void
sd_landscape_canvas_snapshot_overlay (SdFigureView *view,
                                      GtkSnapshot  *snapshot)
{
  snapshot_hover (SD_LANDSCAPE_CANVAS (view), snapshot);
}

static void
sd_landscape_canvas_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Enough for the axes and a little map; the page gives it the rest. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* Mapping */

gboolean
_sd_landscape_canvas_get_area (SdLandscapeCanvas *self,
                               cairo_rectangle_t *area)
{
  if (self->model == NULL || self->plot == NULL || self->figure_view != SD_VIEW_MAP
      || _sd_landscape_canvas_get_view (self) != SD_VIEW_MAP)
    return FALSE;

  sd_plot_get_area (self->plot, area);
  return area->width > 0.0 && area->height > 0.0;
}

gboolean
_sd_landscape_canvas_in_area (const cairo_rectangle_t *area,
                             double                   px,
                             double                   py)
{
  return px >= area->x && px <= area->x + area->width
         && py >= area->y && py <= area->y + area->height;
}

/* The plot area as last drawn and the model's range it shows. */
typedef struct
{
  cairo_rectangle_t area;
  double            range[4];
} MapFrame;

static gboolean
get_map_frame (SdLandscapeCanvas *self,
               MapFrame          *frame)
{
  if (!_sd_landscape_canvas_get_area (self, &frame->area))
    return FALSE;

  _sd_landscape_canvas_get_model_range (self, frame->range);
  return TRUE;
}

static gboolean
can_pick_3d (SdLandscapeCanvas *self)
{
  return get_landscape (self) != NULL && sd_figure_view_get_picture (SD_FIGURE_VIEW (self)) != NULL
         && self->figure_view == SD_VIEW_3D
         && _sd_landscape_canvas_get_view (self) == SD_VIEW_3D;
}

/* The point of the surface drawn at (px, py) of the picture on screen. */
static gboolean
pick_3d (SdLandscapeCanvas *self,
         double             px,
         double             py,
         double            *x,
         double            *y)
{
  cairo_t *cr = cairo_create (sd_figure_view_get_picture (SD_FIGURE_VIEW (self)));
  gboolean hit;

  hit = sd_landscape_pick_3d (get_landscape (self), cr,
                              sd_figure_view_get_drawn_options (SD_FIGURE_VIEW (self)),
                              px, py, x, y);
  cairo_destroy (cr);
  return hit;
}

/* Where the picture on screen shows the point (x, y, f(x, y)). */
static gboolean
project_3d (SdLandscapeCanvas *self,
            double             x,
            double             y,
            double            *px,
            double            *py)
{
  SdLandscape *landscape = get_landscape (self);
  double z = sd_surface_eval (landscape->surface, x, y, NULL, NULL);
  cairo_t *cr = cairo_create (sd_figure_view_get_picture (SD_FIGURE_VIEW (self)));
  gboolean shown;

  shown = sd_landscape_project_3d (landscape, cr,
                                   sd_figure_view_get_drawn_options (SD_FIGURE_VIEW (self)),
                                   x, y, z, px, py);
  cairo_destroy (cr);
  return shown;
}

/**
 * sd_landscape_canvas_point_to_data:
 * @self: a #SdLandscapeCanvas
 * @px: a point of the widget
 * @py: a point of the widget
 * @x: (out): the surface's x there
 * @y: (out): the surface's y there
 *
 * In the map view, maps the plot area as last drawn onto the model's range
 * (which leads the grid while a new one computes, as the picture on screen
 * does); in the 3-D view, finds the point of the surface drawn there.
 *
 * Returns: whether (@px, @py) is over the plot area or the surface; @x and
 *   @y are NaN when the figure has not been drawn yet
 */
gboolean
sd_landscape_canvas_point_to_data (SdLandscapeCanvas *self,
                                   double             px,
                                   double             py,
                                   double            *x,
                                   double            *y)
{
  const cairo_rectangle_t *area;
  const double *range;
  MapFrame frame;

  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  *x = *y = NAN;
  if (can_pick_3d (self))
    return pick_3d (self, px, py, x, y);
  if (!get_map_frame (self, &frame))
    return FALSE;

  area = &frame.area;
  range = frame.range;
  *x = range[0] + (px - area->x) / area->width * (range[1] - range[0]);
  *y = range[2] + (area->y + area->height - py) / area->height * (range[3] - range[2]);
  return _sd_landscape_canvas_in_area (area, px, py);
}

/**
 * sd_landscape_canvas_data_to_point:
 * @self: a #SdLandscapeCanvas
 * @x: a point of the surface's plane
 * @y: a point of the surface's plane
 * @px: (out): where the widget shows it
 * @py: (out): where the widget shows it
 *
 * The inverse of sd_landscape_canvas_point_to_data(); in the 3-D view,
 * the point (@x, @y, f(@x, @y)).
 *
 * Returns: whether the point is shown (inside the plot area, or in the
 *   3-D view's box); @px and @py are NaN when the figure has not been
 *   drawn yet
 */
gboolean
sd_landscape_canvas_data_to_point (SdLandscapeCanvas *self,
                                   double             x,
                                   double             y,
                                   double            *px,
                                   double            *py)
{
  const cairo_rectangle_t *area;
  const double *range;
  MapFrame frame;

  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);
  g_return_val_if_fail (px != NULL && py != NULL, FALSE);

  *px = *py = NAN;
  if (can_pick_3d (self))
    return project_3d (self, x, y, px, py);
  if (!get_map_frame (self, &frame))
    return FALSE;

  area = &frame.area;
  range = frame.range;
  *px = area->x + (x - range[0]) / (range[1] - range[0]) * area->width;
  *py = area->y + area->height - (y - range[2]) / (range[3] - range[2]) * area->height;
  return _sd_landscape_canvas_in_area (area, *px, *py);
}


/* The results */

static void
on_results_updated (SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  sd_figure_view_invalidate (SD_FIGURE_VIEW (self));
  _sd_landscape_canvas_update_hover (self);
}

static void
on_grid_applied (SdLandscapeCanvas *self,
                 guint              resolution)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  g_signal_emit (self, signals[GRID_APPLIED], 0, resolution);
}

static void
on_trajectories_changed (SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  g_signal_emit (self, signals[TRAJECTORIES_CHANGED], 0);
}

static void
on_busy_changed (SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  sd_figure_view_set_busy (SD_FIGURE_VIEW (self),
                           self->results != NULL && sd_landscape_results_get_busy (self->results));
}

static void
on_iteration_changed (SdLandscapeCanvas *self)
{
  g_assert (SD_IS_LANDSCAPE_CANVAS (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
}

/* GObject */

static void
sd_landscape_canvas_dispose (GObject *object)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  g_clear_object (&self->results_signals);
  g_clear_object (&self->results);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sd_landscape_canvas_parent_class)->dispose (object);
}

static void
sd_landscape_canvas_finalize (GObject *object)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  g_clear_pointer (&self->plot, sd_plot_free);
  g_clear_pointer (&self->hover_text, g_free);
  g_clear_pointer (&self->hover_box_text, g_free);

  G_OBJECT_CLASS (sd_landscape_canvas_parent_class)->finalize (object);
}

static void
sd_landscape_canvas_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    case PROP_ITERATION:
      g_value_set_uint (value, sd_landscape_canvas_get_iteration (self));
      break;
    case PROP_HOVER_TEXT:
      g_value_set_string (value, self->hover_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_landscape_canvas_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sd_landscape_canvas_set_model (self, g_value_get_object (value));
      break;
    case PROP_RESULTS:
      sd_landscape_canvas_set_results (self, g_value_get_object (value));
      break;
    case PROP_ITERATION:
      sd_landscape_canvas_set_iteration (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_landscape_canvas_class_init (SdLandscapeCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdFigureViewClass *view_class = SD_FIGURE_VIEW_CLASS (klass);

  object_class->dispose = sd_landscape_canvas_dispose;
  object_class->finalize = sd_landscape_canvas_finalize;
  object_class->get_property = sd_landscape_canvas_get_property;
  object_class->set_property = sd_landscape_canvas_set_property;

  widget_class->measure = sd_landscape_canvas_measure;

  view_class->draw = sd_landscape_canvas_draw;
  view_class->paint = sd_landscape_canvas_paint;
  view_class->draw_overlay = sd_landscape_canvas_draw_overlay;
  view_class->snapshot_overlay = sd_landscape_canvas_snapshot_overlay;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SD_TYPE_LANDSCAPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:results:
   *
   * What the canvas draws, shared with the page's other views.
   */
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, SD_TYPE_LANDSCAPE_RESULTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:iteration:
   *
   * The runs are drawn up to this iteration (playback and scrubbing set
   * it), the results' #SdLandscapeResults:iteration.
   */
  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, SD_LANDSCAPE_CANVAS_ALL_ITERATIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:hover-text:
   *
   * x, y, f and ∇f at the pointer, on one line for a status area; %NULL
   * when the pointer is not over the surface.
   */
  properties[PROP_HOVER_TEXT] =
    g_param_spec_string ("hover-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdLandscapeCanvas::grid-applied:
   * @canvas: the canvas
   * @resolution: the grid's points per side
   *
   * A newly computed grid is on screen: the coarse one, then the full one.
   */
  signals[GRID_APPLIED] =
    g_signal_new ("grid-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SdLandscapeCanvas::trajectories-changed:
   * @canvas: the canvas
   *
   * Newly computed trajectories replaced the previous ones, one per run
   * they were computed for; those returned by
   * sd_landscape_canvas_get_trajectory() before are gone.
   */
  signals[TRAJECTORIES_CHANGED] =
    g_signal_new ("trajectories-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _sd_landscape_canvas_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "landscape-canvas");
}

static void
sd_landscape_canvas_init (SdLandscapeCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->results_signals = g_signal_group_new (SD_TYPE_LANDSCAPE_RESULTS);
  g_signal_group_connect_swapped (self->results_signals, "updated",
                                  G_CALLBACK (on_results_updated), self);
  g_signal_group_connect_swapped (self->results_signals, "grid-applied",
                                  G_CALLBACK (on_grid_applied), self);
  g_signal_group_connect_swapped (self->results_signals, "trajectories-changed",
                                  G_CALLBACK (on_trajectories_changed), self);
  g_signal_group_connect_swapped (self->results_signals, "notify::busy",
                                  G_CALLBACK (on_busy_changed), self);
  g_signal_group_connect_swapped (self->results_signals, "notify::iteration",
                                  G_CALLBACK (on_iteration_changed), self);

  _sd_landscape_canvas_add_controllers (self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loss landscape"), -1);
}

/* Public API */

/**
 * sd_landscape_canvas_new:
 * @model: (nullable): the scene to show
 *
 * A canvas given a model computes its own results; a page shares one
 * #SdLandscapeResults between its views with sd_landscape_canvas_set_results().
 *
 * Returns: (transfer floating): a new canvas
 */
GtkWidget *
sd_landscape_canvas_new (SdLandscapeModel *model)
{
  g_return_val_if_fail (model == NULL || SD_IS_LANDSCAPE_MODEL (model), NULL);

  return g_object_new (SD_TYPE_LANDSCAPE_CANVAS, "model", model, NULL);
}

/**
 * sd_landscape_canvas_get_model:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: (transfer none) (nullable): the model shown
 */
SdLandscapeModel *
sd_landscape_canvas_get_model (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->model;
}

/**
 * sd_landscape_canvas_set_model:
 * @self: a #SdLandscapeCanvas
 * @model: (nullable): the scene to show
 *
 * Starts computing everything the new model's scene shows, in results of
 * the canvas's own; what was shown stays on screen until it is ready.
 */
void
sd_landscape_canvas_set_model (SdLandscapeCanvas *self,
                               SdLandscapeModel  *model)
{
  g_autoptr(SdLandscapeResults) results = NULL;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (model == NULL || SD_IS_LANDSCAPE_MODEL (model));

  if (self->model == model)
    return;

  if (model != NULL)
    results = sd_landscape_results_new (model);
  sd_landscape_canvas_set_results (self, results);
}

/**
 * sd_landscape_canvas_get_results:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: (transfer none) (nullable): what the canvas draws
 */
SdLandscapeResults *
sd_landscape_canvas_get_results (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->results;
}

/**
 * sd_landscape_canvas_set_results:
 * @self: a #SdLandscapeCanvas
 * @results: (nullable): what to draw, and the model it follows
 */
void
sd_landscape_canvas_set_results (SdLandscapeCanvas  *self,
                                 SdLandscapeResults *results)
{
  SdLandscapeModel *model;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (results == NULL || SD_IS_LANDSCAPE_RESULTS (results));

  if (!g_set_object (&self->results, results))
    return;

  model = results != NULL ? sd_landscape_results_get_model (results) : NULL;
  g_set_object (&self->model, model);
  g_signal_group_set_target (self->results_signals, results);

  on_busy_changed (self);
  on_results_updated (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * sd_landscape_canvas_get_iteration:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: the last iteration drawn, or %SD_LANDSCAPE_CANVAS_ALL_ITERATIONS
 */
guint
sd_landscape_canvas_get_iteration (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), SD_LANDSCAPE_CANVAS_ALL_ITERATIONS);

  return self->results != NULL ? sd_landscape_results_get_iteration (self->results)
                               : SD_LANDSCAPE_CANVAS_ALL_ITERATIONS;
}

/**
 * sd_landscape_canvas_set_iteration:
 * @self: a #SdLandscapeCanvas
 * @iteration: the last iteration to draw, or
 *   %SD_LANDSCAPE_CANVAS_ALL_ITERATIONS
 *
 * Only the runs are drawn again; the heatmap and the contours come from
 * the landscape's cache.
 */
void
sd_landscape_canvas_set_iteration (SdLandscapeCanvas *self,
                                   guint              iteration)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  if (self->results != NULL)
    sd_landscape_results_set_iteration (self->results, iteration);
}

/**
 * sd_landscape_canvas_is_busy:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: whether the grid or the trajectories for the model's latest
 *   state are still being computed
 */
gboolean
sd_landscape_canvas_is_busy (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);

  return sd_figure_view_get_busy (SD_FIGURE_VIEW (self));
}

/**
 * sd_landscape_canvas_get_landscape:
 * @self: a #SdLandscapeCanvas
 *
 * What is on screen: while the canvas is busy, the grid may be coarse or
 * for an earlier range, and the trajectories for earlier runs.
 *
 * Returns: (transfer none) (nullable): the landscape drawn, %NULL before
 *   the first grid
 */
const SdLandscape *
sd_landscape_canvas_get_landscape (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return get_landscape (self);
}

/**
 * sd_landscape_canvas_get_n_trajectories:
 * @self: a #SdLandscapeCanvas
 *
 * See sd_landscape_results_get_n_trajectories().
 *
 * Returns: the number of trajectories
 */
guint
sd_landscape_canvas_get_n_trajectories (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), 0);

  return self->results != NULL ? sd_landscape_results_get_n_trajectories (self->results) : 0;
}

/**
 * sd_landscape_canvas_get_trajectory:
 * @self: a #SdLandscapeCanvas
 * @index: a run, below sd_landscape_canvas_get_n_trajectories()
 *
 * See sd_landscape_results_get_trajectory().
 *
 * Returns: (transfer none) (nullable): the run's path, %NULL if @index is
 *   out of range
 */
const SdTrajectory *
sd_landscape_canvas_get_trajectory (SdLandscapeCanvas *self,
                                    guint              index)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->results != NULL ? sd_landscape_results_get_trajectory (self->results, index)
                               : NULL;
}

/**
 * sd_landscape_canvas_get_hover_text:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: (nullable): x, y, f and ∇f at the pointer, on one line, or
 *   %NULL when the pointer is not over the surface
 */
const char *
sd_landscape_canvas_get_hover_text (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->hover_text;
}

/**
 * sd_landscape_canvas_get_hover:
 * @self: a #SdLandscapeCanvas
 * @point: (out caller-allocates) (optional) (array fixed-size=2): the
 *   point under the pointer
 * @value: (out) (optional): f there
 * @gradient: (out caller-allocates) (optional) (array fixed-size=2): ∇f
 *   there
 *
 * The numbers #SdLandscapeCanvas:hover-text shows, unrounded.
 *
 * Returns: whether the pointer is over the surface
 */
gboolean
sd_landscape_canvas_get_hover (SdLandscapeCanvas *self,
                               double             point[2],
                               double            *value,
                               double             gradient[2])
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);

  if (!self->has_hover)
    return FALSE;

  if (point != NULL)
    memcpy (point, self->hover_point, sizeof self->hover_point);
  if (value != NULL)
    *value = self->hover_value;
  if (gradient != NULL)
    memcpy (gradient, self->hover_gradient, sizeof self->hover_gradient);
  return TRUE;
}


/**
 * sd_landscape_canvas_render:
 * @self: a #SdLandscapeCanvas
 * @cr: a cairo context of any kind
 * @width: the figure's width in points
 * @height: the figure's height in points
 *
 * Draws what the canvas shows, without the pointer's readout, as its
 * snapshot does: the current landscape in the map or 3-D view, with the
 * style, colour map and presentation scale the widget uses. The widget's
 * own figure and pointer mapping are left alone, but the landscape keeps
 * one cached backdrop: drawing at another size than the widget's makes
 * its next frame draw the heatmap and contours again. Like a frame, this
 * sets the size at which the next grids' maps are drawn ahead on their
 * worker.
 */
void
sd_landscape_canvas_render (SdLandscapeCanvas *self,
                            cairo_t           *cr,
                            double             width,
                            double             height)
{
  SdFigureOptions options;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (cr != NULL);

  if (!(width > 0.0 && height > 0.0))
    return;

  sd_figure_view_get_options (SD_FIGURE_VIEW (self), width, height, &options);
  remember_size (self, cr, &options);
  sd_plot_free (draw_figure (self, cr, &options));
}
