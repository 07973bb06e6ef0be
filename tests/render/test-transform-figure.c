/* test-transform-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "core-error.h"
#include "transform-figure.h"

/* Device pixels per point: lines a point or two wide then cover whole
 * pixels, so the pixel under a line's centre has the line's own colour. */
#define DEVICE_SCALE 2.0
#define WIDTH 800
#define HEIGHT 600

#define ALL_LAYERS (SD_LAYER_GRID | SD_LAYER_BASIS | SD_LAYER_UNIT_CIRCLE | \
                    SD_LAYER_EIGENVECTORS | SD_LAYER_DETERMINANT | SD_LAYER_SVD)

typedef struct
{
  cairo_surface_t *surface;
  SdPlot          *plot;
} Render;

static void
render_clear (Render *render)
{
  g_clear_pointer (&render->surface, cairo_surface_destroy);
  g_clear_pointer (&render->plot, sd_plot_free);
}

static SdScene *
scene_new (double a,
           double b,
           double c,
           double d,
           guint  layers)
{
  SdScene *scene = sd_scene_new (SD_SCENE_TRANSFORM);

  sd_scene_get_transform (scene)->matrix = (SdMat2) { a, b, c, d };
  sd_scene_get_transform (scene)->layers = layers;
  return scene;
}

static void
scene_set_vector (SdScene *scene,
                  double   x,
                  double   y,
                  guint    orbit)
{
  sd_scene_get_transform (scene)->has_vector = TRUE;
  sd_scene_get_transform (scene)->vector[0] = x;
  sd_scene_get_transform (scene)->vector[1] = y;
  sd_scene_get_transform (scene)->orbit = orbit;
}

static void
options_init (SdFigureOptions *options,
              SdTheme          theme,
              double           scale)
{
  memset (options, 0, sizeof *options);
  options->width = WIDTH;
  options->height = HEIGHT;
  options->theme = theme;
  options->scale = scale;
  options->colormap = SD_COLORMAP_VIRIDIS;
}

static void
render_scene (Render        *render,
              const SdScene *scene,
              SdTheme        theme,
              double         scale)
{
  g_autoptr(GError) error = NULL;
  SdFigureOptions options;
  cairo_t *cr;

  options_init (&options, theme, scale);
  render->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                WIDTH * DEVICE_SCALE, HEIGHT * DEVICE_SCALE);
  cr = cairo_create (render->surface);
  cairo_scale (cr, DEVICE_SCALE, DEVICE_SCALE);
  render->plot = sd_transform_figure_draw (cr, scene, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (render->plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (render->surface);
}

static void
render_light (Render        *render,
              const SdScene *scene)
{
  render_scene (render, scene, SD_THEME_LIGHT, 1.0);
}

/* Pixels ------------------------------------------------------------------- */

typedef gboolean (*ColorTest) (const guint8 rgb[3]);

/* The pixel under the point (@x, @y) of the figure, in points. */
static void
pixel_at (const Render *render,
          double        x,
          double        y,
          int           dx,
          int           dy,
          guint8        rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (render->surface);
  int stride = cairo_image_surface_get_stride (render->surface);
  int px = (int) floor (x * DEVICE_SCALE) + dx;
  int py = (int) floor (y * DEVICE_SCALE) + dy;
  guint32 value;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (render->surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (render->surface));

  /* Opaque figures: premultiplied and straight colours agree. */
  value = *(const guint32 *) (data + py * stride + 4 * px);
  g_assert_cmpuint (value >> 24, ==, 0xff);
  rgb[0] = value >> 16 & 0xff;
  rgb[1] = value >> 8 & 0xff;
  rgb[2] = value & 0xff;
}

/* Whether a pixel within one device pixel of the page point (@px, @py),
 * in points, passes @test. */
static gboolean
color_near_page (const Render *render,
                 double        px,
                 double        py,
                 ColorTest     test)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        guint8 rgb[3];

        pixel_at (render, px, py, dx, dy, rgb);
        if (test (rgb))
          return TRUE;
      }

  return FALSE;
}

/* Whether a pixel within one device pixel of the data point (@x, @y) passes
 * @test: antialiasing spreads a line centred on the point over its
 * neighbours. */
static gboolean
color_near (const Render *render,
            double        x,
            double        y,
            ColorTest     test)
{
  double px, py;

  g_assert_true (sd_plot_map (render->plot, x, y, &px, &py));
  return color_near_page (render, px, py, test);
}

