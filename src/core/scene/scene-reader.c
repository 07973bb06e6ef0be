/* scene-reader.c: reading the keys of a scene file
 *
 * Every problem is reported as one line that names the file, the group, the
 * key and what is wrong, so that a teacher fixing a scene an hour before a
 * lecture knows exactly where to look:
 *
 *   lesson.saddle: [Run Adam] learning-rate: must be a positive finite number, got 'nan'
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "numfmt.h"
#include "scene-private.h"

static char *located_message (SdSceneReader *r,
                              const char    *group,
                              const char    *key,
                              const char    *format,
                              va_list        args) G_GNUC_PRINTF (4, 0);

/* The line a problem is told in, errors and warnings alike: the file, the
 * group, the key when there is one, then the message. */
static char *
located_message (SdSceneReader *r,
                 const char    *group,
                 const char    *key,
                 const char    *format,
                 va_list        args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (key != NULL)
    return g_strdup_printf ("%s: [%s] %s: %s", r->file, group, key, message);
  return g_strdup_printf ("%s: [%s] %s", r->file, group, message);
}

gboolean
_sd_scene_fail (SdSceneReader  *r,
                GError        **error,
                const char     *group,
                const char     *key,
                const char     *format,
                ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = located_message (r, group, key, format, args);
  va_end (args);

  g_set_error_literal (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID, line);
  return FALSE;
}

/* Errors from the engine already start with the key ("learning-rate: ...");
 * they get the file and group in front. */
gboolean
_sd_scene_fail_prefixed (SdSceneReader  *r,
                         GError        **error,
                         const char     *group,
                         GError         *cause)
{
  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               "%s: [%s] %s", r->file, group, cause->message);
  g_error_free (cause);
  return FALSE;
}

void
_sd_scene_warn (SdSceneReader *r,
                const char    *group,
                const char    *key,
                const char    *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (r->scene->warnings, located_message (r, group, key, format, args));
  va_end (args);
}

void
_sd_scene_mark_used (SdSceneReader *r,
                     const char    *group,
                     const char    *key)
{
  g_hash_table_add (r->used, g_strconcat (group, "\n", key, NULL));
}

/* Returns the raw value of @key, or %NULL when the group lacks it. */
char *
_sd_scene_get_value (SdSceneReader *r,
                     const char    *group,
                     const char    *key)
{
  _sd_scene_mark_used (r, group, key);

  if (!g_key_file_has_key (r->keyfile, group, key, NULL))
    return NULL;

  return g_key_file_get_value (r->keyfile, group, key, NULL);
}

gboolean
_sd_scene_read_string (SdSceneReader  *r,
                       const char     *group,
                       const char     *key,
                       gboolean        required,
                       char          **out,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  _sd_scene_mark_used (r, group, key);

  if (!g_key_file_has_key (r->keyfile, group, key, NULL))
    {
      if (required)
        /* Translators: messages about a scene file follow the file, the
         * group and the key, as in "lesson.saddle: [Run Adam] start: missing;
         * this key is required" */
        return _sd_scene_fail (r, error, group, key, _("missing; this key is required"));
      return TRUE;
    }

  value = g_key_file_get_string (r->keyfile, group, key, &local_error);
  if (value == NULL)
    return _sd_scene_fail (r, error, group, key, "%s", local_error->message);

  g_strstrip (value);
  if (required && *value == '\0')
    {
      g_free (value);
      /* Translators: said of a key of the scene file, such as kind */
      return _sd_scene_fail (r, error, group, key, _("must not be empty"));
    }

  g_free (*out);
  *out = value;
  return TRUE;
}

gboolean
_sd_scene_read_double (SdSceneReader  *r,
                       const char     *group,
                       const char     *key,
                       double         *out,
                       gboolean       *present,
                       GError        **error)
{
  g_autofree char *text = _sd_scene_get_value (r, group, key);

  *present = text != NULL;
  if (text == NULL)
    return TRUE;

  if (!sd_parse_double (text, out))
    /* Translators: %s is the value given */
    return _sd_scene_fail (r, error, group, key, _("must be a number, got '%s'"), text);

  return TRUE;
}

