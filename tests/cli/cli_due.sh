#!/bin/bash
# SPDX-License-Identifier: MIT
# Command line: due dates, report deadlines, annual events, overdue tasks.
. "$SRCDIR/tests/lib.sh"
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null

"$TIENDO" -f "$DB" due --from 2026-05-01 --days 61 >"$T/due"
cat >"$T/want" <<'W'
2025-12-31	overdue	1a-2	Lập trang trên mạng xã hội
2026-05-18	event	KHCN	Ngày Khoa học và Công nghệ Việt Nam
2026-05-20	report	BC-PRESS	202605 T-SKHCN
2026-06-20	report	BC-HALF	2026S1 T-SKHCN
2026-06-20	report	BC-PRESS	202606 T-SKHCN
2026-06-30	task	2a	Kế hoạch truyền thông trong trường học
W
expect_file "due: overdue, events, reports, tasks in date order" "$T/want" "$T/due"

# The owner marks 1a-2 done: no longer overdue.
"$TIENDO" -f "$DB" set 1a-2 --period 2025S2 --status done >/dev/null
"$TIENDO" -f "$DB" due --from 2026-05-01 --days 61 >"$T/due"
expect_no_grep "done task is not overdue" 'overdue' "$T/due"
# ...but a commune that has not done it still has it overdue.
"$TIENDO" -f "$DB" due --unit T-XA1 --from 2026-05-01 --days 10 >"$T/due"
expect_grep "overdue is per unit" $'^2025-12-31\toverdue\t1a-2\t' "$T/due"
expect_no_grep "the commune does not get the department's task" $'\t2a\t' "$T/due"
# A later period's entry reopening the task makes it overdue again.
"$TIENDO" -f "$DB" set 1a-2 --period 2026S1 --status in-progress >/dev/null
"$TIENDO" -f "$DB" due --from 2026-05-01 --days 10 >"$T/due"
expect_grep "latest period decides" $'^2025-12-31\toverdue\t1a-2\t' "$T/due"

# Events and year-end reports across a year boundary.
"$TIENDO" -f "$DB" due --all --from 2026-10-01 --days 112 >"$T/due"
expect_grep "National Digital Transformation Day" $'^2026-10-10\tevent\tCDS\tNgày Chuyển đổi số quốc gia$' "$T/due"
expect_grep "December half-year report" $'^2026-12-20\treport\tBC-HALF\t2026S2 T-SKHCN$' "$T/due"
expect_grep "January press report" $'^2027-01-20\treport\tBC-PRESS\t202701 T-SKHCN$' "$T/due"
"$TIENDO" -f "$DB" due --all --from 2026-10-01 --days 111 >"$T/due2"
expect_no_grep "from+days excludes the end" "^2027-01-20" "$T/due2"

# Today comes from the clock (TIENDO_NOW in tests).
TIENDO_NOW=2026-06-19T00:00:00Z "$TIENDO" -f "$DB" due --days 2 >"$T/due"
expect_grep "default --from is today" $'^2026-06-20\treport\tBC-HALF' "$T/due"
expect_exit "bad --from refused" 1 "$TIENDO" -f "$DB" due --from 20/6/2026
expect_exit "bad --days refused" 1 "$TIENDO" -f "$DB" due --days 0
expect_exit "--unit and --all together is a usage error" 2 "$TIENDO" -f "$DB" due --all --unit T-XA1
