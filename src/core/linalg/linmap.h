/* linmap.h: analysis of 2 x 2 linear maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SdMat2:
 * @a: row 0, column 0
 * @b: row 0, column 1
 * @c: row 1, column 0
 * @d: row 1, column 1
 *
 * A 2 x 2 matrix [[a, b], [c, d]], stored row-major. It maps the column
 * vector (x, y) to (a x + b y, c x + d y).
 */
typedef struct
{
  double a, b, c, d;
} SdMat2;

/**
 * SD_LINMAP_TOLERANCE:
 *
 * The tolerance of every yes/no decision in this module, 1e-9. Tests that
 * compare with a fixed matrix (identity, orthogonality, eigenvalue 1,
 * trace 1, modulus 1) use it as an absolute bound on the entries or numbers
 * involved; tests of size (rank, symmetry, positivity) use it relative to
 * s1, the largest singular value.
 *
 * Whether the two eigenvalues coincide, and whether A is then a multiple of
 * I, is decided differently, by rounding error rather than by this
 * tolerance: see #SdLinmapAnalysis.
 */
#define SD_LINMAP_TOLERANCE 1e-9

/**
 * SD_LINMAP_MAX_ORBIT_STEPS:
 *
 * The largest number of steps sd_linmap_orbit() accepts.
 */
#define SD_LINMAP_MAX_ORBIT_STEPS 50

/**
 * SdLinmapKind:
 * @SD_LINMAP_IDENTITY: max |A - I| <= tolerance.
 * @SD_LINMAP_ROTATION: orthogonal (max |A^T A - I| <= tolerance) with
 *   det > 0, and not the identity. Includes the half turn -I.
 * @SD_LINMAP_REFLECTION: orthogonal with det < 0.
 * @SD_LINMAP_SHEAR: a defective matrix whose repeated eigenvalue is 1
 *   (|trace / 2 - 1| <= tolerance); equivalently det 1, trace 2 and not the
 *   identity. [[1, k], [0, 1]] and its conjugates.
 * @SD_LINMAP_SCALING: symmetric (|b - c| <= tolerance * s1) and positive
 *   definite (smallest eigenvalue > tolerance * s1): real positive
 *   eigenvalues with orthogonal eigenvectors. Includes uniform scaling cI,
 *   c > 0, c != 1.
 * @SD_LINMAP_PROJECTION: rank 1 and A^2 = A. For a rank-1 matrix
 *   A^2 = trace(A) A, so this is tested as |trace - 1| <= tolerance. Both
 *   orthogonal and oblique projections.
 * @SD_LINMAP_SINGULAR: rank below 2 (s2 <= tolerance * s1, which includes
 *   the zero matrix) and not a projection.
 * @SD_LINMAP_SPIRAL: complex eigenvalues whose modulus differs from 1 by
 *   more than the tolerance: every orbit spirals in or out.
 * @SD_LINMAP_GENERAL: none of the above, for example a reflection combined
 *   with a stretch, diag (2, -1), a scaled shear [[2, 1], [0, 2]] or a
 *   rotation in a skewed basis (complex eigenvalues of modulus 1, not
 *   orthogonal).
 * @SD_LINMAP_N_KINDS: the number of kinds
 *
 * What a linear map does, decided in the order listed: the first kind whose
 * definition holds wins. The tolerance is #SD_LINMAP_TOLERANCE; s1 >= s2
 * are the singular values.
 */
typedef enum
{
  SD_LINMAP_IDENTITY,
  SD_LINMAP_ROTATION,
  SD_LINMAP_REFLECTION,
  SD_LINMAP_SHEAR,
  SD_LINMAP_SCALING,
  SD_LINMAP_PROJECTION,
  SD_LINMAP_SINGULAR,
  SD_LINMAP_SPIRAL,
  SD_LINMAP_GENERAL,
  SD_LINMAP_N_KINDS
} SdLinmapKind;

/**
 * SdLinmapEllipse:
 * @semi_axes: the semi-axis lengths, s1 >= s2 (the singular values)
 * @axes: unit directions of the semi-axes, @axes[i] = (x, y) is column i of U
 * @angle: the direction of @axes[0] measured from the x axis, in radians,
 *   within (-pi/2, pi/2]
 *
 * The image of the unit circle under A, an ellipse centred at the origin
 * (degenerate to a segment or a point when A is singular): A v_i = s_i u_i.
 */
typedef struct
{
  double semi_axes[2];
  double axes[2][2];
  double angle;
} SdLinmapEllipse;

