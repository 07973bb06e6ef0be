/* png-writer.h: fast PNG encoding of cairo image surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean sd_png_encode (cairo_surface_t  *image,
                        GByteArray       *bytes,
                        GError          **error);

G_END_DECLS
