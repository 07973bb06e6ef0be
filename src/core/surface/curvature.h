/* curvature.h: the local curvature of a surface, from its Hessian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdCurvature:
 * @lambda: the Hessian's eigenvalues, ascending: lambda[0] is lambda_min
 * @vectors: the unit eigenvectors, vectors[i] belongs to lambda[i]; they
 *   are orthogonal, and each points into the half-plane x >= 0 (the sign of
 *   an eigenvector is arbitrary, this makes it reproducible)
 * @condition: max |lambda| / min |lambda|, the 2-norm condition number of
 *   the Hessian; for a saddle this is |lambda_max / lambda_min| too, and it
 *   is infinite when an eigenvalue is zero
 * @stability_bound: 2 / lambda_max, the largest learning rate for which
 *   gradient descent on the quadratic model does not diverge; infinite when
 *   lambda_max <= 0 (no direction curves upwards)
 * @convex: whether the Hessian is positive semidefinite (lambda_min >= 0)
 *
 * The eigen-decomposition of a symmetric 2x2 Hessian and what it says about
 * gradient descent near the point.
 */
typedef struct
{
  double   lambda[2];
  double   vectors[2][2];
  double   condition;
  double   stability_bound;
  gboolean convex;
} SdCurvature;

gboolean sd_curvature_from_hessian (const double  hess[4],
                                    SdCurvature  *curvature,
                                    GError      **error);

G_END_DECLS
