/* mesh3d.c: the surface as the 3-D view draws it, and what it hides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "surface3d-private.h"

/* How far below the surface, in box units (the box is 1.5 tall), a point
 * may be and still count as on it: the mesh's quads are flat while the
 * depth tests interpolate bilinearly, and a line drawn on the surface must
 * not flicker in and out of sight. */
#define SURFACE_TOLERANCE 0.004

/* Rays are followed in steps of this fraction of a quad. */
#define RAY_STEP 0.5

/**
 * sd_zrange_fraction:
 * @range: a range
 * @value: a value of f
 *
 * Where @value sits in the range: 0 at the bottom, 1 at the top, on the
 * range's scale. Values beyond the range, infinities included, and values
 * <= 0 on a log scale are clipped to its ends.
 *
 * Returns: the fraction in [0, 1], or NaN for NaN
 */
double
sd_zrange_fraction (const SdZRange *range,
                    double          value)
{
  double t;

  if (isnan (value))
    return NAN;

  if (range->scale == SD_SCALE_LOG)
    {
      if (value <= 0.0)
        return 0.0;
      t = (log10 (value) - log10 (range->lo)) / (log10 (range->hi) - log10 (range->lo));
    }
  else
    {
      t = (value - range->lo) / (range->hi - range->lo);
    }

  if (isnan (t))
    return value > 0.0 ? 1.0 : 0.0;
  return CLAMP (t, 0.0, 1.0);
}

static double
to_box (double v,
        double min,
        double max)
{
  return max > min ? 2.0 * (v - min) / (max - min) - 1.0 : 0.0;
}

/* On a linear scale each node takes the grid's value where it sits: a
 * minimum of a smooth f is a wide, flat bowl there. A log scale turns
 * the neighbourhood of every minimum into a pit or a trench as deep as
 * the colour bar and often narrower than a quad, like Rosenbrock's
 * valley; sampled at the nodes it would show as a row of spikes wherever
 * a node happens to fall into it. On a log scale each node therefore
 * takes the least value of the grid points nearer to it than to any other
 * node (at most FOOTPRINT_SAMPLES along each axis): every trench the grid
 * holds shows, evenly and at its depth, and no minimum an optimizer heads
 * for is hidden in the mesh, while the slopes of log f, which are gentle
 * away from the minima, move by at most half a quad. */
#define FOOTPRINT_SAMPLES 9

typedef struct
{
  guint first;
  guint last;
  guint step;
} Footprint;

/* The grid points node i of n_nodes gathers, on an axis of n_grid. */
static guint
compute_footprint (guint      i,
                   guint      n_nodes,
                   guint      n_grid,
                   Footprint *footprint)
{
  double stride = (double) (n_grid - 1) / (n_nodes - 1);
  double c = i * stride;
  double first = MAX (0.0, ceil (c - stride / 2 - 1e-9));
  double last = MIN ((double) (n_grid - 1), floor (c + stride / 2 + 1e-9));

  if (last < first)
    first = last = round (c);
  footprint->first = (guint) first;
  footprint->last = (guint) last;
  footprint->step = MAX (1, (footprint->last - footprint->first) / (FOOTPRINT_SAMPLES - 1));
  return (guint) round (c);
}

static double
least_value (const SdGrid    *grid,
             const Footprint *columns,
             const Footprint *rows)
{
  double least = NAN;

  for (guint b = rows->first; b <= rows->last; b += rows->step)
    {
      const double *row = grid->values + (gsize) b * grid->nx;

      for (guint a = columns->first; a <= columns->last; a += columns->step)
        if (row[a] < least || isnan (least))
          least = row[a];
    }

  return least;
}

/* A quad is folded when the middles of its diagonals are further apart
 * than this, in box units (the box is 1.5 tall; about 2 points on an
 * 800 × 600 figure): smooth surfaces keep their quads whole, and the
 * surface takes longer to draw only where it has folds. */
#define SPLIT_TWIST 0.01

/* How to draw quad (i, j): whole when it is nearly flat, else folded
 * along the diagonal whose middle is nearer the surface's height at the
 * quad's centre (on a log scale, the least height in the quad, as for the
 * nodes). */
