/* test-scene-json.c: the JSON export, read back with json-glib and held to
 * the CSV export and to closed forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "bivariate.h"
#include "distribution.h"
#include "explain.h"
#include "scene.h"
#include "scene-surface.h"

#define SURFACE_HEADER "[Scene]\nversion=1\nkind=surface\n"
#define TRANSFORM_HEADER "[Scene]\nversion=1\nkind=transform\n"
#define DISTRIBUTION_HEADER "[Scene]\nversion=1\nkind=distribution\n"

/* Reading ------------------------------------------------------------- */

static SdScene *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdScene *scene = sd_scene_load_data (text, strlen (text), "lesson.saddle", &error);

  g_assert_no_error (error);
  return scene;
}

/* The scene's JSON, parsed; the text must be one object ending in a line
 * break, with no NaN or infinity in it. */
static JsonObject *
export (const SdScene *scene)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonNode *root;
  gsize length;

  text = sd_scene_to_json (scene, NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_suffix (text, "}\n"));

  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_cmpint (JSON_NODE_TYPE (root), ==, JSON_NODE_OBJECT);
  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
member (JsonObject *object,
        const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    g_error ("no member '%s'", key);
  return node;
}

static JsonObject *
object_at (JsonObject *object,
           const char *key)
{
  JsonNode *node = member (object, key);

  g_assert_cmpint (JSON_NODE_TYPE (node), ==, JSON_NODE_OBJECT);
  return json_node_get_object (node);
}

static JsonArray *
array_at (JsonObject *object,
          const char *key)
{
  JsonNode *node = member (object, key);

  g_assert_cmpint (JSON_NODE_TYPE (node), ==, JSON_NODE_ARRAY);
  return json_node_get_array (node);
}

static double
node_number (JsonNode *node)
{
  g_assert_cmpint (JSON_NODE_TYPE (node), ==, JSON_NODE_VALUE);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE
                 || json_node_get_value_type (node) == G_TYPE_INT64);
  return json_node_get_double (node);
}

static double
number (JsonObject *object,
        const char *key)
{
  return node_number (member (object, key));
}

static double
element (JsonArray *array,
         guint      index)
{
  g_assert_cmpuint (index, <, json_array_get_length (array));
  return node_number (json_array_get_element (array, index));
}

static double
pair_element (JsonObject *object,
              const char *key,
              guint       index)
{
  JsonArray *pair = array_at (object, key);

  g_assert_cmpuint (json_array_get_length (pair), ==, 2);
  return element (pair, index);
}

static double
matrix_entry (JsonObject *object,
              const char *key,
              guint       row,
              guint       column)
{
  JsonArray *rows = array_at (object, key);

  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  return element (json_array_get_array_element (rows, row), column);
}

static void
assert_null (JsonObject *object,
             const char *key)
{
  g_assert_true (JSON_NODE_HOLDS_NULL (member (object, key)));
}

/* The CSV export's rows, each split at its commas (the names in these
 * tests hold none), the header left out. */
static GPtrArray *
csv_rows (const SdScene *scene)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = sd_scene_to_csv (scene, NULL, NULL, &error);
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));

  return rows;
}

static const char *
csv_text (GPtrArray *rows,
          guint      row,
          guint      column)
{
  return ((char **) g_ptr_array_index (rows, row))[column];
}

static double
csv_number (GPtrArray *rows,
            guint      row,
            guint      column)
{
  return g_ascii_strtod (csv_text (rows, row, column), NULL);
}

/* Numbers ------------------------------------------------------------- */

/* json-glib 1.6 writes 1e+30 as "1e+30.0"; the export must still parse,
 * give back exactly the doubles computed, and leave strings alone. */
static void
test_numbers_round_trip (void)
{
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "title=1e+21.0 \"quoted\" \\\\ back\n"
                                   "[Surface]\nfunction=custom\nexpression=x^2 + y^2\n"
                                   "x-range=-1e+30;1e-300\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(SdScene) map = load (TRANSFORM_HEADER "[Transform]\nmatrix=1e30;0;0;1e-300\n");
  g_autoptr(JsonObject) map_json = export (map);
  JsonObject *transform = object_at (map_json, "transform");
  g_autofree char *text = sd_scene_to_json (map, NULL, NULL, NULL);

  g_assert_cmpstr (json_object_get_string_member (json, "title"), ==,
                   "1e+21.0 \"quoted\" \\ back");
  g_assert_cmpfloat (pair_element (object_at (json, "surface"), "x_range", 0), ==, -1e30);
  g_assert_cmpfloat (pair_element (object_at (json, "surface"), "x_range", 1), ==, 1e-300);

  g_assert_cmpfloat (matrix_entry (transform, "matrix", 0, 0), ==, 1e30);
  g_assert_cmpfloat (matrix_entry (transform, "matrix", 1, 1), ==, 1e-300);
  g_assert_cmpfloat (number (transform, "trace"), ==, 1e30);
  g_assert_null (strstr (text, "e+30.0"));
  g_assert_false (g_regex_match_simple ("[:,\\[]\\s*-?(nan|inf)", text, 0, 0));
}

