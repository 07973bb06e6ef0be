/* landscape-results-private.h: what the files of the Landscape results share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "landscape-results.h"
#include "worker-job.h"

G_BEGIN_DECLS

struct _SdLandscapeResults
{
  GObject            parent_instance;

  SdLandscapeModel  *model;
  gulong             changed_id;
  GThread           *thread;      /* the thread the results live on */
  guint              iteration;
  gboolean           busy;

  /* The surface the model describes now, for the runs and the pointer's
   * readout; the grid may still be an older surface's. */
  SdSurface         *surface;
  char              *surface_key;

  /* What is drawn: the landscape of the last grid, the trajectories of
   * the last runs, and the copy of the model's scene they go with, whose
   * runs always match the trajectories (one per run) and whose step is
   * the iteration. */
  SdLandscape       *landscape;
  SdScene           *draw_scene;
  GPtrArray         *trajectories;
  GPtrArray         *runs;

  SdWorkerSlot       grid_slot;
  guint              grid_timeout_id;
  gint64             last_grid_request;
  gboolean           grid_pending;
  gboolean           coarse_pending;
  gboolean           coarse_computed;
  gboolean           full_due;
  gboolean           grid_log_scale;
  guint              grid_contours;
  /* The colour range fixed to the surface (see keep_color_range()), and
   * the one the last grid was requested with. */
  gboolean           has_color_pin;
  double             color_pin[2];
  gboolean           grid_has_color_range;
  double             grid_color_range[2];

  SdWorkerSlot       runs_slot;
  gboolean           runs_pending;
  double             ns_per_step;

  /* The size, style and pixel scale the map was last drawn at, to draw a
   * new grid's map ahead on its worker. */
  gboolean           has_prerender;
  SdFigureOptions    prerender_options;
  int                prerender_scale;
};

/* landscape-results.c */
void       _sd_landscape_results_update_busy       (SdLandscapeResults *self);
void       _sd_landscape_results_refresh           (SdLandscapeResults *self);
void       _sd_landscape_results_emit_grid_applied (SdLandscapeResults *self,
                                                    guint               resolution);
void       _sd_landscape_results_emit_trajectories (SdLandscapeResults *self);
GPtrArray *_sd_landscape_results_copy_runs         (const GPtrArray    *runs);

/* landscape-results-jobs.c */
void       _sd_landscape_results_request_grid      (SdLandscapeResults *self);
void       _sd_landscape_results_request_trajectories (SdLandscapeResults *self);

G_END_DECLS
