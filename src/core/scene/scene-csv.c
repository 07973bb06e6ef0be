/* scene-csv.c: every number a scene shows, as CSV
 *
 * The CSV export exists so that anyone can check Saddle's numbers against
 * their own (PyTorch, SciPy, NumPy); numbers are written with %.17g, which
 * reads back as exactly the double that was computed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-error.h"
#include "distribution.h"
#include "scene.h"
#include "trajectory.h"

static void
append_number (GString *csv,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (csv, ',');
  g_string_append (csv, g_ascii_formatd (text, sizeof text, "%.17g", value));
}

/* RFC 4180: a field with a comma, quote or line break is quoted, and
 * quotes inside it are doubled. */
static void
append_text (GString    *csv,
             const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static gboolean
surface_csv (const SdScene  *scene,
             GString        *csv,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, error);

  if (surface == NULL)
    return FALSE;

  g_string_append (csv, "run,step,x,y,loss,grad_x,grad_y\n");

  for (guint i = 0; i < scene->runs->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (scene->runs, i);
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
          append_text (csv, run->name);
          g_string_append_printf (csv, ",%u", k);
          append_number (csv, points[k].position[0]);
          append_number (csv, points[k].position[1]);
          append_number (csv, points[k].loss);
          append_number (csv, points[k].gradient[0]);
          append_number (csv, points[k].gradient[1]);
          g_string_append_c (csv, '\n');
        }
    }

  return TRUE;
}

static void
append_quantity (GString    *csv,
                 const char *name,
                 double      value)
{
  g_string_append (csv, name);
  append_number (csv, value);
  g_string_append_c (csv, '\n');
}

static gboolean
transform_csv (const SdScene  *scene,
               GString        *csv,
               GError        **error)
{
  SdLinmapAnalysis a;

  if (!sd_linmap_analyze (&scene->transform.matrix, &a, error))
    return FALSE;

  g_string_append (csv, "quantity,value\n");
  append_quantity (csv, "determinant", a.determinant);
  append_quantity (csv, "trace", a.trace);
  append_quantity (csv, "eigenvalue1_re", a.eigenvalues_re[0]);
  append_quantity (csv, "eigenvalue1_im", a.eigenvalues_im[0]);
  append_quantity (csv, "eigenvalue2_re", a.eigenvalues_re[1]);
  append_quantity (csv, "eigenvalue2_im", a.eigenvalues_im[1]);

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
          append_quantity (csv, names[i][0], a.eigenvectors[i][0]);
          append_quantity (csv, names[i][1], a.eigenvectors[i][1]);
        }
    }

  append_quantity (csv, "singular_value1", a.singular_values[0]);
  append_quantity (csv, "singular_value2", a.singular_values[1]);
  append_quantity (csv, "condition_number", a.condition_number);

  return TRUE;
}

static void
append_density_row (GString              *csv,
                    const char           *name,
                    const SdDistribution *distribution,
                    double                x)
{
  append_text (csv, name);
  append_number (csv, x);
  append_number (csv, sd_distribution_pdf (distribution, x));
  append_number (csv, sd_distribution_cdf (distribution, x));
  g_string_append_c (csv, '\n');
}

/* Continuous families at evenly spaced x with both ends included; discrete
 * ones at every integer of the range, where their mass is. */
static void
append_distribution (GString              *csv,
                     const char           *name,
                     const SdDistribution *distribution,
                     const double          range[2],
                     guint                 points)
{
  if (sd_distribution_is_discrete (distribution))
    {
      for (double k = ceil (range[0]); k <= floor (range[1]); k++)
        append_density_row (csv, name, distribution, k);
      return;
    }

  for (guint i = 0; i < points; i++)
    {
      /* The last point is the end of the range exactly, not a sum that
       * rounding left just short of it. */
      double x = i + 1 == points
                 ? range[1]
                 : range[0] + (range[1] - range[0]) * i / (points - 1);

      append_density_row (csv, name, distribution, x);
    }
}

/* A bivariate normal does not fit one x column; its two marginals, which
 * are normal with the diagonal variances, do. */
static gboolean
append_bivariate (GString                   *csv,
                  const SdSceneDistribution *scene_distribution,
                  GError                   **error)
{
  const double *v = scene_distribution->values;
  const double marginals[2][2] = { { v[0], sqrt (v[2]) }, { v[1], sqrt (v[4]) } };
  const double *ranges[2] = { scene_distribution->x_range, scene_distribution->y_range };
  static const char * const suffixes[2] = { ":x", ":y" };

  for (guint axis = 0; axis < 2; axis++)
    {
      g_autoptr(SdDistribution) marginal = NULL;
      g_autofree char *name = g_strconcat (scene_distribution->name, suffixes[axis], NULL);

      marginal = sd_distribution_new (SD_FAMILY_NORMAL, marginals[axis], 2, error);
      if (marginal == NULL)
        return FALSE;

      append_distribution (csv, name, marginal, ranges[axis], scene_distribution->points);
    }

  return TRUE;
}

static gboolean
distribution_csv (const SdScene  *scene,
                  GString        *csv,
                  GError        **error)
{
  g_string_append (csv, "distribution,x,pdf,cdf\n");

  for (guint i = 0; i < scene->distributions->len; i++)
    {
      const SdSceneDistribution *d = g_ptr_array_index (scene->distributions, i);
      g_autoptr(SdDistribution) distribution = NULL;
      SdFamily family;

      if (!sd_family_from_name (d->family, &family, error))
        return FALSE;

      if (family == SD_FAMILY_BIVARIATE_NORMAL)
        {
          if (!append_bivariate (csv, d, error))
            return FALSE;
          continue;
        }

      distribution = sd_distribution_new (family, d->values, d->n_values, error);
      if (distribution == NULL)
        return FALSE;

      append_distribution (csv, d->name, distribution, d->x_range, d->points);
    }

  return TRUE;
}

/**
 * sd_scene_to_csv:
 * @self: a scene
 * @cancellable: (nullable): a #GCancellable
 * @length: (out) (optional): the length of the text
 * @error: return location for an error
 *
 * Computes every number the scene shows, as described in
 * docs/command-line.md.
 *
 * Returns: (transfer full) (nullable): the CSV text, or %NULL with @error set
 */
char *
sd_scene_to_csv (const SdScene  *self,
                 GCancellable   *cancellable,
                 gsize          *length,
                 GError        **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case SD_SCENE_SURFACE:
      ok = surface_csv (self, csv, cancellable, error);
      break;
    case SD_SCENE_TRANSFORM:
      ok = transform_csv (self, csv, error);
      break;
    case SD_SCENE_DISTRIBUTION:
      ok = distribution_csv (self, csv, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  if (length != NULL)
    *length = csv->len;
  return g_string_free (g_steal_pointer (&csv), FALSE);
}
