/* shapes.h: paths of the shapes that frame text: plates, boxes, legends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

void sd_rounded_rectangle (cairo_t                 *cr,
                           const cairo_rectangle_t *rect,
                           double                   radius);

G_END_DECLS
