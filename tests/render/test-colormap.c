/* test-colormap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>

#include "colormap.h"

#define N_ENTRIES 256

typedef struct
{
  guint  index;
  double rgb[3];
} Entry;

#define N_REFERENCE_ENTRIES 10

typedef struct
{
  SdColormap colormap;
  Entry      entries[N_REFERENCE_ENTRIES];
  /* Pixels of entries 0, 64, 128 and 255, as 0xAARRGGBB. */
  guint32    pixels[4];
} Reference;

/* matplotlib 3.6.3 (Debian bookworm), whose cmap(i) is entry i of the map's
 * 256-entry table:
 *
 * /usr/bin/python3 -c '
 * import matplotlib as mpl
 * for name in ["viridis", "magma", "inferno", "plasma", "cividis", "coolwarm"]:
 *     cmap = mpl.colormaps[name]
 *     print(name)
 *     for i in (0, 1, 63, 64, 127, 128, 191, 192, 254, 255):
 *         print("  { %3d, { %r, %r, %r } }," % ((i,) + tuple(float(x) for x in cmap(i)[:3])))
 * '
 *
 * and the pixels, from matplotlib's own rounding to 8 bits:
 *
 * /usr/bin/python3 -c '
 * import matplotlib as mpl
 * for name in ["viridis", "magma", "inferno", "plasma", "cividis", "coolwarm"]:
 *     cmap = mpl.colormaps[name]
 *     print(name, ", ".join("0x%s" % ("ff" + mpl.colors.to_hex(cmap(i))[1:])
 *                           for i in (0, 64, 128, 255)))
 * '
 */
static const Reference references[] = {
  { SD_COLORMAP_VIRIDIS, {
      {   0, { 0.267004, 0.004874, 0.329415 } },
      {   1, { 0.26851, 0.009605, 0.335427 } },
      {  63, { 0.231674, 0.318106, 0.544834 } },
      {  64, { 0.229739, 0.322361, 0.545706 } },
      { 127, { 0.128729, 0.563265, 0.551229 } },
      { 128, { 0.127568, 0.566949, 0.550556 } },
      { 191, { 0.360741, 0.785964, 0.387814 } },
      { 192, { 0.369214, 0.788888, 0.382914 } },
      { 254, { 0.983868, 0.904867, 0.136897 } },
      { 255, { 0.993248, 0.906157, 0.143936 } },
    }, { 0xff440154, 0xff3b528b, 0xff21918c, 0xfffde725 } },
  { SD_COLORMAP_MAGMA, {
      {   0, { 0.001462, 0.000466, 0.013866 } },
      {   1, { 0.002258, 0.001295, 0.018331 } },
      {  63, { 0.310382, 0.069702, 0.483186 } },
      {  64, { 0.316654, 0.07169, 0.48538 } },
      { 127, { 0.709962, 0.212797, 0.477201 } },
      { 128, { 0.716387, 0.214982, 0.47529 } },
      { 191, { 0.985693, 0.528148, 0.379371 } },
      { 192, { 0.9867, 0.535582, 0.38221 } },
      { 254, { 0.987387, 0.984288, 0.742002 } },
      { 255, { 0.987053, 0.991438, 0.749504 } },
    }, { 0xff000004, 0xff51127c, 0xffb73779, 0xfffcfdbf } },
  { SD_COLORMAP_INFERNO, {
      {   0, { 0.001462, 0.000466, 0.013866 } },
      {   1, { 0.002267, 0.00127, 0.01857 } },
      {  63, { 0.335217, 0.06006, 0.428524 } },
      {  64, { 0.3415, 0.062325, 0.429425 } },
      { 127, { 0.729909, 0.212759, 0.333861 } },
      { 128, { 0.735683, 0.215906, 0.330245 } },
      { 191, { 0.977092, 0.55085, 0.03905 } },
      { 192, { 0.978422, 0.557937, 0.034931 } },
      { 254, { 0.982257, 0.994109, 0.631017 } },
      { 255, { 0.988362, 0.998364, 0.644924 } },
    }, { 0xff000004, 0xff57106e, 0xffbc3754, 0xfffcffa4 } },
  { SD_COLORMAP_PLASMA, {
      {   0, { 0.050383, 0.029803, 0.527975 } },
      {   1, { 0.063536, 0.028426, 0.533124 } },
      {  63, { 0.489055, 0.010127, 0.658534 } },
      {  64, { 0.494877, 0.01199, 0.657865 } },
      { 127, { 0.794549, 0.27577, 0.473117 } },
      { 128, { 0.798216, 0.280197, 0.469538 } },
      { 191, { 0.971835, 0.580382, 0.254931 } },
      { 192, { 0.973416, 0.585761, 0.25154 } },
      { 254, { 0.941896, 0.96859, 0.140956 } },
      { 255, { 0.940015, 0.975158, 0.131326 } },
    }, { 0xff0d0887, 0xff7e03a8, 0xffcc4778, 0xfff0f921 } },
  { SD_COLORMAP_CIVIDIS, {
      {   0, { 0.0, 0.135112, 0.304751 } },
      {   1, { 0.0, 0.138068, 0.311105 } },
      {  63, { 0.25974, 0.30512, 0.42281 } },
      {  64, { 0.263738, 0.307831, 0.422789 } },
      { 127, { 0.485141, 0.482451, 0.470384 } },
      { 128, { 0.488697, 0.485318, 0.471008 } },
      { 191, { 0.732422, 0.677364, 0.425717 } },
      { 192, { 0.736488, 0.680629, 0.424028 } },
      { 254, { 0.995503, 0.903866, 0.21237 } },
      { 255, { 0.995737, 0.909344, 0.217772 } },
    }, { 0xff00224e, 0xff434e6c, 0xff7d7c78, 0xfffee838 } },
  { SD_COLORMAP_COOLWARM, {
      {   0, { 0.2298057, 0.298717966, 0.753683153 } },
      {   1, { 0.23437707945098038, 0.3055417303294118, 0.7596795275882353 } },
      {  63, { 0.5488761722823529, 0.6851035851764705, 0.9943791404235295 } },
      {  64, { 0.5543118699137254, 0.6900970112156862, 0.9955155482352941 } },
      { 127, { 0.863391831290196, 0.8650837958196078, 0.8676338842627451 } },
      { 128, { 0.8674276350862745, 0.864376599772549, 0.8626024620196079 } },
      { 191, { 0.9582793979254902, 0.604335096882353, 0.48329710138823534 } },
      { 192, { 0.9566532109764706, 0.598033822717647, 0.4773022923529412 } },
      { 254, { 0.7115538514588235, 0.03333685421176469, 0.1544847098509804 } },
      { 255, { 0.705673158, 0.01555616, 0.150232812 } },
    }, { 0xff3b4cc0, 0xff8db0fe, 0xffdddcdc, 0xffb40426 } },
};

