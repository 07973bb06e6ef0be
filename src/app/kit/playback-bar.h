/* playback-bar.h: the transport under an animated figure: play, step,
 * scrub, the iteration and the speed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "playback.h"

G_BEGIN_DECLS

#define SD_TYPE_PLAYBACK_BAR (sd_playback_bar_get_type ())

G_DECLARE_FINAL_TYPE (SdPlaybackBar, sd_playback_bar, SD, PLAYBACK_BAR, GtkWidget)

GtkWidget  *sd_playback_bar_new          (SdPlayback    *playback);
SdPlayback *sd_playback_bar_get_playback (SdPlaybackBar *self);
void        sd_playback_bar_set_playback (SdPlaybackBar *self,
                                          SdPlayback    *playback);

G_END_DECLS