static void
test_header (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER "title=Priors\n"
                                   "[Distribution Prior]\nfamily=normal\n");
  g_autoptr(SdScene) untitled = load (SURFACE_HEADER "step=7\n[Surface]\nfunction=himmelblau\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(JsonObject) other = export (untitled);

  g_assert_cmpint (json_object_get_int_member (json, "format_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json, "generator"), ==,
                   PACKAGE_NAME " " PACKAGE_VERSION);
  g_assert_cmpstr (json_object_get_string_member (json, "kind"), ==, "distribution");
  g_assert_cmpstr (json_object_get_string_member (json, "title"), ==, "Priors");
  assert_null (json, "step");

  g_assert_cmpstr (json_object_get_string_member (other, "kind"), ==, "surface");
  assert_null (other, "title");
  g_assert_cmpint (json_object_get_int_member (other, "step"), ==, 7);
  g_assert_cmpuint (json_array_get_length (array_at (other, "runs")), ==, 0);
}

/* Surfaces ------------------------------------------------------------ */

#define QUADRATIC_SCENE \
  SURFACE_HEADER "step=3\n" \
  "[Surface]\nfunction=custom\nexpression=0.5*x^2 + 5*y^2\n" \
  "[Run GD]\noptimizer=sgd\nlearning-rate=0.05\nstart=1;1\nsteps=6\n" \
  "[Run Heavy ball]\noptimizer=momentum\nlearning-rate=0.05\nstart=1;1\nsteps=6\n" \
  "[Run Adam]\noptimizer=adam\nlearning-rate=0.1\nstart=-1;0.5\nsteps=6\n" \
  "[Run Short]\noptimizer=sgd\nlearning-rate=0.05\nstart=1;1\nsteps=2\n"

/* Every point of every run is the CSV's row, to the last bit. */
static void
test_surface_trajectories (void)
{
  g_autoptr(SdScene) scene = load (QUADRATIC_SCENE);
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GPtrArray) rows = csv_rows (scene);
  static const char * const columns[] = { "step", "x", "y", "loss", "grad_x", "grad_y" };
  JsonArray *runs = array_at (json, "runs");
  guint row = 0;

  g_assert_cmpuint (json_array_get_length (runs), ==, 4);
  for (guint r = 0; r < json_array_get_length (runs); r++)
    {
      JsonObject *run = json_array_get_object_element (runs, r);
      JsonObject *trajectory = object_at (run, "trajectory");
      guint n = json_array_get_length (array_at (trajectory, "step"));

      g_assert_cmpuint (n, ==, json_object_get_int_member (run, "steps") + 1);
      for (guint k = 0; k < n; k++, row++)
        {
          g_assert_cmpstr (csv_text (rows, row, 0), ==,
                           json_object_get_string_member (run, "name"));
          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            {
              JsonArray *column = array_at (trajectory, columns[c]);

              g_assert_cmpuint (json_array_get_length (column), ==, n);
              g_assert_cmpfloat (element (column, k), ==, csv_number (rows, row, c + 1));
            }
        }
    }
  g_assert_cmpuint (row, ==, rows->len);
}

static void
test_surface_runs (void)
{
  g_autoptr(SdScene) scene = load (QUADRATIC_SCENE);
  g_autoptr(JsonObject) json = export (scene);
  JsonObject *surface = object_at (json, "surface");
  JsonObject *adam = json_array_get_object_element (array_at (json, "runs"), 2);
  JsonObject *hyperparameters = object_at (adam, "hyperparameters");

  g_assert_cmpstr (json_object_get_string_member (surface, "function"), ==, "custom");
  g_assert_cmpstr (json_object_get_string_member (surface, "expression"), ==,
                   "0.5*x^2 + 5*y^2");
  g_assert_cmpuint (json_object_get_size (object_at (surface, "parameters")), ==, 0);

  g_assert_cmpstr (json_object_get_string_member (adam, "name"), ==, "Adam");
  g_assert_cmpstr (json_object_get_string_member (adam, "optimizer"), ==, "adam");
  g_assert_cmpfloat (number (hyperparameters, "learning_rate"), ==, 0.1);
  g_assert_cmpfloat (number (hyperparameters, "beta2"), ==, 0.999);
  g_assert_cmpfloat (number (hyperparameters, "weight_decay"), ==, 0.0);
  g_assert_false (json_object_has_member (hyperparameters, "batch_size"));
  g_assert_cmpfloat (pair_element (adam, "start", 0), ==, -1.0);
  g_assert_true (json_object_get_boolean_member (adam, "visible"));
  g_assert_cmpstr (json_object_get_string_member (adam, "status"), ==, "completed");
  g_assert_cmpint (json_object_get_int_member (adam, "ended_at"), ==,
                   json_object_get_int_member (adam, "steps"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (adam, "end"), "completed "));
  assert_null (adam, "message");
  assert_null (adam, "diverged_at");
}

