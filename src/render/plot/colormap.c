/* colormap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "colormap.h"
#include "colormap-data-diverging.h"
#include "colormap-data-sequential.h"

#define N_ENTRIES 256

static const char * const colormap_names[SD_N_COLORMAPS] = {
  [SD_COLORMAP_VIRIDIS] = "viridis",
  [SD_COLORMAP_MAGMA] = "magma",
  [SD_COLORMAP_INFERNO] = "inferno",
  [SD_COLORMAP_PLASMA] = "plasma",
  [SD_COLORMAP_CIVIDIS] = "cividis",
  [SD_COLORMAP_COOLWARM] = "coolwarm",
  [SD_COLORMAP_GRAYSCALE] = "grayscale",
};

/* Grayscale has no table: its entry i would be i / 255, and interpolating
 * between such entries is t itself, which is exact when computed directly. */
static const double (* const colormap_tables[SD_N_COLORMAPS])[3] = {
  [SD_COLORMAP_VIRIDIS] = viridis_data,
  [SD_COLORMAP_MAGMA] = magma_data,
  [SD_COLORMAP_INFERNO] = inferno_data,
  [SD_COLORMAP_PLASMA] = plasma_data,
  [SD_COLORMAP_CIVIDIS] = cividis_data,
  [SD_COLORMAP_COOLWARM] = coolwarm_data,
  [SD_COLORMAP_GRAYSCALE] = NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (viridis_data) == N_ENTRIES);
G_STATIC_ASSERT (G_N_ELEMENTS (magma_data) == N_ENTRIES);
G_STATIC_ASSERT (G_N_ELEMENTS (inferno_data) == N_ENTRIES);
G_STATIC_ASSERT (G_N_ELEMENTS (plasma_data) == N_ENTRIES);
G_STATIC_ASSERT (G_N_ELEMENTS (cividis_data) == N_ENTRIES);
G_STATIC_ASSERT (G_N_ELEMENTS (coolwarm_data) == N_ENTRIES);

/* The colour sd_colormap_eval() gives for NaN: a neutral grey, since an RGB
 * triple has no way to say "no colour". */
#define BAD_GREY 0.5

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

/**
 * sd_colormap_is_diverging:
 * @colormap: a colour map
 *
 * A diverging map has a light neutral middle and darkens towards two
 * different hues at its ends. It suits signed data around a reference value,
 * so a figure should centre its value range on that value (usually zero) for
 * such a map; sequential maps instead run from dark to light over the range.
 *
 * Returns: %TRUE if @colormap is diverging (coolwarm)
 */
gboolean
sd_colormap_is_diverging (SdColormap colormap)
{
  g_return_val_if_fail (colormap < SD_N_COLORMAPS, FALSE);

  return colormap == SD_COLORMAP_COOLWARM;
}

/* Clamps a number that is not NaN to [0, 1]; -0 becomes +0, so that
 * grayscale never answers -0. */
static double
clamp_unit (double t)
{
  return t > 0.0 ? MIN (t, 1.0) : 0.0;
}

/* @t must be in [0, 1]. */
static void
lookup (SdColormap colormap,
        double     t,
        double     rgb[3])
{
  const double (*table)[3] = colormap_tables[colormap];
  double x;
  double f;
  guint i;

  g_assert (t >= 0.0 && t <= 1.0);

  if (table == NULL)
    {
      rgb[0] = rgb[1] = rgb[2] = t;
      return;
    }

  x = t * (N_ENTRIES - 1);
  i = (guint) x;
  if (i >= N_ENTRIES - 1)
    {
      for (guint c = 0; c < 3; c++)
        rgb[c] = table[N_ENTRIES - 1][c];
      return;
    }

  /* Written as a + f (b - a) so that f = 0 gives entry i bit for bit. */
  f = x - i;
  for (guint c = 0; c < 3; c++)
    rgb[c] = table[i][c] + f * (table[i + 1][c] - table[i][c]);
}

