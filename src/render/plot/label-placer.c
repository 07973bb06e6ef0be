/* label-placer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "label-placer.h"

typedef struct
{
  cairo_rectangle_t rect;
  double            weight;
} Area;

struct _SdLabelPlacer
{
  gboolean           bounded;
  cairo_rectangle_t  bounds;
  double             inset;
  double             clearance;
  GArray            *labels;     /* (element-type cairo_rectangle_t) */
  GArray            *obstacles;  /* (element-type cairo_rectangle_t) */
  GArray            *areas;      /* (element-type Area) */
};

/**
 * sd_rect_intersects:
 * @a: a rectangle
 * @b: another
 * @clearance: how close they may come without counting as overlapping;
 *   0 for rectangles that may touch
 *
 * The one overlap test of labels, legends and info boxes.
 *
 * Returns: whether @a and @b come closer than @clearance, or overlap
 */
gboolean
sd_rect_intersects (const cairo_rectangle_t *a,
                    const cairo_rectangle_t *b,
                    double                   clearance)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->x < b->x + b->width + clearance && b->x < a->x + a->width + clearance
         && a->y < b->y + b->height + clearance && b->y < a->y + a->height + clearance;
}

/**
 * sd_rect_overlap_area:
 * @a: a rectangle
 * @b: another
 *
 * Returns: the area they share, 0 if they do not overlap
 */
double
sd_rect_overlap_area (const cairo_rectangle_t *a,
                      const cairo_rectangle_t *b)
{
  double w, h;

  g_return_val_if_fail (a != NULL && b != NULL, 0.0);

  w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);
  return w > 0.0 && h > 0.0 ? w * h : 0.0;
}

/**
 * sd_label_box_beyond:
 * @width: the label's width
 * @height: its height
 * @x: the point it is placed beside
 * @y: the point it is placed beside
 * @dx: the direction from the point to the label, a unit vector
 * @dy: the direction from the point to the label
 * @gap: how far the label's box keeps from the point along that direction
 * @box: (out caller-allocates): the label's box
 *
 * Puts a box @gap beyond a point in a direction: its centre goes out
 * along the direction until the box's edge facing the point is @gap away,
 * measured as the box's reach along the direction, so that a label keeps
 * the same distance from the point whatever the side.
 */
void
sd_label_box_beyond (double             width,
                     double             height,
                     double             x,
                     double             y,
                     double             dx,
                     double             dy,
                     double             gap,
                     cairo_rectangle_t *box)
{
  double reach = gap + fabs (dx) * width / 2 + fabs (dy) * height / 2;

  g_return_if_fail (box != NULL);

  box->width = width;
  box->height = height;
  box->x = x + reach * dx - width / 2;
  box->y = y + reach * dy - height / 2;
}

/**
 * sd_label_placer_new:
 * @bounds: (nullable): the rectangle labels stay inside, usually the plot
 *   area; %NULL for none
 *
 * Returns: (transfer full): a placer with no labels and no obstacles,
 *   whose labels may touch the bounds and each other
 */
SdLabelPlacer *
sd_label_placer_new (const cairo_rectangle_t *bounds)
{
  SdLabelPlacer *self = g_new0 (SdLabelPlacer, 1);

  self->bounded = bounds != NULL;
  if (bounds != NULL)
    self->bounds = *bounds;
  self->labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->areas = g_array_new (FALSE, FALSE, sizeof (Area));
  return self;
}

/**
 * sd_label_placer_free:
 * @self: (nullable): a placer
 */
void
sd_label_placer_free (SdLabelPlacer *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->labels);
  g_array_unref (self->obstacles);
  g_array_unref (self->areas);
  g_free (self);
}

/**
 * sd_label_placer_set_margins:
 * @self: a placer
 * @inset: how far inside the bounds a label keeps
 * @clearance: the least room between a label and the labels and
 *   obstacles it avoids
 */
void
sd_label_placer_set_margins (SdLabelPlacer *self,
                             double         inset,
                             double         clearance)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (inset >= 0.0 && clearance >= 0.0);

  self->inset = inset;
  self->clearance = clearance;
}

/**
 * sd_label_placer_add_obstacle:
 * @self: a placer
 * @rect: what labels must not cover, such as a marked point
 */
void
sd_label_placer_add_obstacle (SdLabelPlacer           *self,
                              const cairo_rectangle_t *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  g_array_append_val (self->obstacles, *rect);
}

