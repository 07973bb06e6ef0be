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

/* distribution-continuous.c */
double sd_continuous_pdf         (const SdDistribution *d,
                                  double                x);
double sd_continuous_cdf         (const SdDistribution *d,
                                  double                x);
double sd_continuous_sf          (const SdDistribution *d,
                                  double                x);
double sd_continuous_quantile    (const SdDistribution *d,
                                  double                p);

/* distribution-discrete.c */
double sd_discrete_pmf           (const SdDistribution *d,
                                  double                x);
double sd_discrete_cdf           (const SdDistribution *d,
                                  double                x);
double sd_discrete_sf            (const SdDistribution *d,
                                  double                x);
double sd_discrete_quantile      (const SdDistribution *d,
                                  double                p);

G_END_DECLS
