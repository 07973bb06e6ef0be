/* expr.c: parsing and compiling expressions, and their lifetime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-error.h"
#include "expr-ops.h"
#include "expr-private.h"

G_DEFINE_BOXED_TYPE (SdExpr, sd_expr, sd_expr_ref, sd_expr_unref)

/* Whether the partial of @insn along direction @d (0: x, 1: y) can be a
 * hard zero (see expr-ops.h). A sum of terms is hard only if every term is,
 * and a term is hard if its operand's partial or its factor may be. The
 * grid evaluator keeps track of hard zeros only where this says so. */
static gboolean
insn_may_be_hard (const SdExprInsn *insns,
                  const SdExprInsn *insn,
                  guint             d)
{
  guint bit = 1u << d;
  gboolean selects = sd_expr_op_selects (insn->op, insn->k);
  gboolean any_term = FALSE;
  gboolean all_hard = TRUE;
  guint n_operands = SD_EXPR_OP_IS_BINARY (insn->op) ? 2 : 1;

  if (SD_EXPR_OP_IS_LEAF (insn->op))
    return FALSE;

  for (guint i = 0; i < n_operands; i++)
    {
      const SdExprInsn *operand = &insns[i == 0 ? insn->a : insn->b];

      if ((operand->deps & bit) == 0)
        continue;

      any_term = TRUE;
      if (!selects && (operand->may_hard & bit) == 0)
        all_hard = FALSE;
    }

  return any_term && all_hard;
}

/* Keeps the nodes the root reaches, in their order (which already puts
 * operands first), and fills in what the evaluators need to know. */
static SdExpr *
compile (const char *text,
         GArray     *tree)
{
  const SdExprInsn *nodes = (const SdExprInsn *) (gpointer) tree->data;
  guint n_nodes = tree->len;
  g_autofree guint *new_index = g_new (guint, n_nodes);
  g_autofree gboolean *reached = g_new0 (gboolean, n_nodes);
  SdExpr *expr;
  guint n = 0;

  reached[n_nodes - 1] = TRUE;
  for (guint i = n_nodes; i-- > 0;)
    {
      if (!reached[i] || SD_EXPR_OP_IS_LEAF (nodes[i].op))
        continue;
      reached[nodes[i].a] = TRUE;
      if (SD_EXPR_OP_IS_BINARY (nodes[i].op))
        reached[nodes[i].b] = TRUE;
    }

  for (guint i = 0; i < n_nodes; i++)
    if (reached[i])
      new_index[i] = n++;

  expr = g_atomic_rc_box_new0 (SdExpr);
  expr->text = g_strdup (text);
  expr->n_insns = n;
  expr->insns = g_new0 (SdExprInsn, n);

  for (guint i = 0; i < n_nodes; i++)
    {
      SdExprInsn *insn;

      if (!reached[i])
        continue;

      insn = &expr->insns[new_index[i]];
      *insn = nodes[i];

      switch (insn->op)
        {
        case SD_EXPR_OP_CONST:
          insn->a = insn->b = 0;
          insn->deps = 0;
          break;
        case SD_EXPR_OP_X:
          insn->a = insn->b = 0;
          insn->deps = SD_EXPR_DEP_X;
          break;
        case SD_EXPR_OP_Y:
          insn->a = insn->b = 0;
          insn->deps = SD_EXPR_DEP_Y;
          break;
        default:
          insn->a = new_index[insn->a];
          insn->deps = expr->insns[insn->a].deps;
          if (SD_EXPR_OP_IS_BINARY (insn->op))
            {
              insn->b = new_index[insn->b];
              insn->deps |= expr->insns[insn->b].deps;
            }
          else
            insn->b = 0;
          break;
        }

      for (guint d = 0; d < 2; d++)
        if (insn_may_be_hard (expr->insns, insn, d))
          insn->may_hard |= 1u << d;
    }

  return expr;
}

/**
 * sd_expr_parse_full:
 * @text: the expression, f(x, y), for example `sin(x)*cos(y) + 0.1*(x^2+y^2)`
 * @out_expr: (out) (transfer full) (optional): the compiled expression
 * @out_error_column: (out) (optional): on error, the 1-based column (in
 *   characters) the error points at, 0 on success
 * @error: return location for a #GError, or %NULL
 *
 * Parses and compiles an expression in the variables `x` and `y`. It knows
 * the constants `pi` and `e`; the operators `+ - * / ^` (`^` groups to the
 * right and binds tighter than a sign: `-x^2` is `-(x^2)`); and the
 * functions sin, cos, tan, asin, acos, atan, atan2(a, b), sinh, cosh, tanh,
 * exp, log (natural), log10, sqrt, abs, min(a, b), max(a, b), pow(a, b),
 * sigmoid, softplus and relu. Operations on constants are computed here,
 * once.
 *
 * Errors are %SD_CORE_ERROR_PARSE with a message that ends in
 * `at column N`, for example `unexpected ')' at column 7`; expressions
 * longer than %SD_EXPR_MAX_LENGTH characters or nested deeper than
 * %SD_EXPR_MAX_DEPTH levels are refused.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_expr_parse_full (const char  *text,
                    SdExpr     **out_expr,
                    guint       *out_error_column,
                    GError     **error)
{
  g_autoptr(GArray) tree = NULL;
  guint column = 0;
  SdExpr *expr;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_expr != NULL)
    *out_expr = NULL;

  tree = sd_expr_parse_tree (text, &column, error);
  if (out_error_column != NULL)
    *out_error_column = column;
  if (tree == NULL)
    return FALSE;

  expr = compile (text, tree);
  if (out_expr != NULL)
    *out_expr = expr;
  else
    sd_expr_unref (expr);

  return TRUE;
}

/**
 * sd_expr_parse:
 * @text: the expression
 * @error: return location for a #GError, or %NULL
 *
 * Like sd_expr_parse_full(), without the error column.
 *
 * Returns: (transfer full) (nullable): the compiled expression, or %NULL
 *   with @error set
 */
SdExpr *
sd_expr_parse (const char  *text,
               GError     **error)
{
  SdExpr *expr = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!sd_expr_parse_full (text, &expr, NULL, error))
    return NULL;

  return expr;
}

/**
 * sd_expr_ref:
 * @expr: an expression
 *
 * An expression never changes once compiled; references to it may be held
 * and used from any number of threads at once.
 *
 * Returns: (transfer full): @expr
 */
SdExpr *
sd_expr_ref (SdExpr *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return g_atomic_rc_box_acquire (expr);
}

static void
sd_expr_clear (SdExpr *expr)
{
  g_free (expr->text);
  g_free (expr->insns);
}

/**
 * sd_expr_unref:
 * @expr: (transfer full): an expression
 *
 * Drops a reference; the last one frees the expression.
 */
void
sd_expr_unref (SdExpr *expr)
{
  g_return_if_fail (expr != NULL);

  g_atomic_rc_box_release_full (expr, (GDestroyNotify) sd_expr_clear);
}

/**
 * sd_expr_get_text:
 * @expr: an expression
 *
 * Returns: (transfer none): the text it was parsed from
 */
const char *
sd_expr_get_text (const SdExpr *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return expr->text;
}
