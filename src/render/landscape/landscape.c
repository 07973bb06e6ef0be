/* landscape.c: the map view of a loss surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "contour-layer.h"
#include "gradient-field.h"
#include "heatmap.h"
#include "landscape.h"
#include "layer-cache.h"
#include "legend.h"
#include "overlay.h"
#include "run-color.h"
#include "trajectory-layer.h"
#include "undefined-layer.h"

/* A logarithmic colour scale spans at most this many decades below the
 * largest value: a surface whose grid grazes its minimum (1e-300 at a
 * point beside it) would otherwise spend all colours on values no one
 * reads. Smaller values take the bottom colour. */
/* The iterates of a run the legend weighs, at most. */
#define LEGEND_POINTS_PER_RUN 2000
#define MAX_LOG_DECADES 12.0

struct _SdLandscapeCache
{
  /* The values colours and contour levels span, fixed by sd_landscape_new(),
   * and whether the scene asked for a log scale that f < 0 in view
   * refused. */
  gboolean         has_range;
  SdScale          scale;
  double           vmin;
  double           vmax;
  gboolean         log_refused;
  /* The range the values in view would give, whatever the scene fixed. */
  double           data_vmin;
  double           data_vmax;

  /* The heatmap's image and what it was coloured with. */
  cairo_surface_t *heatmap;
  SdColormap       heatmap_colormap;
  SdScale          heatmap_scale;
  double           heatmap_vmin;
  double           heatmap_vmax;

  /* Where f is undefined, once computed; NULL when it is defined
   * everywhere. */
  gboolean         has_undefined_mask;
  cairo_surface_t *undefined_mask;

  SdGradientField *field;

  /* Where the last draw put the legend. */
  gboolean         has_legend_box;
  cairo_rectangle_t legend_box;

  /* Heatmap, contours, field and minima, as the last draw rendered them. */
  SdLayerCache    *backdrop;
  guint            backdrop_renders;
};

static void
cache_free (SdLandscapeCache *cache)
{
  if (cache == NULL)
    return;

  g_clear_pointer (&cache->heatmap, cairo_surface_destroy);
  g_clear_pointer (&cache->undefined_mask, cairo_surface_destroy);
  g_clear_pointer (&cache->field, sd_gradient_field_free);
  g_clear_pointer (&cache->backdrop, sd_layer_cache_free);
  g_free (cache);
}

/* Chooses the colour scale and its range: the scene's color-range when it
 * has one (fixed to the surface, so panning and zooming keep colours),
 * else the finite grid values. A log scale cannot show f < 0: clamping
 * those values to the bottom colour would paint half a saddle one flat
 * colour, so such a surface is drawn on a linear scale and the colour bar
 * says why. A minimum of exactly 0, which a grid point can hit, takes the
 * bottom colour as the least value should. */
static void
choose_color_scale (SdLandscape *self,
                    double       min,
                    double       max,
                    double       min_positive)
{
  const SdSceneSurface *surface = sd_scene_get_surface (self->scene);
  SdLandscapeCache *cache = self->cache;
  gboolean log_scale = surface->log_scale && min >= 0.0 && min_positive > 0.0
                       && (!surface->has_color_range || surface->color_range[0] > 0.0);

  cache->has_range = TRUE;
  cache->log_refused = surface->log_scale && !log_scale;
  cache->scale = log_scale ? SD_SCALE_LOG : SD_SCALE_LINEAR;
  cache->data_vmin = log_scale ? MAX (min_positive, max * pow (10.0, -MAX_LOG_DECADES)) : min;
  cache->data_vmax = max;
  cache->vmin = surface->has_color_range ? surface->color_range[0] : cache->data_vmin;
  cache->vmax = surface->has_color_range ? surface->color_range[1] : cache->data_vmax;
}

/* The colour scale, then the contour levels over its range. */
static void
compute_levels (SdLandscape *self)
{
  const SdSceneSurface *surface = sd_scene_get_surface (self->scene);
  SdLandscapeCache *cache = self->cache;
  double min, max, min_positive;

  if (!sd_contour_data_range (self->grid->values, (gsize) self->grid->nx * self->grid->ny,
                              &min, &max, &min_positive))
    return;

  choose_color_scale (self, min, max, min_positive);
  if (surface->contours == 0)
    return;

  self->levels = g_new (double, surface->contours);
  self->n_levels = surface->contours;
  if (cache->scale == SD_SCALE_LOG)
    sd_contour_levels_log (cache->vmin, cache->vmax, self->n_levels, self->levels);
  else
    sd_contour_levels_linear (cache->vmin, cache->vmax, self->n_levels, self->levels);
}

/**
 * sd_landscape_get_color_range:
 * @self: a landscape
 * @scale: (out) (optional): the colour scale
 * @vmin: (out) (optional): the value of the colour map's first colour
 * @vmax: (out) (optional): the value of its last
 *
 * The colour scale colours and contour levels follow: the scene's
 * color-range, or the values in view.
 *
 * Returns: %FALSE when the surface has no finite value in view
 */
gboolean
sd_landscape_get_color_range (const SdLandscape *self,
                              SdScale           *scale,
                              double            *vmin,
                              double            *vmax)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->cache->has_range)
    return FALSE;
  if (scale != NULL)
    *scale = self->cache->scale;
  if (vmin != NULL)
    *vmin = self->cache->vmin;
  if (vmax != NULL)
    *vmax = self->cache->vmax;
  return TRUE;
}

