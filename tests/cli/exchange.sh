#!/bin/bash
# SPDX-License-Identifier: MIT
# Exchange by file, end to end: a department and communes exchange a plan
# package and reports; the department imports, checks completeness and
# consolidates. Revision rules, conflicts, duplicates, refusals (each leaving
# the database unchanged), Excel flavour, legacy encodings, LibreOffice.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk

# The whole database as SQL, to prove a refused import changed nothing.
dump() { sqlite3 "$1" .dump; }

# --- the plan package goes down -----------------------------------------
expect_exit "department database" 0 tdo -f dept.db init --plan "$PLAN"
expect_exit "a commune added by the department" 0 tdo -f dept.db add-unit XA3 --name "Xã Ba" --kind commune --parent TINH
expect_exit "export-plan" 0 tdo -f dept.db export-plan
expect_grep "export-plan counts by noun (no \"1 units\")" '^Wrote .*: plan TEST-EX version [0-9]+ \(units: [0-9]+, tasks: 3, indicators: 2\)\.$' "$T/out"
expect_grep "units changed: the version goes up" "this is version 2" "$T/out"
expect_file_exists() { if [ -f "$2" ]; then ok "$1"; else notok "$1" "no file $2: $(ls)"; fi; }
expect_file_exists "plan package named by plan and version" kehoach_TEST-EX_v2.csv
expect_exit "export-plan again: no change, same version" 0 tdo -f dept.db export-plan -o again.csv
expect_grep "still version 2" "^plan,TEST-EX,2," again.csv
expect_exit "the department's own package is not newer" 0 tdo -f dept.db import kehoach_TEST-EX_v2.csv
expect_grep "says nothing to do" "not newer.*nothing to do" "$T/out"
for u in XA1 XA2 XA3; do
	expect_exit "commune $u loads the package" 0 tdo -f "$u.db" init --plan kehoach_TEST-EX_v2.csv --unit "$u"
done
expect_exit "the added commune travelled" 0 tdo -f XA1.db units
expect_grep "XA3 is known to XA1" "^XA3" "$T/out"

# --- reports go up ---------------------------------------------------------
RESULT='- Đã mở chuyên mục, đăng 12 tin bài
=SUM(A1) "trích dẫn", dấu phẩy'
expect_exit "XA1 enters progress" 0 tdo -f XA1.db set T1 --period 2026S1 --status done --count 12 --result "$RESULT"
expect_exit "XA1 enters an indicator value" 0 tdo -f XA1.db set-indicator I1 --period 2026S1 --numerator 45 --denominator 50
expect_exit "XA2 enters progress" 0 tdo -f XA2.db set T1 --period 2026S1 --status in-progress --percent 40 --difficulties "+ thiếu kinh phí"
expect_exit "XA2 enters an indicator value" 0 tdo -f XA2.db set-indicator I1 --period 2026S1 --numerator 30 --denominator 50
expect_exit "XA1 exports its report" 0 tdo -f XA1.db export --period 2026S1
expect_grep "tells the file's place" "^Wrote $T/baocao_XA1_2026S1_20260605.csv" "$T/out"
expect_grep "tells where to send it" "Send it to .*SKHCN" "$T/out"
A1=baocao_XA1_2026S1_20260605.csv
expect_grep "report row" "^report,XA1,TEST-EX,2,2026S1,2026-06-05T02:00:00Z$" "$A1"
expect_grep "end row with count and checksum" "^end,2,[0-9a-f]{16}$" "$A1"
expect_exit "XA2 exports for Excel" 0 tdo -f XA2.db export --period 2026S1 --excel
B1=baocao_XA2_2026S1_20260605_excel.csv
# a folder that does not exist: refused with the path (the sanitizer build
# found the failed open leaking its copy of the path)
expect_exit "export into a missing folder is refused" 1 tdo -f XA1.db export --period 2026S1 -o "$T/nowhere/r.csv"
expect_grep "naming the path" "cannot write $T/nowhere/r.csv" "$T/err"
if head -c 3 "$B1" | od -An -tx1 | grep -q 'ef bb bf'; then ok "excel flavour starts with a BOM"; else notok "excel flavour starts with a BOM"; fi
if grep -q $'\r$' "$B1"; then ok "excel flavour has CRLF line ends"; else notok "excel flavour has CRLF line ends"; fi
expect_grep "formula-like cell neutralised" "\"'\\+ thiếu kinh phí\"" "$B1"

