/* scene-private.h: what the scene files share: the section of each kind,
 * and the helpers its reading, writing and CSV use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "scene.h"

G_BEGIN_DECLS

/**
 * SdSceneReader:
 * @keyfile: the file's groups and keys
 * @file: how messages name the file
 * @used: "group\nkey" of every key read so far, and groups claimed whole
 * @scene: the scene being read, of the file's kind
 *
 * A scene file being read. Its helpers report a problem as one line that
 * names the file, the group and the key.
 */
typedef struct
{
  GKeyFile   *keyfile;
  const char *file;
  GHashTable *used;
  SdScene    *scene;
} SdSceneReader;

/* Reads one group named a prefix and @name, such as [Run Adam]. */
typedef gboolean (*SdSceneGroupReader) (SdSceneReader  *r,
                                        const char     *group,
                                        const char     *name,
                                        gpointer        user_data,
                                        GError        **error);

/**
 * SdSceneSection:
 * @name: the value of the `kind` key
 * @layers: (array zero-terminated=1): the names of the `layers` key, bit i
 *   named by the i-th
 * @create: the kind's data as a new scene has it
 * @copy: a deep copy of the kind's data
 * @free: frees the kind's data
 * @load: reads the kind's groups into the reader's scene
 * @save: writes the kind's groups
 * @to_csv: appends every number the scene shows, as CSV with a header line
 * @to_json: adds every number the scene shows as members of the open
 *   top-level object, the keys of docs/json-export.md
 *
 * One kind of scene: the table in scene-kinds.c lists them.
 */
typedef struct
{
  const char         *name;
  const char * const *layers;
  gpointer          (*create) (void);
  gpointer          (*copy)   (gconstpointer   data);
  void              (*free)   (gpointer        data);
  gboolean          (*load)   (SdSceneReader  *reader,
                               char          **groups,
                               GError        **error);
  void              (*save)   (const SdScene  *scene,
                               GKeyFile       *keyfile);
  gboolean          (*to_csv) (const SdScene  *scene,
                               GString        *csv,
                               GCancellable   *cancellable,
                               GError        **error);
  gboolean          (*to_json) (const SdScene  *scene,
                                JsonBuilder    *builder,
                                GCancellable   *cancellable,
                                GError        **error);
} SdSceneSection;

/* scene-kinds.c */
const SdSceneSection *_sd_scene_get_section (SdSceneKind kind);

/* scene-reader.c */
gboolean _sd_scene_fail           (SdSceneReader  *r,
                                   GError        **error,
                                   const char     *group,
                                   const char     *key,
                                   const char     *format,
                                   ...) G_GNUC_PRINTF (5, 6);
gboolean _sd_scene_fail_prefixed  (SdSceneReader  *r,
                                   GError        **error,
                                   const char     *group,
                                   GError         *cause);
void     _sd_scene_warn           (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   const char     *format,
                                   ...) G_GNUC_PRINTF (4, 5);
void     _sd_scene_mark_used      (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key);
char    *_sd_scene_get_value      (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key);
gboolean _sd_scene_parse_names    (const char         *text,
                                   const char * const *names,
                                   guint              *flags,
                                   char              **unknown);
gboolean _sd_scene_require_group  (SdSceneReader  *r,
                                   const char     *group,
                                   GError        **error);
gboolean _sd_scene_read_string    (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   gboolean        required,
                                   char          **out,
                                   GError        **error);
gboolean _sd_scene_read_double    (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   double         *out,
                                   gboolean       *present,
                                   GError        **error);
gboolean _sd_scene_read_uint      (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   guint64         min,
                                   guint64         max,
                                   guint64        *out,
                                   GError        **error);
gboolean _sd_scene_read_list      (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   double         *out,
                                   guint           n,
                                   gboolean        required,
                                   gboolean       *present,
                                   GError        **error);
gboolean _sd_scene_read_range     (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   double          out[2],
                                   GError        **error);
gboolean _sd_scene_read_bool      (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   gboolean       *out,
                                   GError        **error);
gboolean _sd_scene_read_bounded   (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   double          min,
                                   double          max,
                                   double         *out,
                                   GError        **error);
gboolean _sd_scene_read_color     (SdSceneReader  *r,
                                   const char     *group,
                                   const char     *key,
                                   gboolean       *has_color,
                                   double          color[3],
                                   GError        **error);
gboolean _sd_scene_read_layers    (SdSceneReader  *r,
                                   const char     *group,
                                   guint          *layers,
                                   gboolean       *present,
                                   GError        **error);
gboolean _sd_scene_read_groups    (SdSceneReader       *r,
                                   char               **groups,
                                   const char          *prefix,
                                   const char          *example,
                                   SdSceneGroupReader   read_group,
                                   gpointer             user_data,
                                   GError             **error);

/* scene-save.c */
void     _sd_scene_set_double     (GKeyFile       *keyfile,
                                   const char     *group,
                                   const char     *key,
                                   double          value);
void     _sd_scene_set_list       (GKeyFile       *keyfile,
                                   const char     *group,
                                   const char     *key,
                                   const double   *values,
                                   guint           n);
void     _sd_scene_set_layers     (GKeyFile       *keyfile,
                                   const char     *group,
                                   SdSceneKind     kind,
                                   guint           layers);
void     _sd_scene_set_color      (GKeyFile       *keyfile,
                                   const char     *group,
                                   const double    color[3]);

/* scene-csv.c */
void     _sd_csv_append_number    (GString        *csv,
                                   double          value);
void     _sd_csv_append_text      (GString        *csv,
                                   const char     *text);
void     _sd_csv_append_quantity  (GString        *csv,
                                   const char     *name,
                                   double          value);

/* scene-json.c */
void     _sd_json_add_number      (JsonBuilder    *builder,
                                   double          value);
void     _sd_json_add_numbers     (JsonBuilder    *builder,
                                   const double   *values,
                                   gsize           n);
void     _sd_json_set_key         (JsonBuilder    *builder,
                                   const char     *name);
void     _sd_json_set_number      (JsonBuilder    *builder,
                                   const char     *key,
                                   double          value);
void     _sd_json_set_int         (JsonBuilder    *builder,
                                   const char     *key,
                                   gint64          value);
void     _sd_json_set_boolean     (JsonBuilder    *builder,
                                   const char     *key,
                                   gboolean        value);
void     _sd_json_set_string      (JsonBuilder    *builder,
                                   const char     *key,
                                   const char     *value);
void     _sd_json_set_null        (JsonBuilder    *builder,
                                   const char     *key);
void     _sd_json_set_numbers     (JsonBuilder    *builder,
                                   const char     *key,
                                   const double   *values,
                                   gsize           n);
void     _sd_json_set_pair        (JsonBuilder    *builder,
                                   const char     *key,
                                   const double    pair[2]);
void     _sd_json_set_matrix      (JsonBuilder    *builder,
                                   const char     *key,
                                   const double    entries[4]);

G_END_DECLS
