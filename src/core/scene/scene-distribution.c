/* scene-distribution.c: distribution scenes: the [Distribution NAME]
 * groups, read, written, copied and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsl/gsl_statistics_double.h>

#include "bivariate.h"
#include "core-error.h"
#include "distribution.h"
#include "histogram.h"
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

/* Where a curve is evaluated: a continuous family at @points evenly
 * spaced x with both ends included, a discrete one at every integer of
 * the range, where its mass is. */
static GArray *
curve_points (const SdDistribution *distribution,
              const double          range[2],
              guint                 points)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));

  if (sd_distribution_is_discrete (distribution))
    {
      for (double k = ceil (range[0]); k <= floor (range[1]); k++)
        g_array_append_val (xs, k);
      return xs;
    }

  g_array_set_size (xs, points);
  for (guint i = 0; i < points; i++)
    {
      /* The last point is the end of the range exactly, not a sum that
       * rounding left just short of it. */
      g_array_index (xs, double, i) = i + 1 == points
                                      ? range[1]
                                      : range[0] + (range[1] - range[0]) * i / (points - 1);
    }
  return xs;
}

static void
append_distribution (GString              *csv,
                     const char           *name,
                     const SdDistribution *distribution,
                     const double          range[2],
                     guint                 points)
{
  g_autoptr(GArray) xs = curve_points (distribution, range, points);

  for (guint i = 0; i < xs->len; i++)
    {
      double x = g_array_index (xs, double, i);

      _sd_csv_append_text (csv, name);
      _sd_csv_append_number (csv, x);
      _sd_csv_append_number (csv, sd_distribution_pdf (distribution, x));
      _sd_csv_append_number (csv, sd_distribution_cdf (distribution, x));
      g_string_append_c (csv, '\n');
    }
}

/* A bivariate normal's marginal along @axis (0 for x, 1 for y): normal,
 * with the diagonal variance. */
static SdDistribution *
marginal_new (const SdSceneDistribution  *scene_distribution,
              guint                       axis,
              GError                    **error)
{
  const double *v = scene_distribution->values;
  const double parameters[2][2] = { { v[0], sqrt (v[2]) }, { v[1], sqrt (v[4]) } };

  return sd_distribution_new (SD_FAMILY_NORMAL, parameters[axis], 2, error);
}

