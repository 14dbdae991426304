/* entente-amount.c
 *
 * Wording, not digits: "$10 billion" rather than "$10,000,000,000". Every
 * form goes through gettext with plurals, since languages differ in word
 * order and agreement ("1 milliard de dollars", "10 milliards d'euros").
 * The decimal separator comes from the translation too, so that it follows
 * the interface language even where that locale is not generated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "entente-amount.h"

typedef enum
{
  SCALE_UNITS,
  SCALE_THOUSANDS,
  SCALE_MILLIONS,
  SCALE_BILLIONS,
  SCALE_TRILLIONS,
} Scale;

/* "1.5", "10", "2.25": at most two decimals, no trailing zeros. */
static char *
format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;
  char *dot;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", number);
  text = g_strdup (buffer);
  if ((dot = strchr (text, '.')))
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
      else
        {
          /* Translators: the decimal separator in numbers such as 1.5; "," in French. */
          const char *separator = C_("decimal separator", ".");
          char *localized;

          *dot = '\0';
          localized = g_strconcat (text, separator, dot + 1, NULL);
          g_free (text);
          text = localized;
        }
    }

  return text;
}

/* Plural forms need a whole number; the integer part gives French its
 * singular "1,5 milliard" and changes nothing in English. */
static gulong
plural_count (double number)
{
  return (gulong) floor (number);
}

static char *
format_usd (Scale       scale,
            const char *number,
            gulong      n)
{
  switch (scale)
    {
    case SCALE_TRILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "$%s trillion", "$%s trillion", n), number);
    case SCALE_BILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "$%s billion", "$%s billion", n), number);
    case SCALE_MILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "$%s million", "$%s million", n), number);
    case SCALE_THOUSANDS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "$%s thousand", "$%s thousand", n), number);
    case SCALE_UNITS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "$%s", "$%s", n), number);
    }
}

static char *
format_eur (Scale       scale,
            const char *number,
            gulong      n)
{
  switch (scale)
    {
    case SCALE_TRILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "€%s trillion", "€%s trillion", n), number);
    case SCALE_BILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "€%s billion", "€%s billion", n), number);
    case SCALE_MILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "€%s million", "€%s million", n), number);
    case SCALE_THOUSANDS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "€%s thousand", "€%s thousand", n), number);
    case SCALE_UNITS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "€%s", "€%s", n), number);
    }
}

/* Any other currency: the number, the scale word and the ISO code. */
static char *
format_other (Scale       scale,
              const char *number,
              gulong      n,
              const char *currency)
{
  switch (scale)
    {
    case SCALE_TRILLIONS:
      /* Translators: an amount in a currency given by its ISO code: "5 trillion CHF". */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s trillion %s", "%s trillion %s", n), number, currency);
    case SCALE_BILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s billion %s", "%s billion %s", n), number, currency);
    case SCALE_MILLIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s million %s", "%s million %s", n), number, currency);
    case SCALE_THOUSANDS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s thousand %s", "%s thousand %s", n), number, currency);
    case SCALE_UNITS:
    default:
      return g_strdup_printf ("%s %s", number, currency);
    }
}

char *
entente_amount_format (double      value,
                       const char *currency)
{
  static const double factors[] = { 1, 1e3, 1e6, 1e9, 1e12 };
  g_autofree char *number = NULL;
  Scale scale = SCALE_UNITS;
  double scaled;

  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (isfinite (value) && value >= 0, NULL);

  while (scale < SCALE_TRILLIONS && value >= factors[scale + 1])
    scale++;
  scaled = value / factors[scale];
  /* Round to what the scale word can carry: "$1.25 billion", not 1.2499999. */
  scaled = round (scaled * 100) / 100;
  number = format_number (scaled);

  if (g_str_equal (currency, "USD"))
    return format_usd (scale, number, plural_count (scaled));
  if (g_str_equal (currency, "EUR"))
    return format_eur (scale, number, plural_count (scaled));
  return format_other (scale, number, plural_count (scaled), currency);
}
