/* test-grid.c: surfaces sampled over grids on worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-error.h"
#include "expr-testing.h"
#include "grid.h"

static SdExpr *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdExpr *expr = sd_expr_parse (text, &error);

  g_assert_no_error (error);
  return expr;
}

static void
test_new (void)
{
  g_autoptr(SdGrid) grid = sd_grid_new (-1, 2, 10, 20, 4, 3, FALSE);
  g_autoptr(SdGrid) with_gradient = sd_grid_new (0.1, 0.7, -0.3, 0.2, 7, 9, TRUE);

  g_assert_cmpuint (grid->nx, ==, 4);
  g_assert_cmpuint (grid->ny, ==, 3);
  g_assert_cmpfloat (grid->xmin, ==, -1);
  g_assert_cmpfloat (grid->ymax, ==, 20);
  g_assert_cmpfloat (grid->xs[0], ==, -1);
  g_assert_cmpfloat (grid->xs[1], ==, 0);
  g_assert_cmpfloat (grid->xs[2], ==, 1);
  g_assert_cmpfloat (grid->xs[3], ==, 2);
  g_assert_cmpfloat (grid->ys[0], ==, 10);
  g_assert_cmpfloat (grid->ys[1], ==, 15);
  g_assert_cmpfloat (grid->ys[2], ==, 20);
  g_assert_null (grid->grad_x);
  g_assert_null (grid->grad_y);
  g_assert_true (isnan (grid->min_value) && isnan (grid->max_value));
  for (guint k = 0; k < 12; k++)
    g_assert_cmpfloat (grid->values[k], ==, 0);

  /* both ends exactly, the rest by the formula */
  g_assert_cmpfloat (with_gradient->xs[0], ==, 0.1);
  g_assert_cmpfloat (with_gradient->xs[6], ==, 0.7);
  g_assert_cmpfloat (with_gradient->ys[0], ==, -0.3);
  g_assert_cmpfloat (with_gradient->ys[8], ==, 0.2);
  for (guint i = 1; i < 6; i++)
    g_assert_cmpfloat (with_gradient->xs[i], ==, 0.1 + i * (0.7 - 0.1) / 6);
  g_assert_nonnull (with_gradient->grad_x);
  g_assert_nonnull (with_gradient->grad_y);

  sd_grid_free (NULL);
}

