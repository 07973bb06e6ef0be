/* window.c: the main window, its pages and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export-dialog.h"
#include "landscape-page.h"
#include "placeholder-page.h"
#include "scene-io.h"
#include "window.h"

/*
 * The window holds one page per kind of scene. It follows the visible
 * page: the title names that page's scene, and Save and Export work on
 * it; a scene that is opened goes to the page that accepts its kind. It
 * binds down what every page needs: presentation mode, the scale figures
 * draw at, and the settings. Pages never reach up to it.
 */

struct _SdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  gboolean              presentation_mode;
  gboolean              was_fullscreened;

  GSignalGroup         *document_signals;
  GBindingGroup        *page_bindings;
  gboolean              sidebar_visible;
  GtkNativeDialog      *chooser;
  gboolean              discard_changes;

  AdwToastOverlay      *toast_overlay;
  AdwFlap              *header_flap;
  AdwHeaderBar         *header_bar;
  GtkRevealer          *presentation_hint;
  guint                 hint_timeout_id;
  GtkMenuButton        *primary_menu_button;
  GtkWidget            *sidebar_button;
  AdwViewStack         *stack;
  SdPage               *landscape_page;
  SdPage               *transform_page;
  SdPage               *probability_page;
};

G_DEFINE_FINAL_TYPE (SdWindow, sd_window, ADW_TYPE_APPLICATION_WINDOW)

/* How near the top edge, in pixels, the pointer brings the hidden header
 * bar back while presenting. */
#define HEADER_EDGE 8
/* How long entering presentation mode says how to leave it. */
#define PRESENTATION_HINT_SECONDS 3

enum {
  PROP_0,
  PROP_PRESENTATION_MODE,
  PROP_FIGURE_SCALE,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pages */

static GPtrArray *
list_pages (SdWindow *self)
{
  g_autoptr(GtkSelectionModel) stack_pages = adw_view_stack_get_pages (self->stack);
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stack_pages)); i++)
    {
      g_autoptr(AdwViewStackPage) stack_page = g_list_model_get_item (G_LIST_MODEL (stack_pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (stack_page);

      if (SD_IS_PAGE (child))
        g_ptr_array_add (pages, child);
    }

  return pages;
}

static SdPage *
find_page_for_kind (SdWindow    *self,
                    SdSceneKind  kind)
{
  g_autoptr(GPtrArray) pages = list_pages (self);

  for (guint i = 0; i < pages->len; i++)
    if (sd_page_accepts_kind (g_ptr_array_index (pages, i), kind))
      return g_ptr_array_index (pages, i);

  return NULL;
}

static SdPage *
find_modified_page (SdWindow *self)
{
  g_autoptr(GPtrArray) pages = list_pages (self);

  for (guint i = 0; i < pages->len; i++)
    if (sd_scene_document_get_modified (sd_page_get_document (g_ptr_array_index (pages, i))))
      return g_ptr_array_index (pages, i);

  return NULL;
}

/* The window title names the visible page's scene and marks unsaved
 * changes; the view switcher title, which replaces it in narrow windows,
 * says the same. */
static void
update_title (SdWindow *self)
{
  SdPage *page = sd_window_get_visible_page (self);
  g_autofree char *title = NULL;
  GtkWidget *switcher_title = adw_header_bar_get_title_widget (self->header_bar);

  if (page == NULL)
    return;

  title = sd_scene_document_format_title (sd_page_get_document (page));
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (ADW_IS_VIEW_SWITCHER_TITLE (switcher_title))
    adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher_title), title);
}

/* The header bar's sidebar button shows and hides the visible page's
 * sidebar, at any width; a page without controls has nothing to show. */
static void
on_visible_page_changed (SdWindow *self)
{
  SdPage *page = sd_window_get_visible_page (self);

  g_assert (SD_IS_WINDOW (self));

  g_signal_group_set_target (self->document_signals,
                             page != NULL ? sd_page_get_document (page) : NULL);
  g_binding_group_set_source (self->page_bindings, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar",
                                 page != NULL && sd_page_get_sidebar (page) != NULL);
  update_title (self);
}

