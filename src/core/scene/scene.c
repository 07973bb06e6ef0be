/* scene.c: the scene model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core-error.h"
#include "scene.h"

static const char * const kind_names[] = {
  [SD_SCENE_SURFACE] = "surface",
  [SD_SCENE_TRANSFORM] = "transform",
  [SD_SCENE_DISTRIBUTION] = "distribution",
};

/**
 * sd_scene_kind_to_name:
 * @kind: a scene kind
 *
 * Returns: (transfer none): the name the `kind` key uses
 */
const char *
sd_scene_kind_to_name (SdSceneKind kind)
{
  g_return_val_if_fail (kind <= SD_SCENE_DISTRIBUTION, NULL);

  return kind_names[kind];
}

static const char * const color_maps[] = {
  "viridis", "magma", "inferno", "plasma", "cividis", "coolwarm", "grayscale", NULL
};

/* Bit i of a kind's layers is named by entry i. */
static const char * const surface_layers[] = { "heatmap", "contours", "gradient-field", NULL };
static const char * const transform_layers[] = {
  "grid", "basis", "unit-circle", "eigenvectors", "determinant", "svd", NULL
};
static const char * const distribution_layers[] = {
  "pdf", "cdf", "histogram", "interval", "moments", NULL
};

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

  if (kind == SD_OPTIMIZER_MOMENTUM || kind == SD_OPTIMIZER_NESTEROV)
    flags |= SD_EXPLAIN_VELOCITY;
  if (kind == SD_OPTIMIZER_ADAM || kind == SD_OPTIMIZER_ADAMW)
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
 * sd_scene_list_layers:
 * @kind: a scene kind
 *
 * Returns: (transfer none): the layer names of @kind; bit i of its layers
 *   is the i-th name
 */
