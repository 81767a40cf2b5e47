# SPDX-License-Identifier: MIT
# Shared helpers for the shell tests in tests/cli: each check prints one TAP
# line ("ok - NAME" or "not ok - NAME" plus indented detail); tests/run.sh counts them.
#
# Environment (set by tests/run.sh): TIENDO = the binary under test, SRCDIR = the
# repository root. Each test script gets its own scratch directory $T.
#
# The runners (tests/run.sh, tests/fault/run.sh) source this file with
# TEST_RUNNER=1: they get run_one and run_summary below and no scratch set-up.

set -u
if [ -z "${TEST_RUNNER:-}" ]; then
	: "${TIENDO:?TIENDO must name the tiendo binary}"
	: "${SRCDIR:?SRCDIR must name the repository root}"
	T=$(mktemp -d "${TMPDIR:-/tmp}/tiendo-test.XXXXXX")
	trap 'rm -rf "$T"' EXIT
	# Tests see English messages and a fixed clock unless they say otherwise.
	export TIENDO_LANG=en TIENDO_NOW=2026-03-15T09:00:00Z
	unset TIENDO_DB XDG_DATA_HOME
	export HOME="$T/home"
	mkdir -p "$HOME"
fi

ok() { printf 'ok - %s\n' "$1"; }
notok() {
	printf 'not ok - %s\n' "$1"
	if [ $# -gt 1 ]; then printf '%s\n' "$2" | head -n 40 | sed 's/^/#   /'; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "expected: $2
     got: $3"; fi
}

# expect_exit NAME CODE CMD...: run CMD, require exit status CODE.
# Its stdout and stderr are left in $T/out and $T/err for further checks.
expect_exit() {
	_name=$1 _code=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	_rc=$?
	if grep -qE 'Sanitizer|runtime error:' "$T/err"; then
		notok "$_name" "sanitizer report:
$(head -c 3000 "$T/err")"
	elif [ "$_rc" -eq "$_code" ]; then ok "$_name"; else
		notok "$_name" "exit $_rc, expected $_code
stdout: $(head -c 2000 "$T/out")
stderr: $(head -c 2000 "$T/err")"; fi
}

# expect_grep NAME PATTERN FILE: an extended regex must match a line of FILE.
expect_grep() {
	if grep -Eq -- "$2" "$3"; then ok "$1"; else
		notok "$1" "no line matches /$2/ in $3:
$(head -c 2000 "$3")"; fi
}

# expect_no_grep NAME PATTERN FILE: no line of FILE may match.
expect_no_grep() {
	if grep -Eq -- "$2" "$3"; then notok "$1" "unexpected match /$2/:
$(grep -E -- "$2" "$3" | head -n 5)"; else ok "$1"; fi
}

# expect_file NAME EXPECTED_FILE ACTUAL_FILE: contents must be identical.
expect_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		notok "$1" "$(diff -u "$2" "$3" | head -n 40)"; fi
}

# field N LINE: print the N-th tab-separated field of LINE.
field() { printf '%s\n' "$2" | cut -f "$1"; }

# tdo ARGS...: the tiendo under test.
tdo() { "$TIENDO" "$@"; }
# entry_col DB UNIT TASK PERIOD COLUMN: one column of an entry, straight from the database.
entry_col() {
	sqlite3 "$1" "SELECT $5 FROM progress p JOIN unit u ON u.id = p.unit_id JOIN task t ON t.id = p.task_id WHERE u.code = '$2' AND t.code = '$3' AND p.period = '$4'"
}

# row CODE FILE: the first line of FILE whose first tab-separated field is CODE.
row() { awk -F '\t' -v c="$1" '$1 == c { print; exit }' "$2"; }
# lines FILE: the number of lines of FILE.
lines() { grep -c '' "$1"; }

# --- the runners: run a test program, count its TAP lines, show failures ---
#
# run_one NAME CMD...: run CMD (a test script or unit test), add its "ok" and
# "not ok" lines to the counts. A failing test is shown with its "not ok"
# lines first, every one in full, then at most 60 other lines of its output
# (detail, "#" notes, whatever else it printed). A test that exits non-zero
# or prints no check counts as one failure. The names of all failed checks
# are listed again by run_summary. Set before the first call:
#   run_label   printed before each result line ("normal", "fault"...)
#   run_notes   when 1, the "#" lines of a passing test are shown too
run_label=${run_label:-test} run_notes=${run_notes:-0}
run_passed=0 run_failed=0
if [ -n "${TEST_RUNNER:-}" ]; then
	run_out=$(mktemp "${TMPDIR:-/tmp}/tiendo-run.XXXXXX")
	run_fails=$(mktemp "${TMPDIR:-/tmp}/tiendo-fails.XXXXXX")
	trap 'rm -f "$run_out" "$run_fails"' EXIT
