#!/bin/bash
# SPDX-License-Identifier: MIT
# -o to something that is not a regular file (issue 15, "Also found"): a
# FIFO is written to as it is, never replaced by a regular file; -o - is
# standard output. For the streamed outputs (consolidate, export,
# export-plan) and those written whole through a temporary file
# (consolidate --xlsx, draft-report, draft-reminder, key --export). And -o
# naming the database itself, which is refused.
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
export TMPDIR=$T
PLAN="$SRCDIR/tests/data/exchange/plan.csv"
"$TIENDO" -f dept.db init --plan "$PLAN" >/dev/null 2>err || { notok "database" "$(cat err)"; exit 1; }
"$TIENDO" -f dept.db set T1 --unit SKHCN --period 2026S1 --status done --result "Xong" >/dev/null 2>&1

# through_fifo NAME CMD...: run CMD (which names fifo as its output) while a
# reader copies the FIFO to got; compare with the same command to a file.
through_fifo() {
	local name=$1
	shift
	rm -f fifo got
	mkfifo fifo
	timeout 20 cat fifo >got &
	local reader=$!
	expect_exit "$name: -o FIFO" 0 timeout 20 "$@"
	wait "$reader"
	if [ -p fifo ]; then ok "$name: the FIFO is still a FIFO"; else
		notok "$name: the FIFO is still a FIFO" "$(ls -l fifo)"; fi
	if [ -s got ]; then ok "$name: the reader got the file"; else notok "$name: the reader got the file"; fi
}
through_fifo "consolidate" "$TIENDO" -f dept.db consolidate --period 2026S1 -o fifo
"$TIENDO" -f dept.db consolidate --period 2026S1 -o file.csv >/dev/null 2>&1
expect_eq "consolidate: the same bytes as to a file" "$(md5sum <file.csv)" "$(md5sum <got)"
"$TIENDO" -f dept.db consolidate --period 2026S1 -o - >stdout.csv 2>/dev/null
expect_eq "consolidate: -o - writes the same to standard output" "$(md5sum <file.csv)" "$(md5sum <stdout.csv)"
through_fifo "export" "$TIENDO" -f dept.db export --period 2026S1 -o fifo
expect_grep "export: a report came through" "^format,tiendo-report" got
through_fifo "export-plan" "$TIENDO" -f dept.db export-plan -o fifo
expect_grep "export-plan: a package came through" "tiendo-plan" got

# Written whole through a temporary file, then into the FIFO.
through_fifo "consolidate --xlsx" "$TIENDO" -f dept.db consolidate --period 2026S1 --xlsx -o fifo
[ "$(head -c 2 got)" = PK ] && ok "consolidate --xlsx: a workbook came through" || notok "consolidate --xlsx: a workbook came through"
through_fifo "draft-report" "$TIENDO" -f dept.db draft-report --period 2026S1 -o fifo
[ "$(head -c 2 got)" = PK ] && ok "draft-report: a document came through" || notok "draft-report: a document came through"
through_fifo "draft-reminder" "$TIENDO" -f dept.db draft-reminder --period 2026S1 -o fifo
[ "$(head -c 2 got)" = PK ] && ok "draft-reminder: a document came through" || notok "draft-reminder: a document came through"
through_fifo "key --export" "$TIENDO" -f dept.db key --export -o fifo
"$TIENDO" -f dept.db key --export -o k.csv >/dev/null 2>&1
expect_eq "key --export: the same bytes as to a file" "$(md5sum <k.csv)" "$(md5sum <got)"
ls tiendo-out-* >/dev/null 2>&1 && notok "no temporary file left" "$(ls tiendo-out-*)" || ok "no temporary file left"

# A place that cannot be written: refused with its reason, nothing made, and
# nothing left allocated (the sanitizer build saw a leak of the path here).
for cmd in "export --period 2026S1" "consolidate --period 2026S1" "export-plan"; do
	expect_exit "${cmd%% *} -o into a missing folder: refused" 1 "$TIENDO" -f dept.db $cmd -o nowhere/x.csv
	expect_grep "${cmd%% *}: says why" "nowhere/x.csv: No such file or directory|nowhere/x.csv" "$T/err"
