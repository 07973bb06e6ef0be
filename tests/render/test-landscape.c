/* test-landscape.c: the map view: its heatmap, contours, gradient field,
 * minima, title and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "core-error.h"
#include "gradient-field.h"
#include "landscape-fixture.h"
#include "landscape.h"

/* f = x colours each column by its x: the colour map at (x + 1) / 2 over
 * [-1, 1], and f = y each row by its y. Between grid points the image
 * interpolates colours linearly, which differs from the map at the
 * interpolated value by far less than one step of 8 bits (grid points are
 * 1/63 of the map apart). */
static void
test_heatmap_linear (void)
{
  static const double xs[] = { -0.83, -0.41, -0.07, 0.26, 0.58, 0.91 };
  static const double ys[] = { -0.62, 0.13, 0.77 };

  for (guint along_y = 0; along_y < 2; along_y++)
    {
      g_autoptr(SdPlot) plot = NULL;
      Canvas canvas;
      double vmin, vmax;

      canvas_init (&canvas, WIDTH, HEIGHT);
      plot = draw_scene (&canvas, along_y ? PLANE_SCENE ("0*x + y", "")
                                          : PLANE_SCENE ("x + 0*y", ""), NULL, NULL);

      g_assert_nonnull (sd_plot_get_colorbar (plot));
      g_assert_cmpint (sd_colorbar_get_scale (sd_plot_get_colorbar (plot)), ==, SD_SCALE_LINEAR);
      sd_colorbar_get_range (sd_plot_get_colorbar (plot), &vmin, &vmax);
      g_assert_cmpfloat (vmin, ==, -1.0);
      g_assert_cmpfloat (vmax, ==, 1.0);

      for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
        for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
          {
            double px, py, x, y, rgb[3], expected[3];

            pixel_centre (plot, along_y ? ys[j] : xs[i], along_y ? xs[i] : ys[j],
                          &px, &py, &x, &y);
            pixel_rgb (&canvas, px, py, rgb);
            sd_colormap_eval (SD_COLORMAP_VIRIDIS, ((along_y ? y : x) + 1) / 2, expected);
            assert_color (rgb, expected, 2 * LSB);
          }

      canvas_clear (&canvas);
    }
}

/* f = 10^(2x) spans 0.01 to 100; on a log scale its colour is again the
 * map at (x + 1) / 2, and the contour levels are the decades between. */
static void
test_heatmap_log (void)
{
  static const double xs[] = { -0.77, -0.3, 0.12, 0.49, 0.88 };
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  Canvas canvas;
  double vmin, vmax;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, PLANE_SCENE ("10^(2*x) + 0*y", "log-scale=true\ncontours=3\n"),
                     NULL, &landscape);

  g_assert_cmpint (sd_colorbar_get_scale (sd_plot_get_colorbar (plot)), ==, SD_SCALE_LOG);
  sd_colorbar_get_range (sd_plot_get_colorbar (plot), &vmin, &vmax);
  g_assert_cmpfloat_with_epsilon (vmin, 0.01, 1e-15);
  g_assert_cmpfloat_with_epsilon (vmax, 100.0, 1e-12);

  g_assert_cmpuint (landscape->n_levels, ==, 3);
  g_assert_cmpfloat_with_epsilon (landscape->levels[0], 0.1, 1e-14);
  g_assert_cmpfloat_with_epsilon (landscape->levels[1], 1.0, 1e-14);
  g_assert_cmpfloat_with_epsilon (landscape->levels[2], 10.0, 1e-13);
  /* Lines are computed only for the contours layer. */
  g_assert_null (landscape->contours);

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double px, py, x, y, rgb[3], expected[3];

      pixel_centre (plot, xs[i], 0.3, &px, &py, &x, &y);
      pixel_rgb (&canvas, px, py, rgb);
      sd_colormap_eval (SD_COLORMAP_VIRIDIS, (x + 1) / 2, expected);
      assert_color (rgb, expected, 2 * LSB);
    }

  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* f = x asked for on a log scale: half the plane has f < 0, which a log
 * scale cannot show (it used to paint that half the bottom colour, flat).
 * The colours are linear over [-1, 1] instead, and the colour bar says
 * why; every pixel has the colour of its own value. */
