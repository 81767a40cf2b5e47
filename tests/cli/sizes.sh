#!/bin/bash
# SPDX-License-Identifier: MIT
# The house's size limits (STYLE.md, issue 11): every function in src/ under
# 100 lines, counted from the first line of its declaration to its closing
# brace, and every file in src/ at most 800 lines. The functions are found by
# their layout (tiendo's style): a body opens with "{" and closes with "}" at
# column 0, and the declaration starts at the last line before it that begins
# with a letter at column 0. The last check runs the counter on a made-up
# file, so that a broken counter cannot pass everything.
. "$SRCDIR/tests/lib.sh"

# long_functions LIMIT FILE...: "file:line: N lines: declaration" of each
# function of LIMIT lines or more
long_functions() {
	local limit=$1; shift
	awk -v limit="$limit" '
		FNR == 1 { head = 0; open = 0 }
		/^[A-Za-z_]/ && !open { head = FNR; decl = $0 }
		/^\{/ && !open { open = 1; next }
		/^\}/ && open {
			n = FNR - head + 1
			if (n >= limit) printf "%s:%d: %d lines: %s\n", FILENAME, head, n, decl
			open = 0
		}' "$@"
}

cd "$SRCDIR/src" || exit 1
off=$(long_functions 100 *.c)
if [ -z "$off" ]; then ok "every function in src/ is under 100 lines"; else
	notok "every function in src/ is under 100 lines" "$off"; fi

off=$(wc -l -- *.c *.h *.def | awk '$2 != "total" && $1 > 800 { print $2 ": " $1 " lines" }')
if [ -z "$off" ]; then ok "no file in src/ is over 800 lines"; else
	notok "no file in src/ is over 800 lines" "$off"; fi

# the counter itself: a 100-line function is found, a 99-line one is not
{
	printf 'static int short_one(void)\n{\n'
	for i in $(seq 96); do printf '\tx++;\n'; done
	printf '}\n\nint long_one(int a,\n\t     int b)\n{\n\tif (a) {\n'
	for i in $(seq 93); do printf '\t\tb++;\n'; done
	printf '\t}\n\treturn a + b;\n}\n'
} >"$T/probe.c"
got=$(long_functions 100 "$T/probe.c" | sed 's/^[^:]*://')
expect_eq "the counter finds a 100-line function and passes a 99-line one" \
	"101: 100 lines: int long_one(int a," "$got"
