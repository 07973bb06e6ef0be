/* distribution-ellipses.c: a bivariate normal's density as nested
 * shaded ellipses, its ellipses at 1σ, 2σ and 3σ, and its principal axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "arrowhead.h"
#include "distribution-private.h"
#include "number.h"

#define SHADE_ALPHA 0.075  /* each of the nested ellipses of a density */
#define ELLIPSE_POINTS 360

/* The ellipse at Mahalanobis distance @k from the mean, on the page. */
static SdPath *
ellipse_path (const SdDistributionContext *ctx,
              const SdDistributionCurve   *curve,
              double                       k)
{
  double x[ELLIPSE_POINTS], y[ELLIPSE_POINTS];
  SdPath *path = sd_path_new ();

  sd_bivariate_normal_get_ellipse (curve->bivariate, k, x, y, ELLIPSE_POINTS);
  for (guint i = 0; i < ELLIPSE_POINTS; i++)
    {
      double px, py;

      sd_plot_map (ctx->plot, x[i], y[i], &px, &py);
      if (i == 0)
        sd_path_move_to (path, px, py);
      else
        sd_path_line_to (path, px, py);
    }
  sd_path_close (path);
  return path;
}

static gboolean
shows_pdf (const SdDistributionCurve *curve)
{
  return (curve->source->layers & SD_LAYER_PDF) != 0;
}

/* The density: nested translucent ellipses at Mahalanobis distances 0.5
 * to 3, which make filled contour bands, darkest at the mean. */
static const double shading_distances[] = { 3.0, 2.5, 2.0, 1.5, 1.0, 0.5 };

typedef struct
{
  SdPath *bands[G_N_ELEMENTS (shading_distances)];
  double  color[4];
} Shading;

struct _SdDistributionShading
{
  GArray *shadings;  /* (element-type Shading) */
};

static void
clear_shading (gpointer data)
{
  Shading *shading = data;

  for (guint i = 0; i < G_N_ELEMENTS (shading->bands); i++)
    g_clear_pointer (&shading->bands[i], sd_path_free);
}

SdDistributionShading *
_sd_distribution_shading_new (SdDistributionContext *ctx)
{
  SdDistributionShading *self = g_new0 (SdDistributionShading, 1);

  self->shadings = g_array_new (FALSE, TRUE, sizeof (Shading));
  g_array_set_clear_func (self->shadings, clear_shading);
  for (guint c = 0; c < ctx->figure->curves->len; c++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, c);
      Shading shading = { { NULL } };
      double rgba[4];

      if (!shows_pdf (curve))
        continue;

      _sd_distribution_curve_color (ctx, curve, rgba);
      _sd_distribution_color_with_alpha (rgba, _sd_distribution_fill_alpha (ctx, SHADE_ALPHA),
                                         shading.color);
      for (guint i = 0; i < G_N_ELEMENTS (shading_distances); i++)
        shading.bands[i] = ellipse_path (ctx, curve, shading_distances[i]);
      g_array_append_val (self->shadings, shading);
    }

  return self;
}

void
_sd_distribution_shading_render (const SdDistributionShading *self,
                                 cairo_t                     *cr)
{
  for (guint c = 0; c < self->shadings->len; c++)
    {
      const Shading *shading = &g_array_index (self->shadings, Shading, c);

      sd_set_source_color (cr, shading->color);
      for (guint i = 0; i < G_N_ELEMENTS (shading->bands); i++)
        {
          sd_path_append (shading->bands[i], cr);
          cairo_fill (cr);
        }
    }
}

void
_sd_distribution_shading_free (SdDistributionShading *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->shadings);
  g_free (self);
}

/* The ellipses at 1σ (the covariance ellipse), 2σ and 3σ, fainter
 * outwards, the 1σ one on a halo so it reads over the dots; and the
 * principal axes: dashed lines through the mean across the 3σ ellipse,
 * and arrows of length √λ from the mean, which end on the covariance
 * ellipse. */
typedef struct
{
  SdPath *ellipses[3];   /* at 3σ, 2σ and 1σ */
  SdPath *axes;
  SdPath *arrows;
  double  color[4];
} Ellipses;

struct _SdDistributionEllipses
{
  GArray *ellipses;  /* (element-type Ellipses) */
  double  line_width;
  double  axis_line_width;
  double  halo[4];
  double  dashes[2];
};

static void
clear_ellipses (gpointer data)
{
  Ellipses *e = data;

  for (guint k = 0; k < G_N_ELEMENTS (e->ellipses); k++)
    g_clear_pointer (&e->ellipses[k], sd_path_free);
  g_clear_pointer (&e->axes, sd_path_free);
  g_clear_pointer (&e->arrows, sd_path_free);
}

