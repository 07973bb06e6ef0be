/* distribution-pdf.c: densities and masses: the light fill beneath a
 * density and the stronger one between a and b, and then the density as
 * a curve, or a discrete family's mass as stems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "distribution-private.h"

#define FADED_ALPHA 0.30  /* stems outside the interval */

/* A filled area between a polyline and the axis. */
typedef struct
{
  SdDistributionPolyline top;
  double                 base;
  double                 color[4];
} Area;

typedef struct
{
  Area    whole;     /* under the density, or nothing */
  Area    interval;  /* between a and b, or nothing */
  SdPath *edges;     /* the lines up at a and b, or nothing */
  double  edge_width;
  double  edge_color[4];
} CurveFill;

struct _SdDistributionFill
{
  GArray *fills;  /* (element-type CurveFill) */
};

/* The area under the density between x[from] and x[to - 1], and between
 * the extra end points (ends[0], ends[1]) and (ends[2], ends[3]) when
 * those are not NaN. */
static void
area_under (const SdDistributionContext *ctx,
            Area                        *area,
            const SdDistributionCurve   *curve,
            gsize                        from,
            gsize                        to,
            const double                 ends[4],
            const double                 rgba[4])
{
  SdDistributionPolyline *top = &area->top;

  top->px = g_new (double, to - from + 2);
  top->py = g_new (double, to - from + 2);
  if (!isnan (ends[0]))
    {
      top->px[top->n] = _sd_distribution_map_x (ctx, ends[0]);
      top->py[top->n++] = _sd_distribution_map_density (ctx, ends[1]);
    }
  for (gsize i = from; i < to; i++)
    {
      top->px[top->n] = _sd_distribution_map_x (ctx, curve->x[i]);
      top->py[top->n++] = _sd_distribution_map_density (ctx, curve->density[i]);
    }
  if (!isnan (ends[2]))
    {
      top->px[top->n] = _sd_distribution_map_x (ctx, ends[2]);
      top->py[top->n++] = _sd_distribution_map_density (ctx, ends[3]);
    }
  area->base = _sd_distribution_map_density (ctx, 0.0);
  memcpy (area->color, rgba, sizeof area->color);
}

/* Whole numbers count from a to b, both included; continuous x strictly
 * between them, since a and b themselves are added exactly. */
static gboolean
inside_interval (const SdDistributionCurve *curve,
                 double                     x,
                 double                     a,
                 double                     b)
{
  if (_sd_distribution_is_discrete (curve))
    return x >= a && x <= b;
  return x > a && x < b;
}

/* A continuous density is shaded from a to b exactly, with a line up at
 * each; a dense mass between the whole numbers it has. */
static void
interval_area (const SdDistributionContext *ctx,
               CurveFill                   *fill,
               const SdDistributionCurve   *curve,
               const double                 rgba[4])
{
  const double *interval = curve->source->interval;
  double a = MAX (interval[0], curve->x[0]);
  double b = MIN (interval[1], curve->x[curve->n_points - 1]);
  double ends[4] = { NAN, NAN, NAN, NAN }, color[4];
  gsize from = 0, to = curve->n_points;

  if (!(a < b))
    return;

  if (!_sd_distribution_is_discrete (curve))
    {
      ends[0] = a;
      ends[1] = sd_distribution_pdf (curve->distribution, a);
      ends[2] = b;
      ends[3] = sd_distribution_pdf (curve->distribution, b);
    }
  while (from < to && !inside_interval (curve, curve->x[from], a, b))
    from++;
  while (to > from && !inside_interval (curve, curve->x[to - 1], a, b))
    to--;

  _sd_distribution_color_with_alpha (rgba, SD_DISTRIBUTION_INTERVAL_ALPHA, color);
  area_under (ctx, &fill->interval, curve, from, to, ends, color);

  if (_sd_distribution_is_discrete (curve))
    return;

  fill->edges = sd_path_new ();
  fill->edge_width = 0.5 * ctx->style->line_width;
  memcpy (fill->edge_color, rgba, sizeof fill->edge_color);
  for (guint k = 0; k < 2; k++)
    {
      double x = _sd_distribution_map_x (ctx, k == 0 ? a : b);

      sd_path_move_to (fill->edges, x, _sd_distribution_map_density (ctx, 0.0));
      sd_path_line_to (fill->edges, x, _sd_distribution_map_density (ctx, ends[2 * k + 1]));
    }
}

static void
clear_fill (gpointer data)
{
  CurveFill *fill = data;

  _sd_distribution_polyline_clear (&fill->whole.top);
  _sd_distribution_polyline_clear (&fill->interval.top);
  g_clear_pointer (&fill->edges, sd_path_free);
}

