/* expr-grid.c: evaluating an expression over a grid, a row at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "expr-ops.h"
#include "expr-private.h"

/*
 * An interpreter pays for dispatching every instruction; over a grid that
 * cost is amortised by running each instruction over a whole run of points
 * in a tight loop, and avoided altogether for what does not change across a
 * row or a column:
 *
 *  - constants are folded when parsing;
 *  - instructions that depend on x only run once, over all columns
 *    (sd_expr_columns_new(), shared by the threads of a grid);
 *  - instructions that depend on y only run once per row, on one point;
 *  - only those that depend on both run per point, over tiles of TILE
 *    columns so that their buffers stay in the L1 cache
 *    (sd_expr_columns_eval(), on a band of rows).
 *
 * Every instruction's value and partials (d/dx, d/dy) are described by
 * Slots: a vector, a scalar that stands for all points, or nothing (a
 * structurally zero partial), optionally with the kind of each element (see
 * expr-ops.h) where a hard zero is possible. A partial that equals an
 * operand's (x + c has the x-partial of x) shares the operand's buffer
 * instead of copying it. Buffers come from pools and return there once the
 * one instruction that reads a result has run.
 *
 * The arithmetic is the same as sd_expr_eval_gradient()'s, operation for
 * operation, so grid and pointwise results agree bit for bit (where the
 * compiler does not fuse multiplications and additions differently).
 */

#define TILE 256

typedef double V2 __attribute__ ((vector_size (2 * sizeof (double))));

typedef struct
{
  const double *p;     /* NULL: structurally zero */
  const guint8 *kind;  /* NULL: ordinary values only */
  gboolean      vec;   /* one element per point; else p[0] stands for all */
  gboolean      wide;  /* indexed by column in the row, not in the tile */
} Slot;

typedef struct
{
  double *p;           /* NULL: not computed here */
  guint8 *kind;
} Dest;

typedef struct
{
  double *values;
  guint8 *kinds;
} Buffer;

typedef struct
{
  GPtrArray *buffers;
  GArray    *free;     /* indices into buffers */
  guint      width;
} Pool;

typedef struct
{
  const SdExpr *expr;
  gboolean      gradient;
  double        y;           /* the current row's y */
  Slot         *slots;       /* 3 per instruction: value, d/dx, d/dy */
  gint         *owned;       /* 3 per instruction: the buffer it owns, or -1 */
  gboolean     *compute;     /* 3 per instruction: computed, not shared */
  double       *out[3];      /* the current tile of the outputs, for the root */
  double       *y_values;    /* per instruction, for those on y only */
  double       *y_partials;
  guint8       *y_kinds;
  Pool          x_pool;
  Pool          xy_pool;
} Run;

static const double one = 1.0;

static void
buffer_free (gpointer data)
{
  Buffer *buffer = data;

  g_free (buffer->values);
  g_free (buffer->kinds);
  g_free (buffer);
}

static void
pool_init (Pool  *pool,
           guint  width)
{
  pool->buffers = g_ptr_array_new_with_free_func (buffer_free);
  pool->free = g_array_new (FALSE, FALSE, sizeof (guint));
  pool->width = width;
}

static void
pool_clear (Pool *pool)
{
  g_ptr_array_unref (pool->buffers);
  g_array_unref (pool->free);
}

static guint
pool_get (Pool *pool)
{
  Buffer *buffer;
  guint id;

  if (pool->free->len > 0)
    {
      id = g_array_index (pool->free, guint, pool->free->len - 1);
      g_array_set_size (pool->free, pool->free->len - 1);
      return id;
    }

  buffer = g_new (Buffer, 1);
  buffer->values = g_new (double, pool->width);
  buffer->kinds = g_new (guint8, pool->width);
  g_ptr_array_add (pool->buffers, buffer);

  return pool->buffers->len - 1;
}

static void
pool_put (Pool  *pool,
          guint  id)
{
  g_array_append_val (pool->free, id);
}

static inline gsize
stride (const Slot *s)
{
  return s->vec ? 1 : 0;
}

