/* explain-group.h: the Landscape page's Explain group, what one run sees
 * at the shown iterate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "landscape-results.h"

G_BEGIN_DECLS

#define SD_TYPE_EXPLAIN_GROUP (sd_explain_group_get_type ())

G_DECLARE_FINAL_TYPE (SdExplainGroup, sd_explain_group, SD, EXPLAIN_GROUP, AdwPreferencesGroup)

SdLandscapeResults *sd_explain_group_get_results   (SdExplainGroup     *self);
void                sd_explain_group_set_results   (SdExplainGroup     *self,
                                                    SdLandscapeResults *results);
guint               sd_explain_group_get_iteration (SdExplainGroup     *self);
void                sd_explain_group_set_iteration (SdExplainGroup     *self,
                                                    guint               iteration);

G_END_DECLS
