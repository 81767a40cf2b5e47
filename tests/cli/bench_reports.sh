#!/bin/bash
# SPDX-License-Identifier: MIT
# make bench's generated reports (tests/bench/mkreports.c) import cleanly: a
# small set from gen.sh, every report imported, none refused, one value per
# unit for each indicator it reports (an indicator of DT-XA only: not from
# the special zones, which the import refused before).
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
export TIENDO_LANG=en
sh "$SRCDIR/tests/bench/gen.sh" data 300 >/dev/null 2>err || { notok "gen.sh" "$(cat err)"; exit 1; }
${CC:-cc} -std=c11 -O2 -o mkreports "$SRCDIR/tests/bench/mkreports.c" 2>err || { notok "mkreports builds" "$(cat err)"; exit 1; }
# The indicators as bench.sh passes them: CODE:WHO, a group's members for WHO.
inds=$(awk -F, '$1 == "unit" && $3 == "group" { m[$2] = $5 }
	$1 == "indicator" && $8 ~ /DT-SBNDP|DT-XA/ {
		w = ""; n = split($8, r, " ")
		for (i = 1; i <= n; i++) w = w (w == "" ? "" : " ") (r[i] in m ? m[r[i]] : r[i])
		gsub(/ +/, "+", w); printf "%s%s:%s", s, $2, w; s = ","
	}' data/plan.csv)
case $inds in *:commune+ward,* | *:commune+ward) ok "an indicator reported by communes and wards only" ;;
*) notok "an indicator reported by communes and wards only" "$inds" ;; esac
mkdir reports
expect_exit "mkreports" 0 ./mkreports data/progress.csv 2026S1 DT-118-2025 1 2026-06-19T02:00:00Z reports "$inds" data/plan.csv
files=$(ls reports | wc -l)
"$TIENDO" -f dept.db init --plan data/plan.csv --unit DT-SKHCN >/dev/null 2>err || { notok "init" "$(cat err)"; exit 1; }
expect_exit "every report imports" 0 "$TIENDO" -f dept.db import reports
"$TIENDO" -f dept2.db init --plan data/plan.csv --unit DT-SKHCN >/dev/null 2>&1
"$TIENDO" -f dept2.db import reports >out 2>&1
expect_eq "none refused" "$(tail -n 1 out)" "$files files: $files imported, 0 with nothing new, 0 refused"
# The values expected: each report's unit, each indicator whose WHO has its kind.
want=$(awk -F, -v inds="$inds" 'NR == FNR { if ($1 == "unit") kind[$2] = $3; next }
	FNR == 1 { next } { seen[$1] = 1 }
	END { n = split(inds, d, ","); for (u in seen) for (i = 1; i <= n; i++) {
		split(d[i], cw, ":"); k = split(cw[2], w, "+")
		for (j = 1; j <= k; j++) if (w[j] == kind[u] || w[j] == u) { c++; break } }
		print c + 0 }' data/plan.csv <(awk -F, 'NR == 1 || $3 == "2026S1"' data/progress.csv))
got=$(sqlite3 dept.db "SELECT count(*) FROM indicator_value")
expect_eq "one value per unit and indicator it reports" "$got" "$want"
dz=$(sqlite3 dept.db "SELECT count(*) FROM unit WHERE kind = 'special-zone'")
[ "${dz:-0}" -gt 0 ] && ok "the set has special zones" || notok "the set has special zones" "$dz"
