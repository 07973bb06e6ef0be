/* test-landscape-page.c: the Landscape page's controls, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "application.h"
#include "core-error.h"
#include "landscape-canvas.h"
#include "landscape-page.h"
#include "landscape-results.h"
#include "loss-chart.h"
#include "run-color.h"
#include "run-row.h"
#include "window.h"

#include "playback-bar.h"
#include "ui-test-landscape.h"
#include "ui-test-utils.h"

/* The playback bar's own widgets, by their ids in its template. */
static gpointer
bar_child (SdLandscapePage *page,
           const char      *name)
{
  return ui_test_template_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE,
                                                         "playback_bar"),
                                 SD_TYPE_PLAYBACK_BAR, name);
}

static SdApplication *app;

static SdWindow *
get_window (void)
{
  return ui_test_landscape_window (app);
}

static SdLandscapePage *
get_page (void)
{
  SdLandscapePage *page = ui_test_landscape_page (get_window ());

  ui_test_wait_for_canvas (page);
  return page;
}

static const SdScene *
get_scene (SdLandscapePage *page)
{
  return sd_landscape_model_get_scene (sd_landscape_page_get_model (page));
}

static const SdSceneRun *
get_run (SdLandscapePage *page,
         guint            index)
{
  const SdScene *scene = get_scene (page);

  g_assert_cmpuint (index, <, sd_scene_get_surface (scene)->runs->len);
  return g_ptr_array_index (sd_scene_get_surface (scene)->runs, index);
}

static SdRunRow *
get_row (SdLandscapePage *page,
         guint            index)
{
  GtkWidget *row = sd_landscape_page_get_run_row (page, index);

  g_assert_true (SD_IS_RUN_ROW (row));
  return SD_RUN_ROW (row);
}

static guint
find_surface (SdLandscapePage *page,
              const char      *label)
{
  AdwComboRow *combo = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "surface_row");
  GListModel *items = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        return i;
    }

  g_assert_not_reached ();
}

static void
select_surface (SdLandscapePage *page,
                const char      *label)
{
  adw_combo_row_set_selected (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "surface_row"),
                              find_surface (page, label));
  ui_test_spin ();
}

/* The default scene: Adam, momentum and SGD, 500 steps each from (-1.5, 2) on
 * Rosenbrock's f = (1-x)^2 + 100 (y-x^2)^2. */
static void
test_playback (UiTestWindow  *fixture,
              gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdPlayback *playback = sd_landscape_page_get_playback (page);
  GtkLabel *counter = bar_child (page, "counter_label");
  GtkRange *scrubber = bar_child (page, "scrubber");
  g_autofree char *stats = NULL;

  /* A new page shows the whole race; Home goes back to the start. */
  g_assert_cmpuint (sd_playback_get_n_iterations (playback), ==, 500);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 500);
  g_assert_cmpstr (gtk_label_get_text (counter), ==, "Iteration 500 / 500");
  g_assert_false (sd_playback_get_playing (playback));
  /* Momentum ends at loss 0.004433 (torch.optim, see test_default_race):
   * three significant digits, as figures write numbers on the data. */
  stats = sd_landscape_page_format_run_stats (page, 1);
  g_assert_true (g_str_has_prefix (stats, "loss 0.00443 · ‖∇f‖ "));
  g_clear_pointer (&stats, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.reset", NULL));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (counter), ==, "Iteration 0 / 500");

  /* At the start f = 2.5^2 + 100 (-0.25)^2 = 12.5 and
   * grad f = (-2 (1-x) - 400 x (y-x^2), 200 (y-x^2)) = (-155, -50),
   * |grad f| = sqrt(26525) = 162.87. */
  stats = sd_landscape_page_format_run_stats (page, 0);
  g_assert_cmpstr (stats, ==, "loss 12.5 · ‖∇f‖ 163");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.step-forward", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.step-forward", NULL));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 2);
  g_assert_cmpfloat (gtk_range_get_value (scrubber), ==, 2.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.step-back", NULL));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (counter), ==, "Iteration 1 / 500");

  gtk_range_set_value (scrubber, 120.0);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 120);
  g_assert_cmpstr (gtk_label_get_text (counter), ==, "Iteration 120 / 500");
  /* The canvas and the loss chart show the same iteration. */
  g_assert_cmpuint (sd_landscape_canvas_get_iteration (
                      SD_LANDSCAPE_CANVAS (adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "canvas_bin")))),
                    ==, 120);
  g_assert_cmpuint (sd_loss_chart_get_iteration (
                      SD_LOSS_CHART (adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_bin")))),
                    ==, 120);
  g_assert_cmpuint (sd_loss_chart_get_n_runs (
                      SD_LOSS_CHART (adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_bin")))),
                    ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.reset", NULL));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.step-back", NULL));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);

  /* The loss chart folds away and comes back. */
  g_assert_true (gtk_revealer_get_reveal_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_revealer")));
  gtk_toggle_button_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_button"), FALSE);
  g_assert_false (gtk_revealer_get_reveal_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_revealer")));
  gtk_toggle_button_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_button"), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_revealer")));

  /* The end is the most steps over the runs. */
  sd_landscape_model_set_run_steps (sd_landscape_page_get_model (page), 1, 700);
  g_assert_cmpuint (sd_playback_get_n_iterations (playback), ==, 700);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (scrubber)), ==, 700.0);
  sd_landscape_model_set_run_steps (sd_landscape_page_get_model (page), 1, 500);
  g_assert_cmpuint (sd_playback_get_n_iterations (playback), ==, 500);
}

static gboolean
has_advanced (gpointer data)
{
  return sd_playback_get_iteration (data) > 0;
}

/* Playing advances on the frame clock, and the play button follows. */
static void
test_play_ticks (UiTestWindow  *fixture,
                gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdPlayback *playback = sd_landscape_page_get_playback (page);
  GtkButton *play = bar_child (page, "play_button");
  GtkSpinButton *speed = bar_child (page, "speed_spin");

  gtk_spin_button_set_value (speed, 500.0);
  g_assert_cmpfloat (sd_playback_get_speed (playback), ==, 500.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.play-pause", NULL));
  g_assert_true (sd_playback_get_playing (playback));
  g_assert_cmpstr (gtk_button_get_icon_name (play), ==, "media-playback-pause-symbolic");
  g_assert_true (ui_test_wait_for (has_advanced, playback));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playback.play-pause", NULL));
  g_assert_false (sd_playback_get_playing (playback));
  g_assert_cmpstr (gtk_button_get_icon_name (play), ==, "media-playback-start-symbolic");

  gtk_spin_button_set_value (speed, 60.0);
  sd_playback_reset (playback);
}

/* Space, Left, Right and Home drive playback, except where they type. */
static void
test_keys (UiTestWindow  *fixture,
          gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdPlayback *playback = sd_landscape_page_get_playback (page);
  GtkWidget *canvas = adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "canvas_bin"));
  GtkWidget *expression = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "expression_row");
  GtkWidget *learning_rate;

  /* The page took the focus to its plot when it was shown. */
  g_assert_true (gtk_widget_has_focus (canvas));

  sd_playback_reset (playback);
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_Right, 0));
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_Right, 0));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 2);
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_Left, 0));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 1);
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_Home, 0));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);

  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_space, 0));
  g_assert_true (sd_playback_get_playing (playback));
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_space, 0));
  g_assert_false (sd_playback_get_playing (playback));

  /* In the expression entry the keys are the entry's. */
  select_surface (page, "Custom");
  g_assert_true (gtk_widget_grab_focus (expression));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (get_window ())), expression));
  g_assert_false (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_space, 0));
  g_assert_false (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_Right, 0));
  g_assert_false (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_Home, 0));
  g_assert_false (sd_playback_get_playing (playback));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);

  /* The same in a run's learning-rate entry. */
  learning_rate = ui_test_template_child (get_row (page, 0), SD_TYPE_RUN_ROW, "learning_rate_entry");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (get_row (page, 0)), TRUE);
  ui_test_spin ();
  g_assert_true (gtk_widget_grab_focus (learning_rate));
  g_assert_false (ui_test_activate_binding (GTK_WIDGET (page), GDK_KEY_space, 0));
  g_assert_false (sd_playback_get_playing (playback));

  gtk_widget_grab_focus (canvas);
  select_surface (page, "Rosenbrock");
}

