/* test-arrowhead.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "arrowhead.h"

#define SIZE 100

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

/* A white canvas SIZE points square, one pixel a point. */
static void
canvas_init (Canvas *canvas)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  canvas->cr = cairo_create (canvas->surface);
  cairo_set_source_rgb (canvas->cr, 1, 1, 1);
  cairo_paint (canvas->cr);
  cairo_set_source_rgb (canvas->cr, 0, 0, 0);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

/* The colour of the pixel whose centre is (@x, @y). */
static guint32
pixel (Canvas *canvas,
       double  x,
       double  y)
{
  const guint8 *data;
  int stride;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  return *(const guint32 *) (data + (int) floor (y) * stride + 4 * (int) floor (x)) & 0xffffff;
}

/* Whether the pixel is black, fully covered. */
static gboolean
is_ink (Canvas *canvas,
        double  x,
        double  y)
{
  return pixel (canvas, x, y) == 0;
}

static gboolean
is_paper (Canvas *canvas,
          double  x,
          double  y)
{
  return pixel (canvas, x, y) == 0xffffff;
}

/* A triangle 20 long and 16 wide pointing right from (70.5, 50.5): 15
 * back from its tip it is 2 × 8 × 15/20 = 12 wide. */
static void
test_triangle (void)
{
  const SdArrowhead head = { 20.0, 8.0, 0.0 };
  Canvas canvas;

  canvas_init (&canvas);
  sd_arrowhead_append (canvas.cr, &head, 70.5, 50.5, 1.0, 0.0);
  cairo_fill (canvas.cr);

  /* Along the axis, from just behind the tip to just before the base. */
  for (double x = 52.5; x <= 68.5; x += 1.0)
    g_assert_true (is_ink (&canvas, x, 50.5));
  g_assert_true (is_paper (&canvas, 72.5, 50.5));
  g_assert_true (is_paper (&canvas, 48.5, 50.5));

  /* 15 back from the tip, x = 55.5: ink within 6 of the axis, none at 8. */
  g_assert_true (is_ink (&canvas, 55.5, 50.5 + 5.0));
  g_assert_true (is_ink (&canvas, 55.5, 50.5 - 5.0));
  g_assert_true (is_paper (&canvas, 55.5, 50.5 + 8.0));
  g_assert_true (is_paper (&canvas, 55.5, 50.5 - 8.0));
  canvas_clear (&canvas);
}

/* A notched head pointing down: the notch, half the length deep, leaves
 * paper on the axis behind it while the barbs on either side are ink. */
static void
test_notch (void)
{
  const SdArrowhead head = { 20.0, 8.0, 0.5 };
  double sx, sy;
  Canvas canvas;

  canvas_init (&canvas);
  sd_arrowhead_append (canvas.cr, &head, 50.5, 80.5, 0.0, 1.0);
  cairo_fill (canvas.cr);

  /* The tip is at y = 80.5; the notch at y = 70.5 and the base at 60.5. */
  g_assert_true (is_ink (&canvas, 50.5, 78.5));
  g_assert_true (is_ink (&canvas, 50.5, 72.5));
  g_assert_true (is_paper (&canvas, 50.5, 66.5));
  g_assert_true (is_paper (&canvas, 50.5, 82.5));
  /* 15 back from the tip the barbs run from 8 × (15 − 10)/10 = 4 to
   * 8 × 15/20 = 6 off the axis: the pixels 4.5 to 5.5 off it are ink. */
  g_assert_true (is_ink (&canvas, 50.5 + 5.0, 80.5 - 15.0));
  g_assert_true (is_ink (&canvas, 50.5 - 5.0, 80.5 - 15.0));
  g_assert_true (is_paper (&canvas, 50.5 + 8.0, 80.5 - 15.0));

  sd_arrowhead_shaft_end (&head, 50.5, 80.5, 0.0, 1.0, &sx, &sy);
  g_assert_cmpfloat (sx, ==, 50.5);
  g_assert_cmpfloat (sy, ==, 70.5);
  canvas_clear (&canvas);
}

/* Any direction: pointing up and left at 45°, the head's tip is exactly
 * at the tip given, and its base's middle is `length` back. */
static void
test_diagonal (void)
{
  const SdArrowhead head = { 20.0 * G_SQRT2, 6.0, 0.0 };
  double u = -1.0 / G_SQRT2, sx, sy;
  Canvas canvas;

  canvas_init (&canvas);
  sd_arrowhead_append (canvas.cr, &head, 30.0, 30.0, u, u);
  cairo_fill (canvas.cr);

  /* Behind the tip, along the line to the base at (50, 50). */
  g_assert_true (is_ink (&canvas, 33.5, 33.5));
  g_assert_true (is_ink (&canvas, 46.5, 46.5));
  g_assert_true (is_paper (&canvas, 27.5, 27.5));
  g_assert_true (is_paper (&canvas, 53.5, 53.5));

  sd_arrowhead_shaft_end (&head, 30.0, 30.0, u, u, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (sy, 50.0, 1e-12);
  canvas_clear (&canvas);
}

/* A head without a direction or a length draws nothing. */
static void
test_degenerate (void)
{
  const SdArrowhead head = { 20.0, 8.0, 0.0 };
  const SdArrowhead flat = { 0.0, 8.0, 0.0 };
  Canvas canvas;

  canvas_init (&canvas);
  sd_arrowhead_append (canvas.cr, &head, 50.0, 50.0, 0.0, 0.0);
  sd_arrowhead_append (canvas.cr, &head, 50.0, 50.0, NAN, 1.0);
  sd_arrowhead_append (canvas.cr, &head, INFINITY, 50.0, 1.0, 0.0);
  sd_arrowhead_append (canvas.cr, &flat, 50.0, 50.0, 1.0, 0.0);
  g_assert_false (cairo_has_current_point (canvas.cr));
  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/arrowhead/triangle", test_triangle);
  g_test_add_func ("/render/arrowhead/notch", test_notch);
  g_test_add_func ("/render/arrowhead/diagonal", test_diagonal);
  g_test_add_func ("/render/arrowhead/degenerate", test_degenerate);

  return g_test_run ();
}
