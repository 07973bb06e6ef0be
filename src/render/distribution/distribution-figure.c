/* distribution-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "arrowhead.h"
#include "core-error.h"
#include "distribution-figure.h"
#include "number.h"
#include "numfmt.h"
#include "shapes.h"
#include "text.h"
#include "ticks.h"

/* Opacities of the data's colour. Fills stay light so that curves, bars
 * and grid lines drawn over or under them still read. */
#define FILL_ALPHA 0.12         /* under a density */
#define INTERVAL_ALPHA 0.40     /* under a density between a and b */
#define CDF_BAND_ALPHA 0.10     /* x between a and b, on a distribution function */
#define BAR_ALPHA 0.30          /* histogram bars */
#define BAR_EDGE_ALPHA 0.70     /* their outline */
#define FADED_ALPHA 0.30        /* stems outside the interval */
#define PLATE_ALPHA 0.88        /* behind labels drawn over data */
#define SHADE_ALPHA 0.075       /* each of the nested ellipses of a bivariate density */

/* The tallest data sits this far below the top of the y range. */
#define TOP_MARGIN 1.08
/* The distribution function's axis, with room above 1 for the curve, and
 * below 0 when it is the main axis. */
#define CDF_MAX 1.05
#define CDF_MARGIN 0.025
/* A density that grows without bound at an end of the range is cut at
 * this many times its highest value away from the ends, the
 * EDGE_FRACTION of the points nearest each end left out. */
#define DENSITY_CUT 2.0
#define EDGE_FRACTION 0.05
/* Densities are clamped to this many y ranges before mapping, so that an
 * infinite density leaves the plot upwards instead of breaking the path. */
#define CLAMP_RANGES 4.0
/* The legend takes a top corner above the data unless that would shrink
 * the data by more than this factor beyond what the labels need. */
#define MAX_LEGEND_STRETCH 1.35
/* Legend placement sees the data as this many columns of the plot. */
#define N_BUSY_SLICES 32
/* Discrete distribution functions get a dot on each step up to this many. */
#define MAX_STEP_DOTS 40
#define ELLIPSE_POINTS 360
/* Dots of a scatter go into strokes of this many, so that dots on top of
 * each other darken (one stroke would paint their union once) while the
 * path count stays small. */
#define SCATTER_BATCH 64

/* Spacing in units of the body font size. */
#define LABEL_GAP 0.35
#define LEGEND_INSET 0.6        /* as sd_legend_draw() insets the legend */
#define PLATE_PADDING 0.3
#define RIGHT_TICK_LABEL_GAP 0.4
#define RIGHT_TITLE_GAP 0.5

/* The distribution function's axis title: a formula, the same in every
 * language. */
#define CDF_TITLE "<i>F</i>(<i>x</i>) = P(<i>X</i> ≤ <i>x</i>)"

/* Compute ------------------------------------------------------------- */

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

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_DISTRIBUTION, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sd_scene_get_distributions (scene)->distributions == NULL || sd_scene_get_distributions (scene)->distributions->len == 0)
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
  first = g_ptr_array_index (sd_scene_get_distributions (scene)->distributions, 0);
  self->bivariate = g_strcmp0 (first->family,
                               sd_family_get_name (SD_FAMILY_BIVARIATE_NORMAL)) == 0;

  for (guint i = 0; i < sd_scene_get_distributions (scene)->distributions->len; i++)
    {
      const SdSceneDistribution *source = g_ptr_array_index (sd_scene_get_distributions (scene)->distributions, i);
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

/* Labels -------------------------------------------------------------- */

/* The scene's numbers, six significant digits. */
static void
append_number (GString *out,
               double   value)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_READOUT);
  sd_number_append (out, &format, value);
}

static void
append_probability (GString *out,
                    double   p)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_PROBABILITY);
  sd_number_append (out, &format, CLAMP (p, 0.0, 1.0));
}

/**
 * sd_distribution_interval_markup:
 * @a: the interval's lower end
 * @b: its upper end
 * @probability: P(@a ≤ X ≤ @b)
 *
 * The label of a shaded interval, e.g. "P(−1 ≤ <i>X</i> ≤ 1) = 0.6827":
 * the ends as readouts, the probability in the %SD_NUMBER_PROBABILITY
 * style (four decimals, more when it is within 10^-4 of 1, two
 * significant digits below 0.01), so that no value but 0 and 1 reads as
 * 0 or 1.
 *
 * Returns: (transfer full): the label in Pango markup
 */
char *
sd_distribution_interval_markup (double a,
                                 double b,
                                 double probability)
{
  GString *out = g_string_new ("P(");

  append_number (out, a);
  g_string_append (out, " ≤ <i>X</i> ≤ ");
  append_number (out, b);
  g_string_append (out, ") = ");
  append_probability (out, probability);

  return g_string_free (out, FALSE);
}

/* "P(1 ≤ X ≤ 4) = F(4) − F(1) = 0.4712", for the interval read on a
 * distribution function; a discrete one rises at a, so it is F(b) − F(a − 1)
 * there, with a and b the whole numbers of the interval. */
static char *
interval_rise_markup (const SdDistributionCurve *curve)
{
  const double *interval = curve->source->interval;
  gboolean discrete = sd_distribution_is_discrete (curve->distribution);
  GString *out = g_string_new ("P(");

  append_number (out, interval[0]);
  g_string_append (out, " ≤ <i>X</i> ≤ ");
  append_number (out, interval[1]);
  g_string_append (out, ") = <i>F</i>(");
  append_number (out, discrete ? floor (interval[1]) : interval[1]);
  g_string_append (out, ") − <i>F</i>(");
  append_number (out, discrete ? ceil (interval[0]) - 1.0 : interval[0]);
  g_string_append (out, ") = ");
  append_probability (out, curve->probability);

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *title;
  const char *symbols[SD_DISTRIBUTION_MAX_PARAMETERS];
} FamilyLabel;

/* How legends name each family and its parameters, in the order of
 * sd_family_get_parameter_names(): the symbols of textbooks (and of
 * scipy.stats' parameterizations), Latin variables in italics. The
 * symbols are the same in every language; the names are translated. */
static const FamilyLabel family_labels[SD_N_FAMILIES] = {
  /* Translators: the distribution families as legends name them, such as
   * "N (normal, μ = 0, σ = 1)" */
  [SD_FAMILY_NORMAL] = { NC_("distribution family", "normal"), { "μ", "σ" } },
  [SD_FAMILY_STUDENT_T] = { NC_("distribution family", "Student t"), { "ν" } },
  /* Translators: the chi-squared family, by its symbol, which most
   * languages keep */
  [SD_FAMILY_CHI_SQUARED] = { NC_("distribution family", "χ²"), { "<i>k</i>" } },
  /* Translators: the F family (Fisher–Snedecor), by its symbol, which most
   * languages keep */
  [SD_FAMILY_F] = { NC_("distribution family", "F"),
                    { "<i>d</i><sub>1</sub>", "<i>d</i><sub>2</sub>" } },
  [SD_FAMILY_BETA] = { NC_("distribution family", "beta"), { "α", "β" } },
  [SD_FAMILY_GAMMA] = { NC_("distribution family", "gamma"), { "<i>k</i>", "θ" } },
  [SD_FAMILY_EXPONENTIAL] = { NC_("distribution family", "exponential"), { "λ" } },
  [SD_FAMILY_UNIFORM] = { NC_("distribution family", "uniform"), { "<i>a</i>", "<i>b</i>" } },
  [SD_FAMILY_LAPLACE] = { NC_("distribution family", "Laplace"), { "μ", "<i>b</i>" } },
  [SD_FAMILY_CAUCHY] = { NC_("distribution family", "Cauchy"), { "<i>x</i><sub>0</sub>", "γ" } },
  [SD_FAMILY_LOGNORMAL] = { NC_("distribution family", "log-normal"), { "μ", "σ" } },
  [SD_FAMILY_LOGISTIC] = { NC_("distribution family", "logistic"), { "μ", "<i>s</i>" } },
  [SD_FAMILY_WEIBULL] = { NC_("distribution family", "Weibull"), { "<i>k</i>", "λ" } },
  [SD_FAMILY_BINOMIAL] = { NC_("distribution family", "binomial"), { "<i>n</i>", "<i>p</i>" } },
  [SD_FAMILY_POISSON] = { NC_("distribution family", "Poisson"), { "λ" } },
  [SD_FAMILY_BERNOULLI] = { NC_("distribution family", "Bernoulli"), { "<i>p</i>" } },
  [SD_FAMILY_GEOMETRIC] = { NC_("distribution family", "geometric"), { "<i>p</i>" } },
  [SD_FAMILY_NEGATIVE_BINOMIAL] = { NC_("distribution family", "negative binomial"),
                                    { "<i>n</i>", "<i>p</i>" } },
  /* Matched against group names only: legends never name this family. */
  [SD_FAMILY_BIVARIATE_NORMAL] = { "bivariate normal", { NULL } },
};

static void
append_count (GString *out,
              guint64  count)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_COUNT);
  sd_number_append (out, &format, (double) count);
}

static void
append_parameters (GString                   *out,
                   const SdDistributionCurve *curve)
{
  const double *v = curve->source->values;

  if (curve->bivariate != NULL)
    {
      g_string_append (out, "μ = (");
      append_number (out, v[0]);
      g_string_append (out, ", ");
      append_number (out, v[1]);
      g_string_append (out, "), Σ = (");
      append_number (out, v[2]);
      g_string_append (out, ", ");
      append_number (out, v[3]);
      g_string_append (out, "; ");
      append_number (out, v[3]);
      g_string_append (out, ", ");
      append_number (out, v[4]);
      g_string_append (out, ")");
      return;
    }

  for (guint i = 0; i < sd_family_get_n_parameters (curve->family); i++)
    {
      g_string_append_printf (out, "%s%s = ", i > 0 ? ", " : "",
                              family_labels[curve->family].symbols[i]);
      append_number (out, sd_distribution_get_parameter (curve->distribution, i));
    }
}

