/* scene-save.c: writing scene files
 *
 * A saved scene states every value it depends on, defaults included, so
 * that it shows the same picture in any later Saddle whose defaults differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "numfmt.h"
#include "scene-private.h"

void
_sd_scene_set_double (GKeyFile   *keyfile,
                      const char *group,
                      const char *key,
                      double      value)
{
  char text[SD_FORMAT_DOUBLE_SIZE];

  g_key_file_set_value (keyfile, group, key, sd_format_double (text, value));
}

void
_sd_scene_set_list (GKeyFile     *keyfile,
                    const char   *group,
                    const char   *key,
                    const double *values,
                    guint         n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char number[SD_FORMAT_DOUBLE_SIZE];

      if (i > 0)
        g_string_append_c (text, ';');
      g_string_append (text, sd_format_double (number, values[i]));
    }

  g_key_file_set_value (keyfile, group, key, text->str);
}

void
_sd_scene_set_layers (GKeyFile    *keyfile,
                      const char  *group,
                      SdSceneKind  kind,
                      guint        layers)
{
  g_autofree char *text = sd_scene_layers_to_string (kind, layers);

  g_key_file_set_value (keyfile, group, "layers", text);
}

void
_sd_scene_set_color (GKeyFile     *keyfile,
                     const char   *group,
                     const double  color[3])
{
  g_autofree char *text = g_strdup_printf ("#%02x%02x%02x",
                                           (guint) (color[0] * 255.0 + 0.5),
                                           (guint) (color[1] * 255.0 + 0.5),
                                           (guint) (color[2] * 255.0 + 0.5));

  g_key_file_set_value (keyfile, group, "color", text);
}

/**
 * sd_scene_to_data:
 * @self: a scene
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the scene file's text
 */
char *
sd_scene_to_data (const SdScene *self,
                  gsize         *length)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (self != NULL, NULL);

  g_key_file_set_integer (keyfile, "Scene", "version", SD_SCENE_VERSION);
  g_key_file_set_string (keyfile, "Scene", "kind", sd_scene_kind_to_name (self->kind));
  if (self->title != NULL)
    g_key_file_set_string (keyfile, "Scene", "title", self->title);
  if (self->has_step)
    g_key_file_set_uint64 (keyfile, "Scene", "step", self->step);

  _sd_scene_get_section (self->kind)->save (self, keyfile);

  return g_key_file_to_data (keyfile, length, NULL);
}

/**
 * sd_scene_save_file:
 * @self: a scene
 * @path: where to save it
 * @error: return location for an error
 *
 * Saves atomically: an existing file is replaced only once the new one is
 * completely written.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_scene_save_file (const SdScene  *self,
                    const char     *path,
                    GError        **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = sd_scene_to_data (self, &length);
  return sd_write_file_atomically (path, data, length, error);
}
