/* test-overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-error.h"
#include "overlay.h"
#include "surface.h"
#include "theme.h"

#define SIZE 400

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  SdPlot          *plot;
  SdThemeStyle     style;
} Fixture;

/* A square plot of [-2, 2]^2 on a transparent image, so every painted
 * pixel is the overlay's. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &f->style);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  f->cr = cairo_create (f->surface);
  f->plot = sd_plot_new (&f->style);
  sd_plot_set_axis (f->plot, SD_AXIS_X, SD_SCALE_LINEAR, -2, 2);
  sd_plot_set_axis (f->plot, SD_AXIS_Y, SD_SCALE_LINEAR, -2, 2);
  sd_plot_set_equal_aspect (f->plot, TRUE);
  sd_plot_layout (f->plot, f->cr, SIZE, SIZE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  sd_plot_free (f->plot);
  cairo_destroy (f->cr);
  cairo_surface_destroy (f->surface);
}

/* The pixel nearest (x, y) as unpremultiplied 8-bit r, g, b, a. */
static void
pixel (Fixture *f,
       double   x,
       double   y,
       guint    rgba[4])
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data;
  guint32 p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, SIZE);
  g_assert_cmpint (iy, <, SIZE);
  cairo_surface_flush (f->surface);
  data = cairo_image_surface_get_data (f->surface);
  p = *(const guint32 *) (data + iy * cairo_image_surface_get_stride (f->surface) + 4 * ix);
  rgba[3] = p >> 24;
  for (guint i = 0; i < 3; i++)
    rgba[i] = rgba[3] == 0 ? 0 : ((p >> (16 - 8 * i)) & 0xff) * 255 / rgba[3];
}

static gboolean
is_red (Fixture *f,
        double   x,
        double   y)
{
  guint c[4];

  pixel (f, x, y, c);
  return c[3] > 200 && c[0] > 150 && c[1] < 90 && c[2] < 90;
}

/* The light theme's foreground is near black. */
static gboolean
is_dark (Fixture *f,
         double   x,
         double   y)
{
  guint c[4];

  pixel (f, x, y, c);
  return c[3] > 200 && c[0] + c[1] + c[2] < 3 * 100;
}

static void
map (Fixture *f,
     double   x,
     double   y,
     double  *px,
     double  *py)
{
  g_assert_true (sd_plot_map (f->plot, x, y, px, py));
}

/* On 0.5 x^2 + 5 y^2 at (1, 0.2) the gradient is (x, 10 y) = (1, 2); with
 * learning rate 0.3 the gradient-descent step ends at (0.7, -0.4). The
 * arrow must be red up to its tip there and stop at it. */
static void
test_gradient_tip (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = sd_surface_new_custom ("0.5*x^2 + 5*y^2", &error);
  SdOverlayData data = { .position = { 1.0, 0.2 }, .learning_rate = 0.3 };
  double x0, y0, x1, y1, ux, uy, len;

  g_assert_no_error (error);
  sd_surface_eval (surface, 1.0, 0.2, data.gradient, NULL);
  g_assert_cmpfloat_with_epsilon (data.gradient[0], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (data.gradient[1], 2.0, 1e-12);

  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_GRADIENT);

  map (f, 1.0, 0.2, &x0, &y0);
  map (f, 0.7, -0.4, &x1, &y1);
  len = hypot (x1 - x0, y1 - y0);
  g_assert_cmpfloat (len, >, 20.0);
  ux = (x1 - x0) / len, uy = (y1 - y0) / len;

  g_assert_true (is_red (f, x1 - 2.5 * ux, y1 - 2.5 * uy));
  g_assert_true (is_red (f, 0.5 * (x0 + x1), 0.5 * (y0 + y1)));
  g_assert_false (is_red (f, x1 + 3.0 * ux, y1 + 3.0 * uy));
  /* Nothing else is drawn: the step and the curvature are off. */
  g_assert_false (is_red (f, x0 - 0.5 * (x1 - x0), y0 - 0.5 * (y1 - y0)));
}

/* A gradient step of 0.0003 in x is far less than a point on this plot:
 * no arrow shows, so a red ring around the iterate marks it, 5 points
 * out, and the draw says the part was too short to see; a long arrow is
 * not marked. */
static void
test_too_short_marked (Fixture       *f,
                       gconstpointer  user_data)
{
  SdOverlayData data = { .position = { 0.5, 0.5 }, .learning_rate = 0.1,
                         .gradient = { 0.003, 0.0 } };
  double x0, y0;

  g_assert_cmpint (sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_GRADIENT), ==,
                   SD_EXPLAIN_GRADIENT);
  map (f, 0.5, 0.5, &x0, &y0);
  g_assert_true (is_red (f, x0 + 5.0, y0));
  g_assert_true (is_red (f, x0, y0 - 5.0));
  g_assert_false (is_red (f, x0 + 12.0, y0));

  data.gradient[0] = 3.0;
  g_assert_cmpint (sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_GRADIENT), ==,
                   SD_EXPLAIN_NONE);
}

