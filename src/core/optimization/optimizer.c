/* optimizer.c: iterative minimizers, stepped one update at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsl/gsl_randist.h>

#include "core-error.h"
#include "numfmt.h"
#include "optimizer-private.h"

/* Formats a point for messages a person reads. */
char *
_sd_optimizer_format_point (const double p[2])
{
  char x[G_ASCII_DTOSTR_BUF_SIZE];
  char y[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (x, sizeof x, "%.6g", p[0]);
  g_ascii_formatd (y, sizeof y, "%.6g", p[1]);

  return g_strdup_printf ("(%s, %s)", x, y);
}

/* Ends the run with @status, taking @message, which says why. */
void
_sd_optimizer_finish (SdOptimizer       *self,
                      SdOptimizerStatus  status,
                      char              *message)
{
  self->status = status;
  g_free (self->message);
  self->message = message;
}

/* Ends the run as stopped, the method unable to go on: @reason is short
 * and translated, for a legend; @message, taken, says it in full. */
void
_sd_optimizer_stop (SdOptimizer *self,
                    const char  *reason,
                    char        *message)
{
  _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_STOPPED, message);
  self->reason = reason;
}

/* Ends the run at @step, counted from 1, as diverged or, when the loss is
 * undefined there, as having left the domain of f. */
void
_sd_optimizer_diverge (SdOptimizer           *self,
                       guint                  step,
                       SdOptimizerDivergence  what)
{
  switch (what)
    {
    case SD_OPTIMIZER_DIVERGED_POSITION:
      _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_DIVERGED,
                            /* Translators: %u is the step of the run, counted from 1 */
                            g_strdup_printf (_("diverged at step %u: the position is no longer finite"),
                                             step));
      break;
    case SD_OPTIMIZER_DIVERGED_DOMAIN:
      _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_UNDEFINED,
                            /* Translators: %u is the step of the run, counted from 1 */
                            g_strdup_printf (_("step %u left the domain of f: the loss is undefined there"),
                                             step));
      break;
    case SD_OPTIMIZER_DIVERGED_LOSS:
    default:
      _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_DIVERGED,
                            /* Translators: %u is the step of the run, counted from 1 */
                            g_strdup_printf (_("diverged at step %u: the loss is no longer finite"),
                                             step));
      break;
    }
}

static void
setup_batches (SdOptimizer *self)
{
  guint n = self->objective.n_samples;

  self->batch_capacity = MIN (self->params.batch_size, n);
  self->rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (self->rng, self->params.seed);
  self->epoch = g_new (guint, n);
  self->epoch_position = n;
  self->batch = g_new0 (guint, self->batch_capacity);
}

/**
 * sd_optimizer_new:
 * @params: the method and its hyperparameters
 * @objective: the function to minimize; its data must outlive the optimizer
 * @start: the starting point
 * @error: return location for an error
 *
 * Initializes a run at @start (GSL's `_set`). Minibatches are drawn only
 * when @params has a batch-size, its kind is stochastic and @objective is
 * a mean over samples. They come in shuffled epochs, as from torch's
 * DataLoader (shuffle=True, drop_last=False): each epoch shuffles the
 * indices 0, 1, ..., n_samples - 1 with gsl_ran_shuffle() (a
 * gsl_rng_mt19937 seeded with @params' seed drives all epochs) and cuts
 * them into consecutive batches of batch-size, the last one smaller when
 * batch-size does not divide n_samples. Each batch is sorted ascending
 * before use, which does not change its mean but fixes the rounding; so a
 * batch-size of n_samples or more is exactly the full gradient.
 *
 * A start where the loss is not finite is not an error: the run is born
 * %SD_OPTIMIZER_STATUS_DIVERGED.
 *
 * Returns: (transfer full) (nullable): a new optimizer, or %NULL with
 *   @error set to %SD_CORE_ERROR_INVALID for invalid @params or @start
 */
