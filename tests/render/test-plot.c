/* test-plot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>

#include "plot.h"
#include "text.h"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              width;
  int              height;
} Canvas;

static void
canvas_init (Canvas *canvas,
             int     width,
             int     height)
{
  canvas->width = width;
  canvas->height = height;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  canvas->cr = cairo_create (canvas->surface);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

/* The pixel at (x, y) as 0xAARRGGBB, premultiplied. */
static guint32
pixel (Canvas *canvas,
       int     x,
       int     y)
{
  const guint8 *data;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, canvas->width);
  g_assert_cmpint (y, <, canvas->height);

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (canvas->surface) + 4 * x);
}

static double
brightness (guint32 p)
{
  return ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / (3 * 255.0);
}

static SdPlot *
new_plot (SdTheme theme,
          double  scale)
{
  SdThemeStyle style;

  sd_theme_get_style (theme, scale, &style);
  return sd_plot_new (&style);
}

static void
test_background (void)
{
  static const guint32 backgrounds[SD_N_THEMES] = { 0xffffffff, 0xff1e1e1e, 0xffffffff };

  for (SdTheme theme = 0; theme < SD_N_THEMES; theme++)
    {
      g_autoptr(SdPlot) plot = new_plot (theme, 1.0);
      Canvas canvas;

      canvas_init (&canvas, 320, 240);
      sd_plot_set_title (plot, "Title");
      sd_plot_layout (plot, canvas.cr, 320, 240);
      sd_plot_draw (plot, canvas.cr, NULL, NULL);

      g_assert_cmphex (pixel (&canvas, 0, 0), ==, backgrounds[theme]);
      g_assert_cmphex (pixel (&canvas, 319, 239), ==, backgrounds[theme]);
      g_assert_cmphex (pixel (&canvas, 319, 0), ==, backgrounds[theme]);
      canvas_clear (&canvas);
    }
}

static void
test_transparent (void)
{
  SdThemeStyle style;
  g_autoptr(SdPlot) plot = NULL;
  const SdTicks *ticks;
  Canvas canvas;
  double px, py;

  sd_theme_get_style (SD_THEME_PRINT, 1.0, &style);
  style.transparent = TRUE;
  plot = sd_plot_new (&style);
  canvas_init (&canvas, 400, 300);
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, 0, 10);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, 0, 10);
  sd_plot_layout (plot, canvas.cr, 400, 300);
  sd_plot_draw (plot, canvas.cr, NULL, NULL);

  g_assert_cmphex (pixel (&canvas, 0, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel (&canvas, 399, 299) >> 24, ==, 0);

  /* Between grid lines, inside the plot, nothing either. */
  ticks = sd_plot_get_ticks (plot, SD_AXIS_X);
  g_assert_cmpuint (ticks->n, >=, 2);
  g_assert_true (sd_plot_map (plot, (ticks->values[0] + ticks->values[1]) / 2,
                              (ticks->values[0] + ticks->values[1]) / 2, &px, &py));
  g_assert_cmphex (pixel (&canvas, (int) px, (int) py) >> 24, ==, 0);

  /* The frame is drawn, opaque black. */
  {
    cairo_rectangle_t area;

    sd_plot_get_area (plot, &area);
    g_assert_cmphex (pixel (&canvas, (int) floor (area.x), (int) (area.y + area.height / 2)) >> 24,
                     >, 0x40);
  }

  canvas_clear (&canvas);
}

