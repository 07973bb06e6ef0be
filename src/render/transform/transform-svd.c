/* transform-svd.c: the singular value decomposition: the right singular
 * vectors on the unit circle and their images σ u on the ellipse's axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "transform-private.h"

typedef struct
{
  SdPath           *radius;
  double            dot[2];
  SdTransformArrow  image;
} Direction;

struct _SdTransformSvd
{
  gboolean  shown;
  Direction directions[2];
  double    radius_width;
  double    dot_radius;
  double    dashes[2];
  double    faint[4];
};

/* A multiple of an orthogonal matrix stretches every direction alike:
 * then there is nothing to draw. */
SdTransformSvd *
_sd_transform_svd_new (SdTransformContext *ctx)
{
  SdTransformSvd *self = g_new0 (SdTransformSvd, 1);
  const double origin[2] = { 0.0, 0.0 };
  const SdThemeStyle *style = ctx->style;

  if (!_sd_transform_has_singular_directions (ctx))
    return self;

  self->shown = TRUE;
  self->radius_width = 0.5 * style->line_width;
  self->dot_radius = 0.3 * style->marker_size;
  self->dashes[0] = 2.0 * style->scale;
  self->dashes[1] = 2.0 * style->scale;
  _sd_transform_set_alpha (self->faint, ctx->ink, 0.5);

  for (guint i = 0; i < 2; i++)
    {
      Direction *d = &self->directions[i];
      double v[2], su[2];

      _sd_transform_singular_vectors (ctx, i, v, su);
      d->radius = sd_path_new ();
      _sd_transform_segment (ctx, d->radius, 0.0, 0.0, v[0], v[1]);
      _sd_transform_to_page (ctx, v[0], v[1], &d->dot[0], &d->dot[1]);
      _sd_transform_arrow_init_data (ctx, &d->image, origin, su, 0.6 * style->line_width,
                                     ctx->ink);
      _sd_transform_mark_point (ctx, su[0], su[1]);
      _sd_transform_mark_arrow (ctx, &d->image);
    }

  return self;
}

void
_sd_transform_svd_render (const SdTransformSvd *self,
                          cairo_t              *cr)
{
  if (!self->shown)
    return;

  for (guint i = 0; i < 2; i++)
    {
      const Direction *d = &self->directions[i];

      cairo_save (cr);
      sd_set_source_color (cr, self->faint);
      cairo_set_line_width (cr, self->radius_width);
      cairo_set_dash (cr, self->dashes, 2, 0.0);
      sd_path_append (d->radius, cr);
      cairo_stroke (cr);
      cairo_arc (cr, d->dot[0], d->dot[1], self->dot_radius, 0.0, 2 * G_PI);
      cairo_fill (cr);
      cairo_restore (cr);

      _sd_transform_arrow_render (&d->image, cr);
    }
}

void
_sd_transform_svd_free (SdTransformSvd *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < 2; i++)
    sd_path_free (self->directions[i].radius);
  g_free (self);
}

/* σ1 and σ2 beyond their arrows' tips, where the arrows are long enough
 * to name. */
void
_sd_transform_svd_label (SdTransformContext *ctx)
{
  const double side[2] = { 1.0, 0.0 };

  if (!_sd_transform_has_singular_directions (ctx))
    return;

  for (guint i = 0; i < 2; i++)
    {
      double v[2], su[2];
      g_autofree char *markup = g_strdup_printf ("σ<sub>%u</sub>", i + 1);

      _sd_transform_singular_vectors (ctx, i, v, su);
      if (hypot (su[0], su[1]) * ctx->ppu > ctx->em)
        _sd_transform_label_tip (ctx, SD_TRANSFORM_LABEL_SINGULAR_VALUE, i, markup, ctx->ink, su,
                                 side, FALSE);
    }
}
