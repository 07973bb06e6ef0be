/* label-placer.h: where labels go so that they neither cover each other
 * nor what they must not hide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * SdLabelRequest:
 * @width: the label's width, in points
 * @height: its height
 * @x: the point it names
 * @y: the point it names
 * @dx: the side it would rather be on, a unit vector
 * @dy: the side it would rather be on
 * @gap: the room between the point and the label
 * @rings: how many times to go round the point, each time @ring farther
 *   out, before giving up; at least 1
 * @ring: how much farther out each round goes
 *
 * A label to place near a point.
 */
typedef struct
{
  double width;
  double height;
  double x;
  double y;
  double dx;
  double dy;
  double gap;
  guint  rings;
  double ring;
} SdLabelRequest;

/**
 * SdLabelPlacer:
 *
 * Places labels one by one, each where it covers no label placed before
 * and no obstacle (the points and marks labels must not hide) and stays
 * inside the figure. Labels are placed in order of importance: the first
 * take the best places.
 */
typedef struct _SdLabelPlacer SdLabelPlacer;

SdLabelPlacer           *sd_label_placer_new           (const cairo_rectangle_t *bounds);
void                     sd_label_placer_free          (SdLabelPlacer           *self);
void                     sd_label_placer_set_margins   (SdLabelPlacer           *self,
                                                        double                   inset,
                                                        double                   clearance);
void                     sd_label_placer_add_obstacle  (SdLabelPlacer           *self,
                                                        const cairo_rectangle_t *rect);
void                     sd_label_placer_add_area      (SdLabelPlacer           *self,
                                                        const cairo_rectangle_t *rect,
                                                        double                   weight);
void                     sd_label_placer_add_label     (SdLabelPlacer           *self,
                                                        const cairo_rectangle_t *box);
gboolean                 sd_label_placer_is_free       (const SdLabelPlacer     *self,
                                                        const cairo_rectangle_t *box);
gboolean                 sd_label_placer_try           (SdLabelPlacer           *self,
                                                        const cairo_rectangle_t *box);
gboolean                 sd_label_placer_place_around  (SdLabelPlacer           *self,
                                                        const SdLabelRequest    *request,
                                                        cairo_rectangle_t       *box);
void                     sd_label_placer_clamp         (const SdLabelPlacer     *self,
                                                        cairo_rectangle_t       *box,
                                                        double                   inset);
void                     sd_label_placer_settle        (SdLabelPlacer           *self,
                                                        cairo_rectangle_t       *box,
                                                        double                   gap);
double                   sd_label_placer_covered       (const SdLabelPlacer     *self,
                                                        const cairo_rectangle_t *box);
guint                    sd_label_placer_least_covered (const SdLabelPlacer     *self,
                                                        const cairo_rectangle_t *candidates,
                                                        guint                    n_candidates);
const cairo_rectangle_t *sd_label_placer_get_labels    (const SdLabelPlacer     *self,
                                                        guint                   *n_labels);

void                     sd_label_box_beyond           (double                   width,
                                                        double                   height,
                                                        double                   x,
                                                        double                   y,
                                                        double                   dx,
                                                        double                   dy,
                                                        double                   gap,
                                                        cairo_rectangle_t       *box);
gboolean                 sd_rect_intersects            (const cairo_rectangle_t *a,
                                                        const cairo_rectangle_t *b,
                                                        double                   clearance);
double                   sd_rect_overlap_area          (const cairo_rectangle_t *a,
                                                        const cairo_rectangle_t *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLabelPlacer, sd_label_placer_free)

G_END_DECLS
