/* surface.c: loss surfaces, built in or typed by the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "expr.h"
#include "params-private.h"
#include "surface.h"

#define MAX_MINIMA 4

/* Newton's method finds the logistic loss's minimum; it is convex, so
 * halving steps that do not descend is all the safeguard it needs. It
 * converges quadratically: a handful of iterations in practice. */
#define LOGISTIC_MAX_ITERATIONS 100
#define LOGISTIC_STEP_TOL 1e-10

typedef enum
{
  SOURCE_EXPRESSION,
  SOURCE_LINEAR,
  SOURCE_LOGISTIC,
} Source;

typedef struct
{
  const char       *name;
  Source            source;
  const char       *expression;
  double            x_range[2];
  double            y_range[2];
  guint             n_minima;
  SdSurfaceMinimum  minima[MAX_MINIMA];
  /* What a figure shows it with by default (see SdSurfaceDefaults). */
  double            start[2];
  gboolean          log_scale;
  const char       *color_map;
} Builtin;

/* The minima are the published global minima; every value there is 0.
 * Himmelblau's other three minima are roots of its gradient, given to
 * double precision (scipy.optimize.fsolve from the published 6 digits).
 * The start points and colours are what a lecture shows each with: a start
 * inside the range where the race is worth watching, log colours for the
 * positive surfaces that span decades, diverging colours for the saddle,
 * whose sign is its lesson. */
static const Builtin builtins[] = {
  { "rosenbrock", SOURCE_EXPRESSION, "(1-x)^2 + 100*(y-x^2)^2",
    { -2.0, 2.0 }, { -1.0, 3.0 }, 1, { { { 1.0, 1.0 }, 0.0 } },
    { -1.5, 2.0 }, TRUE, NULL },
  { "himmelblau", SOURCE_EXPRESSION, "(x^2+y-11)^2 + (x+y^2-7)^2",
    { -5.0, 5.0 }, { -5.0, 5.0 }, 4,
    { { { 3.0, 2.0 }, 0.0 },
      { { -2.805118086952745, 3.131312518250573 }, 0.0 },
      { { -3.7793102533777465, -3.2831859912861696 }, 0.0 },
      { { 3.5844283403304917, -1.8481265269644036 }, 0.0 } },
    { -0.5, -0.5 }, TRUE, NULL },
  { "beale", SOURCE_EXPRESSION, "(1.5-x+x*y)^2 + (2.25-x+x*y^2)^2 + (2.625-x+x*y^3)^2",
    { -4.5, 4.5 }, { -4.5, 4.5 }, 1, { { { 3.0, 0.5 }, 0.0 } },
    { 1.0, 1.5 }, TRUE, NULL },
  { "booth", SOURCE_EXPRESSION, "(x+2*y-7)^2 + (2*x+y-5)^2",
    { -10.0, 10.0 }, { -10.0, 10.0 }, 1, { { { 1.0, 3.0 }, 0.0 } },
    { -8.0, 8.0 }, TRUE, NULL },
  { "rastrigin", SOURCE_EXPRESSION, "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
    { -5.12, 5.12 }, { -5.12, 5.12 }, 1, { { { 0.0, 0.0 }, 0.0 } },
    { -4.3, 4.1 }, FALSE, NULL },
  { "ackley", SOURCE_EXPRESSION,
    "-20*exp(-0.2*sqrt(0.5*(x^2+y^2))) - exp(0.5*(cos(2*pi*x)+cos(2*pi*y))) + e + 20",
    { -5.0, 5.0 }, { -5.0, 5.0 }, 1, { { { 0.0, 0.0 }, 0.0 } },
    { -4.2, 3.8 }, FALSE, NULL },
  { "saddle", SOURCE_EXPRESSION, "x^2 - y^2",
    { -2.0, 2.0 }, { -2.0, 2.0 }, 0, { { { 0.0, 0.0 }, 0.0 } },
    { -1.8, -0.01 }, FALSE, "coolwarm" },
  { "matyas", SOURCE_EXPRESSION, "0.26*(x^2+y^2) - 0.48*x*y",
    { -10.0, 10.0 }, { -10.0, 10.0 }, 1, { { { 0.0, 0.0 }, 0.0 } },
    { -8.0, 6.0 }, TRUE, NULL },
  { "three-hump-camel", SOURCE_EXPRESSION, "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2",
    { -5.0, 5.0 }, { -5.0, 5.0 }, 1, { { { 0.0, 0.0 }, 0.0 } },
    { -2.5, 2.5 }, TRUE, NULL },
  /* Linear: centred on the true (w, b) = (2, 1). Logistic: wide enough
   * for the minimum near (1.5, -1) / noise at the default noise 0.5. */
  { "linear-regression", SOURCE_LINEAR, NULL,
    { -1.0, 5.0 }, { -2.0, 4.0 }, 0, { { { 0.0, 0.0 }, 0.0 } },
    { -0.5, 3.5 }, FALSE, NULL },
  { "logistic-regression", SOURCE_LOGISTIC, NULL,
    { -6.0, 6.0 }, { -6.0, 6.0 }, 0, { { { 0.0, 0.0 }, 0.0 } },
    { -4.0, 4.0 }, FALSE, NULL },
};

