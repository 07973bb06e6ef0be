/* figure-view.c: a widget that draws a figure with the render library,
 * cached, with uncached overlays on top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "figure-view.h"

/*
 * Every figure in the window is drawn by src/render, the code that
 * `saddle --export` draws with: what you see is what you export. The view
 * picks the figure options a window figure has (the desktop's light or
 * dark style, the presentation scale the page binds down, the default
 * colour map of the settings), keeps the drawn picture on an image and
 * draws it again only when the size, the pixel scale, the options or the
 * figure itself change; what follows the pointer is drawn over it every
 * frame, uncached, as sysprof's charts do.
 */

typedef struct
{
  double            figure_scale;
  GSettings        *settings;
  gboolean          busy;

  cairo_surface_t  *picture;
  SdFigureOptions   options;
  int               picture_scale;
  gboolean          picture_valid;
} SdFigureViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SdFigureView, sd_figure_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIGURE_SCALE,
  PROP_SETTINGS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
options_changed (SdFigureView *self)
{
  g_assert (SD_IS_FIGURE_VIEW (self));

  sd_figure_view_invalidate (self);
  if (SD_FIGURE_VIEW_GET_CLASS (self)->options_changed != NULL)
    SD_FIGURE_VIEW_GET_CLASS (self)->options_changed (self);
}

static void
sd_figure_view_real_paint (SdFigureView    *self,
                           cairo_t         *cr,
                           cairo_surface_t *picture)
{
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_paint (cr);
}

static gboolean
options_equal (const SdFigureOptions *a,
               const SdFigureOptions *b)
{
  return a->width == b->width && a->height == b->height && a->theme == b->theme
         && a->transparent == b->transparent && a->scale == b->scale
         && a->colormap == b->colormap;
}

/* A new image each time: the last frame's render node may still hold the
 * previous one. */
static void
ensure_picture (SdFigureView *self,
                int           width,
                int           height)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  SdFigureOptions options;
  cairo_t *cr;

  sd_figure_view_get_options (self, width, height, &options);
  if (priv->picture_valid && priv->picture != NULL && priv->picture_scale == scale
      && options_equal (&options, &priv->options))
    return;

  g_clear_pointer (&priv->picture, cairo_surface_destroy);
  priv->picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (priv->picture, scale, scale);
  priv->picture_scale = scale;
  priv->options = options;

  cr = cairo_create (priv->picture);
  SD_FIGURE_VIEW_GET_CLASS (self)->draw (self, cr, &priv->options);
  cairo_destroy (cr);
  priv->picture_valid = TRUE;
}

static void
sd_figure_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SdFigureView *self = SD_FIGURE_VIEW (widget);
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);
  SdFigureViewClass *klass = SD_FIGURE_VIEW_GET_CLASS (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_picture (self, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  klass->paint (self, cr, priv->picture);
  if (klass->draw_overlay != NULL)
    klass->draw_overlay (self, cr);
  cairo_destroy (cr);

  if (klass->snapshot_overlay != NULL)
    klass->snapshot_overlay (self, snapshot);
}

static void
on_setting_changed (SdFigureView *self,
                    const char   *key)
{
  g_assert (SD_IS_FIGURE_VIEW (self));

  options_changed (self);
}

/* GObject */

static void
sd_figure_view_dispose (GObject *object)
{
  SdFigureView *self = SD_FIGURE_VIEW (object);
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (sd_figure_view_parent_class)->dispose (object);
}

static void
sd_figure_view_finalize (GObject *object)
{
  SdFigureView *self = SD_FIGURE_VIEW (object);
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_clear_pointer (&priv->picture, cairo_surface_destroy);

  G_OBJECT_CLASS (sd_figure_view_parent_class)->finalize (object);
}

static void
sd_figure_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SdFigureView *self = SD_FIGURE_VIEW (object);
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_FIGURE_SCALE:
      g_value_set_double (value, priv->figure_scale);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_figure_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SdFigureView *self = SD_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_SCALE:
      sd_figure_view_set_figure_scale (self, g_value_get_double (value));
      break;
    case PROP_SETTINGS:
      sd_figure_view_set_settings (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_figure_view_class_init (SdFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_figure_view_dispose;
  object_class->finalize = sd_figure_view_finalize;
  object_class->get_property = sd_figure_view_get_property;
  object_class->set_property = sd_figure_view_set_property;

  widget_class->snapshot = sd_figure_view_snapshot;

  klass->paint = sd_figure_view_real_paint;

  /**
   * SdFigureView:figure-scale:
   *
   * How much larger text and lines are drawn: the presentation scale in
   * presentation mode, else 1. The page binds it.
   */
  properties[PROP_FIGURE_SCALE] =
    g_param_spec_double ("figure-scale", NULL, NULL, 0.25, 8.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdFigureView:settings:
   *
   * The application's settings, for the default colour map; %NULL draws
   * with the built-in default.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdFigureView:busy:
   *
   * Whether the view computes what it will show next; meanwhile it shows
   * what it showed before.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sd_figure_view_init (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  priv->figure_scale = 1.0;
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (options_changed), self, G_CONNECT_SWAPPED);
}

double
sd_figure_view_get_figure_scale (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_val_if_fail (SD_IS_FIGURE_VIEW (self), 1.0);

  return priv->figure_scale;
}

void
sd_figure_view_set_figure_scale (SdFigureView *self,
                                 double        figure_scale)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_if_fail (SD_IS_FIGURE_VIEW (self));
  g_return_if_fail (figure_scale > 0.0);

  if (priv->figure_scale == figure_scale)
    return;

  priv->figure_scale = figure_scale;
  options_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_SCALE]);
}

