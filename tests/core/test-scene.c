/* test-scene.c: loading, validating, saving and exporting scene files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core-error.h"
#include "scene.h"
#include "scene-surface.h"
#include "scene-transform.h"
#include "scene-distribution.h"

static SdScene *
load (const char *text,
      GError    **error)
{
  return sd_scene_load_data (text, strlen (text), "lesson.saddle", error);
}

static void
assert_load_error (const char *text,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (text, &error);

  g_assert_null (scene);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

#define SURFACE_HEADER "[Scene]\nversion=1\nkind=surface\n"

static void
test_load_surface (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (
    "# A lecture figure\n"
    "[Scene]\n"
    "version=1\n"
    "kind=surface\n"
    "title=Adam on Rosenbrock\n"
    "\n"
    "[Surface]\n"
    "function=rosenbrock\n"
    "x-range=-2;2\n"
    "y-range=-1;3\n"
    "resolution=300\n"
    "\n"
    "[Run Adam]\n"
    "optimizer=adam\n"
    "learning-rate=0.05\n"
    "start=-1.5;2\n"
    "steps=500\n"
    "\n"
    "[Run Plain GD]\n"
    "optimizer=sgd\n"
    "start=-1.5;2\n",
    &error);
  const SdSceneRun *adam, *gd;

  g_assert_no_error (error);
  g_assert_cmpint (scene->kind, ==, SD_SCENE_SURFACE);
  g_assert_cmpstr (scene->title, ==, "Adam on Rosenbrock");
  g_assert_cmpstr (sd_scene_get_surface (scene)->function, ==, "rosenbrock");
  g_assert_cmpfloat (sd_scene_get_surface (scene)->x_range[0], ==, -2.0);
  g_assert_cmpfloat (sd_scene_get_surface (scene)->y_range[1], ==, 3.0);
  g_assert_cmpuint (sd_scene_get_surface (scene)->resolution, ==, 300);
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 2);
  g_assert_cmpuint (scene->warnings->len, ==, 0);

  adam = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0);
  g_assert_cmpstr (adam->name, ==, "Adam");
  g_assert_cmpint (adam->params.kind, ==, SD_OPTIMIZER_ADAM);
  g_assert_cmpfloat (adam->params.learning_rate, ==, 0.05);
  /* torch.optim.Adam's defaults for what the file leaves out */
  g_assert_cmpfloat (adam->params.beta1, ==, 0.9);
  g_assert_cmpfloat (adam->params.beta2, ==, 0.999);
  g_assert_cmpfloat (adam->params.epsilon, ==, 1e-8);
  g_assert_cmpfloat (adam->start[0], ==, -1.5);
  g_assert_cmpfloat (adam->start[1], ==, 2.0);
  g_assert_cmpuint (adam->steps, ==, 500);

  gd = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 1);
  g_assert_cmpstr (gd->name, ==, "Plain GD");
  g_assert_cmpfloat (gd->params.learning_rate, ==, 0.01);
  g_assert_cmpuint (gd->steps, ==, 100);
}

static void
test_surface_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (SURFACE_HEADER "[Surface]\nfunction=himmelblau\n", &error);

  g_assert_no_error (error);
  /* The default range of each built-in comes from the surface itself. */
  g_assert_cmpfloat (sd_scene_get_surface (scene)->x_range[0], ==, -5.0);
  g_assert_cmpfloat (sd_scene_get_surface (scene)->x_range[1], ==, 5.0);
  g_assert_cmpuint (sd_scene_get_surface (scene)->resolution, ==, SD_SCENE_DEFAULT_RESOLUTION);
  g_assert_null (scene->title);
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 0);
}

static void
test_display_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) defaults = load (SURFACE_HEADER "[Surface]\nfunction=booth\n"
                                      "[Run A]\noptimizer=sgd\nstart=0;0\n", &error);
  g_autoptr(SdScene) scene = NULL;
  const SdSceneRun *run;

  g_assert_no_error (error);
  g_assert_false (defaults->has_step);
  g_assert_cmpint (sd_scene_get_surface (defaults)->layers, ==, SD_LAYER_HEATMAP | SD_LAYER_CONTOURS);
  g_assert_cmpuint (sd_scene_get_surface (defaults)->contours, ==, 15);
  g_assert_false (sd_scene_get_surface (defaults)->log_scale);
  g_assert_null (sd_scene_get_surface (defaults)->color_map);
  g_assert_cmpint (sd_scene_get_surface (defaults)->view, ==, SD_VIEW_MAP);
  g_assert_false (sd_scene_get_surface (defaults)->explain_readable);
  run = g_ptr_array_index (sd_scene_get_surface (defaults)->runs, 0);
  g_assert_true (run->visible);
  g_assert_false (run->has_color);
  g_assert_cmpint (run->explain, ==, SD_EXPLAIN_NONE);

  scene = load ("[Scene]\nversion=1\nkind=surface\nstep=25\n"
                "[Surface]\nfunction=booth\nlayers=gradient-field; heatmap;\ncontours=0\n"
                "log-scale=true\ncolor-map=magma\nview=3d\nazimuth=30\nelevation=-10.5\n"
                "explain-lengths=readable\n"
                "[Run A]\noptimizer=sgd\nstart=0;0\ncolor=#1A5fb4\nvisible=false\n"
                "explain=curvature; gradient;step\n"
                "[Run B]\noptimizer=nesterov\nstart=0;0\nexplain=velocity\n"
                "[Run C]\noptimizer=adamw\nstart=0;0\nexplain=adam-steps\n", &error);
  g_assert_no_error (error);
  g_assert_true (scene->has_step);
  g_assert_cmpuint (scene->step, ==, 25);
  g_assert_cmpint (sd_scene_get_surface (scene)->layers, ==, SD_LAYER_HEATMAP | SD_LAYER_GRADIENT_FIELD);
  g_assert_cmpuint (sd_scene_get_surface (scene)->contours, ==, 0);
  g_assert_true (sd_scene_get_surface (scene)->log_scale);
  g_assert_cmpstr (sd_scene_get_surface (scene)->color_map, ==, "magma");
  g_assert_cmpint (sd_scene_get_surface (scene)->view, ==, SD_VIEW_3D);
  g_assert_cmpfloat (sd_scene_get_surface (scene)->azimuth, ==, 30.0);
  g_assert_cmpfloat (sd_scene_get_surface (scene)->elevation, ==, -10.5);
  g_assert_true (sd_scene_get_surface (scene)->explain_readable);
  run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0);
  g_assert_false (run->visible);
  g_assert_true (run->has_color);
  g_assert_cmpfloat (run->color[0], ==, 0x1a / 255.0);
  g_assert_cmpfloat (run->color[1], ==, 0x5f / 255.0);
  g_assert_cmpfloat (run->color[2], ==, 0xb4 / 255.0);
  g_assert_cmpint (run->explain, ==,
                   SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP | SD_EXPLAIN_CURVATURE);
  run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 1);
  g_assert_cmpint (run->explain, ==, SD_EXPLAIN_VELOCITY);
  run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 2);
  g_assert_cmpint (run->explain, ==, SD_EXPLAIN_ADAM_STEP);
  g_assert_cmpuint (scene->warnings->len, ==, 0);
}

