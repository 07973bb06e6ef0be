/* plot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "plot.h"
#include "text.h"

/* Spacing, in units of the body font size. */
#define TICK_LABEL_GAP 0.4   /* tick end to tick label */
#define AXIS_TITLE_GAP 0.5   /* tick labels to axis title */
#define TITLE_GAP 0.8        /* figure title to the plot */
#define COLORBAR_GAP 1.5     /* plot to colour bar */
/* At most one tick per this many font sizes along an axis: sparser than
 * the labels would allow, so the figure reads at a glance. */
#define X_TICK_SPACING 4.5
#define Y_TICK_SPACING 3.0
#define MAX_TICKS 11
/* Layout rounds until the margins stop growing; a few suffice. */
#define MAX_LAYOUT_ROUNDS 8

typedef struct
{
  SdScale      scale;
  double       threshold;   /* SD_SCALE_SYMLOG: where the linear part ends */
  double       min;
  double       max;
  char        *title;

  /* Layout results. */
  gboolean     valid;
  double       view_min;
  double       view_max;
  double       forward_min;
  double       forward_max;
  SdTicks      ticks;
  GPtrArray   *labels;
  PangoLayout *title_layout;
  double       title_thickness;
  double       labels_width;
  double       labels_height;
} Axis;

struct _SdPlot
{
  SdThemeStyle       style;
  char              *title;
  Axis               axes[2];
  gboolean           equal_aspect;
  SdColorbar        *colorbar;

  /* Layout results. */
  gboolean           laid_out;
  double             width;
  double             height;
  cairo_rectangle_t  area;
  double             colorbar_x;
  PangoLayout       *title_layout;
  double             title_height;
};

static void
invalidate (SdPlot *self)
{
  self->laid_out = FALSE;
  g_clear_object (&self->title_layout);
  for (guint i = 0; i < G_N_ELEMENTS (self->axes); i++)
    {
      g_clear_pointer (&self->axes[i].labels, g_ptr_array_unref);
      g_clear_object (&self->axes[i].title_layout);
    }
}

/**
 * sd_plot_new:
 * @style: the figure's style, copied
 *
 * Creates a plot with linear axes over [0, 1], no titles and no colour bar.
 *
 * Returns: (transfer full): the plot
 */
SdPlot *
sd_plot_new (const SdThemeStyle *style)
{
  SdPlot *self;

  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (SdPlot, 1);
  self->style = *style;
  for (guint i = 0; i < G_N_ELEMENTS (self->axes); i++)
    {
      self->axes[i].scale = SD_SCALE_LINEAR;
      self->axes[i].min = 0.0;
      self->axes[i].max = 1.0;
    }
  return self;
}

/**
 * sd_plot_free:
 * @plot: (nullable): a plot
 */
void
sd_plot_free (SdPlot *plot)
{
  if (plot == NULL)
    return;

  invalidate (plot);
  g_free (plot->title);
  for (guint i = 0; i < G_N_ELEMENTS (plot->axes); i++)
    g_free (plot->axes[i].title);
  sd_colorbar_free (plot->colorbar);
  g_free (plot);
}

/**
 * sd_plot_set_style:
 * @plot: a plot
 * @style: the new style, copied
 */
void
sd_plot_set_style (SdPlot             *plot,
                   const SdThemeStyle *style)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (style != NULL);

  plot->style = *style;
  invalidate (plot);
}

/**
 * sd_plot_get_style:
 * @plot: a plot
 *
 * Returns: (transfer none): the style it draws with
 */
const SdThemeStyle *
sd_plot_get_style (const SdPlot *plot)
{
  g_return_val_if_fail (plot != NULL, NULL);

  return &plot->style;
}

/**
 * sd_plot_set_title:
 * @plot: a plot
 * @markup: (nullable): the figure's title in Pango markup, or %NULL for
 *   none. A scene's `title` is plain text: escape it with
 *   g_markup_escape_text() (unescaped text that is not valid markup is
 *   shown as it is anyway).
 *
 * The title is centred above the plot, and wraps if wider than the figure.
 */
void
sd_plot_set_title (SdPlot     *plot,
                   const char *markup)
{
  g_return_if_fail (plot != NULL);

  g_free (plot->title);
  plot->title = g_strdup (markup);
  invalidate (plot);
}

/**
 * sd_plot_set_axis:
 * @plot: a plot
 * @axis: which axis
 * @scale: linear or logarithmic
 * @min: the value at the left or bottom
 * @max: the value at the right or top; @min > @max reverses the axis
 *
 * Sets the range an axis shows. Both ends must be finite, and positive on
 * a logarithmic scale: compute them from the finite values of the data.
 * A range of one value is widened as sd_range_nonsingular() does.
 * Ranges are shown as given, without rounding them out to ticks, so a
 * heatmap fills the plot exactly.
 */
