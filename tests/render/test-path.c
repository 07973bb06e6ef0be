/* test-path.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "path.h"

#define KAPPA 0.5522847498307936

static cairo_t *
create_context (double scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 10, 10);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  cairo_scale (cr, scale, scale);
  return cr;
}

static void
assert_same_path (cairo_t *a,
                  cairo_t *b)
{
  cairo_path_t *pa = cairo_copy_path (a);
  cairo_path_t *pb = cairo_copy_path (b);

  g_assert_cmpint (pa->num_data, ==, pb->num_data);
  for (int i = 0; i < pa->num_data; i += pa->data[i].header.length)
    {
      g_assert_cmpint (pa->data[i].header.type, ==, pb->data[i].header.type);
      g_assert_cmpint (pa->data[i].header.length, ==, pb->data[i].header.length);
      for (int k = 1; k < pa->data[i].header.length; k++)
        {
          g_assert_cmpfloat (pa->data[i + k].point.x, ==, pb->data[i + k].point.x);
          g_assert_cmpfloat (pa->data[i + k].point.y, ==, pb->data[i + k].point.y);
        }
    }

  cairo_path_destroy (pa);
  cairo_path_destroy (pb);
}

/* A recorded path drawn on a context, scaled or not, is the path made on
 * that context directly. */
static void
test_append (void)
{
  g_autoptr(SdPath) path = sd_path_new ();

  g_assert_true (sd_path_is_empty (path));
  sd_path_move_to (path, 1.25, 2.5);
  sd_path_line_to (path, 7.125, 3.0);
  sd_path_curve_to (path, 8.0, 4.0, 6.0, 9.5, 2.0, 8.0);
  sd_path_close (path);
  sd_path_move_to (path, 0.1, 0.2);
  sd_path_line_to (path, 0.3, 0.4);
  g_assert_false (sd_path_is_empty (path));

  for (double scale = 1.0; scale <= 3.0; scale += 2.0)
    {
      cairo_t *recorded = create_context (scale);
      cairo_t *direct = create_context (scale);

      sd_path_append (path, recorded);
      cairo_move_to (direct, 1.25, 2.5);
      cairo_line_to (direct, 7.125, 3.0);
      cairo_curve_to (direct, 8.0, 4.0, 6.0, 9.5, 2.0, 8.0);
      cairo_close_path (direct);
      cairo_move_to (direct, 0.1, 0.2);
      cairo_line_to (direct, 0.3, 0.4);
      assert_same_path (recorded, direct);
      g_assert_cmpint (cairo_status (recorded), ==, CAIRO_STATUS_SUCCESS);

      cairo_destroy (recorded);
      cairo_destroy (direct);
    }
}

/* Distances to a 10 × 10 square's outline, its closing edge included,
 * and to a quarter of a circle of radius 10 drawn as one Bézier curve
 * (which strays from the circle by 0.027 % of its radius), measured along
 * 16 chords, each of which comes 10 (1 − cos (π/64)) = 0.012 inside it. */
static void
test_distance (void)
{
  g_autoptr(SdPath) square = sd_path_new ();
  g_autoptr(SdPath) arc = sd_path_new ();
  g_autoptr(SdPath) empty = sd_path_new ();

  sd_path_move_to (square, 0, 0);
  sd_path_line_to (square, 10, 0);
  sd_path_line_to (square, 10, 10);
  sd_path_line_to (square, 0, 10);
  sd_path_close (square);

  g_assert_cmpfloat_with_epsilon (sd_path_distance (square, 5, 5), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (sd_path_distance (square, 15, 5), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (sd_path_distance (square, 5, -3), 3.0, 1e-12);
  /* The closing edge, from (0, 10) back to (0, 0). */
  g_assert_cmpfloat_with_epsilon (sd_path_distance (square, -2, 5), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (sd_path_distance (square, 13, 14), 5.0, 1e-12);

  sd_path_move_to (arc, 10, 0);
  sd_path_curve_to (arc, 10, 10 * KAPPA, 10 * KAPPA, 10, 0, 10);
  g_assert_cmpfloat_with_epsilon (sd_path_distance (arc, 0, 0), 10.0, 0.015);
  g_assert_cmpfloat_with_epsilon (sd_path_distance (arc, 20 / G_SQRT2, 20 / G_SQRT2), 10.0,
                                  0.015);

  g_assert_true (isinf (sd_path_distance (empty, 0, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/path/append", test_append);
  g_test_add_func ("/render/path/distance", test_distance);

  return g_test_run ();
}
