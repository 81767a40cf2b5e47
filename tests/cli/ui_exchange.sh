#!/bin/bash
# SPDX-License-Identifier: MIT
# Exchange by file from the terminal interface, as a clerk would do it: export
# a report with one key, import a folder (progress, summary, refusals), the
# completeness of reports, conflicts, the units; resizes and a hang-up in the
# middle of an import. tmux runs tiendo at 80x24 (tests/ui_lib.sh).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
unset TIENDO_EXPORT_DIR
# The screen's popup text as one string: borders dropped, lines joined (a
# path wrapped at the popup's edge reads whole again).
# Spaces are dropped too: a line may break at one.
popup_text() { ui_screen | sed 's/^[^│]*│ *//; s/ *│.*$//' | tr -d '\n '; }
# ui_quit NAME: q quits with status 0 (under the sanitizers: no leak, no error).
ui_quit() { ui_keys q; expect_screen "$1" 'EXIT-STATUS:0'; }
exists() { if [ -e "$2" ]; then ok "$1"; else notok "$1" "no file $2: $(ls "$(dirname "$2")" 2>&1)"; fi; }

# --- a department and its communes, as in tests/cli/exchange.sh ---
tdo -f dept.db init --plan "$PLAN" >/dev/null
tdo -f dept.db add-unit XA3 --name "Xã Ba" --kind commune --parent TINH
tdo -f dept.db export-plan >/dev/null
for u in XA1 XA2 XA3; do tdo -f "$u.db" init --plan kehoach_TEST-EX_v2.csv --unit "$u" >/dev/null; done
tdo -f XA1.db set T1 --period 2026S1 --status done --count 12 --result "Đã mở chuyên mục" >/dev/null
tdo -f XA1.db set-indicator I1 --period 2026S1 --numerator 45 --denominator 50 >/dev/null
tdo -f XA2.db set T1 --period 2026S1 --status in-progress --percent 40 >/dev/null

# --- export with one key: the file, its full path, who to send it to ---
mkdir outbox
export TIENDO_EXPORT_DIR="$T/outbox"
ui_start 80 24 -f "$T/XA1.db"
expect_screen "the commune's interface is up" 'Unit: Xã Một'
ui_keys E
expect_screen "E asks for the flavour" 'Export the report as'
ui_keys Enter
expect_screen "E exports: a popup says so" 'Report exported'
expect_screen "it names the recipient from the regime" 'Send it to Sở Khoa học và Công nghệ \(SKHCN\)\.'
name=$(ui_screen | grep -o 'baocao_[A-Za-z0-9_]*\.csv' | head -n 1)
expect_eq "the file is named by unit, period and day" "baocao_XA1_2026S1_20260605.csv" "$name"
case $(popup_text) in
*"$(printf '%s' "Wrote $T/outbox/$name: report of XA1 for 2026S1, 1 entry, 1 indicator value." | tr -d ' ')"*) ok "the popup gives the full path, in \$TIENDO_EXPORT_DIR" ;;
*) notok "the popup gives the full path, in \$TIENDO_EXPORT_DIR" "$(ui_screen)" ;;
esac
exists "the announced file exists" "$T/outbox/$name"
expect_eq "and nothing else was left there (no temporary file)" "$name" "$(ls outbox)"
ui_keys Escape
expect_screen "the message line keeps the path" "Exported: $T/outbox/$name"
tdo -f check.db init --plan kehoach_TEST-EX_v2.csv --unit SKHCN >/dev/null
expect_exit "the exported file imports on the command line" 0 tdo -f check.db import "$T/outbox/$name"
expect_grep "as the report of XA1, both rows" "imported report of XA1 for 2026S1 .*2 rows: 2 new" "$T/out"
expect_eq "with the text entered at the commune" "Đã mở chuyên mục" "$(entry_col check.db XA1 T1 2026S1 result)"
ui_quit "quits cleanly (1)"