void
sd_plot_set_axis (SdPlot  *plot,
                  SdAxis   axis,
                  SdScale  scale,
                  double   min,
                  double   max)
{
  double lo = min, hi = max;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (axis == SD_AXIS_X || axis == SD_AXIS_Y);
  g_return_if_fail (sd_range_nonsingular (scale, &lo, &hi));

  plot->axes[axis].scale = scale;
  plot->axes[axis].threshold = 1.0;
  plot->axes[axis].min = min;
  plot->axes[axis].max = max;
  invalidate (plot);
}

/**
 * sd_plot_set_axis_symlog:
 * @plot: a plot
 * @axis: which axis
 * @min: the value at the left or bottom
 * @max: the value at the right or top
 * @threshold: where the linear part ends, > 0; a power of ten labels best
 *
 * Shows @axis on a symmetric log scale (%SD_SCALE_SYMLOG), for data of
 * either sign that spans many decades; otherwise as sd_plot_set_axis().
 */
void
sd_plot_set_axis_symlog (SdPlot  *plot,
                         SdAxis   axis,
                         double   min,
                         double   max,
                         double   threshold)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (axis == SD_AXIS_X || axis == SD_AXIS_Y);
  g_return_if_fail (threshold > 0.0 && isfinite (threshold));

  sd_plot_set_axis (plot, axis, SD_SCALE_SYMLOG, min, max);
  plot->axes[axis].threshold = threshold;
}

/* Where @value sits on a linear axis, as the axis' scale spaces values. */
static double
axis_forward (const Axis *axis,
              double      value)
{
  if (axis->scale == SD_SCALE_SYMLOG)
    return sd_symlog_forward (value, axis->threshold);
  return sd_scale_forward (axis->scale, value);
}

static double
axis_inverse (const Axis *axis,
              double      position)
{
  if (axis->scale == SD_SCALE_SYMLOG)
    return sd_symlog_inverse (position, axis->threshold);
  return sd_scale_inverse (axis->scale, position);
}

/**
 * sd_plot_set_axis_title:
 * @plot: a plot
 * @axis: which axis
 * @markup: (nullable): the title in Pango markup, e.g. "w<sub>1</sub>",
 *   or %NULL for none
 *
 * The x title is centred below the tick labels; the y title left of them,
 * read from bottom to top. Titles longer than the axis end in "…".
 */
void
sd_plot_set_axis_title (SdPlot     *plot,
                        SdAxis      axis,
                        const char *markup)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (axis == SD_AXIS_X || axis == SD_AXIS_Y);

  g_free (plot->axes[axis].title);
  plot->axes[axis].title = g_strdup (markup);
  invalidate (plot);
}

/**
 * sd_plot_set_equal_aspect:
 * @plot: a plot
 * @equal_aspect: whether a unit is as long on both axes
 *
 * With an equal aspect, as the plane of a linear map needs (a rotation
 * must look like one), the layout widens the range of one axis around its
 * centre until both axes have the same scale; the plot keeps its size.
 * On logarithmic axes a decade is as long on both.
 */
void
sd_plot_set_equal_aspect (SdPlot   *plot,
                          gboolean  equal_aspect)
{
  g_return_if_fail (plot != NULL);

  plot->equal_aspect = !!equal_aspect;
  invalidate (plot);
}

/**
 * sd_plot_set_colorbar:
 * @plot: a plot
 * @colorbar: (transfer full) (nullable): a colour bar, or %NULL for none
 *
 * Puts @colorbar right of the plot, as tall as the plot.
 */
void
sd_plot_set_colorbar (SdPlot     *plot,
                      SdColorbar *colorbar)
{
  g_return_if_fail (plot != NULL);

  if (plot->colorbar != colorbar)
    sd_colorbar_free (plot->colorbar);
  plot->colorbar = colorbar;
  invalidate (plot);
}

/**
 * sd_plot_get_colorbar:
 * @plot: a plot
 *
 * Returns: (transfer none) (nullable): its colour bar
 */
SdColorbar *
sd_plot_get_colorbar (const SdPlot *plot)
{
  g_return_val_if_fail (plot != NULL, NULL);

  return plot->colorbar;
}

