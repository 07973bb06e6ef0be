/* transform-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "arrowhead.h"
#include "clip.h"
#include "core-error.h"
#include "legend.h"
#include "number.h"
#include "shapes.h"
#include "text.h"
#include "transform-figure.h"

#define MINUS "\xe2\x88\x92"
#define PLUS_MINUS "\xc2\xb1"
#define DEGREE "\xc2\xb0"
/* Formulas in captions do not break at their spaces. */
#define NBSP "\xc2\xa0"
/* Pango may break after a bar even before a no-break space. */
#define WORD_JOINER "\xe2\x81\xa0"

/* Palette entries. î and ĵ take the green and red that 3Blue1Brown's
 * videos use for them, so students meet the colours they know; in the
 * Okabe–Ito palette the two stay apart for colour-blind readers too. The
 * transformed grid is blue, and the unit square's image, one cell of that
 * grid, is filled with the same blue. */
enum
{
  PALETTE_BLUE = 0,
  PALETTE_VERMILLION = 1,
  PALETTE_GREEN = 2,
  PALETTE_PURPLE = 3,
  PALETTE_ORANGE = 4,
};

/* The view holds the drawing with this much room around it for labels. */
#define VIEW_MARGIN 1.15
#define VIEW_MIN_HALF_RANGE 2.0
/* Orbit points count towards the view up to this many times the size of
 * everything else (and at least ORBIT_CAP_MIN); an orbit that grows further
 * leaves the view with an arrow marker, so that one big power does not
 * shrink the map to a dot. */
#define ORBIT_CAP_FACTOR 2.0
#define ORBIT_CAP_MIN 5.0
/* Closest spacing of lattice lines and of their images, in font sizes:
 * denser lines stop reading as a grid. */
#define LATTICE_MIN_SPACING 1.5
#define IMAGE_MIN_SPACING 0.6
/* The info box goes beside the plot when the plot stays at least this
 * wide for its height. */
#define BESIDE_MIN_ASPECT 0.8
/* The info box's least inner width, in font sizes. */
#define INFO_BOX_TEXT_WIDTH 12.0
/* Orbit points labelled v, Av, A²v, ...: later ones crowd. */
#define N_ORBIT_LABELS 4
/* The Bézier control distance that best approximates a quarter circle. */
#define BEZIER_KAPPA 0.5522847498307936

typedef struct
{
  PangoLayout       *layout;
  cairo_rectangle_t  box;
  double             color[4];
} Label;

typedef struct
{
  /* What is drawn. */
  const SdSceneTransform *transform;
  SdMat2                  m;
  SdLinmapAnalysis        analysis;
  const char             *letter;
  double                 *orbit;
  guint                   n_orbit;

  /* Where, once the plot is laid out. */
  SdPlot                 *plot;
  const SdThemeStyle     *style;
  cairo_rectangle_t       area;
  double                  x_range[2];
  double                  y_range[2];
  double                  ppu;
  double                  radius;
  double                  lattice_step;
  double                  em;
  gboolean                drawn;

  /* Placed labels, and what labels and the info box keep off. */
  GArray                 *labels;
  GArray                 *points;
  GArray                 *shapes;

  double                  grid_color[4];
  double                  i_color[4];
  double                  j_color[4];
  double                  eigen_color[4];
  double                  ink[4];
} Figure;

/* Numbers ------------------------------------------------------------------ */

/* A number written on the figure: three significant digits. Values
 * within @zero of 0 print as "0", so that rounding noise such as an
 * eigenvalue of 1e-17 does not show. */
static char *
format_number (double value,
               double zero)
{
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_COMPACT);
  format.zero = zero;
  return sd_number_format (&format, value);
}

/* An angle in degrees, from (-180, 180]. */
static char *
format_angle (double radians)
{
  g_autofree char *number = format_number (radians * 180.0 / G_PI, 1e-9);

  return g_strconcat (number, DEGREE, NULL);
}

/* The smallest of 1, 2, 5, 10, 20, 50, ... that is at least @x. */
static double
nice_ceil (double x)
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

/* What is drawn ------------------------------------------------------------ */

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
static double
view_half_range (const SdSceneTransform *transform)
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
  step = reach < 10.0 ? 0.5 : nice_ceil (reach / 20.0);
  return step * ceil (reach / step - 1e-9);
}

static gboolean
figure_prepare (Figure                 *f,
                const SdSceneTransform *transform,
                GError                **error)
{
  g_autoptr(GError) orbit_error = NULL;

  f->transform = transform;

  if (!isfinite (transform->t))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is t, the key of the scene file that
                    * says how far the map has gone; keep it as it is */
                   _("%s: must be a finite number"), "t");
      return FALSE;
    }

  /* Check A itself first, so that the message names what the user typed. */
  if (!sd_linmap_analyze (&transform->matrix, &f->analysis, error))
    return FALSE;

  sd_mat2_interpolate (&transform->matrix, transform->t, &f->m);
  if (!sd_linmap_analyze (&f->m, &f->analysis, error))
    return FALSE;

  f->letter = transform->t == 1.0 ? "A" : "M";

  if (!transform->has_vector)
    return TRUE;

  f->orbit = g_new0 (double, 2 * (transform->orbit + 1));
  if (!sd_linmap_orbit (&f->m, transform->vector, transform->orbit, f->orbit, &orbit_error) &&
      !g_error_matches (orbit_error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC))
    {
      g_propagate_error (error, g_steal_pointer (&orbit_error));
      return FALSE;
    }

  /* An orbit that overflows is drawn up to its last finite point. */
  while (f->n_orbit <= transform->orbit &&
         isfinite (f->orbit[2 * f->n_orbit]) && isfinite (f->orbit[2 * f->n_orbit + 1]))
    f->n_orbit++;

  return TRUE;
}

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
}

static void
figure_clear (Figure *f)
{
  g_clear_pointer (&f->orbit, g_free);
  g_clear_pointer (&f->labels, g_array_unref);
  g_clear_pointer (&f->points, g_array_unref);
  g_clear_pointer (&f->shapes, g_array_unref);
}

static void
set_alpha (double       rgba[4],
           const double color[4],
           double       alpha)
{
  memcpy (rgba, color, 4 * sizeof (double));
  rgba[3] = color[3] * alpha;
}

static void
figure_set_plot (Figure *f,
                 SdPlot *plot)
{
  SdTheme theme;

  f->plot = plot;
  f->style = sd_plot_get_style (plot);
  f->em = f->style->font_size;
  theme = f->style->theme;

  f->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (f->labels, label_clear);
  f->points = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  f->shapes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  sd_palette_color (theme, PALETTE_BLUE, f->grid_color);
  sd_palette_color (theme, PALETTE_GREEN, f->i_color);
  sd_palette_color (theme, PALETTE_VERMILLION, f->j_color);
  sd_palette_color (theme, PALETTE_PURPLE, f->eigen_color);
  memcpy (f->ink, f->style->foreground, sizeof f->ink);
}

/* Takes the plot's area and ranges once it is laid out. */
static void
figure_set_layout (Figure *f)
{
  sd_plot_get_area (f->plot, &f->area);
  sd_plot_get_range (f->plot, SD_AXIS_X, &f->x_range[0], &f->x_range[1]);
  sd_plot_get_range (f->plot, SD_AXIS_Y, &f->y_range[0], &f->y_range[1]);
  f->ppu = f->area.width / (f->x_range[1] - f->x_range[0]);
  f->radius = hypot (MAX (fabs (f->x_range[0]), fabs (f->x_range[1])),
                     MAX (fabs (f->y_range[0]), fabs (f->y_range[1])));
  f->lattice_step = nice_ceil (LATTICE_MIN_SPACING * f->em / f->ppu);
}

/* Geometry ----------------------------------------------------------------- */

static void
to_px (const Figure *f,
       double        x,
       double        y,
       double       *px,
       double       *py)
{
  sd_plot_map (f->plot, x, y, px, py);
}

static void
apply (const SdMat2 *m,
       double        x,
       double        y,
       double        out[2])
{
  const double v[2] = { x, y };

  sd_mat2_apply (m, v, out);
}

