/* placeholder-page.c: the page of a kind of scene whose page is not built yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core-error.h"
#include "placeholder-page.h"

/*
 * Scenes of every kind load, export and are tested from the command line;
 * a kind whose page is not built yet still has its place in the window: a
 * page that accepts its scenes, says what it will show (its content, set
 * by the window's template) and refuses to open a scene with the message
 * the command line prints too.
 */

struct _SdPlaceholderPage
{
  SdPage       parent_instance;

  SdSceneKind  kind;
};

G_DEFINE_FINAL_TYPE (SdPlaceholderPage, sd_placeholder_page, SD_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * sd_placeholder_page_refuse:
 * @kind: the kind of a scene to open
 * @path: how to name its file
 * @error: return location for a #GError
 *
 * The kinds whose pages are not built are listed here only: the window's
 * placeholder pages and the command line refuse their scenes with the
 * same words.
 *
 * Returns: %TRUE, with @error set, when no page can show scenes of @kind
 *   yet
 */
gboolean
sd_placeholder_page_refuse (SdSceneKind   kind,
                            const char   *path,
                            GError      **error)
{
  switch (kind)
    {
    case SD_SCENE_TRANSFORM:
      /* Named as the loader names files, so all messages look alike. */
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   _("%s: a transform scene; this version of Saddle cannot show it yet, "
                     "because the Transform page is not built"), path);
      return TRUE;
    case SD_SCENE_DISTRIBUTION:
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID,
                   _("%s: a distribution scene; this version of Saddle cannot show it yet, "
                     "because the Probability page is not built"), path);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
sd_placeholder_page_open_scene (SdPage   *page,
                                SdScene  *scene,
                                GFile    *file,
                                GError  **error)
{
  SdPlaceholderPage *self = SD_PLACEHOLDER_PAGE (page);
  g_autoptr(SdScene) owned = scene;
  g_autofree char *name = file != NULL ? g_file_get_parse_name (file) : g_strdup ("scene");

  if (sd_placeholder_page_refuse (self->kind, name, error))
    return FALSE;

  return SD_PAGE_CLASS (sd_placeholder_page_parent_class)->open_scene (page,
                                                                       g_steal_pointer (&owned),
                                                                       file, error);
}

static void
sd_placeholder_page_constructed (GObject *object)
{
  SdPlaceholderPage *self = SD_PLACEHOLDER_PAGE (object);
  g_autoptr(SdSceneDocument) document = sd_scene_document_new (self->kind);

  G_OBJECT_CLASS (sd_placeholder_page_parent_class)->constructed (object);

  sd_page_set_document (SD_PAGE (self), document);
}

static void
sd_placeholder_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SdPlaceholderPage *self = SD_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      g_value_set_string (value, sd_scene_kind_to_name (self->kind));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_placeholder_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SdPlaceholderPage *self = SD_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      if (!sd_scene_kind_from_name (g_value_get_string (value), &self->kind))
        g_critical ("Unknown scene kind '%s'", g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_placeholder_page_class_init (SdPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->constructed = sd_placeholder_page_constructed;
  object_class->get_property = sd_placeholder_page_get_property;
  object_class->set_property = sd_placeholder_page_set_property;

  page_class->open_scene = sd_placeholder_page_open_scene;

  /**
   * SdPlaceholderPage:kind-name:
   *
   * The kind of scene the page will show, by the name the `kind` key uses.
   */
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, "surface",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_placeholder_page_init (SdPlaceholderPage *self)
{
}

/**
 * sd_placeholder_page_new:
 * @kind: the kind of scene the page will show
 *
 * Returns: (transfer floating): a page with no content and no sidebar
 */
GtkWidget *
sd_placeholder_page_new (SdSceneKind kind)
{
  g_return_val_if_fail (kind < SD_SCENE_N_KINDS, NULL);

  return g_object_new (SD_TYPE_PLACEHOLDER_PAGE, "kind-name", sd_scene_kind_to_name (kind), NULL);
}
