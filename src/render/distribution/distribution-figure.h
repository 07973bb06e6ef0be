/* distribution-figure.h: figures of probability distributions: densities,
 * distribution functions, histograms of samples, intervals and moments, and
 * the bivariate normal's contours, principal axes and samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bivariate.h"
#include "distribution.h"
#include "figure-options.h"
#include "histogram.h"
#include "legend.h"
#include "plot.h"
#include "scene.h"
#include "scene-distribution.h"

G_BEGIN_DECLS

/**
 * SD_DISTRIBUTION_FIGURE_MAX_SCATTER:
 *
 * The most samples of a bivariate normal drawn as dots. Beyond a few
 * thousand dots a scatter only darkens; this many still shows the shape
 * and draws in a fraction of a second on any surface. The dots drawn are
 * the first ones of the scene's seeded draws.
 */
#define SD_DISTRIBUTION_FIGURE_MAX_SCATTER 20000

/**
 * SD_DISTRIBUTION_FIGURE_MAX_INTEGERS:
 *
 * The most whole numbers at which a discrete family is evaluated. A wider
 * range is evaluated at this many whole numbers evenly spread over it; its
 * mass is then drawn as an outline anyway, since stems would be closer
 * than a pixel.
 */
#define SD_DISTRIBUTION_FIGURE_MAX_INTEGERS 100000

/**
 * SdDistributionCurve:
 * @source: (not owned): the scene's `[Distribution NAME]` group
 * @family: its family
 * @index: its position among the groups the figure draws, which picks its
 *   palette colour when the scene sets none
 * @distribution: (nullable): the univariate distribution, %NULL for a
 *   bivariate normal
 * @bivariate: (nullable): the bivariate normal, %NULL otherwise
 * @n_points: the number of abscissae
 * @x: (array length=n_points): continuous families: @source->points evenly
 *   spaced x over the x range, both ends included; discrete families: the
 *   whole numbers of the x range (at most
 *   %SD_DISTRIBUTION_FIGURE_MAX_INTEGERS of them)
 * @density: (array length=n_points): the pdf, or the pmf, at @x
 * @cumulative: (array length=n_points): the cdf at @x
 * @histogram: (nullable): the counts of the first @n_samples draws, when the
 *   histogram layer is on: @source->bins equal bins over the x range, or one
 *   bin per whole number for a discrete family
 * @n_samples: how many draws were counted, inside the range or not
 * @probability: P(a ≤ X ≤ b) for the interval a;b, NaN without one
 * @mean: the mean, NaN when it is undefined or infinite
 * @sd: the standard deviation, NaN when undefined or infinite
 * @n_scatter: bivariate normal: how many samples are drawn as dots,
 *   @source->samples capped at %SD_DISTRIBUTION_FIGURE_MAX_SCATTER
 * @scatter_x: (array length=n_scatter) (nullable): their x
 * @scatter_y: (array length=n_scatter) (nullable): their y
 *
 * What one distribution of a figure shows, computed once.
 */
typedef struct
{
  const SdSceneDistribution *source;
  SdFamily                   family;
  guint                      index;
  SdDistribution            *distribution;
  SdBivariateNormal         *bivariate;
  gsize                      n_points;
  double                    *x;
  double                    *density;
  double                    *cumulative;
  SdHistogram               *histogram;
  guint64                    n_samples;
  double                     probability;
  double                     mean;
  double                     sd;
  gsize                      n_scatter;
  double                    *scatter_x;
  double                    *scatter_y;
} SdDistributionCurve;

