/* run-color.h: the colour a run is drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "scene-surface.h"

G_BEGIN_DECLS

void sd_run_get_color (const SdSceneRun *run,
                       guint             index,
                       double            rgba[4]);

G_END_DECLS
