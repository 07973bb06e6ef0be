/* path3d.c: an optimizer's path on the 3-D view's surface, and the
 * overlays that explain the iterate it is shown at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "clip.h"
#include "marker.h"
#include "surface3d-private.h"

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

  /* A point where f has no value sits on the mesh, if that has one. */
  if (p[2] < h || isnan (p[2]))
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

/* Cuts the segment a–b to the box's floor plan. Returns FALSE if no part
 * of it is inside. */
static gboolean
clip_segment (const double  a[3],
              const double  b[3],
              double       *t0,
              double       *t1)
{
  static const cairo_rectangle_t floor_plan = { -1.0, -1.0, 2.0, 2.0 };

  return sd_clip_segment (&floor_plan, &(SdPoint) { a[0], a[1] }, &(SdPoint) { b[0], b[1] },
                          t0, t1);
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

/* Adds the segment from box point @prev to @cur, cut to the box and
 * sampled along the surface; @open tells whether the line so far ends at
 * @prev, and then whether it ends at @cur. */
static void
add_segment (Context      *ctx,
             const double  prev[3],
             const double  cur[3],
             gboolean     *open)
{
  const SdMesh3d *mesh = ctx->mesh;
  double cell = 2.0 / MAX (mesh->nx - 1, mesh->ny - 1);
  double q[3], t0, t1, length;
  guint n;

  if (!clip_segment (prev, cur, &t0, &t1))
    {
      *open = FALSE;
      return;
    }

  if (t0 > 0.0 || !*open)
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

  *open = t1 >= 1.0;
}

/* The path through the iterates, cut to the box and sampled along the
 * surface. */
static void
build_path (Context                *ctx,
            const SdOptimizerState *states,
            guint                   n_states)
{
  const SdMesh3d *mesh = ctx->mesh;
  double prev[3];
  gboolean open;

  sd_mesh3d_to_box (mesh, states[0].position[0], states[0].position[1], states[0].loss, prev);
  open = inside_box (prev);
  if (open)
    append (ctx, prev, FALSE);

  for (guint k = 1; k < n_states; k++)
    {
      double cur[3];

      sd_mesh3d_to_box (mesh, states[k].position[0], states[k].position[1], states[k].loss, cur);
      add_segment (ctx, prev, cur, &open);
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

/* Whether a point of a line is drawn: one without a height is not. */
static gboolean
is_visible (Context      *ctx,
            const double  p[3])
{
  return isfinite (p[2]) && sd_mesh3d_is_visible (ctx->mesh, ctx->camera, p);
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

      point->visible = is_visible (ctx, point->p);
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
      if (is_visible (ctx, q) == a->visible)
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

static void
push_point (GArray *xy,
            double  x,
            double  y)
{
  double pair[2] = { x, y };

  g_array_append_vals (xy, pair, 2);
}

/* Ends the piece so far, if there is one. */
static void
push_break (GArray *xy)
{
  if (xy->len > 0 && !isnan (g_array_index (xy, double, xy->len - 1)))
    push_point (xy, NAN, NAN);
}

/* The visible pieces of the line in ctx->points, as points of the figure,
 * x and y in turn, with a pair of NaNs between pieces. */
static void
collect_visible (Context *ctx,
                 GArray  *xy)
{
  const PathPoint *points = (const PathPoint *) (gpointer) ctx->points->data;
  guint n = ctx->points->len;

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
          push_point (xy, x, y);
        }
      else if (joined)
        {
          double tx, ty;

          find_transition (ctx, &points[k - 1], point, &tx, &ty);
          push_break (xy);
          push_point (xy, tx, ty);
          push_point (xy, x, y);
        }
      else
        {
          push_break (xy);
          push_point (xy, x, y);
        }

      if (k + 1 < n && points[k + 1].connect && !points[k + 1].visible)
        {
          double tx, ty;

          find_transition (ctx, point, &points[k + 1], &tx, &ty);
          push_point (xy, tx, ty);
        }
    }
}

static void
append_polyline (cairo_t *cr,
                 GArray  *xy)
{
  const double *v = (const double *) (gpointer) xy->data;
  gboolean pen_down = FALSE;

  cairo_new_path (cr);
  for (guint k = 0; k + 1 < xy->len; k += 2)
    {
      if (isnan (v[k]))
        pen_down = FALSE;
      else if (pen_down)
        cairo_line_to (cr, v[k], v[k + 1]);
      else
        {
          cairo_move_to (cr, v[k], v[k + 1]);
          pen_down = TRUE;
        }
    }
}

/* Squares a few font sizes wide along a drawn line, for the legend to
 * keep clear of. */
static void
add_busy_along (Context *ctx,
                GArray  *busy,
                GArray  *xy)
{
  const double *v = (const double *) (gpointer) xy->data;
  double piece = BUSY_LENGTH * ctx->style->font_size;
  double last_x = INFINITY, last_y = INFINITY;

  if (busy == NULL)
    return;

  for (guint k = 0; k + 1 < xy->len; k += 2)
    if (!isnan (v[k]) && hypot (v[k] - last_x, v[k + 1] - last_y) >= piece / 2)
      {
        add_busy (busy, v[k], v[k + 1], piece);
        last_x = v[k];
        last_y = v[k + 1];
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
  if (!is_visible (ctx, p))
    return FALSE;

  sd_camera3d_project (ctx->camera, p, sx, sy);
  return TRUE;
}

static void
draw_markers (Context                *ctx,
              cairo_t                *cr,
              const SdOptimizerState *states,
              guint                   n_states,
              const SdRunStyle       *look,
              gboolean                diverged,
              GArray                 *busy)
{
  const double *color = look->color;
  double x, y;

  if (place_marker (ctx, &states[0], &x, &y))
    {
      sd_run_mark_draw (cr, ctx->style, SD_RUN_MARK_START, x, y, color);
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

  /* The marks are the map view's. */
  if (diverged)
    sd_run_mark_draw (cr, ctx->style, SD_RUN_MARK_DIVERGED, x, y, color);
  else if (n_states > 1)
    sd_run_style_draw_end (look, cr, ctx->style, x, y);
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
                const SdRunStyle       *look,
                gboolean                diverged,
                GArray                 *busy)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) xy = NULL;
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

  xy = g_array_new (FALSE, FALSE, sizeof (double));
  collect_visible (&ctx, xy);
  add_busy_along (&ctx, busy, xy);
  append_polyline (cr, xy);
  memcpy (halo, style->background, sizeof halo);
  halo[3] = 0.5;
  cairo_set_line_width (cr, 1.8 * style->line_width);
  sd_set_source_color (cr, halo);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, style->line_width);
  sd_set_source_color (cr, look->color);
  sd_run_style_set_dashes (look, cr);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  draw_markers (&ctx, cr, states, n_states, look, diverged, busy);
  cairo_restore (cr);
}

/* An overlay's lines on the surface are sampled at this many points along
 * each edge of Adam's box and along each arm of the eigenvector cross, so
 * that they follow the surface's curve. */
#define OVERLAY_SAMPLES 24

/* An overlay's line as drawn: the visible pieces, and where its first and
 * last vertex are drawn, if they are (in the box and in sight). */
typedef struct
{
  GArray   *xy;       /* (element-type double): as collect_visible() makes them */
  gboolean  shown[2];
  double    at[2][2];
} Line;

/* The box point on the surface above the scene's (x, y): at the height of
 * f there, as the runs are drawn. */
static void
surface_point (const SdMesh3d  *mesh,
               const SdSurface *surface,
               double           x,
               double           y,
               double           p[3])
{
  sd_mesh3d_to_box (mesh, x, y, sd_surface_eval (surface, x, y, NULL, NULL), p);
}

/* Traces the line through @vertices, given in the scene's (x, y), each at
 * the height of f there, joined as a run joins its iterates: straight
 * where that passes above the surface, on it where a straight line would
 * go through it. */
static void
trace_line (Context         *ctx,
            const SdSurface *surface,
            const double   (*vertices)[2],
            guint            n_vertices,
            Line            *line)
{
  const PathPoint *points;
  double prev[3];
  gboolean open, started;

  g_array_set_size (ctx->points, 0);
  g_array_set_size (line->xy, 0);
  line->shown[0] = line->shown[1] = FALSE;

  surface_point (ctx->mesh, surface, vertices[0][0], vertices[0][1], prev);
  started = open = inside_box (prev);
  if (open)
    append (ctx, prev, FALSE);

  for (guint k = 1; k < n_vertices; k++)
    {
      double cur[3];

      surface_point (ctx->mesh, surface, vertices[k][0], vertices[k][1], cur);
      add_segment (ctx, prev, cur, &open);
      memcpy (prev, cur, sizeof prev);
    }

  if (ctx->points->len == 0)
    return;

  test_visibility (ctx);
  collect_visible (ctx, line->xy);

  points = (const PathPoint *) (gpointer) ctx->points->data;
  line->shown[0] = started && points[0].visible;
  line->shown[1] = open && points[ctx->points->len - 1].visible;
  if (line->shown[0])
    sd_camera3d_project (ctx->camera, points[0].p, &line->at[0][0], &line->at[0][1]);
  if (line->shown[1])
    sd_camera3d_project (ctx->camera, points[ctx->points->len - 1].p,
                         &line->at[1][0], &line->at[1][1]);
}

/* An arrow on the surface through @vertices; a head goes only on an end
 * that is drawn, so that a line cut off by the box or by the surface
 * does not point at where it was cut. */
static void
draw_line_arrow (Context            *ctx,
                 cairo_t            *cr,
                 const SdSurface    *surface,
                 const double      (*vertices)[2],
                 guint               n_vertices,
                 const double        color[4],
                 SdOverlayHeads      heads,
                 gboolean            dashed,
                 Line               *line,
                 GArray             *busy)
{
  trace_line (ctx, surface, vertices, n_vertices, line);
  if (!line->shown[0])
    heads &= ~SD_OVERLAY_HEAD_START;
  if (!line->shown[1])
    heads &= ~SD_OVERLAY_HEAD_END;

  sd_overlay_draw_arrow (cr, ctx->style, color, (const double *) (gpointer) line->xy->data,
                         line->xy->len / 2, heads, dashed);
  add_busy_along (ctx, busy, line->xy);
}

/* An arrow from the iterate to where a displacement in the scene's
 * coordinates takes it, both ends on the surface. */
static void
draw_displacement (Context             *ctx,
                   cairo_t             *cr,
                   const SdSurface     *surface,
                   const SdOverlayData *data,
                   SdExplainFlags       part,
                   Line                *line,
                   GArray              *busy)
{
  double displacement[2], vertices[2][2], color[4];

  if (!sd_overlay_get_displacement (data, part, displacement))
    return;

  for (guint k = 0; k < 2; k++)
    {
      vertices[0][k] = data->position[k];
      vertices[1][k] = data->position[k] + displacement[k];
    }
  sd_overlay_get_color (part, ctx->style, &data->colors, color);
  draw_line_arrow (ctx, cr, surface, vertices, 2, color, SD_OVERLAY_HEAD_END, FALSE, line, busy);
}

/* Adam's box of per-coordinate step sizes, traced on the surface. */
static void
draw_adam_box (Context             *ctx,
               cairo_t             *cr,
               const SdSurface     *surface,
               const SdOverlayData *data,
               Line                *line,
               GArray              *busy)
{
  /* Around from the middle of an edge, where the line's two ends meet
   * flush, rather than from a corner, where they would leave a notch. */
  static const double way[6][2] = {
    { 0, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 }, { -1, -1 }, { 0, -1 },
  };
  static const guint samples[5] = {
    OVERLAY_SAMPLES / 2, OVERLAY_SAMPLES, OVERLAY_SAMPLES, OVERLAY_SAMPLES, OVERLAY_SAMPLES / 2,
  };
  double half[2], vertices[4 * OVERLAY_SAMPLES + 1][2], color[4];
  guint n = 0;

  if (!sd_overlay_get_displacement (data, SD_EXPLAIN_ADAM_STEP, half)
      || !(half[0] > 0.0 || half[1] > 0.0))
    return;

  for (guint leg = 0; leg < 5; leg++)
    for (guint i = leg == 0 ? 0 : 1; i <= samples[leg]; i++)
      {
        double t = (double) i / samples[leg];

        for (guint k = 0; k < 2; k++)
          vertices[n][k] = data->position[k]
                           + half[k] * (way[leg][k] + t * (way[leg + 1][k] - way[leg][k]));
        n++;
      }
  g_assert (n == G_N_ELEMENTS (vertices));

  trace_line (ctx, surface, vertices, G_N_ELEMENTS (vertices), line);
  sd_overlay_get_color (SD_EXPLAIN_ADAM_STEP, ctx->style, &data->colors, color);
  append_polyline (cr, line->xy);
  sd_overlay_stroke (cr, ctx->style, color);
  add_busy_along (ctx, busy, line->xy);
}

/* Where an eigenvector's label goes: beyond the end of its arm that is
 * drawn, the positive one if both are. */
typedef struct
{
  gboolean shown;
  double   tip[2];
  double   direction[2];
} EigenLabel;

/* The Hessian's eigenvectors as a cross of double-headed arrows on the
 * surface, each arm's half-length in proportion to its eigenvalue's
 * magnitude, the longest SD_PATH3D_EIGEN_SHARE of the scene's smaller
 * span: the arms have no unit of their own, so they are sized to the
 * scene, and keep their directions and ratio in the scene's coordinates.
 * An arm of a negative eigenvalue is dashed. */
static void
draw_eigen_cross (Context             *ctx,
                  cairo_t             *cr,
                  const SdSurface     *surface,
                  const SdOverlayData *data,
                  Line                *line,
                  GArray              *busy,
                  EigenLabel           labels[2])
{
  const SdCurvature *c = &data->curvature;
  const SdMesh3d *mesh = ctx->mesh;
  double largest = MAX (fabs (c->lambda[0]), fabs (c->lambda[1]));
  double longest = SD_PATH3D_EIGEN_SHARE * MIN (mesh->xmax - mesh->xmin, mesh->ymax - mesh->ymin);
  double centre[3], cx, cy;

  labels[0].shown = labels[1].shown = FALSE;
  if (!data->has_curvature || !(largest > 0.0) || !isfinite (largest) || !(longest > 0.0))
    return;

  surface_point (mesh, surface, data->position[0], data->position[1], centre);
  lift (mesh, centre);
  sd_camera3d_project (ctx->camera, centre, &cx, &cy);

  for (guint i = 0; i < 2; i++)
    {
      double half = longest * fabs (c->lambda[i]) / largest;
      double vertices[OVERLAY_SAMPLES + 1][2];
      /* Points per scene unit along the arm, seen square on. */
      double across = ctx->camera->scale
                      * hypot (2.0 * c->vectors[i][0] / (mesh->xmax - mesh->xmin),
                               2.0 * c->vectors[i][1] / (mesh->ymax - mesh->ymin));

      /* A tiny eigenvalue still gets the map's stub, so its direction
       * shows. */
      if (across > 0.0)
        half = MAX (half, SD_OVERLAY_EIGEN_STUB * ctx->style->scale / across);

      for (guint s = 0; s <= OVERLAY_SAMPLES; s++)
        {
          double t = 2.0 * s / OVERLAY_SAMPLES - 1.0;

          for (guint k = 0; k < 2; k++)
            vertices[s][k] = data->position[k] + t * half * c->vectors[i][k];
        }

      draw_line_arrow (ctx, cr, surface, vertices, G_N_ELEMENTS (vertices),
                       ctx->style->foreground, SD_OVERLAY_HEAD_START | SD_OVERLAY_HEAD_END,
                       c->lambda[i] < 0.0, line, busy);

      for (int end = 1; end >= 0; end--)
        {
          double dx, dy;

          if (!line->shown[end])
            continue;
          dx = line->at[end][0] - cx;
          dy = line->at[end][1] - cy;
          /* An arm seen end-on is too short to label. */
          if (!(hypot (dx, dy) >= 1.0))
            break;
          labels[i] = (EigenLabel) { TRUE, { line->at[end][0], line->at[end][1] }, { dx, dy } };
          break;
        }
    }
}

/**
 * sd_path3d_draw_explain:
 * @cr: a cairo context
 * @style: the figure's style
 * @camera: the camera
 * @mesh: the surface as drawn
 * @surface: the surface, for the height of f away from the iterate
 * @data: what to draw, at the iterate a run is shown at
 * @flags: which parts to draw
 * @busy: (element-type cairo_rectangle_t) (nullable): where to add
 *   rectangles covering what was drawn, for placing a legend
 *
 * Draws the map view's overlays (see sd_overlay_draw()) on the surface:
 * the gradient step, the step taken and the momentum step as arrows from
 * the iterate to where they lead, both ends at the height of f as the
 * runs are drawn; Adam's box of step sizes traced on the surface; and the
 * Hessian's eigenvector cross lying on it, labelled λmin and λmax. The
 * arrows keep their true length in the scene's x and y. Parts outside the
 * box or hidden by the surface are left out, as sd_path3d_draw() leaves
 * out a run's, and an arrow's head is drawn only where its tip shows.
 * Draw it after the runs.
 */
void
sd_path3d_draw_explain (cairo_t             *cr,
                        const SdThemeStyle  *style,
                        const SdCamera3d    *camera,
                        const SdMesh3d      *mesh,
                        const SdSurface     *surface,
                        const SdOverlayData *data,
                        SdExplainFlags       flags,
                        GArray              *busy)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) xy = NULL;
  EigenLabel labels[2] = { { FALSE }, { FALSE } };
  Context ctx;
  Line line;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (camera != NULL);
  g_return_if_fail (mesh != NULL);
  g_return_if_fail (surface != NULL);
  g_return_if_fail (data != NULL);

  if (flags == SD_EXPLAIN_NONE)
    return;

  points = g_array_new (FALSE, FALSE, sizeof (PathPoint));
  xy = g_array_new (FALSE, FALSE, sizeof (double));
  ctx = (Context) { mesh, camera, style, points };
  line = (Line) { xy };

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  /* Adam's box may have acute corners on screen, where a mitre would
   * stick out. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (flags & SD_EXPLAIN_ADAM_STEP)
    draw_adam_box (&ctx, cr, surface, data, &line, busy);
  if (flags & SD_EXPLAIN_CURVATURE)
    draw_eigen_cross (&ctx, cr, surface, data, &line, busy, labels);
  if (flags & SD_EXPLAIN_VELOCITY)
    draw_displacement (&ctx, cr, surface, data, SD_EXPLAIN_VELOCITY, &line, busy);
  if (flags & SD_EXPLAIN_GRADIENT)
    draw_displacement (&ctx, cr, surface, data, SD_EXPLAIN_GRADIENT, &line, busy);
  if (flags & SD_EXPLAIN_STEP)
    draw_displacement (&ctx, cr, surface, data, SD_EXPLAIN_STEP, &line, busy);

  /* The labels go on last, over the arrows. */
  for (guint i = 0; i < 2; i++)
    if (labels[i].shown)
      {
        sd_overlay_draw_eigen_label (cr, style, i, labels[i].tip[0], labels[i].tip[1],
                                     labels[i].direction);
        if (busy != NULL)
          add_busy (busy, labels[i].tip[0], labels[i].tip[1],
                    BUSY_LENGTH * style->font_size);
      }

  cairo_restore (cr);
}
