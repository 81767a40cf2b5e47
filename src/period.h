/* SPDX-License-Identifier: MIT */
/* Reporting periods (2025, 2025S1, 2025Q3, 202506) and report due-date rules. */
#ifndef TIENDO_PERIOD_H
#define TIENDO_PERIOD_H

#include <stdbool.h>

#include "date.h"

enum period_type { PERIOD_YEAR, PERIOD_HALF, PERIOD_QUARTER, PERIOD_MONTH, PERIOD_TYPE_COUNT };

struct period {
	enum period_type type;
	int year;
	int index; /* 1-based within the year: half 1..2, quarter 1..4, month 1..12; year 1 */
};

#define PERIOD_BUF 12 /* "2025S1", "202506" + NUL, with room */

bool period_parse(const char *code, struct period *p);
void period_format(const struct period *p, char buf[PERIOD_BUF]);
const char *period_type_name(enum period_type t);
bool period_type_parse(const char *name, enum period_type *t);
int period_per_year(enum period_type t);
int period_first_month(const struct period *p);
int period_last_month(const struct period *p);
day_t period_start(const struct period *p);
day_t period_end(const struct period *p);
/* The period of type t that contains day. */
struct period period_containing(enum period_type t, day_t day);
struct period period_next(const struct period *p);
/* The longer periods that contain p (its quarter, half and year, from the
 * shortest): a report for p carries the indicator values entered for them.
 * Returns how many (0 for a year). */
int period_enclosing(const struct period *p, struct period out[3]);
/* Is inner the same period as outer or a part of it? */
bool period_within(const struct period *inner, const struct period *outer);
struct period period_prev(const struct period *p);

/* When a report for a period falls due (see docs/plan-format.md, DUE). */
struct due_rule {
	enum { DUE_DAY, DUE_DATES, DUE_END } kind;
	int day, months_after;    /* DUE_DAY */
	int n, month[12], mday[12]; /* DUE_DATES: one date per period of the year */
};

/* Parse a DUE field for periods of type t. On error returns false and sets
 * *why to an untranslated reason. */
bool due_parse(const char *spec, enum period_type t, struct due_rule *r, const char **why);
day_t due_date(const struct due_rule *r, const struct period *p);

#endif
