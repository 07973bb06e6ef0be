/* test-landscape-runs.c: the map view's runs: their paths, markers,
 * colours and legend, and what their explain keys draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-error.h"
#include "landscape-fixture.h"
#include "run-color.h"
#include "undefined-layer.h"

#define BOWL_SCENE(extra, runs) \
  "[Scene]\nversion=1\nkind=surface\n" extra "\n" \
  "[Surface]\nfunction=custom\nexpression=x^2 + 4*y^2\n" \
  "x-range=-2;2\ny-range=-2;2\nresolution=64\nlayers=\n\n" runs

#define GREEN_RUN \
  "[Run Green]\noptimizer=sgd\nlearning-rate=0.05\nstart=1.8;1.6\nsteps=40\ncolor=#00a000\n\n"

static const double green[3] = { 0.0, 160 / 255.0, 0.0 };

/* Gradient descent on x^2 + 4 y^2 with learning rate eta multiplies x by
 * 1 - 2 eta and y by 1 - 8 eta at each step: iterate k of the green run
 * is (1.8 * 0.9^k, 1.6 * 0.6^k). */
static void
green_iterate (guint   k,
               double *x,
               double *y)
{
  *x = 1.8 * pow (0.9, k);
  *y = 1.6 * pow (0.6, k);
}

/* Whether the pixel at (px, py) shows the green run: its colour, up to
 * the antialiasing of the line's edges. */
static gboolean
is_green (Canvas *canvas,
          double  px,
          double  py)
{
  double rgb[3];

  pixel_rgb (canvas, px, py, rgb);
  return color_distance (rgb, green) < 0.2;
}

/* The line passes through the iterates: the midpoint of each long step
 * is drawn in the run's colour; the start is a hollow circle, the end a
 * filled one, and places away from the path keep the background. */
static void
test_trajectory_pixels (void)
{
  g_autoptr(SdPlot) plot = NULL;
  Canvas canvas;
  double px, py, qx, qy, rgb[3];
  guint checked = 0;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, BOWL_SCENE ("", GREEN_RUN), NULL, NULL);

  for (guint k = 0; k < 40; k++)
    {
      double x0, y0, x1, y1;

      green_iterate (k, &x0, &y0);
      green_iterate (k + 1, &x1, &y1);
      g_assert_true (sd_plot_map (plot, x0, y0, &px, &py));
      g_assert_true (sd_plot_map (plot, x1, y1, &qx, &qy));
      if (hypot (qx - px, qy - py) < 16.0)
        continue;

      g_assert_true (is_green (&canvas, (px + qx) / 2, (py + qy) / 2));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);

  /* The start: white inside a green ring. */
  g_assert_true (sd_plot_map (plot, 1.8, 1.6, &px, &py));
  g_assert_cmphex (pixel (&canvas, (int) px, (int) py), ==, 0xffffffff);
  g_assert_true (is_green (&canvas, px + 3.85, py));
  g_assert_true (is_green (&canvas, px - 3.85, py));

  /* The end, at 1.8 * 0.9^40 = 0.027 and 1.6 * 0.6^40 ≈ 0: a green disc. */
  {
    double x, y;

    green_iterate (40, &x, &y);
    g_assert_true (sd_plot_map (plot, x, y, &px, &py));
    g_assert_true (is_green (&canvas, px, py));
    g_assert_true (is_green (&canvas, px + 2.0, py + 2.0));
  }

  /* Away from the path. */
  g_assert_true (sd_plot_map (plot, -1.3, -1.1, &px, &py));
  pixel_rgb (&canvas, px, py, rgb);
  g_assert_cmpfloat (rgb[0], >, 0.8);
  g_assert_false (is_green (&canvas, px, py));

  canvas_clear (&canvas);
}

/* A hidden run draws nothing at all: the figure equals the one without
 * it, pixel for pixel, legend included. */
static void
test_trajectory_invisible (void)
{
  g_autoptr(SdPlot) with_run = NULL;
  g_autoptr(SdPlot) without = NULL;
  Canvas a, b;

  canvas_init (&a, WIDTH, HEIGHT);
  canvas_init (&b, WIDTH, HEIGHT);
  with_run = draw_scene (&a,
                         BOWL_SCENE ("", GREEN_RUN "visible=false\nexplain=gradient;curvature\n"),
                         NULL, NULL);
  without = draw_scene (&b, BOWL_SCENE ("", ""), NULL, NULL);

  cairo_surface_flush (a.surface);
  cairo_surface_flush (b.surface);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a.surface),
                           cairo_image_surface_get_data (b.surface),
                           (gsize) cairo_image_surface_get_stride (a.surface) * HEIGHT), ==, 0);

  canvas_clear (&a);
  canvas_clear (&b);
}

