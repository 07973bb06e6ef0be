/* scene-load.c: reading and validating scene files
 *
 * Every problem is reported as one line that names the file, the group, the
 * key and what is wrong, so that a teacher fixing a scene an hour before a
 * lecture knows exactly where to look:
 *
 *   lesson.saddle: [Run Adam] learning-rate: must be a positive finite number, got 'nan'
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "distribution.h"
#include "numfmt.h"
#include "scene.h"
#include "trajectory.h"

#define RUN_PREFIX "Run "
#define DISTRIBUTION_PREFIX "Distribution "

typedef struct
{
  GKeyFile   *keyfile;
  const char *file;
  GHashTable *used;      /* "group\nkey" of every key that was read */
  SdScene    *scene;
} Reader;

static gboolean G_GNUC_PRINTF (5, 6)
fail (Reader      *r,
      GError     **error,
      const char  *group,
      const char  *key,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                 "%s: [%s] %s: %s", r->file, group, key, message);
  else
    g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                 "%s: [%s] %s", r->file, group, message);
  return FALSE;
}

/* Errors from the engine already start with the key ("learning-rate: ...");
 * they get the file and group in front. */
static gboolean
fail_prefixed (Reader      *r,
               GError     **error,
               const char  *group,
               GError      *cause)
{
  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               "%s: [%s] %s", r->file, group, cause->message);
  g_error_free (cause);
  return FALSE;
}

static void G_GNUC_PRINTF (4, 5)
warn (Reader     *r,
      const char *group,
      const char *key,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_ptr_array_add (r->scene->warnings,
                     g_strdup_printf ("%s: [%s] %s: %s", r->file, group, key, message));
  else
    g_ptr_array_add (r->scene->warnings,
                     g_strdup_printf ("%s: [%s] %s", r->file, group, message));
}

static void
mark_used (Reader     *r,
           const char *group,
           const char *key)
{
  g_hash_table_add (r->used, g_strconcat (group, "\n", key, NULL));
}

/* Returns the raw value of @key, or %NULL when the group lacks it. */
static char *
get_value (Reader     *r,
           const char *group,
           const char *key)
{
  mark_used (r, group, key);

  if (!g_key_file_has_key (r->keyfile, group, key, NULL))
    return NULL;

  return g_key_file_get_value (r->keyfile, group, key, NULL);
}

static gboolean
read_string (Reader      *r,
             const char  *group,
             const char  *key,
             gboolean     required,
             char       **out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  mark_used (r, group, key);

  if (!g_key_file_has_key (r->keyfile, group, key, NULL))
    {
      if (required)
        /* Translators: messages about a scene file follow the file, the
         * group and the key, as in "lesson.saddle: [Run Adam] start: missing;
         * this key is required" */
        return fail (r, error, group, key, _("missing; this key is required"));
      return TRUE;
    }

  value = g_key_file_get_string (r->keyfile, group, key, &local_error);
  if (value == NULL)
    return fail (r, error, group, key, "%s", local_error->message);

  g_strstrip (value);
  if (required && *value == '\0')
    {
      g_free (value);
      /* Translators: said of a key of the scene file, such as kind */
      return fail (r, error, group, key, _("must not be empty"));
    }

  g_free (*out);
  *out = value;
  return TRUE;
}

static gboolean
read_double (Reader      *r,
             const char  *group,
             const char  *key,
             double      *out,
             gboolean    *present,
             GError     **error)
{
  g_autofree char *text = get_value (r, group, key);

  *present = text != NULL;
  if (text == NULL)
    return TRUE;

  if (!sd_parse_double (text, out))
    /* Translators: %s is the value given */
    return fail (r, error, group, key, _("must be a number, got '%s'"), text);

  return TRUE;
}

/* Whole numbers: counts, sizes, seeds. A missing key keeps *out. */
static gboolean
read_uint (Reader      *r,
           const char  *group,
           const char  *key,
           guint64      min,
           guint64      max,
           guint64     *out,
           GError     **error)
{
  g_autofree char *text = get_value (r, group, key);
  g_autoptr(GError) local_error = NULL;
  guint64 value;

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, &local_error))
    return fail (r, error, group, key,
                 /* Translators: the numbers are the least and the largest
                  * value allowed, %s the value given */
                 _("must be a whole number from %" PRIu64 " to %" PRIu64 ", got '%s'"),
                 min, max, text);

  *out = value;
  return TRUE;
}

