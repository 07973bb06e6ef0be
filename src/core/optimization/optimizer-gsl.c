/* optimizer-gsl.c: the methods GSL's multimin module provides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <gsl/gsl_errno.h>

#include "optimizer-private.h"

/* GSL's manual recommends 0.1 for the line searches of both methods:
 * the line minimization only needs to be approximate. */
#define GSL_LINE_SEARCH_TOL 0.1

/* A GSL gradient method that stops with a gradient this small (relative
 * to the loss, at least 1) has converged rather than failed. */
#define GSL_CONVERGED_GRADIENT 1e-6

/* Nelder-Mead never reports convergence itself; its simplex just keeps
 * shrinking. Below this size (relative to the point, at least 1) no vertex
 * can move any more in float64 terms, so the run ends there. */
#define SIMPLEX_CONVERGED_SIZE 1e-12

/* GSL's view of the objective. GSL treats values that are not finite as
 * "no better" and backs off, so a function that falls to -infinity makes
 * its methods stall instead of diverge; the objective's wrappers note such
 * values so that the stall can be reported as the divergence it is. */

static double
gsl_eval_f (const gsl_vector *v,
            void             *data)
{
  SdOptimizer *self = data;
  double p[2] = { gsl_vector_get (v, 0), gsl_vector_get (v, 1) };
  double f = sd_objective_eval (&self->objective, p, NULL, NULL);

  if (f == -INFINITY)
    self->saw_unbounded = TRUE;
  return f;
}

static void
gsl_eval_fdf (const gsl_vector *v,
              void             *data,
              double           *f,
              gsl_vector       *g)
{
  SdOptimizer *self = data;
  double p[2] = { gsl_vector_get (v, 0), gsl_vector_get (v, 1) };
  double grad[2];

  *f = sd_objective_eval (&self->objective, p, grad, NULL);
  if (*f == -INFINITY)
    self->saw_unbounded = TRUE;
  gsl_vector_set (g, 0, grad[0]);
  gsl_vector_set (g, 1, grad[1]);
}

static void
gsl_eval_df (const gsl_vector *v,
             void             *data,
             gsl_vector       *g)
{
  double f;

  gsl_eval_fdf (v, data, &f, g);
}

static void
set_gsl_failure (SdOptimizer *self,
                 int          status)
{
  g_autofree char *where = NULL;

  if (self->saw_unbounded)
    {
      _sd_optimizer_diverge (self, self->state.iteration + 1, SD_OPTIMIZER_DIVERGED_LOSS);
      return;
    }

  where = _sd_optimizer_format_point (self->state.position);
  _sd_optimizer_stop (self,
                      /* Translators: why a GSL method (BFGS, conjugate gradient,
                       * Nelder-Mead) stopped, in a legend */
                      _("no further progress"),
                      /* Translators: the first %s is an optimizer such as bfgs, keep
                       * it as it is; the second a point such as (1, 2.5); the third
                       * GSL's reason, in English */
                      g_strdup_printf (_("%s stopped at %s: %s"),
                                       sd_optimizer_kind_to_name (self->params.kind), where,
                                       gsl_strerror (status)));
}

/**
 * _sd_optimizer_gsl_setup:
 * @self: an optimizer of a GSL kind, at its start
 *
 * Initializes the GSL minimizer (GSL's `_set`); a failure ends the run.
 */