/* With `step`, runs stop at that iterate: the end marker sits on iterate
 * 5 and the later path is not drawn. */
static void
test_trajectory_step (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  Canvas canvas;
  double x, y, px, py;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, BOWL_SCENE ("step=5\n", GREEN_RUN), NULL, &landscape);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 0), ==, 5);

  green_iterate (5, &x, &y);
  g_assert_true (sd_plot_map (plot, x, y, &px, &py));
  g_assert_true (is_green (&canvas, px, py));
  g_assert_true (is_green (&canvas, px + 2.0, py - 2.0));

  /* Iterate 20, near (0.22, 0), is on the full path but not on the first
   * five steps. */
  green_iterate (20, &x, &y);
  g_assert_true (sd_plot_map (plot, x, y, &px, &py));
  g_assert_false (is_green (&canvas, px, py));
  free_landscape (landscape);
  canvas_clear (&canvas);

  canvas_init (&canvas, WIDTH, HEIGHT);
  g_clear_pointer (&plot, sd_plot_free);
  plot = draw_scene (&canvas, BOWL_SCENE ("", GREEN_RUN), NULL, &landscape);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 0), ==, 40);
  g_assert_true (sd_plot_map (plot, x, y, &px, &py));
  g_assert_true (is_green (&canvas, px, py));
  free_landscape (landscape);
  canvas_clear (&canvas);

  /* A step past the run's end shows the whole run. */
  canvas_init (&canvas, WIDTH, HEIGHT);
  g_clear_pointer (&plot, sd_plot_free);
  plot = draw_scene (&canvas, BOWL_SCENE ("step=1000\n", GREEN_RUN), NULL, &landscape);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 0), ==, 40);
  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* A run's `explain` key draws over the path at the iterate the run ends
 * on. At iterate 2 the green run is at p = (1.458, 0.576), where
 * ∇f = (2x, 8y) = (2.916, 4.608): the gradient step -0.05 ∇f runs from
 * there, where the path (drawn to step 2) does not go, in red. */
static void
test_explain (void)
{
  static const double gradient_red[3] = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
  const double p[2] = { 1.458, 0.576 }, d[2] = { -0.05 * 2.916, -0.05 * 4.608 };
  Canvas canvas;

  for (guint explained = 0; explained < 2; explained++)
    {
      g_autoptr(SdPlot) plot = NULL;
      double px, py, qx, qy, rgb[3];

      canvas_init (&canvas, WIDTH, HEIGHT);
      plot = draw_scene (&canvas,
                         explained ? BOWL_SCENE ("step=2\n", GREEN_RUN "explain=gradient\n")
                                   : BOWL_SCENE ("step=2\n", GREEN_RUN),
                         NULL, NULL);

      g_assert_true (sd_plot_map (plot, p[0], p[1], &px, &py));
      g_assert_true (sd_plot_map (plot, p[0] + d[0], p[1] + d[1], &qx, &qy));
      g_assert_cmpfloat (hypot (qx - px, qy - py), >, 20.0);
      /* A third of the way along the shaft, short of the head. */
      pixel_rgb (&canvas, px + (qx - px) / 3, py + (qy - py) / 3, rgb);
      if (explained)
        g_assert_cmpfloat (color_distance (rgb, gradient_red), <, 0.2);
      else
        g_assert_cmpfloat (color_distance (rgb, gradient_red), >, 0.5);
      canvas_clear (&canvas);
    }
}

/* With readable lengths the same gradient step is drawn 96 points long
 * (SD_OVERLAY_READABLE_LENGTH at scale 1), in its own direction: red well
 * past its true end, and nothing beyond 96 points. */
