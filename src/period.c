/* SPDX-License-Identifier: MIT */
/* Reporting periods (2025, 2025S1, 2025Q3, 202506) and report due-date rules. */
#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

static const char *const type_names[PERIOD_TYPE_COUNT] = {"year", "half", "quarter", "month"};
static const int per_year[PERIOD_TYPE_COUNT] = {1, 2, 4, 12};

const char *period_type_name(enum period_type t)
{
	return type_names[t];
}

bool period_type_parse(const char *name, enum period_type *t)
{
	for (int i = 0; i < PERIOD_TYPE_COUNT; i++)
		if (strcmp(name, type_names[i]) == 0) {
			*t = (enum period_type)i;
			return true;
		}
	return false;
}

int period_per_year(enum period_type t)
{
	return per_year[t];
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool period_parse(const char *code, struct period *p)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 4 || !all_digits(code, 4))
		return false;
	int year = (code[0] - '0') * 1000 + (code[1] - '0') * 100 + (code[2] - '0') * 10 +
		   (code[3] - '0');
	if (year < 1900 || year > 2999)
		return false;
	p->year = year;
	if (n == 4) {
		p->type = PERIOD_YEAR;
		p->index = 1;
		return true;
	}
	if (n == 6 && (code[4] == 'S' || code[4] == 'Q') && code[5] >= '1' && code[5] <= '9') {
		p->type = code[4] == 'S' ? PERIOD_HALF : PERIOD_QUARTER;
		p->index = code[5] - '0';
		return p->index <= period_per_year(p->type);
	}
	if (n == 6 && all_digits(code + 4, 2)) {
		p->type = PERIOD_MONTH;
		p->index = (code[4] - '0') * 10 + (code[5] - '0');
		return p->index >= 1 && p->index <= 12;
	}
	return false;
}

void period_format(const struct period *p, char buf[PERIOD_BUF])
{
	switch (p->type) {
	case PERIOD_YEAR: snprintf(buf, PERIOD_BUF, "%04d", p->year % 10000); break;
	case PERIOD_HALF: snprintf(buf, PERIOD_BUF, "%04dS%d", p->year % 10000, p->index % 10); break;
	case PERIOD_QUARTER: snprintf(buf, PERIOD_BUF, "%04dQ%d", p->year % 10000, p->index % 10); break;
	default: snprintf(buf, PERIOD_BUF, "%04d%02d", p->year % 10000, p->index % 100); break;
	}
}

int period_first_month(const struct period *p)
{
	int len = 12 / per_year[p->type];
	return (p->index - 1) * len + 1;
}

int period_last_month(const struct period *p)
{
	return p->index * (12 / per_year[p->type]);
}

day_t period_start(const struct period *p)
{
	return date_from_ymd(p->year, period_first_month(p), 1);
}

day_t period_end(const struct period *p)
{
	int m = period_last_month(p);
	return date_from_ymd(p->year, m, date_days_in_month(p->year, m));
}

struct period period_containing(enum period_type t, day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	struct period p = {t, y, (m - 1) / (12 / per_year[t]) + 1};
	return p;
}

int period_enclosing(const struct period *p, struct period out[3])
{
	int n = 0;
	day_t start = period_start(p);
	for (int t = (int)p->type - 1; t >= PERIOD_YEAR; t--)
		out[n++] = period_containing((enum period_type)t, start);
	return n;
}

bool period_within(const struct period *inner, const struct period *outer)
{
	return inner->type >= outer->type && period_start(inner) >= period_start(outer) &&
	       period_end(inner) <= period_end(outer);
}

struct period period_next(const struct period *p)
{
	struct period q = *p;
	if (++q.index > per_year[q.type]) {
		q.index = 1;
		q.year++;
	}
	return q;
}

struct period period_prev(const struct period *p)
{
	struct period q = *p;
	if (--q.index < 1) {
		q.index = per_year[q.type];
		q.year--;
	}
	return q;
}

/* Parse "MM-DD" into month and day (29 February allowed). */
static bool parse_md(const char *s, size_t n, int *m, int *d)
{
	if (n != 5 || !all_digits(s, 2) || s[2] != '-' || !all_digits(s + 3, 2))
		return false;
	*m = (s[0] - '0') * 10 + (s[1] - '0');
	*d = (s[3] - '0') * 10 + (s[4] - '0');
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= date_days_in_month(2000, *m);
}

bool due_parse(const char *spec, enum period_type t, struct due_rule *r, const char **why)
{
	memset(r, 0, sizeof *r);
	if (strcmp(spec, "end") == 0) {
		r->kind = DUE_END;
		return true;
	}
	if (strchr(spec, '-')) {
		r->kind = DUE_DATES;
		const char *s = spec;
		while (*s) {
			while (*s == ' ')
				s++;
			const char *w = s;
			while (*s && *s != ' ')
				s++;
			if (s == w)
				break;
			if (r->n == 12 || !parse_md(w, (size_t)(s - w), &r->month[r->n], &r->mday[r->n])) {
				*why = N_("a due date must be written MM-DD");
				return false;
			}
			r->n++;
		}
		if (r->n != period_per_year(t)) {
			*why = N_("the number of due dates must equal the number of periods in a year");
			return false;
		}
		return true;
	}
	char *end;
	long d = strtol(spec, &end, 10);
	if (end == spec || spec[0] < '0' || spec[0] > '9' || d < 1 || d > 31) {
		*why = N_("due must be a day of the month (1-31), DAY+MONTHS, MM-DD dates or 'end'");
		return false;
	}
	long after = 0;
	if (*end == '+') {
		const char *a = end + 1;
		after = strtol(a, &end, 10);
		if (end == a || *a < '0' || *a > '9' || after < 0 || after > 12) {
			*why = N_("months after the period must be 0-12");
			return false;
		}
	}
	if (*end) {
		*why = N_("due must be a day of the month (1-31), DAY+MONTHS, MM-DD dates or 'end'");
		return false;
	}
	r->kind = DUE_DAY;
	r->day = (int)d;
	r->months_after = (int)after;
	return true;
}

day_t due_date(const struct due_rule *r, const struct period *p)
{
	int y = p->year, m = period_last_month(p);
	switch (r->kind) {
	case DUE_END:
		return period_end(p);
	case DUE_DATES: {
		int i = p->index - 1;
		int dm = r->month[i], dd = r->mday[i];
		/* A date earlier in the calendar than the period's start belongs
		 * to the next year (e.g. a December period due 01-10). */
		int yy = y;
		if (date_from_ymd(y, dm, 1) < date_from_ymd(y, period_first_month(p), 1))
			yy++;
		if (dd > date_days_in_month(yy, dm))
			dd = date_days_in_month(yy, dm);
		return date_from_ymd(yy, dm, dd);
	}
	default: {
		m += r->months_after;
		while (m > 12) {
			m -= 12;
			y++;
		}
		int d = r->day;
		if (d > date_days_in_month(y, m))
			d = date_days_in_month(y, m);
		return date_from_ymd(y, m, d);
	}
	}
}
