/* window.c: the main window, its three pages and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export-dialog.h"
#include "figure.h"
#include "landscape-page.h"
#include "page-frame.h"
#include "scene-io.h"
#include "window.h"

struct _SdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  gboolean              presentation_mode;
  gboolean              was_fullscreened;

  /* The Landscape page's model (the window's own if a template lacks the
   * page), and the file its scene was opened from or last saved to. */
  SdLandscapeModel     *model;
  GFile                *file;
  GtkNativeDialog      *chooser;
  gboolean              discard_changes;

  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *primary_menu_button;
  AdwViewStack         *stack;
  SdPageFrame          *landscape_frame;
  SdPageFrame          *transform_frame;
  SdPageFrame          *probability_frame;
};

G_DEFINE_FINAL_TYPE (SdWindow, sd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PRESENTATION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_window_state (SdWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void confirm_discard (SdWindow *self,
                             GFile    *open_file);

static gboolean
sd_window_close_request (GtkWindow *window)
{
  SdWindow *self = SD_WINDOW (window);
  int width, height;

  if (sd_landscape_model_get_modified (self->model) && !self->discard_changes)
    {
      confirm_discard (self, NULL);
      return TRUE;
    }

  /* The default size is the unmaximized, unfullscreened size, which is the
   * one worth restoring. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (sd_window_parent_class)->close_request (window);
}

/* The window manager can end fullscreen on its own (a keyboard shortcut of
 * the desktop, another application going fullscreen); presentation mode
 * follows it so the sidebars come back. */
static void
on_fullscreened_changed (SdWindow   *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  gboolean fullscreened = gtk_window_is_fullscreen (GTK_WINDOW (self));

  if (self->was_fullscreened && !fullscreened)
    sd_window_set_presentation_mode (self, FALSE);

  self->was_fullscreened = fullscreened;
}

static gboolean
leave_presentation (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  SdWindow *self = SD_WINDOW (widget);

  if (!self->presentation_mode)
    return FALSE;

  sd_window_set_presentation_mode (self, FALSE);
  return TRUE;
}

static void
show_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/* The window title names the scene and marks unsaved changes; the view
 * switcher title, which replaces it in narrow windows, says the same. */
static void
update_title (SdWindow *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autofree char *name = sd_scene_io_get_name (scene, self->file);
  gboolean modified = sd_landscape_model_get_modified (self->model);
  g_autofree char *title = sd_scene_io_format_title (name, modified);
  GtkWidget *switcher_title = adw_header_bar_get_title_widget (self->header_bar);

  gtk_window_set_title (GTK_WINDOW (self), title);
  if (ADW_IS_VIEW_SWITCHER_TITLE (switcher_title))
    adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher_title), title);
}

static SdPlayback *
get_playback (SdWindow *self)
{
  GtkWidget *page = sd_page_frame_get_content (self->landscape_frame);

  return SD_IS_LANDSCAPE_PAGE (page) ? sd_landscape_page_get_playback (SD_LANDSCAPE_PAGE (page))
                                     : NULL;
}

/* A scene that names no colour map is drawn with the viewer's preferred
 * one; a file and a figure carry it, so they look as the window did on any
 * computer. The built-in default needs no naming. */
static void
name_color_map (SdWindow *self,
                SdScene  *scene)
{
  g_autofree char *preferred = NULL;
  SdFigureOptions defaults;

  if (sd_scene_get_surface (scene)->color_map != NULL || self->settings == NULL)
    return;

  sd_figure_options_init (&defaults);
  preferred = g_settings_get_string (self->settings, "color-map");
  if (!g_str_equal (preferred, sd_colormap_get_name (defaults.colormap)))
    sd_scene_get_surface (scene)->color_map = g_steal_pointer (&preferred);
}

/* The scene as Save and Export write it: the model's, stopped where the
 * timeline is and with its colour map named, so that the file opens on
 * the same picture and the figure shows what the window shows. A timeline
 * at its end shows whole paths, which is a scene without a step. */
static SdScene *
get_scene_to_save (SdWindow *self)
{
  SdScene *scene = sd_scene_copy (sd_landscape_model_get_scene (self->model));
  SdPlayback *playback = get_playback (self);

  name_color_map (self, scene);

  if (playback != NULL)
    {
      guint iteration = sd_playback_get_iteration (playback);

      scene->has_step = iteration < sd_playback_get_n_iterations (playback);
      scene->step = scene->has_step ? iteration : 0;
    }

  return scene;
}

static gboolean
present_dialog (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* Presented from an idle: a file that fails to open as its window opens
 * (from the command line or the file manager) would otherwise put the
 * dialog on screen before the window's first frame, and without a window
 * manager to keep it above, the window would then cover it. */
static void
show_error (SdWindow     *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_dialog, g_object_ref (dialog), g_object_unref);
}

static GtkFileFilter *
scene_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Saddle Scenes"));
  gtk_file_filter_add_mime_type (filter, "application/x-saddle-scene");
  gtk_file_filter_add_suffix (filter, "saddle");
  return filter;
}

