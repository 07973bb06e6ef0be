/* grid.c: a surface sampled over a grid, computed on all cores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "expr-private.h"
#include "grid.h"
#include "numfmt.h"

/*
 * The rows are cut into bands that worker threads take one after the other
 * from a shared counter, so a band that happens to be slow (expensive
 * functions, say) does not hold the others up. There are several bands per
 * worker for that balance and for steady progress reports; cancellation is
 * checked before each band. The calling thread works too.
 *
 * An expression (sd_grid_expr_band() as the band function) has its x-only
 * part computed once for the whole grid, before the bands, rather than once
 * per band; sd_grid_compute_expr() and its async twin are sd_grid_compute()
 * and sd_grid_compute_async() with that band function.
 */

/* Bands per worker, and the largest band. */
#define BANDS_PER_WORKER 16
#define MAX_BAND_ROWS    32

typedef struct
{
  SdGrid             *grid;
  const SdGridSpec   *spec;
  SdGridBandFunc      func;
  gpointer            data;
  GCancellable       *cancellable;
  guint               band_rows;
  guint               n_bands;
  gint                next_band;  /* atomic */

  GMutex              mutex;      /* guards the rest */
  guint               rows_done;
  double              min_value;
  double              max_value;
  guint               n_nonfinite;
} Job;

typedef struct
{
  SdGridSpec          spec;
  SdGridBandFunc      func;
  gpointer            data;
  GDestroyNotify      data_destroy;
} Request;

static void
fill_axis (double *axis,
           guint   n,
           double  min,
           double  max)
{
  for (guint i = 0; i < n; i++)
    axis[i] = min + i * (max - min) / (n - 1);

  /* The formula may round the last point off the end of the range. */
  axis[n - 1] = max;
}

static SdGrid *
grid_alloc (double   xmin,
            double   xmax,
            double   ymin,
            double   ymax,
            guint    nx,
            guint    ny,
            gboolean with_gradient,
            gboolean zeroed)
{
  gsize size = (gsize) nx * ny;
  gpointer (*alloc) (gsize) = zeroed ? g_malloc0 : g_malloc;
  SdGrid *grid;

  grid = g_new0 (SdGrid, 1);
  grid->nx = nx;
  grid->ny = ny;
  grid->xmin = xmin;
  grid->xmax = xmax;
  grid->ymin = ymin;
  grid->ymax = ymax;
  grid->xs = g_new (double, nx);
  grid->ys = g_new (double, ny);
  grid->values = alloc (size * sizeof (double));
  if (with_gradient)
    {
      grid->grad_x = alloc (size * sizeof (double));
      grid->grad_y = alloc (size * sizeof (double));
    }
  grid->min_value = NAN;
  grid->max_value = NAN;

  fill_axis (grid->xs, nx, xmin, xmax);
  fill_axis (grid->ys, ny, ymin, ymax);

  return grid;
}

/**
 * sd_grid_new:
 * @xmin: the x of the first column
 * @xmax: the x of the last column
 * @ymin: the y of the first row
 * @ymax: the y of the last row
 * @nx: the number of columns, 2 to %SD_GRID_MAX_SIZE
 * @ny: the number of rows, 2 to %SD_GRID_MAX_SIZE
 * @with_gradient: whether to allocate @grad_x and @grad_y
 *
 * Allocates a grid with its points placed and its values all 0, for the
 * caller to fill.
 *
 * Returns: (transfer full): the grid, free with sd_grid_free()
 */
SdGrid *
sd_grid_new (double   xmin,
             double   xmax,
             double   ymin,
             double   ymax,
             guint    nx,
             guint    ny,
             gboolean with_gradient)
{
  g_return_val_if_fail (nx >= SD_GRID_MIN_SIZE && nx <= SD_GRID_MAX_SIZE, NULL);
  g_return_val_if_fail (ny >= SD_GRID_MIN_SIZE && ny <= SD_GRID_MAX_SIZE, NULL);

  return grid_alloc (xmin, xmax, ymin, ymax, nx, ny, with_gradient, TRUE);
}

/**
 * sd_grid_free:
 * @grid: (transfer full) (nullable): a grid
 *
 * Frees @grid and its arrays.
 */
