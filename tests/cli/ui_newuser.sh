#!/bin/bash
# SPDX-License-Identifier: MIT
# What a new user of the interface ran into: each part names the slip it
# guards against (tmux runs tiendo, send-keys types, capture-pane reads).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi

# --- fast entry goes on to the row below, as the list shows the tasks ------
# The next task used to be the next one in plan order: with a filter it was
# often a hidden task, and every filter was cleared to show it; ordered by
# title, the cursor jumped elsewhere in the list.
DB="$T/f.db"
"$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-XA1 >/dev/null
"$TIENDO" -f "$DB" set 1a-1 --period 2026S1 --status in-progress --percent 10 >/dev/null
"$TIENDO" -f "$DB" set 1b-1 --period 2026S1 --status in-progress --percent 20 >/dev/null
ui_start 80 24 -f "$DB"
ui_keys F5
expect_screen "F5 opens the filter" 'Status: all'
ui_keys s s
expect_screen "s: in progress" 'Status: in progress'
ui_keys Enter
expect_screen "two tasks in progress" 'Tasks \(2\).*Filter: in progress'
ui_keys Enter
expect_screen "the form for the first of them" 'Progress 1a-1'
ui_keys Tab
ui_text "5"
ui_keys F2
expect_screen "saved, and the cursor on the row below" '1a-1 saved \(revision 2\); next: 1b-1$'
expect_screen "the filter stays" 'Tasks \(2\).*Filter: in progress'
ui_keys Enter
expect_screen "Enter opens the task the cursor went to" 'Progress 1b-1'
ui_keys Escape
ui_keys q
"$TIENDO" -f "$DB" show 1a-1 --period 2026S1 >"$T/show"
expect_grep "what was typed is stored" '^percent	5$' "$T/show"

"$TIENDO" -f "$T/s.db" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-SKHCN >/dev/null
ui_start 80 24 -f "$T/s.db"
ui_keys F2
ui_text "khoa hoc"
ui_keys Enter
expect_screen "F2: the department" 'Unit: Sở Khoa học'
ui_keys s
expect_screen "s orders the tasks by title" 'Tasks \(5\), by title'
ui_keys Enter
expect_screen "the form for the first title" 'Progress 1a-1'
ui_keys Tab
ui_text "5"
ui_keys F2
expect_screen "next: the row below by title (Giải báo chí)" 'next: 1b-2$'
expect_screen "still by title" 'Tasks \(5\), by title'
ui_keys q

# --- a resize while the form asks a question, or shows its help ------------
# The question went with the old bottom line, and the form kept the size it
# had been placed for: its last fields under the hint bar, out of sight.
# expect_line NAME LINE PATTERN: screen line LINE (1 = top) shows PATTERN.
expect_line() {
	_n=100
	while [ "$_n" -gt 0 ] && ! ui_screen | sed -n "$2p" | grep -Eq -- "$3"; do sleep 0.05; _n=$((_n - 1)); done
	if [ "$_n" -gt 0 ]; then ok "$1"; else notok "$1" "line $2 does not show /$3/:
$(ui_screen)"; fi
}
ui_start 100 30 -f "$DB"
ui_keys Enter
expect_screen "the form at 100x30" 'Progress 1a-1'
expect_line "its last field just above the hint bar" 29 '^  Evidence'
ui_keys Tab
ui_text "7"
ui_keys Escape
expect_screen "Esc with a change asks" 'Discard what you typed\? \(y/n\)'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_line "80x24: the question is asked again on the new bottom line" 24 'Discard what you typed\? \(y/n\)'
ui_keys n
expect_line "n: the form, placed for 80x24, its last field in sight" 23 '^  Evidence'
expect_screen "with what was typed" 'Percent +7 '
ui_keys F1
expect_screen "F1 in the form: the help" 'tiendo help'
tmux -L "$SOCK" resize-window -t ui -x 100 -y 30
expect_screen "the help at 100x30" 'tiendo help.*─{60}'
ui_keys Escape
expect_line "Esc: the form placed for 100x30" 29 '^  Evidence'
ui_keys Escape
expect_screen "Esc asks again" 'Discard what you typed\? \(y/n\)'
ui_keys y
expect_screen "y: the form is gone" 'F4Enter F5Filter'
ui_keys q

