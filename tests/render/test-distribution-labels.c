/* test-distribution-labels.c: what a distribution figure's labels say and
 * where they go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pango.h>
#include <string.h>

#include "distribution-figure.h"

#define WIDTH 800
#define HEIGHT 600

static SdScene *
load_scene (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdScene *scene = sd_scene_load_data (text, strlen (text), "test.saddle", &error);

  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static SdDistributionFigure *
new_figure (const SdScene *scene)
{
  g_autoptr(GError) error = NULL;
  SdDistributionFigure *figure = sd_distribution_figure_new (scene, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (figure);
  return figure;
}

static SdDistributionView *
new_view (const SdDistributionFigure *figure)
{
  SdFigureOptions options;

  sd_figure_options_init (&options);
  options.width = WIDTH;
  options.height = HEIGHT;
  return sd_distribution_view_new (figure, &options);
}

static const SdDistributionLabel *
find_label (const SdDistributionView *view,
            SdDistributionLabelKind   kind,
            guint                     curve,
            guint                     index)
{
  const SdDistributionLabel *labels;
  guint n;

  labels = sd_distribution_view_get_labels (view, &n);
  for (guint i = 0; i < n; i++)
    if (labels[i].kind == kind && labels[i].curve == curve && labels[i].index == index)
      return &labels[i];
  return NULL;
}

/* Every label inside the plot, none over another. */
static void
assert_laid_out (const SdDistributionView *view)
{
  const SdDistributionLabel *labels;
  cairo_rectangle_t area;
  guint n;

  labels = sd_distribution_view_get_labels (view, &n);
  sd_plot_get_area (sd_distribution_view_get_plot (view), &area);
  for (guint i = 0; i < n; i++)
    {
      const cairo_rectangle_t *a = &labels[i].box;

      g_assert_true (pango_parse_markup (labels[i].markup, -1, 0, NULL, NULL, NULL, NULL));
      g_assert_cmpfloat (a->x, >=, area.x);
      g_assert_cmpfloat (a->y, >=, area.y);
      g_assert_cmpfloat (a->x + a->width, <=, area.x + area.width);
      g_assert_cmpfloat (a->y + a->height, <=, area.y + area.height);
      for (guint j = 0; j < i; j++)
        {
          const cairo_rectangle_t *b = &labels[j].box;

          g_assert_false (a->x < b->x + b->width && b->x < a->x + a->width
                          && a->y < b->y + b->height && b->y < a->y + a->height);
        }
    }
}

/* The standard normal's moments: μ = 0 and σ = 1, labelled over their
 * lines; P(−1 ≤ X ≤ 1) = erf(1/√2) = 0.682689. */
static void
test_normal (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-4;4\n"
                                         "layers=pdf;moments;interval\ninterval=-1;1\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdDistributionView) view = new_view (figure);
  static const char * const names[] = { "μ − σ", "μ", "μ + σ" };
  const SdPlot *plot = sd_distribution_view_get_plot (view);
  const SdDistributionLabel *interval;
  cairo_rectangle_t legend;

  for (guint i = 0; i < 3; i++)
    {
      const SdDistributionLabel *label = find_label (view, SD_DISTRIBUTION_LABEL_MOMENT, 0, i);
      double px;

      g_assert_nonnull (label);
      g_assert_cmpstr (label->markup, ==, names[i]);
      g_assert_false (label->plate);
      sd_plot_map (plot, (double) i - 1.0, 0.0, &px, NULL);
      g_assert_cmpfloat (fabs (label->box.x + label->box.width / 2 - px), <=, 0.5);
    }

  interval = find_label (view, SD_DISTRIBUTION_LABEL_INTERVAL, 0, 0);
  g_assert_nonnull (interval);
  g_assert_cmpstr (interval->markup, ==, "P(−1 ≤ <i>X</i> ≤ 1) = 0.6827");
  g_assert_true (interval->plate);
  g_assert_true (interval->framed);

  g_assert_true (sd_distribution_view_get_legend (view, &legend));
  g_assert_cmpfloat (legend.width, >, 0.0);
  assert_laid_out (view);
}

/* Read on the distribution function: F(1.5) − F(−1) = Φ(1.5) − Φ(−1)
 * = 0.9331928 − 0.1586553 = 0.7745375, beside the rise. */