/* Counts the pixels of the whole figure that pass @test. */
static guint
count_color (const Render *render,
             ColorTest     test)
{
  const guint8 *data = cairo_image_surface_get_data (render->surface);
  int stride = cairo_image_surface_get_stride (render->surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (render->surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (render->surface); x++)
      {
        guint32 value = *(const guint32 *) (data + y * stride + 4 * x);
        guint8 rgb[3] = { value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff };

        n += test (rgb);
      }

  return n;
}

/* The light theme's colours, told apart by their channels. The transformed
 * grid is Okabe–Ito blue #0072b2 at 45 % on white, about (140, 191, 220). */
static gboolean
is_blue (const guint8 rgb[3])
{
  return rgb[2] > rgb[0] + 40 && rgb[2] >= rgb[1];
}

/* î: bluish green #009e73. */
static gboolean
is_green (const guint8 rgb[3])
{
  return rgb[1] > rgb[0] + 80 && rgb[1] > rgb[2] + 20;
}

/* ĵ: vermillion #d55e00. */
static gboolean
is_vermillion (const guint8 rgb[3])
{
  return rgb[0] > rgb[1] + 80 && rgb[2] < 80;
}

/* Eigenvector lines: reddish purple #cc79a7. */
static gboolean
is_purple (const guint8 rgb[3])
{
  return rgb[0] > rgb[1] + 50 && rgb[2] > rgb[1] + 25;
}

/* The ellipse and the orbit: the foreground #241f31. */
static gboolean
is_ink (const guint8 rgb[3])
{
  return rgb[0] + rgb[1] + rgb[2] < 3 * 90;
}

/* The filled image of the unit square: blue for det > 0 (#0072b2 at 20 %,
 * about (204, 227, 240)), orange for det < 0 (#e69f00 at 30 %, about
 * (248, 226, 179)). */
static gboolean
is_blue_fill (const guint8 rgb[3])
{
  return rgb[2] > rgb[0] + 20 && rgb[0] < 235;
}

static gboolean
is_orange_fill (const guint8 rgb[3])
{
  return rgb[0] > rgb[2] + 40;
}

static gboolean
is_white (const guint8 rgb[3])
{
  return rgb[0] > 250 && rgb[1] > 250 && rgb[2] > 250;
}

static void
apply (const SdMat2 *m,
       double        x,
       double        y,
       double        out[2])
{
  out[0] = m->a * x + m->b * y;
  out[1] = m->c * x + m->d * y;
}

/* Whether the data point lies in the plot, a few points from its edges. */
static gboolean
well_inside (const Render *render,
             const double  p[2])
{
  cairo_rectangle_t area;
  double px, py, margin = 6.0;

  sd_plot_get_area (render->plot, &area);
  sd_plot_map (render->plot, p[0], p[1], &px, &py);
  return px > area.x + margin && px < area.x + area.width - margin &&
         py > area.y + margin && py < area.y + area.height - margin;
}

/* Tests ------------------------------------------------------------------- */

/* The transformed grid is made of the images of the lattice lines, so it
 * passes through every M (k, l) and, along the image of x = k, through the
 * midpoints M (k, l + 1/2); cell centres M (k + 1/2, l + 1/2) stay off it.
 * Without the grid layer, none of these pixels is blue. */
static void
check_image_grid (const SdMat2 *m)
{
  g_autoptr(SdScene) scene = scene_new (m->a, m->b, m->c, m->d, SD_LAYER_GRID);
  g_autoptr(SdScene) bare = scene_new (m->a, m->b, m->c, m->d, 0);
  Render render = { 0 }, without = { 0 };
  guint n_checked = 0;

  render_light (&render, scene);
  render_light (&without, bare);

  for (int k = -3; k <= 3; k++)
    for (int l = -3; l <= 3; l++)
      {
        double point[2], middle[2], centre[2];

        apply (m, k, l, point);
        apply (m, k, l + 0.5, middle);
        apply (m, k + 0.5, l + 0.5, centre);
        if (!well_inside (&render, point) || !well_inside (&render, middle) ||
            !well_inside (&render, centre))
          continue;

        g_assert_true (color_near (&render, point[0], point[1], is_blue));
        g_assert_true (color_near (&render, middle[0], middle[1], is_blue));
        g_assert_false (color_near (&render, centre[0], centre[1], is_blue));
        g_assert_false (color_near (&without, point[0], point[1], is_blue));
        g_assert_false (color_near (&without, middle[0], middle[1], is_blue));
        n_checked++;
      }

  g_assert_cmpuint (n_checked, >=, 9);
  render_clear (&render);
  render_clear (&without);
}

static void
test_grid_shear (void)
{
  const SdMat2 shear = { 1.0, 1.0, 0.0, 1.0 };

  check_image_grid (&shear);
}

static void
test_grid_general (void)
{
  const SdMat2 general = { 2.0, 1.0, -1.0, 1.5 };

  check_image_grid (&general);
}

/* At t = 0, M = I: the image grid lies on the lattice lines x = k and
 * y = k, and the view is the one t = 1 has, so animating t moves only the
 * plane. */
static void
test_grid_identity_at_t0 (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, -1.0, 1.5, SD_LAYER_GRID);
  Render start = { 0 }, end = { 0 }, half = { 0 };
  double range0[4], range1[4], range_half[4];
  guint n_checked = 0;

  sd_scene_get_transform (scene)->t = 0.0;
  render_light (&start, scene);
  sd_scene_get_transform (scene)->t = 0.5;
  render_light (&half, scene);
  sd_scene_get_transform (scene)->t = 1.0;
  render_light (&end, scene);

  for (int k = -2; k <= 2; k++)
    for (int l = -2; l <= 2; l++)
      {
        const double on_vertical[2] = { k, l + 0.5 }, on_horizontal[2] = { k + 0.5, l };
        const double centre[2] = { k + 0.5, l + 0.5 };

        g_assert_true (color_near (&start, on_vertical[0], on_vertical[1], is_blue));
        g_assert_true (color_near (&start, on_horizontal[0], on_horizontal[1], is_blue));
        g_assert_false (color_near (&start, centre[0], centre[1], is_blue));
        n_checked++;
      }
  g_assert_cmpuint (n_checked, ==, 25);

  sd_plot_get_range (start.plot, SD_AXIS_X, &range0[0], &range0[1]);
  sd_plot_get_range (start.plot, SD_AXIS_Y, &range0[2], &range0[3]);
  sd_plot_get_range (half.plot, SD_AXIS_X, &range_half[0], &range_half[1]);
  sd_plot_get_range (half.plot, SD_AXIS_Y, &range_half[2], &range_half[3]);
  sd_plot_get_range (end.plot, SD_AXIS_X, &range1[0], &range1[1]);
  sd_plot_get_range (end.plot, SD_AXIS_Y, &range1[2], &range1[3]);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (range0[i], ==, range1[i]);
      g_assert_cmpfloat (range_half[i], ==, range1[i]);
    }

  render_clear (&start);
  render_clear (&half);
  render_clear (&end);
}

