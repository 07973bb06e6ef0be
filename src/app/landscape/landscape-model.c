/* landscape-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "expr.h"
#include "landscape-model.h"
#include "run-color.h"
#include "theme.h"
#include "trajectory.h"

struct _SdLandscapeModel
{
  SdSceneDocument  parent_instance;
};

G_DEFINE_FINAL_TYPE (SdLandscapeModel, sd_landscape_model, SD_TYPE_SCENE_DOCUMENT)

/* A new page shows something worth looking at: three optimizers set off
 * together into Rosenbrock's banana valley, where plain gradient descent
 * crawls, momentum zigzags across the valley and then runs ahead of it,
 * and Adam takes steps of its own size along the floor. */
static SdScene *
sd_landscape_model_create_scene (SdSceneDocument *document)
{
  SdScene *scene = sd_scene_new (SD_SCENE_SURFACE);
  SdSceneRun *run;

  sd_scene_get_surface (scene)->log_scale = TRUE;
  sd_scene_get_surface (scene)->contours = 20;

  run = sd_scene_add_run (scene, "Adam", SD_OPTIMIZER_ADAM);
  run->params.learning_rate = 0.05;
  run->start[0] = -1.5, run->start[1] = 2.0;
  run->steps = 500;

  run = sd_scene_add_run (scene, "Momentum", SD_OPTIMIZER_MOMENTUM);
  run->params.learning_rate = 0.001;
  run->start[0] = -1.5, run->start[1] = 2.0;
  run->steps = 500;

  run = sd_scene_add_run (scene, "SGD", SD_OPTIMIZER_SGD);
  run->params.learning_rate = 0.001;
  run->start[0] = -1.5, run->start[1] = 2.0;
  run->steps = 500;

  return scene;
}

static void
sd_landscape_model_class_init (SdLandscapeModelClass *klass)
{
  SdSceneDocumentClass *document_class = SD_SCENE_DOCUMENT_CLASS (klass);

  document_class->create_scene = sd_landscape_model_create_scene;
}

static void
sd_landscape_model_init (SdLandscapeModel *self)
{
}

/**
 * sd_landscape_model_new:
 *
 * Returns: (transfer full): a model holding the default scene
 */
SdLandscapeModel *
sd_landscape_model_new (void)
{
  return g_object_new (SD_TYPE_LANDSCAPE_MODEL, "kind", SD_SCENE_SURFACE, NULL);
}

/**
 * sd_landscape_model_get_scene:
 * @self: a #SdLandscapeModel
 *
 * The scene is changed only through the model's setters, which emit
 * #SdSceneDocument::changed with #SdLandscapeChange flags; read it, never
 * write it.
 *
 * Returns: (transfer none): the scene
 */
const SdScene *
sd_landscape_model_get_scene (SdLandscapeModel *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), NULL);

  return sd_scene_document_get_scene (SD_SCENE_DOCUMENT (self));
}

gboolean
sd_landscape_model_get_modified (SdLandscapeModel *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), FALSE);

  return sd_scene_document_get_modified (SD_SCENE_DOCUMENT (self));
}

void
sd_landscape_model_set_modified (SdLandscapeModel *self,
                                 gboolean          modified)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  sd_scene_document_set_modified (SD_SCENE_DOCUMENT (self), modified);
}

/**
 * sd_landscape_model_set_scene:
 * @self: a #SdLandscapeModel
 * @scene: (transfer full): a surface scene, such as one just opened
 *
 * Replaces the whole scene; the model is then unmodified.
 */
void
sd_landscape_model_set_scene (SdLandscapeModel *self,
                              SdScene          *scene)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  sd_scene_document_set_scene (SD_SCENE_DOCUMENT (self), scene);
}

/* The scene to change; say what changed with changed() right after. */
static SdScene *
edit (SdLandscapeModel *self)
{
  return sd_scene_document_edit (SD_SCENE_DOCUMENT (self));
}

static SdSceneSurface *
edit_surface (SdLandscapeModel *self)
{
  return sd_scene_get_surface (edit (self));
}