static void
test_rise (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-4;4\n"
                                         "layers=cdf;interval\ninterval=-1;1.5\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdDistributionView) view = new_view (figure);
  const SdDistributionLabel *label = find_label (view, SD_DISTRIBUTION_LABEL_INTERVAL, 0, 0);
  const SdPlot *plot = sd_distribution_view_get_plot (view);
  double range[2], fa, fb, middle;

  g_assert_nonnull (label);
  g_assert_cmpstr (label->markup, ==,
                   "P(−1 ≤ <i>X</i> ≤ 1.5) = <i>F</i>(1.5) − <i>F</i>(−1) = 0.7745");

  /* The main axis reads the distribution function: halfway up the rise. */
  g_assert_true (sd_distribution_view_get_cdf_range (view, range));
  g_assert_cmpfloat (range[0], <, 0.0);
  g_assert_cmpfloat (range[1], >, 1.0);
  sd_plot_map (plot, 0.0, 0.1586553, NULL, &fa);
  sd_plot_map (plot, 0.0, 0.9331928, NULL, &fb);
  middle = label->box.y + label->box.height / 2;
  g_assert_cmpfloat_with_epsilon (middle, (fa + fb) / 2, 0.5);
  assert_laid_out (view);
}

/* The covariance [[2, 1.2], [1.2, 1]] has eigenvalues (3 ± √6.76) / 2,
 * 2.8 and 0.2; the ellipse at k σ holds 1 − exp (−k²/2) of the mass:
 * 39.3, 86.5 and 98.9 %. */
static void
test_bivariate (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution P]\nfamily=bivariate-normal\n"
                                         "covariance=2;1.2;1\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdDistributionView) view = new_view (figure);
  static const char * const axes[] = {
    "PC1, λ<sub>1</sub> = 2.8", "PC2, λ<sub>2</sub> = 0.2",
  };
  static const char * const ellipses[] = { "1σ: 39.3 %", "2σ: 86.5 %", "3σ: 98.9 %" };
  double range[2];

  for (guint i = 0; i < 2; i++)
    {
      const SdDistributionLabel *label = find_label (view, SD_DISTRIBUTION_LABEL_AXIS, 0, i);

      g_assert_nonnull (label);
      g_assert_cmpstr (label->markup, ==, axes[i]);
    }
  for (guint k = 0; k < 3; k++)
    {
      const SdDistributionLabel *label = find_label (view, SD_DISTRIBUTION_LABEL_ELLIPSE, 0, k);

      g_assert_nonnull (label);
      g_assert_cmpstr (label->markup, ==, ellipses[k]);
      g_assert_false (label->framed);
    }
  g_assert_false (sd_distribution_view_get_cdf_range (view, range));
  g_assert_cmpfloat (range[1], ==, 0.0);
  assert_laid_out (view);
}

/* A view drawn is what sd_distribution_figure_render() draws. */
static void
test_render_matches (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution B]\nfamily=binomial\nn=12\np=0.4\n"
                                         "x-range=0;12\nlayers=pdf;cdf;interval;moments\n"
                                         "interval=3;6\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdDistributionView) view = new_view (figure);
  g_autoptr(SdPlot) plot = NULL;
  cairo_surface_t *surfaces[2];
  SdFigureOptions options;
  cairo_rectangle_t legend;
  cairo_t *cr;

  sd_figure_options_init (&options);
  for (guint i = 0; i < 2; i++)
    surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  cr = cairo_create (surfaces[0]);
  sd_distribution_view_render (view, cr);
  cairo_destroy (cr);
  cr = cairo_create (surfaces[1]);
  plot = sd_distribution_figure_render (figure, cr, &options);
  cairo_destroy (cr);

  for (guint i = 0; i < 2; i++)
    cairo_surface_flush (surfaces[i]);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (surfaces[0]),
                           cairo_image_surface_get_data (surfaces[1]),
                           (size_t) cairo_image_surface_get_stride (surfaces[0]) * HEIGHT), ==, 0);
  g_assert_true (sd_distribution_view_get_legend (view, &legend));
  g_assert_cmpmem (&legend, sizeof legend, &figure->legend_box, sizeof figure->legend_box);
  for (guint i = 0; i < 2; i++)
    cairo_surface_destroy (surfaces[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/distribution-labels/normal", test_normal);
  g_test_add_func ("/render/distribution-labels/rise", test_rise);
  g_test_add_func ("/render/distribution-labels/bivariate", test_bivariate);
  g_test_add_func ("/render/distribution-labels/render-matches", test_render_matches);

  return g_test_run ();
}
