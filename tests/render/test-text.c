/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "text.h"

#define SIZE 200

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  SdThemeStyle     style;
} Canvas;

static void
canvas_init (Canvas *canvas)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  canvas->cr = cairo_create (canvas->surface);
  cairo_set_source_rgb (canvas->cr, 1, 1, 1);
  cairo_paint (canvas->cr);
  cairo_set_source_rgb (canvas->cr, 0, 0, 0);
  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &canvas->style);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

/* The box around the pixels that are not white. */
static gboolean
ink_box (Canvas *canvas,
         int    *x0,
         int    *y0,
         int    *x1,
         int    *y1)
{
  const guint8 *data;
  int stride;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  *x0 = *y0 = SIZE;
  *x1 = *y1 = -1;

  for (int y = 0; y < SIZE; y++)
    {
      for (int x = 0; x < SIZE; x++)
        {
          guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

          /* Anything darker than a faint antialiasing fringe. */
          if ((pixel & 0xff) < 0xc0)
            {
              *x0 = MIN (*x0, x);
              *y0 = MIN (*y0, y);
              *x1 = MAX (*x1, x);
              *y1 = MAX (*y1, y);
            }
        }
    }

  return *x1 >= 0;
}

static void
test_markup (void)
{
  Canvas canvas;
  g_autoptr(PangoLayout) layout = NULL;

  canvas_init (&canvas);

  layout = sd_text_layout_new (canvas.cr, &canvas.style, SD_TEXT_BODY, "x<sub>1</sub>, ∇f, λ, σ²");
  g_assert_cmpstr (pango_layout_get_text (layout), ==, "x1, ∇f, λ, σ²");

  /* Not markup: shown as written. */
  sd_text_set_markup (layout, "a < b & c");
  g_assert_cmpstr (pango_layout_get_text (layout), ==, "a < b & c");
  g_assert_null (pango_layout_get_attributes (layout));
  sd_text_set_markup (layout, "<b>unclosed");
  g_assert_cmpstr (pango_layout_get_text (layout), ==, "<b>unclosed");
  sd_text_set_markup (layout, "<blink>x</blink>");
  g_assert_cmpstr (pango_layout_get_text (layout), ==, "<blink>x</blink>");

  /* Not UTF-8: the bad byte is replaced, and no warning aborts the test. */
  sd_text_set_markup (layout, "lo\xffss");
  g_assert_true (g_utf8_validate (pango_layout_get_text (layout), -1, NULL));
  g_assert_true (g_str_has_prefix (pango_layout_get_text (layout), "lo"));
  g_assert_true (g_str_has_suffix (pango_layout_get_text (layout), "ss"));

  sd_text_set_markup (layout, "");
  g_assert_cmpstr (pango_layout_get_text (layout), ==, "");

  canvas_clear (&canvas);
}

static void
measure (cairo_t            *cr,
         const SdThemeStyle *style,
         SdTextRole          role,
         const char         *markup,
         double             *width,
         double             *height)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, role, markup);

  sd_text_get_size (layout, width, height, NULL);
}

static void
test_sizes (void)
{
  Canvas canvas;
  SdThemeStyle big;
  double w1, h1, w2, h2, wt, ht;

  canvas_init (&canvas);
  sd_theme_get_style (SD_THEME_LIGHT, 2.0, &big);

  /* Without hinting, text scales exactly with its size. */
  measure (canvas.cr, &canvas.style, SD_TEXT_BODY, "Loss 0.125", &w1, &h1);
  measure (canvas.cr, &big, SD_TEXT_BODY, "Loss 0.125", &w2, &h2);
  g_assert_cmpfloat_with_epsilon (w2 / w1, 2.0, 2e-3);
  g_assert_cmpfloat_with_epsilon (h2 / h1, 2.0, 2e-3);

  /* A line is about 1.2 font sizes tall, in user units whatever the
   * resolution. */
  g_assert_cmpfloat (h1, >, 1.0 * canvas.style.font_size);
  g_assert_cmpfloat (h1, <, 1.5 * canvas.style.font_size);

  /* Titles are bigger (and bold), so wider. */
  measure (canvas.cr, &canvas.style, SD_TEXT_TITLE, "Loss 0.125", &wt, &ht);
  g_assert_cmpfloat (wt, >, w1);
  g_assert_cmpfloat (ht, >, h1);

  canvas_clear (&canvas);
}

