/* undefined-layer.c: where f is undefined, hatched on the map
 *
 * A surface such as log(x) or sqrt(x*y) has no value over part of the
 * plane. The heatmap leaves those grid points transparent; left at that,
 * the plot's background would show there as if it were a colour of the
 * map. Hatching says plainly that f has no value there, with or without
 * the heatmap, in every theme and in greyscale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "undefined-layer.h"

/* The hatching's lines, in font sizes: their spacing and width, and how
 * strongly they show. */
#define HATCH_SPACING 0.6
#define HATCH_WIDTH 0.08
#define HATCH_ALPHA 0.45

/**
 * sd_undefined_mask_new:
 * @grid: a sampled surface
 *
 * A mask of where f is undefined: one pixel per grid point, laid out as
 * sd_heatmap_create_image() lays out the heatmap, opaque where the value
 * is NaN. Infinities are values (the colour bar's ends), not holes.
 *
 * Returns: (transfer full) (nullable): an A8 image of @grid->nx by
 *   @grid->ny pixels, or %NULL when f is defined at every grid point
 */
cairo_surface_t *
sd_undefined_mask_new (const SdGrid *grid)
{
  cairo_surface_t *mask = NULL;
  guint8 *data = NULL;
  int stride = 0;

  g_return_val_if_fail (grid != NULL, NULL);

  for (guint r = 0; r < grid->ny; r++)
    {
      const double *row = grid->values + (gsize) (grid->ny - 1 - r) * grid->nx;

      for (guint i = 0; i < grid->nx; i++)
        {
          if (!isnan (row[i]))
            continue;
          if (mask == NULL)
            {
              mask = cairo_image_surface_create (CAIRO_FORMAT_A8, grid->nx, grid->ny);
              cairo_surface_flush (mask);
              data = cairo_image_surface_get_data (mask);
              stride = cairo_image_surface_get_stride (mask);
            }
          data[(gsize) r * stride + i] = 0xff;
        }
    }

  if (mask != NULL)
    cairo_surface_mark_dirty (mask);
  return mask;
}

/* Diagonal lines over the whole plot area, rising to the right. */
static void
hatch_area (cairo_t                 *cr,
            const cairo_rectangle_t *area,
            double                   spacing)
{
  for (double d = -area->height; d < area->width; d += spacing)
    {
      cairo_move_to (cr, area->x + d, area->y + area->height);
      cairo_line_to (cr, area->x + d + area->height, area->y);
    }
}

/**
 * sd_undefined_mask_paint:
 * @cr: a cairo context, clipped to the plot area
 * @plot: a laid out plot whose axes show @grid's range, linearly
 * @grid: the grid @mask was made from
 * @mask: the mask from sd_undefined_mask_new()
 * @style: the figure's style, whose foreground colour the hatching takes
 *
 * Hatches the plot where @mask is opaque, placed on the grid points as
 * sd_heatmap_paint() places the heatmap's pixels. Vector surfaces get the
 * lines as paths, masked by the image.
 */
void
sd_undefined_mask_paint (cairo_t            *cr,
                         const SdPlot       *plot,
                         const SdGrid       *grid,
                         cairo_surface_t    *mask,
                         const SdThemeStyle *style)
{
  cairo_pattern_t *pattern;
  cairo_rectangle_t area;
  cairo_matrix_t matrix;
  double x0, y0, x1, y1;

  g_return_if_fail (cr != NULL && plot != NULL && grid != NULL && style != NULL);
  g_return_if_fail (mask != NULL);

  if (!sd_plot_map (plot, grid->xmin, grid->ymax, &x0, &y0)
      || !sd_plot_map (plot, grid->xmax, grid->ymin, &x1, &y1))
    return;

  sd_plot_get_area (plot, &area);
  cairo_save (cr);
  cairo_push_group (cr);
  hatch_area (cr, &area, HATCH_SPACING * style->font_size);
  cairo_set_line_width (cr, HATCH_WIDTH * style->font_size);
  cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2],
                         HATCH_ALPHA);
  cairo_stroke (cr);
  cairo_pop_group_to_source (cr);

  /* The same placement as the heatmap's: pixel centres on grid points. */
  pattern = cairo_pattern_create_for_surface (mask);
  cairo_matrix_init_translate (&matrix, 0.5, 0.5);
  cairo_matrix_scale (&matrix, (grid->nx - 1) / (x1 - x0), (grid->ny - 1) / (y1 - y0));
  cairo_matrix_translate (&matrix, -x0, -y0);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_mask (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_restore (cr);
}
