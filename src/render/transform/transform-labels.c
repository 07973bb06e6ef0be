/* transform-labels.c: the labels of the transform figure: where they go,
 * and how they are drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "text.h"
#include "transform-private.h"

/* Between a point and its label, in font sizes. */
#define LABEL_GAP 0.35
/* How many times a label goes round its point, a font size farther out
 * each time, looking for room: a label that must be shown goes farther,
 * past the arrows, the ellipse and the labels crowding the origin. */
#define OPTIONAL_RINGS 2
#define REQUIRED_RINGS 8

void
_sd_transform_label_clear (gpointer data)
{
  SdTransformLabel *label = data;

  g_clear_pointer (&label->markup, g_free);
}

/* The size of a label's text, as the figure's labels are set. */
void
_sd_transform_label_measure (const SdTransformContext *ctx,
                             const char               *markup,
                             double                   *width,
                             double                   *height)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (ctx->measure, ctx->style, SD_TEXT_LABEL,
                                                      markup);

  sd_text_get_size (layout, width, height, NULL);
}

/* Records a label at @box, which the placer already holds. */
void
_sd_transform_label_add (SdTransformContext      *ctx,
                         SdTransformLabelKind     kind,
                         guint                    index,
                         const char              *markup,
                         const double             color[4],
                         const cairo_rectangle_t *box)
{
  SdTransformLabel label = { kind, index, g_strdup (markup), *box, { 0 } };

  memcpy (label.color, color, sizeof label.color);
  g_array_append_val (ctx->labels, label);
}

/* Places a label next to the page point @at, on the side @side (a unit
 * vector) if there is room, otherwise as the label placer finds room
 * around it (see sd_label_placer_place_around()). A @required label that
 * fits nowhere takes its first place anyway, inside the plot; others are
 * left out, as they stay close to their point or not at all.
 *
 * Returns: whether the label was placed */
gboolean
_sd_transform_label_place (SdTransformContext   *ctx,
                           SdTransformLabelKind  kind,
                           guint                 index,
                           const char           *markup,
                           const double          color[4],
                           const double          at[2],
                           const double          side[2],
                           gboolean              required)
{
  SdLabelRequest request = {
    .x = at[0], .y = at[1], .dx = side[0], .dy = side[1],
    .gap = LABEL_GAP * ctx->em, .rings = required ? REQUIRED_RINGS : OPTIONAL_RINGS,
    .ring = ctx->em,
  };
  cairo_rectangle_t box;

  _sd_transform_label_measure (ctx, markup, &request.width, &request.height);
  if (!sd_label_placer_place_around (ctx->placer, &request, &box))
    {
      if (!required)
        return FALSE;
      sd_label_placer_clamp (ctx->placer, &box, 0.0);
      sd_label_placer_add_label (ctx->placer, &box);
    }

  _sd_transform_label_add (ctx, kind, index, markup, color, &box);
  return TRUE;
}

/* Labels the tip of the data vector @tip, beyond it; @fallback is the
 * side, on the page, for a vector too short to point anywhere. */
gboolean
_sd_transform_label_tip (SdTransformContext   *ctx,
                         SdTransformLabelKind  kind,
                         guint                 index,
                         const char           *markup,
                         const double          color[4],
                         const double          tip[2],
                         const double          fallback[2],
                         gboolean              required)
{
  double at[2], side[2];

  if (!_sd_transform_in_view (ctx, tip))
    return FALSE;

  _sd_transform_to_page (ctx, tip[0], tip[1], &at[0], &at[1]);
  _sd_transform_page_direction (ctx, tip[0], tip[1], fallback[0], fallback[1],
                                &side[0], &side[1]);
  return _sd_transform_label_place (ctx, kind, index, markup, color, at, side, required);
}

/* Draws the text centred in its box over a halo of the background colour,
 * so that it reads over grid lines and fills. */
static void
render_label (const SdTransformLabel *label,
              const SdThemeStyle     *style,
              cairo_t                *cr)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, SD_TEXT_LABEL, label->markup);
  PangoRectangle logical;
  double halo[4];
  double x = label->box.x + label->box.width / 2, y = label->box.y + label->box.height / 2;

  pango_layout_get_extents (layout, NULL, &logical);
  _sd_transform_set_alpha (halo, style->background, 0.85);

  cairo_save (cr);
  cairo_move_to (cr, x - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 y - (logical.y + logical.height / 2.0) / PANGO_SCALE);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_layout_path (cr, layout);
  sd_set_source_color (cr, halo);
  cairo_set_line_width (cr, 0.3 * style->font_size);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  sd_set_source_color (cr, label->color);
  sd_text_draw (cr, layout, x, y, SD_TEXT_CENTER, SD_TEXT_MIDDLE, 0.0);
  cairo_restore (cr);
}

void
_sd_transform_labels_render (const GArray       *labels,
                             const SdThemeStyle *style,
                             cairo_t            *cr)
{
  for (guint i = 0; i < labels->len; i++)
    render_label (&g_array_index (labels, SdTransformLabel, i), style, cr);
}
