/* landscape-page.c: the Landscape page, a loss surface and optimizers racing on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "explain-group.h"
#include "landscape-canvas.h"
#include "landscape-page.h"
#include "landscape-results.h"
#include "loss-chart.h"
#include "number.h"
#include "playback-bar.h"
#include "run-color.h"
#include "run-row.h"

/*
 * The page's model is its scene document; its results compute the
 * surface's grid and the runs' trajectories from it, and the canvas, the
 * loss chart and the Explain group all show those one results. The
 * sidebar edits the model; the playback, the page's own, moves the
 * iteration all views show.
 */

/* How long the canvas computes before the page shows a spinner. */
#define BUSY_DELAY_MS 250

struct _SdLandscapePage
{
  SdPage              parent_instance;

  SdLandscapeModel   *model;
  SdLandscapeResults *results;
  SdPlayback         *playback;
  GPtrArray          *run_rows;       /* (element-type SdRunRow), owned by runs_group */
  GStrv               surface_list;   /* the surface combo's entries: the built-ins, then "custom" */
  guint               syncing;

  AdwComboRow        *surface_row;
  AdwEntryRow        *expression_row;
  GtkWidget          *expression_error_row;
  GtkLabel           *expression_error_label;
  AdwPreferencesRow  *x_range_row;
  AdwPreferencesRow  *y_range_row;
  AdwPreferencesRow  *start_x_row;
  AdwPreferencesRow  *start_y_row;
  GtkSpinButton      *x_min_spin;
  GtkSpinButton      *x_max_spin;
  GtkSpinButton      *y_min_spin;
  GtkSpinButton      *y_max_spin;
  GtkSpinButton      *resolution_spin;
  GtkWidget          *dataset_size_row;
  GtkSpinButton      *dataset_size_spin;
  GtkWidget          *noise_row;
  GtkSpinButton      *noise_spin;
  GtkWidget          *dataset_seed_row;
  GtkSpinButton      *dataset_seed_spin;
  AdwPreferencesGroup *runs_group;
  GtkMenuButton      *add_run_button;
  GtkSpinButton      *start_x_spin;
  GtkSpinButton      *start_y_spin;
  AdwComboRow        *color_map_row;
  AdwActionRow       *log_scale_row;
  GtkSwitch          *log_scale_switch;
  GtkSpinButton      *contours_spin;
  GtkSwitch          *heatmap_switch;
  GtkSwitch          *contour_lines_switch;
  GtkSwitch          *gradient_field_switch;
  SdExplainGroup     *explain_group;
  GtkBox             *content_box;
  GtkGrid            *figure_grid;
  GtkWidget          *canvas_overlay;
  GtkBox             *side_box;
  GtkLabel           *explain_overlay;
  AdwBin             *canvas_bin;
  GtkSpinner         *busy_spinner;
  guint               busy_timeout_id;
  SdPlaybackBar      *playback_bar;
  GtkToggleButton    *map_button;
  GtkToggleButton    *view_3d_button;
  GtkToggleButton    *chart_button;
  GtkFlowBox         *stats_box;
  AdwBin             *chart_bin;
  GtkRevealer        *chart_revealer;
  gboolean            wide;
  guint               aspect_idle_id;
  gboolean            chart_folded;
  gboolean            chart_was_shown;
  SdLossChart        *loss_chart;
  SdLandscapeCanvas  *canvas;
};

G_DEFINE_FINAL_TYPE (SdLandscapePage, sd_landscape_page, SD_TYPE_PAGE)

static const char *
surface_label (const char *name)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "rosenbrock", N_("Rosenbrock") },
    { "himmelblau", N_("Himmelblau") },
    { "beale", N_("Beale") },
    { "booth", N_("Booth") },
    { "rastrigin", N_("Rastrigin") },
    { "ackley", N_("Ackley") },
    { "saddle", N_("Saddle") },
    { "matyas", N_("Matyas") },
    { "three-hump-camel", N_("Three-hump camel") },
    { "linear-regression", N_("Linear regression") },
    { "logistic-regression", N_("Logistic regression") },
    { "custom", N_("Custom") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);

  return name;
}

static const char *
color_map_label (const char *name)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "viridis", N_("Viridis") },
    { "magma", N_("Magma") },
    { "inferno", N_("Inferno") },
    { "plasma", N_("Plasma") },
    { "cividis", N_("Cividis") },
    { "coolwarm", N_("Cool–warm") },
    { "grayscale", N_("Grayscale") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);

  return name;
}

static const SdSceneRun *
get_run (SdLandscapePage *self,
         guint            index)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);

  return index < sd_scene_get_surface (scene)->runs->len ? g_ptr_array_index (sd_scene_get_surface (scene)->runs, index) : NULL;
}

static guint
get_n_runs (SdLandscapePage *self)
{
  return sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->runs->len;
}

