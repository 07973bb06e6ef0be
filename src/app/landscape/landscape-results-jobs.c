/* landscape-results-jobs.c: the Landscape results' grids and trajectories,
 * computed on workers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "landscape-results-private.h"

/*
 * The results assemble the landscape the canvas draws with
 * sd_landscape_draw() or sd_landscape_draw_3d(), as `saddle --export`
 * does, from parts computed at different times:
 *
 * - The grid, its contour levels and lines, come from sd_landscape_new()
 *   run on a worker for a copy of the model's scene without runs. A
 *   coarse grid (COARSE_RESOLUTION points a side) is asked for at once;
 *   the full one once the coarse one is computed (while the coarse map is
 *   drawn ahead, see below), or DEBOUNCE_MS after the last of a burst of
 *   requests (keystrokes, drag motion) if that is later. A coarse grid
 *   that comes after the full one is dropped. Each request renews the grid
 *   slot (worker-job.c): a superseded job's result is dropped. In the map
 *   view the job also draws the map once, at the size the canvas last
 *   drew at, which leaves the heatmap and contours in the landscape's
 *   layer cache: the main thread's first frame with the new grid only
 *   paints them.
 *
 * - The trajectories are computed for the model's surface and runs on the
 *   main thread when they are expected to take less than
 *   MAIN_THREAD_BUDGET_US (from the time per step last measured for the
 *   surface), so dragging the start point redraws the race at every
 *   motion; otherwise on a worker, under the same latest-only rule.
 */

/* Quick to compute, and already smooth enough to show the surface's shape. */
#define COARSE_RESOLUTION 64
/* Grid requests closer together than this are merged. */
#define DEBOUNCE_MS 30
/* A quarter of a 60 Hz frame: trajectories expected to take longer are
 * computed on a worker. */
#define MAIN_THREAD_BUDGET_US 4000.0

/* Grids */

/* A coarse grid computed, before its map is drawn ahead: the full grid
 * can start meanwhile on the other core. Made on the main thread with the
 * job, posted back by the worker, so no thread but the main one ever
 * holds a strong reference to the results. */
typedef struct
{
  GWeakRef      owner;
  GCancellable *cancellable;
} CoarseNote;

typedef struct
{
  SdScene         *scene;
  gboolean         coarse;

  /* Drawing the map once on the worker fills the landscape's cache of
   * heatmap and contours for the canvas's size and style, which the first
   * frame with the new grid would otherwise draw on the main thread. */
  gboolean         prerender;
  SdSurfaceLayers  layers;
  SdFigureOptions  options;
  int              device_scale;

  GCancellable    *cancellable;
  CoarseNote      *note;
  GMainContext    *context;
} GridJob;

static void
coarse_note_free (gpointer data)
{
  CoarseNote *note = data;

  g_weak_ref_clear (&note->owner);
  g_clear_object (&note->cancellable);
  g_free (note);
}

