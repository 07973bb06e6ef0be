/* scene.h: the scene file (.saddle), the one description of what is shown
 *
 * A scene has a kind and what every kind has (a title, a shown step,
 * warnings from loading); the kind's own settings are its data, read
 * through the kind's header: sd_scene_get_surface() in scene-surface.h,
 * sd_scene_get_transform() in scene-transform.h, and so on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "file-io.h"
#include "scene-kinds.h"

G_BEGIN_DECLS

/* The scene file format version this Saddle reads and writes. */
#define SD_SCENE_VERSION 1

/* The largest scene file read, in bytes: scenes are a few kilobytes; data
 * sets written into them stay well under this. */
#define SD_SCENE_MAX_FILE_SIZE (16 * 1024 * 1024)
/* The version of the JSON export's keys (docs/json-export.md), raised when
 * a key changes meaning or goes away, not when one is added. */
#define SD_SCENE_JSON_VERSION 1

/**
 * SdScene:
 * @kind: what the scene shows
 * @title: (nullable): the figure's title
 * @has_step: whether @step is set
 * @step: the iteration the figure stops at
 * @data: the kind's own settings; read them through the kind's header
 * @warnings: (element-type utf8): what loading found harmless but worth
 *   saying (unknown keys, unused groups)
 */
typedef struct
{
  SdSceneKind  kind;
  char        *title;
  gboolean     has_step;
  guint        step;
  gpointer     data;
  GPtrArray   *warnings;
} SdScene;

SdScene    *sd_scene_new              (SdSceneKind    kind);
SdScene    *sd_scene_copy             (const SdScene *self);
void        sd_scene_free             (SdScene       *self);
SdScene    *sd_scene_load_file        (const char    *path,
                                       GError       **error);
SdScene    *sd_scene_load_data        (const char    *data,
                                       gsize          length,
                                       const char    *display_name,
                                       GError       **error);
char       *sd_scene_to_data          (const SdScene *self,
                                       gsize         *length);
gboolean    sd_scene_save_file        (const SdScene *self,
                                       const char    *path,
                                       GError       **error);
char       *sd_scene_to_csv           (const SdScene *self,
                                       GCancellable  *cancellable,
                                       gsize         *length,
                                       GError       **error);
char       *sd_scene_to_json          (const SdScene *self,
                                       GCancellable  *cancellable,
                                       gsize         *length,
                                       GError       **error);

const char *sd_scene_kind_to_name     (SdSceneKind    kind);
gboolean    sd_scene_kind_from_name   (const char    *name,
                                       SdSceneKind   *kind);

const char * const *sd_scene_list_layers (SdSceneKind kind);
char       *sd_scene_flags_to_string  (const char * const *names,
                                       guint               flags);
char       *sd_scene_layers_to_string (SdSceneKind    kind,
                                       guint          layers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdScene, sd_scene_free)

G_END_DECLS
