/* params.c: tables of named numeric parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core-error-private.h"
#include "numfmt.h"
#include "params-private.h"

/* Finite, whole and within [@min, @max]. */
static gboolean
is_whole_number (double value,
                 double min,
                 double max)
{
  return isfinite (value) && value >= min && value <= max && value == floor (value);
}

/* Finds @name in a table of @n_specs settings; %NULL if it is not there. */
const SdParamSpec *
_sd_param_lookup (const SdParamSpec *specs,
                  guint              n_specs,
                  const char        *name)
{
  for (guint i = 0; i < n_specs; i++)
    {
      if (g_str_equal (name, specs[i].name))
        return &specs[i];
    }

  return NULL;
}

/* Checks @value against the rule of @spec. The messages name the key and
 * quote the value as a scene file writes it, as in
 * `noise: must be a finite number >= 0, got '-1'`. */
gboolean
_sd_param_check (const SdParamSpec  *spec,
                 double              value,
                 GError            **error)
{
  char text[SD_FORMAT_DOUBLE_SIZE];

  switch (spec->rule)
    {
    case SD_PARAM_POSITIVE:
      if (!isfinite (value) || value <= 0.0)
        /* Translators: the first %s is a key of the scene file, such as
         * learning-rate; keep it as it is. The second is the value given. */
        return _sd_set_invalid (error, _("%s: must be a positive finite number, got '%s'"),
                                spec->name, sd_format_double (text, value));
      return TRUE;

    case SD_PARAM_NON_NEGATIVE:
      if (!isfinite (value) || value < 0.0)
        /* Translators: the first %s is a key of the scene file, such as
         * weight-decay or noise; keep it as it is. The second is the value
         * given. */
        return _sd_set_invalid (error, _("%s: must be a finite number >= 0, got '%s'"),
                                spec->name, sd_format_double (text, value));
      return TRUE;

    case SD_PARAM_FRACTION:
      if (!(value >= 0.0 && value < 1.0))
        /* Translators: the first %s is a key of the scene file, such as
         * beta1; keep it as it is. [0, 1) is the interval from 0 to 1 that
         * holds 0 but not 1. The second %s is the value given. */
        return _sd_set_invalid (error, _("%s: must be in [0, 1), got '%s'"),
                                spec->name, sd_format_double (text, value));
      return TRUE;

    case SD_PARAM_SIZE:
      if (!is_whole_number (value, 1.0, spec->max))
        /* Translators: the first %s is the key dataset-size of the scene
         * file; keep it as it is. %d is the largest size allowed, the
         * second %s the value given. */
        return _sd_set_invalid (error, _("%s: must be a whole number from 1 to %d, got '%s'"),
                                spec->name, spec->max, sd_format_double (text, value));
      return TRUE;

    case SD_PARAM_BATCH_SIZE:
      if (!is_whole_number (value, 0.0, spec->max))
        /* Translators: the first %s is the key batch-size of the scene file;
         * keep it as it is. %d is the largest batch allowed, the second %s
         * the value given. */
        return _sd_set_invalid (error, _("%s: must be a whole number from 0 (the full batch) "
                                         "to %d, got '%s'"),
                                spec->name, spec->max, sd_format_double (text, value));
      return TRUE;

    case SD_PARAM_SEED:
      if (!is_whole_number (value, 0.0, G_MAXUINT32))
        /* Translators: the first %s is the key seed of the scene file; keep
         * it as it is. %u is the largest seed allowed, the second %s the
         * value given. */
        return _sd_set_invalid (error, _("%s: must be a whole number from 0 to %u, got '%s'"),
                                spec->name, G_MAXUINT32, sd_format_double (text, value));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* The value of @spec's field in the struct @params. */
double
_sd_param_get (const SdParamSpec *spec,
               gconstpointer      params)
{
  const guint8 *at = (const guint8 *) params + spec->offset;

  switch (spec->rule)
    {
    case SD_PARAM_POSITIVE:
    case SD_PARAM_NON_NEGATIVE:
    case SD_PARAM_FRACTION:
      return *(const double *) at;
    case SD_PARAM_SIZE:
    case SD_PARAM_BATCH_SIZE:
      return *(const guint *) at;
    case SD_PARAM_SEED:
      return *(const guint32 *) at;
    default:
      g_assert_not_reached ();
    }
}

/* Stores @value, already checked, in @spec's field of the struct @params. */
void
_sd_param_set (const SdParamSpec *spec,
               gpointer           params,
               double             value)
{
  guint8 *at = (guint8 *) params + spec->offset;

  switch (spec->rule)
    {
    case SD_PARAM_POSITIVE:
    case SD_PARAM_NON_NEGATIVE:
    case SD_PARAM_FRACTION:
      *(double *) at = value;
      break;
    case SD_PARAM_SIZE:
    case SD_PARAM_BATCH_SIZE:
      *(guint *) at = (guint) value;
      break;
    case SD_PARAM_SEED:
      *(guint32 *) at = (guint32) value;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Reads the setting @name of the struct @params, whose table is @specs;
 * %FALSE if there is no such setting. */
gboolean
_sd_param_read (const SdParamSpec *specs,
                guint              n_specs,
                gconstpointer      params,
                const char        *name,
                double            *value)
{
  const SdParamSpec *spec = _sd_param_lookup (specs, n_specs, name);

  if (spec == NULL)
    return FALSE;

  *value = _sd_param_get (spec, params);
  return TRUE;
}