/* Every entry counts: the sums of each component over the 256 entries, plain
 * and weighted by i + 1 (so that a shuffled table shows too), as matplotlib
 * 3.6.3 gives them:
 *
 * /usr/bin/python3 -c '
 * import numpy as np, matplotlib as mpl
 * w = np.arange(1, 257)
 * for name in ["viridis", "magma", "inferno", "plasma", "cividis", "coolwarm"]:
 *     lut = mpl.colormaps[name](np.arange(256))[:, :3]
 *     sums = tuple(float(x) for x in lut.sum(axis=0))
 *     print("  { SD_COLORMAP_%s, { %r, %r, %r }," % ((name.upper(),) + sums))
 *     print("    { %r, %r, %r } }," % tuple(float(x) for x in w @ lut))
 * '
 */
static const struct {
  SdColormap colormap;
  double     sum[3];
  double     weighted_sum[3];
} table_sums[] = {
  { SD_COLORMAP_VIRIDIS, { 83.74342499999999, 137.734004, 110.22308900000013 },
    { 13545.768142999998, 22713.789962000006, 12376.21491300001 } },
  { SD_COLORMAP_MAGMA, { 160.92092399999996, 82.92413900000001, 109.556377 },
    { 27109.54631399999, 15798.180714000006, 15839.080715000002 } },
  { SD_COLORMAP_INFERNO, { 161.92286899999988, 84.60437399999998, 70.62214099999998 },
    { 26948.250763, 16319.800145000007, 8801.667791000005 } },
  { SD_COLORMAP_PLASMA, { 180.59463400000007, 86.23184299999997, 110.99404899999998 },
    { 28233.58583700001, 16672.005931, 10951.003967999994 } },
  { SD_COLORMAP_CIVIDIS, { 125.28899499999997, 126.916879, 105.05128600000003 },
    { 21651.50828400001, 20450.584732000003, 13000.342505999995 } },
  { SD_COLORMAP_COOLWARM, { 185.51054624734135, 154.671471011451, 181.84687736272951 },
    { 27354.358966013773, 18815.569989751388, 18907.149028160387 } },
};

