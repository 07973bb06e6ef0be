/* expr-eval.c: value, gradient and Hessian of an expression at one point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "expr-ops.h"
#include "expr-private.h"

/*
 * Derivatives are exact: forward-mode automatic differentiation over the
 * compiled instructions, with second-order (hyper-dual) numbers for the
 * Hessian. Every instruction's value, gradient and Hessian follow from its
 * operands' by the chain rule,
 *
 *   H_ij = sum_p f_p * p_ij + sum_{p,q} (d f_p / d q) * p_i * q_j,
 *
 * where p, q range over the operands and f_p = d f / d p. PyTorch's
 * hessian() differentiates the backward formulas again; for the second term
 * that means the partial p_i arrives first, then passes through the masks
 * (selects) of the backward formula of f_p, then meets the factors of
 * d f_p / d q, and q_j comes last. second_partial() below replays exactly
 * that for each operation, so that hard zeros and NaN come out where
 * PyTorch's do (see expr-ops.h for the kinds of derivative values).
 *
 * H_ij is d/dj (d f / di); it may differ from H_ji where PyTorch's do, at
 * points where pow is not differentiable.
 */

/* Small programs keep their registers on the stack. */
#define STACK_REGISTERS 32

typedef struct
{
  double v;
  SdExt  t[2];     /* d/dx, d/dy */
} Dual;

typedef struct
{
  double v;
  SdExt  t[2];
  SdExt  h[2][2];  /* h[i][j] = d/dj (d/di) */
} HyperDual;

/**
 * sd_expr_eval:
 * @expr: an expression
 * @x: the value of `x`
 * @y: the value of `y`
 *
 * Evaluates @expr. Outside the domain of a function (log(-1), 1/0,
 * sqrt(-1)) the result is NaN or an infinity as IEEE arithmetic gives it.
 * Safe to call from several threads at once.
 *
 * Returns: f(@x, @y)
 */
double
sd_expr_eval (const SdExpr *expr,
              double        x,
              double        y)
{
  double stack[STACK_REGISTERS];
  g_autofree double *heap = NULL;
  double *r;

  g_return_val_if_fail (expr != NULL, NAN);

  r = expr->n_insns <= STACK_REGISTERS ? stack : (heap = g_new (double, expr->n_insns));

  for (guint i = 0; i < expr->n_insns; i++)
    {
      const SdExprInsn *insn = &expr->insns[i];

      switch (insn->op)
        {
        case SD_EXPR_OP_CONST:
          r[i] = insn->k;
          break;
        case SD_EXPR_OP_X:
          r[i] = x;
          break;
        case SD_EXPR_OP_Y:
          r[i] = y;
          break;
        default:
          /* b is 0 for one operand, and r[0] is always set by then */
          r[i] = sd_expr_op_value (insn->op, insn->k, r[insn->a], r[insn->b]);
          break;
        }
    }

  return r[expr->n_insns - 1];
}

static void
leaf_tangents (const SdExprInsn *insn,
               SdExt             t[2])
{
  t[0] = insn->op == SD_EXPR_OP_X ? sd_ext (1.0) : SD_EXT_NONE;
  t[1] = insn->op == SD_EXPR_OP_Y ? sd_ext (1.0) : SD_EXT_NONE;
}

static double
leaf_value (const SdExprInsn *insn,
            double            x,
            double            y)
{
  switch (insn->op)
    {
    case SD_EXPR_OP_X:
      return x;
    case SD_EXPR_OP_Y:
      return y;
    case SD_EXPR_OP_CONST:
    default:
      return insn->k;
    }
}

static double
ext_to_double (SdExt e)
{
  return e.kind == SD_EXT_VALUE ? e.v : 0.0;
}

/**
 * sd_expr_eval_gradient:
 * @expr: an expression
 * @x: the value of `x`
 * @y: the value of `y`
 * @grad: (out caller-allocates) (array fixed-size=2): the gradient
 *   (df/dx, df/dy)
 *
 * Evaluates @expr and its exact gradient. Where a function is not
 * differentiable the gradient follows PyTorch's autograd: abs'(0) = 0,
 * relu'(0) = 0, min and max split the gradient in halves on a tie,
 * sqrt'(0) = inf, and pow follows torch.pow. The value is the same as
 * sd_expr_eval() gives.
 *
 * Returns: f(@x, @y)
 */
