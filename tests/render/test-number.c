/* test-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "number.h"

#define MINUS "\xe2\x88\x92"
#define TIMES "\xc3\x97"
#define THIN "\xe2\x80\x89"
#define POWER(k) "10<sup>" k "</sup>"

typedef struct
{
  double      value;
  const char *text;
} Case;

static void
check_cases (const SdNumberFormat *format,
             const Case           *cases,
             guint                 n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *text = sd_number_format (format, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
check_style (SdNumberStyle  style,
             const Case    *cases,
             guint          n_cases)
{
  SdNumberFormat format;

  sd_number_format_init (&format, style);
  check_cases (&format, cases, n_cases);
}

/* The one rule: positional from 10^-4 up to, not including, 10^6. */
static void
test_rule (void)
{
  static const struct
  {
    double   magnitude;
    gboolean scientific;
  } cases[] = {
    { 0.0, FALSE },
    { 1e-4, FALSE },
    { 9.99999e-5, TRUE },
    { 1e-300, TRUE },
    { 0.5, FALSE },
    { 999999.999, FALSE },
    { 1e6, TRUE },
    { -1e6, TRUE },
    { -0.001, FALSE },
    { 1e300, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sd_number_is_scientific (cases[i].magnitude), ==, cases[i].scientific);
}

/* Six significant digits, as printf's %.6g writes them, with the minus
 * sign U+2212 and ×10 with a superscript for the exponent. */
static void
test_readout (void)
{
  static const Case cases[] = {
    { G_PI, "3.14159" },
    { -G_PI, MINUS "3.14159" },
    { 1.5, "1.5" },
    { 100.0, "100" },
    { 0.1 + 0.2, "0.3" },
    { 0.0001, "0.0001" },
    { 0.000099999, "9.9999" TIMES POWER (MINUS "5") },
    { -2.5e-7, MINUS "2.5" TIMES POWER (MINUS "7") },
    { 999999.4, "999999" },
    /* Rounds to 1.00000 × 10^6: the rule sees the number as written. */
    { 999999.7, "1" TIMES POWER ("6") },
    { 123456789.0, "1.23457" TIMES POWER ("8") },
    { 1e20, "1" TIMES POWER ("20") },
    { 0.0, "0" },
    { -0.0, "0" },
    { NAN, "undefined" },
    { INFINITY, "\xe2\x88\x9e" },
    { -INFINITY, MINUS "\xe2\x88\x9e" },
  };

  check_style (SD_NUMBER_READOUT, cases, G_N_ELEMENTS (cases));
}

/* Three significant digits, the whole part kept. */
static void
test_compact (void)
{
  static const Case cases[] = {
    { sqrt (3.0) / 2, "0.866" },
    { 12.345, "12.3" },
    { 12345.6, "12346" },
    { 123456.0, "123456" },
    { -2.0, MINUS "2" },
    { 1.5, "1.5" },
    { 9.996, "10" },
    { 0.00012345, "0.000123" },
    { 1.2345e-5, "1.23" TIMES POWER (MINUS "5") },
    { 2.5e6, "2.5" TIMES POWER ("6") },
    { -1e5, MINUS "100000" },
    { 60.0, "60" },
  };

  check_style (SD_NUMBER_COMPACT, cases, G_N_ELEMENTS (cases));
}

/* Rounding noise within the format's zero is written 0, whatever its sign. */
static void
test_zero (void)
{
  static const Case cases[] = {
    { 1e-17, "0" },
    { -4e-16, "0" },
    { 2e-15, "2" TIMES POWER (MINUS "15") },
    { 0.5, "0.5" },
  };
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_COMPACT);
  format.zero = 1e-15;
  check_cases (&format, cases, G_N_ELEMENTS (cases));
}

/* Ticks take the step's decimals, and one notation per axis: the one its
 * largest tick takes. */
