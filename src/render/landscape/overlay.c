/* overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "arrowhead.h"
#include "explain.h"
#include "overlay.h"
#include "run-color.h"
#include "text.h"

#define HEAD_LENGTH 9.0
#define HEAD_HALF_WIDTH 4.0
#define LINE_WIDTH 2.0
#define HALO_WIDTH 2.0
/* The ring that marks an arrow too short to see, in points. */
#define SHORT_RING_RADIUS 5.0

/* The overlays' colours are GNOME palette colours that stay apart from
 * each other and from the usual colour maps; each line gets a halo in the
 * background colour so it reads on any part of the map. Each part prefers
 * the first of its candidates and takes the next when a run of the scene,
 * or a part before it, has a colour too like it (sd_overlay_colors_init()):
 * an arrow must never be mistaken for a run. */
#define MAX_CANDIDATES 4
static const guint32 candidates[4][MAX_CANDIDATES] = {
  { 0xe01b24, 0xa51d2d, 0xc061cb, 0x986a44 }, /* gradient: red 3, red 5, purple 2, brown 3 */
  { 0x2ec27e, 0x8ff0a4, 0xf5c211, 0x986a44 }, /* step: green 4, green 1, yellow 4, brown 3 */
  { 0x9141ac, 0xc061cb, 0x986a44, 0xa51d2d }, /* velocity: purple 3, purple 2, brown 3, red 5 */
  { 0xff7800, 0xf5c211, 0x986a44, 0xc061cb }, /* adam: orange 3, yellow 4, brown 3, purple 2 */
};
/* Two line colours closer than this (CIE ΔE*ab) can be mistaken for each
 * other at a glance. */
#define MIN_COLOR_DIFFERENCE 25.0

/* Which row of SdOverlayColors @part takes. */
static guint
part_index (SdExplainFlags part)
{
  switch (part)
    {
    case SD_EXPLAIN_GRADIENT:
      return 0;
    case SD_EXPLAIN_STEP:
      return 1;
    case SD_EXPLAIN_VELOCITY:
      return 2;
    case SD_EXPLAIN_ADAM_STEP:
    default:
      return 3;
    }
}

static void
hex_color (guint32 hex,
           double  rgba[4])
{
  rgba[0] = (hex >> 16 & 0xff) / 255.0;
  rgba[1] = (hex >> 8 & 0xff) / 255.0;
  rgba[2] = (hex & 0xff) / 255.0;
  rgba[3] = 1.0;
}

/* Whether @rgba is too like one of the @n colours taken. */
static gboolean
is_taken (const double  rgba[4],
          const double (*taken)[4],
          guint         n)
{
  for (guint i = 0; i < n; i++)
    if (sd_color_difference (rgba, taken[i]) < MIN_COLOR_DIFFERENCE)
      return TRUE;
  return FALSE;
}

/* The colour @data draws @part in; a zeroed SdOverlayData (alpha 0) takes
 * the preferred colours. */
static const double *
part_color (const SdOverlayData *data,
            SdExplainFlags       part,
            double               preferred[4])
{
  const double *color = data->colors.part[part_index (part)];

  if (color[3] > 0.0)
    return color;
  hex_color (candidates[part_index (part)][0], preferred);
  return preferred;
}

/**
 * sd_overlay_colors_init:
 * @colors: (out caller-allocates): the colours
 * @scene: (nullable): the surface scene whose runs the overlays must stand
 *   apart from, or %NULL for the preferred colours
 *
 * Chooses the overlays' colours: for each part the first of its
 * candidates that is unlike the colour of every visible run and of the
 * parts before it; the preferred one when none is.
 */
void
sd_overlay_colors_init (SdOverlayColors *colors,
                        const SdScene   *scene)
{
  double taken[SD_SCENE_MAX_RUNS + 4][4];
  const GPtrArray *runs = scene != NULL ? sd_scene_get_surface (scene)->runs : NULL;
  guint n_taken = 0;

  g_return_if_fail (colors != NULL);

  for (guint i = 0; runs != NULL && i < runs->len && n_taken < SD_SCENE_MAX_RUNS; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (runs, i);

      if (run->visible)
        sd_run_get_color (run, i, taken[n_taken++]);
    }

  for (guint p = 0; p < G_N_ELEMENTS (candidates); p++)
    {
      hex_color (candidates[p][0], colors->part[p]);
      for (guint c = 0; c < MAX_CANDIDATES; c++)
        {
          double rgba[4];

          hex_color (candidates[p][c], rgba);
          if (!is_taken (rgba, (const double (*)[4]) taken, n_taken))
            {
              memcpy (colors->part[p], rgba, sizeof rgba);
              break;
            }
        }
      memcpy (taken[n_taken++], colors->part[p], sizeof colors->part[p]);
    }
}

