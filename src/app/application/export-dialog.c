/* export-dialog.c: Export Figure: format, size, scale, theme, transparency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export-dialog.h"
#include "scene-io.h"

struct _SdExportDialog
{
  AdwWindow         parent_instance;

  SdScene          *scene;
  char             *name;
  GCancellable     *cancellable;
  GFile            *target;
  GtkNativeDialog  *chooser;

  GtkWidget        *export_button;
  GtkSpinner       *spinner;
  AdwComboRow      *format_row;
  GtkWidget        *figure_group;
  GtkWidget        *width_row;
  GtkWidget        *height_row;
  GtkWidget        *scale_row;
  GtkWidget        *theme_row;
  GtkWidget        *transparent_row;
  GtkSpinButton    *width_spin;
  GtkSpinButton    *height_spin;
  GtkSpinButton    *scale_spin;
  GtkSwitch        *transparent_switch;
};

G_DEFINE_FINAL_TYPE (SdExportDialog, sd_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows of the format combo, in the order of the .ui file. */
static const struct {
  SdExportFormat  format;
  const char     *extension;
  const char     *mime_type;
} formats[] = {
  { SD_EXPORT_PNG, "png", "image/png" },
  { SD_EXPORT_SVG, "svg", "image/svg+xml" },
  { SD_EXPORT_PDF, "pdf", "application/pdf" },
  { SD_EXPORT_CSV, "csv", "text/csv" },
  { SD_EXPORT_JSON, "json", "application/json" },
};

static guint
get_format_index (SdExportDialog *self)
{
  guint index = adw_combo_row_get_selected (self->format_row);

  return index < G_N_ELEMENTS (formats) ? index : 0;
}

/* CSV and JSON hold numbers only, and only PNG has pixels to scale. */
static void
on_format_changed (SdExportDialog *self)
{
  SdExportFormat format = formats[get_format_index (self)].format;

  g_assert (SD_IS_EXPORT_DIALOG (self));

  gtk_widget_set_sensitive (self->figure_group,
                            format != SD_EXPORT_CSV && format != SD_EXPORT_JSON);
  gtk_widget_set_sensitive (self->scale_row, format == SD_EXPORT_PNG);
}

/**
 * sd_export_dialog_get_options:
 * @self: a #SdExportDialog
 * @format: (out) (optional): the chosen format
 * @options: (out) (optional): the options, as `saddle --export` takes them
 */
void
sd_export_dialog_get_options (SdExportDialog  *self,
                              SdExportFormat  *format,
                              SdExportOptions *options)
{
  g_return_if_fail (SD_IS_EXPORT_DIALOG (self));

  if (format != NULL)
    *format = formats[get_format_index (self)].format;

  if (options != NULL)
    {
      sd_export_options_init (options);
      options->figure.width = gtk_spin_button_get_value (self->width_spin);
      options->figure.height = gtk_spin_button_get_value (self->height_spin);
      options->figure.theme = adw_combo_row_get_selected (ADW_COMBO_ROW (self->theme_row));
      if (options->figure.theme >= SD_N_THEMES)
        options->figure.theme = SD_THEME_LIGHT;
      options->figure.transparent = gtk_switch_get_active (self->transparent_switch);
      options->scale = gtk_spin_button_get_value (self->scale_spin);
    }
}

static void
set_busy (SdExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_error (SdExportDialog *self,
            const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export Figure"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SdExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sd_scene_io_export_finish (result, &error))
    {
      /* Closing the dialog cancels its export: nobody waits for news. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[EXPORTED], 0, self->target);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * sd_export_dialog_export_to_file:
 * @self: a #SdExportDialog
 * @file: where to write
 *
 * Exports the scene with the dialog's settings, as the file chooser's
 * response does. A file whose extension names another format gets the
 * chosen format's extension appended, so the file holds what the dialog
 * says. The work runs in a thread; #SdExportDialog::exported is emitted
 * and the dialog closes when the file is written, and an error is shown
 * in a message dialog over this one.
 */
void
sd_export_dialog_export_to_file (SdExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(GFile) target = NULL;
  g_autofree char *basename = NULL;
  SdExportOptions options;
  SdExportFormat format, file_format;

  g_return_if_fail (SD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  sd_export_dialog_get_options (self, &format, &options);

  basename = g_file_get_basename (file);
  if (sd_export_format_from_path (basename, &file_format, NULL) && file_format == format)
    target = g_object_ref (file);
  else
    {
      g_autofree char *name = g_strconcat (basename, ".",
                                           formats[get_format_index (self)].extension, NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      target = g_file_get_child (parent, name);
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->target, target);
  set_busy (self, TRUE);
  sd_scene_io_export_async (self->scene, target, &options, self->cancellable,
                            on_exported, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     SdExportDialog  *self)
{
  g_assert (SD_IS_EXPORT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      sd_export_dialog_export_to_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
on_export_clicked (SdExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  guint index = get_format_index (self);
  g_autofree char *name = NULL;

  g_assert (SD_IS_EXPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, gtk_string_list_get_string (
    GTK_STRING_LIST (adw_combo_row_get_model (self->format_row)), index));
  gtk_file_filter_add_mime_type (filter, formats[index].mime_type);
  gtk_file_filter_add_suffix (filter, formats[index].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = g_strconcat (self->name, ".", formats[index].extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
sd_export_dialog_dispose (GObject *object)
{
  SdExportDialog *self = SD_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->target);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (sd_export_dialog_parent_class)->dispose (object);
}

static void
sd_export_dialog_finalize (GObject *object)
{
  SdExportDialog *self = SD_EXPORT_DIALOG (object);

  g_clear_pointer (&self->scene, sd_scene_free);
  g_free (self->name);

  G_OBJECT_CLASS (sd_export_dialog_parent_class)->finalize (object);
}

/* Binds the template child NAME to the field of SdExportDialog named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdExportDialog, name)

static void
sd_export_dialog_class_init (SdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_export_dialog_dispose;
  object_class->finalize = sd_export_dialog_finalize;

  /**
   * SdExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   *
   * Emitted when the figure was written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/export-dialog.ui");
  BIND_CHILD (export_button);
  BIND_CHILD (spinner);
  BIND_CHILD (format_row);
  BIND_CHILD (figure_group);
  BIND_CHILD (width_row);
  BIND_CHILD (height_row);
  BIND_CHILD (scale_row);
  BIND_CHILD (theme_row);
  BIND_CHILD (transparent_row);
  BIND_CHILD (width_spin);
  BIND_CHILD (height_spin);
  BIND_CHILD (scale_spin);
  BIND_CHILD (transparent_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_export_dialog_init (SdExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_format_changed (self);
}

/**
 * sd_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @scene: the scene to export; the dialog keeps a copy, so the figure is
 *   the scene as it was when the dialog opened
 * @name: the scene's name, which the suggested file name starts with
 *
 * Returns: (transfer none): a new dialog, not shown yet; like every
 *   window it belongs to GTK until it is destroyed
 */
SdExportDialog *
sd_export_dialog_new (GtkWindow     *parent,
                      const SdScene *scene,
                      const char    *name)
{
  SdExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SD_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->scene = sd_scene_copy (scene);
  self->name = g_strdup (name);

  return self;
}
