/* expr-ops.h: values and derivatives of the expression operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "expr-private.h"

G_BEGIN_DECLS

/*
 * Both evaluators (pointwise in expr-eval.c, vectorised in expr-grid.c) take
 * every value and first derivative from the inline functions below, so that
 * the grid equals the pointwise evaluation bit for bit.
 *
 * Derivatives follow PyTorch's autograd (torch 1.13), including its
 * conventions at non-differentiable points. Forward-mode differentiation
 * reproduces what reverse mode computes except in one respect that matters
 * at such points: reverse mode *selects* a zero where a backward formula
 * masks the incoming gradient (relu, the losing side of min and max, the
 * base of pow where the exponent is 0, x^0), and a selected zero stays zero
 * even when the gradient that arrives from further out is infinite or NaN.
 * sqrt(relu(x)) at x < 0 has gradient 0 in PyTorch, not inf * 0 = NaN. So a
 * derivative carries a kind besides its value:
 *
 *  - ABSENT: structurally zero; the result does not depend on that variable.
 *  - HARD: a selected zero; multiplying it by anything from further out
 *    leaves zero.
 *  - VALUE: an ordinary number.
 */
typedef enum
{
  SD_EXT_ABSENT = 0,
  SD_EXT_HARD,
  SD_EXT_VALUE,
} SdExtKind;

typedef struct
{
  double v;
  guint8 kind;  /* SdExtKind */
} SdExt;

#define SD_EXT_NONE  ((SdExt) { 0.0, SD_EXT_ABSENT })
#define SD_EXT_HARD0 ((SdExt) { 0.0, SD_EXT_HARD })

static inline SdExt
sd_ext (double v)
{
  return (SdExt) { v, SD_EXT_VALUE };
}

/* The product of a factor from further out (@outer) with a derivative from
 * further in (@inner). A hard zero inside wins over anything outside; a hard
 * zero outside is an ordinary 0 for what lies inside (0 * inf = NaN), and
 * the product stays hard unless it became NaN. */
static inline SdExt
sd_ext_mul (SdExt outer,
            SdExt inner)
{
  double r;

  if (outer.kind == SD_EXT_ABSENT || inner.kind == SD_EXT_ABSENT)
    return SD_EXT_NONE;
  if (inner.kind == SD_EXT_HARD)
    return SD_EXT_HARD0;

  r = outer.v * inner.v;
  if (outer.kind == SD_EXT_HARD && !isnan (r))
    return SD_EXT_HARD0;

  return sd_ext (r);
}

static inline SdExt
sd_ext_add (SdExt s,
            SdExt t)
{
  if (s.kind == SD_EXT_VALUE && t.kind == SD_EXT_VALUE)
    return sd_ext (s.v + t.v);
  if (s.kind == SD_EXT_VALUE)
    return s;
  if (t.kind == SD_EXT_VALUE)
    return t;
  if (s.kind == SD_EXT_HARD || t.kind == SD_EXT_HARD)
    return SD_EXT_HARD0;

  return SD_EXT_NONE;
}

/* 1 / (1 + exp (-z)) without overflow: for z < 0 exp (-z) would overflow
 * to inf at z < -709, so use exp (z) / (1 + exp (z)) there instead. */
static inline double
sd_expr_sigmoid (double z)
{
  double e;

  if (z >= 0.0)
    return 1.0 / (1.0 + exp (-z));

  e = exp (z);
  return e / (1.0 + e);
}

/* log (1 + exp (z)) = max (z, 0) + log1p (exp (-|z|)), exact for large |z|. */
static inline double
sd_expr_softplus (double z)
{
  return (z > 0.0 ? z : 0.0) + log1p (exp (-fabs (z)));
}

/* torch.relu: negative to 0, NaN stays NaN. */
static inline double
sd_expr_relu (double a)
{
  return a < 0.0 ? 0.0 : a;
}

/* torch.sign: 0 for 0 and for NaN. */
static inline double
sd_expr_sign (double a)
{
  return a > 0.0 ? 1.0 : (a < 0.0 ? -1.0 : 0.0);
}

/* torch.maximum and torch.minimum propagate NaN (fmax does not). */
static inline double
sd_expr_max (double a,
             double b)
{
  return (a > b || isnan (a)) ? a : b;
}

static inline double
sd_expr_min (double a,
             double b)
{
  return (a < b || isnan (a)) ? a : b;
}

/* a ^ k for a constant k, computed as PyTorch's pow (Tensor, Scalar) does:
 * the common exponents by multiplication, division and square roots. */
static inline double
sd_expr_powk (double a,
              double k)
{
  /* pow (a, 0) = 1 and pow (a, 1) = a exactly, also for NaN */
  if (k == 0.0)
    return 1.0;
  if (k == 1.0)
    return a;
  if (k == 2.0)
    return a * a;
  if (k == 3.0)
    return a * a * a;
  if (k == 0.5)
    return sqrt (a);
  if (k == -0.5)
    return 1.0 / sqrt (a);
  if (k == -1.0)
    return 1.0 / a;
  if (k == -2.0)
    return 1.0 / (a * a);

  return pow (a, k);
}