static void
test_heatmap_log_nonpositive (void)
{
  static const double xs[] = { -0.81, -0.5, 0.22, 0.5, 0.81 };
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  Canvas canvas;
  double vmin, vmax;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, PLANE_SCENE ("x + 0*y", "log-scale=true\n"), NULL, &landscape);

  g_assert_true (sd_landscape_get_log_refused (landscape));
  g_assert_cmpint (sd_colorbar_get_scale (sd_plot_get_colorbar (plot)), ==, SD_SCALE_LINEAR);
  sd_colorbar_get_range (sd_plot_get_colorbar (plot), &vmin, &vmax);
  g_assert_cmpfloat (vmin, ==, -1.0);
  g_assert_cmpfloat (vmax, ==, 1.0);
  g_assert_cmpstr (sd_colorbar_get_title (sd_plot_get_colorbar (plot)), ==,
                   "f(x, y), linear: f &lt; 0 here");

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double px, py, x, y, rgb[3], expected[3];

      pixel_centre (plot, xs[i], -0.4, &px, &py, &x, &y);
      pixel_rgb (&canvas, px, py, rgb);
      sd_colormap_eval (SD_COLORMAP_VIRIDIS, (x + 1.0) / 2.0, expected);
      assert_color (rgb, expected, 2 * LSB);
    }

  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* A scene's color-range fixes the colours to the surface: f = x over
 * [0, 1] with color-range=-1;1 colours x = 0.5 as 3/4 of the map, not as
 * its top, so panning to [0, 1] from [-1, 1] keeps every colour. */
static void
test_color_range_fixed (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  Canvas canvas;
  double vmin, vmax, px, py, x, y, rgb[3], expected[3];

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=x + 0*y\n"
                     "x-range=0;1\ny-range=0;1\nresolution=64\nlayers=heatmap\n"
                     "color-range=-1;1\n",
                     NULL, &landscape);
  g_assert_true (sd_landscape_get_color_range (landscape, NULL, &vmin, &vmax));
  g_assert_cmpfloat (vmin, ==, -1.0);
  g_assert_cmpfloat (vmax, ==, 1.0);
  pixel_centre (plot, 0.5, 0.5, &px, &py, &x, &y);
  pixel_rgb (&canvas, px, py, rgb);
  sd_colormap_eval (SD_COLORMAP_VIRIDIS, (x + 1.0) / 2.0, expected);
  assert_color (rgb, expected, 2 * LSB);

  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* sqrt(x) has no value left of 0: the heatmap is transparent there and
 * the background shows, hatched in the theme's ink: every pixel there is
 * a grey (within 10/255 of neutral, as the theme's ink is), no colour
 * of the map. */
static void
test_heatmap_nan (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  Canvas canvas;
  double px, py;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, PLANE_SCENE ("sqrt(x) + 0*y", ""), NULL, &landscape);
  g_assert_cmpuint (landscape->grid->n_nonfinite, ==, 32 * 64);

  for (double x = -0.9; x < -0.1; x += 0.1)
    {
      double rgb[3];

      g_assert_true (sd_plot_map (plot, x, 0.35, &px, &py));
      pixel_rgb (&canvas, px, py, rgb);
      g_assert_cmpfloat (fabs (rgb[0] - rgb[1]), <=, 10 * LSB);
      g_assert_cmpfloat (fabs (rgb[1] - rgb[2]), <=, 10 * LSB);
    }

  g_assert_true (sd_plot_map (plot, 0.5, 0.35, &px, &py));
  g_assert_cmphex (pixel (&canvas, (int) px, (int) py), !=, 0xffffffff);

  free_landscape (landscape);
  canvas_clear (&canvas);
}

/* The scene's colour map wins over the figure's; without one the figure's
 * is used, and changing it between two draws recolours the heatmap. */
static void
test_heatmap_colormap (void)
{
  g_autoptr(SdScene) scene = load_scene (PLANE_SCENE ("x + 0*y", ""));
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  static const SdColormap maps[] = { SD_COLORMAP_CIVIDIS, SD_COLORMAP_INFERNO,
                                     SD_COLORMAP_CIVIDIS };

  for (guint k = 0; k < G_N_ELEMENTS (maps); k++)
    {
      g_autoptr(SdPlot) plot = NULL;
      SdFigureOptions options;
      Canvas canvas;
      double px, py, x, y, rgb[3], expected[3];

      canvas_init (&canvas, WIDTH, HEIGHT);
      init_options (&options, &canvas, SD_THEME_LIGHT);
      options.colormap = maps[k];
      plot = sd_landscape_draw (landscape, canvas.cr, &options);

      pixel_centre (plot, 0.4, 0.2, &px, &py, &x, &y);
      pixel_rgb (&canvas, px, py, rgb);
      sd_colormap_eval (maps[k], (x + 1) / 2, expected);
      assert_color (rgb, expected, 2 * LSB);
      canvas_clear (&canvas);
    }

  {
    g_autoptr(SdPlot) plot = NULL;
    Canvas canvas;
    double px, py, x, y, rgb[3], expected[3];

    canvas_init (&canvas, WIDTH, HEIGHT);
    plot = draw_scene (&canvas, PLANE_SCENE ("x + 0*y", "color-map=magma\n"), NULL, NULL);
    g_assert_cmpint (sd_colorbar_get_colormap (sd_plot_get_colorbar (plot)), ==,
                     SD_COLORMAP_MAGMA);
    pixel_centre (plot, -0.3, 0.2, &px, &py, &x, &y);
    pixel_rgb (&canvas, px, py, rgb);
    sd_colormap_eval (SD_COLORMAP_MAGMA, (x + 1) / 2, expected);
    assert_color (rgb, expected, 2 * LSB);
    canvas_clear (&canvas);
  }
}