double
sd_expr_eval_gradient (const SdExpr *expr,
                       double        x,
                       double        y,
                       double        grad[2])
{
  static const SdExt none[2] = { { 0.0, SD_EXT_ABSENT }, { 0.0, SD_EXT_ABSENT } };
  Dual stack[STACK_REGISTERS];
  g_autofree Dual *heap = NULL;
  Dual *r;
  const Dual *result;

  g_return_val_if_fail (expr != NULL, NAN);
  g_return_val_if_fail (grad != NULL, NAN);

  r = expr->n_insns <= STACK_REGISTERS ? stack : (heap = g_new (Dual, expr->n_insns));

  for (guint i = 0; i < expr->n_insns; i++)
    {
      const SdExprInsn *insn = &expr->insns[i];
      gboolean binary = SD_EXPR_OP_IS_BINARY (insn->op);
      SdExt fa, fb;

      if (SD_EXPR_OP_IS_LEAF (insn->op))
        {
          r[i].v = leaf_value (insn, x, y);
          leaf_tangents (insn, r[i].t);
          continue;
        }

      r[i].v = sd_expr_op_step (insn->op, insn->k, r[insn->a].v,
                                binary ? r[insn->b].v : 0.0,
                                r[insn->a].t, binary ? r[insn->b].t : none,
                                r[i].t, &fa, &fb);
    }

  result = &r[expr->n_insns - 1];
  grad[0] = ext_to_double (result->t[0]);
  grad[1] = ext_to_double (result->t[1]);

  return result->v;
}

/* Follows the upstream value @t from operand @p of @insn through the
 * derivative of PyTorch's backward formula for @p with respect to operand
 * @q, up to where q's own partial multiplies it. Sets @killed when a select
 * inside that formula replaced @t by zero, which also discards the gradient
 * from further out. Returns %FALSE when the formula does not depend on @q
 * (no term at all, not even 0). */