static const char * const builtin_names[] = {
  "rosenbrock",
  "himmelblau",
  "beale",
  "booth",
  "rastrigin",
  "ackley",
  "saddle",
  "matyas",
  "three-hump-camel",
  "linear-regression",
  "logistic-regression",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtins) + 1 == G_N_ELEMENTS (builtin_names));

/* The parameters by their keys in scene files. */
static const SdParamSpec param_specs[] = {
  { "dataset-size", SD_PARAM_SIZE, G_STRUCT_OFFSET (SdSurfaceParams, dataset_size),
    SD_DATASET_MAX_SIZE },
  { "noise", SD_PARAM_NON_NEGATIVE, G_STRUCT_OFFSET (SdSurfaceParams, noise) },
  { "seed", SD_PARAM_SEED, G_STRUCT_OFFSET (SdSurfaceParams, seed) },
};

static const char * const dataset_keys[] = { "dataset-size", "noise", "seed", NULL };
static const char * const no_keys[] = { NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (param_specs) + 1 == G_N_ELEMENTS (dataset_keys));

struct _SdSurface
{
  gatomicrefcount   ref_count;
  const char       *name;
  Source            source;
  SdExpr           *expr;
  SdDataset        *dataset;
  double            x_range[2];
  double            y_range[2];
  guint             n_minima;
  SdSurfaceMinimum  minima[MAX_MINIMA];
};

static const Builtin *
find_builtin (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      if (g_str_equal (name, builtins[i].name))
        return &builtins[i];
    }

  return NULL;
}

/**
 * sd_surface_params_init:
 * @params: (out caller-allocates): the parameters to fill
 *
 * Fills @params with the defaults: 50 samples, noise 0.5, seed 1.
 */
void
sd_surface_params_init (SdSurfaceParams *params)
{
  g_return_if_fail (params != NULL);

  *params = (SdSurfaceParams) {
    .dataset_size = 50,
    .noise = 0.5,
    .seed = 1,
  };
}

static const SdParamSpec *
lookup_param (const char *key)
{
  return _sd_param_lookup (param_specs, G_N_ELEMENTS (param_specs), key);
}

/**
 * sd_surface_params_set:
 * @params: parameters
 * @key: `dataset-size`, `noise` or `seed`
 * @value: the new value
 * @error: return location for an error
 *
 * Sets one parameter after checking it; errors name the key, as in
 * `noise: must be a finite number >= 0, got '-1'`.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %SD_CORE_ERROR_INVALID (and @params unchanged) otherwise
 */
gboolean
sd_surface_params_set (SdSurfaceParams  *params,
                       const char       *key,
                       double            value,
                       GError          **error)
{
  const SdParamSpec *spec;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec = lookup_param (key);
  if (spec == NULL)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the key name given */
                   _("unknown surface setting '%s'"), key);
      return FALSE;
    }

  if (!_sd_param_check (spec, value, error))
    return FALSE;

  _sd_param_set (spec, params, value);
  return TRUE;
}

/**
 * sd_surface_params_get:
 * @params: parameters
 * @key: a key name
 * @value: (out): the value
 *
 * Returns: %TRUE if @key is a known key
 */
gboolean
sd_surface_params_get (const SdSurfaceParams *params,
                       const char            *key,
                       double                *value)
{
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return _sd_param_read (param_specs, G_N_ELEMENTS (param_specs), params, key, value);
}

/**
 * sd_surface_params_validate:
 * @params: parameters, possibly filled in by hand
 * @error: return location for an error
 *
 * Returns: %TRUE if every parameter is in range; %FALSE with @error set
 *   to %SD_CORE_ERROR_INVALID otherwise
 */
