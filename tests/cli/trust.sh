#!/bin/bash
# SPDX-License-Identifier: MIT
# Trust rules of the exchange (issue 13): plans travel down from their issuer,
# reports travel up, a unit reports only what it is assigned, retired
# indicators keep their values; every refused file leaves the database as it
# was.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
tdo() { "$TIENDO" "$@"; }
dump() { sqlite3 "$1" .dump; }

tdo -f dept.db init --plan "$PLAN" >/dev/null
tdo -f dept.db export-plan -o pkg.csv >/dev/null
tdo -f XA1.db init --plan pkg.csv --unit XA1 >/dev/null

# --- plans travel down ------------------------------------------------------
# A forged package dropped in the department's folder: a newer version that
# re-parents a ward and retargets an indicator. Signed packages cannot be
# edited (see signatures below): these forgeries drop the signature, which
# the rules must refuse by themselves.
unsigned() { grep -v '^signature,' "$@"; }
unsigned pkg.csv | sed -e 's/^plan,TEST-EX,1,/plan,TEST-EX,9,/' -e 's/^unit,XA2,ward,TINH,/unit,XA2,ward,SKHCN,/' \
	-e 's/^indicator,I1,percent,>=,80,/indicator,I1,percent,>=,10,/' >forged.csv
before=$(dump dept.db)
expect_exit "a forged package at the consolidating database is refused" 1 tdo -f dept.db import forged.csv
expect_grep "naming the rule" "this database consolidates plan TEST-EX .*never takes one from outside" "$T/err"
expect_eq "and the department's plan is untouched" "$before" "$(dump dept.db)"
expect_exit "its own package again is harmless" 0 tdo -f dept.db import pkg.csv

unsigned pkg.csv | sed -e 's/^plan,TEST-EX,1,TINH,\(.*\),SKHCN,,,/plan,TEST-EX,9,TINH,\1,P1,,,/' >fromp1.csv
before=$(dump XA1.db)
expect_exit "a commune refuses a package of its plan from another issuer" 1 tdo -f XA1.db import fromp1.csv
expect_grep "naming the rule" "is issued by P1, but this database has it from SKHCN" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump XA1.db)"

# Another plan the department keeps (a genuine package of its own, signed).
unsigned pkg.csv | sed -e 's/^plan,TEST-EX,1,/plan,OTHER-EX,1,/' >other-plan.csv
tdo -f dept.db init --plan other-plan.csv >/dev/null
tdo -f dept.db export-plan -o other.csv >/dev/null
tdo -f dept.db use TEST-EX >/dev/null
expect_exit "a package of another plan code is refused" 1 tdo -f XA1.db import other.csv
expect_grep "says how to add it" "not a plan of this database .*--add-plan" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump XA1.db)"
expect_exit "import --add-plan adds it" 0 tdo -f XA1.db import --add-plan other.csv
expect_exit "set after adding a plan" 0 tdo -f XA1.db set T1 --period 2026S1 --status done --result "kết quả"
expect_eq "the entry went into the current plan, not the added one" "TEST-EX" \
	"$(sqlite3 XA1.db "SELECT p.code FROM progress g JOIN task t ON t.id = g.task_id JOIN plan p ON p.id = t.plan_id")"

# --- reports travel up ------------------------------------------------------
tdo -f own.db init --plan pkg.csv --unit SKHCN >/dev/null
tdo -f own.db set T2 --period 2026S1 --unit SKHCN --status done --result "ghi đè" >/dev/null
tdo -f own.db export --period 2026S1 -o own.csv >/dev/null
tdo -f dept.db set T2 --period 2026S1 --unit SKHCN --status in-progress --result "của Sở" >/dev/null
before=$(dump dept.db)
expect_exit "a report from the database's own unit is refused" 1 tdo -f dept.db import own.csv
expect_grep "naming the rule" "comes from SKHCN, this database's own unit: reports travel up" "$T/err"
expect_eq "and the department's own entry stays" "$before" "$(dump dept.db)"

tdo -f up.db init --plan pkg.csv --unit TINH >/dev/null
tdo -f up.db set T2 --period 2026S1 --unit TINH --status done >/dev/null 2>&1
tdo -f up.db export --period 2026S1 -o up.csv >/dev/null
expect_exit "a report from a unit above is refused" 1 tdo -f dept.db import up.csv
expect_grep "naming the rule" "comes from TINH, a unit above this database's unit SKHCN" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump dept.db)"

