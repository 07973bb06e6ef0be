/* page.c: what every page of the window is: controls beside a figure,
 * showing one scene document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "page.h"
#include "scroll-guard.h"

/*
 * A page lays out a sidebar of controls beside its content (the figure),
 * owns the document of the scene it shows and, if it animates, a
 * playback. The window binds down what every page needs to know of it:
 * whether it presents (the sidebar steps aside), how much larger figures
 * draw, and the application's settings. Nothing in a page reaches up to
 * the window.
 *
 * The playback's actions (playback.play-pause, playback.step-forward,
 * playback.step-back, playback.reset) and their keys (Space, Right, Left,
 * Home) belong to the page, so they work wherever the focus is inside it;
 * an #SdPlaybackBar's buttons name them.
 */

typedef struct
{
  SdSceneDocument *document;
  SdPlayback      *playback;

  AdwFlap         *flap;
  GtkWidget       *sidebar_box;
  GtkWidget       *sidebar;
  gboolean         sidebar_visible;

  gboolean         presentation_mode;
  double           figure_scale;
  GSettings       *settings;
} SdPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SdPage, sd_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PLAYBACK,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_SIDEBAR_VISIBLE,
  PROP_PRESENTATION_MODE,
  PROP_FIGURE_SCALE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A page whose controls are not built yet has no sidebar; showing an empty
 * panel there would promise controls that do not exist. */
static void
update_flap (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  gtk_widget_set_visible (priv->sidebar_box, priv->sidebar != NULL);
  adw_flap_set_reveal_flap (priv->flap, priv->sidebar_visible && priv->sidebar != NULL);
}

/* A narrow window folds the flap, and AdwFlap then hides it by itself; the
 * page says so, so that a toggle bound to it can bring the sidebar back
 * over the figure at any width. */
static void
on_reveal_flap_changed (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  gboolean revealed = adw_flap_get_reveal_flap (priv->flap);

  g_assert (SD_IS_PAGE (self));

  if (priv->sidebar == NULL || priv->sidebar_visible == revealed)
    return;

  priv->sidebar_visible = revealed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

static gboolean
sd_page_real_accepts_kind (SdPage      *self,
                           SdSceneKind  kind)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  return priv->document != NULL && sd_scene_document_get_kind (priv->document) == kind;
}

static gboolean
sd_page_real_open_scene (SdPage   *self,
                         SdScene  *scene,
                         GFile    *file,
                         GError  **error)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  gboolean has_step = scene->has_step;
  guint step = scene->step;

  g_return_val_if_fail (priv->document != NULL, FALSE);

  sd_scene_document_set_file (priv->document, file);
  sd_scene_document_set_scene (priv->document, scene);

  /* The page followed the new scene, so the playback knows its length. */
  if (priv->playback != NULL)
    sd_playback_set_iteration (priv->playback,
                               has_step ? step : sd_playback_get_n_iterations (priv->playback));
  return TRUE;
}

/* A timeline at its end shows whole paths, which is a scene without a
 * step; stopped partway, the scene stops there too. */
static void
sd_page_real_write_scene (SdPage  *self,
                          SdScene *scene)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  guint iteration;

  if (priv->playback == NULL)
    return;

  iteration = sd_playback_get_iteration (priv->playback);
  scene->has_step = iteration < sd_playback_get_n_iterations (priv->playback);
  scene->step = scene->has_step ? iteration : 0;
}

/* Playback */

static void
update_actions (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  static const char * const actions[] = {
    "playback.play-pause", "playback.step-forward", "playback.step-back", "playback.reset"
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], priv->playback != NULL);
}

static void
play_pause (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SdPagePrivate *priv = sd_page_get_instance_private (SD_PAGE (widget));

  sd_playback_toggle (priv->playback);
}

static void
step_forward (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SdPagePrivate *priv = sd_page_get_instance_private (SD_PAGE (widget));

  sd_playback_step (priv->playback, 1);
}

