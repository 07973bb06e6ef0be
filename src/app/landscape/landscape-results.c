/* landscape-results.c: what the Landscape page computes from its scene:
 * the surface, its grid and contours, and the runs' trajectories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "landscape-results-private.h"

/*
 * The results follow the page's model and compute, on workers when it
 * takes long (see landscape-results-jobs.c), one landscape that every view
 * of the page reads: the canvas draws it, the loss chart plots its
 * trajectories, the Explain group reads the iterate off them. One
 * surface, one grid, one set of trajectories, one update per change.
 */

G_DEFINE_FINAL_TYPE (SdLandscapeResults, sd_landscape_results, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ITERATION,
  PROP_BUSY,
  N_PROPS
};

enum {
  UPDATED,
  GRID_APPLIED,
  TRAJECTORIES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GPtrArray *
_sd_landscape_results_copy_runs (const GPtrArray *runs)
{
  GPtrArray *copy = g_ptr_array_new_full (runs != NULL ? runs->len : 0,
                                          (GDestroyNotify) sd_scene_run_free);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    g_ptr_array_add (copy, sd_scene_run_copy (g_ptr_array_index (runs, i)));

  return copy;
}

void
_sd_landscape_results_update_busy (SdLandscapeResults *self)
{
  gboolean busy = self->grid_pending || self->runs_pending;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_sd_landscape_results_emit_grid_applied (SdLandscapeResults *self,
                                         guint               resolution)
{
  g_signal_emit (self, signals[UPDATED], 0);
  g_signal_emit (self, signals[GRID_APPLIED], 0, resolution);
}

void
_sd_landscape_results_emit_trajectories (SdLandscapeResults *self)
{
  g_signal_emit (self, signals[UPDATED], 0);
  g_signal_emit (self, signals[TRAJECTORIES_CHANGED], 0);
}

/* Sets the step the runs are drawn to: the iteration, or the scene's own
 * `step` when the results show all iterations. */
static void
apply_iteration (SdLandscapeResults *self,
                 SdScene            *scene)
{
  const SdScene *model_scene = sd_landscape_model_get_scene (self->model);

  if (self->iteration == SD_LANDSCAPE_RESULTS_ALL_ITERATIONS)
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
void
_sd_landscape_results_refresh (SdLandscapeResults *self)
{
  const SdScene *scene;
  const GPtrArray *runs;
  SdScene *copy;

  if (self->model == NULL)
    return;

  scene = sd_landscape_model_get_scene (self->model);
  runs = sd_scene_get_surface (scene)->runs;
  if (runs->len != self->trajectories->len)
    runs = self->runs;

  copy = sd_scene_copy (scene);
  g_ptr_array_unref (sd_scene_get_surface (copy)->runs);
  sd_scene_get_surface (copy)->runs = _sd_landscape_results_copy_runs (runs);
  apply_iteration (self, copy);
  g_assert (sd_scene_get_surface (copy)->runs->len == self->trajectories->len);

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
update_surface (SdLandscapeResults *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autofree char *key = surface_key (sd_scene_get_surface (scene));
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

/* Whether the grid's colours and contour levels used the colour range in
 * force: the scene's, or else the one fixed to the surface. */
static gboolean
same_color_range (SdLandscapeResults   *self,
                  const SdSceneSurface *surface)
{
  gboolean has = surface->has_color_range || self->has_color_pin;
  const double *range = surface->has_color_range ? surface->color_range : self->color_pin;

  if (has != self->grid_has_color_range)
    return FALSE;
  return !has || (range[0] == self->grid_color_range[0] && range[1] == self->grid_color_range[1]);
}

static void
on_model_changed (SdLandscapeResults *self,
                  guint               changes,
                  SdLandscapeModel   *model)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (model));
  gboolean new_surface;

  g_assert (SD_IS_LANDSCAPE_RESULTS (self));

  new_surface = update_surface (self);

  /* Another surface, or log colours switched, starts from the values in
   * view again. */
  if (new_surface || surface->log_scale != self->grid_log_scale)
    self->has_color_pin = FALSE;

  /* Contour levels and the colour scale are computed with the grid. */
  if ((changes & SD_LANDSCAPE_CHANGE_SURFACE) || new_surface
      || surface->log_scale != self->grid_log_scale || surface->contours != self->grid_contours
      || !same_color_range (self, surface))
    _sd_landscape_results_request_grid (self);

  if ((changes & SD_LANDSCAPE_CHANGE_RUNS) || new_surface)
    _sd_landscape_results_request_trajectories (self);

  _sd_landscape_results_refresh (self);
  g_signal_emit (self, signals[UPDATED], 0);
}

/**
 * sd_landscape_results_fit_colors:
 * @self: a #SdLandscapeResults
 *
 * Lets the colour scale span the values in view again, and fixes it to
 * them once they are computed.
 */
void
sd_landscape_results_fit_colors (SdLandscapeResults *self)
{
  g_return_if_fail (SD_IS_LANDSCAPE_RESULTS (self));

  self->has_color_pin = FALSE;
  _sd_landscape_results_request_grid (self);
}

/**
 * sd_landscape_results_get_color_pin:
 * @self: a #SdLandscapeResults
 * @range: (out caller-allocates): the range
 *
 * The colour range fixed to the surface as the user panned and zoomed,
 * which a saved or exported scene keeps so that it shows the colours on
 * screen.
 *
 * Returns: whether there is one
 */
gboolean
sd_landscape_results_get_color_pin (SdLandscapeResults *self,
                                    double              range[2])
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), FALSE);