/* Under bars, or with bars around, a fill would only muddy them: a
 * density gets its light fill only in a figure without histograms. Stems
 * have no area to fill. */
SdDistributionFill *
_sd_distribution_fill_new (SdDistributionContext *ctx)
{
  SdDistributionFill *self = g_new0 (SdDistributionFill, 1);
  const double none[4] = { NAN, NAN, NAN, NAN };

  self->fills = g_array_new (FALSE, TRUE, sizeof (CurveFill));
  g_array_set_clear_func (self->fills, clear_fill);
  if (!ctx->density_axis)
    return self;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      gboolean outline = !_sd_distribution_is_discrete (curve)
                         || _sd_distribution_is_dense (ctx, curve);
      CurveFill fill = { { { 0 } } };
      double rgba[4], color[4];

      if (curve->n_points == 0)
        continue;

      _sd_distribution_curve_color (ctx, curve, rgba);
      if (outline && (curve->source->layers & SD_LAYER_PDF) && !ctx->any_histogram)
        {
          _sd_distribution_color_with_alpha (rgba, _sd_distribution_fill_alpha (
                                               ctx, SD_DISTRIBUTION_FILL_ALPHA), color);
          area_under (ctx, &fill.whole, curve, 0, curve->n_points, none, color);
        }
      if (outline && _sd_distribution_shows_interval (curve)
          && !_sd_distribution_interval_on_cdf (curve))
        interval_area (ctx, &fill, curve, rgba);

      g_array_append_val (self->fills, fill);
    }

  return self;
}

static void
fill_area (cairo_t    *cr,
           const Area *area)
{
  const SdDistributionPolyline *top = &area->top;

  if (top->n < 2)
    return;

  cairo_move_to (cr, top->px[0], area->base);
  _sd_distribution_add_polyline (cr, top->px, top->py, top->n, TRUE);
  cairo_line_to (cr, top->px[top->n - 1], area->base);
  cairo_close_path (cr);
  sd_set_source_color (cr, area->color);
  cairo_fill (cr);
}

