/* scene-transform.c: transform scenes: the [Transform] group, read,
 * written, copied and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "scene-private.h"
#include "scene-transform.h"

/* Bit i of SdTransformLayers is named by entry i. */
static const char * const layer_names[] = {
  "grid", "basis", "unit-circle", "eigenvectors", "determinant", "svd", NULL
};

/**
 * sd_scene_get_transform:
 * @scene: a transform scene
 *
 * Like strchr(), this takes a const scene and returns its data writable:
 * whoever owns the scene decides whether to change it.
 *
 * Returns: (transfer none): the scene's map and what is drawn of it
 */
SdSceneTransform *
sd_scene_get_transform (const SdScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_TRANSFORM, NULL);

  return scene->data;
}

/* A new transform scene: the identity map. */
static gpointer
create (void)
{
  SdSceneTransform *transform = g_new0 (SdSceneTransform, 1);

  transform->matrix = (SdMat2) { 1.0, 0.0, 0.0, 1.0 };
  transform->t = 1.0;
  transform->orbit = SD_SCENE_DEFAULT_ORBIT;
  transform->layers = SD_LAYER_GRID | SD_LAYER_BASIS | SD_LAYER_UNIT_CIRCLE
                      | SD_LAYER_EIGENVECTORS | SD_LAYER_DETERMINANT;
  return transform;
}

static gpointer
copy (gconstpointer data)
{
  return g_memdup2 (data, sizeof (SdSceneTransform));
}

/* Reading */

static gboolean
load (SdSceneReader  *r,
      char          **groups,
      GError        **error)
{
  double m[4] = { 0.0 };

  if (!_sd_scene_require_group (r, "Transform", error))
    return FALSE;

  SdSceneTransform *transform = sd_scene_get_transform (r->scene);
  guint64 orbit = transform->orbit;
  gboolean present;

  if (!_sd_scene_read_list (r, "Transform", "matrix", m, 4, TRUE, NULL, error))
    return FALSE;

  transform->matrix = (SdMat2) { m[0], m[1], m[2], m[3] };

  if (!_sd_scene_read_bounded (r, "Transform", "t", 0.0, 1.0, &transform->t, error)
      || !_sd_scene_read_list (r, "Transform", "vector", transform->vector, 2, FALSE,
                     &transform->has_vector, error)
      || !_sd_scene_read_uint (r, "Transform", "orbit", 0, SD_LINMAP_MAX_ORBIT_STEPS, &orbit, error)
      || !_sd_scene_read_layers (r, "Transform", (guint *) &transform->layers, &present, error))
    return FALSE;

  transform->orbit = orbit;
  return TRUE;
}


/* Writing */

static void
save (const SdScene *scene,
      GKeyFile      *keyfile)
{
  const SdSceneTransform *transform = sd_scene_get_transform (scene);
  const SdMat2 *m = &transform->matrix;
  const double entries[4] = { m->a, m->b, m->c, m->d };

  _sd_scene_set_list (keyfile, "Transform", "matrix", entries, 4);
  _sd_scene_set_double (keyfile, "Transform", "t", transform->t);
  if (transform->has_vector)
    _sd_scene_set_list (keyfile, "Transform", "vector", transform->vector, 2);
  g_key_file_set_uint64 (keyfile, "Transform", "orbit", transform->orbit);
  _sd_scene_set_layers (keyfile, "Transform", SD_SCENE_TRANSFORM, transform->layers);
}


/* CSV */

static gboolean
to_csv (const SdScene  *scene,
        GString        *csv,
        GCancellable   *cancellable,
        GError        **error)
{
  SdLinmapAnalysis a;

  if (!sd_linmap_analyze (&sd_scene_get_transform (scene)->matrix, &a, error))
    return FALSE;

  g_string_append (csv, "quantity,value\n");
  _sd_csv_append_quantity (csv, "determinant", a.determinant);
  _sd_csv_append_quantity (csv, "trace", a.trace);
  _sd_csv_append_quantity (csv, "eigenvalue1_re", a.eigenvalues_re[0]);
  _sd_csv_append_quantity (csv, "eigenvalue1_im", a.eigenvalues_im[0]);
  _sd_csv_append_quantity (csv, "eigenvalue2_re", a.eigenvalues_re[1]);
  _sd_csv_append_quantity (csv, "eigenvalue2_im", a.eigenvalues_im[1]);

  /* Eigenvectors are listed only when the eigenvalues are real. A defective
   * map (a shear) has one eigenvector direction; the second row pair is then
   * omitted rather than filled with a made-up vector. */
  if (!a.complex_eigenvalues)
    {
      static const char * const names[2][2] = {
        { "eigenvector1_x", "eigenvector1_y" },
        { "eigenvector2_x", "eigenvector2_y" },
      };

      for (guint i = 0; i < a.n_eigenvectors && i < 2; i++)
        {
          _sd_csv_append_quantity (csv, names[i][0], a.eigenvectors[i][0]);
          _sd_csv_append_quantity (csv, names[i][1], a.eigenvectors[i][1]);
        }
    }

  _sd_csv_append_quantity (csv, "singular_value1", a.singular_values[0]);
  _sd_csv_append_quantity (csv, "singular_value2", a.singular_values[1]);
  _sd_csv_append_quantity (csv, "condition_number", a.condition_number);

  return TRUE;
}

