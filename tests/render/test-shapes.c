/* test-shapes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shapes.h"

/* A 40 × 20 rectangle at (10, 10) with corners of radius 5: its path
 * spans the rectangle exactly, its edges are filled up to the corners'
 * arcs, and the corners themselves are cut off. */
static void
test_rounded_rectangle (void)
{
  const cairo_rectangle_t rect = { 10.0, 10.0, 40.0, 20.0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 60, 40);
  cairo_t *cr = cairo_create (surface);
  double x0, y0, x1, y1;

  sd_rounded_rectangle (cr, &rect, 5.0);
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y1, 30.0, 1e-9);

  g_assert_true (cairo_in_fill (cr, 30.0, 10.5));
  g_assert_true (cairo_in_fill (cr, 10.5, 20.0));
  g_assert_true (cairo_in_fill (cr, 49.5, 29.5 - 5.0));
  /* (11, 11) is 5.66 from the top left arc's centre (15, 15): outside. */
  g_assert_false (cairo_in_fill (cr, 11.0, 11.0));
  g_assert_false (cairo_in_fill (cr, 49.0, 29.0));
  g_assert_true (cairo_in_fill (cr, 12.0, 12.0));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/shapes/rounded-rectangle", test_rounded_rectangle);

  return g_test_run ();
}