/**
 * sd_figure_view_get_settings:
 * @self: a #SdFigureView
 *
 * Returns: (transfer none) (nullable): the settings the options follow
 */
GSettings *
sd_figure_view_get_settings (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_val_if_fail (SD_IS_FIGURE_VIEW (self), NULL);

  return priv->settings;
}

void
sd_figure_view_set_settings (SdFigureView *self,
                             GSettings    *settings)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_if_fail (SD_IS_FIGURE_VIEW (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (priv->settings == settings)
    return;

  if (priv->settings != NULL)
    g_signal_handlers_disconnect_by_func (priv->settings, on_setting_changed, self);
  g_set_object (&priv->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::color-map", G_CALLBACK (on_setting_changed),
                             self, G_CONNECT_SWAPPED);

  options_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

gboolean
sd_figure_view_get_busy (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_val_if_fail (SD_IS_FIGURE_VIEW (self), FALSE);

  return priv->busy;
}

/**
 * sd_figure_view_set_busy:
 * @self: a #SdFigureView
 * @busy: whether the view computes what it will show next
 *
 * For subclasses.
 */
void
sd_figure_view_set_busy (SdFigureView *self,
                         gboolean      busy)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_if_fail (SD_IS_FIGURE_VIEW (self));

  busy = !!busy;
  if (priv->busy == busy)
    return;

  priv->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * sd_figure_view_get_theme:
 * @self: a #SdFigureView
 *
 * A window figure follows the desktop's style, like the rest of the window.
 *
 * Returns: %SD_THEME_DARK when libadwaita's style is dark, else %SD_THEME_LIGHT
 */
SdTheme
sd_figure_view_get_theme (SdFigureView *self)
{
  g_return_val_if_fail (SD_IS_FIGURE_VIEW (self), SD_THEME_LIGHT);

  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? SD_THEME_DARK : SD_THEME_LIGHT;
}

/**
 * sd_figure_view_get_options:
 * @self: a #SdFigureView
 * @width: the figure's width in points
 * @height: the figure's height in points
 * @options: (out caller-allocates): how the view draws a figure of that size
 */
void
sd_figure_view_get_options (SdFigureView    *self,
                            double           width,
                            double           height,
                            SdFigureOptions *options)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_if_fail (SD_IS_FIGURE_VIEW (self));
  g_return_if_fail (options != NULL);

  sd_figure_options_init (options);
  options->width = width;
  options->height = height;
  options->theme = sd_figure_view_get_theme (self);
  options->scale = priv->figure_scale;
  if (priv->settings != NULL)
    {
      int colormap = g_settings_get_enum (priv->settings, "color-map");

      if (colormap >= 0 && colormap < SD_N_COLORMAPS)
        options->colormap = (SdColormap) colormap;
    }
}

/**
 * sd_figure_view_get_drawn_options:
 * @self: a #SdFigureView
 *
 * Returns: (transfer none): the options the picture on screen was drawn
 *   with (their size is zero before the first frame)
 */
const SdFigureOptions *
sd_figure_view_get_drawn_options (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_val_if_fail (SD_IS_FIGURE_VIEW (self), NULL);

  return &priv->options;
}

/**
 * sd_figure_view_get_picture:
 * @self: a #SdFigureView
 *
 * For measuring as the picture was drawn (text, a 3-D projection): a
 * cairo context on it has its pixel scale.
 *
 * Returns: (transfer none) (nullable): the picture on screen, %NULL before
 *   the first frame
 */
cairo_surface_t *
sd_figure_view_get_picture (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_val_if_fail (SD_IS_FIGURE_VIEW (self), NULL);

  return priv->picture;
}

/**
 * sd_figure_view_invalidate:
 * @self: a #SdFigureView
 *
 * The figure changed: it is drawn again for the next frame.
 */
void
sd_figure_view_invalidate (SdFigureView *self)
{
  SdFigureViewPrivate *priv = sd_figure_view_get_instance_private (self);

  g_return_if_fail (SD_IS_FIGURE_VIEW (self));

  priv->picture_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
