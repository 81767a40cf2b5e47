#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: figures, not pass/fail. National-scale data (gen.sh, load.sh),
# then timings (hyperfine medians), bytes written to an 80x24 terminal and
# peak memory, tiendo against its anchors: calcurse with 1,000 todos for the
# interface, sqlite3 for the data. Writes build/bench/results.md and prints it.
# Usage: tests/bench/bench.sh [TIENDO]   (BENCH_RUNS=10 timed runs per figure)
#
# The file exchange rows (import, export, status, consolidate) are hooks:
# each runs only when `tiendo CMD --help` works and says "skipped" otherwise.
# See "HOOKS" below.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/tiendo}
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
runs=${BENCH_RUNS:-10}
rounds=${BENCH_ROUNDS:-10}             # round-robin rounds of a command and its anchor
import_rounds=${BENCH_IMPORT_ROUNDS:-5}
out=$root/build/bench
gen=$out/data
db=$out/national.db
mkdir -p "$out" "$out/home"
rows=$out/rows.md
: >"$rows"
log=$out/bench.log
: >"$log"
for c in hyperfine calcurse tmux sqlite3; do
	command -v "$c" >/dev/null 2>&1 || { echo "bench: $c missing (sh scripts/deps.sh bench)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (sh scripts/deps.sh bench)" >&2; exit 1; }

# Everything below runs in English, on a fixed day inside the 2026S1 period
# the data fills, with a private HOME (no user keymap or calcurse files).
export LANG=C.UTF-8 LC_ALL='' TIENDO_LANG=en TIENDO_NOW=2026-06-20T09:00:00Z HOME="$out/home"
unset TIENDO_DB XDG_DATA_HOME NO_COLOR TMUX
note() { echo "bench: $*" >&2; }
load0=$(cut -d' ' -f1-3 /proc/loadavg)

# row WHAT TIENDO ANCHOR-WHAT ANCHOR: one line of the results table.
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$rows"; }