/**
 * SdDistributionFigure:
 * @scene: (not owned): the scene; it must outlive the figure
 * @bivariate: whether this is the plane figure of bivariate normals
 * @curves: (element-type SdDistributionCurve): the distributions drawn, in
 *   file order
 * @legend_box: where the last sd_distribution_figure_render() put the
 *   legend, in points; empty when it drew none
 * @cdf_range: the values of distribution functions at the bottom and the
 *   top of the plot in the last render (the right axis', or the main
 *   axis' when only distribution functions are shown); 0 and 0 when it
 *   showed none
 *
 * Everything a distribution figure shows, computed once by
 * sd_distribution_figure_new(), which is the slow part (up to 10^7 draws
 * per distribution), so the window can compute it on a worker and draw it
 * at every frame.
 *
 * Which figure a scene gets: when its first distribution is a bivariate
 * normal, the plane figure of all its bivariate normals, otherwise the
 * figure of all its univariate distributions over x; the others are left
 * out (two kinds of axes do not share one plot).
 *
 * The univariate figure, per layer of each distribution:
 *
 * - `pdf`: the density as a curve with a light fill beneath (none when the
 *   figure has histograms, whose bars it would muddy), or a discrete
 *   family's mass as stems with dots at the whole numbers. Stems of several
 *   discrete distributions stand side by side around each number, like
 *   grouped bars; stems closer than a few points become an outline.
 * - `cdf`: the distribution function, steps for discrete families. Beside
 *   densities it is dashed and read on a second axis on the right titled
 *   "F(x) = P(X ≤ x), dashed", from 0 to 1 (a discrete one then shows only
 *   its treads, as its risers would run along the stems); when no
 *   distribution shows a density it is solid on the main axis, with a dot
 *   on each step of a discrete one.
 * - `histogram`: the draws in equal bins (one per whole number for a
 *   discrete family) as translucent bars, scaled as a density:
 *   count / (n × width) with n counting all the draws, so that the bars
 *   estimate the pdf even when some draws fall outside the range (their
 *   area is then the fraction inside, about 1).
 * - `interval`: P(a ≤ X ≤ b) shaded under the density between a and b
 *   (discrete: the stems outside a..b faded) and written on a plate,
 *   "P(−1 ≤ X ≤ 1) = 0.6827", inside the shaded area when it is roomy and
 *   in a row above the data otherwise. For a distribution that shows only
 *   its distribution function, the band a ≤ x ≤ b, guides at F(a) and F(b)
 *   and an arrow for the rise, labelled "… = F(b) − F(a) = 0.4712".
 * - `moments`: a solid line at the mean and dashed ones at mean ± one
 *   standard deviation, labelled μ and μ ± σ in a row at the top; moments
 *   that are undefined or infinite (Cauchy's, Student's t with ν ≤ 2) are
 *   left out.
 *
 * The y axis reads "density", or "probability" when every distribution is
 * discrete. A density that grows without bound at an end of its support
 * (gamma with shape < 1) is cut at twice its peak away from the ends
 * rather than squashing the rest. Nothing hides the data: the y range is
 * raised to make room for the rows of labels at the top and for the
 * legend, which takes the top corner that needs the least room, set
 * smaller, wrapped or in columns to fit (see sd_legend_fit_size()). Only
 * when that would shrink the data too much does it go inside the plot
 * where it hides no label and the least of the data (see
 * sd_legend_fit()); and when that is more than 1 % of the data's ink,
 * below the plot, which is made smaller for it.
 *
 * The plane figure, with an equal aspect over the x and y ranges: `pdf`
 * shades the density in nested bands and draws the ellipses at Mahalanobis
 * distance 1, 2 and 3 (1σ, the covariance ellipse, strongest; each
 * labelled with the probability it holds, 39.3, 86.5 and 98.9 %) and the
 * principal axes: dashed lines along the covariance's eigenvectors, and
 * arrows from the mean √λ long, which end on the covariance ellipse,
 * labelled "PC1, λ1 = …"; `histogram` scatters the first
 * %SD_DISTRIBUTION_FIGURE_MAX_SCATTER samples as translucent dots;
 * `moments` marks the mean. `cdf` and `interval` do not apply.
 *
 * Every figure has a legend with one entry per distribution: its name,
 * family and parameters, and the number of samples. The plane figure's
 * legend goes inside the plot where it hides the least, or below it. Colours are the
 * scene's, or else the theme's Okabe–Ito palette in file order.
 */
typedef struct
{
  const SdScene     *scene;
  gboolean           bivariate;
  GPtrArray         *curves;
  cairo_rectangle_t  legend_box;
  double             cdf_range[2];
} SdDistributionFigure;

/**
 * SdDistributionLabelKind:
 * @SD_DISTRIBUTION_LABEL_MOMENT: μ, μ − σ or μ + σ, in a row above the
 *   data, over its line
 * @SD_DISTRIBUTION_LABEL_INTERVAL: "P(a ≤ X ≤ b) = …" on a plate, inside
 *   the shaded area, in a row above the data, or beside the rise on a
 *   distribution function
 * @SD_DISTRIBUTION_LABEL_AXIS: "PC1, λ1 = …" on a plate beyond the tip of
 *   a principal axis' arrow
 * @SD_DISTRIBUTION_LABEL_ELLIPSE: "2σ: 86.5 %" on a plate over an ellipse
 *
 * What a label of a distribution figure names.
 */