/* The view is centred on the origin, a unit is as long across as up, and
 * it holds the image of the unit square and the ellipse, whose reach along
 * x and y is the norm of M's first and second row. */
static void
test_view_contains_map (void)
{
  const SdMat2 m = { 2.0, 1.0, -1.0, 1.5 };
  g_autoptr(SdScene) scene = scene_new (m.a, m.b, m.c, m.d, SD_LAYER_GRID);
  Render render = { 0 };
  double x0, x1, y0, y1, ox, oy, ux, uy;

  render_light (&render, scene);
  sd_plot_get_range (render.plot, SD_AXIS_X, &x0, &x1);
  sd_plot_get_range (render.plot, SD_AXIS_Y, &y0, &y1);
  g_assert_cmpfloat_with_epsilon (x0, -x1, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0, -y1, 1e-12);

  sd_plot_map (render.plot, 0.0, 0.0, &ox, &oy);
  sd_plot_map (render.plot, 1.0, 1.0, &ux, &uy);
  g_assert_cmpfloat_with_epsilon (ux - ox, oy - uy, 1e-9);

  /* Corners of the unit square's image: (2, -1), (1, 1.5), (3, 0.5). */
  g_assert_cmpfloat (x1, >=, 3.0);
  g_assert_cmpfloat (y1, >=, 1.5);
  /* Row norms: sqrt (5) and sqrt (3.25). */
  g_assert_cmpfloat (x1, >=, sqrt (5.0));
  g_assert_cmpfloat (y1, >=, sqrt (3.25));
  render_clear (&render);
}

/* Mî is an arrow whose head ends exactly at M (1, 0): green just behind
 * the point, nothing green just beyond it. Likewise Mĵ in vermillion. */