/* The image kept between draws of an image gives what drawing straight
 * onto a vector surface gives: a recording replayed onto an image draws
 * without the cache. */
static void
test_cache_matches_direct (void)
{
  g_autoptr(SdScene) scene = NULL;
  g_autoptr(SdLandscape) landscape = NULL;
  g_autoptr(SdPlot) first = NULL;
  g_autoptr(SdPlot) second = NULL;
  g_autoptr(SdPlot) direct = NULL;
  cairo_surface_t *recording;
  cairo_rectangle_t area;
  SdFigureOptions options;
  Canvas cached, replayed;
  cairo_t *cr;
  guint differing = 0;

  scene = load_scene ("[Scene]\nversion=1\nkind=surface\n\n"
                      "[Surface]\nfunction=himmelblau\nresolution=96\nlog-scale=true\n"
                      "layers=heatmap;contours;gradient-field\n\n"
                      "[Run A]\noptimizer=adam\nlearning-rate=0.1\nstart=-4;-1\nsteps=200\n");
  landscape = new_landscape (scene);

  canvas_init (&cached, WIDTH, HEIGHT);
  init_options (&options, &cached, SD_THEME_DARK);
  first = sd_landscape_draw (landscape, cached.cr, &options);
  canvas_clear (&cached);
  /* This time the kept image is painted. */
  canvas_init (&cached, WIDTH, HEIGHT);
  second = sd_landscape_draw (landscape, cached.cr, &options);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  direct = sd_landscape_draw (landscape, cr, &options);
  cairo_destroy (cr);
  canvas_init (&replayed, WIDTH, HEIGHT);
  cairo_set_source_surface (replayed.cr, recording, 0, 0);
  cairo_paint (replayed.cr);
  cairo_surface_destroy (recording);

  /* Pixels on the area's edge are antialiased twice through the cache;
   * the frame covers them. */
  sd_plot_get_area (first, &area);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 a = pixel (&cached, x, y), b = pixel (&replayed, x, y);

        for (guint shift = 0; shift < 32; shift += 8)
          if (ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)) > 2)
            {
              differing++;
              break;
            }
      }
  if (g_getenv ("SD_TEST_DUMP") != NULL)
    {
      cairo_surface_write_to_png (cached.surface, "/tmp/land/cached.png");
      cairo_surface_write_to_png (replayed.surface, "/tmp/land/replayed.png");
      for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < WIDTH; x++)
          if (pixel (&cached, x, y) != pixel (&replayed, x, y) && g_random_int_range (0, 40) == 0)
            g_printerr ("%d %d %08x %08x\n", x, y, pixel (&cached, x, y), pixel (&replayed, x, y));
    }
  g_assert_cmpuint (differing, ==, 0);

  canvas_clear (&cached);
  canvas_clear (&replayed);
}

/* Without a heatmap the contour lines carry the colour map: each pixel
 * coloured like a line lies on a level set of x^2 + y^2, within the
 * line's half width and its antialiasing, and the point of each level
 * on the x axis is drawn in that level's colour. */