static void
test_explain_readable (void)
{
  static const double gradient_red[3] = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
  const double p[2] = { 1.458, 0.576 }, d[2] = { -0.05 * 2.916, -0.05 * 4.608 };
  Canvas canvas;

  for (guint readable = 0; readable < 2; readable++)
    {
      g_autoptr(SdPlot) plot = NULL;
      double px, py, qx, qy, ux, uy, length, rgb[3];

      canvas_init (&canvas, WIDTH, HEIGHT);
      plot = draw_scene (&canvas,
                         readable ? BOWL_SCENE ("step=2\n",
                                                "explain-lengths=readable\n"
                                                GREEN_RUN "explain=gradient\n")
                                  : BOWL_SCENE ("step=2\n", GREEN_RUN "explain=gradient\n"),
                         NULL, NULL);
      g_assert_true (sd_plot_map (plot, p[0], p[1], &px, &py));
      g_assert_true (sd_plot_map (plot, p[0] + d[0], p[1] + d[1], &qx, &qy));
      length = hypot (qx - px, qy - py);
      g_assert_cmpfloat (length, <, 50.0);
      ux = (qx - px) / length, uy = (qy - py) / length;

      /* 70 points along: past the true arrow, short of the readable head. */
      pixel_rgb (&canvas, px + 70.0 * ux, py + 70.0 * uy, rgb);
      if (readable)
        g_assert_cmpfloat (color_distance (rgb, gradient_red), <, 0.2);
      else
        g_assert_cmpfloat (color_distance (rgb, gradient_red), >, 0.5);

      pixel_rgb (&canvas, px + 100.0 * ux, py + 100.0 * uy, rgb);
      g_assert_cmpfloat (color_distance (rgb, gradient_red), >, 0.5);
      canvas_clear (&canvas);
    }
}

static guint
count_color (Canvas                  *canvas,
             const cairo_rectangle_t *r,
             const double             rgb[3],
             double                   tolerance)
{
  guint n = 0;

  for (int y = (int) r->y; y < (int) (r->y + r->height); y++)
    for (int x = (int) r->x; x < (int) (r->x + r->width); x++)
      {
        double c[3];

        pixel_rgb (canvas, x + 0.5, y + 0.5, c);
        if (color_distance (c, rgb) < tolerance)
          n++;
      }

  return n;
}

/* Two runs descend into the top right corner; the legend names the
 * visible ones, in their colours, where it covers none of their paths
 * (top left), over a light box rather than the heatmap; it stays there at
 * every step of the race, since it weighs the whole paths. */
static void
test_legend (void)
{
  static const double orange[3] = { 1.0, 0.5, 0.0 };
  static const double purple[3] = { 0.5, 0.0, 1.0 };
  static const double pink[3] = { 1.0, 0.0, 1.0 };
  g_autoptr(SdPlot) plot = NULL;
  cairo_rectangle_t area, top_left, top_right;
  Canvas canvas;
  double rgb[3];
  guint n_swatch;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=(x-1.8)^2 + (y-1.8)^2\n"
                     "x-range=-2;2\ny-range=-2;2\nresolution=64\nlayers=heatmap\n\n"
                     "[Run Orange]\noptimizer=sgd\nlearning-rate=0.1\nstart=0.4;1.2\n"
                     "steps=30\ncolor=#ff8000\n\n"
                     "[Run Purple]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.1;0.5\n"
                     "steps=30\ncolor=#8000ff\n\n"
                     "[Run Hidden]\noptimizer=sgd\nlearning-rate=0.1\nstart=-1;-1\n"
                     "steps=30\ncolor=#ff00ff\nvisible=false\n",
                     NULL, NULL);
  sd_plot_get_area (plot, &area);
  top_left = (cairo_rectangle_t) { area.x, area.y, area.width * 0.4, area.height * 0.3 };
  top_right = (cairo_rectangle_t) { area.x + area.width * 0.6, area.y,
                                    area.width * 0.4, area.height * 0.3 };

  /* The line samples, 2.2 font sizes long and 2 points thick. */
  g_assert_cmpuint (count_color (&canvas, &top_left, orange, 0.1), >=, 20);
  g_assert_cmpuint (count_color (&canvas, &top_left, purple, 0.1), >=, 20);
  g_assert_cmpuint (count_color (&canvas, &area, pink, 0.3), ==, 0);
  /* The runs themselves are top right. */
  g_assert_cmpuint (count_color (&canvas, &top_right, orange, 0.1), >=, 40);

  /* The box's background is white at 85 % over the heatmap, lighter than
   * any colour of the map; beside the box the map shows. */
  pixel_rgb (&canvas, area.x + 12, area.y + 12, rgb);
  g_assert_cmpfloat (MIN (rgb[0], MIN (rgb[1], rgb[2])), >, 0.85);
  pixel_rgb (&canvas, area.x + area.width * 0.5, area.y + 12, rgb);
  g_assert_cmpfloat (MIN (rgb[0], MIN (rgb[1], rgb[2])), <, 0.5);
  n_swatch = count_color (&canvas, &top_left, orange, 0.1);
  canvas_clear (&canvas);

  /* At step 2 the runs have hardly moved: the legend is where it was. */
  canvas_init (&canvas, WIDTH, HEIGHT);
  g_clear_pointer (&plot, sd_plot_free);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\nstep=2\n\n"
                     "[Surface]\nfunction=custom\nexpression=(x-1.8)^2 + (y-1.8)^2\n"
                     "x-range=-2;2\ny-range=-2;2\nresolution=64\nlayers=heatmap\n\n"
                     "[Run Orange]\noptimizer=sgd\nlearning-rate=0.1\nstart=0.4;1.2\n"
                     "steps=30\ncolor=#ff8000\n\n"
                     "[Run Purple]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.1;0.5\n"
                     "steps=30\ncolor=#8000ff\n",
                     NULL, NULL);
  g_assert_cmpuint (count_color (&canvas, &top_left, orange, 0.1), ==, n_swatch);
  canvas_clear (&canvas);
}

