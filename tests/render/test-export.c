/* test-export.c: `saddle --export` as PNG, SVG, PDF and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <cairo.h>

#include "core-error.h"
#include "export.h"

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
                   "figure.jpeg: unsupported extension '.jpeg'; use one of .png, .svg, .pdf, .csv");
  g_clear_error (&error);

  g_assert_false (sd_export_format_from_path ("plots.d/figure", &format, &error));
  g_assert_cmpstr (error->message, ==,
                   "plots.d/figure: no file extension to tell the format; "
                   "use one of .png, .svg, .pdf, .csv");
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

/* Every example scene exports in every format without a warning, so the
 * shipped scenes and the lecture figures never rot. */
static void
test_example_scenes (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "scenes", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  static const char * const extensions[] = { ".png", ".svg", ".pdf", ".csv" };
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

  g_assert_cmpuint (n_scenes, >=, 8);
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
  g_test_add_func ("/render/export/example-scenes", test_example_scenes);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
