/* colorbar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "colorbar.h"
#include "text.h"

/* Rows of the gradient image. Each row is the colour map at the row's
 * centre and cairo interpolates between rows, so the bar reproduces the
 * map's own linear interpolation between its 256 entries. */
#define GRADIENT_ROWS 256

struct _SdColorbar
{
  SdColormap       colormap;
  SdScale          scale;
  double           vmin;
  double           vmax;
  char            *title;
  cairo_surface_t *gradient;
};

/* The ticks of a vertical scale of @height points and their labels: as
 * many as fit with a line of space between labels, and at most one per
 * 3.5 lines, so that the scale stays readable rather than dense. */
static GPtrArray *
fit_ticks (SdColorbar         *self,
           cairo_t            *cr,
           const SdThemeStyle *style,
           double              height,
           SdTicks            *ticks)
{
  guint n = CLAMP ((guint) (height / (3.5 * style->font_size)) + 1, 2, 11);

  for (;; n--)
    {
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean fits = TRUE;
      double previous = -INFINITY;

      sd_ticks_compute (ticks, self->scale, self->vmin, self->vmax, n, style->minor_ticks);
      for (guint i = 0; i < ticks->n; i++)
        {
          g_autofree char *label = sd_ticks_get_label (ticks, i);
          PangoLayout *layout = sd_text_layout_new (cr, style, SD_TEXT_BODY, label);
          double label_height;
          double position = sd_colorbar_get_fraction (self, ticks->values[i]) * height;

          sd_text_get_size (layout, NULL, &label_height, NULL);
          if (position - previous < label_height * 1.25)
            fits = FALSE;
          previous = position;
          g_ptr_array_add (layouts, layout);
        }

      if (fits || n <= 1)
        return g_steal_pointer (&layouts);
    }
}

/**
 * sd_colorbar_new:
 * @colormap: the colour map
 * @scale: how values are spread along the bar; a log scale needs
 *   0 < @vmin and 0 < @vmax
 * @vmin: the value at the bottom, the map's first colour
 * @vmax: the value at the top, the map's last colour
 *
 * Creates a vertical colour bar. @vmin and @vmax must be finite: compute
 * them from the finite values of the data. A bar for a single value
 * (@vmin = @vmax, a flat surface) spreads around it as
 * sd_range_nonsingular() does, so that value gets the map's middle colour.
 *
 * Returns: (transfer full): the colour bar
 */
SdColorbar *
sd_colorbar_new (SdColormap colormap,
                 SdScale    scale,
                 double     vmin,
                 double     vmax)
{
  SdColorbar *self;

  g_return_val_if_fail (colormap < SD_N_COLORMAPS, NULL);
  g_return_val_if_fail (sd_range_nonsingular (scale, &vmin, &vmax), NULL);

  self = g_new0 (SdColorbar, 1);
  self->colormap = colormap;
  self->scale = scale;
  self->vmin = vmin;
  self->vmax = vmax;
  return self;
}

/**
 * sd_colorbar_free:
 * @colorbar: (nullable): a colour bar
 */
void
sd_colorbar_free (SdColorbar *colorbar)
{
  if (colorbar == NULL)
    return;

  g_free (colorbar->title);
  g_clear_pointer (&colorbar->gradient, cairo_surface_destroy);
  g_free (colorbar);
}

/**
 * sd_colorbar_set_title:
 * @colorbar: a colour bar
 * @markup: (nullable): the title in Pango markup, e.g. "f(x, y)" or
 *   "log<sub>10</sub> f", or %NULL for none
 *
 * The title is drawn along the bar's right side, read from bottom to top.
 */
void
sd_colorbar_set_title (SdColorbar *colorbar,
                       const char *markup)
{
  g_return_if_fail (colorbar != NULL);

  g_free (colorbar->title);
  colorbar->title = g_strdup (markup);
}

/**
 * sd_colorbar_get_title:
 * @colorbar: a colour bar
 *
 * Returns: (transfer none) (nullable): the title in Pango markup
 */
const char *
sd_colorbar_get_title (const SdColorbar *colorbar)
{
  g_return_val_if_fail (colorbar != NULL, NULL);

  return colorbar->title;
}

/**
 * sd_colorbar_get_colormap:
 * @colorbar: a colour bar
 *
 * Returns: its colour map
 */
SdColormap
sd_colorbar_get_colormap (const SdColorbar *colorbar)
{
  g_return_val_if_fail (colorbar != NULL, SD_COLORMAP_VIRIDIS);

  return colorbar->colormap;
}

/**
 * sd_colorbar_get_scale:
 * @colorbar: a colour bar
 *
 * Returns: its scale
 */
