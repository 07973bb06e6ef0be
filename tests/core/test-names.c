/* test-names.c: finding a name in a table of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "names.h"

static const char * const colours[] = { "red", "green", "blue" };

static void
test_find (void)
{
  guint index = 99;

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      g_assert_true (sd_name_find (colours, G_N_ELEMENTS (colours), colours[i], &index));
      g_assert_cmpuint (index, ==, i);
    }

  /* A copy of the name is found as well: names compare as strings. */
  {
    g_autofree char *green = g_strdup ("green");

    g_assert_true (sd_name_find (colours, G_N_ELEMENTS (colours), green, &index));
    g_assert_cmpuint (index, ==, 1);
  }

  /* The index is optional. */
  g_assert_true (sd_name_find (colours, G_N_ELEMENTS (colours), "blue", NULL));
}

static void
test_not_found (void)
{
  guint index = 99;

  g_assert_false (sd_name_find (colours, G_N_ELEMENTS (colours), "Red", &index));
  g_assert_false (sd_name_find (colours, G_N_ELEMENTS (colours), "", &index));
  g_assert_false (sd_name_find (colours, G_N_ELEMENTS (colours), "blue ", &index));
  /* Only the first n_names count. */
  g_assert_false (sd_name_find (colours, 2, "blue", &index));
  g_assert_false (sd_name_find (NULL, 0, "red", &index));
  /* A failed search leaves the index alone. */
  g_assert_cmpuint (index, ==, 99);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/names/find", test_find);
  g_test_add_func ("/core/names/not-found", test_not_found);

  return g_test_run ();
}
