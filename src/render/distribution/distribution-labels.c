/* distribution-labels.c: the labels of a distribution figure, on plates
 * of the background colour that keep them legible over the data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "distribution-private.h"
#include "shapes.h"
#include "text.h"

/* Behind labels drawn over data. */
#define PLATE_ALPHA 0.88
/* How far a label that may be left out looks up and down for room, in
 * half its height. */
#define OPTIONAL_REACH 4

void
_sd_distribution_label_clear (gpointer data)
{
  SdDistributionLabel *label = data;

  g_clear_pointer (&label->markup, g_free);
}

/* The plate around @markup when its centre is at (@cx, @cy). */
void
_sd_distribution_plate_box (const SdDistributionContext *ctx,
                            const char                  *markup,
                            double                       cx,
                            double                       cy,
                            cairo_rectangle_t           *box)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (ctx->measure, ctx->style, SD_TEXT_BODY,
                                                      markup);
  double pad = SD_DISTRIBUTION_PLATE_PADDING * ctx->style->font_size;
  double width, height;

  sd_text_get_size (layout, &width, &height, NULL);
  box->width = width + 2 * pad;
  box->height = height + 2 * pad;
  box->x = cx - box->width / 2;
  box->y = cy - box->height / 2;
}

/* Keeps a copy of @label, whose box the placer already holds. */
void
_sd_distribution_label_add (SdDistributionContext     *ctx,
                            const SdDistributionLabel *label)
{
  SdDistributionLabel copy = *label;

  copy.markup = g_strdup (label->markup);
  g_array_append_val (ctx->labels, copy);
}

/* Puts @label's plate at (@cx, @cy), moved inside the plot and off the
 * labels before it (see sd_label_placer_settle()), and keeps it. */
void
_sd_distribution_label_settle (SdDistributionContext *ctx,
                               SdDistributionLabel   *label,
                               double                 cx,
                               double                 cy)
{
  _sd_distribution_plate_box (ctx, label->markup, cx, cy, &label->box);
  sd_label_placer_settle (ctx->placer, &label->box,
                          SD_DISTRIBUTION_LABEL_GAP * ctx->style->font_size);
  label->plate = TRUE;
  _sd_distribution_label_add (ctx, label);
}

/* Puts @label's plate near (@cx, @cy), inside the plot and off the
 * labels before it, as _sd_distribution_label_settle() does, but no
 * farther up or down than OPTIONAL_REACH of its height; a label that
 * finds no room there is left out rather than laid over another.
 *
 * Returns: whether the label was placed */
gboolean
_sd_distribution_label_try (SdDistributionContext *ctx,
                            SdDistributionLabel   *label,
                            double                 cx,
                            double                 cy)
{
  double gap = SD_DISTRIBUTION_LABEL_GAP * ctx->style->font_size;
  cairo_rectangle_t start;

  _sd_distribution_plate_box (ctx, label->markup, cx, cy, &start);
  sd_label_placer_clamp (ctx->placer, &start, gap);
  for (guint step = 0; step <= 2 * OPTIONAL_REACH; step++)
    {
      /* 0, up half a height, down half a height, up a height, ... */
      double shift = (step + 1) / 2 * (step % 2 == 1 ? -0.5 : 0.5) * start.height;
      cairo_rectangle_t box = start;

      box.y += shift;
      if (sd_label_placer_try (ctx->placer, &box))
        {
          label->box = box;
          label->plate = TRUE;
          _sd_distribution_label_add (ctx, label);
          return TRUE;
        }
    }
  return FALSE;
}

/* A label on a rounded plate of the background colour, framed when it
 * says so, so that it reads over curves, bars and dots. */
void
_sd_distribution_label_render (const SdDistributionLabel *label,
                               const SdThemeStyle        *style,
                               cairo_t                   *cr)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, SD_TEXT_BODY, label->markup);
  double pad = SD_DISTRIBUTION_PLATE_PADDING * style->font_size;
  double background[4];

  memcpy (background, style->background, sizeof background);
  background[3] = PLATE_ALPHA;

  cairo_save (cr);
  sd_rounded_rectangle (cr, &label->box, pad);
  sd_set_source_color (cr, background);
  cairo_fill_preserve (cr);
  if (label->framed)
    {
      cairo_set_line_width (cr, style->axis_line_width);
      sd_set_source_color (cr, label->frame);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  sd_set_source_color (cr, label->text);
  sd_text_draw (cr, layout, label->box.x + pad, label->box.y + pad, SD_TEXT_LEFT, SD_TEXT_TOP,
                0.0);
  cairo_restore (cr);
}

/* Draws the plates of the labels whose kind is in @kinds, a mask of
 * 1 << SdDistributionLabelKind, in the order they were placed. */
void
_sd_distribution_labels_render (const GArray       *labels,
                                guint               kinds,
                                const SdThemeStyle *style,
                                cairo_t            *cr)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const SdDistributionLabel *label = &g_array_index (labels, SdDistributionLabel, i);

      if (label->plate && (kinds & (1u << label->kind)))
        _sd_distribution_label_render (label, style, cr);
    }
}
