/* loss-scale.h: how the loss chart's y axis spaces the losses it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ticks.h"

G_BEGIN_DECLS

/**
 * SdLossScale:
 * @scale: %SD_SCALE_LOG when every loss is positive; %SD_SCALE_LINEAR when
 *   some are not and their magnitudes are alike; %SD_SCALE_SYMLOG when
 *   they are not and span many decades
 * @threshold: %SD_SCALE_SYMLOG: where the linear part ends, a power of ten
 * @min: the axis' lower end, the losses with a margin
 * @max: the axis' upper end
 *
 * The y axis the loss chart draws, chosen by the losses so that every
 * finite loss is shown where it is: a log axis cannot show 0 or a
 * negative loss, a linear one flattens losses that span decades.
 */
typedef struct
{
  SdScale scale;
  double  threshold;
  double  min;
  double  max;
} SdLossScale;

void  sd_loss_scale_choose (SdLossScale       *scale,
                            const double      *losses,
                            gsize              n_losses);
char *sd_loss_scale_title  (const SdLossScale *scale);

G_END_DECLS
