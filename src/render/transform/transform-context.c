/* transform-context.c: the map, its view and the geometry the layers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "clip.h"
#include "core-error.h"
#include "number.h"
#include "transform-private.h"

/* The view holds the drawing with this much room around it for labels. */
#define VIEW_MARGIN 1.15
#define VIEW_MIN_HALF_RANGE 2.0
/* Orbit points count towards the view up to this many times the size of
 * everything else (and at least ORBIT_CAP_MIN); an orbit that grows further
 * leaves the view with an arrow marker, so that one big power does not
 * shrink the map to a dot. */
#define ORBIT_CAP_FACTOR 2.0
#define ORBIT_CAP_MIN 5.0
/* Closest spacing of lattice lines, in font sizes: denser lines stop
 * reading as a grid. */
#define LATTICE_MIN_SPACING 1.5
/* Labels keep this far inside the plot, in font sizes. */
#define LABEL_INSET 0.15
/* The info box would rather hide a label or a marked point than this
 * many times the area of a shape (a curve's bounding box). */
#define SHAPE_WEIGHT 0.25
/* The narrowest a line is marked for labels to keep off, in points at
 * scale 1. */
#define LINE_MARK_MIN 2.0

/* The smallest of 1, 2, 5, 10, 20, 50, ... that is at least @x. */
double
_sd_transform_nice_ceil (double x)
{
  double decade;

  if (!(x > 1.0))
    return 1.0;

  decade = pow (10.0, floor (log10 (x)));
  if (decade >= x)
    return decade;
  if (2.0 * decade >= x)
    return 2.0 * decade;
  if (5.0 * decade >= x)
    return 5.0 * decade;
  return 10.0 * decade;
}

/* The largest coordinate, in absolute value, of what the figure shows for
 * the map @a besides the orbit: the unit circle, î and ĵ, their images, the
 * image of the unit square and the ellipse (whose reach along x is the norm
 * of the first row of @a, along y that of the second).
 *
 * The view is computed for A, never for M = (1 - t) I + t A: M x is a
 * convex combination of x and A x, and a row of M one of a row of I and a
 * row of A, so M's drawing always fits in this view. The view therefore
 * stays still while t animates and only the plane moves. (M's orbit may
 * still leave it: M^k is no convex combination; it is clipped.) */
static double
map_extent (const SdMat2 *a)
{
  double extent = 1.0;

  extent = MAX (extent, hypot (a->a, a->b));
  extent = MAX (extent, hypot (a->c, a->d));
  extent = MAX (extent, fabs (a->a + a->b));
  extent = MAX (extent, fabs (a->c + a->d));
  return extent;
}

static double
point_extent (const double p[2])
{
  return MAX (fabs (p[0]), fabs (p[1]));
}

/* Half the side of the square view: everything of map_extent(), the vector
 * and as much of the orbit as stays within the cap, with a margin, rounded
 * up to a half (below 10) or a nice number. At least 2, which gives a
 * landscape figure integer ticks (an x range of 5 or more units). */
double
_sd_transform_view_half_range (const SdSceneTransform *transform)
{
  double extent = map_extent (&transform->matrix);
  double reach, cap, step;

  if (transform->has_vector)
    {
      g_autofree double *points = g_new0 (double, 2 * (transform->orbit + 1));

      extent = MAX (extent, point_extent (transform->vector));
      cap = MAX (ORBIT_CAP_FACTOR * extent, ORBIT_CAP_MIN);
      /* An orbit that overflows leaves its finite points filled in. */
      sd_linmap_orbit (&transform->matrix, transform->vector, transform->orbit, points, NULL);
      for (guint k = 1; k <= transform->orbit; k++)
        {
          double e = point_extent (&points[2 * k]);

          if (isfinite (e) && e <= cap)
            extent = MAX (extent, e);
        }
    }

  reach = MAX (VIEW_MIN_HALF_RANGE, VIEW_MARGIN * extent);
  step = reach < 10.0 ? 0.5 : _sd_transform_nice_ceil (reach / 20.0);
  return step * ceil (reach / step - 1e-9);
}

/* Computes M, what it does and the orbit of the scene's vector. */
gboolean
_sd_transform_context_prepare (SdTransformContext      *ctx,
                               const SdSceneTransform  *transform,
                               GError                 **error)
{
  g_autoptr(GError) orbit_error = NULL;

  ctx->transform = transform;

  if (!isfinite (transform->t))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is t, the key of the scene file that
                    * says how far the map has gone; keep it as it is */
                   _("%s: must be a finite number"), "t");
      return FALSE;
    }

  /* Check A itself first, so that the message names what the user typed. */
  if (!sd_linmap_analyze (&transform->matrix, &ctx->analysis, error))
    return FALSE;

  sd_mat2_interpolate (&transform->matrix, transform->t, &ctx->m);
  if (!sd_linmap_analyze (&ctx->m, &ctx->analysis, error))
    return FALSE;

  ctx->letter = transform->t == 1.0 ? "A" : "M";

  if (!transform->has_vector)
    return TRUE;

  ctx->orbit = g_new0 (double, 2 * (transform->orbit + 1));
  if (!sd_linmap_orbit (&ctx->m, transform->vector, transform->orbit, ctx->orbit, &orbit_error) &&
      !g_error_matches (orbit_error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC))
    {
      g_propagate_error (error, g_steal_pointer (&orbit_error));
      return FALSE;
    }

  /* An orbit that overflows is drawn up to its last finite point. */
  while (ctx->n_orbit <= transform->orbit &&
         isfinite (ctx->orbit[2 * ctx->n_orbit]) && isfinite (ctx->orbit[2 * ctx->n_orbit + 1]))
    ctx->n_orbit++;

  return TRUE;
}