void
_sd_optimizer_gsl_setup (SdOptimizer *self)
{
  gsl_vector_const_view x = gsl_vector_const_view_array (self->state.position, 2);
  int status;

  if (self->params.kind == SD_OPTIMIZER_NELDER_MEAD)
    {
      double edges[2] = { self->params.learning_rate, self->params.learning_rate };
      gsl_vector_view steps = gsl_vector_view_array (edges, 2);

      self->f = (gsl_multimin_function) { gsl_eval_f, 2, self };
      self->f_minimizer = gsl_multimin_fminimizer_alloc (gsl_multimin_fminimizer_nmsimplex2, 2);
      status = gsl_multimin_fminimizer_set (self->f_minimizer, &self->f, &x.vector,
                                            &steps.vector);
      self->state.simplex_size = gsl_multimin_fminimizer_size (self->f_minimizer);
    }
  else
    {
      const gsl_multimin_fdfminimizer_type *type;

      if (self->params.kind == SD_OPTIMIZER_BFGS)
        type = gsl_multimin_fdfminimizer_vector_bfgs2;
      else
        type = gsl_multimin_fdfminimizer_conjugate_pr;

      self->fdf = (gsl_multimin_function_fdf) { gsl_eval_f, gsl_eval_df, gsl_eval_fdf, 2, self };
      self->fdf_minimizer = gsl_multimin_fdfminimizer_alloc (type, 2);
      status = gsl_multimin_fdfminimizer_set (self->fdf_minimizer, &self->fdf, &x.vector,
                                              self->params.learning_rate, GSL_LINE_SEARCH_TOL);
    }

  if (status != GSL_SUCCESS)
    set_gsl_failure (self, status);
}

/* GSL's gradient methods end either with an error status or, when their
 * line search finds nothing better (for instance after stepping into
 * values that are not finite), with "success" at the same point, after
 * which they would repeat themselves forever. Both mean no progress. */
gboolean
_sd_optimizer_gsl_gradient_step (SdOptimizer      *self,
                                 SdOptimizerState *next)
{
  int status = gsl_multimin_fdfminimizer_iterate (self->fdf_minimizer);
  const gsl_vector *x = gsl_multimin_fdfminimizer_x (self->fdf_minimizer);

  next->position[0] = gsl_vector_get (x, 0);
  next->position[1] = gsl_vector_get (x, 1);

  if (status == GSL_SUCCESS
      && next->position[0] == self->state.position[0]
      && next->position[1] == self->state.position[1])
    status = GSL_ENOPROG;

  if (status != GSL_SUCCESS)
    {
      double gnorm = hypot (self->state.gradient[0], self->state.gradient[1]);

      if (!self->saw_unbounded
          && gnorm <= GSL_CONVERGED_GRADIENT * MAX (1.0, fabs (self->state.loss)))
        {
          g_autofree char *where = _sd_optimizer_format_point (self->state.position);
          /* Translators: %s is a point such as (1, 2.5) */
          char *message = g_strdup_printf (_("converged at %s: the gradient vanishes"), where);

          _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_CONVERGED, message);
        }
      else
        {
          set_gsl_failure (self, status);
        }
      return FALSE;
    }

  next->step_gradient[0] = self->state.gradient[0];
  next->step_gradient[1] = self->state.gradient[1];
  return TRUE;
}

/* One Nelder-Mead iteration, unless the simplex has collapsed. */
gboolean
_sd_optimizer_gsl_simplex_step (SdOptimizer      *self,
                                SdOptimizerState *next)
{
  double scale = MAX (1.0, MAX (fabs (self->state.position[0]), fabs (self->state.position[1])));
  const gsl_vector *x;
  int status;

  if (self->state.simplex_size <= SIMPLEX_CONVERGED_SIZE * scale)
    {
      g_autofree char *where = _sd_optimizer_format_point (self->state.position);
      char *message;

      /* A simplex that shrank because every move beyond it met -infinity
       * sits on a slope that never ends. */
      if (self->saw_unbounded)
        {
          _sd_optimizer_diverge (self, self->state.iteration + 1, SD_OPTIMIZER_DIVERGED_LOSS);
          return FALSE;
        }

      /* Translators: %s is a point such as (1, 2.5); the simplex is the
       * triangle the Nelder-Mead method moves */
      message = g_strdup_printf (_("converged at %s: the simplex has collapsed"), where);
      _sd_optimizer_finish (self, SD_OPTIMIZER_STATUS_CONVERGED, message);
      return FALSE;
    }

  status = gsl_multimin_fminimizer_iterate (self->f_minimizer);
  if (status != GSL_SUCCESS)
    {
      set_gsl_failure (self, status);
      return FALSE;
    }

  x = gsl_multimin_fminimizer_x (self->f_minimizer);
  next->position[0] = gsl_vector_get (x, 0);
  next->position[1] = gsl_vector_get (x, 1);
  next->simplex_size = gsl_multimin_fminimizer_size (self->f_minimizer);
  return TRUE;
}