static void
test_frame (void)
{
  SdThemeStyle style;
  g_autoptr(SdPlot) plot = NULL;
  cairo_rectangle_t area;
  Canvas canvas;
  int left, right, top, bottom, mid_x, mid_y;

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  style.show_grid = FALSE;
  plot = sd_plot_new (&style);
  canvas_init (&canvas, 400, 300);
  sd_plot_layout (plot, canvas.cr, 400, 300);
  sd_plot_draw (plot, canvas.cr, NULL, NULL);
  sd_plot_get_area (plot, &area);

  /* A one-pixel frame sits on the pixel that holds each edge. */
  left = (int) floor (area.x);
  right = (int) floor (area.x + area.width);
  top = (int) floor (area.y);
  bottom = (int) floor (area.y + area.height);
  mid_x = (int) (area.x + area.width / 2);
  mid_y = (int) (area.y + area.height / 2);

  g_assert_cmpfloat (brightness (pixel (&canvas, left, mid_y)), <, 0.4);
  g_assert_cmpfloat (brightness (pixel (&canvas, right, mid_y)), <, 0.4);
  g_assert_cmpfloat (brightness (pixel (&canvas, mid_x, top)), <, 0.4);
  g_assert_cmpfloat (brightness (pixel (&canvas, mid_x, bottom)), <, 0.4);

  /* Crisp: the pixels beside the frame are untouched. */
  g_assert_cmphex (pixel (&canvas, left + 1, mid_y), ==, 0xffffffff);
  g_assert_cmphex (pixel (&canvas, right - 1, mid_y), ==, 0xffffffff);
  g_assert_cmphex (pixel (&canvas, mid_x, top + 1), ==, 0xffffffff);
  g_assert_cmphex (pixel (&canvas, mid_x, top - 1), ==, 0xffffffff);
  g_assert_cmphex (pixel (&canvas, right + 1, mid_y), ==, 0xffffffff);

  /* The area lies inside the figure with room for labels on the left
   * and below. */
  g_assert_cmpfloat (area.x, >, 2 * style.font_size);
  g_assert_cmpfloat (area.y + area.height, <, 300 - 2 * style.font_size);
  g_assert_cmpfloat (area.x + area.width, <, 400);
  g_assert_cmpfloat (area.y, >, 0);

  canvas_clear (&canvas);
}

/* Each major tick is drawn where sd_plot_map() puts its value: a data
 * point at a tick's value lands on the tick's column (x) or row (y). */
static void
test_ticks_where_mapped (void)
{
  SdThemeStyle style;
  g_autoptr(SdPlot) plot = NULL;
  const SdTicks *ticks;
  cairo_rectangle_t area;
  Canvas canvas;

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  style.show_grid = FALSE;
  plot = sd_plot_new (&style);
  canvas_init (&canvas, 500, 400);
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, -2.3, 1.7);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LOG, 0.05, 300);
  sd_plot_layout (plot, canvas.cr, 500, 400);
  sd_plot_draw (plot, canvas.cr, NULL, NULL);
  sd_plot_get_area (plot, &area);

  ticks = sd_plot_get_ticks (plot, SD_AXIS_X);
  g_assert_cmpuint (ticks->n, >=, 3);
  for (guint i = 0; i < ticks->n; i++)
    {
      double px, py;
      int below = (int) floor (area.y + area.height) + 2;

      g_assert_true (sd_plot_map (plot, ticks->values[i], 1.0, &px, &py));
      g_assert_cmpfloat (brightness (pixel (&canvas, (int) floor (px), below)), <, 0.4);
      g_assert_cmphex (pixel (&canvas, (int) floor (px) - 2, below), ==, 0xffffffff);
      g_assert_cmphex (pixel (&canvas, (int) floor (px) + 2, below), ==, 0xffffffff);
    }

  /* Decades on the log axis, with minor ticks between them. */
  ticks = sd_plot_get_ticks (plot, SD_AXIS_Y);
  g_assert_cmpfloat (ticks->values[0], ==, 0.1);
  g_assert_cmpfloat (ticks->values[ticks->n - 1], ==, 100.0);
  g_assert_cmpuint (ticks->n_minor, >, 0);
  for (guint i = 0; i < ticks->n; i++)
    {
      double px, py;
      int left = (int) floor (area.x) - 2;

      g_assert_true (sd_plot_map (plot, 0.0, ticks->values[i], &px, &py));
      g_assert_cmpfloat (brightness (pixel (&canvas, left, (int) floor (py))), <, 0.4);
    }

  canvas_clear (&canvas);
}

