/* test-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "legend.h"

#define WIDTH 400
#define HEIGHT 300

typedef struct
{
  cairo_surface_t   *surface;
  cairo_t           *cr;
  SdThemeStyle       style;
  cairo_rectangle_t  area;
  SdLegend          *legend;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  SdLegendEntry entry = {
    .markup = "SGD, η = 0.01",
    .color = { 0.0, 114 / 255.0, 178 / 255.0, 1.0 },
    .line_width = 2.0,
    .marker = SD_MARKER_CIRCLE,
  };

  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  fixture->cr = cairo_create (fixture->surface);
  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &fixture->style);
  fixture->area = (cairo_rectangle_t) { 50, 20, 300, 240 };

  /* The data: the whole area red, so the legend's box shows. */
  cairo_set_source_rgb (fixture->cr, 1, 0, 0);
  cairo_rectangle (fixture->cr, fixture->area.x, fixture->area.y,
                   fixture->area.width, fixture->area.height);
  cairo_fill (fixture->cr);

  fixture->legend = sd_legend_new ();
  sd_legend_add (fixture->legend, &entry);
  entry.markup = "Adam, β<sub>1</sub> = 0.9";
  entry.marker = SD_MARKER_TRIANGLE;
  entry.dashes[0] = 4;
  entry.dashes[1] = 2;
  entry.n_dashes = 2;
  sd_legend_add (fixture->legend, &entry);
  entry.markup = "p(x)";
  entry.filled = TRUE;
  entry.line_width = 0;
  entry.marker = SD_MARKER_NONE;
  sd_legend_add (fixture->legend, &entry);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sd_legend_free (fixture->legend);
  cairo_destroy (fixture->cr);
  cairo_surface_destroy (fixture->surface);
}

static guint32
pixel (Fixture *fixture,
       int      x,
       int      y)
{
  const guint8 *data;

  cairo_surface_flush (fixture->surface);
  data = cairo_image_surface_get_data (fixture->surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (fixture->surface) + 4 * x);
}

/* The corner the box sits in, as documented: 0.6 font sizes inside. */
static void
assert_corner (const Fixture           *fixture,
               const cairo_rectangle_t *box,
               gboolean                 right,
               gboolean                 top)
{
  double inset = 0.6 * fixture->style.font_size;
  const cairo_rectangle_t *area = &fixture->area;

  if (right)
    g_assert_cmpfloat_with_epsilon (box->x + box->width, area->x + area->width - inset, 1e-9);
  else
    g_assert_cmpfloat_with_epsilon (box->x, area->x + inset, 1e-9);

  if (top)
    g_assert_cmpfloat_with_epsilon (box->y, area->y + inset, 1e-9);
  else
    g_assert_cmpfloat_with_epsilon (box->y + box->height, area->y + area->height - inset, 1e-9);
}

static void
test_default_place (Fixture       *fixture,
                    gconstpointer  data)
{
  cairo_rectangle_t box;
  double width, height;

  g_assert_cmpuint (sd_legend_get_n_entries (fixture->legend), ==, 3);
  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, &fixture->area, NULL, 0, &box);
  assert_corner (fixture, &box, TRUE, TRUE);

  sd_legend_measure (fixture->legend, fixture->cr, &fixture->style, &width, &height);
  g_assert_cmpfloat (box.width, ==, width);
  g_assert_cmpfloat (box.height, ==, height);
  /* Three rows of text. */
  g_assert_cmpfloat (height, >, 3 * fixture->style.font_size);

  /* Inside its box the legend covers the data with the theme's
   * background at 85 %: over red, (255, 217, 217). Around it, the data. */
  {
    guint32 inside = pixel (fixture, (int) (box.x + box.width - 3), (int) (box.y + box.height / 2));
    guint32 outside = pixel (fixture, (int) (box.x - 3), (int) (box.y + box.height / 2));

    g_assert_cmphex (inside >> 16 & 0xff, ==, 0xff);
    g_assert_cmpint (abs ((int) (inside >> 8 & 0xff) - 217), <=, 1);
    g_assert_cmpint (abs ((int) (inside & 0xff) - 217), <=, 1);
    g_assert_cmphex (outside, ==, 0xffff0000);
    g_assert_cmphex (pixel (fixture, (int) (box.x + box.width / 2), (int) (box.y + box.height + 3)),
                     ==, 0xffff0000);
  }
}

