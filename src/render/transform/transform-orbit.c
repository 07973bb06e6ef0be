/* transform-orbit.c: the orbit of the scene's vector v, M v, M² v, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "marker.h"
#include "transform-private.h"

/* Orbit points labelled v, Mv, M²v, ...: later ones crowd. */
#define N_ORBIT_LABELS 4

/* One step of the orbit, from M^k v to M^(k+1) v. */
typedef struct
{
  SdPath           *path;
  SdTransformArrow  escape;
  SdTransformArrow  arrow;
} Step;

struct _SdTransformOrbit
{
  Step             *steps;
  guint             n_steps;
  SdTransformArrow  vectors[2];
  double           *points;
  guint             n_points;
  double            path_width;
  double            path_color[4];
  double            dashes[2];
  double            ink[4];
  const SdThemeStyle *style;
};

/* An arrow head at the edge of the plot where the orbit leaves it. */
static void
escape_arrow (const SdTransformContext *ctx,
              SdTransformArrow         *arrow,
              const double              p[2],
              const double              q[2])
{
  double edge[2], px, py, dx, dy, inset = 2.0 * ctx->style->scale;
  double length = 1.8 * ctx->style->marker_size;

  _sd_transform_exit_point (ctx, p, q, edge);
  _sd_transform_to_page (ctx, edge[0], edge[1], &px, &py);
  _sd_transform_page_direction (ctx, q[0] - p[0], q[1] - p[1], 1.0, 0.0, &dx, &dy);
  px -= inset * dx;
  py -= inset * dy;
  _sd_transform_arrow_init (ctx, arrow, px - length * dx, py - length * dy, px, py,
                            0.75 * ctx->style->line_width, ctx->ink);
}

/* The path v → Mv → M²v ..., dotted, with an arrow head before each point
 * where the step is long enough to hold one. */
static void
build_step (SdTransformOrbit         *self,
            const SdTransformContext *ctx,
            guint                     k)
{
  const double *p = &ctx->orbit[2 * k], *q = &ctx->orbit[2 * k + 2];
  double x0, y0, x1, y1, dx, dy, gap = 0.6 * ctx->style->marker_size;
  Step *step = &self->steps[k];

  step->path = sd_path_new ();
  _sd_transform_segment (ctx, step->path, p[0], p[1], q[0], q[1]);

  if (_sd_transform_in_view (ctx, p) && !_sd_transform_in_view (ctx, q))
    escape_arrow (ctx, &step->escape, p, q);
  if (!_sd_transform_in_view (ctx, q))
    return;

  _sd_transform_to_page (ctx, p[0], p[1], &x0, &y0);
  _sd_transform_to_page (ctx, q[0], q[1], &x1, &y1);
  if (hypot (x1 - x0, y1 - y0) < 4.0 * gap)
    return;
  _sd_transform_page_direction (ctx, q[0] - p[0], q[1] - p[1], 1.0, 0.0, &dx, &dy);
  _sd_transform_arrow_init (ctx, &step->arrow, x1 - 3.0 * gap * dx, y1 - 3.0 * gap * dy,
                            x1 - gap * dx, y1 - gap * dy, self->path_width, self->path_color);
}

/* Labels keep off the orbit's points and the heads where it escapes; the
 * info box keeps off the part in view. */
static void
mark_points (SdTransformContext *ctx)
{
  g_autofree double *visible = g_new (double, 2 * ctx->n_orbit);
  guint n_visible = 0;

  for (guint k = 0; k < ctx->n_orbit; k++)
    {
      const double *p = &ctx->orbit[2 * k];

      _sd_transform_mark_point (ctx, p[0], p[1]);
      if (!_sd_transform_in_view (ctx, p))
        continue;
      visible[2 * n_visible] = p[0];
      visible[2 * n_visible + 1] = p[1];
      n_visible++;

      if (k + 1 < ctx->n_orbit && !_sd_transform_in_view (ctx, p + 2))
        {
          double edge[2];

          _sd_transform_exit_point (ctx, p, p + 2, edge);
          _sd_transform_mark_point (ctx, edge[0], edge[1]);
        }
    }
  _sd_transform_mark_shape (ctx, visible, n_visible);
}

/* Labels keep off the arrows: v and Mv, and the heads along the path
 * and where it escapes. */
static void
mark_arrows (const SdTransformOrbit *self,
             SdTransformContext     *ctx)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->vectors); i++)
    _sd_transform_mark_arrow (ctx, &self->vectors[i]);
  for (guint k = 0; k < self->n_steps; k++)
    {
      _sd_transform_mark_arrow (ctx, &self->steps[k].arrow);
      _sd_transform_mark_arrow (ctx, &self->steps[k].escape);
    }
}