static void
test_basis_tips (void)
{
  const SdMat2 m = { 2.0, 1.0, -1.0, 1.5 };
  g_autoptr(SdScene) scene = scene_new (m.a, m.b, m.c, m.d, SD_LAYER_BASIS);
  g_autoptr(SdScene) bare = scene_new (m.a, m.b, m.c, m.d, 0);
  Render render = { 0 }, without = { 0 };
  const ColorTest tests[2] = { is_green, is_vermillion };

  render_light (&render, scene);
  render_light (&without, bare);

  for (guint i = 0; i < 2; i++)
    {
      double tip[2], ox, oy, px, py, dx, dy, length;

      apply (&m, i == 0, i == 1, tip);
      sd_plot_map (render.plot, 0.0, 0.0, &ox, &oy);
      sd_plot_map (render.plot, tip[0], tip[1], &px, &py);
      length = hypot (px - ox, py - oy);
      dx = (px - ox) / length;
      dy = (py - oy) / length;

      g_assert_true (color_near_page (&render, px - 3.0 * dx, py - 3.0 * dy, tests[i]));
      g_assert_true (color_near_page (&render, px - 0.75 * dx, py - 0.75 * dy, tests[i]));
      g_assert_false (color_near_page (&render, px + 2.0 * dx, py + 2.0 * dy, tests[i]));
      g_assert_false (color_near_page (&without, px - 3.0 * dx, py - 3.0 * dy, tests[i]));
    }

  render_clear (&render);
  render_clear (&without);
}

/* The images of î and ĵ are drawn over the orbit's vectors: a rotation
 * by 30° takes v = (1.5, 0) to M v along M î, whose middle stays green. */
static void
test_basis_over_orbit (void)
{
  double c = cos (G_PI / 6), s = sin (G_PI / 6);
  g_autoptr(SdScene) scene = scene_new (c, -s, s, c, SD_LAYER_BASIS);
  Render render = { 0 };
  guint8 rgb[3];
  double px, py;

  scene_set_vector (scene, 1.5, 0.0, 1);
  render_light (&render, scene);
  sd_plot_map (render.plot, c / 2, s / 2, &px, &py);
  pixel_at (&render, px, py, 0, 0, rgb);
  g_assert_true (is_green (rgb));
  /* Beyond M î, M v's shaft goes on in ink. */
  g_assert_true (color_near (&render, 1.2 * c, 1.2 * s, is_ink));
  render_clear (&render);
}

/* The image of the unit circle passes through ±σ1 u1 and ±σ2 u2 and
 * through every M (cos θ, sin θ), and not through the origin's side of
 * them. */
static void
test_ellipse (void)
{
  const SdMat2 m = { 2.0, 1.0, -1.0, 1.5 };
  /* import numpy as np
   * U, s, Vh = np.linalg.svd (np.array ([[2, 1], [-1, 1.5]]))
   * s[0] * U[:, 0], s[1] * U[:, 1] */
  const double axes[2][2] = { { -2.18966723, 0.58149775 }, { 0.45316378, 1.70641741 } };
  g_autoptr(SdScene) scene = scene_new (m.a, m.b, m.c, m.d, SD_LAYER_UNIT_CIRCLE);
  g_autoptr(SdScene) bare = scene_new (m.a, m.b, m.c, m.d, 0);
  Render render = { 0 }, without = { 0 };

  render_light (&render, scene);
  render_light (&without, bare);

  for (guint i = 0; i < 2; i++)
    for (int sign = -1; sign <= 1; sign += 2)
      {
        g_assert_true (color_near (&render, sign * axes[i][0], sign * axes[i][1], is_ink));
        g_assert_false (color_near (&render, 0.7 * sign * axes[i][0], 0.7 * sign * axes[i][1],
                                    is_ink));
        g_assert_false (color_near (&without, sign * axes[i][0], sign * axes[i][1], is_ink));
      }

  for (guint i = 0; i < 36; i++)
    {
      double image[2];

      apply (&m, cos (i * G_PI / 18), sin (i * G_PI / 18), image);
      g_assert_true (color_near (&render, image[0], image[1], is_ink));
    }

  render_clear (&render);
  render_clear (&without);
}

static guint
count_along (const Render *render,
             double        dx,
             double        dy,
             ColorTest     test,
             guint        *n_samples)
{
  double length = hypot (dx, dy);
  guint n = 0;

  *n_samples = 0;
  for (double s = 0.3; s <= 2.5; s += 0.02)
    {
      n += color_near (render, s * dx / length, s * dy / length, test);
      n += color_near (render, -s * dx / length, -s * dy / length, test);
      *n_samples += 2;
    }

  return n;
}

