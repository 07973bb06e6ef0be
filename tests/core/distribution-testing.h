/* distribution-testing.h: SciPy's values and the helpers the distribution
 * tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-error.h"
#include "distribution.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double pdf;
  double cdf;
  double sf;
} PointRef;

typedef struct
{
  const char *family;
  double      parameters[2];
  guint       n_points;
  PointRef    points[7];
  double      quantiles[5];   /* at quantile_levels[] */
  double      mvsk[4];
} FamilyRef;

/* The levels at which FamilyRef.quantiles are taken. */
extern const double    quantile_levels[5];

/* SciPy's values for two parameter sets of every family. */
extern const FamilyRef references[];
extern const guint     n_references;

SdDistribution *new_distribution (const char   *name,
                                  const double *parameters);
gboolean        close_to         (double        actual,
                                  double        expected,
                                  double        tolerance);
void            check_close      (const char   *what,
                                  const char   *family,
                                  double        at,
                                  double        actual,
                                  double        expected,
                                  double        tolerance);

G_END_DECLS