static void
grid_job_free (gpointer data)
{
  GridJob *job = data;

  g_clear_pointer (&job->scene, sd_scene_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->note, coarse_note_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static void start_full_grid_when_due (SdLandscapeResults *self);

static gboolean
on_coarse_computed (gpointer data)
{
  CoarseNote *note = data;
  g_autoptr(SdLandscapeResults) self = NULL;

  self = g_weak_ref_get (&note->owner);

  /* Posted as an idle source, the note is read on the thread the results
   * live on, never on the worker that computed the grid (which would then
   * read the model's scene while the main thread writes it). */
  g_assert (self == NULL || self->thread == g_thread_self ());

  if (self != NULL && sd_worker_slot_is_current (&self->grid_slot, note->cancellable))
    {
      self->coarse_computed = TRUE;
      start_full_grid_when_due (self);
    }
  return G_SOURCE_REMOVE;
}

/* The landscape draws the job's scene, which has no runs: what is drawn
 * besides the cached layer (axes, colour bar, title) is laid out as the
 * canvas will lay it out, so the cache's geometry matches. */
static void
prerender_map (SdLandscape *landscape,
               GridJob     *job)
{
  int scale = job->device_scale;
  cairo_surface_t *image;
  cairo_t *cr;

  sd_scene_get_surface (job->scene)->layers = job->layers;
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) job->options.width * scale,
                                      (int) job->options.height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  sd_plot_free (sd_landscape_draw (landscape, cr, &job->options));
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

static gpointer
compute_grid (gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  GridJob *job = task_data;
  SdLandscape *landscape;

  landscape = sd_landscape_new (job->scene, cancellable, error);
  if (landscape == NULL)
    return NULL;

  if (job->note != NULL)
    sd_worker_post (job->context, on_coarse_computed, g_steal_pointer (&job->note),
                    coarse_note_free);
  if (job->prerender && !g_cancellable_is_cancelled (cancellable))
    prerender_map (landscape, job);
  return landscape;
}

static gboolean
is_cancellation (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The landscape's own scene was the job's copy, without runs: from now on
 * it draws the results' scene and trajectories. */
static void
apply_landscape (SdLandscapeResults *self,
                 SdLandscape        *landscape)
{
  landscape->scene = self->draw_scene;
  g_ptr_array_unref (landscape->trajectories);
  landscape->trajectories = g_ptr_array_ref (self->trajectories);

  g_clear_pointer (&self->landscape, sd_landscape_free);
  self->landscape = landscape;
}

/* A range widens only to hold values beyond it by more than this share
 * of its span (of its decades on a log scale): a finer grid that finds a
 * slightly higher peak would otherwise cost a grid of its own, for
 * colours no one could tell apart. */
#define PIN_TOLERANCE 0.02

/* Whether [lo, hi] reaches meaningfully beyond the pinned range. On a log
 * scale only the top counts: the bottom is where the values come closest
 * to a minimum of 0, which every finer grid or closer view approaches
 * further; below it the bottom colour is honest, "at the minimum". */
static gboolean
beyond_pin (SdLandscapeResults *self,
            gboolean            log_scale,
            double              lo,
            double              hi)
{
  double a = self->color_pin[0], b = self->color_pin[1];

  if (log_scale && a > 0.0 && lo > 0.0)
    return log10 (hi) > log10 (b) + PIN_TOLERANCE * (log10 (b) - log10 (a));
  return lo < a - PIN_TOLERANCE * (b - a) || hi > b + PIN_TOLERANCE * (b - a);
}

/* Fixes the colour scale to the surface once the first full grid of a
 * surface gave its range, and widens it to hold what each new view shows:
 * a point keeps its colour while the view pans and zooms, and no value in
 * view falls beyond the colour bar. The range is view state, written into
 * the scene when it is saved or exported (sd_landscape_results_get_color_pin());
 * only a widened range needs the grid again. */
static void
keep_color_range (SdLandscapeResults *self,
                  const SdLandscape  *landscape)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  SdScale scale;
  double lo, hi;

  if (surface->has_color_range || !sd_landscape_get_data_range (landscape, &lo, &hi)
      || !(lo < hi) || !sd_landscape_get_color_range (landscape, &scale, NULL, NULL))
    return;

  /* The first range is the one the grid was just coloured with. */
  if (!self->has_color_pin)
    {
      self->has_color_pin = self->grid_has_color_range = TRUE;
      self->color_pin[0] = self->grid_color_range[0] = lo;
      self->color_pin[1] = self->grid_color_range[1] = hi;
      return;
    }

  if (!beyond_pin (self, scale == SD_SCALE_LOG, lo, hi))
    return;

  if (scale != SD_SCALE_LOG)
    self->color_pin[0] = MIN (lo, self->color_pin[0]);
  self->color_pin[1] = MAX (hi, self->color_pin[1]);
  _sd_landscape_results_request_grid (self);
}

static void
on_grid_ready (GObject      *owner,
               gpointer      result,
               const GError *error,
               gpointer      task_data)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (owner);
  g_autoptr(SdLandscape) landscape = result;
  GridJob *job = task_data;

  if (job->coarse)
    self->coarse_pending = FALSE;
  else
    self->grid_pending = FALSE;

  /* The full grid, started once the coarse one was computed, can be
   * ready before the coarse one's map is drawn: that one is late. */
  if (job->coarse && !self->grid_pending)
    return;

  if (landscape != NULL)
    {
      guint resolution = landscape->grid->nx;

      apply_landscape (self, g_steal_pointer (&landscape));
      if (!job->coarse)
        keep_color_range (self, self->landscape);
      _sd_landscape_results_update_busy (self);
      _sd_landscape_results_emit_grid_applied (self, resolution);
    }
  else
    {
      if (!is_cancellation (error))
        g_warning ("Could not compute the surface: %s", error->message);
      _sd_landscape_results_update_busy (self);
    }

  /* Handlers may have asked for another grid already. */
  if (job->coarse && sd_worker_slot_is_current (&self->grid_slot, job->cancellable))
    start_full_grid_when_due (self);
}

/* The map is drawn ahead at the size and pixel scale the canvas last drew
 * at, in its current style. */
static void
set_prerender (SdLandscapeResults *self,
               GridJob            *job)
{
  if (!self->has_prerender || sd_scene_get_surface (job->scene)->view != SD_VIEW_MAP)
    return;

  job->prerender = TRUE;
  job->device_scale = self->prerender_scale;
  job->options = self->prerender_options;
}

static void
start_grid_job (SdLandscapeResults *self,
                gboolean            coarse)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  SdSceneSurface *surface;
  GridJob *job;

  job = g_new0 (GridJob, 1);
  job->coarse = coarse;
  job->cancellable = g_object_ref (sd_worker_slot_get_cancellable (&self->grid_slot));
  job->context = g_main_context_ref_thread_default ();
  job->scene = sd_scene_copy (scene);
  job->scene->has_step = FALSE;
  surface = sd_scene_get_surface (job->scene);
  g_ptr_array_set_size (surface->runs, 0);
  if (!surface->has_color_range && self->has_color_pin)
    {
      surface->has_color_range = TRUE;
      memcpy (surface->color_range, self->color_pin, sizeof surface->color_range);
    }
  if (coarse)
    {
      surface->resolution = COARSE_RESOLUTION;
      job->note = g_new0 (CoarseNote, 1);
      g_weak_ref_init (&job->note->owner, self);
      job->note->cancellable = g_object_ref (job->cancellable);
    }
  /* Contours are always computed, so that switching their layer on costs
   * no new grid; the gradient field is drawn from the surface itself, so
   * the grid needs no gradient. */
  job->layers = sd_scene_get_surface (scene)->layers;
  surface->layers = SD_LAYER_HEATMAP | SD_LAYER_CONTOURS;
  set_prerender (self, job);

  sd_worker_slot_run (&self->grid_slot, G_OBJECT (self),
                      coarse ? "[saddle] coarse grid" : "[saddle] grid",
                      compute_grid, job, grid_job_free,
                      (GDestroyNotify) sd_landscape_free, on_grid_ready);
}

