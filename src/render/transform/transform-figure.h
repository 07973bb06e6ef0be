/* transform-figure.h: the plane under a 2 x 2 linear map: grids, basis,
 * unit circle, eigenvectors, determinant and the orbit of a vector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "figure-options.h"
#include "linmap.h"
#include "plot.h"
#include "scene-transform.h"

G_BEGIN_DECLS

/**
 * SdTransformLabelKind:
 * @SD_TRANSFORM_LABEL_BASIS_IMAGE: M î or M ĵ, at the tip of its arrow
 * @SD_TRANSFORM_LABEL_BASIS: î or ĵ, where it does not sit on its image's
 * @SD_TRANSFORM_LABEL_ORBIT: v, M v, M² v or M³ v, beside its point
 * @SD_TRANSFORM_LABEL_DETERMINANT: "det M = …", inside the image of the
 *   unit square when it fits there
 * @SD_TRANSFORM_LABEL_EIGENVALUE: "λ1 = …" beside its eigenvector line,
 *   or "λ1 = λ2 = …" beside a defective map's one line
 * @SD_TRANSFORM_LABEL_SINGULAR_VALUE: σ1 or σ2 at the tip of σ u
 *
 * What a label of the transform figure names.
 */
typedef enum
{
  SD_TRANSFORM_LABEL_BASIS_IMAGE,
  SD_TRANSFORM_LABEL_BASIS,
  SD_TRANSFORM_LABEL_ORBIT,
  SD_TRANSFORM_LABEL_DETERMINANT,
  SD_TRANSFORM_LABEL_EIGENVALUE,
  SD_TRANSFORM_LABEL_SINGULAR_VALUE,
} SdTransformLabelKind;

/**
 * SdTransformLabel:
 * @kind: what it names
 * @index: which one: 0 for î, λ1 or σ1, 1 for ĵ, λ2 or σ2; k for M^k v
 * @markup: its text, in Pango markup
 * @box: where its text is drawn, in points, centred in the box
 * @color: its colour, RGBA
 *
 * A label of the transform figure, as sd_transform_figure_new() placed it.
 */
typedef struct
{
  SdTransformLabelKind  kind;
  guint                 index;
  char                 *markup;
  cairo_rectangle_t     box;
  double                color[4];
} SdTransformLabel;

/**
 * SdTransformFigure:
 *
 * The transform figure of a scene, laid out for a size and options by
 * sd_transform_figure_new(): the map M, each layer's geometry in points
 * and the labels' texts and places, which sd_transform_figure_render()
 * draws on any cairo context. A page keeps one to map the pointer to the
 * plane and to tell which label it is over.
 */
typedef struct _SdTransformFigure SdTransformFigure;

SdTransformFigure      *sd_transform_figure_new          (const SdScene            *scene,
                                                          const SdFigureOptions    *options,
                                                          GError                  **error);
void                    sd_transform_figure_free         (SdTransformFigure        *self);
void                    sd_transform_figure_render       (SdTransformFigure        *self,
                                                          cairo_t                  *cr);
const SdPlot           *sd_transform_figure_get_plot     (const SdTransformFigure  *self);
const SdLinmapAnalysis *sd_transform_figure_get_analysis (const SdTransformFigure  *self);
const SdTransformLabel *sd_transform_figure_get_labels   (const SdTransformFigure  *self,
                                                          guint                    *n_labels);
gboolean                sd_transform_figure_get_info_box (const SdTransformFigure  *self,
                                                          cairo_rectangle_t        *box);

SdPlot                 *sd_transform_figure_draw         (cairo_t                  *cr,
                                                          const SdScene            *scene,
                                                          const SdFigureOptions    *options,
                                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdTransformFigure, sd_transform_figure_free)

G_END_DECLS
