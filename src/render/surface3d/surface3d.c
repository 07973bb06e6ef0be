/* surface3d.c: the 3-D view of a loss surface
 *
 * The camera follows matplotlib's mplot3d, so that a figure made with
 * `ax.view_init (elev, azim)` and the same scene's `elevation` and
 * `azimuth` agree: the azimuth turns the camera about the z axis, counted
 * in degrees from the +x axis towards +y (at -90 the camera looks from
 * -y, along +y); the elevation is the camera's angle above the x-y plane
 * (90 looks straight down, negative values look from below). The
 * projection is orthographic, as matplotlib's `proj_type = 'ortho'`. The
 * box is matplotlib's too, 4 × 4 × 3. camera3d.c places the camera (the
 * formulas are in surface3d-private.h), mesh3d.c makes the surface's
 * quads and tells what they hide, axes3d.c draws the box, path3d.c the
 * runs and what their `explain` keys ask for, and this file lays the
 * figure out and draws it in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "landscape.h"
#include "legend.h"
#include "run-color.h"
#include "surface3d-private.h"
#include "text.h"

/* Gaps in units of the body font size, as in plot.c. */
#define TITLE_GAP 0.8
#define COLORBAR_GAP 1.5

/* The colour bar is as tall as this share of the box on screen, like
 * matplotlib's `colorbar (shrink = 0.6)`. */
#define COLORBAR_SHRINK 0.6
/* The colour bar repeats what the height axis says, so it is drawn only
 * where it shrinks the box by less than this share. */
#define COLORBAR_COST 0.08

/* Ticks: at most one per this many font sizes of axis on screen. */
#define TICK_SPACING_XY 4.0
#define TICK_SPACING_Z 2.0
#define MAX_TICKS 7

/* Neighbouring quads overlap by this many device pixels: antialiased
 * polygons that merely touch let the background show through a hairline
 * seam between them. */
#define QUAD_OVERLAP 0.5

/* The box's size on screen, in box units: its floor's diagonal across,
 * whatever the azimuth, and the diagonal's rise plus the box's height
 * upwards. The box is scaled to fit these, so that turning the camera
 * around the z axis never zooms. */
#define BOX_DIAGONAL (2.0 * G_SQRT2)

typedef struct
{
  SdLandscape       *landscape;
  SdThemeStyle       style;
  double             width;
  double             height;
  SdColorbar        *colorbar;
  gboolean           show_colorbar;
  SdMesh3d          *mesh;
  SdAxis3d           axes[3];
  SdCamera3d         camera;
  gboolean           has_box;
  PangoLayout       *title;
  cairo_rectangle_t  region;
  double             colorbar_x;
  double             colorbar_y;
  double             colorbar_height;
} View;

static void
view_clear (View *view)
{
  g_clear_pointer (&view->colorbar, sd_colorbar_free);
  g_clear_pointer (&view->mesh, sd_mesh3d_free);
  g_clear_object (&view->title);
  for (guint k = 0; k < 3; k++)
    g_clear_pointer (&view->axes[k].title, g_free);
}

static void
compute_ticks (SdAxis3d *axis,
               guint     max_ticks)
{
  sd_ticks_compute (&axis->ticks, axis->scale, axis->min, axis->max, max_ticks, FALSE);
}

static void
setup_axes (View *view)
{
  const SdLandscape *self = view->landscape;
  g_autofree char *x = sd_landscape_label_markup (sd_surface_get_x_label (self->surface));
  g_autofree char *y = sd_landscape_label_markup (sd_surface_get_y_label (self->surface));
  SdAxis3d *axes = view->axes;

  axes[0] = (SdAxis3d) { SD_SCALE_LINEAR, self->grid->xmin, self->grid->xmax };
  axes[1] = (SdAxis3d) { SD_SCALE_LINEAR, self->grid->ymin, self->grid->ymax };
  if (view->mesh != NULL)
    axes[2] = (SdAxis3d) { view->mesh->range.scale, view->mesh->range.lo, view->mesh->range.hi };
  else
    axes[2] = (SdAxis3d) { SD_SCALE_LINEAR, 0.0, 1.0 };

  axes[0].title = g_strdup (x);
  axes[1].title = g_strdup (y);
  axes[2].title = g_strdup_printf ("f(%s, %s)", x, y);
  for (guint k = 0; k < 3; k++)
    compute_ticks (&axes[k], MAX_TICKS);
}

