/* test-export.c: `saddle --export` as PNG, SVG, PDF, CSV and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <cairo.h>
#include <json-glib/json-glib.h>

#include "core-error.h"
#include "distribution-figure.h"
#include "export.h"
#include "overlay.h"
#include "scene-surface.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static SdScene *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdScene *scene = sd_scene_load_data (text, strlen (text), "test.saddle", &error);

  g_assert_no_error (error);
  return scene;
}

#define TRANSFORM_SCENE \
  "[Scene]\nversion=1\nkind=transform\ntitle=A “shear”\n[Transform]\nmatrix=1;1;0;1\n"
#define SURFACE_SCENE \
  "[Scene]\nversion=1\nkind=surface\n[Surface]\nfunction=booth\nresolution=64\n" \
  "[Run A]\noptimizer=adam\nlearning-rate=0.5\nstart=-5;5\nsteps=50\n"

static void
test_formats (void)
{
  static const struct { const char *path; SdExportFormat format; } known[] = {
    { "a.png", SD_EXPORT_PNG }, { "dir.v2/a.SVG", SD_EXPORT_SVG },
    { "a.b.Pdf", SD_EXPORT_PDF }, { "a.csv", SD_EXPORT_CSV },
    { "notes/a.json", SD_EXPORT_JSON }, { "A.JSON", SD_EXPORT_JSON },
  };
  g_autoptr(GError) error = NULL;
  SdExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_assert_true (sd_export_format_from_path (known[i].path, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, known[i].format);
    }

  g_assert_false (sd_export_format_from_path ("figure.jpeg", &format, &error));
  g_assert_cmpstr (error->message, ==,
                   "figure.jpeg: unsupported extension '.jpeg'; "
                   "use one of .png, .svg, .pdf, .csv, .json");
  g_clear_error (&error);

  g_assert_false (sd_export_format_from_path ("plots.d/figure", &format, &error));
  g_assert_cmpstr (error->message, ==,
                   "plots.d/figure: no file extension to tell the format; "
                   "use one of .png, .svg, .pdf, .csv, .json");
  g_clear_error (&error);

  g_assert_false (sd_export_format_from_path ("numbers.jsonl", &format, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* PNG pixels are the size in points times the scale. */
static void
test_png_size (void)
{
  g_autoptr(SdScene) scene = load_text (TRANSFORM_SCENE);
  g_autofree char *path = tmp_path ("size.png");
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  SdExportOptions options;
  gsize length;

  sd_export_options_init (&options);
  options.figure.width = 400;
  options.figure.height = 300;
  options.scale = 2.5;
  g_assert_true (sd_export_scene (scene, path, &options, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_true (memcmp (data + 12, "IHDR", 4) == 0);
  g_assert_cmpuint (read_be32 (data + 16), ==, 1000);
  g_assert_cmpuint (read_be32 (data + 20), ==, 750);
  g_assert_no_errno (g_remove (path));
}

static guint32
pixel (cairo_surface_t *image,
       int              x,
       int              y)
{
  const guint8 *row = cairo_image_surface_get_data (image)
                      + y * cairo_image_surface_get_stride (image);

  return ((const guint32 *) row)[x];
}

/* Print theme with --transparent leaves the corners unpainted; the dark
 * theme paints them dark. */
static void
test_png_background (void)
{
  g_autoptr(SdScene) scene = load_text (TRANSFORM_SCENE);
  g_autofree char *path = tmp_path ("background.png");
  SdExportOptions options;
  cairo_surface_t *image;

  sd_export_options_init (&options);
  options.figure.theme = SD_THEME_PRINT;
  options.figure.transparent = TRUE;
  g_assert_true (sd_export_scene (scene, path, &options, NULL, NULL));
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmphex (pixel (image, 1, 1) >> 24, ==, 0);
  cairo_surface_destroy (image);

  options.figure.theme = SD_THEME_DARK;
  options.figure.transparent = FALSE;
  g_assert_true (sd_export_scene (scene, path, &options, NULL, NULL));
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmphex (pixel (image, 1, 1) >> 24, ==, 0xff);
  g_assert_cmpuint ((pixel (image, 1, 1) >> 8) & 0xff, <, 0x40);
  cairo_surface_destroy (image);
  g_assert_no_errno (g_remove (path));
}

typedef struct {
  guint    svg;
  guint    paths;
  guint    images;
  char    *width;
} SvgCount;

static void
count_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  SvgCount *count = user_data;

  if (g_str_equal (name, "svg"))
    {
      count->svg++;
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (g_str_equal (attribute_names[i], "width"))
            count->width = g_strdup (attribute_values[i]);
        }
    }
  else if (g_str_equal (name, "path"))
    count->paths++;
  else if (g_str_equal (name, "image"))
    count->images++;
}

