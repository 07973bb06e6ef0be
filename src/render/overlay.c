/* overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "overlay.h"
#include "text.h"

#define HEAD_LENGTH 9.0
#define HEAD_HALF_WIDTH 4.0
#define LINE_WIDTH 2.0
#define HALO_WIDTH 2.0

/* GNOME palette colours that stay apart from each other and from the
 * usual colour maps; each line gets a halo in the background colour so it
 * reads on any part of the map. */
static const double gradient_color[4] = { 0.878, 0.106, 0.141, 1.0 };  /* red 3 */
static const double step_color[4] = { 0.180, 0.761, 0.494, 1.0 };      /* green 4 */
static const double velocity_color[4] = { 0.569, 0.255, 0.675, 1.0 };  /* purple 3 */
static const double adam_color[4] = { 1.0, 0.471, 0.0, 1.0 };          /* orange 3 */

/* A line from (x0, y0) to (x1, y1) in device-independent points with a
 * filled head whose tip is exactly (x1, y1); @both puts one at the start
 * too. Too short to show a direction, it draws nothing. */
static void
arrow (cairo_t      *cr,
       double        scale,
       const double  halo[4],
       const double  color[4],
       double        x0,
       double        y0,
       double        x1,
       double        y1,
       gboolean      both,
       gboolean      dashed)
{
  double dx = x1 - x0, dy = y1 - y0;
  double len = hypot (dx, dy);
  double head = MIN (HEAD_LENGTH * scale, (both ? 0.5 : 1.0) * len);
  double hw = HEAD_HALF_WIDTH * scale * head / (HEAD_LENGTH * scale);
  double ux, uy, dashes[1] = { 5.0 * scale };

  if (!(len >= 1.0) || !isfinite (len))
    return;
  ux = dx / len, uy = dy / len;

  for (guint pass = 0; pass < 2; pass++)
    {
      double extra = pass == 0 ? 2.0 * HALO_WIDTH * scale : 0.0;

      sd_set_source_color (cr, pass == 0 ? halo : color);
      cairo_set_line_width (cr, LINE_WIDTH * scale + extra);
      cairo_set_dash (cr, dashes, dashed && pass == 1 ? 1 : 0, 0.0);
      cairo_move_to (cr, x0 + (both ? ux * head : 0.0), y0 + (both ? uy * head : 0.0));
      cairo_line_to (cr, x1 - ux * head, y1 - uy * head);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.0);

      for (guint end = 0; end < (both ? 2u : 1u); end++)
        {
          double tx = end == 0 ? x1 : x0, ty = end == 0 ? y1 : y0;
          double s = end == 0 ? 1.0 : -1.0;

          cairo_move_to (cr, tx, ty);
          cairo_line_to (cr, tx - s * ux * head - uy * hw, ty - s * uy * head + ux * hw);
          cairo_line_to (cr, tx - s * ux * head + uy * hw, ty - s * uy * head - ux * hw);
          cairo_close_path (cr);
          if (pass == 0)
            {
              cairo_set_line_width (cr, extra);
              cairo_stroke_preserve (cr);
            }
          cairo_fill (cr);
        }
    }
}

/* An arrow from the iterate by a displacement in data coordinates. */
static void
data_arrow (cairo_t             *cr,
            const SdPlot        *plot,
            const SdThemeStyle  *style,
            const SdOverlayData *data,
            const double         displacement[2],
            const double         color[4])
{
  double x0, y0, x1, y1;

  sd_plot_map (plot, data->position[0], data->position[1], &x0, &y0);
  sd_plot_map (plot, data->position[0] + displacement[0], data->position[1] + displacement[1],
               &x1, &y1);
  arrow (cr, style->scale, style->background, color, x0, y0, x1, y1, FALSE, FALSE);
}