static gboolean
read_list (Reader      *r,
           const char  *group,
           const char  *key,
           double      *out,
           guint        n,
           gboolean     required,
           gboolean    *present,
           GError     **error)
{
  g_autofree char *text = get_value (r, group, key);
  double values[8];
  guint found;

  g_assert (n <= G_N_ELEMENTS (values));

  if (present != NULL)
    *present = text != NULL;

  if (text == NULL)
    return required ? fail (r, error, group, key, _("missing; this key is required")) : TRUE;

  if (!sd_parse_double_list (text, values, n, &found))
    {
      if (found != n)
        return fail (r, error, group, key,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: the numbers are how many numbers
                                   * the key needs and how many it has; keep ';',
                                   * the separator of the file */
                                  "expected %u number separated by ';', got %u",
                                  "expected %u numbers separated by ';', got %u", n),
                     n, found);
      /* Translators: keep ';', the separator of the file; %s is the value
       * given */
      return fail (r, error, group, key, _("must be numbers separated by ';', got '%s'"), text);
    }

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (values[i]))
        /* Translators: %s is the value given, such as 1;nan */
        return fail (r, error, group, key, _("must be finite numbers, got '%s'"), text);
    }

  memcpy (out, values, n * sizeof *values);
  return TRUE;
}

/* A min;max range; a missing key keeps *out (the caller's default). */
static gboolean
read_range (Reader      *r,
            const char  *group,
            const char  *key,
            double       out[2],
            GError     **error)
{
  double range[2];
  gboolean present;

  if (!read_list (r, group, key, range, 2, FALSE, &present, error))
    return FALSE;

  if (!present)
    return TRUE;

  if (!(range[0] < range[1]))
    {
      char lo[SD_FORMAT_DOUBLE_SIZE], hi[SD_FORMAT_DOUBLE_SIZE];

      /* Translators: a range is written min;max in the scene file. '%s;%s'
       * is the range given: keep the ';' between the numbers. */
      return fail (r, error, group, key, _("min must be less than max, got '%s;%s'"),
                   sd_format_double (lo, range[0]), sd_format_double (hi, range[1]));
    }

  out[0] = range[0];
  out[1] = range[1];
  return TRUE;
}

static gboolean
read_bool (Reader      *r,
           const char  *group,
           const char  *key,
           gboolean    *out,
           GError     **error)
{
  g_autofree char *text = get_value (r, group, key);

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  if (g_str_equal (text, "true"))
    *out = TRUE;
  else if (g_str_equal (text, "false"))
    *out = FALSE;
  else
    /* Translators: the first two %s are the values the key takes, such as
     * true and false, or map and 3d; keep them as they are. The third is the
     * value given. */
    return fail (r, error, group, key, _("must be %s or %s, got '%s'"), "true", "false", text);

  return TRUE;
}

/* A number within [min, max]; a missing key keeps *out. */
static gboolean
read_bounded (Reader      *r,
              const char  *group,
              const char  *key,
              double       min,
              double       max,
              double      *out,
              GError     **error)
{
  g_autofree char *text = get_value (r, group, key);
  double value;

  if (text == NULL)
    return TRUE;

  if (!sd_parse_double (text, &value) || !(value >= min && value <= max))
    {
      char lo[SD_FORMAT_DOUBLE_SIZE], hi[SD_FORMAT_DOUBLE_SIZE];

      /* Translators: the first two %s are the least and the largest value
       * allowed, the third the value given */
      return fail (r, error, group, key, _("must be a number from %s to %s, got '%s'"),
                   sd_format_double (lo, min), sd_format_double (hi, max), g_strstrip (text));
    }

  *out = value;
  return TRUE;
}

/* Colours are written #rrggbb, as in CSS and GNOME's palette. */
static gboolean
read_color (Reader      *r,
            const char  *group,
            const char  *key,
            gboolean    *has_color,
            double       color[3],
            GError     **error)
{
  g_autofree char *text = get_value (r, group, key);
  guint64 channels;

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  if (strlen (text) != 7 || text[0] != '#'
      || !g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &channels, NULL)
      || !g_ascii_isxdigit (text[1]))
    /* Translators: the first %s is how a colour is written in the scene
     * file, #rrggbb; keep it as it is. The second is the value given. */
    return fail (r, error, group, key, _("must be a colour written %s, got '%s'"),
                 "#rrggbb", text);

  color[0] = ((channels >> 16) & 0xff) / 255.0;
  color[1] = ((channels >> 8) & 0xff) / 255.0;
  color[2] = (channels & 0xff) / 255.0;
  *has_color = TRUE;
  return TRUE;
}

/* Reads a ';' list of @names into bit flags; returns FALSE with the first
 * item not among them in @unknown. */
