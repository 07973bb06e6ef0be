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
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core-error-private.h"
#include "names.h"
#include "numfmt.h"
#include "optimizer.h"
#include "params-private.h"

/* GSL's manual recommends 0.1 for the line searches of both methods:
 * the line minimization only needs to be approximate. */
#define GSL_LINE_SEARCH_TOL 0.1

/* A GSL gradient method that stops with a gradient this small (relative
 * to the loss, at least 1) has converged rather than failed. */
#define GSL_CONVERGED_GRADIENT 1e-6

/* Nelder-Mead never reports convergence itself; its simplex just keeps
 * shrinking. Below this size (relative to the point, at least 1) no vertex
 * can move any more in float64 terms, so the run ends there. */
#define SIMPLEX_CONVERGED_SIZE 1e-12

/* The hyperparameters by their keys in scene files. */
static const SdParamSpec param_specs[] = {
  { "learning-rate", SD_PARAM_POSITIVE, G_STRUCT_OFFSET (SdOptimizerParams, learning_rate) },
  { "momentum", SD_PARAM_NON_NEGATIVE, G_STRUCT_OFFSET (SdOptimizerParams, momentum) },
  { "alpha", SD_PARAM_FRACTION, G_STRUCT_OFFSET (SdOptimizerParams, alpha) },
  { "beta1", SD_PARAM_FRACTION, G_STRUCT_OFFSET (SdOptimizerParams, beta1) },
  { "beta2", SD_PARAM_FRACTION, G_STRUCT_OFFSET (SdOptimizerParams, beta2) },
  { "epsilon", SD_PARAM_POSITIVE, G_STRUCT_OFFSET (SdOptimizerParams, epsilon) },
  { "weight-decay", SD_PARAM_NON_NEGATIVE, G_STRUCT_OFFSET (SdOptimizerParams, weight_decay) },
  { "damping", SD_PARAM_NON_NEGATIVE, G_STRUCT_OFFSET (SdOptimizerParams, damping) },
  { "batch-size", SD_PARAM_BATCH_SIZE, G_STRUCT_OFFSET (SdOptimizerParams, batch_size),
    SD_OPTIMIZER_MAX_BATCH_SIZE },
  { "seed", SD_PARAM_SEED, G_STRUCT_OFFSET (SdOptimizerParams, seed) },
};

static const char * const kind_names[SD_N_OPTIMIZER_KINDS + 1] = {
  "sgd",
  "momentum",
  "nesterov",
  "adagrad",
  "rmsprop",
  "adam",
  "adamw",
  "newton",
  "bfgs",
  "conjugate-gradient",
  "nelder-mead",
  NULL
};

/* The keys each kind reads, in the order a settings panel shows them. */
static const char * const sgd_keys[] = {
  "learning-rate", "weight-decay", "batch-size", "seed", NULL
};
static const char * const momentum_keys[] = {
  "learning-rate", "momentum", "weight-decay", "batch-size", "seed", NULL
};
static const char * const adagrad_keys[] = {
  "learning-rate", "epsilon", "weight-decay", "batch-size", "seed", NULL
};
static const char * const rmsprop_keys[] = {
  "learning-rate", "alpha", "epsilon", "momentum", "weight-decay", "batch-size", "seed", NULL
};
static const char * const adam_keys[] = {
  "learning-rate", "beta1", "beta2", "epsilon", "weight-decay", "batch-size", "seed", NULL
};
static const char * const newton_keys[] = {
  "learning-rate", "damping", NULL
};
static const char * const gsl_keys[] = {
  "learning-rate", NULL
};

static const char * const * const kind_keys[SD_N_OPTIMIZER_KINDS] = {
  sgd_keys,
  momentum_keys,
  momentum_keys,
  adagrad_keys,
  rmsprop_keys,
  adam_keys,
  adam_keys,
  newton_keys,
  gsl_keys,
  gsl_keys,
  gsl_keys,
};

