/* state-testing.h: comparing optimizer states in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "optimizer.h"

G_BEGIN_DECLS

void assert_states_equal (const SdOptimizerState *a,
                          const SdOptimizerState *b);
void assert_points_equal (const SdOptimizerState *a,
                          const SdOptimizerState *b,
                          guint                   n);

G_END_DECLS
