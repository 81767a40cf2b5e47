#!/bin/bash
# SPDX-License-Identifier: MIT
# Who signed the files imported from the interface (issue 13): the summary of
# an import (key I) gives the notes `tiendo import` gives, in the same words:
# a unit's first signed file (its key recorded, to be checked by phone), a
# file signed by another key than the one known (kept aside), an unsigned
# format-1 file. tmux runs tiendo at 120x40 (tests/ui_lib.sh).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
unset TIENDO_EXPORT_DIR
ui_quit() { ui_keys q; expect_screen "$1" 'EXIT-STATUS:0'; }
# The popup's text as one string, borders and spaces dropped (a note wraps).
popup_text() { ui_screen | sed 's/^[^│]*│ *//; s/ *│.*$//' | tr -d '\n '; }
# expect_popup NAME TEXT: the popup holds TEXT (spaces aside).
expect_popup() {
	if [ -z "$2" ]; then notok "$1" "no text to look for"; return; fi
	case $(popup_text) in
	*"$(printf '%s' "$2" | tr -d ' ')"*) ok "$1" ;;
	*) notok "$1" "the popup does not hold: $2
$(ui_screen)" ;;
	esac
}

tdo -f dept.db init --plan "$PLAN" >/dev/null
tdo -f dept.db export-plan -o pkg.csv >/dev/null
for u in XA1 XA2; do tdo -f "$u.db" init --plan pkg.csv --unit "$u" >/dev/null; done
tdo -f XA1-new.db init --plan pkg.csv --unit XA1 >/dev/null
mkdir recv
# a: XA1's first signed report; b: XA1 from a new computer (another key);
# c: XA2's report as an older tiendo wrote it (format 1, no signature).
tdo -f XA1.db set T1 --period 2026S1 --status done --result "máy cũ" >/dev/null
tdo -f XA1.db export --period 2026S1 -o recv/a-first.csv >/dev/null
tdo -f XA1-new.db set T1 --period 2026S1 --status done --result "máy mới" >/dev/null
tdo -f XA1-new.db export --period 2026S1 -o recv/b-changed.csv >/dev/null
tdo -f XA2.db set T1 --period 2026S1 --status done >/dev/null
tdo -f XA2.db export --period 2026S1 -o old.csv >/dev/null
grep -v '^signature,' old.csv | sed 's/^format,tiendo-report,2$/format,tiendo-report,1/' >recv/c-unsigned.csv
tdo -f XA1.db key >"$T/key.out"
FP=$(sed -n 's/^Key of this database (unit XA1): //p' "$T/key.out")

# What the command line says, on a copy: the interface must say the same.
cp dept.db cli.db
tdo -f cli.db import recv >"$T/cli.out" 2>"$T/cli.err"
expect_grep "the command line notes XA1's first key" "a-first.csv: note: the first signed file of XA1: its key $FP is recorded" "$T/cli.out"
expect_grep "the command line says the changed key" "b-changed.csv:[0-9]+: signed by another key than the one known for XA1" "$T/cli.err"
expect_grep "the command line notes the unsigned file" "c-unsigned.csv: note: not signed \(no signature row\): nothing proves that XA2 made it" "$T/cli.err"

ui_start 120 40 -f "$T/dept.db"
expect_screen "the department's interface is up" 'Unit: all units'
ui_keys I
ui_wait 'Import from \(a folder or a file\)'
ui_keys C-u
ui_text "$T/recv"
ui_keys Enter
expect_screen "the summary of the folder" '3 files: 2 imported, 0 with nothing new, 1 refused'
expect_screen "the first file imported" 'a-first\.csv: imported report of XA1 for 2026S1'
expect_popup "with the note on XA1's first key, its digits and what to do, worded as the command line words it" \
	"$(sed -n 's/^recv\/\(a-first.csv: note: .*\)$/\1/p' "$T/cli.out")"
expect_screen "the file signed by another key is refused" 'b-changed\.csv: refused; nothing was imported from it'
expect_screen "saying why and what to do" 'b-changed\.csv:[0-9]+: signed by another key than the one known for XA1'
expect_screen "the unsigned file is imported" 'c-unsigned\.csv: imported report of XA2 for 2026S1'
expect_popup "with the note that nothing proves who made it, as on the command line" \
	"$(sed -n 's/^tiendo: recv\/\(c-unsigned.csv: note: .*\)$/\1/p' "$T/cli.err")"
ui_keys Escape
ui_quit "quits cleanly"
expect_eq "the key of XA1 is recorded, the changed one kept aside" "changed" \
	"$(tdo -f dept.db trust | awk -F '\t' '$1 == "XA1" { print $2 }')"
ui_stop
