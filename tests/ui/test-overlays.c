/* test-overlays.c: the Landscape page's Explain group and the canvas's overlays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "application.h"
#include "core-error.h"
#include "landscape-canvas.h"
#include "landscape-page.h"
#include "window.h"

#include "explain-group.h"
#include "ui-test-landscape.h"
#include "ui-test-utils.h"

/* The Explain group's own widgets, by their ids in its template. */
static gpointer
explain_child (SdLandscapePage *page,
               const char      *name)
{
  return ui_test_template_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE,
                                                         "explain_group"),
                                 SD_TYPE_EXPLAIN_GROUP, name);
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

  return page;
}

static const char *
label_text (SdLandscapePage *page,
            const char      *name)
{
  return gtk_label_get_text (explain_child (page, name));
}

static void
set_switch (SdLandscapePage *page,
            const char      *name,
            gboolean         active)
{
  gtk_switch_set_active (explain_child (page, name), active);
  ui_test_spin ();
}

/* What the model's runs have explained: one run at most, returned in @run. */
static SdExplainFlags
explained (SdLandscapeModel *model,
           guint            *run)
{
  const SdScene *scene = sd_landscape_model_get_scene (model);
  SdExplainFlags flags = SD_EXPLAIN_NONE;

  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    {
      const SdSceneRun *scene_run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, i);

      if (scene_run->explain == SD_EXPLAIN_NONE)
        continue;
      g_assert_cmpint (flags, ==, SD_EXPLAIN_NONE);
      flags = scene_run->explain;
      if (run != NULL)
        *run = i;
    }

  return flags;
}

static gboolean
sensitive (SdLandscapePage *page,
           const char      *name)
{
  return gtk_widget_get_sensitive (explain_child (page, name));
}

/* The default scene is Adam (run 0) and momentum (run 1). Velocity exists
 * only for momentum and nesterov, per-coordinate step sizes only for Adam. */
static void
test_sensitivity (UiTestWindow  *fixture,
                 gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  AdwComboRow *runs = explain_child (page, "explain_run_row");
  guint sgd = sd_landscape_model_add_run (model, SD_OPTIMIZER_SGD);
  const SdScene *scene = sd_landscape_model_get_scene (model);

  ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (runs)), ==,
                    sd_scene_get_surface (scene)->runs->len);

  adw_combo_row_set_selected (runs, sgd);
  ui_test_spin ();
  g_assert_false (sensitive (page, "explain_velocity_row"));
  g_assert_false (sensitive (page, "explain_adam_row"));

  adw_combo_row_set_selected (runs, 1);
  ui_test_spin ();
  g_assert_cmpint (((const SdSceneRun *) g_ptr_array_index (sd_scene_get_surface (scene)->runs, 1))->params.kind, ==,
                   SD_OPTIMIZER_MOMENTUM);
  g_assert_true (sensitive (page, "explain_velocity_row"));
  g_assert_false (sensitive (page, "explain_adam_row"));

  adw_combo_row_set_selected (runs, 0);
  ui_test_spin ();
  g_assert_false (sensitive (page, "explain_velocity_row"));
  g_assert_true (sensitive (page, "explain_adam_row"));

  /* Switching the optimizer updates the rows too. */
  sd_landscape_model_set_run_optimizer (model, sgd, SD_OPTIMIZER_NESTEROV);
  adw_combo_row_set_selected (runs, sgd);
  ui_test_spin ();
  g_assert_true (sensitive (page, "explain_velocity_row"));

  sd_landscape_model_remove_run (model, sgd);
  ui_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (runs)), ==,
                    sd_scene_get_surface (scene)->runs->len);
}

/* On 0.5 x^2 + 5 y^2 the Hessian is diag (1, 10) everywhere: λ_min = 1,
 * λ_max = 10, condition 10, and gradient descent is stable below 2/10. */
