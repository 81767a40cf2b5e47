#!/bin/bash
# SPDX-License-Identifier: MIT
# The first-run screen's "type its path" entry: Tab completes a folder named
# in Vietnamese (adding the separator) and then the plan package inside it,
# which opens. tests/windows/firstrun.sh does the same with tiendo.exe.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi

"$TIENDO" -f "$T/dept.db" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
mkdir -p "$T/xa/Báo cáo tổng hợp" "$T/xa/Bản sao"
"$TIENDO" -f "$T/dept.db" export-plan -o "$T/xa/Báo cáo tổng hợp/kehoach_MINI-1_v1.csv" >/dev/null
# a package saved on Windows in capitals is offered too
cp "$T/xa/Báo cáo tổng hợp/kehoach_MINI-1_v1.csv" "$T/xa/KEHOACH_MINI-1_V1.CSV"
cd "$T/xa" || exit 1
unset TIENDO_EXPORT_DIR

ui_start 80 24 -f "$T/xa/tiendo.db"
expect_screen "no database: the first-run screen" 'tiendo: first run'
expect_screen "it offers a package named in capitals (KEHOACH_*.CSV)" 'KEHOACH_MINI-1_V1\.CSV'
ui_text "Another"
ui_keys Enter
expect_screen "the path prompt" 'Type the path of the plan file'
ui_text "B"
ui_keys Tab
expect_screen "Tab lists the two folders starting so" 'Bản sao  Báo cáo tổng hợp|Báo cáo tổng hợp  Bản sao'
ui_text "áo"
ui_keys Tab
expect_screen "Tab completes the folder named in Vietnamese, with a /" 'Báo cáo tổng hợp/ *$'
ui_text "ke"
ui_keys Tab
expect_screen "then the package inside it" 'Báo cáo tổng hợp/kehoach_MINI-1_v1\.csv'
ui_keys Enter
expect_screen "the package opens: my unit, from its units" 'My unit'
ui_stop

# Two folders whose names part inside a letter's bytes (á is C3 A1, à C3 A0):
# Tab completed "B" and the half of á, and nothing matched after (failed
# before compat_name_common).
mkdir -p "$T/xa2/Bán hàng" "$T/xa2/Bàn giao"
cp "$T/xa/KEHOACH_MINI-1_V1.CSV" "$T/xa2/Bàn giao/"
cd "$T/xa2" || exit 1
ui_start 80 24 -f "$T/xa2/tiendo.db"
expect_screen "first run again" 'tiendo: first run'
ui_text "Another"
ui_keys Enter
expect_screen "the path prompt again" 'Type the path of the plan file'
ui_text "B"
ui_keys Tab
expect_screen "Tab lists Bán hàng and Bàn giao" 'Bán hàng  Bàn giao|Bàn giao  Bán hàng'
ui_text "à"
ui_keys Tab
expect_screen "à then Tab completes Bàn giao/" 'Bàn giao/ *$'
ui_stop
