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

# --- bug 2: a yearly indicator value travels in the reports of its year -----
tdo -f XA1.db set-indicator I1 --period 2026 --numerator 9 --denominator 10 >/dev/null
expect_exit "export of the second half" 0 env TIENDO_NOW=2026-12-05T02:00:00Z "$TIENDO" -f XA1.db export --period 2026S2 -o r2.csv
expect_grep "the export counts the yearly value" '1 indicator value\.' "$T/out"
expect_grep "the value row keeps its own period" '^value,XA1,I1,2026,1,9,10,' r2.csv
expect_exit "the department imports it" 0 tdo -f dept.db import r2.csv
expect_grep "one row new" '1 row: 1 new' "$T/out"
expect_exit "the department has the yearly value" 0 tdo -f dept.db show-indicator I1 --period 2026 --unit XA1
expect_grep "value 9/10 for 2026" $'^value\t9/10' "$T/out"
sed 's/^value,XA1,I1,2026,/value,XA1,I1,2027,/' r2.csv >r3.csv
expect_exit "a value row for a period outside the report's is refused" 1 tdo -f dept.db import r3.csv

# --- section 1: init of a new commune in one command; a refused init leaves no file
expect_exit "init with a unit the package does not list is refused" 1 tdo -f new.db init --plan pkg.csv --unit XA9
expect_grep "the refusal says how to add it" 'does not list unit XA9.*--name NAME --parent CODE' "$T/err"
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

# --- section 3: a wrong re-save names the likely cause ----------------------
printf '\320\317\021\340old workbook' >old.csv
expect_exit "an old .xls workbook renamed .csv is refused" 1 tdo -f dept.db import old.csv
expect_grep "the refusal names the old workbook and the fix" 'old Excel workbook \(.xls\).*CSV UTF-8' "$T/err"
printf '%%PDF-1.4 report' >rep.csv
expect_exit "a PDF is refused" 1 tdo -f dept.db import rep.csv
expect_grep "the refusal names the PDF" 'a PDF document' "$T/err"
