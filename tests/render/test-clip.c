/* test-clip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "clip.h"

static const cairo_rectangle_t square = { 0.0, 0.0, 10.0, 10.0 };

typedef struct
{
  SdPoint  a, b;
  gboolean inside;
  double   t0, t1;
} SegmentCase;

/* Intersections worked out by hand: a line through the square from
 * x = −5 to 15 crosses its edges a quarter and three quarters of the way. */
static void
test_segment (void)
{
  static const SegmentCase cases[] = {
    { { -5, 5 }, { 15, 5 }, TRUE, 0.25, 0.75 },
    { { 15, 5 }, { -5, 5 }, TRUE, 0.25, 0.75 },
    { { -10, -10 }, { 20, 20 }, TRUE, 1.0 / 3, 2.0 / 3 },
    { { 2, 3 }, { 8, 7 }, TRUE, 0.0, 1.0 },
    { { 5, 5 }, { 5, 25 }, TRUE, 0.0, 0.25 },
    /* Along the left edge: the edge belongs to the rectangle. */
    { { 0, -5 }, { 0, 15 }, TRUE, 0.25, 0.75 },
    /* Through the corner (0, 10) only. */
    { { -1, 11 }, { 1, 9 }, TRUE, 0.5, 1.0 },
    { { -5, 12 }, { 15, 12 }, FALSE, 0, 0 },
    { { -5, 20 }, { 20, -5 }, TRUE, 0.4, 0.6 },
    { { 11, -1 }, { 30, 2 }, FALSE, 0, 0 },
    { { 3, 3 }, { 3, 3 }, TRUE, 0.0, 1.0 },
    { { 13, 3 }, { 13, 3 }, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SegmentCase *c = &cases[i];
      double t0 = NAN, t1 = NAN;

      g_assert_cmpint (sd_clip_segment (&square, &c->a, &c->b, &t0, &t1), ==, c->inside);
      if (!c->inside)
        continue;
      g_assert_cmpfloat_with_epsilon (t0, c->t0, 1e-12);
      g_assert_cmpfloat_with_epsilon (t1, c->t1, 1e-12);
    }
}

/* The corner case above, (−1, 11) to (1, 9), touches at (0, 10); the
 * diagonal of a 2 × 4 rectangle at (1, 2) enters it at (1, 2). */
static void
test_segment_points (void)
{
  const cairo_rectangle_t r = { 1.0, 2.0, 2.0, 4.0 };
  SdPoint a = { -1, 11 }, b = { 1, 9 };
  SdPoint c = { -1, -2 }, d = { 2, 4 };
  SdPoint e = { 1.5, 2.5 }, f = { 2.5, 5.5 };

  g_assert_true (sd_clip_segment_points (&square, &a, &b));
  g_assert_cmpfloat_with_epsilon (a.x, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.y, 10.0, 1e-12);
  g_assert_cmpfloat (b.x, ==, 1.0);
  g_assert_cmpfloat (b.y, ==, 9.0);

  /* Along y = 2x from (−1, −2): enters the rectangle at (1, 2) and ends
   * inside at (2, 4), which stays exactly where it was. */
  g_assert_true (sd_clip_segment_points (&r, &c, &d));
  g_assert_cmpfloat_with_epsilon (c.x, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.y, 2.0, 1e-12);
  g_assert_cmpfloat (d.x, ==, 2.0);
  g_assert_cmpfloat (d.y, ==, 4.0);

  /* Inside: both ends keep their exact coordinates. */
  g_assert_true (sd_clip_segment_points (&r, &e, &f));
  g_assert_cmpfloat (e.x, ==, 1.5);
  g_assert_cmpfloat (f.y, ==, 5.5);

  /* Outside: nothing moves. */
  a = (SdPoint) { 20, 20 };
  b = (SdPoint) { 30, 40 };
  g_assert_false (sd_clip_segment_points (&square, &a, &b));
  g_assert_cmpfloat (a.x, ==, 20.0);
  g_assert_cmpfloat (b.y, ==, 40.0);
}

/* The y axis may point either way: a rectangle of data coordinates with
 * y up clips alike. Far points, beyond what cairo can draw, come back
 * onto the edge. */
static void
test_segment_far (void)
{
  const cairo_rectangle_t view = { -2.0, -2.0, 4.0, 4.0 };
  SdPoint a = { 0.0, 0.0 }, b = { 1e300, 1e300 };

  g_assert_true (sd_clip_segment_points (&view, &a, &b));
  g_assert_cmpfloat_with_epsilon (b.x, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b.y, 2.0, 1e-9);

  a = (SdPoint) { NAN, 0.0 };
  b = (SdPoint) { 1.0, 1.0 };
  g_assert_false (sd_clip_segment (&view, &a, &b, NULL, NULL));
  a = (SdPoint) { 0.0, 0.0 };
  b = (SdPoint) { INFINITY, 1.0 };
  g_assert_false (sd_clip_segment (&view, &a, &b, NULL, NULL));
}

static void
collect_piece (const SdPoint *points,
               guint          n_points,
               gpointer       user_data)
{
  GPtrArray *pieces = user_data;
  GArray *piece = g_array_new (FALSE, FALSE, sizeof (SdPoint));

  g_array_append_vals (piece, points, n_points);
  g_ptr_array_add (pieces, piece);
}

static void
assert_point (GArray *piece,
              guint   index,
              double  x,
              double  y)
{
  const SdPoint *p = &g_array_index (piece, SdPoint, index);

  g_assert_cmpfloat_with_epsilon (p->x, x, 1e-12);
  g_assert_cmpfloat_with_epsilon (p->y, y, 1e-12);
}

/* A zigzag that leaves the square through the right edge and comes back,
 * then a point that breaks the line, then a stretch wholly outside. */
static void
test_polyline (void)
{
  const SdPoint points[] = {
    { 2, 2 }, { 8, 2 }, { 14, 6 }, { 8, 8 }, { 4, 8 },
    { NAN, NAN },
    { 2, 5 }, { 6, 5 },
    { 20, 20 }, { 30, 20 },
  };
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *piece;

  g_assert_cmpuint (sd_clip_polyline (&square, points, G_N_ELEMENTS (points), collect_piece,
                                      pieces), ==, 3);
  g_assert_cmpuint (pieces->len, ==, 3);

  /* (8, 2) to (14, 6) leaves at x = 10, a third of the way: y = 10/3. */
  piece = g_ptr_array_index (pieces, 0);
  g_assert_cmpuint (piece->len, ==, 3);
  assert_point (piece, 0, 2, 2);
  assert_point (piece, 1, 8, 2);
  assert_point (piece, 2, 10, 2 + 4.0 / 3);

  /* (14, 6) to (8, 8) comes back at x = 10, two thirds of the way. */
  piece = g_ptr_array_index (pieces, 1);
  g_assert_cmpuint (piece->len, ==, 3);
  assert_point (piece, 0, 10, 6 + 4.0 / 3);
  assert_point (piece, 1, 8, 8);
  assert_point (piece, 2, 4, 8);

  /* After the break, (6, 5) to (20, 20) reaches x = 10 at t = 2/7, before
   * y = 10 at t = 1/3, and leaves there; the last segment is outside. */
  piece = g_ptr_array_index (pieces, 2);
  g_assert_cmpuint (piece->len, ==, 3);
  assert_point (piece, 0, 2, 5);
  assert_point (piece, 1, 6, 5);
  assert_point (piece, 2, 10, 5 + 15.0 * 2 / 7);
}

static void
test_polyline_empty (void)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const SdPoint lone[] = { { 5, 5 } };

  g_assert_cmpuint (sd_clip_polyline (&square, NULL, 0, collect_piece, pieces), ==, 0);
  g_assert_cmpuint (sd_clip_polyline (&square, lone, 1, collect_piece, pieces), ==, 0);
  g_assert_cmpuint (pieces->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/clip/segment", test_segment);
  g_test_add_func ("/render/clip/segment/points", test_segment_points);
  g_test_add_func ("/render/clip/segment/far", test_segment_far);
  g_test_add_func ("/render/clip/polyline", test_polyline);
  g_test_add_func ("/render/clip/polyline/empty", test_polyline_empty);

  return g_test_run ();
}
