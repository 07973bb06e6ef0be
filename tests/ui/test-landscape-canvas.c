/* test-landscape-canvas.c: the Landscape page's canvas: grids on workers,
 * pointer mapping, pan, zoom, the start point, hover and the 3-D view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "core-error.h"
#include "landscape-canvas.h"

#include "ui-test-utils.h"

/* Rosenbrock's function, the default scene's surface, in closed form:
 * f = (1 - x)^2 + 100 (y - x^2)^2,
 * df/dx = -2 (1 - x) - 400 x (y - x^2), df/dy = 200 (y - x^2). */
static double
rosenbrock (double x,
            double y,
            double grad[2])
{
  double a = 1.0 - x, b = y - x * x;

  if (grad != NULL)
    {
      grad[0] = -2.0 * a - 400.0 * x * b;
      grad[1] = 200.0 * b;
    }
  return a * a + 100.0 * b * b;
}

typedef struct
{
  guint  resolution;
  char  *surface;
  double range[4];
} Applied;

typedef struct
{
  GtkWindow         *window;
  SdLandscapeModel  *model;
  SdLandscapeCanvas *canvas;
  GArray            *applied;
} Fixture;

static void
applied_clear (gpointer data)
{
  g_free (((Applied *) data)->surface);
}

static void
on_grid_applied (SdLandscapeCanvas *canvas,
                 guint              resolution,
                 Fixture           *fixture)
{
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (canvas);
  Applied applied = {
    resolution, g_strdup (sd_surface_get_name (landscape->surface)),
    { landscape->grid->xmin, landscape->grid->xmax, landscape->grid->ymin, landscape->grid->ymax },
  };

  g_assert_cmpuint (landscape->grid->nx, ==, resolution);
  g_array_append_val (fixture->applied, applied);
}

static gboolean
is_idle (gpointer data)
{
  return !sd_landscape_canvas_is_busy (data);
}

/* Waits for the grid and the runs, then for a frame showing them. */
static void
settle (SdLandscapeCanvas *canvas)
{
  g_assert_true (ui_test_wait_for (is_idle, canvas));
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->model = sd_landscape_model_new ();
  /* The default scene's first two runs, Adam and momentum; the tests add
   * and remove runs from there. */
  g_assert_cmpuint (sd_scene_get_surface (sd_landscape_model_get_scene (fixture->model))->runs->len, ==, 3);
  sd_landscape_model_remove_run (fixture->model, 2);
  fixture->canvas = SD_LANDSCAPE_CANVAS (sd_landscape_canvas_new (fixture->model));
  fixture->applied = g_array_new (FALSE, TRUE, sizeof (Applied));
  g_array_set_clear_func (fixture->applied, applied_clear);
  g_signal_connect (fixture->canvas, "grid-applied", G_CALLBACK (on_grid_applied), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->canvas));
  gtk_window_present (fixture->window);
  settle (fixture->canvas);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->canvas), (gpointer *) &fixture->canvas);
  gtk_window_destroy (fixture->window);
  ui_test_spin ();
  /* Nothing, not even a job under way, keeps the canvas alive. */
  g_assert_null (fixture->canvas);
  g_assert_finalize_object (fixture->model);
  g_array_unref (fixture->applied);
}

static const SdSceneRun *
get_run (Fixture *fixture,
         guint    index)
{
  return g_ptr_array_index (sd_scene_get_surface (sd_landscape_model_get_scene (fixture->model))->runs, index);
}

static void
get_range (Fixture *fixture,
           double   range[4])
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (fixture->model));

  range[0] = surface->x_range[0], range[1] = surface->x_range[1];
  range[2] = surface->y_range[0], range[3] = surface->y_range[1];
}

/* The size of a pixel in data units, from the plot area's corners. */
static void
get_pixel_size (Fixture *fixture,
                double   size[2])
{
  double range[4], left, right, top, bottom;

  get_range (fixture, range);
  sd_landscape_canvas_data_to_point (fixture->canvas, range[0], range[2], &left, &bottom);
  sd_landscape_canvas_data_to_point (fixture->canvas, range[1], range[3], &right, &top);
  size[0] = (range[1] - range[0]) / (right - left);
  size[1] = (range[3] - range[2]) / (bottom - top);
  g_assert_cmpfloat (size[0], >, 0.0);
  g_assert_cmpfloat (size[1], >, 0.0);
}

static void
assert_range (Fixture *fixture,
              double   x0,
              double   x1,
              double   y0,
              double   y1)
{
  double range[4];

  get_range (fixture, range);
  g_assert_cmpfloat_with_epsilon (range[0], x0, 1e-12);
  g_assert_cmpfloat_with_epsilon (range[1], x1, 1e-12);
  g_assert_cmpfloat_with_epsilon (range[2], y0, 1e-12);
  g_assert_cmpfloat_with_epsilon (range[3], y1, 1e-12);
}

