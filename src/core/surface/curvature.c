/* curvature.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "curvature.h"

/* Eigenvalues of [[a, b], [b, c]]. The larger-magnitude root comes from
 * mean ± radius without cancellation; the other from det / that root, so a
 * nearly singular Hessian keeps its small eigenvalue's relative accuracy. */
static void
symmetric_eigenvalues (double  a,
                       double  b,
                       double  c,
                       double  lambda[2])
{
  double mean = 0.5 * (a + c);
  double radius = hypot (0.5 * (a - c), b);
  double det = a * c - b * b;

  if (radius == 0.0)
    {
      lambda[0] = lambda[1] = mean;
    }
  else if (mean >= 0.0)
    {
      lambda[1] = mean + radius;
      lambda[0] = det / lambda[1];
    }
  else
    {
      lambda[0] = mean - radius;
      lambda[1] = det / lambda[0];
    }
}

static double
condition_number (const double lambda[2])
{
  double lo = MIN (fabs (lambda[0]), fabs (lambda[1]));
  double hi = MAX (fabs (lambda[0]), fabs (lambda[1]));

  if (hi == 0.0)
    return 1.0;
  return lo == 0.0 ? INFINITY : hi / lo;
}

/**
 * sd_curvature_from_hessian:
 * @hess: the Hessian, row-major; its off-diagonal entries are averaged, so
 *   a Hessian with rounding asymmetry is treated as symmetric
 * @curvature: (out caller-allocates): the result
 * @error: return location for a #GError
 *
 * Decomposes a 2x2 Hessian in closed form (no iteration, so the result is
 * exact to rounding).
 *
 * Returns: %TRUE on success; %FALSE with %SD_CORE_ERROR_NUMERIC when an
 *   entry is not finite (the surface is not twice differentiable there)
 */
gboolean
sd_curvature_from_hessian (const double  hess[4],
                           SdCurvature  *curvature,
                           GError      **error)
{
  double a, b, c, theta;

  g_return_val_if_fail (hess != NULL, FALSE);
  g_return_val_if_fail (curvature != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < 4; i++)
    if (!isfinite (hess[i]))
      {
        g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                     _("The Hessian is not finite here, so the curvature is undefined"));
        return FALSE;
      }

  a = hess[0];
  b = 0.5 * (hess[1] + hess[2]);
  c = hess[3];
  symmetric_eigenvalues (a, b, c, curvature->lambda);

  /* The eigenvector of the larger eigenvalue makes the angle
   * theta = atan2 (2b, a - c) / 2 with the x axis; the other is at a right
   * angle to it. A multiple of the identity has theta = 0: the axes. */
  theta = 0.5 * atan2 (2.0 * b, a - c);
  curvature->vectors[1][0] = cos (theta);
  curvature->vectors[1][1] = sin (theta);
  curvature->vectors[0][0] = sin (theta);
  curvature->vectors[0][1] = -cos (theta);
  for (guint i = 0; i < 2; i++)
    if (curvature->vectors[i][0] < 0.0
        || (curvature->vectors[i][0] == 0.0 && curvature->vectors[i][1] < 0.0))
      {
        curvature->vectors[i][0] = -curvature->vectors[i][0];
        curvature->vectors[i][1] = -curvature->vectors[i][1];
      }

  curvature->condition = condition_number (curvature->lambda);
  curvature->stability_bound = curvature->lambda[1] > 0.0 ? 2.0 / curvature->lambda[1] : INFINITY;
  curvature->convex = curvature->lambda[0] >= 0.0;
  return TRUE;
}
