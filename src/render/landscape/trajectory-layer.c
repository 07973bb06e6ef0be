/* trajectory-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "arrowhead.h"
#include "clip.h"
#include "polyline.h"
#include "trajectory-layer.h"

/* How far, in points at scale 1, the drawn path may stray from the
 * iterates: far below the width of the line. */
#define TOLERANCE 0.3
/* Direction arrowheads: one per this many body font sizes of path. */
#define ARROW_SPACING 8.0
#define MAX_ARROWS 64
/* The longest piece of path one busy rectangle covers, in font sizes. */
#define BUSY_LENGTH 2.0

typedef struct
{
  const SdTrajectoryLayer *layer;
  const SdThemeStyle      *style;
  cairo_rectangle_t        area;
  cairo_rectangle_t        safe;
  GArray                  *points;   /* (element-type SdPoint) the iterates, mapped */
  GArray                  *line;     /* (element-type SdPoint) what is drawn of them */
  GArray                  *pieces;   /* (element-type guint) where each piece of @line starts */
} Context;

static gboolean
inside (const cairo_rectangle_t *r,
        const SdPoint           *p)
{
  return p->x >= r->x && p->x <= r->x + r->width && p->y >= r->y && p->y <= r->y + r->height;
}

/* The distance between two points of the figure (hypot() is slower, and
 * these coordinates are far from overflowing when squared). */
static inline double
distance (const SdPoint *a,
          const SdPoint *b)
{
  return sqrt ((b->x - a->x) * (b->x - a->x) + (b->y - a->y) * (b->y - a->y));
}

/* Maps the iterates to the figure. One too far out to map (its figure
 * coordinates overflow) becomes NaN, which breaks the line there. */
static void
map_points (Context      *ctx,
            const SdPlot *plot)
{
  const SdTrajectoryLayer *layer = ctx->layer;

  for (guint k = 0; k < layer->n_points; k++)
    {
      SdPoint p;

      sd_plot_map (plot, layer->points[k].position[0], layer->points[k].position[1],
                   &p.x, &p.y);
      g_array_append_val (ctx->points, p);
    }
}

/* Adds a piece of the path inside the margin to the line, thinned to
 * the vertices that show. */
static void
add_piece (const SdPoint *points,
           guint          n_points,
           gpointer       user_data)
{
  Context *ctx = user_data;
  guint start = ctx->line->len;
  guint n_kept;

  g_array_append_val (ctx->pieces, start);
  g_array_append_vals (ctx->line, points, n_points);
  n_kept = sd_polyline_simplify (&g_array_index (ctx->line, SdPoint, start), n_points,
                                 TOLERANCE * ctx->style->scale);
  g_array_set_size (ctx->line, start + n_kept);
}

/* Cuts the path to a margin around the area, where it may leave and come
 * back several times: cairo's fixed-point coordinates wrap around beyond
 * about 8 million units, which a diverging run reaches within a few
 * steps. Each piece in view is then thinned to the vertices that show. */
static void
build_line (Context *ctx)
{
  sd_clip_polyline (&ctx->safe, (const SdPoint *) (gpointer) ctx->points->data,
                    ctx->points->len, add_piece, ctx);
}

/* The range of @ctx->line that piece @i covers. */
static void
get_piece (Context *ctx,
           guint    i,
           guint   *start,
           guint   *end)
{
  *start = g_array_index (ctx->pieces, guint, i);
  *end = i + 1 < ctx->pieces->len ? g_array_index (ctx->pieces, guint, i + 1) : ctx->line->len;
}

static void
append_line (Context *ctx,
             cairo_t *cr)
{
  const SdPoint *line = (const SdPoint *) (gpointer) ctx->line->data;

  cairo_new_path (cr);
  for (guint i = 0; i < ctx->pieces->len; i++)
    {
      guint start, end;

      get_piece (ctx, i, &start, &end);
      cairo_move_to (cr, line[start].x, line[start].y);
      for (guint k = start + 1; k < end; k++)
        cairo_line_to (cr, line[k].x, line[k].y);
    }
}

/* Calls @func on each segment of the line, clipped to the area. */
typedef void (*SegmentFunc) (const SdPoint *a,
                             const SdPoint *b,
                             gpointer       user_data);