/* [[2, 1], [1, 2]] has eigenvectors (1, 1) for 3 and (1, −1) for 1: its
 * dashed lines cover more than half of the points s (1, ±1) (dashes 7 on,
 * 4 off), and none along (1, 0.4). */
static void
test_eigen_lines (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, 1.0, 2.0, SD_LAYER_EIGENVECTORS);
  g_autoptr(SdScene) bare = scene_new (2.0, 1.0, 1.0, 2.0, 0);
  Render render = { 0 }, without = { 0 };
  guint n, n_samples;

  render_light (&render, scene);
  render_light (&without, bare);

  n = count_along (&render, 1.0, 1.0, is_purple, &n_samples);
  g_assert_cmpuint (2 * n, >, n_samples);
  n = count_along (&render, 1.0, -1.0, is_purple, &n_samples);
  g_assert_cmpuint (2 * n, >, n_samples);
  g_assert_cmpuint (count_along (&render, 1.0, 0.4, is_purple, &n_samples), ==, 0);
  g_assert_cmpuint (count_color (&without, is_purple), ==, 0);

  render_clear (&render);
  render_clear (&without);
}

/* A defective matrix has one eigenvector line: the shear's x axis. */
static void
test_eigen_defective (void)
{
  g_autoptr(SdScene) scene = scene_new (1.0, 1.0, 0.0, 1.0, SD_LAYER_EIGENVECTORS);
  Render render = { 0 };
  guint n, n_samples;

  render_light (&render, scene);
  n = count_along (&render, 1.0, 0.0, is_purple, &n_samples);
  g_assert_cmpuint (2 * n, >, n_samples);
  g_assert_cmpuint (count_along (&render, 0.0, 1.0, is_purple, &n_samples), ==, 0);
  g_assert_cmpuint (count_along (&render, 1.0, 1.0, is_purple, &n_samples), ==, 0);
  render_clear (&render);
}

/* Rotations and spirals have complex eigenvalues, no real eigenvectors:
 * nothing purple anywhere. Nor has a multiple of I, whose every vector is
 * an eigenvector. */
