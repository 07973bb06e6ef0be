/* optimizer.h: iterative minimizers, stepped one update at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "objective.h"

G_BEGIN_DECLS

/**
 * SdOptimizerKind:
 * @SD_OPTIMIZER_SGD: `sgd`, torch.optim.SGD
 * @SD_OPTIMIZER_MOMENTUM: `momentum`, torch.optim.SGD with momentum
 * @SD_OPTIMIZER_NESTEROV: `nesterov`, torch.optim.SGD with nesterov=True
 * @SD_OPTIMIZER_ADAGRAD: `adagrad`, torch.optim.Adagrad
 * @SD_OPTIMIZER_RMSPROP: `rmsprop`, torch.optim.RMSprop (not centered)
 * @SD_OPTIMIZER_ADAM: `adam`, torch.optim.Adam (not amsgrad)
 * @SD_OPTIMIZER_ADAMW: `adamw`, torch.optim.AdamW (not amsgrad)
 * @SD_OPTIMIZER_NEWTON: `newton`, damped Newton's method
 * @SD_OPTIMIZER_BFGS: `bfgs`, GSL's gsl_multimin_fdfminimizer_vector_bfgs2
 * @SD_OPTIMIZER_CONJUGATE_GRADIENT: `conjugate-gradient`, GSL's
 *   gsl_multimin_fdfminimizer_conjugate_pr (Polak-Ribiere)
 * @SD_OPTIMIZER_NELDER_MEAD: `nelder-mead`, GSL's
 *   gsl_multimin_fminimizer_nmsimplex2
 * @SD_N_OPTIMIZER_KINDS: the number of kinds
 *
 * The optimization methods. The torch ones reproduce torch.optim's update
 * rules operation by operation in float64.
 */
typedef enum
{
  SD_OPTIMIZER_SGD,
  SD_OPTIMIZER_MOMENTUM,
  SD_OPTIMIZER_NESTEROV,
  SD_OPTIMIZER_ADAGRAD,
  SD_OPTIMIZER_RMSPROP,
  SD_OPTIMIZER_ADAM,
  SD_OPTIMIZER_ADAMW,
  SD_OPTIMIZER_NEWTON,
  SD_OPTIMIZER_BFGS,
  SD_OPTIMIZER_CONJUGATE_GRADIENT,
  SD_OPTIMIZER_NELDER_MEAD,
  SD_N_OPTIMIZER_KINDS,
} SdOptimizerKind;

/* Largest batch-size the validation accepts (the largest dataset). */
#define SD_OPTIMIZER_MAX_BATCH_SIZE 100000

/**
 * SdOptimizerParams:
 * @kind: the method
 * @learning_rate: `learning-rate`; for newton the step fraction (default 1),
 *   for bfgs and conjugate-gradient the size of the first trial step of
 *   the line search (default 0.1), for nelder-mead the edge length of the
 *   initial simplex along each axis (default 0.5)
 * @momentum: `momentum`, for momentum, nesterov (default 0.9) and rmsprop
 *   (default 0)
 * @alpha: `alpha`, RMSprop's smoothing constant (default 0.99)
 * @beta1: `beta1`, Adam's first-moment decay (default 0.9)
 * @beta2: `beta2`, Adam's second-moment decay (default 0.999)
 * @epsilon: `epsilon`, added to the denominator (default 1e-8, adagrad 1e-10)
 * @weight_decay: `weight-decay`, as torch defines it: an L2 term
 *   weight_decay * x added to the gradient, except adamw's decoupled
 *   x *= 1 - learning_rate * weight_decay (default 0, adamw 0.01)
 * @damping: `damping`, added to the Hessian's diagonal by newton (default 0)
 * @batch_size: `batch-size`, minibatch size for losses over a dataset,
 *   0 for the full batch (default); a batch larger than the dataset is the
 *   whole dataset, as with torch's DataLoader
 * @seed: `seed`, seeds the shuffling of the minibatches (default 1)
 *
 * The hyperparameters of a run. Every field always holds a value (the
 * kind's default unless set); a kind ignores the keys it does not use, see
 * sd_optimizer_kind_get_keys(). The GSL methods use a fixed line-search
 * tolerance of 0.1, the value GSL's manual recommends.
 */
typedef struct
{
  SdOptimizerKind kind;
  double          learning_rate;
  double          momentum;
  double          alpha;
  double          beta1;
  double          beta2;
  double          epsilon;
  double          weight_decay;
  double          damping;
  guint           batch_size;
  guint32         seed;
} SdOptimizerParams;

