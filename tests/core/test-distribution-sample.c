/* test-distribution-sample.c: drawing samples: reproducible, thread-safe, true to the law
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "distribution-testing.h"

static gboolean
in_support (const SdDistribution *d,
            double                x)
{
  double lower, upper;

  sd_distribution_get_support (d, &lower, &upper);
  if (sd_distribution_is_discrete (d) && x != floor (x))
    return FALSE;

  return x >= lower && x <= upper;
}

typedef struct
{
  const SdDistribution *distribution;
  double               *samples;
} Job;

enum { THREAD_SAMPLES = 20000, N_THREADS = 4 };

static gpointer
sample_in_thread (gpointer data)
{
  Job *job = data;

  sd_distribution_sample (job->distribution, 99, job->samples, THREAD_SAMPLES);
  return NULL;
}

static void
test_sample_reproducible (void)
{
  enum { N = 1000 };

  for (SdFamily f = 0; f < SD_FAMILY_BIVARIATE_NORMAL; f++)
    {
      g_autoptr(SdDistribution) d = sd_distribution_new_default (f);
      double a[N], b[N], prefix[10];
      guint differences = 0;

      sd_distribution_sample (d, 7, a, N);
      sd_distribution_sample (d, 7, b, N);
      g_assert_cmpmem (a, sizeof a, b, sizeof b);

      /* The first draws of a longer sample are the draws of a shorter one. */
      sd_distribution_sample (d, 7, prefix, G_N_ELEMENTS (prefix));
      g_assert_cmpmem (a, sizeof prefix, prefix, sizeof prefix);

      sd_distribution_sample (d, 8, b, N);
      for (guint i = 0; i < N; i++)
        {
          g_assert_true (in_support (d, a[i]));
          differences += a[i] != b[i];
        }
      /* Even a fair coin differs in about half of the draws. */
      g_assert_cmpuint (differences, >, N / 4);
    }

  /* Nothing is written for an empty sample. */
  {
    g_autoptr(SdDistribution) d = sd_distribution_new_default (SD_FAMILY_NORMAL);

    sd_distribution_sample (d, 1, NULL, 0);
  }
}

/* One distribution shared by several threads that sample at once: each
 * gets exactly the serial result, so no generator state is shared. */
static void
test_sample_threads (void)
{
  const SdFamily families[] = { SD_FAMILY_NORMAL, SD_FAMILY_GAMMA, SD_FAMILY_BINOMIAL,
                                SD_FAMILY_NEGATIVE_BINOMIAL };

  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    {
      g_autoptr(SdDistribution) d = sd_distribution_new_default (families[f]);
      g_autofree double *serial = g_new (double, THREAD_SAMPLES);
      g_autofree double *parallel = g_new (double, N_THREADS * THREAD_SAMPLES);
      GThread *threads[N_THREADS];
      Job jobs[N_THREADS];

      sd_distribution_sample (d, 99, serial, THREAD_SAMPLES);

      for (guint i = 0; i < N_THREADS; i++)
        {
          jobs[i] = (Job) { d, parallel + i * THREAD_SAMPLES };
          threads[i] = g_thread_new ("sampler", sample_in_thread, &jobs[i]);
        }
      for (guint i = 0; i < N_THREADS; i++)
        {
          g_thread_join (threads[i]);
          g_assert_cmpmem (jobs[i].samples, THREAD_SAMPLES * sizeof (double),
                           serial, THREAD_SAMPLES * sizeof (double));
        }
    }
}

/* 10^6 draws for every parameter set of references[]: the sample mean and
 * variance lie within 5 standard errors of the true ones (where the fourth
 * moment exists), and the fraction of draws at or below the 10%, 50% and
 * 90% quantiles within 5 standard errors of the cdf there (for every
 * family, Cauchy included). The seed is fixed, so every run sees the same
 * draws and the test cannot flake; a wrong sampler (a rate taken for a
 * scale, failures counted as trials) misses by hundreds of standard
 * errors. */
static void
test_sample_moments (void)
{
  const gsize n = 1000000;
  const double levels[] = { 0.1, 0.5, 0.9 };
  g_autofree double *x = g_new (double, n);

  for (guint i = 0; i < n_references; i++)
    {
      g_autoptr(SdDistribution) d = new_distribution (references[i].family,
                                                      references[i].parameters);
      double mean, variance, kurtosis;

      sd_distribution_get_moments (d, &mean, &variance, NULL, &kurtosis);
      sd_distribution_sample (d, 20240601, x, n);

      for (guint j = 0; j < G_N_ELEMENTS (levels); j++)
        {
          double q = sd_distribution_quantile (d, levels[j]);
          double cdf = sd_distribution_cdf (d, q);
          gsize below = 0;

          for (gsize k = 0; k < n; k++)
            below += x[k] <= q;
          g_assert_cmpfloat (fabs ((double) below / n - cdf), <=, 5 * sqrt (cdf * (1 - cdf) / n));
        }

      if (isfinite (kurtosis))
        {
          double sum = 0.0, squares = 0.0, sample_mean;

          for (gsize k = 0; k < n; k++)
            sum += x[k];
          sample_mean = sum / n;
          for (gsize k = 0; k < n; k++)
            squares += (x[k] - sample_mean) * (x[k] - sample_mean);

          /* The standard error of the unbiased sample variance is
           * variance * sqrt((kurtosis + 2)/n + 2/(n (n - 1))), exactly;
           * the second term matters for the fair coin, whose kurtosis is -2. */
          g_assert_cmpfloat (fabs (sample_mean - mean), <=, 5 * sqrt (variance / n));
          g_assert_cmpfloat (fabs (squares / (n - 1) - variance), <=,
                             5 * variance * sqrt ((kurtosis + 2) / n + 2.0 / (n * (n - 1.0))));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/distribution/sample/reproducible", test_sample_reproducible);
  g_test_add_func ("/core/distribution/sample/threads", test_sample_threads);
  g_test_add_func ("/core/distribution/sample/moments", test_sample_moments);

  return g_test_run ();
}
