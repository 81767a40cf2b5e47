#!/bin/bash
# SPDX-License-Identifier: MIT
# Issue 12, command-line side: the bugs a commune clerk met (dry-run summary,
# a clock that does not parse, show of an unknown task, yearly indicator
# values in half-year reports, init of a new commune in one command).
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
tdo() { "$TIENDO" "$@"; }

tdo -f dept.db init --plan "$PLAN" >/dev/null
tdo -f dept.db export-plan -o pkg.csv >/dev/null
for u in XA1 XA2; do
	tdo -f "$u.db" init --plan pkg.csv --unit "$u" >/dev/null
	tdo -f "$u.db" set T1 --period 2026S1 --status in-progress --percent 40 >/dev/null
	tdo -f "$u.db" export --period 2026S1 -o "r_$u.csv" >/dev/null
done

# --- bug 7: a dry run's summary says nothing was written --------------------
expect_exit "dry run of two reports" 0 tdo -f dept.db import --dry-run r_XA1.csv r_XA2.csv
expect_grep "summary says the files would be imported" '2 files: 2 would be imported' "$T/out"
expect_grep "summary says nothing was written" 'nothing was written' "$T/out"
expect_no_grep "summary does not claim the files were imported" '2 files: 2 imported' "$T/out"

# --- bug 13: TIENDO_NOW that does not parse; show of an unknown task --------
expect_exit "TIENDO_NOW that does not parse is refused" 2 env TIENDO_NOW=tomorrow "$TIENDO" -f XA1.db due
expect_grep "the refusal names the variable" "TIENDO_NOW='tomorrow' is not a date" "$T/err"
expect_exit "TIENDO_NOW as a date is taken" 0 env TIENDO_NOW=2026-06-05 "$TIENDO" -f XA1.db due
expect_exit "show of an unknown task" 1 tdo -f XA1.db show ZZZ --period 2026S1
expect_grep "says no such task" "no such task 'ZZZ'" "$T/err"
expect_no_grep "does not say nothing was written (show writes nothing)" "nothing was written" "$T/err"
# Nor for a period that does not parse: show and show-indicator said
# "nothing was written" there.
expect_exit "show of a period that does not parse" 1 tdo -f XA1.db show T1 --period 2026H1
expect_grep "says it is not a period code" "show: period '2026H1' is not a period code" "$T/err"
expect_no_grep "without 'nothing was written'" "nothing was written" "$T/err"
expect_exit "show-indicator of a period that does not parse" 1 tdo -f XA1.db show-indicator I1 --period 26
expect_grep "says so too" "show-indicator: period '26' is not a period code" "$T/err"
expect_no_grep "without 'nothing was written' either" "nothing was written" "$T/err"

# --- bug 2: a yearly indicator value travels in the reports of its year -----
tdo -f XA1.db set-indicator I1 --period 2026 --numerator 9 --denominator 10 >/dev/null
expect_exit "export of the second half" 0 env TIENDO_NOW=2026-12-05T02:00:00Z "$TIENDO" -f XA1.db export --period 2026S2 -o r2.csv
# English counts its nouns: "1 indicator values", "1 rows" read as slips.
expect_grep "the export counts the yearly value" ', 0 entries, 1 indicator value\.$' "$T/out"
expect_grep "the value row keeps its own period" '^value,XA1,I1,2026,1,9,10,' r2.csv
expect_exit "the department imports it" 0 tdo -f dept.db import r2.csv
expect_grep "one row new" ': 1 row: 1 new' "$T/out"
expect_exit "the department has the yearly value" 0 tdo -f dept.db show-indicator I1 --period 2026 --unit XA1
expect_grep "value 9/10 for 2026" $'^value\t9/10' "$T/out"
sed 's/^value,XA1,I1,2026,/value,XA1,I1,2027,/' r2.csv >r3.csv
expect_exit "a value row for a period outside the report's is refused" 1 tdo -f dept.db import r3.csv

