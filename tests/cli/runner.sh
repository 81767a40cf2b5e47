#!/bin/bash
# SPDX-License-Identifier: MIT
# The test harness itself: tests/run.sh shows a failing test's "not ok" lines
# first and in full, whatever else it printed, and lists every failed check
# again before its last line; the UI helpers (tests/ui_lib.sh) start each
# interface in a tmux server of its own and end every program they started.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"

# --- the runner, on a tree of made-up tests ---
R="$T/tree"
mkdir -p "$R/tests/cli" "$R/build/tests"
cp "$SRCDIR/tests/run.sh" "$SRCDIR/tests/lib.sh" "$R/tests/"
cat >"$R/tests/cli/a_pass.sh" <<'EOF'
echo "ok - one"
echo "ok - two"
EOF
# 70 lines of noise before the failing checks, as the UI test printed when
# its tmux server went away ("no server running" on every later command).
cat >"$R/tests/cli/b_fail.sh" <<'EOF'
echo "ok - started"
echo "server exited unexpectedly"
for i in $(seq 1 70); do echo "no server running on /tmp/tmux-0/x"; done
echo "not ok - the task pane shows the commune's tasks (a name longer than sixty characters to be cut nowhere)"
echo "#   screen does not show /Tasks/"
echo "not ok - the second failed check"
EOF
cat >"$R/tests/cli/c_status.sh" <<'EOF'
echo "ok - fine so far"
exit 3
EOF
# A test that leaves a program running behind it (its pid in a file).
cat >"$R/tests/cli/d_orphan.sh" <<ORPHAN
sleep 300 &
echo \$! >"$T/orphan.pid"
echo "ok - started something"
ORPHAN
RUN_LEFTOVER_SECONDS=1 sh "$R/tests/run.sh" "$R/build" /bin/true fake >"$T/run.out" 2>&1
expect_eq "runner: exit status 1 when a check failed" 1 "$?"
expect_eq "runner: last line counts every check" "fake: 5 passed, 4 failed" "$(tail -n 1 "$T/run.out")"
orphan=$(cat "$T/orphan.pid")
expect_grep "runner: a program a test left running is a failed check" \
	"^    not ok - cli/d_orphan left a program running: +$orphan sleep 300" "$T/run.out"
if ! ui_starttime "$orphan" >/dev/null; then ok "runner: and it is ended"; else
	notok "runner: and it is ended"
	kill "$orphan"
fi
# The lines of b_fail's block, after its result line.
awk '/cli\/b_fail/ { on = 1; next } on && /^fake: / { exit } on' "$T/run.out" >"$T/block"
expect_eq "runner: a failing test's first line is its first not-ok line, in full" \
	"    not ok - the task pane shows the commune's tasks (a name longer than sixty characters to be cut nowhere)" \
	"$(head -n 1 "$T/block")"
expect_eq "runner: then its second not-ok line" "    not ok - the second failed check" "$(sed -n 2p "$T/block")"
expect_grep "runner: the rest of its output follows, cut" 'its other output \(72 lines, the first 60\)' "$T/block"
expect_grep "runner: a non-zero exit without a not-ok line is a failure" \
	'^    not ok - cli/c_status exited with status 3$' "$T/run.out"
# The list of failed checks, just before the last line.
tail -n 6 "$T/run.out" | sed 's/running: .*/running: .../' >"$T/tail"
expect_eq "runner: the failed checks listed again at the end" \
	"fake: failed checks:
  not ok - fake: cli/b_fail: the task pane shows the commune's tasks (a name longer than sixty characters to be cut nowhere)
  not ok - fake: cli/b_fail: the second failed check
  not ok - fake: cli/c_status: cli/c_status exited with status 3
  not ok - fake: cli/d_orphan: cli/d_orphan left a program running: ...
fake: 5 passed, 4 failed" "$(cat "$T/tail")"
expect_eq "runner: a passing test is one line" "1" "$(grep -c 'cli/a_pass' "$T/run.out")"

