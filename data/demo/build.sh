#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the demo database that `make run` opens: the Đồng Tháp plan, a dozen
# communes and wards, and progress for 2025S2, 2026S1 and 2026S2. The
# department (DT-SKHCN) enters its own progress; every other unit enters its
# progress in a database of its own made from the department's plan package,
# exports its report on the day of its last entry, and the department imports
# the reports the next morning, as happens across a province (so the
# register, completeness and timeliness have something to show).
# Usage: data/demo/build.sh TIENDO_BINARY DATABASE
set -eu
bin=$1 db=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp="$db.tmp.$$"
units="$db.units.$$"
rm -f "$tmp" "$tmp-wal" "$tmp-shm"
rm -rf "$units"
trap 'rm -f "$tmp" "$tmp-wal" "$tmp-shm"; rm -rf "$units"' EXIT
mkdir -p "$units"
export TIENDO_LANG=en TIENDO_USER=demo
t() { "$bin" -f "$tmp" "$@" >/dev/null; }
# at UNIT COMMAND...: run a command in that unit's own database.
at() {
	u=$1
	shift
	if [ "$u" = DT-SKHCN ]; then
		t "$@"
		return
	fi
	[ -f "$units/$u.db" ] ||
		"$bin" -f "$units/$u.db" init --plan "$units/plan.csv" --unit "$u" >/dev/null
	"$bin" -f "$units/$u.db" "$@" >/dev/null
	# The unit exports its report for that period on the day of its last entry.
	echo "$u $period $when" >>"$units/exports"
}

nl='
'
us=$(printf '\037')
# Tabs are blank to `read`: runs of them would merge empty fields, so each
# file is read with the (non-blank) unit separator instead.
rows() { grep -v '^#' "$1" | tr '\t' "$us"; }

t init --plan "$here/../plans/dong-thap-118-2025.csv" --unit DT-SKHCN
rows "$here/units.tsv" | while IFS=$us read -r code kind name; do
	t add-unit "$code" --kind "$kind" --name "$name" --parent DT-UBND
done
TIENDO_NOW=2025-07-01T02:00:00Z t export-plan -o "$units/plan.csv"
rows "$here/entries.tsv" | while IFS=$us read -r unit task period when status pct cnt result diff; do
	result=$(printf '%s' "$result" | sed 's/\\n/\'"$nl"'/g')
	diff=$(printf '%s' "$diff" | sed 's/\\n/\'"$nl"'/g')
	TIENDO_NOW="${when}T09:30:00Z" at "$unit" set "$task" --unit "$unit" --period "$period" \
		--status "$status" --percent "$pct" --count "$cnt" --result "$result" --difficulties "$diff"
done
rows "$here/indicators.tsv" | while IFS=$us read -r unit ind period when value note; do
	case $value in
	*/*) TIENDO_NOW="${when}T09:30:00Z" at "$unit" set-indicator "$ind" --unit "$unit" --period "$period" \
		--numerator "${value%/*}" --denominator "${value#*/}" --note "$note" ;;
	*) TIENDO_NOW="${when}T09:30:00Z" at "$unit" set-indicator "$ind" --unit "$unit" --period "$period" \
		--value "$value" --note "$note" ;;
	esac
done
# Each unit's report per period, exported on its last day of entry (10:00
# UTC) and imported by the department the next morning, in date order.
if [ -f "$units/exports" ]; then
	awk '{ k = $1 " " $2; if ($3 > last[k]) last[k] = $3 } END { for (k in last) print k, last[k] }' \
		"$units/exports" | sort -k3,3 -k1,1 |
		while read -r u period when; do
			f="$units/report-$u-$period.csv"
			TIENDO_NOW="${when}T10:00:00Z" "$bin" -f "$units/$u.db" export --period "$period" -o "$f" >/dev/null
			next=$(date -u -d "$when + 1 day" +%Y-%m-%d 2>/dev/null || echo "$when")
			TIENDO_NOW="${next}T01:30:00Z" t import "$f"
		done
fi
# tiendo checkpoints the WAL when it closes: the file is whole on its own.
mv -f "$tmp" "$db"
rm -f "$tmp-wal" "$tmp-shm"
echo "demo database: $db"