/* Widens one axis so that both have the same scale. */
static void
apply_equal_aspect (SdPlot *self)
{
  Axis *x = &self->axes[SD_AXIS_X];
  Axis *y = &self->axes[SD_AXIS_Y];
  double dx = x->forward_max - x->forward_min;
  double dy = y->forward_max - y->forward_min;
  double sx = self->area.width / fabs (dx);
  double sy = self->area.height / fabs (dy);
  Axis *wider;
  double half, centre, sign;

  if (!(sx > 0.0) || !(sy > 0.0) || !isfinite (sx) || !isfinite (sy))
    return;

  /* The axis with more points per unit shows too little: widen it. */
  if (sx > sy)
    {
      wider = x;
      half = self->area.width / sy / 2;
    }
  else
    {
      wider = y;
      half = self->area.height / sx / 2;
    }

  centre = wider->forward_min / 2 + wider->forward_max / 2;
  sign = wider->forward_max > wider->forward_min ? 1.0 : -1.0;
  wider->forward_min = centre - sign * half;
  wider->forward_max = centre + sign * half;
  wider->view_min = axis_inverse (wider, wider->forward_min);
  wider->view_max = axis_inverse (wider, wider->forward_max);
}

static void
compute_views (SdPlot *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->axes); i++)
    {
      Axis *axis = &self->axes[i];

      axis->view_min = axis->min;
      axis->view_max = axis->max;
      axis->valid = sd_range_nonsingular (axis->scale, &axis->view_min, &axis->view_max);
      axis->forward_min = axis_forward (axis, axis->view_min);
      axis->forward_max = axis_forward (axis, axis->view_max);
    }

  if (self->equal_aspect && self->axes[SD_AXIS_X].valid && self->axes[SD_AXIS_Y].valid)
    apply_equal_aspect (self);
}

/* Where @value sits along @axis, in points from the area's left or bottom. */
static double
axis_offset (const Axis *axis,
             double      value,
             double      length)
{
  return (axis_forward (axis, value) - axis->forward_min) /
         (axis->forward_max - axis->forward_min) * length;
}

static guint
default_max_ticks (SdPlot   *self,
                   gboolean  horizontal,
                   double    length)
{
  double spacing = (horizontal ? X_TICK_SPACING : Y_TICK_SPACING) * self->style.font_size;

  return CLAMP ((guint) (MAX (length, 0.0) / spacing) + 1, 2, MAX_TICKS);
}

/* Chooses the ticks of @axis for an area @length points long: at most @n,
 * fewer while labels would come closer than a font size (x) or half a
 * line (y). */
static void
fit_ticks (SdPlot  *self,
           cairo_t *cr,
           Axis    *axis,
           gboolean horizontal,
           double   length,
           guint    n)
{
  double em = self->style.font_size;

  g_clear_pointer (&axis->labels, g_ptr_array_unref);
  axis->labels_width = 0.0;
  axis->labels_height = 0.0;
  axis->ticks.n = 0;
  axis->ticks.n_minor = 0;

  if (!axis->valid)
    {
      axis->labels = g_ptr_array_new_with_free_func (g_object_unref);
      return;
    }

  for (;; n--)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
      double previous_offset = 0.0, previous_size = 0.0;
      double max_width = 0.0, max_height = 0.0;
      gboolean fits = TRUE;

      if (axis->scale == SD_SCALE_SYMLOG)
        sd_ticks_compute_symlog (&axis->ticks, axis->view_min, axis->view_max, axis->threshold, n);
      else
        sd_ticks_compute (&axis->ticks, axis->scale, axis->view_min, axis->view_max, n,
                          self->style.minor_ticks);

      for (guint i = 0; i < axis->ticks.n; i++)
        {
          g_autofree char *markup = sd_ticks_get_label (&axis->ticks, i);
          PangoLayout *layout = sd_text_layout_new (cr, &self->style, SD_TEXT_BODY, markup);
          double offset = fabs (axis_offset (axis, axis->ticks.values[i], length));
          double width, height, size, room;

          sd_text_get_size (layout, &width, &height, NULL);
          size = horizontal ? width : height;
          room = (size + previous_size) / 2 + (horizontal ? em : 0.5 * em);
          if (i > 0 && fabs (offset - previous_offset) < room)
            fits = FALSE;

          previous_offset = offset;
          previous_size = size;
          max_width = MAX (max_width, width);
          max_height = MAX (max_height, height);
          g_ptr_array_add (labels, layout);
        }

      if (fits || n <= 1)
        {
          axis->labels = g_steal_pointer (&labels);
          axis->labels_width = max_width;
          axis->labels_height = max_height;
          return;
        }
    }
}

