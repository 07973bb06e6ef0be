/* scene-surface.c: surface scenes: the [Surface] group and the [Run NAME]
 * groups, read, written, copied and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "explain.h"
#include "scene-private.h"
#include "scene-surface.h"
#include "trajectory.h"

#define RUN_PREFIX "Run "

static const char * const color_maps[] = {
  "viridis", "magma", "inferno", "plasma", "cividis", "coolwarm", "grayscale", NULL
};

/* Bit i of SdSurfaceLayers is named by entry i. */
static const char * const layer_names[] = { "heatmap", "contours", "gradient-field", NULL };

/* Bit i of SdExplainFlags is named by entry i. */
static const char * const explain_names[] = {
  "gradient", "step", "velocity", "adam-steps", "curvature", NULL
};

/**
 * sd_scene_list_explain:
 *
 * Returns: (transfer none): the names the runs' `explain` key uses, bit i
 *   of #SdExplainFlags named by the i-th, %NULL-terminated
 */
const char * const *
sd_scene_list_explain (void)
{
  return explain_names;
}

/**
 * sd_scene_explain_supported:
 * @kind: an optimizer
 *
 * The gradient, the step and the curvature explain any run; the velocity
 * only the optimizers with a momentum buffer (momentum, nesterov), the
 * per-coordinate step sizes only Adam's (adam, adamw).
 *
 * Returns: what a run of @kind can have explained
 */
SdExplainFlags
sd_scene_explain_supported (SdOptimizerKind kind)
{
  SdExplainFlags flags = SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP | SD_EXPLAIN_CURVATURE;

  if (sd_explain_kind_has_velocity (kind))
    flags |= SD_EXPLAIN_VELOCITY;
  if (sd_explain_kind_has_adam_steps (kind))
    flags |= SD_EXPLAIN_ADAM_STEP;
  return flags;
}

/**
 * sd_scene_list_color_maps:
 *
 * The figure library draws these; they are listed here so that loading a
 * scene can check its `color-map` key without depending on the drawing code.
 *
 * Returns: (transfer none): the colour map names, %NULL-terminated
 */
const char * const *
sd_scene_list_color_maps (void)
{
  return color_maps;
}

/**
 * sd_scene_get_surface:
 * @scene: a surface scene
 *
 * Like strchr(), this takes a const scene and returns its data writable:
 * whoever owns the scene decides whether to change it.
 *
 * Returns: (transfer none): the scene's surface and runs
 */
SdSceneSurface *
sd_scene_get_surface (const SdScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_SURFACE, NULL);

  return scene->data;
}

/**
 * sd_scene_run_copy:
 * @run: a run
 *
 * Returns: (transfer full): a copy of @run, freed with sd_scene_run_free()
 */
SdSceneRun *
sd_scene_run_copy (const SdSceneRun *run)
{
  SdSceneRun *copy = g_memdup2 (run, sizeof *run);

  copy->name = g_strdup (run->name);
  return copy;
}

void
sd_scene_run_free (SdSceneRun *run)
{
  if (run == NULL)
    return;

  g_free (run->name);
  g_free (run);
}

/* A new surface scene: the Rosenbrock surface over its default range,
 * with no runs. */
static gpointer
create (void)
{
  SdSceneSurface *surface = g_new0 (SdSceneSurface, 1);

  surface->function = g_strdup ("rosenbrock");
  surface->x_range[0] = -2.0;
  surface->x_range[1] = 2.0;
  surface->y_range[0] = -1.0;
  surface->y_range[1] = 3.0;
  surface->resolution = SD_SCENE_DEFAULT_RESOLUTION;
  sd_surface_params_init (&surface->params);
  surface->layers = SD_LAYER_HEATMAP | SD_LAYER_CONTOURS;
  surface->contours = SD_SCENE_DEFAULT_CONTOURS;
  surface->view = SD_VIEW_MAP;
  surface->azimuth = SD_SCENE_DEFAULT_AZIMUTH;
  surface->elevation = SD_SCENE_DEFAULT_ELEVATION;
  surface->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_scene_run_free);

  return surface;
}

