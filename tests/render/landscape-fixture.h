/* landscape-fixture.h: what the landscape tests share: a canvas to draw
 * on and read pixels from, and scenes drawn on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "landscape.h"

G_BEGIN_DECLS

#define WIDTH 800
#define HEIGHT 600

/* One step of the 8-bit channels, for colour comparisons. */
#define LSB (1.0 / 255.0)

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              width;
  int              height;
} Canvas;

void         canvas_init    (Canvas                 *canvas,
                             int                     width,
                             int                     height);
void         canvas_clear   (Canvas                 *canvas);
guint32      pixel          (Canvas                 *canvas,
                             int                     x,
                             int                     y);
void         pixel_rgb      (Canvas                 *canvas,
                             double                  px,
                             double                  py,
                             double                  rgb[3]);
double       color_distance (const double            a[3],
                             const double            b[3]);
void         assert_color   (const double            rgb[3],
                             const double            expected[3],
                             double                  tolerance);
SdScene     *load_scene     (const char             *text);
SdLandscape *new_landscape  (const SdScene          *scene);
void         init_options   (SdFigureOptions        *options,
                             Canvas                 *canvas,
                             SdTheme                 theme);
SdPlot      *draw_scene     (Canvas                 *canvas,
                             const char             *text,
                             const SdFigureOptions  *options,
                             SdLandscape           **out);
void         free_landscape (SdLandscape            *landscape);
void         pixel_centre   (const SdPlot           *plot,
                             double                  x,
                             double                  y,
                             double                 *px,
                             double                 *py,
                             double                 *cx,
                             double                 *cy);

/* A surface f over [-1, 1]², sampled at 64 × 64, with the given layers
 * and more keys of its group. */
#define PLANE_SCENE_LAYERS(expression, layers, extra) \
  "[Scene]\nversion=1\nkind=surface\n\n" \
  "[Surface]\nfunction=custom\nexpression=" expression "\n" \
  "x-range=-1;1\ny-range=-1;1\nresolution=64\nlayers=" layers "\n" extra
#define PLANE_SCENE(expression, extra) PLANE_SCENE_LAYERS (expression, "heatmap", extra)

G_END_DECLS
