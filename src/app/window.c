/* window.c: the main window, its three pages and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "page-frame.h"
#include "window.h"

struct _SdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  gboolean              presentation_mode;
  gboolean              was_fullscreened;

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

static gboolean
sd_window_close_request (GtkWindow *window)
{
  SdWindow *self = SD_WINDOW (window);
  int width, height;

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

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_WINDOW);
  g_clear_object (&self->settings);

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
  gtk_widget_init_template (GTK_WIDGET (self));
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
