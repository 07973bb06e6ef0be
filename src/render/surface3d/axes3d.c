/* axes3d.c: the box around the 3-D view: back panes, axes, ticks, labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "label-placer.h"
#include "surface3d-private.h"
#include "text.h"

/* The least gap between two tick labels, in units of the body font
 * size. */
#define LABEL_CLEARANCE 0.15

/* An axis shorter on screen than this many font sizes is seen end on and
 * gets no ticks: its labels would pile up on one spot. */
#define MIN_AXIS_LENGTH 4.0

static const double extent[3] = { 1.0, 1.0, SD_BOX_HALF_HEIGHT };

/**
 * sd_axis3d_to_box:
 * @axis: an axis
 * @dimension: 0 for x, 1 for y, 2 for the height
 * @value: a value on the axis
 *
 * Returns: the box coordinate of @value along @dimension, not clipped
 */
double
sd_axis3d_to_box (const SdAxis3d *axis,
                  guint           dimension,
                  double          value)
{
  double lo = sd_scale_forward (axis->scale, axis->min);
  double hi = sd_scale_forward (axis->scale, axis->max);
  double f = (sd_scale_forward (axis->scale, value) - lo) / (hi - lo);

  return (2.0 * f - 1.0) * extent[dimension];
}

static void
box_corner (guint  index,
            double p[3])
{
  for (guint k = 0; k < 3; k++)
    p[k] = (index >> k & 1) ? extent[k] : -extent[k];
}

/* Whether every corner of the box lies on one side of the line through
 * a and b on screen, and on which: the edge is then on the box's outline,
 * and *outward points away from the box. */
static gboolean
is_outline (const SdCamera3d *camera,
            const double      a[2],
            const double      normal[2],
            double            outward[2])
{
  double lo = INFINITY, hi = -INFINITY;
  double eps = 1e-6 * camera->scale;

  for (guint c = 0; c < 8; c++)
    {
      double p[3], sx, sy, offset;

      box_corner (c, p);
      sd_camera3d_project (camera, p, &sx, &sy);
      offset = (sx - a[0]) * normal[0] + (sy - a[1]) * normal[1];
      lo = MIN (lo, offset);
      hi = MAX (hi, offset);
    }

  if (hi <= eps)
    {
      outward[0] = normal[0];
      outward[1] = normal[1];
      return TRUE;
    }
  if (lo >= -eps)
    {
      outward[0] = -normal[0];
      outward[1] = -normal[1];
      return TRUE;
    }
  return FALSE;
}

/**
 * sd_axis3d_choose_edge:
 * @camera: the camera
 * @dimension: 0 for x, 1 for y, 2 for the height
 * @from: (out caller-allocates): the edge's end at the axis' low end, in
 *   box coordinates
 * @to: (out caller-allocates): its end at the high end
 * @outward: (out caller-allocates): the unit vector on screen, across the
 *   edge and away from the box, along which ticks and labels go
 *
 * Chooses which of the box's four edges along @dimension carries the
 * axis, as matplotlib does: one on the box's outline, so that nothing of
 * the surface hides it and its labels stay clear of the box: for x and y
 * the one facing most downwards on screen, for the height the one facing
 * most to the right; of edges facing alike, the lowest (rightmost), and
 * of two that land on the same line, the nearer.
 *
 * Returns: %FALSE if the axis is seen end on
 */
gboolean
sd_axis3d_choose_edge (const SdCamera3d *camera,
                       guint             dimension,
                       double            from[3],
                       double            to[3],
                       double            outward[2])
{
  guint a = (dimension + 1) % 3, b = (dimension + 2) % 3;
  double best_score = -INFINITY, best_place = -INFINITY, best_depth = -INFINITY;
  gboolean found = FALSE;

  g_return_val_if_fail (dimension < 3, FALSE);

  for (guint c = 0; c < 4; c++)
    {
      double p[3], q[3], pa[2], pb[2], normal[2], out[2];
      double dx, dy, length, score, place, depth;

      p[dimension] = -extent[dimension];
      p[a] = (c & 1) ? extent[a] : -extent[a];
      p[b] = (c & 2) ? extent[b] : -extent[b];
      q[0] = p[0];
      q[1] = p[1];
      q[2] = p[2];
      q[dimension] = extent[dimension];

      sd_camera3d_project (camera, p, &pa[0], &pa[1]);
      sd_camera3d_project (camera, q, &pb[0], &pb[1]);
      dx = pb[0] - pa[0];
      dy = pb[1] - pa[1];
      length = hypot (dx, dy);
      if (!(length > 1e-6 * camera->scale))
        continue;

      normal[0] = -dy / length;
      normal[1] = dx / length;
      if (!is_outline (camera, pa, normal, out))
        continue;

      /* Screen y grows downwards. Between edges facing alike, the lower
       * (rightmost) one, then the nearer one. */
      score = dimension == 2 ? out[0] : out[1];
      place = dimension == 2 ? pa[0] + pb[0] : pa[1] + pb[1];
      depth = sd_camera3d_depth (camera, p) + sd_camera3d_depth (camera, q);
      if (score > best_score + 1e-9
          || (score > best_score - 1e-9
              && (place > best_place + 1e-6 * camera->scale
                  || (place > best_place - 1e-6 * camera->scale && depth > best_depth))))
        {
          best_score = score;
          best_place = place;
          best_depth = depth;
          for (guint k = 0; k < 3; k++)
            {
              from[k] = p[k];
              to[k] = q[k];
            }
          outward[0] = out[0];
          outward[1] = out[1];
          found = TRUE;
        }
    }

  return found;
}

