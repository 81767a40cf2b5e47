#!/bin/bash
# SPDX-License-Identifier: MIT
# Vietnamese order: `units` as a tree with siblings by name, `tasks --sort`,
# and in the interface the task list's order key and the unit chooser.
# The expected orders are written out by hand from the dictionary rules
# (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; tones after
# the bare letter: ma mà mả mã má mạ; numbers by value), not computed.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
DB="$T/db"
PLAN="$SRCDIR/tests/data/sort-vi.csv"
expect_exit "init loads the sort test plan" 0 "$TIENDO" -f "$DB" init --plan "$PLAN" --unit S-SKHCN

codes() { cut -f1 "$1" | tr '\n' ' ' | sed 's/ $//'; }

# ---------------------------------------------------------------- units
# Each unit before its children; siblings by kind (departments, press,
# communes and wards together, groups; external bodies after the province),
# then by name: Phường 2 < Phường 10, Xã An < Xã Ân < Xã Dương < Xã Đông < Xã Đồng.
expect_exit "units runs" 0 "$TIENDO" -f "$DB" units
cp "$T/out" "$T/units"
expect_eq "units: a tree, siblings by kind then Vietnamese name" \
	"S-UBND S-SCT S-SGDDT S-SKHCN S-SKHCN-QLKH S-SKHCN-TT S-SKHCN-VP S-SYT S-BAO S-P2 S-P10 S-X-E S-X-B S-X-D S-X-A S-X-C S-SBN S-XA S-BKHCN" \
	"$(codes "$T/units")"
expect_grep "units: the line format is unchanged" $'^S-X-A\tcommune\tS-UBND\tXã Đông Hòa$' "$T/units"

# ---------------------------------------------------------------- tasks
plan_order="1a-10 1a-2 1a-1 1a-3 1a-11 1a-4 1a-5 1a-12 1a-6 1a-7 1a-8 1a-9 2a-1 2a-3 2a-2 2a-4 2a-5 2a-6 2a-7 2a-8 2a-9 2a-10 2a-11 2a-12 2a-13"
"$TIENDO" -f "$DB" tasks >"$T/tasks"
expect_eq "tasks: plan order by default" "$plan_order" "$(codes "$T/tasks")"
"$TIENDO" -f "$DB" tasks --sort plan >"$T/tasks"
expect_eq "tasks --sort plan: the plan's order" "$plan_order" "$(codes "$T/tasks")"

cat >"$T/want" <<'W'
An ninh mạng
Ăn khớp kế hoạch
Âm thanh số
Bảo mật dữ liệu
Chuyển đổi số
Cổng thông tin
Dữ liệu mở
Đào tạo nhân lực
Giám sát
Ma
Mà
Mả
Mã
Má
Mạ
Mai
Ô nhiễm môi trường
Tập huấn
Thông tin
Truyền thông
Ủy ban
Ứng dụng
Xã 2
Xã 10
Yên Bình
W
expect_exit "tasks --sort title runs" 0 "$TIENDO" -f "$DB" tasks --sort title
cut -f4 "$T/out" >"$T/titles"
expect_file "tasks --sort title: Vietnamese dictionary order" "$T/want" "$T/titles"
expect_eq "tasks --sort title: codes follow their titles" \
	"1a-5 1a-7 1a-3 2a-7 2a-2 2a-12 1a-8 1a-2 2a-9 2a-3 1a-9 1a-4 1a-6 2a-5 1a-10 2a-6 2a-10 2a-11 1a-12 2a-13 2a-8 1a-11 2a-4 1a-1 2a-1" \
	"$(codes "$T/out")"
# The test means something only if byte order differs (Ă, Â, Đ, Ô, Ứ sort
# after Y by bytes, and "Xã 10" before "Xã 2").
LC_ALL=C sort "$T/want" >"$T/bytes"
if cmp -s "$T/want" "$T/bytes"; then notok "the expected order is not byte order"; else
	ok "the expected order is not byte order"; fi
for loc in C C.UTF-8 vi_VN.UTF-8; do
	LC_ALL=$loc "$TIENDO" -f "$DB" tasks --sort title 2>/dev/null | cut -f4 >"$T/titles"
	expect_file "tasks --sort title does not depend on the locale (LC_ALL=$loc)" "$T/want" "$T/titles"
done
"$TIENDO" -f "$DB" --ascii tasks --sort title | cut -f4 | head -n 3 | tr '\n' '|' >"$T/x"
expect_eq "--ascii sorts by the real letters (An < Ăn < Âm)" "An ninh mang|An khop ke hoach|Am thanh so|" "$(cat "$T/x")"
"$TIENDO" -f "$DB" tasks --sort title --search "ma" >"$T/tasks"
expect_eq "--sort with --search: matches in title order" \
	"1a-5 2a-7 2a-3 1a-9 1a-4 1a-6 2a-5 1a-10 2a-6" "$(codes "$T/tasks")"
