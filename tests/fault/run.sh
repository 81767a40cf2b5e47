#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the fault tests against the normal build (./tiendo, or $TIENDO) and
# count their TAP lines like tests/run.sh; the last line is
# "fault: N passed, M failed".
#   tests/fault/run.sh quick        what make check runs (about 17 s)
#   tests/fault/run.sh crash        make crash: CRASH_RUNS (500) kills, signals and
#                                   interrupted imports too
#   tests/fault/run.sh concurrency  make concurrency: CONC_SECONDS (30) of two writers
set -u
mode=${1:-quick}
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${TIENDO:=$root/tiendo}"
case $TIENDO in /*) ;; *) TIENDO="$root/$TIENDO" ;; esac
export TIENDO SRCDIR="$root"
TEST_RUNNER=1 run_label=fault run_notes=1
. "$root/tests/lib.sh"

cd "$root" || exit 1
case $mode in
quick)
	run_one "crash (40 kills)" bash tests/fault/crash.sh 40
	run_one "concurrency (3 s)" bash tests/fault/concurrency.sh 3
	run_one "signals" bash tests/fault/signals.sh 30 12
	run_one "import (15 interrupted)" bash tests/fault/import.sh 15
	run_one "memcheck (small)" bash tests/fault/memcheck.sh
	;;
crash)
	n=${CRASH_RUNS:-500}
	run_one "crash ($n kills)" bash tests/fault/crash.sh "$n"
	run_one "signals" bash tests/fault/signals.sh "$n" $((n / 5))
	run_one "import ($((n / 5)) interrupted)" bash tests/fault/import.sh $((n / 5))
	;;
concurrency)
	s=${CONC_SECONDS:-30}
	run_one "concurrency ($s s)" bash tests/fault/concurrency.sh "$s"
	;;
*)
	echo "usage: tests/fault/run.sh [quick|crash|concurrency]" >&2
	exit 2
	;;
esac
run_summary
