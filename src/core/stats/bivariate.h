/* bivariate.h: the bivariate normal distribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "distribution.h"

G_BEGIN_DECLS

/**
 * SdBivariateNormal:
 *
 * A normal distribution in the plane, given by its mean (mx, my) and its
 * covariance matrix [[sxx, sxy], [sxy, syy]]. Immutable after creation, so
 * it may be read from several threads at once.
 */
typedef struct _SdBivariateNormal SdBivariateNormal;

/**
 * SdPrincipalAxes:
 * @variance: the eigenvalues of the covariance, largest first: the variances
 *   along the principal axes
 * @axis: @axis[i] is the unit eigenvector (x, y) of @variance[i]; @axis[0]
 *   has x >= 0 and @axis[1] is @axis[0] turned by +90 degrees
 * @angle: the angle of @axis[0] from the x axis, in radians, in (-pi/2, pi/2]
 *
 * The eigen-decomposition of a covariance matrix: the axes of its ellipses.
 */
typedef struct
{
  double variance[2];
  double axis[2][2];
  double angle;
} SdPrincipalAxes;

SdBivariateNormal *sd_bivariate_normal_new                (const double              mean[2],
                                                           const double              covariance[3],
                                                           GError                  **error);
SdBivariateNormal *sd_bivariate_normal_new_from_lists     (const double             *mean,
                                                           gsize                     n_mean,
                                                           const double             *covariance,
                                                           gsize                     n_covariance,
                                                           GError                  **error);
SdBivariateNormal *sd_bivariate_normal_new_default        (void);
SdBivariateNormal *sd_bivariate_normal_copy               (const SdBivariateNormal  *bivariate);
void               sd_bivariate_normal_free               (SdBivariateNormal        *bivariate);

void               sd_bivariate_normal_get_mean           (const SdBivariateNormal  *bivariate,
                                                           double                   *mx,
                                                           double                   *my);
void               sd_bivariate_normal_get_covariance     (const SdBivariateNormal  *bivariate,
                                                           double                   *sxx,
                                                           double                   *sxy,
                                                           double                   *syy);
double             sd_bivariate_normal_get_correlation    (const SdBivariateNormal  *bivariate);
SdDistribution    *sd_bivariate_normal_get_marginal       (const SdBivariateNormal  *bivariate,
                                                           guint                     axis);

double             sd_bivariate_normal_pdf                (const SdBivariateNormal  *bivariate,
                                                           double                    x,
                                                           double                    y);
double             sd_bivariate_normal_mahalanobis        (const SdBivariateNormal  *bivariate,
                                                           double                    x,
                                                           double                    y);
void               sd_bivariate_normal_get_principal_axes (const SdBivariateNormal  *bivariate,
                                                           SdPrincipalAxes          *axes);
void               sd_bivariate_normal_get_ellipse        (const SdBivariateNormal  *bivariate,
                                                           double                    k,
                                                           double                   *x,
                                                           double                   *y,
                                                           guint                     n_points);
double             sd_bivariate_normal_ellipse_mass       (double                    k);
void               sd_bivariate_normal_sample             (const SdBivariateNormal  *bivariate,
                                                           guint64                   seed,
                                                           double                   *x,
                                                           double                   *y,
                                                           gsize                     n_samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdBivariateNormal, sd_bivariate_normal_free)

G_END_DECLS
