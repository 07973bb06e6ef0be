/* contour.h: contour lines of a function sampled on a grid (marching squares)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdContourPoint:
 * @x: x coordinate
 * @y: y coordinate
 *
 * A vertex of a contour line, in the coordinates of the grid's axes.
 */
typedef struct
{
  double x, y;
} SdContourPoint;

/**
 * SdContourLine:
 * @points: (element-type SdContourPoint): the vertices, at least 2 (3 when
 *   @closed); no two consecutive vertices are equal
 * @closed: %TRUE for a loop: the last vertex joins the first, and the first
 *   vertex is NOT repeated at the end
 *
 * One connected piece of a contour. An open line ends where the contour
 * leaves the grid or meets a hole of non-finite values.
 *
 * Lines are oriented so that higher values lie on the left when walking from
 * one vertex to the next, taking x and y to grow to the right and upwards
 * (that is, with ascending xs and ys): loops around a maximum run
 * counter-clockwise, loops around a minimum clockwise.
 */
typedef struct
{
  GArray   *points;
  gboolean  closed;
} SdContourLine;

/**
 * SdContourLevel:
 * @value: the level
 * @lines: (element-type SdContourLine): the lines at this level, possibly none
 *
 * The contour of one level.
 */
typedef struct
{
  double     value;
  GPtrArray *lines;
} SdContourLevel;

/**
 * SdContourSet:
 * @n_levels: the number of levels
 * @levels: (array length=n_levels): one entry per requested level, in the
 *   order they were requested
 *
 * The result of sd_contours_compute(). Free it with sd_contour_set_free().
 */
typedef struct
{
  guint           n_levels;
  SdContourLevel *levels;
} SdContourSet;

SdContourSet *sd_contours_compute      (const double  *values,
                                        const double  *xs,
                                        guint          nx,
                                        const double  *ys,
                                        guint          ny,
                                        const double  *levels,
                                        guint          n_levels);
void          sd_contour_set_free      (SdContourSet  *set);

gboolean      sd_contour_data_range    (const double  *values,
                                        gsize          n_values,
                                        double        *min,
                                        double        *max,
                                        double        *min_positive);
gboolean      sd_contour_levels_linear (double         min,
                                        double         max,
                                        guint          n,
                                        double        *out);
gboolean      sd_contour_levels_log    (double         min,
                                        double         max,
                                        guint          n,
                                        double        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdContourSet, sd_contour_set_free)

G_END_DECLS
