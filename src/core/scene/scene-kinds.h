/* scene-kinds.h: the kinds of scene, one section file each
 *
 * A kind of scene is its own section file (scene-surface.c, ...) that
 * reads, writes, copies and exports it, and one entry here and in the table
 * of scene-kinds.c. Nothing else in the engine switches on the kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdSceneKind:
 * @SD_SCENE_SURFACE: a loss surface and optimizer runs (scene-surface.h)
 * @SD_SCENE_TRANSFORM: a 2 × 2 linear map (scene-transform.h)
 * @SD_SCENE_DISTRIBUTION: probability distributions (scene-distribution.h)
 * @SD_SCENE_N_KINDS: the number of kinds
 *
 * What a scene shows; the `kind` key of its `[Scene]` group.
 */
typedef enum
{
  SD_SCENE_SURFACE,
  SD_SCENE_TRANSFORM,
  SD_SCENE_DISTRIBUTION,
  SD_SCENE_N_KINDS,
} SdSceneKind;

G_END_DECLS