struct _SdOptimizer
{
  SdOptimizerParams          params;
  SdObjective                objective;
  SdOptimizerState           state;
  SdOptimizerStatus          status;
  char                      *message;

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

/* Formats a point for messages a person reads. */
static char *
format_point (const double p[2])
{
  char x[G_ASCII_DTOSTR_BUF_SIZE];
  char y[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (x, sizeof x, "%.6g", p[0]);
  g_ascii_formatd (y, sizeof y, "%.6g", p[1]);

  return g_strdup_printf ("(%s, %s)", x, y);
}

/**
 * sd_optimizer_list_names:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of all
 *   kinds, in #SdOptimizerKind order
 */
const char * const *
sd_optimizer_list_names (void)
{
  return kind_names;
}

/**
 * sd_optimizer_kind_to_name:
 * @kind: a kind
 *
 * Returns: (transfer none): the name of @kind, such as `adam`
 */
const char *
sd_optimizer_kind_to_name (SdOptimizerKind kind)
{
  g_return_val_if_fail (kind < SD_N_OPTIMIZER_KINDS, NULL);

  return kind_names[kind];
}

/**
 * sd_optimizer_kind_from_name:
 * @name: a name, such as `adam`
 * @kind: (out): the kind
 * @error: return location for an error
 *
 * Returns: %TRUE if @name is a known optimizer; otherwise %FALSE with
 *   @error set to %SD_CORE_ERROR_INVALID
 */
gboolean
sd_optimizer_kind_from_name (const char       *name,
                             SdOptimizerKind  *kind,
                             GError          **error)
{
  guint index;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sd_name_find (kind_names, SD_N_OPTIMIZER_KINDS, name, &index))
    {
      *kind = index;
      return TRUE;
    }

  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               /* Translators: %s is the optimizer name the scene file gives */
               _("unknown optimizer '%s'"), name);
  return FALSE;
}

/**
 * sd_optimizer_kind_get_keys:
 * @kind: a kind
 *
 * The hyperparameters @kind reads, for showing the right controls.
 * `batch-size` and `seed` matter only on losses over a dataset.
 *
 * Returns: (transfer none) (array zero-terminated=1): key names
 */
const char * const *
sd_optimizer_kind_get_keys (SdOptimizerKind kind)
{
  g_return_val_if_fail (kind < SD_N_OPTIMIZER_KINDS, NULL);

  return kind_keys[kind];
}

/**
 * sd_optimizer_kind_has_key:
 * @kind: a kind
 * @key: a key name, such as `beta1`
 *
 * Returns: whether @kind reads @key
 */
gboolean
sd_optimizer_kind_has_key (SdOptimizerKind  kind,
                           const char      *key)
{
  g_return_val_if_fail (kind < SD_N_OPTIMIZER_KINDS, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return g_strv_contains ((const char * const *) kind_keys[kind], key);
}

/**
 * sd_optimizer_kind_is_stochastic:
 * @kind: a kind
 *
 * The first-order torch methods can follow minibatch gradients; Newton
 * and the GSL methods always use the full batch (their line searches and
 * curvature would be meaningless on noise).
 *
 * Returns: whether @kind draws minibatches when a batch-size is set
 */
gboolean
sd_optimizer_kind_is_stochastic (SdOptimizerKind kind)
{
  g_return_val_if_fail (kind < SD_N_OPTIMIZER_KINDS, FALSE);

  return kind <= SD_OPTIMIZER_ADAMW;
}

/**
 * sd_optimizer_params_init:
 * @params: (out caller-allocates): the parameters to fill
 * @kind: a kind
 *
 * Fills @params with torch.optim's defaults for @kind (and the documented
 * defaults of the other methods).
 */
void
sd_optimizer_params_init (SdOptimizerParams *params,
                          SdOptimizerKind    kind)
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (kind < SD_N_OPTIMIZER_KINDS);

  *params = (SdOptimizerParams) {
    .kind = kind,
    .learning_rate = 0.01,
    .momentum = 0.9,
    .alpha = 0.99,
    .beta1 = 0.9,
    .beta2 = 0.999,
    .epsilon = 1e-8,
    .weight_decay = 0.0,
    .damping = 0.0,
    .batch_size = 0,
    .seed = 1,
  };

  switch (kind)
    {
    case SD_OPTIMIZER_ADAGRAD:
      params->epsilon = 1e-10;
      break;
    case SD_OPTIMIZER_RMSPROP:
      params->momentum = 0.0;
      break;
    case SD_OPTIMIZER_ADAM:
      params->learning_rate = 0.001;
      break;
    case SD_OPTIMIZER_ADAMW:
      params->learning_rate = 0.001;
      params->weight_decay = 0.01;
      break;
    case SD_OPTIMIZER_NEWTON:
      params->learning_rate = 1.0;
      break;
    case SD_OPTIMIZER_BFGS:
    case SD_OPTIMIZER_CONJUGATE_GRADIENT:
      params->learning_rate = 0.1;
      break;
    case SD_OPTIMIZER_NELDER_MEAD:
      params->learning_rate = 0.5;
      break;
    case SD_OPTIMIZER_SGD:
    case SD_OPTIMIZER_MOMENTUM:
    case SD_OPTIMIZER_NESTEROV:
    case SD_N_OPTIMIZER_KINDS:
    default:
      break;
    }
}

