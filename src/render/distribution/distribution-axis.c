/* distribution-axis.c: the right axis, on which distribution functions
 * are read beside densities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "distribution-private.h"
#include "text.h"

/* Spacing in units of the body font size, as the plot's own axes. */
#define RIGHT_TICK_LABEL_GAP 0.4
#define RIGHT_TITLE_GAP 0.5

struct _SdDistributionRightAxis
{
  SdTicks      ticks;
  GPtrArray   *labels;
  PangoLayout *title;
  double       labels_width;
  double       room;
};

/* Its ticks from 0 to 1, their labels and its title, and the room they
 * need right of the plot. */
SdDistributionRightAxis *
_sd_distribution_right_axis_new (SdDistributionContext *ctx)
{
  SdDistributionRightAxis *self = g_new0 (SdDistributionRightAxis, 1);
  const SdThemeStyle *style = ctx->style;
  double em = style->font_size, title_height;
  /* Translators: the title of the right axis of distribution functions,
   * whose curves are dashed; %s is the formula F(x) = P(X ≤ x) */
  g_autofree char *title = g_strdup_printf (_("%s, dashed"), SD_DISTRIBUTION_CDF_TITLE);

  sd_ticks_compute (&self->ticks, SD_SCALE_LINEAR, 0.0, 1.0, 6, FALSE);
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->ticks.n; i++)
    {
      g_autofree char *markup = sd_ticks_get_label (&self->ticks, i);
      PangoLayout *layout = sd_text_layout_new (ctx->measure, style, SD_TEXT_BODY, markup);
      double width;

      sd_text_get_size (layout, &width, NULL, NULL);
      self->labels_width = MAX (self->labels_width, width);
      g_ptr_array_add (self->labels, layout);
    }

  self->title = sd_text_layout_new (ctx->measure, style, SD_TEXT_LABEL, title);
  sd_text_get_size (self->title, NULL, &title_height, NULL);

  /* The plot keeps its own padding on the right, which this room then
   * adds to. */
  self->room = style->tick_length + RIGHT_TICK_LABEL_GAP * em + self->labels_width
               + RIGHT_TITLE_GAP * em + title_height;
  return self;
}

double
_sd_distribution_right_axis_get_room (const SdDistributionRightAxis *self)
{
  return self->room;
}

void
_sd_distribution_right_axis_render (const SdDistributionRightAxis *self,
                                    const SdDistributionContext   *ctx,
                                    cairo_t                       *cr)
{
  const SdThemeStyle *style = ctx->style;
  double em = style->font_size;
  double x = ctx->area.x + ctx->area.width, y;

  sd_snap_to_pixels (cr, style->axis_line_width, &x, NULL);

  cairo_save (cr);
  cairo_set_line_width (cr, style->axis_line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  sd_set_source_color (cr, style->axis);
  for (guint i = 0; i < self->ticks.n; i++)
    {
      y = _sd_distribution_map_cdf (ctx, self->ticks.values[i]);
      sd_snap_to_pixels (cr, style->axis_line_width, NULL, &y);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + style->tick_length, y);
    }
  cairo_stroke (cr);

  sd_set_source_color (cr, style->foreground);
  for (guint i = 0; i < self->ticks.n; i++)
    sd_text_draw (cr, g_ptr_array_index (self->labels, i),
                  x + style->tick_length + RIGHT_TICK_LABEL_GAP * em,
                  _sd_distribution_map_cdf (ctx, self->ticks.values[i]),
                  SD_TEXT_LEFT, SD_TEXT_MIDDLE, 0.0);

  /* Read from bottom to top like the left axis' title, its top towards
   * the plot. */
  pango_layout_set_width (self->title, MAX (1.0, ctx->area.height) * PANGO_SCALE);
  pango_layout_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  sd_text_draw (cr, self->title,
                x + style->tick_length + (RIGHT_TICK_LABEL_GAP + RIGHT_TITLE_GAP) * em
                + self->labels_width,
                ctx->area.y + ctx->area.height / 2, SD_TEXT_CENTER, SD_TEXT_TOP, -G_PI / 2);
  cairo_restore (cr);
}

void
_sd_distribution_right_axis_free (SdDistributionRightAxis *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_object (&self->title);
  g_free (self);
}