static gpointer
copy (gconstpointer data)
{
  const SdSceneSurface *surface = data;
  SdSceneSurface *copy = g_memdup2 (surface, sizeof *surface);

  copy->function = g_strdup (surface->function);
  copy->expression = g_strdup (surface->expression);
  copy->color_map = g_strdup (surface->color_map);
  copy->runs = g_ptr_array_new_full (surface->runs->len, (GDestroyNotify) sd_scene_run_free);
  for (guint i = 0; i < surface->runs->len; i++)
    g_ptr_array_add (copy->runs, sd_scene_run_copy (g_ptr_array_index (surface->runs, i)));

  return copy;
}

static void
free_data (gpointer data)
{
  SdSceneSurface *surface = data;

  g_free (surface->function);
  g_free (surface->expression);
  g_free (surface->color_map);
  g_ptr_array_unref (surface->runs);
  g_free (surface);
}

/**
 * sd_scene_add_run:
 * @self: a surface scene
 * @name: the run's label
 * @optimizer: its optimizer, with torch's default hyperparameters
 *
 * Returns: (transfer none): the new run, starting at the origin
 */
SdSceneRun *
sd_scene_add_run (SdScene         *self,
                  const char      *name,
                  SdOptimizerKind  optimizer)
{
  SdSceneRun *run;

  g_return_val_if_fail (self != NULL && self->kind == SD_SCENE_SURFACE, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  run = g_new0 (SdSceneRun, 1);
  run->name = g_strdup (name);
  sd_optimizer_params_init (&run->params, optimizer);
  run->steps = SD_SCENE_DEFAULT_STEPS;
  run->visible = TRUE;
  g_ptr_array_add (sd_scene_get_surface (self)->runs, run);

  return run;
}

/**
 * sd_scene_create_surface:
 * @self: a surface scene
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the loss surface the scene describes
 */
SdSurface *
sd_scene_create_surface (const SdScene  *self,
                         GError        **error)
{
  const SdSceneSurface *surface;

  g_return_val_if_fail (self != NULL && self->kind == SD_SCENE_SURFACE, NULL);

  surface = sd_scene_get_surface (self);
  if (g_str_equal (surface->function, "custom"))
    {
      if (surface->expression == NULL)
        {
          g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                       /* Translators: the first %s is the key expression of the
                        * scene file, the second the setting function=custom that
                        * needs it; keep both as they are */
                       _("%s: required with %s"), "expression", "function=custom");
          return NULL;
        }
      return sd_surface_new_custom (surface->expression, error);
    }

  return sd_surface_new_builtin (surface->function, &surface->params, error);
}

/* Reading */

/* A run's `explain` key: what the figure draws at its shown iterate. What
 * its optimizer does not have (a velocity without momentum) is warned of
 * and left out, as are hyperparameters it does not use. */
static gboolean
read_explain (SdSceneReader  *r,
              const char     *group,
              SdSceneRun     *run,
              GError        **error)
{
  const char * const *names = sd_scene_list_explain ();
  g_autofree char *text = _sd_scene_get_value (r, group, "explain");
  g_autofree char *unknown = NULL;
  guint flags = 0, unsupported;

  if (text == NULL)
    return TRUE;

  if (!_sd_scene_parse_names (text, names, &flags, &unknown))
    {
      g_autofree char *expected = g_strjoinv (", ", (char **) names);

      /* Translators: the first %s is the overlay given, the second a list
       * of the overlay names the file can use, such as "gradient, step,
       * curvature"; keep the names as they are */
      return _sd_scene_fail (r, error, group, "explain", _("unknown overlay '%s'; expected any of %s"),
                   unknown, expected);
    }

  unsupported = flags & ~sd_scene_explain_supported (run->params.kind);
  for (guint i = 0; names[i] != NULL; i++)
    if (unsupported & (1u << i))
      /* Translators: the first %s is an overlay name such as "velocity",
       * the second an optimizer name such as "adam"; keep both as they are */
      _sd_scene_warn (r, group, "explain", _("'%s' does not apply to %s and is ignored"),
            names[i], sd_optimizer_kind_to_name (run->params.kind));

  run->explain = flags & ~unsupported;
  return TRUE;
}


static gboolean
is_builtin_surface (const char *name)
{
  return g_strv_contains (sd_surface_list_builtins (), name);
}

