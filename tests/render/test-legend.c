/* test-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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

#undef ADD

  return g_test_run ();
}
