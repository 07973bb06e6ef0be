/* run-color.c: the colour and line a run is drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "run-color.h"
#include "theme.h"

/**
 * sd_run_get_color:
 * @run: a run of a scene
 * @index: its position in the scene
 * @rgba: (out caller-allocates) (array fixed-size=4): the run's colour
 *
 * The colour the scene gives the run, or else the run palette's colour for
 * its position (sd_run_palette_color()): one colour in every theme and
 * every view, so a run keeps its colour when others are hidden.
 */
void
sd_run_get_color (const SdSceneRun *run,
                  guint             index,
                  double            rgba[4])
{
  g_return_if_fail (run != NULL);
  g_return_if_fail (rgba != NULL);

  if (!run->has_color)
    {
      sd_run_palette_color (index, rgba);
      return;
    }

  memcpy (rgba, run->color, 3 * sizeof (double));
  rgba[3] = 1.0;
}

/* The print theme's runs differ in more than hue, for a page printed in
 * black and white: a dash pattern (in line widths) and an end mark each.
 * The marks repeat after five runs shifted by one, so runs five apart
 * still differ in one of the two. */
#define N_LOOKS 5
static const double print_dashes[N_LOOKS][4] = {
  { 0 },
  { 4.0, 2.0 },
  { 0.01, 2.2 },
  { 4.0, 1.8, 0.01, 1.8 },
  { 8.0, 2.5 },
};
static const guint print_n_dashes[N_LOOKS] = { 0, 2, 2, 4, 2 };
static const SdMarker print_markers[N_LOOKS] = {
  SD_MARKER_CIRCLE, SD_MARKER_SQUARE, SD_MARKER_TRIANGLE, SD_MARKER_DIAMOND, SD_MARKER_CROSS,
};

/**
 * sd_run_get_style:
 * @run: a run of a scene
 * @index: its position in the scene
 * @style: the figure's style
 * @run_style: (out caller-allocates): how the figure draws the run
 *
 * A run's colour, and in the print theme its dash pattern and end mark,
 * so that runs are told apart on paper printed in black and white.
 */
void
sd_run_get_style (const SdSceneRun   *run,
                  guint               index,
                  const SdThemeStyle *style,
                  SdRunStyle         *run_style)
{
  guint look = index % N_LOOKS;

  g_return_if_fail (run != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (run_style != NULL);

  *run_style = (SdRunStyle) { .end_marker = SD_MARKER_NONE };
  sd_run_get_color (run, index, run_style->color);
  if (style->theme != SD_THEME_PRINT)
    return;

  run_style->n_dashes = print_n_dashes[look];
  for (guint k = 0; k < run_style->n_dashes; k++)
    run_style->dashes[k] = print_dashes[look][k] * style->line_width;
  run_style->end_marker = print_markers[(look + index / N_LOOKS) % N_LOOKS];
}

/**
 * sd_run_style_set_dashes:
 * @run_style: a run's style
 * @cr: a cairo context
 *
 * Sets the run's dash pattern, or a solid line.
 */
void
sd_run_style_set_dashes (const SdRunStyle *run_style,
                         cairo_t          *cr)
{
  g_return_if_fail (run_style != NULL);

  cairo_set_dash (cr, run_style->dashes, run_style->n_dashes, 0.0);
}

/**
 * sd_run_style_draw_end:
 * @run_style: a run's style
 * @cr: a cairo context
 * @style: the figure's style
 * @x: where the run ends
 * @y: where the run ends
 *
 * Draws the run's end mark: the filled circle, or its print shape.
 */
void
sd_run_style_draw_end (const SdRunStyle   *run_style,
                       cairo_t            *cr,
                       const SdThemeStyle *style,
                       double              x,
                       double              y)
{
  g_return_if_fail (run_style != NULL);

  if (run_style->end_marker == SD_MARKER_NONE)
    sd_run_mark_draw (cr, style, SD_RUN_MARK_END, x, y, run_style->color);
  else
    sd_marker_draw (cr, style, run_style->end_marker, x, y, run_style->color);
}

/**
 * sd_run_get_legend_entry:
 * @run: a run of a scene
 * @index: its position in the scene
 * @style: the figure's style
 * @entry: a legend entry, whose colour, dashes and marker are set
 *
 * Draws the run's legend sample as the run is drawn: its colour and, in
 * the print theme, its dash pattern and end mark.
 */
void
sd_run_get_legend_entry (const SdSceneRun   *run,
                         guint               index,
                         const SdThemeStyle *style,
                         SdLegendEntry      *entry)
{
  SdRunStyle look;

  g_return_if_fail (entry != NULL);

  sd_run_get_style (run, index, style, &look);
  memcpy (entry->color, look.color, sizeof entry->color);
  memcpy (entry->dashes, look.dashes, sizeof entry->dashes);
  entry->n_dashes = look.n_dashes;
  entry->marker = look.end_marker;
}