# an export folder that does not exist: said clearly, nothing written
export TIENDO_EXPORT_DIR="$T/nowhere"
ui_start 80 24 -f "$T/XA1.db"
ui_keys E
ui_wait 'Export the report as'
ui_keys Enter
expect_screen "a failed export says so in a popup" 'Nothing was exported'
case $(popup_text) in
*"$(printf '%s' "export: cannot write $T/nowhere/baocao_XA1_2026S1_20260605.csv: No such file or directory (nothing was written)" | tr -d ' ')"*) ok "with the path and the reason" ;;
*) notok "with the path and the reason" "$(ui_screen)" ;;
esac
ui_keys Escape
expect_screen "and in the message line" '^export: cannot write'
[ ! -e "$T/nowhere" ] && ok "no folder or file was made" || notok "no folder or file was made"
ui_quit "quits cleanly (2)"

# without $TIENDO_EXPORT_DIR the report goes to ~/tiendo-baocao, never to the
# folder tiendo was started from (the source tree under make run)
unset TIENDO_EXPORT_DIR
mkdir here && cd here || exit 1
ui_start 80 24 -f "$T/XA2.db"
ui_keys E
ui_wait 'Export the report as'
ui_keys Enter
expect_screen "XA2 exports too" 'Report exported'
exists "into ~/tiendo-baocao" "$HOME/tiendo-baocao/baocao_XA2_2026S1_20260605.csv"
[ -z "$(ls "$T/here")" ] && ok "nothing in the folder it was started from" || notok "nothing in the folder it was started from" "$(ls "$T/here")"
ui_keys Escape
ui_quit "quits cleanly (3)"
cd "$T" || exit 1

# --- import a folder: two good reports and a truncated one ---
mkdir recv
cp "outbox/$name" recv/a.csv
cp "$HOME/tiendo-baocao/baocao_XA2_2026S1_20260605.csv" recv/b.csv
grep -v "^end," recv/b.csv >recv/cut.csv
ui_start 80 24 -f "$T/dept.db"
expect_screen "the department is on all units" 'Unit: all units'
expect_screen "nothing reported yet" 'T1 +0/3 +0%'
ui_keys I
expect_screen "I asks for a folder, the current one by default" "Import from \(a folder or a file\): $T\$"
ui_keys C-u
ui_text "$T/recv"
ui_keys Enter
expect_screen "a summary of the whole folder" '3 files: 2 imported, 0 with nothing new, 1 refused'
expect_screen "one line per file: imported" 'a\.csv: imported report of XA1 for 2026S1'
expect_screen "the second one" 'b\.csv: imported report of XA2 for 2026S1'
expect_screen "the truncated one refused" 'cut\.csv: refused; nothing was imported from it'
expect_screen "with its line and reason" 'cut\.csv:[0-9]+: the file ends before its end row'
ui_keys Escape
expect_screen "the message line keeps the counts" '^3 files: 2 imported, 0 with nothing new, 1 refused'
expect_screen "the task list shows what was imported" 'T1 +1/3 +33%'
expect_eq "two reports in the register" 2 "$(sqlite3 dept.db 'SELECT count(*) FROM received')"
expect_eq "the imported row as sent" "done" "$(entry_col dept.db XA1 T1 2026S1 status)"
ui_keys F2
ui_text "xa mot"
ui_keys Enter
expect_screen "XA1's own task list shows its entry" 'T1 +\[x\] +100%'
ui_keys I
expect_screen "the prompt offers the last folder again" "Import from \(a folder or a file\): $T/recv\$"
ui_keys Escape

# --- the progress popup, a resize while a file is read, then the summary ---
# (a FIFO named on its own is read; in a folder it would be skipped)
mkdir recv2
mkfifo recv2/p.csv
ui_keys I C-u
ui_text "$T/recv2/p.csv"
ui_keys Enter
expect_screen "progress: [k/N] and the file being read" '\[1/1\] p\.csv'
expect_screen "and how to stop" 'Esc stops after this file'
tmux -L "$SOCK" resize-window -t ui -x 100 -y 30
sleep 0.3
# (in the background, given up after a while: if the read was cut, no one waits)
timeout 10 sh -c 'cat recv/b.csv >recv2/p.csv' &
expect_screen "the import goes on after the resize" '1 file: 0 imported, 1 with nothing new, 0 refused'
expect_screen "the file read during the resize was read whole" 'p\.csv: the same report of XA2 for 2026S1 was already imported'
expect_no_screen "no read was cut by the resize" 'Interrupted|refused;'
[ "$(ui_screen | wc -l)" -eq 30 ] && ok "the summary uses the new size" || notok "the summary uses the new size" "$(ui_screen)"
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "back to 80x24, the summary is still there" '1 file: 0 imported'
ui_keys Escape
ui_quit "quits cleanly (4)"

