#!/bin/bash
# SPDX-License-Identifier: MIT
# Files written whole through a temporary file (consolidate --xlsx,
# draft-report, draft-reminder, key --export) given a FIFO: written into
# it, never replaced by a regular file (issue 15; output_fifo.sh does the
# same for the streamed outputs).
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
export TMPDIR=$T
PLAN="$SRCDIR/tests/data/exchange/plan.csv"
"$TIENDO" -f dept.db init --plan "$PLAN" >/dev/null 2>err || { notok "database" "$(cat err)"; exit 1; }
"$TIENDO" -f dept.db set T1 --unit SKHCN --period 2026S1 --status "done" --result "Xong" >/dev/null 2>&1

# through_fifo NAME CMD...: run CMD (which names fifo as its output) while a
# reader copies the FIFO to got.
through_fifo() {
	local name=$1
	shift
	rm -f fifo got
	mkfifo fifo
	timeout 20 cat fifo >got &
	local reader=$!
	expect_exit "$name: -o FIFO" 0 timeout 20 "$@"
	wait "$reader"
	if [ -p fifo ]; then ok "$name: the FIFO is still a FIFO"; else
		notok "$name: the FIFO is still a FIFO" "$(ls -l fifo)"; fi
	if [ -s got ]; then ok "$name: the reader got the file"; else notok "$name: the reader got the file"; fi
}
through_fifo "consolidate --xlsx" "$TIENDO" -f dept.db consolidate --period 2026S1 --xlsx -o fifo
[ "$(head -c 2 got)" = PK ] && ok "consolidate --xlsx: a workbook came through" || notok "consolidate --xlsx: a workbook came through"
through_fifo "draft-report" "$TIENDO" -f dept.db draft-report --period 2026S1 -o fifo
[ "$(head -c 2 got)" = PK ] && ok "draft-report: a document came through" || notok "draft-report: a document came through"
through_fifo "draft-reminder" "$TIENDO" -f dept.db draft-reminder --period 2026S1 -o fifo
[ "$(head -c 2 got)" = PK ] && ok "draft-reminder: a document came through" || notok "draft-reminder: a document came through"
through_fifo "key --export" "$TIENDO" -f dept.db key --export -o fifo
"$TIENDO" -f dept.db key --export -o k.csv >/dev/null 2>&1
expect_eq "key --export: the same bytes as to a file" "$(md5sum <k.csv)" "$(md5sum <got)"
ls tiendo-out-* >/dev/null 2>&1 && notok "no temporary file left" "$(ls tiendo-out-*)" || ok "no temporary file left"