static const SdColormap sequential[] = {
  SD_COLORMAP_VIRIDIS,
  SD_COLORMAP_MAGMA,
  SD_COLORMAP_INFERNO,
  SD_COLORMAP_PLASMA,
  SD_COLORMAP_CIVIDIS,
};

static const Entry *
reference_entry (const Reference *ref,
                 guint            index)
{
  for (guint k = 0; k < N_REFERENCE_ENTRIES; k++)
    {
      if (ref->entries[k].index == index)
        return &ref->entries[k];
    }

  g_assert_not_reached ();
}

static void
assert_rgb_equal (const double rgb[3],
                  const double expected[3])
{
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat (rgb[c], ==, expected[c]);
}

static void
assert_rgb_near (const double rgb[3],
                 const double expected[3],
                 double       epsilon)
{
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat_with_epsilon (rgb[c], expected[c], epsilon);
}

/* CIE 1976 L* (white Y = 1) of an sRGB colour, from the IEC 61966-2-1
 * transfer function and the luminance row of its D65 RGB-to-XYZ matrix. */
static double
lightness (const double rgb[3])
{
  static const double weights[3] = { 0.2126, 0.7152, 0.0722 };
  const double delta = 6.0 / 29.0;
  double y = 0.0;

  for (guint c = 0; c < 3; c++)
    {
      double v = rgb[c];
      double linear = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);

      y += weights[c] * linear;
    }

  if (y > delta * delta * delta)
    return 116.0 * cbrt (y) - 16.0;
  else
    return y * (29.0 / 3.0) * (29.0 / 3.0) * (29.0 / 3.0);
}

static void
test_names_round_trip (void)
{
  for (SdColormap c = 0; c < SD_N_COLORMAPS; c++)
    {
      SdColormap back = SD_N_COLORMAPS;

      g_assert_true (sd_colormap_from_name (sd_colormap_get_name (c), &back));
      g_assert_cmpint (back, ==, c);
    }

  g_assert_false (sd_colormap_from_name ("jet", NULL));
  g_assert_false (sd_colormap_from_name ("", NULL));
}

/* At t = i / 255 the colour is entry i, bit for bit. */
static void
test_matplotlib_entries (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (references); r++)
    {
      const Reference *ref = &references[r];

      for (guint k = 0; k < N_REFERENCE_ENTRIES; k++)
        {
          const Entry *e = &ref->entries[k];
          double rgb[3];

          sd_colormap_eval (ref->colormap, e->index / 255.0, rgb);
          for (guint c = 0; c < 3; c++)
            g_assert_cmpfloat (rgb[c], ==, e->rgb[c]);
        }
    }
}

/* The published tables use six decimals, so a single entry off by one unit
 * moves a sum by 1e-6; rounding in the sums themselves stays below 1e-9. */
static void
test_table_sums (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (table_sums); r++)
    {
      double sum[3] = { 0.0, 0.0, 0.0 };
      double weighted_sum[3] = { 0.0, 0.0, 0.0 };

      for (guint i = 0; i < N_ENTRIES; i++)
        {
          double rgb[3];

          sd_colormap_eval (table_sums[r].colormap, i / 255.0, rgb);
          for (guint c = 0; c < 3; c++)
            {
              sum[c] += rgb[c];
              weighted_sum[c] += (i + 1) * rgb[c];
            }
        }

      for (guint c = 0; c < 3; c++)
        {
          g_assert_cmpfloat_with_epsilon (sum[c], table_sums[r].sum[c], 1e-9);
          g_assert_cmpfloat_with_epsilon (weighted_sum[c], table_sums[r].weighted_sum[c], 1e-9);
        }
    }
}

/* Between two entries the colour moves on the straight line joining them:
 * t = 0.25 and 0.75 fall a quarter of the way past entries 63 and 191, and
 * t = 127.5 / 255 halfway between entries 127 and 128. */