static SdMeshSplit
choose_split (const SdMesh3d *mesh,
              const SdGrid   *grid,
              const guint    *columns,
              const guint    *rows,
              guint           i,
              guint           j)
{
  const double *z = mesh->bz + (gsize) j * mesh->nx + i;
  double z00 = z[0], z10 = z[1], z01 = z[mesh->nx], z11 = z[mesh->nx + 1];
  double main_middle = (z00 + z11) / 2, cross_middle = (z10 + z01) / 2;
  double value, centre;

  if (isnan (z00) || isnan (z10) || isnan (z01) || isnan (z11)
      || !(fabs (main_middle - cross_middle) > SPLIT_TWIST))
    return SD_MESH_WHOLE;

  if (mesh->range.scale == SD_SCALE_LOG)
    {
      Footprint across = { columns[i], columns[i + 1], 1 }, along = { rows[j], rows[j + 1], 1 };

      across.step = MAX (1, (across.last - across.first) / (FOOTPRINT_SAMPLES - 1));
      along.step = MAX (1, (along.last - along.first) / (FOOTPRINT_SAMPLES - 1));
      value = least_value (grid, &across, &along);
    }
  else
    {
      value = grid->values[(gsize) ((rows[j] + rows[j + 1]) / 2) * grid->nx
                           + (columns[i] + columns[i + 1]) / 2];
    }

  centre = (2.0 * sd_zrange_fraction (&mesh->range, value) - 1.0) * SD_BOX_HALF_HEIGHT;
  if (isnan (centre))
    return SD_MESH_WHOLE;
  return fabs (centre - main_middle) <= fabs (centre - cross_middle) ? SD_MESH_SPLIT_MAIN
                                                                     : SD_MESH_SPLIT_CROSS;
}

/**
 * sd_mesh3d_new:
 * @grid: the landscape's grid
 * @range: the values the box's height spans
 * @max_quads: the most quads along each side, at least 1
 *
 * Makes a mesh of at most @max_quads × @max_quads quads over the grid's
 * range, with a node on each end of it. A node where the grid has no
 * value has none, so holes stay where they are; the others take the least
 * value of the grid around them on a log scale (see FOOTPRINT_SAMPLES),
 * the value at their place otherwise.
 *
 * Returns: (transfer full): the mesh
 */
SdMesh3d *
sd_mesh3d_new (const SdGrid   *grid,
               const SdZRange *range,
               guint           max_quads)
{
  SdMesh3d *mesh;
  g_autofree guint *columns = NULL;
  g_autofree guint *rows = NULL;
  g_autofree Footprint *column_footprints = NULL;
  g_autofree Footprint *row_footprints = NULL;

  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (grid->nx >= 2 && grid->ny >= 2, NULL);
  g_return_val_if_fail (range != NULL, NULL);
  g_return_val_if_fail (max_quads >= 1, NULL);

  mesh = g_new0 (SdMesh3d, 1);
  mesh->nx = MIN (max_quads, grid->nx - 1) + 1;
  mesh->ny = MIN (max_quads, grid->ny - 1) + 1;
  mesh->range = *range;
  mesh->xmin = grid->xmin;
  mesh->xmax = grid->xmax;
  mesh->ymin = grid->ymin;
  mesh->ymax = grid->ymax;
  mesh->x = g_new (double, mesh->nx);
  mesh->bx = g_new (double, mesh->nx);
  mesh->y = g_new (double, mesh->ny);
  mesh->by = g_new (double, mesh->ny);
  mesh->t = g_new (double, (gsize) mesh->nx * mesh->ny);
  mesh->bz = g_new (double, (gsize) mesh->nx * mesh->ny);
  mesh->bz_max = NAN;

  columns = g_new (guint, mesh->nx);
  rows = g_new (guint, mesh->ny);
  column_footprints = g_new (Footprint, mesh->nx);
  row_footprints = g_new (Footprint, mesh->ny);
  for (guint i = 0; i < mesh->nx; i++)
    {
      columns[i] = compute_footprint (i, mesh->nx, grid->nx, &column_footprints[i]);
      mesh->x[i] = grid->xs[columns[i]];
      mesh->bx[i] = to_box (mesh->x[i], grid->xmin, grid->xmax);
    }
  for (guint j = 0; j < mesh->ny; j++)
    {
      rows[j] = compute_footprint (j, mesh->ny, grid->ny, &row_footprints[j]);
      mesh->y[j] = grid->ys[rows[j]];
      mesh->by[j] = to_box (mesh->y[j], grid->ymin, grid->ymax);
    }

  for (guint j = 0; j < mesh->ny; j++)
    for (guint i = 0; i < mesh->nx; i++)
      {
        gsize k = (gsize) j * mesh->nx + i;
        double value = grid->values[(gsize) rows[j] * grid->nx + columns[i]];
        double t;

        if (range->scale == SD_SCALE_LOG && !isnan (value))
          value = least_value (grid, &column_footprints[i], &row_footprints[j]);
        t = sd_zrange_fraction (range, value);

        mesh->t[k] = t;
        mesh->bz[k] = (2.0 * t - 1.0) * SD_BOX_HALF_HEIGHT;
        if (!isnan (t) && (isnan (mesh->bz_max) || mesh->bz[k] > mesh->bz_max))
          mesh->bz_max = mesh->bz[k];
      }

  mesh->split = g_new0 (guint8, (gsize) (mesh->nx - 1) * (mesh->ny - 1));
  for (guint j = 0; j + 1 < mesh->ny; j++)
    for (guint i = 0; i + 1 < mesh->nx; i++)
      mesh->split[(gsize) j * (mesh->nx - 1) + i] = choose_split (mesh, grid, columns, rows, i, j);

  return mesh;
}