static void
step_back (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SdPagePrivate *priv = sd_page_get_instance_private (SD_PAGE (widget));

  sd_playback_step (priv->playback, -1);
}

static void
reset (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  SdPagePrivate *priv = sd_page_get_instance_private (SD_PAGE (widget));

  sd_playback_reset (priv->playback);
}

/* The playback keys belong to whatever has focus first: in an entry,
 * Space types a space and the arrows move the cursor. Returning FALSE
 * lets the key go on. */
static gboolean
on_playback_key (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SdPagePrivate *priv = sd_page_get_instance_private (SD_PAGE (widget));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (priv->playback == NULL || (focus != NULL && GTK_IS_EDITABLE (focus)))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, g_variant_get_string (args, NULL), NULL);
}

/* GObject */

static void
sd_page_dispose (GObject *object)
{
  SdPage *self = SD_PAGE (object);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_clear_object (&priv->document);
  g_clear_object (&priv->playback);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (sd_page_parent_class)->dispose (object);
}

static void
sd_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SdPage *self = SD_PAGE (object);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
    case PROP_PLAYBACK:
      g_value_set_object (value, priv->playback);
      break;
    case PROP_SIDEBAR:
      g_value_set_object (value, priv->sidebar);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, sd_page_get_content (self));
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, priv->sidebar_visible);
      break;
    case PROP_PRESENTATION_MODE:
      g_value_set_boolean (value, priv->presentation_mode);
      break;
    case PROP_FIGURE_SCALE:
      g_value_set_double (value, priv->figure_scale);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SdPage *self = SD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      sd_page_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      sd_page_set_content (self, g_value_get_object (value));
      break;
    case PROP_SIDEBAR_VISIBLE:
      sd_page_set_sidebar_visible (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION_MODE:
      sd_page_set_presentation_mode (self, g_value_get_boolean (value));
      break;
    case PROP_FIGURE_SCALE:
      sd_page_set_figure_scale (self, g_value_get_double (value));
      break;
    case PROP_SETTINGS:
      sd_page_set_settings (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_page_class_init (SdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint keyval; const char *action; } keys[] = {
    { GDK_KEY_space, "playback.play-pause" },
    { GDK_KEY_KP_Space, "playback.play-pause" },
    { GDK_KEY_Right, "playback.step-forward" },
    { GDK_KEY_KP_Right, "playback.step-forward" },
    { GDK_KEY_Left, "playback.step-back" },
    { GDK_KEY_KP_Left, "playback.step-back" },
    { GDK_KEY_Home, "playback.reset" },
    { GDK_KEY_KP_Home, "playback.reset" },
  };

  object_class->dispose = sd_page_dispose;
  object_class->get_property = sd_page_get_property;
  object_class->set_property = sd_page_set_property;

  klass->accepts_kind = sd_page_real_accepts_kind;
  klass->open_scene = sd_page_real_open_scene;
  klass->write_scene = sd_page_real_write_scene;

  /**
   * SdPage:document:
   *
   * The scene the page shows; the window opens and saves through it.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SD_TYPE_SCENE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdPage:playback:
   *
   * Where the page's animation stands, %NULL for a page that does not
   * animate.
   */
  properties[PROP_PLAYBACK] =
    g_param_spec_object ("playback", NULL, NULL, SD_TYPE_PLAYBACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdPage:presentation-mode:
   *
   * Whether the window presents: the sidebar steps aside for the figure.
   */
  properties[PROP_PRESENTATION_MODE] =
    g_param_spec_boolean ("presentation-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdPage:figure-scale:
   *
   * How much larger the page's figures draw text and lines: the
   * presentation scale in presentation mode, else 1.
   */
  properties[PROP_FIGURE_SCALE] =
    g_param_spec_double ("figure-scale", NULL, NULL, 0.25, 8.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdPage:settings:
   *
   * The application's settings (the default colour map), %NULL outside
   * the application.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "playback.play-pause", NULL, play_pause);
  gtk_widget_class_install_action (widget_class, "playback.step-forward", NULL, step_forward);
  gtk_widget_class_install_action (widget_class, "playback.step-back", NULL, step_back);
  gtk_widget_class_install_action (widget_class, "playback.reset", NULL, reset);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding (widget_class, keys[i].keyval, 0, on_playback_key,
                                  "s", keys[i].action);

  gtk_widget_class_set_css_name (widget_class, "page");
}

static void
sd_page_init (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  priv->sidebar_visible = TRUE;
  priv->figure_scale = 1.0;

  priv->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_separator (priv->flap, separator);
  adw_flap_set_swipe_to_open (priv->flap, FALSE);

  priv->sidebar_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (priv->sidebar_box, "sidebar");
  gtk_widget_add_css_class (priv->sidebar_box, "background");
  adw_flap_set_flap (priv->flap, priv->sidebar_box);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (priv->flap));
  g_signal_connect_object (priv->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_flap_changed),
                           self, G_CONNECT_SWAPPED);
  update_flap (self);
  update_actions (self);
}

/**
 * sd_page_get_document:
 * @self: a #SdPage
 *
 * Returns: (transfer none): the scene the page shows
 */
SdSceneDocument *
sd_page_get_document (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);

  return priv->document;
}

