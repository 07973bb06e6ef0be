/* test-loss-chart.c: the loss-versus-iteration chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "core-error.h"
#include "loss-chart.h"
#include "loss-scale.h"
#include "ui-test-utils.h"

#define WIDTH 400.0
#define HEIGHT 300.0
#define STEPS 20

/* Plain gradient descent on f = x² + y² - offset with learning rate 0.1
 * from (x0, 0) multiplies x by 1 - 2 · 0.1 = 0.8 each step, so the loss
 * at iteration k is exactly x0² · 0.64^k - offset: the closed form the
 * tests check the trajectories and the chart against. */
static double
closed_form_loss (double x0,
                  double offset,
                  guint  k)
{
  return x0 * x0 * pow (0.64, k) - offset;
}

static SdTrajectory *
descend (double x0,
         double offset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expression = g_strdup_printf ("x^2 + y^2 - %g", offset);
  SdSurface *surface = sd_surface_new_custom (expression, &error);
  SdOptimizerParams params;
  SdTrajectory *trajectory;
  double start[2] = { x0, 0.0 };

  g_assert_no_error (error);
  sd_optimizer_params_init (&params, SD_OPTIMIZER_SGD);
  params.learning_rate = 0.1;
  trajectory = sd_trajectory_compute (surface, &params, start, STEPS, NULL, &error);
  g_assert_no_error (error);
  sd_surface_unref (surface);

  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, STEPS + 1);
  for (guint k = 0; k <= STEPS; k++)
    {
      const SdOptimizerState *point = sd_trajectory_get_point (trajectory, k);

      g_assert_cmpuint (point->iteration, ==, k);
      g_assert_cmpfloat_with_epsilon (point->loss, closed_form_loss (x0, offset, k),
                                      1e-12 * MAX (1.0, fabs (closed_form_loss (x0, offset, k))));
    }

  return trajectory;
}

/* Two runs: A from x = 1 (loss 0.64^k) and B from x = 2 (4 · 0.64^k). */
static SdLossChart *
chart_with_two_runs (SdTrajectory **a,
                     SdTrajectory **b)
{
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  SdLossChartRun runs[2] = {
    { .name = "A", .visible = TRUE },
    { .name = "B", .visible = TRUE },
  };

  *a = descend (1.0, 0.0);
  *b = descend (2.0, 0.0);
  runs[0].trajectory = *a;
  runs[1].trajectory = *b;
  sd_loss_chart_set_runs (chart, runs, G_N_ELEMENTS (runs));
  g_assert_cmpuint (sd_loss_chart_get_n_runs (chart), ==, 2);

  return chart;
}

/* The y axis leaves 5 % of its decades free beyond the losses [lo, hi]. */
static void
assert_loss_range (const SdPlot *plot,
                   double        lo,
                   double        hi)
{
  double min, max, span = log10 (hi) - log10 (lo);

  sd_plot_get_range (plot, SD_AXIS_Y, &min, &max);
  g_assert_cmpfloat_with_epsilon (log10 (min), log10 (lo) - 0.05 * span, 1e-12);
  g_assert_cmpfloat_with_epsilon (log10 (max), log10 (hi) + 0.05 * span, 1e-12);
}

/* The position a log-y, linear-x frame gives (k, loss), computed here from
 * the area alone. */
static void
expected_pixel (const SdPlot *plot,
                double        k,
                double        loss,
                double       *px,
                double       *py)
{
  cairo_rectangle_t area;
  double x_min, x_max, y_min, y_max;

  sd_plot_get_area (plot, &area);
  sd_plot_get_range (plot, SD_AXIS_X, &x_min, &x_max);
  sd_plot_get_range (plot, SD_AXIS_Y, &y_min, &y_max);
  *px = area.x + area.width * (k - x_min) / (x_max - x_min);
  *py = area.y + area.height * (1.0 - (log10 (loss) - log10 (y_min))
                                      / (log10 (y_max) - log10 (y_min)));
}