/**
 * sd_mesh3d_free:
 * @mesh: (nullable): a mesh
 */
void
sd_mesh3d_free (SdMesh3d *mesh)
{
  if (mesh == NULL)
    return;

  g_free (mesh->x);
  g_free (mesh->y);
  g_free (mesh->bx);
  g_free (mesh->by);
  g_free (mesh->t);
  g_free (mesh->bz);
  g_free (mesh->split);
  g_free (mesh);
}

/**
 * sd_mesh3d_to_box:
 * @mesh: a mesh
 * @x: a point of the scene
 * @y: a point of the scene
 * @value: a value of f, clipped to the box's height
 * @p: (out caller-allocates): the point in box coordinates
 */
void
sd_mesh3d_to_box (const SdMesh3d *mesh,
                  double          x,
                  double          y,
                  double          value,
                  double          p[3])
{
  p[0] = to_box (x, mesh->xmin, mesh->xmax);
  p[1] = to_box (y, mesh->ymin, mesh->ymax);
  p[2] = (2.0 * sd_zrange_fraction (&mesh->range, value) - 1.0) * SD_BOX_HALF_HEIGHT;
}

/**
 * sd_mesh3d_from_box:
 * @mesh: a mesh
 * @p: a point in box coordinates
 * @x: (out): its x in the scene
 * @y: (out): its y in the scene
 */
void
sd_mesh3d_from_box (const SdMesh3d *mesh,
                    const double    p[3],
                    double         *x,
                    double         *y)
{
  *x = mesh->xmin + (p[0] + 1.0) / 2.0 * (mesh->xmax - mesh->xmin);
  *y = mesh->ymin + (p[1] + 1.0) / 2.0 * (mesh->ymax - mesh->ymin);
}

/* The quad whose column (or row) holds b: nodes are almost evenly spaced,
 * so the guess is right or one off. */
static guint
locate (const double *nodes,
        guint         n,
        double        b)
{
  double guess = floor ((b + 1.0) / 2.0 * (n - 1));
  guint i = (guint) CLAMP (guess, 0.0, (double) (n - 2));

  while (i > 0 && b < nodes[i])
    i--;
  while (i < n - 2 && b > nodes[i + 1])
    i++;
  return i;
}

/**
 * sd_mesh3d_height:
 * @mesh: a mesh
 * @bx: a point of the box's floor
 * @by: a point of the box's floor
 *
 * Returns: the surface's height above (@bx, @by) in box units, as drawn:
 *   interpolated bilinearly in a whole quad, linearly in a triangle of a
 *   folded one; NaN outside the box or where a corner of the quad has no
 *   value
 */
double
sd_mesh3d_height (const SdMesh3d *mesh,
                  double          bx,
                  double          by)
{
  guint i, j;
  double fx, fy;
  const double *row0, *row1;

  if (!(bx >= -1.0 && bx <= 1.0 && by >= -1.0 && by <= 1.0))
    return NAN;

  i = locate (mesh->bx, mesh->nx, bx);
  j = locate (mesh->by, mesh->ny, by);
  fx = (bx - mesh->bx[i]) / (mesh->bx[i + 1] - mesh->bx[i]);
  fy = (by - mesh->by[j]) / (mesh->by[j + 1] - mesh->by[j]);
  row0 = mesh->bz + (gsize) j * mesh->nx + i;
  row1 = row0 + mesh->nx;

  switch (mesh->split[(gsize) j * (mesh->nx - 1) + i])
    {
    case SD_MESH_SPLIT_MAIN:
      if (fx >= fy)
        return row0[0] + fx * (row0[1] - row0[0]) + fy * (row1[1] - row0[1]);
      return row0[0] + fy * (row1[0] - row0[0]) + fx * (row1[1] - row1[0]);

    case SD_MESH_SPLIT_CROSS:
      if (fx + fy <= 1.0)
        return row0[0] + fx * (row0[1] - row0[0]) + fy * (row1[0] - row0[0]);
      return row1[1] + (1.0 - fx) * (row1[0] - row1[1]) + (1.0 - fy) * (row0[1] - row1[1]);

    case SD_MESH_WHOLE:
    default:
      return (1.0 - fy) * ((1.0 - fx) * row0[0] + fx * row0[1])
             + fy * ((1.0 - fx) * row1[0] + fx * row1[1]);
    }
}

