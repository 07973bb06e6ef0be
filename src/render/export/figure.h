/* figure.h: one drawing of a scene onto any cairo_t
 *
 * The window's canvases and `saddle --export` both draw through here, so
 * what the window shows is what the exported file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "colormap.h"
#include "scene.h"
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

void     sd_figure_options_init (SdFigureOptions       *options);
gboolean sd_figure_draw         (cairo_t               *cr,
                                 const SdScene         *scene,
                                 const SdFigureOptions *options,
                                 GCancellable          *cancellable,
                                 GError               **error);

G_END_DECLS
