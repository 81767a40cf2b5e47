#!/bin/bash
# SPDX-License-Identifier: MIT
# Command line: due dates, report deadlines, annual events, overdue tasks.
. "$SRCDIR/tests/lib.sh"
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null

"$TIENDO" -f "$DB" due --from 2026-05-01 --days 61 >"$T/due"
cat >"$T/want" <<'W'
31/12/2025	overdue	1a-2	Lập trang trên mạng xã hội
18/05/2026	event	KHCN	Ngày Khoa học và Công nghệ Việt Nam
20/05/2026	report	BC-PRESS	202605 T-SKHCN
20/06/2026	report	BC-HALF	2026S1 T-SKHCN
20/06/2026	report	BC-PRESS	202606 T-SKHCN
30/06/2026	task	2a	Kế hoạch truyền thông trong trường học
W
expect_file "due: overdue, events, reports, tasks in date order" "$T/want" "$T/due"

# The owner, the consolidating department, sees every unit's deadlines: its
# own 1a-2 done, the task is still overdue while a unit it is assigned to
# (T-SBNDP: the departments, communes and wards) has not done it, as the
# task list's "!" says in the all-units view.
"$TIENDO" -f "$DB" set 1a-2 --period 2025S2 --status done >/dev/null
"$TIENDO" -f "$DB" due --from 2026-05-01 --days 61 >"$T/due"
expect_grep "overdue while some unit has not done it" $'^31/12/2025\toverdue\t1a-2\t' "$T/due"
# ...and a commune that has not done it has it overdue.
"$TIENDO" -f "$DB" due --unit T-XA1 --from 2026-05-01 --days 10 >"$T/due"
expect_grep "overdue is per unit" $'^31/12/2025\toverdue\t1a-2\t' "$T/due"
expect_no_grep "the commune does not get the department's task" $'\t2a\t' "$T/due"
"$TIENDO" -f "$DB" due --unit T-SKHCN --from 2026-05-01 --days 61 >"$T/due"
expect_no_grep "the department's own: done, not overdue" 'overdue' "$T/due"
for u in T-SGDDT T-XA1 T-PH1; do
	"$TIENDO" -f "$DB" set 1a-2 --unit "$u" --period 2025S2 --status done >/dev/null
done
"$TIENDO" -f "$DB" due --from 2026-05-01 --days 61 >"$T/due"
expect_no_grep "done by every unit: not overdue" 'overdue' "$T/due"
# Whichever unit is the one left (the first ones are asked one by one, the
# rest read at once from the task's rows): overdue.
for late in T-SKHCN T-SGDDT T-XA1 T-PH1; do
	"$TIENDO" -f "$DB" set 1a-2 --unit "$late" --period 2025S2 --status in-progress >/dev/null
	"$TIENDO" -f "$DB" due --from 2026-05-01 --days 10 >"$T/due"
	expect_grep "overdue while $late alone has not done it" $'^31/12/2025\toverdue\t1a-2\t' "$T/due"
	"$TIENDO" -f "$DB" set 1a-2 --unit "$late" --period 2025S2 --status done >/dev/null
done
"$TIENDO" -f "$DB" due --from 2026-05-01 --days 61 >"$T/due"
expect_no_grep "done by every unit again: not overdue" 'overdue' "$T/due"
# Nothing to list is said, as other empty answers are: --days 0 (only the
# overdue tasks) was refused as if due wrote something ("nothing was
# written"), and an empty answer printed nothing at all.
expect_exit "--days 0: only the overdue tasks" 0 "$TIENDO" -f "$DB" due --from 2026-05-01 --days 0
expect_grep "none: said" '^Nothing due in the 0 days from 01/05/2026, and nothing overdue\.$' "$T/out"
expect_exit "--days 1, nothing that day" 0 "$TIENDO" -f "$DB" due --from 2026-05-02 --days 1
expect_grep "one day: said of the day" '^Nothing due on 02/05/2026, and nothing overdue\.$' "$T/out"
# A later period's entry reopening the task makes it overdue again.
"$TIENDO" -f "$DB" set 1a-2 --period 2026S1 --status in-progress >/dev/null
"$TIENDO" -f "$DB" due --from 2026-05-01 --days 10 >"$T/due"
expect_grep "latest period decides" $'^31/12/2025\toverdue\t1a-2\t' "$T/due"

# Events and year-end reports across a year boundary.
"$TIENDO" -f "$DB" due --all --from 2026-10-01 --days 112 >"$T/due"
expect_grep "National Digital Transformation Day" $'^10/10/2026\tevent\tCDS\tNgày Chuyển đổi số quốc gia$' "$T/due"
expect_grep "December half-year report" $'^20/12/2026\treport\tBC-HALF\t2026S2 T-SKHCN$' "$T/due"
expect_grep "January press report" $'^20/01/2027\treport\tBC-PRESS\t202701 T-SKHCN$' "$T/due"
"$TIENDO" -f "$DB" due --all --from 2026-10-01 --days 111 >"$T/due2"
expect_no_grep "from+days excludes the end" "^20/01/2027" "$T/due2"

# Today comes from the clock (TIENDO_NOW in tests).
TIENDO_NOW=2026-06-19T00:00:00Z "$TIENDO" -f "$DB" due --days 2 >"$T/due"
expect_grep "default --from is today" $'^20/06/2026\treport\tBC-HALF' "$T/due"
expect_exit "bad --from refused" 1 "$TIENDO" -f "$DB" due --from 2026/06/20
expect_exit "a day that does not exist refused" 1 "$TIENDO" -f "$DB" due --from 31/02/2026
# Dates a person reads are dd/mm/yyyy (issue 12), and a person may type them so.
"$TIENDO" -f "$DB" due --from 20/06/2026 --days 1 >"$T/due"
expect_grep "--from takes dd/mm/yyyy" $'^20/06/2026\treport\tBC-HALF' "$T/due"
expect_no_grep "no ISO date in the human output" '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$T/due"
# Today is Vietnam's (UTC+7) whatever the machine's time zone: 18:00 UTC on
# 19/06 is already 20/06 in Vietnam.
TZ=UTC TIENDO_NOW=2026-06-19T18:00:00Z "$TIENDO" -f "$DB" due --days 1 >"$T/due"
expect_grep "today is Vietnam's day" $'^20/06/2026\treport\tBC-HALF' "$T/due"
TIENDO_TZ=+00:00 TIENDO_NOW=2026-06-19T18:00:00Z "$TIENDO" -f "$DB" due --days 1 >"$T/due"
expect_no_grep "TIENDO_TZ moves it" 'BC-HALF' "$T/due"
expect_exit "a TIENDO_TZ that does not parse is refused" 2 env TIENDO_TZ=Hanoi "$TIENDO" -f "$DB" due
expect_exit "bad --days refused" 1 "$TIENDO" -f "$DB" due --days -1
expect_grep "with the range" "due: --days '-1' must be a whole number from 0 to 3660" "$T/err"
expect_no_grep "not saying nothing was written (due writes nothing)" 'nothing was written' "$T/err"
expect_exit "--unit and --all together is a usage error" 2 "$TIENDO" -f "$DB" due --all --unit T-XA1