/* The dataset keys of the regression surfaces (dataset-size, noise, seed). */
static gboolean
read_surface_params (SdSceneReader  *r,
                     const char     *name,
                     GError        **error)
{
  const char * const *keys = sd_surface_builtin_get_keys (name);
  SdSceneSurface *surface = sd_scene_get_surface (r->scene);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GError *local_error = NULL;
      gboolean present;
      double value;

      if (!_sd_scene_read_double (r, "Surface", keys[i], &value, &present, error))
        return FALSE;

      if (present && !sd_surface_params_set (&surface->params, keys[i], value, &local_error))
        return _sd_scene_fail_prefixed (r, error, "Surface", local_error);
    }

  return TRUE;
}

static gboolean
read_surface_display (SdSceneReader  *r,
                      GError        **error)
{
  SdSceneSurface *surface = sd_scene_get_surface (r->scene);
  g_autofree char *view = NULL;
  g_autofree char *lengths = NULL;
  guint64 contours = surface->contours;
  double color_range[2] = { NAN, NAN };
  gboolean present;

  if (!_sd_scene_read_layers (r, "Surface", (guint *) &surface->layers, &present, error)
      || !_sd_scene_read_uint (r, "Surface", "contours", 0, SD_SCENE_MAX_CONTOURS, &contours, error)
      || !_sd_scene_read_bool (r, "Surface", "log-scale", &surface->log_scale, error)
      || !_sd_scene_read_range (r, "Surface", "color-range", color_range, error)
      || !_sd_scene_read_string (r, "Surface", "color-map", FALSE, &surface->color_map, error)
      || !_sd_scene_read_string (r, "Surface", "view", FALSE, &view, error)
      || !_sd_scene_read_bounded (r, "Surface", "azimuth", -360.0, 360.0, &surface->azimuth, error)
      || !_sd_scene_read_bounded (r, "Surface", "elevation", -90.0, 90.0, &surface->elevation, error)
      || !_sd_scene_read_string (r, "Surface", "explain-lengths", FALSE, &lengths, error))
    return FALSE;

  surface->contours = contours;

  if (!isnan (color_range[0]))
    {
      if (surface->log_scale && !(color_range[0] > 0.0))
        /* Translators: color-range and log-scale are keys of the scene
         * file; keep them as they are */
        return _sd_scene_fail (r, error, "Surface", "color-range",
                               _("must be above 0 with log-scale=true"));
      surface->has_color_range = TRUE;
      memcpy (surface->color_range, color_range, sizeof color_range);
    }

  if (surface->color_map != NULL
      && !g_strv_contains (sd_scene_list_color_maps (), surface->color_map))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) sd_scene_list_color_maps ());

      return _sd_scene_fail (r, error, "Surface", "color-map",
                   /* Translators: the first %s is the colour map given, the
                    * second a list of the names of colour maps, such as
                    * "viridis, magma"; keep the names as they are */
                   _("unknown color map '%s'; expected one of %s"), surface->color_map, names);
    }

  if (view == NULL || g_str_equal (view, "map"))
    surface->view = SD_VIEW_MAP;
  else if (g_str_equal (view, "3d"))
    surface->view = SD_VIEW_3D;
  else
    /* Translators: the first two %s are the values the key takes, such as
     * true and false, or map and 3d; keep them as they are. The third is the
     * value given. */
    return _sd_scene_fail (r, error, "Surface", "view", _("must be %s or %s, got '%s'"), "map", "3d", view);

  if (lengths == NULL || g_str_equal (lengths, "true"))
    surface->explain_readable = FALSE;
  else if (g_str_equal (lengths, "readable"))
    surface->explain_readable = TRUE;
  else
    return _sd_scene_fail (r, error, "Surface", "explain-lengths", _("must be %s or %s, got '%s'"),
                 "true", "readable", lengths);

  return TRUE;
}

