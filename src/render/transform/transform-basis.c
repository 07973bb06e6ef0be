/* transform-basis.c: î and ĵ, faint, and their images M î and M ĵ, the
 * columns of M
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "transform-private.h"

static const char * const names[2] = { "î", "ĵ" };
static const double units[2][2] = { { 1.0, 0.0 }, { 0.0, 1.0 } };

struct _SdTransformBasis
{
  SdTransformArrow originals[2];
  SdTransformArrow images[2];
};

static const double *
basis_color (const SdTransformContext *ctx,
             guint                     i)
{
  return i == 0 ? ctx->i_color : ctx->j_color;
}

SdTransformBasis *
_sd_transform_basis_new (SdTransformContext *ctx)
{
  SdTransformBasis *self = g_new0 (SdTransformBasis, 1);
  const double origin[2] = { 0.0, 0.0 };
  double lw = ctx->style->line_width;

  for (guint i = 0; i < 2; i++)
    {
      double faint[4], image[2];

      _sd_transform_set_alpha (faint, basis_color (ctx, i), 0.4);
      _sd_transform_arrow_init_data (ctx, &self->originals[i], origin, units[i], 0.75 * lw, faint);
      _sd_transform_apply (&ctx->m, units[i][0], units[i][1], image);
      _sd_transform_arrow_init_data (ctx, &self->images[i], origin, image, 1.25 * lw,
                                     basis_color (ctx, i));
    }

  /* Labels keep off the four tips and the arrows. */
  for (guint i = 0; i < 2; i++)
    _sd_transform_mark_point (ctx, units[i][0], units[i][1]);
  for (guint i = 0; i < 2; i++)
    {
      double image[2];

      _sd_transform_apply (&ctx->m, units[i][0], units[i][1], image);
      _sd_transform_mark_point (ctx, image[0], image[1]);
      _sd_transform_mark_arrow (ctx, &self->originals[i]);
      _sd_transform_mark_arrow (ctx, &self->images[i]);
    }

  return self;
}

/* The originals first, so that the images are drawn over them. */
void
_sd_transform_basis_render (const SdTransformBasis *self,
                            cairo_t                *cr)
{
  for (guint i = 0; i < 2; i++)
    _sd_transform_arrow_render (&self->originals[i], cr);
  for (guint i = 0; i < 2; i++)
    _sd_transform_arrow_render (&self->images[i], cr);
}

void
_sd_transform_basis_free (SdTransformBasis *self)
{
  g_free (self);
}

/* M î and M ĵ beyond their tips; with @originals, î and ĵ too, but only
 * where they do not sit on their images' labels. */
void
_sd_transform_basis_label (SdTransformContext *ctx,
                           gboolean            originals)
{
  for (guint i = 0; i < 2; i++)
    {
      const double fallback[2] = { units[i][0], -units[i][1] };
      double image[2];

      _sd_transform_apply (&ctx->m, units[i][0], units[i][1], image);
      if (!originals)
        {
          g_autofree char *markup = g_strdup_printf ("<i>%s</i>%s", ctx->letter, names[i]);

          _sd_transform_label_tip (ctx, SD_TRANSFORM_LABEL_BASIS_IMAGE, i, markup,
                                   basis_color (ctx, i), image, fallback, TRUE);
        }
      else if (hypot (image[0] - units[i][0], image[1] - units[i][1]) * ctx->ppu > 2.0 * ctx->em)
        {
          double faint[4];

          _sd_transform_set_alpha (faint, basis_color (ctx, i), 0.7);
          _sd_transform_label_tip (ctx, SD_TRANSFORM_LABEL_BASIS, i, names[i], faint, units[i],
                                   fallback, FALSE);
        }
    }
}