static void
test_load_transform (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load ("[Scene]\nversion=1\nkind=transform\n"
                                   "[Transform]\nmatrix=2;1;1;3\n", &error);

  g_assert_no_error (error);
  g_assert_cmpint (scene->kind, ==, SD_SCENE_TRANSFORM);
  g_assert_cmpfloat (sd_scene_get_transform (scene)->matrix.a, ==, 2.0);
  g_assert_cmpfloat (sd_scene_get_transform (scene)->matrix.b, ==, 1.0);
  g_assert_cmpfloat (sd_scene_get_transform (scene)->matrix.c, ==, 1.0);
  g_assert_cmpfloat (sd_scene_get_transform (scene)->matrix.d, ==, 3.0);
}

static void
test_warnings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (
    SURFACE_HEADER
    "colour=blue\n"
    "[Surface]\nfunction=booth\nexpression=x^2\nshading=smooth\n"
    "[Run A]\noptimizer=adam\nstart=0;0\nmomentum=0.5\nexplain=velocity;step\n"
    "[Transform]\nmatrix=1;0;0;1\n",
    &error);

  g_assert_no_error (error);
  g_assert_cmpint (((const SdSceneRun *) g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0))->explain, ==,
                   SD_EXPLAIN_STEP);
  g_assert_cmpuint (scene->warnings->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (scene->warnings, 0), ==,
                   "lesson.saddle: [Surface] expression: used only with function=custom, ignored");
  g_assert_cmpstr (g_ptr_array_index (scene->warnings, 1), ==,
                   "lesson.saddle: [Run A] momentum: not used by adam, ignored");
  g_assert_cmpstr (g_ptr_array_index (scene->warnings, 2), ==,
                   "lesson.saddle: [Run A] explain: 'velocity' does not apply to adam and is ignored");
  g_assert_cmpstr (g_ptr_array_index (scene->warnings, 3), ==,
                   "lesson.saddle: [Scene] colour: unknown key, ignored");
  g_assert_cmpstr (g_ptr_array_index (scene->warnings, 4), ==,
                   "lesson.saddle: [Surface] shading: unknown key, ignored");
  g_assert_cmpstr (g_ptr_array_index (scene->warnings, 5), ==,
                   "lesson.saddle: [Transform] not used by a surface scene, ignored");
}