static void
test_grid_matches_scene (Fixture       *fixture,
                         gconstpointer  data)
{
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (fixture->model));
  const SdGrid *grid;

  g_assert_nonnull (landscape);
  grid = landscape->grid;
  g_assert_cmpuint (grid->nx, ==, surface->resolution);
  g_assert_cmpuint (grid->ny, ==, surface->resolution);
  g_assert_cmpfloat (grid->xmin, ==, surface->x_range[0]);
  g_assert_cmpfloat (grid->xmax, ==, surface->x_range[1]);
  g_assert_cmpfloat (grid->ymin, ==, surface->y_range[0]);
  g_assert_cmpfloat (grid->ymax, ==, surface->y_range[1]);

  for (guint j = 0; j < grid->ny; j += 51)
    for (guint i = 0; i < grid->nx; i += 37)
      {
        double expected = rosenbrock (grid->xs[i], grid->ys[j], NULL);

        g_assert_cmpfloat_with_epsilon (grid->values[j * grid->nx + i], expected,
                                        1e-12 * MAX (1.0, expected));
      }

  /* Drawn with the scene's runs, one trajectory each. */
  g_assert_cmpuint (landscape->trajectories->len, ==,
                    sd_scene_get_surface (sd_landscape_model_get_scene (fixture->model))->runs->len);
  g_assert_cmpuint (sd_scene_get_surface (landscape->scene)->runs->len, ==, landscape->trajectories->len);
}

static void
test_mapping_matches_render (Fixture       *fixture,
                             gconstpointer  data)
{
  SdLandscape *landscape = (SdLandscape *) sd_landscape_canvas_get_landscape (fixture->canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  g_autoptr(SdPlot) plot = NULL;
  SdFigureOptions options;
  cairo_surface_t *image;
  cairo_t *cr;
  double px, py, qx, qy, x, y;

  /* The render library lays the figure out on its own; the canvas must
   * put data points where it draws them. */
  sd_figure_options_init (&options);
  options.width = width;
  options.height = height;
  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                  ? SD_THEME_DARK : SD_THEME_LIGHT;
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (image);
  plot = sd_landscape_draw (landscape, cr, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  g_assert_true (sd_plot_map (plot, 0.5, 1.0, &qx, &qy));
  g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, 0.5, 1.0, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, qx, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, qy, 1e-9);

  g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, px, py, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 1.0, 1e-12);

  /* Outside the plot area: mapped, but not over the surface. */
  g_assert_false (sd_landscape_canvas_point_to_data (fixture->canvas, 1.0, 1.0, &x, &y));
  g_assert_true (isfinite (x) && isfinite (y));
}

/* The first update of Adam from @start on Rosenbrock's function: with
 * bias correction, m̂ = g and v̂ = g², so the step is lr g / (|g| + eps)
 * (torch.optim.Adam, one step). Momentum's first step is lr g (its buffer
 * starts at the gradient). */
static void
assert_first_steps (const SdLandscape *landscape,
                    const double       start[2])
{
  const SdTrajectory *adam = g_ptr_array_index (landscape->trajectories, 0);
  const SdTrajectory *momentum = g_ptr_array_index (landscape->trajectories, 1);
  const SdOptimizerState *state;
  double g[2];

  rosenbrock (start[0], start[1], g);
  state = sd_trajectory_get_point (adam, 1);
  for (guint k = 0; k < 2; k++)
    g_assert_cmpfloat_with_epsilon (state->position[k],
                                    start[k] - 0.05 * g[k] / (fabs (g[k]) + 1e-8), 1e-12);

  state = sd_trajectory_get_point (momentum, 1);
  for (guint k = 0; k < 2; k++)
    g_assert_cmpfloat_with_epsilon (state->position[k], start[k] - 0.001 * g[k], 1e-12);

}

static void
assert_trajectories_start_at (Fixture      *fixture,
                              const double  start[2])
{
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (fixture->canvas);

  for (guint i = 0; i < landscape->trajectories->len; i++)
    {
      const SdOptimizerState *first = sd_trajectory_get_point (
        g_ptr_array_index (landscape->trajectories, i), 0);

      g_assert_cmpfloat (first->position[0], ==, start[0]);
      g_assert_cmpfloat (first->position[1], ==, start[1]);
    }
}

static void
test_click_sets_start (Fixture       *fixture,
                       gconstpointer  data)
{
  const SdScene *scene = sd_landscape_model_get_scene (fixture->model);
  double px, py, pixel[2], range[4], after[4];

  get_range (fixture, range);
  get_pixel_size (fixture, pixel);
  g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, 0.5, 1.0, &px, &py));
  sd_landscape_canvas_click_at (fixture->canvas, px, py);

  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    {
      const SdSceneRun *run = get_run (fixture, i);

      g_assert_cmpfloat (fabs (run->start[0] - 0.5), <=, pixel[0]);
      g_assert_cmpfloat (fabs (run->start[1] - 1.0), <=, pixel[1]);
    }

  /* A click does not pan. */
  get_range (fixture, after);
  g_assert_cmpmem (range, sizeof range, after, sizeof after);

  settle (fixture->canvas);
  assert_trajectories_start_at (fixture, get_run (fixture, 0)->start);
  assert_first_steps (sd_landscape_canvas_get_landscape (fixture->canvas),
                      get_run (fixture, 0)->start);
}

