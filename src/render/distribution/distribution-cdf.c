/* distribution-cdf.c: distribution functions: curves, steps and treads,
 * and an interval read on one: the band a ≤ x ≤ b, guides at F(a) and
 * F(b), and an arrow for the rise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "arrowhead.h"
#include "distribution-private.h"

#define CDF_BAND_ALPHA 0.10  /* x between a and b, on a distribution function */
/* Discrete distribution functions get a dot on each step up to this many. */
#define MAX_STEP_DOTS 40

typedef struct
{
  SdDistributionPolyline line;     /* a curve or steps, or nothing */
  SdPath                *treads;   /* or only the treads, beside stems */
  double                 color[4];
  gboolean               steps;
  GArray                *dots;     /* (element-type double): x and y in turn */
} CurveCdf;

struct _SdDistributionCdf
{
  const SdThemeStyle *style;
  gboolean            dashed;
  double              dashes[2];
  GArray             *curves;  /* (element-type CurveCdf) */
};

/* Beside stems, a discrete distribution function's risers would run
 * along the stems: only its treads are drawn, from each whole number to
 * the next. */
static void
build_treads (SdDistributionContext     *ctx,
              CurveCdf                  *cdf,
              const SdDistributionCurve *curve)
{
  double before = sd_distribution_cdf (curve->distribution, curve->x[0] - 1.0);

  cdf->treads = sd_path_new ();
  for (gsize i = 0; i <= curve->n_points; i++)
    {
      double x0 = i == 0 ? ctx->view[0] : curve->x[i - 1];
      double x1 = i < curve->n_points ? curve->x[i] : ctx->view[1];
      double py = _sd_distribution_map_cdf (ctx, i == 0 ? before : curve->cumulative[i - 1]);
      double px0 = _sd_distribution_map_x (ctx, x0), px1 = _sd_distribution_map_x (ctx, x1);

      sd_path_move_to (cdf->treads, px0, py);
      sd_path_line_to (cdf->treads, px1, py);
      _sd_distribution_mark_busy (ctx, px0, px1, py);
    }
}

/* A discrete distribution function as steps, right-continuous, from the
 * left edge of the plot to its right edge. */
static void
build_steps (SdDistributionContext     *ctx,
             CurveCdf                  *cdf,
             const SdDistributionCurve *curve)
{
  gsize n = curve->n_points, m = 0;
  double before = sd_distribution_cdf (curve->distribution, curve->x[0] - 1.0);
  double *px = g_new (double, 2 * n + 2);
  double *py = g_new (double, 2 * n + 2);

  px[m] = _sd_distribution_map_x (ctx, ctx->view[0]);
  py[m++] = _sd_distribution_map_cdf (ctx, before);
  for (gsize i = 0; i < n; i++)
    {
      px[m] = px[m + 1] = _sd_distribution_map_x (ctx, curve->x[i]);
      py[m] = _sd_distribution_map_cdf (ctx, i > 0 ? curve->cumulative[i - 1] : before);
      py[m + 1] = _sd_distribution_map_cdf (ctx, curve->cumulative[i]);
      m += 2;
    }
  px[m] = _sd_distribution_map_x (ctx, ctx->view[1]);
  py[m++] = _sd_distribution_map_cdf (ctx, curve->cumulative[n - 1]);
  for (gsize i = 0; i < m; i++)
    _sd_distribution_mark_busy (ctx, px[i], i + 1 < m ? px[i + 1] : px[i], py[i]);

  cdf->line = (SdDistributionPolyline) { px, py, m };
  cdf->steps = TRUE;

  /* Alone on the main axis, a short one gets a dot on each step. */
  if (ctx->twin || n > MAX_STEP_DOTS || _sd_distribution_is_dense (ctx, curve))
    return;

  cdf->dots = g_array_new (FALSE, FALSE, sizeof (double));
  for (gsize i = 0; i < n; i++)
    {
      double dot[2] = { _sd_distribution_map_x (ctx, curve->x[i]),
                        _sd_distribution_map_cdf (ctx, curve->cumulative[i]) };

      g_array_append_vals (cdf->dots, dot, 2);
    }
}

