/* loss-chart.c: loss against iteration for every run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "legend.h"
#include "loss-chart.h"
#include "loss-scale.h"
#include "run-color.h"
#include "run-row.h"
#include "text.h"

/* Hovering reads off the nearest point within this distance, in points. */
#define PICK_RADIUS 24.0
/* The chart's height in points at scale 1. */
#define CHART_HEIGHT 160.0

typedef struct
{
  char     *name;
  gboolean  has_color;
  double    color[3];
  gboolean  visible;
  guint     n_points;
  guint    *iterations;
  double   *losses;
} ChartRun;

struct _SdLossChart
{
  SdFigureView  parent_instance;

  SdLandscapeResults *results;
  GSignalGroup *results_signals;

  GPtrArray    *runs;            /* (element-type ChartRun) */
  guint         iteration;
  guint         max_iteration;
  SdLossScale   loss_scale;      /* the y axis, chosen by the visible losses */
  char         *y_title;         /* its title, which names the scale */

  SdPlot       *plot;            /* laid out for plot_width x plot_height, or NULL */
  double        plot_width;
  double        plot_height;
  SdTheme       plot_theme;
  double        plot_scale;

  double        drag_start_x;

  gboolean      hovering;
  double        hover_x;
  double        hover_y;
};

G_DEFINE_FINAL_TYPE (SdLossChart, sd_loss_chart, SD_TYPE_FIGURE_VIEW)

enum {
  PROP_0,
  PROP_ITERATION,
  PROP_RESULTS,
  N_PROPS
};

enum {
  ITERATION_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
chart_run_free (gpointer data)
{
  ChartRun *run = data;

  g_free (run->name);
  g_free (run->iterations);
  g_free (run->losses);
  g_free (run);
}

/* The plot is laid out for one size, style and scale; the picture
 * #SdFigureView keeps is drawn with it. */
static void
invalidate_plot (SdLossChart *self)
{
  g_clear_pointer (&self->plot, sd_plot_free);
  sd_figure_view_invalidate (SD_FIGURE_VIEW (self));
}

/**
 * sd_loss_chart_get_theme:
 * @self: a #SdLossChart
 *
 * The chart follows the desktop's style, like the rest of the window.
 *
 * Returns: %SD_THEME_DARK when libadwaita's style is dark, else %SD_THEME_LIGHT
 */
SdTheme
sd_loss_chart_get_theme (SdLossChart *self)
{
  g_return_val_if_fail (SD_IS_LOSS_CHART (self), SD_THEME_LIGHT);

  return sd_figure_view_get_theme (SD_FIGURE_VIEW (self));
}

/* Where a loss is drawn: a finite loss where it is, on whichever scale;
 * NaN and infinities (a diverged run) have no place and break the line. */
static double
shown_loss (double loss)
{
  return isfinite (loss) ? loss : NAN;
}

/* Chooses the y axis for the visible runs' losses. */
static void
choose_loss_scale (SdLossChart *self)
{
  g_autoptr(GArray) losses = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < self->runs->len; r++)
    {
      ChartRun *run = g_ptr_array_index (self->runs, r);

      if (run->visible)
        g_array_append_vals (losses, run->losses, run->n_points);
    }
  sd_loss_scale_choose (&self->loss_scale, (const double *) (gpointer) losses->data, losses->len);
}

