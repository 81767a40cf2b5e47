#!/bin/bash
# SPDX-License-Identifier: MIT
# A full disk during import, set, resolve and export (issue 13 §1). The
# database lives on a small tmpfs (when the test runs as root and may
# mount), else the file size is limited with `ulimit -f` (import only).
# Every line import printed must be true afterwards: a file said
# "imported" is in the database, every other file is named (refused, NOT
# saved or not read), no file counted twice; the command exits 1. set,
# resolve and export either do all or nothing, for every amount of free
# space from a few KiB up.
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
CC=${CC:-cc}
if ! command -v "$CC" >/dev/null || ! command -v sqlite3 >/dev/null; then
	echo "ok - disk full # SKIP needs a C compiler and sqlite3"
	exit 0
fi
# 150 communes' reports for 2026S1, made from the bench generator.
GEN_PROGRESS=yes sh "$SRCDIR/tests/bench/gen.sh" gen 150 7 >/dev/null || { notok "generator"; exit 1; }
"$CC" -std=c11 -O2 -o mkreports "$SRCDIR/tests/bench/mkreports.c" || { notok "mkreports builds"; exit 1; }
mkdir rep
./mkreports gen/progress.csv 2026S1 DT-118-2025 1 2026-06-19T02:00:00Z rep >/dev/null ||
	{ notok "reports made"; exit 1; }
"$TIENDO" -f base.db init --plan gen/plan.csv --unit DT-SKHCN >/dev/null 2>err ||
	{ notok "department database" "$(cat err)"; exit 1; }
nfiles=$(ls rep | wc -l)

mnt=""
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ] && mkdir -p small && mount -t tmpfs -o size=1536k tmpfs small 2>/dev/null; then
	mnt=$T/small
	echo "# disk full: a 1.5 MiB tmpfs"
	limit=()
else
	mkdir -p small
	echo "# disk full: ulimit -f (not root, or mount refused)"
	limit=(ulimit -f 1200)
fi