/* Whether the page segment runs along the plot's frame, where it would
 * only look like a second frame line. */
static gboolean
along_frame (const Figure *f,
             double        px0,
             double        py0,
             double        px1,
             double        py1)
{
  double margin = 0.5 * f->em;
  double left = f->area.x, right = f->area.x + f->area.width;
  double top = f->area.y, bottom = f->area.y + f->area.height;

  if (fabs (px0 - px1) < 1e-6 &&
      (fabs (px0 - left) < margin || fabs (px0 - right) < margin))
    return TRUE;
  return fabs (py0 - py1) < 1e-6 &&
         (fabs (py0 - top) < margin || fabs (py0 - bottom) < margin);
}

/* Adds the segment between two data points to the path, clipped to twice
 * the view. */
static void
segment (const Figure *f,
         cairo_t      *cr,
         double        x0,
         double        y0,
         double        x1,
         double        y1)
{
  /* Far points never reach cairo, whose fixed-point coordinates
   * overflow past about 8 million. */
  const cairo_rectangle_t bounds = { -2.0 * f->radius, -2.0 * f->radius,
                                     4.0 * f->radius, 4.0 * f->radius };
  SdPoint a = { x0, y0 }, b = { x1, y1 };
  double px0, py0, px1, py1;

  if (!sd_clip_segment_points (&bounds, &a, &b))
    return;

  to_px (f, a.x, a.y, &px0, &py0);
  to_px (f, b.x, b.y, &px1, &py1);
  if (along_frame (f, px0, py0, px1, py1))
    return;

  cairo_move_to (cr, px0, py0);
  cairo_line_to (cr, px1, py1);
}

/* The whole line through @point along @direction that crosses the view. */
static void
line (const Figure *f,
      cairo_t      *cr,
      const double  point[2],
      const double  direction[2])
{
  double length = hypot (direction[0], direction[1]);
  double ux = direction[0] / length, uy = direction[1] / length;
  double along = point[0] * ux + point[1] * uy;
  double foot[2] = { point[0] - along * ux, point[1] - along * uy };
  double reach = 1.05 * f->radius;

  segment (f, cr, foot[0] - reach * ux, foot[1] - reach * uy,
           foot[0] + reach * ux, foot[1] + reach * uy);
}

static gboolean
in_view (const Figure *f,
         const double  p[2])
{
  return p[0] >= f->x_range[0] && p[0] <= f->x_range[1] &&
         p[1] >= f->y_range[0] && p[1] <= f->y_range[1];
}

/* The direction of the data vector (x, y) on the page, or @fallback_x,
 * @fallback_y (already on the page) for a vector too short to have one. */
static void
page_direction (const Figure *f,
                double        x,
                double        y,
                double        fallback_x,
                double        fallback_y,
                double       *dx,
                double       *dy)
{
  double length = hypot (x, y) * f->ppu;

  if (length < 0.5)
    {
      length = hypot (fallback_x, fallback_y);
      *dx = fallback_x / length;
      *dy = fallback_y / length;
      return;
    }

  *dx = x * f->ppu / length;
  *dy = -y * f->ppu / length;
}

static void
add_rect (GArray *rects,
          double  x,
          double  y,
          double  width,
          double  height)
{
  cairo_rectangle_t rect = { x, y, width, height };

  g_array_append_val (rects, rect);
}

/* Marks a data point that labels must not cover. */
static void
add_point (Figure *f,
           double  x,
           double  y)
{
  double px, py, r = 0.3 * f->em;
  const double p[2] = { x, y };

  if (!in_view (f, p))
    return;

  to_px (f, x, y, &px, &py);
  add_rect (f->points, px - r, py - r, 2 * r, 2 * r);
}

/* Marks the bounding box of data points as something big the info box
 * should not hide. */
static void
add_shape (Figure       *f,
           const double *xy,
           guint         n)
{
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  for (guint i = 0; i < n; i++)
    {
      double px, py;

      to_px (f, xy[2 * i], xy[2 * i + 1], &px, &py);
      x0 = MIN (x0, px);
      y0 = MIN (y0, py);
      x1 = MAX (x1, px);
      y1 = MAX (y1, py);
    }

  if (isfinite (x0) && isfinite (y0) && isfinite (x1) && isfinite (y1))
    add_rect (f->shapes, x0, y0, x1 - x0, y1 - y0);
}

/* Strokes @rgba with its alpha applied to the whole path at once, so that
 * where the path overlaps itself (an arrow's shaft under its head, crossing
 * grid lines) the colour does not darken. */
static void
begin_translucent (cairo_t *cr)
{
  cairo_save (cr);
  cairo_push_group (cr);
}

static void
end_translucent (cairo_t      *cr,
                 const double  rgba[4])
{
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, rgba[3]);
  cairo_restore (cr);
}

static void
set_opaque_source (cairo_t      *cr,
                   const double  rgba[4])
{
  cairo_set_source_rgb (cr, rgba[0], rgba[1], rgba[2]);
}

/* An arrow from (x0, y0) to (x1, y1) on the page with its head's point
 * exactly at (x1, y1). */
static void
draw_arrow (const Figure *f,
            cairo_t      *cr,
            double        x0,
            double        y0,
            double        x1,
            double        y1,
            double        width,
            const double  rgba[4])
{
  double dx = x1 - x0, dy = y1 - y0;
  double length = hypot (dx, dy);
  double sx, sy;
  SdArrowhead head;

  if (!(length > 0.5 * width) || !isfinite (length))
    return;

  dx /= length;
  dy /= length;
  head.length = MIN (2.6 * width + 3.0 * f->style->scale, 0.6 * length);
  head.half_width = 0.45 * head.length;
  head.notch = 0.25;
  sd_arrowhead_shaft_end (&head, x1, y1, dx, dy, &sx, &sy);

  begin_translucent (cr);
  set_opaque_source (cr, rgba);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, sx, sy);
  cairo_stroke (cr);

  sd_arrowhead_append (cr, &head, x1, y1, dx, dy);
  cairo_fill (cr);
  end_translucent (cr, rgba);
}

/* An arrow between data points. */
static void
draw_vector (const Figure *f,
             cairo_t      *cr,
             const double  from[2],
             const double  to[2],
             double        width,
             const double  rgba[4])
{
  double x0, y0, x1, y1;

  to_px (f, from[0], from[1], &x0, &y0);
  to_px (f, to[0], to[1], &x1, &y1);
  draw_arrow (f, cr, x0, y0, x1, y1, width, rgba);
}

/* The image under @m of the unit circle, as four Bézier arcs: an affine
 * map takes a Bézier curve to the Bézier curve of the mapped control
 * points, so this is exact up to the circle's own approximation, and a
 * singular @m gives the segment it should. */
static void
ellipse_path (const Figure *f,
              cairo_t      *cr,
              const SdMat2 *m)
{
  static const double quarter[4][2] = {
    { 1.0, 0.0 }, { 1.0, BEZIER_KAPPA }, { BEZIER_KAPPA, 1.0 }, { 0.0, 1.0 },
  };

  for (guint q = 0; q < 4; q++)
    {
      double c = cos (q * G_PI / 2), s = sin (q * G_PI / 2);
      double px[4], py[4];

      for (guint i = 0; i < 4; i++)
        {
          double image[2];

          apply (m, c * quarter[i][0] - s * quarter[i][1], s * quarter[i][0] + c * quarter[i][1],
                 image);
          to_px (f, image[0], image[1], &px[i], &py[i]);
        }

      if (q == 0)
        cairo_move_to (cr, px[0], py[0]);
      cairo_curve_to (cr, px[1], py[1], px[2], py[2], px[3], py[3]);
    }
  cairo_close_path (cr);
}

/* Layers ------------------------------------------------------------------- */

