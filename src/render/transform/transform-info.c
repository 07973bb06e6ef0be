/* transform-info.c: the box that shows M and says what it does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "legend.h"
#include "shapes.h"
#include "text.h"
#include "transform-private.h"

#define MINUS "\xe2\x88\x92"
#define PLUS_MINUS "\xc2\xb1"
#define DEGREE "\xc2\xb0"
/* Pango may break after a bar even before a no-break space. */
#define WORD_JOINER "\xe2\x81\xa0"

/* The box's least inner width, in font sizes. */
#define TEXT_WIDTH 12.0
/* The corners and the middles of the edges, and six places between on
 * each edge (see inside_places()). */
#define INSIDE_PLACES (8 + 6 * 4)

struct _SdTransformInfo
{
  SdThemeStyle       style;
  PangoLayout       *name;
  PangoLayout       *entries[4];
  GPtrArray         *captions;
  double             column[2];
  double             row;
  double             name_width;
  double             width;
  double             height;
  double             matrix_height;
  double             pad;
  double             arm;
  double             text_width;
  double             reserve;
  double             em;

  gboolean           shown;
  cairo_rectangle_t  rect;
  double             background[4];
  double             border[4];
  double             foreground[4];
  double             line_width;
};

/* An angle in degrees, from (-180, 180]. */
static char *
format_angle (double radians)
{
  g_autofree char *number = _sd_transform_format_number (radians * 180.0 / G_PI, 1e-9);

  return g_strconcat (number, DEGREE, NULL);
}

static char *
describe_reflection (const SdMat2 *m)
{
  /* [[cos 2θ, sin 2θ], [sin 2θ, −cos 2θ]] mirrors in the line at θ. */
  double theta = atan2 (m->c, m->a) / 2.0;
  g_autofree char *angle = NULL;

  if (fabs (theta) < 1e-9)
    /* Translators: keep <i>x</i>, the name of the axis, in italics */
    return g_strdup (_("reflection in the <i>x</i> axis"));
  if (fabs (fabs (theta) - G_PI / 2) < 1e-9)
    /* Translators: keep <i>y</i>, the name of the axis, in italics */
    return g_strdup (_("reflection in the <i>y</i> axis"));
  angle = format_angle (theta);
  /* Translators: the mirror is the line through the origin at %s, an
   * angle such as 30° from the x axis */
  return g_strdup_printf (_("reflection in the line at %s"), angle);
}

static char *
describe_spiral (const SdLinmapAnalysis *a)
{
  double modulus = hypot (a->eigenvalues_re[0], a->eigenvalues_im[0]);
  g_autofree char *number = _sd_transform_format_number (modulus, 0.0);
  g_autofree char *formula = g_strdup_printf ("|λ|" WORD_JOINER NBSP "=" NBSP "%s", number);

  if (modulus < 1.0)
    /* Translators: a map that turns and shrinks; %s on the second
     * line is the eigenvalues' modulus, such as |λ| = 0.9. Keep the
     * line break. */
    return g_strdup_printf (_("spiral inwards\n%s"), formula);
  /* Translators: a map that turns and grows; %s on the second line is
   * the eigenvalues' modulus, such as |λ| = 1.2. Keep the line break. */
  return g_strdup_printf (_("spiral outwards\n%s"), formula);
}

/* What the map does, in words, or NULL when there is nothing short to say. */
static char *
describe_map (const SdTransformContext *ctx)
{
  const SdLinmapAnalysis *a = &ctx->analysis;

  switch (a->kind)
    {
    case SD_LINMAP_IDENTITY:
      /* Translators: a caption below the matrix, which says in words what
       * the linear map does; this one leaves every vector where it is */
      return g_strdup (C_("linear map", "identity"));

    case SD_LINMAP_ROTATION:
      {
        g_autofree char *angle = format_angle (atan2 (ctx->m.c, ctx->m.a));

        /* Translators: %s is the angle, such as 30°, which counts
         * anticlockwise */
        return g_strdup_printf (_("rotation by %s"), angle);
      }

    case SD_LINMAP_REFLECTION:
      return describe_reflection (&ctx->m);

    case SD_LINMAP_SHEAR:
      /* Translators: a caption below the matrix: the map is a shear */
      return g_strdup (C_("linear map", "shear"));

    case SD_LINMAP_SCALING:
      if (a->repeated_eigenvalue)
        {
          g_autofree char *factor = _sd_transform_format_number (a->eigenvalues_re[0], 0.0);

          /* Translators: %s is the factor, such as 2 or 0.5 */
          return g_strdup_printf (_("uniform scaling by %s"), factor);
        }
      return g_strdup (_("stretch along perpendicular eigenvectors"));

    case SD_LINMAP_PROJECTION:
      return g_strdup (_("projection onto a line"));

    case SD_LINMAP_SINGULAR:
      if (a->rank == 0)
        return g_strdup (_("zero map"));
      return g_strdup (_("singular: flattens the plane onto a line"));

    case SD_LINMAP_SPIRAL:
      return describe_spiral (a);

    case SD_LINMAP_GENERAL:
    default:
      return NULL;
    }
}

