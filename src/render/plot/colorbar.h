/* colorbar.h: the bar that tells which colour means which value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "colormap.h"
#include "theme.h"
#include "ticks.h"

G_BEGIN_DECLS

/**
 * SdColorbar:
 *
 * A vertical bar showing a colour map over a range of values, linear or
 * logarithmic, with its own ticks and a title. Put it beside a plot with
 * sd_plot_set_colorbar(), and colour the data with
 * sd_colorbar_get_color() so data and bar agree.
 */
typedef struct _SdColorbar SdColorbar;

SdColorbar *sd_colorbar_new           (SdColormap           colormap,
                                       SdScale              scale,
                                       double               vmin,
                                       double               vmax);
void        sd_colorbar_free          (SdColorbar          *colorbar);
void        sd_colorbar_set_title     (SdColorbar          *colorbar,
                                       const char          *markup);
const char *sd_colorbar_get_title     (const SdColorbar    *colorbar);
SdColormap  sd_colorbar_get_colormap  (const SdColorbar    *colorbar);
SdScale     sd_colorbar_get_scale     (const SdColorbar    *colorbar);
void        sd_colorbar_get_range     (const SdColorbar    *colorbar,
                                       double              *vmin,
                                       double              *vmax);
double      sd_colorbar_get_fraction  (const SdColorbar    *colorbar,
                                       double               value);
void        sd_colorbar_get_color     (const SdColorbar    *colorbar,
                                       double               value,
                                       double               rgba[4]);
double      sd_colorbar_get_bar_width (const SdThemeStyle  *style);
double      sd_colorbar_measure       (SdColorbar          *colorbar,
                                       cairo_t             *cr,
                                       const SdThemeStyle  *style,
                                       double               height);
void        sd_colorbar_draw          (SdColorbar          *colorbar,
                                       cairo_t             *cr,
                                       const SdThemeStyle  *style,
                                       double               x,
                                       double               y,
                                       double               height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdColorbar, sd_colorbar_free)

G_END_DECLS
