/* objective.h: a scalar function of two variables, as the optimizers see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdObjectiveFunc:
 * @data: the objective's data
 * @p: the point (x, y)
 * @grad: (out caller-allocates) (nullable): the gradient (df/dx, df/dy)
 * @hess: (out caller-allocates) (nullable): the Hessian, row-major
 *   (d2f/dx2, d2f/dxdy, d2f/dydx, d2f/dy2)
 *
 * Evaluates the full objective (for a data-driven loss: over the whole
 * dataset). Must be pure and thread-safe: the same input always gives the
 * same output, and several threads may call it at once.
 *
 * Returns: the value at @p
 */
typedef double (*SdObjectiveFunc) (gpointer     data,
                                   const double p[2],
                                   double       grad[2],
                                   double       hess[4]);

/**
 * SdObjectiveBatchFunc:
 * @data: the objective's data
 * @p: the point (x, y)
 * @indices: (array length=n_indices): indices of the samples in the batch,
 *   each below the objective's n_samples
 * @n_indices: the batch size, at least 1
 * @grad: (out caller-allocates): the mean gradient over the batch
 *
 * Evaluates the gradient of a loss that is a mean over samples, restricted
 * to a minibatch. With every index once, in ascending order, it must give
 * exactly the gradient of #SdObjectiveFunc.
 */
typedef void (*SdObjectiveBatchFunc) (gpointer     data,
                                      const double p[2],
                                      const guint *indices,
                                      guint        n_indices,
                                      double       grad[2]);

/**
 * SdObjective:
 * @eval: evaluates the value, gradient and Hessian
 * @batch_gradient: (nullable): evaluates a minibatch gradient, for losses
 *   that are means over a dataset; %NULL for plain functions
 * @n_samples: the number of samples @batch_gradient indexes, 0 if none
 * @data: passed to both functions; must outlive every user of the objective
 *
 * What an optimizer needs to know about the function it minimizes. The
 * struct is a plain value: copy it freely.
 */
typedef struct
{
  SdObjectiveFunc      eval;
  SdObjectiveBatchFunc batch_gradient;
  guint                n_samples;
  gpointer             data;
} SdObjective;

/**
 * sd_objective_eval:
 * @objective: an objective
 * @p: the point
 * @grad: (out caller-allocates) (nullable): the gradient
 * @hess: (out caller-allocates) (nullable): the Hessian, row-major
 *
 * Returns: the value of @objective at @p
 */
static inline double
sd_objective_eval (const SdObjective *objective,
                   const double       p[2],
                   double             grad[2],
                   double             hess[4])
{
  return objective->eval (objective->data, p, grad, hess);
}

/**
 * sd_objective_is_stochastic:
 * @objective: an objective
 *
 * Returns: whether @objective can compute minibatch gradients
 */
static inline gboolean
sd_objective_is_stochastic (const SdObjective *objective)
{
  return objective->batch_gradient != NULL && objective->n_samples > 0;
}

G_END_DECLS
