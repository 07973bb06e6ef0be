/* optimizer-private.h: what the files of the optimizer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_rng.h>

#include "optimizer.h"

G_BEGIN_DECLS

struct _SdOptimizer
{
  SdOptimizerParams          params;
  SdObjective                objective;
  SdOptimizerState           state;
  SdOptimizerStatus          status;
  char                      *message;
  const char                *reason;     /* why a stopped run stopped, short */

  /* Minibatch sampling, only when the objective and the kind allow it. */
  gsl_rng                   *rng;
  guint                     *epoch;
  guint                      epoch_position;
  guint                     *batch;
  guint                      batch_capacity;
  guint                      n_batch;

  /* The GSL methods keep their own copy of the iterate. */
  gsl_multimin_function_fdf  fdf;
  gsl_multimin_function      f;
  gsl_multimin_fdfminimizer *fdf_minimizer;
  gsl_multimin_fminimizer   *f_minimizer;
  gboolean                   saw_unbounded;
};

/* What stopped being finite when a run diverged; each has its own message. */
typedef enum
{
  SD_OPTIMIZER_DIVERGED_LOSS,
  SD_OPTIMIZER_DIVERGED_POSITION,
  SD_OPTIMIZER_DIVERGED_DOMAIN,
} SdOptimizerDivergence;

/* optimizer.c: ending a run */
char     *_sd_optimizer_format_point      (const double             p[2]);
void      _sd_optimizer_finish            (SdOptimizer             *self,
                                           SdOptimizerStatus        status,
                                           char                    *message);
void      _sd_optimizer_stop              (SdOptimizer             *self,
                                           const char              *reason,
                                           char                    *message);
void      _sd_optimizer_diverge           (SdOptimizer             *self,
                                           guint                    step,
                                           SdOptimizerDivergence    what);

/* optimizer-torch.c: the first-order kinds */
void      _sd_optimizer_torch_update      (const SdOptimizerParams *p,
                                           SdOptimizerState        *s,
                                           double                   grad[2]);

/* optimizer-gsl.c: bfgs, conjugate-gradient and nelder-mead */
void      _sd_optimizer_gsl_setup         (SdOptimizer             *self);
gboolean  _sd_optimizer_gsl_gradient_step (SdOptimizer             *self,
                                           SdOptimizerState        *next);
gboolean  _sd_optimizer_gsl_simplex_step  (SdOptimizer             *self,
                                           SdOptimizerState        *next);

G_END_DECLS
