/* ui-test-landscape.h: reaching the Landscape page in tests of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "application.h"
#include "landscape-canvas.h"
#include "landscape-page.h"
#include "window.h"

G_BEGIN_DECLS

/**
 * UiTestWindow:
 * @window: a window of the test's own
 *
 * The fixture of the tests that run the window.
 */
typedef struct
{
  SdWindow *window;
} UiTestWindow;

SdWindow          *ui_test_landscape_window (SdApplication   *app);
gpointer           ui_test_template_child   (gpointer         widget,
                                             GType            type,
                                             const char      *name);
SdLandscapePage   *ui_test_landscape_page   (SdWindow        *window);
SdLandscapeModel  *ui_test_landscape_model  (SdWindow        *window);
SdLandscapeCanvas *ui_test_landscape_canvas (SdLandscapePage *page);
void               ui_test_wait_for_canvas  (SdLandscapePage *page);
void               ui_test_use_application  (SdApplication   *app);
void               ui_test_window_setup     (UiTestWindow    *fixture,
                                             gconstpointer    data);
void               ui_test_window_teardown  (UiTestWindow    *fixture,
                                             gconstpointer    data);

G_END_DECLS