/* Each run that ended early says why in its legend entry, faded, once
 * the step shown reaches its end: Newton at an indefinite Hessian (the
 * Himmelblau example's start), a start outside the domain of log, a step
 * that leaves it (x = 1 - 10 (1 + 2) = -29); a run that made all its
 * steps is its name alone. Only the runs that left the domain get the red
 * cross (the divergence test checks a divergence's). */
static void
test_legend_says_why (void)
{
  SdLandscape *landscape;
  Canvas canvas;
  g_autoptr(SdPlot) plot = NULL;
  static const char * const expected[] = {
    "Newton <span alpha=\"65%\">(stopped at iteration 0: Hessian not positive definite)</span>",
    "Log <span alpha=\"65%\">(start outside the domain of f)</span>",
    "Fast <span alpha=\"65%\">(left the domain of f at step 1)</span>",
    "Slow",
  };
  static const gboolean failed[] = { FALSE, TRUE, TRUE, FALSE };

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=log(x) + x^2 + y^2 - x^2*y^2/4\n"
                     "x-range=-2;2\ny-range=-2;2\nresolution=32\nlayers=\n\n"
                     "[Run Newton]\noptimizer=newton\nstart=1;3\nsteps=5\n\n"
                     "[Run Log]\noptimizer=sgd\nstart=-1.5;0\nsteps=5\n\n"
                     "[Run Fast]\noptimizer=sgd\nlearning-rate=10\nstart=1;0.5\nsteps=500\n\n"
                     "[Run Slow]\noptimizer=sgd\nlearning-rate=0.01\nstart=1;0.5\nsteps=5\n",
                     NULL, &landscape);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *legend = sd_landscape_get_run_legend (landscape, i);

      g_assert_cmpstr (legend, ==, expected[i]);
      g_assert_cmpint (sd_landscape_run_failed (landscape, i, NULL), ==, failed[i]);
    }
  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* Where f is undefined (log x for x <= 0) the map is hatched: the left
 * half of the plot holds both the theme's background and the hatching's
 * lines, the right half the background and the grid lines only (no layers
 * are drawn), in every theme; a surface defined everywhere has no mask. */