/* With an equal aspect, both axes get the same step, so the grid is made
 * of squares and lengths compare at a glance. The finer axis takes fewer
 * ticks until its step reaches the other's; steps only grow, so this ends. */
static void
match_steps (SdPlot  *self,
             cairo_t *cr)
{
  Axis *x = &self->axes[SD_AXIS_X];
  Axis *y = &self->axes[SD_AXIS_Y];

  if (!self->equal_aspect || x->scale != SD_SCALE_LINEAR || y->scale != SD_SCALE_LINEAR)
    return;

  for (guint round = 0; round < 2 * MAX_TICKS; round++)
    {
      gboolean x_finer = x->ticks.step < y->ticks.step;
      Axis *finer = x_finer ? x : y;

      if (!(x->ticks.step > 0.0) || !(y->ticks.step > 0.0) ||
          x->ticks.step == y->ticks.step || finer->ticks.n <= 2)
        return;

      fit_ticks (self, cr, finer, x_finer,
                 x_finer ? self->area.width : self->area.height, finer->ticks.n - 1);
    }
}

static PangoLayout *
create_title_layout (SdPlot     *self,
                     cairo_t    *cr,
                     SdTextRole  role,
                     const char *markup,
                     double     *thickness)
{
  PangoLayout *layout;

  *thickness = 0.0;
  if (markup == NULL || markup[0] == '\0')
    return NULL;

  layout = sd_text_layout_new (cr, &self->style, role, markup);
  sd_text_get_size (layout, NULL, thickness, NULL);
  return layout;
}

typedef struct
{
  double left, right, top, bottom;
} Margins;

static gboolean
grow_margins (Margins       *margins,
              const Margins *needed)
{
  gboolean grew = FALSE;

#define GROW(side) \
  if (needed->side > margins->side + 1e-9) { margins->side = needed->side; grew = TRUE; }
  GROW (left);
  GROW (right);
  GROW (top);
  GROW (bottom);
#undef GROW

  return grew;
}

static void
set_area (SdPlot        *self,
          const Margins *margins)
{
  self->area.x = margins->left;
  self->area.y = margins->top;
  self->area.width = MAX (0.0, self->width - margins->left - margins->right);
  self->area.height = MAX (0.0, self->height - margins->top - margins->bottom);
}

/**
 * sd_plot_layout:
 * @plot: a plot
 * @cr: the cairo context to measure text with; any context whose target
 *   is of the kind that will be drawn on
 * @width: the figure's width in points
 * @height: the figure's height in points
 *
 * Places the plot area in the figure, leaving exactly the room that the
 * title, the axis titles, the tick labels (measured, not guessed) and the
 * colour bar need, plus the style's padding at the edges; then chooses
 * the ticks for the area's size and applies the equal aspect. A figure too
 * small for its text gets an empty area, and draws no data.
 */