gboolean
sd_surface_params_validate (const SdSurfaceParams  *params,
                            GError                **error)
{
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (param_specs); i++)
    {
      if (!_sd_param_check (&param_specs[i], _sd_param_get (&param_specs[i], params), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sd_surface_list_builtins:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   built-in surfaces
 */
const char * const *
sd_surface_list_builtins (void)
{
  return builtin_names;
}

/**
 * sd_surface_builtin_get_keys:
 * @name: a built-in surface's name
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   #SdSurfaceParams keys @name reads (`dataset-size`, `noise`, `seed` for
 *   the regression surfaces, none for the others), or %NULL if @name is not
 *   a built-in surface
 */
const char * const *
sd_surface_builtin_get_keys (const char *name)
{
  const Builtin *builtin;

  g_return_val_if_fail (name != NULL, NULL);

  builtin = find_builtin (name);
  if (builtin == NULL)
    return NULL;

  return builtin->source == SOURCE_EXPRESSION ? no_keys : dataset_keys;
}

/* The logistic loss's minimum by damped Newton from the origin, or FALSE
 * if there is none. Convergence is judged by the Newton step, not the
 * gradient: on separable data the loss has no minimum, yet its gradient
 * fades towards 0 as the weights run off to infinity, while the Newton
 * steps stay large. */
static gboolean
logistic_minimum (const SdDataset *dataset,
                  double           p[2])
{
  double g[2], h[4];
  double loss;

  p[0] = p[1] = 0.0;
  loss = sd_dataset_loss (dataset, p, g, h);

  for (guint k = 0; k < LOGISTIC_MAX_ITERATIONS; k++)
    {
      double det = h[0] * h[3] - h[1] * h[2];
      double step[2];
      double t = 1.0;
      gboolean descended = FALSE;

      if (!(det > 0.0 && h[0] > 0.0))
        return FALSE;

      step[0] = (h[3] * g[0] - h[1] * g[1]) / det;
      step[1] = (h[0] * g[1] - h[2] * g[0]) / det;

      for (guint halvings = 0; halvings < 30; halvings++)
        {
          double q[2] = { p[0] - t * step[0], p[1] - t * step[1] };
          double gq[2], hq[4];
          double lq = sd_dataset_loss (dataset, q, gq, hq);

          if (lq <= loss)
            {
              memcpy (p, q, sizeof q);
              memcpy (g, gq, sizeof g);
              memcpy (h, hq, sizeof h);
              loss = lq;
              descended = TRUE;
              break;
            }

          t *= 0.5;
        }

      if (!descended)
        return FALSE;

      /* Quadratic convergence: the step just taken was the last that
       * mattered. */
      if (t * hypot (step[0], step[1]) <= LOGISTIC_STEP_TOL * (1.0 + hypot (p[0], p[1])))
        return TRUE;
    }

  return FALSE;
}

static void
find_dataset_minimum (SdSurface *self)
{
  double p[2];
  gboolean found;

  if (self->source == SOURCE_LINEAR)
    found = sd_dataset_least_squares (self->dataset, p);
  else
    found = logistic_minimum (self->dataset, p);

  if (!found)
    return;

  self->n_minima = 1;
  self->minima[0].point[0] = p[0];
  self->minima[0].point[1] = p[1];
  self->minima[0].value = sd_dataset_loss (self->dataset, p, NULL, NULL);
}

/**
 * sd_surface_new_builtin:
 * @name: one of sd_surface_list_builtins()
 * @params: (nullable): the dataset parameters of the regression surfaces,
 *   or %NULL for the defaults
 * @error: return location for an error
 *
 * Creates a built-in surface. The analytic test functions are compiled
 * from their formulas by sd_expr_parse(), which gives exact derivatives.
 * `linear-regression` is the mean squared error of y = w x + b over an
 * #SdDataset, at (x, y) = (w, b); `logistic-regression` the mean binary
 * cross-entropy of p = sigmoid (w1 x1 + w2 x2), at (x, y) = (w1, w2).
 *
 * Returns: (transfer full) (nullable): a new surface, or %NULL with
 *   @error set to %SD_CORE_ERROR_INVALID for an unknown name or bad
 *   @params
 */
SdSurface *
sd_surface_new_builtin (const char             *name,
                        const SdSurfaceParams  *params,
                        GError                **error)
{
  g_autoptr(SdSurface) self = NULL;
  const Builtin *builtin;
  SdSurfaceParams defaults;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  builtin = find_builtin (name);
  if (builtin == NULL)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the surface name given */
                   _("unknown surface '%s'"), name);
      return NULL;
    }

  if (params == NULL)
    {
      sd_surface_params_init (&defaults);
      params = &defaults;
    }

  if (builtin->source != SOURCE_EXPRESSION && !sd_surface_params_validate (params, error))
    return NULL;

  self = g_new0 (SdSurface, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = builtin->name;
  self->source = builtin->source;
  memcpy (self->x_range, builtin->x_range, sizeof self->x_range);
  memcpy (self->y_range, builtin->y_range, sizeof self->y_range);

  switch (builtin->source)
    {
    case SOURCE_EXPRESSION:
      self->expr = sd_expr_parse (builtin->expression, error);
      if (self->expr == NULL)
        return NULL;
      self->n_minima = builtin->n_minima;
      memcpy (self->minima, builtin->minima, sizeof self->minima);
      break;

    case SOURCE_LINEAR:
    case SOURCE_LOGISTIC:
      self->dataset = sd_dataset_new (builtin->source == SOURCE_LINEAR
                                        ? SD_DATASET_LINEAR : SD_DATASET_LOGISTIC,
                                      params->dataset_size, params->noise, params->seed);
      find_dataset_minimum (self);
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&self);
}

/**
 * sd_surface_new_custom:
 * @expression: a formula in x and y, see sd_expr_parse()
 * @error: return location for an error
 *
 * Creates a surface from a formula the user typed, named `custom`, on
 * [-5, 5] x [-5, 5] unless the scene says otherwise.
 *
 * Returns: (transfer full) (nullable): a new surface, or %NULL with
 *   @error set by sd_expr_parse()
 */
SdSurface *
sd_surface_new_custom (const char  *expression,
                       GError     **error)
{
  SdSurface *self;
  SdExpr *expr;

  g_return_val_if_fail (expression != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  expr = sd_expr_parse (expression, error);
  if (expr == NULL)
    return NULL;

  self = g_new0 (SdSurface, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = "custom";
  self->source = SOURCE_EXPRESSION;
  self->expr = expr;
  self->x_range[0] = self->y_range[0] = -5.0;
  self->x_range[1] = self->y_range[1] = 5.0;

  return self;
}

/**
 * sd_surface_ref:
 * @self: a surface
 *
 * Surfaces are immutable, so one reference can be shared by threads.
 *
 * Returns: (transfer full): @self
 */
SdSurface *
sd_surface_ref (SdSurface *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * sd_surface_unref:
 * @self: (transfer full): a surface
 */
void
sd_surface_unref (SdSurface *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->expr, sd_expr_unref);
  g_clear_pointer (&self->dataset, sd_dataset_free);
  g_free (self);
}

/**
 * sd_surface_get_name:
 * @self: a surface
 *
 * Returns: (transfer none): the built-in name, or `custom`
 */
const char *
sd_surface_get_name (const SdSurface *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * sd_surface_get_expression:
 * @self: a surface
 *
 * Returns: (transfer none) (nullable): the formula, or %NULL for the
 *   regression surfaces
 */
const char *
sd_surface_get_expression (const SdSurface *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->expr != NULL ? sd_expr_get_text (self->expr) : NULL;
}

/**
 * sd_surface_get_x_label:
 * @self: a surface
 *
 * Returns: (transfer none): the name of the first coordinate: `x`, `w`
 *   (linear regression) or `w1` (logistic regression)
 */
const char *
sd_surface_get_x_label (const SdSurface *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->source)
    {
    case SOURCE_LINEAR:   return "w";
    case SOURCE_LOGISTIC: return "w1";
    case SOURCE_EXPRESSION:
    default:              return "x";
    }
}

/**
 * sd_surface_get_y_label:
 * @self: a surface
 *
 * Returns: (transfer none): the name of the second coordinate: `y`, `b`
 *   (linear regression) or `w2` (logistic regression)
 */
const char *
sd_surface_get_y_label (const SdSurface *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->source)
    {
    case SOURCE_LINEAR:   return "b";
    case SOURCE_LOGISTIC: return "w2";
    case SOURCE_EXPRESSION:
    default:              return "y";
    }
}

/**
 * sd_surface_get_default_range:
 * @self: a surface
 * @x_range: (out caller-allocates): the first coordinate's default range
 * @y_range: (out caller-allocates): the second coordinate's default range
 */
void
sd_surface_get_default_range (const SdSurface *self,
                              double           x_range[2],
                              double           y_range[2])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (x_range != NULL && y_range != NULL);

  memcpy (x_range, self->x_range, sizeof self->x_range);
  memcpy (y_range, self->y_range, sizeof self->y_range);
}

/**
 * sd_surface_get_defaults:
 * @self: a surface
 * @defaults: (out caller-allocates): what the figure shows the surface with
 *
 * A built-in surface's range, start point and colours that show what it
 * is for: Rosenbrock's curved valley on log colours from (−1.5, 2), the
 * saddle on diverging colours from just off its ridge, Rastrigin's many
 * local minima on linear colours. A custom surface has the range −5..5,
 * the start (−4, 4), linear colours and the viewer's colour map.
 */
void
sd_surface_get_defaults (const SdSurface    *self,
                         SdSurfaceDefaults  *defaults)
{
  const Builtin *builtin;

  g_return_if_fail (self != NULL);
  g_return_if_fail (defaults != NULL);

  *defaults = (SdSurfaceDefaults) { .start = { -4.0, 4.0 } };
  sd_surface_get_default_range (self, defaults->x_range, defaults->y_range);
  builtin = self->name != NULL ? find_builtin (self->name) : NULL;
  if (builtin == NULL)
    return;

  memcpy (defaults->start, builtin->start, sizeof defaults->start);
  defaults->log_scale = builtin->log_scale;
  defaults->color_map = builtin->color_map;
}

/**
 * sd_surface_get_minima:
 * @self: a surface
 * @n_minima: (out): the number of known minima
 *
 * The known global minima: the published ones of the test functions, the
 * least-squares solution of linear regression and the maximum-likelihood
 * weights of logistic regression (when the data is not separable). Custom
 * surfaces and `saddle` have none.
 *
 * Returns: (transfer none) (array length=n_minima): the minima
 */
const SdSurfaceMinimum *
sd_surface_get_minima (const SdSurface *self,
                       guint           *n_minima)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_minima != NULL, NULL);

  *n_minima = self->n_minima;
  return self->minima;
}

