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
