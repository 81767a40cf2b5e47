#!/bin/bash
# SPDX-License-Identifier: MIT
# Import under faults: the department imports a folder of unit reports
# (made the real way: plan package, one database per commune, `tiendo set`,
# `tiendo export`) and each run is sent SIGKILL, SIGTERM, SIGINT or SIGHUP
# at a random moment. Each file must be in the database whole or not at all
# (its entries and its line in the register of received files together),
# importing the folder again must end exactly where an uninterrupted
# import ends, and every line the import printed before the signal must be
# true after it (a file said imported is in the database).
# HOOK: skipped (one "# SKIP" line) when this build has no `tiendo import`.
# Usage: tests/fault/import.sh [RUNS]   (15 by default; CRASH_SEED=S repeats a run)
. "$(dirname "$0")/lib.sh"
runs=${1:-15}
if ! "$TIENDO" import --help >/dev/null 2>&1 || ! "$TIENDO" export --help >/dev/null 2>&1; then
	echo "ok - import faults # SKIP no tiendo import/export in this build"
	exit 0
fi
RANDOM=${CRASH_SEED:-$$}
D="$T/dept.db"
fault_db "$D" || { notok "import: department database created" "$(cat "$T/fault_db.err")"; exit 1; }
"$TIENDO" -f "$D" export-plan -o "$T/plan.csv" >/dev/null 2>"$T/err" ||
	{ notok "import: plan package exported" "$(cat "$T/err")"; exit 1; }

