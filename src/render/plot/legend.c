/* legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "label-placer.h"
#include "legend.h"
#include "polyline.h"
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
#define COLUMN_GAP 1.0

/* Fitting a legend: the sizes of its text it tries, the most columns, the
 * narrowest a wrapped label may be (in font sizes), the share of the
 * data's points a less legible way to set it must hide less than to be
 * chosen, and the places it tries (see candidate_places()). */
static const double font_scales[] = { 1.0, 0.9, 0.8, 0.7 };
#define MAX_COLUMNS 4
#define MIN_WRAP 5.0
#define POINT_TOLERANCE 0.005
#define MAX_PLACES (8 + 6 * 4)

/* Ink at least this opaque is data the legend keeps off; fainter ink
 * counts one pixel in FAINT_STRIDE x FAINT_STRIDE. */
#define INK_SOLID 0.4
#define INK_FAINT 0.02
#define FAINT_STRIDE 3

#define NBSP "\xc2\xa0"
#define THIN_SPACE "\xe2\x80\x89"
#define NARROW_NBSP "\xe2\x80\xaf"

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

/* A way to set the legend: the size of its text, its columns and the
 * width its labels wrap at (0 for none). */
typedef struct
{
  double scale;
  guint  columns;
  double wrap;
} Format;

/* The legend set in a format: its layouts, measured. */
typedef struct
{
  Format        format;
  SdThemeStyle  style;
  GPtrArray    *layouts;
  guint         rows;
  double        column_width[MAX_COLUMNS];
  double       *row_height;
  double        width;
  double        height;
} Arrangement;

static double
row_height (const SdThemeStyle *style,
            PangoLayout        *layout)
{
  double height;

  sd_text_get_size (layout, NULL, &height, NULL);
  return MAX (height, style->marker_size * 1.2);
}

/* Wrapped text may break at any space but those around an equals sign
 * and the thin spaces between groups of digits: "σ = 2.74" and
 * "20 000" stay on one line. */
