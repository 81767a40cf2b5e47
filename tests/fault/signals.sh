#!/bin/bash
# SPDX-License-Identifier: MIT
# SIGTERM, SIGINT and SIGHUP (what a closed terminal, Ctrl-C or a shutdown
# send) to the command line: to a loop of `tiendo set` (through crash.sh) and
# to `tiendo init` of a national-scale plan (3,300 communes). The database
# must be whole afterwards and hold either the whole plan or none of it.
# (The interface's handling of these signals is tested in tests/cli/ui.sh.)
# Usage: tests/fault/signals.sh [SET_RUNS [INIT_RUNS]]   (30 and 12 by default)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
set_runs=${1:-30} init_runs=${2:-12}

# 1. A loop of sets, each sent TERM, INT or HUP at a random moment.
bash "$here/crash.sh" "$set_runs" TERM INT HUP

# 2. init of a big plan, interrupted.
GEN_PROGRESS=no sh "$SRCDIR/tests/bench/gen.sh" "$T/gen" 3300 >/dev/null || {
	notok "signals: national plan generated"; exit 1; }
# fingerprint DB: row counts of the tables a plan fills, and of progress.
fingerprint() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM unit),
		(SELECT count(*) FROM section), (SELECT count(*) FROM task), (SELECT count(*) FROM task_unit),
		(SELECT count(*) FROM indicator), (SELECT count(*) FROM indicator_unit),
		(SELECT count(*) FROM report_rule), (SELECT count(*) FROM event),
		(SELECT count(*) FROM progress) + (SELECT count(*) FROM progress_history)" 2>&1
}
DB="$T/init.db"
t0=$(now_ms)
"$TIENDO" -f "$DB" init --plan "$T/gen/plan.csv" --unit DT-SKHCN >/dev/null 2>&1
init_ms=$(($(now_ms) - t0))
full=$(fingerprint "$DB")
empty="0|0|0|0|0|0|0|0|0|0"
echo "# signals: init of 3,300 communes takes ~$init_ms ms; whole plan = $full"
case $full in 1\|33[0-9][0-9]\|*) ok "signals: the national plan loads" ;;
*) notok "signals: the national plan loads" "$full" ;; esac

sigs=(TERM INT HUP)
RANDOM=${CRASH_SEED:-$$}
bad="" interrupted=0 none=0 whole=0 late=0
for ((i = 0; i < init_runs; i++)); do
	sig=${sigs[i % 3]}
	rm -f "$DB" "$DB-wal" "$DB-shm"
	env --default-signal=INT,QUIT,TERM,HUP "$TIENDO" -f "$DB" init --plan "$T/gen/plan.csv" --unit DT-SKHCN \
		</dev/null >/dev/null 2>"$T/init.err" &
	pid=$!
	wait_exec "$pid"
	delay=$((RANDOM % (init_ms * 12 / 10 + 1)))
	[ "$delay" -gt 0 ] && sleep "$(printf '0.%03d' "$delay")"
	kill -s "$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	rc=$?
	if [ "$rc" -eq $((128 + $(kill -l "$sig"))) ]; then interrupted=$((interrupted + 1))
	elif [ "$rc" -ne 0 ]; then bad="$bad
run $i ($sig): exit $rc: $(head -c 300 "$T/init.err")"; fi
	# Killed before the file was written: nothing to check (a committed
	# transaction may sit in the -wal file alone, so look at both).
	if [ ! -s "$DB" ] && [ ! -s "$DB-wal" ]; then none=$((none + 1)); continue; fi
	ic=$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || bad="$bad
run $i ($sig, exit $rc): integrity_check: $ic"
	# Killed before the schema's transaction committed: a file without tables.
	if [ "$(sqlite3 "$DB" 'SELECT count(*) FROM sqlite_master' 2>&1)" = 0 ]; then
		fp=$empty
	else
		fp=$(fingerprint "$DB")
	fi
	if [ "$fp" = "$full" ]; then
		whole=$((whole + 1))
		[ "$rc" -ne 0 ] && late=$((late + 1))
	elif [ "$fp" = "$empty" ] && [ "$rc" -ne 0 ]; then none=$((none + 1))
	else bad="$bad
run $i ($sig, exit $rc): half a plan: $fp"; fi
	# The interrupted database can be loaded again and ends whole.
	"$TIENDO" -f "$DB" init --plan "$T/gen/plan.csv" --unit DT-SKHCN >/dev/null 2>"$T/init.err" ||
		bad="$bad
run $i ($sig, exit $rc): init again failed: $(head -c 300 "$T/init.err")"
	fp=$(fingerprint "$DB")
	[ "$fp" = "$full" ] || bad="$bad
run $i ($sig, exit $rc): after init again: $fp"
done
echo "# signals: $init_runs inits: $interrupted ended by the signal ($late after their commit); $whole left the whole plan, $none nothing"
expect_eq "signals: init interrupted by TERM, INT, HUP: whole database, whole plan or nothing, loads again" "" "$bad"
if [ "$interrupted" -gt 0 ]; then ok "signals: some inits were interrupted"; else
	notok "signals: some inits were interrupted" "all $init_runs finished before the signal"; fi
