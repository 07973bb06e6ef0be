/* test-cli.c: the command line, which must work without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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
  g_assert_nonnull (strstr (result.out, "(.png, .svg, .pdf, .csv or .json)"));
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

static char *
write_scene (const char *dir,
             const char *name,
             const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_no_errno (g_remove (path));
    }
  g_assert_no_errno (g_rmdir (dir));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

#define TRANSFORM_SCENE "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=2;1;1;2\n"

static void
test_export_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("saddle-cli-XXXXXX", NULL);
  g_autofree char *scene = write_scene (dir, "map.saddle", TRANSFORM_SCENE "shear=0\n");
  g_autofree char *out = g_build_filename (dir, "map.CSV", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *warning = g_strdup_printf ("saddle: warning: %s: [Transform] shear: unknown key, "
                                              "ignored\n", scene);
  Result result = { 0 };

  run_saddle ((const char *[]) { "--export", out, scene, NULL }, &result);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.err, ==, warning);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "quantity,value\ndeterminant,3\ntrace,4\n"
                                        "eigenvalue1_re,3\neigenvalue1_im,0\n"));
  g_assert_cmpuint (count_files (dir), ==, 2);
  result_clear (&result);
  remove_dir (dir);
}

#define SURFACE_SCENE \
  "[Scene]\nversion=1\nkind=surface\n[Surface]\nfunction=custom\nexpression=0.5*x^2 + 5*y^2\n" \
  "[Run GD]\noptimizer=sgd\nlearning-rate=0.05\nstart=1;1\nsteps=4\n"
#define DISTRIBUTION_SCENE \
  "[Scene]\nversion=1\nkind=distribution\n[Distribution Prior]\nfamily=normal\nsd=2\n" \
  "interval=-2;2\n[Distribution Cauchy]\nfamily=cauchy\n"

/* `saddle --export OUT.json SCENE` for @text, read back with json-glib. */
static JsonObject *
export_json (const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("saddle-cli-XXXXXX", NULL);
  g_autofree char *scene = write_scene (dir, "scene.saddle", text);
  g_autofree char *out = g_build_filename (dir, "numbers.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Result result = { 0 };
  JsonObject *root;

  run_saddle ((const char *[]) { "--export", out, scene, NULL }, &result);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, ==, "");
  result_clear (&result);

  g_assert_true (json_parser_load_from_file (parser, out, &error));
  g_assert_no_error (error);
  root = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  remove_dir (dir);
  return root;
}

static double
nth (JsonObject *object,
     const char *key,
     guint       index)
{
  return json_array_get_double_element (json_object_get_array_member (object, key), index);
}

/* One scene of each kind, checked against closed forms: [[2, 1], [1, 2]]
 * has determinant 3 and eigenvalues 3 and 1; f = 0.5x² + 5y² has Hessian
 * eigenvalues 1 and 10 and stability bound 2/10; N(0, 2²) has
 * P(−2 ≤ X ≤ 2) = erf(1/√2), and a Cauchy no mean. */
static void
test_export_json (void)
{
  g_autoptr(JsonObject) map = export_json (TRANSFORM_SCENE);
  g_autoptr(JsonObject) surface = export_json (SURFACE_SCENE);
  g_autoptr(JsonObject) distributions = export_json (DISTRIBUTION_SCENE);
  JsonObject *transform = json_object_get_object_member (map, "transform");
  JsonObject *run, *curvature, *prior, *cauchy;
  JsonArray *list;

  g_assert_cmpstr (json_object_get_string_member (map, "kind"), ==, "transform");
  g_assert_cmpfloat (json_object_get_double_member (transform, "determinant"), ==, 3.0);
  list = json_object_get_array_member (transform, "eigenvalues");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (list, 0), "re"),
                     ==, 3.0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (
                                    json_array_get_object_element (list, 1), "re"), 1.0, 1e-15);

  g_assert_cmpstr (json_object_get_string_member (surface, "kind"), ==, "surface");
  run = json_array_get_object_element (json_object_get_array_member (surface, "runs"), 0);
  g_assert_cmpfloat (nth (json_object_get_object_member (run, "trajectory"), "y", 4), ==, 0.0625);
  curvature = json_object_get_object_member (json_object_get_object_member (run, "explain"),
                                             "curvature");
  g_assert_cmpfloat (json_object_get_double_member (curvature, "lambda_min"), ==, 1.0);
  g_assert_cmpfloat (json_object_get_double_member (curvature, "lambda_max"), ==, 10.0);
  g_assert_cmpfloat (json_object_get_double_member (curvature, "stability_bound"), ==, 0.2);

  g_assert_cmpstr (json_object_get_string_member (distributions, "kind"), ==, "distribution");
  list = json_object_get_array_member (distributions, "distributions");
  prior = json_array_get_object_element (list, 0);
  cauchy = json_array_get_object_element (list, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (
                                    json_object_get_object_member (prior, "interval"),
                                    "probability"), erf (1 / G_SQRT2), 1e-15);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (cauchy, "moments"),
                                              "mean"));
}

