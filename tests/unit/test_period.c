/* SPDX-License-Identifier: MIT */
/* Unit tests: dates, period codes, and report due dates for every regime in the seed plans. */
#include "check.h"
#include "date.h"
#include "period.h"

static const char *fmt_date(day_t d)
{
	static char buf[4][DATE_BUF];
	static int i;
	i = (i + 1) % 4;
	date_format(d, buf[i]);
	return buf[i];
}

/* The due date of period code pc under rule spec for type t, as text. */
static const char *due(const char *spec, const char *pc)
{
	struct period p;
	struct due_rule r;
	const char *why;
	if (!period_parse(pc, &p) || !due_parse(spec, p.type, &r, &why))
		return "invalid";
	return fmt_date(due_date(&r, &p));
}

int main(void)
{
	day_t d;
	CHECK(date_parse("2024-02-29", &d), "leap day parses");
	CHECK_STR(fmt_date(d), "2024-02-29", "leap day round trip");
	CHECK(!date_parse("2025-02-29", &d), "29 Feb 2025 refused");
	CHECK(!date_parse("2025-13-01", &d), "month 13 refused");
	CHECK(!date_parse("2025-1-01", &d), "short month refused");
	CHECK(!date_parse("2025-01-01x", &d), "trailing junk refused");
	CHECK_INT(date_from_ymd(1970, 1, 1), 0, "epoch is day 0");
	CHECK_INT(date_weekday(date_from_ymd(2026, 11, 22)), 6, "22/11/2026 is a Sunday");
	CHECK_STR(fmt_date(date_from_ymd(2025, 12, 31) + 1), "2026-01-01", "day arithmetic crosses years");

	struct period p;
	char buf[PERIOD_BUF];
	const char *codes[] = {"2025", "2025S1", "2025S2", "2025Q1", "2025Q4", "202501", "202512"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		CHECK(period_parse(codes[i], &p), codes[i]);
		period_format(&p, buf);
		CHECK_STR(buf, codes[i], "period code round trip");
	}
	const char *bad[] = {"", "25", "2025S3", "2025Q5", "2025Q0", "202513", "202500", "2025H1", "2025S1x", "abcd"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(!period_parse(bad[i], &p), "bad period code refused");
	period_parse("2025S2", &p);
	CHECK_STR(fmt_date(period_start(&p)), "2025-07-01", "S2 starts 1 July");
	CHECK_STR(fmt_date(period_end(&p)), "2025-12-31", "S2 ends 31 December");
	period_parse("2024Q1", &p);
	CHECK_STR(fmt_date(period_end(&p)), "2024-03-31", "Q1 ends 31 March");
	period_parse("202402", &p);
	CHECK_STR(fmt_date(period_end(&p)), "2024-02-29", "February 2024 ends on the 29th");
	struct period n = period_next(&p);
	period_format(&n, buf);
	CHECK_STR(buf, "202403", "month after 202402");
	period_parse("2025S2", &p);
	n = period_next(&p);
	period_format(&n, buf);
	CHECK_STR(buf, "2026S1", "half after 2025S2");
	n = period_prev(&n);
	period_format(&n, buf);
	CHECK_STR(buf, "2025S2", "half before 2026S1");
	p = period_containing(PERIOD_QUARTER, date_from_ymd(2026, 8, 15));
	period_format(&p, buf);
	CHECK_STR(buf, "2026Q3", "15 August is in Q3");

	/* Gia Lai: before 15/6 and 15/12 */
	CHECK_STR(due("15", "2026S1"), "2026-06-15", "Gia Lai S1 due 15/6");
	CHECK_STR(due("15", "2026S2"), "2026-12-15", "Gia Lai S2 due 15/12");
	/* Đồng Tháp, Quảng Ngãi Dept. of S&T up: before 20/6 and 20/12 */
	CHECK_STR(due("06-20 12-20", "2026S1"), "2026-06-20", "Dong Thap S1 due 20/6");
	CHECK_STR(due("06-20 12-20", "2026S2"), "2026-12-20", "Dong Thap S2 due 20/12");
	/* press agencies monthly on the 20th */
	CHECK_STR(due("20", "202602"), "2026-02-20", "press February due 20/2");
	CHECK_STR(due("20", "202612"), "2026-12-20", "press December due 20/12");
	/* Quảng Ngãi Dept. of S&T divisions: 10/6 and 15/12 */
	CHECK_STR(due("06-10 12-15", "2026S1"), "2026-06-10", "divisions S1 due 10/6");
	CHECK_STR(due("06-10 12-15", "2026S2"), "2026-12-15", "divisions S2 due 15/12");
	/* Lạng Sơn: 10/6 and 10/12 */
	CHECK_STR(due("10", "2026S2"), "2026-12-10", "Lang Son S2 due 10/12");
	/* Quảng Ngãi: every 3 months, 6 months, 1 year (no day given: end of period) */
	CHECK_STR(due("end", "2026Q1"), "2026-03-31", "quarterly due at the end of Q1");
	CHECK_STR(due("end", "2026"), "2026-12-31", "yearly due at the end of the year");
	CHECK_STR(due("5+1", "2026Q4"), "2027-01-05", "5th of the month after Q4");
	CHECK_STR(due("31", "202602"), "2026-02-28", "day 31 clamps to the end of February");
	CHECK_STR(due("01-10 04-10 07-10 10-10", "2026Q4"), "2026-10-10", "quarter dates in order");

	struct due_rule r;
	const char *why = NULL;
	CHECK(!due_parse("06-20", PERIOD_HALF, &r, &why), "one date for two half-years refused");
	CHECK(why != NULL, "refusal says why");
	CHECK(!due_parse("32", PERIOD_MONTH, &r, &why), "day 32 refused");
	CHECK(!due_parse("20+", PERIOD_MONTH, &r, &why), "dangling + refused");
	CHECK(!due_parse("13-01 12-20", PERIOD_HALF, &r, &why), "month 13 refused");
	CHECK(!due_parse("soon", PERIOD_YEAR, &r, &why), "words refused");
	return check_done();
}
