/* linmap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n-lib.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "core-error.h"
#include "linmap.h"
#include "names.h"

#define TOL SD_LINMAP_TOLERANCE

static const char * const kind_names[SD_LINMAP_N_KINDS] = {
  [SD_LINMAP_IDENTITY] = "identity",
  [SD_LINMAP_ROTATION] = "rotation",
  [SD_LINMAP_REFLECTION] = "reflection",
  [SD_LINMAP_SHEAR] = "shear",
  [SD_LINMAP_SCALING] = "scaling",
  [SD_LINMAP_PROJECTION] = "projection",
  [SD_LINMAP_SINGULAR] = "singular",
  [SD_LINMAP_SPIRAL] = "spiral",
  [SD_LINMAP_GENERAL] = "general",
};

static gboolean
check_matrix (const SdMat2  *m,
              GError       **error)
{
  if (isfinite (m->a) && isfinite (m->b) && isfinite (m->c) && isfinite (m->d))
    return TRUE;

  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               /* Translators: %s is the key matrix of the scene file; keep it
                * as it is */
               _("%s: must hold 4 finite numbers"), "matrix");
  return FALSE;
}

/**
 * sd_mat2_determinant:
 * @m: a matrix
 *
 * Computes ad - bc with Kahan's algorithm: the rounding error of bc is
 * recovered exactly by an fma and added back, so the result is accurate even
 * when ad and bc nearly cancel, which is exactly when the determinant matters
 * (is the map singular?).
 *
 * Returns: the determinant of @m
 */
double
sd_mat2_determinant (const SdMat2 *m)
{
  double bc, bc_error;

  g_return_val_if_fail (m != NULL, NAN);

  bc = m->b * m->c;
  bc_error = fma (-m->b, m->c, bc);

  return fma (m->a, m->d, -bc) + bc_error;
}

/**
 * sd_mat2_trace:
 * @m: a matrix
 *
 * Returns: a + d
 */
double
sd_mat2_trace (const SdMat2 *m)
{
  g_return_val_if_fail (m != NULL, NAN);

  return m->a + m->d;
}

/**
 * sd_mat2_apply:
 * @m: a matrix
 * @v: (array fixed-size=2): a vector (x, y)
 * @out: (out caller-allocates) (array fixed-size=2): where to store @m @v;
 *   may be @v itself
 *
 * Multiplies the column vector @v by @m.
 */
void
sd_mat2_apply (const SdMat2 *m,
               const double  v[2],
               double        out[2])
{
  double x, y;

  g_return_if_fail (m != NULL);
  g_return_if_fail (v != NULL);
  g_return_if_fail (out != NULL);

  x = m->a * v[0] + m->b * v[1];
  y = m->c * v[0] + m->d * v[1];
  out[0] = x;
  out[1] = y;
}

/**
 * sd_mat2_interpolate:
 * @m: a matrix A
 * @t: the animation parameter, 0 gives I and 1 gives A
 * @out: (out caller-allocates): where to store (1 - t) I + t A
 *
 * The straight path from the identity to A that the linear-map page animates.
 * Values of @t outside [0, 1] extrapolate along the same line, which easing
 * curves that overshoot rely on. The path may pass through singular matrices
 * (a half turn is the zero matrix at t = 1/2).
 */