/**
 * sd_label_placer_add_area:
 * @self: a placer
 * @rect: what labels may cover but a box placed by
 *   sd_label_placer_least_covered() would rather not, such as a curve's
 *   bounding box
 * @weight: how much covering it counts, next to 1 for labels and obstacles
 */
void
sd_label_placer_add_area (SdLabelPlacer           *self,
                          const cairo_rectangle_t *rect,
                          double                   weight)
{
  Area area;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  area.rect = *rect;
  area.weight = weight;
  g_array_append_val (self->areas, area);
}

/**
 * sd_label_placer_add_label:
 * @self: a placer
 * @box: a label's box, placed wherever it is: the labels placed after it
 *   keep off it
 */
void
sd_label_placer_add_label (SdLabelPlacer           *self,
                           const cairo_rectangle_t *box)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (box != NULL);

  g_array_append_val (self->labels, *box);
}

static gboolean
intersects_any (const GArray            *rects,
                const cairo_rectangle_t *box,
                double                   clearance)
{
  for (guint i = 0; i < rects->len; i++)
    if (sd_rect_intersects (box, &g_array_index (rects, cairo_rectangle_t, i), clearance))
      return TRUE;

  return FALSE;
}

/* Whether @box covers a label or an obstacle. */
static gboolean
is_taken (const SdLabelPlacer     *self,
          const cairo_rectangle_t *box)
{
  return intersects_any (self->labels, box, self->clearance)
         || intersects_any (self->obstacles, box, self->clearance);
}

/**
 * sd_label_placer_is_free:
 * @self: a placer
 * @box: a label's box
 *
 * Returns: whether @box lies inside the bounds, the inset away from their
 *   edges, and covers no label and no obstacle
 */
gboolean
sd_label_placer_is_free (const SdLabelPlacer     *self,
                         const cairo_rectangle_t *box)
{
  const cairo_rectangle_t *b;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  b = &self->bounds;
  if (self->bounded
      && (box->x < b->x + self->inset || box->y < b->y + self->inset
          || box->x + box->width > b->x + b->width - self->inset
          || box->y + box->height > b->y + b->height - self->inset))
    return FALSE;

  return !is_taken (self, box);
}

/**
 * sd_label_placer_try:
 * @self: a placer
 * @box: a label's box
 *
 * Keeps the label at @box if that is free.
 *
 * Returns: whether it was free, and the label is now placed there
 */
gboolean
sd_label_placer_try (SdLabelPlacer           *self,
                     const cairo_rectangle_t *box)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (!sd_label_placer_is_free (self, box))
    return FALSE;

  sd_label_placer_add_label (self, box);
  return TRUE;
}

/**
 * sd_label_placer_place_around:
 * @self: a placer
 * @request: the label and the point it names
 * @box: (out caller-allocates): where the label went; where it would
 *   rather have gone if it fits nowhere
 *
 * Places a label beside a point: on the side the request prefers if that
 * is free, otherwise turned from it by 45° steps, alternately to either
 * side, until it has gone round; then as often again farther out, as many
 * rounds as the request allows.
 *
 * Returns: whether the label was placed; %FALSE places nothing, and the
 *   caller may leave the label out or keep it at @box all the same
 */
gboolean
sd_label_placer_place_around (SdLabelPlacer        *self,
                              const SdLabelRequest *request,
                              cairo_rectangle_t    *box)
{
  static const double turns[] = { 0, 1, -1, 2, -2, 3, -3, 4 };
  const SdLabelRequest *r = request;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  for (guint ring = 0; ring < MAX (r->rings, 1u); ring++)
    for (guint i = 0; i < G_N_ELEMENTS (turns); i++)
      {
        double angle = turns[i] * G_PI / 4;
        double ux = r->dx * cos (angle) - r->dy * sin (angle);
        double uy = r->dx * sin (angle) + r->dy * cos (angle);

        sd_label_box_beyond (r->width, r->height, r->x, r->y, ux, uy, r->gap + ring * r->ring,
                             box);
        if (sd_label_placer_try (self, box))
          return TRUE;
      }

  sd_label_box_beyond (r->width, r->height, r->x, r->y, r->dx, r->dy, r->gap, box);
  return FALSE;
}