# --- the UI helpers: a new server for each start, programs ended by pid ---
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
# A stand-in for tiendo that draws one word and stays until its terminal closes.
cat >"$T/fake-tiendo" <<'EOF'
#!/bin/sh
echo "Tasks ($$)"
exec sleep 300
EOF
chmod +x "$T/fake-tiendo"
real_tiendo=$TIENDO
TIENDO="$T/fake-tiendo"
# Closing a tmux server and starting the next one at once on the same socket
# failed about one time in three ("server exited unexpectedly"); the UI tests
# closed the server themselves before the next ui_start.
bad=0 socks=""
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
	tmux -L "$SOCK" kill-server 2>/dev/null
	ui_start 80 24
	ui_screen 2>&1 | grep -q "Tasks (" || bad=$((bad + 1))
	socks="$socks $SOCK"
done
expect_eq "ui_start twelve times in a row: each one's screen is there" 0 "$bad"
expect_eq "each ui_start has its own tmux socket" 12 "$(echo $socks | tr ' ' '\n' | sort -u | wc -l)"
pid=$(ui_tiendo_pid)
pane=$(awk '$3 == "pane" { p = $1 } END { print p }' "$UI_PIDS")
ui_stop >"$T/stop.out"
expect_eq "ui_stop: no complaint when everything ended" "" "$(cat "$T/stop.out")"
# gone PID: the process has ended (a zombie has: only its parent has not read its status).
gone() { ! ui_starttime "$1" >/dev/null; }
gone "$pid" && ok "ui_stop: the program has ended when it returns" ||
	notok "ui_stop: the program has ended when it returns" "$(ps -o pid,stat,args -p "$pid")"
gone "$pane" && ok "ui_stop: the pane's shell has ended too" || notok "ui_stop: the pane's shell has ended too"
[ ! -e "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$(echo $socks | tr ' ' '\n' | tail -n 1)" ] &&
	ok "ui_stop: the socket file is removed" || notok "ui_stop: the socket file is removed"

# A program that ignores the hang-up (as a sanitizer build stuck in its exit
# check did, orphaned for minutes): reported by name and pid, then killed.
cat >"$T/fake-tiendo" <<'EOF'
#!/bin/sh
trap '' HUP
echo "Tasks ($$)"
exec sleep 300
EOF
ui_start 80 24
pid=$(ui_tiendo_pid)
UI_END_SECONDS=1 ui_stop >"$T/stop.out"
expect_grep "ui_stop: a program still running is a failed check naming it" \
	"^not ok - tiendo \\(pid $pid\\) ended within 1 s of its terminal closing" "$T/stop.out"
sleep 0.2
gone "$pid" && ok "ui_stop: and it is killed" || notok "ui_stop: and it is killed" "$(ps -o pid,stat,args -p "$pid")"
# A program still ending when its terminal closes: when the pane's shell (the
# terminal's session leader) exits after a hang-up, the kernel sends SIGHUP
# and SIGCONT to the terminal's foreground group. A SIGCONT that reaches a
# sanitizer build inside LeakSanitizer's exit-time check cancels the SIGSTOP
# of its PTRACE_ATTACH, and the check then waits for that stop forever (seen:
# orphaned, spinning for minutes). The pane's shell passes the hang-up on as a
# login shell does and ends only after the program has ended.
cat >"$T/fake-tiendo" <<EOF
#!/bin/sh
trap 'echo HUP >>"$T/signals"' HUP
trap 'echo CONT >>"$T/signals"' CONT
echo "Tasks (\$\$)"
while read -r _; do :; done # until the terminal closes
sleep 1 # as long as the sanitizer's exit check may take
echo END >>"$T/signals"
EOF
: >"$T/signals"
ui_start 80 24
ui_stop >"$T/stop.out"
expect_eq "ui_stop: a program slow to end is waited for" "" "$(cat "$T/stop.out")"
expect_grep "ui_stop: the program gets the hang-up (SIGHUP)" '^HUP$' "$T/signals"
expect_no_grep "ui_stop: no SIGCONT reaches a program still ending after its terminal closed" '^CONT$' "$T/signals"
expect_grep "ui_stop: and it ends by itself" '^END$' "$T/signals"
TIENDO=$real_tiendo