static void
test_surface (UiTestWindow  *fixture,
             gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  const SdSceneSurface *surface = sd_scene_get_surface (get_scene (page));
  GtkWidget *expression = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "expression_row");

  /* Himmelblau's usual domain is the square [-5, 5]^2 around its four
   * minima. */
  select_surface (page, "Himmelblau");
  g_assert_cmpstr (surface->function, ==, "himmelblau");
  g_assert_cmpfloat (surface->x_range[0], ==, -5.0);
  g_assert_cmpfloat (surface->x_range[1], ==, 5.0);
  g_assert_cmpfloat (surface->y_range[0], ==, -5.0);
  g_assert_cmpfloat (surface->y_range[1], ==, 5.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_min_spin")),
                     ==, -5.0);
  g_assert_false (gtk_widget_get_visible (expression));

  /* A range edit reaches the model only while min < max. */
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_max_spin"), 3.0);
  g_assert_cmpfloat (surface->x_range[1], ==, 3.0);
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_max_spin"), -6.0);
  g_assert_cmpfloat (surface->x_range[1], ==, 3.0);
  g_assert_true (gtk_widget_has_css_class (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_max_spin"),
                                           "error"));
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_max_spin"), 4.0);
  g_assert_cmpfloat (surface->x_range[1], ==, 4.0);
  g_assert_false (gtk_widget_has_css_class (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_max_spin"),
                                            "error"));

  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "resolution_spin"), 128.0);
  g_assert_cmpuint (surface->resolution, ==, 128);
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "contours_spin"), 7.0);
  g_assert_cmpuint (surface->contours, ==, 7);
  gtk_switch_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "log_scale_switch"), FALSE);
  g_assert_false (surface->log_scale);
  gtk_switch_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "gradient_field_switch"), TRUE);
  g_assert_true (surface->layers & SD_LAYER_GRADIENT_FIELD);
  gtk_switch_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "gradient_field_switch"), FALSE);
  g_assert_false (surface->layers & SD_LAYER_GRADIENT_FIELD);

  /* Entry 0 is the viewer's default, then the scene's colour maps. */
  adw_combo_row_set_selected (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "color_map_row"), 2);
  g_assert_cmpstr (surface->color_map, ==, "magma");
  adw_combo_row_set_selected (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "color_map_row"), 0);
  g_assert_null (surface->color_map);

  gtk_toggle_button_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "view_3d_button"), TRUE);
  g_assert_cmpint (surface->view, ==, SD_VIEW_3D);
  gtk_toggle_button_set_active (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "map_button"), TRUE);
  g_assert_cmpint (surface->view, ==, SD_VIEW_MAP);

  /* The regression surfaces add their dataset's rows. */
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "dataset_size_row")));
  select_surface (page, "Linear regression");
  g_assert_cmpstr (surface->function, ==, "linear-regression");
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "dataset_size_row")));
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "noise_row")));
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "dataset_seed_row")));
  /* Its axes are the weight w and the bias b. */
  g_assert_cmpstr (adw_preferences_row_get_title (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_range_row")),
                   ==, "_w range");
  g_assert_cmpstr (adw_preferences_row_get_title (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "start_y_row")),
                   ==, "Start b");
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "dataset_size_spin"), 80.0);
  g_assert_cmpuint (surface->params.dataset_size, ==, 80);
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "noise_spin"), 0.25);
  g_assert_cmpfloat (surface->params.noise, ==, 0.25);
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "dataset_seed_spin"), 7.0);
  g_assert_cmpuint (surface->params.seed, ==, 7);

  /* The model refuses what the engine refuses, and keeps its value. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sd_landscape_model_set_surface_param (sd_landscape_page_get_model (page),
                                                          "noise", -1.0, &error));
    g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
    g_assert_cmpfloat (surface->params.noise, ==, 0.25);
    g_clear_error (&error);
    g_assert_false (sd_landscape_model_set_surface_param (sd_landscape_page_get_model (page),
                                                          "colour", 1.0, &error));
    g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  }

  /* Rosenbrock's customary window is [-2, 2] x [-1, 3]. */
  select_surface (page, "Rosenbrock");
  g_assert_cmpstr (surface->function, ==, "rosenbrock");
  g_assert_cmpfloat (surface->x_range[0], ==, -2.0);
  g_assert_cmpfloat (surface->y_range[1], ==, 3.0);
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "dataset_size_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "x_range_row")),
                   ==, "_x range");
}

static void
test_expression (UiTestWindow  *fixture,
                gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  const SdSceneSurface *surface = sd_scene_get_surface (get_scene (page));
  GtkEditable *entry = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "expression_row");
  GtkLabel *message = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "expression_error_label");
  GtkWidget *message_row = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "expression_error_row");
  const char *bad = "x^2 + )";
  guint column = (guint) (strchr (bad, ')') - bad) + 1;
  g_autofree char *expected = g_strdup_printf ("column %u", column);
  g_autofree char *good_before = NULL;
  PangoAttrList *attributes;
  g_autoptr(GSList) list = NULL;
  PangoAttribute *underline = NULL;

  select_surface (page, "Custom");
  g_assert_cmpstr (surface->function, ==, "custom");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, surface->expression);
  good_before = g_strdup (surface->expression);

  gtk_editable_set_text (entry, bad);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (gtk_widget_get_visible (message_row));
  g_assert_nonnull (strstr (gtk_label_get_text (message), expected));
  g_assert_cmpstr (surface->expression, ==, good_before);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, bad);

  /* The column is underlined: byte column - 1 of the ASCII text. */
  attributes = gtk_text_get_attributes (GTK_TEXT (gtk_editable_get_delegate (entry)));
  g_assert_nonnull (attributes);
  list = pango_attr_list_get_attributes (attributes);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_UNDERLINE)
        underline = attribute;
    }
  g_assert_nonnull (underline);
  g_assert_cmpuint (underline->start_index, ==, column - 1);
  g_assert_cmpuint (underline->end_index, ==, column);
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);

  gtk_editable_set_text (entry, "x^2 + 3*y^2");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_false (gtk_widget_get_visible (message_row));
  g_assert_cmpstr (surface->expression, ==, "x^2 + 3*y^2");
  g_assert_null (gtk_text_get_attributes (GTK_TEXT (gtk_editable_get_delegate (entry))));

  /* A built-in clears the error state; custom again brings the last
   * valid expression back. */
  gtk_editable_set_text (entry, "sin(");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  select_surface (page, "Booth");
  g_assert_cmpstr (surface->function, ==, "booth");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  select_surface (page, "Custom");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "x^2 + 3*y^2");

  select_surface (page, "Rosenbrock");
}

