/* test-expr.c: parsing, evaluating and differentiating expressions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "core-error.h"
#include "expr.h"
#include "expr-private.h"
#include "expr-testing.h"

static SdExpr *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdExpr *expr = sd_expr_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (expr);
  return expr;
}

static double
eval1 (const char *text,
       double      x,
       double      y)
{
  g_autoptr(SdExpr) expr = parse_ok (text);

  return sd_expr_eval (expr, x, y);
}

/* NaN matches NaN, an infinity itself, a finite number within @tolerance
 * relative to the larger of 1 and its magnitude. */
static gboolean
close_to (double actual,
          double expected,
          double tolerance)
{
  if (isnan (expected))
    return isnan (actual);
  if (isinf (expected))
    return actual == expected;

  return fabs (actual - expected) <= tolerance * MAX (1.0, fabs (expected));
}

static void
assert_close (double      actual,
              double      expected,
              double      tolerance,
              const char *what)
{
  if (!close_to (actual, expected, tolerance))
    g_error ("%s: got %.17g, expected %.17g", what, actual, expected);
}

static void
test_numbers (void)
{
  g_assert_cmpfloat (eval1 ("3", 0, 0), ==, 3.0);
  g_assert_cmpfloat (eval1 (".5", 0, 0), ==, 0.5);
  g_assert_cmpfloat (eval1 ("1e-3", 0, 0), ==, 1e-3);
  g_assert_cmpfloat (eval1 ("2.5E+4", 0, 0), ==, 25000.0);
  g_assert_cmpfloat (eval1 ("1.", 0, 0), ==, 1.0);
  g_assert_cmpfloat (eval1 ("0.125e1", 0, 0), ==, 1.25);
  g_assert_cmpfloat (eval1 ("7E2", 0, 0), ==, 700.0);
  g_assert_cmpfloat (eval1 ("1e-999", 0, 0), ==, 0.0);
  g_assert_cmpfloat (eval1 ("pi", 0, 0), ==, G_PI);
  g_assert_cmpfloat (eval1 ("e", 0, 0), ==, G_E);
  g_assert_cmpfloat (eval1 (" \t x\n", 4, 5), ==, 4.0);
  g_assert_cmpfloat (eval1 ("y", 4, 5), ==, 5.0);
}

static void
test_precedence (void)
{
  /* Not static: an initializer that calls sin () is a constant only where
   * the compiler folds it (GCC does, clang does not). */
  const struct
  {
    const char *text;
    double      x, y;
    double      expected;
  } cases[] = {
    { "1+2*3", 0, 0, 7 },
    { "(1+2)*3", 0, 0, 9 },
    { "2^3^2", 0, 0, 512 },           /* right-associative */
    { "(2^3)^2", 0, 0, 64 },
    { "x^y^2", 2, 3, 512 },
    { "-x^2", 3, 0, -9 },             /* ^ binds tighter than a sign */
    { "(-x)^2", 3, 0, 9 },
    { "-2^2", 0, 0, -4 },
    { "2^-1", 0, 0, 0.5 },            /* a sign after ^ */
    { "-2^-2", 0, 0, -0.25 },
    { "2*3^2", 0, 0, 18 },
    { "2^3*2", 0, 0, 16 },
    { "10-4-3", 0, 0, 3 },            /* left-associative */
    { "64/4/2", 0, 0, 8 },
    { "2*6/3*2", 0, 0, 8 },
    { "1 + 2 * 3 - 4 / 2", 0, 0, 5 },
    { "-3*-2", 0, 0, 6 },
    { "+x", 5, 0, 5 },
    { "--x", 5, 0, 5 },
    { "x - -y", 5, 2, 7 },
    { "-(x - y)", 5, 2, -3 },
    { "x*y^2", 2, 3, 18 },
    { "-x*y", 2, 3, -6 },
    { "x/y*y", 3, 4, 3 },
    { "((x))", 4, 0, 4 },
    { "2*pi*x", 0.5, 0, G_PI },
    { "e^x", 1, 0, G_E },
    { "sin(x)^2 + cos(x)^2", 0.7, 0, pow (sin (0.7), 2) + pow (cos (0.7), 2) },
    { "max(x, y) - min(x, y)", -2, 5, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpfloat (eval1 (cases[i].text, cases[i].x, cases[i].y), ==, cases[i].expected);
    }
}

/* Every function against the C library it must agree with. */
static void
test_function_values (void)
{
  static const double points[] = { -2.5, -0.75, -0.1, 0.0, 0.3, 0.9, 1.0, 4.2 };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double a = points[i];
      double b = 0.5 - a / 3;

      g_assert_cmpfloat (eval1 ("sin(x)", a, 0), ==, sin (a));
      g_assert_cmpfloat (eval1 ("cos(x)", a, 0), ==, cos (a));
      g_assert_cmpfloat (eval1 ("tan(x)", a, 0), ==, tan (a));
      g_assert_true (identical (eval1 ("asin(x)", a, 0), asin (a)));
      g_assert_true (identical (eval1 ("acos(x)", a, 0), acos (a)));
      g_assert_cmpfloat (eval1 ("atan(x)", a, 0), ==, atan (a));
      g_assert_cmpfloat (eval1 ("atan2(x, y)", a, b), ==, atan2 (a, b));
      g_assert_cmpfloat (eval1 ("sinh(x)", a, 0), ==, sinh (a));
      g_assert_cmpfloat (eval1 ("cosh(x)", a, 0), ==, cosh (a));
      g_assert_cmpfloat (eval1 ("tanh(x)", a, 0), ==, tanh (a));
      g_assert_cmpfloat (eval1 ("exp(x)", a, 0), ==, exp (a));
      g_assert_true (identical (eval1 ("log(x)", a, 0), log (a)));
      g_assert_true (identical (eval1 ("log10(x)", a, 0), log10 (a)));
      g_assert_true (identical (eval1 ("sqrt(x)", a, 0), sqrt (a)));
      g_assert_cmpfloat (eval1 ("abs(x)", a, 0), ==, fabs (a));
      g_assert_cmpfloat (eval1 ("min(x, y)", a, b), ==, fmin (a, b));
      g_assert_cmpfloat (eval1 ("max(x, y)", a, b), ==, fmax (a, b));
      g_assert_true (identical (eval1 ("pow(x, y)", a, b), pow (a, b)));
      g_assert_true (identical (eval1 ("x^y", a, b), pow (a, b)));
      g_assert_cmpfloat (eval1 ("relu(x)", a, 0), ==, a > 0 ? a : 0.0);
      assert_close (eval1 ("sigmoid(x)", a, 0), 1 / (1 + exp (-a)), 2 * DBL_EPSILON, "sigmoid");
      assert_close (eval1 ("softplus(x)", a, 0), log (1 + exp (a)), 4 * DBL_EPSILON, "softplus");

      /* constant exponents take shortcuts (as PyTorch does), all within
       * an ulp or two of pow () */
      assert_close (eval1 ("x^2", a, 0), pow (a, 2), 2 * DBL_EPSILON, "x^2");
      assert_close (eval1 ("x^3", a, 0), pow (a, 3), 4 * DBL_EPSILON, "x^3");
      assert_close (eval1 ("x^-1", a, 0), pow (a, -1), 2 * DBL_EPSILON, "x^-1");
      assert_close (eval1 ("x^-2", a, 0), pow (a, -2), 4 * DBL_EPSILON, "x^-2");
      assert_close (eval1 ("x^0.5", a, 0), pow (a, 0.5), 2 * DBL_EPSILON, "x^0.5");
      assert_close (eval1 ("x^-0.5", a, 0), pow (a, -0.5), 4 * DBL_EPSILON, "x^-0.5");
      assert_close (eval1 ("x^1.25", a, 0), pow (a, 1.25), 0, "x^1.25");
      assert_close (eval1 ("2^x", a, 0), pow (2, a), 0, "2^x");
    }
}

