/* figure-view.h: a widget that draws a figure with the render library,
 * cached, with uncached overlays on top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "figure.h"

G_BEGIN_DECLS

#define SD_TYPE_FIGURE_VIEW (sd_figure_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (SdFigureView, sd_figure_view, SD, FIGURE_VIEW, GtkWidget)

/**
 * SdFigureViewClass:
 * @draw: draws the figure, as `saddle --export` would, with @options; the
 *   view caches the picture on an image until the size, the pixel scale,
 *   the options or sd_figure_view_invalidate() change it
 * @paint: puts the cached picture on screen; by default as it is
 * @draw_overlay: draws what follows the pointer or the focus over the
 *   picture, uncached, every frame
 * @snapshot_overlay: the same, for what is best drawn with GTK itself
 *   (text in the widget's own font)
 * @options_changed: the figure options changed (the style, the scale or
 *   a setting); the view has already dropped its picture
 */
struct _SdFigureViewClass
{
  GtkWidgetClass parent_class;

  void (*draw)             (SdFigureView          *self,
                            cairo_t               *cr,
                            const SdFigureOptions *options);
  void (*paint)            (SdFigureView          *self,
                            cairo_t               *cr,
                            cairo_surface_t       *picture);
  void (*draw_overlay)     (SdFigureView          *self,
                            cairo_t               *cr);
  void (*snapshot_overlay) (SdFigureView          *self,
                            GtkSnapshot           *snapshot);
  void (*options_changed)  (SdFigureView          *self);

  /*< private >*/
  gpointer padding[8];
};

double     sd_figure_view_get_figure_scale (SdFigureView    *self);
void       sd_figure_view_set_figure_scale (SdFigureView    *self,
                                            double           figure_scale);
GSettings *sd_figure_view_get_settings     (SdFigureView    *self);
void       sd_figure_view_set_settings     (SdFigureView    *self,
                                            GSettings       *settings);
gboolean   sd_figure_view_get_busy         (SdFigureView    *self);
void       sd_figure_view_set_busy         (SdFigureView    *self,
                                            gboolean         busy);
void       sd_figure_view_get_options      (SdFigureView    *self,
                                            double           width,
                                            double           height,
                                            SdFigureOptions *options);
SdTheme    sd_figure_view_get_theme        (SdFigureView    *self);
void       sd_figure_view_invalidate       (SdFigureView    *self);
const SdFigureOptions *sd_figure_view_get_drawn_options (SdFigureView *self);
cairo_surface_t       *sd_figure_view_get_picture       (SdFigureView *self);

G_END_DECLS
