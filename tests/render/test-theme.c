/* test-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "theme.h"

static void
test_names (void)
{
  static const char * const names[] = { "light", "dark", "print" };
  SdTheme theme;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (sd_theme_from_name (names[i], &theme));
      g_assert_cmpint (theme, ==, i);
      g_assert_cmpstr (sd_theme_get_name (theme), ==, names[i]);
    }

  theme = SD_THEME_DARK;
  g_assert_false (sd_theme_from_name ("Light", &theme));
  g_assert_false (sd_theme_from_name ("", &theme));
  g_assert_false (sd_theme_from_name ("high-contrast", &theme));
  g_assert_cmpint (theme, ==, SD_THEME_DARK);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*theme < SD_N_THEMES*");
  g_assert_null (sd_theme_get_name (SD_N_THEMES));
  g_test_assert_expected_messages ();
}

static void
assert_color (const double rgba[4],
              guint32      hex,
              double       alpha)
{
  g_assert_cmpfloat_with_epsilon (rgba[0], (hex >> 16 & 0xff) / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rgba[1], (hex >> 8 & 0xff) / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rgba[2], (hex & 0xff) / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rgba[3], alpha, 1e-12);
}

static void
test_style (void)
{
  SdThemeStyle light, dark, print, big;

  sd_theme_get_style (SD_THEME_LIGHT, 1.0, &light);
  sd_theme_get_style (SD_THEME_DARK, 1.0, &dark);
  sd_theme_get_style (SD_THEME_PRINT, 1.0, &print);

  /* Backgrounds: white, libadwaita's dark view #1e1e1e, white. */
  assert_color (light.background, 0xffffff, 1.0);
  assert_color (dark.background, 0x1e1e1e, 1.0);
  assert_color (print.background, 0xffffff, 1.0);
  assert_color (print.foreground, 0x000000, 1.0);
  g_assert_cmpfloat (print.axis_line_width, ==, 0.5);
  g_assert_cmpfloat (light.font_size, ==, SD_THEME_FONT_SIZE);
  g_assert_false (light.transparent);
  g_assert_true (light.show_grid);

  /* Text is dark on light and light on dark. */
  g_assert_cmpfloat (light.foreground[0] + light.foreground[1] + light.foreground[2], <, 0.9);
  g_assert_cmpfloat (dark.foreground[0] + dark.foreground[1] + dark.foreground[2], >, 2.7);

  /* Every size grows with the presentation scale; colours do not. */
  sd_theme_get_style (SD_THEME_LIGHT, 1.5, &big);
  g_assert_cmpfloat (big.scale, ==, 1.5);
  g_assert_cmpfloat (big.font_size, ==, 1.5 * light.font_size);
  g_assert_cmpfloat (big.label_size, ==, 1.5 * light.label_size);
  g_assert_cmpfloat (big.title_size, ==, 1.5 * light.title_size);
  g_assert_cmpfloat (big.line_width, ==, 1.5 * light.line_width);
  g_assert_cmpfloat (big.axis_line_width, ==, 1.5 * light.axis_line_width);
  g_assert_cmpfloat (big.grid_line_width, ==, 1.5 * light.grid_line_width);
  g_assert_cmpfloat (big.tick_length, ==, 1.5 * light.tick_length);
  g_assert_cmpfloat (big.marker_size, ==, 1.5 * light.marker_size);
  g_assert_cmpfloat (big.padding, ==, 1.5 * light.padding);
  assert_color (big.background, 0xffffff, 1.0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*scale > 0.0*");
  sd_theme_get_style (SD_THEME_LIGHT, 0.0, &big);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*scale > 0.0*");
  sd_theme_get_style (SD_THEME_LIGHT, NAN, &big);
  g_test_assert_expected_messages ();
}

/* WCAG 2 relative luminance and contrast ratio
 * (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
static double
luminance (const double rgb[3])
{
  double l[3];

  for (guint i = 0; i < 3; i++)
    l[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

static double
contrast (const double a[3],
          const double b[3])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static gboolean
is_okabe_ito (const double rgba[4])
{
  /* Okabe & Ito (2008), https://jfly.uni-koeln.de/color/ */
  static const guint32 colors[] = {
    0x000000, 0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7,
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      if (lround (rgba[0] * 255) == (colors[i] >> 16 & 0xff) &&
          lround (rgba[1] * 255) == (colors[i] >> 8 & 0xff) &&
          lround (rgba[2] * 255) == (colors[i] & 0xff))
        return TRUE;
    }
  return FALSE;
}