/* The regression surfaces' dataset keys and minibatches, as whole numbers. */
static void
test_surface_parameters (void)
{
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "[Surface]\nfunction=linear-regression\ndataset-size=50\n"
                                   "noise=0.25\nseed=4\n"
                                   "[Run SGD]\noptimizer=sgd\nbatch-size=8\nseed=2\nsteps=3\n"
                                   "start=0;0\n");
  g_autoptr(JsonObject) json = export (scene);
  JsonObject *parameters = object_at (object_at (json, "surface"), "parameters");
  JsonObject *run = json_array_get_object_element (array_at (json, "runs"), 0);
  JsonObject *hyperparameters = object_at (run, "hyperparameters");

  g_assert_cmpint (json_object_get_int_member (parameters, "dataset_size"), ==, 50);
  g_assert_cmpfloat (number (parameters, "noise"), ==, 0.25);
  g_assert_cmpint (json_object_get_int_member (parameters, "seed"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (hyperparameters, "batch_size"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (hyperparameters, "seed"), ==, 2);
  assert_null (object_at (json, "surface"), "expression");
}

static void
assert_curvature (JsonObject *explain)
{
  JsonObject *curvature = object_at (explain, "curvature");

  g_assert_cmpfloat (matrix_entry (explain, "hessian", 0, 0), ==, 1.0);
  g_assert_cmpfloat (matrix_entry (explain, "hessian", 0, 1), ==, 0.0);
  g_assert_cmpfloat (matrix_entry (explain, "hessian", 1, 0), ==, 0.0);
  g_assert_cmpfloat (matrix_entry (explain, "hessian", 1, 1), ==, 10.0);
  g_assert_cmpfloat (number (curvature, "lambda_min"), ==, 1.0);
  g_assert_cmpfloat (number (curvature, "lambda_max"), ==, 10.0);
  g_assert_cmpfloat_with_epsilon (fabs (pair_element (curvature, "eigenvector_min", 0)), 1.0,
                                  1e-15);
  g_assert_cmpfloat_with_epsilon (fabs (pair_element (curvature, "eigenvector_max", 1)), 1.0,
                                  1e-15);
  g_assert_cmpfloat (number (curvature, "condition_number"), ==, 10.0);
  g_assert_cmpfloat (number (curvature, "stability_bound"), ==, 0.2);
  g_assert_true (json_object_get_boolean_member (curvature, "convex"));
}

/* At the scene's step 3, gradient descent with η = 0.05 on
 * f = 0.5 x² + 5 y² is at (0.95³, 0.5³); −η∇f = (−0.05 x, −0.5 y). */
static void
test_surface_explain (void)
{
  g_autoptr(SdScene) scene = load (QUADRATIC_SCENE);
  g_autoptr(JsonObject) json = export (scene);
  JsonArray *runs = array_at (json, "runs");
  JsonObject *gd = object_at (json_array_get_object_element (runs, 0), "explain");
  JsonObject *ball = object_at (json_array_get_object_element (runs, 1), "explain");
  JsonObject *adam = object_at (json_array_get_object_element (runs, 2), "explain");
  JsonObject *shorter = object_at (json_array_get_object_element (runs, 3), "explain");
  double x = pow (0.95, 3), y = 0.125;

  g_assert_cmpint (json_object_get_int_member (gd, "step"), ==, 3);
  g_assert_cmpfloat_with_epsilon (pair_element (gd, "position", 0), x, 1e-15);
  g_assert_cmpfloat (pair_element (gd, "position", 1), ==, y);
  g_assert_cmpfloat_with_epsilon (number (gd, "loss"), 0.5 * x * x + 5 * y * y, 1e-15);
  g_assert_cmpfloat (number (gd, "learning_rate"), ==, 0.05);
  g_assert_cmpfloat (pair_element (gd, "gradient_step", 0), ==,
                     -0.05 * pair_element (gd, "gradient", 0));
  g_assert_cmpfloat_with_epsilon (pair_element (gd, "gradient_step", 0), -0.05 * x, 1e-16);
  g_assert_cmpfloat (pair_element (gd, "gradient_step", 1), ==, -0.0625);
  g_assert_cmpfloat_with_epsilon (pair_element (gd, "step_taken", 0), -0.05 * x, 1e-16);
  g_assert_cmpfloat (pair_element (gd, "step_taken", 1), ==, -0.0625);
  assert_null (gd, "velocity");
  assert_null (gd, "velocity_step");
  assert_null (gd, "adam_effective_learning_rate");
  assert_null (gd, "adam_step_sizes");
  assert_curvature (gd);

  /* What only momentum and Adam have; test-explain.c holds them to
   * closed forms, this to the JSON's promise of −ηv and η/(√v̂ + ε) |∇f|. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpfloat (pair_element (ball, "velocity_step", i), ==,
                         -0.05 * pair_element (ball, "velocity", i));
      g_assert_cmpfloat (pair_element (adam, "adam_step_sizes", i), ==,
                         pair_element (adam, "adam_effective_learning_rate", i)
                         * fabs (pair_element (adam, "gradient", i)));
    }
  assert_null (adam, "velocity");
  assert_null (ball, "adam_step_sizes");
  assert_curvature (adam);

  /* A run shorter than the scene's step is explained at its end, where
   * it takes no step. */
  g_assert_cmpint (json_object_get_int_member (shorter, "step"), ==, 2);
  assert_null (shorter, "step_taken");
}

/* The JSON's explain block is sd_explain_compute()'s, which the overlays
 * draw, at the iterate the figure stops at. */
static void
test_surface_explain_matches_core (void)
{
  g_autoptr(SdScene) scene = load (QUADRATIC_SCENE);
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, &error);
  const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 2);
  g_autoptr(SdTrajectory) trajectory = NULL;
  JsonObject *explain;
  SdExplain e;

  g_assert_no_error (error);
  trajectory = sd_trajectory_compute (surface, &run->params, run->start, run->steps, NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_true (sd_explain_compute (&e, surface, trajectory, 3));
  explain = object_at (json_array_get_object_element (array_at (json, "runs"), 2), "explain");

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpfloat (pair_element (explain, "position", i), ==, e.position[i]);
      g_assert_cmpfloat (pair_element (explain, "gradient", i), ==, e.gradient[i]);
      g_assert_cmpfloat (pair_element (explain, "gradient_step", i), ==, e.gradient_step[i]);
      g_assert_cmpfloat (pair_element (explain, "step_taken", i), ==, e.step[i]);
      g_assert_cmpfloat (pair_element (explain, "adam_effective_learning_rate", i), ==,
                         e.effective_learning_rate[i]);
      g_assert_cmpfloat (pair_element (explain, "adam_step_sizes", i), ==, e.adam_step_sizes[i]);
    }
}

