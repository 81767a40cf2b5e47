#!/bin/bash
# SPDX-License-Identifier: MIT
# One rule for every way data comes in (issue 11): an import checks each row
# as `tiendo set` checks an entry, and the command line and the interface say
# the same things about an export.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk

expect_exit "department database" 0 tdo -f dept.db init --plan "$PLAN"
expect_exit "commune database" 0 tdo -f xa1.db init --plan "$PLAN" --unit XA1

# set refuses what the import must refuse too
expect_exit "set refuses a task not assigned to the unit" 1 tdo -f xa1.db set T3 --period 2026S1 --percent 10
expect_grep "and says why" "task T3 is not assigned to unit XA1" "$T/err"
expect_exit "set refuses a count above the limit" 1 tdo -f xa1.db set T1 --period 2026S1 --count 5000000000000
expect_exit "set refuses a percent above 100" 1 tdo -f xa1.db set T1 --period 2026S1 --percent 101
expect_grep "naming the rule" "percent must be from 0 to 100" "$T/err"

# A report that carries such rows (written into the commune's database
# behind tiendo's back, as another program or an old version might have).
put_row() { # TASK PERCENT COUNT
	sqlite3 xa1.db "INSERT INTO progress(unit_id, task_id, period, status, percent, count,
		entered_by, entered_at, revision) VALUES ((SELECT id FROM unit WHERE code = 'XA1'),
		(SELECT id FROM task WHERE code = '$1'), '2026S1', 'in-progress', $2, $3, 'x',
		'2026-06-01T00:00:00Z', 1)"
}
put_row T3 10 NULL
expect_exit "the commune exports it" 0 tdo -f xa1.db export --period 2026S1 -o unassigned.csv
before=$(sqlite3 dept.db .dump)
expect_exit "import refuses an entry for a task not assigned to its unit" 1 tdo -f dept.db import unassigned.csv
expect_grep "naming the line and the rule" "unassigned.csv:[0-9]+: task T3 is not assigned to unit XA1" "$T/err"
expect_eq "nothing was written" "$before" "$(sqlite3 dept.db .dump)"

sqlite3 xa1.db "DELETE FROM progress"
put_row T1 10 5000000000000
expect_exit "the commune exports a count above the limit" 0 tdo -f xa1.db export --period 2026S1 -o big.csv
expect_exit "import refuses a count set refuses" 1 tdo -f dept.db import big.csv
expect_grep "naming the rule" "big.csv:[0-9]+: the count must be from 0 to 1000000000000" "$T/err"
# Above the parser's old bound (10^15) the same rule is named: it said "not
# a whole number from 0 to 1000000000000000", a limit no rule has.
sqlite3 xa1.db "DELETE FROM progress"
put_row T1 10 5000000000000000
expect_exit "the commune exports a count far above the limit" 0 tdo -f xa1.db export --period 2026S1 -o huge.csv
expect_exit "import refuses it" 1 tdo -f dept.db import huge.csv
expect_grep "naming the rule" "huge.csv:[0-9]+: the count must be from 0 to 1000000000000 \\(not 5000000000000000\\)" "$T/err"
sqlite3 xa1.db "DELETE FROM progress"
put_row T1 10 12
expect_exit "the commune exports a good entry" 0 tdo -f xa1.db export --period 2026S1 -o good.csv
expect_exit "import takes it" 0 tdo -f dept.db import good.csv

# Export: whom to send the report to, or that the regime names nobody.
expect_exit "the commune exports" 0 tdo -f xa1.db export --period 2026S1 -o xa1.csv
expect_grep "and is told whom to send it to" "Send it to .*\(SKHCN\)" "$T/out"
expect_exit "province database" 0 tdo -f tinh.db init --plan "$PLAN" --unit TINH
expect_exit "the province exports" 0 tdo -f tinh.db export --period 2026S1 -o tinh.csv
expect_grep "and is told the regime names no recipient, as the interface says" \
	"names no recipient" "$T/out"

# Time frames and targets in the user's language (they were English on the
# Vietnamese screen).
TIENDO_LANG=vi expect_exit "tasks in Vietnamese" 0 tdo -f dept.db tasks
expect_grep "a due date in Vietnamese" $'^T2\t.*\thạn 30/06/2026\t' "$T/out"
expect_grep "recurring in Vietnamese" $'^T1\t.*\tthường xuyên\t' "$T/out"
expect_no_grep "no English time frame" $'\t(due|recurring)' "$T/out"

# Renaming a unit to the name it has changes nothing (the session says so to
# both faces); a real rename raises the next package's version.
expect_exit "the department's package" 0 tdo -f dept.db export-plan -o v.csv
v=$(grep -m1 '^plan,' v.csv | cut -d, -f3)
expect_exit "rename a unit to its own name" 0 tdo -f dept.db rename-unit XA1 --name "Xã Một"
expect_exit "the package again" 0 tdo -f dept.db export-plan -o v2.csv
expect_eq "same version: nothing changed" "$v" "$(grep -m1 '^plan,' v2.csv | cut -d, -f3)"
expect_exit "a real rename" 0 tdo -f dept.db rename-unit XA1 --name "Xã Một Mới"
expect_exit "the package once more" 0 tdo -f dept.db export-plan -o v3.csv
expect_eq "the version goes up" "$((v + 1))" "$(grep -m1 '^plan,' v3.csv | cut -d, -f3)"
