/* scene-distribution.c: distribution scenes: the [Distribution NAME]
 * groups, read, written, copied and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "distribution.h"
#include "numfmt.h"
#include "scene-distribution.h"
#include "scene-private.h"

#define DISTRIBUTION_PREFIX "Distribution "

/* Bit i of SdDistributionLayers is named by entry i. */
static const char * const layer_names[] = {
  "pdf", "cdf", "histogram", "interval", "moments", NULL
};

/**
 * sd_scene_get_distributions:
 * @scene: a distribution scene
 *
 * Like strchr(), this takes a const scene and returns its data writable:
 * whoever owns the scene decides whether to change it.
 *
 * Returns: (transfer none): the scene's distributions
 */
SdSceneDistributions *
sd_scene_get_distributions (const SdScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_DISTRIBUTION, NULL);

  return scene->data;
}

static void
distribution_free (gpointer data)
{
  SdSceneDistribution *distribution = data;

  g_free (distribution->name);
  g_free (distribution->family);
  g_free (distribution->values);
  g_free (distribution);
}

static SdSceneDistribution *
distribution_copy (const SdSceneDistribution *distribution)
{
  SdSceneDistribution *copy = g_memdup2 (distribution, sizeof *distribution);

  copy->name = g_strdup (distribution->name);
  copy->family = g_strdup (distribution->family);
  copy->values = g_memdup2 (distribution->values, distribution->n_values * sizeof (double));
  return copy;
}

/* A new distribution scene: no distributions. */
static gpointer
create (void)
{
  SdSceneDistributions *data = g_new0 (SdSceneDistributions, 1);

  data->distributions = g_ptr_array_new_with_free_func (distribution_free);
  return data;
}

static gpointer
copy (gconstpointer data)
{
  const GPtrArray *distributions = ((const SdSceneDistributions *) data)->distributions;
  SdSceneDistributions *copy = g_new0 (SdSceneDistributions, 1);

  copy->distributions = g_ptr_array_new_full (distributions->len, distribution_free);
  for (guint i = 0; i < distributions->len; i++)
    g_ptr_array_add (copy->distributions,
                     distribution_copy (g_ptr_array_index (distributions, i)));
  return copy;
}

static void
free_data (gpointer data)
{
  SdSceneDistributions *distributions = data;

  g_ptr_array_unref (distributions->distributions);
  g_free (distributions);
}

/**
 * sd_scene_add_distribution:
 * @self: a distribution scene
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

  g_return_val_if_fail (self != NULL && self->kind == SD_SCENE_DISTRIBUTION, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  distribution = g_new0 (SdSceneDistribution, 1);
  distribution->name = g_strdup (name);
  distribution->points = SD_SCENE_DEFAULT_POINTS;
  distribution->seed = 1;
  distribution->layers = SD_LAYER_PDF;
  distribution->bins = SD_SCENE_DEFAULT_BINS;
  g_ptr_array_add (sd_scene_get_distributions (self)->distributions, distribution);

  return distribution;
}

/* Reading */

/* The bivariate normal's parameters are lists: mean "mx;my" and
 * covariance "sxx;sxy;syy", stored in that order. */
static gboolean
read_bivariate_parameters (SdSceneReader        *r,
                           const char           *group,
                           SdSceneDistribution  *distribution,
                           GError              **error)
{
  double *v = distribution->values;
  double sd_x, sd_y;

  v[0] = 0.0, v[1] = 0.0, v[2] = 1.0, v[3] = 0.0, v[4] = 1.0;
  if (!_sd_scene_read_list (r, group, "mean", v, 2, FALSE, NULL, error)
      || !_sd_scene_read_list (r, group, "covariance", v + 2, 3, FALSE, NULL, error))
    return FALSE;

  /* Positive definite: both variances and the determinant positive. */
  if (!(v[2] > 0.0 && v[4] > 0.0 && v[2] * v[4] - v[3] * v[3] > 0.0))
    /* Translators: %s is what positive definite means for the numbers
     * sxx;sxy;syy of the key; keep it as it is */
    return _sd_scene_fail (r, error, group, "covariance", _("must be positive definite (%s)"),
                 "sxx > 0, syy > 0, sxx*syy > sxy^2");

  sd_x = sqrt (v[2]);
  sd_y = sqrt (v[4]);
  distribution->x_range[0] = v[0] - 4.0 * sd_x;
  distribution->x_range[1] = v[0] + 4.0 * sd_x;
  distribution->y_range[0] = v[1] - 4.0 * sd_y;
  distribution->y_range[1] = v[1] + 4.0 * sd_y;

  return _sd_scene_read_range (r, group, "y-range", distribution->y_range, error);
}