/* Each invalid file gives exactly one message naming file, group and key. */
static void
test_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "[Scene]\nkind=surface\n",
      "lesson.saddle: [Scene] version: missing; this key is required" },
    { "[Scene]\nversion=2\nkind=surface\n",
      "lesson.saddle: [Scene] version: this scene needs a newer Saddle: it has version 2, "
      "this Saddle reads version 1" },
    { "[Scene]\nversion=one\nkind=surface\n",
      "lesson.saddle: [Scene] version: must be a whole number from 1 to 4294967295, got 'one'" },
    { "[Scene]\nversion=1\n",
      "lesson.saddle: [Scene] kind: missing; this key is required" },
    { "[Scene]\nversion=1\nkind=movie\n",
      "lesson.saddle: [Scene] kind: unknown kind 'movie'; expected one of surface, transform, distribution" },
    { "[Surface]\nfunction=booth\n",
      "lesson.saddle: [Scene] group is missing; is this a Saddle scene file?" },
    { SURFACE_HEADER,
      "lesson.saddle: [Surface] group is missing; a surface scene needs one" },
    { SURFACE_HEADER "[Surface]\n",
      "lesson.saddle: [Surface] function: missing; this key is required" },
    { SURFACE_HEADER "[Surface]\nfunction=custom\n",
      "lesson.saddle: [Surface] expression: missing; this key is required" },
    { SURFACE_HEADER "[Surface]\nfunction=custom\nexpression=(x+1))\n",
      "lesson.saddle: [Surface] expression: unexpected ')' at column 6" },
    { SURFACE_HEADER "[Surface]\nfunction=custom\nexpression=foo(x)\n",
      "lesson.saddle: [Surface] expression: unknown function 'foo' at column 1" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nx-range=2;-2\n",
      "lesson.saddle: [Surface] x-range: min must be less than max, got '2;-2'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\ny-range=1\n",
      "lesson.saddle: [Surface] y-range: expected 2 numbers separated by ';', got 1" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\ny-range=1;2;3\n",
      "lesson.saddle: [Surface] y-range: expected 2 numbers separated by ';', got 3" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nx-range=a;b\n",
      "lesson.saddle: [Surface] x-range: must be numbers separated by ';', got 'a;b'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nx-range=-inf;0\n",
      "lesson.saddle: [Surface] x-range: must be finite numbers, got '-inf;0'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nresolution=8\n",
      "lesson.saddle: [Surface] resolution: must be a whole number from 16 to 4096, got '8'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nresolution=300.5\n",
      "lesson.saddle: [Surface] resolution: must be a whole number from 16 to 4096, got '300.5'" },
    { SURFACE_HEADER "[Surface]\nfunction=linear-regression\nnoise=-1\n",
      "lesson.saddle: [Surface] noise: must be a finite number >= 0, got '-1'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\nstart=0;0\n",
      "lesson.saddle: [Run Adam] optimizer: missing; this key is required" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adamax\nstart=0;0\n",
      "lesson.saddle: [Run Adam] optimizer: unknown optimizer 'adamax'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\n",
      "lesson.saddle: [Run Adam] start: missing; this key is required" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\nstart=nan;0\n",
      "lesson.saddle: [Run Adam] start: must be finite numbers, got 'nan;0'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\nstart=0;0\n"
      "learning-rate=nan\n",
      "lesson.saddle: [Run Adam] learning-rate: must be a positive finite number, got 'nan'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\nstart=0;0\n"
      "learning-rate=fast\n",
      "lesson.saddle: [Run Adam] learning-rate: must be a number, got 'fast'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\nstart=0;0\n"
      "beta1=1\n",
      "lesson.saddle: [Run Adam] beta1: must be in [0, 1), got '1'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\nstart=0;0\n"
      "steps=100001\n",
      "lesson.saddle: [Run Adam] steps: must be a whole number from 0 to 100000, got '100001'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run Adam]\noptimizer=adam\nstart=0;0\n"
      "steps=-1\n",
      "lesson.saddle: [Run Adam] steps: must be a whole number from 0 to 100000, got '-1'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run SGD]\noptimizer=sgd\nstart=0;0\n"
      "batch-size=10\n",
      "lesson.saddle: [Run SGD] batch-size: only the regression surfaces "
      "(linear-regression, logistic-regression) have minibatches" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run ]\noptimizer=sgd\nstart=0;0\n",
      "lesson.saddle: [Run ] needs a name after 'Run ', as in [Run Adam]" },
    { "[Scene]\nversion=1\nkind=transform\n",
      "lesson.saddle: [Transform] group is missing; a transform scene needs one" },
    { "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=1;2;3\n",
      "lesson.saddle: [Transform] matrix: expected 4 numbers separated by ';', got 3" },
    { "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=1;2;3;inf\n",
      "lesson.saddle: [Transform] matrix: must be finite numbers, got '1;2;3;inf'" },
    { "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=1;0;0;1\nt=1.5\n",
      "lesson.saddle: [Transform] t: must be a number from 0 to 1, got '1.5'" },
    { "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=1;0;0;1\norbit=51\n",
      "lesson.saddle: [Transform] orbit: must be a whole number from 0 to 50, got '51'" },
    { "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=1;0;0;1\nlayers=grid;axes\n",
      "lesson.saddle: [Transform] layers: unknown layer 'axes'; expected any of grid, basis, "
      "unit-circle, eigenvectors, determinant, svd" },
    { "[Scene]\nversion=1\nkind=surface\nstep=-3\n[Surface]\nfunction=booth\n",
      "lesson.saddle: [Scene] step: must be a whole number from 0 to 100000, got '-3'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nlayers=heatmap;mesh\n",
      "lesson.saddle: [Surface] layers: unknown layer 'mesh'; expected any of heatmap, contours, "
      "gradient-field" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run A]\noptimizer=sgd\nstart=0;0\n"
      "explain=gradient;hessian\n",
      "lesson.saddle: [Run A] explain: unknown overlay 'hessian'; expected any of gradient, step, "
      "velocity, adam-steps, curvature" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nexplain-lengths=big\n",
      "lesson.saddle: [Surface] explain-lengths: must be true or readable, got 'big'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\ncontours=101\n",
      "lesson.saddle: [Surface] contours: must be a whole number from 0 to 100, got '101'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nlog-scale=yes\n",
      "lesson.saddle: [Surface] log-scale: must be true or false, got 'yes'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\ncolor-map=jet\n",
      "lesson.saddle: [Surface] color-map: unknown color map 'jet'; expected one of viridis, "
      "magma, inferno, plasma, cividis, coolwarm, grayscale" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nview=side\n",
      "lesson.saddle: [Surface] view: must be map or 3d, got 'side'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\nelevation=91\n",
      "lesson.saddle: [Surface] elevation: must be a number from -90 to 90, got '91'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run A]\noptimizer=sgd\nstart=0;0\n"
      "color=red\n",
      "lesson.saddle: [Run A] color: must be a color written #rrggbb, got 'red'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run A]\noptimizer=sgd\nstart=0;0\n"
      "color=#12345g\n",
      "lesson.saddle: [Run A] color: must be a color written #rrggbb, got '#12345g'" },
    { SURFACE_HEADER "[Surface]\nfunction=booth\n[Run A]\noptimizer=sgd\nstart=0;0\n"
      "visible=maybe\n",
      "lesson.saddle: [Run A] visible: must be true or false, got 'maybe'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].message);
      assert_load_error (cases[i].text, cases[i].message);
    }
}

