#!/bin/bash
# SPDX-License-Identifier: MIT
# The end row's checksum in a report exported with --excel survives a
# LibreOffice Calc re-save (issue 13, section 5). The checksum is 16 hex
# digits: about one in 1,850 is digits only ("0688785693884355", which Calc
# turns into 688785693884355) and about one in 1,300 digits around an e (a
# scientific number): it is protected as the texts are, and the protection
# is undone on import. The test finds export times that give such checksums
# by computing the checksum itself (64-bit FNV-1a of the rows' fields, see
# report_hash_row): an empty report's only hashed row is its report row.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk

# fnv H TEXT: 64-bit FNV-1a of TEXT's bytes (ASCII) from the state H, in $h.
fnv() {
	local s=$2 i c
	h=$1
	for ((i = 0; i < ${#s}; i++)); do
		printf -v c '%d' "'${s:i:1}"
		h=$(((h ^ c) * 1099511628211))
	done
}
US=$'\x1f' RS=$'\x1e'
fnv $((0xcbf29ce484222325)) "report${US}XA1${US}TEST-EX${US}1${US}2026S1${US}2026-06-05T"
day=$h
digits="" sci=""
for ((t = 7200; t < 86400 && (${#digits} == 0 || ${#sci} == 0); t++)); do
	printf -v hms '%02d:%02d:%02dZ' $((t / 3600)) $((t / 60 % 60)) $((t % 60))
	fnv "$day" "$hms$RS"
	printf -v hex '%016x' "$h"
	case $hex in
	*[!0-9]*) ;;
	*) [ -z "$digits" ] && digits="$hms $hex" ;;
	esac
	case $hex in
	[0-9]*e*[0-9]) [[ -z "$sci" && $hex =~ ^[0-9]+e[0-9]+$ ]] && sci="$hms $hex" ;;
	esac
done
if [ -n "$digits" ] && [ -n "$sci" ]; then ok "export times found for both cases ($digits; $sci)"
else notok "export times found for both cases" "digits: '$digits', scientific: '$sci'"; exit 0; fi

tdo -f dept.db init --plan "$PLAN" >/dev/null
tdo -f dept.db export-plan -o pkg.csv >/dev/null
tdo -f XA1.db init --plan pkg.csv --unit XA1 >/dev/null
# export_at CASE NAME: the empty report of XA1 exported at the time CASE
# names, as NAME.csv (--excel) and NAME-machine.csv.
export_at() {
	local when=${1% *} sum=${1#* }
	TIENDO_NOW=2026-06-05T$when tdo -f XA1.db export --period 2026S1 --excel -o "$2.csv" 2>/dev/null >&2
	TIENDO_NOW=2026-06-05T$when tdo -f XA1.db export --period 2026S1 -o "$2-machine.csv" 2>/dev/null >&2
	expect_eq "$2: the --excel export protects its checksum $sum as a text" \
		"end,0,\"'$sum\"" "$(tail -n 1 "$2.csv" | tr -d '\r')"
	expect_eq "$2: the machine flavour writes it as it is" "end,0,$sum" "$(tail -n 1 "$2-machine.csv")"
}
export_at "$digits" digits
export_at "$sci" sci

for f in digits sci; do
	tdo -f "plain-$f.db" init --plan "$PLAN" >/dev/null
	expect_exit "$f: the --excel file imports as it is" 0 tdo -f "plain-$f.db" import "$f.csv"
done

if ! command -v soffice >/dev/null 2>&1; then
	notok "LibreOffice is installed (make check-deps installs libreoffice-calc-nogui)"
	exit 0
fi
mkdir -p lo
HOME="$T/lohome" timeout 180 soffice --headless --infilter="CSV:44,34,76,1" \
	--convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir lo digits.csv sci.csv >/dev/null 2>&1
for f in digits sci; do
	sum=$(tail -n 1 "$f-machine.csv" | cut -d, -f3)
	if [ -s "lo/$f.csv" ]; then ok "$f: LibreOffice re-saved the report"
	else notok "$f: LibreOffice re-saved the report" "$(ls -l lo)"; continue; fi
	printf '# %s: LibreOffice wrote the end row as: %s\n' "$f" "$(tail -n 1 "lo/$f.csv" | tr -d '\r')"
	tdo -f "lo-$f.db" init --plan "$PLAN" >/dev/null
	expect_exit "$f: the re-saved report with the checksum $sum imports" 0 tdo -f "lo-$f.db" import "lo/$f.csv"
	expect_grep "$f: as XA1's report" "imported report of XA1 for 2026S1" "$T/out"
done

# The same report re-saved as a workbook (.xlsx) imports too.
HOME="$T/lohome" timeout 180 soffice --headless --infilter="CSV:44,34,76,1" \
	--convert-to xlsx --outdir lo digits.csv >/dev/null 2>&1
tdo -f xlsx.db init --plan "$PLAN" >/dev/null
expect_exit "digits: the report re-saved as .xlsx imports" 0 tdo -f xlsx.db import lo/digits.xlsx
expect_grep "digits: as XA1's report, read from the workbook" "imported report of XA1 for 2026S1 .*read as xlsx" "$T/out"
