/* run-color.h: the colour a run is drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include <cairo.h>

#include "legend.h"
#include "marker.h"
#include "scene-surface.h"
#include "theme.h"

G_BEGIN_DECLS

/**
 * SdRunStyle:
 * @color: the run's colour (see sd_run_get_color())
 * @dashes: its line's dash pattern, in points, as cairo_set_dash() takes it
 * @n_dashes: the number of values in @dashes, 0 for a solid line
 * @end_marker: the mark at its end: %SD_MARKER_NONE for the filled circle
 *   of every theme but print, or one of the shapes the print theme gives
 *   each run
 *
 * How a figure draws a run, its path and its legend sample alike.
 */
typedef struct
{
  double   color[4];
  double   dashes[4];
  guint    n_dashes;
  SdMarker end_marker;
} SdRunStyle;

void sd_run_get_color        (const SdSceneRun   *run,
                              guint               index,
                              double              rgba[4]);
void sd_run_get_style        (const SdSceneRun   *run,
                              guint               index,
                              const SdThemeStyle *style,
                              SdRunStyle         *run_style);
void sd_run_get_legend_entry (const SdSceneRun   *run,
                              guint               index,
                              const SdThemeStyle *style,
                              SdLegendEntry      *entry);
void sd_run_style_set_dashes (const SdRunStyle   *run_style,
                              cairo_t            *cr);
void sd_run_style_draw_end   (const SdRunStyle   *run_style,
                              cairo_t            *cr,
                              const SdThemeStyle *style,
                              double              x,
                              double              y);

G_END_DECLS