static void
ensure_plot (SdLossChart *self,
             double       width,
             double       height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  SdThemeStyle style;
  SdTheme theme = sd_loss_chart_get_theme (self);
  double scale = sd_figure_view_get_figure_scale (SD_FIGURE_VIEW (self));
  double x_min = 0.0, x_max = MAX (self->max_iteration, 1);
  const SdLossScale *y = &self->loss_scale;

  if (self->plot != NULL && self->plot_width == width && self->plot_height == height
      && self->plot_theme == theme && self->plot_scale == scale)
    return;

  g_clear_pointer (&self->plot, sd_plot_free);
  /* In presentation mode the chart grows with the canvas above it. */
  sd_theme_get_style (theme, scale, &style);
  self->plot = sd_plot_new (&style);
  self->plot_width = width;
  self->plot_height = height;
  self->plot_theme = theme;
  self->plot_scale = scale;

  choose_loss_scale (self);
  sd_plot_set_axis (self->plot, SD_AXIS_X, SD_SCALE_LINEAR, x_min, x_max);
  if (y->scale == SD_SCALE_SYMLOG)
    sd_plot_set_axis_symlog (self->plot, SD_AXIS_Y, y->min, y->max, y->threshold);
  else
    sd_plot_set_axis (self->plot, SD_AXIS_Y, y->scale, y->min, y->max);
  g_free (self->y_title);
  self->y_title = sd_loss_scale_title (y);
  sd_plot_set_axis_title (self->plot, SD_AXIS_X, _("Iteration"));
  sd_plot_set_axis_title (self->plot, SD_AXIS_Y, self->y_title);

  /* The layout only measures text; a scratch context makes it the same
   * for drawing, hovering and tests, whatever the target. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  sd_plot_layout (self->plot, cr, MAX (width, 1.0), MAX (height, 1.0));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
get_run_color (SdLossChart *self,
               guint        index,
               double       rgba[4])
{
  ChartRun *run = g_ptr_array_index (self->runs, index);

  if (run->has_color)
    {
      rgba[0] = run->color[0];
      rgba[1] = run->color[1];
      rgba[2] = run->color[2];
      rgba[3] = 1.0;
    }
  else
    sd_run_palette_color (index, rgba);
}

static void
draw_runs (SdPlot   *plot,
           cairo_t  *cr,
           gpointer  user_data)
{
  SdLossChart *self = user_data;
  const SdThemeStyle *style = sd_plot_get_style (plot);

  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint r = 0; r < self->runs->len; r++)
    {
      ChartRun *run = g_ptr_array_index (self->runs, r);
      double rgba[4];
      gboolean pen_down = FALSE;

      if (!run->visible)
        continue;

      for (guint i = 0; i < run->n_points; i++)
        {
          double px, py;

          if (!sd_plot_map (plot, run->iterations[i], shown_loss (run->losses[i]), &px, &py))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, px, py);
          else
            cairo_move_to (cr, px, py);
          pen_down = TRUE;
        }

      get_run_color (self, r, rgba);
      sd_set_source_color (cr, rgba);
      cairo_stroke (cr);
    }
}

/* The legend of the visible runs, fitted to the plot: top right, where
 * losses that fall have left by the time the legend is read, and set
 * smaller, wrapped or in columns until it fits inside the plot, however
 * narrow the chart (beside the map when presenting). Returns NULL when no
 * run is named. */
static SdLegend *
fit_legend (SdLossChart *self,
            cairo_t     *cr,
            SdLegendFit *fit)
{
  g_autoptr(SdLegend) legend = sd_legend_new ();
  const SdThemeStyle *style = sd_plot_get_style (self->plot);
  cairo_rectangle_t area;

  for (guint r = 0; r < self->runs->len; r++)
    {
      ChartRun *run = g_ptr_array_index (self->runs, r);
      g_autofree char *markup = NULL;
      SdLegendEntry entry = { 0 };

      if (!run->visible || run->name == NULL)
        continue;

      markup = g_markup_escape_text (run->name, -1);
      entry.markup = markup;
      get_run_color (self, r, entry.color);
      entry.line_width = style->line_width;
      sd_legend_add (legend, &entry);
    }

  sd_plot_get_area (self->plot, &area);
  sd_legend_set_placement (legend, SD_LEGEND_TOP_RIGHT);
  if (!sd_legend_fit (legend, cr, style, &area, NULL, 0, NULL, 0, fit))
    return NULL;
  return g_steal_pointer (&legend);
}

static void
draw_legend (SdLossChart *self,
             cairo_t     *cr)
{
  g_autoptr(SdLegend) legend = NULL;
  SdLegendFit fit;

  legend = fit_legend (self, cr, &fit);
  if (legend != NULL)
    sd_legend_draw_fit (legend, cr, sd_plot_get_style (self->plot), &fit);
}

static void
draw_cursor (SdLossChart *self,
             cairo_t     *cr)
{
  const SdThemeStyle *style = sd_plot_get_style (self->plot);
  cairo_rectangle_t area;
  double x;

  if (!sd_loss_chart_get_cursor_x (self, self->plot_width, self->plot_height, &x))
    return;

  sd_plot_get_area (self->plot, &area);
  cairo_save (cr);
  cairo_set_line_width (cr, style->axis_line_width);
  sd_set_source_color (cr, style->foreground);
  cairo_move_to (cr, x, area.y);
  cairo_line_to (cr, x, area.y + area.height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_hover (SdLossChart *self,
            cairo_t     *cr)
{
  const SdThemeStyle *style = sd_plot_get_style (self->plot);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  cairo_rectangle_t area, box;
  guint run, iteration;
  double loss, px, py, rgba[4];

  if (!self->hovering)
    return;

  text = sd_loss_chart_pick (self, self->plot_width, self->plot_height,
                             self->hover_x, self->hover_y, &run, &iteration, &loss);
  if (text == NULL)
    return;

  sd_plot_map (self->plot, iteration, shown_loss (loss), &px, &py);
  get_run_color (self, run, rgba);
  sd_marker_draw (cr, style, SD_MARKER_CIRCLE, px, py, rgba);

  sd_plot_get_area (self->plot, &area);
  markup = g_markup_escape_text (text, -1);
  layout = sd_text_layout_new (cr, style, SD_TEXT_BODY, markup);
  sd_text_get_box (layout, area.x + style->padding, area.y + style->padding,
                   SD_TEXT_LEFT, SD_TEXT_TOP, 0.0, &box);
  cairo_rectangle (cr, box.x - 4.0, box.y - 2.0, box.width + 8.0, box.height + 4.0);
  sd_set_source_color (cr, style->background);
  cairo_fill (cr);
  sd_set_source_color (cr, style->foreground);
  sd_text_draw (cr, layout, area.x + style->padding, area.y + style->padding,
                SD_TEXT_LEFT, SD_TEXT_TOP, 0.0);
}

/**
 * sd_loss_chart_draw:
 * @self: a #SdLossChart
 * @cr: where to draw
 * @width: the chart's width in points
 * @height: the chart's height in points
 *
 * Draws what the widget shows: the frame, one line per visible run, the
 * legend, the iteration cursor and the hover readout.
 */
void
sd_loss_chart_draw (SdLossChart *self,
                    cairo_t     *cr,
                    double       width,
                    double       height)
{
  g_return_if_fail (SD_IS_LOSS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (!(width >= 1.0 && height >= 1.0))
    return;

  ensure_plot (self, width, height);
  sd_plot_draw (self->plot, cr, draw_runs, self);
  draw_legend (self, cr);
  draw_cursor (self, cr);
  draw_hover (self, cr);
}

/* Long runs make many segments; hovering and playing redraw only the
 * cursor and the readout over the picture #SdFigureView keeps of the
 * rest, which is drawn again when the runs, the size or the style change. */
static void
sd_loss_chart_draw_figure (SdFigureView          *view,
                           cairo_t               *cr,
                           const SdFigureOptions *options)
{
  SdLossChart *self = SD_LOSS_CHART (view);

  ensure_plot (self, options->width, options->height);
  sd_plot_draw (self->plot, cr, draw_runs, self);
  draw_legend (self, cr);
}

static void
sd_loss_chart_draw_overlay (SdFigureView *view,
                            cairo_t      *cr)
{
  SdLossChart *self = SD_LOSS_CHART (view);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* A caller of sd_loss_chart_get_plot() may have laid it out for
   * another size since the picture was drawn. */
  ensure_plot (self, width, height);
  draw_cursor (self, cr);
  draw_hover (self, cr);
}

/* One run per trajectory, named and coloured as the scene the results
 * draw has it, so the chart and the canvas always show the same runs. */
static void
follow_results (SdLossChart *self)
{
  const SdScene *scene;
  const GPtrArray *runs;
  g_autofree SdLossChartRun *chart_runs = NULL;
  double rgba[4];
  guint n_runs;

  g_assert (SD_IS_LOSS_CHART (self));

  scene = self->results != NULL ? sd_landscape_results_get_scene (self->results) : NULL;
  if (scene == NULL)
    {
      sd_loss_chart_set_runs (self, NULL, 0);
      return;
    }

  runs = sd_scene_get_surface (scene)->runs;
  n_runs = sd_landscape_results_get_n_trajectories (self->results);
  g_assert (runs->len == n_runs);
  chart_runs = g_new0 (SdLossChartRun, MAX (n_runs, 1));
  for (guint i = 0; i < n_runs; i++)
    {
      const SdSceneRun *run = g_ptr_array_index (runs, i);

      chart_runs[i].trajectory = sd_landscape_results_get_trajectory (self->results, i);
      chart_runs[i].name = run->name;
      chart_runs[i].has_color = TRUE;
      sd_run_get_color (run, i, rgba);
      memcpy (chart_runs[i].color, rgba, sizeof chart_runs[i].color);
      chart_runs[i].visible = run->visible;
    }

  sd_loss_chart_set_runs (self, chart_runs, n_runs);
}

static void
select_at (SdLossChart *self,
           double       px)
{
  double x;
  guint iteration;

  ensure_plot (self, gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)));
  if (!sd_plot_unmap (self->plot, px, 0.0, &x, NULL))
    return;

  iteration = (guint) CLAMP (round (x), 0.0, (double) self->max_iteration);
  sd_loss_chart_set_iteration (self, iteration);
  g_signal_emit (self, signals[ITERATION_SELECTED], 0, iteration);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SdLossChart    *self)
{
  g_assert (SD_IS_LOSS_CHART (self));

  self->drag_start_x = x;
  select_at (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SdLossChart    *self)
{
  g_assert (SD_IS_LOSS_CHART (self));

  select_at (self, self->drag_start_x + dx);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           SdLossChart              *self)
{
  g_assert (SD_IS_LOSS_CHART (self));

  self->hovering = TRUE;
  self->hover_x = x;
  self->hover_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *motion,
          SdLossChart              *self)
{
  g_assert (SD_IS_LOSS_CHART (self));

  self->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sd_loss_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SdLossChart *self = SD_LOSS_CHART (object);

  switch (prop_id)
    {
    case PROP_ITERATION:
      g_value_set_uint (value, self->iteration);
      break;
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_loss_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SdLossChart *self = SD_LOSS_CHART (object);

  switch (prop_id)
    {
    case PROP_ITERATION:
      sd_loss_chart_set_iteration (self, g_value_get_uint (value));
      break;
    case PROP_RESULTS:
      sd_loss_chart_set_results (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_loss_chart_dispose (GObject *object)
{
  SdLossChart *self = SD_LOSS_CHART (object);

  g_clear_object (&self->results_signals);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (sd_loss_chart_parent_class)->dispose (object);
}

static void
sd_loss_chart_finalize (GObject *object)
{
  SdLossChart *self = SD_LOSS_CHART (object);

  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->y_title, g_free);
  g_clear_pointer (&self->plot, sd_plot_free);

  G_OBJECT_CLASS (sd_loss_chart_parent_class)->finalize (object);
}

/* The style or the scale changed: the plot is laid out again, and a
 * larger scale makes the chart taller. */
static void
sd_loss_chart_options_changed (SdFigureView *view)
{
  SdLossChart *self = SD_LOSS_CHART (view);

  g_clear_pointer (&self->plot, sd_plot_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Tall enough for a few decades of loss below the axis labels; in
 * presentation mode, whose type is larger, taller by as much. */
static void
sd_loss_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SdLossChart *self = SD_LOSS_CHART (widget);
  double scale = sd_figure_view_get_figure_scale (SD_FIGURE_VIEW (self));

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = (int) ceil (CHART_HEIGHT * scale);
  else
    *minimum = *natural = 0;
}

static void
sd_loss_chart_class_init (SdLossChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdFigureViewClass *view_class = SD_FIGURE_VIEW_CLASS (klass);

  object_class->dispose = sd_loss_chart_dispose;
  object_class->finalize = sd_loss_chart_finalize;
  object_class->get_property = sd_loss_chart_get_property;
  object_class->set_property = sd_loss_chart_set_property;

  widget_class->measure = sd_loss_chart_measure;

  view_class->draw = sd_loss_chart_draw_figure;
  view_class->draw_overlay = sd_loss_chart_draw_overlay;
  view_class->options_changed = sd_loss_chart_options_changed;

  /**
   * SdLossChart:iteration:
   *
   * The iteration the vertical cursor marks, the timeline's position.
   * Clicking or dragging on the chart sets it.
   */
  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdLossChart:results:
   *
   * The Landscape results whose trajectories the chart plots, following
   * them; %NULL for a chart given its runs with sd_loss_chart_set_runs().
   */
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, SD_TYPE_LANDSCAPE_RESULTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdLossChart::iteration-selected:
   * @self: the chart
   * @iteration: the iteration under the pointer
   *
   * Emitted when the user clicks or drags on the chart, after
   * #SdLossChart:iteration was set to @iteration; unlike notify::iteration
   * it is not emitted when the program sets the property, so the timeline
   * can follow the user without echoing its own changes.
   */
  signals[ITERATION_SELECTED] =
    g_signal_new ("iteration-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "losschart");
}

static void
sd_loss_chart_init (SdLossChart *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->runs = g_ptr_array_new_with_free_func (chart_run_free);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  self->results_signals = g_signal_group_new (SD_TYPE_LANDSCAPE_RESULTS);
  g_signal_group_connect_swapped (self->results_signals, "updated",
                                  G_CALLBACK (follow_results), self);

  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 160);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loss against iteration for every run"), -1);
}

/**
 * sd_loss_chart_new:
 *
 * Returns: (transfer floating): a new, empty loss chart
 */
GtkWidget *
sd_loss_chart_new (void)
{
  return g_object_new (SD_TYPE_LOSS_CHART, NULL);
}

guint
sd_loss_chart_get_iteration (SdLossChart *self)
{
  g_return_val_if_fail (SD_IS_LOSS_CHART (self), 0);

  return self->iteration;
}

/**
 * sd_loss_chart_set_iteration:
 * @self: a #SdLossChart
 * @iteration: the iteration to mark with the cursor line
 */
void
sd_loss_chart_set_iteration (SdLossChart *self,
                             guint        iteration)
{
  g_return_if_fail (SD_IS_LOSS_CHART (self));

  if (self->iteration == iteration)
    return;

  self->iteration = iteration;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
}

/**
 * sd_loss_chart_get_results:
 * @self: a #SdLossChart
 *
 * Returns: (transfer none) (nullable): the results the chart follows
 */
SdLandscapeResults *
sd_loss_chart_get_results (SdLossChart *self)
{
  g_return_val_if_fail (SD_IS_LOSS_CHART (self), NULL);

  return self->results;
}

/**
 * sd_loss_chart_set_results:
 * @self: a #SdLossChart
 * @results: (nullable): the Landscape results to plot
 *
 * The chart then plots the results' trajectories whenever they or the
 * runs' names, colours or visibility change.
 */
void
sd_loss_chart_set_results (SdLossChart        *self,
                           SdLandscapeResults *results)
{
  g_return_if_fail (SD_IS_LOSS_CHART (self));
  g_return_if_fail (results == NULL || SD_IS_LANDSCAPE_RESULTS (results));

  if (!g_set_object (&self->results, results))
    return;

  g_signal_group_set_target (self->results_signals, results);
  follow_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

/**
 * sd_loss_chart_set_runs:
 * @self: a #SdLossChart
 * @runs: (array length=n_runs) (nullable): the runs, in the scene's order,
 *   which gives the palette colours
 * @n_runs: how many
 *
 * Replaces what the chart shows. The x axis spans iteration 0 to the
 * longest run; the y axis the visible runs' losses.
 */
void
sd_loss_chart_set_runs (SdLossChart          *self,
                        const SdLossChartRun *runs,
                        guint                 n_runs)
{
  g_return_if_fail (SD_IS_LOSS_CHART (self));
  g_return_if_fail (runs != NULL || n_runs == 0);

  g_ptr_array_set_size (self->runs, 0);
  self->max_iteration = 0;

  for (guint r = 0; r < n_runs; r++)
    {
      ChartRun *run = g_new0 (ChartRun, 1);
      const SdOptimizerState *points = NULL;

      run->name = g_strdup (runs[r].name);
      run->has_color = runs[r].has_color;
      memcpy (run->color, runs[r].color, sizeof run->color);
      run->visible = runs[r].visible;
      if (runs[r].trajectory != NULL)
        points = sd_trajectory_get_points (runs[r].trajectory, &run->n_points);
      run->iterations = g_new (guint, run->n_points);
      run->losses = g_new (double, run->n_points);

      for (guint i = 0; i < run->n_points; i++)
        {
          run->iterations[i] = points[i].iteration;
          run->losses[i] = points[i].loss;
          self->max_iteration = MAX (self->max_iteration, points[i].iteration);
        }

      g_ptr_array_add (self->runs, run);
    }

  invalidate_plot (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sd_loss_chart_set_run_visible:
 * @self: a #SdLossChart
 * @index: a run's index in the array given to sd_loss_chart_set_runs()
 * @visible: whether to draw it
 */
void
sd_loss_chart_set_run_visible (SdLossChart *self,
                               guint        index,
                               gboolean     visible)
{
  ChartRun *run;

  g_return_if_fail (SD_IS_LOSS_CHART (self));
  g_return_if_fail (index < self->runs->len);

  run = g_ptr_array_index (self->runs, index);
  if (run->visible == !!visible)
    return;

  run->visible = !!visible;
  invalidate_plot (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sd_loss_chart_get_n_runs (SdLossChart *self)
{
  g_return_val_if_fail (SD_IS_LOSS_CHART (self), 0);

  return self->runs->len;
}

/**
 * sd_loss_chart_get_plot:
 * @self: a #SdLossChart
 * @width: the chart's width in points
 * @height: the chart's height in points
 *
 * The frame the chart draws in at that size, laid out: sd_plot_map() and
 * sd_plot_unmap() convert between (iteration, loss) and the chart's
 * coordinates, and sd_plot_get_ticks() gives the axes' ticks.
 *
 * Returns: (transfer none): the plot, valid until the runs, the size or
 *   the theme change
 */
const SdPlot *
sd_loss_chart_get_plot (SdLossChart *self,
                        double       width,
                        double       height)
{
  g_return_val_if_fail (SD_IS_LOSS_CHART (self), NULL);

  ensure_plot (self, width, height);
  return self->plot;
}

/**
 * sd_loss_chart_get_legend_box:
 * @self: a #SdLossChart
 * @width: the chart's width in points
 * @height: its height
 * @box: (out caller-allocates): where the legend goes
 *
 * Returns: whether there is a legend (a visible run with a name)
 */
gboolean
sd_loss_chart_get_legend_box (SdLossChart       *self,
                              double             width,
                              double             height,
                              cairo_rectangle_t *box)
{
  g_autoptr(SdLegend) legend = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  SdLegendFit fit;

  g_return_val_if_fail (SD_IS_LOSS_CHART (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  ensure_plot (self, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  legend = fit_legend (self, cr, &fit);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (legend == NULL)
    return FALSE;
  *box = fit.box;
  return TRUE;
}

/**
 * sd_loss_chart_get_y_title:
 * @self: a #SdLossChart
 *
 * The y axis' title as last laid out, which names the scale the losses
 * are shown on (see sd_loss_scale_title()).
 *
 * Returns: (nullable): the title in Pango markup, %NULL before the chart
 *   was laid out
 */
const char *
sd_loss_chart_get_y_title (SdLossChart *self)
{
  g_return_val_if_fail (SD_IS_LOSS_CHART (self), NULL);

  return self->y_title;
}

/**
 * sd_loss_chart_get_cursor_x:
 * @self: a #SdLossChart
 * @width: the chart's width in points
 * @height: the chart's height in points
 * @x: (out): where the cursor line is drawn
 *
 * Returns: %TRUE if the cursor's iteration is on the axis and drawn
 */
gboolean
sd_loss_chart_get_cursor_x (SdLossChart *self,
                            double       width,
                            double       height,
                            double      *x)
{
  double x_min, x_max, y_min, y_max;

  g_return_val_if_fail (SD_IS_LOSS_CHART (self), FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  ensure_plot (self, width, height);
  sd_plot_get_range (self->plot, SD_AXIS_X, &x_min, &x_max);
  sd_plot_get_range (self->plot, SD_AXIS_Y, &y_min, &y_max);
  if (self->iteration > x_max)
    return FALSE;

  return sd_plot_map (self->plot, self->iteration, y_min, x, NULL);
}

/**
 * sd_loss_chart_pick:
 * @self: a #SdLossChart
 * @width: the chart's width in points
 * @height: the chart's height in points
 * @px: a position in the chart, in points
 * @py: a position in the chart, in points from the top
 * @run: (out) (optional): the index of the run picked
 * @iteration: (out) (optional): the point's iteration
 * @loss: (out) (optional): the point's loss, as recorded (not clamped)
 *
 * Finds the point of a visible run drawn nearest to (@px, @py), within a
 * few points' distance, as hovering does.
 *
 * Returns: (transfer full) (nullable): the readout hovering shows, or
 *   %NULL when no point is near
 */
char *
sd_loss_chart_pick (SdLossChart *self,
                    double       width,
                    double       height,
                    double       px,
                    double       py,
                    guint       *run,
                    guint       *iteration,
                    double      *loss)
{
  double best = PICK_RADIUS * PICK_RADIUS;
  guint best_run = G_MAXUINT, best_point = 0;
  ChartRun *found;

  g_return_val_if_fail (SD_IS_LOSS_CHART (self), NULL);

  ensure_plot (self, width, height);

  for (guint r = 0; r < self->runs->len; r++)
    {
      ChartRun *chart_run = g_ptr_array_index (self->runs, r);

      if (!chart_run->visible)
        continue;

      for (guint i = 0; i < chart_run->n_points; i++)
        {
          double x, y, d;

          if (!sd_plot_map (self->plot, chart_run->iterations[i],
                            shown_loss (chart_run->losses[i]), &x, &y))
            continue;
          d = (x - px) * (x - px) + (y - py) * (y - py);
          if (d < best)
            {
              best = d;
              best_run = r;
              best_point = i;
            }
        }
    }

  if (best_run == G_MAXUINT)
    return NULL;

  found = g_ptr_array_index (self->runs, best_run);
  if (run != NULL)
    *run = best_run;
  if (iteration != NULL)
    *iteration = found->iterations[best_point];
  if (loss != NULL)
    *loss = found->losses[best_point];

  return sd_loss_chart_format_readout (found->iterations[best_point], found->losses[best_point]);
}

static const char * const superscripts[] = {
  "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"
};

/**
 * sd_loss_chart_format_readout:
 * @iteration: an iteration
 * @loss: its loss
 *
 * Losses between 0.01 and 10000 read as three significant digits; others
 * as m×10ⁿ with two, as the log axis labels them.
 *
 * Returns: (transfer full): "iteration 120 · loss 3.2×10⁻³"
 */
char *
sd_loss_chart_format_readout (guint  iteration,
                              double loss)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double magnitude = fabs (loss);

  if (!isfinite (loss) || magnitude == 0.0 || (magnitude >= 0.01 && magnitude < 1e4))
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.3g", loss);
      /* Translators: what hovering the loss chart reads off */
      g_string_printf (text, _("iteration %u · loss %s"), iteration, number);
    }
  else
    {
      g_autoptr(GString) number = g_string_new (NULL);
      int exponent = (int) floor (log10 (magnitude));
      double m = loss / pow (10.0, exponent);
      char digits[16];

      /* Rounding 9.96 to two digits gives 10: carry into the exponent. */
      if (fabs (round (m * 10.0) / 10.0) >= 10.0)
        {
          exponent++;
          m /= 10.0;
        }
      g_ascii_formatd (digits, sizeof digits, "%.1f", m);
      g_string_append (number, digits);
      g_string_append (number, "×10");
      g_snprintf (digits, sizeof digits, "%d", ABS (exponent));
      if (exponent < 0)
        g_string_append (number, "⁻");
      for (const char *c = digits; *c != '\0'; c++)
        g_string_append (number, superscripts[*c - '0']);

      g_string_printf (text, _("iteration %u · loss %s"), iteration, number->str);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
