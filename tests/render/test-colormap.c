/* test-colormap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "colormap.h"

static void
test_names_round_trip (void)
{
  for (SdColormap c = 0; c < SD_N_COLORMAPS; c++)
    {
      SdColormap back = SD_N_COLORMAPS;

      g_assert_true (sd_colormap_from_name (sd_colormap_get_name (c), &back));
      g_assert_cmpint (back, ==, c);
    }

  g_assert_false (sd_colormap_from_name ("jet", NULL));
  g_assert_false (sd_colormap_from_name ("", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/colormap/names", test_names_round_trip);

  return g_test_run ();
}