/* How many samples the legend entry counts, or NULL when there are none. */
static char *
samples_text (const SdDistributionCurve *curve)
{
  g_autoptr(GString) total = NULL;

  if (curve->n_samples == 0)
    return NULL;

  total = g_string_new (NULL);
  append_count (total, curve->n_samples);
  if (curve->bivariate != NULL && curve->n_scatter < curve->n_samples)
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      append_count (shown, curve->n_scatter);
      /* Translators: in a legend, how many of its samples a scatter shows,
       * such as "5000 of 1 000 000 samples"; the plural follows the second
       * number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s sample", "%s of %s samples",
                                           curve->n_samples),
                              shown->str, total->str);
    }

  /* Translators: in a legend, how many samples were drawn, such as "1000
   * samples" or "10 000 samples" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s sample", "%s samples",
                                       curve->n_samples),
                          total->str);
}

/**
 * sd_distribution_curve_get_label:
 * @curve: a distribution of a figure
 *
 * Its legend entry, e.g. "N (normal, μ = 0, σ = 1; 1000 samples)": the
 * group's name, then what it is, without repeating the family when the
 * name already is the family, nor for bivariate normals, which have a
 * figure of their own. A bivariate normal's scatter says how many of its
 * samples it shows when it cannot show all.
 *
 * Returns: (transfer full): the label in Pango markup
 */
char *
sd_distribution_curve_get_label (const SdDistributionCurve *curve)
{
  const char *title, *name, *family;
  g_autofree char *escaped = NULL;
  g_autofree char *samples = NULL;
  g_autoptr(GString) parameters = NULL;
  gboolean named_as_family;

  g_return_val_if_fail (curve != NULL, NULL);

  title = family_labels[curve->family].title;
  name = curve->source->name != NULL ? curve->source->name : "";
  family = curve->source->family != NULL ? curve->source->family : "";
  escaped = g_markup_escape_text (name, -1);
  named_as_family = g_ascii_strcasecmp (name, title) == 0
                    || g_ascii_strcasecmp (name, family) == 0;

  parameters = g_string_new (NULL);
  append_parameters (parameters, curve);
  samples = samples_text (curve);

  /* The plane figure shows only bivariate normals: no need to say so. */
  if (!named_as_family && curve->bivariate == NULL)
    {
      title = g_dpgettext2 (GETTEXT_PACKAGE, "distribution family", title);
      if (samples != NULL)
        /* Translators: a distribution's legend entry, such as "N (normal,
         * μ = 0, σ = 1; 1000 samples)": its name, its family, its
         * parameters, and how many samples were drawn */
        return g_strdup_printf (C_("legend entry", "%s (%s, %s; %s)"),
                                escaped, title, parameters->str, samples);
      /* Translators: a distribution's legend entry, such as "N (normal,
       * μ = 0, σ = 1)": its name, its family and its parameters */
      return g_strdup_printf (C_("legend entry", "%s (%s, %s)"),
                              escaped, title, parameters->str);
    }

  if (samples != NULL)
    /* Translators: a distribution's legend entry when its name already
     * says the family, such as "Normal (μ = 0, σ = 1; 1000 samples)": its
     * name, its parameters, and how many samples were drawn */
    return g_strdup_printf (C_("legend entry", "%s (%s; %s)"),
                            escaped, parameters->str, samples);
  /* Translators: a distribution's legend entry when its name already says
   * the family, such as "Normal (μ = 0, σ = 1)": its name and its
   * parameters */
  return g_strdup_printf (C_("legend entry", "%s (%s)"), escaped, parameters->str);
}

/* Colours --------------------------------------------------------------- */

/**
 * sd_distribution_curve_get_color:
 * @curve: a distribution of a figure
 * @theme: the theme it is drawn in
 * @rgba: (out caller-allocates) (array fixed-size=4): its colour, opaque
 *
 * The scene's colour for the distribution, or else the palette's colour
 * for its position.
 */
void
sd_distribution_curve_get_color (const SdDistributionCurve *curve,
                                 SdTheme                    theme,
                                 double                     rgba[4])
{
  g_return_if_fail (curve != NULL);
  g_return_if_fail (rgba != NULL);

  if (curve->source->has_color)
    {
      memcpy (rgba, curve->source->color, 3 * sizeof (double));
      rgba[3] = 1.0;
      return;
    }

  sd_palette_color (theme, curve->index, rgba);
}

static void
color_with_alpha (const double rgba[4],
                  double       alpha,
                  double       out[4])
{
  memcpy (out, rgba, 3 * sizeof (double));
  out[3] = rgba[3] * alpha;
}

static gboolean
shows_density (const SdDistributionCurve *curve)
{
  return (curve->source->layers & (SD_LAYER_PDF | SD_LAYER_HISTOGRAM)) != 0;
}

static gboolean
shows_cdf (const SdDistributionCurve *curve)
{
  return (curve->source->layers & SD_LAYER_CDF) != 0;
}

static gboolean
shows_interval (const SdDistributionCurve *curve)
{
  return (curve->source->layers & SD_LAYER_INTERVAL) && !isnan (curve->probability);
}

/* An interval is shaded under the density, unless the distribution shows
 * only its distribution function: then it is marked there. */
static gboolean
interval_on_cdf (const SdDistributionCurve *curve)
{
  return shows_interval (curve) && !shows_density (curve) && shows_cdf (curve);
}

static gboolean
is_discrete (const SdDistributionCurve *curve)
{
  return curve->distribution != NULL && sd_distribution_is_discrete (curve->distribution);
}

/**
 * sd_distribution_figure_create_legend:
 * @self: a figure's data
 * @style: the style it is drawn in
 *
 * The legend: one entry per distribution, drawn as its data is (a line,
 * dashed when only its distribution function shows on a second axis; a
 * dot for stems; a swatch for a histogram alone).
 *
 * Returns: (transfer full): the legend
 */
SdLegend *
sd_distribution_figure_create_legend (const SdDistributionFigure *self,
                                      const SdThemeStyle         *style)
{
  SdLegend *legend;
  gboolean any_density = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  for (guint i = 0; i < self->curves->len; i++)
    any_density |= shows_density (g_ptr_array_index (self->curves, i));

  legend = sd_legend_new ();
  for (guint i = 0; i < self->curves->len; i++)
    {
      const SdDistributionCurve *curve = g_ptr_array_index (self->curves, i);
      SdDistributionLayers layers = curve->source->layers;
      g_autofree char *markup = sd_distribution_curve_get_label (curve);
      SdLegendEntry entry = { .markup = markup, .line_width = style->line_width };

      sd_distribution_curve_get_color (curve, style->theme, entry.color);

      if (curve->bivariate != NULL)
        {
          entry.marker = (layers & SD_LAYER_HISTOGRAM) ? SD_MARKER_CIRCLE : SD_MARKER_NONE;
        }
      else if (!(layers & (SD_LAYER_PDF | SD_LAYER_CDF)) && (layers & SD_LAYER_HISTOGRAM))
        {
          color_with_alpha (entry.color, BAR_ALPHA, entry.color);
          entry.filled = TRUE;
          entry.line_width = 0.0;
        }
      else if (!(layers & SD_LAYER_PDF) && (layers & SD_LAYER_CDF) && any_density)
        {
          entry.dashes[0] = 2.5 * style->line_width;
          entry.dashes[1] = 1.5 * style->line_width;
          entry.n_dashes = 2;
        }
      else if ((layers & SD_LAYER_PDF) && is_discrete (curve))
        {
          entry.marker = SD_MARKER_CIRCLE;
        }

      sd_legend_add (legend, &entry);
    }

  return legend;
}

/* Drawing: shared ---------------------------------------------------------- */

typedef struct
{
  SdDistributionFigure *figure;
  const SdThemeStyle   *style;
  SdPlot               *plot;
  cairo_rectangle_t     area;
  double                view[2];      /* the x range shown */
  gboolean              density_axis; /* densities on the main axis; else the cdf */
  gboolean              twin;         /* distribution functions on a right axis */
  double                y_top;        /* the main axis' top */
  double                cdf_range[2]; /* where distribution functions are read */
  guint                 n_stems;      /* discrete distributions drawn as stems */
  guint                *stem_slot;    /* each one's place among them */
  double                busy_top[N_BUSY_SLICES];
  GArray               *boxes;        /* (element-type cairo_rectangle_t) labels drawn */
  GArray               *busy_extra;   /* (element-type cairo_rectangle_t) dots */
  gboolean              any_histogram;
  gboolean             *interval_row;  /* whose interval label sits in a row */
  double               *interval_width; /* and how wide it is */
  double                rows_top;      /* where the rows of labels start */
  SdLegend             *legend;
  SdLegendPlacement     placement;    /* the legend's corner, or AUTO */
  cairo_rectangle_t     legend_predicted; /* where it will be when not AUTO */
  SdTicks               cdf_ticks;    /* the right axis */
  GPtrArray            *cdf_labels;
  PangoLayout          *cdf_title;
  double                cdf_labels_width;
} Render;

static void
render_clear (Render *r)
{
  g_clear_pointer (&r->stem_slot, g_free);
  g_clear_pointer (&r->interval_row, g_free);
  g_clear_pointer (&r->interval_width, g_free);
  g_clear_pointer (&r->legend, sd_legend_free);
  g_clear_pointer (&r->boxes, g_array_unref);
  g_clear_pointer (&r->busy_extra, g_array_unref);
  g_clear_pointer (&r->cdf_labels, g_ptr_array_unref);
  g_clear_object (&r->cdf_title);
}

/* Translucent fills of the same alpha look fainter on a dark background,
 * where a colour's lightness differs less from the background's. */
static double
fill_alpha (Render *r,
            double  alpha)
{
  return r->style->theme == SD_THEME_DARK ? MIN (1.5 * alpha, 1.0) : alpha;
}

static SdDistributionCurve *
curve_at (Render *r,
          guint   index)
{
  return g_ptr_array_index (r->figure->curves, index);
}

static void
curve_color (Render                    *r,
             const SdDistributionCurve *curve,
             double                     rgba[4])
{
  sd_distribution_curve_get_color (curve, r->style->theme, rgba);
}

static void
mark_busy (Render *r,
           double  px0,
           double  px1,
           double  py)
{
  double slice = r->area.width / N_BUSY_SLICES;
  int first, last;

  if (!(slice > 0.0) || isnan (px0) || isnan (px1) || isnan (py))
    return;

  first = (int) floor ((MIN (px0, px1) - r->area.x) / slice);
  last = (int) floor ((MAX (px0, px1) - r->area.x) / slice);
  first = MAX (first, 0);
  last = MIN (last, N_BUSY_SLICES - 1);
  for (int s = first; s <= last; s++)
    r->busy_top[s] = MIN (r->busy_top[s], MAX (py, r->area.y));
}

static void
add_box (Render                  *r,
         const cairo_rectangle_t *box)
{
  g_array_append_val (r->boxes, *box);
}

static gboolean
overlaps (const cairo_rectangle_t *a,
          const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
overlaps_boxes (Render                  *r,
                const cairo_rectangle_t *box)
{
  for (guint i = 0; i < r->boxes->len; i++)
    {
      if (overlaps (box, &g_array_index (r->boxes, cairo_rectangle_t, i)))
        return TRUE;
    }
  return FALSE;
}

/* The legend avoids the columns under the data and the labels. */
static GArray *
busy_rectangles (Render *r)
{
  GArray *busy = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  double slice = r->area.width / N_BUSY_SLICES;
  double bottom = r->area.y + r->area.height;

  for (guint s = 0; s < N_BUSY_SLICES; s++)
    {
      cairo_rectangle_t column = { r->area.x + s * slice, r->busy_top[s], slice, 0.0 };

      column.height = bottom - column.y;
      if (column.height > 0.0)
        g_array_append_val (busy, column);
    }
  g_array_append_vals (busy, r->boxes->data, r->boxes->len);
  if (r->busy_extra != NULL)
    g_array_append_vals (busy, r->busy_extra->data, r->busy_extra->len);
  return busy;
}

static void
draw_legend (Render  *r,
             cairo_t *cr,
             GArray  *busy)
{
  if (r->legend == NULL)
    r->legend = sd_distribution_figure_create_legend (r->figure, r->style);

  sd_legend_set_placement (r->legend, r->placement);
  sd_legend_draw (r->legend, cr, r->style, &r->area, (const cairo_rectangle_t *) busy->data,
                  busy->len, &r->figure->legend_box);
}

static double
device_pixels_per_point (cairo_t *cr)
{
  double dx = 1.0, dy = 0.0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return MAX (hypot (dx, dy), 1e-6);
}

/* Adds a line through the points, which go from left to right. Of the
 * points that fall in one device pixel column only the first, the lowest,
 * the highest and the last are kept: the drawing is the same, and a path
 * has at most four points per column however many the data has. */
static void
add_polyline (cairo_t      *cr,
              const double *px,
              const double *py,
              gsize         n,
              gboolean      join)
{
  double ppd = device_pixels_per_point (cr);
  gsize last = G_MAXSIZE;
  gsize i = 0;

  while (i < n)
    {
      double column = floor (px[i] * ppd);
      gsize j = i, lo = i, hi = i;
      gsize picks[4];

      for (; j < n && floor (px[j] * ppd) == column; j++)
        {
          if (py[j] < py[lo])
            lo = j;
          if (py[j] > py[hi])
            hi = j;
        }

      picks[0] = i;
      picks[1] = MIN (lo, hi);
      picks[2] = MAX (lo, hi);
      picks[3] = j - 1;
      for (guint k = 0; k < G_N_ELEMENTS (picks); k++)
        {
          if (picks[k] == last)
            continue;
          if (last == G_MAXSIZE && !join)
            cairo_move_to (cr, px[picks[k]], py[picks[k]]);
          else
            cairo_line_to (cr, px[picks[k]], py[picks[k]]);
          last = picks[k];
        }
      i = j;
    }
}

/* A label on a rounded plate of the background colour, framed in @frame,
 * so that it reads over curves, bars and dots. */
static void
draw_plate (Render                  *r,
            cairo_t                 *cr,
            PangoLayout             *layout,
            const cairo_rectangle_t *box,
            const double             frame[4],
            const double             text[4])
{
  double pad = PLATE_PADDING * r->style->font_size;
  double background[4];

  memcpy (background, r->style->background, sizeof background);
  background[3] = PLATE_ALPHA;

  cairo_save (cr);
  sd_rounded_rectangle (cr, box, pad);
  sd_set_source_color (cr, background);
  cairo_fill_preserve (cr);
  if (frame != NULL)
    {
      cairo_set_line_width (cr, r->style->axis_line_width);
      sd_set_source_color (cr, frame);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  sd_set_source_color (cr, text);
  sd_text_draw (cr, layout, box->x + pad, box->y + pad, SD_TEXT_LEFT, SD_TEXT_TOP, 0.0);
  cairo_restore (cr);
}

/* The plate around @layout when its centre is at (@cx, @cy). */
static void
plate_box (Render            *r,
           PangoLayout       *layout,
           double             cx,
           double             cy,
           cairo_rectangle_t *box)
{
  double pad = PLATE_PADDING * r->style->font_size;
  double width, height;

  sd_text_get_size (layout, &width, &height, NULL);
  box->width = width + 2 * pad;
  box->height = height + 2 * pad;
  box->x = cx - box->width / 2;
  box->y = cy - box->height / 2;
}

/* Moves @box inside the plot area, and off the labels drawn before it:
 * upwards first, downwards when the top is reached. */
static void
settle_box (Render            *r,
            cairo_rectangle_t *box)
{
  double gap = LABEL_GAP * r->style->font_size;
  double start;

  box->x = CLAMP (box->x, r->area.x + gap, r->area.x + r->area.width - gap - box->width);
  box->y = CLAMP (box->y, r->area.y + gap, r->area.y + r->area.height - gap - box->height);
  start = box->y;

  while (overlaps_boxes (r, box) && box->y - box->height - gap >= r->area.y)
    box->y -= box->height / 2;

  if (overlaps_boxes (r, box))
    {
      box->y = start;
      while (overlaps_boxes (r, box)
             && box->y + 1.5 * box->height + gap <= r->area.y + r->area.height)
        box->y += box->height / 2;
    }
}

/* Drawing the univariate figure -------------------------------------------- */

static double
clamp_density (Render *r,
               double  y)
{
  if (isnan (y))
    return 0.0;
  return CLAMP (y, 0.0, CLAMP_RANGES * r->y_top);
}

static double
map_x (Render *r,
       double  x)
{
  double px;

  sd_plot_map (r->plot, x, r->density_axis ? 0.0 : r->cdf_range[0], &px, NULL);
  return px;
}

static double
map_density (Render *r,
             double  y)
{
  double py;

  sd_plot_map (r->plot, r->view[0], clamp_density (r, y), NULL, &py);
  return py;
}

static double
map_cdf (Render *r,
         double  f)
{
  return r->area.y + r->area.height * (r->cdf_range[1] - f) / (r->cdf_range[1] - r->cdf_range[0]);
}

/* Whether the density grows without bound at an end of the range:
 * gamma with shape < 1, chi-squared with 1 degree of freedom, beta with a
 * parameter below 1, at the end of their support. */
static gboolean
is_unbounded (const SdDistributionCurve *curve)
{
  const double *range = curve->source->x_range;
  double lower, upper;

  if (is_discrete (curve))
    return FALSE;

  for (gsize i = 0; i < curve->n_points; i++)
    {
      if (!isfinite (curve->density[i]))
        return TRUE;
    }

  sd_distribution_get_support (curve->distribution, &lower, &upper);
  return (isfinite (lower) && lower >= range[0] && lower <= range[1]
          && !isfinite (sd_distribution_pdf (curve->distribution, lower)))
         || (isfinite (upper) && upper >= range[0] && upper <= range[1]
             && !isfinite (sd_distribution_pdf (curve->distribution, upper)));
}

/* The highest histogram bar, as a density. */
static double
histogram_peak (const SdDistributionCurve *curve)
{
  double peak = 0.0;

  if (curve->histogram == NULL || curve->n_samples == 0)
    return 0.0;

  for (guint i = 0; i < sd_histogram_get_n_bins (curve->histogram); i++)
    {
      double lower, upper;

      sd_histogram_get_bin (curve->histogram, i, &lower, &upper);
      peak = MAX (peak, sd_histogram_get_count (curve->histogram, i)
                        / ((double) curve->n_samples * (upper - lower)));
    }
  return peak;
}

/* The top of what a figure shows of @curve's density: its highest value
 * and highest bar; an unbounded density is cut at DENSITY_CUT times its
 * peak away from the ends, and its bars with it. */
static double
curve_peak (const SdDistributionCurve *curve)
{
  gsize n = curve->n_points;
  gsize edge = (gsize) ceil (EDGE_FRACTION * n);
  gboolean drawn = (curve->source->layers & SD_LAYER_PDF) || shows_interval (curve);
  double all = 0.0, inner = 0.0;

  for (gsize i = 0; drawn && i < n; i++)
    {
      double y = curve->density[i];

      if (!isfinite (y))
        continue;
      all = MAX (all, y);
      if (i >= edge && i + edge < n)
        inner = MAX (inner, y);
    }

  if (is_unbounded (curve))
    {
      double cut = DENSITY_CUT * (drawn ? inner : histogram_peak (curve));

      return MIN (MAX (all, histogram_peak (curve)), cut);
    }

  return MAX (all, histogram_peak (curve));
}

static double
main_axis_top (Render *r)
{
  double peak = 0.0;

  if (!r->density_axis)
    return CDF_MAX;

  for (guint i = 0; i < r->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);

      /* A distribution function alone is read on the other axis. */
      if (shows_cdf (curve) && !shows_density (curve) && !shows_interval (curve))
        continue;
      peak = MAX (peak, curve_peak (curve));
    }

  return peak > 0.0 && isfinite (peak) ? TOP_MARGIN * peak : 1.0;
}

/* The x range: every distribution's, with half a unit and a little more
 * beside the outer whole numbers of discrete ones, whose stems and bars
 * would otherwise sit on the frame. */
static void
x_view (Render *r)
{
  r->view[0] = INFINITY;
  r->view[1] = -INFINITY;

  for (guint i = 0; i < r->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);
      const double *range = curve->source->x_range;

      r->view[0] = MIN (r->view[0], range[0]);
      r->view[1] = MAX (r->view[1], range[1]);
      if (is_discrete (curve) && curve->n_points > 0)
        {
          double first = curve->x[0], last = curve->x[curve->n_points - 1];
          double pad = 0.6 + 0.02 * (last - first);

          r->view[0] = MIN (r->view[0], first - pad);
          r->view[1] = MAX (r->view[1], last + pad);
        }
    }
}

static gboolean
has_moments (Render                    *r,
             const SdDistributionCurve *curve)
{
  return (curve->source->layers & SD_LAYER_MOMENTS) && isfinite (curve->mean)
         && curve->mean >= r->view[0] && curve->mean <= r->view[1];
}

static double
label_row_height (Render *r)
{
  return (1.25 + LABEL_GAP) * r->style->font_size;
}

static double
plate_row_height (Render *r)
{
  return (1.25 + 2 * PLATE_PADDING + LABEL_GAP) * r->style->font_size;
}

static guint
count_moment_rows (Render *r)
{
  guint rows = 0;

  for (guint i = 0; i < r->figure->curves->len; i++)
    rows += has_moments (r, curve_at (r, i));
  return rows;
}

/* The height of the rows of labels above the data: one row of moment
 * labels per distribution, then one per interval label that does not fit
 * in its shaded area. */
static double
rows_height (Render *r)
{
  double height = count_moment_rows (r) * label_row_height (r);

  for (guint i = 0; i < r->figure->curves->len; i++)
    height += r->interval_row[i] ? plate_row_height (r) : 0.0;
  return height;
}

static void
classify (Render *r)
{
  gboolean any_density = FALSE, any_cdf = FALSE;

  r->stem_slot = g_new0 (guint, MAX (r->figure->curves->len, 1));
  r->interval_row = g_new0 (gboolean, MAX (r->figure->curves->len, 1));
  r->interval_width = g_new0 (double, MAX (r->figure->curves->len, 1));
  for (guint i = 0; i < r->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);

      any_density |= shows_density (curve) || (shows_interval (curve) && !interval_on_cdf (curve));
      any_cdf |= shows_cdf (curve);
      r->any_histogram |= curve->histogram != NULL;
      if (is_discrete (curve) && (curve->source->layers & SD_LAYER_PDF))
        r->stem_slot[i] = r->n_stems++;
    }

  r->density_axis = any_density || !any_cdf;
  r->twin = r->density_axis && any_cdf;
}