typedef struct
{
  SegmentFunc func;
  gpointer    user_data;
} SegmentVisit;

static void
visit_segments (const SdPoint *points,
                guint          n_points,
                gpointer       user_data)
{
  SegmentVisit *visit = user_data;

  for (guint k = 1; k < n_points; k++)
    visit->func (&points[k - 1], &points[k], visit->user_data);
}

static void
foreach_visible_segment (Context     *ctx,
                         SegmentFunc  func,
                         gpointer     user_data)
{
  const SdPoint *line = (const SdPoint *) (gpointer) ctx->line->data;
  SegmentVisit visit = { func, user_data };

  for (guint i = 0; i < ctx->pieces->len; i++)
    {
      guint start, end;

      get_piece (ctx, i, &start, &end);
      sd_clip_polyline (&ctx->area, &line[start], end - start, visit_segments, &visit);
    }
}

/* A visible segment of the path, with the arc length where it starts. */
typedef struct
{
  SdPoint a;
  SdPoint b;
  double  start;
  double  length;
} Segment;

static void
add_segment (const SdPoint *a,
             const SdPoint *b,
             gpointer       user_data)
{
  GArray *segments = user_data;
  Segment segment = { *a, *b, 0.0, distance (a, b) };

  if (segments->len > 0)
    {
      const Segment *last = &g_array_index (segments, Segment, segments->len - 1);

      segment.start = last->start + last->length;
    }
  g_array_append_val (segments, segment);
}

/* The point at arc length @s along the visible path, clamped to its ends. */
static SdPoint
point_at (GArray *segments,
          double  s)
{
  const Segment *seg = (const Segment *) (gpointer) segments->data;
  guint lo = 0, hi = segments->len - 1;
  double t;

  /* The last segment starting at or before @s. */
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (seg[mid].start <= s)
        lo = mid;
      else
        hi = mid - 1;
    }

  t = seg[lo].length > 0.0 ? CLAMP ((s - seg[lo].start) / seg[lo].length, 0.0, 1.0) : 0.0;
  return (SdPoint) { seg[lo].a.x + t * (seg[lo].b.x - seg[lo].a.x),
                     seg[lo].a.y + t * (seg[lo].b.y - seg[lo].a.y) };
}

static gboolean
crowded (const SdPoint *placed,
         guint          n_placed,
         const SdPoint *at,
         double         min_distance)
{
  for (guint k = 0; k < n_placed; k++)
    if (distance (at, &placed[k]) < min_distance)
      return TRUE;

  return FALSE;
}

static void
append_arrowhead (cairo_t       *cr,
                  const SdPoint *at,
                  double         ux,
                  double         uy,
                  double         length,
                  double         width)
{
  /* Centred on the path, so the head sits on the line it points along;
   * the notched base makes it read as an arrowhead, not a blob. */
  const SdArrowhead head = { length, width / 2, 0.3 };

  sd_arrowhead_append (cr, &head, at->x + ux * length / 2, at->y + uy * length / 2, ux, uy);
}

/* Puts an arrowhead every ARROW_SPACING font sizes of visible path (the
 * first half a spacing from the start), pointing where the path goes over
 * the arrowhead's length on either side. Where the path winds back and
 * forth within that window, as when an optimizer zigzags across a
 * valley, an arrowhead would point across the travel and none is drawn;
 * none either near the start and end markers or near another arrowhead,
 * where the path comes back. */
static void
append_arrowheads (Context *ctx,
                   cairo_t *cr)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  const SdPoint *first = &g_array_index (ctx->points, SdPoint, 0);
  const SdPoint *last = &g_array_index (ctx->points, SdPoint, ctx->points->len - 1);
  double spacing = ARROW_SPACING * ctx->style->font_size;
  double length = 1.5 * ctx->style->marker_size;
  double width = 1.2 * ctx->style->marker_size;
  double keep_out = 1.5 * ctx->style->marker_size;
  double window = 1.5 * length;
  SdPoint placed[MAX_ARROWS];
  guint n_placed = 0;
  double total;

  cairo_new_path (cr);
  foreach_visible_segment (ctx, add_segment, segments);
  if (segments->len == 0)
    return;
  total = g_array_index (segments, Segment, segments->len - 1).start
          + g_array_index (segments, Segment, segments->len - 1).length;

  for (double s = spacing / 2; s < total && n_placed < MAX_ARROWS; s += spacing)
    {
      SdPoint at = point_at (segments, s);
      SdPoint behind = point_at (segments, s - window);
      SdPoint ahead = point_at (segments, s + window);
      double chord = distance (&behind, &ahead);

      if (chord < window
          || distance (&at, first) < keep_out
          || distance (&at, last) < keep_out
          || crowded (placed, n_placed, &at, spacing / 2))
        continue;

      append_arrowhead (cr, &at, (ahead.x - behind.x) / chord, (ahead.y - behind.y) / chord,
                        length, width);
      placed[n_placed++] = at;
    }
}