static void
test_not_a_scene (void)
{
  g_autoptr(GError) error = NULL;
  static const char binary[] = { 'P', 'K', 3, 4, 0, 0, (char) 0xff, 'x' };
  g_autoptr(SdScene) empty = sd_scene_load_data ("", 0, "empty.saddle", &error);
  g_autoptr(SdScene) bin = NULL;
  g_autoptr(SdScene) garbage = NULL;

  g_assert_null (empty);
  g_assert_cmpstr (error->message, ==, "empty.saddle: the file is empty, not a scene");
  g_clear_error (&error);

  bin = sd_scene_load_data (binary, sizeof binary, "photo.saddle", &error);
  g_assert_null (bin);
  g_assert_cmpstr (error->message, ==, "photo.saddle: not a text file; a scene file is UTF-8 text");
  g_clear_error (&error);

  garbage = load ("just some words\n", &error);
  g_assert_null (garbage);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "lesson.saddle: not a scene file: "));
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saddle-scene-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.saddle", NULL);
  g_autofree char *path = g_build_filename (dir, "lesson.saddle", NULL);
  g_autoptr(SdScene) scene = NULL;

  g_assert_no_error (error);

  scene = sd_scene_load_file (missing, &error);
  g_assert_null (scene);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_true (g_str_has_suffix (error->message, ": No such file or directory"));
  g_clear_error (&error);

  scene = sd_scene_load_file (dir, &error);
  g_assert_null (scene);
  g_assert_true (g_str_has_suffix (error->message, ": is a folder, not a scene file"));
  g_clear_error (&error);

  /* What is not a regular file is refused before it is read: a device
   * that never ends, and a pipe nobody writes to (reading it would wait
   * for ever). */
  scene = sd_scene_load_file ("/dev/zero", &error);
  g_assert_null (scene);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_cmpstr (error->message, ==,
                   "/dev/zero: not a regular file (a pipe, a device or a socket); only files are read");
  g_clear_error (&error);

  g_assert_no_errno (mkfifo (path, 0600));
  scene = sd_scene_load_file (path, &error);
  g_assert_null (scene);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_assert_no_errno (g_remove (path));

  /* A file larger than a scene may be is refused without reading it. */
  {
    int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

    g_assert_cmpint (fd, >=, 0);
    g_assert_no_errno (ftruncate (fd, SD_SCENE_MAX_FILE_SIZE + 1));
    g_assert_no_errno (close (fd));
    scene = sd_scene_load_file (path, &error);
    g_assert_null (scene);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    g_assert_true (g_str_has_prefix (error->message, path));
    g_assert_nonnull (strstr (error->message, "(16777217 bytes), larger than the "));
    g_assert_true (g_str_has_suffix (error->message, "(16777216 bytes) a file may be"));
    g_clear_error (&error);
    g_assert_no_errno (g_remove (path));
  }

  g_assert_no_errno (g_rmdir (dir));
}

/* A byte-order mark, which some editors write at the start of UTF-8, is
 * read past. */
