/* scene-transform.c: transform scenes: the [Transform] group, read,
 * written, copied and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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


const SdSceneSection sd_scene_transform_section = {
  .name = "transform",
  .layers = layer_names,
  .create = create,
  .copy = copy,
  .free = g_free,
  .load = load,
  .save = save,
  .to_csv = to_csv,
};