typedef struct
{
  GArray  *busy;
  double   piece;
  double   margin;
  gboolean open;
  SdPoint  lo;
  SdPoint  hi;
} Busy;

static void
add_busy (GArray        *busy,
          const SdPoint *lo,
          const SdPoint *hi,
          double         margin)
{
  cairo_rectangle_t r = {
    lo->x - margin, lo->y - margin, hi->x - lo->x + 2 * margin, hi->y - lo->y + 2 * margin,
  };

  g_array_append_val (busy, r);
}

/* Covers the segment with rectangles a font size across around pieces of
 * path at most BUSY_LENGTH font sizes long, so that a legend measures how
 * much of the path it would hide rather than how much of its bounding box. */
static void
add_busy_segment (const SdPoint *a,
                  const SdPoint *b,
                  gpointer       user_data)
{
  Busy *busy = user_data;
  guint n = (guint) CLAMP (ceil (distance (a, b) / busy->piece), 1.0, 1000.0);

  for (guint p = 0; p < n; p++)
    {
      SdPoint u = { a->x + (b->x - a->x) * p / n, a->y + (b->y - a->y) * p / n };
      SdPoint v = { a->x + (b->x - a->x) * (p + 1) / n, a->y + (b->y - a->y) * (p + 1) / n };

      if (!busy->open)
        busy->lo = busy->hi = u;
      busy->open = TRUE;
      busy->lo = (SdPoint) { MIN (busy->lo.x, MIN (u.x, v.x)), MIN (busy->lo.y, MIN (u.y, v.y)) };
      busy->hi = (SdPoint) { MAX (busy->hi.x, MAX (u.x, v.x)), MAX (busy->hi.y, MAX (u.y, v.y)) };
      if (distance (&busy->lo, &busy->hi) >= busy->piece)
        {
          add_busy (busy->busy, &busy->lo, &busy->hi, busy->margin);
          busy->open = FALSE;
        }
    }
}

/* The path, and the markers more heavily. */
static void
collect_busy (Context *ctx,
              GArray  *rectangles)
{
  double em = ctx->style->font_size;
  Busy busy = { .busy = rectangles, .piece = BUSY_LENGTH * em, .margin = em / 2 };
  const SdPoint *ends[2] = {
    &g_array_index (ctx->points, SdPoint, 0),
    &g_array_index (ctx->points, SdPoint, ctx->points->len - 1),
  };

  foreach_visible_segment (ctx, add_busy_segment, &busy);
  if (busy.open)
    add_busy (rectangles, &busy.lo, &busy.hi, busy.margin);

  for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
    if (inside (&ctx->area, ends[k]))
      add_busy (rectangles, ends[k], ends[k], ctx->style->marker_size + em);
}

/* Where to mark the divergence: the last iterate if it is in view,
 * otherwise just inside the edge where the path last leaves the area. */
static gboolean
divergence_point (Context *ctx,
                  SdPoint *at)
{
  const SdPoint *points = (const SdPoint *) (gpointer) ctx->points->data;
  guint n = ctx->points->len;
  double inset = 1.1 * ctx->style->marker_size;

  for (guint k = n; k-- > 0;)
    {
      SdPoint a, b;
      double d;

      if (!inside (&ctx->area, &points[k]))
        continue;
      if (k == n - 1)
        {
          *at = points[k];
          return TRUE;
        }

      a = points[k];
      b = points[k + 1];
      if (!sd_clip_segment_points (&ctx->area, &a, &b))
        return FALSE;
      d = hypot (b.x - points[k].x, b.y - points[k].y);
      if (!(d > 0.0))
        return FALSE;
      inset = MIN (inset, d);
      *at = (SdPoint) { b.x - (b.x - points[k].x) / d * inset,
                        b.y - (b.y - points[k].y) / d * inset };
      return TRUE;
    }

  return FALSE;
}

