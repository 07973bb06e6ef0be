/* landscape-canvas.c: the Landscape page's figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "application.h"
#include "landscape-canvas-private.h"
#include "window.h"

/*
 * How the canvas assembles the landscape it draws from a grid and
 * trajectories computed on workers is told in landscape-canvas-jobs.c.
 *
 * While a grid for a new range computes, the figure drawn for the old
 * range stays on screen, its plot area moved and scaled to where the new
 * range puts it. The figure is rendered on an image so that the
 * landscape's layer cache holds (it only caches on images) and hovering
 * repaints that image rather than the figure; the hover box and the start
 * point's grab ring are drawn over it, uncached.
 */

#define HOVER_OFFSET 16.0
#define HOVER_PADDING 8.0
#define HOVER_RADIUS 6.0

G_DEFINE_FINAL_TYPE (SdLandscapeCanvas, sd_landscape_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ITERATION,
  PROP_BUSY,
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

void
sd_landscape_canvas_get_model_range (SdLandscapeCanvas *self,
                                     double             range[4])
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));

  range[0] = surface->x_range[0];
  range[1] = surface->x_range[1];
  range[2] = surface->y_range[0];
  range[3] = surface->y_range[1];
}

SdSurfaceView
sd_landscape_canvas_get_view (SdLandscapeCanvas *self)
{
  return self->model != NULL ? sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->view
                             : SD_VIEW_MAP;
}

