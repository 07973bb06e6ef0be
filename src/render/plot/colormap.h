/* colormap.h: the colour maps that figures use for scalar fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdColormap:
 *
 * The colour maps Saddle offers. The order and the names match the
 * `color-map` enumeration of the GSettings schema and the `color-map` key of
 * scene files.
 */
typedef enum
{
  SD_COLORMAP_VIRIDIS,
  SD_COLORMAP_MAGMA,
  SD_COLORMAP_INFERNO,
  SD_COLORMAP_PLASMA,
  SD_COLORMAP_CIVIDIS,
  SD_COLORMAP_COOLWARM,
  SD_COLORMAP_GRAYSCALE,
  SD_N_COLORMAPS
} SdColormap;

const char *sd_colormap_get_name      (SdColormap  colormap);
gboolean    sd_colormap_from_name     (const char *name,
                                       SdColormap *colormap);
gboolean    sd_colormap_is_diverging  (SdColormap  colormap);
void        sd_colormap_eval          (SdColormap  colormap,
                                       double      t,
                                       double      rgb[3]);
void        sd_colormap_eval_rgba     (SdColormap  colormap,
                                       double      t,
                                       double      rgba[4]);
void        sd_colormap_fill_lut      (SdColormap  colormap,
                                       guint32    *argb,
                                       guint       n);

G_END_DECLS