# --- the unit chooser (F2) follows a resize ---------------------------------
# Its window was made once: after a smaller screen it ran off the edges, its
# filter line out of sight.
ui_start 120 40 -f "$DB"
ui_keys F2
expect_screen "F2 at 120x40" '│Filter: +│'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "80x24: the chooser whole, its filter line in sight" '│Filter: +│$'
expect_screen "and its bottom edge" '└─+┘'
tmux -L "$SOCK" resize-window -t ui -x 60 -y 20
expect_screen "too small: says so" 'too small'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "80x24 again: the chooser" '│Filter: +│$'
ui_text "dong hoa"
expect_screen "typing filters" '│T-XA1 +Xã Đồng Hòa +│$'
ui_keys Enter
expect_screen "Enter chooses" 'Unit: Xã Đồng Hòa'
ui_keys q

# --- the task's view (F3) shows the whole title; its history reads right ----
# A title longer than the popup was cut with "…" (the only place it can be
# read whole); a change that is not an undo read "root : in progress".
"$TIENDO" -f "$T/v.db" init --plan "$SRCDIR/data/plans/dong-thap-118-2025.csv" --unit DT-SVHTTDL >/dev/null
"$TIENDO" -f "$T/v.db" set 1a-1 --period 2026S1 --status in-progress --percent 30 >/dev/null
"$TIENDO" -f "$T/v.db" set 1a-1 --period 2026S1 --percent 40 >/dev/null
"$TIENDO" -f "$T/v.db" undo 1a-1 --period 2026S1 >/dev/null
ui_start 80 24 -f "$T/v.db"
ui_keys v
expect_screen "v opens the task's view" 'Task 1a-1'
expect_screen "the title's end is on the next line, not cut" '^ .│ báo chí +│'
expect_no_screen "nothing of it is cut" 'TTĐT v…'
ui_keys End
expect_screen "a change: by whom, then a colon" '#2 [0-9/]+ [0-9:]+ root: in progress 40%'
expect_screen "an undo says so" '#3 [0-9/]+ [0-9:]+ root \(undo\): in progress 30%'
ui_keys Escape
# the filter's title was padded to 20 columns: " Filter tasks       ──"
ui_keys F5
expect_screen "the filter's title is followed by the frame" '┌─ Filter tasks ─────'
ui_keys Escape
ui_keys q

# --- a unit's code and a period are typed as they are, Telex or not ---------
# With --input telex (or `input telex` in the config), "T-XA-MYXUYEN" became
# "T-XA-MỸUYEN" and was refused; the name is still typed with Telex.
ui_start 80 24 -f "$T/s.db" --input telex
ui_keys D
expect_screen "D lists the units" 'Units \([0-9]+\)'
ui_keys a
expect_screen "a asks for the code, without Telex" '^Code of the new unit:'
ui_text "T-XA-MYXUYEN"
expect_screen "the code as typed" 'Code of the new unit: T-XA-MYXUYEN'
ui_keys Enter
expect_screen "the name, with Telex" '^\[TELEX\] Name of T-XA-MYXUYEN:'
ui_text "Xax Myx Xuyeen"
expect_screen "Telex in the name" 'Name of T-XA-MYXUYEN: Xã Mỹ Xuyên'
ui_keys Enter
expect_screen "its kind" 'Kind of T-XA-MYXUYEN'
ui_keys Enter
expect_screen "its parent" 'Parent of T-XA-MYXUYEN'
ui_text "T-UBND"
ui_keys Enter
expect_screen "added" 'Unit T-XA-MYXUYEN added'
ui_keys Escape
ui_keys p
expect_screen "p: the period, without Telex" '^Period \(2026S1'
ui_keys C-u
ui_text "2026"
ui_keys Enter
expect_screen "the period typed" 'Period: 2026 '
ui_keys q
"$TIENDO" -f "$T/s.db" units >"$T/units"
expect_grep "the unit is stored with the code and name typed" '^T-XA-MYXUYEN	.*Xã Mỹ Xuyên' "$T/units"

