/* test-transform-labels.c: what the transform figure's labels say and
 * where they go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pango.h>

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

  return g_test_run ();
}