SdOptimizer *
sd_optimizer_new (const SdOptimizerParams  *params,
                  const SdObjective        *objective,
                  const double              start[2],
                  GError                  **error)
{
  g_autoptr(SdOptimizer) self = NULL;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (objective != NULL && objective->eval != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sd_optimizer_params_validate (params, error))
    return NULL;

  if (!isfinite (start[0]) || !isfinite (start[1]))
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE];
      char y[G_ASCII_DTOSTR_BUF_SIZE];

      sd_format_double (x, start[0]);
      sd_format_double (y, start[1]);
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the key start of the scene
                    * file; keep it as it is. '%s, %s' is the point given. */
                   _("%s: must be a finite point, got '%s, %s'"), "start", x, y);
      return NULL;
    }

  self = g_new0 (SdOptimizer, 1);
  self->params = *params;
  self->objective = *objective;
  self->status = SD_OPTIMIZER_STATUS_RUNNING;
  self->state.position[0] = start[0];
  self->state.position[1] = start[1];
  self->state.loss = sd_objective_eval (objective, start, self->state.gradient, NULL);

  if (!isfinite (self->state.loss))
    {
      g_autofree char *where = _sd_optimizer_format_point (start);

      /* Where f is undefined, so is its gradient, whatever the formula for
       * it gives (1/x for log x at x < 0). */
      self->state.gradient[0] = NAN;
      self->state.gradient[1] = NAN;

      _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_UNDEFINED,
                            /* Translators: %s is a point such as (1, 2.5) */
                            g_strdup_printf (_("the start %s is outside the domain of f: "
                                               "the loss is not finite there"), where));
      return g_steal_pointer (&self);
    }

  if (params->batch_size > 0
      && sd_optimizer_kind_is_stochastic (params->kind)
      && sd_objective_is_stochastic (objective))
    setup_batches (self);

  if (params->kind >= SD_OPTIMIZER_BFGS)
    _sd_optimizer_gsl_setup (self);

  return g_steal_pointer (&self);
}

/**
 * sd_optimizer_free:
 * @self: (transfer full) (nullable): an optimizer
 */
void
sd_optimizer_free (SdOptimizer *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->fdf_minimizer, gsl_multimin_fdfminimizer_free);
  g_clear_pointer (&self->f_minimizer, gsl_multimin_fminimizer_free);
  g_clear_pointer (&self->rng, gsl_rng_free);
  g_free (self->epoch);
  g_free (self->batch);
  g_free (self->message);
  g_free (self);
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The next minibatch of the current epoch, starting a new epoch when the
 * last one is used up. A batch of the whole dataset needs no shuffling:
 * sorted, it is 0 ... n - 1 whatever the order. */
static void
next_batch (SdOptimizer *self)
{
  guint n = self->objective.n_samples;

  if (self->batch_capacity == n)
    {
      for (guint i = 0; i < n; i++)
        self->batch[i] = i;
      self->n_batch = n;
      return;
    }

  if (self->epoch_position >= n)
    {
      for (guint i = 0; i < n; i++)
        self->epoch[i] = i;
      gsl_ran_shuffle (self->rng, self->epoch, n, sizeof (guint));
      self->epoch_position = 0;
    }

  self->n_batch = MIN (self->batch_capacity, n - self->epoch_position);
  memcpy (self->batch, self->epoch + self->epoch_position, self->n_batch * sizeof (guint));
  self->epoch_position += self->n_batch;
  qsort (self->batch, self->n_batch, sizeof (guint), compare_indices);
}

/* The gradient for a first-order update: a fresh minibatch gradient, or
 * the full gradient already computed at the current point. */
static void
draw_gradient (SdOptimizer *self,
               double       grad[2])
{
  if (self->rng == NULL)
    {
      grad[0] = self->state.gradient[0];
      grad[1] = self->state.gradient[1];
      return;
    }

  next_batch (self);
  self->objective.batch_gradient (self->objective.data, self->state.position,
                                  self->batch, self->n_batch, grad);
}

static void
update_first_order (SdOptimizer      *self,
                    SdOptimizerState *next)
{
  double grad[2];

  draw_gradient (self, grad);
  next->step_gradient[0] = grad[0];
  next->step_gradient[1] = grad[1];
  _sd_optimizer_torch_update (&self->params, next, grad);
}

