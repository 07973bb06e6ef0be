/* optimizer-torch.c: the update rules of torch.optim, bit for bit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "optimizer-private.h"

/* The update rules below follow torch/optim/{sgd,adagrad,rmsprop,adam,
 * adamw}.py (torch 1.13, single-tensor code path) operation by operation,
 * so that float64 results agree to the last bit: torch's `a.add_(b,
 * alpha=c)` is a + c * b, `a.addcmul_(b, c, value=v)` is a + v * b * c and
 * `a.addcdiv_(b, c, value=v)` is a + v * b / c, evaluated left to right.
 * torch's CPU kernels are built for FMA-capable processors and fuse the
 * final multiply-add of the first two into one rounding, hence fma (c, b, a)
 * and fma (v * b, c, a); a division cannot be fused. */

static void
update_sgd (const SdOptimizerParams *p,
            SdOptimizerState        *s,
            const double             grad[2])
{
  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double d;

      if (p->kind != SD_OPTIMIZER_SGD && p->momentum != 0.0)
        {
          /* torch starts the buffer as a copy of the first gradient. */
          if (s->iteration == 0)
            s->velocity[i] = g;
          else
            s->velocity[i] = s->velocity[i] * p->momentum + 1.0 * g;

          if (p->kind == SD_OPTIMIZER_NESTEROV)
            d = fma (p->momentum, s->velocity[i], g);
          else
            d = s->velocity[i];
        }
      else
        {
          d = g;
        }

      s->effective_learning_rate[i] = p->learning_rate;
      s->position[i] = fma (-p->learning_rate, d, s->position[i]);
    }
}

static void
update_adagrad (const SdOptimizerParams *p,
                SdOptimizerState        *s,
                const double             grad[2])
{
  /* lr_decay is 0, so torch's clr = lr / (1 + (step - 1) * 0) = lr. */
  double clr = p->learning_rate;

  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double std;

      s->second_moment[i] = fma (1.0 * g, g, s->second_moment[i]);
      std = sqrt (s->second_moment[i]) + p->epsilon;
      s->effective_learning_rate[i] = clr / std;
      s->position[i] = s->position[i] + (-clr) * g / std;
    }
}

static void
update_rmsprop (const SdOptimizerParams *p,
                SdOptimizerState        *s,
                const double             grad[2])
{
  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double avg;

      s->second_moment[i] = s->second_moment[i] * p->alpha;
      s->second_moment[i] = fma ((1.0 - p->alpha) * g, g, s->second_moment[i]);
      avg = sqrt (s->second_moment[i]) + p->epsilon;
      s->effective_learning_rate[i] = p->learning_rate / avg;

      if (p->momentum > 0.0)
        {
          s->velocity[i] = s->velocity[i] * p->momentum;
          s->velocity[i] = s->velocity[i] + 1.0 * g / avg;
          s->position[i] = fma (-p->learning_rate, s->velocity[i], s->position[i]);
        }
      else
        {
          s->position[i] = s->position[i] + (-p->learning_rate) * g / avg;
        }
    }
}

static void
update_adam (const SdOptimizerParams *p,
             SdOptimizerState        *s,
             const double             grad[2])
{
  /* The bias corrections depend on the step alone: two pow () per step. */
  double step = s->iteration + 1;
  double bias_correction1 = 1.0 - pow (p->beta1, step);
  double bias_correction2 = 1.0 - pow (p->beta2, step);
  double step_size = p->learning_rate / bias_correction1;
  double bias_correction2_sqrt = sqrt (bias_correction2);

  for (guint i = 0; i < 2; i++)
    {
      double g = grad[i];
      double denom;

      /* AdamW decays the weights themselves, before the moments. */
      if (p->kind == SD_OPTIMIZER_ADAMW)
        s->position[i] = s->position[i] * (1.0 - p->learning_rate * p->weight_decay);

      s->first_moment[i] = s->first_moment[i] * p->beta1;
      s->first_moment[i] = fma (1.0 - p->beta1, g, s->first_moment[i]);
      s->second_moment[i] = s->second_moment[i] * p->beta2;
      s->second_moment[i] = fma ((1.0 - p->beta2) * g, g, s->second_moment[i]);

      denom = sqrt (s->second_moment[i]) / bias_correction2_sqrt + p->epsilon;
      s->first_moment_hat[i] = s->first_moment[i] / bias_correction1;
      s->second_moment_hat[i] = s->second_moment[i] / bias_correction2;
      s->effective_learning_rate[i] = p->learning_rate / denom;
      s->position[i] = s->position[i] + (-step_size) * s->first_moment[i] / denom;
    }
}

/**
 * _sd_optimizer_torch_update:
 * @p: the hyperparameters of a first-order kind
 * @s: the state to update, from the last step's
 * @grad: the gradient to step on (modified: weight decay is added)
 *
 * Makes one update of a torch.optim method.
 */
void
_sd_optimizer_torch_update (const SdOptimizerParams *p,
                            SdOptimizerState        *s,
                            double                   grad[2])
{
  /* Every rule but AdamW's takes weight decay as torch does: an L2 term
   * added to the gradient before the rule reads it. */
  if (p->kind != SD_OPTIMIZER_ADAMW && p->weight_decay != 0.0)
    {
      for (guint i = 0; i < 2; i++)
        grad[i] = fma (p->weight_decay, s->position[i], grad[i]);
    }

  switch (p->kind)
    {
    case SD_OPTIMIZER_SGD:
    case SD_OPTIMIZER_MOMENTUM:
    case SD_OPTIMIZER_NESTEROV:
      update_sgd (p, s, grad);
      break;
    case SD_OPTIMIZER_ADAGRAD:
      update_adagrad (p, s, grad);
      break;
    case SD_OPTIMIZER_RMSPROP:
      update_rmsprop (p, s, grad);
      break;
    case SD_OPTIMIZER_ADAM:
    case SD_OPTIMIZER_ADAMW:
      update_adam (p, s, grad);
      break;
    case SD_OPTIMIZER_NEWTON:
    case SD_OPTIMIZER_BFGS:
    case SD_OPTIMIZER_CONJUGATE_GRADIENT:
    case SD_OPTIMIZER_NELDER_MEAD:
    case SD_N_OPTIMIZER_KINDS:
    default:
      g_assert_not_reached ();
    }
}