void
sd_plot_layout (SdPlot  *plot,
                cairo_t *cr,
                double   width,
                double   height)
{
  const SdThemeStyle *style;
  Axis *x, *y;
  double em, pad, colorbar_width = 0.0;
  Margins fixed, margins;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (isfinite (width) && width >= 0.0);
  g_return_if_fail (isfinite (height) && height >= 0.0);

  invalidate (plot);
  style = &plot->style;
  em = style->font_size;
  pad = style->padding;
  x = &plot->axes[SD_AXIS_X];
  y = &plot->axes[SD_AXIS_Y];
  plot->width = width;
  plot->height = height;

  plot->title_layout = create_title_layout (plot, cr, SD_TEXT_TITLE, plot->title,
                                            &plot->title_height);
  if (plot->title_layout != NULL)
    {
      pango_layout_set_width (plot->title_layout, MAX (1.0, width - 2 * pad) * PANGO_SCALE);
      pango_layout_set_wrap (plot->title_layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (plot->title_layout, PANGO_ALIGN_CENTER);
      sd_text_get_size (plot->title_layout, NULL, &plot->title_height, NULL);
    }
  x->title_layout = create_title_layout (plot, cr, SD_TEXT_LABEL, x->title, &x->title_thickness);
  y->title_layout = create_title_layout (plot, cr, SD_TEXT_LABEL, y->title, &y->title_thickness);

  /* The parts of the margins that do not depend on the ticks. */
  fixed.top = pad + (plot->title_layout != NULL ? plot->title_height + TITLE_GAP * em : 0.0);
  fixed.bottom = pad + style->tick_length + TICK_LABEL_GAP * em +
                 (x->title_layout != NULL ? x->title_thickness + AXIS_TITLE_GAP * em : 0.0);
  fixed.left = pad + style->tick_length + TICK_LABEL_GAP * em +
               (y->title_layout != NULL ? y->title_thickness + AXIS_TITLE_GAP * em : 0.0);
  fixed.right = pad;
  margins = fixed;

  /* Labels depend on the ticks, the ticks on the area, the area on the
   * labels. Margins only ever grow, so the rounds end, and every label
   * fits the final area. */
  for (guint round = 0; round < MAX_LAYOUT_ROUNDS; round++)
    {
      Margins needed;
      double overhang;

      set_area (plot, &margins);
      compute_views (plot);
      fit_ticks (plot, cr, x, TRUE, plot->area.width,
                 default_max_ticks (plot, TRUE, plot->area.width));
      fit_ticks (plot, cr, y, FALSE, plot->area.height,
                 default_max_ticks (plot, FALSE, plot->area.height));
      match_steps (plot, cr);
      if (plot->colorbar != NULL)
        colorbar_width = sd_colorbar_measure (plot->colorbar, cr, style, plot->area.height);

      /* Labels at the ends of the axes reach beyond the area by half
       * their size; room is kept for the widest, so the margins do not
       * jump while the view is panned. */
      overhang = x->labels_width / 2;
      needed.left = MAX (fixed.left + y->labels_width, pad + overhang);
      needed.bottom = fixed.bottom + x->labels_height;
      needed.top = fixed.top + MAX (y->labels_height, em) / 2;
      needed.right = fixed.right + overhang;
      if (plot->colorbar != NULL)
        needed.right = fixed.right + MAX (COLORBAR_GAP * em, overhang + 0.5 * em) + colorbar_width;

      if (!grow_margins (&margins, &needed))
        break;
    }

  set_area (plot, &margins);
  plot->colorbar_x = plot->area.x + plot->area.width
                     + (margins.right - fixed.right - colorbar_width);

  if (x->title_layout != NULL)
    {
      pango_layout_set_width (x->title_layout, MAX (1.0, plot->area.width) * PANGO_SCALE);
      pango_layout_set_ellipsize (x->title_layout, PANGO_ELLIPSIZE_END);
    }
  if (y->title_layout != NULL)
    {
      pango_layout_set_width (y->title_layout, MAX (1.0, plot->area.height) * PANGO_SCALE);
      pango_layout_set_ellipsize (y->title_layout, PANGO_ELLIPSIZE_END);
    }

  plot->laid_out = TRUE;
}

/**
 * sd_plot_is_laid_out:
 * @plot: a plot
 *
 * Returns: whether sd_plot_layout() was called since the plot last changed
 */
gboolean
sd_plot_is_laid_out (const SdPlot *plot)
{
  g_return_val_if_fail (plot != NULL, FALSE);

  return plot->laid_out;
}

/**
 * sd_plot_get_area:
 * @plot: a laid out plot
 * @area: (out caller-allocates): the rectangle the data is drawn in, in
 *   points from the figure's top left corner
 */
void
sd_plot_get_area (const SdPlot      *plot,
                  cairo_rectangle_t *area)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (area != NULL);

  *area = plot->area;
}

/**
 * sd_plot_get_colorbar_area:
 * @plot: a laid out plot
 * @bar: (out caller-allocates): the coloured bar, without ticks and labels
 *
 * Returns: %TRUE if the plot has a colour bar; @bar is unchanged otherwise
 */
gboolean
sd_plot_get_colorbar_area (const SdPlot      *plot,
                           cairo_rectangle_t *bar)
{
  g_return_val_if_fail (plot != NULL, FALSE);
  g_return_val_if_fail (plot->laid_out, FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);

  if (plot->colorbar == NULL)
    return FALSE;

  bar->x = plot->colorbar_x;
  bar->y = plot->area.y;
  bar->width = sd_colorbar_get_bar_width (&plot->style);
  bar->height = plot->area.height;
  return TRUE;
}

/**
 * sd_plot_get_range:
 * @plot: a laid out plot
 * @axis: which axis
 * @min: (out) (optional): the value at the left or bottom edge
 * @max: (out) (optional): the value at the right or top edge
 *
 * Gives the range shown, which is the one set unless it was a single value
 * or the equal aspect widened it.
 */
void
sd_plot_get_range (const SdPlot *plot,
                   SdAxis        axis,
                   double       *min,
                   double       *max)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (axis == SD_AXIS_X || axis == SD_AXIS_Y);

  if (min != NULL)
    *min = plot->axes[axis].view_min;
  if (max != NULL)
    *max = plot->axes[axis].view_max;
}

/**
 * sd_plot_get_ticks:
 * @plot: a laid out plot
 * @axis: which axis
 *
 * Returns: (transfer none): the ticks the axis shows
 */
