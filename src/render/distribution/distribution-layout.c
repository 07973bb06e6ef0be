/* distribution-layout.c: a distribution figure's ranges and rows of
 * labels, and the legend's corner, for a size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"
#include "text.h"

/* The tallest data sits this far below the top of the y range. */
#define TOP_MARGIN 1.08
/* The distribution function's axis, with room above 1 for the curve, and
 * below 0 when it is the main axis. */
#define CDF_MAX 1.05
#define CDF_MARGIN 0.025
/* A density that grows without bound at an end of the range is cut at
 * this many times its highest value away from the ends, the
 * EDGE_FRACTION of the points nearest each end left out. */
#define DENSITY_CUT 2.0
#define EDGE_FRACTION 0.05
/* The legend takes a top corner above the data unless that would shrink
 * the data by more than this factor beyond what the labels need. */
#define MAX_LEGEND_STRETCH 1.35
/* A legend set to fit in a top corner takes at most these shares of the
 * plot's width and height. */
static const double legend_widths[] = { 1.0, 0.75, 0.5, 0.35 };
static const double legend_heights[] = { 0.4, 0.3, 0.22, 0.15 };
/* As sd_legend_draw() insets the legend, in font sizes. */
#define LEGEND_INSET 0.6

/* Whether the density grows without bound at an end of the range:
 * gamma with shape < 1, chi-squared with 1 degree of freedom, beta with a
 * parameter below 1, at the end of their support. */
static gboolean
is_unbounded (const SdDistributionCurve *curve)
{
  const double *range = curve->source->x_range;
  double lower, upper;

  if (_sd_distribution_is_discrete (curve))
    return FALSE;

  for (gsize i = 0; i < curve->n_points; i++)
    {
      if (!isfinite (curve->density[i]))
        return TRUE;
    }

  sd_distribution_get_support (curve->distribution, &lower, &upper);
  return (isfinite (lower) && lower >= range[0] && lower <= range[1]
          && !isfinite (sd_distribution_pdf (curve->distribution, lower)))
         || (isfinite (upper) && upper >= range[0] && upper <= range[1]
             && !isfinite (sd_distribution_pdf (curve->distribution, upper)));
}

/* The highest histogram bar, as a density. */
static double
histogram_peak (const SdDistributionCurve *curve)
{
  double peak = 0.0;

  if (curve->histogram == NULL || curve->n_samples == 0)
    return 0.0;

  for (guint i = 0; i < sd_histogram_get_n_bins (curve->histogram); i++)
    {
      double lower, upper;

      sd_histogram_get_bin (curve->histogram, i, &lower, &upper);
      peak = MAX (peak, sd_histogram_get_count (curve->histogram, i)
                        / ((double) curve->n_samples * (upper - lower)));
    }
  return peak;
}

/* The top of what a figure shows of @curve's density: its highest value
 * and highest bar; an unbounded density is cut at DENSITY_CUT times its
 * peak away from the ends, and its bars with it. */
static double
curve_peak (const SdDistributionCurve *curve)
{
  gsize n = curve->n_points;
  gsize edge = (gsize) ceil (EDGE_FRACTION * n);
  gboolean drawn = (curve->source->layers & SD_LAYER_PDF)
                   || _sd_distribution_shows_interval (curve);
  double all = 0.0, inner = 0.0;

  for (gsize i = 0; drawn && i < n; i++)
    {
      double y = curve->density[i];

      if (!isfinite (y))
        continue;
      all = MAX (all, y);
      if (i >= edge && i + edge < n)
        inner = MAX (inner, y);
    }

  if (is_unbounded (curve))
    {
      double cut = DENSITY_CUT * (drawn ? inner : histogram_peak (curve));

      return MIN (MAX (all, histogram_peak (curve)), cut);
    }

  return MAX (all, histogram_peak (curve));
}

static double
main_axis_top (const SdDistributionContext *ctx)
{
  double peak = 0.0;

  if (!ctx->density_axis)
    return CDF_MAX;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);

      /* A distribution function alone is read on the other axis. */
      if (_sd_distribution_shows_cdf (curve) && !_sd_distribution_shows_density (curve)
          && !_sd_distribution_shows_interval (curve))
        continue;
      peak = MAX (peak, curve_peak (curve));
    }

  return peak > 0.0 && isfinite (peak) ? TOP_MARGIN * peak : 1.0;
}

