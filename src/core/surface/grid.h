/* grid.h: a surface sampled over a grid, computed on all cores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "expr.h"
#include "grid-band.h"

G_BEGIN_DECLS

/**
 * SD_GRID_MIN_SIZE:
 *
 * The fewest grid points per axis: both ends of the range.
 */
#define SD_GRID_MIN_SIZE 2

/**
 * SD_GRID_MAX_SIZE:
 *
 * The most grid points per axis.
 */
#define SD_GRID_MAX_SIZE 4096

/**
 * SdGrid:
 * @nx: the number of columns
 * @ny: the number of rows
 * @xmin: the x of the first column
 * @xmax: the x of the last column
 * @ymin: the y of the first row
 * @ymax: the y of the last row
 * @xs: (array length=nx): the x of each column, from @xmin to @xmax
 * @ys: (array length=ny): the y of each row, from @ymin to @ymax
 * @values: (array): @ny * @nx values, row-major: f(xs[i], ys[j]) is at
 *   `values[j * nx + i]`
 * @grad_x: (array) (nullable): df/dx in the same layout, if computed
 * @grad_y: (array) (nullable): df/dy, if computed
 * @min_value: the least finite value, NaN if there is none
 * @max_value: the greatest finite value, NaN if there is none
 * @n_nonfinite: how many values are NaN or infinite
 *
 * A surface sampled at evenly spaced points that include both ends of each
 * range: `xs[i] = xmin + i * (xmax - xmin) / (nx - 1)`, with the last one
 * exactly @xmax.
 */
typedef struct
{
  guint   nx;
  guint   ny;
  double  xmin;
  double  xmax;
  double  ymin;
  double  ymax;
  double *xs;
  double *ys;
  double *values;
  double *grad_x;
  double *grad_y;
  double  min_value;
  double  max_value;
  guint   n_nonfinite;
} SdGrid;

/**
 * SdGridBandFunc:
 * @user_data: the data given with the function
 * @band: the rows of the band and the arrays to fill; its gradient arrays
 *   are %NULL when the gradient is not wanted
 *
 * Computes a surface over a band of rows. The grid calls it from several
 * threads at once, on disjoint bands, so it must only read shared state.
 */
typedef void (*SdGridBandFunc) (gpointer          user_data,
                                const SdGridBand *band);

/**
 * SdGridProgressFunc:
 * @fraction: the share of rows done, in (0, 1]; ends with exactly 1
 * @user_data: the data given with the function
 *
 * Reports progress. Called from the worker threads, one call at a time,
 * with increasing fractions.
 */
typedef void (*SdGridProgressFunc) (double   fraction,
                                    gpointer user_data);

/**
 * SdGridSpec:
 * @xmin: the x of the first column
 * @xmax: the x of the last column, greater than @xmin
 * @ymin: the y of the first row
 * @ymax: the y of the last row, greater than @ymin
 * @n: points per axis, %SD_GRID_MIN_SIZE to %SD_GRID_MAX_SIZE
 * @with_gradient: whether to compute the gradient too
 * @n_threads: how many threads to use, 0 for one per processor
 * @progress: (nullable): reports progress from the worker threads
 * @progress_data: (closure progress): data for @progress; for the async
 *   functions it must stay valid until their callback runs
 *
 * Which grid to compute, and how. The functions that compute a grid check
 * the range and the size; the async ones copy the spec, so it may live on
 * the caller's stack.
 */
typedef struct
{
  double              xmin;
  double              xmax;
  double              ymin;
  double              ymax;
  guint               n;
  gboolean            with_gradient;
  guint               n_threads;
  SdGridProgressFunc  progress;
  gpointer            progress_data;
} SdGridSpec;

SdGrid *sd_grid_new                (double               xmin,
                                    double               xmax,
                                    double               ymin,
                                    double               ymax,
                                    guint                nx,
                                    guint                ny,
                                    gboolean             with_gradient);
void    sd_grid_free               (SdGrid              *grid);

SdGrid *sd_grid_compute            (const SdGridSpec    *spec,
                                    SdGridBandFunc       func,
                                    gpointer             data,
                                    GCancellable        *cancellable,
                                    GError             **error);
void    sd_grid_compute_async      (const SdGridSpec    *spec,
                                    SdGridBandFunc       func,
                                    gpointer             data,
                                    GDestroyNotify       data_destroy,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
SdGrid *sd_grid_compute_finish     (GAsyncResult        *result,
                                    GError             **error);

SdGrid *sd_grid_compute_expr       (const SdExpr        *expr,
                                    const SdGridSpec    *spec,
                                    GCancellable        *cancellable,
                                    GError             **error);
void    sd_grid_compute_expr_async (const SdExpr        *expr,
                                    const SdGridSpec    *spec,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
void    sd_grid_expr_band          (gpointer             expr,
                                    const SdGridBand    *band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdGrid, sd_grid_free)

G_END_DECLS
