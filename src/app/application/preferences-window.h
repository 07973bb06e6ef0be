/* preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SD_TYPE_PREFERENCES_WINDOW (sd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SdPreferencesWindow, sd_preferences_window, SD, PREFERENCES_WINDOW, AdwPreferencesWindow)

SdPreferencesWindow *sd_preferences_window_new (GSettings *settings);

G_END_DECLS