/**
 * sd_landscape_get_data_range:
 * @self: a landscape
 * @vmin: (out): the least value in view the colour scale would show
 * @vmax: (out): the greatest
 *
 * The range the values in view give on the landscape's colour scale (on a
 * log scale, at most the scale's decades below the greatest), whatever
 * range the scene fixed: what a viewer widens a fixed range with, so that
 * no value in view falls beyond the colour bar.
 *
 * Returns: %FALSE when the surface has no finite value in view
 */
gboolean
sd_landscape_get_data_range (const SdLandscape *self,
                             double            *vmin,
                             double            *vmax)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (vmin != NULL && vmax != NULL, FALSE);

  if (!self->cache->has_range)
    return FALSE;
  *vmin = self->cache->data_vmin;
  *vmax = self->cache->data_vmax;
  return TRUE;
}

/**
 * sd_landscape_get_legend_box:
 * @self: a landscape
 * @box: (out caller-allocates): where the last sd_landscape_draw() put the
 *   legend, in the figure's points
 *
 * Returns: whether that draw drew a legend
 */
gboolean
sd_landscape_get_legend_box (const SdLandscape *self,
                             cairo_rectangle_t *box)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (!self->cache->has_legend_box)
    return FALSE;
  *box = self->cache->legend_box;
  return TRUE;
}

/**
 * sd_landscape_get_log_refused:
 * @self: a landscape
 *
 * Returns: whether the scene asks for log colours but f < 0 somewhere in
 *   view (or nowhere f > 0), so colours are linear
 */
gboolean
sd_landscape_get_log_refused (const SdLandscape *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->cache->log_refused;
}

/**
 * sd_landscape_new:
 * @scene: a surface scene; it must outlive the landscape
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes what the scene's figures show: the surface, its grid over the
 * scene's ranges at the scene's resolution (with the gradient when the
 * gradient-field layer is on), the contour levels (linearly or, with
 * `log-scale`, geometrically spaced over the finite values), the contour
 * lines when the contours layer is on, and the trajectory of every run,
 * hidden ones included. Safe to call from a worker thread.
 *
 * Returns: (transfer full) (nullable): the landscape, or %NULL with @error
 *   set: the surface's error (a custom expression that does not parse),
 *   the grid's or a run's error, or a cancellation error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
SdLandscape *
sd_landscape_new (const SdScene  *scene,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(SdLandscape) self = NULL;
  const SdSceneSurface *surface;
  SdGridSpec spec;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_SURFACE, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = sd_scene_get_surface (scene);
  self = g_new0 (SdLandscape, 1);
  self->scene = scene;
  self->cache = g_new0 (SdLandscapeCache, 1);
  self->cache->backdrop = sd_layer_cache_new ();
  self->trajectories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_trajectory_free);

  self->surface = sd_scene_create_surface (scene, error);
  if (self->surface == NULL)
    return NULL;

  spec = (SdGridSpec) {
    .xmin = surface->x_range[0],
    .xmax = surface->x_range[1],
    .ymin = surface->y_range[0],
    .ymax = surface->y_range[1],
    .n = surface->resolution,
    .with_gradient = (surface->layers & SD_LAYER_GRADIENT_FIELD) != 0,
  };
  self->grid = sd_grid_compute (&spec, sd_surface_eval_band, self->surface, cancellable, error);
  if (self->grid == NULL)
    return NULL;

  compute_levels (self);
  if ((surface->layers & SD_LAYER_CONTOURS) && self->n_levels > 0)
    self->contours = sd_contours_compute (self->grid->values, self->grid->xs, self->grid->nx,
                                          self->grid->ys, self->grid->ny,
                                          self->levels, self->n_levels);

  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, i);
      SdTrajectory *trajectory;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      trajectory = sd_trajectory_compute (self->surface, &run->params, run->start, run->steps,
                                          cancellable, error);
      if (trajectory == NULL)
        return NULL;
      g_ptr_array_add (self->trajectories, trajectory);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sd_landscape_free:
 * @self: (nullable): a landscape
 */
void
sd_landscape_free (SdLandscape *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->trajectories, g_ptr_array_unref);
  g_clear_pointer (&self->contours, sd_contour_set_free);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->grid, sd_grid_free);
  g_clear_pointer (&self->surface, sd_surface_unref);
  g_clear_pointer (&self->cache, cache_free);
  g_free (self);
}

static SdColormap
get_colormap (const SdLandscape     *self,
              const SdFigureOptions *options)
{
  SdColormap colormap;

  if (sd_scene_get_surface (self->scene)->color_map != NULL
      && sd_colormap_from_name (sd_scene_get_surface (self->scene)->color_map, &colormap))
    return colormap;

  return options->colormap;
}

/**
 * sd_landscape_create_colorbar:
 * @self: a landscape
 * @options: how the figure is drawn; gives the colour map when the scene
 *   names none
 *
 * The colour bar both views colour the surface with: the scene's colour
 * map over the finite values of the grid, on a log scale when the scene
 * asks for one and the surface has positive values (see
 * sd_landscape_new()), titled f(x, y) with the surface's axis names.
 *
 * Returns: (transfer full) (nullable): the colour bar, or %NULL when the
 *   grid has no finite value
 */