SdScale
sd_colorbar_get_scale (const SdColorbar *colorbar)
{
  g_return_val_if_fail (colorbar != NULL, SD_SCALE_LINEAR);

  return colorbar->scale;
}

/**
 * sd_colorbar_get_range:
 * @colorbar: a colour bar
 * @vmin: (out) (optional): the value at the bottom
 * @vmax: (out) (optional): the value at the top
 *
 * Gives the range shown, which differs from the one given to
 * sd_colorbar_new() only for a single value.
 */
void
sd_colorbar_get_range (const SdColorbar *colorbar,
                       double           *vmin,
                       double           *vmax)
{
  g_return_if_fail (colorbar != NULL);

  if (vmin != NULL)
    *vmin = colorbar->vmin;
  if (vmax != NULL)
    *vmax = colorbar->vmax;
}

/**
 * sd_colorbar_get_fraction:
 * @colorbar: a colour bar
 * @value: a data value
 *
 * Where @value sits on the bar: 0 at vmin, 1 at vmax, linearly in the
 * value or in its logarithm. Values outside the range give fractions
 * outside [0, 1], which sd_colormap_eval() clamps; NaN, and values <= 0 on
 * a log scale, give NaN. Heatmaps colour their cells with
 * `sd_colormap_eval (map, sd_colorbar_get_fraction (bar, v), rgb)` so
 * that they agree with the bar.
 *
 * Returns: the fraction
 */
double
sd_colorbar_get_fraction (const SdColorbar *colorbar,
                          double            value)
{
  double lo, hi;

  g_return_val_if_fail (colorbar != NULL, NAN);

  lo = sd_scale_forward (colorbar->scale, colorbar->vmin);
  hi = sd_scale_forward (colorbar->scale, colorbar->vmax);
  return (sd_scale_forward (colorbar->scale, value) - lo) / (hi - lo);
}

/**
 * sd_colorbar_get_color:
 * @colorbar: a colour bar
 * @value: a data value
 * @rgba: (out caller-allocates) (array fixed-size=4): its colour
 *
 * The colour the bar gives @value, with the map's transparent colour for
 * values without one (see sd_colormap_eval_rgba()).
 */
void
sd_colorbar_get_color (const SdColorbar *colorbar,
                       double            value,
                       double            rgba[4])
{
  g_return_if_fail (colorbar != NULL);
  g_return_if_fail (rgba != NULL);

  sd_colormap_eval_rgba (colorbar->colormap, sd_colorbar_get_fraction (colorbar, value), rgba);
}

/**
 * sd_colorbar_get_bar_width:
 * @style: the figure's style
 *
 * Returns: the width of the coloured bar itself, without ticks or labels
 */
double
sd_colorbar_get_bar_width (const SdThemeStyle *style)
{
  g_return_val_if_fail (style != NULL, 0.0);

  return 1.25 * style->font_size;
}

/**
 * sd_colorbar_measure:
 * @colorbar: a colour bar
 * @cr: the cairo context it will be drawn on
 * @style: the figure's style
 * @height: the bar's height
 *
 * Returns: the width sd_colorbar_draw() covers at @height: the bar, its
 *   ticks, their labels and the title
 */
double
sd_colorbar_measure (SdColorbar         *colorbar,
                     cairo_t            *cr,
                     const SdThemeStyle *style,
                     double              height)
{
  g_autoptr(GPtrArray) layouts = NULL;
  SdTicks ticks;
  double labels_width = 0.0;
  double width;

  g_return_val_if_fail (colorbar != NULL, 0.0);
  g_return_val_if_fail (cr != NULL, 0.0);
  g_return_val_if_fail (style != NULL, 0.0);

  layouts = fit_ticks (colorbar, cr, style, height, &ticks);
  for (guint i = 0; i < layouts->len; i++)
    {
      double label_width;

      sd_text_get_size (g_ptr_array_index (layouts, i), &label_width, NULL, NULL);
      labels_width = MAX (labels_width, label_width);
    }

  width = sd_colorbar_get_bar_width (style) + style->tick_length + 0.4 * style->font_size +
          labels_width;

  if (colorbar->title != NULL)
    {
      g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, SD_TEXT_LABEL,
                                                          colorbar->title);
      double title_height;

      sd_text_get_size (layout, NULL, &title_height, NULL);
      width += 0.6 * style->font_size + title_height;
    }

  return width;
}

