/* png-writer.c
 *
 * cairo_surface_write_to_png() compresses at zlib's default level on one
 * core, which for a 1600 x 1200 figure is two thirds of a whole export.
 * This writer filters rows with PNG's Up filter (figures are flat colour and
 * smooth gradients, which it turns into runs of zeros), deflates at a fast
 * level, and splits the image into bands deflated on all cores at once, as
 * pigz does: each band is a raw deflate stream ending on a byte boundary
 * (Z_FULL_FLUSH), so the bands concatenate into one valid zlib stream whose
 * Adler-32 is combined from the bands'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "png-writer.h"

/* zlib's level 1 to 9: on filtered figures level 1 costs a fraction of the
 * default level's time for files about a quarter larger. */
#define COMPRESSION_LEVEL 1
#define MIN_BAND_ROWS 64

typedef struct
{
  const guint8 *data;      /* the image */
  int           width;
  int           stride;
  gboolean      opaque;
  int           first_row;
  int           n_rows;
  gboolean      last;
  GByteArray   *deflated;  /* out */
  guint32       adler;     /* out: Adler-32 of the band's filtered bytes */
  gsize         length;    /* out: how many filtered bytes */
  gboolean      ok;        /* out */
} Band;

/* One row as PNG stores it before filtering: RGB for an opaque figure (a
 * quarter less to compress), else straight (not premultiplied) RGBA. */
static void
convert_row (const guint32 *src,
             guint8        *dst,
             int            width,
             gboolean       opaque)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24;

      if (opaque)
        {
          dst[3 * x + 0] = p >> 16;
          dst[3 * x + 1] = p >> 8;
          dst[3 * x + 2] = p;
        }
      else if (a == 0)
        memset (dst + 4 * x, 0, 4);
      else
        {
          dst[4 * x + 0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
          dst[4 * x + 1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
          dst[4 * x + 2] = ((p & 0xff) * 255 + a / 2) / a;
          dst[4 * x + 3] = a;
        }
    }
}

static gboolean
deflate_bytes (z_stream     *z,
               const guint8 *input,
               gsize         length,
               int           flush,
               GByteArray   *out)
{
  guint8 buffer[65536];
  int status;

  z->next_in = (Bytef *) input;
  z->avail_in = length;
  do
    {
      z->next_out = buffer;
      z->avail_out = sizeof buffer;
      status = deflate (z, flush);
      if (status == Z_STREAM_ERROR)
        return FALSE;
      g_byte_array_append (out, buffer, sizeof buffer - z->avail_out);
    }
  while (z->avail_out == 0);

  return TRUE;
}

/* Filters and deflates one band of rows. The Up filter needs the row above
 * the band, which is read from the image itself. */
static void
compress_band (gpointer data,
               gpointer user_data)
{
  Band *band = data;
  gsize row_bytes = (gsize) band->width * (band->opaque ? 3 : 4);
  g_autofree guint8 *above = g_malloc0 (row_bytes);
  g_autofree guint8 *current = g_malloc (row_bytes);
  g_autofree guint8 *filtered = g_malloc (row_bytes + 1);
  z_stream z = { 0 };

  band->adler = adler32 (0, NULL, 0);
  band->ok = deflateInit2 (&z, COMPRESSION_LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  if (!band->ok)
    return;

  if (band->first_row > 0)
    convert_row ((const guint32 *) (band->data + (gsize) (band->first_row - 1) * band->stride),
                 above, band->width, band->opaque);

  for (int i = 0; i < band->n_rows && band->ok; i++)
    {
      int y = band->first_row + i;
      gboolean end = band->last && i + 1 == band->n_rows;
      guint8 *swap;

      convert_row ((const guint32 *) (band->data + (gsize) y * band->stride),
                   current, band->width, band->opaque);
      filtered[0] = 2; /* Up */
      for (gsize b = 0; b < row_bytes; b++)
        filtered[b + 1] = current[b] - above[b];

      band->adler = adler32 (band->adler, filtered, row_bytes + 1);
      band->length += row_bytes + 1;
      band->ok = deflate_bytes (&z, filtered, row_bytes + 1,
                                end ? Z_FINISH : (i + 1 == band->n_rows ? Z_FULL_FLUSH : Z_NO_FLUSH),
                                band->deflated);

      swap = above, above = current, current = swap;
    }

  deflateEnd (&z);
}

static void
append_be32 (GByteArray *bytes,
             guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (bytes, b, 4);
}

static void
append_chunk (GByteArray   *bytes,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc = crc32 (0, (const Bytef *) type, 4);

  if (length > 0)
    crc = crc32 (crc, data, length);

  append_be32 (bytes, length);
  g_byte_array_append (bytes, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (bytes, data, length);
  append_be32 (bytes, crc);
}

static gboolean
is_opaque (const guint8 *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          if ((row[x] >> 24) != 0xff)
            return FALSE;
        }
    }

  return TRUE;
}

