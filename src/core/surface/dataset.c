/* dataset.c: the small synthetic datasets behind the regression surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "dataset.h"

/* The parameters the data is generated from (see SdDataset). */
#define LINEAR_TRUE_W 2.0
#define LINEAR_TRUE_B 1.0
#define LOGISTIC_TRUE_W1 1.5
#define LOGISTIC_TRUE_W2 (-1.0)

/* Sums over a set of samples; the loss and its derivatives are their means. */
typedef struct
{
  double loss;
  double grad[2];
  double hess[3];
} Sums;

static void
generate_linear (SdDataset *self,
                 gsl_rng   *rng,
                 double     noise)
{
  for (guint i = 0; i < self->n; i++)
    {
      double x = 2.0 * gsl_rng_uniform (rng) - 1.0;
      double e = gsl_ran_gaussian (rng, 1.0);

      self->x1[i] = x;
      self->y[i] = LINEAR_TRUE_W * x + LINEAR_TRUE_B + noise * e;
    }
}

static void
generate_logistic (SdDataset *self,
                   gsl_rng   *rng,
                   double     noise)
{
  for (guint i = 0; i < self->n; i++)
    {
      double x1 = gsl_ran_gaussian (rng, 1.0);
      double x2 = gsl_ran_gaussian (rng, 1.0);
      double e = gsl_ran_logistic (rng, 1.0);

      self->x1[i] = x1;
      self->x2[i] = x2;
      self->y[i] = LOGISTIC_TRUE_W1 * x1 + LOGISTIC_TRUE_W2 * x2 + noise * e > 0.0 ? 1.0 : 0.0;
    }
}

/**
 * sd_dataset_new:
 * @kind: the model the data is for
 * @n: the number of samples, from 1 to %SD_DATASET_MAX_SIZE
 * @noise: the noise level, finite and >= 0
 * @seed: the seed
 *
 * Generates a dataset as SdDataset describes; the same arguments always
 * give the same numbers.
 *
 * Returns: (transfer full): a new dataset
 */
SdDataset *
sd_dataset_new (SdDatasetKind kind,
                guint         n,
                double        noise,
                guint32       seed)
{
  SdDataset *self;
  gsl_rng *rng;

  g_return_val_if_fail (kind == SD_DATASET_LINEAR || kind == SD_DATASET_LOGISTIC, NULL);
  g_return_val_if_fail (n >= 1 && n <= SD_DATASET_MAX_SIZE, NULL);
  g_return_val_if_fail (isfinite (noise) && noise >= 0.0, NULL);

  self = g_new0 (SdDataset, 1);
  self->kind = kind;
  self->n = n;
  self->x1 = g_new (double, n);
  self->y = g_new (double, n);

  rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, seed);

  if (kind == SD_DATASET_LINEAR)
    {
      generate_linear (self, rng, noise);
    }
  else
    {
      self->x2 = g_new (double, n);
      generate_logistic (self, rng, noise);
    }

  gsl_rng_free (rng);

  return self;
}

/**
 * sd_dataset_copy:
 * @self: a dataset
 *
 * Returns: (transfer full): a copy of @self
 */
SdDataset *
sd_dataset_copy (const SdDataset *self)
{
  SdDataset *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdDataset, 1);
  copy->kind = self->kind;
  copy->n = self->n;
  copy->x1 = g_memdup2 (self->x1, self->n * sizeof (double));
  copy->x2 = self->x2 != NULL ? g_memdup2 (self->x2, self->n * sizeof (double)) : NULL;
  copy->y = g_memdup2 (self->y, self->n * sizeof (double));

  return copy;
}

/**
 * sd_dataset_free:
 * @self: (transfer full) (nullable): a dataset
 */
void
sd_dataset_free (SdDataset *self)
{
  if (self == NULL)
    return;

  g_free (self->x1);
  g_free (self->x2);
  g_free (self->y);
  g_free (self);
}

/* Squared error of y = w x + b, with (w, b) = p: one sample's share of the
 * sums, without the factor 2 of the derivatives, which accumulate() applies
 * to the sums once. The Hessian does not depend on p; its sums are taken
 * only when asked for. */
static inline void
add_linear (const SdDataset *self,
            const double     p[2],
            guint            i,
            gboolean         want_hess,
            Sums            *sums)
{
  double x = self->x1[i];
  double r = p[0] * x + p[1] - self->y[i];

  sums->loss += r * r;
  sums->grad[0] += r * x;
  sums->grad[1] += r;

  if (want_hess)
    {
      sums->hess[0] += x * x;
      sums->hess[1] += x;
    }
}

/* Binary cross-entropy of p = sigmoid (w1 x1 + w2 x2) against the label t,
 * as softplus (z) - t z, which equals -t log p - (1 - t) log (1 - p). */
