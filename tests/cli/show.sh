#!/bin/bash
# SPDX-License-Identifier: MIT
# Reading an entry (tiendo show, show-indicator; the interface's entry view
# reads the same session_show_entry): what a unit entered is shown even once
# the unit is retired ("its history is kept"), a group is told it has no
# entries of its own, and the wording of a missing task stays.
. "$SRCDIR/tests/lib.sh"
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
"$TIENDO" -f "$DB" set 1a-2 --unit T-XA1 --period 2025S2 --status done --result "Đã lập trang" >/dev/null
"$TIENDO" -f "$DB" set-indicator MT2025-1 --unit T-XA1 --period 2025 --numerator 3 --denominator 4 >/dev/null
"$TIENDO" -f "$DB" retire-unit T-XA1 >/dev/null

# before: "unit T-XA1 is retired; nothing was written", exit 1
expect_exit "show: a retired unit's entry is still shown" 0 \
	"$TIENDO" -f "$DB" show 1a-2 --unit T-XA1 --period 2025S2
expect_grep "with what it entered" $'^result\tĐã lập trang$' "$T/out"
expect_grep "and its history" $'^history\t1$' "$T/out"
expect_exit "show-indicator: a retired unit's value is still shown" 0 \
	"$TIENDO" -f "$DB" show-indicator MT2025-1 --unit T-XA1 --period 2025
expect_grep "with its value" $'^value\t3/4$' "$T/out"
# but nothing new is entered for it
expect_exit "set for a retired unit is still refused" 1 \
	"$TIENDO" -f "$DB" set 1a-2 --unit T-XA1 --period 2026S1 --status done

expect_exit "show: a group has no entries of its own" 1 \
	"$TIENDO" -f "$DB" show 1a-2 --unit T-XA --period 2025S2
expect_grep "and is told so, without 'nothing was written'" \
	'^tiendo: show: T-XA is a group of units: it has no entries of its own; name one of its units$' "$T/err"
expect_exit "show: an unknown task" 1 "$TIENDO" -f "$DB" show ZZZ --period 2025S2
expect_grep "is named" "^tiendo: show: no such task 'ZZZ' in plan MINI-1 \(see: tiendo tasks\)$" "$T/err"
expect_exit "show-indicator: an unknown indicator" 1 "$TIENDO" -f "$DB" show-indicator ZZZ --period 2025
expect_grep "is named" "^tiendo: show-indicator: no such indicator 'ZZZ'" "$T/err"

# a unit no longer assigned the task (an entry kept from an earlier plan
# version, or nothing at all) is shown, not refused: show only reads
expect_exit "show: a task the unit is not assigned reads as no entry" 0 \
	"$TIENDO" -f "$DB" show 2a --unit T-PH1 --period 2026S1
expect_grep "no entry yet" '^\(no entry yet\)$' "$T/out"
