/* test-marker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "marker.h"

#define SIZE 60

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  SdThemeStyle     style;
} Canvas;

/* The light theme at scale 4, on its white background, so that a marker
 * is several pixels across. */
static void
canvas_init (Canvas *canvas)
{
  sd_theme_get_style (SD_THEME_LIGHT, 4.0, &canvas->style);
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  canvas->cr = cairo_create (canvas->surface);
  sd_set_source_color (canvas->cr, canvas->style.background);
  cairo_paint (canvas->cr);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

static guint32
pixel (Canvas *canvas,
       double  x,
       double  y)
{
  const guint8 *data;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  return *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (canvas->surface)
                             + 4 * (int) x) & 0xffffff;
}

static guint32
hex (const double rgba[4])
{
  return (guint32) lround (rgba[0] * 255) << 16 | (guint32) lround (rgba[1] * 255) << 8
         | (guint32) lround (rgba[2] * 255);
}

static const double blue[4] = { 0.0, 0x72 / 255.0, 0xb2 / 255.0, 1.0 };

/* A hollow circle: the background inside, the run's colour on the ring
 * 0.55 marker sizes out, nothing beyond. */
static void
test_start (void)
{
  Canvas canvas;
  double r;

  canvas_init (&canvas);
  r = 0.55 * canvas.style.marker_size;
  sd_run_mark_draw (canvas.cr, &canvas.style, SD_RUN_MARK_START, 30.5, 30.5, blue);
  g_assert_cmphex (pixel (&canvas, 30.5, 30.5), ==, 0xffffff);
  g_assert_cmphex (pixel (&canvas, 30.5 + r, 30.5), ==, hex (blue));
  g_assert_cmphex (pixel (&canvas, 30.5, 30.5 - r), ==, hex (blue));
  g_assert_cmphex (pixel (&canvas, 30.5 + r + 0.3 * canvas.style.marker_size, 30.5), ==, 0xffffff);
  canvas_clear (&canvas);
}

/* A filled circle 0.65 marker sizes across, in the run's colour. */
static void
test_end (void)
{
  Canvas canvas;

  canvas_init (&canvas);
  sd_run_mark_draw (canvas.cr, &canvas.style, SD_RUN_MARK_END, 30.5, 30.5, blue);
  g_assert_cmphex (pixel (&canvas, 30.5, 30.5), ==, hex (blue));
  g_assert_cmphex (pixel (&canvas, 30.5 + 0.4 * canvas.style.marker_size, 30.5), ==, hex (blue));
  g_assert_cmphex (pixel (&canvas, 30.5 + canvas.style.marker_size, 30.5), ==, 0xffffff);
  canvas_clear (&canvas);
}

/* A red ✕ whatever the run's colour: red at its centre and along its
 * diagonals, the background between its arms. */
static void
test_diverged (void)
{
  static const double red[4] = SD_DIVERGED_RGBA;
  Canvas canvas;
  double r;

  canvas_init (&canvas);
  r = 0.5 * canvas.style.marker_size;
  sd_run_mark_draw (canvas.cr, &canvas.style, SD_RUN_MARK_DIVERGED, 30.5, 30.5, blue);
  g_assert_cmphex (pixel (&canvas, 30.5, 30.5), ==, hex (red));
  g_assert_cmphex (pixel (&canvas, 30.5 + r, 30.5 + r), ==, hex (red));
  g_assert_cmphex (pixel (&canvas, 30.5 - r, 30.5 + r), ==, hex (red));
  g_assert_cmphex (pixel (&canvas, 30.5 + r, 30.5), ==, 0xffffff);
  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/marker/run/start", test_start);
  g_test_add_func ("/render/marker/run/end", test_end);
  g_test_add_func ("/render/marker/run/diverged", test_diverged);

  return g_test_run ();
}
