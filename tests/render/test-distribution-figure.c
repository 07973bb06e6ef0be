/* test-distribution-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <pango/pango.h>
#include <string.h>

#include "core-error.h"
#include "distribution-figure.h"

#define WIDTH 800
#define HEIGHT 600

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              width;
  int              height;
  double           scale;
} Canvas;

static void
canvas_init (Canvas *canvas,
             double  width,
             double  height,
             double  scale)
{
  canvas->scale = scale;
  canvas->width = (int) ceil (width * scale);
  canvas->height = (int) ceil (height * scale);
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, canvas->width,
                                                canvas->height);
  canvas->cr = cairo_create (canvas->surface);
  cairo_scale (canvas->cr, scale, scale);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

/* The pixel under the point (x, y) of user space, as 0xAARRGGBB. */
static guint32
pixel (Canvas *canvas,
       double  x,
       double  y)
{
  const guint8 *data;
  int i = (int) floor (x * canvas->scale), j = (int) floor (y * canvas->scale);

  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (j, >=, 0);
  g_assert_cmpint (i, <, canvas->width);
  g_assert_cmpint (j, <, canvas->height);

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  return *(const guint32 *) (data + j * cairo_image_surface_get_stride (canvas->surface) + 4 * i);
}

/* The largest difference of a channel between an opaque pixel and @rgba. */
static int
color_distance (guint32       p,
                const double  rgba[4])
{
  int d = 0;

  for (guint c = 0; c < 3; c++)
    {
      int value = (int) (p >> (16 - 8 * c) & 0xff);
      int expected = (int) lround (rgba[c] * 255.0);

      d = MAX (d, ABS (value - expected));
    }
  return d;
}

/* @rgba at @alpha over @background, as the pixel would show it. */
static void
blend (const double rgba[4],
       double       alpha,
       const double background[4],
       double       out[4])
{
  for (guint c = 0; c < 3; c++)
    out[c] = alpha * rgba[c] + (1.0 - alpha) * background[c];
  out[3] = 1.0;
}

/* Whether a pixel within @radius points of (x, y) has colour @rgba. */
static gboolean
color_near (Canvas       *canvas,
            double        x,
            double        y,
            double        radius,
            const double  rgba[4],
            int           tolerance)
{
  double step = 1.0 / canvas->scale;

  for (double dy = -radius; dy <= radius + 1e-9; dy += step)
    for (double dx = -radius; dx <= radius + 1e-9; dx += step)
      {
        if (color_distance (pixel (canvas, x + dx, y + dy), rgba) <= tolerance)
          return TRUE;
      }
  return FALSE;
}

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

static SdPlot *
render_scaled (SdDistributionFigure *figure,
               Canvas               *canvas,
               SdTheme               theme,
               double                presentation)
{
  SdFigureOptions options;
  SdPlot *plot;

  /* Filled in here rather than by sd_figure_options_init(), so that this
   * test links without the figure dispatcher. */
  options.transparent = FALSE;
  options.scale = presentation;
  options.colormap = SD_COLORMAP_VIRIDIS;
  options.width = canvas->width / canvas->scale;
  options.height = canvas->height / canvas->scale;
  options.theme = theme;
  plot = sd_distribution_figure_render (figure, canvas->cr, &options);
  g_assert_nonnull (plot);
  g_assert_cmpint (cairo_status (canvas->cr), ==, CAIRO_STATUS_SUCCESS);
  return plot;
}

static SdPlot *
render (SdDistributionFigure *figure,
        Canvas               *canvas,
        SdTheme               theme)
{
  return render_scaled (figure, canvas, theme, 1.0);
}

static void
curve_color (SdDistributionFigure *figure,
             guint                 index,
             SdTheme               theme,
             double                rgba[4])
{
  sd_distribution_curve_get_color (g_ptr_array_index (figure->curves, index), theme, rgba);
}

static void
background (SdTheme theme,
            double  rgba[4])
{
  SdThemeStyle style;

  sd_theme_get_style (theme, 1.0, &style);
  memcpy (rgba, style.background, 4 * sizeof (double));
}


/* The distribution scenes of the gallery (docs/gallery), which
 * build-aux/gallery exports for people to look at; the tests that need a
 * full figure use them too. */
static const char *const gallery[] = {
  "normal-histogram",
  "t-vs-normal",
  "binomial-cdf",
  "poisson",
  "gamma",
  "beta",
  "exponential-cdf",
  "normal-pdf-cdf",
  "central-limit",
  "binomial-clt",
  "bivariate",
};

static SdScene *
load_gallery_scene (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("distribution-%s.saddle", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "gallery", file,
                                                 NULL);
  SdScene *scene = sd_scene_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

/* Univariate figures ------------------------------------------------------ */

static double
normal_pdf (double x)
{
  return exp (-0.5 * x * x) / sqrt (2.0 * G_PI);
}

static double
normal_cdf (double x)
{
  return 0.5 * erfc (-x / G_SQRT2);
}

/* C(n, k) p^k (1-p)^(n-k) through lgamma, apart from the engine's code. */
static double
binomial_pmf (int    n,
              double p,
              int    k)
{
  return exp (lgamma (n + 1.0) - lgamma (k + 1.0) - lgamma (n - k + 1.0)
              + k * log (p) + (n - k) * log1p (-p));
}

/* The pdf curve's pixels are at sd_plot_map (x, pdf (x)), at scale 1 and 2,
 * with the light fill under it and nothing above it. */
static void
test_pdf_curve (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-4;4\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  static const double xs[] = { -2.5, -1.7, -0.6, 0.3, 1.3, 2.2 };
  double rgba[4], white[4], fill[4];

  background (SD_THEME_LIGHT, white);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  blend (rgba, 0.12, white, fill);

  for (double scale = 1.0; scale <= 2.0; scale += 1.0)
    {
      g_autoptr(SdPlot) plot = NULL;
      Canvas canvas;

      canvas_init (&canvas, WIDTH, HEIGHT, scale);
      plot = render (figure, &canvas, SD_THEME_LIGHT);

      for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
        {
          double px, py;
          gboolean filled = FALSE;

          /* Within a pixel: antialiasing greys the edges of a sloping
           * line's pixels. */
          g_assert_true (sd_plot_map (plot, xs[i], normal_pdf (xs[i]), &px, &py));
          g_assert_true (color_near (&canvas, px, py, 1.0 / scale, rgba, 10));
          g_assert_cmpint (color_distance (pixel (&canvas, px, py - 8), rgba), >, 60);

          /* Below, the fill, unless a grid line crosses there. */
          for (double dy = 10; dy <= 12; dy++)
            filled |= color_distance (pixel (&canvas, px, py + dy), fill) <= 3;
          g_assert_true (filled);
        }

      /* The peak is 1/√(2π) high: the curve is there, and not one and a
       * half line widths higher. */
      {
        double px, py;

        sd_plot_map (plot, 0.0, 1.0 / sqrt (2.0 * G_PI), &px, &py);
        g_assert_cmpint (color_distance (pixel (&canvas, px, py), rgba), <=, 10);
        g_assert_cmpint (color_distance (pixel (&canvas, px, py - 3.0), rgba), >, 60);
      }
      canvas_clear (&canvas);
    }
}

/* Stems at the whole numbers with dots at the mass: binomial(10, 1/2)
 * has C(10, k)/1024 at k. */
static void
test_stems (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution B]\nfamily=binomial\nn=10\np=0.5\n"
                                         "x-range=0;10\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdPlot) plot = NULL;
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  double rgba[4], base;
  Canvas canvas;

  g_assert_cmpuint (curve->n_points, ==, 11);
  g_assert_cmpfloat_with_epsilon (curve->density[5], 252.0 / 1024.0, 1e-15);

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  sd_plot_map (plot, 0.0, 0.0, NULL, &base);

  for (int k = 0; k <= 10; k++)
    {
      double p = binomial_pmf (10, 0.5, k), px, py, gap_x;

      sd_plot_map (plot, k, p, &px, &py);
      sd_plot_map (plot, k + 0.5, p, &gap_x, NULL);
      /* The dot's centre, the stem halfway down, nothing above the dot,
       * nothing between the stems. */
      g_assert_cmpint (color_distance (pixel (&canvas, px, py), rgba), <=, 10);
      g_assert_cmpint (color_distance (pixel (&canvas, px, (py + base) / 2), rgba), <=, 10);
      g_assert_cmpint (color_distance (pixel (&canvas, px, py - 8), rgba), >, 60);
      g_assert_cmpint (color_distance (pixel (&canvas, gap_x, (py + base) / 2), rgba), >, 60);
    }
  canvas_clear (&canvas);
}

