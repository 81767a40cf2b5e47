#!/bin/sh
# SPDX-License-Identifier: MIT
# make check's thread part: `tiendo import` reads the next files in a second
# thread (src/exchange_prefetch.c). A build with ThreadSanitizer (build/tsan)
# runs the read-ahead's unit test and the import fault test (a folder of
# reports imported, interrupted by signals, imported again); any data race
# fails it (TSAN_OPTIONS exitcode). Skipped, not failed, when this compiler
# cannot build with -fsanitize=thread. The last line is
# "thread: N passed, M failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
TEST_RUNNER=1 run_label=thread run_notes=1
. "$root/tests/lib.sh"
cd "$root" || exit 1
B=build/tsan
if ! echo 'int main(void){return 0;}' | ${CC:-cc} -x c -fsanitize=thread -o /dev/null - 2>/dev/null; then
	echo "thread: -fsanitize=thread not available here: skipped"
	echo "thread: 0 passed, 0 failed"
	exit 0
fi
mkdir -p build
echo "thread: building $B (ThreadSanitizer)"
if ! make -s -j2 BUILD=$B BIN=$B/tiendo SAN_CFLAGS=-fsanitize=thread CFLAGS="-O1 -g" \
	$B/tiendo $B/tests/test_prefetch >build/tsan.log 2>&1; then
	sed "s/^/    /" build/tsan.log | tail -20
	echo "not ok - the ThreadSanitizer build"
	echo "thread: 0 passed, 1 failed"
	exit 1
fi
# a race ends the program with status 66 and its report on standard error
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
run_one "read-ahead unit test" $B/tests/test_prefetch
TIENDO="$root/$B/tiendo"
SRCDIR="$root"
export TIENDO SRCDIR
run_one "import (4 interrupted)" bash tests/fault/import.sh 4
run_one "signed package and reports" bash tests/thread/import_mix.sh
run_summary
