/* test-distribution-labels.c: what a distribution figure's labels say and
 * where they go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pango.h>
#include <string.h>

#include "core-error.h"
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

/* Example scenes ---------------------------------------------------------- */

/* The files of the distribution scenes among the examples (data/scenes)
 * and the gallery (docs/gallery). */
static GPtrArray *
example_scenes (void)
{
  static const char * const folders[][2] = { { "data", "scenes" }, { "docs", "gallery" } };
  GPtrArray *scenes = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", folders[f][0],
                                                       folders[f][1], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(SdScene) scene = NULL;

          if (!g_str_has_suffix (name, ".saddle"))
            continue;
          scene = sd_scene_load_file (path, &error);
          g_assert_no_error (error);
          if (scene->kind == SD_SCENE_DISTRIBUTION)
            g_ptr_array_add (scenes, g_steal_pointer (&path));
        }
    }

  g_assert_cmpuint (scenes->len, >=, 15);
  return scenes;
}

static SdDistributionView *
new_view_sized (const SdDistributionFigure *figure,
                double                      width,
                double                      height)
{
  SdFigureOptions options;

  sd_figure_options_init (&options);
  options.width = width;
  options.height = height;
  return sd_distribution_view_new (figure, &options);
}

/* Adds points every point of the way from (x0, y0) to (x1, y1), on the
 * page, those inside @area. */
static void
add_segment (GArray                  *points,
             const cairo_rectangle_t *area,
             double                   x0,
             double                   y0,
             double                   x1,
             double                   y1)
{
  guint n = (guint) ceil (hypot (x1 - x0, y1 - y0));

  for (guint i = 0; i <= n; i++)
    {
      double t = n > 0 ? (double) i / n : 0.0;
      double p[2] = { x0 + t * (x1 - x0), y0 + t * (y1 - y0) };

      if (isfinite (p[0]) && isfinite (p[1]) && p[0] >= area->x && p[1] >= area->y
          && p[0] <= area->x + area->width && p[1] <= area->y + area->height)
        g_array_append_vals (points, p, 2);
    }
}

typedef struct
{
  const SdPlot      *plot;
  cairo_rectangle_t  area;
  double             cdf_range[2];
} Mapping;

static void
map_cdf (const Mapping *mapping,
         double         x,
         double         f,
         double        *px,
         double        *py)
{
  const cairo_rectangle_t *area = &mapping->area;
  const double *range = mapping->cdf_range;

  sd_plot_map (mapping->plot, x, 0.0, px, NULL);
  *py = area->y + area->height * (range[1] - f) / (range[1] - range[0]);
}

/* A density's curve, or a mass function's stems, and the tops of its
 * histogram's bars. */
static void
add_density (GArray                    *points,
             const Mapping             *mapping,
             const SdDistributionCurve *curve)
{
  gboolean discrete = sd_distribution_is_discrete (curve->distribution);

  for (gsize i = 0; (curve->source->layers & SD_LAYER_PDF) && i < curve->n_points; i++)
    {
      double x0, y0, x1, y1;

      sd_plot_map (mapping->plot, curve->x[i], curve->density[i], &x0, &y0);
      if (discrete)
        {
          sd_plot_map (mapping->plot, curve->x[i], 0.0, NULL, &y1);
          add_segment (points, &mapping->area, x0, y0, x0, y1);
          continue;
        }
      if (i + 1 == curve->n_points)
        break;
      sd_plot_map (mapping->plot, curve->x[i + 1], curve->density[i + 1], &x1, &y1);
      add_segment (points, &mapping->area, x0, y0, x1, y1);
    }

  for (guint j = 0; curve->histogram != NULL && j < sd_histogram_get_n_bins (curve->histogram);
       j++)
    {
      double lower, upper, x0, x1, y;

      sd_histogram_get_bin (curve->histogram, j, &lower, &upper);
      sd_plot_map (mapping->plot, lower,
                   sd_histogram_get_count (curve->histogram, j)
                   / ((double) curve->n_samples * (upper - lower)), &x0, &y);
      sd_plot_map (mapping->plot, upper, 0.0, &x1, NULL);
      add_segment (points, &mapping->area, x0, y, x1, y);
    }
}

/* A distribution function's curve, or its steps. */
static void
add_cdf (GArray                    *points,
         const Mapping             *mapping,
         const SdDistributionCurve *curve)
{
  gboolean discrete = sd_distribution_is_discrete (curve->distribution);

  for (gsize i = 0; i + 1 < curve->n_points; i++)
    {
      double x0, y0, x1, y1;

      map_cdf (mapping, curve->x[i], curve->cumulative[i], &x0, &y0);
      map_cdf (mapping, curve->x[i + 1], discrete ? curve->cumulative[i]
                                                  : curve->cumulative[i + 1], &x1, &y1);
      add_segment (points, &mapping->area, x0, y0, x1, y1);
    }
}

