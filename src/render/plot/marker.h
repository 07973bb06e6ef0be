/* marker.h: the shapes that mark points: data markers, and where a run
 * starts, ends or diverges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "theme.h"

G_BEGIN_DECLS

/**
 * SdMarker:
 * @SD_MARKER_NONE: no marker
 * @SD_MARKER_CIRCLE: a filled disc
 * @SD_MARKER_SQUARE: a filled square
 * @SD_MARKER_DIAMOND: a filled square on its corner
 * @SD_MARKER_TRIANGLE: a filled triangle pointing up
 * @SD_MARKER_CROSS: an upright cross (stroked)
 *
 * Shapes that mark points, e.g. where an optimizer run starts.
 */
typedef enum
{
  SD_MARKER_NONE,
  SD_MARKER_CIRCLE,
  SD_MARKER_SQUARE,
  SD_MARKER_DIAMOND,
  SD_MARKER_TRIANGLE,
  SD_MARKER_CROSS,
} SdMarker;

/**
 * SdRunMark:
 * @SD_RUN_MARK_START: where a run starts: a hollow circle in the run's
 *   colour
 * @SD_RUN_MARK_END: where it ends: a filled circle outlined in the
 *   background colour
 * @SD_RUN_MARK_DIVERGED: where it left the finite numbers: a red ✕ over a
 *   halo of the background colour, %SD_DIVERGED_RGBA whatever the run's
 *   colour
 *
 * The marks an optimizer's run gets, alike in the map and the 3-D view.
 */
typedef enum
{
  SD_RUN_MARK_START,
  SD_RUN_MARK_END,
  SD_RUN_MARK_DIVERGED,
} SdRunMark;

/* The divergence mark's colour: GNOME's red 3. */
#define SD_DIVERGED_RGBA { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1.0 }

void sd_marker_draw   (cairo_t            *cr,
                       const SdThemeStyle *style,
                       SdMarker            marker,
                       double              x,
                       double              y,
                       const double        rgba[4]);
void sd_run_mark_draw (cairo_t            *cr,
                       const SdThemeStyle *style,
                       SdRunMark           mark,
                       double              x,
                       double              y,
                       const double        rgba[4]);

G_END_DECLS
