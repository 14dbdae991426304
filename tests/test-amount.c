/* test-amount.c — amounts in words, in English and French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-i18n.h"
#include "story/entente-amount.h"

static void
assert_amount (double      value,
               const char *currency,
               const char *expected)
{
  g_autofree char *text = entente_amount_format (value, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  entente_i18n_init ();
}

static void
test_english (void)
{
  use_language ("en");
  assert_amount (1e9, "USD", "$1 billion");
  assert_amount (1e10, "USD", "$10 billion");
  assert_amount (1.5e9, "USD", "$1.5 billion");
  assert_amount (1.2549e9, "USD", "$1.25 billion");
  assert_amount (2.5e6, "EUR", "€2.5 million");
  assert_amount (500, "USD", "$500");
  assert_amount (0, "USD", "$0");
  assert_amount (3e12, "USD", "$3 trillion");
  assert_amount (1234, "CHF", "1.23 thousand CHF");
  assert_amount (7e9, "JPY", "7 billion JPY");
}

/* In a fresh process: GLib decides once per process whether to translate
 * plural forms, so the language cannot change after the first lookup. */
static void
test_french (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  use_language ("fr");
  assert_amount (1e9, "USD", "1 milliard de dollars");
  assert_amount (1e10, "USD", "10 milliards de dollars");
  assert_amount (1.5e9, "USD", "1,5 milliard de dollars");
  assert_amount (2.5e6, "EUR", "2,5 millions d'euros");
  assert_amount (500, "USD", "500 dollars");
  assert_amount (1, "USD", "1 dollar");
  assert_amount (3e12, "USD", "3 billions de dollars");
  assert_amount (7e9, "JPY", "7 milliards JPY");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/amount/english", test_english);
  g_test_add_func ("/story/amount/french", test_french);

  return g_test_run ();
}
