/* placeholder-page.h: the page of a kind of scene whose page is not built yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "page.h"

G_BEGIN_DECLS

#define SD_TYPE_PLACEHOLDER_PAGE (sd_placeholder_page_get_type ())

G_DECLARE_FINAL_TYPE (SdPlaceholderPage, sd_placeholder_page, SD, PLACEHOLDER_PAGE, SdPage)

GtkWidget *sd_placeholder_page_new    (SdSceneKind   kind);
gboolean   sd_placeholder_page_refuse (SdSceneKind   kind,
                                       const char   *path,
                                       GError      **error);

G_END_DECLS
