/* test-scene-io.c: opening, saving and exporting scenes from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "application.h"
#include "export-dialog.h"
#include "export.h"
#include "landscape-model.h"
#include "landscape-page.h"
#include "scene-io.h"
#include "window.h"

#include "ui-test-landscape.h"
#include "ui-test-utils.h"

static SdApplication *app;
static char *tmp_dir;

#define LESSON_SCENE \
  "[Scene]\nversion=1\nkind=surface\ntitle=Rosenbrock lesson\n" \
  "[Surface]\nfunction=rosenbrock\nx-range=-2;2\ny-range=-1;3\nresolution=64\n" \
  "[Run Adam]\noptimizer=adam\nlearning-rate=0.05\nstart=-1.5;2\nsteps=40\n"
#define BAD_SCENE \
  "[Scene]\nversion=1\nkind=surface\n[Surface]\nfunction=booth\n" \
  "[Run Adam]\noptimizer=adam\nstart=0;0\nlearning-rate=nan\n"
#define TRANSFORM_SCENE "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=2;1;1;2\n"

static SdWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
    }

  g_assert_true (SD_IS_WINDOW (window));
  return SD_WINDOW (window);
}

static char *
write_scene (const char *name,
             const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
model_data (SdWindow *window)
{
  return sd_scene_to_data (sd_landscape_model_get_scene (ui_test_landscape_model (window)),
                           NULL);
}

/* A message dialog on screen: the window presents its dialogs from an
 * idle, after creating them. */
static gboolean
has_message_dialog (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
no_message_dialog (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Asserts that the window shows a message dialog with @body, and closes it. */
static void
assert_message_shown (const char *heading,
                      const char *body)
{
  AdwMessageDialog *dialog;

  g_assert_true (ui_test_wait_for (has_message_dialog, NULL));
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (no_message_dialog, NULL));
}

static void
test_actions_enabled (UiTestWindow  *fixture,
                     gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  static const char * const actions[] = { "open", "save-as", "export" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *detailed = g_strconcat ("win.", actions[i], NULL);
      GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
      const GVariantType *parameter_type;
      const char *name, *property;
      gboolean found = FALSE;
      GType owner;

      for (guint j = 0;
           gtk_widget_class_query_action (klass, j, &owner, &name, &parameter_type, &property);
           j++)
        found |= g_str_equal (name, detailed);
      g_assert_true (found);
    }
}

static void
test_open (UiTestWindow  *fixture,
          gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autofree char *untitled_path = write_scene ("bowl.saddle",
                                                "[Scene]\nversion=1\nkind=surface\n"
                                                "[Surface]\nfunction=matyas\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) untitled = g_file_new_for_path (untitled_path);
  g_autoptr(SdScene) expected = sd_scene_load_file (path, NULL);
  g_autofree char *expected_data = sd_scene_to_data (expected, NULL);
  g_autofree char *data = NULL;
  SdLandscapeModel *model = ui_test_landscape_model (window);
  const SdScene *scene;
  const SdSceneRun *run;

  g_assert_true (sd_window_open_file (window, file));
  scene = sd_landscape_model_get_scene (model);
  g_assert_cmpstr (scene->title, ==, "Rosenbrock lesson");
  g_assert_cmpstr (sd_scene_get_surface (scene)->function, ==, "rosenbrock");
  g_assert_cmpfloat (sd_scene_get_surface (scene)->x_range[0], ==, -2.0);
  g_assert_cmpfloat (sd_scene_get_surface (scene)->y_range[1], ==, 3.0);
  g_assert_cmpuint (sd_scene_get_surface (scene)->resolution, ==, 64);
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 1);
  run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0);
  g_assert_cmpstr (run->name, ==, "Adam");
  g_assert_cmpint (run->params.kind, ==, SD_OPTIMIZER_ADAM);
  g_assert_cmpfloat (run->params.learning_rate, ==, 0.05);
  g_assert_cmpfloat (run->start[0], ==, -1.5);
  g_assert_cmpuint (run->steps, ==, 40);

  data = model_data (window);
  g_assert_cmpstr (data, ==, expected_data);
  g_assert_false (sd_landscape_model_get_modified (model));
  g_assert_true (g_file_equal (sd_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Rosenbrock lesson — Saddle");

  /* Without a title the file's name stands in. */
  g_assert_true (sd_window_open_file (window, untitled));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "bowl — Saddle");
}

static void
test_open_invalid (UiTestWindow  *fixture,
                  gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *good = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autofree char *bad = write_scene ("bad.saddle", BAD_SCENE);
  g_autofree char *transform = write_scene ("map.saddle", TRANSFORM_SCENE);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.saddle", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autofree char *before = NULL;
  g_autofree char *title = NULL;
  struct {
    const char *path;
    char       *message;
  } cases[] = {
    { bad, g_strdup_printf ("%s: [Run Adam] learning-rate: must be a positive finite number, "
                            "got 'nan'", bad) },
    { missing, g_strdup_printf ("%s: No such file or directory", missing) },
    { transform, g_strdup_printf ("%s: a transform scene; this version of Saddle cannot show it "
                                  "yet, because the Transform page is not built", transform) },
  };

  g_assert_true (sd_window_open_file (window, good_file));
  sd_landscape_model_set_contours (ui_test_landscape_model (window), 7);
  before = model_data (window);
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_cmpstr (title, ==, "• Rosenbrock lesson — Saddle");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      /* The window says what the loader says. */
      g_assert_null (sd_scene_io_load (cases[i].path, &error));
      g_assert_cmpstr (error->message, ==, cases[i].message);

      g_assert_false (sd_window_open_file (window, file));
      assert_message_shown ("Could Not Open Scene", cases[i].message);

      after = model_data (window);
      g_assert_cmpstr (after, ==, before);
      g_assert_true (sd_landscape_model_get_modified (ui_test_landscape_model (window)));
      g_assert_true (g_file_equal (sd_window_get_file (window), good_file));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
      g_free (cases[i].message);
    }
}