before=$(dump dept.db)
expect_exit "dry run" 0 tdo -f dept.db import --dry-run "$A1"
expect_grep "dry run says what it would do" "would import report of XA1 for 2026S1.*2 rows: 2 new.*dry run" "$T/out"
expect_eq "dry run writes nothing" "$before" "$(dump dept.db)"
expect_exit "department imports both reports" 0 tdo -f dept.db import "$A1" "$B1"
expect_grep "summary line per file" "$A1: imported report of XA1 for 2026S1 .*2 rows: 2 new, 0 replaced, 0 unchanged, 0 older, 0 in conflict" "$T/out"
expect_grep "summary of all files" "^2 files: 2 imported, 0 with nothing new, 0 refused" "$T/out"
expect_eq "text arrives exactly as entered" "$RESULT" "$(entry_col dept.db XA1 T1 2026S1 result)"
expect_eq "excel flavour text arrives exactly" "+ thiếu kinh phí" "$(entry_col dept.db XA2 T1 2026S1 difficulties)"
expect_eq "revision kept" "1" "$(entry_col dept.db XA1 T1 2026S1 revision)"
expect_eq "entered by kept" "clerk" "$(entry_col dept.db XA1 T1 2026S1 entered_by)"
before=$(dump dept.db)
expect_exit "the same file again" 0 tdo -f dept.db import "$A1"
expect_grep "is a no-op that says so" "already imported on 05/06/2026: nothing to do" "$T/out"
expect_eq "and changes nothing" "$before" "$(dump dept.db)"
expect_exit "an old export is harmless" 0 tdo -f dept.db show T1 --period 2026S1 --unit XA1

# --- revisions: newer replaces, older is ignored, shuffled order ends the same --
export TIENDO_NOW=2026-06-06T02:00:00Z
expect_exit "XA1 changes its entry" 0 tdo -f XA1.db set T1 --period 2026S1 --percent 100 --evidence "Biên bản số 5"
expect_exit "XA1 exports again" 0 tdo -f XA1.db export --period 2026S1 -o a2.csv
expect_exit "fresh department db" 0 tdo -f shuffled.db init --plan kehoach_TEST-EX_v2.csv --unit SKHCN
expect_exit "newer file first" 0 tdo -f shuffled.db import a2.csv
expect_exit "older file second" 0 tdo -f shuffled.db import "$A1"
expect_grep "older rows are counted and ignored" "1 older" "$T/out"
expect_exit "in order" 0 tdo -f dept.db import a2.csv
expect_grep "newer revision replaces" "1 replaced, 1 unchanged" "$T/out"
q="SELECT u.code, t.code, p.revision, p.result, p.evidence FROM progress p JOIN unit u ON u.id = p.unit_id JOIN task t ON t.id = p.task_id WHERE u.code = 'XA1' ORDER BY 1, 2"
expect_eq "shuffled order gives the same rows" "$(sqlite3 dept.db "$q")" "$(sqlite3 shuffled.db "$q")"

# --- conflicts: same revision, other content -----------------------------------
expect_exit "the department corrects XA1's entry itself" 0 tdo -f dept.db set T1 --period 2026S1 --unit XA1 --result "Sửa tại Sở"
expect_exit "while XA1 also changes it" 0 tdo -f XA1.db set T1 --period 2026S1 --result "Sửa tại xã"
expect_exit "XA1 exports" 0 tdo -f XA1.db export --period 2026S1 -o a3.csv
expect_exit "a conflict is not a refusal" 0 tdo -f dept.db import a3.csv
expect_grep "conflict counted" "1 in conflict" "$T/out"
expect_eq "neither side silently wins" "Sửa tại Sở" "$(entry_col dept.db XA1 T1 2026S1 result)"
expect_exit "conflicts lists it" 0 tdo -f dept.db conflicts --period 2026S1
expect_grep "conflict line" "^1	open	XA1	task	T1	2026S1	a3.csv$" "$T/out"
expect_grep "stored side shown" "Result: Sửa tại Sở" "$T/out"
expect_grep "incoming side shown" "Result: Sửa tại xã" "$T/out"
expect_exit "the same conflict again is not doubled" 0 tdo -f dept.db import --dry-run a3.csv
expect_exit "resolve needs --take or --keep" 2 tdo -f dept.db resolve 1
expect_exit "take the incoming row" 0 tdo -f dept.db resolve 1 --take
expect_eq "incoming row in place" "Sửa tại xã" "$(entry_col dept.db XA1 T1 2026S1 result)"
expect_exit "resolved twice" 1 tdo -f dept.db resolve 1 --keep
expect_grep "says already resolved" "already resolved" "$T/err"
expect_exit "no open conflicts" 0 tdo -f dept.db conflicts
expect_grep "none left" "No open conflicts" "$T/out"
expect_exit "all conflicts" 0 tdo -f dept.db conflicts --all
expect_grep "the replaced content is kept" "Result: Sửa tại Sở" "$T/out"
expect_exit "XA1's next revision applies cleanly" 0 tdo -f XA1.db set T1 --period 2026S1 --count 15
expect_exit "export" 0 tdo -f XA1.db export --period 2026S1 -o a4.csv
expect_exit "import" 0 tdo -f dept.db import a4.csv
expect_grep "replaced, no conflict" "1 replaced, 1 unchanged, 0 older, 0 in conflict" "$T/out"