/* The x range: every distribution's, with half a unit and a little more
 * beside the outer whole numbers of discrete ones, whose stems and bars
 * would otherwise sit on the frame. */
static void
x_view (SdDistributionContext *ctx)
{
  ctx->view[0] = INFINITY;
  ctx->view[1] = -INFINITY;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      const double *range = curve->source->x_range;

      ctx->view[0] = MIN (ctx->view[0], range[0]);
      ctx->view[1] = MAX (ctx->view[1], range[1]);
      if (_sd_distribution_is_discrete (curve) && curve->n_points > 0)
        {
          double first = curve->x[0], last = curve->x[curve->n_points - 1];
          double pad = 0.6 + 0.02 * (last - first);

          ctx->view[0] = MIN (ctx->view[0], first - pad);
          ctx->view[1] = MAX (ctx->view[1], last + pad);
        }
    }
}

gboolean
_sd_distribution_has_moments (const SdDistributionContext *ctx,
                              const SdDistributionCurve   *curve)
{
  return (curve->source->layers & SD_LAYER_MOMENTS) && isfinite (curve->mean)
         && curve->mean >= ctx->view[0] && curve->mean <= ctx->view[1];
}

double
_sd_distribution_label_row_height (const SdDistributionContext *ctx)
{
  return (1.25 + SD_DISTRIBUTION_LABEL_GAP) * ctx->style->font_size;
}

double
_sd_distribution_plate_row_height (const SdDistributionContext *ctx)
{
  return (1.25 + 2 * SD_DISTRIBUTION_PLATE_PADDING + SD_DISTRIBUTION_LABEL_GAP)
         * ctx->style->font_size;
}

static guint
count_moment_rows (const SdDistributionContext *ctx)
{
  guint rows = 0;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    rows += _sd_distribution_has_moments (ctx, _sd_distribution_curve_at (ctx, i));
  return rows;
}

/* The height of the rows of labels above the data: one row of moment
 * labels per distribution, then one per interval label that does not fit
 * in its shaded area. */
static double
rows_height (const SdDistributionContext *ctx)
{
  double height = count_moment_rows (ctx) * _sd_distribution_label_row_height (ctx);

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    height += ctx->interval_row[i] ? _sd_distribution_plate_row_height (ctx) : 0.0;
  return height;
}


/* Marks where the data will be, before drawing it, for the choice of the
 * legend's corner. */
static void
measure_data (SdDistributionContext *ctx)
{
  _sd_distribution_reset_busy (ctx);

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      gboolean density = ctx->density_axis
                         && ((curve->source->layers & SD_LAYER_PDF)
                             || _sd_distribution_shows_interval (curve));

      if (ctx->density_axis && curve->histogram != NULL && curve->n_samples > 0)
        {
          for (guint j = 0; j < sd_histogram_get_n_bins (curve->histogram); j++)
            {
              double lower, upper, top;

              sd_histogram_get_bin (curve->histogram, j, &lower, &upper);
              top = sd_histogram_get_count (curve->histogram, j)
                    / ((double) curve->n_samples * (upper - lower));
              _sd_distribution_mark_busy (ctx, _sd_distribution_map_x (ctx, lower),
                                          _sd_distribution_map_x (ctx, upper),
                                          _sd_distribution_map_density (ctx, top));
            }
        }

      for (gsize j = 0; j < curve->n_points; j++)
        {
          double px = _sd_distribution_map_x (ctx, curve->x[j]);
          double next = j + 1 < curve->n_points ? _sd_distribution_map_x (ctx, curve->x[j + 1])
                                                : px;

          if (density)
            _sd_distribution_mark_busy (ctx, px, px,
                                        _sd_distribution_map_density (ctx, curve->density[j]));
          if (_sd_distribution_shows_cdf (curve))
            _sd_distribution_mark_busy (ctx, px, _sd_distribution_is_discrete (curve) ? next : px,
                                        _sd_distribution_map_cdf (ctx, curve->cumulative[j]));
        }
    }
}

