/* distribution-private.h: what the files of the distribution module share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "distribution.h"

G_BEGIN_DECLS

struct _SdDistribution
{
  SdFamily family;
  double   parameters[SD_DISTRIBUTION_MAX_PARAMETERS];
};

/* saddle-point.c */
double sd_stirling_error         (double x);
double sd_deviance_term          (double x,
                                  double np);
double sd_log_binomial_density   (double x,
                                  double n,
                                  double p,
                                  double q);
double sd_log_poisson_density    (double x,
                                  double lambda);

/* incomplete-beta.c */
double sd_incomplete_beta        (double a,
                                  double b,
                                  double x,
                                  double y);

/* incomplete-gamma.c */
double sd_incomplete_gamma       (double   a,
                                  double   x,
                                  gboolean upper);

/* What a family computes at a point, for the families of one kind; NaN
 * points and the ends of the support are dealt with by distribution.c. */
typedef struct
{
  double (*pdf)      (const SdDistribution *d,
                      double                x);
  double (*cdf)      (const SdDistribution *d,
                      double                x);
  double (*sf)       (const SdDistribution *d,
                      double                x);
  double (*quantile) (const SdDistribution *d,
                      double                p);
} SdDistributionOps;

/* distribution-validate.c */
gboolean sd_family_validate      (SdFamily       family,
                                  const double  *parameters,
                                  GError       **error);

/* distribution-continuous.c */
extern const SdDistributionOps sd_continuous_ops;

/* distribution-discrete.c (pdf is the probability mass) */
extern const SdDistributionOps sd_discrete_ops;

G_END_DECLS