void
_sd_transform_context_set_plot (SdTransformContext *ctx,
                                SdPlot             *plot,
                                cairo_t            *measure)
{
  SdTheme theme;

  ctx->plot = plot;
  ctx->measure = measure;
  ctx->style = sd_plot_get_style (plot);
  ctx->em = ctx->style->font_size;
  theme = ctx->style->theme;

  ctx->labels = g_array_new (FALSE, FALSE, sizeof (SdTransformLabel));
  g_array_set_clear_func (ctx->labels, _sd_transform_label_clear);

  sd_palette_color (theme, SD_TRANSFORM_BLUE, ctx->grid_color);
  sd_palette_color (theme, SD_TRANSFORM_GREEN, ctx->i_color);
  sd_palette_color (theme, SD_TRANSFORM_VERMILLION, ctx->j_color);
  sd_palette_color (theme, SD_TRANSFORM_PURPLE, ctx->eigen_color);
  memcpy (ctx->ink, ctx->style->foreground, sizeof ctx->ink);
}

/* Takes the plot's area and ranges once it is laid out. */
void
_sd_transform_context_set_layout (SdTransformContext *ctx)
{
  sd_plot_get_area (ctx->plot, &ctx->area);
  sd_plot_get_range (ctx->plot, SD_AXIS_X, &ctx->x_range[0], &ctx->x_range[1]);
  sd_plot_get_range (ctx->plot, SD_AXIS_Y, &ctx->y_range[0], &ctx->y_range[1]);
  ctx->ppu = ctx->area.width / (ctx->x_range[1] - ctx->x_range[0]);
  ctx->radius = hypot (MAX (fabs (ctx->x_range[0]), fabs (ctx->x_range[1])),
                       MAX (fabs (ctx->y_range[0]), fabs (ctx->y_range[1])));
  ctx->lattice_step = _sd_transform_nice_ceil (LATTICE_MIN_SPACING * ctx->em / ctx->ppu);

  g_clear_pointer (&ctx->placer, sd_label_placer_free);
  ctx->placer = sd_label_placer_new (&ctx->area);
  sd_label_placer_set_margins (ctx->placer, LABEL_INSET * ctx->em, 0.0);
}

void
_sd_transform_context_clear (SdTransformContext *ctx)
{
  g_clear_pointer (&ctx->orbit, g_free);
  g_clear_pointer (&ctx->labels, g_array_unref);
  g_clear_pointer (&ctx->placer, sd_label_placer_free);
}

void
_sd_transform_to_page (const SdTransformContext *ctx,
                       double                    x,
                       double                    y,
                       double                   *px,
                       double                   *py)
{
  sd_plot_map (ctx->plot, x, y, px, py);
}

void
_sd_transform_apply (const SdMat2 *m,
                     double        x,
                     double        y,
                     double        out[2])
{
  const double v[2] = { x, y };

  sd_mat2_apply (m, v, out);
}

gboolean
_sd_transform_in_view (const SdTransformContext *ctx,
                       const double              p[2])
{
  return p[0] >= ctx->x_range[0] && p[0] <= ctx->x_range[1] &&
         p[1] >= ctx->y_range[0] && p[1] <= ctx->y_range[1];
}

/* The direction of the data vector (x, y) on the page, or @fallback_x,
 * @fallback_y (already on the page) for a vector too short to have one. */
void
_sd_transform_page_direction (const SdTransformContext *ctx,
                              double                    x,
                              double                    y,
                              double                    fallback_x,
                              double                    fallback_y,
                              double                   *dx,
                              double                   *dy)
{
  double length = hypot (x, y) * ctx->ppu;

  if (length < 0.5)
    {
      length = hypot (fallback_x, fallback_y);
      *dx = fallback_x / length;
      *dy = fallback_y / length;
      return;
    }

  *dx = x * ctx->ppu / length;
  *dy = -y * ctx->ppu / length;
}

/* Where the segment from @p (in the view) to @q (outside) leaves the view. */
void
_sd_transform_exit_point (const SdTransformContext *ctx,
                          const double              p[2],
                          const double              q[2],
                          double                    out[2])
{
  const cairo_rectangle_t view = { ctx->x_range[0], ctx->y_range[0],
                                   ctx->x_range[1] - ctx->x_range[0],
                                   ctx->y_range[1] - ctx->y_range[0] };
  SdPoint a = { p[0], p[1] }, b = { q[0], q[1] };

  if (!sd_clip_segment_points (&view, &a, &b))
    b = a;
  out[0] = b.x;
  out[1] = b.y;
}

