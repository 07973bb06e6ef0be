/* distribution-text.c: what a distribution figure writes: its legend's
 * entries, the interval's probability, the axes' titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "distribution-private.h"
#include "number.h"

/* The scene's numbers, six significant digits. */
void
_sd_distribution_append_number (GString *out,
                                double   value)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_READOUT);
  sd_number_append (out, &format, value);
}

/* Numbers the figure works out and writes on it: three significant
 * digits, as the transform figure writes its eigenvalues. */
void
_sd_distribution_append_compact (GString *out,
                                 double   value)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_COMPACT);
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

  _sd_distribution_append_number (out, a);
  g_string_append (out, " ≤ <i>X</i> ≤ ");
  _sd_distribution_append_number (out, b);
  g_string_append (out, ") = ");
  append_probability (out, probability);

  return g_string_free (out, FALSE);
}

/* "P(1 ≤ X ≤ 4) = F(4) − F(1) = 0.4712", for the interval read on a
 * distribution function; a discrete one rises at a, so it is F(b) − F(a − 1)
 * there, with a and b the whole numbers of the interval. */
char *
_sd_distribution_rise_markup (const SdDistributionCurve *curve)
{
  const double *interval = curve->source->interval;
  gboolean discrete = sd_distribution_is_discrete (curve->distribution);
  GString *out = g_string_new ("P(");

  _sd_distribution_append_number (out, interval[0]);
  g_string_append (out, " ≤ <i>X</i> ≤ ");
  _sd_distribution_append_number (out, interval[1]);
  g_string_append (out, ") = <i>F</i>(");
  _sd_distribution_append_number (out, discrete ? floor (interval[1]) : interval[1]);
  g_string_append (out, ") − <i>F</i>(");
  _sd_distribution_append_number (out, discrete ? ceil (interval[0]) - 1.0 : interval[0]);
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
      _sd_distribution_append_compact (out, v[0]);
      g_string_append (out, ", ");
      _sd_distribution_append_compact (out, v[1]);
      g_string_append (out, "), Σ = (");
      _sd_distribution_append_compact (out, v[2]);
      g_string_append (out, ", ");
      _sd_distribution_append_compact (out, v[3]);
      g_string_append (out, "; ");
      _sd_distribution_append_compact (out, v[3]);
      g_string_append (out, ", ");
      _sd_distribution_append_compact (out, v[4]);
      g_string_append (out, ")");
      return;
    }

  for (guint i = 0; i < sd_family_get_n_parameters (curve->family); i++)
    {
      g_string_append_printf (out, "%s%s = ", i > 0 ? ", " : "",
                              family_labels[curve->family].symbols[i]);
      _sd_distribution_append_compact (out,
                                       sd_distribution_get_parameter (curve->distribution, i));
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

/* Whether @word occurs in @text as a whole word, whatever the case:
 * "Student t" in "Student t, 2 dof", but "F" not in "Fit". */
static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *haystack = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_casefold (word, -1);
  gsize length = strlen (needle);

  if (length == 0)
    return FALSE;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    {
      const char *end = at + length;
      gboolean starts = at == haystack
                        || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)));
      gboolean ends = *end == '\0' || !g_unichar_isalnum (g_utf8_get_char (end));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* Whether @name says the family: its name in the legend, in English or
 * translated, or in the scene file, as it is or with a space for its
 * hyphen. */
static gboolean
names_family (const SdDistributionCurve *curve,
              const char                *name)
{
  const char *title = family_labels[curve->family].title;
  const char *key = curve->source->family != NULL ? curve->source->family : "";
  g_autofree char *spaced = g_strdelimit (g_strdup (key), "-", ' ');

  return has_word (name, title)
         || has_word (name, g_dpgettext2 (GETTEXT_PACKAGE, "distribution family", title))
         || has_word (name, key) || has_word (name, spaced);
}

/* Whether @number is @value as a figure writes it: exactly, or rounded
 * to the three significant digits of the legend. */
static gboolean
same_number (double number,
             double value)
{
  g_autofree char *compact = NULL;

  if (fabs (number - value) <= 1e-12 * MAX (1.0, fabs (value)))
    return TRUE;
  compact = sd_number_text (value, SD_NUMBER_COMPACT);
  return g_ascii_strtod (compact, NULL) == number;
}

/* Whether the number at @p in @text has a minus sign, a hyphen or U+2212,
 * before it. */
static gboolean
is_negative (const char *text,
             const char *p)
{
  return (p > text && p[-1] == '-') || (p - text >= 3 && strncmp (p - 3, "−", 3) == 0);
}

/* Whether every parameter's value is written in @name, as in
 * "Student t, 2 dof" or "Beta(2, 5)". */