# --- first run: the entry for a new unit stays while the clerk types a name --
# A commune the plan does not list is what the clerk types first; the filter
# then found nothing and hid "My unit is not in the list" with the rest.
"$TIENDO" -f "$T/dept.db" init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
mkdir -p "$T/xa" && "$TIENDO" -f "$T/dept.db" export-plan -o "$T/xa/kehoach_MINI-1_v1.csv" >/dev/null
cd "$T/xa" || exit 1
ui_start 80 24 -f "$T/xa/tiendo.db"
expect_screen "first run" 'tiendo: first run'
# a resize: the first-run screen is drawn again behind its list (it was left
# blank, or with "too small" after a screen that had been too small)
tmux -L "$SOCK" resize-window -t ui -x 60 -y 20
expect_screen "too small: says so" 'too small'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "80x24 again: the first-run screen" 'tiendo: first run'
expect_screen "its step" 'Step 1 of 2'
expect_no_screen "and nothing of the too small screen" 'too small'
ui_keys Enter
expect_screen "my unit, from the package's units" 'Xã Đồng Hòa \(T-XA1\)'
ui_text "dong tien"
expect_screen "a name the plan does not list: the entry for a new unit stays" '│My unit is not in the list'
expect_no_screen "the others are filtered out" 'T-XA1'
ui_keys Enter
expect_screen "Enter adds the new unit" 'Name of your unit'
ui_text "Xax Ddoongf Tieens"
ui_keys Enter
# each step goes from the screen when the next comes: the name's prompt
# stayed on the bottom line under the lists, the parent's list behind the
# code's prompt, as if still to be answered
expect_screen "its kind" 'Kind of Xã Đồng Tiến'
expect_no_screen "the name's prompt is gone" 'Name of your unit'
ui_keys Enter
expect_screen "its parent" 'Xã Đồng Tiến is under'
ui_keys Enter
expect_screen "its code" 'Its code.*T-XA-DONGTIEN'
expect_no_screen "the parent's list is gone" 'is under|│'
ui_keys Enter
expect_screen "the main screen, on the new commune" 'Unit: Xã Đồng Tiến'
ui_stop
cd "$T" || exit 1

# --- a target's code is not cut while it fits ------------------------------
# The code column was 10 wide: MT2026-4.2027 .. MT2026-4.2030 all read
# "MT2026-4.…", four rows alike.
ui_start 80 24 -f "$T/v.db"
ui_keys 2 End
expect_screen "the targets pane, at its end" '^> Targets \(16\)'
expect_screen "a long code whole" '^.MT2026-4\.2027 '
expect_screen "and the next one" '^.MT2026-4\.2030 '
expect_no_screen "none cut" 'MT2026-4\.…'
ui_keys q

# --- the help says what Enter does on the calendar --------------------------
# Enter on a day shows the deadlines from it (the agenda); the help named
# only the tasks, the targets and the agenda.
ui_start 80 24 -f "$DB"
ui_keys F1
expect_screen "F1: the help" 'tiendo help'
expect_screen "Enter on the calendar is in the help" 'the deadlines from the day \(calendar\)'
ui_keys Escape 3
expect_screen "3: the calendar" '> Month 03/2026'
ui_keys Right Enter
expect_screen "Enter on a day: the deadlines from it" '> Due from 16/03'
ui_keys q
# a help line that wraps goes on under its description, not under the keys
ui_start 80 24 -f "$DB"
ui_keys F1
expect_screen "the help's second line of Enter, under the description" '│ {16}the deadlines from the day \(calendar\)'
ui_keys Escape q

# --- first run: a long list of units leaves the step's text in sight --------
# The list was centred on the screen: with a province's units it covered
# "Step 2 of 2 ... Choose your unit (type to filter ...)".
"$TIENDO" -f "$T/dt.db" init --plan "$SRCDIR/data/plans/dong-thap-118-2025.csv" >/dev/null
mkdir -p "$T/xa2" && "$TIENDO" -f "$T/dt.db" export-plan -o "$T/xa2/kehoach_DT-118-2025_v1.csv" >/dev/null
cd "$T/xa2" || exit 1
ui_start 80 24 -f "$T/xa2/tiendo.db"
expect_screen "first run, the plan package" 'kehoach_DT-118-2025_v1\.csv'
ui_keys Enter
expect_screen "the units' list" '│Sở Khoa học và Công nghệ \(DT-SKHCN\)'
expect_screen "step 2 is in sight" '^  Step 2 of 2: plan DT-118-2025 version [0-9]+\. Choose your unit'
expect_screen "what to type is in sight" '^  without diacritics too\)\.'
ui_text "khoa hoc"
ui_keys Enter
expect_screen "chosen: the main screen" 'this database belongs to DT-SKHCN'
ui_stop
cd "$T" || exit 1

