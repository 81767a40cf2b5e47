#!/bin/bash
# SPDX-License-Identifier: MIT
# The first-run screen of tiendo.exe under wine, in a folder holding a folder
# named in Vietnamese ("Báo cáo tổng hợp": letters outside the ANSI code
# page) with the plan package in it, the database given with backslashes:
# the plans beside tiendo.exe are offered, the path prompt completes the
# Vietnamese names with Tab, the package opens,
# the unit is chosen, and the next start goes straight to the main screen.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed"; exit 0; fi
# tiendo.exe as the zip unpacks it: a plans folder beside it (the folder
# named in Vietnamese too).
mkdir -p "$T/Phần mềm/plans"
cp "$TIENDO" "$T/Phần mềm/tiendo.exe"
cp "$SRCDIR/data/plans/lang-son-2025.csv" "$T/Phần mềm/plans/"
EXE="$T/Phần mềm/tiendo.exe"
F="Báo cáo tổng hợp"
mkdir -p "$T/xa/$F" "$T/xa/Bản sao" && cd "$T/xa" || exit 1
wine "$EXE" -f "$T/dept.db" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null 2>&1
wine "$EXE" -f "$T/dept.db" export-plan -o "$F/kehoach_MINI-1_v1.csv" >/dev/null 2>&1
[ -f "$F/kehoach_MINI-1_v1.csv" ] && ok "the department's plan package, in \"$F\"" ||
	notok "the department's plan package, in \"$F\"" "$(ls -R)"
# ui_start runs "$TIENDO": make that wine with the .exe, in Vietnamese.
cat >"$T/tiendo-wine" <<RUN
#!/bin/sh
cd "$T/xa"
export WINEPREFIX="$WINEPREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="$WINEDLLOVERRIDES" TIENDO_LANG=vi
exec wine "$EXE" "\$@"
RUN
chmod +x "$T/tiendo-wine"
TIENDO="$T/tiendo-wine"
DB="$F\\xa.db"

# wait_exit NAME: the pane shows EXIT-STATUS:0 (wine's console leaves the
# last screen in place and the status line wraps: read joined lines).
wait_exit() {
	_n=600
	until tmux -L "$SOCK" capture-pane -p -J -t ui 2>/dev/null | tr -d '\n' | grep -q 'EXIT-STATUS:0'; do
		_n=$((_n - 1))
		[ "$_n" -gt 0 ] || break
		sleep 0.05
	done
	[ "$_n" -gt 0 ] && ok "$1" || notok "$1" "$(ui_screen)"
}

UI_TERM=xterm-256color ui_start 100 30 -f "$DB"
expect_screen "no database: the first-run screen" 'tiendo: bắt đầu sử dụng' 60
expect_screen "it offers the plans beside tiendo.exe" 'lang-son-2025\.csv +\(.*Phần mềm\\plans\)' 10
ui_text "Tệp khác"
ui_keys Enter
expect_screen "the path prompt" 'Gõ đường dẫn tệp kế hoạch' 10
# "b": Windows compares file names ignoring case (src/compat_name.c; failed
# when Tab compared bytes)
ui_text "b"
ui_keys Tab
expect_screen "Tab lists the two folders starting so, ignoring case" 'Bản sao  Báo cáo tổng hợp|Báo cáo tổng hợp  Bản sao' 10
ui_text "á"
ui_keys Tab
expect_screen "Tab completes the folder named in Vietnamese, with a backslash, written as it is" 'Báo cáo tổng hợp\\ *$' 10
ui_text "ke"
ui_keys Tab
expect_screen "then the package inside it" 'Báo cáo tổng hợp\\kehoach_MINI-1_v1\.csv' 10
ui_keys Enter
expect_screen "the package opens: my unit, from its units" 'Đơn vị của tôi' 10
ui_text "T-XA1"
ui_keys Enter
expect_screen "the main screen, on the chosen unit" 'Xã Đồng Hòa' 20
expect_screen "with its tasks" 'Nhiệm vụ' 10
ui_keys F10
wait_exit "F10 quits with status 0"
ui_stop
[ -f "$F/xa.db" ] && ok "the database is in \"$F\"" || notok "the database is in \"$F\"" "$(ls -R)"

# The second start: the database in the folder named in Vietnamese holds a
# plan, so the main screen comes at once (the ANSI stat found no file there
# and showed the first-run screen again).
UI_TERM=xterm-256color ui_start 100 30 -f "$DB"
expect_screen "the next start shows the main screen" 'Nhiệm vụ' 60
expect_no_screen "not the first-run screen" 'bắt đầu sử dụng'
ui_keys F10
wait_exit "F10 quits with status 0 again"
ui_stop
expect_eq "the database is intact" "ok" "$(sqlite3 "$F/xa.db" 'PRAGMA integrity_check')"
