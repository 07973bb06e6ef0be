/* transform-figure.h: the plane under a 2 x 2 linear map: grids, basis,
 * unit circle, eigenvectors, determinant and the orbit of a vector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "figure-options.h"
#include "plot.h"
#include "scene-transform.h"

G_BEGIN_DECLS

SdPlot *sd_transform_figure_draw (cairo_t               *cr,
                                  const SdScene         *scene,
                                  const SdFigureOptions *options,
                                  GError               **error);

G_END_DECLS