# --- the reports (R) fit 80 columns and follow a resize ---------------------
# At 80x24 the table was wider than its popup (the Key column cut to "K…",
# a key's state wrapped onto the unit's name), and after a resize the popup
# kept the table laid out for the old width.
sh "$SRCDIR/data/demo/build.sh" "$TIENDO" "$T/demo.db" >/dev/null
ui_start 80 24 -f "$T/demo.db"
ui_keys R
expect_screen "R at 80x24: the reports" 'Reports for 2026S1'
expect_screen "every heading whole, Key too" '│ Unit +State +Exported +Imported +Key +│'
expect_no_screen "no heading cut" 'K…'
expect_screen "a unit's row whole, its key's state too" '│ DT-P-CAOLANH +on time +[0-9/]+ [0-9:]+ +[0-9/]+ +new +│'
expect_screen "its name on the line under it, indented" '│   Phường Cao Lãnh +│'
expect_no_screen "no key's state on a name's line" '│ new +Phường'
tmux -L "$SOCK" resize-window -t ui -x 120 -y 30
expect_screen "120x30: laid out again, the name beside its row" '│ DT-P-CAOLANH +ward +on time +[0-9/]+ [0-9:]+ +[0-9/]+ +new +Phường Cao Lãnh +│'
expect_screen "a long name ends with an ellipsis" 'Văn phòng Ủy ban nhân dân tỉnh \(Phòn… │'
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "80x24 again: the names under the rows" '│   Ban Tuyên giáo và Dân vận Tỉnh ủy +│'
expect_no_screen "nothing of the wider layout stays" 'Unit name'
ui_keys Escape
expect_screen "Esc: the main screen" 'F4Enter F5Filter'
ui_keys q

# --- a named key stands apart from its label in the hint bar ---------------
# The bar glued the key (plain) to its label (reversed): "SpaceStatus",
# "TabField", "C-lRedraw" where reverse video does not show. A function key
# or a single character shows where it ends: "F1Help", "xWorkbook".
ui_start 80 24 -f "$DB"
ui_keys Enter
expect_screen "the form's keys" '^F1Help F2Save F10Cancel C-l Redraw Tab Field Space Status C-t Telex'
ui_keys Escape
ui_keys R
expect_screen "the reports' keys" '^F10Cancel C-l Redraw xWorkbook wDraft nReminder'
ui_keys Escape q

# --- u in the targets pane says where undo works -----------------------------
# It did nothing and said nothing: a target's value has no undo.
ui_start 80 24 -f "$DB"
ui_keys 2
expect_screen "2: the targets" '> Targets'
ui_keys u
expect_screen "u: where undo works, how a value is changed" "^Undo works in the task list \(1\); a target's value: enter it again \(Enter\)\.$"
ui_keys F8
expect_screen "F8 too" "^Undo works in the task list"
ui_keys q

# --- one of a thing is not "1 things" ---------------------------------------
# The messages said "1/1 hits", "1 files: ...", "1 entries" (English only:
# Vietnamese has one form).
ui_start 80 24 -f "$DB"
ui_keys /
ui_text "mang xa hoi"
ui_keys Enter
expect_screen "one search hit" '^1/1 hit \(n: next, N: previous\)'
ui_keys q

# --- a target's form shows no "Space Status": it has no status to cycle -----
# Space is typed in its fields; the hint named a key that did nothing.
ui_start 80 24 -f "$DB"
ui_keys 2 Enter
expect_screen "the target form" '^ Target '
expect_screen "its keys, without Space" '^F1Help F2Save F10Cancel C-l Redraw Tab Field C-t Telex'
expect_no_screen "no Status key" 'Space ?Status'
ui_keys Escape q

# --- n before any search says how to search ---------------------------------
# n and N are in the help and the hint bar; before a search they did nothing.
ui_start 80 24 -f "$DB"
ui_keys n
expect_screen "n: how to search" '^No search yet: F9 searches the tasks\.'
ui_keys q

# --- importing one file of one row: "1 file", "1 row" ------------------------
"$TIENDO" -f "$T/so1.db" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-SKHCN >/dev/null
"$TIENDO" -f "$T/so1.db" export-plan -o "$T/plan1.csv" >/dev/null
"$TIENDO" -f "$T/xa1.db" init --plan "$T/plan1.csv" --unit T-XA1 >/dev/null
"$TIENDO" -f "$T/xa1.db" set 1a-1 --period 2026S1 --status in-progress --percent 10 >/dev/null
mkdir -p "$T/in1"
TIENDO_EXPORT_DIR="$T/in1" "$TIENDO" -f "$T/xa1.db" export --period 2026S1 >"$T/exp1"
expect_grep "export: 1 entry" '1 entry, 0 indicator values\.' "$T/exp1"
ui_start 80 24 -f "$T/so1.db"
ui_keys I C-u
ui_text "$T/in1"
ui_keys Enter
expect_screen "the import's summary: 1 file" '1 file: 1 imported, 0 with nothing new, 0 refused'
expect_screen "the file's line: 1 row" '│ \(exported [0-9/]+ [0-9:]+\): 1 row: 1 new, 0 replaced'
ui_keys Escape q