static gboolean
names_unique (SdLandscapePage *page)
{
  const SdScene *scene = get_scene (page);

  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    for (guint j = i + 1; j < sd_scene_get_surface (scene)->runs->len; j++)
      if (g_str_equal (get_run (page, i)->name, get_run (page, j)->name))
        return FALSE;

  return TRUE;
}

static void
count_wheel_takers (GtkWidget *widget,
                    guint     *values,
                    guint     *wheeled)
{
  /* The scrollbars' own ranges are what scrolls the panel. */
  if (GTK_IS_SCROLLBAR (widget))
    return;

  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_RANGE (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      (*values)++;
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
            (*wheeled)++;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_wheel_takers (child, values, wheeled);
}

/* The wheel over the sidebar scrolls it: no spin button or scale in it,
 * the run rows' included, takes the wheel to change its value. */
static void
test_wheel_scrolls (UiTestWindow  *fixture,
                    gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  GtkWidget *sidebar = sd_page_get_sidebar (SD_PAGE (page));
  guint values = 0, wheeled = 0;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (sidebar));
  sd_landscape_model_add_run (sd_landscape_page_get_model (page), SD_OPTIMIZER_NELDER_MEAD);
  ui_test_spin ();

  count_wheel_takers (sidebar, &values, &wheeled);
  g_assert_cmpuint (values, >=, 20);
  g_assert_cmpuint (wheeled, ==, 0);
}

/* A scene has at most ten runs: then neither adding nor duplicating is
 * offered, and removing one offers both again. */
static void
test_runs_limit (UiTestWindow  *fixture,
                 gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  const SdScene *scene = get_scene (page);

  while (sd_scene_get_surface (scene)->runs->len < SD_SCENE_MAX_RUNS)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "landscape.add-run", "s", "sgd"));

  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 10);
  /* The actions are disabled: activating them does nothing (the model
   * would complain, and the test fail, if they reached it). */
  gtk_widget_activate_action (GTK_WIDGET (page), "landscape.add-run", "s", "adam");
  gtk_widget_activate_action (GTK_WIDGET (get_row (page, 0)), "run.duplicate", NULL);
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, 9)), "run.remove", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, 0)), "run.duplicate",
                                             NULL));
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 10);
}

/* Choosing a built-in surface shows it as it is meant to be: the Saddle
 * on diverging colours without log colours (half of it is below 0), every
 * run from just off its ridge inside its range; Rosenbrock back on log
 * colours from (-1.5, 2). A custom surface below 0 with log colours
 * switched on keeps the switch, and its row says why colours stay linear. */
static void
test_surface_defaults (UiTestWindow  *fixture,
                       gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  AdwActionRow *log_row = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "log_scale_row");
  const SdSceneSurface *surface;
  g_autoptr(GError) error = NULL;

  select_surface (page, "Saddle");
  ui_test_wait_for_canvas (page);
  surface = sd_scene_get_surface (get_scene (page));
  g_assert_false (surface->log_scale);
  g_assert_cmpstr (surface->color_map, ==, "coolwarm");
  g_assert_cmpfloat (surface->x_range[0], ==, -2.0);
  for (guint i = 0; i < surface->runs->len; i++)
    {
      g_assert_cmpfloat (get_run (page, i)->start[0], ==, -1.8);
      g_assert_cmpfloat (get_run (page, i)->start[1], ==, -0.01);
    }

  select_surface (page, "Rosenbrock");
  ui_test_wait_for_canvas (page);
  surface = sd_scene_get_surface (get_scene (page));
  g_assert_true (surface->log_scale);
  g_assert_null (surface->color_map);
  g_assert_cmpfloat (get_run (page, 0)->start[0], ==, -1.5);
  g_assert_cmpfloat (get_run (page, 0)->start[1], ==, 2.0);
  g_assert_cmpstr (adw_action_row_get_subtitle (log_row), ==,
                   "Colors and contour levels follow log f");

  g_assert_true (sd_landscape_model_set_expression (model, "x*y", NULL, &error));
  g_assert_no_error (error);
  ui_test_wait_for_canvas (page);
  g_assert_true (sd_scene_get_surface (get_scene (page))->log_scale);
  g_assert_cmpstr (adw_action_row_get_subtitle (log_row), ==,
                   "Not here: f is below 0 in view, so colors are linear");
}

/* The colour scale is fixed to the surface: panning keeps every point's
 * colour range; zooming out to values beyond it widens it; Fit to View
 * lets it span the values in view again; a saved scene keeps it, so an
 * export shows the colours on screen. */