static gboolean
parse_names (const char         *text,
             const char * const *names,
             guint              *flags,
             char              **unknown)
{
  g_auto(GStrv) items = g_strsplit (text, ";", -1);
  guint value = 0;

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      gboolean known = FALSE;

      if (*item == '\0')
        continue;

      for (guint j = 0; names[j] != NULL; j++)
        {
          if (g_str_equal (item, names[j]))
            {
              value |= 1u << j;
              known = TRUE;
            }
        }

      if (!known)
        {
          *unknown = g_strdup (item);
          return FALSE;
        }
    }

  *flags = value;
  return TRUE;
}

/* Layers are a ';' list of the names sd_scene_list_layers() gives. */
static gboolean
read_layers (Reader      *r,
             const char  *group,
             SdSceneKind  kind,
             guint       *layers,
             gboolean    *present,
             GError     **error)
{
  const char * const *names = sd_scene_list_layers (kind);
  g_autofree char *text = get_value (r, group, "layers");
  g_autofree char *unknown = NULL;
  g_autofree char *expected = NULL;

  *present = text != NULL;
  if (text == NULL || parse_names (text, names, layers, &unknown))
    return TRUE;

  expected = g_strjoinv (", ", (char **) names);
  /* Translators: the first %s is the layer given, the second a list
   * of the layer names the file can use, such as "heatmap,
   * contours, gradient-field"; keep the names as they are */
  return fail (r, error, group, "layers", _("unknown layer '%s'; expected any of %s"),
               unknown, expected);
}

/* A run's `explain` key: what the figure draws at its shown iterate. What
 * its optimizer does not have (a velocity without momentum) is warned of
 * and left out, as are hyperparameters it does not use. */
static gboolean
read_explain (Reader      *r,
              const char  *group,
              SdSceneRun  *run,
              GError     **error)
{
  const char * const *names = sd_scene_list_explain ();
  g_autofree char *text = get_value (r, group, "explain");
  g_autofree char *unknown = NULL;
  guint flags = 0, unsupported;

  if (text == NULL)
    return TRUE;

  if (!parse_names (text, names, &flags, &unknown))
    {
      g_autofree char *expected = g_strjoinv (", ", (char **) names);

      /* Translators: the first %s is the overlay given, the second a list
       * of the overlay names the file can use, such as "gradient, step,
       * curvature"; keep the names as they are */
      return fail (r, error, group, "explain", _("unknown overlay '%s'; expected any of %s"),
                   unknown, expected);
    }

  unsupported = flags & ~sd_scene_explain_supported (run->params.kind);
  for (guint i = 0; names[i] != NULL; i++)
    if (unsupported & (1u << i))
      /* Translators: the first %s is an overlay name such as "velocity",
       * the second an optimizer name such as "adam"; keep both as they are */
      warn (r, group, "explain", _("'%s' does not apply to %s and is ignored"),
            names[i], sd_optimizer_kind_to_name (run->params.kind));

  run->explain = flags & ~unsupported;
  return TRUE;
}

static gboolean
read_scene_group (Reader  *r,
                  GError **error)
{
  g_autofree char *kind = NULL;
  guint64 version = 0;

  if (!g_key_file_has_group (r->keyfile, "Scene"))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the file name; [%s] is the
                    * group [Scene] as the file writes it, keep it as it is */
                   _("%s: [%s] group is missing; is this a Saddle scene file?"),
                   r->file, "Scene");
      return FALSE;
    }

  if (!g_key_file_has_key (r->keyfile, "Scene", "version", NULL))
    return fail (r, error, "Scene", "version", _("missing; this key is required"));

  if (!read_uint (r, "Scene", "version", 1, G_MAXUINT32, &version, error))
    return FALSE;

  if (version > SD_SCENE_VERSION)
    return fail (r, error, "Scene", "version",
                 /* Translators: the first number is the version of the scene
                  * file, the second the newest version this Saddle reads */
                 _("this scene needs a newer Saddle: it has version %" PRIu64
                   ", this Saddle reads version %d"), version, SD_SCENE_VERSION);

  if (!read_string (r, "Scene", "kind", TRUE, &kind, error))
    return FALSE;

  if (g_str_equal (kind, "surface"))
    r->scene->kind = SD_SCENE_SURFACE;
  else if (g_str_equal (kind, "transform"))
    r->scene->kind = SD_SCENE_TRANSFORM;
  else if (g_str_equal (kind, "distribution"))
    r->scene->kind = SD_SCENE_DISTRIBUTION;
  else
    /* Translators: the first %s is the kind given; the others are the
     * kinds a scene can be, surface, transform and distribution: keep them
     * as they are */
    return fail (r, error, "Scene", "kind", _("unknown kind '%s'; expected %s, %s or %s"),
                 kind, "surface", "transform", "distribution");

  if (!read_string (r, "Scene", "title", FALSE, &r->scene->title, error))
    return FALSE;

  if (g_key_file_has_key (r->keyfile, "Scene", "step", NULL))
    {
      guint64 step = 0;

      if (!read_uint (r, "Scene", "step", 0, SD_TRAJECTORY_MAX_STEPS, &step, error))
        return FALSE;
      r->scene->has_step = TRUE;
      r->scene->step = step;
    }
  mark_used (r, "Scene", "step");

  return TRUE;
}

