/* test-figure-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "figure-options.h"

/* 800 × 600 points, light, opaque, unscaled, viridis. */
static void
test_defaults (void)
{
  SdFigureOptions options = { 1.0, 2.0, SD_THEME_DARK, TRUE, 3.0, SD_COLORMAP_MAGMA };

  sd_figure_options_init (&options);
  g_assert_cmpfloat (options.width, ==, 800.0);
  g_assert_cmpfloat (options.height, ==, 600.0);
  g_assert_cmpint (options.theme, ==, SD_THEME_LIGHT);
  g_assert_false (options.transparent);
  g_assert_cmpfloat (options.scale, ==, 1.0);
  g_assert_cmpint (options.colormap, ==, SD_COLORMAP_VIRIDIS);
  g_assert_true (sd_figure_options_are_valid (&options));
}

/* A figure of no size is valid (it draws nothing); a scale of 0, a size
 * that is not finite or negative, an unknown theme are not. */
static void
test_valid (void)
{
  SdFigureOptions options;

  sd_figure_options_init (&options);
  options.width = 0.0;
  options.height = 0.0;
  g_assert_true (sd_figure_options_are_valid (&options));

  sd_figure_options_init (&options);
  options.scale = 0.0;
  g_assert_false (sd_figure_options_are_valid (&options));
  sd_figure_options_init (&options);
  options.scale = NAN;
  g_assert_false (sd_figure_options_are_valid (&options));
  sd_figure_options_init (&options);
  options.width = INFINITY;
  g_assert_false (sd_figure_options_are_valid (&options));
  sd_figure_options_init (&options);
  options.height = -1.0;
  g_assert_false (sd_figure_options_are_valid (&options));
  sd_figure_options_init (&options);
  options.theme = SD_N_THEMES;
  g_assert_false (sd_figure_options_are_valid (&options));
}

/* The theme's style at the options' scale, transparent when asked. */
static void
test_style (void)
{
  SdFigureOptions options;
  SdThemeStyle style, expected;

  sd_figure_options_init (&options);
  options.theme = SD_THEME_PRINT;
  options.scale = 2.0;
  options.transparent = TRUE;
  sd_figure_options_get_style (&options, &style);
  sd_theme_get_style (SD_THEME_PRINT, 2.0, &expected);

  g_assert_cmpint (style.theme, ==, SD_THEME_PRINT);
  g_assert_cmpfloat (style.font_size, ==, 2.0 * SD_THEME_FONT_SIZE);
  g_assert_cmpfloat (style.line_width, ==, expected.line_width);
  g_assert_true (style.transparent);
  g_assert_false (expected.transparent);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/figure-options/defaults", test_defaults);
  g_test_add_func ("/render/figure-options/valid", test_valid);
  g_test_add_func ("/render/figure-options/style", test_style);

  return g_test_run ();
}