static void
test_curvature_readout (UiTestWindow  *fixture,
                       gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  AdwComboRow *runs = explain_child (page, "explain_run_row");
  GtkWidget *rate = explain_child (page, "learning_rate_label");
  g_autoptr(GError) error = NULL;
  guint run, sgd;

  sd_landscape_model_set_function (model, "custom");
  g_assert_true (sd_landscape_model_set_expression (model, "0.5*x^2 + 5*y^2", NULL, &error));
  g_assert_no_error (error);
  sgd = sd_landscape_model_add_run (model, SD_OPTIMIZER_SGD);
  g_assert_true (sd_landscape_model_set_run_param (model, sgd, "learning-rate", 0.09, &error));
  g_assert_no_error (error);
  adw_combo_row_set_selected (runs, sgd);
  ui_test_wait_for_canvas (page);

  g_assert_false (gtk_widget_get_visible (explain_child (page, "curvature_readout_row")));
  g_assert_cmpint (explained (model, NULL), ==, SD_EXPLAIN_NONE);

  set_switch (page, "explain_curvature_switch", TRUE);
  g_assert_true (gtk_widget_get_visible (explain_child (page, "curvature_readout_row")));
  g_assert_cmpstr (label_text (page, "lambda_min_label"), ==, "λmin = 1");
  g_assert_cmpstr (label_text (page, "lambda_max_label"), ==, "λmax = 10");
  g_assert_cmpstr (label_text (page, "condition_label"), ==, "condition number 10");
  g_assert_cmpstr (label_text (page, "bound_label"), ==,
                   "stable if learning rate < 2/λmax = 0.2");
  g_assert_cmpstr (label_text (page, "learning_rate_label"), ==, "learning rate 0.09");
  g_assert_false (gtk_widget_has_css_class (rate, "error"));

  g_assert_cmpint (explained (model, &run), ==, SD_EXPLAIN_CURVATURE);
  g_assert_cmpuint (run, ==, sgd);

  /* Above the bound the learning rate is marked. */
  g_assert_true (sd_landscape_model_set_run_param (model, sgd, "learning-rate", 0.25, &error));
  g_assert_no_error (error);
  ui_test_wait_for_canvas (page);
  g_assert_cmpstr (label_text (page, "learning_rate_label"), ==, "learning rate 0.25");
  g_assert_true (gtk_widget_has_css_class (rate, "error"));

  /* Velocity is not SGD's: its switch adds nothing; the gradient does. */
  set_switch (page, "explain_velocity_switch", TRUE);
  g_assert_cmpint (explained (model, NULL), ==, SD_EXPLAIN_CURVATURE);
  set_switch (page, "explain_gradient_switch", TRUE);
  set_switch (page, "explain_step_switch", TRUE);
  g_assert_cmpint (explained (model, NULL), ==,
                   SD_EXPLAIN_CURVATURE | SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP);

  /* A momentum run gets its velocity. */
  adw_combo_row_set_selected (runs, 1);
  ui_test_spin ();
  g_assert_cmpint (explained (model, &run), ==,
                   SD_EXPLAIN_CURVATURE | SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP
                   | SD_EXPLAIN_VELOCITY);
  g_assert_cmpuint (run, ==, 1);

  /* A saddle x^2 - y^2: λ_min < 0, and only λ_max bounds the rate. */
  g_assert_true (sd_landscape_model_set_expression (model, "x^2 - 3*y^2", NULL, &error));
  g_assert_no_error (error);
  ui_test_wait_for_canvas (page);
  g_assert_cmpstr (label_text (page, "lambda_min_label"), ==, "λmin = −6");
  g_assert_cmpstr (label_text (page, "lambda_max_label"), ==, "λmax = 2");
  g_assert_cmpstr (label_text (page, "condition_label"), ==, "condition number 3");
  g_assert_cmpstr (label_text (page, "bound_label"), ==,
                   "stable if learning rate < 2/λmax = 1");

  set_switch (page, "explain_curvature_switch", FALSE);
  set_switch (page, "explain_gradient_switch", FALSE);
  set_switch (page, "explain_step_switch", FALSE);
  set_switch (page, "explain_velocity_switch", FALSE);
  g_assert_cmpint (explained (model, NULL), ==, SD_EXPLAIN_NONE);
  sd_landscape_model_remove_run (model, sgd);
  ui_test_spin ();
}

/* The readout follows the playback. On x^4 + y^2 the Hessian is
 * diag (12 x^2, 2); SGD with learning rate 0.01 from x0 = -1.5 takes
 * x1 = x0 - 0.01 * 4 x0^3 = -1.365, so λ_max goes from 12 * 2.25 = 27 to
 * 12 * 1.365^2 = 22.3587 (shown to three digits). */