/* No upward curvature: no stability bound; a zero Hessian: condition
 * number 0/0; neither is a number. */
static void
test_surface_undefined (void)
{
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "[Surface]\nfunction=custom\nexpression=x + 2*y\n"
                                   "[Run Plane]\noptimizer=sgd\nstart=0;0\nsteps=2\n");
  g_autoptr(SdScene) cap = load (SURFACE_HEADER
                                 "[Surface]\nfunction=custom\nexpression=-(x^2 + y^2)\n"
                                 "[Run Cap]\noptimizer=sgd\nstart=1;0\nsteps=2\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(JsonObject) cap_json = export (cap);
  JsonObject *curvature = object_at (object_at (json_array_get_object_element (
    array_at (json, "runs"), 0), "explain"), "curvature");
  JsonObject *cap_curvature = object_at (object_at (json_array_get_object_element (
    array_at (cap_json, "runs"), 0), "explain"), "curvature");

  g_assert_cmpfloat (number (curvature, "lambda_min"), ==, 0.0);
  g_assert_cmpfloat (number (curvature, "lambda_max"), ==, 0.0);
  assert_null (curvature, "condition_number");
  assert_null (curvature, "stability_bound");

  g_assert_cmpfloat (number (cap_curvature, "lambda_max"), ==, -2.0);
  g_assert_cmpfloat (number (cap_curvature, "condition_number"), ==, 1.0);
  assert_null (cap_curvature, "stability_bound");
  g_assert_false (json_object_get_boolean_member (cap_curvature, "convex"));
}

/* A run that leaves the finite numbers ends at its last finite point, as
 * in the CSV, and says where. */
static void
test_surface_divergence (void)
{
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "[Surface]\nfunction=custom\nexpression=x^2\n"
                                   "[Run Boom]\noptimizer=sgd\nlearning-rate=1e10\n"
                                   "start=1;0\nsteps=100\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GPtrArray) rows = csv_rows (scene);
  JsonObject *run = json_array_get_object_element (array_at (json, "runs"), 0);
  JsonArray *loss = array_at (object_at (run, "trajectory"), "loss");
  guint n = json_array_get_length (loss);

  g_assert_cmpstr (json_object_get_string_member (run, "status"), ==, "diverged");
  g_assert_cmpint (json_object_get_int_member (run, "diverged_at"), ==, n);
  g_assert_cmpuint (n, ==, rows->len);
  g_assert_true (isfinite (element (loss, n - 1)));
  g_assert_cmpint (json_object_get_int_member (object_at (run, "explain"), "step"), ==, n - 1);
  g_assert_cmpint (json_object_get_int_member (run, "ended_at"), ==, n);
  g_autofree char *end = g_strdup_printf ("diverged at step %u", n);
  g_assert_cmpstr (json_object_get_string_member (run, "end"), ==, end);
}

/* Each run says how it ended, in the JSON and on the CSV's last row:
 * Newton at an indefinite Hessian stops where it starts, a start outside
 * the domain of log has no loss. */