/* A scene has at most ten runs: the eleventh is refused, naming it. */
static void
test_too_many_runs (void)
{
  g_autoptr(GString) text = g_string_new (SURFACE_HEADER "[Surface]\nfunction=booth\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;

  for (guint i = 1; i <= SD_SCENE_MAX_RUNS; i++)
    g_string_append_printf (text, "[Run R%u]\noptimizer=sgd\nstart=0;0\nsteps=100000\n", i);
  scene = load (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_scene_get_surface (scene)->runs->len, ==, 10);
  g_clear_pointer (&scene, sd_scene_free);

  g_string_append (text, "[Run R11]\noptimizer=sgd\nstart=0;0\n");
  assert_load_error (text->str, "lesson.saddle: [Run R11] one run too many: a scene has at most "
                                "10 runs");
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load ("\xef\xbb\xbf" SURFACE_HEADER "[Surface]\nfunction=booth\n",
                                   &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sd_scene_get_surface (scene)->function, ==, "booth");
}

/* Scenes of every kind that set every key. */
static const char * const round_trip_texts[] = {
  SURFACE_HEADER "title=Two runs; one “quote”, # a hash and \\\\ a backslash\n"
  "[Surface]\nfunction=custom\nexpression=0.5*x^2 + 5*y^2\n"
  "x-range=-0.1;0.30000000000000004\ny-range=-1e-3;2.5E+4\nresolution=17\n"
  "layers=contours;gradient-field\ncontours=7\nlog-scale=true\ncolor-map=cividis\n"
  "view=3d\nazimuth=-120.25\nelevation=60\nexplain-lengths=readable\n"
  "[Run Momentum]\noptimizer=momentum\nstart=0.1;-0.2\nsteps=0\nmomentum=0.95\n"
  "color=#e66100\nvisible=false\nexplain=velocity;gradient\n"
  "[Run Newton]\noptimizer=newton\nstart=1;1\ndamping=0.001\nexplain=curvature\n",
  SURFACE_HEADER "[Surface]\nfunction=logistic-regression\ndataset-size=20\nseed=7\n"
  "[Run SGD]\noptimizer=sgd\nstart=0;0\nbatch-size=5\nseed=3\n",
  "[Scene]\nversion=1\nkind=transform\n[Transform]\nmatrix=0;-1;1;0.1\n",
  "[Scene]\nversion=1\nkind=transform\nstep=3\n[Transform]\nmatrix=1;1;0;1\nt=0.5\n"
  "vector=1;0.5\norbit=12\nlayers=grid;svd\n",
  "[Scene]\nversion=1\nkind=distribution\n"
  "[Distribution Prior]\nfamily=beta\na=0.5\nx-range=0;1\npoints=11\nsamples=100\n"
  "seed=4\ninterval=0.25;0.75\nbins=13\ncolor=#123456\nlayers=cdf;moments;interval\n"
  "[Distribution Pair]\nfamily=bivariate-normal\nmean=1;-2\ncovariance=2;0.5;3\n"
  "y-range=-3;-1\n",
};

static void
assert_optimizer_params_equal (const SdOptimizerParams *a,
                               const SdOptimizerParams *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpfloat (a->learning_rate, ==, b->learning_rate);
  g_assert_cmpfloat (a->momentum, ==, b->momentum);
  g_assert_cmpfloat (a->alpha, ==, b->alpha);
  g_assert_cmpfloat (a->beta1, ==, b->beta1);
  g_assert_cmpfloat (a->beta2, ==, b->beta2);
  g_assert_cmpfloat (a->epsilon, ==, b->epsilon);
  g_assert_cmpfloat (a->weight_decay, ==, b->weight_decay);
  g_assert_cmpfloat (a->damping, ==, b->damping);
  g_assert_cmpuint (a->batch_size, ==, b->batch_size);
  g_assert_cmpuint (a->seed, ==, b->seed);
}

static void
assert_surfaces_equal (const SdScene *first,
                       const SdScene *second)
{
  const SdSceneSurface *a = sd_scene_get_surface (first);
  const SdSceneSurface *b = sd_scene_get_surface (second);

  g_assert_cmpstr (a->function, ==, b->function);
  g_assert_cmpstr (a->expression, ==, b->expression);
  g_assert_true (memcmp (a->x_range, b->x_range, sizeof a->x_range) == 0);
  g_assert_true (memcmp (a->y_range, b->y_range, sizeof a->y_range) == 0);
  g_assert_cmpuint (a->resolution, ==, b->resolution);
  g_assert_cmpuint (a->params.dataset_size, ==, b->params.dataset_size);
  g_assert_cmpfloat (a->params.noise, ==, b->params.noise);
  g_assert_cmpuint (a->params.seed, ==, b->params.seed);
  g_assert_cmpint (a->layers, ==, b->layers);
  g_assert_cmpuint (a->contours, ==, b->contours);
  g_assert_cmpint (a->log_scale, ==, b->log_scale);
  g_assert_cmpstr (a->color_map, ==, b->color_map);
  g_assert_cmpint (a->view, ==, b->view);
  g_assert_cmpfloat (a->azimuth, ==, b->azimuth);
  g_assert_cmpfloat (a->elevation, ==, b->elevation);
  g_assert_cmpint (a->explain_readable, ==, b->explain_readable);

  g_assert_cmpuint (a->runs->len, ==, b->runs->len);
  for (guint r = 0; r < a->runs->len; r++)
    {
      const SdSceneRun *ra = g_ptr_array_index (a->runs, r);
      const SdSceneRun *rb = g_ptr_array_index (b->runs, r);

      g_assert_true (ra != rb);
      g_assert_cmpstr (ra->name, ==, rb->name);
      assert_optimizer_params_equal (&ra->params, &rb->params);
      g_assert_true (memcmp (ra->start, rb->start, sizeof ra->start) == 0);
      g_assert_cmpuint (ra->steps, ==, rb->steps);
      g_assert_cmpint (ra->visible, ==, rb->visible);
      g_assert_cmpint (ra->has_color, ==, rb->has_color);
      g_assert_true (memcmp (ra->color, rb->color, sizeof ra->color) == 0);
      g_assert_cmpint (ra->explain, ==, rb->explain);
    }
}

static void
assert_transforms_equal (const SdScene *first,
                         const SdScene *second)
{
  const SdSceneTransform *a = sd_scene_get_transform (first);
  const SdSceneTransform *b = sd_scene_get_transform (second);

  g_assert_cmpfloat (a->matrix.a, ==, b->matrix.a);
  g_assert_cmpfloat (a->matrix.b, ==, b->matrix.b);
  g_assert_cmpfloat (a->matrix.c, ==, b->matrix.c);
  g_assert_cmpfloat (a->matrix.d, ==, b->matrix.d);
  g_assert_cmpfloat (a->t, ==, b->t);
  g_assert_cmpint (a->has_vector, ==, b->has_vector);
  g_assert_true (memcmp (a->vector, b->vector, sizeof a->vector) == 0);
  g_assert_cmpuint (a->orbit, ==, b->orbit);
  g_assert_cmpint (a->layers, ==, b->layers);
}

static void
assert_distributions_equal (const SdScene *first,
                            const SdScene *second)
{
  const GPtrArray *da = sd_scene_get_distributions (first)->distributions;
  const GPtrArray *db = sd_scene_get_distributions (second)->distributions;

  g_assert_cmpuint (da->len, ==, db->len);
  for (guint d = 0; d < da->len; d++)
    {
      const SdSceneDistribution *a = g_ptr_array_index (da, d);
      const SdSceneDistribution *b = g_ptr_array_index (db, d);

      g_assert_true (a != b && a->values != b->values);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->family, ==, b->family);
      g_assert_cmpuint (a->n_values, ==, b->n_values);
      g_assert_true (memcmp (a->values, b->values, a->n_values * sizeof (double)) == 0);
      g_assert_true (memcmp (a->x_range, b->x_range, sizeof a->x_range) == 0);
      g_assert_true (memcmp (a->y_range, b->y_range, sizeof a->y_range) == 0);
      g_assert_cmpuint (a->points, ==, b->points);
      g_assert_cmpuint (a->samples, ==, b->samples);
      g_assert_cmpuint (a->seed, ==, b->seed);
      g_assert_cmpint (a->layers, ==, b->layers);
      g_assert_cmpint (a->has_interval, ==, b->has_interval);
      g_assert_true (memcmp (a->interval, b->interval, sizeof a->interval) == 0);
      g_assert_cmpuint (a->bins, ==, b->bins);
      g_assert_cmpint (a->has_color, ==, b->has_color);
      g_assert_true (memcmp (a->color, b->color, sizeof a->color) == 0);
    }
}

/* Two scenes say the same, field by field (never by comparing memory,
 * whose padding holds nothing defined). */
static void
assert_scenes_equal (const SdScene *first,
                     const SdScene *second)
{
  g_assert_cmpint (first->kind, ==, second->kind);
  g_assert_cmpstr (first->title, ==, second->title);
  g_assert_cmpint (first->has_step, ==, second->has_step);
  g_assert_cmpuint (first->step, ==, second->step);
  g_assert_true (first->data != second->data);

  switch (first->kind)
    {
    case SD_SCENE_SURFACE:
      assert_surfaces_equal (first, second);
      break;
    case SD_SCENE_TRANSFORM:
      assert_transforms_equal (first, second);
      break;
    case SD_SCENE_DISTRIBUTION:
      assert_distributions_equal (first, second);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Saving writes every value, and loading it back gives the same scene,
 * whose text is then the same byte for byte. */
static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdScene) first = load (round_trip_texts[i], &error);
      g_autoptr(SdScene) second = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *saved_again = NULL;

      g_assert_no_error (error);
      saved = sd_scene_to_data (first, NULL);
      second = load (saved, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (second->warnings->len, ==, 0);
      saved_again = sd_scene_to_data (second, NULL);
      g_assert_cmpstr (saved, ==, saved_again);

      assert_scenes_equal (first, second);
    }
}

/* A copy is the same scene, and shares nothing with it: freeing the
 * original leaves the copy whole, and changing the copy leaves the
 * original as it was. */
