/* landscape-canvas.c: the Landscape page's figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "application.h"
#include "core-error.h"
#include "landscape-canvas.h"
#include "window.h"

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
 *
 * While a grid for a new range computes, the figure drawn for the old
 * range stays on screen, its plot area moved and scaled to where the new
 * range puts it. The figure is rendered on an image so that the
 * landscape's layer cache holds (it only caches on images) and hovering
 * repaints that image rather than the figure; the hover box and the start
 * point's grab ring are drawn over it, uncached.
 */

/* Quick to compute, and already smooth enough to show the surface's shape. */
#define COARSE_RESOLUTION 64
/* Grid requests closer together than this are merged. */
#define DEBOUNCE_MS 30
/* A quarter of a 60 Hz frame: trajectories expected to take longer are
 * computed on a worker. */
#define MAIN_THREAD_BUDGET_US 4000.0

#define WHEEL_ZOOM 1.2
/* Smooth scrolling (touchpads) reports pixels; this many make one notch. */
#define SMOOTH_SCROLL_PIXELS 40.0
#define KEY_ZOOM 1.25
#define KEY_PAN 0.1
#define KEY_ROTATE 5.0
/* Degrees of azimuth or elevation per pixel dragged in the 3-D view. */
#define DRAG_ROTATE 0.4
/* How near the start marker a drag must begin to move it, in points. */
#define START_GRAB_RADIUS 12.0
/* Ranges narrower than this share of their magnitude, or wider than
 * MAX_SPAN, would leave double precision or any sensible view. */
#define MIN_RELATIVE_SPAN 1e-9
#define MAX_SPAN 1e9

#define HOVER_OFFSET 16.0
#define HOVER_PADDING 8.0
#define HOVER_RADIUS 6.0

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,
  DRAG_PAN,
  DRAG_MOVE_START,
  DRAG_ROTATE_VIEW,
} DragMode;

struct _SdLandscapeCanvas
{
  GtkWidget          parent_instance;

  SdLandscapeModel  *model;
  gulong             changed_id;
  guint              iteration;

  /* The surface the model describes now, for the runs and the hover
   * readout; the grid on screen may still be an older surface's. */
  SdSurface         *surface;
  char              *surface_key;

  SdLandscape       *landscape;
  SdScene           *draw_scene;
  GPtrArray         *trajectories;
  GPtrArray         *runs;

  GCancellable      *grid_cancellable;
  guint              grid_timeout_id;
  gint64             last_grid_request;
  gboolean           grid_pending;
  gboolean           coarse_pending;
  gboolean           coarse_computed;
  gboolean           full_due;
  gboolean           grid_log_scale;
  guint              grid_contours;

  GCancellable      *runs_cancellable;
  gboolean           runs_pending;
  double             ns_per_step;

  gboolean           busy;

  /* The rendered figure, what it was rendered with and for. */
  cairo_surface_t   *figure;
  SdPlot            *plot;
  SdFigureOptions    options;
  int                figure_scale;
  SdSurfaceView      figure_view;
  double             figure_range[4];
  gboolean           figure_valid;
  /* The size and pixel scale of the last drawing, for drawing ahead. */
  int                drawn_width;
  int                drawn_height;
  int                drawn_scale;

  GSettings         *settings;
  SdWindow          *window;
  gulong             presentation_id;

  DragMode           drag_mode;
  gboolean           drag_moved;
  double             drag_x;
  double             drag_y;
  double             drag_range[4];
  double             drag_start[2];
  double             drag_azimuth;
  double             drag_elevation;
  cairo_rectangle_t  drag_area;
  double             pinch_range[4];
  double             pinch_centre[2];

  gboolean           pointer_inside;
  double             pointer_x;
  double             pointer_y;
  gboolean           has_hover;
  double             hover_point[2];
  double             hover_value;
  double             hover_gradient[2];
  char              *hover_text;
  char              *hover_box_text;
  gboolean           near_start;
  const char        *cursor;

  /* What to explain at the current iterate of which run. */
};

G_DEFINE_FINAL_TYPE (SdLandscapeCanvas, sd_landscape_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ITERATION,
  PROP_BUSY,
  PROP_HOVER_TEXT,
  N_PROPS
};

enum {
  GRID_APPLIED,
  TRAJECTORIES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh_draw_scene (SdLandscapeCanvas *self);
static void update_hover       (SdLandscapeCanvas *self);

/* Scene copies */

static void
run_free (gpointer data)
{
  SdSceneRun *run = data;

  g_free (run->name);
  g_free (run);
}

static GPtrArray *
copy_runs (const GPtrArray *runs)
{
  GPtrArray *copy = g_ptr_array_new_full (runs != NULL ? runs->len : 0, run_free);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      SdSceneRun *run = g_memdup2 (g_ptr_array_index (runs, i), sizeof (SdSceneRun));

      run->name = g_strdup (run->name);
      g_ptr_array_add (copy, run);
    }

  return copy;
}

/* A deep copy of @scene's surface scene with @runs (possibly none) as its
 * runs, to be freed with sd_scene_free(). */
static SdScene *
copy_scene (const SdScene   *scene,
            const GPtrArray *runs)
{
  SdScene *copy = sd_scene_new (SD_SCENE_SURFACE);

  g_free (copy->surface.function);
  copy->surface = scene->surface;
  copy->surface.function = g_strdup (scene->surface.function);
  copy->surface.expression = g_strdup (scene->surface.expression);
  copy->surface.color_map = g_strdup (scene->surface.color_map);
  copy->title = g_strdup (scene->title);
  copy->has_step = scene->has_step;
  copy->step = scene->step;

  g_ptr_array_unref (copy->runs);
  copy->runs = copy_runs (runs);

  return copy;
}

static void
get_model_range (SdLandscapeCanvas *self,
                 double             range[4])
{
  const SdSceneSurface *surface = &sd_landscape_model_get_scene (self->model)->surface;

  range[0] = surface->x_range[0];
  range[1] = surface->x_range[1];
  range[2] = surface->y_range[0];
  range[3] = surface->y_range[1];
}

static SdSurfaceView
get_view (SdLandscapeCanvas *self)
{
  return self->model != NULL ? sd_landscape_model_get_scene (self->model)->surface.view
                             : SD_VIEW_MAP;
}

static void
update_busy (SdLandscapeCanvas *self)
{
  gboolean busy = self->grid_pending || self->runs_pending;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
invalidate_figure (SdLandscapeCanvas *self)
{
  self->figure_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  job->scene->surface.layers = job->layers;
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

  invalidate_figure (self);
  update_hover (self);
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
      update_busy (self);
      g_signal_emit (self, signals[GRID_APPLIED], 0, resolution);
    }
  else
    {
      if (!is_cancellation (error))
        g_warning ("Could not compute the surface: %s", error->message);
      update_busy (self);
    }

  /* Handlers may have asked for another grid already. */
  if (job->coarse && job->cancellable == self->grid_cancellable)
    start_full_grid_when_due (self);
}