/* The eigenvalues when the lines cannot show them. */
static char *
describe_eigenvalues (const SdTransformContext *ctx)
{
  const SdLinmapAnalysis *a = &ctx->analysis;
  double zero = SD_LINMAP_TOLERANCE * a->singular_values[0];

  if (a->complex_eigenvalues)
    {
      g_autofree char *re = _sd_transform_format_number (a->eigenvalues_re[0], zero);
      g_autofree char *im = _sd_transform_format_number (fabs (a->eigenvalues_im[0]), zero);
      g_autofree char *formula = g_strdup_printf ("λ" NBSP "=" NBSP "%s" NBSP PLUS_MINUS NBSP
                                                  "%s<i>i</i>", re, im);

      /* Translators: %s is the complex eigenvalues, such as
       * λ = 0.5 ± 0.866i, on a line of their own; keep the line break */
      return g_strdup_printf (_("%s\nno real eigenvectors"), formula);
    }

  if (a->repeated_eigenvalue && !a->defective)
    {
      g_autofree char *value = _sd_transform_format_number (a->eigenvalues_re[0], zero);
      g_autofree char *formula = g_strdup_printf ("λ" NBSP "=" NBSP "%s", value);

      /* Translators: %s is the one eigenvalue, such as λ = 2 */
      return g_strdup_printf (_("%s: every vector is an eigenvector"), formula);
    }

  return NULL;
}

/* "M = (1 − t)I + tA, t = 0.5" while the map is on its way from I. */
static char *
describe_path (const SdTransformContext *ctx)
{
  g_autofree char *t = NULL;

  if (ctx->transform->t == 1.0)
    return NULL;

  t = _sd_transform_format_number (ctx->transform->t, 0.0);
  return g_strdup_printf ("<i>M</i>" NBSP "=" NBSP "(1" NBSP MINUS NBSP "<i>t</i>)<i>I</i>"
                          NBSP "+" NBSP "<i>tA</i>\n<i>t</i>" NBSP "=" NBSP "%s", t);
}