/* The same text measures the same on every surface and at every scale:
 * the window, a PNG at --scale 3, an SVG and a PDF lay out alike. */
static void
test_surfaces_agree (void)
{
  static const char * const texts[] = {
    "Rosenbrock", "10<sup>−3</sup>", "x<sub>1</sub>", "−0.25", "∇f(w) · σ²",
  };
  SdThemeStyle style;
  cairo_surface_t *surfaces[4];
  double reference[G_N_ELEMENTS (texts)][2];

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &style);
  surfaces[0] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  surfaces[1] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 30);
  surfaces[2] = cairo_svg_surface_create_for_stream (NULL, NULL, 10, 10);
  surfaces[3] = cairo_pdf_surface_create_for_stream (NULL, NULL, 10, 10);

  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      cairo_t *cr = cairo_create (surfaces[s]);

      if (s == 1)
        cairo_scale (cr, 3.0, 3.0);

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          double width, height;

          measure (cr, &style, SD_TEXT_BODY, texts[t], &width, &height);
          if (s == 0)
            {
              reference[t][0] = width;
              reference[t][1] = height;
            }
          else
            {
              /* Pango measures in 1/1024 of a unit. */
              g_assert_cmpfloat_with_epsilon (width, reference[t][0], 2.0 / PANGO_SCALE);
              g_assert_cmpfloat_with_epsilon (height, reference[t][1], 2.0 / PANGO_SCALE);
            }
        }

      cairo_destroy (cr);
      cairo_surface_finish (surfaces[s]);
      cairo_surface_destroy (surfaces[s]);
    }
}

static void
char_position (PangoLayout    *layout,
               int             index,
               PangoRectangle *position)
{
  pango_layout_index_to_pos (layout, index, position);
}

static void
test_scripts (void)
{
  Canvas canvas;
  g_autoptr(PangoLayout) sup = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autoptr(PangoLayout) plain = NULL;
  PangoRectangle one, three, x, index;
  double w_sup, w_plain;

  canvas_init (&canvas);

  sup = sd_text_layout_new (canvas.cr, &canvas.style, SD_TEXT_BODY, "10<sup>3</sup>");
  plain = sd_text_layout_new (canvas.cr, &canvas.style, SD_TEXT_BODY, "103");
  sub = sd_text_layout_new (canvas.cr, &canvas.style, SD_TEXT_BODY, "x<sub>1</sub>");

  /* A superscript is smaller and raised; a subscript smaller and lowered. */
  sd_text_get_size (sup, &w_sup, NULL, NULL);
  sd_text_get_size (plain, &w_plain, NULL, NULL);
  g_assert_cmpfloat (w_sup, <, w_plain);
  char_position (sup, 0, &one);
  char_position (sup, 2, &three);
  g_assert_cmpint (three.width, <, one.width);
  g_assert_cmpint (three.y + three.height, <, one.y + one.height);

  char_position (sub, 0, &x);
  char_position (sub, 1, &index);
  g_assert_cmpint (index.y + index.height, >, x.y + x.height);

  /* Under cairo_scale () the superscript keeps its size (Pango 1.50's
   * own <sup> doubled it there). */
  cairo_scale (canvas.cr, 2.0, 2.0);
  {
    g_autoptr(PangoLayout) scaled = sd_text_layout_new (canvas.cr, &canvas.style, SD_TEXT_BODY,
                                                        "10<sup>3</sup>");
    double w_scaled;

    sd_text_get_size (scaled, &w_scaled, NULL, NULL);
    g_assert_cmpfloat_with_epsilon (w_scaled, w_sup, 2.0 / PANGO_SCALE);
  }

  canvas_clear (&canvas);
}

static void
draw_at (Canvas        *canvas,
         const char    *markup,
         double         x,
         double         y,
         SdTextHAnchor  h,
         SdTextVAnchor  v,
         double         angle,
         int           *x0,
         int           *y0,
         int           *x1,
         int           *y1)
{
  g_autoptr(PangoLayout) layout = sd_text_layout_new (canvas->cr, &canvas->style, SD_TEXT_TITLE,
                                                      markup);

  cairo_set_source_rgb (canvas->cr, 1, 1, 1);
  cairo_paint (canvas->cr);
  cairo_set_source_rgb (canvas->cr, 0, 0, 0);
  sd_text_draw (canvas->cr, layout, x, y, h, v, angle);
  g_assert_true (ink_box (canvas, x0, y0, x1, y1));
}

