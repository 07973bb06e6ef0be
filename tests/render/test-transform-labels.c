/* test-transform-labels.c: what the transform figure's labels say and
 * where they go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pango.h>

#include "legend.h"
#include "transform-figure.h"

#define MINUS "\xe2\x88\x92"
#define WIDTH 800
#define HEIGHT 600

#define ALL_LAYERS (SD_LAYER_GRID | SD_LAYER_BASIS | SD_LAYER_UNIT_CIRCLE | \
                    SD_LAYER_EIGENVECTORS | SD_LAYER_DETERMINANT | SD_LAYER_SVD)

static SdScene *
scene_new (double a,
           double b,
           double c,
           double d)
{
  SdScene *scene = sd_scene_new (SD_SCENE_TRANSFORM);

  sd_scene_get_transform (scene)->matrix = (SdMat2) { a, b, c, d };
  sd_scene_get_transform (scene)->layers = ALL_LAYERS;
  return scene;
}

static SdTransformFigure *
figure_new (const SdScene *scene,
            double         width,
            double         height)
{
  g_autoptr(GError) error = NULL;
  SdTransformFigure *figure;
  SdFigureOptions options;

  sd_figure_options_init (&options);
  options.width = width;
  options.height = height;
  figure = sd_transform_figure_new (scene, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figure);
  return figure;
}

/* The labels of @kind, in order of their index. */
static GPtrArray *
labels_of (const SdTransformFigure *figure,
           SdTransformLabelKind     kind)
{
  GPtrArray *found = g_ptr_array_new ();
  const SdTransformLabel *labels;
  guint n;

  labels = sd_transform_figure_get_labels (figure, &n);
  for (guint i = 0; i < n; i++)
    if (labels[i].kind == kind)
      g_ptr_array_add (found, (gpointer) &labels[i]);
  return found;
}

/* The number a label states after its last "= ", read back from its
 * text: the minus sign U+2212 is the C library's hyphen. */
static double
stated_value (const SdTransformLabel *label)
{
  const char *equals = g_strrstr (label->markup, "= ");
  g_autoptr(GString) number = NULL;
  char *end;
  double value;

  g_assert_nonnull (equals);
  number = g_string_new (equals + 2);
  g_string_replace (number, MINUS, "-", 0);
  value = g_ascii_strtod (number->str, &end);
  g_assert_true (end != number->str);
  g_assert_cmpstr (end, ==, "");
  return value;
}

/* No two labels overlap, and every one lies inside the plot, which lies
 * inside the figure. */
static void
assert_laid_out (const SdTransformFigure *figure,
                 double                   width,
                 double                   height)
{
  const SdTransformLabel *labels;
  cairo_rectangle_t area;
  guint n;

  labels = sd_transform_figure_get_labels (figure, &n);
  sd_plot_get_area (sd_transform_figure_get_plot (figure), &area);
  g_assert_cmpfloat (area.x, >=, 0.0);
  g_assert_cmpfloat (area.y, >=, 0.0);
  g_assert_cmpfloat (area.x + area.width, <=, width);
  g_assert_cmpfloat (area.y + area.height, <=, height);

  for (guint i = 0; i < n; i++)
    {
      const cairo_rectangle_t *a = &labels[i].box;

      g_assert_true (g_utf8_validate (labels[i].markup, -1, NULL));
      g_assert_true (pango_parse_markup (labels[i].markup, -1, 0, NULL, NULL, NULL, NULL));
      g_assert_cmpfloat (a->width, >, 0.0);
      g_assert_cmpfloat (a->x, >=, area.x);
      g_assert_cmpfloat (a->y, >=, area.y);
      g_assert_cmpfloat (a->x + a->width, <=, area.x + area.width);
      g_assert_cmpfloat (a->y + a->height, <=, area.y + area.height);

      for (guint j = 0; j < i; j++)
        {
          const cairo_rectangle_t *b = &labels[j].box;

          g_assert_false (a->x < b->x + b->width && b->x < a->x + a->width
                          && a->y < b->y + b->height && b->y < a->y + a->height);
        }
    }
}

