/* test-contour.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "contour.h"
#include "core-error.h"

typedef double (*Field) (double x,
                         double y);

/* A field sampled on an n x n grid over [lo, hi]^2. */
typedef struct
{
  guint   n;
  double *xs;
  double *values;
} Sampled;

static void
sampled_init (Sampled *s,
              Field    f,
              guint    n,
              double   lo,
              double   hi)
{
  s->n = n;
  s->xs = g_new (double, n);
  s->values = g_new (double, (gsize) n * n);
  for (guint i = 0; i < n; i++)
    s->xs[i] = lo + (hi - lo) * i / (n - 1);
  for (guint j = 0; j < n; j++)
    for (guint i = 0; i < n; i++)
      s->values[(gsize) j * n + i] = f (s->xs[i], s->xs[j]);
}

static void
sampled_clear (Sampled *s)
{
  g_clear_pointer (&s->xs, g_free);
  g_clear_pointer (&s->values, g_free);
}

static SdContourSet *
sampled_contours (const Sampled *s,
                  const double  *levels,
                  guint          n_levels)
{
  return sd_contours_compute (s->values, s->xs, s->n, s->xs, s->n, levels, n_levels);
}

static const SdContourLine *
get_line (const SdContourSet *set,
          guint               level,
          guint               line)
{
  g_assert_cmpuint (level, <, set->n_levels);
  g_assert_cmpuint (line, <, set->levels[level].lines->len);

  return g_ptr_array_index (set->levels[level].lines, line);
}

static const SdContourPoint *
get_point (const SdContourLine *line,
           guint                i)
{
  return &g_array_index (line->points, SdContourPoint, i);
}

/* Shoelace formula: positive for counter-clockwise vertices. */
static double
signed_area (const SdContourLine *line)
{
  double area = 0.0;

  for (guint i = 0; i < line->points->len; i++)
    {
      const SdContourPoint *p = get_point (line, i);
      const SdContourPoint *q = get_point (line, (i + 1) % line->points->len);

      area += p->x * q->y - q->x * p->y;
    }

  return area / 2.0;
}

static void
assert_no_repeats (const SdContourLine *line)
{
  guint n = line->points->len;

  g_assert_cmpuint (n, >=, line->closed ? 3 : 2);
  for (guint i = 1; i < n; i++)
    g_assert_false (get_point (line, i)->x == get_point (line, i - 1)->x
                    && get_point (line, i)->y == get_point (line, i - 1)->y);
  if (line->closed)
    g_assert_false (get_point (line, 0)->x == get_point (line, n - 1)->x
                    && get_point (line, 0)->y == get_point (line, n - 1)->y);
}

static double
paraboloid (double x,
            double y)
{
  return x * x + y * y;
}

/* Along a grid edge the linear interpolant of x^2 + y^2 exceeds the field by
 * (x - x0)(x1 - x) <= h^2 / 4, so every vertex of the level-1 contour has
 * r^2 in [1 - h^2 / 4, 1]: on or just inside the unit circle. The polygon is
 * then inside the circle, and it contains the circle of radius
 * sqrt (1 - h^2 / 4) cos (delta), where delta <= h / sqrt 2 is half the angle
 * between neighbouring vertices; hence 0 < pi - area <= 0.75 pi h^2. */
static double
check_circle (guint n)
{
  g_autoptr(SdContourSet) set = NULL;
  const SdContourLine *line;
  double level = 1.0;
  double h = 4.0 / (n - 1);
  double r_min = sqrt (1.0 - h * h / 4.0);
  double area, deficit;
  Sampled s;

  sampled_init (&s, paraboloid, n, -2.0, 2.0);
  set = sampled_contours (&s, &level, 1);
  sampled_clear (&s);

  g_assert_cmpuint (set->n_levels, ==, 1);
  g_assert_cmpfloat (set->levels[0].value, ==, 1.0);
  g_assert_cmpuint (set->levels[0].lines->len, ==, 1);
  line = get_line (set, 0, 0);
  g_assert_true (line->closed);
  assert_no_repeats (line);

  for (guint i = 0; i < line->points->len; i++)
    {
      const SdContourPoint *p = get_point (line, i);
      double r = hypot (p->x, p->y);

      g_assert_cmpfloat (r, >=, r_min - 1e-12);
      g_assert_cmpfloat (r, <=, 1.0 + 1e-12);
    }

  /* Lower values inside, on the right of the direction of travel: clockwise. */
  area = signed_area (line);
  g_assert_cmpfloat (area, <, 0.0);
  deficit = G_PI + area;
  g_assert_cmpfloat (deficit, >, 0.0);
  g_assert_cmpfloat (deficit, <=, 0.75 * G_PI * h * h);

  return deficit;
}

