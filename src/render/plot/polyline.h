/* polyline.h: thinning a polyline to the points that show at a given size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdPoint:
 * @x: horizontal position, in points
 * @y: vertical position, in points
 *
 * A point of a figure.
 */
typedef struct
{
  double x, y;
} SdPoint;

guint sd_polyline_simplify (SdPoint *points,
                            guint    n_points,
                            double   tolerance);

G_END_DECLS