static Slot
shift (Slot  s,
       guint t0)
{
  if (s.vec && s.wide)
    {
      s.p += t0;
      if (s.kind != NULL)
        s.kind += t0;
    }

  return s;
}

static inline V2
load2 (const double *p)
{
  V2 v;

  memcpy (&v, p, sizeof v);
  return v;
}

static inline void
store2 (double *p,
        V2      v)
{
  memcpy (p, &v, sizeof v);
}

/* out = a OP b for two slots of which at least one is usually a vector;
 * two lanes at a time, which is exactly the scalar arithmetic twice. */
#define DEFINE_BINARY_KERNEL(name, OP)                                      \
  static void                                                               \
  name (guint                  n,                                           \
        double       *restrict out,                                         \
        const Slot            *a,                                           \
        const Slot            *b)                                           \
  {                                                                         \
    const double *pa = a->p;                                                \
    const double *pb = b->p;                                                \
    guint i = 0;                                                            \
                                                                            \
    if (a->vec && b->vec)                                                   \
      {                                                                     \
        for (; i + 4 <= n; i += 4)                                          \
          {                                                                 \
            store2 (out + i, load2 (pa + i) OP load2 (pb + i));             \
            store2 (out + i + 2, load2 (pa + i + 2) OP load2 (pb + i + 2)); \
          }                                                                 \
        for (; i < n; i++)                                                  \
          out[i] = pa[i] OP pb[i];                                          \
      }                                                                     \
    else if (a->vec)                                                        \
      {                                                                     \
        V2 s = { pb[0], pb[0] };                                            \
                                                                            \
        for (; i + 4 <= n; i += 4)                                          \
          {                                                                 \
            store2 (out + i, load2 (pa + i) OP s);                          \
            store2 (out + i + 2, load2 (pa + i + 2) OP s);                  \
          }                                                                 \
        for (; i < n; i++)                                                  \
          out[i] = pa[i] OP pb[0];                                          \
      }                                                                     \
    else if (b->vec)                                                        \
      {                                                                     \
        V2 s = { pa[0], pa[0] };                                            \
                                                                            \
        for (; i + 4 <= n; i += 4)                                          \
          {                                                                 \
            store2 (out + i, s OP load2 (pb + i));                          \
            store2 (out + i + 2, s OP load2 (pb + i + 2));                  \
          }                                                                 \
        for (; i < n; i++)                                                  \
          out[i] = pa[0] OP pb[i];                                          \
      }                                                                     \
    else                                                                    \
      {                                                                     \
        for (; i < n; i++)                                                  \
          out[i] = pa[0] OP pb[0];                                          \
      }                                                                     \
  }

DEFINE_BINARY_KERNEL (kernel_add, +)
DEFINE_BINARY_KERNEL (kernel_sub, -)
DEFINE_BINARY_KERNEL (kernel_mul, *)
DEFINE_BINARY_KERNEL (kernel_div, /)

static void
kernel_copy (guint             n,
             double  *restrict out,
             const Slot       *a)
{
  if (a->vec)
    memcpy (out, a->p, n * sizeof (double));
  else
    for (guint i = 0; i < n; i++)
      out[i] = a->p[0];
}

static void
kernel_neg (guint             n,
            double  *restrict out,
            const Slot       *a)
{
  gsize sa = stride (a);

  for (guint i = 0; i < n; i++)
    out[i] = -a->p[i * sa];
}

static void
kernel_square (guint             n,
               double  *restrict out,
               const Slot       *a)
{
  const double *pa = a->p;
  guint i = 0;

  if (!a->vec)
    {
      for (; i < n; i++)
        out[i] = pa[0] * pa[0];
      return;
    }

  for (; i + 2 <= n; i += 2)
    {
      V2 v = load2 (pa + i);

      store2 (out + i, v * v);
    }
  for (; i < n; i++)
    out[i] = pa[i] * pa[i];
}

