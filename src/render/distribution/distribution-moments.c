/* distribution-moments.c: the mean and the standard deviation: lines at
 * μ and μ ± σ labelled in rows above the data, and the mean of a
 * bivariate normal as a dot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"
#include "text.h"

static const char * const names[3] = { "μ − σ", "μ", "μ + σ" };

/* One of a distribution's lines at μ − σ, μ and μ + σ. */
typedef struct
{
  double   x;        /* on the page, before it is moved onto the pixel grid */
  double   top;      /* where the line ends */
  double   label_y;  /* the top of its label */
  guint    index;
  gboolean dashed;
  gboolean labelled;
  double   color[4];
} Mark;

struct _SdDistributionMoments
{
  const SdThemeStyle *style;
  GArray             *marks;   /* (element-type Mark) */
  double              bottom;
  double              width;
  double              dashes[2];
};

/* The label over @mark's line, at the top of its row, where the line is
 * drawn at one device pixel a point. */
static void
label_mark (const SdDistributionMoments *self,
            SdDistributionContext       *ctx,
            guint                        curve,
            const Mark                  *mark)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (ctx->measure, ctx->style, SD_TEXT_BODY,
                                                      names[mark->index]);
  SdDistributionLabel label = {
    SD_DISTRIBUTION_LABEL_MOMENT, curve, mark->index, (char *) names[mark->index],
  };
  double px = mark->x;

  sd_snap_to_pixels (ctx->measure, self->width, &px, NULL);
  sd_text_get_box (layout, px, mark->label_y, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0, &label.box);
  memcpy (label.text, mark->color, sizeof label.text);
  sd_label_placer_add_label (ctx->placer, &label.box);
  _sd_distribution_label_add (ctx, &label);
}

/* μ − σ, μ and μ + σ of @curve, the lines there and their labels in the
 * row at @y. The σ labels are left out when they would run into μ's;
 * moments that are undefined or infinite have no line. */
static void
add_marks (SdDistributionMoments     *self,
           SdDistributionContext     *ctx,
           guint                      index,
           double                     y)
{
  const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, index);
  const double x[3] = { curve->mean - curve->sd, curve->mean, curve->mean + curve->sd };
  double em = ctx->style->font_size;
  double widths[3] = { 0.0, 0.0, 0.0 }, height = 0.0, rgba[4];
  gboolean labelled[3], sigma_fits;

  _sd_distribution_curve_color (ctx, curve, rgba);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PangoLayout) layout = sd_text_layout_new (ctx->measure, ctx->style, SD_TEXT_BODY,
                                                          names[i]);

      sd_text_get_size (layout, &widths[i], &height, NULL);
      labelled[i] = isfinite (x[i]) && x[i] >= ctx->view[0] && x[i] <= ctx->view[1];
    }

  sigma_fits = isfinite (curve->sd)
               && _sd_distribution_map_x (ctx, curve->mean + curve->sd)
                  - _sd_distribution_map_x (ctx, curve->mean)
                  >= (widths[1] + widths[2]) / 2 + 0.6 * em;
  labelled[0] &= sigma_fits;
  labelled[2] &= sigma_fits;

  for (guint i = 0; i < 3; i++)
    {
      Mark mark = { 0 };

      if (!isfinite (x[i]) || x[i] < ctx->view[0] || x[i] > ctx->view[1])
        continue;

      mark.x = _sd_distribution_map_x (ctx, x[i]);
      mark.label_y = y;
      mark.top = labelled[i] ? y + height + 0.15 * em : y;
      mark.index = i;
      mark.dashed = i != 1;
      mark.labelled = labelled[i];
      memcpy (mark.color, rgba, sizeof mark.color);
      g_array_append_val (self->marks, mark);

      if (labelled[i])
        label_mark (self, ctx, index, &mark);
    }
}

/* One row of labels per distribution with moments, from the top of the
 * rows down. */
SdDistributionMoments *
_sd_distribution_moments_new (SdDistributionContext *ctx)
{
  SdDistributionMoments *self = g_new0 (SdDistributionMoments, 1);
  double row = ctx->rows_top;

  self->style = ctx->style;
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->bottom = ctx->area.y + ctx->area.height;
  self->width = 0.6 * ctx->style->line_width;
  self->dashes[0] = 2.0 * ctx->style->line_width;
  self->dashes[1] = 1.5 * ctx->style->line_width;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      if (!_sd_distribution_has_moments (ctx, _sd_distribution_curve_at (ctx, i)))
        continue;
      add_marks (self, ctx, i, row);
      row += _sd_distribution_label_row_height (ctx);
    }

  return self;
}

/* Each line, then its label, the label over the line's end on the same
 * pixel column. */
void
_sd_distribution_moments_render (const SdDistributionMoments *self,
                                 cairo_t                     *cr)
{
  cairo_save (cr);
  cairo_set_line_width (cr, self->width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      double px = mark->x;

      sd_set_source_color (cr, mark->color);
      sd_snap_to_pixels (cr, self->width, &px, NULL);
      cairo_set_dash (cr, self->dashes, mark->dashed ? 2 : 0, 0.0);
      cairo_move_to (cr, px, self->bottom);
      cairo_line_to (cr, px, mark->top);
      cairo_stroke (cr);

      if (mark->labelled)
        {
          g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, self->style, SD_TEXT_BODY,
                                                              names[mark->index]);

          sd_text_draw (cr, layout, px, mark->label_y, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);
        }
    }
  cairo_restore (cr);
}

void
_sd_distribution_moments_free (SdDistributionMoments *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->marks);
  g_free (self);
}

struct _SdDistributionMeans
{
  const SdThemeStyle *style;
  GArray             *dots;   /* (element-type double): x, y and the colour's RGBA */
};

/* The mean of each bivariate normal whose moments layer is on. */
SdDistributionMeans *
_sd_distribution_means_new (SdDistributionContext *ctx)
{
  SdDistributionMeans *self = g_new0 (SdDistributionMeans, 1);

  self->style = ctx->style;
  self->dots = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      double dot[6], mx, my;

      if (!(curve->source->layers & SD_LAYER_MOMENTS))
        continue;
      sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
      sd_plot_map (ctx->plot, mx, my, &dot[0], &dot[1]);
      _sd_distribution_curve_color (ctx, curve, &dot[2]);
      g_array_append_vals (self->dots, dot, G_N_ELEMENTS (dot));
    }

  return self;
}

void
_sd_distribution_means_render (const SdDistributionMeans *self,
                               cairo_t                   *cr)
{
  const double *dots = (const double *) (gpointer) self->dots->data;

  for (guint i = 0; i + 5 < self->dots->len; i += 6)
    sd_marker_draw (cr, self->style, SD_MARKER_CIRCLE, dots[i], dots[i + 1], &dots[i + 2]);
}

void
_sd_distribution_means_free (SdDistributionMeans *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->dots);
  g_free (self);
}