static gboolean
names_parameters (const SdDistributionCurve *curve,
                  const char                *name)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

  for (const char *p = name; *p != '\0';)
    {
      char *end;
      double number;

      if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
        {
          p++;
          continue;
        }
      number = g_ascii_strtod (p, &end);
      if (is_negative (name, p))
        number = -number;
      g_array_append_val (numbers, number);
      p = end > p ? end : p + 1;
    }

  for (guint i = 0; i < sd_family_get_n_parameters (curve->family); i++)
    {
      double value = sd_distribution_get_parameter (curve->distribution, i);
      gboolean found = FALSE;

      for (guint j = 0; j < numbers->len && !found; j++)
        found = same_number (g_array_index (numbers, double, j), value);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* "N (normal, μ = 0, σ = 1; 1000 samples)": the name, the family and the
 * parameters, and how many samples were drawn, if any. */
static char *
full_label (const char *escaped,
            const char *title,
            const char *parameters,
            const char *samples)
{
  title = g_dpgettext2 (GETTEXT_PACKAGE, "distribution family", title);
  if (samples != NULL)
    /* Translators: a distribution's legend entry, such as "N (normal,
     * μ = 0, σ = 1; 1000 samples)": its name, its family, its
     * parameters, and how many samples were drawn */
    return g_strdup_printf (C_("legend entry", "%s (%s, %s; %s)"),
                            escaped, title, parameters, samples);
  /* Translators: a distribution's legend entry, such as "N (normal,
   * μ = 0, σ = 1)": its name, its family and its parameters */
  return g_strdup_printf (C_("legend entry", "%s (%s, %s)"), escaped, title, parameters);
}

/* "Normal (μ = 0, σ = 1; 1000 samples)", for a name that says the
 * family: the name, the parameters and the samples. */
static char *
parameters_label (const char *escaped,
                  const char *parameters,
                  const char *samples)
{
  if (samples != NULL)
    /* Translators: a distribution's legend entry when its name already
     * says the family, such as "Normal (μ = 0, σ = 1; 1000 samples)": its
     * name, its parameters, and how many samples were drawn */
    return g_strdup_printf (C_("legend entry", "%s (%s; %s)"), escaped, parameters, samples);
  /* Translators: a distribution's legend entry when its name already says
   * the family, such as "Normal (μ = 0, σ = 1)": its name and its
   * parameters; or when it says the parameters too, such as "Student t,
   * 2 dof (1000 samples)": its name and how many samples were drawn */
  return g_strdup_printf (C_("legend entry", "%s (%s)"), escaped, parameters);
}

/**
 * sd_distribution_curve_get_label:
 * @curve: a distribution of a figure
 *
 * Its legend entry, e.g. "N (normal, μ = 0, σ = 1; 1000 samples)": the
 * group's name, then what it is, its parameters with three significant
 * digits. What the name already says is not repeated: the family, when
 * the name says it as a word ("Normal", "Student t, 2 dof"), and the
 * parameters too, when it also writes every parameter's value ("Student
 * t, 2 dof", "Beta(2, 5)"). Bivariate normals, which have a figure of
 * their own, are not named either. A bivariate normal's scatter says how
 * many of its samples it shows when it cannot show all.
 *
 * Returns: (transfer full): the label in Pango markup
 */
char *
sd_distribution_curve_get_label (const SdDistributionCurve *curve)
{
  const char *name;
  g_autofree char *escaped = NULL;
  g_autofree char *samples = NULL;
  g_autoptr(GString) parameters = NULL;

  g_return_val_if_fail (curve != NULL, NULL);

  name = curve->source->name != NULL ? curve->source->name : "";
  escaped = g_markup_escape_text (name, -1);
  parameters = g_string_new (NULL);
  append_parameters (parameters, curve);
  samples = samples_text (curve);

  /* The plane figure shows only bivariate normals: no need to say so. */
  if (curve->bivariate == NULL && !names_family (curve, name))
    return full_label (escaped, family_labels[curve->family].title, parameters->str, samples);

  if (curve->bivariate != NULL || !names_parameters (curve, name))
    return parameters_label (escaped, parameters->str, samples);

  if (samples != NULL)
    return g_strdup_printf (C_("legend entry", "%s (%s)"), escaped, samples);
  return g_steal_pointer (&escaped);
}

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
    any_density |= _sd_distribution_shows_density (g_ptr_array_index (self->curves, i));

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
          _sd_distribution_color_with_alpha (entry.color, SD_DISTRIBUTION_BAR_ALPHA, entry.color);
          entry.filled = TRUE;
          entry.line_width = 0.0;
        }
      else if (!(layers & SD_LAYER_PDF) && (layers & SD_LAYER_CDF) && any_density)
        {
          entry.dashes[0] = 2.5 * style->line_width;
          entry.dashes[1] = 1.5 * style->line_width;
          entry.n_dashes = 2;
        }
      else if ((layers & SD_LAYER_PDF) && _sd_distribution_is_discrete (curve))
        {
          entry.marker = SD_MARKER_CIRCLE;
        }

      sd_legend_add (legend, &entry);
    }

  return legend;
}

/* The main y axis' title. */
const char *
_sd_distribution_y_title (const SdDistributionContext *ctx)
{
  gboolean all_discrete = TRUE;

  if (!ctx->density_axis)
    return SD_DISTRIBUTION_CDF_TITLE;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    all_discrete &= _sd_distribution_is_discrete (_sd_distribution_curve_at (ctx, i));
  if (all_discrete)
    /* Translators: the y axis' title when every distribution is discrete */
    return C_("axis title", "probability");
  /* Translators: the y axis' title of probability densities */
  return C_("axis title", "density");
}