static gboolean
is_finite_point (const double *points,
                 guint         i)
{
  return isfinite (points[2 * i]) && isfinite (points[2 * i + 1]);
}

static double
point_distance (const double *points,
                guint         a,
                guint         b)
{
  return hypot (points[2 * b] - points[2 * a], points[2 * b + 1] - points[2 * a + 1]);
}

/* How long the polyline is from point @from to where its piece ends, going
 * in direction @dir (1 or -1); sets @whole if it reaches the other end of
 * the polyline. */
static double
piece_length (const double *points,
              guint         n_points,
              guint         from,
              int           dir,
              gboolean     *whole)
{
  double length = 0.0;
  guint k = from;

  *whole = FALSE;
  for (;;)
    {
      guint next = (guint) ((int) k + dir);

      if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= n_points))
        {
          *whole = TRUE;
          return length;
        }
      if (!is_finite_point (points, next))
        return length;
      length += point_distance (points, k, next);
      k = next;
    }
}

/* One end of an arrow: its head runs from @base to @tip (none if they
 * coincide), and the shaft goes on from @base to point @inner and on
 * inwards. */
typedef struct
{
  gboolean has_head;
  double   tip[2];
  double   base[2];
  guint    inner;
} ArrowEnd;

/* Walks @head along the polyline from its end point @from in direction
 * @dir and puts the head's base there. */
static void
place_head (const double *points,
            guint         n_points,
            guint         from,
            int           dir,
            double        head,
            ArrowEnd     *end)
{
  double walked = 0.0;
  guint k = from;

  end->tip[0] = points[2 * from];
  end->tip[1] = points[2 * from + 1];
  end->base[0] = end->tip[0];
  end->base[1] = end->tip[1];
  end->inner = from;

  while (!((dir < 0 && k == 0) || (dir > 0 && k + 1 >= n_points)))
    {
      guint next = (guint) ((int) k + dir);
      double step;

      if (!is_finite_point (points, next))
        break;
      step = point_distance (points, k, next);
      end->inner = next;
      if (walked + step >= head && step > 0.0)
        {
          double t = (head - walked) / step;

          end->base[0] = points[2 * k] + t * (points[2 * next] - points[2 * k]);
          end->base[1] = points[2 * k + 1] + t * (points[2 * next + 1] - points[2 * k + 1]);
          break;
        }
      walked += step;
      end->base[0] = points[2 * next];
      end->base[1] = points[2 * next + 1];
      k = next;
    }

  end->has_head = hypot (end->tip[0] - end->base[0], end->tip[1] - end->base[1]) > 0.0;
}

/* The shaft from the start's head (or first point) to the end's head (or
 * last point), broken where the points are not finite. */
static void
append_shaft (cairo_t        *cr,
              const double   *points,
              const ArrowEnd *start,
              const ArrowEnd *end)
{
  gboolean pen_down = TRUE;

  cairo_new_path (cr);
  cairo_move_to (cr, start->base[0], start->base[1]);
  for (guint k = start->inner; k <= end->inner; k++)
    {
      if (!is_finite_point (points, k))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, points[2 * k], points[2 * k + 1]);
      else
        cairo_move_to (cr, points[2 * k], points[2 * k + 1]);
      pen_down = TRUE;
    }
  cairo_line_to (cr, end->base[0], end->base[1]);
}

/* A head's triangle, as long as from its base to its tip. */
static void
append_head (cairo_t        *cr,
             const ArrowEnd *end)
{
  double dx = end->tip[0] - end->base[0], dy = end->tip[1] - end->base[1];
  double length = hypot (dx, dy);
  const SdArrowhead head = { length, HEAD_HALF_WIDTH * length / HEAD_LENGTH, 0.0 };

  cairo_new_path (cr);
  sd_arrowhead_append (cr, &head, end->tip[0], end->tip[1], dx / length, dy / length);
}