static gboolean
read_surface_group (SdSceneReader  *r,
                    GError        **error)
{
  SdSceneSurface *surface = sd_scene_get_surface (r->scene);
  g_autoptr(SdSurface) built = NULL;
  GError *local_error = NULL;
  guint64 resolution = SD_SCENE_DEFAULT_RESOLUTION;

  if (!_sd_scene_require_group (r, "Surface", error))
    return FALSE;

  if (!_sd_scene_read_string (r, "Surface", "function", TRUE, &surface->function, error))
    return FALSE;

  if (g_str_equal (surface->function, "custom"))
    {
      if (!_sd_scene_read_string (r, "Surface", "expression", TRUE, &surface->expression, error))
        return FALSE;
    }
  else if (!is_builtin_surface (surface->function))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) sd_surface_list_builtins ());

      return _sd_scene_fail (r, error, "Surface", "function",
                   /* Translators: the first %s is the function given, the
                    * second the word custom and the third a list of the
                    * built-in surfaces, such as "rosenbrock, himmelblau"; keep
                    * the names as they are */
                   _("unknown surface '%s'; expected %s or one of %s"),
                   surface->function, "custom", names);
    }
  else
    {
      _sd_scene_mark_used (r, "Surface", "expression");
      if (g_key_file_has_key (r->keyfile, "Surface", "expression", NULL))
        /* Translators: %s is the setting function=custom; keep it as it is */
        _sd_scene_warn (r, "Surface", "expression", _("used only with %s, ignored"), "function=custom");

      if (!read_surface_params (r, surface->function, error))
        return FALSE;
    }

  built = sd_scene_create_surface (r->scene, &local_error);
  if (built == NULL)
    {
      const char *key = g_str_equal (surface->function, "custom") ? "expression" : "function";

      _sd_scene_fail (r, error, "Surface", key, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  sd_surface_get_default_range (built, surface->x_range, surface->y_range);
  if (!_sd_scene_read_range (r, "Surface", "x-range", surface->x_range, error)
      || !_sd_scene_read_range (r, "Surface", "y-range", surface->y_range, error)
      || !_sd_scene_read_uint (r, "Surface", "resolution", SD_SCENE_MIN_RESOLUTION,
                     SD_SCENE_MAX_RESOLUTION, &resolution, error))
    return FALSE;

  surface->resolution = resolution;
  return read_surface_display (r, error);
}

/* Keys of other optimizers are a likely slip (momentum on adam), so they get
 * their own warning; anything else is left to the unknown-key warning. */
static gboolean
read_run_hyperparameters (SdSceneReader  *r,
                          const char     *group,
                          SdSceneRun     *run,
                          gboolean        stochastic_surface,
                          GError        **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (r->keyfile, group, NULL, NULL);
  SdOptimizerKind kind = run->params.kind;
  double ignored;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GError *local_error = NULL;
      gboolean present;
      double value;

      if (!sd_optimizer_params_get (&run->params, keys[i], &ignored))
        continue;

      if (!sd_optimizer_kind_has_key (kind, keys[i]))
        {
          _sd_scene_mark_used (r, group, keys[i]);
          /* Translators: %s is an optimizer, such as adam */
          _sd_scene_warn (r, group, keys[i], _("not used by %s, ignored"),
                sd_optimizer_kind_to_name (kind));
          continue;
        }

      if ((g_str_equal (keys[i], "batch-size") || g_str_equal (keys[i], "seed"))
          && !stochastic_surface)
        return _sd_scene_fail (r, error, group, keys[i],
                     /* Translators: the two %s are the surfaces
                      * linear-regression and logistic-regression; keep them as
                      * they are. A minibatch is a random part of the dataset
                      * that a step of the optimizer looks at. */
                     _("only the regression surfaces (%s, %s) have minibatches"),
                     "linear-regression", "logistic-regression");

      if (!_sd_scene_read_double (r, group, keys[i], &value, &present, error))
        return FALSE;

      if (!sd_optimizer_params_set (&run->params, keys[i], value, &local_error))
        return _sd_scene_fail_prefixed (r, error, group, local_error);
    }

  return TRUE;
}

