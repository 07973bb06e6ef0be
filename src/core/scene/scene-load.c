/* scene-load.c: reading a scene file: its [Scene] group, then its kind's
 * groups through the kind's section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "scene-private.h"
#include "trajectory.h"

static gboolean
read_scene_group (SdSceneReader  *r,
                  GError        **error)
{
  g_autofree char *kind = NULL;
  SdSceneKind scene_kind;
  guint64 version = 0;

  if (!g_key_file_has_group (r->keyfile, "Scene"))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the file name; [%s] is the
                    * group [Scene] as the file writes it, keep it as it is */
                   _("%s: [%s] group is missing; is this a Saddle scene file?"),
                   r->file, "Scene");
      return FALSE;
    }

  if (!g_key_file_has_key (r->keyfile, "Scene", "version", NULL))
    return _sd_scene_fail (r, error, "Scene", "version", _("missing; this key is required"));

  if (!_sd_scene_read_uint (r, "Scene", "version", 1, G_MAXUINT32, &version, error))
    return FALSE;

  if (version > SD_SCENE_VERSION)
    return _sd_scene_fail (r, error, "Scene", "version",
                 /* Translators: the first number is the version of the scene
                  * file, the second the newest version this Saddle reads */
                 _("this scene needs a newer Saddle: it has version %" PRIu64
                   ", this Saddle reads version %d"), version, SD_SCENE_VERSION);

  if (!_sd_scene_read_string (r, "Scene", "kind", TRUE, &kind, error))
    return FALSE;

  if (!sd_scene_kind_from_name (kind, &scene_kind))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < SD_SCENE_N_KINDS; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", sd_scene_kind_to_name (i));

      /* Translators: the first %s is the kind given, the second a list of
       * the kinds a scene can be, such as "surface, transform,
       * distribution"; keep the names as they are */
      return _sd_scene_fail (r, error, "Scene", "kind", _("unknown kind '%s'; expected one of %s"),
                             kind, names->str);
    }

  r->scene = sd_scene_new (scene_kind);

  if (!_sd_scene_read_string (r, "Scene", "title", FALSE, &r->scene->title, error))
    return FALSE;

  if (g_key_file_has_key (r->keyfile, "Scene", "step", NULL))
    {
      guint64 step = 0;

      if (!_sd_scene_read_uint (r, "Scene", "step", 0, SD_TRAJECTORY_MAX_STEPS, &step, error))
        return FALSE;
      r->scene->has_step = TRUE;
      r->scene->step = step;
    }
  _sd_scene_mark_used (r, "Scene", "step");

  return TRUE;
}

/* Groups that the scene's kind does not use, and keys nobody read, are
 * probably typos or leftovers: a warning each, never an error, so that
 * files written by a newer Saddle with extra display keys still open. */
static void
warn_unused (SdSceneReader  *r,
             char          **groups)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (r->keyfile, groups[i], NULL, NULL);
      gboolean group_used = FALSE;

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *id = g_strconcat (groups[i], "\n", keys[j], NULL);

          if (g_hash_table_contains (r->used, id))
            group_used = TRUE;
        }

      if (!group_used && !g_hash_table_contains (r->used, groups[i]))
        {
          /* Translators: %s is the kind of the scene: surface, transform or
           * distribution */
          _sd_scene_warn (r, groups[i], NULL, _("not used by a %s scene, ignored"),
                sd_scene_kind_to_name (r->scene->kind));
          continue;
        }

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *id = g_strconcat (groups[i], "\n", keys[j], NULL);

          if (!g_hash_table_contains (r->used, id))
            /* Translators: a warning about a key of the scene file that
             * Saddle does not know, which it skips */
            _sd_scene_warn (r, groups[i], keys[j], _("unknown key, ignored"));
        }
    }
}

static gboolean
read_scene (SdSceneReader  *r,
            GError        **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->keyfile, NULL);

  if (!read_scene_group (r, error))
    return FALSE;

  if (!_sd_scene_get_section (r->scene->kind)->load (r, groups, error))
    return FALSE;

  warn_unused (r, groups);
  return TRUE;
}

/**
 * sd_scene_load_data:
 * @data: (array length=length): the contents of a scene file
 * @length: the length of @data in bytes
 * @display_name: how messages name the file, usually the path as given
 * @error: return location for an error
 *
 * Reads and validates a scene. Problems that make the scene unusable are
 * errors (%SD_CORE_ERROR_INVALID) naming @display_name, the group and the
 * key; harmless ones (unknown keys, unused groups) are collected in the
 * scene's warnings.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 */
SdScene *
sd_scene_load_data (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  SdSceneReader r = { keyfile, display_name, used, NULL };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  /* A byte-order mark says nothing in UTF-8; editors on Windows write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0)
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the file name */
                   _("%s: the file is empty, not a scene"), display_name);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: %s is the file name */
                   _("%s: not a text file; a scene file is UTF-8 text"), display_name);
      return NULL;
    }

  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the file name, the second
                    * GLib's reason, such as a line that is not a key=value
                    * pair */
                   _("%s: not a scene file: %s"), display_name, local_error->message);
      return NULL;
    }

  if (!read_scene (&r, error))
    {
      g_clear_pointer (&r.scene, sd_scene_free);
      return NULL;
    }

  return r.scene;
}

/**
 * sd_scene_load_file:
 * @path: the scene file
 * @error: return location for an error
 *
 * Like sd_scene_load_data(), reading @path and naming it in messages as
 * given. Only regular files of at most %SD_SCENE_MAX_FILE_SIZE bytes are
 * read: a FIFO or a device is refused before anything is read.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 */
SdScene *
sd_scene_load_file (const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   /* Translators: %s is the path given */
                   _("%s: is a folder, not a scene file"), path);
      return NULL;
    }

  if (!sd_read_file_bounded (path, SD_SCENE_MAX_FILE_SIZE, &data, &length, error))
    return NULL;

  return sd_scene_load_data (data, length, path, error);
}