void
sd_mat2_interpolate (const SdMat2 *m,
                     double        t,
                     SdMat2       *out)
{
  g_return_if_fail (m != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (isfinite (t));

  /* Written so that t = 0 and t = 1 give I and A exactly. */
  out->a = (1.0 - t) + t * m->a;
  out->b = t * m->b;
  out->c = t * m->c;
  out->d = (1.0 - t) + t * m->d;
}

/* Unit vectors are only defined up to sign; give them the sign that makes
 * the first clearly non-zero component positive, so that the same direction
 * always prints the same way. */
static gboolean
normalize_sign (double vec[2])
{
  gboolean flip;

  if (fabs (vec[0]) > TOL)
    flip = vec[0] < 0.0;
  else
    flip = vec[1] < 0.0;

  if (flip)
    {
      vec[0] = -vec[0];
      vec[1] = -vec[1];
    }

  return flip;
}

static void
normalize_length (double vec[2])
{
  double length = hypot (vec[0], vec[1]);

  vec[0] /= length;
  vec[1] /= length;
}

/* The exponent e such that the largest entry of m / 2^e lies in [0.5, 1). */
static int
scale_exponent (const SdMat2 *m)
{
  double largest = MAX (MAX (fabs (m->a), fabs (m->b)), MAX (fabs (m->c), fabs (m->d)));
  int e = 0;

  if (largest > 0.0)
    frexp (largest, &e);

  return e;
}

static SdMat2
mat2_ldexp (const SdMat2 *m,
            int           e)
{
  return (SdMat2) { ldexp (m->a, e), ldexp (m->b, e), ldexp (m->c, e), ldexp (m->d, e) };
}

/* Fills the singular values (of the scaled matrix w), U, V and the rank. */
static gboolean
compute_svd (const SdMat2      *w,
             SdLinmapAnalysis  *r,
             GError           **error)
{
  double u_data[4] = { w->a, w->b, w->c, w->d };
  double v_data[4], s[2], work_data[2];
  gsl_matrix_view u_view = gsl_matrix_view_array (u_data, 2, 2);
  gsl_matrix_view v_view = gsl_matrix_view_array (v_data, 2, 2);
  gsl_vector_view s_view = gsl_vector_view_array (s, 2);
  gsl_vector_view work_view = gsl_vector_view_array (work_data, 2);
  double u[2][2], v[2][2];
  int status;

  status = gsl_linalg_SV_decomp (&u_view.matrix, &v_view.matrix, &s_view.vector,
                                 &work_view.vector);
  if (status != GSL_SUCCESS)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                   /* Translators: the first %s is the key matrix of the scene
                    * file, keep it as it is; the second is GSL's reason, in
                    * English */
                   _("%s: singular value decomposition failed (%s)"),
                   "matrix", gsl_strerror (status));
      return FALSE;
    }
  g_assert (s[0] >= s[1] && s[1] >= 0.0);

  if (s[0] - s[1] <= 16 * DBL_EPSILON * s[0])
    {
      /* Every direction is stretched alike, so any V works; pick the one a
       * person expects and derive U from it (u_i = A v_i / s_i). The test is
       * at rounding level so that this U is still orthogonal to rounding. */
      for (guint i = 0; i < 2; i++)
        {
          v[i][0] = i == 0 ? 1.0 : 0.0;
          v[i][1] = i == 0 ? 0.0 : 1.0;
          u[i][0] = s[0] > 0.0 ? (i == 0 ? w->a : w->b) / s[i] : v[i][0];
          u[i][1] = s[0] > 0.0 ? (i == 0 ? w->c : w->d) / s[i] : v[i][1];
        }
    }
  else
    {
      for (guint i = 0; i < 2; i++)
        {
          double sign;

          v[i][0] = v_data[i];
          v[i][1] = v_data[2 + i];

          /* Flipping v_i and u_i together keeps A = U diag (s) V^T. */
          sign = normalize_sign (v[i]) ? -1.0 : 1.0;
          u[i][0] = sign * u_data[i];
          u[i][1] = sign * u_data[2 + i];
        }
    }

  r->u = (SdMat2) { u[0][0], u[1][0], u[0][1], u[1][1] };
  r->v = (SdMat2) { v[0][0], v[1][0], v[0][1], v[1][1] };
  r->singular_values[0] = s[0];
  r->singular_values[1] = s[1];

  if (s[0] == 0.0)
    r->rank = 0;
  else if (s[1] <= TOL * s[0])
    r->rank = 1;
  else
    r->rank = 2;

  r->condition_number = r->rank == 2 ? s[0] / s[1] : INFINITY;

  return TRUE;
}

/* The rounding noise in the discriminant ((a - d) / 2)^2 + bc of the
 * characteristic polynomial, computed from entries that may themselves be
 * rounded decimals. See SdLinmapAnalysis. */
static double
discriminant_noise (const SdMat2 *w)
{
  double f = (w->a - w->d) / 2.0;

  return 8.0 * DBL_EPSILON * (fabs (f) * (fabs (w->a) + fabs (w->d)) + fabs (w->b * w->c));
}

static gboolean
eigenvalues_coincide (const SdMat2 *w)
{
  double f = (w->a - w->d) / 2.0;

  return fabs (f * f + w->b * w->c) <= discriminant_noise (w);
}

/* A repeated eigenvalue lambda = trace / 2. N = A - lambda I = [[f, b],
 * [c, -f]] is either zero, and every vector is an eigenvector, or nilpotent
 * of rank 1 (N^2 = disc I = 0) and its kernel is the one eigenvector
 * direction. "Zero" means that the squares of its entries are within the
 * noise of the discriminant, which is exactly what made the eigenvalues
 * coincide for a symmetric matrix (there disc = f^2 + b^2): so a symmetric
 * matrix is never reported defective. */
