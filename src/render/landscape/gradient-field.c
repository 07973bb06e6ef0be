/* gradient-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "arrowhead.h"
#include "gradient-field.h"

/* Arrows across the plot's width; rows follow the area's shape, so cells
 * are square on screen (20 x 15 on a 4:3 plot). Fewer would hide the
 * field's turns, more would crowd out the trajectories. */
#define LATTICE_COLUMNS 20
#define MIN_ROWS 2
#define MAX_ROWS 60
/* Magnitudes are shown over this many decades below the largest one;
 * weaker arrows all get the shortest length. */
#define DECADES 3.0
/* The shortest and longest arrows, as fractions of a cell. */
#define MIN_LENGTH 0.25
#define MAX_LENGTH 0.8

/**
 * sd_gradient_field_get_lattice:
 * @plot: a laid out plot
 * @cols: (out): the number of columns the field should have
 * @rows: (out): the number of rows
 */
void
sd_gradient_field_get_lattice (const SdPlot *plot,
                               guint        *cols,
                               guint        *rows)
{
  cairo_rectangle_t area;
  double r;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (cols != NULL && rows != NULL);

  sd_plot_get_area (plot, &area);
  r = area.width > 0.0 ? round (LATTICE_COLUMNS * area.height / area.width) : MIN_ROWS;
  *cols = LATTICE_COLUMNS;
  *rows = (guint) CLAMP (r, MIN_ROWS, MAX_ROWS);
}

/**
 * sd_gradient_field_new:
 * @surface: the surface
 * @xmin: the left edge of the range
 * @xmax: the right edge
 * @ymin: the bottom edge
 * @ymax: the top edge
 * @cols: columns of cells, at least 1
 * @rows: rows of cells, at least 1
 *
 * Evaluates the surface and its exact gradient at each cell's centre. Surfaces over large
 * datasets cost a pass over the data per cell, which is why a figure keeps
 * the field between frames.
 *
 * Returns: (transfer full): the field
 */
SdGradientField *
sd_gradient_field_new (const SdSurface *surface,
                       double           xmin,
                       double           xmax,
                       double           ymin,
                       double           ymax,
                       guint            cols,
                       guint            rows)
{
  SdGradientField *self;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cols > 0 && rows > 0, NULL);

  self = g_new0 (SdGradientField, 1);
  self->cols = cols;
  self->rows = rows;
  self->xmin = xmin;
  self->xmax = xmax;
  self->ymin = ymin;
  self->ymax = ymax;
  self->value = g_new (double, (gsize) cols * rows);
  self->grad = g_new (double, 2 * (gsize) cols * rows);

  for (guint j = 0; j < rows; j++)
    for (guint i = 0; i < cols; i++)
      {
        double x = xmin + (i + 0.5) * (xmax - xmin) / cols;
        double y = ymin + (j + 0.5) * (ymax - ymin) / rows;

        gsize k = (gsize) j * cols + i;

        self->value[k] = sd_surface_eval (surface, x, y, self->grad + 2 * k, NULL);
      }

  return self;
}

/**
 * sd_gradient_field_free:
 * @field: (nullable): a field
 */
void
sd_gradient_field_free (SdGradientField *field)
{
  if (field == NULL)
    return;

  g_free (field->value);
  g_free (field->grad);
  g_free (field);
}

/* The decimal logarithms of the smallest and largest magnitude shown. */
static gboolean
magnitude_range (const SdGradientField *self,
                 double                *lo,
                 double                *hi)
{
  double min = INFINITY, max = -INFINITY;

  for (gsize k = 0; k < (gsize) self->cols * self->rows; k++)
    {
      double m = hypot (self->grad[2 * k], self->grad[2 * k + 1]);

      if (m > 0.0 && isfinite (m))
        {
          min = MIN (min, m);
          max = MAX (max, m);
        }
    }

  if (!(min <= max))
    return FALSE;

  *hi = log10 (max);
  *lo = MAX (log10 (min), *hi - DECADES);
  return TRUE;
}

/* One arrow in figure coordinates: centred on (cx, cy), along the unit
 * vector (ux, uy). */
typedef struct
{
  double   cx, cy, ux, uy, length;
  gboolean on_dark;
} Arrow;

