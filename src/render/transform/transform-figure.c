/* transform-figure.c: the transform figure laid out, and drawn layer by
 * layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "legend.h"
#include "transform-private.h"

/* The info box goes beside the plot when the plot stays at least this
 * wide for its height. */
#define BESIDE_MIN_ASPECT 0.8

/* The sizes of the info box's text, as shares of the figure's, that it
 * tries inside the plot, where a smaller box hides less. A smaller box
 * must hide INK_TOLERANCE of the data's ink less to be chosen; the box
 * goes beside the plot after all when it hides more than MAX_INK. */
static const double inside_scales[] = { 1.0, 0.9, 0.8, 0.7 };
#define INK_TOLERANCE 0.005
#define MAX_INK 0.005

struct _SdTransformFigure
{
  SdFigureOptions         options;
  SdTransformContext      ctx;
  gboolean                beside;
  gboolean                has_area;

  SdTransformDeterminant *determinant;
  SdTransformGrid        *grid;
  SdTransformCircle      *circle;
  SdTransformEigen       *eigen;
  SdTransformSvd         *svd;
  SdTransformBasis       *basis;
  SdTransformOrbit       *orbit;
  SdTransformInfo        *info;
};

static SdPlot *
create_plot (const SdScene         *scene,
             const SdFigureOptions *options)
{
  SdThemeStyle style;
  SdPlot *plot;
  double half;

  sd_figure_options_get_style (options, &style);
  /* The lattice is the grid here; tick lines would double it. */
  style.show_grid = FALSE;
  plot = sd_plot_new (&style);

  half = _sd_transform_view_half_range (sd_scene_get_transform (scene));
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, -half, half);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, -half, half);
  sd_plot_set_equal_aspect (plot, TRUE);
  if (scene->title != NULL && scene->title[0] != '\0')
    {
      g_autofree char *title = g_markup_escape_text (scene->title, -1);

      sd_plot_set_title (plot, title);
    }

  return plot;
}

/* The info box at the largest of @scales that fits beside the plot laid
 * out over the whole figure in @area, with the plot keeping
 * BESIDE_MIN_ASPECT and the box the figure's height; NULL if none does. */
static SdTransformInfo *
find_beside (SdTransformFigure       *self,
             const cairo_rectangle_t *area,
             const double            *scales,
             guint                    n_scales)
{
  for (guint i = 0; i < n_scales; i++)
    {
      g_autoptr(SdTransformInfo) info = _sd_transform_info_new (&self->ctx, scales[i]);
      double reserve = _sd_transform_info_get_reserve (info), width, height;

      _sd_transform_info_get_size (info, &width, &height);
      if (area->width - reserve - self->ctx.em >= BESIDE_MIN_ASPECT * area->height
          && area->y + height <= self->options.height)
        return g_steal_pointer (&info);
    }
  return NULL;
}

/* The data layers alone, as drawn, for sd_legend_ink_points(). */
static void
draw_ink (cairo_t  *cr,
          gpointer  user_data)
{
  SdTransformFigure *self = user_data;

  if (self->determinant != NULL)
    _sd_transform_determinant_render (self->determinant, cr);
  if (self->circle != NULL)
    _sd_transform_circle_render (self->circle, cr);
  if (self->eigen != NULL)
    _sd_transform_eigen_render (self->eigen, cr);
  if (self->svd != NULL)
    _sd_transform_svd_render (self->svd, cr);
  _sd_transform_orbit_render (self->orbit, cr);
  if (self->basis != NULL)
    _sd_transform_basis_render (self->basis, cr);
}

/* The info box inside the plot where it hides the fewest labels, then
 * the least of the data's ink, the lattice aside: at the largest size of
 * its text that hides clearly no more than a smaller one would.
 *
 * Returns: whether it hides no label and at most MAX_INK of the ink */
