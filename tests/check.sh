#!/bin/sh
# SPDX-License-Identifier: MIT
# make check: the suite on the normal build and on the sanitizer build, the
# fault tests (tests/fault) at small size, the import's reading thread under
# ThreadSanitizer (tests/thread), then a short fuzzing run when clang is
# available. Ends with the failed checks of every part, if any, and
# "N passed, M failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
TEST_RUNNER=1
. "$root/tests/lib.sh"
log=$(mktemp) fails=$(mktemp)
trap 'rm -f "$log" "$fails" "$run_out" "$run_fails"' EXIT
# section LOGFILE: count a section's summary line, keep its failed checks.
section() {
	tally "$1"
	grep -e '^  not ok - ' -e '^not ok - ' "$1" | sed 's/^ *//' >>"$fails"
}

sh tests/run.sh build ./tiendo normal | tee "$log"
section "$log"
sh tests/run.sh build-san build-san/tiendo sanitizer | tee "$log"
section "$log"
# Crash, concurrency, signals and a small memcheck, on the normal build.
TIENDO="$root/tiendo" sh tests/fault/run.sh quick | tee "$log"
section "$log"
# The import's second thread under ThreadSanitizer (skipped where the
# compiler has none).
sh tests/thread/run.sh | tee "$log"
section "$log"
if command -v clang >/dev/null 2>&1; then
	sh tests/fuzz/run.sh "${FUZZ_SECONDS:-5}" | tee "$log"
	section "$log"
else
	echo "fuzz: clang not found, fuzzing skipped"
fi
# tiendo.exe under wine, when the tools are here (TIENDO_CHECK_WINDOWS=0:
# never); a skip, never a failure, when Debian's sources cannot be fetched.
sh scripts/windows/check.sh | tee "$log"
section "$log"
if [ -s "$fails" ]; then
	echo "make check: failed checks:"
	sed 's/^/  /' "$fails"
fi
echo "$tally_p passed, $tally_f failed"
[ "$tally_f" -eq 0 ]
