/* expr.h: loss functions f(x, y) typed by the user, compiled once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "grid-band.h"

G_BEGIN_DECLS

/**
 * SD_EXPR_MAX_LENGTH:
 *
 * The longest expression sd_expr_parse() accepts, in characters.
 */
#define SD_EXPR_MAX_LENGTH 10000

/**
 * SD_EXPR_MAX_DEPTH:
 *
 * How deeply parentheses, function calls, signs and powers may nest.
 */
#define SD_EXPR_MAX_DEPTH 256

#define SD_TYPE_EXPR (sd_expr_get_type ())

typedef struct _SdExpr SdExpr;

GType       sd_expr_get_type      (void) G_GNUC_CONST;

SdExpr     *sd_expr_parse         (const char       *text,
                                   GError          **error);
gboolean    sd_expr_parse_full    (const char       *text,
                                   SdExpr          **out_expr,
                                   guint            *out_error_column,
                                   GError          **error);
SdExpr     *sd_expr_ref           (SdExpr           *expr);
void        sd_expr_unref         (SdExpr           *expr);

const char *sd_expr_get_text      (const SdExpr     *expr);

double      sd_expr_eval          (const SdExpr     *expr,
                                   double            x,
                                   double            y);
double      sd_expr_eval_gradient (const SdExpr     *expr,
                                   double            x,
                                   double            y,
                                   double            grad[2]);
double      sd_expr_eval_hessian  (const SdExpr     *expr,
                                   double            x,
                                   double            y,
                                   double            grad[2],
                                   double            hess[4]);
void        sd_expr_eval_grid     (const SdExpr     *expr,
                                   const SdGridBand *band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdExpr, sd_expr_unref)

G_END_DECLS
