#!/bin/bash
# SPDX-License-Identifier: MIT
# Conflicts in a database holding two plans: conflicts --plan, the note about
# the other plan's open conflicts, and resolve's checks of its argument.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk

# The department keeps two plans, TEST-EX and OTHER-EX (the last loaded is
# current); XA1 reports on OTHER-EX.
tdo -f dept.db init --plan "$PLAN" >/dev/null
grep -v '^signature,' "$PLAN" | sed 's/^plan,TEST-EX,1,/plan,OTHER-EX,1,/' >other-plan.csv
tdo -f dept.db init --plan other-plan.csv >/dev/null
tdo -f dept.db export-plan -o other.csv >/dev/null
tdo -f XA1.db init --plan other.csv --unit XA1 >/dev/null

# A conflict in OTHER-EX: the department and XA1 both write revision 1.
tdo -f dept.db set T1 --period 2026S1 --unit XA1 --result "Sửa tại Sở" >/dev/null
tdo -f XA1.db set T1 --period 2026S1 --result "Sửa tại xã" >/dev/null
tdo -f XA1.db export --period 2026S1 -o r1.csv >/dev/null
expect_exit "the department goes back to TEST-EX" 0 tdo -f dept.db use TEST-EX
expect_exit "import of OTHER-EX's report" 0 tdo -f dept.db import r1.csv
expect_grep "reports the conflict" "1 in conflict" "$T/out"

# --- conflicts shows the current plan, and says where the others are ---------
expect_exit "conflicts of the current plan" 0 tdo -f dept.db conflicts
expect_grep "none in TEST-EX" "^No open conflicts\.$" "$T/out"
expect_grep "but says OTHER-EX holds one, and how to see it" \
	"^Open conflicts in plan OTHER-EX: 1 \(see: tiendo conflicts --plan OTHER-EX\)$" "$T/out"
expect_exit "conflicts --period: the note keeps the period" 0 tdo -f dept.db conflicts --period 2026S1
expect_grep "with --period in the command" \
	"^Open conflicts in plan OTHER-EX: 1 \(see: tiendo conflicts --plan OTHER-EX --period 2026S1\)$" "$T/out"
expect_exit "conflicts --period of another period" 0 tdo -f dept.db conflicts --period 2026S2
expect_no_grep "no note for a period without conflicts" "OTHER-EX" "$T/out"

# --- conflicts --plan CODE -----------------------------------------------------
expect_exit "conflicts --plan OTHER-EX" 0 tdo -f dept.db conflicts --plan OTHER-EX
expect_grep "lists OTHER-EX's conflict" "^1	open	XA1	task	T1	2026S1	r1.csv$" "$T/out"
expect_grep "both sides" "Result: Sửa tại xã" "$T/out"
expect_no_grep "no note about its own plan" "Open conflicts in plan" "$T/out"
expect_exit "-P is --plan" 0 tdo -f dept.db conflicts -P OTHER-EX --period 2026S1
expect_grep "lists it too" "^1	open	XA1	task	T1	2026S1	r1.csv$" "$T/out"
expect_exit "conflicts --plan of an unknown plan" 1 tdo -f dept.db conflicts --plan NOPE
expect_grep "names it" "no plan with code 'NOPE'" "$T/err"
expect_exit "conflicts --plan needs a value" 2 tdo -f dept.db conflicts --plan
expect_exit "conflicts --help names --plan" 0 tdo conflicts --help
expect_grep "in the usage" "--plan CODE" "$T/out"

# --- resolve ID: a number, else a usage error ------------------------------------
expect_exit "resolve abc is a usage error" 2 tdo -f dept.db resolve abc --take
expect_grep "says what an ID is" "resolve: 'abc' is not a conflict number: give the number in the first column of tiendo conflicts" "$T/err"
expect_no_grep "quotes no upper limit" "4611686018427387904" "$T/err"
expect_grep "points to the help" "See: tiendo resolve --help" "$T/err"
expect_exit "resolve 0 is a usage error" 2 tdo -f dept.db resolve 0 --keep
expect_exit "resolve of a number past any integer is a usage error" 2 tdo -f dept.db resolve 99999999999999999999 --keep
expect_grep "naming it" "'99999999999999999999' is not a conflict number" "$T/err"
expect_exit "resolve of a number with no conflict is refused" 1 tdo -f dept.db resolve 99 --keep
expect_exit "resolve 1 from TEST-EX resolves OTHER-EX's conflict" 0 tdo -f dept.db resolve 1 --keep
expect_exit "conflicts afterwards" 0 tdo -f dept.db conflicts --plan TEST-EX
expect_no_grep "no note once resolved" "OTHER-EX" "$T/out"