# --- section 1: init of a new commune in one command; a refused init leaves no file
expect_exit "init with a unit the package does not list is refused" 1 tdo -f new.db init --plan pkg.csv --unit XA9
expect_grep "the refusal says how to add it" 'does not list unit XA9.*--name NAME --parent CODE' "$T/err"
# ... and where the codes are: it said "unknown unit 'XA9' (see: tiendo
# units)", which a database not yet made cannot answer.
expect_grep "the refusal names the plan's units" "does not list unit XA9; its units are TINH, SKHCN, P1, P2, XA1, XA2 \\(the plan file's unit rows, or tiendo units once a database holds the plan\\)" "$T/err"
expect_no_grep "not a command that cannot work yet" "see: tiendo units" "$T/err"
if [ -e new.db ]; then notok "a refused init leaves no file behind" "$(ls -la new.db*)"; else ok "a refused init leaves no file behind"; fi
expect_exit "init creates a new commune in one command" 0 tdo -f new.db init --plan pkg.csv --unit XA9 --name "Xã Chín" --kind commune --parent TINH
expect_grep "it says what it did" 'added unit XA9 \(Xã Chín\)' "$T/out"
expect_exit "units" 0 tdo -f new.db units
expect_grep "the commune is there, under the province" $'^XA9\tcommune\tTINH\tXã Chín' "$T/out"
expect_exit "its tasks (the plan gives the communes' group)" 0 tdo -f new.db tasks
expect_grep "task T1 of the communes' group" '^T1' "$T/out"
expect_exit "progress for the new commune" 0 tdo -f new.db set T1 --period 2026S1 --status in-progress --percent 10
expect_exit "a parent that is a group is refused" 1 tdo -f bad.db init --plan pkg.csv --unit XA8 --name "Xã Tám" --parent XA
if [ -e bad.db ]; then notok "no file after that refusal either"; else ok "no file after that refusal either"; fi
# --name is checked as a text: a control character is named (it said "the
# new unit needs a name"), and a name over 32 KiB, which the department would
# refuse in every report of the commune, is refused here.
expect_exit "a name with a control character is refused" 1 tdo -f bad.db init --plan pkg.csv --unit XA8 --name $'Xã\a' --parent TINH
expect_grep "saying why" "--name: control character" "$T/err"
expect_exit "a name over 32 KiB is refused" 1 tdo -f bad.db init --plan pkg.csv --unit XA8 --name "$(head -c 40000 /dev/zero | tr '\0' a)" --parent TINH
expect_grep "saying so" "the unit's name is too long: 40000 bytes, at most 32768" "$T/err"
[ -e bad.db ] && notok "no file after those refusals" || ok "no file after those refusals"
# A database belongs to one unit: a group or a retired unit of the package is
# refused, as the first-run screen never offers them (init took a group, and
# then export and set refused everything the database was for).
expect_exit "init as a group is refused" 1 tdo -f grp.db init --plan pkg.csv --unit XA
expect_grep "saying it is a group" 'XA \(.*\) is a group of units' "$T/err"
[ -e grp.db ] && notok "no file after a group refused" || ok "no file after a group refused"
expect_exit "a database of XA1" 0 tdo -f own.db init --plan pkg.csv --unit XA1
expect_exit "re-init as a group is refused" 1 tdo -f own.db init --plan pkg.csv --unit XA
expect_exit "its unit is still XA1" 0 tdo -f own.db export --period 2026S1 -o own.csv
expect_grep "the report comes from XA1" '^report,XA1,' own.csv
cp dept.db retire.db
tdo -f retire.db retire-unit XA2 >/dev/null
tdo -f retire.db export-plan -o pkg-retired.csv >/dev/null
expect_exit "init as a retired unit is refused" 1 tdo -f ret.db init --plan pkg-retired.csv --unit XA2
expect_grep "saying it is retired" 'unit XA2 \(.*\) is retired' "$T/err"
[ -e ret.db ] && notok "no file after a retired unit refused" || ok "no file after a retired unit refused"
expect_grep "and says no database was created" "no database was created" "$T/err"
tdo -f xa2-own.db init --plan pkg.csv --unit XA2 >/dev/null
expect_exit "XA2's own database still takes the package that retires XA2" 0 tdo -f xa2-own.db init --plan pkg-retired.csv --unit XA2
# A new commune is not put under a retired unit, as add-unit --parent
# refuses one: it would report up a line nobody follows any more.
expect_exit "a new unit under a retired parent is refused" 1 tdo -f ret.db init --plan pkg-retired.csv --unit XA8 --name "Xã Tám" --kind commune --parent XA2
expect_grep "naming the parent and that it is retired" "parent unit 'XA2' is retired in plan TEST-EX: choose a unit still followed as the parent \(--parent; e\.g\. the province\)" "$T/err"
[ -e ret.db ] && notok "no file after a retired parent refused" || ok "no file after a retired parent refused"