static void
line_3d (cairo_t          *cr,
         const SdCamera3d *camera,
         const double      p[3],
         const double      q[3])
{
  double x, y;

  sd_camera3d_project (camera, p, &x, &y);
  cairo_move_to (cr, x, y);
  sd_camera3d_project (camera, q, &x, &y);
  cairo_line_to (cr, x, y);
}

static void
pane_grid (cairo_t          *cr,
           const SdCamera3d *camera,
           const SdAxis3d    axes[3],
           guint             face,
           double            level,
           guint             along,
           guint             across)
{
  const SdTicks *ticks = &axes[along].ticks;

  for (guint i = 0; i < ticks->n; i++)
    {
      double p[3], q[3];

      p[face] = q[face] = level;
      p[along] = q[along] = sd_axis3d_to_box (&axes[along], along, ticks->values[i]);
      p[across] = -extent[across];
      q[across] = extent[across];
      line_3d (cr, camera, p, q);
    }
}

/**
 * sd_axes3d_draw_panes:
 * @cr: a cairo context
 * @style: the figure's style
 * @camera: the camera
 * @axes: the x, y and height axes
 *
 * Draws the three faces of the box behind the surface, like matplotlib's
 * panes: a faint fill that gives the box depth, grid lines at the ticks so
 * heights can be read across, and their outline. Everything in the box is
 * in front of them, so they are drawn first.
 */
