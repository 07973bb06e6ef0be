/* figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "distribution-figure.h"
#include "figure.h"
#include "landscape.h"
#include "transform-figure.h"

static gboolean
draw_landscape (cairo_t               *cr,
                const SdScene         *scene,
                const SdFigureOptions *options,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(SdLandscape) landscape = sd_landscape_new (scene, cancellable, error);

  if (landscape == NULL)
    return FALSE;

  sd_landscape_set_cached (landscape, FALSE);

  if (sd_scene_get_surface (scene)->view == SD_VIEW_3D)
    sd_landscape_draw_3d (landscape, cr, options);
  else
    sd_plot_free (sd_landscape_draw (landscape, cr, options));

  return TRUE;
}

/**
 * sd_figure_draw:
 * @cr: where to draw; user space is in points
 * @scene: the scene
 * @options: size, theme and the like
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes what @scene shows and draws it as a finished figure.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_figure_draw (cairo_t               *cr,
                const SdScene         *scene,
                const SdFigureOptions *options,
                GCancellable          *cancellable,
                GError               **error)
{
  SdPlot *plot = NULL;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  switch (scene->kind)
    {
    case SD_SCENE_SURFACE:
      return draw_landscape (cr, scene, options, cancellable, error);

    case SD_SCENE_TRANSFORM:
      plot = sd_transform_figure_draw (cr, scene, options, error);
      break;

    case SD_SCENE_DISTRIBUTION:
      plot = sd_distribution_figure_draw (cr, scene, options, cancellable, error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (plot == NULL)
    return FALSE;

  sd_plot_free (plot);
  return TRUE;
}
