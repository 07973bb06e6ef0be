/* contour.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "contour.h"

/* Marching squares in two phases.
 *
 * Scanning: one pass over the cells serves every level at once, because
 * reading a large grid once per level would cost more than all the rest.
 * A cell crosses the levels in [lowest corner, highest corner), found in the
 * sorted levels by a short walk from the neighbouring cell's answer; for
 * each it emits one or two oriented segments from one cell edge to another,
 * listed in the case tables below.
 *
 * Joining: each crossed grid edge is shared by two cells, and because
 * segments keep the higher values on their left, a segment that ends on an
 * edge continues with the one segment that starts on it. A small hash table
 * from edge to starting segment turns the segments of a level into chains.
 *
 * A corner is "above" a level when its value is strictly greater, as in
 * matplotlib's contour generator (contourpy). Saddle cells, whose two above
 * corners sit on a diagonal, are resolved by the value at the cell centre,
 * taken as the mean of the four corners, also as contourpy does: if the
 * centre is above, the above corners are joined across the centre and the
 * segments cut off the two below corners; otherwise the segments cut off the
 * two above corners. (scikit-image's find_contours uses a fixed choice
 * instead, its fully_connected parameter.)
 */

enum
{
  EDGE_BOTTOM,
  EDGE_RIGHT,
  EDGE_TOP,
  EDGE_LEFT,
};

#define NONE G_MAXUINT
#define EMPTY_KEY G_MAXUINT64

/* Indexed by the cell case: bit 0 is set when the bottom-left corner is
 * above, bit 1 bottom-right, bit 2 top-right, bit 3 top-left. Each row holds
 * up to two segments as (from, to) edge pairs, -1 for none. Walking from
 * "from" to "to" keeps the above corners on the left. */
static const gint8 cell_segments[16][4] = {
  { -1, -1, -1, -1 },
  { EDGE_BOTTOM, EDGE_LEFT, -1, -1 },
  { EDGE_RIGHT, EDGE_BOTTOM, -1, -1 },
  { EDGE_RIGHT, EDGE_LEFT, -1, -1 },
  { EDGE_TOP, EDGE_RIGHT, -1, -1 },
  { EDGE_BOTTOM, EDGE_LEFT, EDGE_TOP, EDGE_RIGHT },   /* saddle, centre below */
  { EDGE_TOP, EDGE_BOTTOM, -1, -1 },
  { EDGE_TOP, EDGE_LEFT, -1, -1 },
  { EDGE_LEFT, EDGE_TOP, -1, -1 },
  { EDGE_BOTTOM, EDGE_TOP, -1, -1 },
  { EDGE_RIGHT, EDGE_BOTTOM, EDGE_LEFT, EDGE_TOP },   /* saddle, centre below */
  { EDGE_RIGHT, EDGE_TOP, -1, -1 },
  { EDGE_LEFT, EDGE_RIGHT, -1, -1 },
  { EDGE_BOTTOM, EDGE_RIGHT, -1, -1 },
  { EDGE_LEFT, EDGE_BOTTOM, -1, -1 },
  { -1, -1, -1, -1 },
};

/* Saddle cases 5 and 10 when the centre is above. */
static const gint8 saddle_centre_above[2][4] = {
  { EDGE_BOTTOM, EDGE_RIGHT, EDGE_TOP, EDGE_LEFT },
  { EDGE_LEFT, EDGE_BOTTOM, EDGE_RIGHT, EDGE_TOP },
};

typedef struct
{
  const double *values;
  const double *xs;
  const double *ys;
  gsize         nx;
  gsize         ny;
} Grid;

/* A segment runs between two grid edges, named by key: 2 p for the edge
 * from grid point p to p + 1 (horizontal), 2 p + 1 for the edge from p to
 * p + nx (vertical), with p = j nx + i. */
typedef struct
{
  guint64 from;
  guint64 to;
} Segment;

static guint64
edge_key (const Grid *grid,
          gsize       p,
          int         edge)
{
  g_assert (edge >= EDGE_BOTTOM && edge <= EDGE_LEFT);

  if (edge == EDGE_BOTTOM)
    return 2 * (guint64) p;
  else if (edge == EDGE_RIGHT)
    return 2 * (guint64) (p + 1) + 1;
  else if (edge == EDGE_TOP)
    return 2 * (guint64) (p + grid->nx);
  else
    return 2 * (guint64) p + 1;
}