static void
test_surface_run_ends (void)
{
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "[Surface]\nfunction=custom\nexpression=log(x) - y^2\n"
                                   "[Run Newton]\noptimizer=newton\nstart=1;0\nsteps=10\n"
                                   "[Run Outside]\noptimizer=sgd\nstart=-1.5;0\nsteps=10\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GPtrArray) rows = csv_rows (scene);
  JsonObject *newton = json_array_get_object_element (array_at (json, "runs"), 0);
  JsonObject *outside = json_array_get_object_element (array_at (json, "runs"), 1);

  g_assert_cmpstr (json_object_get_string_member (newton, "status"), ==, "stopped");
  g_assert_cmpint (json_object_get_int_member (newton, "ended_at"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (newton, "end"), ==,
                   "stopped at iteration 0: Hessian not positive definite");
  g_assert_cmpstr (json_object_get_string_member (newton, "message"), ==,
                   "Hessian is not positive definite at (1, 0)");
  g_assert_cmpstr (json_object_get_string_member (outside, "status"), ==, "undefined");
  g_assert_cmpint (json_object_get_int_member (outside, "ended_at"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (outside, "end"), ==,
                   "start outside the domain of f");
  assert_null (outside, "diverged_at");

  /* One row each; the end column says how the run ended, and the start
   * outside the domain has no loss. */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (csv_text (rows, 0, 7), ==, "stopped");
  g_assert_cmpstr (csv_text (rows, 1, 4), ==, "nan");
  g_assert_cmpstr (csv_text (rows, 1, 5), ==, "nan");
  g_assert_cmpstr (csv_text (rows, 1, 6), ==, "nan");
  g_assert_cmpstr (csv_text (rows, 1, 7), ==, "undefined");
}

static void
test_surface_cancelled (void)
{
  g_autoptr(SdScene) scene = load (QUADRATIC_SCENE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_cancellable_cancel (cancellable);
  text = sd_scene_to_json (scene, cancellable, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Transforms ---------------------------------------------------------- */

/* Each quantity of the CSV, by name, is the JSON's, to the last bit. */
static void
assert_transform_matches_csv (const char *matrix)
{
  g_autofree char *text = g_strdup_printf (TRANSFORM_HEADER "[Transform]\nmatrix=%s\n", matrix);
  g_autoptr(SdScene) scene = load (text);
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GPtrArray) rows = csv_rows (scene);
  g_autoptr(GHashTable) csv = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  JsonObject *transform = object_at (json, "transform");
  JsonArray *eigenvalues = array_at (transform, "eigenvalues");
  JsonArray *eigenvectors = array_at (transform, "eigenvectors");
  static const char * const names[] = { "determinant", "trace", "condition_number" };

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_insert (csv, (gpointer) csv_text (rows, i, 0),
                         g_memdup2 ((double[]) { csv_number (rows, i, 1) }, sizeof (double)));
#define CSV(name) (*(double *) g_hash_table_lookup (csv, name))

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (isfinite (CSV (names[i])))
        g_assert_cmpfloat (number (transform, names[i]), ==, CSV (names[i]));
      else
        assert_null (transform, names[i]);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *re = g_strdup_printf ("eigenvalue%u_re", i + 1);
      g_autofree char *im = g_strdup_printf ("eigenvalue%u_im", i + 1);
      g_autofree char *s = g_strdup_printf ("singular_value%u", i + 1);
      JsonObject *eigenvalue = json_array_get_object_element (eigenvalues, i);

      g_assert_cmpfloat (number (eigenvalue, "re"), ==, CSV (re));
      g_assert_cmpfloat (number (eigenvalue, "im"), ==, CSV (im));
      g_assert_cmpfloat (pair_element (transform, "singular_values", i), ==, CSV (s));
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *x = g_strdup_printf ("eigenvector%u_x", i + 1);
      g_autofree char *y = g_strdup_printf ("eigenvector%u_y", i + 1);

      g_assert_cmpint (i < json_array_get_length (eigenvectors), ==,
                       g_hash_table_contains (csv, x));
      if (!g_hash_table_contains (csv, x))
        continue;
      g_assert_cmpfloat (element (json_array_get_array_element (eigenvectors, i), 0), ==, CSV (x));
      g_assert_cmpfloat (element (json_array_get_array_element (eigenvectors, i), 1), ==, CSV (y));
    }
#undef CSV
}

static void
test_transform_quantities (void)
{
  assert_transform_matches_csv ("2;1;1;2");
  assert_transform_matches_csv ("0;-1;1;0");     /* complex: no eigenvectors */
  assert_transform_matches_csv ("1;1.5;0;1");    /* a shear: one */
  assert_transform_matches_csv ("1;2;2;4");      /* singular: condition infinite */
  assert_transform_matches_csv ("0.3;-1.7;2.9;0.11");
}

/* [[2, 1], [1, 2]]: eigenvalues 3 and 1, det 3, trace 4; halfway from I
 * the figure shows M = [[1.5, 0.5], [0.5, 1.5]], det 2, and M maps (1, 0)
 * to (1.5, 0.5). */
static void
test_transform_shown (void)
{
  g_autoptr(SdScene) scene = load (TRANSFORM_HEADER "[Transform]\nmatrix=2;1;1;2\nt=0.5\n"
                                   "vector=1;0\norbit=2\n");
  g_autoptr(SdScene) plain = load (TRANSFORM_HEADER "[Transform]\nmatrix=2;1;1;2\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(JsonObject) plain_json = export (plain);
  JsonObject *transform = object_at (json, "transform");
  JsonObject *shown = object_at (transform, "shown");
  JsonArray *orbit = array_at (transform, "orbit");

  g_assert_cmpfloat (number (transform, "t"), ==, 0.5);
  g_assert_cmpfloat (matrix_entry (transform, "matrix", 0, 1), ==, 1.0);
  g_assert_cmpfloat (number (transform, "determinant"), ==, 3.0);
  g_assert_cmpfloat (number (transform, "trace"), ==, 4.0);
  g_assert_cmpstr (json_object_get_string_member (transform, "map_kind"), ==, "scaling");
  g_assert_cmpfloat (matrix_entry (shown, "matrix", 0, 0), ==, 1.5);
  g_assert_cmpfloat (matrix_entry (shown, "matrix", 1, 0), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (number (shown, "determinant"), 2.0, 1e-15);

  g_assert_cmpfloat (pair_element (transform, "vector", 0), ==, 1.0);
  g_assert_cmpuint (json_array_get_length (orbit), ==, 3);
  g_assert_cmpfloat (element (json_array_get_array_element (orbit, 1), 0), ==, 1.5);
  g_assert_cmpfloat (element (json_array_get_array_element (orbit, 1), 1), ==, 0.5);
  g_assert_cmpfloat (element (json_array_get_array_element (orbit, 2), 0), ==, 2.5);
  g_assert_cmpfloat (element (json_array_get_array_element (orbit, 2), 1), ==, 1.5);

  assert_null (object_at (plain_json, "transform"), "vector");
  assert_null (object_at (plain_json, "transform"), "orbit");
  g_assert_cmpfloat (number (object_at (object_at (plain_json, "transform"), "shown"),
                             "determinant"), ==, 3.0);
}

/* Distributions ------------------------------------------------------- */

/* Closed forms for N(1, 2²): moments 1, 4, 0, 0; quantiles 1 + 2 z_p with
 * z_0.75 = 0.6744897501960817 and z_0.95 = 1.6448536269514722
 * (scipy.stats.norm.ppf); P(−1 ≤ X ≤ 3) = erf(1/√2). */
static void
test_distribution_normal (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Prior]\nfamily=normal\nmean=1\nsd=2\n"
                                   "x-range=-7;9\npoints=11\ninterval=-1;3\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(SdDistribution) normal = sd_distribution_new (SD_FAMILY_NORMAL,
                                                          (double[]) { 1, 2 }, 2, NULL);
  JsonObject *prior = json_array_get_object_element (array_at (json, "distributions"), 0);
  JsonObject *moments = object_at (prior, "moments");
  JsonObject *quantiles = object_at (prior, "quantiles");
  JsonObject *interval = object_at (prior, "interval");
  const double p[] = { 0.05, 0.25, 0.5, 0.75, 0.95 };
  const double z[] = { -1.6448536269514722, -0.6744897501960817, 0.0, 0.6744897501960817,
                       1.6448536269514722 };

  g_assert_cmpstr (json_object_get_string_member (prior, "name"), ==, "Prior");
  g_assert_cmpstr (json_object_get_string_member (prior, "family"), ==, "normal");
  g_assert_cmpfloat (number (object_at (prior, "parameters"), "mean"), ==, 1.0);
  g_assert_cmpfloat (number (object_at (prior, "parameters"), "sd"), ==, 2.0);
  g_assert_cmpfloat (pair_element (prior, "x_range", 0), ==, -7.0);

  g_assert_cmpfloat (number (moments, "mean"), ==, 1.0);
  g_assert_cmpfloat (number (moments, "variance"), ==, 4.0);
  g_assert_cmpfloat (number (moments, "standard_deviation"), ==, 2.0);
  g_assert_cmpfloat (number (moments, "skewness"), ==, 0.0);
  g_assert_cmpfloat (number (moments, "excess_kurtosis"), ==, 0.0);

  for (guint i = 0; i < G_N_ELEMENTS (p); i++)
    {
      g_assert_cmpfloat (element (array_at (quantiles, "p"), i), ==, p[i]);
      g_assert_cmpfloat_with_epsilon (element (array_at (quantiles, "x"), i), 1 + 2 * z[i],
                                      1e-13);
    }

  g_assert_cmpfloat (number (interval, "a"), ==, -1.0);
  g_assert_cmpfloat (number (interval, "b"), ==, 3.0);
  g_assert_cmpfloat_with_epsilon (number (interval, "probability"),
                                  sd_distribution_cdf (normal, 3)
                                  - sd_distribution_cdf (normal, -1),
                                  1e-15);
  g_assert_cmpfloat_with_epsilon (number (interval, "probability"), erf (M_SQRT1_2), 1e-15);

  assert_null (prior, "samples");
  assert_null (prior, "histogram");
}

/* The curve is the CSV's rows, to the last bit. */
static void
test_distribution_curve (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Prior]\nfamily=gamma\nshape=3\n"
                                   "x-range=0;10\npoints=21\n"
                                   "[Distribution Counts]\nfamily=poisson\nmean=3\n"
                                   "x-range=-0.5;9.5\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GPtrArray) rows = csv_rows (scene);
  JsonArray *distributions = array_at (json, "distributions");
  guint row = 0;

  for (guint d = 0; d < json_array_get_length (distributions); d++)
    {
      JsonObject *curve = object_at (json_array_get_object_element (distributions, d), "curve");
      static const char * const columns[] = { "x", "pdf", "cdf" };

      for (guint k = 0; k < json_array_get_length (array_at (curve, "x")); k++, row++)
        for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
          g_assert_cmpfloat (element (array_at (curve, columns[c]), k), ==,
                             csv_number (rows, row, c + 1));
    }
  g_assert_cmpuint (row, ==, rows->len);
  g_assert_cmpuint (row, ==, 21 + 10);
}

/* A Cauchy has no moments, Student's t with 1 degree of freedom neither
 * (scipy says +inf for its mean), and with 2 an infinite variance: all
 * null. The Cauchy's quantiles are x₀ + γ tan(π(p − 1/2)). */
static void
test_distribution_undefined (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Cauchy]\nfamily=cauchy\nlocation=1\nscale=3\n"
                                   "[Distribution t1]\nfamily=student-t\ndof=1\n"
                                   "[Distribution t2]\nfamily=student-t\ndof=2\n");
  g_autoptr(JsonObject) json = export (scene);
  JsonArray *distributions = array_at (json, "distributions");
  JsonObject *cauchy = json_array_get_object_element (distributions, 0);
  JsonObject *t1 = object_at (json_array_get_object_element (distributions, 1), "moments");
  JsonObject *t2 = object_at (json_array_get_object_element (distributions, 2), "moments");
  static const char * const keys[] = {
    "mean", "variance", "standard_deviation", "skewness", "excess_kurtosis"
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      assert_null (object_at (cauchy, "moments"), keys[i]);
      assert_null (t1, keys[i]);
    }
  g_assert_cmpfloat (number (t2, "mean"), ==, 0.0);
  assert_null (t2, "variance");
  assert_null (t2, "standard_deviation");

  for (guint i = 0; i < 5; i++)
    {
      double p = element (array_at (object_at (cauchy, "quantiles"), "p"), i);

      g_assert_cmpfloat_with_epsilon (element (array_at (object_at (cauchy, "quantiles"), "x"), i),
                                      1 + 3 * tan (G_PI * (p - 0.5)), 1e-13);
    }
  assert_null (cauchy, "interval");
}