static void get_options (SdLandscapeCanvas *self,
                         double             width,
                         double             height,
                         SdFigureOptions   *options);

/* The map is drawn ahead at the size and pixel scale the canvas last drew
 * at, in its current style. */
static void
set_prerender (SdLandscapeCanvas *self,
               GridJob           *job)
{
  if (self->drawn_width <= 0 || self->drawn_height <= 0
      || job->scene->surface.view != SD_VIEW_MAP)
    return;

  job->prerender = TRUE;
  job->device_scale = self->drawn_scale;
  get_options (self, self->drawn_width, self->drawn_height, &job->options);
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
  job->scene = copy_scene (scene, NULL);
  job->scene->has_step = FALSE;
  if (coarse)
    job->scene->surface.resolution = COARSE_RESOLUTION;
  /* Contours are always computed, so that switching their layer on costs
   * no new grid; the gradient field is drawn from the surface itself, so
   * the grid needs no gradient. */
  job->layers = scene->surface.layers;
  job->scene->surface.layers = SD_LAYER_HEATMAP | SD_LAYER_CONTOURS;
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

static void
request_grid (SdLandscapeCanvas *self)
{
  const SdSceneSurface *surface = &sd_landscape_model_get_scene (self->model)->surface;
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
  update_busy (self);

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

  refresh_draw_scene (self);
  invalidate_figure (self);
  g_signal_emit (self, signals[TRAJECTORIES_CHANGED], 0);
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
  update_busy (self);
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

static void
request_trajectories (SdLandscapeCanvas *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autoptr(GPtrArray) runs = copy_runs (scene->runs);
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
      update_busy (self);
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
  g_task_set_source_tag (task, request_trajectories);
  g_task_set_name (task, "[saddle] runs");
  g_task_set_task_data (task, job, runs_job_free);
  g_task_run_in_thread (task, compute_runs_in_thread);

  self->runs_pending = TRUE;
  update_busy (self);
}

/* The model */

/* Sets the step the runs are drawn to: the canvas's iteration, or the
 * scene's own `step` when the canvas shows all iterations. */
static void
apply_iteration (SdLandscapeCanvas *self,
                 SdScene           *scene)
{
  const SdScene *model_scene = sd_landscape_model_get_scene (self->model);

  if (self->iteration == SD_LANDSCAPE_CANVAS_ALL_ITERATIONS)
    {
      scene->has_step = model_scene->has_step;
      scene->step = model_scene->step;
    }
  else
    {
      scene->has_step = TRUE;
      scene->step = self->iteration;
    }
}

/* The drawn scene follows the model's, except that its runs stay those
 * the trajectories were computed for while new ones are on the way and
 * their number differs (a run added or removed). */
static void
refresh_draw_scene (SdLandscapeCanvas *self)
{
  const SdScene *scene;
  const GPtrArray *runs;
  SdScene *copy;

  if (self->model == NULL)
    return;

  scene = sd_landscape_model_get_scene (self->model);
  runs = scene->runs->len == self->trajectories->len ? scene->runs : self->runs;
  copy = copy_scene (scene, runs);
  apply_iteration (self, copy);
  g_assert (copy->runs->len == self->trajectories->len);

  if (self->landscape != NULL)
    self->landscape->scene = copy;
  g_clear_pointer (&self->draw_scene, sd_scene_free);
  self->draw_scene = copy;
}

static char *
surface_key (const SdSceneSurface *surface)
{
  char noise[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (noise, sizeof noise, surface->params.noise);
  return g_strdup_printf ("%s\n%s\n%u\n%s\n%u", surface->function,
                          surface->expression != NULL ? surface->expression : "",
                          surface->params.dataset_size, noise, surface->params.seed);
}

/* Makes the surface again when the function or its data changed.
 * Returns: whether it did */
static gboolean
update_surface (SdLandscapeCanvas *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autofree char *key = surface_key (&scene->surface);
  g_autoptr(GError) error = NULL;
  SdSurface *surface;

  if (g_strcmp0 (key, self->surface_key) == 0)
    return FALSE;

  surface = sd_scene_create_surface (scene, &error);
  if (surface == NULL)
    {
      g_warning ("Could not create the surface: %s", error->message);
      return FALSE;
    }

  g_clear_pointer (&self->surface, sd_surface_unref);
  self->surface = surface;
  g_free (self->surface_key);
  self->surface_key = g_steal_pointer (&key);
  /* A new surface may cost much more per step than the last. */
  self->ns_per_step = 0.0;
  return TRUE;
}

static void
on_model_changed (SdLandscapeCanvas *self,
                  guint              changes,
                  SdLandscapeModel  *model)
{
  const SdSceneSurface *surface = &sd_landscape_model_get_scene (model)->surface;
  gboolean new_surface = update_surface (self);

  /* Contour levels and the colour scale are computed with the grid. */
  if ((changes & SD_LANDSCAPE_CHANGE_SURFACE) || new_surface
      || surface->log_scale != self->grid_log_scale || surface->contours != self->grid_contours)
    request_grid (self);

  if ((changes & SD_LANDSCAPE_CHANGE_RUNS) || new_surface)
    request_trajectories (self);

  refresh_draw_scene (self);
  invalidate_figure (self);
  update_hover (self);
}

/* Options and drawing */

static double
get_presentation_scale (SdLandscapeCanvas *self)
{
  if (self->window == NULL || !sd_window_get_presentation_mode (self->window))
    return 1.0;

  return self->settings != NULL ? g_settings_get_double (self->settings, "presentation-scale")
                                : 1.5;
}

static void
get_options (SdLandscapeCanvas *self,
             double             width,
             double             height,
             SdFigureOptions   *options)
{
  sd_figure_options_init (options);
  options->width = width;
  options->height = height;
  options->theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                   ? SD_THEME_DARK : SD_THEME_LIGHT;
  options->scale = get_presentation_scale (self);
  if (self->settings != NULL)
    {
      int colormap = g_settings_get_enum (self->settings, "color-map");

      if (colormap >= 0 && colormap < SD_N_COLORMAPS)
        options->colormap = (SdColormap) colormap;
    }
}

/* Draws the figure; returns its plot in the map view, to map the pointer. */
static SdPlot *
draw_figure (SdLandscapeCanvas     *self,
             cairo_t               *cr,
             const SdFigureOptions *options)
{
  if (self->landscape == NULL)
    {
      SdThemeStyle style;

      sd_theme_get_style (options->theme, options->scale, &style);
      sd_set_source_color (cr, style.background);
      cairo_paint (cr);
      return NULL;
    }

  if (self->draw_scene->surface.view == SD_VIEW_3D)
    {
      sd_landscape_draw_3d (self->landscape, cr, options);
      return NULL;
    }

  return sd_landscape_draw (self->landscape, cr, options);
}

static void
remember_size (SdLandscapeCanvas *self,
               int                width,
               int                height,
               int                scale)
{
  self->drawn_width = width;
  self->drawn_height = height;
  self->drawn_scale = MAX (scale, 1);
}

static void
ensure_figure (SdLandscapeCanvas *self,
               int                width,
               int                height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  if (self->figure_valid && self->figure != NULL && self->figure_scale == scale
      && self->options.width == width && self->options.height == height)
    return;

  /* A new image each time: the last frame's render node may still hold
   * the previous one. */
  g_clear_pointer (&self->figure, cairo_surface_destroy);
  self->figure = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->figure, scale, scale);
  self->figure_scale = scale;

  get_options (self, width, height, &self->options);
  remember_size (self, width, height, scale);
  cr = cairo_create (self->figure);
  g_clear_pointer (&self->plot, sd_plot_free);
  self->plot = draw_figure (self, cr, &self->options);
  cairo_destroy (cr);

  self->figure_view = self->draw_scene != NULL ? self->draw_scene->surface.view : SD_VIEW_MAP;
  if (self->landscape != NULL)
    {
      const SdGrid *grid = self->landscape->grid;

      self->figure_range[0] = grid->xmin, self->figure_range[1] = grid->xmax;
      self->figure_range[2] = grid->ymin, self->figure_range[3] = grid->ymax;
    }
  self->figure_valid = TRUE;
}

/* Whether the map on screen was drawn for another range than the model's,
 * whose grid is still computing. */
static gboolean
figure_is_stale (SdLandscapeCanvas *self,
                 double             range[4])
{
  if (self->model == NULL || self->plot == NULL || self->figure_view != SD_VIEW_MAP)
    return FALSE;

  get_model_range (self, range);
  return memcmp (range, self->figure_range, sizeof self->figure_range) != 0;
}

/* Paints the figure; a stale map's plot area goes where the model's range
 * puts it: what is known stays in place while the new grid computes. */
static void
paint_figure (SdLandscapeCanvas *self,
              cairo_t           *cr)
{
  const double *old = self->figure_range;
  cairo_rectangle_t area;
  SdThemeStyle style;
  double range[4], sx, sy;

  cairo_set_source_surface (cr, self->figure, 0, 0);
  cairo_paint (cr);
  if (!figure_is_stale (self, range))
    return;

  sd_plot_get_area (self->plot, &area);
  if (area.width <= 0.0 || area.height <= 0.0)
    return;

  sx = (old[1] - old[0]) / (range[1] - range[0]);
  sy = (old[3] - old[2]) / (range[3] - range[2]);

  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  sd_theme_get_style (self->options.theme, self->options.scale, &style);
  sd_set_source_color (cr, style.background);
  cairo_paint (cr);

  /* x' = x0 + sx (x - x0) + shift, with y measured upwards from the
   * area's bottom edge. */
  cairo_translate (cr, area.x + (old[0] - range[0]) / (range[1] - range[0]) * area.width,
                   area.y + area.height
                   - (old[2] - range[2]) / (range[3] - range[2]) * area.height);
  cairo_scale (cr, sx, sy);
  cairo_translate (cr, -area.x, -(area.y + area.height));
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->figure, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static gboolean
get_start (SdLandscapeCanvas *self,
           double             start[2])
{
  const SdScene *scene;
  const SdSceneRun *run;

  if (self->model == NULL)
    return FALSE;

  scene = sd_landscape_model_get_scene (self->model);
  if (scene->runs->len == 0)
    return FALSE;

  run = g_ptr_array_index (scene->runs, 0);
  start[0] = run->start[0];
  start[1] = run->start[1];
  return TRUE;
}

static void
get_accent_color (SdLandscapeCanvas *self,
                  GdkRGBA           *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, "accent_color", color))
    gdk_rgba_parse (color, "#3584e4");
}

/* A ring around the start point says it can be dragged. */
static void
draw_start_ring (SdLandscapeCanvas *self,
                 cairo_t           *cr)
{
  double start[2], px, py;
  GdkRGBA accent;

  if (!(self->near_start || self->drag_mode == DRAG_MOVE_START) || !get_start (self, start)
      || !sd_landscape_canvas_data_to_point (self, start[0], start[1], &px, &py))
    return;

  get_accent_color (self, &accent);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, px, py, START_GRAB_RADIUS * self->options.scale, 0, 2 * G_PI);
  cairo_set_line_width (cr, 4.0 * self->options.scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.0 * self->options.scale);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_focus (SdLandscapeCanvas *self,
            cairo_t           *cr)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA accent;

  if (!gtk_widget_has_visible_focus (widget))
    return;

  get_accent_color (self, &accent);
  accent.alpha = 0.5;
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, 1.0, 1.0, gtk_widget_get_width (widget) - 2.0,
                   gtk_widget_get_height (widget) - 2.0);
  cairo_stroke (cr);
}