/* A bivariate normal's dots and its ellipses at 1, 2 and 3 σ. */
static void
add_bivariate (GArray                    *points,
               const Mapping             *mapping,
               const SdDistributionCurve *curve)
{
  for (gsize i = 0; i < curve->n_scatter; i++)
    {
      double px, py;

      sd_plot_map (mapping->plot, curve->scatter_x[i], curve->scatter_y[i], &px, &py);
      add_segment (points, &mapping->area, px, py, px, py);
    }

  for (guint k = 1; (curve->source->layers & SD_LAYER_PDF) && k <= 3; k++)
    {
      double x[181], y[181];

      sd_bivariate_normal_get_ellipse (curve->bivariate, k, x, y, G_N_ELEMENTS (x));
      for (guint i = 0; i + 1 < G_N_ELEMENTS (x); i++)
        {
          double x0, y0, x1, y1;

          sd_plot_map (mapping->plot, x[i], y[i], &x0, &y0);
          sd_plot_map (mapping->plot, x[i + 1], y[i + 1], &x1, &y1);
          add_segment (points, &mapping->area, x0, y0, x1, y1);
        }
    }
}

/* The data as drawn, computed afresh from the figure's numbers: points a
 * point apart along densities, distribution functions, bar tops and
 * ellipses, and every dot. */
static GArray *
data_points (const SdDistributionFigure *figure,
             const SdDistributionView   *view)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  Mapping mapping = { sd_distribution_view_get_plot (view) };

  sd_plot_get_area (mapping.plot, &mapping.area);
  sd_distribution_view_get_cdf_range (view, mapping.cdf_range);
  for (guint i = 0; i < figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = g_ptr_array_index (figure->curves, i);

      if (figure->bivariate)
        {
          add_bivariate (points, &mapping, curve);
          continue;
        }
      add_density (points, &mapping, curve);
      if (curve->source->layers & SD_LAYER_CDF)
        add_cdf (points, &mapping, curve);
    }
  return points;
}

/* Every example scene at the size the documentation recommends for
 * lecture notes and at the default size: the labels keep apart inside the
 * plot, and the legend lies inside the figure, covers no label and at
 * most 1.5 % of the data. */
static void
test_legend_examples (void)
{
  static const double sizes[][2] = { { 360, 270 }, { 800, 600 } };
  g_autoptr(GPtrArray) scenes = example_scenes ();

  for (guint i = 0; i < scenes->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        const char *path = g_ptr_array_index (scenes, i);
        g_autoptr(SdScene) scene = sd_scene_load_file (path, NULL);
        g_autoptr(SdDistributionFigure) figure = new_figure (scene);
        g_autoptr(SdDistributionView) view = new_view_sized (figure, sizes[s][0], sizes[s][1]);
        g_autoptr(GArray) points = data_points (figure, view);
        const SdDistributionLabel *labels;
        cairo_rectangle_t box;
        gsize covered;
        guint n;

        g_test_message ("%s at %g x %g", path, sizes[s][0], sizes[s][1]);
        assert_laid_out (view);
        g_assert_true (sd_distribution_view_get_legend (view, &box));
        g_assert_cmpfloat (box.x, >=, 0.0);
        g_assert_cmpfloat (box.y, >=, 0.0);
        g_assert_cmpfloat (box.x + box.width, <=, sizes[s][0]);
        g_assert_cmpfloat (box.y + box.height, <=, sizes[s][1]);

        labels = sd_distribution_view_get_labels (view, &n);
        for (guint j = 0; j < n; j++)
          g_assert_false (box.x < labels[j].box.x + labels[j].box.width
                          && labels[j].box.x < box.x + box.width
                          && box.y < labels[j].box.y + labels[j].box.height
                          && labels[j].box.y < box.y + box.height);

        covered = sd_legend_count_points (&box, (const double *) (gpointer) points->data,
                                          points->len / 2);
        g_test_message ("covers %" G_GSIZE_FORMAT " of %u points", covered, points->len / 2);
        g_assert_cmpuint (points->len, >, 200);
        g_assert_cmpfloat (covered, <=, 0.015 * points->len / 2);
      }
}

int
main (int   argc,
      char *argv[])
{
  sd_core_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/distribution-labels/normal", test_normal);
  g_test_add_func ("/render/distribution-labels/rise", test_rise);
  g_test_add_func ("/render/distribution-labels/bivariate", test_bivariate);
  g_test_add_func ("/render/distribution-labels/render-matches", test_render_matches);
  g_test_add_func ("/render/distribution-labels/legend/examples", test_legend_examples);

  return g_test_run ();
}