static void
set_chooser (SdWindow             *self,
             GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
}

static gboolean
close_discarding (gpointer data)
{
  SdWindow *self = data;

  self->discard_changes = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SdWindow         *self)
{
  GFile *open_file = g_object_get_data (G_OBJECT (dialog), "open-file");

  if (!g_str_equal (response, "discard"))
    return;

  if (open_file != NULL)
    sd_window_open_file (self, open_file);
  else
    {
      /* Not from inside the dialog's signal: the window takes its
       * transient dialog with it, which must first finish answering. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarding, g_object_ref (self),
                       g_object_unref);
    }
}

/* Asks before unsaved changes are lost: before the window closes, or
 * before @open_file replaces the scene. */
static void
confirm_discard (SdWindow *self,
                 GFile    *open_file)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);
  g_autofree char *name = sd_scene_io_get_name (scene, self->file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  open_file != NULL
                                  ? _("“%s” has changes that are not saved. Opening another "
                                      "scene loses them; Save Scene As keeps them.")
                                  : _("“%s” has changes that are not saved. Closing the window "
                                      "loses them; Save Scene As keeps them."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (open_file != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "open-file", g_object_ref (open_file),
                            g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  SdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (sd_landscape_model_get_modified (self->model))
        confirm_discard (self, file);
      else
        sd_window_open_file (self, file);
    }

  /* As in GTK's own examples, the chooser is let go once it answered. */
  g_clear_object (&self->chooser);
}

static void
open_scene (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = scene_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Scene"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  set_chooser (self, chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  SdWindow        *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && !sd_window_save_file (self, file, &error))
    show_error (self, _("Could Not Save Scene"), error);
}

static void
save_scene_as (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = scene_filter_new ();
  g_autofree char *name = sd_scene_io_get_name (sd_landscape_model_get_scene (self->model),
                                                self->file);
  g_autofree char *file_name = g_strconcat (name, ".saddle", NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Scene As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  set_chooser (self, chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_figure_exported (SdWindow *self,
                    GFile    *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  /* Translators: %s is the file name */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), display);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
export_figure (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  g_autoptr(SdScene) scene = get_scene_to_save (self);
  g_autofree char *name = sd_scene_io_get_name (scene, self->file);
  SdExportDialog *dialog = sd_export_dialog_new (GTK_WINDOW (self), scene, name);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_figure_exported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_MODE:
      g_value_set_boolean (value, self->presentation_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_MODE:
      sd_window_set_presentation_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_window_dispose (GObject *object)
{
  SdWindow *self = SD_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->model);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sd_window_parent_class)->dispose (object);
}

static void
sd_window_class_init (SdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sd_window_dispose;
  object_class->get_property = sd_window_get_property;
  object_class->set_property = sd_window_set_property;

  window_class->close_request = sd_window_close_request;

  properties[PROP_PRESENTATION_MODE] =
    g_param_spec_boolean ("presentation-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SD_TYPE_PAGE_FRAME);
  g_type_ensure (SD_TYPE_LANDSCAPE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, landscape_frame);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, transform_frame);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, probability_frame);
  gtk_widget_class_bind_template_callback (widget_class, on_fullscreened_changed);

  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation-mode");
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_scene);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_scene_as);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_figure);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, leave_presentation, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "landscape");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "transform");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "probability");
}

/* The scene lives in the Landscape page's model; a window built without
 * the page (a template being reworked) keeps a model of its own, so opening
 * and saving still have something to work on. */
static SdLandscapeModel *
find_landscape_model (SdWindow *self)
{
  GtkWidget *page = sd_page_frame_get_content (self->landscape_frame);

  if (SD_IS_LANDSCAPE_PAGE (page))
    return g_object_ref (sd_landscape_page_get_model (SD_LANDSCAPE_PAGE (page)));

  return sd_landscape_model_new ();
}