static void
test_interpolation (void)
{
  static const struct {
    double t;
    guint  below;
    double fraction;
  } cases[] = {
    { 0.25, 63, 0.75 },
    { 127.5 / 255.0, 127, 0.5 },
    { 0.75, 191, 0.25 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (references); r++)
    {
      const Reference *ref = &references[r];

      for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
        {
          const Entry *a = reference_entry (ref, cases[k].below);
          const Entry *b = reference_entry (ref, cases[k].below + 1);
          double expected[3];
          double rgb[3];

          for (guint c = 0; c < 3; c++)
            expected[c] = (1.0 - cases[k].fraction) * a->rgb[c]
                          + cases[k].fraction * b->rgb[c];

          sd_colormap_eval (ref->colormap, cases[k].t, rgb);
          assert_rgb_near (rgb, expected, 1e-14);
        }
    }
}

/* Grayscale runs from black to white: every component is t. */
static void
test_grayscale (void)
{
  static const double ts[] = { 0.0, 1.0 / 255.0, 0.1, 1.0 / 3.0, 0.5, 0.9, 1.0 };

  for (guint k = 0; k < G_N_ELEMENTS (ts); k++)
    {
      double rgb[3];

      sd_colormap_eval (SD_COLORMAP_GRAYSCALE, ts[k], rgb);
      for (guint c = 0; c < 3; c++)
        g_assert_cmpfloat (rgb[c], ==, ts[k]);
    }
}

static void
test_clamp (void)
{
  static const double below[] = { -0.0, -1e-300, -0.5, -1e300, -INFINITY };
  static const double above[] = { 1.0 + 1e-15, 1.5, 1e300, INFINITY };

  for (SdColormap m = 0; m < SD_N_COLORMAPS; m++)
    {
      double first[3];
      double last[3];

      sd_colormap_eval (m, 0.0, first);
      sd_colormap_eval (m, 1.0, last);

      for (guint k = 0; k < G_N_ELEMENTS (below); k++)
        {
          double rgb[3];

          sd_colormap_eval (m, below[k], rgb);
          assert_rgb_equal (rgb, first);
        }

      for (guint k = 0; k < G_N_ELEMENTS (above); k++)
        {
          double rgb[3];

          sd_colormap_eval (m, above[k], rgb);
          assert_rgb_equal (rgb, last);
        }
    }

  /* And the ends are matplotlib's first and last entries. */
  for (guint r = 0; r < G_N_ELEMENTS (references); r++)
    {
      double rgb[3];

      sd_colormap_eval (references[r].colormap, -2.0, rgb);
      assert_rgb_equal (rgb, reference_entry (&references[r], 0)->rgb);
      sd_colormap_eval (references[r].colormap, 3.0, rgb);
      assert_rgb_equal (rgb, reference_entry (&references[r], 255)->rgb);
    }
}

/* NaN has no place on the map: sd_colormap_eval() gives the documented grey,
 * sd_colormap_eval_rgba() transparency, matplotlib's default bad colour
 * (/usr/bin/python3 -c 'import matplotlib as mpl;
 *  print(mpl.colormaps["viridis"](float("nan")))' prints (0.0, 0.0, 0.0, 0.0)). */
static void
test_nan (void)
{
  static const double grey[3] = { 0.5, 0.5, 0.5 };

  for (SdColormap m = 0; m < SD_N_COLORMAPS; m++)
    {
      double rgb[3];
      double rgba[4] = { -1.0, -1.0, -1.0, -1.0 };

      sd_colormap_eval (m, NAN, rgb);
      assert_rgb_equal (rgb, grey);

      sd_colormap_eval_rgba (m, NAN, rgba);
      for (guint c = 0; c < 4; c++)
        g_assert_cmpfloat (rgba[c], ==, 0.0);
    }
}

/* Outside NaN, the RGBA colour is the RGB one, opaque. */
static void
test_rgba_opaque (void)
{
  static const double ts[] = { -1.0, 0.0, 0.3, 0.5, 0.77, 1.0, INFINITY };

  for (SdColormap m = 0; m < SD_N_COLORMAPS; m++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (ts); k++)
        {
          double rgb[3];
          double rgba[4];

          sd_colormap_eval (m, ts[k], rgb);
          sd_colormap_eval_rgba (m, ts[k], rgba);
          assert_rgb_equal (rgba, rgb);
          g_assert_cmpfloat (rgba[3], ==, 1.0);
        }
    }
}

/* The sequential maps were designed so that lightness rises steadily from
 * start to end (van der Walt and Smith for viridis, magma, inferno and plasma;
 * Nuñez et al. 2018 for cividis); CIE L* must increase strictly across the
 * 256 entries. */