/* The readout beside the pointer, as an on-screen display: light text on
 * dark glass reads over every colour map in both styles. */
static void
snapshot_hover (SdLandscapeCanvas *self,
                GtkSnapshot       *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  PangoRectangle extents;
  GskRoundedRect box;
  double pad = HOVER_PADDING * self->options.scale;
  double w, h, x, y;

  if (!self->has_hover || self->hover_box_text == NULL || self->drag_mode != DRAG_NONE)
    return;

  layout = gtk_widget_create_pango_layout (widget, self->hover_box_text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (self->options.scale));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  w = extents.width + 2 * pad;
  h = extents.height + 2 * pad;
  x = self->pointer_x + HOVER_OFFSET;
  y = self->pointer_y + HOVER_OFFSET;
  if (x + w > gtk_widget_get_width (widget))
    x = self->pointer_x - HOVER_OFFSET - w;
  if (y + h > gtk_widget_get_height (widget))
    y = self->pointer_y - HOVER_OFFSET - h;
  x = MAX (x, 0.0);
  y = MAX (y, 0.0);

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, w, h),
                                   HOVER_RADIUS * self->options.scale);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.0, 0.0, 0.0, 0.75 }, &box.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + pad - extents.x,
                                                          y + pad - extents.y));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 1.0, 1.0, 1.0, 1.0 });
  gtk_snapshot_restore (snapshot);
}

static void
sd_landscape_canvas_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_figure (self, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paint_figure (self, cr);
  draw_start_ring (self, cr);
  draw_focus (self, cr);
  cairo_destroy (cr);

  snapshot_hover (self, snapshot);
}

static void
sd_landscape_canvas_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Enough for the axes and a little map; the page gives it the rest. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* Mapping */

static gboolean
get_area (SdLandscapeCanvas *self,
          cairo_rectangle_t *area)
{
  if (self->model == NULL || self->plot == NULL || self->figure_view != SD_VIEW_MAP
      || get_view (self) != SD_VIEW_MAP)
    return FALSE;

  sd_plot_get_area (self->plot, area);
  return area->width > 0.0 && area->height > 0.0;
}

static gboolean
in_area (const cairo_rectangle_t *area,
         double                   px,
         double                   py)
{
  return px >= area->x && px <= area->x + area->width
         && py >= area->y && py <= area->y + area->height;
}