/* The regression surfaces call their axes w and b; the rows say so. */
static void
update_axis_labels (SdLandscapePage *self)
{
  SdSurface *surface = sd_landscape_results_get_surface (self->results);
  const char *x = surface != NULL ? sd_surface_get_x_label (surface) : "x";
  const char *y = surface != NULL ? sd_surface_get_y_label (surface) : "y";
  g_autofree char *x_range = NULL, *y_range = NULL, *start_x = NULL, *start_y = NULL;

  /* Translators: a row's title, %s is an axis such as x; the underscore
   * makes the axis name the row's mnemonic */
  x_range = g_strdup_printf (_("_%s range"), x);
  y_range = g_strdup_printf (_("_%s range"), y);
  /* Translators: a row's title, %s is an axis such as x */
  start_x = g_strdup_printf (_("Start %s"), x);
  start_y = g_strdup_printf (_("Start %s"), y);

  adw_preferences_row_set_title (self->x_range_row, x_range);
  adw_preferences_row_set_title (self->y_range_row, y_range);
  adw_preferences_row_set_title (self->start_x_row, start_x);
  adw_preferences_row_set_title (self->start_y_row, start_y);
}

static void
update_n_iterations (SdLandscapePage *self)
{
  guint n_iterations = 0;
  gboolean at_end = sd_playback_get_iteration (self->playback)
                    == sd_playback_get_n_iterations (self->playback);

  for (guint i = 0; i < get_n_runs (self); i++)
    n_iterations = MAX (n_iterations, get_run (self, i)->steps);

  /* A page showing whole paths keeps showing them when the runs change;
   * one stopped partway stays where it is. */
  sd_playback_set_n_iterations (self->playback, n_iterations);
  if (at_end)
    sd_playback_set_iteration (self->playback, n_iterations);
}

/**
 * sd_landscape_page_format_run_stats:
 * @self: a #SdLandscapePage
 * @index: a run
 *
 * A run's loss and gradient norm at the playback's iteration, or at its
 * last point if it ended earlier; once the playback reaches the end of a
 * run that ended early, why it ended.
 *
 * Returns: (transfer full) (nullable): the text, such as
 *   "loss 0.00443 · ‖∇f‖ 0.0412" or "loss undefined · ‖∇f‖ undefined ·
 *   start outside the domain of f"; %NULL if the run has no trajectory
 */
char *
sd_landscape_page_format_run_stats (SdLandscapePage *self,
                                    guint            index)
{
  const SdTrajectory *trajectory;
  const SdOptimizerState *state;
  g_autofree char *loss = NULL, *norm = NULL, *end = NULL;
  guint n_points, iteration, end_step;

  g_return_val_if_fail (SD_IS_LANDSCAPE_PAGE (self), NULL);

  trajectory = sd_landscape_page_get_trajectory (self, index);
  if (trajectory == NULL || (n_points = sd_trajectory_get_n_points (trajectory)) == 0)
    return NULL;

  iteration = sd_playback_get_iteration (self->playback);
  state = sd_trajectory_get_point (trajectory, MIN (iteration, n_points - 1));
  loss = sd_number_text (state->loss, SD_NUMBER_COMPACT);
  norm = sd_number_text (hypot (state->gradient[0], state->gradient[1]), SD_NUMBER_COMPACT);

  if (sd_trajectory_get_end (trajectory, &end_step) == SD_OPTIMIZER_STATUS_RUNNING
      || iteration < end_step)
    /* Translators: a run's loss and gradient norm at the shown iteration */
    return g_strdup_printf (_("loss %s · ‖∇f‖ %s"), loss, norm);

  end = sd_trajectory_describe_end (trajectory);
  /* Translators: a run's loss and gradient norm at the shown iteration,
   * then why the run ended, such as "diverged at step 12" */
  return g_strdup_printf (_("loss %s · ‖∇f‖ %s · %s"), loss, norm, end);
}

/* Each run's loss and gradient norm at the shown iteration, under the
 * figure where the class can read them. */
static void
update_stats (SdLandscapePage *self)
{
  GtkWidget *child;
  guint i = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkLabel *label = GTK_LABEL (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
      const SdSceneRun *run = get_run (self, i);
      g_autofree char *stats = sd_landscape_page_format_run_stats (self, i);
      g_autofree char *markup = NULL;
      double rgb[4];

      if (run == NULL)
        break;

      sd_run_get_color (run, i, rgb);
      markup = g_markup_printf_escaped ("<span foreground=\"#%02x%02x%02x\">●</span> <b>%s</b>  %s",
                                        (guint) lround (rgb[0] * 255),
                                        (guint) lround (rgb[1] * 255),
                                        (guint) lround (rgb[2] * 255),
                                        run->name, stats != NULL ? stats : "—");
      gtk_label_set_markup (label, markup);
      gtk_widget_set_opacity (child, run->visible ? 1.0 : 0.5);
    }
}

static void
rebuild_stats (SdLandscapePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box))) != NULL)
    gtk_flow_box_remove (self->stats_box, child);

  for (guint i = 0; i < get_n_runs (self); i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_flow_box_append (self->stats_box, label);
    }
}