/**
 * sd_overlay_draw_arrow:
 * @cr: a cairo context
 * @style: the figure's style: its scale and, for the halo, its background
 * @color: the arrow's colour
 * @points: (array): 2 × @n_points coordinates, x and y of each point in
 *   turn; a point that is not finite breaks the line there
 * @n_points: how many points
 * @heads: which ends get a filled head, whose tip is exactly the end point
 * @dashed: whether the line is dashed (the heads are not)
 *
 * Draws an arrow along a polyline, in points, as the overlays draw theirs:
 * a line over a halo in the background colour, so that it reads on any
 * colour beneath. A head shrinks to fit the piece of line it ends (to half
 * of it when both heads end the same piece); an arrow shorter than a point
 * draws nothing, being too short to show a direction.
 */
void
sd_overlay_draw_arrow (cairo_t            *cr,
                       const SdThemeStyle *style,
                       const double        color[4],
                       const double       *points,
                       guint               n_points,
                       SdOverlayHeads      heads,
                       gboolean            dashed)
{
  double length = 0.0, dashes[1];
  ArrowEnd ends[2];
  gboolean whole;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  /* The ends are the first and last points that are finite. */
  while (n_points > 0 && !is_finite_point (points, 0))
    points += 2, n_points--;
  while (n_points > 0 && !is_finite_point (points, n_points - 1))
    n_points--;

  for (guint k = 0; k + 1 < n_points; k++)
    if (is_finite_point (points, k) && is_finite_point (points, k + 1))
      length += point_distance (points, k, k + 1);
  if (!(length >= 1.0) || !isfinite (length))
    return;

  for (guint e = 0; e < 2; e++)
    {
      SdOverlayHeads which = e == 0 ? SD_OVERLAY_HEAD_START : SD_OVERLAY_HEAD_END;
      guint from = e == 0 ? 0 : n_points - 1;
      int dir = e == 0 ? 1 : -1;
      double head = 0.0;

      if (heads & which)
        {
          double piece = piece_length (points, n_points, from, dir, &whole);

          /* Two heads on one piece share it. */
          head = MIN (HEAD_LENGTH * style->scale,
                      (whole && heads == (SD_OVERLAY_HEAD_START | SD_OVERLAY_HEAD_END)
                       ? 0.5 : 1.0) * piece);
        }
      place_head (points, n_points, from, dir, head, &ends[e]);
    }

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  dashes[0] = 5.0 * style->scale;
  for (guint pass = 0; pass < 2; pass++)
    {
      double extra = pass == 0 ? 2.0 * HALO_WIDTH * style->scale : 0.0;

      sd_set_source_color (cr, pass == 0 ? style->background : color);
      cairo_set_line_width (cr, LINE_WIDTH * style->scale + extra);
      /* A bent shaft gets round joins, so that no mitre sticks out at a
       * sharp bend. A straight one has no joins, but cairo's stroker
       * places its edges a little differently under each setting: it
       * keeps the mitre, so that the map's arrows stay as they were. */
      cairo_set_line_join (cr, n_points > 2 ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
      cairo_set_dash (cr, dashes, dashed && pass == 1 ? 1 : 0, 0.0);
      append_shaft (cr, points, &ends[0], &ends[1]);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.0);

      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      for (int e = 1; e >= 0; e--)
        {
          if (!ends[e].has_head)
            continue;
          append_head (cr, &ends[e]);
          if (pass == 0)
            {
              cairo_set_line_width (cr, extra);
              cairo_stroke_preserve (cr);
            }
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/**
 * sd_overlay_stroke:
 * @cr: a cairo context with a path
 * @style: the figure's style
 * @color: the line's colour
 *
 * Strokes the current path as the overlays draw their lines, over a halo
 * in the background colour, with the context's joins, and clears it.
 */
void
sd_overlay_stroke (cairo_t            *cr,
                   const SdThemeStyle *style,
                   const double        color[4])
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  sd_set_source_color (cr, style->background);
  cairo_set_line_width (cr, (LINE_WIDTH + 2.0 * HALO_WIDTH) * style->scale);
  cairo_stroke_preserve (cr);
  sd_set_source_color (cr, color);
  cairo_set_line_width (cr, LINE_WIDTH * style->scale);
  cairo_stroke (cr);
}

/* An arrow from the iterate by a displacement in data coordinates. */
/* Marks an arrow too short to see at this scale: a ring of its colour
 * around the iterate, a size for each part so that two such rings do not
 * hide each other. */
static void
mark_too_short (cairo_t            *cr,
                const SdThemeStyle *style,
                const double        color[4],
                SdExplainFlags      part,
                double              x,
                double              y)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, (SHORT_RING_RADIUS + 2.5 * part_index (part)) * style->scale, 0.0,
             2.0 * G_PI);
  sd_overlay_stroke (cr, style, color);
}