static inline void
add_logistic (const SdDataset *self,
              const double     p[2],
              guint            i,
              gboolean         want_hess,
              Sums            *sums)
{
  double x1 = self->x1[i];
  double x2 = self->x2[i];
  double t = self->y[i];
  double z = p[0] * x1 + p[1] * x2;
  /* One exponential of a non-positive number gives, without overflow or
   * cancellation, sigmoid (|z|) = 1 / d, sigmoid (-|z|) = e / d and
   * softplus (z) = max (z, 0) + log1p (e). */
  double e = exp (-fabs (z));
  double d = 1.0 + e;
  double s = z >= 0.0 ? 1.0 / d : e / d;
  double r = s - t;

  sums->loss += (z > 0.0 ? z : 0.0) + log1p (e) - t * z;
  sums->grad[0] += r * x1;
  sums->grad[1] += r * x2;

  if (want_hess)
    {
      double c = (1.0 / d) * (e / d);

      sums->hess[0] += c * x1 * x1;
      sums->hess[1] += c * x1 * x2;
      sums->hess[2] += c * x2 * x2;
    }
}

/* Sums over the samples @indices or, when it is %NULL, over the first @n.
 * Minibatch and full sums go through the same arithmetic, so a batch of
 * every index in order reproduces the full gradient bit for bit. */
static void
accumulate (const SdDataset *self,
            const double     p[2],
            const guint     *indices,
            guint            n,
            gboolean         want_hess,
            Sums            *sums)
{
  gboolean linear = self->kind == SD_DATASET_LINEAR;

  *sums = (Sums) { 0 };

  for (guint k = 0; k < n; k++)
    {
      guint i = indices != NULL ? indices[k] : k;

      if (linear)
        add_linear (self, p, i, want_hess, sums);
      else
        add_logistic (self, p, i, want_hess, sums);
    }

  if (linear)
    {
      sums->grad[0] *= 2.0;
      sums->grad[1] *= 2.0;
      if (want_hess)
        {
          sums->hess[0] *= 2.0;
          sums->hess[1] *= 2.0;
          sums->hess[2] = 2.0 * n;
        }
    }
}

/**
 * sd_dataset_loss:
 * @self: a dataset
 * @p: the model parameters: (w, b) for linear, (w1, w2) for logistic data
 * @grad: (out caller-allocates) (nullable): the gradient
 * @hess: (out caller-allocates) (nullable): the Hessian, row-major
 *
 * The model's loss over the whole dataset: the mean squared error of
 * y = w x + b for linear data, the mean binary cross-entropy (log-loss)
 * of p = sigmoid (w1 x1 + w2 x2) for logistic data. Thread-safe.
 *
 * Returns: the loss
 */
double
sd_dataset_loss (const SdDataset *self,
                 const double     p[2],
                 double           grad[2],
                 double           hess[4])
{
  Sums sums;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (p != NULL, NAN);

  accumulate (self, p, NULL, self->n, hess != NULL, &sums);

  if (grad != NULL)
    {
      grad[0] = sums.grad[0] / self->n;
      grad[1] = sums.grad[1] / self->n;
    }

  if (hess != NULL)
    {
      hess[0] = sums.hess[0] / self->n;
      hess[1] = hess[2] = sums.hess[1] / self->n;
      hess[3] = sums.hess[2] / self->n;
    }

  return sums.loss / self->n;
}

/**
 * sd_dataset_batch_gradient:
 * @self: a dataset
 * @p: the model parameters
 * @indices: (array length=n_indices): sample indices, each below @self's n
 * @n_indices: the batch size, at least 1
 * @grad: (out caller-allocates): the mean gradient over the batch
 *
 * The gradient of the loss restricted to a minibatch. With every index
 * once in ascending order it equals the full gradient exactly.
 */
void
sd_dataset_batch_gradient (const SdDataset *self,
                           const double     p[2],
                           const guint     *indices,
                           guint            n_indices,
                           double           grad[2])
{
  Sums sums;

  g_return_if_fail (self != NULL);
  g_return_if_fail (indices != NULL);
  g_return_if_fail (n_indices >= 1);
  g_return_if_fail (grad != NULL);

  accumulate (self, p, indices, n_indices, FALSE, &sums);
  grad[0] = sums.grad[0] / n_indices;
  grad[1] = sums.grad[1] / n_indices;
}

/* The means of x and y and the centred sums of squares and products of
 * linear data: what a least-squares fit needs, centred so that it keeps
 * its precision when the x lie far from 0. */
typedef struct
{
  double mean_x;
  double mean_y;
  double sxx;
  double sxy;
} Moments;

