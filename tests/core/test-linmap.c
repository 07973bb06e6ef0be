/* test-linmap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-error.h"
#include "linmap.h"

#define EPS 1e-14

static void
analyze (double            a,
         double            b,
         double            c,
         double            d,
         SdLinmapAnalysis *r)
{
  g_autoptr(GError) error = NULL;
  SdMat2 m = { a, b, c, d };

  g_assert_true (sd_linmap_analyze (&m, r, &error));
  g_assert_no_error (error);
}

/* An epsilon of 0 asks for exact equality. */
static void
assert_vector (const double v[2],
               double       x,
               double       y,
               double       epsilon)
{
  if (epsilon == 0.0)
    {
      g_assert_cmpfloat (v[0], ==, x);
      g_assert_cmpfloat (v[1], ==, y);
      return;
    }

  g_assert_cmpfloat_with_epsilon (v[0], x, epsilon);
  g_assert_cmpfloat_with_epsilon (v[1], y, epsilon);
}

static void
test_symmetric (void)
{
  SdLinmapAnalysis r;

  analyze (2, 1, 1, 2, &r);

  g_assert_cmpfloat (r.determinant, ==, 3.0);
  g_assert_cmpfloat (r.trace, ==, 4.0);
  g_assert_false (r.complex_eigenvalues);
  g_assert_false (r.repeated_eigenvalue);
  g_assert_false (r.defective);
  g_assert_cmpuint (r.n_eigenvectors, ==, 2);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[1], 1.0, EPS);
  g_assert_cmpfloat (r.eigenvalues_im[0], ==, 0.0);
  g_assert_cmpfloat (r.eigenvalues_im[1], ==, 0.0);
  assert_vector (r.eigenvectors[0], M_SQRT1_2, M_SQRT1_2, EPS);
  assert_vector (r.eigenvectors[1], M_SQRT1_2, -M_SQRT1_2, EPS);
  /* Symmetric positive definite: the singular values are the eigenvalues. */
  g_assert_cmpfloat_with_epsilon (r.singular_values[0], 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.singular_values[1], 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.condition_number, 3.0, EPS);
  g_assert_cmpuint (r.rank, ==, 2);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SCALING);
}

static void
test_rotation (void)
{
  /* R(theta) has eigenvalues cos theta +- i sin theta, listed with the
   * positive imaginary part first. */
  for (guint k = 1; k < 12; k++)
    {
      double theta = k * G_PI / 6.0;
      SdLinmapAnalysis r;

      if (k == 6)
        continue;   /* the half turn -I, a multiple of I, is tested below */

      analyze (cos (theta), -sin (theta), sin (theta), cos (theta), &r);

      g_assert_true (r.complex_eigenvalues);
      g_assert_cmpuint (r.n_eigenvectors, ==, 0);
      g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], cos (theta), EPS);
      g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[1], cos (theta), EPS);
      g_assert_cmpfloat_with_epsilon (r.eigenvalues_im[0], fabs (sin (theta)), EPS);
      g_assert_cmpfloat_with_epsilon (r.eigenvalues_im[1], -fabs (sin (theta)), EPS);
      g_assert_cmpfloat_with_epsilon (r.determinant, 1.0, EPS);
      g_assert_cmpfloat_with_epsilon (r.condition_number, 1.0, EPS);
      g_assert_cmpint (r.kind, ==, SD_LINMAP_ROTATION);
    }
}

static void
test_quarter_turn (void)
{
  SdLinmapAnalysis r;

  analyze (0, -1, 1, 0, &r);

  g_assert_true (r.complex_eigenvalues);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_im[0], 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_im[1], -1.0, EPS);
  g_assert_cmpfloat (r.determinant, ==, 1.0);
  g_assert_cmpfloat (r.trace, ==, 0.0);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_ROTATION);

  /* s1 = s2: the canonical choice V = I, U = A. */
  g_assert_cmpfloat (r.v.a, ==, 1.0);
  g_assert_cmpfloat (r.v.b, ==, 0.0);
  g_assert_cmpfloat (r.v.c, ==, 0.0);
  g_assert_cmpfloat (r.v.d, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (r.u.a, 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.u.b, -1.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.u.c, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.u.d, 0.0, EPS);
}

