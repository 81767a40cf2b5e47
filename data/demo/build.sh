#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the demo database that `make run` opens: the Đồng Tháp plan, a dozen
# communes and wards, and progress for 2025S2, 2026S1 and 2026S2, entered
# through the command line like a clerk would.
# Usage: data/demo/build.sh TIENDO_BINARY DATABASE
set -eu
bin=$1 db=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp="$db.tmp.$$"
rm -f "$tmp" "$tmp-wal" "$tmp-shm"
trap 'rm -f "$tmp" "$tmp-wal" "$tmp-shm"' EXIT
export TIENDO_LANG=en TIENDO_USER=demo
t() { "$bin" -f "$tmp" "$@" >/dev/null; }

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
rows "$here/entries.tsv" | while IFS=$us read -r unit task period when status pct cnt result diff; do
	result=$(printf '%s' "$result" | sed 's/\\n/\'"$nl"'/g')
	diff=$(printf '%s' "$diff" | sed 's/\\n/\'"$nl"'/g')
	TIENDO_NOW="${when}T09:30:00Z" t set "$task" --unit "$unit" --period "$period" \
		--status "$status" --percent "$pct" --count "$cnt" --result "$result" --difficulties "$diff"
done
rows "$here/indicators.tsv" | while IFS=$us read -r unit ind period when value note; do
	case $value in
	*/*) TIENDO_NOW="${when}T09:30:00Z" t set-indicator "$ind" --unit "$unit" --period "$period" \
		--numerator "${value%/*}" --denominator "${value#*/}" --note "$note" ;;
	*) TIENDO_NOW="${when}T09:30:00Z" t set-indicator "$ind" --unit "$unit" --period "$period" \
		--value "$value" --note "$note" ;;
	esac
done
# tiendo checkpoints the WAL when it closes: the file is whole on its own.
mv -f "$tmp" "$db"
rm -f "$tmp-wal" "$tmp-shm"
echo "demo database: $db"
