/* surface3d-private.h: the camera, the mesh and the depth tests behind the
 * 3-D view of a loss surface
 *
 * The 3-D view draws in a box: x and y of the scene's range are mapped onto
 * [-1, 1] and the surface's values onto [-SD_BOX_HALF_HEIGHT,
 * SD_BOX_HALF_HEIGHT], the 4:4:3 box matplotlib's mplot3d uses. The camera
 * looks at the box's centre from the direction matplotlib's `view_init
 * (elev, azim)` gives:
 *
 *   toward the eye  w = (cos e cos a, cos e sin a, sin e)
 *   screen right    u = (-sin a, cos a, 0)
 *   screen up       v = w × u = (-sin e cos a, -sin e sin a, cos e)
 *
 * so the azimuth a turns the camera about the z axis, counted from the
 * +x axis towards +y, and the elevation e is the camera's angle above the
 * x-y plane: e = 90° looks straight down, with x to the right and y up when
 * a = -90°. The projection is orthographic (matplotlib's `proj_type =
 * 'ortho'`); matplotlib's default since 3.6 is a mild perspective, which
 * only shrinks the far side a little: lines parallel in space stay parallel
 * here, as in textbook drawings, and the picture does not depend on a
 * viewing distance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "grid.h"
#include "label-placer.h"
#include "optimizer.h"
#include "overlay.h"
#include "run-color.h"
#include "surface.h"
#include "theme.h"
#include "ticks.h"

G_BEGIN_DECLS

/* Half the height of the box; its width and depth are 2. */
#define SD_BOX_HALF_HEIGHT 0.75

/* The most quads the mesh has along each side. 60 × 60 looks smooth on
 * every built-in surface and keeps SVG and PDF files small. */
#define SD_MESH_MAX_QUADS 60

/**
 * SdCamera3d:
 * @azimuth: the angle a in radians
 * @elevation: the angle e in radians, in [-π/2, π/2]
 * @right: u, the box direction drawn to the right
 * @up: v, the box direction drawn upwards
 * @toward: w, from the box's centre towards the eye
 * @scale: points per box unit
 * @cx: where the box's centre is drawn, in points
 * @cy: where the box's centre is drawn, in points
 *
 * An orthographic camera: box point p lands at
 * (@cx + @scale p·u, @cy − @scale p·v) in cairo's y-down coordinates, and
 * p·w is its depth, larger for points nearer the eye.
 */
typedef struct
{
  double azimuth;
  double elevation;
  double right[3];
  double up[3];
  double toward[3];
  double scale;
  double cx;
  double cy;
} SdCamera3d;

void     sd_camera3d_init       (SdCamera3d        *camera,
                                 double             azimuth_degrees,
                                 double             elevation_degrees,
                                 double             scale,
                                 double             cx,
                                 double             cy);
void     sd_camera3d_project    (const SdCamera3d  *camera,
                                 const double       p[3],
                                 double            *sx,
                                 double            *sy);
double   sd_camera3d_depth      (const SdCamera3d  *camera,
                                 const double       p[3]);
void     sd_camera3d_unproject  (const SdCamera3d  *camera,
                                 double             sx,
                                 double             sy,
                                 double             p[3]);
void     sd_camera3d_get_light  (const SdCamera3d  *camera,
                                 double             light[3]);
double   sd_camera3d_shade      (const SdCamera3d  *camera,
                                 const double       normal[3]);
void     sd_shade_color         (const double       rgb[3],
                                 double             factor,
                                 double             shaded[3]);

/**
 * SdZRange:
 * @scale: linear, or logarithmic for scenes with `log-scale`
 * @lo: the value at the bottom of the box
 * @hi: the value at the top of the box, > @lo
 *
 * Which values of f the box's height spans: those the colour bar spans,
 * so that heights, colours and the bar agree.
 */
typedef struct
{
  SdScale scale;
  double  lo;
  double  hi;
} SdZRange;

double   sd_zrange_fraction     (const SdZRange    *range,
                                 double             value);

/**
 * SdMeshSplit:
 * @SD_MESH_WHOLE: the quad is drawn whole and its height interpolated
 *   bilinearly between its corners
 * @SD_MESH_SPLIT_MAIN: two triangles on the diagonal from node (i, j) to
 *   node (i + 1, j + 1)
 * @SD_MESH_SPLIT_CROSS: two triangles on the diagonal from (i + 1, j) to
 *   (i, j + 1)
 *
 * How a quad of the mesh is drawn. A quad whose corners are far from a
 * plane is folded along the diagonal that follows the surface, so that a
 * valley or a ridge running diagonally across the mesh shows as a
 * straight crease rather than a saw blade.
 */
typedef enum
{
  SD_MESH_WHOLE,
  SD_MESH_SPLIT_MAIN,
  SD_MESH_SPLIT_CROSS,
} SdMeshSplit;