void
sd_landscape_canvas_update_busy (SdLandscapeCanvas *self)
{
  gboolean busy = self->grid_pending || self->runs_pending;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
sd_landscape_canvas_set_hover_text (SdLandscapeCanvas *self,
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

void
sd_landscape_canvas_invalidate_figure (SdLandscapeCanvas *self)
{
  self->figure_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sd_landscape_canvas_emit_grid_applied (SdLandscapeCanvas *self,
                                       guint              resolution)
{
  g_signal_emit (self, signals[GRID_APPLIED], 0, resolution);
}

void
sd_landscape_canvas_emit_trajectories_changed (SdLandscapeCanvas *self)
{
  g_signal_emit (self, signals[TRAJECTORIES_CHANGED], 0);
}

/* The model */

/* Sets the step the runs are drawn to: the canvas's iteration, or the
 * scene's own `step` when the canvas shows all iterations. */
static void
apply_iteration (SdLandscapeCanvas *self,
                 SdScene           *scene)
{
  const SdScene *model_scene = sd_landscape_model_get_scene (self->model);

  if (self->iteration == SD_LANDSCAPE_CANVAS_ALL_ITERATIONS)
    {
      scene->has_step = model_scene->has_step;
      scene->step = model_scene->step;
    }
  else
    {
      scene->has_step = TRUE;
      scene->step = self->iteration;
    }
}

/* The drawn scene follows the model's, except that its runs stay those
 * the trajectories were computed for while new ones are on the way and
 * their number differs (a run added or removed). */
void
sd_landscape_canvas_refresh_draw_scene (SdLandscapeCanvas *self)
{
  const SdScene *scene;
  const GPtrArray *runs;
  SdScene *copy;

  if (self->model == NULL)
    return;

  scene = sd_landscape_model_get_scene (self->model);
  runs = sd_scene_get_surface (scene)->runs->len == self->trajectories->len ? sd_scene_get_surface (scene)->runs : self->runs;
  copy = sd_landscape_canvas_copy_scene (scene, runs);
  apply_iteration (self, copy);
  g_assert (sd_scene_get_surface (copy)->runs->len == self->trajectories->len);

  if (self->landscape != NULL)
    self->landscape->scene = copy;
  g_clear_pointer (&self->draw_scene, sd_scene_free);
  self->draw_scene = copy;
}

static char *
surface_key (const SdSceneSurface *surface)
{
  char noise[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (noise, sizeof noise, surface->params.noise);
  return g_strdup_printf ("%s\n%s\n%u\n%s\n%u", surface->function,
                          surface->expression != NULL ? surface->expression : "",
                          surface->params.dataset_size, noise, surface->params.seed);
}

/* Makes the surface again when the function or its data changed.
 * Returns: whether it did */
static gboolean
update_surface (SdLandscapeCanvas *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autofree char *key = surface_key (sd_scene_get_surface (scene));
  g_autoptr(GError) error = NULL;
  SdSurface *surface;

  if (g_strcmp0 (key, self->surface_key) == 0)
    return FALSE;

  surface = sd_scene_create_surface (scene, &error);
  if (surface == NULL)
    {
      g_warning ("Could not create the surface: %s", error->message);
      return FALSE;
    }

  g_clear_pointer (&self->surface, sd_surface_unref);
  self->surface = surface;
  g_free (self->surface_key);
  self->surface_key = g_steal_pointer (&key);
  /* A new surface may cost much more per step than the last. */
  self->ns_per_step = 0.0;
  return TRUE;
}

static void
on_model_changed (SdLandscapeCanvas *self,
                  guint              changes,
                  SdLandscapeModel  *model)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (model));
  gboolean new_surface = update_surface (self);

  /* Contour levels and the colour scale are computed with the grid. */
  if ((changes & SD_LANDSCAPE_CHANGE_SURFACE) || new_surface
      || surface->log_scale != self->grid_log_scale || surface->contours != self->grid_contours)
    sd_landscape_canvas_request_grid (self);

  if ((changes & SD_LANDSCAPE_CHANGE_RUNS) || new_surface)
    sd_landscape_canvas_request_trajectories (self);

  sd_landscape_canvas_refresh_draw_scene (self);
  sd_landscape_canvas_invalidate_figure (self);
  sd_landscape_canvas_update_hover (self);
}

/* Options and drawing */

static double
get_presentation_scale (SdLandscapeCanvas *self)
{
  if (self->window == NULL || !sd_window_get_presentation_mode (self->window))
    return 1.0;

  return self->settings != NULL ? g_settings_get_double (self->settings, "presentation-scale")
                                : 1.5;
}

void
sd_landscape_canvas_get_options (SdLandscapeCanvas *self,
                                 double             width,
                                 double             height,
                                 SdFigureOptions   *options)
{
  sd_figure_options_init (options);
  options->width = width;
  options->height = height;
  options->theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                   ? SD_THEME_DARK : SD_THEME_LIGHT;
  options->scale = get_presentation_scale (self);
  if (self->settings != NULL)
    {
      int colormap = g_settings_get_enum (self->settings, "color-map");

      if (colormap >= 0 && colormap < SD_N_COLORMAPS)
        options->colormap = (SdColormap) colormap;
    }
}

/* Draws the figure; returns its plot in the map view, to map the pointer. */
static SdPlot *
draw_figure (SdLandscapeCanvas     *self,
             cairo_t               *cr,
             const SdFigureOptions *options)
{
  if (self->landscape == NULL)
    {
      SdThemeStyle style;

      sd_theme_get_style (options->theme, options->scale, &style);
      sd_set_source_color (cr, style.background);
      cairo_paint (cr);
      return NULL;
    }

  if (sd_scene_get_surface (self->draw_scene)->view == SD_VIEW_3D)
    {
      sd_landscape_draw_3d (self->landscape, cr, options);
      return NULL;
    }

  return sd_landscape_draw (self->landscape, cr, options);
}

static void
remember_size (SdLandscapeCanvas *self,
               int                width,
               int                height,
               int                scale)
{
  self->drawn_width = width;
  self->drawn_height = height;
  self->drawn_scale = MAX (scale, 1);
}

static void
ensure_figure (SdLandscapeCanvas *self,
               int                width,
               int                height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  if (self->figure_valid && self->figure != NULL && self->figure_scale == scale
      && self->options.width == width && self->options.height == height)
    return;

  /* A new image each time: the last frame's render node may still hold
   * the previous one. */
  g_clear_pointer (&self->figure, cairo_surface_destroy);
  self->figure = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->figure, scale, scale);
  self->figure_scale = scale;

  sd_landscape_canvas_get_options (self, width, height, &self->options);
  remember_size (self, width, height, scale);
  cr = cairo_create (self->figure);
  g_clear_pointer (&self->plot, sd_plot_free);
  self->plot = draw_figure (self, cr, &self->options);
  cairo_destroy (cr);

  self->figure_view = self->draw_scene != NULL ? sd_scene_get_surface (self->draw_scene)->view : SD_VIEW_MAP;
  if (self->landscape != NULL)
    {
      const SdGrid *grid = self->landscape->grid;

      self->figure_range[0] = grid->xmin, self->figure_range[1] = grid->xmax;
      self->figure_range[2] = grid->ymin, self->figure_range[3] = grid->ymax;
    }
  self->figure_valid = TRUE;
}

/* Whether the map on screen was drawn for another range than the model's,
 * whose grid is still computing. */
static gboolean
figure_is_stale (SdLandscapeCanvas *self,
                 double             range[4])
{
  if (self->model == NULL || self->plot == NULL || self->figure_view != SD_VIEW_MAP)
    return FALSE;

  sd_landscape_canvas_get_model_range (self, range);
  return memcmp (range, self->figure_range, sizeof self->figure_range) != 0;
}

/* Paints the figure; a stale map's plot area goes where the model's range
 * puts it: what is known stays in place while the new grid computes. */
static void
paint_figure (SdLandscapeCanvas *self,
              cairo_t           *cr)
{
  const double *old = self->figure_range;
  cairo_rectangle_t area;
  SdThemeStyle style;
  double range[4], sx, sy;

  cairo_set_source_surface (cr, self->figure, 0, 0);
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
  sd_theme_get_style (self->options.theme, self->options.scale, &style);
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
  cairo_set_source_surface (cr, self->figure, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

gboolean
sd_landscape_canvas_get_start (SdLandscapeCanvas *self,
                               double             start[2])
{
  const SdScene *scene;
  const SdSceneRun *run;

  if (self->model == NULL)
    return FALSE;

  scene = sd_landscape_model_get_scene (self->model);
  if (sd_scene_get_surface (scene)->runs->len == 0)
    return FALSE;

  run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0);
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

  if (!(self->near_start || self->drag_mode == DRAG_MOVE_START)
      || !sd_landscape_canvas_get_start (self, start)
      || !sd_landscape_canvas_data_to_point (self, start[0], start[1], &px, &py))
    return;

  get_accent_color (self, &accent);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, px, py, START_GRAB_RADIUS * self->options.scale, 0, 2 * G_PI);
  cairo_set_line_width (cr, 4.0 * self->options.scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.0 * self->options.scale);
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
  double pad = HOVER_PADDING * self->options.scale;
  double w, h, x, y;

  if (!self->has_hover || self->hover_box_text == NULL || self->drag_mode != DRAG_NONE)
    return;

  layout = gtk_widget_create_pango_layout (widget, self->hover_box_text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (self->options.scale));
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
                                   HOVER_RADIUS * self->options.scale);
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
sd_landscape_canvas_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_figure (self, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paint_figure (self, cr);
  draw_start_ring (self, cr);
  draw_focus (self, cr);
  cairo_destroy (cr);

  snapshot_hover (self, snapshot);
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
sd_landscape_canvas_get_area (SdLandscapeCanvas *self,
                              cairo_rectangle_t *area)
{
  if (self->model == NULL || self->plot == NULL || self->figure_view != SD_VIEW_MAP
      || sd_landscape_canvas_get_view (self) != SD_VIEW_MAP)
    return FALSE;

  sd_plot_get_area (self->plot, area);
  return area->width > 0.0 && area->height > 0.0;
}

gboolean
sd_landscape_canvas_in_area (const cairo_rectangle_t *area,
                             double                   px,
                             double                   py)
{
  return px >= area->x && px <= area->x + area->width
         && py >= area->y && py <= area->y + area->height;
}

static void
area_to_data (const cairo_rectangle_t *area,
              const double             range[4],
              double                   px,
              double                   py,
              double                  *x,
              double                  *y)
{
  *x = range[0] + (px - area->x) / area->width * (range[1] - range[0]);
  *y = range[2] + (area->y + area->height - py) / area->height * (range[3] - range[2]);
}

static gboolean
can_pick_3d (SdLandscapeCanvas *self)
{
  return self->landscape != NULL && self->figure != NULL && self->figure_view == SD_VIEW_3D
         && sd_landscape_canvas_get_view (self) == SD_VIEW_3D;
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
  cairo_rectangle_t area;
  double range[4];

  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  *x = *y = NAN;
  if (can_pick_3d (self))
    {
      cairo_t *cr = cairo_create (self->figure);
      gboolean hit;

      hit = sd_landscape_pick_3d (self->landscape, cr, &self->options, px, py, x, y);
      cairo_destroy (cr);
      return hit;
    }

  if (!sd_landscape_canvas_get_area (self, &area))
    return FALSE;

  sd_landscape_canvas_get_model_range (self, range);
  area_to_data (&area, range, px, py, x, y);
  return sd_landscape_canvas_in_area (&area, px, py);
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
  cairo_rectangle_t area;
  double range[4];

  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);
  g_return_val_if_fail (px != NULL && py != NULL, FALSE);

  *px = *py = NAN;
  if (can_pick_3d (self))
    {
      double z = sd_surface_eval (self->landscape->surface, x, y, NULL, NULL);
      cairo_t *cr = cairo_create (self->figure);
      gboolean shown;

      shown = sd_landscape_project_3d (self->landscape, cr, &self->options, x, y, z, px, py);
      cairo_destroy (cr);
      return shown;
    }

  if (!sd_landscape_canvas_get_area (self, &area))
    return FALSE;

  sd_landscape_canvas_get_model_range (self, range);
  *px = area.x + (x - range[0]) / (range[1] - range[0]) * area.width;
  *py = area.y + area.height - (y - range[2]) / (range[3] - range[2]) * area.height;
  return sd_landscape_canvas_in_area (&area, *px, *py);
}

/* Settings, style and presentation mode */

static void
on_setting_changed (GSettings         *settings,
                    const char        *key,
                    SdLandscapeCanvas *self)
{
  sd_landscape_canvas_invalidate_figure (self);
}

static void
on_style_changed (AdwStyleManager   *manager,
                  GParamSpec        *pspec,
                  SdLandscapeCanvas *self)
{
  sd_landscape_canvas_invalidate_figure (self);
}

static void
on_presentation_changed (SdWindow          *window,
                         GParamSpec        *pspec,
                         SdLandscapeCanvas *self)
{
  sd_landscape_canvas_invalidate_figure (self);
}

/* The application's settings; outside it (tests, benchmarks) the same
 * schema if it is installed, else none and the schema's defaults. */
static GSettings *
lookup_settings (void)
{
  GApplication *application = g_application_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (SD_IS_APPLICATION (application)
      && sd_application_get_settings (SD_APPLICATION (application)) != NULL)
    return g_object_ref (sd_application_get_settings (SD_APPLICATION (application)));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
sd_landscape_canvas_root (GtkWidget *widget)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (sd_landscape_canvas_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (SD_IS_WINDOW (root))
    {
      self->window = SD_WINDOW (root);
      self->presentation_id = g_signal_connect (root, "notify::presentation-mode",
                                                G_CALLBACK (on_presentation_changed), self);
    }
  sd_landscape_canvas_invalidate_figure (self);
}

static void
sd_landscape_canvas_unroot (GtkWidget *widget)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->presentation_id, self->window);
  self->window = NULL;

  GTK_WIDGET_CLASS (sd_landscape_canvas_parent_class)->unroot (widget);
}

