/* expr-testing.h: comparing what two evaluators of an expression give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean identical (double a,
                    double b);

G_END_DECLS
