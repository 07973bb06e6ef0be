/* test-window.c: the main window, its menu, dialogs and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "application.h"
#include "landscape-canvas.h"
#include "landscape-page.h"
#include "placeholder-page.h"
#include "loss-chart.h"
#include "plot.h"
#include "preferences-window.h"
#include "window.h"

#include "ui-test-landscape.h"
#include "ui-test-utils.h"

static SdApplication *app;

static SdWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
    }

  g_assert_true (SD_IS_WINDOW (window));
  return SD_WINDOW (window);
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static SdPage *
get_frame (SdWindow   *window,
           const char *page)
{
  g_autofree char *name = g_strconcat (page, "_page", NULL);

  return SD_PAGE (template_child (window, SD_TYPE_WINDOW, name));
}

static const char * const pages[] = { "landscape", "transform", "probability" };

static void
test_pages (UiTestWindow  *fixture,
           gconstpointer  data)
{
  SdWindow *window = get_window ();
  AdwViewStack *stack = template_child (window, SD_TYPE_WINDOW, "stack");
  static const char * const titles[] = { "Landscape", "Transform", "Probability" };

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) != NULL
                   ? "content" : NULL, ==, "content");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, pages[i]);
      AdwViewStackPage *page = adw_view_stack_get_page (stack, child);
      SdPage *frame = get_frame (window, pages[i]);
      GtkWidget *content = sd_page_get_content (frame);

      g_assert_true (child == GTK_WIDGET (frame));
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      ui_test_spin ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i]);
      g_assert_true (gtk_widget_get_mapped (content));

      /* Every page is its own frame: none sits inside another. */
      g_assert_null (gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (frame)),
                                              SD_TYPE_PAGE));

      /* The Landscape page is built: its sidebar has its controls. */
      if (g_str_equal (pages[i], "landscape"))
        {
          g_assert_true (SD_IS_LANDSCAPE_PAGE (frame));
          g_assert_true (sd_page_get_sidebar_shown (frame));
          continue;
        }

      /* An empty page explains itself. */
      g_assert_true (ADW_IS_STATUS_PAGE (content));
      g_assert_cmpuint (strlen (adw_status_page_get_title (ADW_STATUS_PAGE (content))), >, 0);
      g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (content))), >, 40);

      /* No controls exist yet, so no empty sidebar is shown. */
      g_assert_true (sd_page_get_sidebar_visible (frame));
      g_assert_null (sd_page_get_sidebar (frame));
      g_assert_false (sd_page_get_sidebar_shown (frame));
    }
}

static void
test_show_page_shortcuts (UiTestWindow  *fixture,
                         gconstpointer  data)
{
  SdWindow *window = get_window ();
  AdwViewStack *stack = template_child (window, SD_TYPE_WINDOW, "stack");
  static const guint keys[] = { GDK_KEY_3, GDK_KEY_2, GDK_KEY_1 };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (ui_test_activate_binding (GTK_WIDGET (window), keys[i], GDK_ALT_MASK));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==,
                       pages[G_N_ELEMENTS (pages) - 1 - i]);
    }
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_sidebar_frame (UiTestWindow  *fixture,
                   gconstpointer  data)
{
  SdPage *frame = g_object_ref_sink (SD_PAGE (sd_placeholder_page_new (SD_SCENE_TRANSFORM)));
  GtkWidget *controls = gtk_label_new ("controls");
  guint notified = 0;

  g_signal_connect_swapped (frame, "notify::sidebar-visible", G_CALLBACK (count_notify), &notified);

  sd_page_set_sidebar (frame, controls);
  g_assert_true (sd_page_get_sidebar (frame) == controls);
  g_assert_true (sd_page_get_sidebar_shown (frame));

  sd_page_set_sidebar_visible (frame, FALSE);
  sd_page_set_sidebar_visible (frame, FALSE);
  g_assert_false (sd_page_get_sidebar_shown (frame));
  g_assert_cmpuint (notified, ==, 1);

  sd_page_set_sidebar_visible (frame, TRUE);
  g_assert_true (sd_page_get_sidebar_shown (frame));
  g_assert_cmpuint (notified, ==, 2);

  sd_page_set_sidebar (frame, NULL);
  g_assert_false (sd_page_get_sidebar_shown (frame));

  g_assert_finalize_object (frame);
}

typedef struct {
  const char *label;
  const char *action;
  const char *accel;
  gboolean    enabled;
} MenuEntry;

