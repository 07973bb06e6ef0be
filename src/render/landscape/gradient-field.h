/* gradient-field.h: arrows of steepest descent on a lattice over the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "colorbar.h"
#include "plot.h"
#include "surface.h"

G_BEGIN_DECLS

/* Heatmap colours with a lower luma get light arrows over them. */
#define SD_GRADIENT_FIELD_DARK_LUMA 0.5

/**
 * SdGradientField:
 * @cols: lattice columns
 * @rows: lattice rows
 * @xmin: the left edge of the lattice's range
 * @xmax: its right edge
 * @ymin: its bottom edge
 * @ymax: its top edge
 * @value: (array): cols * rows values of the surface at the cell centres,
 *   row by row from the bottom
 * @grad: (array): cols * rows gradients (df/dx, df/dy) at the cell centres,
 *   in the same order
 *
 * The exact gradient of a surface at the centres of a coarse lattice of
 * cells, what sd_gradient_field_draw() draws.
 */
typedef struct
{
  guint   cols;
  guint   rows;
  double  xmin;
  double  xmax;
  double  ymin;
  double  ymax;
  double *value;
  double *grad;
} SdGradientField;

void             sd_gradient_field_get_lattice (const SdPlot          *plot,
                                                guint                 *cols,
                                                guint                 *rows);
SdGradientField *sd_gradient_field_new         (const SdSurface       *surface,
                                                double                 xmin,
                                                double                 xmax,
                                                double                 ymin,
                                                double                 ymax,
                                                guint                  cols,
                                                guint                  rows);
void             sd_gradient_field_free        (SdGradientField       *field);
void             sd_gradient_field_draw        (const SdGradientField *field,
                                                cairo_t               *cr,
                                                const SdPlot          *plot,
                                                const SdColorbar      *colorbar,
                                                const double          *on_dark,
                                                const double          *on_light);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdGradientField, sd_gradient_field_free)

G_END_DECLS
