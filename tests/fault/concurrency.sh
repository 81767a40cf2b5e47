#!/bin/bash
# SPDX-License-Identifier: MIT
# Two writers on one database at once: two loops of `tiendo set` (each on
# its own entries and both on one shared entry, with different texts), a
# reader loop of `tiendo show`, and an import of a commune's reports beside
# them (the department receiving files while clerks type), for a few seconds. No command may fail or
# print a busy/locked error, and no update may be lost: every set is in the
# history under the revision it announced, and each entry's revision count is
# the number of sets that changed it.
# Usage: tests/fault/concurrency.sh [SECONDS]   (3 by default)
. "$(dirname "$0")/lib.sh"
secs=${1:-3}
DB="$T/conc.db"
fault_db "$DB" || { notok "concurrency: database created" "$(cat "$T/fault_db.err")"; exit 1; }

shared="1a-1 DT-X-TANHONG 2026S1"
# writer NAME KEY...: set in turn the given keys and the shared one until the
# deadline; one log line per command: NAME, N, UNIT, TASK, PERIOD, RC,
# REVISION (or "-" when no "saved" line), TEXT (one line).
writer() {
	local name=$1 j=0 out rev task unit period text
	shift
	local keys=("$@" "$shared")
	while [ "$(now_ms)" -lt "$end" ]; do
		j=$((j + 1))
		read -r task unit period <<<"${keys[j % ${#keys[@]}]}"
		text=$(fault_text "$j" "$name")
		out=$("$TIENDO" -f "$DB" set "$task" --unit "$unit" --period "$period" \
			--status in-progress --percent $((j % 101)) --result "$text" </dev/null 2>>"$T/err.$name")
		rc=$?
		rev=$(printf '%s\n' "$out" | sed -n 's/.*: saved, revision \([0-9]*\)$/\1/p')
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$j" "$unit" "$task" "$period" "$rc" \
			"${rev:--}" "$(one_line "$text")" >>"$T/log.$name"
	done
}
reader() {
	local j=0
	while [ "$(now_ms)" -lt "$end" ]; do
		j=$((j + 1))
		"$TIENDO" -f "$DB" show 1a-1 --unit DT-X-TANHONG --period 2026S1 </dev/null >/dev/null 2>>"$T/err.R"
		echo "$?" >>"$T/log.R"
		"$TIENDO" -f "$DB" tasks --unit DT-X-TANHONG </dev/null >/dev/null 2>>"$T/err.R"
		echo "$?" >>"$T/log.R"
	done
}

# The importer's files: DT-X-LAIVUNG (no writer touches it) enters and exports
# its report ten times in its own database; the importer reads them in order,
# again and again (after the first pass, each is a no-op that still takes the
# write lock).
IMPUNIT=DT-X-LAIVUNG
"$TIENDO" -f "$DB" export-plan -o "$T/plan.csv" >/dev/null 2>>"$T/err.I"
"$TIENDO" -f "$T/commune.db" init --plan "$T/plan.csv" --unit $IMPUNIT >/dev/null 2>>"$T/err.I"
for k in $(seq 10); do
	TIENDO_NOW="2026-06-$((10 + k))T0$((k % 10)):00:00Z" "$TIENDO" -f "$T/commune.db" set 1a-2 --period 2026S1 \
		--status in-progress --percent $((k * 10)) --result "Báo cáo lần $k, \"xã\" Lai Vung" >/dev/null 2>>"$T/err.I"
	"$TIENDO" -f "$T/commune.db" export --period 2026S1 -o "$T/r$(printf %02d "$k").csv" >/dev/null 2>>"$T/err.I"
done
importer() {
	while [ "$(now_ms)" -lt "$end" ]; do
		for k in $(seq 10); do
			"$TIENDO" -f "$DB" import "$T/r$(printf %02d "$k").csv" </dev/null >/dev/null 2>>"$T/err.I"
			echo "$?" >>"$T/log.I"
		done
	done
}

for f in err.A err.B err.R log.A log.B log.R log.I; do : >"$T/$f"; done
end=$(($(now_ms) + secs * 1000))
writer A "1b-1 DT-SKHCN 2026S1" "2b DT-SGDDT 2026S1" "1a-1 DT-X-TANHONG 2025S2" &
pa=$!
writer B "3a DT-P-SADEC 2026S1" "1a-6 DT-BAO 2026S1" "1a-1 DT-X-TANHONG 2025S2" &
pb=$!
reader &
pr=$!
importer &
pi=$!
wait "$pa" "$pb" "$pr" "$pi"