static const SdParamSpec *
lookup_param (const char *key)
{
  return _sd_param_lookup (param_specs, G_N_ELEMENTS (param_specs), key);
}

/* Checks one value against the rule of its key and of @kind. */
static gboolean
check_value (SdOptimizerKind     kind,
             const SdParamSpec  *spec,
             double              value,
             GError            **error)
{
  /* torch refuses nesterov without momentum: it would be plain SGD. */
  if (kind == SD_OPTIMIZER_NESTEROV
      && spec->offset == G_STRUCT_OFFSET (SdOptimizerParams, momentum)
      && isfinite (value) && value == 0.0)
    {
      char text[SD_FORMAT_DOUBLE_SIZE];

      /* Translators: the first %s is the key momentum of the scene file,
       * the second the optimizer nesterov; keep both as they are. The
       * third is the value given. */
      return _sd_set_invalid (error, _("%s: %s needs a positive momentum, got '%s'"),
                              spec->name, kind_names[kind], sd_format_double (text, value));
    }

  return _sd_param_check (spec, value, error);
}

/**
 * sd_optimizer_params_set:
 * @params: parameters
 * @key: a key name, such as `learning-rate`
 * @value: the new value (whole numbers for `batch-size` and `seed`)
 * @error: return location for an error
 *
 * Sets one hyperparameter after checking it. Any known key can be set,
 * whether or not @params' kind reads it. Errors name the key, as in
 * `learning-rate: must be a positive finite number, got 'nan'`.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %SD_CORE_ERROR_INVALID (and @params unchanged) otherwise
 */
gboolean
sd_optimizer_params_set (SdOptimizerParams  *params,
                         const char         *key,
                         double              value,
                         GError            **error)
{
  const SdParamSpec *spec;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec = lookup_param (key);
  if (spec == NULL)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the key name given */
                   _("unknown optimizer setting '%s'"), key);
      return FALSE;
    }

  if (!check_value (params->kind, spec, value, error))
    return FALSE;

  _sd_param_set (spec, params, value);
  return TRUE;
}

/**
 * sd_optimizer_params_get:
 * @params: parameters
 * @key: a key name
 * @value: (out): the value
 *
 * Returns: %TRUE if @key is a known key
 */
gboolean
sd_optimizer_params_get (const SdOptimizerParams *params,
                         const char              *key,
                         double                  *value)
{
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return _sd_param_read (param_specs, G_N_ELEMENTS (param_specs), params, key, value);
}

/**
 * sd_optimizer_params_validate:
 * @params: parameters, possibly filled in by hand
 * @error: return location for an error
 *
 * Checks every key @params' kind reads.
 *
 * Returns: %TRUE if @params can run; %FALSE with @error set to
 *   %SD_CORE_ERROR_INVALID otherwise
 */
gboolean
sd_optimizer_params_validate (const SdOptimizerParams  *params,
                              GError                  **error)
{
  const char * const *keys;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (params->kind >= SD_N_OPTIMIZER_KINDS)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %u is a number that names no optimizer */
                   _("unknown optimizer kind %u"), (guint) params->kind);
      return FALSE;
    }

  keys = kind_keys[params->kind];
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const SdParamSpec *spec = lookup_param (keys[i]);

      g_assert (spec != NULL);
      if (!check_value (params->kind, spec, _sd_param_get (spec, params), error))
        return FALSE;
    }

  return TRUE;
}

