/* transform-eigen.c: the eigenvector lines, along which M only stretches,
 * labelled with their eigenvalues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "transform-private.h"

#define LABEL_GAP 0.35

struct _SdTransformEigen
{
  SdPath *lines[2];
  guint   n_lines;
  double  width;
  double  color[4];
  double  dashes[2];
};

/* The lines are drawn only when the map has real eigenvectors to show
 * (see _sd_transform_has_eigen_lines()); the info box tells the others. */
SdTransformEigen *
_sd_transform_eigen_new (SdTransformContext *ctx)
{
  SdTransformEigen *self = g_new0 (SdTransformEigen, 1);
  const double origin[2] = { 0.0, 0.0 };

  self->width = 0.8 * ctx->style->line_width;
  _sd_transform_set_alpha (self->color, ctx->eigen_color, 1.0);
  self->dashes[0] = 7.0 * ctx->style->scale;
  self->dashes[1] = 4.0 * ctx->style->scale;

  if (!_sd_transform_has_eigen_lines (ctx))
    return self;

  self->n_lines = MIN (ctx->analysis.n_eigenvectors, G_N_ELEMENTS (self->lines));
  for (guint i = 0; i < self->n_lines; i++)
    {
      self->lines[i] = sd_path_new ();
      _sd_transform_line (ctx, self->lines[i], origin, ctx->analysis.eigenvectors[i]);
    }

  return self;
}

/* Each line is stroked on its own, so that where they cross their dashes
 * do not merge. */
void
_sd_transform_eigen_render (const SdTransformEigen *self,
                            cairo_t                *cr)
{
  cairo_save (cr);
  sd_set_source_color (cr, self->color);
  cairo_set_line_width (cr, self->width);
  cairo_set_dash (cr, self->dashes, 2, 0.0);
  for (guint i = 0; i < self->n_lines; i++)
    {
      sd_path_append (self->lines[i], cr);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
_sd_transform_eigen_free (SdTransformEigen *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_lines; i++)
    sd_path_free (self->lines[i]);
  g_free (self);
}

/* "λ1 = 3", or "λ1 = λ2 = 1" for a defective map's one eigenvalue. */
static char *
eigenvalue_markup (const SdTransformContext *ctx,
                   guint                     i)
{
  const SdLinmapAnalysis *a = &ctx->analysis;
  double zero = SD_LINMAP_TOLERANCE * a->singular_values[0];
  g_autofree char *value = _sd_transform_format_number (a->eigenvalues_re[i], zero);

  if (a->defective)
    return g_strdup_printf ("λ<sub>1</sub> = λ<sub>2</sub> = %s", value);
  return g_strdup_printf ("λ<sub>%u</sub> = %s", i + 1, value);
}

/* How far the ray from the page point (@x, @y) along (@dx, @dy) runs
 * inside the plot. */
static double
reach_to_edge (const SdTransformContext *ctx,
               double                    x,
               double                    y,
               double                    dx,
               double                    dy)
{
  double reach = INFINITY;

  if (dx > 1e-12)
    reach = MIN (reach, (ctx->area.x + ctx->area.width - x) / dx);
  else if (dx < -1e-12)
    reach = MIN (reach, (ctx->area.x - x) / dx);
  if (dy > 1e-12)
    reach = MIN (reach, (ctx->area.y + ctx->area.height - y) / dy);
  else if (dy < -1e-12)
    reach = MIN (reach, (ctx->area.y - y) / dy);
  return reach;
}

/* Labels one line beside it, near where it leaves the plot on the side
 * its eigenvector points to: above the line if there is room, else below,
 * else a little closer to the origin; kept at last where it fits best. */
static void
label_line (SdTransformContext *ctx,
            guint               i)
{
  g_autofree char *markup = eigenvalue_markup (ctx, i);
  const double *e = ctx->analysis.eigenvectors[i];
  double ox, oy, dx, dy, nx, ny, reach, width, height, gap = LABEL_GAP * ctx->em;
  cairo_rectangle_t box;

  _sd_transform_label_measure (ctx, markup, &width, &height);
  _sd_transform_to_page (ctx, 0.0, 0.0, &ox, &oy);
  _sd_transform_page_direction (ctx, e[0], e[1], 1.0, 0.0, &dx, &dy);
  reach = reach_to_edge (ctx, ox, oy, dx, dy);

  /* The normal that points up, or left for a vertical line. */
  nx = dy;
  ny = -dx;
  if (ny > 0.0 || (ny == 0.0 && nx > 0.0))
    {
      nx = -nx;
      ny = -ny;
    }

  for (double back = 1.5 * ctx->em; back < 0.7 * reach; back += ctx->em)
    {
      double x = ox + (reach - back) * dx, y = oy + (reach - back) * dy;

      for (int side = 1; side >= -1; side -= 2)
        {
          sd_label_box_beyond (width, height, x, y, side * nx, side * ny, gap, &box);
          if (sd_label_placer_try (ctx->placer, &box))
            {
              _sd_transform_label_add (ctx, SD_TRANSFORM_LABEL_EIGENVALUE, i, markup,
                                       ctx->eigen_color, &box);
              return;
            }
        }
    }

  sd_label_box_beyond (width, height, ox + 0.7 * reach * dx, oy + 0.7 * reach * dy, nx, ny, gap,
                       &box);
  sd_label_placer_clamp (ctx->placer, &box, 0.0);
  sd_label_placer_add_label (ctx->placer, &box);
  _sd_transform_label_add (ctx, SD_TRANSFORM_LABEL_EIGENVALUE, i, markup, ctx->eigen_color, &box);
}

void
_sd_transform_eigen_label (SdTransformContext *ctx)
{
  if (!_sd_transform_has_eigen_lines (ctx))
    return;

  for (guint i = 0; i < ctx->analysis.n_eigenvectors; i++)
    label_line (ctx, i);
}