static void
test_map (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
  cairo_rectangle_t area;
  Canvas canvas;
  double px, py, x, y;
  GRand *rand = g_rand_new_with_seed (7);

  canvas_init (&canvas, 640, 480);
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, -2, 2);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, -1, 3);
  sd_plot_layout (plot, canvas.cr, 640, 480);
  sd_plot_get_area (plot, &area);

  /* The range's corners are the area's, y upwards. */
  g_assert_true (sd_plot_map (plot, -2, -1, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, area.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, area.y + area.height, 1e-9);
  g_assert_true (sd_plot_map (plot, 2, 3, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, area.x + area.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, area.y, 1e-9);
  g_assert_true (sd_plot_map (plot, 0, 1, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, area.x + area.width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, area.y + area.height / 2, 1e-9);

  /* Outside the range maps outside the area. */
  g_assert_true (sd_plot_map (plot, 4, -3, &px, &py));
  g_assert_cmpfloat (px, >, area.x + area.width);
  g_assert_cmpfloat (py, >, area.y + area.height);

  /* Unmap inverts map. */
  for (guint i = 0; i < 100; i++)
    {
      double dx = g_rand_double_range (rand, -10, 10);
      double dy = g_rand_double_range (rand, -10, 10);

      g_assert_true (sd_plot_map (plot, dx, dy, &px, &py));
      g_assert_true (sd_plot_unmap (plot, px, py, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, dx, 1e-12);
      g_assert_cmpfloat_with_epsilon (y, dy, 1e-12);
    }

  /* No place for what is not a number. */
  g_assert_false (sd_plot_map (plot, NAN, 0, &px, &py));
  g_assert_true (isnan (px) && isnan (py));
  g_assert_false (sd_plot_map (plot, 0, INFINITY, &px, NULL));
  g_assert_false (sd_plot_unmap (plot, NAN, 0, &x, &y));
  g_assert_true (isnan (x) && isnan (y));

  /* A drawn point lands on its pixel. */
  sd_plot_draw_background (plot, canvas.cr);
  g_assert_true (sd_plot_map (plot, 1.25, 0.5, &px, &py));
  cairo_save (canvas.cr);
  sd_plot_clip (plot, canvas.cr);
  cairo_set_source_rgb (canvas.cr, 1, 0, 0);
  cairo_arc (canvas.cr, px, py, 1.5, 0, 2 * G_PI);
  cairo_fill (canvas.cr);
  cairo_restore (canvas.cr);
  g_assert_cmphex (pixel (&canvas,
                          (int) floor (area.x + (1.25 + 2) / 4 * area.width),
                          (int) floor (area.y + (3 - 0.5) / 4 * area.height)), ==, 0xffff0000);

  g_rand_free (rand);
  canvas_clear (&canvas);
}

static void
test_map_log_and_inverted (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_DARK, 1.0);
  cairo_rectangle_t area;
  Canvas canvas;
  double px, py, x, y;

  canvas_init (&canvas, 500, 400);
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LOG, 1, 1000);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, 5, -5);
  sd_plot_layout (plot, canvas.cr, 500, 400);
  sd_plot_get_area (plot, &area);

  /* Decades are equally long. */
  g_assert_true (sd_plot_map (plot, 10, 5, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, area.x + area.width / 3, 1e-9);
  g_assert_true (sd_plot_map (plot, 100, 5, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, area.x + 2 * area.width / 3, 1e-9);

  /* The inverted y axis has its minimum, 5, at the bottom. */
  g_assert_cmpfloat_with_epsilon (py, area.y + area.height, 1e-9);
  g_assert_true (sd_plot_map (plot, 100, -5, NULL, &py));
  g_assert_cmpfloat_with_epsilon (py, area.y, 1e-9);

  g_assert_true (sd_plot_unmap (plot, area.x + area.width / 2, area.y, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, sqrt (1000), 1e-9);
  g_assert_cmpfloat_with_epsilon (y, -5, 1e-12);

  /* A log axis has no place for 0 or less. */
  g_assert_false (sd_plot_map (plot, 0, 0, &px, &py));
  g_assert_false (sd_plot_map (plot, -1, 0, &px, &py));

  /* Ticks: every decade. */
  {
    const SdTicks *ticks = sd_plot_get_ticks (plot, SD_AXIS_X);

    g_assert_cmpuint (ticks->n, ==, 4);
    g_assert_cmpfloat (ticks->values[0], ==, 1.0);
    g_assert_cmpfloat (ticks->values[3], ==, 1000.0);
  }

  sd_plot_draw (plot, canvas.cr, NULL, NULL);
  canvas_clear (&canvas);
}

static void
test_equal_aspect (void)
{
  static const double sizes[][2] = { { 800, 600 }, { 400, 700 }, { 1000, 300 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
      Canvas canvas;
      double x0, y0, x1, y1, xmin, xmax, ymin, ymax;

      canvas_init (&canvas, 10, 10);
      sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, -3, 3);
      sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, -2, 2);
      sd_plot_set_equal_aspect (plot, TRUE);
      sd_plot_layout (plot, canvas.cr, sizes[s][0], sizes[s][1]);

      /* A unit is as long across as up. */
      sd_plot_map (plot, 0, 0, &x0, &y0);
      sd_plot_map (plot, 1, 1, &x1, &y1);
      g_assert_cmpfloat_with_epsilon (x1 - x0, y0 - y1, 1e-9);

      /* The ranges were only widened, around their centres. */
      sd_plot_get_range (plot, SD_AXIS_X, &xmin, &xmax);
      sd_plot_get_range (plot, SD_AXIS_Y, &ymin, &ymax);
      g_assert_cmpfloat (xmin, <=, -3 + 1e-12);
      g_assert_cmpfloat (xmax, >=, 3 - 1e-12);
      g_assert_cmpfloat (ymin, <=, -2 + 1e-12);
      g_assert_cmpfloat (ymax, >=, 2 - 1e-12);
      g_assert_cmpfloat_with_epsilon (xmin + xmax, 0, 1e-12);
      g_assert_cmpfloat_with_epsilon (ymin + ymax, 0, 1e-12);
      g_assert_true ((xmin == -3 && xmax == 3) || (ymin == -2 && ymax == 2));

      /* The grid is made of squares. */
      g_assert_cmpfloat (sd_plot_get_ticks (plot, SD_AXIS_X)->step, ==,
                         sd_plot_get_ticks (plot, SD_AXIS_Y)->step);

      canvas_clear (&canvas);
    }
}

/* Pixels that differ from the background in rows [y0, y1). */
static guint
ink_in_rows (Canvas  *canvas,
             guint32  background,
             int      y0,
             int      y1)
{
  guint count = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, canvas->height); y++)
    for (int x = 0; x < canvas->width; x++)
      count += pixel (canvas, x, y) != background;

  return count;
}

