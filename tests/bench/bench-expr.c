/* bench-expr.c: how fast expressions evaluate over grids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "core-error.h"
#include "expr.h"
#include "grid.h"

/*
 * The figure of merit is the loss surface the landscape page draws:
 * sin(x)*cos(y) + 0.1*(x^2+y^2) on 1024 x 1024 points over [-3, 3]^2.
 * NumPy needs about 6.5 ns per point for the values of that grid on the
 * development machine (np.sin(X)*np.cos(Y) + 0.1*(X**2+Y**2) with X, Y from
 * np.meshgrid). Each figure is the best of several runs, which is the one
 * least disturbed by other work on the machine.
 */

#define N       1024
#define REPEATS 15

typedef struct
{
  const SdExpr *expr;
  const double *xs;
  const double *ys;
  double       *values;
  double       *grad_x;
  double       *grad_y;
  guint         n_threads;
  double        sink;
} Bench;

typedef void (*BenchFunc) (Bench *bench);

static double
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double
best_ns_per_point (Bench     *bench,
                   BenchFunc  func,
                   guint      repeats,
                   double     n_points)
{
  double best = G_MAXDOUBLE;

  func (bench);  /* warm up caches and page in the arrays */

  for (guint r = 0; r < repeats; r++)
    {
      double t0 = now_ns ();

      func (bench);
      best = MIN (best, now_ns () - t0);
    }

  return best / n_points;
}

static void
grid_values (Bench *bench)
{
  sd_expr_eval_grid (bench->expr, &(SdGridBand) {
                       .xs = bench->xs, .nx = N, .ys = bench->ys, .ny = N,
                       .values = bench->values });
}

static void
grid_gradient (Bench *bench)
{
  sd_expr_eval_grid (bench->expr, &(SdGridBand) {
                       .xs = bench->xs, .nx = N, .ys = bench->ys, .ny = N,
                       .values = bench->values,
                       .grad_x = bench->grad_x, .grad_y = bench->grad_y });
}

static void
pointwise_values (Bench *bench)
{
  double sum = 0.0;

  for (guint j = 0; j < N; j++)
    for (guint i = 0; i < N; i++)
      sum += sd_expr_eval (bench->expr, bench->xs[i], bench->ys[j]);

  bench->sink = sum;
}

static void
pointwise_hessian (Bench *bench)
{
  double sum = 0.0;

  for (guint j = 0; j < N; j += 8)
    for (guint i = 0; i < N; i++)
      {
        double grad[2], hess[4];

        sum += sd_expr_eval_hessian (bench->expr, bench->xs[i], bench->ys[j], grad, hess);
      }

  bench->sink = sum;
}

static void
threaded_grid (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdGrid) grid = NULL;
  SdGridSpec spec = {
    .xmin = -3.0, .xmax = 3.0, .ymin = -3.0, .ymax = 3.0, .n = N, .n_threads = bench->n_threads,
  };

  grid = sd_grid_compute_expr (bench->expr, &spec, NULL, &error);
  g_assert_no_error (error);
  bench->sink = grid->max_value;
}

/* One thread and all of them in turns, so that other work on the machine
 * disturbs both alike. The grid computation includes allocating the grid
 * and finding its range, which adds about 0.5 ns per point. */
static void
threaded_speed_up (Bench  *bench,
                   guint   n_cpus,
                   double  target_one_thread)
{
  const char *text = sd_expr_get_text (bench->expr);
  double t1 = G_MAXDOUBLE;
  double tn = G_MAXDOUBLE;

  for (guint r = 0; r < 2 * REPEATS; r++)
    {
      bench->n_threads = 1;
      t1 = MIN (t1, best_ns_per_point (bench, threaded_grid, 1, N * N));
      bench->n_threads = 0;
      tn = MIN (tn, best_ns_per_point (bench, threaded_grid, 1, N * N));
    }

  printf ("grid computation of %s, %d x %d, 1 thread: %.2f ns/point (target <= %.0f)\n",
          text, N, N, t1, target_one_thread);
  printf ("grid computation of %s, %d x %d, %u threads: %.2f ns/point (target <= %.2f)\n",
          text, N, N, n_cpus, tn, t1 / (0.8 * n_cpus));
  printf ("speed-up on %u threads over 1 for %s: %.2f x (target >= %.2f)\n",
          n_cpus, text, t1 / tn, 0.8 * n_cpus);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdExpr) expr = NULL;
  g_autofree double *xs = g_new (double, N);
  g_autofree double *ys = g_new (double, N);
  g_autofree double *values = g_new (double, N * N);
  g_autofree double *grad_x = g_new (double, N * N);
  g_autofree double *grad_y = g_new (double, N * N);
  guint n_cpus = (guint) g_get_num_processors ();
  Bench bench;
  double t;

  sd_core_init ();

  expr = sd_expr_parse ("sin(x)*cos(y) + 0.1*(x^2+y^2)", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N; i++)
    xs[i] = ys[i] = -3.0 + i * 6.0 / (N - 1);

  bench = (Bench) {
    .expr = expr, .xs = xs, .ys = ys,
    .values = values, .grad_x = grad_x, .grad_y = grad_y,
  };

  t = best_ns_per_point (&bench, grid_values, REPEATS, N * N);
  printf ("grid values, %d x %d, 1 thread: %.2f ns/point (target <= 2)\n", N, N, t);

  t = best_ns_per_point (&bench, grid_gradient, REPEATS, N * N);
  printf ("grid values and gradient, %d x %d, 1 thread: %.2f ns/point (target <= 8)\n", N, N, t);

  /* Pointwise evaluation serves the optimizers, a few points per frame;
   * the bounds only catch a gross slowdown. */
  t = best_ns_per_point (&bench, pointwise_values, 3, N * N);
  printf ("pointwise value: %.2f ns/point (target <= 100)\n", t);

  t = best_ns_per_point (&bench, pointwise_hessian, 3, N * N / 8);
  printf ("pointwise value, gradient and Hessian: %.2f ns/point (target <= 1000)\n", t);

  threaded_speed_up (&bench, n_cpus, 3);

  /* The surface above takes about 1 ns per point and writes 8 MB per grid,
   * so two threads soon wait for memory rather than compute; one that
   * costs more per point shows how the bands themselves scale. */
  g_clear_pointer (&expr, sd_expr_unref);
  expr = sd_expr_parse ("sin(x*y) + exp(-(x-y)^2)*cos(x+y)", &error);
  g_assert_no_error (error);
  bench.expr = expr;
  threaded_speed_up (&bench, n_cpus, 50);

  return 0;
}
