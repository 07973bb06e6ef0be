/* path.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "path.h"

/* Bézier curves are measured by this many chords each. */
#define CURVE_CHORDS 16

/* The elements as cairo_path_t holds them, so that cairo_append_path()
 * replays them as the moves and lines themselves would have been made. */
struct _SdPath
{
  GArray *data; /* (element-type cairo_path_data_t) */
};

/**
 * sd_path_new:
 *
 * Returns: (transfer full): an empty path
 */
SdPath *
sd_path_new (void)
{
  SdPath *self = g_new0 (SdPath, 1);

  self->data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  return self;
}

/**
 * sd_path_free:
 * @path: (nullable): a path
 */
void
sd_path_free (SdPath *path)
{
  if (path == NULL)
    return;

  g_array_unref (path->data);
  g_free (path);
}

static void
add_element (SdPath              *self,
             cairo_path_data_type_t type,
             const double        *xy,
             guint                n_points)
{
  cairo_path_data_t header;

  header.header.type = type;
  header.header.length = 1 + n_points;
  g_array_append_val (self->data, header);
  for (guint i = 0; i < n_points; i++)
    {
      cairo_path_data_t point;

      point.point.x = xy[2 * i];
      point.point.y = xy[2 * i + 1];
      g_array_append_val (self->data, point);
    }
}

/**
 * sd_path_move_to:
 * @path: a path
 * @x: where the next sub-path starts
 * @y: where the next sub-path starts
 */
void
sd_path_move_to (SdPath *path,
                 double  x,
                 double  y)
{
  g_return_if_fail (path != NULL);

  add_element (path, CAIRO_PATH_MOVE_TO, (const double[]) { x, y }, 1);
}

/**
 * sd_path_line_to:
 * @path: a path
 * @x: the line's end
 * @y: the line's end
 */
void
sd_path_line_to (SdPath *path,
                 double  x,
                 double  y)
{
  g_return_if_fail (path != NULL);

  add_element (path, CAIRO_PATH_LINE_TO, (const double[]) { x, y }, 1);
}

/**
 * sd_path_curve_to:
 * @path: a path
 * @x1: the first control point
 * @y1: the first control point
 * @x2: the second control point
 * @y2: the second control point
 * @x3: the curve's end
 * @y3: the curve's end
 */
void
sd_path_curve_to (SdPath *path,
                  double  x1,
                  double  y1,
                  double  x2,
                  double  y2,
                  double  x3,
                  double  y3)
{
  g_return_if_fail (path != NULL);

  add_element (path, CAIRO_PATH_CURVE_TO, (const double[]) { x1, y1, x2, y2, x3, y3 }, 3);
}

/**
 * sd_path_close:
 * @path: a path
 *
 * Closes the current sub-path.
 */
void
sd_path_close (SdPath *path)
{
  g_return_if_fail (path != NULL);

  add_element (path, CAIRO_PATH_CLOSE_PATH, NULL, 0);
}

/**
 * sd_path_is_empty:
 * @path: a path
 *
 * Returns: whether nothing was added to @path
 */
gboolean
sd_path_is_empty (const SdPath *path)
{
  g_return_val_if_fail (path != NULL, TRUE);

  return path->data->len == 0;
}

/**
 * sd_path_append:
 * @path: a path
 * @cr: a cairo context whose user space is the figure's points
 *
 * Adds @path to @cr's current path, as if its moves, lines and curves
 * were made on @cr.
 */
void
sd_path_append (const SdPath *path,
                cairo_t      *cr)
{
  cairo_path_t replay;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cr != NULL);

  if (path->data->len == 0)
    return;

  replay.status = CAIRO_STATUS_SUCCESS;
  replay.data = (cairo_path_data_t *) (gpointer) path->data->data;
  replay.num_data = (int) path->data->len;
  cairo_append_path (cr, &replay);
}

/* The distance from (x, y) to the segment a–b. */
static double
segment_distance (double x,
                  double y,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0.0 ? CLAMP (((x - ax) * dx + (y - ay) * dy) / length2, 0.0, 1.0) : 0.0;

  return hypot (x - (ax + t * dx), y - (ay + t * dy));
}

static double
curve_coordinate (double p0,
                  double p1,
                  double p2,
                  double p3,
                  double t)
{
  double s = 1.0 - t;

  return s * s * s * p0 + 3 * s * s * t * p1 + 3 * s * t * t * p2 + t * t * t * p3;
}

/**
 * sd_path_distance:
 * @path: a path
 * @x: a point of the figure
 * @y: a point of the figure
 *
 * How far the point is from the path's lines, for hit-testing what the
 * pointer is over; curves are measured along 16 chords each, closer than
 * a pointer can point.
 *
 * Returns: the distance in points, infinite for an empty path
 */
double
sd_path_distance (const SdPath *path,
                  double        x,
                  double        y)
{
  const cairo_path_data_t *data;
  double best = INFINITY, cx = 0.0, cy = 0.0, sx = 0.0, sy = 0.0;

  g_return_val_if_fail (path != NULL, INFINITY);

  data = (const cairo_path_data_t *) (gpointer) path->data->data;
  for (guint i = 0; i < path->data->len; i += data[i].header.length)
    {
      const cairo_path_data_t *p = &data[i + 1];

      switch (data[i].header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          cx = sx = p[0].point.x;
          cy = sy = p[0].point.y;
          break;

        case CAIRO_PATH_LINE_TO:
          best = MIN (best, segment_distance (x, y, cx, cy, p[0].point.x, p[0].point.y));
          cx = p[0].point.x;
          cy = p[0].point.y;
          break;

        case CAIRO_PATH_CURVE_TO:
          {
            double x0 = cx, y0 = cy;

            for (guint k = 1; k <= CURVE_CHORDS; k++)
              {
                double t = (double) k / CURVE_CHORDS;
                double nx = curve_coordinate (x0, p[0].point.x, p[1].point.x, p[2].point.x, t);
                double ny = curve_coordinate (y0, p[0].point.y, p[1].point.y, p[2].point.y, t);

                best = MIN (best, segment_distance (x, y, cx, cy, nx, ny));
                cx = nx;
                cy = ny;
              }
          }
          break;

        case CAIRO_PATH_CLOSE_PATH:
        default:
          best = MIN (best, segment_distance (x, y, cx, cy, sx, sy));
          cx = sx;
          cy = sy;
          break;
        }
    }

  return best;
}
