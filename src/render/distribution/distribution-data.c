/* distribution-data.c: what a scene's distributions show, computed once:
 * their densities, distribution functions, samples and moments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "distribution-figure.h"
#include "numfmt.h"

static void
curve_free (gpointer data)
{
  SdDistributionCurve *curve = data;

  sd_distribution_free (curve->distribution);
  sd_bivariate_normal_free (curve->bivariate);
  g_free (curve->x);
  g_free (curve->density);
  g_free (curve->cumulative);
  sd_histogram_free (curve->histogram);
  g_free (curve->scatter_x);
  g_free (curve->scatter_y);
  g_free (curve);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError                    **error,
      const SdSceneDistribution  *source,
      const char                 *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               "[Distribution %s] %s", source->name, message);
  return FALSE;
}

/* Passes on an engine error with the group it is about in front. */
static gboolean
fail_with (GError                    **error,
           const SdSceneDistribution  *source,
           GError                     *local_error)
{
  g_set_error (error, local_error->domain, local_error->code,
               "[Distribution %s] %s", source->name, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

static gboolean
set_error_if_cancelled (GCancellable  *cancellable,
                        GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
check_range (const SdSceneDistribution  *source,
             const char                 *key,
             const double                range[2],
             GError                    **error)
{
  char a[SD_FORMAT_DOUBLE_SIZE], b[SD_FORMAT_DOUBLE_SIZE];

  if (!(isfinite (range[0]) && isfinite (range[1]) && range[0] < range[1]
        && isfinite (range[1] - range[0])))
    /* Translators: the first %s is a key of the scene file, x-range or
     * y-range; keep it as it is. '%s;%s' is the range given, written as in
     * the file: keep the ';' between the numbers. */
    return fail (error, source, _("%s: must be two finite numbers, the first less than the "
                                  "second, got '%s;%s'"),
                 key, sd_format_double (a, range[0]), sd_format_double (b, range[1]));

  return TRUE;
}

static gboolean
check_samples (const SdSceneDistribution  *source,
               GError                    **error)
{
  if (source->samples > SD_SCENE_MAX_SAMPLES)
    /* Translators: %s is a key of the scene file, samples or points; keep
     * it as it is. The first two numbers are the least and the largest
     * value allowed, the third the value given. */
    return fail (error, source, _("%s: must be a whole number from %d to %d, got %u"),
                 "samples", 0, SD_SCENE_MAX_SAMPLES, source->samples);

  return TRUE;
}

static void
allocate_points (SdDistributionCurve *curve,
                 gsize                n)
{
  curve->n_points = n;
  curve->x = g_new (double, MAX (n, 1));
  curve->density = g_new (double, MAX (n, 1));
  curve->cumulative = g_new (double, MAX (n, 1));
}

/* Evenly spaced x, both ends included, as the CSV export writes them. */
static void
evaluate_continuous (SdDistributionCurve *curve)
{
  const double *range = curve->source->x_range;
  gsize n = curve->source->points;

  allocate_points (curve, n);
  for (gsize i = 0; i < n; i++)
    {
      /* The last point is the end of the range exactly, not a sum that
       * rounding left just short of it. */
      double x = i + 1 == n ? range[1] : range[0] + (range[1] - range[0]) * i / (n - 1);

      curve->x[i] = x;
      curve->density[i] = sd_distribution_pdf (curve->distribution, x);
      curve->cumulative[i] = sd_distribution_cdf (curve->distribution, x);
    }
}

/* Every whole number of the range, or as many as the cap allows spread
 * evenly over it. */
static void
evaluate_discrete (SdDistributionCurve *curve)
{
  const double *range = curve->source->x_range;
  double first = ceil (range[0]), last = floor (range[1]);
  double span = last - first + 1.0;
  gsize n;

  if (!(span >= 1.0))
    {
      allocate_points (curve, 0);
      return;
    }

  n = span > SD_DISTRIBUTION_FIGURE_MAX_INTEGERS ? SD_DISTRIBUTION_FIGURE_MAX_INTEGERS
                                                 : (gsize) span;
  allocate_points (curve, n);
  for (gsize i = 0; i < n; i++)
    {
      double k = n == span ? first + i : round (first + (last - first) * i / (n - 1));

      curve->x[i] = k;
      curve->density[i] = sd_distribution_pdf (curve->distribution, k);
      curve->cumulative[i] = sd_distribution_cdf (curve->distribution, k);
    }
}

/* P(a <= X <= b); for a discrete family that is F(floor b) - F(ceil a - 1),
 * the mass at a included. */
static double
interval_probability (const SdDistribution *distribution,
                      double                a,
                      double                b)
{
  double p;

  if (sd_distribution_is_discrete (distribution))
    {
      a = ceil (a) - 1.0;
      b = floor (b);
      if (b <= a)
        return 0.0;
    }

  /* In the upper tail the survival function keeps the digits that
   * 1 - F would round away. */
  if (sd_distribution_cdf (distribution, a) > 0.5)
    p = sd_distribution_sf (distribution, a) - sd_distribution_sf (distribution, b);
  else
    p = sd_distribution_cdf (distribution, b) - sd_distribution_cdf (distribution, a);

  return CLAMP (p, 0.0, 1.0);
}

static void
compute_moments (SdDistributionCurve *curve)
{
  double mean, variance;

  sd_distribution_get_moments (curve->distribution, &mean, &variance, NULL, NULL);
  curve->mean = isfinite (mean) ? mean : NAN;
  curve->sd = isfinite (curve->mean) && isfinite (variance) && variance >= 0.0
              ? sqrt (variance) : NAN;
}

/* All the draws at once, then one pass over them: the draws must be the
 * scene's seeded sequence, which the engine gives only whole. */
static gboolean
count_samples (SdDistributionCurve  *curve,
               GCancellable         *cancellable,
               GError              **error)
{
  const SdSceneDistribution *source = curve->source;
  g_autofree double *draws = NULL;
  GError *local_error = NULL;

  curve->histogram = sd_histogram_new_for_distribution (curve->distribution,
                                                        source->x_range[0], source->x_range[1],
                                                        source->bins, &local_error);
  if (curve->histogram == NULL)
    return fail_with (error, source, local_error);

  draws = g_try_new (double, source->samples);
  if (draws == NULL)
    {
      /* Translators: %s is the key samples of the scene file; keep it as
       * it is. %u is how many draws it asks for, always a large number. */
      g_autofree char *message = g_strdup_printf (_("%s: not enough memory for %u draws"),
                                                  "samples", source->samples);

      /* As fail() writes it, but the error is about the machine, not the value. */
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                   "[Distribution %s] %s", source->name, message);
      return FALSE;
    }

  sd_distribution_sample (curve->distribution, source->seed, draws, source->samples);
  if (set_error_if_cancelled (cancellable, error))
    return FALSE;

  sd_histogram_add (curve->histogram, draws, source->samples);
  curve->n_samples = source->samples;
  return TRUE;
}

static gboolean
compute_univariate (SdDistributionCurve  *curve,
                    GCancellable         *cancellable,
                    GError              **error)
{
  const SdSceneDistribution *source = curve->source;
  GError *local_error = NULL;

  curve->distribution = sd_distribution_new (curve->family, source->values, source->n_values,
                                             &local_error);
  if (curve->distribution == NULL)
    return fail_with (error, source, local_error);

  if (!check_range (source, "x-range", source->x_range, error)
      || !check_samples (source, error))
    return FALSE;

  if (sd_distribution_is_discrete (curve->distribution))
    {
      evaluate_discrete (curve);
    }
  else
    {
      if (source->points < 2 || source->points > SD_SCENE_MAX_POINTS)
        /* Translators: %s is a key of the scene file, samples or points; keep
         * it as it is. The first two numbers are the least and the largest
         * value allowed, the third the value given. */
        return fail (error, source, _("%s: must be a whole number from %d to %d, got %u"),
                     "points", 2, SD_SCENE_MAX_POINTS, source->points);
      evaluate_continuous (curve);
    }

  compute_moments (curve);

  if (source->has_interval)
    {
      char a[SD_FORMAT_DOUBLE_SIZE], b[SD_FORMAT_DOUBLE_SIZE];

      if (!(source->interval[0] <= source->interval[1]))
        /* Translators: %s is the key interval of the scene file; keep it as
         * it is. a and b are the interval's ends, as the file's
         * documentation calls them; '%s;%s' is the interval given, written
         * as in the file: keep the ';' between the numbers. */
        return fail (error, source, _("%s: a must not be greater than b, got '%s;%s'"),
                     "interval", sd_format_double (a, source->interval[0]),
                     sd_format_double (b, source->interval[1]));
      curve->probability = interval_probability (curve->distribution,
                                                 source->interval[0], source->interval[1]);
    }

  if ((source->layers & SD_LAYER_HISTOGRAM) && source->samples > 0)
    return count_samples (curve, cancellable, error);

  return TRUE;
}

static gboolean
compute_bivariate (SdDistributionCurve  *curve,
                   GError              **error)
{
  const SdSceneDistribution *source = curve->source;
  GError *local_error = NULL;

  if (source->n_values != 5)
    /* Translators: the names in parentheses are the parameters of a
     * bivariate normal as the scene file writes them; keep them as they
     * are. %u is how many values the group gives. */
    return fail (error, source, _("needs 5 values (mx, my, sxx, sxy, syy), got %u"),
                 source->n_values);

  curve->bivariate = sd_bivariate_normal_new (source->values, source->values + 2, &local_error);
  if (curve->bivariate == NULL)
    return fail_with (error, source, local_error);

  if (!check_range (source, "x-range", source->x_range, error)
      || !check_range (source, "y-range", source->y_range, error)
      || !check_samples (source, error))
    return FALSE;

  if ((source->layers & SD_LAYER_HISTOGRAM) && source->samples > 0)
    {
      /* The first draws of the sequence, which are the same however many
       * are asked for. */
      curve->n_scatter = MIN (source->samples, SD_DISTRIBUTION_FIGURE_MAX_SCATTER);
      curve->n_samples = source->samples;
      curve->scatter_x = g_new (double, curve->n_scatter);
      curve->scatter_y = g_new (double, curve->n_scatter);
      sd_bivariate_normal_sample (curve->bivariate, source->seed,
                                  curve->scatter_x, curve->scatter_y, curve->n_scatter);
    }

  return TRUE;
}

/**
 * sd_distribution_figure_new:
 * @scene: a distribution scene; it must outlive the figure
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Evaluates the scene's distributions, draws their samples and counts them
 * into histograms. Safe to call on a worker thread while nothing changes
 * @scene.
 *
 * Returns: (transfer full) (nullable): the figure's data, or %NULL with
 *   @error set (%SD_CORE_ERROR_INVALID naming the group and key of an
 *   invalid value, %G_IO_ERROR_CANCELLED when cancelled)
 */
SdDistributionFigure *
sd_distribution_figure_new (const SdScene  *scene,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(SdDistributionFigure) self = NULL;
  const SdSceneDistribution *first;
  GPtrArray *distributions;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_DISTRIBUTION, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  distributions = sd_scene_get_distributions (scene)->distributions;
  if (distributions == NULL || distributions->len == 0)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is a group as the scene file writes it,
                    * [Distribution Prior]; keep it as it is */
                   _("the scene has no distribution to draw; add a group such as %s"),
                   "[Distribution Prior]");
      return NULL;
    }

  self = g_new0 (SdDistributionFigure, 1);
  self->scene = scene;
  self->curves = g_ptr_array_new_with_free_func (curve_free);
  first = g_ptr_array_index (distributions, 0);
  self->bivariate = g_strcmp0 (first->family,
                               sd_family_get_name (SD_FAMILY_BIVARIATE_NORMAL)) == 0;

  for (guint i = 0; i < distributions->len; i++)
    {
      const SdSceneDistribution *source = g_ptr_array_index (distributions, i);
      SdDistributionCurve *curve;
      GError *local_error = NULL;
      SdFamily family;
      gboolean ok;

      if (set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!sd_family_from_name (source->family != NULL ? source->family : "", &family,
                                &local_error))
        {
          fail_with (error, source, local_error);
          return NULL;
        }

      if ((family == SD_FAMILY_BIVARIATE_NORMAL) != self->bivariate)
        continue;

      curve = g_new0 (SdDistributionCurve, 1);
      curve->source = source;
      curve->family = family;
      curve->index = self->curves->len;
      curve->probability = NAN;
      curve->mean = NAN;
      curve->sd = NAN;
      g_ptr_array_add (self->curves, curve);

      ok = self->bivariate ? compute_bivariate (curve, error)
                           : compute_univariate (curve, cancellable, error);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sd_distribution_figure_free:
 * @self: (nullable): a figure's data
 */
void
sd_distribution_figure_free (SdDistributionFigure *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->curves, g_ptr_array_unref);
  g_free (self);
}