/* Univariate parameters are single numbers named after the family's
 * parameters; the engine checks them and fills in the defaults. */
static gboolean
read_univariate_parameters (SdSceneReader        *r,
                            const char           *group,
                            SdFamily              family,
                            SdSceneDistribution  *distribution,
                            GError              **error)
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

      if (!_sd_scene_read_double (r, group, names[i], &values[n_given], &present, error))
        return FALSE;
      if (present)
        given[n_given++] = names[i];
    }

  built = sd_distribution_new_from_names (family, given, values, n_given, &local_error);
  if (built == NULL)
    return _sd_scene_fail_prefixed (r, error, group, local_error);

  for (guint i = 0; i < distribution->n_values; i++)
    distribution->values[i] = sd_distribution_get_parameter (built, i);
  sd_distribution_get_default_range (built, &distribution->x_range[0], &distribution->x_range[1]);

  return TRUE;
}

/* Without a layers key a distribution shows its density, and the
 * histogram and interval when the group asks for samples or an interval. */
static gboolean
read_distribution_display (SdSceneReader        *r,
                           const char           *group,
                           SdSceneDistribution  *distribution,
                           GError              **error)
{
  guint64 bins = distribution->bins;
  gboolean present;

  if (!_sd_scene_read_list (r, group, "interval", distribution->interval, 2, FALSE,
                  &distribution->has_interval, error)
      || !_sd_scene_read_uint (r, group, "bins", 1, SD_SCENE_MAX_BINS, &bins, error)
      || !_sd_scene_read_color (r, group, "color", &distribution->has_color, distribution->color, error)
      || !_sd_scene_read_layers (r, group, (guint *) &distribution->layers, &present, error))
    return FALSE;

  distribution->bins = bins;

  if (distribution->has_interval && distribution->interval[0] > distribution->interval[1])
    {
      char a[SD_FORMAT_DOUBLE_SIZE], b[SD_FORMAT_DOUBLE_SIZE];

      /* Numbers are formatted as the file writes them, whatever the
       * locale's decimal separator. */
      return _sd_scene_fail (r, error, group, "interval",
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
    return _sd_scene_fail (r, error, group, "layers", _("%s needs %s > 0"), "histogram", "samples");

  if ((distribution->layers & SD_LAYER_INTERVAL) && !distribution->has_interval)
    /* Translators: the first %s is the layer interval, the second the key
     * interval and the third how that key is written, a;b; keep all three
     * as they are */
    return _sd_scene_fail (r, error, group, "layers", _("%s needs the %s key (%s)"),
                 "interval", "interval", "a;b");

  return TRUE;
}

static gboolean
read_distribution_group (SdSceneReader  *r,
                         const char     *group,
                         const char     *name,
                         gpointer        user_data,
                         GError        **error)
{
  g_autofree char *family_name = NULL;
  SdSceneDistribution *distribution;
  GError *local_error = NULL;
  SdFamily family;
  guint64 points = SD_SCENE_DEFAULT_POINTS, samples = 0, seed = 1;

  if (!_sd_scene_read_string (r, group, "family", TRUE, &family_name, error))
    return FALSE;

  if (!sd_family_from_name (family_name, &family, &local_error))
    {
      _sd_scene_fail (r, error, group, "family", "%s", local_error->message);
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

  if (!_sd_scene_read_range (r, group, "x-range", distribution->x_range, error)
      || !_sd_scene_read_uint (r, group, "points", 2, SD_SCENE_MAX_POINTS, &points, error)
      || !_sd_scene_read_uint (r, group, "samples", 0, SD_SCENE_MAX_SAMPLES, &samples, error)
      || !_sd_scene_read_uint (r, group, "seed", 0, G_MAXUINT32, &seed, error))
    return FALSE;

  distribution->points = points;
  distribution->samples = samples;
  distribution->seed = seed;

  return read_distribution_display (r, group, distribution, error);
}

static gboolean
load (SdSceneReader  *r,
      char          **groups,
      GError        **error)
{
  return _sd_scene_read_groups (r, groups, DISTRIBUTION_PREFIX, "[Distribution Prior]",
                                read_distribution_group, NULL, error);
}

/* Writing */

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
      _sd_scene_set_list (keyfile, group, "mean", distribution->values, 2);
      _sd_scene_set_list (keyfile, group, "covariance", distribution->values + 2, 3);
      _sd_scene_set_list (keyfile, group, "y-range", distribution->y_range, 2);
      return;
    }

  names = sd_family_get_parameter_names (family);
  for (guint i = 0; names[i] != NULL && i < distribution->n_values; i++)
    _sd_scene_set_double (keyfile, group, names[i], distribution->values[i]);
}

static void
save_distribution (GKeyFile                  *keyfile,
                   const SdSceneDistribution *distribution)
{
  g_autofree char *group = g_strconcat ("Distribution ", distribution->name, NULL);

  g_key_file_set_string (keyfile, group, "family", distribution->family);
  save_distribution_parameters (keyfile, group, distribution);
  _sd_scene_set_list (keyfile, group, "x-range", distribution->x_range, 2);
  g_key_file_set_uint64 (keyfile, group, "points", distribution->points);
  g_key_file_set_uint64 (keyfile, group, "samples", distribution->samples);
  g_key_file_set_uint64 (keyfile, group, "seed", distribution->seed);
  _sd_scene_set_layers (keyfile, group, SD_SCENE_DISTRIBUTION, distribution->layers);
  if (distribution->has_interval)
    _sd_scene_set_list (keyfile, group, "interval", distribution->interval, 2);
  g_key_file_set_uint64 (keyfile, group, "bins", distribution->bins);
  if (distribution->has_color)
    _sd_scene_set_color (keyfile, group, distribution->color);
}


/* CSV */

static void
append_density_row (GString              *csv,
                    const char           *name,
                    const SdDistribution *distribution,
                    double                x)
{
  _sd_csv_append_text (csv, name);
  _sd_csv_append_number (csv, x);
  _sd_csv_append_number (csv, sd_distribution_pdf (distribution, x));
  _sd_csv_append_number (csv, sd_distribution_cdf (distribution, x));
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
append_bivariate (GString                    *csv,
                  const SdSceneDistribution  *scene_distribution,
                  GError                    **error)
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

static void
save (const SdScene *scene,
      GKeyFile      *keyfile)
{
  const GPtrArray *distributions = sd_scene_get_distributions (scene)->distributions;

  for (guint i = 0; i < distributions->len; i++)
    save_distribution (keyfile, g_ptr_array_index (distributions, i));
}

static gboolean
to_csv (const SdScene  *scene,
        GString        *csv,
        GCancellable   *cancellable,
        GError        **error)
{
  const GPtrArray *distributions = sd_scene_get_distributions (scene)->distributions;

  g_string_append (csv, "distribution,x,pdf,cdf\n");

  for (guint i = 0; i < distributions->len; i++)
    {
      const SdSceneDistribution *d = g_ptr_array_index (distributions, i);
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


const SdSceneSection sd_scene_distribution_section = {
  .name = "distribution",
  .layers = layer_names,
  .create = create,
  .copy = copy,
  .free = free_data,
  .load = load,
  .save = save,
  .to_csv = to_csv,
};
