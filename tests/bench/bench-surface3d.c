/* bench-surface3d.c: how fast the 3-D view redraws while the camera turns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>

#include "core-error.h"
#include "landscape.h"

#define REPEATS 15

/* Six runs of 1000 steps on a 256 × 256 grid, so 60 × 60 quads: on
 * Himmelblau's function, which is smooth, and on Rosenbrock's on a log
 * scale, whose valley folds some 700 quads into two triangles each. */
#define RUNS \
  "[Run A]\noptimizer=sgd\nlearning-rate=0.001\nstart=-0.5;-1.5\nsteps=1000\n" \
  "[Run B]\noptimizer=momentum\nlearning-rate=0.001\nmomentum=0.9\nstart=0.5;2.5\nsteps=1000\n" \
  "[Run C]\noptimizer=adam\nlearning-rate=0.05\nstart=-1.5;0.5\nsteps=1000\n" \
  "[Run D]\noptimizer=rmsprop\nlearning-rate=0.01\nstart=1.5;-0.5\nsteps=1000\n" \
  "[Run E]\noptimizer=adagrad\nlearning-rate=0.5\nstart=-1.8;-0.8\nsteps=1000\n" \
  "[Run F]\noptimizer=nesterov\nlearning-rate=0.0005\nmomentum=0.9\nstart=1.2;2.8\nsteps=1000\n"

static const char himmelblau_scene[] =
  "[Scene]\nversion=1\nkind=surface\ntitle=Himmelblau\n"
  "[Surface]\nfunction=himmelblau\nview=3d\n" RUNS;

static const char rosenbrock_scene[] =
  "[Scene]\nversion=1\nkind=surface\ntitle=Rosenbrock\n"
  "[Surface]\nfunction=rosenbrock\nlog-scale=true\nview=3d\n" RUNS;

/* The thread's processor time in ms: other processes sharing the machine
 * slow the wall clock down, not this. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median processor time of one frame, in ms, over REPEATS frames at
 * azimuths a few degrees apart, as while dragging. */
static double
time_frames (SdLandscape     *landscape,
             SdScene         *scene,
             cairo_surface_t *target,
             double           scale,
             double           width,
             double           height)
{
  double times[REPEATS];
  SdFigureOptions options = {
    width, height, SD_THEME_LIGHT, FALSE, 1.0, SD_COLORMAP_VIRIDIS,
  };

  for (guint i = 0; i < REPEATS; i++)
    {
      cairo_t *cr = cairo_create (target);
      double start;

      sd_scene_get_surface (scene)->azimuth = -60.0 + 3.0 * i;
      cairo_scale (cr, scale, scale);
      start = cpu_ms ();
      sd_landscape_draw_3d (landscape, cr, &options);
      cairo_surface_flush (target);
      times[i] = cpu_ms () - start;
      cairo_destroy (cr);
    }

  qsort (times, REPEATS, sizeof (double), compare_doubles);
  return times[REPEATS / 2];
}

static void
bench_scene (const char *name,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;
  g_autoptr(SdLandscape) landscape = NULL;
  cairo_surface_t *target;

  scene = sd_scene_load_data (text, strlen (text), "bench.saddle", &error);
  g_assert_no_error (error);
  landscape = sd_landscape_new (scene, NULL, &error);
  g_assert_no_error (error);

  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  g_print ("3-D frame of %s, 1600x1000 px, 6 runs x 1000 steps: %.1f ms (target <= 30)\n",
           name, time_frames (landscape, scene, target, 1.0, 1600, 1000));
  g_print ("3-D frame of %s, 800x500 pt at scale 2: %.1f ms (target <= 30)\n",
           name, time_frames (landscape, scene, target, 2.0, 800, 500));
  cairo_surface_destroy (target);

  target = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  g_print ("3-D frame of %s recorded, as for vector export: %.1f ms (target <= 30)\n",
           name, time_frames (landscape, scene, target, 1.0, 800, 500));
  cairo_surface_destroy (target);
}

int
main (void)
{
  sd_core_init ();
  bench_scene ("Himmelblau", himmelblau_scene);
  bench_scene ("log Rosenbrock", rosenbrock_scene);
  return 0;
}