static void
changed (SdLandscapeModel  *self,
         SdLandscapeChange  changes)
{
  sd_scene_document_changed (SD_SCENE_DOCUMENT (self), changes);
}

/* A built-in surface is shown as it is meant to be: its range, every run
 * starting from its start point (the last surface's start could lie on
 * this one's edge), and its colours. */
static void
apply_defaults (SdLandscapeModel *self,
                const SdSurface  *built)
{
  SdSceneSurface *surface = edit_surface (self);
  SdSurfaceDefaults defaults;

  sd_surface_get_defaults (built, &defaults);
  memcpy (surface->x_range, defaults.x_range, sizeof surface->x_range);
  memcpy (surface->y_range, defaults.y_range, sizeof surface->y_range);
  surface->log_scale = defaults.log_scale;
  g_free (surface->color_map);
  surface->color_map = g_strdup (defaults.color_map);
  for (guint i = 0; i < surface->runs->len; i++)
    {
      SdSceneRun *run = g_ptr_array_index (surface->runs, i);

      memcpy (run->start, defaults.start, sizeof run->start);
    }
}

/**
 * sd_landscape_model_set_function:
 * @self: a #SdLandscapeModel
 * @function: a built-in surface name, or "custom" for the scene's expression
 *
 * Choosing a built-in also shows it with its defaults (see
 * sd_surface_get_defaults()): its range, its start point for every run,
 * log colours or not, and its colour map; the colour scale follows the
 * new surface.
 */
void
sd_landscape_model_set_function (SdLandscapeModel *self,
                                 const char       *function)
{
  SdSceneSurface *surface;
  g_autoptr(SdSurface) built = NULL;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (function != NULL);

  surface = edit_surface (self);
  if (g_str_equal (surface->function, function))
    return;

  if (g_str_equal (function, "custom") && surface->expression == NULL)
    surface->expression = g_strdup ("0.5*x^2 + 5*y^2");

  g_free (surface->function);
  surface->function = g_strdup (function);

  built = sd_scene_create_surface (edit (self), NULL);
  g_return_if_fail (built != NULL);
  surface->has_color_range = FALSE;
  if (!g_str_equal (function, "custom"))
    apply_defaults (self, built);

  changed (self, SD_LANDSCAPE_CHANGE_SURFACE | SD_LANDSCAPE_CHANGE_RUNS
                 | SD_LANDSCAPE_CHANGE_DISPLAY);
}

/**
 * sd_landscape_model_set_expression:
 * @self: a #SdLandscapeModel
 * @expression: the user's f(x, y)
 * @error_column: (out) (optional): the 1-based column of a parse error
 * @error: return location for an error
 *
 * Makes the surface the custom @expression if it parses. If it does not,
 * nothing changes: the last valid surface stays on screen while the user
 * types.
 *
 * Returns: whether @expression parsed
 */
gboolean
sd_landscape_model_set_expression (SdLandscapeModel  *self,
                                   const char        *expression,
                                   guint             *error_column,
                                   GError           **error)
{
  g_autoptr(SdExpr) parsed = NULL;
  SdSceneSurface *surface;

  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), FALSE);
  g_return_val_if_fail (expression != NULL, FALSE);

  if (!sd_expr_parse_full (expression, &parsed, error_column, error))
    return FALSE;

  surface = edit_surface (self);
  if (g_str_equal (surface->function, "custom")
      && g_strcmp0 (surface->expression, expression) == 0)
    return TRUE;

  g_free (surface->function);
  surface->function = g_strdup ("custom");
  g_free (surface->expression);
  surface->expression = g_strdup (expression);
  surface->has_color_range = FALSE;

  changed (self, SD_LANDSCAPE_CHANGE_SURFACE | SD_LANDSCAPE_CHANGE_RUNS);
  return TRUE;
}

void
sd_landscape_model_set_range (SdLandscapeModel *self,
                              const double      x_range[2],
                              const double      y_range[2])
{
  SdSceneSurface *surface;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (x_range[0] < x_range[1] && y_range[0] < y_range[1]);

  surface = edit_surface (self);
  if (surface->x_range[0] == x_range[0] && surface->x_range[1] == x_range[1]
      && surface->y_range[0] == y_range[0] && surface->y_range[1] == y_range[1])
    return;

  surface->x_range[0] = x_range[0], surface->x_range[1] = x_range[1];
  surface->y_range[0] = y_range[0], surface->y_range[1] = y_range[1];
  changed (self, SD_LANDSCAPE_CHANGE_SURFACE);
}