/* A failed export names the problem, exits non-zero, and neither creates
 * the output nor touches one that exists. */
static void
test_export_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("saddle-cli-XXXXXX", NULL);
  g_autofree char *good = write_scene (dir, "good.saddle", TRANSFORM_SCENE);
  g_autofree char *bad = write_scene (dir, "bad.saddle",
                                      "[Scene]\nversion=1\nkind=surface\n[Surface]\n"
                                      "function=booth\n[Run Adam]\noptimizer=adam\n"
                                      "start=0;0\nlearning-rate=nan\n");
  g_autofree char *kept = write_scene (dir, "kept.csv", "precious\n");
  g_autofree char *fresh = g_build_filename (dir, "fresh.csv", NULL);
  g_autofree char *image = g_build_filename (dir, "figure.gif", NULL);
  g_autofree char *numbers = g_build_filename (dir, "numbers.json", NULL);
  g_autofree char *yaml = g_build_filename (dir, "numbers.yaml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.saddle", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "figure.png", NULL);
  g_autofree char *contents = NULL;
  struct {
    const char *args[5];
    char       *message;
  } cases[] = {
    { { "--export", nowhere, good, NULL },
      g_strdup_printf ("saddle: %s: No such file or directory\n", nowhere) },
    { { "--export", kept, bad, NULL },
      g_strdup_printf ("saddle: %s: [Run Adam] learning-rate: must be a positive finite number, "
                       "got 'nan'\n", bad) },
    { { "--export", fresh, bad, NULL },
      g_strdup_printf ("saddle: %s: [Run Adam] learning-rate: must be a positive finite number, "
                       "got 'nan'\n", bad) },
    { { "--export", fresh, missing, NULL },
      g_strdup_printf ("saddle: %s: No such file or directory\n", missing) },
    { { "--export", image, good, NULL },
      g_strdup_printf ("saddle: %s: unsupported extension '.gif'; "
                       "use one of .png, .svg, .pdf, .csv, .json\n", image) },
    { { "--export", yaml, good, NULL },
      g_strdup_printf ("saddle: %s: unsupported extension '.yaml'; "
                       "use one of .png, .svg, .pdf, .csv, .json\n", yaml) },
    { { "--export", numbers, bad, NULL },
      g_strdup_printf ("saddle: %s: [Run Adam] learning-rate: must be a positive finite number, "
                       "got 'nan'\n", bad) },
    { { "--export", fresh, NULL },
      g_strdup ("saddle: --export needs a scene file: saddle --export OUT SCENE.saddle\n") },
    { { "--export", fresh, good, good },
      g_strdup ("saddle: --export takes one scene file, got 2\n") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result result = { 0 };

      run_saddle (cases[i].args, &result);
      g_assert_false (g_spawn_check_wait_status (result.status, NULL));
      g_assert_cmpstr (result.err, ==, cases[i].message);
      g_assert_cmpstr (result.out, ==, "");
      result_clear (&result);
      g_free (cases[i].message);
    }

  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (image, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (numbers, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (yaml, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious\n");
  g_assert_cmpuint (count_files (dir), ==, 3);
  remove_dir (dir);
}

/* The figure options: a PNG has size times scale pixels, and every bad
 * value is named in one line. */
static void
test_export_figure_options (void)
{
  g_autofree char *dir = g_dir_make_tmp ("saddle-cli-XXXXXX", NULL);
  g_autofree char *scene = write_scene (dir, "map.saddle", TRANSFORM_SCENE);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree guchar *data = NULL;
  struct {
    const char *args[4];
    const char *message;
  } bad[] = {
    { { "--size", "800", NULL }, "saddle: --size: expected WIDTHxHEIGHT in points from 1 to 20000, "
                                 "like 800x600, got '800'\n" },
    { { "--size", "0x600", NULL }, "saddle: --size: expected WIDTHxHEIGHT in points from 1 to 20000, "
                                   "like 800x600, got '0x600'\n" },
    { { "--scale", "9", NULL }, "saddle: --scale: expected a number above 0 and at most 8, got '9'\n" },
    { { "--scale", "two", NULL }, "saddle: --scale: expected a number above 0 and at most 8, "
                                  "got 'two'\n" },
    { { "--theme", "neon", NULL }, "saddle: --theme: expected light, dark or print, got 'neon'\n" },
  };
  Result result = { 0 };
  gsize length;

  run_saddle ((const char *[]) { "--export", png, scene, "--size", "300x200", "--scale", "1.5",
                                 "--theme", "print", "--transparent", NULL }, &result);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);
  g_assert_true (g_file_get_contents (png, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpuint ((data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19], ==, 450);
  g_assert_cmpuint ((data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23], ==, 300);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = g_build_filename (dir, "bad.png", NULL);

      run_saddle ((const char *[]) { "--export", out, scene, bad[i].args[0], bad[i].args[1], NULL },
                  &result);
      g_assert_false (g_spawn_check_wait_status (result.status, NULL));
      g_assert_cmpstr (result.err, ==, bad[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      result_clear (&result);
    }

  /* Figure options without --export would be silently ignored. */
  run_saddle ((const char *[]) { "--theme", "dark", NULL }, &result);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.err, ==, "saddle: --theme only applies with --export\n");
  result_clear (&result);

  remove_dir (dir);
}

/* A scene named on the command line that cannot be shown is one line on
 * stderr, the loader's message, and a failed exit, before any window:
 * these runs have no display, so getting as far as GTK would fail
 * differently. */
static void
test_open_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("saddle-cli-XXXXXX", NULL);
  g_autofree char *bad = write_scene (dir, "bad.saddle",
                                      "[Scene]\nversion=1\nkind=surface\n[Surface]\n"
                                      "function=booth\n[Run Adam]\noptimizer=adam\n"
                                      "start=0;0\nlearning-rate=nan\n");
  g_autofree char *transform = write_scene (dir, "map.saddle", TRANSFORM_SCENE);
  g_autofree char *missing = g_build_filename (dir, "missing.saddle", NULL);
  struct {
    const char *args[3];
    char       *message;
  } cases[] = {
    { { bad, NULL },
      g_strdup_printf ("saddle: %s: [Run Adam] learning-rate: must be a positive finite number, "
                       "got 'nan'\n", bad) },
    { { missing, NULL },
      g_strdup_printf ("saddle: %s: No such file or directory\n", missing) },
    { { dir, NULL },
      g_strdup_printf ("saddle: %s: is a folder, not a scene file\n", dir) },
    { { transform, NULL },
      g_strdup_printf ("saddle: %s: a transform scene; this version of Saddle cannot show it yet, "
                       "because the Transform page is not built\n", transform) },
    /* One bad file among good ones stops them all. */
    { { transform, bad, NULL },
      g_strdup_printf ("saddle: %s: a transform scene; this version of Saddle cannot show it yet, "
                       "because the Transform page is not built\n", transform) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result result = { 0 };

      run_saddle (cases[i].args, &result);
      g_assert_false (g_spawn_check_wait_status (result.status, NULL));
      g_assert_cmpstr (result.err, ==, cases[i].message);
      g_assert_cmpstr (result.out, ==, "");
      result_clear (&result);
      g_free (cases[i].message);
    }

  g_assert_cmpuint (count_files (dir), ==, 2);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/open/failures", test_open_failures);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/json", test_export_json);
  g_test_add_func ("/cli/export/failures", test_export_failures);
  g_test_add_func ("/cli/export/figure-options", test_export_figure_options);

  return g_test_run ();
}