  if (!self->has_color_pin)
    return FALSE;
  range[0] = self->color_pin[0];
  range[1] = self->color_pin[1];
  return TRUE;
}

/* GObject */

static void
sd_landscape_results_dispose (GObject *object)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (object);

  /* Workers still under way see the cancellation; their results find
   * the weak reference empty or the generation replaced. */
  sd_worker_slot_clear (&self->grid_slot);
  sd_worker_slot_clear (&self->runs_slot);
  g_clear_handle_id (&self->grid_timeout_id, g_source_remove);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sd_landscape_results_parent_class)->dispose (object);
}

static void
sd_landscape_results_finalize (GObject *object)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (object);

  /* The landscape points to the drawn scene: free it first. */
  g_clear_pointer (&self->landscape, sd_landscape_free);
  g_clear_pointer (&self->draw_scene, sd_scene_free);
  g_clear_pointer (&self->trajectories, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->surface, sd_surface_unref);
  g_clear_pointer (&self->surface_key, g_free);

  G_OBJECT_CLASS (sd_landscape_results_parent_class)->finalize (object);
}

static void
sd_landscape_results_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_landscape_results_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;
    case PROP_ITERATION:
      sd_landscape_results_set_iteration (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_landscape_results_constructed (GObject *object)
{
  SdLandscapeResults *self = SD_LANDSCAPE_RESULTS (object);

  G_OBJECT_CLASS (sd_landscape_results_parent_class)->constructed (object);

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self->model));

  self->changed_id = g_signal_connect_swapped (self->model, "changed",
                                               G_CALLBACK (on_model_changed), self);
  on_model_changed (self, SD_SCENE_DOCUMENT_CHANGE_ALL, self->model);
}

static void
sd_landscape_results_class_init (SdLandscapeResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sd_landscape_results_constructed;
  object_class->dispose = sd_landscape_results_dispose;
  object_class->finalize = sd_landscape_results_finalize;
  object_class->get_property = sd_landscape_results_get_property;
  object_class->set_property = sd_landscape_results_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SD_TYPE_LANDSCAPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeResults:iteration:
   *
   * The runs are drawn up to this iteration (playback and scrubbing set
   * it); %SD_LANDSCAPE_RESULTS_ALL_ITERATIONS draws them whole, or to the
   * scene's own `step`.
   */
  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, SD_LANDSCAPE_RESULTS_ALL_ITERATIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLandscapeResults:busy:
   *
   * Whether a grid or trajectories are being computed for the model's
   * latest state; meanwhile the results hold the last ones.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdLandscapeResults::updated:
   * @results: the results
   *
   * What is drawn changed: the scene drawn followed the model, a grid or
   * trajectories arrived, or the iteration moved.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SdLandscapeResults::grid-applied:
   * @results: the results
   * @resolution: the grid's points per side
   *
   * A newly computed grid replaced the last: the coarse one, then the
   * full one.
   */
  signals[GRID_APPLIED] =
    g_signal_new ("grid-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SdLandscapeResults::trajectories-changed:
   * @results: the results
   *
   * Newly computed trajectories replaced the previous ones, one per run
   * they were computed for; those returned by
   * sd_landscape_results_get_trajectory() before are gone.
   */
  signals[TRAJECTORIES_CHANGED] =
    g_signal_new ("trajectories-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sd_landscape_results_init (SdLandscapeResults *self)
{
  self->thread = g_thread_self ();
  self->iteration = SD_LANDSCAPE_RESULTS_ALL_ITERATIONS;
  self->trajectories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_trajectory_free);
  self->runs = _sd_landscape_results_copy_runs (NULL);
  sd_worker_slot_init (&self->grid_slot);
  sd_worker_slot_init (&self->runs_slot);
  /* Far in the past: the first grid request is not part of a burst. */
  self->last_grid_request = G_MININT64 / 2;
}

/**
 * sd_landscape_results_new:
 * @model: the scene to compute for
 *
 * Starts computing at once.
 *
 * Returns: (transfer full): the results of @model
 */
SdLandscapeResults *
sd_landscape_results_new (SdLandscapeModel *model)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (model), NULL);

  return g_object_new (SD_TYPE_LANDSCAPE_RESULTS, "model", model, NULL);
}

