#!/bin/bash
# SPDX-License-Identifier: MIT
# Command line: progress entries, history, undo, indicator values, and refusals.
. "$SRCDIR/tests/lib.sh"
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-XA1 >/dev/null
# The consolidating department's database, which enters for other units too
# (a commune's database enters only its own unit: trust.sh).
DEPT="$T/dept.db"
"$TIENDO" -f "$DEPT" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null

dump() { sqlite3 "$DB" 'SELECT * FROM progress; SELECT * FROM progress_history; SELECT * FROM indicator_value;'; }

expect_exit "set progress" 0 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --status in-progress --percent 40 --count 12 \
	--result $'Đã đăng 12 tin bài\n- trên cổng thông tin' --evidence "Báo cáo 15/BC-UBND"
expect_grep "set says saved with revision" '^1a-1 T-XA1 2026S1: saved, revision 1$' "$T/out"
TIENDO_NOW=2026-03-16T10:00:00Z TIENDO_USER=lan expect_exit "set another field" 0 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --difficulties "Thiếu kinh phí"
expect_exit "show the entry" 0 "$TIENDO" -f "$DB" show 1a-1 --period 2026S1
expect_grep "show: status" $'^status\tin-progress$' "$T/out"
expect_grep "show: percent kept" $'^percent\t40$' "$T/out"
expect_grep "show: count with its measure" $'^count\t12 tin bài$' "$T/out"
expect_grep "show: multi-line result" $'^result\tĐã đăng 12 tin bài$' "$T/out"
expect_grep "show: continuation line" $'^\t- trên cổng thông tin$' "$T/out"
expect_grep "show: difficulties" $'^difficulties\tThiếu kinh phí$' "$T/out"
expect_grep "show: who and when" $'^entered\t16/03/2026 17:00\tlan$' "$T/out"
expect_grep "show: history count" $'^history\t2$' "$T/out"
expect_grep "show: first revision in history" $'^1\t15/03/2026 16:00\t[^\t]+\tset\tin-progress\t40\t12\tĐã đăng 12 tin bài\\\\n- trên cổng thông tin\t\t\tBáo cáo 15/BC-UBND$' "$T/out"
expect_exit "the same values again" 0 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --percent 40
expect_grep "no change, no new revision" 'no change \(revision 2\)' "$T/out"

# NFD input is stored as NFC.
nfd=$'Vie\xcc\x82\xcc\xa3t Nam'
"$TIENDO" -f "$DB" set 1a-2 --period 2026S1 --result "$nfd" >/dev/null
expect_eq "NFD input stored as NFC" "Việt Nam" "$(sqlite3 "$DB" "SELECT result FROM progress WHERE period='2026S1' AND task_id=(SELECT id FROM task WHERE code='1a-2')")"

before=$(dump)
expect_exit "unknown task refused" 1 "$TIENDO" -f "$DB" set 9z --period 2026S1 --percent 1
expect_grep "names the task" "unknown task '9z'" "$T/err"
expect_exit "unknown unit refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --unit NOPE --percent 1
expect_grep "names the unit" "unknown unit 'NOPE'" "$T/err"
expect_exit "bad period refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026H1 --percent 1
expect_grep "names the period" "period '2026H1' is not a period code" "$T/err"
expect_exit "percent over 100 refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --percent 101
expect_grep "says the range" "from 0 to 100" "$T/err"
expect_exit "negative percent refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --percent -5
expect_grep "says the rule's range, not the parser's" "'-5' must be a whole number from 0 to 100;" "$T/err"
# A number too big to parse names the rule's range (it said 0 to 1000000 for
# a percent, 0 to 9223372036854775807 for a count: a clerk who typed the
# latter was then told the count goes to 1000000000000).
expect_exit "a huge percent refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --percent 2000000
expect_grep "says the percent's range" "'2000000' must be a whole number from 0 to 100;" "$T/err"
expect_exit "a huge count refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --count 99999999999999999999
expect_grep "says the count's range" "must be a whole number from 0 to 1000000000000;" "$T/err"
expect_exit "a huge numerator refused" 1 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2026 --numerator 99999999999999999999 --denominator 1
expect_grep "says the numerator's range" "numerator '99999999999999999999' must be a whole number from 0 to 1000000000000;" "$T/err"
expect_exit "a huge denominator refused" 1 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2026 --numerator 1 --denominator 99999999999999999999
expect_grep "says the denominator's range" "from 0 to 1000000000000;" "$T/err"
expect_exit "non-numeric count refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --count 2.500
expect_exit "bad status refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --status finished
expect_exit "invalid UTF-8 refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --result $'bad \xff byte'
expect_grep "says invalid UTF-8" 'invalid UTF-8' "$T/err"
expect_exit "control characters refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --evidence $'a\x07b'
expect_exit "task not assigned to the unit refused" 1 "$TIENDO" -f "$DB" set 2a --period 2026S1 --percent 5
expect_grep "says whose task it is" 'not assigned to unit T-XA1 \(lead: T-SGDDT' "$T/err"
expect_exit "a group cannot enter progress" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --unit T-XA --percent 5
expect_exit "missing --period is a usage error" 2 "$TIENDO" -f "$DB" set 1a-1 --percent 5
expect_exit "missing task is a usage error" 2 "$TIENDO" -f "$DB" set --period 2026S1
# Periods outside the plan's years (2025, its date, to 2030, its last
# target) or before a recurring task starts were taken: 2019S1 and 2040S2
# entries no report or status ever showed.
expect_exit "a period before the plan refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2019S1 --percent 5
expect_grep "names the period and the plan's years" 'period 2019S1 is outside plan MINI-1, which runs from 2025 to 2030; nothing was written' "$T/err"
expect_exit "a period after the plan refused" 1 "$TIENDO" -f "$DB" set 1a-1 --period 2040S2 --percent 5
expect_grep "names the later period" 'period 2040S2 is outside plan MINI-1, which runs from 2025 to 2030' "$T/err"
expect_exit "a period before a recurring task starts refused" 1 "$TIENDO" -f "$DEPT" set 1b-2 --period 2025S2 --unit T-SKHCN --percent 5
expect_grep "names the task's start" 'period 2025S2 ends before task 1b-2 starts: it runs from 01/01/2026 to the plan.s end \(2030\)' "$T/err"
expect_exit "an indicator value outside the plan refused" 1 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2031 --numerator 1 --denominator 2
expect_grep "the value's period named" 'period 2031 is outside plan MINI-1' "$T/err"
expect_eq "refusals wrote nothing" "$before" "$(dump)"
# undo is a change too: an entry for 2040S1 (made when this year was 2040,
# or imported by an older tiendo) took a new revision from undo.
cp "$DB" "$T/far.db"
TIENDO_NOW=2040-03-01T02:00:00Z "$TIENDO" -f "$T/far.db" set 1a-1 --period 2040S1 --percent 5 >/dev/null
TIENDO_NOW=2040-03-01T02:00:00Z "$TIENDO" -f "$T/far.db" set 1a-1 --period 2040S1 --percent 9 >/dev/null
far_before=$(sqlite3 "$T/far.db" "SELECT revision, percent FROM progress WHERE period = '2040S1'")
expect_exit "undo of a period outside the plan refused" 1 env TIENDO_NOW=2026-03-01T02:00:00Z "$TIENDO" -f "$T/far.db" undo 1a-1 --period 2040S1
expect_grep "as set refuses it" 'period 2040S1 is outside plan MINI-1, which runs from 2025 to 2030' "$T/err"
expect_eq "the entry is as it was" "$far_before" "$(sqlite3 "$T/far.db" "SELECT revision, percent FROM progress WHERE period = '2040S1'")"