static void
test_tick (void)
{
  static const Case tenths[] = {
    { 0.1 * 3, "0.3" },
    { 1.0, "1.0" },
    { -1e-17, "0" },
    { -1.5, MINUS "1.5" },
  };
  static const Case millions[] = {
    { 0.0, "0" },
    { 200000.0, "2" TIMES POWER ("5") },
    { 1e6, "1" TIMES POWER ("6") },
  };
  static const Case tiny[] = {
    { 2e-5, "0.00002" },
    { 1.2e-4, "0.00012" },
  };
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_TICK);
  format.step = 0.5;
  check_cases (&format, tenths, G_N_ELEMENTS (tenths));

  /* An axis from 0 to 10^6: its largest tick is 10^6. */
  format.step = 200000.0;
  format.magnitude = 1e6;
  check_cases (&format, millions, G_N_ELEMENTS (millions));

  /* Up to 1.2 × 10^-4, every tick is positional. */
  format.step = 2e-5;
  format.magnitude = 1.2e-4;
  check_cases (&format, tiny, G_N_ELEMENTS (tiny));

  /* A lone tick has no step: six significant digits. */
  sd_number_format_init (&format, SD_NUMBER_TICK);
  check_cases (&format, (const Case[]) { { G_PI, "3.14159" } }, 1);
}

static void
test_log_tick (void)
{
  static const Case cases[] = {
    { 1e-3, POWER (MINUS "3") },
    { 1.0, POWER ("0") },
    { 1e300, POWER ("300") },
    { 50.0, "5" TIMES POWER ("1") },
    { 2e-5, "2" TIMES POWER (MINUS "5") },
    { 1.25, "1.25" },
    { -1.0, MINUS "1" },
  };

  check_style (SD_NUMBER_LOG_TICK, cases, G_N_ELEMENTS (cases));
}

/* Probabilities from scipy.stats.norm: no value but 0 and 1 reads as 0
 * or 1. */
static void
test_probability (void)
{
  static const Case cases[] = {
    /* norm.cdf(1) - norm.cdf(-1) */
    { 0.6826894921370859, "0.6827" },
    /* norm.cdf(1.96) - norm.cdf(-1.96) */
    { 0.9500042097035591, "0.9500" },
    /* norm.sf(3): two significant digits below 0.01 */
    { 0.0013498980316301, "0.0013" },
    /* norm.sf(5): still two, in scientific notation below 10^-4 */
    { 2.866515718791939e-07, "2.9" TIMES POWER (MINUS "7") },
    /* 1 - 2 norm.sf(5): as many digits as it takes not to read 1 */
    { 0.9999994266968562, "0.99999943" },
    { 0.0, "0" },
    { 1.0, "1" },
    { NAN, "undefined" },
  };

  check_style (SD_NUMBER_PROBABILITY, cases, G_N_ELEMENTS (cases));
}

static void
test_count (void)
{
  static const Case cases[] = {
    { 0.0, "0" },
    { 7.0, "7" },
    { 2000.0, "2000" },
    { 20000.0, "20" THIN "000" },
    { 1234567.0, "1" THIN "234" THIN "567" },
    { 10000000.0, "10" THIN "000" THIN "000" },
  };

  check_style (SD_NUMBER_COUNT, cases, G_N_ELEMENTS (cases));
}

/* Every style writes the minus sign and never the hyphen, "nan" or "inf",
 * and its scientific notation follows the one rule. */
static void
test_no_ascii_specials (void)
{
  const double values[] = { -3.5, -1e-9, -2e7, NAN, -INFINITY, INFINITY, -0.25 };

  for (SdNumberStyle style = SD_NUMBER_TICK; style <= SD_NUMBER_COUNT; style++)
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autofree char *text = sd_number_markup (values[i], style);
        g_autofree char *lower = g_ascii_strdown (text, -1);

        g_assert_null (strchr (text, '-'));
        g_assert_null (strstr (lower, "nan"));
        g_assert_null (strstr (lower, "inf"));
        g_assert_true (g_utf8_validate (text, -1, NULL));
      }
}