static void
area_to_data (const cairo_rectangle_t *area,
              const double             range[4],
              double                   px,
              double                   py,
              double                  *x,
              double                  *y)
{
  *x = range[0] + (px - area->x) / area->width * (range[1] - range[0]);
  *y = range[2] + (area->y + area->height - py) / area->height * (range[3] - range[2]);
}

static gboolean
can_pick_3d (SdLandscapeCanvas *self)
{
  return self->landscape != NULL && self->figure != NULL && self->figure_view == SD_VIEW_3D
         && get_view (self) == SD_VIEW_3D;
}

/**
 * sd_landscape_canvas_point_to_data:
 * @self: a #SdLandscapeCanvas
 * @px: a point of the widget
 * @py: a point of the widget
 * @x: (out): the surface's x there
 * @y: (out): the surface's y there
 *
 * In the map view, maps the plot area as last drawn onto the model's range
 * (which leads the grid while a new one computes, as the picture on screen
 * does); in the 3-D view, finds the point of the surface drawn there.
 *
 * Returns: whether (@px, @py) is over the plot area or the surface; @x and
 *   @y are NaN when the figure has not been drawn yet
 */
gboolean
sd_landscape_canvas_point_to_data (SdLandscapeCanvas *self,
                                   double             px,
                                   double             py,
                                   double            *x,
                                   double            *y)
{
  cairo_rectangle_t area;
  double range[4];

  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  *x = *y = NAN;
  if (can_pick_3d (self))
    {
      cairo_t *cr = cairo_create (self->figure);
      gboolean hit;

      hit = sd_landscape_pick_3d (self->landscape, cr, &self->options, px, py, x, y);
      cairo_destroy (cr);
      return hit;
    }

  if (!get_area (self, &area))
    return FALSE;

  get_model_range (self, range);
  area_to_data (&area, range, px, py, x, y);
  return in_area (&area, px, py);
}

/**
 * sd_landscape_canvas_data_to_point:
 * @self: a #SdLandscapeCanvas
 * @x: a point of the surface's plane
 * @y: a point of the surface's plane
 * @px: (out): where the widget shows it
 * @py: (out): where the widget shows it
 *
 * The inverse of sd_landscape_canvas_point_to_data(); in the 3-D view,
 * the point (@x, @y, f(@x, @y)).
 *
 * Returns: whether the point is shown (inside the plot area, or in the
 *   3-D view's box); @px and @py are NaN when the figure has not been
 *   drawn yet
 */
gboolean
sd_landscape_canvas_data_to_point (SdLandscapeCanvas *self,
                                   double             x,
                                   double             y,
                                   double            *px,
                                   double            *py)
{
  cairo_rectangle_t area;
  double range[4];

  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);
  g_return_val_if_fail (px != NULL && py != NULL, FALSE);

  *px = *py = NAN;
  if (can_pick_3d (self))
    {
      double z = sd_surface_eval (self->landscape->surface, x, y, NULL, NULL);
      cairo_t *cr = cairo_create (self->figure);
      gboolean shown;

      shown = sd_landscape_project_3d (self->landscape, cr, &self->options, x, y, z, px, py);
      cairo_destroy (cr);
      return shown;
    }

  if (!get_area (self, &area))
    return FALSE;

  get_model_range (self, range);
  *px = area.x + (x - range[0]) / (range[1] - range[0]) * area.width;
  *py = area.y + area.height - (y - range[2]) / (range[3] - range[2]) * area.height;
  return in_area (&area, *px, *py);
}

/* Interaction */

static gboolean
span_is_sane (double lo,
              double hi)
{
  double span = hi - lo;

  return isfinite (lo) && isfinite (hi) && span <= MAX_SPAN
         && span >= MIN_RELATIVE_SPAN * MAX (1.0, MAX (fabs (lo), fabs (hi)));
}

static void
set_range (SdLandscapeCanvas *self,
           const double       range[4])
{
  if (!span_is_sane (range[0], range[1]) || !span_is_sane (range[2], range[3]))
    return;

  sd_landscape_model_set_range (self->model, range, range + 2);
}

static void
zoom_range (const double range[4],
            double       cx,
            double       cy,
            double       zoom,
            double       out[4])
{
  out[0] = cx + (range[0] - cx) / zoom;
  out[1] = cx + (range[1] - cx) / zoom;
  out[2] = cy + (range[2] - cy) / zoom;
  out[3] = cy + (range[3] - cy) / zoom;
}

static void
zoom_about_centre (SdLandscapeCanvas *self,
                   double             zoom)
{
  double range[4], zoomed[4];

  get_model_range (self, range);
  zoom_range (range, (range[0] + range[1]) / 2, (range[2] + range[3]) / 2, zoom, zoomed);
  set_range (self, zoomed);
}

static double
wrap_azimuth (double azimuth)
{
  azimuth = fmod (azimuth + 180.0, 360.0);
  if (azimuth < 0.0)
    azimuth += 360.0;
  return azimuth - 180.0;
}

static void
set_angles (SdLandscapeCanvas *self,
            double             azimuth,
            double             elevation)
{
  sd_landscape_model_set_view (self->model, SD_VIEW_3D, wrap_azimuth (azimuth),
                               CLAMP (elevation, -90.0, 90.0));
}

static void
set_start_at (SdLandscapeCanvas *self,
              double             px,
              double             py)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  double x, y;

  if (scene->runs->len == 0 || !sd_landscape_canvas_point_to_data (self, px, py, &x, &y))
    return;

  sd_landscape_model_set_start (self->model, x, y);
}

static gboolean
is_near_start (SdLandscapeCanvas *self,
               double             px,
               double             py)
{
  double start[2], sx, sy;

  if (get_view (self) != SD_VIEW_MAP || !get_start (self, start)
      || !sd_landscape_canvas_data_to_point (self, start[0], start[1], &sx, &sy))
    return FALSE;

  return hypot (px - sx, py - sy) <= START_GRAB_RADIUS * self->options.scale;
}

static void
update_cursor (SdLandscapeCanvas *self)
{
  const char *cursor = NULL;
  cairo_rectangle_t area;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
    case DRAG_MOVE_START:
      cursor = "grabbing";
      break;
    case DRAG_ROTATE_VIEW:
      cursor = self->drag_moved ? "grabbing" : "grab";
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      if (self->near_start)
        cursor = "grab";
      else if (get_view (self) == SD_VIEW_3D && self->has_hover)
        cursor = "grab";
      else if (self->pointer_inside && get_area (self, &area)
               && in_area (&area, self->pointer_x, self->pointer_y))
        cursor = "crosshair";
      break;
    }

  if (g_strcmp0 (cursor, self->cursor) == 0)
    return;

  self->cursor = cursor;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static int
get_drag_threshold (SdLandscapeCanvas *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-dnd-drag-threshold", &threshold, NULL);
  return threshold;
}

/**
 * sd_landscape_canvas_drag_begin:
 * @self: a #SdLandscapeCanvas
 * @px: where the primary button went down
 * @py: where the primary button went down
 *
 * In the map view, a drag that starts on the start point moves it; one
 * that starts elsewhere pans, unless it ends where it began, which makes
 * it a click. In the 3-D view, dragging turns the camera.
 */