/* sigmoid and softplus at large |z|: scipy.special.expit and
 * numpy.logaddexp (0, z), from
 *
 *   import numpy as np
 *   from scipy.special import expit
 *   z = np.array([-1000.0, -40.0, -20.0, -1.5, 0.0, 1.5, 20.0, 40.0, 1000.0])
 *   for zi, s, p in zip(z, expit(z), np.logaddexp(0.0, z)):
 *       print('  { %r, %r, %r },' % (zi, s, p))
 */
static void
test_stable_functions (void)
{
  static const double table[][3] = {
    { -1000.0, 0.0, 0.0 },
    { -40.0, 4.248354255291589e-18, 4.248354255291589e-18 },
    { -20.0, 2.0611536181902037e-09, 2.061153620314381e-09 },
    { -1.5, 0.18242552380635635, 0.2014132779827524 },
    { 0.0, 0.5, 0.6931471805599453 },
    { 1.5, 0.8175744761936437, 1.7014132779827524 },
    { 20.0, 0.9999999979388463, 20.000000002061153 },
    { 40.0, 1.0, 40.0 },
    { 1000.0, 1.0, 1000.0 },
  };
  g_autoptr(SdExpr) sigmoid = parse_ok ("sigmoid(x)");
  g_autoptr(SdExpr) softplus = parse_ok ("softplus(x)");

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      double z = table[i][0];
      double s = sd_expr_eval (sigmoid, z, 0);
      double p = sd_expr_eval (softplus, z, 0);
      double grad[2], hess[4];

      g_test_message ("z = %g", z);
      g_assert_true (isfinite (s) && isfinite (p));
      g_assert_cmpfloat (fabs (s - table[i][1]), <=, 2 * DBL_EPSILON * table[i][1]);
      g_assert_cmpfloat (fabs (p - table[i][2]), <=, 2 * DBL_EPSILON * table[i][2]);

      /* the derivatives are sigmoid and its derivative: finite too */
      sd_expr_eval_hessian (softplus, z, 0, grad, hess);
      g_assert_cmpfloat (fabs (grad[0] - table[i][1]), <=, 2 * DBL_EPSILON * table[i][1]);
      g_assert_true (isfinite (hess[0]) && hess[0] >= 0);
      sd_expr_eval_hessian (sigmoid, z, 0, grad, hess);
      g_assert_true (isfinite (grad[0]) && isfinite (hess[0]));
    }

  g_assert_cmpfloat (eval1 ("sigmoid(x)", -1000, 0), ==, 0.0);
  g_assert_cmpfloat (eval1 ("softplus(x)", 1000, 0), ==, 1000.0);
  g_assert_cmpfloat (eval1 ("softplus(x)", -1000, 0), ==, exp (-1000.0));
}

/* The derivatives of every function of one argument in closed form. */
static void
test_unary_derivatives (void)
{
  static const double points[] = { -0.7, 0.3, 0.85 };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double a = points[i];
      double c = cos (a), s = sin (a), ch = cosh (a), th = tanh (a);
      double sg = 1 / (1 + exp (-a));
      double la = fabs (a) + 1;  /* where log and sqrt are defined */
      struct
      {
        const char *text;
        double      at;
        double      d1, d2;
      } cases[] = {
        { "sin(x)", a, c, -s },
        { "cos(x)", a, -s, -c },
        { "tan(x)", a, 1 / (c * c), 2 * tan (a) / (c * c) },
        { "asin(x)", a, 1 / sqrt (1 - a * a), a / pow (1 - a * a, 1.5) },
        { "acos(x)", a, -1 / sqrt (1 - a * a), -a / pow (1 - a * a, 1.5) },
        { "atan(x)", a, 1 / (1 + a * a), -2 * a / pow (1 + a * a, 2) },
        { "sinh(x)", a, ch, sinh (a) },
        { "cosh(x)", a, sinh (a), ch },
        { "tanh(x)", a, 1 - th * th, -2 * th * (1 - th * th) },
        { "exp(x)", a, exp (a), exp (a) },
        { "log(x)", la, 1 / la, -1 / (la * la) },
        { "log10(x)", la, 1 / (la * M_LN10), -1 / (la * la * M_LN10) },
        { "sqrt(x)", la, 0.5 / sqrt (la), -0.25 / pow (la, 1.5) },
        { "abs(x)", a, a > 0 ? 1 : -1, 0 },
        { "relu(x)", a, a > 0 ? 1 : 0, 0 },
        { "sigmoid(x)", a, sg * (1 - sg), sg * (1 - sg) * (1 - 2 * sg) },
        { "softplus(x)", a, sg, sg * (1 - sg) },
        { "-x", a, -1, 0 },
        { "x^2", a, 2 * a, 2 },
        { "x^3", a, 3 * a * a, 6 * a },
        { "x^-1", a, -1 / (a * a), 2 / (a * a * a) },
        { "x^2.5", la, 2.5 * pow (la, 1.5), 3.75 * sqrt (la) },
        { "3^x", a, pow (3, a) * log (3), pow (3, a) * log (3) * log (3) },
      };

      for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
        {
          g_autoptr(SdExpr) expr = parse_ok (cases[k].text);
          double grad[2], hess[4];
          double v = sd_expr_eval_hessian (expr, cases[k].at, 0.4, grad, hess);

          g_test_message ("%s at %g", cases[k].text, cases[k].at);
          g_assert_cmpfloat (v, ==, sd_expr_eval (expr, cases[k].at, 0.4));
          assert_close (grad[0], cases[k].d1, 1e-14, "first derivative");
          assert_close (hess[0], cases[k].d2, 1e-13, "second derivative");
          g_assert_cmpfloat (grad[1], ==, 0);
          g_assert_cmpfloat (hess[1], ==, 0);
          g_assert_cmpfloat (hess[2], ==, 0);
          g_assert_cmpfloat (hess[3], ==, 0);
        }
    }
}

typedef struct
{
  const char *text;
  double (*f) (double x, double y, double grad[2], double hess[4]);
} ClosedForm;

static double
rosenbrock (double x,
            double y,
            double g[2],
            double h[4])
{
  g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  g[1] = 200 * (y - x * x);
  h[0] = 2 - 400 * (y - x * x) + 800 * x * x;
  h[1] = h[2] = -400 * x;
  h[3] = 200;
  return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}

static double
exp_product (double x,
             double y,
             double g[2],
             double h[4])
{
  double e = exp (x * y);

  g[0] = y * e;
  g[1] = x * e;
  h[0] = y * y * e;
  h[1] = h[2] = (1 + x * y) * e;
  h[3] = x * x * e;
  return e;
}

static double
log_radius (double x,
            double y,
            double g[2],
            double h[4])
{
  double r = x * x + y * y;

  g[0] = 2 * x / r;
  g[1] = 2 * y / r;
  h[0] = 2 * (r - 2 * x * x) / (r * r);
  h[1] = h[2] = -4 * x * y / (r * r);
  h[3] = 2 * (r - 2 * y * y) / (r * r);
  return log (r);
}

static double
quotient (double x,
          double y,
          double g[2],
          double h[4])
{
  g[0] = 1 / y;
  g[1] = -x / (y * y);
  h[0] = 0;
  h[1] = h[2] = -1 / (y * y);
  h[3] = 2 * x / (y * y * y);
  return x / y;
}

static double
angle (double x,
       double y,
       double g[2],
       double h[4])
{
  double r = x * x + y * y;

  /* atan2(y, x) */
  g[0] = -y / r;
  g[1] = x / r;
  h[0] = 2 * x * y / (r * r);
  h[1] = h[2] = (y * y - x * x) / (r * r);
  h[3] = -2 * x * y / (r * r);
  return atan2 (y, x);
}