static void
test_save_as (UiTestWindow  *fixture,
             gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  SdLandscapeModel *model = ui_test_landscape_model (window);
  g_autofree char *source = write_scene ("source.saddle",
                                         "[Scene]\nversion=1\nkind=surface\n"
                                         "[Surface]\nfunction=himmelblau\n"
                                         "[Run GD]\noptimizer=sgd\nstart=0;0\n");
  g_autofree char *path = g_build_filename (tmp_dir, "saved.saddle", NULL);
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-folder", "x.saddle", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) loaded = NULL;
  g_autofree char *data = NULL;
  g_autofree char *loaded_data = NULL;
  double x_range[2] = { -3.0, 2.5 }, y_range[2] = { -4.0, 4.0 };

  g_assert_true (sd_window_open_file (window, source_file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "source — Saddle");

  /* Changes mark the title. */
  sd_landscape_model_set_range (model, x_range, y_range);
  sd_landscape_model_set_color_map (model, "magma");
  g_assert_true (sd_landscape_model_get_modified (model));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• source — Saddle");

  /* A failed save keeps everything as it was. */
  g_assert_false (sd_window_save_file (window, nowhere_file, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_true (sd_landscape_model_get_modified (model));
  g_assert_true (g_file_equal (sd_window_get_file (window), source_file));

  g_assert_true (sd_window_save_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (sd_landscape_model_get_modified (model));
  g_assert_true (g_file_equal (sd_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "saved — Saddle");

  loaded = sd_scene_load_file (path, &error);
  g_assert_no_error (error);
  loaded_data = sd_scene_to_data (loaded, NULL);
  data = model_data (window);
  g_assert_cmpstr (loaded_data, ==, data);
  g_assert_cmpfloat (sd_scene_get_surface (loaded)->x_range[0], ==, -3.0);
  g_assert_cmpfloat (sd_scene_get_surface (loaded)->x_range[1], ==, 2.5);
  g_assert_cmpstr (sd_scene_get_surface (loaded)->color_map, ==, "magma");

  /* The save went to the file and nowhere else: no temporary is left. */
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static gboolean
no_export_dialog (gpointer data)
{
  return ui_test_find_toplevel (SD_TYPE_EXPORT_DIALOG) == NULL;
}

static SdExportDialog *
open_export_dialog (SdWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = ui_test_find_toplevel (SD_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return SD_EXPORT_DIALOG (dialog);
}

static gpointer
dialog_child (SdExportDialog *dialog,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), SD_TYPE_EXPORT_DIALOG,
                                                  name);

  g_assert_nonnull (child);
  return child;
}

static void
on_exported (SdExportDialog *dialog,
             GFile          *file,
             GFile         **written)
{
  g_set_object (written, file);
}

static GFile *
export_with_dialog (SdExportDialog *dialog,
                    const char     *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *written = NULL;

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &written);
  sd_export_dialog_export_to_file (dialog, file);
  g_assert_true (ui_test_wait_for (no_export_dialog, NULL));
  g_assert_nonnull (written);
  return written;
}

static SdPlayback *
get_playback (SdWindow *window)
{
  return sd_landscape_page_get_playback (ui_test_landscape_page (window));
}

/* A scene stopped partway opens there, and saving keeps where the
 * timeline is: the file opens on the picture the window showed. */
static void
test_timeline_step (UiTestWindow  *fixture,
                   gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("stopped.saddle",
                                       "[Scene]\nversion=1\nkind=surface\nstep=10\n"
                                       "[Surface]\nfunction=booth\n"
                                       "[Run GD]\noptimizer=sgd\nstart=0;0\nsteps=40\n");
  g_autofree char *saved = g_build_filename (tmp_dir, "stopped-copy.saddle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  SdPlayback *playback = get_playback (window);

  g_assert_true (sd_window_open_file (window, file));
  g_assert_cmpuint (sd_playback_get_n_iterations (playback), ==, 40);
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 10);

  sd_playback_set_iteration (playback, 25);
  g_assert_true (sd_window_save_file (window, saved_file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdScene) loaded = sd_scene_load_file (saved, &error);

    g_assert_no_error (error);
    g_assert_true (loaded->has_step);
    g_assert_cmpuint (loaded->step, ==, 25);
  }

  /* The figure is what `saddle --export` draws for the saved scene. */
  {
    SdExportDialog *dialog = open_export_dialog (window);
    g_autofree char *reference = g_build_filename (tmp_dir, "stopped-reference.png", NULL);
    g_autoptr(SdScene) loaded = sd_scene_load_file (saved, &error);
    g_autoptr(GFile) written = NULL;
    g_autofree char *written_path = NULL;
    g_autofree char *bytes = NULL;
    g_autofree char *reference_bytes = NULL;
    gsize length, reference_length;
    SdExportOptions options;

    g_assert_no_error (error);
    sd_export_options_init (&options);
    g_assert_true (sd_export_scene (loaded, reference, &options, NULL, &error));
    g_assert_no_error (error);

    written = export_with_dialog (dialog, "stopped.png");
    written_path = g_file_get_path (written);
    g_assert_true (g_file_get_contents (written_path, &bytes, &length, NULL));
    g_assert_true (g_file_get_contents (reference, &reference_bytes, &reference_length, NULL));
    g_assert_cmpmem (bytes, length, reference_bytes, reference_length);
  }

  /* At the end of the timeline the paths are whole: no step is written. */
  sd_playback_set_iteration (playback, 40);
  g_assert_true (sd_window_save_file (window, saved_file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdScene) loaded = sd_scene_load_file (saved, &error);

    g_assert_no_error (error);
    g_assert_false (loaded->has_step);
  }

  /* A scene without a step opens with whole paths. */
  g_assert_true (sd_window_open_file (window, saved_file));
  g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 40);
}

/* A scene naming no colour map shows the preferred one; saving names it,
 * so the file looks the same elsewhere, and the default stays unnamed. */
static void
test_preferred_color_map (UiTestWindow  *fixture,
                         gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  GSettings *settings = sd_application_get_settings (app);
  g_autofree char *path = write_scene ("plain.saddle",
                                       "[Scene]\nversion=1\nkind=surface\n"
                                       "[Surface]\nfunction=booth\n");
  g_autofree char *saved = g_build_filename (tmp_dir, "plain-copy.saddle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_window_open_file (window, file));
  g_assert_null (sd_scene_get_surface (sd_landscape_model_get_scene (
                   ui_test_landscape_model (window)))->color_map);

  g_settings_set_string (settings, "color-map", "magma");
  g_assert_true (sd_window_save_file (window, saved_file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdScene) loaded = sd_scene_load_file (saved, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sd_scene_get_surface (loaded)->color_map, ==, "magma");
  }

  g_settings_reset (settings, "color-map");
  g_assert_true (sd_window_save_file (window, saved_file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdScene) loaded = sd_scene_load_file (saved, &error);

    g_assert_no_error (error);
    g_assert_null (sd_scene_get_surface (loaded)->color_map);
  }
}

static void
test_export_png (UiTestWindow  *fixture,
                gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *reference = g_build_filename (tmp_dir, "reference.png", NULL);
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written_path = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *reference_bytes = NULL;
  gsize length, reference_length;
  SdExportDialog *dialog;
  SdExportOptions options;
  SdExportFormat format;
  cairo_surface_t *image;

  g_assert_true (sd_window_open_file (window, file));
  dialog = open_export_dialog (window);

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 0);
  gtk_spin_button_set_value (dialog_child (dialog, "width_spin"), 400);
  gtk_spin_button_set_value (dialog_child (dialog, "height_spin"), 300);
  gtk_spin_button_set_value (dialog_child (dialog, "scale_spin"), 2);
  sd_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, SD_EXPORT_PNG);
  g_assert_cmpfloat (options.figure.width, ==, 400);
  g_assert_cmpfloat (options.figure.height, ==, 300);
  g_assert_cmpfloat (options.scale, ==, 2);
  g_assert_cmpint (options.figure.theme, ==, SD_THEME_LIGHT);
  g_assert_false (options.figure.transparent);

  /* The name has no extension: the chosen format's is added. */
  written = export_with_dialog (dialog, "figure");
  written_path = g_file_get_path (written);
  g_assert_true (g_str_has_suffix (written_path, "/figure.png"));

  image = cairo_image_surface_create_from_png (written_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  /* An opaque background makes an RGB PNG, without alpha. */
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_RGB24);
  cairo_surface_destroy (image);

  /* Exactly what `saddle --export figure.png --size 400x300 --scale 2` writes. */
  {
    g_autoptr(SdScene) scene = sd_scene_load_file (path, &error);

    g_assert_no_error (error);
    sd_export_options_init (&options);
    options.figure.width = 400;
    options.figure.height = 300;
    options.scale = 2;
    g_assert_true (sd_export_scene (scene, reference, &options, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (written_path, &bytes, &length, NULL));
  g_assert_true (g_file_get_contents (reference, &reference_bytes, &reference_length, NULL));
  g_assert_cmpmem (bytes, length, reference_bytes, reference_length);
}

static void
test_export_csv (UiTestWindow  *fixture,
                gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;
  g_autofree char *written_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  SdExportDialog *dialog;

  g_assert_true (sd_window_open_file (window, file));
  dialog = open_export_dialog (window);

  /* CSV has no figure: its options step aside; only PNG has a scale. */
  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 3);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "figure_group")));
  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 1);
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "figure_group")));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "scale_row")));
  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 3);

  written = export_with_dialog (dialog, "numbers.csv");
  written_path = g_file_get_path (written);
  g_assert_true (g_str_has_suffix (written_path, "/numbers.csv"));
  g_assert_true (g_file_get_contents (written_path, &csv, NULL, NULL));

  scene = sd_scene_load_file (path, &error);
  g_assert_no_error (error);
  expected = sd_scene_to_csv (scene, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==, expected);
}

