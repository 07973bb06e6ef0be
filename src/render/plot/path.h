/* path.h: a path recorded in points, to be drawn later on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * SdPath:
 *
 * A path as a figure computes it, before any cairo context draws it:
 * moves, lines and curves in the figure's points, kept as doubles, so
 * that a figure laid out once can be drawn on any surface at any scale,
 * and asked where its lines are.
 */
typedef struct _SdPath SdPath;

SdPath   *sd_path_new      (void);
void      sd_path_free     (SdPath       *path);
void      sd_path_move_to  (SdPath       *path,
                            double        x,
                            double        y);
void      sd_path_line_to  (SdPath       *path,
                            double        x,
                            double        y);
void      sd_path_curve_to (SdPath       *path,
                            double        x1,
                            double        y1,
                            double        x2,
                            double        y2,
                            double        x3,
                            double        y3);
void      sd_path_close    (SdPath       *path);
gboolean  sd_path_is_empty (const SdPath *path);
void      sd_path_append   (const SdPath *path,
                            cairo_t      *cr);
double    sd_path_distance (const SdPath *path,
                            double        x,
                            double        y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPath, sd_path_free)

G_END_DECLS