/**
 * sd_trajectory_layer_draw:
 * @layer: the run to draw
 * @cr: a cairo context, clipped to the plot area
 * @plot: a laid out plot
 * @busy: (element-type cairo_rectangle_t) (nullable): where to add
 *   rectangles covering the visible path and its markers, for placing a
 *   legend
 *
 * Draws the path through the iterates as one line in the run's colour
 * over a faint halo of the background colour (so it reads on any part of a
 * heatmap), small arrowheads along it showing the direction of travel, a
 * hollow circle at the start and a filled one at the end (in the print
 * theme, the run's dash pattern and end mark). A run that
 * diverged ends in a red ✕ instead, at its last finite iterate or, when
 * that is out of view, where the path leaves the plot for the last time.
 * The line strays at most 0.3 points (times the style's scale) from the
 * iterates, which lets it skip the many that would not show.
 */
void
sd_trajectory_layer_draw (const SdTrajectoryLayer *layer,
                          cairo_t                 *cr,
                          const SdPlot            *plot,
                          GArray                  *busy)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) line = NULL;
  g_autoptr(GArray) pieces = NULL;
  cairo_antialias_t antialias;
  double halo[4];
  Context ctx;
  SdPoint first, last, mark;

  g_return_if_fail (layer != NULL);
  g_return_if_fail (layer->points != NULL || layer->n_points == 0);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL);

  points = g_array_sized_new (FALSE, FALSE, sizeof (SdPoint), layer->n_points);
  line = g_array_new (FALSE, FALSE, sizeof (SdPoint));
  pieces = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.layer = layer;
  ctx.style = sd_plot_get_style (plot);
  ctx.points = points;
  ctx.line = line;
  ctx.pieces = pieces;
  sd_plot_get_area (plot, &ctx.area);
  ctx.safe = (cairo_rectangle_t) {
    ctx.area.x - ctx.area.width, ctx.area.y - ctx.area.height,
    3 * ctx.area.width, 3 * ctx.area.height,
  };

  map_points (&ctx, plot);
  if (points->len == 0)
    return;
  build_line (&ctx);
  first = g_array_index (points, SdPoint, 0);
  last = g_array_index (points, SdPoint, points->len - 1);

  cairo_save (cr);
  /* Bevelled joins: between the short segments of a thinned path a round
   * join differs from a bevel by a fraction of a pixel, and cairo strokes
   * a path of hundreds of them in two thirds of the time without the
   * arcs. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  memcpy (halo, ctx.style->background, sizeof halo);
  halo[3] = 0.5;
  append_line (&ctx, cr);
  cairo_set_line_width (cr, 1.8 * ctx.style->line_width);
  sd_set_source_color (cr, halo);
  /* The halo's soft edge needs no fine antialiasing, and the coarse one
   * rasterizes it in two thirds of the time (only images are affected). */
  antialias = cairo_get_antialias (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_stroke_preserve (cr);
  cairo_set_antialias (cr, antialias);
  cairo_set_line_width (cr, ctx.style->line_width);
  sd_set_source_color (cr, layer->look.color);
  sd_run_style_set_dashes (&layer->look, cr);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  append_arrowheads (&ctx, cr);
  cairo_fill (cr);

  if (busy != NULL)
    collect_busy (&ctx, busy);

  if (inside (&ctx.safe, &first))
    sd_run_mark_draw (cr, ctx.style, SD_RUN_MARK_START, first.x, first.y, layer->look.color);

  if (layer->diverged)
    {
      if (divergence_point (&ctx, &mark))
        sd_run_mark_draw (cr, ctx.style, SD_RUN_MARK_DIVERGED, mark.x, mark.y, layer->look.color);
    }
  else if (inside (&ctx.safe, &last))
    sd_run_style_draw_end (&layer->look, cr, ctx.style, last.x, last.y);

  cairo_restore (cr);
}