static gboolean
is_builtin_surface (const char *name)
{
  return g_strv_contains (sd_surface_list_builtins (), name);
}

/* The dataset keys of the regression surfaces (dataset-size, noise, seed). */
static gboolean
read_surface_params (Reader     *r,
                     const char *name,
                     GError    **error)
{
  const char * const *keys = sd_surface_builtin_get_keys (name);
  SdSceneSurface *surface = &r->scene->surface;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GError *local_error = NULL;
      gboolean present;
      double value;

      if (!read_double (r, "Surface", keys[i], &value, &present, error))
        return FALSE;

      if (present && !sd_surface_params_set (&surface->params, keys[i], value, &local_error))
        return fail_prefixed (r, error, "Surface", local_error);
    }

  return TRUE;
}

static gboolean
read_surface_display (Reader  *r,
                      GError **error)
{
  SdSceneSurface *surface = &r->scene->surface;
  g_autofree char *view = NULL;
  g_autofree char *lengths = NULL;
  guint64 contours = surface->contours;
  gboolean present;

  if (!read_layers (r, "Surface", SD_SCENE_SURFACE, (guint *) &surface->layers, &present, error)
      || !read_uint (r, "Surface", "contours", 0, SD_SCENE_MAX_CONTOURS, &contours, error)
      || !read_bool (r, "Surface", "log-scale", &surface->log_scale, error)
      || !read_string (r, "Surface", "color-map", FALSE, &surface->color_map, error)
      || !read_string (r, "Surface", "view", FALSE, &view, error)
      || !read_bounded (r, "Surface", "azimuth", -360.0, 360.0, &surface->azimuth, error)
      || !read_bounded (r, "Surface", "elevation", -90.0, 90.0, &surface->elevation, error)
      || !read_string (r, "Surface", "explain-lengths", FALSE, &lengths, error))
    return FALSE;

  surface->contours = contours;

  if (surface->color_map != NULL
      && !g_strv_contains (sd_scene_list_color_maps (), surface->color_map))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) sd_scene_list_color_maps ());

      return fail (r, error, "Surface", "color-map",
                   /* Translators: the first %s is the colour map given, the
                    * second a list of the names of colour maps, such as
                    * "viridis, magma"; keep the names as they are */
                   _("unknown colour map '%s'; expected one of %s"), surface->color_map, names);
    }

  if (view == NULL || g_str_equal (view, "map"))
    surface->view = SD_VIEW_MAP;
  else if (g_str_equal (view, "3d"))
    surface->view = SD_VIEW_3D;
  else
    /* Translators: the first two %s are the values the key takes, such as
     * true and false, or map and 3d; keep them as they are. The third is the
     * value given. */
    return fail (r, error, "Surface", "view", _("must be %s or %s, got '%s'"), "map", "3d", view);

  if (lengths == NULL || g_str_equal (lengths, "true"))
    surface->explain_readable = FALSE;
  else if (g_str_equal (lengths, "readable"))
    surface->explain_readable = TRUE;
  else
    return fail (r, error, "Surface", "explain-lengths", _("must be %s or %s, got '%s'"),
                 "true", "readable", lengths);

  return TRUE;
}