static void
assert_invalid (double      xmin,
                double      xmax,
                double      ymin,
                double      ymax,
                guint       n,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdExpr) expr = parse_ok ("x + y");
  SdGridSpec spec = { .xmin = xmin, .xmax = xmax, .ymin = ymin, .ymax = ymax, .n = n };

  g_assert_null (sd_grid_compute_expr (expr, &spec, NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validation (void)
{
  assert_invalid (0, 1, 0, 1, 0, "a grid has 2 to 4096 points per axis, not 0");
  assert_invalid (0, 1, 0, 1, 1, "a grid has 2 to 4096 points per axis, not 1");
  assert_invalid (0, 1, 0, 1, 4097, "a grid has 2 to 4096 points per axis, not 4097");
  assert_invalid (1, 1, 0, 1, 16,
                  "the x range is empty: its minimum 1 is not less than its maximum 1");
  assert_invalid (0, 1, 3, -2, 16,
                  "the y range is empty: its minimum 3 is not less than its maximum -2");
  assert_invalid (NAN, 1, 0, 1, 16, "the x range must be finite");
  assert_invalid (0, INFINITY, 0, 1, 16, "the x range must be finite");
  assert_invalid (0, 1, -INFINITY, 1, 16, "the y range must be finite");
  assert_invalid (0, 1, 0, NAN, 16, "the y range must be finite");
}

/* A surface whose every value says where it was computed, and which counts
 * how often each row was. */
typedef struct
{
  gint  calls;
  gint  rows[64];
} Layout;

static void
layout_band (gpointer          user_data,
             const SdGridBand *band)
{
  Layout *layout = user_data;
  const double *xs = band->xs, *ys = band->ys;
  guint nx = band->nx;

  g_atomic_int_inc (&layout->calls);
  for (guint j = 0; j < band->ny; j++)
    {
      /* ys here are rows 0..63 of y = row / 63 */
      g_atomic_int_inc (&layout->rows[(guint) lround (ys[j] * 63)]);
      for (guint i = 0; i < nx; i++)
        {
          band->values[j * nx + i] = 1000 * xs[i] + ys[j];
          if (band->grad_x != NULL)
            band->grad_x[j * nx + i] = xs[i];
          if (band->grad_y != NULL)
            band->grad_y[j * nx + i] = ys[j];
        }
    }
}

static void
test_layout (void)
{
  static const guint threads[] = { 1, 2, 3, 0, 100 };

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdGrid) grid = NULL;
      Layout layout = { 0 };
      SdGridSpec spec = {
        .xmin = -1, .xmax = 1, .ymin = 0, .ymax = 1, .n = 64,
        .with_gradient = t % 2 == 0,
        .n_threads = threads[t],
      };

      grid = sd_grid_compute (&spec, layout_band, &layout, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (layout.calls, >=, 1);

      for (guint j = 0; j < 64; j++)
        {
          g_assert_cmpint (layout.rows[j], ==, 1);
          g_assert_cmpfloat (grid->ys[j], ==, j / 63.0);
          for (guint i = 0; i < 64; i++)
            {
              g_assert_cmpfloat (grid->xs[i], ==, -1 + i * 2.0 / 63);
              g_assert_cmpfloat (grid->values[j * 64 + i], ==, 1000 * grid->xs[i] + grid->ys[j]);
              if (grid->grad_x != NULL)
                {
                  g_assert_cmpfloat (grid->grad_x[j * 64 + i], ==, grid->xs[i]);
                  g_assert_cmpfloat (grid->grad_y[j * 64 + i], ==, grid->ys[j]);
                }
            }
        }

      g_assert_cmpfloat (grid->min_value, ==, -1000);
      g_assert_cmpfloat (grid->max_value, ==, 1001);
      g_assert_cmpuint (grid->n_nonfinite, ==, 0);
    }
}

/* The threaded grid of an expression is its pointwise evaluation. */
static void
test_expr_matches_pointwise (void)
{
  static const char *const texts[] = {
    "sin(x)*cos(y) + 0.1*(x^2+y^2)",
    "sqrt(relu(x)^2 + relu(y)^2) + max(x, y)",
    "x^y + log(abs(x*y))",
  };
  static const guint threads[] = { 1, 0, 3 };

  for (guint e = 0; e < G_N_ELEMENTS (texts); e++)
    for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
      {
        g_autoptr(SdExpr) expr = parse_ok (texts[e]);
        g_autoptr(GError) error = NULL;
        g_autoptr(SdGrid) grid = NULL;
        double lo = INFINITY, hi = -INFINITY;
        guint n_nonfinite = 0;
        SdGridSpec spec = {
          .xmin = -2, .xmax = 3, .ymin = -1.5, .ymax = 2.5, .n = 101,
          .with_gradient = TRUE,
          .n_threads = threads[t],
        };

        grid = sd_grid_compute_expr (expr, &spec, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (grid->nx, ==, 101);
        g_assert_cmpuint (grid->ny, ==, 101);

        for (guint j = 0; j < 101; j++)
          for (guint i = 0; i < 101; i++)
            {
              guint k = j * 101 + i;
              double grad[2];
              double v = sd_expr_eval_gradient (expr, grid->xs[i], grid->ys[j], grad);

              g_assert_true (identical (grid->values[k], v));
              g_assert_true (identical (grid->grad_x[k], grad[0]));
              g_assert_true (identical (grid->grad_y[k], grad[1]));
              if (isfinite (v))
                {
                  lo = MIN (lo, v);
                  hi = MAX (hi, v);
                }
              else
                n_nonfinite++;
            }

        g_assert_cmpfloat (grid->min_value, ==, lo);
        g_assert_cmpfloat (grid->max_value, ==, hi);
        g_assert_cmpuint (grid->n_nonfinite, ==, n_nonfinite);
      }
}

/* log(x) with x from -1 to 1 in steps of 0.5: NaN, NaN, -inf, log(0.5), 0
 * in every row. */
static void
test_nonfinite (void)
{
  g_autoptr(SdExpr) expr = parse_ok ("log(x) + 0*y");
  g_autoptr(SdExpr) nowhere = parse_ok ("sqrt(-1 - x^2 - y^2)");
  g_autoptr(GError) error = NULL;
  g_autoptr(SdGrid) grid = NULL;
  g_autoptr(SdGrid) empty = NULL;
  SdGridSpec spec = { .xmin = -1, .xmax = 1, .ymin = 0, .ymax = 4, .n = 5, .with_gradient = TRUE };

  grid = sd_grid_compute_expr (expr, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->n_nonfinite, ==, 15);
  g_assert_cmpfloat (grid->min_value, ==, log (0.5));
  g_assert_cmpfloat (grid->max_value, ==, 0);
  for (guint j = 0; j < 5; j++)
    {
      g_assert_true (isnan (grid->values[j * 5]));
      g_assert_true (isnan (grid->values[j * 5 + 1]));
      g_assert_cmpfloat (grid->values[j * 5 + 2], ==, -INFINITY);
      g_assert_cmpfloat (grid->grad_x[j * 5 + 2], ==, INFINITY);
      g_assert_cmpfloat (grid->grad_x[j * 5 + 4], ==, 1);
    }

  /* no finite value at all: no minimum and no maximum either */
  spec = (SdGridSpec) { .xmin = -1, .xmax = 1, .ymin = -1, .ymax = 1, .n = 64 };
  empty = sd_grid_compute_expr (nowhere, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->n_nonfinite, ==, 64 * 64);
  g_assert_true (isnan (empty->min_value));
  g_assert_true (isnan (empty->max_value));
}

/* Many rows (all rows of 4096 exercise the vector path of the scan)
 * and a few non-finite values among them. */
static void
test_scan (void)
{
  g_autoptr(SdExpr) expr = parse_ok ("1/(x - 0.5) + y");
  g_autoptr(GError) error = NULL;
  g_autoptr(SdGrid) grid = NULL;
  double lo = INFINITY, hi = -INFINITY;
  guint n_nonfinite = 0;
  SdGridSpec spec = { .xmin = 0, .xmax = 1, .ymin = -1, .ymax = 1, .n = 3, .n_threads = 2 };

  /* x = 0.5 is a column of the grid: +-inf there */
  grid = sd_grid_compute_expr (expr, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->n_nonfinite, ==, 3);
  g_assert_cmpfloat (grid->min_value, ==, -3);
  g_assert_cmpfloat (grid->max_value, ==, 3);
  g_clear_pointer (&grid, sd_grid_free);

  spec = (SdGridSpec) { .xmin = 0, .xmax = 1, .ymin = -1, .ymax = 1, .n = 1001 };
  grid = sd_grid_compute_expr (expr, &spec, NULL, &error);
  g_assert_no_error (error);
  for (gsize k = 0; k < 1001 * 1001; k++)
    {
      double v = grid->values[k];

      if (isfinite (v))
        {
          lo = MIN (lo, v);
          hi = MAX (hi, v);
        }
      else
        n_nonfinite++;
    }
  g_assert_cmpuint (n_nonfinite, ==, 1001);
  g_assert_cmpuint (grid->n_nonfinite, ==, n_nonfinite);
  g_assert_cmpfloat (grid->min_value, ==, lo);
  g_assert_cmpfloat (grid->max_value, ==, hi);
}

typedef struct
{
  GMutex        mutex;
  GArray       *fractions;
  GCancellable *cancel_at_first;
} Progress;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  g_mutex_lock (&progress->mutex);
  g_array_append_val (progress->fractions, fraction);
  g_mutex_unlock (&progress->mutex);

  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

static void
test_progress (void)
{
  g_autoptr(SdExpr) expr = parse_ok ("x*y");
  g_autoptr(GError) error = NULL;
  g_autoptr(SdGrid) grid = NULL;
  Progress progress = { .fractions = g_array_new (FALSE, FALSE, sizeof (double)) };
  SdGridSpec spec = {
    .xmin = 0, .xmax = 1, .ymin = 0, .ymax = 1, .n = 500,
    .progress = record_progress,
    .progress_data = &progress,
  };

  g_mutex_init (&progress.mutex);
  grid = sd_grid_compute_expr (expr, &spec, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (progress.fractions->len, >, 1);
  for (guint i = 0; i < progress.fractions->len; i++)
    {
      double f = g_array_index (progress.fractions, double, i);

      g_assert_cmpfloat (f, >, 0);
      g_assert_cmpfloat (f, <=, 1);
      if (i > 0)
        g_assert_cmpfloat (f, >, g_array_index (progress.fractions, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1),
                     ==, 1.0);

  g_array_unref (progress.fractions);
  g_mutex_clear (&progress.mutex);
}

static void
count_band (gpointer          user_data,
            const SdGridBand *band)
{
  g_atomic_int_add ((gint *) user_data, (gint) band->ny);
  memset (band->values, 0, sizeof (double) * band->nx * band->ny);
}

static void
test_cancel_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SdGridSpec spec = {
    .xmin = 0, .xmax = 1, .ymin = 0, .ymax = 1, .n = 256,
    .with_gradient = TRUE,
  };
  gint rows = 0;

  g_cancellable_cancel (cancellable);
  g_assert_null (sd_grid_compute (&spec, count_band, &rows, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (rows, ==, 0);
}

static void
test_cancel_during (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = {
    .fractions = g_array_new (FALSE, FALSE, sizeof (double)),
    .cancel_at_first = cancellable,
  };
  SdGridSpec spec = {
    .xmin = 0, .xmax = 1, .ymin = 0, .ymax = 1, .n = 1024,
    .n_threads = 1,
    .progress = record_progress,
    .progress_data = &progress,
  };
  gint rows = 0;

  g_mutex_init (&progress.mutex);

  /* one thread: it stops after the first band */
  g_assert_null (sd_grid_compute (&spec, count_band, &rows, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (rows, >, 0);
  g_assert_cmpint (rows, <, 1024);
  g_assert_cmpuint (progress.fractions->len, ==, 1);

  g_array_unref (progress.fractions);
  g_mutex_clear (&progress.mutex);
}

typedef struct
{
  GMainLoop *loop;
  SdGrid    *grid;
  GError    *error;
} AsyncResult;

static void
computed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *r = user_data;

  g_assert_null (source);
  r->grid = sd_grid_compute_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_async (void)
{
  SdExpr *expr = parse_ok ("x - 2*y");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult r = { .loop = loop };
  SdGridSpec spec = {
    .xmin = -1, .xmax = 1, .ymin = -1, .ymax = 1, .n = 33,
    .with_gradient = TRUE,
  };

  /* the task holds its own reference to the expression */
  sd_grid_compute_async (&spec, sd_grid_expr_band, sd_expr_ref (expr),
                         (GDestroyNotify) sd_expr_unref, NULL, computed, &r);
  sd_expr_unref (expr);
  g_main_loop_run (loop);

  g_assert_no_error (r.error);
  g_assert_nonnull (r.grid);
  g_assert_cmpfloat (r.grid->min_value, ==, -3);
  g_assert_cmpfloat (r.grid->max_value, ==, 3);
  g_assert_cmpfloat (r.grid->values[0], ==, 1);
  g_assert_cmpfloat (r.grid->grad_x[100], ==, 1);
  g_assert_cmpfloat (r.grid->grad_y[100], ==, -2);
  g_clear_pointer (&r.grid, sd_grid_free);

  /* the same through the shortcut for expressions, which also keeps the
   * expression alive itself */
  expr = parse_ok ("x - 2*y");
  spec = (SdGridSpec) { .xmin = -1, .xmax = 1, .ymin = -1, .ymax = 1, .n = 33, .n_threads = 2 };
  sd_grid_compute_expr_async (expr, &spec, NULL, computed, &r);
  sd_expr_unref (expr);
  g_main_loop_run (loop);

  g_assert_no_error (r.error);
  g_assert_cmpfloat (r.grid->min_value, ==, -3);
  g_assert_cmpfloat (r.grid->max_value, ==, 3);
  g_assert_cmpfloat (r.grid->values[0], ==, 1);
  g_assert_null (r.grid->grad_x);
  sd_grid_free (r.grid);
}

static void
test_async_errors (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SdExpr) expr = NULL;
  AsyncResult r = { .loop = loop };
  SdGridSpec spec = { .xmin = 0, .xmax = 1, .ymin = 0, .ymax = 1, .n = 1 };
  gint rows = 0;

  sd_grid_compute_async (&spec, count_band, &rows, NULL, NULL, computed, &r);
  g_main_loop_run (loop);
  g_assert_null (r.grid);
  g_assert_error (r.error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&r.error);

  g_cancellable_cancel (cancellable);
  spec.n = 64;
  sd_grid_compute_async (&spec, count_band, &rows, NULL, cancellable, computed, &r);
  g_main_loop_run (loop);
  g_assert_null (r.grid);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_cmpint (rows, ==, 0);

  expr = parse_ok ("x*y");
  spec.with_gradient = TRUE;
  sd_grid_compute_expr_async (expr, &spec, cancellable, computed, &r);
  g_main_loop_run (loop);
  g_assert_null (r.grid);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);

  spec.n = 4097;
  sd_grid_compute_expr_async (expr, &spec, NULL, computed, &r);
  g_main_loop_run (loop);
  g_assert_null (r.grid);
  g_assert_error (r.error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&r.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/grid/new", test_new);
  g_test_add_func ("/core/grid/validation", test_validation);
  g_test_add_func ("/core/grid/layout", test_layout);
  g_test_add_func ("/core/grid/expr-matches-pointwise", test_expr_matches_pointwise);
  g_test_add_func ("/core/grid/nonfinite", test_nonfinite);
  g_test_add_func ("/core/grid/scan", test_scan);
  g_test_add_func ("/core/grid/progress", test_progress);
  g_test_add_func ("/core/grid/cancel/before", test_cancel_before);
  g_test_add_func ("/core/grid/cancel/during", test_cancel_during);
  g_test_add_func ("/core/grid/async", test_async);
  g_test_add_func ("/core/grid/async-errors", test_async_errors);

  return g_test_run ();
}