/* The actual step goes to the next iterate, in green. */
static void
test_step (Fixture       *f,
           gconstpointer  user_data)
{
  SdOverlayData data = { .position = { -1.0, -1.0 }, .step = { 1.0, 0.5 } };
  double x0, y0, x1, y1;
  guint c[4];

  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_STEP);
  map (f, -1.0, -1.0, &x0, &y0);
  map (f, 0.0, -0.5, &x1, &y1);
  pixel (f, 0.5 * (x0 + x1), 0.5 * (y0 + y1), c);
  g_assert_cmpuint (c[3], >, 200);
  g_assert_cmpuint (c[1], >, c[0] + 60);
  g_assert_false (is_red (f, 0.5 * (x0 + x1), 0.5 * (y0 + y1)));

  /* Without the flag, nothing. */
  cairo_set_operator (f->cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (f->cr);
  cairo_set_operator (f->cr, CAIRO_OPERATOR_OVER);
  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_GRADIENT | SD_EXPLAIN_VELOCITY);
  pixel (f, 0.5 * (x0 + x1), 0.5 * (y0 + y1), c);
  g_assert_cmpuint (c[3], ==, 0);
}

static gboolean
is_orange (Fixture *f,
           double   x,
           double   y)
{
  guint c[4];

  pixel (f, x, y, c);
  return c[3] > 200 && c[0] > 200 && c[1] > 80 && c[1] < 160 && c[2] < 60;
}

/* Adam's box: half-widths effective_learning_rate[i] * |gradient[i]| =
 * 0.25 * 2 and 0.5 * 1, so its edges pass through (±0.5, 0) and (0, ±0.5). */
static void
test_adam_box (Fixture       *f,
               gconstpointer  user_data)
{
  SdOverlayData data = { .position = { 0.0, 0.0 }, .gradient = { 2.0, -1.0 },
                         .effective_learning_rate = { 0.25, 0.5 } };
  double px, py;

  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_ADAM_STEP);
  for (int sx = -1; sx <= 1; sx += 2)
    {
      map (f, 0.5 * sx, 0.0, &px, &py);
      g_assert_true (is_orange (f, px, py));
      map (f, 0.0, 0.5 * sx, &px, &py);
      g_assert_true (is_orange (f, px, py));
      map (f, 0.7 * sx, 0.0, &px, &py);
      g_assert_false (is_orange (f, px, py));
    }
  map (f, 0.0, 0.0, &px, &py);
  g_assert_false (is_orange (f, px, py));
}

/* Velocity (-2, 0) with learning rate 0.5 carries the point to (1, 0):
 * purple along the way, nothing beyond. */
static void
test_velocity (Fixture       *f,
               gconstpointer  user_data)
{
  SdOverlayData data = { .position = { 0.0, 0.0 }, .velocity = { -2.0, 0.0 },
                         .learning_rate = 0.5 };
  double px, py;
  guint c[4];

  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_VELOCITY);
  map (f, 0.5, 0.0, &px, &py);
  pixel (f, px, py, c);
  g_assert_cmpuint (c[3], >, 200);
  g_assert_cmpuint (c[2], >, c[1] + 60);
  g_assert_cmpuint (c[0], >, c[1] + 40);
  map (f, 1.0, 0.0, &px, &py);
  pixel (f, px + 4.0, py, c);
  g_assert_false (c[3] > 200 && c[2] > c[1] + 60);
}

static void
curvature_data (double         h00,
                double         h01,
                double         h11,
                SdOverlayData *data)
{
  const double hess[4] = { h00, h01, h01, h11 };
  g_autoptr(GError) error = NULL;

  *data = (SdOverlayData) { .position = { 0.0, 0.0 }, .has_curvature = TRUE };
  g_assert_true (sd_curvature_from_hessian (hess, &data->curvature, &error));
  g_assert_no_error (error);
}

/* diag (1, 10): the long arrow (λ_max = 10) is vertical, SD_OVERLAY_EIGEN_LENGTH
 * points each way; the λ_min one is a tenth as long, so nothing lies on the
 * horizontal 40 points out. */
static void
test_eigen_axes (Fixture       *f,
                 gconstpointer  user_data)
{
  SdOverlayData data;
  double px, py;

  curvature_data (1.0, 0.0, 10.0, &data);
  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_CURVATURE);
  map (f, 0.0, 0.0, &px, &py);

  g_assert_true (is_dark (f, px, py - 40.0));
  g_assert_true (is_dark (f, px, py + 40.0));
  g_assert_true (is_dark (f, px, py - 20.0));
  g_assert_false (is_dark (f, px + 40.0, py));
  g_assert_false (is_dark (f, px - 40.0, py));
  g_assert_false (is_dark (f, px, py - SD_OVERLAY_EIGEN_LENGTH - 12.0));
}

