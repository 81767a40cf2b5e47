#!/bin/bash
# SPDX-License-Identifier: MIT
# One import of signed files of both kinds, a plan package first: the first
# thread reads the package (and its signature) while the second reads the
# report after it ahead, so that both digest and verify at once. Under
# ThreadSanitizer (tests/thread/run.sh) a race between them fails the run.
. "$SRCDIR/tests/lib.sh"
PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
expect_exit "department database" 0 tdo -f dept.db init --plan "$PLAN"
expect_exit "its signed plan package" 0 tdo -f dept.db export-plan -o pkg.csv
for u in XA1 XA2; do
	tdo -f "$u.db" init --plan pkg.csv --unit "$u" >/dev/null 2>&1
	tdo -f "$u.db" set T1 --period 2026S1 --status done --count 3 --result "Xong $u" >/dev/null 2>&1
	expect_exit "$u exports its signed report" 0 tdo -f "$u.db" export --period 2026S1 -o "$u.csv"
done
cp dept.db fresh.db
expect_exit "package, report, package, report in one import" 0 \
	tdo -f fresh.db import pkg.csv XA1.csv pkg.csv XA2.csv
expect_grep "both reports imported" "XA2.csv: imported report of XA2" "$T/out"
expect_eq "with their entries" "2" "$(sqlite3 fresh.db 'SELECT count(*) FROM progress')"