/* The value of one operation; leaves are not operations. */
static inline double
sd_expr_op_value (SdExprOp op,
                  double   k,
                  double   a,
                  double   b)
{
  switch (op)
    {
    case SD_EXPR_OP_CONST:    return k;
    case SD_EXPR_OP_NEG:      return -a;
    case SD_EXPR_OP_SIN:      return sin (a);
    case SD_EXPR_OP_COS:      return cos (a);
    case SD_EXPR_OP_TAN:      return tan (a);
    case SD_EXPR_OP_ASIN:     return asin (a);
    case SD_EXPR_OP_ACOS:     return acos (a);
    case SD_EXPR_OP_ATAN:     return atan (a);
    case SD_EXPR_OP_SINH:     return sinh (a);
    case SD_EXPR_OP_COSH:     return cosh (a);
    case SD_EXPR_OP_TANH:     return tanh (a);
    case SD_EXPR_OP_EXP:      return exp (a);
    case SD_EXPR_OP_LOG:      return log (a);
    case SD_EXPR_OP_LOG10:    return log10 (a);
    case SD_EXPR_OP_SQRT:     return sqrt (a);
    case SD_EXPR_OP_ABS:      return fabs (a);
    case SD_EXPR_OP_SIGMOID:  return sd_expr_sigmoid (a);
    case SD_EXPR_OP_SOFTPLUS: return sd_expr_softplus (a);
    case SD_EXPR_OP_RELU:     return sd_expr_relu (a);
    case SD_EXPR_OP_POWK:     return sd_expr_powk (a, k);
    case SD_EXPR_OP_KPOW:     return pow (k, a);
    case SD_EXPR_OP_ADD:      return a + b;
    case SD_EXPR_OP_SUB:      return a - b;
    case SD_EXPR_OP_MUL:      return a * b;
    case SD_EXPR_OP_DIV:      return a / b;
    case SD_EXPR_OP_POW:      return pow (a, b);
    case SD_EXPR_OP_ATAN2:    return atan2 (a, b);
    case SD_EXPR_OP_MIN:      return sd_expr_min (a, b);
    case SD_EXPR_OP_MAX:      return sd_expr_max (a, b);
    case SD_EXPR_OP_X:
    case SD_EXPR_OP_Y:
    case SD_EXPR_N_OPS:
    default:
      g_assert_not_reached ();
    }
}

/* The value of one operation and its partial derivatives with respect to
 * its operands, each written as PyTorch's backward formula computes it. */