/* An arrow from the iterate by a displacement in data coordinates;
 * returns whether it was too short to see, and marked as such. */
static gboolean
data_arrow (cairo_t             *cr,
            const SdPlot        *plot,
            const SdThemeStyle  *style,
            const SdOverlayData *data,
            SdExplainFlags       part)
{
  double preferred[4];
  const double *color = part_color (data, part, preferred);
  double x0, y0, x1, y1, displacement[2];

  if (!sd_overlay_get_displacement (data, part, displacement))
    return FALSE;
  sd_plot_map (plot, data->position[0], data->position[1], &x0, &y0);
  sd_plot_map (plot, data->position[0] + displacement[0], data->position[1] + displacement[1],
               &x1, &y1);
  if (hypot (x1 - x0, y1 - y0) < HEAD_LENGTH * style->scale)
    {
      mark_too_short (cr, style, color, part, x0, y0);
      return TRUE;
    }
  sd_overlay_draw_arrow (cr, style, color, (const double[4]) { x0, y0, x1, y1 }, 2,
                         SD_OVERLAY_HEAD_END, FALSE);
  return FALSE;
}

static gboolean
draw_adam_box (cairo_t             *cr,
               const SdPlot        *plot,
               const SdThemeStyle  *style,
               const SdOverlayData *data)
{
  double preferred[4];
  double half[2], hx, hy, x0, y0, x1, y1;

  if (!sd_overlay_get_displacement (data, SD_EXPLAIN_ADAM_STEP, half))
    return FALSE;
  hx = half[0];
  hy = half[1];
  sd_plot_map (plot, data->position[0] - hx, data->position[1] - hy, &x0, &y0);
  sd_plot_map (plot, data->position[0] + hx, data->position[1] + hy, &x1, &y1);
  if (!isfinite (x0 + y0 + x1 + y1))
    return FALSE;

  /* A box smaller than its line is a dot: marked instead. */
  if (MAX (fabs (x1 - x0), fabs (y1 - y0)) < 2.0 * LINE_WIDTH * style->scale)
    {
      mark_too_short (cr, style, part_color (data, SD_EXPLAIN_ADAM_STEP, preferred),
                      SD_EXPLAIN_ADAM_STEP, 0.5 * (x0 + x1), 0.5 * (y0 + y1));
      return TRUE;
    }

  cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  sd_overlay_stroke (cr, style, part_color (data, SD_EXPLAIN_ADAM_STEP, preferred));
  return FALSE;
}

/* The screen direction of the data direction @v at the iterate: the axes
 * need not have the same scale, so the direction is mapped, not copied. */
static gboolean
screen_direction (const SdPlot        *plot,
                  const SdOverlayData *data,
                  const double         v[2],
                  double               u[2])
{
  double x0, y0, x1, y1, len;
  double xmin, xmax, ymin, ymax, h;

  sd_plot_get_range (plot, SD_AXIS_X, &xmin, &xmax);
  sd_plot_get_range (plot, SD_AXIS_Y, &ymin, &ymax);
  h = 1e-3 * MIN (xmax - xmin, ymax - ymin);

  sd_plot_map (plot, data->position[0], data->position[1], &x0, &y0);
  sd_plot_map (plot, data->position[0] + h * v[0], data->position[1] + h * v[1], &x1, &y1);
  len = hypot (x1 - x0, y1 - y0);
  if (!(len > 0.0) || !isfinite (len))
    return FALSE;
  u[0] = (x1 - x0) / len;
  u[1] = (y1 - y0) / len;
  return TRUE;
}