void
sd_landscape_canvas_drag_begin (SdLandscapeCanvas *self,
                                double             px,
                                double             py)
{
  const SdSceneSurface *surface;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  self->drag_x = px;
  self->drag_y = py;
  if (self->model == NULL)
    return;

  surface = &sd_landscape_model_get_scene (self->model)->surface;
  if (surface->view == SD_VIEW_3D)
    {
      self->drag_mode = DRAG_ROTATE_VIEW;
      self->drag_azimuth = surface->azimuth;
      self->drag_elevation = surface->elevation;
    }
  else if (!get_area (self, &self->drag_area))
    return;
  else if (is_near_start (self, px, py))
    {
      self->drag_mode = DRAG_MOVE_START;
      get_start (self, self->drag_start);
    }
  else
    self->drag_mode = DRAG_PENDING;

  get_model_range (self, self->drag_range);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_landscape_canvas_drag_update:
 * @self: a #SdLandscapeCanvas
 * @dx: how far the pointer moved since sd_landscape_canvas_drag_begin()
 * @dy: how far the pointer moved
 */
void
sd_landscape_canvas_drag_update (SdLandscapeCanvas *self,
                                 double             dx,
                                 double             dy)
{
  const cairo_rectangle_t *area = &self->drag_area;
  const double *r = self->drag_range;
  double moved[4], sx, sy, x, y;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  if (self->model == NULL)
    return;

  if (!self->drag_moved && hypot (dx, dy) < get_drag_threshold (self))
    return;
  self->drag_moved = TRUE;

  switch (self->drag_mode)
    {
    case DRAG_PENDING:
      self->drag_mode = DRAG_PAN;
      update_cursor (self);
      G_GNUC_FALLTHROUGH;
    case DRAG_PAN:
      sx = dx / area->width * (r[1] - r[0]);
      sy = dy / area->height * (r[3] - r[2]);
      moved[0] = r[0] - sx, moved[1] = r[1] - sx;
      moved[2] = r[2] + sy, moved[3] = r[3] + sy;
      set_range (self, moved);
      break;

    case DRAG_MOVE_START:
      /* Keep the marker where it was grabbed, under the pointer. */
      x = self->drag_start[0] + dx / area->width * (r[1] - r[0]);
      y = self->drag_start[1] - dy / area->height * (r[3] - r[2]);
      sd_landscape_model_set_start (self->model, x, y);
      break;

    case DRAG_ROTATE_VIEW:
      set_angles (self, self->drag_azimuth - DRAG_ROTATE * dx,
                  self->drag_elevation + DRAG_ROTATE * dy);
      update_cursor (self);
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

/**
 * sd_landscape_canvas_drag_end:
 * @self: a #SdLandscapeCanvas
 * @dx: how far the pointer moved since sd_landscape_canvas_drag_begin()
 * @dy: how far the pointer moved
 *
 * A drag that never moved further than the drag threshold is a click: it
 * sets the runs' common start point there.
 */
void
sd_landscape_canvas_drag_end (SdLandscapeCanvas *self,
                              double             dx,
                              double             dy)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_drag_update (self, dx, dy);
  if (self->model != NULL && !self->drag_moved
      && (self->drag_mode == DRAG_PENDING || self->drag_mode == DRAG_ROTATE_VIEW))
    set_start_at (self, self->drag_x, self->drag_y);

  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  update_hover (self);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_landscape_canvas_click_at:
 * @self: a #SdLandscapeCanvas
 * @px: where the primary button was pressed and released
 * @py: where the primary button was pressed and released
 *
 * A press and a release without motion between them.
 */
void
sd_landscape_canvas_click_at (SdLandscapeCanvas *self,
                              double             px,
                              double             py)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  sd_landscape_canvas_drag_begin (self, px, py);
  sd_landscape_canvas_drag_end (self, 0.0, 0.0);
}

/**
 * sd_landscape_canvas_zoom_at:
 * @self: a #SdLandscapeCanvas
 * @px: the point to zoom about
 * @py: the point to zoom about
 * @zoom: the magnification, > 1 to zoom in
 *
 * Divides the range by @zoom about the data point under (@px, @py), which
 * stays where it is; about the centre of the range outside the plot area
 * and in the 3-D view.
 */
void
sd_landscape_canvas_zoom_at (SdLandscapeCanvas *self,
                             double             px,
                             double             py,
                             double             zoom)
{
  double range[4], zoomed[4], x, y;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (zoom > 0.0 && isfinite (zoom));

  if (self->model == NULL)
    return;

  if (get_view (self) == SD_VIEW_3D || !sd_landscape_canvas_point_to_data (self, px, py, &x, &y))
    {
      zoom_about_centre (self, zoom);
      return;
    }

  get_model_range (self, range);
  zoom_range (range, x, y, zoom, zoomed);
  set_range (self, zoomed);
}

/* @value with @decimals decimals, or 4 significant digits if @decimals
 * is negative. */
static char *
format_number (double value,
               int    decimals)
{
  g_autofree char *text = NULL;
  GString *string;

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  text = decimals >= 0 ? g_strdup_printf ("%.*f", decimals, value)
                       : g_strdup_printf ("%.4g", value);
  string = g_string_new (text);
  /* No "-0.000"; a minus sign, as the axes write it, not a hyphen. */
  if (strspn (text, "-0.") == strlen (text))
    g_string_erase (string, 0, text[0] == '-');
  g_string_replace (string, "-", "−", 0);
  return g_string_free (string, FALSE);
}

/* Enough decimals for the pointer's position to change from one pixel to
 * the next, and no more: 0.498, not 0.4983 or 0.49826114. */
static int
position_decimals (SdLandscapeCanvas *self)
{
  cairo_rectangle_t area;
  double range[4], pixel;

  get_model_range (self, range);
  if (get_area (self, &area))
    pixel = MIN ((range[1] - range[0]) / area.width, (range[3] - range[2]) / area.height);
  else
    pixel = MIN (range[1] - range[0], range[3] - range[2]) / 1000.0;

  return (int) CLAMP (ceil (-log10 (pixel)), 0.0, 15.0);
}

static void
set_hover_text (SdLandscapeCanvas *self,
                char              *text,
                char              *box_text)
{
  g_free (self->hover_box_text);
  self->hover_box_text = box_text;

  if (g_strcmp0 (self->hover_text, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->hover_text);
  self->hover_text = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_TEXT]);
}

/* Reads the surface under the pointer again: after it moved, or after the
 * range, the view or the surface under it changed. */
static void
update_hover (SdLandscapeCanvas *self)
{
  g_autofree char *x = NULL, *y = NULL, *f = NULL, *gx = NULL, *gy = NULL;
  const char *x_label, *y_label;
  gboolean near_start;
  int decimals;

  near_start = self->pointer_inside && self->drag_mode == DRAG_NONE
               && is_near_start (self, self->pointer_x, self->pointer_y);
  if (near_start != self->near_start)
    {
      self->near_start = near_start;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  self->has_hover = self->pointer_inside && self->surface != NULL
                    && sd_landscape_canvas_point_to_data (self, self->pointer_x, self->pointer_y,
                                                          &self->hover_point[0],
                                                          &self->hover_point[1]);
  update_cursor (self);
  if (!self->has_hover)
    {
      set_hover_text (self, NULL, NULL);
      return;
    }

  self->hover_value = sd_surface_eval (self->surface, self->hover_point[0],
                                       self->hover_point[1], self->hover_gradient, NULL);
  decimals = position_decimals (self);
  x = format_number (self->hover_point[0], decimals);
  y = format_number (self->hover_point[1], decimals);
  f = format_number (self->hover_value, -1);
  gx = format_number (self->hover_gradient[0], -1);
  gy = format_number (self->hover_gradient[1], -1);
  x_label = sd_surface_get_x_label (self->surface);
  y_label = sd_surface_get_y_label (self->surface);

  /* Translators: the point under the pointer, the loss there and its
   * gradient, as in "x = 0.500, y = 1.000, f = 56.25, ∇f = (−151, 150)" */
  set_hover_text (self, g_strdup_printf (_("%s = %s, %s = %s, f = %s, ∇f = (%s, %s)"),
                                         x_label, x, y_label, y, f, gx, gy),
                  g_strdup_printf ("%s = %s   %s = %s\nf = %s\n∇f = (%s, %s)",
                                   x_label, x, y_label, y, f, gx, gy));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_landscape_canvas_hover_at:
 * @self: a #SdLandscapeCanvas
 * @px: where the pointer is
 * @py: where the pointer is
 *
 * Shows x, y, f and ∇f at the pointer, beside it and in
 * #SdLandscapeCanvas:hover-text.
 */
void
sd_landscape_canvas_hover_at (SdLandscapeCanvas *self,
                              double             px,
                              double             py)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  self->pointer_inside = TRUE;
  self->pointer_x = px;
  self->pointer_y = py;
  update_hover (self);
}

/**
 * sd_landscape_canvas_hover_end:
 * @self: a #SdLandscapeCanvas
 *
 * The pointer left: the readout goes.
 */
void
sd_landscape_canvas_hover_end (SdLandscapeCanvas *self)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  self->pointer_inside = FALSE;
  update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Gestures, controllers and key bindings */

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               SdLandscapeCanvas *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  sd_landscape_canvas_drag_begin (self, x, y);
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                SdLandscapeCanvas *self)
{
  sd_landscape_canvas_drag_update (self, dx, dy);
}

/* A pinch took the touch over: what the drag did stays, and its end is
 * no click. */
static void
on_drag_cancel (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                SdLandscapeCanvas *self)
{
  self->drag_mode = DRAG_NONE;
  update_cursor (self);
}

static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             SdLandscapeCanvas *self)
{
  sd_landscape_canvas_drag_end (self, dx, dy);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SdLandscapeCanvas        *self)
{
  double notches = dy;
  double px, py;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    notches = dy / SMOOTH_SCROLL_PIXELS;

  if (self->pointer_inside)
    {
      px = self->pointer_x;
      py = self->pointer_y;
    }
  else
    {
      px = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      py = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  /* Scrolling down (towards the user) zooms out, as in maps. */
  sd_landscape_canvas_zoom_at (self, px, py, pow (WHEEL_ZOOM, -notches));
  return GDK_EVENT_STOP;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SdLandscapeCanvas *self)
{
  double px, py;

  if (self->model == NULL)
    return;

  /* Two fingers zoom; they do not also pan or set the start. */
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  get_model_range (self, self->pinch_range);
  self->pinch_centre[0] = (self->pinch_range[0] + self->pinch_range[1]) / 2;
  self->pinch_centre[1] = (self->pinch_range[2] + self->pinch_range[3]) / 2;
  if (get_view (self) == SD_VIEW_MAP && gtk_gesture_get_bounding_box_center (gesture, &px, &py))
    {
      double x, y;

      if (sd_landscape_canvas_point_to_data (self, px, py, &x, &y))
        self->pinch_centre[0] = x, self->pinch_centre[1] = y;
    }
}

static void
on_pinch_scale_changed (GtkGestureZoom    *gesture,
                        double             scale,
                        SdLandscapeCanvas *self)
{
  double zoomed[4];

  if (self->model == NULL || !(scale > 0.0))
    return;

  zoom_range (self->pinch_range, self->pinch_centre[0], self->pinch_centre[1], scale, zoomed);
  set_range (self, zoomed);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SdLandscapeCanvas        *self)
{
  sd_landscape_canvas_hover_at (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          SdLandscapeCanvas        *self)
{
  sd_landscape_canvas_hover_end (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);

  if (self->model != NULL)
    zoom_about_centre (self, KEY_ZOOM);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);

  if (self->model != NULL)
    zoom_about_centre (self, 1.0 / KEY_ZOOM);
}

/* The surface's own range and, in 3-D, the default camera. */
static void
reset_view_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  double range[4];

  if (self->model == NULL || self->surface == NULL)
    return;

  sd_surface_get_default_range (self->surface, range, range + 2);
  set_range (self, range);
  if (get_view (self) == SD_VIEW_3D)
    set_angles (self, SD_SCENE_DEFAULT_AZIMUTH, SD_SCENE_DEFAULT_ELEVATION);
}

