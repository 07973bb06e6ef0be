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
 * sd_arrowhead_get_outline:
 * @head: the head's shape
 * @tip_x: where the head's point is
 * @tip_y: where the head's point is
 * @ux: the direction the arrow points, a unit vector
 * @uy: the direction the arrow points
 * @outline: (out caller-allocates) (array fixed-size=4): the head's
 *   corners: the tip, one corner of the base, the notch (for a notched
 *   head) and the other corner
 *
 * Returns: the number of corners, 3 or 4; 0 when the head or its
 *   direction is not finite or has no length
 */
guint
sd_arrowhead_get_outline (const SdArrowhead *head,
                          double             tip_x,
                          double             tip_y,
                          double             ux,
                          double             uy,
                          SdPoint            outline[4])
{
  double base_x, base_y, wx, wy;
  guint n = 0;

  g_return_val_if_fail (head != NULL, 0);
  g_return_val_if_fail (outline != NULL, 0);

  if (!(head->length > 0.0) || !isfinite (head->length + head->half_width)
      || !isfinite (tip_x + tip_y) || !(hypot (ux, uy) > 0.0) || !isfinite (ux + uy))
    return 0;

  base_x = tip_x - head->length * ux;
  base_y = tip_y - head->length * uy;
  /* Across the arrow, the half-width long. */
  wx = -uy * head->half_width;
  wy = ux * head->half_width;

  outline[n++] = (SdPoint) { tip_x, tip_y };
  outline[n++] = (SdPoint) { base_x + wx, base_y + wy };
  if (head->notch != 0.0)
    {
      outline[n] = (SdPoint) { 0.0, 0.0 };
      sd_arrowhead_shaft_end (head, tip_x, tip_y, ux, uy, &outline[n].x, &outline[n].y);
      n++;
    }
  outline[n++] = (SdPoint) { base_x - wx, base_y - wy };
  return n;
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
  g_autoptr(SdPath) path = NULL;

  g_return_if_fail (cr != NULL);

  path = sd_path_new ();
  sd_arrowhead_append_path (path, head, tip_x, tip_y, ux, uy);
  sd_path_append (path, cr);
}

/**
 * sd_arrowhead_append_path:
 * @path: a recorded path
 * @head: the head's shape
 * @tip_x: where the head's point is, in points
 * @tip_y: where the head's point is
 * @ux: the direction the arrow points, a unit vector
 * @uy: the direction the arrow points
 *
 * Adds the head to @path as sd_arrowhead_append() adds it to a context.
 */
void
sd_arrowhead_append_path (SdPath            *path,
                          const SdArrowhead *head,
                          double             tip_x,
                          double             tip_y,
                          double             ux,
                          double             uy)
{
  SdPoint outline[4];
  guint n;

  g_return_if_fail (path != NULL);

  n = sd_arrowhead_get_outline (head, tip_x, tip_y, ux, uy, outline);
  for (guint i = 0; i < n; i++)
    {
      if (i == 0)
        sd_path_move_to (path, outline[i].x, outline[i].y);
      else
        sd_path_line_to (path, outline[i].x, outline[i].y);
    }
  if (n > 0)
    sd_path_close (path);
}