# --- completeness of the period ---
export TIENDO_NOW=2026-06-15T02:00:00Z TIENDO_EXPORT_DIR="$T/deliver"
mkdir -p "$T/deliver"
ui_start 80 24 -f "$T/dept.db"
ui_keys R
expect_screen "R: the reports of the period" 'Reports for 2026S1'
expect_screen "per recipient, with rule and due date" 'Reports to SKHCN for 2026S1 \(rule R-XA, due 20/06/2026\):'
# (at 80 columns the names do not fit beside the rest: each goes under its row)
expect_screen "XA1 on time, with export and import dates, and its key's state" 'XA1 +commune +on time +05/06/2026 09:00 +05/06/2026 +new +│'
expect_screen "its name on the line under it" '│   Xã Một +│'
expect_screen "XA2 on time" 'XA2 +ward +on time +05/06/2026 09:00'
expect_screen "XA3 not yet due" 'XA3 +commune +not yet due +- +- +- +│'
expect_screen "divisions missing after their due date" 'P1 +division +missing +- +- +- +│'
expect_screen "totals and rates" 'Total: expected 5, received 2 \(40\.0%\), on time 2 \(40\.0%\), late 0,'
expect_screen "per kind" 'commune: expected 2, received 1 \(50\.0%\), on time 1 \(50\.0%\)'
"$TIENDO" -f dept.db status --period 2026S1 >"$T/status"
expect_grep "the same as tiendo status" "^Total: expected 5, received 2 \(40.0%\), on time 2 \(40.0%\), late 0, missing 2, not yet due 1" "$T/status"
tmux -L "$SOCK" resize-window -t ui -x 60 -y 20
expect_screen "too small during the popup: says so" 'Terminal too small: 60x20'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "the popup comes back" 'Reports to SKHCN for 2026S1'
expect_screen "the deliverables' keys come from the action table" 'xWorkbook +wDraft +nReminder'
ui_keys x
expect_screen "x writes the workbook and says where" "Wrote $T/deliver/tonghop_TEST-EX_2026S1_20260615"
if [ -s "$T/deliver/tonghop_TEST-EX_2026S1_20260615.xlsx" ]; then ok "the workbook is in \$TIENDO_EXPORT_DIR"; else notok "the workbook is in \$TIENDO_EXPORT_DIR" "$(ls -l "$T/deliver")"; fi
ui_keys w
expect_screen "w writes the draft report" "Wrote $T/deliver/baocao-tonghop_TEST-EX_2026S1"
ui_keys n
expect_screen "n writes the reminder" "Wrote $T/deliver/dondoc_TEST-EX_2026S1"
if [ -s "$T/deliver/baocao-tonghop_TEST-EX_2026S1_20260615.docx" ] && [ -s "$T/deliver/dondoc_TEST-EX_2026S1_20260615.docx" ]; then
	ok "both documents written"; else notok "both documents written" "$(ls -l "$T/deliver")"; fi
expect_screen "the popup stays open" 'Reports to SKHCN for 2026S1'
ui_keys Escape
expect_screen "Esc closes it" 'Tasks \(3\)'
ui_quit "quits cleanly (5)"
unset TIENDO_EXPORT_DIR