void
sd_landscape_model_set_resolution (SdLandscapeModel *self,
                                   guint             resolution)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (resolution >= SD_SCENE_MIN_RESOLUTION
                    && resolution <= SD_SCENE_MAX_RESOLUTION);

  if (edit_surface (self)->resolution == resolution)
    return;

  edit_surface (self)->resolution = resolution;
  changed (self, SD_LANDSCAPE_CHANGE_SURFACE);
}

/**
 * sd_landscape_model_set_surface_param:
 * @self: a #SdLandscapeModel
 * @key: a dataset key of the regression surfaces: `dataset-size`, `noise`
 *   or `seed`
 * @value: its value
 * @error: return location for an error naming the key and the rule
 *
 * A new dataset is a new surface, so the runs are computed again.
 *
 * Returns: whether @value was valid and set
 */
gboolean
sd_landscape_model_set_surface_param (SdLandscapeModel  *self,
                                      const char        *key,
                                      double             value,
                                      GError           **error)
{
  SdSurfaceParams params;
  double old;

  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (sd_surface_params_get (&edit_surface (self)->params, key, &old) && old == value)
    return TRUE;

  params = edit_surface (self)->params;
  if (!sd_surface_params_set (&params, key, value, error)
      || !sd_surface_params_validate (&params, error))
    return FALSE;

  edit_surface (self)->params = params;
  edit_surface (self)->has_color_range = FALSE;
  changed (self, SD_LANDSCAPE_CHANGE_SURFACE | SD_LANDSCAPE_CHANGE_RUNS);
  return TRUE;
}

/**
 * sd_landscape_model_set_color_map:
 * @self: a #SdLandscapeModel
 * @color_map: (nullable): a colour map name, or %NULL for the preference
 */