SdColorbar *
sd_landscape_create_colorbar (const SdLandscape     *self,
                              const SdFigureOptions *options)
{
  SdColorbar *colorbar;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!self->cache->has_range)
    return NULL;

  colorbar = sd_colorbar_new (get_colormap (self, options), self->cache->scale,
                              self->cache->vmin, self->cache->vmax);
  x = sd_landscape_label_markup (sd_surface_get_x_label (self->surface));
  y = sd_landscape_label_markup (sd_surface_get_y_label (self->surface));
  if (self->cache->log_refused)
    /* Translators: the colour bar's title when the scene asks for log
     * colours but f takes negative values in view; %s are the axis names,
     * in Pango markup */
    title = g_strdup_printf (_("f(%s, %s), linear: f &lt; 0 here"), x, y);
  else
    title = g_strdup_printf ("f(%s, %s)", x, y);
  sd_colorbar_set_title (colorbar, title);
  return colorbar;
}

/**
 * sd_landscape_get_run_color:
 * @self: a landscape
 * @index: a run's position in the scene
 * @rgba: (out caller-allocates) (array fixed-size=4): the run's colour
 *
 * sd_run_get_color() for the landscape's run @index.
 */
void
sd_landscape_get_run_color (const SdLandscape *self,
                            guint              index,
                            double             rgba[4])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < sd_scene_get_surface (self->scene)->runs->len);

  sd_run_get_color (g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, index), index,
                    rgba);
}

/**
 * sd_landscape_get_run_end:
 * @self: a landscape
 * @index: a run's position in the scene
 *
 * The last iterate figures show: the scene's `step`, when it has one and
 * the run got that far, else the run's last iterate.
 *
 * Returns: an index into the run's trajectory (0 for the start)
 */
guint
sd_landscape_get_run_end (const SdLandscape *self,
                          guint              index)
{
  const SdTrajectory *trajectory;
  guint last;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->trajectories->len, 0);

  trajectory = g_ptr_array_index (self->trajectories, index);
  last = sd_trajectory_get_n_points (trajectory) - 1;
  return self->scene->has_step ? MIN (self->scene->step, last) : last;
}

/* Whether the run has ended, as its status says, by the step shown. */
static gboolean
run_ended_by_shown_step (const SdLandscape *self,
                         guint              index,
                         SdOptimizerStatus *status,
                         guint             *step)
{
  *status = sd_trajectory_get_end (g_ptr_array_index (self->trajectories, index), step);
  if (*status == SD_OPTIMIZER_STATUS_RUNNING)
    return FALSE;
  return !self->scene->has_step || self->scene->step >= *step;
}

/**
 * sd_landscape_run_failed:
 * @self: a landscape
 * @index: a run's position in the scene
 * @step: (out) (optional): the update that failed
 *
 * Whether the run diverged or left the domain of f by the step shown: the
 * figures mark where with a red ✕.
 *
 * Returns: %TRUE if the run failed by the step shown
 */
gboolean
sd_landscape_run_failed (const SdLandscape *self,
                         guint              index,
                         guint             *step)
{
  SdOptimizerStatus status;
  guint end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->trajectories->len, FALSE);

  if (!run_ended_by_shown_step (self, index, &status, &end))
    return FALSE;
  if (step != NULL)
    *step = end;
  return status == SD_OPTIMIZER_STATUS_DIVERGED || status == SD_OPTIMIZER_STATUS_UNDEFINED;
}

/**
 * sd_landscape_get_run_legend:
 * @self: a landscape
 * @index: a run's position in the scene
 *
 * A run's legend entry: its name, and once the step shown reaches the end
 * of a run that ended early, why it ended ("diverged at step 12", "start
 * outside the domain of f", "stopped at iteration 0: Hessian not positive
 * definite"), faded.
 *
 * Returns: (transfer full): the entry in Pango markup
 */
char *
sd_landscape_get_run_legend (const SdLandscape *self,
                             guint              index)
{
  const SdSceneRun *run;
  g_autofree char *name = NULL;
  g_autofree char *end = NULL;
  g_autofree char *end_markup = NULL;
  SdOptimizerStatus status;
  guint step;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->trajectories->len, NULL);

  run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, index);
  name = g_markup_escape_text (run->name, -1);
  if (!run_ended_by_shown_step (self, index, &status, &step))
    return g_steal_pointer (&name);

  end = sd_trajectory_describe_end (g_ptr_array_index (self->trajectories, index));
  end_markup = g_markup_escape_text (end, -1);
  /* Translators: a run's entry in the legend once the run has ended
   * early: %s is the run's name, then why it ended ("diverged at step
   * 12"). The <span> fades the note; keep it as it is. */
  return g_strdup_printf (_("%s <span alpha=\"65%%\">(%s)</span>"), name, end_markup);
}

/**
 * sd_landscape_label_markup:
 * @label: an axis name from the surface, such as "x" or "w1"
 *
 * Returns: (transfer full): @label as Pango markup, trailing digits as a
 *   subscript: "w<sub>1</sub>"
 */
