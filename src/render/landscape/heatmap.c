/* heatmap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "heatmap.h"

/* Entries of the colour table. The map itself has 256 colours and
 * sd_colormap_fill_lut() interpolates between them, so 1024 entries keep
 * the rounding of a value to an entry below a quarter of a map step. */
#define LUT_SIZE 1024

/**
 * sd_heatmap_create_image:
 * @grid: a sampled surface
 * @colorbar: the colour bar the heatmap must agree with
 *
 * Colours each grid value as @colorbar does, one pixel per grid point:
 * pixel (i, r) holds f(xs[i], ys[ny - 1 - r]), so the image's top row is
 * the grid's last (highest y). NaN is transparent; infinities take the
 * end colours. On a logarithmic bar values <= 0 take the bottom colour,
 * as if clamped to the bar's smallest value, since they have no logarithm.
 *
 * Returns: (transfer full): an ARGB32 image of @grid->nx by @grid->ny pixels
 */
cairo_surface_t *
sd_heatmap_create_image (const SdGrid     *grid,
                         const SdColorbar *colorbar)
{
  cairo_surface_t *image;
  guint32 lut[LUT_SIZE];
  guint8 *data;
  int stride;
  gboolean log_scale;

  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (colorbar != NULL, NULL);

  sd_colormap_fill_lut (sd_colorbar_get_colormap (colorbar), lut, LUT_SIZE);
  log_scale = sd_colorbar_get_scale (colorbar) == SD_SCALE_LOG;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, grid->nx, grid->ny);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);

  for (guint r = 0; r < grid->ny; r++)
    {
      const double *row = grid->values + (gsize) (grid->ny - 1 - r) * grid->nx;
      guint32 *pixels = (guint32 *) (gpointer) (data + (gsize) r * stride);

      for (guint i = 0; i < grid->nx; i++)
        {
          double value = row[i];
          double t;

          if (isnan (value))
            {
              pixels[i] = 0x00000000u;
              continue;
            }

          t = log_scale && value <= 0.0 ? 0.0 : sd_colorbar_get_fraction (colorbar, value);
          t = CLAMP (t, 0.0, 1.0);
          pixels[i] = lut[(guint) lround (t * (LUT_SIZE - 1))];
        }
    }

  cairo_surface_mark_dirty (image);
  return image;
}

/**
 * sd_heatmap_paint:
 * @cr: a cairo context, clipped to the plot area
 * @plot: a laid out plot whose axes show @grid's range, linearly
 * @grid: the grid @image was made from
 * @image: the image from sd_heatmap_create_image()
 *
 * Paints @image so that each pixel's centre lies on its grid point and
 * colours between grid points are interpolated, as the contour lines are;
 * the half pixel beyond the grid's edges falls outside the area. The
 * image's edges are padded rather than faded. Vector surfaces embed
 * @image once, as it is.
 */
void
sd_heatmap_paint (cairo_t         *cr,
                  const SdPlot    *plot,
                  const SdGrid    *grid,
                  cairo_surface_t *image)
{
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  double x0, y0, x1, y1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL);
  g_return_if_fail (grid != NULL);
  g_return_if_fail (image != NULL);

  /* Pixel centres i + 0.5 and r + 0.5 map to the first and last grid
   * points: (xmin, ymax) at the top left, (xmax, ymin) at the bottom right. */
  if (!sd_plot_map (plot, grid->xmin, grid->ymax, &x0, &y0)
      || !sd_plot_map (plot, grid->xmax, grid->ymin, &x1, &y1))
    return;

  pattern = cairo_pattern_create_for_surface (image);
  cairo_matrix_init_translate (&matrix, 0.5, 0.5);
  cairo_matrix_scale (&matrix, (grid->nx - 1) / (x1 - x0), (grid->ny - 1) / (y1 - y0));
  cairo_matrix_translate (&matrix, -x0, -y0);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);

  cairo_save (cr);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
}