static void
test_shear (void)
{
  SdLinmapAnalysis r;

  analyze (1, 1, 0, 1, &r);

  g_assert_false (r.complex_eigenvalues);
  g_assert_true (r.repeated_eigenvalue);
  g_assert_true (r.defective);
  g_assert_cmpuint (r.n_eigenvectors, ==, 1);
  g_assert_cmpfloat (r.eigenvalues_re[0], ==, 1.0);
  g_assert_cmpfloat (r.eigenvalues_re[1], ==, 1.0);
  assert_vector (r.eigenvectors[0], 1.0, 0.0, 0.0);
  assert_vector (r.eigenvectors[1], 1.0, 0.0, 0.0);
  /* Singular values of [[1, 1], [0, 1]] are the golden ratio and its
   * inverse: s1 s2 = det = 1 and s1^2 + s2^2 = 3. */
  g_assert_cmpfloat_with_epsilon (r.singular_values[0], (1.0 + sqrt (5.0)) / 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.singular_values[1], (sqrt (5.0) - 1.0) / 2.0, EPS);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SHEAR);

  /* A shear in disguise: trace 2, det 1, kernel of A - I = [[1, 1], [-1, -1]]. */
  analyze (2, 1, -1, 0, &r);
  g_assert_true (r.defective);
  g_assert_cmpfloat (r.eigenvalues_re[0], ==, 1.0);
  assert_vector (r.eigenvectors[0], M_SQRT1_2, -M_SQRT1_2, EPS);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SHEAR);
}

/* GSL returns these double eigenvalues split by rounding (2 +- 2e-8, and
 * 0.2 +- 1.7e-9 i); the closed-form decision must put them back together. */
static void
test_defective_rounding (void)
{
  SdLinmapAnalysis r;

  analyze (3, -1, 1, 1, &r);
  g_assert_true (r.defective);
  g_assert_false (r.complex_eigenvalues);
  g_assert_cmpfloat (r.eigenvalues_re[0], ==, 2.0);
  g_assert_cmpfloat (r.eigenvalues_re[1], ==, 2.0);
  /* kernel of A - 2I = [[1, -1], [1, -1]] */
  assert_vector (r.eigenvectors[0], M_SQRT1_2, M_SQRT1_2, EPS);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_GENERAL);

  analyze (0.3, 0.1, -0.1, 0.1, &r);
  g_assert_true (r.defective);
  g_assert_false (r.complex_eigenvalues);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], 0.2, EPS);
  g_assert_cmpfloat (r.eigenvalues_im[0], ==, 0.0);
  /* kernel of A - 0.2 I = [[0.1, 0.1], [-0.1, -0.1]] */
  assert_vector (r.eigenvectors[0], M_SQRT1_2, -M_SQRT1_2, EPS);

  /* ...while close but distinct eigenvalues of a symmetric matrix stay apart:
   * [[1, e], [e, 1]] has eigenvalues 1 +- e with eigenvectors (1, +-1) / sqrt 2. */
  analyze (1, 1e-14, 1e-14, 1, &r);
  g_assert_false (r.repeated_eigenvalue);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], 1.0 + 1e-14, 1e-16);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[1], 1.0 - 1e-14, 1e-16);
  assert_vector (r.eigenvectors[0], M_SQRT1_2, M_SQRT1_2, 1e-15);
  assert_vector (r.eigenvectors[1], M_SQRT1_2, -M_SQRT1_2, 1e-15);

  /* Eigenvalues a few ulps apart count as equal, but a diagonal matrix is
   * never defective: A - lambda I is within rounding noise of zero. */
  analyze (1, 0, 0, 1 + 1e-15, &r);
  g_assert_true (r.repeated_eigenvalue);
  g_assert_false (r.defective);
  assert_vector (r.eigenvectors[0], 1.0, 0.0, 0.0);
  assert_vector (r.eigenvectors[1], 0.0, 1.0, 0.0);

  /* A tiny shear is still a shear to the eigen-analysis (its one eigenvector
   * is exact), though the classification calls it the identity. */
  analyze (1, 1e-10, 0, 1, &r);
  g_assert_true (r.defective);
  g_assert_cmpuint (r.n_eigenvectors, ==, 1);
  assert_vector (r.eigenvectors[0], 1.0, 0.0, 0.0);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_IDENTITY);
}

static void
test_multiple_of_identity (void)
{
  SdLinmapAnalysis r;

  analyze (2.5, 0, 0, 2.5, &r);
  g_assert_true (r.repeated_eigenvalue);
  g_assert_false (r.defective);
  g_assert_cmpuint (r.n_eigenvectors, ==, 2);
  g_assert_cmpfloat (r.eigenvalues_re[0], ==, 2.5);
  g_assert_cmpfloat (r.eigenvalues_re[1], ==, 2.5);
  assert_vector (r.eigenvectors[0], 1.0, 0.0, 0.0);
  assert_vector (r.eigenvectors[1], 0.0, 1.0, 0.0);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SCALING);

  analyze (-1, 0, 0, -1, &r);
  g_assert_cmpfloat (r.eigenvalues_re[0], ==, -1.0);
  assert_vector (r.eigenvectors[1], 0.0, 1.0, 0.0);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_ROTATION);

  analyze (0, 0, 0, 0, &r);
  g_assert_cmpuint (r.rank, ==, 0);
  g_assert_cmpfloat (r.singular_values[0], ==, 0.0);
  g_assert_true (isinf (r.condition_number));
  g_assert_cmpfloat (r.u.a, ==, 1.0);
  g_assert_cmpfloat (r.u.d, ==, 1.0);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SINGULAR);
}

