# SPDX-License-Identifier: MIT
# UI test helpers: run tiendo in a private tmux server at a fixed size, type
# with send-keys, read the screen with capture-pane. Sourced after lib.sh.
#
# Every ui_start gets a tmux server of its own (socket tiendo-test-PID-N in
# $SOCK): a new server never meets an old one that is still shutting down
# (new-session then failed with "server exited unexpectedly" and every later
# command with "no server running"). ui_stop closes the server and waits, by
# pid, until it and every program the test ran in it (tiendo, the pane's
# shell) have ended; one that does not end is killed and reported as a
# failed check. The same happens when the test exits.

UI_N=0
SOCK="tiendo-test-$$-$UI_N"
UI_PIDS="$T/ui-pids" # "PID STARTTIME WHAT" for each program started in a pane
: >"$UI_PIDS"
trap 'ui_stop; rm -rf "$T"' EXIT

# ui_starttime PID: the process's start time (field 22 of /proc/PID/stat),
# which tells it from a later process that got the same pid.
ui_starttime() {
	_st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	set -- ${_st##*) }
	case $1 in Z | X) return 1 ;; esac # ended, not yet reaped
	shift 19
	echo "$1"
}

# $T/ui-track.sh WHAT CMD ARGS...: note this process in $UI_PIDS, then become
# CMD (the same pid).
{
	echo '#!/bin/sh'
	echo "UI_PIDS='$UI_PIDS'"
	type ui_starttime | tail -n +2
	cat <<'TRACK'
what=$1
shift
echo "$$ $(ui_starttime $$) $what" >>"$UI_PIDS"
exec "$@"
TRACK
} >"$T/ui-track.sh"
chmod +x "$T/ui-track.sh"

# ui_wait_gone PID STARTTIME SECONDS: wait until the process has ended.
ui_wait_gone() {
	_g=$(($3 * 20))
	while [ "$(ui_starttime "$1")" = "$2" ]; do
		[ "$_g" -gt 0 ] || return 1
		sleep 0.05
		_g=$((_g - 1))
	done
	return 0
}

# The pane's shell (ui-run.sh) outlives tiendo. When a terminal closes, the
# kernel sends SIGHUP and SIGCONT to its session leader (the pane's shell)
# and, when that leader exits, SIGHUP and SIGCONT to the terminal's
# foreground group (tiendo's). tiendo is often already ending by then (its
# read of the closed terminal failed first). In the sanitizer build it ends
# in LeakSanitizer's exit check, which stops the process by PTRACE_ATTACH
# and waits for the SIGSTOP that sends; a SIGCONT arriving in between
# cancels that SIGSTOP (the kernel drops pending stop signals on SIGCONT) and
# the check waits forever, spinning at full CPU, orphaned (seen for minutes
# under load; FACTS.md). The program cannot prevent it (blocking or
# ignoring SIGCONT does not keep the kernel from dropping the stop), so the
# pane's shell, instead of dying on the hang-up, passes the SIGHUP on to
# tiendo as a login shell does and exits only after tiendo has ended: tiendo
# still gets both the closed terminal and a SIGHUP, leak checks stay on, and
# the kernel's SIGCONT meets no running program.