/**
 * sd_page_set_document:
 * @self: a #SdPage
 * @document: the document the page shows, for its life
 *
 * For subclasses, from their init function.
 */
void
sd_page_set_document (SdPage          *self,
                      SdSceneDocument *document)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));
  g_return_if_fail (SD_IS_SCENE_DOCUMENT (document));

  if (g_set_object (&priv->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * sd_page_get_playback:
 * @self: a #SdPage
 *
 * Returns: (transfer none) (nullable): the animation's state, %NULL for a
 *   page that does not animate
 */
SdPlayback *
sd_page_get_playback (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);

  return priv->playback;
}

/**
 * sd_page_set_playback:
 * @self: a #SdPage
 * @playback: (nullable): the page's animation
 *
 * For subclasses, from their init function: the playback actions and keys
 * then drive it.
 */
void
sd_page_set_playback (SdPage     *self,
                      SdPlayback *playback)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));
  g_return_if_fail (playback == NULL || SD_IS_PLAYBACK (playback));

  if (!g_set_object (&priv->playback, playback))
    return;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYBACK]);
}

/**
 * sd_page_get_sidebar:
 * @self: a #SdPage
 *
 * Returns: (transfer none) (nullable): the controls shown beside the figure
 */
GtkWidget *
sd_page_get_sidebar (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);

  return priv->sidebar;
}

void
sd_page_set_sidebar (SdPage    *self,
                     GtkWidget *sidebar)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));
  g_return_if_fail (sidebar == NULL || GTK_IS_WIDGET (sidebar));

  if (priv->sidebar == sidebar)
    return;

  if (priv->sidebar != NULL)
    gtk_box_remove (GTK_BOX (priv->sidebar_box), priv->sidebar);

  priv->sidebar = sidebar;
  if (sidebar != NULL)
    {
      gtk_widget_set_vexpand (sidebar, TRUE);
      gtk_box_append (GTK_BOX (priv->sidebar_box), sidebar);
      /* The sidebar scrolls under the wheel; its values do not change. */
      sd_scroll_guard_tree (sidebar);
    }

  update_flap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
}

/**
 * sd_page_get_content:
 * @self: a #SdPage
 *
 * Returns: (transfer none) (nullable): the main region, where the figure goes
 */
GtkWidget *
sd_page_get_content (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);

  return adw_flap_get_content (priv->flap);
}

void
sd_page_set_content (SdPage    *self,
                     GtkWidget *content)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (adw_flap_get_content (priv->flap) == content)
    return;

  adw_flap_set_content (priv->flap, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

gboolean
sd_page_get_sidebar_visible (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), FALSE);

  return priv->sidebar_visible;
}

