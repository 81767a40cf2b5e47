#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the whole suite against one build: tests/run.sh BUILD_DIR BINARY LABEL
# Each test prints TAP-style lines; this counts them and prints failures.
# The last line is "LABEL: N passed, M failed".
set -u
build=$1 bin=$2 label=$3
root=$(cd "$(dirname "$0")/.." && pwd)
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
export TIENDO="$bin" SRCDIR="$root"
export ASAN_OPTIONS=detect_leaks=1:exitcode=99 LSAN_OPTIONS=exitcode=97
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98
passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# run_one NAME CMD...: run a test program, count its lines.
run_one() {
	name=$1; shift
	"$@" >"$out" 2>&1
	rc=$?
	p=$(grep -c '^ok - ' "$out")
	f=$(grep -c '^not ok - ' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $rc" >>"$out"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name ran no check" >>"$out"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		printf '%s: %-34s %3d passed, %d FAILED\n' "$label" "$name" "$p" "$f"
		grep -v '^ok - ' "$out" | head -n 60 | sed 's/^/    /'
	else
		printf '%s: %-34s %3d passed\n' "$label" "$name" "$p"
	fi
}


for t in "$build"/tests/*; do
	[ -x "$t" ] || continue
	cd "$root" && run_one "unit/$(basename "$t")" "$t"
done
for t in "$root"/tests/cli/*.sh; do
	cd "$root" && run_one "cli/$(basename "$t" .sh)" bash "$t"
done
echo "$label: $passed passed, $failed failed"
