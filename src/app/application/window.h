/* window.h: the main window, its pages and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "page.h"

G_BEGIN_DECLS

#define SD_TYPE_WINDOW (sd_window_get_type ())

G_DECLARE_FINAL_TYPE (SdWindow, sd_window, SD, WINDOW, AdwApplicationWindow)

SdWindow *sd_window_new                   (GtkApplication *application,
                                           GSettings      *settings);
gboolean  sd_window_get_presentation_mode (SdWindow       *self);
void      sd_window_set_presentation_mode (SdWindow       *self,
                                           gboolean        presentation_mode);
double    sd_window_get_figure_scale      (SdWindow       *self);
SdPage   *sd_window_get_visible_page      (SdWindow       *self);
SdPage   *sd_window_get_page              (SdWindow       *self,
                                           const char     *name);
GFile    *sd_window_get_file              (SdWindow       *self);
gboolean  sd_window_is_pristine           (SdWindow       *self);
gboolean  sd_window_open_file             (SdWindow       *self,
                                           GFile          *file);
gboolean  sd_window_save_file             (SdWindow       *self,
                                           GFile          *file,
                                           GError        **error);

G_END_DECLS