# --- one rule for set and import: assigned tasks only ---------------------
unsigned pkg.csv | sed -e 's/^task,T3,I,c),PHONG,/task,T3,I,c),PHONG XA1,/' >lax.csv
tdo -f lax.db init --plan lax.csv --unit XA1 >/dev/null
expect_exit "set refuses a task the unit is not assigned (department's plan)" 1 tdo -f dept.db set T3 --period 2026S1 --unit XA1 --status done
expect_exit "a database with a laxer plan lets it be entered" 0 tdo -f lax.db set T3 --period 2026S1 --status done
tdo -f lax.db export --period 2026S1 -o lax-report.csv >/dev/null
expect_exit "import refuses it as set does" 1 tdo -f dept.db import lax-report.csv
expect_grep "naming the task and unit" "task T3 is not assigned to unit XA1" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump dept.db)"

# --- a database enters only what its reports carry ---------------------------
# XA1's export carries XA1's rows alone: progress entered there for XA2 (or
# for the department) never left the machine. The department's database
# enters for the units that report to it, as the conflicts tests do.
before=$(dump XA1.db)
expect_exit "set for another commune is refused" 1 tdo -f XA1.db set T1 --period 2026S1 --unit XA2 --status done
expect_grep "naming the database's unit and the other" "this database belongs to XA1 \(Xã Một\) and does not report for XA2" "$T/err"
expect_grep "saying where to enter it" "enter it in XA2's own database, or at SKHCN, which consolidates plan TEST-EX; nothing was written" "$T/err"
expect_exit "set-indicator for another commune is refused" 1 tdo -f XA1.db set-indicator I1 --period 2026S1 --unit XA2 --numerator 1 --denominator 2
expect_grep "saying so" "does not report for XA2" "$T/err"
expect_exit "undo for another commune is refused" 1 tdo -f XA1.db undo T1 --period 2026S1 --unit XA2
expect_grep "saying so, not 'nothing to undo'" "does not report for XA2" "$T/err"
expect_exit "set for the department above is refused" 1 tdo -f XA1.db set T2 --period 2026S1 --unit SKHCN --status done
expect_grep "naming it, and its own database as the place" "does not report for SKHCN: .*enter it in SKHCN's own database; nothing was written" "$T/err"
expect_eq "and XA1's database is as it was" "$before" "$(dump XA1.db)"
expect_exit "XA1's own entry is taken" 0 tdo -f XA1.db set T2 --period 2026S1 --unit XA1 --status in-progress
expect_exit "the department enters a commune's progress" 0 tdo -f dept.db set T1 --period 2026S1 --unit XA2 --status in-progress
expect_exit "and undoes it" 0 tdo -f dept.db undo T1 --period 2026S1 --unit XA2
expect_exit "and a commune's value" 0 tdo -f dept.db set-indicator I1 --period 2026S1 --unit XA2 --numerator 1 --denominator 2

# --- retired indicators keep their values -----------------------------------
tdo -f so.db init --plan "$PLAN" >/dev/null
tdo -f so.db export-plan -o so-v1.csv >/dev/null
tdo -f XA2.db init --plan so-v1.csv --unit XA2 >/dev/null
tdo -f XA2.db set-indicator I2 --period 2026S1 --value 4 >/dev/null
grep -v '^indicator,I2,' "$PLAN" | sed 's/^plan,TEST-EX,1,/plan,TEST-EX,2,/' >v2.csv
# The department moves to version 2 (I2 retired) the way it always does: init with the new plan file.
expect_exit "the department retires indicator I2 (version 2)" 0 tdo -f so.db init --plan v2.csv
tdo -f so.db export-plan -o so-v2.csv >/dev/null
expect_exit "the commune takes version 2" 0 tdo -f XA2.db import so-v2.csv
tdo -f XA2.db export --period 2026S1 -o xa2.csv >/dev/null
expect_grep "the commune's report still carries its I2 value" "^value,XA2,I2," xa2.csv
expect_exit "the department accepts a value of a retired indicator" 0 tdo -f so.db import xa2.csv
expect_eq "and keeps it" "4.0" "$(sqlite3 so.db "SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'I2'")"

