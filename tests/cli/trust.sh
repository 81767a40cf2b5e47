#!/bin/bash
# SPDX-License-Identifier: MIT
# Trust rules of the exchange (issue 13): plans travel down from their issuer,
# reports travel up, a unit reports only what it is assigned, retired
# indicators keep their values; every refused file leaves the database as it
# was.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
tdo() { "$TIENDO" "$@"; }
dump() { sqlite3 "$1" .dump; }

tdo -f dept.db init --plan "$PLAN" >/dev/null
tdo -f dept.db export-plan -o pkg.csv >/dev/null
tdo -f XA1.db init --plan pkg.csv --unit XA1 >/dev/null

# --- plans travel down ------------------------------------------------------
# A forged package dropped in the department's folder: a newer version that
# re-parents a ward and retargets an indicator.
sed -e 's/^plan,TEST-EX,1,/plan,TEST-EX,9,/' -e 's/^unit,XA2,ward,TINH,/unit,XA2,ward,SKHCN,/' \
	-e 's/^indicator,I1,percent,>=,80,/indicator,I1,percent,>=,10,/' pkg.csv >forged.csv
before=$(dump dept.db)
expect_exit "a forged package at the consolidating database is refused" 1 tdo -f dept.db import forged.csv
expect_grep "naming the rule" "this database consolidates plan TEST-EX .*never takes one from outside" "$T/err"
expect_eq "and the department's plan is untouched" "$before" "$(dump dept.db)"
expect_exit "its own package again is harmless" 0 tdo -f dept.db import pkg.csv

sed -e 's/^plan,TEST-EX,1,TINH,\(.*\),SKHCN,,,/plan,TEST-EX,9,TINH,\1,P1,,,/' pkg.csv >fromp1.csv
before=$(dump XA1.db)
expect_exit "a commune refuses a package of its plan from another issuer" 1 tdo -f XA1.db import fromp1.csv
expect_grep "naming the rule" "is issued by P1, but this database has it from SKHCN" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump XA1.db)"

sed -e 's/^plan,TEST-EX,1,/plan,OTHER-EX,1,/' pkg.csv >other.csv
expect_exit "a package of another plan code is refused" 1 tdo -f XA1.db import other.csv
expect_grep "says how to add it" "not a plan of this database .*--add-plan" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump XA1.db)"
expect_exit "import --add-plan adds it" 0 tdo -f XA1.db import --add-plan other.csv
expect_exit "set after adding a plan" 0 tdo -f XA1.db set T1 --period 2026S1 --status done --result "kết quả"
expect_eq "the entry went into the current plan, not the added one" "TEST-EX" \
	"$(sqlite3 XA1.db "SELECT p.code FROM progress g JOIN task t ON t.id = g.task_id JOIN plan p ON p.id = t.plan_id")"

# --- reports travel up ------------------------------------------------------
tdo -f own.db init --plan pkg.csv --unit SKHCN >/dev/null
tdo -f own.db set T2 --period 2026S1 --unit SKHCN --status done --result "ghi đè" >/dev/null
tdo -f own.db export --period 2026S1 -o own.csv >/dev/null
tdo -f dept.db set T2 --period 2026S1 --unit SKHCN --status in-progress --result "của Sở" >/dev/null
before=$(dump dept.db)
expect_exit "a report from the database's own unit is refused" 1 tdo -f dept.db import own.csv
expect_grep "naming the rule" "comes from SKHCN, this database's own unit: reports travel up" "$T/err"
expect_eq "and the department's own entry stays" "$before" "$(dump dept.db)"

tdo -f up.db init --plan pkg.csv --unit TINH >/dev/null
tdo -f up.db set T2 --period 2026S1 --unit TINH --status done >/dev/null 2>&1
tdo -f up.db export --period 2026S1 -o up.csv >/dev/null
expect_exit "a report from a unit above is refused" 1 tdo -f dept.db import up.csv
expect_grep "naming the rule" "comes from TINH, a unit above this database's unit SKHCN" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump dept.db)"

# --- one rule for set and import: assigned tasks only ---------------------
sed -e 's/^task,T3,I,c),PHONG,/task,T3,I,c),PHONG XA1,/' pkg.csv >lax.csv
tdo -f lax.db init --plan lax.csv --unit XA1 >/dev/null
expect_exit "set refuses a task the unit is not assigned (department's plan)" 1 tdo -f dept.db set T3 --period 2026S1 --unit XA1 --status done
expect_exit "a database with a laxer plan lets it be entered" 0 tdo -f lax.db set T3 --period 2026S1 --status done
tdo -f lax.db export --period 2026S1 -o lax-report.csv >/dev/null
expect_exit "import refuses it as set does" 1 tdo -f dept.db import lax-report.csv
expect_grep "naming the task and unit" "task T3 is not assigned to unit XA1" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump dept.db)"

# --- retired indicators keep their values -----------------------------------
tdo -f so.db init --plan "$PLAN" >/dev/null
tdo -f XA2.db init --plan pkg.csv --unit XA2 >/dev/null
tdo -f XA2.db set-indicator I2 --period 2026S1 --value 4 >/dev/null
grep -v '^indicator,I2,' pkg.csv | sed 's/^plan,TEST-EX,1,/plan,TEST-EX,2,/' >v2.csv
# The department moves to version 2 (I2 retired) the way it always does: init with the new plan file.
expect_exit "the department retires indicator I2 (version 2)" 0 tdo -f so.db init --plan v2.csv
expect_exit "the commune takes version 2" 0 tdo -f XA2.db import v2.csv
tdo -f XA2.db export --period 2026S1 -o xa2.csv >/dev/null
expect_grep "the commune's report still carries its I2 value" "^value,XA2,I2," xa2.csv
expect_exit "the department accepts a value of a retired indicator" 0 tdo -f so.db import xa2.csv
expect_eq "and keeps it" "4.0" "$(sqlite3 so.db "SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'I2'")"