/**
 * sd_landscape_results_get_model:
 * @self: a #SdLandscapeResults
 *
 * Returns: (transfer none): the scene the results are computed for
 */
SdLandscapeModel *
sd_landscape_results_get_model (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), NULL);

  return self->model;
}

guint
sd_landscape_results_get_iteration (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), SD_LANDSCAPE_RESULTS_ALL_ITERATIONS);

  return self->iteration;
}

/**
 * sd_landscape_results_set_iteration:
 * @self: a #SdLandscapeResults
 * @iteration: the last iteration to draw, or
 *   %SD_LANDSCAPE_RESULTS_ALL_ITERATIONS
 *
 * Only the runs are drawn again; the heatmap and the contours come from
 * the landscape's cache.
 */
void
sd_landscape_results_set_iteration (SdLandscapeResults *self,
                                    guint               iteration)
{
  g_return_if_fail (SD_IS_LANDSCAPE_RESULTS (self));

  if (self->iteration == iteration)
    return;

  self->iteration = iteration;
  if (self->draw_scene != NULL)
    apply_iteration (self, self->draw_scene);
  g_signal_emit (self, signals[UPDATED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
}

/**
 * sd_landscape_results_get_busy:
 * @self: a #SdLandscapeResults
 *
 * Returns: whether the grid or the trajectories for the model's latest
 *   state are still being computed
 */
gboolean
sd_landscape_results_get_busy (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), FALSE);

  return self->busy;
}

/**
 * sd_landscape_results_get_surface:
 * @self: a #SdLandscapeResults
 *
 * Returns: (transfer none) (nullable): the surface the model describes
 *   now, %NULL if it could not be made
 */
SdSurface *
sd_landscape_results_get_surface (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), NULL);

  return self->surface;
}

/**
 * sd_landscape_results_get_landscape:
 * @self: a #SdLandscapeResults
 *
 * What is drawn: while the results are busy, the grid may be coarse or for
 * an earlier range, and the trajectories for earlier runs. Drawing it
 * fills its cache: draw it from the main thread only.
 *
 * Returns: (transfer none) (nullable): the landscape, %NULL before the
 *   first grid
 */
SdLandscape *
sd_landscape_results_get_landscape (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), NULL);

  return self->landscape;
}

/**
 * sd_landscape_results_get_scene:
 * @self: a #SdLandscapeResults
 *
 * The scene drawn: the model's, with the runs the trajectories were
 * computed for and stopped at the iteration.
 *
 * Returns: (transfer none) (nullable): the scene, valid until the next
 *   #SdLandscapeResults::updated
 */
const SdScene *
sd_landscape_results_get_scene (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), NULL);

  return self->draw_scene;
}

/**
 * sd_landscape_results_get_n_trajectories:
 * @self: a #SdLandscapeResults
 *
 * The number of runs the current trajectories were computed for. It
 * differs from the model's number of runs while trajectories for added or
 * removed runs are still being computed.
 *
 * Returns: the number of trajectories
 */
guint
sd_landscape_results_get_n_trajectories (SdLandscapeResults *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), 0);

  return self->trajectories->len;
}

/**
 * sd_landscape_results_get_trajectory:
 * @self: a #SdLandscapeResults
 * @index: a run, below sd_landscape_results_get_n_trajectories()
 *
 * The path of a run as last computed: while the results are busy, it may
 * be for the run's earlier settings. It stays valid until the next
 * #SdLandscapeResults::trajectories-changed.
 *
 * Returns: (transfer none) (nullable): the run's path, %NULL if @index is
 *   out of range
 */
const SdTrajectory *
sd_landscape_results_get_trajectory (SdLandscapeResults *self,
                                     guint               index)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_RESULTS (self), NULL);

  if (index >= self->trajectories->len)
    return NULL;

  return g_ptr_array_index (self->trajectories, index);
}

/**
 * sd_landscape_results_set_prerender:
 * @self: a #SdLandscapeResults
 * @options: how the map view was last drawn on screen
 * @device_scale: the pixel scale it was drawn at
 *
 * A new grid's map is then drawn once on its worker at that size, which
 * fills the landscape's cache of heatmap and contours: the first frame
 * with the grid only paints them.
 */
void
sd_landscape_results_set_prerender (SdLandscapeResults    *self,
                                    const SdFigureOptions *options,
                                    int                    device_scale)
{
  g_return_if_fail (SD_IS_LANDSCAPE_RESULTS (self));
  g_return_if_fail (options != NULL);

  self->has_prerender = options->width >= 1.0 && options->height >= 1.0;
  self->prerender_options = *options;
  self->prerender_scale = MAX (device_scale, 1);
}