# --- signatures (section 3) -------------------------------------------------
export TIENDO_NOW=2026-06-06T02:00:00Z
expect_exit "tiendo key shows the fingerprint" 0 tdo -f XA1.db key
expect_grep "twenty digits in five groups, for the phone" "^Key of this database \(unit XA1\): [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$" "$T/out"
FP_XA1=$(sed -n 's/^Key of this database (unit XA1): //p' "$T/out")
tdo -f XA1.db export --period 2026S1 -o s1.csv >/dev/null
expect_grep "a report is format 2" "^format,tiendo-report,2$" s1.csv
expect_grep "with the sender's key and an Ed25519 signature" "^signature,ed25519,[0-9a-f]{64},[0-9a-f]{128}$" s1.csv
expect_eq "the signature row comes just before the end row" "signature end" "$(tail -n 2 s1.csv | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
expect_grep "the plan package is signed too" "^signature,ed25519," pkg.csv
# A second signature row (a forger's, or the same one pasted twice) is
# refused: the second was ignored, and the file imported as signed.
sed '/^signature,/p' s1.csv >dup-sig.csv
SIG_LINE=$(grep -n '^signature,' s1.csv | cut -d: -f1)
before=$(dump dept.db)
expect_exit "a report with two signature rows is refused" 1 tdo -f dept.db import dup-sig.csv
expect_grep "naming both lines" "dup-sig.csv:$((SIG_LINE + 1)): a second signature row \\(the file's is on line $SIG_LINE\\)" "$T/err"
expect_eq "and nothing changed" "$before" "$(dump dept.db)"
# A dry run records no key, and says so: it said "is recorded".
expect_exit "a dry run of XA1's first signed report" 0 tdo -f dept.db import --dry-run s1.csv
expect_grep "says the key would be recorded" "first signed file of XA1: its key $FP_XA1 would be recorded" "$T/out"
expect_no_grep "not that it is" "is recorded" "$T/out"
expect_exit "the department imports XA1's first signed report" 0 tdo -f dept.db import s1.csv
expect_grep "and says the key is new" "first signed file of XA1: its key $FP_XA1 is recorded" "$T/out"
expect_exit "trust lists the keys" 0 tdo -f dept.db trust
expect_grep "XA1's key is new" "^XA1	new	$FP_XA1$" "$T/out"

# A new computer at XA1: another key.
tdo -f XA1-new.db init --plan pkg.csv --unit XA1 >/dev/null
tdo -f XA1-new.db set T1 --period 2026S1 --status done --result "máy mới" >/dev/null
tdo -f XA1-new.db export --period 2026S1 -o s2.csv >/dev/null
before=$(dump dept.db | grep -v 'INSERT INTO unit_key')
expect_exit "a file of XA1 signed by another key is refused" 1 tdo -f dept.db import s2.csv
expect_grep "says what to do" "signed by another key than the one known for XA1 .*confirm with the unit by phone, then: tiendo trust XA1" "$T/err"
expect_eq "nothing but the key kept aside changed" "$before" "$(dump dept.db | grep -v 'INSERT INTO unit_key')"
expect_exit "trust lists it" 0 tdo -f dept.db trust
expect_grep "the key shows as changed" "^XA1	changed	" "$T/out"
# The digits to check by phone before trusting it are the new key's: the
# list shows them beside the known key's.
FP_NEW=$(tdo -f XA1-new.db key | sed -n 's/^Key of this database (unit XA1): //p')
expect_grep "and the new key's digits beside the known ones" "^XA1	changed	$FP_XA1	new key: $FP_NEW$" "$T/out"
expect_exit "units --keys lists every unit with its key state" 0 tdo -f dept.db units --keys
expect_grep "XA1's key is changed there too, before the name" "^XA1	commune	[^	]*	changed	" "$T/out"
expect_grep "a unit without a key shows -" "^XA2	ward	[^	]*	-	" "$T/out"
expect_exit "units without --keys keeps four columns" 0 tdo -f dept.db units
expect_eq "no line has a fifth column" "0" "$(awk -F'\t' 'NF != 4' "$T/out" | wc -l)"
expect_exit "units refuses an argument" 2 tdo -f dept.db units XA1
expect_exit "after the phone call: tiendo trust XA1" 0 tdo -f dept.db trust XA1
expect_grep "names the file kept aside" "new key of XA1 is trusted now: .*Import the file kept aside again: s2.csv" "$T/out"
expect_exit "the file comes in now" 0 tdo -f dept.db import s2.csv
tdo -f XA1.db set T1 --period 2026S1 --status done --result "máy cũ" >/dev/null
tdo -f XA1.db export --period 2026S1 -o s3.csv >/dev/null
expect_exit "and the old computer's new files are refused" 1 tdo -f dept.db import s3.csv