static void
test_singular (void)
{
  SdLinmapAnalysis r;

  analyze (1, 2, 2, 4, &r);

  g_assert_cmpfloat (r.determinant, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[1], 0.0, EPS);
  assert_vector (r.eigenvectors[0], 1.0 / sqrt (5.0), 2.0 / sqrt (5.0), EPS);
  assert_vector (r.eigenvectors[1], 2.0 / sqrt (5.0), -1.0 / sqrt (5.0), EPS);
  g_assert_cmpfloat_with_epsilon (r.singular_values[0], 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.singular_values[1], 0.0, EPS);
  g_assert_cmpuint (r.rank, ==, 1);
  /* numpy.linalg.cond reports 2.5e16 here, the ratio of rounding noise;
   * a rank-1 matrix is documented to give infinity. */
  g_assert_true (isinf (r.condition_number) && r.condition_number > 0);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SINGULAR);
}

typedef struct
{
  double m[4];
  double eigenvalues_re[2];
  double eigenvalues_im[2];
  double eigenvectors[2][2];
  double s[2];
  double u[4];
  double v[4];
  double cond;
} NumpyCase;

/* Reference values from NumPy 1.24 (LAPACK geev, gesdd), with the
 * eigenvalue order and the sign normalisation documented in linmap.h:
 *
 * import numpy as np
 * def first_pos(v):
 *     k = 0 if abs(v[0]) > 1e-9 else 1
 *     return v if v[k] > 0 else -v
 * for A in ([[2, 1], [1, 2]], [[0.5, -1.2], [0.8, 0.3]], [[0.9, 2.1], [-0.4, -1.3]],
 *           [[-1.7, 0.6], [2.4, 0.35]], [[1, 2], [2, 4]]):
 *     A = np.array(A, dtype=float)
 *     w, vec = np.linalg.eig(A)
 *     idx = sorted(range(2), key=lambda i: (-w[i].real, -w[i].imag))
 *     w, vec = w[idx], vec[:, idx]
 *     U, s, Vh = np.linalg.svd(A)
 *     V = Vh.T.copy()
 *     for i in range(2):
 *         if not np.array_equal(first_pos(V[:, i]), V[:, i]):
 *             V[:, i] *= -1; U[:, i] *= -1
 *     ev = ([first_pos(vec[:, i].real) for i in range(2)]
 *           if not np.iscomplexobj(w) or not w.imag.any() else [[0, 0], [0, 0]])
 *     print("{ { %r, %r, %r, %r }," % tuple(A.ravel()))
 *     print("  { %r, %r }, { %r, %r }," % (w[0].real, w[1].real, w[0].imag, w[1].imag))
 *     print("  { { %r, %r }, { %r, %r } }," % (ev[0][0], ev[0][1], ev[1][0], ev[1][1]))
 *     print("  { %r, %r }," % tuple(s))
 *     print("  { %r, %r, %r, %r }, { %r, %r, %r, %r }," % (tuple(U.ravel()) + tuple(V.ravel())))
 *     print("  %r }," % np.linalg.cond(A))
 */