static void
test_drag_start_live (Fixture       *fixture,
                      gconstpointer  data)
{
  static const double moves[][2] = { { 20, -10 }, { 60, -40 }, { 90, 30 } };
  double sx, sy, range[4], after[4], start[2];

  sd_landscape_model_set_start (fixture->model, 0.5, 1.0);
  settle (fixture->canvas);
  get_range (fixture, range);
  g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, 0.5, 1.0, &sx, &sy));

  /* Grabbed a little off centre: the marker keeps that offset. */
  sd_landscape_canvas_drag_begin (fixture->canvas, sx + 3, sy - 2);
  for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
    {
      double x, y;

      sd_landscape_canvas_drag_update (fixture->canvas, moves[m][0], moves[m][1]);
      g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, sx + moves[m][0],
                                                        sy + moves[m][1], &x, &y));
      g_assert_cmpfloat_with_epsilon (get_run (fixture, 0)->start[0], x, 1e-12);
      g_assert_cmpfloat_with_epsilon (get_run (fixture, 0)->start[1], y, 1e-12);
      g_assert_cmpfloat (get_run (fixture, 1)->start[0], ==, get_run (fixture, 0)->start[0]);

      /* Every run follows while dragging. */
      g_assert_true (ui_test_wait_for (is_idle, fixture->canvas));
      assert_trajectories_start_at (fixture, get_run (fixture, 0)->start);
    }
  sd_landscape_canvas_drag_end (fixture->canvas, moves[2][0], moves[2][1]);

  get_range (fixture, after);
  g_assert_cmpmem (range, sizeof range, after, sizeof after);
  assert_first_steps (sd_landscape_canvas_get_landscape (fixture->canvas),
                      get_run (fixture, 0)->start);

  /* A drag elsewhere pans by what it moved, and leaves the start. */
  start[0] = get_run (fixture, 0)->start[0];
  start[1] = get_run (fixture, 0)->start[1];
  settle (fixture->canvas);
  {
    double pixel[2], px, py;

    get_pixel_size (fixture, pixel);
    g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, -1.5, 0.0, &px, &py));
    sd_landscape_canvas_drag_begin (fixture->canvas, px, py);
    sd_landscape_canvas_drag_update (fixture->canvas, 50, 20);
    sd_landscape_canvas_drag_end (fixture->canvas, 100, 40);
    assert_range (fixture, range[0] - 100 * pixel[0], range[1] - 100 * pixel[0],
                  range[2] + 40 * pixel[1], range[3] + 40 * pixel[1]);
    g_assert_cmpfloat (get_run (fixture, 0)->start[0], ==, start[0]);
    g_assert_cmpfloat (get_run (fixture, 0)->start[1], ==, start[1]);
  }
}

static void
test_zoom_about_pointer (Fixture       *fixture,
                         gconstpointer  data)
{
  const SdLandscape *landscape;
  double px, py, x, y, range[4], after[4], pixel[2];

  get_range (fixture, range);
  g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, 0.5, 1.0, &px, &py));
  sd_landscape_canvas_zoom_at (fixture->canvas, px, py, 1.5);

  get_range (fixture, after);
  g_assert_cmpfloat_with_epsilon (after[1] - after[0], (range[1] - range[0]) / 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (after[3] - after[2], (range[3] - range[2]) / 1.5, 1e-12);
  g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, px, py, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 1.0, 1e-12);

  /* The new grid covers the new range. The axes' new tick labels may be
   * wider or narrower and move the plot area by a few pixels. */
  settle (fixture->canvas);
  landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  g_assert_cmpfloat (landscape->grid->xmin, ==, after[0]);
  g_assert_cmpfloat (landscape->grid->ymax, ==, after[3]);
  get_pixel_size (fixture, pixel);
  g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, px, py, &x, &y));
  g_assert_cmpfloat (fabs (x - 0.5), <=, 8 * pixel[0]);
  g_assert_cmpfloat (fabs (y - 1.0), <=, 8 * pixel[1]);

  /* Zooming out by as much returns to the range. */
  sd_landscape_canvas_zoom_at (fixture->canvas, px, py, 1.0 / 1.5);
  get_range (fixture, after);
  g_assert_cmpfloat_with_epsilon (after[1] - after[0], range[1] - range[0], 1e-9);
}

static void
press (Fixture *fixture,
       guint    keyval)
{
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (fixture->canvas), keyval, 0));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  /* Rosenbrock's customary range is [-2, 2] x [-1, 3]; zooming in by 1.25
   * about its centre (0, 1) leaves 3.2 x 3.2, and an arrow moves a tenth
   * of that, 0.32. */
  assert_range (fixture, -2.0, 2.0, -1.0, 3.0);
  press (fixture, GDK_KEY_plus);
  assert_range (fixture, -1.6, 1.6, -0.6, 2.6);
  press (fixture, GDK_KEY_Right);
  assert_range (fixture, -1.28, 1.92, -0.6, 2.6);
  press (fixture, GDK_KEY_Up);
  assert_range (fixture, -1.28, 1.92, -0.28, 2.92);
  press (fixture, GDK_KEY_Down);
  press (fixture, GDK_KEY_Left);
  assert_range (fixture, -1.6, 1.6, -0.6, 2.6);
  press (fixture, GDK_KEY_minus);
  assert_range (fixture, -2.0, 2.0, -1.0, 3.0);
  press (fixture, GDK_KEY_minus);
  assert_range (fixture, -2.5, 2.5, -1.5, 3.5);

  press (fixture, GDK_KEY_plus);
  press (fixture, GDK_KEY_Right);
  press (fixture, GDK_KEY_0);
  assert_range (fixture, -2.0, 2.0, -1.0, 3.0);

  /* Shift with an arrow pans the same way (the page keeps plain Left and
   * Right for stepping the playback). */
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (fixture->canvas), GDK_KEY_Right,
                                           GDK_SHIFT_MASK));
  assert_range (fixture, -1.6, 2.4, -1.0, 3.0);
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (fixture->canvas), GDK_KEY_Left,
                                           GDK_SHIFT_MASK));
  assert_range (fixture, -2.0, 2.0, -1.0, 3.0);

  /* Keys that are not bound do nothing. */
  g_assert_false (ui_test_activate_binding (GTK_WIDGET (fixture->canvas), GDK_KEY_z, 0));
}