# Unsigned files: a warning, or refused when signatures are required.
tdo -f XA2-old.db init --plan pkg.csv --unit XA2 >/dev/null
tdo -f XA2-old.db set T1 --period 2026S1 --status done >/dev/null
tdo -f XA2-old.db export --period 2026S1 -o old.csv >/dev/null
grep -v '^signature,' old.csv | sed 's/^format,tiendo-report,2$/format,tiendo-report,1/' >v1.csv
cp dept.db dept-strict.db
mkdir -p "$HOME/.config/tiendo"
echo "require-signatures yes" >"$HOME/.config/tiendo/config"
expect_exit "require-signatures refuses an unsigned file" 1 tdo -f dept-strict.db import v1.csv
expect_grep "saying why" "not signed \(no signature row\) and this computer requires signed files" "$T/err"
rm "$HOME/.config/tiendo/config"
expect_exit "an unsigned format-1 file still imports" 0 tdo -f dept.db import v1.csv
expect_grep "with a warning" "v1.csv: note: not signed \(no signature row\): nothing proves that XA2 made it" "$T/err"
# A format 2 file without its signature row is no format 1 file: the note
# said "(format 1)" of it.
cp XA2-old.db XA2-v2.db
tdo -f XA2-v2.db set T1 --period 2026S1 --result "định dạng 2" >/dev/null
tdo -f XA2-v2.db export --period 2026S1 -o v2.csv >/dev/null
grep -v '^signature,' v2.csv >v2-unsigned.csv
expect_grep "(the file is format 2)" '^format,tiendo-report,2$' v2-unsigned.csv
cp dept.db dept-v2.db
expect_exit "a format-2 file without its signature row imports, as unsigned" 0 tdo -f dept-v2.db import v2-unsigned.csv
expect_grep "with the warning" "v2-unsigned.csv: note: not signed \(no signature row\): nothing proves that XA2 made it" "$T/err"
expect_no_grep "not calling it format 1" "format 1" "$T/err"
tdo -f XA2-old.db set T1 --period 2026S1 --result "lần hai" >/dev/null
tdo -f XA2-old.db export --period 2026S1 -o old2.csv >/dev/null
expect_exit "XA2's first signed file" 0 tdo -f dept.db import old2.csv
tdo -f XA2-old.db set T1 --period 2026S1 --result "lần ba" >/dev/null
tdo -f XA2-old.db export --period 2026S1 -o old3.csv >/dev/null
grep -v '^signature,' old3.csv | sed 's/^format,tiendo-report,2$/format,tiendo-report,1/' >v1b.csv
expect_exit "once XA2 signed a file, its unsigned files are refused" 1 tdo -f dept.db import v1b.csv
expect_grep "no going back to unsigned" "not signed, but the files of XA2 are signed" "$T/err"

# Packages: a commune learns its department's key at init and refuses any other signer.
expect_exit "a commune initialised from the package" 0 tdo -f XA9.db init --plan pkg.csv --unit XA2
expect_grep "learns the department's key" "The package is signed by SKHCN, key [0-9 ]{24}" "$T/out"
tdo -f rogue.db init --plan "$PLAN" --unit SKHCN >/dev/null
tdo -f rogue.db add-unit XA3 --name "Xã Giả" --kind commune --parent TINH >/dev/null
tdo -f rogue.db export-plan -o rogue.csv >/dev/null
before=$(dump XA9.db | grep -v 'INSERT INTO unit_key')
expect_exit "a package signed by anyone else is refused" 1 tdo -f XA9.db import rogue.csv
expect_grep "naming SKHCN" "signed by another key than the one known for SKHCN" "$T/err"
expect_eq "and changes nothing" "$before" "$(dump XA9.db | grep -v 'INSERT INTO unit_key')"
tdo -f dept.db export-plan -o pkg2.csv >/dev/null
expect_grep "the package carries the keys the department confirmed" "^key,XA1,[0-9a-f]{64}$" pkg2.csv

# Key files handed over beforehand.
expect_exit "key --export" 0 tdo -f XA2.db key --export -o k.csv
expect_exit "a key file under a .xlsx name: refused" 2 tdo -f XA2.db key --export -o khoa.xlsx
expect_grep "the key file is CSV" "khoa.xlsx: the file written is .csv, not .xlsx; name it khoa.csv" "$T/err"
expect_grep "a signed key file" "^signature,ed25519," k.csv
expect_exit "trust FILE" 0 tdo -f so.db trust k.csv
expect_grep "says whose key, and the digits" "The key of XA2 is trusted now: [0-9 ]{24}" "$T/out"
sed "s/^key,XA2,[0-9a-f]*/key,XA2,$(printf 'a%.0s' $(seq 64))/" k.csv >k-bad.csv
expect_exit "an edited key file is refused" 1 tdo -f so.db trust k-bad.csv
# A key file of this database's own unit (SKHCN, made by another database
# set up as SKHCN) is refused: trust listed SKHCN as trusted with that key,
# while this database signs with its own.
tdo -f fake-so.db init --plan "$PLAN" --unit SKHCN >/dev/null
tdo -f fake-so.db key --export -o k-so.csv >/dev/null
before=$(tdo -f so.db trust)
expect_exit "a key file of the database's own unit is refused" 1 tdo -f so.db trust k-so.csv
expect_grep "saying it is this database's own unit" "k-so.csv: the key file is of SKHCN, this database's own unit" "$T/err"
expect_eq "and the keys known are as they were" "$before" "$(tdo -f so.db trust)"
tdo -f so.db key --export -o k-own.csv >/dev/null
expect_exit "its own key file too" 1 tdo -f so.db trust k-own.csv
expect_exit "a key file that is not there" 1 tdo -f so.db trust khoa_XA9.csv
expect_grep "is called a missing file, not an unknown unit" "^tiendo: khoa_XA9.csv: no such file" "$T/err"