void
sd_landscape_model_set_color_map (SdLandscapeModel *self,
                                  const char       *color_map)
{
  SdSceneSurface *surface;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (color_map == NULL
                    || g_strv_contains (sd_scene_list_color_maps (), color_map));

  surface = edit_surface (self);
  if (g_strcmp0 (surface->color_map, color_map) == 0)
    return;

  g_free (surface->color_map);
  surface->color_map = g_strdup (color_map);
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

void
sd_landscape_model_set_log_scale (SdLandscapeModel *self,
                                  gboolean          log_scale)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  log_scale = !!log_scale;
  if (edit_surface (self)->log_scale == log_scale)
    return;

  edit_surface (self)->log_scale = log_scale;
  edit_surface (self)->has_color_range = FALSE;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

/**
 * sd_landscape_model_fit_colors_to_view:
 * @self: a #SdLandscapeModel
 *
 * Drops the colour range the scene fixed, so that the colour scale spans
 * the values in view again; the page's results then fix it to them (see
 * sd_landscape_results_fit_colors()).
 */
void
sd_landscape_model_fit_colors_to_view (SdLandscapeModel *self)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  if (!edit_surface (self)->has_color_range)
    return;

  edit_surface (self)->has_color_range = FALSE;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

/**
 * sd_landscape_model_set_explain_readable:
 * @self: a #SdLandscapeModel
 * @readable: whether the explain arrows are scaled together to a
 *   readable length (the `explain-lengths` key)
 */
void
sd_landscape_model_set_explain_readable (SdLandscapeModel *self,
                                         gboolean          readable)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  readable = !!readable;
  if (edit_surface (self)->explain_readable == readable)
    return;

  edit_surface (self)->explain_readable = readable;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

void
sd_landscape_model_set_contours (SdLandscapeModel *self,
                                 guint             contours)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (contours <= SD_SCENE_MAX_CONTOURS);

  if (edit_surface (self)->contours == contours)
    return;

  edit_surface (self)->contours = contours;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

void
sd_landscape_model_set_layers (SdLandscapeModel *self,
                               SdSurfaceLayers   layers)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  if (edit_surface (self)->layers == layers)
    return;

  edit_surface (self)->layers = layers;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

void
sd_landscape_model_set_view (SdLandscapeModel *self,
                             SdSurfaceView     view,
                             double            azimuth,
                             double            elevation)
{
  SdSceneSurface *surface;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (azimuth >= -360.0 && azimuth <= 360.0);
  g_return_if_fail (elevation >= -90.0 && elevation <= 90.0);

  surface = edit_surface (self);
  if (surface->view == view && surface->azimuth == azimuth && surface->elevation == elevation)
    return;

  surface->view = view;
  surface->azimuth = azimuth;
  surface->elevation = elevation;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

static SdSceneRun *
get_run (SdLandscapeModel *self,
         guint             index)
{
  g_return_val_if_fail (index < edit_surface (self)->runs->len, NULL);

  return g_ptr_array_index (edit_surface (self)->runs, index);
}

static gboolean
run_name_taken (SdLandscapeModel *self,
                const char       *name)
{
  for (guint i = 0; i < edit_surface (self)->runs->len; i++)
    {
      if (g_str_equal (((SdSceneRun *) g_ptr_array_index (edit_surface (self)->runs, i))->name, name))
        return TRUE;
    }

  return FALSE;
}

/* "Adam", then "Adam 2", "Adam 3": names label runs in the legend. */
static char *
unique_run_name (SdLandscapeModel *self,
                 const char       *base)
{
  char *name = g_strdup (base);

  for (guint n = 2; run_name_taken (self, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", base, n);
    }

  return name;
}

/**
 * sd_optimizer_kind_get_label:
 * @kind: an optimizer kind
 *
 * Returns: (transfer none): the kind's translated name for people
 */
const char *
sd_optimizer_kind_get_label (SdOptimizerKind kind)
{
  static const char * const labels[SD_N_OPTIMIZER_KINDS] = {
    [SD_OPTIMIZER_SGD] = N_("SGD"),
    [SD_OPTIMIZER_MOMENTUM] = N_("Momentum"),
    [SD_OPTIMIZER_NESTEROV] = N_("Nesterov"),
    [SD_OPTIMIZER_ADAGRAD] = N_("AdaGrad"),
    [SD_OPTIMIZER_RMSPROP] = N_("RMSProp"),
    [SD_OPTIMIZER_ADAM] = N_("Adam"),
    [SD_OPTIMIZER_ADAMW] = N_("AdamW"),
    [SD_OPTIMIZER_NEWTON] = N_("Newton"),
    [SD_OPTIMIZER_BFGS] = N_("BFGS"),
    [SD_OPTIMIZER_CONJUGATE_GRADIENT] = N_("Conjugate gradient"),
    [SD_OPTIMIZER_NELDER_MEAD] = N_("Nelder–Mead"),
  };

  g_return_val_if_fail (kind < SD_N_OPTIMIZER_KINDS, NULL);

  return _(labels[kind]);
}

/* Gives every run without a colour of its own the colour it is drawn in
 * now. Adding, copying or removing a run moves the runs after it, and a
 * run whose colour came from its position would change colour. */
static void
keep_run_colors (SdLandscapeModel *self)
{
  GPtrArray *runs = edit_surface (self)->runs;

  for (guint i = 0; i < runs->len; i++)
    {
      SdSceneRun *run = g_ptr_array_index (runs, i);
      double rgba[4];

      if (run->has_color)
        continue;
      sd_run_get_color (run, i, rgba);
      memcpy (run->color, rgba, sizeof run->color);
      run->has_color = TRUE;
    }
}

/* Gives @run, new, the first colour of the run palette that no other run
 * has, so that it is told apart from the others and keeps its colour. */
static void
give_new_color (SdLandscapeModel *self,
                SdSceneRun       *run)
{
  GPtrArray *runs = edit_surface (self)->runs;
  double rgba[4];

  for (guint c = 0; c < sd_run_palette_get_size (); c++)
    {
      gboolean used = FALSE;

      sd_run_palette_color (c, rgba);
      for (guint i = 0; i < runs->len && !used; i++)
        {
          const SdSceneRun *other = g_ptr_array_index (runs, i);

          used = other != run && other->has_color
                 && sd_color_difference (other->color, rgba) < 1.0;
        }
      if (!used)
        break;
    }

  memcpy (run->color, rgba, sizeof run->color);
  run->has_color = TRUE;
}

/**
 * sd_landscape_model_can_add_run:
 * @self: a #SdLandscapeModel
 *
 * A scene has at most %SD_SCENE_MAX_RUNS runs.
 *
 * Returns: whether another run can be added or duplicated
 */
gboolean
sd_landscape_model_can_add_run (SdLandscapeModel *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), FALSE);

  return sd_scene_get_surface (sd_landscape_model_get_scene (self))->runs->len < SD_SCENE_MAX_RUNS;
}

/**
 * sd_landscape_model_add_run:
 * @self: a #SdLandscapeModel
 * @optimizer: the new run's optimizer, with torch's defaults
 *
 * The new run starts where the others do (the race's common start), in
 * the first colour of the run palette no other run has; the runs before it
 * keep the colours they are drawn in.
 *
 * Returns: its index
 */
guint
sd_landscape_model_add_run (SdLandscapeModel *self,
                            SdOptimizerKind   optimizer)
{
  g_autofree char *name = NULL;
  SdSceneRun *run;

  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), 0);
  g_return_val_if_fail (optimizer < SD_N_OPTIMIZER_KINDS, 0);
  g_return_val_if_fail (sd_landscape_model_can_add_run (self), 0);

  name = unique_run_name (self, sd_optimizer_kind_get_label (optimizer));
  keep_run_colors (self);
  run = sd_scene_add_run (edit (self), name, optimizer);
  give_new_color (self, run);
  if (edit_surface (self)->runs->len > 1)
    {
      const SdSceneRun *first = g_ptr_array_index (edit_surface (self)->runs, 0);

      run->start[0] = first->start[0];
      run->start[1] = first->start[1];
      run->steps = first->steps;
    }

  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
  return edit_surface (self)->runs->len - 1;
}