static void
set_finished (SdOptimizer       *self,
              SdOptimizerStatus  status,
              char              *message)
{
  self->status = status;
  g_free (self->message);
  self->message = message;
}

/* GSL's view of the objective. GSL treats values that are not finite as
 * "no better" and backs off, so a function that falls to -infinity makes
 * its methods stall instead of diverge; the objective's wrappers note such
 * values so that the stall can be reported as the divergence it is. */

static double
gsl_eval_f (const gsl_vector *v,
            void             *data)
{
  SdOptimizer *self = data;
  double p[2] = { gsl_vector_get (v, 0), gsl_vector_get (v, 1) };
  double f = sd_objective_eval (&self->objective, p, NULL, NULL);

  if (f == -INFINITY)
    self->saw_unbounded = TRUE;
  return f;
}

static void
gsl_eval_fdf (const gsl_vector *v,
              void             *data,
              double           *f,
              gsl_vector       *g)
{
  SdOptimizer *self = data;
  double p[2] = { gsl_vector_get (v, 0), gsl_vector_get (v, 1) };
  double grad[2];

  *f = sd_objective_eval (&self->objective, p, grad, NULL);
  if (*f == -INFINITY)
    self->saw_unbounded = TRUE;
  gsl_vector_set (g, 0, grad[0]);
  gsl_vector_set (g, 1, grad[1]);
}

static void
gsl_eval_df (const gsl_vector *v,
             void             *data,
             gsl_vector       *g)
{
  double f;

  gsl_eval_fdf (v, data, &f, g);
}

/* What stopped being finite when a run diverged; each has its own message. */
typedef enum
{
  DIVERGED_LOSS,
  DIVERGED_POSITION,
} Divergence;

static void
set_diverged (SdOptimizer *self,
              guint        step,
              Divergence   what)
{
  char *message;

  if (what == DIVERGED_POSITION)
    /* Translators: %u is the step of the run, counted from 1 */
    message = g_strdup_printf (_("diverged at step %u: the position is no longer finite"), step);
  else
    /* Translators: %u is the step of the run, counted from 1 */
    message = g_strdup_printf (_("diverged at step %u: the loss is no longer finite"), step);

  set_finished (self, SD_OPTIMIZER_STATUS_DIVERGED, message);
}

static void
set_gsl_failure (SdOptimizer *self,
                 int          status)
{
  g_autofree char *where = NULL;

  if (self->saw_unbounded)
    {
      set_diverged (self, self->state.iteration + 1, DIVERGED_LOSS);
      return;
    }

  where = format_point (self->state.position);
  set_finished (self, SD_OPTIMIZER_STATUS_STOPPED,
                /* Translators: the first %s is an optimizer such as bfgs, keep
                 * it as it is; the second a point such as (1, 2.5); the third
                 * GSL's reason, in English */
                g_strdup_printf (_("%s stopped at %s: %s"), kind_names[self->params.kind],
                                 where, gsl_strerror (status)));
}