static double
cell_size (const SdMesh3d *mesh)
{
  return 2.0 / MAX (mesh->nx - 1, mesh->ny - 1);
}

/**
 * sd_mesh3d_is_visible:
 * @mesh: a mesh
 * @camera: the camera
 * @p: a point on or above the surface, in box coordinates
 *
 * Follows the line of sight from @p towards the eye and tells whether it
 * passes below the surface anywhere, which is where the surface hides @p.
 * Points of lines drawn on the surface are taken to lie on its upper side:
 * seen from below (negative elevation) the surface hides them. Points up
 * to %SURFACE_TOLERANCE below the surface count as on it.
 *
 * Returns: %TRUE if nothing of the surface lies between @p and the eye
 */
gboolean
sd_mesh3d_is_visible (const SdMesh3d   *mesh,
                      const SdCamera3d *camera,
                      const double      p[3])
{
  const double *w = camera->toward;
  double horizontal = hypot (w[0], w[1]);
  double m = sd_mesh3d_height (mesh, p[0], p[1]);
  double dt;

  if (p[2] < m - SURFACE_TOLERANCE)
    return FALSE;

  /* Looking straight up or down, the line of sight stays above one point
   * of the floor: it goes up and away from the surface, or down into it. */
  if (horizontal < 1e-9)
    return w[2] > 0.0 || isnan (m);

  dt = RAY_STEP * cell_size (mesh) / horizontal;
  for (double t = dt;; t += dt)
    {
      double x = p[0] + t * w[0];
      double y = p[1] + t * w[1];
      double z = p[2] + t * w[2];

      if (x < -1.0 || x > 1.0 || y < -1.0 || y > 1.0)
        return TRUE;
      if (w[2] > 0.0 && z > mesh->bz_max + SURFACE_TOLERANCE)
        return TRUE;

      m = sd_mesh3d_height (mesh, x, y);
      if (z < m - SURFACE_TOLERANCE)
        return FALSE;
    }
}

/* Which side of the surface a point is on: 1 above, -1 below, 0 where
 * there is no surface. */
static int
side_of_surface (const SdMesh3d *mesh,
                 const double    p[3])
{
  double m = sd_mesh3d_height (mesh, p[0], p[1]);

  if (isnan (m))
    return 0;
  return p[2] >= m ? 1 : -1;
}

/**
 * sd_mesh3d_pick:
 * @mesh: a mesh
 * @camera: the camera
 * @sx: a point of the figure, in points
 * @sy: a point of the figure, in points
 * @p: (out caller-allocates): the point of the surface drawn there, in box
 *   coordinates
 *
 * Follows the line of sight through (@sx, @sy) from the eye into the box
 * and finds where it first crosses the surface, from either side.
 *
 * Returns: %TRUE if the surface is drawn at (@sx, @sy)
 */
gboolean
sd_mesh3d_pick (const SdMesh3d   *mesh,
                const SdCamera3d *camera,
                double            sx,
                double            sy,
                double            p[3])
{
  /* The box fits in a sphere of this radius around its centre. */
  const double radius = sqrt (2.0 + SD_BOX_HALF_HEIGHT * SD_BOX_HALF_HEIGHT);
  double origin[3], before[3], q[3];
  double dt = RAY_STEP * cell_size (mesh) / 2.0;
  int first_side = 0;

  sd_camera3d_unproject (camera, sx, sy, origin);

  for (double t = radius; t >= -radius; t -= dt)
    {
      int side;

      for (guint k = 0; k < 3; k++)
        q[k] = origin[k] + t * camera->toward[k];

      side = side_of_surface (mesh, q);
      if (side != 0 && first_side == 0)
        first_side = side;
      else if (side != 0 && side != first_side)
        {
          /* Halve the step between the last two points until the
           * crossing is found to far below a pixel. */
          double lo = t, hi = t + dt;

          for (guint n = 0; n < 30; n++)
            {
              double mid = (lo + hi) / 2.0;

              for (guint k = 0; k < 3; k++)
                before[k] = origin[k] + mid * camera->toward[k];
              if (side_of_surface (mesh, before) == first_side)
                hi = mid;
              else
                lo = mid;
            }
          for (guint k = 0; k < 3; k++)
            p[k] = origin[k] + hi * camera->toward[k];
          p[2] = sd_mesh3d_height (mesh, p[0], p[1]);
          return isfinite (p[2]);
        }
      else if (side == 0)
        {
          first_side = 0;
        }
    }

  return FALSE;
}
