/* contour-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "contour-layer.h"
#include "polyline.h"

/* How far, in points at scale 1, a drawn line may stray from the
 * contour: far below its width. */
#define TOLERANCE 0.25

/* Maps a piece of contour line to the figure and adds its thinned
 * vertices to the path. */
static void
append_piece (cairo_t  *cr,
              GArray   *piece,
              gboolean  closed,
              double    tolerance)
{
  SdPoint *points;
  guint n;

  if (piece->len < 2)
    return;

  /* A loop is thinned as a line from its first vertex back to it. */
  if (closed)
    {
      SdPoint first = g_array_index (piece, SdPoint, 0);

      g_array_append_val (piece, first);
    }
  points = (SdPoint *) (gpointer) piece->data;
  n = sd_polyline_simplify (points, piece->len, tolerance);
  if (closed)
    n--;

  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint k = 1; k < n; k++)
    cairo_line_to (cr, points[k].x, points[k].y);
  if (closed)
    cairo_close_path (cr);
}

static void
append_line (cairo_t             *cr,
             const SdPlot        *plot,
             const SdContourLine *line,
             GArray              *piece,
             double               tolerance)
{
  const SdContourPoint *points = (const SdContourPoint *) (gconstpointer) line->points->data;
  gboolean broken = FALSE;

  g_array_set_size (piece, 0);
  for (guint k = 0; k < line->points->len; k++)
    {
      SdPoint p;

      /* Contour points lie inside the grid, which the plot shows, so they
       * always map; a failed map only breaks the line. */
      if (!sd_plot_map (plot, points[k].x, points[k].y, &p.x, &p.y))
        {
          append_piece (cr, piece, FALSE, tolerance);
          g_array_set_size (piece, 0);
          broken = TRUE;
          continue;
        }

      g_array_append_val (piece, p);
    }

  append_piece (cr, piece, line->closed && !broken, tolerance);
}

/* Rec. 709 luma of an sRGB colour: how light it looks, 0 to 1. */
static double
luma (const double rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* Whether the heatmap colour along level @k is dark. */
static gboolean
level_on_dark (const SdContourSet *contours,
               guint               k,
               const SdColorbar   *colorbar)
{
  double color[4];

  sd_colorbar_get_color (colorbar, contours->levels[k].value, color);
  return luma (color) < SD_CONTOUR_DARK_LUMA;
}

static void
append_level (cairo_t              *cr,
              const SdPlot         *plot,
              const SdContourLevel *level,
              GArray               *piece,
              double                tolerance)
{
  for (guint l = 0; l < level->lines->len; l++)
    append_line (cr, plot, g_ptr_array_index (level->lines, l), piece, tolerance);
}

/**
 * sd_contour_layer_draw:
 * @cr: a cairo context, clipped to the plot area
 * @plot: a laid out plot
 * @contours: the lines to draw
 * @colorbar: (nullable): the colour bar of the heatmap under the lines,
 *   or of the lines themselves
 * @on_dark: (array fixed-size=4) (nullable): the colour of lines over
 *   dark colours of a heatmap
 * @on_light: (array fixed-size=4) (nullable): the colour of lines over
 *   light colours, or of all lines without @colorbar
 * @line_width: the lines' width in points
 *
 * Draws contour lines in one of three ways. With @colorbar and no
 * colours, each level takes its colour on the bar, for lines drawn alone.
 * With @colorbar and both colours, the lines lie over a heatmap coloured
 * by @colorbar: along a level the heatmap has exactly the level's colour,
 * so each level takes @on_dark where that colour is dark (luma below
 * %SD_CONTOUR_DARK_LUMA) and @on_light elsewhere, and every line stands
 * out from what is under it. Without @colorbar, all lines are @on_light.
 *
 * Each colour is one path stroked once, however many levels and pieces
 * it has. Lines are thinned to stray at most 0.25 points (times the
 * style's scale) from the contour, which drops most vertices of the
 * gentle curves a fine grid gives.
 */
void
sd_contour_layer_draw (cairo_t            *cr,
                       const SdPlot       *plot,
                       const SdContourSet *contours,
                       const SdColorbar   *colorbar,
                       const double       *on_dark,
                       const double       *on_light,
                       double              line_width)
{
  g_autoptr(GArray) piece = NULL;
  double tolerance;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL);
  g_return_if_fail (contours != NULL);
  g_return_if_fail (colorbar != NULL || on_light != NULL);
  g_return_if_fail ((on_dark == NULL) == (on_light == NULL) || colorbar == NULL);

  piece = g_array_new (FALSE, FALSE, sizeof (SdPoint));
  tolerance = TOLERANCE * sd_plot_get_style (plot)->scale;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, line_width);
  /* Between the short segments of a contour a round join differs from a
   * bevel by a fraction of a pixel, and cairo strokes bevels in about
   * two thirds of the time. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (colorbar == NULL)
    {
      for (guint k = 0; k < contours->n_levels; k++)
        append_level (cr, plot, &contours->levels[k], piece, tolerance);
      sd_set_source_color (cr, on_light);
      cairo_stroke (cr);
    }
  else if (on_light == NULL)
    {
      for (guint k = 0; k < contours->n_levels; k++)
        {
          double color[4];

          append_level (cr, plot, &contours->levels[k], piece, tolerance);
          sd_colorbar_get_color (colorbar, contours->levels[k].value, color);
          sd_set_source_color (cr, color);
          cairo_stroke (cr);
        }
    }
  else
    {
      for (gboolean dark = FALSE; dark <= TRUE; dark++)
        {
          for (guint k = 0; k < contours->n_levels; k++)
            if (level_on_dark (contours, k, colorbar) == dark)
              append_level (cr, plot, &contours->levels[k], piece, tolerance);
          sd_set_source_color (cr, dark ? on_dark : on_light);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}