/**
 * sd_surface_get_dataset:
 * @self: a surface
 *
 * Returns: (transfer none) (nullable): the data behind a regression
 *   surface, or %NULL
 */
const SdDataset *
sd_surface_get_dataset (const SdSurface *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

/**
 * sd_surface_is_stochastic:
 * @self: a surface
 *
 * Returns: whether @self is a mean over a dataset, so that runs on it can
 *   draw minibatches
 */
gboolean
sd_surface_is_stochastic (const SdSurface *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dataset != NULL;
}

/**
 * sd_surface_eval:
 * @self: a surface
 * @x: the first coordinate
 * @y: the second coordinate
 * @grad: (out caller-allocates) (nullable): the gradient
 * @hess: (out caller-allocates) (nullable): the Hessian, row-major
 *
 * Evaluates the surface (over the whole dataset for the regression
 * surfaces). Thread-safe.
 *
 * Returns: the value at (@x, @y)
 */
double
sd_surface_eval (const SdSurface *self,
                 double           x,
                 double           y,
                 double           grad[2],
                 double           hess[4])
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->dataset != NULL)
    {
      double p[2] = { x, y };

      return sd_dataset_loss (self->dataset, p, grad, hess);
    }

  if (hess != NULL)
    {
      double unused[2];

      return sd_expr_eval_hessian (self->expr, x, y, grad != NULL ? grad : unused, hess);
    }

  if (grad != NULL)
    return sd_expr_eval_gradient (self->expr, x, y, grad);

  return sd_expr_eval (self->expr, x, y);
}

