/* scene-distribution.h: distribution scenes: probability distributions,
 * their densities, samples and intervals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scene.h"

G_BEGIN_DECLS

#define SD_SCENE_MAX_POINTS 100000
#define SD_SCENE_DEFAULT_POINTS 201
#define SD_SCENE_MAX_SAMPLES 10000000
#define SD_SCENE_MAX_BINS 1000
#define SD_SCENE_DEFAULT_BINS 40

/* What a figure draws; the names are the values of the `layers` key. */
typedef enum
{
  SD_LAYER_PDF       = 1 << 0,
  SD_LAYER_CDF       = 1 << 1,
  SD_LAYER_HISTOGRAM = 1 << 2,
  SD_LAYER_INTERVAL  = 1 << 3,
  SD_LAYER_MOMENTS   = 1 << 4,
} SdDistributionLayers;

/**
 * SdSceneDistribution:
 * @name: the label, the group name after "Distribution "
 * @family: the family name, as in the scene file
 * @values: (array length=n_values): the family's parameters, in the order of
 *   sd_family_get_parameter_names() (bivariate-normal: mx, my, sxx, sxy,
 *   syy)
 * @x_range: the plotted x range
 * @y_range: the plotted y range (bivariate-normal only)
 * @points: how many evenly spaced x a continuous family is evaluated at
 * @samples: how many draws to take
 * @seed: the seed of the draws
 * @layers: what is drawn
 * @has_interval: whether @interval is set
 * @interval: a;b for P(a <= X <= b)
 * @bins: histogram bins
 * @has_color: whether the scene chose the colour
 * @color: that colour, sRGB in [0, 1]
 *
 * One `[Distribution NAME]` group.
 */
typedef struct
{
  char    *name;
  char    *family;
  double  *values;
  guint    n_values;
  double   x_range[2];
  double   y_range[2];
  guint    points;
  guint    samples;
  guint32  seed;
  SdDistributionLayers layers;
  gboolean has_interval;
  double   interval[2];
  guint    bins;
  gboolean has_color;
  double   color[3];
} SdSceneDistribution;

/**
 * SdSceneDistributions:
 * @distributions: (element-type SdSceneDistribution): the
 *   `[Distribution NAME]` groups, in order
 *
 * A distribution scene's data.
 */
typedef struct
{
  GPtrArray *distributions;
} SdSceneDistributions;

SdSceneDistributions *sd_scene_get_distributions (const SdScene *scene);
SdSceneDistribution  *sd_scene_add_distribution  (SdScene       *self,
                                                  const char    *name);

G_END_DECLS
