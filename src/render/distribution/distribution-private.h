/* distribution-private.h: what the layers of a distribution figure share
 *
 * distribution-data.c computes what a scene's distributions show (the
 * slow part); distribution-layout.c lays a figure of them out for a size
 * in an SdDistributionContext: its ranges, the rows of labels above the
 * data and the legend's corner. Each layer, in a file of its own, turns
 * the context into what it draws, in points: its _new computes that,
 * places its labels and marks where its data is, for the legend to keep
 * clear of; its _render draws it; its _free frees it. distribution-view.c
 * makes the layers in drawing order and draws them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "distribution-figure.h"
#include "label-placer.h"
#include "legend.h"
#include "path.h"
#include "plot.h"
#include "ticks.h"

G_BEGIN_DECLS

/* Opacities of the data's colour. Fills stay light so that curves, bars
 * and grid lines drawn over or under them still read. */
#define SD_DISTRIBUTION_FILL_ALPHA 0.12      /* under a density */
#define SD_DISTRIBUTION_INTERVAL_ALPHA 0.40  /* under a density between a and b */
#define SD_DISTRIBUTION_BAR_ALPHA 0.30       /* histogram bars */

/* The legend's corner is chosen seeing the data as this many columns of
 * the plot. */
#define SD_DISTRIBUTION_BUSY_SLICES 32

/* Spacing in units of the body font size. */
#define SD_DISTRIBUTION_LABEL_GAP 0.35
#define SD_DISTRIBUTION_PLATE_PADDING 0.3

/* The distribution function's axis title: a formula, the same in every
 * language. */
#define SD_DISTRIBUTION_CDF_TITLE "<i>F</i>(<i>x</i>) = P(<i>X</i> ≤ <i>x</i>)"

/* Points of the page from left to right, joined at draw time by
 * _sd_distribution_add_polyline(), which keeps as many as the device
 * shows. */
typedef struct
{
  double *px;
  double *py;
  gsize   n;
} SdDistributionPolyline;

typedef struct
{
  const SdDistributionFigure *figure;
  const SdThemeStyle         *style;
  SdPlot                     *plot;
  cairo_t                    *measure;
  cairo_rectangle_t           area;
  double                      view[2];        /* the x range shown */
  gboolean                    density_axis;   /* densities on the main axis; else the cdf */
  gboolean                    twin;           /* distribution functions on a right axis */
  double                      y_top;          /* the main axis' top */
  double                      cdf_range[2];   /* where distribution functions are read */
  guint                       n_stems;        /* discrete distributions drawn as stems */
  guint                      *stem_slot;      /* each one's place among them */
  gboolean                    any_histogram;
  gboolean                   *interval_row;   /* whose interval label sits in a row */
  double                     *interval_width; /* and how wide it is */
  double                      rows_top;       /* where the rows of labels start */

  /* Where the data is, for the legend to make room above: the top of
   * the data in each column. */
  double                      busy_top[SD_DISTRIBUTION_BUSY_SLICES];

  /* The labels, and the placer that keeps them apart. */
  SdLabelPlacer              *placer;
  GArray                     *labels;

  SdLegend                   *legend;
  SdLegendPlacement           placement;      /* the legend's corner, or AUTO */
  SdLegendFit                 legend_fit;     /* how it is set; placed in its corner */
  gboolean                    legend_below;   /* below the plot: no corner to make room in */
} SdDistributionContext;

/* distribution-context.c */
void                 _sd_distribution_context_init     (SdDistributionContext       *ctx,
                                                        const SdDistributionFigure  *figure,
                                                        const SdThemeStyle          *style,
                                                        cairo_t                     *measure);
void                 _sd_distribution_context_clear    (SdDistributionContext       *ctx);
SdDistributionCurve *_sd_distribution_curve_at         (const SdDistributionContext *ctx,
                                                        guint                        index);
void                 _sd_distribution_curve_color      (const SdDistributionContext *ctx,
                                                        const SdDistributionCurve   *curve,
                                                        double                       rgba[4]);
void                 _sd_distribution_color_with_alpha (const double                 rgba[4],
                                                        double                       alpha,
                                                        double                       out[4]);
double               _sd_distribution_fill_alpha       (const SdDistributionContext *ctx,
                                                        double                       alpha);
