#!/bin/bash
# SPDX-License-Identifier: MIT
# Crash safety: run `tiendo set` N times on one database and kill each run
# with SIGKILL at a random moment (often in the middle of its transaction),
# then check the file is whole and every command that returned 0 kept its
# entry, word for word, in order.
# With signal names after N, each run gets one of those signals in turn
# instead (tests/fault/signals.sh sends TERM, INT and HUP this way): a run
# may then end by the signal (status 128+signal) or finish (status 0).
# Usage: tests/fault/crash.sh [N [SIGNAL...]]   (N = 40, SIGNAL = KILL by default;
#        CRASH_SEED=S repeats a run)
. "$(dirname "$0")/lib.sh"
n=${1:-40}
shift $(($# > 0 ? 1 : 0))
sigs=("${@:-KILL}")
label=crash
[ "${sigs[*]}" = KILL ] || label="signals ${sigs[*]}"
seed=${CRASH_SEED:-$(($$ ^ $(date +%s)))}
RANDOM=$seed
DB="$T/crash.db"
# Background jobs of a script start with SIGINT ignored; env gives it back.
launch=()
# shellcheck disable=SC2054  # the commas are env's
[ "${sigs[*]}" = KILL ] || launch=(env --default-signal=INT,QUIT,TERM,HUP)
periods=(2025S2 2026S1)

fault_db "$DB" || { notok "$label: database created" "$(cat "$T/fault_db.err")"; exit 1; }

# How long one set takes here, so the kills fall inside the command and not
# all before or after it. Each kill waits 0 to 1.3 times that.
t0=$(now_ms)
for i in 1 2 3 4 5; do
	"$TIENDO" -f "$DB" set 1b-2 --period 2026S2 --percent $((i * 10)) </dev/null >/dev/null 2>&1
done
mean_us=$((($(now_ms) - t0) * 1000 / 5))
[ "$mean_us" -gt 0 ] || mean_us=5000
echo "# $label: $n runs, seed $seed, one set takes ~$((mean_us / 1000)) ms"

log="$T/crash.log"
: >"$log"
for ((i = 1; i <= n; i++)); do
	read -r task unit <<<"${FAULT_PAIRS[i % ${#FAULT_PAIRS[@]}]}"
	period=${periods[(i / ${#FAULT_PAIRS[@]}) % 2]}
	text=$(fault_text "$i" "$unit")
	delay=$(((RANDOM * 32768 + RANDOM) % (mean_us * 13 / 10 + 1)))
	# One run in five is hit as soon as it runs, so that some always are.
	[ $((i % 5)) -eq 0 ] && delay=0
	sig=${sigs[i % ${#sigs[@]}]}
	"${launch[@]}" "$TIENDO" -f "$DB" set "$task" --unit "$unit" --period "$period" \
		--status "${FAULT_STATUSES[i % 5]}" --percent $((i * 7 % 101)) --count "$i" \
		--result "$text" </dev/null >/dev/null 2>"$T/err.run" &
	pid=$!
	wait_exec "$pid"
	# A sleep process costs about a millisecond: the shortest delays kill at once.
	[ "$delay" -ge 800 ] && sleep "$(printf '0.%06d' "$delay")"
	kill -s "$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	rc=$?
	# Status 137 below means "ended by its signal", whichever it was.
	[ "$rc" -eq $((128 + $(kill -l "$sig"))) ] && rc=137
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$unit" "$task" "$period" "$rc" "$(one_line "$text")" \
		"${FAULT_STATUSES[i % 5]}" $((i * 7 % 101)) "$i" >>"$log"
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 137 ]; then
		printf 'run %s exited %s: %s\n' "$i" "$rc" "$(head -c 500 "$T/err.run")" >>"$T/failed"
	fi
done

expect_integrity "$label: integrity_check ok after $n kills" "$DB"

fault_history "$DB" >"$T/history" 2>"$T/sql.err"
fault_current "$DB" >"$T/current" 2>>"$T/sql.err"
expect_eq "$label: the database can be read after the kills" "" "$(cat "$T/sql.err")"

# Compare the log of commands with the history and the current entries.
# Lines out: "E CHECK message" for an error, "S NAME value" for a count.
awk -F '\t' '
FNR == 1 { f++ }
f == 1 {
	key = $2 SUBSEP $3 SUBSEP $4
	idx[$6] = $1; tkey[$6] = key; rc[$1] = $5; fields[$6] = $7 " " $8 " " $9
	if ($5 == 0) { ok++; succ[$1] = 1 } else if ($5 == 137) killed++
	next
}
f == 2 {
	key = $1 SUBSEP $2 SUBSEP $3
	if ($2 == "1b-2" && $3 == "2026S2") next   # the timing runs
	if (!($6 in idx)) { print "E history unknown text in history of " $1 " " $2 " " $3 " r" $4 ": " substr($6, 1, 80); next }
	if (tkey[$6] != key) { print "E history text of run " idx[$6] " saved under " $1 " " $2 " " $3; next }
	if (seen[$6]++) { print "E history text of run " idx[$6] " saved twice"; next }
	if ($4 != rev[key] + 1) print "E history " $1 " " $2 " " $3 ": revision " $4 " follows " rev[key] + 0
	if (idx[$6] + 0 <= last[key] + 0) print "E history " $1 " " $2 " " $3 ": run " idx[$6] " saved after run " last[key]
	if ($5 != "set") print "E history " $1 " " $2 " " $3 " r" $4 ": action " $5
	if ($7 " " $8 " " $9 != fields[$6]) print "E history " $1 " " $2 " " $3 " r" $4 ": status, percent, count " $7 " " $8 " " $9 " but run " idx[$6] " sent " fields[$6]
	rev[key] = $4; last[key] = idx[$6]; top[key] = $6; committed[idx[$6]] = 1
	next
}
f == 3 {
	key = $1 SUBSEP $2 SUBSEP $3
	if ($2 == "1b-2" && $3 == "2026S2") next
	cur[key] = 1
	if ($4 != rev[key]) print "E current " $1 " " $2 " " $3 ": revision " $4 ", history ends at " rev[key] + 0
	if ($5 != top[key]) print "E current " $1 " " $2 " " $3 ": text is not the last saved revision"
}
END {
	for (i in succ) if (!(i in committed)) print "E lost run " i " returned 0 but its entry is not in the database"
	for (k in rev) if (!(k in cur)) { split(k, a, SUBSEP); print "E current " a[1] " " a[2] " " a[3] ": history without a current entry" }
	late = 0
	for (i in committed) if (rc[i] == 137) late++
	print "S ok " ok + 0; print "S killed " killed + 0; print "S late " late
}' "$log" "$T/history" "$T/current" >"$T/verdict"

stat() { awk -v k="$1" '$1 == "S" && $2 == k { print $3 }' "$T/verdict"; }
echo "# $label: $(stat ok) returned 0, $(stat killed) ended by the signal ($(stat late) of them after their commit)"

expect_eq "$label: no run failed except by the kill" "" "$(cat "$T/failed" 2>/dev/null)"
if [ "$(stat ok)" -gt 0 ] && [ "$(stat killed)" -gt 0 ]; then ok "$label: some runs were killed, some finished"; else
	notok "$label: some runs were killed, some finished" "$(stat ok) finished, $(stat killed) killed: the delays miss the command"; fi
expect_eq "$label: every run that returned 0 kept its entry" "" "$(errors lost)"
expect_eq "$label: history holds only whole entries sent, once, in order, revisions without gaps" "" "$(errors history)"
expect_eq "$label: each current entry is its last saved revision" "" "$(errors current)"

# The database works after the kills: a new set and a show.
expect_exit "$label: set works after the kills" 0 "$TIENDO" -f "$DB" set 1b-1 --unit DT-SKHCN --period 2026S1 --result "sau khi khôi phục"
expect_exit "$label: show works after the kills" 0 "$TIENDO" -f "$DB" show 1b-1 --unit DT-SKHCN --period 2026S1
expect_grep "$label: show has the new text" $'^result\tsau khi khôi phục$' "$T/out"
expect_integrity "$label: integrity_check ok at the end" "$DB"
