/* scene-kinds.c: the table of scene kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scene-private.h"

extern const SdSceneSection sd_scene_surface_section;
extern const SdSceneSection sd_scene_transform_section;
extern const SdSceneSection sd_scene_distribution_section;

static const SdSceneSection * const sections[SD_SCENE_N_KINDS] = {
  [SD_SCENE_SURFACE] = &sd_scene_surface_section,
  [SD_SCENE_TRANSFORM] = &sd_scene_transform_section,
  [SD_SCENE_DISTRIBUTION] = &sd_scene_distribution_section,
};

const SdSceneSection *
_sd_scene_get_section (SdSceneKind kind)
{
  g_return_val_if_fail (kind < SD_SCENE_N_KINDS, NULL);

  return sections[kind];
}