static void
test_follows_iteration (UiTestWindow  *fixture,
                       gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  SdPlayback *playback = sd_landscape_page_get_playback (page);
  AdwComboRow *runs = explain_child (page, "explain_run_row");
  g_autoptr(GError) error = NULL;
  guint sgd;

  sd_landscape_model_set_function (model, "custom");
  g_assert_true (sd_landscape_model_set_expression (model, "x^4 + y^2", NULL, &error));
  g_assert_no_error (error);
  sd_landscape_model_set_start (model, -1.5, 0.5);
  sgd = sd_landscape_model_add_run (model, SD_OPTIMIZER_SGD);
  g_assert_true (sd_landscape_model_set_run_param (model, sgd, "learning-rate", 0.01, &error));
  g_assert_no_error (error);
  adw_combo_row_set_selected (runs, sgd);
  set_switch (page, "explain_curvature_switch", TRUE);

  sd_playback_set_iteration (playback, 0);
  ui_test_wait_for_canvas (page);
  g_assert_cmpstr (label_text (page, "lambda_min_label"), ==, "λmin = 2");
  g_assert_cmpstr (label_text (page, "lambda_max_label"), ==, "λmax = 27");
  g_assert_cmpstr (label_text (page, "condition_label"), ==, "condition number 13.5");

  sd_playback_set_iteration (playback, 1);
  ui_test_spin ();
  g_assert_cmpstr (label_text (page, "lambda_max_label"), ==, "λmax = 22.4");
  g_assert_cmpuint (sd_landscape_canvas_get_iteration (ui_test_landscape_canvas (page)), ==, 1);

  set_switch (page, "explain_curvature_switch", FALSE);
  sd_landscape_model_remove_run (model, sgd);
  ui_test_spin ();
}

/* The arrows' numbers. On x^2 + 4 y^2 gradient descent with learning
 * rate 0.05 from (1.8, 1.6) multiplies x by 0.9 and y by 0.6 a step:
 * iterate 2 is (1.458, 0.576), where grad f = (2x, 8y) = (2.916, 4.608),
 * so -0.05 grad f = (-0.1458, -0.2304), of length 0.27266, and it is also
 * the step to iterate 3. At learning rate 0.5 the first gradient step,
 * -0.5 (3.6, 12.8) = (-1.8, -6.4) of length 6.648, ends at y = -4.8,
 * below the map's -2. */
static void
test_arrows_readout (UiTestWindow  *fixture,
                    gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  SdPlayback *playback = sd_landscape_page_get_playback (page);
  AdwComboRow *runs = explain_child (page, "explain_run_row");
  GtkWidget *row = explain_child (page, "arrows_readout_row");
  g_autoptr(GError) error = NULL;
  const SdSceneRun *first = g_ptr_array_index (sd_scene_get_surface (sd_landscape_model_get_scene (model))->runs, 0);
  double start[2] = { first->start[0], first->start[1] };
  guint sgd;

  sd_landscape_model_set_function (model, "custom");
  g_assert_true (sd_landscape_model_set_expression (model, "x^2 + 4*y^2", NULL, &error));
  g_assert_no_error (error);
  sd_landscape_model_set_range (model, (double[2]) { -2.0, 2.0 }, (double[2]) { -2.0, 2.0 });
  sd_landscape_model_set_start (model, 1.8, 1.6);
  sgd = sd_landscape_model_add_run (model, SD_OPTIMIZER_SGD);
  g_assert_true (sd_landscape_model_set_run_param (model, sgd, "learning-rate", 0.05, &error));
  g_assert_no_error (error);
  adw_combo_row_set_selected (runs, sgd);
  ui_test_wait_for_canvas (page);
  g_assert_false (gtk_widget_get_visible (row));

  set_switch (page, "explain_gradient_switch", TRUE);
  set_switch (page, "explain_step_switch", TRUE);
  sd_playback_set_iteration (playback, 2);
  ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (label_text (page, "arrows_label"), ==,
                   "−η∇f = (−0.146, −0.23), length 0.273\n"
                   "step taken = (−0.146, −0.23), length 0.273");

  g_assert_true (sd_landscape_model_set_run_param (model, sgd, "learning-rate", 0.5, &error));
  g_assert_no_error (error);
  ui_test_wait_for_canvas (page);
  set_switch (page, "explain_step_switch", FALSE);
  sd_playback_set_iteration (playback, 0);
  ui_test_spin ();
  g_assert_cmpstr (label_text (page, "arrows_label"), ==,
                   "−η∇f = (−1.8, −6.4), length 6.65 (leaves the map)");
  /* Scaled to a readable length it stays on the map. */
  set_switch (page, "explain_readable_switch", TRUE);
  g_assert_cmpstr (label_text (page, "arrows_label"), ==, "−η∇f = (−1.8, −6.4), length 6.65");
  set_switch (page, "explain_readable_switch", FALSE);

  set_switch (page, "explain_gradient_switch", FALSE);
  g_assert_false (gtk_widget_get_visible (row));
  sd_landscape_model_remove_run (model, sgd);
  sd_landscape_model_set_function (model, "rosenbrock");
  sd_landscape_model_set_start (model, start[0], start[1]);
  ui_test_spin ();
}