# --- what reaches a terminal or a spreadsheet (section 5) ----------------
export TIENDO_NOW=2026-06-07T02:00:00Z
evil=$'a\e]0;PWNED\a\e[2J.csv'
tdo -f XA2-old.db set T1 --period 2026S1 --status done --result "từ tệp lạ" >/dev/null
tdo -f XA2-old.db export --period 2026S1 -o "$evil" >/dev/null
expect_exit "a file named with escape sequences imports" 0 tdo -f dept.db import "$evil"
if grep -q $'\e' "$T/out" "$T/err"; then notok "import never prints its escape sequences raw" "$(od -c "$T/out" | head -5)"
else ok "import never prints its escape sequences raw"; fi
expect_grep "it shows them visibly" 'a\\x1b\]0;PWNED\\x07\\x1b\[2J\.csv: imported' "$T/out"
expect_exit "received" 0 tdo -f dept.db received
if grep -q $'\e' "$T/out"; then notok "received never prints them raw"; else ok "received never prints them raw"; fi
expect_grep "received shows them visibly" 'a\\x1b\]0;PWNED' "$T/out"
# A tab or a line break in a file's name is shown escaped too: its import
# line stays one line, and its row of the register keeps its 9 fields.
tabbed=$'t\tab\nnl.csv'
tdo -f XA2-old.db set T1 --period 2026S1 --result "từ tệp có tên lạ" >/dev/null
tdo -f XA2-old.db export --period 2026S1 -o "$tabbed" >/dev/null
expect_exit "a file named with a tab and a line break imports" 0 tdo -f dept.db import "$tabbed"
expect_eq "in one line" 1 "$(wc -l <"$T/out")"
expect_grep "its name shown escaped" '^t\\x09ab\\x0anl\.csv: imported' "$T/out"
expect_exit "received" 0 tdo -f dept.db received
expect_eq "the register's rows keep their 9 fields" "" "$(awk -F'\t' 'NF != 9' "$T/out")"
# On a terminal, import shows a progress line "[k/N] FILE" per file: it
# printed the name raw, and the title of the window became PWNED.
if command -v script >/dev/null 2>&1; then
	mkdir -p evil-folder
	cp "$evil" evil-folder/
	for i in 1 2 3; do cp "$evil" "evil-folder/b$i.csv"; done
	cp dept.db tty.db
	script -qc "\"$TIENDO\" -f tty.db import evil-folder" /dev/null >tty.txt 2>&1 </dev/null
	expect_grep "on a terminal, a progress line is shown" '\[1/4\] evil-folder/a' tty.txt
	if grep -q $'\e]0;PWNED' tty.txt; then notok "the progress line never prints the name's escapes raw" "$(cat -v tty.txt | head -c 600)"
	else ok "the progress line never prints the name's escapes raw"; fi
fi

bidi=$'abc\u202Eexe.txt'
c1=$'x\u009b2Jy'
expect_exit "set refuses a bidirectional override" 1 tdo -f XA2.db set T1 --period 2026S1 --result "$bidi"
expect_grep "naming it" "bidirectional override" "$T/err"
expect_exit "set refuses a C1 control" 1 tdo -f XA2.db set T1 --period 2026S1 --result "$c1"
expect_exit "tiendo --help still works" 0 tdo --help
# A usage error shows what was typed through the same sanitiser: an unknown
# command or argument was printed raw (a script passing on a received file's
# name as an argument could set the window title).
expect_exit "an unknown command with escapes is a usage error" 2 tdo $'\e]0;PWNED\a'
if grep -q $'\e' "$T/err"; then notok "... its escapes never printed raw" "$(cat -v "$T/err")"
else ok "... its escapes never printed raw"; fi
expect_exit "an unexpected argument with escapes too" 2 tdo -f dept.db units $'\e[2J'
if grep -q $'\e' "$T/err"; then notok "... nor its" "$(cat -v "$T/err")"; else ok "... nor its"; fi
expect_grep "they show them visibly" "unexpected argument '\\\\x1b\\[2J'" "$T/err"
# --check-keymap printed a keymap file's lines and its name raw: a key
# file handed round with escapes in it set the title or cleared the screen.
printf 'up \033]0;PWNED\007\nfoo\033[2J bar\nquit q\n' >evil.keys
expect_exit "--check-keymap: a file with escapes has problems" 1 tdo --check-keymap ./evil.keys
if grep -q $'\e' "$T/err"; then notok "... its escapes never printed raw" "$(cat -v "$T/err")"
else ok "... its escapes never printed raw"; fi
expect_grep "... shown visibly, with its line" "^\./evil\.keys:1: .*\\\\x1b\]0;PWNED\\\\x07" "$T/err"
mkdir -p "$(printf 'k\033[31m')" && printf 'quit q\n' >"$(printf 'k\033[31m')/ok.keys"
expect_exit "--check-keymap: a good file in a folder named with escapes" 0 tdo --check-keymap "./$(printf 'k\033[31m')/ok.keys"
if grep -q $'\e' "$T/out"; then notok "... its name never printed raw" "$(cat -v "$T/out")"
else ok "... its name never printed raw"; fi