/* Newton's step solves (H + damping I) d = g. A 2x2 symmetric matrix is
 * positive definite exactly when its leading entry and its determinant
 * are positive (Sylvester's criterion); anything else would send the
 * step uphill or to infinity, so the run stops and says so. */
static gboolean
update_newton (SdOptimizer      *self,
               SdOptimizerState *next)
{
  const double *x = self->state.position;
  const double *g = self->state.gradient;
  double h[4];
  double a11, a12, a22, det, scale;
  gboolean damped;

  sd_objective_eval (&self->objective, x, NULL, h);
  a11 = h[0] + self->params.damping;
  a12 = 0.5 * (h[1] + h[2]);
  a22 = h[3] + self->params.damping;
  det = a11 * a22 - a12 * a12;
  scale = MAX (MAX (fabs (a11), fabs (a22)), fabs (a12));
  damped = self->params.damping != 0.0;

  if (!isfinite (det))
    {
      g_autofree char *where = _sd_optimizer_format_point (x);

      _sd_optimizer_stop (self,
                          /* Translators: why Newton's method stopped, in a legend */
                          _("Hessian not finite"),
                          /* Translators: %s is a point such as (1, 2.5) */
                          g_strdup_printf (_("Hessian is not finite at %s"), where));
      return FALSE;
    }

  if (fabs (det) <= 4.0 * DBL_EPSILON * scale * scale)
    {
      g_autofree char *where = _sd_optimizer_format_point (x);
      char *message;

      if (damped)
        /* Translators: %s is a point such as (1, 2.5); damping is the
         * number Newton's method adds to the Hessian's diagonal */
        message = g_strdup_printf (_("Hessian plus damping is singular at %s"), where);
      else
        /* Translators: %s is a point such as (1, 2.5) */
        message = g_strdup_printf (_("Hessian is singular at %s"), where);
      _sd_optimizer_stop (self,
                          /* Translators: why Newton's method stopped, in a legend */
                          damped ? _("Hessian plus damping singular") : _("Hessian singular"),
                          message);
      return FALSE;
    }

  if (a11 <= 0.0 || det < 0.0)
    {
      g_autofree char *where = _sd_optimizer_format_point (x);
      char *message;

      if (damped)
        /* Translators: %s is a point such as (1, 2.5); damping is the
         * number Newton's method adds to the Hessian's diagonal */
        message = g_strdup_printf (_("Hessian plus damping is not positive definite at %s"),
                                   where);
      else
        /* Translators: %s is a point such as (1, 2.5) */
        message = g_strdup_printf (_("Hessian is not positive definite at %s"), where);
      _sd_optimizer_stop (self,
                          /* Translators: why Newton's method stopped, in a legend */
                          damped ? _("Hessian plus damping not positive definite")
                                 : _("Hessian not positive definite"),
                          message);
      return FALSE;
    }

  next->position[0] = x[0] - self->params.learning_rate * ((a22 * g[0] - a12 * g[1]) / det);
  next->position[1] = x[1] - self->params.learning_rate * ((a11 * g[1] - a12 * g[0]) / det);
  next->step_gradient[0] = g[0];
  next->step_gradient[1] = g[1];
  next->effective_learning_rate[0] = self->params.learning_rate;
  next->effective_learning_rate[1] = self->params.learning_rate;
  return TRUE;
}

/**
 * sd_optimizer_step:
 * @self: an optimizer
 *
 * Performs one update (one GSL `_iterate` call for the GSL methods). On
 * success the state holds the new point with its full loss and gradient.
 * If the new point or its loss is not finite, the state stays at the last
 * finite point and the run ends %SD_OPTIMIZER_STATUS_DIVERGED; Newton's
 * method and the GSL methods may end it otherwise (see the message).
 * Once the run has ended, further calls do nothing.
 *
 * Returns: %SD_OPTIMIZER_STATUS_RUNNING if an update was made, otherwise
 *   why the run ended
 */
