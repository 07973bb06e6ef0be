/* text.h: labels in Pango markup, measured and placed by an anchor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "theme.h"

G_BEGIN_DECLS

/**
 * SdTextRole:
 * @SD_TEXT_BODY: tick labels, legend entries, annotations
 * @SD_TEXT_LABEL: axis titles and the colour bar's title
 * @SD_TEXT_TITLE: the figure's title, in bold
 *
 * Which of a #SdThemeStyle's fonts a text uses.
 */
typedef enum
{
  SD_TEXT_BODY,
  SD_TEXT_LABEL,
  SD_TEXT_TITLE,
} SdTextRole;

/**
 * SdTextHAnchor:
 * @SD_TEXT_LEFT: the point is on the text's left edge
 * @SD_TEXT_CENTER: the point is on the text's vertical centre line
 * @SD_TEXT_RIGHT: the point is on the text's right edge
 *
 * Where a text sits horizontally relative to the point it is drawn at,
 * in the text's own direction (before any rotation).
 */
typedef enum
{
  SD_TEXT_LEFT,
  SD_TEXT_CENTER,
  SD_TEXT_RIGHT,
} SdTextHAnchor;

/**
 * SdTextVAnchor:
 * @SD_TEXT_TOP: the point is on the top of the text's line box
 * @SD_TEXT_MIDDLE: the point is halfway between top and bottom
 * @SD_TEXT_BASELINE: the point is on the first line's baseline
 * @SD_TEXT_BOTTOM: the point is on the bottom of the line box
 *
 * Where a text sits vertically relative to the point it is drawn at. The
 * line box is the font's (ascent to descent), not the ink, so "0.5" and
 * "−1" anchored alike line up.
 */
typedef enum
{
  SD_TEXT_TOP,
  SD_TEXT_MIDDLE,
  SD_TEXT_BASELINE,
  SD_TEXT_BOTTOM,
} SdTextVAnchor;

PangoLayout *sd_text_layout_new  (cairo_t             *cr,
                                  const SdThemeStyle  *style,
                                  SdTextRole           role,
                                  const char          *markup);
void         sd_text_set_markup  (PangoLayout         *layout,
                                  const char          *markup);
void         sd_text_get_size    (PangoLayout         *layout,
                                  double              *width,
                                  double              *height,
                                  double              *baseline);
void         sd_text_get_box     (PangoLayout         *layout,
                                  double               x,
                                  double               y,
                                  SdTextHAnchor        h_anchor,
                                  SdTextVAnchor        v_anchor,
                                  double               angle,
                                  cairo_rectangle_t   *box);
void         sd_text_draw        (cairo_t             *cr,
                                  PangoLayout         *layout,
                                  double               x,
                                  double               y,
                                  SdTextHAnchor        h_anchor,
                                  SdTextVAnchor        v_anchor,
                                  double               angle);
void         sd_text_draw_title  (cairo_t             *cr,
                                  const SdThemeStyle  *style,
                                  PangoLayout         *title,
                                  double               centre,
                                  double               figure_width);

G_END_DECLS