/* GObject */

static void
sd_landscape_canvas_dispose (GObject *object)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  /* Workers still under way see the cancellation; their results find
   * the weak reference empty or the cancellable replaced. */
  g_cancellable_cancel (self->grid_cancellable);
  g_clear_object (&self->grid_cancellable);
  g_cancellable_cancel (self->runs_cancellable);
  g_clear_object (&self->runs_cancellable);
  g_clear_handle_id (&self->grid_timeout_id, g_source_remove);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_landscape_canvas_parent_class)->dispose (object);
}

static void
sd_landscape_canvas_finalize (GObject *object)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  /* The landscape points to the drawn scene: free it first. */
  g_clear_pointer (&self->landscape, sd_landscape_free);
  g_clear_pointer (&self->draw_scene, sd_scene_free);
  g_clear_pointer (&self->trajectories, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->surface, sd_surface_unref);
  g_clear_pointer (&self->surface_key, g_free);
  g_clear_pointer (&self->figure, cairo_surface_destroy);
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
    case PROP_ITERATION:
      g_value_set_uint (value, self->iteration);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
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

  object_class->dispose = sd_landscape_canvas_dispose;
  object_class->finalize = sd_landscape_canvas_finalize;
  object_class->get_property = sd_landscape_canvas_get_property;
  object_class->set_property = sd_landscape_canvas_set_property;

  widget_class->snapshot = sd_landscape_canvas_snapshot;
  widget_class->measure = sd_landscape_canvas_measure;
  widget_class->root = sd_landscape_canvas_root;
  widget_class->unroot = sd_landscape_canvas_unroot;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SD_TYPE_LANDSCAPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:iteration:
   *
   * The runs are drawn up to this iteration (playback and scrubbing set
   * it); %SD_LANDSCAPE_CANVAS_ALL_ITERATIONS draws them whole, or to the
   * scene's own `step`.
   */
  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, SD_LANDSCAPE_CANVAS_ALL_ITERATIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:busy:
   *
   * Whether a grid or trajectories are being computed for the model's
   * latest state.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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

  sd_landscape_canvas_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "landscape-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sd_landscape_canvas_init (SdLandscapeCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->iteration = SD_LANDSCAPE_CANVAS_ALL_ITERATIONS;
  self->trajectories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_trajectory_free);
  self->runs = sd_landscape_canvas_copy_runs (NULL);
  self->grid_cancellable = g_cancellable_new ();
  self->runs_cancellable = g_cancellable_new ();
  /* Far in the past: the first grid request is not part of a burst. */
  self->last_grid_request = G_MININT64 / 2;

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-map",
                               G_CALLBACK (on_setting_changed), self, 0);
      g_signal_connect_object (self->settings, "changed::presentation-scale",
                               G_CALLBACK (on_setting_changed), self, 0);
    }
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, 0);

  sd_landscape_canvas_add_controllers (self);

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
 * Starts computing everything the new model's scene shows; what was shown
 * stays on screen until it is ready.
 */