/* Poisson(3): P(2 ≤ X ≤ 4) = e⁻³ (3²/2! + 3³/3! + 3⁴/4!). */
static void
test_distribution_discrete_interval (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Counts]\nfamily=poisson\nmean=3\n"
                                   "interval=1.5;4.5\n");
  g_autoptr(JsonObject) json = export (scene);
  JsonObject *counts = json_array_get_object_element (array_at (json, "distributions"), 0);

  g_assert_cmpfloat_with_epsilon (number (object_at (counts, "interval"), "probability"),
                                  exp (-3.0) * (9.0 / 2 + 27.0 / 6 + 81.0 / 24), 1e-15);
  g_assert_cmpfloat (number (object_at (counts, "moments"), "variance"), ==, 3.0);
}

/* Only what the figure shows: an interval and draws the layers leave out
 * are null. */
static void
test_distribution_hidden (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Prior]\nfamily=normal\ninterval=-1;1\n"
                                   "samples=100\nlayers=pdf;cdf\n");
  g_autoptr(JsonObject) json = export (scene);
  JsonObject *prior = json_array_get_object_element (array_at (json, "distributions"), 0);

  assert_null (prior, "interval");
  assert_null (prior, "samples");
  assert_null (prior, "histogram");
}

/* The scene's seeded draws: the same numbers the figure's histogram
 * counts, so their statistics are computed here again from
 * sd_distribution_sample() with the scene's seed. */
