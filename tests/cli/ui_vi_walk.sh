#!/bin/bash
# SPDX-License-Identifier: MIT
# The whole interface in Vietnamese (issue 12, bug 6): every screen a clerk or
# the department opens, at 80x24, must not show one of the English code words
# (unit kinds, timeframes, consolidations, states, deadline kinds...).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
WORDS='board|agency|ward|commune|department|press|province|division|group|special-zone|recurring|due|none|yes|no|share-met|ratio|all|sum|open|taken|kept|overdue|task|report|half|month|year|quarter|milestone|percent|count'
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z
"$TIENDO" -f dept.db init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
"$TIENDO" -f dept.db export-plan -o pkg.csv >/dev/null
"$TIENDO" -f xa.db init --plan pkg.csv --unit T-XA1 >/dev/null
"$TIENDO" -f xa.db set 1a-1 --period 2026S1 --status in-progress --percent 40 --result "Đã đăng 3 tin" >/dev/null
"$TIENDO" -f xa.db set-indicator MT2030-1 --period 2026 --numerator 4 --denominator 5 >/dev/null
"$TIENDO" -f xa.db export --period 2026S1 -o xa.csv >/dev/null
"$TIENDO" -f dept.db import xa.csv >/dev/null
mkdir -p out && export TIENDO_EXPORT_DIR="$T/out"

# check NAME: the screen now shows none of the English code words, and no
# ISO date: a person reads dd/mm/yyyy (issue 12)
check() {
	sleep 0.3
	bad=$(ui_screen | grep -noEw -- "$WORDS" | head -n 5)
	if [ -z "$bad" ]; then ok "vi: $1 shows no English code word"; else
		notok "vi: $1 shows no English code word" "$bad
$(ui_screen)"; fi
	bad=$(ui_screen | grep -noE -- '[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}:[0-9]{2}:[0-9]{2}' | head -n 5)
	if [ -z "$bad" ]; then ok "vi: $1 shows no ISO date"; else
		notok "vi: $1 shows no ISO date" "$bad
$(ui_screen)"; fi
}

for db in xa.db dept.db; do
	ui_start 80 24 --lang vi -f "$T/$db"
	expect_screen "vi: $db main screen" 'Nhiệm vụ'
	check "$db main screen"
	ui_keys F1; ui_wait 'tiendo' 5; check "$db help"
	ui_keys PageDown; check "$db help, page 2"
	ui_keys PageDown; check "$db help, page 3"
	ui_keys Escape
	ui_keys F3; sleep 0.3; check "$db task view"
	ui_keys Escape
	ui_keys Tab; ui_keys F3; sleep 0.3; check "$db target view"
	ui_keys Escape; ui_keys 1
	ui_keys F2; sleep 0.3; check "$db unit chooser"
	ui_keys Escape
	ui_keys D; sleep 0.3; check "$db units"
	ui_keys Escape
	ui_keys R; sleep 0.3; check "$db reports expected"
	ui_keys Escape
	ui_keys C; sleep 0.3; check "$db conflicts"
	ui_keys Escape
	ui_keys F5; sleep 0.3; check "$db filter"
	ui_keys Escape
	ui_keys F7; sleep 0.3; check "$db next period"
	ui_keys F6
	ui_keys E; sleep 0.3; check "$db export flavours"
	ui_keys Enter; sleep 0.3
	ui_keys Enter; sleep 0.3; check "$db after export"
	ui_keys Escape
	ui_keys Enter; sleep 0.3; check "$db entry form"
	ui_keys Escape; ui_keys y
	ui_keys q
	ui_wait 'EXIT-STATUS' 5
done

# Dates read dd/mm/yyyy, times in Vietnam time (the report left at 02:00 UTC,
# 09:00 in Vietnam) and decimals with a comma, whatever the machine's TZ.
ui_start 80 24 --lang vi -f "$T/dept.db"
expect_screen "vi: the agenda's title has the year" 'Hạn từ 05/06/2026'
expect_screen "vi: an agenda spanning two years heads each year" 'Năm 2025'
expect_screen "vi: and lists dd/mm under it" '31/12 TRỄ'
ui_keys R
expect_screen "vi: a due date reads dd/mm/yyyy" 'hạn 20/06/2026'
expect_screen "vi: the export time in Vietnam time" '05/06/2026 09:00'
expect_screen "vi: rates with a decimal comma" '\(33,3%\)'
ui_keys Escape
ui_keys Down F3
expect_screen "vi: the task view's due date reads dd/mm/yyyy" 'hạn 31/12/2025'
ui_keys Escape
expect_screen "vi: the task list: dd/mm in the period's year" ' 2a .* 30/06$'
ui_keys F6
expect_screen "vi: the task list: another year's date shows its year" ' 2a .* 30/06/2026$'
ui_keys q

# A target's value typed with the Vietnamese decimal comma is taken (9,5 is
# 9.5) and shown with it.
ui_start 80 24 --lang vi -f "$T/xa.db"
ui_keys Tab Enter
expect_screen "vi: the first target's form" 'Chỉ tiêu MT2025-1'
ui_keys Tab Tab
ui_text "9,5"
expect_screen "vi: a decimal comma can be typed" 'hoặc tỷ lệ +9,5 +%'
ui_keys F2
expect_screen "vi: saved" 'Đã lưu MT2025-1'
"$TIENDO" -f xa.db show-indicator MT2025-1 --period 2026S1 >"$T/ind"
expect_grep "vi: 9,5 is stored as 9.5" $'^value\t9.5$' "$T/ind"
ui_keys q

# Keys are written the way clerks read them in Vietnamese: Ctrl+T, Shift+Tab.
ui_start 80 24 --lang vi -f "$T/xa.db"
ui_keys F1
ui_wait 'tiendo' 5
ui_keys End
expect_screen "vi: the help writes Ctrl+T, not C-t" 'Ctrl\+T gõ tiếng Việt'
expect_no_screen "vi: no emacs spelling in the help" '\bC-[a-z]\b|\bS-Tab\b'
ui_keys Escape
ui_keys Enter
expect_screen "vi: the form's keys say Ctrl+T" 'Ctrl\+T'
ui_keys Escape
ui_keys q

# The help's Chỉ tiêu (targets) and Hạn (agenda) sections list their keys.
ui_start 80 60 --lang vi -f "$T/xa.db"
ui_keys F1
ui_wait 'Trợ giúp tiendo' 5
sleep 0.3
sect() { ui_screen | sed 's/^..│ //; s/ *│.*$//' | awk -v h="$1" '$0 == h {f = 1; next} f && /^$/ {exit} f {n++} END {print n + 0}'; }
[ "$(sect 'Chỉ tiêu')" -gt 0 ] && ok "vi: the help's Chỉ tiêu section lists keys" || notok "vi: the help's Chỉ tiêu section lists keys" "$(ui_screen)"
[ "$(sect 'Hạn')" -gt 0 ] && ok "vi: the help's Hạn section lists keys" || notok "vi: the help's Hạn section lists keys" "$(ui_screen)"
ui_keys Escape q