char *
sd_landscape_label_markup (const char *label)
{
  g_autofree char *escaped = NULL;
  size_t length, digits = 0;

  g_return_val_if_fail (label != NULL, NULL);

  escaped = g_markup_escape_text (label, -1);
  length = strlen (escaped);
  while (digits < length && g_ascii_isdigit (escaped[length - 1 - digits]))
    digits++;

  if (digits == 0 || digits == length)
    return g_steal_pointer (&escaped);

  return g_strdup_printf ("%.*s<sub>%s</sub>", (int) (length - digits), escaped,
                          escaped + length - digits);
}

/* One draw of a landscape. */
typedef struct
{
  SdLandscape        *self;
  SdPlot             *plot;
  const SdThemeStyle *style;
  SdColorbar         *colorbar;   /* (nullable) */
  gboolean            heatmap;    /* whether the heatmap is drawn */
  GArray             *busy;       /* (element-type cairo_rectangle_t) what the legend avoids */
  SdExplainFlags      too_short;  /* the explain parts too short to see, marked by rings */
  gboolean            legend_below; /* whether the legend has a band below the plot */
  guint               explain_busy; /* where the explained iterates' boxes start in @busy */
} DrawContext;

/* The colour map of @colorbar, or -1 without one, for cache keys. */
static double
colormap_key (const SdColorbar *colorbar)
{
  return colorbar != NULL ? (double) sd_colorbar_get_colormap (colorbar) : -1.0;
}

static cairo_surface_t *
get_heatmap (SdLandscape      *self,
             const SdColorbar *colorbar)
{
  SdLandscapeCache *cache = self->cache;
  SdColormap colormap = sd_colorbar_get_colormap (colorbar);
  SdScale scale = sd_colorbar_get_scale (colorbar);
  double vmin, vmax;

  sd_colorbar_get_range (colorbar, &vmin, &vmax);
  if (cache->heatmap == NULL || cache->heatmap_colormap != colormap
      || cache->heatmap_scale != scale || cache->heatmap_vmin != vmin
      || cache->heatmap_vmax != vmax)
    {
      g_clear_pointer (&cache->heatmap, cairo_surface_destroy);
      cache->heatmap = sd_heatmap_create_image (self->grid, colorbar);
      cache->heatmap_colormap = colormap;
      cache->heatmap_scale = scale;
      cache->heatmap_vmin = vmin;
      cache->heatmap_vmax = vmax;
    }

  return cache->heatmap;
}

static cairo_surface_t *
get_undefined_mask (SdLandscape *self)
{
  SdLandscapeCache *cache = self->cache;

  if (!cache->has_undefined_mask)
    {
      cache->undefined_mask = sd_undefined_mask_new (self->grid);
      cache->has_undefined_mask = TRUE;
    }
  return cache->undefined_mask;
}

static const SdGradientField *
get_field (SdLandscape  *self,
           const SdPlot *plot)
{
  SdLandscapeCache *cache = self->cache;
  guint cols, rows;

  sd_gradient_field_get_lattice (plot, &cols, &rows);
  if (cache->field == NULL || cache->field->cols != cols || cache->field->rows != rows)
    {
      g_clear_pointer (&cache->field, sd_gradient_field_free);
      cache->field = sd_gradient_field_new (self->surface, self->grid->xmin, self->grid->xmax,
                                            self->grid->ymin, self->grid->ymax, cols, rows);
    }

  return cache->field;
}

/* Lines over a heatmap: white over its dark colours, dark grey over its
 * light ones, translucent so that the map's colours show through. */
static const double line_on_dark[4] = { 1.0, 1.0, 1.0, 0.55 };
static const double line_on_light[4] = { 0.1, 0.1, 0.1, 0.5 };
static const double arrow_on_dark[4] = { 1.0, 1.0, 1.0, 0.85 };
static const double arrow_on_light[4] = { 0.1, 0.1, 0.1, 0.75 };

static void
draw_contours (DrawContext  *ctx,
               SdPlot       *plot,
               cairo_t      *cr)
{
  const SdContourSet *contours = ctx->self->contours;
  const double *on_dark = NULL, *on_light = NULL;
  double width = 0.5 * ctx->style->line_width;

  /* Alone, the lines carry the colour map; without one (a grid with no
   * finite value has no colour bar, but no lines either) they are muted. */
  if (ctx->heatmap)
    {
      on_dark = line_on_dark;
      on_light = line_on_light;
    }
  else if (ctx->colorbar == NULL)
    on_light = ctx->style->muted;
  else
    width = 0.65 * ctx->style->line_width;

  sd_contour_layer_draw (cr, plot, contours, ctx->colorbar, on_dark, on_light, width);
}

static void
draw_field (DrawContext *ctx,
            SdPlot      *plot,
            cairo_t     *cr)
{
  const SdGradientField *field = get_field (ctx->self, plot);
  double alone[4];

  if (ctx->heatmap)
    {
      sd_gradient_field_draw (field, cr, plot, ctx->colorbar, arrow_on_dark, arrow_on_light);
      return;
    }

  memcpy (alone, ctx->style->foreground, sizeof alone);
  alone[3] = 0.6;
  sd_gradient_field_draw (field, cr, plot, NULL, NULL, alone);
}

