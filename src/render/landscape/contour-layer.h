/* contour-layer.h: contour lines drawn over a plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "colorbar.h"
#include "contour.h"
#include "plot.h"

G_BEGIN_DECLS

/* Heatmap colours with a lower luma get light lines over them. */
#define SD_CONTOUR_DARK_LUMA 0.5

void sd_contour_layer_draw (cairo_t            *cr,
                            const SdPlot       *plot,
                            const SdContourSet *contours,
                            const SdColorbar   *colorbar,
                            const double       *on_dark,
                            const double       *on_light,
                            double              line_width);

G_END_DECLS