done
[ ! -e nowhere ] && ok "no folder was made" || notok "no folder was made"

# -o naming the database itself (or through a link, or its journal) is
# refused before anything is written: renaming the output over it lost the
# whole database.
cp dept.db before.db
ln -s dept.db dblink
for cmd in "export --period 2026S1" "consolidate --period 2026S1" "consolidate --period 2026S1 --xlsx" \
	"export-plan" "draft-report --period 2026S1" "draft-reminder --period 2026S1" "key --export"; do
	for out in dept.db "$T/dept.db" dblink; do
		expect_exit "$cmd -o ${out/#$T/\$T} (the database): refused" 2 "$TIENDO" -f dept.db $cmd -o "$out"
		expect_grep "$cmd -o ${out/#$T/\$T}: says it is the database" "is the database" "$T/err"
	done
done
expect_eq "the database is untouched" "$(md5sum <before.db)" "$(md5sum <dept.db)"
expect_exit "the database still opens" 0 "$TIENDO" -f dept.db units
[ -L dblink ] && ok "the link to the database is still a link" || notok "the link to the database is still a link"
printf 'stale\n' >dept.db-wal
expect_exit "-o the database's WAL file: refused" 2 "$TIENDO" -f dept.db consolidate --period 2026S1 -o dept.db-wal
expect_eq "the WAL file is untouched" "stale" "$(cat dept.db-wal)"
rm -f dept.db-wal

# -o naming a symbolic link writes the file it points to (through a chain of
# links, relative to the link's folder, or not existing yet); the link stays
# a link. A rename onto the link replaced it with a regular file and left
# the file it pointed to as it was.
mkdir -p shared
for cmd in "consolidate --period 2026S1" "consolidate --period 2026S1 --xlsx" "export --period 2026S1" \
	"export-plan" "draft-report --period 2026S1" "key --export"; do
	rm -rf shared/* out.lnk hop.lnk
	echo old >shared/old.dat
	ln -s ../shared/old.dat shared/hop.lnk
	ln -s shared/hop.lnk out.lnk
	expect_exit "$cmd -o a link to a file" 0 "$TIENDO" -f dept.db $cmd -o out.lnk
	[ -L out.lnk ] && [ -L shared/hop.lnk ] && ok "$cmd: the links are still links" ||
		notok "$cmd: the links are still links" "$(ls -l out.lnk shared)"
	! cmp -s shared/old.dat - <<<old && ok "$cmd: the file linked to was written" ||
		notok "$cmd: the file linked to was written"
	ls shared/.old.dat.* >/dev/null 2>&1 && notok "$cmd: no temporary file left" || ok "$cmd: no temporary file left"
	rm -f out.lnk
	ln -s shared/new.dat out.lnk
	expect_exit "$cmd -o a link to a file not there yet" 0 "$TIENDO" -f dept.db $cmd -o out.lnk
	[ -L out.lnk ] && [ -s shared/new.dat ] && ok "$cmd: the new file is made where the link points" ||
		notok "$cmd: the new file is made where the link points" "$(ls -l out.lnk shared)"
done

# -o naming a folder, with or without its trailing slash, says it is a
# folder: "outd/" was refused as "Not a directory". (export alone takes
# "outd/" as the folder to write its usual file name into.)
mkdir -p outd
for cmd in "consolidate --period 2026S1" "consolidate --period 2026S1 --xlsx" "export-plan" \
	"draft-report --period 2026S1" "key --export"; do
	for out in outd outd/; do
		expect_exit "$cmd -o $out: refused" 1 "$TIENDO" -f dept.db $cmd -o $out
		expect_grep "$cmd -o $out: says it is a folder" "cannot write $out: Is a directory" "$T/err"
	done
done
[ -z "$(ls -A outd)" ] && ok "nothing was left in the folder" || notok "nothing was left in the folder" "$(ls -A outd)"
