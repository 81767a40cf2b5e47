#!/bin/bash
# SPDX-License-Identifier: MIT
# Issue 12, interface side: what a commune clerk met at 80x24 (header, input
# method marker, ellipses, the form's hint line, word wrap, a small terminal).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-BAO >/dev/null

# --- bug 3: the period stays on the header beside a long unit name ---------
ui_start 80 24 -f "$DB"
expect_screen "header keeps the period beside a long unit name" '^ tiendo \| MINI-1 v1 \| Unit: Báo và.*… \| Period: 2026'
expect_screen "the header keeps the unit's start" 'Unit: Báo và Phát thanh'

# --- bug 5: a cut title ends with an ellipsis ---------------------------------
# (the task list is as wide as the screen: its titles fit; the targets' are cut)
expect_screen "a cut title in a list ends with …" 'MT2025-1 .*Cơ quan ban hàn…│'

# --- bug 9: the form's keys in the bottom line, whole ----------------------
ui_keys Enter
expect_screen "the form opens" 'Progress 1a-1'
expect_no_screen "the main screen's keys are not shown under the form" 'F2Unit|F5Filter'
expect_screen "the form's keys in the bottom line" 'F2Save.*Cancel'
expect_no_screen "no hint cut in the middle" 'F1 ?He?l?$|F1 Gi$'

# --- bug 4: Ctrl-T's marker on the form, not over the header -----------------
ui_keys C-t
expect_screen "Ctrl-T shows the input method on the form's title bar" '^ Progress 1a-1 .*\[TELEX\] *$'
expect_no_screen "the header carries no marker" '^ tiendo .*\[TELEX\]'

# --- bug 10: a text field wraps on words ------------------------------------
ui_keys C-t C-t
expect_screen "Ctrl-T twice more: the input method is off again" '^ Progress 1a-1 [^[]*$'
ui_keys Tab Tab Tab
ui_text "Da dang tai 12 tin bai tren trang thong tin dien tu cua xaxa va chuyen muc"
expect_screen "a word that does not fit goes whole to the next line" '^ +xaxa va chuyen muc'
expect_no_screen "no word cut at the end of a line" 'cua xa *$'

# --- bug 11: a small terminal with a form open shows only the message --------
tmux -L "$SOCK" resize-window -t ui -x 60 -y 15
expect_screen "60x15: too small" 'Terminal too small'
expect_no_screen "60x15: no form drawn over it" 'Progress 1a-1|Result'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "back to 80x24: the form again, what was typed kept" 'Progress 1a-1'
expect_screen "typed text kept" 'Da dang tai 12'
ui_keys Escape
expect_screen "discard asks" 'Discard'
ui_keys y
expect_screen "back on the main screen" 'F2Unit'

# --- bug 9 in Vietnamese: the form's hints are whole, not "F1 Gi" -----------
ui_start 80 24 --lang vi -f "$DB"
ui_keys Enter
expect_screen "vi: the form opens" 'Tiến độ 1a-1'
expect_screen "vi: the help hint is whole in the bottom line" 'F1Giúp F2Lưu'
expect_no_screen "vi: no hint cut inside the form" 'F1 Gi'
expect_no_screen "vi: the main screen's keys are not shown under the form" 'F2Đơn vị'
ui_keys Escape

# --- bug 8: D -> a: Ctrl-T types Telex in the name; a filter matching nothing
# plus Enter does not cancel the whole add -----------------------------------
ui_start 80 24 -f "$DB"
ui_keys D
expect_screen "D opens the units" 'T-XA1'
ui_keys a
expect_screen "a asks for the code" 'Code of the new unit:'
ui_text "T-XA9"
ui_keys Enter
expect_screen "then the name" 'Name of T-XA9'
ui_keys C-t
expect_screen "Ctrl-T in the name prompt shows Telex" '\[TELEX\] Name of T-XA9'
ui_text "Xax Ddoongf Tieens"
expect_screen "the name typed with Telex" 'Xã Đồng Tiến'
ui_keys C-t C-t
ui_keys Enter
expect_screen "the kind chooser" 'Kind of T-XA9'
ui_text "zzz"
ui_keys Enter
expect_screen "a filter matching nothing + Enter says so" 'nothing matches'
ui_keys BSpace BSpace BSpace
ui_text "commune"
ui_keys Enter
expect_screen "then the parent" 'Parent of T-XA9'
ui_keys Enter
expect_screen "the unit is added" 'T-XA9 .*Xã Đồng Tiến|added'
"$TIENDO" -f "$DB" units >"$T/units"
expect_grep "the new commune is in the database with its Telex name" $'^T-XA9\t.*Xã Đồng Tiến' "$T/units"

# --- bug 1: the department's database, F2 on a commune, then E --------------
DEPT="$T/dept.db"
"$TIENDO" -f "$DEPT" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-SKHCN >/dev/null
mkdir -p "$T/out"
export TIENDO_EXPORT_DIR="$T/out"
ui_start 80 24 -f "$DEPT"
ui_keys F2
expect_screen "F2 lists the units" 'Xã Đồng Hòa'
ui_text "dong hoa"
ui_keys Enter
expect_screen "the screen shows the commune" 'Unit: Xã Đồng Hòa'
ui_keys E
expect_screen "E says plainly which report it exports" 'E exports the report of Sở Khoa'
ui_keys Enter
expect_screen "and asks before" 'Export the report of T-SKHCN\? \(y/n\)'
ui_keys y
expect_screen "then the flavour" 'Export the report as'
ui_keys Enter
expect_screen "the department's report is written" 'Report exported'
expect_no_screen "it is not sent to the department itself" 'Send it to Sở Khoa học và Công nghệ'
unset TIENDO_EXPORT_DIR