static const NumpyCase numpy_cases[] = {
  { { 2.0, 1.0, 1.0, 2.0 },
    { 3.0, 1.0 }, { 0.0, 0.0 },
    { { 0.7071067811865475, 0.7071067811865475 }, { 0.7071067811865475, -0.7071067811865475 } },
    { 2.9999999999999996, 1.0000000000000002 },
    { 0.7071067811865472, 0.7071067811865472, 0.7071067811865475, -0.7071067811865476 },
    { 0.7071067811865476, 0.7071067811865475, 0.7071067811865475, -0.7071067811865476 },
    2.999999999999999 },
  { { 0.5, -1.2, 0.8, 0.3 },
    { 0.3999999999999999, 0.3999999999999999 }, { 0.9746794344808964, -0.9746794344808964 },
    { { 0, 0 }, { 0, 0 } },
    { 1.3006397591768797, 0.8534261636769218 },
    { 0.9991360663705617, -0.041558643836874465, 0.041558643836874354, 0.9991360663705618 },
    { 0.4096560515664819, 0.912240055804918, -0.912240055804918, 0.4096560515664819 },
    1.5240214262627854 },
  { { 0.9, 2.1, -0.4, -1.3 },
    { 0.40827625302982207, -0.808276253029822 }, { 0.0, 0.0 },
    { { 0.9736640601493919, -0.2279874952127885 }, { 0.7757475419324775, -0.6310433829664323 } },
    { 2.656042767563, 0.12424498732856813 },
    { 0.8598699299772032, 0.5105131766379778, -0.510513176637978, 0.8598699299772034 },
    { 0.36825017261755155, 0.9297267396214564, 0.9297267396214564, -0.36825017261755155 },
    21.377464191284005 },
  { { -1.7, 0.6, 2.4, 0.35 },
    { 0.9031714102086631, -2.253171410208662 }, { 0.0, 0.0 },
    { { 0.22459939030532738, 0.9744511859885415 }, { 0.7352153898355709, -0.6778335566707578 } },
    { 2.941762229902416, 0.6917622299024163 },
    { -0.5822364596170024, 0.813019498593151, 0.813019498593151, 0.5822364596170023 },
    { 0.9997574746447222, 0.022022531462288737, -0.022022531462288737, 0.9997574746447222 },
    4.252562662054268 },
  /* Singular: u2 and v2 belong to s2 = 0 (numpy's 2e-16 is noise), so the
   * sign of u2 relative to v2 is arbitrary and is not compared, nor is the
   * condition number (numpy's 2.5e16 against the documented infinity). */
  { { 1.0, 2.0, 2.0, 4.0 },
    { 5.0, 0.0 }, { 0.0, 0.0 },
    { { 0.4472135954999579, 0.8944271909999159 }, { 0.8944271909999159, -0.4472135954999579 } },
    { 5.000000000000001, 1.9860273225978183e-16 },
    { 0.44721359549995787, 0.8944271909999159, 0.8944271909999159, -0.447213595499958 },
    { 0.447213595499958, 0.894427190999916, 0.894427190999916, -0.447213595499958 },
    INFINITY },
};

static void
test_numpy (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (numpy_cases); n++)
    {
      const NumpyCase *ref = &numpy_cases[n];
      gboolean singular = isinf (ref->cond);
      SdLinmapAnalysis r;

      analyze (ref->m[0], ref->m[1], ref->m[2], ref->m[3], &r);

      for (guint i = 0; i < 2; i++)
        {
          g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[i], ref->eigenvalues_re[i], 1e-14);
          g_assert_cmpfloat_with_epsilon (r.eigenvalues_im[i], ref->eigenvalues_im[i], 1e-14);
          assert_vector (r.eigenvectors[i], ref->eigenvectors[i][0], ref->eigenvectors[i][1],
                         1e-14);
          g_assert_cmpfloat_with_epsilon (r.singular_values[i], ref->s[i], 1e-14);
        }

      g_assert_cmpfloat_with_epsilon (r.u.a, ref->u[0], 1e-14);
      g_assert_cmpfloat_with_epsilon (r.u.c, ref->u[2], 1e-14);
      g_assert_cmpfloat_with_epsilon (r.v.a, ref->v[0], 1e-14);
      g_assert_cmpfloat_with_epsilon (r.v.b, ref->v[1], 1e-14);
      g_assert_cmpfloat_with_epsilon (r.v.c, ref->v[2], 1e-14);
      g_assert_cmpfloat_with_epsilon (r.v.d, ref->v[3], 1e-14);
      if (!singular)
        {
          g_assert_cmpfloat_with_epsilon (r.u.b, ref->u[1], 1e-14);
          g_assert_cmpfloat_with_epsilon (r.u.d, ref->u[3], 1e-14);
          g_assert_cmpfloat_with_epsilon (r.condition_number, ref->cond, 1e-13 * ref->cond);
        }
    }
}

