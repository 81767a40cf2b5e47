#!/bin/bash
# SPDX-License-Identifier: MIT
# Command line: help, version, exit codes, database location, init and plan versions.
. "$SRCDIR/tests/lib.sh"
DB="$T/db"
MINI="$SRCDIR/tests/data/mini.csv"

expect_exit "--version exits 0" 0 "$TIENDO" --version
expect_grep "--version prints the version" '^tiendo [0-9]+\.[0-9]+' "$T/out"
expect_exit "--help exits 0" 0 "$TIENDO" --help
expect_grep "--help lists the commands with a summary" '^  set-indicator   record an indicator value for a period$' "$T/out"
expect_exit "command --help exits 0" 0 "$TIENDO" set --help
expect_grep "set --help shows its options" 'difficulties' "$T/out"
TIENDO_LANG=vi expect_exit "help in Vietnamese" 0 "$TIENDO" --help
expect_grep "Vietnamese is the default language" 'Cách dùng' "$T/out"
expect_exit "unknown command is a usage error" 2 "$TIENDO" frobnicate
expect_grep "unknown command named" "unknown command 'frobnicate'" "$T/err"
expect_exit "unknown option is a usage error" 2 "$TIENDO" tasks --bogus
expect_exit "missing option value is a usage error" 2 "$TIENDO" -f "$DB" set 1a --period
expect_exit "init without --plan is a usage error" 2 "$TIENDO" -f "$DB" init
expect_exit "commands refuse a missing database" 1 "$TIENDO" -f "$DB" tasks
expect_grep "and say how to create one" 'init --plan' "$T/err"
[ -e "$DB" ] && notok "no database created by a read" || ok "no database created by a read"

# A bad plan file: refused with file:line, database not created or changed.
printf 'format,tiendo-plan,1\nplan,P,1,U,,N,,U,,,T\nunit,U,province,,,Y\nsection,S,A\ntask,1,S,,NOPE,,none,,,,T,X\n' >"$T/bad.csv"
expect_exit "a bad plan file is refused" 1 "$TIENDO" -f "$DB" init --plan "$T/bad.csv"
expect_grep "with file and line" "bad.csv:5: lead units: unknown unit 'NOPE'" "$T/err"
# "an indicator row", "an event row": the article before a vowel (it read
# "a indicator row").
printf 'format,tiendo-plan,1\nplan,P,1,U,,N,,U,,,T\nunit,U,province,,,Y\nindicator,I1\n' >"$T/bad.csv"
expect_exit "a short indicator row is refused" 1 "$TIENDO" -f "$DB" init --plan "$T/bad.csv"
expect_grep "an indicator row" "bad.csv:4: an indicator row needs [0-9]+ fields after the type, this one has 1" "$T/err"
printf 'format,tiendo-plan,1\nplan,P,1,U,,N,,U,,,T\nunit,U,province,,,Y\nevent,E,05-18,Ngày,x,y,z\n' >"$T/bad.csv"
expect_exit "an event row with extra fields is refused" 1 "$TIENDO" -f "$DB" init --plan "$T/bad.csv"
expect_grep "an event row" "bad.csv:4: an event row has 3 fields after the type; field [0-9]+ is extra" "$T/err"
printf 'format,tiendo-plan,1\nplan,P,1,U,,N,,U,,,T\nunit,U\n' >"$T/bad.csv"
expect_exit "a short unit row is refused" 1 "$TIENDO" -f "$DB" init --plan "$T/bad.csv"
expect_grep "a unit row" "bad.csv:3: a unit row needs" "$T/err"
expect_exit "a missing plan file is refused" 1 "$TIENDO" -f "$DB" init --plan "$T/nope.csv"
expect_grep "naming the file" 'nope.csv: cannot read' "$T/err"