static double
power (double x,
       double y,
       double g[2],
       double h[4])
{
  double p = pow (x, y), l = log (x);

  g[0] = y * pow (x, y - 1);
  g[1] = p * l;
  h[0] = y * (y - 1) * pow (x, y - 2);
  h[1] = h[2] = pow (x, y - 1) * (1 + y * l);
  h[3] = p * l * l;
  return p;
}

static double
waves (double x,
       double y,
       double g[2],
       double h[4])
{
  g[0] = cos (x) * cos (y) + 0.2 * x;
  g[1] = -sin (x) * sin (y) + 0.2 * y;
  h[0] = -sin (x) * cos (y) + 0.2;
  h[1] = h[2] = -cos (x) * sin (y);
  h[3] = -sin (x) * cos (y) + 0.2;
  return sin (x) * cos (y) + 0.1 * (x * x + y * y);
}

/* Gradients and Hessians against closed forms, at several points. */
static void
test_closed_form_derivatives (void)
{
  static const ClosedForm forms[] = {
    { "(1-x)^2 + 100*(y-x^2)^2", rosenbrock },
    { "exp(x*y)", exp_product },
    { "log(x^2 + y^2)", log_radius },
    { "x/y", quotient },
    { "atan2(y, x)", angle },
    { "pow(x, y)", power },
    { "x^y", power },
    { "sin(x)*cos(y) + 0.1*(x^2+y^2)", waves },
  };
  static const double points[][2] = {
    { 1, 1 }, { -1.2, 1 }, { 0.5, -0.3 }, { 2, 3 }, { 0.25, 1.75 }, { 1.5, 0.5 },
  };

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    {
      g_autoptr(SdExpr) expr = parse_ok (forms[f].text);

      for (guint p = 0; p < G_N_ELEMENTS (points); p++)
        {
          double x = points[p][0], y = points[p][1];
          double grad[2], hess[4], g[2], h[4];
          double v, expected;

          if (forms[f].f == power && x <= 0)
            continue;

          g_test_message ("%s at (%g, %g)", forms[f].text, x, y);
          expected = forms[f].f (x, y, g, h);
          v = sd_expr_eval_hessian (expr, x, y, grad, hess);
          assert_close (v, expected, 1e-14, "value");
          for (guint k = 0; k < 2; k++)
            assert_close (grad[k], g[k], 1e-13, "gradient");
          for (guint k = 0; k < 4; k++)
            assert_close (hess[k], h[k], 1e-12, "Hessian");
        }
    }

  /* the Rosenbrock minimum exactly */
  {
    g_autoptr(SdExpr) expr = parse_ok ("(1-x)^2 + 100*(y-x^2)^2");
    double grad[2], hess[4];

    g_assert_cmpfloat (sd_expr_eval_hessian (expr, 1, 1, grad, hess), ==, 0);
    g_assert_cmpfloat (grad[0], ==, 0);
    g_assert_cmpfloat (grad[1], ==, 0);
    g_assert_cmpfloat (hess[0], ==, 802);
    g_assert_cmpfloat (hess[1], ==, -400);
    g_assert_cmpfloat (hess[2], ==, -400);
    g_assert_cmpfloat (hess[3], ==, 200);
  }
}

/*
 * Value, gradient and Hessian (row-major, hess[1] = d/dy (df/dx)) from
 * PyTorch 1.13 autograd, where the conventions at non-differentiable points
 * (abs, relu, min/max ties, sqrt at 0, pow at 0) and the way NaN and
 * infinities travel through chains of them are its own. Computed with
 * Debian's /usr/bin/python3 by:
 *
 *   import math, torch
 *   from torch.autograd.functional import hessian
 *   torch.set_default_dtype(torch.float64)
 *   names = 'sin cos tan asin acos atan atan2 sinh cosh tanh exp log log10 sqrt abs relu sigmoid'
 *   names += ' pow'
 *   ns = {n: getattr(torch, n) for n in names.split()}
 *   ns.update(min=torch.minimum, max=torch.maximum, softplus=torch.nn.functional.softplus,
 *             pi=math.pi, e=math.e)
 *   def f(text):
 *       return lambda x, y: eval(text.replace('^', '**'), dict(ns, x=x, y=y))
 *   def cstr(text):  # C string literal, split to keep lines short
 *       parts, line = [], ''
 *       for word in text.split(' '):
 *           if line and len(line) + len(word) > 60:
 *               parts.append(line + ' ')
 *               line = ''
 *           line += (' ' if line else '') + word
 *       return '\n    '.join('"%s"' % p for p in parts + [line])
 *   def c(v):
 *       if math.isinf(v):
 *           return 'INFINITY' if v > 0 else '-INFINITY'
 *       return 'NAN' if math.isnan(v) else repr(v)
 *   cases = [
 *     ('abs(x)', [(0, 0), (-2, 0)]), ('relu(x)', [(0, 0), (-1, 0), (2, 0)]),
 *     ('max(x, y)', [(1, 1), (1, 2), (2, 1)]), ('min(x, y)', [(1, 1), (1, 2), (2, 1)]),
 *     ('max(x*x, y)', [(1, 1)]), ('min(x*y, x+y)', [(2, 2)]),
 *     ('sqrt(x)', [(0, 0)]), ('sqrt(x) + y', [(0, 0)]),
 *     ('x^y', [(0, 0), (0, 1), (0, 2), (0, 3), (0, -1), (0, 0.5), (0, 1.5), (1, 0), (2, 0),
 *              (-1, 0), (-2, 2), (-2, 0.5), (2, 3), (0.5, -1.5)]),
 *     ('pow(x, y)', [(0, 0), (0, 2)]),
 *     ('x^0', [(0, 0), (2, 0)]), ('x^1', [(0, 0)]), ('x^2', [(0, 0), (-1.5, 0)]),
 *     ('x^3', [(0, 0)]), ('x^0.5', [(0, 0), (-1, 0), (2, 0)]), ('x^-1', [(0, 0), (2, 0)]),
 *     ('x^-2', [(0, 0)]), ('x^-0.5', [(0, 0), (4, 0)]), ('x^1.5', [(0, 0), (2, 0)]),
 *     ('2^y', [(0, 0), (0, -1), (0, 0.5)]), ('0^y', [(0, 0), (0, 1), (0, -1), (0, 0.5)]),
 *     ('sqrt(relu(x))', [(-1, 0), (4, 0)]), ('1/relu(x)', [(-1, 0)]),
 *     ('log(x^y - 1)', [(2, 0)]), ('1/(x^y)', [(0, 1)]), ('1/(0^y)', [(0, 1)]),
 *     ('1/max(x, y)', [(-1, 0)]), ('1/(x^0 - 1)', [(3, 0)]), ('1/abs(x)', [(0, 0)]),
 *     ('sqrt(relu(x)^2 + relu(y)^2)', [(-1, -2), (3, 4)]),
 *     ('(1+sqrt(x))^y', [(0, 0), (0, 2)]), ('(1+sqrt(x))*y', [(0, 0)]),
 *     ('(1+sqrt(x))^0', [(0, 0)]), ('(1+sqrt(x))^1', [(0, 0)]), ('(1+sqrt(x))^2', [(0, 0)]),
 *     ('abs(1+sqrt(x))', [(0, 0)]), ('relu(1+sqrt(x))', [(0, 0)]),
 *     ('max(1+sqrt(x), y)', [(0, 0)]),
 *     ('atan2(x, y)', [(0, 0), (1, 2)]), ('atan2(1+sqrt(x), y)', [(0, 1)]),
 *     ('x/y', [(0, 0), (1, 0), (3, 2)]), ('y/(1+sqrt(x))', [(0, 1)]),
 *     ('log(x)', [(0, 0)]), ('log10(x)', [(0, 0)]), ('asin(x)', [(1, 0)]), ('acos(x)', [(1, 0)]),
 *     ('sigmoid(x)', [(-1000, 0), (1000, 0), (-40, 0), (40, 0), (0.5, 0)]),
 *     ('softplus(x)', [(-1000, 0), (1000, 0), (-40, 0), (40, 0), (3, 0)]),
 *     ('sin(x)*cos(y) + 0.1*(x^2+y^2)', [(0.3, -1.2)]),
 *     ('sin(x)*cos(y) + tan(x/3) + asin(x/4)*acos(y/5) + atan(x*y) + atan2(y, x+3)'
 *      ' + sinh(x/2)*cosh(y/3) + tanh(x-y) + exp(-x^2)*log(2+y^2) + log10(3+x*x)'
 *      ' + sqrt(1+x^2+y^2) + abs(x-y) + min(x, y)*max(x, y) + pow(2+x, y/2) + sigmoid(x*y)'
 *      ' + softplus(x-2*y) + relu(x+y) + x^3/7 - y^-2 + 2^x + e^(x/5) - pi*y',
 *      [(0.7, -0.4), (-1.3, 0.9)]),
 *   ]
 *   for text, points in cases:
 *       for px, py in points:
 *           x = torch.tensor(float(px), requires_grad=True)
 *           y = torch.tensor(float(py), requires_grad=True)
 *           v = f(text)(x, y)
 *           g = torch.autograd.grad(v, (x, y), allow_unused=True)
 *           g = [0.0 if t is None else t.item() for t in g]
 *           h = hessian(f(text), (torch.tensor(float(px)), torch.tensor(float(py))))
 *           row = [v.item()] + g + [h[i][j].item() for i in range(2) for j in range(2)]
 *           print('  { %s, %s, %s,' % (cstr(text), c(float(px)), c(float(py))))
 *           print('    { %s,' % ', '.join(map(c, row[:3])))
 *           print('      %s } },' % ', '.join(map(c, row[3:]))) */