static void
test_color_scale_fixed (UiTestWindow  *fixture,
                        gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  SdLandscapeResults *results = sd_landscape_page_get_results (page);
  double first[2], range[2], vmin, vmax;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) saved = NULL;

  /* 0.5 x^2 + 5 y^2 over [-5, 5]^2 spans [0, 137.5] on linear colours. */
  g_assert_true (sd_landscape_model_set_expression (model, "0.5*x^2 + 5*y^2", NULL, &error));
  g_assert_no_error (error);
  sd_landscape_model_set_log_scale (model, FALSE);
  sd_landscape_model_set_range (model, (double[2]) { -5, 5 }, (double[2]) { -5, 5 });
  ui_test_wait_for_canvas (page);
  g_assert_true (sd_landscape_results_get_color_pin (results, first));
  g_assert_cmpfloat (first[0], <, 0.1);
  g_assert_cmpfloat_with_epsilon (first[1], 137.5, 1e-9);

  /* Panned to [0, 5]^2 (values 0 to 137.5 still) and zoomed into [0, 1]^2
   * (values up to 5.5): the colours still span the first range. */
  sd_landscape_model_set_range (model, (double[2]) { 0, 1 }, (double[2]) { 0, 1 });
  ui_test_wait_for_canvas (page);
  g_assert_true (sd_landscape_get_color_range (sd_landscape_results_get_landscape (results),
                                               NULL, &vmin, &vmax));
  g_assert_cmpfloat (vmin, ==, first[0]);
  g_assert_cmpfloat (vmax, ==, first[1]);

  /* Zoomed out to [-10, 10]^2, where f reaches 550: the range widens. */
  sd_landscape_model_set_range (model, (double[2]) { -10, 10 }, (double[2]) { -10, 10 });
  ui_test_wait_for_canvas (page);
  g_assert_true (sd_landscape_results_get_color_pin (results, range));
  g_assert_cmpfloat_with_epsilon (range[1], 550.0, 1e-9);
  g_assert_true (sd_landscape_get_color_range (sd_landscape_results_get_landscape (results),
                                               NULL, &vmin, &vmax));
  g_assert_cmpfloat_with_epsilon (vmax, 550.0, 1e-9);

  saved = sd_page_dup_scene (SD_PAGE (page));
  g_assert_true (sd_scene_get_surface (saved)->has_color_range);
  g_assert_cmpfloat_with_epsilon (sd_scene_get_surface (saved)->color_range[1], 550.0, 1e-9);

  /* Fit to View over [0, 1]^2: the colours span [0, 5.5]. */
  sd_landscape_model_set_range (model, (double[2]) { 0, 1 }, (double[2]) { 0, 1 });
  ui_test_wait_for_canvas (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "landscape.fit-colors", NULL));
  ui_test_wait_for_canvas (page);
  g_assert_true (sd_landscape_get_color_range (sd_landscape_results_get_landscape (results),
                                               NULL, &vmin, &vmax));
  g_assert_cmpfloat_with_epsilon (vmax, 5.5, 1e-9);
}

/* The colour run @index is drawn in, everywhere. */
static void
run_color (SdLandscapePage *page,
           guint            index,
           double           rgba[4])
{
  sd_run_get_color (get_run (page, index), index, rgba);
}

/* A run's colour is one colour, assigned when the run is made and kept:
 * duplicating the first run recolours none of the others (their colours
 * came from their positions, which the copy moves), removing one neither,
 * and a new run takes the first run palette colour no run has. The
 * sidebar's swatch and the loss chart show the same colour as the map. */
static void
test_run_colors_kept (UiTestWindow  *fixture,
                      gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  const SdScene *scene = get_scene (page);
  guint n = sd_scene_get_surface (scene)->runs->len;
  double before[SD_SCENE_MAX_RUNS][4], rgba[4], palette[4];
  GdkRGBA swatch;

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_false (get_run (page, i)->has_color);
      run_color (page, i, before[i]);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, 0)), "run.duplicate", NULL));
  run_color (page, 0, rgba);
  g_assert_cmpmem (rgba, sizeof rgba, before[0], sizeof rgba);
  for (guint i = 1; i < n; i++)
    {
      run_color (page, i + 1, rgba);
      g_assert_cmpmem (rgba, sizeof rgba, before[i], sizeof rgba);
    }
  /* The copy: the first palette colour none of the n runs has. */
  sd_run_palette_color (n, palette);
  run_color (page, 1, rgba);
  g_assert_cmpmem (rgba, sizeof rgba, palette, sizeof rgba);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, 1)), "run.remove", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "landscape.add-run", "s", "sgd"));
  run_color (page, n, rgba);
  g_assert_cmpmem (rgba, sizeof rgba, palette, sizeof rgba);
  for (guint i = 0; i < n; i++)
    {
      run_color (page, i, rgba);
      g_assert_cmpmem (rgba, sizeof rgba, before[i], sizeof rgba);
    }

  gtk_color_chooser_get_rgba (ui_test_template_child (get_row (page, n), SD_TYPE_RUN_ROW,
                                                      "color_button"), &swatch);
  g_assert_cmpfloat_with_epsilon (swatch.red, palette[0], 1e-6);
  g_assert_cmpfloat_with_epsilon (swatch.green, palette[1], 1e-6);
  g_assert_cmpfloat_with_epsilon (swatch.blue, palette[2], 1e-6);
}

static void
test_runs (UiTestWindow  *fixture,
          gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  const SdScene *scene = get_scene (page);
  guint n = sd_scene_get_surface (scene)->runs->len;
  GtkColorChooser *color;
  GdkRGBA red = { 0.75, 0.125, 0.25, 1.0 };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "landscape.add-run", "s", "sgd"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "landscape.add-run", "s", "sgd"));
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, n + 2);
  g_assert_cmpint (get_run (page, n)->params.kind, ==, SD_OPTIMIZER_SGD);
  g_assert_true (names_unique (page));
  g_assert_nonnull (sd_landscape_page_get_run_row (page, n + 1));
  g_assert_null (sd_landscape_page_get_run_row (page, n + 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_row (page, n + 1))),
                   ==, get_run (page, n + 1)->name);

  /* A duplicate follows its original with the same settings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, 0)), "run.duplicate", NULL));
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, n + 3);
  g_assert_cmpint (get_run (page, 1)->params.kind, ==, get_run (page, 0)->params.kind);
  g_assert_cmpfloat (get_run (page, 1)->params.learning_rate, ==,
                     get_run (page, 0)->params.learning_rate);
  g_assert_true (names_unique (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, 1)), "run.remove", NULL));
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, n + 2);
  g_assert_null (sd_landscape_page_get_run_row (page, n + 2));

  gtk_toggle_button_set_active (ui_test_template_child (get_row (page, n), SD_TYPE_RUN_ROW, "visible_button"), FALSE);
  g_assert_false (get_run (page, n)->visible);
  gtk_toggle_button_set_active (ui_test_template_child (get_row (page, n), SD_TYPE_RUN_ROW, "visible_button"), TRUE);
  g_assert_true (get_run (page, n)->visible);

  color = ui_test_template_child (get_row (page, n), SD_TYPE_RUN_ROW, "color_button");
  gtk_color_chooser_set_rgba (color, &red);
  g_signal_emit_by_name (color, "color-set");
  g_assert_true (get_run (page, n)->has_color);
  g_assert_cmpfloat (get_run (page, n)->color[0], ==, 0.75);
  g_assert_cmpfloat (get_run (page, n)->color[1], ==, 0.125);
  g_assert_cmpfloat (get_run (page, n)->color[2], ==, 0.25);

  /* Renaming: applied names label the run; empty or taken names are refused. */
  {
    GtkEditable *name = ui_test_template_child (get_row (page, n), SD_TYPE_RUN_ROW, "name_row");
    g_autofree char *before = g_strdup (get_run (page, n)->name);

    g_assert_cmpstr (gtk_editable_get_text (name), ==, before);
    gtk_editable_set_text (name, "  ");
    g_signal_emit_by_name (name, "apply");
    g_assert_cmpstr (get_run (page, n)->name, ==, before);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
    g_assert_nonnull (sd_run_row_get_error (get_row (page, n)));

    gtk_editable_set_text (name, get_run (page, 0)->name);
    g_signal_emit_by_name (name, "apply");
    g_assert_cmpstr (get_run (page, n)->name, ==, before);
    g_assert_nonnull (strstr (sd_run_row_get_error (get_row (page, n)), get_run (page, 0)->name));

    gtk_editable_set_text (name, " lr = 0.1 ");
    g_signal_emit_by_name (name, "apply");
    g_assert_cmpstr (get_run (page, n)->name, ==, "lr = 0.1");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
    g_assert_null (sd_run_row_get_error (get_row (page, n)));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_row (page, n))),
                     ==, "lr = 0.1");
  }

  gtk_spin_button_set_value (ui_test_template_child (get_row (page, n), SD_TYPE_RUN_ROW, "steps_spin"), 50.0);
  g_assert_cmpuint (get_run (page, n)->steps, ==, 50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, n + 1)), "run.remove", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_row (page, n)), "run.remove", NULL));
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, n);
}