static void
add_caption (SdTransformInfo          *self,
             const SdTransformContext *ctx,
             const char               *markup)
{
  PangoLayout *layout;

  if (markup == NULL)
    return;

  layout = sd_text_layout_new (ctx->measure, &self->style, SD_TEXT_BODY, markup);
  pango_layout_set_width (layout, (int) (self->text_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  g_ptr_array_add (self->captions, layout);
}

/* The matrix with its brackets: "M =", then its entries in two columns. */
static void
measure_matrix (SdTransformInfo          *self,
                const SdTransformContext *ctx)
{
  const double entries[4] = { ctx->m.a, ctx->m.b, ctx->m.c, ctx->m.d };
  g_autofree char *name = g_strdup_printf ("<i>%s</i> =", ctx->letter);
  double em = self->em;

  self->name = sd_text_layout_new (ctx->measure, &self->style, SD_TEXT_LABEL, name);
  sd_text_get_size (self->name, &self->name_width, NULL, NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *entry = _sd_transform_format_number (entries[i], 0.0);
      double width, height;

      self->entries[i] = sd_text_layout_new (ctx->measure, &self->style, SD_TEXT_LABEL, entry);
      sd_text_get_size (self->entries[i], &width, &height, NULL);
      self->column[i % 2] = MAX (self->column[i % 2], width);
      self->row = MAX (self->row, height);
    }
  self->matrix_height = 2 * self->row + 0.15 * em;
  self->width = self->name_width + 0.4 * em + 2 * (self->arm + 0.25 * em) +
                self->column[0] + em + self->column[1];
  self->height = self->matrix_height;
}

/* The matrix, and below it what it does, measured, its text @scale times
 * the figure's. */
SdTransformInfo *
_sd_transform_info_new (const SdTransformContext *ctx,
                        double                    scale)
{
  SdTransformInfo *self = g_new0 (SdTransformInfo, 1);
  g_autofree char *path = describe_path (ctx);
  g_autofree char *kind = describe_map (ctx);
  g_autofree char *eigen = NULL;
  double em = scale * ctx->em;

  self->style = *ctx->style;
  self->style.font_size *= scale;
  self->style.label_size *= scale;
  self->style.title_size *= scale;
  self->em = em;
  self->pad = 0.6 * em;
  self->arm = 0.3 * em;
  measure_matrix (self, ctx);

  /* Captions wrap at a width that changes only if the matrix needs more,
   * and the plot leaves that much room beside it whatever the captions
   * say, so that it keeps its size while t animates. */
  self->text_width = MAX (self->width, TEXT_WIDTH * em);
  self->reserve = self->text_width + 2 * self->pad;

  self->captions = g_ptr_array_new_with_free_func (g_object_unref);
  if (ctx->transform->layers & SD_LAYER_EIGENVECTORS)
    eigen = describe_eigenvalues (ctx);
  add_caption (self, ctx, path);
  add_caption (self, ctx, kind);
  add_caption (self, ctx, eigen);

  for (guint i = 0; i < self->captions->len; i++)
    {
      double width, height;

      sd_text_get_size (g_ptr_array_index (self->captions, i), &width, &height, NULL);
      self->width = MAX (self->width, MIN (width, self->text_width));
      self->height += (i == 0 ? 0.4 * em : 0.1 * em) + height;
    }

  self->width += 2 * self->pad;
  self->height += 2 * self->pad;

  _sd_transform_set_alpha (self->background, ctx->style->background, 0.9);
  _sd_transform_set_alpha (self->border, ctx->style->muted, 0.6);
  _sd_transform_set_alpha (self->foreground, ctx->style->foreground, 1.0);
  self->line_width = ctx->style->axis_line_width;
  return self;
}

/* The room the box needs beside the plot. */
double
_sd_transform_info_get_reserve (const SdTransformInfo *self)
{
  return self->reserve;
}

/* The box's size. */
void
_sd_transform_info_get_size (const SdTransformInfo *self,
                             double                *width,
                             double                *height)
{
  *width = self->width;
  *height = self->height;
}

/* Beside the plot, level with its top. */
void
_sd_transform_info_place_beside (SdTransformInfo          *self,
                                 const SdTransformContext *ctx)
{
  self->shown = TRUE;
  self->rect = (cairo_rectangle_t) { ctx->area.x + ctx->area.width + ctx->em, ctx->area.y,
                                     self->width, self->height };
}

/* The places inside the plot along its edges, as fractions of the room
 * left beside the box across and down: the corners, top left first, the
 * middles of the edges, then places between. */
static guint
inside_places (double places[][2])
{
  static const double corners[][2] = {
    { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 }, { 0, 0.5 }, { 1, 0.5 }, { 0.5, 0 }, { 0.5, 1 },
  };
  static const double between[] = { 0.25, 0.75, 0.125, 0.375, 0.625, 0.875 };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++, n++)
    {
      places[n][0] = corners[i][0];
      places[n][1] = corners[i][1];
    }
  for (guint i = 0; i < G_N_ELEMENTS (between); i++)
    for (guint edge = 0; edge < 4; edge++, n++)
      {
        places[n][edge / 2] = between[i];
        places[n][1 - edge / 2] = edge % 2;
      }
  return n;
}

static guint
count_labels (const SdTransformContext *ctx,
              const cairo_rectangle_t  *box)
{
  guint hidden = 0;

  for (guint i = 0; i < ctx->labels->len; i++)
    hidden += sd_rect_overlap_area (box, &g_array_index (ctx->labels, SdTransformLabel, i).box)
              > 0.0;
  return hidden;
}

/* Inside the plot along its edges, where the box hides the fewest labels,
 * then the fewest of @points (the data as drawn, x, y pairs); the first
 * such place on a tie. Says how much it hides in @hidden and @covered. */
void
_sd_transform_info_place_inside (SdTransformInfo          *self,
                                 const SdTransformContext *ctx,
                                 const double             *points,
                                 gsize                     n_points,
                                 guint                    *hidden,
                                 gsize                    *covered)
{
  double places[INSIDE_PLACES][2], inset = 0.5 * ctx->em;
  guint n_places = inside_places (places);

  self->shown = TRUE;
  *hidden = G_MAXUINT;
  for (guint p = 0; p < n_places; p++)
    {
      cairo_rectangle_t box = {
        ctx->area.x + inset + places[p][0] * (ctx->area.width - 2 * inset - self->width),
        ctx->area.y + inset + places[p][1] * (ctx->area.height - 2 * inset - self->height),
        self->width, self->height,
      };
      guint labels = count_labels (ctx, &box);
      gsize ink = sd_legend_count_points (&box, points, n_points);

      if (labels < *hidden || (labels == *hidden && ink < *covered))
        {
          *hidden = labels;
          *covered = ink;
          self->rect = box;
        }
    }
}

gboolean
_sd_transform_info_get_box (const SdTransformInfo *self,
                            cairo_rectangle_t     *box)
{
  if (self->shown)
    *box = self->rect;
  return self->shown;
}

static void
draw_brackets (const SdTransformInfo *self,
               cairo_t               *cr,
               double                 left,
               double                 right,
               double                 top,
               double                 bottom)
{
  double arm = self->arm;

  cairo_save (cr);
  sd_set_source_color (cr, self->foreground);
  cairo_set_line_width (cr, 1.2 * self->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to (cr, left + arm, top);
  cairo_line_to (cr, left, top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, left + arm, bottom);
  cairo_move_to (cr, right - arm, top);
  cairo_line_to (cr, right, top);
  cairo_line_to (cr, right, bottom);
  cairo_line_to (cr, right - arm, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_matrix (const SdTransformInfo *self,
             cairo_t               *cr,
             double                 x,
             double                 y)
{
  double em = self->em, left, right;

  sd_text_draw (cr, self->name, x, y + self->matrix_height / 2, SD_TEXT_LEFT, SD_TEXT_MIDDLE,
                0.0);

  left = x + self->name_width + 0.4 * em;
  right = left + 2 * (self->arm + 0.25 * em) + self->column[0] + em + self->column[1];
  draw_brackets (self, cr, left, right, y, y + self->matrix_height);
  for (guint i = 0; i < 4; i++)
    {
      double column_x = left + self->arm + 0.25 * em +
                        (i % 2 == 0 ? self->column[0] / 2
                                    : self->column[0] + em + self->column[1] / 2);
      double row_y = y + (i < 2 ? 0.0 : self->row + 0.15 * em);

      sd_text_draw (cr, self->entries[i], column_x, row_y, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);
    }
}

void
_sd_transform_info_render (const SdTransformInfo *self,
                           cairo_t               *cr)
{
  double x, y, mid;

  if (!self->shown)
    return;

  cairo_save (cr);
  sd_rounded_rectangle (cr, &self->rect, 0.4 * self->em);
  sd_set_source_color (cr, self->background);
  cairo_fill_preserve (cr);
  sd_set_source_color (cr, self->border);
  cairo_set_line_width (cr, self->line_width);
  cairo_stroke (cr);

  x = self->rect.x + self->pad;
  y = self->rect.y + self->pad;
  sd_set_source_color (cr, self->foreground);
  draw_matrix (self, cr, x, y);

  mid = y + self->matrix_height + 0.4 * self->em;
  for (guint i = 0; i < self->captions->len; i++)
    {
      PangoLayout *caption = g_ptr_array_index (self->captions, i);
      double height;

      sd_text_draw (cr, caption, x, mid, SD_TEXT_LEFT, SD_TEXT_TOP, 0.0);
      sd_text_get_size (caption, NULL, &height, NULL);
      mid += height + 0.1 * self->em;
    }
  cairo_restore (cr);
}

void
_sd_transform_info_free (SdTransformInfo *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->name);
  for (guint i = 0; i < 4; i++)
    g_clear_object (&self->entries[i]);
  g_clear_pointer (&self->captions, g_ptr_array_unref);
  g_free (self);
}
