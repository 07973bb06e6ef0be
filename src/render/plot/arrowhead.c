/* arrowhead.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "arrowhead.h"

/**
 * sd_arrowhead_shaft_end:
 * @head: the head's shape
 * @tip_x: where the head's point is
 * @tip_y: where the head's point is
 * @ux: the direction the arrow points, a unit vector
 * @uy: the direction the arrow points
 * @x: (out): where the arrow's shaft should end: at the notch, or in the
 *   middle of a plain triangle's base
 * @y: (out): where the shaft should end
 *
 * A shaft stroked to there with butt caps meets the head without a gap
 * and without reaching past it.
 */
void
sd_arrowhead_shaft_end (const SdArrowhead *head,
                        double             tip_x,
                        double             tip_y,
                        double             ux,
                        double             uy,
                        double            *x,
                        double            *y)
{
  g_return_if_fail (head != NULL);
  g_return_if_fail (x != NULL && y != NULL);

  *x = tip_x - (1.0 - head->notch) * head->length * ux;
  *y = tip_y - (1.0 - head->notch) * head->length * uy;
}

/**
 * sd_arrowhead_append:
 * @cr: a cairo context
 * @head: the head's shape
 * @tip_x: where the head's point is, in user space
 * @tip_y: where the head's point is
 * @ux: the direction the arrow points, a unit vector
 * @uy: the direction the arrow points
 *
 * Adds the head as a closed sub-path with its point exactly at the tip,
 * for the caller to fill (and stroke, for a halo). Nothing is added when
 * the head or its direction is not finite or has no length.
 */
void
sd_arrowhead_append (cairo_t           *cr,
                     const SdArrowhead *head,
                     double             tip_x,
                     double             tip_y,
                     double             ux,
                     double             uy)
{
  double base_x, base_y, notch_x, notch_y, wx, wy;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (head != NULL);

  if (!(head->length > 0.0) || !isfinite (head->length + head->half_width)
      || !isfinite (tip_x + tip_y) || !(hypot (ux, uy) > 0.0) || !isfinite (ux + uy))
    return;

  base_x = tip_x - head->length * ux;
  base_y = tip_y - head->length * uy;
  sd_arrowhead_shaft_end (head, tip_x, tip_y, ux, uy, &notch_x, &notch_y);
  /* Across the arrow, the half-width long. */
  wx = -uy * head->half_width;
  wy = ux * head->half_width;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, base_x + wx, base_y + wy);
  if (head->notch != 0.0)
    cairo_line_to (cr, notch_x, notch_y);
  cairo_line_to (cr, base_x - wx, base_y - wy);
  cairo_close_path (cr);
}
