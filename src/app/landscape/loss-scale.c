/* loss-scale.c: how the loss chart's y axis spaces the losses it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "loss-scale.h"
#include "number.h"

/* The axis reaches this fraction of its span beyond the losses, as
 * matplotlib's margins do, so a run at the highest or lowest loss does not
 * hide under the frame. */
#define MARGIN 0.05
/* Losses of mixed sign are on a linear axis unless that flattens too many
 * of them into a line at 0: magnitudes below 1/1000 of the largest take
 * less than a pixel in a chart a few hundred pixels tall. */
#define FLAT_RATIO 1000.0
/* When at least this share of the losses would be flat, the axis is
 * symmetric log instead. */
#define FLAT_SHARE 0.1

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @magnitudes, which are not empty. */
static double
median (GArray *magnitudes)
{
  qsort (magnitudes->data, magnitudes->len, sizeof (double), compare_doubles);
  return g_array_index (magnitudes, double, magnitudes->len / 2);
}

/* Widens [min, max] by the margin, measured along the axis. A run that
 * diverged to nearly the largest double leaves no room for the margin:
 * the axis then ends at its largest loss. */
static void
add_margin (SdLossScale *self)
{
  double lo, hi, span;

  sd_range_nonsingular (self->scale == SD_SCALE_LOG ? SD_SCALE_LOG : SD_SCALE_LINEAR,
                        &self->min, &self->max);
  if (self->scale == SD_SCALE_SYMLOG)
    {
      lo = sd_symlog_forward (self->min, self->threshold);
      hi = sd_symlog_forward (self->max, self->threshold);
      span = hi - lo;
      self->min = MAX (sd_symlog_inverse (lo - MARGIN * span, self->threshold), -G_MAXDOUBLE);
      self->max = MIN (sd_symlog_inverse (hi + MARGIN * span, self->threshold), G_MAXDOUBLE);
    }
  else if (self->scale == SD_SCALE_LOG)
    {
      span = log10 (self->max) - log10 (self->min);
      self->min = MAX (pow (10.0, log10 (self->min) - MARGIN * span), G_MINDOUBLE);
      self->max = MIN (pow (10.0, log10 (self->max) + MARGIN * span), G_MAXDOUBLE);
    }
  else
    {
      span = self->max - self->min;
      self->min = MAX (self->min - MARGIN * span, -G_MAXDOUBLE);
      self->max = MIN (self->max + MARGIN * span, G_MAXDOUBLE);
    }
}

/**
 * sd_loss_scale_choose:
 * @scale: (out caller-allocates): the axis
 * @losses: (array length=n_losses): the losses shown; NaN and infinities
 *   (a diverged run) are not drawn and do not count
 * @n_losses: how many
 *
 * Chooses the loss chart's y axis: logarithmic when every finite loss is
 * positive, as training curves are read; otherwise linear, unless that
 * would flatten at least a tenth of the losses (nonzero magnitudes below
 * 1/1000 of the largest) into the line at 0: then symmetric log, linear
 * within the power of ten at or below the median of those magnitudes.
 * With no finite loss the axis is the decade from 0.1 to 1.
 */
void
sd_loss_scale_choose (SdLossScale  *scale,
                      const double *losses,
                      gsize         n_losses)
{
  g_autoptr(GArray) flat = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean all_positive = TRUE;
  gsize n_finite = 0;
  double largest;

  g_return_if_fail (scale != NULL);
  g_return_if_fail (losses != NULL || n_losses == 0);

  scale->min = INFINITY;
  scale->max = -INFINITY;
  scale->threshold = 1.0;
  for (gsize i = 0; i < n_losses; i++)
    if (isfinite (losses[i]))
      {
        scale->min = MIN (scale->min, losses[i]);
        scale->max = MAX (scale->max, losses[i]);
        all_positive = all_positive && losses[i] > 0.0;
        n_finite++;
      }

  if (n_finite == 0)
    {
      scale->scale = SD_SCALE_LOG;
      scale->min = 0.1;
      scale->max = 1.0;
      return;
    }

  largest = MAX (fabs (scale->min), fabs (scale->max));
  for (gsize i = 0; i < n_losses; i++)
    {
      double magnitude = fabs (losses[i]);

      if (magnitude > 0.0 && magnitude < largest / FLAT_RATIO)
        g_array_append_val (flat, magnitude);
    }

  if (all_positive)
    scale->scale = SD_SCALE_LOG;
  else if (flat->len >= FLAT_SHARE * n_finite)
    {
      scale->scale = SD_SCALE_SYMLOG;
      scale->threshold = sd_number_decimal (1, (int) floor (log10 (median (flat))));
    }
  else
    scale->scale = SD_SCALE_LINEAR;
  add_margin (scale);
}

/**
 * sd_loss_scale_title:
 * @scale: an axis from sd_loss_scale_choose()
 *
 * The y axis' title, which names the scale so that a reader of the chart
 * knows how far apart two losses are. It is short, to fit along a chart
 * 160 points tall; a symmetric log axis' linear part is the span between
 * its ticks ±threshold next to 0.
 *
 * Returns: (transfer full): the title in Pango markup
 */
char *
sd_loss_scale_title (const SdLossScale *scale)
{
  g_return_val_if_fail (scale != NULL, NULL);

  switch (scale->scale)
    {
    case SD_SCALE_LOG:
      /* Translators: the loss chart's y axis title on a logarithmic scale;
       * keep it short */
      return g_strdup (_("Loss (log)"));
    case SD_SCALE_SYMLOG:
      /* Translators: the loss chart's y axis title on a symmetric log
       * scale (linear near 0, logarithmic beyond), for losses of both
       * signs that span many decades; keep it short */
      return g_strdup (_("Loss (symlog)"));
    case SD_SCALE_LINEAR:
    default:
      /* Translators: the loss chart's y axis title on a linear scale;
       * keep it short */
      return g_strdup (_("Loss (linear)"));
    }
}