static void
on_presentation_scale_changed (SdWindow *self)
{
  g_assert (SD_IS_WINDOW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_SCALE]);
}

/* What the pages need of the window is bound down into them. */
static void
bind_pages (SdWindow *self)
{
  g_autoptr(GPtrArray) pages = list_pages (self);

  for (guint i = 0; i < pages->len; i++)
    {
      SdPage *page = g_ptr_array_index (pages, i);

      g_object_bind_property (self, "presentation-mode", page, "presentation-mode",
                              G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "figure-scale", page, "figure-scale", G_BINDING_SYNC_CREATE);
    }
}

static void
set_settings (SdWindow  *self,
              GSettings *settings)
{
  g_autoptr(GPtrArray) pages = list_pages (self);

  g_set_object (&self->settings, settings);
  g_signal_connect_object (settings, "changed::presentation-scale",
                           G_CALLBACK (on_presentation_scale_changed), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < pages->len; i++)
    sd_page_set_settings (g_ptr_array_index (pages, i), settings);
  on_presentation_scale_changed (self);
}

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
                             SdPage   *page,
                             GFile    *open_file);

static gboolean
sd_window_close_request (GtkWindow *window)
{
  SdWindow *self = SD_WINDOW (window);
  SdPage *modified = find_modified_page (self);
  int width, height;

  if (modified != NULL && !self->discard_changes)
    {
      confirm_discard (self, modified, NULL);
      return TRUE;
    }

  /* The default size is the unmaximized, unfullscreened size, which is the
   * one worth restoring. */
  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

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

  g_assert (SD_IS_WINDOW (self));

  if (self->was_fullscreened && !fullscreened)
    sd_window_set_presentation_mode (self, FALSE);

  self->was_fullscreened = fullscreened;
}

/* Presenting */

static void
show_header (SdWindow *self,
             gboolean  shown)
{
  if (adw_flap_get_reveal_flap (self->header_flap) != shown)
    adw_flap_set_reveal_flap (self->header_flap, shown);
}

static gboolean
hide_hint (gpointer user_data)
{
  SdWindow *self = user_data;

  self->hint_timeout_id = 0;
  /* Nothing to hide once the window let go of its widgets. */
  if (self->presentation_hint != NULL)
    gtk_revealer_set_reveal_child (self->presentation_hint, FALSE);
  return G_SOURCE_REMOVE;
}

/* How to leave is said for a few seconds at the top, over the title of
 * the figure rather than its readouts. */
static void
show_hint (SdWindow *self)
{
  gtk_revealer_set_reveal_child (self->presentation_hint, TRUE);
  g_clear_handle_id (&self->hint_timeout_id, g_source_remove);
  self->hint_timeout_id = g_timeout_add_seconds (PRESENTATION_HINT_SECONDS, hide_hint, self);
}

/* While presenting, the header bar slides in when the pointer reaches the
 * top edge, and away once it leaves the bar. */
