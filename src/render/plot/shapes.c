/* shapes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shapes.h"

/**
 * sd_rounded_rectangle:
 * @cr: a cairo context
 * @rect: the rectangle
 * @radius: the corners' radius, at most half the rectangle's shorter side
 *
 * Adds @rect with rounded corners as a closed sub-path, clockwise from
 * the top right corner.
 */
void
sd_rounded_rectangle (cairo_t                 *cr,
                      const cairo_rectangle_t *rect,
                      double                   radius)
{
  double x0, y0, x1, y1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (rect != NULL);

  x0 = rect->x;
  y0 = rect->y;
  x1 = rect->x + rect->width;
  y1 = rect->y + rect->height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - radius, y0 + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x0 + radius, y1 - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