/* JSON, like CSV, has no figure; the dialog writes what `saddle --export
 * numbers.json` writes. */
static void
test_export_json (UiTestWindow  *fixture,
                  gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;
  g_autofree char *written_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *expected = NULL;
  SdExportDialog *dialog;
  SdExportFormat format;

  g_assert_true (sd_window_open_file (window, file));
  dialog = open_export_dialog (window);

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 4);
  sd_export_dialog_get_options (dialog, &format, NULL);
  g_assert_cmpint (format, ==, SD_EXPORT_JSON);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "figure_group")));

  /* A name without the extension gets it. */
  written = export_with_dialog (dialog, "numbers");
  written_path = g_file_get_path (written);
  g_assert_true (g_str_has_suffix (written_path, "/numbers.json"));
  g_assert_true (g_file_get_contents (written_path, &json, NULL, NULL));

  scene = sd_scene_load_file (path, &error);
  g_assert_no_error (error);
  expected = sd_scene_to_json (scene, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, expected);
}

/* A figure that cannot be written says why over the dialog, which stays
 * open for another try. */
static void
test_export_error (UiTestWindow  *fixture,
                  gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  SdExportDialog *dialog = open_export_dialog (window);
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "figure.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strdup_printf ("%s: No such file or directory", path);
  AdwMessageDialog *message;

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 1);
  sd_export_dialog_export_to_file (dialog, file);

  /* What `saddle --export` says for the same file: the file chosen, not
   * the temporary one beside it that could not be created. */
  g_assert_true (ui_test_wait_for (has_message_dialog, NULL));
  message = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export Figure");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, expected);
  gtk_window_close (GTK_WINDOW (message));
  g_assert_true (ui_test_wait_for (no_message_dialog, NULL));

  g_assert_true (ui_test_find_toplevel (SD_TYPE_EXPORT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "export_button")));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (no_export_dialog, NULL));
}