static char *
unbreakable_formulas (const char *markup)
{
  g_autoptr(GString) text = g_string_new (markup);

  g_string_replace (text, " = ", NBSP "=" NBSP, 0);
  g_string_replace (text, THIN_SPACE, NARROW_NBSP, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static PangoLayout *
create_layout (const Entry        *entry,
               cairo_t            *cr,
               const SdThemeStyle *style,
               double              wrap)
{
  g_autofree char *markup = NULL;
  PangoLayout *layout;

  if (!(wrap > 0.0))
    return sd_text_layout_new (cr, style, SD_TEXT_BODY, entry->markup);

  markup = unbreakable_formulas (entry->markup);
  layout = sd_text_layout_new (cr, style, SD_TEXT_BODY, markup);
  pango_layout_set_width (layout, (int) floor (wrap * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* The entry in @column and @row, or NULL past the last. */
static PangoLayout *
layout_at (const Arrangement *arrangement,
           guint              column,
           guint              row)
{
  guint i = column * arrangement->rows + row;

  return i < arrangement->layouts->len ? g_ptr_array_index (arrangement->layouts, i) : NULL;
}

/* Measures the set legend: one column is the classic legend,
 * matplotlib's spacing; more columns fill top to bottom, then left to
 * right, each as wide as its widest label. */
static void
measure_arrangement (Arrangement *arrangement)
{
  double em = arrangement->style.font_size;
  guint columns = arrangement->format.columns;

  arrangement->width = 2 * PADDING * em + (columns - 1) * COLUMN_GAP * em;
  for (guint c = 0; c < columns; c++)
    {
      for (guint r = 0; r < arrangement->rows; r++)
        {
          PangoLayout *layout = layout_at (arrangement, c, r);
          double width;

          if (layout == NULL)
            continue;
          sd_text_get_size (layout, &width, NULL, NULL);
          arrangement->column_width[c] = MAX (arrangement->column_width[c], width);
          arrangement->row_height[r] = MAX (arrangement->row_height[r],
                                            row_height (&arrangement->style, layout));
        }
      arrangement->width += (HANDLE_LENGTH + HANDLE_GAP) * em + arrangement->column_width[c];
    }

  arrangement->height = 2 * PADDING * em;
  for (guint r = 0; r < arrangement->rows; r++)
    arrangement->height += arrangement->row_height[r] + (r > 0 ? ROW_GAP * em : 0.0);
}

/* Sets the legend in @format, its text and markers scaled, and measures
 * it. */
static void
arrangement_init (Arrangement        *arrangement,
                  const SdLegend     *self,
                  cairo_t            *cr,
                  const SdThemeStyle *style,
                  const Format       *format)
{
  guint n = self->entries->len;

  memset (arrangement, 0, sizeof *arrangement);
  arrangement->format = *format;
  arrangement->style = *style;
  arrangement->style.font_size = style->font_size * format->scale;
  arrangement->style.marker_size = style->marker_size * format->scale;
  arrangement->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (arrangement->layouts,
                     create_layout (&g_array_index (self->entries, Entry, i), cr,
                                    &arrangement->style, format->wrap));

  arrangement->rows = (n + format->columns - 1) / format->columns;
  arrangement->row_height = g_new0 (double, MAX (arrangement->rows, 1));
  measure_arrangement (arrangement);
}

static void
arrangement_clear (Arrangement *arrangement)
{
  g_clear_pointer (&arrangement->layouts, g_ptr_array_unref);
  g_clear_pointer (&arrangement->row_height, g_free);
}

/* The legend as it always was: full size, one column. */
static void
arrangement_init_classic (Arrangement        *arrangement,
                          const SdLegend     *self,
                          cairo_t            *cr,
                          const SdThemeStyle *style)
{
  const Format classic = { 1.0, 1, 0.0 };

  arrangement_init (arrangement, self, cr, style, &classic);
}

/**
 * sd_legend_measure:
 * @legend: a legend with at least one entry
 * @cr: the cairo context it will be drawn on
 * @style: the figure's style
 * @width: (out): the width of its box
 * @height: (out): the height of its box
 *
 * Measures the legend as sd_legend_draw() draws it: full size, in one
 * column.
 */
void
sd_legend_measure (SdLegend           *legend,
                   cairo_t            *cr,
                   const SdThemeStyle *style,
                   double             *width,
                   double             *height)
{
  Arrangement arrangement;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (legend->entries->len > 0);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  arrangement_init_classic (&arrangement, legend, cr, style);
  *width = arrangement.width;
  *height = arrangement.height;
  arrangement_clear (&arrangement);
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

/* Where the classic legend goes in @area. */
static void
locate (const SdLegend          *self,
        const SdThemeStyle      *style,
        const Arrangement       *arrangement,
        const cairo_rectangle_t *area,
        const cairo_rectangle_t *busy,
        guint                    n_busy,
        cairo_rectangle_t       *box)
{
  double inset = INSET * style->font_size;
  double width = arrangement->width, height = arrangement->height;
  SdLegendPlacement placement = self->placement;

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
  Arrangement arrangement;

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

  arrangement_init_classic (&arrangement, legend, cr, style);
  locate (legend, style, &arrangement, area, busy, n_busy, box);
  arrangement_clear (&arrangement);
  return TRUE;
}

/* Draws the legend set in @arrangement in @rect: the box, then each
 * entry's sample and label, column by column. */
static void
draw_arrangement (const SdLegend          *self,
                  cairo_t                 *cr,
                  const SdThemeStyle      *style,
                  const Arrangement       *arrangement,
                  const cairo_rectangle_t *rect)
{
  const SdThemeStyle *own = &arrangement->style;
  double em = own->font_size, x;
  double background[4], frame[4];

  memcpy (background, style->background, sizeof background);
  background[3] = 0.85;
  memcpy (frame, style->foreground, sizeof frame);
  frame[3] *= 0.25;

  cairo_save (cr);
  sd_rounded_rectangle (cr, rect, CORNER_RADIUS * em);
  sd_set_source_color (cr, background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, style->axis_line_width);
  sd_set_source_color (cr, frame);
  cairo_stroke (cr);

  x = rect->x + PADDING * em;
  for (guint c = 0; c < arrangement->format.columns; c++)
    {
      double y = rect->y + PADDING * em;

      for (guint r = 0; r < arrangement->rows; r++)
        {
          PangoLayout *layout = layout_at (arrangement, c, r);
          double row = arrangement->row_height[r], middle = y + row / 2;
          const Entry *entry;

          if (layout == NULL)
            break;
          entry = &g_array_index (self->entries, Entry, c * arrangement->rows + r);
          draw_handle (cr, own, &entry->entry, x, middle, HANDLE_LENGTH * em);
          sd_set_source_color (cr, style->foreground);
          sd_text_draw (cr, layout, x + (HANDLE_LENGTH + HANDLE_GAP) * em, middle,
                        SD_TEXT_LEFT, SD_TEXT_MIDDLE, 0.0);
          y += row + ROW_GAP * em;
        }
      x += (HANDLE_LENGTH + HANDLE_GAP + COLUMN_GAP) * em + arrangement->column_width[c];
    }

  cairo_restore (cr);
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
 *
 * The legend is drawn full size in one column, even where that is wider
 * than @area; sd_legend_fit() and sd_legend_draw_fit() make it fit.
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
  Arrangement arrangement;
  cairo_rectangle_t rect;

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

  arrangement_init_classic (&arrangement, legend, cr, style);
  locate (legend, style, &arrangement, area, busy, n_busy, &rect);
  if (box != NULL)
    *box = rect;
  draw_arrangement (legend, cr, style, &arrangement, &rect);
  arrangement_clear (&arrangement);
}

/* Fitting ---------------------------------------------------------------- */

/* Called for each way to set the legend that fits, best first; returns
 * whether to stop. */
typedef gboolean (*FormatFunc) (const Arrangement *arrangement,
                                gpointer           user_data);

/* The widest a label may be for the legend, in one column, to be
 * @max_width wide. */
static double
wrap_width (double em,
            double max_width)
{
  return max_width - (2 * PADDING + HANDLE_LENGTH + HANDLE_GAP) * em;
}

/* Sets the legend in @format and hands it to @func if it fits
 * @max_width x @max_height.
 *
 * Returns: whether @func asks to stop */
static gboolean
try_format (const SdLegend     *self,
            cairo_t            *cr,
            const SdThemeStyle *style,
            const Format       *format,
            double              max_width,
            double              max_height,
            FormatFunc          func,
            gpointer            user_data,
            gboolean           *fits,
            double             *width)
{
  Arrangement arrangement;
  gboolean stop = FALSE;

  arrangement_init (&arrangement, self, cr, style, format);
  *width = arrangement.width;
  *fits = arrangement.width <= max_width && arrangement.height <= max_height;
  if (*fits)
    stop = func (&arrangement, user_data);
  arrangement_clear (&arrangement);
  return stop;
}

/* Tries the ways to set the legend from the most legible on: full size
 * in one column; then, if that is too wide, its labels wrapped to the
 * widest they may be, then to 3/4 and 1/2 of that, narrower boxes that
 * fit in more places; then in more columns, which help a legend too
 * tall; then all of that at 90, 80 and 70 % of the size. Calls @func
 * with each that fits @max_width x @max_height until it asks to stop.
 *
 * Returns: whether any fitted */
static gboolean
foreach_format (const SdLegend     *self,
                cairo_t            *cr,
                const SdThemeStyle *style,
                double              max_width,
                double              max_height,
                FormatFunc          func,
                gpointer            user_data)
{
  static const double wraps[] = { 1.0, 0.75, 0.5 };
  gboolean any = FALSE, fits;
  double width;

  for (guint s = 0; s < G_N_ELEMENTS (font_scales); s++)
    {
      double em = style->font_size * font_scales[s];
      Format format = { font_scales[s], 1, 0.0 };
      gboolean too_wide;
      double widest;

      if (try_format (self, cr, style, &format, max_width, max_height, func, user_data, &fits,
                      &width))
        return TRUE;
      any |= fits;

      widest = wrap_width (em, max_width);
      too_wide = width > max_width;
      for (guint w = 0; too_wide && w < G_N_ELEMENTS (wraps); w++)
        {
          format.wrap = floor (wraps[w] * widest);
          if (!(format.wrap >= MIN_WRAP * em))
            break;
          if (try_format (self, cr, style, &format, max_width, max_height, func, user_data,
                          &fits, &width))
            return TRUE;
          any |= fits;
        }

      format.wrap = 0.0;
      for (format.columns = 2; format.columns <= MIN (self->entries->len, MAX_COLUMNS);
           format.columns++)
        {
          if (try_format (self, cr, style, &format, max_width, max_height, func, user_data,
                          &fits, &width))
            return TRUE;
          any |= fits;
        }
    }

  return any;
}

static void
fit_from_arrangement (const Arrangement *arrangement,
                      SdLegendFit       *fit)
{
  memset (fit, 0, sizeof *fit);
  fit->box.width = arrangement->width;
  fit->box.height = arrangement->height;
  fit->font_scale = arrangement->format.scale;
  fit->columns = arrangement->format.columns;
  fit->wrap_width = arrangement->format.wrap;
}

static gboolean
take_first (const Arrangement *arrangement,
            gpointer           user_data)
{
  fit_from_arrangement (arrangement, user_data);
  return TRUE;
}

/* The smallest way to set the legend, for when nothing fits. */
static void
fit_smallest (const SdLegend     *self,
              cairo_t            *cr,
              const SdThemeStyle *style,
              double              max_width,
              SdLegendFit        *fit)
{
  Format format = { font_scales[G_N_ELEMENTS (font_scales) - 1], 1, 0.0 };
  Arrangement arrangement;

  format.wrap = MAX (floor (wrap_width (style->font_size * format.scale, max_width)),
                     MIN_WRAP * style->font_size * format.scale);
  arrangement_init (&arrangement, self, cr, style, &format);
  fit_from_arrangement (&arrangement, fit);
  arrangement_clear (&arrangement);
}

/**
 * sd_legend_fit_size:
 * @legend: a legend with at least one entry
 * @cr: the cairo context it will be drawn on, or one that measures alike
 * @style: the figure's style
 * @max_width: the widest its box may be
 * @max_height: the tallest its box may be
 * @fit: (out caller-allocates): how to set it; @fit->box has its size,
 *   at (0, 0)
 *
 * Finds the most legible way to set the legend in a box of at most
 * @max_width x @max_height: full size in one column if it fits; else
 * with its labels wrapped (never inside "a = b"), or in more columns;
 * else all of that at 90, 80 and 70 % of the size. A figure that makes
 * room for the legend itself, outside its data, lays it out with this.
 *
 * Returns: whether a way fits; if none does, @fit is the legend at 70 %,
 *   wrapped to @max_width where it can be, which may still be larger
 */
gboolean
sd_legend_fit_size (SdLegend           *legend,
                    cairo_t            *cr,
                    const SdThemeStyle *style,
                    double              max_width,
                    double              max_height,
                    SdLegendFit        *fit)
{
  g_return_val_if_fail (legend != NULL, FALSE);
  g_return_val_if_fail (legend->entries->len > 0, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  if (foreach_format (legend, cr, style, max_width, max_height, take_first, fit))
    return TRUE;

  fit_smallest (legend, cr, style, max_width, fit);
  return FALSE;
}

/**
 * sd_legend_count_points:
 * @box: a rectangle
 * @points: (array length=n_points) (element-type double): x, y pairs
 * @n_points: how many pairs
 *
 * Returns: how many of the points lie in @box, its left and top edges
 *   included
 */
gsize
sd_legend_count_points (const cairo_rectangle_t *box,
                        const double            *points,
                        gsize                    n_points)
{
  gsize count = 0;

  g_return_val_if_fail (box != NULL, 0);
  g_return_val_if_fail (points != NULL || n_points == 0, 0);

  for (gsize i = 0; i < n_points; i++)
    count += points[2 * i] >= box->x && points[2 * i] < box->x + box->width
             && points[2 * i + 1] >= box->y && points[2 * i + 1] < box->y + box->height;
  return count;
}

/**
 * sd_legend_ink_points:
 * @area: the plot area
 * @draw: (scope call): draws the data, as the figure does
 * @user_data: the data for @draw
 *
 * The data as drawn, as points for sd_legend_fit() to keep off: @draw
 * draws it at one pixel per point, and each pixel of @area it inks at
 * least 40 % becomes a point at its centre. Fainter ink, such as a fill
 * under a curve or translucent bars, gives a point for only one pixel in
 * 3 x 3, so that a legend would rather cover a fill than a line, but
 * rather neither than a fill.
 *
 * Returns: (transfer full) (element-type double): x, y pairs
 */
GArray *
sd_legend_ink_points (const cairo_rectangle_t *area,
                      SdLegendDrawFunc         draw,
                      gpointer                 user_data)
{
  int width, height, stride;
  GArray *points;
  cairo_surface_t *surface;
  const guint8 *data;
  cairo_t *cr;

  g_return_val_if_fail (area != NULL, NULL);
  g_return_val_if_fail (draw != NULL, NULL);

  points = g_array_new (FALSE, FALSE, sizeof (double));
  width = (int) ceil (MAX (area->width, 0.0));
  height = (int) ceil (MAX (area->height, 0.0));
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  cairo_translate (cr, -area->x, -area->y);
  draw (cr, user_data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double alpha = data[y * stride + x] / 255.0;

        if (alpha >= INK_SOLID
            || (alpha > INK_FAINT && x % FAINT_STRIDE == 0 && y % FAINT_STRIDE == 0))
          {
            double point[2] = { area->x + x + 0.5, area->y + y + 0.5 };

            g_array_append_vals (points, point, 2);
          }
      }

  cairo_surface_destroy (surface);
  return points;
}

/* The data the legend should not hide, and the best place found so far. */
typedef struct
{
  const SdLegend          *self;
  const cairo_rectangle_t *area;
  double                   inset;
  const SdPoint           *points;   /* sorted by x */
  gsize                    n_points;
  const cairo_rectangle_t *avoid;
  guint                    n_avoid;
  gboolean                 found;
  SdLegendFit              best;
} Search;

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  double xa = ((const SdPoint *) a)->x, xb = ((const SdPoint *) b)->x;

  return (xa > xb) - (xa < xb);
}

/* The points in @box, found among those sorted by x by bisection. */
static gsize
count_sorted (const Search            *search,
              const cairo_rectangle_t *box)
{
  gsize lo = 0, hi = search->n_points, count = 0;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (search->points[mid].x < box->x)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (gsize i = lo; i < search->n_points && search->points[i].x < box->x + box->width; i++)
    count += search->points[i].y >= box->y && search->points[i].y < box->y + box->height;
  return count;
}

static guint
count_hidden (const Search            *search,
              const cairo_rectangle_t *box)
{
  guint hidden = 0;

  for (guint i = 0; i < search->n_avoid; i++)
    hidden += sd_rect_overlap_area (box, &search->avoid[i]) > 0.0;
  return hidden;
}

/* The places along the plot's edges, as fractions of the room left
 * beside the box across and down: the corners first, top right first as
 * matplotlib's "best" does; then the middles of the edges; then between. */
static guint
candidate_places (const SdLegend *self,
                  double          places[][2])
{
  static const double corners[][2] = {
    { 1, 0 }, { 0, 0 }, { 1, 1 }, { 0, 1 }, { 0.5, 0 }, { 0.5, 1 }, { 0, 0.5 }, { 1, 0.5 },
  };
  static const double between[] = { 0.25, 0.75, 0.125, 0.375, 0.625, 0.875 };
  guint n = 0;

  if (self->placement != SD_LEGEND_AUTO)
    {
      places[0][0] = self->placement == SD_LEGEND_TOP_LEFT
                     || self->placement == SD_LEGEND_BOTTOM_LEFT ? 0.0 : 1.0;
      places[0][1] = self->placement == SD_LEGEND_BOTTOM_LEFT
                     || self->placement == SD_LEGEND_BOTTOM_RIGHT ? 1.0 : 0.0;
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++, n++)
    {
      places[n][0] = corners[i][0];
      places[n][1] = corners[i][1];
    }
  for (guint i = 0; i < G_N_ELEMENTS (between); i++)
    for (guint edge = 0; edge < 4; edge++, n++)
      {
        places[n][edge / 2] = between[i];
        places[n][1 - edge / 2] = edge % 2;
      }
  return n;
}

/* Whether @fit hides less than @best: first fewer of the rectangles to
 * avoid; then clearly fewer points, since a place found for a less
 * legible way to set the legend must earn its smaller text. */
static gboolean
is_better (const SdLegendFit *fit,
           const SdLegendFit *best,
           double             tolerance)
{
  if (fit->hidden != best->hidden)
    return fit->hidden < best->hidden;
  return (double) fit->covered + tolerance < (double) best->covered;
}

static gboolean
try_places (const Arrangement *arrangement,
            gpointer           user_data)
{
  Search *search = user_data;
  const cairo_rectangle_t *area = search->area;
  double places[MAX_PLACES][2];
  guint n_places = candidate_places (search->self, places);
  double room_x = area->width - 2 * search->inset - arrangement->width;
  double room_y = area->height - 2 * search->inset - arrangement->height;
  SdLegendFit fit, best_here = { .hidden = G_MAXUINT };

  fit_from_arrangement (arrangement, &fit);
  for (guint p = 0; p < n_places; p++)
    {
      fit.box.x = area->x + search->inset + places[p][0] * room_x;
      fit.box.y = area->y + search->inset + places[p][1] * room_y;
      fit.hidden = count_hidden (search, &fit.box);
      fit.covered = count_sorted (search, &fit.box);
      if (best_here.hidden == G_MAXUINT || is_better (&fit, &best_here, 0.0))
        best_here = fit;
    }

  if (!search->found || is_better (&best_here, &search->best,
                                   POINT_TOLERANCE * search->n_points))
    search->best = best_here;
  search->found = TRUE;

  /* Nothing beats hiding nothing. */
  return search->best.hidden == 0 && search->best.covered == 0;
}

/**
 * sd_legend_fit:
 * @legend: a legend
 * @cr: the cairo context it will be drawn on, or one that measures alike
 * @style: the figure's style
 * @area: the plot area, which the legend stays inside, 0.6 font sizes
 *   from its edges
 * @points: (array length=n_points) (element-type double) (nullable): x, y
 *   pairs, in @area's coordinates: the data as drawn, such as a curve's
 *   samples every few points along it, markers, iterates; the denser,
 *   the more the legend keeps off
 * @n_points: how many pairs
 * @avoid: (array length=n_avoid) (nullable): rectangles the legend must
 *   not cover where it can help it: labels, marked points
 * @n_avoid: how many
 * @fit: (out caller-allocates): how the legend is set and where it goes
 *
 * Fits the legend in @area where it hides the least: it is set in each
 * way sd_legend_fit_size() tries that fits, and put in each corner, the
 * middle of each edge and places between along the edges (only the
 * legend's corner, when sd_legend_set_placement() chose one). The place
 * that covers the fewest @avoid rectangles, then the fewest @points,
 * wins, the more legible way to set it on a near tie (within half a
 * percent of the points), then the earlier place: top right, top left,
 * bottom right, bottom left, the edges' middles.
 *
 * Returns: %FALSE if the legend has no entries (@fit is then empty); a
 *   legend too large for @area is set as small as it goes, at its top
 *   left, and may still reach out of it
 */
gboolean
sd_legend_fit (SdLegend                *legend,
               cairo_t                 *cr,
               const SdThemeStyle      *style,
               const cairo_rectangle_t *area,
               const double            *points,
               gsize                    n_points,
               const cairo_rectangle_t *avoid,
               guint                    n_avoid,
               SdLegendFit             *fit)
{
  g_autofree SdPoint *sorted = NULL;
  Search search = { 0 };

  g_return_val_if_fail (legend != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);
  g_return_val_if_fail (avoid != NULL || n_avoid == 0, FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  memset (fit, 0, sizeof *fit);
  fit->box = (cairo_rectangle_t) { area->x, area->y, 0.0, 0.0 };
  if (legend->entries->len == 0)
    return FALSE;

  sorted = g_new (SdPoint, MAX (n_points, 1));
  if (n_points > 0)
    {
      memcpy (sorted, points, n_points * sizeof (SdPoint));
      qsort (sorted, n_points, sizeof (SdPoint), compare_x);
    }

  search.self = legend;
  search.area = area;
  search.inset = INSET * style->font_size;
  search.points = sorted;
  search.n_points = n_points;
  search.avoid = avoid;
  search.n_avoid = n_avoid;
  if (!foreach_format (legend, cr, style, area->width - 2 * search.inset,
                       area->height - 2 * search.inset, try_places, &search))
    {
      fit_smallest (legend, cr, style, area->width - 2 * search.inset, fit);
      fit->box.x = area->x + search.inset;
      fit->box.y = area->y + search.inset;
      fit->hidden = count_hidden (&search, &fit->box);
      fit->covered = count_sorted (&search, &fit->box);
      return TRUE;
    }

  *fit = search.best;
  return TRUE;
}

/**
 * sd_legend_draw_fit:
 * @legend: a legend
 * @cr: a cairo context
 * @style: the figure's style
 * @fit: how to set the legend and where, from sd_legend_fit() or
 *   sd_legend_fit_size() (with the box moved to its place)
 *
 * Draws the legend as sd_legend_draw() does, set and placed as @fit says.
 * A legend without entries draws nothing.
 */
void
sd_legend_draw_fit (SdLegend           *legend,
                    cairo_t            *cr,
                    const SdThemeStyle *style,
                    const SdLegendFit  *fit)
{
  Format format;
  Arrangement arrangement;
  cairo_rectangle_t rect;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (fit != NULL);
  g_return_if_fail (fit->columns >= 1 && fit->columns <= MAX_COLUMNS);

  if (legend->entries->len == 0)
    return;

  format = (Format) { fit->font_scale, fit->columns, fit->wrap_width };
  arrangement_init (&arrangement, legend, cr, style, &format);
  rect = (cairo_rectangle_t) { fit->box.x, fit->box.y, arrangement.width, arrangement.height };
  draw_arrangement (legend, cr, style, &arrangement, &rect);
  arrangement_clear (&arrangement);
}

/**
 * sd_legend_fit_below:
 * @legend: a legend
 * @cr: a context that measures as the figure's will
 * @style: the figure's style
 * @figure_width: the figure's width, in points
 * @fit: (out caller-allocates): how the legend is set
 *
 * Sets the legend for a band below the plot, across the figure, in as
 * few rows as its text allows at each size: for a figure too small for
 * the legend inside its plot without hiding what matters.
 *
 * Returns: the height of the band, the figure's padding under it included
 */
double
sd_legend_fit_below (SdLegend           *legend,
                     cairo_t            *cr,
                     const SdThemeStyle *style,
                     double              figure_width,
                     SdLegendFit        *fit)
{
  /* One, two, three and four rows of full-size text, in font sizes. */
  static const double heights[] = { 2.6, 4.3, 6.0, 7.7 };
  double width = figure_width - 2 * style->padding;

  g_return_val_if_fail (legend != NULL && style != NULL && fit != NULL, 0.0);

  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    if (sd_legend_fit_size (legend, cr, style, width, heights[i] * style->font_size, fit))
      break;
  return fit->box.height + style->padding;
}

/**
 * sd_legend_place_below:
 * @fit: a legend set by sd_legend_fit_below(), whose box is placed
 * @style: the figure's style
 * @area: the plot area, laid out above the band
 * @figure_width: the figure's width, in points
 * @figure_height: its height
 *
 * Puts the legend in the band below the plot, centred under it, inside
 * the figure; one wider than the figure's padding allows, centred in the
 * figure.
 */
void
sd_legend_place_below (SdLegendFit             *fit,
                       const SdThemeStyle      *style,
                       const cairo_rectangle_t *area,
                       double                   figure_width,
                       double                   figure_height)
{
  cairo_rectangle_t *box;
  double padding;

  g_return_if_fail (fit != NULL && style != NULL && area != NULL);

  box = &fit->box;
  padding = style->padding;
  box->x = box->width <= figure_width - 2 * padding
           ? CLAMP (area->x + (area->width - box->width) / 2, padding,
                    figure_width - padding - box->width)
           : (figure_width - box->width) / 2;
  box->y = figure_height - padding - box->height;
}