static void
test_anchors (void)
{
  Canvas canvas;
  int x0, y0, x1, y1;

  canvas_init (&canvas);

  /* The ink of "HHH" lies right of and below a left-top anchor, within
   * the side bearing and the space above capitals. */
  draw_at (&canvas, "HHH", 40, 30, SD_TEXT_LEFT, SD_TEXT_TOP, 0, &x0, &y0, &x1, &y1);
  g_assert_cmpint (x0, >=, 40);
  g_assert_cmpint (x0, <=, 43);
  g_assert_cmpint (y0, >=, 30);
  g_assert_cmpint (y0, <=, 30 + (int) canvas.style.title_size / 2);

  /* Capitals stand on the baseline. */
  draw_at (&canvas, "HHH", 100, 80, SD_TEXT_RIGHT, SD_TEXT_BASELINE, 0, &x0, &y0, &x1, &y1);
  g_assert_cmpint (x1, <=, 100);
  g_assert_cmpint (x1, >=, 96);
  g_assert_cmpint (y1, ==, 79);

  /* Centred both ways: the ink's centre is the anchor. */
  draw_at (&canvas, "HOH", 100, 100, SD_TEXT_CENTER, SD_TEXT_MIDDLE, 0, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (fabs ((x0 + x1 + 1) / 2.0 - 100), <=, 1.5);

  /* Rotated a quarter turn anticlockwise, the text reads upwards: it is
   * taller than wide, centred on the anchor's y, and its bottom (the
   * baseline side) faces right, onto the anchor's x. */
  draw_at (&canvas, "HHHHHH", 100, 100, SD_TEXT_CENTER, SD_TEXT_BASELINE, -G_PI / 2,
           &x0, &y0, &x1, &y1);
  g_assert_cmpint (y1 - y0, >, 3 * (x1 - x0));
  g_assert_cmpfloat (fabs ((y0 + y1 + 1) / 2.0 - 100), <=, 1.5);
  g_assert_cmpint (x1, ==, 99);

  canvas_clear (&canvas);
}

static void
test_box (void)
{
  Canvas canvas;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_rectangle_t box, turned;
  double width, height, baseline;

  canvas_init (&canvas);
  layout = sd_text_layout_new (canvas.cr, &canvas.style, SD_TEXT_LABEL, "p(x | θ)");
  sd_text_get_size (layout, &width, &height, &baseline);
  g_assert_cmpfloat (baseline, >, 0.5 * height);
  g_assert_cmpfloat (baseline, <, height);

  sd_text_get_box (layout, 10, 20, SD_TEXT_LEFT, SD_TEXT_TOP, 0, &box);
  g_assert_cmpfloat_with_epsilon (box.x, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.y, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.width, width, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.height, height, 1e-9);

  sd_text_get_box (layout, 50, 60, SD_TEXT_RIGHT, SD_TEXT_BOTTOM, 0, &box);
  g_assert_cmpfloat_with_epsilon (box.x + box.width, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.y + box.height, 60, 1e-9);

  sd_text_get_box (layout, 50, 60, SD_TEXT_CENTER, SD_TEXT_BASELINE, 0, &box);
  g_assert_cmpfloat_with_epsilon (box.y + baseline, 60, 1e-9);

  /* Turned a quarter, the box turns too; the bottom faces +x. */
  sd_text_get_box (layout, 50, 60, SD_TEXT_CENTER, SD_TEXT_BOTTOM, -G_PI / 2, &turned);
  g_assert_cmpfloat_with_epsilon (turned.width, height, 1e-9);
  g_assert_cmpfloat_with_epsilon (turned.height, width, 1e-9);
  g_assert_cmpfloat_with_epsilon (turned.x + turned.width, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (turned.y + turned.height / 2, 60, 1e-9);

  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/text/markup", test_markup);
  g_test_add_func ("/render/text/sizes", test_sizes);
  g_test_add_func ("/render/text/surfaces-agree", test_surfaces_agree);
  g_test_add_func ("/render/text/scripts", test_scripts);
  g_test_add_func ("/render/text/anchors", test_anchors);
  g_test_add_func ("/render/text/box", test_box);

  return g_test_run ();
}
