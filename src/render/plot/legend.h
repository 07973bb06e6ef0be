/* legend.h: the box that names the runs or curves of a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "marker.h"
#include "theme.h"

G_BEGIN_DECLS

/**
 * SdLegendPlacement:
 * @SD_LEGEND_AUTO: the corner where the legend covers the least of the
 *   busy rectangles given to sd_legend_draw(), top right on a tie; for
 *   sd_legend_fit(), the place along the plot's edges where it hides the
 *   least
 * @SD_LEGEND_TOP_RIGHT: inside the plot's top right corner
 * @SD_LEGEND_TOP_LEFT: inside the plot's top left corner
 * @SD_LEGEND_BOTTOM_LEFT: inside the plot's bottom left corner
 * @SD_LEGEND_BOTTOM_RIGHT: inside the plot's bottom right corner
 *
 * Where the legend goes. A corner chosen is kept by sd_legend_fit() too,
 * which then only sets the legend to fit it: a figure whose data moves,
 * such as an iterate while a race plays, can choose the corner once and
 * keep it.
 */
typedef enum
{
  SD_LEGEND_AUTO,
  SD_LEGEND_TOP_RIGHT,
  SD_LEGEND_TOP_LEFT,
  SD_LEGEND_BOTTOM_LEFT,
  SD_LEGEND_BOTTOM_RIGHT,
} SdLegendPlacement;

/**
 * SdLegendEntry:
 * @markup: the label in Pango markup
 * @color: the entry's colour, RGBA
 * @line_width: the width of its line sample, 0 for none
 * @dashes: the line's dash pattern, as cairo_set_dash() takes it
 * @n_dashes: the number of values in @dashes, 0 for a solid line
 * @marker: the marker drawn at the sample's middle
 * @filled: whether the sample is a filled swatch (for shaded areas)
 *
 * How one run or curve is drawn, so the legend draws it alike.
 */
typedef struct
{
  const char *markup;
  double      color[4];
  double      line_width;
  double      dashes[4];
  guint       n_dashes;
  SdMarker    marker;
  gboolean    filled;
} SdLegendEntry;

/**
 * SdLegendFit:
 * @box: where the legend's box goes, in the coordinates of the area it
 *   was fitted to
 * @font_scale: the size of its text (and markers and spacing) as a
 *   fraction of the style's body text: 1, 0.9, 0.8 or 0.7
 * @columns: how many columns its entries fill, top to bottom and then
 *   left to right
 * @wrap_width: the width its labels wrap at, in points; 0 when they do
 *   not wrap
 * @covered: how many of the data's points the box covers
 * @hidden: how many of the rectangles to avoid (labels, marks) it covers
 *
 * How a legend fits a plot, as sd_legend_fit() or sd_legend_fit_size()
 * found it and sd_legend_draw_fit() draws it.
 */
typedef struct
{
  cairo_rectangle_t box;
  double            font_scale;
  guint             columns;
  double            wrap_width;
  gsize             covered;
  guint             hidden;
} SdLegendFit;

/**
 * SdLegendDrawFunc:
 * @cr: where to draw, in the figure's points
 * @user_data: the data passed with it
 *
 * Draws a figure's data, for sd_legend_ink_points().
 */
typedef void (*SdLegendDrawFunc) (cairo_t  *cr,
                                  gpointer  user_data);

/**
 * SdLegend:
 *
 * A box inside the plot listing what each line, marker or swatch means,
 * drawn with sd_legend_draw() after the data; or fitted to the plot with
 * sd_legend_fit() and drawn with sd_legend_draw_fit(), which shrink,
 * wrap or spread it over columns until it fits and put it where it
 * covers the least data.
 */
typedef struct _SdLegend SdLegend;

SdLegend *sd_legend_new           (void);
void      sd_legend_free          (SdLegend                *legend);
void      sd_legend_add           (SdLegend                *legend,
                                   const SdLegendEntry     *entry);
guint     sd_legend_get_n_entries (const SdLegend          *legend);
void      sd_legend_set_placement (SdLegend                *legend,
                                   SdLegendPlacement        placement);
void      sd_legend_measure       (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   double                  *width,
                                   double                  *height);
gboolean  sd_legend_get_box       (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   const cairo_rectangle_t *area,
                                   const cairo_rectangle_t *busy,
                                   guint                    n_busy,
                                   cairo_rectangle_t       *box);
void      sd_legend_draw          (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   const cairo_rectangle_t *area,
                                   const cairo_rectangle_t *busy,
                                   guint                    n_busy,
                                   cairo_rectangle_t       *box);

gboolean  sd_legend_fit_size      (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   double                   max_width,
                                   double                   max_height,
                                   SdLegendFit             *fit);
gboolean  sd_legend_fit           (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   const cairo_rectangle_t *area,
                                   const double            *points,
                                   gsize                    n_points,
                                   const cairo_rectangle_t *avoid,
                                   guint                    n_avoid,
                                   SdLegendFit             *fit);
double    sd_legend_fit_below     (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   double                   figure_width,
                                   SdLegendFit             *fit);
void      sd_legend_place_below   (SdLegendFit             *fit,
                                   const SdThemeStyle      *style,
                                   const cairo_rectangle_t *area,
                                   double                   figure_width,
                                   double                   figure_height);
void      sd_legend_draw_fit      (SdLegend                *legend,
                                   cairo_t                 *cr,
                                   const SdThemeStyle      *style,
                                   const SdLegendFit       *fit);
gsize     sd_legend_count_points  (const cairo_rectangle_t *box,
                                   const double            *points,
                                   gsize                    n_points);
GArray   *sd_legend_ink_points    (const cairo_rectangle_t *area,
                                   SdLegendDrawFunc         draw,
                                   gpointer                 user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLegend, sd_legend_free)

G_END_DECLS