static inline double
sd_expr_op_partials (SdExprOp  op,
                     double    k,
                     double    a,
                     double    b,
                     SdExt    *fa,
                     SdExt    *fb)
{
  double v;

  *fb = SD_EXT_NONE;

  switch (op)
    {
    case SD_EXPR_OP_NEG:
      v = -a;
      *fa = sd_ext (-1.0);
      break;
    case SD_EXPR_OP_SIN:
      v = sin (a);
      *fa = sd_ext (cos (a));
      break;
    case SD_EXPR_OP_COS:
      v = cos (a);
      *fa = sd_ext (-sin (a));
      break;
    case SD_EXPR_OP_TAN:
      v = tan (a);
      *fa = sd_ext (1.0 + v * v);
      break;
    case SD_EXPR_OP_ASIN:
      v = asin (a);
      *fa = sd_ext (1.0 / sqrt (-a * a + 1.0));
      break;
    case SD_EXPR_OP_ACOS:
      v = acos (a);
      *fa = sd_ext (-(1.0 / sqrt (-a * a + 1.0)));
      break;
    case SD_EXPR_OP_ATAN:
      v = atan (a);
      *fa = sd_ext (1.0 / (a * a + 1.0));
      break;
    case SD_EXPR_OP_SINH:
      v = sinh (a);
      *fa = sd_ext (cosh (a));
      break;
    case SD_EXPR_OP_COSH:
      v = cosh (a);
      *fa = sd_ext (sinh (a));
      break;
    case SD_EXPR_OP_TANH:
      v = tanh (a);
      *fa = sd_ext (1.0 - v * v);
      break;
    case SD_EXPR_OP_EXP:
      v = exp (a);
      *fa = sd_ext (v);
      break;
    case SD_EXPR_OP_LOG:
      v = log (a);
      *fa = sd_ext (1.0 / a);
      break;
    case SD_EXPR_OP_LOG10:
      v = log10 (a);
      *fa = sd_ext (1.0 / (a * M_LN10));
      break;
    case SD_EXPR_OP_SQRT:
      v = sqrt (a);
      *fa = sd_ext (1.0 / (2.0 * v));
      break;
    case SD_EXPR_OP_ABS:
      /* grad * sgn (self): a multiplication, so abs'(0) = 0 is not hard */
      v = fabs (a);
      *fa = sd_ext (sd_expr_sign (a));
      break;
    case SD_EXPR_OP_SIGMOID:
      v = sd_expr_sigmoid (a);
      *fa = sd_ext ((1.0 - v) * v);
      break;
    case SD_EXPR_OP_SOFTPLUS:
      v = sd_expr_softplus (a);
      *fa = sd_ext (sd_expr_sigmoid (a));
      break;
    case SD_EXPR_OP_RELU:
      /* threshold_backward selects 0 where the result is <= 0 */
      v = sd_expr_relu (a);
      *fa = v <= 0.0 ? SD_EXT_HARD0 : sd_ext (1.0);
      break;
    case SD_EXPR_OP_POWK:
      /* pow_backward: zeros_like (self) for the exponent 0 */
      v = sd_expr_powk (a, k);
      *fa = k == 0.0 ? SD_EXT_HARD0 : sd_ext (k * sd_expr_powk (a, k - 1.0));
      break;
    case SD_EXPR_OP_KPOW:
      /* pow_backward_exponent multiplies the gradient by a masked value */
      v = pow (k, a);
      *fa = sd_ext ((k == 0.0 && a >= 0.0) ? 0.0 : v * log (k));
      break;
    case SD_EXPR_OP_ADD:
      v = a + b;
      *fa = sd_ext (1.0);
      *fb = sd_ext (1.0);
      break;
    case SD_EXPR_OP_SUB:
      v = a - b;
      *fa = sd_ext (1.0);
      *fb = sd_ext (-1.0);
      break;
    case SD_EXPR_OP_MUL:
      v = a * b;
      *fa = sd_ext (b);
      *fb = sd_ext (a);
      break;
    case SD_EXPR_OP_DIV:
      v = a / b;
      *fa = sd_ext (1.0 / b);
      *fb = sd_ext (-(v / b));
      break;
    case SD_EXPR_OP_POW:
      /* pow_backward_self selects 0 where the exponent is 0;
       * pow_backward_exponent multiplies by 0 where the base is 0 and the
       * exponent >= 0 */
      v = pow (a, b);
      *fa = b == 0.0 ? SD_EXT_HARD0 : sd_ext (b * pow (a, b - 1.0));
      *fb = sd_ext ((a == 0.0 && b >= 0.0) ? 0.0 : v * log (a));
      break;
    case SD_EXPR_OP_ATAN2:
      {
        double r = 1.0 / (a * a + b * b);

        v = atan2 (a, b);
        *fa = sd_ext (b * r);
        *fb = sd_ext (-a * r);
      }
      break;
    case SD_EXPR_OP_MIN:
      /* a tie splits the gradient in halves; the larger side gets a selected 0 */
      v = sd_expr_min (a, b);
      *fa = a == b ? sd_ext (0.5) : (a > b ? SD_EXT_HARD0 : sd_ext (1.0));
      *fb = a == b ? sd_ext (0.5) : (a < b ? SD_EXT_HARD0 : sd_ext (1.0));
      break;
    case SD_EXPR_OP_MAX:
      v = sd_expr_max (a, b);
      *fa = a == b ? sd_ext (0.5) : (a < b ? SD_EXT_HARD0 : sd_ext (1.0));
      *fb = a == b ? sd_ext (0.5) : (a > b ? SD_EXT_HARD0 : sd_ext (1.0));
      break;
    case SD_EXPR_OP_CONST:
    case SD_EXPR_OP_X:
    case SD_EXPR_OP_Y:
    case SD_EXPR_N_OPS:
    default:
      g_assert_not_reached ();
    }

  return v;
}

/* Whether an operation can give a hard zero as a partial derivative. */
static inline gboolean
sd_expr_op_selects (SdExprOp op,
                    double   k)
{
  return op == SD_EXPR_OP_RELU || (op == SD_EXPR_OP_POWK && k == 0.0) ||
         op == SD_EXPR_OP_POW || op == SD_EXPR_OP_MIN || op == SD_EXPR_OP_MAX;
}

/* One forward step of first-order differentiation: the value and the two
 * partials (d/dx, d/dy) of an instruction from those of its operands. */
static inline double
sd_expr_op_step (SdExprOp     op,
                 double       k,
                 double       a,
                 double       b,
                 const SdExt  ta[2],
                 const SdExt  tb[2],
                 SdExt        tv[2],
                 SdExt       *fa,
                 SdExt       *fb)
{
  double v = sd_expr_op_partials (op, k, a, b, fa, fb);

  for (guint d = 0; d < 2; d++)
    tv[d] = sd_ext_add (sd_ext_mul (*fa, ta[d]), sd_ext_mul (*fb, tb[d]));

  return v;
}

G_END_DECLS