static void
test_lightness_sequential (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (sequential); k++)
    {
      double previous = -INFINITY;

      for (guint i = 0; i < N_ENTRIES; i++)
        {
          double rgb[3];
          double l;

          sd_colormap_eval (sequential[k], i / 255.0, rgb);
          l = lightness (rgb);
          g_assert_cmpfloat (l, >, previous);
          previous = l;
        }
    }

  /* Grayscale spans the whole lightness range, black to white. */
  {
    double rgb[3];

    sd_colormap_eval (SD_COLORMAP_GRAYSCALE, 0.0, rgb);
    g_assert_cmpfloat_with_epsilon (lightness (rgb), 0.0, 1e-12);
    sd_colormap_eval (SD_COLORMAP_GRAYSCALE, 1.0, rgb);
    g_assert_cmpfloat_with_epsilon (lightness (rgb), 100.0, 1e-12);
  }
}

/* Moreland built coolwarm with equally dark ends and its lightest colour in
 * the middle: L* rises strictly to a peak near entry 127.5, then falls. */
static void
test_lightness_coolwarm (void)
{
  double l[N_ENTRIES];
  guint peak = 0;

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      double rgb[3];

      sd_colormap_eval (SD_COLORMAP_COOLWARM, i / 255.0, rgb);
      l[i] = lightness (rgb);
      if (l[i] > l[peak])
        peak = i;
    }

  g_assert_cmpfloat_with_epsilon (l[0], l[N_ENTRIES - 1], 2.0);
  g_assert_cmpuint (peak, >=, 120);
  g_assert_cmpuint (peak, <=, 135);
  g_assert_cmpfloat (l[peak] - l[0], >, 40.0);

  for (guint i = 1; i <= peak; i++)
    g_assert_cmpfloat (l[i], >, l[i - 1]);
  for (guint i = peak + 1; i < N_ENTRIES; i++)
    g_assert_cmpfloat (l[i], <, l[i - 1]);
}

static void
test_diverging (void)
{
  for (SdColormap m = 0; m < SD_N_COLORMAPS; m++)
    g_assert_cmpint (sd_colormap_is_diverging (m), ==, m == SD_COLORMAP_COOLWARM);
}

static guint32
pack_rounded (const double rgb[3])
{
  guint32 word = 0xff000000u;

  for (guint c = 0; c < 3; c++)
    word |= (guint32) lround (rgb[c] * 255.0) << (16 - 8 * c);

  return word;
}

/* Entry k of an n-entry table is the colour at k / (n - 1), each component
 * rounded to 8 bits. */
static void
test_lut_rounded (void)
{
  static const guint sizes[] = { 2, 7, 256, 1000 };

  for (SdColormap m = 0; m < SD_N_COLORMAPS; m++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          guint n = sizes[s];
          g_autofree guint32 *lut = g_new (guint32, n);

          sd_colormap_fill_lut (m, lut, n);
          for (guint k = 0; k < n; k++)
            {
              double rgb[3];

              sd_colormap_eval (m, (double) k / (n - 1), rgb);
              g_assert_cmphex (lut[k], ==, pack_rounded (rgb));
            }
        }
    }
}

/* With 256 entries the table holds matplotlib's own 8-bit colours. */
static void
test_lut_matplotlib (void)
{
  static const guint indices[] = { 0, 64, 128, 255 };
  guint32 lut[N_ENTRIES];

  for (guint r = 0; r < G_N_ELEMENTS (references); r++)
    {
      sd_colormap_fill_lut (references[r].colormap, lut, N_ENTRIES);
      for (guint k = 0; k < G_N_ELEMENTS (indices); k++)
        g_assert_cmphex (lut[indices[k]], ==, references[r].pixels[k]);
    }

  /* Grayscale entry k is grey level k. */
  sd_colormap_fill_lut (SD_COLORMAP_GRAYSCALE, lut, N_ENTRIES);
  for (guint k = 0; k < N_ENTRIES; k++)
    g_assert_cmphex (lut[k], ==, 0xff000000u | k << 16 | k << 8 | k);
}

/* The words are cairo's pixels: cairo itself, painting matplotlib's 8-bit
 * viridis colours, writes the same words into an ARGB32 image. */