static void
test_mapping (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  const SdPlot *plot = sd_loss_chart_get_plot (chart, WIDTH, HEIGHT);
  double min, max;

  /* x spans iteration 0 to the longest run, y the losses: from A's last,
   * 0.64^20, to B's first, 4. */
  sd_plot_get_range (plot, SD_AXIS_X, &min, &max);
  g_assert_cmpfloat (min, ==, 0.0);
  g_assert_cmpfloat (max, ==, STEPS);
  assert_loss_range (plot, pow (0.64, STEPS), 4.0);
  g_assert_cmpint (sd_plot_get_ticks (plot, SD_AXIS_Y)->scale, ==, SD_SCALE_LOG);
  g_assert_cmpstr (sd_loss_chart_get_y_title (chart), ==, "Loss (log)");

  for (guint k = 0; k <= STEPS; k += 5)
    {
      double loss = closed_form_loss (2.0, 0.0, k);
      double px, py, ex, ey, x, y;

      g_assert_true (sd_plot_map (plot, k, loss, &px, &py));
      expected_pixel (plot, k, loss, &ex, &ey);
      g_assert_cmpfloat_with_epsilon (px, ex, 1e-9);
      g_assert_cmpfloat_with_epsilon (py, ey, 1e-9);

      g_assert_true (sd_plot_unmap (plot, px, py, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, k, 1e-9);
      g_assert_cmpfloat_with_epsilon (y / loss, 1.0, 1e-9);
    }

  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

static void
test_hover (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  const SdPlot *plot = sd_loss_chart_get_plot (chart, WIDTH, HEIGHT);
  g_autofree char *readout = NULL;
  g_autofree char *small = NULL;
  g_autofree char *far = NULL;
  g_autofree char *example = sd_loss_chart_format_readout (120, 3.2e-3);
  double px, py, loss;
  guint run, iteration;

  /* The example. */
  g_assert_cmpstr (example, ==, "iteration 120 · loss 3.2×10⁻³");

  /* B at iteration 5: 4 · 0.64^5 = 0.4294967296. */
  sd_plot_map (plot, 5, closed_form_loss (2.0, 0.0, 5), &px, &py);
  readout = sd_loss_chart_pick (chart, WIDTH, HEIGHT, px + 0.5, py - 0.5, &run, &iteration, &loss);
  g_assert_cmpstr (readout, ==, "iteration 5 · loss 0.429");
  g_assert_cmpuint (run, ==, 1);
  g_assert_cmpuint (iteration, ==, 5);
  g_assert_cmpfloat (loss, ==, sd_trajectory_get_point (b, 5)->loss);

  /* A at iteration 15: 0.64^15 = 1.2379e-3, in scientific notation. */
  sd_plot_map (plot, 15, closed_form_loss (1.0, 0.0, 15), &px, &py);
  small = sd_loss_chart_pick (chart, WIDTH, HEIGHT, px, py, &run, &iteration, &loss);
  g_assert_cmpstr (small, ==, "iteration 15 · loss 1.2×10⁻³");
  g_assert_cmpuint (run, ==, 0);
  g_assert_cmpuint (iteration, ==, 15);

  /* Far from every point there is nothing to read. */
  sd_plot_map (plot, 2, 1e-3, &px, &py);
  far = sd_loss_chart_pick (chart, WIDTH, HEIGHT, px, py, &run, &iteration, &loss);
  g_assert_null (far);

  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static cairo_surface_t *
render (SdLossChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  sd_loss_chart_draw (chart, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (int) floor (y) * stride + 4 * (int) floor (x));
}

static gboolean
column_differs (cairo_surface_t *one,
                cairo_surface_t *other,
                double           x,
                const cairo_rectangle_t *area)
{
  guint differing = 0;

  for (double y = area->y + 2.0; y < area->y + area->height - 2.0; y += 1.0)
    differing += pixel_at (one, x, y) != pixel_at (other, x, y);

  /* Most of the column: a line, not a curve crossing it. */
  return differing > area->height * 0.8;
}

static void
test_cursor (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  cairo_surface_t *without, *with;
  cairo_rectangle_t area;
  guint notified = 0;
  double x;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_signal_connect_swapped (chart, "notify::iteration", G_CALLBACK (count_notify), &notified);

  sd_loss_chart_set_iteration (chart, STEPS + 5);
  g_assert_false (sd_loss_chart_get_cursor_x (chart, WIDTH, HEIGHT, &x));
  without = render (chart);

  sd_loss_chart_set_iteration (chart, 10);
  sd_loss_chart_set_iteration (chart, 10);
  g_object_set (chart, "iteration", 10, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (sd_loss_chart_get_iteration (chart), ==, 10);

  /* Iteration 10 of 0..20 is the middle of the plot area. */
  sd_plot_get_area (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT), &area);
  g_assert_true (sd_loss_chart_get_cursor_x (chart, WIDTH, HEIGHT, &x));
  g_assert_cmpfloat_with_epsilon (x, area.x + area.width / 2.0, 1e-9);

  with = render (chart);
  g_assert_true (column_differs (with, without, x, &area));
  g_assert_false (column_differs (with, without, x - 6.0, &area));
  g_assert_false (column_differs (with, without, x + 6.0, &area));

  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

static gboolean
is_power_of_ten (double value)
{
  double exponent = log10 (value);

  return fabs (exponent - round (exponent)) < 1e-12;
}

static void
test_log_ticks (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  const SdTicks *ticks = sd_plot_get_ticks (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT),
                                            SD_AXIS_Y);
  /* The losses span [0.64^20, 4] = [10^-3.876, 10^0.602], 4.478 decades;
   * with 5 % of that beyond each end the axis spans [10^-4.100, 10^0.826]
   * = [7.94e-5, 6.70], which holds the decades 10^-4 … 10^0:
   *   import math; lo = 20 * math.log10(0.64); hi = math.log10(4); s = hi - lo
   *   print(10**(lo - 0.05 * s), 10**(hi + 0.05 * s))  # 7.937e-05 6.699 */
  static const double decades[] = { 1e-4, 1e-3, 1e-2, 1e-1, 1.0 };
  double min, max;

  g_assert_cmpint (ticks->scale, ==, SD_SCALE_LOG);
  g_assert_cmpuint (ticks->n, ==, G_N_ELEMENTS (decades));
  for (guint i = 0; i < ticks->n; i++)
    {
      g_assert_true (is_power_of_ten (ticks->values[i]));
      g_assert_cmpfloat_with_epsilon (ticks->values[i] / decades[i], 1.0, 1e-12);
    }

  /* Minor ticks at 2..9 × 10^k within the axis. */
  sd_plot_get_range (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT), SD_AXIS_Y, &min, &max);
  g_assert_cmpfloat_with_epsilon (min, 7.94e-5, 0.01e-5);
  g_assert_cmpfloat_with_epsilon (max, 6.70, 0.01);
  g_assert_cmpuint (ticks->n_minor, >, 0);
  for (guint i = 0; i < ticks->n_minor; i++)
    {
      double mantissa = ticks->minor[i] / pow (10.0, floor (log10 (ticks->minor[i]) + 1e-12));

      g_assert_cmpfloat_with_epsilon (mantissa, round (mantissa), 1e-9);
      g_assert_cmpfloat (round (mantissa), >=, 2.0);
      g_assert_cmpfloat (ticks->minor[i], >=, min);
      g_assert_cmpfloat (ticks->minor[i], <=, max);
    }

  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

static gboolean
is_color (guint32      pixel,
          const double rgba[4])
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return abs (r - (int) round (rgba[0] * 255)) <= 24
         && abs (g - (int) round (rgba[1] * 255)) <= 24
         && abs (b - (int) round (rgba[2] * 255)) <= 24;
}

/* Whether a pixel of @rgba is within a point of (@x, @y). */
static gboolean
color_near (cairo_surface_t *surface,
            double           x,
            double           y,
            const double     rgba[4])
{
  for (double dy = -1.0; dy <= 1.0; dy += 1.0)
    for (double dx = -1.0; dx <= 1.0; dx += 1.0)
      if (is_color (pixel_at (surface, x + dx, y + dy), rgba))
        return TRUE;

  return FALSE;
}

static void
test_invisible_runs (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  cairo_surface_t *both, *only_a;
  double palette_b[4], px, py;
  SdTheme theme;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  theme = sd_loss_chart_get_theme (chart);
  g_assert_cmpint (theme, ==, SD_THEME_LIGHT);
  sd_palette_color (theme, 1, palette_b);

  sd_plot_map (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT),
               3.5, sqrt (closed_form_loss (2.0, 0.0, 3) * closed_form_loss (2.0, 0.0, 4)),
               &px, &py);
  both = render (chart);
  g_assert_true (color_near (both, px, py, palette_b));

  sd_loss_chart_set_run_visible (chart, 1, FALSE);
  only_a = render (chart);
  sd_plot_map (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT),
               3.5, sqrt (closed_form_loss (2.0, 0.0, 3) * closed_form_loss (2.0, 0.0, 4)),
               &px, &py);
  g_assert_false (color_near (only_a, px, py, palette_b));

  /* The y axis now spans A alone: 0.64^20 to 1; hovering B finds nothing
   * of B. */
  assert_loss_range (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT), pow (0.64, STEPS), 1.0);
  for (guint k = 0; k <= STEPS; k++)
    {
      guint run = G_MAXUINT;
      g_autofree char *readout = NULL;

      sd_plot_map (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT),
                   k, closed_form_loss (2.0, 0.0, k), &px, &py);
      readout = sd_loss_chart_pick (chart, WIDTH, HEIGHT, px, py, &run, NULL, NULL);
      g_assert_true (readout == NULL || run == 0);
    }

  cairo_surface_destroy (both);
  cairo_surface_destroy (only_a);
  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

