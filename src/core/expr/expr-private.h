/* expr-private.h: the compiled form of an expression
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "expr.h"

G_BEGIN_DECLS

/*
 * An expression compiles to a list of instructions in evaluation order; each
 * one computes one node of the expression tree from earlier ones, and the
 * last one is the result. Because the list comes from a tree, every result
 * except the last is read by exactly one later instruction.
 */
typedef enum
{
  /* leaves */
  SD_EXPR_OP_CONST,
  SD_EXPR_OP_X,
  SD_EXPR_OP_Y,

  /* one operand, a */
  SD_EXPR_OP_NEG,
  SD_EXPR_OP_SIN,
  SD_EXPR_OP_COS,
  SD_EXPR_OP_TAN,
  SD_EXPR_OP_ASIN,
  SD_EXPR_OP_ACOS,
  SD_EXPR_OP_ATAN,
  SD_EXPR_OP_SINH,
  SD_EXPR_OP_COSH,
  SD_EXPR_OP_TANH,
  SD_EXPR_OP_EXP,
  SD_EXPR_OP_LOG,
  SD_EXPR_OP_LOG10,
  SD_EXPR_OP_SQRT,
  SD_EXPR_OP_ABS,
  SD_EXPR_OP_SIGMOID,
  SD_EXPR_OP_SOFTPLUS,
  SD_EXPR_OP_RELU,
  SD_EXPR_OP_POWK,      /* a ^ k: the exponent is the constant k */
  SD_EXPR_OP_KPOW,      /* k ^ a: the base is the constant k */

  /* two operands, a and b */
  SD_EXPR_OP_ADD,
  SD_EXPR_OP_SUB,
  SD_EXPR_OP_MUL,
  SD_EXPR_OP_DIV,
  SD_EXPR_OP_POW,
  SD_EXPR_OP_ATAN2,
  SD_EXPR_OP_MIN,
  SD_EXPR_OP_MAX,

  SD_EXPR_N_OPS
} SdExprOp;

#define SD_EXPR_OP_IS_LEAF(op)   ((op) <= SD_EXPR_OP_Y)
#define SD_EXPR_OP_IS_BINARY(op) ((op) >= SD_EXPR_OP_ADD)

/* What a node depends on: the grid evaluator computes x-only nodes once per
 * column, y-only nodes once per row and only the rest once per point. */
enum
{
  SD_EXPR_DEP_X = 1 << 0,
  SD_EXPR_DEP_Y = 1 << 1,
  SD_EXPR_DEP_XY = SD_EXPR_DEP_X | SD_EXPR_DEP_Y,
};

typedef struct
{
  guint8  op;        /* SdExprOp */
  guint8  deps;      /* SD_EXPR_DEP_*: the variables the result depends on */
  guint8  may_hard;  /* bit d: the d-th partial derivative may be a hard zero */
  guint8  padding;
  guint32 a;         /* operands: indices of earlier instructions */
  guint32 b;
  double  k;         /* CONST: the value; POWK: the exponent; KPOW: the base */
} SdExprInsn;

struct _SdExpr
{
  char       *text;
  guint       n_insns;
  SdExprInsn *insns;
};

GArray        *sd_expr_parse_tree   (const char           *text,
                                     guint                *out_error_column,
                                     GError              **error);

/* The grid evaluator in two stages, for the threads of a grid: the columns
 * are computed once and shared, the rows in bands (see expr-grid.c). */
typedef struct _SdExprColumns SdExprColumns;

SdExprColumns *sd_expr_columns_new  (const SdExpr         *expr,
                                     const double         *xs,
                                     guint                 nx,
                                     gboolean              gradient);
void           sd_expr_columns_eval (const SdExprColumns  *columns,
                                     const SdGridBand     *band);
void           sd_expr_columns_free (SdExprColumns        *columns);

G_END_DECLS