/* The histogram counts the seeded draws, in bins like numpy's, scaled to a
 * density whose bars have area 1, and draws each bar that high. */
static void
test_histogram (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-4;4\n"
                                         "samples=1000\nbins=40\nseed=7\nlayers=histogram\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdDistribution) normal = sd_distribution_new_default (SD_FAMILY_NORMAL);
  g_autoptr(SdPlot) plot = NULL;
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  double draws[1000];
  guint64 counts[40] = { 0 }, tallest = 0;
  double area = 0.0, rgba[4], white[4], fill[4], px, py;
  guint highest = 0;
  Canvas canvas;

  g_assert_nonnull (curve->histogram);
  g_assert_cmpuint (curve->n_samples, ==, 1000);
  g_assert_cmpuint (sd_histogram_get_n_bins (curve->histogram), ==, 40);

  /* The same draws, binned here by hand: floor((x + 4) / 0.2). */
  sd_distribution_sample (normal, 7, draws, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      if (draws[i] >= -4.0 && draws[i] <= 4.0)
        counts[MIN ((guint) floor ((draws[i] + 4.0) / 0.2), 39)]++;
    }

  for (guint i = 0; i < 40; i++)
    {
      double a = -4.0 + 0.2 * i, b = a + 0.2;
      double expected = 1000.0 * (normal_cdf (b) - normal_cdf (a));
      guint64 count = sd_histogram_get_count (curve->histogram, i);

      g_assert_cmpuint (count, ==, counts[i]);
      g_assert_cmpfloat (fabs (count - expected), <=, 5.0 * sqrt (expected) + 2.0);
      area += count / (1000.0 * 0.2) * 0.2;
      if (count > tallest)
        {
          tallest = count;
          highest = i;
        }
    }
  /* All but the draws beyond ±4 (P = 6.3e-5 each) are inside. */
  g_assert_cmpfloat_with_epsilon (area, sd_histogram_get_n_inside (curve->histogram) / 1000.0,
                                  1e-12);
  g_assert_cmpfloat (area, >, 0.99);
  g_assert_cmpfloat (area, <=, 1.0 + 1e-12);

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  background (SD_THEME_LIGHT, white);
  blend (rgba, 0.30, white, fill);

  /* The tallest bar's top edge is at its density. */
  sd_plot_map (plot, -4.0 + 0.2 * highest + 0.1, tallest / (1000.0 * 0.2), &px, &py);
  g_assert_true (color_near (&canvas, px, py + 4, 0.0, fill, 4)
                 || color_near (&canvas, px, py + 5, 0.0, fill, 4));
  g_assert_cmpint (color_distance (pixel (&canvas, px, py - 4), fill), >, 20);
  canvas_clear (&canvas);
}

/* Bars estimate the density: a count over all the draws, n, times the
 * width, even when draws fall outside the range. An eighth of Cauchy's
 * draws fall outside −5..5 (1 − 2/π atan 5 = 0.1257 of them), so scaling
 * by the draws inside, as numpy.histogram(density=True) does, would make
 * the bars 14 % too tall. */
static void
test_histogram_outside (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution C]\nfamily=cauchy\nx-range=-5;5\n"
                                         "samples=10000\nbins=20\nlayers=histogram\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  g_autoptr(SdPlot) plot = NULL;
  guint64 inside = sd_histogram_get_n_inside (curve->histogram), count;
  double rgba[4], white[4], fill[4], px, py, py_inside;
  Canvas canvas;

  g_assert_cmpfloat (fabs (inside / 1e4 - 2.0 / G_PI * atan (5.0)), <, 0.02);
  /* The bin [0, 0.5) holds about atan(0.5)/π = 14.8 % of the draws. */
  count = sd_histogram_get_count (curve->histogram, 10);

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  background (SD_THEME_LIGHT, white);
  blend (rgba, 0.30, white, fill);
  sd_plot_map (plot, 0.25, count / (1e4 * 0.5), &px, &py);
  sd_plot_map (plot, 0.25, count / (inside * 0.5), NULL, &py_inside);
  g_assert_cmpfloat (py - py_inside, >, 8.0);
  g_assert_true (color_near (&canvas, px, py + 3, 1.0, fill, 4));
  g_assert_false (color_near (&canvas, px, (py + py_inside) / 2, 1.0, fill, 10));
  canvas_clear (&canvas);
}