static gboolean
switch_active (SdLandscapePage *page,
               const char      *name)
{
  return gtk_switch_get_active (explain_child (page, name));
}

static void
set_scene (SdLandscapeModel *model,
           const char       *text)
{
  g_autoptr(GError) error = NULL;
  SdScene *scene = sd_scene_load_data (text, strlen (text), "explain.saddle", &error);

  g_assert_no_error (error);
  sd_landscape_model_set_scene (model, scene);
  ui_test_spin ();
}

#define EXPLAIN_SCENE(explain) \
  "[Scene]\nversion=1\nkind=surface\n[Surface]\nfunction=booth\n" \
  "[Run Adam]\noptimizer=adam\nstart=1;1\n" \
  "[Run Heavy ball]\noptimizer=momentum\nstart=1;1\n" explain

/* The group is the scene's `explain` keys: an opened scene sets it, and
 * what the user switches is saved. */
static void
test_scene_explain (UiTestWindow  *fixture,
                   gconstpointer  data)
{
  SdLandscapePage *page = get_page ();
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  AdwComboRow *runs = explain_child (page, "explain_run_row");
  g_autofree char *saved = NULL;
  guint run = G_MAXUINT;

  set_scene (model, EXPLAIN_SCENE ("explain=velocity;step\n"));
  g_assert_cmpuint (adw_combo_row_get_selected (runs), ==, 1);
  g_assert_true (switch_active (page, "explain_velocity_switch"));
  g_assert_true (switch_active (page, "explain_step_switch"));
  g_assert_false (switch_active (page, "explain_gradient_switch"));
  g_assert_false (switch_active (page, "explain_curvature_switch"));
  g_assert_false (switch_active (page, "explain_adam_switch"));

  set_switch (page, "explain_gradient_switch", TRUE);
  g_assert_cmpint (explained (model, &run), ==,
                   SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP | SD_EXPLAIN_VELOCITY);
  g_assert_cmpuint (run, ==, 1);
  saved = sd_scene_to_data (sd_landscape_model_get_scene (model), NULL);
  g_assert_nonnull (strstr (saved, "[Run Heavy ball]\n"));
  g_assert_nonnull (strstr (saved, "explain=gradient;step;velocity\n"));

  /* Explaining Adam instead: its run has no velocity, so that is left out. */
  adw_combo_row_set_selected (runs, 0);
  ui_test_spin ();
  g_assert_cmpint (explained (model, &run), ==, SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP);
  g_assert_cmpuint (run, ==, 0);

  /* Readable lengths are the scene's explain-lengths key. */
  g_assert_false (switch_active (page, "explain_readable_switch"));
  set_switch (page, "explain_readable_switch", TRUE);
  g_assert_true (sd_scene_get_surface (sd_landscape_model_get_scene (model))->explain_readable);
  g_clear_pointer (&saved, g_free);
  saved = sd_scene_to_data (sd_landscape_model_get_scene (model), NULL);
  g_assert_nonnull (strstr (saved, "explain-lengths=readable\n"));

  /* A scene without the keys switches everything off. */
  set_scene (model, EXPLAIN_SCENE (""));
  g_assert_false (switch_active (page, "explain_readable_switch"));
  g_assert_false (switch_active (page, "explain_velocity_switch"));
  g_assert_false (switch_active (page, "explain_step_switch"));
  g_assert_false (switch_active (page, "explain_gradient_switch"));
  g_assert_cmpint (explained (model, NULL), ==, SD_EXPLAIN_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_require_display ();

  gtk_test_init (&argc, &argv, NULL);
  g_type_ensure (SD_TYPE_LANDSCAPE_PAGE);

  app = sd_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  ui_test_use_application (app);

#define ADD(path, func) \
  g_test_add (path, UiTestWindow, NULL, ui_test_window_setup, func, ui_test_window_teardown)

  ADD ("/ui/overlays/sensitivity", test_sensitivity);
  ADD ("/ui/overlays/curvature-readout", test_curvature_readout);
  ADD ("/ui/overlays/follows-iteration", test_follows_iteration);
  ADD ("/ui/overlays/scene", test_scene_explain);
  ADD ("/ui/overlays/arrows-readout", test_arrows_readout);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