static void
test_undefined_hatched (void)
{
  for (SdTheme theme = 0; theme < SD_N_THEMES; theme++)
    {
      g_autoptr(SdPlot) plot = NULL;
      g_autoptr(SdLandscape) defined = NULL;
      g_autoptr(SdScene) scene = NULL;
      cairo_surface_t *mask;
      SdFigureOptions options;
      SdThemeStyle style;
      cairo_rectangle_t area, left, right;
      Canvas canvas;
      double background[3];
      guint n_left, n_right;

      canvas_init (&canvas, WIDTH, HEIGHT);
      init_options (&options, &canvas, theme);
      sd_theme_get_style (theme, 1.0, &style);
      memcpy (background, style.background, sizeof background);
      plot = draw_scene (&canvas,
                         "[Scene]\nversion=1\nkind=surface\n\n"
                         "[Surface]\nfunction=custom\nexpression=log(x) + y^2\n"
                         "x-range=-2;2\ny-range=-2;2\nresolution=64\nlayers=\n",
                         &options, NULL);
      sd_plot_get_area (plot, &area);
      left = (cairo_rectangle_t) { area.x + 4, area.y + 4, area.width / 2 - 12, area.height - 8 };
      right = (cairo_rectangle_t) { area.x + area.width / 2 + 8, area.y + 4,
                                    area.width / 2 - 12, area.height - 8 };
      n_left = left.width * left.height - count_color (&canvas, &left, background, 0.02);
      n_right = right.width * right.height - count_color (&canvas, &right, background, 0.02);
      g_assert_cmpfloat (n_left, >, 0.1 * left.width * left.height);
      g_assert_cmpfloat (n_left, <, 0.6 * left.width * left.height);
      /* The right half has only the plot's grid lines. */
      g_assert_cmpfloat (n_right, <, 0.05 * right.width * right.height);
      g_assert_cmpuint (n_left, >, 3 * n_right);
      canvas_clear (&canvas);

      scene = load_scene ("[Scene]\nversion=1\nkind=surface\n\n"
                          "[Surface]\nfunction=custom\nexpression=x^2 + y^2\nresolution=32\n");
      defined = new_landscape (scene);
      mask = sd_undefined_mask_new (defined->grid);
      g_assert_null (mask);
    }
}

static gboolean
box_contains (const cairo_rectangle_t *box,
              double                   x,
              double                   y)
{
  return x > box->x && x < box->x + box->width && y > box->y && y < box->y + box->height;
}

/* Every example scene of the map view, at the lecture-note size the docs
 * recommend (360 x 270) and at 800 x 600: the legend lies inside the
 * figure and covers no minimum and no iterate of a visible run. */
static void
test_legend_examples (void)
{
  static const char * const scenes[] = {
    "adam-rosenbrock", "gd-vs-momentum", "himmelblau-race", "logistic-regression",
    "stability-bound",
  };
  static const double sizes[][2] = { { 360, 270 }, { 800, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      {
        g_autofree char *file = g_strconcat (scenes[i], ".saddle", NULL);
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenes", file,
                                                       NULL);
        g_autofree char *text = NULL;
        g_autoptr(SdPlot) plot = NULL;
        SdLandscape *landscape;
        const SdSurfaceMinimum *minima;
        cairo_rectangle_t box;
        guint n_minima;
        Canvas canvas;

        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        canvas_init (&canvas, sizes[k][0], sizes[k][1]);
        plot = draw_scene (&canvas, text, NULL, &landscape);
        g_test_message ("%s at %gx%g", scenes[i], sizes[k][0], sizes[k][1]);
        g_assert_true (sd_landscape_get_legend_box (landscape, &box));
        g_assert_cmpfloat (box.x, >=, 0.0);
        g_assert_cmpfloat (box.y, >=, 0.0);
        g_assert_cmpfloat (box.x + box.width, <=, sizes[k][0]);
        g_assert_cmpfloat (box.y + box.height, <=, sizes[k][1]);

        minima = sd_surface_get_minima (landscape->surface, &n_minima);
        for (guint m = 0; m < n_minima; m++)
          {
            double px, py;

            g_assert_true (sd_plot_map (plot, minima[m].point[0], minima[m].point[1], &px, &py));
            g_assert_false (box_contains (&box, px, py));
          }
        for (guint r = 0; r < landscape->trajectories->len; r++)
          {
            const SdTrajectory *trajectory = g_ptr_array_index (landscape->trajectories, r);

            for (guint p = 0; p < sd_trajectory_get_n_points (trajectory); p++)
              {
                const SdOptimizerState *state = sd_trajectory_get_point (trajectory, p);
                double px, py;

                if (sd_plot_map (plot, state->position[0], state->position[1], &px, &py))
                  g_assert_false (box_contains (&box, px, py));
              }
          }
        free_landscape (landscape);
        canvas_clear (&canvas);
      }
}

/* An explained iterate far off the map (10^15 out on a map 2 wide) does
 * not make the legend weigh a square 10^17 points out, which once
 * stepped through in points and never ended; the figure is drawn and the
 * legend with it. */
static void
test_legend_far_explain (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  cairo_rectangle_t box;
  Canvas canvas;

  canvas_init (&canvas, 360, 270);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=x^2 + y^2\n"
                     "x-range=-1;1\ny-range=-1;1\nresolution=32\n\n"
                     "[Run Far]\noptimizer=sgd\nlearning-rate=0.1\nstart=1e15;1e15\nsteps=3\n"
                     "explain=gradient;step;curvature\n",
                     NULL, &landscape);
  g_assert_true (sd_landscape_get_legend_box (landscape, &box));
  g_assert_cmpfloat (box.x + box.width, <=, 360.0);
  free_landscape (landscape);
  canvas_clear (&canvas);
}

