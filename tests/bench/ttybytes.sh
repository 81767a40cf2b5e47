#!/bin/sh
# SPDX-License-Identifier: MIT
# Bytes a program writes to an 80x24 terminal (TERM=screen) for each step a
# clerk takes, counted by `tmux pipe-pane`: the first screen, one cursor move
# in the task list, scrolling it one line (the first scroll, then the most of
# the next three that scroll one line; scroll2: one of them that scrolls two,
# a section's heading with its first task), page down, 1 s idle, then, in one unit's view, opening the
# progress form and closing it. A step is over when the screen has changed
# and nothing more has been written for 0.4 s; bytes are deterministic for a
# given TERM and size, so the figures are exact, whatever the load.
# Used by tests/cli/ui_bytes.sh (bounds) and tests/bench/bench.sh (figures).
#
# Usage: tests/bench/ttybytes.sh OUTDIR UNIT-TEXT COMMAND
#   UNIT-TEXT: typed into F2's unit chooser (the form needs one unit); empty
#   when the program starts on a unit already.
# Prints one line: first=N move=N scroll1=N scroll=N scroll2=N pgdn=N idle=N
# form_open=N form_close=N. Exits 1 (with the screen on stderr) when a step
# did not show what it should.
out=$1 unit=$2 cmd=$3
mkdir -p "$out"
sock="$out/tmux.$$"
f="$out/tty.out"
: >"$f"
tm() { tmux -S "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -f "$sock"' EXIT
tm -f /dev/null new-session -d -x 80 -y 24 "TERM=screen; export TERM; sleep 0.5; exec $cmd" || exit 1
tm set-option -t 0 status off >/dev/null
tm pipe-pane -o -t 0 "cat >>'$f'"

size() { stat -c %s "$f"; }
screen() { tm capture-pane -p -t 0 2>/dev/null; }
# with attributes: a cursor move may change only the reverse video
screen_attr() { tm capture-pane -e -p -t 0 2>/dev/null; }
fail() {
	echo "ttybytes: $1; the screen:" >&2
	screen >&2
	exit 1
}
# wait_for ERE: until the screen shows it (20 s at most).
wait_for() {
	n=0
	until screen | grep -Eq -- "$1"; do
		n=$((n + 1))
		[ "$n" -gt 400 ] && fail "no /$1/ on the screen"
		sleep 0.05
	done
}
# settle: until nothing has been written for 0.4 s.
settle() {
	s=$(size)
	while :; do
		sleep 0.4
		t=$(size)
		[ "$t" = "$s" ] && return
		s=$t
	done
}
# step KEY [ERE]: send KEY, wait until the screen changes (and shows ERE),
# then until the output settles; B is the bytes written.
step() {
	before=$(screen_attr)
	a=$(size)
	tm send-keys -t 0 "$1"
	n=0
	while [ "$(screen_attr)" = "$before" ]; do
		n=$((n + 1))
		[ "$n" -gt 400 ] && fail "key $1 changed nothing"
		sleep 0.05
	done
	[ -z "${2:-}" ] || wait_for "$2"
	settle
	B=$(($(size) - a))
}
# first list row of the task pane (screen line 3)
top_row() { screen | sed -n 3p; }

wait_for 'F1Help'
settle
first=$(size)
step Down
move=$B
# Down until the list scrolls (its first row changes), then three more.
n=0 scroll1=
while [ -z "$scroll1" ]; do
	r=$(top_row)
	step Down
	[ "$(top_row)" != "$r" ] && scroll1=$B
	n=$((n + 1))
	[ "$n" -gt 40 ] && fail "the task list never scrolled"
done
# A Down that brings a section's heading into view scrolls two lines (the
# heading and the section's first task): counted apart, as scroll2.
scroll=0 scroll2=0
for _ in 1 2 3; do
	r=$(top_row)
	old=$(screen | sed -n '3,$p' | cut -c1-12) # the list's own columns
	step Down
	[ "$(top_row)" = "$r" ] && fail "Down at the bottom of the page did not scroll"
	lines=$(printf '%s\n' "$old" | grep -nxF -- "$(top_row | cut -c1-12)" | head -1 | cut -d: -f1)
	lines=$((${lines:-0} - 1))
	if [ "$lines" = 1 ]; then
		[ "$B" -gt "$scroll" ] && scroll=$B
	elif [ "$B" -gt "$scroll2" ]; then
		scroll2=$B
	fi
done
[ "$scroll" -gt 0 ] || fail "none of the three Downs scrolled one line"
step NPage
pgdn=$B
a=$(size)
sleep 1
idle=$(($(size) - a))
if [ -n "$unit" ]; then
	tm send-keys -t 0 F2
	wait_for 'Unit'
	tm send-keys -t 0 -l -- "$unit"
	sleep 0.3
	tm send-keys -t 0 Enter
	wait_for "Unit: [^|]*$unit|Unit: [^a]"
	tm send-keys -t 0 Home
	settle
fi
step Enter 'Progress '
form_open=$B
step Escape
form_close=$B
screen | grep -q 'Progress ' && fail "Esc did not close the form"
# Quit with q and wait for the program to end (a program that would only get
# the hang-up of kill-server may hang in a sanitizer build: tests/ui_lib.sh).
pid=$(tm display-message -p -t 0 '#{pane_pid}')
tm send-keys -t 0 q
n=0
while kill -0 "$pid" 2>/dev/null; do
	n=$((n + 1))
	if [ "$n" -gt 600 ]; then
		kill -KILL "$pid"
		fail "the program did not end within 30 s of q"
	fi
	sleep 0.05
done
echo "first=$first move=$move scroll1=$scroll1 scroll=$scroll scroll2=$scroll2 pgdn=$pgdn idle=$idle form_open=$form_open form_close=$form_close"
