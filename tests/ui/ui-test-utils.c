/* ui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "ui-test-utils.h"

/**
 * ui_test_spin:
 *
 * Runs the main context until nothing is pending, so queued resizes, maps
 * and idle handlers have happened.
 */
void
ui_test_spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * ui_test_wait_for:
 * @condition: checked after every main loop iteration
 * @data: passed to @condition
 *
 * Returns: %TRUE if @condition came true within five seconds
 */
gboolean
ui_test_wait_for (gboolean (*condition) (gpointer data),
                  gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (5, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (data);
}

/**
 * ui_test_find_toplevel:
 * @type: the type of window to look for
 *
 * Returns: (transfer none) (nullable): the first toplevel of @type
 */
GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/**
 * ui_test_activate_binding:
 * @widget: a widget whose class installed key bindings
 * @keyval: the key
 * @modifiers: the modifiers
 *
 * GTK 4 cannot synthesize key events, so this finds the shortcut that a key
 * press would trigger among @widget's shortcut controllers and activates it
 * the way the controller would.
 *
 * Returns: whether a shortcut for the key existed and handled it
 */
gboolean
ui_test_activate_binding (GtkWidget       *widget,
                          guint            keyval,
                          GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger)
              || gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval
              || gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;

          return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                               gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static gboolean
is_gone (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL;
}

/**
 * ui_test_close_and_wait:
 * @window: a window nobody else holds a reference to
 *
 * Closes @window as the user would and asserts that it is finalized,
 * which proves that closing does not leak it.
 */
void
ui_test_close_and_wait (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (window);
  g_assert_true (ui_test_wait_for (is_gone, &window));
}

/**
 * ui_test_require_display:
 *
 * A UI test program without a display cannot test anything; rather than
 * pass quietly as a skip, it bails out, saying how to run it.
 * build-aux/test runs the suite under Xvfb when there is no display.
 */
void
ui_test_require_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return;

  g_print ("Bail out! no display: run the UI tests under a display, as build-aux/test "
           "does with xvfb-run\n");
  exit (1);
}
