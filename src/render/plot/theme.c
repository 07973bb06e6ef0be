/* theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "theme.h"

static const char * const theme_names[SD_N_THEMES] = { "light", "dark", "print" };

/* DejaVu Sans comes with every Debian system that has fontconfig (through
 * fonts-dejavu-core), headless build servers included, and covers what
 * mathematical labels use in one face: Greek, ∇, −, ×, ², sub- and
 * superscripts. GNOME's Cantarell is often missing where figures are
 * exported, which would make an exported figure differ from the window. */
#define FONT_FAMILY "DejaVu Sans, sans-serif"

#define RGB(hex, alpha) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                          ((hex) & 0xff) / 255.0, (alpha) }

typedef struct
{
  double background[4];
  double foreground[4];
  double axis[4];
  double grid[4];
  double muted[4];
  double line_width;
  double axis_line_width;
  double grid_line_width;
  double tick_length;
} ThemeData;

/* Light and dark use the GNOME palette's text colours on the background
 * libadwaita gives views, so a figure sits naturally in the window. Print
 * uses pure black lines half a point wide, like journal figures. Grids are
 * the text colour at low alpha so they recede behind the data. */
static const ThemeData themes[SD_N_THEMES] = {
  [SD_THEME_LIGHT] = {
    .background = RGB (0xffffff, 1.0),
    .foreground = RGB (0x241f31, 1.0),
    .axis = RGB (0x241f31, 0.85),
    .grid = RGB (0x241f31, 0.10),
    .muted = RGB (0x241f31, 0.55),
    .line_width = 2.0,
    .axis_line_width = 1.0,
    .grid_line_width = 1.0,
    .tick_length = 4.5,
  },
  [SD_THEME_DARK] = {
    .background = RGB (0x1e1e1e, 1.0),
    .foreground = RGB (0xf6f5f4, 1.0),
    .axis = RGB (0xf6f5f4, 0.80),
    .grid = RGB (0xffffff, 0.12),
    .muted = RGB (0xf6f5f4, 0.55),
    .line_width = 2.0,
    .axis_line_width = 1.0,
    .grid_line_width = 1.0,
    .tick_length = 4.5,
  },
  [SD_THEME_PRINT] = {
    .background = RGB (0xffffff, 1.0),
    .foreground = RGB (0x000000, 1.0),
    .axis = RGB (0x000000, 1.0),
    .grid = RGB (0x000000, 0.15),
    .muted = RGB (0x000000, 0.55),
    .line_width = 1.25,
    .axis_line_width = 0.5,
    .grid_line_width = 0.35,
    .tick_length = 3.5,
  },
};

/* Okabe & Ito (2008), "Color Universal Design (CUD): how to make figures
 * and presentations that are friendly to colorblind people",
 * https://jfly.uni-koeln.de/color/ — eight colours that people with any of
 * the common colour vision deficiencies tell apart. A run keeps its hue
 * when the theme changes; only colours too close to the background are
 * swapped for their counterpart: yellow (contrast 1.3:1 on white) is left
 * out of the light palette, and on the dark background blue becomes sky
 * blue and black becomes white. */
static const guint32 palette_light[] = {
  0x0072b2, /* blue */
  0xd55e00, /* vermillion */
  0x009e73, /* bluish green */
  0xcc79a7, /* reddish purple */
  0xe69f00, /* orange */
  0x56b4e9, /* sky blue */
  0x000000, /* black */
};

static const guint32 palette_dark[] = {
  0x56b4e9, /* sky blue */
  0xd55e00, /* vermillion */
  0x009e73, /* bluish green */
  0xcc79a7, /* reddish purple */
  0xe69f00, /* orange */
  0xf0e442, /* yellow */
  0xffffff, /* white */
};

G_STATIC_ASSERT (G_N_ELEMENTS (palette_light) == G_N_ELEMENTS (palette_dark));

/* The runs' colours, the same in every theme so that a run has one colour
 * on the map, in the sidebar, the readouts and the loss chart, whatever
 * the style: the Okabe–Ito colours that read on white and on dark grey
 * (not black, not yellow), then three of Paul Tol's muted ones, enough for
 * SD_SCENE_MAX_RUNS runs without a repeat. Runs are drawn over a halo,
 * so they read on any colour of the map. */
static const guint32 run_palette[] = {
  0x0072b2, /* blue */
  0xd55e00, /* vermillion */
  0x009e73, /* bluish green */
  0xcc79a7, /* reddish purple */
  0xe69f00, /* orange */
  0x56b4e9, /* sky blue */
  0x882255, /* wine */
  0x999933, /* olive */
  0x44aa99, /* teal */
  0x888888, /* grey */
};

static void
hex_to_rgba (guint32 hex,
             double  rgba[4])
{
  rgba[0] = (hex >> 16 & 0xff) / 255.0;
  rgba[1] = (hex >> 8 & 0xff) / 255.0;
  rgba[2] = (hex & 0xff) / 255.0;
  rgba[3] = 1.0;
}