static void
test_copy (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdScene) original = load (round_trip_texts[i], &error);
      g_autoptr(SdScene) copy = NULL;
      g_autoptr(SdScene) reference = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_ptr_array_add (original->warnings, g_strdup ("a warning"));
      copy = sd_scene_copy (original);
      reference = load (round_trip_texts[i], &error);
      g_assert_no_error (error);

      assert_scenes_equal (original, copy);
      g_assert_cmpuint (copy->warnings->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (copy->warnings, 0), ==, "a warning");

      text = sd_scene_to_data (original, NULL);
      g_clear_pointer (&original, sd_scene_free);
      assert_scenes_equal (copy, reference);

      /* Changing the copy's own data changes only the copy. */
      g_free (copy->title);
      copy->title = g_strdup ("Changed");
      original = load (text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (original->title, !=, "Changed");
    }
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saddle-scene-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lesson.saddle", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "lesson.saddle", NULL);
  g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_TRANSFORM);
  g_autoptr(SdScene) loaded = NULL;
  g_autoptr(GDir) listing = NULL;

  sd_scene_get_transform (scene)->matrix = (SdMat2) { 1.0, 2.0, 3.0, 4.0 };
  g_assert_true (sd_scene_save_file (scene, path, &error));
  g_assert_no_error (error);
  loaded = sd_scene_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_scene_get_transform (loaded)->matrix.c, ==, 3.0);

  /* A save that cannot happen leaves nothing behind, and says which file
   * could not be written (not the temporary one). */
  g_assert_false (sd_scene_save_file (scene, nowhere, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, nowhere));
  g_assert_cmpstr (error->message + strlen (nowhere), ==, ": No such file or directory");
  g_clear_error (&error);

  /* Saving over the file replaces it whole. */
  sd_scene_get_transform (scene)->matrix.c = 5.0;
  g_assert_true (sd_scene_save_file (scene, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, sd_scene_free);
  loaded = sd_scene_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_scene_get_transform (loaded)->matrix.c, ==, 5.0);

  listing = g_dir_open (dir, 0, &error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "lesson.saddle");
  g_assert_null (g_dir_read_name (listing));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Saving over a file keeps what the user set on it: its permissions, and
 * a symbolic link stays a link to the file it leads to. */
static void
test_save_keeps_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saddle-scene-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lesson.saddle", NULL);
  g_autofree char *link = g_build_filename (dir, "link.saddle", NULL);
  g_autoptr(SdScene) scene = sd_scene_new (SD_SCENE_TRANSFORM);
  g_autoptr(SdScene) loaded = NULL;
  g_autofree char *target = NULL;
  GStatBuf info;

  g_assert_true (sd_scene_save_file (scene, path, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, 0640));
  sd_scene_get_transform (scene)->matrix.b = 7.0;
  g_assert_true (sd_scene_save_file (scene, path, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (path, &info));
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);

  g_assert_no_errno (symlink ("lesson.saddle", link));
  sd_scene_get_transform (scene)->matrix.b = 9.0;
  g_assert_true (sd_scene_save_file (scene, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, &error);
  g_assert_cmpstr (target, ==, "lesson.saddle");
  loaded = sd_scene_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd_scene_get_transform (loaded)->matrix.b, ==, 9.0);
  g_assert_no_errno (g_stat (path, &info));
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);

  g_assert_no_errno (g_remove (link));
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Splits CSV text into rows of fields; the fields here hold no quotes. */
static GPtrArray *
parse_csv (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
    }

  return rows;
}

static double
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  char **fields = g_ptr_array_index (rows, row);

  return g_ascii_strtod (fields[column], NULL);
}

/* Gradient descent on f = x^2 + 10 y^2 with learning rate η shrinks each
 * coordinate geometrically: x_k = (1 - 2η)^k x_0, y_k = (1 - 20η)^k y_0. */
static void
test_csv_surface (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "[Surface]\nfunction=custom\nexpression=x^2 + 10*y^2\n"
                                   "[Run GD, fast]\noptimizer=sgd\nlearning-rate=0.01\n"
                                   "start=1;-2\nsteps=50\n", &error);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize length;

  g_assert_no_error (error);
  csv = sd_scene_to_csv (scene, NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_prefix (csv, "run,step,x,y,loss,grad_x,grad_y,end\n"
                                        "\"GD, fast\",0,1,-2,41,2,-40,\n"));
  /* The last row says how the run ended: it made all 50 steps. */
  g_assert_true (g_str_has_suffix (csv, ",completed\n"));

  /* The quoted name holds a comma; drop it to split the rest simply. */
  for (char *p = csv; (p = strstr (p, "\"GD, fast\"")) != NULL; )
    memcpy (p, "GD-fast---", 10);

  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + 51);
  for (guint k = 0; k <= 50; k++)
    {
      double x = pow (0.98, k), y = -2.0 * pow (0.8, k);

      g_assert_cmpfloat (field (rows, k + 1, 1), ==, k);
      g_assert_cmpfloat_with_epsilon (field (rows, k + 1, 2), x, 1e-15);
      g_assert_cmpfloat_with_epsilon (field (rows, k + 1, 3), y, 1e-15);
      g_assert_cmpfloat_with_epsilon (field (rows, k + 1, 4), x * x + 10 * y * y, 1e-14);
      g_assert_cmpfloat_with_epsilon (field (rows, k + 1, 5), 2 * x, 1e-15);
      g_assert_cmpfloat_with_epsilon (field (rows, k + 1, 6), 20 * y, 1e-14);
    }
}

/* A run that leaves the finite numbers ends at its last finite point. */
static void
test_csv_divergence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (SURFACE_HEADER
                                   "[Surface]\nfunction=custom\nexpression=x^2\n"
                                   "[Run Boom]\noptimizer=sgd\nlearning-rate=1e10\n"
                                   "start=1;0\nsteps=100\n", &error);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char **last;

  g_assert_no_error (error);
  csv = sd_scene_to_csv (scene, NULL, NULL, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);

  /* x_k = (1 - 2e10)^k: |x| passes 1e308 between k = 30 and 31, and its
   * square (the loss) overflows from k = 16 on. */
  g_assert_cmpuint (rows->len, >=, 2);
  g_assert_cmpuint (rows->len, <, 1 + 101);
  last = g_ptr_array_index (rows, rows->len - 1);
  g_assert_true (isfinite (g_ascii_strtod (last[2], NULL)));
  g_assert_true (isfinite (g_ascii_strtod (last[4], NULL)));
}