/* Deflates the bands on a pool of all cores and joins them into one zlib
 * stream: a header, the bands in order, the combined Adler-32. */
static gboolean
compress_image (const guint8 *data,
                int           width,
                int           height,
                int           stride,
                gboolean      opaque,
                GByteArray   *zlib_stream)
{
  guint n_threads = g_get_num_processors ();
  /* More bands than cores: bands compress at different speeds (a flat
   * title strip against a busy heatmap), and small ones balance the load. */
  guint n_bands = MAX (1, MIN (4 * n_threads, (guint) height / MIN_BAND_ROWS));
  g_autofree Band *bands = g_new0 (Band, n_bands);
  static const guint8 header[2] = { 0x78, 0x01 };
  GThreadPool *pool;
  guint32 adler = adler32 (0, NULL, 0);
  gboolean ok = TRUE;

  pool = g_thread_pool_new (compress_band, NULL, MIN (n_threads, n_bands), FALSE, NULL);
  for (guint i = 0; i < n_bands; i++)
    {
      bands[i] = (Band) { data, width, stride, opaque, height * i / n_bands,
                          height * (i + 1) / n_bands - height * i / n_bands, i + 1 == n_bands,
                          g_byte_array_new (), 0, 0, FALSE };
      g_thread_pool_push (pool, &bands[i], NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  g_byte_array_append (zlib_stream, header, sizeof header);
  for (guint i = 0; i < n_bands; i++)
    {
      ok = ok && bands[i].ok;
      g_byte_array_append (zlib_stream, bands[i].deflated->data, bands[i].deflated->len);
      adler = adler32_combine (adler, bands[i].adler, bands[i].length);
      g_byte_array_unref (bands[i].deflated);
    }
  append_be32 (zlib_stream, adler);

  return ok;
}

/**
 * sd_png_encode:
 * @image: an ARGB32 image surface
 * @bytes: where the PNG file is appended
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
sd_png_encode (cairo_surface_t  *image,
               GByteArray       *bytes,
               GError          **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) zlib_stream = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  int width, height, stride;
  const guint8 *data;
  gboolean opaque;
  guint8 tail[5];

  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32, FALSE);

  cairo_surface_flush (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);
  opaque = is_opaque (data, width, height, stride);

  if (width <= 0 || height <= 0
      || !compress_image (data, width, height, stride, opaque, zlib_stream))
    {
      g_set_error_literal (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
                           _("could not write the PNG image"));
      return FALSE;
    }

  /* IHDR: size, 8 bits per sample, RGB (2) or RGBA (6), deflate, adaptive
   * filtering, no interlace. */
  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  tail[0] = 8, tail[1] = opaque ? 2 : 6, tail[2] = 0, tail[3] = 0, tail[4] = 0;
  g_byte_array_append (ihdr, tail, sizeof tail);

  g_byte_array_append (bytes, signature, sizeof signature);
  append_chunk (bytes, "IHDR", ihdr->data, ihdr->len);
  append_chunk (bytes, "IDAT", zlib_stream->data, zlib_stream->len);
  append_chunk (bytes, "IEND", NULL, 0);
  return TRUE;
}
