/* optimizer-testing.h: test functions and helpers the optimizer tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-error.h"
#include "optimizer.h"
#include "state-testing.h"
#include "trajectory.h"

G_BEGIN_DECLS

/* Test functions with hand-written derivatives, as SdObjectiveFunc. */
double             quadratic     (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             rosenbrock    (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             saddle        (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             valley        (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             steep         (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             tilted        (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             logarithm     (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             absolute      (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);
double             log_one_minus (gpointer                 data,
                                  const double             p[2],
                                  double                   grad[2],
                                  double                   hess[4]);

void               assert_close  (double                   actual,
                                  double                   expected,
                                  double                   tol);
SdTrajectory      *run           (SdObjective             *objective,
                                  const SdOptimizerParams *params,
                                  double                   x,
                                  double                   y,
                                  guint                    steps);
SdOptimizerParams  params_for    (const char              *name);
void               set           (SdOptimizerParams       *params,
                                  const char              *key,
                                  double                   value);

G_END_DECLS