#define DIVERGING_SCENE(extra, lr) \
  "[Scene]\nversion=1\nkind=surface\n" extra "\n" \
  "[Surface]\nfunction=custom\nexpression=x^2 + y^2\n" \
  "x-range=-2;2\ny-range=-2;2\nresolution=32\nlayers=\n\n" \
  "[Run Fast]\noptimizer=sgd\nlearning-rate=" lr "\nstart=1;0.5\nsteps=500\n"

static const double red[3] = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };

/* The red pixels of @canvas, and their centroid. */
static guint
find_red (Canvas *canvas,
          double *cx,
          double *cy)
{
  cairo_rectangle_t all = { 0, 0, canvas->width, canvas->height };
  double sx = 0.0, sy = 0.0;
  guint n = 0;

  for (int y = 0; y < canvas->height; y++)
    for (int x = 0; x < canvas->width; x++)
      {
        double c[3];

        pixel_rgb (canvas, x + 0.5, y + 0.5, c);
        if (color_distance (c, red) < 0.1)
          {
            sx += x + 0.5;
            sy += y + 0.5;
            n++;
          }
      }

  g_assert_cmpuint (count_color (canvas, &all, red, 0.1), ==, n);
  *cx = n > 0 ? sx / n : NAN;
  *cy = n > 0 ? sy / n : NAN;
  return n;
}

/* SGD with learning rate 10 on x^2 + y^2 multiplies the point by -19 at
 * each step; the loss overflows at update 121 (19^121 * 1.118 exceeds
 * sqrt(DBL_MAX)). The path leaves the plot at once, through its left
 * edge at (-2, -1), and the red cross marks that exit, drawn 1.1 marker
 * widths back inside. */
static void
test_divergence (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  Canvas canvas;
  double cx, cy, ex, ey, sx, sy, d;
  guint step;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, DIVERGING_SCENE ("", "10"), NULL, &landscape);
  g_assert_true (sd_trajectory_get_diverged (g_ptr_array_index (landscape->trajectories, 0),
                                             &step));
  g_assert_cmpuint (step, ==, 121);

  g_assert_cmpuint (find_red (&canvas, &cx, &cy), >=, 20);
  g_assert_true (sd_plot_map (plot, -2.0, -1.0, &ex, &ey));
  g_assert_true (sd_plot_map (plot, 1.0, 0.5, &sx, &sy));
  d = hypot (sx - ex, sy - ey);
  ex += (sx - ex) / d * 1.1 * sd_plot_get_style (plot)->marker_size;
  ey += (sy - ey) / d * 1.1 * sd_plot_get_style (plot)->marker_size;
  g_assert_cmpfloat (hypot (cx - ex, cy - ey), <, 1.5);
  free_landscape (landscape);
  canvas_clear (&canvas);

  /* At step 100 the run has not diverged yet. */
  canvas_init (&canvas, WIDTH, HEIGHT);
  g_clear_pointer (&plot, sd_plot_free);
  plot = draw_scene (&canvas, DIVERGING_SCENE ("step=100\n", "10"), NULL, &landscape);
  g_assert_cmpuint (find_red (&canvas, &cx, &cy), ==, 0);
  free_landscape (landscape);
  canvas_clear (&canvas);

  /* A run that converges has no cross. */
  canvas_init (&canvas, WIDTH, HEIGHT);
  g_clear_pointer (&plot, sd_plot_free);
  plot = draw_scene (&canvas, DIVERGING_SCENE ("", "0.1"), NULL, &landscape);
  g_assert_false (sd_trajectory_get_diverged (g_ptr_array_index (landscape->trajectories, 0),
                                              NULL));
  g_assert_cmpuint (find_red (&canvas, &cx, &cy), ==, 0);
  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* A divergence whose last finite iterate is in view is marked there. */