# --- section 1: a newer plan package opened from the interface (P) ------------
cd "$T" || exit 1
"$TIENDO" -f "$T/d2.db" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
"$TIENDO" -f "$T/d2.db" export-plan -o "$T/kehoach_MINI-1_v1.csv" >/dev/null
"$TIENDO" -f "$T/x2.db" init --plan "$T/kehoach_MINI-1_v1.csv" --unit T-XA1 >/dev/null
"$TIENDO" -f "$T/d2.db" add-unit T-XA7 --name "Xã Bảy" --kind commune --parent T-UBND >/dev/null
"$TIENDO" -f "$T/d2.db" export-plan -o "$T/kehoach_MINI-1_v2.csv" >/dev/null
rm -f "$T/kehoach_MINI-1_v1.csv"
ui_start 80 24 -f "$T/x2.db"
ui_keys P
expect_screen "P offers the plan packages found here" 'kehoach_MINI-1_v2\.csv'
ui_keys Enter
expect_screen "the changes are shown first" 'would be updated from version 1 to 2.*|What the plan package changes'
expect_screen "with the unit it adds" 'units: 1 added'
ui_keys Escape
expect_screen "then it asks" 'Apply the new plan version\? \(y/n\)'
ui_keys y
expect_screen "applied: the header says version 2" 'MINI-1 v2'
"$TIENDO" -f "$T/x2.db" units >"$T/u2"
expect_grep "the new commune is known here" '^T-XA7' "$T/u2"

# --- section 3 in the form: letters in the percent, 100% asks, save says next --
"$TIENDO" -f "$T/f.db" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-XA1 >/dev/null
ui_start 80 24 -f "$T/f.db"
ui_keys Enter
expect_screen "the form for 1a-1" 'Progress 1a-1'
ui_keys Tab
ui_text "4x"
expect_screen "a letter in the percent is refused with a message" 'Percent: only digits here'
ui_text "0"
ui_keys F2
expect_screen "a percent moves not started to in progress, and says so" '1a-1 saved \(revision 1\); a percent above 0: status in progress'
expect_screen "the save says where the cursor went" 'next: 1a-2'
ui_keys Enter
expect_screen "the form for 1a-2" 'Progress 1a-2'
ui_keys Tab
ui_text "100"
ui_keys F2
expect_screen "100% asks whether done" '100 percent: mark 1a-2 done\? \(y/n\)'
ui_keys y
expect_screen "saved as done" '1a-2 saved'
"$TIENDO" -f "$T/f.db" show 1a-2 --period 2026S1 >"$T/s2"
expect_grep "1a-2 is done" $'^status\tdone$' "$T/s2"
# a short field is selected on entry: typing replaces it (40 + 60 = 60, not 4060)
ui_keys Home
ui_keys Enter
expect_screen "the form for 1a-1 again" 'Progress 1a-1'
ui_keys Tab
ui_text "60"
ui_keys F2
expect_screen "saved" '1a-1 saved \(revision 2\)'
"$TIENDO" -f "$T/f.db" show 1a-1 --period 2026S1 >"$T/s1"
expect_grep "typing replaced the selected percent" $'^percent\t60$' "$T/s1"

# --- section 3: LANG=C: ASCII by itself, said; --utf8 forces UTF-8 ------------
UI_LANG=C ui_start 80 24 -f "$T/f.db"
expect_screen "LANG=C: the message line says why there are no diacritics" 'No UTF-8 locale: Vietnamese is shown without diacritics'
expect_screen "LANG=C: the header in ASCII" 'Unit: Xa Dong Hoa'
ui_keys q
UI_LANG=C ui_start 80 24 --utf8 -f "$T/f.db"
expect_screen "LANG=C --utf8: UTF-8 all the same" 'Unit: Xã Đồng Hòa'
expect_no_screen "and no message about it" 'No UTF-8 locale'
ui_keys q

# --- section 3: a period typed in (p); F6/F7 stop at the plan's years --------
ui_start 80 24 -f "$T/f.db"
ui_keys p
expect_screen "p asks for a period" 'Period \(2026S1, 2026, 2026Q2, 202606\):'
ui_keys C-u
ui_text "2027S2"
ui_keys Enter
expect_screen "the header shows the period typed" 'Period: 2027S2'
ui_keys p C-u
ui_text "2040"
ui_keys Enter
expect_screen "a period outside the plan is refused" 'The plan runs from 2025 to 2030: 2040 is outside it'
ui_keys p C-u
ui_text "2025S1"
ui_keys Enter
expect_screen "back to the plan's first half-year" 'Period: 2025S1'
ui_keys F6
expect_screen "F6 stops at the plan's first year" 'The plan runs from 2025 to 2030: no period before or after'
expect_screen "and the period stays" 'Period: 2025S1'
ui_keys q
# the search says which hit of how many
ui_start 80 24 -f "$T/f.db"
ui_keys /
ui_text "1a"
ui_keys Enter
expect_screen "search shows k/N hits" '[12]/2 hits'
ui_keys q

# --- section 3: a commune's own targets first; the decimal comma in Vietnamese --
"$TIENDO" -f "$T/f.db" set-indicator MT2030-1 --period 2026S1 --numerator 91 --denominator 1000 >/dev/null
ui_start 80 24 --lang vi -f "$T/f.db"
expect_screen "vi: the decimal comma" 'MT2030-1 .* 9,1% '
expect_screen "the targets the commune does not report on come after a divider" '^-- chỉ tiêu đơn vị này không báo cáo --'
expect_no_screen "without a red mark" '^!MT2027-1|^~MT2027-1|^!MT2026-1|^~MT2026-1'
ui_keys q