static void
test_contours (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdLandscape *landscape;
  SdColorbar *colorbar;
  cairo_rectangle_t area;
  Canvas canvas;
  double min, unit;
  guint on_lines = 0;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=x^2 + y^2\n"
                     "x-range=-2;2\ny-range=-2;2\nresolution=128\nlayers=contours\ncontours=3\n",
                     NULL, &landscape);

  /* The grid's least value is at (±2/127, ±2/127); levels split the range
   * to 8 in four. */
  min = 2 * (2.0 / 127) * (2.0 / 127);
  g_assert_cmpuint (landscape->n_levels, ==, 3);
  for (guint k = 0; k < 3; k++)
    g_assert_cmpfloat_with_epsilon (landscape->levels[k], min + (k + 1) * (8 - min) / 4, 1e-12);

  colorbar = sd_plot_get_colorbar (plot);
  g_assert_nonnull (colorbar);
  sd_plot_get_area (plot, &area);
  unit = 4.0 / area.width;

  for (int y = (int) area.y + 2; y < (int) (area.y + area.height) - 2; y++)
    for (int x = (int) area.x + 2; x < (int) (area.x + area.width) - 2; x++)
      {
        double c[3], fx, fy, f, nearest = INFINITY;

        pixel_rgb (&canvas, x + 0.5, y + 0.5, c);
        if (MAX (c[0], MAX (c[1], c[2])) - MIN (c[0], MIN (c[1], c[2])) < 0.25)
          continue;

        g_assert_true (sd_plot_unmap (plot, x + 0.5, y + 0.5, &fx, &fy));
        f = fx * fx + fy * fy;
        for (guint k = 0; k < 3; k++)
          nearest = MIN (nearest, fabs (f - landscape->levels[k]));
        /* |∇f| = 2r times 2 pixels: the line's half width, the pixel's
         * and the thinning's 0.25 pt. */
        g_assert_cmpfloat (nearest, <, 2 * sqrt (f) * 2.0 * unit + 1e-3);
        on_lines++;
      }
  g_assert_cmpuint (on_lines, >, 500);

  for (guint k = 0; k < 3; k++)
    {
      double r = sqrt (landscape->levels[k]) / G_SQRT2;
      double px, py, rgb[3] = { 0.0, 0.0, 0.0 }, expected[4];
      double best = INFINITY, saturation = -1.0;
      guint closest = 0;

      /* The most saturated pixel around the level's point on the diagonal,
       * where the line crosses pixels at a slant. */
      g_assert_true (sd_plot_map (plot, r, r, &px, &py));
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          {
            double c[3], s;

            pixel_rgb (&canvas, px + dx, py + dy, c);
            s = MAX (c[0], MAX (c[1], c[2])) - MIN (c[0], MIN (c[1], c[2]));
            if (s > saturation)
              {
                saturation = s;
                memcpy (rgb, c, sizeof rgb);
              }
          }

      for (guint j = 0; j < 3; j++)
        {
          double d;

          sd_colorbar_get_color (colorbar, landscape->levels[j], expected);
          d = color_distance (rgb, expected);
          if (d < best)
            {
              best = d;
              closest = j;
            }
        }
      g_assert_cmpuint (closest, ==, k);
      g_assert_cmpfloat (best, <, 0.3);
    }

  free_landscape (landscape);
  canvas_clear (&canvas);
}

