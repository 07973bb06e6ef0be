/* polyline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polyline.h"

/* The square of the distance from @p to the segment @a–@b. */
static double
segment_distance2 (const SdPoint *p,
                   const SdPoint *a,
                   const SdPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double length2 = dx * dx + dy * dy;
  double t = 0.0, ex, ey;

  if (length2 > 0.0)
    t = CLAMP (((p->x - a->x) * dx + (p->y - a->y) * dy) / length2, 0.0, 1.0);
  ex = p->x - (a->x + t * dx);
  ey = p->y - (a->y + t * dy);
  return ex * ex + ey * ey;
}

/**
 * sd_polyline_simplify:
 * @points: (array length=n_points) (inout): the polyline, with
 *   coordinates small enough to square (a figure's, not a diverging run's)
 * @n_points: how many points it has
 * @tolerance: how far, in points, the thinned line may stray from the
 *   original
 *
 * Keeps only the points the polyline's shape needs at @tolerance, with
 * the algorithm of Ramer (1972) and Douglas and Peucker (1973): the first
 * and last points stay, and a point in between stays if leaving it out
 * would move the line by more than @tolerance. A line drawn a point or
 * two wide looks the same with a fraction of its vertices, and costs
 * cairo a fraction of the time: an optimizer's 1000 iterates along a
 * smooth path keep a few dozen.
 *
 * Returns: the number of points kept, moved to the front of @points in
 *   their order
 */
guint
sd_polyline_simplify (SdPoint *points,
                      guint    n_points,
                      double   tolerance)
{
  g_autofree gboolean *keep = NULL;
  g_autoptr(GArray) stack = NULL;
  guint n_kept = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, 0);

  if (n_points <= 2)
    return n_points;

  keep = g_new0 (gboolean, n_points);
  keep[0] = keep[n_points - 1] = TRUE;
  stack = g_array_new (FALSE, FALSE, 2 * sizeof (guint));
  g_array_append_val (stack, ((guint[2]) { 0, n_points - 1 }));

  while (stack->len > 0)
    {
      guint *span = &g_array_index (stack, guint, 2 * (stack->len - 1));
      guint first = span[0], last = span[1];
      double farthest = -1.0;
      guint index = first;

      g_array_set_size (stack, stack->len - 1);
      for (guint k = first + 1; k < last; k++)
        {
          double d = segment_distance2 (&points[k], &points[first], &points[last]);

          if (d > farthest)
            {
              farthest = d;
              index = k;
            }
        }

      if (farthest > tolerance * tolerance)
        {
          keep[index] = TRUE;
          g_array_append_val (stack, ((guint[2]) { first, index }));
          g_array_append_val (stack, ((guint[2]) { index, last }));
        }
    }

  for (guint k = 0; k < n_points; k++)
    if (keep[k])
      points[n_kept++] = points[k];

  return n_kept;
}
