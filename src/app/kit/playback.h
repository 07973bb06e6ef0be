/* playback.h: where the Landscape page's animation stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SD_PLAYBACK_MIN_SPEED 1.0
#define SD_PLAYBACK_MAX_SPEED 1000.0
#define SD_PLAYBACK_DEFAULT_SPEED 60.0

#define SD_TYPE_PLAYBACK (sd_playback_get_type ())

G_DECLARE_FINAL_TYPE (SdPlayback, sd_playback, SD, PLAYBACK, GObject)

SdPlayback *sd_playback_new              (void);
guint       sd_playback_get_iteration    (SdPlayback *self);
void        sd_playback_set_iteration    (SdPlayback *self,
                                          guint       iteration);
guint       sd_playback_get_n_iterations (SdPlayback *self);
void        sd_playback_set_n_iterations (SdPlayback *self,
                                          guint       n_iterations);
gboolean    sd_playback_get_playing      (SdPlayback *self);
void        sd_playback_set_playing      (SdPlayback *self,
                                          gboolean    playing);
double      sd_playback_get_speed        (SdPlayback *self);
void        sd_playback_set_speed        (SdPlayback *self,
                                          double      speed);

void        sd_playback_toggle           (SdPlayback *self);
void        sd_playback_step             (SdPlayback *self,
                                          int         delta);
void        sd_playback_reset            (SdPlayback *self);
void        sd_playback_advance          (SdPlayback *self,
                                          double      seconds);

G_END_DECLS
