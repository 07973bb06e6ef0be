/* scene-document.h: a scene being shown and edited, with its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scene.h"

G_BEGIN_DECLS

/**
 * SD_SCENE_DOCUMENT_CHANGE_ALL:
 *
 * What #SdSceneDocument::changed says when the whole scene was replaced:
 * every bit of every kind's change flags.
 */
#define SD_SCENE_DOCUMENT_CHANGE_ALL G_MAXUINT

#define SD_TYPE_SCENE_DOCUMENT (sd_scene_document_get_type ())

G_DECLARE_DERIVABLE_TYPE (SdSceneDocument, sd_scene_document, SD, SCENE_DOCUMENT, GObject)

/**
 * SdSceneDocumentClass:
 * @create_scene: the scene a new document shows; by default the kind's
 *   defaults, sd_scene_new()
 *
 * Kinds with editing operations subclass the document and add them; the
 * class of a kind without any is this one.
 */
struct _SdSceneDocumentClass
{
  GObjectClass parent_class;

  SdScene *(*create_scene) (SdSceneDocument *self);

  /*< private >*/
  gpointer padding[8];
};

SdSceneDocument *sd_scene_document_new          (SdSceneKind      kind);
SdSceneKind      sd_scene_document_get_kind     (SdSceneDocument *self);
const SdScene   *sd_scene_document_get_scene    (SdSceneDocument *self);
void             sd_scene_document_set_scene    (SdSceneDocument *self,
                                                 SdScene         *scene);
SdScene         *sd_scene_document_edit         (SdSceneDocument *self);
void             sd_scene_document_changed      (SdSceneDocument *self,
                                                 guint            changes);
GFile           *sd_scene_document_get_file     (SdSceneDocument *self);
void             sd_scene_document_set_file     (SdSceneDocument *self,
                                                 GFile           *file);
gboolean         sd_scene_document_get_modified (SdSceneDocument *self);
void             sd_scene_document_set_modified (SdSceneDocument *self,
                                                 gboolean         modified);
char            *sd_scene_document_dup_name     (SdSceneDocument *self);
char            *sd_scene_document_format_title (SdSceneDocument *self);

G_END_DECLS