static void
sd_window_init (SdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = find_landscape_model (self);
  g_signal_connect_object (self->model, "notify::modified", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
}

/**
 * sd_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new main window
 */
SdWindow *
sd_window_new (SdApplication *application)
{
  SdWindow *self;

  g_return_val_if_fail (SD_IS_APPLICATION (application), NULL);

  self = g_object_new (SD_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (sd_application_get_settings (application));
  restore_window_state (self);

  return self;
}

/**
 * sd_window_get_figure_scale:
 * @self: a #SdWindow
 *
 * Figures in the window draw text and lines this much larger: the
 * presentation-scale setting in presentation mode, else 1.
 *
 * Returns: the scale
 */
double
sd_window_get_figure_scale (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), 1.0);

  if (!self->presentation_mode || self->settings == NULL)
    return 1.0;

  return g_settings_get_double (self->settings, "presentation-scale");
}

gboolean
sd_window_get_presentation_mode (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), FALSE);

  return self->presentation_mode;
}

/**
 * sd_window_set_presentation_mode:
 * @self: a #SdWindow
 * @presentation_mode: whether to present
 *
 * Presentation mode is for a teacher at a projector: the window goes
 * fullscreen and the sidebars step aside so the plots fill the screen.
 * The canvases read the presentation-scale setting to enlarge text and lines.
 */
void
sd_window_set_presentation_mode (SdWindow *self,
                                 gboolean  presentation_mode)
{
  SdPageFrame *frames[] = { self->landscape_frame, self->transform_frame, self->probability_frame };

  g_return_if_fail (SD_IS_WINDOW (self));

  presentation_mode = !!presentation_mode;
  if (self->presentation_mode == presentation_mode)
    return;

  self->presentation_mode = presentation_mode;

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    sd_page_frame_set_sidebar_visible (frames[i], !presentation_mode);

  if (presentation_mode)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Press F5 or Esc to leave presentation mode")));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION_MODE]);
}

/**
 * sd_window_get_landscape_model:
 * @self: a #SdWindow
 *
 * Returns: (transfer none): the model of the Landscape page's scene
 */
SdLandscapeModel *
sd_window_get_landscape_model (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);

  return self->model;
}

/**
 * sd_window_get_file:
 * @self: a #SdWindow
 *
 * Returns: (transfer none) (nullable): the file the scene was opened from or
 *   last saved to
 */
GFile *
sd_window_get_file (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * sd_window_open_file:
 * @self: a #SdWindow
 * @file: a scene file
 *
 * Opens @file on its page, as Open Scene, the command line and the file
 * manager do. A file that cannot be shown changes nothing: a message
 * dialog says why, in the words `saddle FILE` prints.
 *
 * Returns: %TRUE if the scene was opened
 */
gboolean
sd_window_open_file (SdWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;
  g_autofree char *path = NULL;
  SdPlayback *playback;
  gboolean has_step;
  guint step;

  g_return_val_if_fail (SD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("%s: only local scene files can be opened"), g_file_peek_path (file));
  else
    scene = sd_scene_io_load (path, &error);

  if (scene == NULL)
    {
      show_error (self, _("Could Not Open Scene"), error);
      return FALSE;
    }

  has_step = scene->has_step;
  step = scene->step;
  g_set_object (&self->file, file);
  sd_landscape_model_set_scene (self->model, g_steal_pointer (&scene));
  playback = get_playback (self);
  if (playback != NULL)
    sd_playback_set_iteration (playback,
                               has_step ? step : sd_playback_get_n_iterations (playback));
  adw_view_stack_set_visible_child_name (self->stack, "landscape");
  update_title (self);
  return TRUE;
}

/**
 * sd_window_save_file:
 * @self: a #SdWindow
 * @file: where to save
 * @error: return location for a #GError
 *
 * Saves the Landscape page's scene, atomically, stopped where its
 * timeline is, and makes @file the scene's file.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sd_window_save_file (SdWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(SdScene) scene = NULL;

  g_return_val_if_fail (SD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Scenes can only be saved to local files"));
      return FALSE;
    }

  scene = get_scene_to_save (self);
  if (!sd_scene_save_file (scene, path, error))
    return FALSE;

  g_set_object (&self->file, file);
  sd_landscape_model_set_modified (self->model, FALSE);
  update_title (self);
  return TRUE;
}
