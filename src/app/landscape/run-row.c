/* run-row.c: one optimizer run's controls in the Landscape page's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "run-color.h"
#include "run-row.h"
#include "scroll-guard.h"

/* The learning-rate slider covers these powers of ten. */
#define LOG_RATE_MIN (-5.0)
#define LOG_RATE_MAX 1.0

struct _SdRunRow
{
  AdwExpanderRow    parent_instance;

  SdLandscapeModel *model;
  guint             index;
  gboolean          syncing;
  SdOptimizerKind   built_kind;
  GHashTable       *param_spins;   /* key -> GtkSpinButton, (element-type utf8 GtkWidget) */
  char             *error;

  GtkColorButton   *color_button;
  GtkToggleButton  *visible_button;
  AdwEntryRow      *name_row;
  AdwComboRow      *optimizer_row;
  GtkLabel         *learning_rate_label;
  GtkEntry         *learning_rate_entry;
  GtkScale         *learning_rate_scale;
  GtkAdjustment    *learning_rate_adjustment;
  GtkWidget        *params_row;
  GtkGrid          *params_grid;
  GtkSpinButton    *steps_spin;
  GtkWidget        *error_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SdRunRow, sd_run_row, ADW_TYPE_EXPANDER_ROW)

static const SdSceneRun *
get_run (SdRunRow *self)
{
  const SdScene *scene = sd_landscape_model_get_scene (self->model);

  if (self->index >= sd_scene_get_surface (scene)->runs->len)
    return NULL;

  return g_ptr_array_index (sd_scene_get_surface (scene)->runs, self->index);
}

static const char *
param_label (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "momentum", N_("Momentum") },
    { "alpha", N_("Smoothing α") },
    { "beta1", N_("β₁") },
    { "beta2", N_("β₂") },
    { "epsilon", N_("ε") },
    { "weight-decay", N_("Weight decay") },
    { "damping", N_("Damping") },
    { "batch-size", N_("Batch size") },
    { "seed", N_("Seed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);

  return key;
}

/* The GSL methods read the learning rate as something else; the row says
 * what (see SdOptimizerParams). */
static const char *
learning_rate_title (SdOptimizerKind kind)
{
  switch (kind)
    {
    case SD_OPTIMIZER_NEWTON:
      return _("_Step fraction");
    case SD_OPTIMIZER_BFGS:
    case SD_OPTIMIZER_CONJUGATE_GRADIENT:
      return _("_First step");
    case SD_OPTIMIZER_NELDER_MEAD:
      return _("_Simplex size");
    default:
      return _("_Learning rate");
    }
}

static void
show_error (SdRunRow   *self,
            const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_row, message != NULL);
}

static gboolean
apply_param (SdRunRow   *self,
             const char *key,
             double      value)
{
  g_autoptr(GError) error = NULL;

  if (!sd_landscape_model_set_run_param (self->model, self->index, key, value, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

/* Hyperparameters span from 1e-8 to thousands; "%g" shows each exactly
 * where fixed digits would show 0.0000. */
static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%g", gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end;

  *value = g_strtod (text, &end);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;

  return TRUE;
}

static void
on_param_changed (GtkSpinButton *spin,
                  SdRunRow      *self)
{
  g_assert (SD_IS_RUN_ROW (self));

  if (self->syncing || self->model == NULL)
    return;

  apply_param (self, g_object_get_data (G_OBJECT (spin), "sd-key"),
               gtk_spin_button_get_value (spin));
}

static GtkWidget *
create_param_spin (SdRunRow   *self,
                   const char *key)
{
  gboolean integral = g_str_equal (key, "batch-size") || g_str_equal (key, "seed");
  /* Wide bounds on purpose: a value out of a key's domain reaches the
   * engine, whose message then says what the rule is. */
  GtkAdjustment *adjustment = gtk_adjustment_new (0.0, integral ? 0.0 : -1e6,
                                                  integral ? G_MAXUINT32 : 1e6,
                                                  integral ? 1.0 : 0.01,
                                                  integral ? 10.0 : 0.1, 0.0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 0.0, integral ? 0 : 10);

  g_object_set_data_full (G_OBJECT (spin), "sd-key", g_strdup (key), g_free);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 9);
  gtk_widget_set_halign (spin, GTK_ALIGN_END);
  if (!integral)
    {
      g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (on_spin_input), NULL);
    }
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_param_changed), self);
  sd_scroll_guard_widget (spin);

  return spin;
}