const char * const *
sd_scene_list_layers (SdSceneKind kind)
{
  switch (kind)
    {
    case SD_SCENE_SURFACE:
      return surface_layers;
    case SD_SCENE_TRANSFORM:
      return transform_layers;
    case SD_SCENE_DISTRIBUTION:
      return distribution_layers;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sd_scene_flags_to_string:
 * @names: (array zero-terminated=1): the name of each bit, as
 *   sd_scene_list_layers() and sd_scene_list_explain() give them
 * @flags: a set of those bits
 *
 * Returns: (transfer full): the bits as a `layers` or `explain` key writes
 *   them, as in "heatmap;contours"
 */
char *
sd_scene_flags_to_string (const char * const *names,
                          guint               flags)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (flags & (1u << i))
        g_string_append_printf (text, "%s%s", text->len > 0 ? ";" : "", names[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sd_scene_layers_to_string:
 * @kind: a scene kind
 * @layers: a set of its layers
 *
 * Returns: (transfer full): the layers as the `layers` key writes them,
 *   as in "heatmap;contours"
 */
char *
sd_scene_layers_to_string (SdSceneKind kind,
                           guint       layers)
{
  return sd_scene_flags_to_string (sd_scene_list_layers (kind), layers);
}

static void
scene_run_free (gpointer data)
{
  SdSceneRun *run = data;

  g_free (run->name);
  g_free (run);
}

static void
scene_distribution_free (gpointer data)
{
  SdSceneDistribution *distribution = data;

  g_free (distribution->name);
  g_free (distribution->family);
  g_free (distribution->values);
  g_free (distribution);
}

/**
 * sd_scene_new:
 * @kind: what the scene shows
 *
 * Creates a scene with the defaults a new file would have: the Rosenbrock
 * surface over its default range with no runs, the identity map, or no
 * distributions.
 *
 * Returns: (transfer full): a new scene
 */
SdScene *
sd_scene_new (SdSceneKind kind)
{
  SdScene *self = g_new0 (SdScene, 1);

  self->kind = kind;
  self->surface.function = g_strdup ("rosenbrock");
  self->surface.x_range[0] = -2.0;
  self->surface.x_range[1] = 2.0;
  self->surface.y_range[0] = -1.0;
  self->surface.y_range[1] = 3.0;
  self->surface.resolution = SD_SCENE_DEFAULT_RESOLUTION;
  sd_surface_params_init (&self->surface.params);
  self->surface.layers = SD_LAYER_HEATMAP | SD_LAYER_CONTOURS;
  self->surface.contours = SD_SCENE_DEFAULT_CONTOURS;
  self->surface.view = SD_VIEW_MAP;
  self->surface.azimuth = SD_SCENE_DEFAULT_AZIMUTH;
  self->surface.elevation = SD_SCENE_DEFAULT_ELEVATION;
  self->runs = g_ptr_array_new_with_free_func (scene_run_free);
  self->transform.matrix = (SdMat2) { 1.0, 0.0, 0.0, 1.0 };
  self->transform.t = 1.0;
  self->transform.orbit = SD_SCENE_DEFAULT_ORBIT;
  self->transform.layers = SD_LAYER_GRID | SD_LAYER_BASIS | SD_LAYER_UNIT_CIRCLE
                           | SD_LAYER_EIGENVECTORS | SD_LAYER_DETERMINANT;
  self->distributions = g_ptr_array_new_with_free_func (scene_distribution_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
sd_scene_free (SdScene *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->surface.function);
  g_free (self->surface.expression);
  g_free (self->surface.color_map);
  g_ptr_array_unref (self->runs);
  g_ptr_array_unref (self->distributions);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

/**
 * sd_scene_add_run:
 * @self: a scene
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

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  run = g_new0 (SdSceneRun, 1);
  run->name = g_strdup (name);
  sd_optimizer_params_init (&run->params, optimizer);
  run->steps = SD_SCENE_DEFAULT_STEPS;
  run->visible = TRUE;
  g_ptr_array_add (self->runs, run);

  return run;
}

/**
 * sd_scene_add_distribution:
 * @self: a scene
 * @name: the distribution's label
 *
 * The caller fills in the family and its parameters.
 *
 * Returns: (transfer none): the new, empty distribution
 */
SdSceneDistribution *
sd_scene_add_distribution (SdScene    *self,
                           const char *name)
{
  SdSceneDistribution *distribution;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  distribution = g_new0 (SdSceneDistribution, 1);
  distribution->name = g_strdup (name);
  distribution->points = SD_SCENE_DEFAULT_POINTS;
  distribution->seed = 1;
  distribution->layers = SD_LAYER_PDF;
  distribution->bins = SD_SCENE_DEFAULT_BINS;
  g_ptr_array_add (self->distributions, distribution);

  return distribution;
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
  g_return_val_if_fail (self != NULL, NULL);

  if (g_str_equal (self->surface.function, "custom"))
    {
      if (self->surface.expression == NULL)
        {
          g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                       /* Translators: the first %s is the key expression of the
                        * scene file, the second the setting function=custom that
                        * needs it; keep both as they are */
                       _("%s: required with %s"), "expression", "function=custom");
          return NULL;
        }
      return sd_surface_new_custom (self->surface.expression, error);
    }

  return sd_surface_new_builtin (self->surface.function, &self->surface.params, error);
}

/* Sets @error to what the system said about @path, as loading does:
 * "PATH: No such file or directory". */
static gboolean
fail_errno (const char  *path,
            int          saved_errno,
            GError     **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *contents,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, contents, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      contents += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/**
 * sd_write_file_atomically:
 * @path: the file to write
 * @contents: (array length=length): what to write
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Writes @contents to a temporary file beside @path and renames it into
 * place only when all of it is on disk, so a failure never leaves a
 * truncated or half-written file and never touches an existing one.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_write_file_atomically (const char  *path,
                          const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *temporary = NULL;
  int fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  /* Errors name @path, not the temporary file: that is the one the user
   * chose, and the one whose folder is missing or read-only. */
  temporary = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail_errno (path, errno, error);

  if (!write_all (fd, contents, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      return fail_errno (path, saved_errno, error);
    }

  if (close (fd) != 0 || g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return fail_errno (path, saved_errno, error);
    }

  return TRUE;
}