/* The SVG is well-formed XML, sized in points, with vector paths for lines
 * and text, and the heatmap as one embedded image. */
static void
test_svg (void)
{
  static const GMarkupParser parser = { count_element, NULL, NULL, NULL, NULL };
  g_autoptr(SdScene) scene = load_text (SURFACE_SCENE);
  g_autofree char *path = tmp_path ("figure.svg");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  SvgCount count = { 0 };
  gsize length;

  g_assert_true (sd_export_scene (scene, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));

  context = g_markup_parse_context_new (&parser, 0, &count, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count.svg, ==, 1);
  g_assert_cmpstr (count.width, ==, "800pt");
  g_assert_cmpuint (count.paths, >, 20);
  g_assert_cmpuint (count.images, >=, 1);
  g_free (count.width);
  g_assert_no_errno (g_remove (path));
}

static guint
count_occurrences (const char *haystack,
                   gsize       length,
                   const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    {
      if (memcmp (haystack + i, needle, n) == 0)
        count++;
    }

  return count;
}

/* One page, titled with the scene's title. */
static void
test_pdf (void)
{
  g_autoptr(SdScene) scene = load_text (TRANSFORM_SCENE);
  g_autofree char *path = tmp_path ("figure.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (sd_export_scene (scene, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));

  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_cmpuint (count_occurrences (text, length, "/Type /Page\n")
                    + count_occurrences (text, length, "/Type /Page "), ==, 1);
  g_assert_cmpuint (count_occurrences (text, length, "/Count 1"), ==, 1);
  /* cairo writes a non-ASCII title as UTF-16BE with a byte order mark */
  g_assert_cmpuint (count_occurrences (text, length, "/Title"), ==, 1);
  g_assert_cmpuint (count_occurrences (text, length, "/MediaBox [ 0 0 800 600 ]"), ==, 1);
  g_assert_no_errno (g_remove (path));
}

/* A failed export leaves no file and keeps an existing one whole. */
static void
test_atomic (void)
{
  g_autoptr(SdScene) scene = load_text (SURFACE_SCENE);
  g_autofree char *kept = tmp_path ("kept.png");
  g_autofree char *fresh = tmp_path ("fresh.pdf");
  g_autofree char *nowhere = g_build_filename (tmp_dir, "missing", "a.png", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (kept, "precious", -1, NULL));
  g_cancellable_cancel (cancellable);

  g_assert_false (sd_export_scene (scene, kept, NULL, cancellable, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sd_export_scene (scene, fresh, NULL, cancellable, &error));
  g_clear_error (&error);
  g_assert_false (sd_export_scene (scene, nowhere, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_no_errno (g_remove (kept));
}

/* A .json file holds exactly sd_scene_to_json()'s text. */
static void
test_json (void)
{
  g_autoptr(SdScene) scene = load_text (SURFACE_SCENE);
  g_autofree char *path = tmp_path ("numbers.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize length, expected_length;

  g_assert_true (sd_export_scene (scene, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  expected = sd_scene_to_json (scene, NULL, &expected_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, expected_length);
  g_assert_no_errno (g_remove (path));
}

static JsonObject *
parse_json (const SdScene *scene)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sd_scene_to_json (scene, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static double
pair_at (JsonObject *object,
         const char *key,
         guint       index)
{
  return json_array_get_double_element (json_object_get_array_member (object, key), index);
}

/* The JSON describes the figure: the interval's probability, the
 * moments the figure marks and its histogram's bars are the figure's own
 * numbers, to the last bit. */
static void
test_json_matches_distribution_figure (void)
{
  g_autoptr(SdScene) scene = load_text ("[Scene]\nversion=1\nkind=distribution\n"
                                        "[Distribution Waits]\nfamily=gamma\nshape=2\n"
                                        "scale=1.5\nx-range=0;12\nsamples=3000\nseed=11\n"
                                        "bins=24\ninterval=1;4\n"
                                        "layers=pdf;histogram;interval;moments\n"
                                        "[Distribution Counts]\nfamily=binomial\nn=12\np=0.3\n"
                                        "x-range=0;12\nsamples=500\nseed=2\ninterval=2;5\n");
  g_autoptr(JsonObject) json = parse_json (scene);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDistributionFigure) figure = sd_distribution_figure_new (scene, NULL, &error);
  JsonArray *distributions = json_object_get_array_member (json, "distributions");

  g_assert_no_error (error);
  g_assert_cmpuint (figure->curves->len, ==, 2);
  for (guint i = 0; i < figure->curves->len; i++)
    {
      const SdDistributionCurve *curve = g_ptr_array_index (figure->curves, i);
      JsonObject *d = json_array_get_object_element (distributions, i);
      JsonObject *moments = json_object_get_object_member (d, "moments");
      JsonObject *samples = json_object_get_object_member (d, "samples");
      JsonObject *histogram = json_object_get_object_member (d, "histogram");
      JsonArray *counts = json_object_get_array_member (histogram, "counts");
      JsonArray *edges = json_object_get_array_member (histogram, "edges");
      guint n_bins = sd_histogram_get_n_bins (curve->histogram);

      g_assert_cmpfloat (json_object_get_double_member (
                           json_object_get_object_member (d, "interval"), "probability"),
                         ==, curve->probability);
      g_assert_cmpfloat (json_object_get_double_member (moments, "mean"), ==, curve->mean);
      g_assert_cmpfloat (json_object_get_double_member (moments, "standard_deviation"), ==,
                         curve->sd);
      g_assert_cmpint (json_object_get_int_member (samples, "count"), ==, curve->n_samples);

      g_assert_cmpuint (json_array_get_length (counts), ==, n_bins);
      for (guint b = 0; b < n_bins; b++)
        {
          double lower, upper;

          sd_histogram_get_bin (curve->histogram, b, &lower, &upper);
          g_assert_cmpint (json_array_get_int_element (counts, b), ==,
                           sd_histogram_get_count (curve->histogram, b));
          g_assert_cmpfloat (json_array_get_double_element (edges, b), ==, lower);
          g_assert_cmpfloat (json_array_get_double_element (edges, b + 1), ==, upper);
        }
      g_assert_cmpint (json_object_get_int_member (histogram, "outside"), ==,
                       sd_histogram_get_n_outside (curve->histogram));
    }
}

/* The JSON's Explain quantities are what the overlays draw at the
 * scene's step. */
static void
test_json_matches_overlay (void)
{
  g_autoptr(SdScene) scene = load_text ("[Scene]\nversion=1\nkind=surface\nstep=20\n"
                                        "[Surface]\nfunction=rosenbrock\n"
                                        "[Run Ball]\noptimizer=momentum\nlearning-rate=0.001\n"
                                        "start=-1;1\nsteps=60\nexplain=gradient;step;velocity\n");
  g_autoptr(JsonObject) json = parse_json (scene);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSurface) surface = sd_scene_create_surface (scene, &error);
  const SdSceneRun *run = g_ptr_array_index (sd_scene_get_surface (scene)->runs, 0);
  g_autoptr(SdTrajectory) trajectory = NULL;
  JsonObject *explain, *curvature;
  SdOverlayData data;

  g_assert_no_error (error);
  trajectory = sd_trajectory_compute (surface, &run->params, run->start, run->steps, NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_true (sd_overlay_data_init (&data, surface, trajectory, scene->step));

  explain = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (json, "runs"), 0), "explain");
  curvature = json_object_get_object_member (explain, "curvature");
  g_assert_cmpint (json_object_get_int_member (explain, "step"), ==, 20);
  for (guint k = 0; k < 2; k++)
    {
      double arrow[2];

      g_assert_cmpfloat (pair_at (explain, "position", k), ==, data.position[k]);
      g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_GRADIENT, arrow));
      g_assert_cmpfloat (pair_at (explain, "gradient_step", k), ==, arrow[k]);
      g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_STEP, arrow));
      g_assert_cmpfloat (pair_at (explain, "step_taken", k), ==, arrow[k]);
      g_assert_true (sd_overlay_get_displacement (&data, SD_EXPLAIN_VELOCITY, arrow));
      g_assert_cmpfloat (pair_at (explain, "velocity_step", k), ==, arrow[k]);
    }
  g_assert_cmpfloat (json_object_get_double_member (curvature, "lambda_min"), ==,
                     data.curvature.lambda[0]);
  g_assert_cmpfloat (json_object_get_double_member (curvature, "lambda_max"), ==,
                     data.curvature.lambda[1]);
  g_assert_cmpfloat (json_object_get_double_member (curvature, "stability_bound"), ==,
                     data.curvature.stability_bound);
}

/* Exports every scene in FOLDER/SUBFOLDER of the source tree in every
 * format, without a warning; returns how many there were. */
static guint
export_every_scene (const char *folder,
                    const char *subfolder)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", folder, subfolder, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  static const char * const extensions[] = { ".png", ".svg", ".pdf", ".csv", ".json" };
  const char *name;
  guint n_scenes = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SdScene) scene = NULL;

      if (!g_str_has_suffix (name, ".saddle"))
        continue;

      g_test_message ("exporting %s", name);
      scene = sd_scene_load_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scene->warnings->len, ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
        {
          g_autofree char *out_name = g_strconcat (name, extensions[i], NULL);
          g_autofree char *out = tmp_path (out_name);
          GStatBuf st;

          g_assert_true (sd_export_scene (scene, out, NULL, NULL, &error));
          g_assert_no_error (error);
          g_assert_no_errno (g_stat (out, &st));
          g_assert_cmpint (st.st_size, >, 100);
          g_assert_no_errno (g_remove (out));
        }
      n_scenes++;
    }
  return n_scenes;
}

/* Every example scene and every gallery scene exports in every format
 * without a warning, so the shipped scenes, the lecture figures and the
 * lookbook build-aux/gallery draws never rot. */
static void
test_example_scenes (void)
{
  g_assert_cmpuint (export_every_scene ("data", "scenes"), >=, 13);
  g_assert_cmpuint (export_every_scene ("docs", "gallery"), >=, 23);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sd_core_init ();
  tmp_dir = g_dir_make_tmp ("saddle-export-XXXXXX", NULL);

  g_test_add_func ("/render/export/formats", test_formats);
  g_test_add_func ("/render/export/png-size", test_png_size);
  g_test_add_func ("/render/export/png-background", test_png_background);
  g_test_add_func ("/render/export/svg", test_svg);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/export/atomic", test_atomic);
  g_test_add_func ("/render/export/json", test_json);
  g_test_add_func ("/render/export/json/distribution-figure",
                   test_json_matches_distribution_figure);
  g_test_add_func ("/render/export/json/overlay", test_json_matches_overlay);
  g_test_add_func ("/render/export/example-scenes", test_example_scenes);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