static gboolean
second_partial (const SdExprInsn *insn,
                double            a,
                double            b,
                double            v,
                guint             p,
                guint             q,
                double            t,
                double           *out,
                gboolean         *killed)
{
  double k = insn->k;
  double f;

  *killed = FALSE;

  switch (insn->op)
    {
    case SD_EXPR_OP_SIN:
    case SD_EXPR_OP_COS:
    case SD_EXPR_OP_SINH:
    case SD_EXPR_OP_COSH:
    case SD_EXPR_OP_EXP:
      /* sin'' = -sin, cos'' = -cos, sinh'' = sinh, cosh'' = cosh, exp'' = exp */
      *out = t * ((insn->op == SD_EXPR_OP_SIN || insn->op == SD_EXPR_OP_COS) ? -v : v);
      return TRUE;
    case SD_EXPR_OP_TAN:
      *out = t * ((2.0 * v) * (1.0 + v * v));
      return TRUE;
    case SD_EXPR_OP_ASIN:
    case SD_EXPR_OP_ACOS:
      f = 1.0 / sqrt (-a * a + 1.0);
      *out = t * (insn->op == SD_EXPR_OP_ASIN ? a * (f * f * f) : -(a * (f * f * f)));
      return TRUE;
    case SD_EXPR_OP_ATAN:
      f = 1.0 / (a * a + 1.0);
      *out = t * (-2.0 * a * f * f);
      return TRUE;
    case SD_EXPR_OP_TANH:
      *out = t * (-2.0 * v * (1.0 - v * v));
      return TRUE;
    case SD_EXPR_OP_LOG:
      *out = t * -((1.0 / a) / a);
      return TRUE;
    case SD_EXPR_OP_LOG10:
      *out = t * -((1.0 / (a * M_LN10)) / a);
      return TRUE;
    case SD_EXPR_OP_SQRT:
      f = 1.0 / (2.0 * v);
      *out = t * (-2.0 * f * f * f);
      return TRUE;
    case SD_EXPR_OP_SIGMOID:
      *out = t * ((1.0 - 2.0 * v) * ((1.0 - v) * v));
      return TRUE;
    case SD_EXPR_OP_SOFTPLUS:
      f = sd_expr_sigmoid (a);
      *out = t * ((1.0 - f) * f);
      return TRUE;

    case SD_EXPR_OP_POWK:
      /* pow_backward: the exponent 0 gives zeros_like (self), not tied to
       * anything; the exponent 1 reaches pow (self, 0) whose zero PyTorch
       * adds to other gradient at the same node before it can meet an
       * infinity, so it behaves as no term. */
      if (k == 0.0 || k == 1.0)
        return FALSE;
      *out = (t * k) * ((k - 1.0) * sd_expr_powk (a, k - 2.0));
      return TRUE;

    case SD_EXPR_OP_KPOW:
      {
        /* grad * where (base == 0 and exponent >= 0, 0, result * log (base)) */
        gboolean masked = k == 0.0 && a >= 0.0;

        if (masked)
          {
            t = 0.0;
            *killed = TRUE;
          }
        *out = (t * log (k)) * (masked ? 0.0 : v * log (k));
        return TRUE;
      }

    case SD_EXPR_OP_MUL:
      if (p == q)
        return FALSE;
      *out = t;
      return TRUE;

    case SD_EXPR_OP_DIV:
      if (p == 0 && q == 0)
        return FALSE;
      if (p != q)
        *out = t * -((1.0 / b) / b);
      else
        *out = t * (2.0 * ((v / b) / b));
      return TRUE;

    case SD_EXPR_OP_ATAN2:
      {
        double r = 1.0 / (a * a + b * b);
        double rr = r * r;

        if (p == 0 && q == 0)
          *out = t * (-2.0 * a * b * rr);
        else if (p == 0)
          *out = t * (r - 2.0 * b * b * rr);
        else if (q == 0)
          *out = t * (-r + 2.0 * a * a * rr);
        else
          *out = t * (2.0 * a * b * rr);
        return TRUE;
      }

    case SD_EXPR_OP_POW:
      {
        /* The base's formula: where (b == 0, 0, grad * (b * pow (a, b - 1)));
         * its select comes before the outer gradient, so it only zeroes @t.
         * The exponent's formula: grad * where (a == 0 && b >= 0, 0, v * log (a));
         * the select in its derivative comes after the outer gradient. */
        gboolean zero_exponent = b == 0.0;
        gboolean masked = a == 0.0 && b >= 0.0;
        double P = pow (a, b - 1.0);
        double L = log (a);

        if (p == 0)
          {
            double u = zero_exponent ? 0.0 : t;

            if (q == 0)
              {
                u *= b;
                if (b - 1.0 == 0.0)
                  {
                    *out = 0.0;
                    *killed = TRUE;
                  }
                else
                  *out = u * ((b - 1.0) * pow (a, b - 2.0));
              }
            else
              *out = u * P + (u * b) * ((a == 0.0 && b - 1.0 >= 0.0) ? 0.0 : P * L);
            return TRUE;
          }

        if (masked)
          {
            t = 0.0;
            *killed = TRUE;
          }

        if (q == 0)
          *out = (t * v) / a + (zero_exponent ? 0.0 : (t * L) * (b * P));
        else
          *out = (t * L) * (masked ? 0.0 : v * L);
        return TRUE;
      }

    case SD_EXPR_OP_NEG:
    case SD_EXPR_OP_ADD:
    case SD_EXPR_OP_SUB:
    case SD_EXPR_OP_ABS:
    case SD_EXPR_OP_RELU:
    case SD_EXPR_OP_MIN:
    case SD_EXPR_OP_MAX:
      /* linear, or their backward formulas only mask the gradient */
      return FALSE;

    case SD_EXPR_OP_CONST:
    case SD_EXPR_OP_X:
    case SD_EXPR_OP_Y:
    case SD_EXPR_N_OPS:
    default:
      g_assert_not_reached ();
    }
}

static SdExt
second_term (const SdExprInsn *insn,
             double            a,
             double            b,
             double            v,
             guint             p,
             guint             q,
             SdExt             p_i,
             SdExt             q_j)
{
  double out, r;
  gboolean killed;

  if (p_i.kind == SD_EXT_ABSENT || q_j.kind == SD_EXT_ABSENT)
    return SD_EXT_NONE;

  /* A hard p_i went through a select of its own on the way here; from
   * there on it is an ordinary zero, so only its value goes in. */
  if (!second_partial (insn, a, b, v, p, q, p_i.v, &out, &killed))
    return SD_EXT_NONE;

  if (q_j.kind == SD_EXT_HARD)
    return SD_EXT_HARD0;

  r = out * q_j.v;
  if (killed && !isnan (r))
    return SD_EXT_HARD0;

  return sd_ext (r);
}