SdOptimizerStatus
sd_optimizer_step (SdOptimizer *self)
{
  SdOptimizerState next;
  gboolean moved;

  g_return_val_if_fail (self != NULL, SD_OPTIMIZER_STATUS_STOPPED);

  if (self->status != SD_OPTIMIZER_STATUS_RUNNING)
    return self->status;

  next = self->state;

  switch (self->params.kind)
    {
    case SD_OPTIMIZER_NEWTON:
      moved = update_newton (self, &next);
      break;
    case SD_OPTIMIZER_BFGS:
    case SD_OPTIMIZER_CONJUGATE_GRADIENT:
      moved = _sd_optimizer_gsl_gradient_step (self, &next);
      break;
    case SD_OPTIMIZER_NELDER_MEAD:
      moved = _sd_optimizer_gsl_simplex_step (self, &next);
      break;
    case SD_OPTIMIZER_SGD:
    case SD_OPTIMIZER_MOMENTUM:
    case SD_OPTIMIZER_NESTEROV:
    case SD_OPTIMIZER_ADAGRAD:
    case SD_OPTIMIZER_RMSPROP:
    case SD_OPTIMIZER_ADAM:
    case SD_OPTIMIZER_ADAMW:
      update_first_order (self, &next);
      moved = TRUE;
      break;
    case SD_N_OPTIMIZER_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!moved)
    return self->status;

  next.iteration = self->state.iteration + 1;
  next.delta[0] = next.position[0] - self->state.position[0];
  next.delta[1] = next.position[1] - self->state.position[1];

  if (!isfinite (next.position[0]) || !isfinite (next.position[1]))
    {
      _sd_optimizer_diverge (self, next.iteration, SD_OPTIMIZER_DIVERGED_POSITION);
      return self->status;
    }

  next.loss = sd_objective_eval (&self->objective, next.position, next.gradient, NULL);
  if (!isfinite (next.loss))
    {
      _sd_optimizer_diverge (self, next.iteration, isnan (next.loss) ? SD_OPTIMIZER_DIVERGED_DOMAIN
                                                                     : SD_OPTIMIZER_DIVERGED_LOSS);
      return self->status;
    }

  self->state = next;
  return self->status;
}

/**
 * sd_optimizer_get_status:
 * @self: an optimizer
 *
 * Returns: where the run stands
 */
SdOptimizerStatus
sd_optimizer_get_status (const SdOptimizer *self)
{
  g_return_val_if_fail (self != NULL, SD_OPTIMIZER_STATUS_STOPPED);

  return self->status;
}

/**
 * sd_optimizer_get_message:
 * @self: an optimizer
 *
 * Returns: (transfer none) (nullable): why the run ended, for people to
 *   read, or %NULL while it is running
 */
const char *
sd_optimizer_get_message (const SdOptimizer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

/**
 * sd_optimizer_get_reason:
 * @self: an optimizer
 *
 * Returns: (transfer none) (nullable): why a %SD_OPTIMIZER_STATUS_STOPPED
 *   run stopped, in a few words for a legend ("Hessian not positive
 *   definite"), or %NULL for any other status
 */
const char *
sd_optimizer_get_reason (const SdOptimizer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->status == SD_OPTIMIZER_STATUS_STOPPED ? self->reason : NULL;
}

/**
 * sd_optimizer_get_state:
 * @self: an optimizer
 *
 * Returns: (transfer none): the state after the last successful update
 */
const SdOptimizerState *
sd_optimizer_get_state (const SdOptimizer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->state;
}

/**
 * sd_optimizer_get_params:
 * @self: an optimizer
 *
 * Returns: (transfer none): the parameters of the run
 */
const SdOptimizerParams *
sd_optimizer_get_params (const SdOptimizer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->params;
}

/**
 * sd_optimizer_get_batch:
 * @self: an optimizer
 * @n_indices: (out): the size of that batch, 0 when none has been drawn
 *
 * Returns: (transfer none) (array length=n_indices) (nullable): the sample
 *   indices (ascending) of the minibatch of the last update, or %NULL when
 *   no batch has been drawn
 */
const guint *
sd_optimizer_get_batch (const SdOptimizer *self,
                        guint             *n_indices)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_indices != NULL, NULL);

  if (self->batch == NULL || self->state.iteration == 0)
    {
      *n_indices = 0;
      return NULL;
    }

  *n_indices = self->n_batch;
  return self->batch;
}