/* Rows are rebuilt only when runs come or go; otherwise they update in
 * place, so an entry being typed in keeps its focus. */
static void
rebuild_run_rows (SdLandscapePage *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint old_len = self->run_rows->len;

  for (guint i = 0; i < self->run_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->run_rows, i);

      if (adw_expander_row_get_expanded (row))
        g_hash_table_add (expanded,
                          g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
      adw_preferences_group_remove (self->runs_group, GTK_WIDGET (row));
    }
  g_ptr_array_set_size (self->run_rows, 0);

  for (guint i = 0; i < get_n_runs (self); i++)
    {
      GtkWidget *row = sd_run_row_new (self->model, i);

      if (g_hash_table_contains (expanded, get_run (self, i)->name)
          || (old_len > 0 && i >= old_len && i == get_n_runs (self) - 1))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (self->runs_group, row);
      g_ptr_array_add (self->run_rows, row);
    }
}

static guint
surface_index (SdLandscapePage *self,
               const char      *function)
{
  for (guint i = 0; self->surface_list[i] != NULL; i++)
    if (g_str_equal (self->surface_list[i], function))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
clear_expression_error (SdLandscapePage *self)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->expression_row));

  gtk_widget_remove_css_class (GTK_WIDGET (self->expression_row), "error");
  gtk_widget_set_visible (self->expression_error_row, FALSE);
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_attributes (GTK_TEXT (delegate), NULL);
}

/* The column is underlined, not selected: a selection would be replaced
 * by the next key the user types. */
static void
show_expression_error (SdLandscapePage *self,
                       const char      *message,
                       guint            column)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->expression_row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->expression_row));
  glong length = g_utf8_strlen (text, -1);

  gtk_widget_add_css_class (GTK_WIDGET (self->expression_row), "error");
  gtk_label_set_text (self->expression_error_label, message);
  gtk_widget_set_visible (self->expression_error_row, TRUE);

  if (GTK_IS_TEXT (delegate) && column >= 1 && column <= (guint) length)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      PangoAttribute *color = pango_attr_underline_color_new (0xe000, 0x1b00, 0x2400);
      const char *start = g_utf8_offset_to_pointer (text, column - 1);

      underline->start_index = color->start_index = start - text;
      underline->end_index = color->end_index = g_utf8_next_char (start) - text;
      pango_attr_list_insert (attributes, underline);
      pango_attr_list_insert (attributes, color);
      gtk_text_set_attributes (GTK_TEXT (delegate), attributes);
    }
  else if (GTK_IS_TEXT (delegate))
    gtk_text_set_attributes (GTK_TEXT (delegate), NULL);
}

static void
set_spin (GtkSpinButton *spin,
          double         value)
{
  gtk_spin_button_set_value (spin, value);
  gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
}

static void
sync_surface (SdLandscapePage *self)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  gboolean custom = g_str_equal (surface->function, "custom");
  const char * const *keys;
  gboolean has_dataset;
  guint color_map = 0;

  self->syncing++;

  adw_combo_row_set_selected (self->surface_row, surface_index (self, surface->function));
  gtk_widget_set_visible (GTK_WIDGET (self->expression_row), custom);
  /* While the user types, the model holds the last valid expression; the
   * entry keeps what is typed. */
  if (custom && surface->expression != NULL
      && !gtk_widget_has_css_class (GTK_WIDGET (self->expression_row), "error")
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->expression_row)),
                    surface->expression) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->expression_row), surface->expression);
  if (!custom)
    clear_expression_error (self);

  set_spin (self->x_min_spin, surface->x_range[0]);
  set_spin (self->x_max_spin, surface->x_range[1]);
  set_spin (self->y_min_spin, surface->y_range[0]);
  set_spin (self->y_max_spin, surface->y_range[1]);
  gtk_spin_button_set_value (self->resolution_spin, surface->resolution);

  /* Only the regression surfaces have a dataset to set. */
  keys = custom ? NULL : sd_surface_builtin_get_keys (surface->function);
  has_dataset = keys != NULL && keys[0] != NULL;
  gtk_widget_set_visible (self->dataset_size_row, has_dataset);
  gtk_widget_set_visible (self->noise_row, has_dataset);
  gtk_widget_set_visible (self->dataset_seed_row, has_dataset);
  gtk_spin_button_set_value (self->dataset_size_spin, surface->params.dataset_size);
  gtk_spin_button_set_value (self->noise_spin, surface->params.noise);
  gtk_spin_button_set_value (self->dataset_seed_spin, surface->params.seed);

  if (surface->color_map != NULL)
    {
      const char * const *maps = sd_scene_list_color_maps ();

      for (guint i = 0; maps[i] != NULL; i++)
        if (g_str_equal (maps[i], surface->color_map))
          color_map = i + 1;
    }
  adw_combo_row_set_selected (self->color_map_row, color_map);
  gtk_switch_set_active (self->log_scale_switch, surface->log_scale);
  gtk_spin_button_set_value (self->contours_spin, surface->contours);
  gtk_switch_set_active (self->heatmap_switch, (surface->layers & SD_LAYER_HEATMAP) != 0);
  gtk_switch_set_active (self->contour_lines_switch, (surface->layers & SD_LAYER_CONTOURS) != 0);
  gtk_switch_set_active (self->gradient_field_switch,
                         (surface->layers & SD_LAYER_GRADIENT_FIELD) != 0);
  gtk_toggle_button_set_active (surface->view == SD_VIEW_3D ? self->view_3d_button
                                                            : self->map_button, TRUE);

  if (get_n_runs (self) > 0)
    {
      const SdSceneRun *first = get_run (self, 0);

      gtk_spin_button_set_value (self->start_x_spin, first->start[0]);
      gtk_spin_button_set_value (self->start_y_spin, first->start[1]);
    }

  self->syncing--;
}