/* The distance on the page from the centre of @box to the line through
 * the origin along the data direction @v. */
static double
distance_to_line (const SdTransformFigure *figure,
                  const cairo_rectangle_t *box,
                  const double             v[2])
{
  const SdPlot *plot = sd_transform_figure_get_plot (figure);
  double ox, oy, px, py, length;

  sd_plot_map (plot, 0.0, 0.0, &ox, &oy);
  sd_plot_map (plot, v[0], v[1], &px, &py);
  length = hypot (px - ox, py - oy);
  return fabs ((px - ox) * (box->y + box->height / 2 - oy)
               - (py - oy) * (box->x + box->width / 2 - ox)) / length;
}

/* How far from a line a label beside it may be centred: the gap between
 * them, 0.35 font sizes, and half its own diagonal. */
static double
beside_line (const SdTransformLabel *label)
{
  return 0.35 * SD_THEME_FONT_SIZE + hypot (label->box.width, label->box.height) / 2;
}

/* The determinant's label says det A and its value, which is ad − bc. */
static void
assert_determinant (const SdTransformFigure *figure,
                    double                   determinant)
{
  g_autoptr(GPtrArray) det = labels_of (figure, SD_TRANSFORM_LABEL_DETERMINANT);
  const SdTransformLabel *label;

  g_assert_cmpuint (det->len, ==, 1);
  label = g_ptr_array_index (det, 0);
  g_assert_true (g_str_has_prefix (label->markup, "det <i>A</i> = "));
  g_assert_cmpfloat_with_epsilon (stated_value (label), determinant,
                                  5e-3 * MAX (1.0, fabs (determinant)));
}

/* [[2, 1], [1, 2]]: λ = 2 ± 1 along (1, ±1) / √2, det = 3. Each
 * eigenvalue's label sits beside its own line. */
static void
test_symmetric (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, 1.0, 2.0);
  g_autoptr(SdTransformFigure) figure = figure_new (scene, WIDTH, HEIGHT);
  g_autoptr(GPtrArray) eigen = labels_of (figure, SD_TRANSFORM_LABEL_EIGENVALUE);
  const double lines[2][2] = { { 1.0, 1.0 }, { 1.0, -1.0 } };
  const double values[2] = { 3.0, 1.0 };
  const SdLinmapAnalysis *analysis = sd_transform_figure_get_analysis (figure);

  g_assert_cmpuint (eigen->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const SdTransformLabel *label = g_ptr_array_index (eigen, i);
      double value = stated_value (label);
      guint which = fabs (value - values[0]) < fabs (value - values[1]) ? 0 : 1;
      g_autofree char *prefix = g_strdup_printf ("λ<sub>%u</sub> = ", label->index + 1);

      g_assert_true (g_str_has_prefix (label->markup, prefix));
      g_assert_cmpfloat_with_epsilon (value, values[which], 1e-9);
      g_assert_cmpfloat_with_epsilon (value, analysis->eigenvalues_re[label->index], 1e-9);
      /* Beside its line: within the gap and its own half size. */
      g_assert_cmpfloat (distance_to_line (figure, &label->box, lines[which]), <=,
                         beside_line (label));
      g_assert_cmpfloat (distance_to_line (figure, &label->box, lines[1 - which]), >,
                         hypot (label->box.width, label->box.height) / 2);
    }
  g_assert_cmpuint (((const SdTransformLabel *) g_ptr_array_index (eigen, 0))->index, !=,
                    ((const SdTransformLabel *) g_ptr_array_index (eigen, 1))->index);

  assert_determinant (figure, 3.0);
  assert_laid_out (figure, WIDTH, HEIGHT);
}

/* A rotation by 30° has complex eigenvalues cos 30° ± i sin 30°: no real
 * eigenvector, so no eigenvalue label; its determinant is 1. */
