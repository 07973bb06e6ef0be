/* expr-testing.c: comparing what two evaluators of an expression give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "expr-testing.h"

/* Grid and pointwise results must be the same numbers; NaNs may differ in
 * sign and payload, which mean nothing. Where the compiler may fuse a
 * multiplication and an addition into one rounding (FMA hardware) or keep
 * excess precision (x87), it may do so differently in the two evaluators,
 * so there the last bits may differ. This file is built with the engine's
 * flags, so the test sees what the evaluators were built with. */
gboolean
identical (double a,
           double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
#if defined (__FP_FAST_FMA) || (FLT_EVAL_METHOD != 0)
  return a == b || fabs (a - b) <= 8 * DBL_EPSILON * MAX (fabs (a), fabs (b));
#else
  return memcmp (&a, &b, sizeof a) == 0;
#endif
}