static void
test_title (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
  const SdThemeStyle *style = sd_plot_get_style (plot);
  cairo_rectangle_t with_title, without_title;
  Canvas canvas;

  canvas_init (&canvas, 480, 360);

  sd_plot_layout (plot, canvas.cr, 480, 360);
  sd_plot_draw (plot, canvas.cr, NULL, NULL);
  sd_plot_get_area (plot, &without_title);
  g_assert_cmpuint (ink_in_rows (&canvas, 0xffffffff, 0, (int) (without_title.y - style->font_size)),
                    ==, 0);

  sd_plot_set_title (plot, "Loss landscape: ∇f and λ<sub>max</sub>");
  g_assert_false (sd_plot_is_laid_out (plot));
  sd_plot_layout (plot, canvas.cr, 480, 360);
  sd_plot_draw (plot, canvas.cr, NULL, NULL);
  sd_plot_get_area (plot, &with_title);

  /* The title takes a band of its own above the plot, with ink in it. */
  g_assert_cmpfloat (with_title.y, >, without_title.y + style->title_size);
  g_assert_cmpuint (ink_in_rows (&canvas, 0xffffffff, 0, (int) (with_title.y - style->font_size)),
                    >, 50);

  /* A title that is not valid markup is drawn as text all the same. */
  sd_plot_set_title (plot, "a < b & <c>");
  sd_plot_layout (plot, canvas.cr, 480, 360);
  sd_plot_draw (plot, canvas.cr, NULL, NULL);
  sd_plot_get_area (plot, &with_title);
  g_assert_cmpuint (ink_in_rows (&canvas, 0xffffffff, 0, (int) (with_title.y - style->font_size)),
                    >, 50);

  /* A title wider than the figure wraps instead of being cut. */
  sd_plot_set_title (plot, "A title far too long to fit on one line of a figure this narrow, "
                           "so that it has to wrap");
  sd_plot_layout (plot, canvas.cr, 480, 360);
  sd_plot_get_area (plot, &with_title);
  g_assert_cmpfloat (with_title.y, >, without_title.y + 2 * style->title_size);

  canvas_clear (&canvas);
}