/* The crossing of @level on an edge, interpolated linearly. The same edge
 * always gives the same point, whichever cell asks. */
static SdContourPoint
edge_point (const Grid *grid,
            guint64     key,
            double      level)
{
  gsize p = key >> 1;
  gsize i = p % grid->nx;
  gsize j = p / grid->nx;
  gboolean vertical = key & 1;
  double va = grid->values[p];
  double vb = grid->values[vertical ? p + grid->nx : p + 1];
  double t = (level - va) / (vb - va);

  /* Only reachable with values near the ends of the double range, where the
   * differences overflow. */
  if (!(t >= 0.0))
    t = 0.0;
  else if (t > 1.0)
    t = 1.0;

  if (vertical)
    return (SdContourPoint) { grid->xs[i], grid->ys[j] + t * (grid->ys[j + 1] - grid->ys[j]) };
  else
    return (SdContourPoint) { grid->xs[i] + t * (grid->xs[i + 1] - grid->xs[i]), grid->ys[j] };
}

/* The index of the first of the @n sorted @levels that is >= @value,
 * searched from @hint, the answer for a neighbouring cell. Sampled functions
 * are smooth, so the answer is mostly @hint itself or next to it, and this
 * walk beats a binary search, whose branches no processor can predict. */
static guint
lower_bound_near (const double *levels,
                  guint         n,
                  double        value,
                  guint         hint)
{
  guint k = hint;

  while (k > 0 && levels[k - 1] >= value)
    k--;
  while (k < n && levels[k] < value)
    k++;

  return k;
}

/* Emits the segments of the cell at grid point (i, j) for the levels from
 * sorted[first] up to the highest corner. */
static void
add_cell_segments (const Grid   *grid,
                   gsize         i,
                   gsize         j,
                   const double  corners[4],
                   double        highest,
                   const double *sorted,
                   const guint  *order,
                   guint         first,
                   guint         n_sorted,
                   GArray      **segments)
{
  gsize p = j * grid->nx + i;

  for (guint k = first; k < n_sorted && sorted[k] < highest; k++)
    {
      double level = sorted[k];
      guint cell_case = (corners[0] > level) | (corners[1] > level) << 1
                        | (corners[2] > level) << 2 | (corners[3] > level) << 3;
      const gint8 *edges = cell_segments[cell_case];

      if (cell_case == 5 || cell_case == 10)
        {
          /* Quarters first, so that the sum cannot overflow. */
          double centre = 0.25 * corners[0] + 0.25 * corners[1]
                          + 0.25 * corners[2] + 0.25 * corners[3];

          if (centre > level)
            edges = saddle_centre_above[cell_case == 5 ? 0 : 1];
        }

      for (guint s = 0; s < 4 && edges[s] >= 0; s += 2)
        {
          Segment segment = { edge_key (grid, p, edges[s]), edge_key (grid, p, edges[s + 1]) };

          g_array_append_val (segments[order[k]], segment);
        }
    }
}

static gboolean
cell_is_finite (const Grid   *grid,
                gsize         i,
                gsize         j,
                const double  corners[4])
{
  return isfinite (corners[0]) && isfinite (corners[1])
         && isfinite (corners[2]) && isfinite (corners[3])
         && isfinite (grid->xs[i]) && isfinite (grid->xs[i + 1])
         && isfinite (grid->ys[j]) && isfinite (grid->ys[j + 1]);
}

static void
scan_cells (const Grid   *grid,
            const double *sorted,
            const guint  *order,
            guint         n_sorted,
            GArray      **segments)
{
  guint first = 0;

  for (gsize j = 0; j + 1 < grid->ny; j++)
    {
      const double *row0 = grid->values + j * grid->nx;
      const double *row1 = row0 + grid->nx;

      for (gsize i = 0; i + 1 < grid->nx; i++)
        {
          /* Counter-clockwise from the bottom-left corner, matching the
           * bits of the cell case. */
          double corners[4] = { row0[i], row0[i + 1], row1[i + 1], row1[i] };
          double lowest = MIN (MIN (corners[0], corners[1]), MIN (corners[2], corners[3]));
          double highest = MAX (MAX (corners[0], corners[1]), MAX (corners[2], corners[3]));

          /* The cell crosses the levels in [lowest, highest), usually none.
           * NaN corners make comparisons false and the walk stay put; such
           * cells go on to the check below. */
          first = lower_bound_near (sorted, n_sorted, lowest, first);
          if (first == n_sorted || !(sorted[first] < highest))
            continue;

          if (!cell_is_finite (grid, i, j, corners))
            continue;

          add_cell_segments (grid, i, j, corners, highest, sorted, order, first, n_sorted,
                             segments);
        }
    }
}