static void
append_star (cairo_t *cr,
             double   x,
             double   y,
             double   radius)
{
  for (guint k = 0; k < 10; k++)
    {
      double r = k % 2 == 0 ? radius : 0.45 * radius;
      double angle = -G_PI / 2 + k * G_PI / 5;

      if (k == 0)
        cairo_move_to (cr, x + r * cos (angle), y + r * sin (angle));
      else
        cairo_line_to (cr, x + r * cos (angle), y + r * sin (angle));
    }
  cairo_close_path (cr);
}

/* The radius of the stars marking minima. */
static double
star_radius (const SdThemeStyle *style)
{
  return 0.75 * style->marker_size;
}

/* The surface's known minima as small white stars outlined in dark grey,
 * readable on every colour map and on paper, all in one path. */
static void
draw_minima (DrawContext *ctx,
             SdPlot      *plot,
             cairo_t     *cr)
{
  static const double fill[4] = { 1.0, 1.0, 1.0, 1.0 };
  static const double outline[4] = { 0.14, 0.12, 0.19, 0.9 };
  const SdSurfaceMinimum *minima;
  double radius = star_radius (ctx->style);
  guint n_minima;

  minima = sd_surface_get_minima (ctx->self->surface, &n_minima);
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint k = 0; k < n_minima; k++)
    {
      double px, py;

      if (sd_plot_map (plot, minima[k].point[0], minima[k].point[1], &px, &py))
        append_star (cr, px, py, radius);
    }
  sd_set_source_color (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 0.12 * ctx->style->marker_size);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  sd_set_source_color (cr, outline);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Keeps the legend off the minima. */
/* The boxes of the minima's stars, with room for their look. */
static void
add_minima_boxes (SdLandscape        *self,
                  const SdPlot       *plot,
                  const SdThemeStyle *style,
                  GArray             *boxes)
{
  const SdSurfaceMinimum *minima;
  double radius = star_radius (style) + 0.5 * style->font_size;
  guint n_minima;

  minima = sd_surface_get_minima (self->surface, &n_minima);
  for (guint k = 0; k < n_minima; k++)
    {
      cairo_rectangle_t box;
      double px, py;

      if (!sd_plot_map (plot, minima[k].point[0], minima[k].point[1], &px, &py))
        continue;
      box = (cairo_rectangle_t) { px - radius, py - radius, 2 * radius, 2 * radius };
      g_array_append_val (boxes, box);
    }
}

static void
add_minima_busy (DrawContext *ctx,
                 SdPlot      *plot)
{
  add_minima_boxes (ctx->self, plot, ctx->style, ctx->busy);
}

#define SEGMENT_SPACING 4.0
#define MAX_SEGMENT_POINTS 200

static void
add_segment_points (GArray       *points,
                    const double  from[2],
                    const double  to[2])
{
  double length = hypot (to[0] - from[0], to[1] - from[1]);
  guint n = isfinite (length) ? MIN ((guint) (length / SEGMENT_SPACING), MAX_SEGMENT_POINTS) : 0;

  for (guint j = 1; j < n; j++)
    {
      double t = (double) j / n;
      double xy[2] = { from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1]) };

      g_array_append_vals (points, xy, 2);
    }
}

/* The runs' paths, as boxes the legend must not cover where it can help
 * it (covering a few points of a path is as bad as covering a label): a
 * box around each PATH_BOX_POINTS consecutive points of @points, which
 * hold the paths in order. */
#define PATH_BOX_POINTS 6

static void
add_path_boxes (GArray             *boxes,
                GArray             *points,
                const SdThemeStyle *style)
{
  const double *xy = (const double *) (gpointer) points->data;
  guint n = points->len / 2;
  double pad = 0.5 * style->font_size;

  for (guint i = 0; i < n; i += PATH_BOX_POINTS)
    {
      double x0 = xy[2 * i], y0 = xy[2 * i + 1], x1 = x0, y1 = y0;
      cairo_rectangle_t box;

      for (guint j = i + 1; j < MIN (i + PATH_BOX_POINTS + 1, n); j++)
        {
          /* A jump between runs is no path. */
          if (hypot (xy[2 * j] - xy[2 * j - 2], xy[2 * j + 1] - xy[2 * j - 1])
              > 2.0 * SEGMENT_SPACING)
            break;
          x0 = MIN (x0, xy[2 * j]), x1 = MAX (x1, xy[2 * j]);
          y0 = MIN (y0, xy[2 * j + 1]), y1 = MAX (y1, xy[2 * j + 1]);
        }
      box = (cairo_rectangle_t) { x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad };
      g_array_append_val (boxes, box);
    }
}

/* Points every SEGMENT_SPACING over the part of @box inside @area (a box
 * far outside, around an iterate off the map, has none: stepping through
 * coordinates of 10^17 by a few points would never end). */
static void
add_box_points (GArray                  *points,
                const cairo_rectangle_t *box,
                const cairo_rectangle_t *area)
{
  double x0 = MAX (box->x, area->x), x1 = MIN (box->x + box->width, area->x + area->width);
  double y0 = MAX (box->y, area->y), y1 = MIN (box->y + box->height, area->y + area->height);

  if (!(x0 <= x1 && y0 <= y1))
    return;
  for (double y = y0; y <= y1; y += SEGMENT_SPACING)
    for (double x = x0; x <= x1; x += SEGMENT_SPACING)
      {
        double xy[2] = { x, y };

        g_array_append_vals (points, xy, 2);
      }
}