/* The widest and tallest tick label of all axes. */
static void
measure_labels (View    *view,
                cairo_t *cr,
                double  *width,
                double  *height)
{
  *width = *height = 0.0;
  for (guint k = 0; k < 3; k++)
    for (guint i = 0; i < view->axes[k].ticks.n; i++)
      {
        g_autofree char *markup = sd_ticks_get_label (&view->axes[k].ticks, i);
        g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, &view->style, SD_TEXT_BODY,
                                                            markup);
        double w, h;

        sd_text_get_size (layout, &w, &h, NULL);
        *width = MAX (*width, w);
        *height = MAX (*height, h);
      }
}

static double
label_line_height (View    *view,
                   cairo_t *cr)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, &view->style, SD_TEXT_LABEL, "f");
  double height;

  sd_text_get_size (layout, NULL, &height, NULL);
  return height;
}

/* Fewer ticks on axes that are short on screen. */
static void
fit_ticks (View *view)
{
  double em = view->style.font_size;

  for (guint k = 0; k < 3; k++)
    {
      double from[3], to[3], n[2], ax, ay, bx, by, spacing;
      guint max_ticks;

      if (!sd_axis3d_choose_edge (&view->camera, k, from, to, n))
        continue;

      sd_camera3d_project (&view->camera, from, &ax, &ay);
      sd_camera3d_project (&view->camera, to, &bx, &by);
      spacing = (k == 2 ? TICK_SPACING_Z : TICK_SPACING_XY) * em;
      max_ticks = (guint) CLAMP (hypot (bx - ax, by - ay) / spacing, 2.0, MAX_TICKS);
      compute_ticks (&view->axes[k], max_ticks);
    }
}

/* Room the box needs around it for its labels, in points, and its size
 * in box units. */
typedef struct
{
  double side;
  double bottom;
  double top;
  double box_width;
  double box_height;
} Frame;