static void
test_circle (void)
{
  double coarse = check_circle (101);
  double fine = check_circle (401);

  /* Second order: a quarter of the spacing leaves about a sixteenth. */
  g_assert_cmpfloat (fine, <, coarse / 8.0);
}

/* z = x on an uneven grid: straight vertical lines at x = level. */
static void
test_plane (void)
{
  static const double ys[] = { 0, 0.5, 1.5, 3, 3.2, 5 };
  static const double levels[] = { 2.5, 7.25, 3.0, 0.0, 10.0 };
  double xs[11], values[6 * 11];
  g_autoptr(SdContourSet) set = NULL;

  for (guint i = 0; i < 11; i++)
    xs[i] = i;
  for (guint j = 0; j < 6; j++)
    for (guint i = 0; i < 11; i++)
      values[j * 11 + i] = xs[i];

  set = sd_contours_compute (values, xs, 11, ys, 6, levels, G_N_ELEMENTS (levels));
  g_assert_cmpuint (set->n_levels, ==, G_N_ELEMENTS (levels));

  /* Levels on a grid column (3) and on the lowest column (0) give a line
   * there, since "above" is strict; the highest column (10) has nothing
   * above it and gives none. */
  for (guint k = 0; k < 4; k++)
    {
      const SdContourLine *line;

      g_assert_cmpfloat (set->levels[k].value, ==, levels[k]);
      g_assert_cmpuint (set->levels[k].lines->len, ==, 1);
      line = get_line (set, k, 0);
      g_assert_false (line->closed);
      g_assert_cmpuint (line->points->len, ==, 6);

      /* Higher x on the left: the line runs downwards. */
      for (guint j = 0; j < 6; j++)
        {
          g_assert_cmpfloat (get_point (line, j)->x, ==, levels[k]);
          g_assert_cmpfloat (get_point (line, j)->y, ==, ys[5 - j]);
        }
    }
  g_assert_cmpuint (set->levels[4].lines->len, ==, 0);
}

static void
assert_segment (const SdContourSet *set,
                guint               level,
                double              x0,
                double              y0,
                double              x1,
                double              y1)
{
  GPtrArray *lines = set->levels[level].lines;

  for (guint i = 0; i < lines->len; i++)
    {
      const SdContourLine *line = g_ptr_array_index (lines, i);

      if (fabs (get_point (line, 0)->x - x0) < 1e-15 && fabs (get_point (line, 0)->y - y0) < 1e-15)
        {
          g_assert_false (line->closed);
          g_assert_cmpuint (line->points->len, ==, 2);
          g_assert_cmpfloat_with_epsilon (get_point (line, 1)->x, x1, 1e-15);
          g_assert_cmpfloat_with_epsilon (get_point (line, 1)->y, y1, 1e-15);
          return;
        }
    }

  g_error ("level %u: no line from (%g, %g)", level, x0, y0);
}

/* One cell whose above corners sit on a diagonal. The centre value, the mean
 * 0.5, decides: above the level it joins the high corners (the lines cut off
 * the low ones), otherwise it separates them. A centre equal to the level is
 * not above it. */
