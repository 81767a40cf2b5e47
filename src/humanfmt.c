/* SPDX-License-Identifier: MIT */
/* How dates, times and decimal numbers are written for a person (see humanfmt.h). */
#include "humanfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "util.h"

void fmt_day(day_t d, char buf[DAY_SHOWN_BUF])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, DAY_SHOWN_BUF, "%02u/%02u/%04u", (unsigned)dd % 100u, (unsigned)m % 100u,
		 (unsigned)y % 10000u);
}

void fmt_day_short(day_t d, char buf[6])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, 6, "%02u/%02u", (unsigned)dd % 100u, (unsigned)m % 100u);
}

int fmt_day_in_year(day_t d, int year, char buf[DAY_SHOWN_BUF])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (y == year) {
		fmt_day_short(d, buf);
		return 5;
	}
	fmt_day(d, buf);
	return 10;
}

void fmt_stamp(const char *stamp, char *buf, size_t n)
{
	if (!stamp || !*stamp) {
		snprintf(buf, n, "%s", "");
		return;
	}
	if (!date_stamp_valid(stamp)) {
		fmt_date_text(stamp, buf, n);
		return;
	}
	char day[DATE_BUF];
	day_t d;
	memcpy(day, stamp, 10);
	day[10] = '\0';
	date_parse(day, &d);
	int mins = ((stamp[11] - '0') * 10 + (stamp[12] - '0')) * 60 +
		   (stamp[14] - '0') * 10 + (stamp[15] - '0') + date_tz_minutes();
	d += mins / 1440 - (mins % 1440 < 0);
	mins = ((mins % 1440) + 1440) % 1440;
	char ds[DAY_SHOWN_BUF];
	fmt_day(d, ds);
	snprintf(buf, n, "%s %02d:%02d", ds, mins / 60, mins % 60);
}

void fmt_stamp_day(const char *stamp, char *buf, size_t n)
{
	fmt_stamp(stamp, buf, n);
	if (stamp && date_stamp_valid(stamp) && n > 10)
		buf[10] = '\0';
}

void fmt_file_day(const char *stamp, char out[9])
{
	char b[STAMP_SHOWN_BUF + 8];
	if (!stamp || !date_stamp_valid(stamp)) {
		snprintf(out, 9, "%.4s%.2s%.2s", stamp ? stamp : "", stamp && strlen(stamp) >= 7 ? stamp + 5 : "",
			 stamp && strlen(stamp) >= 10 ? stamp + 8 : "");
		return;
	}
	fmt_stamp(stamp, b, sizeof b); /* "dd/mm/yyyy HH:MM" */
	snprintf(out, 9, "%.4s%.2s%.2s", b + 6, b + 3, b);
}

void fmt_date_text(const char *iso, char *buf, size_t n)
{
	day_t d;
	if (iso && strlen(iso) == 10 && date_parse(iso, &d)) {
		char ds[DAY_SHOWN_BUF];
		fmt_day(d, ds);
		snprintf(buf, n, "%s", ds);
	} else if (iso && date_stamp_valid(iso))
		fmt_stamp(iso, buf, n);
	else
		snprintf(buf, n, "%s", iso ? iso : "");
}

void fmt_decimal_comma(char *s)
{
	for (; *s; s++)
		if (*s == '.')
			*s = ',';
}

void fmt_decimals(char *s)
{
	if (msg_lang() == LANG_VI)
		fmt_decimal_comma(s);
}

void fmt_num_shown(char *buf, size_t n, double v)
{
	fmt_num(buf, n, v);
	fmt_decimals(buf);
}

bool fmt_parse_day(const char *s, day_t *out)
{
	if (date_parse(s, out))
		return true;
	int d, m, y, end = 0;
	for (const char *c = s; c && *c; c++)
		if (*c != '/' && (*c < '0' || *c > '9'))
			return false;
	if (!s || strlen(s) > 10 || sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &end) != 3 ||
	    s[end] || end < 8 || strlen(strrchr(s, '/')) != 5)
		return false;
	char iso[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	return date_parse(iso, out);
}