# status --csv and the default consolidated table are formula-safe.
tdo -f dept.db add-unit XA5 --name '=HYPERLINK("http://x","y")' --kind commune --parent TINH >/dev/null
expect_exit "status --csv" 0 tdo -f dept.db status --period 2026S1 --csv
expect_grep "a unit name that is a formula is neutralised" "^SKHCN,R-XA,XA5,commune,[0-9-]+,[a-z-]+,,,\"'=HYPERLINK" "$T/out"
expect_no_grep "no cell starts a formula" '(^|,)=' "$T/out"
expect_exit "consolidate (machine flavour)" 0 tdo -f dept.db consolidate --period 2026S1 -o t.csv
expect_no_grep "the consolidated table has no formula cell either" '(^|,)[=@]' t.csv

# --excel: texts a spreadsheet would turn into numbers survive a LibreOffice re-save.
tdo -f XL.db init --plan so-v2.csv --unit XA1 >/dev/null
tdo -f XL.db set T1 --period 2026S1 --status done --evidence "0912345678" --result "50%" \
	--difficulties "1/10" --proposals "12-5" >/dev/null
tdo -f XL.db set-indicator I1 --period 2026S1 --numerator 3 --denominator 4 --note "1.000.000" >/dev/null
tdo -f XL.db export --period 2026S1 --excel -o xl.csv >/dev/null
expect_grep "protected in the excel flavour" "\"'0912345678\"" xl.csv
if command -v soffice >/dev/null 2>&1; then
	mkdir -p lo-xl
	HOME="$T/lohome" timeout 180 soffice --headless --infilter="CSV:44,34,76,1" \
		--convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir lo-xl xl.csv >/dev/null 2>&1
	tdo -f xl-dept.db init --plan so-v2.csv >/dev/null
	expect_exit "a LibreOffice re-save of numbers-as-text imports" 0 tdo -f xl-dept.db import lo-xl/xl.csv
	got=$(sqlite3 xl-dept.db "SELECT evidence || '|' || result || '|' || difficulties || '|' || proposals FROM progress")
	expect_eq "every text arrives exactly" "0912345678|50%|1/10|12-5" "$got"
	expect_eq "the note too" "1.000.000" "$(sqlite3 xl-dept.db "SELECT note FROM indicator_value")"
else
	notok "LibreOffice is installed (make check-deps installs libreoffice-calc-nogui)"
fi

# Excel's "Unicode Text" save: UTF-16 with a BOM, tab-separated.
tdo -f u16.db init --plan so-v2.csv >/dev/null
tr ',' '\t' <xl.csv | sed 's/^\xef\xbb\xbf//' >xl-tab.csv
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE xl-tab.csv; } >u16le.csv
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE xl-tab.csv; } >u16be.csv
expect_exit "a UTF-16LE report (Excel's Unicode Text) imports" 0 tdo -f u16.db import u16le.csv
expect_grep "and the summary names UTF-16LE" "read as UTF-16LE" "$T/out"
expect_eq "texts intact" "0912345678|50%" "$(sqlite3 u16.db "SELECT evidence || '|' || result FROM progress")"
expect_exit "UTF-16BE too" 0 tdo -f u16.db import u16be.csv
expect_grep "named" "the same report|read as UTF-16BE" "$T/out"
printf '\xff\xfeA' >odd.csv
expect_exit "broken UTF-16 is refused" 1 tdo -f u16.db import odd.csv
expect_grep "saying so" "broken UTF-16" "$T/err"

# Another kind of zip document picked by mistake is named for what it is, not
# called a damaged workbook: a Word draft, a LibreOffice .ods save.
tdo -f zipdoc.db init --plan so-v2.csv >/dev/null
tdo -f zipdoc.db draft-report --period 2026S1 -o draft.docx >/dev/null
python3 -c 'import zipfile, sys
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", "<office:document-content/>")' xl.ods
expect_exit "a Word document is refused" 1 tdo -f zipdoc.db import draft.docx
expect_grep "as a Word document" "^tiendo: draft.docx: a Word document \(.docx\), not a report or plan package" "$T/err"
expect_exit "an .ods save is refused" 1 tdo -f zipdoc.db import xl.ods
expect_grep "saying how to save it instead" "^tiendo: xl.ods: an OpenDocument spreadsheet \(.ods\): in LibreOffice save it as .xlsx or as CSV UTF-8" "$T/err"