expect_exit "init loads the plan" 0 "$TIENDO" -f "$DB" init --plan "$MINI"
expect_grep "init reports what it loaded" 'loaded plan MINI-1 version 1: tasks: 5, indicators: 4, report rules: 2, units: 8' "$T/out"
"$TIENDO" -f "$DB" tasks >"$T/tasks"
cat >"$T/want" <<'W'
1a-1	T-SBNDP T-BAO	recurring	Chuyên mục Nghị quyết 57 trên cổng thông tin
1a-2	T-SBNDP	due 31/12/2025	Lập trang trên mạng xã hội
1b-1	T-SKHCN	recurring	Sự kiện Ngày KH&CN và Ngày Chuyển đổi số
1b-2	T-SKHCN	recurring from 01/01/2026	Giải báo chí về khoa học công nghệ
2a	T-SGDDT	due 30/06/2026	Kế hoạch truyền thông trong trường học
W
expect_file "tasks: code, lead, time frame, title" "$T/want" "$T/tasks"
"$TIENDO" -f "$DB" tasks --unit T-XA1 | cut -f1 | tr '\n' ' ' >"$T/x"
expect_eq "tasks --unit follows groups" "1a-1 1a-2 1b-1 " "$(cat "$T/x")"
"$TIENDO" -f "$DB" tasks --unit T-SGDDT | cut -f1 | tr '\n' ' ' >"$T/x"
expect_eq "tasks --unit includes coordinating" "1a-1 1a-2 1b-1 2a " "$(cat "$T/x")"
expect_exit "tasks --unit with an unknown unit" 1 "$TIENDO" -f "$DB" tasks --unit NOPE
"$TIENDO" -f "$DB" indicators >"$T/ind"
expect_grep "indicators: percent target" $'^MT2030-1\tpercent\t>=80%\t2030\t' "$T/ind"
expect_grep "indicators: count target" $'^MT2027-1\tcount\t>=3\t2027\t' "$T/ind"
expect_grep "indicators: milestone" $'^MT2026-1\tmilestone\tyes\t2026\t' "$T/ind"
"$TIENDO" -f "$DB" units >"$T/units"
expect_eq "units: one line each" 8 "$(wc -l <"$T/units")"
expect_grep "units: code kind parent name" $'^T-XA1\tcommune\tT-UBND\tXã Đồng Hòa$' "$T/units"
expect_grep "units: roots have no parent" $'^T-UBND\tprovince\t\tỦy ban nhân dân tỉnh Thử$' "$T/units"
"$TIENDO" -f "$DB" regime >"$T/reg"
expect_grep "regime lines" $'^BC-PRESS\tmonth\t20\tyes\tT-BAO\tT-SKHCN$' "$T/reg"
"$TIENDO" -f "$DB" plans >"$T/plans"
expect_grep "plans lines" $'^MINI-1\t1\t12/KH-UBND\t13/08/2025\tKế hoạch thử nghiệm truyền thông$' "$T/plans"
"$TIENDO" -f "$DB" --ascii tasks >"$T/ascii" 2>&1
expect_grep "--ascii drops diacritics" $'^1a-2\tT-SBNDP\tdue 31/12/2025\tLap trang tren mang xa hoi$' "$T/ascii"
"$TIENDO" --ascii -f "$DB" tasks --search "CHUYÊN MỤC" >"$T/s"
expect_eq "--search ignores case and marks" "1a-1" "$(cut -f1 "$T/s")"
"$TIENDO" -f "$DB" tasks --search "ngay chuyen doi so" | cut -f1 >"$T/s"
expect_eq "--search finds by folded text" "1b-1" "$(cat "$T/s")"
"$TIENDO" -f "$DB" tasks --search "ĐỒNG" | cut -f1 >"$T/s"
expect_eq "--search with no match prints nothing" "" "$(cat "$T/s")"
expect_exit "--search refuses invalid UTF-8" 1 "$TIENDO" -f "$DB" tasks --search $'\xc3('

# Same version: no-op; the database is unchanged.
sqlite3 "$DB" .dump >"$T/before"
expect_exit "same version again" 0 "$TIENDO" -f "$DB" init --plan "$MINI"
expect_grep "says the plan is unchanged" 'already at version 1' "$T/out"
sqlite3 "$DB" .dump >"$T/after"
expect_file "same version changes nothing" "$T/before" "$T/after"
# A bad file on an existing database leaves it exactly as it was.
sed 's/^task,2a,III.2,a),T-SGDDT/task,2a,III.2,a),T-NOPE/' "$SRCDIR/tests/data/mini-v2.csv" >"$T/bad2.csv"
expect_exit "a bad newer version is refused" 1 "$TIENDO" -f "$DB" init --plan "$T/bad2.csv"
sqlite3 "$DB" .dump >"$T/after"
expect_file "refused file leaves the database unchanged" "$T/before" "$T/after"
"$TIENDO" -f "$DB" set 1b-2 --unit T-SKHCN --period 2026S1 --percent 10 >/dev/null
"$TIENDO" -f "$DB" set 1b-2 --unit T-SKHCN --period 2026S1 --percent 20 >/dev/null
expect_exit "newer version updates" 0 "$TIENDO" -f "$DB" init --plan "$SRCDIR/tests/data/mini-v2.csv"
# 3a added, 1b-2 gone; the other four are as they were (2a one place up
# since 1b-2 left): none of them was updated (it said "4 updated").
expect_grep "update summary" 'from version 1 to 2: tasks: 1 added, 0 updated, 1 retired' "$T/out"
# (on a copy: the rest of this file reads version 2)
cp "$DB" "$T/vers.db"
sed -e 's/^plan,MINI-1,2,/plan,MINI-1,3,/' "$SRCDIR/tests/data/mini-v2.csv" >"$T/v3.csv"
expect_exit "a version whose tasks did not change" 0 "$TIENDO" -f "$T/vers.db" init --plan "$T/v3.csv"
expect_grep "counts no task updated" 'from version 2 to 3: tasks: 0 added, 0 updated, 0 retired' "$T/out"
sed -e 's/^plan,MINI-1,2,/plan,MINI-1,4,/' -e 's/^\(task,2a,III.2,a),T-SGDDT,\)T-SKHCN,/\1T-SKHCN T-BAO,/' \
	-e 's/,Nhiệm vụ mới,Nhiệm vụ mới được bổ sung\./,Nhiệm vụ mới,Nhiệm vụ mới được bổ sung và sửa./' \
	-e 's/^\(task,1b-1,III.1,-,T-SKHCN,T-SBNDP,recurring,\)KHCN CDS,/\1KHCN,/' \
	"$SRCDIR/tests/data/mini-v2.csv" >"$T/v4.csv"