/* Only the keys the optimizer reads get a row; learning-rate has its own. */
static void
build_params (SdRunRow        *self,
              SdOptimizerKind  kind)
{
  const char * const *keys = sd_optimizer_kind_get_keys (kind);
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->params_grid))) != NULL)
    gtk_grid_remove (self->params_grid, child);
  g_hash_table_remove_all (self->param_spins);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *label, *spin;

      if (g_str_equal (keys[i], "learning-rate"))
        continue;

      spin = create_param_spin (self, keys[i]);
      label = gtk_label_new (param_label (keys[i]));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

      gtk_grid_attach (self->params_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->params_grid, spin, 1, row, 1, 1);
      g_hash_table_insert (self->param_spins, g_strdup (keys[i]), spin);
      row++;
    }

  gtk_widget_set_visible (self->params_row, row > 0);
  gtk_label_set_text_with_mnemonic (self->learning_rate_label, learning_rate_title (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->learning_rate_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->learning_rate_label), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->learning_rate_scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->learning_rate_label), -1);
  self->built_kind = kind;
}

static void
set_learning_rate_widgets (SdRunRow *self,
                           double    learning_rate)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%g", learning_rate);
  gtk_editable_set_text (GTK_EDITABLE (self->learning_rate_entry), text);
  if (learning_rate > 0.0)
    gtk_adjustment_set_value (self->learning_rate_adjustment,
                              CLAMP (log10 (learning_rate), LOG_RATE_MIN, LOG_RATE_MAX));
}

/**
 * sd_run_row_sync:
 * @self: a #SdRunRow
 *
 * Shows the model's run at the row's index.
 */
void
sd_run_row_sync (SdRunRow *self)
{
  g_autofree char *subtitle = NULL;
  const SdSceneRun *run;
  GHashTableIter iter;
  gpointer key, spin;
  GdkRGBA rgba;
  double color[4];

  g_return_if_fail (SD_IS_RUN_ROW (self));

  run = get_run (self);
  if (run == NULL)
    return;

  self->syncing = TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.duplicate",
                                 sd_landscape_model_can_add_run (self->model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), run->name);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), run->name);
  /* Translators: a run's subtitle: its optimizer and its number of steps */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u step", "%s · %u steps",
                                           run->steps),
                              sd_optimizer_kind_get_label (run->params.kind), run->steps);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  sd_run_get_color (run, self->index, color);
  rgba = (GdkRGBA) { color[0], color[1], color[2], 1.0 };
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  gtk_toggle_button_set_active (self->visible_button, run->visible);
  gtk_button_set_icon_name (GTK_BUTTON (self->visible_button),
                            run->visible ? "view-reveal-symbolic" : "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->visible_button),
                               run->visible ? _("Hide Run") : _("Show Run"));

  if (run->params.kind != self->built_kind)
    build_params (self, run->params.kind);
  adw_combo_row_set_selected (self->optimizer_row, run->params.kind);

  set_learning_rate_widgets (self, run->params.learning_rate);

  g_hash_table_iter_init (&iter, self->param_spins);
  while (g_hash_table_iter_next (&iter, &key, &spin))
    {
      double value = 0.0;

      sd_optimizer_params_get (&run->params, key, &value);
      gtk_spin_button_set_value (spin, value);
    }

  gtk_spin_button_set_value (self->steps_spin, run->steps);

  self->syncing = FALSE;
}