static void
repeated_eigenvectors (const SdMat2     *w,
                       SdLinmapAnalysis *r)
{
  double f = (w->a - w->d) / 2.0;
  double largest = MAX (fabs (f), MAX (fabs (w->b), fabs (w->c)));
  double vec[2];

  r->repeated_eigenvalue = TRUE;

  if (largest * largest <= discriminant_noise (w))
    {
      r->n_eigenvectors = 2;
      r->eigenvectors[0][0] = 1.0;
      r->eigenvectors[1][1] = 1.0;
      return;
    }

  /* The kernel is perpendicular to the larger (better-determined) row. */
  if (hypot (f, w->b) >= hypot (w->c, f))
    {
      vec[0] = -w->b;
      vec[1] = f;
    }
  else
    {
      vec[0] = f;
      vec[1] = w->c;
    }
  normalize_length (vec);
  normalize_sign (vec);

  r->defective = TRUE;
  r->n_eigenvectors = 1;
  for (guint i = 0; i < 2; i++)
    {
      r->eigenvectors[i][0] = vec[0];
      r->eigenvectors[i][1] = vec[1];
    }
}

static gboolean
gsl_eigen (const SdMat2  *w,
           double         re[2],
           double         im[2],
           double         vec[2][2],
           GError       **error)
{
  double a_data[4] = { w->a, w->b, w->c, w->d };
  double eval_data[4], evec_data[8];
  gsl_matrix_view a_view = gsl_matrix_view_array (a_data, 2, 2);
  gsl_vector_complex_view eval = gsl_vector_complex_view_array (eval_data, 2);
  gsl_matrix_complex_view evec = gsl_matrix_complex_view_array (evec_data, 2, 2);
  gsl_eigen_nonsymmv_workspace *workspace;
  int status;

  workspace = gsl_eigen_nonsymmv_alloc (2);
  if (workspace == NULL)
    status = GSL_ENOMEM;
  else
    status = gsl_eigen_nonsymmv (&a_view.matrix, &eval.vector, &evec.matrix, workspace);
  g_clear_pointer (&workspace, gsl_eigen_nonsymmv_free);

  if (status != GSL_SUCCESS)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                   /* Translators: the first %s is the key matrix of the scene
                    * file, keep it as it is; the second is GSL's reason, in
                    * English */
                   _("%s: eigenvalue computation failed (%s)"),
                   "matrix", gsl_strerror (status));
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      gsl_complex z = gsl_vector_complex_get (&eval.vector, i);

      re[i] = GSL_REAL (z);
      im[i] = GSL_IMAG (z);
      /* Real parts of column i; only used when the eigenvalues are real,
       * and then the imaginary parts are zero. */
      vec[i][0] = GSL_REAL (gsl_matrix_complex_get (&evec.matrix, 0, i));
      vec[i][1] = GSL_REAL (gsl_matrix_complex_get (&evec.matrix, 1, i));
    }

  return TRUE;
}

/* Fills the eigenvalues (of the scaled matrix w) and the eigenvectors. */
static gboolean
compute_eigen (const SdMat2      *w,
               SdLinmapAnalysis  *r,
               GError           **error)
{
  double re[2], im[2], vec[2][2];
  guint first;

  /* GSL's answer for a double eigenvalue is rounding noise (see linmap.h),
   * so that case is settled in closed form. */
  if (eigenvalues_coincide (w))
    {
      r->eigenvalues_re[0] = r->eigenvalues_re[1] = (w->a + w->d) / 2.0;
      repeated_eigenvectors (w, r);
      return TRUE;
    }

  if (!gsl_eigen (w, re, im, vec, error))
    return FALSE;

  if (im[0] != 0.0 || im[1] != 0.0)
    {
      r->complex_eigenvalues = TRUE;
      r->eigenvalues_re[0] = r->eigenvalues_re[1] = re[0];
      r->eigenvalues_im[0] = fabs (im[0]);
      r->eigenvalues_im[1] = -fabs (im[0]);
      return TRUE;
    }

  first = re[0] >= re[1] ? 0 : 1;
  for (guint i = 0; i < 2; i++)
    {
      guint j = i == 0 ? first : 1 - first;

      r->eigenvalues_re[i] = re[j];
      r->eigenvectors[i][0] = vec[j][0];
      r->eigenvectors[i][1] = vec[j][1];
      normalize_length (r->eigenvectors[i]);
      normalize_sign (r->eigenvectors[i]);
    }
  r->n_eigenvectors = 2;

  return TRUE;
}