# mkxlsx.py CSV OUT [NOTE]: the CSV file as a workbook, its cells inline
# strings; with NOTE, a sheet holding it comes first (as a clerk adds one).
cat >mkxlsx.py <<'PY'
import csv, sys, zipfile
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
def sheet(rows):
    out = []
    for i, r in enumerate(rows, 1):
        cells = "".join('<c r="%s%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                        % (chr(65 + j), i, escape(v)) for j, v in enumerate(r) if v)
        out.append('<row r="%d">%s</row>' % (i, cells))
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheetData>%s</sheetData></worksheet>" % "".join(out))
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
note = sys.argv[3] if len(sys.argv) > 3 else None
first = '<sheet name="Ghi chú" sheetId="2" r:id="rId2"/>' if note else ""
with zipfile.ZipFile(sys.argv[2], "w") as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="%s"><sheets>%s<sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>' % (R, first))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="%s/worksheet" Target="worksheets/sheet2.xml"/></Relationships>' % (R, R))
    z.writestr("xl/worksheets/sheet1.xml", sheet(rows))
    z.writestr("xl/worksheets/sheet2.xml", sheet([[note or ""]]))
PY

# A workbook where the clerk added a sheet of notes before the report: the
# sheet that starts with the format row is read, not refused as "not a
# tiendo report".
python3 mkxlsx.py xl.csv notes-first.xlsx "Đã gọi điện cho xã ngày 5/6"
tdo -f notes.db init --plan so-v2.csv >/dev/null
expect_exit "a workbook with a sheet of notes before the report imports" 0 tdo -f notes.db import notes-first.xlsx
expect_grep "as the report in it" "notes-first.xlsx: imported report of XA1 .*read as xlsx" "$T/out"
expect_eq "its texts intact" "0912345678|50%|1/10|12-5" \
	"$(sqlite3 notes.db "SELECT evidence || '|' || result || '|' || difficulties || '|' || proposals FROM progress")"

# A plan package saved as a workbook: init --plan reads it as import does
# (it said "NUL byte in the file"), and learns the department's key from it.
tdo -f so.db export-plan --excel -o pkg-xl.csv >/dev/null
python3 mkxlsx.py pkg-xl.csv pkg-xl.xlsx
expect_exit "init from a package saved as a workbook" 0 tdo -f XA6.db init --plan pkg-xl.xlsx --unit XA2
expect_grep "says it read a workbook" "pkg-xl.xlsx: note: read as xlsx \(a workbook\)" "$T/err"
expect_grep "and learns the department's key" "The package is signed by SKHCN, key [0-9 ]{24}" "$T/out"

# A report re-saved as .xlsx (a clerk opened it in Excel and saved a workbook).
if command -v soffice >/dev/null 2>&1; then
	mkdir -p lo-xlsx
	HOME="$T/lohome" timeout 180 soffice --headless --infilter="CSV:44,34,76,1" \
		--convert-to xlsx --outdir lo-xlsx xl.csv >/dev/null 2>&1
	tdo -f xlsx.db init --plan so-v2.csv >/dev/null
	before=$(dump xlsx.db)
	head -c 300 lo-xlsx/xl.xlsx >cut.xlsx
	expect_exit "a damaged workbook is refused" 1 tdo -f xlsx.db import cut.xlsx
	expect_grep "saying so" "not a readable .xlsx workbook" "$T/err"
	expect_eq "and changes nothing" "$before" "$(dump xlsx.db)"
	expect_exit "a report re-saved as .xlsx imports" 0 tdo -f xlsx.db import lo-xlsx/xl.xlsx
	expect_grep "read from the workbook" "imported report of XA1 .*read as xlsx" "$T/out"
	expect_no_grep "a workbook is not called \"not UTF-8\"" "read as xlsx.*not UTF-8" "$T/out"
	expect_eq "every text arrives exactly" "0912345678|50%|1/10|12-5" \
		"$(sqlite3 xlsx.db "SELECT evidence || '|' || result || '|' || difficulties || '|' || proposals FROM progress")"
	expect_exit "the same report as CSV is a duplicate" 0 tdo -f xlsx.db import xl.csv
	expect_grep "recognised" "already imported" "$T/out"
	mkdir -p folder && cp lo-xlsx/xl.xlsx folder/
	tdo -f xlsx2.db init --plan so-v2.csv >/dev/null
	expect_exit "a folder's .xlsx files are imported too" 0 tdo -f xlsx2.db import folder
	expect_grep "the workbook in the folder" "xl.xlsx: imported" "$T/out"