static gboolean
read_surface_group (Reader  *r,
                    GError **error)
{
  SdSceneSurface *surface = &r->scene->surface;
  g_autoptr(SdSurface) built = NULL;
  GError *local_error = NULL;
  guint64 resolution = SD_SCENE_DEFAULT_RESOLUTION;

  if (!g_key_file_has_group (r->keyfile, "Surface"))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the file name; [%s] is a
                    * group as the file writes it, such as [Surface], and the
                    * third %s the kind of scene, such as surface; keep both
                    * as they are */
                   _("%s: [%s] group is missing; a %s scene needs one"),
                   r->file, "Surface", "surface");
      return FALSE;
    }

  if (!read_string (r, "Surface", "function", TRUE, &surface->function, error))
    return FALSE;

  if (g_str_equal (surface->function, "custom"))
    {
      if (!read_string (r, "Surface", "expression", TRUE, &surface->expression, error))
        return FALSE;
    }
  else if (!is_builtin_surface (surface->function))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) sd_surface_list_builtins ());

      return fail (r, error, "Surface", "function",
                   /* Translators: the first %s is the function given, the
                    * second the word custom and the third a list of the
                    * built-in surfaces, such as "rosenbrock, himmelblau"; keep
                    * the names as they are */
                   _("unknown surface '%s'; expected %s or one of %s"),
                   surface->function, "custom", names);
    }
  else
    {
      mark_used (r, "Surface", "expression");
      if (g_key_file_has_key (r->keyfile, "Surface", "expression", NULL))
        /* Translators: %s is the setting function=custom; keep it as it is */
        warn (r, "Surface", "expression", _("used only with %s, ignored"), "function=custom");

      if (!read_surface_params (r, surface->function, error))
        return FALSE;
    }

  built = sd_scene_create_surface (r->scene, &local_error);
  if (built == NULL)
    {
      const char *key = g_str_equal (surface->function, "custom") ? "expression" : "function";

      fail (r, error, "Surface", key, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  sd_surface_get_default_range (built, surface->x_range, surface->y_range);
  if (!read_range (r, "Surface", "x-range", surface->x_range, error)
      || !read_range (r, "Surface", "y-range", surface->y_range, error)
      || !read_uint (r, "Surface", "resolution", SD_SCENE_MIN_RESOLUTION,
                     SD_SCENE_MAX_RESOLUTION, &resolution, error))
    return FALSE;

  surface->resolution = resolution;
  return read_surface_display (r, error);
}

/* Keys of other optimizers are a likely slip (momentum on adam), so they get
 * their own warning; anything else is left to the unknown-key warning. */
static gboolean
read_run_hyperparameters (Reader     *r,
                          const char *group,
                          SdSceneRun *run,
                          gboolean    stochastic_surface,
                          GError    **error)
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
          mark_used (r, group, keys[i]);
          /* Translators: %s is an optimizer, such as adam */
          warn (r, group, keys[i], _("not used by %s, ignored"),
                sd_optimizer_kind_to_name (kind));
          continue;
        }

      if ((g_str_equal (keys[i], "batch-size") || g_str_equal (keys[i], "seed"))
          && !stochastic_surface)
        return fail (r, error, group, keys[i],
                     /* Translators: the two %s are the surfaces
                      * linear-regression and logistic-regression; keep them as
                      * they are. A minibatch is a random part of the dataset
                      * that a step of the optimizer looks at. */
                     _("only the regression surfaces (%s, %s) have minibatches"),
                     "linear-regression", "logistic-regression");

      if (!read_double (r, group, keys[i], &value, &present, error))
        return FALSE;

      if (!sd_optimizer_params_set (&run->params, keys[i], value, &local_error))
        return fail_prefixed (r, error, group, local_error);
    }

  return TRUE;
}

