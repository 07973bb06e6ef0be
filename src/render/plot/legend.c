/* legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "label-placer.h"
#include "legend.h"
#include "shapes.h"
#include "text.h"

/* Spacing in units of the body font size, close to matplotlib's legend
 * defaults (borderpad 0.4, handlelength 2, handletextpad 0.8,
 * borderaxespad 0.5, labelspacing 0.5). */
#define PADDING 0.6
#define HANDLE_LENGTH 2.2
#define HANDLE_GAP 0.6
#define ROW_GAP 0.3
#define INSET 0.6
#define CORNER_RADIUS 0.3

typedef struct
{
  SdLegendEntry entry;
  char         *markup;
} Entry;

struct _SdLegend
{
  GArray            *entries;
  SdLegendPlacement  placement;
};

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->markup);
}

/**
 * sd_legend_new:
 *
 * Creates an empty legend, placed %SD_LEGEND_AUTO.
 *
 * Returns: (transfer full): the legend
 */
SdLegend *
sd_legend_new (void)
{
  SdLegend *self = g_new0 (SdLegend, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
  self->placement = SD_LEGEND_AUTO;
  return self;
}

/**
 * sd_legend_free:
 * @legend: (nullable): a legend
 */
void
sd_legend_free (SdLegend *legend)
{
  if (legend == NULL)
    return;

  g_array_unref (legend->entries);
  g_free (legend);
}

/**
 * sd_legend_add:
 * @legend: a legend
 * @entry: the entry; it is copied, its markup included
 *
 * Appends an entry. Entries are drawn top to bottom in the order added.
 */
void
sd_legend_add (SdLegend            *legend,
               const SdLegendEntry *entry)
{
  Entry copy;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (entry != NULL);
  g_return_if_fail (entry->markup != NULL);
  g_return_if_fail (entry->n_dashes <= G_N_ELEMENTS (entry->dashes));

  copy.entry = *entry;
  copy.markup = g_strdup (entry->markup);
  copy.entry.markup = copy.markup;
  g_array_append_val (legend->entries, copy);
}

/**
 * sd_legend_get_n_entries:
 * @legend: a legend
 *
 * Returns: the number of entries
 */
guint
sd_legend_get_n_entries (const SdLegend *legend)
{
  g_return_val_if_fail (legend != NULL, 0);

  return legend->entries->len;
}

/**
 * sd_legend_set_placement:
 * @legend: a legend
 * @placement: where to draw it
 */
void
sd_legend_set_placement (SdLegend          *legend,
                         SdLegendPlacement  placement)
{
  g_return_if_fail (legend != NULL);
  g_return_if_fail (placement <= SD_LEGEND_BOTTOM_RIGHT);

  legend->placement = placement;
}

static double
row_height (const SdThemeStyle *style,
            PangoLayout        *layout)
{
  double height;

  sd_text_get_size (layout, NULL, &height, NULL);
  return MAX (height, style->marker_size * 1.2);
}

static GPtrArray *
create_layouts (SdLegend           *self,
                cairo_t            *cr,
                const SdThemeStyle *style)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_ptr_array_add (layouts, sd_text_layout_new (cr, style, SD_TEXT_BODY, entry->markup));
    }

  return layouts;
}

static void
measure_layouts (const SdThemeStyle *style,
                 GPtrArray          *layouts,
                 double             *width,
                 double             *height)
{
  double em = style->font_size;
  double labels_width = 0.0;
  double rows = 0.0;

  for (guint i = 0; i < layouts->len; i++)
    {
      double label_width;

      sd_text_get_size (g_ptr_array_index (layouts, i), &label_width, NULL, NULL);
      labels_width = MAX (labels_width, label_width);
      rows += row_height (style, g_ptr_array_index (layouts, i));
    }

  *width = (2 * PADDING + HANDLE_LENGTH + HANDLE_GAP) * em + labels_width;
  *height = 2 * PADDING * em + rows + ROW_GAP * em * (layouts->len - 1);
}