static void
test_divergence_in_view (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  const SdOptimizerState *last;
  Canvas canvas;
  double cx, cy, px, py;
  guint n;

  /* exp(x^2) overflows for x > 26.6; from x = 1.5 with rate 1.2 the
   * next iterate is about 1.5 - 1.2 * 3 * e^2.25 = -32.9. */
  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=exp(x^2) + y^2\n"
                     "x-range=-2;2\ny-range=-2;2\nresolution=32\nlayers=\n\n"
                     "[Run Fast]\noptimizer=sgd\nlearning-rate=1.2\nstart=1.5;0.5\nsteps=50\n",
                     NULL, &landscape);
  g_assert_true (sd_trajectory_get_diverged (g_ptr_array_index (landscape->trajectories, 0),
                                             NULL));
  sd_trajectory_get_points (g_ptr_array_index (landscape->trajectories, 0), &n);
  g_assert_cmpuint (n, ==, 1);
  last = sd_trajectory_get_point (g_ptr_array_index (landscape->trajectories, 0), 0);

  g_assert_cmpuint (find_red (&canvas, &cx, &cy), >=, 20);
  g_assert_true (sd_plot_map (plot, last->position[0], last->position[1], &px, &py));
  g_assert_cmpfloat (hypot (cx - px, cy - py), <, 1.0);

  free_landscape (landscape);
  canvas_clear (&canvas);
}

static void
test_run_color (void)
{
  g_autoptr(SdScene) scene = load_scene (BOWL_SCENE ("", GREEN_RUN
                                                     "[Run Plain]\noptimizer=adam\nstart=1;1\n"
                                                     "steps=3\n"));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  double rgba[4], expected[4];

  sd_landscape_get_run_color (landscape, 0, rgba);
  g_assert_cmpfloat (rgba[0], ==, 0.0);
  g_assert_cmpfloat (rgba[1], ==, 160 / 255.0);
  g_assert_cmpfloat (rgba[2], ==, 0.0);
  g_assert_cmpfloat (rgba[3], ==, 1.0);

  /* The second run takes the run palette's second colour, whatever the
   * first run's colour, in every theme alike: Okabe–Ito's vermillion. */
  sd_landscape_get_run_color (landscape, 1, rgba);
  sd_run_palette_color (1, expected);
  g_assert_cmpmem (rgba, sizeof rgba, expected, sizeof expected);
  g_assert_cmpfloat (rgba[0], ==, 0xd5 / 255.0);
  g_assert_cmpfloat (rgba[1], ==, 0x5e / 255.0);
  g_assert_cmpfloat (rgba[2], ==, 0.0);
}

/* The print theme tells runs apart without colour: each of five runs has
 * its own dash pattern and end mark; the sixth repeats the first's dashes
 * with another mark; the other themes draw every run solid, ending in the
 * filled circle. A dashed path leaves gaps: along a straight run of 30
 * iterates the run's colour covers far less of the line than solid. */