# --- a new commune's report describes it; the department adds it on import ---
expect_exit "the new commune exports" 0 tdo -f new.db export --period 2026S1 -o new.csv
expect_grep "its report row describes it" '^report,XA9,TEST-EX,1,2026S1,[^,]*,commune,TINH,Xã Chín' new.csv
expect_exit "dry run at the department" 0 tdo -f dept.db import --dry-run new.csv
expect_grep "the dry run says the unit would be added" 'new unit XA9 \(Xã Chín, TINH\) would be added' "$T/out"
expect_exit "the dry run did not add it" 1 tdo -f dept.db show T1 --period 2026S1 --unit XA9
expect_exit "the department imports it" 0 tdo -f dept.db import new.csv
expect_grep "and says it added the unit" 'new unit XA9 \(Xã Chín, TINH\) added' "$T/out"
expect_exit "the entry is there" 0 tdo -f dept.db show T1 --period 2026S1 --unit XA9
expect_grep "with its percent" $'^percent\t10$' "$T/out"
sed 's/,commune,TINH,Xã Chín/,commune,NOWHERE,Xã Chín/' new.csv >bad.csv
tdo -f dept2.db init --plan "$PLAN" >/dev/null
expect_exit "a described parent unknown here refuses the file" 1 tdo -f dept2.db import bad.csv

# --- section 3: consistent entries, the same rules as the interface ---------
expect_exit "a percent without a status" 0 tdo -f XA2.db set T2 --period 2026S1 --percent 10
expect_grep "says it moved the status" 'moved the status from not-started to in-progress' "$T/out"
expect_exit "show" 0 tdo -f XA2.db show T2 --period 2026S1
expect_grep "the entry is in progress" $'^status\tin-progress$' "$T/out"
expect_exit "not started with 45% is refused" 1 tdo -f XA2.db set T2 --period 2026S1 --status not-started --percent 45
expect_exit "100% without saying whether done is refused" 1 tdo -f XA2.db set T2 --period 2026S1 --percent 100
expect_grep "it asks for the status" 'say whether the task is done' "$T/err"
expect_exit "100% with the status said" 0 tdo -f XA2.db set T2 --period 2026S1 --percent 100 --status done
tdo -f XA2.db set T2 --period 2026S1 --result "Đã tổ chức hội nghị" >/dev/null
expect_exit "--result '' erasing a stored text is refused" 1 tdo -f XA2.db set T2 --period 2026S1 --result ''
expect_grep "it says to use --clear" "say --clear result" "$T/err"
# Only spaces is no text: "   " replaced the stored result with blanks.
expect_exit "--result of only spaces erasing a stored text is refused" 1 tdo -f XA2.db set T2 --period 2026S1 --result $'  \t \n '
expect_grep "as '' is, saying so" "--result of only spaces would erase the stored result; to erase it, say --clear result; nothing was written" "$T/err"
expect_eq "the stored result is kept" "Đã tổ chức hội nghị" "$(sqlite3 XA2.db "SELECT result FROM progress WHERE period = '2026S1' AND task_id = (SELECT id FROM task WHERE code = 'T2')")"
expect_exit "--difficulties of only spaces, none stored" 0 tdo -f XA2.db set T2 --period 2026S1 --difficulties $'\xc2\xa0 '
expect_eq "is stored empty, as '' is" "" "$(sqlite3 XA2.db "SELECT difficulties FROM progress WHERE period = '2026S1' AND task_id = (SELECT id FROM task WHERE code = 'T2')")"
expect_exit "--clear result erases it" 0 tdo -f XA2.db set T2 --period 2026S1 --clear result
expect_exit "show" 0 tdo -f XA2.db show T2 --period 2026S1
expect_grep "the result is empty" $'^result\t$' "$T/out"

