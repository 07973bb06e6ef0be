/* path3d.c: an optimizer's path on the 3-D view's surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "surface3d-private.h"
#include "trajectory-layer.h"

/* The path is sampled at least every this many quads, so that a long step
 * follows the surface's hills and its visibility is known in detail. */
#define SAMPLE_SPACING 0.5
/* A point within this many quads of the last one tested for visibility
 * shares its result: a converged run piles hundreds of iterates there. */
#define TEST_SPACING 0.25
/* Halvings that place the end of a visible piece, to 1/1024 of a sample. */
#define TRANSITION_STEPS 10
/* The longest piece of path one busy rectangle covers, in font sizes. */
#define BUSY_LENGTH 2.0

typedef struct
{
  double   p[3];
  gboolean connect;
  gboolean visible;
} PathPoint;

typedef struct
{
  const SdMesh3d     *mesh;
  const SdCamera3d   *camera;
  const SdThemeStyle *style;
  GArray             *points;   /* (element-type PathPoint) */
} Context;

/* Raises a point onto the surface where it would be below it. A segment
 * between two iterates is drawn straight, as the step the optimizer took,
 * where it passes above the surface (across a valley), and follows the
 * surface where the straight line would go through a hill: the line is
 * drawn on the surface, whose mesh is coarser than f, and must not sink
 * into it. */
static void
lift (const SdMesh3d *mesh,
      double          p[3])
{
  double h = sd_mesh3d_height (mesh, p[0], p[1]);

  if (p[2] < h)
    p[2] = h;
}

static void
lerp (const double a[3],
      const double b[3],
      double       t,
      double       out[3])
{
  for (guint k = 0; k < 3; k++)
    out[k] = a[k] + t * (b[k] - a[k]);
}

static gboolean
inside_box (const double p[3])
{
  return p[0] >= -1.0 && p[0] <= 1.0 && p[1] >= -1.0 && p[1] <= 1.0;
}

/* Liang and Barsky's clipping of the segment a–b to the box's floor plan.
 * Returns FALSE if no part of it is inside. */
static gboolean
clip_segment (const double  a[3],
              const double  b[3],
              double       *t0,
              double       *t1)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a[0] + 1.0, 1.0 - a[0], a[1] + 1.0, 1.0 - a[1] };

  *t0 = 0.0;
  *t1 = 1.0;
  if (!isfinite (dx) || !isfinite (dy))
    return FALSE;

  for (guint k = 0; k < 4; k++)
    {
      if (p[k] == 0.0)
        {
          if (q[k] < 0.0)
            return FALSE;
          continue;
        }

      if (p[k] < 0.0)
        *t0 = MAX (*t0, q[k] / p[k]);
      else
        *t1 = MIN (*t1, q[k] / p[k]);
      if (*t0 > *t1)
        return FALSE;
    }

  return TRUE;
}

static void
append (Context      *ctx,
        const double  p[3],
        gboolean      connect)
{
  PathPoint point = { { p[0], p[1], p[2] }, connect, FALSE };

  lift (ctx->mesh, point.p);
  g_array_append_val (ctx->points, point);
}

/* The path through the iterates, cut to the box and sampled along the
 * surface. */
static void
build_path (Context                *ctx,
            const SdOptimizerState *states,
            guint                   n_states)
{
  const SdMesh3d *mesh = ctx->mesh;
  double cell = 2.0 / MAX (mesh->nx - 1, mesh->ny - 1);
  double prev[3];
  gboolean open;

  sd_mesh3d_to_box (mesh, states[0].position[0], states[0].position[1], states[0].loss, prev);
  open = inside_box (prev);
  if (open)
    append (ctx, prev, FALSE);

  for (guint k = 1; k < n_states; k++)
    {
      double cur[3], q[3], t0, t1, length;
      guint n;

      sd_mesh3d_to_box (mesh, states[k].position[0], states[k].position[1], states[k].loss, cur);
      if (!clip_segment (prev, cur, &t0, &t1))
        {
          open = FALSE;
          memcpy (prev, cur, sizeof prev);
          continue;
        }

      if (t0 > 0.0 || !open)
        {
          lerp (prev, cur, t0, q);
          append (ctx, q, FALSE);
        }

      length = hypot (cur[0] - prev[0], cur[1] - prev[1]) * (t1 - t0);
      n = (guint) MAX (1.0, ceil (length / (SAMPLE_SPACING * cell)));
      for (guint i = 1; i <= n; i++)
        {
          lerp (prev, cur, t0 + (t1 - t0) * i / n, q);
          append (ctx, q, TRUE);
        }

      open = t1 >= 1.0;
      memcpy (prev, cur, sizeof prev);
    }
}

