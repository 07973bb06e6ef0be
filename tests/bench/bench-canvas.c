/* bench-canvas.c: the Landscape canvas's frame, start-point drag and
 * custom-expression latency, through the canvas's own code paths
 *
 * Needs a display (GTK widgets): run it under `xvfb-run -a`. Without one
 * it exits 77, which meson counts as skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <adwaita.h>

#include "core-error.h"
#include "landscape-canvas.h"

#define WIDTH 1600
#define HEIGHT 1000
#define REPEATS 31
#define TYPING_REPEATS 7

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The main thread's processor time in ms. Frames are work on the main
 * thread; other processes sharing the machine slow the wall clock down,
 * not this. Latencies that involve workers use the wall clock. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
wait_idle (SdLandscapeCanvas *canvas)
{
  while (sd_landscape_canvas_is_busy (canvas))
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop for @ms, as the user's pause between keys. */
static void
spin_for (double ms)
{
  double end = now_ms () + ms;

  while (now_ms () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
}

/* Six runs of 1000 steps from a common start, on Rosenbrock's function
 * with the default scene's heatmap, 20 contour levels and log scale. */
static SdLandscapeModel *
create_model (void)
{
  /* Besides the default scene's Adam, momentum and SGD. */
  static const SdOptimizerKind kinds[] = {
    SD_OPTIMIZER_NESTEROV, SD_OPTIMIZER_RMSPROP, SD_OPTIMIZER_ADAGRAD,
  };
  SdLandscapeModel *model = sd_landscape_model_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    sd_landscape_model_add_run (model, kinds[i]);
  for (guint i = 0; i < 6; i++)
    sd_landscape_model_set_run_steps (model, i, 1000);
  g_assert_cmpuint (sd_scene_get_surface (sd_landscape_model_get_scene (model))->runs->len, ==, 6);
  sd_landscape_model_set_start (model, -1.5, 2.0);

  return model;
}

static void
render (SdLandscapeCanvas *canvas,
        cairo_surface_t   *image)
{
  cairo_t *cr = cairo_create (image);

  sd_landscape_canvas_render (canvas, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
}

/* A redraw of everything, the six runs whole, with the heatmap and the
 * contours from the landscape's cache (as after a run's colour or
 * visibility changed). */
static double
bench_redraw (SdLandscapeCanvas *canvas,
              cairo_surface_t   *image)
{
  double times[REPEATS];

  render (canvas, image);
  for (guint i = 0; i < REPEATS; i++)
    {
      double start = cpu_ms ();

      render (canvas, image);
      times[i] = cpu_ms () - start;
    }

  return median (times, REPEATS);
}

/* A frame of playback, with what the widget does beyond the figure: a
 * fresh image for it, the runs drawn to the frame's iteration, and the
 * image composited, here onto another image as GSK's cairo renderer
 * does. */
static double
bench_frame (SdLandscapeCanvas *canvas,
             cairo_surface_t   *window)
{
  double times[REPEATS];

  for (guint i = 0; i < REPEATS; i++)
    {
      cairo_surface_t *figure;
      cairo_t *cr;
      double start;

      sd_landscape_canvas_set_iteration (canvas, 100 + 25 * i);
      start = cpu_ms ();
      figure = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      render (canvas, figure);
      cr = cairo_create (window);
      cairo_set_source_surface (cr, figure, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (figure);
      times[i] = cpu_ms () - start;
    }
  sd_landscape_canvas_set_iteration (canvas, SD_LANDSCAPE_CANVAS_ALL_ITERATIONS);

  return median (times, REPEATS);
}

/* Dragging the start point: the model's setter, which makes the canvas
 * recompute the six runs, then the redraw. The runs fit the canvas's
 * main-thread budget, so all of it is main-thread work (asserted). */
static void
bench_move_start (SdLandscapeCanvas *canvas,
                  SdLandscapeModel  *model,
                  cairo_surface_t   *image,
                  double            *recompute,
                  double            *total)
{
  double recompute_times[REPEATS], total_times[REPEATS];

  for (guint i = 0; i < REPEATS; i++)
    {
      double start = cpu_ms (), computed;

      sd_landscape_model_set_start (model, -1.5 + 0.01 * i, 2.0 - 0.01 * i);
      g_assert_false (sd_landscape_canvas_is_busy (canvas));
      computed = cpu_ms ();
      render (canvas, image);
      recompute_times[i] = computed - start;
      total_times[i] = cpu_ms () - start;
    }

  *recompute = median (recompute_times, REPEATS);
  *total = median (total_times, REPEATS);
}

typedef struct
{
  double applied_at;
} Latency;

static void
on_grid_applied (SdLandscapeCanvas *canvas,
                 guint              resolution,
                 Latency           *latency)
{
  if (resolution == 512)
    latency->applied_at = now_ms ();
}

/* Typing a custom expression, one valid expression per key, @interval_ms
 * apart; returns the median time from the last key until the 512 × 512
 * grid (with its contours) is applied, and in @drawn until the figure has
 * been drawn with it. Keys closer than the canvas's 30 ms burst delay
 * include that delay. */
static double
bench_typing (SdLandscapeCanvas *canvas,
              SdLandscapeModel  *model,
              cairo_surface_t   *image,
              double             interval_ms,
              double            *drawn,
              double            *first_render)
{
  double times[TYPING_REPEATS], drawn_times[TYPING_REPEATS], render_times[TYPING_REPEATS];
  Latency latency;
  gulong id;

  id = g_signal_connect (canvas, "grid-applied", G_CALLBACK (on_grid_applied), &latency);
  for (guint r = 0; r < TYPING_REPEATS; r++)
    {
      double last_key = 0.0;

      latency.applied_at = 0.0;
      for (guint k = 1; k <= 6; k++)
        {
          g_autofree char *expression = NULL;

          expression = g_strdup_printf ("sin(3*x)*cos(3*y) + 0.%u%u*(x^2 + y^2)", r, k);
          if (k > 1)
            spin_for (interval_ms);
          latency.applied_at = 0.0;
          last_key = now_ms ();
          g_assert_true (sd_landscape_model_set_expression (model, expression, NULL, NULL));
        }

      while (latency.applied_at == 0.0)
        g_main_context_iteration (NULL, TRUE);
      times[r] = latency.applied_at - last_key;
      render_times[r] = cpu_ms ();
      render (canvas, image);
      render_times[r] = cpu_ms () - render_times[r];
      drawn_times[r] = now_ms () - last_key;
      wait_idle (canvas);
    }
  g_signal_handler_disconnect (canvas, id);

  *drawn = median (drawn_times, TYPING_REPEATS);
  *first_render = median (render_times, TYPING_REPEATS);
  return median (times, TYPING_REPEATS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SdLandscapeModel) model = NULL;
  SdLandscapeCanvas *canvas;
  cairo_surface_t *image, *window;
  double recompute, move, drawn, typed, first_render;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-canvas: no display; run it under xvfb-run -a\n");
      return 77;
    }
  adw_init ();
  sd_core_init ();

  model = create_model ();
  canvas = g_object_ref_sink (SD_LANDSCAPE_CANVAS (sd_landscape_canvas_new (model)));
  wait_idle (canvas);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  window = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  g_print ("redraw at %d x %d, 6 runs of 1000 steps, heatmap and contours cached: "
           "%.2f ms (target <= 8 ms)\n", WIDTH, HEIGHT, bench_redraw (canvas, image));
  g_print ("playback frame with a fresh figure image, composited: %.2f ms (target <= 16 ms)\n",
           bench_frame (canvas, window));

  /* The canvas has measured the runs' cost per step by now. */
  bench_move_start (canvas, model, image, &recompute, &move);
  g_print ("moving the start: recompute 6 x 1000 steps: %.2f ms (target <= 16 ms)\n", recompute);
  g_print ("moving the start: recompute and redraw: %.2f ms (target <= 16 ms)\n", move);

  sd_landscape_model_set_resolution (model, 512);
  wait_idle (canvas);
  typed = bench_typing (canvas, model, image, 150.0, &drawn, &first_render);
  g_print ("custom expression, keys 150 ms apart: 512 grid ready %.1f ms after the last key "
           "(target <= 100 ms)\n", typed);
  g_print ("custom expression, keys 150 ms apart: drawn %.1f ms after the last key "
           "(target <= 100 ms)\n", drawn);
  g_print ("first redraw of a new 512 grid (heatmap and contours drawn anew): %.1f ms "
           "(target <= 100 ms)\n", first_render);
  typed = bench_typing (canvas, model, image, 20.0, &drawn, &first_render);
  g_print ("custom expression, keys 20 ms apart (incl. 30 ms burst delay): 512 grid ready "
           "%.1f ms after the last key (target <= 100 ms)\n", typed);
  g_print ("custom expression, keys 20 ms apart (incl. 30 ms burst delay): drawn "
           "%.1f ms after the last key (target <= 100 ms)\n", drawn);

  cairo_surface_destroy (image);
  cairo_surface_destroy (window);
  g_object_unref (canvas);
  return 0;
}