static void
test_distribution_samples (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Prior]\nfamily=normal\nmean=1\nsd=2\n"
                                   "x-range=-3;5\nsamples=1000\nseed=7\nbins=16\n"
                                   "[Distribution One]\nfamily=exponential\nsamples=1\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(SdDistribution) normal = sd_distribution_new (SD_FAMILY_NORMAL,
                                                          (double[]) { 1, 2 }, 2, NULL);
  JsonArray *distributions = array_at (json, "distributions");
  JsonObject *prior = json_array_get_object_element (distributions, 0);
  JsonObject *samples = object_at (prior, "samples");
  JsonObject *histogram = object_at (prior, "histogram");
  JsonArray *edges = array_at (histogram, "edges");
  JsonArray *counts = array_at (histogram, "counts");
  double draws[1000], sum = 0.0, squares = 0.0, mean;
  guint64 expected[16] = { 0 }, outside = 0, total;

  sd_distribution_sample (normal, 7, draws, 1000);
  for (guint i = 0; i < 1000; i++)
    sum += draws[i];
  mean = sum / 1000;
  for (guint i = 0; i < 1000; i++)
    {
      squares += (draws[i] - mean) * (draws[i] - mean);
      if (draws[i] < -3.0 || draws[i] > 5.0)
        outside++;
      else
        expected[MIN ((guint) ((draws[i] + 3.0) * 2.0), 15u)]++;
    }

  g_assert_cmpint (json_object_get_int_member (samples, "count"), ==, 1000);
  g_assert_cmpint (json_object_get_int_member (samples, "seed"), ==, 7);
  g_assert_cmpfloat_with_epsilon (number (samples, "mean"), mean, 1e-14);
  g_assert_cmpfloat_with_epsilon (number (samples, "variance") / (squares / 999), 1.0, 1e-13);
  /* And they are draws of N(1, 4): within four standard errors. */
  g_assert_cmpfloat (fabs (number (samples, "mean") - 1.0), <, 4 * 2 / sqrt (1000));

  g_assert_cmpuint (json_array_get_length (edges), ==, 17);
  g_assert_cmpfloat (element (edges, 0), ==, -3.0);
  g_assert_cmpfloat (element (edges, 1), ==, -2.5);
  g_assert_cmpfloat (element (edges, 16), ==, 5.0);
  g_assert_cmpuint (json_array_get_length (counts), ==, 16);
  total = json_object_get_int_member (histogram, "outside");
  g_assert_cmpuint (total, ==, outside);
  for (guint i = 0; i < 16; i++)
    {
      g_assert_cmpint (json_array_get_int_element (counts, i), ==, expected[i]);
      total += json_array_get_int_element (counts, i);
    }
  g_assert_cmpuint (total, ==, 1000);

  /* One draw has a mean but no sample variance. */
  samples = object_at (json_array_get_object_element (distributions, 1), "samples");
  g_assert_cmpint (json_object_get_int_member (samples, "count"), ==, 1);
  g_assert_true (isfinite (number (samples, "mean")));
  assert_null (samples, "variance");
}

/* Covariance [[2, 1.2], [1.2, 1]]: trace 3 and determinant 0.56 give
 * eigenvalues 2.8 and 0.2; (1.2, 0.8)/|·| spans the first. Correlation
 * 1.2/√2; the k σ ellipses hold 1 − e^(−k²/2). */