void
sd_grid_free (SdGrid *grid)
{
  if (grid == NULL)
    return;

  g_free (grid->xs);
  g_free (grid->ys);
  g_free (grid->values);
  g_free (grid->grad_x);
  g_free (grid->grad_y);
  g_free (grid);
}

static gboolean
check_range (const char  *axis,
             double       min,
             double       max,
             GError     **error)
{
  if (!isfinite (min) || !isfinite (max))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the axis, x or y */
                   _("the %s range must be finite"), axis);
      return FALSE;
    }

  if (!(min < max))
    {
      char lo[SD_FORMAT_DOUBLE_SIZE], hi[SD_FORMAT_DOUBLE_SIZE];

      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the axis, x or y; the
                    * others are the ends of its range */
                   _("the %s range is empty: its minimum %s is not less than its maximum %s"),
                   axis, sd_format_double (lo, min), sd_format_double (hi, max));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_spec (const SdGridSpec  *spec,
            GError           **error)
{
  if (spec->n < SD_GRID_MIN_SIZE || spec->n > SD_GRID_MAX_SIZE)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first two numbers are the fewest and the
                    * most points allowed, the third the number asked for */
                   _("a grid has %d to %d points per axis, not %u"),
                   SD_GRID_MIN_SIZE, SD_GRID_MAX_SIZE, spec->n);
      return FALSE;
    }

  return check_range ("x", spec->xmin, spec->xmax, error)
         && check_range ("y", spec->ymin, spec->ymax, error);
}

/* The least and greatest finite values of @v and the count of the others.
 * This runs over every value once more, so it has to be quick. */
#ifdef __SSE2__
static void
scan_values (const double *v,
             gsize         n,
             double       *out_lo,
             double       *out_hi,
             guint        *out_n_nonfinite)
{
  /* x + (x - x) is x where x is finite and NaN elsewhere, and minpd and
   * maxpd return their second operand when the first is NaN. Two sets of
   * registers so that each comparison need not wait for the previous. */
  const __m128d zero = _mm_setzero_pd ();
  __m128d lo0 = _mm_set1_pd (INFINITY), lo1 = lo0;
  __m128d hi0 = _mm_set1_pd (-INFINITY), hi1 = hi0;
  __m128i finite = _mm_setzero_si128 ();
  double lo2[2], hi2[2];
  gint64 finite2[2];
  double lo, hi;
  gsize n_finite;
  gsize i = 0;

  for (; i + 4 <= n; i += 4)
    {
      __m128d x0 = _mm_loadu_pd (v + i);
      __m128d x1 = _mm_loadu_pd (v + i + 2);
      __m128d d0 = _mm_sub_pd (x0, x0);
      __m128d d1 = _mm_sub_pd (x1, x1);
      __m128d y0 = _mm_add_pd (x0, d0);
      __m128d y1 = _mm_add_pd (x1, d1);

      /* all ones (-1) where finite */
      finite = _mm_sub_epi64 (finite, _mm_castpd_si128 (_mm_cmpeq_pd (d0, zero)));
      finite = _mm_sub_epi64 (finite, _mm_castpd_si128 (_mm_cmpeq_pd (d1, zero)));
      lo0 = _mm_min_pd (y0, lo0);
      lo1 = _mm_min_pd (y1, lo1);
      hi0 = _mm_max_pd (y0, hi0);
      hi1 = _mm_max_pd (y1, hi1);
    }

  _mm_storeu_pd (lo2, _mm_min_pd (lo0, lo1));
  _mm_storeu_pd (hi2, _mm_max_pd (hi0, hi1));
  _mm_storeu_si128 ((__m128i *) (gpointer) finite2, finite);
  lo = MIN (lo2[0], lo2[1]);
  hi = MAX (hi2[0], hi2[1]);
  n_finite = (gsize) (finite2[0] + finite2[1]);

  for (; i < n; i++)
    if (isfinite (v[i]))
      {
        n_finite++;
        lo = MIN (lo, v[i]);
        hi = MAX (hi, v[i]);
      }

  *out_lo = lo;
  *out_hi = hi;
  *out_n_nonfinite = (guint) (n - n_finite);
}
#else
static void
scan_values (const double *v,
             gsize         n,
             double       *out_lo,
             double       *out_hi,
             guint        *out_n_nonfinite)
{
  double lo = INFINITY;
  double hi = -INFINITY;
  guint n_nonfinite = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (v[i]))
        n_nonfinite++;
      else
        {
          lo = MIN (lo, v[i]);
          hi = MAX (hi, v[i]);
        }
    }

  *out_lo = lo;
  *out_hi = hi;
  *out_n_nonfinite = n_nonfinite;
}
#endif

