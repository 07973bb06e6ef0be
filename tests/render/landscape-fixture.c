/* landscape-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "landscape-fixture.h"

void
canvas_init (Canvas *canvas,
             int     width,
             int     height)
{
  canvas->width = width;
  canvas->height = height;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  canvas->cr = cairo_create (canvas->surface);
}

void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

/* The pixel at (x, y) as 0xAARRGGBB, premultiplied. */
guint32
pixel (Canvas *canvas,
       int     x,
       int     y)
{
  const guint8 *data;
  int stride;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, canvas->width);
  g_assert_cmpint (y, <, canvas->height);

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  return *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
}

/* The colour of the pixel that holds the point (px, py), unpremultiplied. */
void
pixel_rgb (Canvas *canvas,
           double  px,
           double  py,
           double  rgb[3])
{
  guint32 p = pixel (canvas, (int) floor (px), (int) floor (py));
  double alpha = (p >> 24) / 255.0;

  g_assert_cmpfloat (alpha, >, 0.0);
  rgb[0] = (p >> 16 & 0xff) / 255.0 / alpha;
  rgb[1] = (p >> 8 & 0xff) / 255.0 / alpha;
  rgb[2] = (p & 0xff) / 255.0 / alpha;
}

double
color_distance (const double a[3],
                const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
               + (a[2] - b[2]) * (a[2] - b[2]));
}

void
assert_color (const double rgb[3],
              const double expected[3],
              double       tolerance)
{
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat_with_epsilon (rgb[c], expected[c], tolerance);
}

SdScene *
load_scene (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdScene *scene = sd_scene_load_data (text, strlen (text), "test.saddle", &error);

  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

SdLandscape *
new_landscape (const SdScene *scene)
{
  g_autoptr(GError) error = NULL;
  SdLandscape *landscape = sd_landscape_new (scene, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (landscape);
  return landscape;
}

void
init_options (SdFigureOptions *options,
              Canvas          *canvas,
              SdTheme          theme)
{
  sd_figure_options_init (options);
  options->width = canvas->width;
  options->height = canvas->height;
  options->theme = theme;
}

/* Draws @text's scene on @canvas in the light theme. */
SdPlot *
draw_scene (Canvas                *canvas,
            const char            *text,
            const SdFigureOptions *options,
            SdLandscape          **out)
{
  g_autoptr(SdScene) scene = load_scene (text);
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  SdFigureOptions defaults;
  SdPlot *plot;

  if (options == NULL)
    {
      init_options (&defaults, canvas, SD_THEME_LIGHT);
      options = &defaults;
    }

  plot = sd_landscape_draw (landscape, canvas->cr, options);
  g_assert_nonnull (plot);
  g_assert_true (sd_plot_is_laid_out (plot));

  /* The scene goes with the landscape, which only borrows it. */
  if (out != NULL)
    {
      *out = g_steal_pointer (&landscape);
      (*out)->scene = g_steal_pointer (&scene);
    }
  return plot;
}

void
free_landscape (SdLandscape *landscape)
{
  SdScene *scene = (SdScene *) landscape->scene;

  sd_landscape_free (landscape);
  sd_scene_free (scene);
}

/* The value at the centre of the pixel holding the point (x, y), which is
 * what the pixel shows. */
void
pixel_centre (const SdPlot *plot,
              double        x,
              double        y,
              double       *px,
              double       *py,
              double       *cx,
              double       *cy)
{
  g_assert_true (sd_plot_map (plot, x, y, px, py));
  g_assert_true (sd_plot_unmap (plot, floor (*px) + 0.5, floor (*py) + 0.5, cx, cy));
}
