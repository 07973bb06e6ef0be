/* transform-draw.c: lines and arrows of the transform figure, in points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "clip.h"
#include "transform-private.h"

/* Whether the page segment runs along the plot's frame, where it would
 * only look like a second frame line. */
static gboolean
along_frame (const SdTransformContext *ctx,
             double                    px0,
             double                    py0,
             double                    px1,
             double                    py1)
{
  double margin = 0.5 * ctx->em;
  double left = ctx->area.x, right = ctx->area.x + ctx->area.width;
  double top = ctx->area.y, bottom = ctx->area.y + ctx->area.height;

  if (fabs (px0 - px1) < 1e-6 &&
      (fabs (px0 - left) < margin || fabs (px0 - right) < margin))
    return TRUE;
  return fabs (py0 - py1) < 1e-6 &&
         (fabs (py0 - top) < margin || fabs (py0 - bottom) < margin);
}

/* Adds the segment between two data points to @path, clipped to twice
 * the view: far points never reach cairo, whose fixed-point coordinates
 * overflow past about 8 million. */
void
_sd_transform_segment (const SdTransformContext *ctx,
                       SdPath                   *path,
                       double                    x0,
                       double                    y0,
                       double                    x1,
                       double                    y1)
{
  const cairo_rectangle_t bounds = { -2.0 * ctx->radius, -2.0 * ctx->radius,
                                     4.0 * ctx->radius, 4.0 * ctx->radius };
  SdPoint a = { x0, y0 }, b = { x1, y1 };
  double px0, py0, px1, py1;

  if (!sd_clip_segment_points (&bounds, &a, &b))
    return;

  _sd_transform_to_page (ctx, a.x, a.y, &px0, &py0);
  _sd_transform_to_page (ctx, b.x, b.y, &px1, &py1);
  if (along_frame (ctx, px0, py0, px1, py1))
    return;

  sd_path_move_to (path, px0, py0);
  sd_path_line_to (path, px1, py1);
}

/* The whole line through @point along @direction that crosses the view. */
void
_sd_transform_line (const SdTransformContext *ctx,
                    SdPath                   *path,
                    const double              point[2],
                    const double              direction[2])
{
  double length = hypot (direction[0], direction[1]);
  double ux = direction[0] / length, uy = direction[1] / length;
  double along = point[0] * ux + point[1] * uy;
  double foot[2] = { point[0] - along * ux, point[1] - along * uy };
  double reach = 1.05 * ctx->radius;

  _sd_transform_segment (ctx, path, foot[0] - reach * ux, foot[1] - reach * uy,
                         foot[0] + reach * ux, foot[1] + reach * uy);
}

/* An arrow from (x0, y0) to (x1, y1) on the page; one shorter than half
 * its width has no direction to show, and is not drawn. */
void
_sd_transform_arrow_init (const SdTransformContext *ctx,
                          SdTransformArrow         *arrow,
                          double                    x0,
                          double                    y0,
                          double                    x1,
                          double                    y1,
                          double                    width,
                          const double              rgba[4])
{
  double dx = x1 - x0, dy = y1 - y0;
  double length = hypot (dx, dy);

  memset (arrow, 0, sizeof *arrow);
  if (!(length > 0.5 * width) || !isfinite (length))
    return;

  arrow->shown = TRUE;
  arrow->from[0] = x0;
  arrow->from[1] = y0;
  arrow->tip[0] = x1;
  arrow->tip[1] = y1;
  arrow->direction[0] = dx / length;
  arrow->direction[1] = dy / length;
  arrow->width = width;
  memcpy (arrow->color, rgba, sizeof arrow->color);
  arrow->head.length = MIN (2.6 * width + 3.0 * ctx->style->scale, 0.6 * length);
  arrow->head.half_width = 0.45 * arrow->head.length;
  arrow->head.notch = 0.25;
  sd_arrowhead_shaft_end (&arrow->head, x1, y1, arrow->direction[0], arrow->direction[1],
                          &arrow->shaft[0], &arrow->shaft[1]);
}

/* An arrow between data points. */
void
_sd_transform_arrow_init_data (const SdTransformContext *ctx,
                               SdTransformArrow         *arrow,
                               const double              from[2],
                               const double              to[2],
                               double                    width,
                               const double              rgba[4])
{
  double x0, y0, x1, y1;

  _sd_transform_to_page (ctx, from[0], from[1], &x0, &y0);
  _sd_transform_to_page (ctx, to[0], to[1], &x1, &y1);
  _sd_transform_arrow_init (ctx, arrow, x0, y0, x1, y1, width, rgba);
}

/* Paints what is drawn between the two with @rgba's alpha applied to all
 * of it at once, so that where it overlaps itself (an arrow's shaft under
 * its head, crossing grid lines) the colour does not darken. */
static void
begin_translucent (cairo_t      *cr,
                   const double  rgba[4])
{
  cairo_save (cr);
  cairo_push_group (cr);
  cairo_set_source_rgb (cr, rgba[0], rgba[1], rgba[2]);
}

static void
end_translucent (cairo_t      *cr,
                 const double  rgba[4])
{
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, rgba[3]);
  cairo_restore (cr);
}

void
_sd_transform_arrow_render (const SdTransformArrow *arrow,
                            cairo_t                *cr)
{
  if (!arrow->shown)
    return;

  begin_translucent (cr, arrow->color);
  cairo_set_line_width (cr, arrow->width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, arrow->from[0], arrow->from[1]);
  cairo_line_to (cr, arrow->shaft[0], arrow->shaft[1]);
  cairo_stroke (cr);

  sd_arrowhead_append (cr, &arrow->head, arrow->tip[0], arrow->tip[1],
                       arrow->direction[0], arrow->direction[1]);
  cairo_fill (cr);
  end_translucent (cr, arrow->color);
}

/* Strokes @path in @rgba, translucent as a whole. */
void
_sd_transform_stroke_translucent (cairo_t      *cr,
                                  const SdPath *path,
                                  double        width,
                                  const double  rgba[4])
{
  begin_translucent (cr, rgba);
  cairo_set_line_width (cr, width);
  sd_path_append (path, cr);
  cairo_stroke (cr);
  end_translucent (cr, rgba);
}