const SdTicks *
sd_plot_get_ticks (const SdPlot *plot,
                   SdAxis        axis)
{
  g_return_val_if_fail (plot != NULL, NULL);
  g_return_val_if_fail (plot->laid_out, NULL);
  g_return_val_if_fail (axis == SD_AXIS_X || axis == SD_AXIS_Y, NULL);

  return &plot->axes[axis].ticks;
}

/* Hands out the point (@u, @v), or NaN where the plot has no room or no
 * valid range, or the point is not finite. */
static gboolean
give_point (const SdPlot *self,
            double        u,
            double        v,
            double       *out_u,
            double       *out_v)
{
  const Axis *ax = &self->axes[SD_AXIS_X], *ay = &self->axes[SD_AXIS_Y];

  if (!ax->valid || !ay->valid || self->area.width <= 0.0 || self->area.height <= 0.0 ||
      !isfinite (u) || !isfinite (v))
    u = v = NAN;

  if (out_u != NULL)
    *out_u = u;
  if (out_v != NULL)
    *out_v = v;
  return !isnan (u);
}

/**
 * sd_plot_map:
 * @plot: a laid out plot
 * @x: a data x
 * @y: a data y
 * @px: (out) (optional): its horizontal position in the figure, in points
 * @py: (out) (optional): its vertical position, in points from the top
 *
 * Maps data to the figure. Points outside the range map outside the
 * area; clip with sd_plot_clip().
 *
 * Returns: %TRUE if the point has a place: finite, and positive on a log
 *   axis, and the figure has room for a plot; %FALSE sets NaN
 */
gboolean
sd_plot_map (const SdPlot *plot,
             double        x,
             double        y,
             double       *px,
             double       *py)
{
  const Axis *ax, *ay;

  g_return_val_if_fail (plot != NULL, FALSE);
  g_return_val_if_fail (plot->laid_out, FALSE);

  ax = &plot->axes[SD_AXIS_X];
  ay = &plot->axes[SD_AXIS_Y];
  return give_point (plot, plot->area.x + axis_offset (ax, x, plot->area.width),
                     plot->area.y + plot->area.height - axis_offset (ay, y, plot->area.height),
                     px, py);
}

/**
 * sd_plot_unmap:
 * @plot: a laid out plot
 * @px: a horizontal position in the figure, in points
 * @py: a vertical position, in points from the top
 * @x: (out) (optional): the data x there
 * @y: (out) (optional): the data y there
 *
 * The inverse of sd_plot_map(), for hovering and panning.
 *
 * Returns: %TRUE unless the plot has no area or no valid range; %FALSE
 *   sets NaN
 */
gboolean
sd_plot_unmap (const SdPlot *plot,
               double        px,
               double        py,
               double       *x,
               double       *y)
{
  const Axis *ax, *ay;
  double u, v;

  g_return_val_if_fail (plot != NULL, FALSE);
  g_return_val_if_fail (plot->laid_out, FALSE);

  ax = &plot->axes[SD_AXIS_X];
  ay = &plot->axes[SD_AXIS_Y];
  u = (px - plot->area.x) / plot->area.width;
  v = (plot->area.y + plot->area.height - py) / plot->area.height;
  return give_point (plot,
                     axis_inverse (ax, ax->forward_min + u * (ax->forward_max - ax->forward_min)),
                     axis_inverse (ay, ay->forward_min + v * (ay->forward_max - ay->forward_min)),
                     x, y);
}

static gboolean
has_area (const SdPlot *self)
{
  return self->area.width > 0.0 && self->area.height > 0.0;
}

/**
 * sd_plot_draw_background:
 * @plot: a laid out plot
 * @cr: a cairo context
 *
 * Fills the figure with the style's background, unless the style is
 * transparent.
 */