/**
 * sd_theme_get_name:
 * @theme: a theme
 *
 * Returns: (transfer none): "light", "dark" or "print"
 */
const char *
sd_theme_get_name (SdTheme theme)
{
  g_return_val_if_fail (theme < SD_N_THEMES, NULL);

  return theme_names[theme];
}

/**
 * sd_theme_from_name:
 * @name: "light", "dark" or "print"
 * @theme: (out): where to store the theme
 *
 * Returns: %TRUE if @name names a theme; @theme is unchanged otherwise
 */
gboolean
sd_theme_from_name (const char *name,
                    SdTheme    *theme)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  for (guint i = 0; i < SD_N_THEMES; i++)
    {
      if (g_str_equal (name, theme_names[i]))
        {
          *theme = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sd_theme_get_style:
 * @theme: a theme
 * @scale: the presentation scale, 1 for normal use, e.g. 1.5 on a projector
 * @style: (out caller-allocates): the style
 *
 * Fills @style with @theme's colours and with sizes multiplied by @scale.
 * Fonts, lines, ticks, markers and spacing all grow by @scale, so a
 * figure at scale 1.5 looks like one at scale 1 seen from closer, with less
 * room left for the data. See %SD_THEME_FONT_SIZE for the sizes chosen.
 */
void
sd_theme_get_style (SdTheme       theme,
                    double        scale,
                    SdThemeStyle *style)
{
  const ThemeData *data;

  g_return_if_fail (theme < SD_N_THEMES);
  g_return_if_fail (isfinite (scale) && scale > 0.0);
  g_return_if_fail (style != NULL);

  data = &themes[theme];
  memset (style, 0, sizeof *style);
  style->theme = theme;
  style->scale = scale;
  memcpy (style->background, data->background, sizeof style->background);
  memcpy (style->foreground, data->foreground, sizeof style->foreground);
  memcpy (style->axis, data->axis, sizeof style->axis);
  memcpy (style->grid, data->grid, sizeof style->grid);
  memcpy (style->muted, data->muted, sizeof style->muted);
  style->font_family = FONT_FAMILY;
  style->font_size = SD_THEME_FONT_SIZE * scale;
  style->label_size = 13.0 * scale;
  style->title_size = 15.0 * scale;
  style->line_width = data->line_width * scale;
  style->axis_line_width = data->axis_line_width * scale;
  style->grid_line_width = data->grid_line_width * scale;
  style->tick_length = data->tick_length * scale;
  style->marker_size = 7.0 * scale;
  style->padding = 9.0 * scale;
  style->show_grid = TRUE;
  style->minor_ticks = TRUE;
  style->transparent = FALSE;
}

/**
 * sd_palette_get_size:
 * @theme: a theme
 *
 * Returns: how many colours sd_palette_color() gives before repeating
 */
guint
sd_palette_get_size (SdTheme theme)
{
  g_return_val_if_fail (theme < SD_N_THEMES, 0);

  return G_N_ELEMENTS (palette_light);
}

/**
 * sd_palette_color:
 * @theme: the theme the colour will be drawn on
 * @index: the run's position, from 0; the palette repeats after
 *   sd_palette_get_size() colours
 * @rgba: (out caller-allocates) (array fixed-size=4): the colour, opaque
 *
 * The colour of the @index-th run or curve of a figure, from the
 * Okabe–Ito colour-blind safe palette, for runs whose scene sets no colour.
 */
void
sd_palette_color (SdTheme theme,
                  guint   index,
                  double  rgba[4])
{
  const guint32 *palette;
  guint32 hex;

  g_return_if_fail (theme < SD_N_THEMES);
  g_return_if_fail (rgba != NULL);

  palette = theme == SD_THEME_DARK ? palette_dark : palette_light;
  hex = palette[index % G_N_ELEMENTS (palette_light)];
  hex_to_rgba (hex, rgba);
}

/**
 * sd_run_palette_get_size:
 *
 * Returns: how many colours sd_run_palette_color() gives before repeating
 */
guint
sd_run_palette_get_size (void)
{
  return G_N_ELEMENTS (run_palette);
}

/**
 * sd_run_palette_color:
 * @index: the run's position, from 0; the palette repeats after
 *   sd_run_palette_get_size() colours
 * @rgba: (out caller-allocates) (array fixed-size=4): the colour, opaque
 *
 * The colour of a run whose scene sets none: the same in every theme,
 * so a run is one colour everywhere it is shown.
 */
void
sd_run_palette_color (guint  index,
                      double rgba[4])
{
  g_return_if_fail (rgba != NULL);

  hex_to_rgba (run_palette[index % G_N_ELEMENTS (run_palette)], rgba);
}

/* sRGB in [0, 1] to CIE L*a*b* under D65. */
static void
rgb_to_lab (const double rgb[3],
            double       lab[3])
{
  static const double white[3] = { 0.95047, 1.0, 1.08883 };
  double linear[3], xyz[3], f[3];

  for (guint k = 0; k < 3; k++)
    linear[k] = rgb[k] <= 0.04045 ? rgb[k] / 12.92 : pow ((rgb[k] + 0.055) / 1.055, 2.4);
  xyz[0] = 0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2];
  xyz[1] = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  xyz[2] = 0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2];
  for (guint k = 0; k < 3; k++)
    {
      double t = xyz[k] / white[k];

      f[k] = t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    }
  lab[0] = 116.0 * f[1] - 16.0;
  lab[1] = 500.0 * (f[0] - f[1]);
  lab[2] = 200.0 * (f[1] - f[2]);
}