static double
area_left (SdPlot  *plot,
           cairo_t *cr)
{
  cairo_rectangle_t area;

  sd_plot_layout (plot, cr, 600, 400);
  sd_plot_get_area (plot, &area);
  return area.x;
}

static void
test_margins (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
  g_autoptr(SdPlot) big = new_plot (SD_THEME_LIGHT, 1.5);
  cairo_rectangle_t area, big_area, titled;
  Canvas canvas;
  double short_labels, long_labels;

  canvas_init (&canvas, 10, 10);

  /* Longer tick labels, wider margin: "0.2" against "−1234500". */
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, 0, 1);
  short_labels = area_left (plot, canvas.cr);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, -1234567, -1234321);
  long_labels = area_left (plot, canvas.cr);
  g_assert_cmpfloat (long_labels, >, short_labels + 3 * sd_plot_get_style (plot)->font_size);

  /* Axis titles take room too. */
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, 0, 1);
  sd_plot_layout (plot, canvas.cr, 600, 400);
  sd_plot_get_area (plot, &area);
  sd_plot_set_axis_title (plot, SD_AXIS_X, "w<sub>1</sub>");
  sd_plot_set_axis_title (plot, SD_AXIS_Y, "w<sub>2</sub>");
  sd_plot_layout (plot, canvas.cr, 600, 400);
  sd_plot_get_area (plot, &titled);
  g_assert_cmpfloat (titled.x, >, area.x + sd_plot_get_style (plot)->label_size);
  g_assert_cmpfloat (titled.y + titled.height, <,
                     area.y + area.height - sd_plot_get_style (plot)->label_size);

  /* The presentation scale enlarges everything, leaving a smaller area. */
  sd_plot_layout (big, canvas.cr, 600, 400);
  sd_plot_get_area (big, &big_area);
  g_assert_cmpfloat (big_area.x, >, area.x);
  g_assert_cmpfloat (big_area.width, <, area.width);
  g_assert_cmpfloat (big_area.height, <, area.height);

  canvas_clear (&canvas);
}

/* Adjacent tick labels never touch, at any figure width, even labels
 * wider than the spacing the axis would like. */