# hf NAME CMD [HYPERFINE OPTIONS]: median of $hf_runs runs (after $hf_warm
# warm-up runs) in ms, 1 decimal; "failed" when a run failed.
hf_runs=$runs hf_warm=1
hf() {
	_name=$1 _cmd=$2
	shift 2
	hyperfine --style basic --runs "$hf_runs" --warmup "$hf_warm" "$@" --export-csv "$out/hf.csv" \
		-n "$_name" "$_cmd" >>"$log" 2>&1 || { echo "failed"; return 1; }
	awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$out/hf.csv"
}
# vs NAME ROUNDS PREP CMD ANCHOR-PREP ANCHOR: CMD and its anchor round-robin
# (tests/bench/ratio.sh): a busy machine slows both sides of each round's
# ratio alike. Prints "T_MS A_MS RATIO MIN MAX" (medians, ratio min-max).
vs() {
	_name=$1
	shift
	note "  $_name: round-robin against its anchor"
	sh "$root/tests/bench/ratio.sh" "$@" 2>>"$log" | tee -a "$log"
}
# vsrow WHAT ANCHOR-WHAT "T A R LO HI": a results row with the ratio.
vsrow() {
	# shellcheck disable=SC2086
	set -- "$1" "$2" $3
	row "$1" "$(num "$3") ms: **$5×** the anchor ($6–$7×)" "$2" "$(num "$4") ms"
}
ms() { [ "$1" = failed ] && echo "failed (see build/bench/bench.log)" || echo "$(num "$1") ms"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# num N: N with thousands separated by commas
num() { echo "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\|\.\)/\1,\2\3/; ta'; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "?" }'; }

# ---------------------------------------------------------------- data
note "generating national-scale data in $gen"
t0=$(now_ms)
sh "$root/tests/bench/gen.sh" "$gen" 3300 >>"$log" || exit 1
gen_ms=$(($(now_ms) - t0))
entries=$(($(grep -c '^DT-' "$gen/progress.csv")))
note "loading $db (sqlite3: the temporary path until tiendo import exists)"
t0=$(now_ms)
sh "$root/tests/bench/load.sh" "$bin" "$gen" "$db" >>"$log" || exit 1
load_ms=$(($(now_ms) - t0))
csv_bytes=$(stat -c %s "$gen/progress.csv")
db_bytes=$(stat -c %s "$db")
communes=$(sqlite3 "$db" "SELECT count(*) FROM unit WHERE kind IN ('commune', 'ward', 'special-zone')")
commune=$(sqlite3 "$db" "SELECT code FROM unit WHERE kind = 'commune' ORDER BY code LIMIT 1")

# calcurse's anchor data: 1,000 todos of similar length, Vietnamese.
cdir=$out/calcurse
mkdir -p "$cdir"
awk 'BEGIN {
	split("Chuẩn bị báo cáo tiến độ 6 tháng đầu năm gửi Sở Khoa học và Công nghệ|" \
	      "Tổng hợp số liệu chỉ tiêu chuyển đổi số của các xã, phường|" \
	      "Rà soát kế hoạch truyền thông Nghị quyết 57-NQ/TW, dự toán kinh phí|" \
	      "Liên hệ Đài truyền thanh xã về chuyên mục \"Khoa học và đời sống\"", t, "|")
	for (i = 1; i <= 1000; i++) printf "[%d] %s (việc %d)\n", i % 10, t[i % 4 + 1], i
}' >"$cdir/todo"
: >"$cdir/apts"
printf 'general.confirmquit=no\ngeneral.autosave=no\n' >"$cdir/conf"
printf 'set -g status off\nset -g default-terminal screen\n' >"$out/tmux.conf"
calcurse_cmd="calcurse -D $cdir"
tiendo_ui="$bin -f $db"
demo=$out/demo.db
rm -f "$demo"
sh "$root/data/demo/build.sh" "$bin" "$demo" >>"$log" || exit 1

row "national-scale data (gen.sh)" "$(num "$communes") communes, wards and special zones; $(num "$entries") progress entries, two half-years; $(kib "$csv_bytes") of CSV in $(num "$gen_ms") ms" "" ""
row "department database (load.sh: init + sqlite3 of both periods)" "$(kib "$db_bytes") in $(num "$load_ms") ms" "" ""

# ---------------------------------------------------------------- command line
note "timing the command line ($runs runs each)"
v=$(hf init "$bin -f $out/init.db init --plan $gen/plan.csv --unit DT-SKHCN" \
	--prepare "rm -f $out/init.db $out/init.db-wal $out/init.db-shm")
row "\`tiendo init\` of the national plan (3,300 communes)" "$(ms "$v")" "" ""
v=$(hf set "$bin -f $db set 1a-1 --unit $commune --period 2026S1 --result \"Kết quả \$(date +%N)\"")
row "\`tiendo set\` one entry in the national database (includes one \`date\`)" "$(ms "$v")" "" ""
v=$(hf show "$bin -f $db show 1a-1 --unit $commune --period 2026S1" -N)
row "\`tiendo show\` one entry" "$(ms "$v")" "" ""
v=$(hf tasks "$bin -f $db tasks --unit $commune" -N)
row "\`tiendo tasks --unit\` a commune" "$(ms "$v")" "" ""
v=$(hf overview "$bin -f $db" -N)
row "\`tiendo\` overview without a terminal" "$(ms "$v")" "" ""

# The anchors: what sqlite3 alone takes for the same rows.
q_rows="SELECT u.code, t.code, p.period, p.status, p.percent, p.count, p.result, p.difficulties, p.entered_at
	FROM progress p JOIN unit u ON u.id = p.unit_id JOIN task t ON t.id = p.task_id"
a_dump=$(hf dump "sqlite3 -csv $db \"$q_rows\"" --output=null)
a_period=$(hf dump-period "sqlite3 -csv $db \"$q_rows WHERE p.period = '2026S1'\"" --output=null)
a_cons=$(hf sum "sqlite3 -csv $db \"SELECT t.code, count(*), sum(p.status = 'done'), avg(p.percent)
	FROM progress p JOIN task t ON t.id = p.task_id WHERE p.period = '2026S1' GROUP BY t.id\"" --output=null)
hf_runs=3 hf_warm=0
# The issue's import anchor: the same rows of one period, one CSV, .import
# into a single table with an index on (unit, task, period).
sqlite3 -csv -header "$db" "$q_rows WHERE p.period = '2026S1'" >"$out/s1.csv"
cat >"$out/anchor-import.sh" <<ANCHOR
rm -f "$out/anchor.db"
sqlite3 "$out/anchor.db" "CREATE TABLE p(unit TEXT, task TEXT, period TEXT, status TEXT, percent INT, count INT, result TEXT, difficulties TEXT, entered_at TEXT); CREATE INDEX p_key ON p(unit, task, period);" ".import --csv --skip 1 $out/s1.csv p"
ANCHOR
a_import=$(hf anchor-import "sh $out/anchor-import.sh")
hf_runs=$runs hf_warm=1
row "\`sqlite3 -csv\` dump of all progress rows (anchor)" "" "sqlite3 -csv, $(num "$entries") rows" "$(ms "$a_dump")"

# ---------------------------------------------------------------- HOOKS
# File exchange (issue 7). Each hook measures its command when the binary
# has it (`tiendo CMD --help` works) and otherwise writes a "skipped" row
# next to its sqlite3 anchor. If a command's options change, fix its line
# here.
have() { "$bin" "$1" --help >/dev/null 2>&1; }
skip() { echo "skipped: no \`tiendo $1\` in this build"; }
exch_db=$db   # the database export, status and consolidate run on

bench_import() { # 3,300 unit reports (mkreports.c) into a department database, against .import
	if have import; then
		${CC:-cc} -std=c11 -O2 -o "$out/mkreports" "$root/tests/bench/mkreports.c" || return
		# As real reports: revisions above 1, proposals, evidence, indicator values.
		# Each as CODE:WHO, WHO its reporters (a group: its members), so
		# that only the units reporting an indicator carry its value.
		inds=$(awk -F, '$1 == "unit" && $3 == "group" { m[$2] = $5 }
			$1 == "indicator" && $8 ~ /DT-SBNDP|DT-XA/ {
				w = ""; n = split($8, r, " ")
				for (i = 1; i <= n; i++) w = w (w == "" ? "" : " ") (r[i] in m ? m[r[i]] : r[i])
				gsub(/ +/, "+", w); printf "%s%s:%s", s, $2, w; s = ","
			}' "$gen/plan.csv")
		rm -rf "$gen/reports" "$gen/reports-prev"
		mkdir -p "$gen/reports" "$gen/reports-prev"
		"$out/mkreports" "$gen/progress.csv" 2026S1 DT-118-2025 1 2026-06-19T02:00:00Z "$gen/reports" "$inds" "$gen/plan.csv" >>"$log" || return
		"$out/mkreports" "$gen/progress.csv" 2025S2 DT-118-2025 1 2025-12-19T02:00:00Z "$gen/reports-prev" "$inds" "$gen/plan.csv" >>"$log" || return
		rm -f "$out/import-base.db"* "$out/import-prev.db"*
		"$bin" -f "$out/import-base.db" init --plan "$gen/plan.csv" --unit DT-SKHCN >>"$log" || return
		cp "$out/import-base.db" "$out/import-prev.db"
		# A report the import refuses means mkreports and tiendo disagree:
		# the figures would time the refusal, so the bench stops.
		"$bin" -f "$out/import-prev.db" import "$gen/reports-prev" >/dev/null 2>>"$log" ||
			{ note "import: a 2025S2 report refused (build/bench/bench.log)"; exit 1; }
		cp "$out/import-base.db" "$out/import-check.db"
		"$bin" -f "$out/import-check.db" import "$gen/reports" >/dev/null 2>>"$log" ||
			{ note "import: a 2026S1 report refused (build/bench/bench.log)"; exit 1; }
		rm -f "$out/import-check.db"*
		anchor="sh $out/anchor-import.sh"
		r=$(vs import "$import_rounds" "rm -f $out/import.db*; cp $out/import-base.db $out/import.db" \
			"$bin -f $out/import.db import $gen/reports" true "$anchor")
		n=$(sqlite3 "$out/import.db" 'SELECT count(*) FROM progress' 2>/dev/null)
		[ "${n:-0}" -gt 0 ] && exch_db=$out/import.db
		vsrow "\`tiendo import\` of 3,300 unit reports, 2026S1 ($(num "${n:-0}") entries, indicator values, revisions > 1), plan-only database (goal: 2.0×)" \
			"sqlite3 .import of the same entries into one table indexed on (unit, task, period)" "$r"
		r=$(vs import-prev "$import_rounds" "rm -f $out/import2.db*; cp $out/import-prev.db $out/import2.db" \
			"$bin -f $out/import2.db import $gen/reports" true "$anchor")
		vsrow "the same import into a database holding 2025S2 (goal: 2.0×)" \
			"sqlite3 .import of the same entries into one table indexed on (unit, task, period)" "$r"
		hf_runs=3 hf_warm=0
		v2=$(hf reimport "$bin -f $out/import.db import $gen/reports")
		hf_runs=$runs hf_warm=1
		row "\`tiendo import\` of the same 3,300 reports again (nothing new)" "$(ms "$v2")" "" ""
	else
		v=$(skip import); note "import: $v"
		row "\`tiendo import\` of 3,300 unit reports, 2026S1 (a folder)" "$v" "" ""
	fi
}
# peak KIB CMD...: GNU time's maximum resident set size of CMD
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
bench_export() { # the department's report for one period: every unit's rows
	if have export; then
		r=$(vs export "$rounds" true "$bin -f $exch_db export --period 2026S1 -o $out/export.csv" \
			true "sqlite3 -csv $exch_db \"$q_rows WHERE p.period = '2026S1'\" >$out/anchor-period.csv")
		vsrow "\`tiendo export --period 2026S1\` of the department ($(kib "$(stat -c %s "$out/export.csv")"))" \
			"sqlite3 -csv, one period, to a file" "$r"
		m=$(peak "$bin" -f "$exch_db" export --period 2026S1 -o "$out/export.csv")
		row "peak memory, department export (goal: 16 MiB)" "$(num "$m") KiB" "" ""
	else
		v=$(skip export); note "export: $v"
		row "\`tiendo export --period 2026S1\` of the department" "$v" "sqlite3 -csv, one period" "$(ms "$a_period")"
	fi
	if have export; then # a commune's own report (its database holds every unit of the package)
		cp "$exch_db" "$out/commune.db"
		"$bin" -f "$out/commune.db" init --plan "$gen/plan.csv" --unit "$commune" >>"$log" 2>&1
		v=$(hf export-commune "$bin -f $out/commune.db export --period 2026S1 -o $out/export-commune.csv")
		row "\`tiendo export --period 2026S1\` of one commune, fsync included (goal: 10 ms)" "$(ms "$v")" "" ""
		# The same on its own: to standard output, so no fsync wait (issue 15).
		v=$(hf export-commune-stdout "$bin -f $out/commune.db export --period 2026S1 -o -" --output=null)
		row "(the same to standard output: the fsync wait left out)" "$(ms "$v")" "" ""
	fi
}
bench_status() { # who has reported, for one period
	if have status; then
		v=$(hf status "$bin -f $exch_db status --period 2026S1" --output=null)
		v=$(ms "$v")
	else v=$(skip status); note "status: $v"; fi
	row "\`tiendo status --period 2026S1\`" "$v" "sqlite3 -csv, one period" "$(ms "$a_period")"
}
cons_ms=failed
bench_consolidate() { # the province's table from 3,300 units
	if have consolidate; then
		r=$(vs consolidate "$rounds" true "$bin -f $exch_db consolidate --period 2026S1 -o $out/consolidate.csv" \
			true "sqlite3 -csv $exch_db \"$q_rows WHERE p.period = '2026S1'\" >$out/anchor-period.csv")
		cons_ms=${r%% *}
		vsrow "\`tiendo consolidate --period 2026S1\` ($(kib "$(stat -c %s "$out/consolidate.csv")")) (goal: 1.5×)" \
			"sqlite3 -csv, one period, to a file" "$r"
		# The second anchor: sqlite3 writing consolidate's own entry section.
		q_entries="SELECT 'entry', u.code, u.name, t.code, t.title, p.status, p.percent, p.count,
			p.result, p.difficulties, p.proposals, p.evidence, p.revision, p.entered_by, p.entered_at
			FROM progress p JOIN unit u ON u.id = p.unit_id JOIN task t ON t.id = p.task_id
			WHERE p.period = '2026S1' ORDER BY u.code, t.seq"
		r=$(vs consolidate-entries "$rounds" true "$bin -f $exch_db consolidate --period 2026S1 -o $out/consolidate.csv" \
			true "sqlite3 -csv $exch_db \"$q_entries\" >$out/anchor-entries.csv")
		vsrow "(the same) (goal: 0.8×)" "sqlite3 -csv writing consolidate's entry section to a file" "$r"
		m=$(peak "$bin" -f "$exch_db" consolidate --period 2026S1 -o "$out/consolidate.csv")
		row "peak memory, consolidate (goal: 16 MiB)" "$(num "$m") KiB" "" ""
	else
		v=$(skip consolidate); note "consolidate: $v"
		row "\`tiendo consolidate --period 2026S1\`" "$v" "sqlite3 -csv, one period" "$(ms "$a_period")"
	fi
}
# The deliverables (issue 14): the workbook and the draft report of the
# whole province, goal under 3 s and under 64 MiB each; the reminder beside.
# Peak memory is GNU time's maximum resident set size of one run.
bench_deliverables() {
	if ! have draft-report; then
		row "\`tiendo consolidate --xlsx\`, \`draft-report\`" "$(skip draft-report)" "" ""
		return
	fi
	for d in "xlsx|consolidate --period 2026S1 --xlsx -o $out/deliver.xlsx|\`tiendo consolidate --period 2026S1 --xlsx\` (goal: < 3 s, < 64 MiB)" \
		"report|draft-report --period 2026S1 -o $out/deliver-report.docx|\`tiendo draft-report --period 2026S1\` (goal: < 3 s, < 64 MiB)" \
		"reminder|draft-reminder --period 2026S1 -o $out/deliver-reminder.docx|\`tiendo draft-reminder --period 2026S1\`"; do
		name=${d%%|*} rest=${d#*|}
		args=${rest%%|*} label=${rest#*|}
		# shellcheck disable=SC2086  # args are words
		v=$(hf "$name" "$bin -f $exch_db $args")
		# shellcheck disable=SC2086
		m=$( /usr/bin/time -f %M "$bin" -f "$exch_db" $args 2>&1 >/dev/null | tail -n 1)
		f=${args##* }
		row "$label" "$(ms "$v"), $(num "$m") KiB max RSS ($(kib "$(stat -c %s "$f")"))" \
			"\`tiendo consolidate\` (CSV) of the same period" "$(ms "$cons_ms")"
	done
}
note "timing file exchange"
bench_import
bench_export
bench_status
bench_consolidate
note "timing the deliverables"
bench_deliverables

# ---------------------------------------------------------------- interface
# Time to the first full screen at 80x24: a word of the top line and one of
# the bottom line (tests/bench/screen.sh), minus the harness's own cost.
note "timing the first screen at 80x24 ($runs runs each)"
# Between runs, wait for the previous program to be gone (it dies with its
# tmux server): screen.sh leaves its pid in $pidf, gone.sh waits for it.
pidf=$out/pane.pid
gone="sh $root/tests/bench/gone.sh $pidf; rm -f $cdir/.calcurse.pid"
scr() { hf "$1" "sh $root/tests/bench/screen.sh $out/tmux $out/tmux.conf $pidf '$2' '$3' '$4'" --prepare "$gone"; }
base=$(scr harness READY SET 'printf "READY SET"; sleep 60')
t_nat=$(scr tiendo-national ' tiendo |' 'F9Search' "$tiendo_ui")
t_demo=$(scr tiendo-demo ' tiendo |' 'F9Search' "$bin -f $demo")
t_cal=$(scr calcurse 'Appointments' 'OtherCmd' "$calcurse_cmd")
# The harness's own cost (tmux alone, a program that prints at once) is
# subtracted from both sides before the ratio (issue 15).
sub() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; printf "%.1f", (d > 0.1 ? d : 0.1) }'; }
t_nat_net=$(sub "$t_nat" "$base") t_demo_net=$(sub "$t_demo" "$base") t_cal_net=$(sub "$t_cal" "$base")
ui_ratio=$(awk -v a="$t_nat_net" -v b="$t_cal_net" 'BEGIN { printf "%.2f", a / b }')
row "UI start to first full screen, 80x24, minus tmux alone ($(ms "$base")) (goal: 0.5×)" \
	"$(num "$t_nat_net") ms national DB (**${ui_ratio}×** calcurse); $(num "$t_demo_net") ms demo DB" \
	"calcurse, 1,000 todos, minus tmux alone" "$(num "$t_cal_net") ms"
# The same round-robin (harness included on both sides, so this ratio is
# closer to 1 than the net one): tiendo and calcurse one after the other.
screen() { echo "sh $root/tests/bench/screen.sh $out/tmux $out/tmux.conf $pidf '$1' '$2' '$3'"; }
r=$(vs ui "$rounds" "$gone" "$(screen ' tiendo |' 'F9Search' "$tiendo_ui")" "$gone" \
	"$(screen 'Appointments' 'OtherCmd' "$calcurse_cmd")")
vsrow "(the same, round-robin, tmux included on both sides)" "calcurse, 1,000 todos" "$r"

# Bytes written to the terminal: tmux pipe-pane records what the program
# writes; first screen, then one cursor move in a list, then 5 s idle.
# ttybytes NAME FIRST LAST FOCUS-KEYS MOVE-KEY CMD -> "first move idle"
ttybytes() {
	sock=$out/tmux.bytes
	f=$out/tty.$1
	: >"$f"
	tmux -S "$sock" -f "$out/tmux.conf" new-session -d -x 80 -y 24 "sleep 0.5; exec $6"
	tmux -S "$sock" pipe-pane -o -t 0 "cat >>$f"
	n=0
	until tmux -S "$sock" capture-pane -p | grep -q -- "$3"; do
		n=$((n + 1)); [ "$n" -gt 400 ] && break; sleep 0.05
	done
	sleep 0.5
	a=$(stat -c %s "$f")
	# shellcheck disable=SC2086
	[ -n "$4" ] && { tmux -S "$sock" send-keys -t 0 $4; sleep 0.5; }
	b=$(stat -c %s "$f")
	tmux -S "$sock" send-keys -t 0 "$5"
	sleep 0.5
	c=$(stat -c %s "$f")
	sleep 5
	d=$(stat -c %s "$f")
	tmux -S "$sock" display-message -p -t 0 '#{pane_pid}' >"$pidf" 2>/dev/null
	tmux -S "$sock" kill-server 2>/dev/null
	rm -f "$sock"
	sh -c "$gone"
	echo "$a $((c - b)) $((d - c))"
}
note "counting bytes written to the terminal"
# shellcheck disable=SC2046  # three numbers
set -- $(ttybytes tiendo ' tiendo |' 'F9Search' "" Down "$tiendo_ui")
tb_first=$1 tb_move=$2 tb_idle=$3
# shellcheck disable=SC2046
set -- $(ttybytes calcurse 'Appointments' 'OtherCmd' "Tab Tab" j "$calcurse_cmd")
cb_first=$1 cb_move=$2 cb_idle=$3
row "bytes written, first screen 80x24" "$(num "$tb_first") (national DB)" "calcurse, 1,000 todos" "$(num "$cb_first")"
row "bytes written, one cursor move in a list" "$tb_move" "calcurse (TODO pane)" "$cb_move"
row "bytes written, 5 s idle" "$tb_idle" "calcurse (its clock)" "$cb_idle"
# Issue 15's steps on the demo database, counted as tests/cli/ui_bytes.sh
# counts them (tests/bench/ttybytes.sh, same day): exact figures, not timings.
note "counting bytes for scrolling, page down and the progress form"
if f=$(TIENDO_NOW=2026-03-15T09:00:00Z sh "$root/tests/bench/ttybytes.sh" "$out/ttybytes" "tan hong" \
	"$bin -f $demo" 2>>"$log"); then
	for kv in $f; do eval "d_${kv%%=*}=${kv#*=}"; done
	row "bytes written, scrolling the task list one line (goal: 150) (demo DB)" \
		"$d_scroll1 the first, at most $d_scroll the next one-line scrolls; $d_scroll2 for two lines (a section's heading and its first task)" \
		"calcurse (issue 15's figure)" "210–229"
	row "bytes written, page down in the task list (goal: 600) (demo DB)" "$d_pgdn" "" ""
	row "bytes written, opening / closing the progress form (goal: 1,200 each) (demo DB)" \
		"$(num "$d_form_open") / $(num "$d_form_close")" "" ""
else
	row "bytes written, scroll / page down / form (tests/bench/ttybytes.sh)" "failed (see build/bench/bench.log)" "" ""
fi

# Peak memory: GNU time's maximum resident set size, the program started in
# tmux, quit with q once its first screen is up; median of 3.
# rss FIRST LAST CMD -> KiB
rss() {
	for _ in 1 2 3; do
		sock=$out/tmux.rss
		rm -f "$out/rss"
		tmux -S "$sock" -f "$out/tmux.conf" new-session -d -x 80 -y 24 \
			"/usr/bin/time -f %M -o $out/rss $3; sleep 5"
		n=0
		until tmux -S "$sock" capture-pane -p | grep -q -- "$2"; do
			n=$((n + 1)); [ "$n" -gt 400 ] && break; sleep 0.05
		done
		sleep 0.3
		tmux -S "$sock" send-keys -t 0 q
		n=0
		while [ ! -s "$out/rss" ] && [ "$n" -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
		tmux -S "$sock" kill-server 2>/dev/null
		rm -f "$sock"
		tail -n 1 "$out/rss" 2>/dev/null
	done | median
}
note "measuring peak memory"
m_nat=$(rss ' tiendo |' 'F9Search' "$tiendo_ui")
m_demo=$(rss ' tiendo |' 'F9Search' "$bin -f $demo")
m_cal=$(rss 'Appointments' 'OtherCmd' "$calcurse_cmd")
m_dump=$( /usr/bin/time -f %M sqlite3 -csv "$db" "$q_rows" 2>&1 >/dev/null | tail -n 1)
m_ov=$( /usr/bin/time -f %M "$bin" -f "$db" 2>&1 >/dev/null | tail -n 1)
row "peak memory (max RSS), UI to first screen and quit" "$(num "$m_nat") KiB national DB; $(num "$m_demo") KiB demo DB" "calcurse, 1,000 todos" "$(num "$m_cal") KiB"
row "peak memory, command line" "$(num "$m_ov") KiB (overview, national DB)" "sqlite3 -csv dump of all rows" "$(num "$m_dump") KiB"

# ---------------------------------------------------------------- report
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
{
	echo "# tiendo benchmarks"
	echo
	echo "Machine: $(nproc) cores, $cpu, $mem RAM; $(. /etc/os-release && echo "$PRETTY_NAME"); $(date -u +%Y-%m-%d)."
	echo "Versions: tiendo $("$bin" --version 2>/dev/null | head -n 1 | awk '{ print $NF }'), $(sqlite3 --version | cut -d' ' -f1 | sed 's/^/SQLite /'),"
	echo "$(calcurse --version | head -n 1 | cut -d' ' -f1-2), $(hyperfine --version), $(tmux -V)."
	echo "Times are hyperfine medians of $runs runs; a ratio (**N×**) is the median of $rounds rounds (import: $import_rounds)"
	echo "that each run tiendo and its anchor one after the other (tests/bench/ratio.sh), with the lowest and highest"
	echo "round in brackets. Load average when the run began: $load0; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "Made by \`make bench\` (tests/bench/bench.sh)."
	echo
	echo "| measurement | tiendo | anchor | anchor figure |"
	echo "|---|---|---|---|"
	cat "$rows"
} >"$out/results.md"
rm -f "$out/hf.csv" "$out"/init.db* "$out"/load.db* "$out"/import-base.db* "$out/rss" "$out/export.csv" \
	"$out/consolidate.csv" "$out/mkreports" "$out"/import2.db* "$out"/anchor-*.csv \
	"$out"/deliver*.xlsx "$out"/deliver*.docx
cat "$out/results.md"
