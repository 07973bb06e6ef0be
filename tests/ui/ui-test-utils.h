/* ui-test-utils.h: helpers for tests that run the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       ui_test_spin               (void);
gboolean   ui_test_wait_for           (gboolean  (*condition) (gpointer data),
                                       gpointer    data);
GtkWindow *ui_test_find_toplevel      (GType       type);
gboolean   ui_test_activate_binding   (GtkWidget  *widget,
                                       guint       keyval,
                                       GdkModifierType modifiers);
void       ui_test_close_and_wait     (GtkWindow  *window);
void       ui_test_require_display    (void);

G_END_DECLS