void
sd_plot_draw_background (SdPlot  *plot,
                         cairo_t *cr)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  if (plot->style.transparent)
    return;

  cairo_save (cr);
  sd_set_source_color (cr, plot->style.background);
  cairo_rectangle (cr, 0, 0, plot->width, plot->height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The frame's edges, moved onto the pixel grid. */
static void
frame_edges (SdPlot  *self,
             cairo_t *cr,
             double  *x0,
             double  *y0,
             double  *x1,
             double  *y1)
{
  double lw = self->style.axis_line_width;

  *x0 = self->area.x;
  *y0 = self->area.y;
  *x1 = self->area.x + self->area.width;
  *y1 = self->area.y + self->area.height;
  sd_snap_to_pixels (cr, lw, x0, y0);
  sd_snap_to_pixels (cr, lw, x1, y1);
}

/**
 * sd_plot_draw_grid:
 * @plot: a laid out plot
 * @cr: a cairo context
 *
 * Draws thin lines across the area at the major ticks, if the style shows
 * a grid. Draw it before the data, so the data covers it.
 */
void
sd_plot_draw_grid (SdPlot  *plot,
                   cairo_t *cr)
{
  const SdThemeStyle *style;
  double x0, y0, x1, y1;
  double margin;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  style = &plot->style;
  if (!style->show_grid || !has_area (plot))
    return;

  frame_edges (plot, cr, &x0, &y0, &x1, &y1);
  /* Lines that would touch the frame would only thicken it. */
  margin = style->axis_line_width;

  cairo_save (cr);
  cairo_set_line_width (cr, style->grid_line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  sd_set_source_color (cr, style->grid);

  for (guint i = 0; i < plot->axes[SD_AXIS_X].ticks.n; i++)
    {
      double px;

      sd_plot_map (plot, plot->axes[SD_AXIS_X].ticks.values[i], plot->axes[SD_AXIS_Y].view_min,
                   &px, NULL);
      if (!(px > x0 + margin && px < x1 - margin))
        continue;
      sd_snap_to_pixels (cr, style->grid_line_width, &px, NULL);
      cairo_move_to (cr, px, y0);
      cairo_line_to (cr, px, y1);
    }

  for (guint i = 0; i < plot->axes[SD_AXIS_Y].ticks.n; i++)
    {
      double py;

      sd_plot_map (plot, plot->axes[SD_AXIS_X].view_min, plot->axes[SD_AXIS_Y].ticks.values[i],
                   NULL, &py);
      if (!(py > y0 + margin && py < y1 - margin))
        continue;
      sd_snap_to_pixels (cr, style->grid_line_width, NULL, &py);
      cairo_move_to (cr, x0, py);
      cairo_line_to (cr, x1, py);
    }

  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * sd_plot_clip:
 * @plot: a laid out plot
 * @cr: a cairo context
 *
 * Restricts drawing on @cr to the plot area; wrap it in cairo_save() and
 * cairo_restore().
 */
void
sd_plot_clip (SdPlot  *plot,
              cairo_t *cr)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  cairo_rectangle (cr, plot->area.x, plot->area.y, plot->area.width, plot->area.height);
  cairo_clip (cr);
}

/* The position of each tick along the axis, or NaN for ticks beyond the
 * area (a tick may be a hair outside after rounding). */
static double
tick_position (SdPlot *self,
               SdAxis  which,
               double  value)
{
  const Axis *axis = &self->axes[which];
  double length = which == SD_AXIS_X ? self->area.width : self->area.height;
  double offset = axis_offset (axis, value, length);

  if (!(offset > -1e-6 * length && offset < length * (1 + 1e-6)))
    return NAN;

  return which == SD_AXIS_X ? self->area.x + offset : self->area.y + self->area.height - offset;
}

static void
stroke_ticks (SdPlot       *self,
              cairo_t      *cr,
              SdAxis        which,
              const double *values,
              guint         n,
              double        length,
              double        x0,
              double        y1)
{
  double lw = self->style.axis_line_width;

  for (guint i = 0; i < n; i++)
    {
      double position = tick_position (self, which, values[i]);

      if (isnan (position))
        continue;

      if (which == SD_AXIS_X)
        {
          sd_snap_to_pixels (cr, lw, &position, NULL);
          cairo_move_to (cr, position, y1);
          cairo_line_to (cr, position, y1 + length);
        }
      else
        {
          sd_snap_to_pixels (cr, lw, NULL, &position);
          cairo_move_to (cr, x0, position);
          cairo_line_to (cr, x0 - length, position);
        }
    }
}

static void
draw_tick_labels (SdPlot  *self,
                  cairo_t *cr,
                  SdAxis   which,
                  double   x0,
                  double   y1)
{
  const Axis *axis = &self->axes[which];
  double gap = self->style.tick_length + TICK_LABEL_GAP * self->style.font_size;

  for (guint i = 0; i < axis->ticks.n && i < axis->labels->len; i++)
    {
      double position = tick_position (self, which, axis->ticks.values[i]);
      PangoLayout *layout = g_ptr_array_index (axis->labels, i);

      if (isnan (position))
        continue;

      if (which == SD_AXIS_X)
        sd_text_draw (cr, layout, position, y1 + gap, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);
      else
        sd_text_draw (cr, layout, x0 - gap, position, SD_TEXT_RIGHT, SD_TEXT_MIDDLE, 0.0);
    }
}

static void
draw_axis_titles (SdPlot  *self,
                  cairo_t *cr,
                  double   x0,
                  double   y1)
{
  const Axis *x = &self->axes[SD_AXIS_X];
  const Axis *y = &self->axes[SD_AXIS_Y];
  double em = self->style.font_size;
  double gap = self->style.tick_length + TICK_LABEL_GAP * em;

  if (x->title_layout != NULL)
    sd_text_draw (cr, x->title_layout, self->area.x + self->area.width / 2,
                  y1 + gap + x->labels_height + AXIS_TITLE_GAP * em,
                  SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);

  /* Rotated a quarter turn anticlockwise, the title's bottom faces the
   * tick labels. */
  if (y->title_layout != NULL)
    sd_text_draw (cr, y->title_layout, x0 - gap - y->labels_width - AXIS_TITLE_GAP * em,
                  self->area.y + self->area.height / 2,
                  SD_TEXT_CENTER, SD_TEXT_BOTTOM, -G_PI / 2);
}

/**
 * sd_plot_draw_axes:
 * @plot: a laid out plot
 * @cr: a cairo context
 *
 * Draws the frame around the area, the ticks on its bottom and left
 * edges (minor ticks shorter), the tick labels and the axis titles.
 */
void
sd_plot_draw_axes (SdPlot  *plot,
                   cairo_t *cr)
{
  const SdThemeStyle *style;
  double x0, y0, x1, y1;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  if (!has_area (plot))
    return;

  style = &plot->style;
  frame_edges (plot, cr, &x0, &y0, &x1, &y1);

  cairo_save (cr);
  cairo_set_line_width (cr, style->axis_line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  sd_set_source_color (cr, style->axis);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_stroke (cr);

  for (guint i = 0; i < G_N_ELEMENTS (plot->axes); i++)
    {
      const Axis *axis = &plot->axes[i];

      stroke_ticks (plot, cr, i, axis->ticks.values, axis->ticks.n, style->tick_length, x0, y1);
      stroke_ticks (plot, cr, i, axis->ticks.minor, axis->ticks.n_minor,
                    0.6 * style->tick_length, x0, y1);
    }
  cairo_stroke (cr);

  sd_set_source_color (cr, style->foreground);
  draw_tick_labels (plot, cr, SD_AXIS_X, x0, y1);
  draw_tick_labels (plot, cr, SD_AXIS_Y, x0, y1);
  draw_axis_titles (plot, cr, x0, y1);
  cairo_restore (cr);
}

/**
 * sd_plot_draw_colorbar:
 * @plot: a laid out plot
 * @cr: a cairo context
 *
 * Draws the colour bar, if the plot has one, right of the area.
 */
void
sd_plot_draw_colorbar (SdPlot  *plot,
                       cairo_t *cr)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  if (plot->colorbar == NULL || !has_area (plot))
    return;

  sd_colorbar_draw (plot->colorbar, cr, &plot->style, plot->colorbar_x, plot->area.y,
                    plot->area.height);
}

/**
 * sd_plot_draw_title:
 * @plot: a laid out plot
 * @cr: a cairo context
 *
 * Draws the figure's title, if any, centred above the area (or the figure,
 * if the title is too wide to centre it there).
 */
void
sd_plot_draw_title (SdPlot  *plot,
                    cairo_t *cr)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  if (plot->title_layout == NULL)
    return;

  sd_text_draw_title (cr, &plot->style, plot->title_layout, plot->area.x + plot->area.width / 2,
                      plot->width);
}

/**
 * sd_plot_draw:
 * @plot: a laid out plot
 * @cr: a cairo context
 * @draw_data: (nullable) (scope call): draws the data, clipped to the area
 * @user_data: data for @draw_data
 *
 * Draws the whole figure in the documented order, calling @draw_data
 * between the grid and the axes.
 */
void
sd_plot_draw (SdPlot         *plot,
              cairo_t        *cr,
              SdPlotDrawFunc  draw_data,
              gpointer        user_data)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->laid_out);
  g_return_if_fail (cr != NULL);

  sd_plot_draw_background (plot, cr);
  sd_plot_draw_grid (plot, cr);

  if (draw_data != NULL && has_area (plot))
    {
      cairo_save (cr);
      sd_plot_clip (plot, cr);
      draw_data (plot, cr, user_data);
      cairo_restore (cr);
    }

  sd_plot_draw_axes (plot, cr);
  sd_plot_draw_colorbar (plot, cr);
  sd_plot_draw_title (plot, cr);
}