/**
 * sd_colormap_eval:
 * @colormap: a colour map
 * @t: where to read the map, 0 at its start and 1 at its end
 * @rgb: (out caller-allocates) (array fixed-size=3): the sRGB colour, each
 *   component in [0, 1]
 *
 * Reads the colour of @colormap at @t. The map's 256 entries sit at
 * t = i / 255 and the colour between two of them is interpolated linearly,
 * so heatmaps shade smoothly. At t = i / 255 the result is entry i exactly:
 * the value matplotlib's `cmap(i)` gives. (matplotlib itself does not
 * interpolate; `cmap(t)` picks the entry floor(256 t).)
 *
 * @t is clamped to [0, 1], infinities included. NaN gives a neutral grey
 * (0.5, 0.5, 0.5); use sd_colormap_eval_rgba() to get a transparent colour
 * for it instead.
 */
void
sd_colormap_eval (SdColormap colormap,
                  double     t,
                  double     rgb[3])
{
  g_return_if_fail (colormap < SD_N_COLORMAPS);
  g_return_if_fail (rgb != NULL);

  if (isnan (t))
    {
      rgb[0] = rgb[1] = rgb[2] = BAD_GREY;
      return;
    }

  lookup (colormap, clamp_unit (t), rgb);
}

/**
 * sd_colormap_eval_rgba:
 * @colormap: a colour map
 * @t: where to read the map, 0 at its start and 1 at its end
 * @rgba: (out caller-allocates) (array fixed-size=4): the sRGB colour and
 *   its alpha, each component in [0, 1]
 *
 * As sd_colormap_eval() with an opaque alpha, except that NaN gives
 * (0, 0, 0, 0), fully transparent, as matplotlib's default "bad" colour:
 * cells without a value then show whatever lies beneath the figure.
 */
void
sd_colormap_eval_rgba (SdColormap colormap,
                       double     t,
                       double     rgba[4])
{
  g_return_if_fail (colormap < SD_N_COLORMAPS);
  g_return_if_fail (rgba != NULL);

  if (isnan (t))
    {
      rgba[0] = rgba[1] = rgba[2] = rgba[3] = 0.0;
      return;
    }

  lookup (colormap, clamp_unit (t), rgba);
  rgba[3] = 1.0;
}

static guint32
to_byte (double component)
{
  /* Components lie in [0, 1], so this rounds half up to 0..255. */
  return (guint32) (component * 255.0 + 0.5);
}

/**
 * sd_colormap_fill_lut:
 * @colormap: a colour map
 * @argb: (out caller-allocates) (array length=n): where to write @n pixels
 * @n: how many entries to write
 *
 * Samples @colormap evenly into a table of pixels so that a heatmap maps a
 * value to a pixel with one lookup: entry k is sd_colormap_eval() at
 * t = k / (n - 1), components rounded to the nearest of 0..255 (a single
 * entry is the colour at t = 0). With n = 256 the entries are the map's own.
 *
 * Each entry is a 32-bit word 0xAARRGGBB in native byte order with alpha
 * 0xFF: the pixel layout of %CAIRO_FORMAT_ARGB32 (opaque, so premultiplying
 * changes nothing) and of %CAIRO_FORMAT_RGB24. Cells without a value are not
 * the table's business; write 0x00000000 (transparent) for them, as
 * sd_colormap_eval_rgba() does for NaN.
 */
void
sd_colormap_fill_lut (SdColormap  colormap,
                      guint32    *argb,
                      guint       n)
{
  g_return_if_fail (colormap < SD_N_COLORMAPS);
  g_return_if_fail (argb != NULL || n == 0);

  for (guint k = 0; k < n; k++)
    {
      double t = n > 1 ? (double) k / (n - 1) : 0.0;
      double rgb[3];

      lookup (colormap, t, rgb);
      argb[k] = 0xff000000u
                | to_byte (rgb[0]) << 16
                | to_byte (rgb[1]) << 8
                | to_byte (rgb[2]);
    }
}