/**
 * SdLinmapAnalysis:
 * @matrix: the matrix analysed
 * @determinant: ad - bc, computed with Kahan's fma algorithm so that it is
 *   correctly rounded to within an ulp or so even when the two products
 *   nearly cancel
 * @trace: a + d
 * @complex_eigenvalues: %TRUE when the eigenvalues are a complex-conjugate pair
 * @eigenvalues_re: real parts of the eigenvalues
 * @eigenvalues_im: imaginary parts of the eigenvalues
 * @repeated_eigenvalue: %TRUE when the two eigenvalues coincide; both are then
 *   reported as exactly trace / 2
 * @defective: %TRUE when the eigenvalue is repeated but A is not a multiple
 *   of I, so there is only one eigenvector direction (a shear, for example)
 * @n_eigenvectors: 2; 1 when @defective; 0 when @complex_eigenvalues
 * @eigenvectors: @eigenvectors[i] = (x, y) belongs to eigenvalue i. Unit
 *   length, signed so that the first non-zero component (|component| >
 *   #SD_LINMAP_TOLERANCE) is positive. When A is a multiple of I they are
 *   (1, 0) and (0, 1); when @defective both rows hold the one direction;
 *   when @complex_eigenvalues both are zero.
 * @u: left singular vectors as the columns of a rotation or reflection
 * @singular_values: s1 >= s2 >= 0
 * @v: right singular vectors as the columns, so that A = U diag (s) V^T
 * @rank: 2, 1 when s2 <= tolerance * s1, 0 for the zero matrix
 * @condition_number: s1 / s2, or infinity when @rank < 2
 * @kind: what the map does, see #SdLinmapKind
 * @unit_circle_image: the ellipse A maps the unit circle to
 *
 * Everything about a 2 x 2 matrix that the linear-map page shows.
 *
 * Eigenvalues come from GSL's gsl_eigen_nonsymmv() and are ordered by
 * descending real part, then descending imaginary part, so a complex pair is
 * (re + i im, re - i im) with im > 0. This is the order of the eigenvalue1 and
 * eigenvalue2 columns of exported tables.
 *
 * A double eigenvalue is ill-conditioned: rounding the entries by one ulp
 * splits it by about 1e-8, so GSL returns [[3, -1], [1, 1]] as 2 +- 2e-8 and
 * [[0.3, 0.1], [-0.1, 0.1]] as a complex pair with imaginary part 2e-9. The
 * eigenvalues are therefore declared equal when the discriminant
 * ((a - d) / 2)^2 + bc is zero to within its own rounding error, bounded by
 * 8 eps (|a - d| / 2 (|a| + |d|) + |bc|); this catches matrices that are
 * exactly defective in decimal notation but keeps close yet distinct
 * eigenvalues of a symmetric matrix such as [[1, 1e-14], [1e-14, 1]] apart.
 * A coinciding eigenvalue lambda is then reported as exactly trace / 2, and A
 * counts as the multiple lambda I when the squared entries of A - lambda I
 * are within that same bound (never defective if symmetric), as defective
 * otherwise ([[1, 1e-10], [0, 1]] is defective, while its kind is identity).
 *
 * The SVD comes from gsl_linalg_SV_decomp(). Singular vectors are unique
 * only up to sign, so each column of V is signed so that its first non-zero
 * component is positive and the same column of U is flipped with it; this
 * equals numpy.linalg.svd (U, s, Vh with V = Vh.T) after the same
 * normalisation. When s1 = s2 to rounding error (A is a multiple of an
 * orthogonal matrix, all directions are stretched alike) V is the identity and
 * the columns of U are those of A divided by s1 and s2; for the zero matrix
 * both are the identity.
 *
 * The matrix is scaled by a power of two (exactly) before the analysis, so
 * entries near the ends of the double range neither overflow nor underflow in
 * intermediate products.
 */
typedef struct
{
  SdMat2          matrix;
  double          determinant;
  double          trace;
  gboolean        complex_eigenvalues;
  double          eigenvalues_re[2];
  double          eigenvalues_im[2];
  gboolean        repeated_eigenvalue;
  gboolean        defective;
  guint           n_eigenvectors;
  double          eigenvectors[2][2];
  SdMat2          u;
  double          singular_values[2];
  SdMat2          v;
  guint           rank;
  double          condition_number;
  SdLinmapKind    kind;
  SdLinmapEllipse unit_circle_image;
} SdLinmapAnalysis;

double       sd_mat2_determinant      (const SdMat2     *m);
double       sd_mat2_trace            (const SdMat2     *m);
void         sd_mat2_apply            (const SdMat2     *m,
                                       const double      v[2],
                                       double            out[2]);
void         sd_mat2_interpolate      (const SdMat2     *m,
                                       double            t,
                                       SdMat2           *out);

gboolean     sd_linmap_analyze        (const SdMat2     *m,
                                       SdLinmapAnalysis *out,
                                       GError          **error);
gboolean     sd_linmap_orbit          (const SdMat2     *m,
                                       const double      v[2],
                                       guint             k,
                                       double           *points,
                                       GError          **error);

const char  *sd_linmap_kind_get_name  (SdLinmapKind      kind);
gboolean     sd_linmap_kind_from_name (const char       *name,
                                       SdLinmapKind     *kind);

G_END_DECLS
