/* grid-band.h: rows of a grid to evaluate, and where their values go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The grid hands its rows to worker threads in bands, and whatever fills a
 * band (an expression, a dataset's loss, a surface choosing between the
 * two) takes the same points and the same arrays to fill. This struct is
 * that description, so that each of them takes it whole and passes it on.
 * It lives here, below both the expressions and the surfaces, because
 * both fill bands.
 */

/**
 * SdGridBand:
 * @xs: (array length=nx): the x of each column
 * @nx: the number of columns
 * @ys: (array length=ny): the y of each row of the band
 * @ny: the number of rows of the band
 * @values: (array): @ny * @nx values to fill, row-major: f(xs[i], ys[j])
 *   goes to `values[j * nx + i]`
 * @grad_x: (array) (nullable): df/dx to fill in the same layout, or %NULL
 *   when not wanted
 * @grad_y: (array) (nullable): df/dy, or %NULL
 *
 * The points @xs x @ys of (part of) a grid and the arrays their values
 * go to. A whole grid is a band of all its rows.
 */
typedef struct
{
  const double *xs;
  guint         nx;
  const double *ys;
  guint         ny;
  double       *values;
  double       *grad_x;
  double       *grad_y;
} SdGridBand;

G_END_DECLS