/* Takes the title's lines off the top of the region. */
static void
place_title (View *view)
{
  double height, em = view->style.font_size;

  if (view->title == NULL)
    return;

  pango_layout_set_width (view->title, (int) (MAX (1.0, view->region.width) * PANGO_SCALE));
  pango_layout_set_wrap (view->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (view->title, PANGO_ALIGN_CENTER);
  sd_text_get_size (view->title, NULL, &height, NULL);
  view->region.y += height + TITLE_GAP * em;
  view->region.height -= height + TITLE_GAP * em;
}

static void
measure_frame (View    *view,
               cairo_t *cr,
               Frame   *frame)
{
  const SdThemeStyle *style = &view->style;
  double em = style->font_size, labels_width, labels_height, title_height, gaps;
  double elevation = CLAMP (sd_scene_get_surface (view->landscape->scene)->elevation, -90.0, 90.0)
                     * G_PI / 180;

  measure_labels (view, cr, &labels_width, &labels_height);
  title_height = label_line_height (view, cr);
  gaps = style->tick_length + (SD_AXIS3D_TICK_LABEL_GAP + SD_AXIS3D_TITLE_GAP) * em;
  frame->side = gaps + labels_width + title_height;
  frame->bottom = gaps + labels_height + title_height;
  frame->top = labels_height / 2;
  frame->box_width = BOX_DIAGONAL;
  frame->box_height = BOX_DIAGONAL * fabs (sin (elevation))
                      + 2 * SD_BOX_HALF_HEIGHT * cos (elevation);
}

/* Points per box unit for the box and its labels to fit a region. */
static double
fit_box (const Frame *frame,
         double       width,
         double       height)
{
  return MIN ((width - 2 * frame->side) / frame->box_width,
              (height - frame->top - frame->bottom) / frame->box_height);
}

/* Places the title at the top, the colour bar on the right when there is
 * room, and the box in the middle of what is left with room around it for
 * its labels. */
static void
view_layout (View    *view,
             cairo_t *cr)
{
  const SdSceneSurface *surface = sd_scene_get_surface (view->landscape->scene);
  double em = view->style.font_size, pad = view->style.padding, scale;
  cairo_rectangle_t *region = &view->region;
  Frame frame;

  *region = (cairo_rectangle_t) { pad, pad, view->width - 2 * pad, view->height - 2 * pad };
  place_title (view);
  measure_frame (view, cr, &frame);

  scale = fit_box (&frame, region->width, region->height);
  if (view->colorbar != NULL)
    {
      double bar = sd_colorbar_measure (view->colorbar, cr, &view->style,
                                        MAX (0.0, COLORBAR_SHRINK * region->height))
                   + COLORBAR_GAP * em;
      double with_bar = fit_box (&frame, region->width - bar, region->height);

      if (with_bar > 0.0 && with_bar >= (1.0 - COLORBAR_COST) * scale)
        {
          view->show_colorbar = TRUE;
          region->width -= bar;
          scale = with_bar;
        }
    }

  view->has_box = view->mesh != NULL && isfinite (scale) && scale > 0.0;
  sd_camera3d_init (&view->camera, surface->azimuth, surface->elevation, MAX (scale, 1e-9),
                    region->x + region->width / 2,
                    region->y + frame.top + (region->height - frame.top - frame.bottom) / 2);
  if (view->has_box)
    fit_ticks (view);

  view->colorbar_height = CLAMP (COLORBAR_SHRINK * frame.box_height * scale,
                                 MIN (6.0 * em, region->height), MAX (region->height, 0.0));
  view->colorbar_x = region->x + region->width + COLORBAR_GAP * em;
  view->colorbar_y = CLAMP (view->camera.cy - view->colorbar_height / 2, region->y,
                            region->y + region->height - view->colorbar_height);
}

static void
view_init (View                  *view,
           SdLandscape           *self,
           cairo_t               *cr,
           const SdFigureOptions *options)
{
  memset (view, 0, sizeof *view);
  view->landscape = self;
  view->width = options->width;
  view->height = options->height;
  sd_figure_options_get_style (options, &view->style);

  view->colorbar = sd_landscape_create_colorbar (self, options);
  if (view->colorbar != NULL)
    {
      SdZRange range;

      range.scale = sd_colorbar_get_scale (view->colorbar);
      sd_colorbar_get_range (view->colorbar, &range.lo, &range.hi);
      view->mesh = sd_mesh3d_new (self->grid, &range, SD_MESH_MAX_QUADS);
    }

  if (self->scene->title != NULL && self->scene->title[0] != '\0')
    {
      g_autofree char *title = g_markup_escape_text (self->scene->title, -1);

      view->title = sd_text_layout_new (cr, &view->style, SD_TEXT_TITLE, title);
    }

  setup_axes (view);
  view_layout (view, cr);
}

typedef struct
{
  double key;
  guint  index;
} Quad;

static int
compare_quads (const void *a,
               const void *b)
{
  const Quad *qa = a, *qb = b;

  if (qa->key != qb->key)
    return qa->key < qb->key ? -1 : 1;
  return qa->index < qb->index ? -1 : qa->index > qb->index;
}

/* The quads that have a value at every corner, farthest first.
 *
 * For a surface z = f(x, y), one quad can hide another only if it is
 * nearer the camera along the floor: lines of sight run straight, so
 * whatever lies in front of a point, above or below it, lies between it
 * and the camera's direction over the floor. Sorting by the distance of
 * the quads' centres along that direction (w's projection on the floor)
 * draws every quad before those that can cover it, whatever their
 * heights, which sorting by the centres' depth in space does not: a tall
 * peak behind a plain would be drawn over the plain. The order is also
 * right when the camera looks from below. */
static GArray *
sort_quads (const SdMesh3d   *mesh,
            const SdCamera3d *camera)
{
  double ca = cos (camera->azimuth), sa = sin (camera->azimuth);
  GArray *quads = g_array_sized_new (FALSE, FALSE, sizeof (Quad),
                                     (mesh->nx - 1) * (mesh->ny - 1));

  for (guint j = 0; j + 1 < mesh->ny; j++)
    for (guint i = 0; i + 1 < mesh->nx; i++)
      {
        const double *t = mesh->t + (gsize) j * mesh->nx + i;
        Quad quad;

        if (isnan (t[0]) || isnan (t[1]) || isnan (t[mesh->nx]) || isnan (t[mesh->nx + 1]))
          continue;

        quad.key = ((mesh->bx[i] + mesh->bx[i + 1]) * ca
                    + (mesh->by[j] + mesh->by[j + 1]) * sa) / 2;
        quad.index = j * mesh->nx + i;
        g_array_append_val (quads, quad);
      }

  qsort (quads->data, quads->len, sizeof (Quad), compare_quads);
  return quads;
}

/* A face of the mesh: a whole quad or one of a folded quad's triangles,
 * given by its corners' node indices. */
typedef struct
{
  guint corners[4];
  guint n;
} Face;

/* The faces quad k is drawn as, farther first. */
static guint
quad_faces (const SdMesh3d   *mesh,
            const SdCamera3d *camera,
            guint             k,
            Face              faces[2])
{
  guint i = k % mesh->nx, j = k / mesh->nx;
  guint c00 = k, c10 = k + 1, c01 = k + mesh->nx, c11 = k + mesh->nx + 1;
  double ca = cos (camera->azimuth), sa = sin (camera->azimuth);
  Face near;

  switch (mesh->split[(gsize) j * (mesh->nx - 1) + i])
    {
    case SD_MESH_SPLIT_MAIN:
      faces[0] = (Face) { { c00, c10, c11 }, 3 };
      faces[1] = (Face) { { c00, c11, c01 }, 3 };
      /* The first lies on the +x side of the diagonal, the second on
       * the +y side. */
      if (ca - sa > 0.0)
        {
          near = faces[0];
          faces[0] = faces[1];
          faces[1] = near;
        }
      return 2;

    case SD_MESH_SPLIT_CROSS:
      faces[0] = (Face) { { c00, c10, c01 }, 3 };
      faces[1] = (Face) { { c10, c11, c01 }, 3 };
      /* The first lies on the −x −y side of the diagonal. */
      if (ca + sa < 0.0)
        {
          near = faces[0];
          faces[0] = faces[1];
          faces[1] = near;
        }
      return 2;

    case SD_MESH_WHOLE:
    default:
      faces[0] = (Face) { { c00, c10, c11, c01 }, 4 };
      return 1;
    }
}

static void
node_point (const SdMesh3d *mesh,
            guint           k,
            double          p[3])
{
  p[0] = mesh->bx[k % mesh->nx];
  p[1] = mesh->by[k / mesh->nx];
  p[2] = mesh->bz[k];
}

/* The normal of a face: across its diagonals, or of its triangle. */
static void
face_normal (const SdMesh3d *mesh,
             const Face     *face,
             double          normal[3])
{
  double p[4][3], d1[3], d2[3];

  for (guint c = 0; c < face->n; c++)
    node_point (mesh, face->corners[c], p[c]);

  for (guint k = 0; k < 3; k++)
    {
      d1[k] = face->n == 4 ? p[2][k] - p[0][k] : p[1][k] - p[0][k];
      d2[k] = face->n == 4 ? p[3][k] - p[1][k] : p[2][k] - p[0][k];
    }

  normal[0] = d1[1] * d2[2] - d1[2] * d2[1];
  normal[1] = d1[2] * d2[0] - d1[0] * d2[2];
  normal[2] = d1[0] * d2[1] - d1[1] * d2[0];
}

/* Appends a face's outline with every edge pushed outwards by @grow, as
 * far as the corners allow (a mitre limited to twice @grow). */
static void
append_face (cairo_t      *cr,
             const double *sx,
             const double *sy,
             const Face   *face,
             double        grow)
{
  double x[4], y[4], nx[4], ny[4], area = 0.0, side;
  guint n = face->n;

  for (guint c = 0; c < n; c++)
    {
      x[c] = sx[face->corners[c]];
      y[c] = sy[face->corners[c]];
    }
  for (guint c = 0; c < n; c++)
    area += x[c] * y[(c + 1) % n] - x[(c + 1) % n] * y[c];
  side = area >= 0.0 ? 1.0 : -1.0;

  /* The outward normal of the edge from corner c to the next. */
  for (guint c = 0; c < n; c++)
    {
      double dx = x[(c + 1) % n] - x[c], dy = y[(c + 1) % n] - y[c];
      double length = hypot (dx, dy);

      nx[c] = length > 0.0 ? side * dy / length : 0.0;
      ny[c] = length > 0.0 ? -side * dx / length : 0.0;
    }

  cairo_new_path (cr);
  for (guint c = 0; c < n; c++)
    {
      guint before = (c + n - 1) % n;
      double mx = nx[before] + nx[c], my = ny[before] + ny[c];
      double scale = 1.0 + nx[before] * nx[c] + ny[before] * ny[c];
      double length = hypot (mx, my);

      if (length > 0.0 && scale < length / 2.0)
        scale = length / 2.0;
      if (!(scale > 0.0))
        scale = 1.0;
      cairo_line_to (cr, x[c] + grow * mx / scale, y[c] + grow * my / scale);
    }
  cairo_close_path (cr);
}

/* The surface as flat-shaded faces, each in the colour map's colour at
 * its mean height, lit by sd_camera3d_shade(), drawn farthest first so
 * that nearer faces cover what they hide (the painter's algorithm). Quads
 * with a corner where f has no value are left out, leaving a hole.
 *
 * The faces have no outlines: stroking 3600 outlines takes longer than
 * filling the faces, too long to redraw while the camera is dragged, and
 * the shading shows the surface's shape. Instead each face reaches
 * QUAD_OVERLAP beyond its edges under its neighbours. */
static void
draw_surface (View    *view,
              cairo_t *cr)
{
  const SdMesh3d *mesh = view->mesh;
  SdColormap colormap = sd_colorbar_get_colormap (view->colorbar);
  gsize n_nodes = (gsize) mesh->nx * mesh->ny;
  g_autofree double *sx = g_new (double, n_nodes);
  g_autofree double *sy = g_new (double, n_nodes);
  g_autoptr(GArray) quads = sort_quads (mesh, &view->camera);
  double grow_x = QUAD_OVERLAP, grow_y = 0.0, grow;

  for (guint k = 0; k < n_nodes; k++)
    {
      double p[3];

      node_point (mesh, (guint) k, p);
      if (isnan (p[2]))
        p[2] = 0.0;
      sd_camera3d_project (&view->camera, p, &sx[k], &sy[k]);
    }

  cairo_device_to_user_distance (cr, &grow_x, &grow_y);
  grow = hypot (grow_x, grow_y);
  /* Four by four samples a pixel rather than cairo's default 256 levels:
   * a face's edges are either under its neighbours or on the surface's
   * outline, where the two cannot be told apart, and the surface fills
   * in about two thirds of the time. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  for (guint q = 0; q < quads->len; q++)
    {
      Face faces[2];
      guint n_faces = quad_faces (mesh, &view->camera, g_array_index (quads, Quad, q).index,
                                  faces);

      for (guint f = 0; f < n_faces; f++)
        {
          double t = 0.0, rgb[3], normal[3], shaded[3];

          for (guint c = 0; c < faces[f].n; c++)
            t += mesh->t[faces[f].corners[c]] / faces[f].n;

          sd_colormap_eval (colormap, t, rgb);
          face_normal (mesh, &faces[f], normal);
          sd_shade_color (rgb, sd_camera3d_shade (&view->camera, normal), shaded);
          cairo_set_source_rgb (cr, shaded[0], shaded[1], shaded[2]);
          append_face (cr, sx, sy, &faces[f], grow);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* Rectangles around the surface on screen, a few quads each, for the
 * legend to keep clear of. */
static void
collect_surface_busy (View   *view,
                      GArray *busy)
{
  const SdMesh3d *mesh = view->mesh;
  guint step = MAX (1, (MAX (mesh->nx, mesh->ny) - 1) / 6);

  for (guint j0 = 0; j0 + 1 < mesh->ny; j0 += step)
    for (guint i0 = 0; i0 + 1 < mesh->nx; i0 += step)
      {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        cairo_rectangle_t r;

        for (guint j = j0; j <= MIN (j0 + step, mesh->ny - 1); j++)
          for (guint i = i0; i <= MIN (i0 + step, mesh->nx - 1); i++)
            {
              gsize k = (gsize) j * mesh->nx + i;
              double p[3] = { mesh->bx[i], mesh->by[j], mesh->bz[k] }, x, y;

              if (isnan (p[2]))
                continue;
              sd_camera3d_project (&view->camera, p, &x, &y);
              x0 = MIN (x0, x);
              y0 = MIN (y0, y);
              x1 = MAX (x1, x);
              y1 = MAX (y1, y);
            }

        if (x0 > x1)
          continue;
        r = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };
        g_array_append_val (busy, r);
      }
}

/* The runs that have a trajectory and a group in the scene. */
static guint
n_runs (const SdLandscape *self)
{
  return MIN (self->trajectories->len, sd_scene_get_surface (self->scene)->runs->len);
}

static void
draw_runs (View    *view,
           cairo_t *cr,
           GArray  *busy)
{
  const SdLandscape *self = view->landscape;

  for (guint i = 0; i < n_runs (self); i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      const SdTrajectory *trajectory = g_ptr_array_index (self->trajectories, i);
      const SdOptimizerState *states;
      SdRunStyle look;
      guint n, step;

      if (!run->visible)
        continue;

      states = sd_trajectory_get_points (trajectory, &n);
      if (n == 0)
        continue;

      sd_run_get_style (run, i, &view->style, &look);
      sd_path3d_draw (cr, &view->style, &view->camera, view->mesh, states,
                      sd_landscape_get_run_end (self, i) + 1, &look,
                      sd_landscape_run_failed (self, i, &step), busy);
    }
}

/* What each visible run's `explain` key asks for, at the iterate the run
 * is drawn to, over all the runs. */
static void
draw_explain (View    *view,
              cairo_t *cr,
              GArray  *busy)
{
  const SdLandscape *self = view->landscape;

  for (guint i = 0; i < n_runs (self); i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      SdOverlayData data;

      if (!run->visible || run->explain == SD_EXPLAIN_NONE
          || !sd_overlay_data_init (&data, self->surface,
                                    g_ptr_array_index (self->trajectories, i),
                                    sd_landscape_get_run_end (self, i)))
        continue;
      sd_overlay_colors_init (&data.colors, self->scene);

      /* Readable arrows: the longest spans as much of the box as the
       * eigenvector cross. */
      if (sd_scene_get_surface (self->scene)->explain_readable)
        data.arrow_scale = sd_overlay_readable_scale (
          &data, run->explain, 2.0 * SD_PATH3D_EIGEN_SHARE,
          (const double[2]) { 1.0 / (self->grid->xmax - self->grid->xmin),
                              1.0 / (self->grid->ymax - self->grid->ymin) });
      sd_path3d_draw_explain (cr, &view->style, &view->camera, view->mesh, self->surface, &data,
                              run->explain, busy);
    }
}

static void
draw_legend (View    *view,
             cairo_t *cr,
             GArray  *busy)
{
  const SdLandscape *self = view->landscape;
  g_autoptr(SdLegend) legend = sd_legend_new ();

  for (guint i = 0; i < n_runs (self); i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (self->scene)->runs, i);
      g_autofree char *markup = NULL;
      SdLegendEntry entry = { 0 };

      if (!run->visible)
        continue;

      markup = sd_landscape_get_run_legend (self, i);
      entry.markup = markup;
      entry.line_width = view->style.line_width;
      sd_run_get_legend_entry (run, i, &view->style, &entry);
      sd_legend_add (legend, &entry);
    }

  sd_overlay_add_legend_entries (legend, &view->style, self->scene, SD_EXPLAIN_NONE);
  sd_legend_draw (legend, cr, &view->style, &view->region,
                  (const cairo_rectangle_t *) (gpointer) busy->data, busy->len, NULL);
}