/* Marks a data point that labels must not cover. */
void
_sd_transform_mark_point (SdTransformContext *ctx,
                          double              x,
                          double              y)
{
  double px, py, r = 0.3 * ctx->em;
  const double p[2] = { x, y };

  if (!_sd_transform_in_view (ctx, p))
    return;

  _sd_transform_to_page (ctx, x, y, &px, &py);
  sd_label_placer_add_obstacle (ctx->placer, &(cairo_rectangle_t) { px - r, py - r, 2 * r, 2 * r });
}

/* Marks the line from the page point (@x0, @y0) to (@x1, @y1), @width
 * wide, as labels must not cover it: squares of its width, at least
 * LINE_MARK_MIN, edge to edge along it, since the placer keeps labels off
 * rectangles. */
void
_sd_transform_mark_line (SdTransformContext *ctx,
                         double              x0,
                         double              y0,
                         double              x1,
                         double              y1,
                         double              width)
{
  double side = MAX (width, LINE_MARK_MIN * ctx->style->scale);
  double length = hypot (x1 - x0, y1 - y0);
  guint n = isfinite (length) ? (guint) ceil (length / side) : 0;

  for (guint i = 0; i <= n; i++)
    {
      double t = n > 0 ? (double) i / n : 0.0;
      cairo_rectangle_t square = {
        x0 + t * (x1 - x0) - side / 2, y0 + t * (y1 - y0) - side / 2, side, side,
      };

      sd_label_placer_add_obstacle (ctx->placer, &square);
    }
}

/* Marks an arrow's shaft and head as labels must not cover them. */
void
_sd_transform_mark_arrow (SdTransformContext     *ctx,
                          const SdTransformArrow *arrow)
{
  SdPoint outline[4];
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  guint n;

  if (!arrow->shown)
    return;

  _sd_transform_mark_line (ctx, arrow->from[0], arrow->from[1], arrow->shaft[0],
                           arrow->shaft[1], arrow->width);
  n = sd_arrowhead_get_outline (&arrow->head, arrow->tip[0], arrow->tip[1],
                                arrow->direction[0], arrow->direction[1], outline);
  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, outline[i].x);
      y0 = MIN (y0, outline[i].y);
      x1 = MAX (x1, outline[i].x);
      y1 = MAX (y1, outline[i].y);
    }
  if (n > 0)
    sd_label_placer_add_obstacle (ctx->placer,
                                  &(cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 });
}

/* Marks the bounding box of data points as something big the info box
 * should not hide. */
void
_sd_transform_mark_shape (SdTransformContext *ctx,
                          const double       *xy,
                          guint               n)
{
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  for (guint i = 0; i < n; i++)
    {
      double px, py;

      _sd_transform_to_page (ctx, xy[2 * i], xy[2 * i + 1], &px, &py);
      x0 = MIN (x0, px);
      y0 = MIN (y0, py);
      x1 = MAX (x1, px);
      y1 = MAX (y1, py);
    }

  if (isfinite (x0) && isfinite (y0) && isfinite (x1) && isfinite (y1))
    sd_label_placer_add_area (ctx->placer, &(cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 },
                              SHAPE_WEIGHT);
}

void
_sd_transform_set_alpha (double       rgba[4],
                         const double color[4],
                         double       alpha)
{
  memcpy (rgba, color, 4 * sizeof (double));
  rgba[3] = color[3] * alpha;
}

/* The eigenvector lines when the map has real ones: where every point only
 * moves along its line through the origin. A multiple of I has every line
 * for an eigenvector, and complex eigenvalues none; the info box says so. */
gboolean
_sd_transform_has_eigen_lines (const SdTransformContext *ctx)
{
  const SdLinmapAnalysis *a = &ctx->analysis;

  return !a->complex_eigenvalues && (!a->repeated_eigenvalue || a->defective);
}

/* A multiple of an orthogonal matrix stretches every direction alike, so
 * it has no singular directions to show. */
gboolean
_sd_transform_has_singular_directions (const SdTransformContext *ctx)
{
  const double *s = ctx->analysis.singular_values;

  return s[0] - s[1] > SD_LINMAP_TOLERANCE * s[0];
}

/* The right singular vector @v and its image @su = σ u. */
void
_sd_transform_singular_vectors (const SdTransformContext *ctx,
                                guint                     i,
                                double                    v[2],
                                double                    su[2])
{
  const SdLinmapAnalysis *a = &ctx->analysis;
  double s = a->singular_values[i];

  v[0] = i == 0 ? a->v.a : a->v.b;
  v[1] = i == 0 ? a->v.c : a->v.d;
  su[0] = s * (i == 0 ? a->u.a : a->u.b);
  su[1] = s * (i == 0 ? a->u.c : a->u.d);
}

/* A number written on the figure: three significant digits. Values
 * within @zero of 0 print as "0", so that rounding noise such as an
 * eigenvalue of 1e-17 does not show. */
char *
_sd_transform_format_number (double value,
                             double zero)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_COMPACT);
  format.zero = zero;
  return sd_number_format (&format, value);
}
