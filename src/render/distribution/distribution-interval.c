/* distribution-interval.c: where the probability of an interval is
 * written: inside the shaded area when it is roomy, in a row above the
 * data otherwise, or beside the rise on a distribution function
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"
#include "text.h"

/* The label of @curve's interval, centred at its best place; @row is the
 * top of its row above the data, or NaN when it goes inside the area. */
static void
place_label (SdDistributionContext *ctx,
             guint                  index,
             double                 row)
{
  const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, index);
  const double *interval = curve->source->interval;
  gboolean on_cdf = _sd_distribution_interval_on_cdf (curve) || !ctx->density_axis;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double em = ctx->style->font_size, pad = SD_DISTRIBUTION_PLATE_PADDING * em;
  double a, b, mid, cx, cy, width, height;
  SdDistributionLabel label = { SD_DISTRIBUTION_LABEL_INTERVAL, index, 0 };

  if (on_cdf)
    markup = _sd_distribution_rise_markup (curve);
  else
    markup = sd_distribution_interval_markup (interval[0], interval[1], curve->probability);
  layout = sd_text_layout_new (ctx->measure, ctx->style, SD_TEXT_BODY, markup);
  sd_text_get_size (layout, &width, &height, NULL);

  a = MAX (interval[0], ctx->view[0]);
  b = MIN (interval[1], ctx->view[1]);
  mid = (a + b) / 2;
  cx = _sd_distribution_map_x (ctx, mid);

  if (on_cdf)
    {
      double fa, fb;

      /* Right of the arrow, halfway up the rise. */
      _sd_distribution_interval_cdf (curve, &fa, &fb);
      cy = (_sd_distribution_map_cdf (ctx, fa) + _sd_distribution_map_cdf (ctx, fb)) / 2;
      cx = _sd_distribution_cdf_bracket_x (ctx, curve) + 0.6 * em + width / 2 + pad;
    }
  else if (!isnan (row))
    {
      cy = row + height / 2 + pad;
    }
  else
    {
      double base = _sd_distribution_map_density (ctx, 0.0);
      double inside = base - _sd_distribution_map_density (
        ctx, sd_distribution_pdf (curve->distribution, mid));

      cy = base - 0.4 * inside;
    }

  label.markup = markup;
  label.framed = TRUE;
  memcpy (label.text, ctx->style->foreground, sizeof label.text);
  _sd_distribution_curve_color (ctx, curve, label.frame);
  _sd_distribution_label_settle (ctx, &label, cx, cy);
}

/* The interval labels, after the moments' rows and in rows of their own
 * below them for those that do not fit inside their shaded area. */
void
_sd_distribution_interval_labels_place (SdDistributionContext *ctx)
{
  double row = ctx->rows_top;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    if (_sd_distribution_has_moments (ctx, _sd_distribution_curve_at (ctx, i)))
      row += _sd_distribution_label_row_height (ctx);

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);

      if (_sd_distribution_shows_interval (curve) && curve->n_points > 0)
        place_label (ctx, i, ctx->interval_row[i] ? row : NAN);
      if (ctx->interval_row[i])
        row += _sd_distribution_plate_row_height (ctx);
    }
}