static void
test_optimizer (UiTestWindow  *fixture,
               gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  guint index = sd_landscape_model_add_run (sd_landscape_page_get_model (page), SD_OPTIMIZER_SGD);
  SdRunRow *row = get_row (page, index);
  AdwComboRow *optimizer = ui_test_template_child (row, SD_TYPE_RUN_ROW, "optimizer_row");

  /* torch.optim.Adam takes betas and eps, SGD with momentum takes a
   * momentum and no betas. */
  adw_combo_row_set_selected (optimizer, SD_OPTIMIZER_ADAM);
  g_assert_cmpint (get_run (page, index)->params.kind, ==, SD_OPTIMIZER_ADAM);
  g_assert_nonnull (sd_run_row_get_param_widget (row, "beta1"));
  g_assert_nonnull (sd_run_row_get_param_widget (row, "beta2"));
  g_assert_nonnull (sd_run_row_get_param_widget (row, "epsilon"));
  g_assert_null (sd_run_row_get_param_widget (row, "momentum"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (sd_run_row_get_param_widget (row, "beta2"))),
                     ==, 0.999);

  adw_combo_row_set_selected (optimizer, SD_OPTIMIZER_MOMENTUM);
  g_assert_cmpint (get_run (page, index)->params.kind, ==, SD_OPTIMIZER_MOMENTUM);
  g_assert_nonnull (sd_run_row_get_param_widget (row, "momentum"));
  g_assert_null (sd_run_row_get_param_widget (row, "beta1"));

  /* Every key the kind reads has its control, and only those. */
  for (guint kind = 0; kind < SD_N_OPTIMIZER_KINDS; kind++)
    {
      const char * const *keys = sd_optimizer_kind_get_keys (kind);

      adw_combo_row_set_selected (optimizer, kind);
      for (guint i = 0; keys[i] != NULL; i++)
        g_assert_nonnull (sd_run_row_get_param_widget (row, keys[i]));
      for (const char * const *key = (const char * const[]) { "momentum", "alpha", "beta1", "beta2",
                                                               "epsilon", "weight-decay", "damping",
                                                               "batch-size", "seed", NULL };
           *key != NULL; key++)
        g_assert_true ((sd_run_row_get_param_widget (row, *key) != NULL)
                       == sd_optimizer_kind_has_key (kind, *key));
    }

  /* A spin edit reaches the model; a value out of range shows the
   * engine's message and leaves the model alone. */
  adw_combo_row_set_selected (optimizer, SD_OPTIMIZER_MOMENTUM);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sd_run_row_get_param_widget (row, "momentum")), 0.5);
  g_assert_cmpfloat (get_run (page, index)->params.momentum, ==, 0.5);
  g_assert_null (sd_run_row_get_error (row));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sd_run_row_get_param_widget (row, "momentum")), -0.5);
  g_assert_cmpfloat (get_run (page, index)->params.momentum, ==, 0.5);
  g_assert_nonnull (sd_run_row_get_error (row));
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (row, SD_TYPE_RUN_ROW, "error_row")));
  g_assert_cmpstr (gtk_label_get_text (ui_test_template_child (row, SD_TYPE_RUN_ROW, "error_label")), ==,
                   sd_run_row_get_error (row));

  sd_landscape_model_remove_run (sd_landscape_page_get_model (page), index);
}

static void
test_learning_rate (UiTestWindow  *fixture,
                   gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  guint index = sd_landscape_model_add_run (sd_landscape_page_get_model (page), SD_OPTIMIZER_SGD);
  SdRunRow *row = get_row (page, index);
  GtkRange *scale = ui_test_template_child (row, SD_TYPE_RUN_ROW, "learning_rate_scale");
  GtkEditable *entry = ui_test_template_child (row, SD_TYPE_RUN_ROW, "learning_rate_entry");
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  double before;

  /* The slider's position p is log10 of the rate, which it sets rounded
   * to two significant digits: 10^-2.5 = 0.0031623 is 0.0032, 10^-1.3 =
   * 0.0501187 is 0.05. */
  gtk_range_set_value (scale, -2.5);
  g_assert_cmpfloat (get_run (page, index)->params.learning_rate, ==, 0.0032);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "0.0032");
  gtk_range_set_value (scale, -1.3);
  g_assert_cmpfloat (get_run (page, index)->params.learning_rate, ==, 0.05);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "0.05");
  gtk_range_set_value (scale, -1.0);
  g_assert_cmpfloat_with_epsilon (get_run (page, index)->params.learning_rate, 0.1, 1e-15);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "0.1");

  /* The exact entry, and the slider follows it. */
  gtk_editable_set_text (entry, "0.002");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpfloat (get_run (page, index)->params.learning_rate, ==, 0.002);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), log10 (0.002), 1e-2);
  before = get_run (page, index)->params.learning_rate;

  /* -1 is refused with the engine's own message. */
  sd_optimizer_params_init (&params, SD_OPTIMIZER_SGD);
  g_assert_false (sd_optimizer_params_set (&params, "learning-rate", -1.0, &error)
                  && sd_optimizer_params_validate (&params, &error));
  gtk_editable_set_text (entry, "-1");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpfloat (get_run (page, index)->params.learning_rate, ==, before);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (sd_run_row_get_error (row), ==, error->message);

  gtk_editable_set_text (entry, "fast");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpfloat (get_run (page, index)->params.learning_rate, ==, before);
  g_assert_nonnull (strstr (sd_run_row_get_error (row), "fast"));

  /* Leaving the entry applies it too. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ui_test_spin ();
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, "0.01");
  gtk_widget_grab_focus (adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "canvas_bin")));
  g_assert_cmpfloat (get_run (page, index)->params.learning_rate, ==, 0.01);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_null (sd_run_row_get_error (row));

  sd_landscape_model_remove_run (sd_landscape_page_get_model (page), index);
}

static void
test_start (UiTestWindow  *fixture,
           gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  const SdScene *scene = get_scene (page);
  guint n_runs = sd_scene_get_surface (scene)->runs->len;
  guint added;

  added = sd_landscape_model_add_run (sd_landscape_page_get_model (page), SD_OPTIMIZER_RMSPROP);
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "start_x_spin"), 0.5);
  gtk_spin_button_set_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "start_y_spin"), -0.25);

  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, n_runs + 1);
  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    {
      g_assert_cmpfloat (get_run (page, i)->start[0], ==, 0.5);
      g_assert_cmpfloat (get_run (page, i)->start[1], ==, -0.25);
    }

  /* The loss at the new start: f(0.5, -0.25) = 0.25 + 100 * 0.25 = 25.25. */
  ui_test_wait_for_canvas (page);
  g_assert_cmpfloat_with_epsilon (sd_trajectory_get_point (sd_landscape_page_get_trajectory (page, 0), 0)->loss,
                                  25.25, 1e-12);

  /* Moving the start from elsewhere (a click on the map) shows here. */
  sd_landscape_model_set_start (sd_landscape_page_get_model (page), -1.5, 2.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "start_x_spin")),
                     ==, -1.5);
  g_assert_cmpfloat (gtk_spin_button_get_value (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "start_y_spin")),
                     ==, 2.0);

  sd_landscape_model_remove_run (sd_landscape_page_get_model (page), added);
}

