/* transform-circle.c: the unit circle, dashed, and its image under M, the
 * ellipse whose semi-axes are M's singular values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "transform-private.h"

/* The Bézier control distance that best approximates a quarter circle. */
#define BEZIER_KAPPA 0.5522847498307936
/* The ellipse is marked for labels as this many straight pieces, which
 * stray from it by at most 1 − cos (π / 96), 0.05 %, of its size. */
#define ELLIPSE_MARKS 96

struct _SdTransformCircle
{
  SdPath *circle;
  SdPath *ellipse;
  double  circle_width;
  double  circle_color[4];
  double  dashes[2];
  double  ellipse_width;
  double  ellipse_color[4];
};

/* The image under @m of the unit circle, as four Bézier arcs: an affine
 * map takes a Bézier curve to the Bézier curve of the mapped control
 * points, so this is exact up to the circle's own approximation, and a
 * singular @m gives the segment it should. */
static SdPath *
ellipse_path (const SdTransformContext *ctx,
              const SdMat2             *m)
{
  static const double quarter[4][2] = {
    { 1.0, 0.0 }, { 1.0, BEZIER_KAPPA }, { BEZIER_KAPPA, 1.0 }, { 0.0, 1.0 },
  };
  SdPath *path = sd_path_new ();

  for (guint q = 0; q < 4; q++)
    {
      double c = cos (q * G_PI / 2), s = sin (q * G_PI / 2);
      double px[4], py[4];

      for (guint i = 0; i < 4; i++)
        {
          double image[2];

          _sd_transform_apply (m, c * quarter[i][0] - s * quarter[i][1],
                               s * quarter[i][0] + c * quarter[i][1], image);
          _sd_transform_to_page (ctx, image[0], image[1], &px[i], &py[i]);
        }

      if (q == 0)
        sd_path_move_to (path, px[0], py[0]);
      sd_path_curve_to (path, px[1], py[1], px[2], py[2], px[3], py[3]);
    }
  sd_path_close (path);
  return path;
}

/* The ellipse's extent, at least the unit circle's, for the info box to
 * keep off. */
static void
mark_extent (SdTransformContext *ctx)
{
  const SdLinmapEllipse *ellipse = &ctx->analysis.unit_circle_image;
  double extent[8];

  for (guint i = 0; i < 2; i++)
    {
      double s = MAX (1.0, ellipse->semi_axes[i]);

      extent[4 * i] = s * ellipse->axes[i][0];
      extent[4 * i + 1] = s * ellipse->axes[i][1];
      extent[4 * i + 2] = -s * ellipse->axes[i][0];
      extent[4 * i + 3] = -s * ellipse->axes[i][1];
    }
  _sd_transform_mark_shape (ctx, extent, 4);
}

/* Labels keep off the ellipse: the lines between points of it a little
 * apart on the page. */
static void
mark_ellipse (SdTransformContext *ctx,
              double              width)
{
  double previous[2] = { NAN, NAN };

  for (guint i = 0; i <= ELLIPSE_MARKS; i++)
    {
      double t = 2 * G_PI * i / ELLIPSE_MARKS, image[2], p[2];

      _sd_transform_apply (&ctx->m, cos (t), sin (t), image);
      _sd_transform_to_page (ctx, image[0], image[1], &p[0], &p[1]);
      if (i > 0)
        _sd_transform_mark_line (ctx, previous[0], previous[1], p[0], p[1], width);
      previous[0] = p[0];
      previous[1] = p[1];
    }
}

SdTransformCircle *
_sd_transform_circle_new (SdTransformContext *ctx)
{
  static const SdMat2 identity = { 1.0, 0.0, 0.0, 1.0 };
  SdTransformCircle *self = g_new0 (SdTransformCircle, 1);
  const SdThemeStyle *style = ctx->style;

  self->circle = ellipse_path (ctx, &identity);
  self->circle_width = 0.5 * style->line_width;
  _sd_transform_set_alpha (self->circle_color, style->muted, 1.0);
  self->dashes[0] = 4.0 * style->scale;
  self->dashes[1] = 3.0 * style->scale;

  self->ellipse = ellipse_path (ctx, &ctx->m);
  self->ellipse_width = 0.85 * style->line_width;
  _sd_transform_set_alpha (self->ellipse_color, ctx->ink, 1.0);

  mark_extent (ctx);
  mark_ellipse (ctx, self->ellipse_width);
  return self;
}

void
_sd_transform_circle_render (const SdTransformCircle *self,
                             cairo_t                 *cr)
{
  cairo_save (cr);
  sd_path_append (self->circle, cr);
  sd_set_source_color (cr, self->circle_color);
  cairo_set_line_width (cr, self->circle_width);
  cairo_set_dash (cr, self->dashes, 2, 0.0);
  cairo_stroke (cr);

  sd_path_append (self->ellipse, cr);
  sd_set_source_color (cr, self->ellipse_color);
  cairo_set_line_width (cr, self->ellipse_width);
  cairo_set_dash (cr, NULL, 0, 0.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_sd_transform_circle_free (SdTransformCircle *self)
{
  if (self == NULL)
    return;

  sd_path_free (self->circle);
  sd_path_free (self->ellipse);
  g_free (self);
}