typedef struct
{
  guint64 *keys;
  guint   *values;
  guint    mask;
  guint    shift;
} EdgeTable;

static void
edge_table_init (EdgeTable *table,
                 guint      n)
{
  guint bits = 4;

  /* At most half full, so probe runs stay short. */
  while ((1u << bits) < 2 * n)
    bits++;

  table->mask = (1u << bits) - 1;
  table->shift = 64 - bits;
  table->keys = g_new (guint64, table->mask + 1);
  table->values = g_new (guint, table->mask + 1);
  for (guint i = 0; i <= table->mask; i++)
    table->keys[i] = EMPTY_KEY;
}

static void
edge_table_clear (EdgeTable *table)
{
  g_clear_pointer (&table->keys, g_free);
  g_clear_pointer (&table->values, g_free);
}

static guint
edge_table_slot (const EdgeTable *table,
                 guint64          key)
{
  /* Fibonacci hashing spreads the neighbouring keys of a contour. */
  guint slot = (key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> table->shift;

  while (table->keys[slot] != EMPTY_KEY && table->keys[slot] != key)
    slot = (slot + 1) & table->mask;

  return slot;
}

static void
edge_table_insert (EdgeTable *table,
                   guint64    key,
                   guint      value)
{
  guint slot = edge_table_slot (table, key);

  g_assert (table->keys[slot] == EMPTY_KEY);
  table->keys[slot] = key;
  table->values[slot] = value;
}

static guint
edge_table_lookup (const EdgeTable *table,
                   guint64          key)
{
  guint slot = edge_table_slot (table, key);

  return table->keys[slot] == key ? table->values[slot] : NONE;
}

static void
line_free (gpointer data)
{
  SdContourLine *line = data;

  g_array_unref (line->points);
  g_free (line);
}

/* Appends @point unless it repeats the last vertex, which happens where a
 * contour runs exactly through a grid point. */
static void
append_point (GArray         *points,
              SdContourPoint  point)
{
  if (points->len > 0)
    {
      SdContourPoint *last = &g_array_index (points, SdContourPoint, points->len - 1);

      if (last->x == point.x && last->y == point.y)
        return;
    }

  g_array_append_val (points, point);
}

static void
add_line (GPtrArray *lines,
          GArray    *points,
          gboolean   closed)
{
  SdContourLine *line;

  if (closed && points->len > 1)
    {
      SdContourPoint *first = &g_array_index (points, SdContourPoint, 0);
      SdContourPoint *last = &g_array_index (points, SdContourPoint, points->len - 1);

      if (first->x == last->x && first->y == last->y)
        g_array_set_size (points, points->len - 1);
    }

  /* What is left of a contour that only touches grid points (a minimum
   * exactly at the level) has no length; drop it. */
  if (points->len < (closed ? 3u : 2u))
    {
      g_array_unref (points);
      return;
    }

  line = g_new (SdContourLine, 1);
  line->points = points;
  line->closed = closed;
  g_ptr_array_add (lines, line);
}

/* Follows next[] from @start, marking segments as visited, and returns the
 * vertices. For a loop the walk stops on coming back to @start. */
static GArray *
trace_chain (const Grid    *grid,
             double         level,
             const Segment *segments,
             const guint   *next,
             guint8        *visited,
             guint          start)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (SdContourPoint));
  guint s = start;

  append_point (points, edge_point (grid, segments[s].from, level));
  do
    {
      visited[s] = TRUE;
      append_point (points, edge_point (grid, segments[s].to, level));
      s = next[s];
    }
  while (s != NONE && s != start);

  return points;
}