/* Long runs are computed by the canvas on a worker. While a run added is
 * on its way, the page shows no values rather than values under the wrong
 * run's index; once the runs are applied, every run has its values. */
static void
test_pending_runs (UiTestWindow  *fixture,
                  gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  GtkWidget *canvas = adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "canvas_bin"));
  guint steps = get_run (page, 1)->steps;
  guint added;

  sd_landscape_model_set_run_steps (model, 1, SD_TRAJECTORY_MAX_STEPS);
  ui_test_wait_for_canvas (page);
  g_assert_nonnull (sd_landscape_page_get_trajectory (page, 0));

  added = sd_landscape_model_add_run (model, SD_OPTIMIZER_SGD);
  g_assert_cmpuint (added, ==, sd_scene_get_surface (get_scene (page))->runs->len - 1);
  g_assert_true (sd_landscape_canvas_is_busy (SD_LANDSCAPE_CANVAS (canvas)));
  for (guint i = 0; i <= added; i++)
    {
      g_autofree char *stats = sd_landscape_page_format_run_stats (page, i);

      g_assert_null (sd_landscape_page_get_trajectory (page, i));
      g_assert_null (stats);
    }

  ui_test_wait_for_canvas (page);
  for (guint i = 0; i <= added; i++)
    {
      g_autofree char *stats = sd_landscape_page_format_run_stats (page, i);

      g_assert_nonnull (sd_landscape_page_get_trajectory (page, i));
      g_assert_nonnull (stats);
    }
  g_assert_cmpuint (sd_trajectory_get_n_points (sd_landscape_page_get_trajectory (page, 0)), ==,
                    get_run (page, 0)->steps + 1);

  sd_landscape_model_remove_run (model, added);
  sd_landscape_model_set_run_steps (model, 1, steps);
  ui_test_wait_for_canvas (page);
}

/* The default race tells the classic story: after 500 steps from
 * (-1.5, 2), SGD is still high up the valley, Adam is on its floor and
 * momentum nearly at the minimum. The losses are torch.optim's:
 *
 *   import torch
 *   def run(make):
 *       p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
 *       o = make([p])
 *       for _ in range(500):
 *           o.zero_grad(); x, y = p; ((1-x)**2 + 100*(y-x**2)**2).backward(); o.step()
 *       x, y = p.detach(); return float((1-x)**2 + 100*(y-x**2)**2)
 *   run(lambda ps: torch.optim.Adam(ps, lr=0.05))              # 0.11215883064497328
 *   run(lambda ps: torch.optim.SGD(ps, lr=0.001, momentum=0.9)) # 0.004433170703353612
 *   run(lambda ps: torch.optim.SGD(ps, lr=0.001))               # 4.470450086391688
 */
static void
test_default_race (UiTestWindow  *fixture,
                  gconstpointer  data)
{
  static const struct { const char *name; SdOptimizerKind kind; double loss; } expected[] = {
    { "Adam", SD_OPTIMIZER_ADAM, 0.11215883064497328 },
    { "Momentum", SD_OPTIMIZER_MOMENTUM, 0.004433170703353612 },
    { "SGD", SD_OPTIMIZER_SGD, 4.470450086391688 },
  };
  g_autoptr(SdLandscapeModel) model = sd_landscape_model_new ();
  const SdScene *scene = sd_landscape_model_get_scene (model);

  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, i);
      g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, NULL);
      g_autoptr(SdTrajectory) trajectory = NULL;
      g_autoptr(GError) error = NULL;
      const SdOptimizerState *last;

      g_assert_cmpstr (run->name, ==, expected[i].name);
      g_assert_cmpint (run->params.kind, ==, expected[i].kind);
      trajectory = sd_trajectory_compute (surface, &run->params, run->start, run->steps, NULL,
                                          &error);
      g_assert_no_error (error);
      last = sd_trajectory_get_point (trajectory, 500);
      g_assert_cmpfloat_with_epsilon (last->loss, expected[i].loss, 1e-9 * expected[i].loss);
    }
}

static gboolean
spinner_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* A long computation (a 4096 x 4096 grid of a costly expression takes a
 * few hundred ms) shows the spinner over the canvas once it has taken
 * BUSY_DELAY_MS (250 ms); a short one never does. */
static void
test_busy_spinner (UiTestWindow  *fixture,
                  gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  GtkWidget *spinner = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "busy_spinner");
  SdLandscapeCanvas *canvas = ui_test_landscape_canvas (page);
  g_autoptr(GError) error = NULL;
  guint resolution = sd_scene_get_surface (sd_landscape_model_get_scene (model))->resolution;
  const SdSceneRun *first = g_ptr_array_index (sd_scene_get_surface (sd_landscape_model_get_scene (model))->runs, 0);
  double start[2] = { first->start[0], first->start[1] };

  ui_test_wait_for_canvas (page);
  g_assert_false (gtk_widget_get_visible (spinner));

  /* A new start point: the runs are computed at once, no spinner. */
  sd_landscape_model_set_start (model, -1.0, 1.5);
  ui_test_wait_for_canvas (page);
  g_assert_false (gtk_widget_get_visible (spinner));

  sd_landscape_model_set_function (model, "custom");
  g_assert_true (sd_landscape_model_set_expression (
    model, "sin(3*x)*cos(2*y)*exp(-0.1*x^2) + log(1 + x^2 + y^2)*atan(x*y)", NULL, &error));
  g_assert_no_error (error);
  sd_landscape_model_set_resolution (model, SD_SCENE_MAX_RESOLUTION);
  g_assert_true (sd_landscape_canvas_is_busy (canvas));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (ui_test_wait_for (spinner_shown, spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  ui_test_wait_for_canvas (page);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  sd_landscape_model_set_resolution (model, resolution);
  sd_landscape_model_set_function (model, "rosenbrock");
  sd_landscape_model_set_start (model, start[0], start[1]);
  ui_test_wait_for_canvas (page);
}

/* Opening a scene replaces everything the controls show. */
static void
test_open_scene (UiTestWindow  *fixture,
                gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_SURFACE);
  SdSceneRun *run;

  g_free (sd_scene_get_surface (scene)->function);
  sd_scene_get_surface (scene)->function = g_strdup ("beale");
  run = sd_scene_add_run (scene, "Only", SD_OPTIMIZER_NESTEROV);
  run->steps = 40;
  sd_landscape_model_set_scene (sd_landscape_page_get_model (page), g_steal_pointer (&scene));

  g_assert_cmpuint (adw_combo_row_get_selected (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "surface_row")),
                    ==, find_surface (page, "Beale"));
  g_assert_nonnull (sd_landscape_page_get_run_row (page, 0));
  g_assert_null (sd_landscape_page_get_run_row (page, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_row (page, 0))), ==, "Only");
  g_assert_cmpuint (sd_playback_get_n_iterations (sd_landscape_page_get_playback (page)), ==, 40);
  g_assert_cmpint (adw_combo_row_get_selected (ui_test_template_child (get_row (page, 0), SD_TYPE_RUN_ROW, "optimizer_row")),
                   ==, SD_OPTIMIZER_NESTEROV);
}