/* Whether a moment label of @curve may fall in the columns @x0 to @x1. */
static gboolean
moment_label_within (const SdDistributionContext *ctx,
                     const SdDistributionCurve *curve,
                     double                     x0,
                     double                     x1)
{
  /* The labels' widths, "μ − σ" at most, taken generously. */
  double half = 1.8 * ctx->style->font_size;

  for (int k = -1; k <= 1; k++)
    {
      double x = curve->mean + k * curve->sd;
      double px;

      if (!isfinite (x) || x < ctx->view[0] || x > ctx->view[1])
        continue;
      px = _sd_distribution_map_x (ctx, x);
      if (px + half > x0 && px - half < x1)
        return TRUE;
    }
  return FALSE;
}

/* The span of the visible part of @curve's interval, in points. */
static void
interval_span (const SdDistributionContext *ctx,
               const SdDistributionCurve *curve,
               double                    *px0,
               double                    *px1)
{
  *px0 = _sd_distribution_map_x (ctx, MAX (curve->source->interval[0], ctx->view[0]));
  *px1 = _sd_distribution_map_x (ctx, MIN (curve->source->interval[1], ctx->view[1]));
}

/* Whether a label in the rows above the data may fall in the columns @x0
 * to @x1. */
static gboolean
labels_within (const SdDistributionContext *ctx,
               double  x0,
               double  x1)
{
  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);

      if (_sd_distribution_has_moments (ctx, curve) && moment_label_within (ctx, curve, x0, x1))
        return TRUE;

      if (ctx->interval_row[i])
        {
          double a, b, half = ctx->interval_width[i] / 2
                              + SD_DISTRIBUTION_PLATE_PADDING * ctx->style->font_size;

          interval_span (ctx, curve, &a, &b);
          if ((a + b) / 2 + half > x0 && (a + b) / 2 - half < x1)
            return TRUE;
        }
    }
  return FALSE;
}

/* Which interval labels go in a row above the data: those that do not fit
 * well inside their shaded area (stems have none). */
static void
place_interval_labels (SdDistributionContext *ctx)
{
  double em = ctx->style->font_size;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      g_autofree char *markup = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double a, b, mid, height, inside;

      if (!_sd_distribution_shows_interval (curve) || _sd_distribution_interval_on_cdf (curve)
          || !ctx->density_axis)
        continue;

      markup = sd_distribution_interval_markup (curve->source->interval[0],
                                                curve->source->interval[1], curve->probability);
      layout = sd_text_layout_new (ctx->measure, ctx->style, SD_TEXT_BODY, markup);
      sd_text_get_size (layout, &ctx->interval_width[i], &height, NULL);
      interval_span (ctx, curve, &a, &b);
      mid = (MAX (curve->source->interval[0], ctx->view[0])
             + MIN (curve->source->interval[1], ctx->view[1])) / 2;
      inside = _sd_distribution_is_discrete (curve)
               ? 0.0
               : _sd_distribution_map_density (ctx, 0.0)
                 - _sd_distribution_map_density (ctx, sd_distribution_pdf (curve->distribution,
                                                                           mid));
      /* A label may reach a little beyond the shaded area on either side;
       * its plate keeps it legible over whatever is there. */
      ctx->interval_row[i] = !(inside > 4.0 * height
                             && 1.6 * (b - a) + 2 * em > ctx->interval_width[i]);
    }
}

/* How much the y range must grow so that the data stays below the rows of
 * moment labels at the top, and below the legend in @box when there is
 * one: its columns' data below the legend, and below the label rows that
 * move under the legend. */
static double
required_stretch (const SdDistributionContext *ctx,
                  const cairo_rectangle_t *box)
{
  double height = ctx->area.height, bottom = ctx->area.y + height;
  /* Dots on stems reach half a marker above their value. */
  double clearance = 0.5 * ctx->style->marker_size + 0.8 * ctx->style->font_size;
  double rows = rows_height (ctx);
  double slice = ctx->area.width / SD_DISTRIBUTION_BUSY_SLICES;
  double peak = 0.0, span = 0.0, depth, under = 0.0, stretch;

  for (guint s = 0; s < SD_DISTRIBUTION_BUSY_SLICES; s++)
    {
      double x0 = ctx->area.x + s * slice;

      peak = MAX (peak, bottom - ctx->busy_top[s]);
      if (box != NULL && x0 + slice > box->x && x0 < box->x + box->width)
        span = MAX (span, bottom - ctx->busy_top[s]);
    }

  if (rows > 0.0)
    rows += clearance;
  if (!(height > 2.0 * rows))
    return 1.0;
  stretch = MAX (1.0, peak / (height - rows));
  if (box == NULL)
    return stretch;

  if (labels_within (ctx, box->x, box->x + box->width))
    under = rows;
  depth = box->y + box->height - ctx->area.y + clearance + under;
  if (!(height > 2.0 * depth))
    return INFINITY;
  return MAX (stretch, span / (height - depth));
}