static double
distance (const double a[3],
          const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
               + (a[2] - b[2]) * (a[2] - b[2]));
}

static void
test_visibility (Context *ctx)
{
  PathPoint *points = (PathPoint *) (gpointer) ctx->points->data;
  double near = TEST_SPACING * 2.0 / MAX (ctx->mesh->nx - 1, ctx->mesh->ny - 1);
  const PathPoint *tested = NULL;

  for (guint k = 0; k < ctx->points->len; k++)
    {
      PathPoint *point = &points[k];

      if (tested != NULL && point->connect && distance (point->p, tested->p) < near)
        {
          point->visible = tested->visible;
          continue;
        }

      point->visible = sd_mesh3d_is_visible (ctx->mesh, ctx->camera, point->p);
      tested = point;
    }
}

/* Where between a and b, which differ in visibility, the visible part
 * ends, on the surface. */
static void
find_transition (Context         *ctx,
                 const PathPoint *a,
                 const PathPoint *b,
                 double          *sx,
                 double          *sy)
{
  double lo = 0.0, hi = 1.0, q[3];

  for (guint n = 0; n < TRANSITION_STEPS; n++)
    {
      double mid = (lo + hi) / 2.0;

      lerp (a->p, b->p, mid, q);
      lift (ctx->mesh, q);
      if (sd_mesh3d_is_visible (ctx->mesh, ctx->camera, q) == a->visible)
        lo = mid;
      else
        hi = mid;
    }

  lerp (a->p, b->p, a->visible ? lo : hi, q);
  lift (ctx->mesh, q);
  sd_camera3d_project (ctx->camera, q, sx, sy);
}

static void
add_busy (GArray *busy,
          double  x,
          double  y,
          double  size)
{
  cairo_rectangle_t r = { x - size / 2, y - size / 2, size, size };

  g_array_append_val (busy, r);
}

/* The visible pieces of the path, as one cairo path. */
static void
append_visible (Context *ctx,
                cairo_t *cr,
                GArray  *busy)
{
  const PathPoint *points = (const PathPoint *) (gpointer) ctx->points->data;
  guint n = ctx->points->len;
  double piece = BUSY_LENGTH * ctx->style->font_size;
  double last_busy_x = INFINITY, last_busy_y = INFINITY;

  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    {
      const PathPoint *point = &points[k];
      gboolean joined = point->connect && k > 0;
      double x, y;

      if (!point->visible)
        continue;

      sd_camera3d_project (ctx->camera, point->p, &x, &y);
      if (joined && points[k - 1].visible)
        {
          cairo_line_to (cr, x, y);
        }
      else if (joined)
        {
          double tx, ty;

          find_transition (ctx, &points[k - 1], point, &tx, &ty);
          cairo_move_to (cr, tx, ty);
          cairo_line_to (cr, x, y);
        }
      else
        {
          cairo_move_to (cr, x, y);
        }

      if (k + 1 < n && points[k + 1].connect && !points[k + 1].visible)
        {
          double tx, ty;

          find_transition (ctx, point, &points[k + 1], &tx, &ty);
          cairo_line_to (cr, tx, ty);
        }

      if (busy != NULL && hypot (x - last_busy_x, y - last_busy_y) >= piece / 2)
        {
          add_busy (busy, x, y, piece);
          last_busy_x = x;
          last_busy_y = y;
        }
    }
}

/* Where an iterate is drawn: on the surface, if the box holds it and the
 * surface does not hide it. */