static void
test_rotation (void)
{
  double c = cos (G_PI / 6), s = sin (G_PI / 6);
  g_autoptr(SdScene) scene = scene_new (c, -s, s, c);
  g_autoptr(SdTransformFigure) figure = figure_new (scene, WIDTH, HEIGHT);
  g_autoptr(GPtrArray) eigen = labels_of (figure, SD_TRANSFORM_LABEL_EIGENVALUE);
  g_autoptr(GPtrArray) images = labels_of (figure, SD_TRANSFORM_LABEL_BASIS_IMAGE);

  g_assert_cmpuint (eigen->len, ==, 0);
  assert_determinant (figure, 1.0);
  /* M î and M ĵ are always named. */
  g_assert_cmpuint (images->len, ==, 2);
  g_assert_cmpstr (((const SdTransformLabel *) g_ptr_array_index (images, 0))->markup, ==,
                   "<i>A</i>î");
  g_assert_cmpstr (((const SdTransformLabel *) g_ptr_array_index (images, 1))->markup, ==,
                   "<i>A</i>ĵ");
  assert_laid_out (figure, WIDTH, HEIGHT);
}

/* The shear [[1, 1.5], [0, 1]] is defective: the one eigenvalue 1, twice,
 * along the x axis alone; det = 1. */
static void
test_shear (void)
{
  g_autoptr(SdScene) scene = scene_new (1.0, 1.5, 0.0, 1.0);
  g_autoptr(SdTransformFigure) figure = figure_new (scene, WIDTH, HEIGHT);
  g_autoptr(GPtrArray) eigen = labels_of (figure, SD_TRANSFORM_LABEL_EIGENVALUE);
  const double x_axis[2] = { 1.0, 0.0 };
  const SdTransformLabel *label;

  g_assert_cmpuint (eigen->len, ==, 1);
  label = g_ptr_array_index (eigen, 0);
  g_assert_true (g_str_has_prefix (label->markup, "λ<sub>1</sub> = λ<sub>2</sub> = "));
  g_assert_cmpfloat (stated_value (label), ==, 1.0);
  g_assert_cmpfloat (distance_to_line (figure, &label->box, x_axis), <=, beside_line (label));
  assert_determinant (figure, 1.0);
  assert_laid_out (figure, WIDTH, HEIGHT);
}

/* [[1, 2], [2, 4]] flattens the plane onto the line along (1, 2): λ = 5
 * along it and 0 along (2, −1), exactly 0 however the rounding went;
 * det = 0, and the unit square's image, a segment, holds no label. */
static void
test_singular (void)
{
  g_autoptr(SdScene) scene = scene_new (1.0, 2.0, 2.0, 4.0);
  g_autoptr(SdTransformFigure) figure = figure_new (scene, WIDTH, HEIGHT);
  g_autoptr(GPtrArray) eigen = labels_of (figure, SD_TRANSFORM_LABEL_EIGENVALUE);
  g_autoptr(GPtrArray) det = labels_of (figure, SD_TRANSFORM_LABEL_DETERMINANT);
  double stated[2];

  g_assert_cmpuint (eigen->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    stated[i] = stated_value (g_ptr_array_index (eigen, i));
  g_assert_cmpfloat (MAX (stated[0], stated[1]), ==, 5.0);
  g_assert_cmpfloat (MIN (stated[0], stated[1]), ==, 0.0);
  for (guint i = 0; i < 2; i++)
    g_assert_null (strstr (((const SdTransformLabel *) g_ptr_array_index (eigen, i))->markup,
                           "10<sup>"));

  g_assert_cmpstr (((const SdTransformLabel *) g_ptr_array_index (det, 0))->markup, ==,
                   "det <i>A</i> = 0");
  assert_laid_out (figure, WIDTH, HEIGHT);
}

/* The same matrices in a small, narrow figure: the labels still keep
 * apart and inside. */
static void
test_small (void)
{
  const SdMat2 matrices[] = {
    { 2.0, 1.0, 1.0, 2.0 }, { 0.8660254037844387, -0.5, 0.5, 0.8660254037844387 },
    { 1.0, 1.5, 0.0, 1.0 }, { 1.0, 2.0, 2.0, 4.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (matrices); i++)
    {
      const SdMat2 *m = &matrices[i];
      g_autoptr(SdScene) scene = scene_new (m->a, m->b, m->c, m->d);
      g_autoptr(SdTransformFigure) figure = figure_new (scene, 420, 380);

      assert_laid_out (figure, 420, 380);
    }
}

/* Example scenes ---------------------------------------------------------- */

/* The files of the transform scenes among the examples (data/scenes) and
 * the gallery (docs/gallery). */
static GPtrArray *
example_scenes (void)
{
  static const char * const folders[][2] = { { "data", "scenes" }, { "docs", "gallery" } };
  GPtrArray *scenes = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", folders[f][0],
                                                       folders[f][1], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(SdScene) scene = NULL;

          if (!g_str_has_suffix (name, ".saddle"))
            continue;
          scene = sd_scene_load_file (path, &error);
          g_assert_no_error (error);
          if (scene->kind == SD_SCENE_TRANSFORM)
            g_ptr_array_add (scenes, g_steal_pointer (&path));
        }
    }

  g_assert_cmpuint (scenes->len, >=, 10);
  return scenes;
}

