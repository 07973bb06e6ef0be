/* core-error-private.h: raising the math engine's errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-error.h"

G_BEGIN_DECLS

gboolean _sd_set_invalid (GError     **error,
                          const char  *format,
                          ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