static gboolean
place_info_inside (SdTransformFigure *self)
{
  g_autoptr(GArray) ink = sd_legend_ink_points (&self->ctx.area, draw_ink, self);
  const double *points = (const double *) (gpointer) ink->data;
  gsize n_points = ink->len / 2, best_covered = 0;
  guint best_hidden = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (inside_scales); i++)
    {
      g_autoptr(SdTransformInfo) info = _sd_transform_info_new (&self->ctx, inside_scales[i]);
      guint hidden;
      gsize covered;

      _sd_transform_info_place_inside (info, &self->ctx, points, n_points, &hidden, &covered);
      if (hidden < best_hidden
          || (hidden == best_hidden
              && (double) covered + INK_TOLERANCE * n_points < (double) best_covered))
        {
          best_hidden = hidden;
          best_covered = covered;
          g_clear_pointer (&self->info, _sd_transform_info_free);
          self->info = g_steal_pointer (&info);
        }
      if (best_hidden == 0 && best_covered == 0)
        break;
    }

  return best_hidden == 0 && best_covered <= MAX_INK * n_points;
}

/* The layers' geometry. Each marks what labels keep off as it goes, the
 * origin first. */
static void
create_layers (SdTransformFigure *self)
{
  SdTransformContext *ctx = &self->ctx;
  SdTransformLayers layers = ctx->transform->layers;

  _sd_transform_mark_point (ctx, 0.0, 0.0);
  if (layers & SD_LAYER_DETERMINANT)
    self->determinant = _sd_transform_determinant_new (ctx);
  self->grid = _sd_transform_grid_new (ctx, (layers & SD_LAYER_GRID) != 0);
  if (layers & SD_LAYER_UNIT_CIRCLE)
    self->circle = _sd_transform_circle_new (ctx);
  if (layers & SD_LAYER_EIGENVECTORS)
    self->eigen = _sd_transform_eigen_new (ctx);
  if (layers & SD_LAYER_SVD)
    self->svd = _sd_transform_svd_new (ctx);
  if (layers & SD_LAYER_BASIS)
    self->basis = _sd_transform_basis_new (ctx);
  self->orbit = _sd_transform_orbit_new (ctx);
}

/* The labels, in order of importance: the first take the best places. */
static void
place_labels (SdTransformFigure *self)
{
  SdTransformContext *ctx = &self->ctx;
  SdTransformLayers layers = ctx->transform->layers;

  if (layers & SD_LAYER_BASIS)
    _sd_transform_basis_label (ctx, FALSE);
  _sd_transform_orbit_label (ctx, 0, 2);
  /* The eigenvalues sit along their lines near the plot's edge, where
   * the determinant's label, which looks farther out from the crowded
   * middle when it must, would otherwise take their place. */
  if (layers & SD_LAYER_EIGENVECTORS)
    _sd_transform_eigen_label (ctx);
  if (layers & SD_LAYER_DETERMINANT)
    _sd_transform_determinant_label (ctx);
  if (layers & SD_LAYER_SVD)
    _sd_transform_svd_label (ctx);
  _sd_transform_orbit_label (ctx, 2, G_MAXUINT);
  if (layers & SD_LAYER_BASIS)
    _sd_transform_basis_label (ctx, TRUE);
}

/* Lays the plot out @reserve narrower than the figure, and makes its
 * layers and labels. */
static void
lay_out_plot (SdTransformFigure *self,
              cairo_t           *measure,
              double             reserve)
{
  sd_plot_layout (self->ctx.plot, measure, self->options.width - reserve,
                  self->options.height);
  _sd_transform_context_set_layout (&self->ctx);
  self->has_area = self->ctx.area.width > 0.0 && self->ctx.area.height > 0.0;
  if (!self->has_area)
    return;

  create_layers (self);
  place_labels (self);
}

static void
clear_layers (SdTransformFigure *self)
{
  g_clear_pointer (&self->determinant, _sd_transform_determinant_free);
  g_clear_pointer (&self->grid, _sd_transform_grid_free);
  g_clear_pointer (&self->circle, _sd_transform_circle_free);
  g_clear_pointer (&self->eigen, _sd_transform_eigen_free);
  g_clear_pointer (&self->svd, _sd_transform_svd_free);
  g_clear_pointer (&self->basis, _sd_transform_basis_free);
  g_clear_pointer (&self->orbit, _sd_transform_orbit_free);
  g_array_set_size (self->ctx.labels, 0);
}