/* @parameter: (ii), the arrow's direction on screen. The map moves the
 * view a tenth of the range that way; the 3-D view turns the camera. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  const SdSceneSurface *surface;
  double range[4], sx, sy;
  int dx, dy;

  if (self->model == NULL)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  surface = &sd_landscape_model_get_scene (self->model)->surface;
  if (surface->view == SD_VIEW_3D)
    {
      set_angles (self, surface->azimuth + KEY_ROTATE * dx, surface->elevation - KEY_ROTATE * dy);
      return;
    }

  get_model_range (self, range);
  sx = KEY_PAN * dx * (range[1] - range[0]);
  sy = -KEY_PAN * dy * (range[3] - range[2]);
  range[0] += sx, range[1] += sx;
  range[2] += sy, range[3] += sy;
  set_range (self, range);
}

/* Settings, style and presentation mode */

static void
on_setting_changed (GSettings         *settings,
                    const char        *key,
                    SdLandscapeCanvas *self)
{
  invalidate_figure (self);
}

static void
on_style_changed (AdwStyleManager   *manager,
                  GParamSpec        *pspec,
                  SdLandscapeCanvas *self)
{
  invalidate_figure (self);
}

static void
on_presentation_changed (SdWindow          *window,
                         GParamSpec        *pspec,
                         SdLandscapeCanvas *self)
{
  invalidate_figure (self);
}

/* The application's settings; outside it (tests, benchmarks) the same
 * schema if it is installed, else none and the schema's defaults. */
