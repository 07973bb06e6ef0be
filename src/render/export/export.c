/* export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "export.h"
#include "png-writer.h"

static const struct {
  const char     *extension;
  SdExportFormat  format;
} formats[] = {
  { ".png", SD_EXPORT_PNG },
  { ".svg", SD_EXPORT_SVG },
  { ".pdf", SD_EXPORT_PDF },
  { ".csv", SD_EXPORT_CSV },
  { ".json", SD_EXPORT_JSON },
};

/**
 * sd_export_options_init:
 * @options: (out): the options to fill
 *
 * The defaults of `saddle --export`: 800 x 600 points, the light theme,
 * an opaque background, one PNG pixel per point.
 */
void
sd_export_options_init (SdExportOptions *options)
{
  g_return_if_fail (options != NULL);

  sd_figure_options_init (&options->figure);
  options->scale = 1.0;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_NUMERIC,
               /* Translators: %s is cairo's own description of what went
                * wrong, in English, such as "out of memory" */
               _("could not draw the figure: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Draws onto @surface and reports what cairo thought of it. */
static gboolean
draw_figure (cairo_surface_t        *surface,
             const SdScene          *scene,
             const SdExportOptions  *options,
             double                  scale,
             GCancellable           *cancellable,
             GError                **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_scale (cr, scale, scale);
  ok = sd_figure_draw (cr, scene, &options->figure, cancellable, error)
       && check_cairo (cairo_status (cr), error);
  cairo_destroy (cr);

  return ok;
}

/* Vector surfaces write their last bytes when finished. */
static gboolean
finish (cairo_surface_t  *surface,
        GError          **error)
{
  cairo_surface_finish (surface);
  return check_cairo (cairo_surface_status (surface), error);
}

/* Renders the figure into memory; the caller writes it out atomically. */
static GByteArray *
render_figure (const SdScene          *scene,
               SdExportFormat          format,
               const SdExportOptions  *options,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double width = options->figure.width, height = options->figure.height;
  cairo_surface_t *surface = NULL;
  gboolean ok;

  switch (format)
    {
    case SD_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                           (int) ceil (width * options->scale),
                                           (int) ceil (height * options->scale));
      ok = draw_figure (surface, scene, options, options->scale, cancellable, error)
           && sd_png_encode (surface, bytes, error);
      break;

    case SD_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      ok = draw_figure (surface, scene, options, 1.0, cancellable, error)
           && finish (surface, error);
      break;

    case SD_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      if (scene->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, scene->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      PACKAGE_NAME " " PACKAGE_VERSION);
      ok = draw_figure (surface, scene, options, 1.0, cancellable, error)
           && finish (surface, error);
      break;

    case SD_EXPORT_CSV:
    case SD_EXPORT_JSON:
    default:
      g_assert_not_reached ();
    }

  cairo_surface_destroy (surface);
  return ok ? g_steal_pointer (&bytes) : NULL;
}

/**
 * sd_export_format_from_path:
 * @path: the output file
 * @format: (out): the format its extension names
 * @error: return location for an error
 *
 * The format follows the extension, in any letter case.
 *
 * Returns: %TRUE if the extension names a format Saddle writes
 */
gboolean
sd_export_format_from_path (const char      *path,
                            SdExportFormat  *format,
                            GError         **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) known = g_string_new (NULL);
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  lower = g_ascii_strdown (dot != NULL ? dot : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (lower, formats[i].extension))
        {
          *format = formats[i].format;
          return TRUE;
        }
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", formats[i].extension);
    }

  if (dot == NULL)
    g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                 /* Translators: the first %s is the file name the user gave,
                  * the second the extensions Saddle writes, such as
                  * ".png, .svg, .pdf, .csv, .json"; keep them as they are */
                 _("%s: no file extension to tell the format; use one of %s"),
                 path, known->str);
  else
    g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                 /* Translators: the first %s is the file name the user gave,
                  * the second its extension, such as .jpg, the third the
                  * extensions Saddle writes, such as ".png, .svg, .pdf, .csv, .json";
                  * keep the extensions as they are */
                 _("%s: unsupported extension '%s'; use one of %s"),
                 path, dot, known->str);
  return FALSE;
}

/**
 * sd_export_scene:
 * @scene: the scene
 * @path: the output file; its extension chooses the format
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes everything first and writes the file atomically, so a failure
 * leaves no file behind and never truncates an existing one.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_export_scene (const SdScene          *scene,
                 const char             *path,
                 const SdExportOptions  *options,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(GByteArray) figure = NULL;
  g_autofree char *numbers = NULL;
  SdExportOptions defaults;
  SdExportFormat format;
  gsize length = 0;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    {
      sd_export_options_init (&defaults);
      options = &defaults;
    }

  if (!sd_export_format_from_path (path, &format, error))
    return FALSE;

  if (format == SD_EXPORT_CSV || format == SD_EXPORT_JSON)
    {
      numbers = format == SD_EXPORT_CSV ? sd_scene_to_csv (scene, cancellable, &length, error)
                                        : sd_scene_to_json (scene, cancellable, &length, error);
      return numbers != NULL && sd_write_file_atomically (path, numbers, length, error);
    }

  figure = render_figure (scene, format, options, cancellable, error);
  return figure != NULL
         && sd_write_file_atomically (path, (const char *) figure->data, figure->len, error);
}
