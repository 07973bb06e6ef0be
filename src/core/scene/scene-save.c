/* scene-save.c: writing scene files
 *
 * A saved scene states every value it depends on, defaults included, so
 * that it shows the same picture in any later Saddle whose defaults differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "distribution.h"
#include "numfmt.h"
#include "scene.h"

static void
set_double (GKeyFile   *keyfile,
            const char *group,
            const char *key,
            double      value)
{
  char text[SD_FORMAT_DOUBLE_SIZE];

  g_key_file_set_value (keyfile, group, key, sd_format_double (text, value));
}

static void
set_list (GKeyFile     *keyfile,
          const char   *group,
          const char   *key,
          const double *values,
          guint         n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char number[SD_FORMAT_DOUBLE_SIZE];

      if (i > 0)
        g_string_append_c (text, ';');
      g_string_append (text, sd_format_double (number, values[i]));
    }

  g_key_file_set_value (keyfile, group, key, text->str);
}

static void
set_layers (GKeyFile    *keyfile,
            const char  *group,
            SdSceneKind  kind,
            guint        layers)
{
  g_autofree char *text = sd_scene_layers_to_string (kind, layers);

  g_key_file_set_value (keyfile, group, "layers", text);
}

static void
set_color (GKeyFile     *keyfile,
           const char   *group,
           const double  color[3])
{
  g_autofree char *text = g_strdup_printf ("#%02x%02x%02x",
                                           (guint) (color[0] * 255.0 + 0.5),
                                           (guint) (color[1] * 255.0 + 0.5),
                                           (guint) (color[2] * 255.0 + 0.5));

  g_key_file_set_value (keyfile, group, "color", text);
}

static void
save_surface (GKeyFile      *keyfile,
              const SdScene *scene)
{
  const SdSceneSurface *surface = &scene->surface;
  const char * const *keys = sd_surface_builtin_get_keys (surface->function);

  g_key_file_set_string (keyfile, "Surface", "function", surface->function);
  if (surface->expression != NULL && g_str_equal (surface->function, "custom"))
    g_key_file_set_string (keyfile, "Surface", "expression", surface->expression);

  set_list (keyfile, "Surface", "x-range", surface->x_range, 2);
  set_list (keyfile, "Surface", "y-range", surface->y_range, 2);
  g_key_file_set_uint64 (keyfile, "Surface", "resolution", surface->resolution);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      double value;

      if (sd_surface_params_get (&surface->params, keys[i], &value))
        set_double (keyfile, "Surface", keys[i], value);
    }

  set_layers (keyfile, "Surface", SD_SCENE_SURFACE, surface->layers);
  g_key_file_set_uint64 (keyfile, "Surface", "contours", surface->contours);
  g_key_file_set_boolean (keyfile, "Surface", "log-scale", surface->log_scale);
  if (surface->color_map != NULL)
    g_key_file_set_string (keyfile, "Surface", "color-map", surface->color_map);
  g_key_file_set_string (keyfile, "Surface", "view", surface->view == SD_VIEW_3D ? "3d" : "map");
  set_double (keyfile, "Surface", "azimuth", surface->azimuth);
  set_double (keyfile, "Surface", "elevation", surface->elevation);
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
  set_list (keyfile, group, "start", run->start, 2);
  g_key_file_set_uint64 (keyfile, group, "steps", run->steps);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      double value;

      /* Minibatch keys mean something only on the regression surfaces,
       * and the loader refuses them elsewhere. */
      if (!stochastic && (g_str_equal (keys[i], "batch-size") || g_str_equal (keys[i], "seed")))
        continue;

      if (sd_optimizer_params_get (&run->params, keys[i], &value))
        set_double (keyfile, group, keys[i], value);
    }

  if (run->has_color)
    set_color (keyfile, group, run->color);
  g_key_file_set_boolean (keyfile, group, "visible", run->visible);
  if (run->explain != SD_EXPLAIN_NONE)
    {
      g_autofree char *explain = sd_scene_flags_to_string (sd_scene_list_explain (),
                                                           run->explain);

      g_key_file_set_value (keyfile, group, "explain", explain);
    }
}