/**
 * sd_landscape_draw_3d:
 * @self: a landscape
 * @cr: a cairo context of any kind
 * @options: the figure's size, theme, scale and default colour map
 *
 * Draws the 3-D view: the surface as a shaded mesh of at most 60 × 60
 * quads in a box, seen from the
 * scene's `azimuth` and `elevation` as matplotlib's `view_init (elev,
 * azim)` shows it (the azimuth counted about the z axis from +x towards
 * +y, the elevation above the x-y plane), in an orthographic projection.
 * The box is scaled to the figure whatever the azimuth, so that turning
 * the camera never zooms.
 *
 * The box spans the scene's x and y ranges and, in height, the values
 * the colour bar spans (sd_landscape_create_colorbar(); log10 f with
 * `log-scale`), so a quad's height and colour tell the same value: values
 * beyond, infinite ones and those <= 0 on a log scale included, are
 * clipped to the box's floor and lid, and quads with a corner where f has
 * no value are left out. Quads are lit from the viewer's upper left
 * (level ones keep the colour map's colour exactly) and drawn back to
 * front.
 *
 * Behind the surface are the box's three far faces with grid lines; on
 * its outline the x, y and f axes with ticks; the colour bar is beside it
 * when it costs the box little room. Each visible run is drawn on the
 * surface up to the scene's `step`, at height f at each iterate, with the
 * map view's markers; the parts of a run the surface hides from the
 * camera, or that leave the scene's range, are not drawn. Over the runs
 * goes what each visible run's `explain` key asks for at the iterate it
 * is shown at, in the map view's colours, halos and arrow heads (see
 * sd_overlay_draw()) but lying on the surface: the gradient step, the
 * step taken and the momentum step as arrows from the iterate to the
 * point of the surface they lead to, Adam's box of step sizes traced on
 * the surface, and the Hessian's eigenvector cross along it, its longer
 * arm 12 % of the smaller of the scene's x and y spans, labelled λmin and
 * λmax; what the surface hides of them is left out too. Then the title and
 * a legend of the visible runs and of the overlays drawn.
 */
