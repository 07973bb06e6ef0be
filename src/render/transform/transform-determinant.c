/* transform-determinant.c: the image of the unit square, whose area is
 * |det M|, filled blue, or orange where M reverses orientation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "transform-private.h"

struct _SdTransformDeterminant
{
  SdPath *parallelogram;
  double  fill[4];
  double  edge[4];
  double  line_width;
};

SdTransformDeterminant *
_sd_transform_determinant_new (SdTransformContext *ctx)
{
  SdTransformDeterminant *self = g_new0 (SdTransformDeterminant, 1);
  gboolean reverses = ctx->analysis.determinant < 0.0;
  double e1[2], e2[2], corner[2], xy[8], px, py;

  _sd_transform_apply (&ctx->m, 1.0, 0.0, e1);
  _sd_transform_apply (&ctx->m, 0.0, 1.0, e2);
  corner[0] = e1[0] + e2[0];
  corner[1] = e1[1] + e2[1];

  sd_palette_color (ctx->style->theme, reverses ? SD_TRANSFORM_ORANGE : SD_TRANSFORM_BLUE,
                    self->edge);
  _sd_transform_set_alpha (self->fill, self->edge, reverses ? 0.30 : 0.20);
  self->edge[3] = 0.8;
  self->line_width = 0.5 * ctx->style->line_width;

  xy[0] = 0.0;
  xy[1] = 0.0;
  memcpy (&xy[2], e1, sizeof e1);
  memcpy (&xy[4], corner, sizeof corner);
  memcpy (&xy[6], e2, sizeof e2);

  self->parallelogram = sd_path_new ();
  for (guint i = 0; i < 4; i++)
    {
      _sd_transform_to_page (ctx, xy[2 * i], xy[2 * i + 1], &px, &py);
      if (i == 0)
        sd_path_move_to (self->parallelogram, px, py);
      else
        sd_path_line_to (self->parallelogram, px, py);
    }
  sd_path_close (self->parallelogram);

  _sd_transform_mark_shape (ctx, xy, 4);
  return self;
}

void
_sd_transform_determinant_render (const SdTransformDeterminant *self,
                                  cairo_t                      *cr)
{
  cairo_save (cr);
  sd_path_append (self->parallelogram, cr);
  sd_set_source_color (cr, self->fill);
  cairo_fill_preserve (cr);
  sd_set_source_color (cr, self->edge);
  cairo_set_line_width (cr, self->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_sd_transform_determinant_free (SdTransformDeterminant *self)
{
  if (self == NULL)
    return;

  sd_path_free (self->parallelogram);
  g_free (self);
}

/* The determinant's threshold of rounding noise: σ1² times the tolerance. */
static double
determinant_zero (const SdTransformContext *ctx)
{
  double s = ctx->analysis.singular_values[0];

  return SD_LINMAP_TOLERANCE * s * s;
}

/* Solves M x = p; FALSE when M is singular. */
static gboolean
solve (const SdTransformContext *ctx,
       double                    px,
       double                    py,
       double                    x[2])
{
  double det = ctx->analysis.determinant;

  if (fabs (det) <= determinant_zero (ctx))
    return FALSE;

  x[0] = (ctx->m.d * px - ctx->m.b * py) / det;
  x[1] = (-ctx->m.c * px + ctx->m.a * py) / det;
  return TRUE;
}

/* Whether the page rectangle lies inside the image of the unit square. */
static gboolean
box_in_parallelogram (const SdTransformContext *ctx,
                      const cairo_rectangle_t  *box)
{
  for (guint i = 0; i < 4; i++)
    {
      double x, y, st[2];

      sd_plot_unmap (ctx->plot, box->x + (i & 1) * box->width, box->y + (i >> 1) * box->height,
                     &x, &y);
      if (!solve (ctx, x, y, st) || st[0] < 0.0 || st[0] > 1.0 || st[1] < 0.0 || st[1] > 1.0)
        return FALSE;
    }

  return TRUE;
}

/* Places @markup in a box centred on the image of the unit square's point
 * (@s, @t), if the box lies inside that image and is free. */
static gboolean
try_inside (SdTransformContext *ctx,
            const char         *markup,
            double              s,
            double              t,
            double              width,
            double              height)
{
  double point[2], px, py, pad = 0.2 * ctx->em;
  cairo_rectangle_t box;

  _sd_transform_apply (&ctx->m, s, t, point);
  _sd_transform_to_page (ctx, point[0], point[1], &px, &py);
  box = (cairo_rectangle_t) { px - width / 2 - pad, py - height / 2, width + 2 * pad, height };
  if (!box_in_parallelogram (ctx, &box) || !sd_label_placer_try (ctx->placer, &box))
    return FALSE;

  _sd_transform_label_add (ctx, SD_TRANSFORM_LABEL_DETERMINANT, 0, markup, ctx->ink, &box);
  return TRUE;
}

/* "det A = 1.5" inside the image of the unit square if it fits there: at
 * its centre, or off it where an arrow runs through the centre (the
 * first singular vector's, for a symmetric map); otherwise beside the
 * centre. */
void
_sd_transform_determinant_label (SdTransformContext *ctx)
{
  /* Points of the unit square, its centre first, then off the diagonals. */
  static const double inside[][2] = {
    { 0.5, 0.5 }, { 0.7, 0.3 }, { 0.3, 0.7 }, { 0.5, 0.25 }, { 0.25, 0.5 },
    { 0.75, 0.5 }, { 0.5, 0.75 },
  };
  g_autofree char *number = _sd_transform_format_number (ctx->analysis.determinant,
                                                         determinant_zero (ctx));
  /* Translators: the determinant's label, inside the image of the unit
   * square. det is the determinant's notation (keep it unless your
   * language's textbooks write it otherwise), %s in <i></i> the matrix's
   * letter, A or M, the last %s its value. */
  g_autofree char *markup = g_strdup_printf (_("det <i>%s</i> = %s"), ctx->letter, number);
  double centre[2], at[2], side[2], width, height;

  _sd_transform_label_measure (ctx, markup, &width, &height);
  for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
    if (try_inside (ctx, markup, inside[i][0], inside[i][1], width, height))
      return;

  _sd_transform_apply (&ctx->m, 0.5, 0.5, centre);
  _sd_transform_to_page (ctx, centre[0], centre[1], &at[0], &at[1]);
  _sd_transform_page_direction (ctx, centre[0], centre[1], 1.0, -1.0, &side[0], &side[1]);
  _sd_transform_label_place (ctx, SD_TRANSFORM_LABEL_DETERMINANT, 0, markup, ctx->ink, at, side,
                             TRUE);
}
