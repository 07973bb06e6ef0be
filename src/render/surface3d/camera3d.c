/* camera3d.c: where the 3-D view's camera and light are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "surface3d-private.h"

/* The light comes from the viewer's front left, 45° to the left of the
 * line of sight, and 55° above the horizon (below it when the camera looks
 * from below), wherever the camera turns: the side of a hill that faces
 * the viewer's upper left is lit, the far side is in shade, the convention
 * people read bumps and dents by. Ambient light keeps the shaded side
 * readable. */
#define LIGHT_TURN (-45.0 * G_PI / 180.0)
#define LIGHT_ALTITUDE (55.0 * G_PI / 180.0)
#define AMBIENT 0.35

static double
dot (const double a[3],
     const double b[3])
{
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * sd_camera3d_init:
 * @camera: (out caller-allocates): the camera
 * @azimuth_degrees: matplotlib's `azim`
 * @elevation_degrees: matplotlib's `elev`, clamped to [-90, 90]
 * @scale: points per box unit
 * @cx: where the box's centre lands
 * @cy: where the box's centre lands
 *
 * Sets up the camera the header of this file describes.
 */
void
sd_camera3d_init (SdCamera3d *camera,
                  double      azimuth_degrees,
                  double      elevation_degrees,
                  double      scale,
                  double      cx,
                  double      cy)
{
  double a, e;

  g_return_if_fail (camera != NULL);

  if (!isfinite (azimuth_degrees))
    azimuth_degrees = 0.0;
  if (!isfinite (elevation_degrees))
    elevation_degrees = 0.0;

  a = azimuth_degrees * G_PI / 180.0;
  e = CLAMP (elevation_degrees, -90.0, 90.0) * G_PI / 180.0;

  camera->azimuth = a;
  camera->elevation = e;
  camera->toward[0] = cos (e) * cos (a);
  camera->toward[1] = cos (e) * sin (a);
  camera->toward[2] = sin (e);
  camera->right[0] = -sin (a);
  camera->right[1] = cos (a);
  camera->right[2] = 0.0;
  camera->up[0] = -sin (e) * cos (a);
  camera->up[1] = -sin (e) * sin (a);
  camera->up[2] = cos (e);
  camera->scale = scale;
  camera->cx = cx;
  camera->cy = cy;
}

/**
 * sd_camera3d_project:
 * @camera: a camera
 * @p: a point in box coordinates
 * @sx: (out): where it lands, in points from the figure's left
 * @sy: (out): where it lands, in points from the figure's top
 */
void
sd_camera3d_project (const SdCamera3d *camera,
                     const double      p[3],
                     double           *sx,
                     double           *sy)
{
  *sx = camera->cx + camera->scale * dot (p, camera->right);
  *sy = camera->cy - camera->scale * dot (p, camera->up);
}

/**
 * sd_camera3d_depth:
 * @camera: a camera
 * @p: a point in box coordinates
 *
 * Returns: how far @p is in front of the plane through the box's centre
 *   facing the camera, in box units: larger is nearer the eye
 */
double
sd_camera3d_depth (const SdCamera3d *camera,
                   const double      p[3])
{
  return dot (p, camera->toward);
}

/**
 * sd_camera3d_unproject:
 * @camera: a camera
 * @sx: a point of the figure
 * @sy: a point of the figure
 * @p: (out caller-allocates): the box point at depth 0 that lands there;
 *   the points that land there are p + t w for all t
 */
void
sd_camera3d_unproject (const SdCamera3d *camera,
                       double            sx,
                       double            sy,
                       double            p[3])
{
  double r = (sx - camera->cx) / camera->scale;
  double u = -(sy - camera->cy) / camera->scale;

  for (guint k = 0; k < 3; k++)
    p[k] = r * camera->right[k] + u * camera->up[k];
}

/**
 * sd_camera3d_get_light:
 * @camera: a camera
 * @light: (out caller-allocates): the unit vector towards the light
 */
void
sd_camera3d_get_light (const SdCamera3d *camera,
                       double            light[3])
{
  double turn = camera->azimuth + LIGHT_TURN;
  double altitude = camera->elevation < 0.0 ? -LIGHT_ALTITUDE : LIGHT_ALTITUDE;

  light[0] = cos (altitude) * cos (turn);
  light[1] = cos (altitude) * sin (turn);
  light[2] = sin (altitude);
}

/**
 * sd_camera3d_shade:
 * @camera: a camera
 * @normal: a face's normal, of any length and either orientation
 *
 * The Lambert brightness of a face, relative to a level face's: 1 for a
 * level face, so that level parts of the surface show the colour map's
 * colours exactly, more for faces turned to the light, down to about 0.4
 * for faces turned away from it. The normal is taken on the side the
 * camera sees the surface from (above, or below when the elevation is
 * negative).
 *
 * Returns: the factor to pass to sd_shade_color(); 1 for a zero normal
 */
double
sd_camera3d_shade (const SdCamera3d *camera,
                   const double      normal[3])
{
  double light[3], n[3];
  double length = sqrt (dot (normal, normal));
  double side = camera->elevation < 0.0 ? -1.0 : 1.0;
  double lambert, level;

  if (!(length > 0.0) || !isfinite (length))
    return 1.0;

  for (guint k = 0; k < 3; k++)
    n[k] = normal[k] / length;
  if (n[2] * side < 0.0)
    for (guint k = 0; k < 3; k++)
      n[k] = -n[k];

  sd_camera3d_get_light (camera, light);
  lambert = MAX (0.0, dot (n, light));
  level = fabs (light[2]);
  return (AMBIENT + (1.0 - AMBIENT) * lambert) / (AMBIENT + (1.0 - AMBIENT) * level);
}

/**
 * sd_shade_color:
 * @rgb: a colour
 * @factor: a brightness from sd_camera3d_shade()
 * @shaded: (out caller-allocates): the colour lit by @factor; may be @rgb
 *
 * Darkens by multiplying with @factor below 1 and brightens above 1 by
 * the mirror image, dividing the distance to white by @factor, so that
 * lit colours never leave the gamut and keep their hue.
 */
void
sd_shade_color (const double rgb[3],
                double       factor,
                double       shaded[3])
{
  for (guint k = 0; k < 3; k++)
    {
      double c = CLAMP (rgb[k], 0.0, 1.0);

      shaded[k] = factor <= 1.0 ? c * MAX (factor, 0.0) : 1.0 - (1.0 - c) / factor;
    }
}