static void
test_labels_apart (void)
{
  static const double ranges[][2] = { { -0.0137, 0.0291 }, { 1234500.5, 1234987.3 } };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
  for (double width = 160; width <= 1400; width += 70)
    {
      g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
      const SdThemeStyle *style = sd_plot_get_style (plot);
      const SdTicks *ticks;
      Canvas canvas;
      double previous_right = -INFINITY;

      canvas_init (&canvas, 10, 10);
      sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, ranges[r][0], ranges[r][1]);
      sd_plot_layout (plot, canvas.cr, width, 300);
      ticks = sd_plot_get_ticks (plot, SD_AXIS_X);
      g_assert_cmpuint (ticks->n, >=, 1);

      for (guint i = 0; i < ticks->n; i++)
        {
          g_autofree char *label = sd_ticks_get_label (ticks, i);
          g_autoptr(PangoLayout) layout = sd_text_layout_new (canvas.cr, style, SD_TEXT_BODY, label);
          cairo_rectangle_t box;
          double px;

          sd_plot_map (plot, ticks->values[i], 0.5, &px, NULL);
          sd_text_get_box (layout, px, 0, SD_TEXT_CENTER, SD_TEXT_TOP, 0, &box);
          g_assert_cmpfloat (box.x, >, previous_right);
          g_assert_cmpfloat (box.x, >=, 0);
          g_assert_cmpfloat (box.x + box.width, <=, width);
          previous_right = box.x + box.width;
        }

      canvas_clear (&canvas);
    }
}

/* The layout is the same on a PNG at scale 1 or 2 and on an SVG, so the
 * window and every exported file show the same figure. */
static void
test_surfaces_agree (void)
{
  cairo_surface_t *surfaces[3];
  cairo_rectangle_t reference = { 0 };

  surfaces[0] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  surfaces[1] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20, 20);
  surfaces[2] = cairo_svg_surface_create_for_stream (NULL, NULL, 800, 600);

  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      g_autoptr(SdPlot) plot = new_plot (SD_THEME_PRINT, 1.0);
      cairo_t *cr = cairo_create (surfaces[s]);
      cairo_rectangle_t area;

      if (s == 1)
        cairo_scale (cr, 2, 2);

      sd_plot_set_title (plot, "Gradient descent on x² + 10 y²");
      sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, -1.5, 2.5);
      sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LOG, 1e-3, 40);
      sd_plot_set_axis_title (plot, SD_AXIS_X, "step k");
      sd_plot_set_axis_title (plot, SD_AXIS_Y, "f(x<sub>k</sub>)");
      sd_plot_set_colorbar (plot, sd_colorbar_new (SD_COLORMAP_MAGMA, SD_SCALE_LINEAR, 0, 7));
      sd_plot_layout (plot, cr, 800, 600);
      sd_plot_get_area (plot, &area);

      if (s == 0)
        reference = area;
      g_assert_cmpfloat_with_epsilon (area.x, reference.x, 1e-6);
      g_assert_cmpfloat_with_epsilon (area.y, reference.y, 1e-6);
      g_assert_cmpfloat_with_epsilon (area.width, reference.width, 1e-6);
      g_assert_cmpfloat_with_epsilon (area.height, reference.height, 1e-6);

      sd_plot_draw (plot, cr, NULL, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surfaces[s]);
      cairo_surface_destroy (surfaces[s]);
    }
}

static void
test_single_value (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
  const SdTicks *ticks;
  Canvas canvas;
  double min, max;
  gboolean found = FALSE;

  canvas_init (&canvas, 10, 10);
  sd_plot_set_axis (plot, SD_AXIS_Y, SD_SCALE_LINEAR, 5, 5);
  sd_plot_layout (plot, canvas.cr, 600, 400);
  sd_plot_get_range (plot, SD_AXIS_Y, &min, &max);
  g_assert_cmpfloat (min, ==, 4.75);
  g_assert_cmpfloat (max, ==, 5.25);

  ticks = sd_plot_get_ticks (plot, SD_AXIS_Y);
  for (guint i = 0; i < ticks->n; i++)
    found = found || ticks->values[i] == 5.0;
  g_assert_true (found);

  canvas_clear (&canvas);
}