static GSettings *
lookup_settings (void)
{
  GApplication *application = g_application_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (SD_IS_APPLICATION (application)
      && sd_application_get_settings (SD_APPLICATION (application)) != NULL)
    return g_object_ref (sd_application_get_settings (SD_APPLICATION (application)));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
sd_landscape_canvas_root (GtkWidget *widget)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (sd_landscape_canvas_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (SD_IS_WINDOW (root))
    {
      self->window = SD_WINDOW (root);
      self->presentation_id = g_signal_connect (root, "notify::presentation-mode",
                                                G_CALLBACK (on_presentation_changed), self);
    }
  invalidate_figure (self);
}

static void
sd_landscape_canvas_unroot (GtkWidget *widget)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->presentation_id, self->window);
  self->window = NULL;

  GTK_WIDGET_CLASS (sd_landscape_canvas_parent_class)->unroot (widget);
}

/* GObject */

static void
sd_landscape_canvas_dispose (GObject *object)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  /* Workers still under way see the cancellation; their results find
   * the weak reference empty or the cancellable replaced. */
  g_cancellable_cancel (self->grid_cancellable);
  g_clear_object (&self->grid_cancellable);
  g_cancellable_cancel (self->runs_cancellable);
  g_clear_object (&self->runs_cancellable);
  g_clear_handle_id (&self->grid_timeout_id, g_source_remove);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_landscape_canvas_parent_class)->dispose (object);
}

static void
sd_landscape_canvas_finalize (GObject *object)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  /* The landscape points to the drawn scene: free it first. */
  g_clear_pointer (&self->landscape, sd_landscape_free);
  g_clear_pointer (&self->draw_scene, sd_scene_free);
  g_clear_pointer (&self->trajectories, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->surface, sd_surface_unref);
  g_clear_pointer (&self->surface_key, g_free);
  g_clear_pointer (&self->figure, cairo_surface_destroy);
  g_clear_pointer (&self->plot, sd_plot_free);
  g_clear_pointer (&self->hover_text, g_free);
  g_clear_pointer (&self->hover_box_text, g_free);

  G_OBJECT_CLASS (sd_landscape_canvas_parent_class)->finalize (object);
}

static void
sd_landscape_canvas_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ITERATION:
      g_value_set_uint (value, self->iteration);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_HOVER_TEXT:
      g_value_set_string (value, self->hover_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_landscape_canvas_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SdLandscapeCanvas *self = SD_LANDSCAPE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sd_landscape_canvas_set_model (self, g_value_get_object (value));
      break;
    case PROP_ITERATION:
      sd_landscape_canvas_set_iteration (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           keyval,
             const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, NULL);
}

/* Arrows pan; on the Landscape page Left and Right step the playback, so
 * Shift with any arrow pans there too. */
static void
add_pan_binding (GtkWidgetClass *widget_class,
                 guint           keyval,
                 int             dx,
                 int             dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "canvas.pan", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK,
                                       "canvas.pan", "(ii)", dx, dy);
}

static void
sd_landscape_canvas_class_init (SdLandscapeCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_landscape_canvas_dispose;
  object_class->finalize = sd_landscape_canvas_finalize;
  object_class->get_property = sd_landscape_canvas_get_property;
  object_class->set_property = sd_landscape_canvas_set_property;

  widget_class->snapshot = sd_landscape_canvas_snapshot;
  widget_class->measure = sd_landscape_canvas_measure;
  widget_class->root = sd_landscape_canvas_root;
  widget_class->unroot = sd_landscape_canvas_unroot;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SD_TYPE_LANDSCAPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:iteration:
   *
   * The runs are drawn up to this iteration (playback and scrubbing set
   * it); %SD_LANDSCAPE_CANVAS_ALL_ITERATIONS draws them whole, or to the
   * scene's own `step`.
   */
  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, SD_LANDSCAPE_CANVAS_ALL_ITERATIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:busy:
   *
   * Whether a grid or trajectories are being computed for the model's
   * latest state.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeCanvas:hover-text:
   *
   * x, y, f and ∇f at the pointer, on one line for a status area; %NULL
   * when the pointer is not over the surface.
   */
  properties[PROP_HOVER_TEXT] =
    g_param_spec_string ("hover-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdLandscapeCanvas::grid-applied:
   * @canvas: the canvas
   * @resolution: the grid's points per side
   *
   * A newly computed grid is on screen: the coarse one, then the full one.
   */
  signals[GRID_APPLIED] =
    g_signal_new ("grid-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SdLandscapeCanvas::trajectories-changed:
   * @canvas: the canvas
   *
   * Newly computed trajectories replaced the previous ones, one per run
   * they were computed for; those returned by
   * sd_landscape_canvas_get_trajectory() before are gone.
   */
  signals[TRAJECTORIES_CHANGED] =
    g_signal_new ("trajectories-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.reset-view", NULL, reset_view_action);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(ii)", pan_action);

  add_binding (widget_class, GDK_KEY_plus, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_0, "canvas.reset-view");
  add_binding (widget_class, GDK_KEY_KP_0, "canvas.reset-view");
  add_pan_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_pan_binding (widget_class, GDK_KEY_KP_Left, -1, 0);
  add_pan_binding (widget_class, GDK_KEY_Right, 1, 0);
  add_pan_binding (widget_class, GDK_KEY_KP_Right, 1, 0);
  add_pan_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_pan_binding (widget_class, GDK_KEY_KP_Up, 0, -1);
  add_pan_binding (widget_class, GDK_KEY_Down, 0, 1);
  add_pan_binding (widget_class, GDK_KEY_KP_Down, 0, 1);

  gtk_widget_class_set_css_name (widget_class, "landscape-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sd_landscape_canvas_init (SdLandscapeCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *pinch;
  GtkEventController *scroll, *motion;

  self->iteration = SD_LANDSCAPE_CANVAS_ALL_ITERATIONS;
  self->trajectories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_trajectory_free);
  self->runs = copy_runs (NULL);
  self->grid_cancellable = g_cancellable_new ();
  self->runs_cancellable = g_cancellable_new ();
  /* Far in the past: the first grid request is not part of a burst. */
  self->last_grid_request = G_MININT64 / 2;

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-map",
                               G_CALLBACK (on_setting_changed), self, 0);
      g_signal_connect_object (self->settings, "changed::presentation-scale",
                               G_CALLBACK (on_setting_changed), self, 0);
    }
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, 0);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loss landscape"), -1);
}

/* Public API */

/**
 * sd_landscape_canvas_new:
 * @model: (nullable): the scene to show
 *
 * Returns: (transfer floating): a new canvas
 */
GtkWidget *
sd_landscape_canvas_new (SdLandscapeModel *model)
{
  g_return_val_if_fail (model == NULL || SD_IS_LANDSCAPE_MODEL (model), NULL);

  return g_object_new (SD_TYPE_LANDSCAPE_CANVAS, "model", model, NULL);
}

/**
 * sd_landscape_canvas_get_model:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: (transfer none) (nullable): the model shown
 */