/* A scene colour wins over the palette; the dark style switches the theme. */
static void
test_colors_and_theme (void)
{
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  g_autoptr(SdTrajectory) a = descend (1.0, 0.0);
  SdLossChartRun run = { a, "A", TRUE, { 1.0, 0.0, 0.0 }, TRUE };
  static const double red[4] = { 1.0, 0.0, 0.0, 1.0 };
  cairo_surface_t *surface;
  double px, py;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (sd_loss_chart_get_theme (chart), ==, SD_THEME_DARK);

  sd_loss_chart_set_runs (chart, &run, 1);
  sd_plot_map (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT), 7.5,
               sqrt (closed_form_loss (1.0, 0.0, 7) * closed_form_loss (1.0, 0.0, 8)), &px, &py);
  surface = render (chart);
  g_assert_true (color_near (surface, px, py, red));
  cairo_surface_destroy (surface);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (sd_loss_chart_get_theme (chart), ==, SD_THEME_LIGHT);
  g_assert_finalize_object (chart);
}

/* f = x² + y² - 0.5 from x = 1 falls from 0.5 to 0.64^20 - 0.5 < 0: a log
 * axis cannot show it, so the chart is linear, says so on the axis, and
 * draws each loss where it is, the negative ones below zero. */
static void
test_nonpositive_losses (void)
{
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  g_autoptr(SdTrajectory) a = descend (1.0, 0.5);
  SdLossChartRun run = { a, "A", FALSE, { 0 }, TRUE };
  const SdPlot *plot;
  double px, py, zero_x, zero_y, loss, min, max, lo, hi;
  cairo_rectangle_t area;
  guint iteration;
  g_autofree char *readout = NULL;

  sd_loss_chart_set_runs (chart, &run, 1);
  plot = sd_loss_chart_get_plot (chart, WIDTH, HEIGHT);
  g_assert_cmpint (sd_plot_get_ticks (plot, SD_AXIS_Y)->scale, ==, SD_SCALE_LINEAR);
  g_assert_cmpstr (sd_loss_chart_get_y_title (chart), ==, "Loss (linear)");

  /* The range is the losses' with 5 % of it free on either side. */
  lo = closed_form_loss (1.0, 0.5, STEPS);
  hi = 0.5;
  sd_plot_get_range (plot, SD_AXIS_Y, &min, &max);
  g_assert_cmpfloat_with_epsilon (min, lo - 0.05 * (hi - lo), 1e-12);
  g_assert_cmpfloat_with_epsilon (max, hi + 0.05 * (hi - lo), 1e-12);

  /* The last loss is drawn below the zero line, at its own height. */
  sd_plot_get_area (plot, &area);
  g_assert_true (sd_plot_map (plot, STEPS, lo, &px, &py));
  g_assert_true (sd_plot_map (plot, STEPS, 0.0, &zero_x, &zero_y));
  g_assert_cmpfloat (py, >, zero_y);
  g_assert_cmpfloat_with_epsilon (py, area.y + area.height * (max - lo) / (max - min), 1e-9);

  readout = sd_loss_chart_pick (chart, WIDTH, HEIGHT, px, py, NULL, &iteration, &loss);
  g_assert_nonnull (readout);
  g_assert_cmpuint (iteration, ==, STEPS);
  g_assert_cmpfloat_with_epsilon (loss, lo, 1e-12);
  g_assert_cmpfloat (loss, <, 0.0);

  g_assert_finalize_object (chart);
}