/* Adds the page points a point apart along the data segment from @p to @q. */
static void
add_segment (GArray       *points,
             const SdPlot *plot,
             const double  p[2],
             const double  q[2])
{
  double x0, y0, x1, y1;
  guint n;

  sd_plot_map (plot, p[0], p[1], &x0, &y0);
  sd_plot_map (plot, q[0], q[1], &x1, &y1);
  n = (guint) ceil (hypot (x1 - x0, y1 - y0));
  for (guint i = 0; i <= n; i++)
    {
      double t = n > 0 ? (double) i / n : 0.0;
      double point[2] = { x0 + t * (x1 - x0), y0 + t * (y1 - y0) };

      g_array_append_vals (points, point, 2);
    }
}

/* The map the figure draws, M = (1 − t) I + t A. */
static SdMat2
drawn_map (const SdSceneTransform *transform)
{
  const SdMat2 *a = &transform->matrix;
  double t = transform->t;

  return (SdMat2) { 1 - t + t * a->a, t * a->b, t * a->c, 1 - t + t * a->d };
}

/* The arrows from the origin, as points along them: î and ĵ and their
 * images, v and M v, σ1 u1 and σ2 u2, each as the layers show them. */
static GArray *
arrow_points (const SdTransformFigure *figure,
              const SdScene           *scene)
{
  const SdSceneTransform *transform = sd_scene_get_transform (scene);
  const SdLinmapAnalysis *analysis = sd_transform_figure_get_analysis (figure);
  const SdPlot *plot = sd_transform_figure_get_plot (figure);
  const double origin[2] = { 0.0, 0.0 }, units[2][2] = { { 1, 0 }, { 0, 1 } };
  const double *s = analysis->singular_values;
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  SdMat2 m = drawn_map (transform);

  for (guint i = 0; (transform->layers & SD_LAYER_BASIS) && i < 2; i++)
    {
      double image[2];

      sd_mat2_apply (&m, units[i], image);
      add_segment (points, plot, origin, units[i]);
      add_segment (points, plot, origin, image);
    }

  if (transform->has_vector)
    {
      double image[2];

      sd_mat2_apply (&m, transform->vector, image);
      add_segment (points, plot, origin, transform->vector);
      if (transform->orbit > 0)
        add_segment (points, plot, origin, image);
    }

  for (guint i = 0; (transform->layers & SD_LAYER_SVD) && s[0] - s[1] > 1e-9 * s[0] && i < 2; i++)
    {
      const double su[2] = { s[i] * (i == 0 ? analysis->u.a : analysis->u.b),
                             s[i] * (i == 0 ? analysis->u.c : analysis->u.d) };

      add_segment (points, plot, origin, su);
    }
  return points;
}

