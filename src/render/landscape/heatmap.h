/* heatmap.h: a sampled surface painted as an image, coloured like its colour bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "colorbar.h"
#include "grid.h"
#include "plot.h"

G_BEGIN_DECLS

cairo_surface_t *sd_heatmap_create_image (const SdGrid     *grid,
                                          const SdColorbar *colorbar);
void             sd_heatmap_paint        (cairo_t          *cr,
                                          const SdPlot     *plot,
                                          const SdGrid     *grid,
                                          cairo_surface_t  *image);

G_END_DECLS