gboolean             _sd_distribution_shows_density    (const SdDistributionCurve   *curve);
gboolean             _sd_distribution_shows_cdf        (const SdDistributionCurve   *curve);
gboolean             _sd_distribution_shows_interval   (const SdDistributionCurve   *curve);
gboolean             _sd_distribution_interval_on_cdf  (const SdDistributionCurve   *curve);
gboolean             _sd_distribution_is_discrete      (const SdDistributionCurve   *curve);
double               _sd_distribution_map_x            (const SdDistributionContext *ctx,
                                                        double                       x);
double               _sd_distribution_map_density      (const SdDistributionContext *ctx,
                                                        double                       y);
double               _sd_distribution_map_cdf          (const SdDistributionContext *ctx,
                                                        double                       f);
void                 _sd_distribution_mark_busy        (SdDistributionContext       *ctx,
                                                        double                       px0,
                                                        double                       px1,
                                                        double                       py);
void                 _sd_distribution_reset_busy       (SdDistributionContext       *ctx);
double               _sd_distribution_stem_spacing     (const SdDistributionContext *ctx,
                                                        const SdDistributionCurve   *curve);
gboolean             _sd_distribution_is_dense         (const SdDistributionContext *ctx,
                                                        const SdDistributionCurve   *curve);
void                 _sd_distribution_interval_cdf     (const SdDistributionCurve   *curve,
                                                        double                      *fa,
                                                        double                      *fb);
double               _sd_distribution_cdf_bracket_x    (const SdDistributionContext *ctx,
                                                        const SdDistributionCurve   *curve);
double               _sd_distribution_device_scale     (cairo_t                     *cr);
void                 _sd_distribution_add_polyline     (cairo_t                     *cr,
                                                        const double                *px,
                                                        const double                *py,
                                                        gsize                        n,
                                                        gboolean                     join);
void                 _sd_distribution_polyline_map     (SdDistributionContext       *ctx,
                                                        SdDistributionPolyline      *line,
                                                        const SdDistributionCurve   *curve,
                                                        const double                *values,
                                                        gboolean                     cdf);
void                 _sd_distribution_polyline_clear   (SdDistributionPolyline      *line);

/* distribution-text.c */
void        _sd_distribution_append_number  (GString                     *out,
                                             double                       value);
void        _sd_distribution_append_compact (GString                     *out,
                                             double                       value);
char       *_sd_distribution_rise_markup    (const SdDistributionCurve   *curve);
const char *_sd_distribution_y_title        (const SdDistributionContext *ctx);

/* distribution-labels.c */
void     _sd_distribution_label_clear   (gpointer                     label);
void     _sd_distribution_plate_box     (const SdDistributionContext *ctx,
                                         const char                  *markup,
                                         double                       cx,
                                         double                       cy,
                                         cairo_rectangle_t           *box);
void     _sd_distribution_label_add     (SdDistributionContext       *ctx,
                                         const SdDistributionLabel   *label);
void     _sd_distribution_label_settle  (SdDistributionContext       *ctx,
                                         SdDistributionLabel         *label,
                                         double                       cx,
                                         double                       cy);
gboolean _sd_distribution_label_try     (SdDistributionContext       *ctx,
                                         SdDistributionLabel         *label,
                                         double                       cx,
                                         double                       cy);
void     _sd_distribution_label_render  (const SdDistributionLabel   *label,
                                         const SdThemeStyle          *style,
                                         cairo_t                     *cr);
void     _sd_distribution_labels_render (const GArray                *labels,
                                         guint                        kinds,
                                         const SdThemeStyle          *style,
                                         cairo_t                     *cr);

/* distribution-layout.c */
void     _sd_distribution_classify          (SdDistributionContext       *ctx);
void     _sd_distribution_layout_univariate (SdDistributionContext       *ctx,
                                             double                       width,
                                             double                       height,
                                             double                       right);
void     _sd_distribution_layout_bivariate  (SdDistributionContext       *ctx,
                                             double                       width,
                                             double                       height);
gboolean _sd_distribution_has_moments       (const SdDistributionContext *ctx,
                                             const SdDistributionCurve   *curve);
double   _sd_distribution_label_row_height  (const SdDistributionContext *ctx);
double   _sd_distribution_plate_row_height  (const SdDistributionContext *ctx);