static void
assert_quantities (const char         *matrix,
                   const char * const *names,
                   const double       *values)
{
  g_autofree char *text = g_strdup_printf ("[Scene]\nversion=1\nkind=transform\n"
                                           "[Transform]\nmatrix=%s\n", matrix);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (text, &error);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n = g_strv_length ((char **) names);

  g_assert_no_error (error);
  csv = sd_scene_to_csv (scene, NULL, NULL, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "quantity");
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, i + 1))[0], ==, names[i]);
      if (isinf (values[i]))
        g_assert_cmpfloat (field (rows, i + 1, 1), ==, values[i]);
      else
        g_assert_cmpfloat_with_epsilon (field (rows, i + 1, 1), values[i], 1e-14);
    }
}

/* Closed forms: [[2,1],[1,2]] has eigenvalues 3 and 1 with eigenvectors
 * (1,1)/√2 and (1,-1)/√2, and being symmetric positive definite its
 * singular values are its eigenvalues. A quarter turn has eigenvalues ±i,
 * no real eigenvectors, and singular values 1 and 1. */
static void
test_csv_transform (void)
{
  static const char * const real_names[] = {
    "determinant", "trace", "eigenvalue1_re", "eigenvalue1_im", "eigenvalue2_re",
    "eigenvalue2_im", "eigenvector1_x", "eigenvector1_y", "eigenvector2_x", "eigenvector2_y",
    "singular_value1", "singular_value2", "condition_number", NULL
  };
  const double real_values[] = {
    3, 4, 3, 0, 1, 0, M_SQRT1_2, M_SQRT1_2, M_SQRT1_2, -M_SQRT1_2, 3, 1, 3
  };
  static const char * const complex_names[] = {
    "determinant", "trace", "eigenvalue1_re", "eigenvalue1_im", "eigenvalue2_re",
    "eigenvalue2_im", "singular_value1", "singular_value2", "condition_number", NULL
  };
  const double complex_values[] = { 1, 0, 0, 1, 0, -1, 1, 1, 1 };
  static const char * const singular_names[] = {
    "determinant", "trace", "eigenvalue1_re", "eigenvalue1_im", "eigenvalue2_re",
    "eigenvalue2_im", "eigenvector1_x", "eigenvector1_y", "eigenvector2_x", "eigenvector2_y",
    "singular_value1", "singular_value2", "condition_number", NULL
  };
  /* [[1,2],[2,4]]: eigenvalues 5 and 0 with eigenvectors (1,2)/√5 and
   * (2,-1)/√5; singular values 5 and 0, so the condition number is infinite. */
  const double singular_values[] = {
    0, 5, 5, 0, 0, 0, 1 / sqrt (5), 2 / sqrt (5), 2 / sqrt (5), -1 / sqrt (5), 5, 0, INFINITY
  };

  assert_quantities ("2;1;1;2", real_names, real_values);
  assert_quantities ("0;-1;1;0", complex_names, complex_values);
  assert_quantities ("1;2;2;4", singular_names, singular_values);
}

#define DISTRIBUTION_HEADER "[Scene]\nversion=1\nkind=distribution\n"

static void
test_load_distributions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution Prior]\nfamily=normal\nsd=2\n"
                                   "[Distribution Coin]\nfamily=binomial\nn=10\np=0.3\n"
                                   "x-range=0;10\nsamples=500\nseed=9\ninterval=2;4\n"
                                   "[Distribution Pair]\nfamily=bivariate-normal\n"
                                   "mean=1;-2\ncovariance=2;0.5;3\n", &error);
  const SdSceneDistribution *prior, *coin, *pair;

  g_assert_no_error (error);
  g_assert_cmpuint (sd_scene_get_distributions (scene)->distributions->len, ==, 3);

  prior = g_ptr_array_index (sd_scene_get_distributions (scene)->distributions, 0);
  g_assert_cmpstr (prior->name, ==, "Prior");
  g_assert_cmpstr (prior->family, ==, "normal");
  g_assert_cmpuint (prior->n_values, ==, 2);
  g_assert_cmpfloat (prior->values[0], ==, 0.0);   /* the default mean */
  g_assert_cmpfloat (prior->values[1], ==, 2.0);
  g_assert_cmpfloat (prior->x_range[0], <, -5.0);  /* the family's default view */
  g_assert_cmpfloat (prior->x_range[1], >, 5.0);
  g_assert_cmpuint (prior->points, ==, 201);
  g_assert_cmpint (prior->layers, ==, SD_LAYER_PDF);

  coin = g_ptr_array_index (sd_scene_get_distributions (scene)->distributions, 1);
  g_assert_cmpfloat (coin->values[0], ==, 10.0);
  g_assert_cmpfloat (coin->values[1], ==, 0.3);
  g_assert_cmpuint (coin->samples, ==, 500);
  g_assert_cmpuint (coin->seed, ==, 9);
  g_assert_cmpint (coin->layers, ==, SD_LAYER_PDF | SD_LAYER_HISTOGRAM | SD_LAYER_INTERVAL);

  pair = g_ptr_array_index (sd_scene_get_distributions (scene)->distributions, 2);
  g_assert_cmpuint (pair->n_values, ==, 5);
  g_assert_cmpfloat (pair->values[0], ==, 1.0);
  g_assert_cmpfloat (pair->values[1], ==, -2.0);
  g_assert_cmpfloat (pair->values[2], ==, 2.0);
  g_assert_cmpfloat (pair->values[3], ==, 0.5);
  g_assert_cmpfloat (pair->values[4], ==, 3.0);
}