/* The half-length of eigenvector @i's arrow and its screen direction. */
static gboolean
eigen_arrow (const SdPlot        *plot,
             const SdThemeStyle  *style,
             const SdOverlayData *data,
             guint                i,
             double              *half,
             double               u[2])
{
  const SdCurvature *c = &data->curvature;
  double largest = MAX (fabs (c->lambda[0]), fabs (c->lambda[1]));

  if (!data->has_curvature || largest == 0.0 || !isfinite (largest)
      || !screen_direction (plot, data, c->vectors[i], u))
    return FALSE;

  *half = MAX (SD_OVERLAY_EIGEN_LENGTH * style->scale * fabs (c->lambda[i]) / largest,
               SD_OVERLAY_EIGEN_STUB * style->scale);
  return TRUE;
}

static void
draw_curvature (cairo_t             *cr,
                const SdPlot        *plot,
                const SdThemeStyle  *style,
                const SdOverlayData *data)
{
  double px, py, half, u[2];

  sd_plot_map (plot, data->position[0], data->position[1], &px, &py);
  for (guint i = 0; i < 2; i++)
    if (eigen_arrow (plot, style, data, i, &half, u))
      {
        double ends[4] = { px - u[0] * half, py - u[1] * half,
                           px + u[0] * half, py + u[1] * half };

        sd_overlay_draw_arrow (cr, style, style->foreground, ends, 2,
                               SD_OVERLAY_HEAD_START | SD_OVERLAY_HEAD_END,
                               data->curvature.lambda[i] < 0.0);
      }
}

/* The labels go on last, over the other arrows. */
static void
draw_curvature_labels (cairo_t             *cr,
                       const SdPlot        *plot,
                       const SdThemeStyle  *style,
                       const SdOverlayData *data)
{
  double px, py, half, u[2];

  sd_plot_map (plot, data->position[0], data->position[1], &px, &py);
  for (guint i = 0; i < 2; i++)
    if (eigen_arrow (plot, style, data, i, &half, u))
      sd_overlay_draw_eigen_label (cr, style, i, px + u[0] * half, py + u[1] * half, u);
}

/**
 * sd_overlay_draw_eigen_label:
 * @cr: a cairo context
 * @style: the figure's style
 * @index: 0 for the smallest eigenvalue's label, 1 for the largest's
 * @x: the tip of the eigenvector's arrow, in points
 * @y: the tip of the eigenvector's arrow
 * @direction: the way the arrow points there, of any length
 *
 * Names an eigenvector's arrow λmin or λmax just beyond its tip, in the
 * foreground colour over a halo in the background colour. A zero
 * @direction puts the label below and right of the tip.
 */
void
sd_overlay_draw_eigen_label (cairo_t            *cr,
                             const SdThemeStyle *style,
                             guint               index,
                             double              x,
                             double              y,
                             const double        direction[2])
{
  /* Translators: subscripts of the Hessian's smallest and largest eigenvalue */
  const char *labels[2] = { N_("λ<sub>min</sub>"), N_("λ<sub>max</sub>") };
  g_autoptr(PangoLayout) layout = NULL;
  double gap, halo, length, u[2] = { 0.0, 0.0 };
  SdTextHAnchor h;
  SdTextVAnchor v;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (index < 2);
  g_return_if_fail (direction != NULL);

  gap = 4.0 * style->scale;
  halo = 1.5 * style->scale;
  length = hypot (direction[0], direction[1]);
  if (length > 0.0 && isfinite (length))
    {
      u[0] = direction[0] / length;
      u[1] = direction[1] / length;
    }

  x += u[0] * gap;
  y += u[1] * gap;
  h = u[0] >= 0.0 ? SD_TEXT_LEFT : SD_TEXT_RIGHT;
  v = u[1] >= 0.0 ? SD_TEXT_TOP : SD_TEXT_BOTTOM;
  layout = sd_text_layout_new (cr, style, SD_TEXT_LABEL, _(labels[index]));

  /* A halo of offset copies in the background colour. */
  sd_set_source_color (cr, style->background);
  for (int k = 0; k < 8; k++)
    sd_text_draw (cr, layout, x + halo * cos (k * G_PI / 4), y + halo * sin (k * G_PI / 4),
                  h, v, 0.0);
  sd_set_source_color (cr, style->foreground);
  sd_text_draw (cr, layout, x, y, h, v, 0.0);
}