/* The right axis of distribution functions: its labels and title, and
 * the room they need right of the plot. */
static double
prepare_right_axis (Render  *r,
                    cairo_t *cr)
{
  const SdThemeStyle *style = r->style;
  double em = style->font_size, title_height;
  /* Translators: the title of the right axis of distribution functions,
   * whose curves are dashed; %s is the formula F(x) = P(X ≤ x) */
  g_autofree char *title = g_strdup_printf (_("%s, dashed"), CDF_TITLE);

  sd_ticks_compute (&r->cdf_ticks, SD_SCALE_LINEAR, 0.0, 1.0, 6, FALSE);
  r->cdf_labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < r->cdf_ticks.n; i++)
    {
      g_autofree char *markup = sd_ticks_get_label (&r->cdf_ticks, i);
      PangoLayout *layout = sd_text_layout_new (cr, style, SD_TEXT_BODY, markup);
      double width;

      sd_text_get_size (layout, &width, NULL, NULL);
      r->cdf_labels_width = MAX (r->cdf_labels_width, width);
      g_ptr_array_add (r->cdf_labels, layout);
    }

  r->cdf_title = sd_text_layout_new (cr, style, SD_TEXT_LABEL, title);
  sd_text_get_size (r->cdf_title, NULL, &title_height, NULL);

  /* The plot keeps its own padding on the right, which this room then
   * adds to. */
  return style->tick_length + RIGHT_TICK_LABEL_GAP * em + r->cdf_labels_width
         + RIGHT_TITLE_GAP * em + title_height;
}

