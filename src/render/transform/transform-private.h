/* transform-private.h: what the layers of the transform figure share
 *
 * transform-figure.c computes the map and lays the plot out in an
 * SdTransformContext. Each layer, in a file of its own, turns the context
 * into what it draws, in the figure's points: its _new computes that (and
 * marks the points labels must keep off), its _render draws it, its _free
 * frees it. Labels are placed across the layers in order of importance,
 * each layer placing its own (transform-labels.c has what they share);
 * the info box goes where it hides the least (transform-info.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "arrowhead.h"
#include "label-placer.h"
#include "linmap.h"
#include "path.h"
#include "plot.h"
#include "scene-transform.h"
#include "transform-figure.h"

G_BEGIN_DECLS

/* Palette entries. î and ĵ take the green and red that 3Blue1Brown's
 * videos use for them, so students meet the colours they know; in the
 * Okabe–Ito palette the two stay apart for colour-blind readers too. The
 * transformed grid is blue, and the unit square's image, one cell of that
 * grid, is filled with the same blue. */
#define SD_TRANSFORM_BLUE 0
#define SD_TRANSFORM_VERMILLION 1
#define SD_TRANSFORM_GREEN 2
#define SD_TRANSFORM_PURPLE 3
#define SD_TRANSFORM_ORANGE 4

/* Formulas in captions do not break at their spaces. */
#define NBSP "\xc2\xa0"

typedef struct
{
  /* What is drawn. */
  const SdSceneTransform *transform;
  SdMat2                  m;
  SdLinmapAnalysis        analysis;
  const char             *letter;
  double                 *orbit;
  guint                   n_orbit;

  /* Where, once the plot is laid out. */
  SdPlot                 *plot;
  const SdThemeStyle     *style;
  cairo_t                *measure;
  cairo_rectangle_t       area;
  double                  x_range[2];
  double                  y_range[2];
  double                  ppu;
  double                  radius;
  double                  lattice_step;
  double                  em;

  /* Where the labels went, and what they and the info box keep off. */
  SdLabelPlacer          *placer;
  GArray                 *labels;

  double                  grid_color[4];
  double                  i_color[4];
  double                  j_color[4];
  double                  eigen_color[4];
  double                  ink[4];
} SdTransformContext;

/* An arrow between two points of the page, its head's point exactly at
 * the second; drawn with its alpha applied to the whole arrow at once. */
typedef struct
{
  gboolean    shown;
  double      from[2];
  double      shaft[2];
  double      tip[2];
  double      direction[2];
  double      width;
  double      color[4];
  SdArrowhead head;
} SdTransformArrow;

/* transform-context.c */
double    _sd_transform_nice_ceil          (double                    x);
double    _sd_transform_view_half_range    (const SdSceneTransform  *transform);
gboolean  _sd_transform_context_prepare    (SdTransformContext      *ctx,
                                            const SdSceneTransform  *transform,
                                            GError                 **error);
void      _sd_transform_context_set_plot   (SdTransformContext      *ctx,
                                            SdPlot                  *plot,
                                            cairo_t                 *measure);
void      _sd_transform_context_set_layout (SdTransformContext      *ctx);
void      _sd_transform_context_clear      (SdTransformContext      *ctx);
void      _sd_transform_to_page            (const SdTransformContext *ctx,
                                            double                   x,
                                            double                   y,
                                            double                  *px,
                                            double                  *py);
void      _sd_transform_apply              (const SdMat2            *m,
                                            double                   x,
                                            double                   y,
                                            double                   out[2]);
gboolean  _sd_transform_in_view            (const SdTransformContext *ctx,
                                            const double             p[2]);
void      _sd_transform_page_direction     (const SdTransformContext *ctx,
                                            double                   x,
                                            double                   y,
                                            double                   fallback_x,
                                            double                   fallback_y,
                                            double                  *dx,
                                            double                  *dy);
void      _sd_transform_exit_point         (const SdTransformContext *ctx,
                                            const double             p[2],
                                            const double             q[2],
                                            double                   out[2]);
void      _sd_transform_mark_point         (SdTransformContext      *ctx,
                                            double                   x,
                                            double                   y);
void      _sd_transform_mark_shape         (SdTransformContext      *ctx,
                                            const double            *xy,
                                            guint                    n);
void      _sd_transform_mark_line          (SdTransformContext      *ctx,
                                            double                   x0,
                                            double                   y0,
                                            double                   x1,
                                            double                   y1,
                                            double                   width);
void      _sd_transform_set_alpha          (double                   rgba[4],
                                            const double             color[4],
                                            double                   alpha);
gboolean  _sd_transform_has_eigen_lines    (const SdTransformContext *ctx);
gboolean  _sd_transform_has_singular_directions (const SdTransformContext *ctx);
void      _sd_transform_singular_vectors   (const SdTransformContext *ctx,
                                            guint                    i,
                                            double                   v[2],
                                            double                   su[2]);
char     *_sd_transform_format_number      (double                   value,
                                            double                   zero);

void      _sd_transform_mark_arrow         (SdTransformContext      *ctx,
                                            const SdTransformArrow  *arrow);

/* transform-draw.c */
void      _sd_transform_segment            (const SdTransformContext *ctx,
                                            SdPath                  *path,
                                            double                   x0,
                                            double                   y0,
                                            double                   x1,
                                            double                   y1);
void      _sd_transform_line               (const SdTransformContext *ctx,
                                            SdPath                  *path,
                                            const double             point[2],
                                            const double             direction[2]);