/* [[5.5, 4.5], [4.5, 5.5]] has λ = 1 along (1, -1) and λ = 10 along (1, 1):
 * the long arrow lies on the rising diagonal (up-right on screen). */
static void
test_eigen_rotated (Fixture       *f,
                    gconstpointer  user_data)
{
  SdOverlayData data;
  double px, py, d = 25.0 * M_SQRT1_2;

  curvature_data (5.5, 4.5, 5.5, &data);
  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_CURVATURE);
  map (f, 0.0, 0.0, &px, &py);

  g_assert_true (is_dark (f, px + d, py - d));
  g_assert_true (is_dark (f, px - d, py + d));
  g_assert_false (is_dark (f, px + d, py + d));
  g_assert_false (is_dark (f, px - d, py - d));
}

/* A negative eigenvalue is dashed: along its arrow, ink and gaps alternate. */
static void
test_eigen_negative_dashed (Fixture       *f,
                            gconstpointer  user_data)
{
  SdOverlayData data;
  double px, py;
  guint ink = 0, gaps = 0;

  curvature_data (-10.0, 0.0, 1.0, &data);
  g_assert_cmpfloat (data.curvature.lambda[0], ==, -10.0);
  sd_overlay_draw (f->cr, f->plot, &f->style, &data, SD_EXPLAIN_CURVATURE);
  map (f, 0.0, 0.0, &px, &py);

  for (double x = px + 8.0; x < px + 36.0; x += 1.0)
    {
      if (is_dark (f, x, py))
        ink++;
      else
        gaps++;
    }
  g_assert_cmpuint (ink, >, 5);
  g_assert_cmpuint (gaps, >, 5);
}

/* The drawn displacements, with and without a scale. */
static void
test_displacements (void)
{
  SdOverlayData data = {
    .position = { 1.0, 2.0 }, .gradient = { 3.0, -4.0 }, .learning_rate = 0.5,
    .step = { 0.25, 0.5 }, .velocity = { -2.0, 6.0 },
    .effective_learning_rate = { 0.1, 0.01 }, .arrow_scale = 1.0,
  };
  double d[2];

  g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_GRADIENT, d));
  g_assert_cmpfloat (d[0], ==, -1.5);
  g_assert_cmpfloat (d[1], ==, 2.0);
  g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_STEP, d));
  g_assert_cmpfloat (d[0], ==, 0.25);
  g_assert_cmpfloat (d[1], ==, 0.5);
  g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_VELOCITY, d));
  g_assert_cmpfloat (d[0], ==, 1.0);
  g_assert_cmpfloat (d[1], ==, -3.0);
  /* Adam's half-widths: effective rate times |gradient|. */
  g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_ADAM_STEP, d));
  g_assert_cmpfloat_with_epsilon (d[0], 0.3, 1e-15);
  g_assert_cmpfloat_with_epsilon (d[1], 0.04, 1e-15);

  data.arrow_scale = 4.0;
  g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_GRADIENT, d));
  g_assert_cmpfloat (d[0], ==, -6.0);
  g_assert_cmpfloat (d[1], ==, 8.0);

  data.velocity[0] = INFINITY;
  g_assert_false (sd_overlay_get_displacement (&data, SD_EXPLAIN_VELOCITY, d));
}

/* The readable scale makes the longest arrow drawn @longest long. With
 * 10 points per unit in x and 20 in y: the gradient step (-1.5, 2) is
 * hypot (15, 40) = 42.72 points, the step (0.25, 0.5) hypot (2.5, 10) =
 * 10.31, the velocity step (1, -3) hypot (10, 60) = 60.83. */