fi

# --- smaller findings (section 6) -------------------------------------------
# (Another program may have left a /dev/null-journal: only a new or changed one counts.)
jbefore=$(stat -c %Y.%s /dev/null-journal 2>/dev/null)
expect_exit "-f /dev/null is refused" 1 tdo -f /dev/null tasks
expect_grep "as not a regular file" "/dev/null: not a regular file" "$T/err"
expect_eq "and leaves no /dev/null-journal" "$jbefore" "$(stat -c %Y.%s /dev/null-journal 2>/dev/null)"
: >notes.txt
expect_exit "-f on an empty text file is refused" 1 tdo -f notes.txt tasks
expect_eq "and it stays empty" "0" "$(wc -c <notes.txt)"
echo "ghi chú" >notes2.txt
expect_exit "-f on a text file is refused" 1 tdo -f notes2.txt tasks
expect_grep "as not a database" "notes2.txt: not a tiendo database" "$T/err"
expect_exit "init on a text file is refused too" 1 tdo -f notes2.txt init --plan "$PLAN"
expect_eq "and it is untouched" "ghi chú" "$(cat notes2.txt)"
# An SQLite database of another program is refused and left as it was: a
# command that only reads switched it to WAL and added tiendo's tables to it.
sqlite3 other.db "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Lan')"
before=$(md5sum <other.db)
expect_exit "-f on another program's SQLite database is refused" 1 tdo -f other.db tasks
expect_grep "as another program's" "other.db: an SQLite database of another program" "$T/err"
expect_exit "init does not take it over either" 1 tdo -f other.db init --plan "$PLAN"
expect_eq "and the file is untouched" "$before" "$(md5sum <other.db)"
expect_eq "with no tiendo table in it" "contacts" "$(sqlite3 other.db "SELECT group_concat(name) FROM sqlite_schema")"

cp so.db minus.db
sqlite3 minus.db "PRAGMA user_version = -1"
expect_exit "user_version -1" 1 tdo -f minus.db tasks
expect_grep "says the database is damaged and what to do" "minus.db: the database is damaged \(integrity check: user_version -1\); restore a copy" "$T/err"
cp so.db broken.db
sqlite3 broken.db "PRAGMA journal_mode=DELETE" >/dev/null
dd if=/dev/zero of=broken.db bs=1 seek=16 count=84 conv=notrunc 2>/dev/null
expect_exit "a corrupted header page" 1 tdo -f broken.db tasks
expect_grep "says it is damaged, not 'not an error'" "broken.db: the database is damaged \(integrity check: .*\); restore a copy" "$T/err"
expect_exit "and init does not take it over" 1 tdo -f broken.db init --plan "$PLAN"

# Interrupted exports: a temporary file a killed run left is swept up.
tdo -f XA1.db export --period 2026S1 -o out.csv >/dev/null
: >.out.csv.AbC123
touch -d '2 hours ago' .out.csv.AbC123
: >.out.csv.NeW999
expect_exit "the next export" 0 tdo -f XA1.db export --period 2026S1 -o out.csv
if [ -e .out.csv.AbC123 ]; then notok "removes the stale temporary file"; else ok "removes the stale temporary file"; fi
if [ -e .out.csv.NeW999 ]; then ok "but not one another export may be writing"; else notok "but not one another export may be writing"; fi

# show when the history cannot be read (the sanitizer build sees a leak).
cp XA1.db nohist.db
sqlite3 nohist.db "DROP TABLE progress_history"
expect_exit "show with the history table gone" 1 tdo -f nohist.db show T1 --period 2026S1

# A database on a read-only mount (needs root and mount namespaces: skipped otherwise).
mkdir -p ro-src ro-mnt
tdo -f ro-src/x.db init --plan "$PLAN" --unit XA1 >/dev/null
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	cat >ro.sh <<EOS
mount --bind "$T/ro-src" "$T/ro-mnt" && mount -o remount,bind,ro "$T/ro-mnt" || exit 99
"$TIENDO" -f "$T/ro-mnt/x.db" tasks >"$T/ro-read.out" 2>&1; echo "read \$?"
"$TIENDO" -f "$T/ro-mnt/x.db" set T1 --period 2026S1 --status done >"$T/ro-write.out" 2>&1; echo "write \$?"
EOS
	got=$(unshare -m sh ro.sh)
	expect_eq "read commands work on a read-only mount; changes are refused" "read 0
write 1" "$got"
	expect_grep "the tasks are listed" "^T1	" ro-read.out
	expect_grep "a change says the folder is read-only" "the folder is read-only" ro-write.out
else
	ok "# SKIP read-only mount (needs root and unshare -m)"
fi
