/* scene.c: what every scene has, whatever its kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scene-private.h"

/**
 * sd_scene_kind_to_name:
 * @kind: a scene kind
 *
 * Returns: (transfer none): the name the `kind` key uses
 */
const char *
sd_scene_kind_to_name (SdSceneKind kind)
{
  g_return_val_if_fail (kind < SD_SCENE_N_KINDS, NULL);

  return _sd_scene_get_section (kind)->name;
}

/**
 * sd_scene_kind_from_name:
 * @name: the value of a `kind` key
 * @kind: (out): the kind it names
 *
 * Returns: whether @name names a kind
 */
gboolean
sd_scene_kind_from_name (const char  *name,
                         SdSceneKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < SD_SCENE_N_KINDS; i++)
    {
      if (g_str_equal (name, _sd_scene_get_section (i)->name))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sd_scene_list_layers:
 * @kind: a scene kind
 *
 * Returns: (transfer none): the layer names of @kind; bit i of its layers
 *   is the i-th name
 */
const char * const *
sd_scene_list_layers (SdSceneKind kind)
{
  g_return_val_if_fail (kind < SD_SCENE_N_KINDS, NULL);

  return _sd_scene_get_section (kind)->layers;
}

/**
 * sd_scene_flags_to_string:
 * @names: (array zero-terminated=1): the name of each bit, as
 *   sd_scene_list_layers() and sd_scene_list_explain() give them
 * @flags: a set of those bits
 *
 * Returns: (transfer full): the bits as a `layers` or `explain` key writes
 *   them, as in "heatmap;contours"
 */
char *
sd_scene_flags_to_string (const char * const *names,
                          guint               flags)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (flags & (1u << i))
        g_string_append_printf (text, "%s%s", text->len > 0 ? ";" : "", names[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sd_scene_layers_to_string:
 * @kind: a scene kind
 * @layers: a set of its layers
 *
 * Returns: (transfer full): the layers as the `layers` key writes them,
 *   as in "heatmap;contours"
 */
char *
sd_scene_layers_to_string (SdSceneKind kind,
                           guint       layers)
{
  return sd_scene_flags_to_string (sd_scene_list_layers (kind), layers);
}

/**
 * sd_scene_new:
 * @kind: what the scene shows
 *
 * Creates a scene with the defaults a new file of @kind would have.
 *
 * Returns: (transfer full): a new scene
 */
SdScene *
sd_scene_new (SdSceneKind kind)
{
  SdScene *self;

  g_return_val_if_fail (kind < SD_SCENE_N_KINDS, NULL);

  self = g_new0 (SdScene, 1);
  self->kind = kind;
  self->data = _sd_scene_get_section (kind)->create ();
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

/**
 * sd_scene_copy:
 * @self: a scene
 *
 * A deep copy: changing it leaves @self as it is, and it can be handed to
 * a worker thread while @self changes.
 *
 * Returns: (transfer full): a copy of @self
 */
SdScene *
sd_scene_copy (const SdScene *self)
{
  SdScene *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdScene, 1);
  copy->kind = self->kind;
  copy->title = g_strdup (self->title);
  copy->has_step = self->has_step;
  copy->step = self->step;
  copy->data = _sd_scene_get_section (self->kind)->copy (self->data);
  copy->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (copy->warnings, g_strdup (g_ptr_array_index (self->warnings, i)));

  return copy;
}

void
sd_scene_free (SdScene *self)
{
  if (self == NULL)
    return;

  _sd_scene_get_section (self->kind)->free (self->data);
  g_free (self->title);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}
