/* surface.h: loss surfaces, built in or typed by the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dataset.h"
#include "grid-band.h"
#include "objective.h"

G_BEGIN_DECLS

/**
 * SdSurfaceParams:
 * @dataset_size: `dataset-size`, the number of samples, 1 to 100000
 *   (default 50)
 * @noise: `noise`, the noise level, >= 0 (default 0.5)
 * @seed: `seed`, seeds the data generator (default 1)
 *
 * What the regression surfaces (`linear-regression`,
 * `logistic-regression`) generate their data from, see #SdDataset. The
 * other surfaces ignore them.
 */
typedef struct
{
  guint   dataset_size;
  double  noise;
  guint32 seed;
} SdSurfaceParams;

/**
 * SdSurfaceMinimum:
 * @point: where the minimum is
 * @value: the surface's value there
 *
 * A known global minimum, for tests and display.
 */
typedef struct
{
  double point[2];
  double value;
} SdSurfaceMinimum;

typedef struct _SdSurface SdSurface;

void                    sd_surface_params_init       (SdSurfaceParams        *params);
gboolean                sd_surface_params_set        (SdSurfaceParams        *params,
                                                      const char             *key,
                                                      double                  value,
                                                      GError                **error);
gboolean                sd_surface_params_get        (const SdSurfaceParams  *params,
                                                      const char             *key,
                                                      double                 *value);
gboolean                sd_surface_params_validate   (const SdSurfaceParams  *params,
                                                      GError                **error);

const char * const     *sd_surface_list_builtins     (void);
const char * const     *sd_surface_builtin_get_keys  (const char             *name);

/**
 * SdSurfaceDefaults:
 * @x_range: the range of the first coordinate that shows the surface
 * @y_range: the range of the second
 * @start: a start point inside that range, where optimizers race somewhere
 *   worth watching
 * @log_scale: whether log colours show it best: a positive surface whose
 *   values span decades
 * @color_map: (nullable): the colour map it asks for, such as the
 *   diverging "coolwarm" for a saddle; %NULL for the viewer's choice
 *
 * What a figure shows a surface with until the user says otherwise.
 */
typedef struct
{
  double      x_range[2];
  double      y_range[2];
  double      start[2];
  gboolean    log_scale;
  const char *color_map;
} SdSurfaceDefaults;

SdSurface              *sd_surface_new_builtin       (const char             *name,
                                                      const SdSurfaceParams  *params,
                                                      GError                **error);
SdSurface              *sd_surface_new_custom        (const char             *expression,
                                                      GError                **error);
SdSurface              *sd_surface_ref               (SdSurface              *self);
void                    sd_surface_unref             (SdSurface              *self);

const char             *sd_surface_get_name          (const SdSurface        *self);
const char             *sd_surface_get_expression    (const SdSurface        *self);
const char             *sd_surface_get_x_label       (const SdSurface        *self);
const char             *sd_surface_get_y_label       (const SdSurface        *self);
void                    sd_surface_get_default_range (const SdSurface        *self,
                                                      double                  x_range[2],
                                                      double                  y_range[2]);
void                    sd_surface_get_defaults      (const SdSurface        *self,
                                                      SdSurfaceDefaults      *defaults);
const SdSurfaceMinimum *sd_surface_get_minima        (const SdSurface        *self,
                                                      guint                  *n_minima);
const SdDataset        *sd_surface_get_dataset       (const SdSurface        *self);
gboolean                sd_surface_is_stochastic     (const SdSurface        *self);

double                  sd_surface_eval              (const SdSurface        *self,
                                                      double                  x,
                                                      double                  y,
                                                      double                  grad[2],
                                                      double                  hess[4]);
void                    sd_surface_get_objective     (SdSurface              *self,
                                                      SdObjective            *objective);
void                    sd_surface_eval_band         (gpointer                user_data,
                                                      const SdGridBand       *band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdSurface, sd_surface_unref)

G_END_DECLS
