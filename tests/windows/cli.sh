#!/bin/bash
# SPDX-License-Identifier: MIT
# tiendo.exe under wine, as a clerk on a Windows PC uses it from the command
# line: Vietnamese texts in the arguments, files and folders named in
# Vietnamese, the default places (%APPDATA%, Documents), atomic replacement,
# a refused file leaving the database unchanged, legacy encodings without
# iconv. Run by tests/windows/run.sh (TIENDO is the .exe, WINEPREFIX set).
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
tdo() { wine "$TIENDO" "$@"; }
dump() { sqlite3 "$1" .dump; }
entry_col() { # DB UNIT TASK PERIOD COLUMN
	sqlite3 "$1" "SELECT $5 FROM progress p JOIN unit u ON u.id = p.unit_id JOIN task t ON t.id = p.task_id WHERE u.code = '$2' AND t.code = '$3' AND p.period = '$4'"
}
# The default database of the prefix's user, from an earlier run: start afresh.
find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/tiendo' -type d -exec rm -rf {} + 2>/dev/null
F="Báo cáo"
mkdir "$F"
cp "$PLAN" "kế hoạch.csv"

# --- init and set, Vietnamese in the arguments and in the names --------------
expect_exit "--version runs" 0 tdo --version
expect_grep "prints the version" "^tiendo [0-9]" "$T/out"
expect_exit "init a commune from a plan file named in Vietnamese" 0 \
	tdo -f "Dữ liệu xã/xa1.db" init --plan "kế hoạch.csv" --unit XA1
[ -f "Dữ liệu xã/xa1.db" ] && ok "the database folder named in Vietnamese was created" ||
	notok "the database folder named in Vietnamese was created" "$(ls)"
RESULT='Đã lập trang thông tin, đăng 12 tin bài'
expect_exit "set with Vietnamese texts in the arguments" 0 \
	tdo -f "Dữ liệu xã/xa1.db" set T1 --period 2026S1 --status done --count 12 --result "$RESULT"
expect_eq "the text arrives in the database as typed (UTF-8, NFC)" "$RESULT" \
	"$(entry_col "Dữ liệu xã/xa1.db" XA1 T1 2026S1 result)"
expect_exit "show" 0 tdo -f "Dữ liệu xã/xa1.db" show T1 --period 2026S1
expect_grep "show prints it back in UTF-8" "^result	$RESULT$" "$T/out"
expect_no_grep "no CR added to the output" $'\r' "$T/out"
expect_exit "TIENDO_DB naming a database in a folder named in Vietnamese" 0 \
	env TIENDO_DB="Dữ liệu xã/xa1.db" wine "$TIENDO" show T1 --period 2026S1
expect_grep "is read from the environment as UTF-8" "^result	$RESULT$" "$T/out"
expect_exit "tasks in Vietnamese" 0 env TIENDO_LANG=vi wine "$TIENDO" -f "Dữ liệu xã/xa1.db" tasks
expect_grep "Vietnamese messages and titles" "Nghị quyết" "$T/out"

# A file that is not a database, named in Vietnamese: refused by its content
# (the check read the file with the ANSI-code-page stat and skipped it).
printf 'ghi chú\n' >"$F/sổ ghi chú.db"
expect_exit "a text file named in Vietnamese is not opened as a database" 1 tdo -f "$F/sổ ghi chú.db" tasks
expect_grep "refused as not an SQLite file" "sổ ghi chú.db: not a tiendo database \\(not an SQLite file\\)" "$T/err"
: >"$F/trống.db"
expect_exit "an empty file named in Vietnamese is refused" 1 tdo -f "$F/trống.db" tasks
expect_grep "refused as empty" "trống.db: the file is empty" "$T/err"
mkdir "$F/thư mục.db"
expect_exit "a folder named in Vietnamese is refused" 1 tdo -f "$F\\thư mục.db" tasks
expect_grep "refused as not a regular file" "thư mục.db: not a regular file" "$T/err"
rm -rf "$F/sổ ghi chú.db" "$F/trống.db" "$F/thư mục.db"

# --- export: into a folder named in Vietnamese, over an existing file, to Documents
expect_exit "export into \"$F\"" 0 tdo -f "Dữ liệu xã/xa1.db" export --period 2026S1 -o "$F/báo cáo xã 1.csv"
expect_grep "the report file" "^report,XA1,TEST-EX," "$F/báo cáo xã 1.csv"
cp "$F/báo cáo xã 1.csv" first.csv
expect_exit "set again" 0 tdo -f "Dữ liệu xã/xa1.db" set T1 --period 2026S1 --evidence "Biên bản số 5"
expect_exit "export over the existing file (MoveFileExW)" 0 \
	tdo -f "Dữ liệu xã/xa1.db" export --period 2026S1 -o "$F/báo cáo xã 1.csv"
