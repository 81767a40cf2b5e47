#!/bin/sh
# SPDX-License-Identifier: MIT
# Wait (at most 5 s) until the process whose pid PIDFILE holds has ended, so
# that one benchmark run does not overlap the end of the previous one.
# Usage: tests/bench/gone.sh PIDFILE
p=$(cat "$1" 2>/dev/null)
rm -f "$1"
case $p in '' | *[!0-9]*) exit 0 ;; esac
n=0
while [ -d "/proc/$p" ] && [ "$n" -lt 500 ]; do
	# a zombie has ended: only its parent has not read its status yet
	case $(cat "/proc/$p/stat" 2>/dev/null) in *") Z "*) exit 0 ;; esac
	sleep 0.01
	n=$((n + 1))
done
exit 0
