/* scene-surface.h: surface scenes: a loss surface and optimizer runs on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "optimizer.h"
#include "scene.h"
#include "surface.h"

G_BEGIN_DECLS

#define SD_SCENE_MIN_RESOLUTION 16
#define SD_SCENE_MAX_RESOLUTION 4096
#define SD_SCENE_DEFAULT_RESOLUTION 256
#define SD_SCENE_DEFAULT_STEPS 100
/* Runs of at most SD_TRAJECTORY_MAX_STEPS each: at most a million points. */
#define SD_SCENE_MAX_RUNS 10
#define SD_SCENE_MAX_CONTOURS 100
#define SD_SCENE_DEFAULT_CONTOURS 15
#define SD_SCENE_DEFAULT_AZIMUTH (-60.0)
#define SD_SCENE_DEFAULT_ELEVATION 30.0

/* What a figure draws; the names are the values of the `layers` key. */
typedef enum
{
  SD_LAYER_HEATMAP        = 1 << 0,
  SD_LAYER_CONTOURS       = 1 << 1,
  SD_LAYER_GRADIENT_FIELD = 1 << 2,
} SdSurfaceLayers;

/* What a run's `explain` key draws at the run's shown iterate; the names
 * are the key's values. */
typedef enum
{
  SD_EXPLAIN_NONE      = 0,
  SD_EXPLAIN_GRADIENT  = 1 << 0,
  SD_EXPLAIN_STEP      = 1 << 1,
  SD_EXPLAIN_VELOCITY  = 1 << 2,
  SD_EXPLAIN_ADAM_STEP = 1 << 3,
  SD_EXPLAIN_CURVATURE = 1 << 4,
} SdExplainFlags;

#define SD_EXPLAIN_ALL (SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP | SD_EXPLAIN_VELOCITY \
                        | SD_EXPLAIN_ADAM_STEP | SD_EXPLAIN_CURVATURE)

typedef enum
{
  SD_VIEW_MAP,
  SD_VIEW_3D,
} SdSurfaceView;

/**
 * SdSceneRun:
 * @name: the label, the group name after "Run "
 * @params: the optimizer and its hyperparameters
 * @start: the start point
 * @steps: how many updates to make
 * @has_color: whether the scene chose the run's colour
 * @color: that colour, sRGB in [0, 1]
 * @visible: whether the run is drawn
 * @explain: what is drawn at the run's shown iterate (see
 *   sd_scene_explain_supported())
 *
 * One `[Run NAME]` group: an optimizer run on the scene's surface.
 */
typedef struct
{
  char              *name;
  SdOptimizerParams  params;
  double             start[2];
  guint              steps;
  gboolean           has_color;
  double             color[3];
  gboolean           visible;
  SdExplainFlags     explain;
} SdSceneRun;

/**
 * SdSceneSurface:
 * @function: a built-in surface name or "custom"
 * @expression: (nullable): the user's f(x, y) when @function is "custom"
 * @x_range: the visible x range, min < max
 * @y_range: the visible y range, min < max
 * @resolution: grid points per axis
 * @params: the dataset keys of the regression surfaces
 * @layers: what the map view draws
 * @contours: how many contour levels, 0 to 100
 * @log_scale: whether colours and contour levels follow log f
 * @has_color_range: whether @color_range holds the values colours and
 *   contour levels span; without it they span the values in view
 * @color_range: the values the colour scale spans, min < max (both > 0
 *   on a log scale), fixed to the surface so that panning and zooming
 *   keep every point's colour
 * @color_map: (nullable): the colour map's name; %NULL for the viewer's default
 * @view: the map or the 3-D view
 * @azimuth: the 3-D view's direction around the z axis, in degrees
 * @elevation: the 3-D view's height above the x-y plane, in degrees
 * @explain_readable: whether the runs' explain arrows are scaled together
 *   to a readable length rather than drawn at their true length
 * @runs: (element-type SdSceneRun): the `[Run NAME]` groups, in order
 *
 * A surface scene's data: the `[Surface]` group and the runs.
 */
typedef struct
{
  char            *function;
  char            *expression;
  double           x_range[2];
  double           y_range[2];
  guint            resolution;
  SdSurfaceParams  params;
  SdSurfaceLayers  layers;
  guint            contours;
  gboolean         log_scale;
  gboolean         has_color_range;
  double           color_range[2];
  char            *color_map;
  SdSurfaceView    view;
  double           azimuth;
  double           elevation;
  gboolean         explain_readable;
  GPtrArray       *runs;
} SdSceneSurface;

SdSceneSurface     *sd_scene_get_surface       (const SdScene    *scene);
SdSceneRun         *sd_scene_add_run           (SdScene          *self,
                                                const char       *name,
                                                SdOptimizerKind   optimizer);
SdSurface          *sd_scene_create_surface    (const SdScene    *self,
                                                GError          **error);
SdSceneRun         *sd_scene_run_copy          (const SdSceneRun *run);
void                sd_scene_run_free          (SdSceneRun       *run);

const char * const *sd_scene_list_color_maps   (void);
const char * const *sd_scene_list_explain      (void);
SdExplainFlags      sd_scene_explain_supported (SdOptimizerKind   kind);

G_END_DECLS