static void
test_latest_grid_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_array_set_size (fixture->applied, 0);
  sd_landscape_model_set_function (fixture->model, "himmelblau");
  g_assert_true (sd_landscape_canvas_is_busy (fixture->canvas));
  sd_landscape_model_set_function (fixture->model, "beale");
  settle (fixture->canvas);

  /* Only Beale's grids, over Beale's range: the full one last, and
   * before it the coarse one unless the full one was ready first (at 256
   * points a side it can be, while the coarse map is still drawn; a
   * coarse grid after the full one would be dropped). */
  g_assert_cmpuint (fixture->applied->len, >=, 1);
  g_assert_cmpuint (fixture->applied->len, <=, 2);
  for (guint i = 0; i < fixture->applied->len; i++)
    {
      const Applied *applied = &g_array_index (fixture->applied, Applied, i);

      g_assert_cmpstr (applied->surface, ==, "beale");
      g_assert_cmpfloat (applied->range[0], ==, -4.5);
      g_assert_cmpfloat (applied->range[3], ==, 4.5);
      g_assert_cmpuint (applied->resolution, ==,
                        i + 1 == fixture->applied->len ? 256 : 64);
    }

  /* The runs went to Beale's function too: Adam's first step there. */
  {
    const SdLandscape *landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
    const SdOptimizerState *first = sd_trajectory_get_point (
      g_ptr_array_index (landscape->trajectories, 0), 0);
    double grad[2];

    sd_surface_eval (landscape->surface, first->position[0], first->position[1], grad, NULL);
    g_assert_cmpfloat_with_epsilon (first->gradient[0], grad[0], 1e-9 * fabs (grad[0]));
  }
}

static void
test_coarse_first (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The full grid starts once the coarse one is computed, while the
   * coarse map is drawn; at 2048 points a side it takes several times
   * longer than that. */
  g_array_set_size (fixture->applied, 0);
  sd_landscape_model_set_resolution (fixture->model, 2048);
  g_assert_true (sd_landscape_canvas_is_busy (fixture->canvas));
  settle (fixture->canvas);

  g_assert_cmpuint (fixture->applied->len, ==, 2);
  g_assert_cmpuint (g_array_index (fixture->applied, Applied, 0).resolution, ==, 64);
  g_assert_cmpuint (g_array_index (fixture->applied, Applied, 1).resolution, ==, 2048);
  g_assert_cmpuint (sd_landscape_canvas_get_landscape (fixture->canvas)->grid->nx, ==, 2048);

  /* At or below the coarse size there is nothing coarser to show. */
  g_array_set_size (fixture->applied, 0);
  sd_landscape_model_set_resolution (fixture->model, 48);
  settle (fixture->canvas);
  g_assert_cmpuint (fixture->applied->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->applied, Applied, 0).resolution, ==, 48);
}

static guint
backdrop_renders (Fixture *fixture)
{
  return sd_landscape_get_backdrop_renders (sd_landscape_canvas_get_landscape (fixture->canvas));
}