static cairo_surface_t *
get_gradient (SdColorbar *self)
{
  guint32 *pixels;
  int stride;

  if (self->gradient != NULL)
    return self->gradient;

  self->gradient = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, GRADIENT_ROWS);
  cairo_surface_flush (self->gradient);
  pixels = (guint32 *) cairo_image_surface_get_data (self->gradient);
  stride = cairo_image_surface_get_stride (self->gradient) / sizeof (guint32);

  /* Row 0 is the top of the bar, the map's end. */
  for (guint row = 0; row < GRADIENT_ROWS; row++)
    {
      double rgb[3];
      double t = (GRADIENT_ROWS - row - 0.5) / GRADIENT_ROWS;

      sd_colormap_eval (self->colormap, t, rgb);
      pixels[row * stride] = 0xff000000u |
                             (guint32) lround (rgb[0] * 255) << 16 |
                             (guint32) lround (rgb[1] * 255) << 8 |
                             (guint32) lround (rgb[2] * 255);
    }
  cairo_surface_mark_dirty (self->gradient);

  return self->gradient;
}

static void
draw_gradient (SdColorbar        *self,
               cairo_t           *cr,
               cairo_rectangle_t *bar)
{
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  pattern = cairo_pattern_create_for_surface (get_gradient (self));
  cairo_matrix_init_scale (&matrix, 1.0 / bar->width, GRADIENT_ROWS / bar->height);
  cairo_matrix_translate (&matrix, -bar->x, -bar->y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);

  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

static void
draw_tick (cairo_t *cr,
           double   x,
           double   y,
           double   length,
           double   line_width)
{
  sd_snap_to_pixels (cr, line_width, NULL, &y);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
}

/**
 * sd_colorbar_draw:
 * @colorbar: a colour bar
 * @cr: a cairo context
 * @style: the figure's style
 * @x: the left edge of the bar
 * @y: the top of the bar
 * @height: the height of the bar
 *
 * Draws the bar, sd_colorbar_get_bar_width() wide, as a 256-row image so
 * that vector files stay small, framed like the plot, with ticks and
 * labels on its right and the title beyond them.
 */
void
sd_colorbar_draw (SdColorbar         *colorbar,
                  cairo_t            *cr,
                  const SdThemeStyle *style,
                  double              x,
                  double              y,
                  double              height)
{
  g_autoptr(GPtrArray) layouts = NULL;
  cairo_rectangle_t bar;
  SdTicks ticks;
  double label_x, labels_width = 0.0;
  double x0, y0, x1, y1;

  g_return_if_fail (colorbar != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (!(height > 0.0))
    return;

  bar = (cairo_rectangle_t) { x, y, sd_colorbar_get_bar_width (style), height };
  layouts = fit_ticks (colorbar, cr, style, height, &ticks);

  cairo_save (cr);
  draw_gradient (colorbar, cr, &bar);

  cairo_set_line_width (cr, style->axis_line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  sd_set_source_color (cr, style->axis);

  x0 = bar.x;
  y0 = bar.y;
  x1 = bar.x + bar.width;
  y1 = bar.y + bar.height;
  sd_snap_to_pixels (cr, style->axis_line_width, &x0, &y0);
  sd_snap_to_pixels (cr, style->axis_line_width, &x1, &y1);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_stroke (cr);

  for (guint i = 0; i < ticks.n; i++)
    draw_tick (cr, x1, y1 - sd_colorbar_get_fraction (colorbar, ticks.values[i]) * height,
               style->tick_length, style->axis_line_width);
  for (guint i = 0; i < ticks.n_minor; i++)
    draw_tick (cr, x1, y1 - sd_colorbar_get_fraction (colorbar, ticks.minor[i]) * height,
               0.6 * style->tick_length, style->axis_line_width);
  cairo_stroke (cr);

  sd_set_source_color (cr, style->foreground);
  label_x = bar.x + bar.width + style->tick_length + 0.4 * style->font_size;
  for (guint i = 0; i < layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double label_width;

      sd_text_draw (cr, layout, label_x,
                    bar.y + bar.height * (1.0 - sd_colorbar_get_fraction (colorbar, ticks.values[i])),
                    SD_TEXT_LEFT, SD_TEXT_MIDDLE, 0.0);
      sd_text_get_size (layout, &label_width, NULL, NULL);
      labels_width = MAX (labels_width, label_width);
    }

  if (colorbar->title != NULL)
    {
      g_autoptr(PangoLayout) layout = sd_text_layout_new (cr, style, SD_TEXT_LABEL,
                                                          colorbar->title);

      sd_text_draw (cr, layout, label_x + labels_width + 0.6 * style->font_size,
                    bar.y + bar.height / 2, SD_TEXT_CENTER, SD_TEXT_TOP, -G_PI / 2);
    }

  cairo_restore (cr);
}