static void
draw_right_axis (Render  *r,
                 cairo_t *cr)
{
  const SdThemeStyle *style = r->style;
  double em = style->font_size;
  double x = r->area.x + r->area.width, y;

  sd_snap_to_pixels (cr, style->axis_line_width, &x, NULL);

  cairo_save (cr);
  cairo_set_line_width (cr, style->axis_line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  sd_set_source_color (cr, style->axis);
  for (guint i = 0; i < r->cdf_ticks.n; i++)
    {
      y = map_cdf (r, r->cdf_ticks.values[i]);
      sd_snap_to_pixels (cr, style->axis_line_width, NULL, &y);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + style->tick_length, y);
    }
  cairo_stroke (cr);

  sd_set_source_color (cr, style->foreground);
  for (guint i = 0; i < r->cdf_ticks.n; i++)
    sd_text_draw (cr, g_ptr_array_index (r->cdf_labels, i),
                  x + style->tick_length + RIGHT_TICK_LABEL_GAP * em,
                  map_cdf (r, r->cdf_ticks.values[i]), SD_TEXT_LEFT, SD_TEXT_MIDDLE, 0.0);

  /* Read from bottom to top like the left axis' title, its top towards
   * the plot. */
  pango_layout_set_width (r->cdf_title, MAX (1.0, r->area.height) * PANGO_SCALE);
  pango_layout_set_ellipsize (r->cdf_title, PANGO_ELLIPSIZE_END);
  sd_text_draw (cr, r->cdf_title,
                x + style->tick_length + (RIGHT_TICK_LABEL_GAP + RIGHT_TITLE_GAP) * em
                + r->cdf_labels_width,
                r->area.y + r->area.height / 2, SD_TEXT_CENTER, SD_TEXT_TOP, -G_PI / 2);
  cairo_restore (cr);
}

/* Marks where the data will be, before drawing it, for the choice of the
 * legend's corner. */
static void
measure_data (Render *r)
{
  for (guint s = 0; s < N_BUSY_SLICES; s++)
    r->busy_top[s] = r->area.y + r->area.height;

  for (guint i = 0; i < r->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);
      gboolean density = r->density_axis
                         && ((curve->source->layers & SD_LAYER_PDF) || shows_interval (curve));

      if (r->density_axis && curve->histogram != NULL && curve->n_samples > 0)
        {
          for (guint j = 0; j < sd_histogram_get_n_bins (curve->histogram); j++)
            {
              double lower, upper;

              sd_histogram_get_bin (curve->histogram, j, &lower, &upper);
              mark_busy (r, map_x (r, lower), map_x (r, upper),
                         map_density (r, sd_histogram_get_count (curve->histogram, j)
                                         / ((double) curve->n_samples * (upper - lower))));
            }
        }

      for (gsize j = 0; j < curve->n_points; j++)
        {
          double px = map_x (r, curve->x[j]);
          double next = j + 1 < curve->n_points ? map_x (r, curve->x[j + 1]) : px;

          if (density)
            mark_busy (r, px, px, map_density (r, curve->density[j]));
          if (shows_cdf (curve))
            mark_busy (r, px, is_discrete (curve) ? next : px, map_cdf (r, curve->cumulative[j]));
        }
    }
}

/* Whether a moment label of @curve may fall in the columns @x0 to @x1. */
static gboolean
moment_label_within (Render                    *r,
                     const SdDistributionCurve *curve,
                     double                     x0,
                     double                     x1)
{
  /* The labels' widths, "μ − σ" at most, taken generously. */
  double half = 1.8 * r->style->font_size;

  for (int k = -1; k <= 1; k++)
    {
      double x = curve->mean + k * curve->sd;
      double px;

      if (!isfinite (x) || x < r->view[0] || x > r->view[1])
        continue;
      px = map_x (r, x);
      if (px + half > x0 && px - half < x1)
        return TRUE;
    }
  return FALSE;
}

/* The span of the visible part of @curve's interval, in points. */
static void
interval_span (Render                    *r,
               const SdDistributionCurve *curve,
               double                    *px0,
               double                    *px1)
{
  *px0 = map_x (r, MAX (curve->source->interval[0], r->view[0]));
  *px1 = map_x (r, MIN (curve->source->interval[1], r->view[1]));
}

/* Whether a label in the rows above the data may fall in the columns @x0
 * to @x1. */
static gboolean
labels_within (Render *r,
               double  x0,
               double  x1)
{
  for (guint i = 0; i < r->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);

      if (has_moments (r, curve) && moment_label_within (r, curve, x0, x1))
        return TRUE;

      if (r->interval_row[i])
        {
          double a, b, half = r->interval_width[i] / 2 + PLATE_PADDING * r->style->font_size;

          interval_span (r, curve, &a, &b);
          if ((a + b) / 2 + half > x0 && (a + b) / 2 - half < x1)
            return TRUE;
        }
    }
  return FALSE;
}

/* Which interval labels go in a row above the data: those that do not fit
 * well inside their shaded area (stems have none). */
static void
place_interval_labels (Render  *r,
                       cairo_t *cr)
{
  double em = r->style->font_size;

  for (guint i = 0; i < r->figure->curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);
      g_autofree char *markup = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double a, b, mid, height, inside;

      if (!shows_interval (curve) || interval_on_cdf (curve) || !r->density_axis)
        continue;

      markup = sd_distribution_interval_markup (curve->source->interval[0],
                                                curve->source->interval[1], curve->probability);
      layout = sd_text_layout_new (cr, r->style, SD_TEXT_BODY, markup);
      sd_text_get_size (layout, &r->interval_width[i], &height, NULL);
      interval_span (r, curve, &a, &b);
      mid = (MAX (curve->source->interval[0], r->view[0])
             + MIN (curve->source->interval[1], r->view[1])) / 2;
      inside = is_discrete (curve) ? 0.0
               : map_density (r, 0.0) - map_density (r, sd_distribution_pdf (curve->distribution,
                                                                             mid));
      /* A label may reach a little beyond the shaded area on either side;
       * its plate keeps it legible over whatever is there. */
      r->interval_row[i] = !(inside > 4.0 * height
                             && 1.6 * (b - a) + 2 * em > r->interval_width[i]);
    }
}

/* How much the y range must grow so that the data stays below the rows of
 * moment labels at the top, and below the legend in @box when there is
 * one: its columns' data below the legend, and below the label rows that
 * move under the legend. */
static double
required_stretch (Render                  *r,
                  const cairo_rectangle_t *box)
{
  double height = r->area.height, bottom = r->area.y + height;
  /* Dots on stems reach half a marker above their value. */
  double clearance = 0.5 * r->style->marker_size + 0.8 * r->style->font_size;
  double rows = rows_height (r);
  double slice = r->area.width / N_BUSY_SLICES;
  double peak = 0.0, span = 0.0, depth, under = 0.0, stretch;

  for (guint s = 0; s < N_BUSY_SLICES; s++)
    {
      double x0 = r->area.x + s * slice;

      peak = MAX (peak, bottom - r->busy_top[s]);
      if (box != NULL && x0 + slice > box->x && x0 < box->x + box->width)
        span = MAX (span, bottom - r->busy_top[s]);
    }

  if (rows > 0.0)
    rows += clearance;
  if (!(height > 2.0 * rows))
    return 1.0;
  stretch = MAX (1.0, peak / (height - rows));
  if (box == NULL)
    return stretch;

  if (labels_within (r, box->x, box->x + box->width))
    under = rows;
  depth = box->y + box->height - r->area.y + clearance + under;
  if (!(height > 2.0 * depth))
    return INFINITY;
  return MAX (stretch, span / (height - depth));
}

/* Where sd_legend_draw() puts a legend of @width x @height in @placement. */
static void
legend_box_at (Render            *r,
               SdLegendPlacement  placement,
               double             width,
               double             height,
               cairo_rectangle_t *box)
{
  double inset = LEGEND_INSET * r->style->font_size;

  box->width = width;
  box->height = height;
  box->x = placement == SD_LEGEND_TOP_LEFT ? r->area.x + inset
                                           : r->area.x + r->area.width - inset - width;
  box->y = r->area.y + inset;
}

/* Densities start at the frame, as bars stand on it; distribution
 * functions alone start a little below it, so that where they are 0 they
 * show instead of hiding in the frame. */
static void
set_y_range (Render *r,
             double  top,
             double  stretch)
{
  r->y_top = top * stretch;
  r->cdf_range[0] = r->density_axis ? 0.0 : -CDF_MARGIN * r->y_top;
  r->cdf_range[1] = r->density_axis ? CDF_MAX * stretch : r->y_top;
  sd_plot_set_axis (r->plot, SD_AXIS_Y, SD_SCALE_LINEAR, r->density_axis ? 0.0 : r->cdf_range[0],
                    r->y_top);
}

/* Lays the plot out; then, so that neither the legend nor the labels hide
 * data, puts the legend in the top corner that needs the least headroom
 * above the data, and raises the y range to make that headroom and room
 * for the rows of moment labels. Only when a top corner would take too
 * much of the plot does the legend go where it hides the least. */
static void
layout_univariate (Render  *r,
                   cairo_t *cr,
                   double   width,
                   double   height)
{
  static const SdLegendPlacement corners[] = { SD_LEGEND_TOP_RIGHT, SD_LEGEND_TOP_LEFT };
  double right = r->twin ? prepare_right_axis (r, cr) : 0.0;
  double top = main_axis_top (r);
  double legend_width, legend_height, stretch, best = INFINITY;

  width = MAX (width - right, 0.0);
  sd_plot_set_axis (r->plot, SD_AXIS_X, SD_SCALE_LINEAR, r->view[0], r->view[1]);
  set_y_range (r, top, 1.0);
  sd_plot_layout (r->plot, cr, width, height);
  sd_plot_get_area (r->plot, &r->area);
  place_interval_labels (r, cr);
  measure_data (r);

  sd_legend_measure (r->legend, cr, r->style, &legend_width, &legend_height);
  stretch = required_stretch (r, NULL);
  r->placement = SD_LEGEND_AUTO;
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      cairo_rectangle_t box;
      double needed;

      legend_box_at (r, corners[i], legend_width, legend_height, &box);
      needed = required_stretch (r, &box);
      if (needed < best && needed <= MAX_LEGEND_STRETCH * stretch)
        {
          best = needed;
          r->placement = corners[i];
        }
    }
  if (r->placement != SD_LEGEND_AUTO)
    stretch = best;

  set_y_range (r, top, stretch);
  sd_plot_layout (r->plot, cr, width, height);
  sd_plot_get_area (r->plot, &r->area);
  r->rows_top = r->area.y + LABEL_GAP * r->style->font_size;
  if (r->placement != SD_LEGEND_AUTO)
    {
      cairo_rectangle_t *box = &r->legend_predicted;

      legend_box_at (r, r->placement, legend_width, legend_height, box);
      if (labels_within (r, box->x, box->x + box->width))
        r->rows_top += box->y + box->height - r->area.y;
    }
  for (guint s = 0; s < N_BUSY_SLICES; s++)
    r->busy_top[s] = r->area.y + r->area.height;
}

