#!/bin/sh
# SPDX-License-Identifier: MIT
# Round-robin timing of a command against its anchor (issue 15): ROUNDS
# rounds, each runs PREP_A (untimed), A (timed), PREP_B, B; each round gives
# the ratio A/B, so that a busy machine slows both sides of a ratio alike.
# Prints: "A_MEDIAN_MS B_MEDIAN_MS RATIO_MEDIAN RATIO_MIN RATIO_MAX".
# Usage: tests/bench/ratio.sh ROUNDS PREP_A A PREP_B B   (commands run by sh -c)
set -u
rounds=$1 prep_a=$2 a=$3 prep_b=$4 b=$5
t() { s=$(date +%s%N); sh -c "$1" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000)); }
i=0
: >"${TMPDIR:-/tmp}/ratio.$$"
while [ "$i" -lt "$rounds" ]; do
	sh -c "$prep_a" >/dev/null 2>&1
	ta=$(t "$a")
	sh -c "$prep_b" >/dev/null 2>&1
	tb=$(t "$b")
	echo "$ta $tb" >>"${TMPDIR:-/tmp}/ratio.$$"
	i=$((i + 1))
done
awk '{ a[NR] = $1; b[NR] = $2; r[NR] = $1 / $2 }
function med(v, n,   i, j, t) {
	for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
END {
	n = NR; lo = r[1]; hi = r[1]
	for (i = 1; i <= n; i++) { if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i] }
	printf "%.1f %.1f %.2f %.2f %.2f\n", med(a, n) / 1000, med(b, n) / 1000, med(r, n), lo, hi
}' "${TMPDIR:-/tmp}/ratio.$$"
rm -f "${TMPDIR:-/tmp}/ratio.$$"
