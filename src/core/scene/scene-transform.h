/* scene-transform.h: transform scenes: a 2 × 2 linear map acting on the plane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "linmap.h"
#include "scene.h"

G_BEGIN_DECLS

#define SD_SCENE_DEFAULT_ORBIT 4

/* What a figure draws; the names are the values of the `layers` key. */
typedef enum
{
  SD_LAYER_GRID         = 1 << 0,
  SD_LAYER_BASIS        = 1 << 1,
  SD_LAYER_UNIT_CIRCLE  = 1 << 2,
  SD_LAYER_EIGENVECTORS = 1 << 3,
  SD_LAYER_DETERMINANT  = 1 << 4,
  SD_LAYER_SVD          = 1 << 5,
} SdTransformLayers;

/**
 * SdSceneTransform:
 * @matrix: the map A
 * @t: how far the plane has moved from I to A, (1 − t)I + tA
 * @has_vector: whether @vector is set
 * @vector: the vector v whose orbit v, Av, A²v, … is drawn
 * @orbit: how many images of v are drawn
 * @layers: what is drawn
 *
 * A transform scene's data: the `[Transform]` group.
 */
typedef struct
{
  SdMat2             matrix;
  double             t;
  gboolean           has_vector;
  double             vector[2];
  guint              orbit;
  SdTransformLayers  layers;
} SdSceneTransform;

SdSceneTransform *sd_scene_get_transform (const SdScene *scene);

G_END_DECLS
