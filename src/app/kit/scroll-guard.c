/* scroll-guard.c: the wheel scrolls panels, it does not change values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scroll-guard.h"

/*
 * GTK's spin buttons and scales take the wheel: in a sidebar that scrolls,
 * a teacher scrolling down the panel changes whatever value passes under
 * the pointer (three notches took a simplex size from 0.05 to 5e-05). The
 * guard removes their scroll controllers, so the wheel event goes on to
 * the scrolled window around them; values change only by typing, the
 * buttons, the keys or dragging.
 */

/* A scrollbar's own range keeps the wheel: that is what scrolls. */
static gboolean
takes_wheel (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_SPIN_BUTTON (widget)
         || (GTK_IS_RANGE (widget) && !GTK_IS_SCROLLBAR (widget)
             && !(parent != NULL && GTK_IS_SCROLLBAR (parent)));
}

/**
 * sd_scroll_guard_widget:
 * @widget: a spin button or a scale
 *
 * Lets the wheel scroll past @widget instead of changing its value.
 */
void
sd_scroll_guard_widget (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GPtrArray) scrolls = g_ptr_array_new ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!takes_wheel (widget))
    return;

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        g_ptr_array_add (scrolls, controller);
    }

  /* Removed after the walk: removing changes the observed list. */
  for (guint i = 0; i < scrolls->len; i++)
    gtk_widget_remove_controller (widget, g_ptr_array_index (scrolls, i));
}

/**
 * sd_scroll_guard_tree:
 * @root: a widget, such as a page's sidebar
 *
 * Guards every spin button and scale in @root and below it.
 */
void
sd_scroll_guard_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  sd_scroll_guard_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sd_scroll_guard_tree (child);
}
