/* bench-optimizer.c: how fast trajectories are computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core-error.h"
#include "surface.h"
#include "trajectory.h"

#define REPEATS 21

typedef struct
{
  SdSurface  *surface;
  const char *optimizers[6];
  guint       n_optimizers;
  guint       steps;
  guint       batch_size;
} Job;

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
run_job (const Job *job)
{
  for (guint i = 0; i < job->n_optimizers; i++)
    {
      g_autoptr(SdTrajectory) trajectory = NULL;
      g_autoptr(GError) error = NULL;
      SdOptimizerParams params;
      SdOptimizerKind kind;
      double start[2] = { -1.2, 1.0 };

      if (!sd_optimizer_kind_from_name (job->optimizers[i], &kind, &error))
        g_error ("%s", error->message);
      sd_optimizer_params_init (&params, kind);
      params.batch_size = job->batch_size;
      trajectory = sd_trajectory_compute (job->surface, &params, start, job->steps, NULL, &error);
      if (trajectory == NULL)
        g_error ("%s", error->message);
      if (sd_trajectory_get_n_points (trajectory) != job->steps + 1)
        g_error ("%s stopped early: %s", job->optimizers[i],
                 sd_trajectory_get_message (trajectory));
    }
}

/* The median of REPEATS timed runs, in milliseconds. */
static double
time_job (const Job *job)
{
  gint64 times[REPEATS];

  run_job (job);
  for (guint r = 0; r < REPEATS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      run_job (job);
      times[r] = g_get_monotonic_time () - start;
    }

  qsort (times, REPEATS, sizeof times[0], compare_times);
  return times[REPEATS / 2] / 1000.0;
}

static SdSurface *
surface_or_die (SdSurface *surface,
                GError    *error)
{
  if (surface == NULL)
    g_error ("%s", error->message);
  return surface;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SdSurface) custom = NULL;
  g_autoptr(SdSurface) himmelblau = NULL;
  g_autoptr(SdSurface) regression = NULL;
  GError *error = NULL;
  SdSurfaceParams params;

  sd_core_init ();

  custom = surface_or_die (sd_surface_new_custom ("(1-x)^2 + 100*(y-x^2)^2", &error), error);
  himmelblau = surface_or_die (sd_surface_new_builtin ("himmelblau", NULL, &error), error);
  sd_surface_params_init (&params);
  params.dataset_size = 100000;
  regression = surface_or_die (sd_surface_new_builtin ("linear-regression", &params, &error),
                               error);

  {
    Job job = { custom, { "adam" }, 1, 10000, 0 };

    printf ("adam, 10000 steps on a custom expression: %.3f ms (target <= 3 ms)\n",
            time_job (&job));
  }

  {
    Job job = { himmelblau, { "sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw" },
                6, 1000, 0 };

    printf ("6 runs x 1000 steps on himmelblau: %.3f ms (target <= 3 ms)\n", time_job (&job));
  }

  {
    Job job = { regression, { "sgd" }, 1, 1000, 32 };

    printf ("sgd, 1000 minibatch steps on linear-regression with 100000 samples: "
            "%.3f ms (target <= 400 ms)\n", time_job (&job));
  }

  return 0;
}
