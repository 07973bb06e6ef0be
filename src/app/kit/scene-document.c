/* scene-document.c: a scene being shown and edited, with its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "scene-document.h"

/*
 * A document owns one scene of its kind, the file it was opened from or
 * saved to, and whether it changed since. Every change goes through the
 * document, which says what changed with #SdSceneDocument::changed: a
 * page's widgets read the scene and follow that signal, so none of them
 * owns the state another needs.
 */

typedef struct
{
  SdSceneKind  kind;
  SdScene     *scene;
  GFile       *file;
  gboolean     modified;
} SdSceneDocumentPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SdSceneDocument, sd_scene_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SdScene *
sd_scene_document_real_create_scene (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  return sd_scene_new (priv->kind);
}

static void
sd_scene_document_constructed (GObject *object)
{
  SdSceneDocument *self = SD_SCENE_DOCUMENT (object);
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  G_OBJECT_CLASS (sd_scene_document_parent_class)->constructed (object);

  priv->scene = SD_SCENE_DOCUMENT_GET_CLASS (self)->create_scene (self);
  g_assert (priv->scene != NULL && priv->scene->kind == priv->kind);
}

static void
sd_scene_document_dispose (GObject *object)
{
  SdSceneDocument *self = SD_SCENE_DOCUMENT (object);
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_clear_object (&priv->file);

  G_OBJECT_CLASS (sd_scene_document_parent_class)->dispose (object);
}

static void
sd_scene_document_finalize (GObject *object)
{
  SdSceneDocument *self = SD_SCENE_DOCUMENT (object);
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_clear_pointer (&priv->scene, sd_scene_free);

  G_OBJECT_CLASS (sd_scene_document_parent_class)->finalize (object);
}

static void
sd_scene_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SdSceneDocument *self = SD_SCENE_DOCUMENT (object);
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, priv->kind);
      break;
    case PROP_FILE:
      g_value_set_object (value, priv->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, priv->modified);
      break;
    case PROP_NAME:
      g_value_take_string (value, sd_scene_document_dup_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_scene_document_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SdSceneDocument *self = SD_SCENE_DOCUMENT (object);
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KIND:
      priv->kind = g_value_get_uint (value);
      break;
    case PROP_FILE:
      sd_scene_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_MODIFIED:
      sd_scene_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_scene_document_class_init (SdSceneDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sd_scene_document_constructed;
  object_class->dispose = sd_scene_document_dispose;
  object_class->finalize = sd_scene_document_finalize;
  object_class->get_property = sd_scene_document_get_property;
  object_class->set_property = sd_scene_document_set_property;

  klass->create_scene = sd_scene_document_real_create_scene;

  /**
   * SdSceneDocument:kind:
   *
   * The #SdSceneKind of the scene the document holds, for its life.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, SD_SCENE_N_KINDS - 1, SD_SCENE_SURFACE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SdSceneDocument:file:
   *
   * The file the scene was opened from or last saved to, %NULL for a new
   * scene.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdSceneDocument:modified:
   *
   * Whether the scene differs from its file: every edit sets it, opening
   * and saving clear it.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdSceneDocument:name:
   *
   * What the window title calls the scene, see sd_scene_document_dup_name().
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdSceneDocument::changed:
   * @document: the document
   * @changes: what changed, in the flags of the document's kind (such as
   *   #SdLandscapeChange), or %SD_SCENE_DOCUMENT_CHANGE_ALL when the whole
   *   scene was replaced
   *
   * Emitted after every change to the scene, so each view does only the
   * work the change needs.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sd_scene_document_init (SdSceneDocument *self)
{
}

/**
 * sd_scene_document_new:
 * @kind: the kind of scene
 *
 * Returns: (transfer full): a document showing a new scene of @kind
 */
SdSceneDocument *
sd_scene_document_new (SdSceneKind kind)
{
  g_return_val_if_fail (kind < SD_SCENE_N_KINDS, NULL);

  return g_object_new (SD_TYPE_SCENE_DOCUMENT, "kind", kind, NULL);
}

SdSceneKind
sd_scene_document_get_kind (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), SD_SCENE_SURFACE);

  return priv->kind;
}

