/* undefined-layer.h: where f is undefined, hatched on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "grid.h"
#include "plot.h"
#include "theme.h"

G_BEGIN_DECLS

cairo_surface_t *sd_undefined_mask_new   (const SdGrid       *grid);
void             sd_undefined_mask_paint (cairo_t            *cr,
                                          const SdPlot       *plot,
                                          const SdGrid       *grid,
                                          cairo_surface_t    *mask,
                                          const SdThemeStyle *style);

G_END_DECLS