/**
 * sd_overlay_get_color:
 * @part: one of the overlays, a single flag
 * @style: the figure's style
 * @colors: (nullable): the scene's overlay colours, or %NULL (or zeroed)
 *   for the preferred ones
 * @rgba: (out caller-allocates): the colour the part is drawn in
 *
 * The overlays' colours (see sd_overlay_colors_init()); the curvature
 * cross takes the foreground colour.
 */
void
sd_overlay_get_color (SdExplainFlags         part,
                      const SdThemeStyle    *style,
                      const SdOverlayColors *colors,
                      double                 rgba[4])
{
  SdOverlayColors preferred;

  g_return_if_fail (style != NULL);
  g_return_if_fail (rgba != NULL);

  switch (part)
    {
    case SD_EXPLAIN_GRADIENT:
    case SD_EXPLAIN_STEP:
    case SD_EXPLAIN_VELOCITY:
    case SD_EXPLAIN_ADAM_STEP:
      if (colors == NULL || colors->part[part_index (part)][3] == 0.0)
        {
          sd_overlay_colors_init (&preferred, NULL);
          colors = &preferred;
        }
      memcpy (rgba, colors->part[part_index (part)], 4 * sizeof (double));
      break;
    case SD_EXPLAIN_CURVATURE:
      memcpy (rgba, style->foreground, 4 * sizeof (double));
      break;
    case SD_EXPLAIN_NONE:
    default:
      g_return_if_reached ();
    }
}

/**
 * sd_overlay_legend_entry:
 * @part: one of the overlays, a single flag
 * @style: the figure's style
 * @colors: (nullable): the scene's overlay colours, or %NULL for the
 *   preferred ones
 * @entry: (out caller-allocates): filled with the part's label and line
 *
 * What a legend shows for an overlay drawn on the figure. The label is
 * the entry's until the next call.
 */
void
sd_overlay_legend_entry (SdExplainFlags         part,
                         const SdThemeStyle    *style,
                         const SdOverlayColors *colors,
                         SdLegendEntry         *entry)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (entry != NULL);

  *entry = (SdLegendEntry) { 0 };
  entry->line_width = LINE_WIDTH * style->scale;
  switch (part)
    {
    case SD_EXPLAIN_GRADIENT:
      /* Translators: the legend entry of the negative gradient step,
       * minus the learning rate η times the gradient of f; Pango markup */
      entry->markup = _("gradient step −η∇<i>f</i>");
      break;
    case SD_EXPLAIN_STEP:
      /* Translators: the legend entry of the step the optimizer takes */
      entry->markup = _("step taken");
      break;
    case SD_EXPLAIN_VELOCITY:
      /* Translators: the legend entry of the momentum buffer v times minus
       * the learning rate η; Pango markup */
      entry->markup = _("momentum −η<i>v</i>");
      break;
    case SD_EXPLAIN_ADAM_STEP:
      /* Translators: the legend entry of the box of Adam's per-coordinate
       * step sizes */
      entry->markup = _("Adam’s step sizes");
      break;
    case SD_EXPLAIN_CURVATURE:
      /* Translators: the legend entry of the cross of the Hessian's
       * eigenvectors, scaled by their eigenvalues */
      entry->markup = _("Hessian eigenvectors");
      break;
    default:
      g_return_if_reached ();
    }

  sd_overlay_get_color (part, style, colors, entry->color);
}

/**
 * sd_overlay_add_legend_entries:
 * @legend: a legend
 * @style: the figure's style
 * @scene: the scene drawn
 * @too_short: the parts sd_overlay_draw() found too short to see, whose
 *   entries say so
 *
 * Adds an entry for each overlay the scene's visible runs explain (see
 * sd_overlay_legend_entry()), each once, in the order of #SdExplainFlags,
 * and a note when the scene draws the arrows at readable lengths.
 */
