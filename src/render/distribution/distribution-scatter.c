/* distribution-scatter.c: the samples of a bivariate normal as dots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"

/* Dots of a scatter go into strokes of this many, so that dots on top of
 * each other darken (one stroke would paint their union once) while the
 * path count stays small. */
#define SCATTER_BATCH 64

typedef struct
{
  double *xy;     /* x and y of each dot in turn, NaN where it has no place */
  gsize   n;
  double  color[4];
} Dots;

struct _SdDistributionScatter
{
  GArray *dots;    /* (element-type Dots) */
  double  radius;
};

static void
clear_dots (gpointer data)
{
  Dots *dots = data;

  g_clear_pointer (&dots->xy, g_free);
}

/* Dots translucent enough that where they crowd they darken; every few
 * of them, up to 2000, mark where the data is. */
SdDistributionScatter *
_sd_distribution_scatter_new (SdDistributionContext *ctx)
{
  SdDistributionScatter *self = g_new0 (SdDistributionScatter, 1);

  self->radius = 0.2 * ctx->style->marker_size;
  self->dots = g_array_new (FALSE, TRUE, sizeof (Dots));
  g_array_set_clear_func (self->dots, clear_dots);

  for (guint c = 0; c < ctx->figure->curves->len; c++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, c);
      double alpha = CLAMP (0.6 * sqrt (1000.0 / MAX (curve->n_scatter, 1)), 0.15, 0.6);
      Dots dots = { NULL, curve->n_scatter, { 0 } };
      double rgba[4];

      if (curve->n_scatter == 0)
        continue;

      _sd_distribution_curve_color (ctx, curve, rgba);
      _sd_distribution_color_with_alpha (rgba, _sd_distribution_fill_alpha (ctx, alpha),
                                         dots.color);
      dots.xy = g_new (double, 2 * dots.n);
      for (gsize i = 0; i < dots.n; i++)
        {
          double *p = &dots.xy[2 * i];

          sd_plot_map (ctx->plot, curve->scatter_x[i], curve->scatter_y[i], &p[0], &p[1]);
        }
      g_array_append_val (self->dots, dots);
    }

  return self;
}

void
_sd_distribution_scatter_render (const SdDistributionScatter *self,
                                 cairo_t                     *cr)
{
  for (guint c = 0; c < self->dots->len; c++)
    {
      const Dots *dots = &g_array_index (self->dots, Dots, c);

      cairo_save (cr);
      cairo_set_line_width (cr, 2 * self->radius);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      sd_set_source_color (cr, dots->color);
      for (gsize i = 0; i < dots->n; i++)
        {
          const double *p = &dots->xy[2 * i];

          if (isnan (p[0]))
            continue;

          /* A move and a line to the same point is a dot with round caps. */
          cairo_move_to (cr, p[0], p[1]);
          cairo_line_to (cr, p[0], p[1]);
          if ((i + 1) % SCATTER_BATCH == 0)
            cairo_stroke (cr);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

void
_sd_distribution_scatter_free (SdDistributionScatter *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->dots);
  g_free (self);
}
