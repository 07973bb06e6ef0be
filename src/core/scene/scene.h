/* scene.h: the scene file (.saddle), the one description of what is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "linmap.h"
#include "optimizer.h"
#include "surface.h"

G_BEGIN_DECLS

/* The scene file format version this Saddle reads and writes. */
#define SD_SCENE_VERSION 1

#define SD_SCENE_MIN_RESOLUTION 16
#define SD_SCENE_MAX_RESOLUTION 4096
#define SD_SCENE_DEFAULT_RESOLUTION 256
#define SD_SCENE_DEFAULT_STEPS 100
#define SD_SCENE_MAX_POINTS 100000
#define SD_SCENE_DEFAULT_POINTS 201
#define SD_SCENE_MAX_SAMPLES 10000000

typedef enum
{
  SD_SCENE_SURFACE,
  SD_SCENE_TRANSFORM,
  SD_SCENE_DISTRIBUTION,
} SdSceneKind;

/* What a figure draws; the names are the values of the `layers` keys. */
typedef enum
{
  SD_LAYER_HEATMAP        = 1 << 0,
  SD_LAYER_CONTOURS       = 1 << 1,
  SD_LAYER_GRADIENT_FIELD = 1 << 2,
} SdSurfaceLayers;

typedef enum
{
  SD_LAYER_GRID         = 1 << 0,
  SD_LAYER_BASIS        = 1 << 1,
  SD_LAYER_UNIT_CIRCLE  = 1 << 2,
  SD_LAYER_EIGENVECTORS = 1 << 3,
  SD_LAYER_DETERMINANT  = 1 << 4,
  SD_LAYER_SVD          = 1 << 5,
} SdTransformLayers;

typedef enum
{
  SD_LAYER_PDF       = 1 << 0,
  SD_LAYER_CDF       = 1 << 1,
  SD_LAYER_HISTOGRAM = 1 << 2,
  SD_LAYER_INTERVAL  = 1 << 3,
  SD_LAYER_MOMENTS   = 1 << 4,
} SdDistributionLayers;

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

#define SD_SCENE_MAX_CONTOURS 100
#define SD_SCENE_DEFAULT_CONTOURS 15
#define SD_SCENE_DEFAULT_AZIMUTH (-60.0)
#define SD_SCENE_DEFAULT_ELEVATION 30.0
#define SD_SCENE_MAX_BINS 1000
#define SD_SCENE_DEFAULT_BINS 40
#define SD_SCENE_DEFAULT_ORBIT 4

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
 * @color_map: (nullable): the colour map's name; %NULL for the viewer's default
 * @view: the map or the 3-D view
 * @azimuth: the 3-D view's direction around the z axis, in degrees
 * @elevation: the 3-D view's height above the x-y plane, in degrees
 * @explain_readable: whether the runs' explain arrows are scaled together
 *   to a readable length rather than drawn at their true length
 *
 * The `[Surface]` group.
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
  char            *color_map;
  SdSurfaceView    view;
  double           azimuth;
  double           elevation;
  gboolean         explain_readable;
} SdSceneSurface;

/**
 * SdSceneDistribution:
 * @name: the label, the group name after "Distribution "
 * @family: the family name, as in the scene file
 * @values: (array length=n_values): the family's parameters, in the order of
 *   sd_distribution_family_get_parameter_names() (bivariate-normal: mx, my,
 *   sxx, sxy, syy)
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

typedef struct
{
  SdMat2             matrix;
  double             t;
  gboolean           has_vector;
  double             vector[2];
  guint              orbit;
  SdTransformLayers  layers;
} SdSceneTransform;

typedef struct
{
  SdSceneKind     kind;
  char           *title;
  gboolean        has_step;
  guint           step;

  SdSceneSurface  surface;
  GPtrArray      *runs;           /* (element-type SdSceneRun) */

  SdSceneTransform transform;

  GPtrArray      *distributions;  /* (element-type SdSceneDistribution) */

  GPtrArray      *warnings;       /* (element-type utf8) */
} SdScene;

SdScene    *sd_scene_new              (SdSceneKind   kind);
void        sd_scene_free             (SdScene      *self);
SdScene    *sd_scene_load_file        (const char   *path,
                                       GError      **error);
SdScene    *sd_scene_load_data        (const char   *data,
                                       gsize         length,
                                       const char   *display_name,
                                       GError      **error);
char       *sd_scene_to_data          (const SdScene *self,
                                       gsize        *length);
gboolean    sd_scene_save_file        (const SdScene *self,
                                       const char    *path,
                                       GError       **error);
char       *sd_scene_to_csv           (const SdScene *self,
                                       GCancellable  *cancellable,
                                       gsize         *length,
                                       GError       **error);
SdSurface  *sd_scene_create_surface   (const SdScene *self,
                                       GError       **error);
const char *sd_scene_kind_to_name     (SdSceneKind   kind);

const char * const *sd_scene_list_color_maps (void);
const char * const *sd_scene_list_layers     (SdSceneKind kind);
char       *sd_scene_flags_to_string  (const char * const *names,
                                       guint         flags);
char       *sd_scene_layers_to_string (SdSceneKind   kind,
                                       guint         layers);

const char * const *sd_scene_list_explain (void);
SdExplainFlags sd_scene_explain_supported (SdOptimizerKind kind);
SdSceneRun *sd_scene_add_run          (SdScene      *self,
                                       const char   *name,
                                       SdOptimizerKind optimizer);
SdSceneDistribution *sd_scene_add_distribution (SdScene    *self,
                                                const char *name);

gboolean    sd_write_file_atomically  (const char   *path,
                                       const char   *contents,
                                       gsize         length,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdScene, sd_scene_free)

G_END_DECLS
