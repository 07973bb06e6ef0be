/* plot.h: the frame of a figure: axes, ticks, titles, colour bar, layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "colorbar.h"
#include "theme.h"
#include "ticks.h"

G_BEGIN_DECLS

/**
 * SdAxis:
 * @SD_AXIS_X: the horizontal axis, below the plot
 * @SD_AXIS_Y: the vertical axis, left of the plot
 */
typedef enum
{
  SD_AXIS_X,
  SD_AXIS_Y,
} SdAxis;

/**
 * SdPlot:
 *
 * The frame a figure's data is drawn in. Set it up, call sd_plot_layout()
 * with the figure's size in points, then draw, in this order (which
 * sd_plot_draw() follows):
 *
 * 1. sd_plot_draw_background() and sd_plot_draw_grid();
 * 2. the data, mapped with sd_plot_map() and clipped with sd_plot_clip();
 * 3. sd_plot_draw_axes(), sd_plot_draw_colorbar() and sd_plot_draw_title();
 * 4. a legend, with sd_legend_draw() in sd_plot_get_area().
 *
 * Any cairo context will do: a widget's snapshot, or a PNG, SVG or PDF
 * surface; the layout is the same on all of them. Changing anything after
 * sd_plot_layout() asks for a new layout before drawing or mapping.
 */
typedef struct _SdPlot SdPlot;

typedef void (*SdPlotDrawFunc) (SdPlot   *plot,
                                cairo_t  *cr,
                                gpointer  user_data);

SdPlot             *sd_plot_new               (const SdThemeStyle *style);
void                sd_plot_free              (SdPlot             *plot);

void                sd_plot_set_style         (SdPlot             *plot,
                                               const SdThemeStyle *style);
const SdThemeStyle *sd_plot_get_style         (const SdPlot       *plot);
void                sd_plot_set_title         (SdPlot             *plot,
                                               const char         *markup);
void                sd_plot_set_axis          (SdPlot             *plot,
                                               SdAxis              axis,
                                               SdScale             scale,
                                               double              min,
                                               double              max);
void                sd_plot_set_axis_symlog   (SdPlot             *plot,
                                               SdAxis              axis,
                                               double              min,
                                               double              max,
                                               double              threshold);
void                sd_plot_set_axis_title    (SdPlot             *plot,
                                               SdAxis              axis,
                                               const char         *markup);
void                sd_plot_set_equal_aspect  (SdPlot             *plot,
                                               gboolean            equal_aspect);
void                sd_plot_set_colorbar      (SdPlot             *plot,
                                               SdColorbar         *colorbar);
SdColorbar         *sd_plot_get_colorbar      (const SdPlot       *plot);

void                sd_plot_layout            (SdPlot             *plot,
                                               cairo_t            *cr,
                                               double              width,
                                               double              height);
gboolean            sd_plot_is_laid_out       (const SdPlot       *plot);
void                sd_plot_get_area          (const SdPlot       *plot,
                                               cairo_rectangle_t  *area);
gboolean            sd_plot_get_colorbar_area (const SdPlot       *plot,
                                               cairo_rectangle_t  *bar);
void                sd_plot_get_range         (const SdPlot       *plot,
                                               SdAxis              axis,
                                               double             *min,
                                               double             *max);
const SdTicks      *sd_plot_get_ticks         (const SdPlot       *plot,
                                               SdAxis              axis);
gboolean            sd_plot_map               (const SdPlot       *plot,
                                               double              x,
                                               double              y,
                                               double             *px,
                                               double             *py);
gboolean            sd_plot_unmap             (const SdPlot       *plot,
                                               double              px,
                                               double              py,
                                               double             *x,
                                               double             *y);

void                sd_plot_draw_background   (SdPlot             *plot,
                                               cairo_t            *cr);
void                sd_plot_draw_grid         (SdPlot             *plot,
                                               cairo_t            *cr);
void                sd_plot_clip              (SdPlot             *plot,
                                               cairo_t            *cr);
void                sd_plot_draw_axes         (SdPlot             *plot,
                                               cairo_t            *cr);
void                sd_plot_draw_colorbar     (SdPlot             *plot,
                                               cairo_t            *cr);
void                sd_plot_draw_title        (SdPlot             *plot,
                                               cairo_t            *cr);
void                sd_plot_draw              (SdPlot             *plot,
                                               cairo_t            *cr,
                                               SdPlotDrawFunc      draw_data,
                                               gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPlot, sd_plot_free)

G_END_DECLS