/* The readouts under the figure say why a run ended once the playback
 * reaches its end: a start outside the domain of log has no loss, which
 * reads "undefined", never NaN; Newton at an indefinite Hessian stays put
 * and says so. */
static void
test_stats_say_why (UiTestWindow  *fixture,
                    gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  static const char text[] =
    "[Scene]\nversion=1\nkind=surface\n"
    "[Surface]\nfunction=custom\nexpression=log(x) - y^2\n"
    "[Run Outside]\noptimizer=sgd\nstart=-1.5;0\nsteps=20\n"
    "[Run Newton]\noptimizer=newton\nstart=1;0\nsteps=20\n"
    "[Run Plain]\noptimizer=sgd\nlearning-rate=0.01\nstart=1;0\nsteps=20\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = sd_scene_load_data (text, strlen (text), "stats.saddle", &error);
  g_autofree char *outside = NULL, *newton = NULL, *plain = NULL;

  g_assert_no_error (error);
  sd_landscape_model_set_scene (sd_landscape_page_get_model (page), g_steal_pointer (&scene));
  ui_test_wait_for_canvas (page);

  outside = sd_landscape_page_format_run_stats (page, 0);
  newton = sd_landscape_page_format_run_stats (page, 1);
  plain = sd_landscape_page_format_run_stats (page, 2);
  g_assert_cmpstr (outside, ==,
                   "loss undefined · ‖∇f‖ undefined · start outside the domain of f");
  g_assert_cmpstr (newton, ==, "loss 0 · ‖∇f‖ 1 · stopped at iteration 0: "
                               "Hessian not positive definite");
  g_assert_true (g_str_has_prefix (plain, "loss "));
  g_assert_null (strstr (plain, " · completed"));
}

typedef struct
{
  SdFigureView *view;
  double        scale;
} DrawnScale;

/* The canvas drew its last frame at its present size. */
static gboolean
is_canvas_drawn (gpointer data)
{
  SdFigureView *view = data;
  const SdFigureOptions *options = sd_figure_view_get_drawn_options (view);

  return !gtk_widget_get_realized (GTK_WIDGET (view))
         || (options->width == gtk_widget_get_width (GTK_WIDGET (view))
             && options->height == gtk_widget_get_height (GTK_WIDGET (view))
             && options->scale == sd_figure_view_get_figure_scale (view));
}

static gboolean
is_drawn_at (gpointer data)
{
  DrawnScale *drawn = data;

  return sd_figure_view_get_drawn_options (drawn->view)->scale == drawn->scale;
}

/* The map draws its text and lines at @scale: the frame on screen was
 * drawn so, and its axis labels are that much larger. */
static void
assert_canvas_scale (SdLandscapePage *page,
                     double           scale)
{
  SdFigureView *canvas = SD_FIGURE_VIEW (ui_test_landscape_canvas (page));
  const SdLandscape *landscape = sd_landscape_canvas_get_landscape (SD_LANDSCAPE_CANVAS (canvas));
  SdFigureOptions options;
  SdThemeStyle normal;
  g_autoptr(SdPlot) plot = NULL;
  cairo_surface_t *image;
  cairo_t *cr;

  g_assert_cmpfloat (sd_figure_view_get_figure_scale (canvas), ==, scale);
  g_assert_true (ui_test_wait_for (is_drawn_at, &(DrawnScale) { canvas, scale }));

  /* What the canvas would export, drawn at its size, uses the larger type. */
  sd_figure_view_get_options (canvas, 800, 600, &options);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cr = cairo_create (image);
  plot = sd_landscape_draw ((SdLandscape *) landscape, cr, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  sd_theme_get_style (options.theme, 1.0, &normal);
  g_assert_cmpfloat_with_epsilon (sd_plot_get_style (plot)->font_size,
                                  scale * normal.font_size, 1e-9);
}

/* The map's plot area in the canvas's points, from where it puts the
 * corners of the scene's range. */
static double
plot_area (SdLandscapePage *page,
           double          *height)
{
  SdLandscapeCanvas *canvas = ui_test_landscape_canvas (page);
  const SdSceneSurface *surface = sd_scene_get_surface (get_scene (page));
  double x0, y0, x1, y1;

  g_assert_true (ui_test_wait_for (is_canvas_drawn, canvas));
  sd_landscape_canvas_data_to_point (canvas, surface->x_range[0], surface->y_range[0], &x0, &y0);
  sd_landscape_canvas_data_to_point (canvas, surface->x_range[1], surface->y_range[1], &x1, &y1);
  g_assert_true (isfinite (x0) && isfinite (y1));
  *height = y0 - y1;
  return (x1 - x0) * (y0 - y1);
}

static SdWindow *size_window;

static gboolean
has_size (gpointer data)
{
  const int *size = data;

  /* The window's own decorations take a few pixels of its size. */
  return ABS (gtk_widget_get_width (GTK_WIDGET (size_window)) - size[0]) <= 16
         && ABS (gtk_widget_get_height (GTK_WIDGET (size_window)) - size[1]) <= 16;
}

static struct
{
  GtkWidget       *page;
  GtkWidget       *canvas;
  GtkWidget       *side_box;
  GtkToggleButton *chart_button;
  GtkRevealer     *chart_revealer;
  gboolean         wide;
} expected_layout;

/* The page has placed the chart for the screen's shape, and the header bar
 * and the sidebar have slid away. */
static gboolean
has_layout (gpointer data)
{
  double width = gtk_widget_get_width (expected_layout.page);

  return gtk_widget_get_visible (expected_layout.side_box) == expected_layout.wide
         && gtk_toggle_button_get_active (expected_layout.chart_button) == expected_layout.wide
         && gtk_revealer_get_child_revealed (expected_layout.chart_revealer) == expected_layout.wide
         && gtk_widget_get_height (expected_layout.page)
            >= gtk_widget_get_height (GTK_WIDGET (size_window)) - 2
         && gtk_widget_get_width (expected_layout.canvas) >= (expected_layout.wide ? 0.7 : 0.95)
                                                            * width;
}

/* On a projector's screen, 1280 × 720 or 1024 × 768, presenting gives the
 * map more room than the window does, though its type is larger: the
 * header bar and the sidebar step aside; on a wide screen the loss chart
 * stands beside the map, on a narrow one it folds away (and comes back
 * when leaving). */
static void
test_presentation_room (UiTestWindow  *fixture,
                        gconstpointer  data)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1024, 768 } };
  SdWindow *window = get_window ();
  SdLandscapePage *page = get_page ();
  GtkWidget *side_box = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "side_box");
  GtkWidget *chart = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE, "chart_bin");
  GtkToggleButton *chart_button = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE,
                                                          "chart_button");

  size_window = window;
  expected_layout.page = GTK_WIDGET (page);
  expected_layout.canvas = GTK_WIDGET (ui_test_landscape_canvas (page));
  expected_layout.side_box = side_box;
  expected_layout.chart_revealer = ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE,
                                                           "chart_revealer");
  expected_layout.chart_button = chart_button;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gboolean wide = i == 0;
      double normal, presenting, normal_height, presenting_height;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      g_assert_true (ui_test_wait_for (has_size, (gpointer) sizes[i]));
      normal = plot_area (page, &normal_height);
      g_assert_false (gtk_widget_get_visible (side_box));
      g_assert_true (gtk_toggle_button_get_active (chart_button));

      sd_window_set_presentation_mode (window, TRUE);
      expected_layout.wide = wide;
      g_assert_true (ui_test_wait_for (has_layout, &expected_layout));
      presenting = plot_area (page, &presenting_height);
      g_test_message ("%d × %d: plot %.0f × %.0f points in the window, %.0f × %.0f presenting",
                      sizes[i][0], sizes[i][1], normal / normal_height, normal_height,
                      presenting / presenting_height, presenting_height);
      g_assert_cmpfloat (presenting, >, normal);
      g_assert_cmpfloat (presenting_height, >, normal_height);
      g_assert_cmpint (gtk_toggle_button_get_active (chart_button), ==, wide);
      g_assert_cmpint (gtk_widget_get_visible (side_box), ==, wide);
      g_assert_cmpint (gtk_widget_is_ancestor (chart, side_box), ==, wide);

      sd_window_set_presentation_mode (window, FALSE);
      ui_test_spin ();
      g_assert_false (gtk_widget_get_visible (side_box));
      g_assert_false (gtk_widget_is_ancestor (chart, side_box));
      g_assert_true (gtk_toggle_button_get_active (chart_button));
    }
}