static void
setup_gsl (SdOptimizer *self)
{
  gsl_vector_const_view x = gsl_vector_const_view_array (self->state.position, 2);
  int status;

  if (self->params.kind == SD_OPTIMIZER_NELDER_MEAD)
    {
      double edges[2] = { self->params.learning_rate, self->params.learning_rate };
      gsl_vector_view steps = gsl_vector_view_array (edges, 2);

      self->f = (gsl_multimin_function) { gsl_eval_f, 2, self };
      self->f_minimizer = gsl_multimin_fminimizer_alloc (gsl_multimin_fminimizer_nmsimplex2, 2);
      status = gsl_multimin_fminimizer_set (self->f_minimizer, &self->f, &x.vector,
                                            &steps.vector);
      self->state.simplex_size = gsl_multimin_fminimizer_size (self->f_minimizer);
    }
  else
    {
      const gsl_multimin_fdfminimizer_type *type;

      if (self->params.kind == SD_OPTIMIZER_BFGS)
        type = gsl_multimin_fdfminimizer_vector_bfgs2;
      else
        type = gsl_multimin_fdfminimizer_conjugate_pr;

      self->fdf = (gsl_multimin_function_fdf) { gsl_eval_f, gsl_eval_df, gsl_eval_fdf, 2, self };
      self->fdf_minimizer = gsl_multimin_fdfminimizer_alloc (type, 2);
      status = gsl_multimin_fdfminimizer_set (self->fdf_minimizer, &self->fdf, &x.vector,
                                              self->params.learning_rate, GSL_LINE_SEARCH_TOL);
    }

  if (status != GSL_SUCCESS)
    set_gsl_failure (self, status);
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
      g_autofree char *where = format_point (start);

      set_finished (self, SD_OPTIMIZER_STATUS_DIVERGED,
                    /* Translators: %s is a point such as (1, 2.5) */
                    g_strdup_printf (_("the loss is not finite at the start %s"), where));
      return g_steal_pointer (&self);
    }

  if (params->batch_size > 0
      && sd_optimizer_kind_is_stochastic (params->kind)
      && sd_objective_is_stochastic (objective))
    setup_batches (self);

  if (params->kind >= SD_OPTIMIZER_BFGS)
    setup_gsl (self);

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

/* The update rules below follow torch/optim/{sgd,adagrad,rmsprop,adam,
 * adamw}.py (torch 1.13, single-tensor code path) operation by operation,
 * so that float64 results agree to the last bit: torch's `a.add_(b,
 * alpha=c)` is a + c * b, `a.addcmul_(b, c, value=v)` is a + v * b * c and
 * `a.addcdiv_(b, c, value=v)` is a + v * b / c, evaluated left to right.
 * torch's CPU kernels are built for FMA-capable processors and fuse the
 * final multiply-add of the first two into one rounding, hence fma (c, b, a)
 * and fma (v * b, c, a); a division cannot be fused. */

static void
update_sgd (const SdOptimizerParams *p,
            SdOptimizerState        *s,
            const double             grad[2])
{
  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double d;

      if (p->kind != SD_OPTIMIZER_SGD && p->momentum != 0.0)
        {
          /* torch starts the buffer as a copy of the first gradient. */
          if (s->iteration == 0)
            s->velocity[i] = g;
          else
            s->velocity[i] = s->velocity[i] * p->momentum + 1.0 * g;

          if (p->kind == SD_OPTIMIZER_NESTEROV)
            d = fma (p->momentum, s->velocity[i], g);
          else
            d = s->velocity[i];
        }
      else
        {
          d = g;
        }

      s->effective_learning_rate[i] = p->learning_rate;
      s->position[i] = fma (-p->learning_rate, d, s->position[i]);
    }
}

static void
update_adagrad (const SdOptimizerParams *p,
                SdOptimizerState        *s,
                const double             grad[2])
{
  /* lr_decay is 0, so torch's clr = lr / (1 + (step - 1) * 0) = lr. */
  double clr = p->learning_rate;

  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double std;

      s->second_moment[i] = fma (1.0 * g, g, s->second_moment[i]);
      std = sqrt (s->second_moment[i]) + p->epsilon;
      s->effective_learning_rate[i] = clr / std;
      s->position[i] = s->position[i] + (-clr) * g / std;
    }
}

static void
update_rmsprop (const SdOptimizerParams *p,
                SdOptimizerState        *s,
                const double             grad[2])
{
  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double avg;

      s->second_moment[i] = s->second_moment[i] * p->alpha;
      s->second_moment[i] = fma ((1.0 - p->alpha) * g, g, s->second_moment[i]);
      avg = sqrt (s->second_moment[i]) + p->epsilon;
      s->effective_learning_rate[i] = p->learning_rate / avg;

      if (p->momentum > 0.0)
        {
          s->velocity[i] = s->velocity[i] * p->momentum;
          s->velocity[i] = s->velocity[i] + 1.0 * g / avg;
          s->position[i] = fma (-p->learning_rate, s->velocity[i], s->position[i]);
        }
      else
        {
          s->position[i] = s->position[i] + (-p->learning_rate) * g / avg;
        }
    }
}