/**
 * sd_legend_measure:
 * @legend: a legend with at least one entry
 * @cr: the cairo context it will be drawn on
 * @style: the figure's style
 * @width: (out): the width of its box
 * @height: (out): the height of its box
 */
void
sd_legend_measure (SdLegend           *legend,
                   cairo_t            *cr,
                   const SdThemeStyle *style,
                   double             *width,
                   double             *height)
{
  g_autoptr(GPtrArray) layouts = NULL;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (legend->entries->len > 0);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  layouts = create_layouts (legend, cr, style);
  measure_layouts (style, layouts, width, height);
}

static void
place (SdLegendPlacement        placement,
       const cairo_rectangle_t *area,
       double                   inset,
       double                   width,
       double                   height,
       cairo_rectangle_t       *box)
{
  gboolean left = placement == SD_LEGEND_TOP_LEFT || placement == SD_LEGEND_BOTTOM_LEFT;
  gboolean bottom = placement == SD_LEGEND_BOTTOM_LEFT || placement == SD_LEGEND_BOTTOM_RIGHT;

  box->width = width;
  box->height = height;
  box->x = left ? area->x + inset : area->x + area->width - inset - width;
  box->y = bottom ? area->y + area->height - inset - height : area->y + inset;
}

/* The corner where the legend covers the least of the busy rectangles. */
static SdLegendPlacement
choose_placement (const cairo_rectangle_t *area,
                  double                   inset,
                  double                   width,
                  double                   height,
                  const cairo_rectangle_t *busy,
                  guint                    n_busy)
{
  static const SdLegendPlacement order[] = {
    SD_LEGEND_TOP_RIGHT, SD_LEGEND_TOP_LEFT, SD_LEGEND_BOTTOM_RIGHT, SD_LEGEND_BOTTOM_LEFT,
  };
  g_autoptr(SdLabelPlacer) placer = sd_label_placer_new (area);
  cairo_rectangle_t boxes[G_N_ELEMENTS (order)];

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    place (order[i], area, inset, width, height, &boxes[i]);
  for (guint j = 0; j < n_busy; j++)
    sd_label_placer_add_obstacle (placer, &busy[j]);

  return order[sd_label_placer_least_covered (placer, boxes, G_N_ELEMENTS (order))];
}