static void
test_print_line_styles (void)
{
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\n\n"
    "[Surface]\nfunction=custom\nexpression=x + 0*y\nx-range=-2;2\ny-range=-2;2\n"
    "resolution=32\nlayers=\n\n"
    "[Run A]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.5;0.5\nsteps=30\ncolor=#000000\n\n"
    "[Run B]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.5;-0.5\nsteps=30\ncolor=#000000\n");
  const GPtrArray *runs = sd_scene_get_surface (scene)->runs;
  SdThemeStyle print, light;
  SdRunStyle looks[6];
  double black[3] = { 0, 0, 0 };
  guint solid = 0, dashed = 0;

  sd_theme_get_style (SD_THEME_PRINT, 1.0, &print);
  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &light);
  for (guint i = 0; i < 6; i++)
    sd_run_get_style (g_ptr_array_index (runs, 0), i, &print, &looks[i]);
  for (guint i = 0; i < 5; i++)
    for (guint j = i + 1; j < 5; j++)
      {
        g_assert_true (looks[i].n_dashes != looks[j].n_dashes
                       || memcmp (looks[i].dashes, looks[j].dashes, sizeof looks[i].dashes) != 0);
        g_assert_cmpint (looks[i].end_marker, !=, looks[j].end_marker);
      }
  g_assert_cmpuint (looks[5].n_dashes, ==, looks[0].n_dashes);
  g_assert_cmpint (looks[5].end_marker, !=, looks[0].end_marker);
  sd_run_get_style (g_ptr_array_index (runs, 1), 1, &light, &looks[0]);
  g_assert_cmpuint (looks[0].n_dashes, ==, 0);
  g_assert_cmpint (looks[0].end_marker, ==, SD_MARKER_NONE);

  /* Both runs move left along a line y = ±0.5 from x = 1.5 to -1.5. */
  for (SdTheme theme = SD_THEME_LIGHT; theme <= SD_THEME_PRINT; theme += SD_THEME_PRINT)
    {
      g_autoptr(SdPlot) plot = NULL;
      SdFigureOptions options;
      cairo_rectangle_t strip;
      double x0, y0, x1, y1;
      Canvas canvas;

      canvas_init (&canvas, WIDTH, HEIGHT);
      init_options (&options, &canvas, theme);
      plot = draw_scene (&canvas, "[Scene]\nversion=1\nkind=surface\n\n"
                         "[Surface]\nfunction=custom\nexpression=x + 0*y\nx-range=-2;2\n"
                         "y-range=-2;2\nresolution=32\nlayers=\n\n"
                         "[Run A]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.5;0.5\nsteps=30\n"
                         "color=#000000\n\n"
                         "[Run B]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.5;-0.5\nsteps=30\n"
                         "color=#000000\n", &options, NULL);
      g_assert_true (sd_plot_map (plot, 1.2, -0.5, &x0, &y0));
      g_assert_true (sd_plot_map (plot, -0.9, -0.5, &x1, &y1));
      strip = (cairo_rectangle_t) { x1, y0 - 1.0, x0 - x1, 2.0 };
      if (theme == SD_THEME_LIGHT)
        solid = count_color (&canvas, &strip, black, 0.15);
      else
        dashed = count_color (&canvas, &strip, black, 0.15);
      canvas_clear (&canvas);
    }
  g_assert_cmpuint (solid, >, 0);
  g_assert_cmpuint (dashed, <, 0.8 * solid);
}

/* One figure, three themes: a run without a colour of its own is drawn
 * in the same colour in each, the one the sidebar and the loss chart
 * show (the dark style used to draw the first run sky blue on the map
 * while the rest of the window showed it blue). */
static void
test_run_color_every_theme (void)
{
  double blue[3] = { 0.0, 0x72 / 255.0, 0xb2 / 255.0 };

  for (SdTheme theme = 0; theme < SD_N_THEMES; theme++)
    {
      g_autoptr(SdPlot) plot = NULL;
      SdFigureOptions options;
      cairo_rectangle_t area;
      Canvas canvas;

      canvas_init (&canvas, WIDTH, HEIGHT);
      init_options (&options, &canvas, theme);
      plot = draw_scene (&canvas,
                         "[Scene]\nversion=1\nkind=surface\n\n"
                         "[Surface]\nfunction=custom\nexpression=x^2 + y^2\n"
                         "x-range=-2;2\ny-range=-2;2\nresolution=32\nlayers=\n\n"
                         "[Run First]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.5;1.5\n"
                         "steps=20\n",
                         &options, NULL);
      sd_plot_get_area (plot, &area);
      g_assert_cmpuint (count_color (&canvas, &area, blue, 0.05), >=, 40);
      canvas_clear (&canvas);
    }
}

int
main (int   argc,
      char *argv[])
{
  sd_core_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/landscape/run-color", test_run_color);
  g_test_add_func ("/render/landscape/run-color/every-theme", test_run_color_every_theme);
  g_test_add_func ("/render/landscape/print-line-styles", test_print_line_styles);
  g_test_add_func ("/render/landscape/trajectory/pixels", test_trajectory_pixels);
  g_test_add_func ("/render/landscape/trajectory/invisible", test_trajectory_invisible);
  g_test_add_func ("/render/landscape/trajectory/step", test_trajectory_step);
  g_test_add_func ("/render/landscape/explain", test_explain);
  g_test_add_func ("/render/landscape/explain-readable", test_explain_readable);
  g_test_add_func ("/render/landscape/divergence", test_divergence);
  g_test_add_func ("/render/landscape/divergence/in-view", test_divergence_in_view);
  g_test_add_func ("/render/landscape/legend", test_legend);
  g_test_add_func ("/render/landscape/legend/says-why", test_legend_says_why);
  g_test_add_func ("/render/landscape/legend/examples", test_legend_examples);
  g_test_add_func ("/render/landscape/legend/far-explain", test_legend_far_explain);
  g_test_add_func ("/render/landscape/undefined-hatched", test_undefined_hatched);

  return g_test_run ();
}