/* 10^7 draws are counted in one pass and their bars have area 1. */
static void
test_histogram_large (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-5;5\n"
                                         "samples=10000000\nbins=1000\nlayers=pdf;histogram\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  g_autoptr(SdPlot) plot = NULL;
  double area = 0.0, p_inside = normal_cdf (5.0) - normal_cdf (-5.0);
  Canvas canvas;

  g_assert_cmpuint (curve->n_samples, ==, 10000000);
  for (guint i = 0; i < sd_histogram_get_n_bins (curve->histogram); i++)
    area += sd_histogram_get_count (curve->histogram, i) / 1e7;
  /* Binomial noise on 10^7 draws: 5 sd of the fraction outside. */
  g_assert_cmpfloat (fabs (area - p_inside), <,
                     5.0 * sqrt (p_inside * (1 - p_inside) / 1e7) + 1e-9);

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_DARK);
  canvas_clear (&canvas);
}

/* P(−1 ≤ X ≤ 1) of the standard normal is erf(1/√2), written with four
 * decimals, and shaded between −1 and 1 only. */
static void
test_interval (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-4;4\n"
                                         "interval=-1;1\nlayers=pdf;interval\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  g_autofree char *markup = NULL;
  g_autoptr(SdPlot) plot = NULL;
  double rgba[4], white[4], light[4], shaded[4], px, py;
  Canvas canvas;

  g_assert_cmpfloat_with_epsilon (curve->probability, erf (1.0 / G_SQRT2), 1e-12);
  markup = sd_distribution_interval_markup (-1.0, 1.0, curve->probability);
  g_assert_cmpstr (markup, ==, "P(−1 ≤ <i>X</i> ≤ 1) = 0.6827");

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  background (SD_THEME_LIGHT, white);
  blend (rgba, 0.12, white, light);
  blend (rgba, 0.40, light, shaded);

  sd_plot_map (plot, 0.7, 0.03, &px, &py);
  g_assert_true (color_near (&canvas, px, py, 1.0, shaded, 3));
  sd_plot_map (plot, -0.7, 0.03, &px, &py);
  g_assert_true (color_near (&canvas, px, py, 1.0, shaded, 3));
  sd_plot_map (plot, 1.7, 0.03, &px, &py);
  g_assert_true (color_near (&canvas, px, py, 1.0, light, 3));
  g_assert_false (color_near (&canvas, px, py, 1.0, shaded, 10));
  canvas_clear (&canvas);
}

/* A discrete interval includes both ends: P(3 ≤ X ≤ 7) of binomial(10, 1/2)
 * is (120 + 210 + 252 + 210 + 120)/1024; the stems outside it fade. */
static void
test_interval_discrete (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution B]\nfamily=binomial\nn=10\np=0.5\n"
                                         "x-range=0;10\ninterval=3;7\nlayers=pdf;interval\n"
                                         "[Distribution C]\nfamily=binomial\nn=10\np=0.5\n"
                                         "x-range=0;10\ninterval=2.5;7.5\nlayers=cdf;interval\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  g_autofree char *markup = NULL;
  g_autoptr(SdPlot) plot = NULL;
  double rgba[4], white[4], faded[4], px, py, base;
  Canvas canvas;

  g_assert_cmpfloat_with_epsilon (curve->probability, 912.0 / 1024.0, 1e-12);
  markup = sd_distribution_interval_markup (3.0, 7.0, curve->probability);
  g_assert_cmpstr (markup, ==, "P(3 ≤ <i>X</i> ≤ 7) = 0.8906");
  curve = g_ptr_array_index (figure->curves, 1);
  g_assert_cmpfloat_with_epsilon (curve->probability, 912.0 / 1024.0, 1e-12);

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  background (SD_THEME_LIGHT, white);
  blend (rgba, 0.30, white, faded);
  sd_plot_map (plot, 0.0, 0.0, NULL, &base);

  /* The stems stand a little apart, side by side, but only one figure's
   * distribution draws stems here, so they are on the whole numbers. */
  sd_plot_map (plot, 1.0, binomial_pmf (10, 0.5, 1), &px, &py);
  g_assert_true (color_near (&canvas, px, (py + base) / 2, 0.0, faded, 6));
  sd_plot_map (plot, 5.0, binomial_pmf (10, 0.5, 5), &px, &py);
  g_assert_true (color_near (&canvas, px, (py + base) / 2, 0.0, rgba, 10));
  canvas_clear (&canvas);
}

static void
test_interval_markup (void)
{
  static const struct
  {
    double      a, b, p;
    const char *markup;
  } cases[] = {
    /* scipy.stats.norm.cdf(1.96) - scipy.stats.norm.cdf(-1.96) */
    { -1.96, 1.96, 0.9500042097035591, "P(−1.96 ≤ <i>X</i> ≤ 1.96) = 0.9500" },
    /* 1 - 2 * scipy.stats.norm.sf(5): 1 − 5.7e-7 must not read as 1 */
    { -5.0, 5.0, 0.9999994266968562, "P(−5 ≤ <i>X</i> ≤ 5) = 0.99999943" },
    /* scipy.stats.norm.sf(5): two significant digits below 0.01, in
     * scientific notation too */
    { 5.0, 10.0, 2.866515718791939e-07, "P(5 ≤ <i>X</i> ≤ 10) = 2.9×10<sup>−7</sup>" },
    /* scipy.stats.norm.sf(3) */
    { 3.0, 10.0, 0.0013498980316301, "P(3 ≤ <i>X</i> ≤ 10) = 0.0013" },
    { 0.5, 0.25e-5, 0.0, "P(0.5 ≤ <i>X</i> ≤ 2.5×10<sup>−6</sup>) = 0" },
    { -2500000.0, 0.0, 1.0, "P(−2.5×10<sup>6</sup> ≤ <i>X</i> ≤ 0) = 1" },
    /* The ends keep their six significant digits in scientific notation. */
    { -9.9996e-5, 9.9996e6, 0.5,
      "P(−9.9996×10<sup>−5</sup> ≤ <i>X</i> ≤ 9.9996×10<sup>6</sup>) = 0.5000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = sd_distribution_interval_markup (cases[i].a, cases[i].b,
                                                                 cases[i].p);

      g_assert_cmpstr (markup, ==, cases[i].markup);
      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
    }
}

/* The number of pixels of colour @rgba in the pixel column at @x, over
 * the plot area, the best of the columns within a pixel of @x. */
static guint
column_count (Canvas                  *canvas,
              const cairo_rectangle_t *area,
              double                   x,
              const double             rgba[4])
{
  guint best = 0;

  for (int dx = -1; dx <= 1; dx++)
    {
      guint count = 0;

      for (double y = area->y + 1; y < area->y + area->height - 1; y += 1.0 / canvas->scale)
        count += color_distance (pixel (canvas, x + dx / canvas->scale, y), rgba) <= 10;
      best = MAX (best, count);
    }
  return best;
}

/* A solid line at the mean, dashed ones at mean ± sd, none for moments
 * that do not exist. Gamma(k = 2, θ = 1.5) has mean kθ = 3 and sd
 * √k θ = 2.1213. */
