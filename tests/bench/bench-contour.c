/* bench-contour.c: marching squares on a large grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "contour.h"
#include "core-error.h"

#define N 1024
#define N_LEVELS 20
#define REPEATS 15

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree double *xs = g_new (double, N);
  g_autofree double *values = g_new (double, (gsize) N * N);
  double levels[N_LEVELS], times[REPEATS];
  double min, max;
  guint n_lines = 0, n_points = 0;

  sd_core_init ();

  for (guint i = 0; i < N; i++)
    xs[i] = -3.0 + 6.0 * i / (N - 1);
  for (guint j = 0; j < N; j++)
    for (guint i = 0; i < N; i++)
      values[(gsize) j * N + i] = sin (xs[i]) * cos (xs[j])
                                  + 0.1 * (xs[i] * xs[i] + xs[j] * xs[j]);

  sd_contour_data_range (values, (gsize) N * N, &min, &max, NULL);
  sd_contour_levels_linear (min, max, N_LEVELS, levels);

  for (guint r = 0; r < REPEATS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SdContourSet) set = sd_contours_compute (values, xs, N, xs, N, levels, N_LEVELS);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;

      if (r == 0)
        for (guint k = 0; k < set->n_levels; k++)
          for (guint l = 0; l < set->levels[k].lines->len; l++)
            {
              SdContourLine *line = g_ptr_array_index (set->levels[k].lines, l);

              n_lines++;
              n_points += line->points->len;
            }
    }

  qsort (times, REPEATS, sizeof (double), compare_doubles);

  printf ("# %u lines, %u points; median of %d runs %.2f ms\n",
          n_lines, n_points, REPEATS, times[REPEATS / 2]);
  printf ("contour %dx%d, %d levels (best of %d): %.2f ms (target <= 20 ms)\n",
          N, N, N_LEVELS, REPEATS, times[0]);

  return 0;
}