# --- section 3: commands that change units say what they did ---------------
expect_exit "add-unit" 0 tdo -f dept.db add-unit XA5 --name "Xã Năm" --kind commune --parent TINH
expect_grep "add-unit says what it added" '^added unit XA5 \(Xã Năm\), commune under TINH' "$T/out"
expect_exit "rename-unit" 0 tdo -f dept.db rename-unit XA5 --name "Xã Năm Mới"
expect_grep "rename-unit says so" '^unit XA5 renamed: Xã Năm Mới' "$T/out"
expect_exit "retire-unit" 0 tdo -f dept.db retire-unit XA5
expect_grep "retire-unit says so" '^unit XA5 retired' "$T/out"
# The units a plan cannot do without: retire-unit took the database's own
# unit, the plan's consolidating unit (every report goes to it) and its
# issuer.
units_before=$(sqlite3 dept.db 'SELECT code, retired FROM unit ORDER BY code')
expect_exit "retire-unit refuses the database's own unit" 1 tdo -f dept.db retire-unit SKHCN
expect_grep "saying it is this database's unit" "unit SKHCN is this database's own unit: it cannot be retired" "$T/err"
expect_exit "retire-unit refuses the plan's issuer" 1 tdo -f dept.db retire-unit TINH
expect_grep "saying it issued the plan" "unit TINH issued plan TEST-EX: it cannot be retired" "$T/err"
expect_exit "retire-unit refuses the consolidating unit" 1 tdo -f XA2.db retire-unit SKHCN
expect_grep "saying every unit reports to it" "unit SKHCN consolidates plan TEST-EX: every unit reports to it" "$T/err"
expect_eq "no unit was retired" "$units_before" "$(sqlite3 dept.db 'SELECT code, retired FROM unit ORDER BY code')"
expect_eq "nor in the commune's database" "0" "$(sqlite3 XA2.db "SELECT retired FROM unit WHERE code = 'SKHCN'")"
# Nor a unit others depend on: retire-unit took a department with its
# divisions still under it, and one a reporting rule sends reports to.
cat >deps.csv <<'EOF2'
format,tiendo-plan,1
plan,DEPS,1,TINH,,Tỉnh,2025-09-01,SKHCN,,,Kế hoạch
unit,TINH,province,,,Tỉnh
unit,SKHCN,department,TINH,,Sở KH&CN
unit,SNV,department,TINH,,Sở Nội vụ
unit,SNV-P1,division,SNV,,Phòng Một
unit,SNV-P2,division,SNV,,Phòng Hai
unit,STC,department,TINH,,Sở Tài chính
unit,STC-P1,division,STC,,Phòng Một
section,I,Phần
task,T1,I,a),SNV,,recurring,,,,Việc,Việc
report,R-P,STC-P1,STC,half,06-10 12-10,no,Phòng báo cáo Sở
EOF2
tdo -f deps.db init --plan deps.csv >/dev/null
deps_before=$(sqlite3 deps.db 'SELECT code, retired FROM unit ORDER BY code')
expect_exit "retire-unit refuses a unit with units under it" 1 tdo -f deps.db retire-unit SNV
expect_grep "naming them and saying what to do" "unit SNV still has 2 units under it: SNV-P1, SNV-P2; retire them first" "$T/err"
expect_exit "retire-unit refuses a reporting rule's recipient" 1 tdo -f deps.db retire-unit STC
expect_grep "the unit under it first" "unit STC still has a unit under it: STC-P1; retire that unit first" "$T/err"
expect_eq "nothing was retired" "$deps_before" "$(sqlite3 deps.db 'SELECT code, retired FROM unit ORDER BY code')"
expect_exit "its unit retired" 0 tdo -f deps.db retire-unit STC-P1
expect_exit "the recipient is still refused" 1 tdo -f deps.db retire-unit STC
expect_grep "naming the rule" "unit STC receives the reports of rule R-P of plan DEPS: it cannot be retired while a reporting rule names it" "$T/err"
expect_exit "once its units are retired, a unit may be" 0 tdo -f deps.db retire-unit SNV-P1
expect_exit "(the second)" 0 tdo -f deps.db retire-unit SNV-P2
expect_exit "retired" 0 tdo -f deps.db retire-unit SNV
# The check and the retirement are one transaction: a unit added under the
# department while retire-unit ran (here by another connection holding the
# write lock) was not seen by the check, and the department was retired
# over it once the lock was free.
tdo -f deps.db add-unit SXD --name "Sở Xây dựng" --kind department --parent TINH >/dev/null
rm -f locked
sqlite3 deps.db >/dev/null <<'EOF2' &
.timeout 10000
BEGIN IMMEDIATE;
INSERT INTO unit(code, kind, parent_id, name) SELECT 'SXD-P1', 'division', id, 'Phòng Một' FROM unit WHERE code = 'SXD';
.shell touch locked
.shell sleep 2
COMMIT;
EOF2
lock_pid=$!
for _ in $(seq 100); do [ -e locked ] && break; sleep 0.1; done
expect_exit "retire-unit waiting on another writer still sees what it added" 1 tdo -f deps.db retire-unit SXD
expect_grep "the unit added meanwhile" "unit SXD still has a unit under it: SXD-P1" "$T/err"
wait "$lock_pid"
expect_eq "the department is not retired" "0" "$(sqlite3 deps.db "SELECT retired FROM unit WHERE code = 'SXD'")"

# --- section 3: a wrong re-save names the likely cause ----------------------
printf '\320\317\021\340old workbook' >old.csv
expect_exit "an old .xls workbook renamed .csv is refused" 1 tdo -f dept.db import old.csv
expect_grep "the refusal names the old workbook and the fix" 'old Excel workbook \(.xls\).*CSV UTF-8' "$T/err"
printf '%%PDF-1.4 report' >rep.csv
expect_exit "a PDF is refused" 1 tdo -f dept.db import rep.csv
expect_grep "the refusal names the PDF" 'a PDF document' "$T/err"