static void
test_moments (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution G]\nfamily=gamma\nshape=2\nscale=1.5\n"
                                         "x-range=0;15\nlayers=pdf;moments\n"
                                         "[Distribution C]\nfamily=cauchy\nlocation=10\n"
                                         "x-range=0;15\nlayers=pdf;moments\n"
                                         "[Distribution T]\nfamily=student-t\ndof=2\n"
                                         "x-range=0;15\nlayers=moments\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *gamma = g_ptr_array_index (figure->curves, 0);
  SdDistributionCurve *cauchy = g_ptr_array_index (figure->curves, 1);
  SdDistributionCurve *t = g_ptr_array_index (figure->curves, 2);
  g_autoptr(SdPlot) plot = NULL;
  cairo_rectangle_t area;
  double rgba[4], px;
  Canvas canvas;

  g_assert_cmpfloat_with_epsilon (gamma->mean, 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gamma->sd, 1.5 * G_SQRT2, 1e-12);
  g_assert_true (isnan (cauchy->mean));
  g_assert_true (isnan (cauchy->sd));
  g_assert_cmpfloat (t->mean, ==, 0.0);
  g_assert_true (isnan (t->sd));

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  sd_plot_get_area (plot, &area);

  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  sd_plot_map (plot, 3.0, 0.0, &px, NULL);
  g_assert_cmpuint (column_count (&canvas, &area, px, rgba), >, 0.6 * area.height);
  for (int sign = -1; sign <= 1; sign += 2)
    {
      guint count;

      sd_plot_map (plot, 3.0 + sign * 1.5 * G_SQRT2, 0.0, &px, NULL);
      count = column_count (&canvas, &area, px, rgba);
      g_assert_cmpuint (count, >, 0.3 * area.height);
      g_assert_cmpuint (count, <, 0.8 * area.height);
    }
  sd_plot_map (plot, 3.0, 0.0, &px, NULL);
  g_assert_cmpuint (column_count (&canvas, &area, px + 8, rgba), <, 0.1 * area.height);

  /* Cauchy at 10: its curve crosses the column, no line runs along it. */
  curve_color (figure, 1, SD_THEME_LIGHT, rgba);
  sd_plot_map (plot, 10.0, 0.0, &px, NULL);
  g_assert_cmpuint (column_count (&canvas, &area, px, rgba), <, 0.1 * area.height);
  canvas_clear (&canvas);
}

/* Legend entries say what the group's name does not: the family unless
 * the name says it as a word, the parameters (three significant digits)
 * unless the name says the family and every parameter's value too. */
static void
test_legend_names (void)
{
  static const struct
  {
    const char *group;
    const char *label;
  } cases[] = {
    { "[Distribution Normal]\nfamily=normal\n", "Normal (μ = 0, σ = 1)" },
    { "[Distribution Student t, 2 dof]\nfamily=student-t\ndof=2\n", "Student t, 2 dof" },
    { "[Distribution Student-t 2]\nfamily=student-t\ndof=2\n", "Student-t 2" },
    /* The name says the family, but not the parameter it has. */
    { "[Distribution Student t, 3 dof]\nfamily=student-t\ndof=2\n",
      "Student t, 3 dof (ν = 2)" },
    { "[Distribution Gamma 2]\nfamily=gamma\nshape=2\n", "Gamma 2 (<i>k</i> = 2, θ = 1)" },
    { "[Distribution Normal(−1, 2)]\nfamily=normal\nmean=-1\nsd=2\nsamples=100\n",
      "Normal(−1, 2) (100 samples)" },
    { "[Distribution Normal(1, 2)]\nfamily=normal\nmean=-1\nsd=2\n",
      "Normal(1, 2) (μ = −1, σ = 2)" },
    /* "F" is a word of its own, not the start of "Fit". */
    { "[Distribution Fit]\nfamily=f\n",
      "Fit (F, <i>d</i><sub>1</sub> = 5, <i>d</i><sub>2</sub> = 10)" },
    { "[Distribution F(5, 10)]\nfamily=f\n", "F(5, 10)" },
    /* The approximation of data/scenes/central-limit.saddle: σ = √7.5,
     * written as figures write numbers, 2.74, not 2.73861. */
    { "[Distribution Normal approximation]\nfamily=normal\nmean=10\nsd=2.7386127875258306\n",
      "Normal approximation (μ = 10, σ = 2.74)" },
    { "[Distribution Sum]\nfamily=binomial\nn=40\np=0.25\nsamples=20000\n",
      "Sum (binomial, <i>n</i> = 40, <i>p</i> = 0.25; 20\u2009000 samples)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("[Scene]\nversion=1\nkind=distribution\n",
                                           cases[i].group, NULL);
      g_autoptr(SdScene) scene = load_scene (text);
      g_autoptr(SdDistributionFigure) figure = new_figure (scene);
      g_autofree char *label = sd_distribution_curve_get_label (g_ptr_array_index (figure->curves,
                                                                                   0));

      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_true (pango_parse_markup (label, -1, 0, NULL, NULL, NULL, NULL));
    }
}

/* One legend entry per distribution, named after the group, with the
 * family and its parameters, each entry's line in its colour. */
static void
test_legend (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-5;12\n"
                                         "[Distribution t]\nfamily=student-t\ndof=3\n"
                                         "x-range=-5;12\n"
                                         "[Distribution A<B]\nfamily=poisson\nmean=4\n"
                                         "x-range=0;12\nsamples=20000\nlayers=pdf;histogram\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdLegend) legend = NULL;
  g_autoptr(SdPlot) plot = NULL;
  static const char * const labels[] = {
    "N (normal, μ = 0, σ = 1)",
    "t (Student t, ν = 3)",
    "A&lt;B (Poisson, λ = 4; 20\u2009000 samples)",
  };
  cairo_rectangle_t area, *box = &figure->legend_box;
  SdThemeStyle style;
  double previous = -1.0;
  Canvas canvas;

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  legend = sd_distribution_figure_create_legend (figure, &style);
  g_assert_cmpuint (sd_legend_get_n_entries (legend), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *label = sd_distribution_curve_get_label (g_ptr_array_index (figure->curves,
                                                                                   i));

      g_assert_cmpstr (label, ==, labels[i]);
    }

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  sd_plot_get_area (plot, &area);
  g_assert_cmpfloat (box->width, >, 100.0);
  g_assert_cmpfloat (box->x, >=, area.x);
  g_assert_cmpfloat (box->y, >=, area.y);
  g_assert_cmpfloat (box->x + box->width, <=, area.x + area.width);
  g_assert_cmpfloat (box->y + box->height, <=, area.y + area.height);

  /* Each entry's sample, top to bottom in order, in the entry's colour. */
  for (guint i = 0; i < 3; i++)
    {
      double rgba[4], row = -1.0;

      curve_color (figure, i, SD_THEME_LIGHT, rgba);
      for (double y = box->y; row < 0.0 && y < box->y + box->height; y += 1.0)
        for (double x = box->x; row < 0.0 && x < box->x + 0.2 * box->width; x += 1.0)
          if (color_distance (pixel (&canvas, x, y), rgba) <= 10)
            row = y;
      g_assert_cmpfloat (row, >, previous);
      previous = row;
    }
  canvas_clear (&canvas);
}