static void
clear_cdf (gpointer data)
{
  CurveCdf *cdf = data;

  _sd_distribution_polyline_clear (&cdf->line);
  g_clear_pointer (&cdf->treads, sd_path_free);
  g_clear_pointer (&cdf->dots, g_array_unref);
}

/* Beside densities, distribution functions are dashed and read on the
 * right axis. */
SdDistributionCdf *
_sd_distribution_cdf_new (SdDistributionContext *ctx)
{
  SdDistributionCdf *self = g_new0 (SdDistributionCdf, 1);

  self->style = ctx->style;
  self->dashed = ctx->twin;
  self->dashes[0] = 2.5 * ctx->style->line_width;
  self->dashes[1] = 1.5 * ctx->style->line_width;
  self->curves = g_array_new (FALSE, TRUE, sizeof (CurveCdf));
  g_array_set_clear_func (self->curves, clear_cdf);

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      gboolean steps = _sd_distribution_is_discrete (curve);
      CurveCdf cdf = { { 0 } };

      if (!_sd_distribution_shows_cdf (curve) || curve->n_points == 0)
        continue;

      _sd_distribution_curve_color (ctx, curve, cdf.color);
      if (steps && ctx->twin && (curve->source->layers & SD_LAYER_PDF)
          && !_sd_distribution_is_dense (ctx, curve))
        build_treads (ctx, &cdf, curve);
      else if (steps)
        build_steps (ctx, &cdf, curve);
      else
        _sd_distribution_polyline_map (ctx, &cdf.line, curve, curve->cumulative, TRUE);
      g_array_append_val (self->curves, cdf);
    }

  return self;
}

static void
render_treads (const SdDistributionCdf *self,
               const CurveCdf          *cdf,
               cairo_t                 *cr)
{
  cairo_save (cr);
  cairo_set_line_width (cr, self->style->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, self->dashes, 2, 0.0);
  sd_set_source_color (cr, cdf->color);
  sd_path_append (cdf->treads, cr);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
render_line (const SdDistributionCdf *self,
             const CurveCdf          *cdf,
             cairo_t                 *cr)
{
  cairo_save (cr);
  cairo_set_line_width (cr, self->style->line_width);
  cairo_set_line_join (cr, cdf->steps ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_ROUND);
  if (self->dashed)
    cairo_set_dash (cr, self->dashes, 2, 0.0);
  sd_set_source_color (cr, cdf->color);
  _sd_distribution_add_polyline (cr, cdf->line.px, cdf->line.py, cdf->line.n, FALSE);
  cairo_stroke (cr);

  for (guint i = 0; cdf->dots != NULL && i + 1 < cdf->dots->len; i += 2)
    sd_marker_draw (cr, self->style, SD_MARKER_CIRCLE, g_array_index (cdf->dots, double, i),
                    g_array_index (cdf->dots, double, i + 1), cdf->color);
  cairo_restore (cr);
}

void
_sd_distribution_cdf_render (const SdDistributionCdf *self,
                             cairo_t                 *cr)
{
  for (guint i = 0; i < self->curves->len; i++)
    {
      const CurveCdf *cdf = &g_array_index (self->curves, CurveCdf, i);

      if (cdf->treads != NULL)
        render_treads (self, cdf, cr);
      else
        render_line (self, cdf, cr);
    }
}

void
_sd_distribution_cdf_free (SdDistributionCdf *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->curves);
  g_free (self);
}

/* The interval of a distribution that shows only its distribution
 * function. */
typedef struct
{
  cairo_rectangle_t band;
  double            band_color[4];
  SdPath           *guides;
  double            color[4];
  double            x;         /* the rise's arrow, from F(a) up to F(b) */
  double            y0;
  double            y1;
} CurveInterval;

struct _SdDistributionRise
{
  GArray *intervals;  /* (element-type CurveInterval) */
  double  guide_width;
  double  dashes[2];
  double  arrow_width;
  double  head;
};

static void
clear_interval (gpointer data)
{
  CurveInterval *interval = data;

  g_clear_pointer (&interval->guides, sd_path_free);
}

