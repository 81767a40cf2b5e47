#!/bin/sh
# SPDX-License-Identifier: MIT
# Build each libFuzzer target with clang and run it for SECONDS seconds on a
# corpus seeded from the shipped plans and the test files. src/ is compiled
# once (make BUILD=build/fuzz build/fuzz/libtiendo.a, instrumented with
# -fsanitize=fuzzer-no-link,address,undefined; make recompiles only what
# changed) and every target links against that library.
# Usage: tests/fuzz/run.sh SECONDS. Ends with "fuzz: N passed, M failed".
set -u
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=build/fuzz
mkdir -p "$out"
passed=0 failed=0
# fuzz_make TARGET...: make in build/fuzz with clang and the instrumentation;
# the Makefile links each target with -fsanitize=fuzzer and its LIBS.
# WERROR= : a warning only clang gives must not stop the fuzzing (the normal
# builds' -Werror shows it soon enough).
fuzz_make() {
	make --no-print-directory -j"${FUZZ_JOBS:-2}" BUILD="$out" CC=clang CFLAGS="-g -O1" WERROR= \
		SAN_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined" "$@"
}
if ! fuzz_make "$out/libtiendo.a" >"$out/lib.build.log" 2>&1; then
	echo "not ok - src/ does not build with clang for the fuzzers: see $out/lib.build.log"
	grep -E 'error|Error' "$out/lib.build.log" | head -n 20 | sed 's/^/#   /'
	echo "fuzz: 0 passed, 1 failed"
	exit 1
fi
for target in tests/fuzz/fuzz_*.c; do
	name=$(basename "$target" .c)
	bin="$out/$name"
	if ! fuzz_make "$bin" >"$out/$name.build.log" 2>&1; then
		echo "not ok - $name: does not build with clang"
		sed 's/^/#   /' "$out/$name.build.log" | head -n 20
		failed=$((failed + 1))
		continue
	fi
	# The corpus kept in the repository (small, minimised) is where each run
	# starts; new finds go to a scratch copy (merge them back with -merge=1).
	corpus="$out/corpus-$name"
	mkdir -p "$corpus"
	[ -d "tests/fuzz/corpus/$name" ] && cp tests/fuzz/corpus/"$name"/* "$corpus/" 2>/dev/null
	case $name in
	fuzz_planfile) extra="data/plans/*.csv" ;;
	fuzz_keymap) extra="keymaps/*.keys" ;;
	fuzz_encoding) extra="tests/data/enc/*" ;;
	fuzz_report) extra="tests/data/exchange/*.csv" ;;
	*) extra="" ;;
	esac
	for seed in tests/fuzz/seeds/$name/* $extra; do
		[ -f "$seed" ] && cp "$seed" "$corpus/" 2>/dev/null
	done
	if ASAN_OPTIONS=detect_leaks=1 "$bin" -max_total_time="$secs" -max_len=65536 \
		-rss_limit_mb=2048 -artifact_prefix="$out/$name-" "$corpus" >"$out/$name.log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$out/$name.log" | tail -n 1)
		echo "ok - $name ($runs in ${secs}s)"
		passed=$((passed + 1))
	else
		echo "not ok - $name found a crash: see $out/$name.log"
		grep -E 'ERROR|SUMMARY|Test unit written' "$out/$name.log" | head -n 10 | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