/* A distribution function alone is on the main axis; beside a density, on
 * the right axis, whose range the figure reports. */
static void
test_cdf (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution N]\nfamily=normal\nx-range=-4;4\n"
                                         "layers=cdf\n");
  g_autoptr(SdScene) steps = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution B]\nfamily=binomial\nn=20\np=0.3\n"
                                         "x-range=0;20\nlayers=cdf\n");
  g_autoptr(SdScene) twin = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                        "[Distribution N]\nfamily=normal\nx-range=-4;4\n"
                                        "layers=pdf;cdf\n");
  static const double xs[] = { -1.5, -0.4, 0.6, 1.8 };
  double rgba[4];

  {
    g_autoptr(SdDistributionFigure) figure = new_figure (scene);
    g_autoptr(SdPlot) plot = NULL;
    Canvas canvas;

    /* The print theme's lines are 1.25 pt: two pixels and a half at
     * scale 2, so some pixels are covered fully. */
    canvas_init (&canvas, WIDTH, HEIGHT, 2.0);
    plot = render (figure, &canvas, SD_THEME_PRINT);
    curve_color (figure, 0, SD_THEME_PRINT, rgba);
    for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
      {
        double px, py;

        sd_plot_map (plot, xs[i], normal_cdf (xs[i]), &px, &py);
        g_assert_true (color_near (&canvas, px, py, 1.0, rgba, 10));
      }
    /* The main axis: 0 a little above the frame, 1 below the top. */
    g_assert_cmpfloat (figure->cdf_range[0], <, 0.0);
    g_assert_cmpfloat (figure->cdf_range[0], >, -0.05);
    g_assert_cmpfloat (figure->cdf_range[1], >=, 1.0);
    {
      double y_min, y_max;

      sd_plot_get_range (plot, SD_AXIS_Y, &y_min, &y_max);
      g_assert_cmpfloat (y_min, ==, figure->cdf_range[0]);
      g_assert_cmpfloat (y_max, ==, figure->cdf_range[1]);
    }
    canvas_clear (&canvas);
  }

  {
    g_autoptr(SdDistributionFigure) figure = new_figure (steps);
    g_autoptr(SdPlot) plot = NULL;
    double f = 0.0;
    Canvas canvas;

    canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
    plot = render (figure, &canvas, SD_THEME_LIGHT);
    curve_color (figure, 0, SD_THEME_LIGHT, rgba);
    for (int k = 0; k <= 12; k++)
      {
        double px, py;

        f += binomial_pmf (20, 0.3, k);
        sd_plot_map (plot, k, f, &px, &py);
        g_assert_true (color_near (&canvas, px, py, 0.0, rgba, 10));
        /* Right after the dot the step runs flat at F(k). */
        sd_plot_map (plot, k + 0.5, f, &px, &py);
        g_assert_true (color_near (&canvas, px, py, 0.0, rgba, 10));
      }
    canvas_clear (&canvas);
  }

  {
    g_autoptr(SdDistributionFigure) figure = new_figure (twin);
    g_autoptr(SdPlot) plot = NULL;
    cairo_rectangle_t area;
    double *range = figure->cdf_range;
    guint found = 0;
    Canvas canvas;

    canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
    plot = render (figure, &canvas, SD_THEME_LIGHT);
    curve_color (figure, 0, SD_THEME_LIGHT, rgba);
    sd_plot_get_area (plot, &area);
    g_assert_cmpfloat (range[0], ==, 0.0);
    g_assert_cmpfloat (range[1], >, 1.0);

    /* The right axis leaves room right of the plot for its labels. */
    g_assert_cmpfloat (area.x + area.width, <, WIDTH - 50);

    /* The dashed curve: where a dash is, it is at F(x) on the right axis. */
    for (double x = 1.0; x <= 3.0; x += 0.05)
      {
        double px, py = area.y + area.height * (range[1] - normal_cdf (x)) / (range[1] - range[0]);

        sd_plot_map (plot, x, 0.0, &px, NULL);
        if (color_near (&canvas, px, py, 0.0, rgba, 10))
          found++;
        else
          g_assert_false (color_near (&canvas, px, py - 6, 0.0, rgba, 10)
                          && color_near (&canvas, px, py + 6, 0.0, rgba, 10));
      }
    g_assert_cmpuint (found, >, 15);
    canvas_clear (&canvas);
  }
}


/* Unbounded densities and crowded whole numbers ---------------------------- */

/* Gamma(1/2) grows without bound at 0; the y range is cut at twice its
 * peak away from the ends rather than squashing the curve. */
static void
test_unbounded (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution G]\nfamily=gamma\nshape=0.5\nscale=1\n"
                                         "x-range=0;5\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdPlot) plot = NULL;
  double y_min, y_max;
  Canvas canvas;

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  sd_plot_get_range (plot, SD_AXIS_Y, &y_min, &y_max);
  /* The density at x = 0.25 (the 5 % of points nearest 0 left out) is
   * x^(-1/2) e^(-x) / Γ(1/2) = 0.8788; the cut is twice that. */
  g_assert_cmpfloat (y_min, ==, 0.0);
  g_assert_cmpfloat (y_max, >, 2.0 * 0.87878);
  g_assert_cmpfloat (y_max, <, 2.2 * 0.87878);
  canvas_clear (&canvas);
}

/* Poisson(10^6) over 2·10^6 whole numbers: capped at
 * SD_DISTRIBUTION_FIGURE_MAX_INTEGERS evaluated points, drawn as an
 * outline whose path has a few points per pixel column, so an SVG of it
 * stays small. */
static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_dense (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution P]\nfamily=poisson\nmean=1000000\n"
                                         "x-range=0;2000000\nlayers=pdf;cdf\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  g_autoptr(SdPlot) plot = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize bytes = 0;
  SdFigureOptions options = { WIDTH, HEIGHT, SD_THEME_LIGHT, FALSE, 1.0, SD_COLORMAP_VIRIDIS };

  g_assert_cmpuint (curve->n_points, ==, SD_DISTRIBUTION_FIGURE_MAX_INTEGERS);
  g_assert_cmpfloat (curve->x[0], ==, 0.0);
  g_assert_cmpfloat (curve->x[curve->n_points - 1], ==, 2000000.0);

  surface = cairo_svg_surface_create_for_stream (count_bytes, &bytes, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  plot = sd_distribution_figure_render (figure, cr, &options);
  g_assert_nonnull (plot);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* 10^5 points would take several megabytes. */
  g_assert_cmpuint (bytes, <, 300000);
}