/* JSON */

static void
set_mat2 (JsonBuilder  *builder,
          const char   *key,
          const SdMat2 *m)
{
  const double entries[4] = { m->a, m->b, m->c, m->d };

  _sd_json_set_matrix (builder, key, entries);
}

/* The eigenvalues as {re, im} pairs, and their unit eigenvectors where
 * they are real: two, one for a defective map (a shear), none for a
 * complex pair, as in the CSV. */
static void
set_eigen (JsonBuilder            *builder,
           const SdLinmapAnalysis *a)
{
  json_builder_set_member_name (builder, "eigenvalues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      json_builder_begin_object (builder);
      _sd_json_set_number (builder, "re", a->eigenvalues_re[i]);
      _sd_json_set_number (builder, "im", a->eigenvalues_im[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "eigenvectors");
  json_builder_begin_array (builder);
  for (guint i = 0; !a->complex_eigenvalues && i < a->n_eigenvectors && i < 2; i++)
    _sd_json_add_numbers (builder, a->eigenvectors[i], 2);
  json_builder_end_array (builder);
}

/* The orbit v, Mv, M²v, … the figure draws, under the map M it shows at
 * t; points past an overflow are null. */
static void
set_orbit (JsonBuilder            *builder,
           const SdSceneTransform *transform,
           const SdMat2           *shown)
{
  g_autofree double *points = NULL;

  if (!transform->has_vector)
    {
      _sd_json_set_null (builder, "vector");
      _sd_json_set_null (builder, "orbit");
      return;
    }

  points = g_new0 (double, 2 * (transform->orbit + 1));
  for (guint k = 0; k <= transform->orbit; k++)
    points[2 * k] = points[2 * k + 1] = NAN;
  /* An orbit that overflows fills in its finite points and fails. */
  sd_linmap_orbit (shown, transform->vector, transform->orbit, points, NULL);

  _sd_json_set_pair (builder, "vector", transform->vector);
  json_builder_set_member_name (builder, "orbit");
  json_builder_begin_array (builder);
  for (guint k = 0; k <= transform->orbit; k++)
    _sd_json_add_numbers (builder, points + 2 * k, 2);
  json_builder_end_array (builder);
}

/* Everything the CSV says about a map, and the map itself. */
static gboolean
set_analysis (JsonBuilder   *builder,
              const SdMat2  *m,
              GError       **error)
{
  SdLinmapAnalysis a;

  if (!sd_linmap_analyze (m, &a, error))
    return FALSE;

  set_mat2 (builder, "matrix", m);
  _sd_json_set_string (builder, "map_kind", sd_linmap_kind_get_name (a.kind));
  _sd_json_set_number (builder, "determinant", a.determinant);
  _sd_json_set_number (builder, "trace", a.trace);
  set_eigen (builder, &a);
  _sd_json_set_pair (builder, "singular_values", a.singular_values);
  _sd_json_set_number (builder, "condition_number", a.condition_number);
  return TRUE;
}

/* The quantities of A, as the CSV has them, and under "shown" those of
 * the map M = (1 − t)I + tA the figure draws, which is A at t = 1. */
static gboolean
to_json (const SdScene  *scene,
         JsonBuilder    *builder,
         GCancellable   *cancellable,
         GError        **error)
{
  const SdSceneTransform *transform = sd_scene_get_transform (scene);
  SdMat2 shown;

  if (!isfinite (transform->t))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is t, the key of the scene file that
                    * says how far the map has gone; keep it as it is */
                   _("%s: must be a finite number"), "t");
      return FALSE;
    }

  json_builder_set_member_name (builder, "transform");
  json_builder_begin_object (builder);
  _sd_json_set_number (builder, "t", transform->t);
  if (!set_analysis (builder, &transform->matrix, error))
    return FALSE;

  sd_mat2_interpolate (&transform->matrix, transform->t, &shown);
  json_builder_set_member_name (builder, "shown");
  json_builder_begin_object (builder);
  if (!set_analysis (builder, &shown, error))
    return FALSE;
  json_builder_end_object (builder);

  set_orbit (builder, transform, &shown);
  json_builder_end_object (builder);

  return TRUE;
}

const SdSceneSection sd_scene_transform_section = {
  .name = "transform",
  .layers = layer_names,
  .create = create,
  .copy = copy,
  .free = g_free,
  .load = load,
  .save = save,
  .to_csv = to_csv,
  .to_json = to_json,
};
