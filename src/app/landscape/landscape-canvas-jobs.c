/* landscape-canvas-jobs.c: the Landscape canvas's grids and trajectories,
 * computed on workers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "landscape-canvas-private.h"

/*
 * The canvas draws an SdLandscape with sd_landscape_draw() or
 * sd_landscape_draw_3d(), as `saddle --export` does, and assembles that
 * landscape from parts computed at different times:
 *
 * - The grid, its contour levels and lines, come from sd_landscape_new()
 *   run on a worker thread for a copy of the model's scene without runs.
 *   A coarse grid (COARSE_RESOLUTION points a side) is asked for at once;
 *   the full one once the coarse one is computed (while the coarse map is
 *   drawn ahead, see below), or DEBOUNCE_MS after the last of a burst of
 *   requests (keystrokes, drag motion) if that is later. A coarse grid
 *   that comes after the full one is dropped. Each request cancels the previous one's GCancellable and swaps
 *   in a new one; a job keeps a GWeakRef to the canvas and its own
 *   cancellable, and its result is applied only if the canvas is alive and
 *   the job's cancellable is still the canvas's. In the map view the job
 *   also draws the map once, at the size the canvas last drew at, which
 *   leaves the heatmap and contours in the landscape's layer cache: the
 *   main thread's first frame with the new grid only paints them.
 *
 * - The trajectories are computed for the model's surface and runs on the
 *   main thread when they are expected to take less than
 *   MAIN_THREAD_BUDGET_US (from the time per step last measured for the
 *   surface), so dragging the start point redraws the race at every
 *   motion; otherwise on a worker, under the same latest-only rule.
 *
 * - The scene the landscape points to is the canvas's own copy of the
 *   model's scene, whose runs always match the trajectories (one per run)
 *   and whose `step` is the canvas's iteration; the model's scene is never
 *   written.
 */

/* Quick to compute, and already smooth enough to show the surface's shape. */
#define COARSE_RESOLUTION 64
/* Grid requests closer together than this are merged. */
#define DEBOUNCE_MS 30
/* A quarter of a 60 Hz frame: trajectories expected to take longer are
 * computed on a worker. */
#define MAIN_THREAD_BUDGET_US 4000.0

/* Scene copies */

GPtrArray *
sd_landscape_canvas_copy_runs (const GPtrArray *runs)
{
  GPtrArray *copy = g_ptr_array_new_full (runs != NULL ? runs->len : 0,
                                          (GDestroyNotify) sd_scene_run_free);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    g_ptr_array_add (copy, sd_scene_run_copy (g_ptr_array_index (runs, i)));

  return copy;
}

/* A deep copy of @scene's surface scene with @runs (possibly none) as its
 * runs, to be freed with sd_scene_free(). */
SdScene *
sd_landscape_canvas_copy_scene (const SdScene   *scene,
                                const GPtrArray *runs)
{
  SdScene *copy = sd_scene_copy (scene);
  SdSceneSurface *surface = sd_scene_get_surface (copy);

  g_ptr_array_unref (surface->runs);
  surface->runs = sd_landscape_canvas_copy_runs (runs);

  return copy;
}

/* Grids */

typedef struct
{
  GWeakRef         canvas;
  GCancellable    *cancellable;
  SdScene         *scene;
  gboolean         coarse;

  /* Drawing the map once on the worker fills the landscape's cache of
   * heatmap and contours for the canvas's size and style, which the first
   * frame with the new grid would otherwise draw on the main thread. */
  gboolean         prerender;
  SdSurfaceLayers  layers;
  SdFigureOptions  options;
  int              device_scale;

  /* Where the canvas lives, told when a coarse grid is computed. */
  GMainContext    *context;
} GridJob;

/* A coarse grid computed, before its map is drawn ahead: the full grid
 * can start meanwhile on the other core. */
typedef struct
{
  GWeakRef      canvas;
  GCancellable *cancellable;
} CoarseNote;

static void
grid_job_free (gpointer data)
{
  GridJob *job = data;

  g_weak_ref_clear (&job->canvas);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->scene, sd_scene_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static void
coarse_note_free (gpointer data)
{
  CoarseNote *note = data;

  g_weak_ref_clear (&note->canvas);
  g_clear_object (&note->cancellable);
  g_free (note);
}

static void start_full_grid_when_due (SdLandscapeCanvas *self);

static gboolean
on_coarse_computed (gpointer data)
{
  CoarseNote *note = data;
  g_autoptr(SdLandscapeCanvas) self = g_weak_ref_get (&note->canvas);

  if (self != NULL && note->cancellable == self->grid_cancellable)
    {
      self->coarse_computed = TRUE;
      start_full_grid_when_due (self);
    }
  return G_SOURCE_REMOVE;
}

/* Called on the worker. */
static void
tell_coarse_computed (GridJob *job)
{
  CoarseNote *note = g_new0 (CoarseNote, 1);
  g_autoptr(GObject) canvas = g_weak_ref_get (&job->canvas);

  g_weak_ref_init (&note->canvas, canvas);
  note->cancellable = g_object_ref (job->cancellable);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, on_coarse_computed, note,
                              coarse_note_free);
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

static void
compute_grid_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GridJob *job = task_data;
  GError *error = NULL;
  SdLandscape *landscape;

  landscape = sd_landscape_new (job->scene, cancellable, &error);
  if (landscape == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->coarse)
    tell_coarse_computed (job);
  if (job->prerender && !g_cancellable_is_cancelled (cancellable))
    prerender_map (landscape, job);
  g_task_return_pointer (task, landscape, (GDestroyNotify) sd_landscape_free);
}