static gboolean
is_identity (const SdMat2 *m)
{
  return fabs (m->a - 1.0) <= TOL && fabs (m->b) <= TOL
         && fabs (m->c) <= TOL && fabs (m->d - 1.0) <= TOL;
}

static gboolean
is_orthogonal (const SdMat2 *m)
{
  /* A^T A = I, entry by entry. Overflow gives inf or NaN, which fail. */
  return fabs (m->a * m->a + m->c * m->c - 1.0) <= TOL
         && fabs (m->a * m->b + m->c * m->d) <= TOL
         && fabs (m->b * m->b + m->d * m->d - 1.0) <= TOL;
}

/* The definitions, and why this order is the documented one, are in
 * linmap.h: rotation, reflection, shear and scaling all have rank 2, so
 * testing rank first changes no answer. */
static SdLinmapKind
classify (const SdLinmapAnalysis *r)
{
  const SdMat2 *m = &r->matrix;
  double s1 = r->singular_values[0];

  if (is_identity (m))
    return SD_LINMAP_IDENTITY;

  if (r->rank < 2)
    return r->rank == 1 && fabs (r->trace - 1.0) <= TOL ? SD_LINMAP_PROJECTION
                                                          : SD_LINMAP_SINGULAR;

  if (is_orthogonal (m))
    return r->determinant > 0.0 ? SD_LINMAP_ROTATION : SD_LINMAP_REFLECTION;

  if (r->defective && fabs (r->eigenvalues_re[0] - 1.0) <= TOL)
    return SD_LINMAP_SHEAR;

  if (!r->complex_eigenvalues
      && fabs (m->b - m->c) <= TOL * s1
      && r->eigenvalues_re[1] > TOL * s1)
    return SD_LINMAP_SCALING;

  if (r->complex_eigenvalues
      && fabs (hypot (r->eigenvalues_re[0], r->eigenvalues_im[0]) - 1.0) > TOL)
    return SD_LINMAP_SPIRAL;

  return SD_LINMAP_GENERAL;
}

static void
fill_ellipse (SdLinmapAnalysis *r)
{
  SdLinmapEllipse *ellipse = &r->unit_circle_image;
  double angle;

  ellipse->semi_axes[0] = r->singular_values[0];
  ellipse->semi_axes[1] = r->singular_values[1];
  ellipse->axes[0][0] = r->u.a;
  ellipse->axes[0][1] = r->u.c;
  ellipse->axes[1][0] = r->u.b;
  ellipse->axes[1][1] = r->u.d;

  /* An axis has no arrow: fold its direction into a half-turn. */
  angle = atan2 (r->u.c, r->u.a);
  if (angle > G_PI / 2)
    angle -= G_PI;
  else if (angle <= -G_PI / 2)
    angle += G_PI;
  ellipse->angle = angle;
}

static void
unscale (SdLinmapAnalysis *r,
         int               e)
{
  for (guint i = 0; i < 2; i++)
    {
      r->eigenvalues_re[i] = ldexp (r->eigenvalues_re[i], e);
      r->eigenvalues_im[i] = ldexp (r->eigenvalues_im[i], e);
      r->singular_values[i] = ldexp (r->singular_values[i], e);
    }
}

static gboolean
results_are_finite (const SdLinmapAnalysis *r)
{
  gboolean finite = isfinite (r->determinant) && isfinite (r->trace);

  for (guint i = 0; i < 2; i++)
    finite = finite && isfinite (r->eigenvalues_re[i]) && isfinite (r->eigenvalues_im[i])
             && isfinite (r->singular_values[i]);

  return finite;
}