void
sd_landscape_draw_3d (SdLandscape           *self,
                      cairo_t               *cr,
                      const SdFigureOptions *options)
{
  g_autoptr(GArray) busy = NULL;
  g_autoptr(SdLabelPlacer) labels = NULL;
  const cairo_rectangle_t *boxes;
  guint n_boxes;
  View view;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->grid != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  if (!(options->width > 0.0 && options->height > 0.0))
    return;

  view_init (&view, self, cr, options);
  busy = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  labels = sd_label_placer_new (NULL);

  if (!view.style.transparent)
    {
      cairo_save (cr);
      sd_set_source_color (cr, view.style.background);
      cairo_rectangle (cr, 0, 0, view.width, view.height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (view.has_box)
    {
      sd_axes3d_draw_panes (cr, &view.style, &view.camera, view.axes);
      draw_surface (&view, cr);
      collect_surface_busy (&view, busy);
      draw_runs (&view, cr, busy);
      draw_explain (&view, cr, busy);
      sd_axes3d_draw (cr, &view.style, &view.camera, view.axes, labels);
      boxes = sd_label_placer_get_labels (labels, &n_boxes);
      g_array_append_vals (busy, boxes, n_boxes);
      if (view.show_colorbar)
        sd_colorbar_draw (view.colorbar, cr, &view.style, view.colorbar_x, view.colorbar_y,
                          view.colorbar_height);
    }

  if (view.title != NULL)
    sd_text_draw_title (cr, &view.style, view.title, view.region.x + view.region.width / 2,
                        view.width);
  if (view.has_box)
    draw_legend (&view, cr, busy);

  view_clear (&view);
}

/* Lays the view out, for a figure with room for it, to map points with
 * its camera. Returns FALSE, with nothing to clear, when it has no box. */
static gboolean
view_init_box (View                  *view,
               SdLandscape           *self,
               cairo_t               *cr,
               const SdFigureOptions *options)
{
  if (!(options->width > 0.0 && options->height > 0.0))
    return FALSE;

  view_init (view, self, cr, options);
  if (view->has_box)
    return TRUE;

  view_clear (view);
  return FALSE;
}

/**
 * sd_landscape_project_3d:
 * @self: a landscape
 * @cr: the cairo context the view is drawn on, to measure its text with
 * @options: the options the view is drawn with
 * @x: a point of the surface's plane
 * @y: a point of the surface's plane
 * @z: a value of f, clipped to the box's height
 * @px: (out): where sd_landscape_draw_3d() draws (@x, @y, @z), in points
 * @py: (out): where sd_landscape_draw_3d() draws it
 *
 * Maps a point to the figure, for hover marks and labels drawn over the
 * view. Points outside the scene's range map outside the box.
 *
 * Returns: %FALSE if the view draws no box (the figure is too small or f
 *   has no finite value); @px and @py are unchanged then
 */
gboolean
sd_landscape_project_3d (SdLandscape           *self,
                         cairo_t               *cr,
                         const SdFigureOptions *options,
                         double                 x,
                         double                 y,
                         double                 z,
                         double                *px,
                         double                *py)
{
  View view;
  double p[3];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->grid != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (px != NULL && py != NULL, FALSE);

  if (!view_init_box (&view, self, cr, options))
    return FALSE;

  sd_mesh3d_to_box (view.mesh, x, y, z, p);
  sd_camera3d_project (&view.camera, p, px, py);
  view_clear (&view);
  return TRUE;
}

/**
 * sd_landscape_pick_3d:
 * @self: a landscape
 * @cr: the cairo context the view is drawn on, to measure its text with
 * @options: the options the view is drawn with
 * @px: a point of the figure, in points
 * @py: a point of the figure
 * @x: (out): the x of the surface's point drawn at (@px, @py)
 * @y: (out): its y
 *
 * Finds which point of the surface the pointer is over, nearest the
 * camera, as the mesh is drawn (so to within a quad's flatness).
 *
 * Returns: %TRUE if the surface is drawn at (@px, @py); @x and @y are
 *   unchanged otherwise
 */
gboolean
sd_landscape_pick_3d (SdLandscape           *self,
                      cairo_t               *cr,
                      const SdFigureOptions *options,
                      double                 px,
                      double                 py,
                      double                *x,
                      double                *y)
{
  View view;
  double p[3];
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->grid != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (!view_init_box (&view, self, cr, options))
    return FALSE;

  ok = sd_mesh3d_pick (view.mesh, &view.camera, px, py, p);
  if (ok)
    sd_mesh3d_from_box (view.mesh, p, x, y);
  view_clear (&view);
  return ok;
}
