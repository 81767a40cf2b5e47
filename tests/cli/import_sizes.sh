#!/bin/bash
# SPDX-License-Identifier: MIT
# Memory and sizes on import (issue 13 §4): whatever the input, import stays
# under 3x the file's size + 32 MiB of address space (ulimit -v), reads no
# more than the 64 MiB limit + 1 byte from a pipe or a device, refuses a
# huge file without reading it, and skips (and names) what is not a regular
# file in a folder instead of hanging on it.
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
PLAN="$SRCDIR/tests/data/exchange/plan.csv"
"$TIENDO" -f dept.db init --plan "$PLAN" >/dev/null 2>err || { notok "database" "$(cat err)"; exit 1; }
"$TIENDO" -f dept.db export-plan -o pkg.csv >/dev/null 2>err || { notok "plan package" "$(cat err)"; exit 1; }
"$TIENDO" -f xa1.db init --plan pkg.csv --unit XA1 >/dev/null 2>err &&
	"$TIENDO" -f xa1.db set T1 --period 2026S1 --status done --result "Xong" >/dev/null 2>err &&
	"$TIENDO" -f xa1.db export --period 2026S1 -o good.csv >/dev/null 2>err ||
	{ notok "a good report" "$(cat err)"; exit 1; }
cp dept.db base.db

# limited KIB NAME CMD...: run CMD with at most KIB KiB of address space;
# it must end on its own (no abort, no signal) with status 1 or 0. Under
# AddressSanitizer (which reserves terabytes of address space) the limit is
# not set: the rest is still checked. Nor under valgrind (make memcheck),
# whose own tables take more than the limits leave.
asan=no
grep -q __asan_init "$TIENDO" 2>/dev/null && asan=yes
LC_ALL=C grep -aq valgrind "$TIENDO" 2>/dev/null && asan=yes
[ "$asan" = yes ] && echo "# import sizes: AddressSanitizer build or valgrind, no ulimit -v"
limited() {
	local kib=$1 name=$2 rc
	shift 2
	if [ "$asan" = yes ]; then kib=unlimited; fi
	( ulimit -v "$kib"; exec timeout 120 "$@" ) >out 2>err
	rc=$?
	local under="under $((${kib/unlimited/0} / 1024)) MiB"
	[ "$asan" = yes ] && under="no limit: sanitizer build or valgrind"
	if [ "$rc" -le 1 ]; then ok "$name ($under)"; else
		notok "$name ($under)" "exit $rc: $(head -c 400 err)"; fi
}
mib() { echo $(( ($1 * 3 + 32) * 1024 )); }

# 62 MB of comment rows inside a report frame.
{ head -n 2 good.csv; yes '# ghi chú' | head -c 62000000; tail -n +3 good.csv; } >comments.csv
limited "$(mib 62)" "62 MB of comment rows" "$TIENDO" -f dept.db import comments.csv
expect_grep "... read, and refused for its checksum or imported" "comments.csv: (refused|imported)" out
# 62 MB of rows of empty fields.
{ head -n 2 good.csv; yes ',,,,,,,,,,,,,' | head -c 62000000; tail -n +3 good.csv; } >empty.csv
limited "$(mib 62)" "62 MB of empty rows" "$TIENDO" -f dept.db import empty.csv
expect_grep "... read and answered" "empty.csv: (refused|imported)" out
# Short entry rows, kept until the file is checked whole: as many as a
# report may hold (150,000 rows, 8.2 MB), and 62 MB of them (refused).
row='entry,XA1,T1,2026S1,1,done,,,,,,,,2026-01-01T00:00:00Z'
for kb in 8200 62000; do
	{ head -n 3 good.csv; yes "$row" | head -n $((kb * 1000 / 55)); tail -n +4 good.csv; } >rows.csv
	limited "$(mib $((kb / 1000 + 1)))" "$kb kB of entry rows" "$TIENDO" -f dept.db import rows.csv
	expect_grep "... read and answered" "rows.csv: (refused|imported)" out
done
# A device that never ends: read up to the limit and refused.
limited "$(mib 64)" "import /dev/zero" "$TIENDO" -f dept.db import /dev/zero
expect_grep "... too large or binary" "too large|NUL" err
# A pipe with more than the limit.
limited "$(mib 64)" "a pipe of 70 MB" bash -c "\"\$0\" -f dept.db import <(head -c 70000000 /dev/zero | tr '\\0' 'x')" "$TIENDO"
expect_grep "... too large" "too large \(more than 64 MiB\)" err
# A 1.2 GB sparse file among good ones: refused without being read, the
# others imported.
mkdir folder
cp good.csv folder/a.csv
truncate -s 1200M folder/b.csv
mkfifo folder/c.csv
cp base.db dept.db
limited 65536 "a 1.2 GB file and a FIFO in a folder" "$TIENDO" -f dept.db import folder
expect_grep "... the huge file refused unread" "b.csv: the file is too large \(1258291200 bytes; at most 64 MiB\)" err
expect_grep "... the FIFO skipped and named" "c.csv: not a regular file" err
expect_grep "... the good file imported" "a.csv: imported report of XA1" out
expect_eq "... and it is in the database" 1 "$(sqlite3 dept.db "SELECT count(*) FROM received WHERE kind = 'report'")"

# A few KB of .xlsx that would ask for gigabytes as CSV: rows numbered a
# million apart (each gap became that many empty lines), and a shared string
# of 1 MB used by 100,000 cells. Both are refused within the file limit.
cat >bomb.py <<'PY'
import sys, zipfile
def book(name, rows, shared=None):
    z = zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    z.writestr('xl/workbook.xml', '<workbook %s xmlns:r="http://schemas.openxmlformats.org/'
               'officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/>'
               '</sheets></workbook>' % ns)
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/'
               'package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
               '</Relationships>')
    if shared:
        z.writestr('xl/sharedStrings.xml', '<sst %s><si><t>%s</t></si></sst>' % (ns, shared))
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, rows))
    z.close()
book('gaps.xlsx', ''.join('<row r="%d"><c t="inlineStr"><is><t>x</t></is></c></row>' % (i * 999999 + 1)
                          for i in range(3000)))
book('shared.xlsx', ''.join('<row>%s</row>' % ('<c t="s"><v>0</v></c>' * 1000) for i in range(100)),
     'a' * 1000000)
PY
python3 bomb.py
cp base.db dept.db
for f in gaps shared; do
	limited "$(mib 64)" "$f.xlsx, a few KB that would make gigabytes of CSV" \
		"$TIENDO" -f dept.db import $f.xlsx
	expect_grep "... refused as a workbook" "$f.xlsx: not a readable .xlsx workbook" err
done
expect_eq "... and nothing is in the database" 0 "$(sqlite3 dept.db "SELECT count(*) FROM received")"