/**
 * SdOptimizerStatus:
 * @SD_OPTIMIZER_STATUS_RUNNING: the last update succeeded, more may follow
 * @SD_OPTIMIZER_STATUS_DIVERGED: the next point or its loss is not finite;
 *   the state stays at the last finite point
 * @SD_OPTIMIZER_STATUS_STOPPED: the method cannot continue (an indefinite
 *   Hessian, a GSL failure); the message says why
 * @SD_OPTIMIZER_STATUS_CONVERGED: the method cannot move any further
 *   because it sits on a stationary point (GSL methods only)
 * @SD_OPTIMIZER_STATUS_UNDEFINED: the loss is undefined (NaN) at the next
 *   point, or not finite at the start: the run left the domain of f, or
 *   never was in it; the state stays at the last point where f is defined
 *
 * Where a run stands. Only %SD_OPTIMIZER_STATUS_RUNNING allows more steps.
 * A loss that overflows to an infinity is %SD_OPTIMIZER_STATUS_DIVERGED;
 * one that is NaN at a finite point, as log(x) is for x < 0, is
 * %SD_OPTIMIZER_STATUS_UNDEFINED.
 */
typedef enum
{
  SD_OPTIMIZER_STATUS_RUNNING,
  SD_OPTIMIZER_STATUS_DIVERGED,
  SD_OPTIMIZER_STATUS_STOPPED,
  SD_OPTIMIZER_STATUS_CONVERGED,
  SD_OPTIMIZER_STATUS_UNDEFINED,
} SdOptimizerStatus;

/**
 * SdOptimizerState:
 * @iteration: the number of updates done so far
 * @position: the current point
 * @loss: the full objective at @position
 * @gradient: the full gradient at @position
 * @step_gradient: the gradient the last update used (a minibatch gradient
 *   when batches are drawn; without weight decay)
 * @delta: the last update, new position minus old
 * @velocity: the momentum buffer (momentum, nesterov, rmsprop with momentum)
 * @first_moment: Adam's exp_avg
 * @second_moment: Adam's exp_avg_sq, Adagrad's sum of squares, RMSprop's
 *   square_avg
 * @first_moment_hat: bias-corrected @first_moment (Adam)
 * @second_moment_hat: bias-corrected @second_moment (Adam)
 * @effective_learning_rate: the per-coordinate factor between the
 *   (bias-corrected, momentum-averaged) gradient and the step:
 *   lr / (sqrt(v_hat) + eps) for Adam, lr / (sqrt(sum) + eps) for Adagrad,
 *   lr / (sqrt(square_avg) + eps) for RMSprop, lr for SGD and newton
 * @simplex_size: the size of the Nelder-Mead simplex
 *
 * A snapshot of an optimizer after an update, for display. Fields a kind
 * does not have are zero.
 */
typedef struct
{
  guint  iteration;
  double position[2];
  double loss;
  double gradient[2];
  double step_gradient[2];
  double delta[2];
  double velocity[2];
  double first_moment[2];
  double second_moment[2];
  double first_moment_hat[2];
  double second_moment_hat[2];
  double effective_learning_rate[2];
  double simplex_size;
} SdOptimizerState;

typedef struct _SdOptimizer SdOptimizer;

const char * const      *sd_optimizer_list_names         (void);
const char              *sd_optimizer_kind_to_name       (SdOptimizerKind          kind);
gboolean                 sd_optimizer_kind_from_name     (const char              *name,
                                                          SdOptimizerKind         *kind,
                                                          GError                 **error);
const char * const      *sd_optimizer_kind_get_keys      (SdOptimizerKind          kind);
gboolean                 sd_optimizer_kind_has_key       (SdOptimizerKind          kind,
                                                          const char              *key);
gboolean                 sd_optimizer_kind_is_stochastic (SdOptimizerKind          kind);

void                     sd_optimizer_params_init        (SdOptimizerParams       *params,
                                                          SdOptimizerKind          kind);
gboolean                 sd_optimizer_params_set         (SdOptimizerParams       *params,
                                                          const char              *key,
                                                          double                   value,
                                                          GError                 **error);
gboolean                 sd_optimizer_params_get         (const SdOptimizerParams *params,
                                                          const char              *key,
                                                          double                  *value);
gboolean                 sd_optimizer_params_validate    (const SdOptimizerParams *params,
                                                          GError                 **error);

SdOptimizer             *sd_optimizer_new                (const SdOptimizerParams *params,
                                                          const SdObjective       *objective,
                                                          const double             start[2],
                                                          GError                 **error);
void                     sd_optimizer_free               (SdOptimizer             *self);
SdOptimizerStatus        sd_optimizer_step               (SdOptimizer             *self);
SdOptimizerStatus        sd_optimizer_get_status         (const SdOptimizer       *self);
const char              *sd_optimizer_get_message        (const SdOptimizer       *self);
const char              *sd_optimizer_get_reason         (const SdOptimizer       *self);
const SdOptimizerState  *sd_optimizer_get_state          (const SdOptimizer       *self);
const SdOptimizerParams *sd_optimizer_get_params         (const SdOptimizer       *self);
const guint             *sd_optimizer_get_batch          (const SdOptimizer       *self,
                                                          guint                   *n_indices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdOptimizer, sd_optimizer_free)

G_END_DECLS