/* The image of the unit circle, as points a point apart. */
static GArray *
ellipse_points (const SdTransformFigure *figure,
                const SdScene           *scene)
{
  SdMat2 m = drawn_map (sd_scene_get_transform (scene));
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 720; i++)
    {
      double a[2] = { cos (i * G_PI / 360), sin (i * G_PI / 360) };
      double b[2] = { cos ((i + 1) * G_PI / 360), sin ((i + 1) * G_PI / 360) };
      double p[2], q[2];

      sd_mat2_apply (&m, a, p);
      sd_mat2_apply (&m, b, q);
      add_segment (points, sd_transform_figure_get_plot (figure), p, q);
    }
  return points;
}

/* No point of @points lies inside a label. */
static void
assert_uncovered (const SdTransformFigure *figure,
                  const GArray            *points,
                  const char              *what)
{
  const SdTransformLabel *labels;
  guint n;

  labels = sd_transform_figure_get_labels (figure, &n);
  for (guint i = 0; i < n; i++)
    {
      const cairo_rectangle_t *box = &labels[i].box;

      for (guint j = 0; j + 1 < points->len; j += 2)
        {
          double x = g_array_index (points, double, j), y = g_array_index (points, double, j + 1);

          if (x > box->x && x < box->x + box->width && y > box->y && y < box->y + box->height)
            g_error ("the label %s covers %s at (%g, %g)", labels[i].markup, what, x, y);
        }
    }
}

/* Every example scene at the size the documentation recommends for
 * lecture notes and at the default size: the labels keep apart and off
 * the arrows and the unit circle's image. */
static void
test_examples (void)
{
  static const double sizes[][2] = { { 360, 270 }, { 800, 600 } };
  g_autoptr(GPtrArray) scenes = example_scenes ();

  for (guint i = 0; i < scenes->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        const char *path = g_ptr_array_index (scenes, i);
        g_autoptr(SdScene) scene = sd_scene_load_file (path, NULL);
        g_autoptr(SdTransformFigure) figure = figure_new (scene, sizes[s][0], sizes[s][1]);
        g_autoptr(GArray) arrows = arrow_points (figure, scene);

        g_test_message ("%s at %g x %g", path, sizes[s][0], sizes[s][1]);
        assert_laid_out (figure, sizes[s][0], sizes[s][1]);
        assert_uncovered (figure, arrows, "an arrow");
        if (sd_scene_get_transform (scene)->layers & SD_LAYER_UNIT_CIRCLE)
          {
            g_autoptr(GArray) ellipse = ellipse_points (figure, scene);

            assert_uncovered (figure, ellipse, "the ellipse");
          }
      }
}

/* The orbit's points v, M v, M² v, ... on the page. */
static GArray *
orbit_points (const SdTransformFigure *figure,
              const SdScene           *scene)
{
  const SdSceneTransform *transform = sd_scene_get_transform (scene);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  SdMat2 m = drawn_map (transform);
  double p[2];

  if (!transform->has_vector)
    return points;

  p[0] = transform->vector[0];
  p[1] = transform->vector[1];
  for (guint k = 0; k <= transform->orbit; k++)
    {
      double page[2], next[2];

      sd_plot_map (sd_transform_figure_get_plot (figure), p[0], p[1], &page[0], &page[1]);
      g_array_append_vals (points, page, 2);
      sd_mat2_apply (&m, p, next);
      p[0] = next[0];
      p[1] = next[1];
    }
  return points;
}

/* Every example scene at the size the documentation recommends for
 * lecture notes and at the default size: the box showing the matrix lies
 * inside the figure, covers no label and no point of the orbit, and at
 * most 1 % of the arrows and the ellipse. */