static void
test_export_options (UiTestWindow  *fixture,
                    gconstpointer  user_data)
{
  SdExportDialog *dialog = open_export_dialog (get_window ());
  SdExportOptions options;
  SdExportFormat format;

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 2);
  adw_combo_row_set_selected (dialog_child (dialog, "theme_row"), 2);
  gtk_switch_set_active (dialog_child (dialog, "transparent_switch"), TRUE);
  sd_export_dialog_get_options (dialog, &format, &options);
  g_assert_cmpint (format, ==, SD_EXPORT_PDF);
  g_assert_cmpint (options.figure.theme, ==, SD_THEME_PRINT);
  g_assert_true (options.figure.transparent);

  adw_combo_row_set_selected (dialog_child (dialog, "theme_row"), 1);
  sd_export_dialog_get_options (dialog, NULL, &options);
  g_assert_cmpint (options.figure.theme, ==, SD_THEME_DARK);

  /* Cancel closes it and writes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_true (ui_test_wait_for (no_export_dialog, NULL));
}

/* What the file manager and `saddle FILE` do: the application's open.
 * A window holding a scene from a file is not taken over; a new one opens. */
static void
test_application_open (UiTestWindow  *fixture,
                      gconstpointer  user_data)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *opened;

  g_assert_true (sd_window_open_file (window, file));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  ui_test_spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  opened = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SD_IS_WINDOW (opened));
  g_assert_true (opened != GTK_WINDOW (window));
  g_assert_true (g_file_equal (sd_window_get_file (SD_WINDOW (opened)), file));
  g_assert_cmpstr (gtk_window_get_title (opened), ==, "Rosenbrock lesson — Saddle");

  ui_test_close_and_wait (opened);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static AdwMessageDialog *
