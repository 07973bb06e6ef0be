/* application.c: the Saddle application, its command line and app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core-error.h"

#include "application.h"
#include "cli.h"
#include "preferences-window.h"
#include "scene-io.h"
#include "saddle-resources.h"
#include "window.h"

struct _SdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (SdApplication, sd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the scene to OUT without opening a window; the format follows OUT’s extension "
       "(.png, .svg, .pdf, .csv or .json)"),
    N_("OUT") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the figure’s size in points (default 800x600)"), N_("WxH") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: PNG pixels per point, up to 8 (default 1)"), N_("S") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: light, dark or print (default light)"), N_("THEME") },
  { "transparent", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: leave the background transparent"), NULL },
  /* The desktop file passes this: started from a file manager, Saddle has
   * no terminal to print to, so a scene that cannot be opened is reported
   * in the window instead. */
  { "errors-in-window", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Scene files named on the command line are read here first, so a file
 * that cannot be shown is one line on stderr and a failed exit, before any
 * window opens, as with --export. Good files then go to the primary
 * instance, this one or one already running, which opens them in a window.
 * With @errors_in_window every file goes to the window, which shows the
 * same message for a file it cannot open. */
static int
open_files (GApplication       *application,
            const char * const *paths,
            gboolean            errors_in_window)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(SdScene) scene = NULL;

      if (!errors_in_window)
        scene = sd_scene_io_load (paths[i], &error);

      if (!errors_in_window && scene == NULL)
        {
          g_printerr ("saddle: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));
    }

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("saddle: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_application_open (application, (GFile **) files->pdata, files->len, "");

  /* A running Saddle opened them; this instance has nothing more to do.
   * Otherwise go on, and the main loop keeps the new windows open. */
  return g_application_get_is_remote (application) ? EXIT_SUCCESS : -1;
}

/* Options that need no display are answered here, in the local instance,
 * before GTK opens one: `saddle --version` works on a headless machine. */
static int
sd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *export_path;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "export", "^&ay", &export_path))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      return sd_cli_export (export_path, files, options);
    }

  if (!sd_cli_check_export_only (options))
    return EXIT_FAILURE;

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    return open_files (application, files, g_variant_dict_contains (options, "errors-in-window"));

  return G_APPLICATION_CLASS (sd_application_parent_class)->handle_local_options (application, options);
}

static void
apply_color_scheme (SdApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  int scheme = g_settings_get_enum (self->settings, "color-scheme");

  g_return_if_fail (scheme >= 0 && scheme < (int) G_N_ELEMENTS (schemes));

  adw_style_manager_set_color_scheme (style_manager, schemes[scheme]);
}

static void
on_color_scheme_changed (GSettings     *settings,
                         const char    *key,
                         SdApplication *self)
{
  g_assert (SD_IS_APPLICATION (self));

  apply_color_scheme (self);
}

static void
sd_application_startup (GApplication *application)
{
  SdApplication *self = SD_APPLICATION (application);

  G_APPLICATION_CLASS (sd_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed), self, 0);
  apply_color_scheme (self);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
sd_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (sd_window_new (GTK_APPLICATION (application),
                                          SD_APPLICATION (application)->settings));

  gtk_window_present (window);
}

/* Each file opens in the window that has nothing to lose: the active one
 * while it shows an unchanged scene not opened from a file, else a new one. */
static void
sd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
      SdWindow *window;

      if (SD_IS_WINDOW (active) && sd_window_is_pristine (SD_WINDOW (active)))
        window = SD_WINDOW (active);
      else
        window = sd_window_new (GTK_APPLICATION (application),
                                SD_APPLICATION (application)->settings);

      gtk_window_present (GTK_WINDOW (window));
      sd_window_open_file (window, files[i]);
    }
}

static void
sd_application_dispose (GObject *object)
{
  SdApplication *self = SD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_application_parent_class)->dispose (object);
}

static void
sd_application_class_init (SdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sd_application_dispose;

  app_class->handle_local_options = sd_application_handle_local_options;
  app_class->startup = sd_application_startup;
  app_class->activate = sd_application_activate;
  app_class->open = sd_application_open;
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SdApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SdPreferencesWindow *preferences = sd_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SdApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Saddle developers", NULL };
  static const char *credits[] = {
    "GTK and libadwaita, the GNOME Project",
    "GNU Scientific Library",
    "Cairo and Pango",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Saddle"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Saddle developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Saddle developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Saddle makes the mathematics of machine learning visible: "
                                      "loss landscapes and the optimizers that descend them, "
                                      "linear maps and their eigenvectors, and probability "
                                      "distributions."),
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Built with"), credits);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_application (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));

  /* Closing the windows, rather than g_application_quit(), lets each one
   * save its size and state through its close-request handler. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static const GActionEntry app_actions[] = {
  { "preferences", show_preferences },
  { "about", show_about },
  { "quit", quit_application },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.open", { "<Control>o", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.presentation", { "F5", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
sd_application_init (SdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

/**
 * sd_application_new:
 * @flags: extra application flags; tests pass %G_APPLICATION_NON_UNIQUE
 *
 * Returns: (transfer full): a new #SdApplication
 */
SdApplication *
sd_application_new (GApplicationFlags flags)
{
  static gsize resources_registered = 0;

  sd_core_init ();

  if (g_once_init_enter (&resources_registered))
    {
      saddle_register_resource ();
      g_once_init_leave (&resources_registered, 1);
    }

  return g_object_new (SD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * sd_application_get_settings:
 * @self: a #SdApplication
 *
 * Returns: (transfer none): the application's settings, valid after startup
 */
GSettings *
sd_application_get_settings (SdApplication *self)
{
  g_return_val_if_fail (SD_IS_APPLICATION (self), NULL);

  return self->settings;
}