void
sd_landscape_canvas_set_model (SdLandscapeCanvas *self,
                               SdLandscapeModel  *model)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (model == NULL || SD_IS_LANDSCAPE_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);
  g_clear_pointer (&self->surface_key, g_free);

  if (model != NULL)
    {
      self->changed_id = g_signal_connect_swapped (model, "changed",
                                                   G_CALLBACK (on_model_changed), self);
      on_model_changed (self, SD_LANDSCAPE_CHANGE_SURFACE | SD_LANDSCAPE_CHANGE_RUNS
                              | SD_LANDSCAPE_CHANGE_DISPLAY, model);
    }
  else
    {
      g_cancellable_cancel (self->grid_cancellable);
      g_cancellable_cancel (self->runs_cancellable);
      g_clear_handle_id (&self->grid_timeout_id, g_source_remove);
      g_clear_pointer (&self->landscape, sd_landscape_free);
      self->grid_pending = self->runs_pending = FALSE;
      self->coarse_pending = self->full_due = FALSE;
      sd_landscape_canvas_update_busy (self);
      sd_landscape_canvas_update_hover (self);
      sd_landscape_canvas_invalidate_figure (self);
    }

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

  return self->iteration;
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

  if (self->iteration == iteration)
    return;

  self->iteration = iteration;
  if (self->draw_scene != NULL && self->model != NULL)
    apply_iteration (self, self->draw_scene);
  sd_landscape_canvas_invalidate_figure (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
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

  return self->busy;
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

  return self->landscape;
}

