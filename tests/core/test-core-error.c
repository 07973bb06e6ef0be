/* test-core-error.c: the engine's error domain and how GSL errors reach it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_log.h>

#include "core-error.h"
#include "distribution.h"
#include "expr.h"
#include "grid.h"
#include "histogram.h"
#include "linmap.h"
#include "optimizer.h"
#include "surface.h"

/* With GSL's default handler a domain error aborts the process; after
 * sd_core_init() it must come back as a status code instead. */
static void
test_gsl_errors_return (void)
{
  gsl_sf_result result;
  int status;

  sd_core_init ();
  sd_core_init ();

  status = gsl_sf_log_e (-1.0, &result);
  g_assert_cmpint (status, ==, GSL_EDOM);

  status = gsl_sf_log_e (M_E, &result);
  g_assert_cmpint (status, ==, GSL_SUCCESS);
  g_assert_cmpfloat_with_epsilon (result.val, 1.0, 1e-15);
}

/* The domain is registered under a fixed name, so that an error that
 * crossed a process or a log line can be recognized again, and the quark
 * is the same on every call. */
static void
test_quark (void)
{
  GQuark quark = sd_core_error_quark ();

  g_assert_cmpuint (quark, !=, 0);
  g_assert_cmpuint (sd_core_error_quark (), ==, quark);
  g_assert_cmpuint (SD_CORE_ERROR, ==, quark);
  g_assert_cmpstr (g_quark_to_string (quark), ==, "sd-core-error-quark");
  g_assert_cmpuint (g_quark_try_string ("sd-core-error-quark"), ==, quark);

  /* Codes are distinct, and stay what the documentation lists. */
  g_assert_cmpint (SD_CORE_ERROR_PARSE, ==, 0);
  g_assert_cmpint (SD_CORE_ERROR_INVALID, ==, 1);
  g_assert_cmpint (SD_CORE_ERROR_NUMERIC, ==, 2);
}

/* Text that cannot be read as an expression is a parse error. */
static void
test_parse_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdExpr) expr = sd_expr_parse ("1 +", &error);

  g_assert_null (expr);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "unexpected end of expression at column 4");
}

/* Values out of range, from every module that takes them, are
 * SD_CORE_ERROR_INVALID. */
static void
test_invalid_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdExpr) expr = sd_expr_parse ("x", NULL);
  SdOptimizerParams optimizer_params;
  SdSurfaceParams surface_params;
  SdGridSpec grid_spec = { .xmin = 0, .xmax = 1, .ymin = 0, .ymax = 1, .n = 1, .n_threads = 1 };
  SdOptimizerKind kind;
  SdMat2 identity = { 1, 0, 0, 1 };
  double orbit[4];

  sd_optimizer_params_init (&optimizer_params, SD_OPTIMIZER_ADAM);
  g_assert_false (sd_optimizer_params_set (&optimizer_params, "beta1", 1.0, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sd_optimizer_kind_from_name ("adamax", &kind, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  sd_surface_params_init (&surface_params);
  g_assert_false (sd_surface_params_set (&surface_params, "noise", -1.0, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (sd_distribution_new (SD_FAMILY_NORMAL, (double[]) { 0, -1 }, 2, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (sd_histogram_new (1.0, 0.0, 10, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (sd_grid_compute_expr (expr, &grid_spec, NULL, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sd_linmap_orbit (&identity, (double[]) { NAN, 0 }, 1, orbit, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
}

/* A computation that fails on valid input is SD_CORE_ERROR_NUMERIC: an
 * orbit that outgrows double precision. */
static void
test_numeric_code (void)
{
  g_autoptr(GError) error = NULL;
  SdMat2 stretch = { 1e200, 0, 0, 1 };
  double orbit[6];

  g_assert_false (sd_linmap_orbit (&stretch, (double[]) { 1, 1 }, 2, orbit, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC);
  g_assert_cmpstr (error->message, ==,
                   "orbit: leaves the range of double precision at step 2");
  /* The points before the failing step are there. */
  g_assert_cmpfloat (orbit[2], ==, 1e200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/init/gsl-errors-return", test_gsl_errors_return);
  g_test_add_func ("/core/error/domain", test_quark);
  g_test_add_func ("/core/error/parse", test_parse_code);
  g_test_add_func ("/core/error/invalid", test_invalid_code);
  g_test_add_func ("/core/error/numeric", test_numeric_code);

  return g_test_run ();
}
