/* optimizer-params.c: the optimizer kinds, their hyperparameters and
 * the rules those obey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error-private.h"
#include "names.h"
#include "numfmt.h"
#include "optimizer.h"
#include "params-private.h"

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
