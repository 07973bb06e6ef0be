/* test-colorbar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "colorbar.h"
#include "plot.h"

static void
test_fraction (void)
{
  g_autoptr(SdColorbar) linear = sd_colorbar_new (SD_COLORMAP_VIRIDIS, SD_SCALE_LINEAR, -2, 6);
  g_autoptr(SdColorbar) log = sd_colorbar_new (SD_COLORMAP_MAGMA, SD_SCALE_LOG, 1e-2, 1e2);
  g_autoptr(SdColorbar) flat = sd_colorbar_new (SD_COLORMAP_CIVIDIS, SD_SCALE_LINEAR, 3, 3);
  double vmin, vmax;

  g_assert_cmpfloat (sd_colorbar_get_fraction (linear, -2), ==, 0.0);
  g_assert_cmpfloat (sd_colorbar_get_fraction (linear, 6), ==, 1.0);
  g_assert_cmpfloat (sd_colorbar_get_fraction (linear, 0), ==, 0.25);
  g_assert_cmpfloat (sd_colorbar_get_fraction (linear, 10), ==, 1.5);
  g_assert_true (isnan (sd_colorbar_get_fraction (linear, NAN)));

  /* Decades are equal steps. */
  g_assert_cmpfloat_with_epsilon (sd_colorbar_get_fraction (log, 1), 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (sd_colorbar_get_fraction (log, 0.1), 0.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (sd_colorbar_get_fraction (log, 10), 0.75, 1e-15);
  g_assert_true (isnan (sd_colorbar_get_fraction (log, 0)));
  g_assert_true (isnan (sd_colorbar_get_fraction (log, -5)));
  g_assert_cmpint (sd_colorbar_get_scale (log), ==, SD_SCALE_LOG);
  g_assert_cmpint (sd_colorbar_get_colormap (log), ==, SD_COLORMAP_MAGMA);

  /* A flat surface's single value takes the middle colour. */
  sd_colorbar_get_range (flat, &vmin, &vmax);
  g_assert_cmpfloat (vmin, <, 3);
  g_assert_cmpfloat (vmax, >, 3);
  g_assert_cmpfloat_with_epsilon (sd_colorbar_get_fraction (flat, 3), 0.5, 1e-15);

  /* Colours are the map's at the fraction; NaN is transparent. */
  {
    double rgba[4], expected[3];

    sd_colorbar_get_color (linear, 0, rgba);
    sd_colormap_eval (SD_COLORMAP_VIRIDIS, 0.25, expected);
    g_assert_cmpmem (rgba, 3 * sizeof (double), expected, sizeof expected);
    g_assert_cmpfloat (rgba[3], ==, 1.0);
    sd_colorbar_get_color (log, -1, rgba);
    g_assert_cmpfloat (rgba[3], ==, 0.0);
  }
}

static void
check_bar_colors (SdColormap colormap,
                  SdScale    scale,
                  double     vmin,
                  double     vmax,
                  double     device_scale)
{
  SdThemeStyle style;
  g_autoptr(SdPlot) plot = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_rectangle_t bar;
  const guint8 *data;
  int stride;
  int width = (int) (600 * device_scale), height = (int) (400 * device_scale);

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  plot = sd_plot_new (&style);
  sd_plot_set_colorbar (plot, sd_colorbar_new (colormap, scale, vmin, vmax));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, device_scale, device_scale);
  sd_plot_layout (plot, cr, 600, 400);
  sd_plot_draw (plot, cr, NULL, NULL);
  g_assert_true (sd_plot_get_colorbar_area (plot, &bar));
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* The bar is right of the plot. */
  {
    cairo_rectangle_t area;

    sd_plot_get_area (plot, &area);
    g_assert_cmpfloat (bar.x, >, area.x + area.width);
    g_assert_cmpfloat (bar.y, ==, area.y);
    g_assert_cmpfloat (bar.height, ==, area.height);
  }

  for (guint i = 1; i <= 3; i++)
    {
      double target = i / 4.0;
      int row = (int) floor ((bar.y + bar.height * (1 - target)) * device_scale);
      int column = (int) floor ((bar.x + bar.width / 2) * device_scale);
      /* The fraction at the centre of that pixel. */
      double t = 1 - ((row + 0.5) / device_scale - bar.y) / bar.height;
      guint32 p = *(const guint32 *) (data + row * stride + 4 * column);
      double rgb[3];

      sd_colormap_eval (colormap, t, rgb);
      g_assert_cmpint (abs ((int) (p >> 16 & 0xff) - (int) lround (rgb[0] * 255)), <=, 2);
      g_assert_cmpint (abs ((int) (p >> 8 & 0xff) - (int) lround (rgb[1] * 255)), <=, 2);
      g_assert_cmpint (abs ((int) (p & 0xff) - (int) lround (rgb[2] * 255)), <=, 2);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The bar's middle column at a quarter, half and three quarters of its
 * height has the map's colours there, within rounding. */
static void
test_pixels (void)
{
  check_bar_colors (SD_COLORMAP_VIRIDIS, SD_SCALE_LINEAR, 0, 1, 1.0);
  check_bar_colors (SD_COLORMAP_MAGMA, SD_SCALE_LOG, 1e-3, 1e5, 1.0);
  check_bar_colors (SD_COLORMAP_COOLWARM, SD_SCALE_LINEAR, -3, 3, 2.0);
  check_bar_colors (SD_COLORMAP_GRAYSCALE, SD_SCALE_LINEAR, 10, 20, 1.0);
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* In vector files the gradient is one small image, not hundreds of
 * rectangles. */
static void
test_vector (void)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(SdPlot) plot = NULL;
  SdThemeStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  sd_theme_get_style (SD_THEME_PRINT, 1.0, &style);
  plot = sd_plot_new (&style);
  sd_plot_set_colorbar (plot, sd_colorbar_new (SD_COLORMAP_PLASMA, SD_SCALE_LINEAR, 0, 1));
  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, 600, 400);
  cr = cairo_create (surface);
  sd_plot_layout (plot, cr, 600, 400);
  sd_plot_draw (plot, cr, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (count (svg->str, "<image"), ==, 1);
  g_assert_cmpuint (svg->len, <, 100000);
}

static void
test_measure (void)
{
  g_autoptr(SdColorbar) bar = sd_colorbar_new (SD_COLORMAP_VIRIDIS, SD_SCALE_LINEAR, 0, 1);
  SdThemeStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double plain, titled, wide;

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  plain = sd_colorbar_measure (bar, cr, &style, 300);
  g_assert_cmpfloat (plain, >, sd_colorbar_get_bar_width (&style) + style.tick_length);

  sd_colorbar_set_title (bar, "log<sub>10</sub> f(x, y)");
  titled = sd_colorbar_measure (bar, cr, &style, 300);
  g_assert_cmpfloat (titled, >, plain + style.label_size);

  /* Longer labels, wider bar. */
  {
    g_autoptr(SdColorbar) big = sd_colorbar_new (SD_COLORMAP_VIRIDIS, SD_SCALE_LINEAR,
                                                 -1234567, -1234321);

    wide = sd_colorbar_measure (big, cr, &style, 300);
    g_assert_cmpfloat (wide, >, plain + 3 * style.font_size);
  }

  sd_colorbar_set_title (bar, NULL);
  g_assert_cmpfloat (sd_colorbar_measure (bar, cr, &style, 300), ==, plain);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_errors (void)
{
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*sd_range_nonsingular*");
  g_assert_null (sd_colorbar_new (SD_COLORMAP_VIRIDIS, SD_SCALE_LINEAR, NAN, 1));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*sd_range_nonsingular*");
  g_assert_null (sd_colorbar_new (SD_COLORMAP_VIRIDIS, SD_SCALE_LOG, 0, 1));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*colormap < SD_N_COLORMAPS*");
  g_assert_null (sd_colorbar_new (SD_N_COLORMAPS, SD_SCALE_LINEAR, 0, 1));
  g_test_assert_expected_messages ();

  sd_colorbar_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/colorbar/fraction", test_fraction);
  g_test_add_func ("/render/colorbar/pixels", test_pixels);
  g_test_add_func ("/render/colorbar/vector", test_vector);
  g_test_add_func ("/render/colorbar/measure", test_measure);
  g_test_add_func ("/render/colorbar/errors", test_errors);

  return g_test_run ();
}
