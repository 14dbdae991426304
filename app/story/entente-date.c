/* entente-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-date.h"

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint) (text[i] - '0');
    }

  *value = v;
  return TRUE;
}

/* Returns TRUE and fills @date when @text is "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD" naming a real date; otherwise sets @problem to a sentence
 * that says what is wrong. */
gboolean
entente_date_parse (const char   *text,
                    EntenteDate  *date,
                    char        **problem)
{
  gsize len;
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = (EntenteDate) { 0 };
  len = strlen (text);

  if ((len != 4 && len != 7 && len != 10) ||
      !parse_digits (text, 4, &year) ||
      (len >= 7 && (text[4] != '-' || !parse_digits (text + 5, 2, &month))) ||
      (len == 10 && (text[7] != '-' || !parse_digits (text + 8, 2, &day))))
    {
      if (problem)
        *problem = g_strdup_printf (_("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
                                    text);
      return FALSE;
    }

  if (year < 1)
    {
      if (problem)
        *problem = g_strdup_printf (_("“%s”: year 0 does not exist"), text);
      return FALSE;
    }

  if (len >= 7 && (month < 1 || month > 12))
    {
      if (problem)
        *problem = g_strdup_printf (_("“%s”: month %u does not exist"), text, month);
      return FALSE;
    }

  if (len == 10 && !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      if (problem)
        *problem = g_strdup_printf (_("“%s”: day %u does not exist in that month"), text, day);
      return FALSE;
    }

  date->year = (gint16) year;
  date->month = (guint8) month;
  date->day = (guint8) day;
  date->precision = len == 4 ? ENTENTE_DATE_PRECISION_YEAR
                  : len == 7 ? ENTENTE_DATE_PRECISION_MONTH
                  : ENTENTE_DATE_PRECISION_DAY;
  return TRUE;
}

static guint32
julian (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* The first day the date covers, as a GDate Julian day number (1 = 1 Jan 1). */
guint32
entente_date_first_day (const EntenteDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch (date->precision)
    {
    case ENTENTE_DATE_PRECISION_YEAR:
      return julian (date->year, 1, 1);
    case ENTENTE_DATE_PRECISION_MONTH:
      return julian (date->year, date->month, 1);
    case ENTENTE_DATE_PRECISION_DAY:
      return julian (date->year, date->month, date->day);
    default:
      return 0;
    }
}

/* The last day the date covers: 31 December for a year, the month's last day
 * for a month. */
guint32
entente_date_last_day (const EntenteDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch (date->precision)
    {
    case ENTENTE_DATE_PRECISION_YEAR:
      return julian (date->year, 12, 31);
    case ENTENTE_DATE_PRECISION_MONTH:
      return julian (date->year, date->month,
                     g_date_get_days_in_month ((GDateMonth) date->month, (GDateYear) date->year));
    case ENTENTE_DATE_PRECISION_DAY:
      return julian (date->year, date->month, date->day);
    default:
      return G_MAXUINT32;
    }
}

/* Orders by first day; at the same first day the vaguer date comes first, so
 * "2023-01" sorts before "2023-01-01". */
int
entente_date_compare (const EntenteDate *a,
                      const EntenteDate *b)
{
  guint32 da = entente_date_first_day (a);
  guint32 db = entente_date_first_day (b);

  if (da != db)
    return da < db ? -1 : 1;
  return (int) a->precision - (int) b->precision;
}

char *
entente_date_to_iso (const EntenteDate *date)
{
  switch (date->precision)
    {
    case ENTENTE_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case ENTENTE_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02u", date->year, date->month);
    case ENTENTE_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02u-%02u", date->year, date->month, date->day);
    default:
      return g_strdup ("");
    }
}

/* Month names go through gettext rather than strftime so that the date
 * follows the UI language even where the matching locale is not generated. */
static const char *
month_name (guint month)
{
  switch (month)
    {
    case 1: return C_("month name", "January");
    case 2: return C_("month name", "February");
    case 3: return C_("month name", "March");
    case 4: return C_("month name", "April");
    case 5: return C_("month name", "May");
    case 6: return C_("month name", "June");
    case 7: return C_("month name", "July");
    case 8: return C_("month name", "August");
    case 9: return C_("month name", "September");
    case 10: return C_("month name", "October");
    case 11: return C_("month name", "November");
    case 12: return C_("month name", "December");
    default: return "";
    }
}

/* "2015", "July 2019" / "juillet 2019", "23 January 2023" / "23 janvier 2023" */
char *
entente_date_format (const EntenteDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case ENTENTE_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);
    case ENTENTE_DATE_PRECISION_MONTH:
      /* Translators: a month and a year, as in "July 2019". %1$s is the
       * month name, %2$d the year. */
      return g_strdup_printf (C_("date with month", "%1$s %2$d"), month_name (date->month), date->year);
    case ENTENTE_DATE_PRECISION_DAY:
      /* Translators: a full date, as in "23 January 2023". %1$d is the day,
       * %2$s the month name, %3$d the year. Reorder as your language needs. */
      return g_strdup_printf (C_("full date", "%1$d %2$s %3$d"),
                              date->day, month_name (date->month), date->year);
    default:
      return g_strdup ("");
    }
}

EntenteDate
entente_date_from_day (guint32              julian_day,
                       EntenteDatePrecision precision)
{
  GDate gdate;
  EntenteDate date = { 0 };

  if (!g_date_valid_julian (julian_day))
    return date;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, julian_day);
  date.year = (gint16) g_date_get_year (&gdate);
  date.precision = precision;
  if (precision >= ENTENTE_DATE_PRECISION_MONTH)
    date.month = (guint8) g_date_get_month (&gdate);
  if (precision >= ENTENTE_DATE_PRECISION_DAY)
    date.day = g_date_get_day (&gdate);
  return date;
}

char *
entente_date_format_day (guint32              julian_day,
                         EntenteDatePrecision precision)
{
  EntenteDate date = entente_date_from_day (julian_day, precision);

  return entente_date_format (&date);
}