# Another unit, named explicitly.
expect_exit "the plan's last year is taken" 0 "$TIENDO" -f "$DB" set 1a-1 --period 2030S2 --percent 5
expect_exit "a recurring task from its first year" 0 "$TIENDO" -f "$DEPT" set 1b-2 --period 2026S1 --unit T-SKHCN --percent 5
expect_exit "set for another unit" 0 "$TIENDO" -f "$DEPT" set 2a --period 2026S1 --unit T-SGDDT --status done
"$TIENDO" -f "$DEPT" show 2a --period 2026S1 --unit T-SGDDT >"$T/show"
expect_grep "done means 100%" $'^percent\t100$' "$T/show"
expect_exit "a commune's database enters no other unit" 1 "$TIENDO" -f "$DB" set 2a --period 2026S1 --unit T-SGDDT --status done
expect_grep "saying whose database it is" "this database belongs to T-XA1 .* and does not report for T-SGDDT" "$T/err"

# Undo.
expect_exit "undo the last change" 0 "$TIENDO" -f "$DB" undo 1a-1 --period 2026S1
expect_grep "undo says the revision" 'last change undone, revision 3' "$T/out"
"$TIENDO" -f "$DB" show 1a-1 --period 2026S1 >"$T/show"
expect_grep "undo brought back the old difficulties" $'^difficulties\t$' "$T/show"
expect_grep "undo keeps what was before" $'^percent\t40$' "$T/show"
expect_grep "undo is in the history" $'^3\t[^\t]+\t[^\t]+\tundo\t' "$T/show"
expect_exit "undo with nothing saved is refused" 1 "$TIENDO" -f "$DB" undo 1b-1 --period 2026S1
expect_grep "nothing to undo" 'nothing to undo' "$T/err"

# Indicator values.
expect_exit "set-indicator ratio" 0 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2026 --numerator 800 --denominator 1000 --note "Theo số liệu xã"
expect_exit "show-indicator" 0 "$TIENDO" -f "$DB" show-indicator MT2030-1 --period 2026
expect_grep "value shown as a fraction" $'^value\t800/1000$' "$T/out"
expect_grep "target shown" $'^target\t>=80%\t2030$' "$T/out"
expect_exit "set-indicator value" 0 "$TIENDO" -f "$DB" set-indicator MT2025-1 --period 2025 --value 100
expect_exit "numerator over denominator refused" 1 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2026 --numerator 5 --denominator 4
expect_exit "zero denominator refused" 1 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2026 --numerator 0 --denominator 0
expect_exit "value and numerator together is a usage error" 2 "$TIENDO" -f "$DB" set-indicator MT2030-1 --period 2026 --value 3 --numerator 1
expect_exit "an indicator the unit does not report is refused" 1 "$TIENDO" -f "$DB" set-indicator MT2027-1 --period 2026 --value 1
expect_exit "milestone value must be 0 or 1" 1 "$TIENDO" -f "$DEPT" set-indicator MT2026-1 --period 2026 --unit T-SKHCN --value 2
expect_exit "milestone yes" 0 "$TIENDO" -f "$DEPT" set-indicator MT2026-1 --period 2026 --unit T-SKHCN --value 1
expect_exit "unknown indicator refused" 1 "$TIENDO" -f "$DB" set-indicator MT9 --period 2026 --value 1
expect_exit "decimal comma refused with a hint" 1 "$TIENDO" -f "$DB" set-indicator MT2025-1 --period 2025 --value 99,5
expect_grep "hint says use a dot" 'use \. for decimals' "$T/err"