static void
render_at (Fixture *fixture,
           int      width,
           int      height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (image);

  sd_landscape_canvas_render (fixture->canvas, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

/* A new grid's heatmap and contours are drawn on its worker, at the size
 * the canvas last drew at, so its first frame only paints them. The
 * canvas is hidden so that only the frames rendered here draw. */
static void
test_map_drawn_ahead (Fixture       *fixture,
                      gconstpointer  data)
{
  int width = 700, height = 450;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (fixture->canvas), FALSE);
  render_at (fixture, width, height);
  sd_landscape_model_set_function (fixture->model, "custom");
  g_assert_true (sd_landscape_model_set_expression (fixture->model, "x^2 + sin(3*y)", NULL,
                                                    &error));
  g_assert_no_error (error);
  settle (fixture->canvas);

  g_assert_cmpuint (backdrop_renders (fixture), ==, 1);
  render_at (fixture, width, height);
  g_assert_cmpuint (backdrop_renders (fixture), ==, 1);

  /* Another size draws them again, on the main thread. */
  render_at (fixture, width - 60, height);
  g_assert_cmpuint (backdrop_renders (fixture), ==, 2);

  /* The 3-D view has nothing cached to draw ahead. */
  sd_landscape_model_set_view (fixture->model, SD_VIEW_3D, -60.0, 30.0);
  g_assert_true (sd_landscape_model_set_expression (fixture->model, "x^2 + cos(3*y)", NULL,
                                                    &error));
  settle (fixture->canvas);
  g_assert_cmpuint (backdrop_renders (fixture), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  double px, py, point[2], value, gradient[2], expected[2], eval_grad[2];
  guint notified = 0;

  g_signal_connect (fixture->canvas, "notify::hover-text", G_CALLBACK (count_notify), &notified);
  g_assert_null (sd_landscape_canvas_get_hover_text (fixture->canvas));
  g_assert_false (sd_landscape_canvas_get_hover (fixture->canvas, NULL, NULL, NULL));

  g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, 0.5, 1.0, &px, &py));
  sd_landscape_canvas_hover_at (fixture->canvas, px + 0.3, py - 0.2);
  g_assert_true (sd_landscape_canvas_get_hover (fixture->canvas, point, &value, gradient));
  g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, px + 0.3, py - 0.2,
                                                    &expected[0], &expected[1]));
  g_assert_cmpfloat (point[0], ==, expected[0]);
  g_assert_cmpfloat (point[1], ==, expected[1]);

  g_assert_cmpfloat_with_epsilon (value, rosenbrock (point[0], point[1], expected), 1e-12);
  g_assert_cmpfloat_with_epsilon (gradient[0], expected[0], 1e-10);
  g_assert_cmpfloat_with_epsilon (gradient[1], expected[1], 1e-10);
  g_assert_cmpfloat (value, ==, sd_surface_eval (landscape->surface, point[0], point[1],
                                                 eval_grad, NULL));
  g_assert_cmpfloat (gradient[0], ==, eval_grad[0]);
  g_assert_cmpfloat (gradient[1], ==, eval_grad[1]);

  /* The text says the same, rounded: the position to the pixel (3
   * decimals for 4 units over some 700 pixels), f ≈ 56.2 and
   * ∇f ≈ (−151, 150). */
  g_assert_true (g_str_has_prefix (sd_landscape_canvas_get_hover_text (fixture->canvas),
                                   "x = 0.50"));
  g_assert_nonnull (strstr (sd_landscape_canvas_get_hover_text (fixture->canvas), ", y = 1.00"));
  g_assert_nonnull (strstr (sd_landscape_canvas_get_hover_text (fixture->canvas), "f = 5"));
  g_assert_nonnull (strstr (sd_landscape_canvas_get_hover_text (fixture->canvas), "∇f = (−15"));
  g_assert_cmpuint (notified, ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));

  /* Off the plot area, and after leaving, nothing is shown. */
  sd_landscape_canvas_hover_at (fixture->canvas, 1.0, 1.0);
  g_assert_false (sd_landscape_canvas_get_hover (fixture->canvas, NULL, NULL, NULL));
  g_assert_null (sd_landscape_canvas_get_hover_text (fixture->canvas));
  sd_landscape_canvas_hover_at (fixture->canvas, px, py);
  g_assert_nonnull (sd_landscape_canvas_get_hover_text (fixture->canvas));
  sd_landscape_canvas_hover_end (fixture->canvas);
  g_assert_null (sd_landscape_canvas_get_hover_text (fixture->canvas));
  g_assert_cmpuint (notified, ==, 4);
}

static void
test_drag_rotates_3d (Fixture       *fixture,
                      gconstpointer  data)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (fixture->model));
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  double start[2] = { get_run (fixture, 0)->start[0], get_run (fixture, 0)->start[1] };
  double range[4], after[4], x, y, px, py;

  sd_landscape_model_set_view (fixture->model, SD_VIEW_3D, -60.0, 30.0);
  settle (fixture->canvas);
  get_range (fixture, range);

  /* 0.4° a pixel: right turns the azimuth back, down raises the eye. */
  sd_landscape_canvas_drag_begin (fixture->canvas, width / 2.0, height / 2.0);
  sd_landscape_canvas_drag_update (fixture->canvas, 25, 10);
  g_assert_cmpfloat_with_epsilon (surface->azimuth, -70.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (surface->elevation, 34.0, 1e-12);
  sd_landscape_canvas_drag_end (fixture->canvas, 50, 20);
  g_assert_cmpint (surface->view, ==, SD_VIEW_3D);
  g_assert_cmpfloat_with_epsilon (surface->azimuth, -80.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (surface->elevation, 38.0, 1e-12);

  /* Rotating neither pans nor moves the start. */
  get_range (fixture, after);
  g_assert_cmpmem (range, sizeof range, after, sizeof after);
  g_assert_cmpfloat (get_run (fixture, 0)->start[0], ==, start[0]);
  g_assert_cmpfloat (get_run (fixture, 0)->start[1], ==, start[1]);

  /* The elevation stops at the pole; the azimuth wraps around. */
  sd_landscape_canvas_drag_begin (fixture->canvas, width / 2.0, height / 2.0);
  sd_landscape_canvas_drag_end (fixture->canvas, 300, 500);
  g_assert_cmpfloat_with_epsilon (surface->azimuth, 160.0, 1e-12);
  g_assert_cmpfloat (surface->elevation, ==, 90.0);

  /* Arrows turn the camera in 3-D. */
  sd_landscape_model_set_view (fixture->model, SD_VIEW_3D, -60.0, 30.0);
  press (fixture, GDK_KEY_Right);
  g_assert_cmpfloat_with_epsilon (surface->azimuth, -55.0, 1e-12);
  press (fixture, GDK_KEY_Down);
  g_assert_cmpfloat_with_epsilon (surface->elevation, 25.0, 1e-12);

  /* A click on the surface sets the start where the surface is drawn,
   * and the point maps back there. */
  settle (fixture->canvas);
  g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, width / 2.0, height / 2.0,
                                                    &x, &y));
  sd_landscape_canvas_click_at (fixture->canvas, width / 2.0, height / 2.0);
  g_assert_cmpfloat (get_run (fixture, 0)->start[0], ==, x);
  g_assert_cmpfloat (get_run (fixture, 0)->start[1], ==, y);
  settle (fixture->canvas);
  assert_trajectories_start_at (fixture, get_run (fixture, 0)->start);

  /* On a smooth surface, whose mesh is nearly exact, the point picked maps
   * back under the pointer. */
  sd_landscape_model_set_function (fixture->model, "booth");
  settle (fixture->canvas);
  g_assert_true (sd_landscape_canvas_point_to_data (fixture->canvas, width / 2.0, height / 2.0,
                                                    &x, &y));
  g_assert_true (sd_landscape_canvas_data_to_point (fixture->canvas, x, y, &px, &py));
  g_assert_cmpfloat (fabs (px - width / 2.0), <, 1.0);
  g_assert_cmpfloat (fabs (py - height / 2.0), <, 1.0);
}