/**
 * sd_landscape_canvas_get_n_trajectories:
 * @self: a #SdLandscapeCanvas
 *
 * The number of runs the current trajectories were computed for. It
 * differs from the model's number of runs while trajectories for added or
 * removed runs are still being computed.
 *
 * Returns: the number of trajectories
 */
guint
sd_landscape_canvas_get_n_trajectories (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), 0);

  /* Disposing drops the trajectories. */
  return self->trajectories != NULL ? self->trajectories->len : 0;
}

/**
 * sd_landscape_canvas_get_trajectory:
 * @self: a #SdLandscapeCanvas
 * @index: a run, below sd_landscape_canvas_get_n_trajectories()
 *
 * The path of a run as last computed: while the canvas is busy, it may be
 * for the run's earlier settings. It stays valid until the next
 * #SdLandscapeCanvas::trajectories-changed emission.
 *
 * Returns: (transfer none) (nullable): the run's path, %NULL if @index is
 *   out of range
 */
const SdTrajectory *
sd_landscape_canvas_get_trajectory (SdLandscapeCanvas *self,
                                    guint              index)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  if (index >= sd_landscape_canvas_get_n_trajectories (self))
    return NULL;

  return g_ptr_array_index (self->trajectories, index);
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

  sd_landscape_canvas_get_options (self, width, height, &options);
  sd_plot_free (draw_figure (self, cr, &options));
  if (width == (int) width && height == (int) height)
    {
      double sx, sy;

      cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
      remember_size (self, (int) width, (int) height, (int) sx);
    }
}