/* Whole numbers: counts, sizes, seeds. A missing key keeps *out. */
gboolean
_sd_scene_read_uint (SdSceneReader  *r,
                     const char     *group,
                     const char     *key,
                     guint64         min,
                     guint64         max,
                     guint64        *out,
                     GError        **error)
{
  g_autofree char *text = _sd_scene_get_value (r, group, key);
  g_autoptr(GError) local_error = NULL;
  guint64 value;

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, &local_error))
    return _sd_scene_fail (r, error, group, key,
                 /* Translators: the numbers are the least and the largest
                  * value allowed, %s the value given */
                 _("must be a whole number from %" PRIu64 " to %" PRIu64 ", got '%s'"),
                 min, max, text);

  *out = value;
  return TRUE;
}

gboolean
_sd_scene_read_list (SdSceneReader  *r,
                     const char     *group,
                     const char     *key,
                     double         *out,
                     guint           n,
                     gboolean        required,
                     gboolean       *present,
                     GError        **error)
{
  g_autofree char *text = _sd_scene_get_value (r, group, key);
  double values[8];
  guint found;

  g_assert (n <= G_N_ELEMENTS (values));

  if (present != NULL)
    *present = text != NULL;

  if (text == NULL)
    return required ? _sd_scene_fail (r, error, group, key, _("missing; this key is required")) : TRUE;

  if (!sd_parse_double_list (text, values, n, &found))
    {
      if (found != n)
        return _sd_scene_fail (r, error, group, key,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: the numbers are how many numbers
                                   * the key needs and how many it has; keep ';',
                                   * the separator of the file */
                                  "expected %u number separated by ';', got %u",
                                  "expected %u numbers separated by ';', got %u", n),
                     n, found);
      /* Translators: keep ';', the separator of the file; %s is the value
       * given */
      return _sd_scene_fail (r, error, group, key, _("must be numbers separated by ';', got '%s'"), text);
    }

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (values[i]))
        /* Translators: %s is the value given, such as 1;nan */
        return _sd_scene_fail (r, error, group, key, _("must be finite numbers, got '%s'"), text);
    }

  memcpy (out, values, n * sizeof *values);
  return TRUE;
}

/* A min;max range; a missing key keeps *out (the caller's default). */
gboolean
_sd_scene_read_range (SdSceneReader  *r,
                      const char     *group,
                      const char     *key,
                      double          out[2],
                      GError        **error)
{
  double range[2];
  gboolean present;

  if (!_sd_scene_read_list (r, group, key, range, 2, FALSE, &present, error))
    return FALSE;

  if (!present)
    return TRUE;

  if (!(range[0] < range[1]))
    {
      char lo[SD_FORMAT_DOUBLE_SIZE], hi[SD_FORMAT_DOUBLE_SIZE];

      /* Translators: a range is written min;max in the scene file. '%s;%s'
       * is the range given: keep the ';' between the numbers. */
      return _sd_scene_fail (r, error, group, key, _("min must be less than max, got '%s;%s'"),
                   sd_format_double (lo, range[0]), sd_format_double (hi, range[1]));
    }

  out[0] = range[0];
  out[1] = range[1];
  return TRUE;
}

gboolean
_sd_scene_read_bool (SdSceneReader  *r,
                     const char     *group,
                     const char     *key,
                     gboolean       *out,
                     GError        **error)
{
  g_autofree char *text = _sd_scene_get_value (r, group, key);

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  if (g_str_equal (text, "true"))
    *out = TRUE;
  else if (g_str_equal (text, "false"))
    *out = FALSE;
  else
    /* Translators: the first two %s are the values the key takes, such as
     * true and false, or map and 3d; keep them as they are. The third is the
     * value given. */
    return _sd_scene_fail (r, error, group, key, _("must be %s or %s, got '%s'"), "true", "false", text);

  return TRUE;
}

/* A number within [min, max]; a missing key keeps *out. */
gboolean
_sd_scene_read_bounded (SdSceneReader  *r,
                        const char     *group,
                        const char     *key,
                        double          min,
                        double          max,
                        double         *out,
                        GError        **error)
{
  g_autofree char *text = _sd_scene_get_value (r, group, key);
  double value;

  if (text == NULL)
    return TRUE;

  if (!sd_parse_double (text, &value) || !(value >= min && value <= max))
    {
      char lo[SD_FORMAT_DOUBLE_SIZE], hi[SD_FORMAT_DOUBLE_SIZE];

      /* Translators: the first two %s are the least and the largest value
       * allowed, the third the value given */
      return _sd_scene_fail (r, error, group, key, _("must be a number from %s to %s, got '%s'"),
                   sd_format_double (lo, min), sd_format_double (hi, max), g_strstrip (text));
    }

  *out = value;
  return TRUE;
}

