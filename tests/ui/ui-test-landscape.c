/* ui-test-landscape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-landscape.h"
#include "ui-test-utils.h"

/**
 * ui_test_landscape_window:
 * @app: a registered application
 *
 * Returns: (transfer none): the active window, opened at a size where the
 *   whole page fits if there is none yet
 */
SdWindow *
ui_test_landscape_window (SdApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      gtk_window_set_default_size (window, 1400, 900);
      ui_test_spin ();
    }

  g_assert_true (SD_IS_WINDOW (window));
  return SD_WINDOW (window);
}

/**
 * ui_test_template_child:
 * @widget: a widget built from a template
 * @type: the template's type
 * @name: the child's id
 *
 * Returns: (transfer none): the child, asserted to exist
 */
gpointer
ui_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

SdLandscapePage *
ui_test_landscape_page (SdWindow *window)
{
  SdPage *page = sd_window_get_page (window, "landscape");

  g_assert_true (SD_IS_LANDSCAPE_PAGE (page));
  return SD_LANDSCAPE_PAGE (page);
}

/**
 * ui_test_landscape_model:
 * @window: the window
 *
 * Returns: (transfer none): the Landscape page's scene
 */
SdLandscapeModel *
ui_test_landscape_model (SdWindow *window)
{
  return sd_landscape_page_get_model (ui_test_landscape_page (window));
}

SdLandscapeCanvas *
ui_test_landscape_canvas (SdLandscapePage *page)
{
  GtkWidget *canvas = adw_bin_get_child (ui_test_template_child (page, SD_TYPE_LANDSCAPE_PAGE,
                                                                 "canvas_bin"));

  g_assert_true (SD_IS_LANDSCAPE_CANVAS (canvas));
  return SD_LANDSCAPE_CANVAS (canvas);
}

static gboolean
is_idle (gpointer data)
{
  return !sd_landscape_canvas_is_busy (data);
}

/**
 * ui_test_wait_for_canvas:
 * @page: the Landscape page
 *
 * The canvas computes the trajectories the page shows, the first ones on a
 * new surface on a worker: tests check values once they are applied.
 */
void
ui_test_wait_for_canvas (SdLandscapePage *page)
{
  g_assert_true (ui_test_wait_for (is_idle, ui_test_landscape_canvas (page)));
  ui_test_spin ();
}

static SdApplication *fixture_app;

/**
 * ui_test_use_application:
 * @app: the registered application the fixtures open their windows in
 */
void
ui_test_use_application (SdApplication *app)
{
  fixture_app = app;
}

/**
 * ui_test_window_setup:
 * @fixture: the test's window
 * @data: unused
 *
 * Every test gets a window of its own, opened as the application opens
 * one, at a size where the whole Landscape page fits, its canvas idle: no
 * test depends on what an earlier one left behind.
 */
void
ui_test_window_setup (UiTestWindow  *fixture,
                      gconstpointer  data)
{
  g_assert_nonnull (fixture_app);

  fixture->window = sd_window_new (GTK_APPLICATION (fixture_app),
                                   sd_application_get_settings (fixture_app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_test_spin ();
  ui_test_wait_for_canvas (ui_test_landscape_page (fixture->window));
}

/**
 * ui_test_window_teardown:
 * @fixture: the test's window
 * @data: unused
 *
 * Closes every window the test left open, its changes discarded, and
 * asserts that each is finalized: closing leaks nothing.
 */
void
ui_test_window_teardown (UiTestWindow  *fixture,
                         gconstpointer  data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture_app))) != NULL)
    {
      GtkWindow *window = windows->data;

      if (SD_IS_WINDOW (window))
        {
          const char * const names[] = { "landscape", "transform", "probability" };
          GtkWidget *page = GTK_WIDGET (ui_test_landscape_page (SD_WINDOW (window)));

          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            sd_scene_document_set_modified (
              sd_page_get_document (sd_window_get_page (SD_WINDOW (window), names[i])), FALSE);

          /* The window takes its pages with it. */
          g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
          ui_test_close_and_wait (window);
          g_assert_null (page);
        }
      else
        gtk_window_destroy (window);
      ui_test_spin ();
    }

  fixture->window = NULL;
}