/**
 * sd_page_set_sidebar_visible:
 * @self: a #SdPage
 * @sidebar_visible: whether the sidebar should be shown
 */
void
sd_page_set_sidebar_visible (SdPage   *self,
                             gboolean  sidebar_visible)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));

  sidebar_visible = !!sidebar_visible;
  if (priv->sidebar_visible == sidebar_visible)
    return;

  priv->sidebar_visible = sidebar_visible;
  update_flap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

/**
 * sd_page_get_sidebar_shown:
 * @self: a #SdPage
 *
 * Returns: whether the sidebar is on screen: it is wanted and it has controls
 */
gboolean
sd_page_get_sidebar_shown (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), FALSE);

  return adw_flap_get_reveal_flap (priv->flap) && gtk_widget_get_visible (priv->sidebar_box);
}

gboolean
sd_page_get_presentation_mode (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), FALSE);

  return priv->presentation_mode;
}

/**
 * sd_page_set_presentation_mode:
 * @self: a #SdPage
 * @presentation_mode: whether the window presents
 *
 * Presenting hides the sidebar, so the figure fills the screen; leaving
 * brings it back.
 */
void
sd_page_set_presentation_mode (SdPage   *self,
                               gboolean  presentation_mode)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));

  presentation_mode = !!presentation_mode;
  if (priv->presentation_mode == presentation_mode)
    return;

  priv->presentation_mode = presentation_mode;
  sd_page_set_sidebar_visible (self, !presentation_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION_MODE]);
}

double
sd_page_get_figure_scale (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), 1.0);

  return priv->figure_scale;
}

void
sd_page_set_figure_scale (SdPage *self,
                          double  figure_scale)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));

  if (priv->figure_scale == figure_scale)
    return;

  priv->figure_scale = figure_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_SCALE]);
}

/**
 * sd_page_get_settings:
 * @self: a #SdPage
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
sd_page_get_settings (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);

  return priv->settings;
}

void
sd_page_set_settings (SdPage    *self,
                      GSettings *settings)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (g_set_object (&priv->settings, settings))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

/**
 * sd_page_accepts_kind:
 * @self: a #SdPage
 * @kind: a scene kind
 *
 * Returns: whether the page is where scenes of @kind open
 */
gboolean
sd_page_accepts_kind (SdPage      *self,
                      SdSceneKind  kind)
{
  g_return_val_if_fail (SD_IS_PAGE (self), FALSE);

  return SD_PAGE_GET_CLASS (self)->accepts_kind (self, kind);
}

/**
 * sd_page_open_scene:
 * @self: a #SdPage
 * @scene: (transfer full): a scene the page accepts
 * @file: (nullable): the file it was read from
 * @error: return location for a #GError
 *
 * Shows @scene, unmodified, stopped at its step. A page that cannot show
 * it changes nothing and says why.
 *
 * Returns: whether the page shows @scene now
 */
gboolean
sd_page_open_scene (SdPage   *self,
                    SdScene  *scene,
                    GFile    *file,
                    GError  **error)
{
  g_autoptr(SdScene) owned = scene;

  g_return_val_if_fail (SD_IS_PAGE (self), FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SD_PAGE_GET_CLASS (self)->open_scene (self, g_steal_pointer (&owned), file, error);
}

/**
 * sd_page_dup_scene:
 * @self: a #SdPage
 *
 * The scene as Save and Export write it: the document's, with what the
 * page shows beyond it (where the timeline stands), so that the file opens
 * on the same picture and the figure shows what the page shows.
 *
 * Returns: (transfer full): a copy of the scene
 */
SdScene *
sd_page_dup_scene (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  SdScene *scene;

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);
  g_return_val_if_fail (priv->document != NULL, NULL);

  scene = sd_scene_copy (sd_scene_document_get_scene (priv->document));
  SD_PAGE_GET_CLASS (self)->write_scene (self, scene);
  return scene;
}