/**
 * SdMesh3d:
 * @nx: nodes along x (quads + 1)
 * @ny: nodes along y
 * @x: (array length=nx): the data x of each column of nodes
 * @y: (array length=ny): the data y of each row
 * @bx: (array length=nx): the box x of each column, in [-1, 1]
 * @by: (array length=ny): the box y of each row
 * @t: (array): @ny × @nx height fractions in [0, 1], row-major, NaN
 *   where f has no value
 * @bz: (array): the box z of each node, NaN where f has no value
 * @range: the values the box's height spans
 * @xmin: the scene's x range
 * @xmax: the scene's x range
 * @ymin: the scene's y range
 * @ymax: the scene's y range
 * @bz_max: the highest node, in box units (NaN if none has a value)
 * @split: (array): for each quad, row-major ((@ny − 1) × (@nx − 1)), how it
 *   is drawn: whole, or as two triangles (see #SdMeshSplit)
 *
 * The surface as the 3-D view draws it: a coarse grid of quads taken from
 * the landscape's grid, in box coordinates.
 */
typedef struct
{
  guint     nx;
  guint     ny;
  double   *x;
  double   *y;
  double   *bx;
  double   *by;
  double   *t;
  double   *bz;
  SdZRange  range;
  double    xmin;
  double    xmax;
  double    ymin;
  double    ymax;
  double    bz_max;
  guint8   *split;
} SdMesh3d;

SdMesh3d *sd_mesh3d_new         (const SdGrid      *grid,
                                 const SdZRange    *range,
                                 guint              max_quads);
void      sd_mesh3d_free        (SdMesh3d          *mesh);
void      sd_mesh3d_to_box      (const SdMesh3d    *mesh,
                                 double             x,
                                 double             y,
                                 double             value,
                                 double             p[3]);
void      sd_mesh3d_from_box    (const SdMesh3d    *mesh,
                                 const double       p[3],
                                 double            *x,
                                 double            *y);
double    sd_mesh3d_height      (const SdMesh3d    *mesh,
                                 double             bx,
                                 double             by);
gboolean  sd_mesh3d_is_visible  (const SdMesh3d    *mesh,
                                 const SdCamera3d  *camera,
                                 const double       p[3]);
gboolean  sd_mesh3d_pick        (const SdMesh3d    *mesh,
                                 const SdCamera3d  *camera,
                                 double             sx,
                                 double             sy,
                                 double             p[3]);

/* Between a tick and its label, and between the labels and the axis'
 * title, in units of the body font size. */
#define SD_AXIS3D_TICK_LABEL_GAP 0.35
#define SD_AXIS3D_TITLE_GAP 0.6

/**
 * SdAxis3d:
 * @scale: how values are spaced along the axis
 * @min: the value at the box's low end
 * @max: the value at the box's high end, > @min
 * @ticks: the ticks to label
 * @title: (nullable): the axis' title, in Pango markup
 *
 * One of the box's three axes: x, y or the height f.
 */
typedef struct
{
  SdScale  scale;
  double   min;
  double   max;
  SdTicks  ticks;
  char    *title;
} SdAxis3d;

double    sd_axis3d_to_box      (const SdAxis3d    *axis,
                                 guint              dimension,
                                 double             value);
gboolean  sd_axis3d_choose_edge (const SdCamera3d  *camera,
                                 guint              dimension,
                                 double             from[3],
                                 double             to[3],
                                 double             outward[2]);
void      sd_axes3d_draw_panes  (cairo_t           *cr,
                                 const SdThemeStyle *style,
                                 const SdCamera3d  *camera,
                                 const SdAxis3d     axes[3]);
void      sd_axes3d_draw        (cairo_t           *cr,
                                 const SdThemeStyle *style,
                                 const SdCamera3d  *camera,
                                 const SdAxis3d     axes[3],
                                 SdLabelPlacer     *labels);

void      sd_path3d_draw        (cairo_t                *cr,
                                 const SdThemeStyle     *style,
                                 const SdCamera3d       *camera,
                                 const SdMesh3d         *mesh,
                                 const SdOptimizerState *states,
                                 guint                   n_states,
                                 const SdRunStyle       *look,
                                 gboolean                diverged,
                                 GArray                 *busy);

/* The longer arm of the 3-D view's eigenvector cross, as a share of the
 * scene's smaller span. */
#define SD_PATH3D_EIGEN_SHARE 0.12

void      sd_path3d_draw_explain (cairo_t                *cr,
                                  const SdThemeStyle     *style,
                                  const SdCamera3d       *camera,
                                  const SdMesh3d         *mesh,
                                  const SdSurface        *surface,
                                  const SdOverlayData    *data,
                                  SdExplainFlags          flags,
                                  GArray                 *busy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdMesh3d, sd_mesh3d_free)

G_END_DECLS
