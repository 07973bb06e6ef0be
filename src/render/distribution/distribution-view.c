/* distribution-view.c: a distribution figure laid out for a size, its
 * layers made in drawing order, and drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"

/* The legend goes below the plot when inside it would hide more than
 * this share of the data's ink (see sd_legend_ink_points()). */
#define MAX_COVERED 0.01

struct _SdDistributionView
{
  const SdDistributionFigure *figure;
  SdFigureOptions            options;
  SdThemeStyle               style;
  SdDistributionContext      ctx;
  gboolean                   has_area;
  gboolean                   has_legend;
  SdLegendFit                legend_fit;

  /* The univariate figure's layers, */
  SdDistributionRightAxis   *right_axis;
  SdDistributionHistogram   *histogram;
  SdDistributionFill        *fill;
  SdDistributionRise *rise;
  SdDistributionMoments     *moments;
  SdDistributionCdf         *cdf;
  SdDistributionPdf         *pdf;

  /* or the bivariate figure's. */
  SdDistributionShading     *shading;
  SdDistributionScatter     *scatter;
  SdDistributionEllipses    *ellipses;
  SdDistributionMeans       *means;
};

static void
set_titles (SdDistributionView *self,
            const char         *x_title,
            const char         *y_title)
{
  const SdScene *scene = self->ctx.figure->scene;
  SdPlot *plot = self->ctx.plot;

  if (scene->title != NULL && scene->title[0] != '\0')
    {
      g_autofree char *title = g_markup_escape_text (scene->title, -1);

      sd_plot_set_title (plot, title);
    }
  sd_plot_set_axis_title (plot, SD_AXIS_X, x_title);
  sd_plot_set_axis_title (plot, SD_AXIS_Y, y_title);
}

/* Densities and distribution functions over x, in the order they are
 * drawn, the interval labels last, on top. */
static void
create_univariate (SdDistributionView *self,
                   double              reserve)
{
  SdDistributionContext *ctx = &self->ctx;
  double right = 0.0;

  _sd_distribution_classify (ctx);
  set_titles (self, "<i>x</i>", _sd_distribution_y_title (ctx));
  if (ctx->twin)
    {
      self->right_axis = _sd_distribution_right_axis_new (ctx);
      right = _sd_distribution_right_axis_get_room (self->right_axis);
    }
  _sd_distribution_layout_univariate (ctx, self->options.width, self->options.height - reserve,
                                      right);
  if (!(ctx->area.width > 0.0 && ctx->area.height > 0.0))
    return;

  self->has_area = TRUE;
  ctx->placer = sd_label_placer_new (&ctx->area);
  self->histogram = _sd_distribution_histogram_new (ctx);
  self->fill = _sd_distribution_fill_new (ctx);
  self->rise = _sd_distribution_rise_new (ctx);
  self->moments = _sd_distribution_moments_new (ctx);
  self->cdf = _sd_distribution_cdf_new (ctx);
  self->pdf = _sd_distribution_pdf_new (ctx);
  _sd_distribution_interval_labels_place (ctx);
}

/* The plane of bivariate normals: densities, samples, ellipses and axes,
 * means, and the labels of the axes and ellipses on top. */
static void
create_bivariate (SdDistributionView *self,
                  double              reserve)
{
  SdDistributionContext *ctx = &self->ctx;

  set_titles (self, "<i>x</i>", "<i>y</i>");
  _sd_distribution_layout_bivariate (ctx, self->options.width, self->options.height - reserve);
  if (!(ctx->area.width > 0.0 && ctx->area.height > 0.0))
    return;

  self->has_area = TRUE;
  ctx->placer = sd_label_placer_new (&ctx->area);
  self->shading = _sd_distribution_shading_new (ctx);
  self->scatter = _sd_distribution_scatter_new (ctx);
  self->ellipses = _sd_distribution_ellipses_new (ctx);
  self->means = _sd_distribution_means_new (ctx);
  _sd_distribution_ellipses_label (ctx);
}

static void
render_univariate (const SdDistributionView *self,
                   cairo_t                  *cr)
{
  _sd_distribution_histogram_render (self->histogram, cr);
  _sd_distribution_fill_render (self->fill, cr);
  _sd_distribution_rise_render (self->rise, cr);
  _sd_distribution_moments_render (self->moments, cr);
  _sd_distribution_cdf_render (self->cdf, cr);
  _sd_distribution_pdf_render (self->pdf, cr);
}

static void
render_bivariate (const SdDistributionView *self,
                  cairo_t                  *cr)
{
  _sd_distribution_shading_render (self->shading, cr);
  _sd_distribution_scatter_render (self->scatter, cr);
  _sd_distribution_ellipses_render (self->ellipses, cr);
  _sd_distribution_means_render (self->means, cr);
}