/* The layers, in the order they are drawn. */
typedef struct _SdDistributionRightAxis SdDistributionRightAxis;
typedef struct _SdDistributionHistogram SdDistributionHistogram;
typedef struct _SdDistributionFill SdDistributionFill;
typedef struct _SdDistributionRise SdDistributionRise;
typedef struct _SdDistributionMoments SdDistributionMoments;
typedef struct _SdDistributionCdf SdDistributionCdf;
typedef struct _SdDistributionPdf SdDistributionPdf;
typedef struct _SdDistributionShading SdDistributionShading;
typedef struct _SdDistributionScatter SdDistributionScatter;
typedef struct _SdDistributionEllipses SdDistributionEllipses;
typedef struct _SdDistributionMeans SdDistributionMeans;

SdDistributionRightAxis *_sd_distribution_right_axis_new      (SdDistributionContext         *ctx);
double                   _sd_distribution_right_axis_get_room (const SdDistributionRightAxis *self);
void                     _sd_distribution_right_axis_render   (const SdDistributionRightAxis *self,
                                                               const SdDistributionContext   *ctx,
                                                               cairo_t                       *cr);
void                     _sd_distribution_right_axis_free     (SdDistributionRightAxis       *self);

SdDistributionHistogram *_sd_distribution_histogram_new    (SdDistributionContext         *ctx);
void                     _sd_distribution_histogram_render (const SdDistributionHistogram *self,
                                                            cairo_t                       *cr);
void                     _sd_distribution_histogram_free   (SdDistributionHistogram       *self);

SdDistributionFill *_sd_distribution_fill_new    (SdDistributionContext    *ctx);
void                _sd_distribution_fill_render (const SdDistributionFill *self,
                                                  cairo_t                  *cr);
void                _sd_distribution_fill_free   (SdDistributionFill       *self);

SdDistributionRise *_sd_distribution_rise_new    (SdDistributionContext    *ctx);
void                _sd_distribution_rise_render (const SdDistributionRise *self,
                                                  cairo_t                  *cr);
void                _sd_distribution_rise_free   (SdDistributionRise       *self);

SdDistributionMoments *_sd_distribution_moments_new    (SdDistributionContext       *ctx);
void                   _sd_distribution_moments_render (const SdDistributionMoments *self,
                                                        cairo_t                     *cr);
void                   _sd_distribution_moments_free   (SdDistributionMoments       *self);

SdDistributionCdf *_sd_distribution_cdf_new    (SdDistributionContext   *ctx);
void               _sd_distribution_cdf_render (const SdDistributionCdf *self,
                                                cairo_t                 *cr);
void               _sd_distribution_cdf_free   (SdDistributionCdf       *self);

SdDistributionPdf *_sd_distribution_pdf_new    (SdDistributionContext   *ctx);
void               _sd_distribution_pdf_render (const SdDistributionPdf *self,
                                                cairo_t                 *cr);
void               _sd_distribution_pdf_free   (SdDistributionPdf       *self);

void _sd_distribution_interval_labels_place (SdDistributionContext *ctx);

SdDistributionShading *_sd_distribution_shading_new    (SdDistributionContext       *ctx);
void                   _sd_distribution_shading_render (const SdDistributionShading *self,
                                                        cairo_t                     *cr);
void                   _sd_distribution_shading_free   (SdDistributionShading       *self);

SdDistributionScatter *_sd_distribution_scatter_new    (SdDistributionContext       *ctx);
void                   _sd_distribution_scatter_render (const SdDistributionScatter *self,
                                                        cairo_t                     *cr);
void                   _sd_distribution_scatter_free   (SdDistributionScatter       *self);

SdDistributionEllipses *_sd_distribution_ellipses_new    (SdDistributionContext        *ctx);
void                    _sd_distribution_ellipses_label  (SdDistributionContext        *ctx);
void                    _sd_distribution_ellipses_render (const SdDistributionEllipses *self,
                                                          cairo_t                      *cr);
void                    _sd_distribution_ellipses_free   (SdDistributionEllipses       *self);

SdDistributionMeans *_sd_distribution_means_new    (SdDistributionContext     *ctx);
void                 _sd_distribution_means_render (const SdDistributionMeans *self,
                                                    cairo_t                   *cr);
void                 _sd_distribution_means_free   (SdDistributionMeans       *self);

G_END_DECLS