/* Colours are written #rrggbb, as in CSS and GNOME's palette. */
gboolean
_sd_scene_read_color (SdSceneReader  *r,
                      const char     *group,
                      const char     *key,
                      gboolean       *has_color,
                      double          color[3],
                      GError        **error)
{
  g_autofree char *text = _sd_scene_get_value (r, group, key);
  guint64 channels;

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  if (strlen (text) != 7 || text[0] != '#'
      || !g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &channels, NULL)
      || !g_ascii_isxdigit (text[1]))
    /* Translators: the first %s is how a colour is written in the scene
     * file, #rrggbb; keep it as it is. The second is the value given. */
    return _sd_scene_fail (r, error, group, key, _("must be a color written %s, got '%s'"),
                 "#rrggbb", text);

  color[0] = ((channels >> 16) & 0xff) / 255.0;
  color[1] = ((channels >> 8) & 0xff) / 255.0;
  color[2] = (channels & 0xff) / 255.0;
  *has_color = TRUE;
  return TRUE;
}

/* Reads a ';' list of @names into bit flags; returns FALSE with the first
 * item not among them in @unknown. */
gboolean
_sd_scene_parse_names (const char          *text,
                       const char * const  *names,
                       guint               *flags,
                       char               **unknown)
{
  g_auto(GStrv) items = g_strsplit (text, ";", -1);
  guint value = 0;

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      gboolean known = FALSE;

      if (*item == '\0')
        continue;

      for (guint j = 0; names[j] != NULL; j++)
        {
          if (g_str_equal (item, names[j]))
            {
              value |= 1u << j;
              known = TRUE;
            }
        }

      if (!known)
        {
          *unknown = g_strdup (item);
          return FALSE;
        }
    }

  *flags = value;
  return TRUE;
}

/* Layers are a ';' list of the names sd_scene_list_layers() gives. */
gboolean
_sd_scene_read_layers (SdSceneReader  *r,
                       const char     *group,
                       guint          *layers,
                       gboolean       *present,
                       GError        **error)
{
  const char * const *names = sd_scene_list_layers (r->scene->kind);
  g_autofree char *text = _sd_scene_get_value (r, group, "layers");
  g_autofree char *unknown = NULL;
  g_autofree char *expected = NULL;

  *present = text != NULL;
  if (text == NULL || _sd_scene_parse_names (text, names, layers, &unknown))
    return TRUE;

  expected = g_strjoinv (", ", (char **) names);
  /* Translators: the first %s is the layer given, the second a list
   * of the layer names the file can use, such as "heatmap,
   * contours, gradient-field"; keep the names as they are */
  return _sd_scene_fail (r, error, group, "layers", _("unknown layer '%s'; expected any of %s"),
                         unknown, expected);
}

/* A kind's main group, such as [Surface], must be there. */
gboolean
_sd_scene_require_group (SdSceneReader  *r,
                         const char     *group,
                         GError        **error)
{
  if (g_key_file_has_group (r->keyfile, group))
    return TRUE;

  g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
               /* Translators: the first %s is the file name; [%s] is a
                * group as the file writes it, such as [Surface], and the
                * third %s the kind of scene, such as surface; keep both
                * as they are */
               _("%s: [%s] group is missing; a %s scene needs one"),
               r->file, group, sd_scene_kind_to_name (r->scene->kind));
  return FALSE;
}

/* Reads every group named @prefix and a name, such as [Run Adam], in the
 * file's order; a group with nothing after the prefix is an error that
 * shows @example. */
gboolean
_sd_scene_read_groups (SdSceneReader       *r,
                       char               **groups,
                       const char          *prefix,
                       const char          *example,
                       SdSceneGroupReader   read_group,
                       gpointer             user_data,
                       GError             **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *name = groups[i] + strlen (prefix);

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      if (*name == '\0')
        /* Translators: the first %s is how the names of some groups start,
         * 'Run ' or 'Distribution ', the second an example of a whole group
         * name, such as [Run Adam]; keep both as they are */
        return _sd_scene_fail (r, error, groups[i], NULL, _("needs a name after '%s', as in %s"),
                               prefix, example);

      if (!read_group (r, groups[i], name, user_data, error))
        return FALSE;
    }

  return TRUE;
}