static void
test_eigen_none (void)
{
  const SdMat2 matrices[] = {
    { 0.8660254037844387, -0.5, 0.5, 0.8660254037844387 },
    { 0.9, -0.4, 0.4, 0.9 },
    { 2.0, 0.0, 0.0, 2.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (matrices); i++)
    {
      const SdMat2 *m = &matrices[i];
      g_autoptr(SdScene) scene = scene_new (m->a, m->b, m->c, m->d, SD_LAYER_EIGENVECTORS);
      Render render = { 0 };

      render_light (&render, scene);
      g_assert_cmpuint (count_color (&render, is_purple), ==, 0);
      render_clear (&render);
    }
}

/* The image of the unit square is filled blue when det > 0 and orange
 * when the map reverses orientation. */
static void
test_determinant_fill (void)
{
  const SdMat2 matrices[] = {
    { 2.0, 1.0, -1.0, 1.5 },  /* det 4 */
    { 1.0, 0.0, 0.0, -1.0 },  /* det −1, a reflection */
    { 0.0, 1.0, 1.0, 0.0 },   /* det −1, swaps x and y */
  };

  for (guint i = 0; i < G_N_ELEMENTS (matrices); i++)
    {
      const SdMat2 *m = &matrices[i];
      g_autoptr(SdScene) scene = scene_new (m->a, m->b, m->c, m->d, SD_LAYER_DETERMINANT);
      g_autoptr(SdScene) bare = scene_new (m->a, m->b, m->c, m->d, 0);
      gboolean positive = m->a * m->d - m->b * m->c > 0.0;
      Render render = { 0 }, without = { 0 };
      /* Inside the parallelogram, away from its centre where det is written. */
      const double st[][2] = { { 0.2, 0.85 }, { 0.85, 0.15 } };

      render_light (&render, scene);
      render_light (&without, bare);
      for (guint j = 0; j < G_N_ELEMENTS (st); j++)
        {
          double p[2], px, py;
          guint8 rgb[3];

          apply (m, st[j][0], st[j][1], p);
          sd_plot_map (render.plot, p[0], p[1], &px, &py);
          pixel_at (&render, px, py, 0, 0, rgb);
          g_assert_true (positive ? is_blue_fill (rgb) : is_orange_fill (rgb));
          g_assert_false (positive ? is_orange_fill (rgb) : is_blue_fill (rgb));
          pixel_at (&without, px, py, 0, 0, rgb);
          g_assert_true (is_white (rgb));
        }

      render_clear (&render);
      render_clear (&without);
    }
}

/* The orbit's points sit at M^k v, computed here by repeated products:
 * markers from M² v on, arrow heads at v and M v. */
static void
test_orbit_points (void)
{
  const SdMat2 m = { 0.9, -0.4, 0.4, 0.9 };
  g_autoptr(SdScene) scene = scene_new (m.a, m.b, m.c, m.d, 0);
  g_autoptr(SdScene) bare = scene_new (m.a, m.b, m.c, m.d, 0);
  Render render = { 0 }, without = { 0 };
  double p[2] = { 1.5, 0.0 };

  scene_set_vector (scene, p[0], p[1], 8);
  render_light (&render, scene);
  render_light (&without, bare);

  for (guint k = 0; k <= 8; k++)
    {
      double ox, oy, px, py, length;

      sd_plot_map (render.plot, 0.0, 0.0, &ox, &oy);
      sd_plot_map (render.plot, p[0], p[1], &px, &py);
      length = hypot (px - ox, py - oy);
      if (k >= 2)
        g_assert_true (color_near_page (&render, px, py, is_ink));
      else
        g_assert_true (color_near_page (&render, px - 2.0 * (px - ox) / length,
                                        py - 2.0 * (py - oy) / length, is_ink));
      g_assert_false (color_near_page (&without, px, py, is_ink));

      apply (&m, p[0], p[1], p);
    }

  render_clear (&render);
  render_clear (&without);
}

/* An orbit that grows (2^k) does not blow the view up: it leaves it, with
 * an arrow head at the edge where the path from M² v = (4, 2) to
 * M³ v = (8, 4) crosses it. */
static void
test_orbit_escape (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 0.0, 0.0, 2.0, 0);
  Render render = { 0 };
  double x0, x1, y0, y1, t, edge[2], px, py;

  scene_set_vector (scene, 1.0, 0.5, 10);
  render_light (&render, scene);
  sd_plot_get_range (render.plot, SD_AXIS_X, &x0, &x1);
  sd_plot_get_range (render.plot, SD_AXIS_Y, &y0, &y1);
  g_assert_cmpfloat (x1, >=, 4.0);
  g_assert_cmpfloat (y1, >=, 2.0);
  g_assert_true (x1 < 8.0 || y1 < 4.0);

  t = MIN ((x1 - 4.0) / 4.0, (y1 - 2.0) / 2.0);
  edge[0] = 4.0 + 4.0 * t;
  edge[1] = 2.0 + 2.0 * t;
  sd_plot_map (render.plot, edge[0], edge[1], &px, &py);
  /* The arrow head ends 2 pt inside the edge. */
  g_assert_true (color_near_page (&render, px - 4.0 * 2.0 / sqrt (5.0),
                                  py + 4.0 * 1.0 / sqrt (5.0), is_ink));
  render_clear (&render);
}

/* An orbit that overflows doubles (10^30k, at k = 11) is drawn as far as
 * it stays finite; the view is that of the map. */
static void
test_orbit_overflow (void)
{
  g_autoptr(SdScene) scene = scene_new (1e30, 0.0, 0.0, 1e30, ALL_LAYERS);
  Render render = { 0 };
  double x0, x1;

  scene_set_vector (scene, 1.0, 1.0, SD_LINMAP_MAX_ORBIT_STEPS);
  render_light (&render, scene);
  sd_plot_get_range (render.plot, SD_AXIS_X, &x0, &x1);
  g_assert_cmpfloat (x1, >=, 1e30);
  g_assert_cmpfloat (x1, <, 1e31);
  render_clear (&render);
}

/* Maps that collapse or turn the plane around still draw, with or without
 * an orbit, and at any t. */