/* The data the legend keeps off: every visible run's iterates, all of
 * them and not only those up to the step shown, so that the legend stays
 * put while the race plays (it used to jump corners as the runs moved),
 * at most LEGEND_POINTS_PER_RUN of each, as x, y pairs in points. */
static GArray *
legend_points (SdLandscape  *self,
               const SdPlot *plot)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < self->trajectories->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      const SdOptimizerState *states;
      guint n, stride;

      if (!run->visible)
        continue;
      states = sd_trajectory_get_points (g_ptr_array_index (self->trajectories, i), &n);
      stride = MAX (1, n / LEGEND_POINTS_PER_RUN);
      for (guint k = 0; k < n; k += stride)
        {
          double xy[2], before[2];

          if (!sd_plot_map (plot, states[k].position[0], states[k].position[1], &xy[0], &xy[1])
              || !isfinite (xy[0] + xy[1]))
            continue;
          /* The line between two iterates is data too: a point every few
           * points along it, up to a figure's width. */
          if (k > 0 && sd_plot_map (plot, states[k - stride].position[0],
                                    states[k - stride].position[1], &before[0], &before[1]))
            add_segment_points (points, before, xy);
          g_array_append_vals (points, xy, 2);
        }
    }
  return points;
}

static void
draw_runs (DrawContext *ctx,
           SdPlot      *plot,
           cairo_t     *cr)
{
  SdLandscape *self = ctx->self;

  for (guint i = 0; i < self->trajectories->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      const SdTrajectory *trajectory = g_ptr_array_index (self->trajectories, i);
      SdTrajectoryLayer layer;
      guint n_points;

      if (!run->visible)
        continue;

      layer.points = sd_trajectory_get_points (trajectory, &n_points);
      layer.n_points = sd_landscape_get_run_end (self, i) + 1;
      layer.diverged = sd_landscape_run_failed (self, i, NULL);
      sd_run_get_style (run, i, ctx->style, &layer.look);
      sd_trajectory_layer_draw (&layer, cr, plot, ctx->busy);
    }
}

/* What each visible run's `explain` key asks for, at the iterate the run
 * is drawn to, over all the runs; the legend keeps off the iterate. */
static void
draw_explain (DrawContext *ctx,
              SdPlot      *plot,
              cairo_t     *cr)
{
  SdLandscape *self = ctx->self;
  double margin = SD_OVERLAY_EIGEN_LENGTH * ctx->style->scale;

  for (guint i = 0; i < self->trajectories->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      SdOverlayData data;
      cairo_rectangle_t box;
      double px, py;

      if (!run->visible || run->explain == SD_EXPLAIN_NONE
          || !sd_overlay_data_init (&data, self->surface,
                                    g_ptr_array_index (self->trajectories, i),
                                    sd_landscape_get_run_end (self, i)))
        continue;
      sd_overlay_colors_init (&data.colors, self->scene);

      if (sd_scene_get_surface (self->scene)->explain_readable)
        {
          cairo_rectangle_t area;
          double units[2];

          sd_plot_get_area (plot, &area);
          units[0] = area.width / (self->grid->xmax - self->grid->xmin);
          units[1] = area.height / (self->grid->ymax - self->grid->ymin);
          data.arrow_scale = sd_overlay_readable_scale (&data, run->explain,
                                                        SD_OVERLAY_READABLE_LENGTH
                                                        * ctx->style->scale, units);
        }
      ctx->too_short |= sd_overlay_draw (cr, plot, ctx->style, &data, run->explain);
      if (sd_plot_map (plot, data.position[0], data.position[1], &px, &py))
        {
          box = (cairo_rectangle_t) { px - margin, py - margin, 2 * margin, 2 * margin };
          g_array_append_val (ctx->busy, box);
        }
    }
}

/* Everything under the runs, which changes only with the figure's size,
 * theme or colour map. */
static void
draw_backdrop (cairo_t  *cr,
               gpointer  user_data)
{
  DrawContext *ctx = user_data;
  SdLandscape *self = ctx->self;
  SdSurfaceLayers layers = sd_scene_get_surface (self->scene)->layers;

  if (ctx->heatmap)
    sd_heatmap_paint (cr, ctx->plot, self->grid, get_heatmap (self, ctx->colorbar));
  if (get_undefined_mask (self) != NULL)
    sd_undefined_mask_paint (cr, ctx->plot, self->grid, get_undefined_mask (self), ctx->style);
  if ((layers & SD_LAYER_CONTOURS) && self->contours != NULL)
    draw_contours (ctx, ctx->plot, cr);
  if (layers & SD_LAYER_GRADIENT_FIELD)
    draw_field (ctx, ctx->plot, cr);
  draw_minima (ctx, ctx->plot, cr);
}

/* The backdrop is drawn outside the area's clip: through the cache it is
 * an image already clipped, and clipping it again would darken the
 * antialiased edge. */
