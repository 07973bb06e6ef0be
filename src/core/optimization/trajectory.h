/* trajectory.h: the recorded path of one optimizer run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "objective.h"
#include "optimizer.h"
#include "surface.h"

G_BEGIN_DECLS

/* The most updates one trajectory may record. */
#define SD_TRAJECTORY_MAX_STEPS 100000

typedef struct _SdTrajectory SdTrajectory;

SdTrajectory            *sd_trajectory_compute           (SdSurface               *surface,
                                                          const SdOptimizerParams *params,
                                                          const double             start[2],
                                                          guint                    steps,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);
SdTrajectory            *sd_trajectory_compute_objective (const SdObjective       *objective,
                                                          const SdOptimizerParams *params,
                                                          const double             start[2],
                                                          guint                    steps,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);
void                     sd_trajectory_free              (SdTrajectory            *self);

guint                    sd_trajectory_get_n_points      (const SdTrajectory      *self);
const SdOptimizerState  *sd_trajectory_get_point         (const SdTrajectory      *self,
                                                          guint                    index);
const SdOptimizerState  *sd_trajectory_get_points        (const SdTrajectory      *self,
                                                          guint                   *n_points);
const SdOptimizerParams *sd_trajectory_get_params        (const SdTrajectory      *self);
guint                    sd_trajectory_get_n_steps       (const SdTrajectory      *self);
SdOptimizerStatus        sd_trajectory_get_status        (const SdTrajectory      *self);
const char              *sd_trajectory_get_message       (const SdTrajectory      *self);
SdOptimizerStatus        sd_trajectory_get_end           (const SdTrajectory      *self,
                                                          guint                   *step);
gboolean                 sd_trajectory_get_diverged      (const SdTrajectory      *self,
                                                          guint                   *step);
char                    *sd_trajectory_describe_end      (const SdTrajectory      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdTrajectory, sd_trajectory_free)

G_END_DECLS