expect_exit "a version changing a task's text, coordinators and events" 0 "$TIENDO" -f "$T/vers.db" init --plan "$T/v4.csv"
expect_grep "counts those three updated" 'from version 3 to 4: tasks: 0 added, 3 updated, 0 retired' "$T/out"
"$TIENDO" -f "$DB" tasks --retired | grep '^1b-2' >"$T/x"
expect_grep "retired task still listed with --retired" '\(retired\)$' "$T/x"
# set refuses a retired task's entry, but undo changed it (a new revision).
expect_exit "undo of a retired task's entry is refused, as set is" 1 "$TIENDO" -f "$DB" undo 1b-2 --unit T-SKHCN --period 2026S1
expect_grep "saying the task was retired" "task 1b-2 was retired from the plan" "$T/err"
expect_eq "the entry is as it was" "2|20" "$(sqlite3 "$DB" "SELECT revision, percent FROM progress WHERE period = '2026S1' AND task_id = (SELECT id FROM task WHERE code = '1b-2')")"

# Owner.
expect_exit "init --unit sets the owner" 0 "$TIENDO" -f "$DB" init --plan "$MINI" --unit T-XA1
"$TIENDO" -f "$DB" tasks --unit T-XA1 >"$T/a"
expect_exit "init --unit unknown is refused" 1 "$TIENDO" -f "$DB" init --plan "$MINI" --unit NOPE

# Where the database lives.
export XDG_DATA_HOME="$T/xdg"
expect_exit "default database under XDG_DATA_HOME" 0 "$TIENDO" init --plan "$MINI"
[ -f "$T/xdg/tiendo/tiendo.db" ] && ok "created at XDG_DATA_HOME/tiendo/tiendo.db" || notok "created at XDG_DATA_HOME/tiendo/tiendo.db"
expect_eq "database mode 0600" 600 "$(stat -c %a "$T/xdg/tiendo/tiendo.db")"
TIENDO_DB="$T/env.db" expect_exit "TIENDO_DB names the database" 0 "$TIENDO" init --plan "$MINI"
[ -f "$T/env.db" ] && ok "created at TIENDO_DB" || notok "created at TIENDO_DB"
TIENDO_DB="$T/env.db" expect_exit "-f wins over TIENDO_DB" 0 "$TIENDO" -f "$T/f.db" init --plan "$MINI"
[ -f "$T/f.db" ] && ok "created at -f" || notok "created at -f"
unset XDG_DATA_HOME
expect_exit "HOME fallback" 0 "$TIENDO" init --plan "$MINI"
[ -f "$HOME/.local/share/tiendo/tiendo.db" ] && ok "created under ~/.local/share" || notok "created under ~/.local/share"

# Overview (what `make run` shows until the terminal interface exists).
expect_exit "no command: overview" 0 "$TIENDO" -f "$DB"
expect_grep "overview shows the plan" 'Plan MINI-1, version 2' "$T/out"

# Output that standard output cannot take (a full disk, a closed output) is
# an error, exit 1 with a message: `tiendo status --csv > x.csv` on a full
# disk exited 0 with the file cut short.
if [ -w /dev/full ]; then
	for cmd in "units" "tasks" "show 1a-1 --period 2026S1" "plans" "status --period 2026S1 --csv" \
		"consolidate --period 2026S1 -o -" "key --export -o -" "set --help"; do
		"$TIENDO" -f "$DB" $cmd >/dev/full 2>"$T/err"
		expect_eq "$cmd > /dev/full: exit 1" 1 $?
		expect_grep "$cmd > /dev/full: says so" "cannot write to standard output: No space left on device" "$T/err"
	done
	"$TIENDO" -f "$DB" </dev/null >/dev/full 2>"$T/err"
	expect_eq "the overview > /dev/full: exit 1" 1 $?
	"$TIENDO" --help >/dev/full 2>"$T/err"
	expect_eq "--help > /dev/full: exit 1" 1 $?
	"$TIENDO" -f "$DB" units >&- 2>"$T/err"
	expect_eq "units with standard output closed: exit 1" 1 $?
	"$TIENDO" -f "$DB" units >/dev/null 2>"$T/err"
	expect_eq "units > /dev/null: still 0" 0 $?
fi