/* The primary menu as the issue lists it, every item available. */
static const MenuEntry menu_entries[] = {
  { "_Open Scene…", "win.open", "<Control>o", TRUE },
  { "_Save Scene As…", "win.save-as", "<Shift><Control>s", TRUE },
  { "_Export Figure…", "win.export", "<Control>e", TRUE },
  { "_Presentation Mode", "win.presentation", "F5", TRUE },
  { "_Preferences", "app.preferences", "<Control>comma", TRUE },
  { "_Keyboard Shortcuts", "win.show-help-overlay", "<Control>question", TRUE },
  { "_About Saddle", "app.about", NULL, TRUE },
};

static gboolean
class_has_action (GtkWidget  *widget,
                  const char *detailed)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property);
       i++)
    {
      if (g_str_equal (name, detailed))
        return TRUE;
    }

  return FALSE;
}

/* An action is available to the menu when the window's class installs it
 * or an action group on the way up (the window's, the application's) holds it
 * enabled. The menu shows every other item insensitive. */
static gboolean
action_available (SdWindow   *window,
                  const char *detailed)
{
  GActionGroup *group;
  const char *name = strchr (detailed, '.') + 1;

  if (class_has_action (GTK_WIDGET (window), detailed))
    return TRUE;

  if (g_str_has_prefix (detailed, "app."))
    group = G_ACTION_GROUP (app);
  else
    group = G_ACTION_GROUP (window);

  return g_action_group_has_action (group, name)
         && g_action_group_get_action_enabled (group, name);
}

static void
test_primary_menu (UiTestWindow  *fixture,
                  gconstpointer  data)
{
  SdWindow *window = get_window ();
  GtkMenuButton *button = template_child (window, SD_TYPE_WINDOW, "primary_menu_button");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  guint entry = 0;

  g_assert_true (gtk_menu_button_get_primary (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Main Menu");

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++, entry++)
        {
          g_autofree char *label = NULL;
          g_autofree char *action = NULL;
          g_auto(GStrv) accels = NULL;
          const MenuEntry *expected = &menu_entries[entry];

          g_assert_cmpuint (entry, <, G_N_ELEMENTS (menu_entries));
          g_assert_true (g_menu_model_get_item_attribute (section, i, "label", "s", &label));
          g_assert_true (g_menu_model_get_item_attribute (section, i, "action", "s", &action));
          g_assert_cmpstr (label, ==, expected->label);
          g_assert_cmpstr (action, ==, expected->action);
          g_assert_cmpint (action_available (window, action), ==, expected->enabled);

          accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);
          g_assert_cmpstr (accels[0], ==, expected->accel);
        }
    }

  g_assert_cmpuint (entry, ==, G_N_ELEMENTS (menu_entries));
}

static void
assert_sidebars_visible (SdWindow *window,
                         gboolean  visible)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_cmpint (sd_page_get_sidebar_visible (get_frame (window, pages[i])), ==, visible);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The loss chart under the canvas grows with it in presentation mode. */
static double
loss_chart_font_size (SdWindow *window)
{
  GtkWidget *chart = find_widget (GTK_WIDGET (window), SD_TYPE_LOSS_CHART);
  const SdPlot *plot;

  g_assert_nonnull (chart);
  plot = sd_loss_chart_get_plot (SD_LOSS_CHART (chart), 600, 160);
  g_assert_nonnull (plot);
  return sd_plot_get_style (plot)->font_size;
}

/* A window closed while presenting can hear from the window manager that
 * fullscreen ended after it let go of its widgets; leaving presentation
 * mode then does nothing, with no critical. */
static void
test_presentation_after_close (UiTestWindow  *fixture,
                               gconstpointer  data)
{
  SdWindow *window = g_object_ref (get_window ());

  sd_window_set_presentation_mode (window, TRUE);
  ui_test_spin ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_run_dispose (G_OBJECT (window));
  sd_window_set_presentation_mode (window, FALSE);
  g_object_notify (G_OBJECT (window), "fullscreened");
  g_assert_finalize_object (window);
}