/* A bivariate normal does not fit one x column; its two marginals do. */
static gboolean
append_bivariate (GString                    *csv,
                  const SdSceneDistribution  *scene_distribution,
                  GError                    **error)
{
  const double *ranges[2] = { scene_distribution->x_range, scene_distribution->y_range };
  static const char * const suffixes[2] = { ":x", ":y" };

  for (guint axis = 0; axis < 2; axis++)
    {
      g_autoptr(SdDistribution) marginal = marginal_new (scene_distribution, axis, error);
      g_autofree char *name = g_strconcat (scene_distribution->name, suffixes[axis], NULL);

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

/* JSON */

/* The quantiles every univariate distribution reports: the quartiles
 * and the ends of the central 90 %. */
static const double quantile_levels[] = { 0.05, 0.25, 0.5, 0.75, 0.95 };

/* What the figure draws of a distribution: its draws only with the
 * histogram layer, its interval only with the interval layer. */
static gboolean
shows_samples (const SdSceneDistribution *d)
{
  return (d->layers & SD_LAYER_HISTOGRAM) && d->samples > 0;
}

static gboolean
shows_interval (const SdSceneDistribution *d)
{
  return (d->layers & SD_LAYER_INTERVAL) && d->has_interval;
}

/* The curve as the CSV has it: x, pdf (the mass for a discrete family) and
 * cdf, one array each. */
static void
set_curve (JsonBuilder          *builder,
           const char           *key,
           const SdDistribution *distribution,
           const double          range[2],
           guint                 points)
{
  g_autoptr(GArray) xs = curve_points (distribution, range, points);
  g_autofree double *values = g_new (double, MAX (xs->len, 1));

  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  _sd_json_set_numbers (builder, "x", (const double *) xs->data, xs->len);
  for (guint i = 0; i < xs->len; i++)
    values[i] = sd_distribution_pdf (distribution, g_array_index (xs, double, i));
  _sd_json_set_numbers (builder, "pdf", values, xs->len);
  for (guint i = 0; i < xs->len; i++)
    values[i] = sd_distribution_cdf (distribution, g_array_index (xs, double, i));
  _sd_json_set_numbers (builder, "cdf", values, xs->len);
  json_builder_end_object (builder);
}

static void
set_parameters (JsonBuilder          *builder,
                const SdDistribution *distribution)
{
  SdFamily family = sd_distribution_get_family (distribution);
  const char * const *names = sd_family_get_parameter_names (family);

  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_object (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      _sd_json_set_key (builder, names[i]);
      _sd_json_add_number (builder, sd_distribution_get_parameter (distribution, i));
    }
  json_builder_end_object (builder);
}

/* Moments that do not exist or are infinite (a Cauchy's mean, Student's
 * t's variance with 2 degrees of freedom) come out as null. */
static void
set_moments (JsonBuilder          *builder,
             const SdDistribution *distribution)
{
  double mean, variance, skewness, kurtosis;

  sd_distribution_get_moments (distribution, &mean, &variance, &skewness, &kurtosis);
  json_builder_set_member_name (builder, "moments");
  json_builder_begin_object (builder);
  _sd_json_set_number (builder, "mean", mean);
  _sd_json_set_number (builder, "variance", variance);
  _sd_json_set_number (builder, "standard_deviation", variance >= 0.0 ? sqrt (variance) : NAN);
  _sd_json_set_number (builder, "skewness", skewness);
  _sd_json_set_number (builder, "excess_kurtosis", kurtosis);
  json_builder_end_object (builder);
}

static void
set_quantiles (JsonBuilder          *builder,
               const SdDistribution *distribution)
{
  double x[G_N_ELEMENTS (quantile_levels)];

  for (guint i = 0; i < G_N_ELEMENTS (quantile_levels); i++)
    x[i] = sd_distribution_quantile (distribution, quantile_levels[i]);

  json_builder_set_member_name (builder, "quantiles");
  json_builder_begin_object (builder);
  _sd_json_set_numbers (builder, "p", quantile_levels, G_N_ELEMENTS (quantile_levels));
  _sd_json_set_numbers (builder, "x", x, G_N_ELEMENTS (quantile_levels));
  json_builder_end_object (builder);
}

static void
set_interval (JsonBuilder               *builder,
              const SdSceneDistribution *d,
              const SdDistribution      *distribution)
{
  if (!shows_interval (d))
    {
      _sd_json_set_null (builder, "interval");
      return;
    }

  json_builder_set_member_name (builder, "interval");
  json_builder_begin_object (builder);
  _sd_json_set_number (builder, "a", d->interval[0]);
  _sd_json_set_number (builder, "b", d->interval[1]);
  _sd_json_set_number (builder, "probability",
                       sd_distribution_probability (distribution, d->interval[0],
                                                    d->interval[1]));
  json_builder_end_object (builder);
}

/* Divides by count − 1, as numpy.var (ddof=1): undefined for one draw. */
static double
sample_variance (const double *x,
                 gsize         n,
                 double        mean)
{
  return n >= 2 ? gsl_stats_variance_m (x, 1, n, mean) : NAN;
}

/* The histogram's bins as the figure counts them; its bars are each
 * count / (samples × bin width) high. */
static gboolean
set_histogram (JsonBuilder               *builder,
               const SdSceneDistribution *d,
               const SdDistribution      *distribution,
               const double              *draws,
               GError                   **error)
{
  g_autoptr(SdHistogram) histogram = NULL;
  g_autofree double *edges = NULL;
  guint n_bins;

  histogram = sd_histogram_new_for_distribution (distribution, d->x_range[0], d->x_range[1],
                                                 d->bins, error);
  if (histogram == NULL)
    return FALSE;
  sd_histogram_add (histogram, draws, d->samples);

  n_bins = sd_histogram_get_n_bins (histogram);
  edges = g_new (double, n_bins + 1);
  for (guint i = 0; i < n_bins; i++)
    sd_histogram_get_bin (histogram, i, &edges[i], &edges[i + 1]);

  json_builder_set_member_name (builder, "histogram");
  json_builder_begin_object (builder);
  _sd_json_set_numbers (builder, "edges", edges, n_bins + 1);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_bins; i++)
    json_builder_add_int_value (builder, sd_histogram_get_count (histogram, i));
  json_builder_end_array (builder);
  _sd_json_set_int (builder, "outside", sd_histogram_get_n_outside (histogram));
  json_builder_end_object (builder);

  return TRUE;
}

/* The scene's seeded draws, drawn as the figure draws them, so that the
 * statistics describe the histogram on screen. */
static gboolean
set_samples (JsonBuilder               *builder,
             const SdSceneDistribution *d,
             const SdDistribution      *distribution,
             GCancellable              *cancellable,
             GError                   **error)
{
  g_autofree double *draws = NULL;
  double mean;

  if (!shows_samples (d))
    {
      _sd_json_set_null (builder, "samples");
      _sd_json_set_null (builder, "histogram");
      return TRUE;
    }

  draws = g_new (double, d->samples);
  sd_distribution_sample (distribution, d->seed, draws, d->samples);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  mean = gsl_stats_mean (draws, 1, d->samples);
  json_builder_set_member_name (builder, "samples");
  json_builder_begin_object (builder);
  _sd_json_set_int (builder, "count", d->samples);
  _sd_json_set_int (builder, "seed", d->seed);
  _sd_json_set_number (builder, "mean", mean);
  _sd_json_set_number (builder, "variance", sample_variance (draws, d->samples, mean));
  json_builder_end_object (builder);

  return set_histogram (builder, d, distribution, draws, error);
}

static gboolean
add_univariate (JsonBuilder                *builder,
                const SdSceneDistribution  *d,
                SdFamily                    family,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr(SdDistribution) distribution = NULL;

  distribution = sd_distribution_new (family, d->values, d->n_values, error);
  if (distribution == NULL)
    return FALSE;

  set_parameters (builder, distribution);
  _sd_json_set_pair (builder, "x_range", d->x_range);
  set_moments (builder, distribution);
  set_quantiles (builder, distribution);
  set_interval (builder, d, distribution);
  if (!set_samples (builder, d, distribution, cancellable, error))
    return FALSE;
  set_curve (builder, "curve", distribution, d->x_range, d->points);

  return TRUE;
}

static void
set_covariance (JsonBuilder *builder,
                const char  *key,
                double       sxx,
                double       sxy,
                double       syy)
{
  const double entries[4] = { sxx, sxy, sxy, syy };

  _sd_json_set_matrix (builder, key, entries);
}

/* The eigen-decomposition of the covariance: the variances along the
 * principal axes, largest first, and the axes' unit directions. */
static void
set_principal_axes (JsonBuilder             *builder,
                    const SdBivariateNormal *bivariate)
{
  SdPrincipalAxes axes;

  sd_bivariate_normal_get_principal_axes (bivariate, &axes);
  json_builder_set_member_name (builder, "principal_axes");
  json_builder_begin_object (builder);
  _sd_json_set_pair (builder, "variances", axes.variance);
  json_builder_set_member_name (builder, "axes");
  json_builder_begin_array (builder);
  _sd_json_add_numbers (builder, axes.axis[0], 2);
  _sd_json_add_numbers (builder, axes.axis[1], 2);
  json_builder_end_array (builder);
  _sd_json_set_number (builder, "angle", axes.angle);
  json_builder_end_object (builder);
}

/* The first of these draws are the dots of the scatter, which shows only
 * as many as stay readable. */
static gboolean
set_bivariate_samples (JsonBuilder               *builder,
                       const SdSceneDistribution *d,
                       const SdBivariateNormal   *bivariate,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autofree double *x = NULL, *y = NULL;
  double mean[2], sxy;

  if (!shows_samples (d))
    {
      _sd_json_set_null (builder, "samples");
      return TRUE;
    }

  x = g_new (double, d->samples);
  y = g_new (double, d->samples);
  sd_bivariate_normal_sample (bivariate, d->seed, x, y, d->samples);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  mean[0] = gsl_stats_mean (x, 1, d->samples);
  mean[1] = gsl_stats_mean (y, 1, d->samples);
  sxy = d->samples >= 2 ? gsl_stats_covariance_m (x, 1, y, 1, d->samples, mean[0], mean[1])
                        : NAN;

  json_builder_set_member_name (builder, "samples");
  json_builder_begin_object (builder);
  _sd_json_set_int (builder, "count", d->samples);
  _sd_json_set_int (builder, "seed", d->seed);
  _sd_json_set_pair (builder, "mean", mean);
  set_covariance (builder, "covariance", sample_variance (x, d->samples, mean[0]), sxy,
                  sample_variance (y, d->samples, mean[1]));
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
add_bivariate (JsonBuilder                *builder,
               const SdSceneDistribution  *d,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autoptr(SdBivariateNormal) bivariate = NULL;
  const double *v = d->values;
  const double *ranges[2] = { d->x_range, d->y_range };
  static const char * const axes[2] = { "x", "y" };
  double ellipse_mass[3];

  bivariate = sd_bivariate_normal_new (v, v + 2, error);
  if (bivariate == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_object (builder);
  _sd_json_set_pair (builder, "mean", v);
  set_covariance (builder, "covariance", v[2], v[3], v[4]);
  json_builder_end_object (builder);
  _sd_json_set_pair (builder, "x_range", d->x_range);
  _sd_json_set_pair (builder, "y_range", d->y_range);

  json_builder_set_member_name (builder, "moments");
  json_builder_begin_object (builder);
  _sd_json_set_pair (builder, "mean", v);
  set_covariance (builder, "covariance", v[2], v[3], v[4]);
  _sd_json_set_number (builder, "correlation", sd_bivariate_normal_get_correlation (bivariate));
  json_builder_end_object (builder);
  set_principal_axes (builder, bivariate);

  for (guint k = 1; k <= 3; k++)
    ellipse_mass[k - 1] = sd_bivariate_normal_ellipse_mass (k);
  _sd_json_set_numbers (builder, "ellipse_mass", ellipse_mass, 3);

  if (!set_bivariate_samples (builder, d, bivariate, cancellable, error))
    return FALSE;

  json_builder_set_member_name (builder, "marginals");
  json_builder_begin_object (builder);
  for (guint axis = 0; axis < 2; axis++)
    {
      g_autoptr(SdDistribution) marginal = marginal_new (d, axis, error);

      if (marginal == NULL)
        return FALSE;
      set_curve (builder, axes[axis], marginal, ranges[axis], d->points);
    }
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
add_distribution (JsonBuilder                *builder,
                  const SdSceneDistribution  *d,
                  GCancellable               *cancellable,
                  GError                    **error)
{
  SdFamily family;
  gboolean ok;

  if (!sd_family_from_name (d->family, &family, error))
    return FALSE;

  json_builder_begin_object (builder);
  _sd_json_set_string (builder, "name", d->name);
  _sd_json_set_string (builder, "family", d->family);
  ok = family == SD_FAMILY_BIVARIATE_NORMAL
       ? add_bivariate (builder, d, cancellable, error)
       : add_univariate (builder, d, family, cancellable, error);
  json_builder_end_object (builder);

  if (!ok)
    g_prefix_error (error, "[Distribution %s] ", d->name);
  return ok;
}

static gboolean
to_json (const SdScene  *scene,
         JsonBuilder    *builder,
         GCancellable   *cancellable,
         GError        **error)
{
  const GPtrArray *distributions = sd_scene_get_distributions (scene)->distributions;

  json_builder_set_member_name (builder, "distributions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < distributions->len; i++)
    if (!add_distribution (builder, g_ptr_array_index (distributions, i), cancellable, error))
      return FALSE;
  json_builder_end_array (builder);

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
  .to_json = to_json,
};