static GPtrArray *
join_segments (const Grid *grid,
               double      level,
               GArray     *segment_array)
{
  const Segment *segments = (const Segment *) segment_array->data;
  guint n = segment_array->len;
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  g_autofree guint *next = NULL;
  g_autofree guint8 *has_previous = NULL;
  g_autofree guint8 *visited = NULL;
  EdgeTable table;

  if (n == 0)
    return lines;

  next = g_new (guint, n);
  has_previous = g_new0 (guint8, n);
  visited = g_new0 (guint8, n);

  edge_table_init (&table, n);
  for (guint s = 0; s < n; s++)
    edge_table_insert (&table, segments[s].from, s);
  for (guint s = 0; s < n; s++)
    {
      next[s] = edge_table_lookup (&table, segments[s].to);
      if (next[s] != NONE)
        has_previous[next[s]] = TRUE;
    }
  edge_table_clear (&table);

  /* Chains with a loose end first; whatever remains is made of loops. */
  for (guint s = 0; s < n; s++)
    if (!has_previous[s])
      add_line (lines, trace_chain (grid, level, segments, next, visited, s), FALSE);

  for (guint s = 0; s < n; s++)
    if (!visited[s])
      add_line (lines, trace_chain (grid, level, segments, next, visited, s), TRUE);

  return lines;
}

static int
compare_levels (const void *a,
                const void *b,
                void       *data)
{
  const double *levels = data;
  double la = levels[*(const guint *) a];
  double lb = levels[*(const guint *) b];

  return (la > lb) - (la < lb);
}

/**
 * sd_contours_compute:
 * @values: (array): the ny x nx samples, row-major: row j holds the values
 *   at y = @ys[j], value (i, j) is @values[j * nx + i]
 * @xs: (array length=nx): the x coordinate of each column
 * @nx: the number of columns
 * @ys: (array length=ny): the y coordinate of each row
 * @ny: the number of rows
 * @levels: (array length=n_levels): the levels to trace, in any order
 * @n_levels: the number of levels
 *
 * Traces the contour lines of a sampled function by marching squares with
 * linear interpolation along the cell edges; see #SdContourLine for the shape
 * of the result.
 *
 * A value counts as above a level when it is strictly greater, so a level
 * equal to grid values runs through those grid points, and a level equal to
 * the maximum of the data gets no line. A saddle cell (the two corners above
 * the level on one diagonal) is resolved by its centre value, the mean of its
 * four corners, as matplotlib's contourpy does: when the centre is above the
 * level, the lines cut off the two low corners; otherwise they cut off the
 * two high corners.
 *
 * Non-finite values are holes: a cell with a non-finite corner (or
 * coordinate) produces nothing, and lines end at its edge. A non-finite
 * level gets no lines. The axes need not be evenly spaced.
 *
 * Returns: (transfer full): the contours, one entry per level
 */
SdContourSet *
sd_contours_compute (const double *values,
                     const double *xs,
                     guint         nx,
                     const double *ys,
                     guint         ny,
                     const double *levels,
                     guint         n_levels)
{
  Grid grid = { values, xs, ys, nx, ny };
  SdContourSet *set;
  g_autofree guint *order = NULL;
  g_autofree double *sorted = NULL;
  g_autofree GArray **segments = NULL;
  guint n_sorted = 0;

  g_return_val_if_fail (values != NULL || nx == 0 || ny == 0, NULL);
  g_return_val_if_fail (xs != NULL || nx == 0, NULL);
  g_return_val_if_fail (ys != NULL || ny == 0, NULL);
  g_return_val_if_fail (levels != NULL || n_levels == 0, NULL);

  set = g_new0 (SdContourSet, 1);
  set->n_levels = n_levels;
  set->levels = g_new0 (SdContourLevel, n_levels);

  order = g_new (guint, n_levels);
  sorted = g_new (double, n_levels);
  segments = g_new (GArray *, n_levels);
  for (guint k = 0; k < n_levels; k++)
    {
      set->levels[k].value = levels[k];
      segments[k] = g_array_new (FALSE, FALSE, sizeof (Segment));
      if (isfinite (levels[k]))
        order[n_sorted++] = k;
    }

  g_qsort_with_data (order, n_sorted, sizeof (guint), compare_levels, (gpointer) levels);
  for (guint k = 0; k < n_sorted; k++)
    sorted[k] = levels[order[k]];

  if (n_sorted > 0 && nx >= 2 && ny >= 2)
    scan_cells (&grid, sorted, order, n_sorted, segments);

  for (guint k = 0; k < n_levels; k++)
    {
      set->levels[k].lines = join_segments (&grid, levels[k], segments[k]);
      g_array_unref (segments[k]);
    }

  return set;
}

/**
 * sd_contour_set_free:
 * @set: (nullable) (transfer full): a contour set
 *
 * Frees @set, its levels, lines and points.
 */