static void
draw_adam_box (cairo_t             *cr,
               const SdPlot        *plot,
               const SdThemeStyle  *style,
               const SdOverlayData *data)
{
  double hx = data->effective_learning_rate[0] * fabs (data->gradient[0]);
  double hy = data->effective_learning_rate[1] * fabs (data->gradient[1]);
  double x0, y0, x1, y1;

  sd_plot_map (plot, data->position[0] - hx, data->position[1] - hy, &x0, &y0);
  sd_plot_map (plot, data->position[0] + hx, data->position[1] + hy, &x1, &y1);
  if (!isfinite (x0 + y0 + x1 + y1))
    return;

  cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  sd_set_source_color (cr, style->background);
  cairo_set_line_width (cr, (LINE_WIDTH + 2.0 * HALO_WIDTH) * style->scale);
  cairo_stroke_preserve (cr);
  sd_set_source_color (cr, adam_color);
  cairo_set_line_width (cr, LINE_WIDTH * style->scale);
  cairo_stroke (cr);
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

  /* A tiny eigenvalue still gets a visible stub, so its direction shows. */
  *half = MAX (SD_OVERLAY_EIGEN_LENGTH * style->scale * fabs (c->lambda[i]) / largest,
               6.0 * style->scale);
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
      arrow (cr, style->scale, style->background, style->foreground,
             px - u[0] * half, py - u[1] * half, px + u[0] * half, py + u[1] * half,
             TRUE, data->curvature.lambda[i] < 0.0);
}

/* The labels go on last, over the other arrows, each with a halo. */
static void
draw_curvature_labels (cairo_t             *cr,
                       const SdPlot        *plot,
                       const SdThemeStyle  *style,
                       const SdOverlayData *data)
{
  /* Translators: subscripts of the Hessian's smallest and largest eigenvalue */
  const char *labels[2] = { N_("λ<sub>min</sub>"), N_("λ<sub>max</sub>") };
  double px, py, half, u[2];

  sd_plot_map (plot, data->position[0], data->position[1], &px, &py);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double gap = 4.0 * style->scale, halo = 1.5 * style->scale;
      SdTextHAnchor h;
      SdTextVAnchor v;
      double x, y;

      if (!eigen_arrow (plot, style, data, i, &half, u))
        continue;

      x = px + u[0] * (half + gap);
      y = py + u[1] * (half + gap);
      h = u[0] >= 0.0 ? SD_TEXT_LEFT : SD_TEXT_RIGHT;
      v = u[1] >= 0.0 ? SD_TEXT_TOP : SD_TEXT_BOTTOM;
      layout = sd_text_layout_new (cr, style, SD_TEXT_LABEL, _(labels[i]));

      /* A halo of offset copies in the background colour. */
      sd_set_source_color (cr, style->background);
      for (int k = 0; k < 8; k++)
        sd_text_draw (cr, layout, x + halo * cos (k * G_PI / 4), y + halo * sin (k * G_PI / 4),
                      h, v, 0.0);
      sd_set_source_color (cr, style->foreground);
      sd_text_draw (cr, layout, x, y, h, v, 0.0);
    }
}

/**
 * sd_overlay_legend_entry:
 * @part: one of the overlays, a single flag
 * @style: the figure's style
 * @entry: (out caller-allocates): filled with the part's label and line
 *
 * What a legend shows for an overlay drawn on the figure. The label is
 * the entry's until the next call.
 */
void
sd_overlay_legend_entry (SdExplainFlags      part,
                         const SdThemeStyle *style,
                         SdLegendEntry      *entry)
{
  const double *color = style->foreground;

  g_return_if_fail (style != NULL);
  g_return_if_fail (entry != NULL);

  *entry = (SdLegendEntry) { 0 };
  entry->line_width = LINE_WIDTH * style->scale;
  switch (part)
    {
    case SD_EXPLAIN_GRADIENT:
      color = gradient_color;
      /* Translators: the legend entry of the negative gradient step,
       * minus the learning rate η times the gradient of f; Pango markup */
      entry->markup = _("gradient step −η∇<i>f</i>");
      break;
    case SD_EXPLAIN_STEP:
      color = step_color;
      /* Translators: the legend entry of the step the optimizer takes */
      entry->markup = _("step taken");
      break;
    case SD_EXPLAIN_VELOCITY:
      color = velocity_color;
      /* Translators: the legend entry of the momentum buffer v times minus
       * the learning rate η; Pango markup */
      entry->markup = _("momentum −η<i>v</i>");
      break;
    case SD_EXPLAIN_ADAM_STEP:
      color = adam_color;
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

  memcpy (entry->color, color, sizeof entry->color);
}

/**
 * sd_overlay_add_legend_entries:
 * @legend: a legend
 * @style: the figure's style
 * @scene: the scene drawn
 *
 * Adds an entry for each overlay the scene's visible runs explain (see
 * sd_overlay_legend_entry()), each once, in the order of #SdExplainFlags.
 */
void
sd_overlay_add_legend_entries (SdLegend           *legend,
                               const SdThemeStyle *style,
                               const SdScene      *scene)
{
  SdExplainFlags shown = SD_EXPLAIN_NONE;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);

  for (guint i = 0; i < scene->runs->len; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (scene->runs, i);

      if (run->visible)
        shown |= run->explain;
    }

  for (SdExplainFlags part = SD_EXPLAIN_GRADIENT; part <= SD_EXPLAIN_CURVATURE; part <<= 1)
    {
      SdLegendEntry entry;

      if (!(shown & part))
        continue;
      sd_overlay_legend_entry (part, style, &entry);
      sd_legend_add (legend, &entry);
    }
}

