#!/bin/bash
# SPDX-License-Identifier: MIT
# The README's "What is where" matches src/ (issue 11): every file of src/ is
# named there, by its name or its family (cmd_*.c, ui_*.c, session*.c,
# catalog-vi*.def), and every file name written there exists.
. "$SRCDIR/tests/lib.sh"

sed -n '/^What is where/,/^    data\/plans\//p' "$SRCDIR/README" >"$T/where"
[ -s "$T/where" ] || { notok "README has a What is where section"; exit 0; }
# the families: words with a *, as globs of a name without its extension
mapfile -t families < <(grep -oE '[A-Za-z0-9_.-]*\*[A-Za-z0-9_.*-]*' "$T/where" | sed 's/\.[a-z]*$//' | sort -u)

cd "$SRCDIR/src" || exit 1
missing=
for f in *.c *.h *.def; do
	b=${f%.*}
	grep -qwF -- "$b" "$T/where" && continue
	grep -qwF -- "$f" "$T/where" && continue
	covered=
	for g in "${families[@]}"; do
		# shellcheck disable=SC2053
		[[ $b == $g ]] && covered=1 && break
	done
	[ -z "$covered" ] && missing="$missing $f"
done
if [ -z "$missing" ]; then ok "every file in src/ is in the README's What is where"; else
	notok "every file in src/ is in the README's What is where" "not named:$missing"; fi

# names written there: words with an underscore, or ending in .c, .h or .def,
# in the src/ paragraph (up to data/)
gone=
for w in $(sed -n '/src\//,/^    data\//p' "$T/where" | grep -oE '\b[a-z][a-z0-9]*(_[a-z0-9]+)+(\.[ch])?\b|\b[a-z][a-z0-9_]*\.(c|h|def)\b' | sort -u); do
	b=${w%.[ch]}
	[ -e "$b.c" ] || [ -e "$b.h" ] || [ -e "$w" ] || gone="$gone $w"
done
for g in "${families[@]}"; do
	compgen -G "$g.*" >/dev/null || gone="$gone $g"
done
if [ -z "$gone" ]; then ok "every file the README's What is where names exists"; else
	notok "every file the README's What is where names exists" "no such file in src/:$gone"; fi