static void
test_avoids_busy (Fixture       *fixture,
                  gconstpointer  data)
{
  const cairo_rectangle_t *area = &fixture->area;
  cairo_rectangle_t box;
  cairo_rectangle_t top_right = { area->x + area->width - 60, area->y, 60, 60 };
  cairo_rectangle_t top_half = { area->x, area->y, area->width, area->height / 2 };
  cairo_rectangle_t everywhere = *area;
  cairo_rectangle_t three[3] = {
    { area->x, area->y, 40, 40 },
    { area->x + area->width - 40, area->y, 40, 40 },
    { area->x + area->width - 40, area->y + area->height - 40, 40, 40 },
  };

  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, area, &top_right, 1, &box);
  assert_corner (fixture, &box, FALSE, TRUE);

  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, area, &top_half, 1, &box);
  assert_corner (fixture, &box, TRUE, FALSE);

  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, area, three, 3, &box);
  assert_corner (fixture, &box, FALSE, FALSE);

  /* Busy everywhere alike: the default corner. */
  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, area, &everywhere, 1, &box);
  assert_corner (fixture, &box, TRUE, TRUE);
}

static void
test_placement (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    SdLegendPlacement placement;
    gboolean          right;
    gboolean          top;
  } cases[] = {
    { SD_LEGEND_TOP_RIGHT, TRUE, TRUE },
    { SD_LEGEND_TOP_LEFT, FALSE, TRUE },
    { SD_LEGEND_BOTTOM_LEFT, FALSE, FALSE },
    { SD_LEGEND_BOTTOM_RIGHT, TRUE, FALSE },
  };
  cairo_rectangle_t everywhere = fixture->area;

  /* A chosen corner is kept even where the data is. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_rectangle_t box;

      sd_legend_set_placement (fixture->legend, cases[i].placement);
      sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, &fixture->area,
                      &everywhere, 1, &box);
      assert_corner (fixture, &box, cases[i].right, cases[i].top);
    }
}

static void
test_wider_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  SdLegendEntry entry = { .markup = "a much longer label than the others, with ∇f", .color = { 0, 0, 0, 1 } };
  double before, after, height_before, height_after;

  sd_legend_measure (fixture->legend, fixture->cr, &fixture->style, &before, &height_before);
  sd_legend_add (fixture->legend, &entry);
  sd_legend_measure (fixture->legend, fixture->cr, &fixture->style, &after, &height_after);
  g_assert_cmpfloat (after, >, before + 10 * fixture->style.font_size);
  g_assert_cmpfloat (height_after, >, height_before + fixture->style.font_size);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SdLegend) empty = sd_legend_new ();
  cairo_rectangle_t box;

  sd_legend_draw (empty, fixture->cr, &fixture->style, &fixture->area, NULL, 0, &box);
  g_assert_cmpfloat (box.width, ==, 0);
  g_assert_cmpfloat (box.height, ==, 0);
  g_assert_cmphex (pixel (fixture, (int) (fixture->area.x + fixture->area.width - 10),
                          (int) (fixture->area.y + 10)), ==, 0xffff0000);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*entries->len > 0*");
  sd_legend_measure (empty, fixture->cr, &fixture->style, &box.width, &box.height);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*markup != NULL*");
  sd_legend_add (empty, &(SdLegendEntry) { .markup = NULL });
  g_test_assert_expected_messages ();
  g_assert_cmpuint (sd_legend_get_n_entries (empty), ==, 0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*n_dashes*");
  sd_legend_add (empty, &(SdLegendEntry) { .markup = "x", .n_dashes = 5 });
  g_test_assert_expected_messages ();
}

static void
test_markers (Fixture       *fixture,
              gconstpointer  data)
{
  static const double green[4] = { 0, 1, 0, 1 };
  double size = fixture->style.marker_size;

  for (SdMarker marker = SD_MARKER_CIRCLE; marker <= SD_MARKER_CROSS; marker++)
    {
      double x = 10.5 + 20 * marker, y = 280.5;

      sd_marker_draw (fixture->cr, &fixture->style, marker, x, y, green);

      /* Its colour at the point, nothing a marker's width away. */
      g_assert_cmphex (pixel (fixture, (int) x, (int) y), ==, 0xff00ff00);
      g_assert_cmphex (pixel (fixture, (int) (x + size), (int) y) >> 24, ==, 0);
      g_assert_cmphex (pixel (fixture, (int) x, (int) (y - size)) >> 24, ==, 0);
    }

  /* No marker, no ink. */
  sd_marker_draw (fixture->cr, &fixture->style, SD_MARKER_NONE, 150, 280, green);
  g_assert_cmphex (pixel (fixture, 150, 280) >> 24, ==, 0);
}

