#!/bin/bash
# SPDX-License-Identifier: MIT
# Command help written once: the command table (tiendo --list-commands) against
# tiendo --help, each command's --help, both man pages (English docs/tiendo.1,
# Vietnamese docs/tiendo.vi.1) and the README's example commands. Every command
# of the table is in --help and in each man page's command list (and nothing
# else is); each option of a command's usage is named in its man entries; each
# `tiendo ... CMD` line of the README names a real command with options its
# usage has. The man pages as installed are groff -ww clean and carry the
# version of tiendo --version.
. "$SRCDIR/tests/lib.sh"
MANPAGES="docs/tiendo.1 docs/tiendo.vi.1"

"$TIENDO" --list-commands >"$T/table"
expect_eq "the command table is not empty" 1 "$([ "$(lines "$T/table")" -gt 10 ] && echo 1)"
"$TIENDO" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ && n++ { exit }' >"$T/help"
expect_file "tiendo --help lists every command of the table, in order" "$T/table" "$T/help"

# Each command's entry (name, summary, usage) is written once, beside its
# function and option table in its cmd_*.c; commands.c only lists them.
bad=""
while read -r c; do
	f=$(echo "$c" | tr - _)
	file=$(grep -l "^int cmd_$f(struct cli" "$SRCDIR"/src/cmd_*.c)
	[ -n "$file" ] && grep -q "^const struct command cmd_${f}_entry = {" "$file" &&
		grep -A1 "^const struct command cmd_${f}_entry = {" "$file" | grep -q "\.name = \"$c\"" || bad="$bad $c"
done <"$T/table"
expect_eq "each command's entry is beside its function in its cmd_*.c" "" "$bad"
expect_eq "commands.c holds no usage text" 0 "$(grep -c 'Usage:' "$SRCDIR/src/commands.c")"

# opts CMD: the options of CMD's usage (its --help), one a line, sorted; -f is global.
opts() {
	"$TIENDO" "$1" --help 2>/dev/null | grep -oE -- '(^|[][ (|])(--[a-z][a-z-]*|-[a-zA-Z])' |
		sed 's/^[][ (|]//' | grep -vx -- '-f' | sort -u
}
bad=""
while read -r c; do
	"$TIENDO" "$c" --help >"$T/out" 2>&1 && head -n 1 "$T/out" | grep -q "^Usage: tiendo \[-f DB\] $c\( \|$\)" ||
		bad="$bad $c"
	opts "$c" >"$T/opts.$c"
done <"$T/table"
expect_eq "each command's --help starts with its usage line" "" "$bad"

# man_entries PAGE: the COMMANDS section, one entry a line: the command name,
# a tab, then the entry's whole text (groff escapes undone: \- is -).
man_entries() {
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/"//g' "$1" | awk '
		/^\.SH/ { if (on) exit; if ($0 ~ /^\.SH (COMMANDS|CÁC LỆNH)$/) on = 1; next }
		!on { next }
		/^\.(TP|PP)/ { if (name != "") print name "\t" text; name = ""; text = ""; want = ($0 ~ /^\.TP/); next }
		want { sub(/^\.[A-Z]+ +/, ""); split($0, w, /[ \t]+/); name = w[1]; want = 0 }
		{ text = text " " $0 }
		END { if (name != "") print name "\t" text }'
}
for page in $MANPAGES; do
	man_entries "$SRCDIR/$page" >"$T/entries"
	cut -f 1 "$T/entries" | sort >"$T/man-cmds"
	sort "$T/table" >"$T/table-sorted"
	expect_file "$page: its command list is the command table" "$T/table-sorted" "$T/man-cmds"
	missing=""
	while read -r c; do
		entry=$(awk -F '\t' -v c="$c" '$1 == c { print $2 }' "$T/entries")
		[ -n "$entry" ] || continue
		while read -r o; do
			[ -n "$o" ] || continue
			printf '%s\n' "$entry" | grep -q -- "$o\([^a-z-]\|$\)" || missing="$missing $c:$o"
		done <"$T/opts.$c"
	done <"$T/table"
	expect_eq "$page: each command's entry names every option of its usage" "" "$missing"
done

# README and the man pages: every example line `tiendo [-f DB] CMD ...` (in a
# code block, or in backquotes; a man page's .nf block) names a command of the
# table and only options of its usage.
sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$SRCDIR/README" |
	grep -oE '(^    tiendo .*|`tiendo [^`]*`)' | tr -d '`' | sed 's/  *#.*//' >"$T/examples"
expect_eq "README has example commands" 1 "$([ "$(lines "$T/examples")" -gt 10 ] && echo 1)"
# and the man pages' examples (the lines between .nf and .fi)
for page in $MANPAGES; do
	sed -n '/^\.nf/,/^\.fi/p' "$SRCDIR/$page" | sed 's/\\-/-/g' | grep '^tiendo ' >>"$T/examples"
done
bad=""
while read -r line; do
	set -f
	# shellcheck disable=SC2086
	set -- $line
	set +f
	shift # tiendo
	while [ $# -gt 0 ]; do
		case $1 in
		-f | -k | --lang | --input) shift 2 ;;
		--ascii) shift ;;
		*) break ;;
		esac
	done
	[ $# -gt 0 ] || continue
	case $1 in --help | -h | --version | -V | --check-keymap) continue ;; esac
	c=$1
	if ! grep -qx -- "$c" "$T/table"; then
		bad="$bad [$line: no command '$c']"
		continue
	fi
	shift
	for w in "$@"; do
		o=$(printf '%s' "$w" | grep -oE -- '^\[?(--[a-z][a-z-]*|-[a-zA-Z])' | tr -d '[')
		[ -n "$o" ] || continue
		grep -qx -- "$o" "$T/opts.$c" || bad="$bad [$line: $c has no $o]"
	done
done <"$T/examples"
expect_eq "README and man pages: each example names a real command and its options" "" "$bad"

# The man pages as make installs them (scripts/manpage.sh): the version of
# the Makefile, groff escapes only; groff -ww finds nothing to warn about.
version=$("$TIENDO" --version | sed 's/^tiendo //')
for page in $MANPAGES; do
	sh "$SRCDIR/scripts/manpage.sh" "$version" "$SRCDIR/$page" >"$T/page"
	expect_grep "$page as installed: .TH carries version $version" "^\\.TH TIENDO 1 \"[^\"]*\" \"tiendo $version\"" "$T/page"
	expect_eq "$page as installed: ASCII only" 0 "$(LC_ALL=C grep -c '[^ -~	]' "$T/page")"
	groff -ww -man -Tutf8 "$T/page" >/dev/null 2>"$T/err"
	expect_eq "$page as installed: groff -ww prints no warning" "" "$(cat "$T/err")"
done
groff -ww -man -Tutf8 "$SRCDIR/docs/tiendo.1" >/dev/null 2>"$T/err"
expect_eq "docs/tiendo.1 itself: groff -ww prints no warning (no raw UTF-8)" "" "$(cat "$T/err")"
expect_no_grep "docs/tiendo.1 does not write the version (the Makefile does)" '^\.TH .*[0-9]+\.[0-9]+\.[0-9]+' "$SRCDIR/docs/tiendo.1"