/* The full grid waits for the coarse one, so that the coarse one always
 * shows first, and for the end of a burst of requests. */
static void
start_full_grid_when_due (SdLandscapeResults *self)
{
  if (!self->full_due || (self->coarse_pending && !self->coarse_computed))
    return;

  self->full_due = FALSE;
  start_grid_job (self, FALSE);
}

static gboolean
on_debounce_timeout (gpointer user_data)
{
  SdLandscapeResults *self = user_data;

  self->grid_timeout_id = 0;
  self->full_due = TRUE;
  start_full_grid_when_due (self);
  return G_SOURCE_REMOVE;
}

void
_sd_landscape_results_request_grid (SdLandscapeResults *self)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  gint64 now = g_get_monotonic_time ();
  gboolean burst = now - self->last_grid_request < DEBOUNCE_MS * 1000;

  sd_worker_slot_renew (&self->grid_slot);
  g_clear_handle_id (&self->grid_timeout_id, g_source_remove);

  self->last_grid_request = now;
  self->grid_log_scale = surface->log_scale;
  self->grid_contours = surface->contours;
  self->grid_has_color_range = surface->has_color_range || self->has_color_pin;
  memcpy (self->grid_color_range, surface->has_color_range ? surface->color_range : self->color_pin,
          sizeof self->grid_color_range);
  self->grid_pending = TRUE;
  _sd_landscape_results_update_busy (self);

  self->coarse_computed = FALSE;
  self->coarse_pending = surface->resolution > COARSE_RESOLUTION;
  if (self->coarse_pending)
    start_grid_job (self, TRUE);

  /* The first request of a burst is due at once; later ones wait for the
   * burst to pause, the coarse grid showing meanwhile. */
  self->full_due = !burst;
  if (burst)
    self->grid_timeout_id = g_timeout_add (DEBOUNCE_MS, on_debounce_timeout, self);
  else
    start_full_grid_when_due (self);
}

/* Trajectories */

typedef struct
{
  SdSurface *surface;
  GPtrArray *runs;
} RunsJob;

typedef struct
{
  GPtrArray *trajectories;
  guint64    steps;
  gint64     elapsed_us;
} RunsResult;

/* The calling thread's processor time: the runs' cost, whatever else
 * the machine is doing meanwhile. */
static gint64
thread_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
runs_job_free (gpointer data)
{
  RunsJob *job = data;

  g_clear_pointer (&job->surface, sd_surface_unref);
  g_clear_pointer (&job->runs, g_ptr_array_unref);
  g_free (job);
}

static void
runs_result_free (gpointer data)
{
  RunsResult *result = data;

  g_clear_pointer (&result->trajectories, g_ptr_array_unref);
  g_free (result);
}

static guint64
count_steps (const GPtrArray *runs)
{
  guint64 steps = 0;

  for (guint i = 0; i < runs->len; i++)
    steps += ((const SdSceneRun *) g_ptr_array_index (runs, i))->steps;

  return steps;
}