find_discard_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog;

  g_assert_true (ui_test_wait_for (has_message_dialog, NULL));
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  return dialog;
}

/* Closing a window with unsaved changes asks first; cancelling keeps it,
 * discarding closes it. An unchanged window closes at once. */
static void
test_close_modified (UiTestWindow  *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = write_scene ("lesson.saddle", LESSON_SCENE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SdWindow *window = sd_window_new (GTK_APPLICATION (app),
                                    sd_application_get_settings (app));
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sd_window_open_file (window, file));
  sd_landscape_model_set_contours (ui_test_landscape_model (window), 3);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  gtk_window_close (GTK_WINDOW (window));
  ui_test_spin ();
  g_assert_nonnull (window);
  dialog = find_discard_dialog (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Rosenbrock lesson”"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (no_message_dialog, NULL));
  g_assert_nonnull (window);
  g_assert_true (sd_landscape_model_get_modified (ui_test_landscape_model (window)));

  gtk_window_close (GTK_WINDOW (window));
  dialog = find_discard_dialog (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, "discard");
  if (dialog != NULL)
    gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (is_null, &window));
  g_assert_true (ui_test_wait_for (no_message_dialog, NULL));
}

/* Under Xvfb without a portal the native choosers are GtkFileChooserDialogs:
 * their titles, filters and suggested names can be checked, and cancelling
 * them changes nothing. Accepting runs sd_window_open_file() and
 * sd_window_save_file(), tested above. */
