/* test-surface3d.c: the 3-D view of loss surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "core-error.h"
#include "landscape.h"
#include "surface3d-private.h"
#include "trajectory-layer.h"

/* matplotlib's viridis at both ends:
 *   from matplotlib import cm; cm.viridis(0.0), cm.viridis(1.0) */
static const double viridis_0[3] = { 0.267004, 0.004874, 0.329415 };
static const double viridis_1[3] = { 0.993248, 0.906157, 0.143936 };

static SdScene *
load_scene (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdScene *scene = sd_scene_load_data (text, strlen (text), "test.saddle", &error);

  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static SdLandscape *
new_landscape (const SdScene *scene)
{
  g_autoptr(GError) error = NULL;
  SdLandscape *landscape = sd_landscape_new (scene, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (landscape);
  return landscape;
}

/* The default options at another size and theme. */
static void
init_options (SdFigureOptions *options,
              double           width,
              double           height,
              SdTheme          theme)
{
  sd_figure_options_init (options);
  options->width = width;
  options->height = height;
  options->theme = theme;
}

/* A drawing of a landscape's 3-D view into an image @scale pixels per
 * point. */
typedef struct
{
  SdLandscape     *landscape;
  SdFigureOptions  options;
  double           scale;
  cairo_surface_t *image;
  cairo_t         *cr;
} Drawing;

static void
drawing_init (Drawing     *drawing,
              SdLandscape *landscape,
              double       width,
              double       height,
              SdTheme      theme,
              double       scale)
{
  drawing->landscape = landscape;
  drawing->scale = scale;
  init_options (&drawing->options, width, height, theme);
  drawing->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale),
                                               (int) (height * scale));
  drawing->cr = cairo_create (drawing->image);
  cairo_scale (drawing->cr, scale, scale);
  sd_landscape_draw_3d (landscape, drawing->cr, &drawing->options);
  g_assert_cmpint (cairo_status (drawing->cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (drawing->image);
}

static void
drawing_clear (Drawing *drawing)
{
  cairo_destroy (drawing->cr);
  cairo_surface_destroy (drawing->image);
}

/* Where the view draws (x, y, z), in points. */
static void
drawing_project (Drawing *drawing,
                 double   x,
                 double   y,
                 double   z,
                 double  *px,
                 double  *py)
{
  g_assert_true (sd_landscape_project_3d (drawing->landscape, drawing->cr, &drawing->options,
                                          x, y, z, px, py));
}

/* The colour of the pixel under the point (px, py), unpremultiplied. */
static void
drawing_read (Drawing *drawing,
              double   px,
              double   py,
              double   rgba[4])
{
  int x = (int) floor (px * drawing->scale), y = (int) floor (py * drawing->scale);
  int stride = cairo_image_surface_get_stride (drawing->image);
  const guint8 *data = cairo_image_surface_get_data (drawing->image);
  guint32 pixel;
  double alpha;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (drawing->image));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (drawing->image));

  pixel = *(const guint32 *) (gconstpointer) (data + (gsize) y * stride + 4 * x);
  alpha = (pixel >> 24 & 0xff) / 255.0;
  rgba[3] = alpha;
  for (guint k = 0; k < 3; k++)
    rgba[k] = alpha > 0.0 ? ((pixel >> (16 - 8 * k)) & 0xff) / 255.0 / alpha : 0.0;
}

static double
color_distance (const double a[3],
                const double b[3])
{
  return MAX (MAX (fabs (a[0] - b[0]), fabs (a[1] - b[1])), fabs (a[2] - b[2]));
}

/* matplotlib's camera for `view_init (elev, azim)`, with an orthographic
 * projection and a cube: the rows of the rotation are the screen's right,
 * its up, and the direction towards the eye.
 *
 *   import numpy as np
 *   from mpl_toolkits.mplot3d import proj3d
 *   for azim, elev in [(-60, 30), (30, 45), (135, -20)]:
 *       a, e = np.deg2rad(azim), np.deg2rad(elev)
 *       ps = np.array([np.cos(e)*np.cos(a), np.cos(e)*np.sin(a), np.sin(e)])
 *       R = np.array([0.5, 0.5, 0.5])
 *       M = proj3d.view_transformation(R + 10*ps, R, np.array([0, 0, 1]), 0)
 *       print(azim, elev, M[:3, :3].ravel())
 *
 * (matplotlib 3.6.3) */
static const struct
{
  double azimuth;
  double elevation;
  double rows[9];
} matplotlib_views[] = {
  { -60, 30, { 0.866025403784438, 0.500000000000000, 0.0,
               -0.250000000000000, 0.433012701892219, 0.866025403784439,
               0.433012701892220, -0.750000000000000, 0.500000000000000 } },
  { 30, 45, { -0.500000000000000, 0.866025403784439, 0.0,
              -0.612372435695795, -0.353553390593274, 0.707106781186548,
              0.612372435695795, 0.353553390593274, 0.707106781186548 } },
  { 135, -20, { -0.707106781186548, -0.707106781186547, 0.0,
                -0.241844762647975, 0.241844762647975, 0.939692620785908,
                -0.664463024388675, 0.664463024388675, -0.342020143325669 } },
};

static void
test_camera_matplotlib (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (matplotlib_views); i++)
    {
      const double *rows = matplotlib_views[i].rows;
      SdCamera3d camera;

      sd_camera3d_init (&camera, matplotlib_views[i].azimuth, matplotlib_views[i].elevation,
                        1.0, 0.0, 0.0);
      for (guint k = 0; k < 3; k++)
        {
          g_assert_cmpfloat_with_epsilon (camera.right[k], rows[k], 1e-12);
          g_assert_cmpfloat_with_epsilon (camera.up[k], rows[3 + k], 1e-12);
          g_assert_cmpfloat_with_epsilon (camera.toward[k], rows[6 + k], 1e-12);
        }
    }
}

static void
assert_projects (const SdCamera3d *camera,
                 double            x,
                 double            y,
                 double            z,
                 double            expected_sx,
                 double            expected_sy)
{
  double p[3] = { x, y, z }, sx, sy;

  sd_camera3d_project (camera, p, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, expected_sx, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, expected_sy, 1e-9);
}

/* Closed forms: looking straight down with azimuth -90°, x runs to the
 * right and y up the screen (the map view); azimuth 0° turns the picture
 * a quarter turn, x running down. Level with the floor, from -y, z runs up
 * and y away from the viewer. Screen y grows downwards. */
static void
test_camera_closed_form (void)
{
  SdCamera3d camera;
  double p[3];

  sd_camera3d_init (&camera, -90.0, 90.0, 100.0, 400.0, 300.0);
  assert_projects (&camera, 1, 0, 0, 500, 300);
  assert_projects (&camera, 0, 1, 0, 400, 200);
  assert_projects (&camera, 0, 0, 1, 400, 300);
  assert_projects (&camera, 0.5, -0.25, 0.7, 450, 325);
  p[0] = 0.0, p[1] = 0.0, p[2] = 1.0;
  g_assert_cmpfloat_with_epsilon (sd_camera3d_depth (&camera, p), 1.0, 1e-12);

  sd_camera3d_init (&camera, 0.0, 90.0, 100.0, 400.0, 300.0);
  assert_projects (&camera, 1, 0, 0, 400, 400);
  assert_projects (&camera, 0, 1, 0, 500, 300);

  sd_camera3d_init (&camera, -90.0, 0.0, 50.0, 0.0, 0.0);
  assert_projects (&camera, 0, 0, 1, 0, -50);
  assert_projects (&camera, 1, 0, 0, 50, 0);
  assert_projects (&camera, 0, 1, 0, 0, 0);
  p[0] = 0.0, p[1] = 1.0, p[2] = 0.0;
  g_assert_cmpfloat_with_epsilon (sd_camera3d_depth (&camera, p), -1.0, 1e-12);

  /* Elevations beyond the poles are the poles. */
  sd_camera3d_init (&camera, -90.0, 120.0, 100.0, 400.0, 300.0);
  assert_projects (&camera, 0, 1, 0, 400, 200);
}

