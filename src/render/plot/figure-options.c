/* figure-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "figure-options.h"

/**
 * sd_figure_options_init:
 * @options: (out): the options to fill
 *
 * 800 x 600 points, light theme, opaque, unscaled, viridis.
 */
void
sd_figure_options_init (SdFigureOptions *options)
{
  g_return_if_fail (options != NULL);

  options->width = SD_FIGURE_DEFAULT_WIDTH;
  options->height = SD_FIGURE_DEFAULT_HEIGHT;
  options->theme = SD_THEME_LIGHT;
  options->transparent = FALSE;
  options->scale = 1.0;
  options->colormap = SD_COLORMAP_VIRIDIS;
}

/**
 * sd_figure_options_are_valid:
 * @options: options
 *
 * Whether a figure can be drawn with @options: a known theme, a finite
 * positive scale and a finite size of at least 0 × 0.
 * Figures check their options with it at their entry points.
 *
 * Returns: %TRUE if they are
 */
gboolean
sd_figure_options_are_valid (const SdFigureOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->theme < SD_N_THEMES
         && isfinite (options->scale) && options->scale > 0.0
         && isfinite (options->width) && options->width >= 0.0
         && isfinite (options->height) && options->height >= 0.0;
}

/**
 * sd_figure_options_get_style:
 * @options: valid options
 * @style: (out caller-allocates): the style a figure drawn with them uses
 *
 * The theme's style at the options' scale, transparent when they ask for
 * it.
 */
void
sd_figure_options_get_style (const SdFigureOptions *options,
                             SdThemeStyle          *style)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (style != NULL);

  sd_theme_get_style (options->theme, options->scale, style);
  style->transparent = options->transparent;
}