expect_grep "the file was replaced" "Biên bản số 5" "$F/báo cáo xã 1.csv"
left=$(find "$F" -name '.*' -type f | wc -l)
expect_eq "no temporary file left beside it" 0 "$left"
# A temporary file a killed run left (in a folder named in Vietnamese, the
# path written with backslashes) is swept up by the next export.
: >"$F/.báo cáo xã 1.csv.AbC123"
touch -d '2 hours ago' "$F/.báo cáo xã 1.csv.AbC123"
: >"$F/.báo cáo xã 1.csv.NeW999"
expect_exit "export again, path with backslashes" 0 \
	tdo -f "Dữ liệu xã\\xa1.db" export --period 2026S1 -o "$F\\báo cáo xã 1.csv"
if [ -e "$F/.báo cáo xã 1.csv.AbC123" ]; then notok "removes the stale temporary file"; else ok "removes the stale temporary file"; fi
if [ -e "$F/.báo cáo xã 1.csv.NeW999" ]; then ok "but not a recent one"; else notok "but not a recent one"; fi
rm -f "$F/.báo cáo xã 1.csv.NeW999"
expect_exit "export without -o" 0 tdo -f "Dữ liệu xã/xa1.db" export --period 2026S1
expect_grep "goes to the Documents folder" "Wrote .*Documents.baocao_XA1_2026S1_20260605.csv" "$T/out"
docs=$(find "$WINEPREFIX/drive_c/users" -path '*Documents/baocao_XA1_2026S1_20260605.csv' | head -n 1)
[ -n "$docs" ] && ok "the file is in the user's Documents" || notok "the file is in the user's Documents" "$(cat "$T/out")"
rm -f "$docs"
mkdir -p "Gửi đi"
expect_exit "TIENDO_EXPORT_DIR named in Vietnamese" 0 env TIENDO_EXPORT_DIR="Gửi đi" wine "$TIENDO" -f "Dữ liệu xã/xa1.db" export --period 2026S1
[ -f "Gửi đi/baocao_XA1_2026S1_20260605.csv" ] && ok "TIENDO_EXPORT_DIR is honoured" ||
	notok "TIENDO_EXPORT_DIR is honoured" "$(cat "$T/out")"

# --- the department imports a folder named in Vietnamese and consolidates -----
expect_exit "department database, default place under %APPDATA%" 0 tdo init --plan "kế hoạch.csv" --unit SKHCN
appdb=$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/tiendo/tiendo.db' | head -n 1)
[ -n "$appdb" ] && ok "the default database is %APPDATA%\\tiendo\\tiendo.db" ||
	notok "the default database is %APPDATA%\\tiendo\\tiendo.db" "$(find "$WINEPREFIX/drive_c/users" -name tiendo.db)"
expect_exit "import the folder \"$F\"" 0 tdo import "$F"
expect_grep "its file is found and imported" "báo cáo xã 1.csv: imported report of XA1 for 2026S1" "$T/out"
expect_eq "the text arrives intact" "$RESULT" "$(entry_col "$appdb" XA1 T1 2026S1 result)"
expect_exit "consolidate" 0 tdo consolidate --period 2026S1 -o "$F/tổng hợp.csv"
expect_grep "the consolidated table, texts as entered" "^entry,XA1,.*,\"$RESULT\"," "$F/tổng hợp.csv"

expect_exit "consolidate into a workbook named in Vietnamese (libxlsxwriter)" 0 \
	tdo consolidate --period 2026S1 --xlsx -o "$F/tổng hợp.xlsx"
if head -c 2 "$F/tổng hợp.xlsx" | grep -q PK; then ok "the workbook is a zip (xlsx)"; else
	notok "the workbook is a zip (xlsx)" "$(ls -la "$F")"; fi
expect_exit "draft-report into a .docx named in Vietnamese (libzip)" 0 \
	tdo draft-report --period 2026S1 -o "$F/báo cáo tổng hợp.docx"
if unzip -p "$F/báo cáo tổng hợp.docx" word/document.xml 2>/dev/null | grep -q "Xã Một"; then
	ok "the draft names the commune in Vietnamese"; else
	notok "the draft names the commune in Vietnamese" "$(ls -la "$F")"; fi

# --- a refused file leaves the database unchanged --------------------------------
before=$(dump "$appdb")
sed 's/Biên bản số 5/Biên bản số 6/' "$F/báo cáo xã 1.csv" >"$F/hỏng.csv"
expect_exit "an altered report is refused" 1 tdo import "$F/hỏng.csv"
expect_grep "the reason names the file and line" "hỏng.csv:[0-9]+: the content does not match the file's checksum" "$T/err"
expect_eq "the database is unchanged" "$before" "$(dump "$appdb")"

# --- legacy encodings without iconv (tables) -------------------------------------
for enc in CP1258:cp1258 TCVN5712-1:TCVN3; do
	name=${enc%%:*} label=${enc##*:}
	iconv -f UTF-8 -t "$name" first.csv >"enc-$label.csv"
	expect_exit "fresh db for $label" 0 tdo -f "enc-$label.db" init --plan "kế hoạch.csv" --unit SKHCN
	expect_exit "a $label re-save imports" 0 tdo -f "enc-$label.db" import "enc-$label.csv"
	expect_grep "$label: the encoding is named" "read as $label" "$T/out"
	expect_eq "$label: text intact" "$RESULT" "$(entry_col "enc-$label.db" XA1 T1 2026S1 result)"
done
