/* run-color.c: the colour a run is drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "run-color.h"
#include "theme.h"

/**
 * sd_run_get_color:
 * @run: a run of a scene
 * @index: its position in the scene
 * @rgba: (out caller-allocates) (array fixed-size=4): the run's colour
 *
 * The colour the scene gives the run, or else the run palette's colour for
 * its position (sd_run_palette_color()): one colour in every theme and
 * every view, so a run keeps its colour when others are hidden.
 */
void
sd_run_get_color (const SdSceneRun *run,
                  guint             index,
                  double            rgba[4])
{
  g_return_if_fail (run != NULL);
  g_return_if_fail (rgba != NULL);

  if (!run->has_color)
    {
      sd_run_palette_color (index, rgba);
      return;
    }

  memcpy (rgba, run->color, 3 * sizeof (double));
  rgba[3] = 1.0;
}