/* Where sd_legend_draw() puts a legend of @width x @height in @placement. */
static void
legend_box_at (const SdDistributionContext *ctx,
               SdLegendPlacement  placement,
               double             width,
               double             height,
               cairo_rectangle_t *box)
{
  double inset = LEGEND_INSET * ctx->style->font_size;

  box->width = width;
  box->height = height;
  box->x = placement == SD_LEGEND_TOP_LEFT ? ctx->area.x + inset
                                           : ctx->area.x + ctx->area.width - inset - width;
  box->y = ctx->area.y + inset;
}

/* Densities start at the frame, as bars stand on it; distribution
 * functions alone start a little below it, so that where they are 0 they
 * show instead of hiding in the frame. */
static void
set_y_range (SdDistributionContext *ctx,
             double                 top,
             double                 stretch)
{
  ctx->y_top = top * stretch;
  ctx->cdf_range[0] = ctx->density_axis ? 0.0 : -CDF_MARGIN * ctx->y_top;
  ctx->cdf_range[1] = ctx->density_axis ? CDF_MAX * stretch : ctx->y_top;
  sd_plot_set_axis (ctx->plot, SD_AXIS_Y, SD_SCALE_LINEAR,
                    ctx->density_axis ? 0.0 : ctx->cdf_range[0], ctx->y_top);
}

/* Which axes the univariate figure has, where stems stand and its x
 * range. */
void
_sd_distribution_classify (SdDistributionContext *ctx)
{
  gboolean any_density = FALSE, any_cdf = FALSE;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);

      any_density |= _sd_distribution_shows_density (curve)
                     || (_sd_distribution_shows_interval (curve)
                         && !_sd_distribution_interval_on_cdf (curve));
      any_cdf |= _sd_distribution_shows_cdf (curve);
      ctx->any_histogram |= curve->histogram != NULL;
      if (_sd_distribution_is_discrete (curve) && (curve->source->layers & SD_LAYER_PDF))
        ctx->stem_slot[i] = ctx->n_stems++;
    }

  ctx->density_axis = any_density || !any_cdf;
  ctx->twin = ctx->density_axis && any_cdf;
  x_view (ctx);
}

/* Sets the legend as legibly as it goes in @width_share x @height_share
 * of the plot, inside it (see sd_legend_fit_size()).
 *
 * Returns: whether it fits so */
static gboolean
fit_legend (SdDistributionContext *ctx,
            double                 width_share,
            double                 height_share,
            SdLegendFit           *fit)
{
  double inset = LEGEND_INSET * ctx->style->font_size;

  return sd_legend_fit_size (ctx->legend, ctx->measure, ctx->style,
                             width_share * (ctx->area.width - 2 * inset),
                             height_share * ctx->area.height, fit);
}

/* The stretch of the y range the data needs to stay below the legend set
 * as @fit in the best top corner, which goes to @corner. */
static double
corner_stretch (const SdDistributionContext *ctx,
                const SdLegendFit           *fit,
                SdLegendPlacement           *corner)
{
  static const SdLegendPlacement corners[] = { SD_LEGEND_TOP_RIGHT, SD_LEGEND_TOP_LEFT };
  double best = INFINITY;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      cairo_rectangle_t box;
      double needed;

      legend_box_at (ctx, corners[i], fit->box.width, fit->box.height, &box);
      needed = required_stretch (ctx, &box);
      if (needed < best)
        {
          best = needed;
          *corner = corners[i];
        }
    }
  return best;
}

/* Puts the legend in a top corner above the data, set in the most legible
 * way (the largest text, then the widest box, unwrapped if it can be)
 * that shrinks the data by at most MAX_LEGEND_STRETCH more than the
 * labels need (@stretch); narrower and shorter boxes, wrapped or in
 * smaller text, may need less room. Sets ctx->placement, AUTO for none.
 *
 * Returns: the stretch of the y range the legend and labels need */