static void
test_distribution_bivariate (void)
{
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Data]\nfamily=bivariate-normal\n"
                                   "mean=0.5;-1\ncovariance=2;1.2;1\nsamples=500\nseed=3\n"
                                   "points=9\n");
  g_autoptr(JsonObject) json = export (scene);
  g_autoptr(GPtrArray) rows = csv_rows (scene);
  g_autoptr(SdBivariateNormal) bivariate = NULL;
  JsonObject *data = json_array_get_object_element (array_at (json, "distributions"), 0);
  JsonObject *moments = object_at (data, "moments");
  JsonObject *axes = object_at (data, "principal_axes");
  JsonObject *samples = object_at (data, "samples");
  JsonArray *directions = array_at (axes, "axes");
  double x[500], y[500], mx = 0, my = 0, sxx = 0, sxy = 0, syy = 0, norm = hypot (1.2, 0.8);
  guint row = 0;

  g_assert_cmpstr (json_object_get_string_member (data, "family"), ==, "bivariate-normal");
  g_assert_cmpfloat (pair_element (object_at (data, "parameters"), "mean", 1), ==, -1.0);
  g_assert_cmpfloat (matrix_entry (object_at (data, "parameters"), "covariance", 1, 0), ==, 1.2);
  g_assert_cmpfloat (pair_element (moments, "mean", 0), ==, 0.5);
  g_assert_cmpfloat (matrix_entry (moments, "covariance", 0, 0), ==, 2.0);
  g_assert_cmpfloat (matrix_entry (moments, "covariance", 0, 1), ==, 1.2);
  g_assert_cmpfloat (matrix_entry (moments, "covariance", 1, 1), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (number (moments, "correlation"), 1.2 / sqrt (2.0), 1e-15);

  g_assert_cmpfloat_with_epsilon (pair_element (axes, "variances", 0), 2.8, 1e-14);
  g_assert_cmpfloat_with_epsilon (pair_element (axes, "variances", 1), 0.2, 1e-14);
  g_assert_cmpfloat_with_epsilon (element (json_array_get_array_element (directions, 0), 0),
                                  1.2 / norm, 1e-14);
  g_assert_cmpfloat_with_epsilon (element (json_array_get_array_element (directions, 0), 1),
                                  0.8 / norm, 1e-14);
  g_assert_cmpfloat_with_epsilon (number (axes, "angle"), atan2 (0.8, 1.2), 1e-14);

  for (guint k = 1; k <= 3; k++)
    g_assert_cmpfloat_with_epsilon (element (array_at (data, "ellipse_mass"), k - 1),
                                    -expm1 (-0.5 * k * k), 1e-15);

  bivariate = sd_bivariate_normal_new ((double[]) { 0.5, -1 }, (double[]) { 2, 1.2, 1 }, NULL);
  sd_bivariate_normal_sample (bivariate, 3, x, y, 500);
  for (guint i = 0; i < 500; i++)
    mx += x[i] / 500, my += y[i] / 500;
  for (guint i = 0; i < 500; i++)
    {
      sxx += (x[i] - mx) * (x[i] - mx) / 499;
      sxy += (x[i] - mx) * (y[i] - my) / 499;
      syy += (y[i] - my) * (y[i] - my) / 499;
    }
  g_assert_cmpint (json_object_get_int_member (samples, "count"), ==, 500);
  g_assert_cmpfloat_with_epsilon (pair_element (samples, "mean", 0), mx, 1e-14);
  g_assert_cmpfloat_with_epsilon (pair_element (samples, "mean", 1), my, 1e-14);
  g_assert_cmpfloat_with_epsilon (matrix_entry (samples, "covariance", 0, 0), sxx, 1e-13);
  g_assert_cmpfloat_with_epsilon (matrix_entry (samples, "covariance", 0, 1), sxy, 1e-13);
  g_assert_cmpfloat_with_epsilon (matrix_entry (samples, "covariance", 1, 0), sxy, 1e-13);
  g_assert_cmpfloat_with_epsilon (matrix_entry (samples, "covariance", 1, 1), syy, 1e-13);

  /* The marginals are the CSV's NAME:x and NAME:y rows. */
  for (guint axis = 0; axis < 2; axis++)
    {
      JsonObject *curve = object_at (object_at (data, "marginals"), axis == 0 ? "x" : "y");

      for (guint k = 0; k < 9; k++, row++)
        {
          g_assert_cmpstr (csv_text (rows, row, 0), ==, axis == 0 ? "Data:x" : "Data:y");
          g_assert_cmpfloat (element (array_at (curve, "x"), k), ==, csv_number (rows, row, 1));
          g_assert_cmpfloat (element (array_at (curve, "pdf"), k), ==, csv_number (rows, row, 2));
          g_assert_cmpfloat (element (array_at (curve, "cdf"), k), ==, csv_number (rows, row, 3));
        }
    }
  g_assert_cmpuint (row, ==, rows->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/scene-json/numbers/round-trip", test_numbers_round_trip);
  g_test_add_func ("/core/scene-json/header", test_header);
  g_test_add_func ("/core/scene-json/surface/trajectories", test_surface_trajectories);
  g_test_add_func ("/core/scene-json/surface/runs", test_surface_runs);
  g_test_add_func ("/core/scene-json/surface/parameters", test_surface_parameters);
  g_test_add_func ("/core/scene-json/surface/explain", test_surface_explain);
  g_test_add_func ("/core/scene-json/surface/explain-matches-core",
                   test_surface_explain_matches_core);
  g_test_add_func ("/core/scene-json/surface/undefined", test_surface_undefined);
  g_test_add_func ("/core/scene-json/surface/divergence", test_surface_divergence);
  g_test_add_func ("/core/scene-json/surface/run-ends", test_surface_run_ends);
  g_test_add_func ("/core/scene-json/surface/cancelled", test_surface_cancelled);
  g_test_add_func ("/core/scene-json/transform/quantities", test_transform_quantities);
  g_test_add_func ("/core/scene-json/transform/shown", test_transform_shown);
  g_test_add_func ("/core/scene-json/distribution/normal", test_distribution_normal);
  g_test_add_func ("/core/scene-json/distribution/curve", test_distribution_curve);
  g_test_add_func ("/core/scene-json/distribution/undefined", test_distribution_undefined);
  g_test_add_func ("/core/scene-json/distribution/discrete-interval",
                   test_distribution_discrete_interval);
  g_test_add_func ("/core/scene-json/distribution/hidden", test_distribution_hidden);
  g_test_add_func ("/core/scene-json/distribution/samples", test_distribution_samples);
  g_test_add_func ("/core/scene-json/distribution/bivariate", test_distribution_bivariate);

  return g_test_run ();
}
