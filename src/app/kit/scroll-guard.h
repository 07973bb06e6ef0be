/* scroll-guard.h: the wheel scrolls panels, it does not change values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sd_scroll_guard_widget (GtkWidget *widget);
void sd_scroll_guard_tree   (GtkWidget *root);

G_END_DECLS