/* An arrow from (x0, y0) to (x1, y1): its shaft, and its head to fill. */
static void
add_arrow (SdPath *path,
           double  x0,
           double  y0,
           double  x1,
           double  y1,
           double  head)
{
  double length = hypot (x1 - x0, y1 - y0);
  double ux, uy;

  if (!(length > 0.0))
    return;

  ux = (x1 - x0) / length;
  uy = (y1 - y0) / length;
  head = MIN (head, 0.5 * length);
  sd_path_move_to (path, x0, y0);
  sd_path_line_to (path, x1 - 0.8 * head * ux, y1 - 0.8 * head * uy);
  sd_arrowhead_append_path (path, &(SdArrowhead) { head, 0.45 * head, 0.0 }, x1, y1, ux, uy);
}

static void
build_axes (const SdDistributionContext *ctx,
            Ellipses                    *e,
            const SdDistributionCurve   *curve)
{
  SdPrincipalAxes axes;
  double lw = ctx->style->line_width, mx, my, cx, cy;

  sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
  sd_bivariate_normal_get_principal_axes (curve->bivariate, &axes);
  sd_plot_map (ctx->plot, mx, my, &cx, &cy);

  e->axes = sd_path_new ();
  e->arrows = sd_path_new ();
  for (guint i = 0; i < 2; i++)
    {
      double reach = 3.0 * sqrt (axes.variance[i]), length = sqrt (axes.variance[i]);
      double x0, y0, x1, y1, tx, ty;

      sd_plot_map (ctx->plot, mx - reach * axes.axis[i][0], my - reach * axes.axis[i][1],
                   &x0, &y0);
      sd_plot_map (ctx->plot, mx + reach * axes.axis[i][0], my + reach * axes.axis[i][1],
                   &x1, &y1);
      sd_path_move_to (e->axes, x0, y0);
      sd_path_line_to (e->axes, x1, y1);

      sd_plot_map (ctx->plot, mx + length * axes.axis[i][0], my + length * axes.axis[i][1],
                   &tx, &ty);
      add_arrow (e->arrows, cx, cy, tx, ty, 3.0 * lw + 4.0 * ctx->style->scale);
    }
}

SdDistributionEllipses *
_sd_distribution_ellipses_new (SdDistributionContext *ctx)
{
  SdDistributionEllipses *self = g_new0 (SdDistributionEllipses, 1);
  double lw = ctx->style->line_width;

  self->line_width = lw;
  self->axis_line_width = ctx->style->axis_line_width;
  memcpy (self->halo, ctx->style->background, sizeof self->halo);
  self->halo[3] = 0.8;
  self->dashes[0] = 2.0 * lw;
  self->dashes[1] = 1.5 * lw;
  self->ellipses = g_array_new (FALSE, TRUE, sizeof (Ellipses));
  g_array_set_clear_func (self->ellipses, clear_ellipses);

  for (guint c = 0; c < ctx->figure->curves->len; c++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, c);
      Ellipses e = { { NULL } };

      if (!shows_pdf (curve))
        continue;

      _sd_distribution_curve_color (ctx, curve, e.color);
      for (guint k = 3; k >= 1; k--)
        {
          e.ellipses[3 - k] = ellipse_path (ctx, curve, k);
        }
      build_axes (ctx, &e, curve);
      g_array_append_val (self->ellipses, e);
    }

  return self;
}

static void
render_ellipses (const SdDistributionEllipses *self,
                 const Ellipses               *e,
                 cairo_t                      *cr)
{
  double line[4];

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 3; k >= 1; k--)
    {
      double width = k == 1 ? self->line_width : 0.6 * self->line_width;

      _sd_distribution_color_with_alpha (e->color, k == 1 ? 1.0 : k == 2 ? 0.75 : 0.5, line);
      sd_path_append (e->ellipses[3 - k], cr);
      if (k == 1)
        {
          cairo_set_line_width (cr, width + 2.0 * self->axis_line_width);
          sd_set_source_color (cr, self->halo);
          cairo_stroke_preserve (cr);
        }
      cairo_set_line_width (cr, width);
      sd_set_source_color (cr, line);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
render_axes (const SdDistributionEllipses *self,
             const Ellipses               *e,
             cairo_t                      *cr)
{
  double faint[4];

  _sd_distribution_color_with_alpha (e->color, 0.6, faint);
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5 * self->line_width);
  cairo_set_dash (cr, self->dashes, 2, 0.0);
  sd_set_source_color (cr, faint);
  sd_path_append (e->axes, cr);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint pass = 0; pass < 2; pass++)
    {
      sd_path_append (e->arrows, cr);
      cairo_set_line_width (cr, pass == 0 ? self->line_width + 2.0 * self->axis_line_width
                                          : self->line_width);
      sd_set_source_color (cr, pass == 0 ? self->halo : e->color);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
_sd_distribution_ellipses_render (const SdDistributionEllipses *self,
                                  cairo_t                      *cr)
{
  for (guint c = 0; c < self->ellipses->len; c++)
    {
      const Ellipses *e = &g_array_index (self->ellipses, Ellipses, c);

      render_ellipses (self, e, cr);
      render_axes (self, e, cr);
    }
}

void
_sd_distribution_ellipses_free (SdDistributionEllipses *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->ellipses);
  g_free (self);
}