static void
test_presentation_mode (UiTestWindow  *fixture,
                       gconstpointer  data)
{
  SdWindow *window = get_window ();
  double normal_size;

  g_assert_false (sd_window_get_presentation_mode (window));
  assert_sidebars_visible (window, TRUE);
  g_assert_cmpfloat (sd_window_get_figure_scale (window), ==, 1.0);
  normal_size = loss_chart_font_size (window);

  /* Enter with the action the menu item and F5 activate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  ui_test_spin ();
  g_assert_true (sd_window_get_presentation_mode (window));
  g_assert_cmpfloat (sd_window_get_figure_scale (window), ==, 1.5);
  g_assert_cmpfloat_with_epsilon (loss_chart_font_size (window), 1.5 * normal_size, 1e-9);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  assert_sidebars_visible (window, FALSE);

  /* Esc leaves it... */
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  ui_test_spin ();
  g_assert_false (sd_window_get_presentation_mode (window));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  assert_sidebars_visible (window, TRUE);

  /* ...and is left alone otherwise, so dialogs and entries still get it. */
  g_assert_false (ui_test_activate_binding (GTK_WIDGET (window), GDK_KEY_Escape, 0));

  /* F5 toggles both ways. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  g_assert_false (sd_window_get_presentation_mode (window));
  assert_sidebars_visible (window, TRUE);
}

static void
assert_setting_string (GSettings  *settings,
                       const char *key,
                       const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

/* Whether any label under @widget is cut short with an ellipsis. */
static gboolean
has_ellipsized_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      g_test_message ("“%s” is cut short", gtk_label_get_text (GTK_LABEL (widget)));
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_ellipsized_label (child))
      return TRUE;

  return FALSE;
}

static void
test_preferences (UiTestWindow  *fixture,
                 gconstpointer  data)
{
  SdWindow *window = get_window ();
  GSettings *settings = sd_application_get_settings (app);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWindow *preferences;
  AdwComboRow *scheme_row, *map_row;
  GtkAdjustment *scale;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  ui_test_spin ();
  preferences = ui_test_find_toplevel (SD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preferences)));

  scheme_row = template_child (preferences, SD_TYPE_PREFERENCES_WINDOW, "color_scheme_row");
  map_row = template_child (preferences, SD_TYPE_PREFERENCES_WINDOW, "color_map_row");
  scale = template_child (preferences, SD_TYPE_PREFERENCES_WINDOW, "presentation_scale_adjustment");

  /* Every row reads in full, the chosen color map's name included. */
  g_assert_false (has_ellipsized_label (GTK_WIDGET (preferences)));

  /* The rows start from the settings... */
  g_assert_cmpuint (adw_combo_row_get_selected (scheme_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (map_row), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (scale), ==, 1.5);

  /* ...write them, and the style follows at once. */
  adw_combo_row_set_selected (scheme_row, 2);
  assert_setting_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  adw_combo_row_set_selected (scheme_row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  adw_combo_row_set_selected (map_row, 5);
  g_assert_cmpint (g_settings_get_enum (settings, "color-map"), ==, 5);
  assert_setting_string (settings, "color-map", "coolwarm");

  gtk_adjustment_set_value (scale, 2.25);
  g_assert_cmpfloat (g_settings_get_double (settings, "presentation-scale"), ==, 2.25);

  /* A change made elsewhere shows in the open window. */
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpuint (adw_combo_row_get_selected (scheme_row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  ui_test_close_and_wait (preferences);

  g_settings_reset (settings, "color-map");
  g_settings_reset (settings, "presentation-scale");
}

static void
test_about (UiTestWindow  *fixture,
           gconstpointer  data)
{
  SdWindow *window = get_window ();
  GtkWindow *about;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  ui_test_spin ();
  about = ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Saddle");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  /* No invented addresses. */
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, "");
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==, "");

  ui_test_close_and_wait (about);
}

static void
test_shortcuts_window (UiTestWindow  *fixture,
                      gconstpointer  data)
{
  SdWindow *window = get_window ();
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_spin ();
  shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  /* The overlay belongs to the main window and is hidden, not destroyed. */
  gtk_window_close (shortcuts);
  ui_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
}

/* Documented shortcuts */

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (shortcuts, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static void
collect_mnemonics (GtkWidget *widget,
                   GArray    *keyvals)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        g_array_append_val (keyvals, keyval);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, keyvals);
}

static void
show_page_named (SdWindow   *window,
                 const char *name)
{
  AdwViewStack *stack = template_child (window, SD_TYPE_WINDOW, "stack");

  adw_view_stack_set_visible_child_name (stack, name);
  ui_test_spin ();
}

static const char *
visible_page (SdWindow *window)
{
  return adw_view_stack_get_visible_child_name (template_child (window, SD_TYPE_WINDOW, "stack"));
}

/* Alt+1, 2 and 3 show their page from every page, and no mnemonic of any
 * page takes those keys first (the 3-D button's once did). */
static void
check_page_key (SdWindow        *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  const char *target = pages[keyval - GDK_KEY_1];

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GArray) mnemonics = g_array_new (FALSE, FALSE, sizeof (guint));

      show_page_named (window, pages[i]);
      collect_mnemonics (GTK_WIDGET (get_frame (window, pages[i])), mnemonics);
      for (guint m = 0; m < mnemonics->len; m++)
        g_assert_cmpuint (g_array_index (mnemonics, guint, m), !=, keyval);

      g_assert_true (ui_test_activate_binding (GTK_WIDGET (window), keyval, modifiers));
      g_assert_cmpstr (visible_page (window), ==, target);
    }
}