static void
test_degenerate (void)
{
  const SdMat2 matrices[] = {
    { 0.0, 0.0, 0.0, 0.0 },     /* zero */
    { 1.0, 0.0, 0.0, 1.0 },     /* identity */
    { -1.0, 0.0, 0.0, -1.0 },   /* half turn */
    { 1.0, 0.0, 0.0, 0.0 },     /* projection */
    { 1e-300, 0.0, 0.0, 1e-300 },
    { 1e6, 1.0, 0.0, 1e-6 },    /* condition number 10^12 */
  };
  const double ts[] = { 0.0, 0.5, 1.0, 1.25 };

  for (guint i = 0; i < G_N_ELEMENTS (matrices); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ts); j++)
      {
        const SdMat2 *m = &matrices[i];
        g_autoptr(SdScene) scene = scene_new (m->a, m->b, m->c, m->d, ALL_LAYERS);
        Render render = { 0 };

        sd_scene_get_transform (scene)->t = ts[j];
        scene_set_vector (scene, 0.7, -0.3, 12);
        render_light (&render, scene);
        render_clear (&render);
      }
}

static void
expect_error (SdScene *scene,
              int      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlot) plot = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 80, 60);
  cairo_t *cr = cairo_create (surface);
  SdFigureOptions options;

  options_init (&options, SD_THEME_LIGHT, 1.0);
  plot = sd_transform_figure_draw (cr, scene, &options, &error);
  g_assert_null (plot);
  g_assert_error (error, SD_CORE_ERROR, code);
  g_assert_nonnull (error->message);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_errors (void)
{
  g_autoptr(SdScene) scene = scene_new (1.0, 0.0, 0.0, 1.0, ALL_LAYERS);

  sd_scene_get_transform (scene)->matrix.b = NAN;
  expect_error (scene, SD_CORE_ERROR_INVALID);
  sd_scene_get_transform (scene)->matrix.b = INFINITY;
  expect_error (scene, SD_CORE_ERROR_INVALID);
  /* A determinant of 10^400 is beyond doubles. */
  sd_scene_get_transform (scene)->matrix = (SdMat2) { 1e200, 0.0, 0.0, 1e200 };
  expect_error (scene, SD_CORE_ERROR_NUMERIC);
  sd_scene_get_transform (scene)->matrix = (SdMat2) { 1.0, 0.0, 0.0, 1.0 };

  sd_scene_get_transform (scene)->t = NAN;
  expect_error (scene, SD_CORE_ERROR_INVALID);
  sd_scene_get_transform (scene)->t = 1.0;

  scene_set_vector (scene, NAN, 1.0, 3);
  expect_error (scene, SD_CORE_ERROR_INVALID);

  scene_set_vector (scene, 1.0, 1.0, SD_LINMAP_MAX_ORBIT_STEPS + 1);
  expect_error (scene, SD_CORE_ERROR_INVALID);
}

static void
test_wrong_kind (void)
{
  g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_DISTRIBUTION);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 80, 60);
  cairo_t *cr = cairo_create (surface);
  SdFigureOptions options;
  SdPlot *plot;

  options_init (&options, SD_THEME_LIGHT, 1.0);
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*SD_SCENE_TRANSFORM*");
  plot = sd_transform_figure_draw (cr, scene, &options, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (plot);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The same scene and options draw the same pixels. */
static void
test_pure (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, -1.0, 1.5, ALL_LAYERS);
  Render first = { 0 }, second = { 0 };
  int height, stride;

  scene->title = g_strdup ("<b>not markup</b> & co");
  scene_set_vector (scene, 0.5, 1.0, 6);
  render_light (&first, scene);
  render_light (&second, scene);
  height = cairo_image_surface_get_height (first.surface);
  stride = cairo_image_surface_get_stride (first.surface);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (first.surface),
                           cairo_image_surface_get_data (second.surface),
                           (size_t) height * stride), ==, 0);
  render_clear (&first);
  render_clear (&second);
}

/* Every theme at both scales paints its background and draws î in the
 * palette's green; a transparent figure leaves the corners empty; a
 * figure too small for a plot still returns one. */
