/* page-frame.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SD_TYPE_PAGE_FRAME (sd_page_frame_get_type ())

G_DECLARE_FINAL_TYPE (SdPageFrame, sd_page_frame, SD, PAGE_FRAME, AdwBin)

GtkWidget *sd_page_frame_get_sidebar         (SdPageFrame *self);
void       sd_page_frame_set_sidebar         (SdPageFrame *self,
                                              GtkWidget   *sidebar);
GtkWidget *sd_page_frame_get_content         (SdPageFrame *self);
void       sd_page_frame_set_content         (SdPageFrame *self,
                                              GtkWidget   *content);
gboolean   sd_page_frame_get_sidebar_visible (SdPageFrame *self);
void       sd_page_frame_set_sidebar_visible (SdPageFrame *self,
                                              gboolean     sidebar_visible);
gboolean   sd_page_frame_get_sidebar_shown   (SdPageFrame *self);

G_END_DECLS
