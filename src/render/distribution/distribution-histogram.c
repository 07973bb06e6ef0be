/* distribution-histogram.c: the draws of each distribution in equal bins,
 * scaled as a density, as translucent bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "distribution-private.h"

#define BAR_EDGE_ALPHA 0.70  /* the bars' outline */

struct _SdDistributionHistogram
{
  const SdDistributionContext *ctx;
  GPtrArray                   *curves;  /* (element-type SdDistributionCurve) with a histogram */
};

/* The density the bins @first to @last show together: their draws over
 * their width; sets where they start and end. */
static double
bin_density (const SdDistributionCurve *curve,
             guint                      first,
             guint                      last,
             double                    *lower,
             double                    *upper)
{
  guint64 count = 0;

  for (guint j = first; j <= last; j++)
    count += sd_histogram_get_count (curve->histogram, j);
  sd_histogram_get_bin (curve->histogram, first, lower, NULL);
  sd_histogram_get_bin (curve->histogram, last, NULL, upper);
  return count / ((double) curve->n_samples * (*upper - *lower));
}

/* Bars are read on the density axis only. Each bin marks where the data
 * is; how many bins make one bar depends on the device the figure is
 * drawn on, so the bars are made when they are drawn. */
SdDistributionHistogram *
_sd_distribution_histogram_new (SdDistributionContext *ctx)
{
  SdDistributionHistogram *self = g_new0 (SdDistributionHistogram, 1);

  self->ctx = ctx;
  self->curves = g_ptr_array_new ();
  if (!ctx->density_axis)
    return self;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);

      if (curve->histogram == NULL || curve->n_samples == 0)
        continue;

      g_ptr_array_add (self->curves, curve);
      for (guint j = 0; j < sd_histogram_get_n_bins (curve->histogram); j++)
        {
          double lower, upper, density = bin_density (curve, j, j, &lower, &upper);

          _sd_distribution_mark_busy (ctx, _sd_distribution_map_x (ctx, lower),
                                      _sd_distribution_map_x (ctx, upper),
                                      _sd_distribution_map_density (ctx, density));
        }
    }

  return self;
}

/* One pass over the bars: their fill (@pass 0) or their outline. */
static void
add_bars (const SdDistributionContext *ctx,
          cairo_t                     *cr,
          const SdDistributionCurve   *curve,
          guint                        group,
          gboolean                     outline_bars,
          guint                        pass)
{
  guint n_bins = sd_histogram_get_n_bins (curve->histogram);
  double base = _sd_distribution_map_density (ctx, 0.0);

  for (guint i = 0; i < n_bins; i += group)
    {
      guint last = MIN (i + group, n_bins) - 1;
      double lower, upper, density = bin_density (curve, i, last, &lower, &upper);
      double x0 = _sd_distribution_map_x (ctx, lower);
      double x1 = _sd_distribution_map_x (ctx, upper);
      double top = _sd_distribution_map_density (ctx, density);

      if (pass == 0)
        cairo_rectangle (cr, x0, top, x1 - x0, base - top);
      else if (outline_bars)
        {
          cairo_move_to (cr, x0, base);
          cairo_line_to (cr, x0, top);
          cairo_line_to (cr, x1, top);
          cairo_line_to (cr, x1, base);
        }
      else
        {
          if (i == 0)
            cairo_move_to (cr, x0, top);
          else
            cairo_line_to (cr, x0, top);
          cairo_line_to (cr, x1, top);
        }
    }
}

static void
render_curve (const SdDistributionContext *ctx,
              const SdDistributionCurve   *curve,
              cairo_t                     *cr)
{
  double rgba[4], fill[4], edge[4], lower, upper, bar, ppd;
  gboolean outline_bars;
  guint group;

  sd_histogram_get_bin (curve->histogram, 0, &lower, &upper);
  bar = _sd_distribution_map_x (ctx, upper) - _sd_distribution_map_x (ctx, lower);
  ppd = _sd_distribution_device_scale (cr);
  /* Bars narrower than a device pixel are merged, so the path stays as
   * short as the plot is wide; a merged bar's height is its bins' mean
   * density. Wider bars get an outline each, narrow ones a skyline. */
  group = bar * ppd >= 1.0 ? 1 : (guint) ceil (1.0 / (bar * ppd));
  outline_bars = bar * group >= 4.0 * ctx->style->axis_line_width;

  _sd_distribution_curve_color (ctx, curve, rgba);
  _sd_distribution_color_with_alpha (rgba, _sd_distribution_fill_alpha (ctx,
                                                                        SD_DISTRIBUTION_BAR_ALPHA),
                                     fill);
  _sd_distribution_color_with_alpha (rgba, BAR_EDGE_ALPHA, edge);

  cairo_save (cr);
  cairo_set_line_width (cr, ctx->style->axis_line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  add_bars (ctx, cr, curve, group, outline_bars, 0);
  sd_set_source_color (cr, fill);
  cairo_fill (cr);
  add_bars (ctx, cr, curve, group, outline_bars, 1);
  sd_set_source_color (cr, edge);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_sd_distribution_histogram_render (const SdDistributionHistogram *self,
                                   cairo_t                       *cr)
{
  for (guint i = 0; i < self->curves->len; i++)
    render_curve (self->ctx, g_ptr_array_index (self->curves, i), cr);
}

void
_sd_distribution_histogram_free (SdDistributionHistogram *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->curves);
  g_free (self);
}