static void
on_pointer_motion (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   SdWindow                 *self)
{
  int header_height;

  g_assert (SD_IS_WINDOW (self));

  if (!self->presentation_mode)
    return;

  header_height = gtk_widget_get_height (GTK_WIDGET (self->header_bar));
  if (y <= HEADER_EDGE)
    show_header (self, TRUE);
  else if (y > header_height + HEADER_EDGE)
    show_header (self, FALSE);
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

  g_assert (SD_IS_WINDOW (self));

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

/* Asks before the unsaved changes of @page's scene are lost: before the
 * window closes, or before @open_file replaces the scene. */
static void
confirm_discard (SdWindow *self,
                 SdPage   *page,
                 GFile    *open_file)
{
  g_autofree char *name = sd_scene_document_dup_name (sd_page_get_document (page));
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

/* Reads @file for opening; says why not in a dialog when it cannot be. */
static SdScene *
load_for_window (SdWindow *self,
                 GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  SdScene *scene = NULL;

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("%s: only local scene files can be opened"), g_file_peek_path (file));
  else
    scene = sd_scene_io_load (path, &error);

  if (scene == NULL)
    show_error (self, _("Could Not Open Scene"), error);
  return scene;
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  SdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SdScene) scene = NULL;
  SdPage *page;

  g_assert (SD_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* As in GTK's own examples, the chooser is let go once it answered. */
  g_clear_object (&self->chooser);

  if (file == NULL || (scene = load_for_window (self, file)) == NULL)
    return;

  /* Only the page that will show the scene has changes to lose. */
  page = find_page_for_kind (self, scene->kind);
  if (page != NULL && sd_scene_document_get_modified (sd_page_get_document (page)))
    confirm_discard (self, page, file);
  else
    sd_window_open_file (self, file);
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

  g_assert (SD_IS_WINDOW (self));

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
  SdSceneDocument *document = sd_page_get_document (sd_window_get_visible_page (self));
  g_autofree char *name = sd_scene_document_dup_name (document);
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

  g_assert (SD_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
export_figure (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  SdPage *page = sd_window_get_visible_page (self);
  g_autoptr(SdScene) scene = sd_page_dup_scene (page);
  g_autofree char *name = sd_scene_document_dup_name (sd_page_get_document (page));
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
    case PROP_FIGURE_SCALE:
      g_value_set_double (value, sd_window_get_figure_scale (self));
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_sidebar_visible (SdWindow *self,
                     gboolean  sidebar_visible)
{
  sidebar_visible = !!sidebar_visible;
  if (self->sidebar_visible == sidebar_visible)
    return;

  self->sidebar_visible = sidebar_visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
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
    case PROP_SIDEBAR_VISIBLE:
      set_sidebar_visible (self, g_value_get_boolean (value));
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
  g_clear_object (&self->document_signals);
  g_clear_object (&self->page_bindings);
  g_clear_handle_id (&self->hint_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_window_parent_class)->dispose (object);
}

/* Binds the template child NAME to the field of SdWindow named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdWindow, name)

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

  /**
   * SdWindow:figure-scale:
   *
   * How much larger the pages' figures draw: the presentation-scale
   * setting in presentation mode, else 1.
   */
  properties[PROP_FIGURE_SCALE] =
    g_param_spec_double ("figure-scale", NULL, NULL, 0.25, 8.0, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdWindow:sidebar-visible:
   *
   * Whether the visible page shows its sidebar; the two follow each other.
   */
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SD_TYPE_LANDSCAPE_PAGE);
  g_type_ensure (SD_TYPE_PLACEHOLDER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/window.ui");
  BIND_CHILD (toast_overlay);
  BIND_CHILD (header_flap);
  BIND_CHILD (header_bar);
  BIND_CHILD (presentation_hint);
  BIND_CHILD (primary_menu_button);
  BIND_CHILD (sidebar_button);
  BIND_CHILD (stack);
  BIND_CHILD (landscape_page);
  BIND_CHILD (transform_page);
  BIND_CHILD (probability_page);
  gtk_widget_class_bind_template_callback (widget_class, on_fullscreened_changed);

  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation-mode");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "sidebar-visible");
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

static void
sd_window_init (SdWindow *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (SD_TYPE_SCENE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::name",
                                  G_CALLBACK (update_title), self);
  self->page_bindings = g_binding_group_new ();
  g_binding_group_bind (self->page_bindings, "sidebar-visible", self, "sidebar-visible",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (on_visible_page_changed), self);

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "motion", G_CALLBACK (on_pointer_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  bind_pages (self);
  on_visible_page_changed (self);
}

/**
 * sd_window_new:
 * @application: the application
 * @settings: the application's settings, which the window's size and the
 *   pages follow
 *
 * Returns: (transfer full): a new main window
 */
SdWindow *
sd_window_new (GtkApplication *application,
               GSettings      *settings)
{
  SdWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SD_TYPE_WINDOW, "application", application, NULL);
  set_settings (self, settings);
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
 * fullscreen and the pages' sidebars step aside so the figures fill the
 * screen, drawn larger by the presentation-scale setting.
 */
void
sd_window_set_presentation_mode (SdWindow *self,
                                 gboolean  presentation_mode)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  presentation_mode = !!presentation_mode;
  if (self->presentation_mode == presentation_mode)
    return;

  /* A window closed while presenting can hear that fullscreen ended after
   * it let go of its widgets; there is nothing left to lay out. */
  if (self->header_flap == NULL)
    return;

  self->presentation_mode = presentation_mode;
  show_header (self, !presentation_mode);
  adw_flap_set_fold_policy (self->header_flap, presentation_mode ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                                 : ADW_FLAP_FOLD_POLICY_NEVER);

  if (presentation_mode)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
      show_hint (self);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
      hide_hint (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION_MODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_SCALE]);
}

/**
 * sd_window_get_visible_page:
 * @self: a #SdWindow
 *
 * Returns: (transfer none): the page on screen, whose scene the title
 *   names and Save and Export write
 */
SdPage *
sd_window_get_visible_page (SdWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);

  child = adw_view_stack_get_visible_child (self->stack);
  return SD_IS_PAGE (child) ? SD_PAGE (child) : NULL;
}

/**
 * sd_window_get_page:
 * @self: a #SdWindow
 * @name: a page's name: landscape, transform or probability
 *
 * Returns: (transfer none) (nullable): the page
 */
SdPage *
sd_window_get_page (SdWindow   *self,
                    const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  child = adw_view_stack_get_child_by_name (self->stack, name);
  return SD_IS_PAGE (child) ? SD_PAGE (child) : NULL;
}

/**
 * sd_window_get_file:
 * @self: a #SdWindow
 *
 * Returns: (transfer none) (nullable): the file the visible page's scene
 *   was opened from or last saved to
 */
GFile *
sd_window_get_file (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);

  return sd_scene_document_get_file (sd_page_get_document (sd_window_get_visible_page (self)));
}

/**
 * sd_window_is_pristine:
 * @self: a #SdWindow
 *
 * Returns: whether the window has nothing to lose: no page has changes or
 *   shows a scene opened from a file
 */
gboolean
sd_window_is_pristine (SdWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;

  g_return_val_if_fail (SD_IS_WINDOW (self), FALSE);

  pages = list_pages (self);
  for (guint i = 0; i < pages->len; i++)
    {
      SdSceneDocument *document = sd_page_get_document (g_ptr_array_index (pages, i));

      if (sd_scene_document_get_modified (document) || sd_scene_document_get_file (document) != NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * sd_window_open_file:
 * @self: a #SdWindow
 * @file: a scene file
 *
 * Opens @file on the page that accepts its kind, and shows that page, as
 * Open Scene, the command line and the file manager do. A file that
 * cannot be shown changes nothing: a message dialog says why, in the words
 * `saddle FILE` prints.
 *
 * Returns: %TRUE if the scene was opened
 */
gboolean
sd_window_open_file (SdWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScene) scene = NULL;
  SdPage *page;

  g_return_val_if_fail (SD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scene = load_for_window (self, file);
  if (scene == NULL)
    return FALSE;

  page = find_page_for_kind (self, scene->kind);
  if (page == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: no page of this window shows %s scenes"), g_file_peek_path (file),
                   sd_scene_kind_to_name (scene->kind));
      show_error (self, _("Could Not Open Scene"), error);
      return FALSE;
    }

  if (!sd_page_open_scene (page, g_steal_pointer (&scene), file, &error))
    {
      show_error (self, _("Could Not Open Scene"), error);
      return FALSE;
    }

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  update_title (self);
  return TRUE;
}

/**
 * sd_window_save_file:
 * @self: a #SdWindow
 * @file: where to save
 * @error: return location for a #GError
 *
 * Saves the visible page's scene, atomically, as the page shows it (where
 * its timeline stands), and makes @file the scene's file.
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
  SdPage *page;
  SdSceneDocument *document;

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

  page = sd_window_get_visible_page (self);
  document = sd_page_get_document (page);
  scene = sd_page_dup_scene (page);
  if (!sd_scene_save_file (scene, path, error))
    return FALSE;

  sd_scene_document_set_file (document, file);
  sd_scene_document_set_modified (document, FALSE);
  update_title (self);
  return TRUE;
}