/**
 * sd_landscape_model_duplicate_run:
 * @self: a #SdLandscapeModel
 * @index: the run to copy
 *
 * The copy has its own name and the first colour of the run palette no
 * other run has; the other runs keep theirs.
 *
 * Returns: the copy's index, after the original's
 */
guint
sd_landscape_model_duplicate_run (SdLandscapeModel *self,
                                  guint             index)
{
  SdSceneRun *original, *copy;

  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), 0);

  original = get_run (self, index);
  g_return_val_if_fail (original != NULL, 0);
  g_return_val_if_fail (sd_landscape_model_can_add_run (self), 0);

  keep_run_colors (self);
  copy = g_memdup2 (original, sizeof *original);
  copy->name = unique_run_name (self, original->name);
  /* What is explained stays with the one run. */
  copy->explain = SD_EXPLAIN_NONE;
  g_ptr_array_insert (edit_surface (self)->runs, index + 1, copy);
  give_new_color (self, copy);

  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
  return index + 1;
}

void
sd_landscape_model_remove_run (SdLandscapeModel *self,
                               guint             index)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (index < edit_surface (self)->runs->len);

  keep_run_colors (self);
  g_ptr_array_remove_index (edit_surface (self)->runs, index);
  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
}

/**
 * sd_landscape_model_set_run_optimizer:
 * @self: a #SdLandscapeModel
 * @index: a run
 * @optimizer: its new optimizer
 *
 * The hyperparameters go back to torch's defaults for @optimizer, which
 * differ between optimizers (Adam's learning rate is ten times smaller).
 */
void
sd_landscape_model_set_run_optimizer (SdLandscapeModel *self,
                                      guint             index,
                                      SdOptimizerKind   optimizer)
{
  SdSceneRun *run;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (optimizer < SD_N_OPTIMIZER_KINDS);

  run = get_run (self, index);
  g_return_if_fail (run != NULL);
  if (run->params.kind == optimizer)
    return;

  sd_optimizer_params_init (&run->params, optimizer);
  run->explain &= sd_scene_explain_supported (optimizer);
  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
}

