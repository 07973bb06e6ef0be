/* theme.h: the colours, fonts and line widths figures are drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * SdTheme:
 * @SD_THEME_LIGHT: dark text on white, the default
 * @SD_THEME_DARK: light text on near-black, for the dark desktop style
 * @SD_THEME_PRINT: black hairlines on white for papers and lecture notes
 *
 * The looks a figure can have. Names are "light", "dark" and "print".
 */
typedef enum
{
  SD_THEME_LIGHT,
  SD_THEME_DARK,
  SD_THEME_PRINT,
  SD_N_THEMES
} SdTheme;

/**
 * SD_THEME_FONT_SIZE:
 *
 * The size in points of tick labels, legend and colour-bar text at scale 1.
 *
 * All sizes are in points, one point being one cairo user unit, so a
 * figure 800 points wide is 800 logical pixels in the window and 800 pt
 * (11.1 in) in a PDF. 12 pt is the size of GNOME's caption text on screen,
 * where a user unit is a logical pixel.
 *
 * Printed at a width C smaller than the figure's width W, text shrinks by
 * C / W: an 800 pt figure in a 250 pt (3.5 in) paper column shows 12 pt as
 * 3.75 pt, too small to read, while a 480 pt figure shows it at 6.25 pt,
 * about the smallest size printed figures use. To keep body text at P pt
 * in print, pass `scale = P * W / (C * SD_THEME_FONT_SIZE)` to
 * sd_theme_get_style(), or export at a smaller W; the scale enlarges lines
 * with the text so the figure keeps its proportions.
 */
#define SD_THEME_FONT_SIZE 12.0

/**
 * SdThemeStyle:
 * @theme: the theme this style was made from
 * @scale: the factor all sizes were multiplied by
 * @background: the figure's fill, RGBA
 * @foreground: text: title, axis titles, tick labels, legend
 * @axis: the frame around the plot and its ticks
 * @grid: grid lines at the major ticks
 * @muted: secondary marks: minor ticks, the legend's frame, reference lines
 * @font_family: a Pango family list, the same in every theme
 * @font_size: tick labels, legend entries, colour-bar labels (pt)
 * @label_size: axis titles and the colour bar's title (pt)
 * @title_size: the figure's title (pt)
 * @line_width: data lines: curves, trajectories (pt)
 * @axis_line_width: the frame and the ticks (pt)
 * @grid_line_width: grid lines (pt)
 * @tick_length: length of major ticks outside the frame (pt)
 * @marker_size: the width of data markers (pt)
 * @padding: space around the figure's edge and between text blocks (pt)
 * @show_grid: whether sd_plot_draw_grid() draws anything
 * @minor_ticks: whether logarithmic axes get ticks at 2..9 × 10^k
 * @transparent: whether the figure's background is left unpainted, for
 *   figures placed over paper or slides of any colour
 *
 * Everything a figure needs to look like its theme, with the presentation
 * scale applied. A plain struct: callers may change fields after
 * sd_theme_get_style(), e.g. set @transparent for an export.
 */
typedef struct
{
  SdTheme     theme;
  double      scale;
  double      background[4];
  double      foreground[4];
  double      axis[4];
  double      grid[4];
  double      muted[4];
  const char *font_family;
  double      font_size;
  double      label_size;
  double      title_size;
  double      line_width;
  double      axis_line_width;
  double      grid_line_width;
  double      tick_length;
  double      marker_size;
  double      padding;
  gboolean    show_grid;
  gboolean    minor_ticks;
  gboolean    transparent;
} SdThemeStyle;

const char *sd_theme_get_name         (SdTheme             theme);
gboolean    sd_theme_from_name        (const char         *name,
                                       SdTheme            *theme);
void        sd_theme_get_style        (SdTheme             theme,
                                       double              scale,
                                       SdThemeStyle       *style);

guint       sd_run_palette_get_size   (void);
void        sd_run_palette_color      (guint               index,
                                       double              rgba[4]);
double      sd_color_difference       (const double        a[3],
                                       const double        b[3]);
guint       sd_palette_get_size       (SdTheme             theme);
void        sd_palette_color          (SdTheme             theme,
                                       guint               index,
                                       double              rgba[4]);
gboolean    sd_parse_color            (const char         *text,
                                       double              rgba[4]);

void        sd_set_source_color       (cairo_t            *cr,
                                       const double        rgba[4]);
void        sd_snap_to_pixels         (cairo_t            *cr,
                                       double              line_width,
                                       double             *x,
                                       double             *y);

G_END_DECLS