/* Puts the info box beside the plot, which is laid out narrower for it. */
static void
lay_out_beside (SdTransformFigure *self,
                cairo_t           *measure,
                SdTransformInfo   *info)
{
  g_clear_pointer (&self->info, _sd_transform_info_free);
  self->info = info;
  self->beside = TRUE;
  lay_out_plot (self, measure, _sd_transform_info_get_reserve (info) + self->ctx.em);
  _sd_transform_info_place_beside (self->info, &self->ctx);
}

/* Lays the figure out with its info box. A landscape figure has room
 * beside the square of the view that only more lattice would fill: the
 * box goes there, right of the plot, and covers nothing, even if the
 * square must shrink a little for it. Otherwise it goes inside the plot
 * where it hides the least, its text smaller if that hides less; and if
 * that still hides data, beside the plot after all with smaller text. */
static void
lay_out (SdTransformFigure *self,
         cairo_t           *measure)
{
  static const double full[] = { 1.0 }, smaller[] = { 0.9, 0.8 };
  cairo_rectangle_t area;
  SdTransformInfo *info;

  sd_plot_layout (self->ctx.plot, measure, self->options.width, self->options.height);
  sd_plot_get_area (self->ctx.plot, &area);
  info = find_beside (self, &area, full, G_N_ELEMENTS (full));
  if (info != NULL)
    {
      lay_out_beside (self, measure, info);
      return;
    }

  lay_out_plot (self, measure, 0.0);
  if (self->has_area && place_info_inside (self))
    return;

  info = find_beside (self, &area, smaller, G_N_ELEMENTS (smaller));
  if (info != NULL)
    {
      clear_layers (self);
      lay_out_beside (self, measure, info);
    }
}

/**
 * sd_transform_figure_new:
 * @scene: a %SD_SCENE_TRANSFORM scene; it must outlive the figure
 * @options: size, theme and scale
 * @error: return location for a #GError
 *
 * Computes the plane under M = (1 − t) I + t A, A being the scene's matrix
 * and t its `t`, as sd_transform_figure_draw() describes it, and lays it
 * out for @options: the view, the geometry of each layer the scene turns
 * on, in points, the labels and the info box. Text is measured on a
 * surface of its own, which measures as every surface draws.
 *
 * Returns: (transfer full) (nullable): the figure; %NULL with @error set
 *   (%SD_CORE_ERROR_INVALID) when the matrix, t or the vector is not
 *   finite or the orbit is too long
 */
