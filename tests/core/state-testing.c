/* state-testing.c: comparing optimizer states in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "state-testing.h"

/* The same bits in a field of a and of b. */
#define assert_same_bits(a, b, field) \
  g_assert_cmpmem (&(a)->field, sizeof (a)->field, &(b)->field, sizeof (b)->field)

/**
 * assert_states_equal:
 * @a: a state
 * @b: another state
 *
 * Asserts that @a and @b hold the same numbers, bit for bit. It compares
 * field by field: the memory of the whole structs would also compare the
 * padding after @iteration, which holds nothing defined.
 */
void
assert_states_equal (const SdOptimizerState *a,
                     const SdOptimizerState *b)
{
  g_assert_cmpuint (a->iteration, ==, b->iteration);
  assert_same_bits (a, b, position);
  assert_same_bits (a, b, loss);
  assert_same_bits (a, b, gradient);
  assert_same_bits (a, b, step_gradient);
  assert_same_bits (a, b, delta);
  assert_same_bits (a, b, velocity);
  assert_same_bits (a, b, first_moment);
  assert_same_bits (a, b, second_moment);
  assert_same_bits (a, b, first_moment_hat);
  assert_same_bits (a, b, second_moment_hat);
  assert_same_bits (a, b, effective_learning_rate);
  assert_same_bits (a, b, simplex_size);
}

/**
 * assert_points_equal:
 * @a: (array length=n): states, such as the points of a trajectory
 * @b: (array length=n): as many other states
 * @n: how many
 *
 * Asserts that @a and @b are the same states, bit for bit.
 */
void
assert_points_equal (const SdOptimizerState *a,
                     const SdOptimizerState *b,
                     guint                   n)
{
  for (guint i = 0; i < n; i++)
    assert_states_equal (&a[i], &b[i]);
}