static void
test_info_examples (void)
{
  static const double sizes[][2] = { { 360, 270 }, { 800, 600 } };
  g_autoptr(GPtrArray) scenes = example_scenes ();

  for (guint i = 0; i < scenes->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        const char *path = g_ptr_array_index (scenes, i);
        g_autoptr(SdScene) scene = sd_scene_load_file (path, NULL);
        g_autoptr(SdTransformFigure) figure = figure_new (scene, sizes[s][0], sizes[s][1]);
        g_autoptr(GArray) data = arrow_points (figure, scene);
        g_autoptr(GArray) orbit = orbit_points (figure, scene);
        const SdTransformLabel *labels;
        cairo_rectangle_t box;
        gsize covered;
        guint n;

        g_test_message ("%s at %g x %g", path, sizes[s][0], sizes[s][1]);
        g_assert_true (sd_transform_figure_get_info_box (figure, &box));
        g_assert_cmpfloat (box.x, >=, 0.0);
        g_assert_cmpfloat (box.y, >=, 0.0);
        g_assert_cmpfloat (box.x + box.width, <=, sizes[s][0]);
        g_assert_cmpfloat (box.y + box.height, <=, sizes[s][1]);

        labels = sd_transform_figure_get_labels (figure, &n);
        for (guint j = 0; j < n; j++)
          g_assert_false (box.x < labels[j].box.x + labels[j].box.width
                          && labels[j].box.x < box.x + box.width
                          && box.y < labels[j].box.y + labels[j].box.height
                          && labels[j].box.y < box.y + box.height);

        g_assert_cmpuint (sd_legend_count_points (&box, (const double *) (gpointer) orbit->data,
                                                  orbit->len / 2), ==, 0);
        if (sd_scene_get_transform (scene)->layers & SD_LAYER_UNIT_CIRCLE)
          {
            g_autoptr(GArray) ellipse = ellipse_points (figure, scene);

            g_array_append_vals (data, ellipse->data, ellipse->len);
          }
        covered = sd_legend_count_points (&box, (const double *) (gpointer) data->data,
                                          data->len / 2);
        g_test_message ("covers %" G_GSIZE_FORMAT " of %u points", covered, data->len / 2);
        g_assert_cmpfloat (covered, <=, 0.01 * data->len / 2);
      }
}

/* A figure drawn from its parts is the figure drawn at once. */
static void
test_render_matches_draw (void)
{
  g_autoptr(SdScene) scene = scene_new (2.0, 1.0, -1.0, 1.5);
  g_autoptr(SdTransformFigure) figure = figure_new (scene, WIDTH, HEIGHT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlot) plot = NULL;
  cairo_surface_t *surfaces[2];
  SdFigureOptions options;
  cairo_t *cr;

  sd_figure_options_init (&options);
  for (guint i = 0; i < 2; i++)
    surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  cr = cairo_create (surfaces[0]);
  sd_transform_figure_render (figure, cr);
  cairo_destroy (cr);
  cr = cairo_create (surfaces[1]);
  plot = sd_transform_figure_draw (cr, scene, &options, &error);
  g_assert_no_error (error);
  cairo_destroy (cr);

  for (guint i = 0; i < 2; i++)
    cairo_surface_flush (surfaces[i]);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (surfaces[0]),
                           cairo_image_surface_get_data (surfaces[1]),
                           (size_t) cairo_image_surface_get_stride (surfaces[0]) * HEIGHT), ==, 0);
  for (guint i = 0; i < 2; i++)
    cairo_surface_destroy (surfaces[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/transform-labels/symmetric", test_symmetric);
  g_test_add_func ("/render/transform-labels/rotation", test_rotation);
  g_test_add_func ("/render/transform-labels/shear", test_shear);
  g_test_add_func ("/render/transform-labels/singular", test_singular);
  g_test_add_func ("/render/transform-labels/small", test_small);
  g_test_add_func ("/render/transform-labels/render-matches-draw", test_render_matches_draw);
  g_test_add_func ("/render/transform-labels/examples", test_examples);
  g_test_add_func ("/render/transform-labels/info-box/examples", test_info_examples);

  return g_test_run ();
}
