/* test-label-placer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "label-placer.h"

static const cairo_rectangle_t bounds = { 0.0, 0.0, 400.0, 300.0 };

static void
assert_box (const cairo_rectangle_t *box,
            double                   x,
            double                   y,
            double                   width,
            double                   height)
{
  g_assert_cmpfloat_with_epsilon (box->x, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (box->y, y, 1e-9);
  g_assert_cmpfloat_with_epsilon (box->width, width, 1e-9);
  g_assert_cmpfloat_with_epsilon (box->height, height, 1e-9);
}

static gboolean
inside (const cairo_rectangle_t *box,
        const cairo_rectangle_t *r,
        double                   inset)
{
  return box->x >= r->x + inset && box->y >= r->y + inset
         && box->x + box->width <= r->x + r->width - inset
         && box->y + box->height <= r->y + r->height - inset;
}

static void
test_rects (void)
{
  const cairo_rectangle_t a = { 0, 0, 10, 10 };
  const cairo_rectangle_t b = { 5, 5, 10, 10 };
  const cairo_rectangle_t touching = { 10, 0, 5, 5 };
  const cairo_rectangle_t near = { 12, 0, 5, 5 };

  g_assert_true (sd_rect_intersects (&a, &b, 0.0));
  g_assert_false (sd_rect_intersects (&a, &touching, 0.0));
  g_assert_true (sd_rect_intersects (&a, &touching, 0.5));
  g_assert_false (sd_rect_intersects (&a, &near, 2.0));
  g_assert_true (sd_rect_intersects (&a, &near, 2.5));

  g_assert_cmpfloat (sd_rect_overlap_area (&a, &b), ==, 25.0);
  g_assert_cmpfloat (sd_rect_overlap_area (&a, &touching), ==, 0.0);
  g_assert_cmpfloat (sd_rect_overlap_area (&b, &b), ==, 100.0);
}

/* A 40 × 10 label 5 beyond (100, 100): to the right its left edge is 5
 * away; above, its bottom edge; at 45° down-right its centre is
 * 5 + (40 + 10)/2 × √½ out along the diagonal. */
static void
test_box_beyond (void)
{
  cairo_rectangle_t box;
  double r = G_SQRT2 / 2, reach = 5.0 + (40.0 * r + 10.0 * r) / 2;

  sd_label_box_beyond (40, 10, 100, 100, 1, 0, 5, &box);
  assert_box (&box, 105, 95, 40, 10);
  sd_label_box_beyond (40, 10, 100, 100, 0, -1, 5, &box);
  assert_box (&box, 80, 85, 40, 10);
  sd_label_box_beyond (40, 10, 100, 100, r, r, 5, &box);
  assert_box (&box, 100 + reach * r - 20, 100 + reach * r - 5, 40, 10);
}

/* The preferred side when it is free; turned by 45° (clockwise on the
 * page, y down) when an obstacle takes it; the opposite turn after that. */
static void
test_place_around (void)
{
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (&bounds);
  const SdLabelRequest request = { 40, 10, 200, 150, 1, 0, 5, 2, 12 };
  const cairo_rectangle_t obstacle = { 205, 140, 10, 20 };
  double r = G_SQRT2 / 2, reach = 5.0 + 25.0 * r;
  cairo_rectangle_t box;
  guint n;

  g_assert_true (sd_label_placer_place_around (placer, &request, &box));
  assert_box (&box, 205, 145, 40, 10);

  sd_label_placer_free (placer);
  placer = sd_label_placer_new (&bounds);
  sd_label_placer_add_obstacle (placer, &obstacle);
  g_assert_true (sd_label_placer_place_around (placer, &request, &box));
  assert_box (&box, 200 + reach * r - 20, 150 + reach * r - 5, 40, 10);
  g_assert_false (sd_rect_intersects (&box, &obstacle, 0.0));

  /* The same request again: the first two places are taken now. */
  g_assert_true (sd_label_placer_place_around (placer, &request, &box));
  assert_box (&box, 200 + reach * r - 20, 150 - reach * r - 5, 40, 10);

  g_assert_nonnull (sd_label_placer_get_labels (placer, &n));
  g_assert_cmpuint (n, ==, 2);
}

/* Near the right edge of the bounds a 60 pt wide label goes to the left
 * of its point, the one side that keeps it inside, the inset away from
 * the edges; it cannot go where it does not fit at all. */
static void
test_place_inside (void)
{
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (&bounds);
  const SdLabelRequest request = { 60, 14, 395, 150, 1, 0, 4, 1, 0 };
  const SdLabelRequest huge = { 500, 14, 200, 150, 1, 0, 4, 3, 10 };
  cairo_rectangle_t box;

  sd_label_placer_set_margins (placer, 2.0, 0.0);
  g_assert_true (sd_label_placer_place_around (placer, &request, &box));
  g_assert_true (inside (&box, &bounds, 2.0));
  assert_box (&box, 395 - 4 - 60, 150 - 7, 60, 14);

  /* Not placed: the box is the preferred one, for a caller that keeps it. */
  g_assert_false (sd_label_placer_place_around (placer, &huge, &box));
  assert_box (&box, 204, 143, 500, 14);
  sd_label_placer_clamp (placer, &box, 0.0);
  assert_box (&box, -100, 143, 500, 14);
}

