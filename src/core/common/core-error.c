/* core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_errno.h>

#include "core-error.h"

G_DEFINE_QUARK (sd-core-error-quark, sd_core_error)

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
