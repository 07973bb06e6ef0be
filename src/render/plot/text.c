/* text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "text.h"

/* Hinting moves glyphs to the device's pixel grid and changes their
 * advances with the scale, so a label would measure differently in the
 * window, in a PNG at --scale 2 and in a PDF. With hinting and rounding
 * off, a layout has the same size on every surface and at every scale. */
static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_context_set_round_glyph_positions (context, FALSE);
}

/**
 * sd_text_layout_new:
 * @cr: the cairo context the text will be drawn on, or one with the same
 *   target type
 * @style: the figure's style, which gives font family and size
 * @role: which of @style's sizes to use
 * @markup: the text in Pango markup, e.g. "x<sub>1</sub>", "∇f", "σ²"
 *
 * Creates a layout for one label. Sizes are absolute: a 12 pt font is
 * 12 user units of @cr tall, whatever the resolution. Markup that Pango
 * cannot parse, such as a scene title "a < b", is shown as the plain text
 * it is, never dropped.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
sd_text_layout_new (cairo_t            *cr,
                    const SdThemeStyle *style,
                    SdTextRole          role,
                    const char         *markup)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  double size;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (markup != NULL, NULL);

  layout = pango_cairo_create_layout (cr);
  configure_context (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);

  switch (role)
    {
    case SD_TEXT_TITLE:
      size = style->title_size;
      break;
    case SD_TEXT_LABEL:
      size = style->label_size;
      break;
    case SD_TEXT_BODY:
    default:
      size = style->font_size;
      break;
    }

  font = pango_font_description_from_string (style->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (role == SD_TEXT_TITLE)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  sd_text_set_markup (layout, markup);
  return layout;
}

/* Sub- and superscript geometry, in units of the surrounding font size,
 * close to what DejaVu Sans' own tables ask for. */
#define SCRIPT_SCALE 0.7
#define SUPERSCRIPT_RISE 0.36
#define SUBSCRIPT_DROP 0.14

/* Pango 1.50 sizes <sup> and <sub> (font-scale and baseline-shift
 * attributes) from the device size of the font, so under cairo_scale (),
 * as PNG export at --scale 2 uses, a superscript comes out twice its size.
 * The older scale and rise attributes are plain multiples of the user
 * size and scale correctly, so <sup> and <sub> are rewritten into them. */
static gboolean
is_script (PangoAttribute *attribute,
           gpointer        user_data)
{
  return attribute->klass->type == PANGO_ATTR_FONT_SCALE ||
         attribute->klass->type == PANGO_ATTR_BASELINE_SHIFT;
}

static PangoAttribute *
replace_script (const PangoAttribute *script,
                double                size)
{
  int value = ((const PangoAttrInt *) script)->value;

  if (script->klass->type == PANGO_ATTR_FONT_SCALE)
    {
      if (value == PANGO_FONT_SCALE_SUPERSCRIPT || value == PANGO_FONT_SCALE_SUBSCRIPT)
        return pango_attr_scale_new (SCRIPT_SCALE);
      return NULL;
    }

  switch (value)
    {
    case PANGO_BASELINE_SHIFT_SUPERSCRIPT:
      return pango_attr_rise_new ((int) (SUPERSCRIPT_RISE * size * PANGO_SCALE));
    case PANGO_BASELINE_SHIFT_SUBSCRIPT:
      return pango_attr_rise_new ((int) (-SUBSCRIPT_DROP * size * PANGO_SCALE));
    case PANGO_BASELINE_SHIFT_NONE:
      return NULL;
    default:
      /* An explicit shift, in Pango units. */
      return pango_attr_rise_new (value);
    }
}

static void
rewrite_scripts (PangoAttrList *attributes,
                 double         size)
{
  PangoAttrList *scripts = pango_attr_list_filter (attributes, is_script, NULL);
  GSList *list;

  if (scripts == NULL)
    return;

  list = pango_attr_list_get_attributes (scripts);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *script = l->data;
      PangoAttribute *replacement = replace_script (script, size);

      if (replacement != NULL)
        {
          replacement->start_index = script->start_index;
          replacement->end_index = script->end_index;
          pango_attr_list_insert (attributes, replacement);
        }
    }

  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  pango_attr_list_unref (scripts);
}

/**
 * sd_text_set_markup:
 * @layout: a layout from sd_text_layout_new()
 * @markup: Pango markup
 *
 * Sets @layout's text from @markup; if @markup is not valid markup (or not
 * valid UTF-8), sets it as plain text instead, with invalid bytes replaced.
 * `<sup>` and `<sub>` are drawn at 70 % size, raised or lowered in
 * proportion to the layout's font size.
 */
void
sd_text_set_markup (PangoLayout *layout,
                    const char  *markup)
{
  g_autoptr(GError) error = NULL;
  PangoAttrList *attributes = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (markup != NULL);

  if (pango_parse_markup (markup, -1, 0, &attributes, &text, NULL, &error))
    {
      const PangoFontDescription *font = pango_layout_get_font_description (layout);
      double size = font != NULL ? (double) pango_font_description_get_size (font) / PANGO_SCALE
                                 : SD_THEME_FONT_SIZE;

      rewrite_scripts (attributes, size);
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (markup, -1);

      pango_layout_set_text (layout, valid, -1);
      pango_layout_set_attributes (layout, NULL);
    }
}