static void
test_themes (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, -1.0, 1.5, ALL_LAYERS);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  SdFigureOptions options;
  SdPlot *plot;

  scene_set_vector (scene, 0.5, 1.0, 4);
  for (SdTheme theme = 0; theme < SD_N_THEMES; theme++)
    for (guint scale = 1; scale <= 2; scale++)
      {
        Render render = { 0 };
        SdThemeStyle style;
        guint8 rgb[3];

        sd_theme_get_style (theme, scale, &style);
        render_scene (&render, scene, theme, scale);
        pixel_at (&render, 0.5, 0.5, 0, 0, rgb);
        g_assert_cmpint (rgb[0], ==, (int) round (style.background[0] * 255));
        g_assert_cmpint (rgb[1], ==, (int) round (style.background[1] * 255));
        g_assert_cmpint (rgb[2], ==, (int) round (style.background[2] * 255));
        g_assert_cmpuint (count_color (&render, is_green), >, 100);
        render_clear (&render);
      }

  options_init (&options, SD_THEME_DARK, 1.0);
  options.transparent = TRUE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  plot = sd_transform_figure_draw (cr, scene, &options, &error);
  g_assert_no_error (error);
  cairo_surface_flush (surface);
  g_assert_cmpuint (*(guint32 *) cairo_image_surface_get_data (surface), ==, 0);
  sd_plot_free (plot);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  options_init (&options, SD_THEME_LIGHT, 1.0);
  options.width = 30.0;
  options.height = 20.0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 20);
  cr = cairo_create (surface);
  plot = sd_transform_figure_draw (cr, scene, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sd_plot_free (plot);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_to (cairo_surface_t *surface)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, -1.0, 1.5, ALL_LAYERS);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlot) plot = NULL;
  SdFigureOptions options;
  cairo_t *cr = cairo_create (surface);

  scene->title = g_strdup ("Vector export");
  scene_set_vector (scene, 0.5, 1.0, 4);
  options_init (&options, SD_THEME_PRINT, 1.0);
  plot = sd_transform_figure_draw (cr, scene, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

typedef struct
{
  guint n_paths;
  gboolean svg_root;
} SvgCount;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCount *count = user_data;

  if (g_str_equal (element, "svg") && g_markup_parse_context_get_element_stack (context)->next == NULL)
    count->svg_root = TRUE;
  if (g_str_equal (element, "path"))
    count->n_paths++;
}

/* The SVG is well-formed XML with an <svg> root and the figure's paths. */
static void
test_svg (void)
{
  static const GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgCount count = { 0 };

  draw_to (cairo_svg_surface_create_for_stream (append_bytes, bytes, WIDTH, HEIGHT));
  context = g_markup_parse_context_new (&parser, 0, &count, NULL);
  g_assert_true (g_markup_parse_context_parse (context, (const char *) bytes->data, bytes->len,
                                               &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (count.svg_root);
  g_assert_cmpuint (count.n_paths, >, 50);
}

/* The PDF has its header and, at the end, its trailer. */
static void
test_pdf (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *tail = NULL;

  draw_to (cairo_pdf_surface_create_for_stream (append_bytes, bytes, WIDTH, HEIGHT));
  g_assert_cmpuint (bytes->len, >, 1000);
  g_assert_cmpmem (bytes->data, 5, "%PDF-", 5);
  tail = g_strndup ((const char *) bytes->data + bytes->len - 16, 16);
  g_assert_nonnull (strstr (tail, "%%EOF"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/render/transform-figure/grid/shear", test_grid_shear);
  g_test_add_func ("/render/transform-figure/grid/general", test_grid_general);
  g_test_add_func ("/render/transform-figure/grid/identity-at-t0", test_grid_identity_at_t0);
  g_test_add_func ("/render/transform-figure/view/contains-map", test_view_contains_map);
  g_test_add_func ("/render/transform-figure/basis/tips", test_basis_tips);
  g_test_add_func ("/render/transform-figure/basis/over-orbit", test_basis_over_orbit);
  g_test_add_func ("/render/transform-figure/unit-circle/ellipse", test_ellipse);
  g_test_add_func ("/render/transform-figure/eigenvectors/symmetric", test_eigen_lines);
  g_test_add_func ("/render/transform-figure/eigenvectors/defective", test_eigen_defective);
  g_test_add_func ("/render/transform-figure/eigenvectors/none", test_eigen_none);
  g_test_add_func ("/render/transform-figure/determinant/sign", test_determinant_fill);
  g_test_add_func ("/render/transform-figure/orbit/points", test_orbit_points);
  g_test_add_func ("/render/transform-figure/orbit/escape", test_orbit_escape);
  g_test_add_func ("/render/transform-figure/orbit/overflow", test_orbit_overflow);
  g_test_add_func ("/render/transform-figure/degenerate", test_degenerate);
  g_test_add_func ("/render/transform-figure/errors", test_errors);
  g_test_add_func ("/render/transform-figure/wrong-kind", test_wrong_kind);
  g_test_add_func ("/render/transform-figure/pure", test_pure);
  g_test_add_func ("/render/transform-figure/themes", test_themes);
  g_test_add_func ("/render/transform-figure/svg", test_svg);
  g_test_add_func ("/render/transform-figure/pdf", test_pdf);

  return g_test_run ();
}