static gboolean
read_run_group (SdSceneReader  *r,
                const char     *group,
                const char     *name,
                gpointer        user_data,
                GError        **error)
{
  gboolean stochastic_surface = GPOINTER_TO_INT (user_data);
  g_autofree char *optimizer = NULL;
  GError *local_error = NULL;
  SdOptimizerKind kind;
  SdSceneRun *run;
  guint64 steps = SD_SCENE_DEFAULT_STEPS;

  /* Each run's path is kept whole: the number of runs bounds the memory
   * a scene takes (at most SD_SCENE_MAX_RUNS × SD_TRAJECTORY_MAX_STEPS
   * points). */
  if (sd_scene_get_surface (r->scene)->runs->len >= SD_SCENE_MAX_RUNS)
    return _sd_scene_fail (r, error, group, NULL,
                           /* Translators: %u is the most runs a scene may have */
                           _("one run too many: a scene has at most %u runs"), SD_SCENE_MAX_RUNS);

  if (!_sd_scene_read_string (r, group, "optimizer", TRUE, &optimizer, error))
    return FALSE;

  if (!sd_optimizer_kind_from_name (optimizer, &kind, &local_error))
    {
      _sd_scene_fail (r, error, group, "optimizer", "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  run = sd_scene_add_run (r->scene, name, kind);

  if (!_sd_scene_read_list (r, group, "start", run->start, 2, TRUE, NULL, error)
      || !_sd_scene_read_uint (r, group, "steps", 0, SD_TRAJECTORY_MAX_STEPS, &steps, error)
      || !read_run_hyperparameters (r, group, run, stochastic_surface, error))
    return FALSE;

  run->steps = steps;

  if (!_sd_scene_read_color (r, group, "color", &run->has_color, run->color, error)
      || !_sd_scene_read_bool (r, group, "visible", &run->visible, error)
      || !read_explain (r, group, run, error))
    return FALSE;

  if (!sd_optimizer_params_validate (&run->params, &local_error))
    return _sd_scene_fail_prefixed (r, error, group, local_error);

  return TRUE;
}

static gboolean
load (SdSceneReader  *r,
      char          **groups,
      GError        **error)
{
  g_autoptr(SdSurface) surface = NULL;
  gboolean stochastic;

  if (!read_surface_group (r, error))
    return FALSE;

  surface = sd_scene_create_surface (r->scene, NULL);
  stochastic = surface != NULL && sd_surface_is_stochastic (surface);

  return _sd_scene_read_groups (r, groups, RUN_PREFIX, "[Run Adam]", read_run_group,
                                GINT_TO_POINTER (stochastic), error);
}

/* Writing */

static void
save_surface_group (GKeyFile      *keyfile,
                    const SdScene *scene)
{
  const SdSceneSurface *surface = sd_scene_get_surface (scene);
  const char * const *keys = sd_surface_builtin_get_keys (surface->function);

  g_key_file_set_string (keyfile, "Surface", "function", surface->function);
  if (surface->expression != NULL && g_str_equal (surface->function, "custom"))
    g_key_file_set_string (keyfile, "Surface", "expression", surface->expression);

  _sd_scene_set_list (keyfile, "Surface", "x-range", surface->x_range, 2);
  _sd_scene_set_list (keyfile, "Surface", "y-range", surface->y_range, 2);
  g_key_file_set_uint64 (keyfile, "Surface", "resolution", surface->resolution);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      double value;

      if (sd_surface_params_get (&surface->params, keys[i], &value))
        _sd_scene_set_double (keyfile, "Surface", keys[i], value);
    }

  _sd_scene_set_layers (keyfile, "Surface", SD_SCENE_SURFACE, surface->layers);
  g_key_file_set_uint64 (keyfile, "Surface", "contours", surface->contours);
  g_key_file_set_boolean (keyfile, "Surface", "log-scale", surface->log_scale);
  if (surface->has_color_range)
    _sd_scene_set_list (keyfile, "Surface", "color-range", surface->color_range, 2);
  if (surface->color_map != NULL)
    g_key_file_set_string (keyfile, "Surface", "color-map", surface->color_map);
  g_key_file_set_string (keyfile, "Surface", "view", surface->view == SD_VIEW_3D ? "3d" : "map");
  _sd_scene_set_double (keyfile, "Surface", "azimuth", surface->azimuth);
  _sd_scene_set_double (keyfile, "Surface", "elevation", surface->elevation);
  if (surface->explain_readable)
    g_key_file_set_string (keyfile, "Surface", "explain-lengths", "readable");
}

static void
save_run (GKeyFile         *keyfile,
          const SdSceneRun *run,
          gboolean          stochastic)
{
  g_autofree char *group = g_strconcat ("Run ", run->name, NULL);
  const char * const *keys = sd_optimizer_kind_get_keys (run->params.kind);

  g_key_file_set_string (keyfile, group, "optimizer",
                         sd_optimizer_kind_to_name (run->params.kind));
  _sd_scene_set_list (keyfile, group, "start", run->start, 2);
  g_key_file_set_uint64 (keyfile, group, "steps", run->steps);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      double value;

      /* Minibatch keys mean something only on the regression surfaces,
       * and the loader refuses them elsewhere. */
      if (!stochastic && (g_str_equal (keys[i], "batch-size") || g_str_equal (keys[i], "seed")))
        continue;

      if (sd_optimizer_params_get (&run->params, keys[i], &value))
        _sd_scene_set_double (keyfile, group, keys[i], value);
    }

  if (run->has_color)
    _sd_scene_set_color (keyfile, group, run->color);
  g_key_file_set_boolean (keyfile, group, "visible", run->visible);
  if (run->explain != SD_EXPLAIN_NONE)
    {
      g_autofree char *explain = sd_scene_flags_to_string (sd_scene_list_explain (),
                                                           run->explain);

      g_key_file_set_value (keyfile, group, "explain", explain);
    }
}