static void
save_distribution_parameters (GKeyFile                  *keyfile,
                              const char                *group,
                              const SdSceneDistribution *distribution)
{
  SdFamily family;
  const char * const *names;

  if (!sd_family_from_name (distribution->family, &family, NULL))
    g_return_if_reached ();

  if (family == SD_FAMILY_BIVARIATE_NORMAL)
    {
      set_list (keyfile, group, "mean", distribution->values, 2);
      set_list (keyfile, group, "covariance", distribution->values + 2, 3);
      set_list (keyfile, group, "y-range", distribution->y_range, 2);
      return;
    }

  names = sd_family_get_parameter_names (family);
  for (guint i = 0; names[i] != NULL && i < distribution->n_values; i++)
    set_double (keyfile, group, names[i], distribution->values[i]);
}

static void
save_distribution (GKeyFile                  *keyfile,
                   const SdSceneDistribution *distribution)
{
  g_autofree char *group = g_strconcat ("Distribution ", distribution->name, NULL);

  g_key_file_set_string (keyfile, group, "family", distribution->family);
  save_distribution_parameters (keyfile, group, distribution);
  set_list (keyfile, group, "x-range", distribution->x_range, 2);
  g_key_file_set_uint64 (keyfile, group, "points", distribution->points);
  g_key_file_set_uint64 (keyfile, group, "samples", distribution->samples);
  g_key_file_set_uint64 (keyfile, group, "seed", distribution->seed);
  set_layers (keyfile, group, SD_SCENE_DISTRIBUTION, distribution->layers);
  if (distribution->has_interval)
    set_list (keyfile, group, "interval", distribution->interval, 2);
  g_key_file_set_uint64 (keyfile, group, "bins", distribution->bins);
  if (distribution->has_color)
    set_color (keyfile, group, distribution->color);
}

static void
save_transform (GKeyFile               *keyfile,
                const SdSceneTransform *transform)
{
  const SdMat2 *m = &transform->matrix;
  const double entries[4] = { m->a, m->b, m->c, m->d };

  set_list (keyfile, "Transform", "matrix", entries, 4);
  set_double (keyfile, "Transform", "t", transform->t);
  if (transform->has_vector)
    set_list (keyfile, "Transform", "vector", transform->vector, 2);
  g_key_file_set_uint64 (keyfile, "Transform", "orbit", transform->orbit);
  set_layers (keyfile, "Transform", SD_SCENE_TRANSFORM, transform->layers);
}

/**
 * sd_scene_to_data:
 * @self: a scene
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the scene file's text
 */
char *
sd_scene_to_data (const SdScene *self,
                  gsize         *length)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (self != NULL, NULL);

  g_key_file_set_integer (keyfile, "Scene", "version", SD_SCENE_VERSION);
  g_key_file_set_string (keyfile, "Scene", "kind", sd_scene_kind_to_name (self->kind));
  if (self->title != NULL)
    g_key_file_set_string (keyfile, "Scene", "title", self->title);
  if (self->has_step)
    g_key_file_set_uint64 (keyfile, "Scene", "step", self->step);

  switch (self->kind)
    {
    case SD_SCENE_SURFACE:
      {
        g_autoptr(SdSurface) surface = sd_scene_create_surface (self, NULL);
        gboolean stochastic = surface != NULL && sd_surface_is_stochastic (surface);

        save_surface (keyfile, self);
        for (guint i = 0; i < self->runs->len; i++)
          save_run (keyfile, g_ptr_array_index (self->runs, i), stochastic);
      }
      break;

    case SD_SCENE_TRANSFORM:
      save_transform (keyfile, &self->transform);
      break;

    case SD_SCENE_DISTRIBUTION:
      for (guint i = 0; i < self->distributions->len; i++)
        save_distribution (keyfile, g_ptr_array_index (self->distributions, i));
      break;

    default:
      g_assert_not_reached ();
    }

  return g_key_file_to_data (keyfile, length, NULL);
}

/**
 * sd_scene_save_file:
 * @self: a scene
 * @path: where to save it
 * @error: return location for an error
 *
 * Saves atomically: an existing file is replaced only once the new one is
 * completely written.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_scene_save_file (const SdScene  *self,
                    const char     *path,
                    GError        **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = sd_scene_to_data (self, &length);
  return sd_write_file_atomically (path, data, length, error);
}