"$TIENDO" -f "$DB" tasks --sort title --unit S-SKHCN >"$T/tasks"
expect_eq "--sort with --unit" 25 "$(wc -l <"$T/tasks" | tr -d ' ')"

"$TIENDO" -f "$DB" tasks --sort code >"$T/tasks"
expect_eq "tasks --sort code: numbers by value (1a-2 before 1a-10)" \
	"1a-1 1a-2 1a-3 1a-4 1a-5 1a-6 1a-7 1a-8 1a-9 1a-10 1a-11 1a-12 2a-1 2a-2 2a-3 2a-4 2a-5 2a-6 2a-7 2a-8 2a-9 2a-10 2a-11 2a-12 2a-13" \
	"$(codes "$T/tasks")"

expect_exit "tasks --sort with an unknown order is a usage error" 2 "$TIENDO" -f "$DB" tasks --sort date
expect_grep "and says which orders exist" "--sort 'date': use plan, title or code" "$T/err"
expect_exit "tasks --sort needs a value" 2 "$TIENDO" -f "$DB" tasks --sort
expect_exit "tasks --help" 0 "$TIENDO" tasks --help
expect_grep "tasks --help names --sort" '^  --sort ORDER +plan' "$T/out"
TIENDO_LANG=vi expect_exit "tasks --help in Vietnamese" 0 "$TIENDO" tasks --help
expect_grep "the Vietnamese help names --sort" '^  --sort THỨ_TỰ plan' "$T/out"

# ---------------------------------------------------------------- interface
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
# tasks_on_screen: the task codes of the task list, top to bottom.
tasks_on_screen() { ui_screen 2>/dev/null | grep -oE '^[ !][12]a-[0-9]+' | tr -d ' !' | tr '\n' ' ' | sed 's/ $//'; }
# expect_tasks NAME EXPECTED FIELDS: the codes FIELDS (cut -f syntax) of the
# list show EXPECTED, waiting a little for the screen to settle.
expect_tasks() {
	_n=100
	while :; do
		_got=$(tasks_on_screen | cut -d' ' -f"$3")
		[ "$_got" = "$2" ] || [ "$_n" -eq 0 ] && break
		sleep 0.05
		_n=$((_n - 1))
	done
	expect_eq "$1" "$2" "$_got"
}

ui_start 80 24 -f "$DB"
if ui_screen | grep -q 'EXIT-STATUS'; then notok "the interface starts" "$(ui_screen)"; exit 0; fi
expect_screen "the task list starts in plan order" 'Tasks \(25\), plan order'
expect_screen "under section headings" '^I Nhiệm vụ nhóm một'
expect_tasks "plan order on the screen" "1a-10 1a-2 1a-1 1a-3 1a-11" 1-5
ui_keys s
expect_screen "s orders by title, and the header says so" 'Tasks \(25\), by title'
ui_keys F3
expect_screen "the selected task stays selected across the change" 'Task 1a-10'
ui_keys Escape
expect_screen "back from the detail" 'by title'
# Mạ (1a-10) is 15th by title: the list scrolled to it.
expect_tasks "the list scrolled to the selected task" \
	"2a-7 2a-2 2a-12 1a-8 1a-2 2a-9 2a-3 1a-9 1a-4 1a-6 2a-5 1a-10" 1-12
ui_keys Home
expect_tasks "title order on the screen" "1a-5 1a-7 1a-3 2a-7 2a-2" 1-5
expect_no_screen "no section headings in title order" '^I Nhiệm vụ nhóm một'
ui_keys s
expect_screen "s again: back to plan order" 'Tasks \(25\), plan order'
expect_tasks "plan order again on the screen" "1a-10 1a-2 1a-1 1a-3 1a-11" 1-5
ui_keys F1 NPage
expect_screen "the help lists the order key from the action table" '│ s +Order tasks: plan order, or by title'
ui_keys Escape
expect_screen "Esc closes the help" 'Tasks \(25\), plan order'

# The unit chooser lists units by name in Vietnamese order.
ui_keys F2
expect_screen "F2 opens the unit chooser" 'Filter:'
ui_text "xa"
expect_screen "the chooser filters to the communes" 'S-X-C +Xã Đồng Hòa'
expect_eq "communes by name: An, Ân, Dương, Đông, Đồng" "S-X-E S-X-B S-X-D S-X-A S-X-C" \
	"$(ui_screen | grep -oE 'S-X-[A-E] ' | tr -d ' ' | tr '\n' ' ' | sed 's/ $//')"
ui_keys Escape
ui_keys q
expect_screen "q quits" 'EXIT-STATUS:0'

# The vi keymap keeps the order key.
ui_start 80 24 -k vi -f "$DB"
ui_keys s
expect_screen "vi keymap: s orders by title" 'Tasks \(25\), by title'
ui_keys q
