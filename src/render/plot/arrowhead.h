/* arrowhead.h: the heads of every arrow a figure draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "path.h"
#include "polyline.h"

G_BEGIN_DECLS

/**
 * SdArrowhead:
 * @length: from the tip to the base, along the arrow, in points
 * @half_width: from the arrow's line to each corner of the base
 * @notch: how far the middle of the base is pulled towards the tip, as a
 *   share of @length: 0 for a plain triangle; a notched head reads as an
 *   arrowhead rather than a blob when it is small
 *
 * The shape of an arrowhead.
 */
typedef struct
{
  double length;
  double half_width;
  double notch;
} SdArrowhead;

guint sd_arrowhead_get_outline (const SdArrowhead *head,
                                double             tip_x,
                                double             tip_y,
                                double             ux,
                                double             uy,
                                SdPoint            outline[4]);
void sd_arrowhead_append_path  (SdPath            *path,
                                const SdArrowhead *head,
                                double             tip_x,
                                double             tip_y,
                                double             ux,
                                double             uy);
void sd_arrowhead_append    (cairo_t           *cr,
                             const SdArrowhead *head,
                             double             tip_x,
                             double             tip_y,
                             double             ux,
                             double             uy);
void sd_arrowhead_shaft_end (const SdArrowhead *head,
                             double             tip_x,
                             double             tip_y,
                             double             ux,
                             double             uy,
                             double            *x,
                             double            *y);

G_END_DECLS
