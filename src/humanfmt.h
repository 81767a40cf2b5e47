/* SPDX-License-Identifier: MIT */
/* How dates, times and decimal numbers are written for a person, in both faces
 * (command line and interface): dd/mm/yyyy, Vietnam time, the decimal comma.
 * Machine-flavour files (CSV exports, --csv) keep ISO dates, UTC and points. */
#ifndef TIENDO_HUMANFMT_H
#define TIENDO_HUMANFMT_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

#define DAY_SHOWN_BUF 11 /* "31/12/2026" + NUL */
#define STAMP_SHOWN_BUF 17 /* "31/12/2026 09:05" + NUL */

/* "31/12/2026". */
void fmt_day(day_t d, char buf[DAY_SHOWN_BUF]);
/* "31/12": only where a heading or the rows around it show the year. */
void fmt_day_short(day_t d, char buf[6]);
/* "31/12" when d is in year (shown by a heading), else "31/12/2025": two
 * years never look alike. Returns the text's width (5 or 10). */
int fmt_day_in_year(day_t d, int year, char buf[DAY_SHOWN_BUF]);
/* An ISO date text ("2025-08-13") as "13/08/2025", a UTC stamp as fmt_stamp
 * does; any other text is copied as it is. */
void fmt_date_text(const char *iso, char *buf, size_t n);
/* A UTC stamp "YYYY-MM-DDTHH:MM:SSZ" in local time: "05/06/2026 09:00";
 * "" stays ""; anything that is no stamp is passed to fmt_date_text. */
void fmt_stamp(const char *stamp, char *buf, size_t n);

/* The local day of a UTC stamp, "05/06/2026" (as fmt_stamp without the time). */
void fmt_stamp_day(const char *stamp, char *buf, size_t n);

/* The local day of a UTC stamp as YYYYMMDD, for the names of the files a
 * clerk writes (baocao_..._20260605.csv): the day it is in Vietnam. */
void fmt_file_day(const char *stamp, char out[9]);

/* A date a person typed: "31/12/2026" (also "31/12/26" is NOT taken: the
 * century must be written) or ISO "2026-12-31". */
bool fmt_parse_day(const char *s, day_t *out);

/* The time zone of the times shown: date_tz_minutes (date.h). */

/* Decimal points of a number shown to a person become commas in the
 * Vietnamese interface ("9.1%" -> "9,1%"); English keeps the point. */
void fmt_decimals(char *s);
/* The same whatever the interface language (a Vietnamese document). */
void fmt_decimal_comma(char *s);
/* fmt_num (util.h), then fmt_decimals. */
void fmt_num_shown(char *buf, size_t n, double v);

#endif