static void
draw_data (DrawContext *ctx,
           SdPlot      *plot,
           cairo_t     *cr)
{
  cairo_rectangle_t area;
  double key[] = {
    colormap_key (ctx->colorbar),
    ctx->style->theme,
    ctx->style->scale,
    sd_scene_get_surface (ctx->self->scene)->layers,
    ctx->heatmap,
  };

  sd_plot_get_area (plot, &area);
  if (!sd_layer_cache_draw (ctx->self->cache->backdrop, cr, &area, key, G_N_ELEMENTS (key),
                            draw_backdrop, ctx))
    ctx->self->cache->backdrop_renders++;

  cairo_save (cr);
  sd_plot_clip (plot, cr);
  add_minima_busy (ctx, plot);
  draw_runs (ctx, plot, cr);
  ctx->explain_busy = ctx->busy->len;
  draw_explain (ctx, plot, cr);
  cairo_restore (cr);
}

/* The legend: each visible run, then what the runs explain. */
static SdLegend *
make_legend (DrawContext *ctx)
{
  SdLandscape *self = ctx->self;
  SdLegend *legend = sd_legend_new ();

  for (guint i = 0; i < self->trajectories->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      g_autofree char *markup = NULL;
      SdLegendEntry entry = { 0 };

      if (!run->visible)
        continue;

      markup = sd_landscape_get_run_legend (self, i);
      entry.markup = markup;
      entry.line_width = ctx->style->line_width;
      sd_run_get_legend_entry (run, i, ctx->style, &entry);
      sd_legend_add (legend, &entry);
    }

  sd_overlay_add_legend_entries (legend, ctx->style, self->scene, ctx->too_short);
  return legend;
}

/* What the legend inside the plot keeps off: the minima and the runs'
 * paths, which it must not hide (@avoid), and the paths' points it weighs
 * as data (@points). */
static void
collect_legend_obstacles (DrawContext  *ctx,
                          const SdPlot *plot,
                          GArray      **points,
                          GArray      **avoid)
{
  *points = legend_points (ctx->self, plot);
  *avoid = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  add_minima_boxes (ctx->self, plot, ctx->style, *avoid);
  add_path_boxes (*avoid, *points, ctx->style);
}

/* Whether the legend, set to fit inside the plot, would hide a minimum
 * or a run's path wherever it goes: then it goes below the plot, and the
 * plot is laid out again to make room. Returns the band's height, 0 for
 * a legend inside. */
static double
legend_band (DrawContext           *ctx,
             SdPlot                *plot,
             cairo_t               *cr,
             const SdFigureOptions *options)
{
  g_autoptr(SdLegend) legend = make_legend (ctx);
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) avoid = NULL;
  cairo_rectangle_t area;
  SdLegendFit fit;

  sd_plot_get_area (plot, &area);
  if (!(area.width > 0.0 && area.height > 0.0) || sd_legend_get_n_entries (legend) == 0)
    return 0.0;

  collect_legend_obstacles (ctx, plot, &points, &avoid);
  if (sd_legend_fit (legend, cr, ctx->style, &area, (const double *) (gpointer) points->data,
                     points->len / 2, (const cairo_rectangle_t *) (gpointer) avoid->data,
                     avoid->len, &fit)
      && fit.hidden == 0)
    return 0.0;
  return sd_legend_fit_below (legend, cr, ctx->style, options->width, &fit);
}

static void
keep_legend_box (SdLandscape       *self,
                 const SdLegendFit *fit)
{
  self->cache->has_legend_box = TRUE;
  self->cache->legend_box = fit->box;
}

static void
draw_legend (DrawContext           *ctx,
             SdPlot                *plot,
             cairo_t               *cr,
             const SdFigureOptions *options)
{
  g_autoptr(SdLegend) legend = make_legend (ctx);
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) avoid = NULL;
  cairo_rectangle_t area;
  SdLegendFit fit;

  if (sd_legend_get_n_entries (legend) == 0)
    return;

  sd_plot_get_area (plot, &area);
  if (ctx->legend_below)
    {
      sd_legend_fit_below (legend, cr, ctx->style, options->width, &fit);
      sd_legend_place_below (&fit, ctx->style, &area, options->width, options->height);
      sd_legend_draw_fit (legend, cr, ctx->style, &fit);
      keep_legend_box (ctx->self, &fit);
      return;
    }

  /* As far as it can, the legend keeps off the explained iterates' arrows
   * and labels too, weighed as data: a point every few points over the
   * square they are drawn in. These move with the step shown only when a
   * run is explained. */
  collect_legend_obstacles (ctx, plot, &points, &avoid);
  for (guint i = ctx->explain_busy; i < ctx->busy->len; i++)
    add_box_points (points, &g_array_index (ctx->busy, cairo_rectangle_t, i), &area);
  if (sd_legend_fit (legend, cr, ctx->style, &area, (const double *) (gpointer) points->data,
                     points->len / 2, (const cairo_rectangle_t *) (gpointer) avoid->data,
                     avoid->len, &fit))
    {
      sd_legend_draw_fit (legend, cr, ctx->style, &fit);
      keep_legend_box (ctx->self, &fit);
    }
}

/**
 * sd_landscape_set_cached:
 * @self: a landscape
 * @cached: whether drawings are kept between frames
 *
 * A landscape drawn once (an export) skips the image that repeated frames
 * reuse: making it costs a full-size image more than drawing directly.
 * Landscapes start cached.
 */