static double
luma (const double rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* Over a heatmap of f = x, the levels -0.5, 0 and 0.5 are vertical lines
 * where viridis is dark blue (luma 0.26), teal (0.47) and green (0.71):
 * the first two are drawn lighter than the map beside them, the last
 * darker, so each stands out. */
static void
test_contours_over_heatmap (void)
{
  static const double levels[] = { -0.5, 0.0, 0.5 };
  static const double lighter[] = { 1.0, 1.0, -1.0 };
  g_autoptr(SdPlot) plot = NULL;
  Canvas canvas;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas, PLANE_SCENE_LAYERS ("x + 0*y", "heatmap;contours", "contours=3\n"),
                     NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
    {
      double px, py, on[3], beside[3];

      g_assert_true (sd_plot_map (plot, levels[k], 0.3, &px, &py));
      pixel_rgb (&canvas, round (px - 0.5) + 0.5, py, on);
      pixel_rgb (&canvas, px + 6.0, py, beside);
      g_assert_cmpfloat ((luma (on) - luma (beside)) * lighter[k], >, 0.1);
    }

  canvas_clear (&canvas);
}

/* How much ink a cell of the lattice holds, and where its centre of mass
 * is relative to the cell's centre. */
static double
cell_ink (Canvas       *canvas,
          const SdPlot *plot,
          guint         cols,
          guint         rows,
          guint         i,
          guint         j,
          double       *dx,
          double       *dy)
{
  cairo_rectangle_t area;
  double w, h, x0, y0, mass = 0.0, sx = 0.0, sy = 0.0;

  sd_plot_get_area (plot, &area);
  w = area.width / cols;
  h = area.height / rows;
  x0 = area.x + i * w;
  y0 = area.y + area.height - (j + 1) * h;

  for (int y = (int) ceil (y0); y < (int) floor (y0 + h); y++)
    for (int x = (int) ceil (x0); x < (int) floor (x0 + w); x++)
      {
        double c[3], ink;

        pixel_rgb (canvas, x + 0.5, y + 0.5, c);
        ink = 1.0 - (c[0] + c[1] + c[2]) / 3;
        /* Grid lines are lighter than 0.15. */
        if (ink < 0.2)
          continue;
        mass += ink;
        sx += ink * (x + 0.5 - (x0 + w / 2));
        sy += ink * (y + 0.5 - (y0 + h / 2));
      }

  *dx = mass > 0 ? sx / mass : 0.0;
  *dy = mass > 0 ? sy / mass : 0.0;
  return mass;
}

/* Arrows point down the gradient: left for f = x, down for f = y, so the
 * heavier head puts each cell's ink left of (below) its centre. */
static void
test_gradient_field_direction (void)
{
  static const struct {
    const char *expression;
    double      sign_x;
    double      sign_y;
  } planes[] = {
    { "x + 0*y", -1.0, 0.0 },
    { "-x + 0*y", 1.0, 0.0 },
    { "y + 0*x", 0.0, 1.0 },
  };

  for (guint p = 0; p < G_N_ELEMENTS (planes); p++)
    {
      g_autofree char *text = NULL;
      g_autoptr(SdPlot) plot = NULL;
      Canvas canvas;
      guint cols, rows;

      text = g_strdup_printf ("[Scene]\nversion=1\nkind=surface\n\n"
                              "[Surface]\nfunction=custom\nexpression=%s\n"
                              "x-range=-1;1\ny-range=-1;1\nresolution=32\n"
                              "layers=gradient-field\n", planes[p].expression);
      canvas_init (&canvas, WIDTH, HEIGHT);
      plot = draw_scene (&canvas, text, NULL, NULL);
      sd_gradient_field_get_lattice (plot, &cols, &rows);
      g_assert_cmpuint (cols, ==, 20);
      g_assert_cmpuint (rows, >=, 10);

      for (guint j = 0; j < rows; j++)
        for (guint i = 0; i < cols; i++)
          {
            double dx, dy;

            g_assert_cmpfloat (cell_ink (&canvas, plot, cols, rows, i, j, &dx, &dy), >, 5.0);
            if (planes[p].sign_x != 0.0)
              g_assert_cmpfloat (dx * planes[p].sign_x, >, 0.3);
            if (planes[p].sign_y != 0.0)
              g_assert_cmpfloat (dy * planes[p].sign_y, >, 0.3);
          }

      canvas_clear (&canvas);
    }
}

/* On x^2, |∇f| = 2|x|: arrows at the edges (|x| = 0.95) are longer than
 * those in the middle (|x| = 0.05), by log-compressed lengths. */
static void
test_gradient_field_length (void)
{
  g_autoptr(SdPlot) plot = NULL;
  Canvas canvas;
  guint cols, rows;
  double edge, middle, dx, dy;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=custom\nexpression=x^2 + 0*y\n"
                     "x-range=-1;1\ny-range=-1;1\nresolution=32\nlayers=gradient-field\n",
                     NULL, NULL);
  sd_gradient_field_get_lattice (plot, &cols, &rows);
  edge = cell_ink (&canvas, plot, cols, rows, 0, rows / 2, &dx, &dy);
  middle = cell_ink (&canvas, plot, cols, rows, cols / 2, rows / 2, &dx, &dy);
  g_assert_cmpfloat (edge, >, 2 * middle);
  canvas_clear (&canvas);
}

/* The field holds the exact gradient of Booth's function,
 * (2(x + 2y - 7) + 4(2x + y - 5), 4(x + 2y - 7) + 2(2x + y - 5)), at
 * the centres of its cells. */
static void
test_gradient_field_values (void)
{
  g_autoptr(SdSurface) surface = NULL;
  g_autoptr(SdGradientField) field = NULL;
  g_autoptr(GError) error = NULL;
  SdSurfaceParams params;

  sd_surface_params_init (&params);
  surface = sd_surface_new_builtin ("booth", &params, &error);
  g_assert_no_error (error);
  field = sd_gradient_field_new (surface, -10, 10, -5, 5, 4, 3);

  for (guint j = 0; j < 3; j++)
    for (guint i = 0; i < 4; i++)
      {
        double x = -10 + (i + 0.5) * 5, y = -5 + (j + 0.5) * 10 / 3.0;
        const double *g = field->grad + 2 * (j * 4 + i);

        g_assert_cmpfloat_with_epsilon (g[0], 2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5), 1e-12);
        g_assert_cmpfloat_with_epsilon (g[1], 4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5), 1e-12);
      }
}