static void
test_presentation (UiTestWindow  *fixture,
                  gconstpointer  data)
{
  SdWindow *window = get_window ();
  SdPage *frame = SD_PAGE (get_page ());

  GtkWidget *chart = adw_bin_get_child (ui_test_template_child (get_page (),
                                                                SD_TYPE_LANDSCAPE_PAGE,
                                                                "chart_bin"));
  int height;

  /* The loss chart is 160 points tall, and grows with the presentation
   * scale (1.5 by default) like the type in it. */
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 160);

  g_assert_true (sd_page_get_sidebar_shown (frame));
  assert_canvas_scale (get_page (), 1.0);
  sd_window_set_presentation_mode (window, TRUE);
  g_assert_false (sd_page_get_sidebar_shown (frame));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 240);
  assert_canvas_scale (get_page (), 1.5);

  sd_window_set_presentation_mode (window, FALSE);
  g_assert_true (sd_page_get_sidebar_shown (frame));
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 160);
  assert_canvas_scale (get_page (), 1.0);
}

static void
test_playback_object (UiTestWindow  *fixture,
                     gconstpointer  data)
{
  g_autoptr(SdPlayback) playback = sd_playback_new ();

  /* Nothing to play: play stays off. */
  sd_playback_set_playing (playback, TRUE);
  g_assert_false (sd_playback_get_playing (playback));

  sd_playback_set_n_iterations (playback, 10);
  sd_playback_set_speed (playback, 4.0);
  sd_playback_set_playing (playback, TRUE);
  /* 4 iterations per second: 0.3 s is 1.2 iterations, then 0.2 s more
   * makes 2.0. */
  sd_playback_advance (playback, 0.3);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 1);
  sd_playback_advance (playback, 0.2);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 2);
  sd_playback_advance (playback, 100.0);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 10);
  g_assert_false (sd_playback_get_playing (playback));

  /* Playing at the end starts over. */
  sd_playback_toggle (playback);
  g_assert_true (sd_playback_get_playing (playback));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);

  sd_playback_step (playback, 3);
  g_assert_false (sd_playback_get_playing (playback));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 3);
  sd_playback_step (playback, -5);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);
  sd_playback_set_iteration (playback, 8);
  sd_playback_set_n_iterations (playback, 5);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 5);

  g_assert_finalize_object (g_steal_pointer (&playback));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_require_display ();

  gtk_test_init (&argc, &argv, NULL);

  /* The window's template names the page; the executable does not export
   * its symbols for GtkBuilder to find the type by name. */
  g_type_ensure (SD_TYPE_LANDSCAPE_PAGE);

  app = sd_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  ui_test_use_application (app);

#define ADD(path, func) \
  g_test_add (path, UiTestWindow, NULL, ui_test_window_setup, func, ui_test_window_teardown)

  ADD ("/ui/landscape/playback/object", test_playback_object);
  ADD ("/ui/landscape/playback/controls", test_playback);
  ADD ("/ui/landscape/playback/ticks", test_play_ticks);
  ADD ("/ui/landscape/playback/keys", test_keys);
  ADD ("/ui/landscape/surface/controls", test_surface);
  ADD ("/ui/landscape/surface/expression", test_expression);
  ADD ("/ui/landscape/runs/add-duplicate-remove", test_runs);
  ADD ("/ui/landscape/runs/colors-kept", test_run_colors_kept);
  ADD ("/ui/landscape/surface-defaults", test_surface_defaults);
  ADD ("/ui/landscape/color-scale-fixed", test_color_scale_fixed);
  ADD ("/ui/landscape/runs/limit", test_runs_limit);
  ADD ("/ui/landscape/sidebar/wheel-scrolls", test_wheel_scrolls);
  ADD ("/ui/landscape/runs/optimizer", test_optimizer);
  ADD ("/ui/landscape/runs/learning-rate", test_learning_rate);
  ADD ("/ui/landscape/runs/start", test_start);
  ADD ("/ui/landscape/runs/pending", test_pending_runs);
  ADD ("/ui/landscape/canvas/busy-spinner", test_busy_spinner);
  ADD ("/ui/landscape/scene/default-race", test_default_race);
  ADD ("/ui/landscape/scene/open", test_open_scene);
  ADD ("/ui/landscape/stats-say-why", test_stats_say_why);
  ADD ("/ui/landscape/window/presentation", test_presentation);
  ADD ("/ui/landscape/window/presentation-room", test_presentation_room);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