void
sd_overlay_add_legend_entries (SdLegend           *legend,
                               const SdThemeStyle *style,
                               const SdScene      *scene,
                               SdExplainFlags      too_short)
{
  SdExplainFlags shown = SD_EXPLAIN_NONE;
  SdOverlayColors colors;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);

  sd_overlay_colors_init (&colors, scene);
  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, i);

      if (run->visible)
        shown |= run->explain;
    }

  for (SdExplainFlags part = SD_EXPLAIN_GRADIENT; part <= SD_EXPLAIN_CURVATURE; part <<= 1)
    {
      SdLegendEntry entry;

      if (!(shown & part))
        continue;
      g_autofree char *markup = NULL;

      sd_overlay_legend_entry (part, style, &colors, &entry);
      if (too_short & part)
        {
          /* Translators: appended to an explain arrow's legend entry when
           * the arrow is too short to see at the figure's scale and a ring
           * marks it instead; %s is the entry, in Pango markup */
          markup = g_strdup_printf (_("%s <span alpha=\"65%%\">(too short to see: ring)</span>"),
                                    entry.markup);
          entry.markup = markup;
        }
      sd_legend_add (legend, &entry);
    }

  if (sd_scene_get_surface (scene)->explain_readable
      && (shown & (SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP | SD_EXPLAIN_VELOCITY
                   | SD_EXPLAIN_ADAM_STEP)))
    {
      /* Translators: a note in the legend when the explain arrows are
       * scaled together to a readable length; Pango markup */
      SdLegendEntry note = { .markup = _("<i>arrows not to scale</i>") };

      memcpy (note.color, style->foreground, sizeof note.color);
      sd_legend_add (legend, &note);
    }
}

/**
 * sd_overlay_get_displacement:
 * @data: an iterate's data
 * @part: %SD_EXPLAIN_GRADIENT, %SD_EXPLAIN_STEP, %SD_EXPLAIN_VELOCITY or
 *   %SD_EXPLAIN_ADAM_STEP
 * @displacement: (out): the arrow from the iterate as drawn, in data
 *   units: -learning_rate ∇f, the step, -learning_rate v, or Adam's box's
 *   half-widths, times @data's arrow_scale
 *
 * Returns: whether it is finite
 */
/* A zeroed SdOverlayData draws true lengths. */
static double
arrow_scale (const SdOverlayData *data)
{
  return data->arrow_scale > 0.0 ? data->arrow_scale : 1.0;
}

gboolean
sd_overlay_get_displacement (const SdOverlayData *data,
                             SdExplainFlags       part,
                             double               displacement[2])
{
  g_return_val_if_fail (data != NULL, FALSE);

  for (guint k = 0; k < 2; k++)
    {
      switch (part)
        {
        case SD_EXPLAIN_GRADIENT:
          displacement[k] = -data->learning_rate * data->gradient[k];
          break;
        case SD_EXPLAIN_STEP:
          displacement[k] = data->step[k];
          break;
        case SD_EXPLAIN_VELOCITY:
          displacement[k] = -data->learning_rate * data->velocity[k];
          break;
        case SD_EXPLAIN_ADAM_STEP:
          displacement[k] = data->effective_learning_rate[k] * fabs (data->gradient[k]);
          break;
        default:
          g_return_val_if_reached (FALSE);
        }
      displacement[k] *= arrow_scale (data);
    }

  return isfinite (displacement[0]) && isfinite (displacement[1]);
}

/**
 * sd_overlay_readable_scale:
 * @data: an iterate's data
 * @flags: the parts drawn
 * @longest: the length the longest arrow should have when drawn
 * @units: the drawn length of one data unit along x and along y
 *
 * The factor that scales all the arrows @flags draws together so that
 * the longest is @longest long (for Adam's box, its half-diagonal):
 * their directions and their ratios stay, as the legend says.
 *
 * Returns: the factor, or 1 when no arrow has a finite, non-zero length
 */
double
sd_overlay_readable_scale (const SdOverlayData *data,
                           SdExplainFlags       flags,
                           double               longest,
                           const double         units[2])
{
  static const SdExplainFlags parts[] = {
    SD_EXPLAIN_GRADIENT, SD_EXPLAIN_STEP, SD_EXPLAIN_VELOCITY, SD_EXPLAIN_ADAM_STEP,
  };
  double most = 0.0;

  g_return_val_if_fail (data != NULL, 1.0);
  g_return_val_if_fail (units != NULL, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      double d[2], length;

      if (!(flags & parts[i]) || !sd_overlay_get_displacement (data, parts[i], d))
        continue;
      length = hypot (d[0] * units[0], d[1] * units[1]) / arrow_scale (data);
      if (isfinite (length))
        most = MAX (most, length);
    }

  return most > 0.0 ? longest / most : 1.0;
}