void
sd_contour_set_free (SdContourSet *set)
{
  if (set == NULL)
    return;

  for (guint k = 0; k < set->n_levels; k++)
    g_clear_pointer (&set->levels[k].lines, g_ptr_array_unref);
  g_free (set->levels);
  g_free (set);
}

/**
 * sd_contour_data_range:
 * @values: (array length=n_values): samples
 * @n_values: the number of samples
 * @min: (out) (optional): the smallest finite value
 * @max: (out) (optional): the largest finite value
 * @min_positive: (out) (optional): the smallest finite value > 0, or NaN
 *   when there is none; the lower end for sd_contour_levels_log()
 *
 * The range of the finite samples, ignoring NaN and infinities.
 *
 * Returns: %FALSE, leaving the outputs untouched, if no sample is finite
 */
gboolean
sd_contour_data_range (const double *values,
                       gsize         n_values,
                       double       *min,
                       double       *max,
                       double       *min_positive)
{
  double lo = INFINITY, hi = -INFINITY, lo_positive = INFINITY;
  gboolean any = FALSE;

  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);

  for (gsize i = 0; i < n_values; i++)
    {
      double v = values[i];

      if (!isfinite (v))
        continue;

      any = TRUE;
      lo = MIN (lo, v);
      hi = MAX (hi, v);
      if (v > 0.0)
        lo_positive = MIN (lo_positive, v);
    }

  if (!any)
    return FALSE;

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
  if (min_positive != NULL)
    *min_positive = isfinite (lo_positive) ? lo_positive : NAN;

  return TRUE;
}

/**
 * sd_contour_levels_linear:
 * @min: the lower end of the data
 * @max: the upper end of the data
 * @n: the number of levels
 * @out: (out caller-allocates) (array length=n): where to store the levels
 *
 * Places @n evenly spaced levels strictly inside (@min, @max), leaving a gap
 * at both ends so that no level sits on the extreme of the data:
 * level i = min + (i + 1) (max - min) / (n + 1), computed in this order.
 * With @min = @max all levels equal @min.
 *
 * Returns: %FALSE, leaving @out untouched, when @min or @max is not finite or
 *   @min > @max
 */
gboolean
sd_contour_levels_linear (double  min,
                          double  max,
                          guint   n,
                          double *out)
{
  double span = max - min;

  g_return_val_if_fail (out != NULL || n == 0, FALSE);

  if (!isfinite (min) || !isfinite (max) || min > max)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (isfinite (span))
        out[i] = min + (i + 1) * span / (n + 1);
      else   /* the same level as a weighted mean, free of overflow */
        out[i] = min / (n + 1) * (n - i) + max / (n + 1) * (i + 1);
    }

  return TRUE;
}

/**
 * sd_contour_levels_log:
 * @min: the lower end of the data, > 0
 * @max: the upper end of the data
 * @n: the number of levels
 * @out: (out caller-allocates) (array length=n): where to store the levels
 *
 * Places @n geometrically spaced levels strictly inside (@min, @max), the
 * logarithmic twin of sd_contour_levels_linear():
 * level i = 10^(log10 min + (i + 1) (log10 max - log10 min) / (n + 1)).
 * Working in decades makes round ranges give round levels exactly (1 to
 * 10000 with 3 levels gives 10, 100 and 1000).
 *
 * A logarithmic scale needs positive data. For data that reach zero or below,
 * pass the smallest positive value as @min (sd_contour_data_range() reports
 * it): the levels then cover the positive part and the rest gets no lines.
 * A @min <= 0 is rejected rather than silently replaced, since no
 * replacement is right for every data set.
 *
 * Returns: %FALSE, leaving @out untouched, when @min or @max is not finite,
 *   @min <= 0 or @min > @max
 */
gboolean
sd_contour_levels_log (double  min,
                       double  max,
                       guint   n,
                       double *out)
{
  double log_min, log_max;

  g_return_val_if_fail (out != NULL || n == 0, FALSE);

  if (!isfinite (min) || !isfinite (max) || min <= 0.0 || min > max)
    return FALSE;

  log_min = log10 (min);
  log_max = log10 (max);
  for (guint i = 0; i < n; i++)
    out[i] = pow (10.0, log_min + (i + 1) * (log_max - log_min) / (n + 1));

  return TRUE;
}