void
sd_axes3d_draw_panes (cairo_t            *cr,
                      const SdThemeStyle *style,
                      const SdCamera3d   *camera,
                      const SdAxis3d      axes[3])
{
  double fill[4], outline[4];

  memcpy (fill, style->foreground, sizeof fill);
  fill[3] = style->theme == SD_THEME_PRINT ? 0.0 : style->theme == SD_THEME_DARK ? 0.06 : 0.035;
  memcpy (outline, style->grid, sizeof outline);
  outline[3] = MIN (1.0, 2.5 * style->grid[3]);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint face = 0; face < 3; face++)
    {
      guint a = (face + 1) % 3, b = (face + 2) % 3;
      double toward = camera->toward[face];
      double level, x, y;
      static const int corners[4][2] = { { -1, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 } };

      /* A face seen edge on hides nothing and shows nothing. */
      if (fabs (toward) < 1e-6)
        continue;

      level = toward > 0.0 ? -extent[face] : extent[face];
      cairo_new_path (cr);
      for (guint c = 0; c < 4; c++)
        {
          double p[3];

          p[face] = level;
          p[a] = corners[c][0] * extent[a];
          p[b] = corners[c][1] * extent[b];
          sd_camera3d_project (camera, p, &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);

      if (fill[3] > 0.0)
        {
          sd_set_source_color (cr, fill);
          cairo_fill_preserve (cr);
        }
      sd_set_source_color (cr, outline);
      cairo_set_line_width (cr, style->grid_line_width);
      cairo_stroke (cr);

      if (style->show_grid)
        {
          pane_grid (cr, camera, axes, face, level, a, b);
          pane_grid (cr, camera, axes, face, level, b, a);
          sd_set_source_color (cr, style->grid);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

/* Draws a label so that its box clears (x, y) by gap along n, and keeps
 * its place. An optional label (a tick's) that would come closer than the
 * placer's clearance to a label drawn before is left out; a title is
 * drawn all the same. Returns how far the label reaches along n from
 * (x, y), 0 if it was left out. */
static double
draw_label (cairo_t       *cr,
            PangoLayout   *layout,
            double         x,
            double         y,
            const double   n[2],
            double         gap,
            double         angle,
            SdLabelPlacer *labels,
            gboolean       optional)
{
  cairo_rectangle_t box;
  double reach;

  sd_text_get_box (layout, 0.0, 0.0, SD_TEXT_CENTER, SD_TEXT_MIDDLE, angle, &box);
  sd_label_box_beyond (box.width, box.height, x, y, n[0], n[1], gap, &box);
  reach = gap + fabs (n[0]) * box.width + fabs (n[1]) * box.height;
  if (optional && !sd_label_placer_try (labels, &box))
    return 0.0;
  if (!optional)
    sd_label_placer_add_label (labels, &box);

  sd_text_draw (cr, layout, box.x + box.width / 2, box.y + box.height / 2,
                SD_TEXT_CENTER, SD_TEXT_MIDDLE, angle);
  return reach;
}

/* Where the tick at @value sits on the axis drawn from a to b. */
static void
tick_point (const SdAxis3d *axis,
            guint           dimension,
            double          value,
            const double    a[2],
            const double    b[2],
            double          p[2])
{
  double f = (sd_axis3d_to_box (axis, dimension, value) + extent[dimension])
             / (2.0 * extent[dimension]);

  p[0] = a[0] + f * (b[0] - a[0]);
  p[1] = a[1] + f * (b[1] - a[1]);
}

static void
draw_axis (cairo_t            *cr,
           const SdThemeStyle *style,
           const SdCamera3d   *camera,
           const SdAxis3d     *axis,
           guint               dimension,
           SdLabelPlacer      *labels)
{
  double from[3], to[3], n[2], a[2], b[2], p[2];
  double em = style->font_size, labels_reach = style->tick_length;

  if (!sd_axis3d_choose_edge (camera, dimension, from, to, n))
    return;

  sd_camera3d_project (camera, from, &a[0], &a[1]);
  sd_camera3d_project (camera, to, &b[0], &b[1]);

  sd_set_source_color (cr, style->axis);
  cairo_set_line_width (cr, style->axis_line_width);
  cairo_move_to (cr, a[0], a[1]);
  cairo_line_to (cr, b[0], b[1]);
  cairo_stroke (cr);

  if (hypot (b[0] - a[0], b[1] - a[1]) < MIN_AXIS_LENGTH * em)
    return;

  for (guint i = 0; i < axis->ticks.n; i++)
    {
      tick_point (axis, dimension, axis->ticks.values[i], a, b, p);
      cairo_move_to (cr, p[0], p[1]);
      cairo_line_to (cr, p[0] + n[0] * style->tick_length, p[1] + n[1] * style->tick_length);
    }
  cairo_stroke (cr);

  sd_set_source_color (cr, style->foreground);
  for (guint i = 0; i < axis->ticks.n; i++)
    {
      g_autofree char *markup = sd_ticks_get_label (&axis->ticks, i);
      g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, SD_TEXT_BODY, markup);
      double r;

      tick_point (axis, dimension, axis->ticks.values[i], a, b, p);
      r = draw_label (cr, layout, p[0], p[1], n,
                      style->tick_length + SD_AXIS3D_TICK_LABEL_GAP * em, 0.0, labels, TRUE);
      labels_reach = MAX (labels_reach, r);
    }

  if (axis->title != NULL)
    {
      g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, SD_TEXT_LABEL, axis->title);
      /* An upright edge takes its title upright, read from below. */
      double angle = dimension == 2 && fabs (n[0]) > 2.0 * fabs (n[1]) ? -G_PI / 2 : 0.0;

      draw_label (cr, layout, (a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0, n,
                  labels_reach + SD_AXIS3D_TITLE_GAP * em, angle, labels, FALSE);
    }
}

/**
 * sd_axes3d_draw:
 * @cr: a cairo context
 * @style: the figure's style
 * @camera: the camera
 * @axes: the x, y and height axes
 * @labels: the text already drawn; the labels drawn here are added, and
 *   a tick label that would come closer than a sixth of a font size to
 *   one drawn before is left out
 *
 * Draws each axis on the edge sd_axis3d_choose_edge() picks, with ticks
 * perpendicular to it on screen, tick labels beyond them and the title
 * beyond the labels. The edges are on the box's outline, so the surface
 * never hides them: they are drawn after it.
 */
void
sd_axes3d_draw (cairo_t            *cr,
                const SdThemeStyle *style,
                const SdCamera3d   *camera,
                const SdAxis3d      axes[3],
                SdLabelPlacer      *labels)
{
  sd_label_placer_set_margins (labels, 0.0, LABEL_CLEARANCE * style->font_size);
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (guint k = 0; k < 3; k++)
    draw_axis (cr, style, camera, &axes[k], k, labels);
  cairo_restore (cr);
}