na=$(wc -l <"$T/log.A") nb=$(wc -l <"$T/log.B") nr=$(wc -l <"$T/log.R") ni=$(wc -l <"$T/log.I")
echo "# concurrency: ${secs} s: writer A $na sets, writer B $nb sets, reader $nr commands, importer $ni files"
cat "$T/err.A" "$T/err.B" "$T/err.R" "$T/err.I" >"$T/err.all"
expect_no_grep "concurrency: no 'database is locked' or busy error" 'locked|busy|BUSY' "$T/err.all"
expect_eq "concurrency: nothing on stderr" "" "$(head -c 2000 "$T/err.all")"
expect_eq "concurrency: every set returned 0" "" \
	"$(awk -F '\t' '$6 != 0 { print $1 " run " $2 " exited " $6 }' "$T/log.A" "$T/log.B" | head)"
expect_eq "concurrency: every read returned 0" "" "$(grep -v '^0$' "$T/log.R" | sort | uniq -c)"
expect_eq "concurrency: every import returned 0" "" "$(grep -v '^0$' "$T/log.I" | sort | uniq -c)"
if [ "$ni" -ge 10 ]; then ok "concurrency: the importer read its ten files ($ni imports)"; else
	notok "concurrency: the importer read its ten files ($ni imports)"; fi
expect_eq "concurrency: the imported entry is the commune's last revision" "10|Báo cáo lần 10, \"xã\" Lai Vung" \
	"$(sqlite3 "$DB" "SELECT p.revision, p.result FROM progress p JOIN unit u ON u.id = p.unit_id WHERE u.code = '$IMPUNIT' AND p.period = '2026S1'")"
if [ "$na" -ge 20 ] && [ "$nb" -ge 20 ]; then ok "concurrency: both writers ran ($na and $nb sets)"; else
	notok "concurrency: both writers ran ($na and $nb sets)"; fi
expect_integrity "concurrency: integrity_check ok" "$DB"

cat "$T/log.A" "$T/log.B" >"$T/log.W"
# The writers' entries only: the importer's are checked above.
fault_history "$DB" | grep -v "^$IMPUNIT$TAB" >"$T/history"
fault_current "$DB" | grep -v "^$IMPUNIT$TAB" >"$T/current"
# Lines out: "E CHECK message" or "S NAME value".
awk -F '\t' '
FNR == 1 { f++ }
f == 1 {
	key = $3 SUBSEP $4 SUBSEP $5
	if ($7 == "-") { print "E saved " $1 " run " $2 " did not say saved"; next }
	if ((key, $7) in who) print "E lost " $1 " run " $2 " and " who[key, $7] " both got revision " $7 " of " $3 " " $4 " " $5
	who[key, $7] = $1 " run " $2; sets[key]++; text[key, $7] = $8
	if ($1 == "A") a[key]++; else b[key]++
	next
}
f == 2 {
	key = $1 SUBSEP $2 SUBSEP $3
	hist[key]++
	if (!((key, $4) in who)) print "E history " $1 " " $2 " " $3 " revision " $4 " was announced by no command"
	else if (text[key, $4] != $6) print "E history " $1 " " $2 " " $3 " revision " $4 " does not hold the text of " who[key, $4]
	next
}
f == 3 {
	key = $1 SUBSEP $2 SUBSEP $3
	if ($4 != sets[key]) print "E count " $1 " " $2 " " $3 ": revision " $4 " after " sets[key] + 0 " changing sets"
	if ($4 != hist[key]) print "E count " $1 " " $2 " " $3 ": revision " $4 " but " hist[key] + 0 " history rows"
	if ($5 != text[key, $4]) print "E count " $1 " " $2 " " $3 ": current text is not that of revision " $4
}
END {
	both = 0
	for (k in sets) if (a[k] && b[k]) both++
	print "S both " both
}' "$T/log.W" "$T/history" "$T/current" >"$T/verdict"
expect_eq "concurrency: every set reported a new revision" "" "$(errors saved)"
expect_eq "concurrency: no two sets got the same revision (no lost update)" "" "$(errors lost)"
expect_eq "concurrency: the history holds every set under its revision" "" "$(errors history)"
expect_eq "concurrency: revision counts match the number of sets per entry" "" "$(errors count)"
both=$(awk '$1 == "S" && $2 == "both" { print $3 }' "$T/verdict")
if [ "${both:-0}" -ge 2 ]; then ok "concurrency: both writers changed the shared entries"; else
	notok "concurrency: both writers changed the shared entries" "shared entries written by both: ${both:-0}"; fi
