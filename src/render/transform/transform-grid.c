/* transform-grid.c: the integer lattice, the axes through the origin, and
 * the lattice's image under M
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "transform-private.h"

/* Closest spacing of the lattice lines' images, in font sizes: denser
 * lines stop reading as a grid. */
#define IMAGE_MIN_SPACING 0.6

struct _SdTransformGrid
{
  SdPath *lattice;     /* (nullable) */
  SdPath *axes;
  SdPath *images;      /* (nullable) */
  SdPath *image_axes;  /* (nullable) */
  double  lattice_width;
  double  lattice_color[4];
  double  axes_width;
  double  axes_color[4];
  double  images_width;
  double  images_color[4];
  double  image_axes_width;
  double  image_axes_color[4];
};

/* The lattice: lines x = k and y = k, every lattice_step. */
static SdPath *
lattice_path (const SdTransformContext *ctx)
{
  SdPath *path = sd_path_new ();
  double step = ctx->lattice_step;

  for (double k = ceil (ctx->x_range[0] / step); k * step <= ctx->x_range[1]; k++)
    if (k != 0.0)
      _sd_transform_segment (ctx, path, k * step, ctx->y_range[0], k * step, ctx->y_range[1]);

  for (double k = ceil (ctx->y_range[0] / step); k * step <= ctx->y_range[1]; k++)
    if (k != 0.0)
      _sd_transform_segment (ctx, path, ctx->x_range[0], k * step, ctx->x_range[1], k * step);

  return path;
}

/* The images of the lattice lines parallel to one axis: the line through
 * k e_a along e_b maps onto the line through k M e_a along M e_b, so
 * @offset is M e_a and @direction M e_b. Neighbouring images lie
 * |det M| / |M e_b| apart; when that gets too dense, only every j-th line
 * is drawn, j from 1, 2, 5, 10, ... (each still the image of a lattice
 * line). The image of the axis itself (k = 0) is left to the caller. */
static void
add_image_lines (const SdTransformContext *ctx,
                 SdPath                   *path,
                 const double              offset[2],
                 const double              direction[2])
{
  double length = hypot (direction[0], direction[1]);
  double spacing, every, kmax;

  /* The lines collapse to points: the other family shows the image. */
  if (length * ctx->ppu < 1e-6)
    return;

  spacing = fabs (direction[0] * offset[1] - direction[1] * offset[0]) / length *
            ctx->lattice_step;
  if (spacing * ctx->ppu < 1e-6)
    return;

  every = _sd_transform_nice_ceil (IMAGE_MIN_SPACING * ctx->em / (spacing * ctx->ppu));
  kmax = floor (ctx->radius / (spacing * every));
  for (double k = -kmax; k <= kmax; k++)
    {
      double n = k * every * ctx->lattice_step;
      double point[2] = { n * offset[0], n * offset[1] };

      if (k != 0.0)
        _sd_transform_line (ctx, path, point, direction);
    }
}

static void
build_images (SdTransformGrid          *self,
              const SdTransformContext *ctx)
{
  const double origin[2] = { 0.0, 0.0 };
  double e1[2], e2[2];
  const double *images[2] = { e1, e2 };

  _sd_transform_apply (&ctx->m, 1.0, 0.0, e1);
  _sd_transform_apply (&ctx->m, 0.0, 1.0, e2);

  self->images = sd_path_new ();
  add_image_lines (ctx, self->images, e1, e2);
  add_image_lines (ctx, self->images, e2, e1);

  /* The images of the axes, bolder, as the axes are. */
  self->image_axes = sd_path_new ();
  for (guint i = 0; i < 2; i++)
    if (hypot (images[i][0], images[i][1]) * ctx->ppu >= 1e-6)
      _sd_transform_line (ctx, self->image_axes, origin, images[i]);

  _sd_transform_set_alpha (self->images_color, ctx->grid_color,
                           ctx->style->theme == SD_THEME_DARK ? 0.55 : 0.45);
  self->images_width = 0.5 * ctx->style->line_width;
  _sd_transform_set_alpha (self->image_axes_color, ctx->grid_color, 0.9);
  self->image_axes_width = 0.75 * ctx->style->line_width;
}

/* The axes through the origin, the frame of reference of everything else,
 * are drawn whether the lattice is or not. */
SdTransformGrid *
_sd_transform_grid_new (SdTransformContext *ctx,
                        gboolean            lattice)
{
  SdTransformGrid *self = g_new0 (SdTransformGrid, 1);
  const SdThemeStyle *style = ctx->style;

  self->axes = sd_path_new ();
  _sd_transform_segment (ctx, self->axes, ctx->x_range[0], 0.0, ctx->x_range[1], 0.0);
  _sd_transform_segment (ctx, self->axes, 0.0, ctx->y_range[0], 0.0, ctx->y_range[1]);
  self->axes_width = 1.5 * style->axis_line_width;
  _sd_transform_set_alpha (self->axes_color, style->muted, 1.0);

  if (!lattice)
    return self;

  self->lattice = lattice_path (ctx);
  self->lattice_width = style->grid_line_width;
  _sd_transform_set_alpha (self->lattice_color, style->grid, 1.0);
  build_images (self, ctx);
  return self;
}

static void
stroke (cairo_t      *cr,
        const SdPath *path,
        double        width,
        const double  rgba[4])
{
  cairo_save (cr);
  cairo_set_line_width (cr, width);
  sd_set_source_color (cr, rgba);
  sd_path_append (path, cr);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_sd_transform_grid_render (const SdTransformGrid *self,
                           cairo_t               *cr)
{
  if (self->lattice != NULL)
    stroke (cr, self->lattice, self->lattice_width, self->lattice_color);
  stroke (cr, self->axes, self->axes_width, self->axes_color);
  if (self->images != NULL)
    {
      _sd_transform_stroke_translucent (cr, self->images, self->images_width,
                                        self->images_color);
      stroke (cr, self->image_axes, self->image_axes_width, self->image_axes_color);
    }
}

void
_sd_transform_grid_free (SdTransformGrid *self)
{
  if (self == NULL)
    return;

  sd_path_free (self->lattice);
  sd_path_free (self->axes);
  sd_path_free (self->images);
  sd_path_free (self->image_axes);
  g_free (self);
}