/* Fitting ----------------------------------------------------------------- */

/* The drawn legend's ink, every pixel not left transparent, lies in @box
 * but for half the frame's line, stroked on the box's edge. */
static void
assert_ink_inside (Fixture                 *fixture,
                   const cairo_rectangle_t *box)
{
  double half = fixture->style.axis_line_width / 2;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (pixel (fixture, x, y) >> 24 != 0)
        {
          g_assert_cmpfloat (x + 1, >=, box->x - half);
          g_assert_cmpfloat (x, <=, box->x + box->width + half);
          g_assert_cmpfloat (y + 1, >=, box->y - half);
          g_assert_cmpfloat (y, <=, box->y + box->height + half);
        }
}

static void
clear (Fixture *fixture)
{
  cairo_save (fixture->cr);
  cairo_set_operator (fixture->cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (fixture->cr);
  cairo_restore (fixture->cr);
}

/* Set full size in one column, the fitted legend is the classic one:
 * the same box, the same pixels. */
static void
test_fit_classic (Fixture       *fixture,
                  gconstpointer  data)
{
  gsize size = (gsize) cairo_image_surface_get_stride (fixture->surface) * HEIGHT;
  g_autofree guint8 *classic = NULL;
  cairo_rectangle_t box;
  SdLegendFit fit;

  clear (fixture);
  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, &fixture->area, NULL, 0, &box);
  cairo_surface_flush (fixture->surface);
  classic = g_memdup2 (cairo_image_surface_get_data (fixture->surface), size);

  g_assert_true (sd_legend_fit (fixture->legend, fixture->cr, &fixture->style, &fixture->area,
                                NULL, 0, NULL, 0, &fit));
  g_assert_cmpfloat (fit.font_scale, ==, 1.0);
  g_assert_cmpuint (fit.columns, ==, 1);
  g_assert_cmpfloat (fit.wrap_width, ==, 0.0);
  g_assert_cmpmem (&fit.box, sizeof fit.box, &box, sizeof box);

  clear (fixture);
  sd_legend_draw_fit (fixture->legend, fixture->cr, &fixture->style, &fit);
  cairo_surface_flush (fixture->surface);
  g_assert_cmpint (memcmp (classic, cairo_image_surface_get_data (fixture->surface), size), ==, 0);
}

/* A legend wider than the plot: the classic one reaches out of it; the
 * fitted one is set smaller or wrapped, and every pixel it draws is in
 * the plot. */
static void
test_fit_narrow (Fixture       *fixture,
                 gconstpointer  data)
{
  SdLegendEntry entry = {
    .markup = "Sum of 40 flips (binomial, <i>n</i> = 40, <i>p</i> = 0.25; 20\u2009000 samples)",
    .color = { 0.8, 0.4, 0.0, 1.0 },
    .line_width = 2.0,
  };
  cairo_rectangle_t narrow = { 100, 40, 200, 200 }, box;
  SdLegendFit fit;

  sd_legend_add (fixture->legend, &entry);
  sd_legend_draw (fixture->legend, fixture->cr, &fixture->style, &narrow, NULL, 0, &box);
  g_assert_cmpfloat (box.x, <, narrow.x);

  clear (fixture);
  g_assert_true (sd_legend_fit (fixture->legend, fixture->cr, &fixture->style, &narrow,
                                NULL, 0, NULL, 0, &fit));
  g_assert_true (fit.font_scale < 1.0 || fit.wrap_width > 0.0);
  g_assert_cmpfloat (fit.font_scale, >=, 0.7);
  g_assert_cmpfloat (fit.box.x, >=, narrow.x);
  g_assert_cmpfloat (fit.box.y, >=, narrow.y);
  g_assert_cmpfloat (fit.box.x + fit.box.width, <=, narrow.x + narrow.width);
  g_assert_cmpfloat (fit.box.y + fit.box.height, <=, narrow.y + narrow.height);
  /* The long entry wraps onto more lines than it would take set full
   * width: the box is taller than four rows of text. */
  g_assert_cmpfloat (fit.box.height, >, 4 * fit.font_scale * fixture->style.font_size);

  sd_legend_draw_fit (fixture->legend, fixture->cr, &fixture->style, &fit);
  assert_ink_inside (fixture, &fit.box);
}

