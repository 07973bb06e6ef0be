/* colormap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "colormap.h"

static const char * const colormap_names[SD_N_COLORMAPS] = {
  [SD_COLORMAP_VIRIDIS] = "viridis",
  [SD_COLORMAP_MAGMA] = "magma",
  [SD_COLORMAP_INFERNO] = "inferno",
  [SD_COLORMAP_PLASMA] = "plasma",
  [SD_COLORMAP_CIVIDIS] = "cividis",
  [SD_COLORMAP_COOLWARM] = "coolwarm",
  [SD_COLORMAP_GRAYSCALE] = "grayscale",
};

/**
 * sd_colormap_get_name:
 * @colormap: a colour map
 *
 * Returns: (transfer none): the name used for @colormap in settings and scene files
 */
const char *
sd_colormap_get_name (SdColormap colormap)
{
  g_return_val_if_fail (colormap < SD_N_COLORMAPS, NULL);

  return colormap_names[colormap];
}

/**
 * sd_colormap_from_name:
 * @name: a colour map name such as "viridis"
 * @colormap: (out): where to store the colour map
 *
 * Returns: %TRUE if @name is a known colour map
 */
gboolean
sd_colormap_from_name (const char *name,
                       SdColormap *colormap)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < SD_N_COLORMAPS; i++)
    {
      if (g_str_equal (name, colormap_names[i]))
        {
          if (colormap != NULL)
            *colormap = i;
          return TRUE;
        }
    }

  return FALSE;
}