static void
on_color_set (SdRunRow *self)
{
  GdkRGBA rgba;
  double rgb[3];

  g_assert (SD_IS_RUN_ROW (self));

  if (self->model == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  rgb[0] = rgba.red, rgb[1] = rgba.green, rgb[2] = rgba.blue;
  sd_landscape_model_set_run_color (self->model, self->index, rgb);
}

/* Names label the runs in the legends, so they must be there and tell
 * the runs apart. */
static void
on_name_apply (SdRunRow *self)
{
  g_autofree char *name = NULL;
  const SdScene *scene;

  g_assert (SD_IS_RUN_ROW (self));

  if (self->model == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  scene = sd_landscape_model_get_scene (self->model);
  if (*name == '\0')
    {
      show_error (self, _("A run needs a name"));
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }

  for (guint i = 0; i < sd_scene_get_surface (scene)->runs->len; i++)
    {
      const SdSceneRun *other = g_ptr_array_index (sd_scene_get_surface (scene)->runs, i);

      if (i != self->index && g_str_equal (other->name, name))
        {
          g_autofree char *message = g_strdup_printf (_("Another run is called “%s”"), name);

          show_error (self, message);
          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
          return;
        }
    }

  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  sd_landscape_model_set_run_name (self->model, self->index, name);
}

static void
on_visible_toggled (SdRunRow *self)
{
  g_assert (SD_IS_RUN_ROW (self));

  if (self->syncing || self->model == NULL)
    return;

  sd_landscape_model_set_run_visible (self->model, self->index,
                                      gtk_toggle_button_get_active (self->visible_button));
}

static void
on_optimizer_selected (SdRunRow *self)
{
  guint selected = adw_combo_row_get_selected (self->optimizer_row);

  g_assert (SD_IS_RUN_ROW (self));

  if (self->syncing || self->model == NULL || selected >= SD_N_OPTIMIZER_KINDS)
    return;

  show_error (self, NULL);
  sd_landscape_model_set_run_optimizer (self->model, self->index, selected);
}

/* A slider lands anywhere on its log scale; what it sets is the nearest
 * number with two significant digits, a rate a person would type (0.05,
 * not 0.0501187). */
static double
round_significant (double value,
                   int    digits)
{
  double scale;

  if (!(value > 0.0) || !isfinite (value))
    return value;

  scale = pow (10.0, digits - 1 - (int) floor (log10 (value)));
  return round (value * scale) / scale;
}

static void
on_learning_rate_scale_changed (SdRunRow *self)
{
  double learning_rate;
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert (SD_IS_RUN_ROW (self));

  if (self->syncing || self->model == NULL)
    return;

  learning_rate = round_significant (pow (10.0,
                                          gtk_adjustment_get_value (self->learning_rate_adjustment)),
                                     2);
  g_snprintf (text, sizeof text, "%g", learning_rate);
  gtk_editable_set_text (GTK_EDITABLE (self->learning_rate_entry), text);
  apply_param (self, "learning-rate", learning_rate);
}

static void
on_learning_rate_activate (SdRunRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->learning_rate_entry));
  char *end;
  double value = g_strtod (text, &end);

  g_assert (SD_IS_RUN_ROW (self));

  while (*end == ' ')
    end++;
  if (end == text || *end != '\0')
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), text);

      show_error (self, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->learning_rate_entry), "error");
      return;
    }

  if (!apply_param (self, "learning-rate", value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->learning_rate_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->learning_rate_entry), "error");
  self->syncing = TRUE;
  if (value > 0.0)
    gtk_adjustment_set_value (self->learning_rate_adjustment,
                              CLAMP (log10 (value), LOG_RATE_MIN, LOG_RATE_MAX));
  self->syncing = FALSE;
}

/* Leaving the entry applies what was typed, as Enter does. */
static void
on_learning_rate_focus_leave (SdRunRow *self)
{
  const SdSceneRun *run = self->model != NULL ? get_run (self) : NULL;
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert (SD_IS_RUN_ROW (self));

  if (run == NULL)
    return;

  g_snprintf (text, sizeof text, "%g", run->params.learning_rate);
  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (self->learning_rate_entry))))
    on_learning_rate_activate (self);
}

static void
on_steps_changed (SdRunRow *self)
{
  g_assert (SD_IS_RUN_ROW (self));

  if (self->syncing || self->model == NULL)
    return;

  sd_landscape_model_set_run_steps (self->model, self->index,
                                    (guint) gtk_spin_button_get_value_as_int (self->steps_spin));
}

/* Both actions change the number of runs, and the page then rebuilds its
 * rows, this one included: the reference keeps it alive until we return. */
static void
duplicate_run (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(SdRunRow) self = g_object_ref (SD_RUN_ROW (widget));

  sd_landscape_model_duplicate_run (self->model, self->index);
}

static void
remove_run (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(SdRunRow) self = g_object_ref (SD_RUN_ROW (widget));

  sd_landscape_model_remove_run (self->model, self->index);
}