/* out = p * q + r * s, the partial of a product */
static void
kernel_product_rule (guint             n,
                     double  *restrict out,
                     const Slot       *p,
                     const Slot       *q,
                     const Slot       *r,
                     const Slot       *s)
{
  gsize sp = stride (p), sq = stride (q), sr = stride (r), ss = stride (s);

  for (guint i = 0; i < n; i++)
    out[i] = p->p[i * sp] * q->p[i * sq] + r->p[i * sr] * s->p[i * ss];
}

static void
values_kernel (const SdExprInsn *insn,
               guint             n,
               const Slot       *a,
               const Slot       *b,
               double           *out)
{
  SdExprOp op = insn->op;
  gsize sa = stride (a), sb = stride (b);

  switch (op)
    {
    case SD_EXPR_OP_ADD:
      kernel_add (n, out, a, b);
      break;
    case SD_EXPR_OP_SUB:
      kernel_sub (n, out, a, b);
      break;
    case SD_EXPR_OP_MUL:
      kernel_mul (n, out, a, b);
      break;
    case SD_EXPR_OP_DIV:
      kernel_div (n, out, a, b);
      break;
    case SD_EXPR_OP_NEG:
      kernel_neg (n, out, a);
      break;
    case SD_EXPR_OP_POWK:
      if (insn->k == 2.0)
        {
          kernel_square (n, out, a);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      if (SD_EXPR_OP_IS_BINARY (op))
        for (guint i = 0; i < n; i++)
          out[i] = sd_expr_op_value (op, insn->k, a->p[i * sa], b->p[i * sb]);
      else
        for (guint i = 0; i < n; i++)
          out[i] = sd_expr_op_value (op, insn->k, a->p[i * sa], 0.0);
      break;
    }
}

/* The partials when no hard zero can occur: plain products and sums, in
 * the order sd_expr_op_step() takes them. */
static void
partials_kernel (const SdExprInsn *insn,
                 guint             n,
                 const Slot       *a,
                 const Slot       *b,
                 const Dest       *dest)
{
  SdExprOp op = insn->op;
  gboolean binary = SD_EXPR_OP_IS_BINARY (op);
  gsize sa = stride (&a[0]), sb = stride (&b[0]);

  switch (op)
    {
    case SD_EXPR_OP_ADD:
    case SD_EXPR_OP_SUB:
    case SD_EXPR_OP_NEG:
    case SD_EXPR_OP_MUL:
      for (guint c = 1; c < 3; c++)
        {
          const Slot *ta = &a[c];
          const Slot *tb = &b[c];
          double *out = dest[c].p;

          if (out == NULL)
            continue;

          if (op == SD_EXPR_OP_MUL)
            {
              if (ta->p != NULL && tb->p != NULL)
                kernel_product_rule (n, out, &b[0], ta, &a[0], tb);
              else if (ta->p != NULL)
                kernel_mul (n, out, &b[0], ta);
              else
                kernel_mul (n, out, &a[0], tb);
            }
          else if (op == SD_EXPR_OP_NEG)
            kernel_neg (n, out, ta);
          else if (ta->p != NULL && tb->p != NULL)
            (op == SD_EXPR_OP_ADD ? kernel_add : kernel_sub) (n, out, ta, tb);
          else if (ta->p != NULL || op == SD_EXPR_OP_ADD)
            kernel_copy (n, out, ta->p != NULL ? ta : tb);
          else
            kernel_neg (n, out, tb);
        }
      return;

    default:
      break;
    }

  /* One loop for the value and both partials, which share work (sin and
   * cos, the square root in asin). */
  for (guint i = 0; i < n; i++)
    {
      double va = a[0].p[i * sa];
      double vb = binary ? b[0].p[i * sb] : 0.0;
      SdExt fa, fb;
      double v = sd_expr_op_partials (op, insn->k, va, vb, &fa, &fb);

      if (dest[0].p != NULL)
        dest[0].p[i] = v;

      for (guint c = 1; c < 3; c++)
        {
          const Slot *ta = &a[c];
          const Slot *tb = &b[c];

          if (dest[c].p == NULL)
            continue;

          if (ta->p != NULL && tb->p != NULL)
            dest[c].p[i] = fa.v * ta->p[i * stride (ta)] + fb.v * tb->p[i * stride (tb)];
          else if (ta->p != NULL)
            dest[c].p[i] = fa.v * ta->p[i * stride (ta)];
          else
            dest[c].p[i] = fb.v * tb->p[i * stride (tb)];
        }
    }
}

static inline SdExt
load_ext (const Slot *s,
          guint       i)
{
  gsize index = i * stride (s);

  if (s->p == NULL)
    return SD_EXT_NONE;

  return (SdExt) { s->p[index], s->kind != NULL ? s->kind[index] : SD_EXT_VALUE };
}

/* The general case, element by element with the kinds of the partials. */
static void
ext_kernel (const SdExprInsn *insn,
            guint             n,
            const Slot       *a,
            const Slot       *b,
            const Dest       *dest)
{
  gboolean binary = SD_EXPR_OP_IS_BINARY (insn->op);
  gsize sa = stride (&a[0]), sb = stride (&b[0]);

  for (guint i = 0; i < n; i++)
    {
      SdExt ta[2], tb[2], tv[2], fa, fb;
      double v;

      for (guint d = 0; d < 2; d++)
        {
          ta[d] = load_ext (&a[1 + d], i);
          tb[d] = load_ext (&b[1 + d], i);
        }

      v = sd_expr_op_step (insn->op, insn->k, a[0].p[i * sa],
                           binary ? b[0].p[i * sb] : 0.0, ta, tb, tv, &fa, &fb);

      if (dest[0].p != NULL)
        dest[0].p[i] = v;

      for (guint d = 0; d < 2; d++)
        {
          if (dest[1 + d].p == NULL)
            continue;
          dest[1 + d].p[i] = tv[d].v;
          if (dest[1 + d].kind != NULL)
            dest[1 + d].kind[i] = tv[d].kind;
        }
    }
}

static void
run_insn (const Run        *run,
          guint             index,
          guint             n,
          guint             t0)
{
  static const Slot nothing[3] = { { NULL }, { NULL }, { NULL } };
  const SdExprInsn *insn = &run->expr->insns[index];
  gboolean binary = SD_EXPR_OP_IS_BINARY (insn->op);
  /* The result of the whole expression, computed per point, goes straight
   * to the output, where no kinds are kept. */
  gboolean to_output = index == run->expr->n_insns - 1 && insn->deps == SD_EXPR_DEP_XY;
  Slot a[3], b[3];
  Dest dest[3];
  gboolean hard_possible;

  if (!run->gradient)
    {
      /* the common case, and the one where this overhead counts most */
      a[0] = shift (run->slots[3 * insn->a], t0);
      b[0] = binary ? shift (run->slots[3 * insn->b], t0) : nothing[0];
      values_kernel (insn, n, &a[0], &b[0],
                     to_output ? run->out[0] : (double *) run->slots[3 * index].p);
      return;
    }

  for (guint c = 0; c < 3; c++)
    {
      const Slot *s = &run->slots[3 * index + c];

      a[c] = shift (run->slots[3 * insn->a + c], t0);
      b[c] = binary ? shift (run->slots[3 * insn->b + c], t0) : nothing[c];

      /* The destination is the instruction's own buffer, never shared with
       * an operand's, so the kernels may take it as restrict. */
      dest[c].p = run->compute[3 * index + c] ? (double *) s->p : NULL;
      dest[c].kind = dest[c].p != NULL ? (guint8 *) s->kind : NULL;
      if (to_output && dest[c].p != NULL)
        {
          dest[c].p = run->out[c];
          dest[c].kind = NULL;
        }
    }

  hard_possible = sd_expr_op_selects (insn->op, insn->k) ||
                  a[1].kind != NULL || a[2].kind != NULL ||
                  b[1].kind != NULL || b[2].kind != NULL;

  if (hard_possible)
    {
      ext_kernel (insn, n, a, b, dest);
      return;
    }

  /* Sums and products have vector kernels for their values; every other
   * operation computes its value together with its partials. */
  switch (insn->op)
    {
    case SD_EXPR_OP_ADD:
    case SD_EXPR_OP_SUB:
    case SD_EXPR_OP_NEG:
    case SD_EXPR_OP_MUL:
      values_kernel (insn, n, &a[0], &b[0], dest[0].p);
      break;
    default:
      break;
    }

  partials_kernel (insn, n, a, b, dest);
}

/* The operand whose partial along @d an instruction simply inherits. */
static gint
shared_partial (const SdExprInsn *insns,
                const SdExprInsn *insn,
                guint             d)
{
  guint bit = 1u << d;
  gboolean in_a, in_b;

  if (insn->op != SD_EXPR_OP_ADD && insn->op != SD_EXPR_OP_SUB)
    return -1;

  in_a = (insns[insn->a].deps & bit) != 0;
  in_b = (insns[insn->b].deps & bit) != 0;

  if (in_a && !in_b)
    return (gint) insn->a;
  if (in_b && !in_a && insn->op == SD_EXPR_OP_ADD)
    return (gint) insn->b;

  return -1;
}

/* Decides where instruction @index (x-only or on both) puts its value and
 * partials, taking buffers from @pool, and returns its operands' buffers
 * once they are read: each result has one reader only. Results of another
 * class (x-only ones read per point) are never returned. */
static void
place (Run   *run,
       Pool  *pool,
       guint  index)
{
  const SdExprInsn *insns = run->expr->insns;
  const SdExprInsn *insn = &insns[index];
  guint operands[2] = { insn->a, insn->b };
  guint n_operands = SD_EXPR_OP_IS_BINARY (insn->op) ? 2 : 1;

  for (guint c = 0; c < 3; c++)
    {
      guint slot = 3 * index + c;
      gint from = -1;
      Buffer *buffer;
      guint id;

      if (c > 0 && (!run->gradient || (insn->deps & (1u << (c - 1))) == 0))
        continue;

      if (c > 0)
        from = shared_partial (insns, insn, c - 1);

      if (from >= 0)
        {
          run->slots[slot] = run->slots[3 * from + c];
          if (insns[from].deps == insn->deps)
            {
              run->owned[slot] = run->owned[3 * from + c];
              run->owned[3 * from + c] = -1;
            }
          continue;
        }

      id = pool_get (pool);
      buffer = g_ptr_array_index (pool->buffers, id);
      run->owned[slot] = (gint) id;
      run->compute[slot] = TRUE;
      run->slots[slot] = (Slot) {
        .p = buffer->values,
        .kind = (c > 0 && (insn->may_hard & (1u << (c - 1))) != 0) ? buffer->kinds : NULL,
        .vec = TRUE,
        .wide = pool == &run->x_pool,
      };
    }

  for (guint i = 0; i < n_operands; i++)
    {
      if (insns[operands[i]].deps != insn->deps || SD_EXPR_OP_IS_LEAF (insns[operands[i]].op))
        continue;

      for (guint c = 0; c < 3; c++)
        {
          gint *owned = &run->owned[3 * operands[i] + c];

          if (*owned >= 0)
            pool_put (pool, (guint) *owned);
          *owned = -1;
        }
    }
}

struct _SdExprColumns
{
  SdExpr   *expr;
  guint     nx;
  gboolean  gradient;
  Pool      pool;   /* holds the results of the x-only instructions */
  Slot     *slots;  /* 3 per instruction; those of constants, x and x-only ones set */
};

static void
run_init (Run          *run,
          const SdExpr *expr,
          gboolean      gradient)
{
  guint n = 3 * expr->n_insns;

  run->expr = expr;
  run->gradient = gradient;
  run->slots = g_new0 (Slot, n);
  run->owned = g_new (gint, n);
  run->compute = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    run->owned[i] = -1;
}

static void
run_clear (Run *run)
{
  g_free (run->slots);
  g_free (run->owned);
  g_free (run->compute);
  g_free (run->y_values);
  g_free (run->y_partials);
  g_free (run->y_kinds);
  if (run->xy_pool.buffers != NULL)
    pool_clear (&run->xy_pool);
}

static void
place_columns (Run          *run,
               const double *xs)
{
  const SdExpr *expr = run->expr;

  for (guint i = 0; i < expr->n_insns; i++)
    {
      const SdExprInsn *insn = &expr->insns[i];
      Slot *s = &run->slots[3 * i];

      if (insn->op == SD_EXPR_OP_CONST)
        s[0] = (Slot) { .p = &insn->k };
      else if (insn->op == SD_EXPR_OP_X)
        {
          s[0] = (Slot) { .p = xs, .vec = TRUE, .wide = TRUE };
          s[1] = (Slot) { .p = &one };
        }
    }
}

/* y and the y-only instructions: one scalar each, computed per row */
static void
place_rows (Run *run)
{
  const SdExpr *expr = run->expr;

  run->y_values = g_new0 (double, expr->n_insns);
  run->y_partials = g_new0 (double, expr->n_insns);
  run->y_kinds = g_new0 (guint8, expr->n_insns);

  for (guint i = 0; i < expr->n_insns; i++)
    {
      const SdExprInsn *insn = &expr->insns[i];
      Slot *s = &run->slots[3 * i];

      if (insn->op == SD_EXPR_OP_Y)
        {
          s[0] = (Slot) { .p = &run->y };
          s[2] = (Slot) { .p = &one };
        }
      else if (insn->deps == SD_EXPR_DEP_Y)
        {
          s[0] = (Slot) { .p = &run->y_values[i] };
          run->compute[3 * i] = TRUE;
          if (run->gradient)
            {
              s[2] = (Slot) {
                .p = &run->y_partials[i],
                .kind = (insn->may_hard & 2) != 0 ? &run->y_kinds[i] : NULL,
              };
              run->compute[3 * i + 2] = TRUE;
            }
        }
    }
}

static void
store_row (const Slot *s,
           guint       t0,
           guint       n,
           double     *out)
{
  Slot shifted = shift (*s, t0);

  if (out == NULL)
    return;

  if (shifted.p == NULL)
    {
      for (guint i = 0; i < n; i++)
        out[i] = 0.0;
      return;
    }

  /* A hard zero is stored as 0.0, so the values alone say it. */
  kernel_copy (n, out, &shifted);
}

/*
 * sd_expr_columns_new:
 * @expr: an expression
 * @xs: (array length=nx): the x of each column; must outlive the result
 * @nx: the number of columns, at least 1
 * @gradient: whether rows will be evaluated with their gradient
 *
 * Computes what depends on x alone, once for all rows: a grid cut into
 * bands of rows for threads evaluates it once instead of once per band.
 * The result is read-only; any number of threads may use it at once.
 *
 * Returns: (transfer full): the columns, for sd_expr_columns_eval()
 */
SdExprColumns *
sd_expr_columns_new (const SdExpr *expr,
                     const double *xs,
                     guint         nx,
                     gboolean      gradient)
{
  SdExprColumns *columns;
  Run run = { 0 };

  g_return_val_if_fail (expr != NULL, NULL);
  g_return_val_if_fail (xs != NULL && nx > 0, NULL);

  run_init (&run, expr, gradient);
  pool_init (&run.x_pool, nx);
  place_columns (&run, xs);

  for (guint i = 0; i < expr->n_insns; i++)
    if (expr->insns[i].deps == SD_EXPR_DEP_X && !SD_EXPR_OP_IS_LEAF (expr->insns[i].op))
      {
        place (&run, &run.x_pool, i);
        run_insn (&run, i, nx, 0);
      }

  columns = g_new0 (SdExprColumns, 1);
  columns->expr = sd_expr_ref ((SdExpr *) expr);
  columns->nx = nx;
  columns->gradient = gradient;
  columns->pool = run.x_pool;
  columns->slots = g_steal_pointer (&run.slots);
  run_clear (&run);

  return columns;
}

void
sd_expr_columns_free (SdExprColumns *columns)
{
  if (columns == NULL)
    return;

  pool_clear (&columns->pool);
  g_free (columns->slots);
  sd_expr_unref (columns->expr);
  g_free (columns);
}

/*
 * sd_expr_columns_eval:
 * @columns: the columns
 * @band: rows of the grid whose columns @columns has: its xs must be
 *   those @columns was made from
 *
 * Evaluates rows of the grid whose columns @columns has, as
 * sd_expr_eval_grid() does; the gradient only if @columns was made for it.
 */
void
sd_expr_columns_eval (const SdExprColumns *columns,
                      const SdGridBand    *band)
{
  const SdExpr *expr;
  const SdExprInsn *insns;
  guint n_insns, nx, root;
  gboolean root_writes[3];
  Run run = { 0 };

  g_return_if_fail (columns != NULL);
  g_return_if_fail (band != NULL);
  g_return_if_fail (band->nx == columns->nx);
  g_return_if_fail (band->ys != NULL || band->ny == 0);
  g_return_if_fail (band->values != NULL || band->ny == 0);
  g_return_if_fail (columns->gradient || (band->grad_x == NULL && band->grad_y == NULL));

  expr = columns->expr;
  insns = expr->insns;
  n_insns = expr->n_insns;
  nx = columns->nx;
  root = n_insns - 1;

  run_init (&run, expr, band->grad_x != NULL || band->grad_y != NULL);
  memcpy (run.slots, columns->slots, 3 * n_insns * sizeof (Slot));
  pool_init (&run.xy_pool, TILE);
  place_rows (&run);

  /* what depends on both is placed once and run per tile */
  for (guint i = 0; i < n_insns; i++)
    if (insns[i].deps == SD_EXPR_DEP_XY)
      place (&run, &run.xy_pool, i);

  for (guint c = 0; c < 3; c++)
    root_writes[c] = insns[root].deps == SD_EXPR_DEP_XY && run.compute[3 * root + c];

  for (guint j = 0; j < band->ny; j++)
    {
      run.y = band->ys[j];

      for (guint i = 0; i < n_insns; i++)
        if (insns[i].deps == SD_EXPR_DEP_Y && !SD_EXPR_OP_IS_LEAF (insns[i].op))
          run_insn (&run, i, 1, 0);

      for (guint t0 = 0; t0 < nx; t0 += TILE)
        {
          guint n = MIN (TILE, nx - t0);
          gsize offset = (gsize) j * nx + t0;

          run.out[0] = band->values + offset;
          run.out[1] = band->grad_x != NULL ? band->grad_x + offset : NULL;
          run.out[2] = band->grad_y != NULL ? band->grad_y + offset : NULL;

          for (guint i = 0; i < n_insns; i++)
            if (insns[i].deps == SD_EXPR_DEP_XY)
              run_insn (&run, i, n, t0);

          /* what the root did not write itself: shared or scalar results */
          for (guint c = 0; c < 3; c++)
            if (!root_writes[c])
              store_row (&run.slots[3 * root + c], t0, n, run.out[c]);
        }
    }

  run_clear (&run);
}

/**
 * sd_expr_eval_grid:
 * @expr: an expression
 * @band: the points and the arrays to fill with the values and, where not
 *   %NULL, the gradient
 *
 * Evaluates @expr over the grid of @band's xs x ys, and its gradient if
 * asked. The results are exactly those of sd_expr_eval() and
 * sd_expr_eval_gradient() at each point, computed much faster: what
 * depends on x alone is computed once per column, what depends on y alone
 * once per row. Uses no shared state; any number of threads may evaluate
 * (parts of) grids at once.
 */
void
sd_expr_eval_grid (const SdExpr     *expr,
                   const SdGridBand *band)
{
  SdExprColumns *columns;

  g_return_if_fail (expr != NULL);
  g_return_if_fail (band != NULL);
  g_return_if_fail (band->xs != NULL || band->nx == 0);
  g_return_if_fail (band->ys != NULL || band->ny == 0);
  g_return_if_fail (band->values != NULL || band->nx == 0 || band->ny == 0);

  if (band->nx == 0 || band->ny == 0)
    return;

  columns = sd_expr_columns_new (expr, band->xs, band->nx,
                                 band->grad_x != NULL || band->grad_y != NULL);
  sd_expr_columns_eval (columns, band);
  sd_expr_columns_free (columns);
}