/* The data's layers, then the plated labels on top. */
static void
render_data (const SdDistributionView *self,
             cairo_t                  *cr,
             gboolean                  labels)
{
  const SdDistributionContext *ctx = &self->ctx;

  if (ctx->figure->bivariate)
    render_bivariate (self, cr);
  else
    render_univariate (self, cr);

  if (!labels)
    return;
  _sd_distribution_labels_render (ctx->labels,
                                  ctx->figure->bivariate
                                  ? 1u << SD_DISTRIBUTION_LABEL_AXIS
                                    | 1u << SD_DISTRIBUTION_LABEL_ELLIPSE
                                  : 1u << SD_DISTRIBUTION_LABEL_INTERVAL,
                                  ctx->style, cr);
}

/* The data's layers alone, for sd_legend_ink_points(). */
static void
draw_ink (cairo_t  *cr,
          gpointer  user_data)
{
  render_data (user_data, cr, FALSE);
}

/* Lays the figure out, @reserve points at the bottom left for the legend
 * below the plot, 0 for a legend inside it, and makes its layers. */
static void
lay_out (SdDistributionView *self,
         cairo_t            *measure,
         double              reserve)
{
  _sd_distribution_context_init (&self->ctx, self->figure, &self->style, measure);
  self->ctx.legend_below = reserve > 0.0;
  if (self->figure->bivariate)
    create_bivariate (self, reserve);
  else
    create_univariate (self, reserve);
}

/* Frees what lay_out() made. */
static void
clear_layout (SdDistributionView *self)
{
  g_clear_pointer (&self->right_axis, _sd_distribution_right_axis_free);
  g_clear_pointer (&self->histogram, _sd_distribution_histogram_free);
  g_clear_pointer (&self->fill, _sd_distribution_fill_free);
  g_clear_pointer (&self->rise, _sd_distribution_rise_free);
  g_clear_pointer (&self->moments, _sd_distribution_moments_free);
  g_clear_pointer (&self->cdf, _sd_distribution_cdf_free);
  g_clear_pointer (&self->pdf, _sd_distribution_pdf_free);
  g_clear_pointer (&self->shading, _sd_distribution_shading_free);
  g_clear_pointer (&self->scatter, _sd_distribution_scatter_free);
  g_clear_pointer (&self->ellipses, _sd_distribution_ellipses_free);
  g_clear_pointer (&self->means, _sd_distribution_means_free);
  _sd_distribution_context_clear (&self->ctx);
  self->has_area = FALSE;
}