/**
 * sd_scene_document_get_scene:
 * @self: a #SdSceneDocument
 *
 * Read the scene, never write it: changes go through
 * sd_scene_document_edit() and sd_scene_document_changed(), or the
 * subclass's operations.
 *
 * Returns: (transfer none): the scene
 */
const SdScene *
sd_scene_document_get_scene (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), NULL);

  return priv->scene;
}

/**
 * sd_scene_document_set_scene:
 * @self: a #SdSceneDocument
 * @scene: (transfer full): a scene of the document's kind, such as one
 *   just opened
 *
 * Replaces the whole scene; the document is then unmodified.
 */
void
sd_scene_document_set_scene (SdSceneDocument *self,
                             SdScene         *scene)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_if_fail (SD_IS_SCENE_DOCUMENT (self));
  g_return_if_fail (scene != NULL && scene->kind == priv->kind);

  g_clear_pointer (&priv->scene, sd_scene_free);
  priv->scene = scene;

  g_signal_emit (self, signals[CHANGED], 0, (guint) SD_SCENE_DOCUMENT_CHANGE_ALL);
  sd_scene_document_set_modified (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * sd_scene_document_edit:
 * @self: a #SdSceneDocument
 *
 * The scene to change in place; say what changed with
 * sd_scene_document_changed() right after.
 *
 * Returns: (transfer none): the scene, writable
 */
SdScene *
sd_scene_document_edit (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), NULL);

  return priv->scene;
}

/**
 * sd_scene_document_changed:
 * @self: a #SdSceneDocument
 * @changes: what changed, in the flags of the document's kind
 *
 * Marks the document modified and emits #SdSceneDocument::changed.
 */
void
sd_scene_document_changed (SdSceneDocument *self,
                           guint            changes)
{
  g_return_if_fail (SD_IS_SCENE_DOCUMENT (self));

  sd_scene_document_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

/**
 * sd_scene_document_get_file:
 * @self: a #SdSceneDocument
 *
 * Returns: (transfer none) (nullable): the file the scene was opened from
 *   or last saved to
 */
GFile *
sd_scene_document_get_file (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), NULL);

  return priv->file;
}

void
sd_scene_document_set_file (SdSceneDocument *self,
                            GFile           *file)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_if_fail (SD_IS_SCENE_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&priv->file, file))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
sd_scene_document_get_modified (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), FALSE);

  return priv->modified;
}

void
sd_scene_document_set_modified (SdSceneDocument *self,
                                gboolean         modified)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_if_fail (SD_IS_SCENE_DOCUMENT (self));

  modified = !!modified;
  if (priv->modified == modified)
    return;

  priv->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * sd_scene_document_dup_name:
 * @self: a #SdSceneDocument
 *
 * The name the window title shows: the scene's title, else the file's
 * name without its extension, else "Untitled Scene".
 *
 * Returns: (transfer full): the name
 */
char *
sd_scene_document_dup_name (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), NULL);

  if (priv->scene->title != NULL && priv->scene->title[0] != '\0')
    return g_strdup (priv->scene->title);

  if (priv->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (priv->file);
      g_autofree char *display = g_filename_display_name (basename);
      char *dot = strrchr (display, '.');

      if (dot != NULL && dot != display && g_str_equal (dot, ".saddle"))
        *dot = '\0';
      return g_steal_pointer (&display);
    }

  return g_strdup (_("Untitled Scene"));
}

/**
 * sd_scene_document_format_title:
 * @self: a #SdSceneDocument
 *
 * Returns: (transfer full): the window title: the name, marked when the
 *   scene has unsaved changes, then the application's name
 */
char *
sd_scene_document_format_title (SdSceneDocument *self)
{
  SdSceneDocumentPrivate *priv = sd_scene_document_get_instance_private (self);
  g_autofree char *name = NULL;

  g_return_val_if_fail (SD_IS_SCENE_DOCUMENT (self), NULL);

  name = sd_scene_document_dup_name (self);
  /* Translators: the window title: the scene's name, then the application's */
  return g_strdup_printf (priv->modified ? _("• %s — Saddle") : _("%s — Saddle"), name);
}