static void
save (const SdScene *scene,
      GKeyFile      *keyfile)
{
  g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, NULL);
  gboolean stochastic = surface != NULL && sd_surface_is_stochastic (surface);
  const GPtrArray *runs = sd_scene_get_surface (scene)->runs;

  save_surface_group (keyfile, scene);
  for (guint i = 0; i < runs->len; i++)
    save_run (keyfile, g_ptr_array_index (runs, i), stochastic);
}

/* CSV */

/* How a run ended, as the CSV's end column and the JSON's status name
 * it. */
static const char *
status_name (SdOptimizerStatus status)
{
  switch (status)
    {
    case SD_OPTIMIZER_STATUS_RUNNING:
      return "completed";
    case SD_OPTIMIZER_STATUS_DIVERGED:
      return "diverged";
    case SD_OPTIMIZER_STATUS_STOPPED:
      return "stopped";
    case SD_OPTIMIZER_STATUS_CONVERGED:
      return "converged";
    case SD_OPTIMIZER_STATUS_UNDEFINED:
      return "undefined";
    default:
      g_return_val_if_reached (NULL);
    }
}


static gboolean
to_csv (const SdScene  *scene,
        GString        *csv,
        GCancellable   *cancellable,
        GError        **error)
{
  g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, error);
  const GPtrArray *runs = sd_scene_get_surface (scene)->runs;

  if (surface == NULL)
    return FALSE;

  g_string_append (csv, "run,step,x,y,loss,grad_x,grad_y,end\n");

  for (guint i = 0; i < runs->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (runs, i);
      g_autoptr(SdTrajectory) trajectory = NULL;
      const SdOptimizerState *points;
      guint n_points;

      trajectory = sd_trajectory_compute (surface, &run->params, run->start, run->steps,
                                          cancellable, error);
      if (trajectory == NULL)
        {
          g_prefix_error (error, "[Run %s] ", run->name);
          return FALSE;
        }

      points = sd_trajectory_get_points (trajectory, &n_points);
      for (guint k = 0; k < n_points; k++)
        {
          _sd_csv_append_text (csv, run->name);
          g_string_append_printf (csv, ",%u", k);
          _sd_csv_append_number (csv, points[k].position[0]);
          _sd_csv_append_number (csv, points[k].position[1]);
          _sd_csv_append_number (csv, points[k].loss);
          _sd_csv_append_number (csv, points[k].gradient[0]);
          _sd_csv_append_number (csv, points[k].gradient[1]);
          /* The last row says how the run ended. */
          g_string_append_c (csv, ',');
          if (k == n_points - 1)
            g_string_append (csv, status_name (sd_trajectory_get_end (trajectory, NULL)));
          g_string_append_c (csv, '\n');
        }
    }

  return TRUE;
}

/* JSON */

/* Counts (dataset sizes, minibatch sizes, seeds) are written as whole
 * numbers, the rest as doubles. */
static gboolean
is_count_key (const char *key)
{
  return g_str_equal (key, "dataset-size") || g_str_equal (key, "batch-size")
         || g_str_equal (key, "seed");
}

static void
add_named_value (JsonBuilder *builder,
                 const char  *key,
                 double       value)
{
  _sd_json_set_key (builder, key);
  if (is_count_key (key))
    json_builder_add_int_value (builder, (gint64) value);
  else
    _sd_json_add_number (builder, value);
}