static void
test_readable_scale (void)
{
  SdOverlayData data = {
    .position = { 1.0, 2.0 }, .gradient = { 3.0, -4.0 }, .learning_rate = 0.5,
    .step = { 0.25, 0.5 }, .velocity = { -2.0, 6.0 }, .arrow_scale = 1.0,
  };
  const double units[2] = { 10.0, 20.0 };

  g_assert_cmpfloat_with_epsilon (
    sd_overlay_readable_scale (&data, SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP, 96.0, units),
    96.0 / hypot (15.0, 40.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (
    sd_overlay_readable_scale (&data, SD_EXPLAIN_STEP | SD_EXPLAIN_VELOCITY, 96.0, units),
    96.0 / hypot (10.0, 60.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (
    sd_overlay_readable_scale (&data, SD_EXPLAIN_STEP, 96.0, units),
    96.0 / hypot (2.5, 10.0), 1e-12);

  /* Nothing to scale: the curvature alone, or arrows of no length. */
  g_assert_cmpfloat (sd_overlay_readable_scale (&data, SD_EXPLAIN_CURVATURE, 96.0, units), ==,
                     1.0);
  data.step[0] = data.step[1] = 0.0;
  g_assert_cmpfloat (sd_overlay_readable_scale (&data, SD_EXPLAIN_STEP, 96.0, units), ==, 1.0);
}

static SdScene *
scene_with_colors (const char *colors)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("[Scene]\nversion=1\nkind=surface\n"
                                           "[Surface]\nfunction=booth\n%s", colors);
  SdScene *scene = sd_scene_load_data (text, strlen (text), "colors.saddle", &error);

  g_assert_no_error (error);
  return scene;
}

static void
assert_hex (const double rgba[4],
            guint32      hex)
{
  g_assert_cmpfloat (rgba[0], ==, (hex >> 16 & 0xff) / 255.0);
  g_assert_cmpfloat (rgba[1], ==, (hex >> 8 & 0xff) / 255.0);
  g_assert_cmpfloat (rgba[2], ==, (hex & 0xff) / 255.0);
}

/* The arrows never take a colour a run has: with no runs they are GNOME's
 * red, green, purple and orange; beside the run palette's vermillion and
 * bluish green (a race's second and third runs) the step turns light green
 * and Adam's box yellow, since green 4 and orange 3 are too like them
 * (ΔE*ab 18 and 15), while red (31 from vermillion) stays; a run the user
 * made red 3 pushes the gradient to red 5. Every arrow differs from every
 * visible run by 25 or more. */
static void
test_colors_unlike_runs (void)
{
  g_autoptr(SdScene) race = scene_with_colors (
    "[Run A]\noptimizer=sgd\nstart=1;1\n[Run B]\noptimizer=sgd\nstart=1;1\n"
    "[Run C]\noptimizer=sgd\nstart=1;1\n");
  g_autoptr(SdScene) red = scene_with_colors (
    "[Run Red]\noptimizer=sgd\nstart=1;1\ncolor=#e01b24\n"
    "[Run Hidden]\noptimizer=sgd\nstart=1;1\ncolor=#2ec27e\nvisible=false\n");
  SdOverlayColors colors;

  sd_overlay_colors_init (&colors, NULL);
  assert_hex (colors.part[0], 0xe01b24);
  assert_hex (colors.part[1], 0x2ec27e);
  assert_hex (colors.part[2], 0x9141ac);
  assert_hex (colors.part[3], 0xff7800);

  sd_overlay_colors_init (&colors, race);
  assert_hex (colors.part[0], 0xe01b24);
  assert_hex (colors.part[1], 0x8ff0a4);
  assert_hex (colors.part[2], 0x9141ac);
  assert_hex (colors.part[3], 0xf5c211);
  for (guint p = 0; p < 4; p++)
    for (guint r = 0; r < 3; r++)
      {
        double run[4];

        sd_run_palette_color (r, run);
        g_assert_cmpfloat (sd_color_difference (colors.part[p], run), >=, 25.0);
      }

  /* A hidden run does not count: the step keeps green 4. */
  sd_overlay_colors_init (&colors, red);
  assert_hex (colors.part[0], 0xa51d2d);
  assert_hex (colors.part[1], 0x2ec27e);
}

/* CIE76 against published L*a*b* values: white and black are 100 apart;
 * sRGB red (53.24, 80.09, 67.20) and green (87.73, −86.18, 83.18) are
 * 170.6 apart. */
static void
test_color_difference (void)
{
  static const double white[3] = { 1, 1, 1 }, black[3] = { 0, 0, 0 };
  static const double red[3] = { 1, 0, 0 }, green[3] = { 0, 1, 0 };

  g_assert_cmpfloat_with_epsilon (sd_color_difference (white, black), 100.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (sd_color_difference (red, green), 170.58, 0.05);
  g_assert_cmpfloat (sd_color_difference (red, red), ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/render/overlay/gradient/tip", test_gradient_tip);
  ADD ("/render/overlay/step", test_step);
  ADD ("/render/overlay/too-short-marked", test_too_short_marked);
  ADD ("/render/overlay/adam-box", test_adam_box);
  ADD ("/render/overlay/velocity", test_velocity);
  ADD ("/render/overlay/curvature/axes", test_eigen_axes);
  ADD ("/render/overlay/curvature/rotated", test_eigen_rotated);
  ADD ("/render/overlay/curvature/negative-dashed", test_eigen_negative_dashed);
#undef ADD
  g_test_add_func ("/render/overlay/displacements", test_displacements);
  g_test_add_func ("/render/overlay/readable-scale", test_readable_scale);
  g_test_add_func ("/render/overlay/colors-unlike-runs", test_colors_unlike_runs);
  g_test_add_func ("/render/overlay/color-difference", test_color_difference);

  return g_test_run ();
}