/**
 * sd_landscape_model_set_run_param:
 * @self: a #SdLandscapeModel
 * @index: a run
 * @key: a hyperparameter key, such as "learning-rate"
 * @value: its value
 * @error: return location for an error naming the key and the rule
 *
 * Returns: whether @value was valid and set
 */
gboolean
sd_landscape_model_set_run_param (SdLandscapeModel  *self,
                                  guint              index,
                                  const char        *key,
                                  double             value,
                                  GError           **error)
{
  SdOptimizerParams params;
  SdSceneRun *run;
  double old;

  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  run = get_run (self, index);
  g_return_val_if_fail (run != NULL, FALSE);

  if (sd_optimizer_params_get (&run->params, key, &old) && old == value)
    return TRUE;

  params = run->params;
  if (!sd_optimizer_params_set (&params, key, value, error)
      || !sd_optimizer_params_validate (&params, error))
    return FALSE;

  run->params = params;
  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
  return TRUE;
}

void
sd_landscape_model_set_run_steps (SdLandscapeModel *self,
                                  guint             index,
                                  guint             steps)
{
  SdSceneRun *run;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (steps <= SD_TRAJECTORY_MAX_STEPS);

  run = get_run (self, index);
  g_return_if_fail (run != NULL);
  if (run->steps == steps)
    return;

  run->steps = steps;
  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
}

void
sd_landscape_model_set_run_visible (SdLandscapeModel *self,
                                    guint             index,
                                    gboolean          visible)
{
  SdSceneRun *run;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  run = get_run (self, index);
  g_return_if_fail (run != NULL);

  visible = !!visible;
  if (run->visible == visible)
    return;

  run->visible = visible;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

/**
 * sd_landscape_model_set_run_explain:
 * @self: a #SdLandscapeModel
 * @index: a run
 * @explain: what to draw at the run's shown iterate; what its optimizer
 *   does not have (see sd_scene_explain_supported()) is left out
 */
void
sd_landscape_model_set_run_explain (SdLandscapeModel *self,
                                    guint             index,
                                    SdExplainFlags    explain)
{
  SdSceneRun *run;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail ((explain & ~SD_EXPLAIN_ALL) == 0);

  run = get_run (self, index);
  g_return_if_fail (run != NULL);

  explain &= sd_scene_explain_supported (run->params.kind);
  if (run->explain == explain)
    return;

  run->explain = explain;
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

void
sd_landscape_model_set_run_color (SdLandscapeModel *self,
                                  guint             index,
                                  const double      rgb[3])
{
  SdSceneRun *run;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));

  run = get_run (self, index);
  g_return_if_fail (run != NULL);
  if (run->has_color && memcmp (run->color, rgb, sizeof run->color) == 0)
    return;

  run->has_color = TRUE;
  memcpy (run->color, rgb, sizeof run->color);
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

void
sd_landscape_model_set_run_name (SdLandscapeModel *self,
                                 guint             index,
                                 const char       *name)
{
  SdSceneRun *run;

  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (name != NULL && *name != '\0');

  run = get_run (self, index);
  g_return_if_fail (run != NULL);
  if (g_str_equal (run->name, name))
    return;

  g_free (run->name);
  run->name = g_strdup (name);
  changed (self, SD_LANDSCAPE_CHANGE_DISPLAY);
}

/**
 * sd_landscape_model_set_start:
 * @self: a #SdLandscapeModel
 * @x: the start's x
 * @y: the start's y
 *
 * Every run starts from the common start point: that is the race.
 */
void
sd_landscape_model_set_start (SdLandscapeModel *self,
                              double            x,
                              double            y)
{
  g_return_if_fail (SD_IS_LANDSCAPE_MODEL (self));
  g_return_if_fail (isfinite (x) && isfinite (y));

  for (guint i = 0; i < edit_surface (self)->runs->len; i++)
    {
      SdSceneRun *run = g_ptr_array_index (edit_surface (self)->runs, i);

      run->start[0] = x;
      run->start[1] = y;
    }

  changed (self, SD_LANDSCAPE_CHANGE_RUNS);
}