/* "Escaping a saddle point": gradient descent on x² − y² from almost on
 * the ridge, where every loss after the escape is negative and the last
 * is −9.27. The chart shows the fall on a linear axis, every loss inside
 * the plot area, and names the scale. */
static void
test_saddle_escape (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenes",
                                                 "saddle-3d.saddle", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = sd_scene_load_file (path, &error);
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  g_autoptr(SdSurface) surface = NULL;
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdSceneRun *scene_run;
  SdLossChartRun run = { NULL, "Gradient descent", FALSE, { 0 }, TRUE };
  const SdPlot *plot;
  cairo_rectangle_t area;
  guint n;

  g_assert_no_error (error);
  surface = sd_scene_create_surface (scene, &error);
  g_assert_no_error (error);
  scene_run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0);
  trajectory = sd_trajectory_compute (surface, &scene_run->params, scene_run->start,
                                      scene_run->steps, NULL, &error);
  g_assert_no_error (error);
  n = sd_trajectory_get_n_points (trajectory);
  g_assert_cmpfloat_with_epsilon (sd_trajectory_get_point (trajectory, n - 1)->loss,
                                  -9.2708964190259273, 1e-9);

  run.trajectory = trajectory;
  sd_loss_chart_set_runs (chart, &run, 1);
  plot = sd_loss_chart_get_plot (chart, WIDTH, HEIGHT);
  g_assert_cmpint (sd_plot_get_ticks (plot, SD_AXIS_Y)->scale, ==, SD_SCALE_LINEAR);
  sd_plot_get_area (plot, &area);
  for (guint k = 0; k < n; k++)
    {
      double px, py;

      g_assert_true (sd_plot_map (plot, k, sd_trajectory_get_point (trajectory, k)->loss,
                                  &px, &py));
      g_assert_cmpfloat (py, >, area.y);
      g_assert_cmpfloat (py, <, area.y + area.height);
    }

  g_assert_finalize_object (chart);
}