# Each commune and ward enters six tasks for four periods in its own
# database and exports one report per period.
mkdir -p "$T/in"
tasks=(1a-1 1a-2 1a-6 3a 4b V.7b)
units=$(printf '%s\n' "$FAULT_COMMUNES" | cut -d: -f1)
bad=""
for u in $units; do
	"$TIENDO" -f "$T/$u.db" init --plan "$T/plan.csv" --unit "$u" >/dev/null 2>>"$T/err" || bad="$bad init $u;"
	for p in 2025S2 2026S1 2026Q1 2026Q2; do
		for ((k = 0; k < ${#tasks[@]}; k++)); do
			"$TIENDO" -f "$T/$u.db" set "${tasks[k]}" --period "$p" --status "${FAULT_STATUSES[k % 5]}" \
				--percent $((k * 15)) --result "$(fault_text "$k" "$u $p")" >/dev/null 2>>"$T/err" ||
				bad="$bad set $u ${tasks[k]} $p;"
		done
		"$TIENDO" -f "$T/$u.db" export --period "$p" -o "$T/in/baocao_${u}_$p.csv" >/dev/null 2>>"$T/err" ||
			bad="$bad export $u $p;"
	done
done
expect_eq "import: unit reports made with set and export" "" "$bad"
nfiles=$(find "$T/in" -name '*.csv' | wc -l)

# The reference: the folder imported without interruption.
cp "$D" "$T/base.db"
cp "$T/base.db" "$T/ref.db"
t0=$(now_ms)
expect_exit "import: the folder imports" 0 "$TIENDO" -f "$T/ref.db" import "$T/in"
dur=$(($(now_ms) - t0))
# state DB: every entry with its revision and texts, and the register.
state() {
	sqlite3 -separator "$TAB" "$1" "SELECT u.code, t.code, p.period, p.revision, p.status, p.percent,
			replace(p.result, char(10), '\n') FROM progress p JOIN unit u ON u.id = p.unit_id
			JOIN task t ON t.id = p.task_id ORDER BY 1, 2, 3;
		SELECT r.kind, u.code, r.period, r.checksum, r.rows FROM received r
			JOIN unit u ON u.id = r.sender_id ORDER BY 2, 3;" 2>&1
}
ref=$(state "$T/ref.db")
expect_eq "import: the reference holds every file's entries" $((nfiles * ${#tasks[@]})) \
	"$(sqlite3 "$T/ref.db" 'SELECT count(*) FROM progress')"
echo "# import: $nfiles reports, the folder imports in ~$dur ms"

# Each file whole or absent: per (sender, period) the entries number 0 or
# ${#tasks[@]}, and the register has the file exactly when they are there.
whole_or_none() {
	sqlite3 -separator ' ' "$1" "
		WITH e AS (SELECT unit_id, period, count(*) AS n FROM progress GROUP BY unit_id, period),
		     r AS (SELECT sender_id, period, count(*) AS n FROM received WHERE kind = 'report'
			   GROUP BY sender_id, period)
		SELECT u.code, e.period, e.n, coalesce(r.n, 0) FROM e JOIN unit u ON u.id = e.unit_id
			LEFT JOIN r ON r.sender_id = e.unit_id AND r.period = e.period
			WHERE e.n != ${#tasks[@]} OR coalesce(r.n, 0) != 1
		UNION ALL
		SELECT u.code, r.period, 0, r.n FROM r JOIN unit u ON u.id = r.sender_id
			WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.unit_id = r.sender_id AND e.period = r.period)" 2>&1
}

sigs=(KILL TERM INT HUP)
linebuf=""
command -v stdbuf >/dev/null && linebuf="stdbuf -oL"
problems="" interrupted=0 partial=0
for ((i = 0; i < runs; i++)); do
	sig=${sigs[i % 4]}
	cp "$T/base.db" "$D"
	rm -f "$D-wal" "$D-shm"
	# Line-buffered, as on a terminal: each verdict is out as soon as printed.
	env --default-signal=INT,QUIT,TERM,HUP $linebuf "$TIENDO" -f "$D" import "$T/in" </dev/null >"$T/imp.out" 2>"$T/imp.err" &
	pid=$!
	wait_exec "$pid"
	delay=$((RANDOM % (dur * 13 / 10 + 1)))
	[ $((i % 5)) -eq 0 ] && delay=0
	[ "$delay" -gt 0 ] && sleep "$(printf '0.%03d' "$delay")"
	kill -s "$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	rc=$?
	# Ended by the signal, or stopped by it between two files (import catches
	# TERM, INT and HUP, finishes the file in hand and exits 1 saying so).
	if [ "$rc" -eq $((128 + $(kill -l "$sig"))) ]; then interrupted=$((interrupted + 1))
	elif [ "$rc" -eq 1 ] && grep -q 'interrupted by a signal' "$T/imp.err"; then interrupted=$((interrupted + 1))
	elif [ "$rc" -ne 0 ]; then problems="$problems
run $i ($sig): exit $rc: $(head -c 300 "$T/imp.err")"; fi
	ic=$(sqlite3 "$D" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || problems="$problems
run $i ($sig, exit $rc): integrity_check: $ic"
	said=$(grep -E ': (imported report|the same report)' "$T/imp.out" | sed 's/: .*//' | sort)
	saved=$(sqlite3 "$D" "SELECT file_name FROM received WHERE kind = 'report' ORDER BY 1" 2>&1)
	untrue=$(comm -23 <(echo "$said") <(echo "$saved") | grep -c .)
	[ "$untrue" -eq 0 ] || problems="$problems
run $i ($sig, exit $rc): $untrue files printed as imported are not in the database: $(comm -23 <(echo "$said") <(echo "$saved") | head -n 3)"
	w=$(whole_or_none "$D")
	[ -z "$w" ] || problems="$problems
run $i ($sig, exit $rc): a file half imported (unit period entries register): $w"
	n=$(sqlite3 "$D" "SELECT count(*) FROM received WHERE kind = 'report'" 2>&1)
	[ "$n" -gt 0 ] && [ "$n" -lt "$nfiles" ] && partial=$((partial + 1))
	# Importing the folder again completes it, as if nothing had happened.
	"$TIENDO" -f "$D" import "$T/in" >/dev/null 2>"$T/imp.err" || problems="$problems
run $i ($sig, exit $rc): import again failed: $(head -c 300 "$T/imp.err")"
	s=$(state "$D")
	[ "$s" = "$ref" ] || problems="$problems
run $i ($sig, exit $rc): after import again: $(diff <(echo "$ref") <(echo "$s") | head -n 6)"
done
echo "# import: $runs runs: $interrupted ended by the signal, $partial stopped between files"
expect_eq "import: killed at random, each file whole or absent, import again ends as the reference" "" "$problems"
if [ "$interrupted" -gt 0 ]; then ok "import: some imports were interrupted"; else
	notok "import: some imports were interrupted" "all $runs finished before the signal"; fi
expect_exit "import: the same folder again changes nothing" 0 "$TIENDO" -f "$D" import "$T/in"
expect_eq "import: ... and leaves the reference state" "$ref" "$(state "$D")"
expect_integrity "import: integrity_check ok at the end" "$D"

# Every line printed before a kill is true after it, on a folder large
# enough to take several batches (the bench generator's communes; 600 by
# default, FAULT_UNITS=3300 for national scale).
CC=${CC:-cc}
if ! command -v "$CC" >/dev/null; then
	echo "ok - import: printed lines true after a kill # SKIP no C compiler"
	exit 0
fi
GEN_PROGRESS=yes sh "$SRCDIR/tests/bench/gen.sh" "$T/gen" "${FAULT_UNITS:-600}" 11 >/dev/null &&
	"$CC" -std=c11 -O2 -o "$T/mkreports" "$SRCDIR/tests/bench/mkreports.c" && mkdir -p "$T/big" &&
	"$T/mkreports" "$T/gen/progress.csv" 2026S1 DT-118-2025 1 2026-06-19T02:00:00Z "$T/big" >/dev/null &&
	"$TIENDO" -f "$T/bigbase.db" init --plan "$T/gen/plan.csv" --unit DT-SKHCN >/dev/null ||
	{ notok "import: national-style reports made"; exit 1; }
nbig=$(find "$T/big" -name '*.csv' | wc -l)
cp "$T/bigbase.db" "$T/big.db"
t0=$(now_ms)
"$TIENDO" -f "$T/big.db" import "$T/big" >/dev/null 2>&1
bigdur=$(($(now_ms) - t0))
echo "# import: $nbig reports import in ~$bigdur ms"
lies="" saw=0
bigruns=$((runs / 3 > 3 ? runs / 3 : 3))
for ((i = 0; i < bigruns; i++)); do
	sig=${sigs[i % 4]}
	cp "$T/bigbase.db" "$T/big.db"
	rm -f "$T/big.db-wal" "$T/big.db-shm"
	env --default-signal=INT,QUIT,TERM,HUP $linebuf "$TIENDO" -f "$T/big.db" import "$T/big" </dev/null >"$T/imp.out" 2>"$T/imp.err" &
	pid=$!
	wait_exec "$pid"
	sleep "$(printf '%d.%03d' $((RANDOM % (bigdur + 1) / 1000)) $((RANDOM % (bigdur + 1) % 1000)))"
	kill -s "$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	said=$(grep -E ': imported report' "$T/imp.out" | sed 's/: .*//' | sort)
	saw=$((saw + $(echo "$said" | grep -c .)))
	saved=$(sqlite3 "$T/big.db" "SELECT file_name FROM received WHERE kind = 'report' ORDER BY 1" 2>&1)
	untrue=$(comm -23 <(echo "$said") <(echo "$saved") | grep -c .)
	[ "$untrue" -eq 0 ] || lies="$lies
run $i ($sig): $untrue of $(echo "$said" | grep -c .) files printed as imported are not in the database"
done
echo "# import: $bigruns kills of a $nbig-file import, $saw lines said imported in all"
expect_eq "import: every line printed before a kill is true after it" "" "$lies"