static Moments
linear_moments (const SdDataset *self)
{
  Moments m = { 0 };

  for (guint i = 0; i < self->n; i++)
    {
      m.mean_x += self->x1[i];
      m.mean_y += self->y[i];
    }
  m.mean_x /= self->n;
  m.mean_y /= self->n;

  for (guint i = 0; i < self->n; i++)
    {
      double dx = self->x1[i] - m.mean_x;

      m.sxx += dx * dx;
      m.sxy += dx * (self->y[i] - m.mean_y);
    }

  return m;
}

/**
 * sd_dataset_least_squares:
 * @self: a linear dataset
 * @p: (out caller-allocates): the least-squares (w, b)
 *
 * The closed-form minimum of the linear model's loss (centred normal
 * equations).
 *
 * Returns: %TRUE if the minimum is unique, %FALSE if @self is not linear
 *   data or all its x are equal
 */
gboolean
sd_dataset_least_squares (const SdDataset *self,
                          double           p[2])
{
  Moments m;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (p != NULL, FALSE);

  if (self->kind != SD_DATASET_LINEAR)
    return FALSE;

  m = linear_moments (self);
  if (m.sxx == 0.0)
    return FALSE;

  p[0] = m.sxy / m.sxx;
  p[1] = m.mean_y - p[0] * m.mean_x;
  return TRUE;
}

/* The linear model's loss is a quadratic in (w, b). With x centred on its
 * mean m, w x + b = w (x - m) + c where c = b + w m, the cross term
 * vanishes and
 *
 *   L (w, b) = L* + V (w - w*)^2 + (c - c*)^2,   V = mean ((x - m)^2),
 *
 * about the least-squares point (w*, c*): a sum of non-negative terms, so
 * a whole grid costs O(1) per point instead of O(n) and never dips below
 * the true minimum through cancellation. */
static void
linear_grid (const SdDataset  *self,
             const SdGridBand *band)
{
  /* The band's fields in locals: with strict aliasing off, the compiler
   * cannot tell the stores into the arrays from the band itself, and would
   * reload its fields at every point of this O(1)-per-point loop. */
  const double *xs = band->xs, *ys = band->ys;
  guint nx = band->nx, ny = band->ny;
  double *values = band->values, *grad_x = band->grad_x, *grad_y = band->grad_y;
  Moments m = linear_moments (self);
  double min_loss = 0.0;
  /* With all x equal, any w fits as well as w = 0. */
  double variance = m.sxx / self->n;
  double w0 = m.sxx > 0.0 ? m.sxy / m.sxx : 0.0;
  double c0 = m.mean_y;
  double mean_x = m.mean_x;

  for (guint i = 0; i < self->n; i++)
    {
      double r = w0 * (self->x1[i] - mean_x) + c0 - self->y[i];

      min_loss += r * r;
    }
  min_loss /= self->n;

  for (guint j = 0; j < ny; j++)
    {
      for (guint i = 0; i < nx; i++)
        {
          double dw = xs[i] - w0;
          double dc = ys[j] + xs[i] * mean_x - c0;
          gsize k = (gsize) j * nx + i;

          values[k] = min_loss + variance * dw * dw + dc * dc;
          if (grad_x != NULL)
            grad_x[k] = 2.0 * (variance * dw + dc * mean_x);
          if (grad_y != NULL)
            grad_y[k] = 2.0 * dc;
        }
    }
}

/**
 * sd_dataset_loss_grid:
 * @self: a dataset
 * @band: the points, the first parameter (w or w1) in @band's xs and the
 *   second (b or w2) in its ys, and the arrays to fill with the losses
 *   and, where not %NULL, their gradient
 *
 * Evaluates the loss over a grid. For linear data this uses the loss's
 * quadratic form, equal to sd_dataset_loss() up to rounding (about 1e-15
 * relative) and never below the least-squares minimum; logistic data
 * costs O(n) per point.
 */
void
sd_dataset_loss_grid (const SdDataset  *self,
                      const SdGridBand *band)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (band != NULL);
  g_return_if_fail (band->nx == 0 || band->xs != NULL);
  g_return_if_fail (band->ny == 0 || band->ys != NULL);
  g_return_if_fail (band->nx == 0 || band->ny == 0 || band->values != NULL);

  if (self->kind == SD_DATASET_LINEAR)
    {
      linear_grid (self, band);
      return;
    }

  for (guint j = 0; j < band->ny; j++)
    {
      for (guint i = 0; i < band->nx; i++)
        {
          double p[2] = { band->xs[i], band->ys[j] };
          double grad[2];
          gsize k = (gsize) j * band->nx + i;

          band->values[k] = sd_dataset_loss (self, p, grad, NULL);
          if (band->grad_x != NULL)
            band->grad_x[k] = grad[0];
          if (band->grad_y != NULL)
            band->grad_y[k] = grad[1];
        }
    }
}
