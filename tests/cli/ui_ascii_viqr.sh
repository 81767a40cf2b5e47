#!/bin/bash
# SPDX-License-Identifier: MIT
# ASCII mode (--ascii, or no UTF-8 locale) with Telex (issue 12): what a clerk
# types shows in VIQR, its tones readable ("DDa~ hoa`n tha`nh"), in the form's
# text fields and in prompts; the lists a clerk reads stay without diacritics;
# the text is stored in Vietnamese as typed.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
DB="$T/db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-XA1 >/dev/null

ui_start 80 24 --ascii -f "$DB"
expect_screen "ASCII mode: the list reads without diacritics" 'Chuyen muc Nghi quyet'
ui_keys Enter
expect_screen "the form opens" 'Progress 1a-1'
ui_keys C-t
expect_screen "Telex on" '\[TELEX\]'
ui_keys Tab Tab Tab
ui_text "DDax hoanf thanhf vaof quys 2."
expect_screen "the result typed with Telex shows in VIQR" 'DDa~ hoa`n tha`nh va`o quy'"'"' 2\.'
expect_eq "only ASCII on the screen" 0 "$(ui_screen | LC_ALL=C grep -c '[^ -~]')"
ui_keys Left Left Left BSpace
ui_text "yf"
expect_screen "edited in the middle: the cursor is where VIQR shows it" 'va`o quy` 2\.'
ui_keys C-s
expect_screen "saved" '1a-1 saved'
"$TIENDO" -f "$DB" show 1a-1 --period 2026S1 >"$T/show"
expect_grep "stored in Vietnamese, as typed" $'^result\tĐã hoàn thành vào quỳ 2.$' "$T/show"
ui_keys Up Enter
expect_screen "the form again: the stored text in VIQR" 'DDa~ hoa`n tha`nh'
ui_keys Escape

# a prompt: the name of a new unit
ui_keys D
expect_screen "D opens the units" 'T-XA1'
ui_keys a
expect_screen "a asks for the code" 'Code of the new unit:'
ui_text "T-XA9.x"
expect_screen "an ASCII code shows as typed (no escapes)" 'T-XA9\.x'
ui_keys BSpace BSpace Enter
expect_screen "then the name" 'Name of T-XA9'
expect_screen "Telex is still on (Ctrl+T chose it in the form)" '\[TELEX\] Name of T-XA9'
ui_text "Xax Ddoongf Tieens"
expect_screen "the name typed with Telex shows in VIQR" "Xa~ DDo\\^\`ng Tie\\^'n"
expect_eq "only ASCII on the screen (prompt)" 0 "$(ui_screen | LC_ALL=C grep -c '[^ -~]')"
ui_keys Escape Escape Escape
ui_keys q
expect_screen "q quits with status 0" 'EXIT-STATUS:0'
