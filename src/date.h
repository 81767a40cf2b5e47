/* SPDX-License-Identifier: MIT */
/* Calendar dates as day numbers, ISO formatting, and the clock (overridable for tests). */
#ifndef TIENDO_DATE_H
#define TIENDO_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t day_t;

#define DATE_BUF 11 /* "YYYY-MM-DD" + NUL */
#define STAMP_BUF 21 /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

day_t date_from_ymd(int y, int m, int d);
void date_to_ymd(day_t day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
/* 0 = Monday ... 6 = Sunday */
int date_weekday(day_t day);
/* Strict YYYY-MM-DD with a real day; years 1900..2999. */
bool date_parse(const char *s, day_t *out);
void date_format(day_t day, char buf[DATE_BUF]);

/* Minutes east of UTC of the time a person reads: Vietnam (+07:00, no summer
 * time), or $TIENDO_TZ ("+07:00", "+7", "-0330", "UTC", "UTC+7"). The
 * machine's own time zone is not used: a commune's server may run on UTC. */
int date_tz_minutes(void);
/* Is $TIENDO_TZ unset or one of the forms above? */
bool date_tz_env_valid(void);
/* Today in that time zone, or the day of $TIENDO_NOW when it is set. */
day_t date_today(void);
/* Is s a real UTC time stamp "YYYY-MM-DDTHH:MM:SSZ"? */
bool date_stamp_valid(const char *s);
/* Is $TIENDO_NOW unset, a date YYYY-MM-DD or a stamp YYYY-MM-DDTHH:MM:SSZ? */
bool date_now_env_valid(void);
/* The current UTC time as an ISO stamp, or $TIENDO_NOW when it is set. */
void date_now_stamp(char buf[STAMP_BUF]);

#endif