/* The plane figure --------------------------------------------------------- */

/* Covariance (2, 1.2; 1.2, 1): eigenvalues 3/2 ± √(9/4 − 0.56) = 2.8 and
 * 0.2, the first with eigenvector (1.2, 0.8)/|(1.2, 0.8)|. */
#define LAMBDA1 2.8
#define LAMBDA2 0.2

static void
eigenvector (double v[2])
{
  double norm = hypot (1.2, 0.8);

  v[0] = 1.2 / norm;
  v[1] = 0.8 / norm;
}

static void
test_bivariate (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution P]\nfamily=bivariate-normal\n"
                                         "mean=1;-0.5\ncovariance=2;1.2;1\nx-range=-5;7\n"
                                         "y-range=-5;4\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  g_autoptr(SdPlot) plot = NULL;
  double rgba[4], v1[2], v2[2], x0, y0, x1, y1, px, py;
  Canvas canvas;

  g_assert_true (figure->bivariate);
  eigenvector (v1);
  v2[0] = -v1[1];
  v2[1] = v1[0];

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);

  /* Equal aspect: a unit is as long across as up. */
  sd_plot_map (plot, 0.0, 0.0, &x0, &y0);
  sd_plot_map (plot, 1.0, 1.0, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1 - x0, y0 - y1, 1e-9);

  /* The covariance ellipse passes through mean + √λ1 v1, where the first
   * principal axis' arrow ends, and through mean + √λ2 v2. */
  sd_plot_map (plot, 1.0 + sqrt (LAMBDA1) * v1[0], -0.5 + sqrt (LAMBDA1) * v1[1], &px, &py);
  g_assert_true (color_near (&canvas, px, py, 1.0, rgba, 10));
  for (double t = 0.6; t < 1.3; t += 0.3)
    {
      double u = cos (t) * sqrt (LAMBDA1), w = sin (t) * sqrt (LAMBDA2);

      sd_plot_map (plot, 1.0 + u * v1[0] + w * v2[0], -0.5 + u * v1[1] + w * v2[1], &px, &py);
      g_assert_true (color_near (&canvas, px, py, 1.0, rgba, 10));
    }

  /* The arrow's shaft halfway, its head just inside the tip; nothing
   * beyond the tip on the axis but the faint dashed line and shading. */
  sd_plot_map (plot, 1.0 + 0.5 * sqrt (LAMBDA1) * v1[0], -0.5 + 0.5 * sqrt (LAMBDA1) * v1[1],
               &px, &py);
  g_assert_true (color_near (&canvas, px, py, 0.0, rgba, 10));
  sd_plot_map (plot, 1.0 + 0.95 * sqrt (LAMBDA1) * v1[0], -0.5 + 0.95 * sqrt (LAMBDA1) * v1[1],
               &px, &py);
  g_assert_true (color_near (&canvas, px, py, 0.0, rgba, 10));
  sd_plot_map (plot, 1.0 + 1.45 * sqrt (LAMBDA1) * v1[0], -0.5 + 1.45 * sqrt (LAMBDA1) * v1[1],
               &px, &py);
  g_assert_false (color_near (&canvas, px, py, 1.0, rgba, 10));
  /* The second axis' arrow, λ2 long. */
  sd_plot_map (plot, 1.0 + 0.5 * sqrt (LAMBDA2) * v2[0], -0.5 + 0.5 * sqrt (LAMBDA2) * v2[1],
               &px, &py);
  g_assert_true (color_near (&canvas, px, py, 0.0, rgba, 10));

  g_assert_cmpuint (figure->legend_box.width, >, 0);
  canvas_clear (&canvas);
}

/* A scatter of many samples shows the first 20000 draws, which have the
 * scene's covariance. */
static void
test_scatter (void)
{
  g_autoptr(SdScene) scene = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution P]\nfamily=bivariate-normal\n"
                                         "covariance=2;1.2;1\nsamples=50000\nseed=3\n"
                                         "layers=histogram\n");
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdDistributionCurve *curve = g_ptr_array_index (figure->curves, 0);
  g_autofree char *label = sd_distribution_curve_get_label (curve);
  g_autoptr(SdPlot) plot = NULL;
  double mx = 0.0, my = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0, rgba[4], white[4];
  gsize n = curve->n_scatter, dark = 0;
  Canvas canvas;

  g_assert_cmpuint (n, ==, SD_DISTRIBUTION_FIGURE_MAX_SCATTER);
  g_assert_cmpuint (curve->n_samples, ==, 50000);
  g_assert_cmpstr (label, ==, "P (μ = (0, 0), Σ = (2, 1.2; 1.2, 1); "
                              "20\u2009000 of 50\u2009000 samples)");

  for (gsize i = 0; i < n; i++)
    {
      mx += curve->scatter_x[i] / n;
      my += curve->scatter_y[i] / n;
    }
  for (gsize i = 0; i < n; i++)
    {
      sxx += (curve->scatter_x[i] - mx) * (curve->scatter_x[i] - mx) / (n - 1);
      sxy += (curve->scatter_x[i] - mx) * (curve->scatter_y[i] - my) / (n - 1);
      syy += (curve->scatter_y[i] - my) * (curve->scatter_y[i] - my) / (n - 1);
    }
  /* Standard errors on 20000 draws are about 0.02. */
  g_assert_cmpfloat (fabs (mx), <, 0.05);
  g_assert_cmpfloat (fabs (my), <, 0.05);
  g_assert_cmpfloat (fabs (sxx - 2.0), <, 0.1);
  g_assert_cmpfloat (fabs (sxy - 1.2), <, 0.1);
  g_assert_cmpfloat (fabs (syy - 1.0), <, 0.05);

  /* The dots darken the plot where they crowd, around the mean, and leave
   * it clear far off the major axis. */
  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = render (figure, &canvas, SD_THEME_LIGHT);
  curve_color (figure, 0, SD_THEME_LIGHT, rgba);
  background (SD_THEME_LIGHT, white);
  for (double dy = -0.3; dy <= 0.3; dy += 0.1)
    for (double dx = -0.3; dx <= 0.3; dx += 0.1)
      {
        double px, py;

        sd_plot_map (plot, dx, dy, &px, &py);
        dark += color_distance (pixel (&canvas, px, py), white) > 60;
      }
  g_assert_cmpuint (dark, >=, 30);
  {
    double px, py;

    sd_plot_map (plot, -2.5, 2.5, &px, &py);
    g_assert_false (color_near (&canvas, px, py, 2.0, rgba, 100));
  }
  canvas_clear (&canvas);
}