static void
hyper_step (const SdExprInsn *insn,
            const HyperDual  *oa,
            const HyperDual  *ob,
            HyperDual        *out)
{
  static const HyperDual nothing = { 0 };
  const HyperDual *operands[2] = { oa, ob != NULL ? ob : &nothing };
  guint n_operands = ob != NULL ? 2 : 1;
  gboolean has_second;
  SdExt f[2];

  switch (insn->op)
    {
    case SD_EXPR_OP_NEG:
    case SD_EXPR_OP_ADD:
    case SD_EXPR_OP_SUB:
    case SD_EXPR_OP_ABS:
    case SD_EXPR_OP_RELU:
    case SD_EXPR_OP_MIN:
    case SD_EXPR_OP_MAX:
      has_second = FALSE;
      break;
    default:
      has_second = TRUE;
      break;
    }

  out->v = sd_expr_op_step (insn->op, insn->k, oa->v, operands[1]->v,
                            oa->t, operands[1]->t, out->t, &f[0], &f[1]);

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        SdExt h = SD_EXT_NONE;

        /* nothing to differentiate along a variable the result does not
         * depend on, and nothing to chain where the operation's derivative
         * is a constant or a mask */
        if ((insn->deps & (1u << i)) == 0 || (insn->deps & (1u << j)) == 0)
          {
            out->h[i][j] = SD_EXT_NONE;
            continue;
          }

        for (guint p = 0; p < n_operands; p++)
          h = sd_ext_add (h, sd_ext_mul (f[p], operands[p]->h[i][j]));

        if (has_second)
          for (guint p = 0; p < n_operands; p++)
            for (guint q = 0; q < n_operands; q++)
              h = sd_ext_add (h, second_term (insn, oa->v, operands[1]->v, out->v, p, q,
                                              operands[p]->t[i], operands[q]->t[j]));

        out->h[i][j] = h;
      }
}

/**
 * sd_expr_eval_hessian:
 * @expr: an expression
 * @x: the value of `x`
 * @y: the value of `y`
 * @grad: (out caller-allocates) (array fixed-size=2): the gradient
 *   (df/dx, df/dy)
 * @hess: (out caller-allocates) (array fixed-size=4): the Hessian, row-major
 *   (d2f/dx2, d2f/dxdy, d2f/dydx, d2f/dy2); hess[1] is d/dy (df/dx)
 *
 * Evaluates @expr, its exact gradient and its exact Hessian. Value and
 * gradient are the same as sd_expr_eval_gradient() gives; the Hessian is the
 * one torch.autograd.functional.hessian() computes, also at points where a
 * function is not differentiable.
 *
 * Returns: f(@x, @y)
 */
double
sd_expr_eval_hessian (const SdExpr *expr,
                      double        x,
                      double        y,
                      double        grad[2],
                      double        hess[4])
{
  HyperDual stack[STACK_REGISTERS];
  g_autofree HyperDual *heap = NULL;
  HyperDual *r;
  const HyperDual *result;

  g_return_val_if_fail (expr != NULL, NAN);
  g_return_val_if_fail (grad != NULL, NAN);
  g_return_val_if_fail (hess != NULL, NAN);

  r = expr->n_insns <= STACK_REGISTERS ? stack : (heap = g_new (HyperDual, expr->n_insns));

  for (guint i = 0; i < expr->n_insns; i++)
    {
      const SdExprInsn *insn = &expr->insns[i];

      if (SD_EXPR_OP_IS_LEAF (insn->op))
        {
          r[i] = (HyperDual) { .v = leaf_value (insn, x, y) };
          leaf_tangents (insn, r[i].t);
          continue;
        }

      hyper_step (insn, &r[insn->a],
                  SD_EXPR_OP_IS_BINARY (insn->op) ? &r[insn->b] : NULL, &r[i]);
    }

  result = &r[expr->n_insns - 1];
  grad[0] = ext_to_double (result->t[0]);
  grad[1] = ext_to_double (result->t[1]);
  hess[0] = ext_to_double (result->h[0][0]);
  hess[1] = ext_to_double (result->h[0][1]);
  hess[2] = ext_to_double (result->h[1][0]);
  hess[3] = ext_to_double (result->h[1][1]);

  return result->v;
}