void
_sd_distribution_fill_render (const SdDistributionFill *self,
                              cairo_t                  *cr)
{
  for (guint i = 0; i < self->fills->len; i++)
    {
      const CurveFill *fill = &g_array_index (self->fills, CurveFill, i);

      fill_area (cr, &fill->whole);
      fill_area (cr, &fill->interval);
      if (fill->edges != NULL)
        {
          cairo_save (cr);
          cairo_set_line_width (cr, fill->edge_width);
          sd_set_source_color (cr, fill->edge_color);
          sd_path_append (fill->edges, cr);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

void
_sd_distribution_fill_free (SdDistributionFill *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->fills);
  g_free (self);
}

/* A density as a curve over a halo, or a mass as stems with dots. */
typedef struct
{
  SdDistributionPolyline line;       /* the curve, or none for stems */
  double                 color[4];
  double                 halo[4];
  double                 width;
  double                 halo_width;

  SdPath                *stems[2];   /* the stems, and the faded ones */
  double                 faded[4];
  double                 stem_width;
  GArray                *dots;       /* (element-type double): x, y, faded, in turn */
} CurvePdf;

struct _SdDistributionPdf
{
  const SdThemeStyle *style;
  GArray             *curves;  /* (element-type CurvePdf) */
};

static gboolean
in_interval (const SdDistributionCurve *curve,
             double                     k)
{
  return k >= curve->source->interval[0] && k <= curve->source->interval[1];
}

/* Stems from 0 to the mass at each whole number, with a dot on top when
 * they are far enough apart; outside the interval they are faded. Stems
 * of several distributions stand side by side, each in its @slot. */
static void
build_stems (SdDistributionContext     *ctx,
             CurvePdf                  *pdf,
             const SdDistributionCurve *curve,
             guint                      slot)
{
  double spacing = _sd_distribution_stem_spacing (ctx, curve);
  double offset = (slot - (ctx->n_stems - 1) / 2.0) * spacing;
  gboolean dots = spacing >= 1.3 * ctx->style->marker_size;
  gboolean fade = _sd_distribution_shows_interval (curve);
  double base = _sd_distribution_map_density (ctx, 0.0);

  pdf->stem_width = MIN (ctx->style->line_width, 0.45 * spacing);
  _sd_distribution_color_with_alpha (pdf->color, FADED_ALPHA, pdf->faded);
  pdf->stems[0] = sd_path_new ();
  pdf->stems[1] = sd_path_new ();
  pdf->dots = g_array_new (FALSE, FALSE, sizeof (double));

  for (gsize i = 0; i < curve->n_points; i++)
    {
      gboolean faded = fade && !in_interval (curve, curve->x[i]);
      double px, py, dot[3];

      if (!(curve->density[i] > 0.0))
        continue;
      px = _sd_distribution_map_x (ctx, curve->x[i]) + offset;
      py = _sd_distribution_map_density (ctx, curve->density[i]);
      _sd_distribution_mark_busy (ctx, px, px, py);
      dot[0] = px;
      dot[1] = py;
      dot[2] = faded;
      if (dots)
        g_array_append_vals (pdf->dots, dot, 3);
      /* Up to the dot, not under it, where a faded stem would show
       * through the faded dot. */
      if (dots)
        py = MIN (py + 0.5 * ctx->style->marker_size, base);
      sd_path_move_to (pdf->stems[faded], px, base);
      sd_path_line_to (pdf->stems[faded], px, py);
    }
}

static void
clear_pdf (gpointer data)
{
  CurvePdf *pdf = data;

  _sd_distribution_polyline_clear (&pdf->line);
  g_clear_pointer (&pdf->stems[0], sd_path_free);
  g_clear_pointer (&pdf->stems[1], sd_path_free);
  g_clear_pointer (&pdf->dots, g_array_unref);
}

SdDistributionPdf *
_sd_distribution_pdf_new (SdDistributionContext *ctx)
{
  SdDistributionPdf *self = g_new0 (SdDistributionPdf, 1);

  self->style = ctx->style;
  self->curves = g_array_new (FALSE, TRUE, sizeof (CurvePdf));
  g_array_set_clear_func (self->curves, clear_pdf);
  if (!ctx->density_axis)
    return self;

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      CurvePdf pdf = { { 0 } };

      if (!(curve->source->layers & SD_LAYER_PDF) || curve->n_points == 0)
        continue;

      _sd_distribution_curve_color (ctx, curve, pdf.color);
      if (_sd_distribution_is_discrete (curve) && !_sd_distribution_is_dense (ctx, curve))
        build_stems (ctx, &pdf, curve, ctx->stem_slot[i]);
      else
        {
          /* On a halo of the background, so the curve stands out of the
           * shade and the bars of its own colour. */
          _sd_distribution_polyline_map (ctx, &pdf.line, curve, curve->density, FALSE);
          memcpy (pdf.halo, ctx->style->background, sizeof pdf.halo);
          pdf.halo[3] = 0.7;
          pdf.width = ctx->style->line_width;
          pdf.halo_width = ctx->style->line_width + 2.0 * ctx->style->axis_line_width;
        }
      g_array_append_val (self->curves, pdf);
    }

  return self;
}

static void
render_stems (const SdDistributionPdf *self,
              const CurvePdf          *pdf,
              cairo_t                 *cr)
{
  const double *dots = (const double *) (gpointer) pdf->dots->data;

  cairo_save (cr);
  cairo_set_line_width (cr, pdf->stem_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint pass = 0; pass < 2; pass++)
    {
      sd_path_append (pdf->stems[pass], cr);
      sd_set_source_color (cr, pass == 1 ? pdf->faded : pdf->color);
      cairo_stroke (cr);
    }

  for (guint i = 0; i + 2 < pdf->dots->len; i += 3)
    sd_marker_draw (cr, self->style, SD_MARKER_CIRCLE, dots[i], dots[i + 1],
                    dots[i + 2] != 0.0 ? pdf->faded : pdf->color);
  cairo_restore (cr);
}

static void
render_curve (const CurvePdf *pdf,
              cairo_t        *cr)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  _sd_distribution_add_polyline (cr, pdf->line.px, pdf->line.py, pdf->line.n, FALSE);
  cairo_set_line_width (cr, pdf->halo_width);
  sd_set_source_color (cr, pdf->halo);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, pdf->width);
  sd_set_source_color (cr, pdf->color);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_sd_distribution_pdf_render (const SdDistributionPdf *self,
                             cairo_t                 *cr)
{
  for (guint i = 0; i < self->curves->len; i++)
    {
      const CurvePdf *pdf = &g_array_index (self->curves, CurvePdf, i);

      if (pdf->stems[0] != NULL)
        render_stems (self, pdf, cr);
      else
        render_curve (pdf, cr);
    }
}

void
_sd_distribution_pdf_free (SdDistributionPdf *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->curves);
  g_free (self);
}