# --- import of a folder ------------------------------------------------------
cp base.db small/d.db
(
	trap '' XFSZ
	[ ${#limit[@]} -gt 0 ] && "${limit[@]}"
	exec "$TIENDO" -f small/d.db import rep
) >out 2>err
rc=$?
expect_eq "import on a full disk exits 1" 1 "$rc"
[ "$rc" = 1 ] || { head -c 600 err; }
expect_grep "... and says the disk may be full" "could not be written|disk is full" err
# Every file is named exactly once by its verdict.
grep -oE '^rep/[^:]+\.csv' out | sort >named
ls rep | sed 's|^|rep/|' | sort >all
expect_eq "... every file named exactly once" "$(cat all)" "$(sort -u named)"
expect_eq "... no file named twice" "$(wc -l <all)" "$(wc -l <named)"
grep -E ': imported report' out | grep -oE '^rep/[^:]+' | sort >said_imported
sqlite3 small/d.db "SELECT file_name FROM received WHERE kind = 'report' ORDER BY 1" >in_db 2>&1
expect_eq "... every file said imported is in the database, and only those" \
	"$(cat said_imported)" "$(cat in_db)"
n_imp=$(wc -l <said_imported)
summary=$(tail -n 1 out)
n_sum=$(echo "$summary" | grep -oE '[0-9]+ imported' | grep -oE '[0-9]+')
expect_eq "... the summary counts what was saved" "$n_imp" "$n_sum"
other=$(grep -E '^rep/' out | grep -cE 'NOT saved|not read|refused')
expect_eq "... the others are said not imported" $((nfiles - n_imp)) "$other"
echo "# disk full: $n_imp of $nfiles files saved before the disk filled; summary: $summary"
expect_eq "... integrity_check" ok "$(sqlite3 small/d.db 'PRAGMA integrity_check' 2>&1)"
# Entries of a file are there exactly when its register line is.
half=$(sqlite3 small/d.db "SELECT count(*) FROM progress p WHERE NOT EXISTS (SELECT 1 FROM received r
	WHERE r.sender_id = p.unit_id AND r.period = p.period)")
expect_eq "... no entry without its file in the register" 0 "$half"
rm -f small/d.db*

if [ -z "$mnt" ]; then
	echo "ok - set, resolve, export on a full disk # SKIP needs a tmpfs (root)"
	exit 0
fi

# --- set, resolve, export: for each amount of free space ---------------------
# The department with two reports; a third report conflicts with one of them.
one=$(ls rep | head -n 1)
unit=$(echo "$one" | sed -E 's/^baocao_(.*)_2026S1\.csv$/\1/')
cp base.db full.db
"$TIENDO" -f full.db import "rep/$one" "rep/$(ls rep | sed -n 2p)" >/dev/null 2>err ||
	notok "two reports imported" "$(cat err)"
task=$(grep -m 1 "^$unit,[^,]*,2026S1," gen/progress.csv | cut -d, -f2)
# Two copies of the unit's database (one key: a backup restored on a second
# PC) enter the same revision differently: the second report conflicts with
# the first.
"$TIENDO" -f full.db export-plan -o pkg.csv >/dev/null 2>err || notok "plan package" "$(cat err)"
"$TIENDO" -f u1.db init --plan pkg.csv --unit "$unit" >/dev/null 2>>err
sqlite3 u1.db "VACUUM INTO 'u2.db'" 2>>err
for k in 1 2; do
	"$TIENDO" -f "u$k.db" set "$task" --period 2026S1 --status in-progress --result "Lần $k" >/dev/null 2>>err
	"$TIENDO" -f "u$k.db" export --period 2026S1 -o "c$k.csv" >/dev/null 2>>err
done
"$TIENDO" -f full.db import c1.csv >/dev/null 2>>err
"$TIENDO" -f full.db import c2.csv >out 2>>err
expect_grep "a conflicting report makes a conflict" " 1 conflict([^s]|$)" out
state() { sqlite3 "$1" ".dump progress" ".dump progress_history" ".dump conflict" ".dump received" 2>&1 | md5sum; }

# fill_to KIB: the tmpfs full but for KIB KiB.
fill_to() {
	rm -f "$mnt/fill"
	dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
	truncate -s "-$1K" "$mnt/fill"
}
# sweep NAME CMD...: run CMD on a copy of full.db in the tmpfs with 8, 16, ...
# KiB free until it succeeds; each failure must leave the database as it was.
sweep() {
	local name=$1 kb before after rc problems="" fails=0
	shift
	for kb in 8 16 24 32 40 48 56 64 80 96 128 160 200 256 320 400 512; do
		rm -f "$mnt"/d.db* "$mnt/fill" "$mnt"/*.csv* "$mnt"/.*.csv* 2>/dev/null
		cp full.db "$mnt/d.db"
		before=$(state "$mnt/d.db")
		fill_to "$kb"
		"$@" >out 2>err
		rc=$?
		rm -f "$mnt/fill"
		if [ "$rc" = 0 ]; then break; fi
		fails=$((fails + 1))
		after=$(state "$mnt/d.db")
		[ "$before" = "$after" ] || problems="$problems
$kb KiB free: exit $rc and the database changed: $(head -c 200 err)"
		[ "$(sqlite3 "$mnt/d.db" 'PRAGMA integrity_check' 2>&1)" = ok ] || problems="$problems
$kb KiB free: integrity_check fails"
		[ -s err ] || problems="$problems
$kb KiB free: exit $rc with no message"
		left=$(find "$mnt" -name '*.csv*' | head -n 3)
		[ -z "$left" ] || problems="$problems
$kb KiB free: left behind: $left"
	done
	expect_eq "$name: on a full disk, all or nothing ($fails failures, then success at $kb KiB)" "" "$problems"
	expect_eq "$name: ... and it succeeds once there is room" 0 "$rc"
}
sweep "set" "$TIENDO" -f "$mnt/d.db" set "$task" --unit "$unit" --period 2026S1 --status done \
	--percent 100 --result "Đã hoàn thành toàn bộ, có biên bản nghiệm thu kèm theo"
cid=$(sqlite3 full.db "SELECT id FROM conflict LIMIT 1")
sweep "resolve" "$TIENDO" -f "$mnt/d.db" resolve "$cid" --take
sweep "import of one file" "$TIENDO" -f "$mnt/d.db" import "rep/$(ls rep | sed -n 3p)"
sweep "export" "$TIENDO" -f "$mnt/d.db" export --period 2026S1 -o "$mnt/out.csv"
