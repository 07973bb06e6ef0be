/* core-error.h: the error domain of the math engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SD_CORE_ERROR (sd_core_error_quark ())

/**
 * SdCoreError:
 * @SD_CORE_ERROR_PARSE: an expression could not be parsed
 * @SD_CORE_ERROR_INVALID: a value is out of its allowed range
 * @SD_CORE_ERROR_NUMERIC: a numerical method failed (a GSL error, a singular matrix)
 *
 * Errors that the user can cause through the math engine.
 */
typedef enum
{
  SD_CORE_ERROR_PARSE,
  SD_CORE_ERROR_INVALID,
  SD_CORE_ERROR_NUMERIC,
} SdCoreError;

GQuark sd_core_error_quark (void);
void   sd_core_init        (void);

G_END_DECLS