static void
count_calls (SdPlot  *plot,
             cairo_t *cr,
             gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static void
test_tiny (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
  cairo_rectangle_t area;
  Canvas canvas;
  double px, py;
  guint calls = 0;

  canvas_init (&canvas, 30, 20);
  sd_plot_set_title (plot, "Title");
  sd_plot_set_axis_title (plot, SD_AXIS_X, "x");
  sd_plot_layout (plot, canvas.cr, 30, 20);
  sd_plot_get_area (plot, &area);
  g_assert_true (area.width == 0.0 || area.height == 0.0);
  g_assert_false (sd_plot_map (plot, 0.5, 0.5, &px, &py));
  g_assert_false (sd_plot_unmap (plot, 10, 10, &px, &py));
  sd_plot_draw (plot, canvas.cr, count_calls, &calls);
  g_assert_cmpuint (calls, ==, 0);
  g_assert_cmpint (cairo_status (canvas.cr), ==, CAIRO_STATUS_SUCCESS);

  sd_plot_layout (plot, canvas.cr, 0, 0);
  sd_plot_draw (plot, canvas.cr, count_calls, &calls);
  g_assert_cmpuint (calls, ==, 0);

  sd_plot_layout (plot, canvas.cr, 300, 200);
  sd_plot_draw (plot, canvas.cr, count_calls, &calls);
  g_assert_cmpuint (calls, ==, 1);

  canvas_clear (&canvas);
}

static void
test_errors (void)
{
  g_autoptr(SdPlot) plot = new_plot (SD_THEME_LIGHT, 1.0);
  cairo_rectangle_t area;
  Canvas canvas;
  double min, max;

  canvas_init (&canvas, 10, 10);

  /* Nothing can be asked before a layout. */
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*laid_out*");
  g_assert_false (sd_plot_map (plot, 0, 0, NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*laid_out*");
  sd_plot_get_area (plot, &area);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*laid_out*");
  sd_plot_draw_axes (plot, canvas.cr);
  g_test_assert_expected_messages ();

  /* Ranges that cannot be shown are refused and the old one kept. */
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*sd_range_nonsingular*");
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, NAN, 1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*sd_range_nonsingular*");
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LINEAR, 0, INFINITY);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*sd_range_nonsingular*");
  sd_plot_set_axis (plot, SD_AXIS_X, SD_SCALE_LOG, 0, 10);
  g_test_assert_expected_messages ();

  sd_plot_layout (plot, canvas.cr, 300, 200);
  sd_plot_get_range (plot, SD_AXIS_X, &min, &max);
  g_assert_cmpfloat (min, ==, 0.0);
  g_assert_cmpfloat (max, ==, 1.0);

  /* Anything that changes the figure asks for a new layout. */
  sd_plot_set_equal_aspect (plot, TRUE);
  g_assert_false (sd_plot_is_laid_out (plot));
  sd_plot_layout (plot, canvas.cr, 300, 200);
  sd_plot_set_colorbar (plot, NULL);
  g_assert_false (sd_plot_is_laid_out (plot));

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*width >= 0.0*");
  sd_plot_layout (plot, canvas.cr, -1, 200);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*isfinite (height)*");
  sd_plot_layout (plot, canvas.cr, 100, NAN);
  g_test_assert_expected_messages ();

  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/plot/background", test_background);
  g_test_add_func ("/render/plot/transparent", test_transparent);
  g_test_add_func ("/render/plot/frame", test_frame);
  g_test_add_func ("/render/plot/ticks-where-mapped", test_ticks_where_mapped);
  g_test_add_func ("/render/plot/map", test_map);
  g_test_add_func ("/render/plot/map-log-inverted", test_map_log_and_inverted);
  g_test_add_func ("/render/plot/equal-aspect", test_equal_aspect);
  g_test_add_func ("/render/plot/title", test_title);
  g_test_add_func ("/render/plot/margins", test_margins);
  g_test_add_func ("/render/plot/labels-apart", test_labels_apart);
  g_test_add_func ("/render/plot/surfaces-agree", test_surfaces_agree);
  g_test_add_func ("/render/plot/single-value", test_single_value);
  g_test_add_func ("/render/plot/tiny", test_tiny);
  g_test_add_func ("/render/plot/errors", test_errors);

  return g_test_run ();
}
