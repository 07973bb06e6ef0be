/* figure.h: one drawing of a scene onto any cairo_t
 *
 * The window's canvases and `saddle --export` both draw through here, so
 * what the window shows is what the exported file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "figure-options.h"
#include "scene.h"

G_BEGIN_DECLS

gboolean sd_figure_draw (cairo_t               *cr,
                         const SdScene         *scene,
                         const SdFigureOptions *options,
                         GCancellable          *cancellable,
                         GError               **error);

G_END_DECLS
