/* test-numfmt.c: numbers as scene files and messages write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "numfmt.h"

typedef struct
{
  double      value;
  const char *in_files;     /* sd_format_double () */
  const char *in_messages;  /* sd_format_number () */
} FormatCase;

/* The two differ only in where they start: files write whole numbers out
 * up to 10^15, messages take printf's shortest %g. */
static const FormatCase format_cases[] = {
  { 0.05, "0.05", "0.05" },
  { 0.1, "0.1", "0.1" },
  { 0.1 + 0.2, "0.30000000000000004", "0.30000000000000004" },
  { 1.0 / 3.0, "0.3333333333333333", "0.3333333333333333" },
  { 2.5, "2.5", "2.5" },
  { 100, "100", "1e+02" },
  { 123456789, "123456789", "123456789" },
  { 1e9, "1000000000", "1e+09" },
  { 1e15, "1e+15", "1e+15" },
  { 1e-5, "1e-05", "1e-05" },
  { 5e-324, "4.94065645841247e-324", "5e-324" },
  { -0.0, "-0", "-0" },
  { INFINITY, "inf", "inf" },
  { -INFINITY, "-inf", "-inf" },
  { NAN, "nan", "nan" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      char text[SD_FORMAT_DOUBLE_SIZE];

      g_assert_cmpstr (sd_format_double (text, c->value), ==, c->in_files);
      g_assert_cmpstr (sd_format_number (text, sizeof text, c->value), ==, c->in_messages);
    }
}

/* Whatever the value, both forms read back as exactly that value. */
static void
test_format_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (17);

  for (guint i = 0; i < 10000; i++)
    {
      guint64 bits = (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
      char text[SD_FORMAT_DOUBLE_SIZE];
      double value, back;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;

      g_assert_true (sd_parse_double (sd_format_double (text, value), &back));
      g_assert_cmpmem (&back, sizeof back, &value, sizeof value);
      g_assert_true (sd_parse_double (sd_format_number (text, sizeof text, value), &back));
      g_assert_cmpmem (&back, sizeof back, &value, sizeof value);
    }

  g_rand_free (rand);
}

static void
test_parse (void)
{
  double value = 0.0;

  g_assert_true (sd_parse_double (" 1.5\t", &value));
  g_assert_cmpfloat (value, ==, 1.5);
  g_assert_true (sd_parse_double ("-2e-3", &value));
  g_assert_cmpfloat (value, ==, -0.002);
  g_assert_true (sd_parse_double ("nan", &value));
  g_assert_true (isnan (value));
  g_assert_true (sd_parse_double ("1e999", &value));
  g_assert_cmpfloat (value, ==, INFINITY);

  g_assert_false (sd_parse_double ("", &value));
  g_assert_false (sd_parse_double ("   ", &value));
  g_assert_false (sd_parse_double ("1.5x", &value));
  g_assert_false (sd_parse_double ("1,5", &value));
}

static void
test_parse_list (void)
{
  double values[3] = { 0 };
  guint n = 0;

  g_assert_true (sd_parse_double_list ("1.5;-2", values, 2, &n));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (values[0], ==, 1.5);
  g_assert_cmpfloat (values[1], ==, -2.0);

  /* GKeyFile ends its lists with a separator. */
  g_assert_true (sd_parse_double_list ("1;2;3;", values, 3, &n));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (values[2], ==, 3.0);

  g_assert_false (sd_parse_double_list ("1;2;3", values, 2, &n));
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (sd_parse_double_list ("1", values, 2, NULL));
  g_assert_false (sd_parse_double_list ("1;x", values, 2, &n));
  g_assert_cmpuint (n, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/numfmt/format", test_format);
  g_test_add_func ("/core/numfmt/format/round-trip", test_format_round_trip);
  g_test_add_func ("/core/numfmt/parse", test_parse);
  g_test_add_func ("/core/numfmt/parse/list", test_parse_list);

  return g_test_run ();
}