static void
set_surface (JsonBuilder   *builder,
             const SdScene *scene)
{
  const SdSceneSurface *surface = sd_scene_get_surface (scene);
  const char * const *keys = sd_surface_builtin_get_keys (surface->function);
  gboolean custom = g_str_equal (surface->function, "custom");

  json_builder_set_member_name (builder, "surface");
  json_builder_begin_object (builder);
  _sd_json_set_string (builder, "function", surface->function);
  _sd_json_set_string (builder, "expression", custom ? surface->expression : NULL);
  _sd_json_set_pair (builder, "x_range", surface->x_range);
  _sd_json_set_pair (builder, "y_range", surface->y_range);

  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_object (builder);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      double value;

      if (sd_surface_params_get (&surface->params, keys[i], &value))
        add_named_value (builder, keys[i], value);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* The hyperparameters the run's optimizer uses, as the scene file saves
 * them: minibatch keys only on the regression surfaces. */
static void
set_hyperparameters (JsonBuilder      *builder,
                     const SdSceneRun *run,
                     gboolean          stochastic)
{
  const char * const *keys = sd_optimizer_kind_get_keys (run->params.kind);

  json_builder_set_member_name (builder, "hyperparameters");
  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      double value;

      if (!stochastic && (g_str_equal (keys[i], "batch-size") || g_str_equal (keys[i], "seed")))
        continue;
      if (sd_optimizer_params_get (&run->params, keys[i], &value))
        add_named_value (builder, keys[i], value);
    }
  json_builder_end_object (builder);
}


/* The CSV's columns, one array each, so that a reader gets whole columns
 * (numpy.array (run["trajectory"]["x"])). */
static void
set_trajectory (JsonBuilder        *builder,
                const SdTrajectory *trajectory)
{
  static const struct {
    const char *key;
    gsize       offset;
  } columns[] = {
    { "x", G_STRUCT_OFFSET (SdOptimizerState, position) },
    { "y", G_STRUCT_OFFSET (SdOptimizerState, position) + sizeof (double) },
    { "loss", G_STRUCT_OFFSET (SdOptimizerState, loss) },
    { "grad_x", G_STRUCT_OFFSET (SdOptimizerState, gradient) },
    { "grad_y", G_STRUCT_OFFSET (SdOptimizerState, gradient) + sizeof (double) },
  };
  const SdOptimizerState *points;
  g_autofree double *column = NULL;
  guint n_points;

  points = sd_trajectory_get_points (trajectory, &n_points);
  column = g_new (double, MAX (n_points, 1));

  json_builder_set_member_name (builder, "trajectory");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "step");
  json_builder_begin_array (builder);
  for (guint k = 0; k < n_points; k++)
    json_builder_add_int_value (builder, k);
  json_builder_end_array (builder);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      for (guint k = 0; k < n_points; k++)
        column[k] = G_STRUCT_MEMBER (double, &points[k], columns[c].offset);
      _sd_json_set_numbers (builder, columns[c].key, column, n_points);
    }
  json_builder_end_object (builder);
}

static void
set_curvature (JsonBuilder       *builder,
               const SdCurvature *c)
{
  /* max |λ| / min |λ| of the zero Hessian is 0/0: undefined, as NumPy's
   * cond gives nan, though the readout calls every direction alike. */
  gboolean zero = c->lambda[0] == 0.0 && c->lambda[1] == 0.0;

  json_builder_set_member_name (builder, "curvature");
  json_builder_begin_object (builder);
  _sd_json_set_number (builder, "lambda_min", c->lambda[0]);
  _sd_json_set_number (builder, "lambda_max", c->lambda[1]);
  _sd_json_set_pair (builder, "eigenvector_min", c->vectors[0]);
  _sd_json_set_pair (builder, "eigenvector_max", c->vectors[1]);
  _sd_json_set_number (builder, "condition_number", zero ? NAN : c->condition);
  _sd_json_set_number (builder, "stability_bound", c->stability_bound);
  _sd_json_set_boolean (builder, "convex", c->convex);
  json_builder_end_object (builder);
}

/* A pair that only some optimizers have, null for the others. */
static void
set_pair_if (JsonBuilder  *builder,
             const char   *key,
             gboolean      has,
             const double  pair[2])
{
  if (has)
    _sd_json_set_pair (builder, key, pair);
  else
    _sd_json_set_null (builder, key);
}

