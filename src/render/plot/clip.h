/* clip.h: cutting segments and polylines to a rectangle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "polyline.h"

G_BEGIN_DECLS

/**
 * SdClipPieceFunc:
 * @points: (array length=n_points): a piece of the polyline inside the
 *   rectangle, at least two points
 * @n_points: how many points it has
 * @user_data: the data given to sd_clip_polyline()
 *
 * Receives one piece of a clipped polyline; the points are valid only
 * during the call.
 */
typedef void (*SdClipPieceFunc) (const SdPoint *points,
                                 guint          n_points,
                                 gpointer       user_data);

gboolean sd_clip_segment        (const cairo_rectangle_t *rect,
                                 const SdPoint           *a,
                                 const SdPoint           *b,
                                 double                  *t0,
                                 double                  *t1);
gboolean sd_clip_segment_points (const cairo_rectangle_t *rect,
                                 SdPoint                 *a,
                                 SdPoint                 *b);
guint    sd_clip_polyline       (const cairo_rectangle_t *rect,
                                 const SdPoint           *points,
                                 guint                    n_points,
                                 SdClipPieceFunc          func,
                                 gpointer                 user_data);

G_END_DECLS