/* Losses of both signs that span many decades, A's from 0.5 to −0.5 and
 * B's from 10^12 down: a linear axis would flatten A to a line at 0, so
 * the axis is symmetric log, linear within ±0.1 (the power of ten at the
 * median magnitude of A's, the flattened ones), and maps each loss by
 * sign(v) (1 + log10 (|v| / 0.1)). */
static void
test_symlog_losses (void)
{
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  g_autoptr(SdTrajectory) a = descend (1.0, 0.5);
  g_autoptr(SdTrajectory) b = descend (1e6, 0.0);
  SdLossChartRun runs[2] = { { a, "A", FALSE, { 0 }, TRUE }, { b, "B", FALSE, { 0 }, TRUE } };
  const SdTicks *ticks;
  const SdPlot *plot;
  cairo_rectangle_t area;
  double min, max, lo, hi;

  sd_loss_chart_set_runs (chart, runs, 1);
  sd_loss_chart_set_runs (chart, runs, G_N_ELEMENTS (runs));
  plot = sd_loss_chart_get_plot (chart, WIDTH, HEIGHT);
  ticks = sd_plot_get_ticks (plot, SD_AXIS_Y);
  g_assert_cmpint (ticks->scale, ==, SD_SCALE_SYMLOG);
  g_assert_cmpfloat (ticks->threshold, ==, 0.1);
  g_assert_cmpstr (sd_loss_chart_get_y_title (chart), ==, "Loss (symlog)");

  sd_plot_get_area (plot, &area);
  sd_plot_get_range (plot, SD_AXIS_Y, &min, &max);
  lo = 1.0 + log10 (-min / 0.1);
  hi = 1.0 + log10 (max / 0.1);
  for (guint k = 0; k <= STEPS; k += 4)
    {
      double loss = closed_form_loss (1.0, 0.5, k), px, py, position;

      position = fabs (loss) <= 0.1 ? loss / 0.1 : copysign (1.0 + log10 (fabs (loss) / 0.1), loss);
      g_assert_true (sd_plot_map (plot, k, loss, &px, &py));
      g_assert_cmpfloat_with_epsilon (py, area.y + area.height * (hi - position) / (hi + lo),
                                      1e-9);
    }

  g_assert_finalize_object (chart);
}