# --- conflicts: made on the command line, resolved in the interface ---
export TIENDO_NOW=2026-06-06T02:00:00Z
tdo -f dept.db set T1 --period 2026S1 --unit XA1 --result "Sửa tại Sở" >/dev/null
tdo -f XA1.db set T1 --period 2026S1 --result "Sửa tại xã" >/dev/null
tdo -f XA1.db export --period 2026S1 -o a3.csv >/dev/null
tdo -f dept.db import a3.csv >"$T/out"
expect_grep "the command line made a conflict" "1 in conflict" "$T/out"
ui_start 80 24 -f "$T/dept.db"
ui_keys C
expect_screen "C lists the open conflicts" 'Open conflicts \(1\)'
expect_screen "unit, kind, code, period, file" 'XA1 +task +T1 +2026S1 +a3\.csv'
expect_screen "the keys come from the action table" 'tTake kKeep'
ui_keys Enter
expect_screen "Enter shows the conflict" 'Conflict 1'
expect_screen "the stored side" 'stored: revision 2 by clerk'
expect_screen "the stored text in full" 'Result: Sửa tại Sở'
expect_screen "the incoming side" 'incoming: revision 2 by clerk'
expect_screen "the incoming text in full" 'Result: Sửa tại xã'
tmux -L "$SOCK" resize-window -t ui -x 100 -y 30
expect_screen "resized: still the conflict" 'Result: Sửa tại xã'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
ui_keys Escape
expect_screen "back to the list" 'XA1 +task +T1 +2026S1'
ui_keys t
expect_screen "t asks first" 'Take the incoming row of XA1 T1 2026S1\? \(y/n\)'
ui_keys n
sleep 0.3
expect_eq "n leaves the stored row" "Sửa tại Sở" "$(entry_col dept.db XA1 T1 2026S1 result)"
ui_keys t
expect_screen "asked again" 'Take the incoming row'
ui_keys y
expect_screen "resolved, and said so" 'Conflict 1 resolved: the incoming row replaced the stored one\.'
expect_screen "the list is refreshed: empty" 'No open conflicts\.'
expect_eq "the incoming row is in place" "Sửa tại xã" "$(entry_col dept.db XA1 T1 2026S1 result)"
tdo -f dept.db show T1 --period 2026S1 --unit XA1 >"$T/show"
expect_grep "tiendo show agrees" $'^result\tSửa tại xã$' "$T/show"
tdo -f dept.db conflicts >"$T/out"
expect_grep "no open conflict left" "No open conflicts" "$T/out"
ui_keys Escape
ui_quit "quits cleanly (6)"

# --- the units: add, rename, retire ---
ui_start 80 24 -f "$T/dept.db"
ui_keys D
expect_screen "D lists the units as tiendo units does" 'Units \(9\)'
expect_screen "code, kind, parent, key, name" 'XA3 +commune +TINH +- +Xã Ba'
expect_screen "a unit whose signed report came in: its key is new" 'XA1 +commune +TINH +new +Xã Một'
expect_screen "the unit keys from the action table" 'aAdd rRename dRetire'
ui_keys a
expect_screen "a asks for the code" 'Code of the new unit:'
ui_text "bad code"
ui_keys Enter
expect_screen "a bad code is refused" "'bad code' is not a valid unit code"
ui_keys a
ui_text "XA1"
ui_keys Enter
expect_screen "a known code is refused" "unit 'XA1' already exists"
ui_keys a
ui_text "XA4"
ui_keys Enter
expect_screen "then the name" 'Name of XA4:'
ui_text "Xã Bốn"
ui_keys Enter
expect_screen "then the kind, from a list" 'Kind of XA4'
ui_text "commune"
ui_keys Enter
expect_screen "then the parent, from a list" 'Parent of XA4'
ui_text "tinh"
ui_keys Enter
expect_screen "added, and said so" 'Unit XA4 added'
expect_screen "the list shows it" 'XA4 +commune +TINH +- +Xã Bốn'
tdo -f dept.db units >"$T/out"
expect_grep "tiendo units shows it" $'^XA4\tcommune\tTINH\tXã Bốn$' "$T/out"
tdo -f dept.db export-plan -o p3.csv >"$T/out"
expect_grep "the next export-plan raises the version" "this is version 3" "$T/out"
expect_grep "and carries the new unit" "^unit,XA4,commune,TINH,,Xã Bốn$" p3.csv
ui_keys r
expect_screen "r offers the current name" 'New name of XA4: Xã Bốn'
ui_keys C-u
ui_text "Xã Bốn Mới"
ui_keys Enter
expect_screen "renamed" 'Unit XA4 renamed'
expect_screen "the list shows the new name" 'XA4 +commune +TINH +- +Xã Bốn Mới'
ui_keys d
expect_screen "d asks first" 'Retire XA4\? It keeps its history and no longer reports\. \(y/n\)'
ui_keys y
expect_screen "retired" 'Unit XA4 retired'
expect_screen "shown as retired" 'XA4 +commune +TINH +- +Xã Bốn Mới \(retired\)'
tdo -f dept.db units >"$T/out"
expect_grep "tiendo units agrees" $'^XA4\tcommune\tTINH\tXã Bốn Mới \\(retired\\)$' "$T/out"
tdo -f dept.db export-plan -o p4.csv >"$T/out"
expect_grep "both changes raise the version again" "this is version 4" "$T/out"
tmux -L "$SOCK" resize-window -t ui -x 120 -y 40
expect_screen "resized with the unit list open" 'XA4 +commune'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
ui_keys Escape
ui_keys F1
expect_screen "help lists the new keys" 'E +Write this unit.s report for the period, to send'
ui_keys End
n=0 # up from the end, past the sections after the lists' keys
until ui_screen | grep -Eq 'k +Keep the stored row' || [ "$n" -gt 40 ]; do ui_keys Up; n=$((n + 1)); sleep 0.05; done
expect_screen "and the keys of the lists" 'k +Keep the stored row; the incoming one is set aside'
expect_screen "and of the reports screen" 'x +Write the consolidated workbook \(\.xlsx\) of the period'
expect_screen "unit list keys too" 'd +Retire the selected unit'
ui_keys Escape
ui_quit "quits cleanly (7)"