/* Many short entries in a low plot go into columns. */
static void
test_fit_columns (Fixture       *fixture,
                  gconstpointer  data)
{
  cairo_rectangle_t low = { 20, 20, 360, 70 };
  SdLegendFit fit, size;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *markup = g_strdup_printf ("run %u", i + 1);
      SdLegendEntry entry = { .markup = markup, .color = { 0, 0, 0, 1 }, .line_width = 1 };

      sd_legend_add (fixture->legend, &entry);
    }

  g_assert_true (sd_legend_fit (fixture->legend, fixture->cr, &fixture->style, &low,
                                NULL, 0, NULL, 0, &fit));
  g_assert_cmpuint (fit.columns, >, 1);
  g_assert_cmpfloat (fit.box.y + fit.box.height, <=, low.y + low.height);

  /* Fitted to a size alone, it is the same. */
  g_assert_true (sd_legend_fit_size (fixture->legend, fixture->cr, &fixture->style,
                                     low.width - 1.2 * fixture->style.font_size,
                                     low.height - 1.2 * fixture->style.font_size, &size));
  g_assert_cmpuint (size.columns, ==, fit.columns);
  g_assert_cmpfloat (size.font_scale, ==, fit.font_scale);
  g_assert_cmpfloat (size.box.width, ==, fit.box.width);
  g_assert_cmpfloat (size.box.height, ==, fit.box.height);

  clear (fixture);
  sd_legend_draw_fit (fixture->legend, fixture->cr, &fixture->style, &fit);
  assert_ink_inside (fixture, &fit.box);

  /* Nothing fits in a sliver: the smallest legend, reported as such. */
  g_assert_false (sd_legend_fit_size (fixture->legend, fixture->cr, &fixture->style, 40, 10,
                                      &size));
  g_assert_cmpfloat (size.font_scale, ==, 0.7);
}

/* Points fill a rectangle; the fitted legend goes where it covers none
 * of them, and keeps off a label too, whatever the order of preference. */
static void
test_fit_least_covered (Fixture       *fixture,
                        gconstpointer  data)
{
  const cairo_rectangle_t *area = &fixture->area;
  cairo_rectangle_t label = { area->x, area->y + area->height - 30, 30, 30 };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  SdLegendFit fit;

  /* The upper half, the right edge and a label at the bottom left: only
   * the bottom right corner is free. */
  for (double y = area->y; y < area->y + area->height / 2; y += 2)
    for (double x = area->x; x < area->x + area->width; x += 2)
      g_array_append_vals (points, (double[]) { x, y }, 2);
  for (double y = area->y; y < area->y + area->height; y += 2)
    g_array_append_vals (points, (double[]) { area->x + area->width - 1, y }, 2);

  g_assert_true (sd_legend_fit (fixture->legend, fixture->cr, &fixture->style, area,
                                (const double *) (gpointer) points->data, points->len / 2,
                                &label, 1, &fit));
  g_assert_cmpuint (fit.hidden, ==, 0);
  g_assert_cmpuint (fit.covered, ==, 0);
  g_assert_cmpuint (sd_legend_count_points (&fit.box, (const double *) (gpointer) points->data,
                                            points->len / 2), ==, 0);
  g_assert_cmpfloat (fit.box.y, >=, area->y + area->height / 2);
  g_assert_cmpfloat (fit.box.x, >=, label.x + label.width);

  /* A corner chosen is kept, whatever it covers, and says so. */
  sd_legend_set_placement (fixture->legend, SD_LEGEND_TOP_LEFT);
  g_assert_true (sd_legend_fit (fixture->legend, fixture->cr, &fixture->style, area,
                                (const double *) (gpointer) points->data, points->len / 2,
                                &label, 1, &fit));
  assert_corner (fixture, &fit.box, FALSE, TRUE);
  g_assert_cmpuint (fit.covered, ==,
                    sd_legend_count_points (&fit.box, (const double *) (gpointer) points->data,
                                            points->len / 2));
  g_assert_cmpuint (fit.covered, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/render/legend/default-place", test_default_place);
  ADD ("/render/legend/avoids-busy", test_avoids_busy);
  ADD ("/render/legend/placement", test_placement);
  ADD ("/render/legend/wider-labels", test_wider_labels);
  ADD ("/render/legend/empty", test_empty);
  ADD ("/render/legend/markers", test_markers);
  ADD ("/render/legend/fit/classic", test_fit_classic);
  ADD ("/render/legend/fit/narrow", test_fit_narrow);
  ADD ("/render/legend/fit/columns", test_fit_columns);
  ADD ("/render/legend/fit/least-covered", test_fit_least_covered);

#undef ADD

  return g_test_run ();
}
