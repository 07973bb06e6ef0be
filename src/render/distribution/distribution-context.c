/* distribution-context.c: what the layers of a distribution figure share:
 * which layers a distribution shows, where values go on the page, and
 * where the data is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"

/* Densities are clamped to this many y ranges before mapping, so that an
 * infinite density leaves the plot upwards instead of breaking the path. */
#define CLAMP_RANGES 4.0

void
_sd_distribution_context_init (SdDistributionContext      *ctx,
                               const SdDistributionFigure *figure,
                               const SdThemeStyle         *style,
                               cairo_t                    *measure)
{
  guint n = MAX (figure->curves->len, 1);

  memset (ctx, 0, sizeof *ctx);
  ctx->figure = figure;
  ctx->measure = measure;
  ctx->plot = sd_plot_new (style);
  ctx->style = sd_plot_get_style (ctx->plot);
  ctx->stem_slot = g_new0 (guint, n);
  ctx->interval_row = g_new0 (gboolean, n);
  ctx->interval_width = g_new0 (double, n);
  ctx->labels = g_array_new (FALSE, FALSE, sizeof (SdDistributionLabel));
  g_array_set_clear_func (ctx->labels, _sd_distribution_label_clear);
  ctx->legend = sd_distribution_figure_create_legend (figure, ctx->style);
  ctx->placement = SD_LEGEND_AUTO;
}

void
_sd_distribution_context_clear (SdDistributionContext *ctx)
{
  g_clear_pointer (&ctx->plot, sd_plot_free);
  g_clear_pointer (&ctx->stem_slot, g_free);
  g_clear_pointer (&ctx->interval_row, g_free);
  g_clear_pointer (&ctx->interval_width, g_free);
  g_clear_pointer (&ctx->labels, g_array_unref);
  g_clear_pointer (&ctx->placer, sd_label_placer_free);
  g_clear_pointer (&ctx->legend, sd_legend_free);
}

SdDistributionCurve *
_sd_distribution_curve_at (const SdDistributionContext *ctx,
                           guint                        index)
{
  return g_ptr_array_index (ctx->figure->curves, index);
}

void
_sd_distribution_curve_color (const SdDistributionContext *ctx,
                              const SdDistributionCurve   *curve,
                              double                       rgba[4])
{
  sd_distribution_curve_get_color (curve, ctx->style->theme, rgba);
}

void
_sd_distribution_color_with_alpha (const double rgba[4],
                                   double       alpha,
                                   double       out[4])
{
  memcpy (out, rgba, 3 * sizeof (double));
  out[3] = rgba[3] * alpha;
}

/* Translucent fills of the same alpha look fainter on a dark background,
 * where a colour's lightness differs less from the background's. */
double
_sd_distribution_fill_alpha (const SdDistributionContext *ctx,
                             double                       alpha)
{
  return ctx->style->theme == SD_THEME_DARK ? MIN (1.5 * alpha, 1.0) : alpha;
}

gboolean
_sd_distribution_shows_density (const SdDistributionCurve *curve)
{
  return (curve->source->layers & (SD_LAYER_PDF | SD_LAYER_HISTOGRAM)) != 0;
}

gboolean
_sd_distribution_shows_cdf (const SdDistributionCurve *curve)
{
  return (curve->source->layers & SD_LAYER_CDF) != 0;
}

gboolean
_sd_distribution_shows_interval (const SdDistributionCurve *curve)
{
  return (curve->source->layers & SD_LAYER_INTERVAL) && !isnan (curve->probability);
}

/* An interval is shaded under the density, unless the distribution shows
 * only its distribution function: then it is marked there. */
gboolean
_sd_distribution_interval_on_cdf (const SdDistributionCurve *curve)
{
  return _sd_distribution_shows_interval (curve) && !_sd_distribution_shows_density (curve)
         && _sd_distribution_shows_cdf (curve);
}

gboolean
_sd_distribution_is_discrete (const SdDistributionCurve *curve)
{
  return curve->distribution != NULL && sd_distribution_is_discrete (curve->distribution);
}

double
_sd_distribution_map_x (const SdDistributionContext *ctx,
                        double                       x)
{
  double px;

  sd_plot_map (ctx->plot, x, ctx->density_axis ? 0.0 : ctx->cdf_range[0], &px, NULL);
  return px;
}

double
_sd_distribution_map_density (const SdDistributionContext *ctx,
                              double                       y)
{
  double py;

  y = isnan (y) ? 0.0 : CLAMP (y, 0.0, CLAMP_RANGES * ctx->y_top);
  sd_plot_map (ctx->plot, ctx->view[0], y, NULL, &py);
  return py;
}

double
_sd_distribution_map_cdf (const SdDistributionContext *ctx,
                          double                       f)
{
  return ctx->area.y + ctx->area.height * (ctx->cdf_range[1] - f)
                       / (ctx->cdf_range[1] - ctx->cdf_range[0]);
}

/* Notes that the data reaches up to @py between @px0 and @px1. */
void
_sd_distribution_mark_busy (SdDistributionContext *ctx,
                            double                 px0,
                            double                 px1,
                            double                 py)
{
  double slice = ctx->area.width / SD_DISTRIBUTION_BUSY_SLICES;
  int first, last;

  if (!(slice > 0.0) || isnan (px0) || isnan (px1) || isnan (py))
    return;

  first = (int) floor ((MIN (px0, px1) - ctx->area.x) / slice);
  last = (int) floor ((MAX (px0, px1) - ctx->area.x) / slice);
  first = MAX (first, 0);
  last = MIN (last, SD_DISTRIBUTION_BUSY_SLICES - 1);
  for (int s = first; s <= last; s++)
    ctx->busy_top[s] = MIN (ctx->busy_top[s], MAX (py, ctx->area.y));
}