/* Unprojecting a point of the screen gives the box point at depth 0 that
 * projects there. */
static void
test_camera_unproject (void)
{
  SdCamera3d camera;
  double p[3], sx, sy;

  sd_camera3d_init (&camera, 37.0, 21.0, 180.0, 400.0, 300.0);
  sd_camera3d_unproject (&camera, 123.0, 456.0, p);
  g_assert_cmpfloat_with_epsilon (sd_camera3d_depth (&camera, p), 0.0, 1e-12);
  sd_camera3d_project (&camera, p, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 123.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 456.0, 1e-9);
}

/* The light comes from the viewer's front left, 55° up; a level face keeps
 * its colour, a face turned to the light is brighter than one turned away,
 * and the light's closed form fixes the brightest factor. */
static void
test_shading (void)
{
  SdCamera3d camera;
  double light[3], toward[3], away[3], level[3] = { 0, 0, 1 };
  double rgb[3] = { 0.2, 0.5, 0.8 }, shaded[3];
  double bright, dark;

  sd_camera3d_init (&camera, -60.0, 30.0, 1.0, 0.0, 0.0);
  sd_camera3d_get_light (&camera, light);
  g_assert_cmpfloat_with_epsilon (light[2], sin (55.0 * G_PI / 180.0), 1e-12);
  g_assert_cmpfloat (light[0] * camera.right[0] + light[1] * camera.right[1], <, 0.0);
  g_assert_cmpfloat (light[0] * camera.toward[0] + light[1] * camera.toward[1], >, 0.0);

  toward[0] = light[0], toward[1] = light[1], toward[2] = 0.5;
  away[0] = -light[0], away[1] = -light[1], away[2] = 0.5;
  bright = sd_camera3d_shade (&camera, toward);
  dark = sd_camera3d_shade (&camera, away);
  g_assert_cmpfloat (bright, >, 1.0);
  g_assert_cmpfloat (dark, <, 1.0);
  g_assert_cmpfloat_with_epsilon (sd_camera3d_shade (&camera, level), 1.0, 1e-12);

  /* A face square to the light: (A + (1 − A)) / (A + (1 − A) sin 55°). */
  g_assert_cmpfloat_with_epsilon (sd_camera3d_shade (&camera, light),
                                  1.0 / (0.35 + 0.65 * sin (55.0 * G_PI / 180.0)), 1e-12);

  /* Either orientation of a normal is the same face. */
  away[0] = -away[0], away[1] = -away[1], away[2] = -away[2];
  g_assert_cmpfloat_with_epsilon (sd_camera3d_shade (&camera, away), dark, 1e-12);

  /* Seen from below, the underside is lit from below. */
  sd_camera3d_init (&camera, -60.0, -30.0, 1.0, 0.0, 0.0);
  g_assert_cmpfloat_with_epsilon (sd_camera3d_shade (&camera, level), 1.0, 1e-12);

  sd_shade_color (rgb, 1.0, shaded);
  g_assert_cmpfloat (color_distance (rgb, shaded), <, 1e-12);
  sd_shade_color (rgb, 0.5, shaded);
  g_assert_cmpfloat_with_epsilon (shaded[2], 0.4, 1e-12);
  sd_shade_color (rgb, 2.0, shaded);
  g_assert_cmpfloat_with_epsilon (shaded[0], 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (shaded[2], 0.9, 1e-12);
}

static void
test_zrange (void)
{
  SdZRange linear = { SD_SCALE_LINEAR, -2.0, 6.0 };
  SdZRange log = { SD_SCALE_LOG, 1e-3, 1e3 };

  g_assert_cmpfloat_with_epsilon (sd_zrange_fraction (&linear, 0.0), 0.25, 1e-15);
  g_assert_cmpfloat (sd_zrange_fraction (&linear, 100.0), ==, 1.0);
  g_assert_cmpfloat (sd_zrange_fraction (&linear, -100.0), ==, 0.0);
  g_assert_cmpfloat (sd_zrange_fraction (&linear, INFINITY), ==, 1.0);
  g_assert_cmpfloat (sd_zrange_fraction (&linear, -INFINITY), ==, 0.0);
  g_assert_true (isnan (sd_zrange_fraction (&linear, NAN)));

  g_assert_cmpfloat_with_epsilon (sd_zrange_fraction (&log, 1.0), 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (sd_zrange_fraction (&log, 10.0), 4.0 / 6.0, 1e-15);
  g_assert_cmpfloat (sd_zrange_fraction (&log, 0.0), ==, 0.0);
  g_assert_cmpfloat (sd_zrange_fraction (&log, -5.0), ==, 0.0);
  g_assert_cmpfloat (sd_zrange_fraction (&log, INFINITY), ==, 1.0);
  g_assert_true (isnan (sd_zrange_fraction (&log, NAN)));
}

static SdGrid *
compute_grid (const char *name,
              double      min,
              double      max,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = sd_surface_new_builtin (name, NULL, &error);
  SdGridSpec spec = { .xmin = min, .xmax = max, .ymin = min, .ymax = max, .n = n, .n_threads = 1 };
  SdGrid *grid;

  g_assert_no_error (error);
  grid = sd_grid_compute (&spec, sd_surface_eval_band, surface, NULL, &error);
  g_assert_no_error (error);
  return grid;
}

/* On a linear scale the nodes sit on grid points, both ends included, at
 * the height f has there: for x² − y² over [-2, 2]², f spans [-4, 4]. */
static void
test_mesh_linear (void)
{
  g_autoptr(SdGrid) grid = compute_grid ("saddle", -2.0, 2.0, 241);
  SdZRange range = { SD_SCALE_LINEAR, -4.0, 4.0 };
  g_autoptr(SdMesh3d) mesh = sd_mesh3d_new (grid, &range, SD_MESH_MAX_QUADS);

  g_assert_cmpuint (mesh->nx, ==, SD_MESH_MAX_QUADS + 1);
  g_assert_cmpuint (mesh->ny, ==, SD_MESH_MAX_QUADS + 1);
  g_assert_cmpfloat (mesh->bx[0], ==, -1.0);
  g_assert_cmpfloat (mesh->bx[mesh->nx - 1], ==, 1.0);
  g_assert_cmpfloat (mesh->by[mesh->ny - 1], ==, 1.0);

  for (guint j = 0; j < mesh->ny; j += 7)
    for (guint i = 0; i < mesh->nx; i += 3)
      {
        double x = mesh->x[i], y = mesh->y[j];
        double t = (x * x - y * y + 4.0) / 8.0;

        /* 240 grid steps make 4 grid steps a quad. */
        g_assert_cmpfloat_with_epsilon (x, -2.0 + 4.0 * i / 60.0, 1e-12);
        g_assert_cmpfloat_with_epsilon (mesh->t[j * mesh->nx + i], t, 1e-12);
        g_assert_cmpfloat_with_epsilon (mesh->bz[j * mesh->nx + i], 1.5 * t - 0.75, 1e-12);
        g_assert_cmpfloat_with_epsilon (sd_mesh3d_height (mesh, mesh->bx[i], mesh->by[j]),
                                        1.5 * t - 0.75, 1e-12);
      }

  /* The highest nodes are the corners, f = 4. */
  g_assert_cmpfloat_with_epsilon (mesh->bz_max, 0.75, 1e-12);
  g_assert_true (isnan (sd_mesh3d_height (mesh, 1.01, 0.0)));

  /* A smooth surface keeps its quads whole, interpolated bilinearly:
   * at a quad's centre the mean of its corners. */
  for (gsize q = 0; q < (gsize) (mesh->nx - 1) * (mesh->ny - 1); q++)
    g_assert_cmpuint (mesh->split[q], ==, SD_MESH_WHOLE);
  g_assert_cmpfloat_with_epsilon (sd_mesh3d_height (mesh, (mesh->bx[10] + mesh->bx[11]) / 2,
                                                    (mesh->by[20] + mesh->by[21]) / 2),
                                  (mesh->bz[20 * 61 + 10] + mesh->bz[20 * 61 + 11]
                                   + mesh->bz[21 * 61 + 10] + mesh->bz[21 * 61 + 11]) / 4,
                                  1e-12);
}

/* A grid coarser than 60 quads gives a mesh of its own size. */
static void
test_mesh_coarse (void)
{
  g_autoptr(SdGrid) grid = compute_grid ("saddle", -2.0, 2.0, 17);
  SdZRange range = { SD_SCALE_LINEAR, -4.0, 4.0 };
  g_autoptr(SdMesh3d) mesh = sd_mesh3d_new (grid, &range, SD_MESH_MAX_QUADS);

  g_assert_cmpuint (mesh->nx, ==, 17);
  for (guint i = 0; i < mesh->nx; i++)
    g_assert_cmpfloat (mesh->x[i], ==, grid->xs[i]);
}

/* On a log scale no node stands above a grid point nearer to it than to
 * any other node: the mesh keeps every valley of the grid. */
static void
test_mesh_log_keeps_minima (void)
{
  g_autoptr(SdGrid) grid = compute_grid ("rosenbrock", -2.0, 2.0, 256);
  SdZRange range = { SD_SCALE_LOG, grid->max_value * 1e-12, grid->max_value };
  g_autoptr(SdMesh3d) mesh = sd_mesh3d_new (grid, &range, SD_MESH_MAX_QUADS);
  double stride = 255.0 / 60.0;
  guint checked = 0;

  for (guint b = 0; b < grid->ny; b++)
    for (guint a = 0; a < grid->nx; a++)
      {
        guint i = (guint) round (a / stride), j = (guint) round (b / stride);
        double t = sd_zrange_fraction (&range, grid->values[b * grid->nx + a]);

        /* Points halfway between two nodes belong to either. */
        if (fabs (a / stride - round (a / stride)) > 0.49
            || fabs (b / stride - round (b / stride)) > 0.49)
          continue;
        g_assert_cmpfloat (mesh->t[j * mesh->nx + i], <=, t);
        checked++;
      }
  g_assert_cmpuint (checked, >, 60000);

  /* Node (45, 45) sits on (1, 1), at grid point 191.25 of 255; the grid
   * points 190 to 193 are nearer to it than to other nodes, and the least
   * value among them is
   *   xs = -2 + np.arange(256) * 4 / 255
   *   X, Y = np.meshgrid(xs[190:194], xs[190:194])
   *   ((1 - X)**2 + 100 * (Y - X**2)**2).min() */
  g_assert_cmpfloat_with_epsilon (mesh->t[45 * mesh->nx + 45],
                                  sd_zrange_fraction (&range, 0.001541210675041256), 1e-12);
}

/* A quad whose corners are far from a plane is folded along the diagonal
 * that follows the surface: a valley along the diagonal x = y. */
static void
test_mesh_fold (void)
{
  g_autoptr(SdGrid) grid = sd_grid_new (-1.0, 1.0, -1.0, 1.0, 3, 3, FALSE);
  SdZRange range = { SD_SCALE_LINEAR, 0.0, 1.0 };
  g_autoptr(SdMesh3d) mesh = NULL;
  /* 1 off the diagonal, 0 on it. */
  static const double values[9] = { 0, 1, 1, 1, 0, 1, 1, 1, 0 };

  memcpy (grid->values, values, sizeof values);
  grid->min_value = 0.0;
  grid->max_value = 1.0;
  mesh = sd_mesh3d_new (grid, &range, SD_MESH_MAX_QUADS);
  g_assert_cmpuint (mesh->nx, ==, 3);
  g_assert_cmpuint (mesh->split[0], ==, SD_MESH_SPLIT_MAIN);
  g_assert_cmpuint (mesh->split[3], ==, SD_MESH_SPLIT_MAIN);

  /* On the diagonal the valley's floor; beside it the triangles'
   * planes. */
  g_assert_cmpfloat_with_epsilon (sd_mesh3d_height (mesh, -0.5, -0.5), -0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (sd_mesh3d_height (mesh, -0.25, -0.75), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (sd_mesh3d_height (mesh, -0.75, -0.25), 0.0, 1e-12);
}

/* A gaussian bump seen from -y, 10° up: the line of sight from a point
 * behind it passes through it; from a point in front, or high above, it
 * does not. */
static void
test_visibility_closed_form (void)
{
  g_autoptr(SdGrid) grid = NULL;
  g_autoptr(SdExpr) expr = NULL;
  g_autoptr(SdMesh3d) mesh = NULL;
  g_autoptr(GError) error = NULL;
  SdGridSpec spec = { .xmin = -2, .xmax = 2, .ymin = -2, .ymax = 2, .n = 121, .n_threads = 1 };
  SdZRange range;
  SdCamera3d camera;
  double behind[3] = { 0.0, 0.6, 0.0 }, front[3] = { 0.0, -0.6, 0.0 };
  double above[3] = { 0.0, 0.6, 0.9 }, p[3];

  expr = sd_expr_parse ("exp(-(x^2 + y^2))", &error);
  g_assert_no_error (error);
  grid = sd_grid_compute_expr (expr, &spec, NULL, &error);
  g_assert_no_error (error);
  range = (SdZRange) { SD_SCALE_LINEAR, grid->min_value, grid->max_value };
  mesh = sd_mesh3d_new (grid, &range, SD_MESH_MAX_QUADS);
  sd_camera3d_init (&camera, -90.0, 10.0, 100.0, 0.0, 0.0);

  behind[2] = sd_mesh3d_height (mesh, behind[0], behind[1]);
  front[2] = sd_mesh3d_height (mesh, front[0], front[1]);
  g_assert_false (sd_mesh3d_is_visible (mesh, &camera, behind));
  g_assert_true (sd_mesh3d_is_visible (mesh, &camera, front));
  g_assert_true (sd_mesh3d_is_visible (mesh, &camera, above));

  /* Beside the bump the line of sight passes it. */
  behind[0] = 0.9;
  behind[2] = sd_mesh3d_height (mesh, behind[0], behind[1]);
  g_assert_true (sd_mesh3d_is_visible (mesh, &camera, behind));

  /* Below the surface is hidden. Seen from 30° below, so is the top of
   * the flat ground, while the bump's front, steeper than 30°, shows its
   * top side. */
  front[2] -= 0.1;
  g_assert_false (sd_mesh3d_is_visible (mesh, &camera, front));
  front[2] += 0.1;
  sd_camera3d_init (&camera, -90.0, -30.0, 100.0, 0.0, 0.0);
  g_assert_true (sd_mesh3d_is_visible (mesh, &camera, front));
  front[1] = -0.95;
  front[2] = sd_mesh3d_height (mesh, front[0], front[1]);
  g_assert_false (sd_mesh3d_is_visible (mesh, &camera, front));

  /* Picking through the bump's top finds the top, nearest the eye. */
  sd_camera3d_init (&camera, -90.0, 10.0, 100.0, 0.0, 0.0);
  p[0] = 0.0, p[1] = 0.0, p[2] = 0.75;
  {
    double sx, sy, q[3];

    sd_camera3d_project (&camera, p, &sx, &sy);
    g_assert_true (sd_mesh3d_pick (mesh, &camera, sx, sy + 1.0, q));
    g_assert_cmpfloat (fabs (q[0]), <, 0.02);
    g_assert_cmpfloat (q[1], <, 0.0);
    g_assert_cmpfloat_with_epsilon (q[2], sd_mesh3d_height (mesh, q[0], q[1]), 1e-12);

    /* Above the bump there is nothing. */
    g_assert_false (sd_mesh3d_pick (mesh, &camera, sx, sy - 20.0, q));
  }
}

/* matplotlib's choice of edges: in the default view the x axis runs along
 * the front of the floor, the y axis along its right, and the height on
 * the rightmost corner; axes seen end on get none. */
static void
test_axis_edges (void)
{
  SdCamera3d camera;
  double from[3], to[3], outward[2];

  sd_camera3d_init (&camera, -60.0, 30.0, 100.0, 400.0, 300.0);
  g_assert_true (sd_axis3d_choose_edge (&camera, 0, from, to, outward));
  g_assert_cmpfloat (from[0], ==, -1.0);
  g_assert_cmpfloat (to[0], ==, 1.0);
  g_assert_cmpfloat (from[1], ==, -1.0);
  g_assert_cmpfloat (from[2], ==, -SD_BOX_HALF_HEIGHT);
  g_assert_cmpfloat (outward[1], >, 0.0);

  g_assert_true (sd_axis3d_choose_edge (&camera, 1, from, to, outward));
  g_assert_cmpfloat (from[0], ==, 1.0);
  g_assert_cmpfloat (from[1], ==, -1.0);
  g_assert_cmpfloat (to[1], ==, 1.0);
  g_assert_cmpfloat (from[2], ==, -SD_BOX_HALF_HEIGHT);

  g_assert_true (sd_axis3d_choose_edge (&camera, 2, from, to, outward));
  g_assert_cmpfloat (from[0], ==, 1.0);
  g_assert_cmpfloat (from[1], ==, 1.0);
  g_assert_cmpfloat (from[2], ==, -SD_BOX_HALF_HEIGHT);
  g_assert_cmpfloat (to[2], ==, SD_BOX_HALF_HEIGHT);
  g_assert_cmpfloat_with_epsilon (outward[0], 1.0, 1e-12);

  /* Straight down, the height axis is a point. */
  sd_camera3d_init (&camera, -90.0, 90.0, 100.0, 400.0, 300.0);
  g_assert_false (sd_axis3d_choose_edge (&camera, 2, from, to, outward));
  g_assert_true (sd_axis3d_choose_edge (&camera, 0, from, to, outward));
  g_assert_cmpfloat (from[1], ==, -1.0);
  g_assert_cmpfloat_with_epsilon (outward[1], 1.0, 1e-12);

  /* Level, from -y, the y axis is a point. */
  sd_camera3d_init (&camera, -90.0, 0.0, 100.0, 400.0, 300.0);
  g_assert_false (sd_axis3d_choose_edge (&camera, 1, from, to, outward));
}

/* A step: f = 1 for y < 0 and 0 beyond. */
#define STEP_SCENE(azimuth, elevation) \
  "[Scene]\nversion=1\nkind=surface\n" \
  "[Surface]\nfunction=custom\nexpression=1 / (1 + exp(40 * y))\n" \
  "x-range=-2;2\ny-range=-2;2\nresolution=121\nview=3d\n" \
  "azimuth=" azimuth "\nelevation=" elevation "\n"

/* Seen from +y the step rises away from the viewer: both levels show,
 * level quads in the colour map's colour at their height, which spans the
 * colour bar: viridis' ends. */
static void
test_colors_follow_height (void)
{
  g_autoptr(SdScene) scene = load_scene (STEP_SCENE ("90", "40"));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  Drawing drawing;
  double px, py, rgba[4];

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 1.0);

  drawing_project (&drawing, 0.3, 1.2, 0.0, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  g_assert_cmpfloat (color_distance (rgba, viridis_0), <, 3.0 / 255);

  drawing_project (&drawing, -0.3, -1.2, 1.0, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  g_assert_cmpfloat (color_distance (rgba, viridis_1), <, 3.0 / 255);

  drawing_clear (&drawing);
}

/* Three terraces, f = 2, 1 and 0, rising away from a viewer at +y: the
 * middle one has the colour map's colour halfway. */
static void
test_colors_middle (void)
{
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\n"
    "[Surface]\nfunction=custom\nexpression=1 / (1 + exp(40 * y)) + 1 / (1 + exp(40 * (y - 1)))\n"
    "x-range=-2;2\ny-range=-2;2.2\nresolution=121\nview=3d\nazimuth=90\nelevation=40\n"
    "color-map=magma\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  Drawing drawing;
  double px, py, rgba[4], expected[3];

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_DARK, 2.0);
  drawing_project (&drawing, 0.0, 0.5, 1.0, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  sd_colormap_eval (SD_COLORMAP_MAGMA,
                    sd_zrange_fraction (&(SdZRange) { SD_SCALE_LINEAR, landscape->grid->min_value,
                                                      landscape->grid->max_value }, 1.0),
                    expected);
  g_assert_cmpfloat (color_distance (rgba, expected), <, 3.0 / 255);
  drawing_clear (&drawing);
}

/* Seen from -y, 40° up, the step's high front hides the low ground behind
 * it: the pixel where a point of the low ground projects shows the nearer
 * quad's colour, not its own, though the low ground is drawn too. */
static void
test_painter_order (void)
{
  g_autoptr(SdScene) scene = load_scene (STEP_SCENE ("-90", "40"));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  Drawing drawing;
  double px, py, rgba[4];

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 1.0);
  drawing_project (&drawing, 0.0, 1.8, 0.0, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  g_assert_cmpfloat (color_distance (rgba, viridis_1), <, 3.0 / 255);
  g_assert_cmpfloat (color_distance (rgba, viridis_0), >, 0.5);
  drawing_clear (&drawing);
}

/* A gaussian bump seen from -y, 10° up, with two runs sliding down it,
 * one in front, one behind: only the front one paints its colour where
 * its path projects. */
static void
test_run_hidden_behind_hill (void)
{
  static const double red[3] = { 1.0, 0.0, 0.0 };
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\n"
    "[Surface]\nfunction=custom\nexpression=exp(-(x^2 + y^2))\n"
    "x-range=-2;2\ny-range=-2;2\nresolution=121\nview=3d\nazimuth=-90\nelevation=10\n"
    "[Run Front]\noptimizer=sgd\nlearning-rate=1\nstart=0;-1.2\nsteps=3\ncolor=#ff0000\n"
    "[Run Behind]\noptimizer=sgd\nlearning-rate=1\nstart=0;1.2\nsteps=3\ncolor=#ff0000\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  Drawing drawing;

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
  for (guint r = 0; r < 2; r++)
    {
      const SdTrajectory *trajectory = g_ptr_array_index (landscape->trajectories, r);
      const SdOptimizerState *a = sd_trajectory_get_point (trajectory, 0);
      const SdOptimizerState *b = sd_trajectory_get_point (trajectory, 1);
      double px, py, rgba[4];

      /* The bump is convex there, so the step's chord is above it. */
      g_assert_cmpfloat (fabs (b->position[1]), >, 1.4);
      drawing_project (&drawing, 0.0, (a->position[1] + b->position[1]) / 2,
                       (a->loss + b->loss) / 2, &px, &py);
      drawing_read (&drawing, px, py, rgba);
      if (r == 0)
        g_assert_cmpfloat (color_distance (rgba, red), <, 0.05);
      else
        g_assert_cmpfloat (color_distance (rgba, red), >, 0.5);
    }
  drawing_clear (&drawing);
}

/* Counts pixels within 0.05 of a colour. */
static guint
count_color (Drawing      *drawing,
             const double  color[3])
{
  guint count = 0;
  int width = cairo_image_surface_get_width (drawing->image);
  int height = cairo_image_surface_get_height (drawing->image);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double rgba[4];

        drawing_read (drawing, (x + 0.5) / drawing->scale, (y + 0.5) / drawing->scale, rgba);
        if (color_distance (rgba, color) < 0.05)
          count++;
      }

  return count;
}

/* The scene's step ends the run: the end marker (filled in the run's
 * colour) sits on iterate 5, and nothing beyond it is drawn; a run
 * outside the scene's range is cut off entirely. */
static void
test_step_and_range (void)
{
  static const double red[3] = { 1.0, 0.0, 0.0 }, blue[3] = { 0.0, 0.0, 1.0 };
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\nstep=5\n"
    "[Surface]\nfunction=booth\nx-range=-10;10\ny-range=-10;10\nresolution=64\nview=3d\n"
    "elevation=60\n"
    "[Run In]\noptimizer=sgd\nlearning-rate=0.01\nstart=-8;-8\nsteps=100\ncolor=#ff0000\n"
    "[Run Out]\noptimizer=sgd\nlearning-rate=0.001\nstart=40;40\nsteps=10\ncolor=#0000ff\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  const SdTrajectory *trajectory = g_ptr_array_index (landscape->trajectories, 0);
  const SdOptimizerState *five = sd_trajectory_get_point (trajectory, 5);
  const SdOptimizerState *fifty = sd_trajectory_get_point (trajectory, 50);
  Drawing drawing;
  double px, py, rgba[4];

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
  drawing_project (&drawing, five->position[0], five->position[1], five->loss, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  g_assert_cmpfloat (color_distance (rgba, red), <, 0.05);
  drawing_project (&drawing, fifty->position[0], fifty->position[1], fifty->loss, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  g_assert_cmpfloat (color_distance (rgba, red), >, 0.3);

  /* The legend's sample is the only blue. */
  g_assert_cmpuint (count_color (&drawing, blue), <, 200);
  g_assert_cmpuint (count_color (&drawing, blue), >, 0);
  drawing_clear (&drawing);
}

/* A run that leaves the domain of f ends at its last iterate with the red
 * ✕ the map view uses: sqrt(x) has no value beyond x < 0, where one step
 * of SGD from x = 1 lands. */
static void
test_divergence (void)
{
  static const double diverged[4] = SD_DIVERGED_RGBA;
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\n"
    "[Surface]\nfunction=custom\nexpression=sqrt(x) + y^2\n"
    "x-range=-1;3\ny-range=-2;2\nresolution=81\nview=3d\nelevation=50\n"
    "[Run SGD]\noptimizer=sgd\nlearning-rate=4\nstart=1;0\nsteps=10\ncolor=#0000ff\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  const SdTrajectory *trajectory = g_ptr_array_index (landscape->trajectories, 0);
  Drawing drawing;
  double px, py, rgba[4];

  g_assert_cmpint (sd_trajectory_get_end (trajectory, NULL), ==, SD_OPTIMIZER_STATUS_UNDEFINED);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
  drawing_project (&drawing, 1.0, 0.0, 1.0, &px, &py);
  drawing_read (&drawing, px, py, rgba);
  g_assert_cmpfloat (color_distance (rgba, diverged), <, 0.05);
  drawing_clear (&drawing);
}

/* The bowl f = x^2 + 4 y^2 seen from -x, 35° up: its +x wall faces the
 * camera. Gradient descent with learning rate 0.1 multiplies x by
 * 1 - 2 * 0.1 = 0.8 and y by 1 - 8 * 0.1 = 0.2 at each step, so the green
 * run, shown to step 1, stands at p = (1.44, 0.32), where
 * ∇f = (2x, 8y) = (2.88, 2.56) and the Hessian is diag (2, 8). */
#define BOWL_SCENE(runs) \
  "[Scene]\nversion=1\nkind=surface\nstep=1\n" \
  "[Surface]\nfunction=custom\nexpression=x^2 + 4*y^2\n" \
  "x-range=-2;2\ny-range=-2;2\nresolution=121\nview=3d\nazimuth=180\nelevation=35\n" runs

#define BOWL_RUN \
  "[Run Green]\noptimizer=sgd\nlearning-rate=0.1\nstart=1.8;1.6\nsteps=10\ncolor=#00a000\n"

static const double bowl_p[2] = { 1.44, 0.32 };

static double
bowl (double x,
      double y)
{
  return x * x + 4 * y * y;
}

static const double gradient_red[3] = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };

/* Reads the pixel a third of the way along the segment from (x0, y0) to
 * (x1, y1) of the scene, each end at the height of f there: on an
 * arrow's shaft, short of its head. The segment must be long enough on
 * screen for that to be clear of the iterate's marker. */
static void
read_along (Drawing *drawing,
            double   (*f) (double, double),
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   rgba[4])
{
  double px, py, qx, qy;

  drawing_project (drawing, x0, y0, f (x0, y0), &px, &py);
  drawing_project (drawing, x1, y1, f (x1, y1), &qx, &qy);
  g_assert_cmpfloat (hypot (qx - px, qy - py), >, 20.0);
  drawing_read (drawing, px + (qx - px) / 3, py + (qy - py) / 3, rgba);
}

/* The gradient step -0.1 ∇f goes from p to p - 0.1 (2.88, 2.56) on the
 * surface, in the map view's red, where nothing red is drawn without
 * `explain`. */
static void
test_explain_gradient (void)
{
  const double d[2] = { -0.1 * 2.88, -0.1 * 2.56 };

  for (guint explained = 0; explained < 2; explained++)
    {
      g_autoptr(SdScene) scene = load_scene (explained ? BOWL_SCENE (BOWL_RUN "explain=gradient\n")
                                                       : BOWL_SCENE (BOWL_RUN));
      g_autoptr(SdLandscape) landscape = new_landscape (scene);
      const SdOptimizerState *state = sd_trajectory_get_point (
        g_ptr_array_index (landscape->trajectories, 0), 1);
      Drawing drawing;
      double rgba[4];

      g_assert_cmpfloat_with_epsilon (state->position[0], bowl_p[0], 1e-12);
      g_assert_cmpfloat_with_epsilon (state->position[1], bowl_p[1], 1e-12);

      drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
      read_along (&drawing, bowl, bowl_p[0], bowl_p[1], bowl_p[0] + d[0], bowl_p[1] + d[1],
                  rgba);
      if (explained)
        g_assert_cmpfloat (color_distance (rgba, gradient_red), <, 0.2);
      else
        g_assert_cmpfloat (color_distance (rgba, gradient_red), >, 0.5);
      drawing_clear (&drawing);
    }
}

/* With readable lengths the gradient step spans 2 SD_PATH3D_EIGEN_SHARE
 * of the box: k = 2 * share / |d / 4| times its true length (the box is
 * 4 wide in x and y). Six tenths of the way along it, well past the true
 * end, the shaft is red; at true length nothing red is drawn there. */
static void
test_explain_readable (void)
{
  const double d[2] = { -0.1 * 2.88, -0.1 * 2.56 };
  double k = 2.0 * SD_PATH3D_EIGEN_SHARE / hypot (d[0] / 4.0, d[1] / 4.0);
  double e[2] = { bowl_p[0] + k * d[0], bowl_p[1] + k * d[1] };

  g_assert_cmpfloat (0.6 * k, >, 1.3);
  for (guint readable = 0; readable < 2; readable++)
    {
      g_autoptr(SdScene) scene = load_scene (
        readable ? BOWL_SCENE ("explain-lengths=readable\n" BOWL_RUN "explain=gradient\n")
                 : BOWL_SCENE (BOWL_RUN "explain=gradient\n"));
      g_autoptr(SdLandscape) landscape = new_landscape (scene);
      Drawing drawing;
      double px, py, qx, qy, rgba[4];

      drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
      drawing_project (&drawing, bowl_p[0], bowl_p[1], bowl (bowl_p[0], bowl_p[1]), &px, &py);
      drawing_project (&drawing, e[0], e[1], bowl (e[0], e[1]), &qx, &qy);
      drawing_read (&drawing, px + 0.6 * (qx - px), py + 0.6 * (qy - py), rgba);
      if (readable)
        g_assert_cmpfloat (color_distance (rgba, gradient_red), <, 0.2);
      else
        g_assert_cmpfloat (color_distance (rgba, gradient_red), >, 0.5);
      drawing_clear (&drawing);
    }
}

/* The Hessian diag (2, 8) gives a cross of eigenvectors along the axes,
 * lying on the surface, whose longer half-arm, along y for λmax = 8, is
 * SD_PATH3D_EIGEN_SHARE of the smaller span 4, and the shorter, along x,
 * 2 / 8 of that. Both are drawn in the foreground colour (near white in
 * the dark theme, far from viridis) up to their ends and not beyond. The
 * labels sit beyond the ends on the eigenvectors' positive side, so the
 * points beyond the ends are taken on the other. */
static void
test_explain_curvature (void)
{
  g_autoptr(SdScene) scene = load_scene (BOWL_SCENE (BOWL_RUN "explain=curvature\n"));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  const SdTrajectory *trajectory = g_ptr_array_index (landscape->trajectories, 0);
  double max_half = SD_PATH3D_EIGEN_SHARE * 4.0, min_half = max_half * 2.0 / 8.0;
  double foreground[4];
  SdThemeStyle style;
  SdOverlayData data;
  Drawing drawing;
  struct
  {
    guint    arm;
    double   t;     /* along the arm, in units of its half-length */
    gboolean on;
  } checks[] = {
    { 1, -0.5, TRUE }, { 1, 0.5, TRUE }, { 1, -1.6, FALSE },
    { 0, -0.5, TRUE }, { 0, 0.5, TRUE }, { 0, -2.5, FALSE },
  };

  /* The eigenvectors' signs are the decomposition's choice. */
  g_assert_true (sd_overlay_data_init (&data, landscape->surface, trajectory, 1));
  g_assert_true (data.has_curvature);
  g_assert_cmpfloat_with_epsilon (data.curvature.lambda[0], 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (data.curvature.lambda[1], 8.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (fabs (data.curvature.vectors[0][0]), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fabs (data.curvature.vectors[1][1]), 1.0, 1e-9);

  sd_theme_get_style (SD_THEME_DARK, 1.0, &style);
  memcpy (foreground, style.foreground, sizeof foreground);

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_DARK, 2.0);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      const double *v = data.curvature.vectors[checks[i].arm];
      double half = checks[i].arm == 1 ? max_half : min_half;
      double x = bowl_p[0] + checks[i].t * half * v[0], y = bowl_p[1] + checks[i].t * half * v[1];
      double px, py, rgba[4];

      drawing_project (&drawing, x, y, bowl (x, y), &px, &py);
      drawing_read (&drawing, px, py, rgba);
      if (checks[i].on)
        g_assert_cmpfloat (color_distance (rgba, foreground), <, 0.2);
      else
        g_assert_cmpfloat (color_distance (rgba, foreground), >, 0.5);
    }
  drawing_clear (&drawing);
}

static void
assert_same_drawing (const char *a,
                     const char *b)
{
  g_autoptr(SdScene) scene_a = load_scene (a);
  g_autoptr(SdScene) scene_b = load_scene (b);
  g_autoptr(SdLandscape) landscape_a = new_landscape (scene_a);
  g_autoptr(SdLandscape) landscape_b = new_landscape (scene_b);
  Drawing drawing_a, drawing_b;
  int height;

  drawing_init (&drawing_a, landscape_a, 800, 600, SD_THEME_LIGHT, 1.0);
  drawing_init (&drawing_b, landscape_b, 800, 600, SD_THEME_LIGHT, 1.0);
  height = cairo_image_surface_get_height (drawing_a.image);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (drawing_a.image),
                           cairo_image_surface_get_data (drawing_b.image),
                           (gsize) cairo_image_surface_get_stride (drawing_a.image) * height),
                   ==, 0);
  drawing_clear (&drawing_a);
  drawing_clear (&drawing_b);
}

/* A hidden run explains nothing: the figure equals the one without it,
 * pixel for pixel, legend included. */
static void
test_explain_invisible_run (void)
{
  assert_same_drawing (BOWL_SCENE (BOWL_RUN
                                   "[Run Hidden]\noptimizer=momentum\nlearning-rate=0.05\n"
                                   "start=-1.5;1\nsteps=10\nvisible=false\n"
                                   "explain=gradient;step;velocity;curvature\n"),
                       BOWL_SCENE (BOWL_RUN));
}

#define BUMP_SCENE(runs) \
  "[Scene]\nversion=1\nkind=surface\n" \
  "[Surface]\nfunction=custom\nexpression=exp(-(x^2 + y^2))\n" \
  "x-range=-2;2\ny-range=-2;2\nresolution=121\nview=3d\nazimuth=-90\nelevation=10\n" runs

#define BUMP_FRONT \
  "[Run Front]\noptimizer=sgd\nlearning-rate=1\nstart=0;-1.2\nsteps=0\ncolor=#0000ff\n"
#define BUMP_BEHIND \
  "[Run Behind]\noptimizer=sgd\nlearning-rate=1\nstart=0;1.2\nsteps=0\ncolor=#0000ff\n"

static double
bump (double x,
      double y)
{
  return exp (-(x * x + y * y));
}

/* A gaussian bump seen from -y, 10° up, with a run at its start on
 * either side, each explaining its gradient step: at (0, ±1.2),
 * ∇f = -2 (x, y) f = (0, ∓2.4 e^-1.44), and the step -∇f leads away
 * from the bump. The surface hides the arrow behind it, as it hides the
 * runs; the legend names the gradient step, in red, all the same. */
static void
test_explain_hidden_by_surface (void)
{
  g_autoptr(SdScene) both = load_scene (BUMP_SCENE (BUMP_FRONT "explain=gradient\n"
                                                    BUMP_BEHIND "explain=gradient\n"));
  g_autoptr(SdScene) behind = load_scene (BUMP_SCENE (BUMP_FRONT
                                                      BUMP_BEHIND "explain=gradient\n"));
  double step = 2.4 * exp (-1.44), rgba[4];
  Drawing drawing;

  {
    g_autoptr(SdLandscape) landscape = new_landscape (both);

    drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
    read_along (&drawing, bump, 0.0, -1.2, 0.0, -1.2 - step, rgba);
    g_assert_cmpfloat (color_distance (rgba, gradient_red), <, 0.2);
    read_along (&drawing, bump, 0.0, 1.2, 0.0, 1.2 + step, rgba);
    g_assert_cmpfloat (color_distance (rgba, gradient_red), >, 0.5);
    drawing_clear (&drawing);
  }

  {
    g_autoptr(SdLandscape) landscape = new_landscape (behind);

    drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 2.0);
    read_along (&drawing, bump, 0.0, 1.2, 0.0, 1.2 + step, rgba);
    g_assert_cmpfloat (color_distance (rgba, gradient_red), >, 0.5);
    /* The legend's sample. */
    g_assert_cmpuint (count_color (&drawing, gradient_red), >, 0);
    drawing_clear (&drawing);
  }
}

/* The 3-D view's arrows are polylines broken where the surface hides
 * them: sd_overlay_draw_arrow() draws a shaft 2 points wide along the
 * finite points, leaves the gap at the non-finite one, and puts a head
 * 9 points long and 2 × 4 wide at the base only where asked. At 5.9
 * points before the tip the head is 2 × 4 × 5.9 / 9 = 5.2 points wide,
 * so a point 2.1 off the line is in the head but outside the shaft (and
 * inside its white halo, 2 beyond the shaft). */
static void
test_explain_polyline_arrow (void)
{
  static const double red[4] = { 1.0, 0.0, 0.0, 1.0 };
  const double points[] = { 20, 50, 80, 50, NAN, NAN, 120, 50, 180, 50 };
  SdThemeStyle style;

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  for (guint with_heads = 0; with_heads < 2; with_heads++)
    {
      Drawing canvas = { NULL, { 0 }, 4.0, NULL, NULL };
      double rgba[4];

      canvas.image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
      canvas.cr = cairo_create (canvas.image);
      cairo_scale (canvas.cr, 4.0, 4.0);
      sd_set_source_color (canvas.cr, style.background);
      cairo_paint (canvas.cr);
      sd_overlay_draw_arrow (canvas.cr, &style, red, points, G_N_ELEMENTS (points) / 2,
                             with_heads ? SD_OVERLAY_HEAD_START | SD_OVERLAY_HEAD_END
                                        : SD_OVERLAY_HEAD_NONE, FALSE);
      g_assert_cmpint (cairo_status (canvas.cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (canvas.image);

      /* Both pieces, and nothing in the gap between them. */
      drawing_read (&canvas, 50.1, 50.1, rgba);
      g_assert_cmpfloat (color_distance (rgba, red), <, 0.05);
      drawing_read (&canvas, 150.1, 50.1, rgba);
      g_assert_cmpfloat (color_distance (rgba, red), <, 0.05);
      drawing_read (&canvas, 100.1, 50.1, rgba);
      g_assert_cmpfloat (color_distance (rgba, style.background), <, 0.05);

      /* The heads, at the ends of the whole line, not at the gap's. */
      drawing_read (&canvas, 180 - 5.9, 52.1, rgba);
      g_assert_cmpfloat (color_distance (rgba, with_heads ? red : style.background), <, 0.05);
      drawing_read (&canvas, 20 + 5.9, 47.9, rgba);
      g_assert_cmpfloat (color_distance (rgba, with_heads ? red : style.background), <, 0.05);
      drawing_read (&canvas, 80 - 5.9, 52.1, rgba);
      g_assert_cmpfloat (color_distance (rgba, style.background), <, 0.05);
      drawing_read (&canvas, 120 + 5.9, 47.9, rgba);
      g_assert_cmpfloat (color_distance (rgba, style.background), <, 0.05);
      drawing_clear (&canvas);
    }
}

/* The overlays' drawing functions refuse what they cannot draw. */
static void
test_explain_bad_arguments (void)
{
  g_autoptr(SdScene) scene = load_scene (BOWL_SCENE (BOWL_RUN));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  SdZRange range = { SD_SCALE_LINEAR, landscape->grid->min_value, landscape->grid->max_value };
  g_autoptr(SdMesh3d) mesh = sd_mesh3d_new (landscape->grid, &range, 8);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (image);
  SdOverlayData data = { 0 };
  SdThemeStyle style;
  SdCamera3d camera;
  double rgba[4] = { 0 }, direction[2] = { 1.0, 0.0 };

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  sd_camera3d_init (&camera, -60.0, 30.0, 100.0, 5.0, 5.0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*surface != NULL*");
  sd_path3d_draw_explain (cr, &style, &camera, mesh, NULL, &data, SD_EXPLAIN_GRADIENT, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*points != NULL*");
  sd_overlay_draw_arrow (cr, &style, rgba, NULL, 2, SD_OVERLAY_HEAD_END, FALSE);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*index < 2*");
  sd_overlay_draw_eigen_label (cr, &style, 2, 5.0, 5.0, direction);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*reached*");
  sd_overlay_get_color (SD_EXPLAIN_NONE, &style, NULL, rgba);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*color != NULL*");
  sd_overlay_stroke (cr, &style, NULL);
  g_test_assert_expected_messages ();

  /* Nothing to draw is no error. */
  sd_overlay_draw_arrow (cr, &style, rgba, NULL, 0, SD_OVERLAY_HEAD_END, FALSE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

/* Where a visible point is drawn, picking finds it again; where a hidden
 * one is drawn, picking finds what hides it, nearer the camera; the
 * figure's corner has no surface. */
static void
test_project_and_pick (void)
{
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\ntitle=Himmelblau\n"
    "[Surface]\nfunction=himmelblau\nview=3d\nazimuth=-60\nelevation=30\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  /* The first is behind the ridge along y = -5. */
  static const double points[][2] = {
    { 0.0, -3.0 }, { 3.0, 2.0 }, { 0.0, 0.0 }, { -2.8, 3.1 }, { 2.0, -4.0 },
  };
  double toward[2] = { cos (-60.0 * G_PI / 180.0), sin (-60.0 * G_PI / 180.0) };
  Drawing drawing;

  drawing_init (&drawing, landscape, 800, 600, SD_THEME_LIGHT, 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double x = points[i][0], y = points[i][1];
      double f = sd_surface_eval (landscape->surface, x, y, NULL, NULL);
      double px, py, picked_x, picked_y;

      drawing_project (&drawing, x, y, f, &px, &py);
      g_assert_true (sd_landscape_pick_3d (landscape, drawing.cr, &drawing.options, px, py,
                                           &picked_x, &picked_y));
      if (i == 0)
        /* In front by more than a quad (10 / 60). */
        g_assert_cmpfloat ((picked_x - x) * toward[0] + (picked_y - y) * toward[1], >, 0.2);
      else
        /* To within the mesh's flatness: an eighth of a quad. */
        g_assert_cmpfloat (hypot (picked_x - x, picked_y - y), <, 10.0 / 60 / 8);
    }

  {
    double x = 123.0, y = 456.0;

    g_assert_false (sd_landscape_pick_3d (landscape, drawing.cr, &drawing.options, 2.0, 2.0,
                                          &x, &y));
    g_assert_cmpfloat (x, ==, 123.0);
    g_assert_cmpfloat (y, ==, 456.0);
  }

  drawing_clear (&drawing);
}

/* Counts occurrences of @needle in @text, which may hold NULs. */
static gsize
count_substrings (const GString *text,
                  const char    *needle)
{
  gsize n = 0, length = strlen (needle);

  for (gsize i = 0; i + length <= text->len; i++)
    if (memcmp (text->str + i, needle, length) == 0)
      n++;
  return n;
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_vector (cairo_surface_t *surface,
             SdLandscape     *landscape)
{
  cairo_t *cr = cairo_create (surface);
  SdFigureOptions options;

  init_options (&options, 800, 600, SD_THEME_PRINT);
  sd_landscape_draw_3d (landscape, cr, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
}

static const char vector_scene[] =
  "[Scene]\nversion=1\nkind=surface\ntitle=Himmelblau\n"
  "[Surface]\nfunction=himmelblau\nview=3d\n"
  "[Run Adam]\noptimizer=adam\nlearning-rate=0.1\nstart=0.5;4.5\nsteps=100\n";

/* The SVG is well-formed XML with one path per quad at least. */
static void
test_svg (void)
{
  g_autoptr(SdScene) scene = load_scene (vector_scene);
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { 0 };
  cairo_surface_t *surface;

  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, 800, 600);
  draw_vector (surface, landscape);
  cairo_surface_destroy (surface);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg->str, svg->len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_substrings (svg, "<path"), >=, 60 * 60);
  g_assert_cmpuint (count_substrings (svg, "<image"), <=, 1);
}

static void
test_pdf (void)
{
  g_autoptr(SdScene) scene = load_scene (vector_scene);
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  g_autoptr(GString) pdf = g_string_new (NULL);
  cairo_surface_t *surface;

  surface = cairo_pdf_surface_create_for_stream (append_to_string, pdf, 800, 600);
  draw_vector (surface, landscape);
  cairo_surface_destroy (surface);

  g_assert_true (g_str_has_prefix (pdf->str, "%PDF-1."));
  g_assert_cmpmem (pdf->str + pdf->len - 6, 5, "%%EOF", 5);
  g_assert_cmpuint (count_substrings (pdf, "/Type /Page"), >=, 1);
}

/* A surface without a single finite value draws the title and no box;
 * nothing can be projected or picked on it. A figure without room draws
 * nothing. Bad arguments are refused. */
static void
test_degenerate (void)
{
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\ntitle=Nothing\n"
    "[Surface]\nfunction=custom\nexpression=sqrt(-1 - x^2)\nview=3d\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  Drawing drawing;
  double px = 1.0, py = 2.0, x = 3.0, y = 4.0, rgba[4];

  drawing_init (&drawing, landscape, 400, 300, SD_THEME_LIGHT, 1.0);
  g_assert_false (sd_landscape_project_3d (landscape, drawing.cr, &drawing.options,
                                           0, 0, 0, &px, &py));
  g_assert_false (sd_landscape_pick_3d (landscape, drawing.cr, &drawing.options,
                                        200, 150, &x, &y));
  g_assert_cmpfloat (px, ==, 1.0);
  g_assert_cmpfloat (x, ==, 3.0);
  drawing_read (&drawing, 200, 150, rgba);
  g_assert_cmpfloat (rgba[0], ==, 1.0);
  drawing_clear (&drawing);

  {
    g_autoptr(SdScene) himmelblau = load_scene (
      "[Scene]\nversion=1\nkind=surface\n[Surface]\nfunction=himmelblau\nview=3d\n");
    g_autoptr(SdLandscape) other = new_landscape (himmelblau);

    drawing_init (&drawing, other, 0, 0, SD_THEME_LIGHT, 1.0);
    g_assert_false (sd_landscape_project_3d (other, drawing.cr, &drawing.options,
                                             0, 0, 0, &px, &py));
    drawing_clear (&drawing);

    /* So small that the title leaves no room for the box. */
    drawing_init (&drawing, other, 40, 30, SD_THEME_LIGHT, 1.0);
    g_assert_false (sd_landscape_project_3d (other, drawing.cr, &drawing.options,
                                             0, 0, 0, &px, &py));
    drawing_clear (&drawing);

    drawing_init (&drawing, other, 400, 300, SD_THEME_LIGHT, 1.0);
    g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*self != NULL*");
    sd_landscape_draw_3d (NULL, drawing.cr, &drawing.options);
    g_test_assert_expected_messages ();
    g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*options != NULL*");
    sd_landscape_draw_3d (other, drawing.cr, NULL);
    g_test_assert_expected_messages ();
    g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*px != NULL*");
    g_assert_false (sd_landscape_project_3d (other, drawing.cr, &drawing.options, 0, 0, 0,
                                             NULL, &py));
    g_test_assert_expected_messages ();
    g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*cr != NULL*");
    g_assert_false (sd_landscape_pick_3d (other, NULL, &drawing.options, 0, 0, &x, &y));
    g_test_assert_expected_messages ();
    drawing_clear (&drawing);
  }
}

/* A transparent figure leaves the background unpainted, the surface
 * opaque. */
static void
test_transparent (void)
{
  g_autoptr(SdScene) scene = load_scene (STEP_SCENE ("90", "40"));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (image);
  SdFigureOptions options;
  double px, py;
  const guint8 *data;
  int stride = cairo_image_surface_get_stride (image);

  init_options (&options, 400, 300, SD_THEME_DARK);
  options.transparent = TRUE;
  sd_landscape_draw_3d (landscape, cr, &options);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  g_assert_cmpuint (*(const guint32 *) (gconstpointer) data >> 24, ==, 0);

  g_assert_true (sd_landscape_project_3d (landscape, cr, &options, 0.0, 1.2, 0.0, &px, &py));
  g_assert_cmpuint (*(const guint32 *) (gconstpointer) (data + (int) py * stride + 4 * (int) px)
                    >> 24, ==, 255);

  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/render/surface3d/camera/matplotlib", test_camera_matplotlib);
  g_test_add_func ("/render/surface3d/camera/closed-form", test_camera_closed_form);
  g_test_add_func ("/render/surface3d/camera/unproject", test_camera_unproject);
  g_test_add_func ("/render/surface3d/shading", test_shading);
  g_test_add_func ("/render/surface3d/zrange", test_zrange);
  g_test_add_func ("/render/surface3d/mesh/linear", test_mesh_linear);
  g_test_add_func ("/render/surface3d/mesh/coarse", test_mesh_coarse);
  g_test_add_func ("/render/surface3d/mesh/log-keeps-minima", test_mesh_log_keeps_minima);
  g_test_add_func ("/render/surface3d/mesh/fold", test_mesh_fold);
  g_test_add_func ("/render/surface3d/visibility", test_visibility_closed_form);
  g_test_add_func ("/render/surface3d/axes/edges", test_axis_edges);
  g_test_add_func ("/render/surface3d/colors/by-height", test_colors_follow_height);
  g_test_add_func ("/render/surface3d/colors/middle", test_colors_middle);
  g_test_add_func ("/render/surface3d/painter-order", test_painter_order);
  g_test_add_func ("/render/surface3d/runs/hidden-behind-hill", test_run_hidden_behind_hill);
  g_test_add_func ("/render/surface3d/runs/step-and-range", test_step_and_range);
  g_test_add_func ("/render/surface3d/runs/divergence", test_divergence);
  g_test_add_func ("/render/surface3d/explain/gradient", test_explain_gradient);
  g_test_add_func ("/render/surface3d/explain/readable", test_explain_readable);
  g_test_add_func ("/render/surface3d/explain/curvature", test_explain_curvature);
  g_test_add_func ("/render/surface3d/explain/invisible-run", test_explain_invisible_run);
  g_test_add_func ("/render/surface3d/explain/hidden-by-surface", test_explain_hidden_by_surface);
  g_test_add_func ("/render/surface3d/explain/polyline-arrow", test_explain_polyline_arrow);
  g_test_add_func ("/render/surface3d/explain/bad-arguments", test_explain_bad_arguments);
  g_test_add_func ("/render/surface3d/project-and-pick", test_project_and_pick);
  g_test_add_func ("/render/surface3d/svg", test_svg);
  g_test_add_func ("/render/surface3d/pdf", test_pdf);
  g_test_add_func ("/render/surface3d/degenerate", test_degenerate);
  g_test_add_func ("/render/surface3d/transparent", test_transparent);

  return g_test_run ();
}
