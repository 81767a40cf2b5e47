#!/bin/bash
# SPDX-License-Identifier: MIT
# A write that fails inside an import batch while the transaction is still
# open (here a trigger refuses one unit's entries, standing for any failure
# the checks before writing did not foresee): that file is refused, the
# batch is rolled back and written again without it, and the files before
# and after it are imported (no savepoint per file any more: issue 15).
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
PLAN="$SRCDIR/tests/data/exchange/plan.csv"
"$TIENDO" -f dept.db init --plan "$PLAN" >/dev/null 2>err || { notok "database" "$(cat err)"; exit 1; }
"$TIENDO" -f dept.db add-unit XA3 --name "Xã Ba" --kind commune --parent TINH >/dev/null 2>>err
"$TIENDO" -f dept.db export-plan -o pkg.csv >/dev/null 2>>err || { notok "plan package" "$(cat err)"; exit 1; }
mkdir in
for u in XA1 XA2 XA3; do
	"$TIENDO" -f "$u.db" init --plan pkg.csv --unit "$u" >/dev/null 2>>err &&
		"$TIENDO" -f "$u.db" set T1 --period 2026S1 --status done --result "Xong ở $u" >/dev/null 2>>err &&
		"$TIENDO" -f "$u.db" export --period 2026S1 -o "in/$u.csv" >/dev/null 2>>err ||
		{ notok "report of $u" "$(cat err)"; exit 1; }
done
sqlite3 dept.db "CREATE TRIGGER no_xa2 BEFORE INSERT ON progress
	WHEN NEW.unit_id = (SELECT id FROM unit WHERE code = 'XA2')
	BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END;"
expect_exit "the folder imports but for one file: exit 1" 1 "$TIENDO" -f dept.db import in
expect_grep "the file before it is imported" "^in/XA1.csv: imported report of XA1" "$T/out"
expect_grep "the failing file is refused" "^in/XA2.csv: refused" "$T/out"
expect_grep "... saying why" "refused by a test trigger" "$T/err"
expect_grep "the file after it is imported" "^in/XA3.csv: imported report of XA3" "$T/out"
expect_grep "the summary counts each file once" "^3 files: 2 imported, 0 with nothing new, 1 refused" "$T/out"
expect_eq "the database holds the two files, whole" "XA1|1|1
XA3|1|1" "$(sqlite3 dept.db "SELECT u.code, count(DISTINCT p.id), count(DISTINCT r.id) FROM unit u
	JOIN progress p ON p.unit_id = u.id JOIN received r ON r.sender_id = u.id GROUP BY u.code ORDER BY 1")"
expect_eq "nothing of the refused file" 0 "$(sqlite3 dept.db "SELECT count(*) FROM received r JOIN unit u
	ON u.id = r.sender_id WHERE u.code = 'XA2'")"
sqlite3 dept.db "DROP TRIGGER no_xa2"
expect_exit "importing again adds the refused file" 0 "$TIENDO" -f dept.db import in
expect_grep "... and only it" "^3 files: 1 imported, 2 with nothing new, 0 refused" "$T/out"