/* Many labels around few points: every label placed covers no other and
 * no obstacle, and stays inside the bounds. */
static void
test_no_overlaps (void)
{
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (&bounds);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  const cairo_rectangle_t *labels;
  guint n_labels, n_placed = 0;

  sd_label_placer_set_margins (placer, 1.5, 0.0);
  for (guint i = 0; i < 12; i++)
    {
      cairo_rectangle_t point = { g_rand_double_range (rand, 0, 396),
                                  g_rand_double_range (rand, 0, 296), 4, 4 };

      sd_label_placer_add_obstacle (placer, &point);
      g_array_append_val (obstacles, point);
    }

  for (guint i = 0; i < 60; i++)
    {
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);
      SdLabelRequest request = {
        g_rand_double_range (rand, 10, 70), g_rand_double_range (rand, 8, 16),
        g_rand_double_range (rand, 0, 400), g_rand_double_range (rand, 0, 300),
        cos (angle), sin (angle), 4, 3, 12,
      };
      cairo_rectangle_t box;

      n_placed += sd_label_placer_place_around (placer, &request, &box);
    }

  labels = sd_label_placer_get_labels (placer, &n_labels);
  g_assert_cmpuint (n_labels, ==, n_placed);
  g_assert_cmpuint (n_labels, >=, 20);
  for (guint i = 0; i < n_labels; i++)
    {
      g_assert_true (inside (&labels[i], &bounds, 1.5));
      for (guint j = 0; j < i; j++)
        g_assert_false (sd_rect_intersects (&labels[i], &labels[j], 0.0));
      for (guint j = 0; j < obstacles->len; j++)
        g_assert_false (sd_rect_intersects (&labels[i],
                                            &g_array_index (obstacles, cairo_rectangle_t, j), 0.0));
    }
}

/* The clearance keeps labels that far apart. */
static void
test_clearance (void)
{
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (NULL);
  const cairo_rectangle_t first = { 0, 0, 20, 10 };
  const cairo_rectangle_t close = { 21, 0, 20, 10 };
  const cairo_rectangle_t apart = { 23, 0, 20, 10 };

  sd_label_placer_set_margins (placer, 0.0, 2.0);
  g_assert_true (sd_label_placer_try (placer, &first));
  g_assert_false (sd_label_placer_try (placer, &close));
  g_assert_true (sd_label_placer_try (placer, &apart));
  /* Without bounds, anywhere else is free. */
  g_assert_true (sd_label_placer_is_free (placer, &(cairo_rectangle_t) { -1e6, 1e6, 5, 5 }));
}

/* A label that must show settles inside the bounds and off the labels
 * before it: up by half its height at a time. */
static void
test_settle (void)
{
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (&bounds);
  const cairo_rectangle_t taken = { 100, 100, 50, 20 };
  cairo_rectangle_t box = { 110, 105, 40, 20 };
  cairo_rectangle_t outside = { 390, 295, 40, 20 };

  sd_label_placer_add_label (placer, &taken);
  sd_label_placer_settle (placer, &box, 4.0);
  /* 105 → 95 → 85 → 75, the first clear of the label above y = 100 is 80,
   * but steps are 10: 75 + 20 <= 100. */
  assert_box (&box, 110, 75, 40, 20);

  sd_label_placer_settle (placer, &outside, 4.0);
  assert_box (&outside, 400 - 4 - 40, 300 - 4 - 20, 40, 20);
}

/* The box that hides the least: labels and obstacles count whole,
 * areas as weighted. */
static void
test_least_covered (void)
{
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (&bounds);
  const cairo_rectangle_t corners[] = {
    { 0, 0, 100, 50 }, { 300, 0, 100, 50 }, { 0, 250, 100, 50 },
  };

  sd_label_placer_add_obstacle (placer, &(cairo_rectangle_t) { 10, 10, 10, 10 });
  sd_label_placer_add_area (placer, &(cairo_rectangle_t) { 300, 0, 100, 50 }, 0.25);
  sd_label_placer_add_label (placer, &(cairo_rectangle_t) { 50, 260, 20, 20 });

  g_assert_cmpfloat (sd_label_placer_covered (placer, &corners[0]), ==, 100.0);
  g_assert_cmpfloat (sd_label_placer_covered (placer, &corners[1]), ==, 1250.0);
  g_assert_cmpfloat (sd_label_placer_covered (placer, &corners[2]), ==, 400.0);
  g_assert_cmpuint (sd_label_placer_least_covered (placer, corners, 3), ==, 0);

  /* A tie goes to the first candidate. */
  g_assert_cmpuint (sd_label_placer_least_covered (placer, (const cairo_rectangle_t[]) {
                                                     { 200, 100, 10, 10 }, { 220, 100, 10, 10 },
                                                   }, 2), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/label-placer/rects", test_rects);
  g_test_add_func ("/render/label-placer/box-beyond", test_box_beyond);
  g_test_add_func ("/render/label-placer/around", test_place_around);
  g_test_add_func ("/render/label-placer/inside", test_place_inside);
  g_test_add_func ("/render/label-placer/no-overlaps", test_no_overlaps);
  g_test_add_func ("/render/label-placer/clearance", test_clearance);
  g_test_add_func ("/render/label-placer/settle", test_settle);
  g_test_add_func ("/render/label-placer/least-covered", test_least_covered);

  return g_test_run ();
}