static gboolean
is_cancellation (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The landscape's own scene was the job's copy, without runs: from now on
 * it draws the canvas's scene and trajectories. */
static void
apply_landscape (SdLandscapeCanvas *self,
                 SdLandscape       *landscape)
{
  landscape->scene = self->draw_scene;
  g_ptr_array_unref (landscape->trajectories);
  landscape->trajectories = g_ptr_array_ref (self->trajectories);

  g_clear_pointer (&self->landscape, sd_landscape_free);
  self->landscape = landscape;

  sd_landscape_canvas_invalidate_figure (self);
  sd_landscape_canvas_update_hover (self);
}

static void
on_grid_ready (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = G_TASK (result);
  GridJob *job = g_task_get_task_data (task);
  g_autoptr(SdLandscapeCanvas) self = g_weak_ref_get (&job->canvas);
  g_autoptr(SdLandscape) landscape = NULL;
  g_autoptr(GError) error = NULL;

  landscape = g_task_propagate_pointer (task, &error);

  /* Gone, or superseded by a newer request: nothing to show. */
  if (self == NULL || job->cancellable != self->grid_cancellable)
    return;

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
      sd_landscape_canvas_update_busy (self);
      sd_landscape_canvas_emit_grid_applied (self, resolution);
    }
  else
    {
      if (!is_cancellation (error))
        g_warning ("Could not compute the surface: %s", error->message);
      sd_landscape_canvas_update_busy (self);
    }

  /* Handlers may have asked for another grid already. */
  if (job->coarse && job->cancellable == self->grid_cancellable)
    start_full_grid_when_due (self);
}

/* The map is drawn ahead at the size and pixel scale the canvas last drew
 * at, in its current style. */
static void
set_prerender (SdLandscapeCanvas *self,
               GridJob           *job)
{
  if (self->drawn_width <= 0 || self->drawn_height <= 0
      || sd_scene_get_surface (job->scene)->view != SD_VIEW_MAP)
    return;

  job->prerender = TRUE;
  job->device_scale = self->drawn_scale;
  sd_landscape_canvas_get_options (self, self->drawn_width, self->drawn_height, &job->options);
}

static void
start_grid_job (SdLandscapeCanvas *self,
                gboolean           coarse)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autoptr(GTask) task = NULL;
  GridJob *job;

  job = g_new0 (GridJob, 1);
  g_weak_ref_init (&job->canvas, self);
  job->cancellable = g_object_ref (self->grid_cancellable);
  job->coarse = coarse;
  job->context = g_main_context_ref_thread_default ();
  job->scene = sd_landscape_canvas_copy_scene (scene, NULL);
  job->scene->has_step = FALSE;
  if (coarse)
    sd_scene_get_surface (job->scene)->resolution = COARSE_RESOLUTION;
  /* Contours are always computed, so that switching their layer on costs
   * no new grid; the gradient field is drawn from the surface itself, so
   * the grid needs no gradient. */
  job->layers = sd_scene_get_surface (scene)->layers;
  sd_scene_get_surface (job->scene)->layers = SD_LAYER_HEATMAP | SD_LAYER_CONTOURS;
  set_prerender (self, job);

  task = g_task_new (NULL, job->cancellable, on_grid_ready, NULL);
  g_task_set_source_tag (task, start_grid_job);
  g_task_set_name (task, coarse ? "[saddle] coarse grid" : "[saddle] grid");
  g_task_set_task_data (task, job, grid_job_free);
  g_task_run_in_thread (task, compute_grid_in_thread);
}

/* The full grid waits for the coarse one, so that the coarse one always
 * shows first, and for the end of a burst of requests. */
static void
start_full_grid_when_due (SdLandscapeCanvas *self)
{
  if (!self->full_due || (self->coarse_pending && !self->coarse_computed))
    return;

  self->full_due = FALSE;
  start_grid_job (self, FALSE);
}

