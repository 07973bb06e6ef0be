/* test-cli.c: the command line, which must work without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/* Runs the built `saddle` with no display at all, as on a build server. */
static void
run_saddle (const char * const *args,
            Result             *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  const char *exe = g_getenv ("SADDLE_EXE");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
}

static void
test_version (void)
{
  Result result = { 0 };

  run_saddle ((const char *[]) { "--version", NULL }, &result);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);
}

static void
test_help (void)
{
  Result result = { 0 };

  run_saddle ((const char *[]) { "--help", NULL }, &result);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.out, "--version"));
  g_assert_nonnull (strstr (result.out, "Show the version and exit"));
  result_clear (&result);
}

static void
test_unknown_option (void)
{
  Result result = { 0 };

  run_saddle ((const char *[]) { "--no-such-option", NULL }, &result);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "--no-such-option"));
  result_clear (&result);
}

static void
test_file_refused (void)
{
  Result result = { 0 };

  run_saddle ((const char *[]) { "lesson.saddle", NULL }, &result);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "saddle: lesson.saddle: this version of Saddle cannot open scene files yet\n");
  result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/file-refused", test_file_refused);

  return g_test_run ();
}