fi
run_one() {
	_rname=$1; shift
	_rstart=$(date +%s)
	_rmark="$run_label:$_rname:$$:$_rstart"
	TIENDO_TEST_RUN=$_rmark "$@" >"$run_out" 2>&1 </dev/null
	_rrc=$?
	_rsecs=$(($(date +%s) - _rstart))
	run_leftovers "$_rname" "$_rmark" >>"$run_out"
	_rp=$(grep -c '^ok - ' "$run_out")
	_rf=$(grep -c '^not ok - ' "$run_out")
	if [ "$_rrc" -ne 0 ] && [ "$_rf" -eq 0 ]; then
		_rf=1
		echo "not ok - $_rname exited with status $_rrc" >>"$run_out"
	fi
	if [ "$_rp" -eq 0 ] && [ "$_rf" -eq 0 ]; then
		_rf=1
		echo "not ok - $_rname ran no check" >>"$run_out"
	fi
	run_passed=$((run_passed + _rp))
	run_failed=$((run_failed + _rf))
	if [ "$_rf" -gt 0 ]; then
		printf '%s: %-34s %3d passed, %d FAILED (%d s)\n' "$run_label" "$_rname" "$_rp" "$_rf" "$_rsecs"
		grep '^not ok - ' "$run_out" | sed 's/^/    /'
		grep '^not ok - ' "$run_out" | sed "s|^not ok - |$run_label: $_rname: |" >>"$run_fails"
		_rrest=$(grep -vc -e '^ok - ' -e '^not ok - ' "$run_out")
		if [ "$_rrest" -gt 0 ]; then
			echo "    --- its other output ($_rrest lines, the first 60):"
			grep -v -e '^ok - ' -e '^not ok - ' "$run_out" | head -n 60 | sed 's/^/    /'
		fi
	else
		printf '%s: %-34s %3d passed (%d s)\n' "$run_label" "$_rname" "$_rp" "$_rsecs"
		[ "$run_notes" != 1 ] || grep '^# ' "$run_out" | sed 's/^/    /'
	fi
	return 0
}

# run_leftovers NAME MARK: every program a test started must have ended when
# it returns (a sanitizer build left running in the background was once
# found spinning for minutes). Its programs carry TIENDO_TEST_RUN=MARK in
# their environment, tmux servers and what they run included; one still
# there after RUN_LEFTOVER_SECONDS (10) is a failed check, and is killed.
run_leftovers() {
	_lw=$((${RUN_LEFTOVER_SECONDS:-10} * 10))
	while :; do
		_left=$(grep -lzx "TIENDO_TEST_RUN=$2" /proc/[0-9]*/environ 2>/dev/null |
			sed 's|^/proc/\([0-9]*\)/environ$|\1|')
		[ -n "$_left" ] && [ "$_lw" -gt 0 ] || break
		sleep 0.1
		_lw=$((_lw - 1))
	done
	for _lp in $_left; do
		echo "not ok - $1 left a program running: $(ps -o pid=,args= -p "$_lp" 2>/dev/null | cut -c1-200)"
		kill -KILL "$_lp" 2>/dev/null
	done
}

# run_summary: the failed checks again, one line each, then the last line
# "LABEL: N passed, M failed" (tests/check.sh reads it). Status 1 on a failure.
run_summary() {
	if [ -s "$run_fails" ]; then
		echo "$run_label: failed checks:"
		sed 's/^/  not ok - /' "$run_fails"
	fi
	echo "$run_label: $run_passed passed, $run_failed failed"
	[ "$run_failed" -eq 0 ]
}

# tally LOGFILE: add the counts of LOGFILE's last line ("...: N passed, M failed")
# to tally_p and tally_f; a missing summary line counts as a failure.
tally_p=0 tally_f=0
tally() {
	_tline=$(tail -n 1 "$1")
	_tp=$(echo "$_tline" | sed -n 's/^\(.*[^0-9]\)\{0,1\}\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
	_tf=$(echo "$_tline" | sed -n 's/^\(.*[^0-9]\)\{0,1\}\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\3/p')
	[ -n "$_tp" ] || { _tp=0; _tf=1; echo "(no summary line in $1: counted as a failure)"; }
	tally_p=$((tally_p + _tp))
	tally_f=$((tally_f + _tf))
}