static void
test_saddle (void)
{
  static const double axis[] = { 0, 1 };
  static const double diagonal[] = { 1, 0, 0, 1 };      /* high at (0,0) and (1,1) */
  static const double antidiagonal[] = { 0, 1, 1, 0 };  /* high at (1,0) and (0,1) */
  static const double levels[] = { 0.5, 0.4, 0.6 };
  g_autoptr(SdContourSet) set = NULL;
  g_autoptr(SdContourSet) anti = NULL;

  set = sd_contours_compute (diagonal, axis, 2, axis, 2, levels, 3);
  for (guint k = 0; k < 3; k++)
    g_assert_cmpuint (set->levels[k].lines->len, ==, 2);

  /* 0.5: centre not above, the high corners are cut off separately. */
  assert_segment (set, 0, 0.5, 0, 0, 0.5);
  assert_segment (set, 0, 0.5, 1, 1, 0.5);
  /* 0.4: centre above, the low corners (1,0) and (0,1) are cut off. */
  assert_segment (set, 1, 0.6, 0, 1, 0.4);
  assert_segment (set, 1, 0.4, 1, 0, 0.6);
  /* 0.6: centre below again. */
  assert_segment (set, 2, 0.4, 0, 0, 0.4);
  assert_segment (set, 2, 0.6, 1, 1, 0.6);

  anti = sd_contours_compute (antidiagonal, axis, 2, axis, 2, levels, 3);
  assert_segment (anti, 0, 1, 0.5, 0.5, 0);
  assert_segment (anti, 0, 0, 0.5, 0.5, 1);
  assert_segment (anti, 1, 0, 0.4, 0.4, 0);
  assert_segment (anti, 1, 1, 0.6, 0.6, 1);
}

typedef struct
{
  double   level;
  gboolean closed;
  guint    n;
  double   xy[2 * 11];
} ReferenceLine;

/* Lines traced by contourpy 1.0.7 (matplotlib's contour generator), which
 * also resolves saddles by the mean of the corners and keeps high values on
 * the left; this field has saddle cells resolved both ways. Closed lines are
 * listed without the repeated first point.
 *
 * import numpy as np, contourpy
 * x = np.arange(8.0); y = np.arange(7.0)
 * z = np.sin(1.3 * x[None, :] + 0.4) * np.cos(1.1 * y[:, None] - 0.2)
 * for level in (0.0, 0.3):
 *     gen = contourpy.contour_generator(x, y, z, name="serial", corner_mask=False,
 *                                       line_type="SeparateCode")
 *     for p, c in zip(*gen.lines(level)):
 *         closed = c[-1] == 79
 *         p = p[:-1] if closed else p
 *         print("  { %r, %s, %d, {" % (level, "TRUE" if closed else "FALSE", len(p)))
 *         print("\n".join("      %r, %r," % tuple(q) for q in p.tolist()))
 *         print("    } },")
 */