# --- refusals leave the database unchanged -------------------------------------
before=$(dump dept.db)
refused() { # NAME FILE PATTERN
	expect_exit "$1: refused" 1 tdo -f dept.db import "$2"
	expect_grep "$1: reason" "$3" "$T/err"
	expect_grep "$1: summary line" "refused; nothing was imported" "$T/out"
	expect_eq "$1: database unchanged" "$before" "$(dump dept.db)"
}
grep -v '^end,' a4.csv >cut.csv
refused "truncated file" cut.csv "cut.csv:[0-9]+: the file ends before its end row"
head -c 300 a4.csv >cut2.csv
refused "file cut mid-row" cut2.csv "cut2.csv:[0-9]+: (the file ends before its end row|unclosed quote|the file ends in the middle of a character)"
sed 's/Sửa tại xã/Sửa tại xá/' a4.csv >altered.csv
refused "altered cell" altered.csv "altered.csv:[0-9]+: the content does not match the file's checksum"
grep -v '^value,' a4.csv >lost.csv
refused "lost row" lost.csv "lost.csv:[0-9]+: the file holds 1 row but its end row says 2"
head -c 2000 /dev/urandom >junk.csv
refused "binary junk" junk.csv "junk.csv:[0-9]+: (binary data|not UTF-8)"
printf 'format,tiendo-report,1\n\0\0\0' >nul.csv
refused "NUL bytes" nul.csv "nul.csv:2: binary data"
printf 'name,age\nAn,3\n' >other.csv
refused "some other CSV" other.csv "other.csv:1: not a tiendo plan package or report"
# The hints name the format tiendo writes (2), and that 1 is still read:
# they asked for format,tiendo-report,1, a format tiendo no longer writes.
expect_grep "the hint names format 2" "other.csv:1: not a tiendo plan package or report \(the first row must be format,tiendo-plan,2 or format,tiendo-report,2; format 1 is read too\)" "$T/err"
printf 'format,tiendo-report\nreport,XA1\n' >nover.csv
refused "a format row without its version" nover.csv "nover.csv:1: not a tiendo report \(the first row must be format,tiendo-report,2; format 1 is read too\)"
: >empty.csv
refused "empty file" empty.csv "empty.csv: the file is empty"
expect_exit "missing file" 1 tdo -f dept.db import nowhere.csv
expect_grep "missing file: reason" "nowhere.csv: cannot read" "$T/err"
expect_exit "good and bad files together" 1 tdo -f dept.db import cut.csv a4.csv
expect_grep "the good one still says what it did" "a4.csv: the same report" "$T/out"
expect_exit "import without files" 2 tdo -f dept.db import
expect_exit "export with a bad period" 1 tdo -f XA1.db export --period 2026X1
expect_grep "names the bad period" "2026X1" "$T/err"
expect_exit "export without a period" 2 tdo -f XA1.db export

# A report made with a plan version the department does not have yet.
cp dept.db dept-old.db
expect_exit "department renames a unit" 0 tdo -f dept.db rename-unit XA2 --name "Phường Hai Mới"
expect_exit "and sends version 3" 0 tdo -f dept.db export-plan -o plan3.csv
expect_grep "version 3" "^plan,TEST-EX,3," plan3.csv
expect_exit "XA3 loads version 3" 0 tdo -f XA3.db import plan3.csv
expect_grep "plan updated message" "plan TEST-EX updated from version 2 to 3" "$T/out"
expect_exit "the rename travelled" 0 tdo -f XA3.db units
expect_grep "new name at XA3" "Phường Hai Mới" "$T/out"
expect_exit "XA3 reports" 0 tdo -f XA3.db set T2 --period 2026S1 --status not-started
expect_exit "XA3 exports" 0 tdo -f XA3.db export --period 2026S1 -o c3.csv
before=$(dump dept-old.db)
expect_exit "unknown plan version: refused" 1 tdo -f dept-old.db import c3.csv
expect_grep "asks for the newer plan first" "version 3 of plan TEST-EX.*version 2; import the newer plan package first" "$T/err"
expect_eq "unknown plan version: unchanged" "$before" "$(dump dept-old.db)"
expect_exit "in any order: plan package then the report" 0 tdo -f dept-old.db import plan3.csv c3.csv

