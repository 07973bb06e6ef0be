/* distribution-view.c: a distribution figure laid out for a size, its
 * layers made in drawing order, and drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"

struct _SdDistributionView
{
  SdFigureOptions            options;
  SdThemeStyle               style;
  SdDistributionContext      ctx;
  gboolean                   has_area;
  GArray                    *busy;       /* (element-type cairo_rectangle_t) for the legend */
  gboolean                   has_legend;
  cairo_rectangle_t          legend_box;

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
create_univariate (SdDistributionView *self)
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
  _sd_distribution_layout_univariate (ctx, self->options.width, self->options.height, right);
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
create_bivariate (SdDistributionView *self)
{
  SdDistributionContext *ctx = &self->ctx;

  set_titles (self, "<i>x</i>", "<i>y</i>");
  _sd_distribution_layout_bivariate (ctx, self->options.width, self->options.height);
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
  self->options = *options;
  sd_figure_options_get_style (options, &self->style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (surface);
  _sd_distribution_context_init (&self->ctx, figure, &self->style, measure);

  if (figure->bivariate)
    create_bivariate (self);
  else
    create_univariate (self);

  if (self->has_area)
    {
      self->busy = _sd_distribution_busy_rectangles (&self->ctx);
      sd_legend_set_placement (self->ctx.legend, self->ctx.placement);
      self->has_legend = sd_legend_get_box (self->ctx.legend, measure, self->ctx.style,
                                            &self->ctx.area,
                                            (const cairo_rectangle_t *) (gpointer) self->busy->data,
                                            self->busy->len, &self->legend_box);
    }

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

  _sd_distribution_right_axis_free (self->right_axis);
  _sd_distribution_histogram_free (self->histogram);
  _sd_distribution_fill_free (self->fill);
  _sd_distribution_rise_free (self->rise);
  _sd_distribution_moments_free (self->moments);
  _sd_distribution_cdf_free (self->cdf);
  _sd_distribution_pdf_free (self->pdf);
  _sd_distribution_shading_free (self->shading);
  _sd_distribution_scatter_free (self->scatter);
  _sd_distribution_ellipses_free (self->ellipses);
  _sd_distribution_means_free (self->means);
  g_clear_pointer (&self->busy, g_array_unref);
  _sd_distribution_context_clear (&self->ctx);
  g_free (self);
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
  _sd_distribution_labels_render (self->ctx.labels, 1u << SD_DISTRIBUTION_LABEL_INTERVAL,
                                  self->ctx.style, cr);
}

static void
render_bivariate (const SdDistributionView *self,
                  cairo_t                  *cr)
{
  _sd_distribution_shading_render (self->shading, cr);
  _sd_distribution_scatter_render (self->scatter, cr);
  _sd_distribution_ellipses_render (self->ellipses, cr);
  _sd_distribution_means_render (self->means, cr);
  _sd_distribution_labels_render (self->ctx.labels,
                                  1u << SD_DISTRIBUTION_LABEL_AXIS
                                  | 1u << SD_DISTRIBUTION_LABEL_ELLIPSE,
                                  self->ctx.style, cr);
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
      if (self->ctx.figure->bivariate)
        render_bivariate (self, cr);
      else
        render_univariate (self, cr);
      cairo_restore (cr);
    }
  sd_plot_draw_axes (plot, cr);
  sd_plot_draw_title (plot, cr);
  if (self->right_axis != NULL && self->has_area)
    _sd_distribution_right_axis_render (self->right_axis, &self->ctx, cr);

  if (self->has_area)
    sd_legend_draw (self->ctx.legend, cr, style, &self->ctx.area,
                    (const cairo_rectangle_t *) (gpointer) self->busy->data, self->busy->len,
                    NULL);
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

  *box = self->has_legend ? self->legend_box : (cairo_rectangle_t) { 0.0, 0.0, 0.0, 0.0 };
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