/* The results follow the model first (they were connected first), so
 * the surface they hold is the model's when the page follows. */
static void
on_model_changed (SdLandscapePage *self,
                  guint            changes)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  sync_surface (self);

  if (changes & (SD_LANDSCAPE_CHANGE_SURFACE | SD_LANDSCAPE_CHANGE_RUNS))
    {
      update_axis_labels (self);
      update_n_iterations (self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "landscape.add-run",
                                 sd_landscape_model_can_add_run (self->model));

  if (self->run_rows->len != get_n_runs (self))
    {
      rebuild_run_rows (self);
      rebuild_stats (self);
    }
  else
    {
      for (guint i = 0; i < self->run_rows->len; i++)
        sd_run_row_sync (g_ptr_array_index (self->run_rows, i));
    }

  update_stats (self);
}

/* New trajectories: the readouts that show their values follow. */
static void
on_trajectories_changed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  update_stats (self);
}

/* Busy */

static gboolean
show_busy (gpointer user_data)
{
  SdLandscapePage *self = user_data;

  self->busy_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  return G_SOURCE_REMOVE;
}

/* While the canvas computes, the figure and the readouts show the last
 * results; a spinner says newer ones are coming, once the wait is long
 * enough to notice (a coarse grid or a short race never shows it). */
static void
on_canvas_busy (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (sd_landscape_canvas_is_busy (self->canvas))
    {
      if (self->busy_timeout_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->busy_spinner)))
        self->busy_timeout_id = g_timeout_add (BUSY_DELAY_MS, show_busy, self);
      return;
    }

  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
}

static void
on_surface_selected (SdLandscapePage *self)
{
  guint selected = adw_combo_row_get_selected (self->surface_row);

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  clear_expression_error (self);
  sd_landscape_model_set_function (self->model, self->surface_list[selected]);
}

static void
on_expression_changed (SdLandscapePage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  guint column = 0;

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->expression_row));
  if (!sd_landscape_model_set_expression (self->model, text, &column, &error))
    {
      show_expression_error (self, error->message, column);
      return;
    }

  clear_expression_error (self);
}

static void
on_range_changed (SdLandscapePage *self)
{
  double x_range[2], y_range[2];
  gboolean x_valid, y_valid;

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  x_range[0] = gtk_spin_button_get_value (self->x_min_spin);
  x_range[1] = gtk_spin_button_get_value (self->x_max_spin);
  y_range[0] = gtk_spin_button_get_value (self->y_min_spin);
  y_range[1] = gtk_spin_button_get_value (self->y_max_spin);
  x_valid = x_range[0] < x_range[1];
  y_valid = y_range[0] < y_range[1];

  /* An empty range cannot be drawn: mark it and wait for a valid one. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *spins[2] = { GTK_WIDGET (i == 0 ? self->x_min_spin : self->y_min_spin),
                              GTK_WIDGET (i == 0 ? self->x_max_spin : self->y_max_spin) };
      gboolean valid = i == 0 ? x_valid : y_valid;

      for (guint j = 0; j < 2; j++)
        {
          if (valid)
            gtk_widget_remove_css_class (spins[j], "error");
          else
            gtk_widget_add_css_class (spins[j], "error");
        }
    }

  if (x_valid && y_valid)
    sd_landscape_model_set_range (self->model, x_range, y_range);
}

static void
on_resolution_changed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  sd_landscape_model_set_resolution (self->model,
                                     (guint) gtk_spin_button_get_value_as_int (self->resolution_spin));
}

static void
on_dataset_changed (SdLandscapePage *self,
                    GtkSpinButton   *spin)
{
  g_autoptr(GError) error = NULL;
  const char *key;

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  key = spin == self->dataset_size_spin ? "dataset-size"
        : spin == self->noise_spin ? "noise" : "seed";
  if (!sd_landscape_model_set_surface_param (self->model, key, gtk_spin_button_get_value (spin),
                                             &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), NULL);
}

static void
on_start_changed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  sd_landscape_model_set_start (self->model, gtk_spin_button_get_value (self->start_x_spin),
                                gtk_spin_button_get_value (self->start_y_spin));
}

static void
on_color_map_selected (SdLandscapePage *self)
{
  guint selected = adw_combo_row_get_selected (self->color_map_row);

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  sd_landscape_model_set_color_map (self->model,
                                    selected == 0 ? NULL : sd_scene_list_color_maps ()[selected - 1]);
}

static void
on_log_scale_changed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  sd_landscape_model_set_log_scale (self->model, gtk_switch_get_active (self->log_scale_switch));
}

static void
on_contours_changed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  sd_landscape_model_set_contours (self->model,
                                   (guint) gtk_spin_button_get_value_as_int (self->contours_spin));
}

static void
on_layers_changed (SdLandscapePage *self)
{
  SdSurfaceLayers layers = 0;

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  if (gtk_switch_get_active (self->heatmap_switch))
    layers |= SD_LAYER_HEATMAP;
  if (gtk_switch_get_active (self->contour_lines_switch))
    layers |= SD_LAYER_CONTOURS;
  if (gtk_switch_get_active (self->gradient_field_switch))
    layers |= SD_LAYER_GRADIENT_FIELD;

  sd_landscape_model_set_layers (self->model, layers);
}

static void
on_view_toggled (SdLandscapePage *self)
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (self->syncing)
    return;

  /* Each button's toggled fires; only the one switched on counts. */
  if (gtk_toggle_button_get_active (self->view_3d_button))
    sd_landscape_model_set_view (self->model, SD_VIEW_3D, surface->azimuth, surface->elevation);
  else if (gtk_toggle_button_get_active (self->map_button))
    sd_landscape_model_set_view (self->model, SD_VIEW_MAP, surface->azimuth, surface->elevation);
}