static void
update_adam (const SdOptimizerParams *p,
             SdOptimizerState        *s,
             const double             grad[2])
{
  /* The bias corrections depend on the step alone: two pow () per step. */
  double step = s->iteration + 1;
  double bias_correction1 = 1.0 - pow (p->beta1, step);
  double bias_correction2 = 1.0 - pow (p->beta2, step);
  double step_size = p->learning_rate / bias_correction1;
  double bias_correction2_sqrt = sqrt (bias_correction2);

  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double denom;

      /* AdamW decays the weights themselves, before the moments. */
      if (p->kind == SD_OPTIMIZER_ADAMW)
        s->position[i] = s->position[i] * (1.0 - p->learning_rate * p->weight_decay);

      s->first_moment[i] = s->first_moment[i] * p->beta1;
      s->first_moment[i] = fma (1.0 - p->beta1, g, s->first_moment[i]);
      s->second_moment[i] = s->second_moment[i] * p->beta2;
      s->second_moment[i] = fma ((1.0 - p->beta2) * g, g, s->second_moment[i]);

      denom = sqrt (s->second_moment[i]) / bias_correction2_sqrt + p->epsilon;
      s->first_moment_hat[i] = s->first_moment[i] / bias_correction1;
      s->second_moment_hat[i] = s->second_moment[i] / bias_correction2;
      s->effective_learning_rate[i] = p->learning_rate / denom;
      s->position[i] = s->position[i] + (-step_size) * s->first_moment[i] / denom;
    }
}