/**
 * sd_text_get_size:
 * @layout: a layout
 * @width: (out) (optional): the width of its line box
 * @height: (out) (optional): the height of its line box
 * @baseline: (out) (optional): the distance from its top to the first
 *   line's baseline
 *
 * Measures @layout in user units, by its logical extents (the font's
 * ascent and descent, the glyphs' advances).
 */
void
sd_text_get_size (PangoLayout *layout,
                  double      *width,
                  double      *height,
                  double      *baseline)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
  if (baseline != NULL)
    *baseline = (double) (pango_layout_get_baseline (layout) - logical.y) / PANGO_SCALE;
}

/* The offset from the anchor point to the layout's origin, in the text's
 * own (unrotated) coordinates. */
static void
anchor_offset (PangoLayout   *layout,
               SdTextHAnchor  h_anchor,
               SdTextVAnchor  v_anchor,
               double        *dx,
               double        *dy)
{
  PangoRectangle logical;
  double x, y, width, height;

  pango_layout_get_extents (layout, NULL, &logical);
  x = (double) logical.x / PANGO_SCALE;
  y = (double) logical.y / PANGO_SCALE;
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  switch (h_anchor)
    {
    case SD_TEXT_CENTER:
      *dx = -(x + width / 2);
      break;
    case SD_TEXT_RIGHT:
      *dx = -(x + width);
      break;
    case SD_TEXT_LEFT:
    default:
      *dx = -x;
      break;
    }

  switch (v_anchor)
    {
    case SD_TEXT_MIDDLE:
      *dy = -(y + height / 2);
      break;
    case SD_TEXT_BASELINE:
      *dy = -(double) pango_layout_get_baseline (layout) / PANGO_SCALE;
      break;
    case SD_TEXT_BOTTOM:
      *dy = -(y + height);
      break;
    case SD_TEXT_TOP:
    default:
      *dy = -y;
      break;
    }
}

/**
 * sd_text_get_box:
 * @layout: a layout
 * @x: the anchor point
 * @y: the anchor point
 * @h_anchor: where the point is across the text
 * @v_anchor: where the point is along the text's height
 * @angle: the rotation in radians, clockwise in cairo's y-down space;
 *   -G_PI / 2 reads from bottom to top
 * @box: (out caller-allocates): the axis-aligned box around the line box
 *
 * Gives the rectangle sd_text_draw() with the same arguments would cover.
 */
void
sd_text_get_box (PangoLayout       *layout,
                 double             x,
                 double             y,
                 SdTextHAnchor      h_anchor,
                 SdTextVAnchor      v_anchor,
                 double             angle,
                 cairo_rectangle_t *box)
{
  PangoRectangle logical;
  double dx, dy, width, height;
  double c = cos (angle), s = sin (angle);
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (box != NULL);

  /* The line box's corners, relative to the anchor, before rotation. */
  anchor_offset (layout, h_anchor, v_anchor, &dx, &dy);
  pango_layout_get_extents (layout, NULL, &logical);
  dx += (double) logical.x / PANGO_SCALE;
  dy += (double) logical.y / PANGO_SCALE;
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  for (guint i = 0; i < 4; i++)
    {
      double u = dx + (i & 1 ? width : 0.0);
      double v = dy + (i & 2 ? height : 0.0);
      double px = x + c * u - s * v;
      double py = y + s * u + c * v;

      x0 = MIN (x0, px);
      x1 = MAX (x1, px);
      y0 = MIN (y0, py);
      y1 = MAX (y1, py);
    }

  box->x = x0;
  box->y = y0;
  box->width = x1 - x0;
  box->height = y1 - y0;
}

/**
 * sd_text_draw:
 * @cr: a cairo context, with the text colour as its source
 * @layout: a layout from sd_text_layout_new()
 * @x: the anchor point
 * @y: the anchor point
 * @h_anchor: where the point is across the text
 * @v_anchor: where the point is along the text's height
 * @angle: the rotation in radians around the anchor point, clockwise in
 *   cairo's y-down space; -G_PI / 2 for a y-axis title read upwards
 *
 * Draws @layout so that its anchor lands on (@x, @y).
 */
void
sd_text_draw (cairo_t       *cr,
              PangoLayout   *layout,
              double         x,
              double         y,
              SdTextHAnchor  h_anchor,
              SdTextVAnchor  v_anchor,
              double         angle)
{
  double dx, dy;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  anchor_offset (layout, h_anchor, v_anchor, &dx, &dy);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (angle != 0.0)
    cairo_rotate (cr, angle);
  cairo_move_to (cr, dx, dy);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * sd_text_draw_title:
 * @cr: a cairo context
 * @style: the figure's style: its foreground colour and its padding
 * @title: the title's layout
 * @centre: where the title would best be centred, such as over the plot
 * @figure_width: the figure's width
 *
 * Draws a figure's title at the top of the figure, the style's padding
 * below its edge, centred on @centre as far as the padding at either side
 * allows: a title too wide to centre there moves towards the middle of
 * the figure rather than off it.
 */
void
sd_text_draw_title (cairo_t            *cr,
                    const SdThemeStyle *style,
                    PangoLayout        *title,
                    double              centre,
                    double              figure_width)
{
  double width, pad;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (title));

  pad = style->padding;
  sd_text_get_size (title, &width, NULL, NULL);
  centre = MIN (centre, figure_width - pad - width / 2);
  centre = MAX (centre, pad + width / 2);

  cairo_save (cr);
  sd_set_source_color (cr, style->foreground);
  sd_text_draw (cr, title, centre, pad, SD_TEXT_CENTER, SD_TEXT_TOP, 0.0);
  cairo_restore (cr);
}
