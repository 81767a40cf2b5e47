#!/bin/bash
# SPDX-License-Identifier: MIT
# The C unit tests that build for Windows (scripts/windows/build.sh lists
# them), run under wine: one check per test program, its failed checks shown.
set -u
dir=$SRCDIR/build/windows/obj/tests
# into a file, not $(...): the wine server that wine starts keeps the
# output open for seconds after the program ends
log=$(mktemp)
trap 'rm -f "$log"' EXIT
n=0
for t in "$dir"/test_*.exe; do
	[ -f "$t" ] || continue
	n=$((n + 1))
	name=$(basename "$t")
	wine "$t" >"$log" 2>&1 </dev/null
	st=$?
	out=$(cat "$log")
	p=$(printf '%s\n' "$out" | grep -c '^ok')
	f=$(printf '%s\n' "$out" | grep -c '^not ok')
	if [ "$st" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ]; then
		echo "ok - $name under wine: $p checks"
	else
		echo "not ok - $name under wine: status $st, $p ok, $f not ok"
		printf '%s\n' "$out" | grep -A 3 '^not ok' | head -n 40 | sed 's/^/#   /'
	fi
done
[ "$n" -gt 0 ] || echo "not ok - no unit test built in $dir"
