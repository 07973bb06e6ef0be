/* dataset.h: the small synthetic datasets behind the regression surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "grid-band.h"

G_BEGIN_DECLS

/**
 * SdDatasetKind:
 * @SD_DATASET_LINEAR: points (x, y) for a linear regression y = w x + b
 * @SD_DATASET_LOGISTIC: points (x1, x2) with labels 0 or 1 for a logistic
 *   regression p = sigmoid (w1 x1 + w2 x2)
 *
 * Which model a dataset is made for.
 */
typedef enum
{
  SD_DATASET_LINEAR,
  SD_DATASET_LOGISTIC,
} SdDatasetKind;

/* The largest dataset that can be generated. */
#define SD_DATASET_MAX_SIZE 100000

/**
 * SdDataset:
 * @kind: the model the data is made for
 * @n: the number of samples, at least 1
 * @x1: (array length=n): x (linear) or the first feature x1 (logistic)
 * @x2: (array length=n) (nullable): the second feature x2 (logistic), or
 *   %NULL
 * @y: (array length=n): the target y (linear) or the label, 0.0 or 1.0
 *   (logistic)
 *
 * A synthetic dataset, generated reproducibly from a seed by a
 * gsl_rng_mt19937 seeded with gsl_rng_set (rng, seed) (GSL maps seed 0 to
 * its default seed 4357), drawing sample after sample, each in full
 * before the next:
 *
 * - linear: x_i = 2 u_i - 1 with u_i = gsl_rng_uniform (rng), so
 *   x_i ~ U[-1, 1); then e_i = gsl_ran_gaussian (rng, 1.0) and
 *   y_i = 2 x_i + 1 + noise e_i. The true parameters are (w, b) = (2, 1).
 * - logistic: x1_i = gsl_ran_gaussian (rng, 1.0), then
 *   x2_i = gsl_ran_gaussian (rng, 1.0), then
 *   e_i = gsl_ran_logistic (rng, 1.0), and the label is 1 if
 *   1.5 x1_i - x2_i + noise e_i > 0, else 0. With noise 1 the labels are
 *   exactly Bernoulli (sigmoid (w . x)) for the true w = (1.5, -1); a
 *   smaller noise sharpens the boundary (the loss minimum moves out to
 *   about w / noise) and noise 0 makes the data separable, with no minimum.
 *
 * The noise draws happen whatever the noise level, so changing only the
 * noise keeps the same x's.
 */
typedef struct
{
  SdDatasetKind kind;
  guint         n;
  double       *x1;
  double       *x2;
  double       *y;
} SdDataset;

SdDataset *sd_dataset_new            (SdDatasetKind     kind,
                                      guint             n,
                                      double            noise,
                                      guint32           seed);
SdDataset *sd_dataset_copy           (const SdDataset  *self);
void       sd_dataset_free           (SdDataset        *self);

double     sd_dataset_loss           (const SdDataset  *self,
                                      const double      p[2],
                                      double            grad[2],
                                      double            hess[4]);
void       sd_dataset_batch_gradient (const SdDataset  *self,
                                      const double      p[2],
                                      const guint      *indices,
                                      guint             n_indices,
                                      double            grad[2]);
gboolean   sd_dataset_least_squares  (const SdDataset  *self,
                                      double            p[2]);
void       sd_dataset_loss_grid      (const SdDataset  *self,
                                      const SdGridBand *band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdDataset, sd_dataset_free)

G_END_DECLS
