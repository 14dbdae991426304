/* test-date.c — partial dates: parsing, spans, ordering, formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "entente-i18n.h"
#include "story/entente-date.h"

static EntenteDate
parse (const char *text)
{
  g_autofree char *problem = NULL;
  EntenteDate date;

  g_assert_true (entente_date_parse (text, &date, &problem));
  g_assert_null (problem);
  return date;
}

static void
assert_rejected (const char *text,
                 const char *expected_problem)
{
  g_autofree char *problem = NULL;
  EntenteDate date;

  g_assert_false (entente_date_parse (text, &date, &problem));
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, expected_problem));
}

static void
test_parse_precisions (void)
{
  EntenteDate year = parse ("2015");
  EntenteDate month = parse ("2019-07");
  EntenteDate day = parse ("2023-01-23");

  g_assert_cmpint (year.precision, ==, ENTENTE_DATE_PRECISION_YEAR);
  g_assert_cmpint (year.year, ==, 2015);
  g_assert_cmpint (month.precision, ==, ENTENTE_DATE_PRECISION_MONTH);
  g_assert_cmpint (month.month, ==, 7);
  g_assert_cmpint (day.precision, ==, ENTENTE_DATE_PRECISION_DAY);
  g_assert_cmpint (day.day, ==, 23);
}

static void
test_parse_rejects (void)
{
  assert_rejected ("2023-02-30", "day 30 does not exist");
  assert_rejected ("2023-13", "month 13 does not exist");
  assert_rejected ("2023-00", "month 0 does not exist");
  assert_rejected ("0000", "year 0");
  assert_rejected ("23-01-2023", "not a date of the form");
  assert_rejected ("2023/01/23", "not a date of the form");
  assert_rejected ("", "not a date of the form");
  assert_rejected ("2023-1-5", "not a date of the form");
  assert_rejected ("2024-02-29x", "not a date of the form");
  /* 2024 is a leap year, 2023 is not. */
  g_assert_true (entente_date_parse ("2024-02-29", &(EntenteDate) { 0 }, NULL));
  assert_rejected ("2023-02-29", "day 29 does not exist");
}

static void
test_spans (void)
{
  EntenteDate year = parse ("2015");
  EntenteDate month = parse ("2018-02");
  EntenteDate first = parse ("2015-01-01");
  EntenteDate last = parse ("2015-12-31");
  EntenteDate feb_end = parse ("2018-02-28");

  g_assert_cmpuint (entente_date_first_day (&year), ==, entente_date_first_day (&first));
  g_assert_cmpuint (entente_date_last_day (&year), ==, entente_date_first_day (&last));
  g_assert_cmpuint (entente_date_last_day (&month), ==, entente_date_first_day (&feb_end));
  g_assert_cmpuint (entente_date_last_day (&month) - entente_date_first_day (&month), ==, 27);
}

static void
test_compare (void)
{
  EntenteDate a = parse ("2023-01");
  EntenteDate b = parse ("2023-01-01");
  EntenteDate c = parse ("2023-01-23");
  EntenteDate d = parse ("2022");

  g_assert_cmpint (entente_date_compare (&a, &b), <, 0);
  g_assert_cmpint (entente_date_compare (&b, &c), <, 0);
  g_assert_cmpint (entente_date_compare (&d, &a), <, 0);
  g_assert_cmpint (entente_date_compare (&c, &c), ==, 0);
}

static void
test_iso_round_trip (void)
{
  const char *texts[] = { "2015", "2019-07", "2023-01-23", "0099-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      EntenteDate date = parse (texts[i]);
      g_autofree char *iso = entente_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, texts[i]);
    }
}

static void
assert_format (const char *iso,
               const char *expected)
{
  EntenteDate date = parse (iso);
  g_autofree char *text = entente_date_format (&date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_english (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  entente_i18n_init ();

  assert_format ("2015", "2015");
  assert_format ("2019-07", "July 2019");
  assert_format ("2023-01-23", "23 January 2023");
}

static void
test_format_french (void)
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  entente_i18n_init ();

  assert_format ("2015", "2015");
  assert_format ("2019-07", "juillet 2019");
  assert_format ("2023-01-23", "23 janvier 2023");
  assert_format ("2018-02", "février 2018");

  g_setenv ("LANGUAGE", "en", TRUE);
  entente_i18n_init ();
}

static void
test_format_day_precision (void)
{
  EntenteDate date = parse ("2019-07-15");
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  entente_i18n_init ();
  month = entente_date_format_day (entente_date_first_day (&date), ENTENTE_DATE_PRECISION_MONTH);
  year = entente_date_format_day (entente_date_first_day (&date), ENTENTE_DATE_PRECISION_YEAR);
  g_assert_cmpstr (month, ==, "July 2019");
  g_assert_cmpstr (year, ==, "2019");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/date/parse-precisions", test_parse_precisions);
  g_test_add_func ("/story/date/parse-rejects", test_parse_rejects);
  g_test_add_func ("/story/date/spans", test_spans);
  g_test_add_func ("/story/date/compare", test_compare);
  g_test_add_func ("/story/date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/story/date/format-english", test_format_english);
  g_test_add_func ("/story/date/format-french", test_format_french);
  g_test_add_func ("/story/date/format-day-precision", test_format_day_precision);

  return g_test_run ();
}