static const ReferenceLine contourpy_lines[] = {
  { 0.0, FALSE, 5, {
      2.1334738334058887, 0.0,
      2.1334738334058887, 1.0,
      2.0, 1.598993873501795,
      1.0, 1.598993873501795,
      0.0, 1.598993873501795,
    } },
  { 0.0, FALSE, 3, {
      6.926023746512228, 0.0,
      6.926023746512228, 1.0,
      7.0, 1.598993873501795,
    } },
  { 0.0, TRUE, 10, {
      2.1334738334058887, 2.0,
      3.0, 1.598993873501795,
      4.0, 1.598993873501795,
      4.5218345845675465, 2.0,
      4.5218345845675465, 3.0,
      4.5218345845675465, 4.0,
      4.0, 4.46931296329779,
      3.0, 4.46931296329779,
      2.1334738334058887, 4.0,
      2.1334738334058887, 3.0,
    } },
  { 0.0, FALSE, 5, {
      0.0, 4.46931296329779,
      1.0, 4.46931296329779,
      2.0, 4.46931296329779,
      2.1334738334058887, 5.0,
      2.1334738334058887, 6.0,
    } },
  { 0.0, FALSE, 3, {
      7.0, 4.46931296329779,
      6.926023746512228, 5.0,
      6.926023746512228, 6.0,
    } },
  { 0.0, FALSE, 11, {
      4.5218345845675465, 6.0,
      4.5218345845675465, 5.0,
      5.0, 4.46931296329779,
      6.0, 4.46931296329779,
      6.926023746512228, 4.0,
      6.926023746512228, 3.0,
      6.926023746512228, 2.0,
      6.0, 1.598993873501795,
      5.0, 1.598993873501795,
      4.5218345845675465, 1.0,
      4.5218345845675465, 0.0,
    } },
  { 0.3, FALSE, 5, {
      1.8060282715755906, 0.0,
      1.598495300753932, 1.0,
      1.0, 1.3074789701423515,
      0.15475292220212442, 1.0,
      0.0, 0.5849713342658314,
    } },
  { 0.3, FALSE, 6, {
      6.624707500368636, 0.0,
      6.4509509560492955, 1.0,
      6.0, 1.2916953921977403,
      5.0, 1.0992269328770103,
      4.920789026933042, 1.0,
      4.774872555525095, 0.0,
    } },
  { 0.3, TRUE, 10, {
      2.8153133982425573, 2.0,
      3.0, 1.914531768754354,
      3.685387956384377, 2.0,
      4.0, 2.1013539397500223,
      4.273625863062328, 3.0,
      4.015993514946534, 4.0,
      4.0, 4.0143837992250475,
      3.0, 4.155852712971106,
      2.712237963820208, 4.0,
      2.417464820873251, 3.0,
    } },
  { 0.3, FALSE, 5, {
      0.0, 5.492252030968899,
      0.251943776067062, 5.0,
      1.0, 4.758908400029314,
      1.5296772346022296, 5.0,
      1.810781812939358, 6.0,
    } },
  { 0.3, FALSE, 6, {
      4.77153033968466, 6.0,
      4.969175022383395, 5.0,
      5.0, 4.965789211223122,
      6.0, 4.774588051722524,
      6.393333174576224, 5.0,
      6.6286873929003, 6.0,
    } },
};

static double
waves (double x,
       double y)
{
  return sin (1.3 * x + 0.4) * cos (1.1 * y - 0.2);
}

static gboolean
line_matches (const SdContourLine *line,
              const ReferenceLine *ref)
{
  guint n = ref->n;

  if (line->closed != ref->closed || line->points->len != n)
    return FALSE;

  /* Same direction; a loop may start anywhere. */
  for (guint shift = 0; shift < (ref->closed ? n : 1); shift++)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n && same; i++)
        {
          const SdContourPoint *p = get_point (line, (i + shift) % n);

          same = fabs (p->x - ref->xy[2 * i]) < 1e-12 && fabs (p->y - ref->xy[2 * i + 1]) < 1e-12;
        }
      if (same)
        return TRUE;
    }

  return FALSE;
}

static void
test_contourpy (void)
{
  static const double levels[] = { 0.0, 0.3 };
  double xs[8], ys[7], values[7 * 8];
  g_autoptr(SdContourSet) set = NULL;
  guint n_lines[2] = { 0, 0 };

  for (guint i = 0; i < 8; i++)
    xs[i] = i;
  for (guint j = 0; j < 7; j++)
    ys[j] = j;
  for (guint j = 0; j < 7; j++)
    for (guint i = 0; i < 8; i++)
      values[j * 8 + i] = waves (xs[i], ys[j]);

  set = sd_contours_compute (values, xs, 8, ys, 7, levels, 2);

  for (guint r = 0; r < G_N_ELEMENTS (contourpy_lines); r++)
    {
      const ReferenceLine *ref = &contourpy_lines[r];
      guint k = ref->level == 0.0 ? 0 : 1;
      GPtrArray *lines = set->levels[k].lines;
      gboolean found = FALSE;

      n_lines[k]++;
      for (guint i = 0; i < lines->len && !found; i++)
        found = line_matches (g_ptr_array_index (lines, i), ref);
      if (!found)
        g_error ("contourpy line %u (level %g) not found", r, ref->level);
    }

  g_assert_cmpuint (set->levels[0].lines->len, ==, n_lines[0]);
  g_assert_cmpuint (set->levels[1].lines->len, ==, n_lines[1]);
}