/* The identities every analysis must satisfy, for matrices of all kinds. */
static void
check_identities (const SdMat2 *m)
{
  const SdLinmapAnalysis *r;
  SdLinmapAnalysis analysis;
  double scale, s1, s2;
  const SdMat2 *u, *v;

  analyze (m->a, m->b, m->c, m->d, &analysis);
  r = &analysis;
  scale = MAX (1.0, MAX (MAX (fabs (m->a), fabs (m->b)), MAX (fabs (m->c), fabs (m->d))));
  s1 = r->singular_values[0];
  s2 = r->singular_values[1];
  u = &r->u;
  v = &r->v;

  g_assert_cmpfloat (s1, >=, s2);
  g_assert_cmpfloat (s2, >=, 0.0);

  /* trace = sum, det = product of the eigenvalues (complex pair: |lambda|^2) */
  g_assert_cmpfloat_with_epsilon (r->eigenvalues_re[0] + r->eigenvalues_re[1], r->trace,
                                  1e-13 * scale);
  g_assert_cmpfloat_with_epsilon (r->eigenvalues_re[0] * r->eigenvalues_re[1]
                                  + r->eigenvalues_im[0] * r->eigenvalues_im[0],
                                  r->determinant, 1e-13 * scale * scale);
  /* |det| = s1 s2 */
  g_assert_cmpfloat_with_epsilon (s1 * s2, fabs (r->determinant), 1e-13 * scale * scale);

  /* A v = lambda v for each reported eigenvector, which has unit length. */
  for (guint i = 0; i < r->n_eigenvectors; i++)
    {
      const double *x = r->eigenvectors[i];
      double ax[2];

      g_assert_cmpfloat_with_epsilon (hypot (x[0], x[1]), 1.0, 1e-15);
      g_assert_true (x[0] > SD_LINMAP_TOLERANCE || (fabs (x[0]) <= SD_LINMAP_TOLERANCE
                                                    && x[1] > 0));
      sd_mat2_apply (m, x, ax);
      /* A defective eigenvalue is only accurate to sqrt (eps) in general. */
      assert_vector (ax, r->eigenvalues_re[i] * x[0], r->eigenvalues_re[i] * x[1],
                     (r->defective ? 1e-7 : 1e-13) * scale);
    }

  /* A = U diag (s) V^T */
  g_assert_cmpfloat_with_epsilon (u->a * s1 * v->a + u->b * s2 * v->b, m->a, 1e-13 * scale);
  g_assert_cmpfloat_with_epsilon (u->a * s1 * v->c + u->b * s2 * v->d, m->b, 1e-13 * scale);
  g_assert_cmpfloat_with_epsilon (u->c * s1 * v->a + u->d * s2 * v->b, m->c, 1e-13 * scale);
  g_assert_cmpfloat_with_epsilon (u->c * s1 * v->c + u->d * s2 * v->d, m->d, 1e-13 * scale);

  /* U^T U = V^T V = I */
  for (guint k = 0; k < 2; k++)
    {
      const SdMat2 *q = k == 0 ? u : v;

      g_assert_cmpfloat_with_epsilon (q->a * q->a + q->c * q->c, 1.0, 1e-14);
      g_assert_cmpfloat_with_epsilon (q->b * q->b + q->d * q->d, 1.0, 1e-14);
      g_assert_cmpfloat_with_epsilon (q->a * q->b + q->c * q->d, 0.0, 1e-14);
    }

  if (r->rank == 2)
    g_assert_cmpfloat_with_epsilon (r->condition_number, s1 / s2, 1e-15 * s1 / s2);
  else
    g_assert_true (isinf (r->condition_number));

  /* The image of the unit circle: (p . u1 / s1)^2 + (p . u2 / s2)^2 = 1. */
  if (r->rank == 2)
    {
      const SdLinmapEllipse *e = &r->unit_circle_image;

      g_assert_cmpfloat (e->semi_axes[0], ==, s1);
      g_assert_cmpfloat (e->semi_axes[1], ==, s2);
      g_assert_cmpfloat (e->angle, >, -G_PI / 2);
      g_assert_cmpfloat (e->angle, <=, G_PI / 2);
      g_assert_cmpfloat_with_epsilon (fabs (cos (e->angle) * e->axes[0][0]
                                            + sin (e->angle) * e->axes[0][1]), 1.0, 1e-14);
      for (guint k = 0; k < 16; k++)
        {
          double t = k * G_PI / 8, p[2], q1, q2;

          sd_mat2_apply (m, (double[2]) { cos (t), sin (t) }, p);
          q1 = (p[0] * e->axes[0][0] + p[1] * e->axes[0][1]) / e->semi_axes[0];
          q2 = (p[0] * e->axes[1][0] + p[1] * e->axes[1][1]) / e->semi_axes[1];
          g_assert_cmpfloat_with_epsilon (q1 * q1 + q2 * q2, 1.0, 1e-12 * r->condition_number);
        }
    }

  /* Complex pair: each is a root of lambda^2 - trace lambda + det. */
  if (r->complex_eigenvalues)
    {
      double re = r->eigenvalues_re[0], im = r->eigenvalues_im[0];

      g_assert_cmpfloat (im, >, 0.0);
      g_assert_cmpfloat (r->eigenvalues_im[1], ==, -im);
      g_assert_cmpfloat_with_epsilon (re * re - im * im - r->trace * re + r->determinant, 0.0,
                                      1e-13 * scale * scale);
      g_assert_cmpfloat_with_epsilon (2 * re * im - r->trace * im, 0.0, 1e-13 * scale * scale);
    }
  else
    {
      g_assert_cmpfloat (r->eigenvalues_re[0], >=, r->eigenvalues_re[1]);
    }
}