void
sd_landscape_set_cached (SdLandscape *self,
                         gboolean     cached)
{
  g_return_if_fail (self != NULL);

  if (!cached)
    g_clear_pointer (&self->cache->backdrop, sd_layer_cache_free);
  else if (self->cache->backdrop == NULL)
    self->cache->backdrop = sd_layer_cache_new ();
}

/**
 * sd_landscape_get_backdrop_renders:
 * @self: a landscape
 *
 * How often sd_landscape_draw() has drawn the heatmap, contours and
 * gradient field anew rather than from its cache: what a frame costs
 * depends on it.
 *
 * Returns: the number of such draws since @self was made
 */
guint
sd_landscape_get_backdrop_renders (const SdLandscape *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cache->backdrop_renders;
}

/* The figure's background, the legend's band below the plot included. */
static void
draw_figure_background (SdPlot                *plot,
                        cairo_t               *cr,
                        const SdFigureOptions *options)
{
  const SdThemeStyle *style = sd_plot_get_style (plot);

  if (style->transparent)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, options->width, options->height);
  sd_set_source_color (cr, style->background);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * sd_landscape_draw:
 * @self: a landscape
 * @cr: a cairo context of any kind
 * @options: the figure's size, theme, scale and default colour map
 *
 * Draws the map view: the heatmap of f (logarithmic with the scene's
 * `log-scale`, see sd_landscape_new()); the contour lines, over the
 * heatmap white where it is dark and dark grey where it is light (see
 * sd_contour_layer_draw()), in the map's colours without a heatmap; the
 * gradient field, coloured likewise (see sd_gradient_field_draw()); the
 * surface's known minima as small white stars; each visible run up to the
 * scene's `step` (see sd_trajectory_layer_draw()), with what its `explain`
 * key asks for at the iterate it ends on (see sd_overlay_draw()); the axes, titled with
 * the surface's coordinate names; the colour bar f(x, y) when the heatmap
 * or the contours are shown; a legend of the visible runs, in the corner
 * where it hides the least of their paths and of the minima; and the
 * scene's title. A scene without a title gets none, leaving the caption
 * to the document the figure goes into.
 *
 * Everything under the runs is kept in @self between draws on an image
 * (see sd_layer_cache_draw()) and redrawn only when the figure's size,
 * theme, scale or colour map changes, so the frames of an animated run
 * cost little more than the runs themselves.
 *
 * Returns: (transfer full): the plot as laid out, to map pointer
 *   positions to the surface's coordinates
 */
SdPlot *
sd_landscape_draw (SdLandscape           *self,
                   cairo_t               *cr,
                   const SdFigureOptions *options)
{
  g_autoptr(GArray) busy = NULL;
  g_autofree char *x_title = NULL;
  g_autofree char *y_title = NULL;
  SdSurfaceLayers layers;
  SdThemeStyle style;
  SdPlot *plot;
  DrawContext ctx;
  cairo_rectangle_t area;
  double band;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  layers = sd_scene_get_surface (self->scene)->layers;
  sd_figure_options_get_style (options, &style);
  plot = sd_plot_new (&style);

  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, self->grid->xmin, self->grid->xmax);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, self->grid->ymin, self->grid->ymax);
  x_title = sd_landscape_label_markup (sd_surface_get_x_label (self->surface));
  y_title = sd_landscape_label_markup (sd_surface_get_y_label (self->surface));
  sd_plot_set_axis_title (plot, SD_AXIS_X, x_title);
  sd_plot_set_axis_title (plot, SD_AXIS_Y, y_title);
  if (self->scene->title != NULL && self->scene->title[0] != '\0')
    {
      g_autofree char *title = g_markup_escape_text (self->scene->title, -1);

      sd_plot_set_title (plot, title);
    }

  ctx.self = self;
  ctx.plot = plot;
  ctx.style = sd_plot_get_style (plot);
  ctx.colorbar = NULL;
  ctx.too_short = SD_EXPLAIN_NONE;
  ctx.explain_busy = 0;
  ctx.legend_below = FALSE;
  self->cache->has_legend_box = FALSE;
  if (layers & (SD_LAYER_HEATMAP | SD_LAYER_CONTOURS))
    {
      sd_plot_set_colorbar (plot, sd_landscape_create_colorbar (self, options));
      ctx.colorbar = sd_plot_get_colorbar (plot);
    }
  ctx.heatmap = (layers & SD_LAYER_HEATMAP) && ctx.colorbar != NULL;
  busy = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  ctx.busy = busy;

  sd_plot_layout (plot, cr, options->width, options->height);
  band = legend_band (&ctx, plot, cr, options);
  ctx.legend_below = band > 0.0;
  if (ctx.legend_below)
    sd_plot_layout (plot, cr, options->width, options->height - band);
  draw_figure_background (plot, cr, options);
  /* A heatmap covers the whole area, grid lines included. */
  if (!ctx.heatmap)
    sd_plot_draw_grid (plot, cr);

  sd_plot_get_area (plot, &area);
  if (area.width > 0.0 && area.height > 0.0)
    draw_data (&ctx, plot, cr);

  sd_plot_draw_axes (plot, cr);
  sd_plot_draw_colorbar (plot, cr);
  sd_plot_draw_title (plot, cr);
  if (area.width > 0.0 && area.height > 0.0)
    draw_legend (&ctx, plot, cr, options);

  return plot;
}
