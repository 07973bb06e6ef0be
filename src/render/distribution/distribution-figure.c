/* distribution-figure.c: a distribution figure drawn at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "distribution-figure.h"

/**
 * sd_distribution_figure_render:
 * @self: a figure's data
 * @cr: where to draw; user space is in points
 * @options: size, theme and the like
 *
 * Lays the figure out with sd_distribution_view_new() and draws it, see
 * #SdDistributionFigure, recording where its legend went in
 * @self->legend_box and where distribution functions are read in
 * @self->cdf_range.
 *
 * Returns: (transfer full): the laid out plot, to map pointer positions
 *   to data (the x axis and the main y axis)
 */
SdPlot *
sd_distribution_figure_render (SdDistributionFigure  *self,
                               cairo_t               *cr,
                               const SdFigureOptions *options)
{
  g_autoptr(SdDistributionView) view = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (sd_figure_options_are_valid (options), NULL);

  view = sd_distribution_view_new (self, options);
  sd_distribution_view_render (view, cr);
  sd_distribution_view_get_legend (view, &self->legend_box);
  sd_distribution_view_get_cdf_range (view, self->cdf_range);
  return sd_distribution_view_steal_plot (view);
}

/**
 * sd_distribution_figure_draw:
 * @cr: where to draw; user space is in points
 * @scene: a distribution scene
 * @options: size, theme and the like
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes what @scene shows with sd_distribution_figure_new() and draws
 * it with sd_distribution_figure_render(), for export and for callers
 * that draw once.
 *
 * Returns: (transfer full) (nullable): the laid out plot, or %NULL with
 *   @error set
 */
SdPlot *
sd_distribution_figure_draw (cairo_t                *cr,
                             const SdScene          *scene,
                             const SdFigureOptions  *options,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(SdDistributionFigure) figure = NULL;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  figure = sd_distribution_figure_new (scene, cancellable, error);
  if (figure == NULL)
    return NULL;

  return sd_distribution_figure_render (figure, cr, options);
}