/**
 * sd_overlay_data_init:
 * @data: the data to fill
 * @surface: the surface the run descends
 * @trajectory: the run
 * @index: the iterate to explain, clamped to the run's last
 *
 * Fills @data for an iterate of a run from sd_explain_compute(): its
 * gradient, momentum buffer and Adam's step sizes as the optimizer had
 * them, the step it takes from there (zero at the last iterate), and the
 * Hessian's decomposition.
 *
 * Returns: %FALSE if the run has no iterate
 */
gboolean
sd_overlay_data_init (SdOverlayData      *data,
                      SdSurface          *surface,
                      const SdTrajectory *trajectory,
                      guint               index)
{
  SdExplain explain;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (trajectory != NULL, FALSE);

  if (!sd_explain_compute (&explain, surface, trajectory, index))
    return FALSE;

  *data = (SdOverlayData) { 0 };
  data->arrow_scale = 1.0;
  sd_overlay_colors_init (&data->colors, NULL);
  data->learning_rate = explain.learning_rate;
  memcpy (data->position, explain.position, sizeof data->position);
  memcpy (data->gradient, explain.gradient, sizeof data->gradient);
  memcpy (data->velocity, explain.velocity, sizeof data->velocity);
  memcpy (data->effective_learning_rate, explain.effective_learning_rate,
          sizeof data->effective_learning_rate);
  /* Zero at the last iterate, which takes no step: nothing is drawn. */
  memcpy (data->step, explain.step, sizeof data->step);
  data->curvature = explain.curvature;
  data->has_curvature = explain.has_curvature;
  return TRUE;
}

/**
 * sd_overlay_draw:
 * @cr: the context the figure was drawn on
 * @plot: the figure's plot, laid out; only a linear map is drawn on
 * @style: the figure's style
 * @data: what to draw
 * @flags: which parts to draw
 *
 * Draws the parts @flags asks for at @data's iterate, clipped to the plot
 * area. Arrows keep their data length (the true step or gradient step), so
 * they compare honestly with the trajectory; the eigenvectors are drawn at
 * a readable screen size instead, since their length has no data unit.
 * An arrow shorter than its head (or Adam's box, smaller than its line)
 * cannot be seen at this scale: a ring of its colour around the iterate
 * marks it instead.
 *
 * Returns: the parts too short to see, marked by rings
 */
SdExplainFlags
sd_overlay_draw (cairo_t             *cr,
                 const SdPlot        *plot,
                 const SdThemeStyle  *style,
                 const SdOverlayData *data,
                 SdExplainFlags       flags)
{
  SdExplainFlags too_short = SD_EXPLAIN_NONE;
  cairo_rectangle_t area;

  g_return_val_if_fail (cr != NULL, SD_EXPLAIN_NONE);
  g_return_val_if_fail (plot != NULL && sd_plot_is_laid_out (plot), SD_EXPLAIN_NONE);
  g_return_val_if_fail (style != NULL, SD_EXPLAIN_NONE);
  g_return_val_if_fail (data != NULL, SD_EXPLAIN_NONE);

  if (flags == SD_EXPLAIN_NONE)
    return SD_EXPLAIN_NONE;

  sd_plot_get_area (plot, &area);
  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  if ((flags & SD_EXPLAIN_ADAM_STEP) && draw_adam_box (cr, plot, style, data))
    too_short |= SD_EXPLAIN_ADAM_STEP;
  if (flags & SD_EXPLAIN_CURVATURE)
    draw_curvature (cr, plot, style, data);
  for (SdExplainFlags part = SD_EXPLAIN_VELOCITY; part >= SD_EXPLAIN_GRADIENT; part >>= 1)
    if ((flags & part) && data_arrow (cr, plot, style, data, part))
      too_short |= part;
  if (flags & SD_EXPLAIN_CURVATURE)
    draw_curvature_labels (cr, plot, style, data);

  cairo_restore (cr);
  return too_short;
}