typedef enum
{
  SD_DISTRIBUTION_LABEL_MOMENT,
  SD_DISTRIBUTION_LABEL_INTERVAL,
  SD_DISTRIBUTION_LABEL_AXIS,
  SD_DISTRIBUTION_LABEL_ELLIPSE,
} SdDistributionLabelKind;

/**
 * SdDistributionLabel:
 * @kind: what it names
 * @curve: the position of its distribution in the figure's curves
 * @index: which of the distribution's labels of @kind: 0, 1 and 2 for
 *   μ − σ, μ and μ + σ; 0 and 1 for the first and second principal axis;
 *   0, 1 and 2 for the ellipses at 1σ, 2σ and 3σ
 * @markup: its text, in Pango markup
 * @box: where it is drawn, in points: its plate, or its text when it has
 *   no plate
 * @plate: whether it is drawn on a plate of the background colour
 * @framed: whether the plate has a frame in @frame
 * @text: the text's colour, RGBA
 * @frame: the frame's colour, RGBA
 *
 * A label of a distribution figure, as sd_distribution_view_new() placed
 * it.
 */
typedef struct
{
  SdDistributionLabelKind  kind;
  guint                    curve;
  guint                    index;
  char                    *markup;
  cairo_rectangle_t        box;
  gboolean                 plate;
  gboolean                 framed;
  double                   text[4];
  double                   frame[4];
} SdDistributionLabel;

/**
 * SdDistributionView:
 *
 * A distribution figure laid out for a size and options by
 * sd_distribution_view_new(): the plot and its ranges, each layer's
 * geometry in points, the labels' texts and places and the legend's
 * place, which sd_distribution_view_render() draws on any cairo context.
 * Laying out is quick; the figure's data, which it reads, is the slow
 * part.
 */
typedef struct _SdDistributionView SdDistributionView;

SdDistributionFigure *sd_distribution_figure_new    (const SdScene          *scene,
                                                     GCancellable           *cancellable,
                                                     GError                **error);
void                  sd_distribution_figure_free   (SdDistributionFigure   *self);
SdPlot               *sd_distribution_figure_render (SdDistributionFigure   *self,
                                                     cairo_t                *cr,
                                                     const SdFigureOptions  *options);
SdPlot               *sd_distribution_figure_draw   (cairo_t                *cr,
                                                     const SdScene          *scene,
                                                     const SdFigureOptions  *options,
                                                     GCancellable           *cancellable,
                                                     GError                **error);

SdDistributionView *sd_distribution_view_new    (const SdDistributionFigure *figure,
                                                 const SdFigureOptions      *options);
void                sd_distribution_view_free   (SdDistributionView         *self);
void                sd_distribution_view_render (SdDistributionView         *self,
                                                 cairo_t                    *cr);

const SdPlot              *sd_distribution_view_get_plot      (const SdDistributionView *self);
SdPlot                    *sd_distribution_view_steal_plot    (SdDistributionView       *self);
const SdDistributionLabel *sd_distribution_view_get_labels    (const SdDistributionView *self,
                                                               guint                    *n_labels);
gboolean                   sd_distribution_view_get_legend    (const SdDistributionView *self,
                                                               cairo_rectangle_t        *box);
gboolean                   sd_distribution_view_get_cdf_range (const SdDistributionView *self,
                                                               double                    range[2]);

SdLegend *sd_distribution_figure_create_legend (const SdDistributionFigure *self,
                                                const SdThemeStyle         *style);
void      sd_distribution_curve_get_color      (const SdDistributionCurve  *curve,
                                                SdTheme                     theme,
                                                double                      rgba[4]);
char     *sd_distribution_curve_get_label      (const SdDistributionCurve  *curve);
char     *sd_distribution_interval_markup      (double                      a,
                                                double                      b,
                                                double                      probability);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdDistributionFigure, sd_distribution_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdDistributionView, sd_distribution_view_free)

G_END_DECLS
