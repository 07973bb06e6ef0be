/* clip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "clip.h"

/**
 * sd_clip_segment:
 * @rect: the rectangle, of any orientation of the axes: the points x, y
 *   with @rect->x <= x <= @rect->x + @rect->width and likewise for y
 * @a: the segment's start
 * @b: its end
 * @t0: (out) (optional): where the part inside starts, as a fraction of
 *   the way from @a to @b
 * @t1: (out) (optional): where it ends
 *
 * Liang and Barsky's clipping ("A new concept and method for line
 * clipping", ACM TOG 3(1), 1984): the part of the segment inside the
 * rectangle, edges included, is a + t (b − a) for @t0 <= t <= @t1. Far
 * points must be cut before they reach cairo, whose fixed-point
 * coordinates wrap around beyond about 8 million units.
 *
 * Returns: %FALSE if no part of the segment is inside, or its ends are
 *   not finite; @t0 and @t1 are then undefined
 */
gboolean
sd_clip_segment (const cairo_rectangle_t *rect,
                 const SdPoint           *a,
                 const SdPoint           *b,
                 double                  *t0,
                 double                  *t1)
{
  double dx, dy, p[4], q[4], lo = 0.0, hi = 1.0;

  g_return_val_if_fail (rect != NULL, FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  dx = b->x - a->x;
  dy = b->y - a->y;
  if (!isfinite (dx) || !isfinite (dy))
    return FALSE;

  p[0] = -dx;
  p[1] = dx;
  p[2] = -dy;
  p[3] = dy;
  q[0] = a->x - rect->x;
  q[1] = rect->x + rect->width - a->x;
  q[2] = a->y - rect->y;
  q[3] = rect->y + rect->height - a->y;

  for (guint k = 0; k < 4; k++)
    {
      /* Parallel to this edge: inside its half-plane or not at all. */
      if (p[k] == 0.0)
        {
          if (q[k] < 0.0)
            return FALSE;
          continue;
        }

      if (p[k] < 0.0)
        lo = MAX (lo, q[k] / p[k]);
      else
        hi = MIN (hi, q[k] / p[k]);
      if (lo > hi)
        return FALSE;
    }

  if (t0 != NULL)
    *t0 = lo;
  if (t1 != NULL)
    *t1 = hi;
  return TRUE;
}

/**
 * sd_clip_segment_points:
 * @rect: the rectangle
 * @a: (inout): the segment's start, moved onto the rectangle's edge if it
 *   lies outside
 * @b: (inout): its end, likewise
 *
 * Clips the segment as sd_clip_segment() does and moves its ends there;
 * an end inside keeps its exact coordinates.
 *
 * Returns: %FALSE if no part of it is inside; @a and @b are unchanged then
 */
gboolean
sd_clip_segment_points (const cairo_rectangle_t *rect,
                        SdPoint                 *a,
                        SdPoint                 *b)
{
  SdPoint start;
  double t0, t1;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!sd_clip_segment (rect, a, b, &t0, &t1))
    return FALSE;

  start = *a;
  if (t0 > 0.0)
    *a = (SdPoint) { start.x + t0 * (b->x - start.x), start.y + t0 * (b->y - start.y) };
  if (t1 < 1.0)
    *b = (SdPoint) { start.x + t1 * (b->x - start.x), start.y + t1 * (b->y - start.y) };
  return TRUE;
}

static void
flush_piece (GArray          *piece,
             SdClipPieceFunc  func,
             gpointer         user_data,
             guint           *n_pieces)
{
  if (piece->len >= 2)
    {
      func ((const SdPoint *) (gpointer) piece->data, piece->len, user_data);
      (*n_pieces)++;
    }
  g_array_set_size (piece, 0);
}

/**
 * sd_clip_polyline:
 * @rect: the rectangle
 * @points: (array length=n_points): the polyline; a point that is not
 *   finite breaks it there
 * @n_points: how many points it has
 * @func: (scope call): called with each piece inside @rect, in order
 * @user_data: data for @func
 *
 * Cuts a polyline to a rectangle, which it may leave and enter again
 * several times: each stretch inside becomes a piece, from where it
 * enters (or its first point) to where it leaves (or its last point).
 * Points inside keep their exact coordinates.
 *
 * Returns: the number of pieces
 */
guint
sd_clip_polyline (const cairo_rectangle_t *rect,
                  const SdPoint           *points,
                  guint                    n_points,
                  SdClipPieceFunc          func,
                  gpointer                 user_data)
{
  g_autoptr(GArray) piece = NULL;
  guint n_pieces = 0;

  g_return_val_if_fail (rect != NULL, 0);
  g_return_val_if_fail (points != NULL || n_points == 0, 0);
  g_return_val_if_fail (func != NULL, 0);

  piece = g_array_new (FALSE, FALSE, sizeof (SdPoint));
  for (guint k = 1; k < n_points; k++)
    {
      SdPoint a = points[k - 1], b = points[k];

      if (!sd_clip_segment_points (rect, &a, &b))
        {
          flush_piece (piece, func, user_data, &n_pieces);
          continue;
        }

      /* A start moved onto the edge begins a new piece. */
      if (piece->len == 0 || a.x != points[k - 1].x || a.y != points[k - 1].y)
        {
          flush_piece (piece, func, user_data, &n_pieces);
          g_array_append_val (piece, a);
        }
      g_array_append_val (piece, b);

      /* An end moved onto the edge leaves the rectangle there. */
      if (b.x != points[k].x || b.y != points[k].y)
        flush_piece (piece, func, user_data, &n_pieces);
    }

  flush_piece (piece, func, user_data, &n_pieces);
  return n_pieces;
}