static void
set_explain (JsonBuilder     *builder,
             const SdExplain *e)
{
  json_builder_set_member_name (builder, "explain");
  json_builder_begin_object (builder);
  _sd_json_set_int (builder, "step", e->index);
  _sd_json_set_pair (builder, "position", e->position);
  _sd_json_set_number (builder, "loss", e->loss);
  _sd_json_set_pair (builder, "gradient", e->gradient);
  _sd_json_set_number (builder, "learning_rate", e->learning_rate);
  _sd_json_set_pair (builder, "gradient_step", e->gradient_step);
  set_pair_if (builder, "step_taken", e->has_step, e->step);
  set_pair_if (builder, "velocity", e->has_velocity, e->velocity);
  set_pair_if (builder, "velocity_step", e->has_velocity, e->velocity_step);
  set_pair_if (builder, "adam_effective_learning_rate", e->has_adam_steps,
               e->effective_learning_rate);
  set_pair_if (builder, "adam_step_sizes", e->has_adam_steps, e->adam_step_sizes);
  _sd_json_set_matrix (builder, "hessian", e->hessian);
  if (e->has_curvature)
    set_curvature (builder, &e->curvature);
  else
    _sd_json_set_null (builder, "curvature");
  json_builder_end_object (builder);
}

/* The iterate figures stop at: the scene's step, or the run's last. */
static guint
shown_iterate (const SdScene      *scene,
               const SdTrajectory *trajectory)
{
  guint last = sd_trajectory_get_n_points (trajectory) - 1;

  return scene->has_step ? MIN (scene->step, last) : last;
}

static gboolean
add_run (JsonBuilder       *builder,
         const SdScene     *scene,
         SdSurface         *surface,
         const SdSceneRun  *run,
         GCancellable      *cancellable,
         GError           **error)
{
  g_autoptr(SdTrajectory) trajectory = NULL;
  g_autofree char *end = NULL;
  SdOptimizerStatus status;
  SdExplain explain;
  guint ended_at;

  trajectory = sd_trajectory_compute (surface, &run->params, run->start, run->steps,
                                      cancellable, error);
  if (trajectory == NULL)
    {
      g_prefix_error (error, "[Run %s] ", run->name);
      return FALSE;
    }

  json_builder_begin_object (builder);
  _sd_json_set_string (builder, "name", run->name);
  _sd_json_set_string (builder, "optimizer", sd_optimizer_kind_to_name (run->params.kind));
  set_hyperparameters (builder, run, sd_surface_is_stochastic (surface));
  _sd_json_set_pair (builder, "start", run->start);
  _sd_json_set_int (builder, "steps", run->steps);
  _sd_json_set_boolean (builder, "visible", run->visible);
  status = sd_trajectory_get_end (trajectory, &ended_at);
  end = sd_trajectory_describe_end (trajectory);
  _sd_json_set_string (builder, "status", status_name (status));
  _sd_json_set_int (builder, "ended_at", ended_at);
  _sd_json_set_string (builder, "end", end);
  if (sd_trajectory_get_message (trajectory) != NULL)
    _sd_json_set_string (builder, "message", sd_trajectory_get_message (trajectory));
  else
    _sd_json_set_null (builder, "message");
  if (status == SD_OPTIMIZER_STATUS_DIVERGED)
    _sd_json_set_int (builder, "diverged_at", ended_at);
  else
    _sd_json_set_null (builder, "diverged_at");
  set_trajectory (builder, trajectory);
  if (sd_explain_compute (&explain, surface, trajectory, shown_iterate (scene, trajectory)))
    set_explain (builder, &explain);
  else
    _sd_json_set_null (builder, "explain");
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
to_json (const SdScene  *scene,
         JsonBuilder    *builder,
         GCancellable   *cancellable,
         GError        **error)
{
  g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, error);
  const GPtrArray *runs = sd_scene_get_surface (scene)->runs;

  if (surface == NULL)
    return FALSE;

  set_surface (builder, scene);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < runs->len; i++)
    if (!add_run (builder, scene, surface, g_ptr_array_index (runs, i), cancellable, error))
      return FALSE;
  json_builder_end_array (builder);

  return TRUE;
}


const SdSceneSection sd_scene_surface_section = {
  .name = "surface",
  .layers = layer_names,
  .create = create,
  .copy = copy,
  .free = free_data,
  .load = load,
  .save = save,
  .to_csv = to_csv,
  .to_json = to_json,
};