/* A chart as narrow as the column beside the map when presenting, with
 * six runs of long names: the legend is set to fit inside the plot, in
 * its top right corner, and never reaches out of it. */
static void
test_legend_inside (void)
{
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  g_autoptr(SdTrajectory) a = descend (1.0, 0.0);
  SdLossChartRun runs[6];
  static const char *names[] = {
    "Gradient descent, η = 0.09", "Momentum, β = 0.9", "Nesterov momentum",
    "Adam, lr = 0.001", "RMSprop, α = 0.99", "Adagrad",
  };
  const double sizes[][2] = { { 260, 160 }, { 400, 300 }, { 200, 240 } };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    runs[i] = (SdLossChartRun) { a, names[i], FALSE, { 0 }, TRUE };
  sd_loss_chart_set_runs (chart, runs, G_N_ELEMENTS (runs));

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      const SdPlot *plot = sd_loss_chart_get_plot (chart, sizes[k][0], sizes[k][1]);
      cairo_rectangle_t area, box;

      sd_plot_get_area (plot, &area);
      g_assert_true (sd_loss_chart_get_legend_box (chart, sizes[k][0], sizes[k][1], &box));
      g_assert_cmpfloat (box.x, >=, area.x);
      g_assert_cmpfloat (box.y, >=, area.y);
      g_assert_cmpfloat (box.x + box.width, <=, area.x + area.width);
      g_assert_cmpfloat (box.y + box.height, <=, area.y + area.height);
    }

  g_assert_finalize_object (chart);
}

/* The scale follows the data: log for positive losses, linear for losses
 * of like magnitude that are not all positive (all 0 too), symmetric log
 * when a linear axis would flatten a tenth of them; NaN and infinities do
 * not count, and nothing to show is the decade 0.1 to 1. */
