#!/bin/sh
# SPDX-License-Identifier: MIT
# Time-to-first-screen harness for hyperfine: start COMMAND in a fresh tmux
# server at 80x24 and return as soon as the screen shows FIRST and, after it,
# LAST (a word of the top line and one of the bottom line: a curses program
# paints its first screen in one update, so both together mean it is whole).
# The same harness with a command that prints the two words at once gives the
# cost of tmux itself, which bench.sh subtracts.
# The program dies with its tmux server (SIGHUP) after the clock stops; its
# pid is left in PIDFILE so that the next run can wait for it to be gone
# (tests/bench/gone.sh, as hyperfine's --prepare).
# Usage: tests/bench/screen.sh SOCKET CONF PIDFILE FIRST LAST COMMAND
sock=$1.$$ conf=$2 pidfile=$3 first=$4 last=$5 cmd=$6
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -f "$sock"' EXIT
tmux -S "$sock" -f "$conf" new-session -d -x 80 -y 24 "$cmd" || exit 1
n=0
while :; do
	s=$(tmux -S "$sock" capture-pane -p 2>/dev/null) || {
		echo "screen.sh: '$cmd' ended before its first screen" >&2
		exit 1
	}
	case $s in *"$first"*"$last"*) break ;; esac
	n=$((n + 1))
	if [ "$n" -gt 20000 ]; then
		echo "screen.sh: no '$first' ... '$last' on the screen:" >&2
		printf '%s\n' "$s" >&2
		exit 1
	fi
done
tmux -S "$sock" display-message -p -t 0 '#{pane_pid}' >"$pidfile" 2>/dev/null
exit 0