static void
test_distribution_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=zipf\n",
      "lesson.saddle: [Distribution A] family: unknown distribution family 'zipf'" },
    { DISTRIBUTION_HEADER "[Distribution A]\nmean=0\n",
      "lesson.saddle: [Distribution A] family: missing; this key is required" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\nsd=-1\n",
      "lesson.saddle: [Distribution A] sd: must be a positive finite number, got -1" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=binomial\np=1.5\n",
      "lesson.saddle: [Distribution A] p: must be between 0 and 1, got 1.5" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=bivariate-normal\ncovariance=1;2;1\n",
      "lesson.saddle: [Distribution A] covariance: must be positive definite "
      "(sxx > 0, syy > 0, sxx*syy > sxy^2)" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=bivariate-normal\nmean=1;2;3\n",
      "lesson.saddle: [Distribution A] mean: expected 2 numbers separated by ';', got 3" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\npoints=1\n",
      "lesson.saddle: [Distribution A] points: must be a whole number from 2 to 100000, got '1'" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\nsamples=10000001\n",
      "lesson.saddle: [Distribution A] samples: must be a whole number from 0 to 10000000, "
      "got '10000001'" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\nlayers=pdf;histogram\n",
      "lesson.saddle: [Distribution A] layers: histogram needs samples > 0" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\nlayers=interval\n",
      "lesson.saddle: [Distribution A] layers: interval needs the interval key (a;b)" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\ninterval=1;-1\n",
      "lesson.saddle: [Distribution A] interval: a must not be greater than b, got '1;-1'" },
    { DISTRIBUTION_HEADER "[Distribution A]\nfamily=normal\nbins=0\n",
      "lesson.saddle: [Distribution A] bins: must be a whole number from 1 to 1000, got '0'" },
    { DISTRIBUTION_HEADER "[Distribution ]\nfamily=normal\n",
      "lesson.saddle: [Distribution ] needs a name after 'Distribution ', as in "
      "[Distribution Prior]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].message);
      assert_load_error (cases[i].text, cases[i].message);
    }
}

/* Reference values from SciPy 1.10:
 *   import scipy.stats as st
 *   st.norm(0, 1).pdf(-1.0), st.norm(0, 1).cdf(-1.0)  # 0.24197072451914337 0.15865525393145707
 *   st.norm(0, 1).pdf(0.0)                            # 0.3989422804014327
 *   st.binom(10, 0.3).pmf(3), st.binom(10, 0.3).cdf(3)  # 0.26682793199999977 0.6496107184000002
 *   st.norm(1, 2**0.5).pdf(1.0)                       # 0.28209479177387814
 */
static void
test_csv_distribution (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = load (DISTRIBUTION_HEADER
                                   "[Distribution N]\nfamily=normal\nx-range=-1;1\npoints=3\n"
                                   "[Distribution B]\nfamily=binomial\nn=10\np=0.3\n"
                                   "x-range=-0.5;3.7\n"
                                   "[Distribution P]\nfamily=bivariate-normal\nmean=1;-2\n"
                                   "covariance=2;0.5;3\nx-range=1;2\ny-range=-2;0\npoints=2\n",
                                   &error);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  static const char * const names[] = {
    "N", "N", "N", "B", "B", "B", "B", "P:x", "P:x", "P:y", "P:y"
  };
  const double xs[] = { -1, 0, 1, 0, 1, 2, 3, 1, 2, -2, 0 };

  g_assert_no_error (error);
  csv = sd_scene_to_csv (scene, NULL, NULL, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);

  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "distribution");
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, i + 1))[0], ==, names[i]);
      g_assert_cmpfloat (field (rows, i + 1, 1), ==, xs[i]);
    }

  g_assert_cmpfloat_with_epsilon (field (rows, 1, 2), 0.24197072451914337, 1e-16);
  g_assert_cmpfloat_with_epsilon (field (rows, 1, 3), 0.15865525393145707, 1e-16);
  g_assert_cmpfloat_with_epsilon (field (rows, 2, 2), 0.3989422804014327, 1e-16);
  g_assert_cmpfloat (field (rows, 2, 3), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (field (rows, 7, 2), 0.26682793199999977, 1e-15);
  g_assert_cmpfloat_with_epsilon (field (rows, 7, 3), 0.6496107184000002, 1e-15);
  /* The x marginal of P is normal(1, √2); its density at its mean. */
  g_assert_cmpfloat_with_epsilon (field (rows, 8, 2), 0.28209479177387814, 1e-16);
  g_assert_cmpfloat (field (rows, 11, 3), ==, 0.5 + 0.5 * erf (2.0 / sqrt (6.0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  g_test_add_func ("/core/scene/load/surface", test_load_surface);
  g_test_add_func ("/core/scene/load/surface-defaults", test_surface_defaults);
  g_test_add_func ("/core/scene/load/transform", test_load_transform);
  g_test_add_func ("/core/scene/load/display-keys", test_display_keys);
  g_test_add_func ("/core/scene/load/warnings", test_warnings);
  g_test_add_func ("/core/scene/load/errors", test_errors);
  g_test_add_func ("/core/scene/load/not-a-scene", test_not_a_scene);
  g_test_add_func ("/core/scene/load/files", test_files);
  g_test_add_func ("/core/scene/save/round-trip", test_round_trip);
  g_test_add_func ("/core/scene/save/atomic", test_save_atomic);
  g_test_add_func ("/core/scene/save/keeps-file", test_save_keeps_file);
  g_test_add_func ("/core/scene/load/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/core/scene/load/too-many-runs", test_too_many_runs);
  g_test_add_func ("/core/scene/copy", test_copy);
  g_test_add_func ("/core/scene/csv/surface", test_csv_surface);
  g_test_add_func ("/core/scene/csv/divergence", test_csv_divergence);
  g_test_add_func ("/core/scene/csv/transform", test_csv_transform);
  g_test_add_func ("/core/scene/load/distributions", test_load_distributions);
  g_test_add_func ("/core/scene/load/distribution-errors", test_distribution_errors);
  g_test_add_func ("/core/scene/csv/distribution", test_csv_distribution);

  return g_test_run ();
}