static void
test_scale_choice (void)
{
  static const double positive[] = { 4.0, 1.0, 0.25, NAN, INFINITY };
  static const double negative[] = { -1.0, -2.0, -9.0 };
  static const double zeros[] = { 0.0, 0.0 };
  static const double spread[] = { 1e6, -0.5, -0.3, 0.2, 1e5, 1e4 };
  static const double nothing[] = { NAN, -INFINITY };
  static const double huge[] = { -1e308, 1e308, 0.5, -0.5, 0.2 };
  SdLossScale scale;

  sd_loss_scale_choose (&scale, positive, G_N_ELEMENTS (positive));
  g_assert_cmpint (scale.scale, ==, SD_SCALE_LOG);
  g_assert_cmpfloat_with_epsilon (log10 (scale.min), log10 (0.25) - 0.05 * log10 (16.0), 1e-12);

  sd_loss_scale_choose (&scale, negative, G_N_ELEMENTS (negative));
  g_assert_cmpint (scale.scale, ==, SD_SCALE_LINEAR);
  g_assert_cmpfloat_with_epsilon (scale.min, -9.0 - 0.05 * 8.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (scale.max, -1.0 + 0.05 * 8.0, 1e-12);

  sd_loss_scale_choose (&scale, zeros, G_N_ELEMENTS (zeros));
  g_assert_cmpint (scale.scale, ==, SD_SCALE_LINEAR);
  g_assert_cmpfloat (scale.min, <, 0.0);
  g_assert_cmpfloat (scale.max, >, 0.0);

  sd_loss_scale_choose (&scale, spread, G_N_ELEMENTS (spread));
  g_assert_cmpint (scale.scale, ==, SD_SCALE_SYMLOG);
  g_assert_cmpfloat (scale.threshold, ==, 0.1);

  /* Losses of both signs up to nearly the largest double: the margin
   * stops at the largest double. */
  sd_loss_scale_choose (&scale, huge, G_N_ELEMENTS (huge));
  g_assert_cmpint (scale.scale, ==, SD_SCALE_SYMLOG);
  g_assert_cmpfloat (scale.min, ==, -G_MAXDOUBLE);
  g_assert_cmpfloat (scale.max, ==, G_MAXDOUBLE);

  sd_loss_scale_choose (&scale, nothing, G_N_ELEMENTS (nothing));
  g_assert_cmpint (scale.scale, ==, SD_SCALE_LOG);
  g_assert_cmpfloat (scale.min, ==, 0.1);
  g_assert_cmpfloat (scale.max, ==, 1.0);
}

/* A run whose loss reaches nearly the largest double (f = 1e300 x² from
 * x = 1, which plain gradient descent with η = 0.1 cannot move far) beside
 * one at 0.64^k: the log axis spans 300 decades and its margin would
 * reach past the largest double; it ends at the largest loss instead, and
 * both runs are drawn. */
static void
test_huge_losses (void)
{
  SdLossChart *chart = SD_LOSS_CHART (g_object_ref_sink (sd_loss_chart_new ()));
  g_autoptr(SdTrajectory) a = descend (1.0, 0.0);
  g_autoptr(SdTrajectory) huge = NULL;
  g_autoptr(SdSurface) surface = NULL;
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  double start[2] = { 1.0, 0.0 }, x_min, x_max, y_min, y_max, px, py;
  SdLossChartRun runs[2] = { { a, "A", FALSE, { 0 }, TRUE }, { NULL, "huge", FALSE, { 0 }, TRUE } };
  const SdPlot *plot;

  surface = sd_surface_new_custom ("1e300*x^2", &error);
  g_assert_no_error (error);
  sd_optimizer_params_init (&params, SD_OPTIMIZER_SGD);
  params.learning_rate = 1e-310;
  huge = sd_trajectory_compute (surface, &params, start, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_trajectory_get_point (huge, 0)->loss, ==, 1e300);
  runs[1].trajectory = huge;

  sd_loss_chart_set_runs (chart, runs, G_N_ELEMENTS (runs));
  plot = sd_loss_chart_get_plot (chart, WIDTH, HEIGHT);
  g_assert_nonnull (plot);
  sd_plot_get_range (plot, SD_AXIS_X, &x_min, &x_max);
  sd_plot_get_range (plot, SD_AXIS_Y, &y_min, &y_max);
  g_assert_true (isfinite (y_max));
  g_assert_cmpfloat (y_max, >=, 1e300);
  g_assert_cmpfloat (y_min, <=, closed_form_loss (1.0, 0.0, STEPS));
  g_assert_true (sd_plot_map (plot, 0, 1e300, &px, &py));
  g_assert_true (sd_plot_map (plot, STEPS, closed_form_loss (1.0, 0.0, STEPS), &px, &py));

  g_assert_finalize_object (chart);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

/* The pointer over a point draws its marker and the readout; leaving the
 * chart takes them away. GTK 4 cannot synthesize pointer events, so the
 * motion controller's signals are emitted as GTK would. */
static void
test_hover_drawn (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  GtkEventController *motion = find_controller (GTK_WIDGET (chart),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);
  cairo_surface_t *plain, *hovered, *left;
  cairo_rectangle_t area;
  double px, py;
  guint differing = 0;

  sd_plot_map (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT), 5, closed_form_loss (2.0, 0.0, 5),
               &px, &py);
  sd_plot_get_area (sd_loss_chart_get_plot (chart, WIDTH, HEIGHT), &area);
  plain = render (chart);
  g_signal_emit_by_name (motion, "motion", px, py);
  hovered = render (chart);
  g_signal_emit_by_name (motion, "leave");
  left = render (chart);

  /* The readout's box in the area's top left corner. */
  for (double y = area.y + 4.0; y < area.y + 24.0; y += 1.0)
    for (double x = area.x + 4.0; x < area.x + 100.0; x += 1.0)
      differing += pixel_at (plain, x, y) != pixel_at (hovered, x, y);
  g_assert_cmpuint (differing, >, 50);
  g_assert_true (pixel_at (plain, px + 2.0, py + 2.0) != pixel_at (hovered, px + 2.0, py + 2.0));
  g_assert_cmpmem (cairo_image_surface_get_data (plain),
                   cairo_image_surface_get_stride (plain) * (gsize) HEIGHT,
                   cairo_image_surface_get_data (left),
                   cairo_image_surface_get_stride (left) * (gsize) HEIGHT);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
  cairo_surface_destroy (left);
  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

static void
on_selected (SdLossChart *chart,
             guint        iteration,
             GArray      *selected)
{
  g_array_append_val (selected, iteration);
}

/* Pressing and dragging pick the iteration under the pointer: the
 * property follows and iteration-selected tells the timeline. */
static void
test_click_selects (void)
{
  SdTrajectory *a, *b;
  SdLossChart *chart = chart_with_two_runs (&a, &b);
  GtkWidget *window = gtk_window_new ();
  GtkEventController *drag;
  g_autoptr(GArray) selected = g_array_new (FALSE, FALSE, sizeof (guint));
  const SdPlot *plot;
  double width, height, px6, px15, px_end;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (chart)) == 0)
    g_main_context_iteration (NULL, TRUE);

  width = gtk_widget_get_width (GTK_WIDGET (chart));
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  plot = sd_loss_chart_get_plot (chart, width, height);
  sd_plot_map (plot, 6.2, 1.0, &px6, NULL);
  sd_plot_map (plot, 14.6, 1.0, &px15, NULL);
  sd_plot_map (plot, STEPS + 3, 1.0, &px_end, NULL);

  drag = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_DRAG);
  g_signal_connect (chart, "iteration-selected", G_CALLBACK (on_selected), selected);

  g_signal_emit_by_name (drag, "drag-begin", px6, height / 2.0);
  g_assert_cmpuint (sd_loss_chart_get_iteration (chart), ==, 6);
  g_signal_emit_by_name (drag, "drag-update", px15 - px6, 0.0);
  g_assert_cmpuint (sd_loss_chart_get_iteration (chart), ==, 15);

  /* Beyond the last iteration stays on it. */
  g_signal_emit_by_name (drag, "drag-update", px_end - px6, 0.0);
  g_assert_cmpuint (sd_loss_chart_get_iteration (chart), ==, STEPS);

  g_assert_cmpuint (selected->len, ==, 3);
  g_assert_cmpuint (g_array_index (selected, guint, 0), ==, 6);
  g_assert_cmpuint (g_array_index (selected, guint, 1), ==, 15);
  g_assert_cmpuint (g_array_index (selected, guint, 2), ==, STEPS);

  /* Setting the property is not a selection. */
  sd_loss_chart_set_iteration (chart, 3);
  g_assert_cmpuint (selected->len, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (chart);
  sd_trajectory_free (a);
  sd_trajectory_free (b);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_require_display ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sd_core_init ();

  g_test_add_func ("/ui/loss-chart/mapping", test_mapping);
  g_test_add_func ("/ui/loss-chart/hover", test_hover);
  g_test_add_func ("/ui/loss-chart/hover-drawn", test_hover_drawn);
  g_test_add_func ("/ui/loss-chart/click-selects", test_click_selects);
  g_test_add_func ("/ui/loss-chart/cursor", test_cursor);
  g_test_add_func ("/ui/loss-chart/log-ticks", test_log_ticks);
  g_test_add_func ("/ui/loss-chart/invisible-runs", test_invisible_runs);
  g_test_add_func ("/ui/loss-chart/colors-and-theme", test_colors_and_theme);
  g_test_add_func ("/ui/loss-chart/nonpositive-losses", test_nonpositive_losses);
  g_test_add_func ("/ui/loss-chart/saddle-escape", test_saddle_escape);
  g_test_add_func ("/ui/loss-chart/symlog-losses", test_symlog_losses);
  g_test_add_func ("/ui/loss-chart/scale-choice", test_scale_choice);
  g_test_add_func ("/ui/loss-chart/legend-inside", test_legend_inside);
  g_test_add_func ("/ui/loss-chart/huge-losses", test_huge_losses);

  return g_test_run ();
}