static void
test_palette (void)
{
  static const double white[3] = { 1.0, 1.0, 1.0 };

  for (SdTheme theme = 0; theme < SD_N_THEMES; theme++)
    {
      SdThemeStyle style;
      guint size = sd_palette_get_size (theme);

      sd_theme_get_style (theme, 1.0, &style);
      g_assert_cmpuint (size, >=, 6);

      for (guint i = 0; i < size; i++)
        {
          double rgba[4], again[4];

          sd_palette_color (theme, i, rgba);
          g_assert_cmpfloat (rgba[3], ==, 1.0);

          /* Distinct from each other, and repeating after size colours. */
          for (guint j = 0; j < i; j++)
            {
              double other[4];

              sd_palette_color (theme, j, other);
              g_assert_false (rgba[0] == other[0] && rgba[1] == other[1] && rgba[2] == other[2]);
            }
          sd_palette_color (theme, i + size, again);
          g_assert_cmpmem (rgba, sizeof rgba, again, sizeof again);

          /* Visible on the background: the lowest Okabe–Ito contrast on
           * white is orange's 2.2:1; yellow (1.3:1) and, on dark, black
           * (1.3:1) are left out. */
          g_assert_cmpfloat (contrast (rgba, style.background), >=, 2.2);
          if (theme == SD_THEME_DARK)
            g_assert_true (is_okabe_ito (rgba) || contrast (rgba, white) == 1.0);
          else
            g_assert_true (is_okabe_ito (rgba));
        }
    }

  /* The first run is blue in every theme: sky blue on dark. */
  {
    double light[4], dark[4];

    sd_palette_color (SD_THEME_LIGHT, 0, light);
    sd_palette_color (SD_THEME_DARK, 0, dark);
    assert_color (light, 0x0072b2, 1.0);
    assert_color (dark, 0x56b4e9, 1.0);
  }
}

static void
test_parse_color (void)
{
  static const char * const invalid[] = {
    "", "#", "0072b2", "#0072b", "#0072b2c", "#0072b2cc0", "#gg0000", "#00 000",
    " #000000", "#000000 ", "red", "#fff", "rgb(0,0,0)", "#0072b2\n",
  };
  double rgba[4] = { -1, -1, -1, -1 };

  g_assert_true (sd_parse_color ("#0072B2", rgba));
  assert_color (rgba, 0x0072b2, 1.0);
  g_assert_true (sd_parse_color ("#d55e00", rgba));
  assert_color (rgba, 0xd55e00, 1.0);
  g_assert_true (sd_parse_color ("#FFFFFF80", rgba));
  assert_color (rgba, 0xffffff, 128 / 255.0);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      double untouched[4] = { 0.25, 0.5, 0.75, 1.0 };

      memcpy (rgba, untouched, sizeof rgba);
      g_assert_false (sd_parse_color (invalid[i], rgba));
      g_assert_cmpmem (rgba, sizeof rgba, untouched, sizeof untouched);
    }
}

static void
test_snap (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double x = 3.2, y = 7.9;

  /* A 1-pixel line is crisp on a pixel's centre. */
  sd_snap_to_pixels (cr, 1.0, &x, &y);
  g_assert_cmpfloat (x, ==, 3.5);
  g_assert_cmpfloat (y, ==, 7.5);

  /* A 2-pixel line on a pixel edge; under cairo_scale (2) a 1-point line
   * is 2 pixels wide. */
  x = 3.2;
  sd_snap_to_pixels (cr, 2.0, &x, NULL);
  g_assert_cmpfloat (x, ==, 3.0);
  cairo_scale (cr, 2.0, 2.0);
  x = 3.2;
  y = 1.0;
  sd_snap_to_pixels (cr, 1.0, &x, NULL);
  g_assert_cmpfloat (x, ==, 3.0);
  g_assert_cmpfloat (y, ==, 1.0);

  /* Rotated: nothing to align with. */
  cairo_rotate (cr, 0.3);
  x = 3.2;
  sd_snap_to_pixels (cr, 1.0, &x, NULL);
  g_assert_cmpfloat (x, ==, 3.2);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/theme/names", test_names);
  g_test_add_func ("/render/theme/style", test_style);
  g_test_add_func ("/render/theme/palette", test_palette);
  g_test_add_func ("/render/theme/parse-color", test_parse_color);
  g_test_add_func ("/render/theme/snap", test_snap);

  return g_test_run ();
}