static void
draw_handle (cairo_t             *cr,
             const SdThemeStyle  *style,
             const SdLegendEntry *entry,
             double               x,
             double               y,
             double               length)
{
  if (entry->filled)
    {
      double h = 0.7 * style->font_size;

      sd_set_source_color (cr, entry->color);
      cairo_rectangle (cr, x, y - h / 2, length, h);
      cairo_fill (cr);
    }

  if (entry->line_width > 0.0)
    {
      cairo_save (cr);
      cairo_set_line_width (cr, entry->line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, entry->dashes, entry->n_dashes, 0.0);
      sd_set_source_color (cr, entry->color);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + length, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  sd_marker_draw (cr, style, entry->marker, x + length / 2, y, entry->color);
}

/* Where the legend of @layouts goes in @area. */
static void
locate (const SdLegend          *self,
        const SdThemeStyle      *style,
        GPtrArray               *layouts,
        const cairo_rectangle_t *area,
        const cairo_rectangle_t *busy,
        guint                    n_busy,
        cairo_rectangle_t       *box)
{
  double inset = INSET * style->font_size, width, height;
  SdLegendPlacement placement = self->placement;

  measure_layouts (style, layouts, &width, &height);
  if (placement == SD_LEGEND_AUTO)
    placement = choose_placement (area, inset, width, height, busy, n_busy);
  place (placement, area, inset, width, height, box);
}

/**
 * sd_legend_get_box:
 * @legend: a legend
 * @cr: the cairo context it will be drawn on, or one that measures alike
 * @style: the figure's style
 * @area: the plot area
 * @busy: (array length=n_busy) (nullable): rectangles the legend should
 *   not hide
 * @n_busy: the number of rectangles in @busy
 * @box: (out caller-allocates): where sd_legend_draw() with the same
 *   arguments draws the legend
 *
 * Places the legend without drawing it, so that a figure laid out before
 * it is drawn knows where its legend will be.
 *
 * Returns: %FALSE if the legend has no entries, and draws nothing
 */
gboolean
sd_legend_get_box (SdLegend                *legend,
                   cairo_t                 *cr,
                   const SdThemeStyle      *style,
                   const cairo_rectangle_t *area,
                   const cairo_rectangle_t *busy,
                   guint                    n_busy,
                   cairo_rectangle_t       *box)
{
  g_autoptr(GPtrArray) layouts = NULL;

  g_return_val_if_fail (legend != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (busy != NULL || n_busy == 0, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (legend->entries->len == 0)
    {
      *box = (cairo_rectangle_t) { area->x, area->y, 0.0, 0.0 };
      return FALSE;
    }

  layouts = create_layouts (legend, cr, style);
  locate (legend, style, layouts, area, busy, n_busy, box);
  return TRUE;
}

/**
 * sd_legend_draw:
 * @legend: a legend
 * @cr: a cairo context
 * @style: the figure's style
 * @area: the plot area, from sd_plot_get_area()
 * @busy: (array length=n_busy) (nullable): rectangles the legend should
 *   not hide, in @area's coordinates: where the data is
 * @n_busy: the number of rectangles in @busy
 * @box: (out caller-allocates) (optional): where the legend was drawn
 *
 * Draws the legend inside a corner of @area, 0.6 font sizes from its edges,
 * on the theme's background at 85 % opacity so lines passing beneath stay
 * faintly visible. Each entry shows a sample of its line, swatch and
 * marker, then its label. A legend without entries draws nothing and
 * sets @box to an empty rectangle at @area's origin.
 */
void
sd_legend_draw (SdLegend                *legend,
                cairo_t                 *cr,
                const SdThemeStyle      *style,
                const cairo_rectangle_t *area,
                const cairo_rectangle_t *busy,
                guint                    n_busy,
                cairo_rectangle_t       *box)
{
  g_autoptr(GPtrArray) layouts = NULL;
  cairo_rectangle_t rect;
  double em, y;
  double background[4], frame[4];

  g_return_if_fail (legend != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (busy != NULL || n_busy == 0);

  if (legend->entries->len == 0)
    {
      if (box != NULL)
        *box = (cairo_rectangle_t) { area->x, area->y, 0.0, 0.0 };
      return;
    }

  em = style->font_size;
  layouts = create_layouts (legend, cr, style);
  locate (legend, style, layouts, area, busy, n_busy, &rect);
  if (box != NULL)
    *box = rect;

  memcpy (background, style->background, sizeof background);
  background[3] = 0.85;
  memcpy (frame, style->foreground, sizeof frame);
  frame[3] *= 0.25;

  cairo_save (cr);
  sd_rounded_rectangle (cr, &rect, CORNER_RADIUS * em);
  sd_set_source_color (cr, background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, style->axis_line_width);
  sd_set_source_color (cr, frame);
  cairo_stroke (cr);

  y = rect.y + PADDING * em;
  for (guint i = 0; i < layouts->len; i++)
    {
      Entry *entry = &g_array_index (legend->entries, Entry, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double row = row_height (style, layout);
      double middle = y + row / 2;
      double x = rect.x + PADDING * em;

      draw_handle (cr, style, &entry->entry, x, middle, HANDLE_LENGTH * em);
      sd_set_source_color (cr, style->foreground);
      sd_text_draw (cr, layout, x + (HANDLE_LENGTH + HANDLE_GAP) * em, middle,
                    SD_TEXT_LEFT, SD_TEXT_MIDDLE, 0.0);
      y += row + ROW_GAP * em;
    }

  cairo_restore (cr);
}