static gboolean
place_marker (Context                *ctx,
              const SdOptimizerState *state,
              double                 *sx,
              double                 *sy)
{
  double p[3];

  sd_mesh3d_to_box (ctx->mesh, state->position[0], state->position[1], state->loss, p);
  if (!inside_box (p))
    return FALSE;

  lift (ctx->mesh, p);
  if (!sd_mesh3d_is_visible (ctx->mesh, ctx->camera, p))
    return FALSE;

  sd_camera3d_project (ctx->camera, p, sx, sy);
  return TRUE;
}

/* The markers look as in the map view (trajectory-layer.c): a hollow
 * circle at the start, a filled one at the end, a red ✕ where the run
 * diverged. */
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

  memcpy (background, style->background, sizeof background);
  background[3] = 1.0;
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

  memcpy (background, style->background, sizeof background);
  background[3] = 1.0;
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

static void
draw_markers (Context                *ctx,
              cairo_t                *cr,
              const SdOptimizerState *states,
              guint                   n_states,
              const double            color[4],
              gboolean                diverged,
              GArray                 *busy)
{
  double x, y;

  if (place_marker (ctx, &states[0], &x, &y))
    {
      draw_circle (cr, ctx->style, x, y, color, FALSE);
      if (busy != NULL)
        add_busy (busy, x, y, 2 * ctx->style->marker_size);
    }

  if (!place_marker (ctx, &states[n_states - 1], &x, &y))
    {
      const PathPoint *last;

      /* A run that left the box diverged where it left it last. */
      if (!diverged || ctx->points->len == 0)
        return;
      last = &g_array_index (ctx->points, PathPoint, ctx->points->len - 1);
      if (!last->visible)
        return;
      sd_camera3d_project (ctx->camera, last->p, &x, &y);
    }

  if (diverged)
    draw_cross (cr, ctx->style, x, y);
  else if (n_states > 1)
    draw_circle (cr, ctx->style, x, y, color, TRUE);
  if (busy != NULL)
    add_busy (busy, x, y, 2 * ctx->style->marker_size);
}

/**
 * sd_path3d_draw:
 * @cr: a cairo context
 * @style: the figure's style
 * @camera: the camera
 * @mesh: the surface as drawn
 * @states: (array length=n_states): the iterates to draw, in order
 * @n_states: how many, at least 1
 * @color: the run's colour
 * @diverged: whether the run left the finite numbers after the last of
 *   @states
 * @busy: (element-type cairo_rectangle_t) (nullable): where to add
 *   rectangles covering what was drawn, for placing a legend
 *
 * Draws a run on the surface, at height f at each iterate, as the map
 * view draws it: a line over a faint halo, a hollow circle at the start,
 * a filled one at the end or a red ✕ where it diverged. Parts outside the
 * box are cut off, and parts the surface hides from the camera are left
 * out, each piece ending where the line of sight first grazes the
 * surface. Draw it after the surface.
 */
void
sd_path3d_draw (cairo_t                *cr,
                const SdThemeStyle     *style,
                const SdCamera3d       *camera,
                const SdMesh3d         *mesh,
                const SdOptimizerState *states,
                guint                   n_states,
                const double            color[4],
                gboolean                diverged,
                GArray                 *busy)
{
  g_autoptr(GArray) points = NULL;
  double halo[4];
  Context ctx;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (states != NULL);
  g_return_if_fail (n_states >= 1);

  points = g_array_sized_new (FALSE, FALSE, sizeof (PathPoint), MIN (n_states, 4096));
  ctx.mesh = mesh;
  ctx.camera = camera;
  ctx.style = style;
  ctx.points = points;

  build_path (&ctx, states, n_states);
  test_visibility (&ctx);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  append_visible (&ctx, cr, busy);
  memcpy (halo, style->background, sizeof halo);
  halo[3] = 0.5;
  cairo_set_line_width (cr, 1.8 * style->line_width);
  sd_set_source_color (cr, halo);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, style->line_width);
  sd_set_source_color (cr, color);
  cairo_stroke (cr);

  draw_markers (&ctx, cr, states, n_states, color, diverged, busy);
  cairo_restore (cr);
}