/* The first distribution decides the figure; the others of the other kind
 * are left out. */
static void
test_mixed (void)
{
  g_autoptr(SdScene) line = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                        "[Distribution N]\nfamily=normal\n"
                                        "[Distribution P]\nfamily=bivariate-normal\n"
                                        "[Distribution E]\nfamily=exponential\n");
  g_autoptr(SdScene) plane = load_scene ("[Scene]\nversion=1\nkind=distribution\n"
                                         "[Distribution P]\nfamily=bivariate-normal\n"
                                         "[Distribution N]\nfamily=normal\n"
                                         "[Distribution Q]\nfamily=bivariate-normal\n"
                                         "mean=1;1\n");
  g_autoptr(SdDistributionFigure) a = new_figure (line);
  g_autoptr(SdDistributionFigure) b = new_figure (plane);
  SdDistributionCurve *second;

  g_assert_false (a->bivariate);
  g_assert_cmpuint (a->curves->len, ==, 2);
  second = g_ptr_array_index (a->curves, 1);
  g_assert_cmpstr (second->source->name, ==, "E");
  g_assert_cmpuint (second->index, ==, 1);

  g_assert_true (b->bivariate);
  g_assert_cmpuint (b->curves->len, ==, 2);
  second = g_ptr_array_index (b->curves, 1);
  g_assert_cmpstr (second->source->name, ==, "Q");
}

/* Output ------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
count_paths (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  if (g_str_equal (element, "path"))
    (*(guint *) user_data)++;
}

/* The same drawing on vector surfaces: an SVG that parses as XML with the
 * figure's paths, and a PDF. */
static void
test_vector (void)
{
  g_autoptr(SdScene) scene = load_gallery_scene (gallery[0]);
  g_autoptr(SdScene) plane = load_gallery_scene (gallery[G_N_ELEMENTS (gallery) - 1]);
  SdFigureOptions options = { WIDTH, HEIGHT, SD_THEME_PRINT, FALSE, 1.0, SD_COLORMAP_VIRIDIS };
  const GMarkupParser parser = { count_paths, NULL, NULL, NULL, NULL };
  const SdScene *scenes[] = { scene, plane };

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    {
      g_autoptr(GByteArray) svg = g_byte_array_new ();
      g_autoptr(GByteArray) pdf = g_byte_array_new ();
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SdPlot) plot = NULL;
      g_autoptr(SdPlot) plot2 = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      guint paths = 0;

      surface = cairo_svg_surface_create_for_stream (append_bytes, svg, WIDTH, HEIGHT);
      cr = cairo_create (surface);
      plot = sd_distribution_figure_draw (cr, scenes[i], &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (plot);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      context = g_markup_parse_context_new (&parser, 0, &paths, NULL);
      g_assert_true (g_markup_parse_context_parse (context, (const char *) svg->data, svg->len,
                                                   &error));
      g_assert_no_error (error);
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      /* Bars, curves, lines, plates, the frame and the glyphs' paths. */
      g_assert_cmpuint (paths, >, 40);

      surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, WIDTH, HEIGHT);
      cr = cairo_create (surface);
      plot2 = sd_distribution_figure_draw (cr, scenes[i], &options, NULL, &error);
      g_assert_no_error (error);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      g_assert_cmpuint (pdf->len, >, 1000);
      g_assert_true (memcmp (pdf->data, "%PDF-1.", 7) == 0);
      g_assert_nonnull (g_strstr_len ((const char *) pdf->data + pdf->len - 64, 64, "%%EOF"));
    }
}

/* A transparent figure leaves the background alone; a figure too small for
 * a plot draws its frame and nothing else, without failing. */
static void
test_transparent_and_tiny (void)
{
  g_autoptr(SdScene) scene = load_gallery_scene (gallery[0]);
  g_autoptr(SdDistributionFigure) figure = new_figure (scene);
  SdFigureOptions options = { WIDTH, HEIGHT, SD_THEME_DARK, TRUE, 1.0, SD_COLORMAP_VIRIDIS };
  g_autoptr(SdPlot) plot = NULL;
  g_autoptr(SdPlot) tiny = NULL;
  Canvas canvas;

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = sd_distribution_figure_render (figure, canvas.cr, &options);
  g_assert_cmphex (pixel (&canvas, 1, 1) >> 24, ==, 0);
  g_assert_cmphex (pixel (&canvas, WIDTH - 2, HEIGHT - 2) >> 24, ==, 0);
  canvas_clear (&canvas);

  canvas_init (&canvas, 20, 15, 1.0);
  options.width = 20;
  options.height = 15;
  tiny = sd_distribution_figure_render (figure, canvas.cr, &options);
  g_assert_nonnull (tiny);
  g_assert_cmpfloat (figure->legend_box.width, ==, 0.0);
  g_assert_cmpint (cairo_status (canvas.cr), ==, CAIRO_STATUS_SUCCESS);
  canvas_clear (&canvas);
}

/* Errors ---------------------------------------------------------------------- */

static SdScene *
new_scene (const char           *family,
           SdSceneDistribution **distribution)
{
  SdScene *scene = sd_scene_new (SD_SCENE_DISTRIBUTION);
  SdSceneDistribution *d = sd_scene_add_distribution (scene, "Bad");

  d->family = g_strdup (family);
  d->n_values = g_str_equal (family, "bivariate-normal") ? 5 : 2;
  d->values = g_new0 (double, d->n_values);
  d->values[1] = 1.0;
  d->x_range[0] = -3.0;
  d->x_range[1] = 3.0;
  d->y_range[0] = -3.0;
  d->y_range[1] = 3.0;
  *distribution = d;
  return scene;
}

static void
expect_error (const SdScene *scene,
              int            code,
              const char    *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDistributionFigure) figure = sd_distribution_figure_new (scene, NULL, &error);

  g_assert_null (figure);
  g_assert_error (error, SD_CORE_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("'%s' does not mention '%s'", error->message, fragment);
}