/* The distance between neighbouring stems of @curve, in points. */
static double
stem_spacing (Render                    *r,
              const SdDistributionCurve *curve)
{
  double unit = r->area.width / (r->view[1] - r->view[0]);
  double step = curve->n_points > 1 ? curve->x[1] - curve->x[0] : 1.0;

  return unit * step / MAX (r->n_stems, 1);
}

/* Too close for stems: the mass is drawn as an outline, like a density. */
static gboolean
is_dense (Render                    *r,
          const SdDistributionCurve *curve)
{
  return is_discrete (curve) && stem_spacing (r, curve) < 1.5 * r->style->line_width;
}

static void
map_curve (Render                    *r,
           const SdDistributionCurve *curve,
           const double              *values,
           gboolean                   cdf,
           double                    *px,
           double                    *py)
{
  for (gsize i = 0; i < curve->n_points; i++)
    {
      px[i] = map_x (r, curve->x[i]);
      py[i] = cdf ? map_cdf (r, values[i]) : map_density (r, values[i]);
      mark_busy (r, px[i], px[i], py[i]);
    }
}

/* Fills under the density between x[from] and x[to - 1], and between the
 * extra end points (x0, y0) and (x1, y1) when those are not NaN. */
static void
fill_under (Render                    *r,
            cairo_t                   *cr,
            const SdDistributionCurve *curve,
            gsize                      from,
            gsize                      to,
            const double               ends[4],
            const double               rgba[4])
{
  g_autofree double *px = g_new (double, to - from + 2);
  g_autofree double *py = g_new (double, to - from + 2);
  double base = map_density (r, 0.0);
  gsize n = 0;

  if (!isnan (ends[0]))
    {
      px[n] = map_x (r, ends[0]);
      py[n++] = map_density (r, ends[1]);
    }
  for (gsize i = from; i < to; i++)
    {
      px[n] = map_x (r, curve->x[i]);
      py[n++] = map_density (r, curve->density[i]);
    }
  if (!isnan (ends[2]))
    {
      px[n] = map_x (r, ends[2]);
      py[n++] = map_density (r, ends[3]);
    }
  if (n < 2)
    return;

  cairo_move_to (cr, px[0], base);
  add_polyline (cr, px, py, n, TRUE);
  cairo_line_to (cr, px[n - 1], base);
  cairo_close_path (cr);
  sd_set_source_color (cr, rgba);
  cairo_fill (cr);
}

