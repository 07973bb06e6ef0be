/* layer-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "layer-cache.h"

/* What the image depends on besides the caller's key: where the area
 * lands on the target's pixels. */
#define N_GEOMETRY 10

struct _SdLayerCache
{
  cairo_surface_t *image;
  double           key[N_GEOMETRY + SD_LAYER_CACHE_MAX_KEY];
  guint            n_key;
  int              x;
  int              y;
};

/**
 * sd_layer_cache_new:
 *
 * Returns: (transfer full): an empty cache
 */
SdLayerCache *
sd_layer_cache_new (void)
{
  return g_new0 (SdLayerCache, 1);
}

/**
 * sd_layer_cache_free:
 * @cache: (nullable): a cache
 */
void
sd_layer_cache_free (SdLayerCache *cache)
{
  if (cache == NULL)
    return;

  g_clear_pointer (&cache->image, cairo_surface_destroy);
  g_free (cache);
}

/* The transformation from @cr's user space to the pixels of its image
 * target, if @cr draws on an image without rotating or skewing. */
static gboolean
get_pixel_matrix (cairo_t        *cr,
                  cairo_matrix_t *matrix)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t device;
  double sx, sy, ox, oy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  cairo_get_matrix (cr, matrix);
  if (matrix->xy != 0.0 || matrix->yx != 0.0 || !(matrix->xx > 0.0) || !(matrix->yy > 0.0))
    return FALSE;

  /* cairo's device space still has the surface's own scale and offset
   * (a HiDPI surface) to go through before reaching pixels. */
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_matrix_init (&device, sx, 0.0, 0.0, sy, ox, oy);
  cairo_matrix_multiply (matrix, matrix, &device);
  return TRUE;
}

/* Draws into a new image covering the pixels @area touches; @x and @y
 * get the image's position on the target. */
static cairo_surface_t *
render (const cairo_matrix_t    *pixels,
        const cairo_rectangle_t *area,
        SdLayerDrawFunc          draw,
        gpointer                 user_data,
        int                     *x,
        int                     *y)
{
  double x0 = area->x, y0 = area->y, x1 = area->x + area->width, y1 = area->y + area->height;
  cairo_surface_t *image;
  cairo_matrix_t matrix;
  cairo_t *cr;

  cairo_matrix_transform_point (pixels, &x0, &y0);
  cairo_matrix_transform_point (pixels, &x1, &y1);
  *x = (int) floor (x0);
  *y = (int) floor (y0);

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (x1) - *x,
                                      (int) ceil (y1) - *y);
  cr = cairo_create (image);
  matrix = *pixels;
  matrix.x0 -= *x;
  matrix.y0 -= *y;
  cairo_set_matrix (cr, &matrix);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  draw (cr, user_data);
  cairo_destroy (cr);
  return image;
}

/**
 * sd_layer_cache_draw:
 * @cache: a cache
 * @cr: a cairo context
 * @area: the part of @cr's user space the drawing covers; @draw is
 *   clipped to it
 * @key: (array length=n_key): everything besides @cr's transformation and
 *   @area that the drawing depends on (colour map, theme, scale, ...)
 * @n_key: how many values @key has, at most %SD_LAYER_CACHE_MAX_KEY
 * @draw: (scope call): draws the layers in @cr's user space
 * @user_data: data for @draw
 *
 * Draws what @draw draws. When @cr draws on an image surface, without
 * rotation or skew, @draw renders once into an image aligned with the
 * target's pixels and later calls with the same key, transformation and
 * area only paint that image: a heatmap with contour lines over a
 * 1600 x 1000 window costs one copy instead of rasterizing every line
 * again. On other targets (PDF, SVG, recordings) @draw draws directly, so
 * vector output stays vector.
 *
 * The image is painted pixel for pixel, so it looks exactly as if @draw
 * had drawn on @cr. Call this outside any clip to @area: the image is
 * already clipped, and clipping it again would antialias the edge twice.
 *
 * Returns: %TRUE if the cached image was used as it was
 */
gboolean
sd_layer_cache_draw (SdLayerCache            *cache,
                     cairo_t                 *cr,
                     const cairo_rectangle_t *area,
                     const double            *key,
                     guint                    n_key,
                     SdLayerDrawFunc          draw,
                     gpointer                 user_data)
{
  double full_key[N_GEOMETRY + SD_LAYER_CACHE_MAX_KEY];
  cairo_matrix_t pixels, matrix;
  cairo_pattern_t *pattern;
  gboolean hit;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (key != NULL || n_key == 0, FALSE);
  g_return_val_if_fail (n_key <= SD_LAYER_CACHE_MAX_KEY, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  /* Without a cache (a drawing made once, as an export) the layer is drawn
   * straight onto @cr: keeping an image of it would only cost time. */
  if (cache == NULL || !get_pixel_matrix (cr, &pixels) || area->width <= 0.0
      || area->height <= 0.0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, area->x, area->y, area->width, area->height);
      cairo_clip (cr);
      draw (cr, user_data);
      cairo_restore (cr);
      return FALSE;
    }

  full_key[0] = pixels.xx;
  full_key[1] = pixels.yy;
  full_key[2] = pixels.x0;
  full_key[3] = pixels.y0;
  full_key[4] = area->x;
  full_key[5] = area->y;
  full_key[6] = area->width;
  full_key[7] = area->height;
  full_key[8] = n_key;
  full_key[9] = 0.0;
  if (n_key > 0)
    memcpy (full_key + N_GEOMETRY, key, n_key * sizeof (double));

  hit = cache->image != NULL && cache->n_key == N_GEOMETRY + n_key
        && memcmp (cache->key, full_key, cache->n_key * sizeof (double)) == 0;
  if (!hit)
    {
      g_clear_pointer (&cache->image, cairo_surface_destroy);
      cache->image = render (&pixels, area, draw, user_data, &cache->x, &cache->y);
      cache->n_key = N_GEOMETRY + n_key;
      memcpy (cache->key, full_key, cache->n_key * sizeof (double));
    }

  /* The pattern maps user space to the image's pixels. */
  matrix = pixels;
  matrix.x0 -= cache->x;
  matrix.y0 -= cache->y;
  pattern = cairo_pattern_create_for_surface (cache->image);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);

  cairo_save (cr);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
  return hit;
}
