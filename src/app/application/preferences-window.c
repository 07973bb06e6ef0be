/* preferences-window.c: style, default colour map and presentation scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "preferences-window.h"

struct _SdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *color_scheme_row;
  AdwComboRow          *color_map_row;
  GtkAdjustment        *presentation_scale_adjustment;
};

G_DEFINE_FINAL_TYPE (SdPreferencesWindow, sd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows list the values of a settings enumeration in the schema's order,
 * so a row's position is the enumeration's value. */
static gboolean
enum_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nicks[i], nick))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
bind_enum_row (GSettings          *settings,
               const char         *key,
               AdwComboRow        *row,
               const char * const *nicks)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_to_position, position_to_enum, (gpointer) nicks, NULL);
}

static void
sd_preferences_window_constructed (GObject *object)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);
  static const char * const color_schemes[] = { "default", "light", "dark", NULL };
  static const char * const color_maps[] = {
    "viridis", "magma", "inferno", "plasma", "cividis", "coolwarm", "grayscale", NULL
  };

  G_OBJECT_CLASS (sd_preferences_window_parent_class)->constructed (object);

  bind_enum_row (self->settings, "color-scheme", self->color_scheme_row, color_schemes);
  bind_enum_row (self->settings, "color-map", self->color_map_row, color_maps);
  g_settings_bind (self->settings, "presentation-scale",
                   self->presentation_scale_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
sd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_preferences_window_dispose (GObject *object)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_preferences_window_parent_class)->dispose (object);
}

/* Binds the template child NAME to the field of SdPreferencesWindow named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, name)

static void
sd_preferences_window_class_init (SdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_preferences_window_constructed;
  object_class->dispose = sd_preferences_window_dispose;
  object_class->set_property = sd_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/preferences-window.ui");
  BIND_CHILD (color_scheme_row);
  BIND_CHILD (color_map_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow,
                                        presentation_scale_adjustment);
}

static void
sd_preferences_window_init (SdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sd_preferences_window_new:
 * @settings: the application's settings, which the rows edit directly
 *
 * Returns: (transfer full): a new preferences window
 */
SdPreferencesWindow *
sd_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SD_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