static void
test_rule_in_every_style (void)
{
  static const SdNumberStyle styles[] = {
    SD_NUMBER_TICK, SD_NUMBER_READOUT, SD_NUMBER_COMPACT,
  };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    for (int e = -8; e <= 9; e++)
      {
        double value = 3.0 * pow (10.0, e);
        g_autofree char *text = sd_number_markup (value, styles[s]);

        g_assert_cmpint (strstr (text, "<sup>") != NULL, ==, sd_number_is_scientific (value));
      }
}

static void
test_decimal (void)
{
  int exponent = 0;

  g_assert_cmpfloat (sd_number_decimal (3, -1), ==, 0.3);
  g_assert_cmpfloat (sd_number_decimal (15, -10), ==, 1.5e-9);
  g_assert_cmpfloat (sd_number_decimal (7, 30), ==, 7e30);
  g_assert_cmpfloat (sd_number_decimal (-2, 5), ==, -200000.0);

  g_assert_true (sd_number_is_decade (1e-3, &exponent));
  g_assert_cmpint (exponent, ==, -3);
  g_assert_true (sd_number_is_decade (1e300, &exponent));
  g_assert_cmpint (exponent, ==, 300);
  g_assert_false (sd_number_is_decade (2e-3, NULL));
  g_assert_false (sd_number_is_decade (0.0, NULL));
  g_assert_false (sd_number_is_decade (-10.0, NULL));
}

static void
test_append (void)
{
  g_autoptr(GString) out = g_string_new ("λ = ");
  SdNumberFormat format;

  sd_number_format_init (&format, SD_NUMBER_COMPACT);
  sd_number_append (out, &format, -0.5);
  g_assert_cmpstr (out->str, ==, "λ = " MINUS "0.5");
}

/* Plain text writes the power of ten in superscript digits and keeps
 * everything else as the markup has it. */
static void
test_text (void)
{
  static const struct
  {
    double        value;
    SdNumberStyle style;
    const char   *text;
  } cases[] = {
    { 3.2e-5, SD_NUMBER_COMPACT, "3.2×10⁻⁵" },
    { -1.25e7, SD_NUMBER_READOUT, MINUS "1.25×10⁷" },
    { 1e-10, SD_NUMBER_LOG_TICK, "10⁻¹⁰" },
    { 0.0032, SD_NUMBER_COMPACT, "0.0032" },
    { -2.5, SD_NUMBER_COMPACT, MINUS "2.5" },
    { 20000, SD_NUMBER_COUNT, "20\u2009000" },
    { NAN, SD_NUMBER_COMPACT, "undefined" },
    { -INFINITY, SD_NUMBER_READOUT, MINUS "∞" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sd_number_text (cases[i].value, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_invalid (void)
{
  SdNumberFormat format = { SD_NUMBER_READOUT, 1.0, 2.0, 3.0 };

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*style <= SD_NUMBER_COUNT*");
  sd_number_format_init (&format, SD_NUMBER_COUNT + 1);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (format.step, ==, 1.0);

  g_test_expect_message ("Saddle-Render", G_LOG_LEVEL_CRITICAL, "*format != NULL*");
  g_assert_null (sd_number_format (NULL, 1.0));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/number/rule", test_rule);
  g_test_add_func ("/render/number/rule/every-style", test_rule_in_every_style);
  g_test_add_func ("/render/number/readout", test_readout);
  g_test_add_func ("/render/number/compact", test_compact);
  g_test_add_func ("/render/number/compact/zero", test_zero);
  g_test_add_func ("/render/number/tick", test_tick);
  g_test_add_func ("/render/number/log-tick", test_log_tick);
  g_test_add_func ("/render/number/probability", test_probability);
  g_test_add_func ("/render/number/count", test_count);
  g_test_add_func ("/render/number/minus-and-words", test_no_ascii_specials);
  g_test_add_func ("/render/number/decimal", test_decimal);
  g_test_add_func ("/render/number/append", test_append);
  g_test_add_func ("/render/number/text", test_text);
  g_test_add_func ("/render/number/invalid", test_invalid);

  return g_test_run ();
}