/**
 * sd_label_placer_clamp:
 * @self: a placer
 * @box: (inout): a label's box
 * @inset: how far inside the bounds to keep it
 *
 * Moves @box the least it takes to lie inside the bounds, @inset from
 * their edges; a box wider or taller than that room is aligned with their
 * right or bottom edge. Without bounds the box stays.
 */
void
sd_label_placer_clamp (const SdLabelPlacer *self,
                       cairo_rectangle_t   *box,
                       double               inset)
{
  const cairo_rectangle_t *b;

  g_return_if_fail (self != NULL);
  g_return_if_fail (box != NULL);

  if (!self->bounded)
    return;

  b = &self->bounds;
  box->x = CLAMP (box->x, b->x + inset, b->x + b->width - inset - box->width);
  box->y = CLAMP (box->y, b->y + inset, b->y + b->height - inset - box->height);
}

/**
 * sd_label_placer_settle:
 * @self: a placer
 * @box: (inout): a label's box where it would best be
 * @gap: the room it keeps from the bounds' edges
 *
 * Places a label that must be shown near where it is: inside the bounds,
 * then off the labels and obstacles, moving up by half its height at a
 * time and, when the top is reached, down from where it started; where
 * nothing is free, it stays on the last place tried.
 */
void
sd_label_placer_settle (SdLabelPlacer     *self,
                        cairo_rectangle_t *box,
                        double             gap)
{
  double start, top, bottom;

  g_return_if_fail (self != NULL);
  g_return_if_fail (box != NULL);

  sd_label_placer_clamp (self, box, gap);
  top = self->bounded ? self->bounds.y : -INFINITY;
  bottom = self->bounded ? self->bounds.y + self->bounds.height : INFINITY;
  start = box->y;

  while (is_taken (self, box) && box->y - box->height - gap >= top)
    box->y -= box->height / 2;

  if (is_taken (self, box))
    {
      box->y = start;
      while (is_taken (self, box) && box->y + 1.5 * box->height + gap <= bottom)
        box->y += box->height / 2;
    }

  sd_label_placer_add_label (self, box);
}

/**
 * sd_label_placer_covered:
 * @self: a placer
 * @box: a box
 *
 * Returns: how much of the labels, the obstacles and the weighted areas
 *   @box would cover, in square points
 */
double
sd_label_placer_covered (const SdLabelPlacer     *self,
                         const cairo_rectangle_t *box)
{
  double covered = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (box != NULL, 0.0);

  for (guint i = 0; i < self->labels->len; i++)
    covered += sd_rect_overlap_area (box, &g_array_index (self->labels, cairo_rectangle_t, i));
  for (guint i = 0; i < self->obstacles->len; i++)
    covered += sd_rect_overlap_area (box, &g_array_index (self->obstacles, cairo_rectangle_t, i));
  for (guint i = 0; i < self->areas->len; i++)
    {
      const Area *area = &g_array_index (self->areas, Area, i);

      covered += area->weight * sd_rect_overlap_area (box, &area->rect);
    }

  return covered;
}

/**
 * sd_label_placer_least_covered:
 * @self: a placer
 * @candidates: (array length=n_candidates): places for a box, such as a
 *   legend's corners, in order of preference
 * @n_candidates: how many, at least 1
 *
 * Chooses where a box hides the least (see sd_label_placer_covered()),
 * the first such place on a tie.
 *
 * Returns: the index of the chosen candidate
 */
guint
sd_label_placer_least_covered (const SdLabelPlacer     *self,
                               const cairo_rectangle_t *candidates,
                               guint                    n_candidates)
{
  double least = INFINITY;
  guint best = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (candidates != NULL && n_candidates > 0, 0);

  for (guint i = 0; i < n_candidates; i++)
    {
      double covered = sd_label_placer_covered (self, &candidates[i]);

      if (covered < least)
        {
          least = covered;
          best = i;
        }
    }

  return best;
}

/**
 * sd_label_placer_get_labels:
 * @self: a placer
 * @n_labels: (out): how many labels it has placed
 *
 * Returns: (transfer none) (array length=n_labels): their boxes, in the
 *   order they were placed
 */
const cairo_rectangle_t *
sd_label_placer_get_labels (const SdLabelPlacer *self,
                            guint               *n_labels)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = self->labels->len;
  return (const cairo_rectangle_t *) (gpointer) self->labels->data;
}