static void
on_iteration_changed (SdLandscapePage *self)
{
  guint iteration = sd_playback_get_iteration (self->playback);

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  sd_loss_chart_set_iteration (self->loss_chart, iteration);
  sd_landscape_canvas_set_iteration (self->canvas, iteration);
  sd_explain_group_set_iteration (self->explain_group, iteration);
  update_stats (self);
}

static void
on_iteration_selected (SdLandscapePage *self,
                       guint            iteration)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  sd_playback_set_iteration (self->playback, iteration);
}

static void
add_run (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (widget);
  SdOptimizerKind kind;

  if (sd_optimizer_kind_from_name (g_variant_get_string (parameter, NULL), &kind, NULL))
    sd_landscape_model_add_run (self->model, kind);
}

static void
fit_colors (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (widget);

  sd_landscape_model_fit_colors_to_view (self->model);
  sd_landscape_results_fit_colors (self->results);
}

/* A surface below 0 somewhere in view cannot take log colours: the switch
 * stays as the user set it, and its row says why the colours are linear. */
static void
update_log_scale_note (SdLandscapePage *self)
{
  SdLandscape *landscape = sd_landscape_results_get_landscape (self->results);
  gboolean refused = landscape != NULL && sd_landscape_get_log_refused (landscape);

  adw_action_row_set_subtitle (self->log_scale_row,
                               refused ? _("Not here: f is below 0 in view, so colors are linear")
                                       : _("Colors and contour levels follow log f"));
}

/* The canvas pans with the arrow keys; on the Landscape page Left and
 * Right step through the race instead, so while the plot has the focus the
 * page takes them first, before the canvas's own bindings see them. */
static gboolean
on_canvas_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || (focus != GTK_WIDGET (self->canvas)
                        && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->canvas))))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, g_variant_get_string (args, NULL), NULL);
}