/**
 * sd_color_difference:
 * @a: an sRGB colour, components in [0, 1] (alpha is ignored)
 * @b: another
 *
 * How different two colours look: the CIE 1976 ΔE*ab, the distance in
 * L*a*b*. About 2.3 is just noticeable; colours of lines that must not be
 * mistaken for each other at a glance want 25 or more.
 *
 * Returns: the difference, 0 for the same colour
 */
double
sd_color_difference (const double a[3],
                     const double b[3])
{
  double la[3], lb[3];

  g_return_val_if_fail (a != NULL && b != NULL, 0.0);

  rgb_to_lab (a, la);
  rgb_to_lab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1])
               + (la[2] - lb[2]) * (la[2] - lb[2]));
}

/**
 * sd_parse_color:
 * @text: "#rrggbb" or "#rrggbbaa", hexadecimal digits in either case
 * @rgba: (out caller-allocates) (array fixed-size=4): the colour
 *
 * Reads the `color` key of scene files. Nothing else is accepted: no
 * colour names, no spaces, no short "#rgb" forms, so that every file
 * means the same colour everywhere.
 *
 * Returns: %TRUE if @text is a colour; @rgba is unchanged otherwise
 */
gboolean
sd_parse_color (const char *text,
                double      rgba[4])
{
  double components[4] = { 0.0, 0.0, 0.0, 1.0 };
  size_t length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (rgba != NULL, FALSE);

  length = strlen (text);
  if (text[0] != '#' || (length != 7 && length != 9))
    return FALSE;

  for (size_t i = 0; i < (length - 1) / 2; i++)
    {
      int high = g_ascii_xdigit_value (text[1 + 2 * i]);
      int low = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      components[i] = (high * 16 + low) / 255.0;
    }

  memcpy (rgba, components, sizeof components);
  return TRUE;
}

/**
 * sd_set_source_color:
 * @cr: a cairo context
 * @rgba: (array fixed-size=4): a colour from a #SdThemeStyle or the palette
 *
 * Sets @rgba as @cr's source.
 */
void
sd_set_source_color (cairo_t      *cr,
                     const double  rgba[4])
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (rgba != NULL);

  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* Moves one coordinate in device space so that a line of @width device
 * units along it covers whole pixels: centred on a pixel's centre when the
 * width rounds to an odd number of pixels, on a pixel edge when even. */
static double
snap_coordinate (double device,
                 double width)
{
  double pixels = MAX (1.0, round (width));

  if (fmod (pixels, 2.0) == 1.0)
    return floor (device) + 0.5;
  return round (device);
}

/**
 * sd_snap_to_pixels:
 * @cr: the cairo context a line will be drawn on
 * @line_width: the line's width in user units
 * @x: (inout) (optional): the x of a vertical line, or %NULL
 * @y: (inout) (optional): the y of a horizontal line, or %NULL
 *
 * Moves a horizontal or vertical line by less than a device pixel so that
 * it is drawn crisp instead of smeared over two rows of pixels, as
 * matplotlib snaps its axes. On vector surfaces a device unit is a point,
 * so the move stays below half a point. Nothing moves when @cr is rotated
 * or skewed, since there is no pixel grid to align with then.
 */
void
sd_snap_to_pixels (cairo_t *cr,
                   double   line_width,
                   double  *x,
                   double  *y)
{
  cairo_matrix_t matrix;
  double dx, dy;

  g_return_if_fail (cr != NULL);

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0.0 || matrix.yx != 0.0)
    return;

  dx = x != NULL ? *x : 0.0;
  dy = y != NULL ? *y : 0.0;
  cairo_user_to_device (cr, &dx, &dy);
  if (x != NULL)
    dx = snap_coordinate (dx, line_width * fabs (matrix.xx));
  if (y != NULL)
    dy = snap_coordinate (dy, line_width * fabs (matrix.yy));
  cairo_device_to_user (cr, &dx, &dy);

  if (x != NULL)
    *x = dx;
  if (y != NULL)
    *y = dy;
}
