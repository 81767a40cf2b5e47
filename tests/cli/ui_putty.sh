#!/bin/bash
# SPDX-License-Identifier: MIT
# PuTTY and KiTTY announce TERM=xterm but send their own sequences for F1-F12,
# Home and End (ESC[11~, ESC[1~, ESC[4~, or ESC[[A in Linux-console mode):
# tiendo must understand them whatever the terminfo entry says.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-XA1 >/dev/null

# raw SEQUENCE: send the bytes of an escape sequence as they come from PuTTY
# (ESC then the rest, in hex so that tmux passes them through untranslated).
raw() { ui_keys -H 1b $(printf '%s' "$1" | od -An -tx1); }

UI_TERM=xterm ui_start 80 24 -f "$DB"
expect_screen "started under TERM=xterm" 'Tasks \(3\)'

raw '[11~'
expect_screen "PuTTY F1 (ESC[11~) opens the help" 'tiendo help'
ui_keys Escape
expect_screen "help closed" 'Tasks \(3\)'

raw '[12~'
expect_screen "PuTTY F2 (ESC[12~) opens the unit chooser" 'T-XA1'
ui_keys Escape
expect_screen "unit chooser closed" 'Tasks \(3\)'

raw '[13~'
expect_screen "PuTTY F3 (ESC[13~) opens the view" 'Task 1a-1'
ui_keys Escape
expect_screen "view closed" 'Tasks \(3\)'

raw '[14~'
expect_screen "PuTTY F4 (ESC[14~) opens the form" 'Progress 1a-1'
ui_keys Escape
expect_screen "form closed" 'Tasks \(3\)'

raw '[4~'
raw '[13~'
expect_screen "PuTTY End (ESC[4~) goes to the last task" 'Task 1b-1'
ui_keys Escape
raw '[1~'
raw '[13~'
expect_screen "PuTTY Home (ESC[1~) goes back to the first task" 'Task 1a-1'
ui_keys Escape

raw '[[A'
expect_screen "Linux-console F1 (ESC[[A) opens the help" 'tiendo help'
ui_keys Escape
expect_screen "help closed again" 'Tasks \(3\)'

raw '[21~'
expect_screen "PuTTY F10 (ESC[21~) quits" 'EXIT-STATUS:0'