static GtkFileChooser *
find_chooser (void)
{
  GtkWindow *chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_nonnull (chooser);
  return GTK_FILE_CHOOSER (chooser);
}

static gboolean
no_chooser (gpointer data)
{
  return ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL;
}

static void
check_file_choosers (void)
{
  SdWindow *window = get_window ();
  g_autofree char *path = write_scene ("chosen.saddle",
                                       "[Scene]\nversion=1\nkind=surface\n"
                                       "[Surface]\nfunction=booth\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *current_name = NULL;
  GtkFileChooser *chooser;
  GtkFileFilter *filter;

  g_assert_true (sd_window_open_file (window, file));
  before = model_data (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  chooser = find_chooser ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Open Scene");
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Saddle Scenes");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (ui_test_wait_for (no_chooser, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  chooser = find_chooser ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Save Scene As");
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  current_name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (current_name, ==, "chosen.saddle");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (ui_test_wait_for (no_chooser, NULL));

  after = model_data (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_equal (sd_window_get_file (window), file));
}

static void
test_file_choosers (UiTestWindow  *fixture,
                   gconstpointer  user_data)
{
#ifdef __SANITIZE_ADDRESS__
  /* A file chooser registers so many quarks that GLib outgrows its first
   * quark block, which it leaks on purpose (gquark.c, for lock-free
   * lookups) and LeakSanitizer cannot tell from a real leak without GLib's
   * symbols. */
  const gboolean sanitized = TRUE;
#else
  const gboolean sanitized = FALSE;
#endif

  if (sanitized)
    g_test_skip ("GLib's deliberate quark block leak fails LeakSanitizer");
  else
    check_file_choosers ();
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_require_display ();

  gtk_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("saddle-scene-io-XXXXXX", &error);
  g_assert_no_error (error);

  app = sd_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  ui_test_use_application (app);

#define ADD(path, func) \
  g_test_add (path, UiTestWindow, NULL, ui_test_window_setup, func, ui_test_window_teardown)

  ADD ("/ui/scene-io/actions-enabled", test_actions_enabled);
  ADD ("/ui/scene-io/open", test_open);
  ADD ("/ui/scene-io/open-invalid", test_open_invalid);
  ADD ("/ui/scene-io/save-as", test_save_as);
  ADD ("/ui/scene-io/timeline-step", test_timeline_step);
  ADD ("/ui/scene-io/preferred-color-map", test_preferred_color_map);
  ADD ("/ui/scene-io/application-open", test_application_open);
  ADD ("/ui/scene-io/close-modified", test_close_modified);
  ADD ("/ui/scene-io/file-choosers", test_file_choosers);
  ADD ("/ui/scene-io/export/png", test_export_png);
  ADD ("/ui/scene-io/export/csv", test_export_csv);
  ADD ("/ui/scene-io/export/json", test_export_json);
  ADD ("/ui/scene-io/export/error", test_export_error);
  ADD ("/ui/scene-io/export/options", test_export_options);

  status = g_test_run ();

  remove_tmp_dir ();
  g_clear_pointer (&tmp_dir, g_free);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
