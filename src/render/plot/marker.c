/* marker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "marker.h"

static void
marker_path (cairo_t  *cr,
             SdMarker  marker,
             double    x,
             double    y,
             double    size)
{
  double r = size / 2;

  switch (marker)
    {
    case SD_MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;

    case SD_MARKER_SQUARE:
      /* Squares look bigger than discs of the same width. */
      r *= 0.89;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;

    case SD_MARKER_DIAMOND:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;

    case SD_MARKER_TRIANGLE:
      /* The centroid sits on the point, so the triangle looks centred. */
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r / 2);
      cairo_line_to (cr, x - r * 0.866, y + r / 2);
      cairo_close_path (cr);
      break;

    case SD_MARKER_CROSS:
      cairo_move_to (cr, x - r, y);
      cairo_line_to (cr, x + r, y);
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x, y + r);
      break;

    case SD_MARKER_NONE:
    default:
      break;
    }
}

/**
 * sd_marker_draw:
 * @cr: a cairo context
 * @style: the figure's style; gives the size and the outline colour
 * @marker: the shape
 * @x: the point marked
 * @y: the point marked
 * @rgba: (array fixed-size=4): the marker's colour
 *
 * Draws a marker @style->marker_size wide, filled with @rgba and outlined
 * in the background colour so that it stands out on lines and heatmaps
 * alike. A cross is stroked in @rgba instead.
 */
void
sd_marker_draw (cairo_t            *cr,
                const SdThemeStyle *style,
                SdMarker            marker,
                double              x,
                double              y,
                const double        rgba[4])
{
  double outline[4];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (rgba != NULL);

  if (marker == SD_MARKER_NONE)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);
  marker_path (cr, marker, x, y, style->marker_size);

  if (marker == SD_MARKER_CROSS)
    {
      cairo_set_line_width (cr, MAX (style->line_width * 0.75, style->axis_line_width));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      sd_set_source_color (cr, rgba);
      cairo_stroke (cr);
    }
  else
    {
      memcpy (outline, style->background, sizeof outline);
      outline[3] = 1.0;
      sd_set_source_color (cr, rgba);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 0.15 * style->marker_size);
      sd_set_source_color (cr, outline);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* A circle of the background colour, opaque: a mark's halo. */
static void
opaque_background (const SdThemeStyle *style,
                   double              rgba[4])
{
  memcpy (rgba, style->background, 4 * sizeof (double));
  rgba[3] = 1.0;
}

static void
draw_circle (cairo_t            *cr,
             const SdThemeStyle *style,
             double              x,
             double              y,
             const double        color[4],
             gboolean            filled)
{
  double size = style->marker_size;
  double background[4];

  opaque_background (style, background);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, (filled ? 0.65 : 0.55) * size, 0, 2 * G_PI);
  sd_set_source_color (cr, filled ? color : background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, (filled ? 0.15 : 0.3) * size);
  sd_set_source_color (cr, filled ? background : color);
  cairo_stroke (cr);
}

static void
draw_cross (cairo_t            *cr,
            const SdThemeStyle *style,
            double              x,
            double              y)
{
  static const double red[4] = SD_DIVERGED_RGBA;
  double size = style->marker_size;
  double r = 0.7 * size;
  double background[4];

  opaque_background (style, background);
  cairo_new_path (cr);
  cairo_move_to (cr, x - r, y - r);
  cairo_line_to (cr, x + r, y + r);
  cairo_move_to (cr, x - r, y + r);
  cairo_line_to (cr, x + r, y - r);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 0.6 * size);
  sd_set_source_color (cr, background);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 0.32 * size);
  sd_set_source_color (cr, red);
  cairo_stroke (cr);
}

/**
 * sd_run_mark_draw:
 * @cr: a cairo context
 * @style: the figure's style; gives the size and the halo's colour
 * @mark: which mark
 * @x: the point marked
 * @y: the point marked
 * @rgba: (array fixed-size=4): the run's colour
 *
 * Draws one of a run's marks, @style->marker_size across or a little
 * more, leaving the context's source, line width and cap changed.
 */
void
sd_run_mark_draw (cairo_t            *cr,
                  const SdThemeStyle *style,
                  SdRunMark           mark,
                  double              x,
                  double              y,
                  const double        rgba[4])
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (rgba != NULL);

  switch (mark)
    {
    case SD_RUN_MARK_START:
      draw_circle (cr, style, x, y, rgba, FALSE);
      break;
    case SD_RUN_MARK_END:
      draw_circle (cr, style, x, y, rgba, TRUE);
      break;
    case SD_RUN_MARK_DIVERGED:
      draw_cross (cr, style, x, y);
      break;
    default:
      g_return_if_reached ();
    }
}