static void
run_band (Job   *job,
          guint  index)
{
  SdGrid *grid = job->grid;
  guint j0 = index * job->band_rows;
  guint rows = MIN (job->band_rows, grid->ny - j0);
  gsize offset = (gsize) j0 * grid->nx;
  SdGridBand band = {
    .xs = grid->xs,
    .nx = grid->nx,
    .ys = grid->ys + j0,
    .ny = rows,
    .values = grid->values + offset,
    .grad_x = grid->grad_x != NULL ? grid->grad_x + offset : NULL,
    .grad_y = grid->grad_y != NULL ? grid->grad_y + offset : NULL,
  };
  double lo, hi;
  guint n_nonfinite;

  job->func (job->data, &band);

  scan_values (band.values, (gsize) rows * grid->nx, &lo, &hi, &n_nonfinite);

  g_mutex_lock (&job->mutex);

  job->min_value = MIN (job->min_value, lo);
  job->max_value = MAX (job->max_value, hi);
  job->n_nonfinite += n_nonfinite;
  job->rows_done += rows;

  /* Under the lock, so the reports come one at a time and in order. */
  if (job->spec->progress != NULL)
    job->spec->progress ((double) job->rows_done / grid->ny, job->spec->progress_data);

  g_mutex_unlock (&job->mutex);
}

static gpointer
worker (gpointer data)
{
  Job *job = data;

  while (!g_cancellable_is_cancelled (job->cancellable))
    {
      guint band = (guint) g_atomic_int_add (&job->next_band, 1);

      if (band >= job->n_bands)
        break;

      run_band (job, band);
    }

  return NULL;
}

static void
columns_band (gpointer          columns,
              const SdGridBand *band)
{
  /* the columns were made from these very xs */
  sd_expr_columns_eval (columns, band);
}

/* Runs the bands of @job on up to @n_workers threads, the calling thread
 * among them. */
static void
run_job (Job   *job,
         guint  n_workers)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  g_mutex_init (&job->mutex);

  for (guint i = 1; i < MIN (n_workers, job->n_bands); i++)
    {
      /* Fewer threads than asked for only make it slower. */
      GThread *thread = g_thread_try_new ("sd-grid", worker, job, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  worker (job);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  g_mutex_clear (&job->mutex);
}

/* The grid of a job that has run, with the extremes its bands found, or
 * %NULL if it was cancelled (and may have skipped bands). */
static SdGrid *
finish_job (Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sd_grid_free (job->grid);
      return NULL;
    }

  job->grid->n_nonfinite = job->n_nonfinite;
  if (job->min_value <= job->max_value)
    {
      job->grid->min_value = job->min_value;
      job->grid->max_value = job->max_value;
    }

  return job->grid;
}

/**
 * sd_grid_compute:
 * @spec: the range, the size, and how to compute
 * @func: (scope call): computes the surface over a band of rows
 * @data: (closure func): data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, or %NULL
 *
 * Samples a surface over the n x n grid @spec asks for, spread over worker
 * threads that each call @func on bands of rows. Non-finite values are allowed; the
 * grid's minimum and maximum come from the finite ones.
 *
 * Fails with %SD_CORE_ERROR_INVALID for a size or range out of bounds, and
 * with %G_IO_ERROR_CANCELLED if @cancellable is cancelled before or during
 * the computation (which then stops after the bands under way).
 *
 * Returns: (transfer full) (nullable): the grid, or %NULL with @error set
 */