/* Holes of non-finite values split lines; the lines end at the hole. */
static void
test_nan_holes (void)
{
  double xs[11], ys[6], values[6 * 11];
  double level = 5.5;
  g_autoptr(SdContourSet) set = NULL;
  g_autoptr(SdContourSet) ring = NULL;
  g_autoptr(SdContourSet) empty = NULL;
  const SdContourLine *upper, *lower;
  Sampled s;

  for (guint i = 0; i < 11; i++)
    xs[i] = i;
  for (guint j = 0; j < 6; j++)
    ys[j] = j;
  for (guint j = 0; j < 6; j++)
    for (guint i = 0; i < 11; i++)
      values[j * 11 + i] = xs[i];

  /* z = x with a NaN at (5, 2): the cells (5, 1) and (5, 2), which the line
   * x = 5.5 crosses, are dropped. */
  values[2 * 11 + 5] = NAN;
  set = sd_contours_compute (values, xs, 11, ys, 6, &level, 1);
  g_assert_cmpuint (set->levels[0].lines->len, ==, 2);
  upper = get_line (set, 0, 0);
  lower = get_line (set, 0, 1);
  if (get_point (upper, 0)->y < get_point (lower, 0)->y)
    {
      const SdContourLine *swap = upper;

      upper = lower;
      lower = swap;
    }
  g_assert_false (upper->closed);
  g_assert_false (lower->closed);
  g_assert_cmpuint (upper->points->len, ==, 3);
  g_assert_cmpuint (lower->points->len, ==, 2);
  g_assert_cmpfloat (get_point (upper, 0)->y, ==, 5.0);
  g_assert_cmpfloat (get_point (upper, 2)->y, ==, 3.0);
  g_assert_cmpfloat (get_point (lower, 0)->y, ==, 1.0);
  g_assert_cmpfloat (get_point (lower, 1)->y, ==, 0.0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (get_point (upper, i)->x, ==, 5.5);

  /* An infinity is a hole too, and so is a non-finite coordinate. */
  values[2 * 11 + 5] = INFINITY;
  g_clear_pointer (&set, sd_contour_set_free);
  set = sd_contours_compute (values, xs, 11, ys, 6, &level, 1);
  g_assert_cmpuint (set->levels[0].lines->len, ==, 2);

  /* A NaN y = ys[4] removes the two rows of cells next to it, y in [3, 5]. */
  values[2 * 11 + 5] = 5.0;
  ys[4] = NAN;
  g_clear_pointer (&set, sd_contour_set_free);
  set = sd_contours_compute (values, xs, 11, ys, 6, &level, 1);
  g_assert_cmpuint (set->levels[0].lines->len, ==, 1);
  g_assert_cmpuint (get_line (set, 0, 0)->points->len, ==, 4);
  g_assert_cmpfloat (get_point (get_line (set, 0, 0), 0)->y, ==, 3.0);
  ys[4] = 4;

  /* A hole on the unit circle opens the loop into one line whose two ends
   * are at the hole. The grid point (1, 0) lies on the circle. */
  sampled_init (&s, paraboloid, 41, -2.0, 2.0);
  s.values[20 * 41 + 30] = NAN;
  level = 1.0;
  ring = sampled_contours (&s, &level, 1);
  sampled_clear (&s);
  g_assert_cmpuint (ring->levels[0].lines->len, ==, 1);
  g_assert_false (get_line (ring, 0, 0)->closed);
  {
    const SdContourLine *line = get_line (ring, 0, 0);
    const SdContourPoint *first = get_point (line, 0);
    const SdContourPoint *last = get_point (line, line->points->len - 1);

    g_assert_cmpfloat (hypot (first->x - 1.0, first->y), <=, 0.1 * M_SQRT2 + 1e-12);
    g_assert_cmpfloat (hypot (last->x - 1.0, last->y), <=, 0.1 * M_SQRT2 + 1e-12);
  }

  /* Nothing but NaN: no lines, no crash. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = NAN;
  empty = sd_contours_compute (values, xs, 11, ys, 6, &level, 1);
  g_assert_cmpuint (empty->levels[0].lines->len, ==, 0);
}

/* Two Gaussian bumps at (+-1.5, 0): the level 1/2 gives two separate
 * circles of radius r0 with exp (-r0^2 / 0.25) = 1/2 (the other bump adds
 * e^-36 there, nothing). */
static double
two_bumps (double x,
           double y)
{
  return exp (-((x + 1.5) * (x + 1.5) + y * y) / 0.25)
         + exp (-((x - 1.5) * (x - 1.5) + y * y) / 0.25);
}

static void
test_two_blobs (void)
{
  double level = 0.5;
  double r0 = sqrt (0.25 * G_LN2);
  g_autoptr(SdContourSet) set = NULL;
  gboolean seen[2] = { FALSE, FALSE };
  Sampled s;

  sampled_init (&s, two_bumps, 201, -3.0, 3.0);
  set = sampled_contours (&s, &level, 1);
  sampled_clear (&s);

  g_assert_cmpuint (set->levels[0].lines->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const SdContourLine *line = get_line (set, 0, i);
      double cx = 0, cy = 0;
      guint n = line->points->len;

      g_assert_true (line->closed);
      assert_no_repeats (line);
      for (guint k = 0; k < n; k++)
        {
          cx += get_point (line, k)->x / n;
          cy += get_point (line, k)->y / n;
        }
      g_assert_cmpfloat_with_epsilon (fabs (cx), 1.5, 1e-3);
      g_assert_cmpfloat_with_epsilon (cy, 0.0, 1e-3);
      seen[cx > 0] = TRUE;

      /* Around a maximum: counter-clockwise, positive area. */
      g_assert_cmpfloat_with_epsilon (signed_area (line), G_PI * r0 * r0, 1e-2 * G_PI * r0 * r0);
    }
  g_assert_true (seen[0] && seen[1]);
}

/* Lines through grid points: z = x + y at level 0 runs through the grid
 * points of the anti-diagonal, where the crossings of two edges coincide. */
static void
test_through_grid_points (void)
{
  double level = 0.0;
  g_autoptr(SdContourSet) diagonal = NULL;
  g_autoptr(SdContourSet) minimum = NULL;
  double xs[5] = { -2, -1, 0, 1, 2 };
  double values[25];
  const SdContourLine *line;

  for (guint j = 0; j < 5; j++)
    for (guint i = 0; i < 5; i++)
      values[j * 5 + i] = xs[i] + xs[j];

  diagonal = sd_contours_compute (values, xs, 5, xs, 5, &level, 1);
  g_assert_cmpuint (diagonal->levels[0].lines->len, ==, 1);
  line = get_line (diagonal, 0, 0);
  g_assert_false (line->closed);
  assert_no_repeats (line);
  for (guint i = 0; i < line->points->len; i++)
    g_assert_cmpfloat (get_point (line, i)->x + get_point (line, i)->y, ==, 0.0);

  /* A minimum exactly at the level touches it in one point: no line. */
  for (guint j = 0; j < 5; j++)
    for (guint i = 0; i < 5; i++)
      values[j * 5 + i] = xs[i] * xs[i] + xs[j] * xs[j];
  minimum = sd_contours_compute (values, xs, 5, xs, 5, &level, 1);
  g_assert_cmpuint (minimum->levels[0].lines->len, ==, 0);
}

static void
test_levels_order (void)
{
  static const double levels[] = { 0.3, NAN, -0.2, 0.3, INFINITY };
  double xs[8], values[8 * 8];
  g_autoptr(SdContourSet) set = NULL;

  for (guint i = 0; i < 8; i++)
    xs[i] = i;
  for (guint j = 0; j < 8; j++)
    for (guint i = 0; i < 8; i++)
      values[j * 8 + i] = waves (xs[i], xs[j]);

  set = sd_contours_compute (values, xs, 8, xs, 8, levels, G_N_ELEMENTS (levels));
  g_assert_cmpuint (set->n_levels, ==, 5);
  g_assert_cmpfloat (set->levels[0].value, ==, 0.3);
  g_assert_true (isnan (set->levels[1].value));
  g_assert_cmpfloat (set->levels[2].value, ==, -0.2);
  g_assert_cmpuint (set->levels[0].lines->len, >, 0);
  g_assert_cmpuint (set->levels[2].lines->len, >, 0);
  g_assert_cmpuint (set->levels[1].lines->len, ==, 0);
  g_assert_cmpuint (set->levels[4].lines->len, ==, 0);

  /* A repeated level gets the same lines again. */
  g_assert_cmpuint (set->levels[3].lines->len, ==, set->levels[0].lines->len);
  for (guint i = 0; i < set->levels[0].lines->len; i++)
    {
      const SdContourLine *a = get_line (set, 0, i);
      const SdContourLine *b = get_line (set, 3, i);

      g_assert_cmpuint (a->points->len, ==, b->points->len);
      g_assert_cmpmem (a->points->data, a->points->len * sizeof (SdContourPoint),
                       b->points->data, b->points->len * sizeof (SdContourPoint));
    }
}

static void
test_degenerate_grids (void)
{
  static const double one[] = { 0.0 };
  static const double two[] = { 0.0, 1.0 };
  static const double values[] = { 0.0, 1.0 };
  double level = 0.5;
  g_autoptr(SdContourSet) row = NULL;
  g_autoptr(SdContourSet) none = NULL;
  g_autoptr(SdContourSet) no_levels = NULL;

  /* A single row has no cells. */
  row = sd_contours_compute (values, two, 2, one, 1, &level, 1);
  g_assert_cmpuint (row->n_levels, ==, 1);
  g_assert_cmpuint (row->levels[0].lines->len, ==, 0);

  none = sd_contours_compute (NULL, NULL, 0, NULL, 0, &level, 1);
  g_assert_cmpuint (none->levels[0].lines->len, ==, 0);

  no_levels = sd_contours_compute (values, two, 2, one, 1, NULL, 0);
  g_assert_cmpuint (no_levels->n_levels, ==, 0);

  sd_contour_set_free (NULL);

  g_test_expect_message ("Saddle-Core", G_LOG_LEVEL_CRITICAL, "*levels != NULL*");
  g_assert_null (sd_contours_compute (values, two, 2, one, 1, NULL, 3));
  g_test_assert_expected_messages ();
}

static void
test_levels_linear (void)
{
  double out[4] = { 0, 0, 0, 0 };

  g_assert_true (sd_contour_levels_linear (0.0, 1.0, 4, out));
  g_assert_cmpfloat (out[0], ==, 0.2);
  g_assert_cmpfloat (out[1], ==, 0.4);
  g_assert_cmpfloat (out[2], ==, 0.6);
  g_assert_cmpfloat (out[3], ==, 0.8);

  g_assert_true (sd_contour_levels_linear (-1.0, 1.0, 3, out));
  g_assert_cmpfloat (out[0], ==, -0.5);
  g_assert_cmpfloat (out[1], ==, 0.0);
  g_assert_cmpfloat (out[2], ==, 0.5);

  g_assert_true (sd_contour_levels_linear (10.0, 20.0, 1, out));
  g_assert_cmpfloat (out[0], ==, 15.0);

  g_assert_true (sd_contour_levels_linear (2.0, 2.0, 2, out));
  g_assert_cmpfloat (out[0], ==, 2.0);
  g_assert_cmpfloat (out[1], ==, 2.0);

  /* The span overflows; the levels do not. */
  g_assert_true (sd_contour_levels_linear (-G_MAXDOUBLE, G_MAXDOUBLE, 3, out));
  g_assert_cmpfloat_with_epsilon (out[0], -G_MAXDOUBLE / 2, 1e-15 * G_MAXDOUBLE);
  g_assert_cmpfloat_with_epsilon (out[1], 0.0, 1e-15 * G_MAXDOUBLE);
  g_assert_cmpfloat_with_epsilon (out[2], G_MAXDOUBLE / 2, 1e-15 * G_MAXDOUBLE);

  g_assert_true (sd_contour_levels_linear (0.0, 1.0, 0, NULL));

  out[0] = 42;
  g_assert_false (sd_contour_levels_linear (1.0, 0.0, 1, out));
  g_assert_false (sd_contour_levels_linear (NAN, 1.0, 1, out));
  g_assert_false (sd_contour_levels_linear (0.0, INFINITY, 1, out));
  g_assert_cmpfloat (out[0], ==, 42);
}

static void
test_levels_log (void)
{
  double out[4] = { 0, 0, 0, 0 };

  g_assert_true (sd_contour_levels_log (1.0, 1e4, 3, out));
  g_assert_cmpfloat (out[0], ==, 10.0);
  g_assert_cmpfloat (out[1], ==, 100.0);
  g_assert_cmpfloat (out[2], ==, 1000.0);

  g_assert_true (sd_contour_levels_log (1e-3, 10.0, 3, out));
  g_assert_cmpfloat (out[0], ==, 1e-2);
  g_assert_cmpfloat (out[1], ==, 1e-1);
  g_assert_cmpfloat (out[2], ==, 1.0);

  /* Geometric spacing: equal ratios, sqrt (2 * 8) = 4 in the middle. */
  g_assert_true (sd_contour_levels_log (2.0, 8.0, 1, out));
  g_assert_cmpfloat_with_epsilon (out[0], 4.0, 1e-15);
  g_assert_true (sd_contour_levels_log (3.0, 3.0 * 625.0, 3, out));
  g_assert_cmpfloat_with_epsilon (out[0], 15.0, 1e-13);
  g_assert_cmpfloat_with_epsilon (out[1], 75.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (out[2], 375.0, 1e-12);

  out[0] = 42;
  g_assert_false (sd_contour_levels_log (0.0, 10.0, 1, out));
  g_assert_false (sd_contour_levels_log (-1.0, 10.0, 1, out));
  g_assert_false (sd_contour_levels_log (10.0, 1.0, 1, out));
  g_assert_false (sd_contour_levels_log (NAN, 10.0, 1, out));
  g_assert_false (sd_contour_levels_log (1.0, INFINITY, 1, out));
  g_assert_cmpfloat (out[0], ==, 42);
}

static void
test_data_range (void)
{
  static const double values[] = { NAN, 3.0, -2.0, INFINITY, 0.0, 0.5, -INFINITY, 7.0 };
  static const double negative[] = { -1.0, 0.0, -3.0 };
  static const double nothing[] = { NAN, INFINITY };
  double min = 42, max = 42, min_positive = 42;

  g_assert_true (sd_contour_data_range (values, G_N_ELEMENTS (values), &min, &max, &min_positive));
  g_assert_cmpfloat (min, ==, -2.0);
  g_assert_cmpfloat (max, ==, 7.0);
  g_assert_cmpfloat (min_positive, ==, 0.5);

  g_assert_true (sd_contour_data_range (negative, 3, &min, &max, &min_positive));
  g_assert_cmpfloat (min, ==, -3.0);
  g_assert_cmpfloat (max, ==, 0.0);
  g_assert_true (isnan (min_positive));
  /* ...which the log helper then refuses. */
  g_assert_false (sd_contour_levels_log (min_positive, max, 1, &min));

  min = 42;
  g_assert_false (sd_contour_data_range (nothing, 2, &min, NULL, NULL));
  g_assert_false (sd_contour_data_range (NULL, 0, &min, NULL, NULL));
  g_assert_cmpfloat (min, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/contour/circle", test_circle);
  g_test_add_func ("/core/contour/plane", test_plane);
  g_test_add_func ("/core/contour/saddle", test_saddle);
  g_test_add_func ("/core/contour/contourpy", test_contourpy);
  g_test_add_func ("/core/contour/nan-holes", test_nan_holes);
  g_test_add_func ("/core/contour/two-blobs", test_two_blobs);
  g_test_add_func ("/core/contour/through-grid-points", test_through_grid_points);
  g_test_add_func ("/core/contour/levels-order", test_levels_order);
  g_test_add_func ("/core/contour/degenerate-grids", test_degenerate_grids);
  g_test_add_func ("/core/contour/levels/linear", test_levels_linear);
  g_test_add_func ("/core/contour/levels/log", test_levels_log);
  g_test_add_func ("/core/contour/levels/data-range", test_data_range);

  return g_test_run ();
}