static gboolean
contains (const cairo_rectangle_t *outer,
          const cairo_rectangle_t *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

/* The legend inside the plot where it covers the fewest labels and then
 * the least of the data's ink.
 *
 * Returns: whether it fits in the plot, hiding no label and at most
 *   MAX_COVERED of the ink */
static gboolean
fit_inside (SdDistributionView *self,
            cairo_t            *measure)
{
  SdDistributionContext *ctx = &self->ctx;
  g_autoptr(GArray) points = sd_legend_ink_points (&ctx->area, draw_ink, self);
  const cairo_rectangle_t *labels;
  guint n_labels;
  gsize n_points = points->len / 2;

  labels = sd_label_placer_get_labels (ctx->placer, &n_labels);
  sd_legend_fit (ctx->legend, measure, ctx->style, &ctx->area,
                 (const double *) (gpointer) points->data, n_points, labels, n_labels,
                 &self->legend_fit);
  return self->legend_fit.hidden == 0
         && self->legend_fit.covered <= MAX_COVERED * n_points
         && contains (&ctx->area, &self->legend_fit.box);
}

/* The legend in the corner the layout made room for; else inside the
 * plot where it hides the least, if that is little (see fit_inside());
 * else below the plot, which is laid out again, smaller, to make room. */
static void
place_legend (SdDistributionView *self,
              cairo_t            *measure)
{
  double band;

  if (sd_legend_get_n_entries (self->ctx.legend) == 0)
    return;

  self->has_legend = TRUE;
  if (self->ctx.placement != SD_LEGEND_AUTO)
    {
      self->legend_fit = self->ctx.legend_fit;
      return;
    }
  if (fit_inside (self, measure))
    return;

  band = sd_legend_fit_below (self->ctx.legend, measure, &self->style, self->options.width,
                              &self->legend_fit);
  clear_layout (self);
  lay_out (self, measure, band);
  self->has_legend = self->has_area;
  if (self->has_area)
    sd_legend_place_below (&self->legend_fit, &self->style, &self->ctx.area,
                           self->options.width, self->options.height);
}

/**
 * sd_distribution_view_new:
 * @figure: a figure's data; it must outlive the view
 * @options: the figure's size, theme and scale
 *
 * Lays @figure out as sd_distribution_figure_render() draws it: its
 * ranges, the layers' geometry in points, the labels and the legend's
 * place. Text is measured on a surface of its own, which measures as
 * every surface draws.
 *
 * Returns: (transfer full): the view
 */
SdDistributionView *
sd_distribution_view_new (const SdDistributionFigure *figure,
                          const SdFigureOptions      *options)
{
  SdDistributionView *self;
  cairo_surface_t *surface;
  cairo_t *measure;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (sd_figure_options_are_valid (options), NULL);

  self = g_new0 (SdDistributionView, 1);
  self->figure = figure;
  self->options = *options;
  sd_figure_options_get_style (options, &self->style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (surface);
  lay_out (self, measure, 0.0);
  if (self->has_area)
    place_legend (self, measure);

  self->ctx.measure = NULL;
  cairo_destroy (measure);
  cairo_surface_destroy (surface);
  return self;
}

/**
 * sd_distribution_view_free:
 * @self: (nullable): a view
 */
void
sd_distribution_view_free (SdDistributionView *self)
{
  if (self == NULL)
    return;

  clear_layout (self);
  g_free (self);
}

/**
 * sd_distribution_view_render:
 * @self: a view
 * @cr: where to draw; user space is in points
 *
 * Draws the figure as sd_distribution_view_new() laid it out: the
 * background over the whole figure, the grid, the data clipped to the
 * plot, the axes, the title, the right axis of distribution functions
 * and the legend.
 */
void
sd_distribution_view_render (SdDistributionView *self,
                             cairo_t            *cr)
{
  const SdThemeStyle *style;
  SdPlot *plot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  style = self->ctx.style;
  plot = self->ctx.plot;
  if (!style->transparent)
    {
      cairo_save (cr);
      sd_set_source_color (cr, style->background);
      cairo_rectangle (cr, 0, 0, self->options.width, self->options.height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  sd_plot_draw_grid (plot, cr);
  if (self->has_area)
    {
      cairo_save (cr);
      sd_plot_clip (plot, cr);
      render_data (self, cr, TRUE);
      cairo_restore (cr);
    }
  sd_plot_draw_axes (plot, cr);
  sd_plot_draw_title (plot, cr);
  if (self->right_axis != NULL && self->has_area)
    _sd_distribution_right_axis_render (self->right_axis, &self->ctx, cr);

  if (self->has_legend)
    sd_legend_draw_fit (self->ctx.legend, cr, style, &self->legend_fit);
}

/**
 * sd_distribution_view_get_plot:
 * @self: a view
 *
 * Returns: (transfer none): the laid out plot, to map pointer positions
 *   to data (the x axis and the main y axis)
 */
const SdPlot *
sd_distribution_view_get_plot (const SdDistributionView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ctx.plot;
}

/**
 * sd_distribution_view_steal_plot:
 * @self: a view
 *
 * Takes the plot from the view, which can then no longer be drawn.
 *
 * Returns: (transfer full): the laid out plot
 */
SdPlot *
sd_distribution_view_steal_plot (SdDistributionView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_steal_pointer (&self->ctx.plot);
}

/**
 * sd_distribution_view_get_labels:
 * @self: a view
 * @n_labels: (out): how many labels it has
 *
 * Returns: (transfer none) (array length=n_labels): its labels, in the
 *   order they were placed. A moment's label is drawn with its line on
 *   the device's pixel grid, so it may lie a fraction of a device pixel
 *   from its box.
 */
const SdDistributionLabel *
sd_distribution_view_get_labels (const SdDistributionView *self,
                                 guint                    *n_labels)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = self->ctx.labels->len;
  return (const SdDistributionLabel *) (gpointer) self->ctx.labels->data;
}

/**
 * sd_distribution_view_get_legend:
 * @self: a view
 * @box: (out caller-allocates): where the legend is drawn, in points
 *
 * Returns: whether the view draws a legend; @box is empty otherwise
 */
gboolean
sd_distribution_view_get_legend (const SdDistributionView *self,
                                 cairo_rectangle_t        *box)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  *box = self->has_legend ? self->legend_fit.box : (cairo_rectangle_t) { 0.0, 0.0, 0.0, 0.0 };
  return self->has_legend;
}

/**
 * sd_distribution_view_get_cdf_range:
 * @self: a view
 * @range: (out caller-allocates) (array fixed-size=2): the values of
 *   distribution functions at the bottom and the top of the plot
 *
 * Returns: whether the view shows a distribution function; @range is
 *   0 and 0 otherwise
 */
gboolean
sd_distribution_view_get_cdf_range (const SdDistributionView *self,
                                    double                    range[2])
{
  gboolean shown = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  for (guint i = 0; i < self->ctx.figure->curves->len; i++)
    shown |= _sd_distribution_shows_cdf (_sd_distribution_curve_at (&self->ctx, i));
  shown &= !self->ctx.figure->bivariate;

  range[0] = shown ? self->ctx.cdf_range[0] : 0.0;
  range[1] = shown ? self->ctx.cdf_range[1] : 0.0;
  return shown;
}