static void
check_escape (SdWindow        *window,
              guint            keyval,
              GdkModifierType  modifiers)
{
  sd_window_set_presentation_mode (window, TRUE);
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (window), keyval, modifiers));
  g_assert_false (sd_window_get_presentation_mode (window));
}

static void
check_playback_key (SdWindow        *window,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  SdLandscapePage *page = SD_LANDSCAPE_PAGE (get_frame (window, "landscape"));
  SdPlayback *playback = sd_landscape_page_get_playback (page);
  guint before;

  show_page_named (window, "landscape");
  sd_playback_set_iteration (playback, 10);
  before = sd_playback_get_iteration (playback);
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (page), keyval, modifiers));

  switch (keyval)
    {
    case GDK_KEY_space:
      g_assert_true (sd_playback_get_playing (playback));
      sd_playback_set_playing (playback, FALSE);
      break;
    case GDK_KEY_Right:
      g_assert_cmpuint (sd_playback_get_iteration (playback), ==, before + 1);
      break;
    case GDK_KEY_Left:
      g_assert_cmpuint (sd_playback_get_iteration (playback), ==, before - 1);
      break;
    case GDK_KEY_Home:
      g_assert_cmpuint (sd_playback_get_iteration (playback), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Zooming and panning change the map's range the documented way. */
static void
check_view_key (SdWindow        *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  SdLandscapePage *page = SD_LANDSCAPE_PAGE (get_frame (window, "landscape"));
  SdLandscapeModel *model = sd_landscape_page_get_model (page);
  GtkWidget *canvas = GTK_WIDGET (ui_test_landscape_canvas (page));
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (model));
  double before[4] = { surface->x_range[0], surface->x_range[1],
                       surface->y_range[0], surface->y_range[1] };
  double width = before[1] - before[0];

  show_page_named (window, "landscape");
  g_assert_true (ui_test_activate_binding (canvas, keyval, modifiers));
  surface = sd_scene_get_surface (sd_landscape_model_get_scene (model));

  switch (keyval)
    {
    case GDK_KEY_plus:
      g_assert_cmpfloat (surface->x_range[1] - surface->x_range[0], <, width);
      break;
    case GDK_KEY_minus:
      g_assert_cmpfloat (surface->x_range[1] - surface->x_range[0], >, width);
      break;
    case GDK_KEY_0:
      g_assert_true (ui_test_activate_binding (canvas, GDK_KEY_plus, 0));
      g_assert_true (ui_test_activate_binding (canvas, keyval, modifiers));
      surface = sd_scene_get_surface (sd_landscape_model_get_scene (model));
      g_assert_cmpfloat (surface->x_range[1] - surface->x_range[0], ==, 4.0);
      break;
    case GDK_KEY_Left:
      g_assert_cmpfloat (surface->x_range[0], <, before[0]);
      break;
    case GDK_KEY_Right:
      g_assert_cmpfloat (surface->x_range[0], >, before[0]);
      break;
    case GDK_KEY_Up:
      g_assert_cmpfloat (surface->y_range[0], >, before[2]);
      break;
    case GDK_KEY_Down:
      g_assert_cmpfloat (surface->y_range[0], <, before[2]);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_menu_key (SdWindow        *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  GtkMenuButton *button = template_child (window, SD_TYPE_WINDOW, "primary_menu_button");
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  g_assert_true (gtk_menu_button_get_primary (button));
  g_assert_true (ui_test_activate_binding (GTK_WIDGET (window), keyval, modifiers));
  ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

typedef void (*ShortcutCheck) (SdWindow        *window,
                               guint            keyval,
                               GdkModifierType  modifiers);

/* Every shortcut the shortcuts window lists does what it says: the keys
 * it names by accelerator are pressed (as the key would reach its
 * widget) and their effect checked; those it names by action have the
 * application's accelerators. A shortcut added to the window without a
 * check here fails the test. */
static void
test_documented_shortcuts (UiTestWindow  *fixture,
                           gconstpointer  data)
{
  static const struct {
    const char   *accelerator;
    ShortcutCheck check;
  } checks[] = {
    { "<Alt>1", check_page_key },
    { "<Alt>2", check_page_key },
    { "<Alt>3", check_page_key },
    { "Escape", check_escape },
    { "space", check_playback_key },
    { "Right", check_playback_key },
    { "Left", check_playback_key },
    { "Home", check_playback_key },
    { "plus", check_view_key },
    { "minus", check_view_key },
    { "0", check_view_key },
    { "<Shift>Left <Shift>Right Up Down", check_view_key },
    { "F10", check_menu_key },
  };
  SdWindow *window = get_window ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH
                                                                 "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  guint checked = 0;

  g_assert_nonnull (overlay);
  collect_shortcuts (overlay, shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, 20);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL, *action = NULL, *title = NULL;
      gboolean found = FALSE;

      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator,
                    "action-name", &action, "title", &title, NULL);
      g_test_message ("%s: %s", title, accelerator != NULL ? accelerator : action);

      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                        action);

          g_assert_nonnull (accels);
          g_assert_nonnull (accels[0]);
          checked++;
          continue;
        }

      for (guint c = 0; c < G_N_ELEMENTS (checks) && !found; c++)
        {
          g_auto(GStrv) keys = NULL;

          if (g_strcmp0 (checks[c].accelerator, accelerator) != 0)
            continue;

          keys = g_strsplit (accelerator, " ", -1);
          for (guint k = 0; keys[k] != NULL; k++)
            {
              guint keyval;
              GdkModifierType modifiers;

              g_assert_true (gtk_accelerator_parse (keys[k], &keyval, &modifiers));
              checks[c].check (window, keyval, modifiers);
            }
          found = TRUE;
          checked++;
        }

      if (!found)
        g_error ("no check for the documented shortcut “%s” (%s)", title, accelerator);
    }

  g_assert_cmpuint (checked, ==, shortcuts->len);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static gboolean
is_sidebar_hidden (gpointer page)
{
  return !sd_page_get_sidebar_shown (page);
}

/* The header bar's sidebar button (F9) shows and hides the visible page's
 * sidebar at any width: a window too narrow for sidebar and figure side
 * by side folds the sidebar away, and the button brings it back over the
 * figure. A page without controls has no sidebar to show. */
static void
test_sidebar_toggle (UiTestWindow  *fixture,
                     gconstpointer  data)
{
  SdWindow *window = get_window ();
  SdPage *page = get_frame (window, "landscape");
  GtkWidget *button = template_child (window, SD_TYPE_WINDOW, "sidebar_button");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.show-sidebar");

  g_assert_cmpstr (accels[0], ==, "F9");
  show_page_named (window, "landscape");
  g_assert_true (sd_page_get_sidebar_shown (page));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  ui_test_spin ();
  g_assert_false (sd_page_get_sidebar_shown (page));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  ui_test_spin ();
  g_assert_true (sd_page_get_sidebar_shown (page));

  /* Narrow: folded away, and back at a press. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  g_assert_true (ui_test_wait_for (is_sidebar_hidden, page));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  ui_test_spin ();
  g_assert_true (sd_page_get_sidebar_shown (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  ui_test_spin ();

  show_page_named (window, "transform");
  g_assert_false (gtk_widget_get_sensitive (button));
  show_page_named (window, "landscape");
  g_assert_true (gtk_widget_get_sensitive (button));
}

static void
test_window_size_restored (UiTestWindow  *fixture,
                          gconstpointer  data)
{
  SdWindow *window = get_window ();
  GSettings *settings = sd_application_get_settings (app);
  SdWindow *second;
  int width, height;

  /* Closing saves the size... */
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  ui_test_close_and_wait (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* ...and a new window starts with it. */
  g_settings_set_int (settings, "window-width", 900);
  second = sd_window_new (GTK_APPLICATION (app), sd_application_get_settings (app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 777);
  gtk_window_present (GTK_WINDOW (second));
  ui_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_require_display ();

  gtk_test_init (&argc, &argv, NULL);

  app = sd_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  ui_test_use_application (app);

#define ADD(path, func) \
  g_test_add (path, UiTestWindow, NULL, ui_test_window_setup, func, ui_test_window_teardown)

  ADD ("/ui/window/pages", test_pages);
  ADD ("/ui/window/show-page-shortcuts", test_show_page_shortcuts);
  ADD ("/ui/window/page-frame", test_sidebar_frame);
  ADD ("/ui/window/primary-menu", test_primary_menu);
  ADD ("/ui/window/presentation-mode", test_presentation_mode);
  ADD ("/ui/window/presentation-after-close", test_presentation_after_close);
  ADD ("/ui/dialogs/preferences", test_preferences);
  ADD ("/ui/dialogs/about", test_about);
  ADD ("/ui/dialogs/shortcuts", test_shortcuts_window);
  ADD ("/ui/window/documented-shortcuts", test_documented_shortcuts);
  ADD ("/ui/window/sidebar-toggle", test_sidebar_toggle);
  ADD ("/ui/window/size-restored", test_window_size_restored);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