/* One trajectory per run, in order; @steps gets the updates made. */
static GPtrArray *
compute_trajectories (SdSurface        *surface,
                      const GPtrArray  *runs,
                      GCancellable     *cancellable,
                      guint64          *steps,
                      GError          **error)
{
  g_autoptr(GPtrArray) trajectories = NULL;

  trajectories = g_ptr_array_new_full (runs->len, (GDestroyNotify) sd_trajectory_free);
  *steps = 0;
  for (guint i = 0; i < runs->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (runs, i);
      SdTrajectory *trajectory;

      trajectory = sd_trajectory_compute (surface, &run->params, run->start, run->steps,
                                          cancellable, error);
      if (trajectory == NULL)
        return NULL;

      *steps += sd_trajectory_get_n_steps (trajectory);
      g_ptr_array_add (trajectories, trajectory);
    }

  return g_steal_pointer (&trajectories);
}

static gpointer
compute_runs (gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  RunsJob *job = task_data;
  RunsResult *result = g_new0 (RunsResult, 1);
  gint64 start = thread_time_us ();

  result->trajectories = compute_trajectories (job->surface, job->runs, cancellable,
                                               &result->steps, error);
  result->elapsed_us = thread_time_us () - start;
  if (result->trajectories == NULL)
    g_clear_pointer (&result, runs_result_free);

  return result;
}

static void
measure_runs (SdLandscapeResults *self,
              guint64             steps,
              gint64              elapsed_us)
{
  if (steps > 0)
    self->ns_per_step = 1000.0 * (double) elapsed_us / (double) steps;
}

/* @runs: (transfer full): the runs @trajectories were computed for */
static void
apply_trajectories (SdLandscapeResults *self,
                    GPtrArray          *trajectories,
                    GPtrArray          *runs)
{
  g_clear_pointer (&self->trajectories, g_ptr_array_unref);
  self->trajectories = trajectories;
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  self->runs = runs;

  if (self->landscape != NULL)
    {
      g_ptr_array_unref (self->landscape->trajectories);
      self->landscape->trajectories = g_ptr_array_ref (self->trajectories);
    }

  _sd_landscape_results_refresh (self);
  _sd_landscape_results_emit_trajectories (self);
}

static void
on_runs_ready (GObject      *owner,
               gpointer      result,
               const GError *error,
               gpointer      task_data)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (owner);
  RunsResult *computed = result;
  RunsJob *job = task_data;

  self->runs_pending = FALSE;
  _sd_landscape_results_update_busy (self);
  if (computed == NULL)
    {
      if (!is_cancellation (error))
        g_warning ("Could not compute the runs: %s", error->message);
      return;
    }

  if (job->surface == self->surface)
    measure_runs (self, computed->steps, computed->elapsed_us);
  apply_trajectories (self, g_steal_pointer (&computed->trajectories),
                      g_steal_pointer (&job->runs));
  runs_result_free (computed);
}

/* Cheap enough for the frame: computed now, so a dragged start point shows
 * its race at once. */
static void
compute_runs_now (SdLandscapeResults *self,
                  GPtrArray          *runs)
{
  g_autoptr(GError) error = NULL;
  gint64 start = thread_time_us ();
  GPtrArray *trajectories;
  guint64 done;

  trajectories = compute_trajectories (self->surface, runs, NULL, &done, &error);
  self->runs_pending = FALSE;
  _sd_landscape_results_update_busy (self);
  if (trajectories == NULL)
    {
      g_warning ("Could not compute the runs: %s", error->message);
      g_ptr_array_unref (runs);
      return;
    }

  measure_runs (self, done, thread_time_us () - start);
  apply_trajectories (self, trajectories, runs);
}

void
_sd_landscape_results_request_trajectories (SdLandscapeResults *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autoptr(GPtrArray) runs = _sd_landscape_results_copy_runs (sd_scene_get_surface (scene)->runs);
  guint64 steps = count_steps (runs);
  RunsJob *job;

  sd_worker_slot_renew (&self->runs_slot);
  if (self->surface == NULL)
    return;

  /* A surface not measured yet goes to a worker. */
  if (steps == 0 || (self->ns_per_step > 0.0
                     && self->ns_per_step * (double) steps < 1000.0 * MAIN_THREAD_BUDGET_US))
    {
      compute_runs_now (self, g_steal_pointer (&runs));
      return;
    }

  job = g_new0 (RunsJob, 1);
  job->surface = sd_surface_ref (self->surface);
  job->runs = g_steal_pointer (&runs);
  sd_worker_slot_run (&self->runs_slot, G_OBJECT (self), "[saddle] runs", compute_runs, job,
                      runs_job_free, runs_result_free, on_runs_ready);

  self->runs_pending = TRUE;
  _sd_landscape_results_update_busy (self);
}