SdTransformFigure *
sd_transform_figure_new (const SdScene          *scene,
                         const SdFigureOptions  *options,
                         GError                **error)
{
  g_autoptr(SdTransformFigure) self = NULL;
  cairo_surface_t *surface;
  cairo_t *measure;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (scene->kind == SD_SCENE_TRANSFORM, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (sd_figure_options_are_valid (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SdTransformFigure, 1);
  self->options = *options;
  if (!_sd_transform_context_prepare (&self->ctx, sd_scene_get_transform (scene), error))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (surface);
  _sd_transform_context_set_plot (&self->ctx, create_plot (scene, options), measure);
  lay_out (self, measure);

  self->ctx.measure = NULL;
  cairo_destroy (measure);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&self);
}

/**
 * sd_transform_figure_free:
 * @self: (nullable): a figure
 */
void
sd_transform_figure_free (SdTransformFigure *self)
{
  if (self == NULL)
    return;

  if (self->ctx.labels != NULL)
    clear_layers (self);
  g_clear_pointer (&self->info, _sd_transform_info_free);
  g_clear_pointer (&self->ctx.plot, sd_plot_free);
  _sd_transform_context_clear (&self->ctx);
  g_free (self);
}

static void
draw_data (SdPlot   *plot,
           cairo_t  *cr,
           gpointer  user_data)
{
  SdTransformFigure *self = user_data;

  if (self->determinant != NULL)
    _sd_transform_determinant_render (self->determinant, cr);
  _sd_transform_grid_render (self->grid, cr);
  if (self->circle != NULL)
    _sd_transform_circle_render (self->circle, cr);
  if (self->eigen != NULL)
    _sd_transform_eigen_render (self->eigen, cr);
  if (self->svd != NULL)
    _sd_transform_svd_render (self->svd, cr);
  /* The orbit's vectors go under the basis' images: M v may run along
   * M î, and the columns of M are what the figure is about. */
  _sd_transform_orbit_render (self->orbit, cr);
  if (self->basis != NULL)
    _sd_transform_basis_render (self->basis, cr);
  _sd_transform_labels_render (self->ctx.labels, self->ctx.style, cr);
}

/**
 * sd_transform_figure_render:
 * @self: a figure
 * @cr: where to draw; user space is in points
 *
 * Draws the figure as sd_transform_figure_new() laid it out.
 */
void
sd_transform_figure_render (SdTransformFigure *self,
                            cairo_t           *cr)
{
  const SdThemeStyle *style;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  style = self->ctx.style;
  /* The plot paints only its own width. */
  if (self->beside && !style->transparent)
    {
      cairo_save (cr);
      sd_set_source_color (cr, style->background);
      cairo_rectangle (cr, 0.0, 0.0, self->options.width, self->options.height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  sd_plot_draw (self->ctx.plot, cr, self->has_area ? draw_data : NULL, self);
  if (self->info != NULL)
    _sd_transform_info_render (self->info, cr);
}

/**
 * sd_transform_figure_get_plot:
 * @self: a figure
 *
 * Returns: (transfer none): the laid-out plot, to map pointer positions
 *   to the plane with sd_plot_unmap()
 */
const SdPlot *
sd_transform_figure_get_plot (const SdTransformFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ctx.plot;
}

/**
 * sd_transform_figure_get_analysis:
 * @self: a figure
 *
 * Returns: (transfer none): what M does: its eigenvalues and vectors,
 *   singular values, determinant and kind
 */
const SdLinmapAnalysis *
sd_transform_figure_get_analysis (const SdTransformFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->ctx.analysis;
}

/**
 * sd_transform_figure_get_labels:
 * @self: a figure
 * @n_labels: (out): how many labels it has
 *
 * Returns: (transfer none) (array length=n_labels): its labels, in the
 *   order they were placed, the most important first
 */
const SdTransformLabel *
sd_transform_figure_get_labels (const SdTransformFigure *self,
                                guint                   *n_labels)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = self->ctx.labels->len;
  return (const SdTransformLabel *) (gpointer) self->ctx.labels->data;
}

/**
 * sd_transform_figure_get_info_box:
 * @self: a figure
 * @box: (out caller-allocates): where the box showing M is drawn
 *
 * Returns: whether the figure shows the box; @box is unchanged otherwise
 */
gboolean
sd_transform_figure_get_info_box (const SdTransformFigure *self,
                                  cairo_rectangle_t       *box)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  return self->info != NULL && _sd_transform_info_get_box (self->info, box);
}

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
 * is drawn. A box beside the plot shows M and what it does; when the
 * figure has no room beside it, the box goes inside along the plot's
 * edges where it hides no label and the least of the data, its text
 * smaller if that hides less, or beside the plot after all, smaller,
 * when inside it would hide data. Labels keep off each other, the
 * arrows and the ellipse.
 *
 * The view is a square centred on the origin that holds the drawing of A
 * (t = 1), and so that of every M on the way from I, and the orbit of v
 * under A; it stays the same while t animates. Orbits that grow beyond a
 * few times the map's size leave the view with an arrow head where they
 * cross its edge.
 *
 * The result depends on nothing but the arguments. This is
 * sd_transform_figure_new() and sd_transform_figure_render() at once.
 *
 * Returns: (transfer full) (nullable): the laid-out plot, to map pointer
 *   positions to the plane with sd_plot_unmap(); %NULL with @error set
 *   (%SD_CORE_ERROR_INVALID) when the matrix, t or the vector is not
 *   finite or the orbit is too long
 */
SdPlot *
sd_transform_figure_draw (cairo_t                *cr,
                          const SdScene          *scene,
                          const SdFigureOptions  *options,
                          GError                **error)
{
  g_autoptr(SdTransformFigure) figure = NULL;

  g_return_val_if_fail (cr != NULL, NULL);

  figure = sd_transform_figure_new (scene, options, error);
  if (figure == NULL)
    return NULL;

  sd_transform_figure_render (figure, cr);
  return g_steal_pointer (&figure->ctx.plot);
}