static void
draw_histogram (Render                    *r,
                cairo_t                   *cr,
                const SdDistributionCurve *curve)
{
  const SdHistogram *histogram = curve->histogram;
  guint n_bins;
  double rgba[4], fill[4], edge[4];
  double lower, upper, bar, ppd, base;
  guint group;
  gboolean outline_bars;

  if (histogram == NULL || curve->n_samples == 0)
    return;

  n_bins = sd_histogram_get_n_bins (histogram);
  sd_histogram_get_bin (histogram, 0, &lower, &upper);
  bar = map_x (r, upper) - map_x (r, lower);
  ppd = device_pixels_per_point (cr);
  /* Bars narrower than a device pixel are merged, so the path stays as
   * short as the plot is wide; a merged bar's height is its bins' mean
   * density. */
  group = bar * ppd >= 1.0 ? 1 : (guint) ceil (1.0 / (bar * ppd));
  outline_bars = bar * group >= 4.0 * r->style->axis_line_width;
  base = map_density (r, 0.0);

  curve_color (r, curve, rgba);
  color_with_alpha (rgba, fill_alpha (r, BAR_ALPHA), fill);
  color_with_alpha (rgba, BAR_EDGE_ALPHA, edge);

  cairo_save (cr);
  cairo_set_line_width (cr, r->style->axis_line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_bins; i += group)
        {
          guint last = MIN (i + group, n_bins) - 1;
          guint64 count = 0;
          double x0, x1, top;

          for (guint j = i; j <= last; j++)
            count += sd_histogram_get_count (histogram, j);
          sd_histogram_get_bin (histogram, i, &lower, NULL);
          sd_histogram_get_bin (histogram, last, NULL, &upper);
          x0 = map_x (r, lower);
          x1 = map_x (r, upper);
          top = map_density (r, count / ((double) curve->n_samples * (upper - lower)));

          if (pass == 0)
            {
              cairo_rectangle (cr, x0, top, x1 - x0, base - top);
              mark_busy (r, x0, x1, top);
            }
          else if (outline_bars)
            {
              cairo_move_to (cr, x0, base);
              cairo_line_to (cr, x0, top);
              cairo_line_to (cr, x1, top);
              cairo_line_to (cr, x1, base);
            }
          else
            {
              if (i == 0)
                cairo_move_to (cr, x0, top);
              else
                cairo_line_to (cr, x0, top);
              cairo_line_to (cr, x1, top);
            }
        }

      sd_set_source_color (cr, pass == 0 ? fill : edge);
      if (pass == 0)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Whole numbers count from a to b, both included; continuous x strictly
 * between them, since a and b themselves are added exactly. */
static gboolean
inside_interval (const SdDistributionCurve *curve,
                 double                     x,
                 double                     a,
                 double                     b)
{
  if (is_discrete (curve))
    return x >= a && x <= b;
  return x > a && x < b;
}

/* The light fill under a density, and the stronger one between a and b. */
static void
draw_density_fills (Render                    *r,
                    cairo_t                   *cr,
                    const SdDistributionCurve *curve)
{
  const double none[4] = { NAN, NAN, NAN, NAN };
  double rgba[4], fill[4];
  gboolean outline = !is_discrete (curve) || is_dense (r, curve);

  if (curve->n_points == 0 || !r->density_axis)
    return;

  curve_color (r, curve, rgba);
  /* Under bars, or with bars around, a fill would only muddy them. */
  if (outline && (curve->source->layers & SD_LAYER_PDF) && !r->any_histogram)
    {
      color_with_alpha (rgba, fill_alpha (r, FILL_ALPHA), fill);
      fill_under (r, cr, curve, 0, curve->n_points, none, fill);
    }

  if (outline && shows_interval (curve) && !interval_on_cdf (curve))
    {
      const double *interval = curve->source->interval;
      double a = MAX (interval[0], curve->x[0]);
      double b = MIN (interval[1], curve->x[curve->n_points - 1]);
      double ends[4] = { NAN, NAN, NAN, NAN };
      gsize from = 0, to = curve->n_points;

      if (!(a < b))
        return;

      /* A continuous density is shaded from a to b exactly; a dense mass
       * between the whole numbers it has. */
      if (!is_discrete (curve))
        {
          ends[0] = a;
          ends[1] = sd_distribution_pdf (curve->distribution, a);
          ends[2] = b;
          ends[3] = sd_distribution_pdf (curve->distribution, b);
        }
      while (from < to && !inside_interval (curve, curve->x[from], a, b))
        from++;
      while (to > from && !inside_interval (curve, curve->x[to - 1], a, b))
        to--;

      color_with_alpha (rgba, INTERVAL_ALPHA, fill);
      fill_under (r, cr, curve, from, to, ends, fill);

      if (!is_discrete (curve))
        {
          cairo_save (cr);
          cairo_set_line_width (cr, 0.5 * r->style->line_width);
          sd_set_source_color (cr, rgba);
          cairo_move_to (cr, map_x (r, a), map_density (r, 0.0));
          cairo_line_to (cr, map_x (r, a), map_density (r, ends[1]));
          cairo_move_to (cr, map_x (r, b), map_density (r, 0.0));
          cairo_line_to (cr, map_x (r, b), map_density (r, ends[3]));
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

static void
draw_density_curve (Render                    *r,
                    cairo_t                   *cr,
                    const SdDistributionCurve *curve)
{
  g_autofree double *px = NULL;
  g_autofree double *py = NULL;
  double rgba[4], halo[4];

  px = g_new (double, MAX (curve->n_points, 1));
  py = g_new (double, MAX (curve->n_points, 1));
  map_curve (r, curve, curve->density, FALSE, px, py);
  curve_color (r, curve, rgba);

  /* On a halo of the background, so the curve stands out of the shade
   * and the bars of its own colour. */
  memcpy (halo, r->style->background, sizeof halo);
  halo[3] = 0.7;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  add_polyline (cr, px, py, curve->n_points, FALSE);
  cairo_set_line_width (cr, r->style->line_width + 2.0 * r->style->axis_line_width);
  sd_set_source_color (cr, halo);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, r->style->line_width);
  sd_set_source_color (cr, rgba);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static gboolean
in_interval (const SdDistributionCurve *curve,
             double                     k)
{
  return k >= curve->source->interval[0] && k <= curve->source->interval[1];
}

/* Stems from 0 to the mass at each whole number, with a dot on top when
 * they are far enough apart; outside the interval they are faded. */
static void
draw_stems (Render                    *r,
            cairo_t                   *cr,
            const SdDistributionCurve *curve,
            guint                      slot)
{
  double spacing = stem_spacing (r, curve);
  double offset = (slot - (r->n_stems - 1) / 2.0) * spacing;
  double width = MIN (r->style->line_width, 0.45 * spacing);
  gboolean dots = spacing >= 1.3 * r->style->marker_size;
  gboolean fade = shows_interval (curve);
  double base = map_density (r, 0.0);
  double rgba[4], faded[4];

  curve_color (r, curve, rgba);
  color_with_alpha (rgba, FADED_ALPHA, faded);

  cairo_save (cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean faded_pass = pass == 1;

      for (gsize i = 0; i < curve->n_points; i++)
        {
          double px, py;

          gboolean faded_stem = fade && !in_interval (curve, curve->x[i]);

          if (!(curve->density[i] > 0.0) || faded_stem != faded_pass)
            continue;
          px = map_x (r, curve->x[i]) + offset;
          py = map_density (r, curve->density[i]);
          mark_busy (r, px, px, py);
          /* Up to the dot, not under it, where a faded stem would show
           * through the faded dot. */
          if (dots)
            py = MIN (py + 0.5 * r->style->marker_size, base);
          cairo_move_to (cr, px, base);
          cairo_line_to (cr, px, py);
        }
      sd_set_source_color (cr, faded_pass ? faded : rgba);
      cairo_stroke (cr);
    }

  for (gsize i = 0; dots && i < curve->n_points; i++)
    {
      if (curve->density[i] > 0.0)
        sd_marker_draw (cr, r->style, SD_MARKER_CIRCLE, map_x (r, curve->x[i]) + offset,
                        map_density (r, curve->density[i]),
                        fade && !in_interval (curve, curve->x[i]) ? faded : rgba);
    }
  cairo_restore (cr);
}

static void
draw_density (Render                    *r,
              cairo_t                   *cr,
              const SdDistributionCurve *curve,
              guint                      slot)
{
  if (!(curve->source->layers & SD_LAYER_PDF) || curve->n_points == 0 || !r->density_axis)
    return;

  if (is_discrete (curve) && !is_dense (r, curve))
    draw_stems (r, cr, curve, slot);
  else
    draw_density_curve (r, cr, curve);
}

/* Beside stems, a discrete distribution function's risers would run
 * along the stems: only its treads are drawn, from each whole number to
 * the next. */
static void
draw_cdf_treads (Render                    *r,
                 cairo_t                   *cr,
                 const SdDistributionCurve *curve)
{
  double dashes[2] = { 2.5 * r->style->line_width, 1.5 * r->style->line_width };
  double before = sd_distribution_cdf (curve->distribution, curve->x[0] - 1.0);
  double rgba[4];

  curve_color (r, curve, rgba);
  cairo_save (cr);
  cairo_set_line_width (cr, r->style->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dashes, 2, 0.0);
  sd_set_source_color (cr, rgba);
  for (gsize i = 0; i <= curve->n_points; i++)
    {
      double x0 = i == 0 ? r->view[0] : curve->x[i - 1];
      double x1 = i < curve->n_points ? curve->x[i] : r->view[1];
      double py = map_cdf (r, i == 0 ? before : curve->cumulative[i - 1]);

      cairo_move_to (cr, map_x (r, x0), py);
      cairo_line_to (cr, map_x (r, x1), py);
      mark_busy (r, map_x (r, x0), map_x (r, x1), py);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A continuous distribution function as a curve; a discrete one as steps,
 * right-continuous, from the left edge of the plot to its right edge. */
static void
draw_cdf (Render                    *r,
          cairo_t                   *cr,
          const SdDistributionCurve *curve)
{
  gsize n = curve->n_points;
  gboolean steps = is_discrete (curve);
  gsize size = steps ? 2 * n + 2 : n;
  g_autofree double *px = g_new (double, MAX (size, 1));
  g_autofree double *py = g_new (double, MAX (size, 1));
  double rgba[4];
  gsize m = 0;

  if (!shows_cdf (curve) || n == 0)
    return;

  if (steps && r->twin && (curve->source->layers & SD_LAYER_PDF) && !is_dense (r, curve))
    {
      draw_cdf_treads (r, cr, curve);
      return;
    }

  if (steps)
    {
      double before = sd_distribution_cdf (curve->distribution, curve->x[0] - 1.0);

      px[m] = map_x (r, r->view[0]);
      py[m++] = map_cdf (r, before);
      for (gsize i = 0; i < n; i++)
        {
          px[m] = px[m + 1] = map_x (r, curve->x[i]);
          py[m] = map_cdf (r, i > 0 ? curve->cumulative[i - 1] : before);
          py[m + 1] = map_cdf (r, curve->cumulative[i]);
          m += 2;
        }
      px[m] = map_x (r, r->view[1]);
      py[m++] = map_cdf (r, curve->cumulative[n - 1]);
      for (gsize i = 0; i < m; i++)
        mark_busy (r, px[i], i + 1 < m ? px[i + 1] : px[i], py[i]);
    }
  else
    {
      map_curve (r, curve, curve->cumulative, TRUE, px, py);
      m = n;
    }

  curve_color (r, curve, rgba);
  cairo_save (cr);
  cairo_set_line_width (cr, r->style->line_width);
  cairo_set_line_join (cr, steps ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_ROUND);
  if (r->twin)
    {
      double dashes[2] = { 2.5 * r->style->line_width, 1.5 * r->style->line_width };

      cairo_set_dash (cr, dashes, 2, 0.0);
    }
  sd_set_source_color (cr, rgba);
  add_polyline (cr, px, py, m, FALSE);
  cairo_stroke (cr);

  if (steps && !r->twin && n <= MAX_STEP_DOTS && !is_dense (r, curve))
    {
      for (gsize i = 0; i < n; i++)
        sd_marker_draw (cr, r->style, SD_MARKER_CIRCLE, map_x (r, curve->x[i]),
                        map_cdf (r, curve->cumulative[i]), rgba);
    }
  cairo_restore (cr);
}

/* F(a-) and F(b), whose difference is the interval's probability. */
static void
interval_cdf (const SdDistributionCurve *curve,
              double                    *fa,
              double                    *fb)
{
  const double *interval = curve->source->interval;

  if (is_discrete (curve))
    {
      *fa = sd_distribution_cdf (curve->distribution, ceil (interval[0]) - 1.0);
      *fb = sd_distribution_cdf (curve->distribution, floor (interval[1]));
      return;
    }

  *fa = sd_distribution_cdf (curve->distribution, interval[0]);
  *fb = sd_distribution_cdf (curve->distribution, interval[1]);
}

/* Where the arrow showing F(b) − F(a) stands: just right of b, where the
 * distribution function has risen to F(b) and stays above the arrow, so
 * that the arrow and its label right of it keep clear of the curve. */
static double
cdf_bracket_x (Render                    *r,
               const SdDistributionCurve *curve)
{
  double x = map_x (r, MIN (curve->source->interval[1], r->view[1]));

  return MIN (x + 0.8 * r->style->font_size, r->area.x + r->area.width - r->style->font_size);
}

/* A vertical arrow from @y0 to @y1 with heads at both ends, the heads
 * as closed subpaths to fill and the shaft to stroke. */
static void
double_arrow_path (cairo_t *cr,
                   double   x,
                   double   y0,
                   double   y1,
                   double   head)
{
  double length = fabs (y1 - y0), sign = y1 > y0 ? 1.0 : -1.0;

  if (!(length > 0.0))
    return;

  head = MIN (head, 0.4 * length);
  cairo_move_to (cr, x, y0 + 0.8 * head * sign);
  cairo_line_to (cr, x, y1 - 0.8 * head * sign);
  for (guint end = 0; end < 2; end++)
    {
      const SdArrowhead shape = { head, 0.45 * head, 0.0 };
      double tip = end == 0 ? y0 : y1, s = end == 0 ? sign : -sign;

      sd_arrowhead_append (cr, &shape, x, tip, 0.0, -s);
    }
}

/* On a distribution function the interval is the band a ≤ x ≤ b, and its
 * probability the rise F(b) − F(a), marked by guides to the axis. */
static void
draw_cdf_interval (Render                    *r,
                   cairo_t                   *cr,
                   const SdDistributionCurve *curve)
{
  const double *interval = curve->source->interval;
  double rgba[4], band[4], fa, fb;
  double x0, x1;
  double dashes[2] = { 0.5 * r->style->line_width, 1.5 * r->style->line_width };

  if (!interval_on_cdf (curve))
    return;

  interval_cdf (curve, &fa, &fb);
  x0 = map_x (r, MAX (interval[0], r->view[0]));
  x1 = map_x (r, MIN (interval[1], r->view[1]));
  curve_color (r, curve, rgba);
  color_with_alpha (rgba, fill_alpha (r, CDF_BAND_ALPHA), band);

  cairo_save (cr);
  sd_set_source_color (cr, band);
  cairo_rectangle (cr, x0, r->area.y, MAX (x1 - x0, 0.0), r->area.height);
  cairo_fill (cr);

  cairo_set_line_width (cr, 0.5 * r->style->line_width);
  cairo_set_dash (cr, dashes, 2, 0.0);
  sd_set_source_color (cr, rgba);
  cairo_move_to (cr, r->area.x, map_cdf (r, fa));
  cairo_line_to (cr, cdf_bracket_x (r, curve), map_cdf (r, fa));
  cairo_move_to (cr, r->area.x, map_cdf (r, fb));
  cairo_line_to (cr, cdf_bracket_x (r, curve), map_cdf (r, fb));
  cairo_stroke (cr);

  /* The rise itself, an arrow between the guides. */
  cairo_set_dash (cr, NULL, 0, 0.0);
  cairo_set_line_width (cr, 0.75 * r->style->line_width);
  double_arrow_path (cr, cdf_bracket_x (r, curve), map_cdf (r, fa), map_cdf (r, fb),
                     2.5 * r->style->line_width + 3.0 * r->style->scale);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_restore (cr);
}

typedef struct
{
  double       x;
  const char  *markup;
  gboolean     dashed;
  PangoLayout *layout;
  gboolean     labelled;
} MomentMark;

/* μ − σ, μ and μ + σ, the lines there and their labels in the row at
 * @y. The σ labels are left out when they would run into μ's. */
static void
draw_moments (Render                    *r,
              cairo_t                   *cr,
              const SdDistributionCurve *curve,
              double                     y)
{
  MomentMark marks[3] = {
    { curve->mean - curve->sd, "μ − σ", TRUE, NULL, FALSE },
    { curve->mean, "μ", FALSE, NULL, FALSE },
    { curve->mean + curve->sd, "μ + σ", TRUE, NULL, FALSE },
  };
  double em = r->style->font_size;
  double bottom = r->area.y + r->area.height;
  double dashes[2] = { 2.0 * r->style->line_width, 1.5 * r->style->line_width };
  double rgba[4], widths[3] = { 0.0, 0.0, 0.0 }, height = 0.0;
  gboolean sigma_fits;

  curve_color (r, curve, rgba);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      marks[i].layout = sd_text_layout_new (cr, r->style, SD_TEXT_BODY, marks[i].markup);
      sd_text_get_size (marks[i].layout, &widths[i], &height, NULL);
      marks[i].labelled = isfinite (marks[i].x) && marks[i].x >= r->view[0]
                          && marks[i].x <= r->view[1];
    }

  sigma_fits = isfinite (curve->sd)
               && map_x (r, curve->mean + curve->sd) - map_x (r, curve->mean)
                  >= (widths[1] + widths[2]) / 2 + 0.6 * em;
  marks[0].labelled &= sigma_fits;
  marks[2].labelled &= sigma_fits;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.6 * r->style->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  sd_set_source_color (cr, rgba);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      double px;

      if (!isfinite (marks[i].x) || marks[i].x < r->view[0] || marks[i].x > r->view[1])
        continue;

      px = map_x (r, marks[i].x);
      sd_snap_to_pixels (cr, 0.6 * r->style->line_width, &px, NULL);
      cairo_set_dash (cr, dashes, marks[i].dashed ? 2 : 0, 0.0);
      cairo_move_to (cr, px, bottom);
      cairo_line_to (cr, px, marks[i].labelled ? y + height + 0.15 * em : y);
      cairo_stroke (cr);

      if (marks[i].labelled)
        {
          cairo_rectangle_t box;

          sd_text_get_box (marks[i].layout, px, y, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0, &box);
          sd_text_draw (cr, marks[i].layout, px, y, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);
          add_box (r, &box);
        }
    }
  cairo_restore (cr);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    g_object_unref (marks[i].layout);
}

/* The label of an interval: inside the shaded area when it is roomy,
 * above the density (or the distribution function) otherwise. */
static void
draw_interval_label (Render                    *r,
                     cairo_t                   *cr,
                     const SdDistributionCurve *curve,
                     double                     row)
{
  const double *interval = curve->source->interval;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double em = r->style->font_size;
  double a, b, mid, cx, cy, width, height;
  double rgba[4];
  cairo_rectangle_t box;

  if (!shows_interval (curve) || curve->n_points == 0)
    return;

  if (interval_on_cdf (curve) || !r->density_axis)
    markup = interval_rise_markup (curve);
  else
    markup = sd_distribution_interval_markup (interval[0], interval[1], curve->probability);
  layout = sd_text_layout_new (cr, r->style, SD_TEXT_BODY, markup);
  sd_text_get_size (layout, &width, &height, NULL);

  a = MAX (interval[0], r->view[0]);
  b = MIN (interval[1], r->view[1]);
  mid = (a + b) / 2;
  cx = map_x (r, mid);

  if (interval_on_cdf (curve) || !r->density_axis)
    {
      double fa, fb;

      /* Right of the arrow, halfway up the rise. */
      interval_cdf (curve, &fa, &fb);
      cy = (map_cdf (r, fa) + map_cdf (r, fb)) / 2;
      cx = cdf_bracket_x (r, curve) + 0.6 * em + width / 2 + PLATE_PADDING * em;
    }
  else if (!isnan (row))
    {
      cy = row + height / 2 + PLATE_PADDING * em;
    }
  else
    {
      double inside = map_density (r, 0.0)
                      - map_density (r, sd_distribution_pdf (curve->distribution, mid));

      cy = map_density (r, 0.0) - 0.4 * inside;
    }

  plate_box (r, layout, cx, cy, &box);
  settle_box (r, &box);
  curve_color (r, curve, rgba);
  draw_plate (r, cr, layout, &box, rgba, r->style->foreground);
  add_box (r, &box);
}

static void
draw_univariate_data (SdPlot   *plot,
                      cairo_t  *cr,
                      gpointer  user_data)
{
  Render *r = user_data;
  GPtrArray *curves = r->figure->curves;
  double row = r->rows_top;

  for (guint i = 0; i < curves->len; i++)
    {
      if (r->density_axis)
        draw_histogram (r, cr, curve_at (r, i));
    }
  for (guint i = 0; i < curves->len; i++)
    draw_density_fills (r, cr, curve_at (r, i));
  for (guint i = 0; i < curves->len; i++)
    draw_cdf_interval (r, cr, curve_at (r, i));
  for (guint i = 0; i < curves->len; i++)
    {
      if (has_moments (r, curve_at (r, i)))
        {
          draw_moments (r, cr, curve_at (r, i), row);
          row += label_row_height (r);
        }
    }
  for (guint i = 0; i < curves->len; i++)
    draw_cdf (r, cr, curve_at (r, i));
  for (guint i = 0; i < curves->len; i++)
    draw_density (r, cr, curve_at (r, i), r->stem_slot[i]);
  for (guint i = 0; i < curves->len; i++)
    {
      draw_interval_label (r, cr, curve_at (r, i), r->interval_row[i] ? row : NAN);
      if (r->interval_row[i])
        row += plate_row_height (r);
    }
}

static void
draw_background (const SdThemeStyle    *style,
                 cairo_t               *cr,
                 const SdFigureOptions *options)
{
  if (style->transparent)
    return;

  cairo_save (cr);
  sd_set_source_color (cr, style->background);
  cairo_rectangle (cr, 0, 0, options->width, options->height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
set_titles (SdPlot        *plot,
            const SdScene *scene,
            const char    *x_title,
            const char    *y_title)
{
  if (scene->title != NULL && scene->title[0] != '\0')
    {
      g_autofree char *title = g_markup_escape_text (scene->title, -1);

      sd_plot_set_title (plot, title);
    }
  sd_plot_set_axis_title (plot, SD_AXIS_X, x_title);
  sd_plot_set_axis_title (plot, SD_AXIS_Y, y_title);
}

static const char *
y_title (Render *r)
{
  gboolean all_discrete = TRUE;

  if (!r->density_axis)
    return CDF_TITLE;

  for (guint i = 0; i < r->figure->curves->len; i++)
    all_discrete &= is_discrete (curve_at (r, i));
  if (all_discrete)
    /* Translators: the y axis' title when every distribution is discrete */
    return C_("axis title", "probability");
  /* Translators: the y axis' title of probability densities */
  return C_("axis title", "density");
}

static SdPlot *
render_univariate (SdDistributionFigure  *self,
                   cairo_t               *cr,
                   const SdFigureOptions *options,
                   const SdThemeStyle    *style)
{
  Render r = { .figure = self, .style = style };
  g_autoptr(GArray) busy = NULL;

  r.plot = sd_plot_new (style);
  r.boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  r.legend = sd_distribution_figure_create_legend (self, style);
  classify (&r);
  x_view (&r);
  set_titles (r.plot, self->scene, "<i>x</i>", y_title (&r));
  layout_univariate (&r, cr, options->width, options->height);

  draw_background (style, cr, options);
  sd_plot_draw_grid (r.plot, cr);
  if (r.area.width > 0.0 && r.area.height > 0.0)
    {
      cairo_save (cr);
      sd_plot_clip (r.plot, cr);
      draw_univariate_data (r.plot, cr, &r);
      cairo_restore (cr);
    }
  sd_plot_draw_axes (r.plot, cr);
  sd_plot_draw_title (r.plot, cr);
  if (r.twin && r.area.width > 0.0 && r.area.height > 0.0)
    draw_right_axis (&r, cr);

  busy = busy_rectangles (&r);
  if (r.area.width > 0.0 && r.area.height > 0.0)
    draw_legend (&r, cr, busy);

  for (guint i = 0; i < self->curves->len; i++)
    {
      if (shows_cdf (curve_at (&r, i)))
        memcpy (self->cdf_range, r.cdf_range, sizeof self->cdf_range);
    }

  render_clear (&r);
  return r.plot;
}

/* Drawing the bivariate figure ------------------------------------------------ */

static void
map_xy (Render *r,
        double  x,
        double  y,
        double *px,
        double *py)
{
  sd_plot_map (r->plot, x, y, px, py);
}

static void
ellipse_path (Render                    *r,
              cairo_t                   *cr,
              const SdDistributionCurve *curve,
              double                     k)
{
  double x[ELLIPSE_POINTS], y[ELLIPSE_POINTS];

  sd_bivariate_normal_get_ellipse (curve->bivariate, k, x, y, ELLIPSE_POINTS);
  for (guint i = 0; i < ELLIPSE_POINTS; i++)
    {
      double px, py;

      map_xy (r, x[i], y[i], &px, &py);
      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_close_path (cr);
}

/* The point of the ellipse at distance @k, at angle @t from the major
 * axis in the ellipse's own parameter, in data coordinates. */
static void
ellipse_point (const SdDistributionCurve *curve,
               double                     k,
               double                     t,
               double                    *x,
               double                    *y)
{
  SdPrincipalAxes axes;
  double mx, my, u, v;

  sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
  sd_bivariate_normal_get_principal_axes (curve->bivariate, &axes);
  u = k * sqrt (axes.variance[0]) * cos (t);
  v = k * sqrt (axes.variance[1]) * sin (t);
  *x = mx + u * axes.axis[0][0] + v * axes.axis[1][0];
  *y = my + u * axes.axis[0][1] + v * axes.axis[1][1];
}

/* Nested translucent ellipses at Mahalanobis distances 0.5 to 3: the
 * density as filled contour bands, darkest at the mean. */
static void
draw_shading (Render                    *r,
              cairo_t                   *cr,
              const SdDistributionCurve *curve)
{
  static const double distances[] = { 3.0, 2.5, 2.0, 1.5, 1.0, 0.5 };
  double rgba[4], fill[4];

  curve_color (r, curve, rgba);
  color_with_alpha (rgba, fill_alpha (r, SHADE_ALPHA), fill);
  sd_set_source_color (cr, fill);
  for (guint i = 0; i < G_N_ELEMENTS (distances); i++)
    {
      ellipse_path (r, cr, curve, distances[i]);
      cairo_fill (cr);
    }
}

/* Dots, translucent enough that where they crowd they darken. */
static void
draw_scatter (Render                    *r,
              cairo_t                   *cr,
              const SdDistributionCurve *curve,
              GArray                    *busy)
{
  double radius = 0.2 * r->style->marker_size;
  double alpha = CLAMP (0.6 * sqrt (1000.0 / MAX (curve->n_scatter, 1)), 0.15, 0.6);
  gsize stride = MAX (curve->n_scatter / 2000, 1);
  double rgba[4], dot[4];

  if (curve->n_scatter == 0)
    return;

  curve_color (r, curve, rgba);
  color_with_alpha (rgba, fill_alpha (r, alpha), dot);

  cairo_save (cr);
  cairo_set_line_width (cr, 2 * radius);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  sd_set_source_color (cr, dot);
  for (gsize i = 0; i < curve->n_scatter; i++)
    {
      double px, py;

      if (!sd_plot_map (r->plot, curve->scatter_x[i], curve->scatter_y[i], &px, &py))
        continue;

      /* A move and a line to the same point is a dot with round caps. */
      cairo_move_to (cr, px, py);
      cairo_line_to (cr, px, py);
      if ((i + 1) % SCATTER_BATCH == 0)
        cairo_stroke (cr);

      if (i % stride == 0)
        {
          cairo_rectangle_t box = { px - radius, py - radius, 2 * radius, 2 * radius };

          g_array_append_val (busy, box);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A label centred on a line, on a plate that interrupts it. */
static void
draw_inline_label (Render       *r,
                   cairo_t      *cr,
                   const char   *markup,
                   double        cx,
                   double        cy,
                   const double  text[4])
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, r->style, SD_TEXT_BODY, markup);
  cairo_rectangle_t box;

  plate_box (r, layout, cx, cy, &box);
  settle_box (r, &box);
  draw_plate (r, cr, layout, &box, NULL, text);
  add_box (r, &box);
}

/* The legend avoids the ellipses: squares along them count as busy. */
static void
mark_ellipse (Render                    *r,
              const SdDistributionCurve *curve,
              double                     k)
{
  double x[ELLIPSE_POINTS], y[ELLIPSE_POINTS], size = r->style->font_size;

  sd_bivariate_normal_get_ellipse (curve->bivariate, k, x, y, ELLIPSE_POINTS);
  for (guint i = 0; i < ELLIPSE_POINTS; i += 6)
    {
      cairo_rectangle_t box = { 0.0, 0.0, size, size };
      double px, py;

      map_xy (r, x[i], y[i], &px, &py);
      box.x = px - size / 2;
      box.y = py - size / 2;
      g_array_append_val (r->busy_extra, box);
    }
}

/* The ellipses at 1σ (the covariance ellipse), 2σ and 3σ, fainter
 * outwards, the 1σ one on a halo so it reads over the dots. */
static void
draw_ellipses (Render                    *r,
               cairo_t                   *cr,
               const SdDistributionCurve *curve)
{
  double lw = r->style->line_width;
  double rgba[4], line[4], halo[4];

  curve_color (r, curve, rgba);
  memcpy (halo, r->style->background, sizeof halo);
  halo[3] = 0.8;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 3; k >= 1; k--)
    {
      double width = k == 1 ? lw : 0.6 * lw;

      color_with_alpha (rgba, k == 1 ? 1.0 : k == 2 ? 0.75 : 0.5, line);
      mark_ellipse (r, curve, k);
      ellipse_path (r, cr, curve, k);
      if (k == 1)
        {
          cairo_set_line_width (cr, width + 2.0 * r->style->axis_line_width);
          sd_set_source_color (cr, halo);
          cairo_stroke_preserve (cr);
        }
      cairo_set_line_width (cr, width);
      sd_set_source_color (cr, line);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_ellipse_labels (Render                    *r,
                     cairo_t                   *cr,
                     const SdDistributionCurve *curve)
{
  double rgba[4];

  curve_color (r, curve, rgba);
  for (guint k = 1; k <= 3; k++)
    {
      g_autofree char *markup = NULL;
      g_autofree char *mass = NULL;
      double x, y, px, py;

      /* Opposite the first principal axis' arrow, where the ellipses are
       * farthest apart, turned a little off the axis' line. */
      ellipse_point (curve, k, G_PI + 0.3, &x, &y);
      map_xy (r, x, y, &px, &py);
      mass = sd_number_markup (100.0 * sd_bivariate_normal_ellipse_mass (k), SD_NUMBER_COMPACT);
      /* Translators: the label of the ellipse %u standard deviations (σ)
       * from the mean, with the probability inside it in percent, such as
       * "2σ: 86.5 %" */
      markup = g_strdup_printf (_("%uσ: %s %%"), k, mass);
      draw_inline_label (r, cr, markup, px, py, rgba);
    }
}

static void
arrow_path (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   head)
{
  double length = hypot (x1 - x0, y1 - y0);
  double ux, uy;

  if (!(length > 0.0))
    return;

  ux = (x1 - x0) / length;
  uy = (y1 - y0) / length;
  head = MIN (head, 0.5 * length);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1 - 0.8 * head * ux, y1 - 0.8 * head * uy);
  sd_arrowhead_append (cr, &(SdArrowhead) { head, 0.45 * head, 0.0 }, x1, y1, ux, uy);
}

/* The eigenvectors of the covariance: dashed lines through the mean
 * across the 3σ ellipse, and arrows of length √λ from the mean, which end
 * on the covariance ellipse, each labelled with its variance. */
static void
draw_principal_axes (Render                    *r,
                     cairo_t                   *cr,
                     const SdDistributionCurve *curve)
{
  SdPrincipalAxes axes;
  double lw = r->style->line_width;
  double dashes[2] = { 2.0 * lw, 1.5 * lw };
  double mx, my, cx, cy, rgba[4], faint[4], halo[4];

  sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
  sd_bivariate_normal_get_principal_axes (curve->bivariate, &axes);
  map_xy (r, mx, my, &cx, &cy);
  curve_color (r, curve, rgba);
  color_with_alpha (rgba, 0.6, faint);
  memcpy (halo, r->style->background, sizeof halo);
  halo[3] = 0.8;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5 * lw);
  cairo_set_dash (cr, dashes, 2, 0.0);
  sd_set_source_color (cr, faint);
  for (guint i = 0; i < 2; i++)
    {
      double reach = 3.0 * sqrt (axes.variance[i]);
      double x0, y0, x1, y1;

      map_xy (r, mx - reach * axes.axis[i][0], my - reach * axes.axis[i][1], &x0, &y0);
      map_xy (r, mx + reach * axes.axis[i][0], my + reach * axes.axis[i][1], &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < 2; i++)
        {
          double length = sqrt (axes.variance[i]);
          double tx, ty;

          map_xy (r, mx + length * axes.axis[i][0], my + length * axes.axis[i][1], &tx, &ty);
          arrow_path (cr, cx, cy, tx, ty, 3.0 * lw + 4.0 * r->style->scale);
        }
      cairo_set_line_width (cr, pass == 0 ? lw + 2.0 * r->style->axis_line_width : lw);
      sd_set_source_color (cr, pass == 0 ? halo : rgba);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_axis_labels (Render                    *r,
                  cairo_t                   *cr,
                  const SdDistributionCurve *curve)
{
  SdPrincipalAxes axes;
  double em = r->style->font_size;
  double mx, my, cx, cy, rgba[4];

  sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
  sd_bivariate_normal_get_principal_axes (curve->bivariate, &axes);
  map_xy (r, mx, my, &cx, &cy);
  curve_color (r, curve, rgba);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GString) variance = g_string_new (NULL);
      g_autofree char *markup = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double length = sqrt (axes.variance[i]);
      double tx, ty, ux, uy, d, width, height;
      cairo_rectangle_t box;

      map_xy (r, mx + length * axes.axis[i][0], my + length * axes.axis[i][1], &tx, &ty);
      d = hypot (tx - cx, ty - cy);
      if (!(d > 0.0))
        continue;
      ux = (tx - cx) / d;
      uy = (ty - cy) / d;

      append_number (variance, axes.variance[i]);
      /* Translators: the label of a principal axis: PC1 is the first
       * principal component, λ with the same number its variance, %s its
       * value. Keep the <sub> markup. */
      markup = g_strdup_printf (_("PC%u, λ<sub>%u</sub> = %s"), i + 1, i + 1, variance->str);
      layout = sd_text_layout_new (cr, r->style, SD_TEXT_BODY, markup);
      sd_text_get_size (layout, &width, &height, NULL);

      /* Beyond the tip, along the arrow, wholly past the ellipse's
       * tangent at the tip (which is square to the arrow), so the plate
       * hides none of the covariance ellipse. */
      plate_box (r, layout, 0.0, 0.0, &box);
      d = 0.4 * em + (box.width * fabs (ux) + box.height * fabs (uy)) / 2;
      plate_box (r, layout, tx + d * ux, ty + d * uy, &box);
      settle_box (r, &box);
      draw_plate (r, cr, layout, &box, rgba, r->style->foreground);
      add_box (r, &box);
    }
}

static void
draw_bivariate_data (SdPlot   *plot,
                     cairo_t  *cr,
                     gpointer  user_data)
{
  Render *r = user_data;
  GPtrArray *curves = r->figure->curves;

  for (guint i = 0; i < curves->len; i++)
    {
      if (curve_at (r, i)->source->layers & SD_LAYER_PDF)
        draw_shading (r, cr, curve_at (r, i));
    }
  for (guint i = 0; i < curves->len; i++)
    draw_scatter (r, cr, curve_at (r, i), r->busy_extra);
  for (guint i = 0; i < curves->len; i++)
    {
      if (curve_at (r, i)->source->layers & SD_LAYER_PDF)
        {
          draw_ellipses (r, cr, curve_at (r, i));
          draw_principal_axes (r, cr, curve_at (r, i));
        }
    }
  for (guint i = 0; i < curves->len; i++)
    {
      SdDistributionCurve *curve = curve_at (r, i);
      double rgba[4], px, py, mx, my;

      if (!(curve->source->layers & SD_LAYER_MOMENTS))
        continue;
      sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
      map_xy (r, mx, my, &px, &py);
      curve_color (r, curve, rgba);
      sd_marker_draw (cr, r->style, SD_MARKER_CIRCLE, px, py, rgba);
    }
  for (guint i = 0; i < curves->len; i++)
    {
      if (curve_at (r, i)->source->layers & SD_LAYER_PDF)
        {
          draw_axis_labels (r, cr, curve_at (r, i));
          draw_ellipse_labels (r, cr, curve_at (r, i));
        }
    }
}

static SdPlot *
render_bivariate (SdDistributionFigure  *self,
                  cairo_t               *cr,
                  const SdFigureOptions *options,
                  const SdThemeStyle    *style)
{
  Render r = { .figure = self, .style = style };
  double y_view[2] = { INFINITY, -INFINITY };
  g_autoptr(GArray) busy = NULL;

  r.plot = sd_plot_new (style);
  r.boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  r.busy_extra = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  r.view[0] = INFINITY;
  r.view[1] = -INFINITY;
  for (guint i = 0; i < self->curves->len; i++)
    {
      const SdSceneDistribution *source = curve_at (&r, i)->source;

      r.view[0] = MIN (r.view[0], source->x_range[0]);
      r.view[1] = MAX (r.view[1], source->x_range[1]);
      y_view[0] = MIN (y_view[0], source->y_range[0]);
      y_view[1] = MAX (y_view[1], source->y_range[1]);
    }

  set_titles (r.plot, self->scene, "<i>x</i>", "<i>y</i>");
  sd_plot_set_equal_aspect (r.plot, TRUE);
  sd_plot_set_axis (r.plot, SD_AXIS_X, SD_SCALE_LINEAR, r.view[0], r.view[1]);
  sd_plot_set_axis (r.plot, SD_AXIS_Y, SD_SCALE_LINEAR, y_view[0], y_view[1]);
  sd_plot_layout (r.plot, cr, options->width, options->height);
  sd_plot_get_area (r.plot, &r.area);
  for (guint s = 0; s < N_BUSY_SLICES; s++)
    r.busy_top[s] = r.area.y + r.area.height;

  draw_background (style, cr, options);
  sd_plot_draw_grid (r.plot, cr);
  if (r.area.width > 0.0 && r.area.height > 0.0)
    {
      cairo_save (cr);
      sd_plot_clip (r.plot, cr);
      draw_bivariate_data (r.plot, cr, &r);
      cairo_restore (cr);
    }
  sd_plot_draw_axes (r.plot, cr);
  sd_plot_draw_title (r.plot, cr);

  busy = busy_rectangles (&r);
  if (r.area.width > 0.0 && r.area.height > 0.0)
    draw_legend (&r, cr, busy);

  render_clear (&r);
  return r.plot;
}

/* Entry points ------------------------------------------------------------------ */

/**
 * sd_distribution_figure_render:
 * @self: a figure's data
 * @cr: where to draw; user space is in points
 * @options: size, theme and the like
 *
 * Draws the figure, see #SdDistributionFigure, and records where its
 * legend went in @self->legend_box.
 *
 * Returns: (transfer full): the laid out plot, to map pointer positions
 *   to data (the x axis and the main y axis)
 */
SdPlot *
sd_distribution_figure_render (SdDistributionFigure  *self,
                               cairo_t               *cr,
                               const SdFigureOptions *options)
{
  SdThemeStyle style;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->theme < SD_N_THEMES, NULL);
  g_return_val_if_fail (isfinite (options->scale) && options->scale > 0.0, NULL);
  g_return_val_if_fail (isfinite (options->width) && options->width >= 0.0, NULL);
  g_return_val_if_fail (isfinite (options->height) && options->height >= 0.0, NULL);

  sd_theme_get_style (options->theme, options->scale, &style);
  style.transparent = options->transparent;
  self->legend_box = (cairo_rectangle_t) { 0.0, 0.0, 0.0, 0.0 };
  self->cdf_range[0] = self->cdf_range[1] = 0.0;

  if (self->bivariate)
    return render_bivariate (self, cr, options, &style);
  return render_univariate (self, cr, options, &style);
}

/**
 * sd_distribution_figure_draw:
 * @cr: where to draw; user space is in points
 * @scene: a distribution scene
 * @options: size, theme and the like
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes what @scene shows with sd_distribution_figure_new() and draws
 * it with sd_distribution_figure_render(), for export and for callers
 * that draw once.
 *
 * Returns: (transfer full) (nullable): the laid out plot, or %NULL with
 *   @error set
 */
SdPlot *
sd_distribution_figure_draw (cairo_t                *cr,
                             const SdScene          *scene,
                             const SdFigureOptions  *options,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(SdDistributionFigure) figure = NULL;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  figure = sd_distribution_figure_new (scene, cancellable, error);
  if (figure == NULL)
    return NULL;

  return sd_distribution_figure_render (figure, cr, options);
}