SdDistributionRise *
_sd_distribution_rise_new (SdDistributionContext *ctx)
{
  SdDistributionRise *self = g_new0 (SdDistributionRise, 1);
  const SdThemeStyle *style = ctx->style;

  self->guide_width = 0.5 * style->line_width;
  self->dashes[0] = 0.5 * style->line_width;
  self->dashes[1] = 1.5 * style->line_width;
  self->arrow_width = 0.75 * style->line_width;
  self->head = 2.5 * style->line_width + 3.0 * style->scale;
  self->intervals = g_array_new (FALSE, TRUE, sizeof (CurveInterval));
  g_array_set_clear_func (self->intervals, clear_interval);

  for (guint i = 0; i < ctx->figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, i);
      const double *interval = curve->source->interval;
      CurveInterval band = { { 0 } };
      double fa, fb, x0, x1;

      if (!_sd_distribution_interval_on_cdf (curve))
        continue;

      _sd_distribution_interval_cdf (curve, &fa, &fb);
      x0 = _sd_distribution_map_x (ctx, MAX (interval[0], ctx->view[0]));
      x1 = _sd_distribution_map_x (ctx, MIN (interval[1], ctx->view[1]));
      _sd_distribution_curve_color (ctx, curve, band.color);
      _sd_distribution_color_with_alpha (band.color,
                                         _sd_distribution_fill_alpha (ctx, CDF_BAND_ALPHA),
                                         band.band_color);
      band.band = (cairo_rectangle_t) { x0, ctx->area.y, MAX (x1 - x0, 0.0), ctx->area.height };

      band.x = _sd_distribution_cdf_bracket_x (ctx, curve);
      band.y0 = _sd_distribution_map_cdf (ctx, fa);
      band.y1 = _sd_distribution_map_cdf (ctx, fb);
      band.guides = sd_path_new ();
      sd_path_move_to (band.guides, ctx->area.x, band.y0);
      sd_path_line_to (band.guides, band.x, band.y0);
      sd_path_move_to (band.guides, ctx->area.x, band.y1);
      sd_path_line_to (band.guides, band.x, band.y1);
      g_array_append_val (self->intervals, band);
    }

  return self;
}

/* A vertical arrow from @y0 to @y1 with heads at both ends, the heads
 * as closed subpaths to fill and the shaft to stroke. */
static void
double_arrow_path (cairo_t *cr,
                   double   x,
                   double   y0,
                   double   y1,
                   double   head)
{
  double length = fabs (y1 - y0), sign = y1 > y0 ? 1.0 : -1.0;

  if (!(length > 0.0))
    return;

  head = MIN (head, 0.4 * length);
  cairo_move_to (cr, x, y0 + 0.8 * head * sign);
  cairo_line_to (cr, x, y1 - 0.8 * head * sign);
  for (guint end = 0; end < 2; end++)
    {
      const SdArrowhead shape = { head, 0.45 * head, 0.0 };
      double tip = end == 0 ? y0 : y1, s = end == 0 ? sign : -sign;

      sd_arrowhead_append (cr, &shape, x, tip, 0.0, -s);
    }
}

void
_sd_distribution_rise_render (const SdDistributionRise *self,
                                      cairo_t                         *cr)
{
  for (guint i = 0; i < self->intervals->len; i++)
    {
      const CurveInterval *band = &g_array_index (self->intervals, CurveInterval, i);

      cairo_save (cr);
      sd_set_source_color (cr, band->band_color);
      cairo_rectangle (cr, band->band.x, band->band.y, band->band.width, band->band.height);
      cairo_fill (cr);

      cairo_set_line_width (cr, self->guide_width);
      cairo_set_dash (cr, self->dashes, 2, 0.0);
      sd_set_source_color (cr, band->color);
      sd_path_append (band->guides, cr);
      cairo_stroke (cr);

      /* The rise itself, an arrow between the guides. */
      cairo_set_dash (cr, NULL, 0, 0.0);
      cairo_set_line_width (cr, self->arrow_width);
      double_arrow_path (cr, band->x, band->y0, band->y1, self->head);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

void
_sd_distribution_rise_free (SdDistributionRise *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->intervals);
  g_free (self);
}