/* Rec. 709 luma of an sRGB colour: how light it looks, 0 to 1. */
static double
luma (const double rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* Whether the heatmap is dark at the cell's centre. */
static gboolean
cell_on_dark (const SdColorbar *colorbar,
              double            value)
{
  double color[4];

  if (colorbar == NULL || !isfinite (value))
    return FALSE;

  sd_colorbar_get_color (colorbar, value, color);
  return luma (color) < SD_GRADIENT_FIELD_DARK_LUMA;
}

static void
append_shaft (cairo_t     *cr,
              const Arrow *a,
              double       head_length)
{
  /* The shaft stops inside the head so that no gap shows between them. */
  double end = a->length / 2 - 0.9 * MIN (head_length, 0.6 * a->length);

  cairo_move_to (cr, a->cx - a->ux * a->length / 2, a->cy - a->uy * a->length / 2);
  cairo_line_to (cr, a->cx + a->ux * end, a->cy + a->uy * end);
}

static void
append_head (cairo_t     *cr,
             const Arrow *a,
             double       head_length,
             double       head_width)
{
  double h = MIN (head_length, 0.6 * a->length);
  const SdArrowhead head = { h, 0.5 * head_width * h / head_length, 0.0 };

  sd_arrowhead_append (cr, &head, a->cx + a->ux * a->length / 2, a->cy + a->uy * a->length / 2,
                       a->ux, a->uy);
}

/**
 * sd_gradient_field_draw:
 * @field: a field
 * @cr: a cairo context, clipped to the plot area
 * @plot: a laid out plot showing the field's range
 * @colorbar: (nullable): the colour bar of a heatmap under the arrows
 * @on_dark: (array fixed-size=4) (nullable): the colour of arrows over
 *   dark colours of the heatmap; required with @colorbar
 * @on_light: (array fixed-size=4): the colour of the other arrows
 *
 * Draws one arrow of −∇f, the direction of steepest descent, centred on
 * each cell. An arrow points where a small step of gradient descent
 * would move: the data-space vector drawn in the plot's coordinates, so
 * on axes of unequal scale it need not be perpendicular to the contours.
 * Lengths grow with the logarithm of the gradient's magnitude, from a
 * quarter of a cell for magnitudes 1000 times below the largest (or for
 * the smallest, if the field spans fewer decades) to 0.8 of a cell for the
 * largest: a linear scale would shrink all but the steepest arrows of most
 * loss surfaces to dots. Cells where the gradient vanishes or is not
 * finite get no arrow. Over a heatmap, arrows whose cell's centre has a
 * dark colour (luma below %SD_GRADIENT_FIELD_DARK_LUMA) take @on_dark,
 * so each stands out from what is under it. The shafts of each colour
 * are stroked at once and its heads filled at once.
 */
void
sd_gradient_field_draw (const SdGradientField *field,
                        cairo_t               *cr,
                        const SdPlot          *plot,
                        const SdColorbar      *colorbar,
                        const double          *on_dark,
                        const double          *on_light)
{
  const SdThemeStyle *style;
  cairo_rectangle_t area;
  g_autoptr(GArray) arrows = NULL;
  double lo, hi, cell, shaft_width, head_length, head_width;

  g_return_if_fail (field != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL);
  g_return_if_fail (colorbar == NULL || on_dark != NULL);
  g_return_if_fail (on_light != NULL);

  sd_plot_get_area (plot, &area);
  if (!magnitude_range (field, &lo, &hi) || area.width <= 0.0 || area.height <= 0.0)
    return;

  style = sd_plot_get_style (plot);
  cell = MIN (area.width / field->cols, area.height / field->rows);
  shaft_width = 0.55 * style->line_width;
  head_length = 5.0 * shaft_width;
  head_width = 4.2 * shaft_width;
  arrows = g_array_sized_new (FALSE, FALSE, sizeof (Arrow), (guint) field->cols * field->rows);

  for (guint j = 0; j < field->rows; j++)
    for (guint i = 0; i < field->cols; i++)
      {
        const double *g = field->grad + 2 * ((gsize) j * field->cols + i);
        double x = field->xmin + (i + 0.5) * (field->xmax - field->xmin) / field->cols;
        double y = field->ymin + (j + 0.5) * (field->ymax - field->ymin) / field->rows;
        double m = hypot (g[0], g[1]);
        double ex, ey, d, t;
        Arrow a;

        if (!(m > 0.0) || !isfinite (m))
          continue;

        /* The screen direction of −∇f: map a small step along it. */
        if (!sd_plot_map (plot, x, y, &a.cx, &a.cy)
            || !sd_plot_map (plot, x - g[0] / m * 1e-3 * (field->xmax - field->xmin),
                             y - g[1] / m * 1e-3 * (field->ymax - field->ymin), &ex, &ey))
          continue;
        d = hypot (ex - a.cx, ey - a.cy);
        if (!(d > 0.0))
          continue;

        t = hi > lo ? CLAMP ((log10 (m) - lo) / (hi - lo), 0.0, 1.0) : 1.0;
        a.on_dark = cell_on_dark (colorbar, field->value[(gsize) j * field->cols + i]);
        a.ux = (ex - a.cx) / d;
        a.uy = (ey - a.cy) / d;
        a.length = cell * (MIN_LENGTH + (MAX_LENGTH - MIN_LENGTH) * t);
        g_array_append_val (arrows, a);
      }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, shaft_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (gboolean dark = FALSE; dark <= TRUE; dark++)
    {
      if (dark && on_dark == NULL)
        continue;

      sd_set_source_color (cr, dark ? on_dark : on_light);
      for (guint k = 0; k < arrows->len; k++)
        if (g_array_index (arrows, Arrow, k).on_dark == dark)
          append_shaft (cr, &g_array_index (arrows, Arrow, k), head_length);
      cairo_stroke (cr);
      for (guint k = 0; k < arrows->len; k++)
        if (g_array_index (arrows, Arrow, k).on_dark == dark)
          append_head (cr, &g_array_index (arrows, Arrow, k), head_length, head_width);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}
