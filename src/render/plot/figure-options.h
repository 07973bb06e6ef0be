/* figure-options.h: how a figure is drawn: its size, theme and scale
 *
 * Every figure kind takes these options, and export/ passes them on; they
 * live here, beside the theme, so that the figure kinds need nothing from
 * export/ and the folders' includes point one way: export/ to the figure
 * kinds, the figure kinds to plot/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "colormap.h"
#include "theme.h"

G_BEGIN_DECLS

/* The size a figure has when nobody asks for another, in points. */
#define SD_FIGURE_DEFAULT_WIDTH 800.0
#define SD_FIGURE_DEFAULT_HEIGHT 600.0

/**
 * SdFigureOptions:
 * @width: the figure's width in points
 * @height: the figure's height in points
 * @theme: light, dark or print
 * @transparent: leave the background unpainted
 * @scale: multiplies font sizes and line widths (presentation mode); 1 for export
 * @colormap: the colour map when the scene names none
 *
 * How to draw a scene; everything about *what* to draw is in the scene.
 */
typedef struct
{
  double      width;
  double      height;
  SdTheme     theme;
  gboolean    transparent;
  double      scale;
  SdColormap  colormap;
} SdFigureOptions;

void     sd_figure_options_init      (SdFigureOptions       *options);
gboolean sd_figure_options_are_valid (const SdFigureOptions *options);
void     sd_figure_options_get_style (const SdFigureOptions *options,
                                      SdThemeStyle          *style);

G_END_DECLS
