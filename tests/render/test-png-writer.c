/* test-png-writer.c: the PNG writer against an independent decoder (cairo's,
 * which is libpng's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "png-writer.h"

typedef struct {
  const GByteArray *bytes;
  gsize             offset;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *r = closure;

  if (r->offset + length > r->bytes->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->bytes->data + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* A pattern with gradients, flat areas and every byte value, tall enough
 * to be split into bands on any number of cores. */
static cairo_surface_t *
make_image (int      width,
            int      height,
            gboolean opaque)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint a = opaque ? 255 : (x * 7 + y) % 256;
          guint r = (x * 255 / width) * a / 255;
          guint g = (y % 256) * a / 255;
          guint b = ((x ^ y) & 0xff) * a / 255;

          row[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (image);
  return image;
}

static void
assert_round_trip (int      width,
                   int      height,
                   gboolean opaque)
{
  cairo_surface_t *image = make_image (width, height, opaque);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  Reader reader = { bytes, 0 };
  cairo_surface_t *decoded;

  g_assert_true (sd_png_encode (image, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bytes->data[25], ==, opaque ? 2 : 6);   /* IHDR colour type */

  decoded = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);

  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (image)
                                            + y * cairo_image_surface_get_stride (image));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (decoded)
                                            + y * cairo_image_surface_get_stride (decoded));

      for (int x = 0; x < width; x++)
        {
          /* Opaque pixels come back exactly; translucent ones went through
           * unpremultiplying and premultiplying again, which rounds. */
          for (int shift = 0; shift < 32; shift += 8)
            {
              int pa = (a[x] >> shift) & 0xff, pb = (b[x] >> shift) & 0xff;

              if (opaque)
                g_assert_cmpint (pa, ==, pb);
              else
                g_assert_cmpint (ABS (pa - pb), <=, 1);
            }
        }
    }

  cairo_surface_destroy (decoded);
  cairo_surface_destroy (image);
}

static void
test_opaque (void)
{
  assert_round_trip (333, 1000, TRUE);
  assert_round_trip (1, 1, TRUE);
}

static void
test_transparent (void)
{
  assert_round_trip (257, 700, FALSE);
  assert_round_trip (3, 2, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/png-writer/opaque", test_opaque);
  g_test_add_func ("/render/png-writer/transparent", test_transparent);

  return g_test_run ();
}