/* "PC1, λ1 = 2.7" beyond the tip of each axis' arrow, along it, wholly
 * past the ellipse's tangent at the tip (which is square to the arrow),
 * so the plate hides none of the covariance ellipse. */
static void
label_axes (SdDistributionContext     *ctx,
            guint                      index,
            const SdDistributionCurve *curve)
{
  SdPrincipalAxes axes;
  double em = ctx->style->font_size;
  double mx, my, cx, cy, rgba[4];

  sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
  sd_bivariate_normal_get_principal_axes (curve->bivariate, &axes);
  sd_plot_map (ctx->plot, mx, my, &cx, &cy);
  _sd_distribution_curve_color (ctx, curve, rgba);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GString) variance = g_string_new (NULL);
      g_autofree char *markup = NULL;
      SdDistributionLabel label = { SD_DISTRIBUTION_LABEL_AXIS, index, i };
      double length = sqrt (axes.variance[i]);
      double tx, ty, ux, uy, d;
      cairo_rectangle_t box;

      sd_plot_map (ctx->plot, mx + length * axes.axis[i][0], my + length * axes.axis[i][1],
                   &tx, &ty);
      d = hypot (tx - cx, ty - cy);
      if (!(d > 0.0))
        continue;
      ux = (tx - cx) / d;
      uy = (ty - cy) / d;

      _sd_distribution_append_compact (variance, axes.variance[i]);
      /* Translators: the label of a principal axis: PC1 is the first
       * principal component, λ with the same number its variance, %s its
       * value. Keep the <sub> markup. */
      markup = g_strdup_printf (_("PC%u, λ<sub>%u</sub> = %s"), i + 1, i + 1, variance->str);

      _sd_distribution_plate_box (ctx, markup, 0.0, 0.0, &box);
      d = 0.4 * em + (box.width * fabs (ux) + box.height * fabs (uy)) / 2;
      label.markup = markup;
      label.framed = TRUE;
      memcpy (label.text, ctx->style->foreground, sizeof label.text);
      memcpy (label.frame, rgba, sizeof label.frame);
      _sd_distribution_label_settle (ctx, &label, tx + d * ux, ty + d * uy);
    }
}

/* The point of the ellipse at distance @k, at angle @t from the major
 * axis in the ellipse's own parameter, in data coordinates. */
static void
ellipse_point (const SdDistributionCurve *curve,
               double                     k,
               double                     t,
               double                    *x,
               double                    *y)
{
  SdPrincipalAxes axes;
  double mx, my, u, v;

  sd_bivariate_normal_get_mean (curve->bivariate, &mx, &my);
  sd_bivariate_normal_get_principal_axes (curve->bivariate, &axes);
  u = k * sqrt (axes.variance[0]) * cos (t);
  v = k * sqrt (axes.variance[1]) * sin (t);
  *x = mx + u * axes.axis[0][0] + v * axes.axis[1][0];
  *y = my + u * axes.axis[0][1] + v * axes.axis[1][1];
}

/* "2σ: 86.5 %" on each ellipse, on a plate that interrupts it, opposite
 * the first principal axis' arrow, where the ellipses are farthest apart,
 * turned a little off the axis' line; left out where a small plot has no
 * room for it. */
static void
label_ellipses (SdDistributionContext     *ctx,
                guint                      index,
                const SdDistributionCurve *curve)
{
  double rgba[4];

  _sd_distribution_curve_color (ctx, curve, rgba);
  for (guint k = 1; k <= 3; k++)
    {
      g_autofree char *markup = NULL;
      g_autofree char *mass = NULL;
      SdDistributionLabel label = { SD_DISTRIBUTION_LABEL_ELLIPSE, index, k - 1 };
      double x, y, px, py;

      ellipse_point (curve, k, G_PI + 0.3, &x, &y);
      sd_plot_map (ctx->plot, x, y, &px, &py);
      mass = sd_number_markup (100.0 * sd_bivariate_normal_ellipse_mass (k), SD_NUMBER_COMPACT);
      /* Translators: the label of the ellipse %u standard deviations (σ)
       * from the mean, with the probability inside it in percent, such as
       * "2σ: 86.5 %" */
      markup = g_strdup_printf (_("%uσ: %s %%"), k, mass);
      label.markup = markup;
      memcpy (label.text, rgba, sizeof label.text);
      _sd_distribution_label_try (ctx, &label, px, py);
    }
}

/* Each distribution's axis labels, then its ellipse labels. */
void
_sd_distribution_ellipses_label (SdDistributionContext *ctx)
{
  for (guint c = 0; c < ctx->figure->curves->len; c++)
    {
      const SdDistributionCurve *curve = _sd_distribution_curve_at (ctx, c);

      if (!shows_pdf (curve))
        continue;
      label_axes (ctx, c, curve);
      label_ellipses (ctx, c, curve);
    }
}