typedef struct
{
  const char *text;
  double      x, y;
  double      expected[7];  /* f, df/dx, df/dy, d2f/dx2, d2f/dxdy, d2f/dydx, d2f/dy2 */
} TorchCase;

static const TorchCase torch_cases[] = {
  { "abs(x)", 0.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "abs(x)", -2.0, 0.0,
    { 2.0, -1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "relu(x)", 0.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "relu(x)", -1.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "relu(x)", 2.0, 0.0,
    { 2.0, 1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "max(x, y)", 1.0, 1.0,
    { 1.0, 0.5, 0.5,
      0.0, 0.0, 0.0, 0.0 } },
  { "max(x, y)", 1.0, 2.0,
    { 2.0, 0.0, 1.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "max(x, y)", 2.0, 1.0,
    { 2.0, 1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "min(x, y)", 1.0, 1.0,
    { 1.0, 0.5, 0.5,
      0.0, 0.0, 0.0, 0.0 } },
  { "min(x, y)", 1.0, 2.0,
    { 1.0, 1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "min(x, y)", 2.0, 1.0,
    { 1.0, 0.0, 1.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "max(x*x, y)", 1.0, 1.0,
    { 1.0, 1.0, 0.5,
      1.0, 0.0, 0.0, 0.0 } },
  { "min(x*y, x+y)", 2.0, 2.0,
    { 4.0, 1.5, 1.5,
      0.0, 0.5, 0.5, 0.0 } },
  { "sqrt(x)", 0.0, 0.0,
    { 0.0, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "sqrt(x) + y", 0.0, 0.0,
    { 0.0, INFINITY, 1.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "x^y", 0.0, 0.0,
    { 1.0, 0.0, 0.0,
      NAN, NAN, NAN, NAN } },
  { "x^y", 0.0, 1.0,
    { 0.0, 1.0, 0.0,
      0.0, 1.0, NAN, NAN } },
  { "x^y", 0.0, 2.0,
    { 0.0, 0.0, 0.0,
      2.0, 0.0, NAN, NAN } },
  { "x^y", 0.0, 3.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, NAN, NAN } },
  { "x^y", 0.0, -1.0,
    { INFINITY, -INFINITY, -INFINITY,
      INFINITY, INFINITY, INFINITY, INFINITY } },
  { "x^y", 0.0, 0.5,
    { 0.0, INFINITY, 0.0,
      -INFINITY, NAN, NAN, NAN } },
  { "x^y", 0.0, 1.5,
    { 0.0, 0.0, 0.0,
      INFINITY, 0.0, NAN, NAN } },
  { "x^y", 1.0, 0.0,
    { 1.0, 0.0, 0.0,
      -0.0, 0.0, 1.0, 0.0 } },
  { "x^y", 2.0, 0.0,
    { 1.0, 0.0, 0.6931471805599453,
      -0.0, 0.0, 0.5, 0.4804530139182014 } },
  { "x^y", -1.0, 0.0,
    { 1.0, 0.0, NAN,
      -0.0, NAN, -1.0, NAN } },
  { "x^y", -2.0, 2.0,
    { 4.0, -4.0, NAN,
      2.0, NAN, NAN, NAN } },
  { "x^y", -2.0, 0.5,
    { NAN, NAN, NAN,
      NAN, NAN, NAN, NAN } },
  { "x^y", 2.0, 3.0,
    { 8.0, 12.0, 5.545177444479562,
      12.0, 12.317766166719343, 12.317766166719343, 3.843624111345611 } },
  { "x^y", 0.5, -1.5,
    { 2.8284271247461903, -8.485281374238571, -1.9605162869370945,
      42.42640687119285, 11.538403110303664, 11.538403110303665, 1.3589263367322997 } },
  { "pow(x, y)", 0.0, 0.0,
    { 1.0, 0.0, 0.0,
      NAN, NAN, NAN, NAN } },
  { "pow(x, y)", 0.0, 2.0,
    { 0.0, 0.0, 0.0,
      2.0, 0.0, NAN, NAN } },
  { "x^0", 0.0, 0.0,
    { 1.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "x^0", 2.0, 0.0,
    { 1.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "x^1", 0.0, 0.0,
    { 0.0, 1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "x^2", 0.0, 0.0,
    { 0.0, 0.0, 0.0,
      2.0, 0.0, 0.0, 0.0 } },
  { "x^2", -1.5, 0.0,
    { 2.25, -3.0, 0.0,
      2.0, 0.0, 0.0, 0.0 } },
  { "x^3", 0.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "x^0.5", 0.0, 0.0,
    { 0.0, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "x^0.5", -1.0, 0.0,
    { NAN, NAN, 0.0,
      NAN, 0.0, 0.0, 0.0 } },
  { "x^0.5", 2.0, 0.0,
    { 1.4142135623730951, 0.35355339059327373, 0.0,
      -0.08838834764831845, 0.0, 0.0, 0.0 } },
  { "x^-1", 0.0, 0.0,
    { INFINITY, -INFINITY, 0.0,
      INFINITY, 0.0, 0.0, 0.0 } },
  { "x^-1", 2.0, 0.0,
    { 0.5, -0.25, 0.0,
      0.25, 0.0, 0.0, 0.0 } },
  { "x^-2", 0.0, 0.0,
    { INFINITY, -INFINITY, 0.0,
      INFINITY, 0.0, 0.0, 0.0 } },
  { "x^-0.5", 0.0, 0.0,
    { INFINITY, -INFINITY, 0.0,
      INFINITY, 0.0, 0.0, 0.0 } },
  { "x^-0.5", 4.0, 0.0,
    { 0.5, -0.0625, 0.0,
      0.0234375, 0.0, 0.0, 0.0 } },
  { "x^1.5", 0.0, 0.0,
    { 0.0, 0.0, 0.0,
      INFINITY, 0.0, 0.0, 0.0 } },
  { "x^1.5", 2.0, 0.0,
    { 2.8284271247461903, 2.121320343559643, 0.0,
      0.5303300858899106, 0.0, 0.0, 0.0 } },
  { "2^y", 0.0, 0.0,
    { 1.0, 0.0, 0.6931471805599453,
      0.0, 0.0, 0.0, 0.4804530139182014 } },
  { "2^y", 0.0, -1.0,
    { 0.5, 0.0, 0.34657359027997264,
      0.0, 0.0, 0.0, 0.2402265069591007 } },
  { "2^y", 0.0, 0.5,
    { 1.4142135623730951, 0.0, 0.9802581434685472,
      0.0, 0.0, 0.0, 0.6794631683661498 } },
  { "0^y", 0.0, 0.0,
    { 1.0, 0.0, 0.0,
      0.0, 0.0, 0.0, NAN } },
  { "0^y", 0.0, 1.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, NAN } },
  { "0^y", 0.0, -1.0,
    { INFINITY, 0.0, -INFINITY,
      0.0, 0.0, 0.0, INFINITY } },
  { "0^y", 0.0, 0.5,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, NAN } },
  { "sqrt(relu(x))", -1.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "sqrt(relu(x))", 4.0, 0.0,
    { 2.0, 0.25, 0.0,
      -0.03125, 0.0, 0.0, 0.0 } },
  { "1/relu(x)", -1.0, 0.0,
    { INFINITY, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "log(x^y - 1)", 2.0, 0.0,
    { -INFINITY, 0.0, INFINITY,
      NAN, NAN, INFINITY, NAN } },
  { "1/(x^y)", 0.0, 1.0,
    { INFINITY, -INFINITY, NAN,
      INFINITY, NAN, NAN, NAN } },
  { "1/(0^y)", 0.0, 1.0,
    { INFINITY, 0.0, NAN,
      0.0, 0.0, 0.0, NAN } },
  { "1/max(x, y)", -1.0, 0.0,
    { INFINITY, 0.0, -INFINITY,
      0.0, NAN, 0.0, INFINITY } },
  { "1/(x^0 - 1)", 3.0, 0.0,
    { INFINITY, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "1/abs(x)", 0.0, 0.0,
    { INFINITY, NAN, 0.0,
      NAN, 0.0, 0.0, 0.0 } },
  { "sqrt(relu(x)^2 + relu(y)^2)", -1.0, -2.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "sqrt(relu(x)^2 + relu(y)^2)", 3.0, 4.0,
    { 5.0, 0.6000000000000001, 0.8,
      0.128, -0.096, -0.096, 0.07200000000000001 } },
  { "(1+sqrt(x))^y", 0.0, 0.0,
    { 1.0, NAN, 0.0,
      NAN, 0.0, INFINITY, 0.0 } },
  { "(1+sqrt(x))^y", 0.0, 2.0,
    { 1.0, INFINITY, 0.0,
      NAN, NAN, INFINITY, 0.0 } },
  { "(1+sqrt(x))*y", 0.0, 0.0,
    { 0.0, NAN, 1.0,
      NAN, INFINITY, INFINITY, 0.0 } },
  { "(1+sqrt(x))^0", 0.0, 0.0,
    { 1.0, NAN, 0.0,
      NAN, 0.0, 0.0, 0.0 } },
  { "(1+sqrt(x))^1", 0.0, 0.0,
    { 1.0, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "(1+sqrt(x))^2", 0.0, 0.0,
    { 1.0, INFINITY, 0.0,
      NAN, 0.0, 0.0, 0.0 } },
  { "abs(1+sqrt(x))", 0.0, 0.0,
    { 1.0, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "relu(1+sqrt(x))", 0.0, 0.0,
    { 1.0, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "max(1+sqrt(x), y)", 0.0, 0.0,
    { 1.0, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "atan2(x, y)", 0.0, 0.0,
    { 0.0, NAN, NAN,
      NAN, NAN, NAN, NAN } },
  { "atan2(x, y)", 1.0, 2.0,
    { 0.4636476090008061, 0.4, -0.2,
      -0.16000000000000003, -0.12000000000000005, -0.12, 0.16000000000000003 } },
  { "atan2(1+sqrt(x), y)", 0.0, 1.0,
    { 0.7853981633974483, INFINITY, -0.5,
      -INFINITY, NAN, NAN, 0.5 } },
  { "x/y", 0.0, 0.0,
    { NAN, INFINITY, NAN,
      0.0, -INFINITY, -INFINITY, NAN } },
  { "x/y", 1.0, 0.0,
    { INFINITY, INFINITY, -INFINITY,
      0.0, -INFINITY, -INFINITY, INFINITY } },
  { "x/y", 3.0, 2.0,
    { 1.5, 0.5, -0.75,
      0.0, -0.25, -0.25, 0.75 } },
  { "y/(1+sqrt(x))", 0.0, 1.0,
    { 1.0, -INFINITY, 1.0,
      INFINITY, -INFINITY, -INFINITY, 0.0 } },
  { "log(x)", 0.0, 0.0,
    { -INFINITY, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "log10(x)", 0.0, 0.0,
    { -INFINITY, INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "asin(x)", 1.0, 0.0,
    { 1.5707963267948966, INFINITY, 0.0,
      INFINITY, 0.0, 0.0, 0.0 } },
  { "acos(x)", 1.0, 0.0,
    { 0.0, -INFINITY, 0.0,
      -INFINITY, 0.0, 0.0, 0.0 } },
  { "sigmoid(x)", -1000.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "sigmoid(x)", 1000.0, 0.0,
    { 1.0, 0.0, 0.0,
      -0.0, 0.0, 0.0, 0.0 } },
  { "sigmoid(x)", -40.0, 0.0,
    { 4.248354255291589e-18, 4.248354255291589e-18, 0.0,
      4.248354255291589e-18, 0.0, 0.0, 0.0 } },
  { "sigmoid(x)", 40.0, 0.0,
    { 1.0, 0.0, 0.0,
      -0.0, 0.0, 0.0, 0.0 } },
  { "sigmoid(x)", 0.5, 0.0,
    { 0.6224593312018546, 0.2350037122015945, 0.0,
      -0.05755679485232075, 0.0, 0.0, 0.0 } },
  { "softplus(x)", -1000.0, 0.0,
    { 0.0, 0.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "softplus(x)", 1000.0, 0.0,
    { 1000.0, 1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "softplus(x)", -40.0, 0.0,
    { 4.248354255291589e-18, 4.248354255291589e-18, 0.0,
      4.248354255291589e-18, 0.0, 0.0, 0.0 } },
  { "softplus(x)", 40.0, 0.0,
    { 40.0, 1.0, 0.0,
      0.0, 0.0, 0.0, 0.0 } },
  { "softplus(x)", 3.0, 0.0,
    { 3.048587351573742, 0.9525741268224333, 0.0,
      0.045176659730912, 0.0, 0.0, 0.0 } },
  { "sin(x)*cos(y) + 0.1*(x^2+y^2)", 0.3, -1.2,
    { 0.26008403848828554, 0.4061735849691837, 0.035436383301480745,
      0.09291596151171448, 0.8904109481157688, 0.8904109481157688, 0.09291596151171448 } },
  { "sin(x)*cos(y) + tan(x/3) + asin(x/4)*acos(y/5) + atan(x*y) + "
    "atan2(y, x+3) + sinh(x/2)*cosh(y/3) + tanh(x-y) + "
    "exp(-x^2)*log(2+y^2) + log10(3+x*x) + sqrt(1+x^2+y^2) + "
    "abs(x-y) + min(x, y)*max(x, y) + pow(2+x, y/2) + sigmoid(x*y) "
    "+ softplus(x-2*y) + relu(x+y) + x^3/7 - y^-2 + 2^x + e^(x/5) "
    "- pi*y", 0.7, -0.4,
    { 6.102852045899282, 5.912161233759646, -34.529563276415644,
      1.3735110158291621, 3.0289972933280658, 3.0289972933280658, -233.24973620620776 } },
  { "sin(x)*cos(y) + tan(x/3) + asin(x/4)*acos(y/5) + atan(x*y) + "
    "atan2(y, x+3) + sinh(x/2)*cosh(y/3) + tanh(x-y) + "
    "exp(-x^2)*log(2+y^2) + log10(3+x*x) + sqrt(1+x^2+y^2) + "
    "abs(x-y) + min(x, y)*max(x, y) + pow(2+x, y/2) + sigmoid(x*y) "
    "+ softplus(x-2*y) + relu(x+y) + x^3/7 - y^-2 + 2^x + e^(x/5) "
    "- pi*y", -1.3, 0.9,
    { -1.9058256200971566, 3.133343387037534, 0.042185387248634854,
      0.9488764121396146, 1.471046177506176, 1.4710461775061756, -7.23041121500924 } },
};

static void
test_torch_conventions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (torch_cases); i++)
    {
      const TorchCase *c = &torch_cases[i];
      g_autoptr(SdExpr) expr = parse_ok (c->text);
      double grad[2], grad2[2], hess[4], got[7];

      g_test_message ("%s at (%g, %g)", c->text, c->x, c->y);
      got[0] = sd_expr_eval_hessian (expr, c->x, c->y, grad, hess);
      got[1] = grad[0];
      got[2] = grad[1];
      memcpy (&got[3], hess, sizeof hess);

      for (guint k = 0; k < 7; k++)
        if (!close_to (got[k], c->expected[k], 1e-12))
          g_error ("%s at (%g, %g), component %u: got %.17g, PyTorch %.17g",
                   c->text, c->x, c->y, k, got[k], c->expected[k]);

      /* the three evaluators agree on what they share */
      g_assert_true (identical (sd_expr_eval (expr, c->x, c->y), got[0]));
      g_assert_true (identical (sd_expr_eval_gradient (expr, c->x, c->y, grad2), got[0]));
      g_assert_true (identical (grad2[0], grad[0]));
      g_assert_true (identical (grad2[1], grad[1]));
    }
}

static void
assert_parse_error (const char *text,
                    const char *message,
                    guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  SdExpr *expr = (SdExpr *) 0x1;
  guint got_column = 0;
  g_autofree char *shown = NULL;

  /* Escaped and cut short: the cases include invalid UTF-8, line breaks
   * and 100000 parentheses, which would break the TAP output. */
  shown = g_strescape (text, NULL);
  g_test_message ("[%.60s]", shown);
  g_assert_false (sd_expr_parse_full (text, &expr, &got_column, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (got_column, ==, column);
  g_assert_null (expr);

  g_assert_null (sd_expr_parse (text, &error2));
  g_assert_error (error2, SD_CORE_ERROR, SD_CORE_ERROR_PARSE);
  g_assert_cmpstr (error2->message, ==, message);
}

static void
test_errors (void)
{
  assert_parse_error ("sin(x))", "unexpected ')' at column 7", 7);
  assert_parse_error ("foo(x)", "unknown function 'foo' at column 1", 1);
  assert_parse_error ("2 * Sin(x)", "unknown function 'Sin' at column 5", 5);
  assert_parse_error ("x(2)", "unknown function 'x' at column 1", 1);
  assert_parse_error ("z", "unknown variable 'z' at column 1", 1);
  assert_parse_error ("x + zeta", "unknown variable 'zeta' at column 5", 5);
  assert_parse_error ("x+", "unexpected end of expression at column 3", 3);
  assert_parse_error ("(x", "unexpected end of expression at column 3", 3);
  assert_parse_error ("sin(x  ", "unexpected end of expression at column 8", 8);
  assert_parse_error ("sin(x, y)", "'sin' takes 1 argument, got 2 at column 1", 1);
  assert_parse_error ("2 * atan2(x)", "'atan2' takes 2 arguments, got 1 at column 5", 5);
  assert_parse_error ("max()", "'max' takes 2 arguments, got 0 at column 1", 1);
  assert_parse_error ("pow(x, y, 2)", "'pow' takes 2 arguments, got 3 at column 1", 1);
  assert_parse_error ("", "empty expression", 1);
  assert_parse_error (" \t\n", "empty expression", 1);
  assert_parse_error ("2x", "unexpected 'x' at column 2", 2);
  assert_parse_error ("x y", "unexpected 'y' at column 3", 3);
  assert_parse_error ("x 3.5", "unexpected '3.5' at column 3", 3);
  assert_parse_error ("1e", "unexpected 'e' at column 2", 2);
  assert_parse_error ("1.2.3", "unexpected '.3' at column 4", 4);
  assert_parse_error (".", "unexpected '.' at column 1", 1);
  assert_parse_error ("x $ y", "unexpected '$' at column 3", 3);
  assert_parse_error ("x + \xc3\xbc", "unexpected '\xc3\xbc' at column 5", 5);
  assert_parse_error ("x+\xff", "invalid UTF-8 at column 3", 3);
  assert_parse_error ("()", "unexpected ')' at column 2", 2);
  assert_parse_error ("x,y", "unexpected ',' at column 2", 2);
  assert_parse_error ("x**2", "unexpected '*' at column 3", 3);
  assert_parse_error ("1 +* 2", "unexpected '*' at column 4", 4);
  assert_parse_error ("x^", "unexpected end of expression at column 3", 3);
  assert_parse_error ("-", "unexpected end of expression at column 2", 2);
  assert_parse_error ("sin", "expected '(' after 'sin' at column 4", 4);
  assert_parse_error ("sin x", "expected '(' after 'sin' at column 5", 5);
  assert_parse_error ("1e999 + x", "number '1e999' is too large at column 1", 1);

  /* the column is optional, and so is the expression */
  {
    g_autoptr(GError) error = NULL;
    guint column = 99;

    g_assert_true (sd_expr_parse_full ("x + y", NULL, &column, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (column, ==, 0);
    g_assert_false (sd_expr_parse_full ("x +", NULL, NULL, &error));
    g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE);
  }
}

static void
test_null_text (void)
{
  if (g_test_subprocess ())
    {
      sd_expr_parse (NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*text != NULL*");
}

static char *
repeat (const char *unit,
        guint       n,
        const char *tail)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);

  return g_string_free (s, FALSE);
}

static void
test_limits (void)
{
  g_autofree char *parens_100000 = repeat ("(", 100000, "");
  g_autofree char *parens_10000 = repeat ("(", 10000, "");
  g_autofree char *long_10001 = repeat ("x+", 5000, "x");
  g_autofree char *long_10000 = repeat ("x+", 4999, "x ");
  g_autofree char *open_256 = NULL;
  g_autofree char *nest_256 = NULL;
  g_autofree char *nest_257 = NULL;
  g_autofree char *signs_257 = repeat ("-", 257, "x");
  g_autofree char *signs_256 = repeat ("-", 256, "x");
  g_autofree char *calls_257 = repeat ("sin(", 257, "x");
  g_autofree char *powers_300 = repeat ("2^", 300, "1");
  g_autofree char *tail = NULL;

  g_assert_cmpuint (strlen (long_10001), ==, 10001);
  assert_parse_error (long_10001, "expression is longer than 10000 characters", 10001);
  assert_parse_error (parens_100000, "expression is longer than 10000 characters", 10001);
  assert_parse_error (parens_10000, "expression nests deeper than 256 levels at column 257", 257);

  /* 10000 characters are fine, and so are 256 levels */
  g_assert_cmpuint (strlen (long_10000), ==, 10000);
  g_assert_cmpfloat (eval1 (long_10000, 0.5, 0), ==, 2500);

  tail = repeat (")", 256, "");
  open_256 = repeat ("(", 256, "x");
  nest_256 = g_strconcat (open_256, tail, NULL);
  g_assert_cmpfloat (eval1 (nest_256, 3, 0), ==, 3);
  nest_257 = repeat ("(", 257, "x");
  assert_parse_error (nest_257, "expression nests deeper than 256 levels at column 257", 257);

  g_assert_cmpfloat (eval1 (signs_256, 3, 0), ==, 3);
  assert_parse_error (signs_257, "expression nests deeper than 256 levels at column 257", 257);
  assert_parse_error (calls_257, "expression nests deeper than 256 levels at column 1028", 1028);
  assert_parse_error (powers_300, "expression nests deeper than 256 levels at column 514", 514);
}

/* Outside a function's domain: NaN or infinities, and no warning (the
 * tests run with fatal warnings). */
static void
test_domain_errors (void)
{
  static const struct
  {
    const char *text;
    double      x, y;
    double      expected;
  } cases[] = {
    { "log(-1)", 0, 0, NAN },
    { "log(x)", -1, 0, NAN },
    { "log(x)", 0, 0, -INFINITY },
    { "sqrt(-1)", 0, 0, NAN },
    { "sqrt(x)", -4, 0, NAN },
    { "1/0", 0, 0, INFINITY },
    { "-1/x", 0, 0, -INFINITY },
    { "x/y", 0, 0, NAN },
    { "asin(x)", 2, 0, NAN },
    { "acos(x)", -2, 0, NAN },
    { "log10(x)", -3, 0, NAN },
    { "pow(x, y)", -8, 1.0 / 3, NAN },
    { "exp(x)", 1000, 0, INFINITY },
    { "x^-1", 0, 0, INFINITY },
    { "atan2(x, y)", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdExpr) expr = parse_ok (cases[i].text);
      double grad[2], hess[4];
      double xs[3] = { cases[i].x - 1, cases[i].x, cases[i].x + 1 };
      double values[3], gx[3], gy[3];

      g_test_message ("%s", cases[i].text);
      assert_close (sd_expr_eval (expr, cases[i].x, cases[i].y), cases[i].expected, 0, "value");
      assert_close (sd_expr_eval_hessian (expr, cases[i].x, cases[i].y, grad, hess),
                    cases[i].expected, 0, "value");
      sd_expr_eval_grid (expr, &(SdGridBand) {
                           .xs = xs, .nx = 3, .ys = &cases[i].y, .ny = 1,
                           .values = values, .grad_x = gx, .grad_y = gy });
      g_assert_true (identical (values[1], sd_expr_eval (expr, cases[i].x, cases[i].y)));
    }
}

static void
test_constant_folding (void)
{
  g_autoptr(SdExpr) scaled = parse_ok ("2*pi*x");
  g_autoptr(SdExpr) sine = parse_ok ("x + sin(pi/2)*3");
  g_autoptr(SdExpr) unfolded = parse_ok ("x + 1 + 2");  /* (x + 1) + 2: nothing constant */
  g_autoptr(SdExpr) constant = parse_ok ("sin(1)^2 + cos(1)^2 - max(2, 3)");
  g_autoptr(SdExpr) square = parse_ok ("x^(1+1)");

  g_assert_cmpuint (scaled->n_insns, ==, 3);
  g_assert_cmpfloat (scaled->insns[0].k, ==, 2 * G_PI);
  g_assert_cmpuint (sine->n_insns, ==, 3);
  g_assert_cmpfloat (sd_expr_eval (sine, 1, 0), ==, 1 + sin (G_PI / 2) * 3);
  g_assert_cmpuint (unfolded->n_insns, ==, 5);
  g_assert_cmpuint (constant->n_insns, ==, 1);
  g_assert_cmpfloat (sd_expr_eval (constant, 7, 8), ==, sin (1) * sin (1) + cos (1) * cos (1) - 3);
  g_assert_cmpuint (square->n_insns, ==, 2);
  g_assert_cmpint (square->insns[1].op, ==, SD_EXPR_OP_POWK);
  g_assert_cmpfloat (sd_expr_eval (square, 3, 0), ==, 9);
}

static void
test_lifetime (void)
{
  const char *text = "sin(x) + y";
  SdExpr *expr = parse_ok (text);
  SdExpr *copy;
  GValue value = G_VALUE_INIT;

  g_assert_cmpstr (sd_expr_get_text (expr), ==, text);
  g_assert_true (sd_expr_get_text (expr) != text);

  g_assert_true (sd_expr_ref (expr) == expr);
  sd_expr_unref (expr);

  /* a boxed type, for properties of the scene model */
  g_assert_true (G_TYPE_IS_BOXED (SD_TYPE_EXPR));
  copy = g_boxed_copy (SD_TYPE_EXPR, expr);
  g_assert_true (copy == expr);
  g_boxed_free (SD_TYPE_EXPR, copy);

  g_value_init (&value, SD_TYPE_EXPR);
  g_value_set_boxed (&value, expr);
  g_assert_true (g_value_get_boxed (&value) == expr);
  g_value_unset (&value);

  g_assert_cmpfloat (sd_expr_eval (expr, 0, 2), ==, 2);
  sd_expr_unref (expr);
}

/* Expressions that take every path of the grid evaluator: each class of
 * instruction (constant, on x, on y, on both), shared partials, hard zeros
 * from relu, min, max and pow, and every operation. */
static const char *const grid_expressions[] = {
  "sin(x)*cos(y) + 0.1*(x^2+y^2)",
  "x", "y", "3", "2*pi", "x + 1", "1 - x", "y - 2", "x + y", "y - x", "x - y",
  "-(x*y)", "-x + y", "x*y", "x/y", "y/x", "(x + y)^2", "x^y", "pow(x + y, 2.5)",
  "2^(x*y)", "0^(x + y)", "atan2(x, y)", "min(x, y)", "max(x*y, x + y)", "relu(x - y)",
  "sqrt(relu(x)^2 + relu(y)^2)", "1/relu(x*y)", "log(max(x, y) - x)", "abs(x*y)",
  "log(x*y)", "sqrt(x*y)", "exp(-x^2 - y^2)", "sigmoid(x*y) + softplus(x - y)",
  "tanh(x)*sinh(y) + cosh(x*y)", "asin(x/4) + acos(y/4) + atan(x*y)", "tan(x + y)",
  "log10(abs(x) + y^2)", "x^0 * y", "(x*y)^0", "(x + y)^1", "(x*y)^3", "(x - y)^-1",
  "(x*y)^-2", "(x*y)^0.5", "(x*y)^-0.5", "sin(x) + cos(y)", "x*x*x*y*y*y",
  "((((x + y)*x + y)*x + y)*x + y)", "x + y + x + y + x*y + 1", "sin(x)^2 + x",
  "cos(y)*y", "relu(x) + y", "relu(y) * x", "max(x, 1) * y + min(y, 2)",
  "x^y + y^x", "(1 + sqrt(x))^y", "1/(x^y)", "log(x^y - 1)", "1/max(x, y)",
  "sqrt(x) + sqrt(y) + sqrt(x - y)",
  "sin(x)*cos(y) + tan(x/3) + asin(x/4)*acos(y/5) + atan(x*y) + atan2(y, x+3) + "
  "sinh(x/2)*cosh(y/3) + tanh(x-y) + exp(-x^2)*log(2+y^2) + log10(3+x*x) + "
  "sqrt(1+x^2+y^2) + abs(x-y) + min(x, y)*max(x, y) + pow(2+x, y/2) + sigmoid(x*y) + "
  "softplus(x-2*y) + relu(x+y) + x^3/7 - y^-2 + 2^x + e^(x/5) - pi*y",
};

static void
check_grid (const SdExpr *expr,
            const double *xs,
            guint         nx,
            const double *ys,
            guint         ny)
{
  g_autofree double *values = g_new (double, nx * ny);
  g_autofree double *values2 = g_new (double, nx * ny);
  g_autofree double *gx = g_new (double, nx * ny);
  g_autofree double *gy = g_new (double, nx * ny);
  g_autofree double *gy2 = g_new (double, nx * ny);

  sd_expr_eval_grid (expr, &(SdGridBand) {
                       .xs = xs, .nx = nx, .ys = ys, .ny = ny, .values = values });
  sd_expr_eval_grid (expr, &(SdGridBand) {
                       .xs = xs, .nx = nx, .ys = ys, .ny = ny,
                       .values = values2, .grad_x = gx, .grad_y = gy });

  for (guint j = 0; j < ny; j++)
    for (guint i = 0; i < nx; i++)
      {
        guint k = j * nx + i;
        double grad[2];
        double v = sd_expr_eval_gradient (expr, xs[i], ys[j], grad);

        if (!identical (values[k], v) || !identical (values2[k], v) ||
            !identical (sd_expr_eval (expr, xs[i], ys[j]), v) ||
            !identical (gx[k], grad[0]) || !identical (gy[k], grad[1]))
          g_error ("%s at (%.17g, %.17g): grid %.17g, %.17g, %.17g; "
                   "pointwise %.17g, %.17g, %.17g", sd_expr_get_text (expr), xs[i], ys[j],
                   values2[k], gx[k], gy[k], v, grad[0], grad[1]);
      }

  /* only one of the partials asked for */
  sd_expr_eval_grid (expr, &(SdGridBand) {
                       .xs = xs, .nx = nx, .ys = ys, .ny = ny, .values = values2, .grad_y = gy2 });
  for (guint k = 0; k < nx * ny; k++)
    g_assert_true (identical (gy2[k], gy[k]));
  sd_expr_eval_grid (expr, &(SdGridBand) {
                       .xs = xs, .nx = nx, .ys = ys, .ny = ny, .values = values2, .grad_x = gy2 });
  for (guint k = 0; k < nx * ny; k++)
    g_assert_true (identical (gy2[k], gx[k]));
}

static void
test_grid_matches_pointwise (void)
{
  static const guint widths[] = { 1, 2, 3, 7, 256, 257, 600 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double ys[9];

  /* rows through 0 and the special points of pow and log */
  for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
    ys[j] = -2 + 0.5 * j;

  for (guint e = 0; e < G_N_ELEMENTS (grid_expressions); e++)
    {
      g_autoptr(SdExpr) expr = parse_ok (grid_expressions[e]);

      g_test_message ("%s", grid_expressions[e]);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          guint nx = widths[w];
          g_autofree double *xs = g_new (double, nx);

          /* evenly spaced through 0 and the integers, then shuffled */
          for (guint i = 0; i < nx; i++)
            xs[i] = nx == 1 ? 0.0 : -3 + 6.0 * i / (nx - 1);
          check_grid (expr, xs, nx, ys, G_N_ELEMENTS (ys));

          for (guint i = 0; i < nx; i++)
            xs[i] = g_rand_double_range (rand, -4, 4);
          check_grid (expr, xs, nx, ys, G_N_ELEMENTS (ys));
        }
    }
}

static void
test_grid_empty (void)
{
  g_autoptr(SdExpr) expr = parse_ok ("x + y");
  double xs[1] = { 1 }, values[1] = { 42 };

  /* nothing to do, nothing touched */
  sd_expr_eval_grid (expr, &(SdGridBand) { .xs = xs, .nx = 1, .values = values });
  sd_expr_eval_grid (expr, &(SdGridBand) { .ys = xs, .ny = 1, .values = values });
  g_assert_cmpfloat (values[0], ==, 42);
}

#define N_THREAD_POINTS 200
#define THREAD_GRID     64

typedef struct
{
  const SdExpr *expr;
  double        x[N_THREAD_POINTS], y[N_THREAD_POINTS];
  double        value[N_THREAD_POINTS], grad[N_THREAD_POINTS][2], hess[N_THREAD_POINTS][4];
  double        xs[THREAD_GRID];
  double        grid[THREAD_GRID * THREAD_GRID];
  double        grid_dx[THREAD_GRID * THREAD_GRID];
  double        grid_dy[THREAD_GRID * THREAD_GRID];
} ThreadData;

static void
compute_all (ThreadData *d)
{
  for (guint i = 0; i < N_THREAD_POINTS; i++)
    d->value[i] = sd_expr_eval_hessian (d->expr, d->x[i], d->y[i], d->grad[i], d->hess[i]);

  sd_expr_eval_grid (d->expr, &(SdGridBand) {
                       .xs = d->xs, .nx = THREAD_GRID, .ys = d->xs, .ny = THREAD_GRID,
                       .values = d->grid, .grad_x = d->grid_dx, .grad_y = d->grid_dy });
}

static gpointer
thread_func (gpointer data)
{
  ThreadData *d = data;

  /* many rounds, so that the threads overlap */
  for (guint round = 0; round < 20; round++)
    compute_all (d);

  return NULL;
}

/* One expression evaluated from four threads at once gives what it gives
 * on one. */
static void
test_threads (void)
{
  g_autoptr(SdExpr) expr = parse_ok (grid_expressions[G_N_ELEMENTS (grid_expressions) - 1]);
  g_autofree ThreadData *reference = g_new0 (ThreadData, 1);
  g_autofree ThreadData *data = g_new0 (ThreadData, 4);
  GThread *threads[4];

  reference->expr = expr;
  for (guint i = 0; i < N_THREAD_POINTS; i++)
    {
      reference->x[i] = -3 + 6.0 * i / N_THREAD_POINTS;
      reference->y[i] = 2.5 - 5.0 * ((i * 37) % N_THREAD_POINTS) / N_THREAD_POINTS;
    }
  for (guint i = 0; i < THREAD_GRID; i++)
    reference->xs[i] = -2.5 + 5.0 * i / (THREAD_GRID - 1);
  compute_all (reference);

  for (guint t = 0; t < 4; t++)
    {
      data[t] = *reference;
      memset (data[t].value, 0, sizeof data[t].value);
      memset (data[t].grid, 0, sizeof data[t].grid);
      threads[t] = g_thread_new ("expr-test", thread_func, &data[t]);
    }

  for (guint t = 0; t < 4; t++)
    {
      g_thread_join (threads[t]);
      g_assert_true (memcmp (data[t].value, reference->value, sizeof reference->value) == 0);
      g_assert_true (memcmp (data[t].grad, reference->grad, sizeof reference->grad) == 0);
      g_assert_true (memcmp (data[t].hess, reference->hess, sizeof reference->hess) == 0);
      g_assert_true (memcmp (data[t].grid, reference->grid, sizeof reference->grid) == 0);
      g_assert_true (memcmp (data[t].grid_dx, reference->grid_dx, sizeof reference->grid_dx) == 0);
      g_assert_true (memcmp (data[t].grid_dy, reference->grid_dy, sizeof reference->grid_dy) == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/expr/parse/numbers", test_numbers);
  g_test_add_func ("/core/expr/parse/precedence", test_precedence);
  g_test_add_func ("/core/expr/parse/errors", test_errors);
  g_test_add_func ("/core/expr/parse/null-text", test_null_text);
  g_test_add_func ("/core/expr/parse/limits", test_limits);
  g_test_add_func ("/core/expr/parse/constant-folding", test_constant_folding);
  g_test_add_func ("/core/expr/lifetime", test_lifetime);
  g_test_add_func ("/core/expr/functions/values", test_function_values);
  g_test_add_func ("/core/expr/functions/stable", test_stable_functions);
  g_test_add_func ("/core/expr/functions/domain-errors", test_domain_errors);
  g_test_add_func ("/core/expr/derivatives/unary", test_unary_derivatives);
  g_test_add_func ("/core/expr/derivatives/closed-form", test_closed_form_derivatives);
  g_test_add_func ("/core/expr/derivatives/torch", test_torch_conventions);
  g_test_add_func ("/core/expr/grid/matches-pointwise", test_grid_matches_pointwise);
  g_test_add_func ("/core/expr/grid/empty", test_grid_empty);
  g_test_add_func ("/core/expr/threads", test_threads);

  return g_test_run ();
}
