#!/bin/sh
# SPDX-License-Identifier: MIT
# make check: the suite on the normal build and on the sanitizer build, the
# fault tests (tests/fault) at small size, then a short fuzzing run when clang
# is available. Ends with "N passed, M failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
total_p=0 total_f=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

tally() { # tally LOGFILE: add the counts of its last line
	line=$(tail -n 1 "$1")
	p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	[ -n "$p" ] || { p=0; f=1; echo "(no summary line: counted as a failure)"; }
	total_p=$((total_p + p))
	total_f=$((total_f + f))
}

sh tests/run.sh build ./tiendo normal | tee "$log"
tally "$log"
sh tests/run.sh build-san build-san/tiendo sanitizer | tee "$log"
tally "$log"
# Crash, concurrency, signals and a small memcheck, on the normal build.
TIENDO="$root/tiendo" sh tests/fault/run.sh quick | tee "$log"
tally "$log"
if command -v clang >/dev/null 2>&1; then
	sh tests/fuzz/run.sh "${FUZZ_SECONDS:-5}" | tee "$log"
	tally "$log"
else
	echo "fuzz: clang not found, fuzzing skipped"
fi
# tiendo.exe under wine: minutes of cross-building the first time, so only
# when asked (TIENDO_CHECK_WINDOWS=1) and when mingw-w64 and wine are here.
if [ "${TIENDO_CHECK_WINDOWS:-0}" = 1 ] && command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 &&
	command -v wine >/dev/null 2>&1; then
	{ sh scripts/windows/build.sh . && sh tests/windows/run.sh; } 2>&1 | tee "$log"
	tally "$log"
else
	echo "windows: skipped (set TIENDO_CHECK_WINDOWS=1, with mingw-w64 and wine installed)"
fi
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
