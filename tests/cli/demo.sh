#!/bin/bash
# SPDX-License-Identifier: MIT
# The demo database of `make run` builds from data/ without an error.
. "$SRCDIR/tests/lib.sh"
expect_exit "data/demo/build.sh builds the demo database" 0 sh "$SRCDIR/data/demo/build.sh" "$TIENDO" "$T/demo.db"
expect_eq "no error output" "" "$(cat "$T/err")"
units=$(grep -vc '^#' "$SRCDIR/data/demo/units.tsv")
entries=$(grep -vc '^#' "$SRCDIR/data/demo/entries.tsv")
values=$(grep -vc '^#' "$SRCDIR/data/demo/indicators.tsv")
expect_eq "every demo commune added" "$units" "$("$TIENDO" -f "$T/demo.db" units | grep -c '^DT-[PX]-')"
expect_eq "every demo entry saved" "$entries" "$(sqlite3 "$T/demo.db" 'SELECT count(*) FROM progress')"
expect_eq "every demo indicator value saved" "$values" "$(sqlite3 "$T/demo.db" 'SELECT count(*) FROM indicator_value')"
expect_eq "two-line results kept" 1 "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM progress WHERE result LIKE '%'||char(10)||'%'")"
expect_eq "entries dated as in the file" "2026-06-19T09:30:00Z" \
	"$(sqlite3 "$T/demo.db" "SELECT entered_at FROM progress p JOIN unit u ON u.id=p.unit_id JOIN task t ON t.id=p.task_id WHERE u.code='DT-X-TANHONG' AND t.code='1a-7'")"
[ ! -e "$T/demo.db-wal" ] && ok "no WAL file left beside the demo database" || notok "no WAL file left beside the demo database"
expect_exit "the overview opens on it" 0 "$TIENDO" -f "$T/demo.db"