static gboolean
read_run_group (Reader     *r,
                const char *group,
                gboolean    stochastic_surface,
                GError    **error)
{
  const char *name = group + strlen (RUN_PREFIX);
  g_autofree char *optimizer = NULL;
  GError *local_error = NULL;
  SdOptimizerKind kind;
  SdSceneRun *run;
  guint64 steps = SD_SCENE_DEFAULT_STEPS;

  if (*name == '\0')
    /* Translators: the first %s is how the names of some groups start,
     * 'Run ' or 'Distribution ', the second an example of a whole group
     * name, such as [Run Adam]; keep both as they are */
    return fail (r, error, group, NULL, _("needs a name after '%s', as in %s"),
                 RUN_PREFIX, "[Run Adam]");

  if (!read_string (r, group, "optimizer", TRUE, &optimizer, error))
    return FALSE;

  if (!sd_optimizer_kind_from_name (optimizer, &kind, &local_error))
    {
      fail (r, error, group, "optimizer", "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  run = sd_scene_add_run (r->scene, name, kind);

  if (!read_list (r, group, "start", run->start, 2, TRUE, NULL, error)
      || !read_uint (r, group, "steps", 0, SD_TRAJECTORY_MAX_STEPS, &steps, error)
      || !read_run_hyperparameters (r, group, run, stochastic_surface, error))
    return FALSE;

  run->steps = steps;

  if (!read_color (r, group, "color", &run->has_color, run->color, error)
      || !read_bool (r, group, "visible", &run->visible, error)
      || !read_explain (r, group, run, error))
    return FALSE;

  if (!sd_optimizer_params_validate (&run->params, &local_error))
    return fail_prefixed (r, error, group, local_error);

  return TRUE;
}

static gboolean
read_surface_scene (Reader   *r,
                    char    **groups,
                    GError  **error)
{
  g_autoptr(SdSurface) surface = NULL;
  gboolean stochastic;

  if (!read_surface_group (r, error))
    return FALSE;

  surface = sd_scene_create_surface (r->scene, NULL);
  stochastic = surface != NULL && sd_surface_is_stochastic (surface);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_has_prefix (groups[i], RUN_PREFIX)
          && !read_run_group (r, groups[i], stochastic, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_transform_scene (Reader  *r,
                      GError **error)
{
  double m[4] = { 0.0 };

  if (!g_key_file_has_group (r->keyfile, "Transform"))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the file name; [%s] is a
                    * group as the file writes it, such as [Surface], and the
                    * third %s the kind of scene, such as surface; keep both
                    * as they are */
                   _("%s: [%s] group is missing; a %s scene needs one"),
                   r->file, "Transform", "transform");
      return FALSE;
    }

  SdSceneTransform *transform = &r->scene->transform;
  guint64 orbit = transform->orbit;
  gboolean present;

  if (!read_list (r, "Transform", "matrix", m, 4, TRUE, NULL, error))
    return FALSE;

  transform->matrix = (SdMat2) { m[0], m[1], m[2], m[3] };

  if (!read_bounded (r, "Transform", "t", 0.0, 1.0, &transform->t, error)
      || !read_list (r, "Transform", "vector", transform->vector, 2, FALSE,
                     &transform->has_vector, error)
      || !read_uint (r, "Transform", "orbit", 0, SD_LINMAP_MAX_ORBIT_STEPS, &orbit, error)
      || !read_layers (r, "Transform", SD_SCENE_TRANSFORM, (guint *) &transform->layers,
                       &present, error))
    return FALSE;

  transform->orbit = orbit;
  return TRUE;
}

/* The bivariate normal's parameters are lists: mean "mx;my" and
 * covariance "sxx;sxy;syy", stored in that order. */
static gboolean
read_bivariate_parameters (Reader              *r,
                           const char          *group,
                           SdSceneDistribution *distribution,
                           GError             **error)
{
  double *v = distribution->values;
  double sd_x, sd_y;

  v[0] = 0.0, v[1] = 0.0, v[2] = 1.0, v[3] = 0.0, v[4] = 1.0;
  if (!read_list (r, group, "mean", v, 2, FALSE, NULL, error)
      || !read_list (r, group, "covariance", v + 2, 3, FALSE, NULL, error))
    return FALSE;

  /* Positive definite: both variances and the determinant positive. */
  if (!(v[2] > 0.0 && v[4] > 0.0 && v[2] * v[4] - v[3] * v[3] > 0.0))
    /* Translators: %s is what positive definite means for the numbers
     * sxx;sxy;syy of the key; keep it as it is */
    return fail (r, error, group, "covariance", _("must be positive definite (%s)"),
                 "sxx > 0, syy > 0, sxx*syy > sxy^2");

  sd_x = sqrt (v[2]);
  sd_y = sqrt (v[4]);
  distribution->x_range[0] = v[0] - 4.0 * sd_x;
  distribution->x_range[1] = v[0] + 4.0 * sd_x;
  distribution->y_range[0] = v[1] - 4.0 * sd_y;
  distribution->y_range[1] = v[1] + 4.0 * sd_y;

  return read_range (r, group, "y-range", distribution->y_range, error);
}

/* Univariate parameters are single numbers named after the family's
 * parameters; the engine checks them and fills in the defaults. */
static gboolean
read_univariate_parameters (Reader              *r,
                            const char          *group,
                            SdFamily             family,
                            SdSceneDistribution *distribution,
                            GError             **error)
{
  const char * const *names = sd_family_get_parameter_names (family);
  const char *given[SD_DISTRIBUTION_MAX_PARAMETERS + 1] = { NULL };
  double values[SD_DISTRIBUTION_MAX_PARAMETERS];
  g_autoptr(SdDistribution) built = NULL;
  GError *local_error = NULL;
  guint n_given = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean present;

      if (!read_double (r, group, names[i], &values[n_given], &present, error))
        return FALSE;
      if (present)
        given[n_given++] = names[i];
    }

  built = sd_distribution_new_from_names (family, given, values, n_given, &local_error);
  if (built == NULL)
    return fail_prefixed (r, error, group, local_error);

  for (guint i = 0; i < distribution->n_values; i++)
    distribution->values[i] = sd_distribution_get_parameter (built, i);
  sd_distribution_get_default_range (built, &distribution->x_range[0], &distribution->x_range[1]);

  return TRUE;
}

/* Without a layers key a distribution shows its density, and the
 * histogram and interval when the group asks for samples or an interval. */
static gboolean
read_distribution_display (Reader              *r,
                           const char          *group,
                           SdSceneDistribution *distribution,
                           GError             **error)
{
  guint64 bins = distribution->bins;
  gboolean present;

  if (!read_list (r, group, "interval", distribution->interval, 2, FALSE,
                  &distribution->has_interval, error)
      || !read_uint (r, group, "bins", 1, SD_SCENE_MAX_BINS, &bins, error)
      || !read_color (r, group, "color", &distribution->has_color, distribution->color, error)
      || !read_layers (r, group, SD_SCENE_DISTRIBUTION, (guint *) &distribution->layers,
                       &present, error))
    return FALSE;

  distribution->bins = bins;

  if (distribution->has_interval && distribution->interval[0] > distribution->interval[1])
    {
      char a[SD_FORMAT_DOUBLE_SIZE], b[SD_FORMAT_DOUBLE_SIZE];

      /* Numbers are formatted as the file writes them, whatever the
       * locale's decimal separator. */
      return fail (r, error, group, "interval",
                   /* Translators: the key is written a;b in the scene file;
                    * keep a and b. '%s;%s' is the interval given: keep the
                    * ';' between the numbers. */
                   _("a must not be greater than b, got '%s;%s'"),
                   sd_format_double (a, distribution->interval[0]),
                   sd_format_double (b, distribution->interval[1]));
    }

  if (!present)
    {
      distribution->layers = SD_LAYER_PDF;
      if (distribution->samples > 0)
        distribution->layers |= SD_LAYER_HISTOGRAM;
      if (distribution->has_interval)
        distribution->layers |= SD_LAYER_INTERVAL;
    }

  if ((distribution->layers & SD_LAYER_HISTOGRAM) && distribution->samples == 0)
    /* Translators: the first %s is the layer histogram, the second the key
     * samples; keep both as they are */
    return fail (r, error, group, "layers", _("%s needs %s > 0"), "histogram", "samples");

  if ((distribution->layers & SD_LAYER_INTERVAL) && !distribution->has_interval)
    /* Translators: the first %s is the layer interval, the second the key
     * interval and the third how that key is written, a;b; keep all three
     * as they are */
    return fail (r, error, group, "layers", _("%s needs the %s key (%s)"),
                 "interval", "interval", "a;b");

  return TRUE;
}

static gboolean
read_distribution_group (Reader     *r,
                         const char *group,
                         GError    **error)
{
  const char *name = group + strlen (DISTRIBUTION_PREFIX);
  g_autofree char *family_name = NULL;
  SdSceneDistribution *distribution;
  GError *local_error = NULL;
  SdFamily family;
  guint64 points = SD_SCENE_DEFAULT_POINTS, samples = 0, seed = 1;

  if (*name == '\0')
    /* Translators: the first %s is how the names of some groups start,
     * 'Run ' or 'Distribution ', the second an example of a whole group
     * name, such as [Run Adam]; keep both as they are */
    return fail (r, error, group, NULL, _("needs a name after '%s', as in %s"),
                 DISTRIBUTION_PREFIX, "[Distribution Prior]");

  if (!read_string (r, group, "family", TRUE, &family_name, error))
    return FALSE;

  if (!sd_family_from_name (family_name, &family, &local_error))
    {
      fail (r, error, group, "family", "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  distribution = sd_scene_add_distribution (r->scene, name);
  distribution->family = g_strdup (sd_family_get_name (family));

  if (family == SD_FAMILY_BIVARIATE_NORMAL)
    {
      distribution->n_values = 5;
      distribution->values = g_new0 (double, 5);
      if (!read_bivariate_parameters (r, group, distribution, error))
        return FALSE;
    }
  else
    {
      distribution->n_values = sd_family_get_n_parameters (family);
      distribution->values = g_new0 (double, distribution->n_values);
      if (!read_univariate_parameters (r, group, family, distribution, error))
        return FALSE;
    }

  if (!read_range (r, group, "x-range", distribution->x_range, error)
      || !read_uint (r, group, "points", 2, SD_SCENE_MAX_POINTS, &points, error)
      || !read_uint (r, group, "samples", 0, SD_SCENE_MAX_SAMPLES, &samples, error)
      || !read_uint (r, group, "seed", 0, G_MAXUINT32, &seed, error))
    return FALSE;

  distribution->points = points;
  distribution->samples = samples;
  distribution->seed = seed;

  return read_distribution_display (r, group, distribution, error);
}

static gboolean
read_distribution_scene (Reader  *r,
                         char   **groups,
                         GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_has_prefix (groups[i], DISTRIBUTION_PREFIX)
          && !read_distribution_group (r, groups[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Groups that the scene's kind does not use, and keys nobody read, are
 * probably typos or leftovers: a warning each, never an error, so that
 * files written by a newer Saddle with extra display keys still open. */
static void
warn_unused (Reader  *r,
             char   **groups)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (r->keyfile, groups[i], NULL, NULL);
      gboolean group_used = FALSE;

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *id = g_strconcat (groups[i], "\n", keys[j], NULL);

          if (g_hash_table_contains (r->used, id))
            group_used = TRUE;
        }

      if (!group_used && !g_hash_table_contains (r->used, groups[i]))
        {
          /* Translators: %s is the kind of the scene: surface, transform or
           * distribution */
          warn (r, groups[i], NULL, _("not used by a %s scene, ignored"),
                sd_scene_kind_to_name (r->scene->kind));
          continue;
        }

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *id = g_strconcat (groups[i], "\n", keys[j], NULL);

          if (!g_hash_table_contains (r->used, id))
            /* Translators: a warning about a key of the scene file that
             * Saddle does not know, which it skips */
            warn (r, groups[i], keys[j], _("unknown key, ignored"));
        }
    }
}

static gboolean
read_scene (Reader  *r,
            GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->keyfile, NULL);

  if (!read_scene_group (r, error))
    return FALSE;

  switch (r->scene->kind)
    {
    case SD_SCENE_SURFACE:
      if (!read_surface_scene (r, groups, error))
        return FALSE;
      break;
    case SD_SCENE_TRANSFORM:
      if (!read_transform_scene (r, error))
        return FALSE;
      break;
    case SD_SCENE_DISTRIBUTION:
      if (!read_distribution_scene (r, groups, error))
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }

  warn_unused (r, groups);
  return TRUE;
}

/**
 * sd_scene_load_data:
 * @data: (array length=length): the contents of a scene file
 * @length: the length of @data in bytes
 * @display_name: how messages name the file, usually the path as given
 * @error: return location for an error
 *
 * Reads and validates a scene. Problems that make the scene unusable are
 * errors (%SD_CORE_ERROR_INVALID) naming @display_name, the group and the
 * key; harmless ones (unknown keys, unused groups) are collected in the
 * scene's warnings.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 */
SdScene *
sd_scene_load_data (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_SURFACE);
  g_autoptr(GError) local_error = NULL;
  Reader r = { keyfile, display_name, used, scene };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length == 0)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the file name */
                   _("%s: the file is empty, not a scene"), display_name);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the file name */
                   _("%s: not a text file; a scene file is UTF-8 text"), display_name);
      return NULL;
    }

  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the file name, the second
                    * GLib's reason, such as a line that is not a key=value
                    * pair */
                   _("%s: not a scene file: %s"), display_name, local_error->message);
      return NULL;
    }

  if (!read_scene (&r, error))
    return NULL;

  return g_steal_pointer (&scene);
}

/* GLib's messages repeat the path in a sentence of their own; the one-line
 * form "PATH: reason" wants just the reason. */
static const char *
file_error_reason (const GError *error)
{
  static const struct { GFileError code; int errnum; } reasons[] = {
    { G_FILE_ERROR_NOENT, ENOENT },
    { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_LOOP, ELOOP },
    { G_FILE_ERROR_IO, EIO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      if (error->domain == G_FILE_ERROR && error->code == (int) reasons[i].code)
        return g_strerror (reasons[i].errnum);
    }

  return error->message;
}

/**
 * sd_scene_load_file:
 * @path: the scene file
 * @error: return location for an error
 *
 * Like sd_scene_load_data(), reading @path and naming it in messages as
 * given.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 */
SdScene *
sd_scene_load_file (const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   /* Translators: %s is the path given */
                   _("%s: is a folder, not a scene file"), path);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   path, file_error_reason (local_error));
      return NULL;
    }

  return sd_scene_load_data (data, length, path, error);
}