static gboolean
on_debounce_timeout (gpointer user_data)
{
  SdLandscapeCanvas *self = user_data;

  self->grid_timeout_id = 0;
  self->full_due = TRUE;
  start_full_grid_when_due (self);
  return G_SOURCE_REMOVE;
}

void
sd_landscape_canvas_request_grid (SdLandscapeCanvas *self)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  gint64 now = g_get_monotonic_time ();
  gboolean burst = now - self->last_grid_request < DEBOUNCE_MS * 1000;

  g_cancellable_cancel (self->grid_cancellable);
  g_clear_object (&self->grid_cancellable);
  self->grid_cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->grid_timeout_id, g_source_remove);

  self->last_grid_request = now;
  self->grid_log_scale = surface->log_scale;
  self->grid_contours = surface->contours;
  self->grid_pending = TRUE;
  sd_landscape_canvas_update_busy (self);

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
  GWeakRef      canvas;
  GCancellable *cancellable;
  SdSurface    *surface;
  GPtrArray    *runs;
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

  g_weak_ref_clear (&job->canvas);
  g_clear_object (&job->cancellable);
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

static void
compute_runs_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  RunsJob *job = task_data;
  RunsResult *result = g_new0 (RunsResult, 1);
  gint64 start = thread_time_us ();
  GError *error = NULL;

  result->trajectories = compute_trajectories (job->surface, job->runs, cancellable,
                                               &result->steps, &error);
  result->elapsed_us = thread_time_us () - start;
  if (result->trajectories == NULL)
    {
      runs_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, runs_result_free);
}

static void
measure_runs (SdLandscapeCanvas *self,
              guint64            steps,
              gint64             elapsed_us)
{
  if (steps > 0)
    self->ns_per_step = 1000.0 * (double) elapsed_us / (double) steps;
}

/* @runs: (transfer full): the runs @trajectories were computed for */
static void
apply_trajectories (SdLandscapeCanvas *self,
                    GPtrArray         *trajectories,
                    GPtrArray         *runs)
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

  sd_landscape_canvas_refresh_draw_scene (self);
  sd_landscape_canvas_invalidate_figure (self);
  sd_landscape_canvas_emit_trajectories_changed (self);
}

static void
on_runs_ready (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = G_TASK (result);
  RunsJob *job = g_task_get_task_data (task);
  g_autoptr(SdLandscapeCanvas) self = g_weak_ref_get (&job->canvas);
  RunsResult *computed;
  g_autoptr(GError) error = NULL;

  computed = g_task_propagate_pointer (task, &error);
  if (self == NULL || job->cancellable != self->runs_cancellable)
    {
      g_clear_pointer (&computed, runs_result_free);
      return;
    }

  self->runs_pending = FALSE;
  sd_landscape_canvas_update_busy (self);
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

void
sd_landscape_canvas_request_trajectories (SdLandscapeCanvas *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autoptr(GPtrArray) runs = sd_landscape_canvas_copy_runs (sd_scene_get_surface (scene)->runs);
  guint64 steps = count_steps (runs);
  g_autoptr(GTask) task = NULL;
  RunsJob *job;

  g_cancellable_cancel (self->runs_cancellable);
  g_clear_object (&self->runs_cancellable);
  self->runs_cancellable = g_cancellable_new ();
  if (self->surface == NULL)
    return;

  /* Cheap enough for the frame: compute now, so a dragged start point
   * shows its race at once. A surface not measured yet goes to a worker. */
  if (steps == 0 || (self->ns_per_step > 0.0
                     && self->ns_per_step * (double) steps < 1000.0 * MAIN_THREAD_BUDGET_US))
    {
      g_autoptr(GError) error = NULL;
      gint64 start = thread_time_us ();
      GPtrArray *trajectories;
      guint64 done;

      trajectories = compute_trajectories (self->surface, runs, NULL, &done, &error);
      self->runs_pending = FALSE;
      sd_landscape_canvas_update_busy (self);
      if (trajectories == NULL)
        {
          g_warning ("Could not compute the runs: %s", error->message);
          return;
        }

      measure_runs (self, done, thread_time_us () - start);
      apply_trajectories (self, trajectories, g_steal_pointer (&runs));
      return;
    }

  job = g_new0 (RunsJob, 1);
  g_weak_ref_init (&job->canvas, self);
  job->cancellable = g_object_ref (self->runs_cancellable);
  job->surface = sd_surface_ref (self->surface);
  job->runs = g_steal_pointer (&runs);

  task = g_task_new (NULL, job->cancellable, on_runs_ready, NULL);
  g_task_set_source_tag (task, sd_landscape_canvas_request_trajectories);
  g_task_set_name (task, "[saddle] runs");
  g_task_set_task_data (task, job, runs_job_free);
  g_task_run_in_thread (task, compute_runs_in_thread);

  self->runs_pending = TRUE;
  sd_landscape_canvas_update_busy (self);
}
