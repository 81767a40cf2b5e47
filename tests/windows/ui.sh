#!/bin/bash
# SPDX-License-Identifier: MIT
# The interface of tiendo.exe under wine, in tmux: wine's console (conhost)
# draws the ncurses win32con screen on the terminal. Vietnamese must show
# as Vietnamese, keys must arrive, F10 must quit.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed"; exit 0; fi
EXE=$TIENDO
cd "$T" || exit 1
cp "$SRCDIR/tests/data/mini.csv" mini.csv
wine "$EXE" -f ui.db init --plan mini.csv --unit T-XA1 >/dev/null 2>&1
# ui_start runs "$TIENDO": make that wine with the .exe, in Vietnamese.
cat >"$T/tiendo-wine" <<RUN
#!/bin/sh
cd "$T"
export WINEPREFIX="$WINEPREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="$WINEDLLOVERRIDES" TIENDO_LANG=vi
exec wine "$EXE" "\$@"
RUN
chmod +x "$T/tiendo-wine"
TIENDO="$T/tiendo-wine"
UI_TERM=xterm-256color ui_start 100 30 -f ui.db
expect_screen "the interface draws \"Nhiệm vụ\" (Vietnamese on the console)" 'Nhiệm vụ' 60
expect_screen "task titles in Vietnamese" 'Đẩy mạnh truyền thông' 10
ui_keys F1
expect_screen "F1 opens the help" 'tiendo' 10
ui_keys Escape
ui_keys F10
expect_screen "F10 quits with status 0" 'EXIT-STATUS:0' 30