static GtkEventController *
create_canvas_keys (void)
{
  static const struct { guint keyval; const char *action; } keys[] = {
    { GDK_KEY_Right, "playback.step-forward" },
    { GDK_KEY_KP_Right, "playback.step-forward" },
    { GDK_KEY_Left, "playback.step-back" },
    { GDK_KEY_KP_Left, "playback.step-back" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_callback_action_new (on_canvas_key, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  return controller;
}

static void
on_canvas_pressed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* Showing the page puts the focus on its plot, so that Space plays at
 * once; focus already inside the page stays where it is. */
static void
sd_landscape_page_map (GtkWidget *widget)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  GTK_WIDGET_CLASS (sd_landscape_page_parent_class)->map (widget);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* Presenting */

/* Presenting: a screen wider than this (16:10 and 16:9 projectors) has
 * room for the loss chart beside the map; a narrower one (4:3) gives the
 * map the whole screen and folds the chart away, a click from coming back
 * under the map. */
#define WIDE_ASPECT 1.45

static gboolean
chart_beside (SdLandscapePage *self)
{
  return sd_page_get_presentation_mode (SD_PAGE (self)) && self->wide;
}

/* While presenting on a wide screen, a quarter of the width beside the map
 * holds the loss chart and the Explain numbers (the sidebar is away); with
 * neither, the map takes the whole width. On a narrow screen the numbers
 * stand there alone. */
static void
update_side_box (SdLandscapePage *self)
{
  gboolean presenting = sd_page_get_presentation_mode (SD_PAGE (self));
  gboolean chart = chart_beside (self) && gtk_toggle_button_get_active (self->chart_button);
  gboolean numbers = presenting && *gtk_label_get_label (self->explain_overlay) != '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->explain_overlay), numbers);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), chart || numbers);
}

static void
update_explain_overlay (SdLandscapePage *self)
{
  g_autofree char *readout = NULL;

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  g_object_get (self->explain_group, "readout", &readout, NULL);
  gtk_label_set_markup (self->explain_overlay, readout);
  update_side_box (self);
}

/* On a projector's screen the figure takes the height: the loss chart,
 * under the playback bar in the window, stands beside the map while
 * presenting on a wide screen. */
static void
place_chart (SdLandscapePage *self)
{
  GtkWidget *chart = GTK_WIDGET (self->chart_revealer);
  gboolean beside = chart_beside (self);

  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if ((gtk_widget_get_parent (chart) == GTK_WIDGET (self->side_box)) != beside)
    {
      g_object_ref (chart);
      gtk_widget_unparent (chart);
      if (beside)
        gtk_box_prepend (self->side_box, chart);
      else
        gtk_box_append (self->content_box, chart);
      g_object_unref (chart);
    }

  gtk_revealer_set_transition_type (self->chart_revealer,
                                    beside ? GTK_REVEALER_TRANSITION_TYPE_NONE
                                           : GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_vexpand (chart, beside);
  gtk_widget_set_vexpand (GTK_WIDGET (self->loss_chart), beside);
  update_side_box (self);
}

/* Presenting on a narrow screen folds the chart away once; leaving brings
 * back what the window showed. */
static void
fold_chart_for_screen (SdLandscapePage *self)
{
  if (!sd_page_get_presentation_mode (SD_PAGE (self)) || self->wide || self->chart_folded)
    return;

  self->chart_folded = TRUE;
  self->chart_was_shown = gtk_toggle_button_get_active (self->chart_button);
  gtk_toggle_button_set_active (self->chart_button, FALSE);
}

static void
on_presentation_changed (SdLandscapePage *self)
{
  g_assert (SD_IS_LANDSCAPE_PAGE (self));

  if (!sd_page_get_presentation_mode (SD_PAGE (self)) && self->chart_folded)
    {
      self->chart_folded = FALSE;
      gtk_toggle_button_set_active (self->chart_button, self->chart_was_shown);
    }

  fold_chart_for_screen (self);
  place_chart (self);
}

static gboolean
on_aspect_changed (gpointer user_data)
{
  SdLandscapePage *self = user_data;

  self->aspect_idle_id = 0;
  fold_chart_for_screen (self);
  place_chart (self);
  return G_SOURCE_REMOVE;
}

/* The screen's shape decides where the chart goes. The page's bin layout
 * allocates it without a size_allocate of its own, so its shape is read
 * when it is drawn (every new size is), and the widget tree is changed
 * after the frame, never during it. */
static void
sd_landscape_page_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean wide = height > 0 && width >= WIDE_ASPECT * height;

  GTK_WIDGET_CLASS (sd_landscape_page_parent_class)->snapshot (widget, snapshot);

  if (wide == self->wide)
    return;

  self->wide = wide;
  if (self->aspect_idle_id == 0)
    self->aspect_idle_id = g_idle_add (on_aspect_changed, self);
}

/* A scene that names no colour map is drawn with the viewer's preferred
 * one; a file and a figure carry it, so they look as the page did on any
 * computer. The built-in default needs no naming. */
static void
sd_landscape_page_write_scene (SdPage  *page,
                               SdScene *scene)
{
  GSettings *settings = sd_page_get_settings (page);
  SdSceneSurface *surface = sd_scene_get_surface (scene);
  g_autofree char *preferred = NULL;
  SdFigureOptions defaults;

  SD_PAGE_CLASS (sd_landscape_page_parent_class)->write_scene (page, scene);

  /* The colours on screen, fixed to the surface as the view moved. */
  if (!surface->has_color_range
      && sd_landscape_results_get_color_pin (SD_LANDSCAPE_PAGE (page)->results,
                                             surface->color_range))
    surface->has_color_range = TRUE;

  if (surface->color_map != NULL || settings == NULL)
    return;

  sd_figure_options_init (&defaults);
  preferred = g_settings_get_string (settings, "color-map");
  if (!g_str_equal (preferred, sd_colormap_get_name (defaults.colormap)))
    surface->color_map = g_steal_pointer (&preferred);
}

static void
sd_landscape_page_dispose (GObject *object)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (object);

  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  g_clear_handle_id (&self->aspect_idle_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->playback != NULL)
    g_signal_handlers_disconnect_by_data (self->playback, self);
  g_clear_pointer (&self->run_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_LANDSCAPE_PAGE);

  g_clear_object (&self->results);
  g_clear_object (&self->model);
  g_clear_object (&self->playback);

  G_OBJECT_CLASS (sd_landscape_page_parent_class)->dispose (object);
}

static void
sd_landscape_page_finalize (GObject *object)
{
  SdLandscapePage *self = SD_LANDSCAPE_PAGE (object);

  g_clear_pointer (&self->surface_list, g_strfreev);

  G_OBJECT_CLASS (sd_landscape_page_parent_class)->finalize (object);
}

/* Binds the template child NAME to the field of SdLandscapePage named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdLandscapePage, name)

static void
sd_landscape_page_class_init (SdLandscapePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->dispose = sd_landscape_page_dispose;
  object_class->finalize = sd_landscape_page_finalize;
  widget_class->map = sd_landscape_page_map;
  widget_class->snapshot = sd_landscape_page_snapshot;
  page_class->write_scene = sd_landscape_page_write_scene;

  g_type_ensure (SD_TYPE_EXPLAIN_GROUP);
  g_type_ensure (SD_TYPE_PLAYBACK_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/landscape-page.ui");
  BIND_CHILD (surface_row);
  BIND_CHILD (expression_row);
  BIND_CHILD (expression_error_row);
  BIND_CHILD (expression_error_label);
  BIND_CHILD (x_range_row);
  BIND_CHILD (y_range_row);
  BIND_CHILD (start_x_row);
  BIND_CHILD (start_y_row);
  BIND_CHILD (x_min_spin);
  BIND_CHILD (x_max_spin);
  BIND_CHILD (y_min_spin);
  BIND_CHILD (y_max_spin);
  BIND_CHILD (resolution_spin);
  BIND_CHILD (dataset_size_row);
  BIND_CHILD (dataset_size_spin);
  BIND_CHILD (noise_row);
  BIND_CHILD (noise_spin);
  BIND_CHILD (dataset_seed_row);
  BIND_CHILD (dataset_seed_spin);
  BIND_CHILD (runs_group);
  BIND_CHILD (add_run_button);
  BIND_CHILD (start_x_spin);
  BIND_CHILD (start_y_spin);
  BIND_CHILD (color_map_row);
  BIND_CHILD (log_scale_row);
  BIND_CHILD (log_scale_switch);
  BIND_CHILD (contours_spin);
  BIND_CHILD (heatmap_switch);
  BIND_CHILD (contour_lines_switch);
  BIND_CHILD (gradient_field_switch);
  BIND_CHILD (explain_group);
  BIND_CHILD (content_box);
  BIND_CHILD (figure_grid);
  BIND_CHILD (canvas_overlay);
  BIND_CHILD (side_box);
  BIND_CHILD (explain_overlay);
  BIND_CHILD (canvas_bin);
  BIND_CHILD (busy_spinner);
  BIND_CHILD (map_button);
  BIND_CHILD (view_3d_button);
  BIND_CHILD (playback_bar);
  BIND_CHILD (chart_button);
  BIND_CHILD (stats_box);
  BIND_CHILD (chart_bin);
  BIND_CHILD (chart_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_surface_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_expression_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_resolution_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dataset_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_color_map_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_log_scale_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contours_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_layers_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled);

  gtk_widget_class_install_action (widget_class, "landscape.add-run", "s", add_run);
  gtk_widget_class_install_action (widget_class, "landscape.fit-colors", NULL, fit_colors);
}

static GMenuModel *
create_add_run_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < SD_N_OPTIMIZER_KINDS; i++)
    {
      g_autofree char *action = g_strdup_printf ("landscape.add-run::%s",
                                                 sd_optimizer_kind_to_name (i));

      g_menu_append (menu, sd_optimizer_kind_get_label (i), action);
    }

  return G_MENU_MODEL (menu);
}

/* The canvas, the loss chart and the Explain group show the same results,
 * drawn as the page's figure scale and settings say. */
static void
create_views (SdLandscapePage *self)
{
  GtkGesture *click;

  self->results = sd_landscape_results_new (self->model);

  self->canvas = SD_LANDSCAPE_CANVAS (sd_landscape_canvas_new (NULL));
  sd_landscape_canvas_set_results (self->canvas, self->results);
  gtk_widget_set_focusable (GTK_WIDGET (self->canvas), TRUE);
  adw_bin_set_child (self->canvas_bin, GTK_WIDGET (self->canvas));
  self->loss_chart = SD_LOSS_CHART (sd_loss_chart_new ());
  sd_loss_chart_set_results (self->loss_chart, self->results);
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (self->loss_chart));
  sd_explain_group_set_results (self->explain_group, self->results);

  for (guint i = 0; i < 2; i++)
    {
      GObject *view = i == 0 ? G_OBJECT (self->canvas) : G_OBJECT (self->loss_chart);

      g_object_bind_property (self, "figure-scale", view, "figure-scale", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "settings", view, "settings", G_BINDING_SYNC_CREATE);
    }

  g_signal_connect_object (self->results, "grid-applied",
                           G_CALLBACK (update_log_scale_note), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results, "trajectories-changed",
                           G_CALLBACK (on_trajectories_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::busy",
                           G_CALLBACK (on_canvas_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loss_chart, "iteration-selected",
                           G_CALLBACK (on_iteration_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explain_group, "notify::readout",
                           G_CALLBACK (update_explain_overlay), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::presentation-mode", G_CALLBACK (on_presentation_changed), NULL);
  g_signal_connect_object (self->chart_button, "notify::active",
                           G_CALLBACK (place_chart), self, G_CONNECT_SWAPPED);

  /* The keys of playback reach the page from the canvas; a click there
   * takes the focus away from an entry in the sidebar. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_canvas_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), create_canvas_keys ());
}

static void
sd_landscape_page_init (SdLandscapePage *self)
{
  g_autoptr(GtkStringList) surfaces = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) color_maps = gtk_string_list_new (NULL);
  g_autoptr(GMenuModel) add_menu = create_add_run_menu ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char * const *builtins = sd_surface_list_builtins ();
  const char * const *maps = sd_scene_list_color_maps ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = sd_landscape_model_new ();
  self->playback = sd_playback_new ();
  self->run_rows = g_ptr_array_new ();
  sd_page_set_document (SD_PAGE (self), SD_SCENE_DOCUMENT (self->model));
  sd_page_set_playback (SD_PAGE (self), self->playback);
  sd_playback_bar_set_playback (self->playback_bar, self->playback);

  g_strv_builder_addv (names, (const char **) builtins);
  g_strv_builder_add (names, "custom");
  self->surface_list = g_strv_builder_end (names);
  for (guint i = 0; self->surface_list[i] != NULL; i++)
    gtk_string_list_append (surfaces, surface_label (self->surface_list[i]));

  gtk_string_list_append (color_maps, _("Default"));
  for (guint i = 0; maps[i] != NULL; i++)
    gtk_string_list_append (color_maps, color_map_label (maps[i]));

  self->syncing++;
  adw_combo_row_set_model (self->surface_row, G_LIST_MODEL (surfaces));
  adw_combo_row_set_model (self->color_map_row, G_LIST_MODEL (color_maps));
  self->syncing--;
  gtk_menu_button_set_menu_model (self->add_run_button, add_menu);

  create_views (self);

  g_signal_connect_swapped (self->model, "changed", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (self->playback, "notify::iteration",
                            G_CALLBACK (on_iteration_changed), self);
  g_signal_connect_swapped (self->playback, "notify::n-iterations",
                            G_CALLBACK (on_iteration_changed), self);

  on_model_changed (self, SD_SCENE_DOCUMENT_CHANGE_ALL);
}

/**
 * sd_landscape_page_new:
 *
 * Returns: (transfer floating): a page showing the default scene
 */
GtkWidget *
sd_landscape_page_new (void)
{
  return g_object_new (SD_TYPE_LANDSCAPE_PAGE, NULL);
}

/**
 * sd_landscape_page_get_model:
 * @self: a #SdLandscapePage
 *
 * The page's document; opening a scene goes through it
 * (sd_page_open_scene()), and the page follows.
 *
 * Returns: (transfer none): the page's scene
 */
SdLandscapeModel *
sd_landscape_page_get_model (SdLandscapePage *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_PAGE (self), NULL);

  return self->model;
}

/**
 * sd_landscape_page_get_results:
 * @self: a #SdLandscapePage
 *
 * Returns: (transfer none): what the page computes from its scene
 */
SdLandscapeResults *
sd_landscape_page_get_results (SdLandscapePage *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_PAGE (self), NULL);

  return self->results;
}

/**
 * sd_landscape_page_get_playback:
 * @self: a #SdLandscapePage
 *
 * Returns: (transfer none): the animation's state
 */
SdPlayback *
sd_landscape_page_get_playback (SdLandscapePage *self)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_PAGE (self), NULL);

  return self->playback;
}

/**
 * sd_landscape_page_get_trajectory:
 * @self: a #SdLandscapePage
 * @index: a run
 *
 * The path is the results' (see sd_landscape_results_get_trajectory()):
 * it stays valid until their #SdLandscapeResults::trajectories-changed.
 *
 * Returns: (transfer none) (nullable): the run's path, %NULL if it could
 *   not be computed or is still being computed for added or removed runs
 */
const SdTrajectory *
sd_landscape_page_get_trajectory (SdLandscapePage *self,
                                  guint            index)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_PAGE (self), NULL);

  /* While runs were added or removed, the results' trajectories are for
   * the runs before: their indices do not match the model's. */
  if (self->results == NULL
      || sd_landscape_results_get_n_trajectories (self->results) != get_n_runs (self))
    return NULL;

  return sd_landscape_results_get_trajectory (self->results, index);
}

/**
 * sd_landscape_page_get_run_row:
 * @self: a #SdLandscapePage
 * @index: a run
 *
 * Returns: (transfer none) (nullable): the run's row in the sidebar
 */
GtkWidget *
sd_landscape_page_get_run_row (SdLandscapePage *self,
                               guint            index)
{
  g_return_val_if_fail (SD_IS_LANDSCAPE_PAGE (self), NULL);

  if (index >= self->run_rows->len)
    return NULL;

  return g_ptr_array_index (self->run_rows, index);
}