SdGrid *
sd_grid_compute (const SdGridSpec  *spec,
                 SdGridBandFunc     func,
                 gpointer           data,
                 GCancellable      *cancellable,
                 GError           **error)
{
  SdExprColumns *columns = NULL;
  guint n, n_workers, band_rows;
  Job job;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_spec (spec, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  n = spec->n;
  n_workers = spec->n_threads > 0 ? spec->n_threads : (guint) g_get_num_processors ();
  n_workers = MIN (n_workers, n);
  band_rows = CLAMP (n / (n_workers * BANDS_PER_WORKER), 1, MAX_BAND_ROWS);

  job = (Job) {
    /* Not zeroed: the bands overwrite every value, and the workers touch
     * the memory first, in parallel. */
    .grid = grid_alloc (spec->xmin, spec->xmax, spec->ymin, spec->ymax, n, n,
                        spec->with_gradient, FALSE),
    .spec = spec,
    .func = func,
    .data = data,
    .cancellable = cancellable,
    .band_rows = band_rows,
    .n_bands = (n + band_rows - 1) / band_rows,
    .min_value = INFINITY,
    .max_value = -INFINITY,
  };

  if (func == sd_grid_expr_band)
    {
      columns = sd_expr_columns_new (data, job.grid->xs, n, spec->with_gradient);
      job.func = columns_band;
      job.data = columns;
    }

  run_job (&job, n_workers);
  g_clear_pointer (&columns, sd_expr_columns_free);

  return finish_job (&job, cancellable, error);
}

static void
request_free (gpointer data)
{
  Request *request = data;

  if (request->data_destroy != NULL)
    request->data_destroy (request->data);
  g_free (request);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const Request *r = task_data;
  GError *error = NULL;
  SdGrid *grid;

  grid = sd_grid_compute (&r->spec, r->func, r->data, cancellable, &error);

  if (grid == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, grid, (GDestroyNotify) sd_grid_free);
}

/**
 * sd_grid_compute_async:
 * @spec: the range, the size, and how to compute; copied
 * @func: (scope notified): computes the surface over a band of rows
 * @data: (closure func): data for @func
 * @data_destroy: (destroy data) (nullable): frees @data when done
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs sd_grid_compute() on a thread, which fans out over the cores in
 * turn, and calls @callback when done; get the grid there with
 * sd_grid_compute_finish().
 */
void
sd_grid_compute_async (const SdGridSpec    *spec,
                       SdGridBandFunc       func,
                       gpointer             data,
                       GDestroyNotify       data_destroy,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (spec != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  *request = (Request) {
    .spec = *spec,
    .func = func,
    .data = data,
    .data_destroy = data_destroy,
  };

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_grid_compute_async);
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, compute_in_thread);
}

/**
 * sd_grid_compute_expr_async:
 * @expr: an expression; the computation holds a reference to it
 * @spec: the range, the size, and how to compute; copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * sd_grid_compute_async() for an expression; finish with
 * sd_grid_compute_finish().
 */
void
sd_grid_compute_expr_async (const SdExpr        *expr,
                            const SdGridSpec    *spec,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (expr != NULL);
  /* Checked here too, so that a refusal below cannot leak the reference. */
  g_return_if_fail (spec != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sd_grid_compute_async (spec, sd_grid_expr_band, sd_expr_ref ((SdExpr *) expr),
                         (GDestroyNotify) sd_expr_unref, cancellable, callback, user_data);
}

/**
 * sd_grid_compute_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the grid, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
SdGrid *
sd_grid_compute_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_grid_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sd_grid_expr_band:
 * @expr: (type SdExpr): an #SdExpr
 * @band: the points and the arrays to fill
 *
 * An #SdGridBandFunc that evaluates an expression, with
 * sd_expr_eval_grid().
 */
void
sd_grid_expr_band (gpointer          expr,
                   const SdGridBand *band)
{
  sd_expr_eval_grid (expr, band);
}

/**
 * sd_grid_compute_expr:
 * @expr: an expression
 * @spec: the range, the size, and how to compute
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, or %NULL
 *
 * sd_grid_compute() for an expression. What depends on x only is computed
 * once, not once per band.
 *
 * Returns: (transfer full) (nullable): the grid, or %NULL with @error set
 */
SdGrid *
sd_grid_compute_expr (const SdExpr      *expr,
                      const SdGridSpec  *spec,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return sd_grid_compute (spec, sd_grid_expr_band, (gpointer) expr, cancellable, error);
}