/* The surface's minima are marked with white stars. */
static void
test_minima (void)
{
  g_autoptr(SdPlot) plot = NULL;
  Canvas canvas;
  double px, py;

  canvas_init (&canvas, WIDTH, HEIGHT);
  plot = draw_scene (&canvas,
                     "[Scene]\nversion=1\nkind=surface\n\n"
                     "[Surface]\nfunction=booth\nresolution=64\nlayers=heatmap\n", NULL, NULL);
  /* Booth's minimum is (1, 3), where the heatmap is darkest. */
  g_assert_true (sd_plot_map (plot, 1.0, 3.0, &px, &py));
  g_assert_cmphex (pixel (&canvas, (int) px, (int) py), ==, 0xffffffff);
  g_assert_cmphex (pixel (&canvas, (int) px + 12, (int) py), !=, 0xffffffff);
  canvas_clear (&canvas);
}

static void
test_transparent (void)
{
  g_autoptr(SdPlot) plot = NULL;
  SdFigureOptions options;
  cairo_rectangle_t area;
  Canvas canvas;

  canvas_init (&canvas, WIDTH, HEIGHT);
  init_options (&options, &canvas, SD_THEME_PRINT);
  options.transparent = TRUE;
  plot = draw_scene (&canvas, PLANE_SCENE ("x + 0*y", ""), &options, NULL);
  sd_plot_get_area (plot, &area);

  g_assert_cmphex (pixel (&canvas, 0, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel (&canvas, WIDTH - 1, HEIGHT / 2) >> 24, ==, 0);
  /* The heatmap itself is opaque. */
  g_assert_cmphex (pixel (&canvas, (int) (area.x + area.width / 2),
                          (int) (area.y + area.height / 2)) >> 24, ==, 0xff);
  canvas_clear (&canvas);
}

#define TITLED_SCENE(title) \
  "[Scene]\nversion=1\nkind=surface\n" title "\n" \
  "[Surface]\nfunction=booth\nresolution=16\nlayers=\n"

/* The width of the ink in the band above the plot. */
static double
title_width (Canvas       *canvas,
             const SdPlot *plot)
{
  cairo_rectangle_t area;
  int left = canvas->width, right = -1;

  /* Tick labels at the top of the y axis rise above the plot, at its
   * left edge. */
  sd_plot_get_area (plot, &area);
  for (int y = 0; y < (int) area.y - 2; y++)
    for (int x = (int) area.x + 30; x < (int) (area.x + area.width) - 30; x++)
      if (pixel (canvas, x, y) != 0xffffffff)
        {
          left = MIN (left, x);
          right = MAX (right, x);
        }

  return right >= left ? right - left + 1 : 0.0;
}

/* A title makes room for itself above the plot. It is plain text:
 * "<b>x</b>" shows its eight characters rather than a bold x. */
static void
test_title (void)
{
  g_autoptr(SdPlot) titled = NULL;
  g_autoptr(SdPlot) plain = NULL;
  cairo_rectangle_t a, b;
  Canvas canvas;
  double width;

  canvas_init (&canvas, WIDTH, HEIGHT);
  titled = draw_scene (&canvas, TITLED_SCENE ("title=<b>x</b>\n"), NULL, NULL);
  width = title_width (&canvas, titled);
  canvas_clear (&canvas);

  canvas_init (&canvas, WIDTH, HEIGHT);
  plain = draw_scene (&canvas, TITLED_SCENE (""), NULL, NULL);
  g_assert_cmpfloat (title_width (&canvas, plain), ==, 0.0);
  canvas_clear (&canvas);

  sd_plot_get_area (titled, &a);
  sd_plot_get_area (plain, &b);
  g_assert_cmpfloat (a.y, >, b.y + 15.0);
  /* Eight characters of 15 pt bold are wider than 50 pt; one is not. */
  g_assert_cmpfloat (width, >, 50.0);
}

static void
test_label_markup (void)
{
  static const struct {
    const char *label;
    const char *markup;
  } cases[] = {
    { "x", "x" },
    { "w1", "w<sub>1</sub>" },
    { "w12", "w<sub>12</sub>" },
    { "b", "b" },
    { "12", "12" },
    { "a<b", "a&lt;b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = sd_landscape_label_markup (cases[i].label);

      g_assert_cmpstr (markup, ==, cases[i].markup);
    }
}


/* What sd_landscape_new() computes, layer by layer. */
static void
test_new (void)
{
  g_autoptr(SdScene) scene = load_scene (
    "[Scene]\nversion=1\nkind=surface\n\n"
    "[Surface]\nfunction=custom\nexpression=x + 0*y\nx-range=-1;1\ny-range=-1;1\n"
    "resolution=33\ncontours=3\nlayers=contours;gradient-field\n\n"
    "[Run A]\noptimizer=sgd\nstart=0;0\nsteps=7\n\n"
    "[Run B]\noptimizer=adam\nstart=0;0\nsteps=3\nvisible=false\n");
  g_autoptr(SdLandscape) landscape = new_landscape (scene);

  g_assert_true (landscape->scene == scene);
  g_assert_cmpuint (landscape->grid->nx, ==, 33);
  g_assert_cmpuint (landscape->grid->ny, ==, 33);
  g_assert_nonnull (landscape->grid->grad_x);
  g_assert_cmpfloat (landscape->grid->grad_x[5], ==, 1.0);

  /* f = x from -1 to 1: levels at -0.5, 0 and 0.5, each a vertical line. */
  g_assert_cmpuint (landscape->n_levels, ==, 3);
  g_assert_cmpfloat (landscape->levels[0], ==, -0.5);
  g_assert_cmpfloat (landscape->levels[1], ==, 0.0);
  g_assert_cmpfloat (landscape->levels[2], ==, 0.5);
  g_assert_nonnull (landscape->contours);
  g_assert_cmpuint (landscape->contours->n_levels, ==, 3);
  for (guint k = 0; k < 3; k++)
    g_assert_cmpuint (landscape->contours->levels[k].lines->len, ==, 1);

  /* Hidden runs are computed too, with their own number of steps. */
  g_assert_cmpuint (landscape->trajectories->len, ==, 2);
  g_assert_cmpuint (sd_trajectory_get_n_points (g_ptr_array_index (landscape->trajectories, 0)),
                    ==, 8);
  g_assert_cmpuint (sd_trajectory_get_n_points (g_ptr_array_index (landscape->trajectories, 1)),
                    ==, 4);

  /* No gradient without the field; no levels without contours. */
  {
    g_autoptr(SdScene) bare = load_scene (
      "[Scene]\nversion=1\nkind=surface\n\n"
      "[Surface]\nfunction=booth\nresolution=16\ncontours=0\nlayers=heatmap\n");
    g_autoptr(SdLandscape) other = new_landscape (bare);

    g_assert_null (other->grid->grad_x);
    g_assert_cmpuint (other->n_levels, ==, 0);
    g_assert_null (other->levels);
    g_assert_null (other->contours);
    g_assert_cmpuint (other->trajectories->len, ==, 0);
  }
}

static void
test_new_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_SURFACE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SdSceneRun *run;

  /* A custom surface without an expression. */
  g_free (sd_scene_get_surface (scene)->function);
  sd_scene_get_surface (scene)->function = g_strdup ("custom");
  g_assert_null (sd_landscape_new (scene, NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* One that does not parse. */
  sd_scene_get_surface (scene)->expression = g_strdup ("x +* y");
  g_assert_null (sd_landscape_new (scene, NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE);
  g_clear_error (&error);

  /* A run the optimizer refuses. */
  g_free (sd_scene_get_surface (scene)->expression);
  sd_scene_get_surface (scene)->expression = g_strdup ("x^2 + y^2");
  run = sd_scene_add_run (scene, "Bad", SD_OPTIMIZER_SGD);
  run->params.learning_rate = -1.0;
  g_assert_null (sd_landscape_new (scene, NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);
  run->params.learning_rate = 0.1;

  /* A resolution the grid refuses. */
  sd_scene_get_surface (scene)->resolution = 1;
  g_assert_null (sd_landscape_new (scene, NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);
  sd_scene_get_surface (scene)->resolution = 32;

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  g_assert_null (sd_landscape_new (scene, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* And everything right. */
  {
    g_autoptr(SdLandscape) landscape = sd_landscape_new (scene, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (landscape);
  }

  /* Not a surface scene: a programming error. */
  {
    g_autoptr(SdScene) transform = sd_scene_new (SD_SCENE_TRANSFORM);

    g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*SD_SCENE_SURFACE*");
    g_assert_null (sd_landscape_new (transform, NULL, NULL));
    g_test_assert_expected_messages ();
  }
}

static const char *busy_scene =
  "[Scene]\nversion=1\nkind=surface\ntitle=Two runs\n\n"
  "[Surface]\nfunction=rosenbrock\nresolution=64\nlog-scale=true\n"
  "layers=heatmap;contours;gradient-field\n\n"
  "[Run SGD]\noptimizer=sgd\nlearning-rate=0.001\nstart=-1.5;2.5\nsteps=1000\n\n"
  "[Run Adam]\noptimizer=adam\nlearning-rate=0.05\nstart=-1.5;2.5\nsteps=1000\n";

/* Occurrences of @needle in @data, which may hold zero bytes (PDF). */
static guint
count_substrings (const GString *data,
                  const char    *needle)
{
  gsize length = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + length <= data->len; i++)
    if (memcmp (data->str + i, needle, length) == 0)
      n++;

  return n;
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* SVG keeps the heatmap as one embedded image at the grid's size (the
 * other image is the colour bar's gradient) and everything else as
 * vector paths: a few per layer and per run, not one per segment (the
 * figure has about 60). */
static void
test_svg (void)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(SdScene) scene = load_scene (busy_scene);
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  g_autoptr(SdPlot) plot = NULL;
  SdFigureOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint paths;

  sd_figure_options_init (&options);
  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, options.width,
                                                 options.height);
  cr = cairo_create (surface);
  plot = sd_landscape_draw (landscape, cr, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_str_has_prefix (svg->str, "<?xml"));
  g_assert_cmpuint (count_substrings (svg, "<image"), ==, 2);
  g_assert_cmpuint (count_substrings (svg, "<image id=\"image"), ==, 2);
  g_assert_cmpuint (count_substrings (svg, "width=\"64\" height=\"64\" xlink:href="), ==, 1);
  paths = count_substrings (svg, "<path");
  g_assert_cmpuint (paths, >=, 10);
  g_assert_cmpuint (paths, <=, 300);
}

static void
test_pdf (void)
{
  g_autoptr(GString) pdf = g_string_new (NULL);
  g_autoptr(SdScene) scene = load_scene (busy_scene);
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  g_autoptr(SdPlot) plot = NULL;
  SdFigureOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  sd_figure_options_init (&options);
  options.theme = SD_THEME_PRINT;
  surface = cairo_pdf_surface_create_for_stream (append_to_string, pdf, options.width,
                                                 options.height);
  cr = cairo_create (surface);
  plot = sd_landscape_draw (landscape, cr, &options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_str_has_prefix (pdf->str, "%PDF-1."));
  g_assert_cmpmem (pdf->str + pdf->len - 6, 6, "%%EOF\n", 6);
  g_assert_cmpuint (count_substrings (pdf, "/MediaBox [ 0 0 800 600 ]"), ==, 1);
  g_assert_cmpuint (count_substrings (pdf, "/Subtype /Image"), ==, 2);
  g_assert_cmpuint (count_substrings (pdf, "/Width 64"), ==, 1);
}

/* A figure with no room for a plot still draws its frame and returns a
 * plot without area. */
static void
test_tiny (void)
{
  g_autoptr(SdScene) scene = load_scene (busy_scene);
  g_autoptr(SdLandscape) landscape = new_landscape (scene);
  g_autoptr(SdPlot) plot = NULL;
  SdFigureOptions options;
  cairo_rectangle_t area;
  Canvas canvas;

  canvas_init (&canvas, 40, 30);
  init_options (&options, &canvas, SD_THEME_LIGHT);
  plot = sd_landscape_draw (landscape, canvas.cr, &options);
  sd_plot_get_area (plot, &area);
  g_assert_true (area.width == 0.0 || area.height == 0.0);
  g_assert_cmpint (cairo_status (canvas.cr), ==, CAIRO_STATUS_SUCCESS);
  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  sd_core_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/landscape/new", test_new);
  g_test_add_func ("/render/landscape/new/errors", test_new_errors);
  g_test_add_func ("/render/landscape/label-markup", test_label_markup);
  g_test_add_func ("/render/landscape/heatmap/linear", test_heatmap_linear);
  g_test_add_func ("/render/landscape/heatmap/log", test_heatmap_log);
  g_test_add_func ("/render/landscape/heatmap/log-nonpositive", test_heatmap_log_nonpositive);
  g_test_add_func ("/render/landscape/heatmap/color-range", test_color_range_fixed);
  g_test_add_func ("/render/landscape/heatmap/nan", test_heatmap_nan);
  g_test_add_func ("/render/landscape/heatmap/colormap", test_heatmap_colormap);
  g_test_add_func ("/render/landscape/cache", test_cache_matches_direct);
  g_test_add_func ("/render/landscape/contours", test_contours);
  g_test_add_func ("/render/landscape/contours/over-heatmap", test_contours_over_heatmap);
  g_test_add_func ("/render/landscape/gradient-field/direction", test_gradient_field_direction);
  g_test_add_func ("/render/landscape/gradient-field/length", test_gradient_field_length);
  g_test_add_func ("/render/landscape/gradient-field/values", test_gradient_field_values);
  g_test_add_func ("/render/landscape/minima", test_minima);
  g_test_add_func ("/render/landscape/transparent", test_transparent);
  g_test_add_func ("/render/landscape/title", test_title);
  g_test_add_func ("/render/landscape/svg", test_svg);
  g_test_add_func ("/render/landscape/pdf", test_pdf);
  g_test_add_func ("/render/landscape/tiny", test_tiny);

  return g_test_run ();
}