# ui_stop: close the tmux server of the last ui_start (its programs get
# SIGHUP, as when a terminal window is closed) and wait until the server and
# every program started in it have ended; the next ui_start uses a new socket.
# UI_END_SECONDS (30) is how long a program may take to end.
ui_stop() {
	_srv=$(tmux -L "$SOCK" display -p '#{pid} #{socket_path}' 2>/dev/null)
	_path=${_srv#* } _srv=${_srv%% *}
	_srv_start=
	[ -z "$_srv" ] || _srv_start=$(ui_starttime "$_srv")
	tmux -L "$SOCK" kill-server 2>/dev/null
	if [ -n "$_srv_start" ] && ! ui_wait_gone "$_srv" "$_srv_start" 20; then
		kill -KILL "$_srv" 2>/dev/null
		notok "tmux server $SOCK (pid $_srv) ended when told to"
	fi
	[ -z "$_srv" ] || rm -f "$_path"
	# The last started first: a pane's shell waits for its tiendo.
	while read -r _pid _start _what; do
		ui_wait_gone "$_pid" "$_start" "${UI_END_SECONDS:-30}" && continue
		notok "$_what (pid $_pid) ended within ${UI_END_SECONDS:-30} s of its terminal closing" \
			"$(ps -o pid,ppid,stat,etime,args -p "$_pid" 2>/dev/null)"
		kill -KILL "$_pid" 2>/dev/null
	done <<EOF
$(tac "$UI_PIDS")
EOF
	: >"$UI_PIDS"
	for _f in "$T"/san.*; do
		[ -e "$_f" ] || continue
		notok "no sanitizer report from the program in the terminal" "$(head -n 30 "$_f")"
		rm -f "$_f"
	done
	UI_N=$((UI_N + 1))
	SOCK="tiendo-test-$$-$UI_N"
}

# ui_tiendo_pid: the pid of the last tiendo started in a pane.
ui_tiendo_pid() { awk '$3 == "tiendo" { p = $1 } END { print p }' "$UI_PIDS"; }

# ui_start COLS ROWS ARGS...: start tiendo (with ARGS) in a fresh session.
ui_start() {
	_cols=$1 _rows=$2; shift 2
	ui_stop
	printf '%s\n' "$@" >"$T/ui-args"
	# The pane's shell is the terminal's session leader. It starts tiendo in
	# the background (on the terminal, with the signals a foreground program
	# has), passes a hang-up on to it as a login shell does and ends only after
	# it: see "The pane's shell" above.
	cat >"$T/ui-run.sh" <<RUN
#!/bin/sh
export TERM=${UI_TERM:-screen} LANG=\${UI_LANG:-C.UTF-8} LC_ALL= TIENDO_LANG=en TIENDO_NOW=$TIENDO_NOW HOME="$HOME"
# A sanitizer's report goes to a file ui_stop reads: on the screen it was
# gone with the pane, and a program ended by a hang-up has no status to check.
export ASAN_OPTIONS="\${ASAN_OPTIONS:-}:log_path=$T/san" UBSAN_OPTIONS="\${UBSAN_OPTIONS:-}:log_path=$T/san"
unset NO_COLOR
exec 3<&0
env --default-signal=INT,QUIT "$T/ui-track.sh" tiendo "$TIENDO" "\$@" 0<&3 3<&- &
pid=\$!
exec 3<&-
# The terminal's Ctrl-C and Ctrl-\\ are for tiendo: this shell stays, as an
# interactive shell or cmd.exe does while a program runs (under wine the
# console keeps ISIG on: dying here hung up the terminal, and the SIGHUP
# killed tiendo.exe before its Ctrl-C handler could keep the form's draft).
trap '' INT QUIT
trap 'kill -HUP \$pid 2>/dev/null' HUP
# wait returns above 128 when a trapped signal interrupts it: wait again.
while wait \$pid; st=\$?; [ \$st -gt 128 ] && kill -0 \$pid 2>/dev/null; do :; done
trap 'exit 0' HUP
[ -t 1 ] || exit 0 # the terminal has closed: nothing to show
echo "EXIT-STATUS:\$st"
# Stay to show it until the terminal closes. A hang-up that came before the
# trap above was spent on the old trap: then -t fails within a second.
n=0
while [ \$n -lt 60 ] && [ -t 1 ]; do sleep 1; n=\$((n + 1)); done
RUN
	chmod +x "$T/ui-run.sh"
	# shellcheck disable=SC2046
	tmux -L "$SOCK" -f /dev/null new-session -d -x "$_cols" -y "$_rows" -s ui \
		"UI_LANG=${UI_LANG:-C.UTF-8} $T/ui-track.sh pane $T/ui-run.sh $(printf '%q ' "$@")"
	tmux -L "$SOCK" set-option -t ui status off >/dev/null
	tmux -L "$SOCK" resize-window -t ui -x "$_cols" -y "$_rows" 2>/dev/null
	# Keys typed before the program has switched the terminal to keypad mode
	# arrive in another form: wait until it has drawn (or stopped).
	ui_wait 'Tasks|Nhiệm vụ|too small|EXIT-STATUS' 20 || true
}

ui_screen() { tmux -L "$SOCK" capture-pane -p -t ui; }
ui_keys() { tmux -L "$SOCK" send-keys -t ui "$@"; }
ui_text() { tmux -L "$SOCK" send-keys -t ui -l -- "$1"; }

# ui_wait PATTERN [SECONDS]: wait until the screen shows an extended regex.
ui_wait() {
	_n=$(( ${2:-10} * 20 ))
	while [ "$_n" -gt 0 ]; do
		ui_screen | grep -Eq -- "$1" && return 0
		sleep 0.05
		_n=$((_n - 1))
	done
	return 1
}

# expect_screen NAME PATTERN: the screen shows PATTERN (waiting a little).
expect_screen() {
	if ui_wait "$2" "${3:-10}"; then ok "$1"; else
		notok "$1" "screen does not show /$2/:
$(ui_screen)"; fi
}

expect_no_screen() {
	sleep 0.3
	if ui_screen | grep -Eq -- "$2"; then notok "$1" "screen shows /$2/:
$(ui_screen)"; else ok "$1"; fi
}

ui_pid() { tmux -L "$SOCK" list-panes -t ui -F '#{pane_pid}'; }