/**
 * sd_overlay_data_init:
 * @data: the data to fill
 * @surface: the surface the run descends
 * @trajectory: the run
 * @index: the iterate to explain, clamped to the run's last
 *
 * Fills @data for an iterate of a run: its gradient, momentum buffer and
 * Adam's step sizes as the optimizer had them, the step it takes from
 * there (zero at the last iterate), and the Hessian's decomposition.
 *
 * Returns: %FALSE if the run has no iterate
 */
gboolean
sd_overlay_data_init (SdOverlayData      *data,
                      SdSurface          *surface,
                      const SdTrajectory *trajectory,
                      guint               index)
{
  const SdOptimizerState *state;
  guint n_points;
  double hess[4];

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (trajectory != NULL, FALSE);

  n_points = sd_trajectory_get_n_points (trajectory);
  if (n_points == 0)
    return FALSE;

  index = MIN (index, n_points - 1);
  state = sd_trajectory_get_point (trajectory, index);
  *data = (SdOverlayData) { 0 };
  data->learning_rate = sd_trajectory_get_params (trajectory)->learning_rate;
  memcpy (data->position, state->position, sizeof data->position);
  memcpy (data->gradient, state->gradient, sizeof data->gradient);
  memcpy (data->velocity, state->velocity, sizeof data->velocity);
  memcpy (data->effective_learning_rate, state->effective_learning_rate,
          sizeof data->effective_learning_rate);
  /* The step taken from here is the next point's delta. */
  if (index + 1 < n_points)
    memcpy (data->step, sd_trajectory_get_point (trajectory, index + 1)->delta, sizeof data->step);

  sd_surface_eval (surface, state->position[0], state->position[1], NULL, hess);
  data->has_curvature = sd_curvature_from_hessian (hess, &data->curvature, NULL);
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
 */
void
sd_overlay_draw (cairo_t             *cr,
                 const SdPlot        *plot,
                 const SdThemeStyle  *style,
                 const SdOverlayData *data,
                 SdExplainFlags       flags)
{
  cairo_rectangle_t area;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL && sd_plot_is_laid_out (plot));
  g_return_if_fail (style != NULL);
  g_return_if_fail (data != NULL);

  if (flags == SD_EXPLAIN_NONE)
    return;

  sd_plot_get_area (plot, &area);
  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  if (flags & SD_EXPLAIN_ADAM_STEP)
    draw_adam_box (cr, plot, style, data);
  if (flags & SD_EXPLAIN_CURVATURE)
    draw_curvature (cr, plot, style, data);
  if (flags & SD_EXPLAIN_VELOCITY)
    {
      double v[2] = { -data->learning_rate * data->velocity[0],
                      -data->learning_rate * data->velocity[1] };

      data_arrow (cr, plot, style, data, v, velocity_color);
    }
  if (flags & SD_EXPLAIN_GRADIENT)
    {
      double g[2] = { -data->learning_rate * data->gradient[0],
                      -data->learning_rate * data->gradient[1] };

      data_arrow (cr, plot, style, data, g, gradient_color);
    }
  if (flags & SD_EXPLAIN_STEP)
    data_arrow (cr, plot, style, data, data->step, step_color);
  if (flags & SD_EXPLAIN_CURVATURE)
    draw_curvature_labels (cr, plot, style, data);

  cairo_restore (cr);
}