static void
test_errors (void)
{
  SdSceneDistribution *d;

  {
    g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_DISTRIBUTION);

    expect_error (scene, SD_CORE_ERROR_INVALID, "no distribution");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("nosuch", &d);

    expect_error (scene, SD_CORE_ERROR_INVALID, "[Distribution Bad]");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->values[1] = -1.0;
    expect_error (scene, SD_CORE_ERROR_INVALID, "[Distribution Bad]");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->x_range[1] = d->x_range[0];
    expect_error (scene, SD_CORE_ERROR_INVALID, "x-range");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->x_range[1] = INFINITY;
    expect_error (scene, SD_CORE_ERROR_INVALID, "x-range");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->samples = SD_SCENE_MAX_SAMPLES + 1;
    d->layers = SD_LAYER_HISTOGRAM;
    expect_error (scene, SD_CORE_ERROR_INVALID, "samples");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->points = 1;
    expect_error (scene, SD_CORE_ERROR_INVALID, "points");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->has_interval = TRUE;
    d->interval[0] = 1.0;
    d->interval[1] = -1.0;
    expect_error (scene, SD_CORE_ERROR_INVALID, "interval");
  }
  {
    /* A histogram of a discrete family needs a whole number in range. */
    g_autoptr(SdScene) scene = new_scene ("binomial", &d);

    d->values[0] = 10.0;
    d->values[1] = 0.5;
    d->x_range[0] = 0.2;
    d->x_range[1] = 0.8;
    d->samples = 10;
    d->layers = SD_LAYER_HISTOGRAM;
    expect_error (scene, SD_CORE_ERROR_INVALID, "[Distribution Bad] range");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("normal", &d);

    d->samples = 10;
    d->bins = 0;
    d->layers = SD_LAYER_HISTOGRAM;
    expect_error (scene, SD_CORE_ERROR_INVALID, "bins");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("bivariate-normal", &d);

    /* sxx = 1, sxy = 2, syy = 1 is not positive definite. */
    d->values[2] = 1.0;
    d->values[3] = 2.0;
    d->values[4] = 1.0;
    expect_error (scene, SD_CORE_ERROR_INVALID, "[Distribution Bad]");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("bivariate-normal", &d);

    d->values[2] = d->values[4] = 1.0;
    d->n_values = 3;
    expect_error (scene, SD_CORE_ERROR_INVALID, "5 values");
  }
  {
    g_autoptr(SdScene) scene = new_scene ("bivariate-normal", &d);

    d->values[2] = d->values[4] = 1.0;
    d->y_range[0] = NAN;
    expect_error (scene, SD_CORE_ERROR_INVALID, "y-range");
  }
}

static void
test_cancelled (void)
{
  g_autoptr(SdScene) scene = load_gallery_scene (gallery[0]);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDistributionFigure) figure = NULL;
  SdFigureOptions options = { WIDTH, HEIGHT, SD_THEME_LIGHT, FALSE, 1.0, SD_COLORMAP_VIRIDIS };
  g_autoptr(SdPlot) plot = NULL;
  Canvas canvas;

  g_cancellable_cancel (cancellable);
  figure = sd_distribution_figure_new (scene, cancellable, &error);
  g_assert_null (figure);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  canvas_init (&canvas, WIDTH, HEIGHT, 1.0);
  plot = sd_distribution_figure_draw (canvas.cr, scene, &options, cancellable, &error);
  g_assert_null (plot);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  canvas_clear (&canvas);
}

/* Misuse is a programming error, reported as a critical. */
static void
test_wrong_kind (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_TRANSFORM);

      g_assert_null (sd_distribution_figure_new (scene, NULL, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*SD_SCENE_DISTRIBUTION*");
}

/* The gallery ------------------------------------------------------------ */

/* Every gallery scene in every theme, and in the light theme at
 * presentation scale 1.5 (text and lines 1.5 times larger): the plot keeps
 * most of the figure, a legend is drawn, and each distribution's colour
 * shows in the plot. */
static void
test_gallery (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (gallery); i++)
    {
      g_autoptr(SdScene) scene = load_gallery_scene (gallery[i]);
      g_autoptr(SdDistributionFigure) figure = new_figure (scene);

      for (guint look = 0; look <= SD_N_THEMES; look++)
        {
          SdTheme theme = look < SD_N_THEMES ? look : SD_THEME_LIGHT;
          double presentation = look < SD_N_THEMES ? 1.0 : 1.5;
          g_autoptr(SdPlot) plot = NULL;
          double rgba[4];
          cairo_rectangle_t area;
          gboolean found = FALSE;
          Canvas canvas;

          canvas_init (&canvas, WIDTH, HEIGHT, 2.0);
          plot = render_scaled (figure, &canvas, theme, presentation);
          sd_plot_get_area (plot, &area);
          g_assert_cmpfloat (area.width, >, WIDTH / 2);
          g_assert_cmpfloat (area.height, >, HEIGHT / 2);
          g_assert_cmpfloat (figure->legend_box.width, >, 0.0);

          /* A distribution's colour shows in the plot: a curve, a stem or
           * a dot (bars alone are translucent). */
          for (guint c = 0; !found && c < figure->curves->len; c++)
            {
              curve_color (figure, c, theme, rgba);
              for (double y = area.y; !found && y < area.y + area.height; y += 1.0)
                for (double x = area.x; !found && x < area.x + area.width; x += 1.0)
                  found = color_distance (pixel (&canvas, x, y), rgba) <= 2;
            }
          g_assert_true (found);
          canvas_clear (&canvas);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  sd_core_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/distribution-figure/pdf", test_pdf_curve);
  g_test_add_func ("/render/distribution-figure/stems", test_stems);
  g_test_add_func ("/render/distribution-figure/histogram", test_histogram);
  g_test_add_func ("/render/distribution-figure/histogram/outside", test_histogram_outside);
  g_test_add_func ("/render/distribution-figure/histogram/large", test_histogram_large);
  g_test_add_func ("/render/distribution-figure/interval", test_interval);
  g_test_add_func ("/render/distribution-figure/interval/discrete", test_interval_discrete);
  g_test_add_func ("/render/distribution-figure/interval/markup", test_interval_markup);
  g_test_add_func ("/render/distribution-figure/moments", test_moments);
  g_test_add_func ("/render/distribution-figure/legend", test_legend);
  g_test_add_func ("/render/distribution-figure/legend/names", test_legend_names);
  g_test_add_func ("/render/distribution-figure/cdf", test_cdf);
  g_test_add_func ("/render/distribution-figure/unbounded", test_unbounded);
  g_test_add_func ("/render/distribution-figure/dense", test_dense);
  g_test_add_func ("/render/distribution-figure/bivariate", test_bivariate);
  g_test_add_func ("/render/distribution-figure/bivariate/scatter", test_scatter);
  g_test_add_func ("/render/distribution-figure/mixed", test_mixed);
  g_test_add_func ("/render/distribution-figure/vector", test_vector);
  g_test_add_func ("/render/distribution-figure/transparent-and-tiny", test_transparent_and_tiny);
  g_test_add_func ("/render/distribution-figure/errors", test_errors);
  g_test_add_func ("/render/distribution-figure/errors/cancelled", test_cancelled);
  g_test_add_func ("/render/distribution-figure/errors/wrong-kind", test_wrong_kind);
  g_test_add_func ("/render/distribution-figure/gallery", test_gallery);

  return g_test_run ();
}