SdTransformOrbit *
_sd_transform_orbit_new (SdTransformContext *ctx)
{
  SdTransformOrbit *self = g_new0 (SdTransformOrbit, 1);
  const double origin[2] = { 0.0, 0.0 };
  double lw = ctx->style->line_width, faint[4];

  if (ctx->n_orbit == 0)
    return self;

  self->style = ctx->style;
  self->path_width = 0.6 * lw;
  _sd_transform_set_alpha (self->path_color, ctx->ink, 0.6);
  _sd_transform_set_alpha (self->ink, ctx->ink, 1.0);
  self->dashes[0] = 1.0 * ctx->style->scale;
  self->dashes[1] = 3.0 * ctx->style->scale;

  self->n_steps = ctx->n_orbit - 1;
  self->steps = g_new0 (Step, MAX (self->n_steps, 1));
  for (guint k = 0; k < self->n_steps; k++)
    build_step (self, ctx, k);

  /* v and Mv as vectors from the origin, like î and Mî. */
  _sd_transform_set_alpha (faint, ctx->ink, 0.5);
  _sd_transform_arrow_init_data (ctx, &self->vectors[0], origin, &ctx->orbit[0],
                                 (ctx->n_orbit > 1 ? 0.75 : 1.0) * lw,
                                 ctx->n_orbit > 1 ? faint : ctx->ink);
  if (ctx->n_orbit > 1)
    _sd_transform_arrow_init_data (ctx, &self->vectors[1], origin, &ctx->orbit[2], lw, ctx->ink);

  /* The later points as dots. */
  self->points = g_new (double, 2 * ctx->n_orbit);
  for (guint k = 2; k < ctx->n_orbit; k++)
    {
      if (!_sd_transform_in_view (ctx, &ctx->orbit[2 * k]))
        continue;
      _sd_transform_to_page (ctx, ctx->orbit[2 * k], ctx->orbit[2 * k + 1],
                             &self->points[2 * self->n_points],
                             &self->points[2 * self->n_points + 1]);
      self->n_points++;
    }

  mark_points (ctx);
  mark_arrows (self, ctx);
  return self;
}

void
_sd_transform_orbit_render (const SdTransformOrbit *self,
                            cairo_t                *cr)
{
  for (guint k = 0; k < self->n_steps; k++)
    {
      const Step *step = &self->steps[k];

      cairo_save (cr);
      sd_set_source_color (cr, self->path_color);
      cairo_set_line_width (cr, self->path_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, self->dashes, 2, 0.0);
      sd_path_append (step->path, cr);
      cairo_stroke (cr);
      cairo_restore (cr);

      _sd_transform_arrow_render (&step->escape, cr);
      _sd_transform_arrow_render (&step->arrow, cr);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->vectors); i++)
    _sd_transform_arrow_render (&self->vectors[i], cr);

  for (guint k = 0; k < self->n_points; k++)
    sd_marker_draw (cr, self->style, SD_MARKER_CIRCLE, self->points[2 * k],
                    self->points[2 * k + 1], self->ink);
}

void
_sd_transform_orbit_free (SdTransformOrbit *self)
{
  if (self == NULL)
    return;

  for (guint k = 0; k < self->n_steps; k++)
    sd_path_free (self->steps[k].path);
  g_free (self->steps);
  g_free (self->points);
  g_free (self);
}

/* "v", "Av", "A²v", ... */
static char *
orbit_markup (const SdTransformContext *ctx,
              guint                     k)
{
  switch (k)
    {
    case 0:
      return g_strdup ("<b>v</b>");
    case 1:
      return g_strdup_printf ("<i>%s</i><b>v</b>", ctx->letter);
    case 2:
      return g_strdup_printf ("<i>%s</i>²<b>v</b>", ctx->letter);
    case 3:
      return g_strdup_printf ("<i>%s</i>³<b>v</b>", ctx->letter);
    default:
      return g_strdup_printf ("<i>%s</i><sup>%u</sup><b>v</b>", ctx->letter, k);
    }
}

/* Labels the points from @first up to, not including, @end (and at most
 * the first N_ORBIT_LABELS): off the path, beside the step that arrives
 * at each, or away from the origin for v, which alone must be labelled. */
void
_sd_transform_orbit_label (SdTransformContext *ctx,
                           guint               first,
                           guint               end)
{
  for (guint k = first; k < MIN (ctx->n_orbit, MIN (end, N_ORBIT_LABELS)); k++)
    {
      g_autofree char *markup = orbit_markup (ctx, k);
      const double *p = &ctx->orbit[2 * k];
      double at[2], side[2];

      if (!_sd_transform_in_view (ctx, p))
        continue;

      _sd_transform_to_page (ctx, p[0], p[1], &at[0], &at[1]);
      if (k == 0)
        _sd_transform_page_direction (ctx, p[0], p[1], 1.0, -1.0, &side[0], &side[1]);
      else
        {
          double sx, sy;

          _sd_transform_page_direction (ctx, p[0] - p[-2], p[1] - p[-1], 1.0, 0.0, &sx, &sy);
          side[0] = sy;
          side[1] = -sx;
          if (side[0] * p[0] - side[1] * p[1] < 0.0)
            {
              side[0] = -side[0];
              side[1] = -side[1];
            }
        }
      _sd_transform_label_place (ctx, SD_TRANSFORM_LABEL_ORBIT, k, markup, ctx->ink, at, side,
                                 k == 0);
    }
}