static double
objective_eval (gpointer     data,
                const double p[2],
                double       grad[2],
                double       hess[4])
{
  return sd_surface_eval (data, p[0], p[1], grad, hess);
}

static void
objective_batch_gradient (gpointer     data,
                          const double p[2],
                          const guint *indices,
                          guint        n_indices,
                          double       grad[2])
{
  SdSurface *self = data;

  sd_dataset_batch_gradient (self->dataset, p, indices, n_indices, grad);
}

/**
 * sd_surface_get_objective:
 * @self: a surface
 * @objective: (out caller-allocates): the objective
 *
 * Describes @self to the optimizers. The objective does not hold a
 * reference: keep @self alive while it is used.
 */
void
sd_surface_get_objective (SdSurface   *self,
                          SdObjective *objective)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (objective != NULL);

  *objective = (SdObjective) {
    .eval = objective_eval,
    .batch_gradient = self->dataset != NULL ? objective_batch_gradient : NULL,
    .n_samples = self->dataset != NULL ? self->dataset->n : 0,
    .data = self,
  };
}

/**
 * sd_surface_eval_band:
 * @user_data: the #SdSurface
 * @band: the points and the arrays to fill
 *
 * Evaluates a band of a grid; an #SdGridBandFunc. Formulas go through
 * sd_expr_eval_grid(), datasets through sd_dataset_loss_grid().
 */
void
sd_surface_eval_band (gpointer          user_data,
                      const SdGridBand *band)
{
  SdSurface *self = user_data;

  g_return_if_fail (self != NULL);

  if (self->dataset != NULL)
    sd_dataset_loss_grid (self->dataset, band);
  else
    sd_expr_eval_grid (self->expr, band);
}