void      _sd_transform_arrow_init         (const SdTransformContext *ctx,
                                            SdTransformArrow        *arrow,
                                            double                   x0,
                                            double                   y0,
                                            double                   x1,
                                            double                   y1,
                                            double                   width,
                                            const double             rgba[4]);
void      _sd_transform_arrow_init_data    (const SdTransformContext *ctx,
                                            SdTransformArrow        *arrow,
                                            const double             from[2],
                                            const double             to[2],
                                            double                   width,
                                            const double             rgba[4]);
void      _sd_transform_arrow_render       (const SdTransformArrow  *arrow,
                                            cairo_t                 *cr);
void      _sd_transform_stroke_translucent (cairo_t                 *cr,
                                            const SdPath            *path,
                                            double                   width,
                                            const double             rgba[4]);

/* transform-labels.c */
void      _sd_transform_label_clear        (gpointer                 label);
void      _sd_transform_label_measure      (const SdTransformContext *ctx,
                                            const char              *markup,
                                            double                  *width,
                                            double                  *height);
void      _sd_transform_label_add          (SdTransformContext      *ctx,
                                            SdTransformLabelKind     kind,
                                            guint                    index,
                                            const char              *markup,
                                            const double             color[4],
                                            const cairo_rectangle_t *box);
gboolean  _sd_transform_label_place        (SdTransformContext      *ctx,
                                            SdTransformLabelKind     kind,
                                            guint                    index,
                                            const char              *markup,
                                            const double             color[4],
                                            const double             at[2],
                                            const double             side[2],
                                            gboolean                 required);
gboolean  _sd_transform_label_tip          (SdTransformContext      *ctx,
                                            SdTransformLabelKind     kind,
                                            guint                    index,
                                            const char              *markup,
                                            const double             color[4],
                                            const double             tip[2],
                                            const double             fallback[2],
                                            gboolean                 required);
void      _sd_transform_labels_render      (const GArray            *labels,
                                            const SdThemeStyle      *style,
                                            cairo_t                 *cr);

/* The layers, in the order they are drawn. */
typedef struct _SdTransformDeterminant SdTransformDeterminant;
typedef struct _SdTransformGrid SdTransformGrid;
typedef struct _SdTransformCircle SdTransformCircle;
typedef struct _SdTransformEigen SdTransformEigen;
typedef struct _SdTransformSvd SdTransformSvd;
typedef struct _SdTransformBasis SdTransformBasis;
typedef struct _SdTransformOrbit SdTransformOrbit;
typedef struct _SdTransformInfo SdTransformInfo;

SdTransformDeterminant *_sd_transform_determinant_new    (SdTransformContext           *ctx);
void                    _sd_transform_determinant_label  (SdTransformContext           *ctx);
void                    _sd_transform_determinant_render (const SdTransformDeterminant *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_determinant_free   (SdTransformDeterminant       *self);

SdTransformGrid        *_sd_transform_grid_new           (SdTransformContext           *ctx,
                                                          gboolean                      lattice);
void                    _sd_transform_grid_render        (const SdTransformGrid        *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_grid_free          (SdTransformGrid              *self);

SdTransformCircle      *_sd_transform_circle_new         (SdTransformContext           *ctx);
void                    _sd_transform_circle_render      (const SdTransformCircle      *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_circle_free        (SdTransformCircle            *self);

SdTransformEigen       *_sd_transform_eigen_new          (SdTransformContext           *ctx);
void                    _sd_transform_eigen_label        (SdTransformContext           *ctx);
void                    _sd_transform_eigen_render       (const SdTransformEigen       *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_eigen_free         (SdTransformEigen             *self);

SdTransformSvd         *_sd_transform_svd_new            (SdTransformContext           *ctx);
void                    _sd_transform_svd_label          (SdTransformContext           *ctx);
void                    _sd_transform_svd_render         (const SdTransformSvd         *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_svd_free           (SdTransformSvd               *self);

SdTransformBasis       *_sd_transform_basis_new          (SdTransformContext           *ctx);
void                    _sd_transform_basis_label        (SdTransformContext           *ctx,
                                                          gboolean                      originals);
void                    _sd_transform_basis_render       (const SdTransformBasis       *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_basis_free         (SdTransformBasis             *self);

SdTransformOrbit       *_sd_transform_orbit_new          (SdTransformContext           *ctx);
void                    _sd_transform_orbit_label        (SdTransformContext           *ctx,
                                                          guint                         first,
                                                          guint                         end);
void                    _sd_transform_orbit_render       (const SdTransformOrbit       *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_orbit_free         (SdTransformOrbit             *self);

SdTransformInfo        *_sd_transform_info_new           (const SdTransformContext     *ctx,
                                                          double                        scale);
double                  _sd_transform_info_get_reserve   (const SdTransformInfo        *self);
void                    _sd_transform_info_get_size      (const SdTransformInfo        *self,
                                                          double                       *width,
                                                          double                       *height);
void                    _sd_transform_info_place_beside  (SdTransformInfo              *self,
                                                          const SdTransformContext     *ctx);
void                    _sd_transform_info_place_inside  (SdTransformInfo              *self,
                                                          const SdTransformContext     *ctx,
                                                          const double                 *points,
                                                          gsize                         n_points,
                                                          guint                        *hidden,
                                                          gsize                        *covered);
gboolean                _sd_transform_info_get_box       (const SdTransformInfo        *self,
                                                          cairo_rectangle_t            *box);
void                    _sd_transform_info_render        (const SdTransformInfo        *self,
                                                          cairo_t                      *cr);
void                    _sd_transform_info_free          (SdTransformInfo              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdTransformInfo, _sd_transform_info_free)

G_END_DECLS