static void
test_iteration (Fixture       *fixture,
                gconstpointer  data)
{
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  const SdScene *scene = sd_landscape_model_get_scene (fixture->model);
  guint count = 0;

  g_signal_connect (fixture->canvas, "notify::iteration", G_CALLBACK (count_notify), &count);
  g_assert_cmpuint (sd_landscape_canvas_get_iteration (fixture->canvas), ==,
                    SD_LANDSCAPE_CANVAS_ALL_ITERATIONS);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 0), ==, get_run (fixture, 0)->steps);

  sd_landscape_canvas_set_iteration (fixture->canvas, 10);
  sd_landscape_canvas_set_iteration (fixture->canvas, 10);
  g_assert_cmpuint (count, ==, 1);
  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    g_assert_cmpuint (sd_landscape_get_run_end (landscape, i), ==, 10);
  /* The model's scene is only read. */
  g_assert_false (scene->has_step);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));

  /* Past the end, the runs are drawn whole. */
  sd_landscape_canvas_set_iteration (fixture->canvas, 100000);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 0), ==, get_run (fixture, 0)->steps);

  /* The iteration holds for runs computed later. */
  sd_landscape_canvas_set_iteration (fixture->canvas, 7);
  sd_landscape_model_set_start (fixture->model, 0.0, 2.0);
  settle (fixture->canvas);
  landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 1), ==, 7);

  g_object_set (fixture->canvas, "iteration", SD_LANDSCAPE_CANVAS_ALL_ITERATIONS, NULL);
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpuint (sd_landscape_get_run_end (landscape, 1), ==, get_run (fixture, 1)->steps);
}

static void
test_runs_main_or_worker (Fixture       *fixture,
                          gconstpointer  data)
{
  const SdLandscape *landscape;
  const double start[2] = { -1.0, 0.5 };

  /* The canvas measures what a step costs whenever it computes runs:
   * 2 × 20 steps of Rosenbrock fit in a frame, even under sanitizers, so
   * they are computed at once. */
  sd_landscape_model_set_run_steps (fixture->model, 0, 20);
  sd_landscape_model_set_run_steps (fixture->model, 1, 20);
  settle (fixture->canvas);
  sd_landscape_model_set_start (fixture->model, start[0], start[1]);
  g_assert_false (sd_landscape_canvas_is_busy (fixture->canvas));
  assert_trajectories_start_at (fixture, start);
  assert_first_steps (sd_landscape_canvas_get_landscape (fixture->canvas), start);

  /* 2 × 100000 steps do not: they go to a worker, and the old runs stay
   * on screen meanwhile. */
  sd_landscape_model_set_run_steps (fixture->model, 0, SD_TRAJECTORY_MAX_STEPS);
  sd_landscape_model_set_run_steps (fixture->model, 1, SD_TRAJECTORY_MAX_STEPS);
  g_assert_true (sd_landscape_canvas_is_busy (fixture->canvas));
  landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  g_assert_cmpuint (sd_trajectory_get_n_points (g_ptr_array_index (landscape->trajectories, 0)),
                    ==, 21);

  settle (fixture->canvas);
  landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  for (guint i = 0; i < 2; i++)
    {
      const SdTrajectory *trajectory = g_ptr_array_index (landscape->trajectories, i);

      if (!sd_trajectory_get_diverged (trajectory, NULL))
        g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==,
                          SD_TRAJECTORY_MAX_STEPS + 1);
    }
  assert_first_steps (landscape, start);
}

static void
count_emission (SdLandscapeCanvas *canvas,
                guint             *count)
{
  (*count)++;
}

/* The page reads the runs' values through the canvas: each applied set of
 * trajectories is announced once, and the old set stays readable, at its
 * old length, while a new one computes. */
