/* SPDX-License-Identifier: MIT */
/* Calendar dates as day numbers, ISO formatting, and the clock (overridable for tests). */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
day_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(day_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

int date_days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int date_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (int)((day % 7 + 7) % 7);
	return (w + 3) % 7;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool date_parse(const char *s, day_t *out)
{
	if (!s || strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

void date_format(day_t day, char buf[DATE_BUF])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, DATE_BUF, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

/* "+07:00", "+7", "-0330", "UTC", "UTC+7", "Z": minutes east of UTC. */
static bool parse_tz(const char *s, int *out)
{
	if (strncmp(s, "UTC", 3) == 0 || strncmp(s, "GMT", 3) == 0)
		s += 3;
	else if (strcmp(s, "Z") == 0)
		s++;
	if (!*s) {
		*out = 0;
		return true;
	}
	if (*s != '+' && *s != '-')
		return false;
	int sign = *s++ == '-' ? -1 : 1, h = 0, m = 0, nd = 0;
	while (*s >= '0' && *s <= '9' && nd < 2)
		h = h * 10 + (*s++ - '0'), nd++;
	if (!nd)
		return false;
	if (*s == ':')
		s++;
	if (*s) {
		if (!(s[0] >= '0' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9' && !s[2]))
			return false;
		m = (s[0] - '0') * 10 + (s[1] - '0');
	}
	if (h > 14)
		return false;
	*out = sign * (h * 60 + m);
	return true;
}

bool date_tz_env_valid(void)
{
	const char *s = getenv("TIENDO_TZ");
	int m;
	return !s || parse_tz(s, &m);
}

int date_tz_minutes(void)
{
	const char *s = getenv("TIENDO_TZ");
	int m;
	if (s && parse_tz(s, &m))
		return m;
	return 7 * 60; /* Asia/Ho_Chi_Minh */
}

day_t date_today(void)
{
	const char *now = getenv("TIENDO_NOW");
	char tmp[DATE_BUF];
	day_t d;
	if (now && date_stamp_valid(now)) {
		/* the local day of that UTC time */
		memcpy(tmp, now, 10);
		tmp[10] = '\0';
		if (date_parse(tmp, &d)) {
			int mins = ((now[11] - '0') * 10 + (now[12] - '0')) * 60 +
				   (now[14] - '0') * 10 + (now[15] - '0') + date_tz_minutes();
			return d + mins / 1440 - (mins % 1440 < 0);
		}
	}
	if (now && strlen(now) >= 10) {
		memcpy(tmp, now, 10);
		tmp[10] = '\0';
		if (date_parse(tmp, &d))
			return d;
	}
	long long t = (long long)time(NULL) + date_tz_minutes() * 60LL;
	return (day_t)(t / 86400 - (t % 86400 < 0));
}

bool date_stamp_valid(const char *s)
{
	char day[DATE_BUF];
	day_t d;
	if (strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return false;
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	return date_parse(day, &d) && (s[11] - '0') * 10 + (s[12] - '0') < 24 &&
	       (s[14] - '0') * 10 + (s[15] - '0') < 60 && (s[17] - '0') * 10 + (s[18] - '0') < 61;
}

bool date_now_env_valid(void)
{
	const char *now = getenv("TIENDO_NOW");
	day_t d;
	if (!now)
		return true;
	return date_stamp_valid(now) || (strlen(now) == 10 && date_parse(now, &d));
}

void date_now_stamp(char buf[STAMP_BUF])
{
	const char *now = getenv("TIENDO_NOW");
	day_t d;
	/* Only a real date (and time) is taken: a bad clock must not be stored. */
	if (now && date_stamp_valid(now)) {
		memcpy(buf, now, 21);
		return;
	}
	if (now && strlen(now) == 10 && date_parse(now, &d)) {
		snprintf(buf, STAMP_BUF, "%.10sT00:00:00Z", now);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, STAMP_BUF, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
