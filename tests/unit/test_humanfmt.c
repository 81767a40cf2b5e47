/* SPDX-License-Identifier: MIT */
/* Unit tests: dates, times and decimals as a person reads them (humanfmt.c). */
#include <stdlib.h>

#include "check.h"
#include "humanfmt.h"
#include "msg.h"

static void stamp_is(const char *tz, const char *stamp, const char *want, const char *name)
{
	char buf[STAMP_SHOWN_BUF + 8];
	if (tz)
		setenv("TIENDO_TZ", tz, 1);
	else
		unsetenv("TIENDO_TZ");
	fmt_stamp(stamp, buf, sizeof buf);
	CHECK_STR(buf, want, name);
}

int main(void)
{
	char d[DAY_SHOWN_BUF], s[6];
	fmt_day(date_from_ymd(2026, 1, 5), d);
	CHECK_STR(d, "05/01/2026", "a day: dd/mm/yyyy");
	fmt_day_short(date_from_ymd(2026, 12, 31), s);
	CHECK_STR(s, "31/12", "a day under its year's heading: dd/mm");
	CHECK(fmt_day_in_year(date_from_ymd(2025, 12, 31), 2026, d) == 10 && strcmp(d, "31/12/2025") == 0,
	      "another year's day shows its year");

	setenv("TZ", "UTC", 1);
	stamp_is(NULL, "2026-06-05T02:00:00Z", "05/06/2026 09:00", "Vietnam time by default, whatever TZ says");
	stamp_is(NULL, "2026-12-31T17:30:00Z", "01/01/2027 00:30", "across midnight and the year");
	stamp_is("+00:00", "2026-06-05T02:00:00Z", "05/06/2026 02:00", "TIENDO_TZ=+00:00");
	stamp_is("UTC-3:30", "2026-01-01T01:00:00Z", "31/12/2025 21:30", "a negative offset with minutes");
	stamp_is("Asia/Hanoi", "2026-06-05T02:00:00Z", "05/06/2026 09:00", "a name is no offset: Vietnam time");
	CHECK(!date_tz_env_valid(), "... and TIENDO_TZ=Asia/Hanoi is refused");
	stamp_is(NULL, "", "", "no time: nothing");
	stamp_is(NULL, "2025-08-13", "13/08/2025", "a date alone");
	stamp_is(NULL, "soon", "soon", "anything else as it is");

	setenv("TIENDO_NOW", "2026-06-19T18:00:00Z", 1);
	unsetenv("TIENDO_TZ");
	CHECK(date_today() == date_from_ymd(2026, 6, 20), "today: 18:00 UTC is the next day in Vietnam");
	setenv("TIENDO_TZ", "UTC", 1);
	CHECK(date_today() == date_from_ymd(2026, 6, 19), "today in TIENDO_TZ");
	unsetenv("TIENDO_TZ");

	day_t x;
	CHECK(fmt_parse_day("20/06/2026", &x) && x == date_from_ymd(2026, 6, 20), "typed dd/mm/yyyy");
	CHECK(fmt_parse_day("2026-06-20", &x) && x == date_from_ymd(2026, 6, 20), "typed ISO");
	CHECK(fmt_parse_day("5/6/2026", &x) && x == date_from_ymd(2026, 6, 5), "typed d/m/yyyy");
	CHECK(!fmt_parse_day("31/02/2026", &x), "no 31 February");
	CHECK(!fmt_parse_day("20/06/26", &x), "the century must be written");
	CHECK(!fmt_parse_day("+1/06/2026", &x) && !fmt_parse_day("2026/06/20", &x), "nothing else");

	char n[32];
	msg_set_lang(LANG_VI);
	fmt_num_shown(n, sizeof n, 9.1);
	CHECK_STR(n, "9,1", "Vietnamese: a decimal comma");
	msg_set_lang(LANG_EN);
	fmt_num_shown(n, sizeof n, 9.1);
	CHECK_STR(n, "9.1", "English: a point");
	return check_failed != 0;
}
