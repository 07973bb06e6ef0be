/* page-frame.c: the frame every page shares, a sidebar for controls beside the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "page-frame.h"

struct _SdPageFrame
{
  AdwBin     parent_instance;

  AdwFlap   *flap;
  GtkWidget *sidebar_box;
  GtkWidget *sidebar;
  gboolean   sidebar_visible;
};

G_DEFINE_FINAL_TYPE (SdPageFrame, sd_page_frame, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A page whose controls are not built yet has no sidebar; showing an empty
 * panel there would promise controls that do not exist. */
static void
update_flap (SdPageFrame *self)
{
  gboolean shown = self->sidebar_visible && self->sidebar != NULL;

  gtk_widget_set_visible (self->sidebar_box, self->sidebar != NULL);
  adw_flap_set_reveal_flap (self->flap, shown);
}

static void
sd_page_frame_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SdPageFrame *self = SD_PAGE_FRAME (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_value_set_object (value, self->sidebar);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, sd_page_frame_get_content (self));
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_page_frame_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SdPageFrame *self = SD_PAGE_FRAME (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      sd_page_frame_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      sd_page_frame_set_content (self, g_value_get_object (value));
      break;
    case PROP_SIDEBAR_VISIBLE:
      sd_page_frame_set_sidebar_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_page_frame_class_init (SdPageFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sd_page_frame_get_property;
  object_class->set_property = sd_page_frame_set_property;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "pageframe");
}

static void
sd_page_frame_init (SdPageFrame *self)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->sidebar_visible = TRUE;

  self->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_separator (self->flap, separator);
  adw_flap_set_swipe_to_open (self->flap, FALSE);

  self->sidebar_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->sidebar_box, "sidebar");
  gtk_widget_add_css_class (self->sidebar_box, "background");
  adw_flap_set_flap (self->flap, self->sidebar_box);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->flap));
  update_flap (self);
}

/**
 * sd_page_frame_get_sidebar:
 * @self: a #SdPageFrame
 *
 * Returns: (transfer none) (nullable): the controls shown beside the plot
 */
GtkWidget *
sd_page_frame_get_sidebar (SdPageFrame *self)
{
  g_return_val_if_fail (SD_IS_PAGE_FRAME (self), NULL);

  return self->sidebar;
}

void
sd_page_frame_set_sidebar (SdPageFrame *self,
                           GtkWidget   *sidebar)
{
  g_return_if_fail (SD_IS_PAGE_FRAME (self));
  g_return_if_fail (sidebar == NULL || GTK_IS_WIDGET (sidebar));

  if (self->sidebar == sidebar)
    return;

  if (self->sidebar != NULL)
    gtk_box_remove (GTK_BOX (self->sidebar_box), self->sidebar);

  self->sidebar = sidebar;

  if (sidebar != NULL)
    {
      gtk_widget_set_vexpand (sidebar, TRUE);
      gtk_box_append (GTK_BOX (self->sidebar_box), sidebar);
    }

  update_flap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
}

/**
 * sd_page_frame_get_content:
 * @self: a #SdPageFrame
 *
 * Returns: (transfer none) (nullable): the main region, where the plot goes
 */
GtkWidget *
sd_page_frame_get_content (SdPageFrame *self)
{
  g_return_val_if_fail (SD_IS_PAGE_FRAME (self), NULL);

  return adw_flap_get_content (self->flap);
}

void
sd_page_frame_set_content (SdPageFrame *self,
                           GtkWidget   *content)
{
  g_return_if_fail (SD_IS_PAGE_FRAME (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (adw_flap_get_content (self->flap) == content)
    return;

  adw_flap_set_content (self->flap, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

gboolean
sd_page_frame_get_sidebar_visible (SdPageFrame *self)
{
  g_return_val_if_fail (SD_IS_PAGE_FRAME (self), FALSE);

  return self->sidebar_visible;
}

/**
 * sd_page_frame_set_sidebar_visible:
 * @self: a #SdPageFrame
 * @sidebar_visible: whether the sidebar should be shown
 *
 * Presentation mode hides the sidebar so the plot fills the screen.
 */
void
sd_page_frame_set_sidebar_visible (SdPageFrame *self,
                                   gboolean     sidebar_visible)
{
  g_return_if_fail (SD_IS_PAGE_FRAME (self));

  sidebar_visible = !!sidebar_visible;
  if (self->sidebar_visible == sidebar_visible)
    return;

  self->sidebar_visible = sidebar_visible;
  update_flap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

/**
 * sd_page_frame_get_sidebar_shown:
 * @self: a #SdPageFrame
 *
 * Returns: whether the sidebar is on screen: it is wanted and it has controls
 */
gboolean
sd_page_frame_get_sidebar_shown (SdPageFrame *self)
{
  g_return_val_if_fail (SD_IS_PAGE_FRAME (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap) && gtk_widget_get_visible (self->sidebar_box);
}
