/* params-private.h: tables of named numeric parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Optimizers and surfaces take their settings by name, as a scene file
 * writes them ("learning-rate", "seed"), into plain structs. A table of
 * SdParamSpec per struct says where each setting lives and which rule it
 * obeys, so that looking a name up, checking a value, and reading or
 * writing the field are written once for every such struct.
 */

/**
 * SdParamRule:
 * @SD_PARAM_POSITIVE: a double, finite and > 0
 * @SD_PARAM_NON_NEGATIVE: a double, finite and >= 0
 * @SD_PARAM_FRACTION: a double in [0, 1)
 * @SD_PARAM_SIZE: a guint, a whole number from 1 to the spec's max
 * @SD_PARAM_BATCH_SIZE: a guint, a whole number from 0 (the full batch) to
 *   the spec's max
 * @SD_PARAM_SEED: a guint32, any whole number it holds
 *
 * What a setting accepts; the rule also fixes the type of its field.
 */
typedef enum
{
  SD_PARAM_POSITIVE,
  SD_PARAM_NON_NEGATIVE,
  SD_PARAM_FRACTION,
  SD_PARAM_SIZE,
  SD_PARAM_BATCH_SIZE,
  SD_PARAM_SEED,
} SdParamRule;

/**
 * SdParamSpec:
 * @name: the key, as in scene files
 * @rule: what the setting accepts
 * @offset: where its field is in the struct, from G_STRUCT_OFFSET()
 * @max: the largest value of a %SD_PARAM_SIZE or %SD_PARAM_BATCH_SIZE
 *
 * One named setting of a parameter struct.
 */
typedef struct
{
  const char  *name;
  SdParamRule  rule;
  gsize        offset;
  int          max;
} SdParamSpec;

const SdParamSpec *_sd_param_lookup (const SdParamSpec  *specs,
                                     guint               n_specs,
                                     const char         *name);
gboolean           _sd_param_check  (const SdParamSpec  *spec,
                                     double              value,
                                     GError            **error);
double             _sd_param_get    (const SdParamSpec  *spec,
                                     gconstpointer       params);
void               _sd_param_set    (const SdParamSpec  *spec,
                                     gpointer            params,
                                     double              value);
gboolean           _sd_param_read   (const SdParamSpec  *specs,
                                     guint               n_specs,
                                     gconstpointer       params,
                                     const char         *name,
                                     double             *value);

G_END_DECLS