static void
update_first_order (SdOptimizer      *self,
                    SdOptimizerState *next)
{
  double grad[2];

  draw_gradient (self, grad);
  next->step_gradient[0] = grad[0];
  next->step_gradient[1] = grad[1];

  /* Every rule but AdamW's takes weight decay as torch does: an L2 term
   * added to the gradient before the rule reads it. */
  if (self->params.kind != SD_OPTIMIZER_ADAMW && self->params.weight_decay != 0.0)
    {
      for (guint i = 0; i < 2; i++)
        grad[i] = fma (self->params.weight_decay, next->position[i], grad[i]);
    }

  switch (self->params.kind)
    {
    case SD_OPTIMIZER_SGD:
    case SD_OPTIMIZER_MOMENTUM:
    case SD_OPTIMIZER_NESTEROV:
      update_sgd (&self->params, next, grad);
      break;
    case SD_OPTIMIZER_ADAGRAD:
      update_adagrad (&self->params, next, grad);
      break;
    case SD_OPTIMIZER_RMSPROP:
      update_rmsprop (&self->params, next, grad);
      break;
    case SD_OPTIMIZER_ADAM:
    case SD_OPTIMIZER_ADAMW:
      update_adam (&self->params, next, grad);
      break;
    case SD_OPTIMIZER_NEWTON:
    case SD_OPTIMIZER_BFGS:
    case SD_OPTIMIZER_CONJUGATE_GRADIENT:
    case SD_OPTIMIZER_NELDER_MEAD:
    case SD_N_OPTIMIZER_KINDS:
    default:
      g_assert_not_reached ();
    }
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
      g_autofree char *where = format_point (x);

      set_finished (self, SD_OPTIMIZER_STATUS_STOPPED,
                    /* Translators: %s is a point such as (1, 2.5) */
                    g_strdup_printf (_("Hessian is not finite at %s"), where));
      return FALSE;
    }

  if (fabs (det) <= 4.0 * DBL_EPSILON * scale * scale)
    {
      g_autofree char *where = format_point (x);
      char *message;

      if (damped)
        /* Translators: %s is a point such as (1, 2.5); damping is the
         * number Newton's method adds to the Hessian's diagonal */
        message = g_strdup_printf (_("Hessian plus damping is singular at %s"), where);
      else
        /* Translators: %s is a point such as (1, 2.5) */
        message = g_strdup_printf (_("Hessian is singular at %s"), where);
      set_finished (self, SD_OPTIMIZER_STATUS_STOPPED, message);
      return FALSE;
    }

  if (a11 <= 0.0 || det < 0.0)
    {
      g_autofree char *where = format_point (x);
      char *message;

      if (damped)
        /* Translators: %s is a point such as (1, 2.5); damping is the
         * number Newton's method adds to the Hessian's diagonal */
        message = g_strdup_printf (_("Hessian plus damping is not positive definite at %s"),
                                   where);
      else
        /* Translators: %s is a point such as (1, 2.5) */
        message = g_strdup_printf (_("Hessian is not positive definite at %s"), where);
      set_finished (self, SD_OPTIMIZER_STATUS_STOPPED, message);
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

/* GSL's gradient methods end either with an error status or, when their
 * line search finds nothing better (for instance after stepping into
 * values that are not finite), with "success" at the same point, after
 * which they would repeat themselves forever. Both mean no progress. */
static gboolean
update_gsl_gradient (SdOptimizer      *self,
                     SdOptimizerState *next)
{
  int status = gsl_multimin_fdfminimizer_iterate (self->fdf_minimizer);
  const gsl_vector *x = gsl_multimin_fdfminimizer_x (self->fdf_minimizer);

  next->position[0] = gsl_vector_get (x, 0);
  next->position[1] = gsl_vector_get (x, 1);

  if (status == GSL_SUCCESS
      && next->position[0] == self->state.position[0]
      && next->position[1] == self->state.position[1])
    status = GSL_ENOPROG;

  if (status != GSL_SUCCESS)
    {
      double gnorm = hypot (self->state.gradient[0], self->state.gradient[1]);

      if (!self->saw_unbounded
          && gnorm <= GSL_CONVERGED_GRADIENT * MAX (1.0, fabs (self->state.loss)))
        {
          g_autofree char *where = format_point (self->state.position);

          set_finished (self, SD_OPTIMIZER_STATUS_CONVERGED,
                        /* Translators: %s is a point such as (1, 2.5) */
                        g_strdup_printf (_("converged at %s: the gradient vanishes"), where));
        }
      else
        {
          set_gsl_failure (self, status);
        }
      return FALSE;
    }

  next->step_gradient[0] = self->state.gradient[0];
  next->step_gradient[1] = self->state.gradient[1];
  return TRUE;
}

static gboolean
update_simplex (SdOptimizer      *self,
                SdOptimizerState *next)
{
  double scale = MAX (1.0, MAX (fabs (self->state.position[0]), fabs (self->state.position[1])));
  const gsl_vector *x;
  int status;

  if (self->state.simplex_size <= SIMPLEX_CONVERGED_SIZE * scale)
    {
      g_autofree char *where = format_point (self->state.position);

      /* A simplex that shrank because every move beyond it met -infinity
       * sits on a slope that never ends. */
      if (self->saw_unbounded)
        set_diverged (self, self->state.iteration + 1, DIVERGED_LOSS);
      else
        set_finished (self, SD_OPTIMIZER_STATUS_CONVERGED,
                      /* Translators: %s is a point such as (1, 2.5); the
                       * simplex is the triangle the Nelder-Mead method moves */
                      g_strdup_printf (_("converged at %s: the simplex has collapsed"), where));
      return FALSE;
    }

  status = gsl_multimin_fminimizer_iterate (self->f_minimizer);
  if (status != GSL_SUCCESS)
    {
      set_gsl_failure (self, status);
      return FALSE;
    }

  x = gsl_multimin_fminimizer_x (self->f_minimizer);
  next->position[0] = gsl_vector_get (x, 0);
  next->position[1] = gsl_vector_get (x, 1);
  next->simplex_size = gsl_multimin_fminimizer_size (self->f_minimizer);
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
      moved = update_gsl_gradient (self, &next);
      break;
    case SD_OPTIMIZER_NELDER_MEAD:
      moved = update_simplex (self, &next);
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
      set_diverged (self, next.iteration, DIVERGED_POSITION);
      return self->status;
    }

  next.loss = sd_objective_eval (&self->objective, next.position, next.gradient, NULL);
  if (!isfinite (next.loss))
    {
      set_diverged (self, next.iteration, DIVERGED_LOSS);
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