# --- the form refuses typing beyond the longest text an entry may hold ---
long=$(head -c 32766 /dev/zero | tr '\0' 'a')
tdo -f XA1.db set T2 --period 2026S1 --result "$long" >/dev/null
ui_start 80 24 -f "$T/XA1.db"
ui_keys Down Enter
expect_screen "the form of T2" 'Progress T2'
ui_keys Tab Tab Tab
ui_text "bcdef"
expect_screen "typing past 32768 bytes: field too long" 'field too long'
ui_keys C-s
expect_screen "what fits is saved" 'T2 saved \(revision 2\)'
expect_eq "the result holds 32768 bytes" 32768 "$(sqlite3 XA1.db "SELECT length(CAST(result AS BLOB)) FROM progress p JOIN task t ON t.id = p.task_id WHERE t.code = 'T2'")"
ui_quit "quits cleanly (8)"

# --- SIGHUP while the import popup is open ---
tdo -f hup.db init --plan kehoach_TEST-EX_v2.csv --unit SKHCN >/dev/null
mkdir recv3
cp recv/a.csv recv3/a.csv
mkfifo recv3/p.csv
cp recv/b.csv recv3/z.csv
ui_start 80 24 -f "$T/hup.db"
ui_keys I C-u
ui_text "$T/recv3/p.csv"
ui_keys Enter
expect_screen "the import waits on the file" '\[1/1\] p\.csv'
pid=$(pgrep -P "$(ui_pid)" -f tiendo)
[ -n "$pid" ] && kill -HUP "$pid"
expect_screen "SIGHUP ends it with status 129" 'EXIT-STATUS:129'
expect_eq "the database is intact" "ok" "$(sqlite3 hup.db 'PRAGMA integrity_check')"
expect_eq "nothing was imported" 0 "$(sqlite3 hup.db 'SELECT count(*) FROM received')"
expect_eq "the files not read were not started" 0 "$(sqlite3 hup.db "SELECT count(*) FROM progress p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'XA2'")"
expect_eq "the terminal is restored (no alternate screen)" 0 "$(tmux -L "$SOCK" display -p -t ui '#{alternate_on}')"
rm recv3/p.csv
expect_exit "importing the folder afterwards does the job" 0 tdo -f hup.db import recv3
expect_grep "both files imported" "2 files: 2 imported" "$T/out"