static void
test_trajectories_changed (Fixture       *fixture,
                           gconstpointer  data)
{
  guint changed = 0;
  double grad[2];
  /* f(0.5, -0.25) = 0.25 + 100 * 0.25 = 25.25 */
  double loss = rosenbrock (0.5, -0.25, grad);

  g_assert_cmpfloat_with_epsilon (loss, 25.25, 1e-12);
  g_signal_connect (fixture->canvas, "trajectories-changed", G_CALLBACK (count_emission),
                    &changed);
  sd_landscape_model_set_run_steps (fixture->model, 0, 20);
  sd_landscape_model_set_run_steps (fixture->model, 1, 20);
  settle (fixture->canvas);

  /* Cheap runs are applied, and announced, at once. */
  changed = 0;
  sd_landscape_model_set_start (fixture->model, 0.5, -0.25);
  g_assert_false (sd_landscape_canvas_is_busy (fixture->canvas));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (sd_landscape_canvas_get_n_trajectories (fixture->canvas), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const SdTrajectory *trajectory = sd_landscape_canvas_get_trajectory (fixture->canvas, i);
      const SdOptimizerState *first;

      g_assert_nonnull (trajectory);
      g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 21);
      first = sd_trajectory_get_point (trajectory, 0);
      g_assert_cmpfloat_with_epsilon (first->loss, loss, 1e-12);
      g_assert_cmpfloat_with_epsilon (first->gradient[0], grad[0], 1e-9);
      g_assert_cmpfloat_with_epsilon (first->gradient[1], grad[1], 1e-9);
    }
  g_assert_null (sd_landscape_canvas_get_trajectory (fixture->canvas, 2));

  /* Long runs go to a worker: until they are applied, the canvas reports
   * the runs it has, unchanged, and nothing is announced. */
  sd_landscape_model_set_run_steps (fixture->model, 1, SD_TRAJECTORY_MAX_STEPS);
  g_assert_true (sd_landscape_canvas_is_busy (fixture->canvas));
  g_assert_cmpuint (changed, ==, 1);
  settle (fixture->canvas);
  g_assert_cmpuint (changed, ==, 2);
  sd_landscape_model_add_run (fixture->model, SD_OPTIMIZER_SGD);
  g_assert_true (sd_landscape_canvas_is_busy (fixture->canvas));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (sd_landscape_canvas_get_n_trajectories (fixture->canvas), ==, 2);
  g_assert_cmpuint (sd_trajectory_get_n_points (sd_landscape_canvas_get_trajectory (fixture->canvas,
                                                                                    0)),
                    ==, 21);
  g_assert_null (sd_landscape_canvas_get_trajectory (fixture->canvas, 2));

  settle (fixture->canvas);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (sd_landscape_canvas_get_n_trajectories (fixture->canvas), ==, 3);
  g_assert_cmpfloat_with_epsilon (sd_trajectory_get_point (
                                    sd_landscape_canvas_get_trajectory (fixture->canvas, 2),
                                    0)->loss,
                                  loss, 1e-12);
  g_signal_handlers_disconnect_by_func (fixture->canvas, count_emission, &changed);
}

static void
test_runs_added_and_removed (Fixture       *fixture,
                             gconstpointer  data)
{
  const SdLandscape *landscape;

  sd_landscape_model_add_run (fixture->model, SD_OPTIMIZER_SGD);
  settle (fixture->canvas);
  landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  g_assert_cmpuint (landscape->trajectories->len, ==, 3);
  g_assert_cmpuint (sd_scene_get_surface (landscape->scene)->runs->len, ==, 3);

  sd_landscape_model_remove_run (fixture->model, 0);
  sd_landscape_model_remove_run (fixture->model, 0);
  settle (fixture->canvas);
  g_assert_cmpuint (landscape->trajectories->len, ==, 1);
  g_assert_cmpuint (sd_scene_get_surface (landscape->scene)->runs->len, ==, 1);
  g_assert_cmpstr (((SdSceneRun *) g_ptr_array_index (sd_scene_get_surface (landscape->scene)->runs, 0))->name, ==,
                   "SGD");

  /* Without runs there is no start to set, and nothing breaks. */
  sd_landscape_model_remove_run (fixture->model, 0);
  settle (fixture->canvas);
  sd_landscape_canvas_click_at (fixture->canvas, 400, 300);
  g_assert_cmpuint (landscape->trajectories->len, ==, 0);
}

static void
test_display_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (fixture->canvas);

  /* Colours and layers redraw what there is... */
  g_array_set_size (fixture->applied, 0);
  sd_landscape_model_set_color_map (fixture->model, "magma");
  sd_landscape_model_set_layers (fixture->model, SD_LAYER_CONTOURS | SD_LAYER_GRADIENT_FIELD);
  g_assert_false (sd_landscape_canvas_is_busy (fixture->canvas));
  g_assert_true (sd_landscape_canvas_get_landscape (fixture->canvas) == landscape);
  g_assert_cmpstr (sd_scene_get_surface (landscape->scene)->color_map, ==, "magma");
  settle (fixture->canvas);
  g_assert_cmpuint (fixture->applied->len, ==, 0);

  /* ...but the contour levels come with the grid. */
  sd_landscape_model_set_contours (fixture->model, 7);
  g_assert_true (sd_landscape_canvas_is_busy (fixture->canvas));
  settle (fixture->canvas);
  landscape = sd_landscape_canvas_get_landscape (fixture->canvas);
  g_assert_cmpuint (landscape->n_levels, ==, 7);
  g_assert_nonnull (landscape->contours);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_coarse_applied (SdLandscapeCanvas *canvas,
                   guint              resolution,
                   gboolean          *applied)
{
  if (resolution == 64)
    *applied = TRUE;
}