static void
test_identities (void)
{
  static const SdMat2 fixed[] = {
    { 2, 1, 1, 2 }, { 0, -1, 1, 0 }, { 1, 1, 0, 1 }, { 1, 2, 2, 4 }, { 3, -1, 1, 1 },
    { 0.5, -1.2, 0.8, 0.3 }, { -1.7, 0.6, 2.4, 0.35 }, { 1, 0, 0, -1 }, { 0, 0, 0, 0 },
    { 1, 0, 0, 0 }, { 1, 1, 0, 0 }, { 2, 0, 0, 2 }, { 1e-5, 3, -2, 7e4 }, { 1e6, 1, 0, 1e-6 },
    { 1, 1e-10, 0, 1 }, { 0.5, -0.8660254037844386, 0.8660254037844386, 0.5 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    check_identities (&fixed[i]);

  for (guint i = 0; i < 2000; i++)
    {
      SdMat2 m = {
        g_rand_double_range (rand, -3, 3), g_rand_double_range (rand, -3, 3),
        g_rand_double_range (rand, -3, 3), g_rand_double_range (rand, -3, 3),
      };

      check_identities (&m);
    }
}

static void
test_classify (void)
{
  static const struct
  {
    SdMat2       m;
    SdLinmapKind kind;
  } cases[] = {
    { { 1, 0, 0, 1 }, SD_LINMAP_IDENTITY },
    { { 1 + 1e-12, 1e-12, 0, 1 }, SD_LINMAP_IDENTITY },
    { { 0, -1, 1, 0 }, SD_LINMAP_ROTATION },
    { { 0.6, -0.8, 0.8, 0.6 }, SD_LINMAP_ROTATION },
    { { -1, 0, 0, -1 }, SD_LINMAP_ROTATION },
    { { 1, 0, 0, -1 }, SD_LINMAP_REFLECTION },
    { { 0, 1, 1, 0 }, SD_LINMAP_REFLECTION },
    { { 0.6, 0.8, 0.8, -0.6 }, SD_LINMAP_REFLECTION },
    { { 1, 1, 0, 1 }, SD_LINMAP_SHEAR },
    { { 1, 0, -2.5, 1 }, SD_LINMAP_SHEAR },
    { { 2, 1, -1, 0 }, SD_LINMAP_SHEAR },
    { { 2, 0, 0, 3 }, SD_LINMAP_SCALING },
    { { 2, 1, 1, 2 }, SD_LINMAP_SCALING },
    { { 0.5, 0, 0, 0.5 }, SD_LINMAP_SCALING },
    { { 1, 0, 0, 0 }, SD_LINMAP_PROJECTION },
    { { 0.5, 0.5, 0.5, 0.5 }, SD_LINMAP_PROJECTION },
    { { 1, 1, 0, 0 }, SD_LINMAP_PROJECTION },
    { { 1, 2, 2, 4 }, SD_LINMAP_SINGULAR },
    { { 0, 1, 0, 0 }, SD_LINMAP_SINGULAR },
    { { 0, 0, 0, 0 }, SD_LINMAP_SINGULAR },
    { { 2, 0, 0, 0 }, SD_LINMAP_SINGULAR },
    { { 0.9, -0.5, 0.5, 0.9 }, SD_LINMAP_SPIRAL },
    { { 0.5, -0.5, 0.5, 0.5 }, SD_LINMAP_SPIRAL },
    { { 2, 0, 0, -1 }, SD_LINMAP_GENERAL },
    { { 2, 1, 0, 2 }, SD_LINMAP_GENERAL },
    { { 1, -2, 1, -1 }, SD_LINMAP_GENERAL },
    { { 0.9, 2.1, -0.4, -1.3 }, SD_LINMAP_GENERAL },
    { { 2, 1, 0, 3 }, SD_LINMAP_GENERAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SdMat2 *m = &cases[i].m;
      SdLinmapAnalysis r;

      analyze (m->a, m->b, m->c, m->d, &r);
      if (r.kind != cases[i].kind)
        g_error ("[[%g, %g], [%g, %g]]: %s, expected %s", m->a, m->b, m->c, m->d,
                 sd_linmap_kind_get_name (r.kind), sd_linmap_kind_get_name (cases[i].kind));
    }
}

static void
test_kind_names (void)
{
  SdLinmapKind kind;

  g_assert_cmpstr (sd_linmap_kind_get_name (SD_LINMAP_ROTATION), ==, "rotation");
  g_assert_cmpstr (sd_linmap_kind_get_name (SD_LINMAP_GENERAL), ==, "general");
  for (guint i = 0; i < SD_LINMAP_N_KINDS; i++)
    {
      g_assert_true (sd_linmap_kind_from_name (sd_linmap_kind_get_name (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (sd_linmap_kind_from_name ("Rotation", NULL));

  g_test_expect_message ("Saddle-Core", G_LOG_LEVEL_CRITICAL, "*kind < SD_LINMAP_N_KINDS*");
  g_assert_null (sd_linmap_kind_get_name (SD_LINMAP_N_KINDS));
  g_test_assert_expected_messages ();
}

static void
test_ellipse (void)
{
  SdLinmapAnalysis r;

  /* diag (3, 2) rotated by 30 degrees: R diag (3, 2) R^T, major axis at 30. */
  double c = cos (G_PI / 6), s = sin (G_PI / 6);

  analyze (3 * c * c + 2 * s * s, (3 - 2) * c * s, (3 - 2) * c * s, 3 * s * s + 2 * c * c, &r);
  g_assert_cmpfloat_with_epsilon (r.unit_circle_image.semi_axes[0], 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.unit_circle_image.semi_axes[1], 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (r.unit_circle_image.angle, G_PI / 6, EPS);
  assert_vector (r.unit_circle_image.axes[0], c, s, EPS);
  /* The second axis is v2 = (-s, c) signed first-component-positive, and
   * u2 = A v2 / s2 = v2 for a symmetric positive definite A. */
  assert_vector (r.unit_circle_image.axes[1], s, -c, EPS);

  /* A vertical stretch: the major axis is vertical, angle pi/2 exactly. */
  analyze (1, 0, 0, 4, &r);
  g_assert_cmpfloat (r.unit_circle_image.angle, ==, G_PI / 2);
  g_assert_cmpfloat (r.unit_circle_image.semi_axes[0], ==, 4.0);
}

static void
test_orbit (void)
{
  g_autoptr(GError) error = NULL;
  double theta = 2 * G_PI / 8;
  SdMat2 rotation = { cos (theta), -sin (theta), sin (theta), cos (theta) };
  SdMat2 saddle = { 2, 0, 0, 0.5 };
  double v[2] = { 0.3, -1.25 };
  double points[2 * (SD_LINMAP_MAX_ORBIT_STEPS + 1)];

  /* A rotation by 2 pi / 8 comes back after 8 steps, and every point stays
   * on the circle. */
  g_assert_true (sd_linmap_orbit (&rotation, v, 8, points, &error));
  g_assert_no_error (error);
  assert_vector (&points[0], v[0], v[1], 0.0);
  assert_vector (&points[16], v[0], v[1], 1e-14);
  for (guint i = 0; i <= 8; i++)
    g_assert_cmpfloat_with_epsilon (hypot (points[2 * i], points[2 * i + 1]), hypot (v[0], v[1]),
                                    1e-14);
  /* Halfway round, at the opposite point. */
  assert_vector (&points[8], -v[0], -v[1], 1e-14);

  /* Powers of two are exact: A^k v = (2^k x, 2^-k y). */
  g_assert_true (sd_linmap_orbit (&saddle, v, SD_LINMAP_MAX_ORBIT_STEPS, points, &error));
  for (guint k = 0; k <= SD_LINMAP_MAX_ORBIT_STEPS; k++)
    assert_vector (&points[2 * k], ldexp (v[0], k), ldexp (v[1], -(int) k), 0.0);

  /* k = 0 is just v. */
  points[2] = 42;
  g_assert_true (sd_linmap_orbit (&saddle, v, 0, points, &error));
  assert_vector (&points[0], v[0], v[1], 0.0);
  g_assert_cmpfloat (points[2], ==, 42);
}

static void
test_orbit_errors (void)
{
  g_autoptr(GError) error = NULL;
  SdMat2 identity = { 1, 0, 0, 1 };
  SdMat2 nan_matrix = { 1, NAN, 0, 1 };
  SdMat2 huge = { 1e200, 0, 0, 1 };
  double points[2 * (SD_LINMAP_MAX_ORBIT_STEPS + 2)];

  g_assert_false (sd_linmap_orbit (&identity, (double[2]) { 1, 0 },
                                   SD_LINMAP_MAX_ORBIT_STEPS + 1, points, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sd_linmap_orbit (&identity, (double[2]) { INFINITY, 0 }, 3, points, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "vector: must hold 2 finite numbers");
  g_clear_error (&error);

  g_assert_false (sd_linmap_orbit (&nan_matrix, (double[2]) { 1, 0 }, 3, points, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "matrix: must hold 4 finite numbers");
  g_clear_error (&error);

  /* 1e200 v, then 1e400: the second step overflows, the first is kept. */
  g_assert_false (sd_linmap_orbit (&huge, (double[2]) { 1, 0 }, 5, points, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC);
  g_assert_nonnull (strstr (error->message, "step 2"));
  g_assert_cmpfloat (points[2], ==, 1e200);
}

static void
test_invalid (void)
{
  for (guint i = 0; i < 4 * 3; i++)
    {
      g_autoptr(GError) error = NULL;
      double entries[4] = { 1, 2, 3, 4 };
      SdMat2 m;
      SdLinmapAnalysis r = { .trace = 42 };

      entries[i % 4] = (double[3]) { NAN, INFINITY, -INFINITY }[i / 4];
      m = (SdMat2) { entries[0], entries[1], entries[2], entries[3] };

      g_assert_false (sd_linmap_analyze (&m, &r, &error));
      g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "matrix: must hold 4 finite numbers");
      /* The output is only written on success. */
      g_assert_cmpfloat (r.trace, ==, 42);
    }
}

static void
test_extreme_scale (void)
{
  g_autoptr(GError) error = NULL;
  SdMat2 huge = { 1e300, 0, 0, 3e300 };
  SdLinmapAnalysis r;

  /* The determinant 3e600 does not fit in a double. */
  g_assert_false (sd_linmap_analyze (&huge, &r, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC);
  g_clear_error (&error);

  /* Large entries whose products (bc = 1e400) would overflow inside the
   * algorithms, though every answer fits: eigenvalues 2e200 and 0. */
  analyze (1e200, 1e200, 1e200, 1e200, &r);
  g_assert_cmpfloat (r.determinant, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[0], 2e200, 1e186);
  g_assert_cmpfloat_with_epsilon (r.eigenvalues_re[1], 0.0, 1e186);
  g_assert_cmpfloat_with_epsilon (r.singular_values[0], 2e200, 1e186);
  assert_vector (r.eigenvectors[0], M_SQRT1_2, M_SQRT1_2, EPS);
  g_assert_cmpuint (r.rank, ==, 1);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SINGULAR);

  /* Tiny entries: squares would underflow to 0 and make every matrix look
   * singular or defective without the scaling. */
  analyze (2e-200, 0, 0, 1e-200, &r);
  g_assert_false (r.repeated_eigenvalue);
  g_assert_cmpfloat (r.eigenvalues_re[0], ==, 2e-200);
  g_assert_cmpfloat (r.eigenvalues_re[1], ==, 1e-200);
  g_assert_cmpuint (r.rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (r.condition_number, 2.0, EPS);
  g_assert_cmpint (r.kind, ==, SD_LINMAP_SCALING);
}

static void
test_determinant (void)
{
  /* Kahan's algorithm recovers a determinant that the naive ad - bc loses:
   * with a = d = 1 + 2^-30 and b = c = 1, ad - bc = 2^-29 + 2^-60 exactly,
   * and ad rounds away the 2^-60. */
  double x = 1.0 + ldexp (1.0, -30);
  SdMat2 m = { x, 1.0, 1.0, x };

  g_assert_cmpfloat (sd_mat2_determinant (&m), ==, ldexp (1.0, -29) + ldexp (1.0, -60));
  g_assert_cmpfloat (sd_mat2_trace (&m), ==, 2 * x);
}

static void
test_interpolate (void)
{
  SdMat2 a = { 0.3, -2, 5, 0.7 };
  SdMat2 out;

  sd_mat2_interpolate (&a, 0.0, &out);
  g_assert_true (out.a == 1 && out.b == 0 && out.c == 0 && out.d == 1);

  sd_mat2_interpolate (&a, 1.0, &out);
  g_assert_true (out.a == a.a && out.b == a.b && out.c == a.c && out.d == a.d);

  sd_mat2_interpolate (&a, 0.25, &out);
  g_assert_cmpfloat_with_epsilon (out.a, 0.75 + 0.25 * 0.3, EPS);
  g_assert_cmpfloat (out.b, ==, -0.5);
  g_assert_cmpfloat (out.c, ==, 1.25);
  g_assert_cmpfloat_with_epsilon (out.d, 0.75 + 0.25 * 0.7, EPS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/linmap/eigen/symmetric", test_symmetric);
  g_test_add_func ("/core/linmap/eigen/rotation", test_rotation);
  g_test_add_func ("/core/linmap/eigen/quarter-turn", test_quarter_turn);
  g_test_add_func ("/core/linmap/eigen/shear", test_shear);
  g_test_add_func ("/core/linmap/eigen/defective-rounding", test_defective_rounding);
  g_test_add_func ("/core/linmap/eigen/multiple-of-identity", test_multiple_of_identity);
  g_test_add_func ("/core/linmap/singular", test_singular);
  g_test_add_func ("/core/linmap/numpy", test_numpy);
  g_test_add_func ("/core/linmap/identities", test_identities);
  g_test_add_func ("/core/linmap/classify", test_classify);
  g_test_add_func ("/core/linmap/kind-names", test_kind_names);
  g_test_add_func ("/core/linmap/ellipse", test_ellipse);
  g_test_add_func ("/core/linmap/orbit/values", test_orbit);
  g_test_add_func ("/core/linmap/orbit/errors", test_orbit_errors);
  g_test_add_func ("/core/linmap/errors/non-finite", test_invalid);
  g_test_add_func ("/core/linmap/errors/extreme-scale", test_extreme_scale);
  g_test_add_func ("/core/linmap/determinant", test_determinant);
  g_test_add_func ("/core/linmap/interpolate", test_interpolate);

  return g_test_run ();
}
