/* entente-date.h — ISO dates of year, month or day precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_DATE_PRECISION_NONE = 0,
  ENTENTE_DATE_PRECISION_YEAR,
  ENTENTE_DATE_PRECISION_MONTH,
  ENTENTE_DATE_PRECISION_DAY,
} EntenteDatePrecision;

/* A date as a story states it: "2015", "2019-07" or "2023-01-23". A fact known
 * only by its year covers that whole year; we never invent the missing parts. */
typedef struct
{
  gint16  year;
  guint8  month;     /* 1–12, or 0 below month precision */
  guint8  day;       /* 1–31, or 0 below day precision */
  guint8  precision; /* EntenteDatePrecision */
} EntenteDate;

#define ENTENTE_DATE_IS_SET(d) ((d)->precision != ENTENTE_DATE_PRECISION_NONE)

gboolean  entente_date_parse           (const char        *text,
                                        EntenteDate       *date,
                                        char             **problem);
guint32   entente_date_first_day       (const EntenteDate *date);
guint32   entente_date_last_day        (const EntenteDate *date);
int       entente_date_compare         (const EntenteDate *a,
                                        const EntenteDate *b);
char     *entente_date_to_iso          (const EntenteDate *date);
char     *entente_date_format          (const EntenteDate *date);
char     *entente_date_format_day      (guint32            julian_day,
                                        EntenteDatePrecision precision);
EntenteDate entente_date_from_day      (guint32            julian_day,
                                        EntenteDatePrecision precision);

G_END_DECLS