static void
test_destroy_while_computing (void)
{
  g_autoptr(SdLandscapeModel) model = sd_landscape_model_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SdLandscapeCanvas *canvas = SD_LANDSCAPE_CANVAS (sd_landscape_canvas_new (model));
  gboolean coarse = FALSE, waited = FALSE;

  gtk_window_set_child (window, GTK_WIDGET (canvas));
  gtk_window_present (window);
  settle (canvas);

  /* The full 4096 × 4096 grid starts on a worker as soon as the coarse
   * one is computed (the request is not part of a burst), and takes a
   * few hundred ms: destroy the canvas once the coarse one is on screen,
   * with the runs' 100000 steps under way too. */
  g_signal_connect (canvas, "grid-applied", G_CALLBACK (on_coarse_applied), &coarse);
  sd_landscape_model_set_run_steps (model, 0, SD_TRAJECTORY_MAX_STEPS);
  sd_landscape_model_set_resolution (model, SD_SCENE_MAX_RESOLUTION);
  g_assert_true (ui_test_wait_for (is_true, &coarse));
  g_assert_true (sd_landscape_canvas_is_busy (canvas));
  g_assert_cmpuint (sd_landscape_canvas_get_landscape (canvas)->grid->nx, ==, 64);

  g_object_add_weak_pointer (G_OBJECT (canvas), (gpointer *) &canvas);
  gtk_window_destroy (window);
  g_assert_null (canvas);

  /* The jobs see their cancellation and find the canvas gone. */
  g_timeout_add (1000, on_timeout, &waited);
  g_assert_true (ui_test_wait_for (is_true, &waited));
  ui_test_spin ();
  g_assert_cmpuint (sd_scene_get_surface (sd_landscape_model_get_scene (model))->resolution, ==,
                    SD_SCENE_MAX_RESOLUTION);
}

static void
test_unmapped_canvas (void)
{
  g_autoptr(SdLandscapeModel) model = sd_landscape_model_new ();
  SdLandscapeCanvas *canvas = g_object_ref_sink (SD_LANDSCAPE_CANVAS (sd_landscape_canvas_new (NULL)));
  cairo_surface_t *image;
  cairo_t *cr;
  double x, y;

  /* Nothing drawn, nothing to map. */
  g_assert_null (sd_landscape_canvas_get_model (canvas));
  g_assert_false (sd_landscape_canvas_is_busy (canvas));
  g_assert_false (sd_landscape_canvas_point_to_data (canvas, 10, 10, &x, &y));
  g_assert_true (isnan (x) && isnan (y));
  g_assert_false (sd_landscape_canvas_data_to_point (canvas, 0, 0, &x, &y));
  sd_landscape_canvas_hover_at (canvas, 10, 10);
  g_assert_null (sd_landscape_canvas_get_hover_text (canvas));
  sd_landscape_canvas_click_at (canvas, 10, 10);
  sd_landscape_canvas_zoom_at (canvas, 10, 10, 2.0);

  sd_landscape_canvas_set_model (canvas, model);
  g_assert_true (sd_landscape_canvas_get_model (canvas) == model);
  g_assert_true (ui_test_wait_for (is_idle, canvas));
  g_assert_nonnull (sd_landscape_canvas_get_landscape (canvas));

  /* Rendering off screen draws the figure, and changes nothing. */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 240);
  cr = cairo_create (image);
  sd_landscape_canvas_render (canvas, cr, 320, 240);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
  g_assert_false (sd_landscape_canvas_point_to_data (canvas, 10, 10, &x, &y));

  /* Errors a caller can make. */
  g_test_expect_message ("Saddle", G_LOG_LEVEL_CRITICAL, "*zoom > 0.0*");
  sd_landscape_canvas_zoom_at (canvas, 10, 10, 0.0);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle", G_LOG_LEVEL_CRITICAL, "*SD_IS_LANDSCAPE_CANVAS*");
  g_assert_false (sd_landscape_canvas_is_busy (NULL));
  g_test_assert_expected_messages ();

  sd_landscape_canvas_set_model (canvas, NULL);
  g_assert_null (sd_landscape_canvas_get_landscape (canvas));
  g_assert_finalize_object (canvas);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_require_display ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sd_core_init ();

#define ADD(path, func) \
  g_test_add ("/landscape-canvas/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("grid/matches-scene", test_grid_matches_scene);
  ADD ("grid/latest-only", test_latest_grid_only);
  ADD ("grid/coarse-first", test_coarse_first);
  ADD ("mapping/matches-render", test_mapping_matches_render);
  ADD ("click/sets-start", test_click_sets_start);
  ADD ("drag/start-live-and-pan", test_drag_start_live);
  ADD ("zoom/about-pointer", test_zoom_about_pointer);
  ADD ("keyboard", test_keyboard);
  ADD ("hover", test_hover);
  ADD ("3d/drag-rotates", test_drag_rotates_3d);
  ADD ("iteration", test_iteration);
  ADD ("runs/main-or-worker", test_runs_main_or_worker);
  ADD ("runs/trajectories-changed", test_trajectories_changed);
  ADD ("runs/added-and-removed", test_runs_added_and_removed);
  ADD ("display-changes", test_display_changes);
  ADD ("grid/map-drawn-ahead", test_map_drawn_ahead);
  g_test_add_func ("/landscape-canvas/destroy-while-computing", test_destroy_while_computing);
  g_test_add_func ("/landscape-canvas/unmapped", test_unmapped_canvas);

  return g_test_run ();
}
