/* page.h: what every page of the window is: controls beside a figure,
 * showing one scene document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "playback.h"
#include "scene-document.h"

G_BEGIN_DECLS

#define SD_TYPE_PAGE (sd_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SdPage, sd_page, SD, PAGE, AdwBin)

/**
 * SdPageClass:
 * @accepts_kind: whether the page shows scenes of a kind; by default
 *   those of its document's kind
 * @open_scene: shows an opened scene; by default it replaces the
 *   document's scene and moves the playback to the scene's step. A page
 *   that cannot show the scene sets @error and changes nothing.
 * @write_scene: writes what the page shows beyond its document into a
 *   copy of the scene, for saving and exporting; by default the playback's
 *   iteration as the scene's step
 *
 * A page is built from a template whose parent is #SdPage: it sets the
 * #SdPage:sidebar and #SdPage:content properties, and its init function
 * gives the page its document (and playback, if it animates) with
 * sd_page_set_document() and sd_page_set_playback().
 */
struct _SdPageClass
{
  AdwBinClass parent_class;

  gboolean (*accepts_kind) (SdPage       *self,
                            SdSceneKind   kind);
  gboolean (*open_scene)   (SdPage       *self,
                            SdScene      *scene,
                            GFile        *file,
                            GError      **error);
  void     (*write_scene)  (SdPage       *self,
                            SdScene      *scene);

  /*< private >*/
  gpointer padding[8];
};

SdSceneDocument *sd_page_get_document          (SdPage          *self);
void             sd_page_set_document          (SdPage          *self,
                                                SdSceneDocument *document);
SdPlayback      *sd_page_get_playback          (SdPage          *self);
void             sd_page_set_playback          (SdPage          *self,
                                                SdPlayback      *playback);
GtkWidget       *sd_page_get_sidebar           (SdPage          *self);
void             sd_page_set_sidebar           (SdPage          *self,
                                                GtkWidget       *sidebar);
GtkWidget       *sd_page_get_content           (SdPage          *self);
void             sd_page_set_content           (SdPage          *self,
                                                GtkWidget       *content);
gboolean         sd_page_get_sidebar_visible   (SdPage          *self);
void             sd_page_set_sidebar_visible   (SdPage          *self,
                                                gboolean         sidebar_visible);
gboolean         sd_page_get_sidebar_shown     (SdPage          *self);
gboolean         sd_page_get_presentation_mode (SdPage          *self);
void             sd_page_set_presentation_mode (SdPage          *self,
                                                gboolean         presentation_mode);
double           sd_page_get_figure_scale      (SdPage          *self);
void             sd_page_set_figure_scale      (SdPage          *self,
                                                double           figure_scale);
GSettings       *sd_page_get_settings          (SdPage          *self);
void             sd_page_set_settings          (SdPage          *self,
                                                GSettings       *settings);

gboolean         sd_page_accepts_kind          (SdPage          *self,
                                                SdSceneKind      kind);
gboolean         sd_page_open_scene            (SdPage          *self,
                                                SdScene         *scene,
                                                GFile           *file,
                                                GError         **error);
SdScene         *sd_page_dup_scene             (SdPage          *self);

G_END_DECLS
