#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the whole suite against one build: tests/run.sh BUILD_DIR BINARY LABEL
# Each test prints TAP-style lines; run_one (tests/lib.sh) counts them and
# shows a failing test's "not ok" lines first. The failed checks are listed
# again at the end; the last line is "LABEL: N passed, M failed".
set -u
build=$1 bin=$2 label=$3
root=$(cd "$(dirname "$0")/.." && pwd)
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
export TIENDO="$bin" SRCDIR="$root"
export ASAN_OPTIONS=detect_leaks=1:exitcode=99 LSAN_OPTIONS=exitcode=97
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98
TEST_RUNNER=1 run_label=$label
. "$root/tests/lib.sh"

for t in "$build"/tests/*; do
	[ -x "$t" ] || continue
	cd "$root" && run_one "unit/$(basename "$t")" "$t"
done
for t in "$root"/tests/cli/*.sh; do
	cd "$root" && run_one "cli/$(basename "$t" .sh)" bash "$t"
done
run_summary