static void
test_lut_cairo_layout (void)
{
  static const guint indices[] = { 0, 64, 128, 255 };
  const Reference *viridis = &references[0];
  guint32 lut[N_ENTRIES];

  g_assert_cmpint (viridis->colormap, ==, SD_COLORMAP_VIRIDIS);
  sd_colormap_fill_lut (SD_COLORMAP_VIRIDIS, lut, N_ENTRIES);

  for (guint k = 0; k < G_N_ELEMENTS (indices); k++)
    {
      guint32 hex = viridis->pixels[k];
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr,
                            ((hex >> 16) & 0xff) / 255.0,
                            ((hex >> 8) & 0xff) / 255.0,
                            (hex & 0xff) / 255.0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      g_assert_cmphex (*(const guint32 *) cairo_image_surface_get_data (surface),
                       ==, lut[indices[k]]);
      cairo_surface_destroy (surface);
    }
}

static void
test_lut_sizes (void)
{
  guint32 one = 0;
  guint32 two[2];
  double rgb[3];

  /* A single entry is the start of the map. */
  sd_colormap_fill_lut (SD_COLORMAP_MAGMA, &one, 1);
  sd_colormap_eval (SD_COLORMAP_MAGMA, 0.0, rgb);
  g_assert_cmphex (one, ==, pack_rounded (rgb));

  /* Two entries are its ends. */
  sd_colormap_fill_lut (SD_COLORMAP_COOLWARM, two, 2);
  g_assert_cmphex (two[0], ==, references[5].pixels[0]);
  g_assert_cmphex (two[1], ==, references[5].pixels[3]);

  /* An empty table needs no storage. */
  sd_colormap_fill_lut (SD_COLORMAP_VIRIDIS, NULL, 0);
}

/* Programming errors are reported and leave the outputs untouched. */
static void
test_invalid (void)
{
  const SdColormap bad = SD_N_COLORMAPS;
  double rgb[3] = { -1.0, -1.0, -1.0 };
  double rgba[4] = { -1.0, -1.0, -1.0, -1.0 };
  guint32 lut[2] = { 0, 0 };

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*colormap < SD_N_COLORMAPS*");
  sd_colormap_eval (bad, 0.5, rgb);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (rgb[0], ==, -1.0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*rgb != NULL*");
  sd_colormap_eval (SD_COLORMAP_VIRIDIS, 0.5, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*colormap < SD_N_COLORMAPS*");
  sd_colormap_eval_rgba ((SdColormap) 42, 0.5, rgba);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (rgba[3], ==, -1.0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*rgba != NULL*");
  sd_colormap_eval_rgba (SD_COLORMAP_VIRIDIS, NAN, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*colormap < SD_N_COLORMAPS*");
  sd_colormap_fill_lut (bad, lut, 2);
  g_test_assert_expected_messages ();
  g_assert_cmphex (lut[0], ==, 0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*argb != NULL || n == 0*");
  sd_colormap_fill_lut (SD_COLORMAP_VIRIDIS, NULL, 4);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*colormap < SD_N_COLORMAPS*");
  g_assert_false (sd_colormap_is_diverging (bad));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*colormap < SD_N_COLORMAPS*");
  g_assert_null (sd_colormap_get_name (bad));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*name != NULL*");
  g_assert_false (sd_colormap_from_name (NULL, NULL));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/colormap/names", test_names_round_trip);
  g_test_add_func ("/render/colormap/eval/matplotlib-entries", test_matplotlib_entries);
  g_test_add_func ("/render/colormap/eval/table-sums", test_table_sums);
  g_test_add_func ("/render/colormap/eval/interpolation", test_interpolation);
  g_test_add_func ("/render/colormap/eval/grayscale", test_grayscale);
  g_test_add_func ("/render/colormap/eval/clamp", test_clamp);
  g_test_add_func ("/render/colormap/eval/nan", test_nan);
  g_test_add_func ("/render/colormap/eval/rgba-opaque", test_rgba_opaque);
  g_test_add_func ("/render/colormap/lightness/sequential", test_lightness_sequential);
  g_test_add_func ("/render/colormap/lightness/coolwarm", test_lightness_coolwarm);
  g_test_add_func ("/render/colormap/diverging", test_diverging);
  g_test_add_func ("/render/colormap/lut/rounded", test_lut_rounded);
  g_test_add_func ("/render/colormap/lut/matplotlib", test_lut_matplotlib);
  g_test_add_func ("/render/colormap/lut/cairo-layout", test_lut_cairo_layout);
  g_test_add_func ("/render/colormap/lut/sizes", test_lut_sizes);
  g_test_add_func ("/render/colormap/invalid", test_invalid);

  return g_test_run ();
}
