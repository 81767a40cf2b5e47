#!/bin/bash
# SPDX-License-Identifier: MIT
# A commune clerk's first hour without a command line (issue 12): tmux starts
# tiendo in an empty folder that has just received the department's plan
# package; the clerk chooses it on the first-run screen, adds the new commune
# (its name typed with Telex), enters progress for three tasks and exports the
# Excel flavour, all with keys. The department then imports the file.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi

# The department makes the plan package; the clerk receives it (by mail, USB).
"$TIENDO" -f "$T/dept.db" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
"$TIENDO" -f "$T/dept.db" export-plan -o "$T/kehoach_MINI-1_v1.csv" >/dev/null
mkdir -p "$T/xa" && cp "$T/kehoach_MINI-1_v1.csv" "$T/xa/" && cd "$T/xa" || exit 1
unset TIENDO_EXPORT_DIR

ui_start 80 24 -f "$T/xa/tiendo.db"
expect_screen "no database: the first-run screen" 'tiendo: first run'
expect_screen "it offers the package received in this folder" 'kehoach_MINI-1_v1\.csv'
ui_keys Enter
expect_screen "then my unit, from the package's units" 'My unit'
expect_screen "the units are listed by name" 'Xã Đồng Hòa \(T-XA1\)'
ui_text "not in"
expect_screen "a filter keeps the entry for a new unit" 'My unit is not in the list'
ui_keys Enter
expect_screen "a new unit: its name, typed with Telex" '\[TELEX\] Name of your unit'
ui_text "Xax Ddoongf Tieens"
expect_screen "Telex turns the keys into Vietnamese" 'Xã Đồng Tiến'
ui_keys Enter
expect_screen "its kind" 'Kind of Xã Đồng Tiến'
ui_keys Enter
expect_screen "its parent, from the plan's units" 'Xã Đồng Tiến is under'
expect_screen "the plan's issuer (the province) first" '│Ủy ban nhân dân tỉnh Thử \(T-UBND\)'
ui_keys Enter
expect_screen "a code is suggested" 'Its code.*T-XA-DONGTIEN'
ui_keys Enter
expect_screen "the main screen, on the new commune" 'Unit: Xã Đồng Tiến'
expect_screen "the message line says what was done" 'Xã Đồng Tiến \(T-XA-DONGTIEN\) added'
expect_screen "the commune's tasks" 'Tasks \(3\)'

# Progress for three tasks.
for task in 1a-1 1a-2 1b-1; do
	ui_keys Enter
	expect_screen "the form for $task" "Progress $task"
	ui_keys Space
	ui_keys Tab
	ui_text "50"
	ui_keys F2
	expect_screen "$task saved" "$task saved"
	ui_wait "Tasks" 2
	# the cursor moves on by itself after a save; select the next one by name
	case $task in
	1a-1) ui_keys / ; ui_text "1a-2"; ui_keys Enter ;;
	1a-2) ui_keys / ; ui_text "1b-1"; ui_keys Enter ;;
	esac
done

# Export, Excel flavour.
ui_keys E
expect_screen "E offers the flavours" 'Export the report as'
ui_keys Down Enter
expect_screen "the report is written" 'Report exported'
ui_keys Escape
ui_keys q
ui_wait 'EXIT-STATUS' 10
expect_screen "tiendo ends cleanly" 'EXIT-STATUS:0'
file=$(ls "$HOME"/tiendo-baocao/baocao_T-XA-DONGTIEN_2026S1_*.csv 2>/dev/null | head -n 1)
if [ -n "$file" ]; then ok "the report is in ~/tiendo-baocao"; else notok "the report is in ~/tiendo-baocao" "$(ls -R "$HOME")"; fi
expect_grep "Excel flavour" '^(.*)format,tiendo-report,[0-9]+,excel' "$file"
[ "$(ls "$T/xa")" = "$(printf 'kehoach_MINI-1_v1.csv\ntiendo.db')" ] && ok "nothing else written in the start folder" || notok "nothing else written in the start folder" "$(ls "$T/xa")"

# The department imports it.
expect_exit "the department imports the commune's report" 0 "$TIENDO" -f "$T/dept.db" import "$file"
expect_grep "three entries from the new commune" 'imported report of T-XA-DONGTIEN for 2026S1.*3 rows: 3 new' "$T/out"
expect_exit "the department's table" 0 "$TIENDO" -f "$T/dept.db" show 1a-2 --period 2026S1 --unit T-XA-DONGTIEN
expect_grep "with the commune's percent" $'^percent\t50$' "$T/out"