/**
 * sd_linmap_analyze:
 * @m: the matrix to analyse
 * @out: (out caller-allocates): where to store the analysis
 * @error: return location for a #GError
 *
 * Computes determinant, trace, eigenvalues and eigenvectors, the singular
 * value decomposition, condition number, kind and the image of the unit
 * circle of @m; see #SdLinmapAnalysis for the conventions.
 *
 * Fails with %SD_CORE_ERROR_INVALID when an entry of @m is not finite, and
 * with %SD_CORE_ERROR_NUMERIC when GSL fails or a result (such as the
 * determinant of a matrix with entries near 1e200) does not fit in a double.
 * @out is only written on success.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_linmap_analyze (const SdMat2      *m,
                   SdLinmapAnalysis  *out,
                   GError           **error)
{
  SdLinmapAnalysis r = { 0, };
  SdMat2 w;
  int e;

  g_return_val_if_fail (m != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_matrix (m, error))
    return FALSE;

  /* Work on an exactly rescaled copy with entries below 1, so that squares
   * and products inside the algorithms neither overflow nor underflow. */
  e = scale_exponent (m);
  w = mat2_ldexp (m, -e);

  r.matrix = *m;
  r.determinant = ldexp (sd_mat2_determinant (&w), 2 * e);
  r.trace = sd_mat2_trace (m);

  if (!compute_svd (&w, &r, error) || !compute_eigen (&w, &r, error))
    return FALSE;

  unscale (&r, e);
  if (!results_are_finite (&r))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                   /* Translators: %s is the key matrix of the scene file; keep
                    * it as it is. Double precision is the 64-bit floating-point
                    * format the numbers are computed in. */
                   _("%s: entries too large to analyze in double precision"), "matrix");
      return FALSE;
    }

  r.kind = classify (&r);
  fill_ellipse (&r);

  *out = r;
  return TRUE;
}

/**
 * sd_linmap_orbit:
 * @m: the matrix A
 * @v: (array fixed-size=2): the starting vector v
 * @k: the number of steps, 0 to #SD_LINMAP_MAX_ORBIT_STEPS
 * @points: (out caller-allocates) (array): room for 2 (@k + 1) doubles,
 *   filled with the points v, A v, ..., A^k v as (x, y) pairs
 * @error: return location for a #GError
 *
 * Iterates the map from @v. Fails with %SD_CORE_ERROR_INVALID for a
 * non-finite @m or @v or too many steps, and with %SD_CORE_ERROR_NUMERIC when
 * the orbit grows beyond the range of doubles; the points before that step
 * are filled in even then.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_linmap_orbit (const SdMat2  *m,
                 const double   v[2],
                 guint          k,
                 double        *points,
                 GError       **error)
{
  g_return_val_if_fail (m != NULL, FALSE);
  g_return_val_if_fail (v != NULL, FALSE);
  g_return_val_if_fail (points != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_matrix (m, error))
    return FALSE;

  if (!isfinite (v[0]) || !isfinite (v[1]))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the key vector of the scene file; keep
                    * it as it is */
                   _("%s: must hold 2 finite numbers"), "vector");
      return FALSE;
    }

  if (k > SD_LINMAP_MAX_ORBIT_STEPS)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the key orbit of the scene file; keep it
                    * as it is. %d is the most steps allowed. */
                   _("%s: the number of steps must lie between 0 and %d"),
                   "orbit", SD_LINMAP_MAX_ORBIT_STEPS);
      return FALSE;
    }

  points[0] = v[0];
  points[1] = v[1];
  for (guint i = 1; i <= k; i++)
    {
      double *next = &points[2 * i];

      sd_mat2_apply (m, &points[2 * (i - 1)], next);
      if (!isfinite (next[0]) || !isfinite (next[1]))
        {
          g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                       /* Translators: %s is the key orbit of the scene file;
                        * keep it as it is. %u is the step, counted from 1.
                        * Double precision is the 64-bit floating-point format
                        * the numbers are computed in. */
                       _("%s: leaves the range of double precision at step %u"),
                       "orbit", i);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sd_linmap_kind_get_name:
 * @kind: a kind of linear map
 *
 * The name is a stable identifier ("rotation", "shear", ...) for files and
 * for the user interface to translate; it is not meant to be shown as is.
 *
 * Returns: (transfer none): the identifier of @kind
 */
const char *
sd_linmap_kind_get_name (SdLinmapKind kind)
{
  g_return_val_if_fail (kind < SD_LINMAP_N_KINDS, NULL);

  return kind_names[kind];
}

/**
 * sd_linmap_kind_from_name:
 * @name: an identifier such as "rotation"
 * @kind: (out) (optional): where to store the kind
 *
 * Returns: %TRUE if @name is the identifier of a kind
 */
gboolean
sd_linmap_kind_from_name (const char   *name,
                          SdLinmapKind *kind)
{
  guint index;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!sd_name_find (kind_names, SD_LINMAP_N_KINDS, name, &index))
    return FALSE;

  if (kind != NULL)
    *kind = index;
  return TRUE;
}