void
_sd_distribution_reset_busy (SdDistributionContext *ctx)
{
  for (guint s = 0; s < SD_DISTRIBUTION_BUSY_SLICES; s++)
    ctx->busy_top[s] = ctx->area.y + ctx->area.height;
}

/* The distance between neighbouring stems of @curve, in points. */
double
_sd_distribution_stem_spacing (const SdDistributionContext *ctx,
                               const SdDistributionCurve   *curve)
{
  double unit = ctx->area.width / (ctx->view[1] - ctx->view[0]);
  double step = curve->n_points > 1 ? curve->x[1] - curve->x[0] : 1.0;

  return unit * step / MAX (ctx->n_stems, 1);
}

/* Too close for stems: the mass is drawn as an outline, like a density. */
gboolean
_sd_distribution_is_dense (const SdDistributionContext *ctx,
                           const SdDistributionCurve   *curve)
{
  return _sd_distribution_is_discrete (curve)
         && _sd_distribution_stem_spacing (ctx, curve) < 1.5 * ctx->style->line_width;
}

/* F(a-) and F(b), whose difference is the interval's probability. */
void
_sd_distribution_interval_cdf (const SdDistributionCurve *curve,
                               double                    *fa,
                               double                    *fb)
{
  const double *interval = curve->source->interval;

  if (_sd_distribution_is_discrete (curve))
    {
      *fa = sd_distribution_cdf (curve->distribution, ceil (interval[0]) - 1.0);
      *fb = sd_distribution_cdf (curve->distribution, floor (interval[1]));
      return;
    }

  *fa = sd_distribution_cdf (curve->distribution, interval[0]);
  *fb = sd_distribution_cdf (curve->distribution, interval[1]);
}

/* Where the arrow showing F(b) − F(a) stands: just right of b, where the
 * distribution function has risen to F(b) and stays above the arrow, so
 * that the arrow and its label right of it keep clear of the curve. */
double
_sd_distribution_cdf_bracket_x (const SdDistributionContext *ctx,
                                const SdDistributionCurve   *curve)
{
  double x = _sd_distribution_map_x (ctx, MIN (curve->source->interval[1], ctx->view[1]));

  return MIN (x + 0.8 * ctx->style->font_size,
              ctx->area.x + ctx->area.width - ctx->style->font_size);
}

/* Device pixels per point of @cr. */
double
_sd_distribution_device_scale (cairo_t *cr)
{
  double dx = 1.0, dy = 0.0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return MAX (hypot (dx, dy), 1e-6);
}

/* Adds a line through the points, which go from left to right. Of the
 * points that fall in one device pixel column only the first, the lowest,
 * the highest and the last are kept: the drawing is the same, and a path
 * has at most four points per column however many the data has. */
void
_sd_distribution_add_polyline (cairo_t      *cr,
                               const double *px,
                               const double *py,
                               gsize         n,
                               gboolean      join)
{
  double ppd = _sd_distribution_device_scale (cr);
  gsize last = G_MAXSIZE;
  gsize i = 0;

  while (i < n)
    {
      double column = floor (px[i] * ppd);
      gsize j = i, lo = i, hi = i;
      gsize picks[4];

      for (; j < n && floor (px[j] * ppd) == column; j++)
        {
          if (py[j] < py[lo])
            lo = j;
          if (py[j] > py[hi])
            hi = j;
        }

      picks[0] = i;
      picks[1] = MIN (lo, hi);
      picks[2] = MAX (lo, hi);
      picks[3] = j - 1;
      for (guint k = 0; k < G_N_ELEMENTS (picks); k++)
        {
          if (picks[k] == last)
            continue;
          if (last == G_MAXSIZE && !join)
            cairo_move_to (cr, px[picks[k]], py[picks[k]]);
          else
            cairo_line_to (cr, px[picks[k]], py[picks[k]]);
          last = picks[k];
        }
      i = j;
    }
}

/* Maps @values at @curve's x, densities or values of its distribution
 * function, and marks where they are. */
void
_sd_distribution_polyline_map (SdDistributionContext     *ctx,
                               SdDistributionPolyline    *line,
                               const SdDistributionCurve *curve,
                               const double              *values,
                               gboolean                   cdf)
{
  line->n = curve->n_points;
  line->px = g_new (double, MAX (line->n, 1));
  line->py = g_new (double, MAX (line->n, 1));
  for (gsize i = 0; i < line->n; i++)
    {
      line->px[i] = _sd_distribution_map_x (ctx, curve->x[i]);
      line->py[i] = cdf ? _sd_distribution_map_cdf (ctx, values[i])
                        : _sd_distribution_map_density (ctx, values[i]);
      _sd_distribution_mark_busy (ctx, line->px[i], line->px[i], line->py[i]);
    }
}

void
_sd_distribution_polyline_clear (SdDistributionPolyline *line)
{
  g_clear_pointer (&line->px, g_free);
  g_clear_pointer (&line->py, g_free);
  line->n = 0;
}
