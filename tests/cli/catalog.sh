#!/bin/bash
# SPDX-License-Identifier: MIT
# The message catalog: every message in the code has a Vietnamese translation,
# and each translation keeps the printf conversions of its English original.
. "$SRCDIR/tests/lib.sh"

grep -ohP '\b(tr|N_)\("(?:[^"\\]|\\.)*"\)' "$SRCDIR"/src/*.[ch] | sed -E 's/^(tr|N_)\("//; s/"\)$//' | sort -u >"$T/used"
"$TIENDO" --dump-catalog >"$T/catalog"
cut -f1 "$T/catalog" | sort >"$T/have"
missing=$(comm -23 "$T/used" "$T/have")
if [ -z "$missing" ]; then ok "every message has a Vietnamese translation"; else
	notok "every message has a Vietnamese translation" "missing:
$missing"; fi
unused=$(comm -13 "$T/used" "$T/have" | grep -v '^tiendo$')
if [ -z "$unused" ]; then ok "no stale catalog entries"; else notok "no stale catalog entries" "$unused"; fi
dups=$(cut -f1 "$T/catalog" | sort | uniq -d)
if [ -z "$dups" ]; then ok "no message translated twice"; else notok "no message translated twice" "$dups"; fi
convs() { grep -oE '%[-+ #0-9.*]*(hh|h|ll|l|z|j|t)?[diouxXeEfgGcspn%]' | tr '\n' ' '; }
bad=""
while IFS=$'\t' read -r en vi; do
	[ "$(printf '%s' "$en" | convs)" = "$(printf '%s' "$vi" | convs)" ] || bad="$bad
$en"
done <"$T/catalog"
if [ -z "$bad" ]; then ok "translations keep their printf conversions"; else
	notok "translations keep their printf conversions" "$bad"; fi
empty=$(awk -F'\t' '$2 == ""' "$T/catalog")
if [ -z "$empty" ]; then ok "no empty translation"; else notok "no empty translation" "$empty"; fi

# Display strings built outside tr(): the faces (cmd_*.c, ui_*.c, describe.c,
# the consolidated table) show a plan code through its label (describe.h:
# unit_kind_label, consolidation_label...), never through the *_name
# functions that give the stable codes of the files, and never a bare
# "yes"/"no". A line that writes a machine-flavour file says so with
# "machine code" in a comment.
cd "$SRCDIR/src" || exit 1
raw=$(grep -nE '\b(unit_kind_name|consolidation_name|period_type_name|dl_kind_name|conflict_state_name|ind_kind_name)\(|[?:] *"(yes|no)"' \
	cmd_*.c ui_*.c describe.c consolidate_table.c | grep -v 'machine code')
if [ -z "$raw" ]; then ok "codes reach the screen only through their catalog labels"; else
	notok "codes reach the screen only through their catalog labels" "$raw"; fi