# --- legacy encodings, separators, spreadsheets --------------------------------
for enc in CP1258:cp1258 TCVN5712-1:TCVN3; do
	name=${enc%%:*} label=${enc##*:}
	iconv -f UTF-8 -t "$name" "$A1" >"enc-$label.csv"
	expect_exit "fresh db for $label" 0 tdo -f "enc-$label.db" init --plan kehoach_TEST-EX_v2.csv --unit SKHCN
	expect_exit "$label re-save imports" 0 tdo -f "enc-$label.db" import "enc-$label.csv"
	expect_grep "$label: the encoding is named" "read as $label" "$T/out"
	expect_eq "$label: text intact" "$RESULT" "$(entry_col "enc-$label.db" XA1 T1 2026S1 result)"
done

if command -v soffice >/dev/null 2>&1; then
	# LibreOffice Calc opens the Excel-flavour file and saves it again as CSV,
	# with ';' and with tabs: the report imports back intact.
	for sep in 44:comma 59:semicolon 9:tab; do
		code=${sep%%:*} label=${sep##*:}
		rm -rf "lo-$label" && mkdir "lo-$label"
		HOME="$T/lohome" timeout 180 soffice --headless --infilter="CSV:44,34,76,1" \
			--convert-to "csv:Text - txt - csv (StarCalc):$code,34,76,1" --outdir "lo-$label" "$B1" \
			>/dev/null 2>&1
		f="lo-$label/$B1"
		expect_exit "LibreOffice $label re-save: fresh db" 0 tdo -f "lo-$label.db" init --plan kehoach_TEST-EX_v2.csv --unit SKHCN
		expect_exit "LibreOffice $label re-save imports" 0 tdo -f "lo-$label.db" import "$f"
		expect_grep "LibreOffice $label: all rows" "2 rows: 2 new" "$T/out"
		expect_eq "LibreOffice $label: text intact" "+ thiếu kinh phí" "$(entry_col "lo-$label.db" XA2 T1 2026S1 difficulties)"
	done
else
	notok "LibreOffice is installed (make check-deps installs libreoffice-calc-nogui)"
fi

# --- completeness and timeliness -----------------------------------------------
export TIENDO_NOW=2026-06-15T02:00:00Z
expect_exit "status before the due date" 0 tdo -f dept.db status --period 2026S1
expect_grep "XA1 on time" "^XA1	commune	on time	05/06/2026 09:00	05/06/2026" "$T/out"
expect_grep "XA3 not yet due" "^XA3	commune	not yet due" "$T/out"
expect_grep "divisions missing after their due date" "^P1	division	missing" "$T/out"
expect_exit "XA3 reports late" 0 env TIENDO_NOW=2026-06-21T03:00:00Z "$TIENDO" -f XA3.db export --period 2026S1 -o c-late.csv
export TIENDO_NOW=2026-06-22T02:00:00Z
expect_exit "import the late one" 0 tdo -f dept.db import c-late.csv
expect_exit "status after the due date" 0 tdo -f dept.db status --period 2026S1
expect_grep "XA3 late" "^XA3	commune	late	21/06/2026 10:00" "$T/out"
expect_grep "rates per recipient" "^Total: expected 5, received 3 \(60.0%\), on time 2 \(40.0%\), late 1, missing 2, not yet due 0" "$T/out"
expect_grep "rates per kind" "^commune: expected 2, received 2 \(100.0%\), on time 1 \(50.0%\)" "$T/out"
expect_exit "status --csv" 0 tdo -f dept.db status --period 2026S1 --csv
expect_grep "csv header" "^to,rule,unit,kind,due,state,exported_at,imported_at,name$" "$T/out"
expect_grep "csv row" "^SKHCN,R-XA,XA3,commune,2026-06-20,late,2026-06-21T03:00:00Z," "$T/out"
expect_exit "a retired commune is no longer expected" 0 tdo -f dept.db retire-unit XA3
expect_exit "status" 0 tdo -f dept.db status --period 2026S1
expect_no_grep "XA3 gone" "^XA3	" "$T/out"
expect_exit "the retirement travels" 0 tdo -f dept.db export-plan -o plan4.csv
expect_grep "retired unit row" "^unit,XA3,commune,TINH,,Xã Ba,retired$" plan4.csv

# --- the consolidated table -------------------------------------------------------
expect_exit "consolidate" 0 tdo -f dept.db consolidate --period 2026S1
expect_grep "names the file" "^Wrote tonghop_TEST-EX_2026S1_20260622.csv" "$T/out"
C=tonghop_TEST-EX_2026S1_20260622.csv
expect_grep "plan part" "^plan,TEST-EX,4,2026S1,SKHCN," "$C"
expect_grep "unit part" "^unit,XA1,Xã Một,commune,SKHCN,2026-06-20,on time," "$C"
expect_grep "indicator ratio: (45+30)/(50+50) = 75%, not met" "^indicator,I1,Cán bộ được tập huấn,>=80%,2026,ratio,75,no,2,2,1$" "$C"
expect_grep "task counts: XA1 done, XA2 in progress" "^task,T1,Chuyên mục về Nghị quyết 57,2,1,1,0,0,0$" "$C"
expect_grep "entry part, texts as entered, formula-safe (a person opens it)" "^entry,XA2,Phường Hai Mới,T1,Chuyên mục về Nghị quyết 57,in progress,40,,,\"'\\+ thiếu kinh phí\",,,1,clerk," "$C"
expect_exit "consolidate for Excel to stdout" 0 tdo -f dept.db consolidate --period 2026S1 --excel -o -
expect_grep "neutralised in the excel table" "\"'\\+ thiếu kinh phí\"" "$T/out"

# --- a list of units from a file -------------------------------------------------
printf 'code,kind,parent,name\nXA4,commune,TINH,Xã Bốn\nXA5,ward,NOWHERE,Phường Năm\n' >units-bad.csv
before=$(dump dept.db)
expect_exit "units file with a bad parent" 1 tdo -f dept.db add-units units-bad.csv
expect_grep "names file and line" "units-bad.csv:3: .*NOWHERE" "$T/err"
expect_eq "units file refused whole" "$before" "$(dump dept.db)"
printf 'code,kind,parent,name\nXA4,commune,TINH,Xã Bốn\nXA5,ward,TINH,Phường Năm\nXA1,commune,TINH,Xã Một Mới\n' >units.csv
expect_exit "units file" 0 tdo -f dept.db add-units units.csv
expect_grep "added and renamed" "2 units added, 1 renamed" "$T/out"
expect_exit "units file again" 0 tdo -f dept.db add-units units.csv
expect_grep "idempotent" "0 units added, 0 renamed" "$T/out"
printf 'XA4B,commune,TINH,Xã Bốn B\n' >unit-one.csv
cp dept.db one.db
expect_exit "a units file of one unit" 0 tdo -f one.db add-units unit-one.csv
expect_grep "says 1 unit" "^unit-one.csv: 1 unit added, 0 renamed\.$" "$T/out"
# A group's members must be unit kinds or known units, as the plan package's
# reader requires: add-units and add-unit took "XA7", and every unit's tiendo
# then refused the next package ("member 'XA7' is neither a unit kind nor a
# declared unit"). On a copy, so that what follows is unchanged.
cp dept.db grp.db
printf 'code,kind,parent,name,members\nXA6,commune,TINH,Xã Sáu\nNHOM,group,TINH,Nhóm,XA6 commune XA7\n' >units-group.csv
before=$(dump grp.db)
expect_exit "a group with an unknown member is refused" 1 tdo -f grp.db add-units units-group.csv
expect_grep "naming file, line and member" "units-group.csv:3: member 'XA7' is neither a unit kind nor a declared unit" "$T/err"
expect_eq "the file refused whole" "$before" "$(dump grp.db)"
expect_exit "add-unit refuses it too" 1 tdo -f grp.db add-unit NHOM --kind group --parent TINH --name Nhóm --members XA7
printf 'code,kind,parent,name,members\nXA6,commune,TINH,Xã Sáu\nNHOM,group,TINH,Nhóm,XA6 commune\n' >units-group.csv
expect_exit "a group of a kind and a unit added just before" 0 tdo -f grp.db add-units units-group.csv
# A group is no unit's parent (init --parent and the first-run screen
# refuse one): add-unit and add-units took --parent XA, a unit under "the
# communes and wards".
before=$(dump grp.db)
expect_exit "add-unit refuses a group as the parent" 1 tdo -f grp.db add-unit XA9 --name "Xã Chín" --kind commune --parent XA
expect_grep "saying the parent is a group" "parent unit 'XA' is a group of units: a unit's parent is one unit" "$T/err"
printf 'code,kind,parent,name\nXA9,commune,XA,Xã Chín\n' >units-gparent.csv
expect_exit "add-units refuses it too" 1 tdo -f grp.db add-units units-gparent.csv
expect_grep "naming file and line" "units-gparent.csv:2: parent unit 'XA' is a group of units" "$T/err"
expect_eq "nothing was added" "$before" "$(dump grp.db)"
before=$(dump grp.db)
# Nor is a retired unit (XA3, retired above): add-unit put a unit under it,
# reporting up a line nobody follows.
expect_exit "add-unit refuses a retired parent" 1 tdo -f grp.db add-unit XA3-T --name "Tổ Một" --kind division --parent XA3
expect_grep "naming the parent and that it is retired" "parent unit 'XA3' is retired: choose a unit still followed as the parent" "$T/err"
printf 'code,kind,parent,name\nXA3-T,division,XA3,Tổ Một\n' >units-rparent.csv
expect_exit "add-units refuses it too" 1 tdo -f grp.db add-units units-rparent.csv
expect_grep "naming file and line" "units-rparent.csv:2: parent unit 'XA3' is retired" "$T/err"
expect_eq "nothing was added under it" "$before" "$(dump grp.db)"
# A package that cannot be written leaves the version as it was: it went
# up, "nothing was written" was said, and the next package did not say that
# units had changed.
v=$(tdo -f grp.db plans | cut -f2)
expect_exit "a package into a missing folder is refused" 1 tdo -f grp.db export-plan -o nowhere/p.csv
expect_eq "the plan's version is unchanged" "$v" "$(tdo -f grp.db plans | cut -f2)"
expect_exit "its package" 0 tdo -f grp.db export-plan -o grp-pkg.csv
expect_grep "says the units changed: a new version" "^Units changed since version $v was sent: this is version $((v + 1))\\.$" "$T/out"
expect_exit "loads in a unit's database" 0 tdo -f grp-xa6.db init --plan grp-pkg.csv --unit XA6
# A unit's name within the limit of every text (32 KiB): rename-unit took
# 70,000 bytes, and no unit could load the next package ("field too long").
long=$(head -c 70000 /dev/zero | tr '\0' a)
expect_exit "rename-unit refuses a name over 32 KiB" 1 tdo -f grp.db rename-unit XA6 --name "$long"
expect_grep "saying so" "the unit's name is too long: 70000 bytes, at most 32768" "$T/err"
expect_exit "add-unit too" 1 tdo -f grp.db add-unit XA8 --kind commune --parent TINH --name "$long"
printf 'XA6,commune,TINH,%s\n' "${long:0:40000}" >units-long.csv
expect_exit "add-units too" 1 tdo -f grp.db add-units units-long.csv
expect_grep "naming file and line" "units-long.csv:1: the unit's name is too long" "$T/err"
expect_exit "the package still loads" 0 tdo -f grp.db export-plan -o grp-pkg2.csv
expect_exit "in a unit's database" 0 tdo -f grp-xa6b.db init --plan grp-pkg2.csv --unit XA6

# --- two levels: divisions -> department -> province -----------------------------
export TIENDO_NOW=2026-06-08T02:00:00Z
for u in P1 P2; do
	expect_exit "division $u loads the plan" 0 tdo -f "$u.db" init --plan plan4.csv --unit "$u"
done
expect_exit "P1 reports" 0 tdo -f P1.db set-indicator I2 --period 2026S1 --value 4
expect_exit "P1 task" 0 tdo -f P1.db set T3 --period 2026S1 --status done
expect_exit "P2 reports" 0 tdo -f P2.db set-indicator I2 --period 2026S1 --value 3
expect_exit "P1 exports" 0 tdo -f P1.db export --period 2026S1 -o p1.csv
expect_exit "P2 exports" 0 tdo -f P2.db export --period 2026S1 -o p2.csv
expect_exit "the department imports its divisions" 0 tdo -f dept.db import p1.csv p2.csv
expect_exit "XA1 sends an indicator count too" 0 tdo -f XA1.db set-indicator I2 --period 2026S1 --value 5
expect_exit "XA1 exports" 0 tdo -f XA1.db export --period 2026S1 -o a5.csv
expect_exit "the department imports it" 0 tdo -f dept.db import a5.csv
export TIENDO_NOW=2026-06-24T02:00:00Z
expect_exit "the department's own report, one level up" 0 tdo -f dept.db export --period 2026S1 -o skhcn.csv
expect_grep "carries the divisions' rows" "^value,P1,I2,2026S1,1,,,4," skhcn.csv
expect_grep "and its communes' (they report to it)" "^value,XA1,I2,2026S1,1,,,5," skhcn.csv
expect_grep "and what it received from them" "^receipt,P1,2026-06-08T02:00:00Z," skhcn.csv
expect_grep "from the communes too" "^receipt,XA1,2026-06-05T02:00:00Z," skhcn.csv
expect_exit "province database" 0 tdo -f tinh.db init --plan plan4.csv --unit TINH
expect_exit "province imports the department's report" 0 tdo -f tinh.db import skhcn.csv
expect_grep "rows and receipts" "report of SKHCN for 2026S1" "$T/out"
expect_exit "province status" 0 tdo -f tinh.db status --period 2026S1
expect_grep "the department on time" "^SKHCN	department	on time	24/06/2026 09:00" "$T/out"
expect_grep "one level down, from its receipts" "^Reports to SKHCN for 2026S1 \(rule R-PHONG, due 10/06/2026\), as its consolidated report tells:" "$T/out"
expect_grep "P1 on time one level down" "^P1	division	on time	08/06/2026 09:00" "$T/out"
expect_grep "a commune one level down" "^XA1	commune	on time	05/06/2026 09:00" "$T/out"
expect_exit "province consolidates" 0 tdo -f tinh.db consolidate --period 2026S1 -o tinh.csv
expect_grep "division and commune values add up at the province" "^indicator,I2,Tin bài đăng tải,>=10,2026,sum,12,yes,4,3,0$" tinh.csv
expect_exit "the department consolidates everything it received" 0 tdo -f dept.db consolidate --period 2026S1 -o dept.csv
expect_grep "4 + 3 + 5 = 12 at the department" "^indicator,I2,Tin bài đăng tải,>=10,2026,sum,12,yes,6,3,0$" dept.csv

# --- sizes: a text too long to travel is refused when entered, not when sent ----
big=$(head -c 40000 /dev/zero | tr '\0' 'a')
expect_exit "a 40,000-byte result is refused at entry" 1 tdo -f XA1.db set T1 --period 2026S2 --result "$big"
expect_grep "with the limit" "too long: 40000 bytes, at most 32768" "$T/err"
big=$(head -c 32768 /dev/zero | tr '\0' 'b')
expect_exit "32,768 bytes in each of the four texts is accepted" 0 tdo -f XA1.db set T1 --period 2026S2 --result "$big" --difficulties "$big" --proposals "$big" --evidence "$big"
expect_exit "and exported" 0 tdo -f XA1.db export --period 2026S2 -o big.csv
expect_exit "and imported" 0 tdo -f dept.db import big.csv
expect_eq "intact" "32768" "$(sqlite3 dept.db "SELECT length(evidence) FROM progress p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'XA1' AND p.period = '2026S2'")"

# --- a signal during an import: the file being read is whole or absent, the rest waits --
expect_exit "fresh db for the signal test" 0 tdo -f sig.db init --plan kehoach_TEST-EX_v2.csv --unit SKHCN
mkfifo pipe.csv
"$TIENDO" -f sig.db import "$A1" pipe.csv "$B1" >sig.out 2>sig.err &
pid=$!
# The first file is saved (its line is printed) and the import waits on
# the pipe: waited for, not slept on, so that a slow start (valgrind, a
# busy machine) does not get the signal before the import runs.
for _ in $(seq 600); do grep -q "^$A1: " sig.out 2>/dev/null && break; sleep 0.1; done
kill -TERM $pid
wait $pid
expect_eq "SIGTERM: import stops with status 1" 1 $?
expect_grep "and says how far it got" "interrupted by a signal after file 2 of 3;" sig.err
expect_eq "the first file is whole" "1" "$(sqlite3 sig.db 'SELECT count(*) FROM received')"
expect_eq "the last was not started" "0" "$(sqlite3 sig.db "SELECT count(*) FROM progress p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'XA2'")"
expect_eq "database intact" "ok" "$(sqlite3 sig.db 'PRAGMA integrity_check')"
expect_exit "running it again finishes the job" 0 tdo -f sig.db import "$A1" "$B1"
expect_grep "recognising what was imported" "already imported" "$T/out"

# --- plan files saved by a spreadsheet in a legacy encoding -----------------------
for enc in CP1258:cp1258 TCVN5712-1:TCVN3; do
	name=${enc%%:*} label=${enc##*:}
	iconv -f UTF-8 -t "$name" "$PLAN" >"plan-$label.csv"
	expect_exit "init from a $label plan file" 0 tdo -f "plan-$label.db" init --plan "plan-$label.csv"
	expect_grep "$label: the encoding is named" "read as $label" "$T/err"
	expect_exit "$label: tasks" 0 tdo -f "plan-$label.db" tasks --search "hoi nghi"
	expect_grep "$label: titles intact" "Hội nghị phổ biến Nghị quyết" "$T/out"
done
printf 'format,tiendo-plan,1\nplan,\xff\xfe\xfd,1\n' >plan-bad.csv
expect_exit "a plan file in no known encoding" 1 tdo -f plan-bad.db init --plan plan-bad.csv
expect_grep "is refused with its line" "plan-bad.csv:2: not valid UTF-8" "$T/err"

# --- the register of received files -------------------------------------------------
expect_exit "received" 0 tdo -f dept.db received --period 2026S1
expect_grep "one line per imported report" "^05/06/2026 09:00	report	XA1	TEST-EX v2 2026S1	05/06/2026 09:00	UTF-8	2/0/0/0/0	[0-9a-f]{16}	$A1$" "$T/out"
expect_grep "a late one too" "	report	XA3	TEST-EX v3 2026S1	21/06/2026 10:00	UTF-8	" "$T/out"
expect_exit "received, all periods" 0 tdo -f XA3.db received
expect_grep "plan packages are registered" "	plan	SKHCN	TEST-EX v3	-	UTF-8	-	[0-9a-f]{16}	plan3.csv$" "$T/out"

# --- every shipped plan survives export-plan and init, in both flavours ---------------
plan_rows() { # DB: the plan's content, table by table, in a stable order
	sqlite3 "$1" "SELECT code, kind, name, members, retired FROM unit ORDER BY code;
		SELECT code, title FROM section ORDER BY code;
		SELECT code, month, day, name FROM event ORDER BY code;
		SELECT code, item, title, text, timeframe, timeframe_text, measure, retired FROM task ORDER BY code;
		SELECT code, kind, comparator, target, year, consolidation, title, text FROM indicator ORDER BY code;
		SELECT code, period_type, due, adhoc, text FROM report_rule ORDER BY code;
		SELECT t.code, tu.role, u.code FROM task_unit tu JOIN task t ON t.id = tu.task_id JOIN unit u ON u.id = tu.unit_id ORDER BY 1, 2, 3;
		SELECT code, version, number, place, date, parent_code, parent_ref, title FROM plan"
}
for f in "$SRCDIR"/data/plans/*.csv; do
	b=$(basename "$f" .csv)
	"$TIENDO" -f "rt-$b.db" init --plan "$f" >/dev/null
	for fl in machine excel; do
		opt=; [ $fl = excel ] && opt=--excel
		"$TIENDO" -f "rt-$b.db" export-plan $opt -o "rt-$b-$fl.csv" >/dev/null
		"$TIENDO" -f "rt-$b-$fl.db" init --plan "rt-$b-$fl.csv" >/dev/null
		expect_eq "$b: export-plan ($fl) and init give the same plan" "$(plan_rows "rt-$b.db")" "$(plan_rows "rt-$b-$fl.db")"
	done
done
expect_exit "an external body added without a parent" 0 tdo -f dept.db add-unit BO-KHCN --name "Bộ Khoa học và Công nghệ" --kind external
expect_exit "travels with the package" 0 tdo -f dept.db export-plan -o plan5.csv
expect_grep "in the package" "^unit,BO-KHCN,external,,,Bộ Khoa học và Công nghệ$" plan5.csv
mkdir -p outbox
expect_exit "export honours TIENDO_EXPORT_DIR" 0 env TIENDO_EXPORT_DIR=outbox "$TIENDO" -f XA1.db export --period 2026S1
expect_grep "and says where" "^Wrote $T/outbox/baocao_XA1_2026S1_[0-9]{8}.csv" "$T/out"