static void
sd_run_row_dispose (GObject *object)
{
  SdRunRow *self = SD_RUN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_RUN_ROW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sd_run_row_parent_class)->dispose (object);
}

static void
sd_run_row_finalize (GObject *object)
{
  SdRunRow *self = SD_RUN_ROW (object);

  g_clear_pointer (&self->param_spins, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sd_run_row_parent_class)->finalize (object);
}

/* Binds the template child NAME to the field of SdRunRow named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdRunRow, name)

static void
sd_run_row_class_init (SdRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_run_row_dispose;
  object_class->finalize = sd_run_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/run-row.ui");
  BIND_CHILD (color_button);
  BIND_CHILD (visible_button);
  BIND_CHILD (name_row);
  BIND_CHILD (optimizer_row);
  BIND_CHILD (learning_rate_label);
  BIND_CHILD (learning_rate_entry);
  BIND_CHILD (learning_rate_scale);
  BIND_CHILD (learning_rate_adjustment);
  BIND_CHILD (params_row);
  BIND_CHILD (params_grid);
  BIND_CHILD (steps_spin);
  BIND_CHILD (error_row);
  BIND_CHILD (error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_optimizer_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_learning_rate_scale_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_learning_rate_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_steps_changed);

  gtk_widget_class_install_action (widget_class, "run.duplicate", NULL, duplicate_run);
  gtk_widget_class_install_action (widget_class, "run.remove", NULL, remove_run);
}

static void
sd_run_row_init (SdRunRow *self)
{
  g_autoptr(GtkStringList) optimizers = gtk_string_list_new (NULL);
  GtkEventController *focus;

  self->built_kind = SD_N_OPTIMIZER_KINDS;
  self->param_spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  sd_scroll_guard_tree (GTK_WIDGET (self));

  for (guint i = 0; i < SD_N_OPTIMIZER_KINDS; i++)
    gtk_string_list_append (optimizers, sd_optimizer_kind_get_label (i));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->optimizer_row, G_LIST_MODEL (optimizers));
  self->syncing = FALSE;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_learning_rate_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->learning_rate_entry), focus);

  /* Marks at every power of ten; the labelled ones say where the decades are. */
  for (int p = (int) LOG_RATE_MIN; p <= (int) LOG_RATE_MAX; p++)
    {
      static const char * const labels[] = { "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "0.1", "1", "10" };

      gtk_scale_add_mark (self->learning_rate_scale, p, GTK_POS_BOTTOM,
                          (p - (int) LOG_RATE_MIN) % 2 == 0 ? labels[p - (int) LOG_RATE_MIN] : NULL);
    }
}

/**
 * sd_run_row_new:
 * @model: the page's model
 * @index: the run this row edits
 *
 * Returns: (transfer floating): a row showing the run
 */
GtkWidget *
sd_run_row_new (SdLandscapeModel *model,
                guint             index)
{
  SdRunRow *self;

  g_return_val_if_fail (SD_IS_LANDSCAPE_MODEL (model), NULL);

  self = g_object_new (SD_TYPE_RUN_ROW, NULL);
  self->model = g_object_ref (model);
  self->index = index;
  sd_run_row_sync (self);

  return GTK_WIDGET (self);
}

guint
sd_run_row_get_index (SdRunRow *self)
{
  g_return_val_if_fail (SD_IS_RUN_ROW (self), 0);

  return self->index;
}

/**
 * sd_run_row_get_error:
 * @self: a #SdRunRow
 *
 * Returns: (transfer none) (nullable): the message shown for the last
 *   rejected value, %NULL when the last edit was accepted
 */
const char *
sd_run_row_get_error (SdRunRow *self)
{
  g_return_val_if_fail (SD_IS_RUN_ROW (self), NULL);

  return self->error;
}

/**
 * sd_run_row_get_param_widget:
 * @self: a #SdRunRow
 * @key: a hyperparameter key
 *
 * Returns: (transfer none) (nullable): the spin button for @key, the
 *   learning-rate scale for "learning-rate", %NULL if the optimizer does not
 *   use @key
 */
GtkWidget *
sd_run_row_get_param_widget (SdRunRow   *self,
                             const char *key)
{
  g_return_val_if_fail (SD_IS_RUN_ROW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "learning-rate"))
    return GTK_WIDGET (self->learning_rate_scale);

  return g_hash_table_lookup (self->param_spins, key);
}