# --- a report for a period outside the plan's years -------------------------
# set refuses 2040S1 for a plan running 2025-2030, but import took a report
# for it (a clerk's clock set years ahead; an edited file): entries no
# status, report or screen ever shows. Refused whole; the batch goes on.
cp XA1.db far.db
env TIENDO_NOW=2040-06-05T02:00:00Z "$TIENDO" -f far.db set T1 --period 2040S1 --status done >/dev/null
env TIENDO_NOW=2040-06-05T02:00:00Z "$TIENDO" -f far.db export --period 2040S1 -o far.csv >/dev/null
cp dept.db far-dept.db
far_before=$(sqlite3 far-dept.db "SELECT count(*) FROM progress WHERE period = '2040S1'; SELECT count(*) FROM received WHERE period = '2040S1'")
expect_exit "a report for a period outside the plan's years is refused" 1 tdo -f far-dept.db import far.csv r_XA2.csv
expect_grep "naming the file, the period and the plan's years" "far\.csv:[0-9]*: the report is for period 2040S1, outside plan TEST-EX, which runs from 2025 to 2026" "$T/err"
expect_grep "refused as a whole" "^far\.csv: refused; nothing was imported from it" "$T/out"
expect_grep "the batch goes on with the next file" "^r_XA2\.csv: imported report of XA2" "$T/out"
expect_eq "nothing of it was written" "$far_before" "$(sqlite3 far-dept.db "SELECT count(*) FROM progress WHERE period = '2040S1'; SELECT count(*) FROM received WHERE period = '2040S1'")"

# --- conflicts --period P lists what the reports for P brought ---------------
# A report for 2026S2 carries the yearly value for 2026; a conflict on it was
# counted in the import's "1 in conflict" but 'conflicts --period 2026S2'
# said "No open conflicts.": it filtered on the row's period only.
cp dept.db cf-dept.db
cp XA1.db cf-xa1.db
export TIENDO_NOW=2026-12-05T02:00:00Z
tdo -f cf-dept.db set-indicator I1 --unit XA1 --period 2026 --numerator 8 --denominator 10 >/dev/null
tdo -f cf-xa1.db set-indicator I1 --period 2026 --numerator 7 --denominator 10 >/dev/null
tdo -f cf-xa1.db export --period 2026S2 -o cf.csv >/dev/null
expect_exit "a yearly value in conflict, from the report for 2026S2" 0 tdo -f cf-dept.db import cf.csv
expect_grep "the import counts it" "1 in conflict" "$T/out"
expect_exit "conflicts --period 2026S2" 0 tdo -f cf-dept.db conflicts --period 2026S2
expect_grep "lists it, with its own period" $'^1\topen\tXA1\tindicator\tI1\t2026\tcf.csv$' "$T/out"
expect_exit "conflicts --period 2026" 0 tdo -f cf-dept.db conflicts --period 2026
expect_grep "as the year's list does" $'^1\topen\tXA1\tindicator\tI1\t2026\tcf.csv$' "$T/out"
expect_exit "conflicts --period 2026S1" 0 tdo -f cf-dept.db conflicts --period 2026S1
expect_grep "another half-year's list does not" "^No open conflicts\.$" "$T/out"
# A value's note was run on after the value ("value - Ghi chú"), as if it
# were part of it, and an empty note left a trailing space: it has its own
# line, as an entry's texts do.
cp cf-xa1.db cfn-xa1.db
tdo -f cfn-xa1.db set-indicator I1 --period 2026 --numerator 7 --denominator 10 --note "Số liệu của xã" >/dev/null
tdo -f cfn-xa1.db export --period 2026S2 -o cfn.csv >/dev/null
tdo -f cf-dept.db set-indicator I1 --unit XA1 --period 2026 --numerator 9 --denominator 10 >/dev/null
tdo -f cf-dept.db import cfn.csv >/dev/null
expect_exit "conflicts with a note" 0 tdo -f cf-dept.db conflicts --period 2026
expect_grep "the stored side ends with its value" '^  stored: revision 3 by clerk at .*: 9/10, value -$' "$T/out"
expect_grep "the incoming side too" '^  incoming: revision 3 by clerk at .*: 7/10, value -$' "$T/out"
expect_grep "its note on a line of its own" '^    Note: Số liệu của xã$' "$T/out"
export TIENDO_NOW=2026-06-05T02:00:00Z
