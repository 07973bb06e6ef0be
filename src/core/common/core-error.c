/* core-error.c: the error domain of the math engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_errno.h>

#include "core-error-private.h"

G_DEFINE_QUARK (sd-core-error-quark, sd_core_error)

/* Sets @error to %SD_CORE_ERROR_INVALID and returns %FALSE, so that a check
 * can end with `return _sd_set_invalid (...)`. Each rule is a whole sentence
 * of its own, so that translators see complete messages; the name of the
 * key or parameter and the value given stay out of them, as arguments. */
gboolean
_sd_set_invalid (GError     **error,
                 const char  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

/**
 * sd_core_init:
 *
 * Prepares the math engine for use. GSL's default error handler aborts the
 * process; a desktop program must never do that, so it is switched off here
 * once for the whole process (the handler is global state) and every GSL
 * status code is turned into a #GError by the caller instead.
 *
 * Safe to call more than once and from any thread.
 */
void
sd_core_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gsl_set_error_handler_off ();
      g_once_init_leave (&initialized, 1);
    }
}