SdLandscapeModel *
sd_landscape_canvas_get_model (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->model;
}

/**
 * sd_landscape_canvas_set_model:
 * @self: a #SdLandscapeCanvas
 * @model: (nullable): the scene to show
 *
 * Starts computing everything the new model's scene shows; what was shown
 * stays on screen until it is ready.
 */
void
sd_landscape_canvas_set_model (SdLandscapeCanvas *self,
                               SdLandscapeModel  *model)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (model == NULL || SD_IS_LANDSCAPE_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);
  g_clear_pointer (&self->surface_key, g_free);

  if (model != NULL)
    {
      self->changed_id = g_signal_connect_swapped (model, "changed",
                                                   G_CALLBACK (on_model_changed), self);
      on_model_changed (self, SD_LANDSCAPE_CHANGE_SURFACE | SD_LANDSCAPE_CHANGE_RUNS
                              | SD_LANDSCAPE_CHANGE_DISPLAY, model);
    }
  else
    {
      g_cancellable_cancel (self->grid_cancellable);
      g_cancellable_cancel (self->runs_cancellable);
      g_clear_handle_id (&self->grid_timeout_id, g_source_remove);
      g_clear_pointer (&self->landscape, sd_landscape_free);
      self->grid_pending = self->runs_pending = FALSE;
      self->coarse_pending = self->full_due = FALSE;
      update_busy (self);
      update_hover (self);
      invalidate_figure (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * sd_landscape_canvas_get_iteration:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: the last iteration drawn, or %SD_LANDSCAPE_CANVAS_ALL_ITERATIONS
 */
guint
sd_landscape_canvas_get_iteration (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), SD_LANDSCAPE_CANVAS_ALL_ITERATIONS);

  return self->iteration;
}

/**
 * sd_landscape_canvas_set_iteration:
 * @self: a #SdLandscapeCanvas
 * @iteration: the last iteration to draw, or
 *   %SD_LANDSCAPE_CANVAS_ALL_ITERATIONS
 *
 * Only the runs are drawn again; the heatmap and the contours come from
 * the landscape's cache.
 */
void
sd_landscape_canvas_set_iteration (SdLandscapeCanvas *self,
                                   guint              iteration)
{
  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));

  if (self->iteration == iteration)
    return;

  self->iteration = iteration;
  if (self->draw_scene != NULL && self->model != NULL)
    apply_iteration (self, self->draw_scene);
  invalidate_figure (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
}

/**
 * sd_landscape_canvas_is_busy:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: whether the grid or the trajectories for the model's latest
 *   state are still being computed
 */
gboolean
sd_landscape_canvas_is_busy (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);

  return self->busy;
}

/**
 * sd_landscape_canvas_get_landscape:
 * @self: a #SdLandscapeCanvas
 *
 * What is on screen: while the canvas is busy, the grid may be coarse or
 * for an earlier range, and the trajectories for earlier runs.
 *
 * Returns: (transfer none) (nullable): the landscape drawn, %NULL before
 *   the first grid
 */
const SdLandscape *
sd_landscape_canvas_get_landscape (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->landscape;
}

/**
 * sd_landscape_canvas_get_n_trajectories:
 * @self: a #SdLandscapeCanvas
 *
 * The number of runs the current trajectories were computed for. It
 * differs from the model's number of runs while trajectories for added or
 * removed runs are still being computed.
 *
 * Returns: the number of trajectories
 */
guint
sd_landscape_canvas_get_n_trajectories (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), 0);

  /* Disposing drops the trajectories. */
  return self->trajectories != NULL ? self->trajectories->len : 0;
}

/**
 * sd_landscape_canvas_get_trajectory:
 * @self: a #SdLandscapeCanvas
 * @index: a run, below sd_landscape_canvas_get_n_trajectories()
 *
 * The path of a run as last computed: while the canvas is busy, it may be
 * for the run's earlier settings. It stays valid until the next
 * #SdLandscapeCanvas::trajectories-changed emission.
 *
 * Returns: (transfer none) (nullable): the run's path, %NULL if @index is
 *   out of range
 */
const SdTrajectory *
sd_landscape_canvas_get_trajectory (SdLandscapeCanvas *self,
                                    guint              index)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  if (index >= sd_landscape_canvas_get_n_trajectories (self))
    return NULL;

  return g_ptr_array_index (self->trajectories, index);
}

/**
 * sd_landscape_canvas_get_hover_text:
 * @self: a #SdLandscapeCanvas
 *
 * Returns: (nullable): x, y, f and ∇f at the pointer, on one line, or
 *   %NULL when the pointer is not over the surface
 */
const char *
sd_landscape_canvas_get_hover_text (SdLandscapeCanvas *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), NULL);

  return self->hover_text;
}

/**
 * sd_landscape_canvas_get_hover:
 * @self: a #SdLandscapeCanvas
 * @point: (out caller-allocates) (optional) (array fixed-size=2): the
 *   point under the pointer
 * @value: (out) (optional): f there
 * @gradient: (out caller-allocates) (optional) (array fixed-size=2): ∇f
 *   there
 *
 * The numbers #SdLandscapeCanvas:hover-text shows, unrounded.
 *
 * Returns: whether the pointer is over the surface
 */
gboolean
sd_landscape_canvas_get_hover (SdLandscapeCanvas *self,
                               double             point[2],
                               double            *value,
                               double             gradient[2])
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_CANVAS (self), FALSE);

  if (!self->has_hover)
    return FALSE;

  if (point != NULL)
    memcpy (point, self->hover_point, sizeof self->hover_point);
  if (value != NULL)
    *value = self->hover_value;
  if (gradient != NULL)
    memcpy (gradient, self->hover_gradient, sizeof self->hover_gradient);
  return TRUE;
}

/**
 * sd_landscape_canvas_render:
 * @self: a #SdLandscapeCanvas
 * @cr: a cairo context of any kind
 * @width: the figure's width in points
 * @height: the figure's height in points
 *
 * Draws what the canvas shows, without the pointer's readout, as its
 * snapshot does: the current landscape in the map or 3-D view, with the
 * style, colour map and presentation scale the widget uses. The widget's
 * own figure and pointer mapping are left alone, but the landscape keeps
 * one cached backdrop: drawing at another size than the widget's makes
 * its next frame draw the heatmap and contours again. Like a frame, this
 * sets the size at which the next grids' maps are drawn ahead on their
 * worker.
 */
void
sd_landscape_canvas_render (SdLandscapeCanvas *self,
                            cairo_t           *cr,
                            double             width,
                            double             height)
{
  SdFigureOptions options;

  g_return_if_fail (SD_IS_LANDSCAPE_CANVAS (self));
  g_return_if_fail (cr != NULL);

  if (!(width > 0.0 && height > 0.0))
    return;

  get_options (self, width, height, &options);
  sd_plot_free (draw_figure (self, cr, &options));
  if (width == (int) width && height == (int) height)
    {
      double sx, sy;

      cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
      remember_size (self, (int) width, (int) height, (int) sx);
    }
}