static double
choose_corner (SdDistributionContext *ctx,
               double                 stretch)
{
  double chosen = stretch;

  ctx->placement = SD_LEGEND_AUTO;
  for (guint w = 0; w < G_N_ELEMENTS (legend_widths); w++)
    for (guint h = 0; h < G_N_ELEMENTS (legend_heights); h++)
      {
        SdLegendPlacement corner = SD_LEGEND_TOP_RIGHT;
        SdLegendFit fit;
        double needed;

        if (!fit_legend (ctx, legend_widths[w], legend_heights[h], &fit))
          continue;
        needed = corner_stretch (ctx, &fit, &corner);
        if (needed > MAX_LEGEND_STRETCH * stretch)
          continue;
        if (ctx->placement == SD_LEGEND_AUTO || fit.font_scale > ctx->legend_fit.font_scale)
          {
            chosen = needed;
            ctx->placement = corner;
            ctx->legend_fit = fit;
          }
      }

  return chosen;
}

/* The univariate figure's layout. The plot is laid out once to see where
 * the data goes; then, so that neither the legend nor the labels hide
 * data, the legend, set to fit (see fit_legend()), takes the top corner
 * that needs the least headroom above the data, and the y range is
 * raised to make that headroom and room for the rows of moment labels.
 * Only when a top corner would take too much of the plot does the legend
 * go where it hides the least, which the view finds once the data is
 * drawn. @right is the room the right axis needs beside the plot. */
void
_sd_distribution_layout_univariate (SdDistributionContext *ctx,
                                    double                 width,
                                    double                 height,
                                    double                 right)
{
  double top, stretch;

  top = main_axis_top (ctx);
  width = MAX (width - right, 0.0);
  sd_plot_set_axis (ctx->plot, SD_AXIS_X, SD_SCALE_LINEAR, ctx->view[0], ctx->view[1]);
  set_y_range (ctx, top, 1.0);
  sd_plot_layout (ctx->plot, ctx->measure, width, height);
  sd_plot_get_area (ctx->plot, &ctx->area);
  place_interval_labels (ctx);
  measure_data (ctx);

  stretch = required_stretch (ctx, NULL);
  ctx->placement = SD_LEGEND_AUTO;
  if (!ctx->legend_below)
    stretch = choose_corner (ctx, stretch);

  set_y_range (ctx, top, stretch);
  sd_plot_layout (ctx->plot, ctx->measure, width, height);
  sd_plot_get_area (ctx->plot, &ctx->area);
  ctx->rows_top = ctx->area.y + SD_DISTRIBUTION_LABEL_GAP * ctx->style->font_size;
  if (ctx->placement != SD_LEGEND_AUTO)
    {
      cairo_rectangle_t *box = &ctx->legend_fit.box;

      legend_box_at (ctx, ctx->placement, box->width, box->height, box);
      if (labels_within (ctx, box->x, box->x + box->width))
        ctx->rows_top += box->y + box->height - ctx->area.y;
    }
  _sd_distribution_reset_busy (ctx);
}

/* The bivariate figure's layout: every distribution's x and y range, with
 * an equal aspect. */
void
_sd_distribution_layout_bivariate (SdDistributionContext *ctx,
                                   double                 width,
                                   double                 height)
{
  double y_view[2] = { INFINITY, -INFINITY };

  ctx->view[0] = INFINITY;
  ctx->view[1] = -INFINITY;
  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdSceneDistribution *source = _sd_distribution_curve_at (ctx, i)->source;

      ctx->view[0] = MIN (ctx->view[0], source->x_range[0]);
      ctx->view[1] = MAX (ctx->view[1], source->x_range[1]);
      y_view[0] = MIN (y_view[0], source->y_range[0]);
      y_view[1] = MAX (y_view[1], source->y_range[1]);
    }

  sd_plot_set_equal_aspect (ctx->plot, TRUE);
  sd_plot_set_axis (ctx->plot, SD_AXIS_X, SD_SCALE_LINEAR, ctx->view[0], ctx->view[1]);
  sd_plot_set_axis (ctx->plot, SD_AXIS_Y, SD_SCALE_LINEAR, y_view[0], y_view[1]);
  sd_plot_layout (ctx->plot, ctx->measure, width, height);
  sd_plot_get_area (ctx->plot, &ctx->area);
  _sd_distribution_reset_busy (ctx);
}