static void
draw_determinant (Figure  *f,
                  cairo_t *cr)
{
  double e1[2], e2[2], corner[2], fill[4], edge[4];
  double xy[8];
  double px, py;

  apply (&f->m, 1.0, 0.0, e1);
  apply (&f->m, 0.0, 1.0, e2);
  corner[0] = e1[0] + e2[0];
  corner[1] = e1[1] + e2[1];

  sd_palette_color (f->style->theme,
                    f->analysis.determinant < 0.0 ? PALETTE_ORANGE : PALETTE_BLUE, edge);
  set_alpha (fill, edge, f->analysis.determinant < 0.0 ? 0.30 : 0.20);

  cairo_save (cr);
  to_px (f, 0.0, 0.0, &px, &py);
  cairo_move_to (cr, px, py);
  to_px (f, e1[0], e1[1], &px, &py);
  cairo_line_to (cr, px, py);
  to_px (f, corner[0], corner[1], &px, &py);
  cairo_line_to (cr, px, py);
  to_px (f, e2[0], e2[1], &px, &py);
  cairo_line_to (cr, px, py);
  cairo_close_path (cr);
  sd_set_source_color (cr, fill);
  cairo_fill_preserve (cr);
  edge[3] = 0.8;
  sd_set_source_color (cr, edge);
  cairo_set_line_width (cr, 0.5 * f->style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  xy[0] = 0.0;
  xy[1] = 0.0;
  memcpy (&xy[2], e1, sizeof e1);
  memcpy (&xy[4], corner, sizeof corner);
  memcpy (&xy[6], e2, sizeof e2);
  add_shape (f, xy, 4);
}

/* The integer lattice: lines x = k and y = k, every lattice_step. */
static void
draw_lattice (Figure  *f,
              cairo_t *cr)
{
  double step = f->lattice_step;

  cairo_save (cr);
  cairo_set_line_width (cr, f->style->grid_line_width);
  sd_set_source_color (cr, f->style->grid);

  for (double k = ceil (f->x_range[0] / step); k * step <= f->x_range[1]; k++)
    if (k != 0.0)
      segment (f, cr, k * step, f->y_range[0], k * step, f->y_range[1]);

  for (double k = ceil (f->y_range[0] / step); k * step <= f->y_range[1]; k++)
    if (k != 0.0)
      segment (f, cr, f->x_range[0], k * step, f->x_range[1], k * step);

  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The axes through the origin, the frame of reference of everything else. */
static void
draw_origin_axes (Figure  *f,
                  cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5 * f->style->axis_line_width);
  sd_set_source_color (cr, f->style->muted);
  segment (f, cr, f->x_range[0], 0.0, f->x_range[1], 0.0);
  segment (f, cr, 0.0, f->y_range[0], 0.0, f->y_range[1]);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The images of the lattice lines parallel to one axis: the line through
 * k e_a along e_b maps onto the line through k M e_a along M e_b, so
 * @offset is M e_a and @direction M e_b. Neighbouring images lie
 * |det M| / |M e_b| apart; when that gets too dense, only every j-th line
 * is drawn, j from 1, 2, 5, 10, ... (each still the image of a lattice
 * line). The image of the axis itself (k = 0) is left to the caller. */
static void
add_image_lines (Figure       *f,
                 cairo_t      *cr,
                 const double  offset[2],
                 const double  direction[2])
{
  double length = hypot (direction[0], direction[1]);
  double spacing, every, kmax;

  /* The lines collapse to points: the other family shows the image. */
  if (length * f->ppu < 1e-6)
    return;

  spacing = fabs (direction[0] * offset[1] - direction[1] * offset[0]) / length *
            f->lattice_step;
  if (spacing * f->ppu < 1e-6)
    return;

  every = nice_ceil (IMAGE_MIN_SPACING * f->em / (spacing * f->ppu));
  kmax = floor (f->radius / (spacing * every));
  for (double k = -kmax; k <= kmax; k++)
    {
      double n = k * every * f->lattice_step;
      double point[2] = { n * offset[0], n * offset[1] };

      if (k != 0.0)
        line (f, cr, point, direction);
    }
}

static void
draw_image_grid (Figure  *f,
                 cairo_t *cr)
{
  const double origin[2] = { 0.0, 0.0 };
  double e1[2], e2[2], color[4];
  const double *images[2] = { e1, e2 };

  apply (&f->m, 1.0, 0.0, e1);
  apply (&f->m, 0.0, 1.0, e2);

  set_alpha (color, f->grid_color, f->style->theme == SD_THEME_DARK ? 0.55 : 0.45);
  begin_translucent (cr);
  set_opaque_source (cr, color);
  cairo_set_line_width (cr, 0.5 * f->style->line_width);
  add_image_lines (f, cr, e1, e2);
  add_image_lines (f, cr, e2, e1);
  cairo_stroke (cr);
  end_translucent (cr, color);

  /* The images of the axes, bolder, as the axes are. */
  set_alpha (color, f->grid_color, 0.9);
  cairo_save (cr);
  sd_set_source_color (cr, color);
  cairo_set_line_width (cr, 0.75 * f->style->line_width);
  for (guint i = 0; i < 2; i++)
    if (hypot (images[i][0], images[i][1]) * f->ppu >= 1e-6)
      line (f, cr, origin, images[i]);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_circles (Figure  *f,
              cairo_t *cr)
{
  static const SdMat2 identity = { 1.0, 0.0, 0.0, 1.0 };
  const SdLinmapEllipse *ellipse = &f->analysis.unit_circle_image;
  double dashes[2] = { 4.0 * f->style->scale, 3.0 * f->style->scale };
  double extent[8];

  cairo_save (cr);
  ellipse_path (f, cr, &identity);
  sd_set_source_color (cr, f->style->muted);
  cairo_set_line_width (cr, 0.5 * f->style->line_width);
  cairo_set_dash (cr, dashes, 2, 0.0);
  cairo_stroke (cr);

  ellipse_path (f, cr, &f->m);
  sd_set_source_color (cr, f->ink);
  cairo_set_line_width (cr, 0.85 * f->style->line_width);
  cairo_set_dash (cr, NULL, 0, 0.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < 2; i++)
    {
      double s = MAX (1.0, ellipse->semi_axes[i]);

      extent[4 * i] = s * ellipse->axes[i][0];
      extent[4 * i + 1] = s * ellipse->axes[i][1];
      extent[4 * i + 2] = -s * ellipse->axes[i][0];
      extent[4 * i + 3] = -s * ellipse->axes[i][1];
    }
  add_shape (f, extent, 4);
}

/* The eigenvector lines when the map has real ones: where every point only
 * moves along its line through the origin. A multiple of I has every line
 * for an eigenvector, and complex eigenvalues none; the info box says so. */
static gboolean
has_eigen_lines (const Figure *f)
{
  const SdLinmapAnalysis *a = &f->analysis;

  return !a->complex_eigenvalues && (!a->repeated_eigenvalue || a->defective);
}

static void
draw_eigen_lines (Figure  *f,
                  cairo_t *cr)
{
  const double origin[2] = { 0.0, 0.0 };
  double dashes[2] = { 7.0 * f->style->scale, 4.0 * f->style->scale };

  if (!has_eigen_lines (f))
    return;

  cairo_save (cr);
  sd_set_source_color (cr, f->eigen_color);
  cairo_set_line_width (cr, 0.8 * f->style->line_width);
  cairo_set_dash (cr, dashes, 2, 0.0);
  for (guint i = 0; i < f->analysis.n_eigenvectors; i++)
    {
      line (f, cr, origin, f->analysis.eigenvectors[i]);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A multiple of an orthogonal matrix stretches every direction alike, so
 * it has no singular directions to show. */
static gboolean
has_singular_directions (const Figure *f)
{
  const double *s = f->analysis.singular_values;

  return s[0] - s[1] > SD_LINMAP_TOLERANCE * s[0];
}

static void
singular_vectors (const Figure *f,
                  guint         i,
                  double        v[2],
                  double        su[2])
{
  const SdLinmapAnalysis *a = &f->analysis;
  double s = a->singular_values[i];

  v[0] = i == 0 ? a->v.a : a->v.b;
  v[1] = i == 0 ? a->v.c : a->v.d;
  su[0] = s * (i == 0 ? a->u.a : a->u.b);
  su[1] = s * (i == 0 ? a->u.c : a->u.d);
}

/* The right singular vectors on the unit circle, thin, and their images
 * σ u on the ellipse's axes, as arrows. */
static void
draw_singular_vectors (Figure  *f,
                       cairo_t *cr)
{
  const double origin[2] = { 0.0, 0.0 };
  double dashes[2] = { 2.0 * f->style->scale, 2.0 * f->style->scale };
  double faint[4];

  if (!has_singular_directions (f))
    return;

  set_alpha (faint, f->ink, 0.5);
  for (guint i = 0; i < 2; i++)
    {
      double v[2], su[2], px, py;

      singular_vectors (f, i, v, su);

      cairo_save (cr);
      sd_set_source_color (cr, faint);
      cairo_set_line_width (cr, 0.5 * f->style->line_width);
      cairo_set_dash (cr, dashes, 2, 0.0);
      segment (f, cr, 0.0, 0.0, v[0], v[1]);
      cairo_stroke (cr);
      to_px (f, v[0], v[1], &px, &py);
      cairo_arc (cr, px, py, 0.3 * f->style->marker_size, 0.0, 2 * G_PI);
      cairo_fill (cr);
      cairo_restore (cr);

      draw_vector (f, cr, origin, su, 0.6 * f->style->line_width, f->ink);
    }
}

static void
draw_basis (Figure  *f,
            cairo_t *cr)
{
  const double origin[2] = { 0.0, 0.0 };
  const double units[2][2] = { { 1.0, 0.0 }, { 0.0, 1.0 } };
  const double *colors[2] = { f->i_color, f->j_color };
  double lw = f->style->line_width;

  for (guint i = 0; i < 2; i++)
    {
      double faint[4];

      set_alpha (faint, colors[i], 0.4);
      draw_vector (f, cr, origin, units[i], 0.75 * lw, faint);
    }

  for (guint i = 0; i < 2; i++)
    {
      double image[2];

      apply (&f->m, units[i][0], units[i][1], image);
      draw_vector (f, cr, origin, image, 1.25 * lw, colors[i]);
    }
}

/* Where the segment from @p (in the view) to @q (outside) leaves the view. */
static void
exit_point (const Figure *f,
            const double  p[2],
            const double  q[2],
            double        out[2])
{
  const cairo_rectangle_t view = { f->x_range[0], f->y_range[0],
                                   f->x_range[1] - f->x_range[0], f->y_range[1] - f->y_range[0] };
  SdPoint a = { p[0], p[1] }, b = { q[0], q[1] };

  if (!sd_clip_segment_points (&view, &a, &b))
    b = a;
  out[0] = b.x;
  out[1] = b.y;
}

/* An arrow head at the edge of the plot where the orbit leaves it. */
static void
draw_escape (Figure       *f,
             cairo_t      *cr,
             const double  p[2],
             const double  q[2])
{
  double edge[2], px, py, dx, dy, inset = 2.0 * f->style->scale;
  double length = 1.8 * f->style->marker_size;

  exit_point (f, p, q, edge);
  to_px (f, edge[0], edge[1], &px, &py);
  page_direction (f, q[0] - p[0], q[1] - p[1], 1.0, 0.0, &dx, &dy);
  px -= inset * dx;
  py -= inset * dy;
  draw_arrow (f, cr, px - length * dx, py - length * dy, px, py, 0.75 * f->style->line_width,
              f->ink);
}

static void
draw_orbit (Figure  *f,
            cairo_t *cr)
{
  const double origin[2] = { 0.0, 0.0 };
  double lw = f->style->line_width;
  double faint[4], path[4];
  double dashes[2] = { 1.0 * f->style->scale, 3.0 * f->style->scale };

  if (f->n_orbit == 0)
    return;

  set_alpha (faint, f->ink, 0.5);
  set_alpha (path, f->ink, 0.6);

  /* The path v → Mv → M²v ..., dotted with an arrow head before each
   * point; the arrow heads only where the step is long enough to hold one. */
  for (guint k = 0; k + 1 < f->n_orbit; k++)
    {
      const double *p = &f->orbit[2 * k], *q = &f->orbit[2 * k + 2];
      double x0, y0, x1, y1, dx, dy, gap = 0.6 * f->style->marker_size;

      cairo_save (cr);
      sd_set_source_color (cr, path);
      cairo_set_line_width (cr, 0.6 * lw);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dashes, 2, 0.0);
      segment (f, cr, p[0], p[1], q[0], q[1]);
      cairo_stroke (cr);
      cairo_restore (cr);

      if (in_view (f, p) && !in_view (f, q))
        draw_escape (f, cr, p, q);
      if (!in_view (f, q))
        continue;

      to_px (f, p[0], p[1], &x0, &y0);
      to_px (f, q[0], q[1], &x1, &y1);
      if (hypot (x1 - x0, y1 - y0) < 4.0 * gap)
        continue;
      page_direction (f, q[0] - p[0], q[1] - p[1], 1.0, 0.0, &dx, &dy);
      draw_arrow (f, cr, x1 - 3.0 * gap * dx, y1 - 3.0 * gap * dy, x1 - gap * dx, y1 - gap * dy,
                  0.6 * lw, path);
    }

  /* v and Mv as vectors from the origin, like î and Mî. */
  draw_vector (f, cr, origin, &f->orbit[0], (f->n_orbit > 1 ? 0.75 : 1.0) * lw,
               f->n_orbit > 1 ? faint : f->ink);
  if (f->n_orbit > 1)
    draw_vector (f, cr, origin, &f->orbit[2], lw, f->ink);

  for (guint k = 2; k < f->n_orbit; k++)
    {
      double px, py;

      if (!in_view (f, &f->orbit[2 * k]))
        continue;
      to_px (f, f->orbit[2 * k], f->orbit[2 * k + 1], &px, &py);
      sd_marker_draw (cr, f->style, SD_MARKER_CIRCLE, px, py, f->ink);
    }
}

/* Labels ------------------------------------------------------------------- */

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_is_free (const Figure            *f,
             const cairo_rectangle_t *box)
{
  double inset = 0.15 * f->em;

  if (box->x < f->area.x + inset || box->y < f->area.y + inset ||
      box->x + box->width > f->area.x + f->area.width - inset ||
      box->y + box->height > f->area.y + f->area.height - inset)
    return FALSE;

  for (guint i = 0; i < f->labels->len; i++)
    if (rects_overlap (box, &g_array_index (f->labels, Label, i).box))
      return FALSE;

  for (guint i = 0; i < f->points->len; i++)
    if (rects_overlap (box, &g_array_index (f->points, cairo_rectangle_t, i)))
      return FALSE;

  return TRUE;
}

static void
label_init (Figure       *f,
            cairo_t      *cr,
            Label        *label,
            const char   *markup,
            const double  color[4])
{
  memset (label, 0, sizeof *label);
  label->layout = sd_text_layout_new (cr, f->style, SD_TEXT_LABEL, markup);
  memcpy (label->color, color, sizeof label->color);
  sd_text_get_size (label->layout, &label->box.width, &label->box.height, NULL);
}

/* Puts @label's box @gap beyond the page point (@x, @y) in the direction
 * (@ux, @uy), a unit vector, and keeps it there if the place is free. */
static gboolean
label_try (Figure *f,
           Label  *label,
           double  x,
           double  y,
           double  ux,
           double  uy,
           double  gap)
{
  double width = label->box.width, height = label->box.height;
  double reach = gap + fabs (ux) * width / 2 + fabs (uy) * height / 2;

  label->box.x = x + reach * ux - width / 2;
  label->box.y = y + reach * uy - height / 2;
  if (!box_is_free (f, &label->box))
    return FALSE;

  g_array_append_val (f->labels, *label);
  return TRUE;
}

/* Keeps @label at its first choice, inside the plot, free or not. */
static void
label_force (Figure *f,
             Label  *label,
             double  x,
             double  y,
             double  ux,
             double  uy,
             double  gap)
{
  double width = label->box.width, height = label->box.height;
  double reach = gap + fabs (ux) * width / 2 + fabs (uy) * height / 2;

  label->box.x = CLAMP (x + reach * ux - width / 2, f->area.x, f->area.x + f->area.width - width);
  label->box.y = CLAMP (y + reach * uy - height / 2, f->area.y,
                        f->area.y + f->area.height - height);
  g_array_append_val (f->labels, *label);
}

/* Places a label next to the page point (@x, @y), on the side @dx, @dy
 * (a unit vector) if there is room: not over another label or a marked
 * point and inside the plot; otherwise turned by 45° steps, alternating
 * sides, then farther out. A @required label that fits nowhere takes its
 * first place anyway; others are left out.
 *
 * Returns: whether the label was placed */
static gboolean
place_label (Figure       *f,
             cairo_t      *cr,
             const char   *markup,
             const double  color[4],
             double        x,
             double        y,
             double        dx,
             double        dy,
             gboolean      required)
{
  static const double turns[] = { 0, 1, -1, 2, -2, 3, -3, 4 };
  double gap = 0.35 * f->em;
  Label label;

  label_init (f, cr, &label, markup, color);
  /* Optional labels stay close to their point, or are better left out. */
  for (guint ring = 0; ring < (required ? 3u : 2u); ring++)
    for (guint i = 0; i < G_N_ELEMENTS (turns); i++)
      {
        double angle = turns[i] * G_PI / 4;
        double ux = dx * cos (angle) - dy * sin (angle);
        double uy = dx * sin (angle) + dy * cos (angle);

        if (label_try (f, &label, x, y, ux, uy, gap + ring * f->em))
          return TRUE;
      }

  if (!required)
    {
      g_object_unref (label.layout);
      return FALSE;
    }

  label_force (f, &label, x, y, dx, dy, gap);
  return TRUE;
}

/* Labels the tip of the data vector @tip, beyond it. */
static gboolean
label_tip (Figure       *f,
           cairo_t      *cr,
           const char   *markup,
           const double  color[4],
           const double  tip[2],
           double        fallback_x,
           double        fallback_y,
           gboolean      required)
{
  double px, py, dx, dy;

  if (!in_view (f, tip))
    return FALSE;

  to_px (f, tip[0], tip[1], &px, &py);
  page_direction (f, tip[0], tip[1], fallback_x, fallback_y, &dx, &dy);
  return place_label (f, cr, markup, color, px, py, dx, dy, required);
}

static void
label_basis (Figure   *f,
             cairo_t  *cr,
             gboolean  originals)
{
  static const char * const names[2] = { "î", "ĵ" };
  const double *colors[2] = { f->i_color, f->j_color };

  for (guint i = 0; i < 2; i++)
    {
      double unit[2] = { i == 0, i == 1 }, image[2];

      apply (&f->m, unit[0], unit[1], image);
      if (!originals)
        {
          g_autofree char *markup = g_strdup_printf ("<i>%s</i>%s", f->letter, names[i]);

          label_tip (f, cr, markup, colors[i], image, unit[0], -unit[1], TRUE);
        }
      /* The original's label only where it does not sit on its image's. */
      else if (hypot (image[0] - unit[0], image[1] - unit[1]) * f->ppu > 2.0 * f->em)
        {
          double faint[4];

          set_alpha (faint, colors[i], 0.7);
          label_tip (f, cr, names[i], faint, unit, unit[0], -unit[1], FALSE);
        }
    }
}

/* Solves M x = p; FALSE when M is singular. */
static gboolean
solve (const Figure *f,
       double        px,
       double        py,
       double        x[2])
{
  double det = f->analysis.determinant;

  if (fabs (det) <= SD_LINMAP_TOLERANCE * f->analysis.singular_values[0] * f->analysis.singular_values[0])
    return FALSE;

  x[0] = (f->m.d * px - f->m.b * py) / det;
  x[1] = (-f->m.c * px + f->m.a * py) / det;
  return TRUE;
}

/* Whether the page rectangle lies inside the image of the unit square. */
static gboolean
box_in_parallelogram (const Figure            *f,
                      const cairo_rectangle_t *box)
{
  for (guint i = 0; i < 4; i++)
    {
      double x, y, st[2];

      sd_plot_unmap (f->plot, box->x + (i & 1) * box->width, box->y + (i >> 1) * box->height,
                     &x, &y);
      if (!solve (f, x, y, st) || st[0] < 0.0 || st[0] > 1.0 || st[1] < 0.0 || st[1] > 1.0)
        return FALSE;
    }

  return TRUE;
}

/* "det A = 1.5" inside the image of the unit square if it fits there,
 * otherwise beside its centre. */
static void
label_determinant (Figure  *f,
                   cairo_t *cr)
{
  g_autofree char *number = format_number (f->analysis.determinant,
                                           SD_LINMAP_TOLERANCE * f->analysis.singular_values[0] *
                                           f->analysis.singular_values[0]);
  /* Translators: the determinant's label, inside the image of the unit
   * square. det is the determinant's notation (keep it unless your
   * language's textbooks write it otherwise), %s in <i></i> the matrix's
   * letter, A or M, the last %s its value. */
  g_autofree char *markup = g_strdup_printf (_("det <i>%s</i> = %s"), f->letter, number);
  double centre[2], px, py, dx, dy, width, height, pad = 0.2 * f->em;
  Label label = { 0 };

  apply (&f->m, 0.5, 0.5, centre);
  to_px (f, centre[0], centre[1], &px, &py);

  label.layout = sd_text_layout_new (cr, f->style, SD_TEXT_LABEL, markup);
  memcpy (label.color, f->ink, sizeof label.color);
  sd_text_get_size (label.layout, &width, &height, NULL);
  label.box = (cairo_rectangle_t) { px - width / 2 - pad, py - height / 2,
                                    width + 2 * pad, height };

  if (box_in_parallelogram (f, &label.box) && box_is_free (f, &label.box))
    {
      g_array_append_val (f->labels, label);
      return;
    }

  g_object_unref (label.layout);
  page_direction (f, centre[0], centre[1], 1.0, -1.0, &dx, &dy);
  place_label (f, cr, markup, f->ink, px, py, dx, dy, TRUE);
}

static char *
eigenvalue_markup (const Figure *f,
                   guint         i)
{
  const SdLinmapAnalysis *a = &f->analysis;
  g_autofree char *value = format_number (a->eigenvalues_re[i],
                                          SD_LINMAP_TOLERANCE * a->singular_values[0]);

  if (a->defective)
    return g_strdup_printf ("λ<sub>1</sub> = λ<sub>2</sub> = %s", value);
  return g_strdup_printf ("λ<sub>%u</sub> = %s", i + 1, value);
}

/* How far the ray from the page point (@x, @y) along (@dx, @dy) runs
 * inside the plot. */
static double
reach_to_edge (const Figure *f,
               double        x,
               double        y,
               double        dx,
               double        dy)
{
  double reach = INFINITY;

  if (dx > 1e-12)
    reach = MIN (reach, (f->area.x + f->area.width - x) / dx);
  else if (dx < -1e-12)
    reach = MIN (reach, (f->area.x - x) / dx);
  if (dy > 1e-12)
    reach = MIN (reach, (f->area.y + f->area.height - y) / dy);
  else if (dy < -1e-12)
    reach = MIN (reach, (f->area.y - y) / dy);
  return reach;
}

/* Labels each eigenvector line beside it, near where it leaves the plot
 * on the side its eigenvector points to: above the line if there is room,
 * else below, else a little closer to the origin. */
static void
label_eigen_lines (Figure  *f,
                   cairo_t *cr)
{
  if (!has_eigen_lines (f))
    return;

  for (guint i = 0; i < f->analysis.n_eigenvectors; i++)
    {
      g_autofree char *markup = eigenvalue_markup (f, i);
      const double *e = f->analysis.eigenvectors[i];
      double ox, oy, dx, dy, nx, ny, reach, gap = 0.35 * f->em;
      gboolean placed = FALSE;
      Label label;

      label_init (f, cr, &label, markup, f->eigen_color);
      to_px (f, 0.0, 0.0, &ox, &oy);
      page_direction (f, e[0], e[1], 1.0, 0.0, &dx, &dy);
      reach = reach_to_edge (f, ox, oy, dx, dy);

      /* The normal that points up, or left for a vertical line. */
      nx = dy;
      ny = -dx;
      if (ny > 0.0 || (ny == 0.0 && nx > 0.0))
        {
          nx = -nx;
          ny = -ny;
        }

      for (double back = 1.5 * f->em; !placed && back < 0.7 * reach; back += f->em)
        {
          double x = ox + (reach - back) * dx, y = oy + (reach - back) * dy;

          placed = label_try (f, &label, x, y, nx, ny, gap) ||
                   label_try (f, &label, x, y, -nx, -ny, gap);
        }

      if (!placed)
        label_force (f, &label, ox + 0.7 * reach * dx, oy + 0.7 * reach * dy, nx, ny, gap);
    }
}

static void
label_singular_vectors (Figure  *f,
                        cairo_t *cr)
{
  if (!has_singular_directions (f))
    return;

  for (guint i = 0; i < 2; i++)
    {
      double v[2], su[2];
      g_autofree char *markup = g_strdup_printf ("σ<sub>%u</sub>", i + 1);

      singular_vectors (f, i, v, su);
      if (hypot (su[0], su[1]) * f->ppu > f->em)
        label_tip (f, cr, markup, f->ink, su, 1.0, 0.0, FALSE);
    }
}

static char *
orbit_markup (const Figure *f,
              guint         k)
{
  switch (k)
    {
    case 0:
      return g_strdup ("<b>v</b>");
    case 1:
      return g_strdup_printf ("<i>%s</i><b>v</b>", f->letter);
    case 2:
      return g_strdup_printf ("<i>%s</i>²<b>v</b>", f->letter);
    case 3:
      return g_strdup_printf ("<i>%s</i>³<b>v</b>", f->letter);
    default:
      return g_strdup_printf ("<i>%s</i><sup>%u</sup><b>v</b>", f->letter, k);
    }
}

static void
label_orbit (Figure  *f,
             cairo_t *cr,
             guint    first,
             guint    end)
{
  for (guint k = first; k < MIN (f->n_orbit, end); k++)
    {
      g_autofree char *markup = orbit_markup (f, k);
      const double *p = &f->orbit[2 * k];
      double px, py, dx, dy;

      if (!in_view (f, p))
        continue;

      to_px (f, p[0], p[1], &px, &py);
      /* Off the path: beside the step that arrives here, or away from the
       * origin for v. */
      if (k == 0)
        page_direction (f, p[0], p[1], 1.0, -1.0, &dx, &dy);
      else
        {
          double sx, sy;

          page_direction (f, p[0] - p[-2], p[1] - p[-1], 1.0, 0.0, &sx, &sy);
          dx = sy;
          dy = -sx;
          if (dx * p[0] - dy * p[1] < 0.0)
            {
              dx = -dx;
              dy = -dy;
            }
        }
      place_label (f, cr, markup, f->ink, px, py, dx, dy, k == 0);
    }
}

/* Marks the points labels must keep off: arrow tips and orbit points. */
static void
mark_points (Figure *f)
{
  SdTransformLayers layers = f->transform->layers;

  add_point (f, 0.0, 0.0);
  if (layers & SD_LAYER_BASIS)
    {
      double image[2];

      add_point (f, 1.0, 0.0);
      add_point (f, 0.0, 1.0);
      apply (&f->m, 1.0, 0.0, image);
      add_point (f, image[0], image[1]);
      apply (&f->m, 0.0, 1.0, image);
      add_point (f, image[0], image[1]);
    }

  if ((layers & SD_LAYER_SVD) && has_singular_directions (f))
    for (guint i = 0; i < 2; i++)
      {
        double v[2], su[2];

        singular_vectors (f, i, v, su);
        add_point (f, su[0], su[1]);
      }

  if (f->n_orbit > 0)
    {
      g_autofree double *visible = g_new (double, 2 * f->n_orbit);
      guint n_visible = 0;

      for (guint k = 0; k < f->n_orbit; k++)
        {
          const double *p = &f->orbit[2 * k];

          add_point (f, p[0], p[1]);
          if (!in_view (f, p))
            continue;
          visible[2 * n_visible] = p[0];
          visible[2 * n_visible + 1] = p[1];
          n_visible++;

          /* Where the orbit escapes, its arrow head. */
          if (k + 1 < f->n_orbit && !in_view (f, p + 2))
            {
              double edge[2];

              exit_point (f, p, p + 2, edge);
              add_point (f, edge[0], edge[1]);
            }
        }
      add_shape (f, visible, n_visible);
    }
}

/* Draws the text over a halo of the background colour, so that it reads
 * over grid lines and fills. */
static void
draw_label (Figure      *f,
            cairo_t     *cr,
            const Label *label)
{
  PangoRectangle logical;
  double halo[4];
  double x = label->box.x + label->box.width / 2, y = label->box.y + label->box.height / 2;

  pango_layout_get_extents (label->layout, NULL, &logical);
  set_alpha (halo, f->style->background, 0.85);

  cairo_save (cr);
  cairo_move_to (cr, x - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 y - (logical.y + logical.height / 2.0) / PANGO_SCALE);
  pango_cairo_update_layout (cr, label->layout);
  pango_cairo_layout_path (cr, label->layout);
  sd_set_source_color (cr, halo);
  cairo_set_line_width (cr, 0.3 * f->em);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  sd_set_source_color (cr, label->color);
  sd_text_draw (cr, label->layout, x, y, SD_TEXT_CENTER, SD_TEXT_MIDDLE, 0.0);
  cairo_restore (cr);
}

static void
draw_labels (Figure  *f,
             cairo_t *cr)
{
  SdTransformLayers layers = f->transform->layers;

  /* In order of importance: the first take the best places. */
  if (layers & SD_LAYER_BASIS)
    label_basis (f, cr, FALSE);
  label_orbit (f, cr, 0, 2);
  if (layers & SD_LAYER_DETERMINANT)
    label_determinant (f, cr);
  if (layers & SD_LAYER_EIGENVECTORS)
    label_eigen_lines (f, cr);
  if (layers & SD_LAYER_SVD)
    label_singular_vectors (f, cr);
  label_orbit (f, cr, 2, N_ORBIT_LABELS);
  if (layers & SD_LAYER_BASIS)
    label_basis (f, cr, TRUE);

  for (guint i = 0; i < f->labels->len; i++)
    draw_label (f, cr, &g_array_index (f->labels, Label, i));
}

static void
draw_data (SdPlot   *plot,
           cairo_t  *cr,
           gpointer  user_data)
{
  Figure *f = user_data;
  SdTransformLayers layers = f->transform->layers;

  f->drawn = TRUE;
  mark_points (f);

  if (layers & SD_LAYER_DETERMINANT)
    draw_determinant (f, cr);
  if (layers & SD_LAYER_GRID)
    draw_lattice (f, cr);
  draw_origin_axes (f, cr);
  if (layers & SD_LAYER_GRID)
    draw_image_grid (f, cr);
  if (layers & SD_LAYER_UNIT_CIRCLE)
    draw_circles (f, cr);
  if (layers & SD_LAYER_EIGENVECTORS)
    draw_eigen_lines (f, cr);
  if (layers & SD_LAYER_SVD)
    draw_singular_vectors (f, cr);
  if (layers & SD_LAYER_BASIS)
    draw_basis (f, cr);
  draw_orbit (f, cr);
  draw_labels (f, cr);
}

/* The info box ------------------------------------------------------------- */

/* What the map does, in words, or NULL when there is nothing short to say. */
static char *
describe_map (const Figure *f)
{
  const SdLinmapAnalysis *a = &f->analysis;
  const SdMat2 *m = &f->m;

  switch (a->kind)
    {
    case SD_LINMAP_IDENTITY:
      /* Translators: a caption below the matrix, which says in words what
       * the linear map does; this one leaves every vector where it is */
      return g_strdup (C_("linear map", "identity"));

    case SD_LINMAP_ROTATION:
      {
        g_autofree char *angle = format_angle (atan2 (m->c, m->a));

        /* Translators: %s is the angle, such as 30°, which counts
         * anticlockwise */
        return g_strdup_printf (_("rotation by %s"), angle);
      }

    case SD_LINMAP_REFLECTION:
      {
        /* [[cos 2θ, sin 2θ], [sin 2θ, −cos 2θ]] mirrors in the line at θ. */
        double theta = atan2 (m->c, m->a) / 2.0;
        g_autofree char *angle = NULL;

        if (fabs (theta) < 1e-9)
          /* Translators: keep <i>x</i>, the name of the axis, in italics */
          return g_strdup (_("reflection in the <i>x</i> axis"));
        if (fabs (fabs (theta) - G_PI / 2) < 1e-9)
          /* Translators: keep <i>y</i>, the name of the axis, in italics */
          return g_strdup (_("reflection in the <i>y</i> axis"));
        angle = format_angle (theta);
        /* Translators: the mirror is the line through the origin at %s, an
         * angle such as 30° from the x axis */
        return g_strdup_printf (_("reflection in the line at %s"), angle);
      }

    case SD_LINMAP_SHEAR:
      /* Translators: a caption below the matrix: the map is a shear */
      return g_strdup (C_("linear map", "shear"));

    case SD_LINMAP_SCALING:
      if (a->repeated_eigenvalue)
        {
          g_autofree char *factor = format_number (a->eigenvalues_re[0], 0.0);

          /* Translators: %s is the factor, such as 2 or 0.5 */
          return g_strdup_printf (_("uniform scaling by %s"), factor);
        }
      return g_strdup (_("stretch along perpendicular eigenvectors"));

    case SD_LINMAP_PROJECTION:
      return g_strdup (_("projection onto a line"));

    case SD_LINMAP_SINGULAR:
      if (a->rank == 0)
        return g_strdup (_("zero map"));
      return g_strdup (_("singular: flattens the plane onto a line"));

    case SD_LINMAP_SPIRAL:
      {
        double modulus = hypot (a->eigenvalues_re[0], a->eigenvalues_im[0]);
        g_autofree char *number = format_number (modulus, 0.0);
        g_autofree char *formula = g_strdup_printf ("|λ|" WORD_JOINER NBSP "=" NBSP "%s", number);

        if (modulus < 1.0)
          /* Translators: a map that turns and shrinks; %s on the second
           * line is the eigenvalues' modulus, such as |λ| = 0.9. Keep the
           * line break. */
          return g_strdup_printf (_("spiral inwards\n%s"), formula);
        /* Translators: a map that turns and grows; %s on the second line is
         * the eigenvalues' modulus, such as |λ| = 1.2. Keep the line break. */
        return g_strdup_printf (_("spiral outwards\n%s"), formula);
      }

    case SD_LINMAP_GENERAL:
    default:
      return NULL;
    }
}

/* The eigenvalues when the lines cannot show them. */
static char *
describe_eigenvalues (const Figure *f)
{
  const SdLinmapAnalysis *a = &f->analysis;
  double zero = SD_LINMAP_TOLERANCE * a->singular_values[0];

  if (a->complex_eigenvalues)
    {
      g_autofree char *re = format_number (a->eigenvalues_re[0], zero);
      g_autofree char *im = format_number (fabs (a->eigenvalues_im[0]), zero);
      g_autofree char *formula = g_strdup_printf ("λ" NBSP "=" NBSP "%s" NBSP PLUS_MINUS NBSP
                                                  "%s<i>i</i>", re, im);

      /* Translators: %s is the complex eigenvalues, such as
       * λ = 0.5 ± 0.866i, on a line of their own; keep the line break */
      return g_strdup_printf (_("%s\nno real eigenvectors"), formula);
    }

  if (a->repeated_eigenvalue && !a->defective)
    {
      g_autofree char *value = format_number (a->eigenvalues_re[0], zero);
      g_autofree char *formula = g_strdup_printf ("λ" NBSP "=" NBSP "%s", value);

      /* Translators: %s is the one eigenvalue, such as λ = 2 */
      return g_strdup_printf (_("%s: every vector is an eigenvector"), formula);
    }

  return NULL;
}

typedef struct
{
  PangoLayout *name;
  PangoLayout *entries[4];
  GPtrArray   *captions;
  double       column[2];
  double       row;
  double       name_width;
  double       width;
  double       height;
  double       matrix_height;
  double       pad;
  double       arm;
  double       text_width;
  double       reserve;
} InfoBox;

static void
info_box_clear (InfoBox *box)
{
  g_clear_object (&box->name);
  for (guint i = 0; i < 4; i++)
    g_clear_object (&box->entries[i]);
  g_clear_pointer (&box->captions, g_ptr_array_unref);
}

static void
add_caption (Figure     *f,
             cairo_t    *cr,
             InfoBox    *box,
             const char *markup)
{
  PangoLayout *layout;

  if (markup == NULL)
    return;

  layout = sd_text_layout_new (cr, f->style, SD_TEXT_BODY, markup);
  pango_layout_set_width (layout, (int) (box->text_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  g_ptr_array_add (box->captions, layout);
}

/* The matrix with its brackets, and below it what it does. */
static void
info_box_measure (Figure  *f,
                  cairo_t *cr,
                  InfoBox *box)
{
  const double entries[4] = { f->m.a, f->m.b, f->m.c, f->m.d };
  g_autofree char *name = g_strdup_printf ("<i>%s</i> =", f->letter);
  g_autofree char *kind = describe_map (f);
  g_autofree char *eigen = NULL;
  g_autofree char *path = NULL;
  double em = f->em;

  box->pad = 0.6 * em;
  box->arm = 0.3 * em;
  box->name = sd_text_layout_new (cr, f->style, SD_TEXT_LABEL, name);
  sd_text_get_size (box->name, &box->name_width, NULL, NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *entry = format_number (entries[i], 0.0);
      double width, height;

      box->entries[i] = sd_text_layout_new (cr, f->style, SD_TEXT_LABEL, entry);
      sd_text_get_size (box->entries[i], &width, &height, NULL);
      box->column[i % 2] = MAX (box->column[i % 2], width);
      box->row = MAX (box->row, height);
    }
  box->matrix_height = 2 * box->row + 0.15 * em;
  box->width = box->name_width + 0.4 * em + 2 * (box->arm + 0.25 * em) +
               box->column[0] + em + box->column[1];
  box->height = box->matrix_height;
  /* Captions wrap at a width that changes only if the matrix needs more,
   * and the plot leaves that much room beside it whatever the captions
   * say, so that it keeps its size while t animates. */
  box->text_width = MAX (box->width, INFO_BOX_TEXT_WIDTH * em);
  box->reserve = box->text_width + 2 * box->pad;

  box->captions = g_ptr_array_new_with_free_func (g_object_unref);
  if (f->transform->t != 1.0)
    {
      g_autofree char *t = format_number (f->transform->t, 0.0);

      path = g_strdup_printf ("<i>M</i>" NBSP "=" NBSP "(1" NBSP MINUS NBSP "<i>t</i>)<i>I</i>"
                              NBSP "+" NBSP "<i>tA</i>\n<i>t</i>" NBSP "=" NBSP "%s", t);
    }
  if (f->transform->layers & SD_LAYER_EIGENVECTORS)
    eigen = describe_eigenvalues (f);
  add_caption (f, cr, box, path);
  add_caption (f, cr, box, kind);
  add_caption (f, cr, box, eigen);

  for (guint i = 0; i < box->captions->len; i++)
    {
      double width, height;

      sd_text_get_size (g_ptr_array_index (box->captions, i), &width, &height, NULL);
      box->width = MAX (box->width, MIN (width, box->text_width));
      box->height += (i == 0 ? 0.4 * em : 0.1 * em) + height;
    }

  box->width += 2 * box->pad;
  box->height += 2 * box->pad;
}

static double
overlap_area (const cairo_rectangle_t *a,
              const cairo_rectangle_t *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0.0 && h > 0.0 ? w * h : 0.0;
}

/* The place along the plot's edges where the box hides the least of the
 * labels, marked points and shapes: a corner, top left first on a tie,
 * or the middle of an edge. */
static void
choose_corner (const Figure      *f,
               double             width,
               double             height,
               cairo_rectangle_t *best)
{
  /* Fractions of the room left beside the box, across and down. */
  static const double places[][2] = {
    { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 }, { 0, 0.5 }, { 1, 0.5 }, { 0.5, 0 }, { 0.5, 1 },
  };
  double inset = 0.5 * f->em, least = INFINITY;

  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    {
      cairo_rectangle_t box = {
        f->area.x + inset + places[p][0] * (f->area.width - 2 * inset - width),
        f->area.y + inset + places[p][1] * (f->area.height - 2 * inset - height),
        width, height,
      };
      double covered = 0.0;

      for (guint i = 0; i < f->labels->len; i++)
        covered += 4.0 * overlap_area (&box, &g_array_index (f->labels, Label, i).box);
      for (guint i = 0; i < f->points->len; i++)
        covered += 4.0 * overlap_area (&box, &g_array_index (f->points, cairo_rectangle_t, i));
      for (guint i = 0; i < f->shapes->len; i++)
        covered += overlap_area (&box, &g_array_index (f->shapes, cairo_rectangle_t, i));

      if (covered < least)
        {
          least = covered;
          *best = box;
        }
    }
}

static void
draw_brackets (Figure  *f,
               cairo_t *cr,
               double   left,
               double   right,
               double   top,
               double   bottom,
               double   arm)
{
  cairo_save (cr);
  sd_set_source_color (cr, f->style->foreground);
  cairo_set_line_width (cr, 1.2 * f->style->axis_line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to (cr, left + arm, top);
  cairo_line_to (cr, left, top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, left + arm, bottom);
  cairo_move_to (cr, right - arm, top);
  cairo_line_to (cr, right, top);
  cairo_line_to (cr, right, bottom);
  cairo_line_to (cr, right - arm, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_info_box (Figure                  *f,
               cairo_t                 *cr,
               const InfoBox           *box,
               const cairo_rectangle_t *rect)
{
  double em = f->em, background[4], border[4];
  double x, y, left, right, mid;

  set_alpha (background, f->style->background, 0.9);
  set_alpha (border, f->style->muted, 0.6);
  cairo_save (cr);
  sd_rounded_rectangle (cr, rect, 0.4 * em);
  sd_set_source_color (cr, background);
  cairo_fill_preserve (cr);
  sd_set_source_color (cr, border);
  cairo_set_line_width (cr, f->style->axis_line_width);
  cairo_stroke (cr);

  x = rect->x + box->pad;
  y = rect->y + box->pad;
  sd_set_source_color (cr, f->style->foreground);
  sd_text_draw (cr, box->name, x, y + box->matrix_height / 2, SD_TEXT_LEFT, SD_TEXT_MIDDLE, 0.0);

  left = x + box->name_width + 0.4 * em;
  right = left + 2 * (box->arm + 0.25 * em) + box->column[0] + em + box->column[1];
  draw_brackets (f, cr, left, right, y, y + box->matrix_height, box->arm);
  for (guint i = 0; i < 4; i++)
    {
      double column_x = left + box->arm + 0.25 * em +
                        (i % 2 == 0 ? box->column[0] / 2 : box->column[0] + em + box->column[1] / 2);
      double row_y = y + (i < 2 ? 0.0 : box->row + 0.15 * em);

      sd_text_draw (cr, box->entries[i], column_x, row_y, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);
    }

  mid = y + box->matrix_height + 0.4 * em;
  for (guint i = 0; i < box->captions->len; i++)
    {
      PangoLayout *caption = g_ptr_array_index (box->captions, i);
      double height;

      sd_text_draw (cr, caption, x, mid, SD_TEXT_LEFT, SD_TEXT_TOP, 0.0);
      sd_text_get_size (caption, NULL, &height, NULL);
      mid += height + 0.1 * em;
    }
  cairo_restore (cr);
}

/* Lays the plot out. A landscape figure has room beside the square of
 * the view that only more lattice would fill: the info box goes there,
 * right of the plot, and covers nothing, even if the square must shrink a
 * little for it. Otherwise it goes inside.
 *
 * Returns: whether the box goes beside the plot */
static gboolean
layout (Figure                *f,
        cairo_t               *cr,
        const SdFigureOptions *options,
        const InfoBox         *box)
{
  double gap = f->em;
  cairo_rectangle_t area;

  sd_plot_layout (f->plot, cr, options->width, options->height);
  sd_plot_get_area (f->plot, &area);
  if (area.width - box->reserve - gap < BESIDE_MIN_ASPECT * area.height)
    return FALSE;

  sd_plot_layout (f->plot, cr, options->width - box->reserve - gap, options->height);
  return TRUE;
}

/* Public ------------------------------------------------------------------- */

/**
 * sd_transform_figure_draw:
 * @cr: where to draw; user space is in points
 * @scene: a %SD_SCENE_TRANSFORM scene
 * @options: size, theme and scale
 * @error: return location for a #GError
 *
 * Draws the plane under M = (1 − t) I + t A, A being the scene's matrix
 * and t its `t`: the lattice faint and its image under M in blue, î and ĵ
 * with their images, the unit circle and its image ellipse with the
 * singular directions, the eigenvector lines labelled with their
 * eigenvalues, the image of the unit square filled blue (orange when M
 * reverses orientation) and labelled with det M, and when the scene sets a
 * vector, its orbit v, M v, ..., M^orbit v. The scene's layers choose what
 * is drawn. A box beside the plot, or in its emptiest corner when the
 * figure has no room beside it, shows M and what it does.
 *
 * The view is a square centred on the origin that holds the drawing of A
 * (t = 1), and so that of every M on the way from I, and the orbit of v
 * under A; it stays the same while t animates. Orbits that grow beyond a
 * few times the map's size leave the view with an arrow head where they
 * cross its edge.
 *
 * The result depends on nothing but the arguments.
 *
 * Returns: (transfer full) (nullable): the laid-out plot, to map pointer
 *   positions to the plane with sd_plot_unmap(); %NULL with @error set
 *   (%SD_CORE_ERROR_INVALID) when the matrix, t or the vector is not
 *   finite or the orbit is too long
 */
SdPlot *
sd_transform_figure_draw (cairo_t               *cr,
                          const SdScene         *scene,
                          const SdFigureOptions *options,
                          GError               **error)
{
  Figure f = { 0 };
  InfoBox box = { 0 };
  SdThemeStyle style;
  g_autoptr(SdPlot) plot = NULL;
  cairo_rectangle_t rect = { 0 };
  gboolean beside;
  double half;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_TRANSFORM, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->theme < SD_N_THEMES, NULL);
  g_return_val_if_fail (isfinite (options->scale) && options->scale > 0.0, NULL);
  g_return_val_if_fail (isfinite (options->width) && options->width >= 0.0, NULL);
  g_return_val_if_fail (isfinite (options->height) && options->height >= 0.0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!figure_prepare (&f, sd_scene_get_transform (scene), error))
    {
      figure_clear (&f);
      return NULL;
    }

  sd_theme_get_style (options->theme, options->scale, &style);
  style.transparent = options->transparent;
  /* The lattice is the grid here; tick lines would double it. */
  style.show_grid = FALSE;
  plot = sd_plot_new (&style);

  half = view_half_range (sd_scene_get_transform (scene));
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, -half, half);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, -half, half);
  sd_plot_set_equal_aspect (plot, TRUE);
  if (scene->title != NULL && scene->title[0] != '\0')
    {
      g_autofree char *title = g_markup_escape_text (scene->title, -1);

      sd_plot_set_title (plot, title);
    }

  figure_set_plot (&f, plot);
  info_box_measure (&f, cr, &box);
  beside = layout (&f, cr, options, &box);
  figure_set_layout (&f);

  /* The plot paints only its own width. */
  if (beside && !style.transparent)
    {
      cairo_save (cr);
      sd_set_source_color (cr, style.background);
      cairo_rectangle (cr, 0.0, 0.0, options->width, options->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  sd_plot_draw (plot, cr, draw_data, &f);

  if (beside)
    rect = (cairo_rectangle_t) { f.area.x + f.area.width + f.em, f.area.y, box.width, box.height };
  else if (f.drawn)
    choose_corner (&f, box.width, box.height, &rect);
  if (beside || f.drawn)
    draw_info_box (&f, cr, &box, &rect);

  info_box_clear (&box);
  figure_clear (&f);
  return g_steal_pointer (&plot);
}
