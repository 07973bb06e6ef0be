/* test-core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_log.h>

#include "core-error.h"

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

static void
test_error_domain (void)
{
  g_autoptr(GError) error = NULL;

  g_set_error (&error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID, "bad value");
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (g_quark_to_string (SD_CORE_ERROR), ==, "sd-core-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/init/gsl-errors-return", test_gsl_errors_return);
  g_test_add_func ("/core/error/domain", test_error_domain);

  return g_test_run ();
}
